/*
 * test_tokenize.c - tokens and sentences over hand-written Indonesian and
 * English text (no seed page text).
 */
#include "harness.h"

#include <string.h>

#include "core/arena.h"
#include "lang/lang.h"

typedef struct {
  wt_arena *a;
  wt_token_vec v;
  const char *s;
} tk_run;

static void tk_do(tk_run *r, const char *s) {
  r->a = wt_arena_new(0);
  memset(&r->v, 0, sizeof r->v);
  r->s = s;
  wt_tokenize(s, strlen(s), r->a, &r->v);
}

/* Index of the token whose text is exactly t, or -1. */
static long tk_find(const tk_run *r, const char *t) {
  size_t l = strlen(t);
  for (size_t i = 0; i < r->v.n; i++) {
    const wt_token *k = &r->v.v[i];
    if (k->span.end - k->span.start == l && !memcmp(r->s + k->span.start, t, l))
      return (long)i;
  }
  return -1;
}

static int tk_kind(const tk_run *r, const char *t) {
  long i = tk_find(r, t);
  return i < 0 ? -1 : r->v.v[i].kind;
}

WT_TEST(tokenize_words_numbers_money_dates) {
  tk_run r;
  tk_do(&r, "Negara-negara BRICS sepakat, nilainya USD240 miliar atau setara "
            "Rp3.897 triliun (naik 1,5 persen) pada 4/2/2026 dan Rabu (20/1). "
            "Harga Rp 3.897 dan US$245 di tahun 2025.");
  CHECK_INT_EQ(tk_kind(&r, "Negara-negara"), WT_TOK_WORD);
  CHECK_INT_EQ(tk_kind(&r, "USD240"), WT_TOK_MONEY);
  CHECK_INT_EQ(tk_kind(&r, "Rp3.897"), WT_TOK_MONEY);
  CHECK_INT_EQ(tk_kind(&r, "1,5"), WT_TOK_NUM);
  CHECK_INT_EQ(tk_kind(&r, "4/2/2026"), WT_TOK_DATE);
  CHECK_INT_EQ(tk_kind(&r, "20/1"), WT_TOK_DATE);
  CHECK_INT_EQ(tk_kind(&r, "Rp"), WT_TOK_WORD); /* "Rp 3.897": two tokens */
  CHECK_INT_EQ(tk_kind(&r, "3.897"), WT_TOK_NUM);
  CHECK_INT_EQ(tk_kind(&r, "US$245"), WT_TOK_MONEY);
  CHECK_INT_EQ(tk_kind(&r, "2025"), WT_TOK_NUM);
  long b = tk_find(&r, "BRICS");
  REQUIRE(b >= 0);
  CHECK(r.v.v[b].flags & WT_TOKF_ALLCAP);
  CHECK_STR_EQ(r.v.v[b].norm, "brics");
  long n = tk_find(&r, "Negara-negara");
  CHECK((r.v.v[n].flags & WT_TOKF_CAP) && !(r.v.v[n].flags & WT_TOKF_ALLCAP));
  CHECK_STR_EQ(r.v.v[n].norm, "negara-negara");
  wt_arena_free(r.a);
}

WT_TEST(tokenize_urls_quotes_abbrev) {
  tk_run r;
  tk_do(&r, "Ntvnews.id, Beijing - Lihat https://kompas.tv/a/b?x=1. Kirim ke "
            "redaksi@contoh.co.id “Kami siap,” kata Dr. Budi di Jl. Sudirman "
            "No. 5, pukul 9 a.m. waktu U.S. «bien» ‘ya’ [foto]");
  CHECK_INT_EQ(tk_kind(&r, "Ntvnews.id"), WT_TOK_URL);
  CHECK_INT_EQ(tk_kind(&r, "https://kompas.tv/a/b?x=1"), WT_TOK_URL);
  CHECK_INT_EQ(tk_kind(&r, "redaksi@contoh.co.id"), WT_TOK_URL);
  long q = tk_find(&r, "“");
  REQUIRE(q >= 0);
  CHECK(r.v.v[q].flags & WT_TOKF_QUOTE);
  CHECK(r.v.v[tk_find(&r, "”")].flags & WT_TOKF_QUOTE);
  CHECK(r.v.v[tk_find(&r, "«")].flags & WT_TOKF_QUOTE);
  CHECK(r.v.v[tk_find(&r, "‘")].flags & WT_TOKF_QUOTE);
  const char *ab[] = {"Dr.", "Jl.", "No.", "a.m.", "U.S."};
  for (int i = 0; i < 5; i++) {
    long k = tk_find(&r, ab[i]);
    CHECKF(k >= 0 && (r.v.v[k].flags & WT_TOKF_ABBREV), "abbrev %s", ab[i]);
  }
  CHECK_INT_EQ(tk_kind(&r, "["), WT_TOK_PUNCT);
  wt_arena_free(r.a);
}

