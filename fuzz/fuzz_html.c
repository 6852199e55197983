/*
 * fuzz_html.c - libFuzzer target: arbitrary bytes as an HTML page through
 * ingest and clean (see clean_target.h).  Built with -DWARTA_FUZZ=ON and
 * CC=clang.
 */
#include "clean_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return fuzz_clean_one(data, size, WT_FMT_HTML);
}
