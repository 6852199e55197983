/*
 * test_ner.c - the mention finder against IndoNLU's Indonesian NER data
 * (../shared/data/indonlu-ner: NERGrit and NERP, validation splits).
 *
 * Each sentence's tokens are joined with single spaces into a body; the
 * gold entities are the BIO spans of the data set; a prediction is one of
 * our mentions (person, org, place; misc is not scored).  Scoring is
 * span-level exact match (CoNLL style): a predicted span counts only when
 * its first and last token and its type equal a gold span's.  Types map
 * person->PERSON/PPL, org->ORGANISATION/IND, place->PLACE/PLC; NERP's EVT
 * and FNB have no counterpart and are left out of the gold set.
 *
 * Three systems: the gazetteer alone (wt_extract_gazetteer_scan, the type
 * of the entity each name belongs to), the statistical tagger alone
 * (src/extract/ner.c on the data set's own tokens, gazetteer evidence
 * included) and the full mention finder (wt_extract_run: gazetteer,
 * titles, cues, tagger, capitalised names, short forms).  Prints precision/recall/F1 per type; asserts only floors that
 * the current code reaches.  Skips without ../shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "extract/extract.h"
#include "extract/ner.h"
#include "harness.h"
#include "lang/lang.h"
#include "lang/timex.h"

#define NER_MAXTOK 512
#define NER_NTYPE 3 /* person, org, place: wt_ent_type - 1 */
/* floors on micro F1 (the numbers the code reaches, less a margin) */
#define NER_FLOOR_GRIT_GAZ 0.30
#define NER_FLOOR_GRIT_FULL 0.70
#define NER_FLOOR_GRIT_TAG 0.74
#define NER_FLOOR_NERP_GAZ 0.28
#define NER_FLOOR_NERP_FULL 0.71
#define NER_FLOOR_NERP_TAG 0.76

typedef struct ner_span {
  int a, b; /* tokens [a, b) */
  int type; /* 0 person, 1 org, 2 place */
} ner_span;

typedef struct ner_score {
  long tp[NER_NTYPE], fp[NER_NTYPE], fn[NER_NTYPE];
} ner_score;

typedef struct ner_res {
  wt_extract_res *x;
  wt_lang_res *l;
  wt_time_res *t;
  const wt_ner *ner;
} ner_res;

/* Our type of a data set label ("B-PERSON", "I-PPL"), -1 unscored. */
static int ner_label_type(const char *lab) {
  static const struct {
    const char *name;
    int type;
  } map[] = {{"PERSON", 0}, {"PPL", 0}, {"ORGANISATION", 1},
             {"IND", 1},    {"PLACE", 2}, {"PLC", 2}};
  if (strlen(lab) < 3) return -1;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strcmp(lab + 2, map[i].name) == 0) return map[i].type;
  return -1;
}

static int ner_has(const ner_span *v, int n, ner_span s) {
  for (int i = 0; i < n; i++)
    if (v[i].a == s.a && v[i].b == s.b && v[i].type == s.type) return 1;
  return 0;
}

static void ner_tally(ner_score *sc, const ner_span *gold, int ng,
                      const ner_span *pred, int np) {
  for (int i = 0; i < np; i++) {
    if (ner_has(pred, i, pred[i])) continue; /* one count per span */
    if (ner_has(gold, ng, pred[i]))
      sc->tp[pred[i].type]++;
    else
      sc->fp[pred[i].type]++;
  }
  for (int i = 0; i < ng; i++)
    if (!ner_has(pred, np, gold[i])) sc->fn[gold[i].type]++;
}

/* The token range [a, b) exactly covering bytes [s, e), or -1. */
static int ner_tokens(const uint32_t *ts, const uint32_t *te, int nt,
                      uint32_t s, uint32_t e, int *a, int *b) {
  *a = *b = -1;
  for (int i = 0; i < nt; i++) {
    if (ts[i] == s) *a = i;
    if (te[i] == e) *b = i + 1;
  }
  return *a >= 0 && *b > *a ? 0 : -1;
}

