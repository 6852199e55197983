/*
 * gazetteer.c - the extract stage's resources: a byte trie over
 * case-folded phrases (used for the gazetteer and every cue list), the
 * gazetteer loader (every *.tsv of the gazetteer directory except
 * demonyms.tsv), demonyms, the role table, and the word lists of
 * data/extract/.
 *
 * Trie: nodes are numbers; an edge (node, byte) -> child lives in one
 * open-addressing hash table, so a lookup costs one probe per byte and the
 * trie has no per-node child arrays.  A key is stored case-folded with
 * whitespace runs as one space.  Matching walks from a word start and
 * reports every key end that falls on a word boundary, so the caller can
 * take the longest one that passes its own checks (case-sensitive aliases,
 * short-name guards).  Matching never allocates.
 *
 * Invariants: resources are read-only once wt_extract_load* returns; all
 * strings live in r->arena; a malformed data line is skipped, never fatal.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/calendar.h"
#include "../core/util.h"
#include "ner.h"
#include "xint.h"

/* ------------------------------------------------------------------ trie */

static uint64_t trie_hash(uint64_t k) {
  k ^= k >> 29;
  k *= 0x9E3779B97F4A7C15ull;
  return k ^ (k >> 32);
}

static int trie_grow_edges(x_trie *t) {
  size_t ncap = t->hcap ? t->hcap * 2 : 1024;
  uint64_t *nk = calloc(ncap, sizeof *nk);
  uint32_t *nv = malloc(ncap * sizeof *nv);
  if (!nk || !nv) {
    free(nk);
    free(nv);
    return -1;
  }
  for (size_t i = 0; i < t->hcap; i++) {
    if (!t->hkey[i]) continue;
    size_t j = trie_hash(t->hkey[i]) & (ncap - 1);
    while (nk[j]) j = (j + 1) & (ncap - 1);
    nk[j] = t->hkey[i];
    nv[j] = t->hval[i];
  }
  free(t->hkey);
  free(t->hval);
  t->hkey = nk;
  t->hval = nv;
  t->hcap = ncap;
  return 0;
}

static inline uint32_t trie_child(const x_trie *t, uint32_t node,
                                  unsigned char b) {
  if (!t->hcap) return 0;
  uint64_t k = (((uint64_t)node << 8) | b) + 1;
  size_t j = trie_hash(k) & (t->hcap - 1);
  for (;;) {
    uint64_t h = t->hkey[j];
    if (h == k) return t->hval[j];
    if (!h) return 0;
    j = (j + 1) & (t->hcap - 1);
  }
}

static long trie_node_new(x_trie *t) {
  if (t->n_nodes == t->cap_nodes) {
    size_t nc = t->cap_nodes ? t->cap_nodes * 2 : 256;
    uint32_t *nt = realloc(t->term, nc * sizeof *nt);
    if (!nt) return -1;
    t->term = nt;
    t->cap_nodes = nc;
  }
  t->term[t->n_nodes] = 0;
  return (long)t->n_nodes++;
}

static unsigned char trie_key_byte(unsigned char c) {
  if (c == '\t' || c == '\n' || c == '\r') return ' ';
  return x_fold(c);
}

