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
 * the window are frozen: their articles leave the index entirely (features,
 * slot, postings: lazily, and in a sweep once enough are frozen), the
 * event record is dropped, redirects to events no longer in the index are
 * forgotten at the sweep, and interned strings no live article names are
 * recycled there too.  So memory is bounded by the window, not by the
 * stream: the store (articles.event_id, event_redirects) is the record of
 * frozen articles and events, and the index answers 0 / -1 for them.
 *
 * IDF is over the corpus (a count-min sketch of every article counted,
 * frozen or not), so a thawed event scores as a live one; frozen events
 * without a confident date are remembered (a bounded ring) so a later
 * dated article can name them for a thaw (wt_clu_frozen_undated).
 *
 * Scoring lives in cluster_score.c, re-clustering and relabelling in
 * cluster_recluster.c, wt_clu_why in cluster_why.c (see cluster_int.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"
#include "cluster_int.h"

/* ------------------------------------------------------- small tables */

uint64_t clu_mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint32_t clu_map_get(const clu_map *m, uint64_t k) {
  if (!m->cap) return CLU_NONE;
  for (size_t h = clu_mix(k) & (m->cap - 1);; h = (h + 1) & (m->cap - 1)) {
    if (m->v[h] == CLU_NONE) return CLU_NONE;
    if (m->k[h] == k) return m->v[h];
  }
}

int clu_map_put(clu_map *m, uint64_t k, uint32_t v) {
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

void clu_map_free(clu_map *m) {
  free(m->k);
  free(m->v);
  memset(m, 0, sizeof *m);
}

/* Remove k (linear probing: shift the following run back). */
static void clu_map_del(clu_map *m, uint64_t k) {
  if (!m->cap) return;
  size_t h = clu_mix(k) & (m->cap - 1);
  while (m->v[h] != CLU_NONE && m->k[h] != k) h = (h + 1) & (m->cap - 1);
  if (m->v[h] == CLU_NONE) return;
  m->v[h] = CLU_NONE;
  m->n--;
  for (size_t i = (h + 1) & (m->cap - 1); m->v[i] != CLU_NONE; i = (i + 1) & (m->cap - 1)) {
    size_t home = clu_mix(m->k[i]) & (m->cap - 1);
    /* the entry at i may move to the hole h if its home is not in (h, i] */
    if ((i > h && (home <= h || home > i)) || (i < h && home <= h && home > i)) {
      m->k[h] = m->k[i];
      m->v[h] = m->v[i];
      m->v[i] = CLU_NONE;
      h = i;
    }
  }
}

int clu_grow(void **p, uint32_t *cap, size_t elem) {
  uint32_t nc = *cap ? *cap * 2 : 4;
  void *np = realloc(*p, (size_t)nc * elem);
  if (!np) return -1;
  *p = np;
  *cap = nc;
  return 0;
}
/* ------------------------------------------------ corpus df sketch */

/* Counter k (of CLU_CMS_DEPTH) of a feature hash: each row its own hash. */
static size_t clu_cms_ix(uint64_t h, int k) {
  uint64_t x = clu_mix(h + (uint64_t)(k >> 1) * 0x9E3779B97F4A7C15ULL);
  return ((size_t)k << CLU_CMS_BITS) +
         (size_t)((x >> (32 * (k & 1))) & ((1u << CLU_CMS_BITS) - 1));
}

/* Corpus document frequency of a feature hash (an upper bound). */
static uint32_t clu_cms_get(const wt_clu *c, uint64_t h) {
  if (!c->cms) return 0;
  uint32_t m = UINT32_MAX;
  for (int k = 0; k < CLU_CMS_DEPTH; k++)
    if (c->cms[clu_cms_ix(h, k)] < m) m = c->cms[clu_cms_ix(h, k)];
  return m;
}

/* Count one more article naming interned feature id (conservative
 * update: only the counters at the minimum grow). */
static void clu_cms_add(wt_clu *c, uint32_t id) {
  clu_str *st = &c->strs[id];
  uint32_t m = clu_cms_get(c, st->h) + 1;
  for (int k = 0; k < CLU_CMS_DEPTH; k++) {
    size_t i = clu_cms_ix(st->h, k);
    if (c->cms[i] < m) c->cms[i] = m;
  }
  st->cdf = m;
  st->logdf = (float)log((st->df > m ? st->df : m) + 1.0);
}

/* --------------------------------------------------------- interning */

static uint32_t clu_intern_find(const wt_clu *c, const char *s, uint64_t h) {
  if (!c->strtab_cap) return CLU_NONE;
  for (size_t i = h & (c->strtab_cap - 1);; i = (i + 1) & (c->strtab_cap - 1)) {
    size_t id = c->strtab[i];
    if (id == (size_t)CLU_NONE) return CLU_NONE;
    if (c->strs[id].h == h && c->strs[id].s && strcmp(c->strs[id].s, s) == 0)
      return (uint32_t)id;
  }
}

/* Rebuild the string table over the live strings. */
static int clu_strtab_build(wt_clu *c, size_t ncap) {
  size_t *nt = malloc(ncap * sizeof *nt);
  if (!nt) return -1;
  for (size_t i = 0; i < ncap; i++) nt[i] = (size_t)CLU_NONE;
  for (uint32_t k = 0; k < c->nstrs; k++) {
    if (!c->strs[k].s) continue;
    size_t i = c->strs[k].h & (ncap - 1);
    while (nt[i] != (size_t)CLU_NONE) i = (i + 1) & (ncap - 1);
    nt[i] = k;
  }
  free(c->strtab);
  c->strtab = nt;
  c->strtab_cap = ncap;
  return 0;
}

/* Intern kind+s (unreferenced until clu_ref); CLU_NONE on failure. */
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
  uint32_t live = c->nstrs - c->nfree_strs;
  if ((live + 1) * 2 > c->strtab_cap &&
      clu_strtab_build(c, c->strtab_cap ? c->strtab_cap * 2 : 1024))
    return CLU_NONE;
  char *copy = strdup(buf);
  if (!copy) return CLU_NONE;
  if (c->nfree_strs) {
    id = c->free_strs[--c->nfree_strs];
  } else {
    if (CLU_GROW(c->strs, c->nstrs, c->capstrs)) {
      free(copy);
      return CLU_NONE;
    }
    id = c->nstrs++;
  }
  uint32_t cdf = clu_cms_get(c, h);
  c->strs[id] = (clu_str){copy, h, 0, cdf, 0, (float)log(cdf + 1.0)};
  c->nunref_strs++;
  size_t i = h & (c->strtab_cap - 1);
  while (c->strtab[i] != (size_t)CLU_NONE) i = (i + 1) & (c->strtab_cap - 1);
  c->strtab[i] = id;
  return id;
}

static void clu_ref(wt_clu *c, uint32_t id) {
  if (id != CLU_NONE && !c->strs[id].refs++) c->nunref_strs--;
}

/* One live reference fewer; unnamed strings are recycled at a sweep. */
static void clu_unref(wt_clu *c, uint32_t id) {
  if (id != CLU_NONE && !--c->strs[id].refs) c->nunref_strs++;
}

/* Free the strings no live article names and rebuild the table. */
static void clu_strs_recycle(wt_clu *c) {
  if (!c->nunref_strs) return;
  for (uint32_t k = 0; k < c->nstrs; k++) {
    clu_str *st = &c->strs[k];
    if (!st->s || st->refs) continue;
    if (CLU_GROW(c->free_strs, c->nfree_strs, c->capfree_strs)) return;
    free(st->s);
    st->s = NULL;
    st->df = st->cdf = 0;
    st->logdf = 0;
    c->free_strs[c->nfree_strs++] = k;
  }
  c->nunref_strs = 0;
  size_t live = c->nstrs - c->nfree_strs, cap = 1024;
  while (cap < live * 2 + 2) cap <<= 1;
  clu_strtab_build(c, cap);
}

/* ----------------------------------------------------------- lifetime */

wt_clu *wt_clu_new(void) {
  wt_clu *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->next_id = 1;
  c->newest = WT_NO_DAY;
  c->frozen_lo = INT32_MAX; /* empty range: nothing frozen yet */
  c->frozen_hi = INT32_MIN;
  return c;
}

void wt_clu_set_window(wt_clu *c, int days) { c->window = days > 0 ? days : 0; }

void wt_clu_set_grace(wt_clu *c, unsigned arrivals) { c->grace = arrivals; }

void wt_clu_reserve_ids(wt_clu *c, int64_t last) {
  if (last >= c->next_id) c->next_id = last + 1;
}

int wt_clu_is_late(const wt_clu *c, const wt_clu_doc *d, int32_t *lo,
                   int32_t *hi) {
  if (!c->window || c->newest == WT_NO_DAY || !d) return 0;
  /* the events it may join end within the date slack of its day (a
   * guessed day: within a week), or within its plausible window; an
   * undated article without one may belong to any event.  A frozen
   * event's articles were all aged by days before the cutoff. */
  int32_t cutoff = c->newest - c->window, l, h;
  if (d->day != WT_NO_DAY) {
    int slack = d->day_conf >= CLU_DATE_CONF ? CLU_DATE_SLACK : 7;
    l = d->day - slack, h = d->day + slack;
  } else if (d->has_window && d->day_min != WT_NO_DAY &&
             d->day_max != WT_NO_DAY && d->day_min <= d->day_max) {
    l = d->day_min - CLU_DATE_SLACK, h = d->day_max + CLU_DATE_SLACK;
  } else {
    l = INT32_MIN, h = cutoff - 1;
  }
  if (l >= cutoff) return 0;
  if (lo) *lo = l;
  if (hi) *hi = h < cutoff ? h : cutoff - 1;
  return 1;
}

/* Hash of an entity id as interned ('e' + id, see clu_intern). */
static uint64_t clu_ent_hash(const char *s) {
  char buf[512];
  size_t n = strlen(s);
  if (n > sizeof buf - 2) n = sizeof buf - 2;
  buf[0] = 'e';
  memcpy(buf + 1, s, n);
  return wt_hash64(buf, n + 1);
}

size_t wt_clu_frozen_undated(const wt_clu *c, const wt_clu_doc *d,
                             int64_t *out, size_t max) {
  if (!c->nund || !d || !max) return 0;
  uint64_t hp[16], he[16];
  size_t np = 0, ne = 0;
  for (size_t i = 0; i < d->n_participants && np < 16; i++)
    if (d->participants[i]) hp[np++] = clu_ent_hash(d->participants[i]);
  for (size_t i = 0; i < d->n_entities && ne < 16; i++)
    if (d->entities[i]) he[ne++] = clu_ent_hash(d->entities[i]);
  int32_t lo = INT32_MIN, hi = INT32_MAX;
  if (d->day != WT_NO_DAY) {
    int slack = d->day_conf >= CLU_DATE_CONF ? CLU_DATE_SLACK : 7;
    lo = d->day - slack, hi = d->day + slack;
  } else if (d->has_window && d->day_min != WT_NO_DAY && d->day_max != WT_NO_DAY) {
    lo = d->day_min - CLU_DATE_SLACK, hi = d->day_max + CLU_DATE_SLACK;
  }
  size_t n = 0;
  int score[64];
  if (max > 64) max = 64;
  /* newest first; an event frozen twice (thawed in between) once */
  for (uint32_t k = 0; k < c->nund; k++) {
    const clu_undated *u =
        &c->und[(c->und_next + CLU_UNDATED - 1 - k) % CLU_UNDATED];
    if (u->hi < lo || u->lo > hi) continue;
    int sc = 0;
    for (uint8_t j = 0; j < u->nh; j++) {
      int hit = 0;
      for (size_t i = 0; i < np && !hit; i++) hit = hp[i] == u->h[j];
      for (size_t i = 0; i < ne && !hit; i++) hit = he[i] == u->h[j];
      sc += hit ? (j < u->np ? 2 : 1) : 0;
    }
    if (sc < 2) continue;
    size_t i = 0;
    while (i < n && out[i] != u->event) i++;
    if (i < n) continue;
    /* keep the best `max`, heaviest first, newest first among equals */
    if (n == max && sc <= score[n - 1]) continue;
    if (n < max) n++;
    for (i = n - 1; i > 0 && score[i - 1] < sc; i--)
      out[i] = out[i - 1], score[i] = score[i - 1];
    out[i] = u->event, score[i] = sc;
  }
  return n;
}

int wt_clu_last(const wt_clu *c, int64_t *event, int64_t *dup_of,
                int32_t *age_day) {
  if (event) *event = c->last.event;
  if (dup_of) *dup_of = c->last.dup_of;
  if (age_day) *age_day = c->last.wday;
  return c->last.id ? 0 : -1;
}

void wt_clu_free(wt_clu *c) {
  if (!c) return;
  for (uint32_t i = 0; i < c->nstrs; i++) free(c->strs[i].s);
  free(c->strs);
  free(c->strtab);
  free(c->free_strs);
  for (uint32_t i = 0; i < c->narts; i++) free(c->arts[i].parts);
  free(c->arts);
  clu_map_free(&c->art_by_id);
  free(c->free_arts);
  free(c->pending_arts);
  for (uint32_t i = 0; i < c->nevs; i++) free(c->evs[i].mem);
  free(c->evs);
  free(c->free_evs);
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
  free(c->defer);
  free(c->acc);
  free(c->cms);
  free(c->und);
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
  if (d->has_window && d->day_min != WT_NO_DAY && d->day_max != WT_NO_DAY &&
      d->day_min <= d->day_max) {
    a->flags |= CLU_A_WINDOW;
    a->day_min = d->day_min;
    a->day_max = d->day_max;
  }
  a->type = d->type && *d->type ? clu_intern(c, 'y', d->type) : CLU_NONE;
  a->lang = d->lang && *d->lang ? clu_intern(c, 'l', d->lang) : CLU_NONE;
  size_t nf = d->n_participants + d->n_entities + d->n_terms;
  size_t nfig = d->figures ? d->n_figures : 0;
  if (nfig > WT_CLU_FIGURES) nfig = WT_CLU_FIGURES;
  size_t nmh = d->minhash && d->n_minhash == WT_CLU_MINHASH ? WT_CLU_MINHASH : 0;
  size_t bytes = nf * sizeof(clu_feat) + nmh * sizeof(uint32_t) +
                 nfig * sizeof(float);
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
  if (nmh) {
    a->mh = (uint32_t *)(a->parts + nf);
    memcpy(a->mh, d->minhash, WT_CLU_MINHASH * sizeof(uint32_t));
  }
  if (nfig) {
    a->figs = (float *)((uint32_t *)(a->parts + nf) + nmh);
    memcpy(a->figs, d->figures, nfig * sizeof(float));
    a->nfig = (uint8_t)nfig;
    a->nlead = (uint8_t)(d->n_lead_figures < nfig ? d->n_lead_figures : nfig);
  }
  a->key = a->hash;
  if (!a->key) { /* no body hash: a key from the features, not the arrival */
    uint64_t k = clu_mix((uint64_t)(uint32_t)a->day + 1);
    for (uint32_t i = 0; i < a->np + a->ne + a->nt; i++)
      k += clu_mix(a->parts[i].h ^ (uint64_t)(a->parts[i].w * 1000));
    a->key = k;
  }
  clu_ref(c, a->type);
  clu_ref(c, a->lang);
  for (uint32_t i = 0; i < a->np + a->ne + a->nt; i++) clu_ref(c, a->parts[i].id);
  return 0;
}

/* Drop an article's features (it is frozen or failed to enter). */
static void clu_art_drop(wt_clu *c, clu_art *a) {
  clu_unref(c, a->type);
  clu_unref(c, a->lang);
  for (uint32_t i = 0; i < a->np + a->ne + a->nt; i++) clu_unref(c, a->parts[i].id);
  free(a->parts);
  a->parts = a->ents = a->terms = NULL;
  a->mh = NULL;
  a->figs = NULL;
  a->np = a->ne = a->nt = 0;
  a->nfig = a->nlead = 0;
  a->type = a->lang = CLU_NONE;
}

static uint64_t clu_post_key(uint32_t feat, uint32_t day) {
  return ((uint64_t)feat << 32) | day;
}

/* Posting key of a lead figure (its value in hundredths) on a day; the
 * top bit keeps figure keys apart from feature keys. */
static uint64_t clu_fig_key(float v, uint32_t day) {
  return (1ULL << 63) | ((uint64_t)(lround((double)v * 100.0) & 0x7fffffff) << 32) | day;
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
  clu_str *st = &c->strs[id];
  st->df += (uint32_t)delta;
  st->logdf = (float)log((st->df > st->cdf ? st->df : st->cdf) + 1.0);
}

/* Put an article in the postings and count its features' document
 * frequency: over the active articles, and with `count` over the corpus
 * too (a thawed article was counted when it first came in). */
static int clu_index(wt_clu *c, uint32_t ai, int count) {
  clu_art *a = &c->arts[ai];
  int rc = 0;
  if (count && !c->cms) {
    c->cms = calloc((size_t)CLU_CMS_DEPTH << CLU_CMS_BITS, sizeof *c->cms);
    if (!c->cms) return -1;
  }
  if (count) {
    c->ncorpus++;
    for (uint32_t i = 0; i < a->ne + a->nt; i++) clu_cms_add(c, a->ents[i].id);
  }
  for (uint32_t i = 0; i < a->np; i++) {
    rc |= clu_post_add(c, clu_post_key(a->parts[i].id, CLU_GEN_DAY), ai);
    if (a->day != WT_NO_DAY)
      rc |= clu_post_add(c, clu_post_key(a->parts[i].id, (uint32_t)a->day), ai);
  }
  for (uint32_t i = 0; i < a->nlead; i++)
    rc |= clu_post_add(c, clu_fig_key(a->figs[i], a->day != WT_NO_DAY ? (uint32_t)a->day
                                                                 : CLU_GEN_DAY), ai);
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

uint32_t clu_slot(const wt_clu *c, int64_t article) {
  return article > 0 ? clu_map_get(&c->art_by_id, (uint64_t)article) : CLU_NONE;
}

/* A slot for a new article: a recycled one, else a new one. */
static uint32_t clu_new_slot(wt_clu *c) {
  if (c->nfree_arts) return c->free_arts[--c->nfree_arts];
  if (CLU_GROW(c->arts, c->narts, c->caparts)) return CLU_NONE;
  if (c->capacc < c->caparts) {
    float *na = realloc(c->acc, c->caparts * sizeof *na);
    if (!na) return CLU_NONE;
    memset(na + c->capacc, 0, (c->caparts - c->capacc) * sizeof *na);
    c->acc = na;
    c->capacc = c->caparts;
  }
  return c->narts++;
}

static uint32_t clu_new_art(wt_clu *c, const wt_clu_doc *d, int count) {
  if (!d || d->article <= 0) return CLU_NONE;
  if (clu_slot(c, d->article) != CLU_NONE) return CLU_NONE;
  uint32_t nfree = c->nfree_arts, ai = clu_new_slot(c);
  if (ai == CLU_NONE) return CLU_NONE;
  if (clu_art_init(c, &c->arts[ai], d)) { /* only its block failed */
    c->arts[ai].flags = CLU_A_FROZEN;
    if (nfree != c->nfree_arts) c->nfree_arts++; /* back on the free list */
    else c->narts--;
    return CLU_NONE;
  }
  c->nactive++;
  if (clu_map_put(&c->art_by_id, (uint64_t)d->article, ai) ||
      clu_index(c, ai, count))
    return CLU_NONE;
  return ai;
}

/* ------------------------------------------------------------- events */

uint32_t clu_event_idx(const wt_clu *c, int64_t id) {
  return id > 0 ? clu_map_get(&c->ev_by_id, (uint64_t)id) : CLU_NONE;
}

uint32_t clu_event_make(wt_clu *c, int64_t id) {
  uint32_t e = clu_event_idx(c, id);
  if (e != CLU_NONE) return e;
  if (c->nfree_evs) {
    e = c->free_evs[--c->nfree_evs];
  } else {
    if (CLU_GROW(c->evs, c->nevs, c->capevs)) return CLU_NONE;
    e = c->nevs++;
  }
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

void clu_story_set(wt_clu *c, uint32_t e, uint64_t key) {
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
void clu_event_refresh(wt_clu *c, uint32_t e) {
  clu_event *ev = &c->evs[e];
  int32_t last = WT_NO_DAY, best_day = WT_NO_DAY;
  uint64_t *days = malloc((ev->n ? ev->n : 1) * sizeof *days);
  uint32_t nd = 0;
  ev->nind = 0;
  for (uint32_t i = 0; i < ev->n; i++) {
    const clu_art *a = &c->arts[ev->mem[i]];
    ev->nind += !a->dup_of;
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

int clu_event_add(wt_clu *c, uint32_t e, uint32_t ai) {
  clu_event *ev = &c->evs[e];
  if (CLU_GROW(ev->mem, ev->n, ev->cap)) return -1;
  ev->mem[ev->n++] = ai;
  ev->touch = c->arrivals;
  return 0;
}

void clu_set_event(wt_clu *c, uint32_t ai, int64_t id) {
  clu_art *a = &c->arts[ai];
  if (a->event == id) return;
  a->event = id;
  if (!(a->flags & CLU_A_DIRTY) && !CLU_GROW(c->dirty, c->ndirty, c->capdirty)) {
    a->flags |= CLU_A_DIRTY;
    a->dirty_ix = c->ndirty;
    c->dirty[c->ndirty++] = (clu_dirty){a->id, 0};
  }
}

void clu_redirect(wt_clu *c, int64_t from, int64_t to) {
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

/* Forget the stories no event has any more (events name their story by
 * key, so the lists may move). */
static void clu_stories_compact(wt_clu *c) {
  clu_list *ns = malloc((c->nstories ? c->nstories : 1) * sizeof *ns);
  clu_map nm = {0};
  if (!ns) return;
  uint32_t k = 0;
  for (size_t i = 0; i < c->story_by_key.cap; i++) {
    uint32_t s = c->story_by_key.v[i];
    if (s == CLU_NONE) continue;
    clu_list *l = &c->stories[s];
    if (!l->n) {
      free(l->a);
      continue;
    }
    ns[k] = *l;
    clu_map_put(&nm, c->story_by_key.k[i], k++);
  }
  free(c->stories);
  c->stories = ns;
  c->capstories = c->nstories ? c->nstories : 1;
  c->nstories = k;
  clu_map_free(&c->story_by_key);
  c->story_by_key = nm;
}

/* Drop frozen articles from every posting and forget empty postings;
 * then their slots and the strings nobody names any more are free. */
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
    if (l->cap > 2 * l->n + 4) { /* give back what a long list no longer needs */
      uint32_t *na = realloc(l->a, (l->n + 4) * sizeof *na);
      if (na) l->a = na, l->cap = l->n + 4;
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
  clu_stories_compact(c);
  /* no posting names a pending slot now: they may be reused */
  while (c->npending_arts &&
         !CLU_GROW(c->free_arts, c->nfree_arts, c->capfree_arts))
    c->free_arts[c->nfree_arts++] = c->pending_arts[--c->npending_arts];
  clu_strs_recycle(c);
}

/* Reduce a live article to its compact record (article -> event). */
void wt_clu_note_frozen(wt_clu *c, int32_t lo, int32_t hi) {
  if (lo > hi) return;
  if (lo < c->frozen_lo) c->frozen_lo = lo;
  if (hi > c->frozen_hi) c->frozen_hi = hi;
}

int wt_clu_frozen_overlaps(const wt_clu *c, int32_t lo, int32_t hi) {
  return c->frozen_lo <= c->frozen_hi && lo <= c->frozen_hi &&
         hi >= c->frozen_lo;
}

static void clu_freeze_art(wt_clu *c, uint32_t ai) {
  clu_art *a = &c->arts[ai];
  if (a->wday == WT_NO_DAY)
    wt_clu_note_frozen(c, INT32_MIN, INT32_MAX);
  else
    wt_clu_note_frozen(c, a->wday, a->wday);
  for (uint32_t k = 0; k < a->ne; k++) clu_df(c, a->ents[k].id, -1);
  for (uint32_t k = 0; k < a->nt; k++) clu_df(c, a->terms[k].id, -1);
  clu_art_drop(c, a);
  if (a->flags & CLU_A_DIRTY) /* not drained yet: keep its event for it */
    c->dirty[a->dirty_ix].event = a->event;
  clu_map_del(&c->art_by_id, (uint64_t)a->id);
  a->flags = CLU_A_FROZEN;
  if (!CLU_GROW(c->pending_arts, c->npending_arts, c->cappending_arts))
    c->pending_arts[c->npending_arts++] = ai;
  c->nactive--;
  c->nfrozen_since_sweep++;
}

/* Forget an event record (frozen, or merged away and out of the window):
 * its slot is free for reuse; the store keeps what it was. */
static void clu_event_drop(wt_clu *c, uint32_t e) {
  clu_event *ev = &c->evs[e];
  clu_story_set(c, e, 0);
  clu_map_del(&c->ev_by_id, (uint64_t)ev->id);
  free(ev->mem);
  memset(ev, 0, sizeof *ev);
  if (!CLU_GROW(c->free_evs, c->nfree_evs, c->capfree_evs))
    c->free_evs[c->nfree_evs++] = e;
}

/* Keep the redirects whose target is still in the index, and those not
 * drained yet; the store (event_redirects) has the others. */
static void clu_redir_prune(wt_clu *c) {
  clu_map nm = {0};
  uint32_t k = 0, kd = 0;
  for (uint32_t i = 0; i < c->nredir; i++) {
    int drained = i < c->drained_redir;
    if (drained && !wt_clu_resolve(c, c->redir_to[i])) continue;
    c->redir_from[k] = c->redir_from[i];
    c->redir_to[k] = c->redir_to[i];
    if (clu_map_put(&nm, (uint64_t)c->redir_from[k], k)) {
      clu_map_free(&nm);
      return; /* keep them all */
    }
    k++;
    kd += drained;
  }
  clu_map_free(&c->redir_by_id);
  c->redir_by_id = nm;
  c->nredir = k;
  c->drained_redir = kd;
}

/* Remember a frozen event that has no confident date (see clu_undated). */
static void clu_undated_note(wt_clu *c, const clu_event *ev) {
  if (!ev->n) return;
  clu_undated u = {ev->id, INT32_MAX, INT32_MIN, {0}, 0, 0};
  for (uint32_t i = 0; i < ev->n; i++) {
    const clu_art *a = &c->arts[ev->mem[i]];
    if (a->day != WT_NO_DAY && a->conf >= CLU_DATE_CONF) return;
    if (a->day != WT_NO_DAY) { /* a guess: within a week */
      if (a->day - 7 < u.lo) u.lo = a->day - 7;
      if (a->day + 7 > u.hi) u.hi = a->day + 7;
    } else if (!(a->flags & CLU_A_WINDOW)) {
      u.lo = INT32_MIN, u.hi = INT32_MAX;
    } else {
      if (a->day_min < u.lo) u.lo = a->day_min;
      if (a->day_max > u.hi) u.hi = a->day_max;
    }
  }
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t i = 0; i < ev->n && u.nh < CLU_UND_KEYS; i++) {
      const clu_art *a = &c->arts[ev->mem[i]];
      const clu_feat *f = pass ? a->ents : a->parts;
      uint32_t nf = pass ? a->ne : a->np;
      for (uint32_t k = 0; k < nf && u.nh < CLU_UND_KEYS; k++) {
        uint32_t j = 0;
        while (j < u.nh && u.h[j] != f[k].h) j++;
        if (j == u.nh) u.h[u.nh++] = f[k].h;
      }
      if (!pass) u.np = u.nh;
    }
  if (!u.nh) return;
  if (!c->und && !(c->und = malloc(CLU_UNDATED * sizeof *c->und))) return;
  c->und[c->und_next] = u;
  c->und_next = (c->und_next + 1) % CLU_UNDATED;
  if (c->nund < CLU_UNDATED) c->nund++;
}

/* Freeze one event past the window: its articles leave memory. */
static void clu_freeze_event(wt_clu *c, uint32_t e) {
  clu_event *ev = &c->evs[e];
  if (ev->live) clu_undated_note(c, ev);
  for (uint32_t i = 0; ev->live && i < ev->n; i++) clu_freeze_art(c, ev->mem[i]);
  clu_event_drop(c, e);
}

/* Is the event joined recently enough to stay live past the window? */
static int clu_in_grace(const wt_clu *c, const clu_event *ev) {
  return ev->live && c->arrivals - ev->touch < c->grace;
}

static void clu_freeze(wt_clu *c) {
  if (!c->window || c->newest == WT_NO_DAY) return;
  int32_t cutoff = c->newest - c->window;
  while (c->nheap && c->heap[0].day < cutoff) {
    clu_heap_it it = clu_heap_pop(c);
    clu_event *ev = &c->evs[it.ev];
    if (!ev->id || ev->last_day != it.day) continue;
    if (clu_in_grace(c, ev) && !CLU_GROW(c->defer, c->ndefer, c->capdefer)) {
      c->defer[c->ndefer++] = it;
      continue;
    }
    clu_freeze_event(c, it.ev);
  }
  /* deferred events: freeze those whose grace ran out (every 64 arrivals;
   * the list holds at most the events joined in the last `grace`) */
  if (c->ndefer && c->arrivals % 64 == 0) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < c->ndefer; i++) {
      clu_heap_it it = c->defer[i];
      clu_event *ev = &c->evs[it.ev];
      if (!ev->id || ev->last_day != it.day) continue; /* moved or gone */
      if (clu_in_grace(c, ev))
        c->defer[k++] = it;
      else
        clu_freeze_event(c, it.ev);
    }
    c->ndefer = k;
  }
  if (c->nfrozen_since_sweep > 4096 && c->nfrozen_since_sweep * 2 > c->nactive) {
    clu_sweep(c);
    clu_redir_prune(c);
  }
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
  /* lead figures: dated articles on nearby days, undated ones the
   * undated (cross-language copies share figures, not stems) */
  for (uint32_t i = 0; i < a->nlead; i++) {
    if (a->day == WT_NO_DAY) {
      clu_scan(c, clu_fig_key(a->figs[i], CLU_GEN_DAY), 1.0f, self, touched, &nt,
               TOUCH_MAX);
      continue;
    }
    for (int d = -CLU_DATE_SLACK; d <= CLU_DATE_SLACK; d++)
      clu_scan(c, clu_fig_key(a->figs[i], (uint32_t)(a->day + d)), 1.5f, self,
               touched, &nt, TOUCH_MAX);
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
      clu_pair(c, &c->arts[ai], &nb.vec[self], &c->arts[nb.art[i]], &nb.vec[i], &s);
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
  c->last = (clu_last){0, 0, 0, WT_NO_DAY};
  c->arrivals++;
  uint32_t ai = clu_new_art(c, d, 1);
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
    clu_pair(c, a, &nb.vec[self], b, &nb.vec[i], &s);
    if (s.dup && (!dup_kind || s.dup < dup_kind ||
                  (s.dup == dup_kind && b->id < dup))) {
      dup = b->dup_of ? b->dup_of : b->id;
      dup_kind = s.dup;
    }
    if (s.cannot || (s.total < CLU_NB_FLOOR && !s.dup)) continue;
    uint32_t e = clu_event_idx(c, b->event);
    if (e == CLU_NONE || !c->evs[e].live) continue;
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
  c->last.id = d->article;
  c->last.event = c->arts[ai].event;
  c->last.dup_of = c->arts[ai].dup_of;
  c->last.wday = c->arts[ai].wday;
  clu_freeze(c);
  return out;
}

/* The original a near-copies among the newest CLU_NB_MAX members of ev
 * (the smallest id wins, duplicates resolve to their original), 0 when
 * none: what wt_clu_add finds among its candidates, found again on
 * restore. */
static int64_t clu_near_original(const wt_clu *c, const clu_event *ev,
                                 const clu_art *a) {
  int64_t best = 0;
  uint32_t lo = ev->n > CLU_NB_MAX ? ev->n - CLU_NB_MAX : 0;
  for (uint32_t i = lo; i < ev->n; i++) {
    const clu_art *b = &c->arts[ev->mem[i]];
    if (!b->mh || b->id == a->id) continue;
    int eq = 0;
    for (int k = 0; k < WT_CLU_MINHASH; k++) eq += a->mh[k] == b->mh[k];
    int64_t o = b->dup_of ? b->dup_of : b->id;
    if (eq >= CLU_NEAR_DUP && (!best || o < best)) best = o;
  }
  return best;
}

int wt_clu_restore(wt_clu *c, const wt_clu_doc *d, int64_t event) {
  return wt_clu_restore_at(c, d, event, WT_NO_DAY);
}

static int clu_restore(wt_clu *c, const wt_clu_doc *d, int64_t event,
                       int32_t age_day, int count) {
  if (event <= 0) return -1;
  for (int i = 0; i < 64; i++) { /* a stale id: follow its redirects */
    uint32_t r = clu_map_get(&c->redir_by_id, (uint64_t)event);
    if (r == CLU_NONE) break;
    event = c->redir_to[r];
  }
  uint32_t ai = clu_new_art(c, d, count);
  if (ai == CLU_NONE) return -1;
  clu_art *a = &c->arts[ai];
  if (a->day != WT_NO_DAY && a->conf >= CLU_DATE_CONF &&
      (c->newest == WT_NO_DAY || a->day > c->newest))
    c->newest = a->day;
  if (a->day == WT_NO_DAY && age_day != WT_NO_DAY) a->wday = age_day;
  uint32_t h = a->hash ? clu_map_get(&c->by_hash, a->hash) : CLU_NONE;
  if (h != CLU_NONE && h != ai) a->dup_of = c->arts[h].id;
  uint32_t e = clu_event_make(c, event);
  if (e == CLU_NONE) return -1;
  if (!a->dup_of && a->mh) /* a near copy in its event */
    a->dup_of = clu_near_original(c, &c->evs[e], a);
  a->event = event;
  if (clu_event_add(c, e, ai)) return -1;
  clu_event_refresh(c, e);
  return 0; /* no freezing here: see wt_clu_restore in cluster.h */
}

int wt_clu_restore_at(wt_clu *c, const wt_clu_doc *d, int64_t event,
                      int32_t age_day) {
  return clu_restore(c, d, event, age_day, 1);
}

int wt_clu_thaw(wt_clu *c, const wt_clu_doc *d, int64_t event,
                int32_t age_day) {
  return clu_restore(c, d, event, age_day, 0);
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
  uint32_t ai = clu_slot(c, article);
  return ai != CLU_NONE ? c->arts[ai].event : 0;
}

int32_t wt_clu_article_day(const wt_clu *c, int64_t article) {
  uint32_t ai = clu_slot(c, article);
  return ai != CLU_NONE ? c->arts[ai].wday : WT_NO_DAY;
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
  uint32_t ai = clu_slot(c, article);
  return ai != CLU_NONE ? c->arts[ai].dup_of : 0;
}

int wt_clu_event_size(const wt_clu *c, int64_t event, size_t *n_articles,
                      size_t *n_independent) {
  uint32_t e = clu_event_idx(c, wt_clu_resolve(c, event));
  if (e == CLU_NONE || !c->evs[e].live) return -1;
  if (n_articles) *n_articles = c->evs[e].n;
  if (n_independent) *n_independent = c->evs[e].nind;
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
    int64_t id = c->dirty[i].id, ev = c->dirty[i].event;
    uint32_t ai = clu_slot(c, id);
    if (ai != CLU_NONE) {
      c->arts[ai].flags &= ~(uint32_t)CLU_A_DIRTY;
      ev = c->arts[ai].event;
    }
    if (assign && ev) assign(ud, id, ev);
  }
  c->ndirty = 0;
  for (uint32_t i = c->drained_redir; i < c->nredir; i++)
    if (redirect) redirect(ud, c->redir_from[i], c->redir_to[i]);
  c->drained_redir = c->nredir;
}

