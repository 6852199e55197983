/*
 * ner_train.c - trains the name tagger (src/extract/ner.c): an averaged
 * structured perceptron over BIO tags with the tagger's own hashed
 * features and Viterbi decoding, on token-per-line BIO files (IndoNLU
 * NERGrit / NERP format: token TAB label, blank line between sentences);
 * and builds the word clusters the tagger's features use.
 *
 *   ner_train [-b BITS] [-e EPOCHS] [-d HOLD] [-x FOLDS] [-p PATIENCE]
 *             [-r RUNS] -o MODEL TRAIN... [-v VALID...]
 *   ner_train -c CLUSTERS [-k CLASSES] [-m MINCOUNT] TEXT...
 *
 * Labels PERSON/PPL, ORGANISATION/IND, PLACE/PLC are learnt; anything
 * else (NERP's EVT, FNB) is O.  Sentences are joined with single spaces,
 * as the evaluation does, and the gazetteer evidence comes from the
 * extract gazetteer.  RUNS perceptrons are trained on different fixed
 * shuffles and their averaged weights averaged (deterministic).  Early
 * stopping: the train sentences fall into HOLD folds by a hash of their
 * text (a file listed twice keeps both copies in one fold); for each of
 * the first FOLDS folds, training on the others runs up to EPOCHS
 * epochs (the first fold stops after PATIENCE without gain and bounds the
 * rest) and scores the fold after each; the epoch count best over the
 * folds together is kept and the model trained on all the sentences for
 * it.  With -v, prints span-level exact-match P/R/F1 of the final model
 * on the validation files (reported only, never used to choose).
 *
 * With -c, writes word clusters of the TEXT files' tokens (labels
 * unused) instead; see the clusters section below.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "extract/extract.h"
#include "extract/ner.h"

#define NT WT_NER_NTAG

typedef struct tr_sent {
  size_t tok0, nt; /* into the corpus token arrays */
} tr_sent;

typedef struct tr_corpus {
  char *text; /* all sentence bodies, NUL-separated */
  size_t text_len, text_cap;
  uint32_t *ts, *te;  /* absolute offsets into text */
  uint8_t *gold, *gaz;
  size_t *f0;        /* per token: first feature in feats; n + 1 entries */
  uint32_t *feats;
  size_t n, cap, nf, fcap;
  tr_sent *sents;
  size_t ns, scap;
  size_t *body0; /* per sentence: start of its body in text */
  uint8_t *src;   /* per sentence: its input file (first of equal paths) */
} tr_corpus;

static void *tr_grow(void *p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap : 1024;
  while (c < need) c *= 2;
  p = realloc(p, c * size);
  if (!p) {
    fprintf(stderr, "ner_train: out of memory\n");
    exit(1);
  }
  *cap = c;
  return p;
}

static int tr_label(const char *lab) {
  static const char *const names[3][2] = {
      {"PERSON", "PPL"}, {"ORGANISATION", "IND"}, {"PLACE", "PLC"}};
  if (strlen(lab) < 3 || (lab[0] != 'B' && lab[0] != 'I')) return WT_NER_O;
  for (int t = 0; t < 3; t++)
    for (int k = 0; k < 2; k++)
      if (strcmp(lab + 2, names[t][k]) == 0)
        return lab[0] == 'B' ? WT_NER_B(t) : WT_NER_I(t);
  return WT_NER_O;
}

/* Room for one more token in the parallel token arrays. */
static void tr_tok_room(tr_corpus *c) {
  if (c->n < c->cap) return;
  size_t cap = c->cap ? c->cap * 2 : 4096;
  c->ts = realloc(c->ts, cap * sizeof *c->ts);
  c->te = realloc(c->te, cap * sizeof *c->te);
  c->gold = realloc(c->gold, cap);
  c->gaz = realloc(c->gaz, cap);
  if (!c->ts || !c->te || !c->gold || !c->gaz) {
    fprintf(stderr, "ner_train: out of memory\n");
    exit(1);
  }
  c->cap = cap;
}

/* Close the sentence of tokens [tok0, n) whose body starts at body. */
static void tr_close(tr_corpus *c, size_t tok0, size_t body, int src) {
  c->text = tr_grow(c->text, &c->text_cap, c->text_len + 1, 1);
  c->text[c->text_len++] = '\0';
  size_t scap = c->scap, scap2 = c->scap;
  c->sents = tr_grow(c->sents, &c->scap, c->ns + 1, sizeof *c->sents);
  c->body0 = tr_grow(c->body0, &scap, c->ns + 1, sizeof *c->body0);
  c->src = tr_grow(c->src, &scap2, c->ns + 1, 1);
  c->sents[c->ns] = (tr_sent){tok0, c->n - tok0};
  c->src[c->ns] = (uint8_t)src;
  c->body0[c->ns++] = body;
}

