/*
 * doc.h - the article data model shared by every pipeline stage.
 *
 * One wt_doc is built per input page and passes through the stages in order:
 *
 *   ingest  -> wt_input            (what the user handed us, hints included)
 *   clean   -> metadata, body, paras, chrome   (doc->body is the cleaned text)
 *   lang    -> lang, tokens, sentences, stems  (over doc->body)
 *   time    -> timexes, figures                (over doc->body, against doc->ref_*)
 *   extract -> entities, mentions, quotes, sources, frame, secondary events
 *
 * Ownership: everything reachable from a wt_doc lives in doc->arena and dies
 * with wt_doc_free().  The wt_input is borrowed and must outlive processing.
 *
 * Offsets: every wt_span is a pair of byte offsets [start, end) into
 * doc->body, which is UTF-8, NUL-terminated, with paragraphs separated by a
 * blank line ("\n\n").  Spans never split a UTF-8 sequence.
 *
 * Indices: an int32_t that refers to another item (a mention's entity, a
 * quote's speaker, a frame's timex) is an index into the corresponding
 * vector of the same doc, or -1 for "none".
 */
#ifndef WT_DOC_H
#define WT_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "calendar.h"
#include "vec.h"

typedef struct wt_span {
  uint32_t start, end;
} wt_span;

/* ---------------------------------------------------------------- input */

typedef enum wt_format {
  WT_FMT_AUTO = 0, /* detect from content */
  WT_FMT_TEXT,     /* page text as scraped, markup gone */
  WT_FMT_HTML,
} wt_format;

/* One page as handed to the pipeline.  Strings are NUL-terminated UTF-8 or
 * NULL when absent; `content` has been checked to be valid UTF-8. */
typedef struct wt_input {
  const char *origin;  /* path as given, "path:LINE" for JSON Lines, "-" */
  const char *ext_id;  /* caller's id (JSON Lines "id"), else NULL */
  wt_format format;    /* TEXT or HTML after detection */
  const char *content; /* page text or HTML */
  size_t content_len;
  const char *raw; /* the input exactly as read (a JSON line, or the file) */
  size_t raw_len;
  /* hints given with the input (JSON Lines fields) */
  const char *url, *title, *outlet, *published, *crawled, *lang;
  const char *extra_json; /* unknown JSON Lines fields as an object, or NULL */
  int64_t file_mtime;     /* seconds since the epoch, 0 when unknown */
} wt_input;

/* ------------------------------------------------------------- metadata */

/* A metadata value and where it came from ("og:title", "h1", "first-line",
 * "dateline", "jsonl", "byline", ...).  value NULL: not found. */
typedef struct wt_meta {
  const char *value;
  const char *source;
} wt_meta;

typedef struct wt_credit {
  const char *name;
  const char *role; /* "author", "editor", "reporter", "photographer" */
} wt_credit;

/* A point in time as stated by the page. */
typedef struct wt_datetime {
  int32_t day;        /* WT_NO_DAY when unknown */
  int16_t minute;     /* minutes after local midnight, -1 when unknown */
  int16_t tz_minutes; /* UTC offset (WIB = 420), WT_NO_TZ when unknown */
  uint8_t relative;   /* resolved from a relative phrase ("9 jam lalu") */
  const char *text;   /* as written on the page */
  const char *source; /* where it was found */
} wt_datetime;
#define WT_NO_TZ INT16_MIN

/* A line or block the cleaner removed, kept for `warta clean` debugging. */
typedef struct wt_chrome {
  const char *text;
  const char *reason; /* "cue:Baca Juga", "link-list", "short-line", ... */
} wt_chrome;

typedef struct wt_para {
  wt_span span;
  char lang[4]; /* "id", "en", "ms", "" unknown */
  uint8_t kind; /* WT_PARA_* */
} wt_para;
enum { WT_PARA_TEXT = 0, WT_PARA_HEADING, WT_PARA_LIST, WT_PARA_QUOTE };

/* ------------------------------------------------------------- language */

typedef enum wt_tok_kind {
  WT_TOK_WORD = 1, /* letters, with inner hyphens/apostrophes */
  WT_TOK_NUM,      /* 3.897  1,5  2025 */
  WT_TOK_MONEY,    /* Rp3.897  US$245  USD240 */
  WT_TOK_DATE,     /* 4/2/2026  20/1 */
  WT_TOK_URL,      /* urls, e-mail addresses, domains */
  WT_TOK_PUNCT,
  WT_TOK_SYM,
} wt_tok_kind;

