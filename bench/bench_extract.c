/*
 * bench_extract.c - extract stage speed: gazetteer mention finding in MB/s
 * (full gazetteer, single thread) and whole extraction (mentions, linking,
 * quotes, sources, frame) per 4 KB article in ms, lang and time stages run
 * beforehand and not timed.
 *
 *   bench_extract [TEXT_FILE...]    (default: the seed pages in ../shared)
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/util.h"
#include "extract/extract.h"
#include "lang/lang.h"
#include "lang/timex.h"

#define BENCH_MB 16
#define BENCH_DOCS 500

int main(int argc, char **argv) {
  char err[512] = "";
  wt_extract_res *r = wt_extract_load(err, sizeof err);
  if (!r) {
    fprintf(stderr, "bench_extract: %s\n", err);
    return 1;
  }
  /* corpus: the files given, else the seed pages */
  size_t cap = 1 << 20, n = 0;
  char *corpus = malloc(cap);
  glob_t g = {0};
  char pat[4096];
  snprintf(pat, sizeof pat, "%s/../../shared/seeds/*.txt", wt_data_dir());
  char **files = argv + 1;
  int nf = argc - 1;
  if (!nf && glob(pat, 0, NULL, &g) == 0) {
    files = g.gl_pathv;
    nf = (int)g.gl_pathc;
  }
  for (int i = 0; i < nf; i++) {
    char *buf;
    size_t len;
    if (wt_read_file(files[i], 1 << 24, &buf, &len, err, sizeof err) != 0)
      continue;
    while (n + len + 2 > cap) corpus = realloc(corpus, cap *= 2);
    memcpy(corpus + n, buf, len);
    n += len;
    corpus[n++] = '\n';
    free(buf);
  }
  if (!n) {
    fprintf(stderr, "bench_extract: no input text\n");
    return 1;
  }
  /* 1. mention finding over BENCH_MB of text */
  size_t total = (size_t)BENCH_MB << 20;
  char *big = malloc(total + 1);
  for (size_t k = 0; k < total; k += n)
    memcpy(big + k, corpus, k + n <= total ? n : total - k);
  big[total] = '\0';
  wt_span spans[256];
  double t0 = wt_now();
  size_t found = 0;
  for (size_t off = 0; off < total;) {
    size_t chunk = total - off < 65536 ? total - off : 65536;
    while (off + chunk < total && big[off + chunk] != '\n' && chunk > 1) chunk--;
    found += wt_extract_gazetteer_scan(r, big + off, chunk, spans, 256);
    off += chunk;
  }
  double dt = wt_now() - t0;
  printf("gazetteer: %zu entities; mention finding %.1f MB/s (%zu names in "
         "%d MB)\n",
         wt_extract_gazetteer_size(r), (double)total / (1 << 20) / dt, found,
         BENCH_MB);
  /* 2. whole extraction per 4 KB article */
  wt_lang_res *lr = wt_lang_load(err, sizeof err);
  wt_time_res *tr = wt_time_load(err, sizeof err);
  size_t art = n < 4096 ? n : 4096;
  while (art < n && art > 1 && (corpus[art] & 0xC0) == 0x80) art--;
  double ext = 0;
  for (int i = 0; i < BENCH_DOCS; i++) {
    wt_doc *d = wt_doc_new(0);
    size_t at = (size_t)i * 997 % (n - art + 1);
    while (at > 0 && (corpus[at] & 0xC0) == 0x80) at--;
    d->body = wt_arena_strndup(d->arena, corpus + at, art);
    d->body_len = strlen(d->body);
    memcpy(d->lang, "id", 3);
    if (lr) wt_lang_run(lr, d);
    if (tr) wt_time_run(tr, d);
    double s = wt_now();
    wt_extract_run(r, d);
    ext += wt_now() - s;
    wt_doc_free(d);
  }
  printf("extraction: %.3f ms per 4 KB article (%d articles%s)\n",
         ext * 1000 / BENCH_DOCS, BENCH_DOCS,
         lr && tr ? "" : "; lang/time stages not loaded");
  free(big);
  free(corpus);
  if (g.gl_pathc) globfree(&g);
  wt_lang_free(lr);
  wt_time_free(tr);
  wt_extract_free(r);
  return 0;
}
