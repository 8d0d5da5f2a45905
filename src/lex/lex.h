/* Lexicons and the matching engine: data/ TSV files compiled once into an
 * immutable word table + phrase trie; longest multi-word match over the
 * normalized tokens of a text, with clitic-aware lookup. */
#ifndef ALQ_LEX_H
#define ALQ_LEX_H
#include <stddef.h>
#include <stdint.h>
#include "alaqat.h"
#include "text/text.h"
#include "util/arena.h"

/* What an entry is. */
typedef enum alq_lexkind {
  ALQ_LK_ACTOR = 1,  /* value: actor index */
  ALQ_LK_PLACE,      /* value: place index */
  ALQ_LK_REL,        /* cls: alq_reltype; value: pos char; flags: ALQ_RF_* */
  ALQ_LK_CUE,        /* cls: alq_cue; value: class-specific integer (neg:
                        0 particle, 1 verb, 2 noun, 3 none = a shield such as
                        لا سيما; hedge: 1 = only before an imperfect verb) */
  ALQ_LK_MONTH       /* value: 1..12; flags: ALQ_MF_HIJRI */
} alq_lexkind;

typedef enum alq_reltype {
  ALQ_REL_NONE = 0,
  ALQ_REL_ALLIANCE, ALQ_REL_MERGER, ALQ_REL_COOPERATION, ALQ_REL_RECONCILIATION,
  ALQ_REL_SUPPORT, ALQ_REL_CONFLICT, ALQ_REL_RIVALRY, ALQ_REL_SPLIT,
  ALQ_REL_AFFILIATION, ALQ_REL_BLOCK,
  ALQ_REL__COUNT
} alq_reltype;

/* Relation trigger flags (relations.tsv column 4). */
enum {
  ALQ_RF_FIGURATIVE = 1, ALQ_RF_MUTUAL = 2, ALQ_RF_NEEDS_BETWEEN = 4,
  ALQ_RF_DIRECTED = 8, ALQ_RF_PASSIVE = 16,
  ALQ_RF_ROLE = 32,       /* a part of its owner (فرع، ذراع، جناح): the owner follows, the member precedes */
  ALQ_RF_ENDS_CONFLICT = 64, ALQ_RF_ENDS_RIVALRY = 128, /* a reconciliation naming the hostility it ends */
  ALQ_RF_PERMISSION = 256, /* allowing: a relation only with a `use` cue after it (سمحت X لـ Y باستخدام)*/
  ALQ_RF_HELP = 512,       /* help that can name its giver after ب (X بمساندة Y: Y helps X) */
  ALQ_RF_MEMBER_IN = 1024, /* a partner noun: a partner *in* a coalition (شريك في التحالف) is its member */
  ALQ_RF_ONE_SIDED = 2048, /* an attack word: nationality adjectives after it are its agents together */
  ALQ_RF_JOINER = 4096,    /* joining (انضمام X إلى Y): the joiner is the noun's genitive */
  ALQ_RF_PARTNER = 8192    /* a partner noun (حليف، شريك): حليفتا X، Y و Z relates X to Y and to Z */
};

