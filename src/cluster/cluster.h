/*
 * cluster.h - streaming event clustering.
 *
 * Each article arrives as a wt_clu_doc (its event features) and is assigned
 * to an event at once.  Candidate events come from inverted indexes over
 * entities, salient terms and event-day buckets, so an arrival costs time
 * proportional to its candidates, not to the corpus.  The neighbourhood of
 * the new article (its candidate events and their articles) is then
 * re-clustered with an order-independent procedure, so the final grouping
 * does not depend on arrival order.
 *
 * Event ids are positive, allocated by the index, and stable: when events
 * merge the surviving id is the smallest and the others redirect to it;
 * wt_clu_resolve() follows redirects, so no id is ever silently lost.
 *
 * The index owns copies of everything it is given.
 */
#ifndef WT_CLUSTER_H
#define WT_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "../core/doc.h"
#include "../core/strbuf.h"

/* Features of one article for clustering. */
typedef struct wt_clu_doc {
  int64_t article;   /* store id, > 0 */
  uint64_t hash;     /* hash of the normalised body (exact duplicates) */
  int32_t day;       /* event day, WT_NO_DAY when unknown */
  float day_conf;    /* 0..1: stated dates high, inferred low */
  int has_window;    /* day_min..day_max is set: */
  int32_t day_min, day_max; /* plausible event days when none is stated
                               (inclusive); used against confident dates */
  const char *lang;  /* article language ("id", "en"), NULL or "" unknown:
                        term vectors of two languages are not compared */
  const char *type;  /* event type id, or NULL */
  const char *const *participants; /* canonical entity ids */
  size_t n_participants;
  const char *const *entities; /* all canonical entity ids named */
  const float *entity_w;       /* weight per entity (mention share) */
  size_t n_entities;
  const char *const *terms; /* salient stems */
  const float *term_w;      /* tf weight per term */
  size_t n_terms;
  const uint32_t *minhash; /* MinHash signature over word 5-shingles of the
                              body (near duplicates), or NULL */
  size_t n_minhash;        /* WT_CLU_MINHASH, or 0 */
  const float *figures;    /* distinct percent figures stated in the body,
                              the lead's first (headline figures: "inflasi
                              2,86 persen" vs "tumbuh 5,04 persen") */
  size_t n_figures;        /* at most WT_CLU_FIGURES */
  size_t n_lead_figures;   /* how many of them the lead states */
} wt_clu_doc;

/* Length of the MinHash signatures written by wt_clu_features_json(). */
#define WT_CLU_MINHASH 32
/* Most percent figures kept per article (of them at most WT_CLU_LEAD_FIGS
 * from the lead). */
#define WT_CLU_FIGURES 16
#define WT_CLU_LEAD_FIGS 6

typedef struct wt_clu wt_clu;

wt_clu *wt_clu_new(void);
void wt_clu_free(wt_clu *c);

/* Active window in days (0, the default: never freeze).  Events whose last
 * day is more than `days` before the newest confident day are frozen: their
 * articles and the event record leave the index entirely, so memory is
 * bounded by the window, not by the stream.  The store is the record of
 * what was frozen (articles.event_id, event_redirects): for an article or
 * event no longer in the index wt_clu_event_of() and wt_clu_duplicate_of()
 * return 0, wt_clu_resolve() 0, wt_clu_event_size() and wt_clu_why() -1,
 * and wt_clu_story() lists live events only.  Frozen events take no new
 * articles unless the caller brings them back first (wt_clu_thaw, see
 * wt_clu_is_late). */
void wt_clu_set_window(wt_clu *c, int days);
/* Keep an event past the window live while one of its articles arrived
 * within the last `arrivals` additions (default 0): a stream replayed out
 * of order then does not thaw and freeze the same events again and again.
 * Memory stays bounded: at most `arrivals` events are kept this way. */
void wt_clu_set_grace(wt_clu *c, unsigned arrivals);
/* 1 when d may belong to a frozen event: its event day (or, undated, its
 * plausible window) reaches before the active window, or it is undated
 * with no window at all (it may belong to any event).  A caller that
 * keeps a store should then restore the candidate events of d from it
 * (wt_clu_thaw) before wt_clu_add(); the next wt_clu_add() freezes them
 * again.  [*lo, *hi] (either may be NULL) are the days the articles of
 * those events were aged by (wt_clu_article_day): hi is before the
 * window, lo INT32_MIN for an undated article without a window. */
int wt_clu_is_late(const wt_clu *c, const wt_clu_doc *d, int32_t *lo,
                   int32_t *hi);
/* The ageing days [lo, hi] of articles that left the index (frozen here,
 * or never restored from a store: a caller that restores only a window
 * notes the days before it).  wt_clu_frozen_overlaps() tells whether any
 * frozen article was aged by a day in [lo, hi], so a caller can skip
 * looking in its store when nothing there could match. */
