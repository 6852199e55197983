/*
 * test_seeds.c - acceptance tests on the five seed pages in
 * ../shared/seeds, against their hand-made labels (expected.json): two
 * look-alike Putin-Xi video calls a year apart must come out as exactly two
 * events, {002,003,004} on 2025-01-21 (90 minutes) and {000,001} on
 * 2026-02-04 (85 minutes), with the labelled participants; and every page
 * must clean to its labelled body, title and outlet.
 *
 * The comparison logic lives in test_samples.c (same label format); these
 * tests skip when ../shared is absent.
 */
#include "harness.h"

int wt_samples_check_events(const char *name, const char *root,
                            const char *labels_path);
void wt_samples_check_articles(const char *name, const char *root,
                               const char *labels_path);

static int seeds_paths(char *root, char *labels, size_t n) {
  if (!wt_test_shared("seeds", root, n)) return -1;
  int r = snprintf(labels, n, "%s/expected.json", root);
  return r < 0 || (size_t)r >= n ? -1 : 0;
}

WT_TEST(seeds_events_match_expected) {
  char root[1024], labels[1024];
  if (seeds_paths(root, labels, sizeof root) != 0) SKIP("../shared is absent");
  int n = wt_samples_check_events("seeds", root, labels);
  CHECKF(n == 2, "seeds: warta printed %d events, expected exactly 2", n);
}

WT_TEST(seeds_articles_clean) {
  char root[1024], labels[1024];
  if (seeds_paths(root, labels, sizeof root) != 0) SKIP("../shared is absent");
  wt_samples_check_articles("seeds", root, labels);
}
