/*
 * test_clean_detik.c - the clean stage against hand labels on scraped
 * detik.com texts (../shared/data/detik-news, read at run time; the
 * repository keeps only labels: tests/fixtures/clean/detik-labels.tsv
 * names each line by a hash, never by its text).  Every labelled real
 * paragraph must survive cleaning and no promo line may.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "core/doc.h"
#include "harness.h"
#include "ingest/ingest.h"

#define DETIK_MAX_ROWS 4096

/* Field 4 (isi_berita) of every data row of an RFC 4180 CSV held in s;
 * rows[i] points into s, NUL-terminated in place (quotes undoubled). */
static size_t detik_rows(char *s, char **rows, size_t cap) {
  size_t n = 0, field = 0, line = 0;
  char *p = s;
  while (*p && n < cap) {
    char *start = p, *w = p;
    if (*p == '"') {
      p++;
      for (;;) {
        if (!*p) break;
        if (*p == '"' && p[1] == '"') *w++ = '"', p += 2;
        else if (*p == '"') { p++; break; }
        else *w++ = *p++;
      }
    } else {
      while (*p && *p != ',' && *p != '\n') *w++ = *p++;
    }
    char end = *p;
    *w = '\0';
    if (line > 0 && field == 4) rows[n++] = start;
    if (end == ',') {
      field++;
      p++;
    } else {
      field = 0;
      line++;
      if (end) p++;
    }
  }
  return n;
}

/* Whitespace collapsed and trimmed copy (malloc'd). */
static char *detik_norm(const char *s, size_t n) {
  char *o = malloc(n + 1);
  size_t k = 0;
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      sp = 1;
      continue;
    }
    if (sp && k) o[k++] = ' ';
    sp = 0;
    o[k++] = c;
  }
  o[k] = '\0';
  return o;
}

static uint64_t detik_fnv(const char *s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
  return h;
}

/* Line k (0-based, blank lines skipped) of text, normalised; NULL past
 * the end. */
static char *detik_line(const char *text, int k) {
  int i = 0;
  for (const char *p = text; *p;) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *l = detik_norm(p, n);
    if (*l) {
      if (i++ == k) return l;
    }
    free(l);
    if (!e) break;
    p = e + 1;
  }
  return NULL;
}

WT_TEST(clean_detik_labelled_lines) {
  char csv[1024], lab[1024];
  if (!wt_test_shared("data/detik-news/data_berita.csv", csv, sizeof csv))
    SKIP("../shared is absent");
  FILE *f = fopen(csv, "rb");
  REQUIRE(f != NULL);
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = malloc((size_t)sz + 1);
  REQUIRE(fread(data, 1, (size_t)sz, f) == (size_t)sz);
  fclose(f);
  data[sz] = '\0';
  char **rows = calloc(DETIK_MAX_ROWS, sizeof *rows);
  size_t nrows = detik_rows(data, rows, DETIK_MAX_ROWS);
  CHECK(nrows > 500);

  char err[512];
  wt_clean_res *res = wt_clean_load(err, sizeof err);
  REQUIRE(res != NULL);
  FILE *lf = fopen(wt_test_src("tests/fixtures/clean/detik-labels.tsv", lab,
                               sizeof lab), "r");
  REQUIRE(lf != NULL);
  char buf[256], *body = NULL;
  long cur = -1;
  wt_doc *doc = NULL;
  wt_ingest *g = NULL;
  wt_input in;
  int body_lines = 0, kept = 0, promo = 0, promo_left = 0;
  while (fgets(buf, sizeof buf, lf)) {
    if (buf[0] == '#' || buf[0] == '\n') continue;
    long row;
    int k;
    unsigned long long h;
    char kind;
    if (sscanf(buf, "%ld\t%d\t%llx\t%c", &row, &k, &h, &kind) != 4) continue;
    REQUIRE(row >= 0 && (size_t)row < nrows);
    if (row != cur) {
      if (doc) wt_doc_free(doc), wt_ingest_close(g), doc = NULL;
      free(body);
      cur = row;
      char name[64];
      snprintf(name, sizeof name, "detik-%ld.txt", row);
      g = wt_ingest_open_buffer(name, rows[row], strlen(rows[row]));
      const char *origin;
      REQUIRE(wt_ingest_next(g, &in, &origin, err, sizeof err) == 1);
      doc = wt_doc_new(0);
      doc->in = &in;
      int rc = wt_clean_run(res, doc, err, sizeof err);
      CHECKF(rc == 0, "row %ld: %s", row, err);
      body = doc->body ? detik_norm(doc->body, doc->body_len) : NULL;
    }
    char *line = detik_line(rows[row], k);
    CHECKF(line && detik_fnv(line) == (uint64_t)h,
           "row %ld line %d: the data set changed", row, k);
    if (line && body) {
      size_t n = strlen(line);
      if (kind == 'B') {
        /* its end (a dateline may be cut from its start) */
        const char *tail = line + (n > 40 ? n - 40 : 0);
        body_lines++;
        if (strstr(body, tail)) kept++;
        else wt_test_fail(__FILE__, __LINE__, "row %ld line %d lost: %.60s",
                          row, k, line);
      } else if (kind == 'P') {
        char head[41];
        snprintf(head, sizeof head, "%s", line);
        promo++;
        if (strstr(body, head)) {
          promo_left++;
          wt_test_fail(__FILE__, __LINE__, "row %ld line %d promo left: %.60s",
                       row, k, line);
        }
      }
    }
    free(line);
  }
  free(body);
  fclose(lf);
  if (doc) wt_doc_free(doc), wt_ingest_close(g);
  fprintf(stderr, "    detik labels: %d/%d body lines kept, %d/%d promo left\n",
          kept, body_lines, promo_left, promo);
  CHECK(body_lines > 300);
  CHECK(promo > 20);
  wt_clean_free(res);
  free(rows);
  free(data);
}
