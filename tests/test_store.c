/*
 * test_store.c - the SQLite store on its own: migrations from an empty
 * file, reopening, batch transactions, the content-hash identity, event
 * assignments and redirects, dirty tracking and the full-text index.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "harness.h"
#include "store/store.h"

static wt_store *open_tmp(const char *name, int ro) {
  char path[600], err[600];
  snprintf(path, sizeof path, "%s/%s", wt_test_tmpdir(), name);
  wt_store *s = wt_store_open(path, ro, NULL, NULL, err, sizeof err);
  if (!s) fprintf(stderr, "    open: %s\n", err);
  return s;
}

static int64_t one_int(wt_store *s, const char *sql) {
  sqlite3_stmt *st;
  int64_t v = -1;
  if (sqlite3_prepare_v2(wt_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
    return -2;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int64_t put(wt_store *s, int i) {
  char hash[17], ext[32], body[128], title[64];
  snprintf(hash, sizeof hash, "%016x", 0xabc000 + i);
  snprintf(ext, sizeof ext, "page-%d", i);
  snprintf(title, sizeof title, "Judul berita nomor %d", i);
  snprintf(body, sizeof body,
           "Presiden bertemu menteri pada hari ke-%d di Jakarta.", i);
  wt_store_entity ents[] = {{"Q3630", "Jakarta", "place", 1},
                            {"x:Menteri", "Menteri", "person", 2}};
  wt_store_article a = {.ext_id = ext,
                        .origin = ext,
                        .title = title,
                        .outlet = "Contoh",
                        .published_day = wt_days_from_civil(2025, 1, 21),
                        .lang = "id",
                        .format = "text",
                        .hash = hash,
                        .raw = body,
                        .raw_len = strlen(body),
                        .body = body,
                        .doc_json = "{}",
                        .features = "{}",
                        .ents = ents,
                        .n_ents = 2};
  return wt_store_article_insert(s, &a);
}

WT_TEST(store_migrates_from_empty) {
  wt_store *s = open_tmp("a.db", 0);
  REQUIRE(s);
  CHECK_INT_EQ(wt_store_version(s), wt_store_schema_version());
  CHECK(wt_store_schema_version() >= 1);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM sqlite_master WHERE name IN"
                          " ('articles','events','article_entities',"
                          "'event_redirects','article_fts')"),
               5);
  sqlite3_stmt *st;
  REQUIRE(sqlite3_prepare_v2(wt_store_db(s), "PRAGMA journal_mode", -1, &st,
                             NULL) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK_STR_EQ((const char *)sqlite3_column_text(st, 0), "wal");
  sqlite3_finalize(st);
  CHECK_INT_EQ(one_int(s, "PRAGMA foreign_keys"), 1);
  wt_store_close(s);
}

WT_TEST(store_reopen_keeps_rows_and_schema) {
  wt_store *s = open_tmp("b.db", 0);
  REQUIRE(s);
  REQUIRE(wt_store_begin(s) == 0);
  CHECK_INT_EQ(wt_store_next_id(s), 1);
  CHECK_INT_EQ(put(s, 1), 1);
  CHECK_INT_EQ(wt_store_next_id(s), 2);
  REQUIRE(wt_store_commit(s) == 0);
  wt_store_close(s);

  s = open_tmp("b.db", 0); /* migration is a no-op the second time */
  REQUIRE(s);
  CHECK_INT_EQ(wt_store_version(s), wt_store_schema_version());
  CHECK_INT_EQ(wt_store_find_hash(s, "0000000000abc001"), 1);
  CHECK_INT_EQ(wt_store_find_hash(s, "00000000deadbeef"), 0);
  CHECK_INT_EQ(wt_store_article_lookup(s, "page-1"), 1);
  CHECK_INT_EQ(wt_store_article_lookup(s, "1"), 1);
  CHECK_INT_EQ(wt_store_article_lookup(s, "page-9"), 0);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM article_entities"), 2);
  wt_store_close(s);

  s = open_tmp("b.db", 1); /* read-only */
  REQUIRE(s);
  CHECK_INT_EQ(wt_store_find_hash(s, "0000000000abc001"), 1);
  wt_store_close(s);
}

WT_TEST(store_readonly_refuses_missing_and_newer) {
  CHECK(open_tmp("missing.db", 1) == NULL);
  wt_store *s = open_tmp("c.db", 0);
  REQUIRE(s);
  REQUIRE(sqlite3_exec(wt_store_db(s), "PRAGMA user_version=999", NULL, NULL,
                       NULL) == SQLITE_OK);
  wt_store_close(s);
  CHECK(open_tmp("c.db", 0) == NULL); /* a newer schema is not touched */
}

