/*
 * cluster_score.c - how alike two articles are, as evidence that they
 * report the same event.
 *
 *   base  = weighted mean of the comparable components:
 *           0.35 terms + 0.30 entities + 0.20 participants + 0.15 type
 *   total = base * date factor  (* a type-disagreement factor)
 *
 * A component that cannot be compared is left out of the mean instead of
 * counting as a disagreement: term vectors of two different languages
 * (stems of "telepon" and "call" never meet; entity ids are language
 * independent and still count), and participants when neither article
 * names any (natural disasters).
 *
 * Participants are matched softly: an actor one article names as a
 * participant and the other only mentions counts half, so a frame that
 * picked the countries instead of their leaders (or missed one leader)
 * does not zero the component.  Participants weigh half in the entity
 * vector, since their agreement already has its own component and every
 * article of a story shares them.
 *
 * Dates: confident dates (>= CLU_DATE_CONF) more than CLU_DATE_SLACK days
 * apart cannot link; a guessed date far from the other date is a soft
 * penalty; agreeing dates boost the score.  An article with no confident
 * date but a plausible window (from the years the text refers to) is
 * penalised by how far the other's confident date lies outside it.  Two
 * known, different event types cost 25%, less when both dates agree
 * with confidence (the type is then more likely a reading error than a
 * second event).
 *
 * Figures: when both leads state percentages, how many of the lead
 * figures (the headline one counting extra) the other article states
 * anywhere is a component (an English wire
 * story and its Indonesian rewrite share "2.86%" though not a stem), and
 * when neither headline figure (the lead's first) is stated by the other
 * article the pair is in conflict (x CLU_FIG_CONFLICT): one institution's
 * inflation release and its GDP release two days later share actors,
 * type, vocabulary and dates, not their headline figure.  Figures match
 * when equal, or equal at the coarser of two adjacent precisions (1.28
 * and 1.3; not 5 and 5.04).
 *
 * IDF is over the corpus (clu_idf), not the active window, so a late
 * article scores a thawed event as it would have scored it live.
 *
 * Invariant: clu_pair is symmetric and depends only on the two articles
 * and the corpus document frequencies, never on arrival order.
 */
#include <math.h>
#include <string.h>

#include "cluster_int.h"

#define CLU_ENT_PART_W 0.5 /* a participant's weight in the entity vector */
#define CLU_WIN_PEN 0.2    /* penalty just outside a window ... */
#define CLU_WIN_FAR 0.6    /* ... growing by this much over CLU_WIN_DAYS */
#define CLU_WIN_DAYS 90.0

/* log(N + 1) + 1, N the corpus size (the active articles when more:
 * thawed articles a reopened store never counted). */
static double clu_logn(const wt_clu *c) {
  uint32_t n = c->ncorpus > c->nactive ? c->ncorpus : c->nactive;
  return log(n + 1.0) + 1.0;
}

double clu_idf(const wt_clu *c, uint32_t id) {
  return clu_logn(c) - c->strs[id].logdf;
}

static int clu_has(const clu_feat *f, uint32_t n, uint64_t h) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (f[mid].h < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && f[lo].h == h;
}

void clu_vec_fill(const wt_clu *c, const clu_art *a, float *ew, float *tw) {
  double s = 0, logn = clu_logn(c);
  for (uint32_t i = 0; i < a->ne; i++) {
    double w = a->ents[i].w * (logn - c->strs[a->ents[i].id].logdf);
    if (clu_has(a->parts, a->np, a->ents[i].h)) w *= CLU_ENT_PART_W;
    ew[i] = (float)w;
    s += (double)ew[i] * ew[i];
  }
  for (uint32_t i = 0; s > 0 && i < a->ne; i++) ew[i] = (float)(ew[i] / sqrt(s));
  s = 0;
  for (uint32_t i = 0; i < a->nt; i++) {
    tw[i] = (float)((1.0 + log(a->terms[i].w > 1 ? a->terms[i].w : 1)) *
                    (logn - c->strs[a->terms[i].id].logdf));
    s += (double)tw[i] * tw[i];
  }
  for (uint32_t i = 0; s > 0 && i < a->nt; i++) tw[i] = (float)(tw[i] / sqrt(s));
}

