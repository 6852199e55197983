/*
 * fuzz_frame.c - libFuzzer target: arbitrary valid UTF-8 as body and title
 * (split at the first newline) through the extract stage; the frame's and
 * secondary events' indices must point into the doc's tables.
 */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/util.h"
#include "extract/extract.h"

static void check(const wt_doc *d, const wt_frame *f) {
  for (size_t i = 0; i < f->n_participants; i++)
    if (f->participants[i] < 0 || f->participants[i] >= (int32_t)d->entities.n)
      abort();
  if (f->timex >= (int32_t)d->timexes.n) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static wt_extract_res *r;
  char err[256];
  if (!r && !(r = wt_extract_load(err, sizeof err))) abort();
  if (size > 1 << 16 || wt_utf8_invalid_at((const char *)data, size) >= 0 ||
      memchr(data, 0, size))
    return 0;
  const char *s = (const char *)data;
  const char *nl = memchr(s, '\n', size);
  wt_doc *d = wt_doc_new(1 << 24);
  size_t tl = nl ? (size_t)(nl - s) : 0;
  if (nl) d->title.value = wt_arena_strndup(d->arena, s, tl);
  d->body = wt_arena_strndup(d->arena, s + (nl ? tl + 1 : 0),
                             size - (nl ? tl + 1 : 0));
  d->body_len = strlen(d->body);
  wt_extract_run(r, d);
  check(d, &d->frame);
  for (size_t i = 0; i < d->secondary.n; i++) check(d, &d->secondary.v[i]);
  wt_doc_free(d);
  return 0;
}
