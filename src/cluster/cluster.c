/*
 * cluster.c - streaming event clustering over article features.
 *
 * The index keeps, per article, its interned features (participants,
 * weighted entities, weighted terms, type, day) and inverted postings:
 * feature -> articles for entities, terms and participants, and
 * (participant, day) -> articles, the day buckets that find same-actor
 * articles of nearby days however common the actors are.  An arrival:
 *
 *   1. candidates: scan the postings of its participants (their day
 *      buckets when it is dated), its heaviest entities and its most
 *      specific terms, each scan capped at CLU_POST_SCAN recent entries,
 *      so the cost is bounded by the candidates, not the corpus;
 *   2. score the best CLU_CAND candidates in full (clu_pair) and take
 *      their events as the neighbourhood (capped at CLU_NB_MAX articles);
 *   3. re-cluster the neighbourhood plus the new article from scratch with
 *      average-link agglomeration under cannot-link constraints (confident
 *      dates more than CLU_DATE_SLACK days apart), duplicates pre-merged;
 *   4. map the clusters back to event ids (clu_relabel).
 *
 * Order independence: step 3 depends only on the set of articles.  They
 * are sorted by content hash before scoring, scores are summed in that
 * order, feature vectors are merged in string-hash order, and merge ties
 * go to the pair first in content order, never to the arrival order.
 *
 * Event ids: each old event's "home" is the cluster holding most of its
 * articles; a cluster takes the smallest id homed in it (a merge keeps the
 * smallest id, the others redirect to it), and a cluster with no home
 * event is a split or a new event and gets a fresh id.  Ids are never
 * reused, and a redirected id never becomes live again.
 *
 * Window: with wt_clu_set_window(), events whose last day falls out of
 * the window are frozen: their articles drop their features and leave the
 * postings (lazily, and in a sweep once enough are frozen), keeping only
 * (article, event).
 */
#include "cluster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

#define CLU_THRESHOLD 0.40     /* average link needed to join an event */

#define CLU_NEAR_DUP 26        /* equal MinHash slots of 32: Jaccard ~0.8 */
#define CLU_DATE_SLACK 2       /* confident dates further apart: cannot link */
#define CLU_DATE_CONF 0.5f     /* a date at least this sure is "confident" */
#define CLU_POST_SCAN 256      /* newest entries read per posting */
#define CLU_QUERY_ENTS 8       /* heaviest entities used to find candidates */
#define CLU_QUERY_TERMS 12     /* most specific terms used likewise */
#define CLU_CAND 48            /* candidates scored in full */
#define CLU_NB_FLOOR 0.25      /* weaker links do not pull an event in */

#define CLU_NB_MAX 64          /* articles re-clustered per arrival */
#define CLU_SAMPLE 32          /* members sampled to attach to a big event */
#define CLU_NONE UINT32_MAX
#define CLU_GEN_DAY UINT32_MAX /* posting key: no day */

/* ------------------------------------------------------- small tables */

static uint64_t clu_mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* Open-addressing map uint64 -> uint32 (CLU_NONE: absent). */
typedef struct clu_map {
  uint64_t *k;
  uint32_t *v;
  size_t cap, n;
} clu_map;

static uint32_t clu_map_get(const clu_map *m, uint64_t k) {
  if (!m->cap) return CLU_NONE;
  for (size_t h = clu_mix(k) & (m->cap - 1);; h = (h + 1) & (m->cap - 1)) {
    if (m->v[h] == CLU_NONE) return CLU_NONE;
    if (m->k[h] == k) return m->v[h];
  }
}

static int clu_map_put(clu_map *m, uint64_t k, uint32_t v) {
  if ((m->n + 1) * 4 > m->cap * 3) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    uint64_t *nk = malloc(ncap * sizeof *nk);
    uint32_t *nv = malloc(ncap * sizeof *nv);
    if (!nk || !nv) {
      free(nk);
      free(nv);
      return -1;
    }
    memset(nv, 0xff, ncap * sizeof *nv);
    for (size_t i = 0; i < m->cap; i++) {
      if (m->v[i] == CLU_NONE) continue;
      size_t h = clu_mix(m->k[i]) & (ncap - 1);
      while (nv[h] != CLU_NONE) h = (h + 1) & (ncap - 1);
      nk[h] = m->k[i];
      nv[h] = m->v[i];
    }
    free(m->k);
    free(m->v);
    m->k = nk;
    m->v = nv;
    m->cap = ncap;
  }
  size_t h = clu_mix(k) & (m->cap - 1);
  while (m->v[h] != CLU_NONE && m->k[h] != k) h = (h + 1) & (m->cap - 1);
  if (m->v[h] == CLU_NONE) m->n++;
  m->k[h] = k;
  m->v[h] = v;
  return 0;
}

static void clu_map_free(clu_map *m) {
  free(m->k);
  free(m->v);
  memset(m, 0, sizeof *m);
}

#define CLU_GROW(p, n, cap)                                         \
  ((n) < (cap) ? 0                                                  \
               : clu_grow((void **)&(p), &(cap), sizeof *(p)))
static int clu_grow(void **p, uint32_t *cap, size_t elem) {
  uint32_t nc = *cap ? *cap * 2 : 4;
  void *np = realloc(*p, (size_t)nc * elem);
  if (!np) return -1;
  *p = np;
  *cap = nc;
  return 0;
}

/* --------------------------------------------------------- the index */

/* An interned feature: kind-prefixed string, its hash (the content order
 * of vectors), and its document frequency. */
typedef struct clu_str {
  char *s;
  uint64_t h;
  uint32_t df;
  float logdf; /* log(df + 1), kept with df */
} clu_str;

typedef struct clu_feat {
  uint32_t id;
  float w;
  uint64_t h; /* clu_str.h, the sort key */
} clu_feat;

enum { CLU_A_FROZEN = 1, CLU_A_DIRTY = 2 };

typedef struct clu_art {
  int64_t id, event, dup_of;
  uint64_t hash, key; /* body hash; content key (hash, else of features) */
  int32_t day, wday; /* event day; day the window ages it by */
  float conf;
  uint32_t type;     /* interned, CLU_NONE */
  uint32_t np, ne, nt;
  uint32_t flags;
  clu_feat *parts, *ents, *terms; /* one malloc'd block, sorted by h */
  uint32_t *mh;                   /* WT_CLU_MINHASH slots or NULL */
} clu_art;

typedef struct clu_event {
  int64_t id;
  uint32_t *mem;
  uint32_t n, cap;
  int32_t last_day, day; /* newest member day; most supported day */
  uint64_t story;        /* story key, 0 none */
  uint8_t live, frozen;
} clu_event;

typedef struct clu_list {
  uint32_t *a;
  uint32_t n, cap;
} clu_list;

typedef struct clu_heap_it {
  int32_t day;
  uint32_t ev;
} clu_heap_it;

struct wt_clu {
  clu_str *strs;
  uint32_t nstrs, capstrs;
  size_t *strtab; /* open addressing over strs, CLU_NONE-filled (as size_t) */
  size_t strtab_cap;

  clu_art *arts;
  uint32_t narts, caparts, nactive, nfrozen_since_sweep;
  clu_map art_by_id;

  clu_event *evs;
  uint32_t nevs, capevs;
  clu_map ev_by_id;
  int64_t next_id;

  int64_t *redir_from, *redir_to;
  uint32_t nredir, capredir;
  clu_map redir_by_id;

  clu_list *posts; /* postings (article indices, arrival order) */
  uint32_t nposts, capposts;
  clu_map post_by_key;
  clu_map by_hash; /* body hash -> first article */

