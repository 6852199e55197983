/*
 * lang_int.h - internals shared by the language layer's files (lang.c,
 * lang_map.c, tokenize.c, sentence.c, stem_id.c, stem_en.c, langid.c).
 * Nothing here is part of the stage interface; other stages use lang.h.
 */
#ifndef WT_LANG_INT_H
#define WT_LANG_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"

/* ------------------------------------------------------------ string map
 * Open-addressing hash map from byte strings to byte strings (or to
 * nothing, used as a set), keys and values copied into one growing pool.
 * Pointers returned by lookups stay valid until the next insertion. */
typedef struct wt_lmap_ent {
  uint64_t h;
  uint32_t koff, voff; /* offsets into pool; voff UINT32_MAX: no value */
  uint16_t klen, vlen;
  uint32_t aux; /* caller's small payload (class, weight, flags) */
} wt_lmap_ent;

typedef struct wt_lmap {
  wt_lmap_ent *ents; /* cap slots, klen 0 and h 0 marks empty */
  size_t cap, n;
  char *pool;
  size_t pool_len, pool_cap;
} wt_lmap;

void wt_lmap_init(wt_lmap *m);
void wt_lmap_free(wt_lmap *m);
/* Drop every entry, keep the storage. */
void wt_lmap_clear(wt_lmap *m);
/* Entry for key k[0..n), or NULL. */
const wt_lmap_ent *wt_lmap_get(const wt_lmap *m, const char *k, size_t n);
/* Insert or replace; v may be NULL (set membership only).  Keys and values
 * longer than 65535 bytes are refused.  Returns the entry, NULL on failure
 * (out of memory or too long). */
wt_lmap_ent *wt_lmap_put(wt_lmap *m, const char *k, size_t n, const char *v,
                         size_t vn, uint32_t aux);
static inline const char *wt_lmap_val(const wt_lmap *m, const wt_lmap_ent *e) {
  return m->pool + e->voff;
}
/* Add the first TAB field of every line of data file `rel` to m (as is,
 * aux 0).  Returns 0, or -1 with err set. */
int wt_lmap_load_words(wt_lmap *m, const char *rel, char *err, size_t errlen);

/* --------------------------------------------------- tokenizer resources
 * Read-only tables the tokenizer needs (abbreviations, top-level domains,
 * currency prefixes), loaded once per process from data/lang/ and shared
 * by every thread.  Returns 0, or -1 with err set (the tokenizer then
 * works without them). */
int wt_tok_data_init(char *err, size_t errlen);
/* Class of the abbreviation s[0..n) (ending in '.'): 0 unknown,
 * 't' never ends a sentence, 'e' may end one. */
int wt_tok_abbrev_class(const char *s, size_t n);

/* Case-fold and NFC-normalise s[0..n) into the arena.  *len gets the
 * length.  NULL only when the arena is full. */
char *wt_tok_norm(wt_arena *a, const char *s, size_t n, size_t *len);

/* ------------------------------------------------------------- stemmers */

/* Indonesian confix-stripping stemmer over a root dictionary. */
typedef struct wt_stem_id wt_stem_id;
/* Dictionary from a file of one root per line; hunspell "/flags" and
 * upper case are stripped.  NULL with err set when unreadable. */
wt_stem_id *wt_stem_id_new_file(const char *path, char *err, size_t errlen);
/* Dictionary from a NUL-separated list of roots (for tests). */
wt_stem_id *wt_stem_id_new_words(const char *const *roots, size_t n);
void wt_stem_id_free(wt_stem_id *s);
/* Is w a root of the dictionary? */
int wt_stem_id_is_root(const wt_stem_id *s, const char *w, size_t n);
/* Stem a case-folded word (no memo); writes a NUL-terminated stem to out
 * (outlen >= n + 1; longer words are returned unchanged) and returns its
 * length. */
size_t wt_stem_id_word(const wt_stem_id *s, const char *w, size_t n, char *out,
                       size_t outlen);

/* English through libstemmer (Snowball); not thread-safe. */
typedef struct wt_stem_en wt_stem_en;
wt_stem_en *wt_stem_en_new(void);
void wt_stem_en_free(wt_stem_en *s);
/* Write the stem src[0..r) into out (outlen bytes, NUL-terminated); when
 * it does not fit, the word w[0..n) itself, cut to fit.  Returns the
 * length written.  Shared by both stemmers' public entry points. */
size_t wt_stem_emit(const char *src, size_t r, const char *w, size_t n,
                    char *out, size_t outlen);
size_t wt_stem_en_word(wt_stem_en *s, const char *w, size_t n, char *out,
                       size_t outlen);

/* -------------------------------------------------------- language id */
typedef struct wt_langid wt_langid;
wt_langid *wt_langid_new(char *err, size_t errlen);
void wt_langid_free(wt_langid *l);
const char *wt_langid_guess(const wt_langid *l, const char *s, size_t n,
                            float *conf);

#endif
