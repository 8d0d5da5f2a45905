/* Time expressions: numeric dates (27/6/2015, 26-6-2015), day-month-year with
 * month names of every naming system, years, part-of-period phrases (نهاية
 * العام 2013), intervals, and relative expressions (recency, now, weekdays,
 * "since a year") resolved against the document date once it is known. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/extract.h"

static int is_digits(const char *s, size_t n) {
  if (!n) return 0;
  for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int tok_num(const alq_text *t, size_t i, int *v) {
  if (i >= t->ntoks || t->toks[i].kind != ALQ_TOK_NUMBER) return 0;
  const char *s = t->norm + t->toks[i].nstart;
  size_t n = t->toks[i].nlen;
  if (!is_digits(s, n) || n > 4) return 0;
  int r = 0;   /* (atoi of up to four digits) */
  for (size_t k = 0; k < n; k++) r = r * 10 + (s[k] - '0');
  *v = r;
  return 1;
}

static int year_ok(int y) { return y >= 1900 && y <= 2100; }

/* Parses "27/6/2015", "26-6-2015", "2015-06-27", "6/2015". */
static int parse_numeric(const char *s, size_t n, int *y, int *m, int *d) {
  int part[3], np = 0;
  size_t i = 0;
  char sep = 0;
  while (i < n && np < 3) {
    if (s[i] < '0' || s[i] > '9') return 0;
    int v = 0, nd = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && nd < 5) { v = v * 10 + (s[i] - '0'); i++; nd++; }
    part[np++] = v;
    if (i < n) {
      if (s[i] != '/' && s[i] != '-' && s[i] != '.') return 0;
      if (sep && s[i] != sep) return 0;
      sep = s[i]; i++;
    }
  }
  if (i != n || !sep) return 0;
  if (np == 3) {
    if (year_ok(part[2]) && part[1] >= 1 && part[1] <= 12 && part[0] >= 1 && part[0] <= 31) {
      *y = part[2]; *m = part[1]; *d = part[0]; return 1;
    }
    if (year_ok(part[0]) && part[1] >= 1 && part[1] <= 12 && part[2] >= 1 && part[2] <= 31) {
      *y = part[0]; *m = part[1]; *d = part[2]; return 1;
    }
  } else if (np == 2 && sep == '/' && year_ok(part[1]) && part[0] >= 1 && part[0] <= 12) {
    *y = part[1]; *m = part[0]; *d = 0; return 1;
  }
  return 0;
}

/* Two (or four) decimal digits of v at o. */
static void put2(char *o, int v) { o[0] = (char)('0' + v / 10); o[1] = (char)('0' + v % 10); }

static void fmt(char *o, int y, int m, int d) {
  /* by hand in the usual ranges (the bytes snprintf writes), else snprintf */
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
    size_t n = 4;
    put2(o, y / 100);
    put2(o + 2, y % 100);
    if (m) { o[4] = '-'; put2(o + 5, m); n = 7; }
    if (m && d) { o[7] = '-'; put2(o + 8, d); n = 10; }
    if (!m && d) {
      snprintf(o, 32, "%04d-%02d-%02d", y, m, d);
      return;
    }
    o[n] = 0;
    return;
  }
  if (d) snprintf(o, 32, "%04d-%02d-%02d", y, m, d);
  else if (m) snprintf(o, 32, "%04d-%02d", y, m);
  else snprintf(o, 32, "%04d", y);
}

/* snprintf for the date pass's few formats, the same bytes (speed: glibc's
 * takes ~800 instructions a call): literal bytes, %d, %+d and %0Nd (N one
 * digit); another conversion goes to vsnprintf. The output is cut at cap. */
