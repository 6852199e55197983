/*
 * test_detik_cluster.c - clustering the real detik.com corpus
 * (../shared/data/detik-news/data_berita.csv, 589 rows, 51 of them
 * repeating a URL) mixed with the five seed pages, through the warta
 * binary:
 *
 *   - the seeds' two events stay pure: each holds exactly its labelled
 *     seed pages and no detik article;
 *   - every URL-duplicate pair shares an event, and the later copy is
 *     linked to its original (`"duplicate_of"` in `warta show --json`).
 *
 * The CSV is converted at test time into JSON Lines in the temp dir (the
 * texts belong to detik.com and never enter the repository).  Its repeats
 * are byte-identical, which the store folds at ingest (same content hash,
 * nothing stored); so the k-th repeat of a URL gets k more lines of the
 * page junk the corpus already carries, as a later scrape of the same
 * page would, and reaches the clustering as a copy of its original.
 *
 * Skips when ../shared is absent.
 */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DC_MAX_ROWS 2048
#define DC_FIELDS 9 /* id, judul, tautan, tanggal, isi_berita, ... */

/* One CSV field starting at *p (RFC 4180 quoting); returns a malloc'd
 * copy and moves *p past the separator.  *eol is set at a row's end. */
static char *dc_field(const char **p, int *eol) {
  const char *s = *p;
  size_t cap = 64, n = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  int quoted = *s == '"';
  if (quoted) s++;
  for (;;) {
    char ch = *s;
    if (!ch) break;
    if (quoted) {
      if (ch == '"' && s[1] == '"') {
        ch = '"';
        s++;
      } else if (ch == '"') {
        quoted = 0;
        s++;
        continue;
      }
    } else if (ch == ',' || ch == '\n' || ch == '\r') {
      break;
    }
    if (n + 2 > cap) {
      char *t = realloc(out, cap *= 2);
      if (!t) return free(out), NULL;
      out = t;
    }
    out[n++] = ch;
    s++;
  }
  out[n] = '\0';
  *eol = *s != ',';
  if (*s == ',') s++;
  else {
    if (*s == '\r') s++;
    if (*s == '\n') s++;
  }
  *p = s;
  return out;
}

typedef struct dc_row {
  char *f[DC_FIELDS];
} dc_row;

static size_t dc_parse(const char *csv, dc_row *rows, size_t max) {
  const char *p = csv;
  size_t n = 0;
  int header = 1;
  while (*p && n < max) {
    dc_row r = {{0}};
    int k = 0, eol = 0;
    while (!eol && *p) {
      char *f = dc_field(&p, &eol);
      if (k < DC_FIELDS) r.f[k++] = f;
      else free(f);
    }
    if (header || k < 5) {
      for (int i = 0; i < k; i++) free(r.f[i]);
      header = 0;
      continue;
    }
    rows[n++] = r;
  }
  return n;
}

/* "10/20/2025 21:36" (WIB) -> "2025-10-20T21:36+07:00". */
static void dc_iso(const char *t, char *out, size_t n) {
  int m = 0, d = 0, y = 0, h = 0, mi = 0;
  if (sscanf(t, "%d/%d/%d %d:%d", &m, &d, &y, &h, &mi) == 5)
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d+07:00", y, m, d, h, mi);
  else
    snprintf(out, n, "%s", t);
}

/* Event id of an ext_id in `warta events --json` output, 0 if absent. */
static long long dc_event_of(json_t *events, const char *ext) {
  size_t i, j;
  json_t *e, *a;
  json_array_foreach(events, i, e) {
    json_array_foreach(json_object_get(e, "articles"), j, a) {
      if (strcmp(json_string_value(a), ext) == 0)
        return json_integer_value(json_object_get(e, "id"));
    }
  }
  return 0;
}

