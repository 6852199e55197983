/*
 * test_store_api.c - the store through the public API: buffer ingest
 * results (stored, duplicate, rejected), reopening a store restores the
 * cluster index (new articles still join existing events), and lookups.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "warta.h"

static const char feed[] =
    "{\"id\":\"b-1\",\"title\":\"Banjir Rendam Bekasi\",\"outlet\":\"Satu\","
    "\"published\":\"2025-01-20T08:00:00+07:00\",\"text\":\"Banjir setinggi "
    "1,5 meter merendam 350 rumah di Bekasi Timur pada Senin (20/1/2025). "
    "Kepala BPBD Kota Bekasi Ahmad Fauzi mengatakan 120 warga mengungsi.\"}\n"
    "{\"id\":\"b-2\",\"title\":\"rusak\",\"text\":\n"
    "{\"id\":\"b-3\",\"title\":\"Warga Bekasi Mengungsi\",\"outlet\":\"Dua\","
    "\"published\":\"2025-01-20T10:00:00+07:00\",\"text\":\"Sebanyak 120 "
    "warga Bekasi Timur mengungsi karena banjir 1,5 meter yang merendam 350 "
    "rumah, Senin (20/1/2025), kata Kepala BPBD Kota Bekasi Ahmad Fauzi.\"}\n";

WT_TEST(store_api_buffer_results_and_reopen) {
  char db[700];
  snprintf(db, sizeof db, "%s/api.db", wt_test_tmpdir());
  warta_options o = {.db_path = db};
  warta *w = NULL;
  char *err = NULL;
  REQUIRE(warta_open(&o, &w, &err) == WARTA_OK);
  warta_ingest_stats st;
  char *res = NULL;
  int rc = warta_ingest_buffer(w, "body", feed, strlen(feed), NULL, &st, &res);
  CHECK_INT_EQ(rc, WARTA_EINPUT);
  CHECK_INT_EQ(st.read, 3);
  CHECK_INT_EQ(st.stored, 2);
  CHECK_INT_EQ(st.failed, 1);
  json_t *arr = res ? json_loads(res, 0, NULL) : NULL;
  warta_free(res);
  REQUIRE(json_array_size(arr) == 3);
  json_t *r0 = json_array_get(arr, 0), *r1 = json_array_get(arr, 1);
  CHECK_INT_EQ(json_integer_value(json_object_get(r0, "id")), 1);
  CHECK(json_integer_value(json_object_get(r0, "event")) > 0);
  CHECK(json_is_string(json_object_get(r1, "error")));
  CHECK_STR_EQ(json_string_value(json_object_get(r1, "origin")), "body:2");
  json_decref(arr);
  warta_close(w);

  /* reopen: duplicates are recognised, the index is restored */
  REQUIRE(warta_open(&o, &w, &err) == WARTA_OK);
  rc = warta_ingest_buffer(w, "again", feed, strlen(feed), NULL, &st, &res);
  CHECK_INT_EQ(st.duplicates, 2);
  CHECK_INT_EQ(st.stored, 0);
  arr = res ? json_loads(res, 0, NULL) : NULL;
  warta_free(res);
  CHECK(json_is_true(json_object_get(json_array_get(arr, 0), "duplicate")));
  json_decref(arr);
  char *js = NULL;
  CHECK_INT_EQ(warta_article(w, "b-3", &js), WARTA_OK);
  json_t *a = js ? json_loads(js, 0, NULL) : NULL;
  CHECK_INT_EQ(json_integer_value(json_object_get(a, "id")), 2);
  json_decref(a);
  warta_free(js);
  CHECK_INT_EQ(warta_article(w, "nope", &js), WARTA_ENOTFOUND);
  CHECK_INT_EQ(warta_event(w, "0", &js), WARTA_EUSAGE);
  CHECK_INT_EQ(warta_event(w, "424242", &js), WARTA_ENOTFOUND);
  CHECK_INT_EQ(warta_search(w, "  ", 5, &js), WARTA_EUSAGE);
  CHECK_INT_EQ(warta_entity(w, "No Such Person", &js), WARTA_ENOTFOUND);
  CHECK_INT_EQ(warta_recluster(w), WARTA_OK);
  char *ev = NULL;
  CHECK_INT_EQ(warta_events(w, NULL, &ev), WARTA_OK);
  CHECK(ev && strchr(ev, '\n'));
  warta_free(ev);
  warta_close(w);

  o.read_only = 1;
  REQUIRE(warta_open(&o, &w, &err) == WARTA_OK);
  CHECK_INT_EQ(warta_recluster(w), WARTA_EUSAGE);
  warta_close(w);
}
