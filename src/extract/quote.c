/*
 * quote.c - direct quotes and indirect speech with their speakers.
 *
 * Direct quotes: quotation marks are paired inside a paragraph line:
 * double marks (" “ ” „ « ») with double, single (' ‘ ’) with single,
 * single marks only outside a double quote.  A straight mark opens after a
 * space or bracket and closes after a non-space; a closing mark followed
 * by text and another close-only mark in the same line is taken as a
 * stray mark inside the quote, and the quote runs to the later mark.
 *
 * Speaker, in order:
 *   1. after the quote: [,] verb NP ("," kata Presiden Xi), [,] NP verb
 *      ("," Putin said), "demikian" + verb; the speaker is the head of the
 *      NP: the last person mention in it ("tutur Penasihat ... Putin Yuri
 *      Ushakov" is Ushakov), a pronoun resolves to the sentence subject
 *      before the quote, "katanya"-type verbs likewise, a statement verb
 *      ("disebutkan") takes the organisation named after it;
 *   2. before the quote in its sentence (long quotes only): the last
 *      speech verb; the person right after it ("kata Putin, "...") or the
 *      sentence's subject (its first person mention before the verb);
 *   else -1.  Quotes of 1-4 words are scare quotes unless rule 1 applies.
 *
 * Indirect speech: in sentences without quotation marks, a reporting verb
 * (me-/ber- forms, English verbs) whose subject is a person, or "menurut
 * X," / "according to X,"; the quote span is the reported clause.
 */
#include <string.h>

#include "xint.h"

#define QT_SCARE_WORDS 4

enum { QM_DOUBLE = 1, QM_SINGLE = 2 };

typedef struct qt_mark {
  size_t ti;
  uint8_t fam, can_open, can_close;
} qt_mark;

static void qt_classify(const x_ctx *c, size_t ti, qt_mark *m) {
  const x_tok *t = &c->t[ti];
  const unsigned char *p = (const unsigned char *)c->s + t->s;
  m->ti = ti;
  size_t l = t->e - t->s;
  int curly_open = 0, curly_close = 0;
  if (l == 1) {
    m->fam = p[0] == '"' ? QM_DOUBLE : QM_SINGLE;
  } else if (l == 2) { /* « » */
    m->fam = QM_DOUBLE;
    curly_open = p[1] == 0xAB;
    curly_close = p[1] == 0xBB;
  } else {
    m->fam = p[2] >= 0x9C ? QM_DOUBLE : QM_SINGLE;
    curly_open = p[2] == 0x9C || p[2] == 0x98 || p[2] == 0x9E;
    curly_close = p[2] == 0x9D || p[2] == 0x99;
  }
  int sp_before = t->s == 0 || c->s[t->s - 1] == ' ' ||
                  c->s[t->s - 1] == '\n' || c->s[t->s - 1] == '(' ||
                  c->s[t->s - 1] == '>';
  int sp_after = t->e >= c->n || c->s[t->e] == ' ' || c->s[t->e] == '\n';
  int word_after = x_word_at(c->s, c->n, t->e);
  int word_before = x_word_before(c->s, t->s);
  if (curly_open || curly_close) {
    m->can_open = curly_open && !sp_after;
    m->can_close = curly_close && !sp_before;
    /* ’ between letters is an apostrophe */
    if (m->fam == QM_SINGLE && word_before && word_after) m->can_close = 0;
  } else {
    m->can_open = !sp_after && !word_before;
    m->can_close = !sp_before && (m->fam == QM_DOUBLE || !word_after);
    if (m->fam == QM_SINGLE && word_before && word_after) m->can_open = 0;
  }
}

static int qt_pronoun(const x_ctx *c, size_t ti) {
  return x_tok_class(c, ti, XW_PRON);
}

static int32_t qt_ent_of(const x_ctx *c, size_t ti) {
  return c->t[ti].men >= 0 ? c->d->mentions.v[c->t[ti].men].entity : -1;
}

