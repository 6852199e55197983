/*
 * extract.c - the extract stage's driver: builds the per-article view
 * (a token list with case flags and sentence numbers, sentence spans),
 * keeps the entity table, and runs the steps in order:
 *
 *   mentions (gazetteer, titles, names) -> linking (short forms, roles)
 *   -> sources -> quotes -> event frame
 *
 * The token view is the stage's own (words, numbers, punctuation with
 * byte spans), so extraction depends only on doc->body; sentences come
 * from doc->sentences when the language stage gave them, else from a
 * plain splitter here.  Everything per article is allocated in
 * doc->arena; a full arena stops the stage with what it has (-1).
 */
#include <string.h>
#include <utf8proc.h>

#include "xint.h"

/* ------------------------------------------------------------ tokens */

static int ex_upper_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                       (utf8proc_ssize_t)(n - i), &cp) <= 0)
    return 0;
  return utf8proc_isupper(cp);
}

static int ex_lower_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) return c >= 'a' && c <= 'z';
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                       (utf8proc_ssize_t)(n - i), &cp) <= 0)
    return 0;
  return utf8proc_islower(cp);
}

static size_t ex_char_len(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return i + k > n ? n - i : k;
}

/* Quotation marks: ASCII " and ', U+2018/2019/201C/201D/201E, U+00AB/BB. */
static size_t ex_quote_len(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '"' || c == '\'') return 1;
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
    unsigned char d = (unsigned char)s[i + 2];
    if (d >= 0x98 && d <= 0x9F) return 3;
  }
  if (c == 0xC2 && i + 1 < n &&
      ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
    return 2;
  return 0;
}

static int ex_tokenize(x_ctx *c) {
  const char *s = c->s;
  size_t n = c->n, cap = n / 3 + 16, k = 0;
  x_tok *t = wt_arena_alloc(c->d->arena, cap * sizeof *t);
  if (!t) return -1;
  size_t i = 0;
  while (i < n && k < cap) {
    unsigned char b = (unsigned char)s[i];
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
      i++;
      continue;
    }
    if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      i += 2;
      continue;
    }
    x_tok *tk = &t[k];
    memset(tk, 0, sizeof *tk);
    tk->men = -1;
    tk->s = (uint32_t)i;
    if (x_word_at(s, n, i)) {
      int digit = b >= '0' && b <= '9';
      int up = 1, letters = 0;
      size_t j = i;
      while (j < n) {
        if (x_word_at(s, n, j)) {
          if (ex_lower_at(s, n, j)) up = 0;
          if (ex_upper_at(s, n, j) || ex_lower_at(s, n, j)) letters++;
          j += ex_char_len(s, n, j);
          continue;
        }
        /* numbers keep their inner '.', ',', '/' and ':' (3.897, 4/2);
         * words an inner apostrophe ("Mu'ti") but not a possessive 's */
        unsigned char d = (unsigned char)s[j];
        size_t q = ex_quote_len(s, n, j);
        if (!digit && (d == '\'' || (q == 3 && (unsigned char)s[j + 2] == 0x99)) &&
            x_word_at(s, n, j + q) &&
            !(x_fold((unsigned char)s[j + q]) == 's' && !x_word_at(s, n, j + q + 1))) {
          j += q;
          continue;
        }
        if (digit && (d == '.' || d == ',' || d == '/' || d == ':') &&
            j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9') {
          j++;
          continue;
        }
        break;
      }
      tk->e = (uint32_t)j;
      tk->kind = digit ? XK_NUM : XK_WORD;
      if (!digit && ex_upper_at(s, n, i)) tk->flags |= XF_CAP;
      if (!digit && up && letters >= 2) tk->flags |= XF_ALLCAP;
      i = j;
    } else {
      size_t q = ex_quote_len(s, n, i);
      size_t l = q ? q : ex_char_len(s, n, i);
      tk->e = (uint32_t)(i + l);
      tk->kind = XK_PUNCT;
      if (q) tk->flags |= XF_QUOTE;
      i += l;
    }
    k++;
  }
  c->t = t;
  c->nt = k;
  /* URLs: mark word tokens inside them */
  for (size_t j = 0; j < k; j++)
    if (t[j].kind != XK_PUNCT && x_in_url(s, n, t[j].s)) t[j].flags |= XF_URL;
  return 0;
}