WT_TEST(detik_cluster_seeds_pure_and_duplicates_linked) {
  char csv_path[1024], seeds[1024];
  if (!wt_test_shared("data/detik-news/data_berita.csv", csv_path, sizeof csv_path) ||
      !wt_test_shared("seeds", seeds, sizeof seeds))
    SKIP("../shared is absent");
  char *csv = wt_test_slurp(csv_path, NULL);
  REQUIRE(csv);
  static dc_row rows[DC_MAX_ROWS];
  size_t n = dc_parse(csv, rows, DC_MAX_ROWS);
  free(csv);
  CHECKF(n >= 500, "parsed %zu CSV rows, expected about 589", n);

  /* JSON Lines; repeats of a URL get one more junk line */
  char jl[1200], db[1200];
  snprintf(jl, sizeof jl, "%s/detik.jsonl", wt_test_tmpdir());
  snprintf(db, sizeof db, "%s/detik.db", wt_test_tmpdir());
  FILE *f = fopen(jl, "w");
  REQUIRE(f);
  static size_t first_of[DC_MAX_ROWS]; /* row of the URL's first copy */
  size_t n_rep = 0;
  for (size_t i = 0; i < n; i++) {
    size_t copies = 0; /* earlier copies of this URL */
    first_of[i] = i;
    for (size_t k = 0; k < i; k++)
      if (strcmp(rows[k].f[2], rows[i].f[2]) == 0) {
        if (!copies++) first_of[i] = k;
      }
    n_rep += copies > 0;
    char id[64], pub[64], *text = rows[i].f[4];
    snprintf(id, sizeof id, "detik-%s", rows[i].f[0]);
    dc_iso(rows[i].f[3], pub, sizeof pub);
    static const char junk[] = "\n\nSCROLL TO CONTINUE WITH CONTENT\n";
    size_t tl = strlen(text);
    char *t = malloc(tl + copies * (sizeof junk - 1) + 1);
    REQUIRE(t);
    memcpy(t, text, tl + 1);
    for (size_t c = 0; c < copies; c++) /* each copy its own bytes */
      memcpy(t + tl + c * (sizeof junk - 1), junk, sizeof junk);
    json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", id, "url",
                          rows[i].f[2], "title", rows[i].f[1], "text",
                          t, "published", pub, "outlet", "detik.com", "lang",
                          "id");
    free(t);
    char *line = json_dumps(o, JSON_COMPACT);
    fprintf(f, "%s\n", line);
    free(line);
    json_decref(o);
  }
  fclose(f);
  CHECKF(n_rep >= 40, "found %zu URL repeats, expected about 51", n_rep);

  /* ingest: the five seeds and the detik records */
  static const char *const seed_files[] = {
      "000_c7fb0833a17077bb.txt", "001_4e346f3bddcb4942.txt",
      "002_1c12362c4fef6fae.txt", "003_ac50c0a62ed1302f.txt",
      "004_9a1cae02f8ff1778.txt"};
  char sp[5][1100];
  const char *argv[12];
  int k = 0;
  argv[k++] = "ingest";
  argv[k++] = "--quiet";
  argv[k++] = "--db";
  argv[k++] = db;
  for (int i = 0; i < 5; i++) {
    snprintf(sp[i], sizeof sp[i], "%s/%s", seeds, seed_files[i]);
    argv[k++] = sp[i];
  }
  argv[k++] = jl;
  argv[k] = NULL;
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  CHECKF(rc == 0, "warta ingest exited %d: %.300s", rc, err ? err : "");
  free(out), free(err);

  const char *ev_argv[] = {"events", "--db", db, "--json", NULL};
  rc = wt_test_run(ev_argv, NULL, &out, &err);
  REQUIRE(rc == 0 && out);
  json_t *events = json_array();
  for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
    json_t *e = json_loads(line, 0, NULL);
    if (e) json_array_append_new(events, e);
  }
  free(out), free(err);

  /* seeds: {002,003,004} and {000,001}, nothing else in either */
  static const int groups[2][3] = {{2, 3, 4}, {0, 1, -1}};
  for (int g = 0; g < 2; g++) {
    long long ev = dc_event_of(events, sp[groups[g][0]]);
    size_t want = groups[g][2] < 0 ? 2 : 3;
    CHECKF(ev > 0, "seed %s is in no event", seed_files[groups[g][0]]);
    for (size_t i = 1; i < want; i++)
      CHECKF(dc_event_of(events, sp[groups[g][i]]) == ev,
             "seed %s left its event", seed_files[groups[g][i]]);
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e) {
      if (json_integer_value(json_object_get(e, "id")) != ev) continue;
      size_t na = json_array_size(json_object_get(e, "articles"));
      CHECKF(na == want, "seed event %lld holds %zu articles, expected %zu",
             ev, na, want);
    }
  }

  /* URL repeats: same event, linked to the original */
  int apart = 0, unlinked = 0, checked = 0;
  for (size_t i = 0; i < n; i++) {
    if (first_of[i] == i) continue;
    char a[64], b[64];
    snprintf(a, sizeof a, "detik-%s", rows[first_of[i]].f[0]);
    snprintf(b, sizeof b, "detik-%s", rows[i].f[0]);
    long long ea = dc_event_of(events, a), eb = dc_event_of(events, b);
    checked++;
    if (!ea || ea != eb) {
      if (apart++ < 5) wt_test_fail(__FILE__, __LINE__, "%s (event %lld) and its "
                                    "URL repeat %s (event %lld) are apart", a, ea, b, eb);
      continue;
    }
    char evs[32];
    snprintf(evs, sizeof evs, "%lld", ea);
    const char *show[] = {"show", "--db", db, "--json", evs, NULL};
    if (wt_test_run(show, NULL, &out, &err) != 0 || !out) {
      free(out), free(err);
      unlinked++;
      continue;
    }
    json_t *o = json_loads(out, 0, NULL);
    free(out), free(err);
    long long id_a = 0, dup_b = 0;
    size_t j;
    json_t *x;
    json_array_foreach(json_object_get(o, "articles"), j, x) {
      const char *ext = json_string_value(json_object_get(x, "ext_id"));
      if (ext && strcmp(ext, a) == 0) id_a = json_integer_value(json_object_get(x, "id"));
      if (ext && strcmp(ext, b) == 0)
        dup_b = json_integer_value(json_object_get(x, "duplicate_of"));
    }
    json_decref(o);
    if (!id_a || dup_b != id_a) {
      if (unlinked++ < 5)
        wt_test_fail(__FILE__, __LINE__, "%s: duplicate_of %lld, expected %s (%lld)",
                     b, dup_b, a, id_a);
    }
  }
  printf("detik + seeds: %zu rows, %d URL repeats: %d apart, %d not linked; "
         "%zu events\n", n, checked, apart, unlinked, json_array_size(events));
  CHECK(apart == 0);
  CHECK(unlinked == 0);
  json_decref(events);
  for (size_t i = 0; i < n; i++)
    for (int j = 0; j < DC_FIELDS; j++) free(rows[i].f[j]);
}
