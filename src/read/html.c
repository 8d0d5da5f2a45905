/* HTML reader: decodes the page (BOM, <meta charset>, http-equiv, or a
 * guess), parses it with gumbo, keeps the headline, date, outlet and the
 * article body (the block with the most Arabic text in its paragraphs), drops
 * page chrome, and maps every derived byte back to the raw page bytes. */
#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "read/read.h"
#include "util/util.h"

/* ---- charset ---------------------------------------------------------- */

static int ieq_prefix(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  if (n < m) return 0;
  for (size_t i = 0; i < m; i++)
    if (tolower((unsigned char)s[i]) != p[i]) return 0;
  return 1;
}

int alq_enc_from_label(const char *v, size_t vn) {
  if (ieq_prefix(v, vn, "utf-8") || ieq_prefix(v, vn, "utf8")) return ALQ_ENC_UTF8;
  if (ieq_prefix(v, vn, "windows-1256") || ieq_prefix(v, vn, "cp1256") ||
      ieq_prefix(v, vn, "x-cp1256")) return ALQ_ENC_CP1256;
  if (ieq_prefix(v, vn, "iso-8859-6") || ieq_prefix(v, vn, "iso_8859-6") ||
      ieq_prefix(v, vn, "arabic")) return ALQ_ENC_ISO8859_6;
  return -1;
}

/* The charset declared in the first 4 KiB (<meta charset=...> or
 * content="...; charset=..."), as an encoding; -1 when none or unknown. */
static int declared_charset(const char *s, size_t n) {
  if (n > 4096) n = 4096;
  for (size_t i = 0; i + 8 < n; i++) {
    if (!ieq_prefix(s + i, n - i, "charset")) continue;
    size_t j = i + 7;
    while (j < n && (s[j] == ' ' || s[j] == '=' || s[j] == '"' || s[j] == '\'')) j++;
    int e = alq_enc_from_label(s + j, n - j);
    if (e >= 0) return e;
  }
  return -1;
}

int alq_read_is_html(const char *name, const char *raw, size_t len) {
  if (name) {
    size_t n = strlen(name);
    if ((n > 5 && !strcmp(name + n - 5, ".html")) || (n > 4 && !strcmp(name + n - 4, ".htm")) ||
        (n > 5 && !strcmp(name + n - 5, ".HTML")) || (n > 4 && !strcmp(name + n - 4, ".HTM"))) return 1;
  }
  size_t i = 0;
  if (len >= 3 && (unsigned char)raw[0] == 0xEF && (unsigned char)raw[1] == 0xBB && (unsigned char)raw[2] == 0xBF) i = 3;
  while (i < len && i < 4096 && isspace((unsigned char)raw[i])) i++;
  return ieq_prefix(raw + i, len - i, "<!doctype html") || ieq_prefix(raw + i, len - i, "<html");
}

/* Estimates the nesting of unclosed non-void tags before gumbo sees the
 * page; returns the byte offset where it passes the limit, or -1. Tags that
 * close themselves implicitly (p, li, td, ...) are not counted. */
static long long too_deep(const char *s, size_t n) {
  static const char *const implicit[] = {"p", "li", "td", "th", "tr", "dt", "dd", "option",
    "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param",
    "source", "track", "wbr", "keygen", NULL};
  long depth = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] != '<') continue;
    int close = s[i + 1] == '/';
    size_t j = i + 1 + (size_t)close, k = j;
    while (k < n && k - j < 16 && isalnum((unsigned char)s[k])) k++;
    if (k == j || !isalpha((unsigned char)s[j])) continue;
    int skip = k < n && s[k] == '/';
    for (int t = 0; !skip && implicit[t]; t++)
      if (strlen(implicit[t]) == k - j && !strncasecmp(s + j, implicit[t], k - j)) skip = 1;
    if (skip) continue;
    if (close) { if (depth > 0) depth--; }
    else if (++depth > ALQ_READ_MAX_DEPTH) return (long long)i;
  }
  return -1;
}

