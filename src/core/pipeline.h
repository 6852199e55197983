/*
 * pipeline.h - the per-article pipeline: clean -> lang -> time -> extract,
 * and the bundle of read-only resources the stages share.
 *
 * wt_pipeline_run() is the one place the stage order lives.  It resolves
 * the reference time between cleaning and the time stage (published, else
 * crawled, else the file's time).  Resources are loaded once per process.
 */
#ifndef WT_PIPELINE_H
#define WT_PIPELINE_H

#include "doc.h"

struct wt_clean_res;
struct wt_lang_res;
struct wt_time_res;
struct wt_extract_res;

typedef struct wt_resources {
  struct wt_clean_res *clean;
  struct wt_lang_res *lang;
  struct wt_time_res *time;
  struct wt_extract_res *extract;
} wt_resources;

int wt_resources_load(wt_resources *r, char *err, size_t errlen);
void wt_resources_free(wt_resources *r);

/* Run every stage over `in` into a new doc.  Returns the doc, or NULL with
 * a reason in err (the input is then reported and skipped). */
wt_doc *wt_pipeline_run(const wt_resources *r, const wt_input *in,
                        char *err, size_t errlen);

/* Clean only (for `warta clean`): metadata resolved, no reading. */
wt_doc *wt_pipeline_clean(const wt_resources *r, const wt_input *in,
                          char *err, size_t errlen);

#endif
