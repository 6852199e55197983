/*
 * serve.c - the HTTP server: libmicrohttpd with a pool of worker threads,
 * each with its own read-only store handle (a handle is not thread-safe),
 * one writer handle behind a mutex for POST, a response cache for GETs,
 * and the web page served from assets embedded at build time.
 *
 * Invariants:
 *  - every request is answered with JSON or an asset; errors are
 *    {"error":{"code","message"}} with a 4xx/5xx status, never a crash;
 *  - the raw request target is captured before libmicrohttpd decodes it
 *    (URI log callback) and parsed by router.c, capped at SV_MAX_TARGET;
 *  - a POST body is buffered up to max_body; past it the rest is dropped
 *    and the answer is 413;
 *  - writes need the configured token (401 without one, 403 when it is
 *    wrong); without a configured token every write is 403;
 *  - a cached response is served only while the cache generation it was
 *    made under is current.  The generation moves when this server writes
 *    and when any worker's handle notices a write by another connection
 *    (warta_sync), which every request checks before it reads.
 */
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "serve.h"
#include "serve_int.h"

#define SV_CACHE_SLOTS 4096
#define SV_CACHE_MAX_BODY ((size_t)1 << 20) /* bigger responses not cached */
#define SV_DEFAULT_LISTEN "127.0.0.1:8080"

/* A cached response body, shared by the responses made from it. */
typedef struct sv_blob {
  atomic_int ref;
  int status;
  size_t len;
  char data[];
} sv_blob;

typedef struct sv_slot {
  char *key;
  unsigned long gen;
  sv_blob *blob;
} sv_slot;

struct wt_server {
  struct MHD_Daemon *d;
  char *db, *token;
  size_t max_body;
  int quiet;
  unsigned port;
  pthread_mutex_t lock; /* readers list */
  warta **readers;
  size_t nreaders, capreaders;
  pthread_mutex_t wlock; /* the writer handle */
  warta *writer;
  atomic_ulong gen;
  pthread_mutex_t clock; /* the cache */
  sv_slot *cache;
  struct MHD_Response **assets; /* one per sv_assets entry */
};

/* Per request: the raw target and the POST body. */
typedef struct sv_conn {
  char *uri;
  size_t uri_n;
  int started, too_big;
  char *body;
  size_t len, cap;
} sv_conn;

static __thread warta *sv_tls_w;
static __thread const wt_server *sv_tls_srv;

/* ------------------------------------------------------------ handles */

/* The calling worker's read handle, opened on first use; NULL on error. */
static warta *sv_reader(wt_server *s) {
  if (sv_tls_w && sv_tls_srv == s) return sv_tls_w;
  warta_options o = {.db_path = s->db, .read_only = 1};
  warta *w = NULL;
  char *err = NULL;
  if (warta_open(&o, &w, &err) != WARTA_OK) {
    if (!s->quiet) fprintf(stderr, "warta: serve: %s\n", err ? err : "open");
    warta_free(err);
    return NULL;
  }
  pthread_mutex_lock(&s->lock);
  if (s->nreaders == s->capreaders) {
    s->capreaders = s->capreaders ? 2 * s->capreaders : 16;
    s->readers = realloc(s->readers, s->capreaders * sizeof *s->readers);
    if (!s->readers) abort();
  }
  s->readers[s->nreaders++] = w;
  pthread_mutex_unlock(&s->lock);
  sv_tls_w = w;
  sv_tls_srv = s;
  return w;
}

/* Notice writes by other connections; moves the cache generation. */
static void sv_sync(wt_server *s, warta *w) {
  if (warta_sync(w) != 0) atomic_fetch_add(&s->gen, 1);
}

/* -------------------------------------------------------------- cache */

static size_t sv_hash(const char *k) {
  size_t h = 1469598103934665603u;
  for (; *k; k++) h = (h ^ (unsigned char)*k) * 1099511628211u;
  return h % SV_CACHE_SLOTS;
}

static void sv_blob_unref(void *p) {
  sv_blob *b = p;
  if (b && atomic_fetch_sub(&b->ref, 1) == 1) free(b);
}