/* ---- gumbo text to raw offsets ----------------------------------------- */

/* End of the character reference starting at raw[j] == '&' (syntax only),
 * or j + 1 when it is not one. */
static size_t ref_end(const unsigned char *r, size_t j, size_t n) {
  size_t k = j + 1;
  if (k < n && r[k] == '#') {
    k++;
    int hex = k < n && (r[k] == 'x' || r[k] == 'X');
    if (hex) k++;
    size_t d = k;
    while (k < n && (hex ? isxdigit(r[k]) : isdigit(r[k]))) k++;
    if (k == d) return j + 1;
  } else {
    size_t d = k;
    while (k < n && isalnum(r[k])) k++;
    if (k == d) return j + 1;
  }
  if (k < n && r[k] == ';') k++;
  return k;
}

/* UTF-8 length of what gumbo makes of a numeric reference (HTML5: invalid
 * code points become U+FFFD, 0x80-0x9F are read as Windows-1252). */
static size_t numeric_len(const unsigned char *r, size_t j, size_t e) {
  static const uint16_t w1252[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C,
    0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
  size_t k = j + 2;
  int hex = r[k] == 'x' || r[k] == 'X';
  if (hex) k++;
  unsigned long cp = 0;
  for (; k < e && r[k] != ';'; k++) {
    unsigned v = isdigit(r[k]) ? (unsigned)(r[k] - '0') : (unsigned)(tolower(r[k]) - 'a' + 10);
    cp = cp * (hex ? 16 : 10) + v;
    if (cp > 0x10FFFF) cp = 0x110000;
  }
  if (cp >= 0x80 && cp <= 0x9F) cp = w1252[cp - 0x80];
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 3;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* How many decoded bytes a named reference raw[j..e) produced: the first k
 * after which the decoded text runs on like the raw text does. */
static size_t named_len(const unsigned char *d, size_t dn, const unsigned char *r, size_t e, size_t rn) {
  size_t lim = dn < 8 ? dn : 8;
  for (size_t k = 1; k <= lim; k++) {
    size_t L = 0;
    while (L < 24 && e + L < rn && k + L < dn && r[e + L] != '&' && r[e + L] != '\r' && r[e + L] != 0) {
      if (r[e + L] != d[k + L]) break;
      L++;
    }
    int stop = e + L >= rn || L == 24 || r[e + L] == '&' || r[e + L] == '\r' || r[e + L] == 0;
    if (!stop) continue;
    if (e + L >= rn && k + L != dn) continue;
    if (L == 0 && e < rn && k < dn && (d[k] & 0xC0) == 0x80) continue;   /* mid-character */
    return k;
  }
  return 0;
}

/* Fills ms/me for the dn bytes gumbo decoded from raw[0..rn) (at absolute
 * offset base): literal bytes map one to one, a character reference maps
 * all its bytes to the whole reference, CR LF to the pair. */
static void align(const unsigned char *r, size_t rn, size_t base, const unsigned char *d, size_t dn,
                  uint32_t *ms, uint32_t *me) {
  size_t i = 0, j = 0;
  while (i < dn) {
    if (j >= rn) { for (; i < dn; i++) ms[i] = me[i] = (uint32_t)(base + rn); break; }
    unsigned char c = r[j];
    if (c == '&') {
      size_t e = ref_end(r, j, rn), k = 0;
      if (e > j + 1) k = r[j + 1] == '#' ? numeric_len(r, j, e) : named_len(d + i, dn - i, r, e, rn);
      if (k > dn - i) k = dn - i;
      if (k) {
        for (size_t t = 0; t < k; t++) { ms[i + t] = (uint32_t)(base + j); me[i + t] = (uint32_t)(base + e); }
        i += k; j = e;
        continue;
      }
    }
    if (c == '\r' && d[i] == '\n') {
      size_t e = j + 1 < rn && r[j + 1] == '\n' ? j + 2 : j + 1;
      ms[i] = (uint32_t)(base + j); me[i] = (uint32_t)(base + e);
      i++; j = e;
      continue;
    }
    if (c == d[i]) { ms[i] = (uint32_t)(base + j); me[i] = (uint32_t)(base + j + 1); i++; j++; continue; }
    if (dn - i >= 3 && d[i] == 0xEF && d[i + 1] == 0xBF && d[i + 2] == 0xBD) {
      for (int t = 0; t < 3; t++) { ms[i + t] = (uint32_t)(base + j); me[i + t] = (uint32_t)(base + j + 1); }
      i += 3; j++;
      continue;
    }
    j++;   /* a raw byte gumbo dropped (e.g. the newline after <pre>) */
  }
}

/* ---- the derived text --------------------------------------------------- */

typedef struct out {
  alq_buf t;
  uint32_t *ms, *me;
  size_t cap;           /* entries in ms/me */
  int brk;              /* pending line breaks (0, 1, 2) */
  int space;            /* pending space */
  uint32_t sp_s, sp_e;  /* raw bytes of the pending space */
  uint32_t *tms, *tme;  /* scratch for one text node */
  size_t tcap;
  int oom;
} out;

static int grow_map(uint32_t **a, uint32_t **b, size_t *cap, size_t need) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 1024;
  while (c < need) c *= 2;
  uint32_t *x = realloc(*a, c * sizeof *x);
  if (!x) return -1;
  *a = x;
  uint32_t *y = realloc(*b, c * sizeof *y);
  if (!y) return -1;
  *b = y;
  *cap = c;
  return 0;
}

static void out_put(out *o, const char *s, size_t n, uint32_t rs, uint32_t re) {
  if (o->oom) return;
  if (grow_map(&o->ms, &o->me, &o->cap, o->t.len + n + 1) || alq_buf_append(&o->t, s, n)) { o->oom = 1; return; }
  for (size_t k = 0; k < n; k++) { o->ms[o->t.len - n + k] = rs; o->me[o->t.len - n + k] = re; }
}

/* Emits pending breaks or space before content that starts at raw `at`. */
static void out_flush(out *o, uint32_t at) {
  if (o->t.len && o->brk) out_put(o, o->brk == 2 ? "\n\n" : "\n", (size_t)o->brk, at, at);
  else if (o->t.len && o->space) out_put(o, " ", 1, o->sp_s, o->sp_e);
  o->brk = 0; o->space = 0;
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Bytes of an invisible separator gumbo passes through (U+00A0 no-break
 * space, U+FEFF stray BOM, U+200B zero-width space), 0 when none: they
 * separate words like spaces do. */
static size_t ws_len(const unsigned char *d, size_t i, size_t n) {
  if (is_ws(d[i])) return 1;
  if (d[i] == 0xC2 && i + 1 < n && d[i + 1] == 0xA0) return 2;
  if (i + 2 < n && ((d[i] == 0xEF && d[i + 1] == 0xBB && d[i + 2] == 0xBF) ||
                    (d[i] == 0xE2 && d[i + 1] == 0x80 && d[i + 2] == 0x8B))) return 3;
  return 0;
}

static void out_text(out *o, const GumboNode *n, const char *buf, size_t blen) {
  const GumboText *tx = &n->v.text;
  const unsigned char *d = (const unsigned char *)tx->text;
  size_t dn = strlen(tx->text);
  if (!dn || o->oom) return;
  if (grow_map(&o->tms, &o->tme, &o->tcap, dn)) { o->oom = 1; return; }
  const char *r = tx->original_text.data;
  size_t rn = tx->original_text.length;
  if (r >= buf && r <= buf + blen && rn <= (size_t)(buf + blen - r))
    align((const unsigned char *)r, rn, (size_t)(r - buf), d, dn, o->tms, o->tme);
  else {
    size_t at = n->v.text.start_pos.offset < blen ? n->v.text.start_pos.offset : blen;
    for (size_t i = 0; i < dn; i++) o->tms[i] = o->tme[i] = (uint32_t)at;
  }
  size_t i = 0;
  while (i < dn) {
    size_t w = ws_len(d, i, dn);
    if (w) {
      size_t s = i;
      while (i < dn && (w = ws_len(d, i, dn))) i += w;
      if (!o->space && !o->brk) { o->space = 1; o->sp_s = o->tms[s]; o->sp_e = o->tme[i - 1]; }
      continue;
    }
    size_t s = i;
    while (i < dn && !ws_len(d, i, dn)) i++;
    out_flush(o, o->tms[s]);
    if (o->oom) return;
    if (grow_map(&o->ms, &o->me, &o->cap, o->t.len + (i - s) + 1) || alq_buf_append(&o->t, d + s, i - s)) { o->oom = 1; return; }
    memcpy(o->ms + o->t.len - (i - s), o->tms + s, (i - s) * sizeof *o->ms);
    memcpy(o->me + o->t.len - (i - s), o->tme + s, (i - s) * sizeof *o->me);
  }
}

/* ---- page structure ------------------------------------------------------ */

static int is_elem(const GumboNode *n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
static int is_text(const GumboNode *n) { return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE; }

static int dropped_tag(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FORM:
  case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_INPUT: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
  case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_NOFRAMES:
    return 1;
  default: return 0;
  }
}

static int has_word(const char *v) {
  static const char *const words[] = {"share", "social", "print", "comment", "related", "footer",
    "nav", "menu", "breadcrumb", "tags", "newsletter", "advert", "sidebar", "widget", NULL};
  if (!v) return 0;
  char low[256];
  size_t n = strlen(v);
  if (n >= sizeof low) n = sizeof low - 1;
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)v[i]);
  low[n] = 0;
  for (int i = 0; words[i]; i++) if (strstr(low, words[i])) return 1;
  return 0;
}

