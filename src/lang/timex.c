/*
 * timex.c - time expressions in Indonesian and English: find them, give
 * each a TimeML value resolved against a reference time, and parse a
 * page's publication-time text.
 *
 * The scanner walks the light tokens of timex_lex.c.  At each token that
 * can start an expression it tries every pattern (calendar dates, months,
 * years, relative phrases, parts of periods, clock times, durations, sets)
 * and keeps the longest match; an approximator just before it ("hampir",
 * "about") joins the span.  Patterns read words only through the word
 * lists, so a language is a data file, not code.
 *
 * Resolution rules (docs/time.md): a day and month without a year take the
 * year nearest the reference where the stated weekday fits; without a
 * weekday the nearest date wins, a future date counting double (news
 * reports the past); "lalu"/"last" force the past and "depan"/"next" the
 * future.  Invariants: a value is always NUL-terminated within 40 bytes;
 * day_lo <= day_hi when both are known; an expression that needs the
 * reference is dropped when there is none.
 */
#include "timex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/calendar.h"

typedef struct tx_scan {
  const wt_time_res *r;
  const wt_tx_text *x;
  wt_timeref ref;
  int ry, rm, rd; /* reference civil date, when ref.day is known */
  size_t last_end; /* end token of the last expression found */
} tx_scan;

typedef struct tx_out {
  size_t end; /* end token, 0: no match */
  int type, gran;
  char value[40];
  int32_t lo, hi, minutes;
  int rel, approx, cue;
} tx_out;

/* --------------------------------------------------------------- helpers */

static size_t tx_m(const tx_scan *S, size_t i, int cat, const wt_tx_ent **e) {
  return wt_tx_match(S->r, S->x, i, cat, e);
}
static int tx_p(const tx_scan *S, size_t i, char c) {
  return i < S->x->nt && S->x->t[i].kind == WT_TK_PUNCT &&
         S->x->s[S->x->t[i].start] == c;
}
static int tx_adj(const tx_scan *S, size_t i) {
  return i < S->x->nt && !(S->x->t[i].flags & WT_TF_SP);
}
static int tx_isnum(const tx_scan *S, size_t i, size_t maxlen) {
  return i < S->x->nt && S->x->t[i].kind == WT_TK_NUM &&
         WT_TX_TOKN(S->x, i) <= maxlen;
}
static int tx_int(const tx_scan *S, size_t i) {
  int v = 0;
  for (uint32_t k = S->x->t[i].start; k < S->x->t[i].end && v < 100000; k++)
    v = v * 10 + (S->x->s[k] - '0');
  return v;
}
static int tx_word(const tx_scan *S, size_t i, const char *w) {
  size_t n = strlen(w);
  return i < S->x->nt && S->x->t[i].kind == WT_TK_WORD &&
         WT_TX_TOKN(S->x, i) == n && !strncasecmp(WT_TX_TOKS(S->x, i), w, n);
}
static int tx_hasref(const tx_scan *S) { return S->ref.day != WT_NO_DAY; }

/* A capitalised month name, with "." after an abbreviation before a number. */
static size_t tx_month(const tx_scan *S, size_t i, int *m) {
  const wt_tx_ent *e;
  size_t end = tx_m(S, i, WT_TXC_MONTH, &e);
  if (!end || !(S->x->t[i].flags & WT_TF_CAP)) return 0;
  *m = (int)e->num;
  if (tx_p(S, end, '.') && tx_adj(S, end) && tx_isnum(S, end + 1, 4))
    end++;
  return end;
}
static size_t tx_wday(const tx_scan *S, size_t i, int *w) {
  const wt_tx_ent *e;
  size_t end = tx_m(S, i, WT_TXC_WEEKDAY, &e);
  if (!end || !(S->x->t[i].flags & WT_TF_CAP)) return 0;
  *w = (int)e->num;
  return end;
}
/* A four-digit year 1000-2999 that is not part of a bigger number. */
static size_t tx_year(const tx_scan *S, size_t i, int *y) {
  if (!tx_isnum(S, i, 4) || WT_TX_TOKN(S->x, i) != 4) return 0;
  int v = tx_int(S, i);
  if (v < 1000 || v > 2999) return 0;
  if ((tx_p(S, i + 1, '.') || tx_p(S, i + 1, ',') || tx_p(S, i + 1, ':')) &&
      tx_adj(S, i + 1) && tx_isnum(S, i + 2, 9) && tx_adj(S, i + 2))
    return 0;
  if (i > 0 && (tx_p(S, i - 1, '.') || tx_p(S, i - 1, ',') ||
                tx_p(S, i - 1, '/')) && tx_adj(S, i))
    return 0;
  *y = v;
  return i + 1;
}

/* ------------------------------------------------------------- builders */

static void o_day(tx_out *o, int32_t day) {
  o->type = WT_TX_DATE;
  o->gran = WT_G_DAY;
  o->lo = o->hi = day;
  wt_day_iso(day, o->value);
}
static void o_month(tx_out *o, int y, int m) {
  o->type = WT_TX_DATE;
  o->gran = WT_G_MONTH;
  snprintf(o->value, sizeof o->value, "%04d-%02d", y, m);
  o->lo = wt_days_from_civil(y, m, 1);
  o->hi = wt_days_from_civil(y, m, wt_days_in_month(y, m));
}
static void o_year(tx_out *o, int y) {
  o->type = WT_TX_DATE;
  o->gran = WT_G_YEAR;
  snprintf(o->value, sizeof o->value, "%04d", y);
  o->lo = wt_days_from_civil(y, 1, 1);
  o->hi = wt_days_from_civil(y, 12, 31);
}
static void o_hq(tx_out *o, int y, char hq, int n) {
  int len = hq == 'H' ? 6 : 3, m0 = (n - 1) * len + 1, m1 = m0 + len - 1;
  o->type = WT_TX_DATE;
  o->gran = hq == 'H' ? WT_G_HALF : WT_G_QUARTER;
  snprintf(o->value, sizeof o->value, "%04d-%c%d", y, hq, n);
  o->lo = wt_days_from_civil(y, m0, 1);
  o->hi = wt_days_from_civil(y, m1, wt_days_in_month(y, m1));
}
/* ISO week of a day: week-year and number. */
static void tx_isoweek(int32_t day, int *wy, int *wn) {
  int32_t thu = day - wt_weekday(day) + 3;
  int y, m, d;
  wt_civil_from_days(thu, &y, &m, &d);
  *wy = y;
  *wn = (thu - wt_days_from_civil(y, 1, 1)) / 7 + 1;
}
static void o_week(tx_out *o, int32_t day) {
  int wy, wn;
  tx_isoweek(day, &wy, &wn);
  o->type = WT_TX_DATE;
  o->gran = WT_G_WEEK;
  snprintf(o->value, sizeof o->value, "%04d-W%02d", wy, wn);
  o->lo = day - wt_weekday(day);
  o->hi = o->lo + 6;
}
static void o_weekend(tx_out *o, int32_t sat) {
  int wy, wn;
  tx_isoweek(sat, &wy, &wn);
  o->type = WT_TX_DATE;
  o->gran = WT_G_WEEK;
  snprintf(o->value, sizeof o->value, "%04d-W%02d-WE", wy, wn);
  o->lo = sat;
  o->hi = sat + 1;
}
static void o_time(tx_out *o, int32_t day, int minute) {
  o->type = WT_TX_TIME;
  o->gran = WT_G_MINUTE;
  o->lo = o->hi = day;
  o->minutes = minute;
  char d[11];
  wt_day_iso(day, d);
  snprintf(o->value, sizeof o->value, "%sT%02d:%02d", d, minute / 60,
           minute % 60);
}
static void o_pod(tx_out *o, int32_t day, const char *code) {
  o->type = WT_TX_TIME;
  o->gran = WT_G_PART_OF_DAY;
  o->lo = o->hi = day;
  char d[11];
  wt_day_iso(day, d);
  snprintf(o->value, sizeof o->value, "%s%.3s", d, code);
}
/* Narrow a month or year range to its start, middle or end third. */
static void o_part(tx_out *o, int part) {
  int32_t len = o->hi - o->lo + 1, a = o->lo;
  if (part == 1) o->hi = a + len / 3 - 1;
  else if (part == 2) {
    o->lo = a + len / 3;
    o->hi = a + 2 * len / 3 - 1;
  } else if (part == 3)
    o->lo = a + 2 * len / 3;
}

