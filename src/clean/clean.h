/*
 * clean.h - from a raw page (scraped text or HTML) to the article body and
 * its metadata: title, outlet, credits, dateline, publication time (as
 * written: the pipeline resolves it), canonical URL, language hint and the
 * sources the page credits.  Chrome (navigation, "Baca Juga", related
 * lists, share prompts, captions) is removed and listed in doc->chrome.
 *
 * Resources (cue phrases per language) are loaded once from data/clean/
 * and shared read-only by every doc.
 */
#ifndef WT_CLEAN_H
#define WT_CLEAN_H

#include "../core/doc.h"

typedef struct wt_clean_res wt_clean_res;

wt_clean_res *wt_clean_load(char *err, size_t errlen);
void wt_clean_free(wt_clean_res *r);

/* Fill doc's metadata, body, paras and chrome from doc->in.  On return
 * doc->published/modified/crawled hold the page's own text for those
 * times (text and source; day left WT_NO_DAY unless stated in ISO form).
 * Returns 0, or -1 with a reason in err when no article body is found. */
int wt_clean_run(const wt_clean_res *r, wt_doc *doc, char *err, size_t errlen);

#endif
