/*
 * test_stem.c - the Indonesian and English stemmers: hand-written cases
 * (some kept out of tuning, marked "unseen"), Sastrawi's test cases from
 * ../shared (small functional dictionary and the full hunspell-id
 * dictionary), and the memo.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "lang/lang_int.h"

#define HUNSPELL_ID "/usr/share/hunspell/id_ID.dic"

/* Load a word list (one per line) from a file into a NULL-free array. */
static char **stem_load_list(const char *path, size_t *n) {
  size_t len;
  char *txt = wt_test_slurp(path, &len);
  if (!txt) return NULL;
  size_t cap = 64, k = 0;
  char **v = malloc(cap * sizeof *v);
  for (char *save = NULL, *l = strtok_r(txt, "\r\n", &save); l;
       l = strtok_r(NULL, "\r\n", &save)) {
    if (!*l) continue;
    if (k == cap) v = realloc(v, (cap *= 2) * sizeof *v);
    v[k++] = strdup(l);
  }
  free(txt);
  *n = k;
  return v;
}

static void stem_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* Stem every space-separated word of `in` (lower-cased) into out. */
static void stem_phrase(const wt_stem_id *s, const char *in, char *out,
                        size_t outlen) {
  char w[256], st[256];
  size_t o = 0;
  out[0] = '\0';
  while (*in) {
    while (*in == ' ') in++;
    size_t n = 0;
    while (in[n] && in[n] != ' ' && n < sizeof w - 1) {
      char c = in[n];
      w[n] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      n++;
    }
    if (!n) break;
    in += n;
    size_t l = wt_stem_id_word(s, w, n, st, sizeof st);
    if (o && o + 1 < outlen) out[o++] = ' ';
    if (o + l + 1 < outlen) {
      memcpy(out + o, st, l);
      o += l;
    }
    out[o] = '\0';
  }
}

/* Run the Sastrawi cases of one suite; returns the pass rate. */
static double stem_suite(const wt_stem_id *s, const char *tsv,
                         const char *suite, int verbose) {
  size_t len;
  char *txt = wt_test_slurp(tsv, &len);
  if (!txt) return -1;
  int pass = 0, total = 0;
  for (char *save = NULL, *l = strtok_r(txt, "\n", &save); l;
       l = strtok_r(NULL, "\n", &save)) {
    char *f[3];
    if (wt_split_tabs(l, f, 3) < 3 || strcmp(f[2], suite) != 0) continue;
    char got[512];
    stem_phrase(s, f[0], got, sizeof got);
    total++;
    if (strcmp(got, f[1]) == 0) pass++;
    else if (verbose)
      fprintf(stderr, "    miss [%s] %s -> %s (expected %s)\n", suite, f[0],
              got, f[1]);
  }
  free(txt);
  fprintf(stderr, "    %s: %d/%d = %.1f%%\n", suite, pass, total,
          total ? 100.0 * pass / total : 0.0);
  return total ? (double)pass / total : 0;
}

WT_TEST(stem_sastrawi_small_dictionary) {
  char p1[512], p2[512];
  if (!wt_test_shared("data/sastrawi-tests/functional-test-dictionary.txt", p1,
                      sizeof p1) ||
      !wt_test_shared("data/sastrawi-tests/stemmer-test-cases.tsv", p2,
                      sizeof p2))
    SKIP("../shared is absent");
  size_t n;
  char **roots = stem_load_list(p1, &n);
  REQUIRE(roots != NULL);
  wt_stem_id *s = wt_stem_id_new_words((const char *const *)roots, n);
  REQUIRE(s != NULL);
  double r = stem_suite(s, p2, "functional_small_dictionary", 1);
  CHECKF(r >= 0.95, "accuracy %.3f < 0.95", r);
  wt_stem_id_free(s);
  stem_free_list(roots, n);
}

WT_TEST(stem_sastrawi_full_dictionary) {
  char p2[512], err[256];
  if (!wt_test_shared("data/sastrawi-tests/stemmer-test-cases.tsv", p2,
                      sizeof p2))
    SKIP("../shared is absent");
  wt_stem_id *s = wt_stem_id_new_file(HUNSPELL_ID, err, sizeof err);
  if (!s) SKIP("hunspell-id is not installed");
  double r = stem_suite(s, p2, "integration_full_dictionary", 1);
  /* 33/35: henyak is not a root we know, and perusakan gives rusak where
   * the case expects the over-stem rusa (docs/lang.md) */
  CHECKF(r >= 0.90, "accuracy %.3f < 0.90", r);
  wt_stem_id_free(s);
}

/* Hand-written cases over hunspell-id; the last block was not looked at
 * while tuning (unseen). */
WT_TEST(stem_id_news_words) {
  char err[256];
  wt_stem_id *s = wt_stem_id_new_file(HUNSPELL_ID, err, sizeof err);
  if (!s) SKIP("hunspell-id is not installed");
  static const char *const cases[][2] = {
      {"pertemuan", "temu"},     {"menyampaikan", "sampai"},
      {"kerja", "kerja"},        {"negara-negara", "negara"},
      {"memperdalam", "dalam"},  {"berlangsung", "langsung"},
      {"kesiapannya", "siap"},   {"menekankan", "tekan"},
      {"dilantik", "lantik"},    {"putin", "putin"},
      /* unseen */
      {"pembicaraan", "bicara"}, {"kunjungan", "kunjung"},
      {"menghadapi", "hadap"},   {"kepentingan", "penting"},
      {"perdagangan", "dagang"}, {"diharapkan", "harap"},
  };
  int miss = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char out[64];
    wt_stem_id_word(s, cases[i][0], strlen(cases[i][0]), out, sizeof out);
    if (strcmp(out, cases[i][1]) != 0) {
      fprintf(stderr, "    %s -> %s (expected %s)\n", cases[i][0], out,
              cases[i][1]);
      miss++;
    }
  }
  CHECK(miss <= 1);
  wt_stem_id_free(s);
}

WT_TEST(stem_word_memo_and_languages) {
  char err[256];
  wt_lang_res *r = wt_lang_load(err, sizeof err);
  if (!r) SKIP(err);
  char out[64];
  CHECK_INT_EQ(wt_stem_word(r, "en", "running", 7, out, sizeof out), 3);
  CHECK_STR_EQ(out, "run");
  wt_stem_word(r, "id", "mengupas", 8, out, sizeof out);
  CHECK_STR_EQ(out, "kupas");
  wt_stem_word(r, "id", "mengupas", 8, out, sizeof out); /* memo hit */
  CHECK_STR_EQ(out, "kupas");
  wt_stem_word(r, "xx", "mengupas", 8, out, sizeof out);
  CHECK_STR_EQ(out, "mengupas");
  char small[4];
  CHECK_INT_EQ(wt_stem_word(r, "id", "mengupas", 8, small, sizeof small), 3);
  CHECK_STR_EQ(small, "kup");
  wt_lang_free(r);
}