WT_TEST(store_batch_commit_and_rollback) {
  wt_store *s = open_tmp("d.db", 0);
  REQUIRE(s);
  REQUIRE(wt_store_begin(s) == 0);
  for (int i = 0; i < 10; i++) CHECK(put(s, i) > 0);
  wt_store_rollback(s);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM articles"), 0);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM article_entities"), 0);

  REQUIRE(wt_store_begin(s) == 0);
  for (int i = 0; i < 10; i++) CHECK(put(s, i) > 0);
  CHECK(put(s, 3) < 0); /* same content hash: refused */
  REQUIRE(wt_store_commit(s) == 0);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM articles"), 10);
  CHECK_INT_EQ(one_int(s, "SELECT count(DISTINCT content_hash) FROM articles"),
               10);
  sqlite3_stmt *st;
  REQUIRE(sqlite3_prepare_v2(wt_store_db(s), "PRAGMA integrity_check", -1,
                             &st, NULL) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK_STR_EQ((const char *)sqlite3_column_text(st, 0), "ok");
  sqlite3_finalize(st);
  wt_store_close(s);
}

WT_TEST(store_events_assign_redirect_dirty) {
  wt_store *s = open_tmp("e.db", 0);
  REQUIRE(s);
  REQUIRE(wt_store_begin(s) == 0);
  for (int i = 1; i <= 4; i++) REQUIRE(put(s, i) == i);
  CHECK(wt_store_assign(s, 1, 1) == 0);
  CHECK(wt_store_assign(s, 2, 1) == 0);
  CHECK(wt_store_assign(s, 3, 2) == 0);
  CHECK(wt_store_assign(s, 4, 3) == 0);
  REQUIRE(wt_store_commit(s) == 0);

  int64_t *ids;
  size_t n;
  REQUIRE(wt_store_dirty_events(s, &ids, &n) == 0);
  CHECK_INT_EQ(n, 3);
  for (size_t i = 0; i < n; i++) {
    wt_store_event e = {.id = ids[i], .day = WT_NO_DAY,
                        .duration_minutes = -1, .n_articles = 1};
    CHECK(wt_store_event_update(s, &e) == 0);
  }
  free(ids);
  REQUIRE(wt_store_dirty_events(s, &ids, &n) == 0);
  CHECK_INT_EQ(n, 0);
  free(ids);

  /* event 2 merges into 1: both become dirty, 2 resolves to 1 */
  REQUIRE(wt_store_begin(s) == 0);
  CHECK(wt_store_assign(s, 3, 1) == 0);
  CHECK(wt_store_redirect(s, 2, 1) == 0);
  CHECK(wt_store_redirect(s, 3, 2) == 0);
  REQUIRE(wt_store_commit(s) == 0);
  CHECK_INT_EQ(wt_store_event_resolve(s, 2), 1);
  CHECK_INT_EQ(wt_store_event_resolve(s, 3), 1);
  CHECK_INT_EQ(wt_store_event_resolve(s, 1), 1);
  REQUIRE(wt_store_dirty_events(s, &ids, &n) == 0);
  CHECK_INT_EQ(n, 3);
  free(ids);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM articles WHERE event_id=1"), 3);
  REQUIRE(wt_store_begin(s) == 0);
  CHECK(wt_store_unredirect(s, 2) == 0);
  REQUIRE(wt_store_commit(s) == 0);
  CHECK_INT_EQ(wt_store_event_resolve(s, 2), 2);
  CHECK_INT_EQ(wt_store_event_resolve(s, 3), 2);
  wt_store_close(s);
}

static int count_feat(void *ud, int64_t article, const char *json, size_t n,
                      int64_t event) {
  int *k = ud;
  (*k)++;
  return strcmp(json, "{}") == 0 && article == *k ? 0 : 1;
}

WT_TEST(store_features_walk_and_fts) {
  wt_store *s = open_tmp("f.db", 0);
  REQUIRE(s);
  REQUIRE(wt_store_begin(s) == 0);
  for (int i = 1; i <= 5; i++) REQUIRE(put(s, i) == i);
  REQUIRE(wt_store_commit(s) == 0);
  int k = 0;
  CHECK(wt_store_each_features(s, count_feat, &k) == 0);
  CHECK_INT_EQ(k, 5);
  CHECK_INT_EQ(one_int(s, "SELECT count(*) FROM article_fts WHERE article_fts"
                          " MATCH 'jakarta'"),
               5);
  CHECK_INT_EQ(one_int(s, "SELECT rowid FROM article_fts WHERE article_fts"
                          " MATCH '\"nomor 3\"'"),
               3);
  wt_store_close(s);
}
