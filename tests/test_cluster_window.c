/*
 * test_cluster_window.c - the cluster window through the API: a store
 * opens with its active window only, frozen articles are answered from
 * the store, and a late article reaches its frozen event.
 *
 * Uses the cluster-set holdout pages (tests/fixtures/cluster-set/holdout:
 * January to November 2025, so most events are older than the window).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/api_int.h"
#include "harness.h"

/* Id and stored event of the article whose origin ends with `tail`. */
static int64_t cw_article(warta *w, const char *tail, int64_t *event) {
  sqlite3_stmt *st;
  int64_t id = 0;
  *event = 0;
  if (sqlite3_prepare_v2(wt_store_db(w->st),
                         "SELECT id, event_id FROM articles WHERE origin LIKE"
                         " '%/' || ?1",
                         -1, &st, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text(st, 1, tail, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) {
    id = sqlite3_column_int64(st, 0);
    *event = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  return id;
}

WT_TEST(cluster_window_api_restores_window_and_thaws_late) {
  char root[1024], db[700], page[1100];
  wt_test_src("tests/fixtures/cluster-set/holdout", root, sizeof root);
  snprintf(db, sizeof db, "%s/win.db", wt_test_tmpdir());
  warta_options o = {.db_path = db};
  warta *w = NULL;
  char *err = NULL;
  REQUIRE(warta_open(&o, &w, &err) == WARTA_OK);
  const char *paths[] = {root};
  warta_ingest_stats st;
  int rc = warta_ingest_paths(w, paths, 1, NULL, &st);
  REQUIRE(rc == WARTA_OK || rc == WARTA_EINPUT); /* labels.json, README */
  REQUIRE(st.stored >= 50);
  warta_close(w);

  REQUIRE(warta_open(&o, &w, &err) == WARTA_OK);
  int64_t ev_old = 0, ev_new = 0;
  int64_t old = cw_article(w, "antara/bpbd-dki-banjir-surut-imlek.txt", &ev_old);
  int64_t recent = cw_article(w, "australia-indonesia-security-treaty-sydney.txt", &ev_new);
  REQUIRE(old > 0 && recent > 0 && ev_old > 0 && ev_new > 0);
  wt_clu *c = wt_api_cluster(w);
  REQUIRE(c != NULL);
  /* only the window was restored; the store answers for the rest */
  CHECK_INT_EQ(wt_clu_event_of(c, old), 0);
  CHECK_INT_EQ(wt_clu_event_of(c, recent), ev_new);
  CHECK_INT_EQ(wt_api_event_of(w, old), ev_old);
  char *js = NULL;
  char a[32], b[32];
  snprintf(a, sizeof a, "%lld", (long long)old);
  snprintf(b, sizeof b, "%lld", (long long)cw_article(w, "detik/banjir-jakarta-imlek-rt-terendam.txt", &ev_new));
  CHECK_INT_EQ(warta_why(w, a, b, &js), WARTA_OK); /* both frozen */
  warta_free(js);

  /* a late near copy of the old page reaches its frozen event */
  snprintf(page, sizeof page, "%s/antara/bpbd-dki-banjir-surut-imlek.txt", root);
  size_t n = 0;
  char *text = wt_test_slurp(page, &n);
  REQUIRE(text != NULL);
  char *copy = malloc(n + 64);
  REQUIRE(copy != NULL);
  memcpy(copy, text, n);
  n += (size_t)snprintf(copy + n, 64, "\nBaca juga: berita lainnya.\n");
  char *res = NULL;
  rc = warta_ingest_buffer(w, "late.txt", copy, n, NULL, &st, &res);
  free(copy);
  free(text);
  CHECK_INT_EQ(rc, WARTA_OK);
  json_t *arr = res ? json_loads(res, 0, NULL) : NULL;
  warta_free(res);
  json_t *r0 = json_array_get(arr, 0);
  CHECK_INT_EQ(json_integer_value(json_object_get(r0, "event")), ev_old);
  int64_t late = json_integer_value(json_object_get(r0, "id"));
  json_decref(arr);
  /* the thawed event stays live for a grace of arrivals after it took
   * the late page (WT_API_GRACE_ARRIVALS), then freezes again */
  CHECK_INT_EQ(wt_clu_event_of(c, late), ev_old);
  sqlite3_stmt *q;
  REQUIRE(sqlite3_prepare_v2(wt_store_db(w->st),
                             "SELECT event_id, duplicate_of FROM articles"
                             " WHERE id=?1",
                             -1, &q, NULL) == SQLITE_OK);
  sqlite3_bind_int64(q, 1, late);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK_INT_EQ(sqlite3_column_int64(q, 0), ev_old);
  CHECK_INT_EQ(sqlite3_column_int64(q, 1), old);
  sqlite3_finalize(q);
  warta_close(w);
}
