/*
 * test_timex.c - time expressions: the golden files (tests/golden/timex-*.tsv,
 * one expression in context per row) scored for exact value, plus focused
 * checks of resolution, tense and publication-time parsing.
 *
 * A golden row is "reference TAB sentence TAB expression TAB type TAB
 * value [TAB lang]" (the lang column, in the mixed-language news files,
 * overrides the file's language).  A row counts as right when the scanner
 * returns an expression that overlaps the expected text with the same type
 * and value, or, for type NONE, when nothing overlaps it; the span being
 * exact is reported beside it.  WARTA_GOLDEN_VERBOSE=1 prints misses
 * (never for the holdout files, which are not looked at while tuning).
 */
#include "harness.h"

#include <stdlib.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "lang/timex.h"

static wt_time_res *tt_res(void) {
  static wt_time_res *r;
  if (!r) {
    char err[256];
    r = wt_time_load(err, sizeof err);
    if (!r) fprintf(stderr, "    wt_time_load: %s\n", err);
  }
  return r;
}

/* "2025-01-22" or "2025-01-22T12:01" */
static wt_timeref tt_ref(const char *s) {
  wt_timeref ref = {wt_day_parse(s), -1};
  const char *t = strchr(s, 'T');
  if (t) ref.minute = (int16_t)(atoi(t + 1) * 60 + atoi(t + 4));
  return ref;
}

typedef struct tt_score {
  int rows, right, exact_span, found;
} tt_score;

static tt_score tt_golden(const char *file, const char *lang, int verbose) {
  tt_score sc = {0};
  char path[1024];
  char *text = wt_test_slurp(wt_test_src(file, path, sizeof path), NULL);
  if (!text || !tt_res()) {
    free(text);
    return sc;
  }
  wt_arena *a = wt_arena_new(0);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#') continue;
    char *f[6];
    int nf = 0;
    for (char *p = line; nf < 6; nf++) {
      f[nf] = p;
      char *tab = strchr(p, '\t');
      if (!tab) {
        nf++;
        break;
      }
      *tab = 0;
      p = tab + 1;
    }
    if (nf < 5) continue;
    sc.rows++;
    const char *sent = f[1], *exp = f[2], *type = f[3], *val = f[4];
    const char *rl = nf > 5 ? f[5] : lang;
    int none = !strcmp(type, "NONE");
    const char *at = strstr(sent, exp);
    size_t es = at ? (size_t)(at - sent) : 0, ee = es + strlen(exp);
    wt_timex_vec v = {0};
    wt_arena_reset(a);
    wt_timex_scan(tt_res(), sent, strlen(sent), rl, tt_ref(f[0]), a, &v);
    static const char *tn[] = {"", "DATE", "TIME", "DURATION", "SET"};
    int ok = 0, found = 0, span = 0;
    const wt_timex *got = NULL;
    for (size_t k = 0; k < v.n; k++) {
      const wt_timex *t = &v.v[k];
      if (t->span.end <= es || t->span.start >= ee) continue;
      found = 1;
      if (!got) got = t;
      if (!strcmp(t->value, val) && !strcmp(tn[t->type], type)) {
        ok = 1;
        got = t;
        span = t->span.start == es && t->span.end == ee;
        break;
      }
    }
    if (none) ok = span = !found;
    sc.right += ok;
    sc.found += found;
    sc.exact_span += span;
    if (!ok && verbose)
      fprintf(stderr, "    MISS %s | %s | want %s %s | got %s %s '%.*s'\n",
              f[0], sent, type, val, got ? tn[got->type] : "-",
              got ? got->value : "-", got ? (int)(got->span.end - got->span.start) : 0,
              got ? sent + got->span.start : "");
  }
  wt_arena_free(a);
  free(text);
  return sc;
}

static void tt_report(const char *file, const char *lang, double bar,
                      int holdout) {
  const char *env = getenv("WARTA_GOLDEN_VERBOSE");
  tt_score sc = tt_golden(file, lang, !holdout && env && *env == '1');
  if (!sc.rows) {
    wt_test_fail(__FILE__, __LINE__, "%s: no rows (or word lists missing)",
                 file);
    return;
  }
  double acc = 100.0 * sc.right / sc.rows;
  fprintf(stderr,
          "    %s: %d rows, value exact %.1f%%, found %.1f%%, span exact "
          "%.1f%%\n",
          file, sc.rows, acc, 100.0 * sc.found / sc.rows,
          100.0 * sc.exact_span / sc.rows);
  CHECKF(acc >= bar, "%s: value accuracy %.1f%% under the bar %.1f%%", file,
         acc, bar);
}

