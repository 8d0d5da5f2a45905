/* JSON Lines records as the CLI parses them (cli_jsonl_parse in
 * cli/inputs.c): cJSON for the records in the subset where it and jansson
 * agree, jansson for the others. Checked: decoded text (escapes, \u
 * escapes and surrogate pairs) against bytes written by hand, numeric ids
 * beyond 2^53, duplicate keys (the last counts), nested values and numbers
 * in other fields, short dates dropped, the field-name options, which parser
 * took each record, the error messages and byte offsets of bad records
 * exactly as Debian's jansson 2.14 gives them; and, over the example
 * records mutated 40,000 times (half with valid escapes, characters and
 * members inserted, half cut and with bytes inserted and deleted anywhere:
 * invalid UTF-8, control characters, NULs, quotes, backslashes, \u escapes,
 * numbers, brackets, a byte-order mark), the same result, message, offset and
 * field bytes as the jansson path alone (parse_jansson, the reader before
 * cJSON). */
#define _DEFAULT_SOURCE 1
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../cli/inputs.c"

void cli_warn(const char *fmt, ...) { (void)fmt; } /* (cli/main.c's, for cli_inputs_option) */

static const cli_inputs defaults = {0};

/* Parses a good line; `fast`: whether cJSON must have taken it. */
static void parse_ok(const char *line, size_t n, int fast, cli_jsonl_rec *rec) {
  char msg[300] = "";
  long long off = -2;
  int rc = cli_jsonl_parse(&defaults, line, n, "t.jsonl:1", rec, msg, sizeof msg, &off);
  if (rc) print_error("unexpected failure: %s (byte %lld)\n", msg, off);
  assert_int_equal(rc, 0);
  assert_int_equal(rec->cjson != NULL, fast);
  assert_int_equal(rec->json != NULL, !fast);
}
#define OK(lit, fast, rec) parse_ok(lit, sizeof lit - 1, fast, rec)

static void parse_bad(const char *line, size_t n, const char *want, long long want_off) {
  cli_jsonl_rec rec;
  char msg[300] = "";
  long long off = -2;
  assert_int_equal(cli_jsonl_parse(&defaults, line, n, "t.jsonl:1", &rec, msg, sizeof msg, &off), 1);
  if (strcmp(msg, want) || off != want_off) print_error("got %s at %lld\n", msg, off);
  assert_string_equal(msg, want);
  assert_int_equal(off, want_off);
  assert_null(rec.json);
  assert_null(rec.cjson);
}
#define BAD(lit, want, off) parse_bad(lit, sizeof lit - 1, want, off)

static void escapes(void **state) {
  (void)state;
  cli_jsonl_rec rec;
  OK("{\"id\": \"a\", \"text\": \"x\\u0627\\ud83d\\ude00\\n\\\"q\\\"\\/\\\\ y\\t\\u00e9\\b\\f\\r\\u20AC\"}", 1, &rec);
  static const char want[] = "x\xd8\xa7\xf0\x9f\x98\x80\n\"q\"/\\ y\t\xc3\xa9\b\f\r\xe2\x82\xac";
  assert_int_equal(rec.doc.len, sizeof want - 1);
  assert_memory_equal(rec.doc.text, want, sizeof want - 1);
  assert_string_equal(rec.doc.id, "a");
  assert_null(rec.doc.date);
  assert_null(rec.doc.title);
  assert_null(rec.url);
  cli_jsonl_done(&rec);
  /* escaped backslashes before a u and a quote: not \u escapes */
  OK("{\"text\": \"\\\\u0000\\\\\\\\\\\"\"}", 1, &rec);
  assert_int_equal(rec.doc.len, 9);
  assert_memory_equal(rec.doc.text, "\\u0000\\\\\"", 9);
  cli_jsonl_done(&rec);
}

