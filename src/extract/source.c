/*
 * source.c - sources the article credits: wire agencies, broadcasters and
 * outlets it copied ("dikutip Reuters", "seperti dilaporkan oleh CNA",
 * "Sumber: BBC", "(Antara)", "according to Reuters", "kepada kantor
 * berita TASS"), and official statements it rests on ("keterangan resmi
 * Kementerian Luar Negeri China", "siaran langsung Kremlin").
 *
 * A wire cue credits the first agency/broadcaster/outlet entity named
 * within SRC_WINDOW tokens after it in the same sentence (or a name the
 * gazetteer does not know, which then counts as an agency); a statement cue
 * credits the first organisation (or metonym place) there; an agency named
 * alone in parentheses is credited.  Raw credits from the cleaner
 * (doc->credited) are resolved through the gazetteer.  One source per
 * entity per article.
 */
#include <string.h>

#include "xint.h"

#define SRC_WINDOW 8

static int src_add(x_ctx *c, int32_t ent, const char *name, wt_span span,
                   const char *cue) {
  wt_doc *d = c->d;
  for (size_t i = 0; i < d->sources.n; i++) {
    if (ent >= 0 && d->sources.v[i].entity == ent) return 0;
    if (ent < 0 && d->sources.v[i].entity < 0 &&
        strcmp(d->sources.v[i].name, name) == 0)
      return 0;
  }
  wt_source *s = WT_VEC_PUSH(d->arena, &d->sources);
  if (!s) return -1;
  s->entity = ent;
  s->name = name;
  s->span = span;
  s->cue = cue;
  return 0;
}

static int src_from_mention(x_ctx *c, int32_t m, const char *cue) {
  const wt_mention *mm = &c->d->mentions.v[m];
  wt_entity *e = &c->d->entities.v[mm->entity];
  if (c->egaz.v[mm->entity] < 0 && strcmp(cue, "(") != 0 &&
      (e->type == WT_ENT_ORG || e->type == WT_ENT_MISC)) {
    e->type = WT_ENT_ORG;
    e->flags |= WT_ENTF_AGENCY;
  }
  char *name = wt_arena_strndup(c->d->arena, c->s + mm->span.start,
                                mm->span.end - mm->span.start);
  if (!name) return -1;
  return src_add(c, mm->entity, name, mm->span, cue);
}

/* Does this entity qualify as the source of a cue of kind k? */
static int src_fits(const x_ctx *c, int32_t ent, uint8_t k) {
  const wt_entity *e = &c->d->entities.v[ent];
  if (e->flags & WT_ENTF_AGENCY) return 1;
  /* a name the gazetteer does not know, credited by a wire cue */
  if (c->egaz.v[ent] < 0 && (e->type == WT_ENT_ORG || e->type == WT_ENT_MISC))
    return 1;
  if (k != XS_STMT) return 0;
  if (e->type == WT_ENT_ORG) return 1;
  /* a seat of government named for it ("Kremlin"), not a city ("Beijing") */
  int32_t g = c->egaz.v[ent];
  return g >= 0 && c->r->ents[g].metonym &&
         !(c->r->ents[g].tags & (XT_CITY | XT_CAPITAL | XT_COUNTRY));
}

int x_sources_find(x_ctx *c) {
  const wt_extract_res *r = c->r;
  wt_doc *d = c->d;
  for (size_t ti = 0; ti < c->nt; ti++) {
    const x_tok *t = &c->t[ti];
    /* "(Antara)", "((Antara))", "(Sumber Antara)" */
    if (t->kind == XK_PUNCT && c->s[t->s] == '(') {
      size_t p = ti + 1;
      while (p < c->nt && c->t[p].kind == XK_PUNCT && c->s[c->t[p].s] == '(')
        p++;
      if (p < c->nt && x_tok_is(c, p, "sumber")) p++; /* "(Sumber: X)" */
      if (p < c->nt && c->t[p].men >= 0) {
        int32_t m = c->t[p].men;
        size_t q = p;
        while (q < c->nt && c->t[q].men == m) q++;
        if (q < c->nt && c->s[c->t[q].s] == ')' &&
            src_fits(c, d->mentions.v[m].entity, XS_WIRE) &&
            src_from_mention(c, m, "(") < 0)
          return -1;
      }
      continue;
    }
    if (t->kind != XK_WORD || t->men >= 0) continue;
    int32_t ci;
    size_t tj = x_tok_match(c, &r->cue_trie, ti, &ci);
    if (tj == ti) continue;
    uint8_t kind = r->cues[ci].kind;
    for (size_t p = tj; p < c->nt && p < tj + SRC_WINDOW &&
                        c->t[p].sent == t->sent;
         p++) {
      int32_t m = c->t[p].men;
      if (m < 0) continue;
      if (src_fits(c, d->mentions.v[m].entity, kind)) {
        if (src_from_mention(c, m, r->cues[ci].norm) < 0) return -1;
        break;
      }
      /* a person after the cue is a speaker, not a source */
      if (d->entities.v[d->mentions.v[m].entity].type == WT_ENT_PERSON) break;
      while (p + 1 < c->nt && c->t[p + 1].men == m) p++;
    }
    ti = tj - 1;
  }
  /* raw credits found by the cleaner ("Sumber: BBC Internasional") */
  for (size_t i = 0; i < d->credited.n; i++) {
    const char *raw = d->credited.v[i].value;
    if (!raw) continue;
    size_t n = strlen(raw), pos = 0;
    while (pos < n && !x_word_at(raw, n, pos)) pos++;
    int32_t al;
    size_t e = pos < n ? x_gaz_match(r, raw, n, pos, &al) : 0;
    if (!e) continue;
    int32_t ent = x_entity(c, r->aliases[al].ent, NULL, NULL, 0);
    if (ent < 0) return -1;
    /* an entity added here has no mention in the body */
    if (d->entities.v[ent].first == 0 && d->entities.v[ent].n_mentions == 0)
      d->entities.v[ent].first = UINT32_MAX;
    wt_span none = {0, 0};
    const char *cue = d->credited.v[i].source ? d->credited.v[i].source
                                              : "credited";
    if (src_add(c, ent, wt_arena_strndup(d->arena, raw + pos, e - pos), none,
                cue) < 0)
      return -1;
  }
  return 0;
}