/* A cached blob for key made under generation gen (referenced), or NULL. */
static sv_blob *sv_cache_get(wt_server *s, const char *key, unsigned long gen) {
  sv_slot *sl = &s->cache[sv_hash(key)];
  sv_blob *b = NULL;
  pthread_mutex_lock(&s->clock);
  if (sl->key && sl->gen == gen && strcmp(sl->key, key) == 0) {
    b = sl->blob;
    atomic_fetch_add(&b->ref, 1);
  }
  pthread_mutex_unlock(&s->clock);
  return b;
}

static void sv_cache_put(wt_server *s, const char *key, unsigned long gen,
                         sv_blob *b) {
  sv_slot *sl = &s->cache[sv_hash(key)];
  char *k = strdup(key);
  if (!k) return;
  atomic_fetch_add(&b->ref, 1);
  pthread_mutex_lock(&s->clock);
  char *old_k = sl->key;
  sv_blob *old_b = sl->blob;
  sl->key = k;
  sl->gen = gen;
  sl->blob = b;
  pthread_mutex_unlock(&s->clock);
  free(old_k);
  sv_blob_unref(old_b);
}

/* ---------------------------------------------------------- responses */

static void sv_headers(struct MHD_Response *r, const char *type) {
  MHD_add_response_header(r, "Content-Type", type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Cache-Control", "no-cache");
}

static enum MHD_Result sv_queue_blob(struct MHD_Connection *c, sv_blob *b) {
  struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback_cls(
      b->len, b->data, sv_blob_unref, b);
  if (!r) {
    sv_blob_unref(b);
    return MHD_NO;
  }
  sv_headers(r, "application/json; charset=utf-8");
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)b->status, r);
  MHD_destroy_response(r);
  return ret;
}

/* Queue a handler's response (consumes its body). */
static enum MHD_Result sv_queue(struct MHD_Connection *c, sv_resp *out,
                                const char *allow, int auth) {
  if (!out->body) { /* out of memory building JSON */
    static const char oom[] =
        "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}";
    out->status = 500;
    out->body = strdup(oom);
    if (!out->body) return MHD_NO;
    out->len = strlen(out->body);
    out->type = "application/json; charset=utf-8";
  }
  struct MHD_Response *r =
      MHD_create_response_from_buffer_with_free_callback(out->len, out->body,
                                                         free);
  if (!r) {
    free(out->body);
    return MHD_NO;
  }
  sv_headers(r, out->type);
  if (allow) MHD_add_response_header(r, "Allow", allow);
  if (auth) MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)out->status, r);
  MHD_destroy_response(r);
  return ret;
}

static enum MHD_Result sv_fail(struct MHD_Connection *c, int status,
                               const char *msg) {
  sv_resp out = {0};
  sv_error(&out, status, msg);
  return sv_queue(c, &out, NULL, status == 401);
}

/* ------------------------------------------------------------- assets */

static const char *sv_mime(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot) return "application/octet-stream";
  if (!strcmp(dot, ".html")) return "text/html; charset=utf-8";
  if (!strcmp(dot, ".css")) return "text/css; charset=utf-8";
  if (!strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
  if (!strcmp(dot, ".svg")) return "image/svg+xml";
  if (!strcmp(dot, ".png")) return "image/png";
  if (!strcmp(dot, ".ico")) return "image/x-icon";
  return "application/octet-stream";
}