/* Read one BIO file into the corpus; its sentences are marked src. */
static int tr_read(tr_corpus *c, const char *path, int src) {
  char *buf, err[512];
  size_t len;
  if (wt_read_file(path, (size_t)1 << 28, &buf, &len, err, sizeof err) != 0) {
    fprintf(stderr, "ner_train: %s\n", err);
    return -1;
  }
  size_t tok0 = c->n, body = c->text_len;
  char *line = buf, *end = buf + len;
  for (;;) {
    char *nl = line < end ? memchr(line, '\n', (size_t)(end - line)) : NULL;
    char *le = nl ? nl : end;
    char *tab = line < end ? memchr(line, '\t', (size_t)(le - line)) : NULL;
    if (tab && tab > line && c->n - tok0 < WT_NER_MAXTOK) {
      size_t wl = (size_t)(tab - line);
      c->text = tr_grow(c->text, &c->text_cap, c->text_len + wl + 2, 1);
      if (c->n > tok0) c->text[c->text_len++] = ' ';
      tr_tok_room(c);
      c->ts[c->n] = (uint32_t)c->text_len;
      memcpy(c->text + c->text_len, line, wl);
      c->text_len += wl;
      c->te[c->n] = (uint32_t)c->text_len;
      char lab[64];
      size_t ll = (size_t)(le - tab - 1);
      if (ll && tab[ll] == '\r') ll--;
      if (ll >= sizeof lab) ll = sizeof lab - 1;
      memcpy(lab, tab + 1, ll);
      lab[ll] = '\0';
      int g = tr_label(lab);
      /* an I- after another type or O opens a span */
      if (g && !(g & 1)) {
        int prev = c->n > tok0 ? c->gold[c->n - 1] : WT_NER_O;
        if (prev == WT_NER_O || WT_NER_TYPE(prev) != WT_NER_TYPE(g)) g--;
      }
      c->gold[c->n++] = (uint8_t)g;
    } else if (!tab && c->n > tok0) {
      tr_close(c, tok0, body, src);
      tok0 = c->n;
      body = c->text_len;
    }
    if (!nl) break;
    line = nl + 1;
  }
  if (c->n > tok0) tr_close(c, tok0, body, src);
  free(buf);
  return 0;
}

/* Sentence view with offsets relative to its body. */
static void tr_view(const tr_corpus *c, size_t si, uint32_t *ts, uint32_t *te,
                    wt_ner_sent *x) {
  const tr_sent *s = &c->sents[si];
  uint32_t b = (uint32_t)c->body0[si];
  for (size_t i = 0; i < s->nt; i++) {
    ts[i] = c->ts[s->tok0 + i] - b;
    te[i] = c->te[s->tok0 + i] - b;
  }
  x->s = c->text + b;
  x->ts = ts;
  x->te = te;
  x->gaz = c->gaz + s->tok0;
  x->nt = s->nt;
}

/* Gazetteer evidence and features of every token. */
static void tr_prepare(tr_corpus *c, const wt_ner *m,
                       const wt_extract_res *x) {
  uint32_t ts[WT_NER_MAXTOK], te[WT_NER_MAXTOK];
  static uint32_t f[WT_NER_MAXTOK][WT_NER_MAXF];
  uint8_t nf[WT_NER_MAXTOK];
  c->f0 = malloc((c->n + 1) * sizeof *c->f0);
  for (size_t si = 0; si < c->ns; si++) {
    wt_ner_sent v;
    tr_view(c, si, ts, te, &v);
    const char *body = v.s;
    wt_ner_gaz_tags(x, body, strlen(body), ts, te, v.nt,
                    c->gaz + c->sents[si].tok0);
    wt_ner_features(m, &v, f, nf);
    for (size_t i = 0; i < v.nt; i++) {
      size_t k = nf[i];
      c->feats = tr_grow(c->feats, &c->fcap, c->nf + k, sizeof *c->feats);
      c->f0[c->sents[si].tok0 + i] = c->nf;
      memcpy(c->feats + c->nf, f[i], k * sizeof *f[i]);
      c->nf += k;
    }
  }
  c->f0[c->n] = c->nf;
}

/* Tag sentence si into out; returns its emission scores [nt][NT] (valid
 * until the next call). */
static const float *tr_decode(const tr_corpus *c, size_t si, const float *w,
                              const float *tr, uint8_t *out) {
  static float em[WT_NER_MAXTOK * NT];
  const tr_sent *s = &c->sents[si];
  for (size_t i = 0; i < s->nt; i++) {
    float *e = em + i * NT;
    memset(e, 0, NT * sizeof *e);
    size_t tok = s->tok0 + i;
    for (size_t j = c->f0[tok]; j < c->f0[tok + 1]; j++) {
      const float *row = w + (size_t)c->feats[j] * NT;
      for (int t = 0; t < NT; t++) e[t] += row[t];
    }
  }
  wt_ner_viterbi(em, tr, s->nt, out);
  return em;
}

/* Spans of a tag sequence: (start, end, type) triples; returns the count. */
static size_t tr_spans(const uint8_t *tags, size_t nt, int (*sp)[3]) {
  size_t k = 0;
  for (size_t i = 0; i < nt;) {
    if (!tags[i]) {
      i++;
      continue;
    }
    int t = WT_NER_TYPE(tags[i]);
    size_t j = i + 1;
    while (j < nt && tags[j] == WT_NER_I(t)) j++;
    sp[k][0] = (int)i;
    sp[k][1] = (int)j;
    sp[k][2] = t;
    k++;
    i = j;
  }
  return k;
}

#define TR_NSRC 8 /* input files told apart in the scores */
#define TR_MAXR 8 /* models averaged */

/* Span counts (exact match) per type: person, org, place. */
typedef struct tr_score {
  long tp[3], fp[3], fn[3];
} tr_score;

/* Adds the span counts of the sentences sel[0..nsel) (all when sel is
 * NULL) to sc[their input file]. */
static void tr_count(const tr_corpus *c, const size_t *sel, size_t nsel,
                     const float *w, const float *tr, tr_score *sc) {
  uint8_t pred[WT_NER_MAXTOK];
  int gs[WT_NER_MAXTOK][3], ps[WT_NER_MAXTOK][3];
  if (!sel) nsel = c->ns;
  for (size_t k = 0; k < nsel; k++) {
    size_t si = sel ? sel[k] : k;
    tr_score *s = &sc[c->src[si]];
    tr_decode(c, si, w, tr, pred);
    size_t ng = tr_spans(c->gold + c->sents[si].tok0, c->sents[si].nt, gs);
    size_t np = tr_spans(pred, c->sents[si].nt, ps);
    for (size_t i = 0; i < np; i++) {
      int hit = 0;
      for (size_t j = 0; j < ng && !hit; j++)
        hit = !memcmp(ps[i], gs[j], sizeof ps[i]);
      if (hit) s->tp[ps[i][2]]++;
      else s->fp[ps[i][2]]++;
    }
    for (size_t j = 0; j < ng; j++) {
      int hit = 0;
      for (size_t i = 0; i < np && !hit; i++)
        hit = !memcmp(ps[i], gs[j], sizeof ps[i]);
      if (!hit) s->fn[gs[j][2]]++;
    }
  }
}

