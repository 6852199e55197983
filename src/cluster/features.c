/*
 * features.c - the clustering features of one article, as JSON and back.
 *
 * wt_clu_features_json() reduces a processed doc to what clustering needs:
 * event day and its confidence, the plausible window of an unstated
 * event day, the language, event type, participants, weighted entity
 * ids (mention share, agencies and outlets left out), up to
 * FEAT_MAX_TERMS salient stems weighted by term frequency with a boost for
 * the title and the lead, a hash of the case-folded alphanumeric body (exact
 * duplicates), a MinHash signature over word 5-shingles (near-duplicate
 * wire copy) and the distinct percent figures the body states, the lead's
 * first (two releases of one institution differ by their headline figure).  wt_clu_doc_parse() reads that object back into a wt_clu_doc
 * whose arrays and strings live in an arena.
 *
 * Invariants: the writer's output depends only on the doc (terms are
 * ordered by weight, then by stem); the parser accepts any JSON, ignores
 * what it does not understand, caps every list, and never reads past n.
 */
#include "cluster.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

#define FEAT_MAX_TERMS 60
#define FEAT_PARSE_MAX_TERMS 256
#define FEAT_PARSE_MAX_ENTS 256
#define FEAT_PARSE_MAX_PARTS 64
#define FEAT_SHINGLE 5
#define FEAT_MAX_WORD 64

/* ------------------------------------------------------------ hashing */

static uint64_t feat_mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/* Walk the body's words: runs of ASCII alphanumerics and non-ASCII bytes,
 * ASCII folded to lower case, each capped at FEAT_MAX_WORD bytes.  Feeds
 * the exact-duplicate hash (words joined by one space) and the MinHash. */
static void feat_body_sigs(const char *body, size_t n, uint64_t *hash,
                           uint32_t sig[WT_CLU_MINHASH], int *has_sig) {
  wt_sb text;
  wt_sb_init(&text, n + 16);
  uint64_t ring[FEAT_SHINGLE] = {0};
  size_t nwords = 0;
  uint64_t mins[WT_CLU_MINHASH];
  for (int k = 0; k < WT_CLU_MINHASH; k++) mins[k] = UINT64_MAX;
  char word[FEAT_MAX_WORD];
  size_t wl = 0;
  for (size_t i = 0; i <= n; i++) {
    unsigned char ch = i < n ? (unsigned char)body[i] : ' ';
    int alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
    if (alnum) {
      if (wl < FEAT_MAX_WORD) word[wl++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      continue;
    }
    if (!wl) continue;
    if (text.len) wt_sb_addc(&text, ' ');
    wt_sb_add(&text, word, wl);
    ring[nwords % FEAT_SHINGLE] = wt_hash64(word, wl);
    nwords++;
    wl = 0;
    if (nwords >= FEAT_SHINGLE) {
      uint64_t sh = 0;
      for (size_t j = 0; j < FEAT_SHINGLE; j++)
        sh = feat_mix(sh ^ ring[(nwords - FEAT_SHINGLE + j) % FEAT_SHINGLE]);
      for (int k = 0; k < WT_CLU_MINHASH; k++) {
        uint64_t v = feat_mix(sh ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1)));
        if (v < mins[k]) mins[k] = v;
      }
    }
  }
  if (nwords > 0 && nwords < FEAT_SHINGLE) { /* short text: one shingle */
    uint64_t sh = 0;
    for (size_t j = 0; j < nwords; j++) sh = feat_mix(sh ^ ring[j]);
    for (int k = 0; k < WT_CLU_MINHASH; k++)
      mins[k] = feat_mix(sh ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1)));
  }
  *hash = wt_hash64(text.s ? text.s : "", text.len);
  *has_sig = nwords > 0;
  for (int k = 0; k < WT_CLU_MINHASH; k++) sig[k] = (uint32_t)(mins[k] >> 32);
  wt_sb_free(&text);
}

/* ------------------------------------------------------------- terms */

typedef struct feat_term {
  const char *stem;
  double w;
} feat_term;

static int feat_term_cmp(const void *a, const void *b) {
  const feat_term *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return strcmp(x->stem, y->stem);
}

/* Does the case-folded title contain `norm` as a whole word? */
static int feat_in_title(const char *title, const char *norm) {
  size_t nl = strlen(norm);
  if (!title || !nl) return 0;
  for (const char *p = title; *p;) {
    while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80))
      p++;
    const char *w = p;
    while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80 ||
                  *p == '-'))
      p++;
    if ((size_t)(p - w) == nl && strncasecmp(w, norm, nl) == 0) return 1;
  }
  return 0;
}

