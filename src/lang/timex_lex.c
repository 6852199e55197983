/*
 * timex_lex.c - the word lists and the light tokenizer under the time and
 * figure scanners, and the number reader they share.
 *
 * Word lists (data/lang/time-*.txt, numbers-*.txt, scale.txt,
 * currency.txt, figure-words.txt) are lines "phrase TAB category TAB value
 * [TAB lang]"; count-nouns.txt and the stop-word lists are plain word
 * lists (categories cnoun and nstop).  A phrase is cut with the same tokenizer as the text, and
 * entries are keyed by the lower-cased text of their first token in an
 * open-addressing hash table, so a text token finds every phrase that can
 * start with it in one probe (done once, while tokenising).
 *
 * Tokens: a word is a run of letters (ASCII or any non-symbol UTF-8 code
 * point), digits and inner apostrophes that starts with a letter (a
 * possessive 's is left out: "Thursday's"); a number is a run of ASCII
 * digits; anything else is a one-character punctuation token.  U+00A0 is
 * white space.  Invariants: the resources are read-only after load (one
 * wt_time_res serves many threads); a token never splits a UTF-8 sequence.
 */
#include "timex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

#define LEX_MAXTOK 6
_Static_assert(WT_TXC_N <= 64, "category bits must fit a uint64_t");

typedef struct lex_ent {
  wt_tx_ent e;
  char *toks[LEX_MAXTOK]; /* lower-cased token texts after the first */
  int32_t next;           /* next entry with the same first token, -1 */
} lex_ent;

typedef struct lex_key {
  char *text; /* lower-cased first token, NULL: empty slot */
  uint32_t len, hash;
  int32_t first; /* entry list */
  uint64_t cats; /* bit c: some entry of category c starts here */
} lex_key;

struct wt_time_res {
  lex_ent *ents;
  size_t nents, capents;
  lex_key *keys;
  size_t nkeys, capkeys; /* capkeys: power of two */
};

static const struct {
  const char *name;
  int cat;
} lex_cats[] = {
    {"month", WT_TXC_MONTH},       {"weekday", WT_TXC_WEEKDAY},
    {"unit", WT_TXC_UNIT},         {"unit1", WT_TXC_UNIT1},
    {"prev", WT_TXC_PREV},         {"ago", WT_TXC_AGO},
    {"later", WT_TXC_LATER},       {"next", WT_TXC_NEXT},
    {"this", WT_TXC_THIS},         {"lastpre", WT_TXC_LASTPRE},
    {"nextpre", WT_TXC_NEXTPRE},   {"thispre", WT_TXC_THISPRE},
    {"rel", WT_TXC_REL},
    {"pod", WT_TXC_POD},           {"podrel", WT_TXC_PODREL},
    {"clock", WT_TXC_CLOCK},       {"clockpre", WT_TXC_CLOCKPRE},
    {"ampm", WT_TXC_AMPM},         {"zone", WT_TXC_ZONE},
    {"weekend", WT_TXC_WEEKEND},   {"partmod", WT_TXC_PARTMOD},
    {"halfword", WT_TXC_HALFWORD}, {"qword", WT_TXC_QWORD},
    {"halfq", WT_TXC_HALFQ},       {"ordinal", WT_TXC_ORDINAL},
    {"set", WT_TXC_SET},           {"setword", WT_TXC_SETWORD},
    {"yearpre", WT_TXC_YEARPRE},   {"yearconj", WT_TXC_YEARCONJ},
    {"onpre", WT_TXC_ONPRE},       {"dayword", WT_TXC_DAYWORD},
    {"approx", WT_TXC_APPROX},     {"the", WT_TXC_THE},
    {"unit#", WT_TXC_NUNIT},       {"whole", WT_TXC_NWHOLE},
    {"teen", WT_TXC_NTEEN},        {"tens", WT_TXC_NTENS},
    {"hundred", WT_TXC_NHUNDRED},  {"scale", WT_TXC_NSCALE},
    {"half", WT_TXC_NHALF},        {"a", WT_TXC_NA},
    {"approxnum", WT_TXC_NAPPROX}, {"few", WT_TXC_NFEW},
    {"scaleab", WT_TXC_SCALEAB},   {"cur", WT_TXC_CUR},
    {"pct", WT_TXC_PCT},           {"equiv", WT_TXC_EQUIV},
    {"basepre", WT_TXC_BASEPRE},   {"clf", WT_TXC_CLF},
    {"nstop", WT_TXC_NSTOP},       {"cnoun", WT_TXC_CNOUN},
    {"npre", WT_TXC_NPRE},         {"plan", WT_TXC_PLAN},
    {"det", WT_TXC_DET},
};

