/*
 * handlers.c - one function per API endpoint (routes in router.c).  Each
 * reads its parameters from the request, calls the public API on the
 * worker's handle, and fills a response: the API's JSON (docs/json.md),
 * wrapped where an endpoint pages or reports, or an error object.
 *
 * Status mapping: WARTA_ENOTFOUND -> 404, WARTA_EUSAGE -> 400 (bad
 * parameter), anything else -> 500.  Handlers never keep state.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_int.h"

#define SV_JSON "application/json; charset=utf-8"
#define SV_EVENTS_DEFAULT 50
#define SV_EVENTS_MAX 500
#define SV_SEARCH_DEFAULT 20
#define SV_SEARCH_MAX 100

static void sv_take(sv_resp *out, int status, char *s) {
  out->status = status;
  out->type = SV_JSON;
  out->body = s;
  out->len = s ? strlen(s) : 0;
}

void sv_error(sv_resp *out, int status, const char *message) {
  static const struct { int status; const char *code; } codes[] = {
      {400, "bad_request"}, {401, "unauthorized"}, {403, "forbidden"},
      {404, "not_found"},   {405, "method_not_allowed"},
      {413, "payload_too_large"}, {500, "internal"}, {503, "unavailable"}};
  const char *code = "error";
  for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
    if (codes[i].status == status) code = codes[i].code;
  json_t *e = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message",
                        message ? message : code);
  char *s = e ? json_dumps(e, JSON_COMPACT) : NULL;
  json_decref(e);
  sv_take(out, status, s);
}

/* Map a warta status to a response, taking the JSON on success. */
static void sv_result(const sv_req *r, sv_resp *out, int rc, char *json) {
  if (rc == WARTA_OK && json) {
    sv_take(out, 200, json);
    return;
  }
  warta_free(json);
  int status = rc == WARTA_ENOTFOUND ? 404 : rc == WARTA_EUSAGE ? 400 : 500;
  sv_error(out, status, warta_errmsg(r->w));
}

/* An integer argument in [1, max]; def when absent; -1 when bad. */
static int sv_int_arg(const sv_req *r, const char *key, int def, int max) {
  const char *s = sv_arg(r->t, key);
  if (!s) return def;
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < 1 || v > max) return -1;
  return (int)v;
}

/* A text argument: NULL when absent or empty. */
static const char *sv_text_arg(const sv_req *r, const char *key) {
  const char *s = sv_arg(r->t, key);
  return s && *s ? s : NULL;
}

void sv_h_events(const sv_req *r, sv_resp *out) {
  int limit = sv_int_arg(r, "limit", SV_EVENTS_DEFAULT, SV_EVENTS_MAX);
  if (limit < 0) {
    sv_error(out, 400, "limit must be an integer from 1 to 500");
    return;
  }
  const char *order = sv_arg(r->t, "order");
  if (order && strcmp(order, "newest") != 0 && strcmp(order, "oldest") != 0) {
    sv_error(out, 400, "order must be newest or oldest");
    return;
  }
  warta_event_filter f = {
      .since = sv_text_arg(r, "since"), .until = sv_text_arg(r, "until"),
      .entity = sv_text_arg(r, "entity"), .type = sv_text_arg(r, "type"),
      .outlet = sv_text_arg(r, "outlet"), .q = sv_text_arg(r, "q"),
      .cursor = sv_text_arg(r, "cursor"), .limit = limit + 1,
      .newest_first = !order || strcmp(order, "newest") == 0};
  char *jl = NULL;
  int rc = warta_events(r->w, &f, &jl);
  if (rc != WARTA_OK) {
    sv_result(r, out, rc, jl);
    return;
  }
  /* JSON Lines -> {"events": [...], "next_cursor": ...}; one line more
   * than asked tells whether there is a next page */
  size_t n = strlen(jl), k = 0, lines = 0;
  char *s = malloc(n + 128);
  if (!s) abort();
  k += (size_t)sprintf(s, "{\"events\":[");
  const char *p = jl, *last = NULL;
  size_t last_n = 0;
  while (*p && lines < (size_t)limit) {
    const char *nl = strchr(p, '\n');
    size_t ln = nl ? (size_t)(nl - p) : strlen(p);
    if (ln) {
      if (lines++) s[k++] = ',';
      memcpy(s + k, p, ln);
      k += ln;
      last = p;
      last_n = ln;
    }
    p += ln + (nl ? 1 : 0);
  }
  int more = *p != '\0';
  json_t *cur = NULL;
  if (more && last) {
    json_t *o = json_loadb(last, last_n, 0, NULL);
    cur = json_incref(json_object_get(o, "cursor"));
    json_decref(o);
  }
  char *cs = cur ? json_dumps(cur, JSON_ENCODE_ANY) : NULL;
  json_decref(cur);
  s = realloc(s, k + 64 + (cs ? strlen(cs) : 0));
  if (!s) abort();
  k += (size_t)sprintf(s + k, "],\"next_cursor\":%s}", cs ? cs : "null");
  free(cs);
  warta_free(jl);
  sv_take(out, 200, s);
}

