/*
 * timex.h - time expressions and figures, Indonesian and English.
 *
 * Time expressions (dates, times of day, durations, sets) are found with
 * their spans and normalised to TimeML values against a reference time.
 * Figures (money, percentages, durations, counts) are found with value,
 * unit and the period they refer to.  Word lists (months, weekdays,
 * numerals, scale words, currencies) come from data/lang/.
 */
#ifndef WT_TIMEX_H
#define WT_TIMEX_H

#include <stddef.h>
#include <stdint.h>

#include "../core/doc.h"

typedef struct wt_time_res wt_time_res;

wt_time_res *wt_time_load(char *err, size_t errlen);
void wt_time_free(wt_time_res *r);

/* Reference time: the day and minute relative expressions resolve
 * against (day WT_NO_DAY: unresolvable relatives are dropped). */
typedef struct wt_timeref {
  int32_t day;
  int16_t minute;
} wt_timeref;

typedef WT_VEC(wt_timex) wt_timex_vec;
typedef WT_VEC(wt_figure) wt_figure_vec;

/* Time expressions in s[0..n) (spans are offsets into s). */
int wt_timex_scan(const wt_time_res *r, const char *s, size_t n,
                  const char *lang, wt_timeref ref, wt_arena *a,
                  wt_timex_vec *out);

/* Parse a page's publication-time text ("22 Jan 2025, 12:01",
 * "Rabu, 22/01/2025 12:01 WIB", "9 jam lalu", ISO 8601) into *dt
 * (day, minute, tz, relative).  0 on success, -1 when it is not a time. */
int wt_timex_parse_datetime(const wt_time_res *r, const char *s,
                            wt_timeref ref, wt_datetime *dt);

/* Fill doc->timexes and doc->figures over doc->body, using doc->ref_day
 * and doc->sentences (for the sentence index). */
int wt_time_run(const wt_time_res *r, wt_doc *doc);

/* Figures in s[0..n), with periods taken from the timexes given. */
int wt_figure_scan(const wt_time_res *r, const char *s, size_t n,
                   const char *lang, const wt_timex_vec *timexes,
                   wt_arena *a, wt_figure_vec *out);


/* ------------------------------------------------------------------------
 * Internal: shared by src/lang/timex*.c and src/lang/figure*.c only.
 * A text is cut into light tokens (words, digit runs, single punctuation
 * characters) and every word list entry is a phrase of such tokens with a
 * category.  Nothing here is part of the stage interface.
 */
enum {
  WT_TXC_MONTH = 1, WT_TXC_WEEKDAY, WT_TXC_UNIT, WT_TXC_UNIT1, WT_TXC_PREV,
  WT_TXC_AGO, WT_TXC_LATER, WT_TXC_NEXT, WT_TXC_THIS, WT_TXC_LASTPRE,
  WT_TXC_NEXTPRE, WT_TXC_THISPRE, WT_TXC_REL, WT_TXC_POD,
  WT_TXC_PODREL, WT_TXC_CLOCK, WT_TXC_CLOCKPRE, WT_TXC_AMPM, WT_TXC_ZONE,
  WT_TXC_WEEKEND, WT_TXC_PARTMOD, WT_TXC_HALFWORD, WT_TXC_QWORD,
  WT_TXC_HALFQ, WT_TXC_ORDINAL, WT_TXC_SET, WT_TXC_SETWORD, WT_TXC_YEARPRE,
  WT_TXC_YEARCONJ, WT_TXC_ONPRE, WT_TXC_DAYWORD, WT_TXC_APPROX, WT_TXC_THE,
  WT_TXC_NUNIT, WT_TXC_NWHOLE, WT_TXC_NTEEN, WT_TXC_NTENS, WT_TXC_NHUNDRED,
  WT_TXC_NSCALE, WT_TXC_NHALF, WT_TXC_NA, WT_TXC_NAPPROX, WT_TXC_NFEW,
  WT_TXC_SCALEAB, WT_TXC_CUR, WT_TXC_PCT, WT_TXC_EQUIV, WT_TXC_BASEPRE,
  WT_TXC_CLF, WT_TXC_NSTOP, WT_TXC_CNOUN, WT_TXC_NPRE, WT_TXC_PLAN, WT_TXC_DET, WT_TXC_N
};
enum { WT_TXL_ID = 1, WT_TXL_EN = 2, WT_TXL_ANY = 3 };
enum { WT_TK_WORD = 1, WT_TK_NUM, WT_TK_PUNCT };
enum { WT_TF_SP = 1, WT_TF_NL = 2, WT_TF_CAP = 4, WT_TF_DIGIT = 8 };

typedef struct wt_tx_tok {
  uint32_t start, end;
  uint8_t kind, flags;
  int32_t key; /* word list key starting with this token, -1 none */
} wt_tx_tok;

typedef struct wt_tx_text {
  const char *s;
  size_t n;
  wt_tx_tok *t; /* malloc'd; wt_tx_text_free() */
  size_t nt;
  int lang;     /* WT_TXL_* */
} wt_tx_text;

/* A word list entry as the scanners see it. */
typedef struct wt_tx_ent {
  uint8_t cat, ntok, lang;
  double num;      /* numeric value (0 when the value is not a number) */
  const char *str; /* value as written ("S", "TAF", "USD", "D:-1") */
} wt_tx_ent;

/* Tokenise s[0..n) (at most WT_TX_MAXTOK tokens); lang "id", "en", other.
 * -1 when out of memory. */
#define WT_TX_MAXTOK (1u << 24)
int wt_tx_text_init(const wt_time_res *r, const char *s, size_t n,
                    const char *lang, wt_tx_text *x);
void wt_tx_text_free(wt_tx_text *x);
/* Longest entry of category cat starting at token i: its end token, or 0
 * when none (*e receives the entry). */
size_t wt_tx_match(const wt_time_res *r, const wt_tx_text *x, size_t i,
                   int cat, const wt_tx_ent **e);
/* Does token i start an entry of one of the categories in the bit set
 * (bit c for category c)? */
#define WT_TXBIT(c) ((uint64_t)1 << (c))
int wt_tx_key_has(const wt_time_res *r, const wt_tx_text *x, size_t i,
                  uint64_t cats);
/* A number at token i (digits in the text's format, or numeral words):
 * end token or 0.  *approx set for "puluhan", "beberapa" (value NAN for an
 * unknown amount).  flags: WT_TXN_SCALE lets scale words multiply. */
enum { WT_TXN_SCALE = 1, WT_TXN_NOWORDS = 2 };
size_t wt_tx_number(const wt_time_res *r, const wt_tx_text *x, size_t i,
                    int flags, double *v, int *approx);
/* Byte pointer and length of token i. */
#define WT_TX_TOKS(x, i) ((x)->s + (x)->t[i].start)
#define WT_TX_TOKN(x, i) ((size_t)((x)->t[i].end - (x)->t[i].start))

#endif
