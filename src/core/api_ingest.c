/*
 * api_ingest.c - pages into the store: warta_ingest_paths,
 * warta_ingest_buffer and warta_recluster; and the stateless views
 * warta_clean_paths and warta_read_text.
 *
 * Per input: content hash (whitespace-normalised content) -> duplicate?
 * -> pipeline -> article JSON + cluster features -> store row -> cluster
 * index -> assignment changes drained into the store.  All of that happens
 * inside a batch transaction, so a crash loses only the open batch and the
 * stored cluster state always matches the stored articles.  Events a batch
 * touched are marked dirty in it; their facts are recomputed at the end of
 * the run, and during long runs every few seconds (at most a fifth of the
 * run's time goes to it).
 * A failing input is reported and skipped; a failing store ends the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ingest/ingest.h"
#include "api_int.h"
#include "calendar.h"
#include "docjson.h"
#include "util.h"

#define INGEST_DOC_JSON_MAX ((size_t)64 << 20)
#define INGEST_REFRESH_S 5.0 /* seconds between event-fact refreshes */

typedef struct ingest_run {
  warta *w;
  const wt_resources *res;
  wt_clu *clu;
  const warta_ingest_opts *o;
  warta_ingest_stats *st;
  size_t batch, in_batch;
  double last_progress, last_refresh, refresh_gap;
  json_t *results; /* warta_ingest_buffer: one object per input */
  wt_sb doc_sb, feat_sb;
  int store_err;
} ingest_run;

/* Hash of the content with every run of whitespace folded to one space
 * and the ends trimmed, as 16 hex digits: the identity of a page. */
static void ingest_hash(const char *s, size_t n, char out[17]) {
  char *buf = malloc(n + 1);
  if (!buf) abort();
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      space = 1;
      continue;
    }
    if (space && k) buf[k++] = ' ';
    space = 0;
    buf[k++] = (char)c;
  }
  snprintf(out, 17, "%016llx", (unsigned long long)wt_hash64(buf, k));
  free(buf);
}

static void ingest_diag(ingest_run *r, const char *origin, const char *msg) {
  size_t on = origin ? strlen(origin) : 0;
  if (on && strncmp(msg, origin, on) == 0 && msg[on] == ':' &&
      msg[on + 1] == ' ')
    msg += on + 2; /* the reason already names the input */
  r->st->failed++;
  if (r->o && r->o->diag) r->o->diag(r->o->ud, origin, msg);
  if (r->results) {
    json_t *o = json_object();
    json_object_set_new(o, "origin", json_string(origin ? origin : "-"));
    json_object_set_new(o, "error", json_string(msg));
    json_array_append_new(r->results, o);
  }
}

static void ingest_result(ingest_run *r, const wt_input *in, int64_t id,
                          int dup) {
  if (!r->results) return;
  json_t *o = json_object();
  json_object_set_new(o, "origin", json_string(in->origin ? in->origin : "-"));
  if (in->ext_id) json_object_set_new(o, "ext_id", json_string(in->ext_id));
  json_object_set_new(o, "id", json_integer(id));
  if (dup) json_object_set_new(o, "duplicate", json_true());
  json_array_append_new(r->results, o);
}

static void ingest_progress(ingest_run *r) {
  if (!r->o || !r->o->progress) return;
  double now = wt_now();
  if (now - r->last_progress >= 1.0) {
    r->last_progress = now;
    r->o->progress(r->o->ud, r->st);
  }
}

static void ingest_assign(void *ud, int64_t article, int64_t event) {
  ingest_run *r = ud;
  if (!r->store_err && wt_store_assign(r->w->st, article, event) != 0)
    r->store_err = 1;
}

static void ingest_redirect(void *ud, int64_t from, int64_t to) {
  ingest_run *r = ud;
  if (!r->store_err && wt_store_redirect(r->w->st, from, to) != 0)
    r->store_err = 1;
}

