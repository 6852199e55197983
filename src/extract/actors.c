/*
 * actors.c - the participants of an article's main event frame: who
 * acts, never where it happens, read by the type's `actors` column
 * (data/extract/event-types.tsv).
 *
 * person, pair: persons in the main sentence up to a subordinate clause
 * ("usai Trump dilantik": Trump is not one; ", as X pushes ..."), not who
 * reports it there (", Qatari PM X announced"), nor who announced that
 * others agreed; pair types topped up to two, one at a time, from the
 * title and the lead.  agent (statement, threat, sanction): the acting
 * side only, up to whom it is aimed at ("sanksi terhadap Rusia").  sides
 * (armed attacks): the states and armed groups of the main and the other
 * cued lead sentences before any person.  candidates (elections): as pair,
 * a running mate glued by a hyphen being one ticket with the candidate.
 * org, civil: the institution acting first (civil: not a government
 * body; the organiser named as such, "tergabung dalam X", "led by X",
 * first).  appoint: the appointer and the appointee, never the
 * predecessor; an appointer told in another lead sentence ("dipimpin
 * oleh X").  none: natural disasters.  When nobody is named in the main
 * sentence: persons of the other lead sentences about the event, then
 * organisations and states of the main sentence (states act through
 * people, so they come last).  Media and institutions named as a place
 * ("di kantor BPS") never take part; a witness or mediator ("disaksikan
 * oleh", "brokered by") of a third party is no principal; a meeting of a
 * body ("para menteri luar negeri ASEAN") has its chair and the home
 * country's delegate.
 *
 * Invariant: at most X_FRAME_MAX_PART participants, each an entity index
 * of the doc, none twice; everything lives in the doc's arena.
 */
#include <stdio.h>
#include <string.h>

#include "xint.h"

static int ac_add_part(wt_doc *d, int32_t *parts, size_t *np, int32_t e) {
  for (size_t i = 0; i < *np; i++)
    if (parts[i] == e) return 0;
  if (*np >= X_FRAME_MAX_PART) return 0;
  parts[(*np)++] = e;
  return 1;
}

/* A witness word at token k of sentence q ("disaksikan oleh", "brokered
 * by", "in the presence of"): the third party it names is no principal.
 * Returns the token to read on from: after the comma that closes it when
 * the witness clause opens the sentence ("Disaksikan Presiden X, Menlu A
 * dan Menlu B menandatangani ..."), else the sentence's end.  k itself
 * when there is no witness word there. */
static size_t ac_witness(const x_ctx *c, size_t q, size_t k) {
  if (!x_tok_class(c, k, XW_WITNESS)) return k;
  size_t a = c->sent_tok[q], b = c->sent_tok[q + 1];
  for (size_t j = a; j < k; j++)
    if (c->t[j].kind == XK_PUNCT && c->s[c->t[j].s] == ',') return b;
  for (size_t j = k + 1; j < b; j++)
    if (c->t[j].kind == XK_PUNCT && c->s[c->t[j].s] == ',') return j + 1;
  return b;
}

static const char *ac_country_of(const x_ctx *c, int32_t e);

/* Is the country of person e a party named before token k of sentence q,
 * or in the first sentence ("Indonesia dan Kanada meneken ...")? */
static int ac_party_country(const x_ctx *c, size_t q, size_t k, int32_t e) {
  const char *in = ac_country_of(c, e);
  if (!in) return 0;
  size_t b0 = c->ns > 1 ? c->sent_tok[1] : c->nt;
  for (size_t j = 0; j < c->nt; j++) {
    if (j == b0) j = c->sent_tok[q];
    if (j >= k) break;
    int32_t m = c->t[j].men;
    if (m < 0) continue;
    int32_t x = c->d->mentions.v[m].entity;
    const char *xc = (x_ent_tags(c, x) & XT_COUNTRY) ? ac_country_of(c, x)
                                                     : NULL;
    if (xc && !strcasecmp(xc, in)) return 1;
  }
  return 0;
}

/* Does the comma at token k of sentence q close a place named after a
 * place word in mid-sentence and open a description of it in lower case
 * ("di Chequers, kediaman resmi ...")?  Not a place that opens the
 * sentence ("Di Beijing, Xi ..."), whose comma closes an adverbial. */
static int ac_place_described(const x_ctx *c, size_t q, size_t k) {
  size_t a = c->sent_tok[q];
  if (k < a + 3 || k + 1 >= c->sent_tok[q + 1] ||
      c->t[k + 1].kind != XK_WORD || (c->t[k + 1].flags & XF_CAP))
    return 0;
  int32_t m = c->t[k - 1].men;
  if (m < 0) return 0;
  size_t f = k - 1;
  while (f > a && c->t[f - 1].men == m) f--;
  return f > a + 1 && x_tok_class(c, f - 1, XW_LOC) &&
         !x_tok_class(c, f - 1, XW_FROM) &&
         c->d->entities.v[c->d->mentions.v[m].entity].type != WT_ENT_PERSON;
}

/* Is the person mentioned at token k of sentence q a running mate:
 * told so a few words before, with no other name between ("Tsai and her
 * running mate, former premier William Lai"), or joined by a tight hyphen
 * to a person before it ("Pramono Anung-Rano Karno" is one ticket, led by
 * the first)? */