int x_trie_add(x_trie *t, const char *s, size_t n, int32_t val) {
  while (n && (s[0] == ' ' || s[0] == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (!n) return -1;
  if (!t->n_nodes && trie_node_new(t) < 0) return -1;
  uint32_t node = 0;
  unsigned char prev = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char b = trie_key_byte((unsigned char)s[i]);
    if (b == ' ' && prev == ' ') continue;
    prev = b;
    uint32_t ch = trie_child(t, node, b);
    if (!ch) {
      if ((t->hn + 1) * 4 > t->hcap * 3 && trie_grow_edges(t) < 0) return -1;
      long nn = trie_node_new(t);
      if (nn < 0) return -1;
      uint64_t k = (((uint64_t)node << 8) | b) + 1;
      size_t j = trie_hash(k) & (t->hcap - 1);
      while (t->hkey[j]) j = (j + 1) & (t->hcap - 1);
      t->hkey[j] = k;
      t->hval[j] = (uint32_t)nn;
      t->hn++;
      ch = (uint32_t)nn;
    }
    node = ch;
  }
  if (t->n_pay == t->cap_pay) {
    size_t nc = t->cap_pay ? t->cap_pay * 2 : 64;
    int32_t *a = realloc(t->pay_val, nc * sizeof *a);
    if (!a) return -1;
    t->pay_val = a;
    int32_t *b = realloc(t->pay_next, nc * sizeof *b);
    if (!b) return -1;
    t->pay_next = b;
    t->cap_pay = nc;
  }
  /* append to the end of the node's chain so file order is kept */
  int32_t p = (int32_t)t->n_pay++;
  t->pay_val[p] = val;
  t->pay_next[p] = -1;
  if (!t->term[node]) {
    t->term[node] = (uint32_t)p + 1;
  } else {
    int32_t q = (int32_t)t->term[node] - 1;
    while (t->pay_next[q] >= 0) q = t->pay_next[q];
    t->pay_next[q] = p;
  }
  return 0;
}

void x_trie_free(x_trie *t) {
  free(t->term);
  free(t->hkey);
  free(t->hval);
  free(t->pay_val);
  free(t->pay_next);
  memset(t, 0, sizeof *t);
}

/* Word characters: ASCII letters and digits, and any non-ASCII character
 * except the punctuation and spaces news text uses (U+00A0, U+00AB,
 * U+00BB, U+2000-U+206F: dashes, curly quotes, ellipsis). */
int x_word_at(const char *s, size_t n, size_t i) {
  if (i >= n) return 0;
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  if (c == 0xC2 && i + 1 < n) {
    unsigned char d = (unsigned char)s[i + 1];
    return !(d == 0xA0 || d == 0xAB || d == 0xBB || d < 0xC0);
  }
  if (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x80) return 0;
  if (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x81) return 0;
  return c >= 0xC0;
}

int x_word_before(const char *s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
  return x_word_at(s, i, j);
}

size_t x_trie_walk(const x_trie *t, const char *s, size_t n, size_t pos,
                   uint32_t *ends, int32_t *heads, size_t max) {
  if (!t->n_nodes) return 0;
  uint32_t node = 0;
  size_t k = 0;
  for (size_t i = pos; i < n; i++) {
    unsigned char b = (unsigned char)s[i];
    if (b == '\n' || b == '\r' || b == '\t') b = ' ';
    node = trie_child(t, node, x_fold(b));
    if (!node) break;
    if (t->term[node] && !x_word_at(s, n, i + 1) && k < max) {
      ends[k] = (uint32_t)(i + 1);
      heads[k] = (int32_t)t->term[node] - 1;
      k++;
    }
  }
  return k;
}

size_t x_trie_longest(const x_trie *t, const char *s, size_t n, size_t pos,
                      int32_t *val) {
  uint32_t ends[32];
  int32_t heads[32];
  size_t k = x_trie_walk(t, s, n, pos, ends, heads, 32);
  if (!k) return 0;
  if (val) *val = t->pay_val[heads[k - 1]];
  return ends[k - 1];
}

/* ------------------------------------------------------- gazetteer match */

/* Does the text s[0..n) match alias a under the case rules?  Exact for
 * case-sensitive aliases; otherwise case-insensitive except that a person
 * name never matches all-lower-case text ("trump card"), a short name
 * (<= 4 bytes) never matches all-lower-case text ("xi" in a word list),
 * and a short mixed-case name never matches all-caps text ("XI" in
 * "Komisi XI"). */
static int gaz_case_ok(const wt_extract_res *r, const x_alias *a,
                       const char *s, size_t n) {
  if (a->exact) return memcmp(a->exact, s, n) == 0;
  int lower = 0, upper = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') lower = 1;
    if (s[i] >= 'A' && s[i] <= 'Z') upper = 1;
  }
  if (!upper && a->has_upper &&
      (n <= 4 || r->ents[a->ent].type == WT_ENT_PERSON))
    return 0;
  if (upper && !lower && n <= 3 && a->has_upper) {
    /* all-caps text: the alias must be all caps too */
    return 0;
  }
  return 1;
}

size_t x_gaz_match(const wt_extract_res *r, const char *s, size_t n,
                   size_t pos, int32_t *alias) {
  uint32_t ends[32];
  int32_t heads[32];
  size_t k = x_trie_walk(&r->gaz, s, n, pos, ends, heads, 32);
  while (k-- > 0) {
    for (int32_t p = heads[k]; p >= 0; p = r->gaz.pay_next[p]) {
      const x_alias *a = &r->aliases[r->gaz.pay_val[p]];
      if (gaz_case_ok(r, a, s + pos, ends[k] - pos)) {
        *alias = r->gaz.pay_val[p];
        return ends[k];
      }
    }
  }
  return 0;
}

