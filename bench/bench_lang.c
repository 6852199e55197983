/*
 * bench_lang.c - speed of the language layer, single thread.
 *
 *   bench_lang [FILE]    (default: ../shared/data/detik-news/data_berita.csv)
 *
 * Prints MB/s for tokenizing + sentence splitting the file (repeated to at
 * least 50 MB), words/s for memoised Indonesian stemming of its words,
 * words/s for a cold (unmemoised) pass, MB/s of language identification,
 * and the peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <libstemmer.h>

#include "core/arena.h"
#include "core/util.h"
#include "lang/lang.h"

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1]
                              : WARTA_SOURCE_DIR "/../shared/data/detik-news/"
                                                 "data_berita.csv";
  char err[256];
  char *txt;
  size_t len;
  if (wt_read_file(path, 1 << 30, &txt, &len, err, sizeof err) != 0) {
    fprintf(stderr, "bench_lang: %s\n", err);
    return 1;
  }
  wt_lang_res *r = wt_lang_load(err, sizeof err);
  if (!r) {
    fprintf(stderr, "bench_lang: %s\n", err);
    return 1;
  }

  /* tokenize + split sentences, article by article: the file is cut
   * into ~8 KB pieces at line ends, each with a reset arena, as the
   * pipeline does per article */
  size_t total = 0, ntok = 0, nsent = 0;
  wt_arena *a = wt_arena_new(0);
  double t0 = wt_now();
  while (total < 50u << 20) {
    for (size_t o = 0; o < len;) {
      size_t e = o + 8192 < len ? o + 8192 : len;
      while (e < len && txt[e - 1] != '\n') e++;
      wt_arena_reset(a);
      wt_token_vec tv = {0};
      wt_sentence_vec sv = {0};
      wt_tokenize(txt + o, e - o, a, &tv);
      wt_sentence_split(txt + o, e - o, NULL, 0, tv.v, tv.n, a, &sv);
      ntok += tv.n;
      nsent += sv.n;
      o = e;
    }
    total += len;
  }
  double dt = wt_now() - t0;
  printf("tokenize+sentences: %.1f MB/s (%zu tokens, %zu sentences per pass)\n",
         (double)total / dt / 1e6, ntok * len / total, nsent * len / total);

  /* stemming: the file's lower-cased words */
  wt_arena_reset(a);
  wt_token_vec tv = {0};
  wt_tokenize(txt, len, a, &tv);
  char out[256];
  size_t nw = 0;
  t0 = wt_now();
  for (size_t k = 0; k < tv.n; k++) {
    if (tv.v[k].kind != WT_TOK_WORD) continue;
    wt_stem_word(r, "id", tv.v[k].norm, strlen(tv.v[k].norm), out, sizeof out);
    nw++;
  }
  double cold = wt_now() - t0;
  size_t reps = 0;
  t0 = wt_now();
  while (reps < 5) {
    for (size_t k = 0; k < tv.n; k++)
      if (tv.v[k].kind == WT_TOK_WORD)
        wt_stem_word(r, "id", tv.v[k].norm, strlen(tv.v[k].norm), out,
                     sizeof out);
    reps++;
  }
  dt = wt_now() - t0;
  printf("stem id: %.2f M words/s memoised, %.2f M words/s first pass "
         "(%zu words)\n",
         (double)(nw * reps) / dt / 1e6, (double)nw / cold / 1e6, nw);

  /* peer in the same run: Snowball's Indonesian stemmer (libstemmer, no
   * dictionary, no memo) over the same words */
  struct sb_stemmer *sb = sb_stemmer_new("indonesian", "UTF_8");
  if (sb) {
    size_t agree = 0;
    t0 = wt_now();
    for (size_t k = 0; k < tv.n; k++)
      if (tv.v[k].kind == WT_TOK_WORD)
        sb_stemmer_stem(sb, (const sb_symbol *)tv.v[k].norm,
                        (int)strlen(tv.v[k].norm));
    double sdt = wt_now() - t0;
    for (size_t k = 0; k < tv.n; k++) {
      if (tv.v[k].kind != WT_TOK_WORD) continue;
      const sb_symbol *st = sb_stemmer_stem(
          sb, (const sb_symbol *)tv.v[k].norm, (int)strlen(tv.v[k].norm));
      wt_stem_word(r, "id", tv.v[k].norm, strlen(tv.v[k].norm), out,
                   sizeof out);
      agree += st && strcmp((const char *)st, out) == 0;
    }
    printf("peer snowball-indonesian: %.2f M words/s; warta memoised is "
           "%.1fx, first pass %.1fx; same stem on %.1f%% of words\n",
           (double)nw / sdt / 1e6, ((double)(nw * reps) / dt) / (nw / sdt),
           ((double)nw / cold) / (nw / sdt), 100.0 * (double)agree / (double)nw);
    sb_stemmer_delete(sb);
  }

  /* language identification over 1 KB chunks */
  size_t done = 0;
  t0 = wt_now();
  for (int rep = 0; rep < 10; rep++)
    for (size_t o = 0; o + 1024 <= len; o += 1024) {
      wt_lang_identify(r, txt + o, 1024, NULL);
      done += 1024;
    }
  dt = wt_now() - t0;
  printf("langid: %.1f MB/s\n", (double)done / dt / 1e6);

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("peak RSS: %.1f MB (input %.1f MB)\n", (double)ru.ru_maxrss / 1024.0,
         (double)len / 1e6);
  wt_arena_free(a);
  wt_lang_free(r);
  free(txt);
  return 0;
}