WT_TEST(timex_golden_id) { tt_report("tests/golden/timex-id.tsv", "id", 97, 0); }
WT_TEST(timex_golden_en) { tt_report("tests/golden/timex-en.tsv", "en", 97, 0); }
WT_TEST(timex_golden_news) {
  tt_report("tests/golden/timex-news.tsv", "id", 90, 0);
}
WT_TEST(timex_golden_news_holdout) {
  tt_report("tests/golden/timex-news-holdout.tsv", "id", 85, 1);
}
WT_TEST(timex_golden_id_holdout) {
  tt_report("tests/golden/timex-id-holdout.tsv", "id", 90, 1);
}
WT_TEST(timex_golden_en_holdout) {
  tt_report("tests/golden/timex-en-holdout.tsv", "en", 90, 1);
}

/* First expression in s, scanned against ref. */
static wt_timex tt_first(const char *s, const char *lang, const char *ref) {
  wt_timex none = {0};
  wt_arena *a = wt_arena_new(0);
  wt_timex_vec v = {0};
  wt_timex_scan(tt_res(), s, strlen(s), lang, tt_ref(ref), a, &v);
  wt_timex t = v.n ? v.v[0] : none;
  wt_arena_free(a);
  return t;
}

WT_TEST(timex_weekday_anchors_year) {
  REQUIRE(tt_res());
  wt_timex t = tt_first("pada Selasa 21 Januari lalu", "id", "2025-01-22");
  CHECK_STR_EQ(t.value, "2025-01-21");
  CHECK_INT_EQ(t.tense, -1);
  CHECK_INT_EQ(t.relative, 1);
  CHECK_INT_EQ(t.day_lo, wt_days_from_civil(2025, 1, 21));
  /* the weekday picks 2026 even from a reference a year away */
  t = tt_first("pada Rabu (4/2).", "id", "2025-06-01");
  CHECK_STR_EQ(t.value, "2026-02-04");
  CHECK_INT_EQ(t.tense, 1);
  /* a stated year is kept even when the weekday does not fit */
  t = tt_first("Selasa 4 Februari 2026", "id", "2026-02-05");
  CHECK_STR_EQ(t.value, "2026-02-04");
  CHECK_INT_EQ(t.relative, 0);
}

WT_TEST(timex_ranges_and_flags) {
  REQUIRE(tt_res());
  wt_timex t = tt_first("Akhir pekan lalu, menteri bertemu", "id", "2026-02-04");
  CHECK_STR_EQ(t.value, "2026-W05-WE");
  CHECK_INT_EQ(t.day_lo, wt_days_from_civil(2026, 1, 31));
  CHECK_INT_EQ(t.day_hi, wt_days_from_civil(2026, 2, 1));
  CHECK_INT_EQ(t.tense, -1);
  t = tt_first("berkunjung pada paruh pertama 2026", "id", "2026-02-05");
  CHECK_STR_EQ(t.value, "2026-H1");
  CHECK_INT_EQ(t.day_hi, wt_days_from_civil(2026, 6, 30));
  CHECK_INT_EQ(t.tense, 0);
  t = tt_first("berlangsung hampir satu setengah jam", "id", "2026-02-05");
  CHECK_STR_EQ(t.value, "PT90M");
  CHECK_INT_EQ(t.minutes, 90);
  CHECK_INT_EQ(t.approx, 1);
  CHECK_INT_EQ(t.type, WT_TX_DURATION);
  t = tt_first("pukul 14.00 WIB", "id", "2025-01-22");
  CHECK_STR_EQ(t.value, "2025-01-22T14:00");
  CHECK_INT_EQ(t.minutes, 840);
  /* nothing to resolve against: relative phrases are dropped */
  t = tt_first("kemarin", "id", "none");
  CHECK_INT_EQ(t.type, 0);
}

WT_TEST(timex_no_false_dates) {
  REQUIRE(tt_res());
  wt_arena *a = wt_arena_new(0);
  wt_timex_vec v = {0};
  const char *s = "Skor 2-1 untuk tim tamu, rasio 1.5 dan versi 3.2, "
                  "harga Rp 2.025 per liter, dan pasal 4/2 ayat 1.";
  wt_timex_scan(tt_res(), s, strlen(s), "id", tt_ref("2025-01-22"), a, &v);
  for (size_t k = 0; k < v.n; k++)
    CHECKF(0, "unexpected timex '%.*s' = %s",
           (int)(v.v[k].span.end - v.v[k].span.start), s + v.v[k].span.start,
           v.v[k].value);
  wt_arena_free(a);
}