/* Collect salient stems with boosted tf; returns the count, terms sorted. */
static size_t feat_terms(const wt_doc *doc, feat_term **out) {
  size_t cap = 64;
  while (cap < doc->tokens.n * 2) cap <<= 1;
  feat_term *tab = calloc(cap, sizeof *tab);
  if (!tab) return 0;
  /* the lead: the first two sentences, or the first paragraph */
  uint32_t lead_end = 0;
  if (doc->sentences.n)
    lead_end = doc->sentences.v[doc->sentences.n > 1 ? 1 : 0].span.end;
  if (doc->paras.n && doc->paras.v[0].span.end > lead_end)
    lead_end = doc->paras.v[0].span.end;
  for (size_t i = 0; i < doc->tokens.n; i++) {
    const wt_token *t = &doc->tokens.v[i];
    if (t->kind != WT_TOK_WORD || (t->flags & WT_TOKF_STOP) || !t->stem)
      continue;
    size_t sl = strlen(t->stem);
    if (sl < 3 || sl > FEAT_MAX_WORD) continue;
    double w = 1.0;
    if (t->span.end <= lead_end) w += 1.0;
    if (feat_in_title(doc->title.value, t->norm ? t->norm : t->stem)) w += 1.0;
    size_t h = (size_t)wt_hash64(t->stem, sl) & (cap - 1);
    while (tab[h].stem && strcmp(tab[h].stem, t->stem) != 0) h = (h + 1) & (cap - 1);
    if (!tab[h].stem) tab[h].stem = t->stem;
    tab[h].w += w;
  }
  size_t n = 0;
  for (size_t i = 0; i < cap; i++)
    if (tab[i].stem) tab[n++] = tab[i];
  qsort(tab, n, sizeof *tab, feat_term_cmp);
  *out = tab;
  return n;
}

/* ----------------------------------------------------------- figures */

#define FEAT_LEAD_SENTENCES 2

/* Append v to vals[0..*n) unless it is there or the list is full. */
static void feat_fig_add(double *vals, size_t *n, size_t max, double v) {
  for (size_t i = 0; i < *n; i++)
    if (vals[i] == v) return;
  if (*n < max) vals[(*n)++] = v;
}

/* Write ],"figures":[[value,lead],...]: the distinct percent figures, those
 * of the lead's first two sentences first (lead = 1), in text order.  Only
 * percentages: rates, growth and shares are what releases and results
 * are told apart by; counts (victims, houses) change as a story ages. */
static void feat_figures(const wt_doc *doc, wt_sb *out) {
  double vals[WT_CLU_FIGURES];
  size_t n = 0, nlead = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < doc->figures.n; i++) {
      const wt_figure *f = &doc->figures.v[i];
      int lead = f->sentence < FEAT_LEAD_SENTENCES;
      if (f->kind != WT_FIG_PERCENT || lead != !pass || !(f->value == f->value) ||
          f->value < 0 || f->value > 1e6)
        continue;
      feat_fig_add(vals, &n, pass ? WT_CLU_FIGURES : WT_CLU_LEAD_FIGS, f->value);
    }
    if (!pass) nlead = n;
  }
  wt_sb_adds(out, "],\"figures\":[");
  for (size_t i = 0; i < n; i++)
    wt_sb_printf(out, "%s[%g,%d]", i ? "," : "", vals[i], i < nlead);
  wt_sb_addc(out, ']');
}

/* ------------------------------------------------------------ writer */

