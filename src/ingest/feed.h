/*
 * feed.h - RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds as lists of items.
 *
 * Internal to ingest: ingest.c sniffs a unit with wt_feed_sniff() and, for
 * a feed, hands out one wt_input per item of wt_feed_parse().  Everything
 * in a wt_feed is owned by it and lives until wt_feed_free().
 */
#ifndef WT_FEED_H
#define WT_FEED_H

#include <stddef.h>

#include "../core/doc.h"

typedef struct wt_feed_item {
  char *ext_id, *url, *title, *published, *lang; /* NULL when absent */
  char *content;      /* NULL when the item has none */
  size_t content_len;
  wt_format format;   /* of content: HTML or TEXT */
  char *raw;          /* the item's element as XML */
  size_t raw_len;
  const char *fail;   /* why the item is unusable (static text), or NULL */
} wt_feed_item;

typedef struct wt_feed {
  char *outlet, *lang; /* channel or feed title and language, or NULL */
  wt_feed_item *items;
  size_t n_items;
} wt_feed;

/* Does buf[0..n) open as a feed (root <rss>, Atom <feed>, RSS 1.0
 * <rdf:RDF>)?  Looks at the first 4 KiB only; 1 or 0. */
int wt_feed_sniff(const char *buf, size_t n);

/* Parse a feed (n at most WT_INGEST_MAX_FILE) with libxml2 in recover
 * mode, never touching the network or external entities.  Returns NULL
 * with the reason in err when nothing usable was found; otherwise a feed
 * the caller frees, with err set to the first parse error when the
 * document was malformed (items that parsed are still there) and to ""
 * when it was well-formed. */
wt_feed *wt_feed_parse(const char *buf, size_t n, char *err, size_t errlen);
void wt_feed_free(wt_feed *f);

#endif
