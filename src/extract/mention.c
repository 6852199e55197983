/*
 * mention.c - entity mentions, in three passes over the token view:
 *
 *   1. gazetteer: the longest known name at each word start (case rules in
 *      x_gaz_match; URLs skipped; "US$" is money, not a country);
 *   2. titles: a title or role ("Presiden", "Menteri Luar Negeri",
 *      "juru bicara", "Foreign Minister") with its qualifiers (role words,
 *      places, organisations, demonyms, a possessor: "Penasihat Urusan Luar
 *      Negeri Putin") and the name after it, directly or as an apposition
 *      between commas ("Menteri Luar Negeri China, Wang Yi,").  A title with
 *      qualifiers and no name is kept as a role mention for alias.c,
 *      unless an office word before it says it names the office
 *      ("pemilihan presiden Polandia", "the former prime minister");
 *   3. names: remaining capitalised sequences, typed ORG by organisation
 *      cues (first or last word) or all-caps, PLACE after a locative
 *      preposition, else MISC.  Sentence-initial single words, weekdays,
 *      months, function words and title-case headings are not names; a
 *      demonym standing alone ("Iranian") is a mention of its country.
 *
 * Invariant: mentions never overlap (a token belongs to at most one).
 */
#include <string.h>

#include "ner.h"
#include "xint.h"

#define MN_MAX_NAME 5  /* words in a name after a title ("Wan Ahmad Farid Wan
                          Salleh") */
#define MN_MAX_SEQ 6   /* words in a capitalised sequence */

static int mn_in(const x_ctx *c, const x_trie *t, size_t ti) {
  return x_tok_match(c, t, ti, NULL) == ti + 1;
}

/* Does a key of t, of one word or more, start at token ti? */
static int mn_starts(const x_ctx *c, const x_trie *t, size_t ti) {
  return x_tok_match(c, t, ti, NULL) > ti;
}

/* A capitalised word that may be (part of) a personal name. */
/* Is token ti a Roman numeral ("II" in "kuartal II/2025", "XI")? */
static int mn_roman(const x_ctx *c, size_t ti) {
  for (uint32_t i = c->t[ti].s; i < c->t[ti].e; i++)
    if (!strchr("IVXLCDM", c->s[i])) return 0;
  return 1;
}

static int mn_namelike(const x_ctx *c, size_t ti) {
  if (ti >= c->nt) return 0;
  const x_tok *t = &c->t[ti];
  if (t->kind != XK_WORD || !(t->flags & XF_CAP)) return 0;
  if (t->men >= 0 || (t->flags & (XF_USED | XF_URL))) return 0;
  const wt_extract_res *r = c->r;
  return !mn_in(c, &r->not_names, ti) && !mn_in(c, &r->role_words, ti) &&
         !mn_in(c, &r->titles, ti) && !mn_in(c, &r->org_cues, ti);
}

/* Tokens ti and ti+2 joined by a hyphen with no space ("Novo-Ogaryovo"). */
static int mn_tight_hyphen(const x_ctx *c, size_t ti) {
  return ti + 2 < c->nt && c->t[ti + 1].kind == XK_PUNCT &&
         c->s[c->t[ti + 1].s] == '-' && c->t[ti + 1].s == c->t[ti].e &&
         c->t[ti + 2].s == c->t[ti + 1].e;
}

/* A lower-case syllable after a hyphen inside a name, not the run's first
 * word: the second half of a Korean given name ("Kim Moon-soo", "Lee
 * Jae-myung").  A run's first word is left alone ("Jakarta-based"). */
#define MN_SYLLABLE 6
static int mn_syllable(const x_ctx *c, size_t ti) {
  const x_tok *t = &c->t[ti];
  if (t->kind != XK_WORD || (t->flags & XF_CAP) || t->men >= 0 ||
      t->e - t->s > MN_SYLLABLE)
    return 0;
  for (uint32_t i = t->s; i < t->e; i++)
    if (c->s[i] < 'a' || c->s[i] > 'z') return 0;
  return 1;
}