int wt_clu_features_json(const wt_doc *doc, wt_sb *out) {
  const wt_frame *f = &doc->frame;
  wt_sb_adds(out, "{\"v\":1,\"day\":");
  if (f->day != WT_NO_DAY) {
    char iso[11];
    wt_day_iso(f->day, iso);
    wt_sb_printf(out, "\"%s\"", iso);
  } else {
    wt_sb_adds(out, "null");
  }
  wt_sb_printf(out, ",\"day_conf\":%.3f", f->day != WT_NO_DAY ? (double)f->date_conf : 0.0);
  if (f->day_min != WT_NO_DAY && f->day_max != WT_NO_DAY && f->day_min <= f->day_max) {
    char lo[11], hi[11];
    wt_day_iso(f->day_min, lo);
    wt_day_iso(f->day_max, hi);
    wt_sb_printf(out, ",\"window\":[\"%s\",\"%s\"]", lo, hi);
  }
  if (doc->lang[0]) {
    wt_sb_adds(out, ",\"lang\":");
    wt_sb_json_str(out, doc->lang, strnlen(doc->lang, sizeof doc->lang));
  }
  wt_sb_adds(out, ",\"type\":");
  if (f->type)
    wt_sb_json_str(out, f->type, strlen(f->type));
  else
    wt_sb_adds(out, "null");

  wt_sb_adds(out, ",\"participants\":[");
  int first = 1;
  for (size_t i = 0; i < f->n_participants; i++) {
    int32_t e = f->participants[i];
    if (e < 0 || (size_t)e >= doc->entities.n || !doc->entities.v[e].id) continue;
    if (!first) wt_sb_addc(out, ',');
    first = 0;
    const char *id = doc->entities.v[e].id;
    wt_sb_json_str(out, id, strlen(id));
  }

  wt_sb_adds(out, "],\"entities\":[");
  double total = 0;
  for (size_t i = 0; i < doc->entities.n; i++) {
    const wt_entity *e = &doc->entities.v[i];
    if (e->id && !(e->flags & WT_ENTF_AGENCY))
      total += e->n_mentions ? e->n_mentions : 1;
  }
  first = 1;
  for (size_t i = 0; i < doc->entities.n; i++) {
    const wt_entity *e = &doc->entities.v[i];
    if (!e->id || (e->flags & WT_ENTF_AGENCY)) continue;
    if (!first) wt_sb_addc(out, ',');
    first = 0;
    wt_sb_addc(out, '[');
    wt_sb_json_str(out, e->id, strlen(e->id));
    wt_sb_printf(out, ",%.4f]", (e->n_mentions ? e->n_mentions : 1) / total);
  }

  wt_sb_adds(out, "],\"terms\":[");
  feat_term *terms = NULL;
  size_t nt = feat_terms(doc, &terms);
  for (size_t i = 0; i < nt && i < FEAT_MAX_TERMS; i++) {
    if (i) wt_sb_addc(out, ',');
    wt_sb_addc(out, '[');
    wt_sb_json_str(out, terms[i].stem, strlen(terms[i].stem));
    wt_sb_printf(out, ",%g]", terms[i].w);
  }
  free(terms);

  feat_figures(doc, out);

  uint64_t hash;
  uint32_t sig[WT_CLU_MINHASH];
  int has_sig;
  feat_body_sigs(doc->body ? doc->body : "", doc->body ? doc->body_len : 0,
                 &hash, sig, &has_sig);
  wt_sb_printf(out, ",\"hash\":\"%016llx\",\"minhash\":[",
               (unsigned long long)hash);
  for (int k = 0; has_sig && k < WT_CLU_MINHASH; k++)
    wt_sb_printf(out, "%s%u", k ? "," : "", (unsigned)sig[k]);
  wt_sb_adds(out, "]}");
  return out->toobig ? -1 : 0;
}

/* ------------------------------------------------------------ parser */

static const char *feat_str(wt_arena *a, json_t *v) {
  if (!json_is_string(v)) return NULL;
  return wt_arena_strndup(a, json_string_value(v), json_string_length(v));
}

static float feat_num(json_t *v, float dflt) {
  if (!json_is_number(v)) return dflt;
  double d = json_number_value(v);
  if (!(d == d) || d < 0 || d > 1e6) return dflt; /* NaN, negative, absurd */
  return (float)d;
}

/* Read a [[id, weight], ...] array (or plain strings, weight 1). */
static size_t feat_pairs(wt_arena *a, json_t *arr, size_t max,
                         const char ***ids, float **w) {
  size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
  if (n > max) n = max;
  *ids = n ? wt_arena_alloc(a, n * sizeof **ids) : NULL;
  *w = n ? wt_arena_alloc(a, n * sizeof **w) : NULL;
  if (n && (!*ids || !*w)) return 0;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    json_t *it = json_array_get(arr, i), *id = it, *wv = NULL;
    if (json_is_array(it)) {
      id = json_array_get(it, 0);
      wv = json_array_get(it, 1);
    }
    const char *s = feat_str(a, id);
    if (!s || !*s) continue;
    (*ids)[k] = s;
    (*w)[k] = feat_num(wv, 1.0f);
    k++;
  }
  return k;
}

