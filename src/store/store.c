/*
 * store.c - opening the SQLite store and every write warta makes to it.
 *
 * The connection runs in WAL mode with synchronous=NORMAL (a crash loses at
 * most the last transactions, never consistency), foreign keys on and a
 * busy timeout so a reader and a writer can share the file.  Statements
 * used per article are prepared once and reused.  Read-only handles never
 * migrate: they refuse a store that is missing or out of date.
 */
#include "store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/calendar.h"

enum {
  ST_FIND_HASH,
  ST_INSERT,
  ST_INSERT_DOC,
  ST_INSERT_ENT,
  ST_INSERT_FTS,
  ST_EVENT_OF,
  ST_EVENT_ENSURE,
  ST_EVENT_DIRTY,
  ST_ASSIGN,
  ST_REDIRECT,
  ST_REDIRECT_EV,
  ST_UNREDIRECT,
  ST_UNREDIRECT_EV,
  ST_RESOLVE,
  ST_EVENT_UPDATE,
  ST_LOOKUP_ID,
  ST_LOOKUP_EXT,
  ST_NEXT_ID,
  ST_COUNT
};

static const char *const store_sql[ST_COUNT] = {
    [ST_FIND_HASH] = "SELECT id FROM articles WHERE content_hash=?1",
    [ST_INSERT] =
        "INSERT INTO articles(ext_id, origin, url, title, outlet, published,"
        " published_day, lang, content_hash, format, id, clu_day, duplicate_of)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?11,?15,?16,?17)",
    [ST_INSERT_DOC] =
        "INSERT INTO article_docs(article_id, raw, body, doc_json, features)"
        " VALUES(?1,?2,?3,?4,?5)",
    [ST_INSERT_ENT] =
        "INSERT INTO article_entities(article_id, entity_id, name, type, n)"
        " VALUES(?1,?2,?3,?4,?5) ON CONFLICT(article_id, entity_id)"
        " DO UPDATE SET n = n + excluded.n",
    [ST_INSERT_FTS] =
        "INSERT INTO article_fts(rowid, title, body) VALUES(?1,?2,?3)",
    [ST_EVENT_OF] = "SELECT event_id FROM articles WHERE id=?1",
    [ST_EVENT_ENSURE] = "INSERT OR IGNORE INTO events(id) VALUES(?1)",
    [ST_EVENT_DIRTY] = "UPDATE events SET dirty=1 WHERE id=?1",
    [ST_ASSIGN] = "UPDATE articles SET event_id=?2 WHERE id=?1",
    [ST_REDIRECT] = "INSERT OR REPLACE INTO event_redirects(from_id, to_id)"
                    " VALUES(?1,?2)",
    [ST_REDIRECT_EV] = "UPDATE events SET redirect_to=?2, dirty=1 WHERE id=?1",
    [ST_UNREDIRECT] = "DELETE FROM event_redirects WHERE from_id=?1",
    [ST_UNREDIRECT_EV] = "UPDATE events SET redirect_to=NULL WHERE id=?1",
    [ST_RESOLVE] = "SELECT to_id FROM event_redirects WHERE from_id=?1",
    [ST_EVENT_UPDATE] =
        "UPDATE events SET day=?2, type=?3, participants_json=?4,"
        " duration_minutes=?5, n_articles=?6, n_outlets=?7, headline=?8,"
        " facts_json=?9, dirty=0,"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id=?1",
    [ST_LOOKUP_ID] = "SELECT id FROM articles WHERE id=?1",
    [ST_LOOKUP_EXT] = "SELECT max(id) FROM articles WHERE ext_id=?1",
    [ST_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM articles",
};

struct wt_store {
  sqlite3 *db;
  sqlite3_stmt *st[ST_COUNT];
  int read_only;
  char err[512];
};

static int store_fail(wt_store *s, const char *what) {
  snprintf(s->err, sizeof s->err, "%s: %s", what, sqlite3_errmsg(s->db));
  return -1;
}

/* The prepared statement `k`, reset and with bindings cleared. */
static sqlite3_stmt *store_stmt(wt_store *s, int k) {
  if (!s->st[k]) {
    if (sqlite3_prepare_v3(s->db, store_sql[k], -1, SQLITE_PREPARE_PERSISTENT,
                           &s->st[k], NULL) != SQLITE_OK) {
      store_fail(s, "prepare");
      return NULL;
    }
  } else {
    sqlite3_reset(s->st[k]);
    sqlite3_clear_bindings(s->st[k]);
  }
  return s->st[k];
}

/* Run a statement that returns no rows; 0 or -1. */
static int store_done(wt_store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return store_fail(s, what);
  return 0;
}

/* Run a statement that returns one integer (0 when no row), or -1. */
static int64_t store_int(wt_store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  int64_t v = 0;
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  else if (rc != SQLITE_DONE) {
    sqlite3_reset(st);
    return store_fail(s, what);
  }
  sqlite3_reset(st);
  return v;
}

static void store_text(sqlite3_stmt *st, int i, const char *v) {
  if (v)
    sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(st, i);
}

wt_store *wt_store_open(const char *path, int read_only, wt_store_lang_fn lang,
                        void *lang_ud, char *err, size_t errlen) {
  wt_store *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  s->read_only = read_only;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path,
             s->db ? sqlite3_errmsg(s->db) : "cannot open");
    goto fail;
  }
  sqlite3_busy_timeout(s->db, WT_STORE_BUSY_MS);
  sqlite3_extended_result_codes(s->db, 1);
  if (wt_store_fts_register(s->db, lang, lang_ud) != 0) {
    snprintf(err, errlen, "%s: cannot register the full-text tokenizer",
             path);
    goto fail;
  }
  char *msg = NULL;
  const char *pragmas = read_only ? "PRAGMA foreign_keys=ON;"
                                  : "PRAGMA journal_mode=WAL;"
                                    "PRAGMA synchronous=NORMAL;"
                                    "PRAGMA foreign_keys=ON;";
  if (sqlite3_exec(s->db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    goto fail;
  }
  if (!read_only) {
    if (wt_store_migrate(s->db, err, errlen) != 0) goto fail;
  } else if (wt_store_version(s) != wt_store_schema_version()) {
    snprintf(err, errlen, "%s: not a warta store of this version (schema %d)",
             path, wt_store_version(s));
    goto fail;
  }
  return s;
fail:
  wt_store_close(s);
  return NULL;
}

