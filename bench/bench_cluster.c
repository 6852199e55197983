/*
 * bench_cluster.c - streaming clustering at scale on a synthetic stream.
 *
 *   bench_cluster [N ...] [-w WINDOW_DAYS] [-d ARTICLES_PER_DAY] [-s SEED]
 *
 * Generates N articles over about N/7.5 events (1 to 40 articles each)
 * spread over N / ARTICLES_PER_DAY days (default 100 a day: a feed at a
 * steady rate, so a bigger N is a longer stream, not a denser one) and
 * feeds them to the index in arrival order (event day plus a 0-3 day
 * reporting lag).  Events come in look-alike families of four: the same
 * two actors and type and family vocabulary on different dates (one per
 * quarter of the span), told apart only by their own words and entities
 * and by dates, which are stated (60%), inferred from publication (20%,
 * low confidence, 0-2 days late) or missing (20%).  Actors are drawn with
 * a skewed popularity so that some postings grow long; 5% of articles are
 * exact copies of an earlier one of their event.
 *
 * The generator streams: an event's day, family and size are functions of
 * its number, so only the articles of the last few days are held (sorted
 * into arrival order), and the truth label of an article is the event
 * that generated it.  B-cubed is streamed too: an article's assignment
 * (from wt_clu_drain) is final once it is older than the window plus a
 * margin; it is then counted into per-cell, per-cluster and per-event
 * tallies, and a cluster's or event's share of precision / recall is taken
 * when nothing has touched it for that long.  So the bench's own memory is
 * bounded by the window too, and peak RSS measures the index.
 *
 * Reports, per N: microseconds per article overall and over the last
 * tenth of the stream (flat when cost does not grow with N), peak RSS,
 * and B-cubed precision / recall / F1 against the generator's truth.
 * Each N runs in its own process, so its peak RSS is its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cluster/cluster.h"
#include "core/calendar.h"
#include "core/util.h"

static uint64_t bench_rng;
static uint32_t bench_rand(void) { /* xorshift64* */
  bench_rng ^= bench_rng >> 12;
  bench_rng ^= bench_rng << 25;
  bench_rng ^= bench_rng >> 27;
  return (uint32_t)((bench_rng * 0x2545F4914F6CDD1DULL) >> 32);
}
static uint32_t bench_below(uint32_t n) { return n ? bench_rand() % n : 0; }
static double bench_unit(void) { return bench_rand() / 4294967296.0; }
/* Skewed pick in [0, n): small indices much more often. */
static uint32_t bench_skew(uint32_t n) {
  double u = bench_unit();
  return (uint32_t)(n * u * u * u) % (n ? n : 1);
}

typedef struct bench_art {
  uint32_t event, family;
  int32_t day, lag; /* event day; reporting lag */
  uint32_t seed;
} bench_art;

static int bench_cmp_arrival(const void *a, const void *b) {
  const bench_art *x = a, *y = b;
  int32_t dx = x->day + x->lag, dy = y->day + y->lag;
  if (dx != dy) return dx < dy ? -1 : 1;
  return x->seed < y->seed ? -1 : x->seed > y->seed;
}

#define BENCH_TERMS 36
#define BENCH_ENTS 6