/* Is byte i inside a URL, e-mail address or domain?  The run of
 * non-space bytes around i holds "://", "www.", '@', or a dot followed by
 * a letter with no space after the dot ("kompas.com"). */
int x_in_url(const char *s, size_t n, size_t i) {
  size_t a = i, b = i;
  while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n' && i - a < 200) a--;
  while (b < n && s[b] != ' ' && s[b] != '\n' && b - i < 200) b++;
  for (size_t j = a; j < b; j++) {
    if (s[j] == '@') return 1;
    if (s[j] == ':' && j + 2 < b && s[j + 1] == '/' && s[j + 2] == '/')
      return 1;
    if (s[j] == '.' && j + 1 < b && j > a) {
      unsigned char c = (unsigned char)s[j + 1];
      if (!((c >= 'a' && c <= 'z'))) continue;
      /* a lower-case letter right after a dot inside a word: a domain */
      if (x_word_at(s, n, j - 1)) return 1;
    }
    if (j + 4 <= b && x_fold((unsigned char)s[j]) == 'w' &&
        strncmp(s + j, "www.", 4) == 0)
      return 1;
  }
  return 0;
}

size_t wt_extract_gazetteer_scan(const wt_extract_res *r, const char *s,
                                 size_t n, wt_span *out, size_t max) {
  size_t k = 0, i = 0;
  while (i < n) {
    if (!x_word_at(s, n, i) || x_word_before(s, i)) {
      i++;
      continue;
    }
    int32_t al;
    size_t e = x_gaz_match(r, s, n, i, &al);
    if (e && !x_in_url(s, n, i)) {
      if (k < max) out[k].start = (uint32_t)i, out[k].end = (uint32_t)e;
      k++;
      i = e;
      continue;
    }
    while (i < n && x_word_at(s, n, i)) i++;
  }
  return k;
}

/* ------------------------------------------------------------ data files */

/* Walk the lines of a file given by absolute path (comments and blank
 * lines skipped), like wt_data_lines does under the data directory. */
static int gaz_file_lines(const char *path, wt_line_fn fn, void *ud,
                          char *err, size_t errlen) {
  char *buf;
  size_t len;
  if (wt_read_file(path, (size_t)64 << 20, &buf, &len, err, errlen) < 0)
    return -1;
  int rc = 0, lineno = 0;
  char *p = buf;
  while (p < buf + len && rc == 0) {
    char *e = memchr(p, '\n', (size_t)(buf + len - p));
    if (!e) e = buf + len;
    *e = '\0';
    lineno++;
    size_t n = (size_t)(e - p);
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
      p[--n] = '\0';
    if (n && p[0] != '#') rc = fn(ud, p, n, lineno);
    p = e + 1;
  }
  free(buf);
  return rc;
}

static uint64_t gaz_id_hash(const char *id) {
  return wt_hash64(id, strlen(id));
}

int32_t x_gaz_find(const wt_extract_res *r, const char *id) {
  if (!r->id_cap || !id) return -1;
  size_t j = gaz_id_hash(id) & (r->id_cap - 1);
  while (r->id_tab[j] >= 0) {
    if (strcmp(r->ents[r->id_tab[j]].id, id) == 0) return r->id_tab[j];
    j = (j + 1) & (r->id_cap - 1);
  }
  return -1;
}

static int gaz_build_ids(wt_extract_res *r) {
  size_t cap = 64;
  while (cap < r->n_ents * 2 + 2) cap *= 2;
  r->id_tab = malloc(cap * sizeof *r->id_tab);
  if (!r->id_tab) return -1;
  memset(r->id_tab, 0xff, cap * sizeof *r->id_tab);
  r->id_cap = cap;
  for (size_t i = 0; i < r->n_ents; i++) {
    size_t j = gaz_id_hash(r->ents[i].id) & (cap - 1);
    while (r->id_tab[j] >= 0) {
      if (strcmp(r->ents[r->id_tab[j]].id, r->ents[i].id) == 0) break;
      j = (j + 1) & (cap - 1);
    }
    if (r->id_tab[j] < 0) r->id_tab[j] = (int32_t)i; /* first line wins */
  }
  return 0;
}

