/*
 * vec.h - typed growable arrays whose storage lives in an arena.
 *
 *   WT_VEC(wt_timex) timexes;          // declares { wt_timex *v; size_t n, cap; }
 *   wt_timex *t = WT_VEC_PUSH(arena, &doc->timexes);   // zeroed new slot
 *
 * WT_VEC_PUSH returns NULL when the arena's cap is reached; callers treat
 * that as "page too big" and stop adding items.  Growth doubles, so pushes
 * are amortised O(1); old storage is simply abandoned inside the arena.
 */
#ifndef WT_VEC_H
#define WT_VEC_H

#include <stddef.h>
#include "arena.h"

#define WT_VEC(T) struct { T *v; size_t n, cap; }

/* Double the capacity of *pv (elements of `elem` bytes); 1 on success, 0
 * (vector unchanged) when the arena's cap is reached. */
int wt_vec_grow(wt_arena *a, void **pv, size_t *cap, size_t elem);

#define WT_VEC_PUSH(arena, vec)                                              \
  (((vec)->n < (vec)->cap ||                                                 \
    wt_vec_grow((arena), (void **)&(vec)->v, &(vec)->cap, sizeof *(vec)->v)) \
       ? &(vec)->v[(vec)->n++]                                               \
       : NULL)

#endif
