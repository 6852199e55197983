/*
 * cluster_recluster.c - re-clustering one neighbourhood and giving the
 * clusters event ids.
 *
 * clu_nb_cluster: the articles are sorted by content key (body hash, else
 * a hash of the features), every pair is scored, exact copies and near
 * copies that may link are merged first, then average-link agglomeration
 * under cannot-link constraints merges the best pair of clusters while
 * its average link reaches CLU_THRESHOLD; ties go to the pair first in
 * content order.  The result depends only on the set of articles.
 *
 * clu_relabel: each old event's home is the cluster holding most of its
 * articles; a cluster takes the smallest id homed in it (the others
 * redirect to it), and a cluster with no home event gets a fresh id.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"

static __thread const wt_clu *clu_sort_ctx; /* qsort has no context */
static int clu_content_cmp(const void *a, const void *b) {
  const clu_art *x = &clu_sort_ctx->arts[*(const uint32_t *)a];
  const clu_art *y = &clu_sort_ctx->arts[*(const uint32_t *)b];
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

void clu_nb_free(clu_nb *nb) {
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
int clu_nb_init(const wt_clu *c, clu_nb *nb, uint32_t *art, uint32_t n) {
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

uint32_t clu_find(uint32_t *root, uint32_t i) {
  while (root[i] != i) i = root[i] = root[root[i]];
  return i;
}

/* Average-link agglomeration with cannot-link constraints; afterwards
 * clu_find(nb->root, i) is the cluster (its first member in content
 * order) of article i.  Exact copies, and near copies that may link, are
 * merged before anything else. */
int clu_nb_cluster(const wt_clu *c, clu_nb *nb) {
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
      clu_pair(c, &c->arts[nb->art[i]], &nb->vec[i], &c->arts[nb->art[j]],
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
int clu_relabel(wt_clu *c, clu_nb *nb) {
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
