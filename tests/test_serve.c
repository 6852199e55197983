/*
 * test_serve.c - `warta serve`: every endpoint and its error paths over
 * raw HTTP on 127.0.0.1 (ephemeral port), writes with and without the
 * token, JSON Lines with bad lines, oversized bodies, slow clients, cache
 * invalidation by writes, and hostile article text served as JSON text.
 * Sockets have receive timeouts and every loop is bounded.
 */
#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "serve/serve.h"

#define TOKEN "t0ken-for-tests"

typedef struct http_res {
  int status;
  char *head, *body;
  json_t *json;
} http_res;

static void http_free(http_res *r) {
  free(r->head);
  json_decref(r->json);
  memset(r, 0, sizeof *r);
}

static int http_connect(unsigned port, int timeout_s) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct timeval tv = {timeout_s, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Send raw bytes, read the whole answer (the request says Connection:
 * close), split head and body, parse the body as JSON when it is. */
static int http_raw(unsigned port, const char *req, size_t n, http_res *r) {
  memset(r, 0, sizeof *r);
  int fd = http_connect(port, 10);
  if (fd < 0) return -1;
  for (size_t off = 0; off < n;) {
    ssize_t k = send(fd, req + off, n - off, MSG_NOSIGNAL);
    if (k <= 0) break; /* the server may answer (413) before reading all */
    off += (size_t)k;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (int i = 0; i < 100000; i++) {
    if (len + 4096 > cap) buf = realloc(buf, cap *= 2);
    ssize_t k = recv(fd, buf + len, cap - len - 1, 0);
    if (k <= 0) break;
    len += (size_t)k;
  }
  close(fd);
  buf[len] = '\0';
  char *sep = strstr(buf, "\r\n\r\n");
  if (!sep || sscanf(buf, "HTTP/1.%*d %d", &r->status) != 1) {
    free(buf);
    return -1;
  }
  *sep = '\0';
  r->head = buf;
  r->body = sep + 4;
  r->json = json_loads(r->body, 0, NULL);
  return 0;
}

static int http(unsigned port, const char *method, const char *path,
                const char *headers, const char *body, http_res *r) {
  size_t bn = body ? strlen(body) : 0;
  char *req = malloc(bn + strlen(path) + (headers ? strlen(headers) : 0) + 512);
  int n = sprintf(req,
                  "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                  "%s",
                  method, path, headers ? headers : "");
  if (body) n += sprintf(req + n, "Content-Length: %zu\r\n", bn);
  n += sprintf(req + n, "\r\n");
  if (body) memcpy(req + n, body, bn);
  int rc = http_raw(port, req, (size_t)n + bn, r);
  free(req);
  return rc;
}

static const char *err_code(const http_res *r) {
  return json_string_value(
      json_object_get(json_object_get(r->json, "error"), "code"));
}

/* A store from a few sample pages (and the seeds when ../shared exists). */
static const char *serve_store(void) {
  static char db[1200];
  char kompas[1024], seeds[1024];
  snprintf(db, sizeof db, "%s/serve.db", wt_test_tmpdir());
  wt_test_src("samples/kompas", kompas, sizeof kompas);
  const char *argv[] = {"ingest", "--quiet", "--db", db, kompas, NULL, NULL};
  if (wt_test_shared("seeds", seeds, sizeof seeds)) argv[5] = seeds;
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  free(out);
  free(err);
  return rc == 0 || rc == 1 ? db : NULL;
}

static wt_server *serve_up(const char *db, const char *token, int timeout_s) {
  wt_serve_opts o = {.db = db, .listen = "127.0.0.1:0", .token = token,
                     .threads = 2, .timeout_s = timeout_s, .quiet = 1};
  wt_server *s = NULL;
  char err[256];
  if (wt_serve_start(&o, &s, err, sizeof err) != 0) {
    fprintf(stderr, "serve: %s\n", err);
    return NULL;
  }
  return s;
}

WT_TEST(serve_read_endpoints) {
  const char *db = serve_store();
  REQUIRE(db);
  wt_server *s = serve_up(db, NULL, 5);
  REQUIRE(s);
  unsigned p = wt_serve_port(s);
  CHECK(p > 0);
  http_res r;

  REQUIRE(http(p, "GET", "/api/health", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_STR_EQ(json_string_value(json_object_get(r.json, "status")), "ok");
  CHECK(json_integer_value(json_object_get(r.json, "articles")) >= 3);
  http_free(&r);

  /* events, paged by cursor: two pages, disjoint, newest first */
  REQUIRE(http(p, "GET", "/api/events?limit=2", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  json_t *evs = json_object_get(r.json, "events");
  CHECK_INT_EQ(json_array_size(evs), 2);
  const char *cur = json_string_value(json_object_get(r.json, "next_cursor"));
  REQUIRE(cur);
  json_int_t first = json_integer_value(json_object_get(json_array_get(evs, 0), "id"));
  const char *d0 = json_string_value(json_object_get(json_array_get(evs, 0), "date"));
  const char *d1 = json_string_value(json_object_get(json_array_get(evs, 1), "date"));
  CHECK(d0 && d1 && strcmp(d0, d1) >= 0);
  char path[2048];
  snprintf(path, sizeof path, "/api/events?limit=2&cursor=%s", cur);
  http_res r2;
  REQUIRE(http(p, "GET", path, NULL, NULL, &r2) == 0);
  CHECK_INT_EQ(r2.status, 200);
  json_t *e2 = json_object_get(r2.json, "events");
  CHECK(json_array_size(e2) >= 1);
  CHECK(json_integer_value(json_object_get(json_array_get(e2, 0), "id")) != first);
  http_free(&r2);
  http_free(&r);

  /* filters */
  REQUIRE(http(p, "GET", "/api/events?since=2099-01-01", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_INT_EQ(json_array_size(json_object_get(r.json, "events")), 0);
  CHECK(json_is_null(json_object_get(r.json, "next_cursor")));
  http_free(&r);
  REQUIRE(http(p, "GET", "/api/events?outlet=kompas.com&order=oldest", NULL,
               NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(json_array_size(json_object_get(r.json, "events")) >= 1);
  http_free(&r);

  /* one event, its story, an article of it, an entity */
  snprintf(path, sizeof path, "/api/events/%lld", (long long)first);
  REQUIRE(http(p, "GET", path, NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(json_object_get(r.json, "facts") != NULL);
  CHECK(json_is_array(json_object_get(r.json, "articles")));
  json_t *a0 = json_array_get(json_object_get(r.json, "articles"), 0);
  char ext[1024];
  snprintf(ext, sizeof ext, "%s", json_string_value(json_object_get(a0, "ext_id")));
  http_free(&r);
  snprintf(path, sizeof path, "/api/events/%lld/timeline", (long long)first);
  REQUIRE(http(p, "GET", path, NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(json_array_size(json_object_get(r.json, "items")) >= 1);
  http_free(&r);

  /* article by external id: a path, its slashes encoded */
  char enc[3200], *q = enc;
  for (const char *c = ext; *c; c++)
    q += *c == '/' ? sprintf(q, "%%2F") : sprintf(q, "%c", *c);
  snprintf(path, sizeof path, "/api/articles/%.400s", enc);
  REQUIRE(http(p, "GET", path, NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(strlen(json_string_value(json_object_get(r.json, "body")) ?: "") > 100);
  CHECK(json_is_array(json_object_get(r.json, "mentions")));
  json_t *ent = json_array_get(json_object_get(r.json, "entities"), 0);
  char eid[256];
  snprintf(eid, sizeof eid, "%s", json_string_value(json_object_get(ent, "id")) ?: "");
  http_free(&r);
  REQUIRE(http(p, "GET", "/api/articles/1", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  http_free(&r);

  REQUIRE(*eid);
  char eenc[800], *e = eenc;
  for (const char *c = eid; *c && e < eenc + 700; c++)
    e += (*c == ' ' || *c == ':' || *c == '/') ? sprintf(e, "%%%02X", *c)
                                               : sprintf(e, "%c", *c);
  snprintf(path, sizeof path, "/api/entities/%s", eenc);
  REQUIRE(http(p, "GET", path, NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_STR_EQ(json_string_value(json_object_get(r.json, "id")), eid);
  http_free(&r);
  snprintf(path, sizeof path, "/api/entities/%s/timeline", eenc);
  REQUIRE(http(p, "GET", path, NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(json_is_array(json_object_get(r.json, "items")));
  http_free(&r);

  /* search: stemmed, with snippets */
  REQUIRE(http(p, "GET", "/api/search?q=presiden", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  json_t *arts = json_object_get(r.json, "articles");
  CHECK(json_array_size(arts) >= 1);
  CHECK(strchr(json_string_value(json_object_get(json_array_get(arts, 0), "snippet")) ?: "", '['));
  http_free(&r);

  /* the page and its assets */
  REQUIRE(http(p, "GET", "/", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(strstr(r.head, "text/html") && strstr(r.head, "Content-Security-Policy"));
  CHECK(strstr(r.body, "app.js") != NULL);
  http_free(&r);
  REQUIRE(http(p, "GET", "/app.js", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  http_free(&r);

  /* errors: each one JSON with the right status */
  static const struct { const char *m, *path; int status; const char *code; } bad[] = {
      {"GET", "/api/events/999999", 404, "not_found"},
      {"GET", "/api/events/abc", 400, "bad_request"},
      {"GET", "/api/events/0", 400, "bad_request"},
      {"GET", "/api/articles/no-such-article", 404, "not_found"},
      {"GET", "/api/entities/No%20Such%20Entity%20Anywhere", 404, "not_found"},
      {"GET", "/api/entities/No%20Such/timeline", 404, "not_found"},
      {"GET", "/api/search", 400, "bad_request"},
      {"GET", "/api/search?q=%20%20", 400, "bad_request"},
      {"GET", "/api/search?q=x&limit=1000", 400, "bad_request"},
      {"GET", "/api/events?limit=0", 400, "bad_request"},
      {"GET", "/api/events?limit=ten", 400, "bad_request"},
      {"GET", "/api/events?since=2025-02-30x", 400, "bad_request"},
      {"GET", "/api/events?cursor=zz", 400, "bad_request"},
      {"GET", "/api/events?order=sideways", 400, "bad_request"},
      {"GET", "/api/events?q=%zz", 400, "bad_request"},
      {"GET", "/api/articles/%zz", 400, "bad_request"},
      {"GET", "/api/nothing", 404, "not_found"},
      {"DELETE", "/api/events", 405, "method_not_allowed"},
      {"PUT", "/api/articles", 405, "method_not_allowed"},
      {"POST", "/api/events", 405, "method_not_allowed"},
      {"GET", "/api/articles", 405, "method_not_allowed"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    REQUIRE(http(p, bad[i].m, bad[i].path, NULL, NULL, &r) == 0);
    CHECKF(r.status == bad[i].status, "%s %s: status %d, expected %d",
           bad[i].m, bad[i].path, r.status, bad[i].status);
    CHECKF(err_code(&r) && strcmp(err_code(&r), bad[i].code) == 0,
           "%s %s: error code %s", bad[i].m, bad[i].path, err_code(&r));
    http_free(&r);
  }
  REQUIRE(http(p, "DELETE", "/api/events", NULL, NULL, &r) == 0);
  CHECK(strstr(r.head, "Allow: GET, HEAD") != NULL);
  http_free(&r);

  /* a read-only server refuses writes, token or not */
  REQUIRE(http(p, "POST", "/api/articles", "Authorization: Bearer x\r\n",
               "{\"text\":\"x\"}", &r) == 0);
  CHECK_INT_EQ(r.status, 403);
  http_free(&r);

  /* garbage request line: an HTTP error, and the server lives on */
  const char junk[] = "\x01\x02 nonsense\r\n\r\n";
  if (http_raw(p, junk, sizeof junk - 1, &r) == 0) {
    CHECK(r.status >= 400);
    http_free(&r);
  }
  REQUIRE(http(p, "GET", "/api/health", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  http_free(&r);
  wt_serve_stop(s);
}

/* A JSON Lines record for POST /api/articles. */
static char *serve_record(const char *id, const char *title, const char *text) {
  json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "id", id, "title", title,
                        "outlet", "Warta Uji", "published",
                        "2025-03-03T10:00:00+07:00", "lang", "id", "text", text);
  char *s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  return s;
}

WT_TEST(serve_writes) {
  const char *db = serve_store();
  REQUIRE(db);
  wt_server *s = serve_up(db, TOKEN, 5);
  REQUIRE(s);
  unsigned p = wt_serve_port(s);
  const char *auth = "Authorization: Bearer " TOKEN "\r\n";
  http_res r;

  char *good = serve_record(
      "serve-good-1", "Menteri Uji Bertemu Gubernur di Bandung",
      "Menteri Uji bertemu Gubernur Jawa Barat di Bandung pada Senin (3/3/2025)."
      " Pertemuan itu membahas banjir dan anggaran daerah.\n\n\"Kami sepakat"
      " mempercepat perbaikan tanggul,\" kata Menteri Uji kepada wartawan.");

  /* auth: missing -> 401, wrong -> 403 */
  REQUIRE(http(p, "POST", "/api/articles", NULL, good, &r) == 0);
  CHECK_INT_EQ(r.status, 401);
  CHECK_STR_EQ(err_code(&r), "unauthorized");
  CHECK(strstr(r.head, "WWW-Authenticate") != NULL);
  http_free(&r);
  REQUIRE(http(p, "POST", "/api/articles", "Authorization: Bearer nope\r\n",
               good, &r) == 0);
  CHECK_INT_EQ(r.status, 403);
  http_free(&r);
  REQUIRE(http(p, "POST", "/api/articles", "X-Warta-Token: " TOKEN "x\r\n",
               good, &r) == 0);
  CHECK_INT_EQ(r.status, 403);
  http_free(&r);

  /* the events list before the write, to see the cache let go of it */
  REQUIRE(http(p, "GET", "/api/events?q=tanggul", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_INT_EQ(json_array_size(json_object_get(r.json, "events")), 0);
  http_free(&r);

  /* JSON Lines: good, malformed, no text, good, blank: bad lines are
   * reported one by one, the good ones stored */
  char *good2 = serve_record(
      "serve-good-2", "Banjir Bandung: Gubernur Minta Tanggul Diperbaiki",
      "Gubernur Jawa Barat meminta tanggul di Bandung segera diperbaiki setelah"
      " banjir pada Senin (3/3/2025). Ia bertemu Menteri Uji di Gedung Sate.");
  size_t n = strlen(good) + strlen(good2) + 256;
  char *body = malloc(n);
  snprintf(body, n, "%s\n{\"id\": \"broken\", \"text\": \n{\"id\":\"notext\"}\n%s\n\n",
           good, good2);
  REQUIRE(http(p, "POST", "/api/articles", auth, body, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_INT_EQ(json_integer_value(json_object_get(r.json, "stored")), 2);
  CHECK_INT_EQ(json_integer_value(json_object_get(r.json, "failed")), 2);
  json_t *res = json_object_get(r.json, "results");
  CHECK_INT_EQ(json_array_size(res), 4);
  int errors = 0, stored = 0;
  size_t i;
  json_t *x;
  json_array_foreach(res, i, x) {
    if (json_object_get(x, "error")) {
      errors++;
      CHECK(strncmp(json_string_value(json_object_get(x, "origin")) ?: "",
                    "body:", 5) == 0);
    } else {
      stored++;
      CHECK(json_integer_value(json_object_get(x, "id")) > 0);
      CHECK(json_is_integer(json_object_get(x, "event")));
    }
  }
  CHECK_INT_EQ(errors, 2);
  CHECK_INT_EQ(stored, 2);
  http_free(&r);

  /* stored and visible at once (the cached list was invalidated) */
  REQUIRE(http(p, "GET", "/api/articles/serve-good-1", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_STR_EQ(json_string_value(json_object_get(r.json, "outlet")), "Warta Uji");
  http_free(&r);
  REQUIRE(http(p, "GET", "/api/events?q=tanggul", NULL, NULL, &r) == 0);
  CHECK(json_array_size(json_object_get(r.json, "events")) >= 1);
  http_free(&r);

  /* the same again: duplicates, still 200 */
  REQUIRE(http(p, "POST", "/api/articles", auth, good, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_INT_EQ(json_integer_value(json_object_get(r.json, "duplicates")), 1);
  http_free(&r);

  /* nothing good in the body: 400 with the per-line report */
  REQUIRE(http(p, "POST", "/api/articles", auth, "{not json}\n", &r) == 0);
  CHECK_INT_EQ(r.status, 400);
  CHECK_INT_EQ(json_array_size(json_object_get(r.json, "results")), 1);
  http_free(&r);
  REQUIRE(http(p, "POST", "/api/articles", auth, "", &r) == 0);
  CHECK_INT_EQ(r.status, 400);
  http_free(&r);

  /* oversized: announced (refused before reading) and sent (read, cut) */
  REQUIRE(http_raw(p,
                   "POST /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   "Authorization: Bearer " TOKEN "\r\n"
                   "Content-Length: 9000000\r\n\r\n{",
                   strlen("POST /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          "Authorization: Bearer " TOKEN "\r\n"
                          "Content-Length: 9000000\r\n\r\n{"), &r) == 0);
  CHECK_INT_EQ(r.status, 413);
  CHECK_STR_EQ(err_code(&r), "payload_too_large");
  http_free(&r);
  size_t big = (size_t)9 << 20;
  char *huge = malloc(big + 1);
  memset(huge, 'a', big);
  huge[big] = '\0';
  REQUIRE(http(p, "POST", "/api/articles", "Authorization: Bearer " TOKEN
               "\r\nTransfer-Encoding: identity\r\n", huge, &r) == 0);
  CHECK_INT_EQ(r.status, 413);
  http_free(&r);
  free(huge);

  REQUIRE(http(p, "GET", "/api/health", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  http_free(&r);
  free(body);
  free(good);
  free(good2);
  wt_serve_stop(s);
}

WT_TEST(serve_hostile_text_is_data) {
  const char *db = serve_store();
  REQUIRE(db);
  wt_server *s = serve_up(db, TOKEN, 5);
  REQUIRE(s);
  unsigned p = wt_serve_port(s);
  const char *text =
      "Polisi menyelidiki situs yang menampilkan <script>alert('x')</script>"
      " dan <img src=x onerror=\"alert(1)\"> di Jakarta pada Selasa (4/3/2025)."
      "\n\nPelaku mengetik '; DROP TABLE articles; -- dan \" OR 1=1 -- di"
      " kolom pencarian, kata juru bicara polisi kepada wartawan.";
  char *rec = serve_record("serve-hostile", "<b onmouseover=alert(2)>Situs</b>", text);
  http_res r;
  REQUIRE(http(p, "POST", "/api/articles", "Authorization: Bearer " TOKEN "\r\n",
               rec, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK_INT_EQ(json_integer_value(json_object_get(r.json, "stored")), 1);
  http_free(&r);

  REQUIRE(http(p, "GET", "/api/articles/serve-hostile", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(strstr(r.head, "application/json") && strstr(r.head, "nosniff"));
  const char *b = json_string_value(json_object_get(r.json, "body"));
  CHECK(b && strstr(b, "<script>alert('x')</script>") != NULL);
  CHECK(b && strstr(b, "onerror=\"alert(1)\"") != NULL);
  CHECK(b && strstr(b, "'; DROP TABLE articles; --") != NULL);
  CHECK(strstr(r.body, "onerror=\\\"alert(1)\\\"") != NULL); /* JSON-escaped */
  http_free(&r);

  /* the store is whole and the text searchable */
  REQUIRE(http(p, "GET", "/api/search?q=DROP%20TABLE", NULL, NULL, &r) == 0);
  CHECK_INT_EQ(r.status, 200);
  CHECK(json_array_size(json_object_get(r.json, "articles")) >= 1);
  http_free(&r);
  REQUIRE(http(p, "GET", "/api/search?q=%22%20OR%201%3D1%20--", NULL, NULL, &r) == 0);
  CHECK(r.status == 200 || r.status == 400);
  CHECK(r.json != NULL);
  http_free(&r);
  REQUIRE(http(p, "GET", "/api/health", NULL, NULL, &r) == 0);
  CHECK(json_integer_value(json_object_get(r.json, "articles")) >= 4);
  http_free(&r);
  free(rec);
  wt_serve_stop(s);
}

WT_TEST(serve_slow_client_timed_out) {
  const char *db = serve_store();
  REQUIRE(db);
  wt_server *s = serve_up(db, NULL, 1);
  REQUIRE(s);
  int fd = http_connect(wt_serve_port(s), 10);
  REQUIRE(fd >= 0);
  const char part[] = "GET /api/health HTTP/1.1\r\nHost: x\r\n"; /* never ends */
  CHECK(send(fd, part, sizeof part - 1, MSG_NOSIGNAL) > 0);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  char buf[512];
  ssize_t k = recv(fd, buf, sizeof buf, 0); /* closed by the server */
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  CHECKF(k <= 0 || secs < 9, "k=%zd after %.1fs", k, secs);
  CHECKF(secs < 9, "slow client held the connection %.1fs", secs);
  close(fd);
  wt_serve_stop(s);
}

WT_TEST(serve_bad_start) {
  wt_serve_opts o = {.db = "/nonexistent/dir/x.db", .listen = "127.0.0.1:0",
                     .quiet = 1};
  wt_server *s = NULL;
  char err[256];
  CHECK(wt_serve_start(&o, &s, err, sizeof err) != 0 && !s);
  const char *db = serve_store();
  REQUIRE(db);
  o.db = db;
  o.listen = "127.0.0.1";
  CHECK(wt_serve_start(&o, &s, err, sizeof err) != 0);
  o.listen = "127.0.0.1:99999";
  CHECK(wt_serve_start(&o, &s, err, sizeof err) != 0);
}
