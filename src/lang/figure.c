/*
 * figure.c - figures in news text: money, percentages, durations and
 * counts, each with the period it refers to.
 *
 * Works over the light tokens of timex_lex.c and the time expressions
 * already found in the same text:
 *   money    [currency] number [scale] | number [scale] currency, then an
 *            optional equivalence ("atau setara Rp3.897 triliun")
 *   percent  number ("persen" | "%" | "percent"), baseline "sejak 2021"
 *   count    number or "puluhan ribu" + counted noun ("5.000 orang"):
 *            a noun of count-nouns.txt, or one in no word list that does
 *            not look like a verb; never a year, phone number, label
 *            ("pasal 2", "Boeing 737") or "salah satu"
 *   duration every DURATION time expression of known length (minutes)
 * A figure's period is the year/half/quarter/month expression nearest it
 * in its sentence (after it first: "US$245 miliar pada 2024"); a year
 * introduced by "sejak"/"since" is its baseline instead.  Invariants:
 * output is ordered by span start; numbers inside a time expression are
 * never figures; strings live in the arena.
 */
#include "timex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct fg_scan {
  const wt_time_res *r;
  const wt_tx_text *x;
  const wt_timex_vec *tx;
  uint32_t *sent; /* sentence number of each token */
} fg_scan;

static size_t fg_m(const fg_scan *F, size_t i, int cat, const wt_tx_ent **e) {
  return wt_tx_match(F->r, F->x, i, cat, e);
}
static int fg_p(const fg_scan *F, size_t i, char c) {
  return i < F->x->nt && F->x->t[i].kind == WT_TK_PUNCT &&
         F->x->s[F->x->t[i].start] == c;
}
/* Sentence numbers: a break after . ! ? before a space and a capital or a
 * number, and at every new line. */
static void fg_sentences(fg_scan *F) {
  uint32_t s = 0;
  const wt_tx_text *x = F->x;
  for (size_t i = 0; i < x->nt; i++) {
    if (i && (x->t[i].flags & WT_TF_NL)) s++;
    else if (i && (fg_p(F, i - 1, '.') || fg_p(F, i - 1, '!') ||
                   fg_p(F, i - 1, '?')) &&
             (x->t[i].flags & WT_TF_SP) &&
             ((x->t[i].flags & WT_TF_CAP) || x->t[i].kind != WT_TK_WORD))
      s++;
    F->sent[i] = s;
  }
}

