/*
 * langid.c - language identification for Indonesian, English and Malay.
 *
 * A word-evidence scorer: the text's ASCII words are looked up in the
 * stop-word lists (data/lang/stopwords-{id,en,ms}.txt) and in the list of
 * words that separate Malay from Indonesian (data/lang/langid-id-ms.tsv).
 * English wins when its stop words outnumber the Malay-like ones;
 * otherwise Malay wins over Indonesian when its discriminating words weigh
 * clearly more (by 2).  Text with too few words, or too few stop words of any of the
 * three, is "" (another language, a list, a table).
 *
 * Chosen over libexttextcat's character n-grams, which are slower and
 * confuse id with ms (docs/lang.md has the measurements).  Only the first
 * LANGID_SCAN bytes are read.  Read-only after loading: thread-safe.
 */
#include "lang_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/util.h"

#define LANGID_SCAN (64 * 1024)

enum { LF_EN = 1, LF_ID = 2, LF_MS = 4 };

struct wt_langid {
  wt_lmap words; /* aux: LF_* stop flags | (id weight << 8) | (ms weight << 16) */
};

typedef struct {
  wt_langid *l;
  uint32_t flag;
} langid_load_ctx;

static int langid_stop_line(void *ud, char *line, size_t len, int lineno) {
  (void)lineno;
  langid_load_ctx *c = ud;
  char *tab = memchr(line, '\t', len);
  size_t n = tab ? (size_t)(tab - line) : len;
  const wt_lmap_ent *e = wt_lmap_get(&c->l->words, line, n);
  uint32_t aux = (e ? e->aux : 0) | c->flag;
  wt_lmap_put(&c->l->words, line, n, NULL, 0, aux);
  return 0;
}

static int langid_disc_line(void *ud, char *line, size_t len, int lineno) {
  (void)len;
  (void)lineno;
  langid_load_ctx *c = ud;
  char *f[3];
  if (wt_split_tabs(line, f, 3) < 3) return 0;
  int w = atoi(f[2]);
  if (w < 0) w = 0;
  if (w > 255) w = 255;
  size_t n = strlen(f[0]);
  const wt_lmap_ent *e = wt_lmap_get(&c->l->words, f[0], n);
  uint32_t aux = e ? e->aux : 0;
  if (strcmp(f[1], "ms") == 0) aux = (aux & ~0xFF0000u) | ((uint32_t)w << 16);
  else if (strcmp(f[1], "id") == 0) aux = (aux & ~0xFF00u) | ((uint32_t)w << 8);
  wt_lmap_put(&c->l->words, f[0], n, NULL, 0, aux);
  return 0;
}

wt_langid *wt_langid_new(char *err, size_t errlen) {
  wt_langid *l = calloc(1, sizeof *l);
  if (!l) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  wt_lmap_init(&l->words);
  langid_load_ctx c = {l, LF_EN};
  int rc = wt_data_lines("lang/stopwords-en.txt", langid_stop_line, &c, err,
                         errlen);
  c.flag = LF_ID;
  if (!rc)
    rc = wt_data_lines("lang/stopwords-id.txt", langid_stop_line, &c, err,
                       errlen);
  c.flag = LF_MS;
  if (!rc)
    rc = wt_data_lines("lang/stopwords-ms.txt", langid_stop_line, &c, err,
                       errlen);
  if (!rc)
    rc = wt_data_lines("lang/langid-id-ms.tsv", langid_disc_line, &c, err,
                       errlen);
  if (rc) {
    wt_langid_free(l);
    return NULL;
  }
  return l;
}

void wt_langid_free(wt_langid *l) {
  if (!l) return;
  wt_lmap_free(&l->words);
  free(l);
}

const char *wt_langid_guess(const wt_langid *l, const char *s, size_t n,
                            float *conf) {
  if (conf) *conf = 0;
  if (n > LANGID_SCAN) n = LANGID_SCAN;
  unsigned nw = 0, en = 0, mi = 0, d_id = 0, d_ms = 0;
  char w[32];
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    int alpha = (c | 32) >= 'a' && (c | 32) <= 'z';
    if (!alpha) {
      if (c >= 0x80) { /* skip a non-ASCII word */
        while (i < n && (unsigned char)s[i] >= 0x80) i++;
        continue;
      }
      i++;
      continue;
    }
    size_t wl = 0;
    while (i < n) {
      c = (unsigned char)s[i];
      if (((c | 32) >= 'a' && (c | 32) <= 'z') ||
          (c == '\'' && wl > 0 && i + 1 < n && ((s[i + 1] | 32) >= 'a' &&
                                                (s[i + 1] | 32) <= 'z'))) {
        if (wl < sizeof w) w[wl] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        wl++;
        i++;
      } else {
        break;
      }
    }
    if (wl > sizeof w) continue;
    nw++;
    const wt_lmap_ent *e = wt_lmap_get(&l->words, w, wl);
    if (!e) continue;
    if (e->aux & LF_EN) en++;
    if (e->aux & (LF_ID | LF_MS)) mi++;
    d_id += (e->aux >> 8) & 0xFF;
    d_ms += (e->aux >> 16) & 0xFF;
  }
  /* lists and references carry few stop words; other languages none */
  if (nw < 3 || en + mi < 2 || (en + mi) * 16 < nw) return "";
  if (en > mi) {
    if (conf) *conf = (float)en / (float)(en + mi);
    return "en";
  }
  float base = (float)mi / (float)(en + mi);
  if (d_ms > d_id + 1) { /* Indonesian unless Malay words clearly win */
    if (conf) *conf = base * (float)d_ms / (float)(d_ms + d_id);
    return "ms";
  }
  if (conf)
    *conf = base * (d_id + d_ms ? (float)(d_id + 1) / (float)(d_ms + d_id + 1)
                                : 0.75f);
  return "id";
}