size_t x_name_word_end(const x_ctx *c, size_t first, size_t ti) {
  while (mn_tight_hyphen(c, ti) &&
         (mn_namelike(c, ti + 2) || (ti > first && mn_syllable(c, ti + 2)))) {
    /* two names of two words or more each are two persons ("Andika
     * Perkasa-Hendrar Prihadi", a ticket), not one double name */
    if (ti > first && mn_namelike(c, ti + 2) && ti + 3 < c->nt &&
        c->t[ti + 3].sent == c->t[ti].sent && mn_namelike(c, ti + 3) &&
        c->t[ti + 3].s > c->t[ti + 2].e)
      break;
    ti += 2;
  }
  return ti + 1;
}

/* A run of name-like words from ti in one sentence: one past its end.
 * Hyphenated parts join the word before them ("Al-Sisi", "Moon-soo"). */
static size_t mn_name_run(const x_ctx *c, size_t ti, int max) {
  size_t j = ti;
  int words = 0;
  while (j < c->nt && words < max && mn_namelike(c, j) &&
         c->t[j].sent == c->t[ti].sent) {
    words++;
    j = x_name_word_end(c, ti, j);
    /* a particle inside a name ("Thani bin Ahmed Al Zeyoudi") */
    if (j + 1 < c->nt && words < max && x_tok_class(c, j, XW_NAMEJOIN) &&
        !(c->t[j].flags & XF_CAP) && mn_namelike(c, j + 1) &&
        c->t[j + 1].sent == c->t[ti].sent)
      j++;
  }
  return j;
}

static size_t mn_mention_end(const x_ctx *c, size_t ti) {
  int32_t m = c->t[ti].men;
  while (ti < c->nt && c->t[ti].men == m) ti++;
  return ti;
}

char *x_span_text(x_ctx *c, uint32_t s, uint32_t e) {
  /* copy with whitespace runs collapsed to one space */
  char *out = wt_arena_alloc(c->d->arena, e - s + 1);
  if (!out) return NULL;
  size_t k = 0;
  for (uint32_t i = s; i < e; i++) {
    char ch = c->s[i];
    if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
    if (ch == ' ' && k && out[k - 1] == ' ') continue;
    out[k++] = ch;
  }
  out[k] = '\0';
  return out;
}

static int32_t mn_rule_entity(x_ctx *c, size_t ti, size_t tj,
                              wt_ent_type type) {
  char *name = x_span_text(c, c->t[ti].s, c->t[tj - 1].e);
  if (!name) return -1;
  char *id = wt_arena_printf(c->d->arena, "x:%s", name);
  if (!id) return -1;
  int32_t e = x_entity(c, -1, id, name, type);
  /* a name seen once as a person stays a person */
  if (e >= 0 && type == WT_ENT_PERSON) c->d->entities.v[e].type = type;
  return e;
}

/* ------------------------------------------------------------ pass 1 */

/* A country's office or force (gazetteer entry g: a ministry, government
 * or military "in:" one country) named with another country right after
 * it, at token k, is that other country's ("Kementerian Keuangan Amerika
 * Serikat" is not Indonesia's ministry): one past the country's last
 * token, else k. */
static size_t mn_foreign_office(const x_ctx *c, int32_t g, size_t k) {
  const wt_extract_res *r = c->r;
  const x_gent *o = &r->ents[g];
  int32_t al;
  if (!(o->tags & (XT_MINISTRY | XT_GOVERNMENT | XT_MILITARY)) || !o->in ||
      k >= c->nt || c->t[k].kind != XK_WORD ||
      c->t[k].sent != c->t[k - 1].sent)
    return k;
  size_t e = x_gaz_match(r, c->s, c->n, c->t[k].s, &al);
  if (!e) return k;
  const x_gent *n = &r->ents[r->aliases[al].ent];
  if (!(n->tags & XT_COUNTRY) || strcmp(n->id, o->in) == 0) return k;
  size_t kj = k;
  while (kj < c->nt && c->t[kj].e < e) kj++;
  return kj < c->nt && c->t[kj].e == e ? kj + 1 : k;
}

