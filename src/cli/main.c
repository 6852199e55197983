/* main.c - placeholder entry point, replaced by the CLI (src/cli). */
#include <stdio.h>
#include "warta.h"
int main(void) { puts(WARTA_VERSION); return 0; }
