/*
 * clean_target.h - the body shared by the cleaner's fuzz targets: arbitrary
 * bytes through ingest (screening, format detection, JSON Lines) and
 * clean, with the page format forced unless fmt is WT_FMT_AUTO.  Invariant checked: no crash, no leak, and a cleaned
 * body is NUL-terminated with paragraph spans inside it.
 */
#ifndef WT_FUZZ_CLEAN_TARGET_H
#define WT_FUZZ_CLEAN_TARGET_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "core/doc.h"
#include "ingest/ingest.h"

static int fuzz_clean_one(const uint8_t *data, size_t size, wt_format fmt) {
  static wt_clean_res *res;
  char err[256];
  if (!res && !(res = wt_clean_load(err, sizeof err))) abort();
  wt_ingest *g = wt_ingest_open_buffer("fuzz", (const char *)data, size);
  wt_input in;
  const char *origin;
  int rc;
  while ((rc = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
    if (rc < 0) continue;
    if (fmt != WT_FMT_AUTO) in.format = fmt;
    wt_doc *d = wt_doc_new((size_t)64 << 20);
    d->in = &in;
    if (wt_clean_run(res, d, err, sizeof err) == 0) {
      if (strlen(d->body) != d->body_len) abort();
      for (size_t i = 0; i < d->paras.n; i++)
        if (d->paras.v[i].span.end > d->body_len) abort();
    }
    wt_doc_free(d);
  }
  wt_ingest_close(g);
  return 0;
}

#endif
