/* Extraction internals shared by the extract/ sources files: the per-document
 * state (tokens, lexicon matches, mentions, lines) built once and read by the
 * mention, date, attribution and claim passes. */
#ifndef ALQ_EXTRACT_H
#define ALQ_EXTRACT_H
#include "alaqat.h"
#include "lex/lex.h"
#include "text/text.h"
#include "util/arena.h"

/* A resolved mention (actor, place, date, person, outlet). */
/* MK_NEWORG: an organization found by its head word, not in the lexicon:
 * reported as a mention (new: id), not used as a claim party (the gold and
 * the spec's claims use canonical ids). */
typedef enum { MK_ACTOR = 1, MK_PLACE, MK_DATE, MK_PERSON, MK_OUTLET, MK_NEWORG } mkind;

typedef struct ment {
  uint32_t start, end;          /* bytes */
  uint32_t tf, tl;              /* inclusive token range */
  uint8_t kind;                 /* mkind */
  int actor;                    /* actor index (MK_ACTOR; also a country place's state) */
  int match;                    /* index of the lexicon match, or -1 */
  const char *id;               /* output id */
  const char *type;             /* output type */
  int group;                    /* coordination group (actors joined by و/،), -1 if alone */
  uint32_t sent;
} ment;

typedef struct date_expr {
  uint32_t start, end, tf, tl;
  char iso[32];                 /* YYYY, YYYY-MM, YYYY-MM-DD or an interval; "" unresolved */
  int relative;                 /* resolved against the document date */
  int vague;                    /* recency/now words: a claim's time, not a DATE mention */
  char ival[32];                /* with the next date joined by و: the interval */
  int second;                   /* the second part of such an interval */
  char form;                    /* 'd' a day word (أمس، اليوم), 'w' a weekday, else 0 */
} date_expr;

/* Per-sentence facts. */
typedef struct sent_info {
  uint32_t line;                /* line index */
  uint8_t chrome;               /* page chrome: 1 no claims, no mentions; 2 no claims */
  uint8_t headline;             /* part of the title line */
  uint8_t question;             /* ends with ? / ؟ or starts with هل */
  uint8_t subhead;              /* a short line without final punctuation */
} sent_info;