static double clu_dot(const clu_feat *a, const float *aw, uint32_t na,
                      const clu_feat *b, const float *bw, uint32_t nb) {
  double s = 0;
  uint32_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].h < b[j].h) i++;
    else if (a[i].h > b[j].h) j++;
    else s += (double)aw[i++] * bw[j++];
  }
  return s;
}

/* Soft Jaccard of the participants: over the union, 1 for an actor both
 * name as participant, 1/2 for one the other article only mentions.
 * -1 when neither names a participant. */
static double clu_parts(const clu_art *a, const clu_art *b) {
  if (!a->np && !b->np) return -1;
  double hit = 0;
  uint32_t uni = 0, i = 0, j = 0;
  while (i < a->np || j < b->np) {
    uni++;
    if (j >= b->np || (i < a->np && a->parts[i].h < b->parts[j].h)) {
      hit += clu_has(b->ents, b->ne, a->parts[i++].h) ? 0.5 : 0;
    } else if (i >= a->np || b->parts[j].h < a->parts[i].h) {
      hit += clu_has(a->ents, a->ne, b->parts[j++].h) ? 0.5 : 0;
    } else {
      hit += 1, i++, j++;
    }
  }
  return hit / uni;
}

/* Decimals a percentage is written with (0, 1 or 2), and its value in
 * hundredths. */
static int clu_fig_dec(float v, long *hund) {
  *hund = lround((double)v * 100.0);
  return *hund % 100 == 0 ? 0 : *hund % 10 == 0 ? 1 : 2;
}

static int clu_fig_eq(float x, float y) {
  long hx, hy;
  int dx = clu_fig_dec(x, &hx), dy = clu_fig_dec(y, &hy);
  if (hx == hy) return 1;
  if (dx - dy != 1 && dy - dx != 1) return 0;
  long unit = (dx < dy ? dx : dy) == 0 ? 100 : 10; /* the coarser step */
  long fine = dx > dy ? hx : hy, coarse = dx > dy ? hy : hx;
  long r = (fine + unit / 2) / unit * unit; /* figures are >= 0 */
  return r == coarse;
}

static int clu_fig_in(float v, const clu_art *y) {
  for (uint32_t j = 0; j < y->nfig; j++)
    if (clu_fig_eq(v, y->figs[j])) return 1;
  return 0;
}

/* Agreement of the lead figures: the mean of the share of the two
 * headline figures (the first of each lead) that the other article
 * states anywhere and the share of all lead figures that it does; -1
 * when either lead states none.  *conflict: neither headline figure is
 * stated by the other. */
static double clu_figs(const clu_art *a, const clu_art *b, int *conflict) {
  *conflict = 0;
  if (!a->nlead || !b->nlead) return -1;
  int hit = 0;
  for (uint32_t i = 0; i < a->nlead; i++) hit += clu_fig_in(a->figs[i], b);
  for (uint32_t i = 0; i < b->nlead; i++) hit += clu_fig_in(b->figs[i], a);
  int head = clu_fig_in(a->figs[0], b) + clu_fig_in(b->figs[0], a);
  *conflict = head == 0;
  return 0.5 * head / 2 + 0.5 * hit / (a->nlead + b->nlead);
}

/* Days from day to the window [lo, hi] beyond the slack (0 inside). */
static int clu_outside(int32_t day, int32_t lo, int32_t hi) {
  int d = day < lo ? lo - day : day > hi ? day - hi : 0;
  return d > CLU_DATE_SLACK ? d - CLU_DATE_SLACK : 0;
}

/* The window penalty when x has no confident date but a window and y has
 * a confident date (or a window too: the gap between them). */
