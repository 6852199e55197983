/*
 * timex.h - time expressions and figures, Indonesian and English.
 *
 * Time expressions (dates, times of day, durations, sets) are found with
 * their spans and normalised to TimeML values against a reference time.
 * Figures (money, percentages, durations, counts) are found with value,
 * unit and the period they refer to.  Word lists (months, weekdays,
 * numerals, scale words, currencies) come from data/lang/.
 */
#ifndef WT_TIMEX_H
#define WT_TIMEX_H

#include <stddef.h>

#include "../core/doc.h"

typedef struct wt_time_res wt_time_res;

wt_time_res *wt_time_load(char *err, size_t errlen);
void wt_time_free(wt_time_res *r);

/* Reference time: the day and minute relative expressions resolve
 * against (day WT_NO_DAY: unresolvable relatives are dropped). */
typedef struct wt_timeref {
  int32_t day;
  int16_t minute;
} wt_timeref;

typedef WT_VEC(wt_timex) wt_timex_vec;
typedef WT_VEC(wt_figure) wt_figure_vec;

/* Time expressions in s[0..n) (spans are offsets into s). */
int wt_timex_scan(const wt_time_res *r, const char *s, size_t n,
                  const char *lang, wt_timeref ref, wt_arena *a,
                  wt_timex_vec *out);

/* Parse a page's publication-time text ("22 Jan 2025, 12:01",
 * "Rabu, 22/01/2025 12:01 WIB", "9 jam lalu", ISO 8601) into *dt
 * (day, minute, tz, relative).  0 on success, -1 when it is not a time. */
int wt_timex_parse_datetime(const wt_time_res *r, const char *s,
                            wt_timeref ref, wt_datetime *dt);

/* Fill doc->timexes and doc->figures over doc->body, using doc->ref_day
 * and doc->sentences (for the sentence index). */
int wt_time_run(const wt_time_res *r, wt_doc *doc);

/* Figures in s[0..n), with periods taken from the timexes given. */
int wt_figure_scan(const wt_time_res *r, const char *s, size_t n,
                   const char *lang, const wt_timex_vec *timexes,
                   wt_arena *a, wt_figure_vec *out);

#endif