/* Word list files; numbers-*.txt use "unit" for a numeral 1-9.  Files
 * with a category here are plain lists (one word a line) of it. */
static const struct {
  const char *file;
  int lang, numerals;
  const char *cat;
} lex_files[] = {
    {"lang/time-id.txt", WT_TXL_ID, 0, NULL},
    {"lang/time-en.txt", WT_TXL_EN, 0, NULL},
    {"lang/numbers-id.txt", WT_TXL_ID, 1, NULL},
    {"lang/numbers-en.txt", WT_TXL_EN, 1, NULL},
    {"lang/scale.txt", WT_TXL_ANY, 0, NULL},
    {"lang/currency.txt", WT_TXL_ANY, 0, NULL},
    {"lang/figure-words.txt", WT_TXL_ANY, 0, NULL},
    {"lang/count-nouns.txt", WT_TXL_ANY, 0, "cnoun"},
    {"lang/stopwords-id.txt", WT_TXL_ID, 0, "nstop"},
    {"lang/stopwords-en.txt", WT_TXL_EN, 0, "nstop"},
};

/* ------------------------------------------------------------ tokenizer */

static int lex_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static uint32_t lex_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (uint32_t)lex_lower((unsigned char)s[i]);
    h *= 16777619u;
  }
  return h;
}

/* Length of the UTF-8 sequence at s (1 for a stray byte) and whether it
 * is a letter (1), white space (2) or a symbol/punctuation (0). */
static size_t lex_utf8(const unsigned char *s, size_t n, int *cls) {
  unsigned c = s[0];
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len > n) len = n;
  for (size_t k = 1; k < len; k++)
    if ((s[k] & 0xC0) != 0x80) {
      len = k;
      break;
    }
  *cls = 1;
  if (len == 1) *cls = 0;
  else if (c == 0xC2) *cls = (len > 1 && s[1] == 0xA0) ? 2 : 0;
  else if (c == 0xE2 || c == 0xF0 || (c == 0xE3 && len > 1 && s[1] == 0x80)) {
    *cls = 0;
    if (c == 0xE2 && len > 2 && s[1] == 0x80 && s[2] <= 0x8A) *cls = 2;
  } else if (c == 0xC3 && len > 1 && (s[1] == 0x97 || s[1] == 0xB7))
    *cls = 0; /* multiplication and division signs */
  return len;
}

static int lex_key_find(const wt_time_res *r, const char *s, size_t n,
                        uint32_t h) {
  if (!r->capkeys) return -1;
  size_t mask = r->capkeys - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const lex_key *k = &r->keys[i];
    if (!k->text) return -1;
    if (k->hash == h && k->len == n) {
      size_t j = 0;
      while (j < n && (unsigned char)k->text[j] == lex_lower((unsigned char)s[j])) j++;
      if (j == n) return (int)i;
    }
  }
}

/* Does a phrase of category "cur" start with the word s[0..n)? */
static int lex_is_cur(const wt_time_res *r, const char *s, size_t n) {
  int k = lex_key_find(r, s, n, lex_hash(s, n));
  if (k < 0) return 0;
  for (int32_t e = r->keys[k].first; e >= 0; e = r->ents[e].next)
    if (r->ents[e].e.cat == WT_TXC_CUR) return 1;
  return 0;
}

