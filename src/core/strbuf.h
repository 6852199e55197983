/*
 * strbuf.h - heap-backed growable byte buffer with a mandatory size limit.
 *
 * Used for output (JSON, text reports) and for reading untrusted input.
 * Invariants: `s` is always NUL-terminated when non-NULL; `len` never
 * exceeds `max`; once an append would pass `max` the buffer sets `toobig`
 * and ignores further appends (sticky), so callers check once at the end.
 * The buffer owns `s`; wt_sb_take() hands ownership to the caller.
 */
#ifndef WT_STRBUF_H
#define WT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct wt_sb {
  char *s;
  size_t len, cap, max;
  int toobig;
} wt_sb;

void wt_sb_init(wt_sb *b, size_t max); /* max 0: 1 GiB */
void wt_sb_free(wt_sb *b);
void wt_sb_reset(wt_sb *b);
int wt_sb_add(wt_sb *b, const void *p, size_t n); /* 0 ok, -1 toobig */
int wt_sb_adds(wt_sb *b, const char *s);
int wt_sb_addc(wt_sb *b, char c);
int wt_sb_printf(wt_sb *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal (quotes included, escapes applied). */
int wt_sb_json_str(wt_sb *b, const char *s, size_t n);
/* Detach the string (never NULL: an empty buffer gives ""). */
char *wt_sb_take(wt_sb *b);

#endif
