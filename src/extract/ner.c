/*
 * ner.c - the statistical name tagger (structured perceptron, BIO tags
 * over person / organisation / place, Viterbi decoding) and its place in
 * the mention finder.
 *
 * Features (hashed, FNV-1a per template into 2^bits buckets, one weight
 * per tag): the case-folded word, its 1-4 byte prefixes and suffixes, the
 * word as written, its shape (Xx, X, x, d, punctuation, runs collapsed),
 * the words and shapes around it (two either side), word bigrams, shape
 * bigrams and trigrams, a neighbour word with the token's shape, the
 * gazetteer evidence (B/I + type) of the token, its neighbours two either
 * side and the word, a title or role word one or two before it
 * (data/extract/titles-*.txt, role-words.txt) alone and with the shape,
 * the first position of a sentence, the sentence's style (all lower
 * case, as in NERP, or cased), and the word cluster
 * (data/extract/ner/clusters.txt: a path in a binary tree of word
 * classes, by distribution over unlabelled text) of the token as 4-, 6-,
 * 10-bit and whole prefixes, and of its neighbours, whole; how often the
 * word is capitalised inside cased sentences of that text (four classes,
 * or never seen there), alone and with the shape; the byte trigrams
 * inside the word (neither its first nor its last three bytes; at most
 * NR_TRI).  Transitions are a tag-pair matrix.
 *
 * Model file (data/extract/ner/model.bin, little-endian): "WTNER003",
 * uint32 bits, uint32 ntag (7), float scale, float tr[8][7] (row 7 =
 * sentence start), uint32 rows, a bitmap of the 2^bits buckets (bit b of
 * byte b / 8: bucket 8 (b / 8) + b % 8 has weights), then int16 w[rows][7]
 * of the marked buckets in order; weight = w * scale, 0 for the others.
 * In memory the table is dense (2^bits rows of NR_ROW int16).
 *
 * Combination (x_ner_mentions, run after titles and before capitalised
 * sequences): a span is cut to a name's edges (not-names, used titles,
 * lower-case words of persons and English names) and joined with
 * hyphenated parts; rule mentions and title words win, except that an
 * organisation span replaces an organisation-cue mention cut at other
 * edges; a gazetteer
 * mention of several words wins, one of a single word too unless the
 * tagger reads a place as an organisation or the reverse; the tagger's
 * span replaces single-word gazetteer mentions inside it (a place in
 * "Kabupaten Pati" keeps its canonical id when the types agree); other
 * spans become "x:Name" entities of the tagger's type (a person when they
 * are part of a person already named).  Tokens left outside every name
 * are flagged XF_TAGO for the capitalised-sequence rule; a one-word
 * gazetteer name written in lower case among them is the common word
 * ("di antara") and loses its mention.
 *
 * Invariant: the model is read-only once loaded; tagging allocates
 * nothing (fixed buffers of WT_NER_MAXTOK tokens per chunk).
 */
#include "ner.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/util.h"
#include "xint.h"

#define NR_MAGIC "WTNER003"
#define NR_ROW 8            /* int16 weights per bucket in memory (7 used) */
#define NR_WORD 48          /* bytes of a word that features look at */
_Static_assert(NR_WORD == WT_NER_KEY, "a word's hash is its cluster key's");
#define NR_TITLE_BITS 12    /* title word set: 4096 slots */
#define NR_MAX_BITS 24
#define NR_BLOCK 32        /* tokens whose weights are fetched together */
#define NR_TRI 8           /* trigrams inside a word that are features */

/* A word's cluster: its key's hash, the path from the root of the class
 * tree left-aligned in 32 bits, and the path's length. */
typedef struct nr_cluster {
  uint64_t h;
  uint32_t path;
  uint8_t len;
  uint8_t cap; /* capitalisation class (nr_cap_class) */
} nr_cluster;

struct wt_ner {
  int bits;
  uint32_t mask;
  nr_cluster *cl; /* open addressing, cl[i].h == 0 empty */
  uint32_t clmask;
  float scale;
  float tr[(WT_NER_NTAG + 1) * WT_NER_NTAG];
  int16_t *w; /* [buckets][NR_ROW] */
  uint64_t titles[1u << NR_TITLE_BITS]; /* hashes of title words, 0 empty */
};

/* ------------------------------------------------------------ hashing */

static inline uint64_t nr_mix(uint64_t h, unsigned char b) {
  return (h ^ b) * 0x100000001b3ULL;
}

static uint64_t nr_hash(uint64_t h, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = nr_mix(h, (unsigned char)p[i]);
  return h;
}

static inline uint32_t nr_bucket(const wt_ner *m, uint64_t h) {
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return (uint32_t)h & m->mask;
}

/* ------------------------------------------------------------ title words */

static uint64_t nr_word_hash(const char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) h = nr_mix(h, x_fold((unsigned char)p[i]));
  return h | 1;
}

static void nr_title_add(wt_ner *m, uint64_t h) {
  uint32_t mask = (1u << NR_TITLE_BITS) - 1, i = (uint32_t)h & mask;
  for (uint32_t k = 0; k <= mask; k++, i = (i + 1) & mask) {
    if (m->titles[i] == h) return;
    if (!m->titles[i]) {
      m->titles[i] = h;
      return;
    }
  }
}

/* Is the word of hash h (nr_word_hash) a title word? */
static int nr_is_title(const wt_ner *m, uint64_t h) {
  uint32_t mask = (1u << NR_TITLE_BITS) - 1, i = (uint32_t)h & mask;
  for (uint32_t k = 0; k <= mask; k++, i = (i + 1) & mask) {
    if (m->titles[i] == h) return 1;
    if (!m->titles[i]) return 0;
  }
  return 0;
}

