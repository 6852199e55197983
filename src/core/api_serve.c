/*
 * api_serve.c - what the HTTP server (src/serve) needs beyond the query
 * API: noticing writes made through other connections (so long-lived
 * per-thread handles and response caches stay current), store health,
 * and the values the event filters can take.
 *
 * Invariant: a handle whose store changed under it drops its in-memory
 * cluster index before its next query (it is restored from the store on
 * next use), so a long-lived handle never serves a story from a stale
 * index.
 */
#include <stdlib.h>
#include <string.h>

#include "api_int.h"

int warta_sync(warta *w) {
  sqlite3_stmt *st = NULL;
  sqlite3 *db = wt_store_db(w->st);
  if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) !=
      SQLITE_OK)
    return wt_api_fail(w, WARTA_ESTORE, "store: %s", sqlite3_errmsg(db));
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  if (v < 0) return wt_api_fail(w, WARTA_ESTORE, "store: %s", sqlite3_errmsg(db));
  if (w->data_version == 0) { /* first call: nothing cached yet */
    w->data_version = v;
    return 0;
  }
  if (v == w->data_version) return 0;
  w->data_version = v;
  wt_api_cluster_reset(w);
  return 1;
}

static int64_t serve_count(warta *w, const char *sql) {
  sqlite3_stmt *st = NULL;
  int64_t n = -1;
  if (sqlite3_prepare_v2(wt_store_db(w->st), sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

int warta_health(warta *w, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  int64_t na = serve_count(w, "SELECT count(*) FROM articles");
  int64_t ne = serve_count(w, "SELECT count(*) FROM events"
                              " WHERE redirect_to IS NULL AND n_articles > 0");
  if (na < 0 || ne < 0)
    return wt_api_fail(w, WARTA_ESTORE, "store: %s",
                       sqlite3_errmsg(wt_store_db(w->st)));
  json_t *o = json_object();
  json_object_set_new(o, "status", json_string("ok"));
  json_object_set_new(o, "version", json_string(WARTA_VERSION));
  json_object_set_new(o, "articles", json_integer(na));
  json_object_set_new(o, "events", json_integer(ne));
  json_object_set_new(o, "read_only", json_boolean(w->read_only));
  *json = wt_api_dump(o);
  return *json ? WARTA_OK : wt_api_fail(w, WARTA_ERR, "out of memory");
}

/* [{key: value, "n": count}] from a two-column query. */
static json_t *serve_facet(warta *w, const char *sql, const char *key,
                           int limit) {
  json_t *arr = json_array();
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(wt_store_db(w->st), sql, -1, &st, NULL) != SQLITE_OK)
    return arr;
  sqlite3_bind_int(st, 1, limit);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *v = (const char *)sqlite3_column_text(st, 0);
    if (!v) continue;
    json_t *o = json_object();
    json_object_set_new(o, key, json_string(v));
    json_object_set_new(o, "n", json_integer(sqlite3_column_int64(st, 1)));
    json_array_append_new(arr, o);
  }
  sqlite3_finalize(st);
  return arr;
}

int warta_facets(warta *w, int limit, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  if (limit <= 0) limit = 50;
  json_t *o = json_object();
  json_object_set_new(
      o, "types",
      serve_facet(w,
                  "SELECT type, count(*) AS n FROM events WHERE redirect_to"
                  " IS NULL AND n_articles > 0 AND type IS NOT NULL"
                  " GROUP BY type ORDER BY n DESC, type LIMIT ?1",
                  "type", limit));
  json_object_set_new(
      o, "outlets",
      serve_facet(w,
                  "SELECT min(outlet), count(DISTINCT event_id) AS n"
                  " FROM articles WHERE outlet IS NOT NULL AND event_id IS NOT"
                  " NULL GROUP BY lower(outlet) ORDER BY n DESC, 1 LIMIT ?1",
                  "outlet", limit));
  *json = wt_api_dump(o);
  return *json ? WARTA_OK : wt_api_fail(w, WARTA_ERR, "out of memory");
}
