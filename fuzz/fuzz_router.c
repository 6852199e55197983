/*
 * fuzz_router.c - libFuzzer target: arbitrary bytes as an HTTP method and
 * request target through the server's target parser and router
 * (src/serve/router.c).  Built with -DWARTA_FUZZ=ON and CC=clang.
 * Invariants checked: no crash; every decoded key, value and {id} is a
 * NUL-terminated string inside its buffer; a matched route has a handler;
 * an unmatched one is 400, 404 or 405 (405 with the methods allowed).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  static const int methods[] = {SV_GET, SV_HEAD, SV_POST, 0};
  int method = methods[data[0] & 3];
  const char *raw = (const char *)data + 1;
  size_t n = size - 1;
  sv_target *t = malloc(sizeof *t);
  if (!t) return 0;
  if (sv_target_parse(raw, n, t) == 0) {
    if (t->nargs < 0 || t->nargs > SV_MAX_ARGS) abort();
    for (int i = 0; i < t->nargs; i++) {
      const char *lo = t->buf, *hi = t->buf + sizeof t->buf;
      if (t->key[i] < lo || t->key[i] >= hi || t->val[i] < lo ||
          t->val[i] >= hi)
        abort();
      if (!memchr(t->key[i], '\0', (size_t)(hi - t->key[i]))) abort();
      if (!memchr(t->val[i], '\0', (size_t)(hi - t->val[i]))) abort();
      if (sv_arg(t, t->key[i]) == NULL) abort();
    }
    if (strlen(t->path) >= SV_MAX_TARGET) abort();
    char param[SV_MAX_TARGET];
    int status;
    const char *allow;
    const sv_route *r =
        sv_route_match(method, t->path, param, sizeof param, &status, &allow);
    if (r) {
      if (!r->fn || !(r->methods & method)) abort();
      if (strlen(param) >= sizeof param) abort();
    } else if (status == 405) {
      if (!allow) abort();
    } else if (status != 404 && status != 400) {
      abort();
    }
  }
  free(t);
  return 0;
}
