/* The directory walk's shortcut for regular files (cli/inputs.c: opened
 * relative to the directory and fstat'ed, instead of stat and open by the
 * whole path) against the general path: every document a walk of a
 * directory hands over (where, id, text, title, date, the reader's raw
 * bytes) must equal what naming each of its files on its own gives, in
 * the same order, for plain, empty, invalid, Windows-1256, UTF-16, HTML and
 * JSON Lines files, a symlink, a subdirectory and a name that is no
 * document. */
#define _DEFAULT_SOURCE 1
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../cli/inputs.c"

void cli_warn(const char *fmt, ...) { (void)fmt; } /* (cli/main.c's, for cli_inputs_option) */

typedef struct seen { alq_buf b; size_t ndocs; } seen;

static void put(alq_buf *b, const char *s, size_t n) {
  char len[32];
  snprintf(len, sizeof len, "%zu:", n);
  assert_int_equal(alq_buf_append(b, len, strlen(len)), 0);
  if (n) assert_int_equal(alq_buf_append(b, s ? s : "", n), 0);
  assert_int_equal(alq_buf_append(b, "\n", 1), 0);
}
static void put_str(alq_buf *b, const char *s) { put(b, s ? s : "(null)", s ? strlen(s) : 6); }

static int on_doc(const alq_doc *d, const char *where, void *payload) {
  seen *sn = payload;
  put_str(&sn->b, where);
  put_str(&sn->b, d->id);
  put(&sn->b, d->text, d->len);
  put_str(&sn->b, d->date);
  put_str(&sn->b, d->title);
  sn->ndocs++;
  return 0;
}

static void write_file(const char *path, const void *s, size_t n) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(s, 1, n, f), n);
  fclose(f);
}
static void copy_file(const char *from, const char *to) {
  char *s;
  size_t n;
  alq_error err = {0};
  assert_int_equal(alq_read_file(from, &s, &n, 0, &err), 0);
  write_file(to, s, n);
  free(s);
}

static void read_all(const char *path, seen *sn, int *failed) {
  cli_inputs in = {0};
  in.quiet = 1;
  in.fn = on_doc;
  in.payload = sn;
  cli_inputs_run(&in, path);
  *failed |= in.failed;
}