#define GAZ_GROW(r, arr, n, cap)                                         \
  do {                                                                   \
    if ((n) == (cap)) {                                                  \
      size_t nc_ = (cap) ? (cap) * 2 : 64;                               \
      void *p_ = realloc((arr), nc_ * sizeof *(arr));                    \
      if (!p_) return -1;                                                \
      (arr) = p_;                                                        \
      (cap) = nc_;                                                       \
    }                                                                    \
  } while (0)

static const struct {
  const char *name;
  uint32_t bit;
} gaz_tag_names[] = {
    {"country", XT_COUNTRY},         {"capital", XT_CAPITAL},
    {"city", XT_CITY},               {"province", XT_PROVINCE},
    {"regency", XT_REGENCY},         {"region", XT_REGION},
    {"continent", XT_CONTINENT},     {"io", XT_IO},
    {"agency", XT_AGENCY},           {"broadcaster", XT_BROADCASTER},
    {"outlet", XT_OUTLET},           {"party", XT_PARTY},
    {"ministry", XT_MINISTRY},       {"government", XT_GOVERNMENT},
    {"military", XT_MILITARY},       {"company", XT_COMPANY},
    {"head-of-state", XT_HEAD_STATE}, {"head-of-government", XT_HEAD_GOV},
    {"minister", XT_MINISTER},       {"leader", XT_LEADER},
    {"casesensitive", XT_CASESENS},
};

static wt_ent_type gaz_type(const char *s) {
  if (strcmp(s, "person") == 0) return WT_ENT_PERSON;
  if (strcmp(s, "org") == 0) return WT_ENT_ORG;
  if (strcmp(s, "place") == 0) return WT_ENT_PLACE;
  return WT_ENT_MISC;
}

static int gaz_add_alias(wt_extract_res *r, int32_t ent, const char *s,
                         size_t n, int casesens) {
  while (n && *s == ' ') s++, n--;
  while (n && s[n - 1] == ' ') n--;
  if (!n || n > 200) return 0;
  GAZ_GROW(r, r->aliases, r->n_aliases, r->cap_aliases);
  x_alias *a = &r->aliases[r->n_aliases];
  a->ent = ent;
  a->len = (uint16_t)n;
  a->has_upper = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 'A' && s[i] <= 'Z') a->has_upper = 1;
  /* short all-caps aliases of a case-sensitive entity match exactly */
  int allcaps = a->has_upper;
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 'a' && s[i] <= 'z') allcaps = 0;
  a->exact = casesens && allcaps ? wt_arena_strndup(r->arena, s, n) : NULL;
  if (x_trie_add(&r->gaz, s, n, (int32_t)r->n_aliases) < 0) return -1;
  r->n_aliases++;
  return 0;
}

/* Append country id to g's member list (" id id ... "). */
static int gaz_add_member(wt_extract_res *r, x_gent *g, const char *id) {
  size_t old = g->members ? strlen(g->members) : 1, n = strlen(id);
  char *m = wt_arena_alloc(r->arena, old + n + 2);
  if (!m) return -1;
  memcpy(m, g->members ? g->members : " ", old);
  memcpy(m + old, id, n);
  m[old + n] = ' ';
  m[old + n + 1] = '\0';
  g->members = m;
  return 0;
}

static int gaz_line(void *ud, char *line, size_t len, int lineno) {
  wt_extract_res *r = ud;
  char *f[5] = {0};
  int k = wt_split_tabs(line, f, 5);
  if (k < 3 || !*f[0] || !*f[2]) return 0;
  GAZ_GROW(r, r->ents, r->n_ents, r->cap_ents);
  x_gent *g = &r->ents[r->n_ents];
  memset(g, 0, sizeof *g);
  g->id = wt_arena_strdup(r->arena, f[0]);
  g->name = wt_arena_strdup(r->arena, f[2]);
  g->type = (uint8_t)gaz_type(f[1]);
  if (k >= 5) {
    for (char *tok = strtok(f[4], ", "); tok; tok = strtok(NULL, ", ")) {
      for (size_t i = 0; i < sizeof gaz_tag_names / sizeof *gaz_tag_names;
           i++)
        if (strcmp(tok, gaz_tag_names[i].name) == 0)
          g->tags |= gaz_tag_names[i].bit;
      if (strncmp(tok, "metonym:", 8) == 0)
        g->metonym = wt_arena_strdup(r->arena, tok + 8);
      if (strncmp(tok, "in:", 3) == 0)
        g->in = wt_arena_strdup(r->arena, tok + 3);
      if (strncmp(tok, "member:", 7) == 0 &&
          gaz_add_member(r, g, tok + 7) < 0)
        return -1;
    }
  }
  int32_t ei = (int32_t)r->n_ents++;
  int cs = (g->tags & XT_CASESENS) != 0;
  if (gaz_add_alias(r, ei, f[2], strlen(f[2]), cs) < 0) return -1;
  if (k >= 4 && *f[3]) {
    char *p = f[3];
    for (;;) {
      char *bar = strchr(p, '|');
      size_t n = bar ? (size_t)(bar - p) : strlen(p);
      if (gaz_add_alias(r, ei, p, n, cs) < 0) return -1;
      if (!bar) break;
      p = bar + 1;
    }
  }
  return 0;
}

