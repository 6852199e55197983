/*
 * fuzz_cluster_features.c - libFuzzer target: wt_clu_doc_parse() over
 * arbitrary bytes, then the parsed features through the index (add, why,
 * restore) so that whatever the parser accepts the index can take.
 */
#include <stddef.h>
#include <stdint.h>

#include "cluster/cluster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wt_arena *a = wt_arena_new(1 << 24);
  wt_clu_doc d;
  if (wt_clu_doc_parse((const char *)data, size, 1, a, &d) == 0) {
    wt_clu *c = wt_clu_new();
    wt_clu_add(c, &d);
    d.article = 2;
    wt_clu_add(c, &d); /* an exact copy of itself */
    d.article = 3;
    wt_clu_restore(c, &d, 9);
    wt_sb b;
    wt_sb_init(&b, 1 << 16);
    wt_clu_why(c, 1, 2, &b);
    wt_sb_free(&b);
    wt_clu_free(c);
  }
  wt_arena_free(a);
  return 0;
}