/* ----------------------------------------------------------- resolution */

/* Year for a day/month with no year: nearest the reference (future counts
 * double), weekday fitting when given, cue -1 past only, +1 future only. */
static int tx_pick_year(const tx_scan *S, int m, int d, int wd, int cue) {
  for (int pass = 0; pass < 2; pass++) {
    int best = 0;
    long bscore = -1;
    for (int y = S->ry - 11; y <= S->ry + 11; y++) {
      if (d > wt_days_in_month(y, m)) continue;
      int32_t day = wt_days_from_civil(y, m, d);
      if (wd >= 0 && pass == 0 && wt_weekday(day) != wd) continue;
      long dist = (long)day - S->ref.day;
      if ((cue < 0 && dist > 0) || (cue > 0 && dist < 0)) continue;
      long score = dist > 0 ? 2 * dist : -dist;
      if (bscore < 0 || score < bscore) {
        bscore = score;
        best = y;
      }
    }
    if (best) return best;
  }
  return S->ry;
}
static int tx_pick_month_year(const tx_scan *S, int m, int cue) {
  if (cue < 0) return m < S->rm ? S->ry : S->ry - 1;
  if (cue > 0) return m > S->rm ? S->ry : S->ry + 1;
  return tx_pick_year(S, m, 15, -1, 0);
}
/* Most recent weekday w on or before the reference (cue 0), strictly
 * before (-1) or strictly after (+1). */
static int32_t tx_pick_wday(const tx_scan *S, int w, int cue) {
  int rw = wt_weekday(S->ref.day);
  if (cue > 0) {
    int k = ((w - rw) % 7 + 7) % 7;
    return S->ref.day + (k ? k : 7);
  }
  int k = ((rw - w) % 7 + 7) % 7;
  if (cue < 0 && !k) k = 7;
  return S->ref.day - k;
}
/* Shift the reference by n units (D, W, M, Y) and set the value. */
static void tx_shift(const tx_scan *S, tx_out *o, char unit, int n) {
  if (unit == 'D') o_day(o, S->ref.day + n);
  else if (unit == 'W') o_week(o, S->ref.day + 7 * n);
  else if (unit == 'M') {
    int t = S->ry * 12 + (S->rm - 1) + n;
    o_month(o, t / 12 - (t < 0 && t % 12), ((t % 12) + 12) % 12 + 1);
  } else
    o_year(o, S->ry + n);
  o->rel = 1;
}
/* Saturday of the weekend before (-1), of (0) or after (+1) the ref week. */
static int32_t tx_weekend(const tx_scan *S, int k) {
  int32_t mon = S->ref.day - wt_weekday(S->ref.day);
  return mon + 5 + 7 * k;
}
/* Cue word right after: -1 "lalu", +1 "depan", 0 none; *end moved. */
static int tx_cue_after(const tx_scan *S, size_t *end) {
  size_t e2;
  if ((e2 = tx_m(S, *end, WT_TXC_PREV, NULL))) {
    *end = e2;
    return -1;
  }
  if ((e2 = tx_m(S, *end, WT_TXC_NEXT, NULL))) {
    *end = e2;
    return 1;
  }
  return 0;
}

/* Is the expression at token i planned: a plan word ("akan",
 * "dijadwalkan", "will", "is due to") earlier in its clause, within
 * TX_PLAN_SPAN tokens and no clause mark (, ; . ! ? or a line break)
 * between ("Prabowo akan bertemu Xi pada Kamis")? */
#define TX_PLAN_SPAN 12
static int tx_planned(const tx_scan *S, size_t i) {
  for (size_t j = i, n = 0; j-- > 0 && n < TX_PLAN_SPAN; n++) {
    const wt_tx_tok *t = &S->x->t[j];
    if (t->kind == WT_TK_PUNCT && strchr(",;.!?", S->x->s[t->start]))
      return 0;
    size_t e = tx_m(S, j, WT_TXC_PLAN, NULL);
    if (e && e <= i) return 1;
    if (S->x->t[j + 1].flags & WT_TF_NL) return 0;
  }
  return 0;
}

/* ------------------------------------------------------------- patterns */

/* A day and month (and maybe year), numeric or written; weekday before. */
static size_t p_calendar(const tx_scan *S, size_t i, int *y, int *m, int *d,
                         int *wd) {
  size_t j = i, e;
  *y = -1;
  *wd = -1;
  if ((e = tx_wday(S, j, wd))) {
    j = e;
    if (tx_p(S, j, ',')) j++;
  }
  size_t k = j;
  int paren = 0;
  if (tx_p(S, k, '(')) {
    paren = 1;
    k++;
  }
  /* numeric: d/m[/y], iso y-m-d, d-m-yyyy, d.m.yyyy */
  if (tx_isnum(S, k, 4) && tx_adj(S, k + 1) && k + 2 < S->x->nt &&
      (tx_p(S, k + 1, '/') || tx_p(S, k + 1, '-') || tx_p(S, k + 1, '.')) &&
      tx_isnum(S, k + 2, 2) && tx_adj(S, k + 2)) {
    char sep = S->x->s[S->x->t[k + 1].start];
    int a = tx_int(S, k), b = tx_int(S, k + 2), c = -1, craw = -1;
    size_t q = k + 3;
    if (tx_p(S, q, sep) && tx_adj(S, q) && tx_isnum(S, q + 1, 4) &&
        tx_adj(S, q + 1) && WT_TX_TOKN(S->x, q + 1) != 3) {
      craw = tx_int(S, q + 1);
      c = WT_TX_TOKN(S->x, q + 1) <= 2 ? craw + 2000 : craw;
      q += 2;
    }
    int ok = 1;
    if (WT_TX_TOKN(S->x, k) == 4) { /* 2025-01-22 */
      if (craw < 0 || sep != '-' || WT_TX_TOKN(S->x, q - 1) != 2) ok = 0;
      c = a;
      a = craw;
    } else if (WT_TX_TOKN(S->x, k) > 2)
      ok = 0;
    else if (c < 0 && (sep != '/' || (!paren && *wd < 0)))
      ok = 0; /* "4-2", "1.5", "pasal 4/2" are not dates */
    else if (sep == '/' && a <= 12 &&
             (S->x->lang == WT_TXL_EN || (b > 12 && c > 0))) {
      int t = a; /* month first in English, or where nothing else fits */
      a = b;     /* ("02/24/2025") */
      b = t;
    }
    if (ok && b >= 1 && b <= 12 && a >= 1 && a <= 31 &&
        (c < 0 || (c >= 1000 && c <= 2999)) &&
        !(tx_p(S, q, '/') && tx_adj(S, q)) &&
        !(paren && !tx_p(S, q, ')'))) {
      if (paren) q++;
      *d = a;
      *m = b;
      *y = c;
      return q;
    }
  }
  if (paren) k--;
  /* written: [tanggal] 21 Januari [2025] */
  size_t t = k;
  if ((e = tx_m(S, t, WT_TXC_DAYWORD, NULL))) t = e;
  if (tx_isnum(S, t, 2)) {
    int dd = tx_int(S, t);
    size_t q = t + 1;
    if (tx_adj(S, q) && (tx_word(S, q, "st") || tx_word(S, q, "nd") ||
                         tx_word(S, q, "rd") || tx_word(S, q, "th")))
      q++;
    if (tx_word(S, q, "of")) q++;
    int mm;
    if (dd >= 1 && dd <= 31 && (e = tx_month(S, q, &mm))) {
      q = e;
      int yy;
      size_t q2 = q + (tx_p(S, q, ',') ? 1 : 0);
      if ((e = tx_year(S, q2, &yy))) {
        *y = yy;
        q = e;
      }
      *d = dd;
      *m = mm;
      return q;
    }
  }
  /* written, English order: January 21[st][, 2025] */
  int mm;
  if ((e = tx_month(S, k, &mm)) && tx_isnum(S, e, 2)) {
    int dd = tx_int(S, e);
    size_t q = e + 1;
    if (tx_adj(S, q) && (tx_word(S, q, "st") || tx_word(S, q, "nd") ||
                         tx_word(S, q, "rd") || tx_word(S, q, "th")))
      q++;
    if (dd >= 1 && dd <= 31 && !(tx_p(S, q, ':') ||
                                       (tx_p(S, q, '.') && tx_isnum(S, q + 1, 2) &&
                                        tx_adj(S, q + 1)))) {
      int yy;
      size_t q2 = q + (tx_p(S, q, ',') ? 1 : 0);
      if ((e = tx_year(S, q2, &yy))) {
        *y = yy;
        q = e;
      }
      *d = dd;
      *m = mm;
      return q;
    }
  }
  if (*wd >= 0) {
    *m = *d = -1;
    return k > i && tx_p(S, k - 1, ',') ? k - 1 : k;
  }
  return 0;
}