WT_TEST(timex_parse_datetime_forms) {
  REQUIRE(tt_res());
  wt_timeref ref = tt_ref("2025-01-22T20:00");
  wt_datetime dt = {0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "22 Jan 2025, 12:01", ref, &dt), 0);
  CHECK_INT_EQ(dt.day, wt_days_from_civil(2025, 1, 22));
  CHECK_INT_EQ(dt.minute, 12 * 60 + 1);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "Rabu, 22 Januari 2025 12:01 WIB", ref, &dt), 0);
  CHECK_INT_EQ(dt.minute, 721);
  CHECK_INT_EQ(dt.tz_minutes, 420);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "22/01/2025 12:01", ref, &dt), 0);
  CHECK_INT_EQ(dt.day, wt_days_from_civil(2025, 1, 22));
  CHECK_INT_EQ(dt.minute, 721);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "2025-01-22T12:01:00+07:00", ref, &dt), 0);
  CHECK_INT_EQ(dt.minute, 721);
  CHECK_INT_EQ(dt.tz_minutes, 420);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "9 jam lalu", ref, &dt), 0);
  CHECK_INT_EQ(dt.day, wt_days_from_civil(2025, 1, 22));
  CHECK_INT_EQ(dt.minute, 11 * 60);
  CHECK_INT_EQ(dt.relative, 1);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "2 hours ago", tt_ref("2025-01-22T01:00"), &dt), 0);
  CHECK_INT_EQ(dt.day, wt_days_from_civil(2025, 1, 21));
  CHECK_INT_EQ(dt.minute, 23 * 60);
  dt = (wt_datetime){0};
  CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), "Bagikan artikel ini", ref, &dt), -1);
}

/* A zone name with a glued offset: "GMT+7", "GMT+07:00", "UTC+8",
 * "UTC-05:30", "GMT+0530". */
WT_TEST(timex_parse_datetime_gmt_offset) {
  REQUIRE(tt_res());
  wt_timeref ref = tt_ref("2025-07-10T08:00");
  static const struct { const char *s; int tz; } rows[] = {
      {"July 9, 2025 2:20 PM GMT+7", 420},
      {"July 9, 2025 2:20 PM GMT+7Updated July 9, 2025", 420},
      {"9 Juli 2025 14:20 GMT+07:00", 420},
      {"July 9, 2025 3:20 PM UTC+8", 480},
      {"July 9, 2025 3:20 PM UTC-05:30", -330},
      {"July 9, 2025 3:20 PM GMT+0530", 330},
      {"July 9, 2025 7:20 AM GMT", 0},
      /* RFC 822, as feeds write it: the numeric zone after the clock */
      {"Wed, 09 Jul 2025 14:20:00 +0700", 420},
      {"Wed, 09 Jul 2025 07:20:00 +0000", 0},
      {"Wed, 09 Jul 2025 02:20:00 -0500", -300},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wt_datetime dt = {0};
    CHECK_INT_EQ(wt_timex_parse_datetime(tt_res(), rows[i].s, ref, &dt), 0);
    CHECK_INT_EQ(dt.day, wt_days_from_civil(2025, 7, 9));
    CHECK_INT_EQ(dt.tz_minutes, rows[i].tz);
  }
}

/* After a plan word in its clause a bare weekday is ahead; without one, or
 * with "lalu"/"last", it is behind.  Reference: Tuesday 8 July 2025. */
WT_TEST(timex_planned_weekday_ahead) {
  REQUIRE(tt_res());
  static const struct { const char *s, *lang, *want; } rows[] = {
      {"Menlu AS dijadwalkan hadir pada Kamis.", "id", "2025-07-10"},
      {"Presiden akan bertemu Perdana Menteri Jepang pada Jumat.", "id", "2025-07-11"},
      {"Rencananya rapat digelar Senin.", "id", "2025-07-14"},
      {"Rubio is due to arrive on Thursday.", "en", "2025-07-10"},
      {"The minister will meet his counterpart on Friday.", "en", "2025-07-11"},
      {"Talks are scheduled to resume on Monday.", "en", "2025-07-14"},
      {"The president plans to visit Bali on Sunday.", "en", "2025-07-13"},
      {"The cabinet will meet on Tuesday.", "en", "2025-07-08"},
      /* no plan, or the plan is in another clause: the last such day */
      {"Menlu AS hadir pada Kamis.", "id", "2025-07-03"},
      {"Ia akan kembali, katanya pada Kamis.", "id", "2025-07-03"},
      {"The minister met his counterpart on Friday.", "en", "2025-07-04"},
      {"He will go, the ministry said on Friday.", "en", "2025-07-04"},
      {"Rapat yang dijadwalkan Kamis lalu batal.", "id", "2025-07-03"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wt_timex t = tt_first(rows[i].s, rows[i].lang, "2025-07-08T09:00");
    CHECK_STR_EQ(t.value, rows[i].want);
  }
}
