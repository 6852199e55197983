/*
 * test_samples.c - acceptance tests against hand-labelled corpora: the
 * bundled sample corpus (samples/, labels in samples/labels.json) and the
 * first unseen set (tests/fixtures/unseen/: held out until its scores were
 * reported, a tuning set since; see samples/README.md).
 *
 * Each test ingests a corpus into a fresh store with the warta binary,
 *     warta ingest --db DB PATH...      (absolute paths, plus the feeds)
 *     warta events --db DB --json       (JSON Lines, one event per line)
 *     warta article --db DB --json ID   (one article)
 * and compares what comes out with the labels:
 *   - events: the labelled articles are partitioned exactly as labelled (no
 *     merges, no splits), and each event has the labelled date, type,
 *     participants (as a set; case and diacritics aside) and duration;
 *   - articles (the cleaning bar): title, outlet, publication day,
 *     language, where the body starts and ends, and chrome lines that must
 *     not be in the body.
 * Every mismatch is reported on its own line; a test never stops at the
 * first one.
 *
 * The label format (shared with ../shared/seeds/expected.json):
 *   {"feeds": [JSON Lines files, relative to the corpus root],
 *    "events": [{"event", "type", "date", "participants", "duration_minutes"?,
 *                "articles": [keys]}],
 *    "articles": {key: {"title", "outlet" (string, "Name (domain)", or a list
 *                 of accepted spellings), "published"?, "language"?,
 *                 "body_starts", "body_ends", "chrome_examples"}}}
 * An article key is a path relative to the corpus root, or a JSON Lines
 * record id.  warta reports a file's article by the path as given on the
 * command line, so output ids are mapped back by suffix.
 *
 * wt_samples_check_events() and wt_samples_check_articles() are also used
 * by test_seeds.c.
 */
#include "harness.h"

#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <utf8proc.h>

#define SAMPLES_MAX_ARGS 512
#define SAMPLES_PATH 1024

/* ------------------------------------------------------------ strings */

/* Whitespace-normalised copy: runs of ASCII space and U+00A0 become one
 * space, leading/trailing space dropped.  Caller frees. */
static char *samples_norm(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(n + 1), *o = out;
  int space = 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int ws = isspace(c);
    if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
      ws = 1;
      i++;
    }
    if (ws) {
      if (!space) *o++ = ' ';
      space = 1;
    } else {
      *o++ = (char)c;
      space = 0;
    }
  }
  while (o > out && o[-1] == ' ') o--;
  *o = '\0';
  return out;
}

/* Case-folded, diacritic-stripped, whitespace-normalised key for comparing
 * names ("Maroš Šefčovič" == "maros sefcovic").  Caller frees. */
static char *samples_fold(const char *s) {
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t r = utf8proc_map(
      (const utf8proc_uint8_t *)s, 0, &dst,
      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  char *n = samples_norm(r < 0 || !dst ? s : (const char *)dst);
  free(dst);
  return n;
}

/* Outlet key: lower case, no "www."/"the ", no common TLD, alphanumerics
 * only ("KOMPAS.TV" -> "kompastv", "kumparan.com" -> "kumparan"). */
static void samples_outlet_key(const char *s, char *out, size_t n) {
  char *f = samples_fold(s);
  char *p = f;
  if (strncmp(p, "www.", 4) == 0) p += 4;
  if (strncmp(p, "the ", 4) == 0) p += 4;
  static const char *const tlds[] = {".co.id", ".com", ".id", ".net", ".co"};
  size_t len = strlen(p);
  for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++) {
    size_t t = strlen(tlds[i]);
    if (len > t && strcmp(p + len - t, tlds[i]) == 0) {
      p[len - t] = '\0';
      break;
    }
  }
  size_t k = 0;
  for (; *p && k + 1 < n; p++)
    if (isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80)) out[k++] = *p;
  out[k] = '\0';
  free(f);
}

static int samples_ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ------------------------------------------------------------ corpus */

/* out = a "/" b; -1 (and a truncated path) when it does not fit. */
static int samples_join(char *out, size_t n, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (n == 0) return -1;
  if (la + 1 + lb >= n) {
    out[0] = '\0';
    return -1;
  }
  memcpy(out, a, la);
  out[la] = '/';
  memcpy(out + la + 1, b, lb + 1);
  return 0;
}

