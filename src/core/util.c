/*
 * util.c - bounded file reading, UTF-8 checks, data files, hashing.
 */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>
#include <xxhash.h>

#ifndef WARTA_DATA_DIR
#define WARTA_DATA_DIR "data"
#endif

int wt_read_file(const char *path, size_t max, char **out, size_t *len,
                 char *err, size_t errlen) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "cannot open: %s", strerror(errno));
    return -1;
  }
  if (f != stdin) {
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
      snprintf(err, errlen, "not a regular file");
      fclose(f);
      return -1;
    }
    if (fstat(fileno(f), &st) == 0 && (size_t)st.st_size > max) {
      snprintf(err, errlen, "file too large (%lld bytes; limit %zu)",
               (long long)st.st_size, max);
      fclose(f);
      return -1;
    }
  }
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  for (;;) {
    if (n == cap) {
      if (cap > max) break;
      cap *= 2;
      char *nb = realloc(buf, cap + 1);
      if (!nb) abort();
      buf = nb;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
    if (n > max) break;
  }
  int rerr = ferror(f);
  if (f != stdin) fclose(f);
  if (rerr) {
    snprintf(err, errlen, "read error");
    free(buf);
    return -1;
  }
  if (n > max) {
    snprintf(err, errlen, "input too large (over %zu bytes)", max);
    free(buf);
    return -1;
  }
  buf[n] = '\0';
  *out = buf;
  *len = n;
  return 0;
}

long wt_utf8_invalid_at(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) return (long)i;
    i += (size_t)k;
  }
  return -1;
}

int wt_looks_binary(const char *s, size_t n) {
  if (memchr(s, 0, n)) return 1; /* a NUL anywhere: no text page */
  size_t ctrl = 0, lim = n < 8192 ? n : 8192;
  for (size_t i = 0; i < lim; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ctrl++;
  }
  return lim && ctrl * 10 > lim;
}

const char *wt_data_dir(void) {
  const char *d = getenv("WARTA_DATA");
  return d && *d ? d : WARTA_DATA_DIR;
}

char *wt_data_path(char *out, size_t outlen, const char *rel) {
  snprintf(out, outlen, "%s/%s", wt_data_dir(), rel);
  return out;
}

int wt_data_lines(const char *rel, wt_line_fn fn, void *ud, char *err,
                  size_t errlen) {
  char path[4096];
  wt_data_path(path, sizeof path, rel);
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int lineno = 0, rc = 0;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
                     line[n - 1] == ' ' || line[n - 1] == '\t'))
      line[--n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    if ((rc = fn(ud, line, (size_t)n, lineno)) != 0) break;
  }
  free(line);
  fclose(f);
  return rc;
}

int wt_split_tabs(char *line, char **f, int max) {
  int k = 0;
  char *p = line;
  while (k < max) {
    f[k++] = p;
    if (k == max) break;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = '\0';
    p = t + 1;
  }
  return k;
}

uint64_t wt_hash64(const void *p, size_t n) { return XXH3_64bits(p, n); }

double wt_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
