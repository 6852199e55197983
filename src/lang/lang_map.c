/*
 * lang_map.c - the language layer's string hash map (stop words,
 * abbreviations, root dictionary, stem memo, language-id word weights).
 *
 * Open addressing with linear probing over a power-of-two table kept at
 * most half full; keys and values live in one malloc'd pool addressed by
 * offset, so growing the pool never invalidates entries.  An empty slot
 * has klen == 0 and h == 0; the empty key is never stored.
 */
#include "lang_int.h"

#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

void wt_lmap_init(wt_lmap *m) { memset(m, 0, sizeof *m); }

void wt_lmap_free(wt_lmap *m) {
  free(m->ents);
  free(m->pool);
  memset(m, 0, sizeof *m);
}

void wt_lmap_clear(wt_lmap *m) {
  if (m->ents) memset(m->ents, 0, m->cap * sizeof *m->ents);
  m->n = 0;
  m->pool_len = 0;
}

static inline uint64_t lmap_hash(const char *k, size_t n) {
  uint64_t h = wt_hash64(k, n);
  return h ? h : 1;
}

const wt_lmap_ent *wt_lmap_get(const wt_lmap *m, const char *k, size_t n) {
  if (!m->cap || n == 0) return NULL;
  uint64_t h = lmap_hash(k, n);
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const wt_lmap_ent *e = &m->ents[i];
    if (!e->h) return NULL;
    if (e->h == h && e->klen == n && memcmp(m->pool + e->koff, k, n) == 0)
      return e;
  }
}

static int lmap_grow(wt_lmap *m) {
  size_t ncap = m->cap ? m->cap * 2 : 64;
  wt_lmap_ent *ne = calloc(ncap, sizeof *ne);
  if (!ne) return -1;
  for (size_t i = 0; i < m->cap; i++) {
    wt_lmap_ent *e = &m->ents[i];
    if (!e->h) continue;
    size_t j = e->h & (ncap - 1);
    while (ne[j].h) j = (j + 1) & (ncap - 1);
    ne[j] = *e;
  }
  free(m->ents);
  m->ents = ne;
  m->cap = ncap;
  return 0;
}

static int lmap_store(wt_lmap *m, const char *s, size_t n, uint32_t *off) {
  if (m->pool_len + n + 1 > UINT32_MAX) return -1;
  if (m->pool_len + n + 1 > m->pool_cap) {
    size_t nc = m->pool_cap ? m->pool_cap * 2 : 4096;
    while (nc < m->pool_len + n + 1) nc *= 2;
    char *np = realloc(m->pool, nc);
    if (!np) return -1;
    m->pool = np;
    m->pool_cap = nc;
  }
  *off = (uint32_t)m->pool_len;
  if (n) memcpy(m->pool + m->pool_len, s, n);
  m->pool[m->pool_len + n] = '\0';
  m->pool_len += n + 1;
  return 0;
}

wt_lmap_ent *wt_lmap_put(wt_lmap *m, const char *k, size_t n, const char *v,
                         size_t vn, uint32_t aux) {
  if (n == 0 || n > 65535 || vn > 65535) return NULL;
  if ((m->n + 1) * 2 > m->cap && lmap_grow(m) != 0) return NULL;
  uint64_t h = lmap_hash(k, n);
  size_t mask = m->cap - 1, i = h & mask;
  for (;; i = (i + 1) & mask) {
    wt_lmap_ent *e = &m->ents[i];
    if (!e->h) break;
    if (e->h == h && e->klen == n && memcmp(m->pool + e->koff, k, n) == 0) {
      uint32_t voff = UINT32_MAX;
      if (v && lmap_store(m, v, vn, &voff) != 0) return NULL;
      e->voff = voff;
      e->vlen = (uint16_t)(v ? vn : 0);
      e->aux = aux;
      return e;
    }
  }
  wt_lmap_ent ne = {.h = h, .klen = (uint16_t)n, .voff = UINT32_MAX,
                    .aux = aux};
  if (lmap_store(m, k, n, &ne.koff) != 0) return NULL;
  if (v) {
    if (lmap_store(m, v, vn, &ne.voff) != 0) return NULL;
    ne.vlen = (uint16_t)vn;
  }
  m->ents[i] = ne;
  m->n++;
  return &m->ents[i];
}

static int lmap_add_line(void *ud, char *line, size_t len, int lineno) {
  (void)lineno;
  char *tab = memchr(line, '\t', len);
  size_t n = tab ? (size_t)(tab - line) : len;
  if (n) wt_lmap_put(ud, line, n, NULL, 0, 0);
  return 0;
}

int wt_lmap_load_words(wt_lmap *m, const char *rel, char *err,
                       size_t errlen) {
  return wt_data_lines(rel, lmap_add_line, m, err, errlen);
}
