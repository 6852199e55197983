/*
 * cli.c - `warta` entry point: the command table, argument parsing, help,
 * and the mapping of API statuses to exit statuses.
 *
 *   warta [--db FILE] COMMAND [OPTIONS] [ARGS]
 *
 * Every command takes --db FILE (default ./warta.db) and --help.  Options
 * may come before or after positional arguments; "--" ends options.
 * Each command is one row of `cli_cmds`; its handler is in cmd_*.c.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const cli_cmd cli_cmds[] = {
    {"ingest", "PATH...",
     "store pages: files, directories (recursive) or - for stdin", 1, -1, 0,
     cmd_ingest,
     {{"batch", "N", "articles per transaction (default 256)"},
      {"quiet", NULL, "no progress line and no summary"}}},
    {"events", "", "list events, one per line, in date order", 0, 0, 1,
     cmd_events,
     {{"json", NULL, "JSON Lines, one event object per line"},
      {"since", "DATE", "events on or after DATE (YYYY-MM-DD)"},
      {"until", "DATE", "events on or before DATE (YYYY-MM-DD)"},
      {"entity", "E", "events naming entity E (id or name)"},
      {"type", "T", "events of type T"},
      {"outlet", "O", "events reported by outlet O"},
      {"q", "QUERY", "events with an article matching QUERY"},
      {"limit", "N", "at most N events"},
      {"cursor", "C", "continue after the event with this cursor"}}},
    {"show", "EVENT", "one event: facts, contradictions, sources, articles",
     1, 1, 1, cmd_show, {{"json", NULL, "print the event JSON"}}},
    {"article", "ID", "one article by internal or external id", 1, 1, 1,
     cmd_article, {{"json", NULL, "print the article JSON"}}},
    {"why", "A B", "why two articles are (not) in one event", 2, 2, 1,
     cmd_why, {{"json", NULL, "compact JSON"}}},
    {"timeline", "ENTITY|EVENT", "events of an entity (or a story) by date",
     1, 1, 1, cmd_timeline, {{"json", NULL, "print the timeline JSON"}}},
    {"entity", "ENTITY", "an entity and its events", 1, 1, 1, cmd_entity,
     {{"json", NULL, "print the entity JSON"}}},
    {"search", "QUERY...", "full-text search over stored articles", 1, -1, 1,
     cmd_search,
     {{"json", NULL, "print the search JSON"},
      {"limit", "N", "at most N articles (default 20)"}}},
    {"recluster", "", "rebuild every event from the stored articles", 0, 0, 0,
     cmd_recluster, {{0}}},
    {"clean", "FILE...", "show what the cleaner keeps (nothing is stored)", 1,
     -1, 1, cmd_clean, {{"json", NULL, "JSON Lines, one object per page"}}},
    {"read", "FILE|-",
     "read a text: sentences, timexes, figures (nothing is stored)", 1, 1, 1,
     cmd_read,
     {{"json", NULL, "print the read JSON"},
      {"ref", "TIME", "reference time for relative dates (YYYY-MM-DD[THH:MM])"}}},
    {"serve", "", "serve the web page and the JSON API (docs/api.md)", 0, 0,
     0, cmd_serve,
     {{"listen", "ADDR:PORT", "address to listen on (default 127.0.0.1:8080)"},
      {"token-file", "F", "allow writes with the token in F (or $WARTA_TOKEN)"},
      {"threads", "N", "worker threads (default 4)"}}},
};
#define CLI_NCMDS (sizeof cli_cmds / sizeof *cli_cmds)

void cli_err(const char *fmt, ...) {
  va_list ap;
  fputs("warta: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static void cli_usage(FILE *f) {
  fprintf(f,
          "usage: warta [--db FILE] COMMAND [OPTIONS] [ARGS]\n"
          "       warta --version | --help | help COMMAND\n\ncommands:\n");
  for (size_t i = 0; i < CLI_NCMDS; i++)
    fprintf(f, "  %-10s %s\n", cli_cmds[i].name, cli_cmds[i].help);
  fprintf(f,
          "\nevery command takes --db FILE (default ./warta.db) and --help.\n"
          "exit status: 0 ok, 1 some inputs failed, 2 usage, 3 store or\n"
          "internal error, 4 not found.\n");
}

static void cli_cmd_help(const cli_cmd *c, FILE *f) {
  fprintf(f, "usage: warta %s [OPTIONS]%s%s\n\n%s\n\noptions:\n", c->name,
          *c->usage ? " " : "", c->usage, c->help);
  for (int i = 0; i < CLI_MAX_OPTS && c->opts[i].name; i++) {
    char lhs[64];
    snprintf(lhs, sizeof lhs, "--%s%s%s", c->opts[i].name,
             c->opts[i].arg ? " " : "", c->opts[i].arg ? c->opts[i].arg : "");
    fprintf(f, "  %-18s %s\n", lhs, c->opts[i].help);
  }
  fprintf(f, "  %-18s %s\n  %-18s %s\n", "--db FILE",
          "the store (default ./warta.db)", "--help", "this help");
}

const char *cli_get(const cli_args *a, const char *name) {
  for (int i = 0; i < CLI_MAX_OPTS && a->cmd->opts[i].name; i++)
    if (strcmp(a->cmd->opts[i].name, name) == 0) return a->val[i];
  return NULL;
}

warta *cli_open(const cli_args *a) {
  warta_options o = {.db_path = a->db, .read_only = 0};
  warta *w = NULL;
  char *err = NULL;
  struct stat sb;
  if (a->cmd->read_only && stat(a->db, &sb) != 0) {
    cli_err("%s: no store here (run warta ingest first)", a->db);
    return NULL;
  }
  /* query commands open writable when they can, so stale event facts
   * (after a crash) are refreshed; read-only when the file is not ours */
  int rc = warta_open(&o, &w, &err);
  if (rc != WARTA_OK && a->cmd->read_only) {
    free(err);
    err = NULL;
    o.read_only = 1;
    rc = warta_open(&o, &w, &err);
  }
  if (rc != WARTA_OK) {
    cli_err("%s", err ? err : "cannot open the store");
    warta_free(err);
    return NULL;
  }
  return w;
}