static wt_ent_type qt_type(const x_ctx *c, int32_t ent) {
  return c->d->entities.v[ent].type;
}

/* The subject before byte `off`: the first person named in the nearest
 * sentence (the current one up to off, then up to 3 earlier ones). */
static int32_t qt_subject_before(const x_ctx *c, uint32_t off) {
  size_t ti = x_tok_at(c, off);
  if (ti >= c->nt) ti = c->nt ? c->nt - 1 : 0;
  if (!c->nt) return -1;
  long q = (long)c->t[ti].sent;
  for (int back = 0; back < 4 && q >= 0; back++, q--) {
    for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1] && c->t[k].s < off;
         k++) {
      int32_t e = qt_ent_of(c, k);
      if (e >= 0 && qt_type(c, e) == WT_ENT_PERSON) return e;
    }
  }
  return -1;
}

/* Head of the noun phrase at ti: the last person in it, else the first
 * organisation; pronouns resolve to the subject before `ctx_off`.  *end
 * receives one past the phrase. */
static int32_t qt_np_head(const x_ctx *c, size_t ti, uint32_t ctx_off,
                          size_t *end) {
  const wt_extract_res *r = c->r;
  int32_t person = -1, org = -1;
  size_t p = ti;
  if (p < c->nt && qt_pronoun(c, p)) {
    if (end) *end = p + 1;
    return qt_subject_before(c, ctx_off);
  }
  uint32_t sent = p < c->nt ? c->t[p].sent : 0;
  for (int steps = 0; p < c->nt && c->t[p].sent == sent && steps < 16;
       steps++) {
    const x_tok *t = &c->t[p];
    if (t->men >= 0) {
      int32_t e = qt_ent_of(c, p);
      wt_ent_type ty = qt_type(c, e);
      /* an unknown name may be a person; a known thing (a currency,
       * "SAR") never speaks */
      if (ty == WT_ENT_PERSON ||
          (ty == WT_ENT_MISC && person < 0 && c->egaz.v[e] < 0))
        person = e;
      else if (ty == WT_ENT_ORG && org < 0) org = e;
      while (p < c->nt && c->t[p].men == t->men) p++;
      continue;
    }
    /* "Kepala Kantor SAR Mataram, Lalu Wahyu Efendi" */
    if (person < 0 && t->kind == XK_PUNCT && c->s[t->s] == ',' && p > ti &&
        p + 1 < c->nt && c->t[p + 1].men >= 0 &&
        qt_type(c, qt_ent_of(c, p + 1)) != WT_ENT_PLACE) {
      p++;
      continue;
    }
    if (t->kind == XK_WORD &&
        ((t->flags & (XF_USED | XF_CAP)) ||
         x_tok_match(c, &r->titles, p, NULL) > p)) {
      size_t q = x_tok_match(c, &r->titles, p, NULL);
      p = q > p ? q : p + 1;
      continue;
    }
    break;
  }
  if (end) *end = p;
  return person >= 0 ? person : org;
}

/* A speech verb starting at ti: one past it (ti when none), index in *vi. */
static size_t qt_verb(const x_ctx *c, size_t ti, int32_t *vi) {
  return x_tok_match(c, &c->r->verb_trie, ti, vi);
}

static int qt_is_punct(const x_ctx *c, size_t ti, char ch) {
  return ti < c->nt && c->t[ti].kind == XK_PUNCT && c->s[c->t[ti].s] == ch;
}

