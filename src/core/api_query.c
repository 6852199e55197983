/*
 * api_query.c - reading the store: events (filtered, paged), one event,
 * one article, why two articles pair, full-text search, entities and
 * timelines.  Every result is JSON (schema: docs/json.md) built with
 * jansson and handed to the caller as a malloc'd string.
 *
 * A writable handle first recomputes the facts of events left dirty (by a
 * crash or a concurrent writer); a read-only handle serves what is cached.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_int.h"
#include "calendar.h"

/* Columns every event summary is built from, in this order. */
#define EV_COLS                                                          \
  "e.id, e.day, e.type, e.participants_json, e.duration_minutes,"        \
  " e.n_articles, e.n_outlets, e.headline"
#define EV_SORT "coalesce(e.day, 2147483647)"
/* The newest-first key: unknown dates sort last going down as well. */
#define EV_SORT_DESC "coalesce(e.day, -2147483647)"
/* Articles read per entity timeline for the events they mention. */
#define TIMELINE_MAX_ARTICLES 2000

static int query_store_fail(warta *w) {
  return wt_api_fail(w, WARTA_ESTORE, "store: %s",
                     sqlite3_errmsg(wt_store_db(w->st)));
}

static sqlite3_stmt *query_prepare(warta *w, const char *sql) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(wt_store_db(w->st), sql, -1, &st, NULL) !=
      SQLITE_OK) {
    query_store_fail(w);
    return NULL;
  }
  return st;
}

static json_t *query_text(sqlite3_stmt *st, int col) {
  const char *s = (const char *)sqlite3_column_text(st, col);
  return s ? json_string(s) : json_null();
}

static json_t *query_day(sqlite3_stmt *st, int col) {
  return sqlite3_column_type(st, col) == SQLITE_NULL
             ? json_null()
             : wt_api_day_json(sqlite3_column_int(st, col));
}

/* Articles (external ids) and distinct outlets of an event. */
static void query_event_members(warta *w, int64_t ev, json_t *o,
                                int detailed) {
  sqlite3_stmt *st = query_prepare(
      w, "SELECT id, ext_id, outlet, title, published, url, lang,"
         " duplicate_of FROM articles WHERE event_id=?1 ORDER BY id");
  json_t *arts = json_array(), *outlets = json_array();
  json_t *latest = json_array(); /* per outlet: its latest `published` */
  if (st) {
    sqlite3_bind_int64(st, 1, ev);
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (detailed) {
        json_t *a = json_object();
        json_object_set_new(a, "id", json_integer(sqlite3_column_int64(st, 0)));
        json_object_set_new(a, "ext_id", query_text(st, 1));
        json_object_set_new(a, "outlet", query_text(st, 2));
        json_object_set_new(a, "title", query_text(st, 3));
        json_object_set_new(a, "published", query_text(st, 4));
        json_object_set_new(a, "url", query_text(st, 5));
        json_object_set_new(a, "language", query_text(st, 6));
        /* the index's view while the article is in the window, else
         * what ingest recorded */
        wt_clu *c = wt_api_cluster(w);
        int64_t aid = sqlite3_column_int64(st, 0);
        int64_t orig = c && wt_clu_event_of(c, aid)
                           ? wt_clu_duplicate_of(c, aid)
                           : sqlite3_column_int64(st, 7);
        if (orig > 0) json_object_set_new(a, "duplicate_of", json_integer(orig));
        json_array_append_new(arts, a);
      } else {
        json_array_append_new(arts, query_text(st, 1));
      }
      const char *out = (const char *)sqlite3_column_text(st, 2);
      if (!out) continue;
      const char *pub = (const char *)sqlite3_column_text(st, 4);
      size_t i;
      json_t *x;
      int seen = 0;
      json_array_foreach(outlets, i, x) {
        if (strcasecmp(json_string_value(x), out) != 0) continue;
        seen = 1;
        const char *had = json_string_value(json_array_get(latest, i));
        if (pub && (!had || strcmp(pub, had) > 0))
          json_array_set_new(latest, i, json_string(pub));
      }
      if (seen) continue;
      json_array_append_new(outlets, json_string(out));
      json_array_append_new(latest, pub ? json_string(pub) : json_null());
    }
    sqlite3_finalize(st);
  }
  json_object_set_new(o, "articles", arts);
  json_object_set_new(o, "outlets", outlets);
  json_object_set_new(o, "outlets_published", latest);
}