static int gaz_demonym_line(void *ud, char *line, size_t len, int lineno) {
  wt_extract_res *r = ud;
  char *f[2];
  if (wt_split_tabs(line, f, 2) < 2) return 0;
  int32_t e = x_gaz_find(r, f[1]);
  if (e < 0) return 0;
  return x_trie_add(&r->demonyms, f[0], strlen(f[0]), e) < 0 ? -1 : 0;
}

static int gaz_role_line(void *ud, char *line, size_t len, int lineno) {
  wt_extract_res *r = ud;
  char *f[4] = {0};
  int k = wt_split_tabs(line, f, 4);
  if (k < 2 || !*f[0]) return 0;
  GAZ_GROW(r, r->roles, r->n_roles, r->cap_roles);
  x_role *ro = &r->roles[r->n_roles];
  ro->ent = x_gaz_find(r, f[1]);
  ro->from = k >= 3 && *f[2] ? wt_day_parse(f[2]) : WT_NO_DAY;
  ro->to = k >= 4 && *f[3] ? wt_day_parse(f[3]) : WT_NO_DAY;
  if (ro->ent < 0) return 0;
  if (x_trie_add(&r->role_phrases, f[0], strlen(f[0]), (int32_t)r->n_roles) <
      0)
    return -1;
  r->n_roles++;
  return 0;
}

static int gaz_dir_load(wt_extract_res *r, const char *dir, char *err,
                        size_t errlen) {
  DIR *dp = opendir(dir);
  if (!dp) return 0; /* no gazetteer yet: rules only */
  char *names[256];
  size_t nn = 0;
  struct dirent *de;
  while ((de = readdir(dp)) && nn < 256) {
    size_t l = strlen(de->d_name);
    if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0) continue;
    if (strcmp(de->d_name, "demonyms.tsv") == 0) continue;
    names[nn++] = strdup(de->d_name);
  }
  closedir(dp);
  /* a fixed order so that "first line wins" is reproducible */
  for (size_t i = 1; i < nn; i++)
    for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  int rc = 0;
  char path[4096];
  for (size_t i = 0; i < nn; i++) {
    if (rc == 0) {
      snprintf(path, sizeof path, "%s/%s", dir, names[i]);
      rc = gaz_file_lines(path, gaz_line, r, err, errlen);
    }
    free(names[i]);
  }
  if (rc) return rc;
  if (gaz_build_ids(r) < 0) return -1;
  snprintf(path, sizeof path, "%s/demonyms.tsv", dir);
  char e2[256];
  if (gaz_file_lines(path, gaz_demonym_line, r, e2, sizeof e2) > 0) return -1;
  return 0;
}

/* ------------------------------------------------------------ word lists */

typedef struct gaz_list {
  x_trie *t;
  x_kv **kv;
  size_t *n, *cap;
  const char *const *kinds; /* kind names, index + 1 = kind value */
} gaz_list;

static int gaz_plain_line(void *ud, char *line, size_t len, int lineno) {
  x_trie *t = ud;
  return x_trie_add(t, line, len, 0) < 0 ? -1 : 0;
}

