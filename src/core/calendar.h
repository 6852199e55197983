/*
 * calendar.h - proleptic Gregorian calendar arithmetic on day numbers.
 *
 * A "day number" is the count of days since 1970-01-01 (which is day 0,
 * a Thursday).  Day numbers are how every stage compares dates: timexes
 * carry day ranges, frames carry a day, clustering buckets by day.
 * WT_NO_DAY marks "unknown".  All functions are pure and cannot fail.
 */
#ifndef WT_CALENDAR_H
#define WT_CALENDAR_H

#include <stdint.h>

#define WT_NO_DAY INT32_MIN

int32_t wt_days_from_civil(int y, int m, int d);
void wt_civil_from_days(int32_t z, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday (ISO order). */
int wt_weekday(int32_t day);
int wt_days_in_month(int y, int m);
int wt_is_leap(int y);
/* Write "YYYY-MM-DD" into out (>= 11 bytes). */
void wt_day_iso(int32_t day, char out[11]);
/* Parse "YYYY-MM-DD" (a longer ISO string is fine: the rest is ignored);
 * WT_NO_DAY when it is not a date. */
int32_t wt_day_parse(const char *s);

#endif