/* Clock time at i: [pukul] 14.00 [WIB], 12:01, 9 a.m., noon.  *zone set
 * when stated (WT_NO_TZ otherwise, INT16_MAX for "local"). */
static size_t p_clock(const tx_scan *S, size_t i, int *minute, int *zone,
                      int need_cue) {
  const wt_tx_ent *e;
  size_t j = i, e2;
  int pre = 0;
  *zone = WT_NO_TZ;
  if ((e2 = tx_m(S, j, WT_TXC_CLOCKPRE, NULL))) {
    j = e2;
    pre = 1;
  }
  if ((e2 = tx_m(S, j, WT_TXC_CLOCK, &e))) {
    *minute = (int)e->num;
    return e2;
  }
  if (!tx_isnum(S, j, 2)) return 0;
  int h = tx_int(S, j), mi = 0, sep = 0;
  size_t q = j + 1;
  if ((tx_p(S, q, '.') || tx_p(S, q, ':')) && tx_adj(S, q) &&
      tx_isnum(S, q + 1, 2) && WT_TX_TOKN(S->x, q + 1) == 2 &&
      tx_adj(S, q + 1)) {
    sep = S->x->s[S->x->t[q].start];
    mi = tx_int(S, q + 1);
    q += 2;
    if (tx_p(S, q, ':') && tx_adj(S, q) && tx_isnum(S, q + 1, 2)) q += 2;
  }
  if (h > 24 || mi > 59) return 0;
  int cue = pre || sep == ':';
  if ((e2 = tx_m(S, q, WT_TXC_AMPM, &e))) {
    if (h < 1 || h > 12) return 0;
    h = h % 12 + (int)e->num;
    q = e2;
    cue = 1;
  } else if (pre && (e2 = tx_m(S, q, WT_TXC_POD, &e))) {
    if (h < 12 && (e->str[1] == 'A' || e->str[1] == 'E' ||
                   (e->str[1] == 'N' && h >= 6)))
      h += 12;
    q = e2;
  }
  if ((e2 = tx_m(S, q, WT_TXC_ZONE, &e))) {
    *zone = !strcmp(e->str, "local") ? INT16_MAX : (int)e->num;
    q = e2;
    cue = 1;
  }
  if (!cue || (need_cue && !pre && sep != ':' && *zone == WT_NO_TZ)) return 0;
  if (!sep && !pre && *zone == WT_NO_TZ && !tx_m(S, j + 1, WT_TXC_AMPM, NULL))
    return 0;
  if (h == 24) h = 0;
  *minute = h * 60 + mi;
  return q;
}

/* After a day: "sore", "pukul 14.00 WIB", ", 12:01" make it a TIME. */
static void tx_extend_day(const tx_scan *S, tx_out *o) {
  const wt_tx_ent *e;
  size_t q = o->end, e2;
  if ((e2 = tx_m(S, q, WT_TXC_POD, &e))) {
    o_pod(o, o->lo, e->str);
    o->end = e2;
    return;
  }
  if (tx_p(S, q, ',') || tx_word(S, q, "at")) q++;
  int mi, z;
  if ((e2 = p_clock(S, q, &mi, &z, 1))) {
    o_time(o, o->lo, mi);
    o->end = e2;
  }
}

static void tx_date_from(const tx_scan *S, tx_out *o, int y, int m, int d,
                         int wd) {
  if (y < 0) {
    if (!tx_hasref(S)) {
      o->type = WT_TX_DATE;
      o->gran = WT_G_DAY;
      snprintf(o->value, sizeof o->value, "XXXX-%02d-%02d", m, d);
      o->lo = o->hi = WT_NO_DAY;
      return;
    }
    y = tx_pick_year(S, m, d, wd, o->cue);
    o->rel = 1;
  }
  if (d > wt_days_in_month(y, m)) d = wt_days_in_month(y, m);
  o_day(o, wt_days_from_civil(y, m, d));
}

static void m_calendar(const tx_scan *S, size_t i, tx_out *o) {
  int y, m, d, wd;
  size_t end = p_calendar(S, i, &y, &m, &d, &wd);
  if (!end) return;
  o->end = end;
  const wt_tx_ent *e;
  size_t e2;
  if (m < 0) { /* weekday alone */
    if (!tx_hasref(S)) {
      o->end = 0;
      return;
    }
    o->cue = tx_cue_after(S, &o->end);
    if (!o->cue && tx_planned(S, i)) {
      /* a planned day is ahead: the next such weekday, the reference day
       * itself when it is that weekday ("will meet on Thursday") */
      o->cue = wd != wt_weekday(S->ref.day);
      o_day(o, tx_pick_wday(S, wd, 0) + 7 * o->cue);
    } else {
      o_day(o, tx_pick_wday(S, wd, o->cue));
    }
    o->rel = 1;
    if ((e2 = tx_m(S, o->end, WT_TXC_POD, &e))) {
      o_pod(o, o->lo, e->str);
      o->end = e2;
    }
    return;
  }
  if (y < 0) o->cue = tx_cue_after(S, &o->end);
  tx_date_from(S, o, y, m, d, wd);
  if (o->lo != WT_NO_DAY) tx_extend_day(S, o);
}

/* Month [year | tahun lalu | lalu | depan] */
static void m_month(const tx_scan *S, size_t i, tx_out *o) {
  int m, y;
  size_t end = tx_month(S, i, &m), e2;
  if (!end) return;
  if ((e2 = tx_year(S, end + (tx_p(S, end, ',') && S->x->lang != WT_TXL_ID), &y))) {
    o_month(o, y, m);
    o->end = e2;
    return;
  }
  if (!tx_hasref(S)) return;
  const wt_tx_ent *e;
  size_t u = tx_m(S, end, WT_TXC_UNIT, &e);
  if (u && e->str[0] == 'Y' && e->str[1] == 0) {
    const wt_tx_ent *c;
    size_t e3;
    int k = (e3 = tx_m(S, u, WT_TXC_PREV, &c)) ? -1
            : (e3 = tx_m(S, u, WT_TXC_NEXT, &c)) ? 1
            : (e3 = tx_m(S, u, WT_TXC_THIS, &c)) ? 0 : 9;
    if (k != 9) {
      o_month(o, S->ry + k, m);
      o->rel = 1;
      o->end = e3;
      return;
    }
  }
  if ((e2 = tx_m(S, end, WT_TXC_LASTPRE, NULL)) ||
      (e2 = tx_m(S, end, WT_TXC_NEXTPRE, NULL)) ||
      (e2 = tx_m(S, end, WT_TXC_THISPRE, NULL))) {
    if ((u = tx_m(S, e2, WT_TXC_UNIT, &e)) && e->str[0] == 'Y' && !e->str[1]) {
      int k = tx_m(S, end, WT_TXC_LASTPRE, NULL) ? -1
              : tx_m(S, end, WT_TXC_NEXTPRE, NULL) ? 1 : 0;
      o_month(o, S->ry + k, m);
      o->rel = 1;
      o->end = u;
      return;
    }
  }
  size_t q = end;
  int cue = tx_cue_after(S, &q);
  if (!cue) {
    /* a bare month needs a preposition before it */
    if (i == 0) return;
    size_t p = i - 1;
    int ok = 0;
    for (size_t b = p + 1 > 3 ? p - 2 : 0; b <= p && !ok; b++) {
      size_t e3 = tx_m(S, b, WT_TXC_YEARPRE, NULL);
      if (!e3) e3 = tx_m(S, b, WT_TXC_ONPRE, NULL);
      if (e3 == i) ok = 1;
    }
    if (!ok) return;
  }
  o->cue = cue;
  o_month(o, tx_pick_month_year(S, m, cue), m);
  o->rel = 1;
  o->end = q;
}

