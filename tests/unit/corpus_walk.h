/* Shared by the fast-path tests that compare a pass with its reference
 * (test_claims_fast.c, test_dates_fast.c): every .txt document of the news
 * examples and the seeds, and the first records of dev2 and of the articles
 * corpus, handed to a callback. Include after <cmocka.h>, <jansson.h> and
 * "alaqat.h" (alq_read_file from "util/util.h"). */
#ifndef ALQ_TEST_CORPUS_WALK_H
#define ALQ_TEST_CORPUS_WALK_H
#include <dirent.h>

/* How many articles of the corpus (1,423): a test may ask for all of them
 * (test_claims_fast: some shortcuts act on rules that the first 400 do not
 * reach) by defining this before the include. */
#ifndef ALQ_TEST_CORPUS_MAX
#define ALQ_TEST_CORPUS_MAX 400
#endif

typedef void (*corpus_fn)(const char *id, const char *text, size_t len, const char *date);

static void walk_dir(const char *dir, corpus_fn fn) {
  DIR *dd = opendir(dir);
  assert_non_null(dd);
  struct dirent *de;
  while ((de = readdir(dd))) {
    if (!strstr(de->d_name, ".txt")) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    char *s;
    size_t n;
    alq_error err = {0};
    assert_int_equal(alq_read_file(path, &s, &n, 0, &err), 0);
    fn(de->d_name, s, n, NULL);
    free(s);
  }
  closedir(dd);
}

static void walk_jsonl(const char *path, size_t max, corpus_fn fn) {
  FILE *f = fopen(path, "r");
  if (!f) { fprintf(stderr, "(not found, skipped: %s)\n", path); return; }
  char *line = NULL;
  size_t cap = 0, n = 0;
  while (n < max && getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je);
    assert_non_null(o);
    const char *text = json_string_value(json_object_get(o, "text"));
    const char *date = json_string_value(json_object_get(o, "date"));
    const char *id = json_string_value(json_object_get(o, "id"));
    if (text) fn(id ? id : "?", text, strlen(text), date);
    json_decref(o);
    n++;
  }
  free(line);
  fclose(f);
}

/* The standard comparison corpora. */
static void walk_corpora(corpus_fn fn) {
  walk_dir(ALQ_TEST_SRCDIR "/examples/news", fn);
  walk_dir(ALQ_TEST_SHARED "/seeds", fn);
  walk_jsonl(ALQ_TEST_SHARED "/gold/dev2/articles.jsonl", 1000, fn);
  walk_jsonl(ALQ_TEST_SHARED "/data/arabic-news-armed-groups/articles.jsonl", ALQ_TEST_CORPUS_MAX, fn);
}

#endif