static int sv_assets_make(wt_server *s) {
  s->assets = calloc(sv_n_assets + 1, sizeof *s->assets);
  if (!s->assets) return -1;
  for (size_t i = 0; i < sv_n_assets; i++) {
    struct MHD_Response *r = MHD_create_response_from_buffer(
        sv_assets[i].len, (void *)sv_assets[i].data, MHD_RESPMEM_PERSISTENT);
    if (!r) return -1;
    sv_headers(r, sv_mime(sv_assets[i].path));
    MHD_add_response_header(
        r, "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; object-src 'none';"
        " base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    s->assets[i] = r;
  }
  return 0;
}

static struct MHD_Response *sv_asset_find(const wt_server *s, const char *path) {
  if (strcmp(path, "/") == 0) path = "/index.html";
  for (size_t i = 0; i < sv_n_assets; i++)
    if (strcmp(sv_assets[i].path, path) == 0) return s->assets[i];
  return NULL;
}

/* ------------------------------------------------------------ requests */

static void *sv_uri_log(void *cls, const char *uri, struct MHD_Connection *c) {
  sv_conn *k = calloc(1, sizeof *k);
  if (!k) return NULL;
  k->uri_n = strnlen(uri, SV_MAX_TARGET);
  k->uri = strndup(uri, k->uri_n);
  return k;
}

static void sv_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  sv_conn *k = *con_cls;
  if (!k) return;
  free(k->uri);
  free(k->body);
  free(k);
  *con_cls = NULL;
}

/* Comparison of the presented token with the configured one in time that
 * depends only on the configured token's length. */
static int sv_token_eq(const char *given, const char *want) {
  size_t ng = strlen(given), nw = strlen(want);
  unsigned char d = (unsigned char)(ng != nw);
  for (size_t i = 0; i < nw; i++)
    d |= (unsigned char)((i < ng ? given[i] : 0) ^ want[i]);
  return d == 0;
}

/* 0 when the request may write, else the status to answer with. */
static int sv_auth(const wt_server *s, struct MHD_Connection *c,
                   const char **msg) {
  if (!s->token) {
    *msg = "this server is read-only (start it with a token to allow writes)";
    return 403;
  }
  const char *tok = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                "X-Warta-Token");
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                              "Authorization");
  if (!tok && h && strncasecmp(h, "Bearer ", 7) == 0) tok = h + 7;
  if (!tok || !*tok) {
    *msg = "missing token (Authorization: Bearer TOKEN)";
    return 401;
  }
  if (!sv_token_eq(tok, s->token)) {
    *msg = "wrong token";
    return 403;
  }
  return 0;
}

static enum MHD_Result sv_handle(wt_server *s, struct MHD_Connection *c,
                                 sv_conn *k, int method) {
  sv_target t;
  if (!k->uri || sv_target_parse(k->uri, k->uri_n, &t) != 0)
    return sv_fail(c, 400, "bad request target");
  if (method & (SV_GET | SV_HEAD)) {
    struct MHD_Response *a = sv_asset_find(s, t.path);
    if (a) return MHD_queue_response(c, MHD_HTTP_OK, a);
  }
  char param[SV_MAX_TARGET];
  int status;
  const char *allow;
  const sv_route *rt =
      sv_route_match(method, t.path, param, sizeof param, &status, &allow);
  if (!rt) {
    sv_resp out = {0};
    sv_error(&out, status,
             status == 405   ? "method not allowed"
             : status == 400 ? "bad id in the path"
                             : "no such resource");
    return sv_queue(c, &out, allow, 0);
  }
  if (k->too_big) return sv_fail(c, 413, "body too large");
  sv_req req = {.t = &t, .param = param[0] ? param : NULL,
                .body = k->body, .body_len = k->len};
  sv_resp out = {0};
  if (rt->write) {
    pthread_mutex_lock(&s->wlock);
    req.w = s->writer;
    sv_sync(s, s->writer);
    rt->fn(&req, &out);
    atomic_fetch_add(&s->gen, 1);
    pthread_mutex_unlock(&s->wlock);
    return sv_queue(c, &out, NULL, 0);
  }
  req.w = sv_reader(s);
  if (!req.w) return sv_fail(c, 503, "the store cannot be opened");
  sv_sync(s, req.w);
  unsigned long gen = atomic_load(&s->gen);
  sv_blob *b = sv_cache_get(s, k->uri, gen);
  if (b) return sv_queue_blob(c, b);
  rt->fn(&req, &out);
  if (out.status == 200 && out.body && out.len <= SV_CACHE_MAX_BODY) {
    b = malloc(sizeof *b + out.len);
    if (b) {
      atomic_init(&b->ref, 1);
      b->status = 200;
      b->len = out.len;
      memcpy(b->data, out.body, out.len);
      sv_cache_put(s, k->uri, gen, b);
      free(out.body);
      return sv_queue_blob(c, b);
    }
  }
  return sv_queue(c, &out, NULL, 0);
}