int wt_clu_doc_parse(const char *json, size_t n, int64_t article,
                     wt_arena *a, wt_clu_doc *out) {
  memset(out, 0, sizeof *out);
  out->article = article;
  out->day = WT_NO_DAY;
  json_error_t err;
  json_t *root = json_loadb(json, n, JSON_REJECT_DUPLICATES, &err);
  if (!json_is_object(root)) {
    json_decref(root);
    return -1;
  }
  int rc = -1;
  json_t *v = json_object_get(root, "day");
  if (json_is_string(v)) out->day = wt_day_parse(json_string_value(v));
  out->day_conf = out->day == WT_NO_DAY ? 0.0f : feat_num(json_object_get(root, "day_conf"), 0.0f);
  if (out->day_conf > 1) out->day_conf = 1;
  out->type = feat_str(a, json_object_get(root, "type"));
  out->lang = feat_str(a, json_object_get(root, "lang"));
  v = json_object_get(root, "window");
  if (json_is_array(v) && json_array_size(v) == 2 &&
      json_is_string(json_array_get(v, 0)) && json_is_string(json_array_get(v, 1))) {
    out->day_min = wt_day_parse(json_string_value(json_array_get(v, 0)));
    out->day_max = wt_day_parse(json_string_value(json_array_get(v, 1)));
    out->has_window = out->day_min != WT_NO_DAY && out->day_max != WT_NO_DAY &&
                      out->day_min <= out->day_max;
  }
  if (!out->has_window) out->day_min = out->day_max = WT_NO_DAY;

  json_t *parts = json_object_get(root, "participants");
  size_t np = json_is_array(parts) ? json_array_size(parts) : 0;
  if (np > FEAT_PARSE_MAX_PARTS) np = FEAT_PARSE_MAX_PARTS;
  const char **pv = np ? wt_arena_alloc(a, np * sizeof *pv) : NULL;
  if (np && !pv) goto done;
  for (size_t i = 0; i < np; i++) {
    const char *s = feat_str(a, json_array_get(parts, i));
    if (s && *s) pv[out->n_participants++] = s;
  }
  out->participants = pv;

  const char **ids;
  float *w;
  out->n_entities = feat_pairs(a, json_object_get(root, "entities"),
                               FEAT_PARSE_MAX_ENTS, &ids, &w);
  out->entities = ids;
  out->entity_w = w;
  out->n_terms = feat_pairs(a, json_object_get(root, "terms"),
                            FEAT_PARSE_MAX_TERMS, &ids, &w);
  out->terms = ids;
  out->term_w = w;

  v = json_object_get(root, "hash");
  if (json_is_string(v)) out->hash = strtoull(json_string_value(v), NULL, 16);

  json_t *mh = json_object_get(root, "minhash");
  if (json_is_array(mh) && json_array_size(mh) == WT_CLU_MINHASH) {
    uint32_t *sig = wt_arena_alloc(a, WT_CLU_MINHASH * sizeof *sig);
    if (!sig) goto done;
    size_t k = 0;
    for (; k < WT_CLU_MINHASH; k++) {
      json_t *x = json_array_get(mh, k);
      if (!json_is_integer(x)) break;
      sig[k] = (uint32_t)json_integer_value(x);
    }
    if (k == WT_CLU_MINHASH) {
      out->minhash = sig;
      out->n_minhash = WT_CLU_MINHASH;
    }
  }
  json_t *figs = json_object_get(root, "figures");
  size_t nfig = json_is_array(figs) ? json_array_size(figs) : 0;
  if (nfig > WT_CLU_FIGURES) nfig = WT_CLU_FIGURES;
  float *fv = nfig ? wt_arena_alloc(a, nfig * sizeof *fv) : NULL;
  if (nfig && !fv) goto done;
  for (size_t i = 0; i < nfig; i++) { /* lead figures first, as written */
    json_t *it = json_array_get(figs, i);
    float x = feat_num(json_array_get(it, 0), -1.0f);
    int lead = json_is_true(json_array_get(it, 1)) ||
               (json_is_integer(json_array_get(it, 1)) &&
                json_integer_value(json_array_get(it, 1)) != 0);
    if (x < 0 || (lead && out->n_figures > out->n_lead_figures)) continue;
    if (lead && out->n_lead_figures >= WT_CLU_LEAD_FIGS) continue;
    fv[out->n_figures++] = x;
    if (lead) out->n_lead_figures++;
  }
  out->figures = fv;
  rc = 0;
done:
  json_decref(root);
  return rc;
}
