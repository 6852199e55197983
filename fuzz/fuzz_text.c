/*
 * fuzz_text.c - libFuzzer target: arbitrary bytes as a text page through
 * ingest (screening, format detection) and clean.  Built with
 * -DWARTA_FUZZ=ON and CC=clang.  Invariant checked: no crash, no leak, and
 * a cleaned body is NUL-terminated with spans inside it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "core/doc.h"
#include "ingest/ingest.h"

static wt_clean_res *fuzz_res;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[256];
  if (!fuzz_res && !(fuzz_res = wt_clean_load(err, sizeof err))) abort();
  wt_ingest *g = wt_ingest_open_buffer("fuzz", (const char *)data, size);
  wt_input in;
  const char *origin;
  int rc;
  while ((rc = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
    if (rc < 0) continue;
    in.format = WT_FMT_TEXT;
    wt_doc *d = wt_doc_new((size_t)64 << 20);
    d->in = &in;
    if (wt_clean_run(fuzz_res, d, err, sizeof err) == 0) {
      if (strlen(d->body) != d->body_len) abort();
      for (size_t i = 0; i < d->paras.n; i++)
        if (d->paras.v[i].span.end > d->body_len) abort();
    }
    wt_doc_free(d);
  }
  wt_ingest_close(g);
  return 0;
}