  clu_list *stories; /* story key -> events */
  uint32_t nstories, capstories;
  clu_map story_by_key;

  uint32_t *dirty;
  uint32_t ndirty, capdirty;
  uint32_t drained_redir;

  int window;
  int32_t newest;
  clu_heap_it *heap;
  uint32_t nheap, capheap;

  float *acc; /* candidate accumulator, one per article, zero at rest */
  uint32_t capacc;
};

/* --------------------------------------------------------- interning */

static uint32_t clu_intern_find(const wt_clu *c, const char *s, uint64_t h) {
  if (!c->strtab_cap) return CLU_NONE;
  for (size_t i = h & (c->strtab_cap - 1);; i = (i + 1) & (c->strtab_cap - 1)) {
    size_t id = c->strtab[i];
    if (id == (size_t)CLU_NONE) return CLU_NONE;
    if (c->strs[id].h == h && strcmp(c->strs[id].s, s) == 0) return (uint32_t)id;
  }
}

static uint32_t clu_intern(wt_clu *c, char kind, const char *s) {
  char buf[512];
  size_t n = strlen(s);
  if (n > sizeof buf - 2) n = sizeof buf - 2;
  buf[0] = kind;
  memcpy(buf + 1, s, n);
  buf[n + 1] = 0;
  uint64_t h = wt_hash64(buf, n + 1);
  uint32_t id = clu_intern_find(c, buf, h);
  if (id != CLU_NONE) return id;
  if ((c->nstrs + 1) * 2 > c->strtab_cap) {
    size_t ncap = c->strtab_cap ? c->strtab_cap * 2 : 1024;
    size_t *nt = malloc(ncap * sizeof *nt);
    if (!nt) return CLU_NONE;
    for (size_t i = 0; i < ncap; i++) nt[i] = (size_t)CLU_NONE;
    for (uint32_t k = 0; k < c->nstrs; k++) {
      size_t i = c->strs[k].h & (ncap - 1);
      while (nt[i] != (size_t)CLU_NONE) i = (i + 1) & (ncap - 1);
      nt[i] = k;
    }
    free(c->strtab);
    c->strtab = nt;
    c->strtab_cap = ncap;
  }
  if (CLU_GROW(c->strs, c->nstrs, c->capstrs)) return CLU_NONE;
  char *copy = strdup(buf);
  if (!copy) return CLU_NONE;
  id = c->nstrs++;
  c->strs[id] = (clu_str){copy, h, 0, 0};
  size_t i = h & (c->strtab_cap - 1);
  while (c->strtab[i] != (size_t)CLU_NONE) i = (i + 1) & (c->strtab_cap - 1);
  c->strtab[i] = id;
  return id;
}

/* ----------------------------------------------------------- lifetime */

wt_clu *wt_clu_new(void) {
  wt_clu *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->next_id = 1;
  c->newest = WT_NO_DAY;
  return c;
}

void wt_clu_set_window(wt_clu *c, int days) { c->window = days > 0 ? days : 0; }

void wt_clu_free(wt_clu *c) {
  if (!c) return;
  for (uint32_t i = 0; i < c->nstrs; i++) free(c->strs[i].s);
  free(c->strs);
  free(c->strtab);
  for (uint32_t i = 0; i < c->narts; i++) free(c->arts[i].parts);
  free(c->arts);
  clu_map_free(&c->art_by_id);
  for (uint32_t i = 0; i < c->nevs; i++) free(c->evs[i].mem);
  free(c->evs);
  clu_map_free(&c->ev_by_id);
  free(c->redir_from);
  free(c->redir_to);
  clu_map_free(&c->redir_by_id);
  for (uint32_t i = 0; i < c->nposts; i++) free(c->posts[i].a);
  free(c->posts);
  clu_map_free(&c->post_by_key);
  clu_map_free(&c->by_hash);
  for (uint32_t i = 0; i < c->nstories; i++) free(c->stories[i].a);
  free(c->stories);
  clu_map_free(&c->story_by_key);
  free(c->dirty);
  free(c->heap);
  free(c->acc);
  free(c);
}

/* ------------------------------------------------------------ articles */

static int clu_feat_cmp(const void *a, const void *b) {
  const clu_feat *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return 0;
}

/* Sort by content order and fold repeated features together. */
static uint32_t clu_feat_norm(clu_feat *f, uint32_t n, int keep_max) {
  qsort(f, n, sizeof *f, clu_feat_cmp);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (k && f[k - 1].id == f[i].id) {
      if (keep_max ? f[i].w > f[k - 1].w : 1)
        f[k - 1].w = keep_max ? f[i].w : f[k - 1].w + f[i].w;
      continue;
    }
    f[k++] = f[i];
  }
  return k;
}

/* Copy a wt_clu_doc into a new article record (features interned). */
static int clu_art_init(wt_clu *c, clu_art *a, const wt_clu_doc *d) {
  memset(a, 0, sizeof *a);
  a->id = d->article;
  a->hash = d->hash;
  a->day = d->day;
  a->conf = d->day == WT_NO_DAY ? 0 : d->day_conf;
  a->wday = d->day != WT_NO_DAY ? d->day : c->newest;
  a->type = d->type && *d->type ? clu_intern(c, 'y', d->type) : CLU_NONE;
  size_t nf = d->n_participants + d->n_entities + d->n_terms;
  size_t bytes = nf * sizeof(clu_feat) +
                 (d->minhash && d->n_minhash == WT_CLU_MINHASH
                      ? WT_CLU_MINHASH * sizeof(uint32_t) : 0);
  char *blk = malloc(bytes ? bytes : 1);
  if (!blk) return -1;
  clu_feat *f = (clu_feat *)blk;
  a->parts = f;
  for (size_t i = 0; i < d->n_participants; i++) {
    uint32_t id = d->participants[i] ? clu_intern(c, 'e', d->participants[i]) : CLU_NONE;
    if (id != CLU_NONE) a->parts[a->np++] = (clu_feat){id, 1.0f, c->strs[id].h};
  }
  a->np = clu_feat_norm(a->parts, a->np, 1);
  a->ents = a->parts + a->np;
  for (size_t i = 0; i < d->n_entities; i++) {
    uint32_t id = d->entities[i] ? clu_intern(c, 'e', d->entities[i]) : CLU_NONE;
    float w = d->entity_w ? d->entity_w[i] : 1.0f;
    if (id != CLU_NONE && w > 0) a->ents[a->ne++] = (clu_feat){id, w, c->strs[id].h};
  }
  a->ne = clu_feat_norm(a->ents, a->ne, 0);
  a->terms = a->ents + a->ne;
  for (size_t i = 0; i < d->n_terms; i++) {
    uint32_t id = d->terms[i] ? clu_intern(c, 't', d->terms[i]) : CLU_NONE;
    float w = d->term_w ? d->term_w[i] : 1.0f;
    if (id != CLU_NONE && w > 0) a->terms[a->nt++] = (clu_feat){id, w, c->strs[id].h};
  }
  a->nt = clu_feat_norm(a->terms, a->nt, 0);
  if (d->minhash && d->n_minhash == WT_CLU_MINHASH) {
    a->mh = (uint32_t *)(a->parts + nf);
    memcpy(a->mh, d->minhash, WT_CLU_MINHASH * sizeof(uint32_t));
  }
  a->key = a->hash;
  if (!a->key) { /* no body hash: a key from the features, not the arrival */
    uint64_t k = clu_mix((uint64_t)(uint32_t)a->day + 1);
    for (uint32_t i = 0; i < a->np + a->ne + a->nt; i++)
      k += clu_mix(a->parts[i].h ^ (uint64_t)(a->parts[i].w * 1000));
    a->key = k;
  }
  return 0;
}