enum {
  WT_TOKF_CAP = 1 << 0,      /* first letter upper case */
  WT_TOKF_ALLCAP = 1 << 1,   /* every letter upper case, 2+ letters */
  WT_TOKF_STOP = 1 << 2,     /* stop word of the doc's language */
  WT_TOKF_ABBREV = 1 << 3,   /* known abbreviation ending in '.' */
  WT_TOKF_QUOTE = 1 << 4,    /* a quotation mark */
  WT_TOKF_SENT_END = 1 << 5, /* ends a sentence */
};

typedef struct wt_token {
  wt_span span;
  uint16_t kind;  /* wt_tok_kind */
  uint16_t flags; /* WT_TOKF_* */
  const char *norm; /* case-folded, NFC */
  const char *stem; /* stem in the doc's language (== norm when none) */
} wt_token;

typedef struct wt_sentence {
  wt_span span;
  uint32_t tok_first, tok_count;
  uint32_t para;
} wt_sentence;

/* ---------------------------------------------------------------- time */

typedef enum wt_timex_type {
  WT_TX_DATE = 1,
  WT_TX_TIME,
  WT_TX_DURATION,
  WT_TX_SET,
} wt_timex_type;

typedef enum wt_gran {
  WT_G_NONE = 0,
  WT_G_YEAR,
  WT_G_HALF,
  WT_G_QUARTER,
  WT_G_MONTH,
  WT_G_WEEK,
  WT_G_DAY,
  WT_G_PART_OF_DAY,
  WT_G_MINUTE,
} wt_gran;

typedef struct wt_timex {
  wt_span span;
  wt_timex_type type;
  wt_gran gran;
  char value[40];         /* TimeML: 2025-01-21, 2025-01-21T14:00, 2026-H1, PT85M, P1Y */
  int32_t day_lo, day_hi; /* DATE/TIME: inclusive day range, else WT_NO_DAY */
  int32_t minutes;        /* DURATION: length; TIME: minute of day; else -1 */
  uint8_t relative;       /* the value depends on the reference time */
  uint8_t approx;         /* "hampir", "sekitar", "nearly", "about" */
  int8_t tense;           /* -1 before the reference, +1 after, 0 unknown */
  uint32_t sentence;      /* index into doc->sentences */
} wt_timex;

typedef enum wt_fig_kind {
  WT_FIG_MONEY = 1,
  WT_FIG_PERCENT,
  WT_FIG_DURATION,
  WT_FIG_COUNT,
} wt_fig_kind;

typedef struct wt_figure {
  wt_span span;
  wt_fig_kind kind;
  double value;       /* money: currency units; duration: minutes; else as is */
  const char *unit;   /* "USD", "IDR", "%", "min", or the counted noun */
  const char *period; /* the period it refers to ("2024", "2026-H1"), or NULL */
  const char *baseline;  /* "2021" in "naik 64 persen sejak 2021", or NULL */
  double equiv_value;    /* "setara Rp3.897 triliun": 3.897e15, else 0 */
  const char *equiv_unit;
  uint8_t approx;
  uint32_t sentence;
} wt_figure;

/* ------------------------------------------------------------- extract */

typedef enum wt_ent_type {
  WT_ENT_PERSON = 1,
  WT_ENT_ORG,
  WT_ENT_PLACE,
  WT_ENT_MISC,
} wt_ent_type;

enum {
  WT_ENTF_GAZ = 1 << 0,    /* known to the gazetteer */
  WT_ENTF_AGENCY = 1 << 1, /* news agency, broadcaster or outlet */
};

/* A distinct entity named in this article. */
typedef struct wt_entity {
  const char *id;   /* canonical id: Wikidata Q-id, or "x:Canonical Name" */
  const char *name; /* canonical display name */
  wt_ent_type type;
  uint32_t flags;    /* WT_ENTF_* */
  const char *role;  /* role seen in this article ("Presiden Rusia"), or NULL */
  uint32_t n_mentions;
  uint32_t first;    /* byte offset of the first mention */
} wt_entity;

typedef struct wt_mention {
  wt_span span;
  int32_t entity;
  uint8_t how; /* WT_MEN_* */
} wt_mention;
enum { WT_MEN_GAZ = 1, WT_MEN_RULE, WT_MEN_ALIAS, WT_MEN_ROLE };

