/*
 * test_lang.c - language identification (a labelled set built from
 * ../shared: seed pages and detik news for Indonesian, the extraction
 * benchmark for English, our own Malay paragraphs), compared with
 * libexttextcat; and wt_lang_run over a small hand-written doc.
 */
#include "harness.h"

#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "core/doc.h"
#include "core/util.h"
#include "lang/lang.h"

extern const char *const wt_test_ms_paras[];
extern const size_t wt_test_ms_n;

typedef struct {
  char **text;
  const char **lang;
  size_t n, cap;
} li_set;

static void li_add(li_set *s, const char *t, size_t n, const char *lang) {
  if (n < 100) return;
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 256;
    s->text = realloc(s->text, s->cap * sizeof *s->text);
    s->lang = realloc(s->lang, s->cap * sizeof *s->lang);
  }
  s->text[s->n] = strndup(t, n);
  s->lang[s->n++] = lang;
}

/* every line of 100+ bytes */
static void li_add_lines(li_set *s, const char *t, const char *lang) {
  while (*t) {
    const char *e = strchr(t, '\n');
    size_t n = e ? (size_t)(e - t) : strlen(t);
    li_add(s, t, n, lang);
    t += n + (e ? 1 : 0);
  }
}

static void li_seeds(li_set *s) {
  char dir[512];
  if (!wt_test_shared("seeds", dir, sizeof dir)) return;
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t l = strlen(de->d_name);
    if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0) continue;
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
    char *t = wt_test_slurp(p, NULL);
    if (t) li_add_lines(s, t, "id");
    free(t);
  }
  closedir(d);
}

/* detik-news CSV: the 5th field of each record, first `max` records */
static void li_detik(li_set *s, int max) {
  char p[512];
  if (!wt_test_shared("data/detik-news/data_berita.csv", p, sizeof p)) return;
  size_t len;
  char *t = wt_test_slurp(p, &len);
  if (!t) return;
  char *field = malloc(len + 1);
  size_t i = 0;
  int rec = 0, col = 0;
  while (i < len && rec <= max) {
    size_t fl = 0;
    if (t[i] == '"') {
      i++;
      while (i < len) {
        if (t[i] == '"' && i + 1 < len && t[i + 1] == '"') field[fl++] = '"', i += 2;
        else if (t[i] == '"') { i++; break; }
        else field[fl++] = t[i++];
      }
    } else {
      while (i < len && t[i] != ',' && t[i] != '\n') field[fl++] = t[i++];
    }
    field[fl] = '\0';
    if (rec > 0 && col == 4) li_add_lines(s, field, "id");
    if (i < len && t[i] == ',') col++;
    else rec++, col = 0;
    i++;
  }
  free(field);
  free(t);
}

/* English paragraphs of the extraction benchmark.  The benchmark also
 * holds pages in Portuguese, Korean, Indonesian...: a page counts only
 * when libexttextcat with all its languages calls the whole body English
 * (an independent labeller). */
static void li_bench(li_set *s) {
  char p[512];
  void *all = special_textcat_Init("/usr/share/libexttextcat/fpdb.conf",
                                   "/usr/share/libexttextcat/");
  if (!wt_test_shared("data/extraction-bench/ground-truth.json", p, sizeof p))
    return;
  json_t *j = json_load_file(p, 0, NULL);
  if (!j) return;
  const char *k;
  json_t *v;
  json_object_foreach(j, k, v) {
    const char *body = json_string_value(json_object_get(v, "articleBody"));
    if (!body) continue;
    const char *c = all ? textcat_Classify(all, body, strlen(body)) : "[en";
    if (c && !strncmp(c, "[en", 3)) li_add_lines(s, body, "en");
  }
  json_decref(j);
  if (all) textcat_Done(all);
}