static int ac_running_mate(const x_ctx *c, size_t q, size_t k) {
  int32_t m = c->t[k].men;
  size_t f0 = k;
  while (f0 > c->sent_tok[q] && c->t[f0 - 1].men == m) f0--;
  for (size_t j = f0; j-- > c->sent_tok[q] && j + 6 >= f0;) {
    if (c->t[j].men >= 0 || (c->t[j].kind == XK_PUNCT && c->s[c->t[j].s] != ','))
      break;
    if (x_tok_class(c, j, XW_MATE)) return 1;
  }
  return f0 >= 2 && c->t[f0 - 1].kind == XK_PUNCT &&
         c->s[c->t[f0 - 1].s] == '-' && c->t[f0 - 1].s == c->t[f0 - 2].e &&
         c->t[f0].s == c->t[f0 - 1].e && c->t[f0 - 2].men >= 0 &&
         c->d->entities.v[c->d->mentions.v[c->t[f0 - 2].men].entity].type ==
             WT_ENT_PERSON;
}

/* Is the person mentioned at token k of sentence q named only as whose
 * kin someone is: after a kin word a few words before, with no other
 * person between ("the younger sister of North Korean leader Kim
 * Jong-un"), or before a possessive and a kin word ("Kim Jong-un's
 * sister")? */
static int ac_kin_named(const x_ctx *c, size_t q, size_t k) {
  int32_t m = c->t[k].men;
  size_t f0 = k, e0 = k, b = c->sent_tok[q + 1];
  while (f0 > c->sent_tok[q] && c->t[f0 - 1].men == m) f0--;
  while (e0 < b && c->t[e0].men == m) e0++;
  for (size_t j = f0; j-- > c->sent_tok[q] && j + 7 >= f0;) {
    int32_t mj = c->t[j].men;
    if ((mj >= 0 && c->d->entities.v[c->d->mentions.v[mj].entity].type ==
                        WT_ENT_PERSON) ||
        (c->t[j].kind == XK_PUNCT && c->s[c->t[j].s] != ','))
      break;
    if (x_tok_class(c, j, XW_KIN)) return 1;
  }
  size_t j = e0;
  const char *t = c->s + c->t[j < b ? j : e0 - 1].s;
  if (j >= b || (*t != '\'' && strncmp(t, "\xe2\x80\x99", 3) != 0))
    return 0; /* no possessive: ' or ’ */
  j++;
  if (j < b && x_tok_is(c, j, "s")) j++;
  for (size_t w = 0; j < b && w < 3; j++, w++) {
    if (x_tok_class(c, j, XW_KIN)) return 1;
    if (c->t[j].kind != XK_WORD || (c->t[j].flags & XF_CAP)) return 0;
  }
  return 0;
}

/* Persons of sentence q up to a subordinate clause or token end.  A witness or
 * mediator ("disaksikan oleh", "brokered by") is none, unless no person
 * acts before it and it stands for a party named as a country
 * ("Indonesia dan Kanada meneken ...  Penandatanganan disaksikan oleh
 * Presiden X dan Perdana Menteri Kanada Y": the leaders of the parties). */
void x_frame_persons(const x_ctx *c, size_t q, size_t end, int tickets,
                       int32_t type, int32_t *parts, size_t *np) {
  size_t wbeg = 0, wend = 0; /* a witness clause */
  int person = 0, apposit = 0;
  for (size_t k = c->sent_tok[q]; k < end; k++) {
    if (x_frame_subord(c, k)) break;
    /* a place told after the verb and described after a comma ("di
     * Chequers, kediaman resmi perdana menteri Inggris, pada Kamis"; "at
     * Chequers, the prime minister's country residence"): who the
     * description names is not there */
    if (c->t[k].kind == XK_PUNCT && c->s[c->t[k].s] == ',') {
      apposit = !apposit && ac_place_described(c, q, k);
      continue;
    }
    if (apposit) continue;
    /* a relative clause after two actors tells about them ("Xi and
     * Putin, who last met in May, ...") */
    if (*np >= 2 && x_tok_class(c, k, XW_REL)) break;
    size_t w = ac_witness(c, q, k);
    if (w != k) {
      if (person) {
        k = w - 1;
        continue;
      }
      wbeg = k;
      wend = w;
    }
    int32_t m = c->t[k].men;
    if (m < 0) continue;
    int32_t e = c->d->mentions.v[m].entity;
    if (c->d->entities.v[e].type != WT_ENT_PERSON ||
        (k < wend && !ac_party_country(c, q, wbeg, e)))
      continue;
    /* who reports it is no actor (", Qatari Prime Minister X announced
     * in Doha"), unless telling is the act */
    if (type >= 0 && x_frame_reported(c, q, c->t[k].s, type)) continue;
    if ((tickets && ac_running_mate(c, q, k)) || ac_kin_named(c, q, k))
      continue;
    person = 1;
    ac_add_part(c->d, parts, np, e);
  }
}

/* An election's two leading candidates by where the first 2 * lead
 * sentences (and the main sentence ev) tell they finished: the person
 * named last before a rank phrase ("Merz's CDU/CSU came first", "Scholz's
 * Social Democrats slumped to third", "Anies-Muhaimin di urutan kedua"; a
 * running mate is the ticket's leader) holds that place.  Those told first and second
 * lead the list, those told third or lower leave it; the list is then
 * cut to two.  Nothing changes when no place is told. */