/* Every word of a title phrase ("menteri luar negeri", "president$"). */
static int nr_title_line(void *ud, char *line, size_t len, int lineno) {
  (void)lineno;
  wt_ner *m = ud;
  size_t i = 0;
  while (i < len && line[i] != '\t') {
    while (i < len && (line[i] == ' ' || line[i] == '$')) i++;
    size_t j = i;
    while (j < len && line[j] != ' ' && line[j] != '\t' && line[j] != '$') j++;
    if (j > i) nr_title_add(m, nr_word_hash(line + i, j - i));
    i = j;
    if (i < len && line[i] == '$') i++;
  }
  return 0;
}

/* ------------------------------------------------------------ word clusters */

static uint64_t nr_key_hash(const char *p, size_t n) {
  char k[WT_NER_KEY];
  n = wt_ner_word_key(p, n, k);
  return nr_hash(0xcbf29ce484222325ULL, k, n) | 1;
}

/* Count the lines of the cluster file (first pass). */
static int nr_cl_count(void *ud, char *line, size_t len, int lineno) {
  (void)line, (void)len, (void)lineno;
  ++*(size_t *)ud;
  return 0;
}

/* How a word is written inside cased sentences: 1 never seen there,
 * else 2 + how often capitalised (0 under a tenth, 1 under half, 2 under
 * nine tenths, 3 more). */
static uint8_t nr_cap_class(long mid, long cap) {
  if (mid <= 0) return 1;
  if (cap * 10 < mid) return 2;
  if (cap * 2 < mid) return 3;
  if (cap * 10 < mid * 9) return 4;
  return 5;
}

/* One line: path TAB word TAB count [TAB mid TAB capitalised]. */
static int nr_cl_line(void *ud, char *line, size_t len, int lineno) {
  (void)len;
  wt_ner *m = ud;
  char *f[5];
  int nf = wt_split_tabs(line, f, 5);
  if (nf < 2 || !*f[0] || !*f[1]) return lineno;
  uint8_t cap = nf >= 5 ? nr_cap_class(atol(f[3]), atol(f[4])) : 1;
  uint32_t path = 0;
  size_t n = 0;
  for (const char *p = f[0]; *p; p++, n++) {
    if (*p != '0' && *p != '1') return lineno;
    if (n < 32) path |= (uint32_t)(*p - '0') << (31 - n);
  }
  uint64_t h = nr_key_hash(f[1], strlen(f[1]));
  uint32_t i = (uint32_t)h & m->clmask;
  while (m->cl[i].h && m->cl[i].h != h) i = (i + 1) & m->clmask;
  m->cl[i] = (nr_cluster){h, path, (uint8_t)(n > 32 ? 32 : n), cap};
  return 0;
}

/* The cluster of the word whose key hashes to h (nr_key_hash), or NULL
 * when it has none. */
static const nr_cluster *nr_cluster_of(const wt_ner *m, uint64_t h) {
  for (uint32_t i = (uint32_t)h & m->clmask;; i = (i + 1) & m->clmask) {
    if (m->cl[i].h == h) return &m->cl[i];
    if (!m->cl[i].h) return NULL;
  }
}

static int nr_clusters_load(wt_ner *m, char *err, size_t errlen) {
  size_t lines = 0;
  if (wt_data_lines(WT_NER_CLUSTERS, nr_cl_count, &lines, err, errlen) != 0)
    return -1;
  size_t cap = 64;
  while (cap < 2 * lines + 2) cap *= 2;
  m->cl = calloc(cap, sizeof *m->cl);
  if (!m->cl) {
    snprintf(err, errlen, "ner: out of memory");
    return -1;
  }
  m->clmask = (uint32_t)cap - 1;
  int bad = wt_data_lines(WT_NER_CLUSTERS, nr_cl_line, m, err, errlen);
  if (bad > 0)
    snprintf(err, errlen, "ner: %s line %d: not path TAB word",
             WT_NER_CLUSTERS, bad);
  return bad ? -1 : 0;
}

wt_ner *wt_ner_new(int bits, char *err, size_t errlen) {
  if (bits < 8 || bits > NR_MAX_BITS) {
    snprintf(err, errlen, "ner: bad bucket bits %d", bits);
    return NULL;
  }
  wt_ner *m = calloc(1, sizeof *m);
  if (m) m->w = calloc((size_t)NR_ROW << bits, sizeof *m->w);
  if (!m || !m->w) {
    free(m);
    snprintf(err, errlen, "ner: out of memory");
    return NULL;
  }
  m->bits = bits;
  m->mask = (1u << bits) - 1;
  m->scale = 1;
  static const char *const lists[] = {"extract/titles-id.txt",
                                      "extract/titles-en.txt",
                                      "extract/role-words.txt"};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
    if (wt_data_lines(lists[i], nr_title_line, m, err, errlen) != 0) {
      wt_ner_free(m);
      return NULL;
    }
  }
  if (nr_clusters_load(m, err, errlen) != 0) {
    wt_ner_free(m);
    return NULL;
  }
  return m;
}

void wt_ner_free(wt_ner *m) {
  if (!m) return;
  free(m->cl);
  free(m->w);
  free(m);
}

size_t wt_ner_buckets(const wt_ner *m) { return (size_t)1 << m->bits; }

/* ------------------------------------------------------------ features */

/* Template ids (one byte, hashed first). */
enum {
  NF_BIAS = 1, NF_WORD, NF_P1, NF_P2, NF_P3, NF_S1, NF_S2, NF_S3, NF_SHAPE,
  NF_WM1, NF_WP1, NF_WM2, NF_WP2, NF_SHM1, NF_SHP1, NF_GAZ, NF_GAZM1,
  NF_GAZP1, NF_TITLE1, NF_TITLE2, NF_FIRST, NF_STYLE, NF_RAW, NF_BI_M,
  NF_BI_P, NF_SH3, NF_STYLE_SH, NF_STYLE_W, NF_GAZ_SH, NF_LEN, NF_P4,
  NF_S4, NF_SHM2, NF_SHP2, NF_SH_M, NF_SH_P, NF_WM1_SH, NF_SH_WP1, NF_GAZ_W,
  NF_GAZM2, NF_GAZP2, NF_TITLE_SH, NF_SHM2_3, NF_GAZ3, NF_CL4, NF_CL6,
  NF_CL10, NF_CLF, NF_CLM1, NF_CLP1, NF_CAP, NF_CAP_SH, NF_TRI
};