/* Sum of the scores sc[0..n). */
static tr_score tr_sum(const tr_score *sc, int n) {
  tr_score a = {{0}, {0}, {0}};
  for (int i = 0; i < n; i++)
    for (int t = 0; t < 3; t++) {
      a.tp[t] += sc[i].tp[t];
      a.fp[t] += sc[i].fp[t];
      a.fn[t] += sc[i].fn[t];
    }
  return a;
}

/* F1 of type t of a score, or of all types when t < 0; P and R to p, r. */
static double tr_f1(const tr_score *s, int t, double *p, double *r) {
  long a = 0, b = 0, d = 0;
  for (int k = 0; k < 3; k++) {
    if (t >= 0 && k != t) continue;
    a += s->tp[k];
    b += s->fp[k];
    d += s->fn[k];
  }
  *p = a + b ? (double)a / (double)(a + b) : 0;
  *r = a + d ? (double)a / (double)(a + d) : 0;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* One line: F1 per type, then P / R / F1 of all. */
static void tr_print(const char *label, const tr_score *s) {
  static const char *const names[3] = {"person", "org", "place"};
  double p, r;
  printf("  %s:", label);
  for (int t = 0; t < 3; t++) printf(" %s %.3f", names[t], tr_f1(s, t, &p, &r));
  double f = tr_f1(s, -1, &p, &r);
  printf("  all P %.3f R %.3f F1 %.3f\n", p, r, f);
}

/* The averaged perceptron's state. */
typedef struct tr_model {
  float *w, *avg; /* [buckets][NT]: weights and their averages */
  double *u;       /* time-weighted sums of the updates */
  float tr[(NT + 1) * NT], atr[(NT + 1) * NT];
  double utr[(NT + 1) * NT];
  size_t nw;
  double cnt;
  uint64_t rng;
} tr_model;

/* Zero weights; seed picks the shuffles. */
static void tr_reset(tr_model *M, unsigned seed) {
  memset(M->w, 0, M->nw * sizeof *M->w);
  memset(M->u, 0, M->nw * sizeof *M->u);
  memset(M->tr, 0, sizeof M->tr);
  memset(M->utr, 0, sizeof M->utr);
  M->cnt = 1;
  M->rng = 0x9e3779b97f4a7c15ULL + seed * 0xbf58476d1ce4e5b9ULL;
}

/* One epoch over the sentences order[0..n) (shuffled in place, fixed
 * generator), then the averages; returns the sentences tagged wrong. */
static size_t tr_epoch(const tr_corpus *c, tr_model *M, size_t *order,
                       size_t n) {
  uint8_t pred[WT_NER_MAXTOK];
  for (size_t i = n; i > 1; i--) { /* Fisher-Yates, xorshift */
    M->rng ^= M->rng << 13;
    M->rng ^= M->rng >> 7;
    M->rng ^= M->rng << 17;
    size_t j = (size_t)(M->rng % i), t = order[i - 1];
    order[i - 1] = order[j];
    order[j] = t;
  }
  size_t errs = 0;
  float *w = M->w, *tr = M->tr;
  double *u = M->u, *utr = M->utr;
  for (size_t oi = 0; oi < n; oi++, M->cnt++) {
    double cnt = M->cnt;
    size_t si = order[oi];
    const tr_sent *s = &c->sents[si];
    const uint8_t *gold = c->gold + s->tok0;
    tr_decode(c, si, w, tr, pred);
    if (!memcmp(pred, gold, s->nt)) continue;
    errs++;
    for (size_t i = 0; i < s->nt; i++) {
      int g = gold[i], p = pred[i];
      int gp = i ? gold[i - 1] : NT, pp = i ? pred[i - 1] : NT;
      if (g != p || gp != pp) { /* the transitions differ */
        tr[gp * NT + g] += 1;
        utr[gp * NT + g] += cnt;
        tr[pp * NT + p] -= 1;
        utr[pp * NT + p] -= cnt;
      }
      if (g == p) continue;
      size_t tok = s->tok0 + i;
      for (size_t j = c->f0[tok]; j < c->f0[tok + 1]; j++) {
        size_t r = (size_t)c->feats[j] * NT;
        w[r + g] += 1;
        u[r + g] += cnt;
        w[r + p] -= 1;
        u[r + p] -= cnt;
      }
    }
  }
  for (size_t i = 0; i < M->nw; i++) M->avg[i] = (float)(w[i] - u[i] / M->cnt);
  for (size_t i = 0; i < (NT + 1) * NT; i++)
    M->atr[i] = (float)(tr[i] - utr[i] / M->cnt);
  return errs;
}

/* R perceptrons trained on the same sentences in different shuffles; the
 * tagger's weights are the mean of their averaged weights (R = 1: the
 * one model's). */
typedef struct tr_ens {
  tr_model M[TR_MAXR];
  size_t *order[TR_MAXR];
  int R;
  float *avg, *atr; /* the mean */
  float atr_buf[(NT + 1) * NT];
} tr_ens;

static int tr_ens_init(tr_ens *E, int R, size_t nw, size_t ns) {
  memset(E, 0, sizeof *E);
  E->R = R;
  for (int r = 0; r < R; r++) {
    tr_model *M = &E->M[r];
    M->nw = nw;
    M->w = calloc(nw, sizeof *M->w);
    M->u = calloc(nw, sizeof *M->u);
    M->avg = malloc(nw * sizeof *M->avg);
    E->order[r] = malloc(ns * sizeof *E->order[r]);
    if (!M->w || !M->u || !M->avg || !E->order[r]) return -1;
  }
  E->avg = R > 1 ? malloc(nw * sizeof *E->avg) : E->M[0].avg;
  E->atr = R > 1 ? E->atr_buf : E->M[0].atr;
  return E->avg ? 0 : -1;
}

static void tr_ens_free(tr_ens *E) {
  for (int r = 0; r < E->R; r++) {
    free(E->M[r].w);
    free(E->M[r].u);
    free(E->M[r].avg);
    free(E->order[r]);
  }
  if (E->R > 1) free(E->avg);
}

/* Start all over on the sentences sel[0..n). */
static void tr_ens_start(tr_ens *E, const size_t *sel, size_t n) {
  for (int r = 0; r < E->R; r++) {
    tr_reset(&E->M[r], (unsigned)r);
    memcpy(E->order[r], sel, n * sizeof *sel);
  }
}

/* One epoch of every model over n sentences, then the mean; returns the
 * sentences the first model tagged wrong. */
static size_t tr_ens_epoch(const tr_corpus *c, tr_ens *E, size_t n) {
  size_t errs = 0;
  for (int r = 0; r < E->R; r++) {
    size_t e = tr_epoch(c, &E->M[r], E->order[r], n);
    if (!r) errs = e;
  }
  if (E->R == 1) return errs;
  size_t nw = E->M[0].nw;
  for (size_t i = 0; i < nw; i++) {
    float a = 0;
    for (int r = 0; r < E->R; r++) a += E->M[r].avg[i];
    E->avg[i] = a / (float)E->R;
  }
  for (size_t i = 0; i < (NT + 1) * NT; i++) {
    float a = 0;
    for (int r = 0; r < E->R; r++) a += E->M[r].atr[i];
    E->atr[i] = a / (float)E->R;
  }
  return errs;
}

/* ------------------------------------------------------------ word clusters
 *
 * Words (wt_ner_word_key) occurring at least MINCOUNT times in the token
 * column of the files are put into CLASSES classes by the exchange
 * algorithm: each word in turn moves to the class that most raises the
 * likelihood of a class bigram model (sentence boundaries and the rarer
 * words are two more classes that never change), until a pass moves
 * almost nothing.  The classes are then merged two at a time, always the
 * pair whose merge loses the least likelihood, into a binary tree; a
 * word's cluster is its class's path from the root (0 first child, 1
 * second), so a prefix of the path is a coarser cluster.  The likelihood
 * of counts N(a,b) is sum F(N(a,b)) - sum F(N(a,.)) - sum F(N(.,b)) with
 * F(x) = x ln x.  Each word's line also counts its occurrences inside
 * cased sentences (any capital letter; NERP's are all lower case), not
 * first, and how many of them are capitalised: how the word is written
 * where case carries information. */

typedef struct cl_pair {
  uint32_t a, b, n;
} cl_pair;

static const char *cl_key; /* for the sort comparators */
static const uint32_t *cl_koff, *cl_cnt;

static int cl_key_cmp(const void *x, const void *y) {
  return strcmp(cl_key + cl_koff[*(const uint32_t *)x],
                cl_key + cl_koff[*(const uint32_t *)y]);
}

/* Types: most frequent first, then by bytes. */
static int cl_type_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (cl_cnt[a] != cl_cnt[b]) return cl_cnt[a] > cl_cnt[b] ? -1 : 1;
  return strcmp(cl_key + cl_koff[a], cl_key + cl_koff[b]);
}