static void ac_ranked(const x_ctx *c, size_t lead, size_t ev, int32_t *parts,
                      size_t *np) {
  const wt_doc *d = c->d;
  int32_t top[2] = {-1, -1}, low[X_FRAME_MAX_PART];
  size_t nlow = 0;
  for (size_t q = 0; q < c->ns && (q < 2 * lead || q == ev); q++) {
    int32_t last = -1;
    for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++) {
      int32_t m = c->t[k].men, v = 0;
      if (m >= 0) {
        int32_t e = d->mentions.v[m].entity;
        if (d->entities.v[e].type == WT_ENT_PERSON && !ac_running_mate(c, q, k))
          last = e;
        continue;
      }
      size_t e2 = x_tok_match(c, &c->r->words[XW_RANK], k, &v);
      if (e2 == k || last < 0 || v < 1) continue;
      if (v <= 2 && top[v - 1] < 0 && top[2 - v] != last) top[v - 1] = last;
      else if (v > 2 && nlow < X_FRAME_MAX_PART) low[nlow++] = last;
      k = e2 - 1;
    }
  }
  if (top[0] < 0 && top[1] < 0 && !nlow) return;
  int32_t out[X_FRAME_MAX_PART];
  size_t no = 0;
  for (int i = 0; i < 2; i++)
    if (top[i] >= 0) ac_add_part(c->d, out, &no, top[i]);
  for (size_t i = 0; i < *np; i++) {
    size_t j = 0;
    while (j < nlow && low[j] != parts[i]) j++;
    if (j == nlow) ac_add_part(c->d, out, &no, parts[i]);
  }
  *np = no < 2 ? no : 2;
  memcpy(parts, out, *np * sizeof *parts);
}

/* Is the entity mentioned at token k a state as a whole: a country, an
 * international body, a government named as such ("Pemerintah
 * Indonesia"), a seat of government standing for one?  States act through
 * people; they are participants only when no one is named. */
static int ac_state(const x_ctx *c, size_t k, int32_t e) {
  uint32_t tags = x_ent_tags(c, e);
  int32_t g = c->egaz.v[e];
  return (tags & (XT_COUNTRY | XT_IO | XT_MILITARY)) ||
         (g >= 0 && c->r->ents[g].metonym) ||
         ((tags & XT_GOVERNMENT) && x_tok_class(c, k, XW_STATE));
}

/* Is the mention at token k named as a place ("di Jakarta", "di kantor
 * BPS", "at the central bank's headquarters")?  A place word right before
 * it, or before one lower-case word before it. */
static int ac_locative(const x_ctx *c, size_t k, size_t first) {
  /* "dari/from" also says whom one belongs to ("koordinator dari ...") */
  if (k > first && x_tok_class(c, k - 1, XW_LOC) &&
      !x_tok_class(c, k - 1, XW_FROM))
    return 1;
  return k > first + 1 && c->t[k - 1].kind == XK_WORD &&
         !(c->t[k - 1].flags & XF_CAP) && x_tok_class(c, k - 2, XW_LOC) &&
         !x_tok_class(c, k - 2, XW_FROM);
}

/* Does the demonym at token k of sentence q only qualify the name after
 * it ("the Palestinian group Hamas", "the Qatari capital, Doha"): up to
 * two lower-case words (no event cue, no target word) and commas, then a
 * name that is no person?  The name, not the nation, is meant. */
static int ac_qualifier(const x_ctx *c, size_t q, size_t k) {
  size_t e = x_tok_match(c, &c->r->demonyms, k, NULL);
  if (e == k) return 0;
  int words = 0;
  for (size_t j = e; j < c->sent_tok[q + 1]; j++) {
    int32_t m = c->t[j].men;
    if (m >= 0)
      return c->d->entities.v[c->d->mentions.v[m].entity].type !=
             WT_ENT_PERSON;
    if (c->t[j].kind == XK_PUNCT) {
      if (c->s[c->t[j].s] == ',') continue;
      return 0;
    }
    if ((c->t[j].flags & XF_CAP) || ++words > 2 ||
        x_tok_match(c, &c->r->type_cues, j, NULL) > j ||
        x_tok_class(c, j, XW_TARGET))
      return 0;
  }
  return 0;
}

/* Is a facility word within `back` tokens before token k of sentence q
 * (no full stop between)? */
static int ac_facility_before(const x_ctx *c, size_t q, size_t k, size_t back) {
  for (size_t j = k; j-- > c->sent_tok[q] && j + back >= k;)
    if (x_tok_class(c, j, XW_FACILITY)) return 1;
  return 0;
}

/* Is the country at token k (entity e) of sentence q only where a
 * facility of another state stands: named after a locative word that
 * follows a facility word ("ke Pangkalan Udara Al Udeid di Qatar"), with
 * another state in the sentence named as the owner, after a facility word
 * or right before one ("pangkalan militer terbesar Amerika Serikat",
 * "pasukan AS", "a US base")? */
static int ac_facility_host(const x_ctx *c, size_t q, size_t k, int32_t e) {
  size_t f = k;
  while (f > c->sent_tok[q] && c->t[f - 1].men == c->t[k].men) f--;
  if (f == c->sent_tok[q] || !x_tok_class(c, f - 1, XW_LOC) ||
      !ac_facility_before(c, q, f - 1, 5))
    return 0;
  for (size_t j = c->sent_tok[q]; j < c->sent_tok[q + 1]; j++) {
    int32_t m = c->t[j].men;
    if (m < 0 || (j > c->sent_tok[q] && c->t[j - 1].men == m)) continue;
    int32_t o = c->d->mentions.v[m].entity;
    if (o == e || !(x_ent_tags(c, o) & XT_COUNTRY)) continue;
    size_t je = j;
    while (je < c->sent_tok[q + 1] && c->t[je].men == m) je++;
    if (ac_facility_before(c, q, j, 3) ||
        (je < c->sent_tok[q + 1] && x_tok_class(c, je, XW_FACILITY)))
      return 1;
  }
  return 0;
}

/* Institutions acting in sentence q (up to a subordinate clause or token
 * end): an
 * organisation, not a medium, not named as a place; states too when
 * `states`; only non-state bodies when `civil`. */