/* Token index holding byte offset off (first token starting at or after). */
static size_t fg_tok_at(const wt_tx_text *x, uint32_t off) {
  size_t lo = 0, hi = x->nt;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (x->t[mid].start < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* An amount of money at i: end token or 0; *v value, *code currency. */
static size_t fg_money(const fg_scan *F, size_t i, double *v,
                       const char **code) {
  const wt_tx_ent *e;
  size_t j, e2;
  int approx;
  if ((e2 = fg_m(F, i, WT_TXC_CUR, &e)) && e2 < F->x->nt &&
      F->x->t[e2].kind == WT_TK_NUM) {
    *code = e->str;
    if (!(j = wt_tx_number(F->r, F->x, e2, WT_TXN_SCALE | WT_TXN_NOWORDS, v,
                           &approx)))
      return 0;
    if ((e2 = fg_m(F, j, WT_TXC_SCALEAB, &e)) || (e2 = fg_m(F, j, WT_TXC_NSCALE, &e))) {
      *v *= e->num;
      j = e2;
    }
    return j;
  }
  if (!(j = wt_tx_number(F->r, F->x, i, WT_TXN_SCALE, v, &approx)) || isnan(*v))
    return 0;
  if ((e2 = fg_m(F, j, WT_TXC_SCALEAB, &e)) &&
      fg_m(F, e2, WT_TXC_CUR, NULL)) {
    *v *= e->num;
    j = e2;
  }
  if ((e2 = fg_m(F, j, WT_TXC_CUR, &e)) && F->x->t[j].kind == WT_TK_WORD) {
    *code = e->str;
    return e2;
  }
  return 0;
}

/* The period and baseline of a figure spanning tokens [a, b). */
static void fg_period(const fg_scan *F, size_t a, size_t b, wt_arena *ar,
                      wt_figure *f) {
  const wt_tx_text *x = F->x;
  uint32_t s = F->sent[a];
  const wt_timex *after = NULL, *before = NULL;
  size_t dafter = 0;
  for (size_t k = 0; k < F->tx->n; k++) {
    const wt_timex *t = &F->tx->v[k];
    if (t->type != WT_TX_DATE || t->gran < WT_G_YEAR || t->gran > WT_G_MONTH ||
        t->day_lo == WT_NO_DAY)
      continue;
    size_t ti = fg_tok_at(x, t->span.start);
    if (ti >= x->nt || F->sent[ti] != s) continue;
    if (ti >= b) {
      /* "sejak 2021": a baseline, not the period */
      int base = 0;
      for (size_t q = ti >= 3 ? ti - 3 : 0; q < ti; q++)
        if (fg_m(F, q, WT_TXC_BASEPRE, NULL) == ti) base = 1;
      if (base) {
        if (!f->baseline && ti - b <= 6)
          f->baseline = wt_arena_strdup(ar, t->value);
        continue;
      }
      if (!after) {
        after = t;
        dafter = ti - b;
      }
    } else if (t->span.end <= x->t[a].start)
      before = t;
  }
  const wt_timex *p = after && dafter <= 8 ? after : before ? before : after;
  if (p) f->period = wt_arena_strdup(ar, p->value);
}

/* Does token q look like an inflected verb or an adverb rather than a
 * noun (Indonesian me-/di-/ber-/ter- words; English -ed, -ly)? */
static int fg_verbish(const fg_scan *F, size_t q) {
  const char *w = WT_TX_TOKS(F->x, q);
  size_t n = WT_TX_TOKN(F->x, q);
  char b[8] = {0};
  for (size_t k = 0; k < n && k < sizeof b - 1; k++)
    b[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
  const char *t = w + n;
  if (F->x->lang != WT_TXL_EN && n >= 6 &&
      (!strncmp(b, "me", 2) || !strncmp(b, "di", 2) || !strncmp(b, "ber", 3) ||
       !strncmp(b, "ter", 3)))
    return 1;
  if (F->x->lang != WT_TXL_ID && n >= 5 &&
      (!strncmp(t - 2, "ed", 2) || !strncmp(t - 2, "ly", 2)))
    return 1;
  return 0;
}

/* Is the number at [i, end) followed by word q a count?  Counted nouns
 * (count-nouns.txt) pass; a number used as a label ("pasal 2", "Boeing
 * 737", "salah satu"), a year, a phone or id number, the tail of a range
 * ("1,5-1,6") never counts; "satu"/"one" needs a counted noun; another
 * noun must be in no word list and not look like a verb.  A capitalised
 * noun after a lower-case number is a name ("5 Tahap Pembangunan") unless
 * it is a listed acronym ("10 ASN"). */
static int fg_count_ok(const fg_scan *F, size_t i, size_t end, size_t q,
                       double v) {
  const wt_tx_text *x = F->x;
  const wt_tx_tok *w = q < x->nt ? &x->t[q] : NULL;
  if (!w || w->kind != WT_TK_WORD || (w->flags & (WT_TF_DIGIT | WT_TF_NL)) ||
      w->end - w->start < 2 ||
      ((w->flags & WT_TF_CAP) && !(x->t[i].flags & WT_TF_CAP) &&
       !(w->end - w->start > 1 && WT_TX_TOKS(x, q)[1] >= 'A' &&
         WT_TX_TOKS(x, q)[1] <= 'Z' && fg_m(F, q, WT_TXC_CNOUN, NULL))))
    return 0;
  int cn = fg_m(F, q, WT_TXC_CNOUN, NULL) || fg_m(F, q, WT_TXC_CLF, NULL) ||
           (q > end && fg_m(F, q - 1, WT_TXC_CLF, NULL));
  if (i > 0 && x->t[i - 1].kind == WT_TK_WORD && F->sent[i - 1] == F->sent[i]) {
    if (fg_m(F, i - 1, WT_TXC_NPRE, NULL)) return 0;
    /* inside a name: a capitalised word before, not opening the sentence */
    int opens = i == 1 || F->sent[i - 2] != F->sent[i - 1] ||
                x->t[i - 2].kind == WT_TK_PUNCT;
    if ((x->t[i - 1].flags & WT_TF_CAP) && !opens && !cn &&
        x->t[i - 1].key < 0)
      return 0;
  }
  if (i >= 2 && !(x->t[i].flags & WT_TF_SP) && x->t[i - 1].kind == WT_TK_PUNCT &&
      !(x->t[i - 1].flags & WT_TF_SP) && x->t[i - 2].kind == WT_TK_NUM)
    return 0;
  if (x->t[i].kind == WT_TK_NUM && end == i + 1) {
    size_t n = WT_TX_TOKN(x, i);
    if (n == 4 && v >= 1900 && v <= 2099 && !cn) return 0;
    if ((WT_TX_TOKS(x, i)[0] == '0' && n >= 4) || n >= 9) return 0;
  }
  if (x->t[i].kind == WT_TK_WORD && v == 1 && !cn) return 0;
  if (cn) return 1;
  return w->end - w->start >= 3 && w->key < 0 && !fg_verbish(F, q);
}

/* Categories a figure can start with (besides digits). */
static const uint64_t fg_start_cats =
    WT_TXBIT(WT_TXC_CUR) | WT_TXBIT(WT_TXC_NUNIT) | WT_TXBIT(WT_TXC_NWHOLE) |
    WT_TXBIT(WT_TXC_NHALF) | WT_TXBIT(WT_TXC_NA) | WT_TXBIT(WT_TXC_NAPPROX);

static int fg_cmp(const void *a, const void *b) {
  const wt_figure *x = a, *y = b;
  return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

int wt_figure_scan(const wt_time_res *r, const char *s, size_t n,
                   const char *lang, const wt_timex_vec *timexes,
                   wt_arena *a, wt_figure_vec *out) {
  wt_tx_text x;
  if (wt_tx_text_init(r, s, n, lang, &x) < 0) return -1;
  fg_scan F = {r, &x, timexes, malloc((x.nt + 1) * sizeof(uint32_t))};
  if (!F.sent) {
    wt_tx_text_free(&x);
    return -1;
  }
  fg_sentences(&F);
  int rc = 0;
  size_t tk = 0; /* next timex by position */
  size_t first = out->n;
  for (size_t i = 0; i < x.nt && !rc;) {
    const wt_tx_tok *t = &x.t[i];
    if (t->kind != WT_TK_NUM && !wt_tx_key_has(r, &x, i, fg_start_cats)) {
      i++;
      continue;
    }
    while (tk < timexes->n && timexes->v[tk].span.end <= t->start) tk++;
    if (tk < timexes->n && timexes->v[tk].span.start <= t->start) {
      i = fg_tok_at(&x, timexes->v[tk].span.end);
      continue;
    }
    /* numbers glued to a word or code ("COVID-19", "ke-47", "G20") */
    if (t->kind == WT_TK_NUM && i > 0 && !(t->flags & WT_TF_SP) &&
        (x.t[i - 1].kind == WT_TK_WORD || fg_p(&F, i - 1, '-') ||
         fg_p(&F, i - 1, '/') || fg_p(&F, i - 1, ':'))) {
      if (!fg_m(&F, i - 1, WT_TXC_CUR, NULL)) {
        i++;
        continue;
      }
    }
    wt_figure f = {0};
    double v = 0;
    const char *code = NULL;
    size_t end, e2;
    const wt_tx_ent *e;
    int approx = 0;
    if ((end = fg_money(&F, i, &v, &code))) {
      f.kind = WT_FIG_MONEY;
      f.value = v;
      f.unit = code;
      /* an equivalent amount */
      size_t q = end;
      if (fg_p(&F, q, ',') && fg_m(&F, q + 1, WT_TXC_EQUIV, NULL)) q++;
      double v2;
      const char *c2;
      if ((e2 = fg_m(&F, q, WT_TXC_EQUIV, NULL)) &&
          (q = fg_money(&F, e2, &v2, &c2))) {
        f.equiv_value = v2;
        f.equiv_unit = c2;
        end = q;
        if (fg_p(&F, end, ')') && fg_m(&F, e2 - 1, WT_TXC_EQUIV, NULL)) end++;
      }
    } else if ((end = wt_tx_number(r, &x, i, WT_TXN_SCALE, &v, &approx)) &&
               !isnan(v)) {
      if ((e2 = fg_m(&F, end, WT_TXC_PCT, NULL))) {
        f.kind = WT_FIG_PERCENT;
        f.value = v;
        f.unit = "%";
        end = e2;
      } else {
        /* a count: the noun after, past a classifier */
        size_t q = end;
        if (fg_m(&F, q, WT_TXC_CLF, NULL) && q + 1 < x.nt &&
            x.t[q + 1].kind == WT_TK_WORD &&
            (x.t[q + 1].key < 0 || fg_m(&F, q + 1, WT_TXC_CNOUN, NULL)))
          q++;
        if (fg_count_ok(&F, i, end, q, v)) {
          const wt_tx_tok *w = &x.t[q];
          f.kind = WT_FIG_COUNT;
          f.value = v;
          char *u = wt_arena_strndup(a, s + w->start, w->end - w->start);
          if (u)
            for (char *c = u; *c; c++)
              if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
          f.unit = u;
          end = q + 1;
        }
      }
    }
    if (!f.kind) {
      i++;
      continue;
    }
    f.approx = (uint8_t)approx;
    size_t start = i;
    for (size_t b = i >= 3 ? i - 3 : 0; b < i; b++)
      if (fg_m(&F, b, WT_TXC_APPROX, &e) == i && e->num > 0) {
        f.approx = 1;
        break;
      }
    f.span.start = x.t[start].start;
    f.span.end = x.t[end - 1].end;
    fg_period(&F, start, end, a, &f);
    wt_figure *p = WT_VEC_PUSH(a, out);
    if (!p) rc = -1;
    else *p = f;
    i = end;
  }
  /* durations come from the time expressions */
  for (size_t k = 0; k < timexes->n && !rc; k++) {
    const wt_timex *t = &timexes->v[k];
    if (t->type != WT_TX_DURATION || t->minutes < 0) continue;
    wt_figure *p = WT_VEC_PUSH(a, out);
    if (!p) {
      rc = -1;
      break;
    }
    memset(p, 0, sizeof *p);
    p->span = t->span;
    p->kind = WT_FIG_DURATION;
    p->value = t->minutes;
    p->unit = "min";
    p->approx = t->approx;
    p->sentence = t->sentence;
  }
  if (out->n > first)
    qsort(out->v + first, out->n - first, sizeof *out->v, fg_cmp);
  free(F.sent);
  wt_tx_text_free(&x);
  return rc;
}
