/*
 * test_badinput.c - a directory mixing good pages with bad inputs: an empty
 * file, a binary file, invalid UTF-8, a 50 MB file (made at test time) and
 * a JSON Lines file with one malformed line.  Every good page is stored,
 * every bad input is reported on stderr with its path and a reason, the
 * exit status is 1 and the store passes SQLite's integrity check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "test_cli_pages.h"

static void write_at(const char *dir, const char *name, const void *p,
                     size_t n) {
  char path[800];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  wt_test_write(path, p, n);
}

/* The stderr line reporting path, or NULL. */
static const char *reported(const char *err, const char *name) {
  const char *p = err;
  while (p && (p = strstr(p, name))) {
    const char *bol = p;
    while (bol > err && bol[-1] != '\n') bol--;
    if (strncmp(bol, "warta: ", 7) == 0) return bol;
    p++;
  }
  return NULL;
}

WT_TEST(badinput_mixed_directory) {
  char dir[700], db[700], cmd[800];
  snprintf(dir, sizeof dir, "%s/in", wt_test_tmpdir());
  snprintf(db, sizeof db, "%s/w.db", wt_test_tmpdir());
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
  REQUIRE(system(cmd) == 0);
  int good = wt_pages_write_good(dir);

  write_at(dir, "empty.txt", "", 0);
  unsigned char bin[4096];
  for (size_t i = 0; i < sizeof bin; i++) bin[i] = (unsigned char)(i * 7);
  write_at(dir, "image.bin", bin, sizeof bin);
  const char bad_utf8[] = "Berita hari ini \xc3\x28 tidak \xff\xfe valid.\n"
                          "Paragraf kedua yang cukup panjang untuk dibaca.";
  write_at(dir, "latin1.txt", bad_utf8, sizeof bad_utf8 - 1);
  /* 50 MB of text: over the per-file cap */
  size_t big = (size_t)50 << 20;
  char *huge = malloc(big);
  REQUIRE(huge);
  for (size_t i = 0; i < big; i++) huge[i] = "lorem ipsum dolor\n"[i % 18];
  write_at(dir, "huge.txt", huge, big);
  free(huge);
  const char jl[] =
      "{\"id\":\"mix-1\",\"title\":\"Pasar Modal Menguat\",\"outlet\":"
      "\"Bursa Hari Ini\",\"text\":\"Indeks harga saham gabungan ditutup "
      "menguat 1,2 persen pada Kamis (6/3/2025) didorong saham perbankan.\"}\n"
      "{\"id\":\"mix-2\",\"title\":\"Rusak\",\"text\":\"tanpa penutup\n"
      "{\"id\":\"mix-3\",\"title\":\"Nelayan Melaut Lagi\",\"outlet\":"
      "\"Pesisir\",\"text\":\"Nelayan di Indramayu kembali melaut setelah "
      "cuaca membaik, Jumat (7/3/2025), kata ketua paguyuban nelayan.\"}\n";
  write_at(dir, "mixed.jsonl", jl, sizeof jl - 1);

  char *out = NULL, *err = NULL;
  const char *argv[] = {"ingest", "--db", db, dir, NULL};
  int rc = wt_test_run(argv, NULL, &out, &err);
  CHECKF(rc == 1, "exit %d, stderr:\n%s", rc, err ? err : "");
  REQUIRE(err);
  static const char *bad[] = {"empty.txt", "image.bin", "latin1.txt",
                              "huge.txt", "mixed.jsonl:2"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *line = reported(err, bad[i]);
    CHECKF(line, "%s not reported:\n%s", bad[i], err);
    /* "warta: PATH: reason" with a non-empty reason */
    const char *colon = line ? strstr(line, bad[i]) : NULL;
    if (colon) colon = strchr(colon + strlen(bad[i]), ':');
    CHECKF(colon && colon[1] == ' ' && colon[2] && colon[2] != '\n',
           "%s: no reason", bad[i]);
  }
  CHECK(!reported(err, "banjir.txt"));
  CHECK(!reported(err, "mixed.jsonl:1"));
  CHECK(strstr(err, "failed 5") != NULL);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles"), good + 2);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles WHERE ext_id"
                             " IN ('mix-1','mix-3')"),
               2);
  char *ok = wt_db_text(db, "PRAGMA integrity_check");
  CHECK_STR_EQ(ok, "ok");
  free(ok);
  free(out);
  free(err);
}

WT_TEST(badinput_missing_path_and_bad_db) {
  char db[700];
  snprintf(db, sizeof db, "%s/w.db", wt_test_tmpdir());
  char *err = NULL;
  const char *argv[] = {"ingest", "--db", db, "/nonexistent/warta/x.txt",
                        NULL};
  CHECK_INT_EQ(wt_test_run(argv, NULL, NULL, &err), 1);
  CHECK(err && strstr(err, "warta: /nonexistent/warta/x.txt: "));
  free(err);
  /* a file that is not a store: a store error, exit 3 */
  char junk[700];
  snprintf(junk, sizeof junk, "%s/junk.db", wt_test_tmpdir());
  wt_test_write(junk, "this is not sqlite at all, just text\n", 37);
  const char *argv2[] = {"events", "--db", junk, NULL};
  CHECK_INT_EQ(wt_test_run(argv2, NULL, NULL, NULL), 3);
  const char *argv3[] = {"events", "--db", "/nonexistent/dir/w.db", NULL};
  CHECK_INT_EQ(wt_test_run(argv3, NULL, NULL, NULL), 3);
}