/* A year after a preposition ("pada 2024", "in 2024", "tahun 2025"), a
 * decade ("1990-an", "the 1990s"). */
static void m_year(const tx_scan *S, size_t i, tx_out *o) {
  int y;
  size_t j = i, e2;
  const wt_tx_ent *e;
  int lead = 0;
  if ((e2 = tx_m(S, j, WT_TXC_UNIT, &e)) && e->str[0] == 'Y' && !e->str[1] &&
      S->x->lang != WT_TXL_EN) {
    j = e2;
    lead = 1;
  } else if ((e2 = tx_m(S, j, WT_TXC_THE, NULL)))
    j = e2, lead = 2;
  if (!(e2 = tx_year(S, j, &y))) return;
  /* decades */
  if (tx_p(S, e2, '-') && tx_adj(S, e2) && tx_word(S, e2 + 1, "an") &&
      tx_adj(S, e2 + 1) && y % 10 == 0) {
    o_year(o, y);
    snprintf(o->value, sizeof o->value, "%03d", y / 10);
    o->hi = wt_days_from_civil(y + 9, 12, 31);
    o->gran = WT_G_YEAR;
    o->end = e2 + 2;
    return;
  }
  if (tx_word(S, e2, "s") && tx_adj(S, e2) && y % 10 == 0) {
    o_year(o, y);
    snprintf(o->value, sizeof o->value, "%03d", y / 10);
    o->hi = wt_days_from_civil(y + 9, 12, 31);
    o->end = e2 + 1;
    return;
  }
  if (lead == 2) return;
  if (!lead) {
    int ok = 0;
    if (i > 0) {
      for (size_t b = i >= 3 ? i - 3 : 0; b < i && !ok; b++)
        if (tx_m(S, b, WT_TXC_YEARPRE, NULL) == i) ok = 1;
      if (!ok && S->last_end == i - 1 + 0 && i >= 1 &&
          tx_m(S, i - 1, WT_TXC_YEARCONJ, NULL) == i)
        ok = 1;
      if (!ok && tx_p(S, i - 1, '-') && S->last_end == i - 1) ok = 1;
    }
    if (!ok) return;
  }
  o_year(o, y);
  o->end = e2;
}

/* Relative words: kemarin, pekan lalu, last week, akhir pekan lalu, ... */
static void m_rel(const tx_scan *S, size_t i, tx_out *o) {
  if (!tx_hasref(S)) return;
  const wt_tx_ent *e, *c;
  size_t e2, e3;
  if ((e2 = tx_m(S, i, WT_TXC_REL, &e))) {
    char u = e->str[0];
    int n = atoi(e->str + 2);
    tx_shift(S, o, u, n);
    o->cue = n < 0 ? -1 : n > 0 ? 1 : 0;
    o->end = e2;
    if (u == 'D' && (e3 = tx_m(S, e2, WT_TXC_POD, &c))) {
      o_pod(o, o->lo, c->str);
      o->end = e3;
    }
    return;
  }
  /* "the overnight policy rate": after a determiner it qualifies a noun */
  if ((e2 = tx_m(S, i, WT_TXC_PODREL, &e)) &&
      !(i > 0 && tx_m(S, i - 1, WT_TXC_DET, NULL) == i)) {
    int n = atoi(e->str);
    const char *code = e->str + strspn(e->str, "-0123456789");
    o_pod(o, S->ref.day + n, code);
    o->rel = 1;
    o->cue = n < 0 ? -1 : 0;
    o->end = e2;
    return;
  }
  /* "pagi ini", "this morning" */
  if ((e2 = tx_m(S, i, WT_TXC_POD, &e)) && (e3 = tx_m(S, e2, WT_TXC_THIS, NULL))) {
    o_pod(o, S->ref.day, e->str);
    o->rel = 1;
    o->end = e3;
    return;
  }
  if ((e2 = tx_m(S, i, WT_TXC_THISPRE, NULL)) && (e3 = tx_m(S, e2, WT_TXC_POD, &e))) {
    o_pod(o, S->ref.day, e->str);
    o->rel = 1;
    o->end = e3;
    return;
  }
  /* weekend */
  if ((e2 = tx_m(S, i, WT_TXC_WEEKEND, NULL))) {
    size_t q = e2;
    int k = tx_cue_after(S, &q);
    if (!k && (e3 = tx_m(S, q, WT_TXC_THIS, NULL))) q = e3;
    else if (!k) k = wt_weekday(S->ref.day) <= 2 ? -1 : 0;
    else if (k < 0 && wt_weekday(S->ref.day) >= 5) k = -1;
    o_weekend(o, tx_weekend(S, k));
    o->rel = 1;
    o->cue = k;
    o->end = q;
    return;
  }
  /* pekan lalu, bulan ini, tahun depan */
  if ((e2 = tx_m(S, i, WT_TXC_UNIT, &e)) && strchr("WMY", e->str[0]) &&
      !e->str[1]) {
    size_t q = e2;
    int k = tx_cue_after(S, &q);
    if (!k && (e3 = tx_m(S, q, WT_TXC_THIS, NULL))) q = e3;
    if (q != e2) {
      tx_shift(S, o, e->str[0], k);
      o->cue = k;
      o->end = q;
    }
    return;
  }
  /* last week, this year, next Tuesday, last May, last weekend */
  int k = (e2 = tx_m(S, i, WT_TXC_LASTPRE, NULL))   ? -1
          : (e2 = tx_m(S, i, WT_TXC_NEXTPRE, NULL)) ? 1
          : (e2 = tx_m(S, i, WT_TXC_THISPRE, NULL)) ? 0 : 9;
  if (k == 9) return;
  int w, m;
  if ((e3 = tx_m(S, e2, WT_TXC_UNIT, &e)) && strchr("WMY", e->str[0]) &&
      !e->str[1]) {
    tx_shift(S, o, e->str[0], k);
  } else if ((e3 = tx_m(S, e2, WT_TXC_WEEKEND, NULL))) {
    o_weekend(o, tx_weekend(S, k == 0 ? 0 : k));
    if (k < 0 && wt_weekday(S->ref.day) >= 5) o_weekend(o, tx_weekend(S, -1));
  } else if ((e3 = tx_wday(S, e2, &w))) {
    o_day(o, k == 0 ? tx_pick_wday(S, w, 0) + 7 * (w > wt_weekday(S->ref.day)) : tx_pick_wday(S, w, k));
  } else if ((e3 = tx_month(S, e2, &m))) {
    o_month(o, tx_pick_month_year(S, m, k == 0 ? 0 : k), m);
    if (k == 0) o_month(o, S->ry, m);
  } else
    return;
  o->rel = 1;
  o->cue = k;
  o->end = e3;
}

/* Year, or "tahun ini/lalu/depan", "this year", "the year" after a part or
 * half/quarter word: *y set, end returned. */
