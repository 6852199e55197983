/*
 * router.c - request targets and the route table.
 *
 * A target is split into the raw path and the query; query keys and
 * values are percent-decoded ('+' is a space) into the target's own
 * buffer.  Routes match the raw path, so an id may carry an encoded '/'
 * ("%2F"): the {id} of a pattern is one raw segment, decoded after the
 * match.  Nothing here allocates or does I/O; every length is capped
 * (SV_MAX_TARGET, SV_MAX_ARGS), so it is fuzzed as is (fuzz_router.c).
 */
#include <string.h>

#include "serve_int.h"

/* The API.  Order matters only for readability: patterns do not overlap. */
static const sv_route sv_routes[] = {
    {SV_GET | SV_HEAD, "/api/health", sv_h_health, 0},
    {SV_GET | SV_HEAD, "/api/facets", sv_h_facets, 0},
    {SV_GET | SV_HEAD, "/api/events", sv_h_events, 0},
    {SV_GET | SV_HEAD, "/api/events/{id}", sv_h_event, 0},
    {SV_GET | SV_HEAD, "/api/events/{id}/timeline", sv_h_event_timeline, 0},
    {SV_POST, "/api/articles", sv_h_article_post, 1},
    {SV_GET | SV_HEAD, "/api/articles/{id}", sv_h_article, 0},
    {SV_GET | SV_HEAD, "/api/entities/{id}", sv_h_entity, 0},
    {SV_GET | SV_HEAD, "/api/entities/{id}/timeline", sv_h_entity_timeline, 0},
    {SV_GET | SV_HEAD, "/api/search", sv_h_search, 0},
};
#define SV_NROUTES (sizeof sv_routes / sizeof *sv_routes)

static int sv_hex(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

long sv_decode(const char *src, size_t n, char *dst, size_t cap, int plus) {
  size_t k = 0;
  if (cap == 0) return -1;
  for (size_t i = 0; i < n; i++) {
    int c = (unsigned char)src[i];
    if (c == '%') {
      if (i + 2 >= n) return -1; /* truncated escape */
      int hi = sv_hex((unsigned char)src[i + 1]);
      int lo = sv_hex((unsigned char)src[i + 2]);
      if (hi < 0 || lo < 0) return -1;
      c = hi * 16 + lo;
      if (c == 0) return -1;
      i += 2;
    } else if (c == '+' && plus) {
      c = ' ';
    } else if (c == 0) {
      return -1;
    }
    if (k + 1 >= cap) return -1;
    dst[k++] = (char)c;
  }
  dst[k] = '\0';
  return (long)k;
}

int sv_target_parse(const char *raw, size_t n, sv_target *t) {
  t->nargs = 0;
  t->path[0] = '\0';
  if (n == 0 || n >= SV_MAX_TARGET || raw[0] != '/') return -1;
  const char *q = memchr(raw, '?', n);
  size_t pn = q ? (size_t)(q - raw) : n;
  const char *hash = memchr(raw, '#', pn);
  if (hash) pn = (size_t)(hash - raw);
  if (memchr(raw, '\0', n)) return -1;
  memcpy(t->path, raw, pn);
  t->path[pn] = '\0';
  if (!q) return 0;
  const char *p = q + 1, *end = raw + n;
  char *b = t->buf, *bend = t->buf + sizeof t->buf;
  while (p < end) {
    const char *amp = memchr(p, '&', (size_t)(end - p));
    const char *pe = amp ? amp : end;
    const char *eq = memchr(p, '=', (size_t)(pe - p));
    const char *ke = eq ? eq : pe;
    if (ke > p) { /* empty keys ("&&", "=x") are skipped */
      if (t->nargs == SV_MAX_ARGS) return -1;
      long kl = sv_decode(p, (size_t)(ke - p), b, (size_t)(bend - b), 1);
      if (kl < 0) return -1;
      t->key[t->nargs] = b;
      b += kl + 1;
      const char *vs = eq ? eq + 1 : pe;
      long vl = sv_decode(vs, (size_t)(pe - vs), b, (size_t)(bend - b), 1);
      if (vl < 0) return -1;
      t->val[t->nargs++] = b;
      b += vl + 1;
    }
    p = pe + 1;
  }
  return 0;
}

const char *sv_arg(const sv_target *t, const char *key) {
  for (int i = 0; i < t->nargs; i++)
    if (strcmp(t->key[i], key) == 0) return t->val[i];
  return NULL;
}

/* Does a raw path match a pattern?  Sets the raw {id} span. */
static int sv_match(const char *pat, const char *path, const char **id,
                    size_t *idn) {
  const char *brace = strstr(pat, "{id}");
  *id = NULL;
  *idn = 0;
  if (!brace) return strcmp(pat, path) == 0;
  size_t pre = (size_t)(brace - pat);
  const char *suf = brace + 4;
  size_t sn = strlen(suf), n = strlen(path);
  if (n <= pre + sn || strncmp(pat, path, pre) != 0) return 0;
  if (strcmp(path + n - sn, suf) != 0) return 0;
  const char *s = path + pre;
  size_t sl = n - pre - sn;
  if (memchr(s, '/', sl)) return 0; /* one segment: '/' inside is "%2F" */
  *id = s;
  *idn = sl;
  return 1;
}

const sv_route *sv_route_match(int method, const char *path, char *param,
                               size_t cap, int *status, const char **allow) {
  int known = 0;
  *status = 404;
  *allow = NULL;
  param[0] = '\0';
  for (size_t i = 0; i < SV_NROUTES; i++) {
    const char *id;
    size_t idn;
    if (!sv_match(sv_routes[i].pattern, path, &id, &idn)) continue;
    known |= sv_routes[i].methods;
    if (!(sv_routes[i].methods & method)) continue;
    if (id && sv_decode(id, idn, param, cap, 0) <= 0) {
      *status = 400;
      return NULL;
    }
    return &sv_routes[i];
  }
  if (known) {
    *status = 405;
    *allow = known & SV_POST ? (known & SV_GET ? "GET, HEAD, POST" : "POST")
                             : "GET, HEAD";
  }
  return NULL;
}
