/*
 * tokenize.c - UTF-8 text to tokens.
 *
 * One left-to-right pass.  At each position the longest of these wins, in
 * this order: a URL, e-mail address or domain (kompas.tv); money, a
 * currency prefix written against a number (Rp3.897, US$245, USD240); a
 * date (4/2/2026, 20/1, 2026-02-04); a number with Indonesian or English
 * separators (3.897, 1,5, 12:01); a word (letters, digits and marks, with
 * inner hyphens and apostrophes: negara-negara, ke-47, Qur'an), extended
 * by a period when it is a listed abbreviation (Dr., No.), a dotted
 * sequence (U.S., a.m., M.Si.) or an initial before a capitalised word;
 * a quotation mark (flagged WT_TOKF_QUOTE); a run of sentence-final marks
 * (..., ?!); any other punctuation or symbol, one code point each.
 * White space, control and format characters separate tokens.
 *
 * Invariants: spans are in increasing order, never overlap, never split a
 * UTF-8 sequence (invalid bytes become one-byte symbols); every token has
 * a NUL-terminated norm (case-folded NFC, in the arena) and stem == norm.
 * ASCII text never reaches utf8proc.
 *
 * The tables (data/lang/abbrev-*.txt, tok-tlds.txt, tok-currency.txt) are loaded
 * once per process and read-only afterwards, so wt_tokenize is thread-safe.
 */
#include "lang_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "../core/util.h"

/* ASCII classes */
enum {
  TC_SPACE = 1,
  TC_UPPER = 2,
  TC_LOWER = 4,
  TC_DIGIT = 8,
  TC_PUNCT = 16,
  TC_SYM = 32,
  TC_HIGH = 64,
};
#define TC_ALPHA (TC_UPPER | TC_LOWER)
#define TC_ALNUM (TC_ALPHA | TC_DIGIT)

static uint8_t tok_class[256];

#define MAX_CUR 48
static struct {
  wt_lmap abbrev; /* aux: 't' or 'e' */
  wt_lmap tld;
  char cur[MAX_CUR][8];
  uint8_t cur_len[MAX_CUR];
  uint8_t cur_first[256]; /* bytes that start a currency prefix */
  int ncur;
  int rc;
  char err[256];
} tokdata;
static pthread_once_t tok_once = PTHREAD_ONCE_INIT;

static int tok_abbrev_line(void *ud, char *line, size_t len, int lineno) {
  (void)ud;
  (void)lineno;
  char *f[2];
  int nf = wt_split_tabs(line, f, 2);
  size_t n = strlen(f[0]);
  uint32_t cls = (nf > 1 && f[1][0] == 'e') ? 'e' : 't';
  if (n > 1 && f[0][n - 1] == '.') wt_lmap_put(&tokdata.abbrev, f[0], n, NULL, 0, cls);
  return 0;
}

static int tok_tld_line(void *ud, char *line, size_t len, int lineno) {
  (void)ud;
  (void)lineno;
  for (size_t i = 0; i < len; i++)
    if (line[i] >= 'A' && line[i] <= 'Z') line[i] = (char)(line[i] + 32);
  wt_lmap_put(&tokdata.tld, line, len, NULL, 0, 0);
  return 0;
}

static int tok_cur_line(void *ud, char *line, size_t len, int lineno) {
  (void)ud;
  (void)lineno;
  if (len == 0 || len >= sizeof tokdata.cur[0] || tokdata.ncur >= MAX_CUR)
    return 0;
  memcpy(tokdata.cur[tokdata.ncur], line, len);
  tokdata.cur_first[(unsigned char)line[0]] = 1;
  tokdata.cur_len[tokdata.ncur++] = (uint8_t)len;
  return 0;
}

static void tok_load(void) {
  for (int c = 0; c < 256; c++) {
    uint8_t k = 0;
    if (c >= 0x80) k = TC_HIGH;
    else if (c == ' ' || (c >= 9 && c <= 13) || c < 32 || c == 127) k = TC_SPACE;
    else if (c >= 'A' && c <= 'Z') k = TC_UPPER;
    else if (c >= 'a' && c <= 'z') k = TC_LOWER;
    else if (c >= '0' && c <= '9') k = TC_DIGIT;
    else if (strchr("$+<=>^`|~", c)) k = TC_SYM;
    else k = TC_PUNCT;
    tok_class[c] = k;
  }
  wt_lmap_init(&tokdata.abbrev);
  wt_lmap_init(&tokdata.tld);
  char *e = tokdata.err;
  size_t el = sizeof tokdata.err;
  if (wt_data_lines("lang/abbrev-id.txt", tok_abbrev_line, NULL, e, el) ||
      wt_data_lines("lang/abbrev-en.txt", tok_abbrev_line, NULL, e, el) ||
      wt_data_lines("lang/tok-tlds.txt", tok_tld_line, NULL, e, el) ||
      wt_data_lines("lang/tok-currency.txt", tok_cur_line, NULL, e, el))
    tokdata.rc = -1;
}