typedef struct samples_corpus {
  const char *name; /* for messages */
  char root[SAMPLES_PATH];
  json_t *labels;
  char db[SAMPLES_PATH];
} samples_corpus;

static int samples_is_file(const samples_corpus *c, const char *key) {
  char p[SAMPLES_PATH];
  struct stat st;
  if (samples_join(p, sizeof p, c->root, key) != 0) return 0;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The id warta reports for a labelled article: the path given on the
 * command line for a file, the record id for JSON Lines. */
static void samples_ext_id(const samples_corpus *c, const char *key, char *out,
                           size_t n) {
  if (samples_is_file(c, key))
    (void)!samples_join(out, n, c->root, key);
  else
    snprintf(out, n, "%s", key);
}

/* Label key for an id warta printed, or NULL when it is not labelled. */
static const char *samples_key_of(const samples_corpus *c, const char *id) {
  json_t *arts = json_object_get(c->labels, "articles");
  const char *key;
  json_t *v;
  json_object_foreach(arts, key, v) {
    if (strcmp(id, key) == 0) return key;
    size_t kl = strlen(key), il = strlen(id);
    if (il > kl && id[il - kl - 1] == '/' && samples_ends_with(id, key))
      return key;
  }
  return NULL;
}

static int samples_load(samples_corpus *c, const char *name, const char *root,
                        const char *labels_path) {
  memset(c, 0, sizeof *c);
  c->name = name;
  snprintf(c->root, sizeof c->root, "%s", root);
  json_error_t e;
  c->labels = json_load_file(labels_path, 0, &e);
  if (!c->labels) {
    wt_test_fail(__FILE__, __LINE__, "%s: cannot load %s: %s (line %d)", name,
                 labels_path, e.text, e.line);
    return -1;
  }
  snprintf(c->db, sizeof c->db, "%s/%s.db", wt_test_tmpdir(), name);
  return 0;
}

/* Ingest every labelled file and every feed of the corpus.  0 on success. */
static int samples_ingest(samples_corpus *c) {
  static char paths[SAMPLES_MAX_ARGS][SAMPLES_PATH];
  const char *argv[SAMPLES_MAX_ARGS + 5];
  int n = 0, np = 0;
  argv[n++] = "ingest";
  argv[n++] = "--db";
  argv[n++] = c->db;
  json_t *arts = json_object_get(c->labels, "articles"), *v;
  const char *key;
  json_object_foreach(arts, key, v) {
    if (!samples_is_file(c, key) || np >= SAMPLES_MAX_ARGS) continue;
    if (samples_join(paths[np], SAMPLES_PATH, c->root, key) != 0) continue;
    argv[n++] = paths[np++];
  }
  size_t i;
  json_array_foreach(json_object_get(c->labels, "feeds"), i, v) {
    if (!json_is_string(v) || np >= SAMPLES_MAX_ARGS) continue;
    if (samples_join(paths[np], SAMPLES_PATH, c->root, json_string_value(v)) != 0)
      continue;
    argv[n++] = paths[np++];
  }
  argv[n] = NULL;
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  CHECKF(rc == 0, "%s: warta ingest exited %d: %s", c->name, rc,
         err ? err : "");
  free(out);
  free(err);
  return rc;
}

/* ------------------------------------------------------------ events */

typedef struct samples_out {
  json_t *events; /* array of event objects from `warta events --json` */
} samples_out;

static int samples_read_events(samples_corpus *c, samples_out *o) {
  const char *argv[] = {"events", "--db", c->db, "--json", NULL};
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  o->events = json_array();
  CHECKF(rc == 0, "%s: warta events exited %d: %s", c->name, rc,
         err ? err : "");
  int line_no = 0;
  for (char *line = out ? strtok(out, "\n") : NULL; line;
       line = strtok(NULL, "\n")) {
    line_no++;
    while (*line == ' ' || *line == '\t' || *line == '\r') line++;
    if (!*line) continue;
    json_error_t e;
    json_t *ev = json_loads(line, 0, &e);
    if (!ev || !json_is_object(ev)) {
      wt_test_fail(__FILE__, __LINE__,
                   "%s: events output line %d is not a JSON object: %.120s",
                   c->name, line_no, line);
      json_decref(ev);
      continue;
    }
    json_array_append_new(o->events, ev);
  }
  free(out);
  free(err);
  return rc;
}

/* Index of the output event holding label key `key`, or -1. */
static int samples_event_of(samples_corpus *c, samples_out *o,
                            const char *key) {
  size_t i, j;
  json_t *ev, *a;
  json_array_foreach(o->events, i, ev) {
    json_array_foreach(json_object_get(ev, "articles"), j, a) {
      const char *k = json_is_string(a) ? samples_key_of(c, json_string_value(a))
                                        : NULL;
      if (k && strcmp(k, key) == 0) return (int)i;
    }
  }
  return -1;
}

/* Label event holding article key `key`, or NULL. */
static const char *samples_label_event_of(samples_corpus *c, const char *key) {
  size_t i, j;
  json_t *ev, *a;
  json_array_foreach(json_object_get(c->labels, "events"), i, ev) {
    json_array_foreach(json_object_get(ev, "articles"), j, a) {
      if (json_is_string(a) && strcmp(json_string_value(a), key) == 0)
        return json_string_value(json_object_get(ev, "event"));
    }
  }
  return NULL;
}

static const char *samples_ev_id(json_t *ev, char *buf, size_t n) {
  json_t *id = json_object_get(ev, "id");
  if (json_is_string(id)) return json_string_value(id);
  if (json_is_integer(id)) {
    snprintf(buf, n, "%lld", (long long)json_integer_value(id));
    return buf;
  }
  return "?";
}

static int samples_name_in(const char *folded, json_t *arr) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    if (!json_is_string(v)) continue;
    char *f = samples_fold(json_string_value(v));
    int eq = strcmp(f, folded) == 0;
    free(f);
    if (eq) return 1;
  }
  return 0;
}

