/*
 * api_int.h - what the files implementing include/warta.h share:
 * the handle, lazy loading of resources and of the cluster index, error
 * reporting, event summaries, and JSON helpers.
 *
 *   api.c         open/close, errors, resources, cluster index, event facts
 *   api_ingest.c  ingest (paths, buffer), recluster, clean, read
 *   api_query.c   events, event, article, why, search, entity, timeline
 *   api_serve.c   sync with other writers, health, facets (for src/serve)
 */
#ifndef WT_API_INT_H
#define WT_API_INT_H

#include <jansson.h>
#include <stdint.h>

#include "../cluster/cluster.h"
#include "../store/store.h"
#include "pipeline.h"
#include "warta.h"

/* Articles read per event when its facts are reconciled: events bigger
 * than this are summarised from their earliest articles. */
#define WT_API_RECONCILE_MAX 128
/* The cluster index's active window in days of event time (see
 * docs/cluster.md, "Window"): events older than this below the newest day
 * leave memory; opening a store restores only the window. */
#define WT_API_WINDOW_DAYS 30
/* Arrivals an event past the window stays live after one of its articles
 * joined it (wt_clu_set_grace). */
#define WT_API_GRACE_ARRIVALS 1024
/* A late article (wt_clu_is_late) brings back at most this many stored
 * events, reading at most THAW_SCAN articles of its days and at most
 * THAW_ARTICLES articles of each event.  An undated one brings back at
 * most THAW_SHARED events naming its actors, reading the newest
 * THAW_POSTINGS articles of each of its (at most 16) entities. */
#define WT_API_THAW_EVENTS 32
#define WT_API_THAW_SCAN 20000
#define WT_API_THAW_ARTICLES 64
#define WT_API_THAW_SHARED 16
#define WT_API_THAW_POSTINGS 64
/* Cap on one JSON document produced for a caller. */
#define WT_API_JSON_MAX ((size_t)256 << 20)

struct warta {
  wt_store *st;
  int read_only;
  int res_state; /* 0 not loaded yet, 1 loaded, -1 failed */
  wt_resources res;
  char res_err[256];
  wt_clu *clu; /* NULL until needed; rebuilt from the store */
  char err[1024];
  int64_t data_version; /* PRAGMA data_version seen by warta_sync */
};

/* Set the handle's error message; returns `code`. */
int wt_api_fail(warta *w, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The loaded resources, loading them on first use; NULL with the error
 * set when they cannot be loaded. */
const wt_resources *wt_api_resources(warta *w);
/* The cluster index, restored from the store on first use; NULL with the
 * error set on failure. */
wt_clu *wt_api_cluster(warta *w);
/* Restore into c the stored events a late article d may join (nothing
 * unless wt_clu_is_late; call before wt_clu_add); best effort: a store
 * error only means fewer candidates.  Thawed articles are not counted
 * again in the corpus document frequencies (wt_clu_thaw). */
void wt_api_cluster_thaw(warta *w, wt_clu *c, const wt_clu_doc *d);
/* Current event of an article: the index's, else the store's (frozen
 * articles), redirects followed; 0 when none. */
int64_t wt_api_event_of(warta *w, int64_t article);
/* Drop the in-memory index (after a failed write or a recluster). */
void wt_api_cluster_reset(warta *w);
/* Recompute the cached summary and facts of every dirty event, in one
 * transaction.  WARTA_OK or WARTA_ESTORE.  With `best_effort` (queries)
 * a store busy with another writer is left as it is: cached facts are
 * served rather than waiting for the lock. */
int wt_api_refresh_events(warta *w, int best_effort);

/* "YYYY-MM-DD" of a day number, or JSON null. */
json_t *wt_api_day_json(int32_t day);
/* Dump a JSON value into a malloc'd string (compact, UTF-8), consuming
 * the reference; NULL on failure. */
char *wt_api_dump(json_t *v);
/* A JSON value from a stored column text, or NULL. */
json_t *wt_api_load(const char *s, size_t n);

#endif
