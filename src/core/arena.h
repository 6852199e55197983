/*
 * arena.h - bump allocator that owns everything built for one article.
 *
 * Every stage allocates the pieces of a wt_doc (body text, token arrays,
 * timexes, entities, ...) from the doc's arena, and the whole article is
 * released with one wt_arena_free().  Nothing allocated from an arena may be
 * freed on its own, and no pointer into an arena may outlive it.
 *
 * Invariants: blocks are 16-byte aligned; wt_arena_alloc never returns NULL
 * for a request under the cap (it aborts only if malloc itself fails, which
 * on Linux with overcommit means the process is already lost); a request that
 * would push the arena past its cap returns NULL so that a hostile page
 * cannot make one article take unbounded memory.
 */
#ifndef WT_ARENA_H
#define WT_ARENA_H

#include <stddef.h>

typedef struct wt_arena wt_arena;

/* Create an arena that refuses to grow past `cap` bytes (0: 1 GiB). */
wt_arena *wt_arena_new(size_t cap);
void wt_arena_free(wt_arena *a);
/* Drop everything but keep the first chunk for reuse. */
void wt_arena_reset(wt_arena *a);

/* Zeroed block of n bytes, or NULL when the cap would be exceeded. */
void *wt_arena_alloc(wt_arena *a, size_t n);
/* Grow a block previously returned by wt_arena_alloc (old contents kept). */
void *wt_arena_realloc(wt_arena *a, void *p, size_t old_n, size_t new_n);
/* Copy of s[0..n) with a terminating NUL. */
char *wt_arena_strndup(wt_arena *a, const char *s, size_t n);
char *wt_arena_strdup(wt_arena *a, const char *s);
/* printf into the arena. */
char *wt_arena_printf(wt_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for benchmarks and caps). */
size_t wt_arena_used(const wt_arena *a);

#endif