/* Rule 1: attribution after the closing mark at `close`. */
static int qt_after(const x_ctx *c, size_t close, uint32_t qstart,
                    int32_t *speaker, wt_span *cue, int32_t *vi) {
  size_t p = close + 1;
  while (p < c->nt && c->t[p].kind == XK_PUNCT &&
         (c->s[c->t[p].s] == ',' || (c->t[p].flags & XF_QUOTE)) &&
         p < close + 3)
    p++;
  if (p >= c->nt || memchr(c->s + c->t[close].e, '\n', c->t[p].s - c->t[close].e))
    return 0;
  if (x_tok_class(c, p, XW_ASIS)) p++;
  size_t v = qt_verb(c, p, vi);
  if (v > p) {
    cue->start = c->t[p].s;
    cue->end = c->t[v - 1].e;
    uint8_t kind = c->r->verbs[*vi].kind;
    if (kind == XV_PRON) {
      *speaker = qt_subject_before(c, qstart);
    } else if (kind == XV_STMT) {
      *speaker = -1;
      for (size_t k = v; k < c->nt && k < v + 10 && c->t[k].sent == c->t[v - 1].sent; k++) {
        int32_t e = qt_ent_of(c, k);
        if (e >= 0 && qt_type(c, e) == WT_ENT_ORG) {
          *speaker = e;
          break;
        }
      }
    } else {
      *speaker = qt_np_head(c, v, qstart, NULL);
    }
    return 1;
  }
  /* "demikian keterangan tertulis Kementerian Kesehatan" */
  int32_t ci;
  size_t ce = x_tok_match(c, &c->r->cue_trie, p, &ci);
  if (ce > p && c->r->cues[ci].kind == XS_STMT) {
    for (size_t k = ce; k < c->nt && k < ce + 6; k++) {
      int32_t e = qt_ent_of(c, k);
      if (e >= 0 && qt_type(c, e) == WT_ENT_ORG) {
        cue->start = c->t[p].s;
        cue->end = c->t[ce - 1].e;
        *vi = -1;
        *speaker = e;
        return 1;
      }
    }
  }
  /* NP then verb: "," Putin said / "," he added */
  size_t np_end;
  int32_t e = qt_np_head(c, p, qstart, &np_end);
  if (np_end > p && np_end < p + 8) {
    v = qt_verb(c, np_end, vi);
    if (v > np_end && c->r->verbs[*vi].kind == XV_VERB) {
      cue->start = c->t[np_end].s;
      cue->end = c->t[v - 1].e;
      *speaker = e;
      return 1;
    }
  }
  return 0;
}

/* Rule 2: a speech verb before the opening mark in its sentence. */
static int qt_before(const x_ctx *c, size_t open, uint32_t after_off,
                     int32_t *speaker, wt_span *cue, int32_t *vi) {
  uint32_t sent = c->t[open].sent;
  size_t first = c->sent_tok[sent];
  for (size_t k = open; k-- > first;) {
    if (c->t[k].s < after_off) break; /* inside an earlier quote */
    int32_t v;
    size_t e = qt_verb(c, k, &v);
    if (e == k || e > open) continue;
    uint8_t kind = c->r->verbs[v].kind;
    cue->start = c->t[k].s;
    cue->end = c->t[e - 1].e;
    *vi = v;
    if (kind == XV_PRON) {
      *speaker = qt_subject_before(c, c->t[k].s);
      return 1;
    }
    size_t np_end;
    int32_t h = qt_np_head(c, e, c->t[k].s, &np_end);
    if (h >= 0 && qt_type(c, h) == WT_ENT_PERSON) {
      *speaker = h;
      return 1;
    }
    if (kind == XV_ACC) {
      *speaker = h;
      return 1;
    }
    /* the subject: first person of the sentence before the verb, or a
     * pronoun opening the sentence */
    *speaker = -1;
    for (size_t q = first; q < k; q++) {
      int32_t pe = qt_ent_of(c, q);
      if (pe >= 0 && qt_type(c, pe) == WT_ENT_PERSON) {
        *speaker = pe;
        break;
      }
      if (qt_pronoun(c, q)) {
        *speaker = qt_subject_before(c, c->sent[sent].start);
        break;
      }
    }
    return 1;
  }
  return 0;
}