/* ------------------------------------------------------------ sentences */

static int ex_sentences(x_ctx *c) {
  wt_doc *d = c->d;
  size_t cap = d->sentences.n ? d->sentences.n : c->nt / 4 + 2;
  c->sent = wt_arena_alloc(d->arena, cap * sizeof *c->sent);
  if (!c->sent) return -1;
  size_t ns = 0;
  if (d->sentences.n) {
    for (size_t i = 0; i < d->sentences.n; i++) c->sent[ns++] = d->sentences.v[i].span;
  } else {
    /* split after . ! ? (and any closing quote) before an upper-case
     * letter, digit or quote, and at line breaks */
    uint32_t start = c->nt ? c->t[0].s : 0;
    for (size_t j = 0; j < c->nt && ns + 1 < cap; j++) {
      const x_tok *tk = &c->t[j];
      int end = 0;
      size_t last = j;
      if (tk->kind == XK_PUNCT && (c->s[tk->s] == '.' || c->s[tk->s] == '!' ||
                                   c->s[tk->s] == '?')) {
        while (last + 1 < c->nt && (c->t[last + 1].flags & XF_QUOTE) &&
               c->t[last + 1].s == c->t[last].e)
          last++;
        if (last + 1 >= c->nt) {
          end = 1;
        } else {
          const x_tok *nx = &c->t[last + 1];
          int abbrev = j > 0 && c->t[j - 1].kind == XK_WORD &&
                       c->t[j - 1].e == tk->s &&
                       c->t[j - 1].e - c->t[j - 1].s <= 2 &&
                       (c->t[j - 1].flags & XF_CAP);
          if (!abbrev && ((nx->flags & (XF_CAP | XF_QUOTE)) ||
                          nx->kind == XK_NUM))
            end = 1;
        }
      }
      if (!end && j + 1 < c->nt &&
          memchr(c->s + tk->e, '\n', c->t[j + 1].s - tk->e))
        end = 1;
      if (end || j + 1 == c->nt) {
        c->sent[ns].start = start;
        c->sent[ns].end = c->t[last].e;
        ns++;
        j = last;
        if (j + 1 < c->nt) start = c->t[j + 1].s;
      }
    }
  }
  c->ns = ns;
  c->sent_tok = wt_arena_alloc(d->arena, (ns + 1) * sizeof *c->sent_tok);
  if (!c->sent_tok) return -1;
  size_t si = 0;
  for (size_t j = 0; j < c->nt; j++) {
    while (si + 1 < ns && c->t[j].s >= c->sent[si + 1].start) si++;
    c->t[j].sent = (uint32_t)si;
  }
  size_t j = 0;
  for (size_t q = 0; q < ns; q++) {
    while (j < c->nt && c->t[j].sent < q) j++;
    c->sent_tok[q] = (uint32_t)j;
    size_t f = j;
    while (f < c->nt && c->t[f].sent == q && c->t[f].kind == XK_PUNCT) f++;
    if (f < c->nt && c->t[f].sent == q) c->t[f].flags |= XF_SENT0;
  }
  c->sent_tok[ns] = (uint32_t)c->nt;
  return 0;
}

/* ------------------------------------------------------------ helpers */

int x_sent_heading(const x_ctx *c, size_t q) {
  uint32_t off = c->sent[q].start;
  for (size_t i = 0; i < c->d->paras.n; i++) {
    const wt_para *p = &c->d->paras.v[i];
    if (off < p->span.start || off >= p->span.end) continue;
    /* a list item with no full stop is a subhead too */
    uint32_t e = p->span.end;
    while (e > p->span.start && (c->s[e - 1] == ' ' || c->s[e - 1] == '\n'))
      e--;
    return p->kind == WT_PARA_HEADING ||
           (p->kind == WT_PARA_LIST && e > p->span.start &&
            c->s[e - 1] != '.');
  }
  return 0;
}

