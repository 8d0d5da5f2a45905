/* Decode-only throughput of the JSON libraries Debian 12 packages, on a
 * JSON Lines file: each line parsed whole, the "text" string's length
 * read, the tree freed; nothing else (docs/PERFORMANCE.md, session 5).
 * jansson and json-c declare the same names (json_object_get, json_object,
 * json_type...), so one program per library (bench/json_decode.sh builds
 * and runs them):
 *   cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -DUSE_CJSON -o build/jd-cjson \
 *      bench/json_decode.c -lcjson      (-DUSE_JANSSON -ljansson, -DUSE_JSONC -ljson-c)
 *   build/jd-cjson cjson build/bench/corpus-200M.jsonl
 * LIB: jansson (json_loadb), cjson (cJSON_ParseWithLengthOpts), json-c
 * (json_tokener_parse_ex, one tokener reset per line), json-c-strict (the
 * same with JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8), getline (the
 * line reading alone, any build). Prints records, bytes of text, failures,
 * CPU seconds and MB/s of JSON (10^6 bytes per CPU second). */
#if defined USE_CJSON
#include <cjson/cJSON.h>
#elif defined USE_JANSSON
#include <jansson.h>
#elif defined USE_JSONC
#include <json-c/json.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: json_decode jansson|cjson|json-c|json-c-strict|getline FILE.jsonl\n"); return 2; }
  const char *lib = argv[1];
  int which = !strcmp(lib, "jansson") ? 0 : !strcmp(lib, "cjson") ? 1 : !strcmp(lib, "json-c") ? 2
            : !strcmp(lib, "json-c-strict") ? 3 : !strcmp(lib, "getline") ? 4 : -1;
  if (which < 0) { fprintf(stderr, "json_decode: unknown library %s\n", lib); return 2; }
  FILE *f = fopen(argv[2], "rb");
  if (!f) { perror(argv[2]); return 2; }
#ifdef USE_JSONC
  struct json_tokener *tok = json_tokener_new();
  if (which == 3) json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
#endif
  char *line = NULL;
  size_t cap = 0, json = 0, text = 0, docs = 0, bad = 0;
  ssize_t n;
  clock_t t0 = clock();
  while ((n = getline(&line, &cap, f)) > 0) {
    json += (size_t)n;
    if (which == 4) {
      text += (size_t)n;
#ifdef USE_JANSSON
    } else if (which == 0) {
      json_error_t e;
      json_t *o = json_loadb(line, (size_t)n, 0, &e);
      if (!o) { bad++; continue; }
      text += json_string_length(json_object_get(o, "text"));
      json_decref(o);
#endif
#ifdef USE_CJSON
    } else if (which == 1) {
      cJSON *o = cJSON_ParseWithLengthOpts(line, (size_t)n, NULL, 0);
      if (!o) { bad++; continue; }
      const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "text");
      if (cJSON_IsString(t)) text += strlen(t->valuestring);
      cJSON_Delete(o);
#endif
#ifdef USE_JSONC
    } else if (which == 2 || which == 3) {
      json_tokener_reset(tok);
      json_object *o = json_tokener_parse_ex(tok, line, (int)n);
      if (!o) { bad++; continue; }
      json_object *t;
      if (json_object_object_get_ex(o, "text", &t)) text += (size_t)json_object_get_string_len(t);
      json_object_put(o);
#endif
    } else {
      fprintf(stderr, "json_decode: this program was built for another library\n");
      return 2;
    }
    docs++;
  }
  double cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
#ifdef USE_JSONC
  json_tokener_free(tok);
#endif
  free(line);
  fclose(f);
  printf("%-14s %zu records, %zu bytes of text, %zu not parsed, %.2f s CPU, %.1f MB/s of JSON\n", lib, docs, text,
         bad, cpu, cpu > 0 ? (double)json / 1e6 / cpu : 0.0);
  return 0;
}