static uint64_t clu_post_key(uint32_t feat, uint32_t day) {
  return ((uint64_t)feat << 32) | day;
}

static int clu_post_add(wt_clu *c, uint64_t key, uint32_t art) {
  uint32_t p = clu_map_get(&c->post_by_key, key);
  if (p == CLU_NONE) {
    if (CLU_GROW(c->posts, c->nposts, c->capposts)) return -1;
    p = c->nposts++;
    memset(&c->posts[p], 0, sizeof c->posts[p]);
    if (clu_map_put(&c->post_by_key, key, p)) return -1;
  }
  clu_list *l = &c->posts[p];
  if (CLU_GROW(l->a, l->n, l->cap)) return -1;
  l->a[l->n++] = art;
  return 0;
}

static void clu_df(wt_clu *c, uint32_t id, int delta) {
  c->strs[id].df += (uint32_t)delta;
  c->strs[id].logdf = (float)log(c->strs[id].df + 1.0);
}

/* Put an article in the postings and count its terms' document frequency. */
static int clu_index(wt_clu *c, uint32_t ai) {
  clu_art *a = &c->arts[ai];
  int rc = 0;
  for (uint32_t i = 0; i < a->np; i++) {
    rc |= clu_post_add(c, clu_post_key(a->parts[i].id, CLU_GEN_DAY), ai);
    if (a->day != WT_NO_DAY)
      rc |= clu_post_add(c, clu_post_key(a->parts[i].id, (uint32_t)a->day), ai);
  }
  for (uint32_t i = 0; i < a->ne; i++) {
    clu_df(c, a->ents[i].id, 1);
    rc |= clu_post_add(c, clu_post_key(a->ents[i].id, CLU_GEN_DAY), ai);
  }
  for (uint32_t i = 0; i < a->nt; i++) {
    clu_df(c, a->terms[i].id, 1);
    rc |= clu_post_add(c, clu_post_key(a->terms[i].id, CLU_GEN_DAY), ai);
  }
  if (a->hash && clu_map_get(&c->by_hash, a->hash) == CLU_NONE)
    rc |= clu_map_put(&c->by_hash, a->hash, ai);
  return rc;
}

static uint32_t clu_new_art(wt_clu *c, const wt_clu_doc *d) {
  if (!d || d->article <= 0) return CLU_NONE;
  if (clu_map_get(&c->art_by_id, (uint64_t)d->article) != CLU_NONE) return CLU_NONE;
  if (CLU_GROW(c->arts, c->narts, c->caparts)) return CLU_NONE;
  if (c->capacc < c->caparts) {
    float *na = realloc(c->acc, c->caparts * sizeof *na);
    if (!na) return CLU_NONE;
    memset(na + c->capacc, 0, (c->caparts - c->capacc) * sizeof *na);
    c->acc = na;
    c->capacc = c->caparts;
  }
  uint32_t ai = c->narts;
  if (clu_art_init(c, &c->arts[ai], d)) return CLU_NONE;
  c->narts++;
  c->nactive++;
  if (clu_map_put(&c->art_by_id, (uint64_t)d->article, ai) || clu_index(c, ai))
    return CLU_NONE;
  return ai;
}

/* ------------------------------------------------------------ scoring */

/* IDF, smoothed so that a feature in every article still counts a little. */
static double clu_idf(const wt_clu *c, uint32_t id) {
  return log(c->nactive + 1.0) - c->strs[id].logdf + 1.0;
}

/* Unit-length weights of an article's entity and term vectors. */
typedef struct clu_vec {
  float *ew, *tw;
} clu_vec;

static void clu_vec_fill(const wt_clu *c, const clu_art *a, float *ew, float *tw) {
  double s = 0, logn = log(c->nactive + 1.0) + 1.0;
  for (uint32_t i = 0; i < a->ne; i++) {
    ew[i] = (float)(a->ents[i].w * (logn - c->strs[a->ents[i].id].logdf));
    s += (double)ew[i] * ew[i];
  }
  for (uint32_t i = 0; s > 0 && i < a->ne; i++) ew[i] = (float)(ew[i] / sqrt(s));
  s = 0;
  for (uint32_t i = 0; i < a->nt; i++) {
    tw[i] = (float)((1.0 + log(a->terms[i].w > 1 ? a->terms[i].w : 1)) *
                    (logn - c->strs[a->terms[i].id].logdf));
    s += (double)tw[i] * tw[i];
  }
  for (uint32_t i = 0; s > 0 && i < a->nt; i++) tw[i] = (float)(tw[i] / sqrt(s));
}

static double clu_dot(const clu_feat *a, const float *aw, uint32_t na,
                      const clu_feat *b, const float *bw, uint32_t nb) {
  double s = 0;
  uint32_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].h < b[j].h) i++;
    else if (a[i].h > b[j].h) j++;
    else s += (double)aw[i++] * bw[j++];
  }
  return s;
}

typedef struct clu_score {
  double terms, ents, parts, type, date_factor, total;
  int diff; /* day distance, -1 when a date is unknown */
  int cannot, dup; /* dup: 0 none, 1 exact, 2 near */
} clu_score;

static void clu_pair(const clu_art *a, const clu_vec *va, const clu_art *b,
                     const clu_vec *vb, clu_score *s) {
  memset(s, 0, sizeof *s);
  s->terms = clu_dot(a->terms, va->tw, a->nt, b->terms, vb->tw, b->nt);
  s->ents = clu_dot(a->ents, va->ew, a->ne, b->ents, vb->ew, b->ne);
  uint32_t inter = 0, i = 0, j = 0;
  while (i < a->np && j < b->np) {
    if (a->parts[i].h < b->parts[j].h) i++;
    else if (a->parts[i].h > b->parts[j].h) j++;
    else inter++, i++, j++;
  }
  s->parts = a->np + b->np ? (double)inter / (a->np + b->np - inter) : 0;
  s->type = a->type == CLU_NONE || b->type == CLU_NONE ? 0.5 : a->type == b->type;
  double base = 0.35 * s->terms + 0.30 * s->ents + 0.20 * s->parts + 0.15 * s->type;

  s->diff = -1;
  s->date_factor = 1;
  if (a->day != WT_NO_DAY && b->day != WT_NO_DAY) {
    int diff = a->day > b->day ? a->day - b->day : b->day - a->day;
    double q = a->conf < b->conf ? a->conf : b->conf;
    s->diff = diff;
    if (diff > CLU_DATE_SLACK && a->conf >= CLU_DATE_CONF && b->conf >= CLU_DATE_CONF) {
      s->cannot = 1;
      s->date_factor = 0;
    } else if (diff > CLU_DATE_SLACK) { /* one date is a guess: soft */
      double far = (diff - CLU_DATE_SLACK) / 10.0, vfar = diff / 60.0;
      double pen = (0.4 + q) * (far < 1 ? far : 1) + 0.3 * (vfar < 1 ? vfar : 1);
      s->date_factor = 1 - (pen < 0.95 ? pen : 0.95);
    } else { /* agreeing dates are evidence: boost by how sure they are */
      s->date_factor = 1 + 0.25 * q * (diff <= 1 ? 1.0 : 0.5);
    }
  }
  if (a->hash && a->hash == b->hash) {
    s->dup = 1;
  } else if (a->mh && b->mh) {
    int eq = 0;
    for (int k = 0; k < WT_CLU_MINHASH; k++) eq += a->mh[k] == b->mh[k];
    if (eq >= CLU_NEAR_DUP) s->dup = 2;
  }
  s->total = base * s->date_factor;
  if (a->type != CLU_NONE && b->type != CLU_NONE && a->type != b->type)
    s->total *= 0.75; /* the same actors doing something else */
  if (s->total > 1) s->total = 1;
}

