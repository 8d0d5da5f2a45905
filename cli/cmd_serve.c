/* alaqat serve: the read-only JSON API and web UI over a corpus store
 * (src/serve). Parses options, finds the web UI's files, blocks SIGINT and
 * SIGTERM so that the server stops cleanly on either. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "serve/serve.h"

#ifndef ALQ_WEBDIR_BUILD
#define ALQ_WEBDIR_BUILD ""
#endif
#ifndef ALQ_WEBDIR_INSTALLED
#define ALQ_WEBDIR_INSTALLED ""
#endif

const char cmd_serve_usage[] =
  "usage: alaqat serve [--db PATH] [--port N] [--bind ADDR] [--web DIR] [--threads N]\n"
  "                    [--timeout SECONDS] [-q]\n"
  "\n"
  "Serves the store read-only over HTTP: the JSON API of docs/API.md under\n"
  "/api/ and the web UI (network, timelines, evidence, search) at /.\n"
  "Stops on SIGINT (Ctrl-C) or SIGTERM.\n"
  "\n"
  "options:\n"
  "  --db PATH     the store (default alaqat.db), opened read-only\n"
  "  --port N      TCP port (default 8080; 0 = any free port, printed)\n"
  "  --bind ADDR   address to listen on (default 127.0.0.1, this machine only)\n"
  "  --web DIR     the web UI's files (default: $ALAQAT_WEB, else the built\n"
  "                or installed web UI; without one only the API is served)\n"
  "  --threads N   worker threads and store handles (default 4, 1..64)\n"
  "  --timeout SECONDS\n"
  "                close a connection idle this long (default 15, 1..3600)\n"
  "  -q            no request log on stderr\n"
  "\n"
  "exit status: 0 stopped by a signal, 1 store or socket error, 2 usage.\n";

static int is_webdir(const char *d) {
  if (!d || !*d) return 0;
  char p[4096];
  struct stat st;
  snprintf(p, sizeof p, "%s/index.html", d);
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int number(const char *s, long lo, long hi, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

int cmd_serve(int argc, char **argv) {
  alq_serve_opts o = {"alaqat.db", "127.0.0.1", 8080, NULL, 4, 256, 15, 0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    long v;
    if (!strcmp(a, "-q")) { o.quiet = 1; continue; }
    if (!strcmp(a, "--db") || !strcmp(a, "--port") || !strcmp(a, "--bind") || !strcmp(a, "--web") ||
        !strcmp(a, "--threads") || !strcmp(a, "--timeout")) {
      if (i + 1 >= argc) { cli_warn("serve: %s needs a value", a); return ALQ_EXIT_USAGE; }
      const char *val = argv[++i];
      if (!strcmp(a, "--db")) o.db = val;
      else if (!strcmp(a, "--bind")) o.bind = val;
      else if (!strcmp(a, "--web")) o.webdir = val;
      else if (!strcmp(a, "--port")) {
        if (number(val, 0, 65535, &v)) { cli_warn("serve: --port needs a number 0..65535"); return ALQ_EXIT_USAGE; }
        o.port = (unsigned)v;
      } else if (!strcmp(a, "--timeout")) {
        if (number(val, 1, 3600, &v)) { cli_warn("serve: --timeout needs a number of seconds 1..3600"); return ALQ_EXIT_USAGE; }
        o.timeout = (unsigned)v;
      } else {
        if (number(val, 1, 64, &v)) { cli_warn("serve: --threads needs a number 1..64"); return ALQ_EXIT_USAGE; }
        o.threads = (unsigned)v;
      }
      continue;
    }
    cli_warn("serve: unexpected argument '%s'", a);
    return ALQ_EXIT_USAGE;
  }
  if (o.webdir && !is_webdir(o.webdir)) {
    cli_warn("serve: %s has no index.html", o.webdir);
    return ALQ_EXIT_USAGE;
  }
  if (!o.webdir) {
    const char *env = getenv("ALAQAT_WEB");
    if (is_webdir(env)) o.webdir = env;
    else if (is_webdir(ALQ_WEBDIR_BUILD)) o.webdir = ALQ_WEBDIR_BUILD;
    else if (is_webdir(ALQ_WEBDIR_INSTALLED)) o.webdir = ALQ_WEBDIR_INSTALLED;
  }
  /* the server's threads inherit this mask; alq_serve_run waits for them */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  return alq_serve_run(&o) ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
