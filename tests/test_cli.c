/*
 * test_cli.c - the `warta` binary end to end: idempotent ingest, help and
 * usage errors with their exit statuses, and the JSON contracts of
 * `events --json`, `article --json`, `show --json` (docs/json.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "test_cli_pages.h"

/* A store in the test's tmpdir with the good pages ingested. */
static const char *ingested(char *db, size_t n, char *dir, size_t dn) {
  snprintf(dir, dn, "%s/pages", wt_test_tmpdir());
  char cmd[800];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
  if (system(cmd) != 0) return NULL;
  wt_pages_write_good(dir);
  snprintf(db, n, "%s/w.db", wt_test_tmpdir());
  char *out = NULL, *err = NULL;
  const char *argv[] = {"ingest", "--db", db, dir, NULL};
  int rc = wt_test_run(argv, NULL, &out, &err);
  if (rc != 0) fprintf(stderr, "    ingest: exit %d\n%s", rc, err ? err : "");
  free(out);
  free(err);
  return rc == 0 ? db : NULL;
}

WT_TEST(cli_ingest_is_idempotent) {
  char db[700], dir[700];
  REQUIRE(ingested(db, sizeof db, dir, sizeof dir));
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles"), 6);
  char *out = NULL, *err = NULL;
  const char *argv[] = {"ingest", "--db", db, dir, NULL};
  CHECK_INT_EQ(wt_test_run(argv, NULL, &out, &err), 0);
  CHECKF(err && strstr(err, "read 6, stored 0, duplicates 6, failed 0"),
         "second run: %s", err ? err : "");
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles"), 6);
  free(out);
  free(err);
  /* one page again through stdin: the same content is a duplicate */
  char path[800];
  snprintf(path, sizeof path, "%s/banjir.txt", dir);
  char *page = wt_test_slurp(path, NULL);
  REQUIRE(page);
  const char *argv2[] = {"ingest", "--db", db, "-", NULL};
  CHECK_INT_EQ(wt_test_run(argv2, page, &out, &err), 0);
  CHECKF(err && strstr(err, "stored 0, duplicates 1"), "stdin: %s",
         err ? err : "");
  free(page);
  free(out);
  free(err);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles WHERE event_id"
                             " IS NULL"),
               0);
}

WT_TEST(cli_help_on_every_command) {
  static const char *cmds[] = {"ingest", "events", "show", "article",
                               "why", "timeline", "entity", "search",
                               "recluster", "clean", "read"};
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
    char *out = NULL, *err = NULL;
    const char *argv[] = {cmds[i], "--help", NULL};
    CHECK_INT_EQ(wt_test_run(argv, NULL, &out, &err), 0);
    char want[64];
    snprintf(want, sizeof want, "usage: warta %s", cmds[i]);
    CHECKF(out && strstr(out, want) && strstr(out, "--db"), "%s --help: %s",
           cmds[i], out ? out : "");
    free(out);
    free(err);
  }
  char *out = NULL;
  const char *h[] = {"--help", NULL}, *v[] = {"--version", NULL};
  CHECK_INT_EQ(wt_test_run(h, NULL, &out, NULL), 0);
  CHECK(out && strstr(out, "exit status"));
  free(out);
  CHECK_INT_EQ(wt_test_run(v, NULL, &out, NULL), 0);
  CHECK(out && strstr(out, "warta 0."));
  free(out);
}

WT_TEST(cli_usage_errors_exit_2) {
  const char *a1[] = {"frobnicate", NULL}, *a2[] = {"events", "--bogus", NULL},
             *a3[] = {"show", NULL}, *a4[] = {NULL},
             *a5[] = {"why", "1", NULL}, *a6[] = {"events", "--since", NULL};
  const char *const *cases[] = {a1, a2, a3, a4, a5, a6};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *err = NULL;
    CHECK_INT_EQ(wt_test_run(cases[i], NULL, NULL, &err), 2);
    CHECKF(err && strstr(err, "warta"), "case %zu: %s", i, err ? err : "");
    free(err);
  }
}

static json_t *run_json(const char *const *argv, int want_rc) {
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  json_t *o = NULL;
  if (rc != want_rc)
    fprintf(stderr, "    %s: exit %d: %s\n", argv[0], rc, err ? err : "");
  else if (out)
    o = json_loads(out, 0, NULL);
  free(out);
  free(err);
  return o;
}