static int clu_window_gap(const clu_art *x, const clu_art *y) {
  if (!(x->flags & CLU_A_WINDOW) || (x->day != WT_NO_DAY && x->conf >= CLU_DATE_CONF))
    return -1;
  if (y->day != WT_NO_DAY && y->conf >= CLU_DATE_CONF)
    return clu_outside(y->day, x->day_min, x->day_max);
  if (y->flags & CLU_A_WINDOW) {
    if (y->day_max < x->day_min) return clu_outside(y->day_max, x->day_min, x->day_max);
    if (y->day_min > x->day_max) return clu_outside(y->day_min, x->day_min, x->day_max);
    return 0;
  }
  return -1;
}

void clu_pair(const wt_clu *c, const clu_art *a, const clu_vec *va,
              const clu_art *b, const clu_vec *vb, clu_score *s) {
  (void)c;
  memset(s, 0, sizeof *s);
  s->w_terms = a->lang != CLU_NONE && b->lang != CLU_NONE && a->lang != b->lang
                   ? 0 : CLU_W_TERMS;
  if (s->w_terms > 0) s->terms = clu_dot(a->terms, va->tw, a->nt, b->terms, vb->tw, b->nt);
  s->ents = clu_dot(a->ents, va->ew, a->ne, b->ents, vb->ew, b->ne);
  s->parts = clu_parts(a, b);
  s->w_parts = s->parts < 0 ? 0 : CLU_W_PARTS;
  if (s->parts < 0) s->parts = 0;
  s->type = a->type == CLU_NONE || b->type == CLU_NONE ? 0.5 : a->type == b->type;
  s->figs = clu_figs(a, b, &s->fig_conflict);
  s->w_figs = s->figs < 0 ? 0 : CLU_W_FIGS;
  if (s->figs < 0) s->figs = 0;
  double base = (s->w_terms * s->terms + CLU_W_ENTS * s->ents +
                 s->w_parts * s->parts + CLU_W_TYPE * s->type +
                 s->w_figs * s->figs) /
                (s->w_terms + CLU_W_ENTS + s->w_parts + CLU_W_TYPE + s->w_figs);

  s->diff = -1;
  s->date_factor = 1;
  double agree = 0; /* confidence of two agreeing dates */
  if (a->day != WT_NO_DAY && b->day != WT_NO_DAY) {
    int diff = a->day > b->day ? a->day - b->day : b->day - a->day;
    double q = a->conf < b->conf ? a->conf : b->conf;
    s->diff = diff;
    if (diff > CLU_DATE_SLACK && a->conf >= CLU_DATE_CONF && b->conf >= CLU_DATE_CONF) {
      s->cannot = 1;
      s->date_factor = 0;
    } else if (diff > CLU_DATE_SLACK) { /* one date is a guess: soft */
      double far = (diff - CLU_DATE_SLACK) / 10.0, vfar = diff / 60.0;
      double pen = (0.4 + q) * (far < 1 ? far : 1) + 0.3 * (vfar < 1 ? vfar : 1);
      s->date_factor = 1 - (pen < 0.95 ? pen : 0.95);
    } else { /* agreeing dates are evidence: boost by how sure they are */
      s->date_factor = 1 + 0.25 * q * (diff <= 1 ? 1.0 : 0.5);
      agree = q;
    }
  }
  int ga = clu_window_gap(a, b), gb = clu_window_gap(b, a);
  s->outside = ga > gb ? ga : gb;
  if (s->outside > 0) {
    double far = s->outside / CLU_WIN_DAYS;
    s->date_factor *= 1 - (CLU_WIN_PEN + CLU_WIN_FAR * (far < 1 ? far : 1));
  }
  if (a->hash && a->hash == b->hash) {
    s->dup = 1;
  } else if (a->mh && b->mh) {
    int eq = 0;
    for (int k = 0; k < WT_CLU_MINHASH; k++) eq += a->mh[k] == b->mh[k];
    if (eq >= CLU_NEAR_DUP) s->dup = 2;
  }
  s->total = base * s->date_factor;
  if (a->type != CLU_NONE && b->type != CLU_NONE && a->type != b->type)
    s->total *= 0.75 + 0.25 * agree; /* the same actors doing something else */
  if (s->fig_conflict) s->total *= CLU_FIG_CONFLICT;
  if (s->total > 1) s->total = 1;
}