static int gaz_kv_line(void *ud, char *line, size_t len, int lineno) {
  gaz_list *l = ud;
  char *f[2] = {0};
  int k = wt_split_tabs(line, f, 2);
  uint8_t kind = 1;
  if (k == 2)
    for (int i = 0; l->kinds[i]; i++)
      if (strcmp(f[1], l->kinds[i]) == 0) kind = (uint8_t)(i + 1);
  if (*l->n == *l->cap) {
    size_t nc = *l->cap ? *l->cap * 2 : 64;
    x_kv *p = realloc(*l->kv, nc * sizeof *p);
    if (!p) return -1;
    *l->kv = p;
    *l->cap = nc;
  }
  x_kv *kv = &(*l->kv)[*l->n];
  kv->norm = strdup(f[0]);
  if (!kv->norm) return -1;
  for (char *p = (char *)kv->norm; *p; p++) *p = (char)x_fold((unsigned char)*p);
  kv->kind = kind;
  if (x_trie_add(l->t, f[0], strlen(f[0]), (int32_t)*l->n) < 0) return -1;
  (*l->n)++;
  return 0;
}

/* "PT6H", "P3D", "PT90M" as minutes; "-" is 0; -2 when malformed. */
static int32_t gaz_iso_minutes(const char *s) {
  if (strcmp(s, "-") == 0) return 0;
  if (s[0] != 'P') return -2;
  long total = 0;
  int in_time = 0;
  for (const char *p = s + 1; *p;) {
    if (*p == 'T') {
      in_time = 1;
      p++;
      continue;
    }
    char *end;
    long v = strtol(p, &end, 10);
    if (end == p || v < 0 || v > 100000) return -2;
    switch (*end) {
    case 'D': total += v * 1440; break;
    case 'H': if (!in_time) return -2; total += v * 60; break;
    case 'M': if (!in_time) return -2; total += v; break;
    default: return -2;
    }
    p = end + 1;
  }
  return total > 0 && total < INT32_MAX ? (int32_t)total : -2;
}

/* Index of type id, or -1. */
static int32_t gaz_type_index(const wt_extract_res *r, const char *id,
                              size_t n) {
  for (size_t t = 0; t < r->n_types; t++)
    if (strlen(r->types[t].id) == n && memcmp(r->types[t].id, id, n) == 0)
      return (int32_t)t;
  return -1;
}

/* Add the '|'-separated cues of field p to trie t with payload val. */
static int gaz_add_cues(x_trie *t, char *p, int32_t val) {
  while (*p) {
    char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n && x_trie_add(t, p, n, val) < 0) return -1;
    if (!bar) break;
    p = bar + 1;
  }
  return 0;
}

static int gaz_type_line(void *ud, char *line, size_t len, int lineno) {
  wt_extract_res *r = ud;
  char *f[8] = {0};
  int k = wt_split_tabs(line, f, 8);
  if (k < 4) return 0;
  GAZ_GROW(r, r->types, r->n_types, r->cap_types);
  x_evtype *ty = &r->types[r->n_types];
  ty->id = wt_arena_strdup(r->arena, f[0]);
  ty->label = wt_arena_strdup(r->arena, f[1]);
  ty->priority = atoi(f[2]);
  static const char *const actors[] = {"person", "pair", "org", "civil",
                                       "none", "appoint", "agent",
                                       "sides", "candidates"};
  ty->actors = XA_PERSON;
  for (uint8_t a = 0; k >= 6 && a < sizeof actors / sizeof *actors; a++)
    if (strcmp(f[5], actors[a]) == 0) ty->actors = a;
  ty->frame = XR_PLAIN;
  if (k >= 7 && strcmp(f[6], "contact") == 0) ty->frame = XR_CONTACT;
  if (k >= 7 && strcmp(f[6], "outcome") == 0) ty->frame = XR_OUTCOME;
  ty->lasts = k >= 8 ? gaz_iso_minutes(f[7]) : -1;
  if (ty->lasts == -2) {
    snprintf(r->load_err, sizeof r->load_err,
             "event-types.tsv:%d: bad duration \"%s\"", lineno, f[7]);
    return -1;
  }
  for (int c = 3; c < k && c < 5; c++)
    if (gaz_add_cues(&r->type_cues, f[c], (int32_t)r->n_types) < 0) return -1;
  r->n_types++;
  return 0;
}

/* "type <TAB> held,types <TAB> cues id <TAB> cues en" (after
 * event-types.tsv: the ids must be known). */
