/*
 * test_cli_pages.h - helpers for the tests that run the `warta` binary on
 * a store: hand-written news pages, generated distinct pages, and direct
 * SQLite queries on the resulting store (test_cli_pages.c).
 */
#ifndef WT_TEST_CLI_PAGES_H
#define WT_TEST_CLI_PAGES_H

#include <stddef.h>

/* The hand-written good pages (text, HTML, JSON Lines) as files in dir;
 * returns how many pages (articles) they hold. */
int wt_pages_write_good(const char *dir);
/* n generated pages page-NNNN.txt in dir, each with distinct text. */
int wt_pages_write_generated(const char *dir, int n);
/* Generated page i into buf (distinct per i). */
void wt_pages_generate(int i, char *buf, size_t n);

/* First column of the first row of sql on the store at db as an integer
 * (-1 when there is none or the query fails). */
long long wt_db_int(const char *db, const char *sql);
/* ... as a malloc'd string (NULL when none). */
char *wt_db_text(const char *db, const char *sql);

#endif