static const char *attr(const GumboNode *n, const char *name) {
  GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : NULL;
}

/* Chrome: dropped by tag, or by a class/id naming a widget (never the
 * page's outer elements, whose classes describe the whole page). */
static int dropped(const GumboNode *n) {
  GumboTag t = n->v.element.tag;
  if (dropped_tag(t)) return 1;
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return 0;
  return has_word(attr(n, "class")) || has_word(attr(n, "id"));
}

static int inline_tag(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_EM:
  case GUMBO_TAG_STRONG: case GUMBO_TAG_SPAN: case GUMBO_TAG_FONT: case GUMBO_TAG_SMALL:
  case GUMBO_TAG_BIG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_ABBR:
  case GUMBO_TAG_CITE: case GUMBO_TAG_Q: case GUMBO_TAG_MARK: case GUMBO_TAG_TIME:
  case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: case GUMBO_TAG_DFN: case GUMBO_TAG_CODE:
  case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_INS: case GUMBO_TAG_DEL:
  case GUMBO_TAG_IMG: case GUMBO_TAG_NOBR: case GUMBO_TAG_TT: case GUMBO_TAG_VAR:
  case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_LABEL: case GUMBO_TAG_UNKNOWN:
    return 1;
  default: return 0;
  }
}

/* Line breaks a block element puts around its text: 2 for paragraphs. */
static int block_breaks(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
  case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_OPTION:
    return 1;
  default: return inline_tag(t) ? 0 : 2;
  }
}

