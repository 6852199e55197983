/*
 * test_core.c - arena, vectors, string buffers, calendar, UTF-8 checks.
 */
#include <string.h>

#include "harness.h"

#include "core/arena.h"
#include "core/calendar.h"
#include "core/strbuf.h"
#include "core/util.h"
#include "core/vec.h"

WT_TEST(core_arena_cap_refuses) {
  wt_arena *a = wt_arena_new(1000);
  CHECK(wt_arena_alloc(a, 500) != NULL);
  CHECK(wt_arena_alloc(a, 600) == NULL);
  CHECK(wt_arena_alloc(a, 100) != NULL);
  wt_arena_free(a);
}

WT_TEST(core_arena_big_blocks_and_strings) {
  wt_arena *a = wt_arena_new(0);
  char *big = wt_arena_alloc(a, 1 << 20);
  REQUIRE(big != NULL);
  big[(1 << 20) - 1] = 'x';
  char *s = wt_arena_printf(a, "%s-%d", "abc", 42);
  CHECK_STR_EQ(s, "abc-42");
  CHECK_STR_EQ(wt_arena_strndup(a, "hello", 3), "hel");
  wt_arena_free(a);
}

WT_TEST(core_vec_push_grows_and_keeps) {
  wt_arena *a = wt_arena_new(0);
  WT_VEC(int) v = {0};
  for (int i = 0; i < 1000; i++) {
    int *p = WT_VEC_PUSH(a, &v);
    REQUIRE(p != NULL);
    *p = i;
  }
  CHECK_INT_EQ(v.n, 1000);
  long sum = 0;
  for (size_t i = 0; i < v.n; i++) sum += v.v[i];
  CHECK_INT_EQ(sum, 999 * 1000 / 2);
  wt_arena_free(a);
}

WT_TEST(core_vec_push_stops_at_cap) {
  wt_arena *a = wt_arena_new(4096);
  WT_VEC(double) v = {0};
  size_t pushed = 0;
  for (int i = 0; i < 100000; i++) {
    double *p = WT_VEC_PUSH(a, &v);
    if (!p) break;
    *p = i;
    pushed++;
  }
  CHECK(pushed > 0 && pushed < 100000);
  CHECK_INT_EQ(v.n, pushed);
  CHECK(v.v[pushed - 1] == (double)(pushed - 1));
  wt_arena_free(a);
}

WT_TEST(core_strbuf_cap_is_sticky) {
  wt_sb b;
  wt_sb_init(&b, 10);
  CHECK_INT_EQ(wt_sb_adds(&b, "12345"), 0);
  CHECK_INT_EQ(wt_sb_adds(&b, "123456"), -1);
  CHECK_INT_EQ(wt_sb_adds(&b, "1"), -1);
  CHECK(b.toobig);
  CHECK_STR_EQ(b.s, "12345");
  wt_sb_free(&b);
}

WT_TEST(core_strbuf_json_escapes) {
  wt_sb b;
  wt_sb_init(&b, 0);
  const char *s = "a\"b\\c\nd\x01";
  wt_sb_json_str(&b, s, strlen(s));
  CHECK_STR_EQ(b.s, "\"a\\\"b\\\\c\\nd\\u0001\"");
  wt_sb_free(&b);
}

WT_TEST(core_calendar_roundtrip_and_weekdays) {
  CHECK_INT_EQ(wt_days_from_civil(1970, 1, 1), 0);
  /* 2026-02-04 was a Wednesday (2 in Monday-based numbering) */
  CHECK_INT_EQ(wt_weekday(wt_days_from_civil(2026, 2, 4)), 2);
  /* 2025-01-21 was a Tuesday */
  CHECK_INT_EQ(wt_weekday(wt_days_from_civil(2025, 1, 21)), 1);
  for (int32_t d = -800000; d < 800000; d += 997) {
    int y, m, dd;
    wt_civil_from_days(d, &y, &m, &dd);
    CHECK_INT_EQ(wt_days_from_civil(y, m, dd), d);
  }
  char iso[11];
  wt_day_iso(wt_days_from_civil(2024, 2, 29), iso);
  CHECK_STR_EQ(iso, "2024-02-29");
  CHECK_INT_EQ(wt_day_parse("2023-02-29"), WT_NO_DAY);
  CHECK_INT_EQ(wt_day_parse("2025-01-22T12:01+07:00"),
               wt_days_from_civil(2025, 1, 22));
}

WT_TEST(core_utf8_validation) {
  CHECK_INT_EQ(wt_utf8_invalid_at("abc", 3), -1);
  CHECK_INT_EQ(wt_utf8_invalid_at("Tiongkok \xe2\x80\x9cx\xe2\x80\x9d", 16), -1);
  CHECK_INT_EQ(wt_utf8_invalid_at("ab\xff", 3), 2);
  CHECK_INT_EQ(wt_utf8_invalid_at("ab\xe2\x80", 4), 2);
  CHECK(wt_looks_binary("a\0b", 3));
  CHECK(!wt_looks_binary("plain text\n", 11));
  /* a NUL far into a long text (found by fuzz_jsonl) */
  static char big[20000];
  memset(big, 'a', sizeof big);
  CHECK(!wt_looks_binary(big, sizeof big));
  big[15000] = '\0';
  CHECK(wt_looks_binary(big, sizeof big));
}
