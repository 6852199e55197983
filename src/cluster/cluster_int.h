/*
 * cluster_int.h - what the files of the clustering index share.
 *
 *   cluster.c            the index: interning, articles, postings, events,
 *                        the window (freezing, compaction), arrivals, queries
 *   cluster_score.c      the score of two articles (clu_pair)
 *   cluster_recluster.c  re-clustering a neighbourhood and relabelling
 *   cluster_why.c        wt_clu_why
 *
 * Article records live in c->arts and are addressed by slot (uint32_t);
 * postings hold slots.  A frozen article leaves c->arts: its slot is
 * released only at the next sweep, after every posting has dropped it, so
 * a posting never names a reused slot.  Nothing else stays of it: the
 * store (articles.event_id) is the record of a frozen article's event.
 * A frozen event's record is dropped too (its slot reused), and so are
 * redirects whose target is no longer in the index.  Interned strings are reference counted by the live articles naming them
 * and recycled the same way (released at a sweep).
 */
#ifndef WT_CLUSTER_INT_H
#define WT_CLUSTER_INT_H

#include <stdint.h>

#include "cluster.h"

#define CLU_THRESHOLD 0.40 /* average link needed to join an event */

#define CLU_NEAR_DUP 26    /* equal MinHash slots of 32: Jaccard ~0.8 */
#define CLU_DATE_SLACK 2   /* confident dates further apart: cannot link */
#define CLU_DATE_CONF 0.5f /* a date at least this sure is "confident" */
#define CLU_POST_SCAN 256  /* newest entries read per posting */
#define CLU_QUERY_ENTS 8   /* heaviest entities used to find candidates */
#define CLU_QUERY_TERMS 12 /* most specific terms used likewise */
#define CLU_CAND 48        /* candidates scored in full */
#define CLU_NB_FLOOR 0.25  /* weaker links do not pull an event in */

#define CLU_NB_MAX 64  /* articles re-clustered per arrival */
#define CLU_SAMPLE 32  /* members sampled to attach to a big event */
/* Corpus document frequencies (every article the index counted, frozen
 * or not): a count-min sketch of CLU_CMS_DEPTH rows of 2^CLU_CMS_BITS
 * counters (2 MB), conservative update.  Its error is one-sided and
 * about (features counted) / 2^CLU_CMS_BITS per row, so IDF stops
 * telling apart terms rarer than ~1 in 2,000 articles (none in a corpus
 * of a few thousand). */
#define CLU_CMS_DEPTH 4
#define CLU_CMS_BITS 17

/* Frozen events with no confident date (undated articles) remembered so
 * that a later dated article can name them for a thaw: the newest
 * CLU_UNDATED of them, each by up to CLU_UND_KEYS actors. */
#define CLU_UNDATED 4096
#define CLU_UND_KEYS 8

#define CLU_NONE UINT32_MAX
#define CLU_GEN_DAY UINT32_MAX /* posting key: no day */

/* Component weights of the base score (they sum to 1). */
#define CLU_W_TERMS 0.35
#define CLU_W_ENTS 0.30
#define CLU_W_PARTS 0.20
#define CLU_W_TYPE 0.15
/* Lead figures: their weight in the mean when both articles state a
 * percentage in the lead, and the factor when neither headline figure
 * (the first of a lead) is stated by the other article (two releases,
 * two results). */
#define CLU_W_FIGS 0.20
#define CLU_FIG_CONFLICT 0.6

/* ------------------------------------------------------- small tables */

/* Open-addressing map uint64 -> uint32 (CLU_NONE: absent). */
typedef struct clu_map {
  uint64_t *k;
  uint32_t *v;
  size_t cap, n;
} clu_map;

uint64_t clu_mix(uint64_t x);
/* CLU_NONE when absent. */
uint32_t clu_map_get(const clu_map *m, uint64_t k);
/* Insert or replace; -1 on allocation failure (the map is unchanged). */
int clu_map_put(clu_map *m, uint64_t k, uint32_t v);
void clu_map_free(clu_map *m);

#define CLU_GROW(p, n, cap) \
  ((n) < (cap) ? 0 : clu_grow((void **)&(p), &(cap), sizeof *(p)))
/* Double *cap (at least 4) and realloc *p; -1 (nothing changed) on failure. */
int clu_grow(void **p, uint32_t *cap, size_t elem);

/* --------------------------------------------------------- the index */