/* Build the features of one article from its seed (deterministic). */
static void bench_features(const bench_art *a, uint32_t nfam,
                           char store[][24], const char **terms, float *tw,
                           const char **ents, float *ew, const char **parts,
                           wt_clu_doc *d) {
  uint64_t saved = bench_rng;
  bench_rng = a->seed * 0x9E3779B97F4A7C15ULL + 1;
  uint32_t f = a->family, actors = nfam / 2 + 2;
  uint32_t actor1 = (f * 2654435761u) % actors, actor2 = (f * 40503u + 7) % actors;
  if (actor2 == actor1) actor2 = (actor2 + 1) % actors;
  int k = 0;
  snprintf(store[k], 24, "p%u", actor1), parts[0] = store[k++];
  snprintf(store[k], 24, "p%u", actor2), parts[1] = store[k++];
  d->participants = parts;
  d->n_participants = bench_below(10) ? 2 : 1;
  int ne = 0;
  ents[ne] = parts[0], ew[ne++] = 0.3f;
  ents[ne] = parts[1], ew[ne++] = 0.3f;
  for (int i = 0; i < 2; i++) {
    snprintf(store[k], 24, "e%u_%u", a->event, bench_below(3));
    ents[ne] = store[k++], ew[ne++] = 0.1f;
  }
  for (int i = 0; i < 2; i++) {
    snprintf(store[k], 24, "g%u", bench_skew(5000));
    ents[ne] = store[k++], ew[ne++] = 0.1f;
  }
  d->entities = ents;
  d->entity_w = ew;
  d->n_entities = (size_t)ne;
  int nt = 0;
  for (int i = 0; i < 10; i++) { /* family vocabulary */
    snprintf(store[k], 24, "f%u_%u", f, bench_below(25));
    terms[nt] = store[k++], tw[nt++] = 1.0f + (float)bench_below(3);
  }
  for (int i = 0; i < 8; i++) { /* this event's own words */
    snprintf(store[k], 24, "v%u_%u", a->event, bench_below(16));
    terms[nt] = store[k++], tw[nt++] = 1.0f + (float)bench_below(3);
  }
  while (nt < BENCH_TERMS) { /* general news vocabulary */
    snprintf(store[k], 24, "w%u", bench_skew(30000));
    terms[nt] = store[k++], tw[nt++] = 1.0f;
  }
  d->terms = terms;
  d->term_w = tw;
  d->n_terms = (size_t)nt;
  d->type = bench_below(10) ? store[k] : NULL;
  snprintf(store[k++], 24, "t%u", f % 40);
  uint32_t r = bench_below(100);
  if (r < 60) {
    d->day = a->day + (bench_below(20) ? 0 : 1);
    d->day_conf = 0.8f + 0.15f * (float)bench_unit();
  } else if (r < 80) {
    d->day = a->day + a->lag;
    d->day_conf = 0.3f;
  } else {
    d->day = WT_NO_DAY;
    d->day_conf = 0;
  }
  bench_rng = saved;
}

/* ------------------------------------------------ streamed B-cubed */

/* Open-addressing tally: key -> count, sum of squared cell counts, and the
 * article number that last touched it (for closing by age). */
typedef struct bench_tally {
  uint64_t *k; /* 0: empty */
  double *cnt, *s2;
  size_t *last;
  size_t cap, n;
} bench_tally;

static size_t bench_slot(const bench_tally *t, uint64_t k) {
  size_t h = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 17) & (t->cap - 1);
  while (t->k[h] && t->k[h] != k) h = (h + 1) & (t->cap - 1);
  return h;
}

static void bench_tally_init(bench_tally *t, size_t cap) {
  t->cap = cap;
  t->n = 0;
  t->k = calloc(cap, sizeof *t->k);
  t->cnt = malloc(cap * sizeof *t->cnt);
  t->s2 = malloc(cap * sizeof *t->s2);
  t->last = malloc(cap * sizeof *t->last);
  if (!t->k || !t->cnt || !t->s2 || !t->last) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
}

static void bench_tally_free(bench_tally *t) {
  free(t->k), free(t->cnt), free(t->s2), free(t->last);
}

/* Entry of k (created empty), growing the table when needed. */
static size_t bench_tally_at(bench_tally *t, uint64_t k) {
  if ((t->n + 1) * 2 > t->cap) {
    bench_tally o = *t;
    bench_tally_init(t, o.cap * 2);
    for (size_t i = 0; i < o.cap; i++)
      if (o.k[i]) {
        size_t h = bench_slot(t, o.k[i]);
        t->k[h] = o.k[i], t->cnt[h] = o.cnt[i], t->s2[h] = o.s2[i];
        t->last[h] = o.last[i];
        t->n++;
      }
    bench_tally_free(&o);
  }
  size_t h = bench_slot(t, k);
  if (!t->k[h]) t->k[h] = k, t->cnt[h] = t->s2[h] = 0, t->n++;
  return h;
}

