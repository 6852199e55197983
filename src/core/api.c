/*
 * api.c - the warta handle: opening the store, lazy loading of language
 * resources and of the cluster index, errors, and the cached summary of
 * each event (its reconciled facts).
 *
 * Invariants: the in-memory cluster index, when present, mirrors the
 * active window of the store (WT_API_WINDOW_DAYS: restored from stored
 * features and assignments of the recent events only, then kept in step
 * by ingest in the same transactions); the store answers for frozen
 * articles (wt_api_event_of) and brings frozen events back for a late
 * article (wt_api_cluster_thaw).  Any failed write drops the index so it
 * is rebuilt from the store on next use.  Resources load on first use, so
 * queries that need neither stemming nor the pipeline start at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reconcile/reconcile.h"
#include "api_int.h"
#include "calendar.h"

int wt_api_fail(warta *w, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(w->err, sizeof w->err, fmt, ap);
  va_end(ap);
  return code;
}

const char *warta_errmsg(const warta *w) { return w ? w->err : "no handle"; }
void warta_free(void *p) { free(p); }
const char *warta_version(void) { return WARTA_VERSION; }

const wt_resources *wt_api_resources(warta *w) {
  if (w->res_state == 0) {
    w->res_state = wt_resources_load(&w->res, w->res_err, sizeof w->res_err)
                       == 0 ? 1 : -1;
  }
  if (w->res_state < 0) {
    wt_api_fail(w, WARTA_ERR, "cannot load resources: %s", w->res_err);
    return NULL;
  }
  return &w->res;
}

/* The FTS tokenizer's access to the stemmer. */
static const wt_lang_res *api_lang(void *ud) {
  const wt_resources *r = wt_api_resources(ud);
  return r ? r->lang : NULL;
}

int warta_open(const warta_options *opt, warta **out, char **errmsg) {
  char err[600];
  *out = NULL;
  if (errmsg) *errmsg = NULL;
  warta *w = calloc(1, sizeof *w);
  if (!w) abort();
  const char *path = opt && opt->db_path ? opt->db_path : "warta.db";
  w->read_only = opt ? opt->read_only : 0;
  w->st = wt_store_open(path, w->read_only, api_lang, w, err, sizeof err);
  if (!w->st) {
    if (errmsg) *errmsg = strdup(err);
    free(w);
    return WARTA_ESTORE;
  }
  *out = w;
  return WARTA_OK;
}

void warta_close(warta *w) {
  if (!w) return;
  wt_clu_free(w->clu);
  wt_store_close(w->st);
  if (w->res_state == 1) wt_resources_free(&w->res);
  free(w);
}

/* ------------------------------------------------------- cluster index */

typedef struct api_restore {
  wt_clu *clu;
  wt_arena *a;
  wt_store *st;
  long bad;
  int thaw; /* a late arrival's thaw: already counted in the corpus df */
} api_restore;

static int api_restore_one(void *ud, int64_t article, const char *json,
                           size_t n, int64_t event, int32_t day) {
  api_restore *r = ud;
  wt_clu_doc d;
  wt_arena_reset(r->a);
  if (wt_clu_doc_parse(json, n, article, r->a, &d) != 0) {
    r->bad++; /* unreadable features: the article stays out of clustering */
    return 0;
  }
  if (event > 0) { /* a partly restored event may have left stale ids */
    int64_t live = wt_store_event_resolve(r->st, event);
    if (r->thaw)
      wt_clu_thaw(r->clu, &d, live > 0 ? live : event, day);
    else
      wt_clu_restore_at(r->clu, &d, live > 0 ? live : event, day);
  } else {
    wt_clu_add(r->clu, &d); /* assignment drained by the next ingest */
  }
  return 0;
}

wt_clu *wt_api_cluster(warta *w) {
  if (w->clu) return w->clu;
  api_restore r = {wt_clu_new(), wt_arena_new(0), w->st, 0, 0};
  if (!r.clu || !r.a) abort();
  /* only the active window: the events with an article aged by a day
   * within it (a week's margin for late inferred days), all their
   * articles; the store answers for the rest */
  wt_clu_set_window(r.clu, WT_API_WINDOW_DAYS);
  wt_clu_set_grace(r.clu, WT_API_GRACE_ARRIVALS);
  int32_t newest = wt_store_newest_day(w->st);
  int64_t last = wt_store_max_event(w->st);
  int rc = last < 0 ? -1 : 0;
  if (rc == 0) {
    int32_t from =
        newest == WT_NO_DAY ? INT32_MIN : newest - WT_API_WINDOW_DAYS - 7;
    wt_clu_reserve_ids(r.clu, last);
    rc = wt_store_each_recent(w->st, from, api_restore_one, &r);
    /* what was not restored (dated before `from`; articles without a
     * day are always restored) is frozen as far as the index knows */
    if (last > 0 && from != INT32_MIN)
      wt_clu_note_frozen(r.clu, INT32_MIN, from - 1);
  }
  wt_arena_free(r.a);
  if (rc != 0) {
    wt_clu_free(r.clu);
    wt_api_fail(w, WARTA_ESTORE, "%s", wt_store_errmsg(w->st));
    return NULL;
  }
  w->clu = r.clu;
  return w->clu;
}