/* An interned feature: kind-prefixed string, its hash (the content order
 * of vectors), its document frequency over the active articles and over
 * the corpus (the sketch's estimate, read when interned and when counted),
 * and how many live articles name it (0: recycled at the next sweep). */
typedef struct clu_str {
  char *s; /* NULL: a free id */
  uint64_t h;
  uint32_t df, cdf, refs;
  float logdf; /* log(max(df, cdf) + 1): what IDF uses, kept with both */
} clu_str;

typedef struct clu_feat {
  uint32_t id;
  float w;
  uint64_t h; /* clu_str.h, the sort key */
} clu_feat;

enum { CLU_A_FROZEN = 1, CLU_A_DIRTY = 2, CLU_A_WINDOW = 4 };

typedef struct clu_art {
  int64_t id, event, dup_of;
  uint64_t hash, key; /* body hash; content key (hash, else of features) */
  int32_t day, wday;  /* event day; day the window ages it by */
  int32_t day_min, day_max; /* plausible days (CLU_A_WINDOW) */
  float conf;
  uint32_t type; /* interned, CLU_NONE */
  uint32_t lang; /* interned, CLU_NONE when unknown */
  uint32_t np, ne, nt;
  uint32_t flags;
  clu_feat *parts, *ents, *terms; /* one malloc'd block, sorted by h */
  uint32_t *mh;                   /* WT_CLU_MINHASH slots or NULL */
  float *figs;        /* percent figures, lead ones first (same block) */
  uint8_t nfig, nlead;
  uint32_t dirty_ix; /* its entry in c->dirty (CLU_A_DIRTY) */
} clu_art;

typedef struct clu_event {
  int64_t id;
  uint32_t *mem; /* member slots (NULL once merged away) */
  uint32_t n, cap;
  uint32_t nind;         /* independent members */
  int32_t last_day, day; /* newest member day; most supported day */
  uint64_t story;        /* story key, 0 none */
  uint64_t touch;        /* arrival number when a member last joined */
  uint8_t live; /* 0: merged away (redirected), dropped with the window */
} clu_event;

typedef struct clu_list {
  uint32_t *a;
  uint32_t n, cap;
} clu_list;

/* An article whose event changed since the drain; event is set when the
 * article is frozen before the drain (it is then no longer in the index). */
typedef struct clu_dirty {
  int64_t id, event;
} clu_dirty;

/* What the last wt_clu_add decided (its article may be frozen at once). */
typedef struct clu_last {
  int64_t id, event, dup_of;
  int32_t wday;
} clu_last;

/* A frozen event without a confident date: its id, the days it may lie
 * on (the union of its articles' windows; INT32_MIN..INT32_MAX when one
 * has none), and the hashes of its actors (participants first). */
typedef struct clu_undated {
  int64_t event;
  int32_t lo, hi;
  uint64_t h[CLU_UND_KEYS];
  uint8_t np, nh;
} clu_undated;

typedef struct clu_heap_it {
  int32_t day;
  uint32_t ev;
} clu_heap_it;

struct wt_clu {
  clu_str *strs;
  uint32_t nstrs, capstrs;
  size_t *strtab; /* open addressing over strs, CLU_NONE-filled (as size_t) */
  size_t strtab_cap;
  uint32_t *free_strs; /* recycled string ids */
  uint32_t nfree_strs, capfree_strs, nunref_strs;

  clu_art *arts;
  uint32_t narts, caparts, nactive, nfrozen_since_sweep;
  clu_map art_by_id;          /* live articles: id -> slot */
  uint32_t *free_arts;        /* slots free for reuse */
  uint32_t nfree_arts, capfree_arts;
  uint32_t *pending_arts;     /* frozen slots, free after the next sweep */
  uint32_t npending_arts, cappending_arts;

  clu_event *evs;
  uint32_t nevs, capevs;
  uint32_t *free_evs; /* slots of dropped events, free for reuse */
  uint32_t nfree_evs, capfree_evs;
  clu_map ev_by_id;
  int64_t next_id;

  int64_t *redir_from, *redir_to;
  uint32_t nredir, capredir;
  clu_map redir_by_id;

  clu_list *posts; /* postings (article slots, arrival order) */
  uint32_t nposts, capposts;
  clu_map post_by_key;
  clu_map by_hash; /* body hash -> first article */

  clu_list *stories; /* story key -> events */
  uint32_t nstories, capstories;
  clu_map story_by_key;

  clu_dirty *dirty; /* articles whose event changed since the drain */
  uint32_t ndirty, capdirty;
  uint32_t drained_redir;

