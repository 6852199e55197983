/*
 * store.h - warta's persistent store: one SQLite file in WAL mode holding
 * every article as read (raw bytes), as processed (article JSON, cluster
 * features, entity rows, full-text index) and the events built from them.
 *
 * Invariants:
 *  - the schema lives only in schema.c, as an append-only list of
 *    migrations keyed by PRAGMA user_version;
 *  - an article is stored at most once per content hash (UNIQUE), so
 *    re-ingesting is idempotent and a crash mid-run loses at most the
 *    uncommitted batch;
 *  - articles, their event assignments and event redirects are written in
 *    the same transaction, so the cluster index restored from the store on
 *    open always matches the articles it holds;
 *  - an event whose membership changed is marked dirty in that transaction;
 *    its cached facts are recomputed later (wt_store_dirty_events).
 *
 * The handle is single-threaded.  Every function that can fail returns 0
 * (or an id > 0) on success and -1 on failure with the reason in
 * wt_store_errmsg().
 */
#ifndef WT_STORE_H
#define WT_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "../lang/lang.h"

typedef struct wt_store wt_store;

/* How long a statement waits for another connection's lock. */
#define WT_STORE_BUSY_MS 10000

/* The FTS tokenizer stems with the language resources, loaded on first
 * use through this callback (NULL result: tokens are only case-folded). */
typedef const wt_lang_res *(*wt_store_lang_fn)(void *ud);

/* Open (creating and migrating when writable) the store at path.
 * Returns NULL with a reason in err on failure. */
wt_store *wt_store_open(const char *path, int read_only, wt_store_lang_fn lang,
                        void *lang_ud, char *err, size_t errlen);
void wt_store_close(wt_store *s);
const char *wt_store_errmsg(const wt_store *s);
/* The connection, for read queries (owned by the store). */
sqlite3 *wt_store_db(wt_store *s);
/* Schema version (PRAGMA user_version) after migration. */
int wt_store_version(wt_store *s);
/* The schema version this build creates. */
int wt_store_schema_version(void);

/* Migrate db to the newest schema inside one transaction (schema.c). */
int wt_store_migrate(sqlite3 *db, char *err, size_t errlen);

int wt_store_begin(wt_store *s);
int wt_store_commit(wt_store *s);
void wt_store_rollback(wt_store *s);

/* ------------------------------------------------------------ articles */

typedef struct wt_store_entity {
  const char *id, *name, *type;
  int n; /* mentions */
} wt_store_entity;

typedef struct wt_store_article {
  int64_t id; /* from wt_store_next_id(), or 0: the next free one */
  const char *ext_id, *origin;
  const char *url, *title, *outlet, *published; /* may be NULL */
  int32_t published_day;                        /* WT_NO_DAY: unknown */
  const char *lang, *format;
  const char *hash; /* 16 hex digits */
  const void *raw;
  size_t raw_len;
  const char *body, *doc_json, *features;
  const wt_store_entity *ents;
  size_t n_ents;
  int has_clu_day;      /* clu_day is set: */
  int32_t clu_day;      /* the day the cluster window ages it by */
  int64_t duplicate_of; /* the article it copies, 0 none */
} wt_store_article;

/* Id of the article with this content hash, 0 if none, -1 on error. */
int64_t wt_store_find_hash(wt_store *s, const char *hash);
/* The id the next inserted article gets (call inside the transaction that
 * inserts it, so the article JSON can carry its own id); -1 on error. */
int64_t wt_store_next_id(wt_store *s);
/* Insert an article with its entity rows and full-text entry.  Returns the
 * new id, or -1 (a duplicate hash is an error: check first). */
int64_t wt_store_article_insert(wt_store *s, const wt_store_article *a);
/* Article id for an internal id ("12") or an external id (the latest
 * article with it); 0 when none. */
int64_t wt_store_article_lookup(wt_store *s, const char *id);