/* Compare one labelled event's attributes with output event `out`. */
static void samples_check_attrs(samples_corpus *c, json_t *lab, json_t *out) {
  const char *E = json_string_value(json_object_get(lab, "event"));
  char idb[32];
  const char *oid = samples_ev_id(out, idb, sizeof idb);

  json_t *ld = json_object_get(lab, "date"), *od = json_object_get(out, "date");
  if (json_is_string(ld)) {
    CHECKF(json_is_string(od) && strcmp(json_string_value(od),
                                        json_string_value(ld)) == 0,
           "%s %s (output event %s): date %s, expected %s", c->name, E, oid,
           json_is_string(od) ? json_string_value(od) : "null",
           json_string_value(ld));
  } else {
    CHECKF(!json_is_string(od),
           "%s %s (output event %s): date %s, expected null", c->name, E, oid,
           json_string_value(od));
  }

  const char *lt = json_string_value(json_object_get(lab, "type"));
  json_t *ot = json_object_get(out, "type");
  if (lt)
    CHECKF(json_is_string(ot) && strcmp(json_string_value(ot), lt) == 0,
           "%s %s (output event %s): type %s, expected %s", c->name, E, oid,
           json_is_string(ot) ? json_string_value(ot) : "null", lt);

  json_t *lp = json_object_get(lab, "participants");
  json_t *op = json_object_get(out, "participants");
  if (json_is_array(lp)) {
    size_t i;
    json_t *v;
    json_array_foreach(lp, i, v) {
      char *f = samples_fold(json_string_value(v));
      CHECKF(samples_name_in(f, op),
             "%s %s (output event %s): participant \"%s\" missing", c->name,
             E, oid, json_string_value(v));
      free(f);
    }
    json_array_foreach(op, i, v) {
      if (!json_is_string(v)) continue;
      char *f = samples_fold(json_string_value(v));
      CHECKF(samples_name_in(f, lp),
             "%s %s (output event %s): participant \"%s\" not expected",
             c->name, E, oid, json_string_value(v));
      free(f);
    }
  }

  json_t *lm = json_object_get(lab, "duration_minutes");
  if (json_is_integer(lm)) {
    json_t *om = json_object_get(out, "duration_minutes");
    CHECKF(json_is_integer(om) &&
               json_integer_value(om) == json_integer_value(lm),
           "%s %s (output event %s): duration_minutes %s%lld, expected %lld",
           c->name, E, oid, json_is_integer(om) ? "" : "null/",
           json_is_integer(om) ? (long long)json_integer_value(om) : 0LL,
           (long long)json_integer_value(lm));
  }
}