/* An event summary from a row whose first columns are EV_COLS. */
static json_t *query_event_obj(warta *w, sqlite3_stmt *st, int detailed) {
  json_t *o = json_object();
  int64_t id = sqlite3_column_int64(st, 0);
  json_object_set_new(o, "id", json_integer(id));
  json_object_set_new(o, "date", query_day(st, 1));
  json_object_set_new(o, "type", query_text(st, 2));
  const char *pj = (const char *)sqlite3_column_text(st, 3);
  json_t *parts = pj ? wt_api_load(pj, strlen(pj)) : NULL;
  json_object_set_new(o, "participants", parts ? parts : json_array());
  json_object_set_new(o, "duration_minutes",
                      sqlite3_column_type(st, 4) == SQLITE_NULL
                          ? json_null()
                          : json_integer(sqlite3_column_int(st, 4)));
  json_object_set_new(o, "headline", query_text(st, 7));
  json_object_set_new(o, "n_articles",
                      json_integer(sqlite3_column_int(st, 5)));
  json_object_set_new(o, "n_outlets", json_integer(sqlite3_column_int(st, 6)));
  query_event_members(w, id, o, detailed);
  return o;
}

/* ------------------------------------------------------------- events */

/* The user's words as FTS5 phrases: no query syntax reaches FTS5. */
static char *query_fts(const char *q) {
  wt_sb b;
  wt_sb_init(&b, 1 << 16);
  const char *p = q;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (!*p) break;
    wt_sb_adds(&b, b.len ? " \"" : "\"");
    for (; *p && *p != ' ' && *p != '\t' && *p != '\n'; p++) {
      if (*p == '"') wt_sb_addc(&b, '"');
      wt_sb_addc(&b, *p);
    }
    wt_sb_addc(&b, '"');
  }
  return wt_sb_take(&b);
}