WT_TEST(tokenize_unicode_norm) {
  tk_run r;
  /* decomposed e + combining acute, Turkish dotted I, non-breaking space */
  tk_do(&r, "Cafe\xcc\x81 \xc4\xb0stanbul\xc2\xa0ÉLYSÉE don’t");
  REQUIRE(r.v.n == 4);
  CHECK_STR_EQ(r.v.v[0].norm, "caf\xc3\xa9");
  CHECK(r.v.v[2].flags & WT_TOKF_ALLCAP);
  CHECK_STR_EQ(r.v.v[2].norm, "\xc3\xa9lys\xc3\xa9" "e");
  CHECK_INT_EQ(r.v.v[3].span.end - r.v.v[3].span.start, 7);
  wt_arena_free(r.a);
}

/* sentences of s, each as "first..last token text" count */
static size_t tk_sentences(const char *s, wt_sentence_vec *sv, wt_arena **a) {
  tk_run r;
  tk_do(&r, s);
  *a = r.a;
  memset(sv, 0, sizeof *sv);
  wt_sentence_split(s, strlen(s), NULL, 0, r.v.v, r.v.n, r.a, sv);
  return sv->n;
}

WT_TEST(tokenize_sentences_basic_rules) {
  wt_arena *a;
  wt_sentence_vec sv;
  const char *s =
      "\"Kami akan bekerja sama...,\" kata Putin. Ia bertemu Dr. Li di "
      "Jl. Merdeka No. 1 pada 4/2/2026. Nilainya 3.897 triliun. \"Apa?\" "
      "tanya dia. Prof. H. M. Jusuf hadir.\n\nParagraf baru tanpa titik\n\n"
      "Lalu (katanya.) selesai.";
  size_t n = tk_sentences(s, &sv, &a);
  CHECK_INT_EQ(n, 7);
  if (n == 7) {
    const char *want[] = {"\"Kami akan bekerja sama...,\" kata Putin.",
                          "Ia bertemu Dr. Li di Jl. Merdeka No. 1 pada 4/2/2026.",
                          "Nilainya 3.897 triliun.",
                          "\"Apa?\" tanya dia.",
                          "Prof. H. M. Jusuf hadir.",
                          "Paragraf baru tanpa titik",
                          "Lalu (katanya.) selesai."};
    for (int i = 0; i < 7; i++) {
      size_t l = sv.v[i].span.end - sv.v[i].span.start;
      CHECKF(l == strlen(want[i]) && !memcmp(s + sv.v[i].span.start, want[i], l),
             "sentence %d: %.*s", i, (int)l, s + sv.v[i].span.start);
    }
    CHECK_INT_EQ(sv.v[5].para, 1);
    CHECK_INT_EQ(sv.v[6].para, 2);
  }
  wt_arena_free(a);
}

/* unseen while tuning */
WT_TEST(tokenize_sentences_quotes_and_ellipsis) {
  wt_arena *a;
  wt_sentence_vec sv;
  const char *s = "He said: “We will… see.” Then he left. The U.S. Army "
                  "agreed, i.e. nobody objected! Was it 5 p.m.? Yes.";
  size_t n = tk_sentences(s, &sv, &a);
  CHECK_INT_EQ(n, 5);
  wt_arena_free(a);
}
