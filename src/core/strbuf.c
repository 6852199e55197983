/*
 * strbuf.c - growable byte buffer with a hard limit (see strbuf.h).
 */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wt_sb_init(wt_sb *b, size_t max) {
  memset(b, 0, sizeof *b);
  b->max = max ? max : ((size_t)1 << 30);
}

void wt_sb_free(wt_sb *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

void wt_sb_reset(wt_sb *b) {
  b->len = 0;
  b->toobig = 0;
  if (b->s) b->s[0] = '\0';
}

static int reserve(wt_sb *b, size_t extra) {
  if (b->toobig) return -1;
  if (b->len + extra > b->max) {
    b->toobig = 1;
    return -1;
  }
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t ncap = b->cap ? b->cap : 256;
  while (ncap < b->len + extra + 1) ncap *= 2;
  char *ns = realloc(b->s, ncap);
  if (!ns) {
    fputs("warta: out of memory\n", stderr);
    abort();
  }
  b->s = ns;
  b->cap = ncap;
  return 0;
}

int wt_sb_add(wt_sb *b, const void *p, size_t n) {
  if (reserve(b, n)) return -1;
  if (n) memcpy(b->s + b->len, p, n);
  b->len += n;
  b->s[b->len] = '\0';
  return 0;
}

int wt_sb_adds(wt_sb *b, const char *s) { return wt_sb_add(b, s, strlen(s)); }

int wt_sb_addc(wt_sb *b, char c) { return wt_sb_add(b, &c, 1); }

int wt_sb_printf(wt_sb *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || reserve(b, (size_t)n)) return -1;
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

int wt_sb_json_str(wt_sb *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  if (wt_sb_addc(b, '"')) return -1;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    wt_sb_add(b, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': wt_sb_add(b, "\\\"", 2); break;
    case '\\': wt_sb_add(b, "\\\\", 2); break;
    case '\n': wt_sb_add(b, "\\n", 2); break;
    case '\r': wt_sb_add(b, "\\r", 2); break;
    case '\t': wt_sb_add(b, "\\t", 2); break;
    default: {
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      wt_sb_add(b, u, 6);
    }
    }
  }
  wt_sb_add(b, s + run, n - run);
  return wt_sb_addc(b, '"');
}

char *wt_sb_take(wt_sb *b) {
  char *s = b->s;
  if (!s) {
    s = malloc(1);
    if (!s) abort();
    s[0] = '\0';
  }
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}