int warta_events(warta *w, const warta_event_filter *f, char **jsonl) {
  static const warta_event_filter none;
  *jsonl = NULL;
  w->err[0] = '\0';
  if (!f) f = &none;
  int rc = wt_api_refresh_events(w, 1);
  if (rc != WARTA_OK) return rc;
  int32_t since = WT_NO_DAY, until = WT_NO_DAY;
  if (f->since && (since = wt_day_parse(f->since)) == WT_NO_DAY)
    return wt_api_fail(w, WARTA_EUSAGE, "bad date \"%s\" (want YYYY-MM-DD)",
                       f->since);
  if (f->until && (until = wt_day_parse(f->until)) == WT_NO_DAY)
    return wt_api_fail(w, WARTA_EUSAGE, "bad date \"%s\" (want YYYY-MM-DD)",
                       f->until);
  long long cur_day = 0, cur_id = 0;
  if (f->cursor && *f->cursor &&
      sscanf(f->cursor, "%lld:%lld", &cur_day, &cur_id) != 2)
    return wt_api_fail(w, WARTA_EUSAGE, "bad cursor \"%s\"", f->cursor);

  wt_sb sql;
  wt_sb_init(&sql, 1 << 16);
  const char *key = f->newest_first ? EV_SORT_DESC : EV_SORT;
  wt_sb_adds(&sql, "SELECT " EV_COLS ", ");
  wt_sb_adds(&sql, key);
  wt_sb_adds(&sql, " FROM events e"
                   " WHERE e.redirect_to IS NULL AND e.n_articles > 0");
  if (since != WT_NO_DAY) wt_sb_adds(&sql, " AND e.day >= ?1");
  if (until != WT_NO_DAY) wt_sb_adds(&sql, " AND e.day <= ?2");
  if (f->type) wt_sb_adds(&sql, " AND e.type = ?3");
  if (f->entity)
    wt_sb_adds(&sql, " AND EXISTS (SELECT 1 FROM articles a JOIN"
                     " article_entities ae ON ae.article_id = a.id"
                     " WHERE a.event_id = e.id AND (ae.entity_id = ?4"
                     " OR ae.name = ?4 COLLATE NOCASE))");
  if (f->outlet)
    wt_sb_adds(&sql, " AND EXISTS (SELECT 1 FROM articles a WHERE"
                     " a.event_id = e.id AND a.outlet = ?5 COLLATE NOCASE)");
  if (f->q)
    wt_sb_adds(&sql, " AND e.id IN (SELECT a.event_id FROM article_fts"
                     " JOIN articles a ON a.id = article_fts.rowid"
                     " WHERE article_fts MATCH ?6)");
  if (f->cursor && *f->cursor && f->newest_first)
    wt_sb_adds(&sql, " AND (" EV_SORT_DESC " < ?7 OR (" EV_SORT_DESC " = ?7"
                     " AND e.id < ?8))");
  else if (f->cursor && *f->cursor)
    wt_sb_adds(&sql, " AND (" EV_SORT " > ?7 OR (" EV_SORT " = ?7"
                     " AND e.id > ?8))");
  wt_sb_adds(&sql, f->newest_first ? " ORDER BY " EV_SORT_DESC " DESC, e.id DESC"
                                   : " ORDER BY " EV_SORT ", e.id");
  if (f->limit > 0) wt_sb_adds(&sql, " LIMIT ?9");
  sqlite3_stmt *st = query_prepare(w, sql.s);
  wt_sb_free(&sql);
  if (!st) return WARTA_ESTORE;
  char *fq = f->q ? query_fts(f->q) : NULL;
  sqlite3_bind_int(st, 1, since);
  sqlite3_bind_int(st, 2, until);
  if (f->type) sqlite3_bind_text(st, 3, f->type, -1, SQLITE_STATIC);
  if (f->entity) sqlite3_bind_text(st, 4, f->entity, -1, SQLITE_STATIC);
  if (f->outlet) sqlite3_bind_text(st, 5, f->outlet, -1, SQLITE_STATIC);
  if (fq) sqlite3_bind_text(st, 6, fq, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 7, cur_day);
  sqlite3_bind_int64(st, 8, cur_id);
  sqlite3_bind_int(st, 9, f->limit);

  wt_sb out;
  wt_sb_init(&out, WT_API_JSON_MAX);
  int k;
  while ((k = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *o = query_event_obj(w, st, 0);
    char cur[64];
    snprintf(cur, sizeof cur, "%lld:%lld",
             (long long)sqlite3_column_int64(st, 8),
             (long long)sqlite3_column_int64(st, 0));
    json_object_set_new(o, "cursor", json_string(cur));
    char *line = wt_api_dump(o);
    if (line) {
      wt_sb_adds(&out, line);
      wt_sb_addc(&out, '\n');
      free(line);
    }
  }
  sqlite3_finalize(st);
  free(fq);
  if (k != SQLITE_DONE) {
    wt_sb_free(&out);
    if (f->q) return wt_api_fail(w, WARTA_EUSAGE, "bad query \"%s\"", f->q);
    return query_store_fail(w);
  }
  if (out.toobig) {
    wt_sb_free(&out);
    return wt_api_fail(w, WARTA_ERR, "result too large; use limit");
  }
  *jsonl = wt_sb_take(&out);
  return WARTA_OK;
}

/* ------------------------------------------------------------ one event */

static int64_t query_parse_id(const char *s) {
  char *end;
  long long v = s ? strtoll(s, &end, 10) : 0;
  return s && *s && !*end && v > 0 ? v : 0;
}

int warta_event(warta *w, const char *event_id, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  int64_t asked = query_parse_id(event_id);
  if (!asked)
    return wt_api_fail(w, WARTA_EUSAGE, "bad event id \"%s\"",
                       event_id ? event_id : "");
  int rc = wt_api_refresh_events(w, 1);
  if (rc != WARTA_OK) return rc;
  int64_t id = wt_store_event_resolve(w->st, asked);
  if (id < 0) return query_store_fail(w);
  sqlite3_stmt *st = query_prepare(
      w, "SELECT " EV_COLS ", e.facts_json FROM events e"
         " WHERE e.id=?1 AND e.n_articles > 0");
  if (!st) return WARTA_ESTORE;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return wt_api_fail(w, WARTA_ENOTFOUND, "no event %s", event_id);
  }
  json_t *o = query_event_obj(w, st, 1);
  if (id != asked)
    json_object_set_new(o, "redirected_from", json_integer(asked));
  wt_clu *c = wt_api_cluster(w);
  int64_t story[64];
  size_t ns = c ? wt_clu_story(c, id, story, 64) : 0;
  json_t *sj = json_array();
  for (size_t i = 0; i < ns; i++) json_array_append_new(sj, json_integer(story[i]));
  json_object_set_new(o, "story", sj);
  const char *fj = (const char *)sqlite3_column_text(st, 8);
  json_t *facts = fj ? wt_api_load(fj, strlen(fj)) : NULL;
  sqlite3_finalize(st);
  /* reconciled parts, lifted to the top for readers */
  static const char *const lift[] = {"summary", "contradictions",
                                     "provenance", "place"};
  for (size_t i = 0; facts && i < sizeof lift / sizeof *lift; i++) {
    json_t *v = json_object_get(facts, lift[i]);
    if (v) json_object_set(o, lift[i], v);
  }
  json_object_set_new(o, "facts", facts ? facts : json_null());
  *json = wt_api_dump(o);
  return *json ? WARTA_OK : wt_api_fail(w, WARTA_ERR, "out of memory");
}

