/*
 * bench_ingest.c - ingest throughput and memory.
 *
 * Replicates the sample corpus (samples/, else the test fixtures) into at
 * least N distinct pages (default 10,000; argv[1] overrides) by adding one
 * varying token per copy, so every copy has its own content hash, then
 * ingests them single-threaded into a fresh store and prints pages/s and
 * the peak resident set size (getrusage ru_maxrss).  WARTA_BENCH_PAGES
 * sets N when no argument is given.  Everything is written
 * under a temporary directory that is removed at the end.
 *
 *   build/bench_ingest [PAGES] [SOURCE_DIR]
 */
#include <dirent.h>
#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "warta.h"

#ifndef WARTA_SOURCE_DIR
#define WARTA_SOURCE_DIR "."
#endif

typedef struct page {
  char *text;
  int jsonl; /* one JSON Lines record (a JSON object) */
  char ext[8];
} page;

static page *pages;
static size_t n_pages, cap_pages;

static void add_page(char *text, int jsonl, const char *ext) {
  if (n_pages == cap_pages) {
    cap_pages = cap_pages ? cap_pages * 2 : 64;
    pages = realloc(pages, cap_pages * sizeof *pages);
    if (!pages) abort();
  }
  page *p = &pages[n_pages++];
  p->text = text;
  p->jsonl = jsonl;
  snprintf(p->ext, sizeof p->ext, "%s", ext);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (n < 0 || n > (32L << 20)) {
    fclose(f);
    return NULL;
  }
  char *b = malloc((size_t)n + 1);
  if (!b) abort();
  size_t got = fread(b, 1, (size_t)n, f);
  b[got] = '\0';
  fclose(f);
  return b;
}

static int collect(const char *path, const struct stat *sb, int flag,
                   struct FTW *ftw) {
  if (flag != FTW_F) return 0;
  const char *dot = strrchr(path, '.');
  if (!dot) return 0;
  char *text = slurp(path);
  if (!text) return 0;
  if (strcmp(dot, ".jsonl") == 0) {
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
      if (*line == '{') add_page(strdup(line), 1, "jsonl");
    free(text);
  } else if (strcmp(dot, ".txt") == 0 || strcmp(dot, ".html") == 0) {
    add_page(text, 0, dot + 1);
  } else {
    free(text);
  }
  return 0;
}

/* Copy k of page p, made distinct by one token. */
static int write_copy(const char *dir, size_t k, const page *p, FILE *jl) {
  char path[700];
  if (p->jsonl) {
    json_t *o = json_loads(p->text, 0, NULL);
    if (!o) return -1;
    const char *id = json_string_value(json_object_get(o, "id"));
    char nid[256];
    snprintf(nid, sizeof nid, "%s~%zu", id ? id : "rec", k);
    json_object_set_new(o, "id", json_string(nid));
    const char *t = json_string_value(json_object_get(o, "text"));
    const char *key = t ? "text" : "html";
    if (!t) t = json_string_value(json_object_get(o, "html"));
    if (t) {
      size_t n = strlen(t) + 64;
      char *nt = malloc(n);
      if (!nt) abort();
      snprintf(nt, n, "%s\n\nSalinan %zu.", t, k);
      json_object_set_new(o, key, json_string(nt));
      free(nt);
    }
    char *line = json_dumps(o, JSON_COMPACT);
    fprintf(jl, "%s\n", line);
    free(line);
    json_decref(o);
    return 0;
  }
  snprintf(path, sizeof path, "%s/p%06zu.%s", dir, k, p->ext);
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  if (strcmp(p->ext, "html") == 0)
    fprintf(f, "%s\n<p>Salinan %zu.</p>\n", p->text, k);
  else
    fprintf(f, "%s\n\nSalinan %zu.\n", p->text, k);
  return fclose(f);
}

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw) {
  return remove(p);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  const char *env = getenv("WARTA_BENCH_PAGES");
  long want = argc > 1 ? atol(argv[1]) : env ? atol(env) : 10000;
  if (want <= 0) want = 10000;
  const char *src = argc > 2 ? argv[2] : WARTA_SOURCE_DIR "/samples";
  nftw(src, collect, 16, FTW_PHYS);
  if (n_pages == 0) nftw(WARTA_SOURCE_DIR "/tests/fixtures", collect, 16,
                         FTW_PHYS);
  if (n_pages == 0) {
    fprintf(stderr, "bench_ingest: no sample pages under %s\n", src);
    return 1;
  }
  char tmp[] = "/tmp/warta-bench-XXXXXX";
  if (!mkdtemp(tmp)) {
    perror("mkdtemp");
    return 1;
  }
  char dir[600], db[600], jlp[600];
  snprintf(dir, sizeof dir, "%s/pages", tmp);
  snprintf(db, sizeof db, "%s/bench.db", tmp);
  snprintf(jlp, sizeof jlp, "%s/pages/feed.jsonl", tmp);
  mkdir(dir, 0755);
  FILE *jl = fopen(jlp, "wb");
  if (!jl) return 1;
  for (long k = 0; k < want; k++)
    write_copy(dir, (size_t)k, &pages[(size_t)k % n_pages], jl);
  fclose(jl);

  warta *w = NULL;
  char *err = NULL;
  warta_options o = {.db_path = db};
  if (warta_open(&o, &w, &err) != WARTA_OK) {
    fprintf(stderr, "bench_ingest: %s\n", err ? err : "open failed");
    return 1;
  }
  const char *paths[] = {dir};
  warta_ingest_stats st = {0};
  double t0 = now_s();
  int rc = warta_ingest_paths(w, paths, 1, NULL, &st);
  double dt = now_s() - t0;
  if (rc != WARTA_OK && rc != WARTA_EINPUT)
    fprintf(stderr, "bench_ingest: %s\n", warta_errmsg(w));
  warta_close(w);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("bench_ingest: %ld pages from %zu samples in %.2f s: %.0f pages/s;"
         " stored %ld, duplicates %ld, failed %ld; peak RSS %.1f MB\n",
         st.read, n_pages, dt, dt > 0 ? (double)st.read / dt : 0.0,
         st.stored, st.duplicates, st.failed, (double)ru.ru_maxrss / 1024.0);
  nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  for (size_t i = 0; i < n_pages; i++) free(pages[i].text);
  free(pages);
  return rc == WARTA_OK || rc == WARTA_EINPUT ? 0 : 1;
}