/* "2025-01-21T14:00+07:00" (as much as is known) or NULL. */
static const char *ingest_published(const wt_doc *d, char out[40]) {
  const wt_datetime *p = &d->published;
  if (p->day == WT_NO_DAY) return NULL;
  wt_day_iso(p->day, out);
  size_t n = strlen(out);
  if (p->minute >= 0) {
    n += (size_t)snprintf(out + n, 40 - n, "T%02d:%02d", p->minute / 60,
                          p->minute % 60);
    if (p->tz_minutes != WT_NO_TZ) {
      int tz = p->tz_minutes < 0 ? -p->tz_minutes : p->tz_minutes;
      snprintf(out + n, 40 - n, "%c%02d:%02d", p->tz_minutes < 0 ? '-' : '+',
               tz / 60, tz % 60);
    }
  }
  return out;
}

/* Commit the open batch.  Event facts are recomputed at the end of the
 * run and, during long runs, every INGEST_REFRESH_S seconds: reconciling a
 * big event costs many article parses, and dirty flags persisted with
 * each batch make a later refresh (next run, next query) complete. */
static int ingest_commit(ingest_run *r, int final) {
  if (r->in_batch > 0) {
    r->in_batch = 0;
    if (wt_store_commit(r->w->st) != 0) return -1;
  }
  double now = wt_now();
  if (!final && now - r->last_refresh < r->refresh_gap) return 0;
  int rc = wt_api_refresh_events(r->w, 0) == WARTA_OK ? 0 : -1;
  r->last_refresh = wt_now();
  /* keep refreshing under a fifth of the run's time */
  r->refresh_gap = 4 * (r->last_refresh - now);
  if (r->refresh_gap < INGEST_REFRESH_S) r->refresh_gap = INGEST_REFRESH_S;
  return rc;
}

/* Store and cluster one processed doc (inside the batch transaction). */
static int ingest_store(ingest_run *r, const wt_input *in, wt_doc *doc,
                        const char *hash) {
  warta *w = r->w;
  wt_sb_reset(&r->doc_sb);
  wt_sb_reset(&r->feat_sb);
  int64_t id = wt_store_next_id(w->st);
  if (id < 0) return -1;
  if (wt_doc_json_article(doc, id, &r->doc_sb) != 0 || r->doc_sb.toobig) {
    ingest_diag(r, in->origin, "article too large to store");
    return 0;
  }
  if (wt_clu_features_json(doc, &r->feat_sb) != 0 || r->feat_sb.toobig) {
    ingest_diag(r, in->origin, "cannot compute clustering features");
    return 0;
  }
  wt_store_entity *ents = NULL;
  if (doc->entities.n) {
    ents = wt_arena_alloc(doc->arena, doc->entities.n * sizeof *ents);
    if (!ents) {
      ingest_diag(r, in->origin, "page too large");
      return 0;
    }
    for (size_t i = 0; i < doc->entities.n; i++) {
      const wt_entity *e = &doc->entities.v[i];
      ents[i] = (wt_store_entity){e->id, e->name, wt_ent_type_name(e->type),
                                  (int)e->n_mentions};
    }
  }
  char pub[40];
  wt_store_article a = {
      .id = id,
      .ext_id = doc->ext_id ? doc->ext_id
                            : in->ext_id ? in->ext_id : in->origin,
      .origin = in->origin ? in->origin : "-",
      .url = doc->url.value ? doc->url.value : in->url,
      .title = doc->title.value,
      .outlet = doc->outlet.value,
      .published = ingest_published(doc, pub),
      .published_day = doc->published.day,
      .lang = doc->lang[0] ? doc->lang : NULL,
      .format = in->format == WT_FMT_HTML ? "html" : "text",
      .hash = hash,
      .raw = in->raw ? in->raw : in->content,
      .raw_len = in->raw ? in->raw_len : in->content_len,
      .body = doc->body,
      .doc_json = r->doc_sb.s,
      .features = r->feat_sb.s,
      .ents = ents,
      .n_ents = doc->entities.n,
  };
  /* cluster first: the row records the day the window ages the article
   * by and the article it copies (what the store answers once frozen) */
  wt_clu_doc cd;
  if (wt_clu_doc_parse(r->feat_sb.s, r->feat_sb.len, id, doc->arena, &cd) !=
      0) {
    wt_api_fail(w, WARTA_ERR, "%s: clustering failed", in->origin);
    return -1;
  }
  wt_api_cluster_thaw(w, r->clu, &cd); /* when it is late */
  if (wt_clu_add(r->clu, &cd) < 0) {
    wt_api_fail(w, WARTA_ERR, "%s: clustering failed", in->origin);
    return -1;
  }
  wt_clu_last(r->clu, NULL, &a.duplicate_of, &a.clu_day);
  a.has_clu_day = a.clu_day != WT_NO_DAY;
  if (wt_store_article_insert(w->st, &a) < 0) return -1;
  wt_clu_drain(r->clu, ingest_assign, ingest_redirect, r);
  if (r->store_err) return -1;
  r->st->stored++;
  r->in_batch++;
  ingest_result(r, in, id, 0);
  return 0;
}

