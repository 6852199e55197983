/*
 * cmd_serve.c - `warta serve`: run the HTTP server (src/serve) until
 * SIGINT or SIGTERM.  Prints "listening on http://ADDR:PORT" on stdout
 * once bound (with --listen ADDR:0 the port is the one the system chose).
 * The write token comes from --token-file (first line) or $WARTA_TOKEN;
 * without one the server is read-only.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../serve/serve.h"
#include "cli.h"

#define SERVE_TOKEN_MAX 4096

/* The first line of a token file, trimmed; NULL (with a message) on error. */
static char *serve_read_token(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    cli_err("%s: cannot read the token file", path);
    return NULL;
  }
  char buf[SERVE_TOKEN_MAX];
  char *line = fgets(buf, sizeof buf, f);
  fclose(f);
  if (line) line[strcspn(line, "\r\n")] = '\0';
  if (!line || !*line) {
    cli_err("%s: the token file is empty", path);
    return NULL;
  }
  return strdup(line);
}

int cmd_serve(const cli_args *a) {
  const char *listen = cli_get(a, "listen");
  const char *tf = cli_get(a, "token-file");
  const char *threads = cli_get(a, "threads");
  char *token = NULL;
  if (tf) {
    if (!(token = serve_read_token(tf))) return CLI_EUSAGE;
  } else if (getenv("WARTA_TOKEN") && *getenv("WARTA_TOKEN")) {
    token = strdup(getenv("WARTA_TOKEN"));
  }
  int nthreads = threads ? atoi(threads) : 0;
  if (threads && (nthreads < 1 || nthreads > 256)) {
    cli_err("--threads wants a number from 1 to 256");
    free(token);
    return CLI_EUSAGE;
  }
  /* block the stop signals in every thread; this one waits for them */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);

  wt_serve_opts o = {.db = a->db, .listen = listen, .token = token,
                     .threads = nthreads};
  wt_server *s = NULL;
  char err[512];
  int rc = wt_serve_start(&o, &s, err, sizeof err);
  free(token);
  if (rc != 0) {
    cli_err("%s", err);
    return CLI_ESTORE;
  }
  const char *spec = listen ? listen : "127.0.0.1:8080";
  const char *colon = strrchr(spec, ':');
  printf("listening on http://%.*s:%u/ (%s)\n", (int)(colon - spec), spec,
         wt_serve_port(s), o.token ? "read-write" : "read-only");
  fflush(stdout);
  int sig;
  sigwait(&set, &sig);
  wt_serve_stop(s);
  return CLI_OK;
}