struct alq_extractor {
  const alq_lexicon *lex;
  alq_arena arena;
  alq_lex_cache *lcache;        /* lookup candidates of recent forms (kept across documents) */
  alq_text text;
  const alq_doc *doc;
  alq_match *m; size_t nm;
  alq_scan_info scan;           /* (speed) the scan's per-token candidates (alq_lex_tok_word_entries) */
  int32_t *tok_match;           /* per token: match covering it, -1 */
  uint64_t *tok_cues;           /* per token: that match's cue classes (alq_match.cues), 0 */
  int32_t *tok_ment;            /* per token: mention covering it, -1 */
  ment *ments; size_t nments, capments;
  ment *nested; size_t nnested;  /* persons inside an actor's name: output only */
  date_expr *dates; size_t ndates, capdates;
  sent_info *si;
  int doc_y, doc_m, doc_d;      /* document date, 0 if unknown */
  char doc_date[16];
  uint32_t title[2];
  int focus[2];                 /* last pair of actors named together */
  uint32_t focus_span[2][2];    /* where that pair was named */
  int sides[2];                 /* a coordinated pair's first name and the third it fought together */
  uint32_t sides_sent;          /* the sentence of that fight */
  int strong[2];                /* the last pair named with بين or a dual head */
  uint32_t strong_span[2][2];
  uint32_t strong_sent;         /* the sentence that named it */
  int head_pair[2];             /* the headline's pair (rule 10) */
  uint32_t head_span[2][2];
  int last_actor;               /* last actor named (for single anaphors) */
  int last_org, last_state;     /* last organization / force / coalition, last state */
  int last_org_militia;         /* last_org was named with a militia head (ميليشيات X) */
  /* (speed, claims.c) last_org_militia is -1 until asked: its mention's
     first token and whether a token of its sentence is before that */
  uint32_t last_org_tf; int last_org_after_first;
  int last_coalition;           /* the last actor named by a coalition word (ائتلاف، تحالف) */
  int coalition_default;        /* actor index for bare "the coalition" */
  int focus_state;              /* the state the story is about, or -1 */
  int yemen_story;              /* the story is about Yemen (its names outnumber Syria's and Iraq's) */
  int common_sense[4];          /* ambiguous names read as common nouns in this story (القاعدة الجوية) */
  int ncommon;
  const char *last_src, *last_src_kind;  /* the last speaker (for وتابعت) */
  uint32_t last_src_sent;       /* the sentence that named the last speaker */
  const char *last_anon, *last_outlet;   /* first unnamed source / outlet named */
  int32_t *first_ref;           /* per mention, the first mention it repeats as a source (-2: not known yet) */
  /* (speed, claims.c) the tokens whose match has a verb of saying or بحسب,
     in order, or NULL */
  uint32_t *say_toks; size_t nsay;
  size_t say_sp, say_sp_from;   /* (claims.c) say_toks[say_sp]: the first one >= token say_sp_from */
  /* (speed, claims.c) the tokens with the unnamed-source cue, in order,
     for earlier_anon (made on its first call: anon_ready) */
  uint32_t *anon_toks; size_t nanon;
  uint32_t *anon_ms; size_t nanon_ms;   /* (claims.c: the matches anon_toks is made from) */
  int anon_ready;
  /* (speed, chrome.c for dates.c) the number tokens, in order, found by
     the chrome pass's walk over the lines; NULL: dates.c finds them */
  uint32_t *num_toks; size_t nnum;
  /* (speed, x_begin for dates.c and mentions.c) the matches that may start
     a date (a month, DATE_START_CUES) and the matches the mention loop
     reads (an actor, a place, MENTION_CUES), in order */
  uint32_t *date_ms; size_t ndate_ms;
  uint32_t *ment_ms; size_t nment_ms;
  /* output */
  alq_claim *claims; size_t nclaims, capclaims;
  alq_mention *outm; size_t noutm;
  alq_issue *issues; size_t nissues;
  alq_result res;
};

/* The cue classes that can start a date expression on a word (a weekday,
 * recency and now words, a named day, since, a time unit). */
#define DATE_START_CUES                                                                          \
  ((1ull << ALQ_CUE_WEEKDAY) | (1ull << ALQ_CUE_TIME_RECENT) | (1ull << ALQ_CUE_TIME_NOW) |      \
   (1ull << ALQ_CUE_TIME_DAY) | (1ull << ALQ_CUE_TIME_SINCE) | (1ull << ALQ_CUE_TIME_UNIT))
/* The cue classes that can make a match a name unit in mentions.c (not_name
 * only ever unmakes one, so a match without these is none whatever it says). */
#define NAME_CUES                                                                                    \
  ((1ull << ALQ_CUE_PERSON_NAME) | (1ull << ALQ_CUE_GIVEN_NAME) | (1ull << ALQ_CUE_NAME_LINK) |         \
   (1ull << ALQ_CUE_KUNYA) | (1ull << ALQ_CUE_NATIONALITY))
/* The cue classes x_mentions' rules read on a match (name_unit's too). A
 * rule that starts reading another cue class on a match must add it here
 * (the mention loop visits only the matches listed by it, x->ment_ms);
 * test_mentions_fast shows the omission only if its corpora exercise the
 * rule. */