int cli_status(warta *w, int rc) {
  switch (rc) {
  case WARTA_OK:
    return CLI_OK;
  case WARTA_ENOTFOUND:
    cli_err("%s", warta_errmsg(w));
    return CLI_ENOTFOUND;
  case WARTA_EUSAGE:
    cli_err("%s", warta_errmsg(w));
    return CLI_EUSAGE;
  case WARTA_EINPUT:
    return CLI_EINPUT;
  default:
    cli_err("%s", warta_errmsg(w));
    return CLI_ESTORE;
  }
}

json_t *cli_json(const char *s) {
  json_error_t e;
  json_t *o = s ? json_loads(s, JSON_DECODE_ANY, &e) : NULL;
  if (!o) cli_err("internal error: bad JSON result: %s", s ? e.text : "none");
  return o;
}

static const cli_cmd *cli_find(const char *name) {
  for (size_t i = 0; i < CLI_NCMDS; i++)
    if (strcmp(cli_cmds[i].name, name) == 0) return &cli_cmds[i];
  return NULL;
}

/* Parse argv[i..] for command c; 0, or CLI_EUSAGE after a message, or -1
 * when --help was printed. */
static int cli_parse(const cli_cmd *c, int argc, char **argv, int i,
                     cli_args *a) {
  int opts_done = 0;
  a->cmd = c;
  for (; i < argc; i++) {
    const char *s = argv[i];
    if (!opts_done && strcmp(s, "--") == 0) {
      opts_done = 1;
      continue;
    }
    if (!opts_done && s[0] == '-' && s[1] == '-') {
      const char *name = s + 2, *eq = strchr(name, '=');
      size_t nl = eq ? (size_t)(eq - name) : strlen(name);
      if (nl == 4 && strncmp(name, "help", 4) == 0) {
        cli_cmd_help(c, stdout);
        return -1;
      }
      if (nl == 2 && strncmp(name, "db", 2) == 0) {
        if (!eq && i + 1 >= argc) goto missing;
        a->db = eq ? eq + 1 : argv[++i];
        continue;
      }
      int k = -1;
      for (int j = 0; j < CLI_MAX_OPTS && c->opts[j].name; j++)
        if (strlen(c->opts[j].name) == nl &&
            strncmp(c->opts[j].name, name, nl) == 0)
          k = j;
      if (k < 0) {
        cli_err("%s: unknown option %s (see warta %s --help)", c->name, s,
                c->name);
        return CLI_EUSAGE;
      }
      if (c->opts[k].arg) {
        if (!eq && i + 1 >= argc) goto missing;
        a->val[k] = eq ? eq + 1 : argv[++i];
      } else if (eq) {
        cli_err("%s: option --%s takes no value", c->name, c->opts[k].name);
        return CLI_EUSAGE;
      } else {
        a->val[k] = "";
      }
      continue;
    }
    if (!opts_done && s[0] == '-' && s[1] == 'h' && !s[2]) {
      cli_cmd_help(c, stdout);
      return -1;
    }
    if (a->npos >= CLI_MAX_POS) {
      cli_err("%s: too many arguments", c->name);
      return CLI_EUSAGE;
    }
    a->pos[a->npos++] = s;
  }
  if (a->npos < c->min_pos || (c->max_pos >= 0 && a->npos > c->max_pos)) {
    cli_err("usage: warta %s [OPTIONS]%s%s", c->name, *c->usage ? " " : "",
            c->usage);
    return CLI_EUSAGE;
  }
  return 0;
missing:
  cli_err("%s: option %s needs a value", c->name, argv[i]);
  return CLI_EUSAGE;
}

int main(int argc, char **argv) {
  cli_args a = {.db = "warta.db"};
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "--version") == 0) {
      printf("warta %s\n", warta_version());
      return CLI_OK;
    }
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      cli_usage(stdout);
      return CLI_OK;
    }
    if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      a.db = argv[++i];
      continue;
    }
    if (strncmp(argv[i], "--db=", 5) == 0) {
      a.db = argv[i] + 5;
      continue;
    }
    cli_err("unknown option %s", argv[i]);
    cli_usage(stderr);
    return CLI_EUSAGE;
  }
  if (i >= argc) {
    cli_usage(stderr);
    return CLI_EUSAGE;
  }
  if (strcmp(argv[i], "help") == 0) {
    const cli_cmd *c = i + 1 < argc ? cli_find(argv[i + 1]) : NULL;
    if (i + 1 < argc && !c) {
      cli_err("unknown command %s", argv[i + 1]);
      return CLI_EUSAGE;
    }
    if (c)
      cli_cmd_help(c, stdout);
    else
      cli_usage(stdout);
    return CLI_OK;
  }
  const cli_cmd *c = cli_find(argv[i]);
  if (!c) {
    cli_err("unknown command %s (see warta --help)", argv[i]);
    return CLI_EUSAGE;
  }
  int rc = cli_parse(c, argc, argv, i + 1, &a);
  if (rc < 0) return CLI_OK; /* help printed */
  if (rc) return rc;
  return c->run(&a);
}