static int cl_pair_ab(const void *x, const void *y) {
  const cl_pair *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

static int cl_pair_ba(const void *x, const void *y) {
  const cl_pair *p = x, *q = y;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return p->a < q->a ? -1 : p->a > q->a;
}

static void *cl_alloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) {
    fprintf(stderr, "ner_train: out of memory\n");
    exit(1);
  }
  return p;
}

/* Merge loss terms of classes c, d against class h (rows and columns). */
static double cl_term(const int32_t *N, size_t S, const double *F, size_t c,
                      size_t d, size_t h) {
  return F[N[c * S + h] + N[d * S + h]] - F[N[c * S + h]] - F[N[d * S + h]] +
         F[N[h * S + c] + N[h * S + d]] - F[N[h * S + c]] - F[N[h * S + d]];
}

/* Likelihood change of merging classes c and d (c != d), of S slots. */
static double cl_merge_gain(const int32_t *N, const int64_t *Nl,
                            const int64_t *Nr, size_t S, const double *F,
                            size_t c, size_t d) {
  double g = 0;
  for (size_t h = 0; h < S; h++)
    if (h != c && h != d) g += cl_term(N, S, F, c, d, h);
  int32_t cc = N[c * S + c], cd = N[c * S + d], dc = N[d * S + c],
          dd = N[d * S + d];
  g += F[cc + cd + dc + dd] - F[cc] - F[cd] - F[dc] - F[dd];
  g -= F[Nl[c] + Nl[d]] - F[Nl[c]] - F[Nl[d]];
  g -= F[Nr[c] + Nr[d]] - F[Nr[c]] - F[Nr[d]];
  return g;
}

/* Write the path of tree node v (leaves 0..K-1 are classes) into path
 * [0..depth) and record it for each leaf. */