int wt_tok_data_init(char *err, size_t errlen) {
  pthread_once(&tok_once, tok_load);
  if (tokdata.rc && err) snprintf(err, errlen, "%s", tokdata.err);
  return tokdata.rc;
}

int wt_tok_abbrev_class(const char *s, size_t n) {
  const wt_lmap_ent *e = wt_lmap_get(&tokdata.abbrev, s, n);
  return e ? (int)e->aux : 0;
}

/* ------------------------------------------------------ code points */

/* Decode the code point at s[i]; returns its byte length (1 for an
 * invalid byte, reported as U+FFFD). */
static inline size_t tok_cp(const char *s, size_t n, size_t i, int32_t *cp) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(n - i), cp);
  if (l <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return (size_t)l;
}

enum { K_SPACE, K_IGNORE, K_LETTER, K_MARK, K_DIGIT, K_PUNCT, K_SYM };

static int tok_kind_of(int32_t cp) {
  if (cp < 0x80) {
    uint8_t c = tok_class[cp];
    if (c & TC_SPACE) return K_SPACE;
    if (c & TC_ALPHA) return K_LETTER;
    if (c & TC_DIGIT) return K_DIGIT;
    if (c & TC_SYM) return K_SYM;
    return K_PUNCT;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    return K_LETTER;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return K_MARK;
  case UTF8PROC_CATEGORY_ND:
    return K_DIGIT;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
    return K_SPACE;
  case UTF8PROC_CATEGORY_CF:
    return K_IGNORE;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
    return K_PUNCT;
  default:
    return K_SYM;
  }
}

static int tok_is_quote(int32_t cp) {
  switch (cp) {
  case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
  case 0x00AB: case 0x00BB: case 0x201E: case 0x201A: case 0x2039:
  case 0x203A: case 0x300C: case 0x300D: case 0x201F: case 0x201B:
    return 1;
  }
  return 0;
}

static int tok_is_upper(int32_t cp) {
  if (cp < 0x80) return (tok_class[cp] & TC_UPPER) != 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int is_digit_at(const char *s, size_t n, size_t i) {
  return i < n && s[i] >= '0' && s[i] <= '9';
}
static inline int is_alpha_at(const char *s, size_t n, size_t i) {
  return i < n && (tok_class[(unsigned char)s[i]] & TC_ALPHA);
}
static inline int is_alnum_at(const char *s, size_t n, size_t i) {
  return i < n && (tok_class[(unsigned char)s[i]] & TC_ALNUM);
}

/* ------------------------------------------------------------- norm */

char *wt_tok_norm(wt_arena *a, const char *s, size_t n, size_t *len) {
  int ascii = 1;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) {
      ascii = 0;
      break;
    }
  if (!ascii) {
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_int32_t buf[257];
    utf8proc_ssize_t k = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                            (utf8proc_ssize_t)n, buf, 256, opt);
    if (k >= 0 && k <= 256) {
      utf8proc_ssize_t bl = utf8proc_reencode(buf, k, opt);
      if (bl >= 0) {
        *len = (size_t)bl;
        return wt_arena_strndup(a, (const char *)buf, (size_t)bl);
      }
    } else if (k > 256) {
      utf8proc_uint8_t *m = NULL;
      utf8proc_ssize_t bl = utf8proc_map((const utf8proc_uint8_t *)s,
                                         (utf8proc_ssize_t)n, &m, opt);
      if (bl >= 0) {
        char *r = wt_arena_strndup(a, (const char *)m, (size_t)bl);
        free(m);
        *len = (size_t)bl;
        return r;
      }
      free(m);
    }
    /* invalid UTF-8: fall through and fold the ASCII bytes only */
  }
  char *r = wt_arena_alloc(a, n + 1);
  if (!r) return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    r[i] = (char)((tok_class[c] & TC_UPPER) ? c + 32 : c);
  }
  *len = n;
  return r;
}

/* ------------------------------------------------------------ scanners */

static int tok_ieq(const char *s, size_t n, size_t i, const char *lit) {
  size_t l = strlen(lit);
  if (i + l > n) return 0;
  for (size_t k = 0; k < l; k++) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != lit[k]) return 0;
  }
  return 1;
}

