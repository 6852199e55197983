/*
 * test_reconcile.c - facts reconciled across an event's articles: figures
 * of different periods are different facts, an approximate duration
 * agrees with a close exact one, two stated dates contradict; text reuse,
 * headline, summary; order independence; hostile input.
 */
#include "harness.h"

#include <jansson.h>
#include <stdlib.h>

#include "reconcile/reconcile.h"

static json_t *rec_fixture(const char *name) {
  char path[512], rel[256];
  snprintf(rel, sizeof rel, "tests/fixtures/cluster/%s", name);
  json_error_t err;
  json_t *j = json_load_file(wt_test_src(rel, path, sizeof path), 0, &err);
  if (!j) fprintf(stderr, "    %s:%d: %s\n", name, err.line, err.text);
  return j;
}

static json_t *rec_run(json_t *arr) {
  size_t n = json_array_size(arr);
  json_t **v = malloc((n ? n : 1) * sizeof *v);
  for (size_t i = 0; i < n; i++) v[i] = json_array_get(arr, i);
  json_t *out = wt_reconcile_event(v, n);
  free(v);
  return out;
}

/* The facts of one kind, in output order. */
static size_t rec_facts(json_t *ev, const char *kind, json_t **out, size_t max) {
  size_t i, n = 0;
  json_t *f;
  json_array_foreach(json_object_get(ev, "facts"), i, f) {
    if (strcmp(json_string_value(json_object_get(f, "kind")), kind) == 0 && n < max)
      out[n++] = f;
  }
  return n;
}

WT_TEST(reconcile_periods_and_inferred_dates_do_not_contradict) {
  json_t *in = rec_fixture("reconcile_call_first.json");
  REQUIRE(in != NULL);
  json_t *ev = rec_run(in);
  REQUIRE(ev != NULL);
  CHECK_STR_EQ(json_string_value(json_object_get(ev, "type")), "video_call");
  CHECK_STR_EQ(json_string_value(json_object_get(ev, "date")), "2025-01-21");
  CHECK_INT_EQ(json_integer_value(json_object_get(ev, "duration_minutes")), 90);
  CHECK_INT_EQ(json_array_size(json_object_get(ev, "contradictions")), 0);
  CHECK_INT_EQ(json_array_size(json_object_get(ev, "participants")), 2);
  json_t *figs[8];
  size_t nf = rec_facts(ev, "figure", figs, 8);
  CHECK_INT_EQ(nf, 3); /* 245 bn (2024), 240 bn (2023), 64 % since 2021 */
  int seen2023 = 0, seen2024 = 0;
  for (size_t i = 0; i < nf; i++) {
    const char *p = json_string_value(json_object_get(figs[i], "period"));
    if (p && !strcmp(p, "2023")) seen2023 = 1;
    if (p && !strcmp(p, "2024")) seen2024 = 1;
  }
  CHECK(seen2023 && seen2024);
  json_t *dates[4];
  CHECK_INT_EQ(rec_facts(ev, "date", dates, 4), 1); /* the inferred one is no fact */
  json_t *q[4];
  REQUIRE(rec_facts(ev, "quote", q, 4) == 1); /* same words, other ending */
  CHECK_INT_EQ(json_integer_value(json_object_get(q[0], "support")), 2);
  json_t *pl[4];
  CHECK_INT_EQ(rec_facts(ev, "place", pl, 4), 1);
  /* provenance: credited sources and the copied sentence */
  json_t *prov = json_object_get(ev, "provenance");
  REQUIRE(json_array_size(prov) == 3);
  json_t *p10 = json_array_get(prov, 0);
  CHECK_INT_EQ(json_integer_value(json_object_get(p10, "article")), 10);
  CHECK_INT_EQ(json_array_size(json_object_get(p10, "sources")), 2);
  int reuse_11 = 0;
  size_t i;
  json_t *r;
  json_array_foreach(json_object_get(p10, "reuses"), i, r) {
    if (json_integer_value(json_object_get(r, "article")) == 11 &&
        json_integer_value(json_object_get(r, "shared_sentences")) >= 1)
      reuse_11 = 1;
  }
  CHECK(reuse_11);
  CHECK(json_is_string(json_object_get(ev, "headline")));
  json_t *sum = json_object_get(ev, "summary");
  CHECK(json_array_size(sum) >= 2 && json_array_size(sum) <= 3);
  /* the "nuklir sipil" sentence is in all three: in the summary once */
  int nuk = 0;
  json_array_foreach(sum, i, r) nuk += strstr(json_string_value(r), "nuklir") != NULL;
  CHECK_INT_EQ(nuk, 1);
  json_decref(ev);
  json_decref(in);
}