/* One input record: 0 handled (stored, duplicate or rejected), -1 when the
 * store failed and the run must stop. */
static int ingest_record(ingest_run *r, const wt_input *in) {
  warta *w = r->w;
  char hash[17], err[512];
  r->st->read++;
  ingest_hash(in->content, in->content_len, hash);
  if (r->in_batch == 0 && wt_store_begin(w->st) != 0) return -1;
  r->in_batch++; /* the transaction is open; counted back below */
  int64_t dup = wt_store_find_hash(w->st, hash);
  int rc = 0;
  if (dup < 0) return -1;
  if (dup > 0) {
    r->st->duplicates++;
    ingest_result(r, in, dup, 1);
  } else {
    err[0] = '\0';
    wt_doc *doc = wt_pipeline_run(r->res, in, err, sizeof err);
    if (!doc)
      ingest_diag(r, in->origin, err[0] ? err : "cannot process");
    else {
      rc = ingest_store(r, in, doc, hash);
      wt_doc_free(doc);
    }
  }
  r->in_batch--;
  if (rc == 0 && r->in_batch == 0) wt_store_rollback(w->st); /* nothing new */
  if (rc == 0 && r->in_batch >= r->batch) rc = ingest_commit(r, 0);
  return rc;
}

/* Run a stream of inputs into the store. */
static int ingest_run_stream(warta *w, wt_ingest *g, const warta_ingest_opts *o,
                             warta_ingest_stats *st, json_t *results) {
  warta_ingest_stats local;
  if (!st) st = &local;
  memset(st, 0, sizeof *st);
  if (w->read_only)
    return wt_api_fail(w, WARTA_EUSAGE, "the store is open read-only");
  ingest_run r = {.w = w, .o = o, .st = st, .results = results};
  r.batch = o && o->batch ? o->batch : 256;
  r.last_progress = r.last_refresh = wt_now();
  r.refresh_gap = INGEST_REFRESH_S;
  if (!(r.res = wt_api_resources(w))) return WARTA_ERR;
  if (wt_api_refresh_events(w, 0) != WARTA_OK) return WARTA_ESTORE;
  if (!(r.clu = wt_api_cluster(w))) return WARTA_ESTORE;
  wt_sb_init(&r.doc_sb, INGEST_DOC_JSON_MAX);
  wt_sb_init(&r.feat_sb, INGEST_DOC_JSON_MAX);

  int rc = 0;
  wt_input in;
  const char *origin;
  char err[512];
  for (;;) {
    err[0] = '\0';
    int k = wt_ingest_next(g, &in, &origin, err, sizeof err);
    if (k == 0) break;
    if (k < 0) {
      st->read++;
      ingest_diag(&r, origin, err[0] ? err : "cannot read");
    } else if ((rc = ingest_record(&r, &in)) != 0)
      break;
    ingest_progress(&r);
  }
  if (rc == 0) rc = ingest_commit(&r, 1);
  wt_sb_free(&r.doc_sb);
  wt_sb_free(&r.feat_sb);
  if (rc != 0) {
    if (!w->err[0] || !strstr(w->err, "clustering"))
      wt_api_fail(w, WARTA_ESTORE, "store: %s", wt_store_errmsg(w->st));
    wt_store_rollback(w->st);
    wt_api_cluster_reset(w); /* the index may be ahead of the store */
    return WARTA_ESTORE;
  }
  if (results) {
    size_t i;
    json_t *x;
    json_array_foreach(results, i, x) {
      json_t *id = json_object_get(x, "id");
      if (id)
        json_object_set_new(
            x, "event",
            json_integer(wt_api_event_of(w, json_integer_value(id))));
    }
  }
  if (st->failed)
    return wt_api_fail(w, WARTA_EINPUT, "%ld of %ld inputs failed",
                       st->failed, st->read);
  return WARTA_OK;
}

