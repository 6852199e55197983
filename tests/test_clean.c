/*
 * test_clean.c - the clean stage over fixtures written for these tests
 * (tests/fixtures/clean: text and HTML in the styles of several outlets),
 * bad pages, and the seed pages against ../shared/seeds/expected.json.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean/clean.h"
#include "core/doc.h"
#include "harness.h"
#include "ingest/ingest.h"

typedef struct clean_case {
  wt_clean_res *res;
  wt_ingest *g;
  wt_input in;
  wt_doc *doc;
  int rc;
  char err[512];
} clean_case;

/* Ingest and clean the first record of path (or of buf when given). */
static int clean_open(clean_case *c, const char *path, const char *buf) {
  memset(c, 0, sizeof *c);
  c->res = wt_clean_load(c->err, sizeof c->err);
  if (!c->res) return -1;
  const char *paths[] = {path};
  c->g = buf ? wt_ingest_open_buffer(path, buf, strlen(buf))
             : wt_ingest_open_paths(paths, 1);
  const char *origin;
  if (wt_ingest_next(c->g, &c->in, &origin, c->err, sizeof c->err) != 1)
    return -1;
  c->doc = wt_doc_new(0);
  c->doc->in = &c->in;
  c->rc = wt_clean_run(c->res, c->doc, c->err, sizeof c->err);
  return 0;
}

static void clean_close(clean_case *c) {
  wt_doc_free(c->doc);
  wt_ingest_close(c->g);
  wt_clean_free(c->res);
}

static int clean_fixture(clean_case *c, const char *name) {
  char rel[256], path[1024];
  snprintf(rel, sizeof rel, "tests/fixtures/clean/%s", name);
  return clean_open(c, wt_test_src(rel, path, sizeof path), NULL);
}

static int starts(const char *s, const char *p) {
  return s && !strncmp(s, p, strlen(p));
}
static int ends(const char *s, const char *p) {
  size_t n = s ? strlen(s) : 0, m = strlen(p);
  return n >= m && !strcmp(s + n - m, p);
}
static int has_credit(const wt_doc *d, const char *name, const char *role) {
  for (size_t i = 0; i < d->credits.n; i++)
    if (!strcmp(d->credits.v[i].name, name) &&
        (!role || !strcmp(d->credits.v[i].role, role)))
      return 1;
  return 0;
}

WT_TEST(clean_text_detik_style) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "detik-style.txt") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Petani di Kabupaten Bantul"));
  CHECK(ends(d->body, "\"Gudangnya cukup,\" ujarnya."));
  CHECK(!strstr(d->body, "SCROLL TO CONTINUE"));
  CHECK(!strstr(d->body, "Simak juga"));
  CHECK(!strstr(d->body, "(abc/xyz)"));
  CHECK_STR_EQ(d->dateline.value, "Jakarta");
  CHECK_STR_EQ(d->title.value, "Warga Bantul Panen Raya Padi Lebih Awal");
  CHECK_INT_EQ(d->paras.n, 5);
  /* spans cover the body exactly, separated by blank lines */
  for (size_t i = 0; i + 1 < d->paras.n; i++)
    CHECK(d->paras.v[i + 1].span.start == d->paras.v[i].span.end + 2);
  CHECK_INT_EQ(d->paras.v[d->paras.n - 1].span.end, d->body_len);
  clean_close(&c);
}

WT_TEST(clean_text_tribun_credits_and_sources) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "tribun-style.txt") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Hujan deras yang mengguyur"));
  CHECK(ends(d->body, "benar-benar aman."));
  CHECK(!strstr(d->body, "Baca juga"));
  CHECK(!strstr(d->body, "Google News"));
  CHECK_STR_EQ(d->outlet.value, "TRIBUNNEWS.COM");
  CHECK_STR_EQ(d->dateline.value, "Kota Hulu");
  CHECK(has_credit(d, "Rina Lestari", "author"));
  CHECK(has_credit(d, "Bagus Pratama", "editor"));
  REQUIRE(d->credited.n == 1);
  CHECK_STR_EQ(d->credited.v[0].value, "Tribun Hulu");
  clean_close(&c);
}

