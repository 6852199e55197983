/*
 * arena.c - chunked bump allocator (see arena.h for the contract).
 *
 * Chunks form a singly linked list, newest first.  A request larger than a
 * quarter of the default chunk gets a chunk of its own so big blocks do not
 * waste the tail of the current chunk.  `used` counts bytes handed out and is
 * what the cap is checked against.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_DEFAULT (64 * 1024)
#define ALIGN 16

struct chunk {
  struct chunk *next;
  size_t size; /* usable bytes in data[] */
  size_t off;  /* next free byte */
  _Alignas(ALIGN) unsigned char data[];
};

struct wt_arena {
  struct chunk *head;
  size_t used;
  size_t cap;
};

static struct chunk *chunk_new(size_t size) {
  struct chunk *c = malloc(sizeof *c + size);
  if (!c) {
    fputs("warta: out of memory\n", stderr);
    abort();
  }
  c->next = NULL;
  c->size = size;
  c->off = 0;
  return c;
}

wt_arena *wt_arena_new(size_t cap) {
  wt_arena *a = calloc(1, sizeof *a);
  if (!a) {
    fputs("warta: out of memory\n", stderr);
    abort();
  }
  a->cap = cap ? cap : ((size_t)1 << 30);
  a->head = chunk_new(CHUNK_DEFAULT);
  return a;
}

void wt_arena_free(wt_arena *a) {
  if (!a) return;
  struct chunk *c = a->head;
  while (c) {
    struct chunk *n = c->next;
    free(c);
    c = n;
  }
  free(a);
}

void wt_arena_reset(wt_arena *a) {
  struct chunk *c = a->head;
  while (c->next) {
    struct chunk *n = c->next;
    free(c);
    c = n;
  }
  /* keep the oldest chunk (the last in the list) */
  c->off = 0;
  a->head = c;
  a->used = 0;
}

void *wt_arena_alloc(wt_arena *a, size_t n) {
  if (n == 0) n = 1;
  size_t need = (n + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
  if (need < n || a->used + need > a->cap) return NULL;
  struct chunk *c = a->head;
  if (c->off + need > c->size) {
    if (need > CHUNK_DEFAULT / 4) {
      /* big block: own chunk, linked behind the current one */
      struct chunk *big = chunk_new(need);
      big->off = need;
      big->next = c->next;
      c->next = big;
      a->used += need;
      memset(big->data, 0, need);
      return big->data;
    }
    c = chunk_new(CHUNK_DEFAULT);
    c->next = a->head;
    a->head = c;
  }
  void *p = c->data + c->off;
  c->off += need;
  a->used += need;
  memset(p, 0, need);
  return p;
}

void *wt_arena_realloc(wt_arena *a, void *p, size_t old_n, size_t new_n) {
  if (new_n <= old_n) return p;
  void *q = wt_arena_alloc(a, new_n);
  if (q && p && old_n) memcpy(q, p, old_n);
  return q;
}

char *wt_arena_strndup(wt_arena *a, const char *s, size_t n) {
  char *d = wt_arena_alloc(a, n + 1);
  if (!d) return NULL;
  if (n) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *wt_arena_strdup(wt_arena *a, const char *s) {
  return s ? wt_arena_strndup(a, s, strlen(s)) : NULL;
}

char *wt_arena_printf(wt_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  char *d = wt_arena_alloc(a, (size_t)n + 1);
  if (!d) return NULL;
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return d;
}

size_t wt_arena_used(const wt_arena *a) { return a->used; }