static int mn_gazetteer(x_ctx *c) {
  const wt_extract_res *r = c->r;
  for (size_t ti = 0; ti < c->nt; ti++) {
    const x_tok *t = &c->t[ti];
    if (t->kind != XK_WORD || (t->flags & XF_URL)) continue;
    int32_t al;
    size_t e = x_gaz_match(r, c->s, c->n, t->s, &al);
    if (!e || (e < c->n && c->s[e] == '$')) continue;
    size_t tj = ti;
    while (tj < c->nt && c->t[tj].e < e) tj++;
    if (tj >= c->nt || c->t[tj].e != e) continue;
    size_t tf = mn_foreign_office(c, r->aliases[al].ent, tj + 1);
    if (tf > tj + 1) { /* "Kementerian Keuangan Amerika Serikat" */
      int32_t ent = mn_rule_entity(c, ti, tf, WT_ENT_ORG);
      if (ent < 0 || x_mention(c, (uint32_t)ti, (uint32_t)tf, ent,
                               WT_MEN_RULE) < 0)
        return -1;
      ti = tf - 1;
      continue;
    }
    int32_t ent = x_entity(c, r->aliases[al].ent, NULL, NULL, 0);
    if (ent < 0 || x_mention(c, (uint32_t)ti, (uint32_t)tj + 1, ent,
                             WT_MEN_GAZ) < 0)
      return -1;
    ti = tj;
  }
  return 0;
}

/* ------------------------------------------------------------ pass 2 */

static int mn_person_mention(const x_ctx *c, size_t ti) {
  int32_t m = c->t[ti].men;
  return m >= 0 &&
         c->d->entities.v[c->d->mentions.v[m].entity].type == WT_ENT_PERSON;
}

/* Is the token at k a town's name of one word (a gazetteer city, not a
 * country or a capital) that closes a capitalised run: no capitalised
 * word after it? */
static int mn_town_surname(const x_ctx *c, size_t k) {
  int32_t m = c->t[k].men;
  if (m < 0 || mn_mention_end(c, k) != k + 1 ||
      c->d->mentions.v[m].how != WT_MEN_GAZ)
    return 0;
  int32_t e = c->d->mentions.v[m].entity;
  uint32_t tags = x_ent_tags(c, e);
  if (!(tags & XT_CITY) || (tags & (XT_COUNTRY | XT_CAPITAL))) return 0;
  return k + 1 >= c->nt || c->t[k + 1].sent != c->t[k].sent ||
         !(c->t[k + 1].kind == XK_WORD && (c->t[k + 1].flags & XF_CAP));
}

/* The name after a title at tj (qualifiers skipped): sets *ns,*ne to the
 * name's tokens and *qe to one past the last qualifier; returns 1 when a
 * name was found.  The name is the last capitalised run before a lower-case
 * word or punctuation ("Direktur Jenderal Perhubungan Darat Aan Suhanan"),
 * or the apposition after a comma ("Kepala Kantor SAR Mataram, Lalu Wahyu
 * Efendi,"); earlier runs are qualifiers. */