/* Cut s into tokens; calls emit-free logic: fills x->t (malloc'd). */
static int lex_tokenize(const wt_time_res *r, const char *s, size_t n,
                        wt_tx_text *x) {
  size_t cap = 64, nt = 0;
  wt_tx_tok *t = malloc(cap * sizeof *t);
  if (!t) return -1;
  const unsigned char *u = (const unsigned char *)s;
  uint8_t pend = 0;
  size_t i = 0;
  while (i < n) {
    unsigned c = u[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pend |= WT_TF_SP;
      i++;
      continue;
    }
    if (c == '\n') {
      pend |= WT_TF_SP | WT_TF_NL;
      i++;
      continue;
    }
    if (nt >= WT_TX_MAXTOK) break;
    wt_tx_tok k = {(uint32_t)i, 0, 0, pend, -1};
    pend = 0;
    int cls = 0;
    size_t len = c < 0x80 ? 1 : lex_utf8(u + i, n - i, &cls);
    if (c < 0x80) cls = ((c | 32) >= 'a' && (c | 32) <= 'z') ? 1 : 0;
    if (cls == 2) {
      pend |= WT_TF_SP;
      i += len;
      continue;
    }
    if (c >= '0' && c <= '9') {
      while (i < n && u[i] >= '0' && u[i] <= '9') i++;
      k.kind = WT_TK_NUM;
    } else if (cls == 1) {
      if (c >= 'A' && c <= 'Z') k.flags |= WT_TF_CAP;
      i += len;
      while (i < n) {
        unsigned d = u[i];
        if (d < 0x80) {
          if (((d | 32) >= 'a' && (d | 32) <= 'z')) i++;
          else if (d >= '0' && d <= '9') {
            /* "USD240", "Rp3.897": a currency code glued to its amount */
            if (!(k.flags & WT_TF_DIGIT) && r && lex_is_cur(r, s + k.start, i - k.start))
              break;
            k.flags |= WT_TF_DIGIT;
            i++;
          } else if (d == '\'' && i + 1 < n && ((u[i + 1] | 32) >= 'a' &&
                                                 (u[i + 1] | 32) <= 'z')) {
            /* a possessive 's ends the word: "Thursday's" */
            if ((u[i + 1] | 32) == 's' &&
                (i + 2 >= n || !(((u[i + 2] | 32) >= 'a' && (u[i + 2] | 32) <= 'z'))))
              break;
            i += 2;
          }
          else break;
        } else {
          int dc;
          size_t dl = lex_utf8(u + i, n - i, &dc);
          if (dc != 1) break;
          i += dl;
        }
      }
      k.kind = WT_TK_WORD;
    } else {
      i += len;
      k.kind = WT_TK_PUNCT;
    }
    k.end = (uint32_t)i;
    if (k.kind != WT_TK_NUM && r)
      k.key = lex_key_find(r, s + k.start, k.end - k.start,
                           lex_hash(s + k.start, k.end - k.start));
    if (nt == cap) {
      cap *= 2;
      wt_tx_tok *g = realloc(t, cap * sizeof *t);
      if (!g) {
        free(t);
        return -1;
      }
      t = g;
    }
    t[nt++] = k;
  }
  x->t = t;
  x->nt = nt;
  return 0;
}

int wt_tx_text_init(const wt_time_res *r, const char *s, size_t n,
                    const char *lang, wt_tx_text *x) {
  memset(x, 0, sizeof *x);
  x->s = s;
  x->n = n;
  x->lang = lang && !strcmp(lang, "en")   ? WT_TXL_EN
            : lang && (!strcmp(lang, "id") || !strcmp(lang, "ms")) ? WT_TXL_ID
                                                                 : WT_TXL_ANY;
  return lex_tokenize(r, s, n, x);
}

int wt_tx_key_has(const wt_time_res *r, const wt_tx_text *x, size_t i,
                  uint64_t cats) {
  return i < x->nt && x->t[i].key >= 0 && (r->keys[x->t[i].key].cats & cats);
}

void wt_tx_text_free(wt_tx_text *x) {
  free(x->t);
  x->t = NULL;
  x->nt = 0;
}

size_t wt_tx_match(const wt_time_res *r, const wt_tx_text *x, size_t i,
                   int cat, const wt_tx_ent **e) {
  if (i >= x->nt || x->t[i].key < 0 ||
      !(r->keys[x->t[i].key].cats >> cat & 1))
    return 0;
  size_t best = 0;
  for (int32_t k = r->keys[x->t[i].key].first; k >= 0; k = r->ents[k].next) {
    const lex_ent *le = &r->ents[k];
    if (le->e.cat != cat || !(le->e.lang & x->lang)) continue;
    size_t end = i + le->e.ntok;
    if (end > x->nt || end <= best) continue;
    size_t j = 1;
    for (; j < le->e.ntok; j++) {
      const char *w = le->toks[j], *p = WT_TX_TOKS(x, i + j);
      size_t wn = strlen(w), pn = WT_TX_TOKN(x, i + j);
      if (wn != pn || x->t[i + j].flags & WT_TF_NL) break;
      size_t q = 0;
      while (q < wn && (unsigned char)w[q] == lex_lower((unsigned char)p[q])) q++;
      if (q < wn) break;
    }
    if (j == le->e.ntok) {
      best = end;
      if (e) *e = &le->e;
    }
  }
  return best;
}

