/*
 * vec.c - growth step for WT_VEC (see vec.h).  New slots are zeroed because
 * arena blocks are; the old block is abandoned inside the arena.
 */
#include "vec.h"

#include <string.h>

int wt_vec_grow(wt_arena *a, void **pv, size_t *cap, size_t elem) {
  size_t ncap = *cap ? *cap * 2 : 8;
  void *nv = wt_arena_alloc(a, ncap * elem);
  if (!nv) return 0;
  if (*pv && *cap) memcpy(nv, *pv, *cap * elem);
  *pv = nv;
  *cap = ncap;
  return 1;
}
