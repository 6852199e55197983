/*
 * pipeline.c - the per-article pipeline and the shared resources.
 *
 * Stage order (the only place it is written down in code):
 *
 *   clean   wt_clean_run     body, paras, metadata text
 *   times   resolve crawl and publication time -> reference time
 *   lang    wt_lang_run      language, tokens, sentences, stems
 *   time    wt_time_run      timexes and figures against the reference
 *   anchor  a weak reference is replaced by the page's first stated date
 *   extract wt_extract_run   entities, quotes, sources, frames
 *
 * The reference time.  Relative expressions ("kemarin", "Mei tahun lalu")
 * are written relative to the day the report was written.  A publication
 * time is the best evidence of that day; a crawl time given with the input
 * is good evidence.  A file's modification time is weak: a page saved
 * months after it was published would put every "kemarin" on the wrong day.
 * So when the reference is weak, the report's own first date that does not
 * depend on the reference (a full date, or a weekday with day and month,
 * which fixes the year within years) becomes the reference, and the time
 * stage runs again.
 *
 * Invariant: after wt_pipeline_run returns a doc, doc->ref_day is the day
 * relative expressions were resolved against (or WT_NO_DAY), and
 * doc->ref_how is one of "published", "crawled", "stated-date",
 * "file-mtime" or "none".
 */
#include "pipeline.h"

#include <ctype.h>
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
  int crawl_is_file = d->crawled.source &&
                      strcmp(d->crawled.source, "file-mtime") == 0;
  if (d->published.day != WT_NO_DAY &&
      !(d->published.relative && crawl_is_file)) {
    d->ref_day = d->published.day;
    d->ref_minute = d->published.minute;
    d->ref_how = "published";
  } else if (d->crawled.day != WT_NO_DAY) {
    d->ref_day = d->crawled.day;
    d->ref_minute = d->crawled.minute;
    d->ref_how = crawl_is_file ? "file-mtime" : "crawled";
  }
}

/* Does a timex's value stand without the reference?  It does when the
 * same text resolves to the same value against references a year and more
 * away on either side: true of full dates and of weekday-anchored day and
 * month, false of "kemarin" or "21 Januari lalu". */
static int timex_ref_free(const wt_resources *r, const wt_doc *d,
                          const wt_timex *t) {
  static const int shifts[] = {-400, 400};
  const char *s = d->body + t->span.start;
  size_t n = t->span.end - t->span.start;
  for (size_t k = 0; k < sizeof shifts / sizeof *shifts; k++) {
    wt_timeref ref = {t->day_lo + shifts[k], -1};
    wt_timex_vec v = {0};
    if (wt_timex_scan(r->time, s, n, d->lang, ref, d->arena, &v) != 0 ||
        v.n == 0 || v.v[0].day_lo != t->day_lo || v.v[0].day_hi != t->day_hi)
      return 0;
  }
  return 1;
}

/* With a weak reference, re-anchor on the first reference-free stated day
 * (not after the crawl) and read the times again. */
static void anchor_reference(const wt_resources *r, wt_doc *d) {
  if (strcmp(d->ref_how, "file-mtime") != 0 && strcmp(d->ref_how, "none") != 0)
    return;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *t = &d->timexes.v[i];
    if (t->type != WT_TX_DATE || t->day_lo == WT_NO_DAY ||
        t->day_lo != t->day_hi)
      continue;
    if (d->crawled.day != WT_NO_DAY && t->day_lo > d->crawled.day) continue;
    if (!timex_ref_free(r, d, t)) continue;
    d->ref_day = t->day_lo;
    d->ref_minute = -1;
    d->ref_how = "stated-date";
    d->timexes.n = 0;
    d->figures.n = 0;
    wt_time_run(r->time, d);
    return;
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
    /* the primary subtag of a language tag: "id-ID" and "id_ID" are "id" */
    size_t n = strcspn(in->lang, "-_");
    if (n < sizeof d->lang)
      for (size_t i = 0; i < n; i++)
        d->lang[i] = (char)tolower((unsigned char)in->lang[i]);
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
  if (wt_lang_run(r->lang, d) != 0 || wt_time_run(r->time, d) != 0) {
    snprintf(err, errlen, "article too large to analyse");
    wt_doc_free(d);
    return NULL;
  }
  anchor_reference(r, d);
  if (wt_extract_run(r->extract, d) != 0) {
    snprintf(err, errlen, "article too large to analyse");
    wt_doc_free(d);
    return NULL;
  }
  return d;
}