void wt_store_close(wt_store *s) {
  if (!s) return;
  for (int k = 0; k < ST_COUNT; k++) sqlite3_finalize(s->st[k]);
  sqlite3_close(s->db);
  free(s);
}

const char *wt_store_errmsg(const wt_store *s) { return s->err; }
sqlite3 *wt_store_db(wt_store *s) { return s->db; }

int wt_store_version(wt_store *s) {
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) !=
      SQLITE_OK)
    return -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int store_exec(wt_store *s, const char *sql) {
  if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return store_fail(s, sql);
  return 0;
}

int wt_store_begin(wt_store *s) { return store_exec(s, "BEGIN IMMEDIATE"); }
int wt_store_commit(wt_store *s) { return store_exec(s, "COMMIT"); }
void wt_store_rollback(wt_store *s) {
  if (!sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ------------------------------------------------------------ articles */

int64_t wt_store_find_hash(wt_store *s, const char *hash) {
  sqlite3_stmt *st = store_stmt(s, ST_FIND_HASH);
  if (!st) return -1;
  store_text(st, 1, hash);
  return store_int(s, st, "find hash");
}

int64_t wt_store_next_id(wt_store *s) {
  sqlite3_stmt *st = store_stmt(s, ST_NEXT_ID);
  return st ? store_int(s, st, "next id") : -1;
}

int64_t wt_store_article_insert(wt_store *s, const wt_store_article *a) {
  sqlite3_stmt *st = store_stmt(s, ST_INSERT);
  if (!st) return -1;
  store_text(st, 1, a->ext_id);
  store_text(st, 2, a->origin);
  store_text(st, 3, a->url);
  store_text(st, 4, a->title);
  store_text(st, 5, a->outlet);
  store_text(st, 6, a->published);
  if (a->published_day != WT_NO_DAY)
    sqlite3_bind_int(st, 7, a->published_day);
  store_text(st, 8, a->lang);
  store_text(st, 9, a->hash);
  store_text(st, 11, a->format);
  if (a->id > 0) sqlite3_bind_int64(st, 15, a->id);
  if (a->has_clu_day) sqlite3_bind_int(st, 16, a->clu_day);
  if (a->duplicate_of > 0) sqlite3_bind_int64(st, 17, a->duplicate_of);
  if (store_done(s, st, "insert article") != 0) return -1;
  int64_t id = sqlite3_last_insert_rowid(s->db);
  if (!(st = store_stmt(s, ST_INSERT_DOC))) return -1;
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_blob64(st, 2, a->raw ? a->raw : "", a->raw_len, SQLITE_STATIC);
  store_text(st, 3, a->body);
  store_text(st, 4, a->doc_json);
  store_text(st, 5, a->features);
  if (store_done(s, st, "insert article") != 0) return -1;

  for (size_t i = 0; i < a->n_ents; i++) {
    const wt_store_entity *e = &a->ents[i];
    if (!e->id || !e->name) continue;
    if (!(st = store_stmt(s, ST_INSERT_ENT))) return -1;
    sqlite3_bind_int64(st, 1, id);
    store_text(st, 2, e->id);
    store_text(st, 3, e->name);
    store_text(st, 4, e->type);
    sqlite3_bind_int(st, 5, e->n);
    if (store_done(s, st, "insert entity") != 0) return -1;
  }
  if (!(st = store_stmt(s, ST_INSERT_FTS))) return -1;
  sqlite3_bind_int64(st, 1, id);
  store_text(st, 2, a->title ? a->title : "");
  store_text(st, 3, a->body ? a->body : "");
  if (store_done(s, st, "index article") != 0) return -1;
  return id;
}

int64_t wt_store_article_lookup(wt_store *s, const char *id) {
  char *end;
  long long v = strtoll(id, &end, 10);
  if (*id && !*end && v > 0) {
    sqlite3_stmt *st = store_stmt(s, ST_LOOKUP_ID);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, v);
    int64_t r = store_int(s, st, "lookup article");
    if (r != 0) return r;
  }
  sqlite3_stmt *st = store_stmt(s, ST_LOOKUP_EXT);
  if (!st) return -1;
  store_text(st, 1, id);
  return store_int(s, st, "lookup article");
}

int wt_store_each_features(wt_store *s, wt_store_feat_fn fn, void *ud) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT a.id, d.features, a.event_id FROM articles a"
                         " JOIN article_docs d ON d.article_id = a.id"
                         " WHERE d.features IS NOT NULL ORDER BY a.id",
                         -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "read features");
  int rc, r = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *json = (const char *)sqlite3_column_text(st, 1);
    size_t n = (size_t)sqlite3_column_bytes(st, 1);
    r = fn(ud, sqlite3_column_int64(st, 0), json ? json : "", n,
           sqlite3_column_int64(st, 2));
    if (r) break;
  }
  if (!r && rc != SQLITE_DONE) r = store_fail(s, "read features");
  sqlite3_finalize(st);
  return r;
}