void wt_clu_note_frozen(wt_clu *c, int32_t lo, int32_t hi);
int wt_clu_frozen_overlaps(const wt_clu *c, int32_t lo, int32_t hi);
/* Frozen events without a confident date (their articles are undated)
 * that d may belong to: they name at least one of d's participants or two
 * of its entities, and their articles' plausible windows reach d's day.
 * A dated article arriving after such an event froze would have joined
 * it with everything in memory, so a caller with a store thaws these too.
 * The index remembers the newest CLU_UNDATED such events (not across a
 * reopen).  Writes up to max (at most 64) event ids, as they were when
 * frozen (a store resolves redirects), best first; returns how many. */
size_t wt_clu_frozen_undated(const wt_clu *c, const wt_clu_doc *d,
                             int64_t *out, size_t max);
/* What the last successful wt_clu_add() decided for its article: event,
 * duplicate_of and the day the window ages it by (wt_clu_article_day),
 * also when the article was frozen at once (a late arrival); -1 when the
 * last add failed or there was none. */
int wt_clu_last(const wt_clu *c, int64_t *event, int64_t *dup_of,
                int32_t *age_day);
/* Fresh event ids will be above `last` (ids a store already used). */
void wt_clu_reserve_ids(wt_clu *c, int64_t last);

/* Add a new article and (re)cluster its neighbourhood.  Returns the event
 * id it was assigned, or -1 on error.  Adding an article id twice is an
 * error. */
int64_t wt_clu_add(wt_clu *c, const wt_clu_doc *d);

/* Restore an article with the event it had (loading a store, or bringing a
 * frozen event back for a late arrival): no re-clustering and no freezing
 * (the next wt_clu_add() freezes what is out of the window); event ids
 * above all restored ones are allocated later.  -1 when the article is
 * already in the index or on allocation failure. */
int wt_clu_restore(wt_clu *c, const wt_clu_doc *d, int64_t event);
/* The same, for an undated article with the day it was aged by when it
 * arrived (wt_clu_article_day then), not the newest day now. */
int wt_clu_restore_at(wt_clu *c, const wt_clu_doc *d, int64_t event,
                      int32_t age_day);
/* The same for a frozen article brought back for a late arrival: it is
 * not counted again in the corpus document frequencies (IDF is over every
 * article the index counted, frozen or not: wt_clu_add and the restores
 * above count, a thaw does not). */
int wt_clu_thaw(wt_clu *c, const wt_clu_doc *d, int64_t event,
                int32_t age_day);
/* Restore a redirect (old event id -> new). */
void wt_clu_restore_redirect(wt_clu *c, int64_t from, int64_t to);

/* Current event of an article (0 when unknown or frozen). */
int64_t wt_clu_event_of(const wt_clu *c, int64_t article);
/* The day the window ages an article by (its event day, else the newest
 * day when it arrived); WT_NO_DAY when not in the index. */
int32_t wt_clu_article_day(const wt_clu *c, int64_t article);
/* Follow redirects to the live id (0 when the id was never allocated or
 * its event is no longer in the index). */
int64_t wt_clu_resolve(const wt_clu *c, int64_t event);
/* The article this one duplicates (exact or near copy), 0 when none.
 * Duplicates sit in their original's event but are not independent
 * evidence. */
int64_t wt_clu_duplicate_of(const wt_clu *c, int64_t article);
/* Articles of a live event and how many of them are not duplicates;
 * -1 when the event is unknown (redirects are followed). */
int wt_clu_event_size(const wt_clu *c, int64_t event, size_t *n_articles,
                      size_t *n_independent);
/* Related events of the same story: same type and the same main
 * participants on other dates, nearest in time first.  Writes up to max
 * live event ids to out and returns how many. */
size_t wt_clu_story(const wt_clu *c, int64_t event, int64_t *out, size_t max);

/* Changes since the last call: every article whose event changed and every
 * redirect created, for the store to persist.  The callback receives
 * (article, event) pairs with article > 0, and (0, from, to) for
 * redirects through `redirect`. */
typedef void (*wt_clu_assign_fn)(void *ud, int64_t article, int64_t event);
typedef void (*wt_clu_redirect_fn)(void *ud, int64_t from, int64_t to);
void wt_clu_drain(wt_clu *c, wt_clu_assign_fn assign,
                  wt_clu_redirect_fn redirect, void *ud);

/* Explain the pairing of two articles: scores by component and the
 * verdict, as a JSON object appended to out.  -1 if either is unknown. */
int wt_clu_why(const wt_clu *c, int64_t a, int64_t b, wt_sb *out);

/* Serialise the clustering features of a processed doc (JSON object) so the
 * store can keep them; wt_clu_doc_parse() reads them back into a wt_clu_doc
 * whose strings live in arena. */
int wt_clu_features_json(const wt_doc *doc, wt_sb *out);
int wt_clu_doc_parse(const char *json, size_t n, int64_t article,
                     wt_arena *a, wt_clu_doc *out);

#endif