/* --------------------------------------------------------------- numbers */

static int tx_is_punct(const wt_tx_text *x, size_t i, char c) {
  return i < x->nt && x->t[i].kind == WT_TK_PUNCT && x->s[x->t[i].start] == c;
}

static int tx_adjacent(const wt_tx_text *x, size_t i) {
  return i < x->nt && !(x->t[i].flags & WT_TF_SP);
}

static double tx_digits(const wt_tx_text *x, size_t i) {
  double v = 0;
  for (uint32_t k = x->t[i].start; k < x->t[i].end; k++)
    v = v * 10 + (x->s[k] - '0');
  return v;
}

/* Digits with separators: 3.897  1,5  3,897  1.5  1.200.000 */
static size_t num_digits(const wt_tx_text *x, size_t i, double *v) {
  size_t g[8], ng = 0, j = i;
  char sep[8];
  g[ng++] = j++;
  while (ng < 8 && j + 1 < x->nt && (tx_is_punct(x, j, '.') ||
                                     tx_is_punct(x, j, ',')) &&
         tx_adjacent(x, j) && x->t[j + 1].kind == WT_TK_NUM &&
         tx_adjacent(x, j + 1)) {
    sep[ng] = x->s[x->t[j].start];
    g[ng++] = j + 1;
    j += 2;
  }
  if (ng == 1) {
    *v = tx_digits(x, i);
    return i + 1;
  }
  /* the decimal mark: the language's, unless the shape says otherwise */
  char dec = x->lang == WT_TXL_EN ? '.' : ',';
  int ndot = 0, ncom = 0, all3 = 1;
  for (size_t k = 1; k < ng; k++) {
    if (sep[k] == '.') ndot++;
    else ncom++;
    if (WT_TX_TOKN(x, g[k]) != 3) all3 = 0;
  }
  if (ndot && ncom) dec = sep[ng - 1];
  else if (ndot + ncom == 1) {
    char s1 = sep[1];
    if (WT_TX_TOKN(x, g[1]) != 3) dec = s1;     /* 1.5  1,5 */
    else if (x->lang == WT_TXL_ANY) dec = ','; /* 3.897: thousands */
  } else if (!all3)
    dec = sep[ng - 1];
  else
    dec = sep[1] == '.' ? ',' : '.'; /* 1.200.000  1,200,000 */
  double val = tx_digits(x, g[0]);
  size_t k = 1;
  for (; k < ng && sep[k] != dec; k++)
    val = val * pow(10, (double)WT_TX_TOKN(x, g[k])) + tx_digits(x, g[k]);
  if (k < ng) {
    val += tx_digits(x, g[k]) / pow(10, (double)WT_TX_TOKN(x, g[k]));
    k++;
  }
  *v = val;
  return g[k - 1] + 1;
}