/* Walk rows (id, features, event, clu_day) of a prepared statement. */
static int store_walk(wt_store *s, sqlite3_stmt *st, wt_store_day_fn fn,
                      void *ud, const char *what) {
  int rc, r = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *json = (const char *)sqlite3_column_text(st, 1);
    size_t n = (size_t)sqlite3_column_bytes(st, 1);
    int32_t day = sqlite3_column_type(st, 3) == SQLITE_NULL
                      ? WT_NO_DAY
                      : sqlite3_column_int(st, 3);
    r = fn(ud, sqlite3_column_int64(st, 0), json ? json : "", n,
           sqlite3_column_int64(st, 2), day);
    if (r) break;
  }
  if (!r && rc != SQLITE_DONE) r = store_fail(s, what);
  sqlite3_finalize(st);
  return r;
}

int wt_store_each_recent(wt_store *s, int32_t min_day, wt_store_day_fn fn,
                         void *ud) {
  sqlite3_stmt *st;
  /* driven by the clu_day index: the events with a recent (or unknown)
   * day, all their articles, and the articles with no event */
  if (sqlite3_prepare_v2(
          s->db,
          "SELECT a.id, d.features, a.event_id, a.clu_day FROM articles a"
          " JOIN article_docs d ON d.article_id = a.id"
          " WHERE d.features IS NOT NULL AND a.id IN ("
          "  SELECT b.id FROM articles b WHERE b.event_id IN"
          "   (SELECT event_id FROM articles WHERE clu_day >= ?1"
          "    UNION SELECT event_id FROM articles WHERE clu_day IS NULL)"
          "  UNION SELECT id FROM articles WHERE event_id IS NULL)"
          " ORDER BY a.id",
          -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "read recent features");
  sqlite3_bind_int(st, 1, min_day);
  return store_walk(s, st, fn, ud, "read recent features");
}

int wt_store_each_of_event(wt_store *s, int64_t event, int limit,
                           wt_store_day_fn fn, void *ud) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(
          s->db,
          "SELECT * FROM (SELECT a.id, d.features, a.event_id, a.clu_day"
          " FROM articles a JOIN article_docs d ON d.article_id = a.id"
          " WHERE a.event_id = ?1 AND d.features IS NOT NULL"
          " ORDER BY a.id DESC LIMIT ?2) ORDER BY 1",
          -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "read event features");
  sqlite3_bind_int64(st, 1, event);
  sqlite3_bind_int(st, 2, limit);
  return store_walk(s, st, fn, ud, "read event features");
}

