/*
 * ingest.h - turn what the user names (files, directories, "-", a request
 * body) into a stream of wt_input records, one per page.
 *
 * Formats are detected per input: JSON Lines (one article per line), HTML,
 * or page text as scraped.  A JSON Lines file yields one record per line.
 * Directories are walked recursively in sorted order (deterministic runs).
 *
 * Bad input never stops the stream: wt_ingest_next() returns -1 with the
 * input's origin and a reason, and the next call moves on.  Records are
 * valid until the next call to wt_ingest_next() or wt_ingest_close().
 * Every buffer is capped (WT_INGEST_MAX_FILE per file, per line).
 */
#ifndef WT_INGEST_H
#define WT_INGEST_H

#include <stddef.h>

#include "../core/doc.h"

#define WT_INGEST_MAX_FILE ((size_t)32 << 20) /* 32 MiB per page or file */

typedef struct wt_ingest wt_ingest;

/* Stream over paths (files, directories, "-" for stdin). */
wt_ingest *wt_ingest_open_paths(const char *const *paths, size_t n);
/* Stream over one in-memory buffer (an HTTP body): JSON Lines, a single
 * JSON object, HTML or text.  `name` is used as the origin.  The buffer is
 * borrowed and must outlive the stream. */
wt_ingest *wt_ingest_open_buffer(const char *name, const char *buf, size_t n);

/* 1: *in holds the next record.  0: end of stream.  -1: the input named in
 * *origin failed for the reason in err; call again to continue. */
int wt_ingest_next(wt_ingest *g, wt_input *in, const char **origin,
                   char *err, size_t errlen);
void wt_ingest_close(wt_ingest *g);

/* Detect the format of one page's content (TEXT or HTML). */
wt_format wt_ingest_sniff(const char *buf, size_t n);

#endif