static int ner_pred_gaz(const ner_res *R, const char *body, size_t n,
                        const uint32_t *ts, const uint32_t *te, int nt,
                        ner_span *out, int max) {
  wt_span sp[128];
  size_t k = wt_extract_gazetteer_scan(R->x, body, n, sp, 128);
  if (k > 128) k = 128;
  int np = 0;
  for (size_t i = 0; i < k && np < max; i++) {
    char name[512];
    size_t l = sp[i].end - sp[i].start;
    if (l >= sizeof name) continue;
    memcpy(name, body + sp[i].start, l);
    name[l] = '\0';
    const char *id = wt_extract_lookup(R->x, name);
    wt_ent_type ty = 0;
    if (!id || !wt_extract_entity_name(R->x, id, &ty) || ty < WT_ENT_PERSON ||
        ty > WT_ENT_PLACE)
      continue;
    ner_span s;
    if (ner_tokens(ts, te, nt, sp[i].start, sp[i].end, &s.a, &s.b) != 0)
      continue;
    s.type = (int)ty - 1;
    out[np++] = s;
  }
  return np;
}

static int ner_pred_tagger(const ner_res *R, const char *body, size_t n,
                           const uint32_t *ts, const uint32_t *te, int nt,
                           ner_span *out, int max) {
  uint8_t gaz[NER_MAXTOK], tags[NER_MAXTOK];
  if (nt > WT_NER_MAXTOK) nt = WT_NER_MAXTOK;
  wt_ner_gaz_tags(R->x, body, n, ts, te, (size_t)nt, gaz);
  wt_ner_sent x = {body, ts, te, gaz, (size_t)nt};
  wt_ner_tag(R->ner, &x, tags);
  int np = 0;
  for (int i = 0; i < nt && np < max;) {
    if (!tags[i]) {
      i++;
      continue;
    }
    int ty = WT_NER_TYPE(tags[i]), j = i + 1;
    while (j < nt && tags[j] == WT_NER_I(ty)) j++;
    out[np++] = (ner_span){i, j, ty};
    i = j;
  }
  return np;
}

static int ner_pred_full(const ner_res *R, const char *body, size_t n,
                         const uint32_t *ts, const uint32_t *te, int nt,
                         ner_span *out, int max) {
  wt_doc *d = wt_doc_new(0);
  d->body = wt_arena_strndup(d->arena, body, n);
  d->body_len = n;
  memcpy(d->lang, "id", 3);
  d->ref_day = WT_NO_DAY;
  d->ref_how = "none";
  int np = 0;
  if (wt_lang_run(R->l, d) == 0 && wt_time_run(R->t, d) == 0 &&
      wt_extract_run(R->x, d) == 0) {
    for (size_t i = 0; i < d->mentions.n && np < max; i++) {
      const wt_mention *m = &d->mentions.v[i];
      wt_ent_type ty = d->entities.v[m->entity].type;
      ner_span s;
      /* NER scores names: a role phrase read as its holder ("gubernur
       * Jawa Barat" -> the governor) is coreference, not a name */
      if (m->how == WT_MEN_ROLE) continue;
      if (ty < WT_ENT_PERSON || ty > WT_ENT_PLACE ||
          ner_tokens(ts, te, nt, m->span.start, m->span.end, &s.a, &s.b) != 0)
        continue;
      s.type = (int)ty - 1;
      out[np++] = s;
    }
  }
  wt_doc_free(d);
  return np;
}

/* Score one data file with the three systems.  -1 when it cannot be
 * read. */
static int ner_eval(const ner_res *R, const char *path, ner_score *gaz,
                    ner_score *tag, ner_score *full, int *nsent) {
  size_t len;
  char *txt = wt_test_slurp(path, &len);
  if (!txt) return -1;
  char body[8192];
  uint32_t ts[NER_MAXTOK], te[NER_MAXTOK];
  ner_span gold[NER_MAXTOK], pred[NER_MAXTOK];
  int nt = 0, ng = 0, open = -1;
  size_t bl = 0;
  char *line = txt, *end = txt + len;
  for (;;) {
    char *nl = line < end ? memchr(line, '\n', (size_t)(end - line)) : NULL;
    if (nl) *nl = '\0';
    char *tab = line < end ? strchr(line, '\t') : NULL;
    if (tab && nt < NER_MAXTOK &&
        bl + (size_t)(tab - line) + 2 < sizeof body) {
      *tab = '\0';
      const char *lab = tab + 1;
      size_t l = strlen(line);
      if (bl) body[bl++] = ' ';
      ts[nt] = (uint32_t)bl;
      memcpy(body + bl, line, l);
      bl += l;
      te[nt] = (uint32_t)bl;
      int ty = ner_label_type(lab);
      if (lab[0] == 'I' && open >= 0 && ty == gold[open].type) {
        gold[open].b = nt + 1;
      } else if (ty >= 0 && (lab[0] == 'B' || lab[0] == 'I')) {
        gold[ng] = (ner_span){nt, nt + 1, ty};
        open = ng++;
      } else {
        open = -1;
      }
      nt++;
    } else if (nt) { /* a blank line (or the end) closes the sentence */
      body[bl] = '\0';
      int np = ner_pred_gaz(R, body, bl, ts, te, nt, pred, NER_MAXTOK);
      ner_tally(gaz, gold, ng, pred, np);
      np = ner_pred_tagger(R, body, bl, ts, te, nt, pred, NER_MAXTOK);
      ner_tally(tag, gold, ng, pred, np);
      np = ner_pred_full(R, body, bl, ts, te, nt, pred, NER_MAXTOK);
      ner_tally(full, gold, ng, pred, np);
      (*nsent)++;
      nt = ng = 0;
      bl = 0;
      open = -1;
    }
    if (!nl) {
      if (line >= end) break;
      line = end; /* flush the last sentence */
      continue;
    }
    line = nl + 1;
  }
  free(txt);
  return 0;
}