int wt_store_events_near(wt_store *s, int32_t lo, int32_t hi,
                         const char *const *ents, size_t n_ents, int need,
                         int scan, int64_t *out, size_t max) {
  char sql[1024];
  if (n_ents > 16) n_ents = 16;
  size_t len = (size_t)snprintf(
      sql, sizeof sql,
      "SELECT a.event_id, count(e.entity_id) c FROM"
      " (SELECT id, event_id FROM articles WHERE clu_day BETWEEN ?1 AND ?2"
      "  AND event_id IS NOT NULL LIMIT ?3) a"
      " LEFT JOIN article_entities e ON e.article_id = a.id"
      " AND e.entity_id IN (");
  for (size_t i = 0; i < n_ents; i++)
    len += (size_t)snprintf(sql + len, sizeof sql - len, "%s?%zu", i ? "," : "",
                            i + 4);
  snprintf(sql + len, sizeof sql - len,
           ") GROUP BY a.event_id HAVING c >= %d"
           " ORDER BY c DESC, a.event_id DESC LIMIT ?%zu",
           need ? 1 : 0, n_ents + 4);
  if (!max) return 0;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "find events");
  sqlite3_bind_int(st, 1, lo);
  sqlite3_bind_int(st, 2, hi);
  sqlite3_bind_int(st, 3, scan);
  for (size_t i = 0; i < n_ents; i++) store_text(st, (int)i + 4, ents[i]);
  sqlite3_bind_int64(st, (int)n_ents + 4, (sqlite3_int64)max);
  int rc, n = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW && (size_t)n < max)
    out[n++] = sqlite3_column_int64(st, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) n = store_fail(s, "find events");
  sqlite3_finalize(st);
  return n;
}

int wt_store_events_sharing(wt_store *s, const char *const *ents,
                            const double *w, size_t n_ents, int32_t lo,
                            int32_t hi, int per_entity, int64_t *out,
                            size_t max) {
  if (n_ents > 16) n_ents = 16;
  if (!max || !n_ents) return 0;
  /* per entity its newest postings on [lo, hi] (the entity index walked
   * backwards), then per event the weight of the distinct entities it
   * names, heaviest first, the most recent first among equals */
  char sql[4096];
  size_t len = (size_t)snprintf(
      sql, sizeof sql,
      "SELECT ev, sum(w) s, max(d) d FROM (SELECT a.event_id ev, x.k k,"
      " max(x.w) w, max(a.clu_day) d FROM (");
  for (size_t i = 0; i < n_ents; i++)
    len += (size_t)snprintf(
        sql + len, sizeof sql - len,
        "%sSELECT * FROM (SELECT e.article_id id, %zu k, ?%zu w"
        " FROM article_entities e JOIN articles b ON b.id = e.article_id"
        " WHERE e.entity_id = ?%zu AND b.clu_day BETWEEN ?1 AND ?2"
        " AND b.event_id IS NOT NULL ORDER BY e.article_id DESC LIMIT ?3)",
        i ? " UNION ALL " : "", i, 2 * i + 5, 2 * i + 4);
  snprintf(sql + len, sizeof sql - len,
           ") x JOIN articles a ON a.id = x.id GROUP BY a.event_id, x.k)"
           " GROUP BY ev ORDER BY s DESC, d DESC, ev DESC LIMIT ?%zu",
           2 * n_ents + 4);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "find events");
  sqlite3_bind_int(st, 1, lo);
  sqlite3_bind_int(st, 2, hi);
  sqlite3_bind_int(st, 3, per_entity);
  for (size_t i = 0; i < n_ents; i++) {
    store_text(st, (int)(2 * i + 4), ents[i]);
    sqlite3_bind_double(st, (int)(2 * i + 5), w ? w[i] : 1.0);
  }
  sqlite3_bind_int64(st, (int)(2 * n_ents + 4), (sqlite3_int64)max);
  int rc, n = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW && (size_t)n < max)
    out[n++] = sqlite3_column_int64(st, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) n = store_fail(s, "find events");
  sqlite3_finalize(st);
  return n;
}

int32_t wt_store_newest_day(wt_store *s) {
  sqlite3_stmt *st;
  int32_t day = WT_NO_DAY;
  if (sqlite3_prepare_v2(s->db, "SELECT max(clu_day) FROM articles", -1, &st,
                         NULL) != SQLITE_OK)
    return WT_NO_DAY;
  if (sqlite3_step(st) == SQLITE_ROW &&
      sqlite3_column_type(st, 0) != SQLITE_NULL)
    day = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return day;
}