/* Arabic letters (U+0600-U+06FF: lead bytes D8-DB) in a UTF-8 string. */
static size_t arabic(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += *p >= 0xD8 && *p <= 0xDB;
  return n;
}

typedef struct frame { const GumboNode *n; unsigned i; size_t own, pch, sub; } frame;

typedef struct walk { frame *st; size_t sp, cap; } walk;

static int push(walk *w, const GumboNode *n) {
  if (w->sp >= ALQ_READ_MAX_DEPTH * 4) return 0;   /* deeper than estimated: ignored */
  if (w->sp == w->cap) {
    size_t c = w->cap ? w->cap * 2 : 64;
    frame *f = realloc(w->st, c * sizeof *f);
    if (!f) return -1;
    w->st = f; w->cap = c;
  }
  w->st[w->sp++] = (frame){n, 0, 0, 0, 0};
  return 0;
}

/* Finds the element whose own text plus its <p> children's text holds the
 * most Arabic letters: the article body on news pages. */
static const GumboNode *best_block(const GumboNode *root, size_t *score, walk *w) {
  const GumboNode *best = NULL;
  size_t bs = 0;
  w->sp = 0;
  if (push(w, root)) return NULL;
  while (w->sp) {
    frame *f = &w->st[w->sp - 1];
    const GumboVector *ch = &f->n->v.element.children;
    if (f->i < ch->length) {
      const GumboNode *c = ch->data[f->i++];
      if (is_text(c)) { size_t a = arabic(c->v.text.text); f->own += a; f->sub += a; }
      else if (is_elem(c) && !dropped(c) && push(w, c)) return NULL;
      continue;
    }
    frame done = *f;
    w->sp--;
    size_t sc = done.own + done.pch;
    if (sc > bs) { bs = sc; best = done.n; }
    if (!w->sp) break;
    frame *p = &w->st[w->sp - 1];
    GumboTag t = done.n->v.element.tag;
    p->sub += done.sub;
    /* a <div> holding only text and inline elements is a paragraph too
     * (pages that put each paragraph in its own div) */
    if (t == GUMBO_TAG_P || (t == GUMBO_TAG_DIV && done.own == done.sub)) p->pch += done.sub;
    else if (inline_tag(t)) p->own += done.own;
  }
  *score = bs;
  return best;
}

