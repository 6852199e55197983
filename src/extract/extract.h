/*
 * extract.h - who, what, when, where: entity mentions over the gazetteer
 * and by rule, name-variant linking inside an article, quotes with their
 * speakers, credited sources, and the event frame (main and secondary).
 *
 * The gazetteer and cue lists come from data/extract/ and are loaded once;
 * the loaded resources are read-only.
 */
#ifndef WT_EXTRACT_H
#define WT_EXTRACT_H

#include "../core/doc.h"

typedef struct wt_extract_res wt_extract_res;

wt_extract_res *wt_extract_load(char *err, size_t errlen);
void wt_extract_free(wt_extract_res *r);

/* Fill doc->entities, mentions, quotes, sources, frame and secondary from
 * doc->body, tokens, sentences, timexes and figures. */
int wt_extract_run(const wt_extract_res *r, wt_doc *doc);

/* Canonical name and type of a gazetteer entity id (NULL if unknown). */
const char *wt_extract_entity_name(const wt_extract_res *r, const char *id,
                                   wt_ent_type *type);

#endif