static double ner_f1(long tp, long fp, long fn, double *p, double *r) {
  *p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
  *r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* Prints the table; returns micro F1 over the three types. */
static double ner_print(const char *set, const char *sys, const ner_score *s) {
  static const char *const names[NER_NTYPE] = {"person", "org", "place"};
  long tp = 0, fp = 0, fn = 0;
  double p, r, f;
  for (int t = 0; t < NER_NTYPE; t++) {
    f = ner_f1(s->tp[t], s->fp[t], s->fn[t], &p, &r);
    printf("  ner %-7s %-9s %-6s P %.3f R %.3f F1 %.3f  (tp %ld fp %ld fn %ld)\n",
           set, sys, names[t], p, r, f, s->tp[t], s->fp[t], s->fn[t]);
    tp += s->tp[t];
    fp += s->fp[t];
    fn += s->fn[t];
  }
  f = ner_f1(tp, fp, fn, &p, &r);
  printf("  ner %-7s %-9s %-6s P %.3f R %.3f F1 %.3f\n", set, sys, "all", p, r,
         f);
  return f;
}

WT_TEST(ner_indonlu_validation) {
  char p1[4096], p2[4096], err[512];
  if (!wt_test_shared("data/indonlu-ner/nergrit_ner-grit/valid_preprocess.txt",
                      p1, sizeof p1) ||
      !wt_test_shared("data/indonlu-ner/nerp_ner-prosa/valid_preprocess.txt",
                      p2, sizeof p2))
    SKIP("../shared/data/indonlu-ner is absent");
  ner_res R = {wt_extract_load(err, sizeof err), wt_lang_load(err, sizeof err),
               wt_time_load(err, sizeof err), wt_ner_get(err, sizeof err)};
  REQUIRE(R.x && R.l && R.t && R.ner);
  ner_score g1 = {0}, t1 = {0}, f1 = {0}, g2 = {0}, t2 = {0}, f2 = {0};
  int n1 = 0, n2 = 0;
  REQUIRE(ner_eval(&R, p1, &g1, &t1, &f1, &n1) == 0);
  REQUIRE(ner_eval(&R, p2, &g2, &t2, &f2, &n2) == 0);
  printf("  ner span-level exact match; NERGrit %d, NERP %d validation "
         "sentences\n", n1, n2);
  double a = ner_print("NERGrit", "gazetteer", &g1);
  double at = ner_print("NERGrit", "tagger", &t1);
  double b = ner_print("NERGrit", "full", &f1);
  double c = ner_print("NERP", "gazetteer", &g2);
  double ct = ner_print("NERP", "tagger", &t2);
  double e = ner_print("NERP", "full", &f2);
  CHECK(n1 == 209);
  CHECK(n2 == 840);
  /* floors: what the code reaches now (raise them as it improves) */
  CHECK(a >= NER_FLOOR_GRIT_GAZ);
  CHECK(at >= NER_FLOOR_GRIT_TAG);
  CHECK(b >= NER_FLOOR_GRIT_FULL);
  CHECK(c >= NER_FLOOR_NERP_GAZ);
  CHECK(ct >= NER_FLOOR_NERP_TAG);
  CHECK(e >= NER_FLOOR_NERP_FULL);
  wt_extract_free(R.x);
  wt_lang_free(R.l);
  wt_time_free(R.t);
}