/* Events of the corpus at `root` against its labels: partition, then
 * date/type/participants/duration per labelled event.  Returns the number
 * of events warta printed, -1 when the corpus could not be ingested. */
int wt_samples_check_events(const char *name, const char *root,
                            const char *labels_path) {
  samples_corpus c;
  if (samples_load(&c, name, root, labels_path) != 0) return -1;
  if (samples_ingest(&c) != 0) {
    json_decref(c.labels);
    return -1;
  }
  samples_out o;
  samples_read_events(&c, &o);

  /* every output id maps to a labelled article */
  size_t i, j;
  json_t *ev, *a;
  json_array_foreach(o.events, i, ev) {
    char idb[32];
    json_t *arts = json_object_get(ev, "articles");
    CHECKF(json_is_array(arts), "%s: output event %s has no articles array",
           name, samples_ev_id(ev, idb, sizeof idb));
    json_array_foreach(arts, j, a) {
      CHECKF(json_is_string(a) && samples_key_of(&c, json_string_value(a)),
             "%s: output event %s lists an unknown article %s", name,
             samples_ev_id(ev, idb, sizeof idb),
             json_is_string(a) ? json_string_value(a) : "(not a string)");
    }
  }

  json_t *lab;
  json_array_foreach(json_object_get(c.labels, "events"), i, lab) {
    const char *E = json_string_value(json_object_get(lab, "event"));
    json_t *arts = json_object_get(lab, "articles");
    size_t n = json_array_size(arts);
    int best = -1, best_n = 0, n_events = 0;
    int *where = calloc(n ? n : 1, sizeof *where);
    json_array_foreach(arts, j, a) {
      where[j] = samples_event_of(&c, &o, json_string_value(a));
      CHECKF(where[j] >= 0, "%s %s: article %s is in no event", name, E,
             json_string_value(a));
    }
    /* split: labelled articles spread over several output events */
    for (size_t k = 0; k < n; k++) {
      if (where[k] < 0) continue;
      int first = 1, cnt = 0;
      for (size_t m = 0; m < n; m++) {
        if (where[m] == where[k]) {
          if (m < k) first = 0;
          cnt++;
        }
      }
      if (!first) continue;
      n_events++;
      if (cnt > best_n) best_n = cnt, best = where[k];
    }
    if (n_events > 1) {
      char msg[2048];
      size_t used = 0;
      for (size_t k = 0; k < n; k++) {
        char idb[32];
        used += (size_t)snprintf(
            msg + used, used < sizeof msg ? sizeof msg - used : 0, " %s->%s",
            json_string_value(json_array_get(arts, k)),
            where[k] < 0 ? "none"
                         : samples_ev_id(json_array_get(o.events, where[k]),
                                         idb, sizeof idb));
        if (used >= sizeof msg) break;
      }
      wt_test_fail(__FILE__, __LINE__, "%s %s is split over %d events:%s",
                   name, E, n_events, msg);
    }
    /* merge: an output event holding this event's articles holds others */
    for (size_t k = 0; k < n; k++) {
      if (where[k] < 0) continue;
      int seen = 0;
      for (size_t m = 0; m < k; m++) seen |= where[m] == where[k];
      if (seen) continue;
      json_t *oev = json_array_get(o.events, where[k]);
      json_t *oarts = json_object_get(oev, "articles"), *reported = json_object();
      size_t q;
      json_array_foreach(oarts, q, a) {
        const char *key =
            json_is_string(a) ? samples_key_of(&c, json_string_value(a)) : NULL;
        const char *other = key ? samples_label_event_of(&c, key) : NULL;
        if (!other || strcmp(other, E) == 0 || json_object_get(reported, other))
          continue;
        json_object_set_new(reported, other, json_true());
        char idb[32];
        wt_test_fail(__FILE__, __LINE__,
                     "%s: output event %s merges %s with %s (e.g. article %s)",
                     name, samples_ev_id(oev, idb, sizeof idb), E, other, key);
      }
      json_decref(reported);
    }
    if (best >= 0) samples_check_attrs(&c, lab, json_array_get(o.events, best));
    free(where);
  }
  int n_out = (int)json_array_size(o.events);
  json_decref(o.events);
  json_decref(c.labels);
  return n_out;
}

/* ------------------------------------------------------------ articles */