static int gaz_hold_line(void *ud, char *line, size_t len, int lineno) {
  wt_extract_res *r = ud;
  char *f[4] = {0};
  (void)len;
  if (wt_split_tabs(line, f, 4) < 3) return 0;
  GAZ_GROW(r, r->holds, r->n_holds, r->cap_holds);
  x_hold *h = &r->holds[r->n_holds];
  h->type = gaz_type_index(r, f[0], strlen(f[0]));
  h->held = 0;
  for (char *p = f[1]; h->type >= 0 && *p;) {
    size_t n = strcspn(p, ",");
    int32_t t = gaz_type_index(r, p, n);
    if (t < 0 || t >= 32) {
      h->type = -1;
      break;
    }
    h->held |= 1u << t;
    p += n + (p[n] == ',');
  }
  if (h->type < 0) {
    snprintf(r->load_err, sizeof r->load_err,
             "holding-events.tsv:%d: unknown event type", lineno);
    return -1;
  }
  for (int c = 2; c < 4 && f[c]; c++)
    if (gaz_add_cues(&r->hold_cues, f[c], (int32_t)r->n_holds) < 0) return -1;
  r->n_holds++;
  return 0;
}

/* "word <TAB> class [<TAB> value]": into the trie of that class (unknown
 * classes are skipped); a members word's value is its portfolio, the role
 * phrase's head ("Menteri Luar Negeri"), kept as the payload (index + 1,
 * 0 = none). */
static int gaz_word_line(void *ud, char *line, size_t len, int lineno) {
  static const char *const classes[XW_N] = {
      "pron", "loc", "lasting", "from", "that", "to", "asis", "clause",
      "state", "during", "modhead", "modtail", "weekday", "topic",
      "predecessor", "passive", "aux", "agent", "plan", "through",
      "witness", "organiser", "members", "chair", "watch", "ceremony", "commasub",
      "office", "target", "conj", "rel", "orgjoin", "rank", "namejoin",
      "mate", "listing", "kin", "facility"};
  wt_extract_res *r = ud;
  char *f[3] = {0};
  int k = wt_split_tabs(line, f, 3);
  if (k < 2 || !*f[0]) return 0;
  if (strcmp(f[1], "home") == 0)
    return (r->home = wt_arena_strdup(r->arena, f[0])) ? 0 : -1;
  int32_t val = 0;
  if (k >= 3 && strcmp(f[1], "rank") == 0) val = atoi(f[2]);
  if (k >= 3 && *f[2] && strcmp(f[1], "members") == 0) {
    for (int i = 0; i < r->n_portfolio && !val; i++)
      if (strcmp(r->portfolio[i], f[2]) == 0) val = i + 1;
    if (!val && r->n_portfolio < X_MAX_PORTFOLIO) {
      if (!(r->portfolio[r->n_portfolio] = wt_arena_strdup(r->arena, f[2])))
        return -1;
      val = ++r->n_portfolio;
    }
  }
  for (int i = 0; i < XW_N; i++)
    if (strcmp(f[1], classes[i]) == 0)
      return x_trie_add(&r->words[i], f[0], strlen(f[0]), val) < 0 ? -1 : 0;
  return 0;
}