/* Bring back from the store the events an article may belong to that
 * are no longer in the index.  Late and dated: the events with an
 * article aged by a nearby day, those naming more of its participants
 * and entities first.  Late and undated: the events naming its
 * participants and entities (participants weigh double), through each
 * one's newest stored articles on the days of its plausible window, or
 * on any day before the window when it has none.  Any article: the
 * frozen events without a confident date that the index remembers as
 * naming its actors on days it may lie on (wt_clu_frozen_undated). */
void wt_api_cluster_thaw(warta *w, wt_clu *c, const wt_clu_doc *d) {
  int64_t ev[WT_API_THAW_EVENTS + WT_API_THAW_SHARED];
  int n = 0;
  int32_t lo, hi;
  if (wt_clu_is_late(c, d, &lo, &hi) && wt_clu_frozen_overlaps(c, lo, hi)) {
    const char *ents[16];
    double wt[16];
    size_t ne = 0;
    for (size_t i = 0; i < d->n_participants && ne < 8; i++)
      if (d->participants[i]) ents[ne] = d->participants[i], wt[ne++] = 2;
    for (size_t i = 0; i < d->n_entities && ne < 16; i++) {
      size_t k = 0;
      while (k < ne && strcmp(ents[k], d->entities[i]) != 0) k++;
      if (k == ne && d->entities[i]) ents[ne] = d->entities[i], wt[ne++] = 1;
    }
    n = d->day != WT_NO_DAY
            ? wt_store_events_near(w->st, lo, hi, ents, ne, 0,
                                   WT_API_THAW_SCAN, ev, WT_API_THAW_EVENTS)
            : wt_store_events_sharing(w->st, ents, wt, ne, lo, hi,
                                      WT_API_THAW_POSTINGS, ev,
                                      WT_API_THAW_SHARED);
    if (n < 0) n = 0;
  }
  n += (int)wt_clu_frozen_undated(c, d, ev + n, WT_API_THAW_SHARED);
  api_restore r = {c, wt_arena_new(0), w->st, 0, 1};
  if (!r.a) abort();
  for (int i = 0; i < n; i++) {
    int64_t live = wt_store_event_resolve(w->st, ev[i]);
    if (live <= 0) live = ev[i];
    if (wt_clu_resolve(c, live)) continue; /* in the window (or thawed) */
    wt_store_each_of_event(w->st, live, WT_API_THAW_ARTICLES, api_restore_one, &r);
  }
  wt_arena_free(r.a);
}