/* ------------------------------------------------------------- events */

static uint32_t clu_event_idx(const wt_clu *c, int64_t id) {
  return id > 0 ? clu_map_get(&c->ev_by_id, (uint64_t)id) : CLU_NONE;
}

static uint32_t clu_event_make(wt_clu *c, int64_t id) {
  uint32_t e = clu_event_idx(c, id);
  if (e != CLU_NONE) return e;
  if (CLU_GROW(c->evs, c->nevs, c->capevs)) return CLU_NONE;
  e = c->nevs++;
  memset(&c->evs[e], 0, sizeof c->evs[e]);
  c->evs[e].id = id;
  c->evs[e].live = 1;
  c->evs[e].last_day = c->evs[e].day = WT_NO_DAY;
  if (clu_map_put(&c->ev_by_id, (uint64_t)id, e)) return CLU_NONE;
  if (id >= c->next_id) c->next_id = id + 1;
  return e;
}

static void clu_heap_push(wt_clu *c, int32_t day, uint32_t ev) {
  if (!c->window || day == WT_NO_DAY) return;
  if (CLU_GROW(c->heap, c->nheap, c->capheap)) return;
  uint32_t i = c->nheap++;
  while (i && c->heap[(i - 1) / 2].day > day) {
    c->heap[i] = c->heap[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  c->heap[i] = (clu_heap_it){day, ev};
}

static clu_heap_it clu_heap_pop(wt_clu *c) {
  clu_heap_it top = c->heap[0], last = c->heap[--c->nheap];
  uint32_t i = 0;
  for (;;) {
    uint32_t k = 2 * i + 1;
    if (k >= c->nheap) break;
    if (k + 1 < c->nheap && c->heap[k + 1].day < c->heap[k].day) k++;
    if (c->heap[k].day >= last.day) break;
    c->heap[i] = c->heap[k];
    i = k;
  }
  if (c->nheap) c->heap[i] = last;
  return top;
}

static int clu_u64_cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Story key: the event's most common type and its main participants
 * (named by at least half of its articles); 0 when it has none. */
static uint64_t clu_story_key(const wt_clu *c, const clu_event *ev) {
  size_t m = 0;
  for (uint32_t i = 0; i < ev->n; i++) m += c->arts[ev->mem[i]].np + 1;
  uint64_t *hs = malloc((m ? m : 1) * sizeof *hs);
  if (!hs) return 0;
  size_t k = 0;
  for (uint32_t i = 0; i < ev->n; i++) {
    const clu_art *a = &c->arts[ev->mem[i]];
    for (uint32_t p = 0; p < a->np; p++) hs[k++] = a->parts[p].h;
  }
  size_t nparts_h = k;
  qsort(hs, nparts_h, sizeof *hs, clu_u64_cmp);
  uint64_t key = 0;
  int nparts = 0;
  for (size_t i = 0; i < nparts_h;) {
    size_t j = i;
    while (j < nparts_h && hs[j] == hs[i]) j++;
    if (2 * (j - i) >= ev->n) key += clu_mix(hs[i]), nparts++;
    i = j;
  }
  k = 0;
  for (uint32_t i = 0; i < ev->n; i++) {
    const clu_art *a = &c->arts[ev->mem[i]];
    if (a->type != CLU_NONE) hs[k++] = c->strs[a->type].h;
  }
  qsort(hs, k, sizeof *hs, clu_u64_cmp);
  uint64_t type = 0;
  size_t best = 0;
  for (size_t i = 0; i < k;) {
    size_t j = i;
    while (j < k && hs[j] == hs[i]) j++;
    if (j - i > best) best = j - i, type = hs[i];
    i = j;
  }
  free(hs);
  return nparts ? clu_mix(key ^ type) | 1 : 0;
}

static void clu_story_set(wt_clu *c, uint32_t e, uint64_t key) {
  clu_event *ev = &c->evs[e];
  if (ev->story == key) return;
  if (ev->story) {
    uint32_t s = clu_map_get(&c->story_by_key, ev->story);
    clu_list *l = s == CLU_NONE ? NULL : &c->stories[s];
    for (uint32_t i = 0; l && i < l->n; i++)
      if (l->a[i] == e) {
        l->a[i] = l->a[--l->n];
        break;
      }
  }
  ev->story = key;
  if (!key) return;
  uint32_t s = clu_map_get(&c->story_by_key, key);
  if (s == CLU_NONE) {
    if (CLU_GROW(c->stories, c->nstories, c->capstories)) return;
    s = c->nstories++;
    memset(&c->stories[s], 0, sizeof c->stories[s]);
    if (clu_map_put(&c->story_by_key, key, s)) return;
  }
  clu_list *l = &c->stories[s];
  if (CLU_GROW(l->a, l->n, l->cap)) return;
  l->a[l->n++] = e;
}

/* Recompute an event's days and story after its members changed: the
 * event day is the day with most confidence-weighted support. */
static void clu_event_refresh(wt_clu *c, uint32_t e) {
  clu_event *ev = &c->evs[e];
  int32_t last = WT_NO_DAY, best_day = WT_NO_DAY;
  uint64_t *days = malloc((ev->n ? ev->n : 1) * sizeof *days);
  uint32_t nd = 0;
  for (uint32_t i = 0; i < ev->n; i++) {
    const clu_art *a = &c->arts[ev->mem[i]];
    int32_t d = a->day != WT_NO_DAY ? a->day : a->wday;
    if (d != WT_NO_DAY && (last == WT_NO_DAY || d > last)) last = d;
    if (a->day != WT_NO_DAY && days)
      days[nd++] = ((uint64_t)(uint32_t)(a->day ^ INT32_MIN) << 32) |
                   (uint32_t)(a->conf * 1000);
  }
  if (days) {
    qsort(days, nd, sizeof *days, clu_u64_cmp);
    double best = 0;
    for (uint32_t i = 0; i < nd;) {
      uint32_t j = i;
      double v = 0;
      for (; j < nd && days[j] >> 32 == days[i] >> 32; j++)
        v += 0.1 + (uint32_t)days[j] / 1000.0;
      if (v > best) best = v, best_day = (int32_t)((uint32_t)(days[i] >> 32) ^ INT32_MIN);
      i = j;
    }
    free(days);
  }
  ev->day = best_day;
  if (last != ev->last_day) {
    ev->last_day = last;
    clu_heap_push(c, last, e);
  }
  clu_story_set(c, e, clu_story_key(c, ev));
}

static int clu_event_add(wt_clu *c, uint32_t e, uint32_t ai) {
  clu_event *ev = &c->evs[e];
  if (CLU_GROW(ev->mem, ev->n, ev->cap)) return -1;
  ev->mem[ev->n++] = ai;
  return 0;
}

static void clu_set_event(wt_clu *c, uint32_t ai, int64_t id) {
  clu_art *a = &c->arts[ai];
  if (a->event == id) return;
  a->event = id;
  if (!(a->flags & CLU_A_DIRTY) && !CLU_GROW(c->dirty, c->ndirty, c->capdirty)) {
    a->flags |= CLU_A_DIRTY;
    c->dirty[c->ndirty++] = ai;
  }
}

static void clu_redirect(wt_clu *c, int64_t from, int64_t to) {
  if (from == to || from <= 0) return;
  uint32_t r = clu_map_get(&c->redir_by_id, (uint64_t)from);
  if (r == CLU_NONE) {
    if (c->nredir >= c->capredir) {
      uint32_t nc = c->capredir ? c->capredir * 2 : 16;
      int64_t *f = realloc(c->redir_from, nc * sizeof *f);
      if (!f) return;
      c->redir_from = f;
      int64_t *t = realloc(c->redir_to, nc * sizeof *t);
      if (!t) return;
      c->redir_to = t;
      c->capredir = nc;
    }
    r = c->nredir++;
    if (clu_map_put(&c->redir_by_id, (uint64_t)from, r)) return;
  }
  c->redir_from[r] = from;
  c->redir_to[r] = to;
}

/* ------------------------------------------------------------ freezing */

static int clu_alive(const wt_clu *c, uint32_t ai) {
  return !(c->arts[ai].flags & CLU_A_FROZEN);
}

static void clu_compact(wt_clu *c, clu_list *l) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < l->n; i++)
    if (clu_alive(c, l->a[i])) l->a[k++] = l->a[i];
  l->n = k;
}