/* Shape of a word: X upper, x lower, d digit, other ASCII as is, 'u' for
 * a non-ASCII character; runs collapsed, at most 8 symbols. */
static size_t nr_shape(const char *p, size_t n, char *out) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < 8; i++) {
    unsigned char b = (unsigned char)p[i];
    char c;
    if (b >= 'A' && b <= 'Z') c = 'X';
    else if (b >= 'a' && b <= 'z') c = 'x';
    else if (b >= '0' && b <= '9') c = 'd';
    else if (b < 0x80) c = (char)b;
    else if ((b & 0xC0) == 0x80) continue;
    else c = 'u';
    if (k && out[k - 1] == c) continue;
    out[k++] = c;
  }
  return k;
}

size_t wt_ner_word_key(const char *p, size_t n, char *out) {
  if (n > WT_NER_KEY) n = WT_NER_KEY;
  for (size_t i = 0; i < n; i++) {
    unsigned char b = x_fold((unsigned char)p[i]);
    out[i] = (char)(b >= '0' && b <= '9' ? '0' : b);
  }
  return n;
}

/* Case-folded word (at most NR_WORD bytes). */
static size_t nr_lower(const char *p, size_t n, char *out) {
  if (n > NR_WORD) n = NR_WORD;
  for (size_t i = 0; i < n; i++) out[i] = (char)x_fold((unsigned char)p[i]);
  return n;
}

/* Per-token hashes every template draws on (computed once per token). */
typedef struct nr_info {
  uint64_t w, raw, sh, pre[4], suf[4];
  uint32_t cl;   /* cluster path, left-aligned */
  uint8_t cllen; /* its length; 0: the word has no cluster */
  uint8_t cap;   /* nr_cap_class, 0 without a cluster */
  uint8_t len, title, gaz, wn;
  uint8_t ntri;  /* trigrams in tri */
  uint64_t tri[NR_TRI];
} nr_info;

/* Values standing for "before the sentence" and "after it". */
#define NR_BOS 0x5bd1e9955bd1e995ULL
#define NR_EOS 0x9e3779b97f4a7c15ULL

static void nr_info_of(const wt_ner *m, const wt_ner_sent *x, size_t i,
                       nr_info *in) {
  const char *p = x->s + x->ts[i];
  size_t n = x->te[i] - x->ts[i];
  char w[NR_WORD], sh[8];
  size_t wn = nr_lower(p, n, w), sn = nr_shape(p, n, sh);
  uint64_t h0 = 0xcbf29ce484222325ULL;
  in->w = nr_hash(h0, w, wn);
  in->raw = nr_hash(h0, p, wn);
  in->sh = nr_hash(h0, sh, sn);
  uint64_t hp = h0;
  int digit = 0;
  for (size_t l = 1; l <= 4; l++) {
    hp = l <= wn ? nr_mix(hp, (unsigned char)w[l - 1]) : 0;
    in->pre[l - 1] = hp;
    in->suf[l - 1] = l <= wn ? nr_hash(h0, w + wn - l, l) : 0;
  }
  for (size_t k = 0; k < wn; k++) digit |= w[k] >= '0' && w[k] <= '9';
  in->len = (uint8_t)(n > 12 ? 12 : n);
  in->wn = (uint8_t)wn;
  /* the folded word's hash is the title set's and, without digits, the
   * cluster key's (words of at most NR_WORD = WT_NER_KEY bytes) */
  uint64_t hw = n <= NR_WORD ? in->w | 1 : nr_word_hash(p, n);
  in->title = (uint8_t)nr_is_title(m, hw);
  in->gaz = x->gaz[i];
  const nr_cluster *cl =
      nr_cluster_of(m, digit ? nr_key_hash(p, n) : in->w | 1);
  in->cl = cl ? cl->path : 0;
  in->cllen = cl ? cl->len : 0;
  in->cap = cl ? cl->cap : 0;
  /* the trigrams inside the word, neither its prefix nor its suffix */
  in->ntri = 0;
  for (size_t k = 1; k + 3 < wn && in->ntri < NR_TRI; k++)
    in->tri[in->ntri++] = nr_hash(h0, w + k, 3);
}

/* The first l bits of a token's cluster path, with the length kept (a
 * path shorter than l is whole). */
static inline uint64_t nr_clp(const nr_info *in, unsigned l) {
  unsigned k = in->cllen < l ? in->cllen : l;
  uint32_t p = k ? in->cl & ~(uint32_t)0 << (32 - k) : 0;
  return (uint64_t)p << 8 | k;
}