static void cl_paths(const int32_t (*kid)[2], size_t K, size_t v, char *path,
                     size_t depth, char **leaf) {
  if (v < K) {
    path[depth] = '\0';
    leaf[v] = strdup(depth ? path : "0");
    if (!leaf[v]) exit(1);
    return;
  }
  for (int i = 0; i < 2; i++) {
    path[depth] = (char)('0' + i);
    cl_paths(kid, K, (size_t)kid[v - K][i], path, depth + 1, leaf);
  }
}

static int cl_build(const tr_corpus *c, size_t K, uint32_t mincount,
                    const char *out, const char *const *files, int nfiles) {
  double t0 = wt_now();
  /* 1. keys and types */
  size_t n = c->n;
  char *key = cl_alloc(n * (WT_NER_KEY + 1), 1);
  uint32_t *koff = cl_alloc(n, sizeof *koff), *ord = cl_alloc(n, sizeof *ord);
  size_t kl = 0;
  for (size_t i = 0; i < n; i++) {
    koff[i] = (uint32_t)kl;
    kl += wt_ner_word_key(c->text + c->ts[i], c->te[i] - c->ts[i], key + kl);
    key[kl++] = '\0';
    ord[i] = (uint32_t)i;
  }
  cl_key = key;
  cl_koff = koff;
  qsort(ord, n, sizeof *ord, cl_key_cmp);
  uint32_t *type = cl_alloc(n, sizeof *type);
  uint32_t *first = cl_alloc(n, sizeof *first), *cnt = cl_alloc(n, sizeof *cnt);
  size_t nty = 0;
  for (size_t i = 0; i < n; i++) {
    if (!i || strcmp(key + koff[ord[i]], key + koff[ord[i - 1]]) != 0)
      first[nty++] = ord[i];
    type[ord[i]] = (uint32_t)(nty - 1);
    cnt[nty - 1]++;
  }
  /* how often each type is written capitalised inside cased sentences
   * (not at their start) */
  uint32_t *mid = cl_alloc(nty, sizeof *mid);
  uint32_t *capn = cl_alloc(nty, sizeof *capn);
  for (size_t si = 0; si < c->ns; si++) {
    const tr_sent *st = &c->sents[si];
    int cased = 0;
    for (size_t k = 0; k < st->nt && !cased; k++)
      for (uint32_t b = c->ts[st->tok0 + k]; b < c->te[st->tok0 + k]; b++)
        if (c->text[b] >= 'A' && c->text[b] <= 'Z') cased = 1;
    for (size_t k = 1; cased && k < st->nt; k++) {
      size_t tk = st->tok0 + k;
      mid[type[tk]]++;
      capn[type[tk]] += c->text[c->ts[tk]] >= 'A' && c->text[c->ts[tk]] <= 'Z';
    }
  }
  /* koff/cnt indexed by type for the type sort */
  uint32_t *tkoff = cl_alloc(nty, sizeof *tkoff);
  uint32_t *tord = cl_alloc(nty, sizeof *tord);
  for (size_t t = 0; t < nty; t++) {
    tkoff[t] = koff[first[t]];
    tord[t] = (uint32_t)t;
  }
  cl_koff = tkoff;
  cl_cnt = cnt;
  qsort(tord, nty, sizeof *tord, cl_type_cmp);
  size_t V = 0; /* words clustered: ids 0..V-1; V = rarer, V + 1 = boundary */
  uint32_t *id = cl_alloc(nty, sizeof *id);
  for (size_t r = 0; r < nty; r++) id[tord[r]] = (uint32_t)nty;
  for (size_t r = 0; r < nty && cnt[tord[r]] >= mincount; r++)
    id[tord[r]] = (uint32_t)V++;
  const uint32_t RARE = (uint32_t)V, BND = (uint32_t)V + 1;
  /* 2. bigrams, boundaries included, as right lists and left lists */
  size_t np = 0;
  cl_pair *pr = cl_alloc(n + c->ns, sizeof *pr);
  for (size_t si = 0; si < c->ns; si++) {
    uint32_t prev = BND;
    for (size_t k = 0; k <= c->sents[si].nt; k++) {
      uint32_t w = BND;
      if (k < c->sents[si].nt) {
        w = id[type[c->sents[si].tok0 + k]];
        if (w >= V) w = RARE;
      }
      pr[np++] = (cl_pair){prev, w, 1};
      prev = w;
    }
  }
  qsort(pr, np, sizeof *pr, cl_pair_ab);
  size_t nu = 0;
  for (size_t i = 0; i < np; i++) {
    if (nu && pr[nu - 1].a == pr[i].a && pr[nu - 1].b == pr[i].b)
      pr[nu - 1].n++;
    else
      pr[nu++] = pr[i];
  }
  cl_pair *pl = cl_alloc(nu, sizeof *pl);
  memcpy(pl, pr, nu * sizeof *pl);
  qsort(pl, nu, sizeof *pl, cl_pair_ba);
  size_t *rs = cl_alloc(V + 3, sizeof *rs), *ls = cl_alloc(V + 3, sizeof *ls);
  for (size_t i = 0; i < nu; i++) {
    rs[pr[i].a + 1]++;
    ls[pl[i].b + 1]++;
  }
  for (size_t w = 0; w < V + 2; w++) {
    rs[w + 1] += rs[w];
    ls[w + 1] += ls[w];
  }
  /* 3. exchange: S = K + 2 class slots (K rarer, K + 1 boundary) */
  size_t S = K + 2;
  double *F = cl_alloc(np + 1, sizeof *F);
  for (size_t i = 1; i <= np; i++) F[i] = (double)i * log((double)i);
  uint32_t *cls = cl_alloc(V + 2, sizeof *cls);
  for (size_t w = 0; w < V; w++) cls[w] = (uint32_t)(w < K ? w : K - 1);
  cls[RARE] = (uint32_t)K;
  cls[BND] = (uint32_t)K + 1;
  int32_t *N = cl_alloc(S * S, sizeof *N);
  int64_t *Nl = cl_alloc(S, sizeof *Nl), *Nr = cl_alloc(S, sizeof *Nr);
  for (size_t i = 0; i < nu; i++) {
    N[cls[pr[i].a] * S + cls[pr[i].b]] += (int32_t)pr[i].n;
    Nl[cls[pr[i].a]] += pr[i].n;
    Nr[cls[pr[i].b]] += pr[i].n;
  }
  int64_t *rc = cl_alloc(S, sizeof *rc), *lc = cl_alloc(S, sizeof *lc);
  uint32_t *rh = cl_alloc(S, sizeof *rh), *lh = cl_alloc(S, sizeof *lh);
  for (int pass = 1; pass <= 40; pass++) {
    size_t moved = 0;
    for (size_t w = 0; w < V; w++) {
      size_t g = cls[w], nrh = 0, nlh = 0;
      int64_t self = 0, nlw = 0, nrw = 0;
      for (size_t j = rs[w]; j < rs[w + 1]; j++) {
        nlw += pr[j].n;
        if (pr[j].b == w) {
          self += pr[j].n;
          continue;
        }
        uint32_t h = cls[pr[j].b];
        if (!rc[h]) rh[nrh++] = h;
        rc[h] += pr[j].n;
      }
      for (size_t j = ls[w]; j < ls[w + 1]; j++) {
        nrw += pl[j].n;
        if (pl[j].a == w) continue;
        uint32_t h = cls[pl[j].a];
        if (!lc[h]) lh[nlh++] = h;
        lc[h] += pl[j].n;
      }
      /* take w out of g */
      for (size_t j = 0; j < nrh; j++)
        N[g * S + rh[j]] -= (int32_t)rc[rh[j]];
      for (size_t j = 0; j < nlh; j++)
        N[lh[j] * S + g] -= (int32_t)lc[lh[j]];
      N[g * S + g] -= (int32_t)self;
      Nl[g] -= nlw;
      Nr[g] -= nrw;
      /* the class that gains most; w stays unless another gains more */
      size_t best = g;
      double bestd = 0;
      for (size_t k0 = 0; k0 <= K; k0++) {
        size_t k = k0 ? k0 - 1 : g;
        if (k0 && k == g) continue;
        double d = 0;
        for (size_t j = 0; j < nrh; j++) {
          size_t h = rh[j];
          if (h != k) d += F[N[k * S + h] + rc[h]] - F[N[k * S + h]];
        }
        for (size_t j = 0; j < nlh; j++) {
          size_t h = lh[j];
          if (h != k) d += F[N[h * S + k] + lc[h]] - F[N[h * S + k]];
        }
        d += F[N[k * S + k] + rc[k] + lc[k] + self] - F[N[k * S + k]];
        d -= F[Nl[k] + nlw] - F[Nl[k]] + F[Nr[k] + nrw] - F[Nr[k]];
        if (!k0 || d > bestd + 1e-7 * (1 + fabs(bestd))) {
          best = k;
          bestd = d;
        }
      }
      for (size_t j = 0; j < nrh; j++)
        N[best * S + rh[j]] += (int32_t)rc[rh[j]];
      for (size_t j = 0; j < nlh; j++)
        N[lh[j] * S + best] += (int32_t)lc[lh[j]];
      N[best * S + best] += (int32_t)self;
      Nl[best] += nlw;
      Nr[best] += nrw;
      for (size_t j = 0; j < nrh; j++) rc[rh[j]] = 0;
      for (size_t j = 0; j < nlh; j++) lc[lh[j]] = 0;
      if (best != g) {
        cls[w] = (uint32_t)best;
        moved++;
      }
    }
    double ll = 0;
    for (size_t i = 0; i < S * S; i++) ll += F[N[i]];
    for (size_t i = 0; i < S; i++) ll -= F[Nl[i]] + F[Nr[i]];
    printf("clusters pass %d: %zu of %zu words moved, log-likelihood %.1f "
           "(%.1f s)\n", pass, moved, V, ll, wt_now() - t0);
    if (moved * 1000 <= V) break;
  }
  /* 4. merge the classes into a tree: D[c][d] (c < d) the gain of merging */
  double *D = cl_alloc(K * K, sizeof *D);
  int32_t *node = cl_alloc(K, sizeof *node);
  int32_t(*kid)[2] = cl_alloc(K, sizeof *kid);
  uint8_t *live = cl_alloc(K, 1);
  size_t nlive = 0, nnode = K;
  for (size_t k = 0; k < K; k++) {
    node[k] = (int32_t)k;
    live[k] = Nl[k] > 0;
    nlive += live[k];
  }
  size_t nclass = nlive;
  for (size_t a = 0; a < K; a++)
    for (size_t b = a + 1; b < K; b++)
      if (live[a] && live[b])
        D[a * K + b] = cl_merge_gain(N, Nl, Nr, S, F, a, b);
  int32_t root = -1;
  for (size_t k = 0; k < K && root < 0; k++)
    if (live[k]) root = (int32_t)k;
  while (nlive > 1) {
    size_t ba = 0, bb = 0;
    double bd = 0;
    int any = 0;
    for (size_t a = 0; a < K; a++)
      for (size_t b = a + 1; live[a] && b < K; b++)
        if (live[b] && (!any || D[a * K + b] > bd)) {
          any = 1;
          bd = D[a * K + b];
          ba = a;
          bb = b;
        }
    /* pairs without a or b: their terms against a and b change */
    for (size_t c2 = 0; c2 < K; c2++)
      for (size_t d2 = c2 + 1; live[c2] && d2 < K; d2++)
        if (live[d2] && c2 != ba && c2 != bb && d2 != ba && d2 != bb)
          D[c2 * K + d2] -= cl_term(N, S, F, c2, d2, ba) +
                            cl_term(N, S, F, c2, d2, bb);
    for (size_t h = 0; h < S; h++) {
      N[ba * S + h] += N[bb * S + h];
      N[bb * S + h] = 0;
    }
    for (size_t h = 0; h < S; h++) {
      N[h * S + ba] += N[h * S + bb];
      N[h * S + bb] = 0;
    }
    Nl[ba] += Nl[bb];
    Nr[ba] += Nr[bb];
    Nl[bb] = Nr[bb] = 0;
    live[bb] = 0;
    nlive--;
    kid[nnode - K][0] = node[ba];
    kid[nnode - K][1] = node[bb];
    node[ba] = (int32_t)nnode++;
    root = node[ba];
    for (size_t c2 = 0; c2 < K; c2++)
      for (size_t d2 = c2 + 1; live[c2] && d2 < K; d2++)
        if (live[d2] && c2 != ba && d2 != ba)
          D[c2 * K + d2] += cl_term(N, S, F, c2, d2, ba);
    for (size_t c2 = 0; c2 < K; c2++)
      if (live[c2] && c2 != ba) {
        size_t lo = c2 < ba ? c2 : ba, hi = c2 < ba ? ba : c2;
        D[lo * K + hi] = cl_merge_gain(N, Nl, Nr, S, F, lo, hi);
      }
  }
  char **leaf = cl_alloc(K, sizeof *leaf), *path = cl_alloc(K + 1, 1);
  if (root >= 0)
    cl_paths((const int32_t(*)[2])kid, K, (size_t)root, path, 0, leaf);
  /* 5. write: path TAB word TAB count, most frequent first */
  FILE *f = fopen(out, "w");
  if (!f) {
    fprintf(stderr, "ner_train: cannot write %s\n", out);
    exit(1);
  }
  fprintf(f,
          "# word clusters of the name tagger (src/extract/ner.c), built\n"
          "# by scripts/train-ner.sh (bench/ner_train.c -c): %zu classes,\n"
          "# words seen at least %u times in\n",
          K, mincount);
  for (int i = 0; i < nfiles; i++) {
    const char *b = strrchr(files[i], '/');
    const char *d = b;
    while (d && d > files[i] && d[-1] != '/') d--;
    fprintf(f, "#   %s\n", d ? d : files[i]);
  }
  fprintf(f, "# path (0/1 from the root of the class tree) TAB word key "
             "TAB count TAB times inside a cased sentence (not first) TAB of "
             "them capitalised\n");
  for (size_t r = 0; r < V; r++) {
    uint32_t t = tord[r];
    fprintf(f, "%s\t%s\t%u\t%u\t%u\n", leaf[cls[r]] ? leaf[cls[r]] : "0",
            key + tkoff[t], cnt[t], mid[t], capn[t]);
  }
  if (fclose(f) != 0) {
    fprintf(stderr, "ner_train: cannot write %s\n", out);
    exit(1);
  }
  printf("ner_train: %zu words in %zu classes written to %s (%.1f s)\n", V,
         nclass, out, wt_now() - t0);
  for (size_t k = 0; k < K; k++) free(leaf[k]);
  void *tofree[] = {key, koff, ord,  type, first, cnt, tkoff, tord, id,
                    pr,  pl,   rs,   ls,   F,     cls, N,     Nl,   Nr,
                    rc,  lc,   rh,   lh,   D,     node, kid,  live, leaf,
                    path, mid, capn};
  for (size_t i = 0; i < sizeof tofree / sizeof *tofree; i++) free(tofree[i]);
  return 0;
}

