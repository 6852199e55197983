/*
 * cmd_query.c - commands that read the store: events, show, article, why,
 * timeline, entity, search.  With --json each prints the API's JSON as is
 * (docs/json.md); otherwise a compact human view of the same JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A string member, or `dflt`. */
static const char *js(json_t *o, const char *k, const char *dflt) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : dflt;
}

/* Print up to `max` strings of an array joined by ", " (and "+N"). */
static void print_list(json_t *arr, size_t max) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    if (i == max) {
      printf(" +%zu", json_array_size(arr) - max);
      break;
    }
    printf("%s%s", i ? ", " : "", json_is_string(v) ? json_string_value(v) : "?");
  }
  if (json_array_size(arr) == 0) fputs("-", stdout);
}

/* One event line: date, type, participants, articles, outlets, headline. */
static void print_event_line(json_t *e) {
  json_t *dur = json_object_get(e, "duration_minutes");
  printf("%-10s  %-14s  ", js(e, "date", "no-date"), js(e, "type", "-"));
  print_list(json_object_get(e, "participants"), 4);
  printf("  [%zu: ", json_array_size(json_object_get(e, "articles")));
  print_list(json_object_get(e, "articles"), 3);
  printf("]  [");
  print_list(json_object_get(e, "outlets"), 4);
  printf("]  %s", js(e, "headline", ""));
  if (json_is_integer(dur)) printf("  (%lld min)", json_integer_value(dur));
  printf("  #%lld\n", json_integer_value(json_object_get(e, "id")));
}

static int query_run(const cli_args *a, int rc, warta *w, char *out,
                     void (*text)(json_t *)) {
  if (rc == WARTA_OK && out) {
    if (cli_get(a, "json") || !text) {
      fputs(out, stdout);
      if (*out && out[strlen(out) - 1] != '\n') putchar('\n');
    } else {
      json_t *o = cli_json(out);
      if (!o) rc = WARTA_ERR;
      else text(o);
      json_decref(o);
    }
  }
  warta_free(out);
  int ex = cli_status(w, rc);
  warta_close(w);
  return ex;
}

int cmd_events(const cli_args *a) {
  warta_event_filter f = {
      .since = cli_get(a, "since"),
      .until = cli_get(a, "until"),
      .entity = cli_get(a, "entity"),
      .type = cli_get(a, "type"),
      .outlet = cli_get(a, "outlet"),
      .q = cli_get(a, "q"),
      .cursor = cli_get(a, "cursor"),
  };
  const char *lim = cli_get(a, "limit");
  if (lim) {
    char *end;
    long n = strtol(lim, &end, 10);
    if (*end || n < 0 || n > 100000000) {
      cli_err("events: bad --limit %s", lim);
      return CLI_EUSAGE;
    }
    f.limit = (int)n;
  }
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_events(w, &f, &out);
  if (rc == WARTA_OK && !cli_get(a, "json")) {
    /* one JSON object per line in, one text line per event out */
    for (char *p = out; p && *p;) {
      char *nl = strchr(p, '\n');
      if (nl) *nl = '\0';
      json_t *e = cli_json(p);
      if (e) print_event_line(e);
      json_decref(e);
      p = nl ? nl + 1 : p + strlen(p);
    }
    warta_free(out);
    out = NULL;
  }
  return query_run(a, rc, w, out, NULL);
}

/* One fact's value as short text: a string, a number with its unit and
 * period, a quote with its speaker, a place of a participant. */
static void print_fact_value(json_t *f) {
  json_t *v = json_object_get(f, "value");
  if (json_is_string(v)) {
    printf("%s", json_string_value(v));
  } else if (json_is_number(v)) {
    printf("%.15g", json_number_value(v));
    if (json_is_string(json_object_get(f, "unit")))
      printf(" %s", js(f, "unit", ""));
    if (json_is_string(json_object_get(f, "period")))
      printf(" (%s)", js(f, "period", ""));
  } else if (json_is_object(v) && json_object_get(v, "text")) {
    printf("\"%.100s\" - %s", js(v, "text", ""), js(v, "speaker", "?"));
  } else if (json_is_object(v) && json_object_get(v, "place")) {
    printf("%s: %s", js(v, "participant", "?"), js(v, "place", ""));
  } else if (json_is_object(v)) {
    printf("%s", js(v, "name", js(v, "id", "?")));
  }
}

/* Facts with how many articles and which outlets state each. */
static void print_facts(json_t *facts) {
  json_t *f;
  size_t i;
  if (!json_array_size(facts)) return;
  printf("\nfacts (support: articles stating it):\n");
  json_array_foreach(facts, i, f) {
    printf("  %-12s %2lld  ", js(f, "kind", "?"),
           json_integer_value(json_object_get(f, "support")));
    print_fact_value(f);
    json_t *outlets = json_object_get(f, "outlets");
    if (json_array_size(outlets)) {
      printf("  [");
      print_list(outlets, 6);
      printf("]");
    }
    printf("\n");
  }
}

/* Which wire or broadcaster each article credits, and text it reuses. */
static void print_provenance(json_t *prov) {
  json_t *p, *x;
  size_t i, j;
  if (!json_array_size(prov)) return;
  printf("\nprovenance:\n");
  json_array_foreach(prov, i, p) {
    printf("  article %-5lld %-16s credits: ",
           json_integer_value(json_object_get(p, "article")),
           js(p, "outlet", "-"));
    json_t *src = json_object_get(p, "sources");
    if (json_array_size(src))
      print_list(src, 8);
    else
      printf("-");
    json_array_foreach(json_object_get(p, "reuses"), j, x)
      printf("; reuses %lld sentences of article %lld",
             json_integer_value(json_object_get(x, "shared_sentences")),
             json_integer_value(json_object_get(x, "article")));
    printf("\n");
  }
}

