/*
 * harness.h - warta's test harness: tests register themselves with
 * WT_TEST(name) and the runner (main.c) runs them, optionally filtered by a
 * name prefix, and ends with the line "N passed, N failed, N skipped".
 *
 *   WT_TEST(clean_drops_baca_juga) {
 *     ...
 *     CHECK(x == 3);                 // records a failure, test goes on
 *     CHECK_STR_EQ(a, "b");
 *     REQUIRE(p != NULL);            // failure ends the test
 *     SKIP("../shared is absent");   // ends the test as skipped
 *   }
 *
 * Helpers run the warta binary (WARTA_BIN) and find fixtures relative to
 * the source tree (WARTA_SOURCE_DIR) and ../shared beside it.
 */
#ifndef WT_HARNESS_H
#define WT_HARNESS_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef void (*wt_test_fn)(void);
void wt_test_register(const char *name, wt_test_fn fn);

#define WT_TEST(name)                                                    \
  static void test_##name(void);                                         \
  __attribute__((constructor)) static void register_##name(void) {       \
    wt_test_register(#name, test_##name);                                \
  }                                                                      \
  static void test_##name(void)

void wt_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void wt_test_skip(const char *why);
int wt_test_failed_now(void);

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) wt_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);   \
  } while (0)
#define CHECKF(cond, ...)                                                \
  do {                                                                   \
    if (!(cond)) wt_test_fail(__FILE__, __LINE__, __VA_ARGS__);          \
  } while (0)
#define REQUIRE(cond)                                                    \
  do {                                                                   \
    if (!(cond)) {                                                       \
      wt_test_fail(__FILE__, __LINE__, "REQUIRE(%s)", #cond);            \
      return;                                                            \
    }                                                                    \
  } while (0)
#define CHECK_STR_EQ(a, b)                                               \
  do {                                                                   \
    const char *a_ = (a), *b_ = (b);                                     \
    if (!a_ || !b_ || strcmp(a_, b_) != 0)                               \
      wt_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"",  \
                   #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");          \
  } while (0)
#define CHECK_INT_EQ(a, b)                                               \
  do {                                                                   \
    long long a_ = (long long)(a), b_ = (long long)(b);                  \
    if (a_ != b_)                                                        \
      wt_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a,  \
                   a_, b_);                                              \
  } while (0)
#define SKIP(why)                                                        \
  do {                                                                   \
    wt_test_skip(why);                                                   \
    return;                                                              \
  } while (0)

/* Paths: source tree, ../shared (NULL when absent), a fresh temp dir. */
const char *wt_test_src(const char *rel, char *buf, size_t n);
const char *wt_test_shared(const char *rel, char *buf, size_t n);
const char *wt_test_tmpdir(void); /* per test, removed after the run */

/* Run the warta binary with argv (NULL-terminated, argv[0] excluded),
 * optional stdin text; captures stdout and stderr (malloc'd, caller
 * frees).  Returns the exit status (or 128+signal). */
int wt_test_run(const char *const *argv, const char *stdin_text,
                char **out, char **err);

/* Read a whole file into a malloc'd string (NULL if unreadable). */
char *wt_test_slurp(const char *path, size_t *len);
/* Write a file; 0 on success. */
int wt_test_write(const char *path, const void *data, size_t n);

#endif