static size_t subtree_arabic(const GumboNode *root, walk *w) {
  size_t s;
  w->sp = 0;
  size_t total = 0;
  if (push(w, root)) return 0;
  while (w->sp) {
    frame *f = &w->st[w->sp - 1];
    const GumboVector *ch = &f->n->v.element.children;
    if (f->i < ch->length) {
      const GumboNode *c = ch->data[f->i++];
      if (is_text(c)) total += arabic(c->v.text.text);
      else if (is_elem(c) && !dropped(c) && push(w, c)) break;
      continue;
    }
    w->sp--;
  }
  s = total;
  return s;
}

/* 1 when n is a <div> whose content is text and inline elements only (its
 * chrome children aside): a paragraph written as a div. */
static int leaf_div(const GumboNode *n, int depth) {
  if (depth > 16) return 0;
  if (depth == 0 && n->v.element.tag != GUMBO_TAG_DIV) return 0;
  const GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++) {
    const GumboNode *c = ch->data[i];
    if (!is_elem(c) || dropped(c)) continue;
    if (!inline_tag(c->v.element.tag) || !leaf_div(c, depth + 1)) return 0;
  }
  return 1;
}

/* Writes the text of root's subtree (chrome dropped). In the body block,
 * child blocks with little Arabic text compared with the block's own
 * paragraphs (a comment policy, a caption) are left out. */
static void emit(out *o, const GumboNode *root, const char *buf, size_t blen, size_t min_child, walk *w) {
  walk sub = {0};
  w->sp = 0;
  if (push(w, root)) { o->oom = 1; return; }
  while (w->sp && !o->oom) {
    frame *f = &w->st[w->sp - 1];
    const GumboVector *ch = &f->n->v.element.children;
    if (f->i < ch->length) {
      const GumboNode *c = ch->data[f->i++];
      if (is_text(c)) { out_text(o, c, buf, blen); continue; }
      if (!is_elem(c) || dropped(c)) continue;
      GumboTag t = c->v.element.tag;
      if (min_child && w->sp == 1 && !inline_tag(t) && t != GUMBO_TAG_P && t != GUMBO_TAG_BR &&
          !leaf_div(c, 0) && subtree_arabic(c, &sub) < min_child) continue;
      int b = block_breaks(t);
      if (b > o->brk) o->brk = b;
      if (t == GUMBO_TAG_BR) continue;
      if (push(w, c)) { o->oom = 1; break; }
      continue;
    }
    int b = block_breaks(f->n->v.element.tag);
    if (b > o->brk) o->brk = b;
    w->sp--;
  }
  free(sub.st);
}