static size_t tx_year_ref(const tx_scan *S, size_t j, int *y, int *rel) {
  const wt_tx_ent *e;
  size_t e2, e3;
  *rel = 0;
  if ((e2 = tx_year(S, j, y))) return e2;
  if (!tx_hasref(S)) return 0;
  size_t t = j;
  if ((e2 = tx_m(S, t, WT_TXC_THE, NULL))) t = e2;
  int k = (e3 = tx_m(S, t, WT_TXC_LASTPRE, NULL))   ? -1
          : (e3 = tx_m(S, t, WT_TXC_NEXTPRE, NULL)) ? 1
          : (e3 = tx_m(S, t, WT_TXC_THISPRE, NULL)) ? 0 : 9;
  if (k != 9) t = e3;
  if ((e2 = tx_m(S, t, WT_TXC_UNIT, &e)) && e->str[0] == 'Y' && !e->str[1]) {
    size_t q = e2;
    if (k == 9) {
      k = tx_cue_after(S, &q);
      if (!k && (e3 = tx_m(S, q, WT_TXC_THIS, NULL))) q = e3;
    }
    *y = S->ry + k;
    *rel = 1;
    return q;
  }
  return 0;
}

/* awal Februari, akhir 2025, paruh pertama 2026, kuartal III 2025,
 * the first half of 2026, Q3 2025, mid-2025, the end of the year. */
static void m_part(const tx_scan *S, size_t i, tx_out *o) {
  const wt_tx_ent *e;
  size_t e2, e3;
  int y, rel, m;
  if ((e2 = tx_m(S, i, WT_TXC_PARTMOD, &e))) {
    int part = (int)e->num;
    size_t j = e2;
    if (tx_p(S, j, '-') && tx_adj(S, j)) j++;
    if ((e3 = tx_month(S, j, &m))) {
      size_t q = e3;
      int yy;
      if ((e2 = tx_year(S, q, &yy))) {
        q = e2;
        o_month(o, yy, m);
      } else {
        if (!tx_hasref(S)) return;
        int cue = tx_cue_after(S, &q);
        o_month(o, tx_pick_month_year(S, m, cue), m);
        o->rel = 1;
        o->cue = cue;
      }
      o_part(o, part);
      o->end = q;
      return;
    }
    if ((e3 = tx_year_ref(S, j, &y, &rel))) {
      o_year(o, y);
      o_part(o, part);
      o->rel = rel;
      o->end = e3;
      return;
    }
    /* akhir bulan ini, the end of the month */
    size_t t = j;
    if ((e3 = tx_m(S, t, WT_TXC_THE, NULL))) t = e3;
    if (tx_hasref(S) && (e3 = tx_m(S, t, WT_TXC_UNIT, &e)) &&
        e->str[0] == 'M' && !e->str[1]) {
      size_t q = e3;
      int k = tx_cue_after(S, &q);
      if (!k && (e2 = tx_m(S, q, WT_TXC_THIS, NULL))) q = e2;
      tx_shift(S, o, 'M', k);
      o_part(o, part);
      o->end = q;
    }
    return;
  }
  char hq = 0;
  int n = 0;
  size_t j = 0;
  if ((e2 = tx_m(S, i, WT_TXC_HALFQ, &e))) {
    hq = e->str[0];
    n = e->str[1] - '0';
    j = e2;
  } else if ((e2 = tx_m(S, i, WT_TXC_HALFWORD, &e)) ||
             (e2 = tx_m(S, i, WT_TXC_QWORD, &e))) {
    hq = e->str[0];
    if ((e3 = tx_m(S, e2, WT_TXC_ORDINAL, &e))) n = (int)e->num;
    else if (S->x->t[e2].kind == WT_TK_WORD) {
      static const char *roman[] = {"I", "II", "III", "IV"};
      for (int r = 0; r < 4; r++)
        if (WT_TX_TOKN(S->x, e2) == strlen(roman[r]) &&
            !strncmp(WT_TX_TOKS(S->x, e2), roman[r], strlen(roman[r])))
          n = r + 1, e3 = e2 + 1;
    } else if (tx_isnum(S, e2, 1))
      n = tx_int(S, e2), e3 = e2 + 1;
    if (!n) return;
    j = e3;
  } else
    return;
  if (n < 1 || n > (hq == 'H' ? 2 : 4)) return;
  if (!(e3 = tx_year_ref(S, j, &y, &rel))) return;
  o_hq(o, y, hq, n);
  o->rel = rel;
  o->end = e3;
}

/* Units: S MIN H D W M Y DE CE -> index. */
static int tx_unit_ix(const char *s) {
  static const char *u[] = {"S", "MIN", "H", "D", "W", "M", "Y", "DE", "CE"};
  for (int k = 0; k < 9; k++)
    if (!strcmp(s, u[k])) return k;
  return -1;
}
static const double tx_unit_min[] = {1.0 / 60, 1, 60, 1440, 10080, 43200,
                                     525600, 5256000, 52560000};

/* One "number unit" piece at i: end, *ui unit, *n count (NAN unknown). */
static size_t tx_piece(const tx_scan *S, size_t i, int *ui, double *n,
                       int *approx) {
  const wt_tx_ent *e;
  size_t e2, j;
  *approx = 0;
  if ((e2 = tx_m(S, i, WT_TXC_UNIT1, &e))) {
    *ui = tx_unit_ix(e->str);
    *n = 1;
    return e2;
  }
  /* setengah jam, half an hour */
  if ((e2 = tx_m(S, i, WT_TXC_NHALF, NULL))) {
    j = e2;
    if ((e2 = tx_m(S, j, WT_TXC_NA, NULL))) j = e2;
    if ((e2 = tx_m(S, j, WT_TXC_UNIT, &e))) {
      *ui = tx_unit_ix(e->str);
      *n = 0.5;
      return e2;
    }
    return 0;
  }
  double v;
  if ((e2 = tx_m(S, i, WT_TXC_NA, NULL)) && tx_m(S, e2, WT_TXC_UNIT, NULL)) {
    v = 1;
    j = e2;
  } else if (!(j = wt_tx_number(S->r, S->x, i, 0, &v, approx)))
    return 0;
  if (!(e2 = tx_m(S, j, WT_TXC_UNIT, &e))) return 0;
  if (S->x->t[j].flags & WT_TF_CAP && e->str[0] == 'W' &&
      tx_m(S, j, WT_TXC_WEEKDAY, NULL))
    return 0; /* "3 Minggu" is not weeks */
  *ui = tx_unit_ix(e->str);
  /* "satu jam setengah", "an hour and a half" */
  size_t e3;
  if ((e3 = tx_m(S, e2, WT_TXC_NHALF, NULL)) && S->x->lang != WT_TXL_EN) {
    v += 0.5;
    e2 = e3;
  } else if (tx_word(S, e2, "and") && (e3 = tx_m(S, e2 + 1, WT_TXC_NA, NULL)) &&
             tx_m(S, e3, WT_TXC_NHALF, NULL)) {
    v += 0.5;
    e2 = e3 + 1;
  }
  *n = v;
  return e2;
}

static void tx_dur_value(tx_out *o, const double cnt[9], int unknown_ui) {
  o->type = WT_TX_DURATION;
  o->gran = WT_G_NONE;
  o->lo = o->hi = WT_NO_DAY;
  static const char *dl = "...DWMY";
  if (unknown_ui >= 0) {
    static const char *code[] = {"TXS", "TXM", "TXH", "XD", "XW", "XM", "XY", "XDE", "XCE"};
    snprintf(o->value, sizeof o->value, "P%s", code[unknown_ui]);
    o->minutes = -1;
    return;
  }
  double mins = 0;
  int timeu = 0, dateu = 0;
  for (int k = 0; k < 9; k++) {
    mins += cnt[k] * tx_unit_min[k];
    if (cnt[k] && k < 3) timeu = 1;
    else if (cnt[k]) dateu = 1;
  }
  o->minutes = mins > 2e9 ? -1 : (int32_t)llround(mins);
  if (timeu && !dateu) {
    double secs = round(mins * 60);
    if (fmod(secs, 60) != 0) snprintf(o->value, sizeof o->value, "PT%.0fS", secs);
    else if (fmod(secs, 3600) != 0)
      snprintf(o->value, sizeof o->value, "PT%.0fM", secs / 60);
    else
      snprintf(o->value, sizeof o->value, "PT%.0fH", secs / 3600);
    return;
  }
  /* date units: fold fractions down (1,5 tahun = P18M) and decades up */
  double c[9];
  memcpy(c, cnt, sizeof c);
  c[6] += c[7] * 10 + c[8] * 100;
  c[7] = c[8] = 0;
  if (fmod(c[6], 1)) { c[5] += c[6] * 12; c[6] = 0; }
  if (fmod(c[5], 1)) { c[3] += fmod(c[5], 1) * 30; c[5] = floor(c[5]); }
  if (fmod(c[4], 1)) { c[3] += c[4] * 7; c[4] = 0; }
  char *p = o->value, *end = o->value + sizeof o->value;
  p += snprintf(p, (size_t)(end - p), "P");
  for (int k = 6; k >= 3; k--)
    if (c[k] && p < end)
      p += snprintf(p, (size_t)(end - p), "%.0f%c", round(c[k]), dl[k]);
  if (timeu && p < end) {
    double m2 = c[0] / 60 + c[1] + c[2] * 60;
    p += snprintf(p, (size_t)(end - p), "T%.0fM", m2);
  }
}