static int date_fmt(char *o, size_t cap, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  size_t n = 0;
  for (const char *c = f; *c; c++) {
    if (*c != '%') {
      if (n + 1 < cap) o[n] = *c;
      n++;
      continue;
    }
    int plus = 0, width = 0;
    c++;
    if (*c == '+') { plus = 1; c++; }
    else if (*c == '0' && c[1] >= '1' && c[1] <= '9') { width = c[1] - '0'; c += 2; }
    if (*c != 'd') {   /* (none of the pass's formats) */
      va_end(ap);
      va_start(ap, f);
      int r = vsnprintf(o, cap, f, ap);
      va_end(ap);
      return r;
    }
    int v = va_arg(ap, int);
    char dig[16];
    int nd = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)(long long)v : (unsigned long long)v;
    do { dig[nd++] = (char)('0' + u % 10); u /= 10; } while (u);
    char sign = v < 0 ? '-' : plus ? '+' : 0;
    if (sign) { if (n + 1 < cap) o[n] = sign; n++; }
    for (int k = nd + (sign != 0); k < width; k++) { if (n + 1 < cap) o[n] = '0'; n++; }
    while (nd) { if (n + 1 < cap) o[n] = dig[nd - 1]; n++; nd--; }
  }
  va_end(ap);
  if (cap) o[n < cap ? n : cap - 1] = 0;
  return (int)n;
}
#ifdef ALQ_EXTRACT_NO_FAST
#define DATE_FMT snprintf
#else
#define DATE_FMT date_fmt
#endif

static int add_date(struct alq_extractor *x, size_t tf, size_t tl, const char *iso, int relative) {
  if (x->ndates == x->capdates) {
    size_t cap = x->capdates ? x->capdates * 2 : 32;
    date_expr *nd = alq_arena_alloc(&x->arena, cap * sizeof *nd);
    if (!nd) return ALQ_ENOMEM;
    if (x->ndates) memcpy(nd, x->dates, x->ndates * sizeof *nd);
    x->dates = nd; x->capdates = cap;
  }
  date_expr *d = &x->dates[x->ndates++];
  memset(d, 0, sizeof *d);
  d->tf = (uint32_t)tf; d->tl = (uint32_t)tl;
  d->start = x->text.toks[tf].start; d->end = x->text.toks[tl].end;
  size_t n = strlen(iso);   /* snprintf "%s": at most 31 bytes and the NUL */
  if (n > sizeof d->iso - 1) n = sizeof d->iso - 1;
  memcpy(d->iso, iso, n);
  d->iso[n] = 0;
  d->relative = relative;
  d->form = !strncmp(iso, "@day", 4) ? 'd' : !strncmp(iso, "@wd", 3) ? 'w' : 0;
  return 0;
}

/* Skips a '/' or '-' punctuation token between date parts. */
static size_t skip_sep(const alq_text *t, size_t i) {
  if (i < t->ntoks && t->toks[i].kind == ALQ_TOK_PUNCT) {
    const char *s = t->norm + t->toks[i].nstart;
    if (t->toks[i].nlen == 1 && (*s == '/' || *s == '-')) return i + 1;
  }
  return i;
}

static int month_at(const struct alq_extractor *x, size_t i) {
  const alq_lexent *e = x_tok_ent(x, i, ALQ_LK_MONTH, -1);
  if (!e || (e->flags & ALQ_MF_HIJRI)) return 0;
  const alq_match *m = &x->m[x->tok_match[i]];
  if (m->tok_first != i) return 0;
  return e->value;
}

static int hijri_month_at(const struct alq_extractor *x, size_t i) {
  const alq_lexent *e = x_tok_ent(x, i, ALQ_LK_MONTH, -1);
  if (!e || !(e->flags & ALQ_MF_HIJRI)) return 0;
  if (x->m[x->tok_match[i]].tok_first != i) return 0;
  return e->value;
}

static long days_from_civil(int y, int m, int d);
static void civil_from_days(long z, int *y, int *m, int *d);

/* A Hijri date (tabular Islamic calendar, civil epoch) as Gregorian. The
 * tabular calendar can differ from a sighted month by a day or two. */
static void hijri_to_gregorian(int hy, int hm, int hd, int *y, int *m, int *d) {
  long days = hd + (59L * (hm - 1) + 1) / 2 + (long)(hy - 1) * 354 + (3 + 11L * hy) / 30 - 1 - 492148;
  civil_from_days(days, y, m, d);
}