static void test_dir_walk_same(void **state) {
  (void)state;
  char dir[] = "/tmp/alq_inputs_fast_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char p[1200], q[1200];
  const char *seed = ALQ_TEST_SRCDIR "/examples/news/000_7f7bdb69be750339.txt";
  snprintf(p, sizeof p, "%s/a.txt", dir); copy_file(seed, p);
  snprintf(p, sizeof p, "%s/b.TXT", dir); copy_file(ALQ_TEST_SRCDIR "/examples/news/001_a7b79aa071d541fa.txt", p);
  snprintf(p, sizeof p, "%s/c_empty.txt", dir); write_file(p, "", 0);
  snprintf(p, sizeof p, "%s/d_bad.txt", dir); write_file(p, "\xff\xd8\xa7 x\xc0", 6);
  snprintf(p, sizeof p, "%s/e_cp1256.txt", dir); copy_file(ALQ_TEST_SRCDIR "/tests/data/read/cp1256.txt", p);
  snprintf(p, sizeof p, "%s/f_utf16.txt", dir); copy_file(ALQ_TEST_SRCDIR "/tests/data/read/utf16le.txt", p);
  snprintf(p, sizeof p, "%s/g.html", dir); copy_file(ALQ_TEST_SRCDIR "/tests/data/read/entities.html", p);
  snprintf(p, sizeof p, "%s/h.jsonl", dir);
  const char *jl = "{\"id\":\"j1\",\"text\":\"\\u0642\\u0627\\u0644\",\"date\":\"2015-01-02\"}\n{\"text\":\"x\"}\n";
  write_file(p, jl, strlen(jl));
  snprintf(p, sizeof p, "%s/i_link.txt", dir);
  assert_int_equal(symlink("a.txt", p), 0);
  snprintf(p, sizeof p, "%s/j_sub", dir); assert_int_equal(mkdir(p, 0755), 0);
  snprintf(p, sizeof p, "%s/j_sub/k.txt", dir); copy_file(seed, p);
  snprintf(p, sizeof p, "%s/l.dat", dir); copy_file(seed, p);   /* no document: skipped in a walk */
  /* around the size a directory walk reads before a file's status (32 KiB:
     one byte under, at, over), and a compressed document */
  {
    char *t;
    size_t tn;
    alq_error err = {0};
    assert_int_equal(alq_read_file(seed, &t, &tn, 0, &err), 0);
    alq_buf fill = {0};
    while (fill.len < 70000) assert_int_equal(alq_buf_append(&fill, t, tn), 0);
    free(t);
    static const size_t sizes[] = {32766, 32767, 32768, 32769};
    for (int i = 0; i < 4; i++) {
      size_t n = sizes[i];
      while (n && ((unsigned char)fill.p[n] & 0xC0) == 0x80) n--; /* (whole code points) */
      snprintf(p, sizeof p, "%s/n%d.txt", dir, i); write_file(p, fill.p, n);
    }
    alq_buf_free(&fill);
    static const char gz[] =
        "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xbb\xd9\x74\x63\xf9\xcd\x16\x05\x10\x71\x63\xcd\xcd\xae"
        "\x1b\x5b\x14\x6e\x2c\xbd\xd9\xa6\x70\x63\xfd\x8d\xe5\x37\x76\x02\x79\x37\xdb\x81\x8c\x35\x37\x5b"
        "\xc1\x2a\x6e\xb6\xdd\xd8\x7a\x63\xe3\x8d\x95\x5c\x00\x7c\xca\x41\x9a\x36\x00\x00\x00";
    snprintf(p, sizeof p, "%s/o.txt.gz", dir); write_file(p, gz, sizeof gz - 1);
  }

  seen all = {{0}, 0}, each = {{0}, 0};
  int fa = 0, fe = 0;
  read_all(dir, &all, &fa);
  static const char *const names[] = {"a.txt", "b.TXT", "c_empty.txt", "d_bad.txt", "e_cp1256.txt", "f_utf16.txt",
                                      "g.html", "h.jsonl", "i_link.txt", "j_sub/k.txt", "n0.txt", "n1.txt",
                                      "n2.txt", "n3.txt", "o.txt.gz", NULL};
  for (int i = 0; names[i]; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, names[i]);
    read_all(p, &each, &fe);
  }
  assert_true(all.ndocs >= 15);
  assert_int_equal(all.ndocs, each.ndocs);
  assert_int_equal(fa, fe);
  assert_int_equal(all.b.len, each.b.len);
  assert_memory_equal(all.b.p, each.b.p, all.b.len);
  alq_buf_free(&all.b);
  alq_buf_free(&each.b);

  /* and a plain file's text is its bytes (read whole by one read(2)), also
     one larger than the general way's first buffer */
  snprintf(p, sizeof p, "%s/m_big.txt", dir);
  {
    alq_buf big = {0};
    for (int i = 0; i < 40; i++) {
      char *t;
      size_t tn;
      alq_error err = {0};
      assert_int_equal(alq_read_file(seed, &t, &tn, 0, &err), 0);
      assert_int_equal(alq_buf_append(&big, t, tn), 0);
      free(t);
    }
    assert_true(big.len > 100000);
    write_file(p, big.p, big.len);
    alq_buf_free(&big);
  }
  static const char *const plain[] = {"a.txt", "b.TXT", "c_empty.txt", "d_bad.txt", "m_big.txt", NULL};
  for (int i = 0; plain[i]; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, plain[i]);
    seen one = {{0}, 0};
    int f1 = 0;
    read_all(p, &one, &f1);
    char *t;
    size_t tn;
    alq_error err = {0};
    assert_int_equal(alq_read_file(p, &t, &tn, 0, &err), 0);
    alq_buf want = {0};
    put_str(&want, p);
    if (tn || strcmp(plain[i], "c_empty.txt")) {
      char id[256];
      snprintf(id, sizeof id, "%s", plain[i]);
      *strrchr(id, '.') = 0;
      put_str(&want, id);
      put(&want, t, tn);
      put_str(&want, NULL);
      put_str(&want, NULL);
      assert_int_equal(one.b.len, want.len);
      assert_memory_equal(one.b.p, want.p, want.len);
    } else {
      assert_int_equal(one.ndocs, 0); /* (an empty file: reported, no document) */
    }
    free(t);
    alq_buf_free(&want);
    alq_buf_free(&one.b);
  }
  unlink(p);

  for (int i = 0; names[i]; i++) { snprintf(p, sizeof p, "%s/%s", dir, names[i]); unlink(p); }
  snprintf(p, sizeof p, "%s/l.dat", dir); unlink(p);
  snprintf(q, sizeof q, "%s/j_sub", dir); rmdir(q);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dir_walk_same),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
