/*
 * ner.h - the statistical name tagger: a structured perceptron over BIO
 * tags (person, organisation, place) with hashed features, decoded by
 * Viterbi with BIO constraints.  The model (data/extract/ner/model.bin)
 * and the word clusters its features use (clusters.txt beside it) are
 * built by bench/ner_train.c from IndoNLU NERGrit + NERP train splits
 * (scripts/train-ner.sh); docs/ner.md describes features and policy.
 *
 * The runtime model is loaded once per process (wt_ner_get) and is
 * read-only afterwards, so it is shared by every thread.  Tagging needs
 * no allocation beyond the caller's buffers.
 */
#ifndef WT_NER_H
#define WT_NER_H

#include <stddef.h>
#include <stdint.h>

#include "extract.h"

/* Tags: O, then B/I per type; type t (0 person, 1 org, 2 place) has
 * B = 1 + 2t, I = 2 + 2t. */
enum { WT_NER_O = 0, WT_NER_NTAG = 7 };
#define WT_NER_B(t) (1 + 2 * (t))
#define WT_NER_I(t) (2 + 2 * (t))
#define WT_NER_TYPE(tag) (((tag) - 1) / 2) /* tag > 0 */

#define WT_NER_MAXF 64      /* features per token (at most 60 used) */
#define WT_NER_MAXTOK 256   /* tokens per tagged chunk (longer: split) */
#define WT_NER_FILE "extract/ner/model.bin"
#define WT_NER_CLUSTERS "extract/ner/clusters.txt"
#define WT_NER_KEY 48       /* bytes of a word key */

typedef struct wt_ner wt_ner;

/* One sentence to tag: token byte spans into s, and per token the
 * gazetteer evidence as a tag (WT_NER_B/I of the gazetteer entity's
 * type, WT_NER_O when no gazetteer name covers it). */
typedef struct wt_ner_sent {
  const char *s;
  const uint32_t *ts, *te;
  const uint8_t *gaz;
  size_t nt; /* at most WT_NER_MAXTOK */
} wt_ner_sent;

/* The key a word is looked up by in the word clusters: ASCII letters
 * folded to lower case, digits made '0', at most WT_NER_KEY bytes of the
 * word written to out (not NUL-terminated).  Returns the key's length. */
size_t wt_ner_word_key(const char *p, size_t n, char *out);

/* The process-wide model from data/extract/ner/ (model.bin and
 * clusters.txt, and the title lists of data/extract/), loaded on first
 * call.  NULL with a message in err when
 * a file is missing or malformed (every later call fails the same way). */
const wt_ner *wt_ner_get(char *err, size_t errlen);

/* An empty model with 2^bits feature buckets and the title lists and
 * word clusters loaded, for the trainer; NULL on failure (a missing or
 * malformed data file).  Free with wt_ner_free. */
wt_ner *wt_ner_new(int bits, char *err, size_t errlen);
void wt_ner_free(wt_ner *m);
/* Bucket count of a model (a power of two). */
size_t wt_ner_buckets(const wt_ner *m);

/* Feature buckets of every token of x (at most WT_NER_MAXTOK): token i's
 * nf[i] indices go to out[i].  Returns the token count.  Deterministic,
 * no allocation. */
size_t wt_ner_features(const wt_ner *m, const wt_ner_sent *x,
                       uint32_t (*out)[WT_NER_MAXF], uint8_t *nf);

/* Viterbi over emission scores em[nt][WT_NER_NTAG] and transition scores
 * tr[prev][cur] (prev WT_NER_NTAG = sentence start), BIO constraints
 * enforced (I-t only after B-t or I-t).  Writes tags[nt]. */
void wt_ner_viterbi(const float *em, const float *tr, size_t nt,
                    uint8_t *tags);

/* Tag a sentence with a loaded model: tags[nt] receives WT_NER_* tags. */
void wt_ner_tag(const wt_ner *m, const wt_ner_sent *x, uint8_t *tags);

/* Store averaged weights w[buckets][WT_NER_NTAG] and transitions
 * tr[(WT_NER_NTAG + 1) * WT_NER_NTAG] as a model file (int16 weights with
 * one scale; buckets whose stored weights are all 0 left out).  0, or -1
 * with err set. */
int wt_ner_save(const wt_ner *m, const float *w, const float *tr,
                const char *path, char *err, size_t errlen);

/* Gazetteer evidence for tokens [ts, te) of s, as wt_ner_sent.gaz wants
 * it: the longest gazetteer name at each word start that ends on a token
 * end, case rules applied (what the mention finder's first pass finds). */
void wt_ner_gaz_tags(const wt_extract_res *r, const char *s, size_t n,
                     const uint32_t *ts, const uint32_t *te, size_t nt,
                     uint8_t *gaz);

/* The mention finder's tagger pass (mention.c, after titles, before
 * capitalised sequences): tags every sentence and places the spans the
 * rules and multi-word gazetteer names leave free.  0, or -1 when the
 * model cannot be loaded (reported once on stderr) or the arena is full. */
struct x_ctx;
int x_ner_mentions(struct x_ctx *c);

#endif