/* Drop entries not touched since article `before`, adding s2 / cnt of each
 * to *sum (NULL: just drop); rebuilds the table. */
static void bench_tally_close(bench_tally *t, size_t before, double *sum) {
  bench_tally o = *t;
  size_t cap = 1024;
  while (cap < o.n * 4) cap <<= 1;
  bench_tally_init(t, cap);
  for (size_t i = 0; i < o.cap; i++) {
    if (!o.k[i]) continue;
    if (o.last[i] < before) {
      if (sum) *sum += o.s2[i] / o.cnt[i];
      continue;
    }
    size_t h = bench_slot(t, o.k[i]);
    t->k[h] = o.k[i], t->cnt[h] = o.cnt[i], t->s2[h] = o.s2[i];
    t->last[h] = o.last[i];
    t->n++;
  }
  bench_tally_free(&o);
}

typedef struct bench_b3 {
  bench_tally cell, pred, truth; /* (pred, truth), pred, truth */
  double P, R;
  size_t n;
} bench_b3;

/* Count one article with its final predicted event and its true one. */
static void bench_b3_add(bench_b3 *b, int64_t pred, uint32_t truth, size_t now) {
  size_t h = bench_tally_at(&b->cell, ((uint64_t)pred << 24) ^ ((uint64_t)truth + 1));
  double k = b->cell.cnt[h]++; /* cell k -> k + 1: its square grows 2k + 1 */
  b->cell.last[h] = now;
  size_t p = bench_tally_at(&b->pred, (uint64_t)pred);
  b->pred.cnt[p]++, b->pred.s2[p] += 2 * k + 1, b->pred.last[p] = now;
  size_t t = bench_tally_at(&b->truth, (uint64_t)truth + 1);
  b->truth.cnt[t]++, b->truth.s2[t] += 2 * k + 1, b->truth.last[t] = now;
  b->n++;
}

/* ------------------------------------------------------------ the run */

/* Articles fed but not final yet, in arrival order (article id = base + i). */
typedef struct bench_open {
  uint32_t *truth;
  int64_t *pred;
  int32_t *day;
  size_t base, n, cap, head;
} bench_open;

static void bench_assign(void *ud, int64_t article, int64_t event) {
  bench_open *o = ud;
  size_t a = (size_t)article - 1;
  if (a >= o->base + o->head && a < o->base + o->n) o->pred[a - o->base] = event;
}

static void bench_open_push(bench_open *o, uint32_t truth, int32_t day) {
  if (o->n == o->cap) {
    if (o->head * 2 >= o->n) { /* slide the final ones out */
      size_t k = o->n - o->head;
      memmove(o->truth, o->truth + o->head, k * sizeof *o->truth);
      memmove(o->pred, o->pred + o->head, k * sizeof *o->pred);
      memmove(o->day, o->day + o->head, k * sizeof *o->day);
      o->base += o->head, o->n = k, o->head = 0;
    }
    if (o->n == o->cap) {
      o->cap = o->cap ? o->cap * 2 : 4096;
      o->truth = realloc(o->truth, o->cap * sizeof *o->truth);
      o->pred = realloc(o->pred, o->cap * sizeof *o->pred);
      o->day = realloc(o->day, o->cap * sizeof *o->day);
      if (!o->truth || !o->pred || !o->day) {
        fprintf(stderr, "out of memory\n");
        exit(1);
      }
    }
  }
  o->truth[o->n] = truth, o->pred[o->n] = 0, o->day[o->n++] = day;
}

