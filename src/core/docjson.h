/*
 * docjson.h - JSON views of a processed doc, the machine-readable contract
 * documented in docs/json.md.
 *
 *   article view: `warta article --json`, and what the store keeps
 *   clean view:   `warta clean --json`
 *   read view:    `warta read --json`
 *
 * Writers append to a wt_sb; they cannot fail except by the buffer's cap.
 */
#ifndef WT_DOCJSON_H
#define WT_DOCJSON_H

#include <stdint.h>

#include "doc.h"
#include "strbuf.h"

/* `id`: the store's internal id, or 0 when the doc is not stored. */
int wt_doc_json_article(const wt_doc *d, int64_t id, wt_sb *out);
int wt_doc_json_clean(const wt_doc *d, wt_sb *out);
int wt_doc_json_read(const wt_doc *d, wt_sb *out);

/* Names for enums used in JSON and text output. */
const char *wt_timex_type_name(wt_timex_type t);
const char *wt_fig_kind_name(wt_fig_kind k);
const char *wt_ent_type_name(wt_ent_type t);

#endif