int warta_ingest_paths(warta *w, const char *const *paths, size_t n,
                       const warta_ingest_opts *o, warta_ingest_stats *st) {
  w->err[0] = '\0';
  wt_ingest *g = wt_ingest_open_paths(paths, n);
  if (!g) return wt_api_fail(w, WARTA_ERR, "cannot open inputs");
  int rc = ingest_run_stream(w, g, o, st, NULL);
  wt_ingest_close(g);
  return rc;
}

int warta_ingest_buffer(warta *w, const char *name, const char *buf,
                        size_t n, const warta_ingest_opts *o,
                        warta_ingest_stats *st, char **result_json) {
  w->err[0] = '\0';
  if (result_json) *result_json = NULL;
  wt_ingest *g = wt_ingest_open_buffer(name ? name : "-", buf, n);
  if (!g) return wt_api_fail(w, WARTA_ERR, "cannot read the buffer");
  json_t *results = json_array();
  int rc = ingest_run_stream(w, g, o, st, results);
  wt_ingest_close(g);
  if (result_json && (rc == WARTA_OK || rc == WARTA_EINPUT))
    *result_json = wt_api_dump(results);
  else
    json_decref(results);
  return rc;
}

/* ----------------------------------------------------------- recluster */

typedef struct rc_art {
  int64_t id, old_ev, new_ev;
} rc_art;

typedef struct rc_state {
  wt_clu *clu;
  wt_arena *a;
  rc_art *arts;
  size_t n, cap;
} rc_state;

static int rc_add(void *ud, int64_t article, const char *json, size_t n,
                  int64_t event) {
  rc_state *s = ud;
  wt_clu_doc d;
  wt_arena_reset(s->a);
  if (wt_clu_doc_parse(json, n, article, s->a, &d) != 0) return 0;
  if (wt_clu_add(s->clu, &d) < 0) return 0;
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 1024;
    s->arts = realloc(s->arts, s->cap * sizeof *s->arts);
    if (!s->arts) abort();
  }
  s->arts[s->n++] = (rc_art){article, event, 0};
  return 0;
}

static void rc_ignore_assign(void *ud, int64_t a, int64_t e) {}
static void rc_ignore_redirect(void *ud, int64_t a, int64_t b) {}

typedef struct rc_pair {
  int64_t new_ev, old_ev;
  long count;
} rc_pair;

static int rc_pair_cmp(const void *x, const void *y) {
  const rc_pair *a = x, *b = y;
  if (a->new_ev != b->new_ev) return a->new_ev < b->new_ev ? -1 : 1;
  if (a->old_ev != b->old_ev) return a->old_ev < b->old_ev ? -1 : 1;
  return 0;
}

static int rc_count_cmp(const void *x, const void *y) {
  const rc_pair *a = x, *b = y;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return rc_pair_cmp(x, y);
}

/* Simple open-addressing map int64 -> int64 (0 = absent). */
typedef struct rc_map {
  int64_t *k, *v;
  size_t cap;
} rc_map;

static void rc_map_init(rc_map *m, size_t n) {
  m->cap = 16;
  while (m->cap < n * 2 + 16) m->cap *= 2;
  m->k = calloc(m->cap, sizeof *m->k);
  m->v = calloc(m->cap, sizeof *m->v);
  if (!m->k || !m->v) abort();
}
static int64_t *rc_map_slot(rc_map *m, int64_t key) {
  size_t i = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull) & (m->cap - 1);
  while (m->k[i] && m->k[i] != key) i = (i + 1) & (m->cap - 1);
  m->k[i] = key;
  return &m->v[i];
}
static int64_t rc_map_get(const rc_map *m, int64_t key) {
  size_t i = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull) & (m->cap - 1);
  while (m->k[i] && m->k[i] != key) i = (i + 1) & (m->cap - 1);
  return m->k[i] ? m->v[i] : 0;
}
static void rc_map_free(rc_map *m) {
  free(m->k);
  free(m->v);
}