static void ac_orgs(const x_ctx *c, size_t q, size_t end, int states,
                    int civil, int32_t *parts, size_t *np) {
  const wt_doc *d = c->d;
  for (size_t k = c->sent_tok[q]; k < end; k++) {
    if (x_frame_subord(c, k)) break;
    /* a relative clause after both sides tells about them ("Hamas
     * leaders who had gathered to discuss a US proposal") */
    if (*np >= 2 && x_tok_class(c, k, XW_REL)) break;
    size_t w = ac_witness(c, q, k);
    if (w != k) {
      k = w - 1;
      continue;
    }
    int32_t m = c->t[k].men;
    if (m < 0 || (k > c->sent_tok[q] && c->t[k - 1].men == m)) continue;
    int32_t e = d->mentions.v[m].entity;
    const wt_entity *en = &d->entities.v[e];
    uint32_t tags = x_ent_tags(c, e);
    /* a country after "in" may be the target ("strikes in southern
     * Lebanon"); an institution there is only where it happened */
    if ((ac_locative(c, k, c->sent_tok[q]) && !(tags & XT_COUNTRY)) ||
        (states && (tags & XT_COUNTRY) && ac_facility_host(c, q, k, e)) ||
        (states && ac_qualifier(c, q, k)) ||
        (en->flags & WT_ENTF_AGENCY) ||
        (tags & XT_MEDIA))
      continue;
    int st = ac_state(c, k, e);
    if (st ? !states
           : en->type != WT_ENT_ORG ||
                 (civil && (tags & (XT_GOVERNMENT | XT_MINISTRY))))
      continue;
    ac_add_part(c->d, parts, np, e);
  }
}

/* The organiser of a protest named in sentence q: the first
 * organisation (not a state, a government body or a medium) or person
 * within AC_ORGANISER_GAP words after an organiser word ("ribuan
 * pengemudi ojol yang tergabung dalam X", "massa X", "demonstrators led
 * by X"), in the same comma-delimited part.  -1 when none. */
#define AC_ORGANISER_GAP 3
static int32_t ac_organiser(const x_ctx *c, size_t q) {
  const wt_doc *d = c->d;
  size_t b = c->sent_tok[q + 1];
  for (size_t k = c->sent_tok[q]; k < b; k++) {
    size_t e = x_tok_match(c, &c->r->words[XW_ORGANISER], k, NULL);
    if (e <= k) continue;
    int words = 0;
    for (size_t j = e; j < b && words <= AC_ORGANISER_GAP; j++) {
      if (c->t[j].kind == XK_PUNCT) break;
      int32_t m = c->t[j].men;
      if (m < 0) {
        words++;
        continue;
      }
      int32_t en = d->mentions.v[m].entity;
      uint32_t tags = x_ent_tags(c, en);
      int type = d->entities.v[en].type;
      /* a name the organiser word introduces is a body or a person
       * ("organized by Indivisible") */
      if (type == WT_ENT_MISC) return en;
      if (type == WT_ENT_PERSON ||
          (type == WT_ENT_ORG && !ac_state(c, j, en) &&
           !(tags & (XT_GOVERNMENT | XT_MINISTRY | XT_MEDIA)) &&
           !(d->entities.v[en].flags & WT_ENTF_AGENCY)))
        return en;
      break;
    }
    k = e - 1;
  }
  return -1;
}

/* Meetings of a body ("pertemuan para menteri luar negeri ASEAN", "ASEAN
 * foreign ministers convened ..."): the participants are the chair and
 * the home country's delegate (docs/extract.md). */
#define AC_BODY_GAP 3   /* words between the members and the body's name */
#define AC_CHAIR_BACK 4 /* tokens from a chairing person to the chair word */

/* The country of entity e: itself when it is one, else its "in:". */
static const char *ac_country_of(const x_ctx *c, int32_t e) {
  int32_t g = c->egaz.v[e];
  if (g < 0) return NULL;
  const x_gent *ge = &c->r->ents[g];
  return (ge->tags & XT_COUNTRY) ? ge->id : ge->in;
}

/* Is entity e mentioned at token k, and of tags `tags`? */
static int ac_men_tagged(const x_ctx *c, size_t k, uint32_t tags) {
  int32_t m = k < c->nt ? c->t[k].men : -1;
  return m >= 0 && (x_ent_tags(c, c->d->mentions.v[m].entity) & tags);
}

/* Does sentence q name the members of an international body next to it
 * ("para menteri luar negeri negara anggota ASEAN", "ASEAN foreign
 * ministers")?  The body's entity in *io, the members word's portfolio
 * (payload, 0 none) in *port. */
static int ac_body_sent(const x_ctx *c, size_t q, int32_t *io, int32_t *port) {
  size_t a = c->sent_tok[q], b = c->sent_tok[q + 1];
  for (size_t k = a; k < b; k++) {
    int32_t val = 0;
    size_t e = x_tok_match(c, &c->r->words[XW_MEMBERS], k, &val);
    if (e <= k) continue;
    size_t j = b;
    int words = 0;
    for (size_t i = e; i < b && words <= AC_BODY_GAP; i++, words++)
      if (ac_men_tagged(c, i, XT_IO)) {
        j = i;
        break;
      }
    words = 0;
    for (size_t i = k; j == b && i-- > a && words < AC_BODY_GAP; words++)
      if (ac_men_tagged(c, i, XT_IO)) j = i;
    if (j < b) {
      *io = c->d->mentions.v[c->t[j].men].entity;
      *port = val;
      return 1;
    }
    k = e - 1;
  }
  return 0;
}

