/*
 * test_cluster_corpus.c - clustering of real pages, in process: each
 * labelled corpus (the seed pages in ../shared/seeds, samples/, and the
 * unseen set) is run once through the whole pipeline (wt_ingest ->
 * wt_pipeline_run -> wt_clu_features_json -> wt_clu_doc_parse), and the
 * parsed features are then fed to fresh indexes in many arrival orders:
 *
 *   - seeds: all 120 orders of the five pages give exactly the two
 *     labelled events;
 *   - samples: B-cubed precision / recall / F1 against labels.json is
 *     printed and must stay high, and 10 random orders may not move F1 by
 *     0.02 or more (order independence on real features);
 *   - unseen: B-cubed is printed only (a held-out set: never tuned on,
 *     nothing asserted but that it runs).
 *
 * B-cubed, per labelled article a in output event C and label event L:
 * precision |C n L| / |C|, recall |C n L| / |L|, averaged over articles;
 * F1 = 2PR / (P + R).  Articles are matched to label keys as the
 * acceptance tests do: the JSON Lines id, or the path relative to the
 * corpus root.
 */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "core/arena.h"
#include "core/pipeline.h"
#include "core/strbuf.h"
#include "ingest/ingest.h"

#define CC_MAX 256

typedef struct cc_corpus {
  wt_arena *arena;
  wt_clu_doc docs[CC_MAX];
  int label[CC_MAX]; /* label event index, -1 unlabelled */
  size_t n;
  int n_events;
} cc_corpus;

static int cc_ends_with_key(const char *id, const char *key) {
  size_t il = strlen(id), kl = strlen(key);
  if (il == kl) return strcmp(id, key) == 0;
  return il > kl && id[il - kl - 1] == '/' && strcmp(id + il - kl, key) == 0;
}

/* Run the corpus at root (labels at labels_path, its "events" with
 * "articles" keys, optional "feeds") through the pipeline.  -1 on error. */