static int gaz_lists_load(wt_extract_res *r, char *err, size_t errlen) {
  static const char *const verb_kinds[] = {"v", "pron", "acc", "stmt", NULL};
  static const char *const cue_kinds[] = {"wire", "stmt", NULL};
  static const struct {
    const char *file;
    size_t off;
  } plain[] = {
      {"extract/titles-id.txt", offsetof(wt_extract_res, titles)},
      {"extract/titles-en.txt", offsetof(wt_extract_res, titles)},
      {"extract/role-words.txt", offsetof(wt_extract_res, role_words)},
      {"extract/org-cues-id.txt", offsetof(wt_extract_res, org_cues)},
      {"extract/org-cues-en.txt", offsetof(wt_extract_res, org_cues)},
      {"extract/not-names.txt", offsetof(wt_extract_res, not_names)},
      {"extract/subordinators.txt", offsetof(wt_extract_res, subords)},
  };
  for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
    x_trie *t = (x_trie *)((char *)r + plain[i].off);
    if (wt_data_lines(plain[i].file, gaz_plain_line, t, err, errlen) != 0)
      return -1;
  }
  gaz_list vl = {&r->verb_trie, &r->verbs, &r->n_verbs, &r->cap_verbs,
                 verb_kinds};
  gaz_list cl = {&r->cue_trie, &r->cues, &r->n_cues, &r->cap_cues,
                 cue_kinds};
  if (wt_data_lines("extract/speech-verbs-id.txt", gaz_kv_line, &vl, err,
                    errlen) ||
      wt_data_lines("extract/speech-verbs-en.txt", gaz_kv_line, &vl, err,
                    errlen) ||
      wt_data_lines("extract/source-cues-id.txt", gaz_kv_line, &cl, err,
                    errlen) ||
      wt_data_lines("extract/source-cues-en.txt", gaz_kv_line, &cl, err,
                    errlen) ||
      wt_data_lines("extract/event-types.tsv", gaz_type_line, r, err, errlen) ||
      wt_data_lines("extract/holding-events.tsv", gaz_hold_line, r, err,
                    errlen) ||
      wt_data_lines("extract/function-words.txt", gaz_word_line, r, err,
                    errlen)) {
    if (r->load_err[0]) snprintf(err, errlen, "%s", r->load_err);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------ public API */

wt_extract_res *wt_extract_load_from(const char *gaz_dir,
                                     const char *roles_path, char *err,
                                     size_t errlen) {
  wt_extract_res *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->arena = wt_arena_new(0);
  char dflt[4096], rdflt[4096];
  if (!gaz_dir) gaz_dir = wt_data_path(dflt, sizeof dflt, "extract/gazetteer");
  if (!roles_path)
    roles_path = wt_data_path(rdflt, sizeof rdflt, "extract/roles.tsv");
  if (gaz_dir_load(r, gaz_dir, err, errlen) != 0 ||
      gaz_lists_load(r, err, errlen) != 0) {
    if (!*err) snprintf(err, errlen, "extract: out of memory loading data");
    wt_extract_free(r);
    return NULL;
  }
  if (!r->id_tab && gaz_build_ids(r) < 0) {
    wt_extract_free(r);
    return NULL;
  }
  char e2[256];
  FILE *f = fopen(roles_path, "r");
  if (f) {
    fclose(f);
    if (gaz_file_lines(roles_path, gaz_role_line, r, e2, sizeof e2) > 0) {
      snprintf(err, errlen, "extract: out of memory loading roles");
      wt_extract_free(r);
      return NULL;
    }
  }
  return r;
}

wt_extract_res *wt_extract_load(char *err, size_t errlen) {
  wt_extract_res *r = wt_extract_load_from(NULL, NULL, err, errlen);
  /* the name tagger's model is data like the rest: missing fails here,
   * not at the first article */
  if (r && !wt_ner_get(err, errlen)) {
    wt_extract_free(r);
    return NULL;
  }
  return r;
}

void wt_extract_free(wt_extract_res *r) {
  if (!r) return;
  x_trie *tries[] = {&r->gaz,       &r->demonyms,  &r->role_phrases,
                     &r->titles,    &r->role_words, &r->org_cues,
                     &r->not_names, &r->subords,   &r->verb_trie,
                     &r->cue_trie,  &r->type_cues, &r->hold_cues};
  for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
    x_trie_free(tries[i]);
  for (int i = 0; i < XW_N; i++) x_trie_free(&r->words[i]);
  for (size_t i = 0; i < r->n_verbs; i++) free((char *)r->verbs[i].norm);
  for (size_t i = 0; i < r->n_cues; i++) free((char *)r->cues[i].norm);
  free(r->verbs);
  free(r->cues);
  free(r->ents);
  free(r->aliases);
  free(r->roles);
  free(r->types);
  free(r->holds);
  free(r->id_tab);
  wt_arena_free(r->arena);
  free(r);
}

const char *wt_extract_entity_name(const wt_extract_res *r, const char *id,
                                   wt_ent_type *type) {
  int32_t e = x_gaz_find(r, id);
  if (e < 0) return NULL;
  if (type) *type = (wt_ent_type)r->ents[e].type;
  return r->ents[e].name;
}

const char *wt_extract_lookup(const wt_extract_res *r, const char *name) {
  size_t n = strlen(name);
  int32_t al;
  if (!n || !x_word_at(name, n, 0) || x_gaz_match(r, name, n, 0, &al) != n)
    return NULL;
  return r->ents[r->aliases[al].ent].id;
}

size_t wt_extract_gazetteer_size(const wt_extract_res *r) {
  return r->n_ents;
}
