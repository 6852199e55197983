/*
 * reconcile.c - the facts of one event from its articles' JSON documents.
 *
 * Steps, over the articles sorted by id (so the input order never
 * matters):
 *   - type by majority, date by confidence-weighted vote, duration by
 *     support, participants named by at least half of the articles;
 *   - facts: each distinct value with the articles and outlets stating
 *     it.  Values agree within a tolerance: durations within 3% (2 min),
 *     or 10% (10 min) when either is approximate; figures only compare
 *     within the same kind, unit, period and baseline, so amounts for
 *     different years are different facts, never a contradiction;
 *   - contradictions: two stated dates, two durations that do not agree,
 *     and same-key figures that disagree when no single article states
 *     both (then they are two figures, not a conflict);
 *   - provenance: credited sources, and sentences of one article that
 *     reappear, lightly edited, in another (word 3-gram containment);
 *   - headline: the title of the article most similar to the others;
 *     summary: the most central sentences by TF-IDF over the event's
 *     words, near repeats skipped.
 *
 * Every field of the input is type-checked; missing or odd fields are
 * skipped.  Lists are capped (RC_MAX_*) so one huge article cannot blow up
 * the work.
 */
#include "reconcile.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

#define RC_MAX_ITEMS 256   /* facts of one kind read per article */
#define RC_MAX_SENT 400    /* sentences read per article */
#define RC_MAX_WORDS 120   /* words per sentence kept for shingles */
#define RC_REUSE 0.6       /* share of a sentence's 3-grams found elsewhere */
#define RC_SUMMARY 3

/* --------------------------------------------------------- json access */