/* Drop frozen articles from every posting and forget empty postings. */
static void clu_sweep(wt_clu *c) {
  clu_list *np = malloc((c->nposts ? c->nposts : 1) * sizeof *np);
  clu_map nm = {0};
  if (!np) return;
  uint32_t k = 0;
  for (size_t i = 0; i < c->post_by_key.cap; i++) {
    uint32_t p = c->post_by_key.v[i];
    if (p == CLU_NONE) continue;
    clu_list *l = &c->posts[p];
    clu_compact(c, l);
    if (!l->n) {
      free(l->a);
      continue;
    }
    np[k] = *l;
    clu_map_put(&nm, c->post_by_key.k[i], k++);
  }
  free(c->posts);
  c->posts = np;
  c->capposts = c->nposts ? c->nposts : 1;
  c->nposts = k;
  clu_map_free(&c->post_by_key);
  c->post_by_key = nm;
  clu_map nh = {0};
  for (size_t i = 0; i < c->by_hash.cap; i++)
    if (c->by_hash.v[i] != CLU_NONE && clu_alive(c, c->by_hash.v[i]))
      clu_map_put(&nh, c->by_hash.k[i], c->by_hash.v[i]);
  clu_map_free(&c->by_hash);
  c->by_hash = nh;
  c->nfrozen_since_sweep = 0;
}

static void clu_freeze(wt_clu *c) {
  if (!c->window || c->newest == WT_NO_DAY) return;
  int32_t cutoff = c->newest - c->window;
  while (c->nheap && c->heap[0].day < cutoff) {
    clu_heap_it it = clu_heap_pop(c);
    clu_event *ev = &c->evs[it.ev];
    if (!ev->live || ev->frozen || ev->last_day != it.day) continue;
    ev->frozen = 1;
    for (uint32_t i = 0; i < ev->n; i++) {
      clu_art *a = &c->arts[ev->mem[i]];
      for (uint32_t k = 0; k < a->ne; k++) clu_df(c, a->ents[k].id, -1);
      for (uint32_t k = 0; k < a->nt; k++) clu_df(c, a->terms[k].id, -1);
      free(a->parts);
      a->parts = a->ents = a->terms = NULL;
      a->mh = NULL;
      a->np = a->ne = a->nt = 0;
      a->flags |= CLU_A_FROZEN;
      c->nactive--;
      c->nfrozen_since_sweep++;
    }
  }
  if (c->nfrozen_since_sweep > 10000 && c->nfrozen_since_sweep > c->nactive)
    clu_sweep(c);
}

/* --------------------------------------------------------- candidates */

static void clu_scan(wt_clu *c, uint64_t key, float w, uint32_t self,
                     uint32_t *touched, uint32_t *nt, uint32_t cap) {
  uint32_t p = clu_map_get(&c->post_by_key, key);
  if (p == CLU_NONE) return;
  clu_list *l = &c->posts[p];
  uint32_t lo = l->n > CLU_POST_SCAN ? l->n - CLU_POST_SCAN : 0, stale = 0;
  for (uint32_t i = lo; i < l->n; i++) {
    uint32_t ai = l->a[i];
    if (ai == self) continue;
    if (!clu_alive(c, ai)) {
      stale++;
      continue;
    }
    if (c->acc[ai] == 0) {
      if (*nt >= cap) continue;
      touched[(*nt)++] = ai;
    }
    c->acc[ai] += w;
  }
  if (stale * 2 > l->n - lo) clu_compact(c, l);
}

typedef struct clu_rank {
  uint32_t ai;
  float w;
  uint64_t key;
} clu_rank;

static int clu_rank_cmp(const void *a, const void *b) {
  const clu_rank *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return x->key < y->key ? -1 : x->key > y->key;
}

/* Candidate articles for a new one, best first; returns the count. */
static uint32_t clu_candidates(wt_clu *c, uint32_t self, uint32_t *out) {
  enum { TOUCH_MAX = 8192 };
  static __thread uint32_t touched[TOUCH_MAX];
  uint32_t nt = 0;
  const clu_art *a = &c->arts[self];
  for (uint32_t i = 0; i < a->np; i++) {
    if (a->day != WT_NO_DAY) {
      for (int d = -CLU_DATE_SLACK; d <= CLU_DATE_SLACK; d++)
        clu_scan(c, clu_post_key(a->parts[i].id, (uint32_t)(a->day + d)), 2.0f,
                 self, touched, &nt, TOUCH_MAX);
    }
    clu_scan(c, clu_post_key(a->parts[i].id, CLU_GEN_DAY), 1.0f, self, touched,
             &nt, TOUCH_MAX);
  }
  clu_rank r[64];
  uint32_t nr = 0;
  for (uint32_t i = 0; i < a->ne && nr < 64; i++)
    r[nr++] = (clu_rank){a->ents[i].id, a->ents[i].w, a->ents[i].h};
  qsort(r, nr, sizeof *r, clu_rank_cmp);
  for (uint32_t i = 0; i < nr && i < CLU_QUERY_ENTS; i++)
    clu_scan(c, clu_post_key(r[i].ai, CLU_GEN_DAY), 1.0f, self, touched, &nt,
             TOUCH_MAX);
  nr = 0;
  for (uint32_t i = 0; i < a->nt && nr < 64; i++) {
    uint32_t df = c->strs[a->terms[i].id].df;
    if (df > 1 && c->nactive > 200 && df * 5 > c->nactive) continue;
    r[nr++] = (clu_rank){a->terms[i].id, (float)(a->terms[i].w * clu_idf(c, a->terms[i].id)),
                         a->terms[i].h};
  }
  qsort(r, nr, sizeof *r, clu_rank_cmp);
  for (uint32_t i = 0; i < nr && i < CLU_QUERY_TERMS; i++)
    clu_scan(c, clu_post_key(r[i].ai, CLU_GEN_DAY),
             (float)(clu_idf(c, r[i].ai) / 4), self, touched, &nt, TOUCH_MAX);
  /* exact copy */
  uint32_t h = a->hash ? clu_map_get(&c->by_hash, a->hash) : CLU_NONE;
  if (h != CLU_NONE && h != self && clu_alive(c, h)) {
    if (c->acc[h] == 0 && nt < TOUCH_MAX) touched[nt++] = h;
    c->acc[h] += 1000;
  }
  clu_rank *all = malloc((nt ? nt : 1) * sizeof *all);
  uint32_t n = 0;
  for (uint32_t i = 0; i < nt; i++) {
    uint32_t ai = touched[i];
    if (all) all[i] = (clu_rank){ai, c->acc[ai], c->arts[ai].hash};
    c->acc[ai] = 0;
  }
  if (!all) return 0;
  qsort(all, nt, sizeof *all, clu_rank_cmp);
  for (uint32_t i = 0; i < nt && n < CLU_CAND; i++) out[n++] = all[i].ai;
  free(all);
  return n;
}

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