int64_t wt_store_max_event(wt_store *s) {
  sqlite3_stmt *st;
  int64_t mx = 0;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT max(coalesce((SELECT max(id) FROM events), 0),"
                         " coalesce((SELECT max(from_id) FROM event_redirects), 0))",
                         -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, "max event");
  if (sqlite3_step(st) == SQLITE_ROW) mx = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return mx;
}

/* -------------------------------------------------------------- events */

static int store_event_touch(wt_store *s, int64_t event) {
  sqlite3_stmt *st = store_stmt(s, ST_EVENT_ENSURE);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, event);
  if (store_done(s, st, "create event") != 0) return -1;
  if (!(st = store_stmt(s, ST_EVENT_DIRTY))) return -1;
  sqlite3_bind_int64(st, 1, event);
  return store_done(s, st, "mark event");
}

int wt_store_assign(wt_store *s, int64_t article, int64_t event) {
  sqlite3_stmt *st = store_stmt(s, ST_EVENT_OF);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, article);
  int64_t old = store_int(s, st, "event of");
  if (old < 0) return -1;
  if (old == event) return 0;
  if (old > 0 && store_event_touch(s, old) != 0) return -1;
  if (event > 0 && store_event_touch(s, event) != 0) return -1;
  if (!(st = store_stmt(s, ST_ASSIGN))) return -1;
  sqlite3_bind_int64(st, 1, article);
  if (event > 0)
    sqlite3_bind_int64(st, 2, event);
  else
    sqlite3_bind_null(st, 2);
  return store_done(s, st, "assign event");
}

int wt_store_redirect(wt_store *s, int64_t from, int64_t to) {
  if (from == to || from <= 0 || to <= 0) return 0;
  if (store_event_touch(s, from) != 0 || store_event_touch(s, to) != 0)
    return -1;
  sqlite3_stmt *st = store_stmt(s, ST_REDIRECT);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, from);
  sqlite3_bind_int64(st, 2, to);
  if (store_done(s, st, "redirect event") != 0) return -1;
  if (!(st = store_stmt(s, ST_REDIRECT_EV))) return -1;
  sqlite3_bind_int64(st, 1, from);
  sqlite3_bind_int64(st, 2, to);
  return store_done(s, st, "redirect event");
}

int wt_store_unredirect(wt_store *s, int64_t id) {
  sqlite3_stmt *st = store_stmt(s, ST_UNREDIRECT);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  if (store_done(s, st, "unredirect event") != 0) return -1;
  if (!(st = store_stmt(s, ST_UNREDIRECT_EV))) return -1;
  sqlite3_bind_int64(st, 1, id);
  return store_done(s, st, "unredirect event");
}

int64_t wt_store_event_resolve(wt_store *s, int64_t id) {
  /* Redirect chains are short; the hop cap guards against a cycle. */
  for (int hop = 0; hop < 64 && id > 0; hop++) {
    sqlite3_stmt *st = store_stmt(s, ST_RESOLVE);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int64_t to = store_int(s, st, "resolve event");
    if (to < 0) return -1;
    if (to == 0) break;
    id = to;
  }
  return id;
}

int wt_store_dirty_events(wt_store *s, int64_t **ids, size_t *n) {
  sqlite3_stmt *st;
  *ids = NULL;
  *n = 0;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT id FROM events WHERE dirty ORDER BY id", -1,
                         &st, NULL) != SQLITE_OK)
    return store_fail(s, "dirty events");
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 64;
      int64_t *nv = realloc(*ids, cap * sizeof **ids);
      if (!nv) abort();
      *ids = nv;
    }
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(*ids);
    *ids = NULL;
    *n = 0;
    return store_fail(s, "dirty events");
  }
  return 0;
}

int wt_store_event_update(wt_store *s, const wt_store_event *e) {
  sqlite3_stmt *st = store_stmt(s, ST_EVENT_UPDATE);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, e->id);
  if (e->day != WT_NO_DAY) sqlite3_bind_int(st, 2, e->day);
  store_text(st, 3, e->type);
  store_text(st, 4, e->participants_json ? e->participants_json : "[]");
  if (e->duration_minutes >= 0) sqlite3_bind_int(st, 5, e->duration_minutes);
  sqlite3_bind_int(st, 6, e->n_articles);
  sqlite3_bind_int(st, 7, e->n_outlets);
  store_text(st, 8, e->headline);
  store_text(st, 9, e->facts_json);
  return store_done(s, st, "update event");
}