/* Cue classes (cues.tsv column 2). Keep in sync with cue_names in lex.c. */
typedef enum alq_cue {
  ALQ_CUE_NEG, ALQ_CUE_HEDGE, ALQ_CUE_QUESTION, ALQ_CUE_SAY_VERB, ALQ_CUE_ACCORDING,
  ALQ_CUE_ANON_SOURCE, ALQ_CUE_OUTLET_HEAD, ALQ_CUE_OFFICIAL_ROLE, ALQ_CUE_PERSON_ROLE,
  ALQ_CUE_PAIR_ANAPHOR, ALQ_CUE_SINGLE_ANAPHOR, ALQ_CUE_ORG_HEAD, ALQ_CUE_MEMBER_NOUN,
  ALQ_CUE_AMBIG_BLOCK_AFTER, ALQ_CUE_AMBIG_BLOCK_BEFORE, ALQ_CUE_COALITION_CTX,
  ALQ_CUE_COALITION_LEADER, ALQ_CUE_TIME_RECENT, ALQ_CUE_TIME_NOW, ALQ_CUE_TIME_DAY,
  ALQ_CUE_WEEKDAY, ALQ_CUE_TIME_SINCE, ALQ_CUE_TIME_PART, ALQ_CUE_TIME_UNIT,
  ALQ_CUE_TIME_LAST, ALQ_CUE_PLACE_HEAD, ALQ_CUE_PLACE_PREP, ALQ_CUE_CHROME,
  ALQ_CUE_RECIPROCAL, ALQ_CUE_TITLE_WORD, ALQ_CUE_NATIONALITY,
  /* grammar.tsv: function words that shape argument structure and scope */
  ALQ_CUE_BETWEEN, ALQ_CUE_WITH, ALQ_CUE_AGAINST, ALQ_CUE_BY, ALQ_CUE_CLAUSE,
  ALQ_CUE_RELATIVE, ALQ_CUE_RECEIVE, ALQ_CUE_SELF_DENY, ALQ_CUE_FORCE_HEAD,
  ALQ_CUE_COMPLEMENTIZER, ALQ_CUE_DUAL_HEAD, ALQ_CUE_QUANTIFIER, ALQ_CUE_KUNYA, ALQ_CUE_OPERATIONS,
  ALQ_CUE_CITING, ALQ_CUE_FROM, ALQ_CUE_SAY_PARTICIPLE, ALQ_CUE_COPULA, ALQ_CUE_EXAMPLES, ALQ_CUE_SOLDIER, ALQ_CUE_NOT_TRIGGER,
  /* names.tsv: persons and outlets */
  ALQ_CUE_GIVEN_NAME, ALQ_CUE_NAME_LINK, ALQ_CUE_PERSON_NAME, ALQ_CUE_OUTLET_NAME, ALQ_CUE_NOT_NAME,
  ALQ_CUE_PLACE_NAME_HEAD, ALQ_CUE_PLACE_VERB, ALQ_CUE_STATE_HEAD, ALQ_CUE_BORDER_WORD,
  /* cues.tsv: counts written as words (ثلاثة، يومين) */
  ALQ_CUE_NUMBER_WORD,
  /* grammar.tsv: a side of a two-sided relation (X و Y من جهة، و Z من جهة أخرى) */
  ALQ_CUE_SIDE,
  /* grammar.tsv: the use a permission grants (باستخدام قواعدها) */
  ALQ_CUE_USE,
  ALQ_CUE__COUNT
} alq_cue;

/* Entry flags. */
enum {
  ALQ_EF_NAME = 1,        /* a name (actor/place): the article is never stripped,
                             clitics only on the first word */
  ALQ_EF_AMBIG_CONTEXT = 2, /* actor unless a blocking cue is adjacent */
  ALQ_EF_AMBIG_HEAD = 4,  /* actor only with a head/member cue or coordination */
  ALQ_EF_COALITION = 8,   /* التحالف-like: actor only after coalition context */
  ALQ_MF_HIJRI = 16,      /* month of the Hijri calendar */
  ALQ_EF_GOV_FORCES = 32, /* "government forces": the force of the country in focus */
  ALQ_EF_GOV_STATE = 64,  /* "the government": the country in focus itself */
  ALQ_EF_NATIONAL_ARMY = 128, /* "the national army": the one of the country in focus
                                 when forces.tsv names it (column 3), else the entry's actor */
  ALQ_EF_YEMEN_STORY = 256  /* the actor only in a story about Yemen (المتمردين = the Houthis) */
};

typedef struct alq_lexent {
  uint8_t kind;    /* alq_lexkind */
  uint8_t cls;     /* alq_reltype or alq_cue */
  uint16_t flags;  /* ALQ_EF_* | ALQ_RF_* (REL uses the RF set in rflags) */
  uint16_t rflags; /* ALQ_RF_* for relation triggers */
  int32_t value;   /* see alq_lexkind */
  uint32_t form;   /* offset of the entry's source form in lex->strings */
} alq_lexent;

/* What an actor's type and id are, as bits (alq_actor.tbits), so the
 * passes test them without strcmp: the type (STATE, ORG, COALITION) and
 * whether the id marks a Yemen or a Syria/Iraq story (mentions.c). */
enum { ALQ_AT_STATE = 1, ALQ_AT_ORG = 2, ALQ_AT_COALITION = 4, ALQ_AT_YEMEN_STORY = 8, ALQ_AT_SYRIA_STORY = 16 };

typedef struct alq_actor {
  const char *id, *type, *english, *founded, *ended, *successor;
  const char *arabic;   /* the first Arabic alias, for display */
  uint8_t tbits;        /* ALQ_AT_* from type and id, set once at load */
} alq_actor;

typedef struct alq_place {
  const char *name;    /* as listed */
  const char *kind;    /* country, province, city, ... */
  int state;           /* actor index of its state, or -1 */
  uint8_t country;     /* kind is "country" (set once at load) */
} alq_place;

