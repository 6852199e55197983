/*
 * test_crash.c - crash safety of ingest: `warta ingest` on a few hundred
 * distinct pages is killed with SIGKILL mid-run (twice, at different
 * points), then run again to the end on the same inputs.  Every page must
 * be stored exactly once, every article must have an event that exists,
 * and the store must pass SQLite's integrity check.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "harness.h"
#include "test_cli_pages.h"

#define CRASH_PAGES 400

static void sleep_ms(int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* Start ingest, wait until the store holds more than `above` articles,
 * then SIGKILL it.  Returns the count seen at the kill, or -1 when the run
 * ended by itself first. */
static long long ingest_and_kill(const char *db, const char *dir,
                                 long long above) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    dup2(fd, 1);
    dup2(fd, 2);
    execl(WARTA_BIN, WARTA_BIN, "ingest", "--batch", "8", "--db", db, dir,
          (char *)NULL);
    _exit(127);
  }
  long long seen = 0;
  int status = 0;
  for (int i = 0; i < 60000; i++) { /* up to ~5 minutes */
    if (waitpid(pid, &status, WNOHANG) == pid) return -1;
    seen = wt_db_int(db, "SELECT count(*) FROM articles");
    if (seen > above) break;
    sleep_ms(5);
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? seen : -1;
}

WT_TEST(crash_sigkill_mid_ingest_then_rerun) {
  char dir[700], db[700], cmd[800];
  snprintf(dir, sizeof dir, "%s/pages", wt_test_tmpdir());
  snprintf(db, sizeof db, "%s/w.db", wt_test_tmpdir());
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
  REQUIRE(system(cmd) == 0);
  wt_pages_write_generated(dir, CRASH_PAGES);

  long long k1 = ingest_and_kill(db, dir, 0);
  CHECKF(k1 > 0 && k1 < CRASH_PAGES, "first kill at %lld", k1);
  long long k2 = ingest_and_kill(db, dir, k1 + 8);
  CHECKF(k2 < 0 || k2 <= CRASH_PAGES, "second kill at %lld", k2);

  char *out = NULL, *err = NULL;
  const char *argv[] = {"ingest", "--db", db, dir, NULL};
  int rc = wt_test_run(argv, NULL, &out, &err);
  CHECKF(rc == 0, "rerun: exit %d\n%s", rc, err ? err : "");
  CHECKF(err && strstr(err, "failed 0"), "rerun: %s", err ? err : "");
  free(out);
  free(err);

  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles"), CRASH_PAGES);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(DISTINCT content_hash) FROM"
                             " articles"),
               CRASH_PAGES);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(DISTINCT origin) FROM articles"),
               CRASH_PAGES);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM articles a WHERE"
                             " a.event_id IS NULL OR NOT EXISTS (SELECT 1"
                             " FROM events e WHERE e.id = a.event_id)"),
               0);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM events WHERE dirty"), 0);
  CHECK_INT_EQ(wt_db_int(db, "SELECT coalesce(sum(n_articles), 0) FROM"
                             " events WHERE redirect_to IS NULL"),
               CRASH_PAGES);
  char *ok = wt_db_text(db, "PRAGMA integrity_check");
  CHECK_STR_EQ(ok, "ok");
  free(ok);
  CHECK_INT_EQ(wt_db_int(db, "SELECT count(*) FROM pragma_foreign_key_check"),
               0);

  /* a third run is all duplicates */
  const char *argv2[] = {"ingest", "--db", db, dir, NULL};
  CHECK_INT_EQ(wt_test_run(argv2, NULL, &out, &err), 0);
  CHECKF(err && strstr(err, "stored 0, duplicates 400"), "third: %s",
         err ? err : "");
  free(out);
  free(err);
}