/* Finalise every open article that arrived before `day`. */
static void bench_finalise(bench_open *o, bench_b3 *b, int32_t day, size_t now) {
  while (o->head < o->n && o->day[o->head] < day) {
    bench_b3_add(b, o->pred[o->head], o->truth[o->head], now);
    o->head++;
  }
}

typedef struct bench_gen {
  size_t n, fed;         /* articles wanted, fed */
  uint32_t nq, mult;     /* events per quarter (= families); permutation */
  int span;              /* days */
  int32_t base;
  bench_art *pend;       /* generated, not fed: the last few days */
  size_t npend, cappend;
} bench_gen;

/* Event number e = q * nq + j, at position p of quarter q (days in order):
 * family j = p * mult + 7919 q mod nq. */
static void bench_event(const bench_gen *g, uint32_t q, uint32_t p, bench_art *ev) {
  ev->family = (uint32_t)(((uint64_t)p * g->mult + 7919ULL * q) % g->nq);
  ev->event = q * g->nq + ev->family;
  int qd = g->span / 4 - 7;
  ev->day = g->base + (int32_t)(q * (uint32_t)g->span / 4) +
            (int32_t)((uint64_t)p * (uint64_t)qd / g->nq);
}

static uint32_t bench_gcd(uint32_t a, uint32_t b) {
  while (b) {
    uint32_t t = a % b;
    a = b, b = t;
  }
  return a;
}

