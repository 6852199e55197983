/*
 * test_cluster.c - streaming event clustering on synthetic feature sets:
 * look-alike events kept apart by dates in every arrival order, undated
 * articles pulled in by content, duplicates, merges with redirects,
 * restore, stories, and the features JSON round trip.
 */
#include "harness.h"

#include <jansson.h>
#include <stdlib.h>

#include "cluster/cluster.h"
#include "core/calendar.h"
#include "core/doc.h"

typedef struct syn {
  const char *date; /* NULL: unknown */
  float conf;
  const char *type;
  const char *parts[4];
  const char *ents[8];
  float ew[8];
  const char *terms[24];
} syn;

static size_t syn_count(const char *const *v, size_t max) {
  size_t n = 0;
  while (n < max && v[n]) n++;
  return n;
}

static float syn_tw[24] = {4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1,
                           1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

static wt_clu_doc syn_doc(const syn *s, int64_t id, uint64_t hash) {
  wt_clu_doc d = {0};
  d.article = id;
  d.hash = hash;
  d.day = s->date ? wt_day_parse(s->date) : WT_NO_DAY;
  d.day_conf = s->date ? s->conf : 0;
  d.type = s->type;
  d.participants = s->parts;
  d.n_participants = syn_count(s->parts, 4);
  d.entities = s->ents;
  d.entity_w = s->ew;
  d.n_entities = syn_count(s->ents, 8);
  d.terms = s->terms;
  d.term_w = syn_tw;
  d.n_terms = syn_count(s->terms, 24);
  return d;
}

/* Two video calls between the same two leaders a year apart, modelled on
 * how such coverage reads: shared vocabulary throughout; the first event's
 * articles mention the US inauguration of the day before; two of them
 * state no date of the call (one has only an inferred anchor). */
#define PUTIN "Q7747"
#define XI "Q15031"
static const syn look_alike[5] = {
    /* second call, stated weekday date */
    {"2026-02-04", 0.8f, "video_call", {PUTIN, XI}, {PUTIN, XI, "x:Yuri Ushakov", "Q148", "Q212"},
     {0.35f, 0.35f, 0.1f, 0.1f, 0.1f},
     {"putin", "xi", "video", "panggil", "rusia", "china", "hubung", "kerja",
      "strategis", "kunjung", "ukraina", "perang", "parade", "beijing", "bahas",
      "menit", "jam", "mitra"}},
    {"2026-02-04", 0.9f, "video_call", {PUTIN, XI}, {PUTIN, XI, "x:Wang Yi", "x:Sergei Shoigu", "Q148"},
     {0.35f, 0.3f, 0.15f, 0.1f, 0.1f},
     {"putin", "xi", "aliansi", "video", "panggil", "rusia", "china", "stabil",
      "global", "faktor", "multilateral", "kerja", "hubung", "shoigu", "abu",
      "dhabi", "negosiasi", "ukraina"}},
    /* first call, no date stated */
    {NULL, 0, "video_call", {PUTIN, XI}, {PUTIN, XI, "Q22686", "x:Novo-Ogaryovo", "Q148"},
     {0.3f, 0.3f, 0.2f, 0.1f, 0.1f},
     {"virtual", "putin", "xi", "novo-ogaryovo", "multipolar", "trump", "rusia",
      "china", "kerja", "dagang", "hubung", "nuklir", "reaktor", "amanah",
      "video", "kesepakatan", "konflik", "ukraina"}},
    /* first call, stated date */
    {"2025-01-21", 0.9f, "video_call", {XI, PUTIN}, {XI, PUTIN, "x:Wang Yi", "Q22686", "Q148"},
     {0.35f, 0.35f, 0.1f, 0.1f, 0.1f},
     {"virtual", "xi", "putin", "trump", "lantik", "brics", "taiwan", "rusia",
      "china", "kerja", "multilateral", "hubung", "strategis", "komunikasi",
      "beijing", "video", "sco", "pbb"}},
    /* first call, only an inferred anchor the day before */
    {"2025-01-20", 0.3f, "video_call", {PUTIN, XI}, {PUTIN, XI, "Q22686", "x:Yuri Ushakov", "Q30"},
     {0.3f, 0.3f, 0.2f, 0.1f, 0.1f},
     {"putin", "xi", "trump", "sumpah", "novo-ogaryovo", "video", "rusia",
      "china", "hubung", "dagang", "tarif", "jam", "kerja", "ushakov", "as",
      "presiden", "konflik", "taiwan"}},
};

static int look_alike_truth(int i) { return i < 2 ? 1 : 0; }

static void permute(int *p, int n, int k) { /* k-th permutation, k < n! */
  int pool[8];
  for (int i = 0; i < n; i++) pool[i] = i;
  int f = 1;
  for (int i = 2; i < n; i++) f *= i;
  for (int i = 0; i < n; i++) {
    int q = k / f;
    k %= f;
    p[i] = pool[q];
    for (int j = q; j < n - 1 - i; j++) pool[j] = pool[j + 1];
    if (i < n - 1) f /= (n - 1 - i) ? (n - 1 - i) : 1;
  }
}

WT_TEST(cluster_look_alikes_every_order) {
  int bad = 0;
  for (int k = 0; k < 120; k++) {
    int p[5];
    permute(p, 5, k);
    wt_clu *c = wt_clu_new();
    REQUIRE(c != NULL);
    for (int i = 0; i < 5; i++) {
      /* store ids follow the arrival order, like a real store */
      wt_clu_doc d = syn_doc(&look_alike[p[i]], i + 1, 0x1000 + (uint64_t)p[i] * 7919);
      CHECK(wt_clu_add(c, &d) > 0);
    }
    int64_t ev[5];
    for (int i = 0; i < 5; i++) ev[p[i]] = wt_clu_event_of(c, i + 1);
    int ok = ev[0] == ev[1] && ev[2] == ev[3] && ev[3] == ev[4] && ev[0] != ev[2];
    for (int i = 0; i < 5; i++) ok &= look_alike_truth(i) == look_alike_truth(0) ? ev[i] == ev[0] : 1;
    if (!ok) {
      bad++;
      if (bad < 4)
        fprintf(stderr, "    order %d%d%d%d%d -> %lld %lld %lld %lld %lld\n", p[0], p[1],
                p[2], p[3], p[4], (long long)ev[0], (long long)ev[1],
                (long long)ev[2], (long long)ev[3], (long long)ev[4]);
    }
    wt_clu_free(c);
  }
  CHECK_INT_EQ(bad, 0);
}

WT_TEST(cluster_confident_dates_never_link) {
  wt_clu *c = wt_clu_new();
  syn s = look_alike[3];
  wt_clu_doc d1 = syn_doc(&s, 1, 11);
  s.date = "2025-01-25"; /* four days later, same everything else */
  wt_clu_doc d2 = syn_doc(&s, 2, 12);
  int64_t e1 = wt_clu_add(c, &d1), e2 = wt_clu_add(c, &d2);
  CHECK(e1 > 0 && e2 > 0 && e1 != e2);
  s.date = "2025-01-22"; /* one day later: links */
  wt_clu_doc d3 = syn_doc(&s, 3, 13);
  CHECK_INT_EQ(wt_clu_add(c, &d3), e1);
  wt_sb b;
  wt_sb_init(&b, 0);
  REQUIRE(wt_clu_why(c, 1, 2, &b) == 0);
  json_t *j = json_loads(b.s, 0, NULL);
  REQUIRE(j != NULL);
  CHECK(json_is_true(json_object_get(j, "cannot_link")));
  CHECK_INT_EQ(json_integer_value(json_object_get(json_object_get(j, "dates"), "diff_days")), 4);
  CHECK(strstr(json_string_value(json_object_get(j, "verdict")), "cannot link") != NULL);
  json_decref(j);
  wt_sb_reset(&b);
  CHECK(wt_clu_why(c, 1, 99, &b) == -1);
  wt_sb_free(&b);
  wt_clu_free(c);
}

WT_TEST(cluster_unrelated_articles_stay_apart) {
  wt_clu *c = wt_clu_new();
  syn s1 = {"2025-03-01", 0.9f, "flood", {"Q3757"}, {"Q3757", "Q252"}, {0.6f, 0.4f},
            {"banjir", "jakarta", "hujan", "warga", "evakuasi", "genang"}};
  syn s2 = {"2025-03-01", 0.9f, "election", {"x:KPU"}, {"x:KPU", "Q252"}, {0.7f, 0.3f},
            {"pemilu", "suara", "hitung", "partai", "calon", "kpu"}};
  wt_clu_doc d1 = syn_doc(&s1, 1, 1), d2 = syn_doc(&s2, 2, 2);
  int64_t e1 = wt_clu_add(c, &d1), e2 = wt_clu_add(c, &d2);
  CHECK(e1 > 0 && e2 > 0 && e1 != e2);
  CHECK(wt_clu_add(c, &d1) == -1); /* same article id twice */
  wt_clu_free(c);
}

WT_TEST(cluster_duplicates_join_and_do_not_count) {
  wt_clu *c = wt_clu_new();
  uint32_t mh[WT_CLU_MINHASH], mh2[WT_CLU_MINHASH];
  for (int k = 0; k < WT_CLU_MINHASH; k++) mh[k] = mh2[k] = (uint32_t)(k * 2654435761u);
  for (int k = 0; k < 3; k++) mh2[k] ^= 1; /* 29 of 32 slots agree */
  wt_clu_doc d1 = syn_doc(&look_alike[0], 1, 77);
  d1.minhash = mh;
  d1.n_minhash = WT_CLU_MINHASH;
  wt_clu_doc d2 = syn_doc(&look_alike[0], 2, 77); /* exact copy */
  syn s = look_alike[0];
  s.date = NULL; /* the copy lost its date */
  wt_clu_doc d3 = syn_doc(&s, 3, 78);
  d3.minhash = mh2;
  d3.n_minhash = WT_CLU_MINHASH;
  int64_t e = wt_clu_add(c, &d1);
  CHECK_INT_EQ(wt_clu_add(c, &d2), e);
  CHECK_INT_EQ(wt_clu_add(c, &d3), e);
  CHECK_INT_EQ(wt_clu_duplicate_of(c, 2), 1);
  CHECK_INT_EQ(wt_clu_duplicate_of(c, 3), 1);
  CHECK_INT_EQ(wt_clu_duplicate_of(c, 1), 0);
  size_t na = 0, ni = 0;
  CHECK(wt_clu_event_size(c, e, &na, &ni) == 0);
  CHECK_INT_EQ(na, 3);
  CHECK_INT_EQ(ni, 1);
  wt_sb b;
  wt_sb_init(&b, 0);
  CHECK(wt_clu_why(c, 1, 3, &b) == 0);
  CHECK(strstr(b.s, "\"duplicate\":\"near\"") != NULL);
  wt_sb_free(&b);
  wt_clu_free(c);
}

typedef struct drained {
  int64_t art[64], ev[64], from[16], to[16];
  int na, nr;
} drained;

static void on_assign(void *ud, int64_t a, int64_t e) {
  drained *d = ud;
  if (d->na < 64) d->art[d->na] = a, d->ev[d->na++] = e;
}
static void on_redirect(void *ud, int64_t f, int64_t t) {
  drained *d = ud;
  if (d->nr < 16) d->from[d->nr] = f, d->to[d->nr++] = t;
}

/* Two articles of one event that share nothing with each other start two
 * events; a third that bridges them merges them: the smallest id stays,
 * the other redirects, and the drain reports both. */
WT_TEST(cluster_merge_keeps_smallest_id_and_redirects) {
  wt_clu *c = wt_clu_new();
  syn a = {NULL, 0, "summit", {"x:A"}, {"x:A"}, {1}, {"alpha", "beta", "gamma", "delta"}};
  syn b = {NULL, 0, "summit", {"x:B"}, {"x:B"}, {1}, {"omega", "sigma", "kappa", "theta"}};
  syn m = {NULL, 0, "summit", {"x:A", "x:B"}, {"x:A", "x:B"}, {0.5f, 0.5f},
           {"alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"}};
  wt_clu_doc da = syn_doc(&a, 10, 1), db = syn_doc(&b, 11, 2), dm = syn_doc(&m, 12, 3);
  int64_t ea = wt_clu_add(c, &da), eb = wt_clu_add(c, &db);
  CHECK(ea != eb);
  drained dr = {0};
  wt_clu_drain(c, on_assign, on_redirect, &dr);
  CHECK_INT_EQ(dr.na, 2);
  memset(&dr, 0, sizeof dr);
  int64_t em = wt_clu_add(c, &dm);
  CHECK_INT_EQ(em, ea < eb ? ea : eb);
  CHECK_INT_EQ(wt_clu_event_of(c, 10), em);
  CHECK_INT_EQ(wt_clu_event_of(c, 11), em);
  CHECK_INT_EQ(wt_clu_resolve(c, ea > eb ? ea : eb), em);
  CHECK_INT_EQ(wt_clu_resolve(c, 999), 0);
  wt_clu_drain(c, on_assign, on_redirect, &dr);
  CHECK_INT_EQ(dr.nr, 1);
  CHECK_INT_EQ(dr.from[0], ea > eb ? ea : eb);
  CHECK_INT_EQ(dr.to[0], em);
  CHECK_INT_EQ(dr.na, 2); /* the moved article and the new one */
  memset(&dr, 0, sizeof dr);
  wt_clu_drain(c, on_assign, on_redirect, &dr);
  CHECK_INT_EQ(dr.na + dr.nr, 0);
  wt_clu_free(c);
}

WT_TEST(cluster_restore_then_add) {
  wt_clu *c = wt_clu_new();
  wt_clu_doc d0 = syn_doc(&look_alike[0], 1, 101), d1 = syn_doc(&look_alike[3], 2, 102);
  CHECK(wt_clu_restore(c, &d0, 40) == 0);
  CHECK(wt_clu_restore(c, &d1, 7) == 0);
  wt_clu_restore_redirect(c, 41, 40);
  CHECK_INT_EQ(wt_clu_event_of(c, 1), 40);
  CHECK_INT_EQ(wt_clu_resolve(c, 41), 40);
  drained dr = {0};
  wt_clu_drain(c, on_assign, on_redirect, &dr);
  CHECK_INT_EQ(dr.na + dr.nr, 0); /* restored state is already persisted */
  wt_clu_doc d2 = syn_doc(&look_alike[1], 3, 103);
  CHECK_INT_EQ(wt_clu_add(c, &d2), 40);
  syn s = look_alike[1];
  s.date = "2027-06-01";
  wt_clu_doc d3 = syn_doc(&s, 4, 104);
  CHECK(wt_clu_add(c, &d3) > 41); /* fresh ids above restored ones */
  wt_clu_free(c);
}

WT_TEST(cluster_story_links_look_alikes) {
  wt_clu *c = wt_clu_new();
  for (int i = 0; i < 5; i++) {
    wt_clu_doc d = syn_doc(&look_alike[i], i + 1, 500 + (uint64_t)i);
    wt_clu_add(c, &d);
  }
  syn other = {"2025-06-01", 0.9f, "flood", {"Q3757"}, {"Q3757"}, {1}, {"banjir", "hujan"}};
  wt_clu_doc d = syn_doc(&other, 6, 600);
  wt_clu_add(c, &d);
  int64_t ea = wt_clu_event_of(c, 4), eb = wt_clu_event_of(c, 1), out[4];
  REQUIRE(ea != eb);
  size_t n = wt_clu_story(c, ea, out, 4);
  CHECK_INT_EQ(n, 1);
  CHECK_INT_EQ(out[0], eb);
  CHECK_INT_EQ(wt_clu_story(c, wt_clu_event_of(c, 6), out, 4), 0);
  wt_clu_free(c);
}

WT_TEST(cluster_window_freezes_old_events) {
  wt_clu *c = wt_clu_new();
  wt_clu_set_window(c, 30);
  wt_clu_doc d0 = syn_doc(&look_alike[3], 1, 1);
  int64_t e0 = wt_clu_add(c, &d0);
  syn s = look_alike[0]; /* a year later */
  wt_clu_doc d1 = syn_doc(&s, 2, 2);
  int64_t e1 = wt_clu_add(c, &d1);
  CHECK(e0 != e1);
  wt_sb b;
  wt_sb_init(&b, 0);
  CHECK(wt_clu_why(c, 1, 2, &b) == -1); /* article 1 is frozen */
  wt_sb_free(&b);
  /* frozen: out of the index (the store keeps its event) */
  CHECK_INT_EQ(wt_clu_event_of(c, 1), 0);
  CHECK_INT_EQ(wt_clu_resolve(c, e0), 0);
  CHECK_INT_EQ(wt_clu_resolve(c, e1), e1);
  /* a late, undated copy of the old event may belong to any frozen
   * event: late, over every day before the window */
  syn late = look_alike[2];
  wt_clu_doc d2 = syn_doc(&late, 3, 3);
  int32_t lo = 0, hi = 0;
  CHECK(wt_clu_is_late(c, &d2, &lo, &hi));
  CHECK(lo == INT32_MIN && hi < d1.day - 30);
  /* not restored, it cannot reach it */
  int64_t e2 = wt_clu_add(c, &d2);
  CHECK(e2 > 0 && e2 != e0);
  /* a late dated article joins its old event once that is thawed */
  wt_clu_doc d4 = syn_doc(&look_alike[3], 4, 4);
  CHECK(wt_clu_is_late(c, &d4, &lo, &hi));
  CHECK(lo <= d0.day && hi >= d0.day);
  CHECK(wt_clu_thaw(c, &d0, e0, WT_NO_DAY) == 0);
  CHECK_INT_EQ(wt_clu_add(c, &d4), e0);
  /* a dated article inside the window is not late */
  wt_clu_doc d5 = syn_doc(&look_alike[0], 5, 5);
  CHECK(!wt_clu_is_late(c, &d5, NULL, NULL));
  wt_clu_free(c);
}

WT_TEST(cluster_features_json_round_trip) {
  wt_doc *doc = wt_doc_new(0);
  REQUIRE(doc != NULL);
  const char *body = "Presiden Rusia bertemu Presiden China secara virtual.\n\n"
                     "Pertemuan virtual berlangsung lama.";
  doc->body = wt_arena_strdup(doc->arena, body);
  doc->body_len = strlen(body);
  const char *words[] = {"presiden", "rusia", "bertemu", "presiden", "china",
                         "virtual", "pertemuan", "virtual", "lama"};
  const char *p = body;
  for (size_t i = 0; i < 9; i++) {
    wt_token *t = WT_VEC_PUSH(doc->arena, &doc->tokens);
    const char *at = strcasestr(p, words[i]);
    REQUIRE(at != NULL);
    t->span.start = (uint32_t)(at - body);
    t->span.end = t->span.start + (uint32_t)strlen(words[i]);
    p = body + t->span.end;
    t->kind = WT_TOK_WORD;
    t->norm = t->stem = words[i];
    if (i == 2) t->flags = WT_TOKF_STOP;
  }
  wt_entity *e = WT_VEC_PUSH(doc->arena, &doc->entities);
  e->id = "Q159";
  e->n_mentions = 3;
  e = WT_VEC_PUSH(doc->arena, &doc->entities);
  e->id = "Q148";
  e->n_mentions = 1;
  e = WT_VEC_PUSH(doc->arena, &doc->entities);
  e->id = "Q1"; /* an agency: left out */
  e->flags = WT_ENTF_AGENCY;
  int32_t parts[2] = {0, 1};
  doc->frame.participants = parts;
  doc->frame.n_participants = 2;
  doc->frame.type = "meeting";
  doc->frame.day = wt_day_parse("2025-01-21");
  doc->frame.date_conf = 0.9f;
  wt_sb b;
  wt_sb_init(&b, 0);
  REQUIRE(wt_clu_features_json(doc, &b) == 0);
  wt_arena *a = wt_arena_new(0);
  wt_clu_doc d;
  REQUIRE(wt_clu_doc_parse(b.s, b.len, 5, a, &d) == 0);
  CHECK_INT_EQ(d.article, 5);
  CHECK_INT_EQ(d.day, wt_day_parse("2025-01-21"));
  CHECK(d.day_conf > 0.89f && d.day_conf < 0.91f);
  CHECK_STR_EQ(d.type, "meeting");
  CHECK_INT_EQ(d.n_participants, 2);
  REQUIRE(d.n_entities == 2);
  CHECK_STR_EQ(d.entities[0], "Q159");
  CHECK(d.entity_w[0] > 0.74f && d.entity_w[0] < 0.76f);
  REQUIRE(d.n_terms >= 4);
  /* "virtual" (twice, once in the lead) and "presiden" lead */
  CHECK(strcmp(d.terms[0], "presiden") == 0 || strcmp(d.terms[0], "virtual") == 0);
  for (size_t i = 0; i < d.n_terms; i++) CHECK(strcmp(d.terms[i], "bertemu") != 0);
  CHECK(d.hash != 0);
  CHECK_INT_EQ(d.n_minhash, WT_CLU_MINHASH);
  /* same words, other case and spacing: same hash */
  wt_doc *doc2 = wt_doc_new(0);
  const char *body2 = "PRESIDEN rusia bertemu presiden China  secara virtual\n"
                      "Pertemuan virtual -- berlangsung lama";
  doc2->body = wt_arena_strdup(doc2->arena, body2);
  doc2->body_len = strlen(body2);
  wt_sb b2;
  wt_sb_init(&b2, 0);
  wt_clu_features_json(doc2, &b2);
  wt_clu_doc d2;
  REQUIRE(wt_clu_doc_parse(b2.s, b2.len, 6, a, &d2) == 0);
  CHECK(d2.hash == d.hash);
  CHECK(d2.day == WT_NO_DAY);
  wt_sb_free(&b);
  wt_sb_free(&b2);
  wt_arena_free(a);
  wt_doc_free(doc);
  wt_doc_free(doc2);
}

WT_TEST(cluster_parse_rejects_garbage) {
  wt_arena *a = wt_arena_new(0);
  wt_clu_doc d;
  CHECK(wt_clu_doc_parse("", 0, 1, a, &d) == -1);
  CHECK(wt_clu_doc_parse("[1,2]", 5, 1, a, &d) == -1);
  CHECK(wt_clu_doc_parse("{\"day\":", 7, 1, a, &d) == -1);
  const char *odd = "{\"day\":5,\"day_conf\":\"x\",\"type\":[],\"participants\":[1,null,\"Q1\"],"
                    "\"entities\":[[\"Q1\"],[2,3],\"Q2\",[\"Q3\",-4]],\"terms\":{},"
                    "\"minhash\":[1,2,3],\"hash\":17}";
  REQUIRE(wt_clu_doc_parse(odd, strlen(odd), 1, a, &d) == 0);
  CHECK(d.day == WT_NO_DAY);
  CHECK(d.type == NULL);
  CHECK_INT_EQ(d.n_participants, 1);
  CHECK_INT_EQ(d.n_entities, 3);
  CHECK_INT_EQ(d.n_terms, 0);
  CHECK_INT_EQ(d.n_minhash, 0);
  wt_clu *c = wt_clu_new();
  CHECK(wt_clu_add(c, &d) > 0);
  wt_clu_free(c);
  wt_arena_free(a);
}

/* An article with no stated date but a plausible window (the years its
 * text refers to) against two look-alike events: it joins the one whose
 * date lies inside the window, in every arrival order, even when its
 * words lean towards the other; outside the window the penalty grows with
 * the distance. */
WT_TEST(cluster_window_places_undated_articles) {
  syn undated = look_alike[2];
  /* lean the words towards the 2026 call */
  const char *lean[] = {"video", "panggil", "mitra", "jam", "menit", "parade", "kunjung",
                        "strategis", "beijing", "bahas", "putin", "xi", "rusia", "china"};
  for (size_t i = 0; i < sizeof lean / sizeof *lean; i++) undated.terms[i] = lean[i];
  const syn *arts[4] = {&look_alike[0], &look_alike[1], &undated, &look_alike[3]};
  int bad = 0;
  for (int k = 0; k < 24; k++) {
    int p[4];
    permute(p, 4, k);
    wt_clu *c = wt_clu_new();
    for (int i = 0; i < 4; i++) {
      wt_clu_doc d = syn_doc(arts[p[i]], i + 1, 0x2000 + (uint64_t)p[i]);
      if (p[i] == 2) {
        d.has_window = 1;
        d.day_min = wt_day_parse("2025-01-01");
        d.day_max = wt_day_parse("2025-12-31");
      }
      CHECK(wt_clu_add(c, &d) > 0);
    }
    int64_t ev[4];
    for (int i = 0; i < 4; i++) ev[p[i]] = wt_clu_event_of(c, i + 1);
    bad += !(ev[2] == ev[3] && ev[0] == ev[1] && ev[0] != ev[2]);
    wt_clu_free(c);
  }
  CHECK_INT_EQ(bad, 0);

  /* the penalty: none inside, some just outside, more far outside */
  double f[3];
  const char *lo[3] = {"2026-01-01", "2025-12-01", "2025-06-01"};
  const char *hi[3] = {"2026-12-31", "2026-02-02", "2025-09-30"};
  for (int k = 0; k < 3; k++) {
    wt_clu *c = wt_clu_new();
    wt_clu_doc a = syn_doc(&look_alike[0], 1, 1), b = syn_doc(&look_alike[2], 2, 2);
    b.has_window = 1;
    b.day_min = wt_day_parse(lo[k]);
    b.day_max = wt_day_parse(hi[k]);
    wt_clu_add(c, &a);
    wt_clu_add(c, &b);
    wt_sb sb;
    wt_sb_init(&sb, 0);
    REQUIRE(wt_clu_why(c, 1, 2, &sb) == 0);
    json_t *j = json_loads(sb.s, 0, NULL);
    f[k] = json_number_value(json_object_get(json_object_get(j, "scores"), "date_factor"));
    if (k == 2)
      CHECK(json_integer_value(json_object_get(json_object_get(j, "dates"),
                                               "outside_window_days")) > 100);
    json_decref(j);
    wt_sb_free(&sb);
    wt_clu_free(c);
  }
  CHECKF(f[0] == 1.0 && f[1] == 1.0, "inside / within the slack: %g %g", f[0], f[1]);
  CHECKF(f[2] < 0.5, "far outside: date factor %g", f[2]);
}

/* Stems of two languages never meet: the term component is left out of
 * the mean instead of counting as a disagreement. */
WT_TEST(cluster_languages_do_not_compare_terms) {
  syn id = look_alike[3], en = look_alike[3];
  const char *words[] = {"virtual", "call", "leaders", "president", "ties", "trade",
                         "partnership", "inauguration", "talks", "relations", NULL};
  memset(en.terms, 0, sizeof en.terms);
  for (int i = 0; words[i]; i++) en.terms[i] = words[i];
  double total[2];
  for (int k = 0; k < 2; k++) {
    wt_clu *c = wt_clu_new();
    wt_clu_doc a = syn_doc(&id, 1, 1), b = syn_doc(&en, 2, 2);
    a.lang = "id";
    b.lang = k ? "en" : "id";
    CHECK(wt_clu_add(c, &a) > 0);
    CHECK(wt_clu_add(c, &b) > 0);
    if (k) CHECK(wt_clu_event_of(c, 1) == wt_clu_event_of(c, 2));
    wt_sb sb;
    wt_sb_init(&sb, 0);
    REQUIRE(wt_clu_why(c, 1, 2, &sb) == 0);
    json_t *j = json_loads(sb.s, 0, NULL);
    total[k] = json_number_value(json_object_get(j, "total"));
    if (k)
      CHECK(json_number_value(json_object_get(json_object_get(j, "weights"), "terms")) == 0);
    json_decref(j);
    wt_sb_free(&sb);
    wt_clu_free(c);
  }
  CHECKF(total[1] > total[0], "two languages %.3f, same language %.3f", total[1], total[0]);
}

enum { WIN_N = 30000 };
static int64_t win_ev[WIN_N + 1], win_redir[8 * WIN_N];

static void win_assign(void *ud, int64_t article, int64_t event) {
  (void)ud;
  if (article > 0 && article <= WIN_N) win_ev[article] = event;
}

static void win_redirect(void *ud, int64_t from, int64_t to) {
  (void)ud;
  if (from > 0 && from < 8 * WIN_N) win_redir[from] = to;
}

static int64_t win_resolve(int64_t e) {
  while (e > 0 && e < 8 * WIN_N && win_redir[e]) e = win_redir[e];
  return e;
}

/* A long stream under a window: frozen articles leave the index (their
 * drained assignments are the record), slots and strings are recycled,
 * and the index stays small. */
WT_TEST(cluster_window_recycles_memory) {
  wt_clu *c = wt_clu_new();
  wt_clu_set_window(c, 10);
  enum { N = WIN_N };
  char words[6][32];
  const char *parts[2], *ents[3], *terms[6];
  float ew[3] = {0.4f, 0.4f, 0.2f};
  int32_t base = wt_day_parse("2020-01-01");
  for (int i = 1; i <= N; i++) {
    int event = (i - 1) / 3; /* three articles an event, 30 events a day */
    snprintf(words[0], 32, "p%d", event % 500);
    snprintf(words[1], 32, "q%d", (event * 7) % 500 + 500);
    snprintf(words[2], 32, "e%d", event); /* unique: must be recycled */
    parts[0] = words[0], parts[1] = words[1];
    ents[0] = words[0], ents[1] = words[1], ents[2] = words[2];
    for (int t = 0; t < 3; t++) snprintf(words[3 + t], 32, "w%d_%d", event, t);
    terms[0] = words[2], terms[1] = words[3], terms[2] = words[4], terms[3] = words[5];
    terms[4] = "umum", terms[5] = "berita";
    wt_clu_doc d = {0};
    d.article = i;
    int first = event * 3 + 1; /* every 50th article copies its event's first */
    d.hash = (uint64_t)(i % 50 == 0 && i != first ? first : i) * 31 + 7;
    d.day = base + event / 30;
    d.day_conf = 0.9f;
    d.participants = parts;
    d.n_participants = 2;
    d.entities = ents;
    d.entity_w = ew;
    d.n_entities = 3;
    d.terms = terms;
    d.n_terms = 6;
    CHECK(wt_clu_add(c, &d) > 0);
    wt_clu_drain(c, win_assign, win_redirect, NULL);
  }
  int wrong = 0, missing = 0;
  for (int i = 1; i <= N; i++) {
    missing += !win_ev[i];
    wrong += win_resolve(win_ev[i]) != win_resolve(win_ev[((i - 1) / 3) * 3 + 1]);
  }
  CHECK_INT_EQ(missing, 0);
  CHECK_INT_EQ(wrong, 0);
  CHECK_INT_EQ(wt_clu_event_of(c, 50), 0); /* frozen: the store knows */
  CHECK_INT_EQ(wt_clu_duplicate_of(c, 50), 0);
  CHECK_INT_EQ(wt_clu_duplicate_of(c, 30000), 29998); /* live */
  size_t n = 0, ind = 0;
  CHECK(wt_clu_event_size(c, wt_clu_event_of(c, 30000), &n, &ind) == 0);
  CHECK(n == 3 && ind == 2);
  CHECK(wt_clu_add(c, &(wt_clu_doc){.article = 29999, .day = WT_NO_DAY}) == -1);
  wt_clu_free(c);
}

/* With a grace of N arrivals an event past the window stays live while it
 * keeps taking articles, and freezes once N arrivals pass without one. */
WT_TEST(cluster_window_grace_keeps_touched_events) {
  wt_clu *c = wt_clu_new();
  REQUIRE(c != NULL);
  wt_clu_set_window(c, 10);
  wt_clu_set_grace(c, 200);
  const char *terms[] = {"gempa", "sigi", "bmkg"};
  const float tw[] = {1, 1, 1};
  const char *ents[] = {"x:Sigi"};
  const float ew[] = {1};
  wt_clu_doc d = {0};
  d.terms = terms, d.term_w = tw, d.n_terms = 3;
  d.entities = ents, d.entity_w = ew, d.n_entities = 1;
  d.type = "disaster";
  d.day_conf = 0.9f;
  d.day = wt_days_from_civil(2025, 4, 29);
  d.article = 1;
  d.hash = 11;
  int64_t ev = wt_clu_add(c, &d);
  REQUIRE(ev > 0);
  /* a stream moves a year on, with an article of the old event now and
   * then (a replay out of order) */
  const char *oterms[] = {"pemilu", "suara"};
  const char *oents[] = {"x:KPU"};
  wt_clu_doc o = {0};
  o.terms = oterms, o.term_w = tw, o.n_terms = 2;
  o.entities = oents, o.entity_w = ew, o.n_entities = 1;
  o.type = "election";
  o.day_conf = 0.9f;
  int64_t id = 2;
  for (int k = 0; k < 300; k++, id++) {
    o.article = id;
    o.hash = 1000 + (uint64_t)id;
    o.day = wt_days_from_civil(2026, 1, 1) + k;
    REQUIRE(wt_clu_add(c, &o) > 0);
    if (k % 50 == 0) {
      d.article = ++id;
      d.hash = 5000 + (uint64_t)id;
      CHECK_INT_EQ(wt_clu_add(c, &d), ev);
    }
  }
  CHECK(wt_clu_event_of(c, 1) == ev); /* touched within the grace */
  for (int k = 0; k < 400; k++, id++) {
    o.article = id;
    o.hash = 1000 + (uint64_t)id;
    o.day = wt_days_from_civil(2026, 12, 1) + k;
    REQUIRE(wt_clu_add(c, &o) > 0);
  }
  CHECK_INT_EQ(wt_clu_event_of(c, 1), 0); /* grace ran out: frozen */
  wt_clu_free(c);
}
