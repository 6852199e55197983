/*
 * bench_cluster.c - streaming clustering at scale on a synthetic stream.
 *
 *   bench_cluster [N ...] [-w WINDOW_DAYS] [-d ARTICLES_PER_DAY] [-s SEED]
 *
 * Generates N articles over N/8 events (1 to 20 articles each) spread over
 * N / ARTICLES_PER_DAY days (default 100 a day: a feed at a steady rate,
 * so a bigger N is a longer stream, not a denser one) and feeds them to the
 * index in arrival order (event day plus a 0-3 day reporting lag).  Events come in look-alike families of four: the same two actors
 * and type and family vocabulary on different dates, told apart only by
 * their own words and entities and by dates, which are stated (60%),
 * inferred from publication (20%, low confidence, 0-2 days late) or
 * missing (20%).  Actors are drawn with a skewed popularity so that some
 * postings grow long; 5% of articles are exact copies of an earlier one.
 *
 * Reports, per N: microseconds per article overall and over the last
 * tenth of the stream (flat when cost does not grow with N), peak RSS,
 * and B-cubed precision / recall / F1 against the generator's truth.
 * Each N runs in its own process, so its peak RSS is its own (it includes
 * the generator's 16 bytes per article and the truth arrays).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
  uint32_t event;
  int32_t lag;
  int copy_of; /* index of the article copied, -1 */
  uint32_t seed;
} bench_art;

typedef struct bench_ev {
  uint32_t family;
  int32_t day;
} bench_ev;

static int bench_cmp_arrival(const void *a, const void *b, void *ctx) {
  const bench_art *x = a, *y = b;
  const bench_ev *ev = ctx;
  int32_t dx = ev[x->event].day + x->lag, dy = ev[y->event].day + y->lag;
  if (dx != dy) return dx < dy ? -1 : 1;
  return x->seed < y->seed ? -1 : x->seed > y->seed;
}

#define BENCH_TERMS 36
#define BENCH_ENTS 6

/* Build the features of one article from its seed (deterministic). */
static void bench_features(const bench_art *a, const bench_ev *evs, uint32_t nfam,
                           char store[][24], const char **terms, float *tw,
                           const char **ents, float *ew, const char **parts,
                           wt_clu_doc *d) {
  uint64_t saved = bench_rng;
  bench_rng = a->seed * 0x9E3779B97F4A7C15ULL + 1;
  const bench_ev *ev = &evs[a->event];
  uint32_t f = ev->family, actors = nfam / 2 + 2;
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
    d->day = ev->day + (bench_below(20) ? 0 : 1);
    d->day_conf = 0.8f + 0.15f * (float)bench_unit();
  } else if (r < 80) {
    d->day = ev->day + a->lag;
    d->day_conf = 0.3f;
  } else {
    d->day = WT_NO_DAY;
    d->day_conf = 0;
  }
  bench_rng = saved;
}

typedef struct bench_pt {
  int64_t p;
  uint32_t t;
} bench_pt;

static int bench_pt_cmp(const void *a, const void *b) {
  const bench_pt *x = a, *y = b;
  if (x->p != y->p) return x->p < y->p ? -1 : 1;
  return x->t < y->t ? -1 : x->t > y->t;
}

/* B-cubed precision and recall of pred against truth; returns F1. */
static double bench_bcubed(const int64_t *pred, const uint32_t *truth, size_t n,
                           double *prec, double *rec) {
  bench_pt *v = malloc(n * sizeof *v);
  for (size_t i = 0; i < n; i++) v[i] = (bench_pt){pred[i], truth[i]};
  qsort(v, n, sizeof *v, bench_pt_cmp);
  /* precision: sum over (p,t) of c(p,t)^2 / c(p) */
  double P = 0, R = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && v[j].p == v[i].p) j++;
    double cp = (double)(j - i);
    for (size_t a = i; a < j;) {
      size_t b = a;
      while (b < j && v[b].t == v[a].t) b++;
      P += (double)(b - a) * (double)(b - a) / cp;
      a = b;
    }
    i = j;
  }
  uint32_t maxt = 0;
  for (size_t i = 0; i < n; i++) if (truth[i] > maxt) maxt = truth[i];
  double *ct = calloc(maxt + 1, sizeof *ct);
  for (size_t i = 0; i < n; i++) ct[truth[i]]++;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && v[j].p == v[i].p && v[j].t == v[i].t) j++;
    R += (double)(j - i) * (double)(j - i) / ct[v[i].t];
    i = j;
  }
  free(ct);
  free(v);
  *prec = P / n;
  *rec = R / n;
  return 2 * *prec * *rec / (*prec + *rec);
}

