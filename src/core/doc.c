/*
 * doc.c - creation and release of a wt_doc (see doc.h).  The doc struct
 * itself is the first allocation of its own arena, so freeing the arena
 * frees everything.
 */
#include "doc.h"

#define DOC_ARENA_DEFAULT ((size_t)256 << 20)

static void frame_init(wt_frame *f) {
  f->day = WT_NO_DAY;
  f->day_min = f->day_max = WT_NO_DAY;
  f->timex = -1;
  f->duration_minutes = -1;
  f->duration_at = -1;
}

wt_doc *wt_doc_new(size_t arena_cap) {
  wt_arena *a = wt_arena_new(arena_cap ? arena_cap : DOC_ARENA_DEFAULT);
  wt_doc *d = wt_arena_alloc(a, sizeof *d);
  d->arena = a;
  d->published.day = d->modified.day = d->crawled.day = WT_NO_DAY;
  d->published.minute = d->modified.minute = d->crawled.minute = -1;
  d->published.tz_minutes = d->modified.tz_minutes = d->crawled.tz_minutes = WT_NO_TZ;
  d->ref_day = WT_NO_DAY;
  d->ref_minute = -1;
  d->ref_how = "none";
  frame_init(&d->frame);
  return d;
}

void wt_doc_free(wt_doc *d) {
  if (d) wt_arena_free(d->arena);
}

void wt_frame_init(wt_frame *f) { frame_init(f); }
