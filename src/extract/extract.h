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

/* Load the gazetteer (data/extract/gazetteer/), roles and cue lists, and
 * the name tagger's model (data/extract/ner/model.bin, src/extract/ner.h).
 * NULL with a message in err when a word list or the model cannot be read
 * or is malformed; a missing gazetteer or roles file is not an error
 * (rules still find names). */
wt_extract_res *wt_extract_load(char *err, size_t errlen);
/* The same with the gazetteer directory and the roles file given (NULL:
 * the default under the data directory), for tests and tools.  It does
 * not load the tagger's model (the trainer runs before one exists):
 * wt_extract_run then loads it on first use and fails without it. */
wt_extract_res *wt_extract_load_from(const char *gaz_dir,
                                     const char *roles_path, char *err,
                                     size_t errlen);
/* Gazetteer id of a name or alias written out whole ("Sergei Lavrov"),
 * or NULL. */
const char *wt_extract_lookup(const wt_extract_res *r, const char *name);
/* Number of gazetteer entities loaded. */
size_t wt_extract_gazetteer_size(const wt_extract_res *r);
/* Gazetteer names in s[0..n): longest match at each word start, case
 * rules applied, URLs skipped.  Writes up to max spans, returns the count
 * found (may exceed max).  Never allocates; for benchmarks and tools. */
size_t wt_extract_gazetteer_scan(const wt_extract_res *r, const char *s,
                                 size_t n, wt_span *out, size_t max);
void wt_extract_free(wt_extract_res *r);

/* Fill doc->entities, mentions, quotes, sources, frame and secondary from
 * doc->body, tokens, sentences, timexes and figures. */
int wt_extract_run(const wt_extract_res *r, wt_doc *doc);

/* Canonical name and type of a gazetteer entity id (NULL if unknown). */
const char *wt_extract_entity_name(const wt_extract_res *r, const char *id,
                                   wt_ent_type *type);

#endif