/* Does outlet `got` match the labelled outlet (string, "Name (domain)", or
 * list of accepted spellings)? */
static int samples_outlet_ok(const char *got, json_t *want) {
  char g[256], w[256];
  samples_outlet_key(got, g, sizeof g);
  if (json_is_array(want)) {
    size_t i;
    json_t *v;
    json_array_foreach(want, i, v) {
      if (json_is_string(v) && samples_outlet_ok(got, v)) return 1;
    }
    return 0;
  }
  const char *s = json_string_value(want);
  samples_outlet_key(s, w, sizeof w);
  if (strcmp(g, w) == 0) return 1;
  const char *open = strstr(s, " (");
  if (open) { /* "NTVNews (ntvnews.id)": either part */
    char name[256], dom[256];
    snprintf(name, sizeof name, "%.*s", (int)(open - s), s);
    snprintf(dom, sizeof dom, "%s", open + 2);
    char *close = strchr(dom, ')');
    if (close) *close = '\0';
    samples_outlet_key(name, w, sizeof w);
    if (strcmp(g, w) == 0) return 1;
    samples_outlet_key(dom, w, sizeof w);
    if (strcmp(g, w) == 0) return 1;
  }
  return 0;
}

/* Is chrome line `chrome` in `body` (both normalised)?  Long lines count
 * anywhere; short ones ("Bagikan", "Baca Juga") only as a whole line. */
static int samples_chrome_in(const char *body_raw, const char *chrome_raw) {
  char *chrome = samples_norm(chrome_raw);
  int found = 0;
  if (!*chrome) {
    free(chrome);
    return 0;
  }
  if (strlen(chrome) >= 12) {
    char *body = samples_norm(body_raw);
    found = strstr(body, chrome) != NULL;
    free(body);
  } else {
    char *copy = strdup(body_raw);
    for (char *line = strtok(copy, "\n"); line && !found;
         line = strtok(NULL, "\n")) {
      char *l = samples_norm(line);
      found = strcmp(l, chrome) == 0;
      free(l);
    }
    free(copy);
  }
  free(chrome);
  return found;
}

static void samples_check_article(samples_corpus *c, const char *key,
                                  json_t *lab) {
  char id[SAMPLES_PATH];
  samples_ext_id(c, key, id, sizeof id);
  const char *argv[] = {"article", "--db", c->db, "--json", id, NULL};
  char *out = NULL, *err = NULL;
  int rc = wt_test_run(argv, NULL, &out, &err);
  json_error_t e;
  json_t *art = rc == 0 && out ? json_loads(out, JSON_DISABLE_EOF_CHECK, &e)
                               : NULL;
  if (!json_is_object(art)) {
    wt_test_fail(__FILE__, __LINE__,
                 "%s %s: warta article exited %d, no JSON object: %.200s",
                 c->name, key, rc, err && *err ? err : (out ? out : ""));
    json_decref(art);
    free(out);
    free(err);
    return;
  }
  const char *body = json_string_value(json_object_get(art, "body"));
  const char *title = json_string_value(json_object_get(art, "title"));
  const char *outlet = json_string_value(json_object_get(art, "outlet"));
  const char *pub = json_string_value(json_object_get(art, "published"));

  json_t *lt = json_object_get(lab, "title");
  if (json_is_string(lt)) {
    char *a = title ? samples_norm(title) : NULL;
    char *b = samples_norm(json_string_value(lt));
    CHECKF(a && strcmp(a, b) == 0, "%s %s: title \"%s\", expected \"%s\"",
           c->name, key, a ? a : "(null)", b);
    free(a);
    free(b);
  }
  json_t *lo = json_object_get(lab, "outlet");
  if (json_is_string(lo) || json_is_array(lo)) {
    char *want = json_dumps(lo, JSON_COMPACT);
    CHECKF(outlet && samples_outlet_ok(outlet, lo),
           "%s %s: outlet \"%s\", expected %s", c->name, key,
           outlet ? outlet : "(null)", want);
    free(want);
  }
  json_t *lp = json_object_get(lab, "published");
  if (json_is_string(lp)) {
    const char *w = json_string_value(lp);
    CHECKF(pub && strlen(pub) >= 10 && strncmp(pub, w, 10) == 0,
           "%s %s: published %s, expected the day of %s", c->name, key,
           pub ? pub : "(null)", w);
  }
  json_t *ll = json_object_get(lab, "language");
  if (json_is_string(ll)) {
    json_t *g = json_object_get(art, "lang");
    if (!g) g = json_object_get(art, "language");
    CHECKF(json_is_string(g) &&
               strcmp(json_string_value(g), json_string_value(ll)) == 0,
           "%s %s: language %s, expected %s", c->name, key,
           json_is_string(g) ? json_string_value(g) : "(none)",
           json_string_value(ll));
  }

  if (!body) {
    wt_test_fail(__FILE__, __LINE__, "%s %s: no body", c->name, key);
  } else {
    char *nb = samples_norm(body);
    json_t *bs = json_object_get(lab, "body_starts");
    if (json_is_string(bs)) {
      char *w = samples_norm(json_string_value(bs));
      CHECKF(strncmp(nb, w, strlen(w)) == 0,
             "%s %s: body starts \"%.80s\", expected \"%s\"", c->name, key, nb,
             w);
      free(w);
    }
    json_t *be = json_object_get(lab, "body_ends");
    if (json_is_string(be)) {
      char *w = samples_norm(json_string_value(be));
      size_t nl = strlen(nb), wl = strlen(w);
      CHECKF(samples_ends_with(nb, w),
             "%s %s: body ends \"%s\", expected \"%s\"", c->name, key,
             nl > wl + 40 ? nb + nl - wl - 40 : nb, w);
      free(w);
    }
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(lab, "chrome_examples"), i, v) {
      if (!json_is_string(v)) continue;
      CHECKF(!samples_chrome_in(body, json_string_value(v)),
             "%s %s: chrome left in the body: \"%s\"", c->name, key,
             json_string_value(v));
    }
    free(nb);
  }
  json_decref(art);
  free(out);
  free(err);
}

