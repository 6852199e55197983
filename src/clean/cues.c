/*
 * cues.c - the clean stage's resources from data/clean/: cue phrases
 * (cues-id.txt, cues-en.txt), function words, month names, words of
 * legal notices and HTML class/id hints, and the look-ups over them.
 *
 * Invariants: phrases are stored lower-cased with single spaces; matching
 * folds ASCII case only (UTF-8 bytes compare as they are), skips leading
 * symbols and collapses spaces the same way, so "➡️ Baca  Juga :" matches
 * the phrase "baca juga".  Resources are read-only after loading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"
#include "clean_int.h"

#define CUE_MAX_LINE 512

static char cues_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static int cues_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

/* Lower-case s[0..n) into out (cap bytes), skipping leading symbols and
 * collapsing spaces; map[i] = offset in s of out[i].  Returns out length. */
static size_t cues_fold(const char *s, size_t n, char *out, size_t cap,
                        size_t *map) {
  size_t i = 0, k = 0;
  /* leading symbols: ASCII punctuation, and non-letter UTF-8 symbols
   * (arrows, emoji, bullets: lead bytes 0xE2, 0xF0, 0xEF) */
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 || c == 0xF0 || c == 0xEF) {
      i++;
      while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    } else if (c < 0x80 && !cues_alnum(c)) {
      i++;
    } else {
      break;
    }
  }
  int sp = 0;
  for (; i < n && k + 1 < cap; i++) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      sp = 1;
      continue;
    }
    if (sp && k) {
      map[k] = i;
      out[k++] = ' ';
      if (k + 1 >= cap) break;
    }
    sp = 0;
    map[k] = i;
    out[k++] = cues_lower(c);
  }
  map[k] = n;
  out[k] = '\0';
  return k;
}

static int cues_kind(const char *s) {
  static const struct {
    const char *name;
    int kind;
  } kinds[] = {{"prefix", CUE_PREFIX},     {"line", CUE_LINE},
               {"contains", CUE_CONTAINS}, {"outlet", CUE_OUTLET},
               {"source", CUE_SOURCE},     {"author", CUE_AUTHOR},
               {"editor", CUE_EDITOR},     {"reporter", CUE_REPORTER},
               {"photographer", CUE_PHOTOGRAPHER}};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (!strcmp(s, kinds[i].name)) return kinds[i].kind;
  return 0;
}

typedef struct cues_load {
  wt_clean_res *r;
  size_t cap;
  const char *file;
  char *err;
  size_t errlen;
} cues_load;

static int cues_line(void *ud, char *line, size_t len, int lineno) {
  cues_load *L = ud;
  char *f[2];
  if (wt_split_tabs(line, f, 2) != 2 || !cues_kind(f[0]) || !f[1][0]) {
    snprintf(L->err, L->errlen, "%s:%d: expected KIND<TAB>PHRASE", L->file,
             lineno);
    return -1;
  }
  wt_clean_res *r = L->r;
  if (r->n_cues == L->cap) {
    L->cap = L->cap ? L->cap * 2 : 64;
    r->cues = realloc(r->cues, L->cap * sizeof *r->cues);
    if (!r->cues) abort();
  }
  cl_cue *c = &r->cues[r->n_cues++];
  char buf[CUE_MAX_LINE];
  size_t map[CUE_MAX_LINE];
  size_t n = cues_fold(f[1], strlen(f[1]), buf, sizeof buf, map);
  c->phrase = strndup(buf, n);
  c->len = n;
  c->kind = cues_kind(f[0]);
  size_t rl = strlen(f[1]) + 8;
  c->reason = malloc(rl);
  if (!c->phrase || !c->reason) abort();
  snprintf(c->reason, rl, "cue:%s", f[1]);
  (void)len;
  return 0;
}

/* Open-addressing string set (power-of-two capacity). */
static size_t cues_slot(char **set, size_t cap, const char *w, size_t n) {
  size_t h = (size_t)wt_hash64(w, n) & (cap - 1);
  while (set[h] && !(strlen(set[h]) == n && !memcmp(set[h], w, n)))
    h = (h + 1) & (cap - 1);
  return h;
}

static int cues_word(void *ud, char *line, size_t len, int lineno) {
  wt_clean_res *r = ud;
  (void)lineno;
  if (++r->n_words * 2 > r->words_cap) return 0; /* keep the set sparse */
  for (size_t i = 0; i < len; i++) line[i] = cues_lower(line[i]);
  size_t h = cues_slot(r->words, r->words_cap, line, len);
  if (!r->words[h]) {
    r->words[h] = strndup(line, len);
    if (!r->words[h]) abort();
  }
  return 0;
}