static void fields(void **state) {
  (void)state;
  cli_jsonl_rec rec;
  /* an id beyond 2^53 (a number: jansson), nested values and reals the
     record does not use, a date shorter than YYYY-MM-DD (dropped) */
  OK("{\"id\": 9007199254740993, \"text\": \"\xd9\x86\xd8\xb5\", \"meta\": {\"a\": [[1, 2.5e3, true, null, -0.0]]},"
     " \"date\": \"2015\", \"title\": \"T\", \"url\": \"http://x/\"}", 0, &rec);
  assert_string_equal(rec.doc.id, "9007199254740993");
  assert_int_equal(rec.doc.len, 4);
  assert_memory_equal(rec.doc.text, "\xd9\x86\xd8\xb5", 4);
  assert_null(rec.doc.date);
  assert_string_equal(rec.doc.title, "T");
  assert_string_equal(rec.url, "http://x/");
  cli_jsonl_done(&rec);
  OK("{\"text\": \"a b\", \"date\": \"2015-06-27T15:01:00\", \"id\": -42}", 0, &rec);
  assert_string_equal(rec.doc.id, "-42");
  assert_string_equal(rec.doc.date, "2015-06-27T15:01:00");
  assert_int_equal(rec.doc.len, 3);
  assert_memory_equal(rec.doc.text, "a b", 3);
  cli_jsonl_done(&rec);
  /* a real id is no id: the record is named by where it is */
  OK("{\"text\": \"a\", \"id\": 5.0}", 0, &rec);
  assert_string_equal(rec.doc.id, "t.jsonl:1");
  cli_jsonl_done(&rec);
  /* without an id; nested objects, arrays, booleans and nulls (no number):
     cJSON */
  OK("{\"text\": \"\", \"tags\": [\"a\", [], {}], \"m\": {\"text\": \"inner\", \"x\": [true, false, null]}, "
     "\"title\": null}", 1, &rec);
  assert_string_equal(rec.doc.id, "t.jsonl:1");
  assert_int_equal(rec.doc.len, 0);
  assert_null(rec.doc.title);
  cli_jsonl_done(&rec);
  /* duplicate keys: the last one counts (jansson's json_object_set), also
     when it is not a string */
  OK("{\"text\": \"first\", \"id\": \"i1\", \"text\": \"second\", \"id\": \"i2\", \"url\": \"u\", \"url\": null}", 1,
     &rec);
  assert_int_equal(rec.doc.len, 6);
  assert_memory_equal(rec.doc.text, "second", 6);
  assert_string_equal(rec.doc.id, "i2");
  assert_null(rec.url);
  cli_jsonl_done(&rec);
  OK("{\"id\": 1, \"text\": \"x\", \"id\": \"s\"}", 0, &rec);
  assert_string_equal(rec.doc.id, "s");
  cli_jsonl_done(&rec);
  /* names compare exactly (cJSON_GetObjectItem would ignore case) */
  OK("{\"Text\": \"no\", \"text\": \"yes\", \"TEXT\": \"no\"}", 1, &rec);
  assert_memory_equal(rec.doc.text, "yes", 3);
  cli_jsonl_done(&rec);
  /* white space around and inside; a CRLF line end */
  OK("{ \"text\" :\"w\" , \"id\":\"x\" }  \t\r", 1, &rec);
  assert_memory_equal(rec.doc.text, "w", 1);
  cli_jsonl_done(&rec);
  /* white space before the object and tabs between members: jansson */
  OK(" {\"text\":\"w\"}", 0, &rec);
  cli_jsonl_done(&rec);
  OK("{\"text\":\t\"w\"}", 0, &rec);
  cli_jsonl_done(&rec);
  /* the field-name options */
  cli_inputs r = {0};
  r.id_field = "k"; r.text_field = "body"; r.title_field = "h"; r.date_field = "d"; r.url_field = "link";
  static const char alt[] = "{\"k\": \"K\", \"body\": \"B\", \"h\": \"H\", \"d\": \"2020-01-02\", \"link\": \"L\", \"text\": \"t\"}";
  char msg[300];
  long long off;
  assert_int_equal(cli_jsonl_parse(&r, alt, sizeof alt - 1, "w", &rec, msg, sizeof msg, &off), 0);
  assert_non_null(rec.cjson);
  assert_string_equal(rec.doc.id, "K");
  assert_string_equal(rec.doc.text, "B");
  assert_string_equal(rec.doc.title, "H");
  assert_string_equal(rec.doc.date, "2020-01-02");
  assert_string_equal(rec.url, "L");
  cli_jsonl_done(&rec);
  static const char alt2[] = "{\"k\": \"K\", \"text\": \"t\"}";
  assert_int_equal(cli_jsonl_parse(&r, alt2, sizeof alt2 - 1, "w", &rec, msg, sizeof msg, &off), 1);
  assert_string_equal(msg, "record has no \"body\" string; skipped");
  assert_int_equal(off, 0);
}

