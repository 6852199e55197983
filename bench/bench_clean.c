/*
 * bench_clean.c - speed and memory of ingest + clean over a directory of
 * pages (HTML, text or JSON Lines; "*.gz" files are read through gzip -dc).
 *
 *   bench_clean DIR [OUT.jsonl]
 *
 * Prints pages, failures, pages/s (cleaning only, reading excluded) and
 * peak RSS (getrusage).  With OUT, writes one {"id", "body"} JSON line per
 * page (id: file name without extension) for bench/extraction_f1.py.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "clean/clean.h"
#include "core/doc.h"
#include "core/strbuf.h"
#include "core/util.h"
#include "ingest/ingest.h"

static int bench_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a page, through gzip for .gz; malloc'd, NULL on failure. */
static char *bench_read(const char *path, size_t *len) {
  size_t n = strlen(path);
  if (n > 3 && !strcmp(path + n - 3, ".gz")) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
    FILE *f = popen(cmd, "r");
    if (!f) return NULL;
    wt_sb sb;
    wt_sb_init(&sb, WT_INGEST_MAX_FILE);
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) wt_sb_add(&sb, buf, got);
    pclose(f);
    *len = sb.len;
    return wt_sb_take(&sb);
  }
  char err[256], *out = NULL;
  if (wt_read_file(path, WT_INGEST_MAX_FILE, &out, len, err, sizeof err)) return NULL;
  return out;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_clean DIR [OUT.jsonl]\n");
    return 2;
  }
  char err[512];
  wt_clean_res *r = wt_clean_load(err, sizeof err);
  if (!r) {
    fprintf(stderr, "bench_clean: %s\n", err);
    return 1;
  }
  FILE *out = argc > 2 ? fopen(argv[2], "w") : NULL;
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    return 1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.' || strstr(e->d_name, ".json") ||
        strstr(e->d_name, ".md") || !strcmp(e->d_name, "LICENSE"))
      continue;
    if (n == cap) names = realloc(names, (cap = cap ? cap * 2 : 256) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, bench_cmp);
  double t_clean = 0;
  size_t pages = 0, failed = 0, bytes = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
    size_t len = 0;
    char *buf = bench_read(path, &len);
    if (!buf) {
      failed++;
      continue;
    }
    double t0 = wt_now();
    wt_ingest *g = wt_ingest_open_buffer(names[i], buf, len);
    wt_input in;
    const char *origin;
    int rc;
    char *body = NULL;
    while ((rc = wt_ingest_next(g, &in, &origin, err, sizeof err)) != 0) {
      if (rc < 0) {
        failed++;
        continue;
      }
      wt_doc *doc = wt_doc_new(0);
      doc->in = &in;
      pages++;
      bytes += in.content_len;
      if (wt_clean_run(r, doc, err, sizeof err) != 0) failed++;
      else if (out && !body) body = strdup(doc->body);
      wt_doc_free(doc);
    }
    wt_ingest_close(g);
    t_clean += wt_now() - t0;
    if (out) {
      char *id = strdup(names[i]);
      char *dot = strchr(id, '.');
      if (dot) *dot = '\0';
      wt_sb sb;
      wt_sb_init(&sb, 0);
      wt_sb_adds(&sb, "{\"id\":");
      wt_sb_json_str(&sb, id, strlen(id));
      wt_sb_adds(&sb, ",\"body\":");
      wt_sb_json_str(&sb, body ? body : "", body ? strlen(body) : 0);
      wt_sb_adds(&sb, "}\n");
      fwrite(sb.s, 1, sb.len, out);
      wt_sb_free(&sb);
      free(id);
    }
    free(body);
    free(buf);
    free(names[i]);
  }
  free(names);
  if (out) fclose(out);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("pages %zu  failed %zu  MB %.1f  seconds %.3f  pages/s %.0f  MB/s %.1f  peak RSS %ld KiB\n",
         pages, failed, bytes / 1e6, t_clean, t_clean > 0 ? pages / t_clean : 0,
         t_clean > 0 ? bytes / 1e6 / t_clean : 0, ru.ru_maxrss);
  wt_clean_free(r);
  return 0;
}
