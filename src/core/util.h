/*
 * util.h - small shared services: bounded file reading, UTF-8 checks,
 * the data directory, and the plain-text data file reader every stage uses
 * to load its word lists, gazetteers and cue phrases from data/.
 */
#ifndef WT_UTIL_H
#define WT_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Read a whole file (or "-" for stdin) into a malloc'd NUL-terminated
 * buffer.  Fails with a message in err when the file is missing, is not a
 * regular file, or is larger than `max` bytes.  Caller frees *out. */
int wt_read_file(const char *path, size_t max, char **out, size_t *len,
                 char *err, size_t errlen);

/* Byte offset of the first invalid UTF-8 sequence in s[0..n), or -1 when
 * the whole buffer is valid UTF-8. */
long wt_utf8_invalid_at(const char *s, size_t n);
/* The buffer holds a NUL byte anywhere, or its first 8 KB are mostly
 * control characters. */
int wt_looks_binary(const char *s, size_t n);

/* The data directory: $WARTA_DATA, else the source tree's data/ compiled
 * in as WARTA_DATA_DIR.  Never NULL. */
const char *wt_data_dir(void);
/* Join data_dir and a relative path into out; returns out. */
char *wt_data_path(char *out, size_t outlen, const char *rel);

/* Call fn for every line of a data file, with comments (from '#' at the
 * start of a line) and blank lines skipped and trailing whitespace/CR
 * removed.  `line` is NUL-terminated and writable, valid during the call.
 * Returns 0, or -1 with err set when the file cannot be read; a non-zero
 * return from fn stops the walk and is returned. */
typedef int (*wt_line_fn)(void *ud, char *line, size_t len, int lineno);
int wt_data_lines(const char *rel, wt_line_fn fn, void *ud, char *err,
                  size_t errlen);

/* Split a TAB-separated line in place; returns the number of fields put in
 * f[0..max).  Extra fields are left joined in the last one. */
int wt_split_tabs(char *line, char **f, int max);

/* 64-bit content hash (xxHash3). */
uint64_t wt_hash64(const void *p, size_t n);

/* Monotonic clock in seconds. */
double wt_now(void);

#endif