  int window;
  int32_t newest;
  clu_last last;
  clu_heap_it *heap;
  uint32_t nheap, capheap;
  /* events past the window but joined within the last `grace` arrivals:
   * kept live a while, so pages replayed out of order do not thaw and
   * freeze the same events over and over (at most `grace` of them) */
  clu_heap_it *defer;
  uint32_t ndefer, capdefer;
  uint32_t grace;
  uint64_t arrivals;
  /* ageing days of frozen articles (frozen_lo > frozen_hi: none) */
  int32_t frozen_lo, frozen_hi;

  float *acc; /* candidate accumulator, one per slot, zero at rest */
  uint32_t capacc;

  clu_undated *und; /* ring of CLU_UNDATED frozen undated events */
  uint32_t nund, und_next;

  uint32_t *cms;    /* corpus df sketch (CLU_CMS_DEPTH rows), lazily */
  uint32_t ncorpus; /* articles counted in it */
};

/* ------------------------------------------------------------ scoring */

/* Unit-length weights of an article's entity and term vectors. */
typedef struct clu_vec {
  float *ew, *tw;
} clu_vec;

typedef struct clu_score {
  double terms, ents, parts, type, figs, date_factor, total;
  double w_terms, w_parts, w_figs; /* weights used (0: not comparable) */
  int fig_conflict; /* neither headline figure is stated by the other */
  int diff;        /* day distance, -1 when a date is unknown */
  int outside;     /* days a confident date lies outside the other's
                      window, -1 when no window applies */
  int cannot, dup; /* dup: 0 none, 1 exact, 2 near */
} clu_score;

/* Fill ew[0..a->ne) and tw[0..a->nt) with a's unit TF-IDF vectors (IDF
 * over the corpus: see clu_idf). */
void clu_vec_fill(const wt_clu *c, const clu_art *a, float *ew, float *tw);
/* Score a against b (symmetric); va, vb from clu_vec_fill. */
void clu_pair(const wt_clu *c, const clu_art *a, const clu_vec *va,
              const clu_art *b, const clu_vec *vb, clu_score *s);
/* IDF of an interned feature over the corpus: every article the index
 * counted (added, or restored when a store opens), frozen or not, so a
 * score does not depend on which events happen to be in memory. */
double clu_idf(const wt_clu *c, uint32_t id);

/* --------------------------------------------------------- re-cluster */

/* A neighbourhood being re-clustered: articles in content order, their
 * unit vectors, and the cluster link sums of average-link agglomeration. */
typedef struct clu_nb {
  uint32_t n;
  uint32_t *art;
  clu_vec *vec;
  float *buf;
  double *sum;     /* n*n: summed pair scores between clusters (roots) */
  uint8_t *cannot; /* n*n: some pair across the two clusters cannot link */
  uint32_t *root, *size;
} clu_nb;

/* Take ownership of art[0..n), sort it into content order and fill the
 * vectors.  -1 on allocation failure (nb is then freed). */
int clu_nb_init(const wt_clu *c, clu_nb *nb, uint32_t *art, uint32_t n);
void clu_nb_free(clu_nb *nb);
/* Average-link agglomeration with cannot-link constraints; afterwards
 * clu_find(nb->root, i) is the cluster of article i.  -1 on allocation
 * failure. */
int clu_nb_cluster(const wt_clu *c, clu_nb *nb);
uint32_t clu_find(uint32_t *root, uint32_t i);
/* Give the clusters of nb event ids and move the articles (every old
 * event of an nb article must have all its members in nb).  -1 on
 * allocation failure. */
int clu_relabel(wt_clu *c, clu_nb *nb);

/* ------------------------------------------------- events (cluster.c) */

uint32_t clu_event_idx(const wt_clu *c, int64_t id);
/* The event with this id, created live and empty if new; CLU_NONE on
 * allocation failure. */
uint32_t clu_event_make(wt_clu *c, int64_t id);
int clu_event_add(wt_clu *c, uint32_t e, uint32_t ai);
/* Recompute an event's days, independent count and story. */
void clu_event_refresh(wt_clu *c, uint32_t e);
void clu_story_set(wt_clu *c, uint32_t e, uint64_t key);
void clu_set_event(wt_clu *c, uint32_t ai, int64_t id);
void clu_redirect(wt_clu *c, int64_t from, int64_t to);
/* Slot of a live article, CLU_NONE when unknown or frozen. */
uint32_t clu_slot(const wt_clu *c, int64_t article);

#endif