/* (DATE_START_CUES, the cue classes that can start a date: extract.h) */

/* The first token from i on that may start a date: most tokens start none,
 * a word that no match with a month or a cue that starts a date covers (the
 * rules would skip it, or its match, at the end). A loop of its own, so its
 * cursors stay in registers. Returns n when there is none. */
#ifdef ALQ_EXTRACT_NO_FAST
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t date_candidate(const alq_token *toks, const int32_t *tmatch, const alq_match *ms, size_t i,
                             size_t n) {
  for (; i < n; i++) {
    if (toks[i].kind == ALQ_TOK_NUMBER) return i;
    int32_t k0 = tmatch[i];
    if (k0 < 0) continue;
    const alq_match *m0 = &ms[k0];
    if ((m0->kinds & (1u << ALQ_LK_MONTH)) || (m0->cues & DATE_START_CUES)) return i;
    if (m0->tok_first == i) i = m0->tok_last;
  }
  return n;
}
#endif

#ifndef ALQ_EXTRACT_NO_FAST /* (tests/unit/test_dates_fast.c builds this file without) */
static inline int date_start_match(const alq_match *m) {
  return (int)((m->kinds >> ALQ_LK_MONTH) & 1) | ((m->cues & DATE_START_CUES) != 0);
}

/* (speed) date_candidate from a list: the tokens it stops at when it steps
 * on them (number tokens and the tokens of a match with a month or a
 * date-start cue), in order, made from a pass over the tokens' kinds and
 * one over the matches instead of the matches of every token. */
typedef struct date_stops { uint32_t *v; size_t n, c; } date_stops;

static int date_stops_make(struct alq_extractor *x, date_stops *d) {
  const alq_token *toks = x->text.toks;
  size_t nt = x->text.ntoks, nnum = 0;
  uint32_t *num = x->num_toks;   /* (made by x_chrome's walk over the lines) */
  d->v = alq_arena_alloc(&x->arena, (nt + 1) * sizeof *d->v); /* (each token at most once) */
  if (!d->v) return ALQ_ENOMEM;
  if (num) nnum = x->nnum;
  else {
    num = alq_arena_alloc(&x->arena, (nt + 1) * sizeof *num);
    if (!num) return ALQ_ENOMEM;
    for (size_t j = 0; j < nt; j++) { /* (no branch: numbers are few) */
      num[nnum] = (uint32_t)j;
      nnum += toks[j].kind == ALQ_TOK_NUMBER;
    }
  }
  /* merge: the matches' tokens (in order, apart) with the numbers (a number
     inside such a match once); the matches listed by x_begin */
  size_t ia = 0, n = 0;
  for (size_t c = 0; c < x->ndate_ms; c++) {
    const alq_match *m = &x->m[x->date_ms[c]];
    while (ia < nnum && num[ia] < m->tok_first) d->v[n++] = num[ia++];
    for (uint32_t q = m->tok_first; q <= m->tok_last; q++) d->v[n++] = q;
    while (ia < nnum && num[ia] <= m->tok_last) ia++;
  }
  while (ia < nnum) d->v[n++] = num[ia++];
  d->n = n;
  d->c = 0;
  return 0;
}

/* The first token from i on that date_candidate returns: the first listed
 * one, unless a match that starts before it, at i or after, and holds it
 * (a number inside a match of no date) is stepped over whole. */
static size_t date_candidate_listed(const alq_match *ms, const int32_t *tmatch, date_stops *d, size_t i, size_t n) {
  for (;;) {
    if (d->c > 0 && d->v[d->c - 1] >= i) d->c = 0; /* (i went back: never in x_find_dates) */
    while (d->c < d->n && d->v[d->c] < i) d->c++;
    if (d->c == d->n) return n;
    size_t j = d->v[d->c];
    int32_t k = tmatch[j];
    if (k >= 0 && ms[k].tok_first >= i && ms[k].tok_first < j && !date_start_match(&ms[k])) {
      i = (size_t)ms[k].tok_last + 1;
      continue;
    }
    return j;
  }
}
#endif

