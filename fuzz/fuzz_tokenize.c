/*
 * fuzz_tokenize.c - libFuzzer target: tokenizing, sentence splitting and
 * Indonesian/English stemming of arbitrary bytes must not crash, and spans
 * must be ordered, in bounds and cover whole tokens.
 * Build with -DWARTA_FUZZ=ON and CC=clang.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "lang/lang.h"

static wt_lang_res *fuzz_res;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzz_res) {
    char err[256];
    fuzz_res = wt_lang_load(err, sizeof err);
  }
  wt_arena *a = wt_arena_new(64u << 20);
  wt_token_vec tv = {0};
  wt_sentence_vec sv = {0};
  const char *s = (const char *)data;
  wt_tokenize(s, size, a, &tv);
  uint32_t prev = 0;
  for (size_t i = 0; i < tv.n; i++) {
    const wt_token *t = &tv.v[i];
    if (t->span.start < prev || t->span.end <= t->span.start ||
        t->span.end > size || !t->norm)
      abort();
    prev = t->span.end;
    if (fuzz_res && t->kind == WT_TOK_WORD) {
      char out[512];
      size_t n = strlen(t->norm);
      wt_stem_word(fuzz_res, "id", t->norm, n, out, sizeof out);
      wt_stem_word(fuzz_res, "en", t->norm, n, out, sizeof out);
    }
  }
  wt_sentence_split(s, size, NULL, 0, tv.v, tv.n, a, &sv);
  size_t covered = 0;
  for (size_t i = 0; i < sv.n; i++) {
    if (sv.v[i].tok_first != covered || sv.v[i].tok_count == 0) abort();
    covered += sv.v[i].tok_count;
  }
  if (covered != tv.n) abort();
  if (fuzz_res) wt_lang_identify(fuzz_res, s, size, NULL);
  wt_arena_free(a);
  return 0;
}