size_t wt_tx_number(const wt_time_res *r, const wt_tx_text *x, size_t i,
                    int flags, double *v, int *approx) {
  *approx = 0;
  if (i >= x->nt) return 0;
  const wt_tx_ent *e;
  size_t end;
  if (x->t[i].kind == WT_TK_NUM) {
    end = num_digits(x, i, v);
    if ((flags & WT_TXN_SCALE)) {
      size_t e2;
      while ((e2 = wt_tx_match(r, x, end, WT_TXC_NSCALE, &e))) {
        *v *= e->num;
        end = e2;
      }
    }
    return end;
  }
  if (flags & WT_TXN_NOWORDS) return 0;
  /* numeral words */
  double total = 0, cur = 0, pend = 0;
  int any = 0, seen_a = 0;
  size_t j = i;
  end = 0;
  for (;;) {
    size_t e2 = 0;
    int cat = 0;
    static const int cats[] = {WT_TXC_NUNIT,    WT_TXC_NWHOLE, WT_TXC_NTEEN,
                               WT_TXC_NTENS,    WT_TXC_NHUNDRED,
                               WT_TXC_NSCALE,   WT_TXC_NHALF,  WT_TXC_NAPPROX,
                               WT_TXC_NFEW,     WT_TXC_NA};
    for (size_t c = 0; c < sizeof cats / sizeof *cats; c++)
      if ((e2 = wt_tx_match(r, x, j, cats[c], &e))) {
        cat = cats[c];
        break;
      }
    if (!e2) {
      /* "twenty-five", "one and a half" */
      if (any && tx_is_punct(x, j, '-') && tx_adjacent(x, j) &&
          tx_adjacent(x, j + 1) &&
          wt_tx_match(r, x, j + 1, WT_TXC_NUNIT, NULL)) {
        j++;
        continue;
      }
      if (any && x->lang != WT_TXL_ID && j + 2 < x->nt &&
          WT_TX_TOKN(x, j) == 3 && !strncasecmp(WT_TX_TOKS(x, j), "and", 3) &&
          wt_tx_match(r, x, j + 1, WT_TXC_NA, NULL) &&
          wt_tx_match(r, x, j + 2, WT_TXC_NHALF, NULL)) {
        pend += 0.5;
        end = j = j + 3;
        continue;
      }
      break;
    }
    if (cat == WT_TXC_NA) {
      /* "a" is one only when a unit-like word follows: the caller
       * decides; here it is a numeral only before hundred/thousand. */
      if (any || !(wt_tx_match(r, x, e2, WT_TXC_NHUNDRED, NULL) ||
                   wt_tx_match(r, x, e2, WT_TXC_NSCALE, NULL)))
        break;
      pend = 1;
      seen_a = 1;
    } else if (cat == WT_TXC_NUNIT) {
      if (pend && !seen_a) break; /* "dua tiga": two numbers */
      pend = e->num;
    } else if (cat == WT_TXC_NWHOLE) {
      if (pend) break;
      if (e->num >= 1000) total += e->num;
      else cur += e->num;
    } else if (cat == WT_TXC_NTEEN) {
      if (!pend) break;
      cur += pend + 10;
      pend = 0;
    } else if (cat == WT_TXC_NTENS) {
      if (!pend) break;
      cur += pend * 10;
      pend = 0;
    } else if (cat == WT_TXC_NHUNDRED) {
      if (!pend && !any) break;
      cur += (pend ? pend : 1) * 100;
      pend = 0;
    } else if (cat == WT_TXC_NSCALE) {
      if (!any || !(flags & WT_TXN_SCALE)) break;
      total += (cur + pend ? cur + pend : 1) * e->num;
      cur = pend = 0;
    } else if (cat == WT_TXC_NHALF) {
      if (any && fmod(cur + pend, 1) != 0) break;
      pend += 0.5;
      any = 1;
      end = j = e2;
      break; /* "satu setengah", "setengah": nothing follows */
    } else if (cat == WT_TXC_NAPPROX || cat == WT_TXC_NFEW) {
      if (any) break;
      *approx = 1;
      if (cat == WT_TXC_NFEW) {
        *v = NAN;
        return e2;
      }
      total = e->num;
      any = 1;
      end = j = e2;
      /* "puluhan ribu" */
      size_t e3;
      if ((flags & WT_TXN_SCALE) &&
          (e3 = wt_tx_match(r, x, j, WT_TXC_NSCALE, &e))) {
        total *= e->num;
        end = e3;
      }
      break;
    }
    any = 1;
    end = j = e2;
  }
  if (!any) return 0;
  *v = total + cur + pend;
  return end;
}

/* ---------------------------------------------------------------- load */

typedef struct lex_load {
  wt_time_res *r;
  int lang, numerals;
  const char *cat; /* plain list of this category, else NULL */
  const char *file;
  char *err;
  size_t errlen;
} lex_load;

static int lex_add_key(wt_time_res *r, const char *s, size_t n, int32_t ent) {
  if ((r->nkeys + 1) * 2 > r->capkeys) {
    size_t nc = r->capkeys ? r->capkeys * 2 : 1024;
    lex_key *nk = calloc(nc, sizeof *nk);
    if (!nk) return -1;
    for (size_t i = 0; i < r->capkeys; i++) {
      if (!r->keys[i].text) continue;
      size_t j = r->keys[i].hash & (nc - 1);
      while (nk[j].text) j = (j + 1) & (nc - 1);
      nk[j] = r->keys[i];
    }
    free(r->keys);
    r->keys = nk;
    r->capkeys = nc;
  }
  uint32_t h = lex_hash(s, n);
  int k = lex_key_find(r, s, n, h);
  if (k < 0) {
    size_t j = h & (r->capkeys - 1);
    while (r->keys[j].text) j = (j + 1) & (r->capkeys - 1);
    char *t = malloc(n + 1);
    if (!t) return -1;
    for (size_t q = 0; q < n; q++) t[q] = (char)lex_lower((unsigned char)s[q]);
    t[n] = 0;
    r->keys[j] = (lex_key){t, (uint32_t)n, h, -1, 0};
    r->nkeys++;
    k = (int)j;
  }
  r->ents[ent].next = r->keys[k].first;
  r->keys[k].first = ent;
  r->keys[k].cats |= (uint64_t)1 << r->ents[ent].e.cat;
  return 0;
}