#define MENTION_CUES                                                                                       \
  (NAME_CUES | (1ull << ALQ_CUE_OUTLET_NAME) | (1ull << ALQ_CUE_FORCE_HEAD) | (1ull << ALQ_CUE_STATE_HEAD) | \
   (1ull << ALQ_CUE_PLACE_NAME_HEAD) | (1ull << ALQ_CUE_ORG_HEAD) | (1ull << ALQ_CUE_OFFICIAL_ROLE) |      \
   (1ull << ALQ_CUE_PERSON_ROLE) | (1ull << ALQ_CUE_TITLE_WORD) | (1ull << ALQ_CUE_SAY_VERB) |             \
   (1ull << ALQ_CUE_OUTLET_HEAD))

/* Does lexicon match i carry an entry of this kind (and class, -1 any)?
 * Returns the entry or NULL. */
static inline const alq_lexent *x_ent(const struct alq_extractor *x, int match, int kind, int cls) {
  if (match < 0) return NULL;
  const alq_match *m = &x->m[match];
  if (!alq_match_may_have(m, kind, cls)) return NULL;
  for (uint32_t k = 0; k < m->nents; k++) {
    const alq_lexent *e = &x->lex->ents[m->ents[k]];
    if (e->kind == kind && (cls < 0 || e->cls == cls)) return e;
  }
  return NULL;
}
/* Entry of kind/class on the match covering token i, or NULL. */
static inline const alq_lexent *x_tok_ent(const struct alq_extractor *x, size_t tok, int kind, int cls) {
  if (tok >= x->text.ntoks) return NULL;
  /* a cue class (the usual question, and most often "no"): one load */
  if (kind == ALQ_LK_CUE && cls >= 0 && cls < 64 && !((x->tok_cues[tok] >> cls) & 1)) return NULL;
  int32_t k = x->tok_match[tok];
  if (k < 0 || !alq_match_may_have(&x->m[k], kind, cls)) return NULL;
  return x_ent(x, k, kind, cls);
}

/* alq_lex_word_entries through the extractor's cache, which keeps recent
 * answers (speed; the same entries). */
static inline uint32_t x_word_entries(const struct alq_extractor *x, const char *norm, size_t n,
                                      const alq_lexent **ents) {
  return alq_lex_word_entries_c(x->lex, x->lcache, norm, n, ents);
}

int x_find_dates(struct alq_extractor *x);
void x_resolve_dates(struct alq_extractor *x);
int x_begin(struct alq_extractor *x, const alq_doc *doc);   /* state, text, scan, token indexes */
int x_mentions(struct alq_extractor *x);
int x_claims(struct alq_extractor *x);
int x_chrome(struct alq_extractor *x);

/* Does the mention carry the proclitic `letter` (X_WAW, X_LAM, ...)? */
int x_ment_has_clitic(const struct alq_extractor *x, const ment *m, const char *letter);

/* The actor a person mention stands for (CLAIMS.md rules 1 and 11): the
 * organization, force, coalition or state whose office the same sentence
 * gives the person (زعيم النصرة أبو محمد الجولاني، قائد الوحدات الكردية
 * ...، سيمان حمو; سيمان حمو، قائد الوحدات الكردية), or -1 for a bare name.
 * For the claims pass; mentions.c finds it, nothing else uses it yet. */
int x_person_org(const struct alq_extractor *x, const ment *p);
#define X_WAW "\xd9\x88"
#define X_LAM "\xd9\x84"
#define X_BA "\xd8\xa8"
#define X_FI "\xd9\x81\xd9\x8a"   /* في */

/* Is token i a word (Arabic/Latin/number)? */
static inline int x_is_word(const alq_text *t, size_t i) {
  return t->toks[i].kind == ALQ_TOK_ARABIC || t->toks[i].kind == ALQ_TOK_LATIN ||
         t->toks[i].kind == ALQ_TOK_NUMBER;
}
/* Normalized text of token i equals s? */
int x_tok_is(const alq_text *t, size_t i, const char *s);
/* Is the word at token i definite: ال, لل, or ال after one proclitic (و ف ب ك)? */
int x_definite(const alq_text *t, size_t i);
#endif