/* The country hosting or chairing: one next to a chair word
 * ("keketuaan Malaysia", "Malaysia's 2025 chairmanship"), else the
 * country of the first place named after a place word in the lead ("di
 * Kuala Lumpur, Malaysia").  NULL when none. */
static const char *ac_host(const x_ctx *c, size_t lead) {
  const wt_doc *d = c->d;
  for (size_t q = 0; q < lead; q++)
    for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++) {
      if (!x_tok_class(c, k, XW_CHAIR)) continue;
      size_t lo = k > c->sent_tok[q] + AC_CHAIR_BACK ? k - AC_CHAIR_BACK
                                                     : c->sent_tok[q];
      for (size_t j = lo; j < k + 3 && j < c->sent_tok[q + 1]; j++)
        if (ac_men_tagged(c, j, XT_COUNTRY))
          return ac_country_of(c, d->mentions.v[c->t[j].men].entity);
    }
  for (size_t q = 0; q < lead; q++)
    for (size_t k = c->sent_tok[q]; k + 1 < c->sent_tok[q + 1]; k++) {
      int32_t m = c->t[k + 1].men;
      if (!x_tok_class(c, k, XW_LOC) || x_tok_class(c, k, XW_FROM) || m < 0)
        continue;
      int32_t e = d->mentions.v[m].entity;
      const char *h = d->entities.v[e].type == WT_ENT_PLACE
                          ? ac_country_of(c, e) : NULL;
      if (h) return h;
    }
  return NULL;
}

/* The chair of a body's meeting: a person just before a chair word
 * ("Mohamad Hasan, who chaired the meeting"), else the first person of
 * the host country. */
static int32_t ac_chair(const x_ctx *c, const char *host) {
  const wt_doc *d = c->d;
  for (size_t k = 0; k < c->nt; k++) {
    if (!x_tok_class(c, k, XW_CHAIR)) continue;
    size_t lo = k > AC_CHAIR_BACK ? k - AC_CHAIR_BACK : 0;
    for (size_t j = k; j-- > lo && c->t[j].sent == c->t[k].sent;) {
      int32_t m = c->t[j].men;
      if (m >= 0 && d->entities.v[d->mentions.v[m].entity].type ==
                        WT_ENT_PERSON)
        return d->mentions.v[m].entity;
    }
  }
  for (size_t k = 0; host && k < c->nt; k++) {
    int32_t m = c->t[k].men;
    if (m < 0) continue;
    int32_t e = d->mentions.v[m].entity;
    const char *in = ac_country_of(c, e);
    if (d->entities.v[e].type == WT_ENT_PERSON && in && !strcasecmp(in, host))
      return e;
  }
  return -1;
}

/* The first person of country id, other than `not`, or -1. */
static int32_t ac_delegate(const x_ctx *c, const char *id, int32_t not) {
  const wt_doc *d = c->d;
  for (size_t k = 0; id && k < c->nt; k++) {
    int32_t m = c->t[k].men;
    if (m < 0) continue;
    int32_t e = d->mentions.v[m].entity;
    const char *in = ac_country_of(c, e);
    if (e != not && d->entities.v[e].type == WT_ENT_PERSON && in &&
        !strcasecmp(in, id))
      return e;
  }
  return -1;
}

/* The holder, on the role day, of the body's portfolio in country id, a
 * member of body io: "Menteri Luar Negeri" + "Malaysia" in roles.tsv, for
 * a meeting of ASEAN foreign ministers whose article names Malaysia's
 * minister only by role or not at all.  -1 when unknown; -2 when the
 * arena is full. */
static int32_t ac_role_of(x_ctx *c, int32_t port, const char *id, int32_t io) {
  const wt_extract_res *r = c->r;
  int32_t gb = io >= 0 ? c->egaz.v[io] : -1, gc = id ? x_gaz_find(r, id) : -1;
  if (port <= 0 || port > r->n_portfolio || gb < 0 || gc < 0 ||
      !r->ents[gb].members)
    return -1;
  char buf[256];
  size_t n = strlen(id);
  if (n + 3 > sizeof buf) return -1;
  buf[0] = ' ';
  memcpy(buf + 1, id, n);
  buf[n + 1] = ' ';
  buf[n + 2] = '\0';
  if (!strstr(r->ents[gb].members, buf)) return -1;
  int len = snprintf(buf, sizeof buf, "%s %s", r->portfolio[port - 1],
                     r->ents[gc].name);
  if (len <= 0 || (size_t)len >= sizeof buf) return -1;
  int32_t g = x_role_holder(c, buf, (size_t)len, x_role_day(c));
  if (g < 0) return -1;
  int32_t e = x_entity(c, g, NULL, NULL, 0);
  if (e < 0) return -2;
  wt_entity *en = &c->d->entities.v[e];
  if (!en->n_mentions) en->first = UINT32_MAX;
  if (!en->role && !(en->role = wt_arena_strndup(c->d->arena, buf, (size_t)len)))
    return -2;
  return e;
}

/* A meeting of a body told in sentence ev or a lead sentence,
 * with fewer than two persons meeting in ev (not a bilateral on its
 * sidelines): its chair and the home country's delegate into parts.
 * 0 when it is no such meeting or neither is named, -1 when the arena
 * is full. */