static int tok_url_char(unsigned char c) {
  return c >= 0x21 && c < 0x7f && !strchr("\"'<>`{}|\\^", c);
}

/* Trim trailing punctuation that belongs to the sentence, not the URL. */
static size_t tok_url_trim(const char *s, size_t i, size_t e) {
  while (e > i && strchr(".,;:!?)]'\"", s[e - 1])) {
    if (s[e - 1] == ')' && memchr(s + i, '(', e - i)) break;
    e--;
  }
  return e;
}

/* A URL, e-mail or domain starting at i: its end, or 0. */
static size_t tok_scan_url(const char *s, size_t n, size_t i) {
  if (tok_ieq(s, n, i, "http://") || tok_ieq(s, n, i, "https://") ||
      tok_ieq(s, n, i, "ftp://") || tok_ieq(s, n, i, "www.")) {
    size_t e = i;
    while (e < n && tok_url_char((unsigned char)s[e])) e++;
    e = tok_url_trim(s, i, e);
    return e > i + 4 ? e : 0;
  }
  /* host or local part: labels of [A-Za-z0-9_+-] separated by dots */
  size_t e = i, at = 0, last_dot = 0, labels = 1, first_label = 0;
  while (e < n) {
    unsigned char c = (unsigned char)s[e];
    if ((tok_class[c] & TC_ALNUM) || c == '-' || c == '_' || c == '+') {
      e++;
    } else if (c == '.' && e > i && is_alnum_at(s, n, e + 1) &&
               s[e - 1] != '.') {
      if (!first_label) first_label = e - i;
      if (at) last_dot = e;
      else last_dot = e;
      labels++;
      e++;
    } else if (c == '@' && !at && e > i && is_alnum_at(s, n, e + 1)) {
      at = e;
      labels = 1;
      last_dot = 0;
      e++;
    } else {
      break;
    }
  }
  if (labels < 2 || !last_dot || last_dot < at) return 0;
  size_t tl = e - last_dot - 1;
  if (tl < 2 || tl > 6) return 0;
  for (size_t k = last_dot + 1; k < e; k++)
    if (!(tok_class[(unsigned char)s[k]] & TC_ALPHA)) return 0;
  if (!at) {
    char low[8];
    for (size_t k = 0; k < tl; k++) {
      char c = s[last_dot + 1 + k];
      low[k] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (!wt_lmap_get(&tokdata.tld, low, tl)) return 0;
    if (first_label < 2) return 0;
    /* a path after a domain */
    if (e < n && s[e] == '/') {
      while (e < n && tok_url_char((unsigned char)s[e])) e++;
      e = tok_url_trim(s, i, e);
    }
  }
  return e;
}

/* A number at i (digits, with . , or : between digit groups): its end. */
static size_t tok_scan_number(const char *s, size_t n, size_t i) {
  size_t e = i;
  while (is_digit_at(s, n, e)) e++;
  while (e + 1 < n && (s[e] == '.' || s[e] == ',' || s[e] == ':') &&
         is_digit_at(s, n, e + 1)) {
    e++;
    while (is_digit_at(s, n, e)) e++;
  }
  return e;
}

/* A date at i: d{1,2}/d{1,2}[/d{2,4}] or dddd-dd-dd; its end or 0. */
static size_t tok_scan_date(const char *s, size_t n, size_t i) {
  size_t e = i;
  while (is_digit_at(s, n, e) && e - i < 5) e++;
  size_t d1 = e - i;
  if (d1 >= 1 && d1 <= 2 && e < n && s[e] == '/') {
    size_t p = ++e;
    while (is_digit_at(s, n, e) && e - p < 3) e++;
    if (e - p < 1 || e - p > 2) return 0;
    if (e < n && s[e] == '/' && is_digit_at(s, n, e + 1)) {
      size_t q = ++e;
      while (is_digit_at(s, n, e) && e - q < 5) e++;
      if (e - q != 2 && e - q != 4) return 0;
    }
    if (is_digit_at(s, n, e) || (e < n && s[e] == '/')) return 0;
    return e;
  }
  if (d1 == 4 && e + 5 < n && s[e] == '-' && is_digit_at(s, n, e + 1) &&
      is_digit_at(s, n, e + 2) && s[e + 3] == '-' && is_digit_at(s, n, e + 4) &&
      is_digit_at(s, n, e + 5) && !is_digit_at(s, n, e + 6))
    return e + 6;
  return 0;
}

/* Money at i: currency prefix against a number; its end or 0. */
static size_t tok_scan_money(const char *s, size_t n, size_t i) {
  size_t best = 0;
  if (!tokdata.cur_first[(unsigned char)s[i]]) return 0;
  size_t d = i + 1;
  while (d < n && d < i + 6 && !(s[d] >= '0' && s[d] <= '9')) d++;
  if (d >= n || d >= i + 6) return 0; /* no digit right after a prefix */
  for (int k = 0; k < tokdata.ncur; k++) {
    size_t l = tokdata.cur_len[k];
    if (l > best && i + l < n && memcmp(s + i, tokdata.cur[k], l) == 0 &&
        is_digit_at(s, n, i + l))
      best = l;
  }
  if (!best) return 0;
  /* "USD240" yes, "USDA240"-like words no: the prefix must not sit inside
   * a longer word */
  if (i > 0 && is_alpha_at(s, n, i - 1)) return 0;
  return tok_scan_number(s, n, i + best);
}

/* Word at i (starts with a letter or digit): letters, digits, marks,
 * ignorables, with inner hyphens and apostrophes.  Sets *ascii, *nlet,
 * *nup and *first_up. */
typedef struct {
  int ascii, nlet, nup, first_up, hyphen;
} tok_wordinfo;

static size_t tok_scan_word(const char *s, size_t n, size_t i,
                            tok_wordinfo *wi) {
  size_t e = i;
  int32_t cp;
  int prev_word = 0;
  while (e < n) {
    unsigned char c = (unsigned char)s[e];
    if (c < 0x80) {
      uint8_t k = tok_class[c];
      if (k & TC_ALPHA) {
        if (wi->nlet == 0) wi->first_up = (k & TC_UPPER) != 0;
        wi->nlet++;
        wi->nup += (k & TC_UPPER) != 0;
        e++;
        prev_word = 1;
        continue;
      }
      if (k & TC_DIGIT) {
        e++;
        prev_word = 1;
        continue;
      }
      if ((c == '-' || c == '\'') && prev_word && e + 1 < n) {
        int32_t nx;
        tok_cp(s, n, e + 1, &nx);
        int nk = tok_kind_of(nx);
        if (nk == K_LETTER || (c == '-' && nk == K_DIGIT)) {
          wi->hyphen |= c == '-';
          e++;
          prev_word = 0;
          continue;
        }
      }
      break;
    }
    size_t l = tok_cp(s, n, e, &cp);
    int k = tok_kind_of(cp);
    if (k == K_LETTER) {
      int up = tok_is_upper(cp);
      if (wi->nlet == 0) wi->first_up = up;
      wi->nlet++;
      wi->nup += up;
    } else if (k == K_DIGIT || k == K_MARK || k == K_IGNORE) {
      /* part of the word */
    } else if ((cp == 0x2019 || cp == 0x2010 || cp == 0x2011) && prev_word &&
               e + l < n) {
      int32_t nx;
      tok_cp(s, n, e + l, &nx);
      if (tok_kind_of(nx) != K_LETTER) break;
      wi->hyphen |= cp != 0x2019;
      wi->ascii = 0;
      e += l;
      prev_word = 0;
      continue;
    } else {
      break;
    }
    wi->ascii = 0;
    e += l;
    prev_word = 1;
  }
  return e;
}

/* Dotted abbreviation at i (U.S., a.m., M.Si.): segments of 1-3 ASCII
 * letters each followed by '.', at least two; its end or 0. */
static size_t tok_scan_dotted(const char *s, size_t n, size_t i) {
  size_t e = i;
  int segs = 0;
  for (;;) {
    size_t p = e;
    while (is_alpha_at(s, n, e) && e - p < 4) e++;
    size_t l = e - p;
    if (l < 1 || l > 3 || e >= n || s[e] != '.') {
      e = p;
      break;
    }
    e++;
    segs++;
  }
  if (segs < 2 || is_alnum_at(s, n, e)) return 0;
  return e;
}

/* --------------------------------------------------------- tokenizer */

static wt_token *tok_push(wt_arena *a, wt_token_vec *out, const char *s,
                          size_t st, size_t en, int kind, int flags,
                          int ascii) {
  wt_token *t = WT_VEC_PUSH(a, out);
  if (!t) return NULL;
  t->span.start = (uint32_t)st;
  t->span.end = (uint32_t)en;
  t->kind = (uint16_t)kind;
  t->flags = (uint16_t)flags;
  size_t nl;
  char *norm;
  if (ascii) {
    norm = wt_arena_alloc(a, en - st + 1);
    if (norm)
      for (size_t k = st; k < en; k++) {
        unsigned char c = (unsigned char)s[k];
        norm[k - st] = (char)((tok_class[c] & TC_UPPER) ? c + 32 : c);
      }
  } else {
    norm = wt_tok_norm(a, s + st, en - st, &nl);
  }
  if (!norm) {
    out->n--;
    return NULL;
  }
  t->norm = t->stem = norm;
  return t;
}

int wt_tokenize(const char *s, size_t n, wt_arena *a, wt_token_vec *out) {
  pthread_once(&tok_once, tok_load);
  if (n > UINT32_MAX - 1) n = UINT32_MAX - 1;
  if (out->cap == 0 && n > 64) { /* about one token per 6 bytes */
    size_t want = n / 6 + 16;
    out->v = wt_arena_alloc(a, want * sizeof *out->v);
    out->cap = out->v ? want : 0;
  }
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp = c;
    size_t l = 1;
    int k;
    if (c < 0x80) {
      uint8_t tc = tok_class[c];
      if (tc & TC_SPACE) {
        i++;
        continue;
      }
      k = (tc & TC_ALPHA) ? K_LETTER : (tc & TC_DIGIT) ? K_DIGIT
          : (tc & TC_SYM) ? K_SYM : K_PUNCT;
    } else {
      l = tok_cp(s, n, i, &cp);
      k = tok_kind_of(cp);
      if (k == K_SPACE || k == K_IGNORE) {
        i += l;
        continue;
      }
    }

    size_t e;
    /* money: currency prefix + number */
    if ((k == K_LETTER || k == K_SYM) && (e = tok_scan_money(s, n, i))) {
      if (!tok_push(a, out, s, i, e, WT_TOK_MONEY, 0, c < 0x80)) return -1;
      i = e;
      continue;
    }
    if (k == K_LETTER || k == K_DIGIT || k == K_MARK) {
      if (k == K_DIGIT && c < 0x80) {
        if ((e = tok_scan_date(s, n, i))) {
          if (!tok_push(a, out, s, i, e, WT_TOK_DATE, 0, 1)) return -1;
          i = e;
          continue;
        }
      }
      tok_wordinfo wi = {.ascii = 1};
      e = tok_scan_word(s, n, i, &wi);
      if (e == i) e = i + l; /* a lone mark */
      /* URL, e-mail, domain */
      if (e < n && (s[e] == '.' || s[e] == '@' || s[e] == ':') && c < 0x80) {
        size_t u = tok_scan_url(s, n, i);
        if (u > e) {
          if (!tok_push(a, out, s, i, u, WT_TOK_URL, 0, 1)) return -1;
          i = u;
          continue;
        }
      }
      if (k == K_DIGIT && c < 0x80 && wi.nlet == 0) { /* 5G, 2025an: words */
        e = tok_scan_number(s, n, i);
        if (!tok_push(a, out, s, i, e, WT_TOK_NUM, 0, 1)) return -1;
        i = e;
        continue;
      }
      int flags = 0;
      if (wi.first_up) flags |= WT_TOKF_CAP;
      if (wi.nlet >= 2 && wi.nup == wi.nlet) flags |= WT_TOKF_ALLCAP;
      if (e < n && s[e] == '.' && wi.ascii && !wi.hyphen) {
        size_t d = (e - i <= 3) ? tok_scan_dotted(s, n, i) : 0;
        if (d) {
          e = d;
          flags |= WT_TOKF_ABBREV;
        } else if (wt_tok_abbrev_class(s + i, e - i + 1)) {
          e++;
          flags |= WT_TOKF_ABBREV;
        } else if (e - i == 1 && wi.first_up && e + 2 < n && s[e + 1] == ' ' &&
                   (tok_class[(unsigned char)s[e + 2]] & TC_UPPER)) {
          e++; /* an initial: "M. Jusuf" */
          flags |= WT_TOKF_ABBREV;
        }
      }
      if (!tok_push(a, out, s, i, e, WT_TOK_WORD, flags, wi.ascii)) return -1;
      i = e;
      continue;
    }
    if (tok_is_quote(cp)) {
      if (!tok_push(a, out, s, i, i + l, WT_TOK_PUNCT, WT_TOKF_QUOTE, c < 0x80))
        return -1;
      i += l;
      continue;
    }
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
      e = i;
      int32_t q;
      size_t ql;
      while (e < n && (ql = tok_cp(s, n, e, &q)) &&
             (q == '.' || q == '!' || q == '?' || q == 0x2026))
        e += ql;
      if (!tok_push(a, out, s, i, e, WT_TOK_PUNCT, 0, c < 0x80)) return -1;
      i = e;
      continue;
    }
    if (!tok_push(a, out, s, i, i + l, k == K_PUNCT ? WT_TOK_PUNCT : WT_TOK_SYM,
                  0, c < 0x80))
      return -1;
    i += l;
  }
  return 0;
}