WT_TEST(reconcile_approximate_duration_agrees) {
  json_t *in = rec_fixture("reconcile_call_second.json");
  REQUIRE(in != NULL);
  json_t *ev = rec_run(in);
  json_t *d[4];
  REQUIRE(rec_facts(ev, "duration", d, 4) == 1);
  CHECK_INT_EQ(json_integer_value(json_object_get(d[0], "value")), 85);
  CHECK_INT_EQ(json_integer_value(json_object_get(d[0], "support")), 2);
  CHECK_INT_EQ(json_integer_value(json_object_get(ev, "duration_minutes")), 85);
  CHECK_INT_EQ(json_array_size(json_object_get(ev, "contradictions")), 0);
  CHECK_STR_EQ(json_string_value(json_object_get(ev, "date")), "2026-02-04");
  json_t *prov = json_object_get(ev, "provenance");
  CHECK_STR_EQ(json_string_value(json_array_get(
                   json_object_get(json_array_get(prov, 0), "sources"), 0)),
               "Reuters");
  json_decref(ev);
  /* the same approximate value against 70 exact minutes: a conflict */
  json_t *fr = json_object_get(json_array_get(in, 0), "frame");
  json_object_set_new(fr, "duration_minutes", json_integer(70));
  ev = rec_run(in);
  CHECK_INT_EQ(json_array_size(json_object_get(ev, "contradictions")), 1);
  json_decref(ev);
  json_decref(in);
}

WT_TEST(reconcile_two_stated_dates_contradict) {
  json_t *in = rec_fixture("reconcile_two_dates.json");
  REQUIRE(in != NULL);
  json_t *ev = rec_run(in);
  json_t *c = json_object_get(ev, "contradictions");
  int date_c = 0, dur_c = 0;
  size_t i;
  json_t *x;
  json_array_foreach(c, i, x) {
    const char *k = json_string_value(json_object_get(x, "kind"));
    if (!strcmp(k, "date")) {
      date_c = 1;
      CHECK_INT_EQ(json_array_size(json_object_get(x, "values")), 2);
    }
    if (!strcmp(k, "duration")) dur_c = 1; /* 30 vs 90 exact minutes */
  }
  CHECK(date_c);
  CHECK(dur_c);
  CHECK_STR_EQ(json_string_value(json_object_get(ev, "date")), "2025-03-01");
  json_decref(ev);
  json_decref(in);
}

WT_TEST(reconcile_order_does_not_matter) {
  json_t *in = rec_fixture("reconcile_call_first.json");
  REQUIRE(in != NULL);
  json_t *v[3] = {json_array_get(in, 0), json_array_get(in, 1), json_array_get(in, 2)};
  json_t *a = wt_reconcile_event(v, 3);
  json_t *w[3] = {v[2], v[0], v[1]};
  json_t *b = wt_reconcile_event(w, 3);
  char *sa = json_dumps(a, JSON_SORT_KEYS), *sb = json_dumps(b, JSON_SORT_KEYS);
  CHECK(sa && sb && strcmp(sa, sb) == 0);
  free(sa);
  free(sb);
  json_decref(a);
  json_decref(b);
  json_decref(in);
}

WT_TEST(reconcile_survives_odd_input) {
  const char *odd =
      "[1, \"x\", null, [], {}, {\"id\":\"7\",\"body\":5,\"frame\":[],\"figures\":{},"
      "\"quotes\":[1,{\"text\":3}],\"sources\":[null,{\"name\":[]}]},"
      "{\"id\":8,\"frame\":{\"date\":\"2025\",\"date_conf\":\"high\","
      "\"participants\":[{},{\"id\":1},{\"name\":\"Solo\"}],\"places\":[{\"text\":{}},{}],"
      "\"duration_minutes\":-5},\"figures\":[{\"kind\":\"money\",\"value\":\"1\"},"
      "{\"kind\":\"count\",\"value\":1e308,\"unit\":\"orang\"}],"
      "\"body\":\"Satu. Dua! Tiga? ...\\n\\n\\u00e9\\u00e9\\u00e9 kalimat yang cukup panjang "
      "untuk dihitung di sini.\"}]";
  json_t *in = json_loads(odd, 0, NULL);
  REQUIRE(in != NULL);
  json_t *ev = rec_run(in);
  REQUIRE(ev != NULL);
  CHECK(json_is_null(json_object_get(ev, "date")));
  CHECK(json_is_array(json_object_get(ev, "facts")));
  json_decref(ev);
  ev = wt_reconcile_event(NULL, 0);
  REQUIRE(ev != NULL);
  CHECK(json_is_null(json_object_get(ev, "headline")));
  CHECK_INT_EQ(json_array_size(json_object_get(ev, "summary")), 0);
  json_decref(ev);
  json_decref(in);
}