/* Messages and offsets (from the start of the line) of bad records: the
 * same as `alaqat extract` built on the system jansson reports. */
static void errors(void **state) {
  (void)state;
  BAD("{\"id\": \"b\", \"text\": \"ab\xff" "cd\"}", "malformed JSON: unable to decode byte 0xff near '\"ab'", 23);
  BAD("{\"id\": \"c\", \"text\": \"abc\" \"x\"}", "malformed JSON: '}' expected near '\"x\"'", 29);
  BAD("{\"id\": \"d\", \"text\": \"\\ud800\"}", "malformed JSON: invalid Unicode '\\uD800' near '\"\\ud800\"'", 28);
  BAD("{\"id\": \"e\", \"title\": \"t\"}", "record has no \"text\" string; skipped", 0);
  BAD("{\"id\": \"e\", \"text\": [\"t\"]}", "record has no \"text\" string; skipped", 0);
  BAD("{\"text\": \"a\\u0000b\", \"id\": 1}",
      "malformed JSON: \\u0000 is not allowed without JSON_ALLOW_NUL near '\"a\\u0000b\"'", 19);
  BAD("{\"text\": \"a\\u0000b\", \"id\": \"x\"}",
      "malformed JSON: \\u0000 is not allowed without JSON_ALLOW_NUL near '\"a\\u0000b\"'", 19);
  BAD("{\"text\": \"a\\u00zzb\"}", "malformed JSON: invalid escape near '\"a\\u00z'", 16);
  BAD("{\"a\\u0000\": \"x\", \"text\": \"t\"}", "malformed JSON: NUL byte in object key not supported near '\"a\\u0000\"'", 10);
  BAD("[1]", "malformed JSON: not an object", 0);
  BAD("{\"id\": \"f\", \"text\": \"a\tb\"}", "malformed JSON: control character 0x9 near '\"a'", 22);
  BAD("{\"id\": \"g\", \"text\": \"abc", "malformed JSON: premature end of input near '\"abc'", 24);
  BAD("{\"text\": \"a\"} x", "malformed JSON: end of file expected near 'x'", 15);
  BAD("{\"text\": \"a\"}{}", "malformed JSON: end of file expected near '{'", 14);
  BAD("\xef\xbb\xbf{\"text\": \"a\"}", "malformed JSON: '[' or '{' expected near '\xef\xbb\xbf'", 3);
  BAD("{\"text\": \"a\", \"n\": 01}", "malformed JSON: invalid token near '0'", 20);
  BAD("{\"text\": \"a\", \"n\": 1.}", "malformed JSON: invalid token near '1.'", 21);
  BAD("{\"text\": \"a\", \"n\": 1e999}", "malformed JSON: real number overflow near '1e999'", 24);
  BAD("{\"text\": \"a\", \"n\": 99999999999999999999}",
      "malformed JSON: too big integer near '99999999999999999999'", 39);
  BAD("{\"text\": \"a\",}", "malformed JSON: string or '}' expected near '}'", 14);
  /* a raw NUL (cJSON would take it as white space; json_loadb as the end) */
  BAD("{\"text\": \"a\"\0}", "malformed JSON: '}' expected near end of file", 13);
  /* nesting deeper than JSON_PARSER_MAX_DEPTH (2048); deeper than cJSON's
     1,000 but within jansson's: parsed by jansson */
  static char deep[2 * 2100 + 40];
  size_t n = (size_t)snprintf(deep, sizeof deep, "{\"text\": \"x\", \"a\": ");
  for (int i = 0; i < 2100; i++) deep[n++] = '[';
  for (int i = 0; i < 2100; i++) deep[n++] = ']';
  deep[n++] = '}';
  parse_bad(deep, n, "malformed JSON: maximum parsing depth reached near '['", 2067);
  n = (size_t)snprintf(deep, sizeof deep, "{\"text\": \"x\", \"a\": ");
  for (int i = 0; i < 1500; i++) deep[n++] = '[';
  for (int i = 0; i < 1500; i++) deep[n++] = ']';
  deep[n++] = '}';
  cli_jsonl_rec rec;
  parse_ok(deep, n, 0, &rec);
  cli_jsonl_done(&rec);
}