static enum MHD_Result sv_access(void *cls, struct MHD_Connection *c,
                                 const char *url, const char *method_s,
                                 const char *version, const char *upload,
                                 size_t *upload_n, void **con_cls) {
  wt_server *s = cls;
  sv_conn *k = *con_cls;
  if (!k) return MHD_NO; /* out of memory in sv_uri_log */
  int method = !strcmp(method_s, "GET")    ? SV_GET
               : !strcmp(method_s, "HEAD") ? SV_HEAD
               : !strcmp(method_s, "POST") ? SV_POST
                                           : 0;
  if (method != SV_POST) {
    if (*upload_n) { /* a body nobody reads */
      *upload_n = 0;
      return MHD_YES;
    }
    if (k->started) return MHD_YES;
    k->started = 1;
    return sv_handle(s, c, k, method);
  }
  if (!k->started) { /* headers only: refuse early what will be refused */
    k->started = 1;
    const char *msg;
    int st = sv_auth(s, c, &msg);
    sv_target t;
    char param[SV_MAX_TARGET];
    const char *allow;
    int rs;
    if (!k->uri || sv_target_parse(k->uri, k->uri_n, &t) != 0 ||
        !sv_route_match(SV_POST, t.path, param, sizeof param, &rs, &allow))
      return sv_handle(s, c, k, method);
    if (st) return sv_fail(c, st, msg);
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                 "Content-Length");
    if (cl && strtoull(cl, NULL, 10) > s->max_body)
      return sv_fail(c, 413, "body too large");
    return MHD_YES;
  }
  if (*upload_n) {
    if (!k->too_big && k->len + *upload_n > s->max_body) {
      k->too_big = 1;
      free(k->body);
      k->body = NULL;
      k->len = k->cap = 0;
    }
    if (!k->too_big) {
      if (k->len + *upload_n > k->cap) {
        size_t cap = k->cap ? k->cap : 65536;
        while (cap < k->len + *upload_n) cap *= 2;
        if (cap > s->max_body) cap = s->max_body;
        char *nb = realloc(k->body, cap);
        if (!nb) return MHD_NO;
        k->body = nb;
        k->cap = cap;
      }
      memcpy(k->body + k->len, upload, *upload_n);
      k->len += *upload_n;
    }
    *upload_n = 0;
    return MHD_YES;
  }
  return sv_handle(s, c, k, method);
}

/* -------------------------------------------------------------- daemon */

/* Resolve "ADDR:PORT" / "[ADDR]:PORT" into a socket address. */
static int sv_listen_addr(const char *spec, struct sockaddr_storage *ss,
                          socklen_t *len, int *v6, char *err, size_t errlen) {
  char host[256];
  const char *colon = strrchr(spec, ':');
  const char *h = spec;
  size_t hn;
  if (!colon || !colon[1]) goto bad;
  if (*spec == '[') {
    const char *rb = strchr(spec, ']');
    if (!rb || rb + 1 != colon) goto bad;
    h = spec + 1;
    hn = (size_t)(rb - h);
  } else {
    hn = (size_t)(colon - spec);
  }
  if (hn == 0 || hn >= sizeof host) goto bad;
  memcpy(host, h, hn);
  host[hn] = '\0';
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (*end || port < 0 || port > 65535) goto bad;
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                           .ai_flags = AI_PASSIVE}, *res = NULL;
  if (getaddrinfo(host, colon + 1, &hints, &res) != 0 || !res) {
    snprintf(err, errlen, "cannot resolve listen address \"%s\"", host);
    return -1;
  }
  memcpy(ss, res->ai_addr, res->ai_addrlen);
  *len = res->ai_addrlen;
  *v6 = res->ai_family == AF_INET6;
  freeaddrinfo(res);
  return 0;