typedef struct cues_list {
  char ***v;
  size_t *n, cap;
  int kind; /* 0: plain list; 'p'/'n': hints filter */
} cues_list;

static int cues_push(char ***v, size_t *n, size_t *cap, const char *s) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 32;
    *v = realloc(*v, *cap * sizeof **v);
    if (!*v) abort();
  }
  (*v)[(*n)++] = strdup(s);
  return 0;
}

static int cues_month(void *ud, char *line, size_t len, int lineno) {
  cues_list *L = ud;
  (void)lineno;
  for (size_t i = 0; i < len; i++) line[i] = cues_lower(line[i]);
  return cues_push(L->v, L->n, &L->cap, line);
}

typedef struct cues_hints {
  wt_clean_res *r;
  size_t cap_pos, cap_neg, cap_drop;
} cues_hints;

static int cues_hint(void *ud, char *line, size_t len, int lineno) {
  cues_hints *H = ud;
  char *f[2];
  (void)len;
  (void)lineno;
  if (wt_split_tabs(line, f, 2) != 2) return 0;
  for (char *p = f[1]; *p; p++) *p = cues_lower(*p);
  if (!strcmp(f[0], "pos"))
    cues_push(&H->r->hints_pos, &H->r->n_pos, &H->cap_pos, f[1]);
  else if (!strcmp(f[0], "neg"))
    cues_push(&H->r->hints_neg, &H->r->n_neg, &H->cap_neg, f[1]);
  else if (!strcmp(f[0], "drop"))
    cues_push(&H->r->hints_drop, &H->r->n_drop, &H->cap_drop, f[1]);
  return 0;
}

/* "KIND<TAB>name": a <meta> name and the CL_META_* it gives. */
static int cues_meta(void *ud, char *line, size_t len, int lineno) {
  static const char *const kinds[] = {"",          "title",    "site",
                                      "url",       "published", "modified",
                                      "date",      "author"};
  wt_clean_res *r = ud;
  char *f[2];
  (void)len;
  (void)lineno;
  if (wt_split_tabs(line, f, 2) != 2) return 0;
  int kind = CL_META_NONE;
  for (int k = 1; k < (int)(sizeof kinds / sizeof *kinds); k++)
    if (!strcmp(f[0], kinds[k])) kind = k;
  if (kind == CL_META_NONE) return 0;
  if (r->n_meta == r->cap_meta) {
    r->cap_meta = r->cap_meta ? r->cap_meta * 2 : 32;
    r->meta = realloc(r->meta, r->cap_meta * sizeof *r->meta);
    if (!r->meta) abort();
  }
  r->meta[r->n_meta].name = strdup(f[1]);
  if (!r->meta[r->n_meta].name) abort();
  r->meta[r->n_meta++].kind = kind;
  return 0;
}

static const char *const cues_legal_groups[4] = {"ban", "reuse", "permit",
                                                 "object"};

typedef struct cues_legal {
  wt_clean_res *r;
  size_t cap[4];
  char *err;
  size_t errlen;
} cues_legal;

static int cues_legal_line(void *ud, char *line, size_t len, int lineno) {
  cues_legal *L = ud;
  char *f[2];
  (void)len;
  if (wt_split_tabs(line, f, 2) == 2 && f[1][0])
    for (int g = 0; g < 4; g++)
      if (!strcmp(f[0], cues_legal_groups[g])) {
        for (char *q = f[1]; *q; q++) *q = cues_lower(*q);
        return cues_push(&L->r->legal[g], &L->r->n_legal[g], &L->cap[g], f[1]);
      }
  snprintf(L->err, L->errlen, "clean/legal.txt:%d: expected GROUP<TAB>PHRASE",
           lineno);
  return -1;
}