static const char *rc_str(json_t *o, const char *k) {
  json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;
  return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

static int rc_num(json_t *o, const char *k, double *out) {
  json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;
  if (!json_is_number(v)) return 0;
  double d = json_number_value(v);
  if (!isfinite(d)) return 0;
  *out = d;
  return 1;
}

static json_t *rc_arr(json_t *o, const char *k) {
  json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;
  return json_is_array(v) ? v : NULL;
}

static size_t rc_len(json_t *a) {
  size_t n = json_is_array(a) ? json_array_size(a) : 0;
  return n < RC_MAX_ITEMS ? n : RC_MAX_ITEMS;
}

/* ----------------------------------------------------------- articles */

typedef struct rc_art {
  json_t *j;
  json_int_t id;
  const char *outlet, *title, *body;
} rc_art;

static int rc_art_cmp(const void *a, const void *b) {
  const rc_art *x = a, *y = b;
  if (x->id != y->id) return x->id < y->id ? -1 : 1;
  const char *ex = rc_str(x->j, "ext_id"), *ey = rc_str(y->j, "ext_id");
  return strcmp(ex ? ex : "", ey ? ey : "");
}

/* --------------------------------------------------------- fact groups */

/* One distinct value of a kind of fact and who states it. */
typedef struct rc_group {
  json_t *value; /* owned */
  char key[160]; /* what must be equal to compare at all */
  double num;    /* numeric value, when numeric */
  int approx;    /* every statement of it is approximate */
  double weight; /* confidence-weighted support */
  json_t *arts;  /* owned: article ids */
  json_t *outs;  /* owned: outlet names */
  const char *kind;
  char unit[32], period[32];
} rc_group;

typedef struct rc_groups {
  rc_group *v;
  size_t n, cap;
} rc_groups;

static void rc_add_unique_int(json_t *a, json_int_t id) {
  size_t i;
  json_t *v;
  json_array_foreach(a, i, v) if (json_integer_value(v) == id) return;
  json_array_append_new(a, json_integer(id));
}

static void rc_add_unique_str(json_t *a, const char *s) {
  if (!s) return;
  size_t i;
  json_t *v;
  json_array_foreach(a, i, v) if (strcmp(json_string_value(v), s) == 0) return;
  json_array_append_new(a, json_string(s));
}

static rc_group *rc_group_new(rc_groups *g, const char *kind, const char *key,
                              json_t *value) {
  if (g->n == g->cap) {
    size_t nc = g->cap ? g->cap * 2 : 16;
    rc_group *nv = realloc(g->v, nc * sizeof *nv);
    if (!nv) {
      json_decref(value);
      return NULL;
    }
    g->v = nv;
    g->cap = nc;
  }
  rc_group *r = &g->v[g->n++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  snprintf(r->key, sizeof r->key, "%s", key ? key : "");
  r->value = value;
  r->arts = json_array();
  r->outs = json_array();
  r->approx = 1;
  return r;
}

static void rc_group_note(rc_group *r, const rc_art *a, double w, int approx) {
  rc_add_unique_int(r->arts, a->id);
  rc_add_unique_str(r->outs, a->outlet);
  r->weight += w;
  if (!approx) r->approx = 0;
}

static void rc_groups_free(rc_groups *g) {
  for (size_t i = 0; i < g->n; i++) {
    json_decref(g->v[i].value);
    json_decref(g->v[i].arts);
    json_decref(g->v[i].outs);
  }
  free(g->v);
  memset(g, 0, sizeof *g);
}

static int rc_json_int_cmp(const void *a, const void *b) {
  json_int_t x = json_integer_value(*(json_t *const *)a),
             y = json_integer_value(*(json_t *const *)b);
  return x < y ? -1 : x > y;
}
static int rc_json_str_cmp(const void *a, const void *b) {
  return strcmp(json_string_value(*(json_t *const *)a),
                json_string_value(*(json_t *const *)b));
}

/* A sorted copy of a JSON array of ints or strings. */
static json_t *rc_sorted(json_t *a, int strings) {
  size_t n = json_array_size(a);
  json_t **v = malloc((n ? n : 1) * sizeof *v);
  json_t *out = json_array();
  if (!v) return out;
  for (size_t i = 0; i < n; i++) v[i] = json_array_get(a, i);
  qsort(v, n, sizeof *v, strings ? rc_json_str_cmp : rc_json_int_cmp);
  for (size_t i = 0; i < n; i++) json_array_append(out, v[i]);
  free(v);
  return out;
}

static json_t *rc_group_json(const rc_group *r, int with_kind) {
  json_t *o = json_object();
  if (with_kind) json_object_set_new(o, "kind", json_string(r->kind));
  json_object_set(o, "value", r->value);
  if (r->unit[0]) json_object_set_new(o, "unit", json_string(r->unit));
  if (r->period[0]) json_object_set_new(o, "period", json_string(r->period));
  if (r->approx && !strcmp(r->kind, "duration"))
    json_object_set_new(o, "approx", json_true());
  json_object_set_new(o, "articles", rc_sorted(r->arts, 0));
  json_object_set_new(o, "outlets", rc_sorted(r->outs, 1));
  json_object_set_new(o, "support", json_integer((json_int_t)json_array_size(r->arts)));
  return o;
}

/* Do two numbers agree?  Approximate statements get a wider margin. */
static int rc_agree(double a, double b, int approx, double abs_tol, double abs_tol_approx) {
  double d = fabs(a - b), m = fmax(fabs(a), fabs(b));
  if (approx) return d <= fmax(0.10 * m, abs_tol_approx);
  return d <= fmax(0.03 * m, abs_tol);
}

/* ------------------------------------------------------ event fields */

typedef struct rc_num_item {
  double v;
  int approx;
  double w;
  const rc_art *a;
  char key[160], unit[32], period[32];
  const char *kind;
} rc_num_item;

static int rc_num_item_cmp(const void *a, const void *b) {
  const rc_num_item *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  if (x->approx != y->approx) return x->approx - y->approx; /* exact first */
  if (x->v != y->v) return x->v < y->v ? -1 : 1;
  return x->a->id < y->a->id ? -1 : x->a->id > y->a->id;
}

/* Group numeric statements: exact values seed groups (most supported
 * first), approximate ones join the first group they agree with. */
static void rc_group_numbers(rc_num_item *it, size_t n, rc_groups *g,
                             double tol, double tol_approx) {
  qsort(it, n, sizeof *it, rc_num_item_cmp);
  for (size_t i = 0; i < n; i++) {
    rc_group *hit = NULL;
    for (size_t k = 0; k < g->n && !hit; k++) {
      rc_group *r = &g->v[k];
      if (strcmp(r->key, it[i].key) || strcmp(r->kind, it[i].kind)) continue;
      if (rc_agree(r->num, it[i].v, it[i].approx || r->approx, tol, tol_approx)) hit = r;
    }
    if (!hit) {
      hit = rc_group_new(g, it[i].kind, it[i].key, json_real(it[i].v));
      if (!hit) continue;
      hit->num = it[i].v;
      snprintf(hit->unit, sizeof hit->unit, "%s", it[i].unit);
      snprintf(hit->period, sizeof hit->period, "%s", it[i].period);
      if (floor(it[i].v) == it[i].v && fabs(it[i].v) < 9e15) {
        json_decref(hit->value);
        hit->value = json_integer((json_int_t)it[i].v);
      }
    }
    rc_group_note(hit, it[i].a, it[i].w, it[i].approx);
  }
}

/* Does one article state values of two groups (then they are two
 * figures, not a disagreement)? */
static int rc_share_article(const rc_group *x, const rc_group *y) {
  size_t i, j;
  json_t *a, *b;
  json_array_foreach(x->arts, i, a) json_array_foreach(y->arts, j, b) if (
      json_integer_value(a) == json_integer_value(b)) return 1;
  return 0;
}

static json_t *rc_contradiction(const char *kind, rc_group *const *gs, size_t n) {
  json_t *c = json_object(), *vals = json_array();
  json_object_set_new(c, "kind", json_string(kind));
  for (size_t i = 0; i < n; i++) {
    json_t *v = rc_group_json(gs[i], 0);
    json_object_del(v, "support");
    json_array_append_new(vals, v);
  }
  json_object_set_new(c, "values", vals);
  return c;
}

/* Best group by weight (ties: exact before approximate, then first). */
static const rc_group *rc_best(const rc_groups *g, const char *kind) {
  const rc_group *b = NULL;
  for (size_t i = 0; i < g->n; i++) {
    const rc_group *r = &g->v[i];
    if (strcmp(r->kind, kind)) continue;
    if (!b || r->weight > b->weight + 1e-9 ||
        (fabs(r->weight - b->weight) <= 1e-9 && b->approx && !r->approx))
      b = r;
  }
  return b;
}

/* Dates, durations and figures: facts, contradictions, event values. */
static void rc_numbers(rc_art *arts, size_t n, json_t *ev, json_t *facts,
                       json_t *contra) {
  rc_groups g = {0};
  size_t cap = 16, m = 0;
  rc_num_item *it = malloc(cap * sizeof *it);
  if (!it) return;
  /* dates: one per article, its frame's; inferred ones count lightly */
  rc_groups dates = {0};
  for (size_t i = 0; i < n; i++) {
    json_t *fr = json_object_get(arts[i].j, "frame");
    const char *d = rc_str(fr, "date");
    if (!d || strlen(d) < 10) continue;
    double conf = 0.5;
    rc_num(fr, "date_conf", &conf);
    char day[11];
    memcpy(day, d, 10);
    day[10] = 0;
    rc_group *r = NULL;
    for (size_t k = 0; k < dates.n && !r; k++)
      if (!strcmp(dates.v[k].key, day)) r = &dates.v[k];
    if (!r) r = rc_group_new(&dates, "date", day, json_string(day));
    if (!r) continue;
    rc_group_note(r, &arts[i], conf, conf < 0.5);
  }
  const rc_group *bd = NULL;
  rc_group *stated[64];
  size_t nst = 0;
  for (size_t k = 0; k < dates.n; k++) {
    const rc_group *r = &dates.v[k];
    if (!bd || r->weight > bd->weight + 1e-9 ||
        (fabs(r->weight - bd->weight) <= 1e-9 && strcmp(r->key, bd->key) < 0))
      bd = r;
    if (!r->approx) { /* stated (confident) somewhere: a fact */
      json_array_append_new(facts, rc_group_json(r, 1));
      if (nst < 64) stated[nst++] = &dates.v[k];
    }
  }
  if (nst > 1) json_array_append_new(contra, rc_contradiction("date", stated, nst));
  json_object_set(ev, "date", bd ? bd->value : json_null());
  if (bd) json_object_set_new(ev, "date_stated", json_boolean(!bd->approx));

  /* durations of the event: the frame's, approx when a figure says so */
  for (size_t i = 0; i < n; i++) {
    json_t *fr = json_object_get(arts[i].j, "frame");
    double mins;
    if (!rc_num(fr, "duration_minutes", &mins) || mins <= 0) continue;
    int approx = 0;
    json_t *figs = rc_arr(arts[i].j, "figures");
    for (size_t k = 0; k < rc_len(figs); k++) {
      json_t *f = json_array_get(figs, k);
      double v;
      const char *kind = rc_str(f, "kind");
      if (kind && !strcmp(kind, "duration") && rc_num(f, "value", &v) &&
          fabs(v - mins) < 0.5 && json_is_true(json_object_get(f, "approx")))
        approx = 1;
    }
    if (m == cap) {
      cap *= 2;
      rc_num_item *ni = realloc(it, cap * sizeof *ni);
      if (!ni) break;
      it = ni;
    }
    it[m] = (rc_num_item){mins, approx, approx ? 0.5 : 1.0, &arts[i], "", "min", "", "duration"};
    m++;
  }
  rc_group_numbers(it, m, &g, 2, 10);
  rc_group *durs[64];
  size_t nd = 0;
  for (size_t k = 0; k < g.n; k++) {
    json_array_append_new(facts, rc_group_json(&g.v[k], 1));
    if (nd < 64) durs[nd++] = &g.v[k];
  }
  if (nd > 1) json_array_append_new(contra, rc_contradiction("duration", durs, nd));
  const rc_group *bdur = rc_best(&g, "duration");
  json_object_set(ev, "duration_minutes", bdur ? bdur->value : json_null());
  rc_groups_free(&g);

  /* other figures, keyed by kind, unit, period and baseline */
  m = 0;
  for (size_t i = 0; i < n; i++) {
    json_t *figs = rc_arr(arts[i].j, "figures");
    for (size_t k = 0; k < rc_len(figs); k++) {
      json_t *f = json_array_get(figs, k);
      const char *kind = rc_str(f, "kind");
      double v;
      if (!kind || !strcmp(kind, "duration") || !rc_num(f, "value", &v)) continue;
      if (m == cap) {
        cap *= 2;
        rc_num_item *ni = realloc(it, cap * sizeof *ni);
        if (!ni) break;
        it = ni;
      }
      rc_num_item *x = &it[m++];
      memset(x, 0, sizeof *x);
      x->v = v;
      x->approx = json_is_true(json_object_get(f, "approx"));
      x->w = 1;
      x->a = &arts[i];
      x->kind = "figure";
      const char *unit = rc_str(f, "unit"), *period = rc_str(f, "period"),
                 *base = rc_str(f, "baseline");
      snprintf(x->unit, sizeof x->unit, "%s", unit ? unit : "");
      snprintf(x->period, sizeof x->period, "%s", period ? period : "");
      snprintf(x->key, sizeof x->key, "%s|%s|%s|%s", kind, x->unit, x->period,
               base ? base : "");
    }
  }
  rc_group_numbers(it, m, &g, 0, 0);
  for (size_t k = 0; k < g.n; k++) {
    json_t *o = rc_group_json(&g.v[k], 1);
    char kind[sizeof g.v[k].key];
    memcpy(kind, g.v[k].key, sizeof kind);
    char *bar = strchr(kind, '|');
    if (bar) *bar = 0;
    json_object_set_new(o, "figure_kind", json_string(kind));
    json_array_append_new(facts, o);
  }
  for (size_t k = 0; k < g.n; k++) { /* same key, values apart */
    rc_group *set[64];
    size_t ns = 0;
    int first = 1;
    for (size_t j = 0; j < g.n && ns < 64; j++) {
      if (strcmp(g.v[j].key, g.v[k].key)) continue;
      if (j < k) first = 0;
      set[ns++] = &g.v[j];
    }
    if (!first || ns < 2) continue;
    int apart = 1;
    for (size_t x = 0; x < ns && apart; x++)
      for (size_t y = x + 1; y < ns && apart; y++)
        if (rc_share_article(set[x], set[y])) apart = 0;
    if (apart) json_array_append_new(contra, rc_contradiction("figure", set, ns));
  }
  rc_groups_free(&g);
  rc_groups_free(&dates);
  free(it);
}

/* Type by majority; participants and places by support. */
static void rc_frame(rc_art *arts, size_t n, json_t *ev, json_t *facts) {
  rc_groups types = {0}, parts = {0}, places = {0};
  size_t with_parts = 0;
  for (size_t i = 0; i < n; i++) {
    json_t *fr = json_object_get(arts[i].j, "frame");
    const char *t = rc_str(fr, "type");
    if (t) {
      rc_group *r = NULL;
      for (size_t k = 0; k < types.n && !r; k++)
        if (!strcmp(types.v[k].key, t)) r = &types.v[k];
      if (!r) r = rc_group_new(&types, "type", t, json_string(t));
      if (r) rc_group_note(r, &arts[i], 1, 0);
    }
    json_t *ps = rc_arr(fr, "participants");
    with_parts += rc_len(ps) > 0;
    for (size_t k = 0; k < rc_len(ps); k++) {
      json_t *p = json_array_get(ps, k);
      const char *id = rc_str(p, "id"), *name = rc_str(p, "name");
      if (!id) id = name;
      if (!id) continue;
      rc_group *r = NULL;
      for (size_t q = 0; q < parts.n && !r; q++)
        if (!strcmp(parts.v[q].key, id)) r = &parts.v[q];
      if (!r) {
        json_t *v = json_object();
        json_object_set_new(v, "id", json_string(id));
        json_object_set_new(v, "name", json_string(name ? name : id));
        r = rc_group_new(&parts, "participant", id, v);
      }
      if (r) rc_group_note(r, &arts[i], 1, 0);
    }
    json_t *pl = rc_arr(fr, "places");
    for (size_t k = 0; k < rc_len(pl); k++) {
      json_t *p = json_array_get(pl, k);
      const char *who = NULL, *where = rc_str(p, "text");
      json_t *pv = json_object_get(p, "participant"), *wv = json_object_get(p, "place");
      if (json_is_string(pv)) who = json_string_value(pv);
      if (json_is_object(pv)) who = rc_str(pv, "name");
      if (!where && json_is_string(wv)) where = json_string_value(wv);
      if (!where && json_is_object(wv)) where = rc_str(wv, "name");
      if (!where) continue;
      char key[160];
      snprintf(key, sizeof key, "%s|%s", who ? who : "", where);
      for (char *c = key; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
      rc_group *r = NULL;
      for (size_t q = 0; q < places.n && !r; q++)
        if (!strcmp(places.v[q].key, key)) r = &places.v[q];
      if (!r) {
        json_t *v = json_object();
        if (who) json_object_set_new(v, "participant", json_string(who));
        json_object_set_new(v, "place", json_string(where));
        r = rc_group_new(&places, "place", key, v);
      }
      if (r) rc_group_note(r, &arts[i], 1, 0);
    }
  }
  const rc_group *bt = NULL;
  for (size_t k = 0; k < types.n; k++)
    if (!bt || types.v[k].weight > bt->weight ||
        (types.v[k].weight == bt->weight && strcmp(types.v[k].key, bt->key) < 0))
      bt = &types.v[k];
  json_object_set(ev, "type", bt ? bt->value : json_null());
  /* participants: named by at least half of the articles that name any */
  rc_group **order = malloc((parts.n ? parts.n : 1) * sizeof *order);
  json_t *plist = json_array();
  for (size_t k = 0; order && k < parts.n; k++) order[k] = &parts.v[k];
  for (size_t k = 1; order && k < parts.n; k++) /* insertion: by support, id */
    for (size_t j = k; j > 0; j--) {
      rc_group *x = order[j - 1], *y = order[j];
      if (x->weight > y->weight || (x->weight == y->weight && strcmp(x->key, y->key) <= 0))
        break;
      order[j - 1] = y, order[j] = x;
    }
  for (size_t k = 0; order && k < parts.n; k++) {
    json_array_append_new(facts, rc_group_json(order[k], 1));
    if (2 * order[k]->weight >= (double)with_parts)
      json_array_append(plist, order[k]->value);
  }
  free(order);
  json_object_set_new(ev, "participants", plist);
  for (size_t k = 0; k < places.n; k++)
    json_array_append_new(facts, rc_group_json(&places.v[k], 1));
  rc_groups_free(&types);
  rc_groups_free(&parts);
  rc_groups_free(&places);
}

/* Quotes: one fact per distinct quotation (first 60 folded characters). */
static void rc_quotes(rc_art *arts, size_t n, json_t *facts) {
  rc_groups q = {0};
  for (size_t i = 0; i < n; i++) {
    json_t *qs = rc_arr(arts[i].j, "quotes");
    for (size_t k = 0; k < rc_len(qs); k++) {
      json_t *x = json_array_get(qs, k);
      const char *text = rc_str(x, "text");
      if (!text) continue;
      char key[160];
      size_t kl = 0;
      for (const char *p = text; *p && kl < 60; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80) key[kl++] = (char)ch;
        else if (ch >= 'A' && ch <= 'Z') key[kl++] = (char)(ch + 32);
      }
      key[kl] = 0;
      if (kl < 8) continue;
      rc_group *r = NULL;
      for (size_t j = 0; j < q.n && !r; j++)
        if (!strcmp(q.v[j].key, key)) r = &q.v[j];
      if (!r) {
        json_t *v = json_object();
        json_object_set_new(v, "text", json_string(text));
        const char *sp = rc_str(x, "speaker_name");
        json_t *sid = json_object_get(x, "speaker");
        json_object_set_new(v, "speaker", sp ? json_string(sp) : json_null());
        if (json_is_string(sid)) json_object_set(v, "speaker_id", sid);
        r = rc_group_new(&q, "quote", key, v);
      }
      if (r) rc_group_note(r, &arts[i], 1, 0);
    }
  }
  for (size_t k = 0; k < q.n; k++) json_array_append_new(facts, rc_group_json(&q.v[k], 1));
  rc_groups_free(&q);
}

/* ---------------------------------------------------------- sentences */

typedef struct rc_sent {
  size_t art;         /* index into the sorted articles */
  size_t idx;         /* position in its article */
  const char *s;      /* into the article body */
  size_t len;
  uint64_t *words;    /* distinct word hashes, sorted */
  uint32_t nw, nwords; /* distinct, total */
  uint64_t *sh;       /* distinct word 3-gram hashes, sorted */
  uint32_t nsh;
  double score;
} rc_sent;

typedef struct rc_text {
  rc_sent *s;
  size_t n, cap;
  uint64_t **art_sh; /* per article: all its 3-grams, sorted */
  size_t *art_nsh;
} rc_text;

static int rc_u64_cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static uint32_t rc_uniq(uint64_t *v, uint32_t n) {
  qsort(v, n, sizeof *v, rc_u64_cmp);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++)
    if (!k || v[k - 1] != v[i]) v[k++] = v[i];
  return k;
}

static int rc_has(const uint64_t *v, size_t n, uint64_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && v[lo] == x;
}

/* Words of s[0..n): folded alphanumeric runs, hashed. */
static uint32_t rc_words(const char *s, size_t n, uint64_t *out, uint32_t max) {
  uint32_t k = 0;
  char w[64];
  size_t wl = 0;
  for (size_t i = 0; i <= n; i++) {
    unsigned char ch = i < n ? (unsigned char)s[i] : ' ';
    int al = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80 ||
             (ch >= 'A' && ch <= 'Z');
    if (al) {
      if (wl < sizeof w) w[wl++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      continue;
    }
    if (wl && k < max) out[k++] = wt_hash64(w, wl);
    wl = 0;
  }
  return k;
}

static int rc_sent_add(rc_text *t, size_t art, size_t idx, const char *s, size_t len) {
  while (len && (unsigned char)*s <= ' ') s++, len--;
  while (len && (unsigned char)s[len - 1] <= ' ') len--;
  if (len < 20) return 0;
  uint64_t seq[RC_MAX_WORDS];
  uint32_t nw = rc_words(s, len, seq, RC_MAX_WORDS);
  if (nw < 4) return 0;
  if (t->n == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 64;
    rc_sent *ns = realloc(t->s, nc * sizeof *ns);
    if (!ns) return -1;
    t->s = ns;
    t->cap = nc;
  }
  rc_sent *x = &t->s[t->n];
  memset(x, 0, sizeof *x);
  x->art = art, x->idx = idx, x->s = s, x->len = len, x->nwords = nw;
  x->words = malloc(nw * sizeof *x->words);
  x->sh = malloc(nw * sizeof *x->sh);
  if (!x->words || !x->sh) {
    free(x->words), free(x->sh);
    return -1;
  }
  memcpy(x->words, seq, nw * sizeof *seq);
  x->nw = rc_uniq(x->words, nw);
  for (uint32_t i = 0; i + 2 < nw; i++)
    x->sh[x->nsh++] = seq[i] * 31 + seq[i + 1] * 17 + (seq[i + 2] ^ (seq[i + 2] >> 29));
  x->nsh = rc_uniq(x->sh, x->nsh);
  t->n++;
  return 0;
}

/* Split every body into sentences: ., ! or ? before a space, or a line
 * break. */
static void rc_split(rc_art *arts, size_t n, rc_text *t) {
  for (size_t a = 0; a < n; a++) {
    const char *b = arts[a].body;
    if (!b) continue;
    size_t len = strlen(b), start = 0, idx = 0;
    for (size_t i = 0; i < len && idx < RC_MAX_SENT; i++) {
      char ch = b[i];
      int end = ch == '\n' ||
                ((ch == '.' || ch == '!' || ch == '?') &&
                 (i + 1 == len || b[i + 1] == ' ' || b[i + 1] == '\n' ||
                  b[i + 1] == '"' || (unsigned char)b[i + 1] == 0xE2));
      if (!end && i + 1 < len) continue;
      size_t stop = i + 1, before = t->n;
      if (rc_sent_add(t, a, idx, b + start, stop - start)) return;
      if (t->n > before) idx++;
      start = stop;
    }
  }
  t->art_sh = calloc(n ? n : 1, sizeof *t->art_sh);
  t->art_nsh = calloc(n ? n : 1, sizeof *t->art_nsh);
  if (!t->art_sh || !t->art_nsh) return;
  for (size_t a = 0; a < n; a++) {
    size_t m = 0;
    for (size_t i = 0; i < t->n; i++) m += t->s[i].art == a ? t->s[i].nsh : 0;
    uint64_t *v = malloc((m ? m : 1) * sizeof *v);
    if (!v) continue;
    m = 0;
    for (size_t i = 0; i < t->n; i++)
      if (t->s[i].art == a) {
        memcpy(v + m, t->s[i].sh, t->s[i].nsh * sizeof *v);
        m += t->s[i].nsh;
      }
    qsort(v, m, sizeof *v, rc_u64_cmp);
    t->art_sh[a] = v;
    t->art_nsh[a] = m;
  }
}

static void rc_text_free(rc_text *t, size_t n) {
  for (size_t i = 0; i < t->n; i++) free(t->s[i].words), free(t->s[i].sh);
  free(t->s);
  for (size_t a = 0; t->art_sh && a < n; a++) free(t->art_sh[a]);
  free(t->art_sh);
  free(t->art_nsh);
}

/* Share of x's 3-grams present in the sorted set v. */
static double rc_contained(const rc_sent *x, const uint64_t *v, size_t n) {
  if (!x->nsh) return 0;
  uint32_t hit = 0;
  for (uint32_t i = 0; i < x->nsh; i++) hit += rc_has(v, n, x->sh[i]);
  return (double)hit / x->nsh;
}

/* ---------------------------------------------------------- provenance */

static json_t *rc_provenance(rc_art *arts, size_t n, const rc_text *t) {
  json_t *out = json_array();
  for (size_t a = 0; a < n; a++) {
    json_t *p = json_object(), *src = json_array(), *reuse = json_array();
    json_object_set_new(p, "article", json_integer(arts[a].id));
    json_object_set_new(p, "outlet", arts[a].outlet ? json_string(arts[a].outlet) : json_null());
    json_t *ss = rc_arr(arts[a].j, "sources");
    for (size_t k = 0; k < rc_len(ss); k++) {
      json_t *s = json_array_get(ss, k);
      rc_add_unique_str(src, json_is_string(s) ? json_string_value(s) : rc_str(s, "name"));
    }
    for (size_t b = 0; b < n && t->art_sh; b++) {
      if (b == a) continue;
      json_int_t shared = 0;
      for (size_t i = 0; i < t->n; i++)
        if (t->s[i].art == a && t->s[i].nsh >= 3 &&
            rc_contained(&t->s[i], t->art_sh[b], t->art_nsh[b]) >= RC_REUSE)
          shared++;
      if (!shared) continue;
      json_t *r = json_object();
      json_object_set_new(r, "article", json_integer(arts[b].id));
      json_object_set_new(r, "shared_sentences", json_integer(shared));
      json_array_append_new(reuse, r);
    }
    json_object_set_new(p, "sources", src);
    json_object_set_new(p, "reuses", reuse);
    json_array_append_new(out, p);
  }
  return out;
}

/* ----------------------------------------------- headline and summary */

typedef struct rc_occ {
  uint64_t w;
  uint32_t sent;
} rc_occ;

static int rc_occ_cmp(const void *a, const void *b) {
  const rc_occ *x = a, *y = b;
  if (x->w != y->w) return x->w < y->w ? -1 : 1;
  return x->sent < y->sent ? -1 : x->sent > y->sent;
}

static int rc_sent_rank(const void *a, const void *b) {
  const rc_sent *x = *(rc_sent *const *)a, *y = *(rc_sent *const *)b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  if (x->art != y->art) return x->art < y->art ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Score sentences by TF-IDF over the event's words (weight of a word: the
 * number of articles using it times its sentence IDF), pick the summary,
 * and the headline: the title of the article whose sentences score best. */
static void rc_summary(rc_art *arts, size_t n, rc_text *t, json_t *ev) {
  size_t m = 0;
  for (size_t i = 0; i < t->n; i++) m += t->s[i].nw;
  rc_occ *o = malloc((m ? m : 1) * sizeof *o);
  uint8_t *seen = calloc(n ? n : 1, 1);
  double *art_score = calloc(n ? n : 1, sizeof *art_score);
  size_t *art_ns = calloc(n ? n : 1, sizeof *art_ns);
  rc_sent **rank = malloc((t->n ? t->n : 1) * sizeof *rank);
  json_t *sum = json_array();
  if (!o || !seen || !art_score || !art_ns || !rank) goto done;
  m = 0;
  for (size_t i = 0; i < t->n; i++)
    for (uint32_t k = 0; k < t->s[i].nw; k++) o[m++] = (rc_occ){t->s[i].words[k], (uint32_t)i};
  qsort(o, m, sizeof *o, rc_occ_cmp);
  for (size_t i = 0; i < m;) {
    size_t j = i, af = 0;
    memset(seen, 0, n);
    for (; j < m && o[j].w == o[i].w; j++) {
      size_t a = t->s[o[j].sent].art;
      if (!seen[a]) seen[a] = 1, af++;
    }
    double w = (double)af * log(1.0 + (double)t->n / (double)(j - i));
    if (af < 2 && n > 1) w *= 0.25; /* words of one article only */
    for (size_t k = i; k < j; k++) t->s[o[k].sent].score += w;
    i = j;
  }
  for (size_t i = 0; i < t->n; i++) {
    rc_sent *s = &t->s[i];
    s->score /= sqrt((double)s->nwords + 4.0);
    art_score[s->art] += s->score;
    art_ns[s->art]++;
    rank[i] = s;
  }
  /* headline: the titled article with the best mean sentence score */
  size_t best = n;
  double bs = -1;
  for (size_t a = 0; a < n; a++) {
    double v = art_ns[a] ? art_score[a] / art_ns[a] : 0;
    if (arts[a].title && v > bs) bs = v, best = a;
  }
  json_object_set_new(ev, "headline", best < n ? json_string(arts[best].title) : json_null());
  qsort(rank, t->n, sizeof *rank, rc_sent_rank);
  rc_sent *picked[RC_SUMMARY];
  size_t np = 0;
  for (size_t i = 0; i < t->n && np < RC_SUMMARY; i++) {
    rc_sent *s = rank[i];
    if (s->nwords < 8 || s->nwords > 60) continue;
    int repeat = 0;
    for (size_t k = 0; k < np && !repeat; k++)
      repeat = rc_contained(s, picked[k]->sh, picked[k]->nsh) >= 0.5 ||
               rc_contained(picked[k], s->sh, s->nsh) >= 0.5;
    if (repeat) continue;
    picked[np++] = s;
    json_array_append_new(sum, json_stringn(s->s, s->len));
  }
done:
  json_object_set_new(ev, "summary", sum);
  if (!json_object_get(ev, "headline")) json_object_set_new(ev, "headline", json_null());
  free(o), free(seen), free(art_score), free(art_ns), free(rank);
}

/* --------------------------------------------------------------- event */

json_t *wt_reconcile_event(json_t *const *articles, size_t n) {
  json_t *ev = json_object();
  if (!ev) return NULL;
  rc_art *arts = calloc(n ? n : 1, sizeof *arts);
  if (!arts) {
    json_decref(ev);
    return NULL;
  }
  size_t na = 0;
  for (size_t i = 0; i < n; i++) {
    json_t *j = articles[i];
    if (!json_is_object(j)) continue;
    json_t *id = json_object_get(j, "id");
    arts[na].j = j;
    arts[na].id = json_is_integer(id) ? json_integer_value(id) : 0;
    arts[na].outlet = rc_str(j, "outlet");
    arts[na].title = rc_str(j, "title");
    arts[na].body = rc_str(j, "body");
    na++;
  }
  qsort(arts, na, sizeof *arts, rc_art_cmp);
  json_t *facts = json_array(), *contra = json_array(), *ids = json_array();
  for (size_t i = 0; i < na; i++) json_array_append_new(ids, json_integer(arts[i].id));
  json_object_set_new(ev, "articles", ids);
  rc_frame(arts, na, ev, facts);
  rc_numbers(arts, na, ev, facts, contra);
  rc_quotes(arts, na, facts);
  json_object_set_new(ev, "facts", facts);
  json_object_set_new(ev, "contradictions", contra);
  rc_text t = {0};
  rc_split(arts, na, &t);
  json_object_set_new(ev, "provenance", rc_provenance(arts, na, &t));
  rc_summary(arts, na, &t, ev);
  rc_text_free(&t, na);
  free(arts);
  return ev;
}
