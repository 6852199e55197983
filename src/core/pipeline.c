/*
 * pipeline.c - the per-article pipeline and the shared resources.
 *
 * Stage order (the only place it is written down in code):
 *
 *   clean   wt_clean_run     body, paras, metadata text
 *   times   resolve crawl and publication time -> reference time
 *   lang    wt_lang_run      language, tokens, sentences, stems
 *   time    wt_time_run      timexes and figures against the reference
 *   extract wt_extract_run   entities, quotes, sources, frames
 *
 * Invariant: after wt_pipeline_run returns a doc, doc->ref_day is the day
 * relative expressions were resolved against (or WT_NO_DAY), and
 * doc->ref_how says where it came from.
 */
#include "pipeline.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../clean/clean.h"
#include "../extract/extract.h"
#include "../lang/lang.h"
#include "../lang/timex.h"

int wt_resources_load(wt_resources *r, char *err, size_t errlen) {
  memset(r, 0, sizeof *r);
  if (!(r->clean = wt_clean_load(err, errlen))) goto fail;
  if (!(r->lang = wt_lang_load(err, errlen))) goto fail;
  if (!(r->time = wt_time_load(err, errlen))) goto fail;
  if (!(r->extract = wt_extract_load(err, errlen))) goto fail;
  return 0;
fail:
  wt_resources_free(r);
  return -1;
}

void wt_resources_free(wt_resources *r) {
  wt_extract_free(r->extract);
  wt_time_free(r->time);
  wt_lang_free(r->lang);
  wt_clean_free(r->clean);
  memset(r, 0, sizeof *r);
}

/* Crawl time: the input's "crawled" field, else the file's mtime (UTC). */
static void resolve_crawled(const wt_resources *r, wt_doc *d) {
  const wt_input *in = d->in;
  wt_timeref none = {WT_NO_DAY, -1};
  if (in->crawled && *in->crawled &&
      wt_timex_parse_datetime(r->time, in->crawled, none, &d->crawled) == 0) {
    d->crawled.text = wt_arena_strdup(d->arena, in->crawled);
    d->crawled.source = "input";
    return;
  }
  if (in->file_mtime > 0) {
    time_t t = (time_t)in->file_mtime;
    d->crawled.day = (int32_t)(t / 86400);
    d->crawled.minute = (int16_t)((t % 86400) / 60);
    d->crawled.tz_minutes = 0;
    d->crawled.source = "file-mtime";
  }
}

/* Publication time: parse the text the cleaner found, relative phrases
 * ("9 jam lalu") against the crawl time. */
static void resolve_published(const wt_resources *r, wt_doc *d) {
  if (d->published.day != WT_NO_DAY || !d->published.text) return;
  wt_timeref ref = {d->crawled.day, d->crawled.minute};
  wt_datetime dt = d->published;
  if (wt_timex_parse_datetime(r->time, d->published.text, ref, &dt) == 0 &&
      dt.day != WT_NO_DAY) {
    dt.text = d->published.text;
    dt.source = d->published.source;
    d->published = dt;
  }
}

static void set_reference(wt_doc *d) {
  if (d->published.day != WT_NO_DAY) {
    d->ref_day = d->published.day;
    d->ref_minute = d->published.minute;
    d->ref_how = "published";
  } else if (d->crawled.day != WT_NO_DAY) {
    d->ref_day = d->crawled.day;
    d->ref_minute = d->crawled.minute;
    d->ref_how = d->crawled.source && strcmp(d->crawled.source, "file-mtime") == 0
                     ? "file-mtime"
                     : "crawled";
  }
}

wt_doc *wt_pipeline_clean(const wt_resources *r, const wt_input *in,
                          char *err, size_t errlen) {
  wt_doc *d = wt_doc_new(0);
  d->in = in;
  d->origin = wt_arena_strdup(d->arena, in->origin ? in->origin : "-");
  d->ext_id = in->ext_id && *in->ext_id ? wt_arena_strdup(d->arena, in->ext_id)
                                        : d->origin;
  if (in->lang && *in->lang) {
    size_t n = strlen(in->lang);
    memcpy(d->lang, in->lang, n < sizeof d->lang - 1 ? n : sizeof d->lang - 1);
  }
  if (wt_clean_run(r->clean, d, err, errlen) != 0) {
    wt_doc_free(d);
    return NULL;
  }
  resolve_crawled(r, d);
  resolve_published(r, d);
  set_reference(d);
  return d;
}

wt_doc *wt_pipeline_run(const wt_resources *r, const wt_input *in, char *err,
                        size_t errlen) {
  wt_doc *d = wt_pipeline_clean(r, in, err, errlen);
  if (!d) return NULL;
  if (wt_lang_run(r->lang, d) != 0 || wt_time_run(r->time, d) != 0 ||
      wt_extract_run(r->extract, d) != 0) {
    snprintf(err, errlen, "article too large to analyse");
    wt_doc_free(d);
    return NULL;
  }
  return d;
}
