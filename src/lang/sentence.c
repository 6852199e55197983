/*
 * sentence.c - sentence boundaries over a token stream.
 *
 * A sentence ends after a run of final marks (. ! ? ... …) or an
 * abbreviation that may close a sentence (dll., etc.), together with the
 * closing quotes and brackets written against it, when what follows is not
 * a lower-case word or a comma-like mark ("...," kata Putin. stays one
 * sentence up to "Putin.").  An ellipsis inside an open quotation never
 * ends a sentence.  Titles and initials (Dr., H., M. Jusuf), decimal
 * numbers, dates and URLs are single tokens, so they never split.  A line
 * break ends a sentence unless the next line starts with a lower-case word
 * (a hard-wrapped line).  A paragraph boundary always ends a sentence:
 * sentences never cross one.
 *
 * Invariants: sentences cover every token exactly once, in order; each has
 * at least one token; the last token of each carries WT_TOKF_SENT_END.
 */
#include "lang_int.h"

#include <string.h>

static int sent_is_final(const char *s, const wt_token *t) {
  if (t->kind != WT_TOK_PUNCT || (t->flags & WT_TOKF_QUOTE)) return 0;
  unsigned char c = (unsigned char)s[t->span.start];
  return c == '.' || c == '!' || c == '?' ||
         (c == 0xE2 && t->span.end - t->span.start >= 3 &&
          (unsigned char)s[t->span.start + 1] == 0x80 &&
          (unsigned char)s[t->span.start + 2] == 0xA6);
}

static int sent_is_ellipsis(const char *s, const wt_token *t) {
  unsigned char c = (unsigned char)s[t->span.start];
  return (c == '.' && t->span.end - t->span.start >= 2) || c == 0xE2;
}

/* 1 opening, 2 closing, 0 not a quote/bracket */
static int sent_quote_dir(const char *s, size_t n, const wt_token *t) {
  const unsigned char *p = (const unsigned char *)s + t->span.start;
  size_t l = t->span.end - t->span.start;
  if (l == 1) {
    if (*p == '(' || *p == '[' || *p == '{') return 1;
    if (*p == ')' || *p == ']' || *p == '}') return 2;
    if (*p != '"' && *p != '\'') return 0;
    int space_before = t->span.start == 0 ||
                       strchr(" \t\r\n([{", s[t->span.start - 1]) != NULL;
    int space_after = t->span.end >= n ||
                      strchr(" \t\r\n.,;:!?)]}", s[t->span.end]) != NULL;
    if (space_before && !space_after) return 1;
    return 2;
  }
  if (l == 3 && p[0] == 0xE2 && p[1] == 0x80) {
    if (p[2] == 0x9C || p[2] == 0x98 || p[2] == 0x9E || p[2] == 0xB9) return 1;
    if (p[2] == 0x9D || p[2] == 0x99 || p[2] == 0xBA) return 2;
  }
  if (l == 2 && p[0] == 0xC2) {
    if (p[1] == 0xAB) return 1;
    if (p[1] == 0xBB) return 2;
  }
  return 0;
}

/* Is there a paragraph break ("\n" blank-ish "\n") in s[a..b)? 2: blank
 * line, 1: single line break, 0: none. */
static int sent_gap(const char *s, uint32_t a, uint32_t b) {
  int nl = 0;
  for (uint32_t k = a; k < b; k++)
    if (s[k] == '\n') nl++;
  return nl >= 2 ? 2 : nl;
}

static int sent_starts_lower(const char *s, const wt_token *t) {
  if (t->kind != WT_TOK_WORD) return 0;
  /* the norm equals the text's first byte when it is not upper case */
  unsigned char c = (unsigned char)s[t->span.start];
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return !(t->flags & WT_TOKF_CAP);
}

static int sent_is_comma_like(const char *s, const wt_token *t) {
  if (t->kind != WT_TOK_PUNCT || (t->flags & WT_TOKF_QUOTE)) return 0;
  char c = s[t->span.start];
  return c == ',' || c == ';' || c == ':' || c == ')' || c == ']';
}

