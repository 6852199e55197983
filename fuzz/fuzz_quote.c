/*
 * fuzz_quote.c - libFuzzer target: arbitrary bytes (made valid UTF-8 by
 * dropping the input when it is not) as an article body through the whole
 * extract stage, with the quote pairing and attribution checked to give
 * spans inside the body and speakers inside the entity table.
 */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/util.h"
#include "extract/extract.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static wt_extract_res *r;
  char err[256];
  if (!r && !(r = wt_extract_load(err, sizeof err))) abort();
  if (size > 1 << 16 || wt_utf8_invalid_at((const char *)data, size) >= 0 ||
      memchr(data, 0, size))
    return 0;
  wt_doc *d = wt_doc_new(1 << 24);
  d->body = wt_arena_strndup(d->arena, (const char *)data, size);
  d->body_len = size;
  wt_extract_run(r, d);
  for (size_t i = 0; i < d->quotes.n; i++) {
    const wt_quote *q = &d->quotes.v[i];
    if (q->span.start > q->span.end || q->span.end > size) abort();
    if (q->speaker >= (int32_t)d->entities.n) abort();
  }
  wt_doc_free(d);
  return 0;
}
