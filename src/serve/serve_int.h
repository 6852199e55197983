/*
 * serve_int.h - what the files of src/serve share:
 *
 *   router.c    request target parsing (path, query), the route table
 *               and matching; no I/O, so it can be fuzzed
 *               (fuzz/fuzz_router.c)
 *   handlers.c  one function per endpoint: public API in, JSON out
 *   serve.c     libmicrohttpd glue: threads, per-thread store handles,
 *               auth, upload limits, the response cache, static assets
 */
#ifndef WT_SERVE_INT_H
#define WT_SERVE_INT_H

#include <stddef.h>

#include "warta.h"

#define SV_MAX_TARGET 8192 /* longest request target accepted (bytes) */
#define SV_MAX_ARGS 16     /* query parameters kept per request */

enum { SV_GET = 1, SV_POST = 2, SV_HEAD = 4 };

/* A parsed request target: the raw path and the decoded query args. */
typedef struct sv_target {
  char path[SV_MAX_TARGET];     /* raw (still percent-encoded), NUL-ended */
  char *key[SV_MAX_ARGS], *val[SV_MAX_ARGS]; /* decoded, point into buf */
  int nargs;
  char buf[SV_MAX_TARGET + 2 * SV_MAX_ARGS + 2]; /* storage for keys and values */
} sv_target;

/* One request as the handlers see it. */
typedef struct sv_req {
  warta *w;            /* the worker's store handle (writer for POST) */
  const sv_target *t;
  const char *param;   /* the decoded {id} of the route, or NULL */
  const char *body;    /* POST body (not NUL-terminated), or NULL */
  size_t body_len;
} sv_req;

/* A response: status, content type and a malloc'd body. */
typedef struct sv_resp {
  int status;
  const char *type; /* static string */
  char *body;
  size_t len;
} sv_resp;

typedef void (*sv_handler)(const sv_req *r, sv_resp *out);

typedef struct sv_route {
  int methods;         /* SV_GET | ... */
  const char *pattern; /* "/api/events/{id}/timeline": at most one {id} */
  sv_handler fn;
  int write;           /* needs the token and the writer handle */
} sv_route;

/* Parse a raw request target ("/path?a=1&b=x%20y").  0 on success, -1
 * when it is too long, not absolute, or badly encoded. */
int sv_target_parse(const char *raw, size_t n, sv_target *t);
/* Value of a query argument, NULL when absent (the first one wins). */
const char *sv_arg(const sv_target *t, const char *key);
/* Percent-decode src[0..n) into dst (cap bytes incl. NUL); '+' becomes a
 * space when `plus`.  Returns the length, or -1 on a bad escape, an
 * encoded NUL, or overflow. */
long sv_decode(const char *src, size_t n, char *dst, size_t cap, int plus);

/* Route a method and raw path.  Returns the route, with the decoded {id}
 * in param (cap bytes); NULL when nothing matches: *status is then 404,
 * 405 (path known, method not: *allow lists the methods) or 400 (bad
 * escape in the id). */
const sv_route *sv_route_match(int method, const char *path, char *param,
                               size_t cap, int *status, const char **allow);

/* Handlers (handlers.c). */
void sv_h_events(const sv_req *r, sv_resp *out);
void sv_h_event(const sv_req *r, sv_resp *out);
void sv_h_event_timeline(const sv_req *r, sv_resp *out);
void sv_h_article(const sv_req *r, sv_resp *out);
void sv_h_article_post(const sv_req *r, sv_resp *out);
void sv_h_entity(const sv_req *r, sv_resp *out);
void sv_h_entity_timeline(const sv_req *r, sv_resp *out);
void sv_h_search(const sv_req *r, sv_resp *out);
void sv_h_health(const sv_req *r, sv_resp *out);
void sv_h_facets(const sv_req *r, sv_resp *out);

/* An error response {"error":{"code":..,"message":..}}. */
void sv_error(sv_resp *out, int status, const char *message);

/* Embedded web assets (generated from web/ at build time). */
typedef struct sv_asset {
  const char *path; /* "/index.html" */
  const unsigned char *data;
  size_t len;
} sv_asset;
extern const sv_asset sv_assets[];
extern const size_t sv_n_assets;

#endif
