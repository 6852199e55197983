/*
 * test_figure.c - figures: the golden files (tests/golden/figures*.tsv)
 * scored field by field (kind, value, unit, period, equivalent, baseline),
 * and focused checks on number formats.
 *
 * A row is "lang TAB sentence TAB figure TAB kind TAB value TAB unit TAB
 * period TAB equiv_value TAB equiv_unit TAB baseline" ("-" for none).  It
 * is right when a figure overlapping the expected text matches every
 * field.  Sentences are read without a reference time.
 * WARTA_GOLDEN_VERBOSE=1 prints misses (not for the holdout file).
 */
#include "harness.h"

#include <math.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "lang/timex.h"

static wt_time_res *tf_res(void) {
  static wt_time_res *r;
  if (!r) {
    char err[256];
    r = wt_time_load(err, sizeof err);
    if (!r) fprintf(stderr, "    wt_time_load: %s\n", err);
  }
  return r;
}

static int tf_same(const char *got, const char *want) {
  if (!strcmp(want, "-")) return got == NULL;
  return got && !strcmp(got, want);
}
static int tf_num(double got, const char *want) {
  double w = !strcmp(want, "-") ? 0 : atof(want);
  return fabs(got - w) <= 1e-9 * fmax(1, fabs(w));
}

static void tf_figures(wt_arena *a, const char *s, const char *lang,
                       wt_figure_vec *fv) {
  wt_timex_vec tv = {0};
  wt_timeref ref = {WT_NO_DAY, -1};
  wt_timex_scan(tf_res(), s, strlen(s), lang, ref, a, &tv);
  wt_figure_scan(tf_res(), s, strlen(s), lang, &tv, a, fv);
}

static void tf_golden(const char *file, double bar, int holdout) {
  char path[1024];
  REQUIRE(tf_res());
  char *text = wt_test_slurp(wt_test_src(file, path, sizeof path), NULL);
  REQUIRE(text);
  const char *env = getenv("WARTA_GOLDEN_VERBOSE");
  int verbose = !holdout && env && *env == '1';
  static const char *kn[] = {"", "MONEY", "PERCENT", "DURATION", "COUNT"};
  int rows = 0, right = 0;
  wt_arena *a = wt_arena_new(0);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#') continue;
    char *f[10];
    int nf = 0;
    for (char *p = line; nf < 10;) {
      f[nf++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = 0;
      p = tab + 1;
    }
    if (nf < 10) continue;
    rows++;
    const char *at = strstr(f[1], f[2]);
    size_t es = at ? (size_t)(at - f[1]) : 0, ee = es + strlen(f[2]);
    wt_arena_reset(a);
    wt_figure_vec fv = {0};
    tf_figures(a, f[1], f[0], &fv);
    int ok = 0;
    const wt_figure *got = NULL;
    for (size_t k = 0; k < fv.n && !ok; k++) {
      const wt_figure *g = &fv.v[k];
      if (g->span.end <= es || g->span.start >= ee) continue;
      if (!got) got = g;
      if (!strcmp(kn[g->kind], f[3]) && tf_num(g->value, f[4]) &&
          tf_same(g->unit, f[5]) && tf_same(g->period, f[6]) &&
          tf_num(g->equiv_value, f[7]) && tf_same(g->equiv_unit, f[8]) &&
          tf_same(g->baseline, f[9]))
        ok = 1, got = g;
    }
    right += ok;
    if (!ok && verbose)
      fprintf(stderr,
              "    MISS %s | want %s %s %s %s %s %s %s | got %s %g %s %s %g %s %s\n",
              f[1], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
              got ? kn[got->kind] : "-", got ? got->value : 0,
              got && got->unit ? got->unit : "-",
              got && got->period ? got->period : "-",
              got ? got->equiv_value : 0,
              got && got->equiv_unit ? got->equiv_unit : "-",
              got && got->baseline ? got->baseline : "-");
  }
  wt_arena_free(a);
  free(text);
  REQUIRE(rows > 0);
  double acc = 100.0 * right / rows;
  fprintf(stderr, "    %s: %d rows, all fields exact %.1f%%\n", file, rows, acc);
  CHECKF(acc >= bar, "%s: accuracy %.1f%% under the bar %.1f%%", file, acc, bar);
}

WT_TEST(figure_golden) { tf_golden("tests/golden/figures.tsv", 95, 0); }
WT_TEST(figure_golden_holdout) {
  tf_golden("tests/golden/figures-holdout.tsv", 85, 1);
}

WT_TEST(figure_number_formats) {
  REQUIRE(tf_res());
  wt_arena *a = wt_arena_new(0);
  wt_figure_vec fv = {0};
  tf_figures(a, "Dana Rp3.897 triliun dan 1,5 persen.", "id", &fv);
  REQUIRE(fv.n == 2);
  CHECK(fabs(fv.v[0].value - 3.897e15) < 1);
  CHECK_STR_EQ(fv.v[0].unit, "IDR");
  CHECK(fabs(fv.v[1].value - 1.5) < 1e-9);
  fv = (wt_figure_vec){0};
  tf_figures(a, "A fund of $3,897 million and 1.5 percent.", "en", &fv);
  REQUIRE(fv.n == 2);
  CHECK(fabs(fv.v[0].value - 3.897e9) < 1);
  CHECK(fabs(fv.v[1].value - 1.5) < 1e-9);
  /* numbers in codes and dates are not figures */
  fv = (wt_figure_vec){0};
  tf_figures(a, "Pasien COVID-19 dirawat sejak 2021, pasal ke-47.", "id", &fv);
  for (size_t k = 0; k < fv.n; k++)
    CHECKF(0, "unexpected figure %g %s", fv.v[k].value,
           fv.v[k].unit ? fv.v[k].unit : "-");
  wt_arena_free(a);
}
