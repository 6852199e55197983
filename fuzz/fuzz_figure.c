/*
 * fuzz_figure.c - libFuzzer target: figures (with the time expressions
 * they take periods from) over arbitrary bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "lang/timex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wt_time_res *r;
  char err[256];
  if (!r && !(r = wt_time_load(err, sizeof err))) abort();
  wt_arena *a = wt_arena_new(1 << 26);
  wt_timex_vec tv = {0};
  wt_figure_vec fv = {0};
  wt_timeref ref = {WT_NO_DAY, -1};
  const char *lang = size & 1 ? "en" : "id";
  wt_timex_scan(r, (const char *)data, size, lang, ref, a, &tv);
  wt_figure_scan(r, (const char *)data, size, lang, &tv, a, &fv);
  for (size_t k = 0; k < fv.n; k++)
    if (fv.v[k].span.start >= fv.v[k].span.end || fv.v[k].span.end > size)
      abort();
  wt_arena_free(a);
  return 0;
}
