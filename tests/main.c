/*
 * main.c - the test runner.  Runs every registered test (or those whose
 * names start with one of argv[1..]) in registration order, each in a fresh
 * temporary directory, and prints "N passed, N failed, N skipped" last.
 * Exit status: 0 when nothing failed.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 4096

static struct {
  const char *name;
  wt_test_fn fn;
} tests[MAX_TESTS];
static int n_tests;
static int cur_failed, cur_skipped;
static char cur_tmp[512];

void wt_test_register(const char *name, wt_test_fn fn) {
  if (n_tests < MAX_TESTS) {
    tests[n_tests].name = name;
    tests[n_tests].fn = fn;
    n_tests++;
  }
}

void wt_test_fail(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "    %s:%d: ", file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  cur_failed++;
}

void wt_test_skip(const char *why) {
  fprintf(stderr, "    skipped: %s\n", why);
  cur_skipped = 1;
}

int wt_test_failed_now(void) { return cur_failed; }

const char *wt_test_src(const char *rel, char *buf, size_t n) {
  snprintf(buf, n, "%s/%s", WARTA_SOURCE_DIR, rel);
  return buf;
}

const char *wt_test_shared(const char *rel, char *buf, size_t n) {
  const char *env = getenv("WARTA_SHARED");
  if (env && *env)
    snprintf(buf, n, "%s/%s", env, rel);
  else
    snprintf(buf, n, "%s/../shared/%s", WARTA_SOURCE_DIR, rel);
  struct stat st;
  return stat(buf, &st) == 0 ? buf : NULL;
}

const char *wt_test_tmpdir(void) {
  if (!cur_tmp[0]) {
    const char *base = getenv("TMPDIR");
    snprintf(cur_tmp, sizeof cur_tmp, "%s/warta-test-XXXXXX",
             base && *base ? base : "/tmp");
    if (!mkdtemp(cur_tmp)) {
      perror("mkdtemp");
      exit(2);
    }
  }
  return cur_tmp;
}

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw) {
  return remove(p);
}

static void tmp_cleanup(void) {
  if (cur_tmp[0] && !getenv("WARTA_KEEP_TMP"))
    nftw(cur_tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  cur_tmp[0] = '\0';
}

char *wt_test_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

int wt_test_write(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = fwrite(data, 1, n, f);
  return fclose(f) == 0 && w == n ? 0 : -1;
}

int wt_test_run(const char *const *argv, const char *stdin_text, char **out,
                char **err) {
  char outp[600], errp[600], inp[600];
  const char *dir = wt_test_tmpdir();
  snprintf(outp, sizeof outp, "%s/.run.out", dir);
  snprintf(errp, sizeof errp, "%s/.run.err", dir);
  snprintf(inp, sizeof inp, "%s/.run.in", dir);
  wt_test_write(inp, stdin_text ? stdin_text : "",
                stdin_text ? strlen(stdin_text) : 0);
  int nargs = 0;
  while (argv[nargs]) nargs++;
  const char **args = calloc((size_t)nargs + 2, sizeof *args);
  args[0] = WARTA_BIN;
  for (int i = 0; i < nargs; i++) args[i + 1] = argv[i];
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    int fi = open(inp, O_RDONLY), fo = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0644),
        fe = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fi, 0);
    dup2(fo, 1);
    dup2(fe, 2);
    execv(WARTA_BIN, (char *const *)args);
    _exit(127);
  }
  free(args);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (out) *out = wt_test_slurp(outp, NULL);
  if (err) *err = wt_test_slurp(errp, NULL);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int selected(const char *name, int argc, char **argv) {
  if (argc < 2) return 1;
  for (int i = 1; i < argc; i++)
    if (strncmp(name, argv[i], strlen(argv[i])) == 0) return 1;
  return 0;
}

int main(int argc, char **argv) {
  int passed = 0, failed = 0, skipped = 0;
  for (int i = 0; i < n_tests; i++) {
    if (!selected(tests[i].name, argc, argv)) continue;
    cur_failed = cur_skipped = 0;
    double t0 = now_s();
    tests[i].fn();
    tmp_cleanup();
    const char *verdict = cur_failed ? "FAIL" : cur_skipped ? "skip" : "ok";
    if (cur_failed)
      failed++;
    else if (cur_skipped)
      skipped++;
    else
      passed++;
    fflush(stderr);
    printf("%-4s %-56s %7.3fs\n", verdict, tests[i].name, now_s() - t0);
    fflush(stdout);
  }
  fflush(stderr);
  printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed ? 1 : 0;
}