static int qt_push(x_ctx *c, uint32_t s, uint32_t e, int32_t speaker,
                   wt_span cue, int32_t vi, int direct) {
  while (e > s && (c->s[e - 1] == ',' || c->s[e - 1] == ' ')) e--;
  if (e <= s) return 0;
  wt_quote *q = WT_VEC_PUSH(c->d->arena, &c->d->quotes);
  if (!q) return -1;
  q->span.start = s;
  q->span.end = e;
  q->speaker = speaker;
  q->cue = cue;
  q->verb = vi >= 0 ? c->r->verbs[vi].norm : NULL;
  q->direct = (uint8_t)direct;
  /* an unknown name that speaks is a person */
  if (speaker >= 0 && c->d->entities.v[speaker].type == WT_ENT_MISC &&
      c->egaz.v[speaker] < 0)
    c->d->entities.v[speaker].type = WT_ENT_PERSON;
  return 0;
}

static size_t qt_words(const x_ctx *c, size_t a, size_t b) {
  size_t w = 0;
  for (size_t k = a + 1; k < b; k++) w += c->t[k].kind != XK_PUNCT;
  return w;
}

/* Is the quote open..close a sentence of its own (opens after a sentence
 * end or a colon, ends with . ! ? or a comma before its close)? */
static int qt_sentential(const x_ctx *c, size_t open, size_t close) {
  size_t b = c->t[open].s;
  while (b > 0 && c->s[b - 1] == ' ') b--;
  int starts = b == 0 || strchr(".!?:\n", c->s[b - 1]) != NULL;
  char last = close > 0 ? c->s[c->t[close - 1].s] : 0;
  return starts && close > open + 1 && strchr(".!?,", last) && last;
}

/* Is a person (or unknown name) mentioned in [a, b)? */
static int qt_person_between(const x_ctx *c, uint32_t a, uint32_t b) {
  for (size_t k = x_tok_at(c, a); k < c->nt && c->t[k].s < b; k++) {
    int32_t e = qt_ent_of(c, k);
    if (e >= 0 && qt_type(c, e) != WT_ENT_PLACE && qt_type(c, e) != WT_ENT_ORG)
      return 1;
  }
  return 0;
}

static int qt_direct(x_ctx *c, uint8_t *has_quote) {
  qt_mark open = {0};
  int have_open = 0;
  uint32_t last_end = 0;
  for (size_t ti = 0; ti < c->nt; ti++) {
    if (!(c->t[ti].flags & XF_QUOTE)) continue;
    qt_mark m;
    qt_classify(c, ti, &m);
    if (have_open && memchr(c->s + c->t[open.ti].e, '\n',
                            c->t[ti].s - c->t[open.ti].e))
      have_open = 0;
    if (!have_open) {
      if (m.can_open) {
        open = m;
        have_open = 1;
      }
      continue;
    }
    if (m.fam != open.fam) continue; /* nested marks of the other family */
    if (!m.can_close) {
      if (m.can_open && m.fam == QM_DOUBLE) open = m; /* unbalanced: restart */
      continue;
    }
    /* a stray mark inside: extend to a later close-only mark on the line */
    size_t close = ti;
    for (size_t k = ti + 1; k < c->nt; k++) {
      if (memchr(c->s + c->t[k - 1].e, '\n', c->t[k].s - c->t[k - 1].e)) break;
      if (!(c->t[k].flags & XF_QUOTE)) continue;
      qt_mark m2;
      qt_classify(c, k, &m2);
      if (m2.fam != open.fam) continue;
      if (m2.can_close && !m2.can_open) close = k;
      break;
    }
    have_open = 0;
    ti = close;
    uint32_t qs = c->t[open.ti].e, qe = c->t[close].s;
    for (size_t q = c->t[open.ti].sent; q <= c->t[close].sent; q++)
      has_quote[q] = 1;
    int32_t speaker = -1, vi = -1;
    wt_span cue = {0, 0};
    int found = qt_after(c, close, c->t[open.ti].s, &speaker, &cue, &vi);
    if (!found) found = qt_before(c, open.ti, last_end, &speaker, &cue, &vi);
    /* a short quote inside a sentence is a scare quote unless a verb is
     * right at it; a quote that is a sentence of its own is not */
    if (qt_words(c, open.ti, close) <= QT_SCARE_WORDS && !qt_sentential(c, open.ti, close) &&
        !(found && (cue.start > c->t[close].s ||
                    c->t[open.ti].s - cue.end < 24)))
      continue;
    /* a quote right after an attributed one, with nobody named between,
     * continues it */
    if (!found && c->d->quotes.n) {
      const wt_quote *pq = &c->d->quotes.v[c->d->quotes.n - 1];
      uint32_t from = pq->cue.end > pq->span.end ? pq->cue.end : pq->span.end;
      if (pq->direct && pq->speaker >= 0 && from < qs &&
          !qt_person_between(c, from, c->t[open.ti].s) &&
          !memchr(c->s + from, '\n', c->t[open.ti].s - from) ) {
        speaker = pq->speaker;
        cue = pq->cue;
      }
    }
    if (qt_push(c, qs, qe, speaker, cue, vi, 1) < 0) return -1;
    last_end = c->t[close].e;
  }
  return 0;
}