static int mn_after_title(x_ctx *c, size_t tj, size_t *qe, size_t *ns,
                          size_t *ne, int *has_qual) {
  const wt_extract_res *r = c->r;
  uint32_t sent = c->t[tj - 1].sent;
  size_t p = tj, cs = 0, ce = 0; /* candidate name before a comma */
  int listing = 0; /* inside a portfolio of several parts */
  *qe = tj;
  *has_qual = 0;
  for (int steps = 0; steps < 14 && p < c->nt && c->t[p].sent == sent;
       steps++) {
    const x_tok *t = &c->t[p];
    if (t->men >= 0) {
      size_t me = mn_mention_end(c, p);
      if (mn_person_mention(c, p)) {
        /* a possessor ("Penasihat ... Putin Yuri Ushakov") when another
         * name follows at once, else the name itself */
        if (mn_namelike(c, me) || (me < c->nt && mn_person_mention(c, me))) {
          p = *qe = me;
          *has_qual = 1;
          continue;
        }
        *ns = p;
        *ne = me;
        return 1;
      }
      p = *qe = me;
      *has_qual = 1;
      cs = ce = listing = 0; /* the portfolio closes with its country */
      continue;
    }
    if (t->kind == XK_WORD &&
        (mn_in(c, &r->role_words, p) || mn_in(c, &r->demonyms, p) ||
         mn_in(c, &r->titles, p) ||
         ((t->flags & XF_ALLCAP) && !mn_in(c, &r->not_names, p)))) {
      if (mn_in(c, &r->demonyms, p) || (t->flags & XF_ALLCAP)) {
        *has_qual = 1;
        listing = 0;
      }
      p = *qe = p + 1;
      cs = ce = 0;
      continue;
    }
    if (mn_namelike(c, p)) {
      size_t e = mn_name_run(c, p, MN_MAX_NAME);
      const x_tok *nx = e < c->nt && c->t[e].sent == sent ? &c->t[e] : NULL;
      /* a short run an organisation cue opens is the body the role
       * belongs to ("Ketua Tim Pemenangan RIDO"), no one's name */
      if (e - p <= 4 && mn_starts(c, &r->org_cues, p)) {
        p = *qe = e;
        *has_qual = 1;
        cs = ce = 0;
        continue;
      }
      if (nx && nx->kind == XK_WORD && (nx->flags & XF_CAP)) {
        /* a given name before a surname that is also a town's name,
         * closing the run ("Menteri Perdagangan Australia Simon
         * Birmingham mengatakan") */
        if (e == p + 1 && mn_town_surname(c, e)) {
          *ns = p;
          *ne = e + 1;
          return 1;
        }
        p = *qe = e; /* more capitalised words follow: a qualifier */
        continue;
      }
      /* one word joined to more capitalised words: a portfolio of two
       * ("Menteri Agraria dan Tata Ruang", "Business and Trade
       * Secretary") */
      if (e == p + 1 && nx && x_tok_class(c, e, XW_CONJ) && e + 1 < c->nt &&
          c->t[e + 1].sent == sent && c->t[e + 1].kind == XK_WORD &&
          (c->t[e + 1].flags & XF_CAP) && c->t[e + 1].men < 0 &&
          !mn_in(c, &r->titles, e + 1) && !mn_in(c, &r->demonyms, e + 1)) {
        p = *qe = e + 1;
        cs = ce = 0;
        listing = 1;
        continue;
      }
      if (nx && nx->kind == XK_PUNCT && c->s[nx->s] == '/' && e + 1 < c->nt &&
          c->t[e + 1].kind == XK_WORD && (c->t[e + 1].flags & XF_CAP)) {
        p = *qe = e; /* "Tata Ruang/Kepala BPN": the portfolio goes on */
        continue;
      }
      if (listing) { /* the list's last part ("..., dan Teknologi (X)") */
        p = *qe = e;
        continue;
      }
      if (nx && nx->kind == XK_PUNCT && c->s[nx->s] == ',') {
        cs = p;
        ce = e;
        p = e;
        continue;
      }
      *ns = p;
      *ne = e;
      return 1;
    }
    /* a list of portfolios goes on: ", dan Teknologi", "/Kepala BPN" */
    if (t->kind == XK_PUNCT && (c->s[t->s] == ',' || c->s[t->s] == '/') &&
        p + 2 < c->nt && c->t[p + 2].sent == sent) {
      size_t q = p + 1;
      if (c->s[t->s] == ',' && x_tok_class(c, q, XW_CONJ)) q++;
      if (q > p + 1 || c->s[t->s] == '/') {
        if (c->t[q].kind == XK_WORD && (c->t[q].flags & XF_CAP) &&
            !mn_in(c, &r->demonyms, q)) {
          p = *qe = q;
          cs = ce = 0;
          listing = 1;
          continue;
        }
      }
    }
    if (t->kind == XK_PUNCT && c->s[t->s] == ',' && p + 1 < c->nt) {
      size_t q = p + 1, e;
      if (c->t[q].men >= 0 && mn_person_mention(c, q)) {
        *ns = q;
        *ne = mn_mention_end(c, q);
        return 1;
      }
      if (mn_namelike(c, q)) {
        e = mn_name_run(c, q, MN_MAX_NAME);
        /* a list goes on (", Sains, dan Teknologi"), unless a title
         * follows: ", Ali Shamkhani, dan Penasihat ..." is two people */
        if (e + 2 < c->nt && c->t[e].kind == XK_PUNCT && c->s[c->t[e].s] == ',' &&
            x_tok_class(c, e + 1, XW_CONJ) && !mn_in(c, &r->titles, e + 2)) {
          p = *qe = e;
          cs = ce = 0;
          listing = 1;
          continue;
        }
        /* an apposition closes with punctuation */
        if (e >= c->nt || c->t[e].sent != sent || c->t[e].kind == XK_PUNCT) {
          if (ce) *qe = ce;
          *ns = q;
          *ne = e;
          return 1;
        }
      }
    }
    break;
  }
  if (ce) {
    *ns = cs;
    *ne = ce;
    return 1;
  }
  return 0;
}

