/*
 * test_reconcile_seeds.c - the traps of the seed pages (../shared/seeds,
 * expected.json "traps") checked on what `warta show --json` reports for
 * the two events, through the binary:
 *
 *   - the trade figures (US$245 bn for 2024, USD 240 bn for 2023) are two
 *     facts of different periods, not a contradiction;
 *   - the 90-minute duration belongs to the 2025 call and the 85-minute
 *     one to the 2026 call, each event with exactly one duration and no
 *     contradiction at all.
 *
 * Skips when ../shared is absent.  Events are found through their
 * articles (file names from the labels), never by id.
 */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The event (from `events --json` lines) listing an article whose path
 * ends with name; its id, or -1. */
static long long rs_event_with(const char *events, const char *name) {
  const char *p = events;
  while (p && *p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    json_t *ev = json_loadb(p, n, 0, NULL);
    long long id = -1;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(ev, "articles"), i, a) {
      const char *s = json_string_value(a);
      if (s && strlen(s) >= strlen(name) && strcmp(s + strlen(s) - strlen(name), name) == 0)
        id = (long long)json_integer_value(json_object_get(ev, "id"));
    }
    json_decref(ev);
    if (id >= 0) return id;
    p = nl ? nl + 1 : NULL;
  }
  return -1;
}

static json_t *rs_show(const char *db, long long id) {
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  const char *argv[] = {"show", "--db", db, "--json", ids, NULL};
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  json_t *j = rc == 0 && out ? json_loads(out, 0, NULL) : NULL;
  free(out);
  free(err);
  return j;
}

/* Count facts of a kind (and, for figures, a unit) in a show object. */
static int rs_facts(json_t *show, const char *kind, const char *unit,
                    double *values, int max) {
  int n = 0;
  size_t i;
  json_t *f;
  json_array_foreach(json_object_get(json_object_get(show, "facts"), "facts"), i, f) {
    if (strcmp(json_string_value(json_object_get(f, "kind")) ? json_string_value(json_object_get(f, "kind")) : "", kind)) continue;
    const char *u = json_string_value(json_object_get(f, "unit"));
    if (unit && (!u || strcmp(u, unit))) continue;
    if (n < max) values[n] = json_number_value(json_object_get(f, "value"));
    n++;
  }
  return n;
}

WT_TEST(reconcile_seeds_traps) {
  char root[1024], labels_path[1100], db[1100];
  static char p[16][1200];
  if (!wt_test_shared("seeds", root, sizeof root)) SKIP("../shared is absent");
  snprintf(labels_path, sizeof labels_path, "%s/expected.json", root);
  json_t *labels = json_load_file(labels_path, 0, NULL);
  REQUIRE(labels);
  snprintf(db, sizeof db, "%s/seeds.db", wt_test_tmpdir());
  const char *argv[20] = {"ingest", "--db", db};
  int na = 3;
  const char *key;
  json_t *v;
  json_object_foreach(json_object_get(labels, "articles"), key, v) {
    if (na >= 3 + 16) break;
    snprintf(p[na - 3], sizeof p[0], "%s/%s", root, key);
    argv[na] = p[na - 3];
    na++;
  }
  argv[na] = NULL;
  char *out = NULL, *err = NULL;
  REQUIRE(wt_test_run(argv, NULL, &out, &err) == 0);
  free(out), free(err);
  const char *ev_argv[] = {"events", "--db", db, "--json", NULL};
  REQUIRE(wt_test_run(ev_argv, NULL, &out, &err) == 0);
  char *events = out;
  free(err);

  size_t i;
  json_t *lab;
  int usd = 0;
  json_array_foreach(json_object_get(labels, "events"), i, lab) {
    const char *E = json_string_value(json_object_get(lab, "event"));
    const char *first = json_string_value(json_array_get(json_object_get(lab, "articles"), 0));
    long long id = first ? rs_event_with(events, first) : -1;
    CHECKF(id > 0, "event %s: no output event holds %s", E, first ? first : "?");
    if (id <= 0) continue;
    json_t *show = rs_show(db, id);
    CHECKF(show != NULL, "event %s: show failed", E);
    if (!show) continue;
    CHECKF(json_array_size(json_object_get(show, "contradictions")) == 0,
           "event %s reports a contradiction", E);
    double d[8];
    long long want = json_integer_value(json_object_get(lab, "duration_minutes"));
    int n = rs_facts(show, "duration", NULL, d, 8);
    CHECKF(n == 1 && (long long)d[0] == want,
           "event %s: %d duration facts (first %g), expected %lld only", E, n,
           n ? d[0] : -1.0, want);
    CHECK_INT_EQ(json_integer_value(json_object_get(show, "duration_minutes")), want);
    usd += rs_facts(show, "figure", "USD", d, 8);
    json_decref(show);
  }
  /* the two yearly trade totals survive as two facts (different periods) */
  CHECKF(usd >= 2, "%d USD figures over the events, expected both trade totals", usd);
  free(events);
  json_decref(labels);
}
