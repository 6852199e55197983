/*
 * fuzz_api_query.c - hostile query strings against a small store: the
 * event filters, full-text search, article/event/entity lookups and the
 * timeline must fail cleanly (a status, never a crash) on any input.
 *
 * The input is split at NUL bytes into up to six fields: q, entity, since,
 * cursor, an id, and a search query.  The store (in memory) holds two
 * pages ingested once at start-up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "warta.h"

static warta *fz_w;

static const char fz_pages[] =
    "{\"id\":\"f-1\",\"title\":\"Presiden Bertemu Menteri\",\"outlet\":\"A\","
    "\"text\":\"Presiden bertemu menteri di Jakarta pada Senin (20/1/2025) "
    "selama 1 jam 25 menit, kata juru bicara.\"}\n"
    "{\"id\":\"f-2\",\"title\":\"Pertemuan di Istana\",\"outlet\":\"B\","
    "\"text\":\"Pertemuan presiden dan menteri berlangsung di Istana "
    "Jakarta, Senin (20/1/2025).\"}\n";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  warta_options o = {.db_path = ":memory:"};
  char *err = NULL;
  if (warta_open(&o, &fz_w, &err) != WARTA_OK) abort();
  warta_ingest_buffer(fz_w, "seed", fz_pages, sizeof fz_pages - 1, NULL, NULL,
                      NULL);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size + 1);
  if (!buf) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  const char *f[6] = {NULL};
  size_t k = 0;
  for (char *p = buf; k < 6 && p <= buf + size; k++) {
    f[k] = p;
    p += strlen(p) + 1;
  }
  warta_event_filter flt = {.q = f[0], .entity = f[1], .since = f[2],
                            .cursor = f[3], .limit = 5};
  char *out = NULL;
  warta_events(fz_w, &flt, &out);
  warta_free(out);
  out = NULL;
  const char *id = f[4] ? f[4] : "";
  warta_article(fz_w, id, &out);
  warta_free(out);
  out = NULL;
  warta_event(fz_w, id, &out);
  warta_free(out);
  out = NULL;
  warta_entity(fz_w, id, &out);
  warta_free(out);
  out = NULL;
  warta_timeline(fz_w, id, &out);
  warta_free(out);
  out = NULL;
  warta_search(fz_w, f[5] ? f[5] : buf, 5, &out);
  warta_free(out);
  free(buf);
  return 0;
}