/* --------------------------------------------------------------- article */

static int64_t query_article_id(warta *w, const char *s) {
  if (!s || !*s) return 0;
  return wt_store_article_lookup(w->st, s);
}

int warta_article(warta *w, const char *article_id, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  int64_t id = query_article_id(w, article_id);
  if (id < 0) return query_store_fail(w);
  if (id == 0)
    return wt_api_fail(w, WARTA_ENOTFOUND, "no article %s",
                       article_id ? article_id : "");
  sqlite3_stmt *st = query_prepare(
      w, "SELECT d.doc_json, a.event_id, a.ingested_at, a.content_hash"
         " FROM articles a JOIN article_docs d ON d.article_id = a.id"
         " WHERE a.id=?1");
  if (!st) return WARTA_ESTORE;
  sqlite3_bind_int64(st, 1, id);
  json_t *o = NULL;
  if (sqlite3_step(st) == SQLITE_ROW) {
    o = wt_api_load((const char *)sqlite3_column_text(st, 0),
                    (size_t)sqlite3_column_bytes(st, 0));
    if (json_is_object(o)) {
      json_object_set_new(o, "id", json_integer(id));
      int64_t ev = wt_store_event_resolve(w->st, sqlite3_column_int64(st, 1));
      json_object_set_new(o, "event", ev > 0 ? json_integer(ev) : json_null());
      json_object_set_new(o, "ingested_at", query_text(st, 2));
      json_object_set_new(o, "content_hash", query_text(st, 3));
    }
  }
  sqlite3_finalize(st);
  if (!json_is_object(o)) {
    json_decref(o);
    return wt_api_fail(w, WARTA_ESTORE, "article %lld: unreadable record",
                       (long long)id);
  }
  *json = wt_api_dump(o);
  return WARTA_OK;
}

/* ------------------------------------------------------------------ why */

static json_t *query_article_brief(warta *w, int64_t id) {
  sqlite3_stmt *st = query_prepare(
      w, "SELECT ext_id, title, outlet, event_id FROM articles WHERE id=?1");
  json_t *o = json_object();
  json_object_set_new(o, "id", json_integer(id));
  if (st) {
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
      json_object_set_new(o, "ext_id", query_text(st, 0));
      json_object_set_new(o, "title", query_text(st, 1));
      json_object_set_new(o, "outlet", query_text(st, 2));
      int64_t ev = wt_store_event_resolve(w->st, sqlite3_column_int64(st, 3));
      json_object_set_new(o, "event", ev > 0 ? json_integer(ev) : json_null());
    }
    sqlite3_finalize(st);
  }
  return o;
}