static int64_t rc_max_event(warta *w) {
  sqlite3_stmt *st;
  int64_t mx = 0;
  if (sqlite3_prepare_v2(wt_store_db(w->st),
                         "SELECT max(m) FROM (SELECT max(id) m FROM events"
                         " UNION ALL SELECT max(to_id) FROM event_redirects)",
                         -1, &st, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step(st) == SQLITE_ROW) mx = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return mx;
}

/* Relabel the new clustering with old event ids where possible (each new
 * event takes the old id most of its articles had), write assignments and
 * redirects for every old id that did not survive. */
static int rc_write(warta *w, rc_state *s) {
  rc_pair *pairs = calloc(s->n + 1, sizeof *pairs);
  if (!pairs) abort();
  for (size_t i = 0; i < s->n; i++)
    pairs[i] = (rc_pair){s->arts[i].new_ev, s->arts[i].old_ev, 1};
  qsort(pairs, s->n, sizeof *pairs, rc_pair_cmp);
  size_t np = 0;
  for (size_t i = 0; i < s->n; i++) {
    if (np && pairs[np - 1].new_ev == pairs[i].new_ev &&
        pairs[np - 1].old_ev == pairs[i].old_ev)
      pairs[np - 1].count++;
    else
      pairs[np++] = pairs[i];
  }
  qsort(pairs, np, sizeof *pairs, rc_count_cmp);
  rc_map label, claimed, old_to;
  rc_map_init(&label, np);
  rc_map_init(&claimed, np);
  rc_map_init(&old_to, np);
  for (size_t i = 0; i < np; i++) {
    rc_pair *p = &pairs[i];
    if (p->old_ev > 0 && !rc_map_get(&label, p->new_ev) &&
        !rc_map_get(&claimed, p->old_ev)) {
      *rc_map_slot(&label, p->new_ev) = p->old_ev;
      *rc_map_slot(&claimed, p->old_ev) = p->new_ev;
    }
  }
  int64_t next = rc_max_event(w);
  int rc = next < 0 ? -1 : 0;
  for (size_t i = 0; i < s->n && rc == 0; i++) {
    rc_art *a = &s->arts[i];
    int64_t *l = rc_map_slot(&label, a->new_ev);
    if (!*l) *l = ++next;
    if (wt_store_assign(w->st, a->id, *l) != 0) rc = -1;
  }
  /* where each old event's articles mostly went (pairs are by count) */
  for (size_t i = 0; i < np && rc == 0; i++) {
    rc_pair *p = &pairs[i];
    if (p->old_ev <= 0) continue;
    if (rc_map_get(&claimed, p->old_ev)) {
      if (!rc_map_get(&old_to, p->old_ev)) {
        *rc_map_slot(&old_to, p->old_ev) = p->old_ev;
        rc = wt_store_unredirect(w->st, p->old_ev);
      }
    } else if (!rc_map_get(&old_to, p->old_ev)) {
      int64_t to = rc_map_get(&label, p->new_ev);
      *rc_map_slot(&old_to, p->old_ev) = to;
      rc = wt_store_redirect(w->st, p->old_ev, to);
    }
  }
  rc_map_free(&label);
  rc_map_free(&claimed);
  rc_map_free(&old_to);
  free(pairs);
  return rc;
}

int warta_recluster(warta *w) {
  w->err[0] = '\0';
  if (w->read_only)
    return wt_api_fail(w, WARTA_EUSAGE, "the store is open read-only");
  rc_state s = {.clu = wt_clu_new(), .a = wt_arena_new(0)};
  if (!s.clu || !s.a) abort();
  int rc = wt_store_each_features(w->st, rc_add, &s);
  wt_arena_free(s.a);
  if (rc == 0) {
    wt_clu_drain(s.clu, rc_ignore_assign, rc_ignore_redirect, NULL);
    for (size_t i = 0; i < s.n; i++) {
      s.arts[i].new_ev = wt_clu_event_of(s.clu, s.arts[i].id);
      s.arts[i].old_ev = wt_store_event_resolve(w->st, s.arts[i].old_ev);
    }
    rc = wt_store_begin(w->st);
    if (rc == 0) rc = rc_write(w, &s);
    if (rc == 0)
      rc = sqlite3_exec(wt_store_db(w->st), "UPDATE events SET dirty=1",
                        NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    if (rc == 0) rc = wt_store_commit(w->st);
  }
  wt_clu_free(s.clu);
  free(s.arts);
  wt_api_cluster_reset(w);
  if (rc != 0) {
    wt_api_fail(w, WARTA_ESTORE, "recluster: %s",
                sqlite3_errmsg(wt_store_db(w->st)));
    wt_store_rollback(w->st);
    return WARTA_ESTORE;
  }
  return wt_api_refresh_events(w, 0);
}

/* ------------------------------------------------------------ stateless */

int warta_clean_paths(warta *w, const char *const *paths, size_t n,
                      const warta_ingest_opts *o, char **jsonl) {
  w->err[0] = '\0';
  *jsonl = NULL;
  const wt_resources *res = wt_api_resources(w);
  if (!res) return WARTA_ERR;
  wt_ingest *g = wt_ingest_open_paths(paths, n);
  if (!g) return wt_api_fail(w, WARTA_ERR, "cannot open inputs");
  wt_sb out;
  wt_sb_init(&out, WT_API_JSON_MAX);
  long failed = 0, read = 0;
  wt_input in;
  const char *origin;
  char err[512];
  int k;
  while ((k = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
    read++;
    wt_doc *doc = NULL;
    if (k > 0) {
      err[0] = '\0';
      doc = wt_pipeline_clean(res, &in, err, sizeof err);
      origin = in.origin;
    }
    if (!doc) {
      failed++;
      if (o && o->diag) o->diag(o->ud, origin, err[0] ? err : "cannot read");
      continue;
    }
    wt_doc_json_clean(doc, &out);
    wt_sb_addc(&out, '\n');
    wt_doc_free(doc);
  }
  wt_ingest_close(g);
  if (out.toobig) {
    wt_sb_free(&out);
    return wt_api_fail(w, WARTA_ERR, "output too large");
  }
  *jsonl = wt_sb_take(&out);
  if (failed)
    return wt_api_fail(w, WARTA_EINPUT, "%ld of %ld inputs failed", failed,
                       read);
  return WARTA_OK;
}

int warta_read_text(warta *w, const char *text, size_t n, const char *ref_iso,
                    char **json) {
  w->err[0] = '\0';
  *json = NULL;
  if (ref_iso && wt_day_parse(ref_iso) == WT_NO_DAY)
    return wt_api_fail(w, WARTA_EUSAGE,
                       "bad reference time \"%s\" (want YYYY-MM-DD[THH:MM])",
                       ref_iso);
  if (wt_utf8_invalid_at(text, n) >= 0)
    return wt_api_fail(w, WARTA_EUSAGE, "the text is not valid UTF-8");
  const wt_resources *res = wt_api_resources(w);
  if (!res) return WARTA_ERR;
  char *copy = malloc(n + 1);
  if (!copy) abort();
  memcpy(copy, text, n);
  copy[n] = '\0';
  wt_input in = {.origin = "-",
                 .format = wt_ingest_sniff(copy, n),
                 .content = copy,
                 .content_len = n,
                 .raw = copy,
                 .raw_len = n,
                 .published = ref_iso};
  char err[512] = "";
  wt_doc *doc = wt_pipeline_run(res, &in, err, sizeof err);
  if (!doc) {
    free(copy);
    return wt_api_fail(w, WARTA_EINPUT, "%s", err[0] ? err : "cannot read");
  }
  wt_sb out;
  wt_sb_init(&out, WT_API_JSON_MAX);
  wt_doc_json_read(doc, &out);
  wt_doc_free(doc);
  free(copy);
  if (out.toobig) {
    wt_sb_free(&out);
    return wt_api_fail(w, WARTA_ERR, "output too large");
  }
  *json = wt_sb_take(&out);
  return WARTA_OK;
}