WT_TEST(lang_identify_labelled_paragraphs) {
  char err[256];
  if (!wt_test_shared("seeds", err, sizeof err)) SKIP("../shared is absent");
  wt_lang_res *r = wt_lang_load(err, sizeof err);
  REQUIRE(r != NULL);
  li_set s = {0};
  li_seeds(&s);
  li_detik(&s, 200);
  li_bench(&s);
  for (size_t i = 0; i < wt_test_ms_n; i++)
    li_add(&s, wt_test_ms_paras[i], strlen(wt_test_ms_paras[i]), "ms");
  REQUIRE(s.n > 500);

  /* libexttextcat restricted to id, ms, en */
  const char *tmp = wt_test_tmpdir();
  char conf[1024];
  snprintf(conf, sizeof conf, "%s/tc.conf", tmp);
  FILE *f = fopen(conf, "w");
  REQUIRE(f != NULL);
  fputs("id.lm id--utf8\nms.lm ms--utf8\nen.lm en--utf8\n", f);
  fclose(f);
  void *tc = special_textcat_Init(conf, "/usr/share/libexttextcat/");

  size_t ok = 0, tc_ok = 0, per[3] = {0}, per_ok[3] = {0};
  double t0 = wt_now(), ours = 0, theirs = 0;
  for (size_t i = 0; i < s.n; i++) {
    double a = wt_now();
    const char *g = wt_lang_identify(r, s.text[i], strlen(s.text[i]), NULL);
    ours += wt_now() - a;
    int li = !strcmp(s.lang[i], "id") ? 0 : !strcmp(s.lang[i], "en") ? 1 : 2;
    per[li]++;
    if (!strcmp(g, s.lang[i])) ok++, per_ok[li]++;
    else if (per[li] - per_ok[li] <= 5)
      fprintf(stderr, "    miss %s->%s: %.90s\n", s.lang[i], g, s.text[i]);
    if (tc) {
      a = wt_now();
      const char *c = textcat_Classify(tc, s.text[i], strlen(s.text[i]));
      theirs += wt_now() - a;
      if (c && c[0] == '[' && !strncmp(c + 1, s.lang[i], 2) && c[3] == '-')
        tc_ok++;
    }
  }
  (void)t0;
  double acc = (double)ok / (double)s.n;
  fprintf(stderr,
          "    warta: %zu/%zu = %.2f%% (id %zu/%zu, en %zu/%zu, ms %zu/%zu), "
          "%.1f us/para\n",
          ok, s.n, 100 * acc, per_ok[0], per[0], per_ok[1], per[1], per_ok[2],
          per[2], 1e6 * ours / (double)s.n);
  if (tc)
    fprintf(stderr, "    exttextcat: %zu/%zu = %.2f%%, %.1f us/para\n", tc_ok,
            s.n, 100.0 * (double)tc_ok / (double)s.n,
            1e6 * theirs / (double)s.n);
  CHECKF(acc >= 0.99, "accuracy %.4f < 0.99", acc);
  CHECK(per_ok[2] * 10 >= per[2] * 9);
  if (tc) textcat_Done(tc);
  for (size_t i = 0; i < s.n; i++) free(s.text[i]);
  free(s.text);
  free(s.lang);
  wt_lang_free(r);
}

WT_TEST(lang_identify_short_and_other) {
  char err[256];
  wt_lang_res *r = wt_lang_load(err, sizeof err);
  REQUIRE(r != NULL);
  CHECK_STR_EQ(wt_lang_identify(r, "Halo", 4, NULL), "");
  const char *de = "Der Bundeskanzler hat heute in Berlin mit dem Präsidenten "
                   "über die Lage gesprochen und neue Hilfen angekündigt.";
  CHECK_STR_EQ(wt_lang_identify(r, de, strlen(de), NULL), "");
  const char *en = "The minister said on Tuesday that the government would "
                   "not raise taxes before the election.";
  CHECK_STR_EQ(wt_lang_identify(r, en, strlen(en), NULL), "en");
  wt_lang_free(r);
}

WT_TEST(lang_run_fills_doc) {
  char err[256];
  wt_lang_res *r = wt_lang_load(err, sizeof err);
  REQUIRE(r != NULL);
  wt_doc *d = wt_doc_new(0);
  const char *body =
      "Presiden Prabowo menyampaikan bahwa pemerintah akan memperkuat "
      "kerja sama perdagangan dengan negara-negara tetangga. \"Kami siap,\" "
      "katanya.\n\nThe talks were held in Jakarta on Monday and officials "
      "said more meetings would follow.";
  d->body = wt_arena_strdup(d->arena, body);
  d->body_len = strlen(body);
  REQUIRE(wt_lang_run(r, d) == 0);
  CHECK_STR_EQ(d->lang, "id");
  REQUIRE(d->paras.n == 2);
  CHECK_STR_EQ(d->paras.v[0].lang, "id");
  CHECK_STR_EQ(d->paras.v[1].lang, "en");
  CHECK_INT_EQ(d->sentences.n, 3);
  int stems = 0, stops = 0;
  for (size_t i = 0; i < d->tokens.n; i++) {
    const wt_token *t = &d->tokens.v[i];
    if (!strcmp(t->norm, "menyampaikan")) stems += !strcmp(t->stem, "sampai");
    if (!strcmp(t->norm, "negara-negara")) stems += !strcmp(t->stem, "negara");
    if (!strcmp(t->norm, "bahwa")) stops += (t->flags & WT_TOKF_STOP) != 0;
  }
  CHECK_INT_EQ(stems, 2);
  CHECK_INT_EQ(stops, 1);
  if (d->sentences.n == 3) {
    const wt_sentence *s = &d->sentences.v[2];
    CHECK_INT_EQ(s->para, 1);
    CHECK(d->tokens.v[s->tok_first + s->tok_count - 1].flags & WT_TOKF_SENT_END);
  }
  wt_doc_free(d);
  wt_lang_free(r);
}