WT_TEST(clean_text_aggregator_page) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "tempo-aggregator.txt") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Harga cabai rawit"));
  CHECK(ends(d->body, "beberapa daerah penghasil."));
  CHECK(!strstr(d->body, "Operasi Pasar"));
  CHECK(!strstr(d->body, "jam lalu"));
  CHECK_STR_EQ(d->outlet.value, "tempo.co");
  CHECK_STR_EQ(d->published.text, "5 jam lalu");
  int heading = 0;
  for (size_t i = 0; i < d->paras.n; i++)
    if (d->paras.v[i].kind == WT_PARA_HEADING &&
        !strncmp(d->body + d->paras.v[i].span.start, "Kenaikan Sebelumnya", 19))
      heading = 1;
  CHECK(heading);
  clean_close(&c);
}

WT_TEST(clean_html_antara_style) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "antara-style.html") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Pemerintah mempercepat pembangunan"));
  CHECK(ends(d->body, "di Jakarta, Selasa."));
  CHECK(!strstr(d->body, "Baca juga"));
  CHECK(!strstr(d->body, "Berita terkait"));
  CHECK(!strstr(d->body, "Bagikan"));
  CHECK(!strstr(d->body, "Beranda"));
  CHECK_STR_EQ(d->title.value, "Pemerintah percepat pembangunan jembatan desa");
  CHECK_STR_EQ(d->title.source, "og:title");
  CHECK_STR_EQ(d->outlet.value, "ANTARA News");
  CHECK_STR_EQ(d->dateline.value, "Jakarta");
  CHECK_STR_EQ(d->language.value, "id");
  CHECK(has_credit(d, "Dewi Anggraini", "reporter"));
  CHECK(has_credit(d, "Hendra Wijaya", "editor"));
  CHECK_INT_EQ(d->published.day, 20151); /* 2025-03-04 */
  CHECK_INT_EQ(d->published.minute, 10 * 60 + 15);
  CHECK_INT_EQ(d->published.tz_minutes, 420);
  CHECK(strstr(d->canonical_url.value, "antaranews.com") != NULL);
  clean_close(&c);
}

WT_TEST(clean_html_cnnindonesia_style) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "cnnindonesia-style.html") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Warga di pinggiran kota"));
  CHECK(ends(d->body, "dua hari ke depan."));
  CHECK(!strstr(d->body, "ADVERTISEMENT"));
  CHECK(!strstr(d->body, "Antrean kendaraan di sebuah SPBU")); /* caption */
  CHECK(!strstr(d->body, "Terpopuler"));
  CHECK(!strstr(d->body, "ads"));
  CHECK_STR_EQ(d->outlet.value, "CNN Indonesia");
  CHECK_STR_EQ(d->dateline.value, "Jakarta");
  clean_close(&c);
}

WT_TEST(clean_html_bbc_style_jsonld) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "bbc-style.html") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "Councillors in a small coastal town"));
  CHECK(ends(d->body, "to reach the shops."));
  CHECK(!strstr(d->body, "busy with traffic")); /* figcaption */
  CHECK(!strstr(d->body, "Related Topics"));
  CHECK(!strstr(d->body, "Copyright"));
  CHECK_STR_EQ(d->title.value, "Coastal town votes to ban cars from seafront");
  CHECK_STR_EQ(d->outlet.value, "BBC News");
  CHECK(has_credit(d, "Alex Morgan", "author"));
  CHECK_INT_EQ(d->published.minute, 8 * 60 + 30);
  CHECK_INT_EQ(d->published.tz_minutes, 0);
  clean_close(&c);
}