/* ---- metadata ------------------------------------------------------------ */

typedef struct meta {
  const char *og_title, *site, *date, *url, *canon;
  const GumboNode *title_el;
  const GumboNode *h1[64];
  size_t nh1;
} meta;

static void collect_meta(const GumboNode *root, meta *m, walk *w) {
  w->sp = 0;
  if (push(w, root)) return;
  while (w->sp) {
    frame *f = &w->st[w->sp - 1];
    const GumboVector *ch = &f->n->v.element.children;
    if (f->i >= ch->length) { w->sp--; continue; }
    const GumboNode *c = ch->data[f->i++];
    if (!is_elem(c)) continue;
    GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_META) {
      const char *k = attr(c, "property");
      if (!k) k = attr(c, "name");
      if (!k) k = attr(c, "itemprop");
      const char *v = attr(c, "content");
      if (k && v && *v) {
        if (!strcasecmp(k, "og:title") && !m->og_title) m->og_title = v;
        else if (!strcasecmp(k, "og:site_name") && !m->site) m->site = v;
        else if (!strcasecmp(k, "og:url") && !m->url) m->url = v;
        else if ((!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
                  !strcasecmp(k, "og:published_time") || !strcasecmp(k, "pubdate")) && !m->date) m->date = v;
      }
    } else if (t == GUMBO_TAG_LINK) {
      const char *rel = attr(c, "rel");
      if (rel && !strcasecmp(rel, "canonical") && !m->canon) m->canon = attr(c, "href");
    } else if (t == GUMBO_TAG_TITLE && !m->title_el) m->title_el = c;
    else if (t == GUMBO_TAG_H1 && m->nh1 < 64) m->h1[m->nh1++] = c;
    if (!m->date) {
      const char *ip = attr(c, "itemprop");
      const char *dt = attr(c, "datetime");
      if (ip && !strcasecmp(ip, "datePublished")) m->date = dt ? dt : attr(c, "content");
      else if (t == GUMBO_TAG_TIME && dt) m->date = dt;
    }
    if (push(w, c)) return;
  }
}

static char *dup_trim(const char *s, size_t n) {
  while (n && is_ws((unsigned char)*s)) { s++; n--; }
  while (n && is_ws((unsigned char)s[n - 1])) n--;
  if (!n) return NULL;
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

static char *iso_date(const char *v) {
  if (!v) return NULL;
  while (is_ws((unsigned char)*v)) v++;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) { if (v[i] != '-') return NULL; }
    else if (!isdigit((unsigned char)v[i])) return NULL;
  }
  return dup_trim(v, 10);
}

static int contains(const GumboNode *anc, const GumboNode *n) {
  for (; n; n = n->parent) if (n == anc) return 1;
  return 0;
}

/* ---- the reader ------------------------------------------------------------ */

int alq_read_html(alq_read_doc *d, const char *raw, size_t len, const char *name, alq_error *err) {
  return alq_read_html_enc(d, raw, len, -1, name, err);
}

