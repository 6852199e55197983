/*
 * test_serve_search.c - search quality behind GET /api/search: recall@10
 * of tests/golden/search-queries.tsv (Indonesian morphology: "pertemuan"
 * must find "bertemu", "kunjungan" "berkunjung"; English inflection) over
 * samples/, with the seed pages as distractors when ../shared exists.
 * recall@10 per query = found / min(expected, 10); the test reports the
 * mean and every miss, and fails below the floor.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "warta.h"

#define SEARCH_RECALL_FLOOR 0.90

/* Does an article's ext_id end with the key (at a path boundary)? */
static int search_key_is(const char *ext, const char *key) {
  size_t ne = strlen(ext), nk = strlen(key);
  if (nk > ne || strcmp(ext + ne - nk, key) != 0) return 0;
  return ne == nk || ext[ne - nk - 1] == '/';
}

WT_TEST(serve_search_recall_at_10) {
  char tsv[1024], samples[1024], seeds[1024], db[1200];
  wt_test_src("tests/golden/search-queries.tsv", tsv, sizeof tsv);
  wt_test_src("samples", samples, sizeof samples);
  snprintf(db, sizeof db, "%s/search.db", wt_test_tmpdir());
  const char *argv[] = {"ingest", "--quiet", "--db", db, samples, NULL, NULL};
  if (wt_test_shared("seeds", seeds, sizeof seeds)) argv[5] = seeds;
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  free(out);
  free(err);
  REQUIRE(rc == 0 || rc == 1);
  char *text = wt_test_slurp(tsv, NULL);
  REQUIRE(text);
  warta_options o = {.db_path = db, .read_only = 1};
  warta *w = NULL;
  REQUIRE(warta_open(&o, &w, NULL) == WARTA_OK);
  int nq = 0;
  double sum = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    if (*line == '#' || !*line) continue;
    char *tab = strchr(line, '\t');
    REQUIRE(tab);
    *tab = '\0';
    char *json = NULL;
    CHECKF(warta_search(w, line, 10, &json) == WARTA_OK, "search %s: %s", line,
           warta_errmsg(w));
    json_t *r = json ? json_loads(json, 0, NULL) : NULL;
    warta_free(json);
    json_t *arts = json_object_get(r, "articles");
    int expected = 0, found = 0;
    char *ks = NULL;
    for (char *key = strtok_r(tab + 1, ",", &ks); key;
         key = strtok_r(NULL, ",", &ks)) {
      expected++;
      size_t i;
      json_t *a;
      int hit = 0;
      json_array_foreach(arts, i, a) {
        const char *ext = json_string_value(json_object_get(a, "ext_id"));
        if (ext && search_key_is(ext, key)) hit = 1;
      }
      if (hit)
        found++;
      else if (expected <= 10 || json_array_size(arts) < 10)
        printf("    miss: \"%s\" -> %s\n", line, key);
    }
    json_decref(r);
    double rec = (double)found / (expected < 10 ? expected : 10);
    sum += rec > 1 ? 1 : rec;
    nq++;
  }
  warta_close(w);
  free(text);
  REQUIRE(nq >= 30);
  double recall = sum / nq;
  printf("    search recall@10 over %d queries: %.3f\n", nq, recall);
  CHECKF(recall >= SEARCH_RECALL_FLOOR, "recall@10 %.3f below %.2f", recall,
         SEARCH_RECALL_FLOOR);
}
