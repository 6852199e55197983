/*
 * ner_train.c - trains the name tagger (src/extract/ner.c): an averaged
 * structured perceptron over BIO tags with the tagger's own hashed
 * features and Viterbi decoding, on token-per-line BIO files (IndoNLU
 * NERGrit / NERP format: token TAB label, blank line between sentences).
 *
 *   ner_train [-b BITS] [-e EPOCHS] [-d HOLD] [-p PATIENCE] -o MODEL
 *             TRAIN... [-v VALID...]
 *
 * Labels PERSON/PPL, ORGANISATION/IND, PLACE/PLC are learnt; anything
 * else (NERP's EVT, FNB) is O.  Sentences are joined with single spaces,
 * as the evaluation does, and the gazetteer evidence comes from the
 * extract gazetteer.  Training order is a fixed shuffle (deterministic).
 * Early stopping: one train sentence in HOLD (by a hash of its text) is
 * held out; training on the rest runs up to EPOCHS epochs, stopping
 * after PATIENCE without gain on the held-out part; the model is then
 * trained on all the train sentences for the best epoch count.  With -v,
 * prints span-level exact-match P/R/F1 of the final model on the
 * validation files (reported only, never used to choose).
 */
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
static void tr_close(tr_corpus *c, size_t tok0, size_t body) {
  c->text = tr_grow(c->text, &c->text_cap, c->text_len + 1, 1);
  c->text[c->text_len++] = '\0';
  size_t scap = c->scap;
  c->sents = tr_grow(c->sents, &c->scap, c->ns + 1, sizeof *c->sents);
  c->body0 = tr_grow(c->body0, &scap, c->ns + 1, sizeof *c->body0);
  c->sents[c->ns] = (tr_sent){tok0, c->n - tok0};
  c->body0[c->ns++] = body;
}

/* Read one BIO file into the corpus. */
static int tr_read(tr_corpus *c, const char *path) {
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
      tr_close(c, tok0, body);
      tok0 = c->n;
      body = c->text_len;
    }
    if (!nl) break;
    line = nl + 1;
  }
  if (c->n > tok0) tr_close(c, tok0, body);
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