bad:
  snprintf(err, errlen, "bad listen address \"%s\" (want ADDR:PORT)", spec);
  return -1;
}

int wt_serve_start(const wt_serve_opts *o, wt_server **out, char *err,
                   size_t errlen) {
  *out = NULL;
  struct sockaddr_storage ss;
  socklen_t sl;
  int v6;
  if (sv_listen_addr(o->listen ? o->listen : SV_DEFAULT_LISTEN, &ss, &sl, &v6,
                     err, errlen) != 0)
    return -1;
  wt_server *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->db = strdup(o->db ? o->db : "warta.db");
  s->token = o->token && *o->token ? strdup(o->token) : NULL;
  s->max_body = o->max_body ? o->max_body : (size_t)8 << 20;
  s->quiet = o->quiet;
  s->cache = calloc(SV_CACHE_SLOTS, sizeof *s->cache);
  if (!s->db || !s->cache || (o->token && *o->token && !s->token)) abort();
  pthread_mutex_init(&s->lock, NULL);
  pthread_mutex_init(&s->wlock, NULL);
  pthread_mutex_init(&s->clock, NULL);
  atomic_init(&s->gen, 1);
  /* the writer (with a token) creates the store; a read-only server
   * checks here that it can be read */
  warta_options wo = {.db_path = s->db, .read_only = s->token == NULL};
  char *e = NULL;
  warta *w = NULL;
  if (warta_open(&wo, &w, &e) != WARTA_OK) {
    snprintf(err, errlen, "%s", e ? e : "cannot open the store");
    warta_free(e);
    wt_serve_stop(s);
    return -1;
  }
  if (s->token)
    s->writer = w;
  else
    warta_close(w);
  if (sv_assets_make(s) != 0) {
    snprintf(err, errlen, "out of memory");
    wt_serve_stop(s);
    return -1;
  }
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
  if (v6) flags |= MHD_USE_IPv6;
  if (!o->quiet) flags |= MHD_USE_ERROR_LOG;
  s->d = MHD_start_daemon(
      flags, 0, NULL, NULL, sv_access, s, MHD_OPTION_SOCK_ADDR,
      (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(o->threads > 0 ? o->threads : 4),
      MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)(o->timeout_s > 0 ? o->timeout_s : 15),
      MHD_OPTION_CONNECTION_LIMIT,
      (unsigned)(o->max_conns > 0 ? o->max_conns : 1024),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 << 10,
      MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_URI_LOG_CALLBACK,
      sv_uri_log, s, MHD_OPTION_NOTIFY_COMPLETED, sv_completed, s,
      MHD_OPTION_END);
  if (!s->d) {
    snprintf(err, errlen, "cannot listen on %s (in use or not allowed)",
             o->listen ? o->listen : SV_DEFAULT_LISTEN);
    wt_serve_stop(s);
    return -1;
  }
  const union MHD_DaemonInfo *di =
      MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
  s->port = di ? di->port : 0;
  *out = s;
  return 0;
}

unsigned wt_serve_port(const wt_server *s) { return s ? s->port : 0; }

void wt_serve_stop(wt_server *s) {
  if (!s) return;
  if (s->d) MHD_stop_daemon(s->d);
  for (size_t i = 0; i < s->nreaders; i++) warta_close(s->readers[i]);
  free(s->readers);
  warta_close(s->writer);
  for (size_t i = 0; s->cache && i < SV_CACHE_SLOTS; i++) {
    free(s->cache[i].key);
    sv_blob_unref(s->cache[i].blob);
  }
  free(s->cache);
  for (size_t i = 0; s->assets && i < sv_n_assets; i++)
    if (s->assets[i]) MHD_destroy_response(s->assets[i]);
  free(s->assets);
  pthread_mutex_destroy(&s->lock);
  pthread_mutex_destroy(&s->wlock);
  pthread_mutex_destroy(&s->clock);
  free(s->db);
  free(s->token);
  free(s);
}