int cl_res_load(wt_clean_res *r, char *err, size_t errlen) {
  static const char *const files[] = {"clean/cues-id.txt",
                                      "clean/cues-en.txt"};
  cues_load L = {r, 0, NULL, err, errlen};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    L.file = files[i];
    if (wt_data_lines(files[i], cues_line, &L, err, errlen) != 0) return -1;
  }
  r->words_cap = 1024;
  r->words = calloc(r->words_cap, sizeof *r->words);
  if (!r->words) abort();
  if (wt_data_lines("clean/function-words.txt", cues_word, r, err,
                    errlen) != 0)
    return -1;
  cues_list M = {&r->months, &r->n_months, 0, 0};
  if (wt_data_lines("clean/months.txt", cues_month, &M, err, errlen) != 0)
    return -1;
  cues_list U = {&r->units, &r->n_units, 0, 0};
  if (wt_data_lines("clean/time-units.txt", cues_month, &U, err, errlen) != 0)
    return -1;
  cues_list P = {&r->updates, &r->n_updates, 0, 0};
  if (wt_data_lines("clean/update-words.txt", cues_month, &P, err, errlen) != 0)
    return -1;
  cues_legal G = {r, {0}, err, errlen};
  if (wt_data_lines("clean/legal.txt", cues_legal_line, &G, err, errlen) != 0)
    return -1;
  cues_hints H = {r, 0, 0, 0};
  if (wt_data_lines("clean/html-hints.txt", cues_hint, &H, err, errlen) != 0)
    return -1;
  if (wt_data_lines("clean/meta-names.txt", cues_meta, r, err, errlen) != 0)
    return -1;
  return 0;
}

static void cues_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

void cl_res_free(wt_clean_res *r) {
  for (size_t i = 0; i < r->n_cues; i++) {
    free(r->cues[i].phrase);
    free(r->cues[i].reason);
  }
  free(r->cues);
  cues_free_list(r->words, r->words_cap);
  cues_free_list(r->months, r->n_months);
  cues_free_list(r->units, r->n_units);
  cues_free_list(r->updates, r->n_updates);
  for (int g = 0; g < 4; g++) cues_free_list(r->legal[g], r->n_legal[g]);
  cues_free_list(r->hints_pos, r->n_pos);
  cues_free_list(r->hints_neg, r->n_neg);
  cues_free_list(r->hints_drop, r->n_drop);
  for (size_t i = 0; i < r->n_meta; i++) free(r->meta[i].name);
  free(r->meta);
}

/* A prefix-like cue holds when the phrase is followed by a separator (a
 * colon, a bar, a comma: "Keterangan gambar, ...") or the end of the
 * line, or the line is short and not a finished sentence: "Sumber di
 * kepolisian mengatakan ... ." is prose, not a source line. */
static int cues_prefix_ok(const char *fold, size_t flen, size_t plen,
                          size_t n) {
  if (plen < flen && cues_alnum((unsigned char)fold[plen]) &&
      fold[plen - 1] != ':')
    return 0; /* inside a word */
  size_t j = plen;
  while (j < flen && fold[j] == ' ') j++;
  if (j == flen || fold[j] == ':' || fold[j] == '|' || fold[j] == ',') return 1;
  char last = fold[flen - 1];
  return n < 120 && last != '.' && last != '"';
}

const cl_cue *cl_cue_match(const wt_clean_res *r, const char *s, size_t n,
                           size_t *rest) {
  char fold[CUE_MAX_LINE];
  size_t map[CUE_MAX_LINE];
  size_t flen = cues_fold(s, n, fold, sizeof fold, map);
  if (!flen) return NULL;
  const cl_cue *best = NULL;
  size_t best_end = 0;
  for (size_t i = 0; i < r->n_cues; i++) {
    const cl_cue *c = &r->cues[i];
    if (c->kind == CUE_LINE) {
      size_t fl = flen;
      while (fl > 0 && (fold[fl - 1] == ':' || fold[fl - 1] == ' ')) fl--;
      if (fl == c->len && !memcmp(fold, c->phrase, fl) && flen < 200) {
        best = c;
        best_end = flen;
        break;
      }
    } else if (c->kind == CUE_CONTAINS) {
      if (n < 300 && strstr(fold, c->phrase) && (!best || c->len > best_end))
        best = c, best_end = flen;
    } else if (c->len <= flen && !memcmp(fold, c->phrase, c->len) &&
               cues_prefix_ok(fold, flen, c->len, n)) {
      if (!best || c->len > best_end ||
          (best->kind == CUE_CONTAINS && c->len >= best_end))
        best = c, best_end = c->len;
    }
  }
  if (best && rest) *rest = map[best_end];
  return best;
}

int cl_is_function_word(const wt_clean_res *r, const char *w, size_t n) {
  char buf[32];
  if (n == 0 || n >= sizeof buf) return 0;
  for (size_t i = 0; i < n; i++) buf[i] = cues_lower(w[i]);
  return r->words[cues_slot(r->words, r->words_cap, buf, n)] != NULL;
}