/* Durations and "N units ago/later". */
static void m_duration(const tx_scan *S, size_t i, tx_out *o) {
  double cnt[9] = {0};
  int ui, approx, unknown = -1, pieces = 0, lastui = -1;
  double n;
  size_t j = i, e2;
  /* "UU Nomor 31 Tahun 1999": a label's number, not an amount */
  if (i > 0 && tx_m(S, i - 1, WT_TXC_NPRE, NULL) == i) return;
  while ((e2 = tx_piece(S, j, &ui, &n, &approx))) {
    if (ui < 0 || (lastui >= 0 && ui >= lastui)) break;
    if (isnan(n)) {
      unknown = ui;
      if (pieces) break;
    } else
      cnt[ui] += n;
    if (approx) o->approx = 1;
    lastui = ui;
    pieces++;
    j = e2;
    if (isnan(n)) break;
    if (tx_word(S, j, "and") || tx_word(S, j, "dan")) {
      int u2;
      double n2;
      int a2;
      if (tx_piece(S, j + 1, &u2, &n2, &a2) && u2 < lastui) j++;
    }
  }
  if (!pieces) return;
  o->end = j;
  /* N units ago / later: a date */
  const wt_tx_ent *e;
  int dir = (e2 = tx_m(S, j, WT_TXC_PREV, &e)) ? -1
            : (e2 = tx_m(S, j, WT_TXC_AGO, &e)) ? -1
            : (e2 = tx_m(S, j, WT_TXC_LATER, &e)) ? 1 : 0;
  if (dir && pieces == 1 && unknown < 0 && tx_hasref(S)) {
    double v = cnt[lastui];
    if (v != floor(v) && lastui > 2) {
      o->end = 0;
      return;
    }
    int k = (int)v * dir;
    o->end = e2;
    o->cue = dir;
    o->rel = 1;
    if (lastui <= 2) {
      long mins = (long)S->ref.day * 1440 +
                  (S->ref.minute >= 0 ? S->ref.minute : 720) +
                  (long)llround(v * tx_unit_min[lastui]) * dir;
      int32_t day = (int32_t)((mins - ((mins % 1440) + 1440) % 1440) / 1440);
      if (S->ref.minute >= 0) o_time(o, day, (int)(((mins % 1440) + 1440) % 1440));
      else o_day(o, day);
      o->rel = 1;
      return;
    }
    if (lastui == 3) tx_shift(S, o, 'D', k);
    else if (lastui == 4) tx_shift(S, o, 'W', k);
    else if (lastui == 5) tx_shift(S, o, 'M', k);
    else tx_shift(S, o, 'Y', k * (lastui == 7 ? 10 : lastui == 8 ? 100 : 1));
    return;
  }
  tx_dur_value(o, cnt, unknown);
}

/* setiap tahun, tiap Senin, every week, setiap 17 Agustus, annually */
static void m_set(const tx_scan *S, size_t i, tx_out *o) {
  const wt_tx_ent *e;
  size_t e2, e3;
  o->type = WT_TX_SET;
  o->lo = o->hi = WT_NO_DAY;
  if ((e2 = tx_m(S, i, WT_TXC_SETWORD, &e))) {
    snprintf(o->value, sizeof o->value, "%s", e->str);
    o->end = e2;
    return;
  }
  if (!(e2 = tx_m(S, i, WT_TXC_SET, NULL))) return;
  int w, m;
  /* "setiap hari Senin": the word for day before a weekday */
  size_t q = e2, e4;
  if ((e4 = tx_m(S, e2, WT_TXC_UNIT, &e)) && !strcmp(e->str, "D") &&
      tx_wday(S, e4, &w))
    q = e4;
  if ((e3 = tx_wday(S, q, &w))) {
    snprintf(o->value, sizeof o->value, "XXXX-WXX-%d", w + 1);
    o->end = e3;
    return;
  }
  if (tx_isnum(S, e2, 2) && (e3 = tx_month(S, e2 + 1, &m))) {
    snprintf(o->value, sizeof o->value, "XXXX-%02d-%02d", m, tx_int(S, e2));
    o->end = e3;
    return;
  }
  int ui;
  double n = 1;
  int approx;
  if ((e3 = tx_m(S, e2, WT_TXC_UNIT, &e))) ui = tx_unit_ix(e->str);
  else if (!(e3 = tx_piece(S, e2, &ui, &n, &approx)) || isnan(n))
    return;
  if (ui < 0) return;
  static const char *code[] = {"S", "M", "H", "D", "W", "M", "Y", "DE", "CE"};
  if (ui == 3 && n == 1) snprintf(o->value, sizeof o->value, "XXXX-XX-XX");
  else if (ui <= 2)
    snprintf(o->value, sizeof o->value, "PT%.0f%s", n, code[ui]);
  else if (ui >= 7)
    snprintf(o->value, sizeof o->value, "P%.0fY", n * (ui == 7 ? 10 : 100));
  else
    snprintf(o->value, sizeof o->value, "P%.0f%s", n, code[ui]);
  o->end = e3;
}

/* A clock time standing alone, maybe followed by its day. */
static void m_clock(const tx_scan *S, size_t i, tx_out *o) {
  int mi, z;
  size_t e2 = p_clock(S, i, &mi, &z, 0);
  if (!e2) return;
  size_t q = e2;
  if (tx_p(S, q, ',')) q++;
  size_t e3;
  if ((e3 = tx_m(S, q, WT_TXC_ONPRE, NULL)) ||
      (e3 = tx_m(S, q, WT_TXC_YEARPRE, NULL)))
    q = e3;
  tx_out d = {0};
  d.minutes = -1;
  m_calendar(S, q, &d);
  if (!d.end) m_rel(S, q, &d);
  if (d.end && d.type == WT_TX_DATE && d.gran == WT_G_DAY && d.lo != WT_NO_DAY) {
    o_time(o, d.lo, mi);
    o->rel = d.rel;
    o->end = d.end;
    return;
  }
  if (!tx_hasref(S)) return;
  o_time(o, S->ref.day, mi);
  o->rel = 1;
  o->end = e2;
}

/* --------------------------------------------------------------- driver */

typedef void (*tx_pattern)(const tx_scan *, size_t, tx_out *);

/* Categories an expression can start with (besides digits and "("). */
static const uint64_t tx_start_cats =
    WT_TXBIT(WT_TXC_MONTH) | WT_TXBIT(WT_TXC_WEEKDAY) | WT_TXBIT(WT_TXC_UNIT) |
    WT_TXBIT(WT_TXC_UNIT1) | WT_TXBIT(WT_TXC_REL) | WT_TXBIT(WT_TXC_PODREL) |
    WT_TXBIT(WT_TXC_POD) | WT_TXBIT(WT_TXC_WEEKEND) | WT_TXBIT(WT_TXC_PARTMOD) |
    WT_TXBIT(WT_TXC_HALFWORD) | WT_TXBIT(WT_TXC_QWORD) | WT_TXBIT(WT_TXC_HALFQ) |
    WT_TXBIT(WT_TXC_SET) | WT_TXBIT(WT_TXC_SETWORD) | WT_TXBIT(WT_TXC_LASTPRE) |
    WT_TXBIT(WT_TXC_NEXTPRE) | WT_TXBIT(WT_TXC_THISPRE) |
    WT_TXBIT(WT_TXC_CLOCKPRE) | WT_TXBIT(WT_TXC_CLOCK) | WT_TXBIT(WT_TXC_THE) |
    WT_TXBIT(WT_TXC_DAYWORD) | WT_TXBIT(WT_TXC_NUNIT) | WT_TXBIT(WT_TXC_NWHOLE) |
    WT_TXBIT(WT_TXC_NHALF) | WT_TXBIT(WT_TXC_NA) | WT_TXBIT(WT_TXC_NAPPROX) |
    WT_TXBIT(WT_TXC_NFEW);

