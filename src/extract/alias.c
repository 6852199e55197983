/*
 * alias.c - linking inside one article, then the entity table's final
 * form.
 *
 *   short forms: a name found by rule whose words are a first or last part
 *     of a person's longer name ("Ushakov" -> "Yuri Ushakov", "Xi" ->
 *     "Xi Jinping"), or of a longer unknown name ("Siti" -> "Siti Aminah"),
 *     becomes a mention of it (WT_MEN_ALIAS); when two share the part, the
 *     one named last before it wins;
 *   abbreviations: a name in brackets right after a longer organisation
 *     name it abbreviates ("Gerakan Tolak Omnibus Law (Getol)") is that
 *     organisation wherever it is mentioned;
 *   roles: a role phrase without a name ("Presiden Rusia" after "Presiden
 *     Rusia Vladimir Putin") refers to the person who held that role
 *     earlier in the article, else to the holder in data/extract/roles.tsv
 *     on the article's reference day, or with a weak reference on the
 *     latest day the text states (WT_MEN_ROLE);
 *   compaction: dead mentions go, entities without mentions go, mentions
 *     are sorted by position, entity indices renumbered, n_mentions and
 *     first filled, and each token's mention index refreshed.
 */
#include <stdlib.h>
#include <string.h>

#include "xint.h"

/* Case-folded comparison of two byte strings. */
static int al_eq(const char *a, size_t na, const char *b, size_t nb) {
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++)
    if (x_fold((unsigned char)a[i]) != x_fold((unsigned char)b[i])) return 0;
  return 1;
}

/* Is `part` the first or last word sequence of `full` (whole words)? */
static int al_part_of(const char *part, const char *full) {
  size_t np = strlen(part), nf = strlen(full);
  if (np >= nf) return 0;
  if (al_eq(part, np, full, np) && full[np] == ' ') return 1;
  if (al_eq(part, np, full + nf - np, np) && full[nf - np - 1] == ' ')
    return 1;
  return 0;
}

/* Can `acr` be an abbreviation of `full`: same first letter, its
 * letters in order among full's ("Getol" of "Gerakan Tolak Omnibus Law",
 * "KSPI" of "Konfederasi Serikat Pekerja Indonesia"), and full of two
 * words or more? */
static int al_abbrev_of(const char *acr, size_t na, const char *full) {
  if (na < 2 || na > 12 || !strchr(full, ' ') ||
      x_fold((unsigned char)acr[0]) != x_fold((unsigned char)full[0]))
    return 0;
  size_t i = 1;
  for (const char *f = full + 1; *f && i < na; f++)
    if (x_fold((unsigned char)*f) == x_fold((unsigned char)acr[i])) i++;
  return i == na;
}

/* A name the gazetteer does not know, written in brackets right after a
 * longer organisation name it abbreviates ("Gerakan Tolak Omnibus Law
 * (Getol)"): its mentions are the organisation's. */
static void al_abbrevs(x_ctx *c, int32_t *to) {
  wt_doc *d = c->d;
  for (size_t k = 1; k + 2 < c->nt; k++) {
    int32_t mf = c->t[k - 1].men, ma = c->t[k + 1].men;
    if (c->t[k].kind != XK_PUNCT || c->s[c->t[k].s] != '(' ||
        c->t[k + 2].kind != XK_PUNCT || c->s[c->t[k + 2].s] != ')' ||
        mf < 0 || ma < 0 || mf == ma)
      continue;
    int32_t ef = d->mentions.v[mf].entity, ea = d->mentions.v[ma].entity;
    if (ef < 0 || ea < 0 || ef == ea || c->egaz.v[ea] >= 0 ||
        d->entities.v[ef].type == WT_ENT_PERSON ||
        d->entities.v[ef].type == WT_ENT_PLACE)
      continue;
    const wt_mention *a = &d->mentions.v[ma];
    if (al_abbrev_of(c->s + a->span.start, a->span.end - a->span.start,
                     d->entities.v[ef].name))
      to[ea] = ef;
  }
}