static void bench_run(size_t n, int window, int per_day, uint64_t seed) {
  bench_rng = seed;
  size_t nev = n / 8 + 1;
  uint32_t nfam = (uint32_t)(nev / 4 + 1);
  int span = (int)(n / (size_t)per_day > 60 ? n / (size_t)per_day : 60);
  bench_ev *evs = malloc(nev * sizeof *evs);
  bench_art *arts = malloc(n * sizeof *arts);
  int32_t base = wt_days_from_civil(2024, 1, 1);
  for (size_t e = 0; e < nev; e++) {
    evs[e].family = (uint32_t)(e % nfam);
    /* family members at least ~a week apart: one per quarter of the span */
    uint32_t q = (uint32_t)(e / nfam) % 4;
    evs[e].day = base + (int32_t)(q * (uint32_t)span / 4 + bench_below((uint32_t)span / 4 - 7));
  }
  size_t i = 0;
  while (i < n) {
    uint32_t e = bench_below((uint32_t)nev), size = 1 + bench_skew(20);
    for (uint32_t k = 0; k < size && i < n; k++, i++) {
      arts[i].event = e;
      arts[i].lag = (int32_t)bench_below(4);
      arts[i].seed = bench_rand();
      arts[i].copy_of = -1;
    }
  }
  qsort_r(arts, n, sizeof *arts, bench_cmp_arrival, evs);
  for (size_t a = 1; a < n; a++)
    if (bench_below(20) == 0) { /* copy an earlier article of its event */
      for (size_t b = a; b-- > 0 && b + 200 > a;)
        if (arts[b].event == arts[a].event && arts[b].copy_of < 0) {
          arts[a].seed = arts[b].seed;
          arts[a].copy_of = (int)b;
          break;
        }
    }

  wt_clu *c = wt_clu_new();
  wt_clu_set_window(c, window);
  char store[64][24];
  const char *terms[BENCH_TERMS], *ents[BENCH_ENTS], *parts[2];
  float tw[BENCH_TERMS], ew[BENCH_ENTS];
  double t0 = wt_now(), t_tail = 0;
  size_t tail_from = n - n / 10;
  for (size_t a = 0; a < n; a++) {
    if (a == tail_from) t_tail = wt_now();
    wt_clu_doc d = {0};
    d.article = (int64_t)a + 1;
    d.hash = (uint64_t)arts[a].seed * 0x9E3779B97F4A7C15ULL + 17;
    bench_features(&arts[a], evs, nfam, store, terms, tw, ents, ew, parts, &d);
    if (wt_clu_add(c, &d) < 0) {
      fprintf(stderr, "add failed at %zu\n", a);
      exit(1);
    }
    if ((a & 1023) == 0) wt_clu_drain(c, NULL, NULL, NULL);
  }
  double t1 = wt_now();
  int64_t *pred = malloc(n * sizeof *pred);
  uint32_t *truth = malloc(n * sizeof *truth);
  for (size_t a = 0; a < n; a++) {
    pred[a] = wt_clu_resolve(c, wt_clu_event_of(c, (int64_t)a + 1));
    truth[a] = arts[a].event;
  }
  double p, r, f1 = bench_bcubed(pred, truth, n, &p, &r);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("N=%-8zu window=%-3d per_day=%-5d %7.1f us/article (last tenth %7.1f)  peak RSS %6.1f MB"
         "  B3 P=%.3f R=%.3f F1=%.3f\n",
         n, window, per_day, (t1 - t0) / n * 1e6, (t1 - t_tail) / (n - tail_from) * 1e6,
         ru.ru_maxrss / 1024.0, p, r, f1);
  fflush(stdout);
  wt_clu_free(c);
  free(pred);
  free(truth);
  free(evs);
  free(arts);
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
