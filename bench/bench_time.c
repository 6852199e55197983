/*
 * bench_time.c - throughput of the time stage (timexes + figures).
 *
 *   bench_time [FILE] [MB]     scan FILE (default: the detik-news corpus
 *                              beside the tree, else built-in text) repeated
 *                              up to MB megabytes; prints MB/s and peak RSS
 *   bench_time --golden TSV LANG   (LANG "-": none; a sixth column overrides)
 *                              one line per golden row: "row TAB got-value
 *                              TAB got-type" (for bench/dateparser_compare.py)
 * Texts are scanned in 64 KiB pieces cut at line ends, as articles would be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/util.h"
#include "lang/timex.h"

#ifndef WARTA_BENCH_CORPUS
#define WARTA_BENCH_CORPUS "/work/shared/data/detik-news/data_berita.csv"
#endif

static int bench_golden(const wt_time_res *r, const char *path,
                        const char *lang) {
  char err[256], *text;
  size_t len;
  if (wt_read_file(path, 1 << 26, &text, &len, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  static const char *tn[] = {"", "DATE", "TIME", "DURATION", "SET"};
  wt_arena *a = wt_arena_new(0);
  int row = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#') continue;
    char *f[6];
    int nf = 0;
    for (char *p = line; nf < 6;) {
      f[nf++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = 0;
      p = tab + 1;
    }
    if (nf < 5) continue;
    wt_timeref ref = {wt_day_parse(f[0]), -1};
    const char *t = strchr(f[0], 'T');
    if (t) ref.minute = (int16_t)(atoi(t + 1) * 60 + atoi(t + 4));
    const char *at = strstr(f[1], f[2]);
    size_t es = at ? (size_t)(at - f[1]) : 0, ee = es + strlen(f[2]);
    wt_timex_vec v = {0};
    wt_arena_reset(a);
    const char *rl = nf > 5 ? f[5] : lang;
    wt_timex_scan(r, f[1], strlen(f[1]), strcmp(rl, "-") ? rl : NULL, ref, a,
                  &v);
    const wt_timex *got = NULL;
    for (size_t k = 0; k < v.n; k++)
      if (v.v[k].span.end > es && v.v[k].span.start < ee) {
        if (!got) got = &v.v[k];
        if (!strcmp(v.v[k].value, f[4])) {
          got = &v.v[k];
          break;
        }
      }
    printf("%d\t%s\t%s\n", row++, got ? got->value : "-",
           got ? tn[got->type] : "-");
  }
  wt_arena_free(a);
  free(text);
  return 0;
}

int main(int argc, char **argv) {
  char err[256];
  wt_time_res *r = wt_time_load(err, sizeof err);
  if (!r) {
    fprintf(stderr, "wt_time_load: %s\n", err);
    return 1;
  }
  if (argc == 4 && !strcmp(argv[1], "--golden")) {
    int rc = bench_golden(r, argv[2], argv[3]);
    wt_time_free(r);
    return rc;
  }
  const char *path = argc > 1 ? argv[1] : WARTA_BENCH_CORPUS;
  double mb = argc > 2 ? atof(argv[2]) : 64;
  char *text = NULL;
  size_t len = 0;
  if (wt_read_file(path, 1 << 30, &text, &len, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  size_t target = (size_t)(mb * 1048576), done = 0, ntx = 0, nfig = 0;
  wt_arena *a = wt_arena_new(0);
  wt_timeref ref = {wt_days_from_civil(2025, 10, 20), 12 * 60};
  double t0 = wt_now();
  while (done < target) {
    for (size_t off = 0; off < len && done < target;) {
      size_t n = len - off < 65536 ? len - off : 65536;
      const char *nl = off + n < len ? memrchr(text + off, '\n', n) : NULL;
      if (nl && nl > text + off) n = (size_t)(nl - (text + off)) + 1;
      wt_arena_reset(a);
      wt_timex_vec tv = {0};
      wt_figure_vec fv = {0};
      wt_timex_scan(r, text + off, n, "id", ref, a, &tv);
      wt_figure_scan(r, text + off, n, "id", &tv, a, &fv);
      ntx += tv.n;
      nfig += fv.n;
      off += n;
      done += n;
    }
  }
  double dt = wt_now() - t0;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("bench_time: %.1f MB in %.2f s = %.1f MB/s (single thread), "
         "%zu timexes, %zu figures, peak RSS %.1f MB\n",
         done / 1048576.0, dt, done / 1048576.0 / dt, ntx, nfig,
         ru.ru_maxrss / 1024.0);
  wt_arena_free(a);
  free(text);
  wt_time_free(r);
  return 0;
}
