/*
 * warta.h - the public API of warta, a news event-intelligence engine.
 *
 * This header is the whole surface the CLI (src/cli) and the HTTP server
 * (src/serve) use.  Anything not declared here is internal.
 *
 * Model: a `warta` handle owns an open store (SQLite) and the loaded
 * language resources.  Pages go in through warta_ingest_*; events come out
 * as JSON documents whose schema is documented in docs/json.md.
 *
 * Ownership rule: every `char *` returned by a warta_* function is
 * malloc'd, NUL-terminated, owned by the caller, and released with
 * warta_free().  Strings passed in are borrowed for the duration of the
 * call only.
 *
 * Errors: functions return WARTA_OK (0) or a negative warta_status; the
 * message of the last failure is available from warta_errmsg() until the
 * next call on the same handle.  A handle is not thread-safe; open one per
 * thread.
 */
#ifndef WARTA_H
#define WARTA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WARTA_VERSION "0.1.0"

typedef enum warta_status {
  WARTA_OK = 0,
  WARTA_ERR = -1,       /* generic failure, see warta_errmsg() */
  WARTA_ENOTFOUND = -2, /* no such event/article/entity */
  WARTA_EINPUT = -3,    /* some inputs failed (others were stored) */
  WARTA_ESTORE = -4,    /* the store could not be opened or written */
  WARTA_EUSAGE = -5,    /* bad argument */
} warta_status;

typedef struct warta warta;

typedef struct warta_options {
  const char *db_path;  /* store file; NULL: "warta.db" in the cwd */
  int read_only;        /* open the store read-only (serve without token) */
} warta_options;

/* Open (creating and migrating if needed) the store and load resources. */
int warta_open(const warta_options *opt, warta **out, char **errmsg);
void warta_close(warta *w);
const char *warta_errmsg(const warta *w);
void warta_free(void *p);
const char *warta_version(void);

/* ---------------------------------------------------------------- ingest */

typedef struct warta_ingest_stats {
  long read;       /* inputs read (pages or JSON lines) */
  long stored;     /* new articles stored */
  long duplicates; /* already in the store (same content) */
  long failed;     /* inputs rejected, each reported to the diag callback */
} warta_ingest_stats;

/* Called once per rejected input with its origin (path, "path:LINE", "-")
 * and the reason; and, when `progress` is set, about once a second. */
typedef void (*warta_diag_fn)(void *ud, const char *origin, const char *msg);
typedef void (*warta_progress_fn)(void *ud, const warta_ingest_stats *s);

typedef struct warta_ingest_opts {
  warta_diag_fn diag;
  warta_progress_fn progress;
  void *ud;
  size_t batch; /* articles per transaction (0: 256) */
} warta_ingest_opts;

/* Ingest files, directories (recursive) or "-" (stdin).  Returns WARTA_OK,
 * WARTA_EINPUT when some inputs failed (the rest are stored), or another
 * error when the store failed.  Re-ingesting a page is idempotent. */
int warta_ingest_paths(warta *w, const char *const *paths, size_t n,
                       const warta_ingest_opts *o, warta_ingest_stats *st);

/* Ingest one buffer (a JSON Lines batch, one JSON object, HTML or text).
 * *result_json (may be NULL) receives a JSON array with, per input, the
 * stored article id and the event it joined, or the error. */
int warta_ingest_buffer(warta *w, const char *name, const char *buf,
                        size_t n, const warta_ingest_opts *o,
                        warta_ingest_stats *st, char **result_json);

/* Rebuild every event from the stored articles. */
int warta_recluster(warta *w);

/* --------------------------------------------------------------- queries */

typedef struct warta_event_filter {
  const char *since, *until; /* YYYY-MM-DD inclusive, or NULL */
  const char *entity;        /* entity id or name, or NULL */
  const char *type;          /* event type id, or NULL */
  const char *outlet;        /* outlet name, or NULL */
  const char *q;             /* full-text query, or NULL */
  const char *cursor;        /* paging cursor from a previous call */
  int limit;                 /* 0: all */
  int newest_first;          /* latest date first (unknown dates still last) */
} warta_event_filter;

/* JSON Lines text, one event object per line (schema: docs/json.md). */
int warta_events(warta *w, const warta_event_filter *f, char **jsonl);
/* One event with its facts, contradictions, provenance, articles. */
int warta_event(warta *w, const char *event_id, char **json);
/* One article (internal or external id) with every extracted item. */
int warta_article(warta *w, const char *article_id, char **json);
/* Why two articles are (not) in one event, by score component. */
int warta_why(warta *w, const char *a, const char *b, char **json);

/* Full-text search over articles and events (SQLite FTS5 with warta's own
 * tokeniser and stemming; BM25 ranking; snippets): one JSON object. */
int warta_search(warta *w, const char *q, int limit, char **json);
/* An entity (canonical id or a name) with its events. */
int warta_entity(warta *w, const char *entity, char **json);
/* Events and mentioned (secondary) events of an entity or a story, in date
 * order: one JSON object. */
int warta_timeline(warta *w, const char *entity_or_story, char **json);

/* ------------------------------------------------------- serving (HTTP) */

/* Notice writes made through other connections since the last call on
 * this handle (another handle, another process): drops in-memory state
 * derived from the store.  Returns 1 when the store changed, 0 when not,
 * or a negative warta_status.  Cheap enough to call on every request. */
int warta_sync(warta *w);
/* Store health: {"status":"ok","version","articles","events","read_only"}. */
int warta_health(warta *w, char **json);
/* Values the event filters take, most frequent first:
 * {"types":[{"type","n"}],"outlets":[{"outlet","n"}]} (n: live events). */
int warta_facets(warta *w, int limit, char **json);

/* ------------------------------------------------- stateless processing */

/* Clean pages without storing them: JSON Lines, one object per page. */
int warta_clean_paths(warta *w, const char *const *paths, size_t n,
                      const warta_ingest_opts *o, char **jsonl);
/* Read a text: sentences, tokens, timexes, figures, language (one JSON
 * object).  ref_iso: reference time for relative expressions, or NULL. */
int warta_read_text(warta *w, const char *text, size_t n,
                    const char *ref_iso, char **json);

#ifdef __cplusplus
}
#endif

#endif