static int ac_body_meeting(x_ctx *c, size_t ev, size_t lead,
                           int32_t *parts, size_t *np) {
  int32_t two[X_FRAME_MAX_PART], io = -1, port = 0;
  size_t n2 = 0;
  x_frame_persons(c, ev, c->sent_tok[ev + 1], 0, -1, two, &n2);
  int body = ac_body_sent(c, ev, &io, &port);
  for (size_t q = 0; !body && q < c->ns && q < X_FRAME_LEAD; q++)
    body = ac_body_sent(c, q, &io, &port);
  if (n2 >= 2 || !body) return 0;
  const char *host = ac_host(c, lead);
  int32_t chair = ac_chair(c, host);
  if (chair == -1) chair = ac_role_of(c, port, host, io);
  int32_t home = ac_delegate(c, c->r->home, chair);
  if (home == -1) home = ac_role_of(c, port, c->r->home, io);
  if (chair == -2 || home == -2) return -1;
  if (chair >= 0) ac_add_part(c->d, parts, np, chair);
  if (home >= 0) ac_add_part(c->d, parts, np, home);
  return *np > 0;
}

/* Persons named in the title, in order. */
static void ac_title_persons(const x_ctx *c, int32_t *parts, size_t *np) {
  const wt_extract_res *r = c->r;
  const char *t = c->d->title.value;
  size_t tl = t ? strlen(t) : 0;
  for (size_t i = 0; i < tl; i++) {
    if (!x_word_at(t, tl, i) || x_word_before(t, i)) continue;
    if (x_trie_longest(&r->words[XW_WITNESS], t, tl, i, NULL) > 0) break;
    int32_t al;
    size_t e = x_gaz_match(r, t, tl, i, &al);
    if (!e) continue;
    int32_t g = r->aliases[al].ent;
    for (size_t k = 0; k < c->d->entities.n; k++)
      if (c->egaz.v[k] == g && c->d->entities.v[k].type == WT_ENT_PERSON)
        ac_add_part(c->d, parts, np, (int32_t)k);
    i = e - 1;
  }
}

/* Appointments: the one appointing (a person, or a body acting as the
 * subject of the verb or named after "oleh"/"by") and the appointee, read
 * in the clause of the trigger at byte trig of sentence q; never the
 * predecessor, the first person after a predecessor word ("menggantikan
 * Sri Mulyani", "replaced X with Y", "taking over ... from X").  A
 * passive verb in a subordinate clause ("... menjabat setelah dilantik
 * Presiden X") takes the main clause's subject as appointee; whoever
 * speaks of it before the trigger ("X menyebut penunjukan Y") is none. */
static void ac_appoint(const x_ctx *c, size_t q, uint32_t trig,
                       int32_t *parts, size_t *np) {
  const wt_doc *d = c->d;
  size_t a = c->sent_tok[q], b = c->sent_tok[q + 1];
  size_t kt = x_tok_at(c, trig);
  if (kt < a || kt >= b) kt = a;
  int passive = x_tok_class(c, kt, XW_PASSIVE) ||
                (kt > a && x_tok_class(c, kt - 1, XW_AUX));
  size_t from = a, to = b;
  int sub = 0;
  for (size_t k = a; k < kt; k++) {
    if (x_frame_subord(c, k)) {
      from = k;
      sub = 1;
    } else if (sub && from <= a + 1 && c->t[k].kind == XK_PUNCT &&
               c->s[c->t[k].s] == ',') {
      from = k + 1; /* an opening subordinate clause ends at its comma */
      sub = 0;
    }
  }
  for (size_t k = kt + 1; k < b; k++)
    if (x_frame_subord(c, k) || x_tok_class(c, k, XW_WITNESS)) {
      to = k;
      break;
    }
  if (sub && passive) from = a;
  int pred = 0;
  size_t np0 = *np;
  for (size_t k = from; k < to; k++) {
    /* who speaks of the appointment before it is told is no actor ("Ketua
     * Umum PSSI Erick Thohir menyebut penunjukan Kluivert ...") */
    if (k < kt && x_tok_match(c, &c->r->verb_trie, k, NULL) > k) {
      *np = np0;
      continue;
    }
    if (x_tok_class(c, k, XW_PREDECESSOR) &&
        !(k + 1 < to && x_tok_class(c, k + 1, XW_AGENT))) {
      pred = 1;
      continue;
    }
    int32_t m = c->t[k].men;
    if (m < 0 || (k > from && c->t[k - 1].men == m)) continue;
    int32_t e = d->mentions.v[m].entity;
    const wt_entity *en = &d->entities.v[e];
    if (en->type == WT_ENT_PERSON) {
      if (pred) pred = 0;
      else ac_add_part(c->d, parts, np, e);
      continue;
    }
    uint32_t tags = x_ent_tags(c, e);
    if (en->type != WT_ENT_ORG || ac_state(c, k, e) ||
        (en->flags & WT_ENTF_AGENCY) || (tags & XT_MEDIA) ||
        ac_locative(c, k, c->sent_tok[q]))
      continue;
    /* a body appoints as the subject, or as the doer of a passive */
    size_t p = k;
    while (p > from && c->t[p - 1].kind == XK_PUNCT) p--;
    if (k < kt || (p > from && x_tok_class(c, p - 1, XW_AGENT)))
      ac_add_part(c->d, parts, np, e);
  }
}

/* Where the actors of sentence q end: for a one-sided act (actors
 * "agent": a statement, threat, sanction) at the first target word after
 * a cue of its type ("sanksi terhadap Rusia", "tariffs on Brazil": who it
 * is aimed at is no actor), or at a listing verb before the cue ("Uni
 * Eropa menambahkan nama X ke daftar sanksi"); else at the sentence's
 * end. */
static size_t ac_actor_end(const x_ctx *c, size_t q, int32_t type) {
  size_t end = c->sent_tok[q + 1];
  if (c->r->types[type].actors != XA_AGENT) return end;
  int cued = 0;
  size_t listing = end;
  for (size_t k = c->sent_tok[q]; k < end; k++) {
    if (!cued) {
      cued = x_frame_cue_at(c, k, end, type);
      if (cued && listing < k) return listing;
      if (listing == end && x_tok_class(c, k, XW_LISTING)) listing = k;
    } else if (x_tok_class(c, k, XW_TARGET)) {
      return k;
    }
  }
  return end;
}