static int cues_in(char *const *v, size_t nv, const char *w, size_t n) {
  char buf[32];
  if (n == 0 || n >= sizeof buf) return 0;
  for (size_t i = 0; i < n; i++) buf[i] = cues_lower(w[i]);
  buf[n] = '\0';
  for (size_t i = 0; i < nv; i++)
    if (!strcmp(v[i], buf)) return 1;
  return 0;
}

int cl_is_month(const wt_clean_res *r, const char *w, size_t n) {
  return cues_in(r->months, r->n_months, w, n);
}

int cl_is_update_word(const wt_clean_res *r, const char *w, size_t n) {
  return cues_in(r->updates, r->n_updates, w, n);
}

int cl_meta_kind(const wt_clean_res *r, const char *name) {
  for (size_t i = 0; i < r->n_meta; i++)
    if (!strcasecmp(r->meta[i].name, name)) return r->meta[i].kind;
  return CL_META_NONE;
}

int cl_is_time_unit(const wt_clean_res *r, const char *w, size_t n) {
  return cues_in(r->units, r->n_units, w, n);
}

/* Longest line tested for a legal notice. */
#define CUES_LEGAL_MAX 400

/* One of the phrases v[0..nv) occurs in fold as whole words ("reproduc*"
 * matches a word prefix). */
static int cues_legal_any(char *const *v, size_t nv, const char *fold,
                          size_t flen) {
  for (size_t i = 0; i < nv; i++) {
    size_t pl = strlen(v[i]);
    int stem = pl && v[i][pl - 1] == '*';
    if (stem) pl--;
    for (size_t k = 0; k + pl <= flen; k++) {
      if (memcmp(fold + k, v[i], pl) != 0) continue;
      if (k && cues_alnum((unsigned char)fold[k - 1])) continue;
      if (!stem && k + pl < flen && cues_alnum((unsigned char)fold[k + pl]))
        continue;
      return 1;
    }
  }
  return 0;
}

int cl_is_legal_notice(const wt_clean_res *r, const char *s, size_t n) {
  if (n < 20 || n > CUES_LEGAL_MAX || !r->n_legal[0]) return 0;
  char fold[CUES_LEGAL_MAX + 1];
  for (size_t i = 0; i < n; i++) fold[i] = cues_lower(s[i]);
  fold[n] = '\0';
  return cues_legal_any(r->legal[0], r->n_legal[0], fold, n) &&
         cues_legal_any(r->legal[1], r->n_legal[1], fold, n) &&
         (cues_legal_any(r->legal[2], r->n_legal[2], fold, n) ||
          cues_legal_any(r->legal[3], r->n_legal[3], fold, n));
}

static int cues_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

/* needle occurs in hay (lower case) as a word of orig: starting after a
 * non-letter or at a case change ("PageBuilder"), ending before a
 * non-letter, a case change or a plural "s" ("comments", "shareBar"). */
static int cues_word_at(const char *hay, const char *orig, const char *needle) {
  size_t nl = strlen(needle);
  int inner = !cues_lower_letter(needle[0]); /* "-ad-" carries its edges */
  for (const char *q = hay; (q = strstr(q, needle)) != NULL; q++) {
    size_t i = (size_t)(q - hay), e = i + nl;
    char prev = i ? orig[i - 1] : ' ', here = orig[i];
    int start = i == 0 || !(cues_lower_letter(prev) || (prev >= 'A' && prev <= 'Z')) ||
                (here >= 'A' && here <= 'Z' && cues_lower_letter(prev));
    if (orig[e] == 's' && !cues_lower_letter(orig[e + 1])) e++;
    int end = !cues_lower_letter(orig[e]);
    if (inner || (start && end)) return 1;
  }
  return 0;
}

int cl_hint_class(const wt_clean_res *r, const char *s) {
  char buf[256];
  size_t k = 0;
  for (; s[k] && k + 1 < sizeof buf; k++) buf[k] = cues_lower(s[k]);
  buf[k] = '\0';
  int out = 0;
  for (size_t i = 0; i < r->n_neg && !(out & 1); i++)
    if (cues_word_at(buf, s, r->hints_neg[i])) out |= 1;
  for (size_t i = 0; i < r->n_pos && !(out & 2); i++)
    if (cues_word_at(buf, s, r->hints_pos[i])) out |= 2;
  for (size_t i = 0; i < r->n_drop && !(out & 4); i++)
    if (cues_word_at(buf, s, r->hints_drop[i])) out |= 4;
  return out;
}
