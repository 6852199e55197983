/*
 * stem_en.c - English stems through Snowball's libstemmer ("english",
 * the Porter2 algorithm).
 *
 * A sb_stemmer keeps its result in an internal buffer, so a wt_stem_en is
 * not thread-safe: use one per thread (one per wt_lang_res).
 */
#include "lang_int.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

struct wt_stem_en {
  struct sb_stemmer *sb;
};

wt_stem_en *wt_stem_en_new(void) {
  wt_stem_en *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->sb = sb_stemmer_new("english", "UTF_8");
  if (!s->sb) {
    free(s);
    return NULL;
  }
  return s;
}

void wt_stem_en_free(wt_stem_en *s) {
  if (!s) return;
  sb_stemmer_delete(s->sb);
  free(s);
}

size_t wt_stem_en_word(wt_stem_en *s, const char *w, size_t n, char *out,
                       size_t outlen) {
  const char *src = w;
  size_t r = n;
  if (n > 0 && n < 256) {
    const sb_symbol *st = sb_stemmer_stem(s->sb, (const sb_symbol *)w, (int)n);
    if (st) {
      src = (const char *)st;
      r = (size_t)sb_stemmer_length(s->sb);
    }
  }
  return wt_stem_emit(src, r, w, n, out, outlen);
}

size_t wt_stem_emit(const char *src, size_t r, const char *w, size_t n,
                    char *out, size_t outlen) {
  if (r + 1 > outlen) {
    src = w;
    r = n < outlen ? n : outlen - 1;
  }
  memmove(out, src, r);
  out[r] = '\0';
  return r;
}
