/*
 * lang.h - the language layer over a cleaned body: language identification
 * (article and paragraph), tokens, sentences, stop words and stems
 * (Indonesian confix stripping against hunspell-id roots; English through
 * Snowball's libstemmer).
 *
 * Resources are loaded once and are read-only afterwards, so one
 * wt_lang_res can serve many threads; a stemmer memo is per thread
 * (wt_stemmer) because it caches.
 */
#ifndef WT_LANG_H
#define WT_LANG_H

#include <stddef.h>

#include "../core/doc.h"

typedef struct wt_lang_res wt_lang_res;

wt_lang_res *wt_lang_load(char *err, size_t errlen);
void wt_lang_free(wt_lang_res *r);

/* Language of a text: "id", "en", "ms", or "" when unknown/too short.
 * *conf (may be NULL) receives a score in 0..1. */
const char *wt_lang_identify(const wt_lang_res *r, const char *s, size_t n,
                             float *conf);

/* Tokenise any UTF-8 text into `out` (allocated in arena). */
typedef WT_VEC(wt_token) wt_token_vec;
int wt_tokenize(const char *s, size_t n, wt_arena *a, wt_token_vec *out);

/* Fill doc->lang (unless the cleaner or input fixed it), each para's lang,
 * doc->tokens (with norm, stem and flags) and doc->sentences. */
int wt_lang_run(const wt_lang_res *r, wt_doc *doc);

/* Is the case-folded word a stop word of lang? */
int wt_is_stopword(const wt_lang_res *r, const char *lang, const char *w,
                   size_t n);

/* Stem one case-folded word in lang ("id", "ms" use the Indonesian stemmer,
 * "en" Snowball English, anything else returns the word).  Writes a
 * NUL-terminated stem into out (outlen >= n + 1) and returns its length. */
size_t wt_stem_word(const wt_lang_res *r, const char *lang, const char *w,
                    size_t n, char *out, size_t outlen);

#endif