/* An event id: digits only (the API would take a name for a timeline). */
static int sv_event_id_ok(const char *id) {
  if (!*id || strlen(id) > 18) return 0;
  for (const char *p = id; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  return 1;
}

void sv_h_event(const sv_req *r, sv_resp *out) {
  if (!sv_event_id_ok(r->param)) {
    sv_error(out, 400, "an event id is a positive integer");
    return;
  }
  char *json = NULL;
  int rc = warta_event(r->w, r->param, &json);
  sv_result(r, out, rc, json);
}

void sv_h_event_timeline(const sv_req *r, sv_resp *out) {
  if (!sv_event_id_ok(r->param)) {
    sv_error(out, 400, "an event id is a positive integer");
    return;
  }
  char *json = NULL;
  int rc = warta_timeline(r->w, r->param, &json);
  sv_result(r, out, rc, json);
}

void sv_h_article(const sv_req *r, sv_resp *out) {
  char *json = NULL;
  int rc = warta_article(r->w, r->param, &json);
  sv_result(r, out, rc, json);
}

void sv_h_entity(const sv_req *r, sv_resp *out) {
  char *json = NULL;
  int rc = warta_entity(r->w, r->param, &json);
  sv_result(r, out, rc, json);
}

void sv_h_entity_timeline(const sv_req *r, sv_resp *out) {
  char *json = NULL;
  int rc = warta_timeline(r->w, r->param, &json);
  sv_result(r, out, rc, json);
}

void sv_h_search(const sv_req *r, sv_resp *out) {
  const char *q = sv_text_arg(r, "q");
  int limit = sv_int_arg(r, "limit", SV_SEARCH_DEFAULT, SV_SEARCH_MAX);
  if (!q || !q[strspn(q, " \t\r\n")]) {
    sv_error(out, 400, "missing q (the words to search for)");
    return;
  }
  if (limit < 0) {
    sv_error(out, 400, "limit must be an integer from 1 to 100");
    return;
  }
  char *json = NULL;
  int rc = warta_search(r->w, q, limit, &json);
  sv_result(r, out, rc, json);
}

void sv_h_health(const sv_req *r, sv_resp *out) {
  char *json = NULL;
  int rc = warta_health(r->w, &json);
  sv_result(r, out, rc, json);
}

void sv_h_facets(const sv_req *r, sv_resp *out) {
  int limit = sv_int_arg(r, "limit", 50, 500);
  if (limit < 0) {
    sv_error(out, 400, "limit must be an integer from 1 to 500");
    return;
  }
  char *json = NULL;
  int rc = warta_facets(r->w, limit, &json);
  sv_result(r, out, rc, json);
}

void sv_h_article_post(const sv_req *r, sv_resp *out) {
  if (!r->body || r->body_len == 0 ||
      r->body_len == strspn(r->body, " \t\r\n")) {
    sv_error(out, 400, "empty body: send one article JSON object or JSON Lines");
    return;
  }
  warta_ingest_stats st = {0};
  char *res = NULL;
  int rc = warta_ingest_buffer(r->w, "body", r->body, r->body_len, NULL, &st,
                               &res);
  if (rc != WARTA_OK && rc != WARTA_EINPUT) {
    sv_result(r, out, rc, res);
    return;
  }
  json_t *o = json_pack("{s:I,s:I,s:I,s:I}", "read", (json_int_t)st.read,
                        "stored", (json_int_t)st.stored, "duplicates",
                        (json_int_t)st.duplicates, "failed",
                        (json_int_t)st.failed);
  json_t *arr = res ? json_loads(res, 0, NULL) : NULL;
  warta_free(res);
  json_object_set_new(o, "results", arr ? arr : json_array());
  /* nothing usable in the body: the request as a whole is bad */
  int status = st.failed > 0 && st.stored + st.duplicates == 0 ? 400 : 200;
  if (status == 400)
    json_object_set_new(
        o, "error",
        json_pack("{s:s,s:s}", "code", "bad_request", "message",
                  "no article in the body could be read; see results"));
  char *s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  sv_take(out, status, s);
}