/* The first person within AC_AGENT_GAP tokens after an agent word
 * ("oleh", "by") in sentence q, into parts. */
#define AC_AGENT_GAP 5
static void ac_agent_person(const x_ctx *c, size_t q, int32_t *parts,
                            size_t *np) {
  size_t b = c->sent_tok[q + 1];
  for (size_t k = c->sent_tok[q]; k < b; k++) {
    size_t e = x_tok_match(c, &c->r->words[XW_AGENT], k, NULL);
    if (e <= k) continue;
    for (size_t j = e; j < b && j < e + AC_AGENT_GAP; j++) {
      int32_t m = c->t[j].men;
      if (m < 0) continue;
      int32_t en = c->d->mentions.v[m].entity;
      if (c->d->entities.v[en].type == WT_ENT_PERSON) {
        ac_add_part(c->d, parts, np, en);
        return;
      }
    }
  }
}

/* A one-sided act told in the passive, its doer after an agent word
 * right after the cue ("Roman Abramovich has been sanctioned by the UK
 * government", "sanksi yang dijatuhkan oleh Uni Eropa"): the first name
 * within AC_AGENT_GAP tokens after "by"/"oleh" that follows a cue of the
 * type within three tokens in sentence q, -1 when there is none.  Who the
 * act is aimed at, named before it, is no actor. */
static int32_t ac_passive_doer(const x_ctx *c, size_t q, int32_t type) {
  size_t b = c->sent_tok[q + 1];
  for (size_t k = c->sent_tok[q]; k < b; k++) {
    if (!x_frame_cue_at(c, k, b, type)) continue;
    size_t j = k + 1;
    while (j < b && j <= k + 3 && !x_tok_class(c, j, XW_AGENT)) j++;
    if (j >= b || j > k + 3) continue;
    for (size_t a = j + 1; a < b && a <= j + AC_AGENT_GAP; a++)
      if (c->t[a].men >= 0) return c->d->mentions.v[c->t[a].men].entity;
  }
  return -1;
}

/* An agreement told as what someone announced ("Qatar's prime minister
 * announced that Israel and Hamas had agreed ..."): the token after the
 * "that" word when a speech verb comes before it and a cue of the type
 * after it in sentence q; else 0.  The announcer is no party. */
static size_t ac_told_that(const x_ctx *c, size_t q, int32_t type) {
  size_t a = c->sent_tok[q], b = c->sent_tok[q + 1];
  int verb = 0;
  for (size_t k = a; k < b; k++) {
    if (x_frame_cue_at(c, k, b, type)) return 0;
    if (x_tok_match(c, &c->r->verb_trie, k, NULL) > k) verb = 1;
    if (verb && x_tok_class(c, k, XW_THAT)) {
      for (size_t j = k + 1; j < b; j++)
        if (x_frame_cue_at(c, j, b, type)) return k + 1;
      return 0;
    }
  }
  return 0;
}

/* Is entity e mentioned in tokens [from, to)? */
static int ac_named_in(const x_ctx *c, int32_t e, size_t from, size_t to) {
  for (size_t k = from; k < to; k++)
    if (c->t[k].men >= 0 && c->d->mentions.v[c->t[k].men].entity == e)
      return 1;
  return 0;
}

/* Drop from parts a seat of government standing for its state ("Kyiv")
 * when the state itself is a part too: one side, named twice. */
static void ac_drop_seats(const x_ctx *c, int32_t *parts, size_t *np) {
  size_t keep = 0;
  for (size_t i = 0; i < *np; i++) {
    int32_t g = c->egaz.v[parts[i]];
    const char *home = g >= 0 && c->r->ents[g].metonym
                           ? ac_country_of(c, parts[i]) : NULL;
    int dup = 0;
    for (size_t j = 0; home && j < *np && !dup; j++) {
      const char *cj = j != i && c->egaz.v[parts[j]] >= 0 &&
                               (c->r->ents[c->egaz.v[parts[j]]].tags & XT_COUNTRY)
                           ? ac_country_of(c, parts[j]) : NULL;
      dup = cj && strcmp(cj, home) == 0;
    }
    if (!dup) parts[keep++] = parts[i];
  }
  *np = keep;
}

/* Drop from parts the entities first named in sentence q in a part that
 * reports the event (", Qatari Prime Minister ... announced in Doha"):
 * who tells it is no party. */
static void ac_drop_reporters(const x_ctx *c, size_t q, int32_t type,
                              int32_t *parts, size_t *np) {
  size_t keep = 0;
  for (size_t i = 0; i < *np; i++) {
    size_t k = c->sent_tok[q];
    while (k < c->sent_tok[q + 1] &&
           (c->t[k].men < 0 ||
            c->d->mentions.v[c->t[k].men].entity != parts[i]))
      k++;
    if (k == c->sent_tok[q + 1] || !x_frame_reported(c, q, c->t[k].s, type))
      parts[keep++] = parts[i];
  }
  *np = keep;
}