static int lex_line(void *ud, char *line, size_t len, int lineno) {
  lex_load *L = ud;
  wt_time_res *r = L->r;
  char *f[4];
  int nf = wt_split_tabs(line, f, 4);
  if (L->cat && nf >= 1) {
    f[1] = (char *)L->cat;
    f[2] = "1";
    nf = 3;
  }
  if (nf < 3) {
    snprintf(L->err, L->errlen, "%s:%d: expected phrase, category, value",
             L->file, lineno);
    return -1;
  }
  const char *cname = f[1];
  if (L->numerals && !strcmp(cname, "unit")) cname = "unit#";
  int cat = 0;
  for (size_t i = 0; i < sizeof lex_cats / sizeof *lex_cats; i++)
    if (!strcmp(lex_cats[i].name, cname)) cat = lex_cats[i].cat;
  if (!cat) {
    snprintf(L->err, L->errlen, "%s:%d: unknown category '%s'", L->file,
             lineno, f[1]);
    return -1;
  }
  int lang = L->lang;
  if (nf > 3) lang = !strcmp(f[3], "en") ? WT_TXL_EN : !strcmp(f[3], "id") ? WT_TXL_ID : WT_TXL_ANY;
  wt_tx_text x;
  x.s = f[0];
  x.n = strlen(f[0]);
  x.lang = WT_TXL_ANY;
  if (lex_tokenize(NULL, f[0], x.n, &x) < 0) return -1;
  if (x.nt == 0 || x.nt > LEX_MAXTOK) {
    wt_tx_text_free(&x);
    snprintf(L->err, L->errlen, "%s:%d: bad phrase", L->file, lineno);
    return -1;
  }
  if (r->nents == r->capents) {
    size_t nc = r->capents ? r->capents * 2 : 512;
    lex_ent *ne = realloc(r->ents, nc * sizeof *ne);
    if (!ne) {
      wt_tx_text_free(&x);
      return -1;
    }
    r->ents = ne;
    r->capents = nc;
  }
  lex_ent *e = &r->ents[r->nents];
  memset(e, 0, sizeof *e);
  e->e.cat = (uint8_t)cat;
  e->next = -1;
  e->e.ntok = (uint8_t)x.nt;
  e->e.lang = (uint8_t)lang;
  e->e.str = strdup(f[2]);
  e->e.num = strtod(f[2], NULL);
  int rc = e->e.str ? 0 : -1;
  for (size_t k = 1; k < x.nt && !rc; k++) {
    size_t n = WT_TX_TOKN(&x, k);
    e->toks[k] = malloc(n + 1);
    if (!e->toks[k]) rc = -1;
    else {
      for (size_t q = 0; q < n; q++)
        e->toks[k][q] = (char)lex_lower((unsigned char)WT_TX_TOKS(&x, k)[q]);
      e->toks[k][n] = 0;
    }
  }
  if (!rc) rc = lex_add_key(r, WT_TX_TOKS(&x, 0), WT_TX_TOKN(&x, 0),
                            (int32_t)r->nents);
  r->nents++;
  wt_tx_text_free(&x);
  if (rc) snprintf(L->err, L->errlen, "out of memory");
  return rc;
}

wt_time_res *wt_time_load(char *err, size_t errlen) {
  wt_time_res *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  for (size_t i = 0; i < sizeof lex_files / sizeof *lex_files; i++) {
    lex_load L = {r,   lex_files[i].lang, lex_files[i].numerals,
                  lex_files[i].cat, lex_files[i].file, err, errlen};
    if (wt_data_lines(lex_files[i].file, lex_line, &L, err, errlen)) {
      wt_time_free(r);
      return NULL;
    }
  }
  return r;
}

void wt_time_free(wt_time_res *r) {
  if (!r) return;
  for (size_t i = 0; i < r->nents; i++) {
    free((char *)r->ents[i].e.str);
    for (int k = 0; k < LEX_MAXTOK; k++) free(r->ents[i].toks[k]);
  }
  for (size_t i = 0; i < r->capkeys; i++) free(r->keys[i].text);
  free(r->ents);
  free(r->keys);
  free(r);
}