/* A line of a ~4 KB string: prefix, 100 times an Arabic phrase, mid, the
 * phrase 100 times again if twice, then tail. */
static size_t long_line(char *buf, size_t cap, const char *id, const char *mid, size_t midlen, int twice,
                        const char *tail) {
  static const char phrase[] = "\xd8\xaa\xd8\xad\xd8\xa7\xd9\x84\xd9\x81 \xd8\xa8\xd9\x8a\xd9\x86 "; /* تحالف بين */
  size_t n = (size_t)snprintf(buf, cap, "{\"id\": \"%s\", \"text\": \"", id);
  for (int r = 0; r < (twice ? 2 : 1); r++) {
    for (int i = 0; i < 100; i++) { memcpy(buf + n, phrase, sizeof phrase - 1); n += sizeof phrase - 1; }
    if (r == 0) { memcpy(buf + n, mid, midlen); n += midlen; }
  }
  memcpy(buf + n, tail, strlen(tail));
  return n + strlen(tail);
}

/* Long strings: the 16-byte scan for control bytes and backslashes, runs of
 * plain bytes between escapes, errors far into a string. */
static void long_strings(void **state) {
  (void)state;
  static char line[16384];
  const size_t pre = 22, run = 100 * 18;   /* {"id": "lN", "text": " and 100 phrases */
  cli_jsonl_rec rec;
  static const char mid[] = "\\n\\u0627\xe2\x82\xac\xf0\x9f\x98\x80\\\"";
  size_t n = long_line(line, sizeof line, "l0", mid, sizeof mid - 1, 1, "\"}");
  parse_ok(line, n, 1, &rec);
  assert_int_equal(rec.doc.len, 2 * run + 1 + 2 + 3 + 4 + 1);
  assert_memory_equal(rec.doc.text + run, "\n\xd8\xa7\xe2\x82\xac\xf0\x9f\x98\x80\"", 11);
  assert_memory_equal(rec.doc.text, rec.doc.text + run + 11, run);
  cli_jsonl_done(&rec);
  n = long_line(line, sizeof line, "l1", "\xff", 1, 1, "\"}");
  parse_bad(line, n, "malformed JSON: unable to decode byte 0xff", (long long)(pre + run));
  n = long_line(line, sizeof line, "l2", "\t", 1, 0, "\"}");
  parse_bad(line, n, "malformed JSON: control character 0x9", (long long)(pre + run));
  n = long_line(line, sizeof line, "l2b", "\\u0000", 6, 1, "\"}");
  /* (jansson finds it when it decodes the string, after the closing quote) */
  parse_bad(line, n, "malformed JSON: \\u0000 is not allowed without JSON_ALLOW_NUL", (long long)(pre + 1 + 2 * run + 6 + 1));
  n = long_line(line, sizeof line, "l3", "\xd8", 1, 0, "");   /* a lead byte, then the end */
  parse_bad(line, n, "malformed JSON: unable to decode byte 0xd8", (long long)(pre + run));
  n = long_line(line, sizeof line, "l4", "\xe2\x82\xac\xc0\x80", 5, 0, "\"}");   /* overlong */
  parse_bad(line, n, "malformed JSON: unable to decode byte 0xc0", (long long)(pre + run + 3));
  n = long_line(line, sizeof line, "l5", "\xed\xa0\x80", 3, 0, "\"}");   /* a surrogate */
  parse_bad(line, n, "malformed JSON: unable to decode byte 0xed", (long long)(pre + run));
  n = long_line(line, sizeof line, "l6", "\xf0\x9f\x98", 3, 0, "\"}");   /* cut short */
  parse_bad(line, n, "malformed JSON: unable to decode byte 0xf0", (long long)(pre + run));
  n = long_line(line, sizeof line, "l7", "", 0, 0, "");   /* no closing quote */
  parse_bad(line, n, "malformed JSON: premature end of input", (long long)(pre + run));
  BAD("{\"id\": \"l8\", \"text\": \"abc\xe2\x82\"}", "malformed JSON: unable to decode byte 0xe2 near '\"abc'", 25);
  /* a record of two long strings and a number after them */
  n = long_line(line, sizeof line, "l9", "", 0, 1, "\", \"title\": \"x\", \"id\": 7}");
  parse_ok(line, n, 0, &rec);
  assert_string_equal(rec.doc.id, "7");
  assert_int_equal(rec.doc.len, 2 * run);
  cli_jsonl_done(&rec);
}