/* The cleaning bar: every labelled article of the corpus at `root`. */
void wt_samples_check_articles(const char *name, const char *root,
                               const char *labels_path) {
  samples_corpus c;
  if (samples_load(&c, name, root, labels_path) != 0) return;
  if (samples_ingest(&c) != 0) {
    json_decref(c.labels);
    return;
  }
  const char *key;
  json_t *lab;
  json_object_foreach(json_object_get(c.labels, "articles"), key, lab) {
    samples_check_article(&c, key, lab);
  }
  json_decref(c.labels);
}

/* ------------------------------------------------------------ labels */

static const char *const samples_types[] = {
    "video_call", "phone_call", "meeting",  "visit",    "statement",
    "agreement",  "threat",     "sanction", "protest",  "attack",
    "disaster",   "election",   "appointment", "economic_release"};

/* The label file itself: keys resolve to files or feed records, each
 * article is in exactly one event, types are in the taxonomy, dates are
 * calendar dates, body_starts/body_ends/title occur in the source. */
static void samples_check_labels(const char *name, const char *root,
                                 const char *labels_path, int min_articles,
                                 int min_events) {
  samples_corpus c;
  if (samples_load(&c, name, root, labels_path) != 0) return;
  json_t *feeds = json_object_get(c.labels, "feeds"), *v;
  json_t *records = json_object();
  size_t i, j;
  json_array_foreach(feeds, i, v) {
    char p[SAMPLES_PATH];
    (void)!samples_join(p, sizeof p, root, json_string_value(v));
    FILE *f = fopen(p, "r");
    CHECKF(f != NULL, "%s: feed %s missing", name, p);
    if (!f) continue;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
      json_t *r = json_loads(line, 0, NULL);
      CHECKF(json_is_object(r), "%s: %s has a line that is not JSON", name, p);
      const char *id = json_string_value(json_object_get(r, "id"));
      if (id) json_object_set(records, id, r);
      json_decref(r);
    }
    free(line);
    fclose(f);
  }
  json_t *arts = json_object_get(c.labels, "articles");
  CHECKF((int)json_object_size(arts) >= min_articles,
         "%s: %zu labelled articles, want at least %d", name,
         json_object_size(arts), min_articles);
  json_t *events = json_object_get(c.labels, "events");
  CHECKF((int)json_array_size(events) >= min_events,
         "%s: %zu labelled events, want at least %d", name,
         json_array_size(events), min_events);
  json_t *seen = json_object(), *ev, *a;
  json_array_foreach(events, i, ev) {
    const char *E = json_string_value(json_object_get(ev, "event"));
    const char *t = json_string_value(json_object_get(ev, "type"));
    int ok = 0;
    for (size_t k = 0; t && k < sizeof samples_types / sizeof *samples_types;
         k++)
      ok |= strcmp(t, samples_types[k]) == 0;
    CHECKF(ok, "%s %s: type %s not in the taxonomy", name, E, t ? t : "null");
    json_t *d = json_object_get(ev, "date");
    int y, m, dd;
    CHECKF(json_is_null(d) ||
               (json_is_string(d) &&
                sscanf(json_string_value(d), "%4d-%2d-%2d", &y, &m, &dd) == 3 &&
                m >= 1 && m <= 12 && dd >= 1 && dd <= 31),
           "%s %s: bad date", name, E);
    json_array_foreach(json_object_get(ev, "articles"), j, a) {
      const char *k = json_string_value(a);
      CHECKF(k && !json_object_get(seen, k), "%s: article %s in two events",
             name, k ? k : "?");
      if (k) json_object_set_new(seen, k, json_true());
      CHECKF(k && json_object_get(arts, k), "%s %s: article %s has no label",
             name, E, k ? k : "?");
    }
  }
  const char *key;
  json_t *lab;
  json_object_foreach(arts, key, lab) {
    CHECKF(json_object_get(seen, key) != NULL, "%s: article %s in no event",
           name, key);
    char *src = NULL;
    if (samples_is_file(&c, key)) {
      char p[SAMPLES_PATH];
      (void)!samples_join(p, sizeof p, root, key);
      src = wt_test_slurp(p, NULL);
    } else {
      json_t *r = json_object_get(records, key);
      CHECKF(r != NULL, "%s: %s is neither a file nor a feed record", name,
             key);
      const char *t = json_string_value(json_object_get(r, "text"));
      if (!t) t = json_string_value(json_object_get(r, "html"));
      if (t) src = strdup(t);
    }
    if (!src) continue;
    char *ns = samples_norm(src);
    static const char *const fields[] = {"body_starts", "body_ends"};
    for (size_t k = 0; k < 2; k++) {
      const char *w = json_string_value(json_object_get(lab, fields[k]));
      CHECKF(w != NULL, "%s %s: no %s", name, key, fields[k]);
      if (!w) continue;
      char *nw = samples_norm(w);
      /* HTML sources may hold entities or tags inside; check text pages */
      if (!strstr(key, ".html") && !strstr(src, "<p"))
        CHECKF(strstr(ns, nw) != NULL, "%s %s: %s not in the source: %s",
               name, key, fields[k], w);
      free(nw);
    }
    free(ns);
    free(src);
  }
  json_decref(seen);
  json_decref(records);
  json_decref(c.labels);
}