/* One match of the scanner: a phrase of the lexicon found in the text. */
typedef struct alq_match {
  uint32_t tok_first, tok_last;  /* inclusive token range */
  uint32_t start, end;           /* bytes: clitics (and a leading head before a
                                    quote) excluded */
  const uint32_t *ents;          /* indices into lex->ents of the accepted entries */
  uint32_t nents;
  uint16_t strip;                /* normalized bytes of proclitics stripped from the first token */
  uint16_t flags;                /* ALQ_MT_* */
  /* What the accepted entries are, for O(1) rejection in lookups: bit k of
   * kinds is set when some entry has kind k (alq_lexkind); bit c of cues
   * when some ALQ_LK_CUE entry has class c; bit r of rels likewise for
   * ALQ_LK_REL. A set bit means "look at the entries". */
  uint16_t kinds, rels;
  uint64_t cues;
} alq_match;

/* Whether match m may hold an entry of `kind` (and class `cls`, or any class
 * when cls < 0): 0 means it certainly does not. */
static inline int alq_match_may_have(const alq_match *m, int kind, int cls) {
  if (!(m->kinds & (1u << kind))) return 0;
  if (cls < 0) return 1;
  if (kind == ALQ_LK_CUE) return cls < 64 && ((m->cues >> cls) & 1);
  if (kind == ALQ_LK_REL) return cls < 16 && ((m->rels >> cls) & 1);
  return 1;
}

enum { ALQ_MT_CLITIC = 1, ALQ_MT_ARTICLE = 2, ALQ_MT_PREFIX = 4, ALQ_MT_NAME = 8, ALQ_MT_WORD = 16 };

struct alq_lexicon {
  char *strings; size_t nstrings, capstrings;  /* all interned strings */
  alq_actor *actors; size_t nactors;
  alq_place *places; size_t nplaces;
  alq_lexent *ents; size_t nents;     /* grouped by trie node */
  /* word table: normalized word -> word id (exact) */
  struct alq_wslot *words; size_t wcap; uint32_t nwords, nexact, nstem;
  /* prefix table: normalized stem -> word id (star entries) */
  struct alq_wslot *pfx; size_t pcap;
  /* phrase trie edges: (node, word id) -> child node */
  struct alq_eslot *edges; size_t ecap; uint32_t nnodes;
  uint32_t *node_ent_first, *node_ent_count;  /* per node */
  uint32_t capnodes;
  /* building only: (node, entry) pairs before grouping */
  struct alq_pending *pend; size_t npend, cappend;
  uint16_t pfx_min, pfx_max;           /* byte lengths of the shortest/longest stem */
  int actor_isis, actor_al_qaeda;      /* handy indices (-1 if absent) */
  int actor_intl_coalition, actor_arab_coalition;
  int *state_force;                    /* per actor: its state's armed-force actor (forces.tsv), or -1 */
  int *state_national_army;            /* per actor: the army a bare "national army" names in its
                                          stories (forces.tsv column 3), or -1 */
  uint32_t *actor_ix; size_t actor_ixcap; /* actor ids hashed: index + 1 (0 empty), the first of equal ids */
  /* Lookup filters, built from the word tables on the first scan (lex.c;
   * guarded, so threads may share the lexicon): most tokens match nothing
   * and are rejected here without probing the tables. */
  _Atomic int filt_ready;
  uint16_t filt_k;                     /* bytes of a word's head in head_bits */
  uint64_t head_bits[1024];            /* the first min(len, filt_k) bytes (and that
                                          length) of every exact word and stem */
  uint64_t exact_bits[1024];           /* bloom bit of every exact word's hash */
  uint64_t stem_bits[128];             /* bloom bit of every stem's hash */
  uint64_t stem_head_bits[1024];       /* head_bits of the stems alone */
  uint64_t *node_inner;                /* bit per trie node: it has a child (NULL: unknown) */
  uint64_t *node_acc;                  /* two bits per trie node (2n: it has entries; 2n + 1:
                                          one of them is no name (ALQ_EF_NAME), so it accepts
                                          a match whatever proclitics or article came before),
                                          NULL: unknown */
  uint32_t *root_child;                /* per word id (1..nwords): the root's child by it, or 0
                                          (NULL: unknown) */
  uint64_t edge_bits[2048];            /* bloom bit of every edge from an inner node
                                          (not the root): a phrase's next word is
                                          looked for in the edge table only when its
                                          bit is set */
};

/* Finds an actor index by id, or -1 (the first actor with that id). */
int alq_lex_actor_find(const alq_lexicon *lex, const char *id);
/* Adds actor i (just appended, id set) to the id index (load.c). Returns 0
 * or ALQ_ENOMEM. */
int alq_lex_actor_index_add(alq_lexicon *lex, size_t i);

/* Per-token lookup candidates, computed once per text (internal to the scan). */
typedef struct alq_cand { uint32_t word; uint16_t strip; uint8_t flags; } alq_cand;

/* Scans tokens [lo, hi) of t and returns the longest matches, left to right,
 * non-overlapping: at each token the longest phrase over all entry kinds; the
 * match lists every entry of that phrase (an actor and a trigger may share a
 * form). Allocates *out in the arena; returns the number of matches or a
 * negative ALQ_ENOMEM. */
