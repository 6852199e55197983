/*
 * test_ingest.c - the input stream: formats, JSON Lines records and their
 * failures, directory walking, bad files (empty, binary, invalid UTF-8,
 * oversized), charset conversion, buffers.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "ingest/ingest.h"

static const char *ingest_tmp(const char *name, const void *data, size_t n,
                              char *buf, size_t len) {
  snprintf(buf, len, "%s/%s", wt_test_tmpdir(), name);
  if (wt_test_write(buf, data, n) != 0) return NULL;
  return buf;
}

WT_TEST(ingest_sniff_formats) {
  const char *html = "<!DOCTYPE html><html><body><p>x</p></body></html>";
  CHECK_INT_EQ(wt_ingest_sniff(html, strlen(html)), WT_FMT_HTML);
  const char *frag = "<div><p>Satu.</p><p>Dua.</p><p>Tiga.</p></div>";
  CHECK_INT_EQ(wt_ingest_sniff(frag, strlen(frag)), WT_FMT_HTML);
  const char *text = "Judul\n\nParagraf satu.\n➡️ Baca Juga: <p>“X”</p>\n";
  CHECK_INT_EQ(wt_ingest_sniff(text, strlen(text)), WT_FMT_TEXT);
}

WT_TEST(ingest_jsonl_bad_line_among_good) {
  const char *jl =
      "{\"id\":\"a1\",\"text\":\"Satu dua tiga.\",\"title\":\"T\",\"source_x\":5}\n"
      "{\"id\":\"a2\",\"text\": broken\n"
      "\n"
      "{\"id\":\"a3\",\"title\":\"tanpa isi\"}\n"
      "{\"id\":4,\"html\":\"<p>Empat.</p>\",\"url\":\"https://x.id/4\"}\n";
  char p[1024];
  REQUIRE(ingest_tmp("in.jsonl", jl, strlen(jl), p, sizeof p));
  const char *paths[] = {p};
  wt_ingest *g = wt_ingest_open_paths(paths, 1);
  wt_input in;
  const char *origin;
  char err[512], want[1100];
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_STR_EQ(in.ext_id, "a1");
  CHECK_STR_EQ(in.title, "T");
  CHECK_INT_EQ(in.format, WT_FMT_TEXT);
  CHECK(in.extra_json && strstr(in.extra_json, "source_x"));
  snprintf(want, sizeof want, "%s:1", p);
  CHECK_STR_EQ(in.origin, want);
  CHECK(in.raw && in.raw[0] == '{');
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(err, ":2: malformed JSON") != NULL);
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(err, ":4:") && strstr(err, "no \"text\" or \"html\""));
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_STR_EQ(in.ext_id, "4");
  CHECK_INT_EQ(in.format, WT_FMT_HTML);
  CHECK_STR_EQ(in.url, "https://x.id/4");
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
}

WT_TEST(ingest_bad_files_reported_stream_continues) {
  char d[600], p[1024];
  snprintf(d, sizeof d, "%s/pages", wt_test_tmpdir());
  mkdir(d, 0700);
  snprintf(p, sizeof p, "%s/a-empty.txt", d);
  wt_test_write(p, "  \n", 3);
  snprintf(p, sizeof p, "%s/b-binary.bin", d);
  wt_test_write(p, "\x00\x01\x02PK", 6);
  snprintf(p, sizeof p, "%s/c-latin1.txt", d);
  wt_test_write(p, "abc caf\xe9 def", 12);
  snprintf(p, sizeof p, "%s/d-good.txt", d);
  wt_test_write(p, "Teks yang baik.", 15);
  snprintf(p, sizeof p, "%s/.hidden.txt", d);
  wt_test_write(p, "tersembunyi", 11);
  snprintf(p, sizeof p, "%s/sub", d);
  mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/sub/e.txt", d);
  wt_test_write(p, "Di subdirektori.", 16);
  const char *paths[] = {d, "/nonexistent/warta/x.txt"};
  wt_ingest *g = wt_ingest_open_paths(paths, 2);
  wt_input in;
  const char *origin;
  char err[512];
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(origin, "a-empty") && strstr(err, "empty"));
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(origin, "b-binary") && strstr(err, "binary"));
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(origin, "c-latin1") && strstr(err, "invalid UTF-8 at byte 7"));
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK(strstr(in.origin, "d-good.txt") != NULL);
  CHECK(in.file_mtime > 0);
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK(strstr(in.origin, "sub/e.txt") != NULL);
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(origin, "nonexistent") && strstr(err, "cannot open"));
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
}

WT_TEST(ingest_oversized_rejected_before_reading) {
  char p[1024];
  snprintf(p, sizeof p, "%s/big.txt", wt_test_tmpdir());
  FILE *f = fopen(p, "wb");
  REQUIRE(f != NULL);
  /* a sparse 50 MB file: size is checked before any byte is read */
  fseek(f, 50L << 20, SEEK_SET);
  fputc('x', f);
  fclose(f);
  const char *paths[] = {p};
  wt_ingest *g = wt_ingest_open_paths(paths, 1);
  wt_input in;
  const char *origin;
  char err[512];
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), -1);
  CHECK(strstr(err, "too large") != NULL);
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
}

WT_TEST(ingest_windows1252_html_converted) {
  const char *html = "<html><head><meta charset=\"windows-1252\"></head>"
                     "<body><p>Caf\xe9 \x93kopi\x94</p></body></html>";
  wt_ingest *g = wt_ingest_open_buffer("req", html, strlen(html));
  wt_input in;
  const char *origin;
  char err[512];
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_INT_EQ(in.format, WT_FMT_HTML);
  CHECK(strstr(in.content, "Caf\xc3\xa9 \xe2\x80\x9ckopi\xe2\x80\x9d") != NULL);
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
}

WT_TEST(ingest_buffer_single_object_and_array) {
  const char *one = "{\n  \"id\": \"x\",\n  \"text\": \"Isi berita.\"\n}\n";
  wt_ingest *g = wt_ingest_open_buffer("body", one, strlen(one));
  wt_input in;
  const char *origin;
  char err[512];
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_STR_EQ(in.ext_id, "x");
  CHECK_STR_EQ(in.content, "Isi berita.");
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
  const char *arr = "[{\"text\":\"Satu.\"},{\"html\":\"<p>Dua.</p>\"}]";
  g = wt_ingest_open_buffer("body", arr, strlen(arr));
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_STR_EQ(in.origin, "body:1");
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_STR_EQ(in.origin, "body:2");
  CHECK_INT_EQ(in.format, WT_FMT_HTML);
  CHECK_INT_EQ(wt_ingest_next(g, &in, &origin, err, sizeof err), 0);
  wt_ingest_close(g);
  const char *txt = "Hanya teks biasa.";
  g = wt_ingest_open_buffer("t", txt, strlen(txt));
  REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
  CHECK_INT_EQ(in.format, WT_FMT_TEXT);
  CHECK_STR_EQ(in.content, txt);
  wt_ingest_close(g);
}
