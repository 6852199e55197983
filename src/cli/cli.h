/*
 * cli.h - the `warta` command line: a declarative table of subcommands
 * (cli.c) whose handlers live in cmd_ingest.c and cmd_query.c.  Handlers
 * use only the public API (include/warta.h).
 *
 * Exit statuses (docs/cli.md): 0 ok, 1 some inputs failed, 2 usage,
 * 3 store or internal error, 4 not found.
 */
#ifndef WT_CLI_H
#define WT_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "warta.h"

enum { CLI_OK = 0, CLI_EINPUT = 1, CLI_EUSAGE = 2, CLI_ESTORE = 3,
       CLI_ENOTFOUND = 4 };

#define CLI_MAX_OPTS 16
#define CLI_MAX_POS 4096

/* An option a command accepts: "--name" with a value when `arg` is set. */
typedef struct cli_opt {
  const char *name;
  const char *arg; /* value placeholder for help ("DATE"), NULL: a flag */
  const char *help;
} cli_opt;

/* Parsed arguments of one command. */
typedef struct cli_args {
  const char *db;
  const char *val[CLI_MAX_OPTS]; /* per option of the command: value, or
                                    "" for a flag that was given */
  const char *pos[CLI_MAX_POS];
  int npos;
  const struct cli_cmd *cmd;
} cli_args;

typedef int (*cli_fn)(const cli_args *a);

typedef struct cli_cmd {
  const char *name;
  const char *usage; /* after "warta NAME " */
  const char *help;  /* one line */
  int min_pos, max_pos; /* positional arguments (-1: any number) */
  int read_only;        /* opens the store read-only */
  cli_fn run;
  cli_opt opts[CLI_MAX_OPTS];
} cli_cmd;

/* Value of an option of the running command, NULL when not given. */
const char *cli_get(const cli_args *a, const char *name);
/* Open the store for a command; prints the error and returns NULL. */
warta *cli_open(const cli_args *a);
/* Map a warta status to an exit status, printing warta_errmsg when it is
 * an error. */
int cli_status(warta *w, int rc);
/* Parse a JSON result, NULL (with a message) when it is not JSON. */
json_t *cli_json(const char *s);
/* Print an error "warta: ..." on stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_ingest(const cli_args *a);
int cmd_recluster(const cli_args *a);
int cmd_clean(const cli_args *a);
int cmd_read(const cli_args *a);
int cmd_events(const cli_args *a);
int cmd_show(const cli_args *a);
int cmd_article(const cli_args *a);
int cmd_why(const cli_args *a);
int cmd_search(const cli_args *a);
int cmd_entity(const cli_args *a);
int cmd_timeline(const cli_args *a);
int cmd_serve(const cli_args *a);

#endif