int alq_read_html_enc(alq_read_doc *d, const char *raw, size_t len, int enc_hint, const char *name,
                      alq_error *err) {
  memset(d, 0, sizeof *d);
  d->html = 1;
  if (len > ALQ_READ_MAX_INPUT)
    return alq_error_set(err, ALQ_ENOMEM, name, (long long)ALQ_READ_MAX_INPUT,
                         "page too large (limit %zu bytes)", ALQ_READ_MAX_INPUT);
  /* decode to UTF-8 first: gumbo reads only UTF-8 */
  alq_enc enc = alq_read_detect_text(raw, len);
  if (enc == ALQ_ENC_UTF8) {
    /* the HTTP header's charset wins over the page's own declaration */
    int dc = enc_hint >= 0 ? enc_hint : declared_charset(raw, len);
    if (dc >= 0 && dc != ALQ_ENC_UTF8) enc = (alq_enc)dc;
  }
  alq_read_doc src = {0};
  int rc = alq_read_decode(&src, (const unsigned char *)raw, len, enc);
  if (rc) {
    alq_read_doc_free(&src);
    return alq_error_set(err, rc, name, -1, "cannot decode the page as %s", alq_enc_name(enc));
  }
  long long deep = too_deep(src.text, src.len);
  if (deep >= 0) {
    long long at = src.ms[deep];
    alq_read_doc_free(&src);
    return alq_error_set(err, ALQ_EFORMAT, name, at, "HTML nested more than %d levels deep; page skipped",
                         ALQ_READ_MAX_DEPTH);
  }
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0;   /* gumbo copies the open-element stack into each error: quadratic */
  GumboOutput *g = gumbo_parse_with_options(&opt, src.text, src.len);
  walk w = {0};
  out o = {0};
  meta m = {0};
  if (!g) { rc = ALQ_ENOMEM; goto cleanup; }
  collect_meta(g->root, &m, &w);
  size_t score = 0;
  const GumboNode *body = best_block(g->root, &score, &w);
  /* without Arabic paragraphs, the whole page (minus chrome) is the text */
  if (!body || score < 40) { body = g->root; score = 0; }
  /* headline: the h1 with text nearest before the body, else the first */
  const GumboNode *h1 = NULL;
  for (size_t i = 0; i < m.nh1; i++) {
    if (!subtree_arabic(m.h1[i], &w) && !m.h1[i]->v.element.children.length) continue;
    if (contains(body, m.h1[i])) { h1 = NULL; break; }
    if (!h1 || m.h1[i]->v.element.start_pos.offset < body->v.element.start_pos.offset) h1 = m.h1[i];
  }
  if (h1) {
    emit(&o, h1, src.text, src.len, 0, &w);
    if (o.t.len) {
      d->title = dup_trim(o.t.p, o.t.len);
      o.brk = 2;
    }
  }
  emit(&o, body, src.text, src.len, score / 5, &w);
  if (o.oom) { rc = ALQ_ENOMEM; goto cleanup; }
  if (!d->title && m.og_title) d->title = dup_trim(m.og_title, strlen(m.og_title));
  if (!d->title && m.title_el && m.title_el->v.element.children.length) {
    const GumboNode *t = m.title_el->v.element.children.data[0];
    if (is_text(t)) d->title = dup_trim(t->v.text.text, strlen(t->v.text.text));
  }
  d->date = iso_date(m.date);
  if (m.site) d->outlet = dup_trim(m.site, strlen(m.site));
  if (m.url || m.canon) d->url = dup_trim(m.url ? m.url : m.canon, strlen(m.url ? m.url : m.canon));
  /* compose: derived -> decoded page -> raw bytes */
  d->len = o.t.len;
  d->text = o.t.p ? o.t.p : calloc(1, 1);
  o.t.p = NULL;
  d->ms = malloc((d->len + 1) * sizeof *d->ms);
  d->me = malloc((d->len + 1) * sizeof *d->me);
  if (!d->text || !d->ms || !d->me) { rc = ALQ_ENOMEM; goto cleanup; }
  for (size_t i = 0; i < d->len; i++) {
    uint32_t s = o.ms[i], e = o.me[i];
    d->ms[i] = src.ms[s];
    d->me[i] = e > s ? src.me[e - 1] : src.ms[s];
  }
  d->ms[d->len] = d->me[d->len] = (uint32_t)len;
  d->enc = enc;
  d->nbad = src.nbad;
  d->first_bad = src.first_bad;
cleanup:
  if (g) gumbo_destroy_output(&opt, g);
  free(w.st);
  alq_buf_free(&o.t);
  free(o.ms); free(o.me); free(o.tms); free(o.tme);
  alq_read_doc_free(&src);
  if (rc) {
    alq_read_doc_free(d);
    return alq_error_set(err, rc, name, -1, "out of memory reading the page");
  }
  return 0;
}
