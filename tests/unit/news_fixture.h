/* The bundled news (the .txt files of examples/news) concatenated, one line break
 * after each: a realistic text for tests that compare a fast path with a
 * reference. Include after <cmocka.h>, "util/util.h" and <dirent.h>. */
#ifndef ALQ_TEST_NEWS_FIXTURE_H
#define ALQ_TEST_NEWS_FIXTURE_H

static char *news;
static size_t news_len;
static void load_news(void) {
  if (news) return;
  DIR *d = opendir(ALQ_TEST_SRCDIR "/examples/news");
  assert_non_null(d);
  alq_buf b = {0};
  struct dirent *de;
  while ((de = readdir(d))) {
    if (!strstr(de->d_name, ".txt")) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/news/%s", ALQ_TEST_SRCDIR, de->d_name);
    char *s;
    size_t n;
    alq_error err = {0};
    assert_int_equal(alq_read_file(path, &s, &n, 0, &err), 0);
    assert_int_equal(alq_buf_reserve(&b, n + 1), 0);
    memcpy(b.p + b.len, s, n);
    b.len += n;
    b.p[b.len++] = '\n';
    free(s);
  }
  closedir(d);
  news = b.p;
  news_len = b.len;
}

#endif