static __thread const wt_clu *clu_sort_ctx; /* qsort has no context */
static int clu_content_cmp(const void *a, const void *b) {
  const clu_art *x = &clu_sort_ctx->arts[*(const uint32_t *)a];
  const clu_art *y = &clu_sort_ctx->arts[*(const uint32_t *)b];
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void clu_nb_free(clu_nb *nb) {
  free(nb->art);
  free(nb->vec);
  free(nb->buf);
  free(nb->sum);
  free(nb->cannot);
  free(nb->root);
  free(nb->size);
  memset(nb, 0, sizeof *nb);
}

/* Take ownership of art[0..n), sort it into content order and fill the
 * vectors.  -1 on allocation failure (nb is then freed). */
static int clu_nb_init(const wt_clu *c, clu_nb *nb, uint32_t *art, uint32_t n) {
  memset(nb, 0, sizeof *nb);
  nb->art = art;
  nb->n = n;
  clu_sort_ctx = c;
  qsort(art, n, sizeof *art, clu_content_cmp);
  size_t nf = 0;
  for (uint32_t i = 0; i < n; i++) nf += c->arts[art[i]].ne + c->arts[art[i]].nt;
  nb->vec = malloc((n ? n : 1) * sizeof *nb->vec);
  nb->buf = malloc((nf ? nf : 1) * sizeof *nb->buf);
  if (!nb->vec || !nb->buf) {
    clu_nb_free(nb);
    return -1;
  }
  float *p = nb->buf;
  for (uint32_t i = 0; i < n; i++) {
    const clu_art *a = &c->arts[art[i]];
    nb->vec[i].ew = p;
    nb->vec[i].tw = p + a->ne;
    p += a->ne + a->nt;
    clu_vec_fill(c, a, nb->vec[i].ew, nb->vec[i].tw);
  }
  return 0;
}

static uint32_t clu_find(uint32_t *root, uint32_t i) {
  while (root[i] != i) i = root[i] = root[root[i]];
  return i;
}

/* Average-link agglomeration with cannot-link constraints; afterwards
 * clu_find(nb->root, i) is the cluster (its first member in content
 * order) of article i.  Exact copies, and near copies that may link, are
 * merged before anything else. */
static int clu_nb_cluster(const wt_clu *c, clu_nb *nb) {
  uint32_t n = nb->n;
  nb->sum = calloc((size_t)n * n, sizeof *nb->sum);
  nb->cannot = calloc((size_t)n * n, 1);
  nb->root = malloc(n * sizeof *nb->root);
  nb->size = malloc(n * sizeof *nb->size);
  double *pair = malloc((size_t)n * n * sizeof *pair);
  if (!nb->sum || !nb->cannot || !nb->root || !nb->size || !pair) {
    free(pair);
    return -1;
  }
  for (uint32_t i = 0; i < n; i++) nb->root[i] = i, nb->size[i] = 0;
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = i + 1; j < n; j++) {
      clu_score s;
      clu_pair(&c->arts[nb->art[i]], &nb->vec[i], &c->arts[nb->art[j]],
               &nb->vec[j], &s);
      pair[(size_t)i * n + j] = s.cannot ? -1 : s.total;
      if (s.dup == 1 || (s.dup == 2 && !s.cannot)) {
        uint32_t ri = clu_find(nb->root, i), rj = clu_find(nb->root, j);
        if (ri != rj) nb->root[ri > rj ? ri : rj] = ri < rj ? ri : rj;
      }
    }
  for (uint32_t i = 0; i < n; i++) nb->size[clu_find(nb->root, i)]++;
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = i + 1; j < n; j++) {
      uint32_t ri = clu_find(nb->root, i), rj = clu_find(nb->root, j);
      if (ri == rj) continue;
      double v = pair[(size_t)i * n + j];
      if (v < 0) {
        nb->cannot[(size_t)ri * n + rj] = nb->cannot[(size_t)rj * n + ri] = 1;
      } else {
        nb->sum[(size_t)ri * n + rj] += v;
        nb->sum[(size_t)rj * n + ri] += v;
      }
    }
  free(pair);
  for (;;) {
    double best = -1;
    uint32_t bi = 0, bj = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (nb->root[i] != i) continue;
      for (uint32_t j = i + 1; j < n; j++) {
        if (nb->root[j] != j || nb->cannot[(size_t)i * n + j]) continue;
        double avg = nb->sum[(size_t)i * n + j] / ((double)nb->size[i] * nb->size[j]);
        if (avg >= CLU_THRESHOLD && avg > best) best = avg, bi = i, bj = j;
      }
    }
    if (best < 0) break;
    nb->root[bj] = bi;
    nb->size[bi] += nb->size[bj];
    for (uint32_t k = 0; k < n; k++) {
      if (nb->root[k] != k || k == bi) continue;
      nb->sum[(size_t)bi * n + k] += nb->sum[(size_t)bj * n + k];
      nb->sum[(size_t)k * n + bi] = nb->sum[(size_t)bi * n + k];
      if (nb->cannot[(size_t)bj * n + k])
        nb->cannot[(size_t)bi * n + k] = nb->cannot[(size_t)k * n + bi] = 1;
    }
  }
  return 0;
}

/* Give the clusters of nb event ids (see the file comment) and move the
 * articles.  Every old event of an nb article must have all its members
 * in nb. */
static int clu_relabel(wt_clu *c, clu_nb *nb) {
  uint32_t n = nb->n;
  uint32_t *ev = malloc(n * sizeof *ev);     /* old event idx per article */
  int64_t *cid = malloc(n * sizeof *cid);    /* id per cluster root */
  uint32_t *olds = malloc(n * sizeof *olds); /* distinct old events */
  uint32_t *cnt = calloc(n, sizeof *cnt);
  if (!ev || !cid || !olds || !cnt) {
    free(ev), free(cid), free(olds), free(cnt);
    return -1;
  }
  uint32_t nold = 0;
  for (uint32_t i = 0; i < n; i++) {
    cid[i] = 0;
    ev[i] = clu_event_idx(c, c->arts[nb->art[i]].event);
    if (ev[i] == CLU_NONE) continue;
    uint32_t k = 0;
    while (k < nold && olds[k] != ev[i]) k++;
    if (k == nold) olds[nold++] = ev[i];
  }
  /* each old event's home: the cluster with most of its articles */
  uint32_t *home = malloc((nold ? nold : 1) * sizeof *home);
  if (!home) {
    free(ev), free(cid), free(olds), free(cnt);
    return -1;
  }
  for (uint32_t k = 0; k < nold; k++) {
    memset(cnt, 0, n * sizeof *cnt);
    uint32_t h = 0, hc = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (ev[i] != olds[k]) continue;
      uint32_t r = clu_find(nb->root, i);
      if (++cnt[r] > hc || (cnt[r] == hc && r < h)) hc = cnt[r], h = r;
    }
    home[k] = h;
    int64_t id = c->evs[olds[k]].id;
    if (!cid[h] || id < cid[h]) cid[h] = id;
  }
  for (uint32_t i = 0; i < n; i++)
    if (nb->root[i] == i && !cid[i]) cid[i] = c->next_id++;
  for (uint32_t k = 0; k < nold; k++) {
    clu_event *e = &c->evs[olds[k]];
    e->n = 0;
    if (cid[home[k]] != e->id) { /* merged into another: redirect */
      clu_redirect(c, e->id, cid[home[k]]);
      e->live = 0;
      free(e->mem);
      e->mem = NULL;
      e->cap = 0;
      clu_story_set(c, olds[k], 0);
    }
  }
  int rc = 0;
  for (uint32_t i = 0; i < n; i++) {
    int64_t id = cid[clu_find(nb->root, i)];
    uint32_t e = clu_event_make(c, id);
    if (e == CLU_NONE || clu_event_add(c, e, nb->art[i])) {
      rc = -1;
      continue;
    }
    clu_set_event(c, nb->art[i], id);
  }
  for (uint32_t i = 0; i < n; i++)
    if (nb->root[i] == i) {
      uint32_t e = clu_event_idx(c, cid[i]);
      if (e != CLU_NONE) clu_event_refresh(c, e);
    }
  free(ev), free(cid), free(olds), free(cnt), free(home);
  return rc;
}

