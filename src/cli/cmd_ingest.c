/*
 * cmd_ingest.c - commands that take pages in: ingest (stores them),
 * recluster, and the stateless clean and read.
 *
 * Progress goes to stderr about once a second: one line rewritten in place
 * when stderr is a terminal, plain lines otherwise.  Each rejected input is
 * reported as "warta: ORIGIN: reason", and ingest ends with the summary
 * "read N, stored N, duplicates N, failed N" on stderr.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define CLI_READ_MAX ((size_t)32 << 20)

typedef struct cli_progress {
  int tty, shown, quiet;
} cli_progress;

static void cli_clear_line(cli_progress *p) {
  if (p->tty && p->shown) {
    fputs("\r\033[K", stderr);
    p->shown = 0;
  }
}

static void cli_diag(void *ud, const char *origin, const char *msg) {
  cli_progress *p = ud;
  cli_clear_line(p);
  fprintf(stderr, "warta: %s: %s\n", origin ? origin : "-", msg);
}

static void cli_on_progress(void *ud, const warta_ingest_stats *s) {
  cli_progress *p = ud;
  if (p->quiet) return;
  fprintf(stderr, "%sread %ld, stored %ld, duplicates %ld, failed %ld%s",
          p->tty ? "\r\033[K" : "", s->read, s->stored, s->duplicates,
          s->failed, p->tty ? "" : "\n");
  p->shown = 1;
}

int cmd_ingest(const cli_args *a) {
  warta_ingest_opts o = {0};
  cli_progress p = {.tty = isatty(2), .quiet = cli_get(a, "quiet") != NULL};
  const char *b = cli_get(a, "batch");
  if (b) {
    char *end;
    long n = strtol(b, &end, 10);
    if (*end || n <= 0 || n > 1000000) {
      cli_err("ingest: bad --batch %s", b);
      return CLI_EUSAGE;
    }
    o.batch = (size_t)n;
  }
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  o.diag = cli_diag;
  o.progress = cli_on_progress;
  o.ud = &p;
  warta_ingest_stats st = {0};
  int rc = warta_ingest_paths(w, (const char *const *)a->pos, (size_t)a->npos,
                              &o, &st);
  cli_clear_line(&p);
  if (!p.quiet)
    fprintf(stderr, "read %ld, stored %ld, duplicates %ld, failed %ld\n",
            st.read, st.stored, st.duplicates, st.failed);
  int ex = cli_status(w, rc);
  warta_close(w);
  return ex;
}

int cmd_recluster(const cli_args *a) {
  warta *w = cli_open(a);
  if (!w) return CLI_ESTORE;
  int ex = cli_status(w, warta_recluster(w));
  warta_close(w);
  return ex;
}

/* Human view of the clean JSON Lines: origin, metadata, then the body. */
static void cli_clean_text(const char *jsonl) {
  const char *p = jsonl;
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    json_error_t e;
    json_t *o = json_loadb(p, n, 0, &e);
    if (o) {
      const char *keys[] = {"path", "title", "outlet", "published", "language"};
      for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        json_t *v = json_object_get(o, keys[i]);
        if (json_is_string(v))
          printf("%-10s %s\n", keys[i], json_string_value(v));
        else if (json_is_object(v) && json_is_string(json_object_get(v, "iso")))
          printf("%-10s %s\n", keys[i],
                 json_string_value(json_object_get(v, "iso")));
      }
      printf("\n%s\n\n", json_string_value(json_object_get(o, "body")));
      json_decref(o);
    }
    p += n + (nl ? 1 : 0);
  }
}

int cmd_clean(const cli_args *a) {
  warta *w = NULL;
  warta_options opt = {.db_path = ":memory:"};
  char *err = NULL;
  if (warta_open(&opt, &w, &err) != WARTA_OK) {
    cli_err("%s", err ? err : "cannot start");
    warta_free(err);
    return CLI_ESTORE;
  }
  cli_progress p = {.tty = 0, .quiet = 1};
  warta_ingest_opts o = {.diag = cli_diag, .ud = &p};
  char *out = NULL;
  int rc = warta_clean_paths(w, (const char *const *)a->pos, (size_t)a->npos,
                             &o, &out);
  if (out) {
    if (cli_get(a, "json"))
      fputs(out, stdout);
    else
      cli_clean_text(out);
  }
  warta_free(out);
  int ex = cli_status(w, rc);
  warta_close(w);
  return ex;
}

/* Read a file or stdin ("-") whole, capped. */
static char *cli_slurp(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      if (cap >= CLI_READ_MAX) {
        free(buf);
        buf = NULL;
        break;
      }
      cap *= 2;
      char *nb = realloc(buf, cap + 1);
      if (!nb) abort();
      buf = nb;
    }
  }
  if (f != stdin) fclose(f);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

static void cli_read_text(json_t *o) {
  json_t *v;
  size_t i;
  printf("language   %s\n",
         json_is_string(json_object_get(o, "language"))
             ? json_string_value(json_object_get(o, "language"))
             : "unknown");
  json_t *ref = json_object_get(o, "reference");
  if (json_is_string(json_object_get(ref, "date")))
    printf("reference  %s (%s)\n",
           json_string_value(json_object_get(ref, "date")),
           json_string_value(json_object_get(ref, "how")));
  printf("sentences  %zu\ntokens     %zu\n",
         json_array_size(json_object_get(o, "sentences")),
         json_array_size(json_object_get(o, "tokens")));
  json_array_foreach(json_object_get(o, "timexes"), i, v) {
    printf("timex      %-28s %s\n",
           json_string_value(json_object_get(v, "text")),
           json_string_value(json_object_get(v, "value")));
  }
  json_array_foreach(json_object_get(o, "figures"), i, v) {
    json_t *u = json_object_get(v, "unit");
    printf("figure     %-28s %s %g %s\n",
           json_string_value(json_object_get(v, "text")),
           json_string_value(json_object_get(v, "kind")),
           json_number_value(json_object_get(v, "value")),
           json_is_string(u) ? json_string_value(u) : "");
  }
}

int cmd_read(const cli_args *a) {
  size_t n = 0;
  char *text = cli_slurp(a->pos[0], &n);
  if (!text) {
    cli_err("%s: cannot read (missing, or over 32 MiB)", a->pos[0]);
    return CLI_EINPUT;
  }
  warta *w = NULL;
  warta_options opt = {.db_path = ":memory:"};
  char *err = NULL;
  if (warta_open(&opt, &w, &err) != WARTA_OK) {
    cli_err("%s", err ? err : "cannot start");
    warta_free(err);
    free(text);
    return CLI_ESTORE;
  }
  char *out = NULL;
  int rc = warta_read_text(w, text, n, cli_get(a, "ref"), &out);
  free(text);
  if (rc == WARTA_EINPUT) cli_err("%s: %s", a->pos[0], warta_errmsg(w));
  if (out) {
    if (cli_get(a, "json")) {
      puts(out);
    } else {
      json_t *o = json_loads(out, 0, NULL);
      if (o) cli_read_text(o);
      json_decref(o);
    }
  }
  warta_free(out);
  int ex = cli_status(w, rc);
  warta_close(w);
  return ex;
}
