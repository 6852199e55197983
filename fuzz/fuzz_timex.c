/*
 * fuzz_timex.c - libFuzzer target: time expressions and publication-time
 * parsing over arbitrary bytes (spans must stay inside the input).
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
  char *s = malloc(size + 1);
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = 0;
  wt_arena *a = wt_arena_new(1 << 26);
  wt_timex_vec v = {0};
  wt_timeref ref = {wt_days_from_civil(2025, 1, 22), 721};
  wt_timex_scan(r, s, size, size & 1 ? "en" : "id", ref, a, &v);
  for (size_t k = 0; k < v.n; k++)
    if (v.v[k].span.start >= v.v[k].span.end || v.v[k].span.end > size ||
        !memchr(v.v[k].value, 0, sizeof v.v[k].value))
      abort();
  wt_datetime dt = {0};
  wt_timex_parse_datetime(r, s, ref, &dt);
  wt_arena_free(a);
  free(s);
  return 0;
}