/* Is the verb v usable for indirect speech (a reporting verb form)? */
static int qt_reporting(const x_ctx *c, int32_t v) {
  const char *w = c->r->verbs[v].norm;
  return c->en || strncmp(w, "me", 2) == 0 || strncmp(w, "ber", 3) == 0;
}

static int qt_indirect(x_ctx *c, const uint8_t *has_quote) {
  for (size_t q = 0; q < c->ns; q++) {
    if (has_quote[q]) continue;
    size_t a = c->sent_tok[q], b = c->sent_tok[q + 1];
    for (size_t k = a; k < b; k++) {
      int32_t v;
      size_t e = qt_verb(c, k, &v);
      if (e == k) continue;
      uint8_t kind = c->r->verbs[v].kind;
      int32_t speaker = -1;
      size_t from = e;
      if (kind == XV_ACC) {
        speaker = qt_np_head(c, e, c->t[k].s, &from);
        if (!qt_is_punct(c, from, ',')) break;
      } else if (kind == XV_VERB && qt_reporting(c, v)) {
        for (size_t p = a; p < k; p++) {
          int32_t pe = qt_ent_of(c, p);
          if (pe >= 0 && qt_type(c, pe) == WT_ENT_PERSON) {
            speaker = pe;
            break;
          }
          if (qt_pronoun(c, p) && p == a) {
            speaker = qt_subject_before(c, c->sent[q].start);
            break;
          }
        }
        /* "mengatakan kepada Putin": skip the addressee */
        if (x_tok_class(c, from, XW_TO)) {
          size_t ne;
          qt_np_head(c, from + 1, c->t[k].s, &ne);
          from = ne;
        }
      } else {
        continue;
      }
      if (speaker < 0) break;
      while (from < b && (qt_is_punct(c, from, ',') || qt_is_punct(c, from, ':') ||
                          x_tok_class(c, from, XW_THAT)))
        from++;
      if (from >= b) break;
      uint32_t s = c->t[from].s, en = c->sent[q].end;
      while (en > s && (c->s[en - 1] == '.' || c->s[en - 1] == ' ')) en--;
      wt_span cue = {c->t[k].s, c->t[e - 1].e};
      if (qt_push(c, s, en, speaker, cue, v, 0) < 0) return -1;
      break;
    }
  }
  return 0;
}

int x_quotes_find(x_ctx *c) {
  uint8_t *has_quote = wt_arena_alloc(c->d->arena, c->ns + 1);
  if (!has_quote) return -1;
  if (qt_direct(c, has_quote) < 0) return -1;
  return qt_indirect(c, has_quote);
}