/* --------------------------------------------------------------- add */

typedef struct clu_evcand {
  uint32_t ev;
  double best;
} clu_evcand;

static int clu_evcand_cmp(const void *a, const void *b) {
  const clu_evcand *x = a, *y = b;
  if (x->best != y->best) return x->best > y->best ? -1 : 1;
  return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* Join the best event whose sampled members link on average (the
 * neighbourhood is too big to re-cluster), else start a new event. */
static int64_t clu_attach(wt_clu *c, uint32_t ai, const clu_evcand *ec,
                          uint32_t nec) {
  double best = CLU_THRESHOLD;
  uint32_t be = CLU_NONE;
  for (uint32_t k = 0; k < nec; k++) {
    clu_event *ev = &c->evs[ec[k].ev];
    uint32_t m = ev->n < CLU_SAMPLE ? ev->n : CLU_SAMPLE;
    uint32_t *arts = malloc((m + 1) * sizeof *arts);
    if (!arts) return -1;
    arts[0] = ai;
    for (uint32_t i = 0; i < m; i++) arts[i + 1] = ev->mem[ev->n - m + i];
    clu_nb nb;
    if (clu_nb_init(c, &nb, arts, m + 1)) return -1;
    uint32_t self = 0;
    while (nb.art[self] != ai) self++;
    double sum = 0;
    int cannot = 0;
    for (uint32_t i = 0; i <= m; i++) {
      if (i == self) continue;
      clu_score s;
      clu_pair(&c->arts[ai], &nb.vec[self], &c->arts[nb.art[i]], &nb.vec[i], &s);
      cannot |= s.cannot;
      sum += s.total;
    }
    clu_nb_free(&nb);
    if (!cannot && m && sum / m > best) best = sum / m, be = ec[k].ev;
  }
  if (be == CLU_NONE) {
    be = clu_event_make(c, c->next_id);
    if (be == CLU_NONE) return -1;
  }
  if (clu_event_add(c, be, ai)) return -1;
  clu_set_event(c, ai, c->evs[be].id);
  clu_event_refresh(c, be);
  return c->evs[be].id;
}

int64_t wt_clu_add(wt_clu *c, const wt_clu_doc *d) {
  uint32_t ai = clu_new_art(c, d);
  if (ai == CLU_NONE) return -1;
  clu_art *a = &c->arts[ai];
  if (a->day != WT_NO_DAY && a->conf >= CLU_DATE_CONF &&
      (c->newest == WT_NO_DAY || a->day > c->newest))
    c->newest = a->day;
  if (a->wday == WT_NO_DAY) a->wday = c->newest;

  uint32_t cand[CLU_CAND];
  uint32_t nc = clu_candidates(c, ai, cand);
  /* score the candidates in full: their events are the neighbourhood */
  uint32_t *tmp = malloc((nc + 1) * sizeof *tmp);
  clu_evcand *ec = malloc((nc ? nc : 1) * sizeof *ec);
  if (!tmp || !ec) {
    free(tmp), free(ec);
    return -1;
  }
  tmp[0] = ai;
  memcpy(tmp + 1, cand, nc * sizeof *cand);
  clu_nb nb;
  if (clu_nb_init(c, &nb, tmp, nc + 1)) {
    free(ec);
    return -1;
  }
  uint32_t self = 0, nec = 0;
  while (nb.art[self] != ai) self++;
  int64_t dup = 0;
  int dup_kind = 0;
  for (uint32_t i = 0; i <= nc; i++) {
    if (i == self) continue;
    const clu_art *b = &c->arts[nb.art[i]];
    clu_score s;
    clu_pair(a, &nb.vec[self], b, &nb.vec[i], &s);
    if (s.dup && (!dup_kind || s.dup < dup_kind ||
                  (s.dup == dup_kind && b->id < dup))) {
      dup = b->dup_of ? b->dup_of : b->id;
      dup_kind = s.dup;
    }
    if (s.cannot || (s.total < CLU_NB_FLOOR && !s.dup)) continue;
    uint32_t e = clu_event_idx(c, b->event);
    if (e == CLU_NONE || !c->evs[e].live || c->evs[e].frozen) continue;
    uint32_t k = 0;
    while (k < nec && ec[k].ev != e) k++;
    if (k == nec) ec[nec++] = (clu_evcand){e, -1};
    if (s.total > ec[k].best) ec[k].best = s.total;
  }
  clu_nb_free(&nb);
  a->dup_of = dup;
  qsort(ec, nec, sizeof *ec, clu_evcand_cmp);

  uint32_t total = 1, nsel = 0;
  for (uint32_t k = 0; k < nec; k++)
    if (total + c->evs[ec[k].ev].n <= CLU_NB_MAX) {
      total += c->evs[ec[k].ev].n;
      ec[nsel++] = ec[k];
    } else if (k == 0) {
      break;
    }
  int64_t out;
  if (nec && !nsel) {
    out = clu_attach(c, ai, ec, nec);
  } else {
    uint32_t *arts = malloc(total * sizeof *arts);
    uint32_t n = 0;
    if (!arts) {
      free(ec);
      return -1;
    }
    arts[n++] = ai;
    for (uint32_t k = 0; k < nsel; k++) {
      clu_event *ev = &c->evs[ec[k].ev];
      memcpy(arts + n, ev->mem, ev->n * sizeof *arts);
      n += ev->n;
    }
    if (clu_nb_init(c, &nb, arts, n)) {
      free(ec);
      return -1;
    }
    int rc = clu_nb_cluster(c, &nb);
    if (!rc) rc = clu_relabel(c, &nb);
    clu_nb_free(&nb);
    out = rc ? -1 : c->arts[ai].event;
  }
  free(ec);
  clu_freeze(c);
  return out;
}

int wt_clu_restore(wt_clu *c, const wt_clu_doc *d, int64_t event) {
  if (event <= 0) return -1;
  for (int i = 0; i < 64; i++) { /* a stale id: follow its redirects */
    uint32_t r = clu_map_get(&c->redir_by_id, (uint64_t)event);
    if (r == CLU_NONE) break;
    event = c->redir_to[r];
  }
  uint32_t ai = clu_new_art(c, d);
  if (ai == CLU_NONE) return -1;
  clu_art *a = &c->arts[ai];
  if (a->day != WT_NO_DAY && a->conf >= CLU_DATE_CONF &&
      (c->newest == WT_NO_DAY || a->day > c->newest))
    c->newest = a->day;
  uint32_t h = a->hash ? clu_map_get(&c->by_hash, a->hash) : CLU_NONE;
  if (h != CLU_NONE && h != ai) a->dup_of = c->arts[h].id;
  uint32_t e = clu_event_make(c, event);
  if (e == CLU_NONE || clu_event_add(c, e, ai)) return -1;
  a->event = event;
  clu_event_refresh(c, e);
  clu_freeze(c);
  return 0;
}

void wt_clu_restore_redirect(wt_clu *c, int64_t from, int64_t to) {
  if (from <= 0 || to <= 0 || from == to) return;
  clu_redirect(c, from, to);
  if (from >= c->next_id) c->next_id = from + 1;
  if (to >= c->next_id) c->next_id = to + 1;
  c->drained_redir = c->nredir; /* already persisted */
}

/* ------------------------------------------------------------ queries */

int64_t wt_clu_event_of(const wt_clu *c, int64_t article) {
  uint32_t ai = article > 0 ? clu_map_get(&c->art_by_id, (uint64_t)article) : CLU_NONE;
  return ai == CLU_NONE ? 0 : c->arts[ai].event;
}

int64_t wt_clu_resolve(const wt_clu *c, int64_t event) {
  for (int i = 0; i < 1024 && event > 0; i++) {
    uint32_t r = clu_map_get(&c->redir_by_id, (uint64_t)event);
    if (r == CLU_NONE) return clu_event_idx(c, event) != CLU_NONE ? event : 0;
    event = c->redir_to[r];
  }
  return 0;
}

int64_t wt_clu_duplicate_of(const wt_clu *c, int64_t article) {
  uint32_t ai = article > 0 ? clu_map_get(&c->art_by_id, (uint64_t)article) : CLU_NONE;
  return ai == CLU_NONE ? 0 : c->arts[ai].dup_of;
}

int wt_clu_event_size(const wt_clu *c, int64_t event, size_t *n_articles,
                      size_t *n_independent) {
  uint32_t e = clu_event_idx(c, wt_clu_resolve(c, event));
  if (e == CLU_NONE || !c->evs[e].live) return -1;
  size_t ind = 0;
  for (uint32_t i = 0; i < c->evs[e].n; i++) ind += !c->arts[c->evs[e].mem[i]].dup_of;
  if (n_articles) *n_articles = c->evs[e].n;
  if (n_independent) *n_independent = ind;
  return 0;
}

size_t wt_clu_story(const wt_clu *c, int64_t event, int64_t *out, size_t max) {
  uint32_t e = clu_event_idx(c, wt_clu_resolve(c, event));
  if (e == CLU_NONE || !c->evs[e].story) return 0;
  uint32_t s = clu_map_get(&c->story_by_key, c->evs[e].story);
  if (s == CLU_NONE) return 0;
  const clu_list *l = &c->stories[s];
  clu_rank *r = malloc((l->n ? l->n : 1) * sizeof *r);
  if (!r) return 0;
  uint32_t nr = 0;
  int32_t day = c->evs[e].day != WT_NO_DAY ? c->evs[e].day : c->evs[e].last_day;
  for (uint32_t i = 0; i < l->n; i++) {
    const clu_event *o = &c->evs[l->a[i]];
    if (l->a[i] == e || !o->live) continue;
    int32_t od = o->day != WT_NO_DAY ? o->day : o->last_day;
    float dist = day == WT_NO_DAY || od == WT_NO_DAY ? 1e9f : (float)abs(od - day);
    r[nr++] = (clu_rank){l->a[i], -dist, (uint64_t)o->id};
  }
  qsort(r, nr, sizeof *r, clu_rank_cmp);
  size_t n = 0;
  for (uint32_t i = 0; i < nr && n < max; i++) out[n++] = c->evs[r[i].ai].id;
  free(r);
  return n;
}

void wt_clu_drain(wt_clu *c, wt_clu_assign_fn assign,
                  wt_clu_redirect_fn redirect, void *ud) {
  for (uint32_t i = 0; i < c->ndirty; i++) {
    clu_art *a = &c->arts[c->dirty[i]];
    a->flags &= ~(uint32_t)CLU_A_DIRTY;
    if (assign) assign(ud, a->id, a->event);
  }
  c->ndirty = 0;
  for (uint32_t i = c->drained_redir; i < c->nredir; i++)
    if (redirect) redirect(ud, c->redir_from[i], c->redir_to[i]);
  c->drained_redir = c->nredir;
}

/* ---------------------------------------------------------------- why */

static void clu_why_day(wt_sb *out, const char *k, const clu_art *a) {
  if (a->day == WT_NO_DAY) {
    wt_sb_printf(out, "\"%s\":null", k);
    return;
  }
  char iso[11];
  wt_day_iso(a->day, iso);
  wt_sb_printf(out, "\"%s\":{\"day\":\"%s\",\"conf\":%.2f}", k, iso, (double)a->conf);
}

int wt_clu_why(const wt_clu *c, int64_t a, int64_t b, wt_sb *out) {
  uint32_t ia = a > 0 ? clu_map_get(&c->art_by_id, (uint64_t)a) : CLU_NONE;
  uint32_t ib = b > 0 ? clu_map_get(&c->art_by_id, (uint64_t)b) : CLU_NONE;
  if (ia == CLU_NONE || ib == CLU_NONE || !clu_alive(c, ia) || !clu_alive(c, ib))
    return -1;
  uint32_t *arts = malloc(2 * sizeof *arts);
  if (!arts) return -1;
  arts[0] = ia;
  arts[1] = ib;
  clu_nb nb;
  if (clu_nb_init(c, &nb, arts, 2)) return -1;
  uint32_t sa = nb.art[0] == ia ? 0 : 1;
  const clu_art *x = &c->arts[ia], *y = &c->arts[ib];
  clu_score s;
  clu_pair(x, &nb.vec[sa], y, &nb.vec[1 - sa], &s);
  clu_nb_free(&nb);
  int same = x->event == y->event;
  char verdict[160];
  if (s.dup && same)
    snprintf(verdict, sizeof verdict, "%s duplicate: same event, not independent",
             s.dup == 1 ? "exact" : "near");
  else if (s.cannot)
    snprintf(verdict, sizeof verdict,
             "cannot link: confident dates %d days apart (more than %d)", s.diff,
             CLU_DATE_SLACK);
  else if (same && s.total >= CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict, "same event: score above the threshold");
  else if (same)
    snprintf(verdict, sizeof verdict,
             "same event through its other articles (average link)");
  else if (s.total >= CLU_THRESHOLD)
    snprintf(verdict, sizeof verdict,
             "separate events: the pair links, but not on average with the "
             "rest of the events, or a date conflict elsewhere");
  else
    snprintf(verdict, sizeof verdict, "separate events: score below the threshold");
  wt_sb_printf(out, "{\"a\":%lld,\"b\":%lld,\"event_a\":%lld,\"event_b\":%lld,"
               "\"same_event\":%s,\"scores\":{\"terms\":%.4f,\"entities\":%.4f,"
               "\"participants\":%.4f,\"type\":%.2f,\"date_factor\":%.4f},"
               "\"weights\":{\"terms\":0.35,\"entities\":0.30,"
               "\"participants\":0.20,\"type\":0.15},\"dates\":{",
               (long long)a, (long long)b, (long long)x->event, (long long)y->event,
               same ? "true" : "false", s.terms, s.ents, s.parts, s.type,
               s.date_factor);
  clu_why_day(out, "a", x);
  wt_sb_addc(out, ',');
  clu_why_day(out, "b", y);
  if (s.diff >= 0) wt_sb_printf(out, ",\"diff_days\":%d", s.diff);
  wt_sb_printf(out, "},\"total\":%.4f,\"threshold\":%.2f,\"cannot_link\":%s,"
               "\"duplicate\":\"%s\",\"verdict\":",
               s.total, CLU_THRESHOLD, s.cannot ? "true" : "false",
               s.dup == 1 ? "exact" : s.dup == 2 ? "near" : "none");
  wt_sb_json_str(out, verdict, strlen(verdict));
  wt_sb_addc(out, '}');
  return out->toobig ? -1 : 0;
}