/* wt_clu_why for articles out of the window: both restored from their
 * stored features into a scratch index (IDF over the two of them). */
static int query_why_stored(warta *w, int64_t a, int64_t b, wt_sb *out) {
  wt_clu *c = wt_clu_new();
  wt_arena *ar = wt_arena_new(0);
  sqlite3_stmt *st = query_prepare(
      w, "SELECT article_id, features FROM article_docs"
         " WHERE article_id IN (?1, ?2) AND features IS NOT NULL");
  int n = 0, rc = -1;
  if (c && ar && st) {
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    while (sqlite3_step(st) == SQLITE_ROW) {
      wt_clu_doc d;
      const char *js = (const char *)sqlite3_column_text(st, 1);
      if (js && wt_clu_doc_parse(js, (size_t)sqlite3_column_bytes(st, 1),
                                 sqlite3_column_int64(st, 0), ar, &d) == 0 &&
          wt_clu_restore(c, &d, sqlite3_column_int64(st, 0)) == 0)
        n++;
    }
    wt_sb_reset(out);
    if (n == 2 || (a == b && n == 1)) rc = wt_clu_why(c, a, b, out);
  }
  sqlite3_finalize(st);
  wt_arena_free(ar);
  wt_clu_free(c);
  return rc;
}

int warta_why(warta *w, const char *a, const char *b, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  int64_t ia = query_article_id(w, a), ib = query_article_id(w, b);
  if (ia < 0 || ib < 0) return query_store_fail(w);
  if (!ia || !ib)
    return wt_api_fail(w, WARTA_ENOTFOUND, "no article %s", !ia ? a : b);
  wt_clu *c = wt_api_cluster(w);
  if (!c) return WARTA_ESTORE;
  wt_sb sb;
  wt_sb_init(&sb, WT_API_JSON_MAX);
  int rc = wt_clu_why(c, ia, ib, &sb);
  if (rc != 0) rc = query_why_stored(w, ia, ib, &sb);
  json_t *why = rc == 0 ? wt_api_load(sb.s, sb.len) : NULL;
  wt_sb_free(&sb);
  if (!why)
    return wt_api_fail(w, WARTA_ENOTFOUND,
                       "no clustering features for %s and %s", a, b);
  json_t *o = json_object();
  json_t *ja = query_article_brief(w, ia), *jb = query_article_brief(w, ib);
  json_t *ea = json_object_get(ja, "event"), *eb = json_object_get(jb, "event");
  json_object_set_new(o, "a", ja);
  json_object_set_new(o, "b", jb);
  json_object_set_new(o, "same_event",
                      json_boolean(json_is_integer(ea) && json_equal(ea, eb)));
  json_object_set_new(o, "why", why);
  *json = wt_api_dump(o);
  return WARTA_OK;
}

/* --------------------------------------------------------------- search */