static int cc_load(cc_corpus *cc, const char *root, const char *labels_path) {
  memset(cc, 0, sizeof *cc);
  json_error_t je;
  json_t *labels = json_load_file(labels_path, 0, &je);
  if (!labels) return -1;
  static char paths[CC_MAX][1024];
  const char *argv[CC_MAX];
  size_t np = 0, i;
  const char *key;
  json_t *v;
  json_object_foreach(json_object_get(labels, "articles"), key, v) {
    FILE *f;
    snprintf(paths[np], sizeof paths[np], "%s/%s", root, key);
    if (np < CC_MAX && (f = fopen(paths[np], "rb")) != NULL) {
      fclose(f);
      argv[np] = paths[np];
      np++;
    }
  }
  json_array_foreach(json_object_get(labels, "feeds"), i, v) {
    if (np >= CC_MAX || !json_is_string(v)) continue;
    snprintf(paths[np], sizeof paths[np], "%s/%s", root, json_string_value(v));
    argv[np] = paths[np];
    np++;
  }
  wt_resources res;
  char err[256];
  if (wt_resources_load(&res, err, sizeof err)) {
    json_decref(labels);
    return -1;
  }
  cc->arena = wt_arena_new(0);
  wt_ingest *g = wt_ingest_open_paths(argv, np);
  wt_input in;
  const char *origin;
  int r;
  while (g && (r = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
    if (r < 0 || cc->n >= CC_MAX) continue;
    wt_doc *doc = wt_pipeline_run(&res, &in, err, sizeof err);
    if (!doc) continue;
    const char *id = doc->ext_id ? doc->ext_id : doc->origin;
    cc->label[cc->n] = -1;
    json_t *ev;
    json_array_foreach(json_object_get(labels, "events"), i, ev) {
      size_t j;
      json_t *a;
      json_array_foreach(json_object_get(ev, "articles"), j, a)
        if (json_is_string(a) && cc_ends_with_key(id, json_string_value(a)))
          cc->label[cc->n] = (int)i;
    }
    wt_sb sb;
    wt_sb_init(&sb, 1 << 20);
    if (wt_clu_features_json(doc, &sb) == 0 &&
        wt_clu_doc_parse(sb.s, sb.len, (int64_t)cc->n + 1, cc->arena,
                         &cc->docs[cc->n]) == 0)
      cc->n++;
    wt_sb_free(&sb);
    wt_doc_free(doc);
  }
  wt_ingest_close(g);
  wt_resources_free(&res);
  cc->n_events = (int)json_array_size(json_object_get(labels, "events"));
  json_decref(labels);
  return 0;
}

/* Cluster the corpus in the order perm (NULL: as loaded) into ev[]. */
static int cc_cluster(const cc_corpus *cc, const size_t *perm, int64_t *ev) {
  wt_clu *c = wt_clu_new();
  if (!c) return -1;
  int rc = 0;
  for (size_t k = 0; k < cc->n; k++) {
    wt_clu_doc d = cc->docs[perm ? perm[k] : k];
    d.article = (int64_t)(perm ? perm[k] : k) + 1;
    if (wt_clu_add(c, &d) < 0) rc = -1;
  }
  for (size_t k = 0; k < cc->n; k++)
    ev[k] = wt_clu_resolve(c, wt_clu_event_of(c, (int64_t)k + 1));
  wt_clu_free(c);
  return rc;
}

/* B-cubed over the labelled articles; returns F1. */
static double cc_bcubed(const cc_corpus *cc, const int64_t *ev, double *p,
                        double *r) {
  double P = 0, R = 0;
  size_t n = 0;
  for (size_t a = 0; a < cc->n; a++) {
    if (cc->label[a] < 0) continue;
    size_t both = 0, inc = 0, inl = 0;
    for (size_t b = 0; b < cc->n; b++) {
      if (cc->label[b] < 0) continue;
      int same_c = ev[b] == ev[a], same_l = cc->label[b] == cc->label[a];
      both += same_c && same_l;
      inc += same_c;
      inl += same_l;
    }
    P += (double)both / inc;
    R += (double)both / inl;
    n++;
  }
  *p = n ? P / n : 0;
  *r = n ? R / n : 0;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void cc_free(cc_corpus *cc) { wt_arena_free(cc->arena); }

/* Next permutation in lexicographic order; 0 after the last. */
static int cc_next_perm(size_t *p, size_t n) {
  size_t i = n - 1;
  while (i > 0 && p[i - 1] >= p[i]) i--;
  if (i == 0) return 0;
  size_t j = n - 1;
  while (p[j] <= p[i - 1]) j--;
  size_t t = p[i - 1];
  p[i - 1] = p[j], p[j] = t;
  for (size_t a = i, b = n - 1; a < b; a++, b--) t = p[a], p[a] = p[b], p[b] = t;
  return 1;
}

WT_TEST(cluster_corpus_seeds_every_order) {
  char root[1024], labels[1100];
  if (!wt_test_shared("seeds", root, sizeof root)) SKIP("../shared is absent");
  snprintf(labels, sizeof labels, "%s/expected.json", root);
  static cc_corpus cc;
  REQUIRE(cc_load(&cc, root, labels) == 0);
  REQUIRE(cc.n == 5);
  size_t perm[5] = {0, 1, 2, 3, 4};
  int64_t ev[5];
  int orders = 0, bad = 0;
  do {
    REQUIRE(cc_cluster(&cc, perm, ev) == 0);
    double p, r, f1 = cc_bcubed(&cc, ev, &p, &r);
    if (f1 < 1.0 && bad++ < 3)
      wt_test_fail(__FILE__, __LINE__,
                   "order %zu%zu%zu%zu%zu: B-cubed P %.3f R %.3f, not the two "
                   "labelled events", perm[0], perm[1], perm[2], perm[3],
                   perm[4], p, r);
    orders++;
  } while (cc_next_perm(perm, 5));
  CHECK_INT_EQ(orders, 120);
  CHECKF(bad == 0, "%d of 120 orders wrong", bad);
  cc_free(&cc);
}

static uint64_t cc_rng = 0x9e3779b97f4a7c15ULL;
static size_t cc_below(size_t n) {
  cc_rng ^= cc_rng << 13, cc_rng ^= cc_rng >> 7, cc_rng ^= cc_rng << 17;
  return (size_t)(cc_rng % n);
}

/* B-cubed of a corpus as loaded and over `orders` shuffles; prints both.
 * Returns F1 as loaded; *spread is max - min over all runs. */
static double cc_report(const char *name, const cc_corpus *cc, int orders,
                        double *spread) {
  static int64_t ev[CC_MAX];
  static size_t perm[CC_MAX];
  double p, r, f1;
  *spread = 1; /* a failed run moves "everything" */
  if (cc_cluster(cc, NULL, ev)) return -1;
  f1 = cc_bcubed(cc, ev, &p, &r);
  double lo = f1, hi = f1;
  for (int o = 0; o < orders; o++) {
    for (size_t k = 0; k < cc->n; k++) perm[k] = k;
    for (size_t k = cc->n; k > 1; k--) {
      size_t j = cc_below(k), t = perm[k - 1];
      perm[k - 1] = perm[j], perm[j] = t;
    }
    if (cc_cluster(cc, perm, ev)) return -1;
    double pp, rr, ff = cc_bcubed(cc, ev, &pp, &rr);
    if (ff < lo) lo = ff;
    if (ff > hi) hi = ff;
  }
  printf("%s: %zu articles, %d events: B-cubed P %.3f R %.3f F1 %.3f; "
         "%d shuffles F1 %.3f..%.3f\n",
         name, cc->n, cc->n_events, p, r, f1, orders, lo, hi);
  *spread = hi - lo;
  return f1;
}

WT_TEST(cluster_corpus_samples_bcubed) {
  char root[1024], labels[1100];
  wt_test_src("samples", root, sizeof root);
  snprintf(labels, sizeof labels, "%s/labels.json", root);
  static cc_corpus cc;
  REQUIRE(cc_load(&cc, root, labels) == 0);
  CHECKF(cc.n == 37, "samples: %zu articles read, expected 37", cc.n);
  double spread, f1 = cc_report("samples", &cc, 10, &spread);
  CHECKF(f1 >= 0.95, "samples: B-cubed F1 %.3f below 0.95", f1);
  CHECKF(spread < 0.02, "samples: F1 moves by %.3f across orders", spread);
  cc_free(&cc);
}

WT_TEST(cluster_corpus_unseen_bcubed) {
  char root[1024], labels[1100];
  wt_test_src("tests/fixtures/unseen", root, sizeof root);
  snprintf(labels, sizeof labels, "%s/labels.json", root);
  static cc_corpus cc;
  REQUIRE(cc_load(&cc, root, labels) == 0);
  double spread, f1 = cc_report("unseen (held out, not tuned)", &cc, 10, &spread);
  CHECK(f1 >= 0); /* reported, not asserted */
  cc_free(&cc);
}