/* What one parse gave, to compare the two paths. */
typedef struct outcome { int rc; long long off; char msg[300]; char *f[F_N]; size_t len[F_N]; } outcome;

static char *dup_or_null(const char *s, size_t n) {
  if (!s) return NULL;
  char *d = malloc(n + 1);
  assert_non_null(d);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

static void run_one(int fast, const char *s, size_t n, outcome *o, int *took_fast) {
  cli_jsonl_rec rec;
  memset(o, 0, sizeof *o);
  o->off = -2;
  if (fast) o->rc = cli_jsonl_parse(&defaults, s, n, "m:1", &rec, o->msg, sizeof o->msg, &o->off);
  else {
    memset(&rec, 0, sizeof rec);
    o->rc = parse_jansson(&defaults, s, n, "m:1", &rec, o->msg, sizeof o->msg, &o->off);
  }
  if (o->rc) return;
  *took_fast += rec.cjson != NULL;
  const char *v[F_N] = {rec.doc.id, rec.doc.text, rec.doc.title, rec.doc.date, rec.url};
  for (int k = 0; k < F_N; k++) {
    o->len[k] = k == F_TEXT ? rec.doc.len : v[k] ? strlen(v[k]) : 0;
    o->f[k] = dup_or_null(v[k], o->len[k]);
  }
  cli_jsonl_done(&rec);
}

static void same(const char *s, size_t n, int *nfast, int *nok) {
  outcome a, b;
  int dummy = 0;
  run_one(1, s, n, &a, nfast);
  run_one(0, s, n, &b, &dummy);
  if (a.rc != b.rc || a.off != b.off || strcmp(a.msg, b.msg)) {
    print_error("line %.*s\nnew: %d %lld %s\nold: %d %lld %s\n", (int)(n < 300 ? n : 300), s, a.rc, a.off, a.msg,
                b.rc, b.off, b.msg);
    fail();
  }
  *nok += !a.rc;
  for (int k = 0; k < F_N; k++) {
    assert_int_equal(a.f[k] == NULL, b.f[k] == NULL);
    assert_int_equal(a.len[k], b.len[k]);
    if (a.f[k]) assert_memory_equal(a.f[k], b.f[k], a.len[k]);
    free(a.f[k]);
    free(b.f[k]);
  }
}

static uint64_t rnd_state = 88172645463325252ull;
static uint32_t rnd(uint32_t n) {
  rnd_state ^= rnd_state << 13; rnd_state ^= rnd_state >> 7; rnd_state ^= rnd_state << 17;
  return (uint32_t)(rnd_state % n);
}

/* The example records (and a few made here), mutated: the fast reader
 * must answer exactly as jansson alone. */
static void differential(void **state) {
  (void)state;
  FILE *f = fopen(ALQ_TEST_SRCDIR "/examples/news/ant-sample.jsonl", "rb");
  assert_non_null(f);
  char *lines[64];
  size_t lens[64], nl = 0, cap = 0;
  char *buf = NULL;
  ssize_t k;
  while (nl < 40 && (k = getline(&buf, &cap, f)) > 0) {
    lens[nl] = (size_t)k - (buf[k - 1] == '\n');
    lines[nl] = dup_or_null(buf, lens[nl]);
    nl++;
  }
  free(buf);
  fclose(f);
  assert_true(nl >= 10);
  static const char *const made[] = {
    "{\"id\": \"m1\", \"text\": \"a\\\\b\\\"c\\u0627\\ud83d\\ude00\", \"n\": [1, 2.5, -3e2], \"o\": {\"p\": null}}",
    "{\"id\": 12, \"text\": \"x\", \"title\": \"\\u00e9t\\u00E9\", \"date\": \"2020-02-02\", \"url\": \"\\/a\"}",
    "{\"text\": \"\", \"text\": \"dup\", \"id\": true}",
  };
  for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) { lines[nl] = dup_or_null(made[i], strlen(made[i])); lens[nl++] = strlen(made[i]); }
  static const char *const ins[] = {"\xff", "\xc0\x80", "\xed\xa0\x80", "\xf0\x9f\x98", "\xe2\x82", "\xd8", "\t", "\x01",
                                    "\"", "\\", "\\u", "\\ud800", "\\u0627", "\\ud83d\\ude00", "\\n", "\\\"", "\\\\",
                                    "\\u0000", "\\u00", "\\uZZZZ", "\xf4\x90\x80\x80", "\xe2\x82\xac", "}", "{", "[", "]",
                                    ",", ":", "a", " ", "0", "01", "1.", "-", "1e999", "99999999999999999999", "true",
                                    "null", "\xef\xbb\xbf", "\r", "\"text\"", "\"id\": 5,", "\"text\": \"t\","};
  const size_t nins = sizeof ins / sizeof ins[0];
  /* valid insertions into the text string, at character boundaries, and
     valid members before the closing brace */
  static const char *const good[] = {"\\n", "\\u0627", "\\ud83d\\ude00", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\\\"",
                                     "\\\\", "\\/", "a", " ", "\\u00E9", "\\\\u0000", "\\t"};
  static const char *const members[] = {", \"n\": 1", ", \"n\": [true, {\"a\": null}]", ", \"id\": \"again\"",
                                        ", \"text\": \"last\"", ", \"id\": -7", ", \"x\": 2.5e3", ", \"t\": []"};
  const size_t ngood = sizeof good / sizeof good[0], nmem = sizeof members / sizeof members[0];
  static char m[1 << 17];
  int nfast = 0, nok = 0, total = 0;
  for (size_t i = 0; i < nl; i++) { same(lines[i], lens[i], &nfast, &nok); total++; }
  for (int it = 0; it < 40000; it++) {
    size_t src = rnd((uint32_t)nl), n = lens[src];
    memcpy(m, lines[src], n);
    int edits = 1 + (int)rnd(3);
    if (it % 2 == 0) {
      /* valid: into the text string (after "text": "), or a member */
      const char *t = NULL;
      for (size_t q = 0; !t && q + 9 <= n; q++) if (!memcmp(m + q, "\"text\": \"", 9)) t = m + q;
      for (int e = 0; t && e < edits; e++) {
        size_t base = (size_t)(t - m) + 9, p, xl;
        const char *x;
        if (rnd(4) == 0) { x = members[rnd((uint32_t)nmem)]; p = n - 1; }
        else {
          x = good[rnd((uint32_t)ngood)];
          const char *q = memchr(m + base, '"', n - base);   /* stay before the first quote */
          size_t lim = q ? (size_t)(q - m) : base;
          p = base + rnd((uint32_t)(lim - base + 1));
          while (p > base && ((unsigned char)m[p] & 0xC0) == 0x80) p--;
          if (p > base && m[p - 1] == '\\') continue;
        }
        xl = strlen(x);
        if (n + xl > sizeof m) break;
        memmove(m + p + xl, m + p, n - p);
        memcpy(m + p, x, xl);
        n += xl;
      }
      same(m, n, &nfast, &nok);
      total++;
      continue;
    }
    if (rnd(2)) n = 1 + rnd((uint32_t)n);   /* cut: errors at the end */
    for (int e = 0; e < edits; e++) {
      size_t p = rnd((uint32_t)n + 1);
      if (rnd(100) < 85) {
        const char *x = ins[rnd((uint32_t)nins)];
        size_t xl = strlen(x);
        if (rnd(50) == 0) { x = "\0"; xl = 1; }   /* a raw NUL now and then */
        if (n + xl > sizeof m) break;
        memmove(m + p + xl, m + p, n - p);
        memcpy(m + p, x, xl);
        n += xl;
      } else {
        size_t d = 1 + rnd(3);
        if (p + d > n) d = n - p;
        memmove(m + p, m + p + d, n - p - d);
        n -= d;
      }
    }
    same(m, n, &nfast, &nok);
    total++;
  }
  for (size_t i = 0; i < nl; i++) free(lines[i]);
  print_message("differential: %d lines, %d parsed (%d by cJSON), the others errors: the same\n", total, nok, nfast);
  /* both paths were exercised */
  assert_true(nfast > 10000);
  assert_true(nok - nfast > 2000);
  assert_true(total - nok > 10000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(escapes), cmocka_unit_test(fields), cmocka_unit_test(errors), cmocka_unit_test(long_strings),
    cmocka_unit_test(differential),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