int warta_search(warta *w, const char *q, int limit, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  char *fq = q ? query_fts(q) : NULL;
  if (!fq || !*fq) {
    free(fq);
    return wt_api_fail(w, WARTA_EUSAGE, "empty query");
  }
  sqlite3_stmt *st = query_prepare(
      w, "SELECT a.id, a.ext_id, a.title, a.outlet, a.published, a.event_id,"
         " bm25(article_fts) AS score,"
         " snippet(article_fts, 1, '[', ']', '...', 16)"
         " FROM article_fts JOIN articles a ON a.id = article_fts.rowid"
         " WHERE article_fts MATCH ?1 ORDER BY score LIMIT ?2");
  if (!st) {
    free(fq);
    return WARTA_ESTORE;
  }
  sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, limit > 0 ? limit : 20);
  json_t *arts = json_array(), *events = json_array();
  int k;
  while ((k = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *a = json_object();
    int64_t ev = wt_store_event_resolve(w->st, sqlite3_column_int64(st, 5));
    json_object_set_new(a, "id", json_integer(sqlite3_column_int64(st, 0)));
    json_object_set_new(a, "ext_id", query_text(st, 1));
    json_object_set_new(a, "title", query_text(st, 2));
    json_object_set_new(a, "outlet", query_text(st, 3));
    json_object_set_new(a, "published", query_text(st, 4));
    json_object_set_new(a, "event", ev > 0 ? json_integer(ev) : json_null());
    /* bm25() is lower for better matches; report higher = better */
    json_object_set_new(a, "score", json_real(-sqlite3_column_double(st, 6)));
    json_object_set_new(a, "snippet", query_text(st, 7));
    json_array_append_new(arts, a);
    if (ev <= 0) continue;
    size_t i;
    json_t *x;
    int seen = 0;
    json_array_foreach(events, i, x) {
      if (json_integer_value(json_object_get(x, "id")) == ev) {
        json_t *h = json_object_get(x, "hits");
        json_integer_set(h, json_integer_value(h) + 1);
        seen = 1;
      }
    }
    if (seen) continue;
    sqlite3_stmt *es = query_prepare(
        w, "SELECT " EV_COLS " FROM events e WHERE e.id=?1");
    if (!es) continue;
    sqlite3_bind_int64(es, 1, ev);
    if (sqlite3_step(es) == SQLITE_ROW) {
      json_t *eo = query_event_obj(w, es, 0);
      json_object_set_new(eo, "hits", json_integer(1));
      json_array_append_new(events, eo);
    }
    sqlite3_finalize(es);
  }
  sqlite3_finalize(st);
  free(fq);
  if (k != SQLITE_DONE) {
    json_decref(arts);
    json_decref(events);
    return wt_api_fail(w, WARTA_EUSAGE, "bad query \"%s\": %s", q,
                       sqlite3_errmsg(wt_store_db(w->st)));
  }
  json_t *o = json_object();
  json_object_set_new(o, "query", json_string(q));
  json_object_set_new(o, "articles", arts);
  json_object_set_new(o, "events", events);
  *json = wt_api_dump(o);
  return WARTA_OK;
}

/* ---------------------------------------------------- entity, timeline */

/* The canonical id, name and type of an entity given by id or name. */
static json_t *query_entity_find(warta *w, const char *e) {
  sqlite3_stmt *st = query_prepare(
      w, "SELECT entity_id, name, type, count(DISTINCT article_id), sum(n)"
         " FROM article_entities WHERE entity_id=?1 OR name=?1 COLLATE NOCASE"
         " GROUP BY entity_id ORDER BY entity_id=?1 DESC,"
         " count(DISTINCT article_id) DESC LIMIT 1");
  if (!st) return NULL;
  sqlite3_bind_text(st, 1, e, -1, SQLITE_STATIC);
  json_t *o = NULL;
  if (sqlite3_step(st) == SQLITE_ROW) {
    o = json_object();
    json_object_set_new(o, "id", query_text(st, 0));
    json_object_set_new(o, "name", query_text(st, 1));
    json_object_set_new(o, "type", query_text(st, 2));
    json_object_set_new(o, "n_articles",
                        json_integer(sqlite3_column_int(st, 3)));
    json_object_set_new(o, "mentions", json_integer(sqlite3_column_int(st, 4)));
  }
  sqlite3_finalize(st);
  return o;
}

/* Live events whose articles name the entity, in date order. */
static json_t *query_entity_events(warta *w, const char *eid) {
  json_t *arr = json_array();
  sqlite3_stmt *st = query_prepare(
      w, "SELECT " EV_COLS " FROM events e WHERE e.redirect_to IS NULL"
         " AND e.n_articles > 0 AND e.id IN (SELECT a.event_id FROM articles a"
         " JOIN article_entities ae ON ae.article_id = a.id"
         " WHERE ae.entity_id = ?1) ORDER BY " EV_SORT ", e.id");
  if (!st) return arr;
  sqlite3_bind_text(st, 1, eid, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW)
    json_array_append_new(arr, query_event_obj(w, st, 0));
  sqlite3_finalize(st);
  return arr;
}

