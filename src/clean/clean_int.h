/*
 * clean_int.h - what the clean stage's files share: the loaded resources
 * (cue phrases, function words, HTML class hints), the page being cleaned
 * as a list of candidate blocks, and the helpers each subsystem offers.
 *
 *   clean.c  driver: hints, dispatch, body assembly
 *   cues.c   loading data/clean/, cue and word look-ups
 *   text.c   block classifier (body / heading / chrome), main run, and the
 *            metadata that lines carry (title, outlet, credits, dateline)
 *   html.c   the HTML parser behind html.h
 *   dom.c    DOM tree, main-block finding, block emission
 *   meta.c   <meta>, JSON-LD, ISO dates, title suffixes
 *
 * Invariants: block text is NUL-terminated UTF-8 in the doc's arena, on
 * one line, whitespace collapsed (NBSP and friends become ' ').
 */
#ifndef WT_CLEAN_INT_H
#define WT_CLEAN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/doc.h"
#include "clean.h"

enum cl_cue_kind {
  CUE_PREFIX = 1, /* line starts with the phrase */
  CUE_LINE,       /* the whole line is the phrase */
  CUE_CONTAINS,   /* the phrase anywhere in a short line */
  CUE_OUTLET,     /* the rest of the line names the outlet */
  CUE_SOURCE,     /* the rest of the line names a credited source */
  CUE_AUTHOR,     /* credit labels */
  CUE_EDITOR,
  CUE_REPORTER,
  CUE_PHOTOGRAPHER,
};

typedef struct cl_cue {
  char *phrase; /* lower-cased, single spaces */
  size_t len;
  int kind;
  char *reason; /* "cue:Baca Juga" */
} cl_cue;

struct wt_clean_res {
  cl_cue *cues;
  size_t n_cues;
  char **words; /* function words: open-addressing set, lower case */
  size_t words_cap, n_words;
  char **hints_pos, **hints_neg, **hints_drop; /* HTML class/id hints */
  size_t n_pos, n_neg, n_drop;
  char **months; /* month names and abbreviations, lower case */
  size_t n_months;
  char **units; /* time units for ages ("jam", "hours") */
  size_t n_units;
  char **updates; /* words that open a page's update time, lower case */
  size_t n_updates;
  char **legal[4]; /* notice words by group: ban, reuse, permit, object */
  size_t n_legal[4];
  struct cl_meta_name { char *name; int kind; } *meta; /* meta-names.txt */
  size_t n_meta, cap_meta;
};

/* What a <meta> name gives (data/clean/meta-names.txt). */
enum { CL_META_NONE = 0, CL_META_TITLE, CL_META_SITE, CL_META_URL,
       CL_META_PUBLISHED, CL_META_MODIFIED, CL_META_DATE, CL_META_AUTHOR };

enum cl_class { CL_NONE = 0, CL_BODY, CL_HEAD, CL_CHROME };

typedef struct cl_block {
  char *text;
  size_t len;
  uint8_t kind;      /* WT_PARA_* suggested by markup */
  uint8_t cls;       /* cl_class */
  uint8_t from_markup_heading;
  uint8_t leadin;    /* a line ending in ':' that introduces what follows */
  uint8_t zone;      /* HTML: 1 before, 2 after the element holding the
                      * text (inside the chosen block), 0 inside or n/a */
  uint32_t link_len; /* bytes of link text (HTML) */
  const char *reason; /* chrome reason */
  const cl_cue *cue;
  int weight;
} cl_block;

typedef struct cl_page {
  wt_doc *doc;
  const wt_clean_res *res;
  int html;
  int relaxed; /* HTML: class/id drop words only lower a score */
  WT_VEC(cl_block) blocks;
} cl_page;

/* cues.c */
int cl_res_load(wt_clean_res *r, char *err, size_t errlen);
void cl_res_free(wt_clean_res *r);
/* The cue that matches line s[0..n) (matching ignores case, leading
 * symbols and repeated spaces), or NULL.  *rest, when given, receives the
 * offset in s just after the phrase. */
const cl_cue *cl_cue_match(const wt_clean_res *r, const char *s, size_t n,
                           size_t *rest);
int cl_is_function_word(const wt_clean_res *r, const char *w, size_t n);
int cl_is_month(const wt_clean_res *r, const char *w, size_t n);
/* Does word w open an update time ("updated", "diperbarui")? */
int cl_is_update_word(const wt_clean_res *r, const char *w, size_t n);
int cl_is_time_unit(const wt_clean_res *r, const char *w, size_t n);
/* s[0..n) reads as a legal or copyright notice (data/clean/legal.txt:
 * a ban, a reuse verb, and a permission or the site itself). */
int cl_is_legal_notice(const wt_clean_res *r, const char *s, size_t n);
/* The CL_META_* kind of a <meta> name, CL_META_NONE when not read. */
int cl_meta_kind(const wt_clean_res *r, const char *name);
/* Class/id hint words in s: bit 1 negative, 2 positive, 4 drop. */
int cl_hint_class(const wt_clean_res *r, const char *s);

/* text.c */
/* Split page text into blocks, one per non-blank line. */
void cl_text_split(cl_page *p, const char *s, size_t n);
/* Add one block (text normalised and copied into the arena); NULL when
 * empty after normalising. */
cl_block *cl_block_add(cl_page *p, const char *s, size_t n, uint8_t kind);
/* Classify the blocks, choose the body and harvest metadata from lines. */
void cl_text_classify(cl_page *p);

/* dom.c */
/* Parse HTML, fill metadata from <meta>/JSON-LD/<title>/<h1>, and add the
 * main article block's paragraphs to p->blocks.  -1 with err on failure. */
int cl_dom_extract(cl_page *p, const char *html, size_t n, char *err,
                   size_t errlen);

/* meta.c */
/* Set m from s[0..n) (trimmed, whitespace collapsed) when m is still empty
 * and the value non-empty; 1 when set. */
int cl_meta_offer(wt_doc *d, wt_meta *m, const char *s, size_t n,
                  const char *source);
/* Set a datetime's text/source when still empty; ISO 8601 values also get
 * day, minute and tz. */
void cl_time_offer(wt_doc *d, wt_datetime *t, const char *s, size_t n,
                   const char *source);
void cl_credit_add(wt_doc *d, const char *name, size_t n, const char *role);
void cl_credited_add(wt_doc *d, const char *name, size_t n,
                     const char *source);
/* Parse JSON-LD text for headline, dates, authors, publisher. */
void cl_meta_jsonld(wt_doc *d, const char *s, size_t n);
/* <title> text with the site suffix removed, in the arena. */
const char *cl_meta_strip_site(wt_doc *d, const char *title,
                               const char *site);
/* Host of a URL ("www." removed) into the arena, or NULL. */
const char *cl_meta_host(wt_doc *d, const char *url);

/* shared small helpers (text.c) */
size_t cl_utf8_len(const char *s, size_t n);
/* caption.c: the name of a "((Name))" credit closing line s[0..n) (its
 * length, *name set), 0 when there is none. */
size_t cl_caption_credit(const char *s, size_t n, const char **name);
/* caption.c: is line s[0..n) (NUL-terminated) a photo caption or credit
 * line? */
int cl_is_caption(const char *s, size_t n);
/* caption.c: is line s[0..n) one sentence closed by a bracketed credit of
 * one to three words ("... di Anchorage, Alaska. (AFP)")?  A caption
 * when the story's dateline opens the next paragraph. */
int cl_credit_closed(const char *s, size_t n);
int cl_is_upper_start(const char *s, size_t n);

#endif