/* The fold (0..every-1) of sentence si for early stopping, by a hash of
 * its text, so a file listed twice keeps both copies on the same side. */
static int tr_fold(const tr_corpus *c, size_t si, int every) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char *p = c->text + c->body0[si]; *p; p++)
    h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
  return (int)((h >> 7) % (uint64_t)every);
}

int main(int argc, char **argv) {
  int bits = 17, epochs = 40, hold = 10, patience = 5, folds = 1;
  int classes = 256, mincount = 2, runs = 1;
  const char *out = NULL, *cout = NULL;
  tr_corpus train = {0}, valid[8];
  const char *vname[8], *tname[TR_NSRC];
  int nvalid = 0, ntrain = 0, mode = 0;
  memset(valid, 0, sizeof valid);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-b") && i + 1 < argc) bits = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-e") && i + 1 < argc) epochs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-d") && i + 1 < argc) hold = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-x") && i + 1 < argc) folds = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-p") && i + 1 < argc) patience = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "-c") && i + 1 < argc) cout = argv[++i];
    else if (!strcmp(argv[i], "-r") && i + 1 < argc) runs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-k") && i + 1 < argc) classes = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-m") && i + 1 < argc) mincount = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-v")) mode = 1;
    else if (mode && nvalid < 8) {
      vname[nvalid] = argv[i];
      if (tr_read(&valid[nvalid++], argv[i], 0) != 0) return 1;
    } else if (!mode) {
      int src = 0; /* a file listed again is the same source */
      while (src < ntrain && strcmp(tname[src], argv[i]) != 0) src++;
      if (src == ntrain) {
        if (ntrain == TR_NSRC) {
          fprintf(stderr, "ner_train: at most %d train files\n", TR_NSRC);
          return 2;
        }
        tname[ntrain++] = argv[i];
      }
      if (tr_read(&train, argv[i], src) != 0) return 1;
    }
  }
  if (cout && classes >= 2 && classes <= 4096 && mincount >= 1 && train.ns)
    return cl_build(&train, (size_t)classes, (uint32_t)mincount, cout, tname,
                    ntrain);
  if (epochs < 1 || epochs > 200 || hold < 1 || folds < 1 || runs < 1 ||
      runs > TR_MAXR ||
      folds > (hold > 1 ? hold : 1))
    out = NULL;
  if (!out || !train.ns) {
    fprintf(stderr,
            "usage: ner_train [-b BITS] [-e EPOCHS] [-d HOLD] [-x FOLDS] "
            "[-p PATIENCE] [-r RUNS] -o MODEL TRAIN... [-v VALID...]\n"
            "       ner_train -c CLUSTERS [-k CLASSES] [-m MINCOUNT] "
            "TEXT...\n");
    return 2;
  }
  char err[512];
  double t0 = wt_now();
  wt_ner *m = wt_ner_new(bits, err, sizeof err);
  /* without the model: training must work before one exists */
  wt_extract_res *x = wt_extract_load_from(NULL, NULL, err, sizeof err);
  if (!m || !x) {
    fprintf(stderr, "ner_train: %s\n", err);
    return 1;
  }
  tr_prepare(&train, m, x);
  for (int v = 0; v < nvalid; v++) tr_prepare(&valid[v], m, x);
  tr_ens E;
  size_t *order = malloc(train.ns * sizeof *order);
  size_t *dev = malloc(train.ns * sizeof *dev);
  tr_score(*curve)[TR_NSRC] = calloc((size_t)epochs + 1, sizeof *curve);
  if (tr_ens_init(&E, runs, wt_ner_buckets(m) * NT, train.ns) != 0 ||
      !order || !dev || !curve) {
    fprintf(stderr, "ner_train: out of memory\n");
    return 1;
  }
  printf("ner_train: %zu sentences, %zu tokens, %zu features, 2^%d buckets, "
         "%d runs\n", train.ns, train.n, train.nf, bits, runs);
  /* early stopping: for each of the first FOLDS folds, train on the other
   * sentences and score the fold's after every epoch; the first fold
   * stops after PATIENCE epochs without gain and bounds the others; the
   * epoch count whose scores, summed over the folds, are best is kept
   * (validation files are never used to choose) */
  int best = epochs;
  if (hold > 1) {
    int last = epochs;
    for (int fo = 0; fo < folds; fo++) {
      size_t nin = 0, ndev = 0;
      for (size_t i = 0; i < train.ns; i++) {
        if (tr_fold(&train, i, hold) == fo) dev[ndev++] = i;
        else order[nin++] = i;
      }
      tr_ens_start(&E, order, nin);
      double bestf = -1;
      int since = 0;
      for (int ep = 1; ep <= last && (fo > 0 || since < patience); ep++) {
        size_t errs = tr_ens_epoch(&train, &E, nin);
        tr_score sc[TR_NSRC];
        memset(sc, 0, sizeof sc);
        tr_count(&train, dev, ndev, E.avg, E.atr, sc);
        tr_score all = tr_sum(sc, ntrain);
        double p, r, f = tr_f1(&all, -1, &p, &r);
        printf("fold %d epoch %d: %zu of %zu wrong, held-out (%zu) F1 %.4f\n",
               fo, ep, errs, nin, ndev, f);
        for (int k = 0; k < ntrain; k++) {
          tr_score *cv = &curve[ep][k];
          for (int t = 0; t < 3; t++) {
            cv->tp[t] += sc[k].tp[t];
            cv->fp[t] += sc[k].fp[t];
            cv->fn[t] += sc[k].fn[t];
          }
        }
        if (f > bestf + 1e-9) {
          bestf = f;
          since = 0;
        } else {
          since++;
        }
        if (fo == 0 && (ep == last || since == patience)) last = ep;
      }
    }
    double bestf = -1;
    for (int ep = 1; ep <= last; ep++) {
      tr_score all = tr_sum(curve[ep], ntrain);
      double p, r, f = tr_f1(&all, -1, &p, &r);
      printf("held-out after %d epochs: F1 %.4f (per file", ep, f);
      for (int k = 0; k < ntrain; k++)
        printf(" %.4f", tr_f1(&curve[ep][k], -1, &p, &r));
      printf(")\n");
      if (f > bestf + 1e-9) {
        bestf = f;
        best = ep;
      }
    }
    printf("ner_train: best held-out F1 %.4f after %d epochs (%d folds)\n",
           bestf, best, folds);
    for (int k = 0; k < ntrain; k++) {
      char label[600];
      snprintf(label, sizeof label, "held-out %s", tname[k]);
      tr_print(label, &curve[best][k]);
    }
  }
  for (size_t i = 0; i < train.ns; i++) order[i] = i;
  tr_ens_start(&E, order, train.ns);
  for (int ep = 1; ep <= best; ep++) {
    size_t errs = tr_ens_epoch(&train, &E, train.ns);
    printf("epoch %d: %zu sentences wrong (%.1f s)\n", ep, errs,
           wt_now() - t0);
  }
  for (int v = 0; v < nvalid; v++) {
    tr_score sc[TR_NSRC];
    memset(sc, 0, sizeof sc);
    tr_count(&valid[v], NULL, 0, E.avg, E.atr, sc);
    tr_print(vname[v], &sc[0]);
  }
  size_t nw = E.M[0].nw;
  if (wt_ner_save(m, E.avg, E.atr, out, err, sizeof err) != 0) {
    fprintf(stderr, "ner_train: %s\n", err);
    return 1;
  }
  size_t nz = 0;
  for (size_t i = 0; i < nw; i++) nz += E.avg[i] != 0;
  printf("ner_train: wrote %s (%zu of %zu weights non-zero) in %.1f s\n", out,
         nz, nw, wt_now() - t0);
  tr_ens_free(&E);
  free(order);
  free(dev);
  free(curve);
  wt_ner_free(m);
  wt_extract_free(x);
  return 0;
}
