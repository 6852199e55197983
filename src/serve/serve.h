/*
 * serve.h - `warta serve`: an HTTP server (libmicrohttpd) with a JSON API
 * over the store and the web page from web/, embedded in the binary.
 * The API is documented in docs/api.md; the server uses only the public
 * API (include/warta.h) to reach the store.
 */
#ifndef WT_SERVE_H
#define WT_SERVE_H

#include <stddef.h>

typedef struct wt_serve_opts {
  const char *db;     /* store file (must exist unless a token is set) */
  const char *listen; /* "ADDR:PORT" (IPv4 or [IPv6]); port 0: ephemeral;
                         NULL: 127.0.0.1:8080 */
  const char *token;  /* bearer token for writes; NULL or "": read-only */
  int threads;        /* worker threads (0: 4) */
  size_t max_body;    /* POST body cap in bytes (0: 8 MB) */
  int timeout_s;      /* idle connection timeout (0: 15 s) */
  int max_conns;      /* connection limit (0: 1024) */
  int quiet;          /* no request errors on stderr */
} wt_serve_opts;

typedef struct wt_server wt_server;

/* Start serving in background threads.  Returns 0 and the server, or -1
 * with a reason in err (bad listen address, store cannot be opened, port
 * in use).  The caller stops it with wt_serve_stop(). */
int wt_serve_start(const wt_serve_opts *o, wt_server **out, char *err,
                   size_t errlen);
/* The port the server is bound to (useful with port 0). */
unsigned wt_serve_port(const wt_server *s);
/* Stop accepting, finish running requests, close every handle, free. */
void wt_serve_stop(wt_server *s);

#endif