/* Hash of a template and one or two values. */
static inline uint64_t nr_f(unsigned tmpl, uint64_t a, uint64_t b) {
  uint64_t h = (a + 0x9e3779b97f4a7c15ULL * (tmpl + 1)) ^ (b * 0xff51afd7ed558ccdULL);
  h ^= h >> 31;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

/* Features of token i given the infos of the sentence (in[-2..nt+2) with
 * boundary entries), sentence style st. */
static size_t nr_feats(const wt_ner *m, const nr_info *in, size_t i,
                       size_t nt, int st, uint32_t *out) {
  size_t k = 0;
  const nr_info *t = &in[i];
  uint64_t wm1 = i >= 1 ? in[i - 1].w : NR_BOS, wm2 = i >= 2 ? in[i - 2].w : NR_BOS;
  uint64_t wp1 = i + 1 < nt ? in[i + 1].w : NR_EOS, wp2 = i + 2 < nt ? in[i + 2].w : NR_EOS;
  uint64_t sm1 = i >= 1 ? in[i - 1].sh : NR_BOS, sp1 = i + 1 < nt ? in[i + 1].sh : NR_EOS;
  uint64_t sm2 = i >= 2 ? in[i - 2].sh : NR_BOS, sp2 = i + 2 < nt ? in[i + 2].sh : NR_EOS;
  uint64_t gm1 = i >= 1 ? in[i - 1].gaz : 8, gp1 = i + 1 < nt ? in[i + 1].gaz : 9;
  uint64_t gm2 = i >= 2 ? in[i - 2].gaz : 8, gp2 = i + 2 < nt ? in[i + 2].gaz : 9;
  int title = (i >= 1 && in[i - 1].title) ? 1 : (i >= 2 && in[i - 2].title) ? 2 : 0;
#define NR_PUT(tm, a, b) (out[k++] = nr_bucket(m, nr_f((tm), (a), (b))))
  NR_PUT(NF_BIAS, 0, 0);
  NR_PUT(NF_WORD, t->w, 0);
  NR_PUT(NF_RAW, t->raw, 0);
  for (size_t l = 0; l < 4 && l < t->wn; l++) {
    NR_PUT((l < 3 ? NF_P1 + (unsigned)l : NF_P4), t->pre[l], 0);
    NR_PUT((l < 3 ? NF_S1 + (unsigned)l : NF_S4), t->suf[l], 0);
  }
  NR_PUT(NF_SHAPE, t->sh, 0);
  NR_PUT(NF_LEN, t->len, 0);
  NR_PUT(NF_WM1, wm1, 0);
  NR_PUT(NF_WP1, wp1, 0);
  NR_PUT(NF_WM2, wm2, 0);
  NR_PUT(NF_WP2, wp2, 0);
  NR_PUT(NF_SHM1, sm1, 0);
  NR_PUT(NF_SHP1, sp1, 0);
  NR_PUT(NF_SH3, sm1 ^ (t->sh * 31), sp1);
  NR_PUT(NF_SHM2, sm2, 0);
  NR_PUT(NF_SHP2, sp2, 0);
  NR_PUT(NF_SH_M, sm1, t->sh);
  NR_PUT(NF_SH_P, t->sh, sp1);
  NR_PUT(NF_SHM2_3, sm2 ^ (sm1 * 31), t->sh);
  NR_PUT(NF_WM1_SH, wm1, t->sh);
  NR_PUT(NF_SH_WP1, t->sh, wp1);
  NR_PUT(NF_BI_M, wm1, t->w);
  NR_PUT(NF_BI_P, t->w, wp1);
  NR_PUT(NF_GAZ, t->gaz, 0);
  NR_PUT(NF_GAZM1, gm1, 0);
  NR_PUT(NF_GAZP1, gp1, 0);
  NR_PUT(NF_GAZ_SH, t->gaz, t->sh);
  NR_PUT(NF_GAZ_W, t->gaz, t->w);
  NR_PUT(NF_GAZM2, gm2, 0);
  NR_PUT(NF_GAZP2, gp2, 0);
  NR_PUT(NF_GAZ3, gm1 * 16 + t->gaz, gp1);
  if (i >= 1 && in[i - 1].title) NR_PUT(NF_TITLE1, 0, 0);
  if (i >= 2 && in[i - 2].title) NR_PUT(NF_TITLE2, 0, 0);
  if (title) NR_PUT(NF_TITLE_SH, (uint64_t)title, t->sh);
  if (i == 0) NR_PUT(NF_FIRST, t->sh, 0);
  NR_PUT(NF_CL4, nr_clp(t, 4), 0);
  NR_PUT(NF_CL6, nr_clp(t, 6), 0);
  NR_PUT(NF_CL10, nr_clp(t, 10), 0);
  NR_PUT(NF_CLF, nr_clp(t, 32), 0);
  NR_PUT(NF_CLM1, i >= 1 ? nr_clp(&in[i - 1], 32) : NR_BOS, 0);
  NR_PUT(NF_CLP1, i + 1 < nt ? nr_clp(&in[i + 1], 32) : NR_EOS, 0);
  NR_PUT(NF_STYLE, (uint64_t)st, 0);
  NR_PUT(NF_STYLE_SH, (uint64_t)st, t->sh);
  NR_PUT(NF_STYLE_W, (uint64_t)st, t->w);
  NR_PUT(NF_CAP, t->cap, 0);
  NR_PUT(NF_CAP_SH, t->cap, t->sh);
  for (size_t l = 0; l < t->ntri; l++) NR_PUT(NF_TRI, t->tri[l], 0);
#undef NR_PUT
  return k;
}

/* The sentence is written all in lower case (NERP style). */
static int nr_lower_style(const wt_ner_sent *x) {
  for (size_t i = 0; i < x->nt; i++)
    for (uint32_t k = x->ts[i]; k < x->te[i]; k++)
      if (x->s[k] >= 'A' && x->s[k] <= 'Z') return 0;
  return 1;
}

size_t wt_ner_features(const wt_ner *m, const wt_ner_sent *x,
                       uint32_t (*out)[WT_NER_MAXF], uint8_t *nf) {
  nr_info in[WT_NER_MAXTOK];
  size_t nt = x->nt > WT_NER_MAXTOK ? WT_NER_MAXTOK : x->nt;
  int st = nr_lower_style(x);
  for (size_t i = 0; i < nt; i++) nr_info_of(m, x, i, &in[i]);
  for (size_t i = 0; i < nt; i++)
    nf[i] = (uint8_t)nr_feats(m, in, i, nt, st, out[i]);
  return nt;
}

/* ------------------------------------------------------------ decoding */

/* May tag b follow tag a (a == WT_NER_NTAG: sentence start)? */
static int nr_allowed(int a, int b) {
  if (b == WT_NER_O || (b & 1)) return 1; /* O or B-t */
  return a != WT_NER_NTAG && a != WT_NER_O && WT_NER_TYPE(a) == WT_NER_TYPE(b);
}

void wt_ner_viterbi(const float *em, const float *tr, size_t nt,
                    uint8_t *tags) {
  float sc[WT_NER_MAXTOK][WT_NER_NTAG];
  uint8_t bp[WT_NER_MAXTOK][WT_NER_NTAG];
  if (nt > WT_NER_MAXTOK) nt = WT_NER_MAXTOK;
  if (!nt) return;
  const float NEG = -1e30f;
  /* transitions with the forbidden ones at NEG: never chosen */
  float t2[(WT_NER_NTAG + 1) * WT_NER_NTAG];
  for (int a = 0; a <= WT_NER_NTAG; a++)
    for (int b = 0; b < WT_NER_NTAG; b++)
      t2[a * WT_NER_NTAG + b] =
          nr_allowed(a, b) ? tr[a * WT_NER_NTAG + b] : NEG;
  for (int b = 0; b < WT_NER_NTAG; b++) {
    float v = t2[WT_NER_NTAG * WT_NER_NTAG + b];
    sc[0][b] = v > NEG ? em[b] + v : NEG;
    bp[0][b] = 0;
  }
  for (size_t i = 1; i < nt; i++) {
    for (int b = 0; b < WT_NER_NTAG; b++) {
      float best = NEG;
      int arg = 0;
      for (int a = 0; a < WT_NER_NTAG; a++) {
        float v = sc[i - 1][a] + t2[a * WT_NER_NTAG + b];
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      sc[i][b] = best + em[i * WT_NER_NTAG + b];
      bp[i][b] = (uint8_t)arg;
    }
  }
  int b = 0;
  for (int t = 1; t < WT_NER_NTAG; t++)
    if (sc[nt - 1][t] > sc[nt - 1][b]) b = t;
  for (size_t i = nt; i-- > 0;) {
    tags[i] = (uint8_t)b;
    b = bp[i][b];
  }
}

void wt_ner_tag(const wt_ner *m, const wt_ner_sent *x, uint8_t *tags) {
  float em[WT_NER_MAXTOK * WT_NER_NTAG];
  nr_info in[WT_NER_MAXTOK];
  uint32_t f[NR_BLOCK][WT_NER_MAXF];
  uint8_t nf[NR_BLOCK];
  size_t nt = x->nt > WT_NER_MAXTOK ? WT_NER_MAXTOK : x->nt;
  int st = nr_lower_style(x);
  for (size_t i = 0; i < nt; i++) nr_info_of(m, x, i, &in[i]);
  /* a block's buckets are all requested before any is summed, so the
   * cache misses overlap */
  for (size_t b0 = 0; b0 < nt; b0 += NR_BLOCK) {
    size_t bn = nt - b0 < NR_BLOCK ? nt - b0 : NR_BLOCK;
    for (size_t i = 0; i < bn; i++) {
      nf[i] = (uint8_t)nr_feats(m, in, b0 + i, nt, st, f[i]);
      for (size_t j = 0; j < nf[i]; j++)
        __builtin_prefetch(m->w + (size_t)f[i][j] * NR_ROW);
    }
    for (size_t i = 0; i < bn; i++) {
      int32_t acc[NR_ROW] = {0};
      for (size_t j = 0; j < nf[i]; j++) {
        const int16_t *row = m->w + (size_t)f[i][j] * NR_ROW;
        for (int t = 0; t < NR_ROW; t++) acc[t] += row[t];
      }
      for (int t = 0; t < WT_NER_NTAG; t++)
        em[(b0 + i) * WT_NER_NTAG + t] = (float)acc[t] * m->scale;
    }
  }
  wt_ner_viterbi(em, m->tr, nt, tags);
}

/* ------------------------------------------------------------ model file */

static void nr_put32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t nr_get32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static float nr_getf(const unsigned char *p) {
  uint32_t v = nr_get32(p);
  float f;
  memcpy(&f, &v, sizeof f);
  return f;
}

static void nr_putf(unsigned char *p, float f) {
  uint32_t v;
  memcpy(&v, &f, sizeof v);
  nr_put32(p, v);
}

#define NR_HEAD (8 + 4 + 4 + 4 + 4 * (WT_NER_NTAG + 1) * WT_NER_NTAG + 4)

/* Weight w (float) as the int16 it is stored as, with scale. */
static int16_t nr_quant(float w, float scale) {
  float q = w / scale;
  long v = (long)(q < 0 ? q - 0.5f : q + 0.5f);
  if (v > 32767) v = 32767;
  if (v < -32767) v = -32767;
  return (int16_t)v;
}

int wt_ner_save(const wt_ner *m, const float *w, const float *tr,
                const char *path, char *err, size_t errlen) {
  size_t nb = wt_ner_buckets(m), nw = nb * WT_NER_NTAG;
  float mx = 0;
  for (size_t i = 0; i < nw; i++) {
    float a = w[i] < 0 ? -w[i] : w[i];
    if (a > mx) mx = a;
  }
  float scale = mx > 0 ? mx / 32767.0f : 1.0f;
  /* rows whose weights are all zero once stored are left out */
  size_t rows = 0;
  unsigned char *used = calloc(nb / 8, 1);
  for (size_t b = 0; used && b < nb; b++)
    for (int t = 0; t < WT_NER_NTAG; t++)
      if (nr_quant(w[b * WT_NER_NTAG + t], scale)) {
        used[b >> 3] |= (unsigned char)(1u << (b & 7));
        rows++;
        break;
      }
  size_t len = NR_HEAD + nb / 8 + rows * WT_NER_NTAG * 2;
  unsigned char *buf = used ? malloc(len) : NULL;
  if (!buf) {
    free(used);
    snprintf(err, errlen, "ner: out of memory");
    return -1;
  }
  memcpy(buf, NR_MAGIC, 8);
  nr_put32(buf + 8, (uint32_t)m->bits);
  nr_put32(buf + 12, WT_NER_NTAG);
  nr_putf(buf + 16, scale);
  for (int i = 0; i < (WT_NER_NTAG + 1) * WT_NER_NTAG; i++)
    nr_putf(buf + 20 + 4 * i, tr[i]);
  nr_put32(buf + NR_HEAD - 4, (uint32_t)rows);
  memcpy(buf + NR_HEAD, used, nb / 8);
  unsigned char *p = buf + NR_HEAD + nb / 8;
  for (size_t b = 0; b < nb; b++) {
    if (!(used[b >> 3] >> (b & 7) & 1)) continue;
    for (int t = 0; t < WT_NER_NTAG; t++, p += 2) {
      uint16_t u = (uint16_t)nr_quant(w[b * WT_NER_NTAG + t], scale);
      p[0] = (unsigned char)u;
      p[1] = (unsigned char)(u >> 8);
    }
  }
  FILE *f = fopen(path, "wb");
  int ok = f && fwrite(buf, 1, len, f) == len;
  if (f && fclose(f) != 0) ok = 0;
  free(buf);
  free(used);
  if (!ok) {
    snprintf(err, errlen, "ner: cannot write %s", path);
    return -1;
  }
  return 0;
}

static wt_ner *nr_load(char *err, size_t errlen) {
  char path[4096], *buf = NULL;
  size_t len = 0;
  wt_data_path(path, sizeof path, WT_NER_FILE);
  if (wt_read_file(path, (size_t)64 << 20, &buf, &len, err, errlen) != 0)
    return NULL;
  const unsigned char *p = (const unsigned char *)buf;
  uint32_t bits = len >= NR_HEAD ? nr_get32(p + 8) : 0;
  size_t nb = (size_t)1 << (bits <= NR_MAX_BITS ? bits : 0);
  size_t rows = len >= NR_HEAD ? nr_get32(p + NR_HEAD - 4) : 0;
  size_t set = 0;
  if (len >= NR_HEAD + nb / 8 && bits >= 8 && bits <= NR_MAX_BITS)
    for (size_t i = 0; i < nb / 8; i++)
      set += (size_t)__builtin_popcount(p[NR_HEAD + i]);
  if (len < NR_HEAD || memcmp(p, NR_MAGIC, 8) != 0 || bits < 8 ||
      bits > NR_MAX_BITS || nr_get32(p + 12) != WT_NER_NTAG || set != rows ||
      len != NR_HEAD + nb / 8 + rows * WT_NER_NTAG * 2) {
    snprintf(err, errlen, "ner: %.300s is not a tagger model", path);
    free(buf);
    return NULL;
  }
  wt_ner *m = wt_ner_new((int)bits, err, errlen);
  if (!m) {
    free(buf);
    return NULL;
  }
  m->scale = nr_getf(p + 16);
  for (int i = 0; i < (WT_NER_NTAG + 1) * WT_NER_NTAG; i++)
    m->tr[i] = nr_getf(p + 20 + 4 * i);
  const unsigned char *used = p + NR_HEAD, *q = used + nb / 8;
  for (size_t b = 0; b < nb; b++) {
    if (!(used[b >> 3] >> (b & 7) & 1)) continue;
    for (int t = 0; t < WT_NER_NTAG; t++, q += 2)
      m->w[b * NR_ROW + t] = (int16_t)(uint16_t)(q[0] | q[1] << 8);
  }
  free(buf);
  return m;
}

static pthread_once_t nr_once = PTHREAD_ONCE_INIT;
static wt_ner *nr_model;
static char nr_err[512];

static void nr_init(void) {
  nr_model = nr_load(nr_err, sizeof nr_err);
}

const wt_ner *wt_ner_get(char *err, size_t errlen) {
  pthread_once(&nr_once, nr_init);
  if (!nr_model) snprintf(err, errlen, "%s", nr_err);
  return nr_model;
}

/* ------------------------------------------------------------ gazetteer */

static uint8_t nr_gaz_type(const wt_extract_res *r, int32_t al) {
  int t = r->ents[r->aliases[al].ent].type;
  return t >= WT_ENT_PERSON && t <= WT_ENT_PLACE ? (uint8_t)(t - 1) : 0xFF;
}

void wt_ner_gaz_tags(const wt_extract_res *r, const char *s, size_t n,
                     const uint32_t *ts, const uint32_t *te, size_t nt,
                     uint8_t *gaz) {
  memset(gaz, WT_NER_O, nt);
  for (size_t i = 0; i < nt; i++) {
    if (!x_word_at(s, n, ts[i]) || x_in_url(s, n, ts[i])) continue;
    int32_t al;
    size_t e = x_gaz_match(r, s, n, ts[i], &al);
    if (!e || (e < n && s[e] == '$')) continue;
    size_t j = i;
    while (j < nt && te[j] < e) j++;
    if (j >= nt || te[j] != e) continue;
    uint8_t t = nr_gaz_type(r, al);
    if (t != 0xFF)
      for (size_t k = i; k <= j; k++)
        gaz[k] = (uint8_t)(k == i ? WT_NER_B(t) : WT_NER_I(t));
    i = j;
  }
}

/* ------------------------------------------------------------ mentions */


/* Is token k one word of trie t? */
static int nr_in(const x_ctx *c, const x_trie *t, size_t k) {
  return x_tok_match(c, t, k, NULL) == k + 1;
}

/* Is token k a word in lower case (no capital letter)? */
static int nr_lower_tok(const x_ctx *c, size_t k) {
  for (uint32_t i = c->t[k].s; i < c->t[k].e; i++)
    if (c->s[i] >= 'A' && c->s[i] <= 'Z') return 0;
  return 1;
}

/* Where a name may open: not at punctuation, a not-name ("The", "Lalu"),
 * a title the title rule used ("Presiden Prabowo", "Farmer Joko Susilo")
 * or, when lower = 1, a lower-case word.  Returns the first token kept. */
static size_t nr_skip_head(const x_ctx *c, size_t a, size_t b, int lower) {
  while (a < b) {
    size_t e = a + 1;
    if (c->t[a].kind == XK_WORD && !(c->t[a].flags & XF_USED) &&
        !nr_in(c, &c->r->not_names, a) && !(lower && nr_lower_tok(c, a))) {
      e = x_tok_match(c, &c->r->titles, a, NULL);
      if (e == a || e > b) break;
    }
    a = e;
  }
  return a;
}

/* May a name close with token k?  Not at punctuation, a not-name or, when
 * lower = 1, a lower-case word ("Macron said"); numbers may ("Windows
 * 10"). */
static int nr_bad_tail(const x_ctx *c, size_t k, int lower) {
  return c->t[k].kind == XK_PUNCT || nr_in(c, &c->r->not_names, k) ||
         (lower && c->t[k].kind == XK_WORD && nr_lower_tok(c, k));
}

/* Does the article already name a person (or an unknown name) of which
 * text is the first or last part ("Lopez" of "Maria Lopez")?  Then the
 * span is a short form for alias.c to link, typed as that name. */
static int nr_short_form(const x_ctx *c, const char *text) {
  const wt_doc *d = c->d;
  size_t n = strlen(text);
  for (size_t i = 0; i < d->entities.n; i++) {
    const wt_entity *e = &d->entities.v[i];
    size_t m = e->name ? strlen(e->name) : 0;
    if (m <= n || (e->type != WT_ENT_PERSON &&
                   (e->type != WT_ENT_MISC || c->egaz.v[i] >= 0)))
      continue;
    if ((strncasecmp(e->name, text, n) == 0 && e->name[n] == ' ') ||
        (strncasecmp(e->name + m - n, text, n) == 0 &&
         e->name[m - n - 1] == ' '))
      return 1;
  }
  return 0;
}

/* Place a tagged span [a, b) of type t (0..2) unless a stronger mention
 * overlaps it.  The span is first cut to a name's edges (titles, not-names
 * and lower-case words off the ends) and joined with hyphenated parts
 * ("Choi Dong-hyun").  0, or
 * -1 when the arena is full. */
static int nr_place(x_ctx *c, size_t a, size_t b, int t, int cased) {
  /* lower-case words open or close no person's name, nor any name in
   * English; Indonesian places and organisations may have a lower-case
   * head or tail ("desa Kramas", "Kalianda resort") */
  int lower = cased && (t == 0 || c->en);
  a = nr_skip_head(c, a, b, lower);
  while (b > a && nr_bad_tail(c, b - 1, lower)) b--;
  /* a country before a person's name qualifies a title ("Menlu RI
   * Sugiono", "Menlu AS Marco Rubio"): no part of the name */
  while (t == 0 && b - a > 1 && c->t[a].men >= 0 &&
         c->t[a + 1].men != c->t[a].men &&
         c->d->mentions.v[c->t[a].men].entity >= 0 &&
         (x_ent_tags(c, c->d->mentions.v[c->t[a].men].entity) & XT_COUNTRY))
    a++;
  if (a >= b) return 0;
  /* two persons joined by a hyphen, two words or more each ("Andika
   * Perkasa-Hendrar Prihadi", a ticket): two names */
  for (size_t k = a + 2; t == 0 && k + 2 < b; k++)
    if (c->t[k].kind == XK_PUNCT && c->s[c->t[k].s] == '-' &&
        c->t[k].s == c->t[k - 1].e && c->t[k + 1].s == c->t[k].e &&
        (c->t[k - 1].flags & XF_CAP) && (c->t[k + 1].flags & XF_CAP) &&
        c->t[k - 2].kind == XK_WORD && c->t[k + 2].kind == XK_WORD) {
      if (nr_place(c, a, k, t, cased) < 0) return -1;
      return nr_place(c, k + 1, b, t, cased);
    }
  b = x_name_word_end(c, a, b - 1);
  /* a nationality word is its country; a lone title, role or cue word
   * capitalised at a sentence's start ("Opposition", "Justice") no name */
  int dm = x_demonym_mention(c, a, b);
  if (dm) return dm < 0 ? -1 : 0;
  if (b - a == 1 && (nr_in(c, &c->r->titles, a) ||
                     nr_in(c, &c->r->role_words, a) ||
                     nr_in(c, &c->r->org_cues, a)))
    return 0;
  wt_doc *d = c->d;
  int32_t inner = -1; /* the one single-word gazetteer mention inside */
  int n_inner = 0;
  int32_t beaten[4]; /* organisation-cue mentions the span replaces */
  int n_beaten = 0;
  for (size_t k = a; k < b; k++) {
    const x_tok *tk = &c->t[k];
    if (tk->flags & (XF_USED | XF_URL)) return 0;
    if (tk->men < 0) continue;
    const wt_mention *mm = &d->mentions.v[tk->men];
    if (mm->how == WT_MEN_RULE && t == 1 && mm->entity >= 0 &&
        d->entities.v[mm->entity].type == WT_ENT_ORG) {
      /* an organisation the cue rule cut otherwise: the tagger's edges
       * win ("Kementerian Pertahanan" against a cue run that swallowed
       * the next words); the same edges keep the rule's */
      size_t ma = k, mb = k + 1;
      while (ma > 0 && c->t[ma - 1].men == tk->men) ma--;
      while (mb < c->nt && c->t[mb].men == tk->men) mb++;
      if ((ma == a && mb == b) || n_beaten == 4) return 0;
      beaten[n_beaten++] = tk->men;
      k = mb - 1;
      continue;
    }
    if (mm->how != WT_MEN_GAZ || mm->entity < 0) return 0;
    /* the gazetteer mention must lie inside the span and be one word */
    if ((k > 0 && c->t[k - 1].men == tk->men) ||
        (k + 1 < c->nt && c->t[k + 1].men == tk->men))
      return 0;
    if (b - a == 1) {
      /* the same single word: the gazetteer's, unless the tagger reads a
       * place as an organisation or the reverse ("Barcelona" the club) */
      int gt = d->entities.v[mm->entity].type;
      if (!((gt == WT_ENT_PLACE && t == 1) || (gt == WT_ENT_ORG && t == 2)) ||
          (x_ent_tags(c, mm->entity) & (XT_MEDIA | XT_COUNTRY)))
        return 0;
    }
    inner = tk->men;
    n_inner++;
  }
  int32_t ent = -1;
  wt_ent_type type = (wt_ent_type)(t + 1);
  if (n_inner == 1 && d->entities.v[d->mentions.v[inner].entity].type == type)
    ent = d->mentions.v[inner].entity; /* "Kabupaten Pati" -> Pati */
  if (ent < 0) {
    char *name = x_span_text(c, c->t[a].s, c->t[b - 1].e);
    if (!name) return -1;
    if (nr_short_form(c, name)) type = WT_ENT_PERSON;
    char *id = wt_arena_printf(d->arena, "x:%s", name);
    if (!id) return -1;
    ent = x_entity(c, -1, id, name, type);
    if (ent < 0) return -1;
  }
  for (int i = 0; i < n_beaten; i++) { /* free all their tokens */
    d->mentions.v[beaten[i]].entity = -1;
    for (size_t k = 0; k < c->nt; k++)
      if (c->t[k].men == beaten[i]) c->t[k].men = -1;
  }
  for (size_t k = a; k < b; k++)
    if (c->t[k].men >= 0) d->mentions.v[c->t[k].men].entity = -1;
  return x_mention(c, (uint32_t)a, (uint32_t)b, ent, WT_MEN_RULE) < 0 ? -1
                                                                       : 0;
}

/* Gazetteer evidence of token k from the mentions found so far. */
static uint8_t nr_gaz_of(const x_ctx *c, size_t k) {
  int32_t mi = c->t[k].men;
  if (mi < 0) return WT_NER_O;
  const wt_mention *mm = &c->d->mentions.v[mi];
  if (mm->how != WT_MEN_GAZ || mm->entity < 0) return WT_NER_O;
  int t = c->d->entities.v[mm->entity].type;
  if (t < WT_ENT_PERSON || t > WT_ENT_PLACE) return WT_NER_O;
  int first = k == 0 || c->t[k - 1].men != mi;
  return (uint8_t)(first ? WT_NER_B(t - 1) : WT_NER_I(t - 1));
}

/* A gazetteer name of one word written in lower-case letters only, which
 * the tagger reads as no name, is the common word ("di antara", "yang
 * bernama"; the agencies are written "Antara", "Bernama"): its mention
 * goes. */
static void nr_drop_common(x_ctx *c, size_t k) {
  int32_t mi = c->t[k].men;
  if (mi < 0 || c->d->mentions.v[mi].how != WT_MEN_GAZ ||
      (k > 0 && c->t[k - 1].men == mi) ||
      (k + 1 < c->nt && c->t[k + 1].men == mi))
    return;
  for (uint32_t i = c->t[k].s; i < c->t[k].e; i++)
    if (c->s[i] < 'a' || c->s[i] > 'z') return;
  c->d->mentions.v[mi].entity = -1;
  c->t[k].men = -1;
}

int x_ner_mentions(x_ctx *c) {
  static int warned;
  char err[512];
  const wt_ner *m = wt_ner_get(err, sizeof err);
  if (!m) {
    if (!__atomic_exchange_n(&warned, 1, __ATOMIC_RELAXED))
      fprintf(stderr, "warta: %s\n", err);
    return -1;
  }
  uint32_t ts[WT_NER_MAXTOK], te[WT_NER_MAXTOK];
  uint8_t gaz[WT_NER_MAXTOK], tags[WT_NER_MAXTOK];
  for (size_t q = 0; q < c->ns; q++) {
    size_t from = c->sent_tok[q], to = c->sent_tok[q + 1];
    for (size_t base = from; base < to; base += WT_NER_MAXTOK) {
      size_t nt = to - base < WT_NER_MAXTOK ? to - base : WT_NER_MAXTOK;
      for (size_t i = 0; i < nt; i++) {
        ts[i] = c->t[base + i].s;
        te[i] = c->t[base + i].e;
        gaz[i] = nr_gaz_of(c, base + i);
      }
      wt_ner_sent x = {c->s, ts, te, gaz, nt};
      wt_ner_tag(m, &x, tags);
      int cased = !nr_lower_style(&x);
      for (size_t i = 0; i < nt;) {
        if (tags[i] == WT_NER_O) {
          c->t[base + i].flags |= XF_TAGO;
          nr_drop_common(c, base + i);
          i++;
          continue;
        }
        int t = WT_NER_TYPE(tags[i]);
        size_t j = i + 1;
        while (j < nt && tags[j] == WT_NER_I(t)) j++;
        if (nr_place(c, base + i, base + j, t, cased) < 0) return -1;
        i = j;
      }
    }
  }
  return 0;
}
