/*
 * test_extract_seeds.c - the acceptance test of the extract stage: the
 * whole pipeline over every page labelled in ../shared/seeds/expected.json,
 * scored against its labels (people, quotes with speaker and start, cited
 * sources, durations, referenced events, event type, participants, date).
 * Prints found/missed/wrong per kind; WT_VERBOSE=1 lists every miss.  The
 * pages are read from the labels file; nothing here knows them.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/calendar.h"
#include "core/pipeline.h"
#include "extract/extract.h"
#include "harness.h"

typedef struct sd_count {
  int found, missed, wrong;
} sd_count;

static int sd_verbose(void) { return getenv("WT_VERBOSE") != NULL; }

/* Entity e is `name`: same name, same gazetteer id, or one name contains
 * the other's first word as a whole ("Kremlin live broadcast"). */
static int sd_is(const wt_resources *R, const wt_doc *d, int32_t e,
                 const char *name) {
  if (e < 0 || (size_t)e >= d->entities.n) return 0;
  const wt_entity *en = &d->entities.v[e];
  if (strcasecmp(en->name, name) == 0) return 1;
  const char *id = wt_extract_lookup(R->extract, name);
  return id && strcmp(id, en->id) == 0;
}

static int sd_source_is(const wt_resources *R, const wt_doc *d,
                        const wt_source *s, const char *name) {
  if (sd_is(R, d, s->entity, name)) return 1;
  const char *have = s->entity >= 0 ? d->entities.v[s->entity].name : s->name;
  if (strcasestr(have, name) || strcasestr(name, have)) return 1;
  if (s->name && (strcasestr(s->name, name) || strcasestr(name, s->name)))
    return 1;
  /* an English label of a credited body: its words in the entity's name */
  return s->entity >= 0 && wt_extract_lookup(R->extract, name) == NULL &&
         strncasecmp(name, have, strlen(have)) == 0;
}

static void sd_tally(sd_count *c, int ok, const char *what, const char *page,
                     const char *item) {
  if (ok) {
    c->found++;
    return;
  }
  c->missed++;
  if (sd_verbose()) printf("  %s: missed %s \"%s\"\n", page, what, item);
}