/* The main event's participants (see the file comment). */
int x_frame_participants(x_ctx *c, size_t ev, const uint8_t *trig,
                           int32_t type) {
  wt_doc *d = c->d;
  wt_frame *f = &d->frame;
  uint8_t actors = c->r->types[type].actors;
  size_t lead = c->ns < X_FRAME_LEAD + 2 ? c->ns : X_FRAME_LEAD + 2;
  int32_t parts[X_FRAME_MAX_PART];
  size_t np = 0;
  if (actors == XA_NONE) return 0;
  if (actors == XA_CIVIL) { /* the organiser named as such */
    int32_t e = ac_organiser(c, ev);
    for (size_t q = 0; e < 0 && q < lead; q++) e = ac_organiser(c, q);
    if (e >= 0) ac_add_part(d, parts, &np, e);
  }
  if (!np && (actors == XA_ORG || actors == XA_CIVIL)) {
    int civil = actors == XA_CIVIL;
    ac_orgs(c, ev, ac_actor_end(c, ev, type), 0, civil, parts, &np);
    for (size_t q = 0; !np && q < lead; q++)
      ac_orgs(c, q, ac_actor_end(c, q, type), 0, civil, parts, &np);
    if (np > 1) np = 1; /* the institution: its organs named after it are it */
  }
  if (actors == XA_APPOINT) {
    ac_appoint(c, ev, f->trigger.start, parts, &np);
    /* the appointee alone: the one who swore them in may be told in
     * another sentence of the lead ("Upacara pelantikan ... dipimpin
     * oleh Gubernur Jenderal Mary Simon") */
    for (size_t q = 0; np == 1 && q < lead; q++)
      if (q != ev && trig[q]) ac_agent_person(c, q, parts, &np);
  }
  if (actors == XA_AGENT) { /* "X has been sanctioned by Y": Y */
    int32_t e = ac_passive_doer(c, ev, type);
    if (e >= 0) ac_add_part(d, parts, &np, e);
  }
  if (actors == XA_SIDES) { /* states and armed groups, not the people hit */
    ac_orgs(c, ev, c->sent_tok[ev + 1], 1, 0, parts, &np);
    for (size_t q = 0; np < 2 && q < lead; q++)
      if (trig[q]) ac_orgs(c, q, c->sent_tok[q + 1], 1, 0, parts, &np);
    ac_drop_seats(c, parts, &np);
  }
  /* a meeting of a body: its chair and the home country's delegate */
  int tickets = actors == XA_CANDIDATES;
  if (tickets) actors = XA_PAIR;
  int body = actors == XA_PAIR && c->r->types[type].frame == XR_CONTACT
                 ? ac_body_meeting(c, ev, lead, parts, &np) : 0;
  if (body < 0) return -1;
  if (!np)
    x_frame_persons(c, ev, ac_actor_end(c, ev, type), tickets, type, parts, &np);
  size_t told = actors == XA_PERSON && c->r->types[type].frame == XR_OUTCOME
                    ? ac_told_that(c, ev, type) : 0;
  if (told) { /* the parties, not who announced it */
    size_t keep = 0;
    for (size_t i = 0; i < np; i++)
      if (ac_named_in(c, parts[i], told, c->sent_tok[ev + 1]))
        parts[keep++] = parts[i];
    np = keep;
    if (!np) {
      int32_t st[X_FRAME_MAX_PART];
      size_t ns = 0;
      ac_orgs(c, ev, c->sent_tok[ev + 1], 1, 0, st, &ns);
      for (size_t i = 0; i < ns; i++)
        if (ac_named_in(c, st[i], told, c->sent_tok[ev + 1]))
          ac_add_part(d, parts, &np, st[i]);
    }
  }
  if (actors == XA_PAIR && np < 2 && !body) {
    /* topped up to two, one person at a time */
    int32_t more[X_FRAME_MAX_PART];
    size_t nm = 0;
    ac_title_persons(c, more, &nm);
    for (size_t q = 0; nm < X_FRAME_MAX_PART && q < lead; q++)
      x_frame_persons(c, q, c->sent_tok[q + 1], tickets, -1, more, &nm);
    for (size_t i = 0; i < nm && np < 2; i++) ac_add_part(d, parts, &np, more[i]);
  }
  if (tickets) ac_ranked(c, lead, ev, parts, &np);
  /* a one-sided act's doer is its subject: an institution (a ministry,
   * a union of states, not a country) named before the cue in the main
   * sentence comes before a person named in another ("Departemen Keuangan
   * AS menjatuhkan sanksi terhadap ...", not a target named in a later
   * sentence) */
  if (!np && actors == XA_AGENT) {
    int32_t in[X_FRAME_MAX_PART];
    size_t ni = 0, end = ac_actor_end(c, ev, type), k = c->sent_tok[ev];
    while (k < end && !x_frame_cue_at(c, k, end, type)) k++;
    ac_orgs(c, ev, k, 1, 0, in, &ni);
    for (size_t i = 0; i < ni; i++) {
      int32_t g = c->egaz.v[in[i]];
      uint32_t tags = x_ent_tags(c, in[i]);
      if (!(tags & XT_COUNTRY) && !(g >= 0 && c->r->ents[g].metonym))
        ac_add_part(d, parts, &np, in[i]);
    }
  }
  /* nobody in the main sentence: the people named in the other sentences
   * of the lead that speak of the event ("Penandatanganan dilakukan oleh
   * ..."), then the institutions and states acting in the main one */
  for (size_t q = 0; !np && q < lead; q++)
    if (trig[q] && !x_sent_heading(c, q))
      x_frame_persons(c, q, ac_actor_end(c, q, type), tickets, type, parts, &np);
  if (!np) {
    ac_orgs(c, ev, ac_actor_end(c, ev, type), 1, 0, parts, &np);
    ac_drop_reporters(c, ev, type, parts, &np);
  }
  if (np) {
    f->participants = wt_arena_alloc(d->arena, np * sizeof *parts);
    if (!f->participants) return -1;
    memcpy(f->participants, parts, np * sizeof *parts);
    f->n_participants = np;
  }
  return 0;
}

