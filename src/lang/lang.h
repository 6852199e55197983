/*
 * lang.h - the language layer over a cleaned body: language identification
 * (article and paragraph), tokens, sentences, stop words and stems
 * (Indonesian confix stripping against hunspell-id roots; English through
 * Snowball's libstemmer).
 *
 * Threads: a wt_lang_res memoises stems (a hash map inside it) and holds a
 * Snowball stemmer, which is not thread-safe, so a wt_lang_res must be used
 * by one thread at a time: load one per worker thread.  wt_tokenize and
 * wt_sentence_split need no wt_lang_res and are thread-safe (their tables
 * are loaded once per process).  docs/lang.md describes the rules.
 */
#ifndef WT_LANG_H
#define WT_LANG_H

#include <stddef.h>

#include "../core/doc.h"

typedef struct wt_lang_res wt_lang_res;

/* Load stop words, tokenizer tables and language-id lists from data/lang/,
 * the Indonesian root dictionary ($WARTA_ID_DICT, else Debian's hunspell-id
 * /usr/share/hunspell/id_ID.dic) and the English stemmer.  NULL with a
 * message in err on failure.  Free with wt_lang_free. */
wt_lang_res *wt_lang_load(char *err, size_t errlen);
/* The same with an explicit root dictionary (one root per line, hunspell
 * "/flags" allowed; NULL: the default). */
wt_lang_res *wt_lang_load_dict(const char *dict_path, char *err,
                               size_t errlen);
void wt_lang_free(wt_lang_res *r);

/* Language of a text: "id", "en", "ms", or "" when unknown/too short.
 * *conf (may be NULL) receives a score in 0..1. */
const char *wt_lang_identify(const wt_lang_res *r, const char *s, size_t n,
                             float *conf);

/* Tokenise any UTF-8 text into `out` (appended; storage, norms in arena).
 * Offsets are relative to s.  Sets kind, span, CAP/ALLCAP/ABBREV/QUOTE
 * flags and norm (case-folded NFC); stem == norm and STOP is not set (both
 * need a language: wt_lang_run).  Returns 0, or -1 when the arena's cap
 * stopped it (the tokens so far are kept).  Thread-safe. */
typedef WT_VEC(wt_token) wt_token_vec;
int wt_tokenize(const char *s, size_t n, wt_arena *a, wt_token_vec *out);

/* Group tokens toks[0..ntok) of text s into sentences appended to `out`,
 * never across a paragraph (paras: spans in order; npara 0: paragraphs are
 * blank-line separated) and set WT_TOKF_SENT_END on each sentence's last
 * token.  Returns 0, or -1 when the arena is full.  Thread-safe. */
typedef WT_VEC(wt_sentence) wt_sentence_vec;
int wt_sentence_split(const char *s, size_t n, const wt_para *paras,
                      size_t npara, wt_token *toks, size_t ntok, wt_arena *a,
                      wt_sentence_vec *out);

/* Fill doc->lang (unless already set; then the input's lang hint, then
 * doc->language, then identification of the body), each para's lang
 * (identified when 60+ bytes, else the article's), doc->tokens (norm,
 * flags, STOP and stem in the article's language) and doc->sentences.
 * When the cleaner left doc->paras empty they are made from blank lines.
 * Returns 0, or -1 when the arena's cap was hit. */
int wt_lang_run(const wt_lang_res *r, wt_doc *doc);

/* Is the case-folded word a stop word of lang ("ms": the Malay list or
 * the Indonesian one)? */
int wt_is_stopword(const wt_lang_res *r, const char *lang, const char *w,
                   size_t n);

/* Stem one case-folded word in lang ("id", "ms" use the Indonesian stemmer,
 * "en" Snowball English, anything else returns the word).  Writes a
 * NUL-terminated stem into out (outlen >= n + 1, else truncated) and
 * returns its length.  Memoised in r (see Threads above). */
size_t wt_stem_word(const wt_lang_res *r, const char *lang, const char *w,
                    size_t n, char *out, size_t outlen);

#endif