static int tx_can_start(const wt_time_res *r, const wt_tx_text *x, size_t i) {
  const wt_tx_tok *t = &x->t[i];
  if (t->kind == WT_TK_NUM) return 1;
  if (t->kind == WT_TK_PUNCT) return x->s[t->start] == '(';
  return wt_tx_key_has(r, x, i, tx_start_cats);
}

int wt_timex_scan(const wt_time_res *r, const char *s, size_t n,
                  const char *lang, wt_timeref ref, wt_arena *a,
                  wt_timex_vec *out) {
  wt_tx_text x;
  if (wt_tx_text_init(r, s, n, lang, &x) < 0) return -1;
  tx_scan S = {r, &x, ref, 0, 0, 0, (size_t)-1};
  if (ref.day != WT_NO_DAY) wt_civil_from_days(ref.day, &S.ry, &S.rm, &S.rd);
  static const tx_pattern pats[] = {m_calendar, m_clock, m_month,    m_part,
                                    m_rel,      m_year,  m_duration, m_set};
  int rc = 0;
  size_t i = 0;
  while (i < x.nt) {
    if (!tx_can_start(r, &x, i)) {
      i++;
      continue;
    }
    tx_out best = {0};
    for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
      tx_out o = {0};
      o.minutes = -1;
      pats[p](&S, i, &o);
      if (o.end > best.end) best = o;
    }
    if (!best.end) {
      i++;
      continue;
    }
    /* an approximator just before joins the span */
    size_t start = i;
    for (size_t b = i >= 3 ? i - 3 : 0; b < i; b++)
      if ((S.last_end == (size_t)-1 || b >= S.last_end) &&
          wt_tx_match(r, &x, b, WT_TXC_APPROX, NULL) == i) {
        const wt_tx_ent *e;
        wt_tx_match(r, &x, b, WT_TXC_APPROX, &e);
        if (e->num > 0) {
          best.approx = 1;
          start = b;
        }
        break;
      }
    wt_timex *t = WT_VEC_PUSH(a, out);
    if (!t) {
      rc = -1;
      break;
    }
    memset(t, 0, sizeof *t);
    t->span.start = x.t[start].start;
    t->span.end = x.t[best.end - 1].end;
    t->type = (wt_timex_type)best.type;
    t->gran = (wt_gran)best.gran;
    memcpy(t->value, best.value, sizeof t->value);
    t->value[sizeof t->value - 1] = 0;
    t->day_lo = best.lo;
    t->day_hi = best.hi;
    t->minutes = best.minutes;
    t->relative = (uint8_t)best.rel;
    t->approx = (uint8_t)best.approx;
    t->tense = (int8_t)best.cue;
    if (ref.day != WT_NO_DAY && best.lo != WT_NO_DAY &&
        (best.type == WT_TX_DATE || best.type == WT_TX_TIME)) {
      if (best.hi < ref.day) t->tense = -1;
      else if (best.lo > ref.day) t->tense = 1;
      else if (best.gran == WT_G_MINUTE && ref.minute >= 0)
        t->tense = best.minutes < ref.minute ? -1 : best.minutes > ref.minute ? 1 : 0;
      else if (!best.cue)
        t->tense = 0;
    }
    if (best.type == WT_TX_DURATION || best.type == WT_TX_SET) t->tense = 0;
    t->sentence = 0;
    S.last_end = best.end;
    i = best.end;
  }
  wt_tx_text_free(&x);
  return rc;
}

/* ------------------------------------------------------ publication time */

static int dt_digits(const char *s, int n, int *v) {
  *v = 0;
  for (int k = 0; k < n; k++) {
    if (s[k] < '0' || s[k] > '9') return 0;
    *v = *v * 10 + (s[k] - '0');
  }
  return 1;
}

/* ISO 8601: 2025-01-22[T 12:01[:00[.000]]][Z|+07:00|+0700] */
static int dt_iso(const char *s, wt_datetime *dt) {
  int y, m, d, h, mi;
  while (*s == ' ') s++;
  if (!dt_digits(s, 4, &y) || s[4] != '-' || !dt_digits(s + 5, 2, &m) ||
      s[7] != '-' || !dt_digits(s + 8, 2, &d))
    return -1;
  if (m < 1 || m > 12 || d < 1 || d > wt_days_in_month(y, m)) return -1;
  dt->day = wt_days_from_civil(y, m, d);
  dt->minute = -1;
  dt->tz_minutes = WT_NO_TZ;
  const char *p = s + 10;
  if ((*p == 'T' || *p == ' ') && dt_digits(p + 1, 2, &h) && p[3] == ':' &&
      dt_digits(p + 4, 2, &mi) && h < 24 && mi < 60) {
    dt->minute = (int16_t)(h * 60 + mi);
    p += 6;
    if (*p == ':') p += 3;
    if (*p == '.') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
    int th, tm;
    if (*p == 'Z') dt->tz_minutes = 0;
    else if ((*p == '+' || *p == '-') && dt_digits(p + 1, 2, &th)) {
      const char *q = p + 3;
      if (*q == ':') q++;
      if (!dt_digits(q, 2, &tm)) tm = 0;
      dt->tz_minutes = (int16_t)((*p == '-' ? -1 : 1) * (th * 60 + tm));
    }
  }
  return 0;
}

/* An offset glued to a zone name ("GMT+7", "UTC+08:00", "GMT-0530",
 * "UTC+5:30") at p: minutes east of UTC in *mins, 1 when there is one.
 * Hours 0-14, minutes 0-59; a digit after the offset voids it. */
static int dt_offset(const char *p, int *mins) {
  if (*p != '+' && *p != '-') return 0;
  const char *q = p + 1;
  int h = 0, m = 0, nd = 0;
  while (nd < 2 && *q >= '0' && *q <= '9') h = h * 10 + (*q++ - '0'), nd++;
  if (!nd) return 0;
  if (*q == ':' || (nd == 2 && *q >= '0' && *q <= '9')) {
    const char *r = *q == ':' ? q + 1 : q;
    if (!dt_digits(r, 2, &m)) return 0;
    q = r + 2;
  }
  if ((*q >= '0' && *q <= '9') || h > 14 || m > 59) return 0;
  *mins = (*p == '-' ? -1 : 1) * (h * 60 + m);
  return 1;
}

/* RFC 822's numeric zone after a clock time, "10:15:00 +0700" (a space,
 * a sign, exactly four digits, after a digit): minutes east of UTC, or
 * WT_NO_TZ when the text has none. */
static int16_t dt_numeric_zone(const char *s, size_t n) {
  for (size_t i = 2; i + 4 < n; i++) {
    const char *p = s + i;
    if ((*p != '+' && *p != '-') || p[-1] != ' ' || p[-2] < '0' || p[-2] > '9')
      continue;
    int k = 1;
    while (k <= 4 && p[k] >= '0' && p[k] <= '9') k++;
    if (k != 5 || (i + 5 < n && p[5] >= '0' && p[5] <= '9')) continue;
    int off;
    if (dt_offset(p, &off)) return (int16_t)off;
  }
  return WT_NO_TZ;
}