long alq_lex_scan(const alq_lexicon *lex, const alq_text *t, size_t lo, size_t hi,
                  alq_arena *a, alq_match **out);

/* A cache of lookup candidates for alq_lex_scan_c (one per thread: 8 MB
 * mapped, touched as used). Reference-counted: alq_lex_cache_ref gives one
 * more user (the same thread's, or one that never scans at the same time),
 * alq_lex_cache_free drops one and unmaps it after the last. */
typedef struct alq_lex_cache alq_lex_cache;
alq_lex_cache *alq_lex_cache_new(void);
alq_lex_cache *alq_lex_cache_ref(alq_lex_cache *c);
void alq_lex_cache_free(alq_lex_cache *c);
/* alq_lex_scan with a cache (NULL: none); same matches. */
long alq_lex_scan_c(const alq_lexicon *lex, alq_lex_cache *c, const alq_text *t, size_t lo, size_t hi,
                    alq_arena *a, alq_match **out);

/* (speed) What a scan found per token, kept for the name rules: every
 * token's lookup candidates (in the scan's arena; valid until its reset). */
typedef struct alq_scan_info {
  const alq_cand *cands;         /* token i - lo: cands[cfirst[i-lo] .. cfirst[i-lo+1]) */
  const uint32_t *cfirst;        /* NULL: no scan */
  size_t lo, hi;
} alq_scan_info;
/* alq_lex_scan_c that also fills *info (NULL: not). */
long alq_lex_scan_ci(const alq_lexicon *lex, alq_lex_cache *c, const alq_text *t, size_t lo, size_t hi,
                     alq_arena *a, alq_match **out, alq_scan_info *info);
/* alq_cand.flags: the candidate is a stem (`*` entry) of a prefix of its form */
#define ALQ_CAND_PFX 4
/* alq_lex_word_entries of token i's whole normalized form, read from the
 * candidates the scan of t found for it (its exact word, first of them, or
 * none: no hash and no probe of the word table): returns 1 and sets *n
 * (and *ents when *n > 0), or 0 when the scan does not tell (no scan, i
 * outside it, not a word token). */
static inline int alq_lex_tok_word_entries(const alq_lexicon *lex, const alq_scan_info *info, const alq_text *t,
                                           size_t i, uint32_t *n, const alq_lexent **ents) {
  if (!info->cfirst || i - info->lo >= info->hi - info->lo || !lex->root_child) return 0;
  /* (words only: the scan looks nothing else up) */
  if ((unsigned)t->toks[i].kind - ALQ_TOK_ARABIC > ALQ_TOK_NUMBER - ALQ_TOK_ARABIC) return 0;
  /* token_cands' first lookup is the form itself, its exact word (if any)
     first: a form without one has no candidate, or a first one that is a
     stem or of a form with proclitics stripped */
  uint32_t a = info->cfirst[i - info->lo];
  *n = 0;
  if (a == info->cfirst[i - info->lo + 1]) return 1;
  const alq_cand *c = &info->cands[a];
  if (c->strip || (c->flags & ALQ_CAND_PFX)) return 1;
  uint32_t child = lex->root_child[c->word];   /* (word ids: 1..nwords) */
  if (child && lex->node_ent_count[child]) {
    *ents = lex->ents + lex->node_ent_first[child];
    *n = lex->node_ent_count[child];
  }
  return 1;
}

/* Whether the cache holds normalized form s[0..n): its number of
 * candidates, or -1 (for tests: the scan hashes each word one token ahead
 * and must file it under its own hash). */
int alq_lex_cache_find(const alq_lex_cache *c, const char *s, size_t n);
/* (tests) The child of trie node `node` by word id `word`, or 0: through the
 * edge filter the scan uses for nodes other than the root when filtered. */
uint32_t alq_lex_edge(const alq_lexicon *lex, uint32_t node, uint32_t word, int filtered);

/* Looks up a single normalized word (no clitic stripping); returns the entries
 * of the one-word phrase, or 0. */
uint32_t alq_lex_word_entries(const alq_lexicon *lex, const char *norm, size_t n,
                              const alq_lexent **ents);
/* The same through the cache c of a scan of lex (its recent answers kept;
 * without a cache, or one not bound to lex by a scan yet, as above). */
uint32_t alq_lex_word_entries_c(const alq_lexicon *lex, alq_lex_cache *c, const char *norm, size_t n,
                                const alq_lexent **ents);

const char *alq_reltype_name(int t);
int alq_reltype_directed(int t);
int alq_reltype_class(int t);   /* 0 cooperative, 1 hostile, 2 structural */
#endif