/* ------------------------------------------------------------ tests */

#define SAMPLES_ROOT "samples"
#define UNSEEN_ROOT "tests/fixtures/unseen"

static void samples_paths(const char *rel, char *root, char *labels, size_t n) {
  wt_test_src(rel, root, n);
  (void)!samples_join(labels, n, root, "labels.json");
}

WT_TEST(samples_labels_are_consistent) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(SAMPLES_ROOT, root, labels, sizeof root);
  samples_check_labels("samples", root, labels, 36, 10);
}

WT_TEST(samples_unseen_labels_are_consistent) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(UNSEEN_ROOT, root, labels, sizeof root);
  samples_check_labels("unseen", root, labels, 24, 6);
}

WT_TEST(samples_events_match_labels) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(SAMPLES_ROOT, root, labels, sizeof root);
  wt_samples_check_events("samples", root, labels);
}

WT_TEST(samples_articles_clean) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(SAMPLES_ROOT, root, labels, sizeof root);
  wt_samples_check_articles("samples", root, labels);
}

WT_TEST(samples_unseen_events_match_labels) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(UNSEEN_ROOT, root, labels, sizeof root);
  wt_samples_check_events("unseen", root, labels);
}

WT_TEST(samples_unseen_articles_clean) {
  char root[SAMPLES_PATH], labels[SAMPLES_PATH];
  samples_paths(UNSEEN_ROOT, root, labels, sizeof root);
  wt_samples_check_articles("unseen", root, labels);
}