size_t x_tok_at(const x_ctx *c, uint32_t off) {
  size_t lo = 0, hi = c->nt;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->t[mid].s < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int x_tok_is(const x_ctx *c, size_t ti, const char *w) {
  if (ti >= c->nt) return 0;
  size_t l = strlen(w);
  if (c->t[ti].e - c->t[ti].s != l) return 0;
  for (size_t i = 0; i < l; i++)
    if (x_fold((unsigned char)c->s[c->t[ti].s + i]) != (unsigned char)w[i])
      return 0;
  return 1;
}

uint32_t x_ent_tags(const x_ctx *c, int32_t ent) {
  if (ent < 0 || (size_t)ent >= c->egaz.n || c->egaz.v[ent] < 0) return 0;
  return c->r->ents[c->egaz.v[ent]].tags;
}

size_t x_tok_match(const x_ctx *c, const x_trie *t, size_t ti, int32_t *val) {
  if (ti >= c->nt || c->t[ti].kind == XK_PUNCT) return ti;
  uint32_t ends[32];
  int32_t heads[32];
  size_t k = x_trie_walk(t, c->s, c->n, c->t[ti].s, ends, heads, 32);
  while (k-- > 0) {
    /* the key must end on a token end */
    size_t tj = ti;
    while (tj < c->nt && c->t[tj].e < ends[k]) tj++;
    if (tj < c->nt && c->t[tj].e == ends[k]) {
      if (val) *val = t->pay_val[heads[k]];
      return tj + 1;
    }
  }
  return ti;
}

int x_tok_class(const x_ctx *c, size_t ti, int cls) {
  return x_tok_match(c, &c->r->words[cls], ti, NULL) > ti;
}

int32_t x_entity(x_ctx *c, int32_t gaz, const char *id, const char *name,
                 wt_ent_type type) {
  wt_doc *d = c->d;
  for (size_t i = 0; i < d->entities.n; i++) {
    if (gaz >= 0 ? c->egaz.v[i] == gaz
                 : (c->egaz.v[i] < 0 && strcmp(d->entities.v[i].id, id) == 0)) {
      return (int32_t)i;
    }
  }
  wt_entity *e = WT_VEC_PUSH(d->arena, &d->entities);
  int32_t *g = WT_VEC_PUSH(d->arena, &c->egaz);
  if (!e || !g) return -1;
  *g = gaz;
  if (gaz >= 0) {
    const x_gent *ge = &c->r->ents[gaz];
    e->id = ge->id;
    e->name = ge->name;
    e->type = (wt_ent_type)ge->type;
    e->flags = WT_ENTF_GAZ | ((ge->tags & XT_MEDIA) ? WT_ENTF_AGENCY : 0);
  } else {
    e->id = id;
    e->name = name;
    e->type = type;
  }
  return (int32_t)(d->entities.n - 1);
}

int32_t x_mention(x_ctx *c, uint32_t ti, uint32_t tj, int32_t ent,
                  uint8_t how) {
  if (ent < 0 || ti >= tj || tj > c->nt) return -1;
  wt_mention *m = WT_VEC_PUSH(c->d->arena, &c->d->mentions);
  if (!m) return -1;
  m->span.start = c->t[ti].s;
  m->span.end = c->t[tj - 1].e;
  m->entity = ent;
  m->how = how;
  int32_t mi = (int32_t)(c->d->mentions.n - 1);
  for (uint32_t k = ti; k < tj; k++) c->t[k].men = mi;
  return mi;
}

/* ------------------------------------------------------------ driver */

int wt_extract_run(const wt_extract_res *r, wt_doc *doc) {
  if (!r || !doc || !doc->body) return -1;
  x_ctx c;
  memset(&c, 0, sizeof c);
  c.r = r;
  c.d = doc;
  c.s = doc->body;
  c.n = doc->body_len ? doc->body_len : strlen(doc->body);
  c.en = strcmp(doc->lang, "en") == 0;
  doc->entities.n = doc->mentions.n = doc->quotes.n = doc->sources.n = 0;
  doc->secondary.n = 0;
  wt_frame_init(&doc->frame);
  if (ex_tokenize(&c) < 0 || ex_sentences(&c) < 0) return -1;
  if (x_mentions_find(&c) < 0) return -1;
  if (x_alias_link(&c) < 0) return -1;
  if (x_sources_find(&c) < 0) return -1;
  if (x_quotes_find(&c) < 0) return -1;
  if (x_frame_build(&c) < 0) return -1;
  return 0;
}