/* Does an office word name the role at ti as an office, not its holder:
 * right before it ("pemilihan presiden Polandia"), or before the title
 * a conjunction joins it to ("calon gubernur dan wakil gubernur
 * Jakarta")? */
static int mn_office_before(const x_ctx *c, size_t ti) {
  const wt_extract_res *r = c->r;
  int conj = 0;
  for (size_t k = ti; k > 0 && k + 5 > ti; k--) {
    if (x_tok_class(c, k - 1, XW_OFFICE)) return k == ti || conj;
    if (x_tok_class(c, k - 1, XW_CONJ)) conj = 1;
    else if (!mn_in(c, &r->titles, k - 1) && !mn_in(c, &r->role_words, k - 1))
      return 0;
  }
  return 0;
}

static int mn_titles(x_ctx *c) {
  const wt_extract_res *r = c->r;
  for (size_t ti = 0; ti < c->nt; ti++) {
    if (c->t[ti].men >= 0 || (c->t[ti].flags & XF_USED)) continue;
    size_t tj = x_tok_match(c, &r->titles, ti, NULL);
    if (tj == ti) continue;
    size_t qe, ns = 0, ne = 0;
    int has_qual;
    int found = mn_after_title(c, tj, &qe, &ns, &ne, &has_qual);
    for (size_t k = ti; k < qe; k++)
      if (c->t[k].men < 0) c->t[k].flags |= XF_USED;
    const char *role = NULL;
    if (qe > ti) {
      size_t last = qe - 1;
      role = x_span_text(c, c->t[ti].s, c->t[last].e);
    }
    if (found) {
      int32_t ent;
      if (c->t[ns].men >= 0) {
        ent = c->d->mentions.v[c->t[ns].men].entity;
      } else {
        for (size_t k = ns; k < ne; k++) /* a town the name holds */
          if (c->t[k].men >= 0) c->d->mentions.v[c->t[k].men].entity = -1;
        ent = mn_rule_entity(c, ns, ne, WT_ENT_PERSON);
        if (ent < 0 ||
            x_mention(c, (uint32_t)ns, (uint32_t)ne, ent, WT_MEN_RULE) < 0)
          return -1;
      }
      wt_entity *e = &c->d->entities.v[ent];
      if (!e->role && role && e->type == WT_ENT_PERSON) e->role = role;
      ti = ne - 1;
    } else if (has_qual && qe > tj && !mn_office_before(c, ti)) {
      /* the holder of the role, unless it names the office ("pemilihan
       * presiden Polandia") */
      x_rolemen *rm = WT_VEC_PUSH(c->d->arena, &c->rolemen);
      if (!rm) return -1;
      rm->s = c->t[ti].s;
      rm->e = c->t[qe - 1].e;
      ti = qe - 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------ demonyms */

int x_demonym_mention(x_ctx *c, size_t a, size_t b) {
  int32_t g = -1;
  if (a >= b || x_tok_match(c, &c->r->demonyms, a, &g) != b) return 0;
  for (size_t k = a; k < b; k++)
    if (c->t[k].men >= 0 || (c->t[k].flags & (XF_USED | XF_URL))) return 0;
  if (g < 0) return 1; /* a demonym of no listed country: no name at all */
  int32_t ent = x_entity(c, g, NULL, NULL, 0);
  return ent < 0 || x_mention(c, (uint32_t)a, (uint32_t)b, ent, WT_MEN_GAZ) < 0
             ? -1
             : 1;
}

/* ------------------------------------------------------------ pass 3 */

/* Title-case headings: most words capitalised. */
static uint8_t *mn_headings(x_ctx *c) {
  uint8_t *h = wt_arena_alloc(c->d->arena, c->ns + 1);
  if (!h) return NULL;
  for (size_t q = 0; q < c->ns; q++) {
    int words = 0, caps = 0, end = 0;
    for (uint32_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++) {
      if (c->t[k].kind == XK_WORD) {
        words++;
        if (c->t[k].flags & XF_CAP) caps++;
      } else if (c->t[k].kind == XK_PUNCT && c->s[c->t[k].s] == '.') {
        end = 1;
      }
    }
    h[q] = words >= 3 && caps * 4 >= words * 3 && !end;
  }
  return h;
}

/* Is the word at ti written capitalised somewhere not sentence-initial? */
static int mn_cap_elsewhere(const x_ctx *c, size_t ti) {
  size_t l = c->t[ti].e - c->t[ti].s;
  for (size_t k = 0; k < c->nt; k++) {
    if (k == ti || (c->t[k].flags & XF_SENT0) || !(c->t[k].flags & XF_CAP) ||
        c->t[k].e - c->t[k].s != l)
      continue;
    if (memcmp(c->s + c->t[k].s, c->s + c->t[ti].s, l) == 0) return 1;
  }
  return 0;
}

/* Did the name tagger leave every token of [ti, tj) outside a name, in a
 * cased sentence?  Then a cue word, all capitals or a locative word is too
 * weak to type the run: it stays a name of unknown kind (a speaker still
 * makes it a person). */
static int mn_tagger_out(const x_ctx *c, size_t ti, size_t tj) {
  for (size_t k = ti; k < tj; k++)
    if (!(c->t[k].flags & XF_TAGO)) return 0;
  return 1;
}

static int mn_sequences(x_ctx *c) {
  const wt_extract_res *r = c->r;
  uint8_t *heading = mn_headings(c);
  if (!heading) return -1;
  for (size_t ti = 0; ti < c->nt; ti++) {
    const x_tok *t = &c->t[ti];
    if (heading[t->sent]) continue;
    int allcap = (t->flags & XF_ALLCAP) && t->men < 0 &&
                 !(t->flags & (XF_USED | XF_URL)) &&
                 !mn_in(c, &r->not_names, ti) && !mn_roman(c, ti);
    if (!mn_namelike(c, ti) && !allcap) continue;
    size_t tj = allcap && !mn_namelike(c, ti) ? ti + 1
                                              : mn_name_run(c, ti, MN_MAX_SEQ);
    if (tj == ti) continue;
    if ((t->flags & XF_SENT0) && tj == ti + 1 && !allcap &&
        !mn_cap_elsewhere(c, ti))
      continue;
    /* a nationality word standing alone names its country */
    int dm = x_demonym_mention(c, ti, tj);
    if (dm < 0) return -1;
    if (dm) {
      ti = tj - 1;
      continue;
    }
    wt_ent_type type = WT_ENT_MISC;
    if (ti > 0 && mn_in(c, &r->org_cues, ti - 1) && c->t[ti - 1].men < 0 &&
        (c->t[ti - 1].flags & XF_CAP) && c->t[ti - 1].sent == t->sent) {
      ti--; /* "Kementerian Pertahanan": the cue word opens the name */
      type = WT_ENT_ORG;
    } else if (mn_in(c, &r->org_cues, tj) && (c->t[tj].flags & XF_CAP) &&
               c->t[tj].men < 0) {
      tj++; /* "Defence Ministry" */
      type = WT_ENT_ORG;
    } else if (allcap && tj == ti + 1) {
      type = WT_ENT_ORG;
    } else if (ti > 0 && c->t[ti - 1].kind == XK_WORD) {
      if (x_tok_class(c, ti - 1, XW_LOC)) type = WT_ENT_PLACE;
    }
    if (type != WT_ENT_MISC && mn_tagger_out(c, ti, tj)) type = WT_ENT_MISC;
    int32_t ent = mn_rule_entity(c, ti, tj, type);
    if (ent < 0 ||
        x_mention(c, (uint32_t)ti, (uint32_t)tj, ent, WT_MEN_RULE) < 0)
      return -1;
    ti = tj - 1;
  }
  return 0;
}

/* Organisations opened by a cue: "Kementerian Luar Negeri Rusia",
 * "Dewan Keamanan Rusia", "Partai Komunis China" (cue + capitalised role
 * words and at most one place).  Run before titles so that "Dewan" inside
 * "Kepala Dewan Keamanan Rusia" stays a qualifier: only cue words that do
 * not follow a title open an organisation. */
/* Is token k a word the stemmer took a prefix off ("Bersatu" -> satu,
 * "Memanggil" -> panggil): a verb or adjective, a form names of people
 * do not take?  Read from the lang stage's tokens (their stems). */
static int mn_verb_form(const x_ctx *c, size_t k) {
  const wt_doc *d = c->d;
  size_t lo = 0, hi = d->tokens.n;
  while (lo < hi) { /* the token starting at the same byte */
    size_t mid = lo + (hi - lo) / 2;
    if (d->tokens.v[mid].span.start < c->t[k].s) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= d->tokens.n || d->tokens.v[lo].span.start != c->t[k].s) return 0;
  const wt_token *w = &d->tokens.v[lo];
  size_t sl = w->stem ? strlen(w->stem) : 0;
  return sl && w->norm && strcmp(w->stem, w->norm) != 0 &&
         strncmp(w->norm, w->stem, sl) != 0;
}

/* Does the lower-case word at j join more of an organisation's name: a
 * joining word ("untuk", "for", "of"; "dan", "and" only when `joined`,
 * inside the purpose already joined) before a capitalised word that no
 * other name, title or organisation cue claims? */
static int mn_org_join(const x_ctx *c, size_t j, int joined) {
  const wt_extract_res *r = c->r;
  if (!x_tok_class(c, j, XW_ORGJOIN) ||
      (!joined && x_tok_class(c, j, XW_CONJ)))
    return 0;
  size_t k = j + 1;
  return k < c->nt && c->t[k].sent == c->t[j].sent &&
         c->t[k].kind == XK_WORD && (c->t[k].flags & XF_CAP) &&
         c->t[k].men < 0 && !mn_in(c, &r->titles, k) &&
         !mn_starts(c, &r->org_cues, k) && !mn_in(c, &r->not_names, k) &&
         !mn_in(c, &r->demonyms, k);
}

static int mn_org_cues(x_ctx *c) {
  const wt_extract_res *r = c->r;
  for (size_t ti = 0; ti < c->nt; ti++) {
    const x_tok *t = &c->t[ti];
    size_t cue_end = t->men >= 0 || !(t->flags & XF_CAP)
                         ? ti
                         : x_tok_match(c, &r->org_cues, ti, NULL);
    if (cue_end == ti) continue;
    /* after a title the title rule reads it, unless the capitalised run
     * is too short to hold a name after the body ("Ketua Tim Pemenangan
     * RIDO", but "Kepala Badan Pangan Nasional Arief Prasetyo Adi") */
    if (ti > 0 && (mn_in(c, &r->titles, ti - 1) ||
                   mn_in(c, &r->role_words, ti - 1))) {
      size_t run = ti;
      while (run < c->nt && c->t[run].sent == t->sent &&
             c->t[run].kind == XK_WORD && (c->t[run].flags & XF_CAP))
        run++;
      if (run - ti > 4) continue;
    }
    size_t j = cue_end;
    int words = 0, joined = 0;
    while (j < c->nt && c->t[j].sent == t->sent && words < 6 + 4 * joined) {
      const x_tok *u = &c->t[j];
      if (u->kind != XK_WORD) break;
      if (!(u->flags & XF_CAP)) {
        /* a purpose joined by a lower-case word ("Koalisi Masyarakat
         * Sipil untuk Reformasi Sektor Keamanan", "Committee to Protect
         * Journalists"; "dan/and" only inside it) */
        if (!mn_org_join(c, j, joined)) break;
        joined = 1;
        j++;
        continue;
      }
      if (u->men >= 0) {
        /* a closing place name ("... Rusia") ends the organisation,
         * unless a movement's verb closes it ("Aliansi Masyarakat Pati
         * Bersatu", "Aliansi Jogja Memanggil") */
        wt_mention *pm = &c->d->mentions.v[u->men];
        if (c->d->entities.v[pm->entity].type != WT_ENT_PLACE) break;
        j = mn_mention_end(c, j);
        pm->entity = -1; /* absorbed: alias.c drops it */
        words++;
        if (j < c->nt && c->t[j].sent == t->sent && c->t[j].men < 0 &&
            (c->t[j].flags & XF_CAP) && mn_verb_form(c, j) &&
            !(j + 1 < c->nt && (c->t[j + 1].flags & XF_CAP))) {
          j++;
          words++;
        }
        break;
      }
      j++;
      words++;
    }
    size_t a = ti;
    if (!words) {
      /* a closing cue: "Palestine Solidarity Campaign", "Indonesia
       * Corruption Watch": capitalised words before it, a place name
       * only first */
      while (a > 0 && ti - a < 5 && c->t[a - 1].sent == t->sent &&
             c->t[a - 1].kind == XK_WORD && (c->t[a - 1].flags & XF_CAP) &&
             !mn_in(c, &r->not_names, a - 1) && !mn_in(c, &r->titles, a - 1)) {
        int32_t pm = c->t[a - 1].men;
        if (pm >= 0) {
          if (c->d->entities.v[c->d->mentions.v[pm].entity].type !=
              WT_ENT_PLACE)
            break;
          size_t b0 = a - 1;
          while (b0 > 0 && c->t[b0 - 1].men == pm) b0--;
          c->d->mentions.v[pm].entity = -1; /* absorbed */
          a = b0;
          break;
        }
        a--;
      }
      if (a == ti) continue;
      j = cue_end;
    }
    /* the closing place's mention is absorbed into the organisation */
    for (size_t k = a; k < j; k++) c->t[k].men = -1;
    int32_t ent = mn_rule_entity(c, a, j, WT_ENT_ORG);
    if (ent < 0 ||
        x_mention(c, (uint32_t)a, (uint32_t)j, ent, WT_MEN_RULE) < 0)
      return -1;
    ti = j - 1;
  }
  return 0;
}

int x_mentions_find(x_ctx *c) {
  if (mn_gazetteer(c) < 0 || mn_org_cues(c) < 0 || mn_titles(c) < 0 ||
      x_ner_mentions(c) < 0 || mn_sequences(c) < 0) /* tagger: ner.c */
    return -1;
  return 0;
}