int64_t wt_api_event_of(warta *w, int64_t article) {
  int64_t ev = w->clu ? wt_clu_event_of(w->clu, article) : 0;
  if (ev > 0) return ev;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(wt_store_db(w->st),
                         "SELECT event_id FROM articles WHERE id=?1", -1, &st,
                         NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_int64(st, 1, article);
  if (sqlite3_step(st) == SQLITE_ROW) ev = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  int64_t live = ev > 0 ? wt_store_event_resolve(w->st, ev) : 0;
  return live > 0 ? live : ev;
}

void wt_api_cluster_reset(warta *w) {
  wt_clu_free(w->clu);
  w->clu = NULL;
}

/* ------------------------------------------------------------ helpers */

json_t *wt_api_day_json(int32_t day) {
  if (day == WT_NO_DAY) return json_null();
  char iso[11];
  wt_day_iso(day, iso);
  return json_string(iso);
}

char *wt_api_dump(json_t *v) {
  if (!v) return NULL;
  char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  json_decref(v);
  return s;
}

json_t *wt_api_load(const char *s, size_t n) {
  if (!s) return NULL;
  return json_loadb(s, n, JSON_DECODE_ANY, NULL);
}

/* ------------------------------------------------------- event summary */

/* The plain value of a fact: facts may be given bare ("2025-01-21") or as
 * objects carrying a "value" (or "name"/"id") with their evidence. */
static json_t *api_fact(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (json_is_object(v)) {
    json_t *x = json_object_get(v, "value");
    if (!x) x = json_object_get(v, "name");
    if (!x) x = json_object_get(v, "id");
    return x;
  }
  return v;
}

static const char *api_fact_str(json_t *o, const char *key) {
  json_t *v = api_fact(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Participants as an array of display names. */
static char *api_participants(json_t *facts) {
  json_t *arr = json_object_get(facts, "participants");
  json_t *out = json_array();
  if (json_is_object(arr) && json_object_get(arr, "value"))
    arr = json_object_get(arr, "value");
  size_t i;
  json_t *p;
  json_array_foreach(arr, i, p) {
    const char *name = NULL;
    if (json_is_string(p))
      name = json_string_value(p);
    else if (json_is_object(p)) {
      name = json_string_value(json_object_get(p, "name"));
      if (!name) name = json_string_value(json_object_get(p, "id"));
    }
    if (name) json_array_append_new(out, json_string(name));
  }
  return wt_api_dump(out);
}

static int api_event_counts(warta *w, int64_t ev, int *n_art, int *n_out) {
  sqlite3_stmt *st;
  sqlite3 *db = wt_store_db(w->st);
  *n_art = *n_out = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT count(*), count(DISTINCT lower(outlet))"
                         " FROM articles WHERE event_id=?1",
                         -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_int64(st, 1, ev);
  if (sqlite3_step(st) == SQLITE_ROW) {
    *n_art = sqlite3_column_int(st, 0);
    *n_out = sqlite3_column_int(st, 1);
  }
  sqlite3_finalize(st);
  return 0;
}

/* Reconcile one event from its stored articles and cache the result. */
static int api_refresh_one(warta *w, int64_t ev) {
  wt_store_event e = {.id = ev, .day = WT_NO_DAY, .duration_minutes = -1};
  if (api_event_counts(w, ev, &e.n_articles, &e.n_outlets) != 0) return -1;
  if (e.n_articles == 0) return wt_store_event_update(w->st, &e);

  sqlite3 *db = wt_store_db(w->st);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db,
                         "SELECT d.doc_json, a.title FROM articles a"
                         " JOIN article_docs d ON d.article_id = a.id"
                         " WHERE a.event_id=?1 ORDER BY a.id LIMIT ?2",
                         -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_int64(st, 1, ev);
  sqlite3_bind_int(st, 2, WT_API_RECONCILE_MAX);
  json_t *docs[WT_API_RECONCILE_MAX];
  size_t n = 0;
  char *first_title = NULL;
  while (sqlite3_step(st) == SQLITE_ROW && n < WT_API_RECONCILE_MAX) {
    json_t *d = wt_api_load((const char *)sqlite3_column_text(st, 0),
                            (size_t)sqlite3_column_bytes(st, 0));
    if (!first_title && sqlite3_column_text(st, 1))
      first_title = strdup((const char *)sqlite3_column_text(st, 1));
    if (d) docs[n++] = d;
  }
  sqlite3_finalize(st);

  json_t *facts = n ? wt_reconcile_event(docs, n) : NULL;
  for (size_t i = 0; i < n; i++) json_decref(docs[i]);
  char *facts_s = NULL, *parts = NULL;
  if (facts) {
    const char *date = api_fact_str(facts, "date");
    if (date) e.day = wt_day_parse(date);
    e.type = api_fact_str(facts, "type");
    json_t *dur = api_fact(facts, "duration_minutes");
    if (!dur) dur = api_fact(facts, "duration");
    if (json_is_number(dur)) e.duration_minutes = (int32_t)json_number_value(dur);
    e.headline = api_fact_str(facts, "headline");
    parts = api_participants(facts);
    e.participants_json = parts;
    facts_s = json_dumps(facts, JSON_COMPACT);
    e.facts_json = facts_s;
  }
  if (!e.headline) e.headline = first_title;
  int rc = wt_store_event_update(w->st, &e);
  free(facts_s);
  free(parts);
  free(first_title);
  json_decref(facts);
  return rc;
}

int wt_api_refresh_events(warta *w, int best_effort) {
  if (w->read_only) return WARTA_OK;
  int64_t *ids;
  size_t n;
  if (wt_store_dirty_events(w->st, &ids, &n) != 0)
    return wt_api_fail(w, WARTA_ESTORE, "%s", wt_store_errmsg(w->st));
  if (n == 0) return WARTA_OK;
  sqlite3 *db = wt_store_db(w->st);
  if (best_effort) sqlite3_busy_timeout(db, 0);
  int rc = wt_store_begin(w->st);
  if (best_effort) sqlite3_busy_timeout(db, WT_STORE_BUSY_MS);
  if (rc != 0 && best_effort) {
    free(ids);
    return WARTA_OK;
  }
  for (size_t i = 0; i < n && rc == 0; i++) rc = api_refresh_one(w, ids[i]);
  free(ids);
  if (rc == 0) rc = wt_store_commit(w->st);
  if (rc != 0) {
    wt_api_fail(w, WARTA_ESTORE, "updating events: %s",
                sqlite3_errmsg(wt_store_db(w->st)));
    wt_store_rollback(w->st);
    return WARTA_ESTORE;
  }
  return WARTA_OK;
}