int x_find_dates(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  int rc;
  const alq_token *toks = t->toks;   /* none of these changes in the loop */
  const int32_t *tmatch = x->tok_match;
  const alq_match *ms = x->m;
  const size_t ntoks = t->ntoks;
#ifndef ALQ_EXTRACT_NO_FAST
  date_stops ds;
  if ((rc = date_stops_make(x, &ds))) return rc;
#endif
  for (size_t i = 0; i < ntoks; i++) {
#ifndef ALQ_EXTRACT_NO_FAST
    i = date_candidate_listed(ms, tmatch, &ds, i, ntoks);
#else
    i = date_candidate(toks, tmatch, ms, i, ntoks);
#endif
    if (i >= ntoks) break;
    const alq_token *tk = &toks[i];
    int y, m, d;
    char iso[32];
    size_t first = i;
    /* a weekday before a date belongs to it */
    const alq_lexent *wd = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_WEEKDAY);
    if (wd) {
      size_t j = x->m[x->tok_match[i]].tok_last + 1;
      int dd;
      if (j < t->ntoks && (tok_num(t, j, &dd) || t->toks[j].kind == ALQ_TOK_NUMBER)) { i = j; tk = &t->toks[i]; }
      else {
        char rel[32];
        /* الثلاثاء الماضي: that weekday of the week before */
        size_t wl = x->m[x->tok_match[i]].tok_last;
        const alq_lexent *le = wl + 1 < t->ntoks ? x_tok_ent(x, wl + 1, ALQ_LK_CUE, ALQ_CUE_TIME_LAST) : NULL;
        int last = le && le->value < 0;
        DATE_FMT(rel, sizeof rel, last ? "@wdp%d" : "@wd%d", wd->value);
        if (last) wl = x->m[x->tok_match[wl + 1]].tok_last;
        if ((rc = add_date(x, i, wl, rel, 1))) return rc;
        i = wl;
        continue;
      }
    }
    if (tk->kind == ALQ_TOK_NUMBER) {
      const char *s = t->norm + tk->nstart;
      if (parse_numeric(s, tk->nlen, &y, &m, &d)) {
        fmt(iso, y, m, d);
        if ((rc = add_date(x, first, i, iso, 0))) return rc;
        continue;
      }
      int v;
      if (tok_num(t, i, &v)) {
        size_t j = skip_sep(t, i + 1);
        int mon = month_at(x, j);
        /* 15 رمضان 1436 (هـ): a Hijri date, converted */
        int hmon = hijri_month_at(x, j);
        if (v >= 1 && v <= 30 && hmon) {
          size_t k = skip_sep(t, x->m[x->tok_match[j]].tok_last + 1);
          int hy;
          if (tok_num(t, k, &hy) && hy >= 1300 && hy <= 1500) {
            int gy, gm, gd;
            hijri_to_gregorian(hy, hmon, v, &gy, &gm, &gd);
            fmt(iso, gy, gm, gd);
            if ((rc = add_date(x, first, k, iso, 0))) return rc;
            i = k;
            continue;
          }
        }
        if (v >= 1 && v <= 31 && mon) {
          size_t k = skip_sep(t, x->m[x->tok_match[j]].tok_last + 1);
          int yy;
          if (tok_num(t, k, &yy) && year_ok(yy)) {
            fmt(iso, yy, mon, v);
            if ((rc = add_date(x, first, k, iso, 0))) return rc;
            i = k;
          } else {
            DATE_FMT(iso, sizeof iso, "@dm%02d-%02d", mon, v);
            if ((rc = add_date(x, first, x->m[x->tok_match[j]].tok_last, iso, 1))) return rc;
            i = x->m[x->tok_match[j]].tok_last;
          }
          continue;
        }
        if (year_ok(v) && tk->nlen == 4) {
          /* a year; with a part-of-period word before: نهاية العام 2013 */
          size_t b = first;
          int part = 0;
          for (size_t back = 1; back <= 2 && b >= back; back++) {
            const alq_lexent *pe = x_tok_ent(x, i - back, ALQ_LK_CUE, ALQ_CUE_TIME_PART);
            if (pe) { part = pe->value; b = x->m[x->tok_match[i - back]].tok_first; break; }
          }
          if (!part && b == first && b > 0 && x_tok_ent(x, b - 1, ALQ_LK_CUE, ALQ_CUE_TIME_UNIT))
            b = x->m[x->tok_match[b - 1]].tok_first;   /* العام 2014 */
          if (part == 1) DATE_FMT(iso, sizeof iso, "%04d-01", v);
          else if (part == 3) DATE_FMT(iso, sizeof iso, "%04d-12", v);
          else fmt(iso, v, 0, 0);
          if ((rc = add_date(x, b, i, iso, 0))) return rc;
          continue;
        }
      }
      continue;
    }
    /* month name + year, or month + "next/last" */
    int mon = month_at(x, i);
    if (mon) {
      size_t mend = x->m[x->tok_match[i]].tok_last;
      int yy;
      size_t b = i;
      /* a bare month name is a date only with a sign that it is one: a
         part-of-period word or شهر before it, or its other name after it
         (آب is also a common word) */
      int strong = 0;
      if (i >= 1) {
        const alq_lexent *pe = x_tok_ent(x, i - 1, ALQ_LK_CUE, ALQ_CUE_TIME_PART);
        const alq_lexent *ue = x_tok_ent(x, i - 1, ALQ_LK_CUE, ALQ_CUE_TIME_UNIT);
        if (pe || (ue && ue->value == 3)) { b = x->m[x->tok_match[i - 1]].tok_first; strong = 1; }
      }
      /* the month in the other naming system: أغسطس (آب)، نوفمبر/ تشرين الثاني */
      size_t k = mend + 1, last = mend;
      if (k + 1 < t->ntoks && t->toks[k].kind == ALQ_TOK_PUNCT && month_at(x, k + 1)) {
        char p = t->norm[t->toks[k].nstart];
        size_t q = x->m[x->tok_match[k + 1]].tok_last + 1;
        if (p == '(' && q < t->ntoks && t->toks[q].kind == ALQ_TOK_PUNCT && t->norm[t->toks[q].nstart] == ')') {
          last = q; k = q + 1; strong = 1;
        } else if (p == '/') {
          last = q - 1; k = q; strong = 1;
        }
      }
      size_t ky = skip_sep(t, k);
      if (tok_num(t, ky, &yy) && year_ok(yy)) {
        fmt(iso, yy, mon, 0);
        if ((rc = add_date(x, b, ky, iso, 0))) return rc;
        i = ky;
        continue;
      }
      /* أغسطس من العام 2014 / من العام الماضي */
      size_t j = k;
      if (x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_FROM)) j = x->m[x->tok_match[j]].tok_last + 1;
      const alq_lexent *ue = j > k ? x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_TIME_UNIT) : NULL;
      if (ue && ue->value == 4) {
        size_t ul = x->m[x->tok_match[j]].tok_last;
        const alq_lexent *ye = x_tok_ent(x, ul + 1, ALQ_LK_CUE, ALQ_CUE_TIME_LAST);
        if (tok_num(t, ul + 1, &yy) && year_ok(yy)) {
          fmt(iso, yy, mon, 0);
          if ((rc = add_date(x, b, ul + 1, iso, 0))) return rc;
          i = ul + 1;
          continue;
        }
        if (ye) {
          size_t e = x->m[x->tok_match[ul + 1]].tok_last;
          DATE_FMT(iso, sizeof iso, "@my%02d%+d", mon, ye->value);
          if ((rc = add_date(x, b, e, iso, 1))) return rc;
          i = e;
          continue;
        }
      }
      const alq_lexent *le = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_TIME_LAST);
      if (le) {
        DATE_FMT(iso, sizeof iso, "@m%02d%+d", mon, le->value);
        size_t e = x->m[x->tok_match[k]].tok_last;
        if ((rc = add_date(x, b, e, iso, 1))) return rc;
        i = e;
      } else if (strong) {
        /* the month of the document's year, or of the year before when it
           is still to come (news reports what happened) */
        DATE_FMT(iso, sizeof iso, "@m%02d-1", mon);
        if ((rc = add_date(x, b, last, iso, 1))) return rc;
        i = last;
      }
      continue;
    }
    /* relative words */
    int mi = x->tok_match[i];
    if (mi < 0 || x->m[mi].tok_first != i) continue;
    const alq_lexent *e;
    size_t e_end = x->m[mi].tok_last;
    if ((e = x_ent(x, mi, ALQ_LK_CUE, ALQ_CUE_TIME_RECENT))) {
      if ((rc = add_date(x, i, e_end, "@recent", 1))) return rc;
      x->dates[x->ndates - 1].vague = 1;
    } else if ((e = x_ent(x, mi, ALQ_LK_CUE, ALQ_CUE_TIME_NOW))) {
      if (e->value >= 0) {
        if ((rc = add_date(x, i, e_end, "@now", 1))) return rc;
        x->dates[x->ndates - 1].vague = 1;
      }
    } else if ((e = x_ent(x, mi, ALQ_LK_CUE, ALQ_CUE_TIME_DAY))) {
      DATE_FMT(iso, sizeof iso, "@day%+d", e->value);
      if ((rc = add_date(x, i, e_end, iso, 1))) return rc;
    } else if (x_ent(x, mi, ALQ_LK_CUE, ALQ_CUE_TIME_SINCE)) {
      /* منذ (نحو) [N] unit -> count back at the unit's grain */
      size_t j = e_end + 1, lim = e_end + 4;
      int n = 1;
      for (; j < t->ntoks && j <= lim; j++) {
        int v;
        if (tok_num(t, j, &v) && !year_ok(v)) { n = v; continue; }
        /* a count in words (ثلاثة أيام), or a dual unit (يومين) */
        const alq_lexent *nw = x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NUMBER_WORD);
        if (nw) n = nw->value;
        const alq_lexent *u = x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_TIME_UNIT);
        if (nw && !u) { j = x->m[x->tok_match[j]].tok_last; continue; }
        if (u) {
          /* منذ العام 2014 is "since 2014": the year is read on its own */
          int yv;
          if (tok_num(t, x->m[x->tok_match[j]].tok_last + 1, &yv) && year_ok(yv)) break;
          DATE_FMT(iso, sizeof iso, "@ago%d:%d", u->value, n);
          if ((rc = add_date(x, i, x->m[x->tok_match[j]].tok_last, iso, 1))) return rc;
          break;
        }
        if (t->toks[j].kind == ALQ_TOK_NUMBER) break;
      }
    } else if ((e = x_ent(x, mi, ALQ_LK_CUE, ALQ_CUE_TIME_UNIT))) {
      /* العام الماضي / الشهر المقبل; هذا العام (a demonstrative before: the current one) */
      const alq_lexent *le = x_tok_ent(x, e_end + 1, ALQ_LK_CUE, ALQ_CUE_TIME_LAST);
      const alq_lexent *pe = i > 0 ? x_tok_ent(x, i - 1, ALQ_LK_CUE, ALQ_CUE_TIME_LAST) : NULL;
      if (!le && pe && pe->value == 0 && x->m[x->tok_match[i - 1]].tok_last == i - 1 &&
          (x->ndates == 0 || x->dates[x->ndates - 1].tl < i - 1)) {
        DATE_FMT(iso, sizeof iso, "@unit%d:+0", e->value);
        if ((rc = add_date(x, x->m[x->tok_match[i - 1]].tok_first, e_end, iso, 1))) return rc;
      } else if (le) {
        DATE_FMT(iso, sizeof iso, "@unit%d:%+d", e->value, le->value);
        size_t en = x->m[x->tok_match[e_end + 1]].tok_last;
        if ((rc = add_date(x, i, en, iso, 1))) return rc;
        e_end = en;
      }
    }
    i = e_end;
  }
  /* two dates joined by و make an interval for the claim's time
     (2013-12/2014-01); each stays a DATE mention of its own */
  for (size_t k = 1; k < x->ndates; k++) {
    date_expr *p = &x->dates[k - 1], *d = &x->dates[k];
    if (p->relative || d->relative || p->tl + 1 != d->tf) continue;
    const alq_token *nt = &t->toks[d->tf];
    int joined = (nt->nlen >= 2 && memcmp(t->norm + nt->nstart, "\xd9\x88", 2) == 0 &&
                  x->tok_match[d->tf] >= 0 && x->m[x->tok_match[d->tf]].strip == 2);
    if (joined && !strchr(p->iso, '/') && strlen(p->iso) + strlen(d->iso) + 2 < sizeof p->ival) {
      size_t pl = strlen(p->iso), dl = strlen(d->iso);
      memcpy(p->ival, p->iso, pl);
      p->ival[pl] = '/';
      memcpy(p->ival + pl + 1, d->iso, dl + 1);
      d->second = 1;
    }
  }
  return 0;
}