WT_TEST(cli_events_json_contract) {
  char db[700], dir[700];
  REQUIRE(ingested(db, sizeof db, dir, sizeof dir));
  char *out = NULL, *err = NULL;
  const char *argv[] = {"events", "--json", "--db", db, NULL};
  REQUIRE(wt_test_run(argv, NULL, &out, &err) == 0);
  REQUIRE(out);
  int lines = 0;
  long articles = 0;
  int saw_path = 0, saw_ext = 0;
  for (char *p = out, *nl; *p; p = nl + 1) {
    nl = strchr(p, '\n');
    REQUIRE(nl);
    json_error_t je;
    json_t *e = json_loadb(p, (size_t)(nl - p), 0, &je);
    CHECKF(e, "line %d: %s", lines + 1, je.text);
    if (!e) break;
    lines++;
    static const char *keys[] = {"id", "date", "type", "participants",
                                 "duration_minutes", "articles", "outlets",
                                 "headline", "n_articles", "cursor"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      CHECKF(json_object_get(e, keys[k]), "event lacks \"%s\"", keys[k]);
    json_t *d = json_object_get(e, "date");
    CHECK(json_is_null(d) || (json_is_string(d) &&
                              strlen(json_string_value(d)) == 10));
    CHECK(json_is_array(json_object_get(e, "participants")));
    json_t *arts = json_object_get(e, "articles");
    CHECK_INT_EQ(json_array_size(arts),
                 json_integer_value(json_object_get(e, "n_articles")));
    size_t i;
    json_t *a;
    json_array_foreach(arts, i, a) {
      const char *s = json_string_value(a);
      articles++;
      if (s && strstr(s, "/pages/banjir.txt")) saw_path = 1;
      if (s && strcmp(s, "feed-2") == 0) saw_ext = 1;
    }
    json_decref(e);
  }
  CHECK(lines >= 1);
  CHECK_INT_EQ(articles, 6); /* every article in exactly one event */
  CHECK(saw_path);
  CHECK(saw_ext);
  free(out);
  free(err);

  /* text view: one line per event */
  const char *argv2[] = {"events", "--db", db, NULL};
  REQUIRE(wt_test_run(argv2, NULL, &out, &err) == 0);
  int tl = 0;
  for (char *p = out; p && *p; p++) tl += *p == '\n';
  CHECK_INT_EQ(tl, lines);
  free(out);
  free(err);

  /* filters and paging */
  const char *argv3[] = {"events", "--json", "--db", db, "--since",
                         "2030-01-01", NULL};
  REQUIRE(wt_test_run(argv3, NULL, &out, &err) == 0);
  CHECK_STR_EQ(out, "");
  free(out);
  free(err);
  const char *argv4[] = {"events", "--json", "--db", db, "--limit", "1",
                         NULL};
  REQUIRE(wt_test_run(argv4, NULL, &out, &err) == 0);
  json_t *first = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
  REQUIRE(first);
  const char *cur = json_string_value(json_object_get(first, "cursor"));
  REQUIRE(cur);
  const char *argv5[] = {"events", "--json", "--db", db, "--cursor", cur,
                         NULL};
  char *rest = NULL;
  REQUIRE(wt_test_run(argv5, NULL, &rest, NULL) == 0);
  int rl = 0;
  for (char *p = rest; *p; p++) rl += *p == '\n';
  CHECK_INT_EQ(rl, lines - 1);
  json_decref(first);
  free(rest);
  free(out);
  free(err);
  const char *argv6[] = {"events", "--db", db, "--since", "yesterday", NULL};
  CHECK_INT_EQ(wt_test_run(argv6, NULL, NULL, NULL), 2);
}

static void check_spans(json_t *arr, const char *what) {
  size_t i;
  json_t *it;
  json_array_foreach(arr, i, it) {
    json_t *s = json_object_get(it, "start"), *e = json_object_get(it, "end");
    if (strcmp(what, "entities") == 0) {
      /* entities carry their first mention's offset */
      CHECKF(json_is_integer(json_object_get(it, "first")),
             "%s[%zu] has no offset", what, i);
      continue;
    }
    CHECKF(json_is_integer(s) && json_is_integer(e) &&
               json_integer_value(s) <= json_integer_value(e),
           "%s[%zu] lacks start/end", what, i);
  }
}

WT_TEST(cli_article_json_contract) {
  char db[700], dir[700];
  REQUIRE(ingested(db, sizeof db, dir, sizeof dir));
  const char *argv[] = {"article", "--json", "--db", db, "1", NULL};
  json_t *o = run_json(argv, 0);
  REQUIRE(o);
  static const char *keys[] = {"id", "title", "outlet", "published", "body",
                               "entities", "timexes", "quotes", "figures",
                               "frame", "ext_id", "event"};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    CHECKF(json_object_get(o, keys[k]), "article lacks \"%s\"", keys[k]);
  CHECK_INT_EQ(json_integer_value(json_object_get(o, "id")), 1);
  CHECK(json_string_length(json_object_get(o, "body")) > 50);
  size_t items = 0;
  static const char *arrs[] = {"entities", "timexes", "quotes", "figures"};
  for (size_t k = 0; k < 4; k++) {
    json_t *a = json_object_get(o, arrs[k]);
    CHECK(json_is_array(a));
    items += json_array_size(a);
    check_spans(a, arrs[k]);
  }
  CHECK(items > 0); /* a dated page with a quote and figures */
  CHECK(json_is_object(json_object_get(o, "frame")));
  json_decref(o);

  /* by external id; unknown ids are "not found" */
  const char *argv2[] = {"article", "--json", "--db", db, "feed-1", NULL};
  o = run_json(argv2, 0);
  REQUIRE(o);
  CHECK_STR_EQ(json_string_value(json_object_get(o, "ext_id")), "feed-1");
  json_t *ev = json_object_get(o, "event");
  REQUIRE(json_is_integer(ev));
  char evs[32];
  snprintf(evs, sizeof evs, "%lld", json_integer_value(ev));
  json_decref(o);
  const char *argv3[] = {"article", "--db", db, "no-such-page", NULL};
  CHECK_INT_EQ(wt_test_run(argv3, NULL, NULL, NULL), 4);

  const char *argv4[] = {"show", "--json", "--db", db, evs, NULL};
  o = run_json(argv4, 0);
  REQUIRE(o);
  CHECK(json_array_size(json_object_get(o, "articles")) >= 1);
  CHECK(json_object_get(o, "facts") != NULL);
  json_decref(o);
  const char *argv5[] = {"show", "--db", db, "99999", NULL};
  CHECK_INT_EQ(wt_test_run(argv5, NULL, NULL, NULL), 4);
  const char *argv6[] = {"show", "--db", db, evs, NULL};
  CHECK_INT_EQ(wt_test_run(argv6, NULL, NULL, NULL), 0);
}

WT_TEST(cli_search_why_recluster) {
  char db[700], dir[700];
  REQUIRE(ingested(db, sizeof db, dir, sizeof dir));
  /* stemmed search: "pertemuan" (a meeting) finds "bertemu" (to meet) */
  const char *argv[] = {"search", "--json", "--db", db, "bertemu", NULL};
  json_t *o = run_json(argv, 0);
  REQUIRE(o);
  json_t *arts = json_object_get(o, "articles");
  CHECK(json_array_size(arts) >= 2);
  json_decref(o);
  const char *argv2[] = {"search", "--db", db, "\"unbalanced", NULL};
  CHECK_INT_EQ(wt_test_run(argv2, NULL, NULL, NULL), 0);

  const char *argv3[] = {"why", "--db", db, "1", "2", NULL};
  o = run_json(argv3, 0);
  REQUIRE(o);
  CHECK(json_is_boolean(json_object_get(o, "same_event")));
  CHECK(json_is_object(json_object_get(o, "why")));
  json_decref(o);

  long long before = wt_db_int(db, "SELECT count(DISTINCT event_id) FROM"
                                   " articles");
  const char *argv4[] = {"recluster", "--db", db, NULL};
  CHECK_INT_EQ(wt_test_run(argv4, NULL, NULL, NULL), 0);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(DISTINCT event_id) FROM articles"),
               before);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles WHERE event_id"
                             " IS NULL"),
               0);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM events WHERE dirty"), 0);
}