static void tr_decode(const tr_corpus *c, size_t si, const float *w,
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

/* Span F1 of the sentences sel[0..nsel) (all when sel is NULL); prints a
 * line when label is set. */
static double tr_eval(const tr_corpus *c, const size_t *sel, size_t nsel,
                      const float *w, const float *tr, const char *label) {
  long tp[3] = {0}, fp[3] = {0}, fn[3] = {0};
  uint8_t pred[WT_NER_MAXTOK];
  int gs[WT_NER_MAXTOK][3], ps[WT_NER_MAXTOK][3];
  if (!sel) nsel = c->ns;
  for (size_t k = 0; k < nsel; k++) {
    size_t si = sel ? sel[k] : k;
    tr_decode(c, si, w, tr, pred);
    size_t ng = tr_spans(c->gold + c->sents[si].tok0, c->sents[si].nt, gs);
    size_t np = tr_spans(pred, c->sents[si].nt, ps);
    for (size_t i = 0; i < np; i++) {
      int hit = 0;
      for (size_t j = 0; j < ng && !hit; j++)
        hit = !memcmp(ps[i], gs[j], sizeof ps[i]);
      if (hit) tp[ps[i][2]]++;
      else fp[ps[i][2]]++;
    }
    for (size_t j = 0; j < ng; j++) {
      int hit = 0;
      for (size_t i = 0; i < np && !hit; i++)
        hit = !memcmp(ps[i], gs[j], sizeof ps[i]);
      if (!hit) fn[gs[j][2]]++;
    }
  }
  static const char *const names[3] = {"person", "org", "place"};
  long a = 0, b = 0, d = 0;
  if (label) printf("  %s:", label);
  for (int t = 0; t < 3; t++) {
    double p = tp[t] + fp[t] ? (double)tp[t] / (double)(tp[t] + fp[t]) : 0;
    double r = tp[t] + fn[t] ? (double)tp[t] / (double)(tp[t] + fn[t]) : 0;
    if (label) printf(" %s %.3f", names[t], p + r > 0 ? 2 * p * r / (p + r) : 0);
    a += tp[t];
    b += fp[t];
    d += fn[t];
  }
  double p = a + b ? (double)a / (double)(a + b) : 0;
  double r = a + d ? (double)a / (double)(a + d) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  if (label) printf("  all P %.3f R %.3f F1 %.3f\n", p, r, f);
  return f;
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

static void tr_reset(tr_model *M) {
  memset(M->w, 0, M->nw * sizeof *M->w);
  memset(M->u, 0, M->nw * sizeof *M->u);
  memset(M->tr, 0, sizeof M->tr);
  memset(M->utr, 0, sizeof M->utr);
  M->cnt = 1;
  M->rng = 0x9e3779b97f4a7c15ULL;
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

/* Is sentence si held out for early stopping?  Decided by a hash of its
 * text, so a file listed twice keeps both copies on the same side. */
static int tr_held_out(const tr_corpus *c, size_t si, int every) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char *p = c->text + c->body0[si]; *p; p++)
    h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
  return every > 1 && (h >> 7) % (uint64_t)every == 0;
}

int main(int argc, char **argv) {
  int bits = 17, epochs = 40, hold = 10, patience = 5;
  const char *out = NULL;
  tr_corpus train = {0}, valid[8];
  const char *vname[8];
  int nvalid = 0, mode = 0;
  memset(valid, 0, sizeof valid);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-b") && i + 1 < argc) bits = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-e") && i + 1 < argc) epochs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-d") && i + 1 < argc) hold = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-p") && i + 1 < argc) patience = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "-v")) mode = 1;
    else if (mode && nvalid < 8) {
      vname[nvalid] = argv[i];
      if (tr_read(&valid[nvalid++], argv[i]) != 0) return 1;
    } else if (tr_read(&train, argv[i]) != 0) {
      return 1;
    }
  }
  if (!out || !train.ns) {
    fprintf(stderr,
            "usage: ner_train [-b BITS] [-e EPOCHS] [-d HOLD] [-p PATIENCE] "
            "-o MODEL TRAIN... [-v VALID...]\n");
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
  tr_model M = {0};
  M.nw = wt_ner_buckets(m) * NT;
  M.w = calloc(M.nw, sizeof *M.w);
  M.u = calloc(M.nw, sizeof *M.u);
  M.avg = malloc(M.nw * sizeof *M.avg);
  size_t *order = malloc(train.ns * sizeof *order);
  size_t *dev = malloc(train.ns * sizeof *dev);
  if (!M.w || !M.u || !M.avg || !order || !dev) {
    fprintf(stderr, "ner_train: out of memory\n");
    return 1;
  }
  printf("ner_train: %zu sentences, %zu tokens, %zu features, 2^%d buckets\n",
         train.ns, train.n, train.nf, bits);
  /* early stopping: train on the sentences not held out, pick the epoch
   * whose averaged weights tag the held-out ones best (validation files
   * are never used to choose) */
  int best = epochs;
  if (hold > 1) {
    size_t nin = 0, ndev = 0;
    for (size_t i = 0; i < train.ns; i++) {
      if (tr_held_out(&train, i, hold)) dev[ndev++] = i;
      else order[nin++] = i;
    }
    tr_reset(&M);
    double bestf = -1;
    int since = 0;
    for (int ep = 1; ep <= epochs && since < patience; ep++) {
      size_t errs = tr_epoch(&train, &M, order, nin);
      double f = tr_eval(&train, dev, ndev, M.avg, M.atr, NULL);
      printf("split epoch %d: %zu of %zu wrong, held-out (%zu) F1 %.4f\n",
             ep, errs, nin, ndev, f);
      if (f > bestf + 1e-9) {
        bestf = f;
        best = ep;
        since = 0;
      } else {
        since++;
      }
    }
    printf("ner_train: best held-out F1 %.4f after %d epochs\n", bestf, best);
  }
  for (size_t i = 0; i < train.ns; i++) order[i] = i;
  tr_reset(&M);
  for (int ep = 1; ep <= best; ep++) {
    size_t errs = tr_epoch(&train, &M, order, train.ns);
    printf("epoch %d: %zu sentences wrong (%.1f s)\n", ep, errs,
           wt_now() - t0);
  }
  for (int v = 0; v < nvalid; v++)
    tr_eval(&valid[v], NULL, 0, M.avg, M.atr, vname[v]);
  float *avg = M.avg, *atr = M.atr;
  size_t nw = M.nw;
  if (wt_ner_save(m, avg, atr, out, err, sizeof err) != 0) {
    fprintf(stderr, "ner_train: %s\n", err);
    return 1;
  }
  size_t nz = 0;
  for (size_t i = 0; i < nw; i++) nz += avg[i] != 0;
  printf("ner_train: wrote %s (%zu of %zu weights non-zero) in %.1f s\n", out,
         nz, nw, wt_now() - t0);
  free(M.w);
  free(M.u);
  free(M.avg);
  free(order);
  free(dev);
  wt_ner_free(m);
  wt_extract_free(x);
  return 0;
}