/* Walk articles in id order with their features and event (0: none);
 * a non-zero return from fn stops the walk and is returned. */
typedef int (*wt_store_feat_fn)(void *ud, int64_t article, const char *json,
                                size_t n, int64_t event);
int wt_store_each_features(wt_store *s, wt_store_feat_fn fn, void *ud);

/* The same with the article's clu_day (WT_NO_DAY: unknown). */
typedef int (*wt_store_day_fn)(void *ud, int64_t article, const char *json,
                               size_t n, int64_t event, int32_t day);
/* Walk, in id order, the articles of the active cluster window: all
 * articles of every event that has one with clu_day >= min_day or
 * unknown, and the articles with no event.  Driven by the clu_day index,
 * so its cost follows the window, not the store. */
int wt_store_each_recent(wt_store *s, int32_t min_day, wt_store_day_fn fn,
                         void *ud);
/* Walk the newest `limit` articles of an event, in id order. */
int wt_store_each_of_event(wt_store *s, int64_t event, int limit,
                           wt_store_day_fn fn, void *ud);
/* Events of the articles with clu_day in [lo, hi] (at most `scan` of them
 * read), those naming more of ents (at most 16) first; with `need` only
 * those naming one.  Writes up to max ids (as stored, unresolved) and
 * returns how many, -1 on error. */
int wt_store_events_near(wt_store *s, int32_t lo, int32_t hi,
                         const char *const *ents, size_t n_ents, int need,
                         int scan, int64_t *out, size_t max);
/* Events naming the entities ents[0..n_ents) (at most 16; weights w, NULL:
 * 1 each): per entity its newest `per_entity` articles with an event and
 * clu_day in [lo, hi] are read (through the entity index), and the events
 * come heaviest first (the summed weight of the distinct entities they
 * name), the most recent first among equals.  Writes up to max ids (as
 * stored, unresolved) and returns how many, -1 on error. */
int wt_store_events_sharing(wt_store *s, const char *const *ents,
                            const double *w, size_t n_ents, int32_t lo,
                            int32_t hi, int per_entity, int64_t *out,
                            size_t max);
/* Newest clu_day of the store, WT_NO_DAY when none. */
int32_t wt_store_newest_day(wt_store *s);
/* Largest event id the store has used (events, redirects); -1 on error. */
int64_t wt_store_max_event(wt_store *s);

/* -------------------------------------------------------------- events */

/* Set an article's event (creating the event row); both the old and the
 * new event are marked dirty. */
int wt_store_assign(wt_store *s, int64_t article, int64_t event);
/* Record that event `from` now lives on as `to`. */
int wt_store_redirect(wt_store *s, int64_t from, int64_t to);
/* Remove the redirect of an event id that is live again. */
int wt_store_unredirect(wt_store *s, int64_t id);
/* Follow redirects from an event id to the live one (0 when unknown). */
int64_t wt_store_event_resolve(wt_store *s, int64_t id);

/* Ids of dirty events (malloc'd array, caller frees); -1 on error. */
int wt_store_dirty_events(wt_store *s, int64_t **ids, size_t *n);

/* The cached summary of an event, written by wt_store_event_update. */
typedef struct wt_store_event {
  int64_t id;
  int32_t day;          /* WT_NO_DAY: unknown */
  const char *type;     /* NULL: unknown */
  const char *participants_json; /* JSON array of names */
  int32_t duration_minutes;      /* -1: unknown */
  int n_articles, n_outlets;
  const char *headline;
  const char *facts_json; /* wt_reconcile_event result, or NULL */
} wt_store_event;
/* Store an event's cached summary and clear its dirty flag. */
int wt_store_event_update(wt_store *s, const wt_store_event *e);

/* The FTS5 tokenizer "warta" (fts.c): registered on every connection. */
int wt_store_fts_register(sqlite3 *db, wt_store_lang_fn lang, void *ud);

#endif