static int al_short_forms(x_ctx *c, int32_t *to) {
  wt_doc *d = c->d;
  for (size_t i = 0; i < d->entities.n; i++) {
    wt_entity *e = &d->entities.v[i];
    if (c->egaz.v[i] >= 0 || e->type == WT_ENT_ORG || e->type == WT_ENT_PLACE)
      continue;
    int32_t best = -1;
    uint32_t best_at = 0;
    /* first mention of the short form */
    uint32_t at = UINT32_MAX;
    for (size_t m = 0; m < d->mentions.n; m++)
      if (d->mentions.v[m].entity == (int32_t)i && d->mentions.v[m].span.start < at)
        at = d->mentions.v[m].span.start;
    for (size_t j = 0; j < d->entities.n; j++) {
      const wt_entity *p = &d->entities.v[j];
      int named = p->type == WT_ENT_PERSON ||
                  (p->type == WT_ENT_MISC && c->egaz.v[j] < 0);
      if (j == i || !named || !al_part_of(e->name, p->name)) continue;
      /* the person named last before the short form (else first after) */
      uint32_t pat = UINT32_MAX;
      for (size_t m = 0; m < d->mentions.n; m++) {
        const wt_mention *mm = &d->mentions.v[m];
        if (mm->entity != (int32_t)j) continue;
        if (mm->span.start < at && (pat == UINT32_MAX || mm->span.start > pat))
          pat = mm->span.start;
      }
      uint32_t score = pat == UINT32_MAX ? 0 : pat + 1;
      if (best < 0 || score > best_at) {
        best = (int32_t)j;
        best_at = score;
      }
    }
    if (best >= 0) {
      to[i] = best;
      for (size_t m = 0; m < d->mentions.n; m++)
        if (d->mentions.v[m].entity == (int32_t)i)
          d->mentions.v[m].how = WT_MEN_ALIAS;
    }
  }
  /* follow chains */
  for (size_t i = 0; i < d->entities.n; i++) {
    int32_t k = (int32_t)i;
    for (int hop = 0; hop < 8 && to[k] != k; hop++) k = to[k];
    to[i] = k;
  }
  for (size_t m = 0; m < d->mentions.n; m++)
    if (d->mentions.v[m].entity >= 0)
      d->mentions.v[m].entity = to[d->mentions.v[m].entity];
  return 0;
}

/* The holder of a role phrase in the role table on `day` (xint.h). */
int32_t x_role_holder(const x_ctx *c, const char *s, size_t n,
                              int32_t day) {
  const wt_extract_res *r = c->r;
  uint32_t ends[32];
  int32_t heads[32];
  size_t k = x_trie_walk(&r->role_phrases, s, n, 0, ends, heads, 32);
  if (!k || ends[k - 1] != n) return -1;
  int32_t incumbent = -1;
  for (int32_t p = heads[k - 1]; p >= 0; p = r->role_phrases.pay_next[p]) {
    const x_role *ro = &r->roles[r->role_phrases.pay_val[p]];
    if (day != WT_NO_DAY) {
      if ((ro->from == WT_NO_DAY || ro->from <= day) &&
          (ro->to == WT_NO_DAY || day < ro->to))
        return ro->ent;
    } else if (ro->to == WT_NO_DAY) {
      incumbent = ro->ent;
    }
  }
  return incumbent;
}

/* The day roles are read at: the reference day when the report's own
 * (publication, crawl, a stated date); with a weak reference (a file's
 * time, none), the latest day the text states without it, which is
 * nearer the event than the day a file was saved. */
int32_t x_role_day(const x_ctx *c) {
  const wt_doc *d = c->d;
  if (d->ref_how && strcmp(d->ref_how, "file-mtime") != 0 &&
      strcmp(d->ref_how, "none") != 0)
    return d->ref_day;
  int32_t day = WT_NO_DAY;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (x->type == WT_TX_DATE && !x->relative && x->tense <= 0 &&
        x->day_hi != WT_NO_DAY && (day == WT_NO_DAY || x->day_hi > day))
      day = x->day_hi;
  }
  if (day != WT_NO_DAY && d->ref_day != WT_NO_DAY && day > d->ref_day)
    day = d->ref_day;
  return day != WT_NO_DAY ? day : d->ref_day;
}