/* Days since 1970-01-01 (civil calendar), and back. */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

/* Resolves the relative expressions against the document date; without one
 * they stay unresolved (empty iso). */
void x_resolve_dates(struct alq_extractor *x) {
  for (size_t k = 0; k < x->ndates; k++) {
    date_expr *d = &x->dates[k];
    if (d->iso[0] != '@') continue;
    char *r = d->iso + 1;
    int Y = x->doc_y, M = x->doc_m, D = x->doc_d;
    if (!Y) { d->iso[0] = 0; continue; }
    char out[32] = "";
    if (!strcmp(r, "recent")) fmt(out, Y, M, 0);
    else if (!strcmp(r, "now")) fmt(out, Y, M, D);
    else if (!strncmp(r, "day", 3)) {
      int y, m, dd;
      civil_from_days(days_from_civil(Y, M, D) + atoi(r + 3), &y, &m, &dd);
      fmt(out, y, m, dd);
    } else if (!strncmp(r, "wd", 2)) {
      /* the last such weekday on or before the document date (0 = Sunday) */
      long z = days_from_civil(Y, M, D);
      int dow = (int)((z + 4) % 7); /* 1970-01-01 was a Thursday */
      int prev = r[2] == 'p';
      int back = (dow - atoi(r + 2 + prev) + 7) % 7 + (prev ? 7 : 0);
      int y, m, dd;
      civil_from_days(z - back, &y, &m, &dd);
      fmt(out, y, m, dd);
    } else if (!strncmp(r, "dm", 2)) {
      int mm = atoi(r + 2), dd = atoi(r + 5);
      fmt(out, Y, mm, dd);
    } else if (!strncmp(r, "my", 2)) {
      /* a month of the year before / after / of the document */
      fmt(out, Y + atoi(r + 4), atoi(r + 2), 0);
    } else if (r[0] == 'm') {
      int mm = atoi(r + 1), dir = atoi(r + 3);
      int y = Y;
      if (dir > 0 && mm < M) y++;
      if (dir < 0 && mm > M) y--;
      fmt(out, y, mm, 0);
    } else if (!strncmp(r, "ago", 3) || !strncmp(r, "unit", 4)) {
      int unit = atoi(r + (r[0] == 'a' ? 3 : 4));
      const char *c = strchr(r, ':');
      int n = c ? atoi(c + 1) : 1;
      if (r[0] == 'a') n = -n;
      int y = Y, m = M, dd = D;
      if (unit == 4) { y += n; fmt(out, y, 0, 0); }
      else if (unit == 3) {
        long mi = (long)y * 12 + (m - 1) + n;
        fmt(out, (int)(mi / 12), (int)(mi % 12) + 1, 0);
      } else {
        civil_from_days(days_from_civil(y, m, dd) + (unit == 2 ? 7 : 1) * n, &y, &m, &dd);
        fmt(out, y, m, dd);
      }
    }
    memcpy(d->iso, out, sizeof out);
  }
}