WT_TEST(cli_read_and_clean_json) {
  const char *argv[] = {"read", "--json", "--ref", "2025-01-22", "-", NULL};
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv,
                       "Kemarin Presiden bertemu Perdana Menteri selama "
                       "1 jam 25 menit di Jakarta.",
                       &out, &err);
  CHECKF(rc == 0, "read: exit %d %s", rc, err ? err : "");
  json_t *o = out ? json_loads(out, 0, NULL) : NULL;
  REQUIRE(o);
  CHECK(json_array_size(json_object_get(o, "tokens")) >= 10);
  CHECK(json_is_array(json_object_get(o, "timexes")));
  json_decref(o);
  free(out);
  free(err);
  const char *bad[] = {"read", "--ref", "kemarin", "-", NULL};
  CHECK_INT_EQ(wt_test_run(bad, "teks", NULL, NULL), 2);

  char dir[700];
  snprintf(dir, sizeof dir, "%s", wt_test_tmpdir());
  wt_pages_write_good(dir);
  char path[800];
  snprintf(path, sizeof path, "%s/gempa.html", dir);
  const char *argv2[] = {"clean", "--json", path, NULL};
  o = run_json(argv2, 0);
  REQUIRE(o);
  const char *body = json_string_value(json_object_get(o, "body"));
  CHECK(body && strstr(body, "Cianjur") && !strstr(body, "Beranda"));
  json_decref(o);
}