static int al_roles(x_ctx *c) {
  wt_doc *d = c->d;
  int32_t day = x_role_day(c);
  for (size_t k = 0; k < c->rolemen.n; k++) {
    const x_rolemen *rm = &c->rolemen.v[k];
    const char *s = c->s + rm->s;
    size_t n = rm->e - rm->s;
    int32_t ent = -1;
    for (size_t i = 0; i < d->entities.n && ent < 0; i++) {
      const char *role = d->entities.v[i].role;
      if (role && al_eq(role, strlen(role), s, n) &&
          d->entities.v[i].first < rm->s)
        ent = (int32_t)i;
    }
    if (ent < 0) {
      char buf[256];
      if (n >= sizeof buf) continue;
      memcpy(buf, s, n);
      buf[n] = '\0';
      int32_t g = x_role_holder(c, buf, n, day);
      if (g < 0) continue;
      ent = x_entity(c, g, NULL, NULL, 0);
      if (ent < 0) return -1;
      if (!d->entities.v[ent].role)
        d->entities.v[ent].role = wt_arena_strndup(d->arena, s, n);
    }
    size_t ti = x_tok_at(c, rm->s), tj = ti;
    while (tj < c->nt && c->t[tj].e <= rm->e) tj++;
    for (size_t q = ti; q < tj; q++) c->t[q].men = -1;
    if (x_mention(c, (uint32_t)ti, (uint32_t)tj, ent, WT_MEN_ROLE) < 0)
      return -1;
  }
  return 0;
}

static int al_cmp_mention(const void *a, const void *b) {
  const wt_mention *x = a, *y = b;
  return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static int al_compact(x_ctx *c) {
  wt_doc *d = c->d;
  size_t ne = d->entities.n;
  int32_t *map = wt_arena_alloc(d->arena, (ne + 1) * sizeof *map);
  uint32_t *cnt = wt_arena_alloc(d->arena, (ne + 1) * sizeof *cnt);
  if (!map || !cnt) return -1;
  size_t k = 0;
  for (size_t m = 0; m < d->mentions.n; m++)
    if (d->mentions.v[m].entity >= 0) {
      d->mentions.v[k++] = d->mentions.v[m];
      cnt[d->mentions.v[k - 1].entity]++;
    }
  d->mentions.n = k;
  if (d->mentions.n > 1)
    qsort(d->mentions.v, d->mentions.n, sizeof *d->mentions.v, al_cmp_mention);
  size_t nn = 0;
  for (size_t i = 0; i < ne; i++) {
    if (!cnt[i]) {
      map[i] = -1;
      continue;
    }
    map[i] = (int32_t)nn;
    d->entities.v[nn] = d->entities.v[i];
    c->egaz.v[nn] = c->egaz.v[i];
    d->entities.v[nn].n_mentions = 0;
    d->entities.v[nn].first = UINT32_MAX;
    nn++;
  }
  d->entities.n = c->egaz.n = nn;
  for (size_t t = 0; t < c->nt; t++) c->t[t].men = -1;
  for (size_t m = 0; m < d->mentions.n; m++) {
    wt_mention *mm = &d->mentions.v[m];
    mm->entity = map[mm->entity];
    wt_entity *e = &d->entities.v[mm->entity];
    e->n_mentions++;
    if (mm->span.start < e->first) e->first = mm->span.start;
    for (size_t t = x_tok_at(c, mm->span.start);
         t < c->nt && c->t[t].e <= mm->span.end; t++)
      c->t[t].men = (int32_t)m;
  }
  return 0;
}

int x_alias_link(x_ctx *c) {
  wt_doc *d = c->d;
  /* first mentions, for role linking */
  for (size_t i = 0; i < d->entities.n; i++) d->entities.v[i].first = UINT32_MAX;
  for (size_t m = 0; m < d->mentions.n; m++) {
    const wt_mention *mm = &d->mentions.v[m];
    if (mm->entity >= 0 && mm->span.start < d->entities.v[mm->entity].first)
      d->entities.v[mm->entity].first = mm->span.start;
  }
  if (al_roles(c) < 0) return -1;
  int32_t *to = wt_arena_alloc(d->arena, (d->entities.n + 1) * sizeof *to);
  if (!to) return -1;
  for (size_t i = 0; i < d->entities.n; i++) to[i] = (int32_t)i;
  al_abbrevs(c, to);
  if (al_short_forms(c, to) < 0) return -1;
  return al_compact(c);
}