static void bench_run(size_t n, int window, int per_day, uint64_t seed) {
  bench_gen g = {.n = n};
  size_t nev = n * 2 / 15 + 8; /* ~8.2 articles an event: ~1.1 N */
  g.nq = (uint32_t)(nev / 4);
  g.mult = 2654435761u % g.nq;
  while (!g.mult || bench_gcd(g.mult, g.nq) != 1) g.mult++;
  g.span = (int)(n / (size_t)per_day > 60 ? n / (size_t)per_day : 60);
  g.base = wt_days_from_civil(2024, 1, 1);

  wt_clu *c = wt_clu_new();
  wt_clu_set_window(c, window);
  char store[64][24];
  const char *terms[BENCH_TERMS], *ents[BENCH_ENTS], *parts[2];
  float tw[BENCH_TERMS], ew[BENCH_ENTS];
  bench_open op = {0};
  bench_b3 b3 = {0};
  bench_tally_init(&b3.cell, 1024);
  bench_tally_init(&b3.pred, 1024);
  bench_tally_init(&b3.truth, 1024);
  /* an assignment is final once its event is out of the window: wait the
   * window plus the lags and slack; tallies close after as long again */
  int32_t settle = window ? window + 10 : INT32_MAX / 4;
  size_t close_gap = (size_t)(settle + 10) * (size_t)per_day * 2, last_close = 0;
  double t0 = wt_now(), t_tail = 0;
  size_t tail_from = n - n / 10;
  for (uint32_t q = 0; q < 4 && g.fed < n; q++)
    for (uint32_t p = 0; p < g.nq && g.fed < n; p++) {
      bench_art ev;
      bench_event(&g, q, p, &ev);
      /* feed what arrives before this event's day, in arrival order */
      qsort(g.pend, g.npend, sizeof *g.pend, bench_cmp_arrival);
      size_t k = 0;
      for (; k < g.npend && g.fed < n; k++) {
        const bench_art *a = &g.pend[k];
        if (a->day + a->lag >= ev.day) break;
        if (g.fed == tail_from) t_tail = wt_now();
        wt_clu_doc d = {0};
        d.article = (int64_t)g.fed + 1;
        d.hash = (uint64_t)a->seed * 0x9E3779B97F4A7C15ULL + 17;
        bench_features(a, g.nq, store, terms, tw, ents, ew, parts, &d);
        bench_open_push(&op, a->event, a->day + a->lag);
        if (wt_clu_add(c, &d) < 0) {
          fprintf(stderr, "add failed at %zu\n", g.fed);
          exit(1);
        }
        wt_clu_drain(c, bench_assign, NULL, &op);
        g.fed++;
      }
      memmove(g.pend, g.pend + k, (g.npend - k) * sizeof *g.pend);
      g.npend -= k;
      bench_finalise(&op, &b3, ev.day - settle, g.fed);
      if (g.fed - last_close > close_gap) {
        bench_tally_close(&b3.pred, g.fed - close_gap / 2, &b3.P);
        bench_tally_close(&b3.truth, g.fed - close_gap / 2, &b3.R);
        bench_tally_close(&b3.cell, g.fed - close_gap / 2, NULL);
        last_close = g.fed;
      }
      /* generate this event's articles (5% copy an earlier one of it) */
      uint64_t saved = bench_rng;
      bench_rng = (seed ^ ((uint64_t)ev.event + 1) * 0xD1B54A32D192ED03ULL) | 1;
      /* like an event drawn once or twice from the pool */
      uint32_t size = 1 + bench_skew(20) + (bench_below(2) ? 1 + bench_skew(20) : 0);
      size_t first = g.npend;
      for (uint32_t i = 0; i < size; i++) {
        if (g.npend == g.cappend) {
          g.cappend = g.cappend ? g.cappend * 2 : 1024;
          g.pend = realloc(g.pend, g.cappend * sizeof *g.pend);
          if (!g.pend) {
            fprintf(stderr, "out of memory\n");
            exit(1);
          }
        }
        bench_art *a = &g.pend[g.npend++];
        *a = ev;
        a->lag = (int32_t)bench_below(4);
        a->seed = bench_rand();
        if (i && bench_below(20) == 0) a->seed = g.pend[first + bench_below(i)].seed;
      }
      bench_rng = saved;
    }
  double t1 = wt_now();
  size_t fed = g.fed;
  bench_finalise(&op, &b3, INT32_MAX, fed);
  bench_tally_close(&b3.pred, SIZE_MAX, &b3.P);
  bench_tally_close(&b3.truth, SIZE_MAX, &b3.R);
  double p = b3.P / (double)b3.n, r = b3.R / (double)b3.n, f1 = 2 * p * r / (p + r);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  if (tail_from >= fed) t_tail = t1, tail_from = fed ? fed - 1 : 0;
  printf("N=%-8zu window=%-3d per_day=%-5d %7.1f us/article (last tenth %7.1f)  peak RSS %6.1f MB"
         "  B3 P=%.3f R=%.3f F1=%.3f\n",
         fed, window, per_day, (t1 - t0) / (double)fed * 1e6,
         (t1 - t_tail) / (double)(fed - tail_from) * 1e6, ru.ru_maxrss / 1024.0, p, r, f1);
  fflush(stdout);
  wt_clu_free(c);
  bench_tally_free(&b3.cell), bench_tally_free(&b3.pred), bench_tally_free(&b3.truth);
  free(op.truth), free(op.pred), free(op.day);
  free(g.pend);
}

int main(int argc, char **argv) {
  int window = 30, per_day = 100;
  uint64_t seed = 42;
  size_t ns[16], nn = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-w") && i + 1 < argc) window = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-d") && i + 1 < argc) per_day = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 100;
    else if (!strcmp(argv[i], "-s") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
    else if (nn < 16) ns[nn++] = strtoull(argv[i], NULL, 10);
  }
  if (!nn) ns[nn++] = 10000, ns[nn++] = 100000, ns[nn++] = 1000000;
  for (size_t i = 0; i < nn; i++) {
    pid_t pid = fork();
    if (pid == 0) {
      bench_run(ns[i], window, per_day, seed);
      _exit(0);
    }
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
      fprintf(stderr, "bench_cluster: run N=%zu failed\n", ns[i]);
      return 1;
    }
  }
  return 0;
}