int wt_timex_parse_datetime(const wt_time_res *r, const char *s,
                            wt_timeref ref, wt_datetime *dt) {
  if (!s) return -1;
  const char *text = dt->text, *source = dt->source;
  memset(dt, 0, sizeof *dt);
  dt->text = text ? text : s;
  dt->source = source;
  if (dt_iso(s, dt) == 0) return 0;
  size_t n = strnlen(s, 512);
  wt_arena *a = wt_arena_new(1 << 20);
  if (!a) return -1;
  wt_timex_vec v = {0};
  int rc = -1;
  if (wt_timex_scan(r, s, n, NULL, ref, a, &v) == 0) {
    for (size_t k = 0; k < v.n; k++) {
      const wt_timex *t = &v.v[k];
      if ((t->type != WT_TX_DATE && t->type != WT_TX_TIME) ||
          t->day_lo == WT_NO_DAY || t->gran < WT_G_DAY || t->gran == WT_G_WEEK)
        continue;
      dt->day = t->day_lo;
      dt->minute = (int16_t)(t->gran == WT_G_MINUTE ? t->minutes : -1);
      dt->relative = t->relative;
      dt->tz_minutes = WT_NO_TZ;
      rc = 0;
      break;
    }
  }
  if (rc == 0) {
    wt_tx_text x;
    if (wt_tx_text_init(r, s, n, NULL, &x) == 0) {
      const wt_tx_ent *e;
      size_t ze;
      for (size_t i = 0; i < x.nt; i++)
        if ((ze = wt_tx_match(r, &x, i, WT_TXC_ZONE, &e)) &&
            strcmp(e->str, "local")) {
          /* "GMT+7", "UTC+08:00": the offset glued to the name counts */
          int off;
          dt->tz_minutes = (int16_t)e->num;
          if (dt_offset(s + x.t[ze - 1].end, &off))
            dt->tz_minutes = (int16_t)(e->num + off);
          break;
        }
      wt_tx_text_free(&x);
    }
    if (dt->tz_minutes == WT_NO_TZ && dt->minute >= 0)
      dt->tz_minutes = dt_numeric_zone(s, n);
  }
  wt_arena_free(a);
  return rc;
}

/* ---------------------------------------------------------------- stage */

/* The language whose words read paragraph k: its own, else the doc's. */
static const char *tx_para_lang(const wt_doc *doc, size_t k) {
  const char *l = doc->paras.v[k].lang;
  return l[0] ? l : doc->lang[0] ? doc->lang : NULL;
}

/* Scan the body run by run of paragraphs sharing a language, so that an
 * English paragraph of an Indonesian article is read with English words. */
static int tx_scan_runs(const wt_time_res *r, wt_doc *doc, wt_timeref ref) {
  wt_timex_vec *v = (wt_timex_vec *)&doc->timexes;
  size_t np = doc->paras.n;
  if (!np)
    return wt_timex_scan(r, doc->body, doc->body_len,
                         doc->lang[0] ? doc->lang : NULL, ref, doc->arena, v);
  for (size_t k = 0; k < np;) {
    const char *l = tx_para_lang(doc, k);
    size_t e = k + 1;
    while (e < np && !strcmp(tx_para_lang(doc, e) ? tx_para_lang(doc, e) : "",
                             l ? l : ""))
      e++;
    uint32_t from = k ? doc->paras.v[k].span.start : 0;
    uint32_t to = e < np ? doc->paras.v[e].span.start : (uint32_t)doc->body_len;
    if (from > to || to > doc->body_len) return -1;
    size_t first = v->n;
    if (wt_timex_scan(r, doc->body + from, to - from, l, ref, doc->arena, v) < 0)
      return -1;
    for (size_t j = first; j < v->n; j++) {
      v->v[j].span.start += from;
      v->v[j].span.end += from;
    }
    k = e;
  }
  return 0;
}

/* Does the body's first day named relative to the report, read against
 * day `day`, fall on that very day ("said on Wednesday")? */
static int tx_weekday_is(const wt_time_res *r, const wt_doc *doc, int32_t day) {
  wt_timeref ref = {day, -1};
  wt_timex_vec v = {0};
  size_t n = doc->body_len < 4096 ? doc->body_len : 4096; /* the lead */
  if (wt_timex_scan(r, doc->body, n, NULL, ref, doc->arena, &v) != 0) return 0;
  for (size_t k = 0; k < v.n; k++)
    if (v.v[k].type == WT_TX_DATE && v.v[k].relative &&
        v.v[k].day_lo == v.v[k].day_hi && v.v[k].day_lo != WT_NO_DAY)
      return v.v[k].day_lo == day;
  return 0;
}

/* The month and day of a wire dateline ("JAKARTA, May 28 (Reuters) -")
 * is the day the report was written: relative expressions are read
 * against it.  Its year: the one nearest the publication or crawl time
 * (within three days of it); with only a file's time, the latest year not
 * after the file in which the body's weekday mentions fall on that day
 * ("on Wednesday"), else the latest year not after the file. */
static void tx_dateline_ref(const wt_time_res *r, wt_doc *doc) {
  if (!doc->dateline_date || doc->ref_day == WT_NO_DAY) return;
  const char *s = doc->dateline_date;
  wt_timeref ref = {doc->ref_day, -1};
  wt_timex_vec v = {0};
  if (wt_timex_scan(r, s, strlen(s), NULL, ref, doc->arena, &v) != 0 ||
      v.n != 1 || v.v[0].type != WT_TX_DATE || v.v[0].day_lo != v.v[0].day_hi ||
      v.v[0].day_lo == WT_NO_DAY)
    return;
  int y, m, dd, rm, rd;
  wt_civil_from_days(v.v[0].day_lo, &y, &m, &dd);
  wt_civil_from_days(doc->ref_day, &y, &rm, &rd);
  int weak = !doc->ref_how || !strcmp(doc->ref_how, "file-mtime") ||
             !strcmp(doc->ref_how, "none");
  int32_t best = WT_NO_DAY;
  if (!weak) {
    for (int k = -1; k <= 1; k++) {
      if (m == 2 && dd == 29 && wt_days_in_month(y + k, 2) < 29) continue;
      int32_t c = wt_days_from_civil(y + k, m, dd);
      if (c - doc->ref_day <= 3 && doc->ref_day - c <= 3) best = c;
    }
    if (best == WT_NO_DAY || best == doc->ref_day) return;
    doc->ref_day = best;
    doc->ref_minute = -1;
    return;
  }
  for (int k = 0; k < 8; k++) {
    if (m == 2 && dd == 29 && wt_days_in_month(y - k, 2) < 29) continue;
    int32_t c = wt_days_from_civil(y - k, m, dd);
    if (c > doc->ref_day) continue;
    if (best == WT_NO_DAY) best = c;
    if (tx_weekday_is(r, doc, c)) {
      best = c;
      break;
    }
  }
  if (best == WT_NO_DAY) return;
  doc->ref_day = best;
  doc->ref_minute = -1;
  doc->ref_how = "stated-date";
}

int wt_time_run(const wt_time_res *r, wt_doc *doc) {
  if (!doc->body) return 0;
  tx_dateline_ref(r, doc);
  wt_timeref ref = {doc->ref_day, doc->ref_minute};
  const char *lang = doc->lang[0] ? doc->lang : NULL;
  if (tx_scan_runs(r, doc, ref) < 0) return -1;
  /* sentence index by binary search over the sentence spans */
  for (size_t k = 0; k < doc->timexes.n && doc->sentences.n; k++) {
    uint32_t off = doc->timexes.v[k].span.start;
    size_t lo = 0, hi = doc->sentences.n;
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (doc->sentences.v[mid].span.start <= off) lo = mid;
      else hi = mid;
    }
    doc->timexes.v[k].sentence = (uint32_t)lo;
  }
  if (wt_figure_scan(r, doc->body, doc->body_len, lang,
                     (const wt_timex_vec *)&doc->timexes, doc->arena,
                     (wt_figure_vec *)&doc->figures) < 0)
    return -1;
  for (size_t k = 0; k < doc->figures.n && doc->sentences.n; k++) {
    uint32_t off = doc->figures.v[k].span.start;
    size_t lo = 0, hi = doc->sentences.n;
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (doc->sentences.v[mid].span.start <= off) lo = mid;
      else hi = mid;
    }
    doc->figures.v[k].sentence = (uint32_t)lo;
  }
  return 0;
}