static void show_text(json_t *e) {
  json_t *v, *dur = json_object_get(e, "duration_minutes");
  size_t i;
  printf("event      #%lld\n", json_integer_value(json_object_get(e, "id")));
  printf("headline   %s\n", js(e, "headline", "-"));
  printf("date       %s\n", js(e, "date", "unknown"));
  printf("type       %s\n", js(e, "type", "unknown"));
  printf("who        ");
  print_list(json_object_get(e, "participants"), 20);
  printf("\n");
  if (json_is_integer(dur))
    printf("duration   %lld minutes\n", json_integer_value(dur));
  printf("outlets    ");
  print_list(json_object_get(e, "outlets"), 20);
  printf("\n");
  json_t *sum = json_object_get(e, "summary");
  if (json_is_string(sum)) printf("\n%s\n", json_string_value(sum));
  if (json_array_size(sum)) printf("\n");
  json_array_foreach(sum, i, v) {
    if (json_is_string(v)) printf("%s\n", json_string_value(v));
  }
  json_t *con = json_object_get(e, "contradictions");
  if (json_array_size(con)) {
    printf("\ncontradictions:\n");
    json_array_foreach(con, i, v) {
      char *s = json_dumps(v, JSON_COMPACT);
      printf("  %s\n", s ? s : "?");
      free(s);
    }
  }
  print_facts(json_object_get(json_object_get(e, "facts"), "facts"));
  print_provenance(json_object_get(e, "provenance"));
  printf("\narticles:\n");
  json_array_foreach(json_object_get(e, "articles"), i, v) {
    printf("  %-5lld %-16s %-22s %s\n",
           json_integer_value(json_object_get(v, "id")), js(v, "outlet", "-"),
           js(v, "published", "-"), js(v, "title", js(v, "ext_id", "")));
  }
  json_t *story = json_object_get(e, "story");
  if (json_array_size(story)) {
    printf("\nsame story: ");
    json_array_foreach(story, i, v) printf("%s#%lld", i ? ", " : "",
                                           json_integer_value(v));
    printf("\n");
  }
}

int cmd_show(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_event(w, a->pos[0], &out);
  return query_run(a, rc, w, out, show_text);
}

static void article_text(json_t *o) {
  json_t *v;
  size_t i;
  printf("article    %lld (%s)\n", json_integer_value(json_object_get(o, "id")),
         js(o, "ext_id", "-"));
  printf("title      %s\n", js(o, "title", "-"));
  printf("outlet     %s\n", js(o, "outlet", "-"));
  printf("published  %s\n", js(o, "published", "-"));
  printf("language   %s\n", js(o, "language", "-"));
  json_t *ev = json_object_get(o, "event");
  if (json_is_integer(ev)) printf("event      #%lld\n", json_integer_value(ev));
  printf("entities   ");
  json_array_foreach(json_object_get(o, "entities"), i, v) {
    printf("%s%s", i ? ", " : "", js(v, "name", "?"));
  }
  printf("\n\n%s\n", js(o, "body", ""));
}

int cmd_article(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_article(w, a->pos[0], &out);
  return query_run(a, rc, w, out, article_text);
}

static void pretty(json_t *o) {
  char *s = json_dumps(o, JSON_INDENT(2));
  if (s) puts(s);
  free(s);
}

int cmd_why(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_why(w, a->pos[0], a->pos[1], &out);
  return query_run(a, rc, w, out, pretty);
}

static void timeline_text(json_t *o) {
  json_t *v;
  size_t i;
  json_array_foreach(json_object_get(o, "items"), i, v) {
    const char *kind = js(v, "kind", "event");
    printf("%-10s  %-9s  %-14s  %s\n", js(v, "date", js(v, "date_value", "?")),
           kind, js(v, "type", "-"),
           strcmp(kind, "event") == 0 ? js(v, "headline", "")
                                      : js(v, "summary", ""));
  }
}

int cmd_timeline(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_timeline(w, a->pos[0], &out);
  return query_run(a, rc, w, out, timeline_text);
}

static void entity_text(json_t *o) {
  json_t *v;
  size_t i;
  printf("%s  %s (%s), %lld articles\n", js(o, "id", "?"), js(o, "name", "?"),
         js(o, "type", "?"), json_integer_value(json_object_get(o, "n_articles")));
  json_array_foreach(json_object_get(o, "events"), i, v) print_event_line(v);
}

int cmd_entity(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_entity(w, a->pos[0], &out);
  return query_run(a, rc, w, out, entity_text);
}

static void search_text(json_t *o) {
  json_t *v;
  size_t i;
  json_array_foreach(json_object_get(o, "articles"), i, v) {
    printf("%-5lld %-16s %s\n      %s\n",
           json_integer_value(json_object_get(v, "id")), js(v, "outlet", "-"),
           js(v, "title", js(v, "ext_id", "")), js(v, "snippet", ""));
  }
}

int cmd_search(const cli_args *a) {
  char q[4096] = "";
  size_t n = 0;
  for (int i = 0; i < a->npos; i++) {
    int k = snprintf(q + n, sizeof q - n, "%s%s", i ? " " : "", a->pos[i]);
    if (k < 0 || (size_t)k >= sizeof q - n) {
      cli_err("search: query too long");
      return CLI_EUSAGE;
    }
    n += (size_t)k;
  }
  int limit = 20;
  const char *lim = cli_get(a, "limit");
  if (lim && (limit = atoi(lim)) <= 0) {
    cli_err("search: bad --limit %s", lim);
    return CLI_EUSAGE;
  }
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  char *out = NULL;
  int rc = warta_search(w, q, limit, &out);
  return query_run(a, rc, w, out, search_text);
}