typedef struct wt_quote {
  wt_span span;      /* the quoted words, marks excluded */
  int32_t speaker;   /* entity index, -1 when it cannot be resolved */
  wt_span cue;       /* the speech verb or "menurut" phrase, {0,0} if none */
  const char *verb;  /* normalised cue ("kata", "ujar", "said") or NULL */
  uint8_t direct;    /* 1 direct quote, 0 indirect speech */
} wt_quote;

typedef struct wt_source {
  int32_t entity;    /* the agency/broadcaster entity, -1 if unknown */
  const char *name;  /* as credited ("BBC Internasional", "Antara") */
  wt_span span;      /* where in the body, {0,0} when from metadata */
  const char *cue;   /* "dikutip", "Sumber:", "according to", ... */
} wt_source;

typedef struct wt_place_of {
  int32_t participant; /* entity index */
  int32_t place;       /* entity index, or -1 with text set */
  const char *text;    /* place as written ("kediaman Novo-Ogaryovo") */
} wt_place_of;

/* An event the article reports (the main one) or mentions in passing. */
typedef struct wt_frame {
  const char *type;       /* taxonomy id (data/extract/event-types.tsv) or NULL */
  wt_span trigger;        /* phrase that set the type */
  int32_t *participants;  /* entity indices */
  size_t n_participants;
  wt_place_of *places;
  size_t n_places;
  int32_t day;            /* event day, WT_NO_DAY unknown */
  const char *date_value; /* TimeML value the date rests on ("2025-01-21", "2026-H1") */
  int32_t timex;          /* timex index the date rests on, -1 when inferred */
  const char *date_how;   /* "stated", "weekday-anchored", "inferred:published", ... */
  float date_conf;        /* 0..1 */
  int32_t day_min, day_max; /* plausible window for the event day when it is
                               not stated (e.g. from the latest year the text
                               refers to); WT_NO_DAY when unknown */
  int32_t duration_minutes; /* -1 unknown */
  int32_t duration_at;      /* figure or timex index giving it, -1 */
  int8_t tense;             /* secondary events: -1 past, +1 future; main: 0 */
  wt_span evidence;         /* the sentence it was read from */
  const char *summary;      /* secondary events: short description */
} wt_frame;

/* ----------------------------------------------------------------- doc */

typedef struct wt_doc {
  wt_arena *arena;
  const wt_input *in; /* borrowed while the doc is processed */

  /* identity and metadata (clean) */
  const char *origin;
  const char *ext_id;  /* external id: the JSON Lines id, else origin */
  wt_meta url, canonical_url, title, outlet, dateline, language;
  WT_VEC(wt_credit) credits;
  wt_datetime published, modified, crawled;
  WT_VEC(wt_meta) credited; /* source credits seen by the cleaner (raw names) */
  WT_VEC(wt_chrome) chrome;

  /* cleaned body */
  char *body;
  size_t body_len;
  WT_VEC(wt_para) paras;

  /* language */
  char lang[4]; /* article language: "id", "en", "ms", "" unknown */
  float lang_conf;
  WT_VEC(wt_token) tokens;
  WT_VEC(wt_sentence) sentences;

  /* reference time for relative expressions: published, else crawled,
   * else the file's time (set by the pipeline before the time stage) */
  int32_t ref_day;
  int16_t ref_minute;
  const char *ref_how; /* "published", "crawled", "file-mtime", "none" */

  WT_VEC(wt_timex) timexes;
  WT_VEC(wt_figure) figures;

  /* extraction */
  WT_VEC(wt_entity) entities;
  WT_VEC(wt_mention) mentions;
  WT_VEC(wt_quote) quotes;
  WT_VEC(wt_source) sources;
  wt_frame frame;
  WT_VEC(wt_frame) secondary;
  const char *dateline_date; /* "May 28" of "JAKARTA, May 28 (Reuters) -" */
} wt_doc;

/* A doc with its own arena (capped at arena_cap bytes, 0: default) and
 * every index field set to "none". */
wt_doc *wt_doc_new(size_t arena_cap);
void wt_doc_free(wt_doc *d);
/* Set a frame's index and day fields to "none" (for secondary events). */
void wt_frame_init(wt_frame *f);

#endif