WT_TEST(extract_seeds_acceptance) {
  char path[4096], err[512];
  if (!wt_test_shared("seeds/expected.json", path, sizeof path))
    SKIP("../shared is absent");
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  REQUIRE(root != NULL);
  wt_resources R;
  if (wt_resources_load(&R, err, sizeof err) != 0) {
    json_decref(root);
    SKIP("pipeline resources do not load yet");
  }
  sd_count people = {0}, quotes = {0}, sources = {0}, durs = {0}, secs = {0},
           types = {0}, parts = {0}, dates = {0}, windows = {0};
  json_t *events = json_object_get(root, "events");
  const char *page;
  json_t *a;
  json_object_foreach(json_object_get(root, "articles"), page, a) {
    char rel[256], ppath[4096];
    snprintf(rel, sizeof rel, "seeds/%s", page);
    size_t len;
    char *text = wt_test_slurp(wt_test_shared(rel, ppath, sizeof ppath), &len);
    if (!text) continue;
    wt_input in = {0};
    in.origin = page;
    in.content = text;
    in.content_len = len;
    in.raw = text;
    in.raw_len = len;
    in.format = WT_FMT_TEXT;
    /* as `warta ingest` does: the file's time is the weak reference */
    struct stat st;
    if (stat(ppath, &st) == 0) in.file_mtime = (int64_t)st.st_mtime;
    wt_doc *d = wt_pipeline_run(&R, &in, err, sizeof err);
    if (!d) {
      free(text);
      continue;
    }
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(a, "people"), i, v) {
      int ok = 0;
      for (size_t k = 0; k < d->entities.n && !ok; k++)
        ok = sd_is(&R, d, (int32_t)k, json_string_value(v));
      sd_tally(&people, ok, "person", page, json_string_value(v));
    }
    json_array_foreach(json_object_get(a, "quotes"), i, v) {
      const char *who = json_string_value(json_object_get(v, "speaker"));
      const char *start = json_string_value(json_object_get(v, "starts"));
      const wt_quote *q = NULL;
      for (size_t k = 0; k < d->quotes.n && !q; k++)
        if (strncmp(d->body + d->quotes.v[k].span.start, start,
                    strlen(start)) == 0)
          q = &d->quotes.v[k];
      if (q && q->speaker >= 0 && !sd_is(&R, d, q->speaker, who)) {
        quotes.wrong++;
        printf("  %s: WRONG speaker %s for \"%s\"\n", page,
               d->entities.v[q->speaker].name, start);
      } else {
        sd_tally(&quotes, q && q->speaker >= 0, "quote", page, start);
      }
    }
    json_array_foreach(json_object_get(a, "cited_sources"), i, v) {
      int ok = 0;
      for (size_t k = 0; k < d->sources.n && !ok; k++)
        ok = sd_source_is(&R, d, &d->sources.v[k], json_string_value(v));
      sd_tally(&sources, ok, "source", page, json_string_value(v));
    }
    json_array_foreach(json_object_get(a, "amounts"), i, v) {
      const char *kind = json_string_value(json_object_get(v, "kind"));
      if (!kind || strcmp(kind, "duration") != 0) continue;
      int want = (int)json_integer_value(json_object_get(v, "minutes"));
      sd_tally(&durs, d->frame.duration_minutes == want, "duration", page,
               json_string_value(json_object_get(v, "text")));
    }
    json_array_foreach(json_object_get(a, "referenced_events"), i, v) {
      const char *when = json_string_value(json_object_get(v, "when"));
      if (!when || !(when[0] >= '0' && when[0] <= '9')) continue;
      int32_t lo = wt_day_parse(when), hi = lo;
      const char *slash = strchr(when, '/');
      if (slash) hi = wt_day_parse(slash + 1);
      int ok = 0;
      for (size_t k = 0; k < d->secondary.n && !ok; k++) {
        const wt_frame *f = &d->secondary.v[k];
        if (f->date_value && strncmp(f->date_value, when, strlen(when)) == 0)
          ok = 1;
        if (lo != WT_NO_DAY && f->day != WT_NO_DAY && f->day >= lo &&
            f->day <= hi)
          ok = 1;
        if (slash && f->timex >= 0) {
          const wt_timex *x = &d->timexes.v[f->timex];
          ok |= x->day_lo <= hi && x->day_hi >= lo;
        }
      }
      sd_tally(&secs, ok, "referenced event", page,
               json_string_value(json_object_get(v, "what")));
    }
    const char *ev = json_string_value(json_object_get(a, "event"));
    json_t *e;
    json_array_foreach(events, i, e) {
      if (strcmp(json_string_value(json_object_get(e, "event")), ev) != 0)
        continue;
      const char *type = json_string_value(json_object_get(e, "type"));
      sd_tally(&types, d->frame.type && strcmp(d->frame.type, type) == 0,
               "event type", page, type);
      json_t *p;
      size_t j;
      json_array_foreach(json_object_get(e, "participants"), j, p) {
        int ok = 0;
        for (size_t k = 0; k < d->frame.n_participants && !ok; k++)
          ok = sd_is(&R, d, d->frame.participants[k], json_string_value(p));
        sd_tally(&parts, ok, "participant", page, json_string_value(p));
      }
      char got[11] = "-";
      if (d->frame.day != WT_NO_DAY) wt_day_iso(d->frame.day, got);
      const char *want = json_string_value(json_object_get(e, "date"));
      int ok = strcmp(got, want) == 0;
      if (!ok && d->frame.day != WT_NO_DAY) dates.wrong++;
      sd_tally(&dates, ok, "date", page, want);
      if (!ok && sd_verbose())
        printf("    (got %s, %s)\n", got,
               d->frame.date_how ? d->frame.date_how : "-");
      /* the plausible window must hold the true day */
      int32_t wd = wt_day_parse(want);
      sd_tally(&windows,
               d->frame.day_min != WT_NO_DAY && d->frame.day_max != WT_NO_DAY &&
                   d->frame.day_min <= wd && wd <= d->frame.day_max,
               "date window", page, want);
    }
    wt_doc_free(d);
    free(text);
  }
  struct {
    const char *name;
    sd_count *c;
  } rows[] = {{"people", &people},     {"quotes", &quotes},
              {"sources", &sources},   {"durations", &durs},
              {"referenced", &secs},   {"event type", &types},
              {"participants", &parts}, {"dates", &dates},
              {"date windows", &windows}};
  for (size_t k = 0; k < sizeof rows / sizeof *rows; k++)
    printf("  seeds %-13s found %d, missed %d, wrong %d\n", rows[k].name,
           rows[k].c->found, rows[k].c->missed, rows[k].c->wrong);
  CHECK_INT_EQ(quotes.wrong, 0);
  CHECK_INT_EQ(people.missed, 0);
  CHECK_INT_EQ(quotes.missed, 0);
  CHECK_INT_EQ(sources.missed, 0);
  CHECK_INT_EQ(durs.missed, 0);
  CHECK_INT_EQ(secs.missed, 0);
  CHECK_INT_EQ(types.missed, 0);
  CHECK_INT_EQ(parts.missed, 0);
  CHECK_INT_EQ(windows.missed, 0);
  wt_resources_free(&R);
  json_decref(root);
}