int warta_entity(warta *w, const char *entity, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  if (!entity || !*entity) return wt_api_fail(w, WARTA_EUSAGE, "no entity");
  int rc = wt_api_refresh_events(w, 1);
  if (rc != WARTA_OK) return rc;
  json_t *o = query_entity_find(w, entity);
  if (!o) return wt_api_fail(w, WARTA_ENOTFOUND, "no entity %s", entity);
  const char *eid = json_string_value(json_object_get(o, "id"));
  json_t *names = json_array();
  sqlite3_stmt *st = query_prepare(
      w, "SELECT DISTINCT name FROM article_entities WHERE entity_id=?1"
         " ORDER BY name");
  if (st) {
    sqlite3_bind_text(st, 1, eid, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
      json_array_append_new(names, query_text(st, 0));
    sqlite3_finalize(st);
  }
  json_object_set_new(o, "names", names);
  json_object_set_new(o, "events", query_entity_events(w, eid));
  *json = wt_api_dump(o);
  return WARTA_OK;
}

/* Does a frame (article JSON) name the entity among its participants? */
static int query_frame_has(json_t *frame, const char *eid) {
  size_t i;
  json_t *p;
  json_array_foreach(json_object_get(frame, "participants"), i, p) {
    const char *id = json_string_value(json_object_get(p, "id"));
    if (id && strcmp(id, eid) == 0) return 1;
  }
  return 0;
}

/* Secondary frames of the articles st yields (doc_json, ext_id) that
 * name the entity eid (any frame when eid is NULL), merged by (date,
 * type) through seen, appended to items with the articles that mention
 * them.  Finalizes st. */
static void query_mentioned_rows(sqlite3_stmt *st, const char *eid,
                                 json_t *seen, json_t *items) {
  while (sqlite3_step(st) == SQLITE_ROW) {
    json_t *doc = wt_api_load((const char *)sqlite3_column_text(st, 0),
                              (size_t)sqlite3_column_bytes(st, 0));
    const char *ext = (const char *)sqlite3_column_text(st, 1);
    size_t i;
    json_t *fr;
    json_array_foreach(json_object_get(doc, "secondary"), i, fr) {
      if (eid && !query_frame_has(fr, eid)) continue;
      const char *dv = json_string_value(json_object_get(fr, "date_value"));
      const char *ty = json_string_value(json_object_get(fr, "type"));
      char key[160];
      snprintf(key, sizeof key, "%s|%s", dv ? dv : "?", ty ? ty : "?");
      json_t *it = json_object_get(seen, key);
      if (!it) {
        it = json_object();
        json_object_set_new(it, "kind", json_string("mentioned"));
        json_t *date = json_object_get(fr, "date");
        json_object_set(it, "date", date ? date : json_null());
        json_object_set_new(it, "date_value", dv ? json_string(dv) : json_null());
        json_object_set_new(it, "type", ty ? json_string(ty) : json_null());
        json_t *sum = json_object_get(fr, "summary");
        json_object_set(it, "summary", sum ? sum : json_null());
        json_t *tense = json_object_get(fr, "tense");
        json_object_set(it, "tense", tense ? tense : json_integer(0));
        json_object_set_new(it, "articles", json_array());
        json_object_set_new(seen, key, it);
        json_array_append(items, it);
      }
      json_array_append_new(json_object_get(it, "articles"),
                            json_string(ext ? ext : ""));
    }
    json_decref(doc);
  }
  sqlite3_finalize(st);
}

/* Events mentioned in passing (secondary frames) naming the entity. */
static void query_mentioned(warta *w, const char *eid, json_t *items) {
  sqlite3_stmt *st = query_prepare(
      w, "SELECT d.doc_json, a.ext_id FROM articles a JOIN article_entities ae"
         " ON ae.article_id = a.id JOIN article_docs d ON d.article_id = a.id"
         " WHERE ae.entity_id = ?1 ORDER BY a.id LIMIT ?2");
  if (!st) return;
  sqlite3_bind_text(st, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, TIMELINE_MAX_ARTICLES);
  json_t *seen = json_object();
  query_mentioned_rows(st, eid, seen, items);
  json_decref(seen);
}

/* Events the articles of a story's events mention in passing (past and
 * future), each once. */
static void query_story_mentioned(warta *w, const int64_t *evs, size_t n,
                                  json_t *items) {
  json_t *seen = json_object();
  for (size_t i = 0; i < n; i++) {
    sqlite3_stmt *st = query_prepare(
        w, "SELECT d.doc_json, a.ext_id FROM articles a JOIN article_docs d"
           " ON d.article_id = a.id WHERE a.event_id = ?1 ORDER BY a.id"
           " LIMIT ?2");
    if (!st) break;
    sqlite3_bind_int64(st, 1, evs[i]);
    sqlite3_bind_int(st, 2, TIMELINE_MAX_ARTICLES);
    query_mentioned_rows(st, NULL, seen, items);
  }
  json_decref(seen);
}

/* An item's sort date: its day, else the TimeML value ("2025-07"). */
static const char *query_item_date(json_t *it) {
  const char *d = json_string_value(json_object_get(it, "date"));
  return d ? d : json_string_value(json_object_get(it, "date_value"));
}

static int query_item_cmp(const void *x, const void *y) {
  json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
  const char *da = query_item_date(a), *db = query_item_date(b);
  if (!da || !db) return da ? -1 : db ? 1 : 0;
  return strcmp(da, db);
}

/* Sort timeline items by date (unknown dates last), stably. */
static json_t *query_sorted(json_t *items) {
  size_t n = json_array_size(items);
  json_t **v = calloc(n + 1, sizeof *v);
  if (!v) abort();
  for (size_t i = 0; i < n; i++) v[i] = json_array_get(items, i);
  /* insertion sort keeps equal dates in arrival order; lists are short */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && query_item_cmp(&v[j - 1], &v[j]) > 0; j--) {
      json_t *t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  json_t *out = json_array();
  for (size_t i = 0; i < n; i++) json_array_append(out, v[i]);
  free(v);
  json_decref(items);
  return out;
}

int warta_timeline(warta *w, const char *entity_or_story, char **json) {
  *json = NULL;
  w->err[0] = '\0';
  const char *x = entity_or_story;
  if (!x || !*x) return wt_api_fail(w, WARTA_EUSAGE, "no entity or story");
  int rc = wt_api_refresh_events(w, 1);
  if (rc != WARTA_OK) return rc;
  json_t *ent = query_entity_find(w, x);
  json_t *items = json_array();
  json_t *o = json_object();
  if (ent) {
    const char *eid = json_string_value(json_object_get(ent, "id"));
    json_t *evs = query_entity_events(w, eid);
    size_t i;
    json_t *e;
    json_array_foreach(evs, i, e) {
      json_object_set_new(e, "kind", json_string("event"));
      json_array_append(items, e);
    }
    json_decref(evs);
    query_mentioned(w, eid, items);
    json_object_set_new(o, "entity", ent);
  } else {
    int64_t ev = query_parse_id(x);
    ev = ev ? wt_store_event_resolve(w->st, ev) : 0;
    wt_clu *c = ev > 0 ? wt_api_cluster(w) : NULL;
    if (!c) {
      json_decref(items);
      json_decref(o);
      return wt_api_fail(w, WARTA_ENOTFOUND, "no entity or event %s", x);
    }
    int64_t story[64];
    size_t n = wt_clu_story(c, ev, story, 63);
    story[n++] = ev;
    for (size_t i = 0; i < n; i++) {
      sqlite3_stmt *st = query_prepare(
          w, "SELECT " EV_COLS " FROM events e WHERE e.id=?1"
             " AND e.n_articles > 0");
      if (!st) break;
      sqlite3_bind_int64(st, 1, story[i]);
      if (sqlite3_step(st) == SQLITE_ROW) {
        json_t *e = query_event_obj(w, st, 0);
        json_object_set_new(e, "kind", json_string("event"));
        json_array_append_new(items, e);
      }
      sqlite3_finalize(st);
    }
    query_story_mentioned(w, story, n, items);
    json_object_set_new(o, "story", json_integer(ev));
  }
  json_object_set_new(o, "items", query_sorted(items));
  *json = wt_api_dump(o);
  return WARTA_OK;
}