int wt_sentence_split(const char *s, size_t n, const wt_para *paras,
                      size_t npara, wt_token *toks, size_t ntok, wt_arena *a,
                      wt_sentence_vec *out) {
  size_t p = 0;        /* current para */
  uint32_t para_no = 0; /* counted paragraphs when paras is empty */
  size_t first = 0;
  int inq = 0;
  for (size_t t = 0; t < ntok; t++) {
    wt_token *tk = &toks[t];
    if (npara) {
      while (p + 1 < npara && tk->span.start >= paras[p].span.end) p++;
    }
    int dir = (tk->flags & WT_TOKF_QUOTE) ? sent_quote_dir(s, n, tk) : 0;
    if (dir == 1) inq = 1;
    else if (dir == 2) inq = 0;

    int brk = 0;
    size_t last = t;
    if (t + 1 >= ntok) {
      brk = 1;
    } else {
      const wt_token *nx = &toks[t + 1];
      int gap = sent_gap(s, tk->span.end, nx->span.start);
      int para_change = npara ? (p + 1 < npara &&
                                 nx->span.start >= paras[p].span.end)
                              : gap == 2;
      int fin = sent_is_final(s, tk) ||
                ((tk->flags & WT_TOKF_ABBREV) &&
                 s[tk->span.end - 1] == '.' &&
                 wt_tok_abbrev_class(s + tk->span.start,
                                     tk->span.end - tk->span.start) == 'e');
      if (para_change) {
        brk = 1;
      } else if (fin) {
        /* absorb closing quotes and brackets written against the mark */
        size_t j = t + 1;
        int closed = 0;
        while (j < ntok && toks[j].span.start == toks[j - 1].span.end &&
               toks[j].kind == WT_TOK_PUNCT &&
               sent_quote_dir(s, n, &toks[j]) == 2) {
          closed = 1;
          j++;
        }
        last = j - 1;
        if (j >= ntok) {
          brk = 1;
        } else {
          const wt_token *after = &toks[j];
          int pc = npara ? (p + 1 < npara &&
                            after->span.start >= paras[p].span.end)
                         : sent_gap(s, toks[j - 1].span.end,
                                    after->span.start) == 2;
          if (pc) brk = 1;
          else if (sent_starts_lower(s, after) ||
                   sent_is_comma_like(s, after) || sent_is_final(s, after))
            brk = 0; /* "...," kata; "p.m.?" ends at the "?" */
          else if (sent_is_ellipsis(s, tk) && inq && !closed)
            brk = 0;
          else
            brk = 1;
        }
        if (!brk) last = t;
      } else if (gap == 1 && !sent_starts_lower(s, nx) &&
                 !sent_is_comma_like(s, nx)) {
        brk = 1;
      }
    }
    if (!brk) continue;
    /* the absorbed closers belong to this sentence */
    for (size_t k = t + 1; k <= last; k++) {
      int d = sent_quote_dir(s, n, &toks[k]);
      if (d == 2) inq = 0;
    }
    t = last;
    wt_sentence *se = WT_VEC_PUSH(a, out);
    if (!se) return -1;
    se->span.start = toks[first].span.start;
    se->span.end = toks[last].span.end;
    se->tok_first = (uint32_t)first;
    se->tok_count = (uint32_t)(last - first + 1);
    se->para = npara ? (uint32_t)p : para_no;
    toks[last].flags |= WT_TOKF_SENT_END;
    first = last + 1;
    if (first < ntok) {
      int g = sent_gap(s, toks[last].span.end, toks[first].span.start);
      int pc = npara ? (p + 1 < npara &&
                        toks[first].span.start >= paras[p].span.end)
                     : g == 2;
      if (pc) {
        inq = 0;
        if (!npara) para_no++;
      }
    }
  }
  return 0;
}