WT_TEST(clean_html_reuters_style_cp1252) {
  clean_case c;
  REQUIRE(clean_fixture(&c, "reuters-style.html") == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(starts(d->body, "A large grain exporter"));
  CHECK(ends(d->body, "in the coming weeks."));
  CHECK(strstr(d->body, "caf\xc3\xa9-season") != NULL);
  CHECK(strstr(d->body, "company\xe2\x80\x99s") != NULL);
  CHECK(!strstr(d->body, "Reporting by"));
  CHECK(!strstr(d->body, "Oil prices"));
  CHECK_STR_EQ(d->dateline.value, "Singapore");
  CHECK_STR_EQ(d->outlet.value, "Reuters");
  CHECK_STR_EQ(d->title.value, "Grain exporter raises forecast");
  CHECK(has_credit(d, "Jamie Li", "author"));
  CHECK(has_credit(d, "Sam Ortiz", "editor"));
  clean_close(&c);
}

WT_TEST(clean_nbsp_and_stray_tags) {
  const char *page =
      "Judul Berita Yang Cukup Panjang\n\n"
      "Paragraf pertama berisi kalimat yang cukup panjang\xc2\xa0untuk dianggap "
      "sebagai isi berita oleh pembersih.\n\n"
      "\xe2\x9e\xa1\xef\xb8\x8f Baca Juga\xc2\xa0: <p>\xe2\x80\x9cJudul lain\xe2\x80\x9d</p>\n\n"
      "Paragraf kedua juga berisi kalimat yang cukup panjang dan ditutup dengan "
      "titik seperti biasa.\n";
  clean_case c;
  REQUIRE(clean_open(&c, "mem", page) == 0);
  REQUIRE(c.rc == 0);
  CHECK(!strstr(c.doc->body, "Baca Juga"));
  CHECK(!strstr(c.doc->body, "\xc2\xa0"));
  CHECK(strstr(c.doc->body, "panjang untuk dianggap") != NULL);
  CHECK_INT_EQ(c.doc->paras.n, 2);
  clean_close(&c);
}

WT_TEST(clean_fails_without_body) {
  clean_case c;
  REQUIRE(clean_open(&c, "mem", "Beranda\nBagikan\nx|close\nGoogle News\n") == 0);
  CHECK_INT_EQ(c.rc, -1);
  CHECK(strstr(c.err, "no article body") != NULL);
  clean_close(&c);
  REQUIRE(clean_open(&c, "mem",
                     "<html><body><nav><a href='/'>Home</a></nav>"
                     "<script>var a=1;</script></body></html>") == 0);
  CHECK_INT_EQ(c.rc, -1);
  clean_close(&c);
}

WT_TEST(clean_truncated_html) {
  const char *html =
      "<html><head><title>Judul</title></head><body><article><p>Kalimat "
      "pertama yang cukup panjang ini ditulis untuk pengujian dan akan "
      "dipotong.</p><p>Kalimat kedua berhenti di tengah &amp; tidak ditutup "
      "dengan";
  clean_case c;
  REQUIRE(clean_open(&c, "mem", html) == 0);
  REQUIRE(c.rc == 0);
  CHECK(starts(c.doc->body, "Kalimat pertama"));
  CHECK(strstr(c.doc->body, "tengah & tidak") != NULL);
  clean_close(&c);
}

WT_TEST(clean_jsonl_hints_take_precedence) {
  const char *jl =
      "{\"id\":\"k1\",\"title\":\"Judul dari feed\",\"outlet\":\"Feed News\","
      "\"published\":\"2025-01-22T12:01:00+07:00\",\"lang\":\"id\","
      "\"html\":\"<html><head><meta property='og:title' content='Judul HTML'>"
      "</head><body><p>Isi berita ini cukup panjang untuk dikenali sebagai "
      "paragraf yang sebenarnya.</p></body></html>\"}\n";
  clean_case c;
  REQUIRE(clean_open(&c, "feed", jl) == 0);
  REQUIRE(c.rc == 0);
  CHECK_STR_EQ(c.doc->title.value, "Judul dari feed");
  CHECK_STR_EQ(c.doc->title.source, "jsonl");
  CHECK_STR_EQ(c.doc->outlet.value, "Feed News");
  CHECK_STR_EQ(c.doc->language.value, "id");
  CHECK_STR_EQ(c.doc->ext_id, "k1");
  CHECK_INT_EQ(c.doc->published.tz_minutes, 420);
  clean_close(&c);
}

/* ------------------------------------------------------------- seeds */

static int meta_matches(const char *got, const char *want) {
  /* "NTVNews (ntvnews.id)": either the name or the bracketed domain */
  if (!got) return 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", want);
  char *par = strstr(buf, " (");
  if (!par) return !strcasecmp(got, want);
  *par = '\0';
  char *dom = par + 2;
  dom[strcspn(dom, ")")] = '\0';
  return !strcasecmp(got, buf) || !strcasecmp(got, dom);
}

WT_TEST(clean_seeds_match_expected) {
  char path[1024];
  if (!wt_test_shared("seeds/expected.json", path, sizeof path))
    SKIP("../shared is absent");
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  REQUIRE(root != NULL);
  json_t *arts = json_object_get(root, "articles");
  const char *name;
  json_t *a;
  int n = 0;
  json_object_foreach(arts, name, a) {
    char rel[256], p[1024];
    snprintf(rel, sizeof rel, "seeds/%s", name);
    REQUIRE(wt_test_shared(rel, p, sizeof p));
    clean_case c;
    REQUIRE(clean_open(&c, p, NULL) == 0);
    CHECKF(c.rc == 0, "%s: %s", name, c.err);
    const char *body = c.doc->body ? c.doc->body : "";
    const char *bs = json_string_value(json_object_get(a, "body_starts"));
    const char *be = json_string_value(json_object_get(a, "body_ends"));
    CHECKF(starts(body, bs), "%s: body starts \"%.60s\"", name, body);
    CHECKF(ends(body, be), "%s: body ends \"%s\"",
           name, strlen(body) > 60 ? body + strlen(body) - 60 : body);
    size_t i;
    json_t *ch;
    json_array_foreach(json_object_get(a, "chrome_examples"), i, ch) {
      const char *x = json_string_value(ch);
      CHECKF(!strstr(body, x), "%s: chrome in body: %s", name, x);
    }
    const char *v;
    if ((v = json_string_value(json_object_get(a, "title"))))
      CHECKF(c.doc->title.value && !strcmp(c.doc->title.value, v),
             "%s: title \"%s\"", name, c.doc->title.value ? c.doc->title.value : "(null)");
    if ((v = json_string_value(json_object_get(a, "outlet"))))
      CHECKF(meta_matches(c.doc->outlet.value, v), "%s: outlet \"%s\"", name,
             c.doc->outlet.value ? c.doc->outlet.value : "(null)");
    if ((v = json_string_value(json_object_get(a, "dateline"))))
      CHECKF(c.doc->dateline.value && !strcmp(c.doc->dateline.value, v),
             "%s: dateline \"%s\"", name,
             c.doc->dateline.value ? c.doc->dateline.value : "(null)");
    if ((v = json_string_value(json_object_get(a, "author"))))
      CHECKF(has_credit(c.doc, v, "author"), "%s: author %s", name, v);
    if ((v = json_string_value(json_object_get(a, "editor"))))
      CHECKF(has_credit(c.doc, v, "editor"), "%s: editor %s", name, v);
    for (size_t k = 0; k < c.doc->credits.n; k++) {
      const char *cn = c.doc->credits.v[k].name;
      CHECKF(strcasecmp(cn, "Penulis") && strcasecmp(cn, "Editor") &&
                 strcasecmp(cn, "thumbnail-author"),
             "%s: label as credit: %s", name, cn);
    }
    clean_close(&c);
    n++;
  }
  CHECK_INT_EQ(n, 5);
  json_decref(root);
}

/* A headline naming a month and year is the title, not the publication
 * time; the date line with a clock after it is ("Rabu, 1 Oktober 2025
 * 11:32 WIB").  A wire dateline's month and day is kept as the report's
 * day. */
WT_TEST(clean_text_month_headline_then_date_line) {
  static const char page[] =
      "Kantor Berita Contoh\n"
      "Ekonomi\n"
      "Harga Beras Naik pada Agustus 2025 di Kota Hulu\n"
      "Rabu, 3 September 2025 11:32 WIB\n"
      "Pedagang beras melayani pembeli. FOTO/Contoh\n"
      "KOTA HULU, Sept 3 (Contoh) - Harga beras di pasar tradisional Kota "
      "Hulu naik sepanjang Agustus 2025, kata kepala dinas perdagangan "
      "setempat kepada wartawan, Rabu.\n\n"
      "Kenaikan itu dipicu pasokan yang berkurang setelah panen mundur di "
      "sejumlah kecamatan sentra produksi padi.\n";
  clean_case c;
  REQUIRE(clean_open(&c, "mem.txt", page) == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK_STR_EQ(d->title.value, "Harga Beras Naik pada Agustus 2025 di Kota Hulu");
  CHECK_STR_EQ(d->published.text, "Rabu, 3 September 2025 11:32 WIB");
  CHECK_STR_EQ(d->dateline_date, "Sept 3");
  clean_close(&c);
}

/* Headline, standfirst, the writer's name, then the date lines: the
 * headline is the title and the date lines date the page, though the
 * standfirst already reads as body. */
WT_TEST(clean_text_standfirst_name_then_date) {
  static const char page[] =
      "CW\n"
      "Europe | World | Business | Science | Culture | Sports | Live TV\n"
      "Politics | Netherlands\n\n"
      "Dutch vote: liberals edge ahead, turnout climbs in cities\n\n"
      "The liberal VVD came first in Wednesday's general election and the "
      "Freedom Party finished second, its best result in a decade. The "
      "Christian Democrats of the outgoing coalition slumped to fourth.\n\n"
      "Anna de Vries\n"
      "10/30/2025\n"
      "October 30, 2025\n\n"
      "VVD leader Dilan Yesilgoz spoke to supporters in The Hague on "
      "election nightImage: Piet Bos/ANP/picture alliance\n\n"
      "The liberal party of the outgoing prime minister took 22% of the vote "
      "in Wednesday's general election, according to early counts released "
      "on Thursday morning by the national broadcaster.\n\n"
      "Turnout in Amsterdam, Rotterdam, The Hague and Utrecht was above 80%, "
      "the highest in two decades, election officials said.\n";
  clean_case c;
  REQUIRE(clean_open(&c, "mem.txt", page) == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK_STR_EQ(d->title.value,
               "Dutch vote: liberals edge ahead, turnout climbs in cities");
  CHECK(d->published.text && strstr(d->published.text, "2025"));
  clean_close(&c);
}

/* A credit line holding the time among its fields dates the page; a
 * caption set in square brackets is chrome; an HTML page dated only by a
 * <meta name="publish-date"> (data/clean/meta-names.txt) is dated. */
WT_TEST(clean_credit_line_time_bracket_caption_meta_date) {
  static const char page[] =
      "Contoh News | English\n"
      "Home | World | Business | Sports\n\n"
      "Two ministers sign fisheries pact in port city\n\n"
      "Source: Contoh | Editor: wangwei | 2023-05-18 21:40:12\n\n"
      "[Photo: The two ministers shake hands after the signing in the port "
      "city, May 18, 2023.]\n\n"
      "PORT CITY, May 18 (Contoh) -- The fisheries ministers of two "
      "neighbouring countries signed a pact on Thursday to share patrol "
      "data and curb illegal fishing in their shared waters.\n\n"
      "The agreement takes effect next month and will be reviewed after "
      "three years, officials said after the ceremony.\n";
  clean_case c;
  REQUIRE(clean_open(&c, "mem.txt", page) == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(d->published.day == wt_day_parse("2023-05-18"));
  CHECK(d->body && !strstr(d->body, "shake hands"));
  clean_close(&c);
  static const char html[] =
      "<html><head><title>Port pact signed | Contoh</title>"
      "<meta name=\"publish-date\" content=\"2023-05-18 22:12:00\"></head>"
      "<body><article><h1>Port pact signed</h1>"
      "<p>The fisheries ministers of two neighbouring countries signed a pact "
      "on Thursday to share patrol data and curb illegal fishing in their "
      "shared waters, officials said.</p>"
      "<p>The agreement takes effect next month and will be reviewed after "
      "three years, the ministers told reporters after the ceremony.</p>"
      "</article></body></html>";
  REQUIRE(clean_open(&c, "mem.html", html) == 0);
  REQUIRE(c.rc == 0);
  CHECK(c.doc->published.day == wt_day_parse("2023-05-18"));
  clean_close(&c);
}

/* A print page: the headline over an upper-case kicker standfirst, a
 * date before its page number, a caption closed by "— Name pic"; a page
 * dated in dotted numbers, with a permalink line. */
WT_TEST(clean_print_kicker_page_date_pic_caption_dotted_date) {
  static const char page[] =
      "Harbour Daily\n"
      "Home | Front Page | Local | Business | Sports\n"
      "Front Page\n\n"
      "Ferry fares cut for island commuters\n\n"
      "RELIEF: Fares on three routes will fall by a fifth from next month, "
      "while the operator keeps its timetable, in what unions called a "
      "long overdue step\n\n"
      "By Mei Lan Chou / Staff reporter\n\n"
      "Tue, Mar 3, 2020 - Page 2\n\n"
      "Commuters queue at the north pier on Monday morning. — Harbour "
      "Daily pic\n\n"
      "The ferry operator said yesterday it would cut fares on three "
      "island routes by 20 percent from April, after months of "
      "complaints from commuters and the port workers' union.\n\n"
      "The cut will cost the operator about NT$40 million a year, its "
      "chairman told reporters at the north pier, adding that the "
      "timetable would not change.\n";
  clean_case c;
  REQUIRE(clean_open(&c, "mem.txt", page) == 0);
  REQUIRE(c.rc == 0);
  const wt_doc *d = c.doc;
  CHECK(d->title.value &&
        !strcmp(d->title.value, "Ferry fares cut for island commuters"));
  CHECK_STR_EQ(d->published.text, "Tue, Mar 3, 2020");
  CHECK(d->body && !strstr(d->body, "queue at the north pier"));
  clean_close(&c);
  static const char dotted[] =
      "Contoh Warta\n\n"
      "Pemerintah Turunkan Tarif Feri Antarpulau\n\n"
      "Tanggal 03.03.2020\n"
      "Penulis: Rina Hartati\n"
      "Tautan permanen https://contoh.example/p/3Yq\n\n"
      "Pemerintah menurunkan tarif feri di tiga lintasan antarpulau "
      "sebesar 20 persen mulai April, kata Menteri Perhubungan, Selasa "
      "(03/03).\n\n"
      "Penurunan tarif ini diharapkan meringankan beban warga yang setiap "
      "hari bekerja di kota pelabuhan, ujarnya kepada wartawan.\n";
  REQUIRE(clean_open(&c, "mem2.txt", dotted) == 0);
  REQUIRE(c.rc == 0);
  d = c.doc;
  CHECK_STR_EQ(d->published.text, "Tanggal 03.03.2020");
  CHECK(d->body && !strstr(d->body, "Tautan"));
  clean_close(&c);
  /* a photo's caption closed by a one-word credit over the dateline */
  static const char captioned[] =
      "Contoh Warta\n\n"
      "Dua Menteri Resmikan Dermaga Baru di Pelabuhan Timur\n\n"
      "Oleh: Rina Hartati | Selasa, 3 Maret 2020 | 10:15 WIB\n\n"
      "Menteri Perhubungan meresmikan dermaga baru di Pelabuhan Timur, "
      "Selasa pagi. (AFP)\n\n"
      "Makassar, Contoh Warta - Menteri Perhubungan dan Menteri Kelautan "
      "meresmikan dermaga baru di Pelabuhan Timur, Selasa (3/3/2020), "
      "setelah dua tahun pembangunan.\n\n"
      "Dermaga itu mampu melayani dua kapal penumpang sekaligus dan "
      "diharapkan memangkas waktu tunggu penumpang, kata menteri.\n";
  REQUIRE(clean_open(&c, "mem3.txt", captioned) == 0);
  REQUIRE(c.rc == 0);
  d = c.doc;
  CHECK(d->body && !strstr(d->body, "(AFP)"));
  CHECK(d->body && !strncmp(d->body, "Menteri Perhubungan dan", 23));
  clean_close(&c);
  static const char paired[] =
      "Harbour Daily\n\n"
      "Two ministers open new ferry pier\n\n"
      "HARBOUR DAILY - Mar 3, 2020 - 10:15\n\n"
      "The transport minister and the fisheries minister cut a ribbon at "
      "the new pier on March 3, 2020. (Pool photo)(Harbour)\n\n"
      "The transport and fisheries ministers opened a new ferry pier on "
      "Tuesday, saying it would halve waiting times for island "
      "commuters.\n\n"
      "The pier can berth two passenger ferries at once, the transport "
      "minister told reporters after the ceremony.\n";
  REQUIRE(clean_open(&c, "mem4.txt", paired) == 0);
  REQUIRE(c.rc == 0);
  CHECK(c.doc->body && !strstr(c.doc->body, "ribbon"));
  clean_close(&c);
}
