/*
 * calendar.c - day-number arithmetic (Howard Hinnant's civil algorithms,
 * re-derived here: eras of 400 years, March-based years so the leap day
 * falls at the end).
 */
#include "calendar.h"

#include <stdio.h>

int32_t wt_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (int32_t)(era * 146097 + (int)doe - 719468);
}

void wt_civil_from_days(int32_t z0, int *y, int *m, int *d) {
  int z = z0 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = (unsigned)(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int yy = (int)yoe + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yy + (*m <= 2);
}

int wt_weekday(int32_t day) {
  /* 1970-01-01 was a Thursday (3 in Monday-based numbering). */
  int w = (int)((day + 3) % 7);
  return w < 0 ? w + 7 : w;
}

int wt_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int wt_days_in_month(int y, int m) {
  static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && wt_is_leap(y) ? 29 : n[m - 1];
}

void wt_day_iso(int32_t day, char out[11]) {
  int y, m, d;
  wt_civil_from_days(day, &y, &m, &d);
  unsigned yy = (unsigned)(y < 0 ? 0 : y % 10000);
  out[0] = (char)('0' + yy / 1000);
  out[1] = (char)('0' + yy / 100 % 10);
  out[2] = (char)('0' + yy / 10 % 10);
  out[3] = (char)('0' + yy % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

int32_t wt_day_parse(const char *s) {
  int y, m, d;
  if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) return WT_NO_DAY;
  if (m < 1 || m > 12 || d < 1 || d > wt_days_in_month(y, m)) return WT_NO_DAY;
  return wt_days_from_civil(y, m, d);
}
