/*
 * text.c - the block classifier: decides for every line of a page (or
 * every paragraph the DOM walk produced) whether it is article text, a
 * sub-heading or chrome, finds the main body run, and reads the metadata
 * that chrome lines carry (title, outlet, credits, dateline, time, source
 * credits).
 *
 * How a block is judged, from its own features first:
 *   - prose shape: word count, terminal punctuation, share of function
 *     words ("yang", "dan", "the", ...), lower-case words;
 *   - chrome shape: ages ("18 jam lalu"), bare domains, separators and
 *     bullets (link lists), dates, all-caps banners, captions repeated
 *     within the line or closed by a photo credit, legal notices, lines
 *     repeated on the page, the title again, "Label: Headline" promos;
 *   - cue phrases from data/clean (one signal among these);
 * then from its position: the body is the contiguous run of blocks with
 * the highest total weight (prose counts for, chrome against), so
 * chrome-shaped lines between paragraphs stay out but a short heading
 * between two paragraphs stays in.
 *
 * Invariants: a block's class is final once the run is chosen; chrome
 * blocks keep a reason; block text is only ever shortened (a dateline at
 * the start of the first paragraph, a credit tag or a credit in capitals
 * at the end of the last), never rewritten.  A text page's outlet comes
 * from its masthead or copyright line only when nothing else named it.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "../core/util.h"
#include "clean_int.h"

#define TEXT_MAX_BLOCKS 20000
/* Bytes of a text page that are split and classified (about 20,000
 * lines of prose; a longer page is cut at a line's end). */
#define TEXT_MAX_BYTES ((size_t)8 << 20)

/* --------------------------------------------------------- utilities */

size_t cl_utf8_len(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
  return k;
}

int cl_is_upper_start(const char *s, size_t n) {
  if (!n) return 0;
  unsigned char c = (unsigned char)s[0];
  if (c >= 'A' && c <= 'Z') return 1;
  /* Latin-1 supplement capitals (À..Þ) */
  return n > 1 && c == 0xC3 && (unsigned char)s[1] >= 0x80 &&
         (unsigned char)s[1] <= 0x9E;
}

static int text_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int text_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Lead byte of a letter outside ASCII: Latin supplements, Greek,
 * Cyrillic, Hebrew, Arabic (2 bytes), CJK and other BMP scripts (3
 * bytes); U+2000..U+2FFF (punctuation, symbols, arrows) is not. */
static int text_letter_lead(unsigned char c) {
  return (c >= 0xC3 && c <= 0xDF) || (c >= 0xE3 && c <= 0xED);
}

/* A letter of s[i..n) that is not a CJK punctuation mark (U+3000..U+303F:
 * ideographic space, 、 。 「 」 split words like spaces do). */
static int text_letter_at(const char *s, size_t i, size_t n) {
  unsigned char c = (unsigned char)s[i];
  if (!text_letter_lead(c)) return 0;
  return !(c == 0xE3 && i + 1 < n && (unsigned char)s[i + 1] == 0x80);
}

/* Kana or CJK ideograph at s (U+3040..U+9FFF): scripts written without
 * spaces, where a "word" of the splitter is a whole clause. */
static int text_cjk_at(const unsigned char *s, size_t n) {
  return n >= 3 && ((s[0] == 0xE3 && s[1] >= 0x81) ||
                    (s[0] >= 0xE4 && s[0] <= 0xE9));
}

/* A word starting with a non-ASCII lower-case letter (Unicode category
 * Ll): "élan", not a quotation mark or a bullet. */
static int text_lower_lead(const char *w, size_t n) {
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &cp) <= 0)
    return 0;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Width of a space-like code point at s (NBSP, thin spaces, ideographic
 * space), 0 when s is not one.  *zero set for zero-width characters. */
static size_t text_space_at(const char *s, size_t n, int *zero) {
  const unsigned char *u = (const unsigned char *)s;
  *zero = 0;
  if (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\f' ||
      u[0] == '\v' || u[0] == '\n')
    return 1;
  if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
      (u[2] <= 0x8A || u[2] == 0xAF))
    return 3;
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x8B && u[2] <= 0x8D) {
    *zero = 1;
    return 3;
  }
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) return 3;
  if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *zero = 1;
    return 3;
  }
  return 0;
}

cl_block *cl_block_add(cl_page *p, const char *s, size_t n, uint8_t kind) {
  if (p->blocks.n >= TEXT_MAX_BLOCKS) return NULL;
  char *out = wt_arena_alloc(p->doc->arena, n + 1);
  if (!out) return NULL;
  size_t k = 0;
  int pending = 0;
  for (size_t i = 0; i < n;) {
    int zero;
    size_t w = text_space_at(s + i, n - i, &zero);
    if (w) {
      if (!zero) pending = 1;
      i += w;
      continue;
    }
    if (pending && k) out[k++] = ' ';
    pending = 0;
    out[k++] = s[i++];
  }
  out[k] = '\0';
  if (!k) return NULL;
  cl_block *b = WT_VEC_PUSH(p->doc->arena, &p->blocks);
  if (!b) return NULL;
  b->text = out;
  b->len = k;
  b->kind = kind;
  return b;
}

static int text_brand(const char *s, size_t n);
static int text_is_domain(const char *w, size_t n);

/* Longest run of lines joined into one block by cl_text_split(). */
#define TEXT_MAX_JOIN 8192

/* Line s[a..e) ends mid-sentence: its last character (trailing spaces
 * aside) is a letter, a digit or a comma, and it has a few words. */
static int text_open_end(const char *s, size_t a, size_t e) {
  while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\t'))
    e--;
  if (e - a < 20) return 0;
  unsigned char c = (unsigned char)s[e - 1];
  int spaces = 0;
  for (size_t i = a; i < e && spaces < 3; i++) spaces += s[i] == ' ';
  return spaces >= 3 && (text_alpha(c) || text_digit(c) || c == ',' ||
                         (c & 0xC0) == 0x80);
}

/* Line s[a..e) continues a sentence: it opens with a lower-case word
 * that is not a brand ("detikNews") or a domain ("kompas.com") and has
 * three words or ends one ("thumbnail-author" is a label). */
static int text_continues(const char *s, size_t a, size_t e) {
  while (a < e && (s[a] == ' ' || s[a] == '\t')) a++;
  if (a >= e) return 0;
  size_t w = a;
  while (w < e && s[w] != ' ' && s[w] != '\r') w++;
  if (!((s[a] >= 'a' && s[a] <= 'z') || text_lower_lead(s + a, w - a)))
    return 0;
  if (text_brand(s + a, w - a) || text_is_domain(s + a, w - a)) return 0;
  /* and runs on: three words, or the end of the sentence */
  int spaces = 0;
  for (size_t i = a; i < e; i++) spaces += s[i] == ' ';
  while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\r')) e--;
  return spaces >= 2 || s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?';
}

void cl_text_split(cl_page *p, const char *s, size_t n) {
  size_t i = 0;
  if (n > TEXT_MAX_BYTES) {
    /* bounded work: the first TEXT_MAX_BYTES, cut at a line's end */
    const char *nl = memrchr(s, '\n', TEXT_MAX_BYTES);
    size_t cut = nl ? (size_t)(nl - s) : TEXT_MAX_BYTES;
    wt_chrome *c = WT_VEC_PUSH(p->doc->arena, &p->doc->chrome);
    if (c) {
      char note[96];
      snprintf(note, sizeof note, "page of %zu bytes: %zu bytes of text cleaned",
               n, cut);
      c->text = wt_arena_strdup(p->doc->arena, note);
      c->reason = "page-truncated";
    }
    n = cut;
  }
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n, last = i;
    /* a sentence hard-wrapped across lines (no blank line between) is
     * one block: "... said the\nminister on Monday." */
    while (e < n && e - i < TEXT_MAX_JOIN && text_open_end(s, last, e)) {
      const char *nl2 = memchr(s + e + 1, '\n', n - e - 1);
      size_t e2 = nl2 ? (size_t)(nl2 - s) : n;
      if (!text_continues(s, e + 1, e2)) break;
      last = e + 1;
      e = e2;
    }
    cl_block_add(p, s + i, e - i, WT_PARA_TEXT);
    i = e + 1;
  }
}

/* ---------------------------------------------------------- features */

typedef struct text_feat {
  int words, func, lower, caps, numeric;
  int terminal;  /* ends like a sentence: . ! ? … (before closing marks) */
  int colon;     /* ends with ':' */
  int question;  /* ends with ? or ! */
  int domain;    /* holds a bare domain token (kompas.tv) */
  int age;       /* "18 jam lalu", "2 hours ago" */
  int clock;     /* a time of day: "14:20" */
  int date;      /* a month name with a number, d/m/yyyy, hh:mm */
  int seps;      /* bullets, pipes, guillemets */
  int allcaps;   /* every letter upper case, 2+ words */
  int letters;
} text_feat;

static int text_is_domain(const char *w, size_t n) {
  const char *dot = NULL;
  for (size_t i = 0; i < n; i++)
    if (w[i] == '.') dot = w + i;
  if (!dot || dot == w) return 0;
  size_t tl = (size_t)(w + n - dot - 1);
  if (tl < 2 || tl > 6) return 0;
  for (const char *q = dot + 1; q < w + n; q++)
    if (!text_alpha((unsigned char)*q)) return 0;
  int has_alpha = 0;
  for (const char *q = w; q < dot; q++)
    if (text_alpha((unsigned char)*q)) has_alpha = 1;
  /* "U.S." and "A.S." are not domains: the part after the dot is lower
   * case or the token as a whole is a known shape like "KOMPAS.TV" */
  return has_alpha && (dot[1] >= 'a' || (dot - w) >= 3);
}

/* A date written in numbers with dots or dashes: "02.03.2020",
 * "2020-09-23" (a group of four digits at one end, one or two at the
 * others; "10.000.000" is a number). */
static int text_numeric_date(const char *w, size_t n) {
  size_t groups[3], g = 0, len = 0;
  char sep = 0;
  for (size_t k = 0; k <= n; k++) {
    if (k < n && text_digit((unsigned char)w[k])) {
      len++;
      continue;
    }
    if (!len || g == 3) return 0;
    groups[g++] = len;
    len = 0;
    if (k == n) break;
    if ((w[k] != '.' && w[k] != '-') || (sep && w[k] != sep)) return 0;
    sep = w[k];
  }
  if (g != 3 || groups[1] > 2) return 0;
  return (groups[0] == 4 && groups[2] <= 2) || (groups[2] == 4 && groups[0] <= 2);
}

static void text_features(const wt_clean_res *r, const char *s, size_t n,
                          text_feat *f) {
  memset(f, 0, sizeof *f);
  int upper_letters = 0, prev_num = 0, prev_month = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0xBA))
      f->seps++; /* • › */
    if (c == '|' || (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xBB ||
                                                (unsigned char)s[i + 1] == 0xB7)))
      f->seps++; /* | » · */
    if ((c == '>' || c == '/') && i > 0 && s[i - 1] == ' ' && i + 1 < n &&
        s[i + 1] == ' ')
      f->seps++; /* a breadcrumb: "Home > Nasional", "Home / News" */
    if (!(text_alpha(c) || text_digit(c) || text_letter_at(s, i, n))) {
      i++;
      continue;
    }
    size_t b = i;
    int cjk = 0;
    while (i < n) {
      unsigned char d = (unsigned char)s[i];
      if (text_alpha(d) || text_digit(d)) {
        i++;
      } else if (text_letter_at(s, i, n)) {
        cjk += text_cjk_at((const unsigned char *)s + i, n - i);
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
      } else if ((d == '.' || d == '-' || d == '\'' || d == ':' || d == '/' ||
                  d == ',') &&
                 i + 1 < n &&
                 (text_alpha((unsigned char)s[i + 1]) ||
                  text_digit((unsigned char)s[i + 1]))) {
        if ((d == ',' || d == ':' || d == '/') &&
            !(text_digit((unsigned char)s[i - 1]) &&
              text_digit((unsigned char)s[i + 1])))
          break;
        i++;
      } else {
        break;
      }
    }
    const char *w = s + b;
    size_t wl = i - b;
    f->words += 1 + cjk / 2; /* about two characters to a CJK word */
    int alpha = 0, digit = 0, up = 0, colon = 0, slash = 0;
    for (size_t k = 0; k < wl; k++) {
      unsigned char d = (unsigned char)w[k];
      if (text_alpha(d) || text_letter_lead(d)) alpha++;
      if (d >= 'A' && d <= 'Z') up++;
      if (text_digit(d)) digit++;
      if (d == ':') colon++;
      if (d == '/') slash++;
    }
    f->letters += alpha;
    upper_letters += up;
    if (alpha && !digit) {
      if (cl_is_function_word(r, w, wl)) f->func++;
      if ((w[0] >= 'a' && w[0] <= 'z') || text_lower_lead(w, wl)) f->lower++;
      f->lower += cjk / 2; /* caseless: counts as running text */
      if (cl_is_upper_start(w, wl)) f->caps++;
    }
    if (digit && !alpha) f->numeric++;
    /* "14:20", "3:52pm" */
    if (digit && colon && !slash &&
        (!alpha || (alpha == 2 && wl >= 2 &&
                    (w[wl - 1] == 'm' || w[wl - 1] == 'M') &&
                    strchr("apAP", w[wl - 2]))))
      f->clock = 1;
    if (text_is_domain(w, wl)) f->domain++;
    int month = alpha && cl_is_month(r, w, wl);
    if ((month && prev_num) || (prev_month && digit && !alpha) ||
        (digit && (colon || slash) && !alpha) ||
        (digit && !alpha && text_numeric_date(w, wl)))
      f->date = 1;
    /* ages: "18 jam lalu", "2 hours ago", "kemarin" is left to the time
     * stage */
    if (prev_num && alpha && cl_is_time_unit(r, w, wl) &&
        ((i + 5 <= n && !strncasecmp(s + i, " lalu", 5)) ||
         (i + 4 <= n && !strncasecmp(s + i, " ago", 4)) ||
         (i + 4 <= n && !strncasecmp(s + i, "lalu", 4))))
      f->age = 1;
    prev_num = digit && !alpha;
    prev_month = month;
  }
  /* ending */
  size_t e = n;
  for (;;) {
    while (e > 0 && s[e - 1] == ' ') e--;
    if (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')' ||
                  s[e - 1] == ']')) {
      e--;
      continue;
    }
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
        (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99)) {
      e -= 3; /* ” ’ */
      continue;
    }
    break;
  }
  if (e > 0) {
    char c = s[e - 1];
    f->terminal = c == '.' || c == '!' || c == '?';
    f->colon = c == ':';
    f->question = c == '?' || c == '!';
    const unsigned char *u = (const unsigned char *)s + e - (e >= 3 ? 3 : 0);
    if (e >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA6)
      f->terminal = 1; /* … */
    if (e >= 3 && ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
                   (u[0] == 0xEF && u[1] == 0xBC &&
                    (u[2] == 0x81 || u[2] == 0x9F))))
      f->terminal = 1; /* 。 ！ ？ */
  }
  f->allcaps = f->words >= 2 && f->letters >= 6 && upper_letters == f->letters;
}

/* A caption repeated inside its own line: its opening words come back
 * later in the line ("Foto A bertemu B Foto A bertemu B ((Antara))"). */
static int text_self_repeat(const char *s, size_t n) {
  if (n < 60) return 0;
  size_t k = 30;
  while (k < n && s[k] != ' ') k++;
  if (k >= n / 2) return 0;
  for (size_t i = n / 3; i + k <= n; i++)
    if (s[i] == s[0] && !memcmp(s + i, s, k)) return 1;
  return 0;
}

/* Name in a line made only of a parenthesised credit: "(Antara)",
 * "((Antara))", "(Sumber Antara)" is handled as a cue.  Returns the name
 * length and sets *name, 0 when the line is not such a tag. */
static size_t text_paren_tag(const char *s, size_t n, const char **name) {
  size_t a = 0, b = n;
  while (a < b && s[a] == '(') a++;
  while (b > a && s[b - 1] == ')') b--;
  if (a == 0 || n - b != a || b - a < 2 || b - a > 40) return 0;
  for (size_t i = a; i < b; i++)
    if (s[i] == '(' || s[i] == ')' || s[i] == '.' || s[i] == ',') return 0;
  if (!cl_is_upper_start(s + a, b - a)) return 0;
  /* "(ant/ara)" style editor initials are not a source */
  if (memchr(s + a, '/', b - a)) return 0;
  *name = s + a;
  return b - a;
}

/* A site's brand as one token: "detikNews", "kumparanNEWS" (lower case
 * then upper case inside). */
static int text_brand(const char *s, size_t n) {
  if (n < 5 || n > 30 || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
  int upper = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(text_alpha(c) || text_digit(c))) return 0;
    if (c >= 'A' && c <= 'Z') upper = 1;
  }
  return upper;
}

/* A CMS shortcode left in the text: "[button link=...]Send[/button]". */
static int text_shortcode(const char *s, size_t n) {
  for (const char *q = s; (q = memchr(q, '[', (size_t)(s + n - q))) != NULL;
       q++) {
    if (q + 3 >= s + n || q[1] != '/') continue;
    const char *e = q + 2;
    while (e < s + n && *e >= 'a' && *e <= 'z') e++;
    if (e > q + 2 && e < s + n && *e == ']') return 1;
  }
  return 0;
}

/* "(ara/ara)", "(mnu/mnu)": editors' initials closing a story. */
static int text_initials(const char *s, size_t n) {
  if (n < 5 || n > 24 || s[0] != '(' || s[n - 1] != ')') return 0;
  int slash = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '/') slash++;
    else if (!(text_alpha(c) || c == ' ' || c == '-')) return 0;
  }
  return slash >= 1;
}

/* Opens with a quotation mark: " “ ' ‘ */
static int text_opens_quote(const char *s, size_t n) {
  if (n && (s[0] == '"' || s[0] == '\'')) return 1;
  return n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
         ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98);
}

/* An enumerated or bulleted item: "1. ", "2) ", "a. ", "- ", "* ". */
static int text_list_item(const char *s, size_t n) {
  size_t i = 0;
  if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') return 1;
  while (i < n && i < 3 && text_digit((unsigned char)s[i])) i++;
  if (i == 0 && n >= 2 && s[0] >= 'a' && s[0] <= 'h') i = 1;
  return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
         (s[i + 1] == ' ' || text_alpha((unsigned char)s[i + 1]));
}

/* ------------------------------------------------------ classification */

static void text_chrome(cl_block *b, const char *why) {
  b->cls = CL_CHROME;
  if (!b->reason) b->reason = why;
}

static int text_namelike(const char *s, size_t n) {
  int words = 0, ok = 1;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    size_t b = i;
    while (i < n && s[i] != ' ') i++;
    words++;
    if (!cl_is_upper_start(s + b, i - b)) ok = 0;
    for (size_t k = b; k < i; k++)
      if (text_digit((unsigned char)s[k]) || s[k] == ':' || s[k] == '|')
        ok = 0;
  }
  return ok && words >= 1 && words <= 5;
}

static const char *text_role(int kind);

/* Credit names: "A, B dan C" split into credits; a part that opens with
 * another credit label ("Jamie Li; Editing by Sam Ortiz") takes its role. */
static void text_credit_names(cl_page *p, const char *s, size_t n,
                              const char *role) {
  while (n && (s[0] == ':' || s[0] == ' ' || s[0] == '-')) s++, n--;
  size_t i = 0;
  while (i < n) {
    size_t e = i;
    while (e < n && s[e] != ',' && s[e] != '&' && s[e] != '|' && s[e] != ';' &&
           !(e + 5 <= n && !memcmp(s + e, " dan ", 5)) &&
           !(e + 5 <= n && !memcmp(s + e, " and ", 5)))
      e++;
    size_t a = i, z = e;
    while (a < z && s[a] == ' ') a++;
    while (z > a && s[z - 1] == ' ') z--;
    size_t rest = 0;
    const cl_cue *c = z > a ? cl_cue_match(p->res, s + a, z - a, &rest) : NULL;
    if (c && text_role(c->kind) && rest > 0 && a + rest < z)
      text_credit_names(p, s + a + rest, z - a - rest, text_role(c->kind));
    else if (z > a && text_namelike(s + a, z - a))
      cl_credit_add(p->doc, s + a, z - a, role);
    if (e < n && s[e] == ' ') e += 4; /* " dan" / " and" */
    i = e + 1;
  }
}

static const char *text_role(int kind) {
  switch (kind) {
  case CUE_AUTHOR: return "author";
  case CUE_EDITOR: return "editor";
  case CUE_REPORTER: return "reporter";
  case CUE_PHOTOGRAPHER: return "photographer";
  }
  return NULL;
}

/* Judge one block from its own features and the cue list. */
static void text_judge(cl_page *p, size_t i, const text_feat *f) {
  cl_block *b = &p->blocks.v[i];
  wt_doc *d = p->doc;
  size_t rest = 0;
  const cl_cue *cue = cl_cue_match(p->res, b->text, b->len, &rest);
  const char *name;
  size_t nl;
  if (cue) {
    b->cue = cue;
    const char *r = b->text + rest;
    size_t rn = b->len - rest;
    while (rn && (*r == ' ' || *r == ':' || *r == '-')) r++, rn--;
    while (rn && (r[rn - 1] == ')' || r[rn - 1] == ' ')) rn--;
    switch (cue->kind) {
    case CUE_OUTLET:
      cl_meta_offer(d, &d->outlet, r, rn, "site-icon");
      break;
    case CUE_SOURCE:
      if (rn) cl_credited_add(d, r, rn, "sumber-line");
      break;
    case CUE_AUTHOR:
    case CUE_EDITOR:
    case CUE_REPORTER:
    case CUE_PHOTOGRAPHER:
      if (rn && rn <= 80) {
        text_credit_names(p, r, rn, text_role(cue->kind));
      } else if (!rn) {
        /* the name is on a line before the label */
        for (size_t j = i; j-- > 0 && j + 3 > i;) {
          cl_block *q = &p->blocks.v[j];
          if (q->cue) continue;
          if (text_namelike(q->text, q->len)) {
            text_credit_names(p, q->text, q->len, text_role(cue->kind));
            text_chrome(q, "credit");
          }
          break;
        }
      }
      break;
    }
    text_chrome(b, cue->reason);
    /* a known marker costs the run little: removing it suffices */
    b->weight = -20;
    return;
  }
  if ((nl = text_paren_tag(b->text, b->len, &name)) > 0) {
    cl_credited_add(d, name, nl, "agency-tag");
    text_chrome(b, "agency-tag");
  } else if (text_initials(b->text, b->len)) {
    text_chrome(b, "initials");
  } else if (text_shortcode(b->text, b->len)) {
    text_chrome(b, "shortcode");
  } else if (text_self_repeat(b->text, b->len)) {
    if ((nl = cl_caption_credit(b->text, b->len, &name)) > 0)
      cl_credited_add(d, name, nl, "caption-credit");
    text_chrome(b, "caption-repeated");
  } else if ((nl = cl_caption_credit(b->text, b->len, &name)) > 0) {
    cl_credited_add(d, name, nl, "caption-credit");
    text_chrome(b, "caption");
  } else if (cl_is_caption(b->text, b->len)) {
    text_chrome(b, "caption");
  } else if (cl_is_legal_notice(p->res, b->text, b->len)) {
    text_chrome(b, "legal-notice");
  }
  if (b->cls == CL_CHROME) {
    b->weight = -(60 + (int)(b->len < 400 ? b->len : 400) / 4);
    return;
  }
  double fr = f->words ? (double)f->func / f->words : 0;
  double lr = f->words ? (double)f->lower / f->words : 0;
  int quote = text_opens_quote(b->text, b->len);
  int body = (f->words >= 8 && (f->terminal || f->colon) &&
              (fr >= 0.1 || lr >= 0.2)) ||
             (f->words >= 20 && (fr >= 0.08 || lr >= 0.3) && !f->seps) ||
             (f->words >= 4 && f->terminal && lr >= 0.4) ||
             (f->words >= 8 && lr >= 0.5) ||
             (f->words >= 3 && f->terminal && quote);
  if ((f->age && f->words <= 8) || (f->seps && f->words < 30) || f->allcaps)
    body = 0;
  if (body) {
    b->cls = CL_BODY;
    b->weight = (int)b->len - 40 > 10 ? (int)b->len - 40 : 10;
    return;
  }
  if (text_list_item(b->text, b->len) && f->words >= 2 && !f->age &&
      !(f->domain && f->words <= 4)) {
    b->cls = CL_BODY;
    b->kind = WT_PARA_LIST;
    b->weight = 5;
    return;
  }
  if (f->colon && f->words >= 1 && f->words <= 15 && !f->seps && !f->age &&
      !f->allcaps) {
    b->cls = CL_HEAD; /* a lead-in: "Berikut rinciannya:", "Bahan:" */
    b->leadin = 1;
    b->weight = 2;
    return;
  }
  int head = f->words >= 1 && f->words <= 18 && (!f->terminal || f->question) &&
             !f->seps && !f->age && !f->allcaps &&
             (cl_is_upper_start(b->text, b->len) ||
              text_digit((unsigned char)b->text[0]) ||
              (unsigned char)b->text[0] >= 0xE2) &&
             !(f->domain && f->words <= 4) &&
             !(f->date && (f->words <= 8 || (f->clock && f->words <= 14)));
  if (b->from_markup_heading && f->words <= 30 && !f->seps) head = 1;
  if (head) {
    b->cls = CL_HEAD;
    b->weight = -15;
    return;
  }
  b->cls = CL_CHROME;
  b->reason = f->age                           ? "age-line"
              : f->seps                        ? "link-list"
              : (f->domain && f->words <= 4)   ? "domain-line"
              : (f->date && f->words <= 14)    ? "date-line"
              : f->allcaps                     ? "all-caps"
              : f->words <= 3                  ? "short-line"
                                               : "no-sentence";
  b->weight = -(50 + (int)(b->len < 400 ? b->len : 400) / 4);
}

static int text_same(const cl_block *a, const cl_block *b) {
  return a->len == b->len && !strcasecmp(a->text, b->text);
}

/* The date in a line before the body: the part between separators ("|",
 * " - ") that holds it ("CNN Indonesia | Rabu, 05 Mar 2025 14:20 WIB"),
 * cut before a word glued to a number ("5:46 PM GMT+7Updated Feb 20"). */
/* The length of s[0..n) before its first update word: the first time
 * only ("Posted Mon 11 Aug 2025 at 3:52pm, updated ...", "Issued on:
 * 02/12/2022 - 19:05  Modified: ..."). */
static size_t text_before_update(const cl_page *p, const char *s, size_t n) {
  for (size_t i = 1; i < n; i++) {
    if (s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '|') continue;
    size_t e = i;
    while (e < n && text_alpha((unsigned char)s[e])) e++;
    if (e > i && cl_is_update_word(p->res, s + i, e - i)) {
      n = i;
      while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '|')) n--;
      break;
    }
  }
  return n;
}

static void text_date_offer(cl_page *p, const char *s, size_t n,
                            const char *source) {
  n = text_before_update(p, s, n);
  size_t a = 0;
  while (a < n) {
    size_t z = a;
    while (z < n && s[z] != '|' && !(z + 3 <= n && !memcmp(s + z, " - ", 3)))
      z++;
    text_feat f;
    text_features(p->res, s + a, z - a, &f);
    if (f.date) {
      for (size_t i = a + 1; i + 2 < z; i++)
        if (text_digit((unsigned char)s[i - 1]) && s[i] >= 'A' && s[i] <= 'Z' &&
            s[i + 1] >= 'a' && s[i + 1] <= 'z') {
          z = i;
          break;
        }
      while (a < z && (s[a] == ' ' || s[a] == '|')) a++;
      cl_time_offer(p->doc, &p->doc->published, s + a, z - a, source);
      return;
    }
    a = z + 1;
  }
}

/* The first " - " in s[0..n), or NULL. */
static const char *text_find_sep(const char *s, size_t n) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ') return s + i;
  return NULL;
}

/* Header lines before the body: "Outlet - slogan - 22 Jan 2025, 12:01". */
static void text_header_line(cl_page *p, cl_block *b) {
  const char *s = b->text;
  size_t n = text_before_update(p, s, b->len);
  const char *first = text_find_sep(s, n);
  if (!first) return;
  const char *last = first;
  for (const char *q = first; (q = text_find_sep(q + 1, (size_t)(s + n - q - 1))) != NULL;)
    last = q;
  text_feat f;
  const char *tail = last + 3;
  size_t tn = (size_t)(s + n - tail);
  text_features(p->res, tail, tn, &f);
  if (first == last && !f.date && (text_brand(tail, tn) ||
                                   (f.domain && f.words == 1)) &&
      text_namelike(s, (size_t)(first - s))) {
    /* a byline: "Dimas Ardiansyah - detikFinance" */
    cl_meta_offer(p->doc, &p->doc->outlet, tail, tn, "byline");
    cl_credit_add(p->doc, s, (size_t)(first - s), "author");
    text_chrome(b, "byline");
    return;
  }
  if (!f.date) {
    /* the date before a last part of another kind ("Sun, Jan 12, 2020 -
     * Page 1") */
    text_feat w;
    text_features(p->res, s, n, &w);
    if (w.date && w.words <= 14) text_date_offer(p, s, n, "header-line");
    return;
  }
  if (f.words > 8) return;
  /* the date part before a clock part: "Kamis, 13 Maret 2025 - 09:31 WIB"
   * is one time, the separator read as a space */
  const char *from = last;
  for (const char *q = s; q < last;) {
    const char *e = strstr(q, " - ");
    /* "Author: X | Kamis, 22 Agustus 2024 - 13:25 WIB": after the pipe */
    const char *ds = q;
    for (const char *r = q; r < e; r++)
      if (*r == '|') ds = r + 1;
    while (ds < e && *ds == ' ') ds++;
    text_feat h;
    text_features(p->res, ds, (size_t)(e - ds), &h);
    if (e == last && h.date && !h.clock && f.clock && h.words <= 6) from = ds;
    q = e + 3;
  }
  if (from == last) {
    cl_time_offer(p->doc, &p->doc->published, last + 3,
                  (size_t)(s + n - last - 3), "header-line");
  } else {
    char when[128];
    int k = snprintf(when, sizeof when, "%.*s %.*s", (int)(last - from), from,
                     (int)(s + n - last - 3), last + 3);
    if (k > 0 && (size_t)k < sizeof when)
      cl_time_offer(p->doc, &p->doc->published, when, (size_t)k, "header-line");
  }
  text_feat g;
  text_features(p->res, s, (size_t)(first - s), &g);
  if (g.words <= 3 && !g.date)
    cl_meta_offer(p->doc, &p->doc->outlet, s, (size_t)(first - s),
                  "header-line");
  text_chrome(b, "header-line");
}

/* The place of a dateline, capitals made title case ("NUSA DUA" ->
 * "Nusa Dua"). */
static void text_place_offer(wt_doc *d, const char *place, size_t place_n) {
  char buf[80];
  size_t k = 0;
  int all_up = 1;
  for (size_t i = 0; i < place_n; i++)
    if (place[i] >= 'a' && place[i] <= 'z') all_up = 0;
  for (size_t i = 0; i < place_n && k + 1 < sizeof buf; i++) {
    char c = place[i];
    if (all_up && c >= 'A' && c <= 'Z' && i > 0 && place[i - 1] != ' ' &&
        place[i - 1] != '-')
      c = (char)(c + 32);
    buf[k++] = c;
  }
  cl_meta_offer(d, &d->dateline, buf, k, "dateline");
}

/* Cut the first n bytes of a block, listing them as chrome. */
static void text_cut_head(wt_doc *d, cl_block *b, size_t n, const char *why) {
  wt_chrome *c = WT_VEC_PUSH(d->arena, &d->chrome);
  if (c) {
    c->text = wt_arena_strndup(d->arena, b->text, n);
    c->reason = why;
  }
  b->text += n;
  b->len -= n;
}

/* Strip a dateline ("MOSKOW, KOMPAS.TV - ", "Jakarta (ANTARA) - ",
 * "Ntvnews.id, Beijing - ") from the start of the first body block; 1
 * when one was cut. */
static int text_dateline(cl_page *p, cl_block *b) {
  const char *s = b->text;
  size_t lim = b->len < 90 ? b->len : 90, dash = 0, after = 0;
  for (size_t i = 1; i + 2 < lim; i++) {
    if (s[i] != ' ' && s[i] != ')') continue;
    size_t j = i + 1;
    if (s[i] == ')' && s[j] == ' ') j++;
    size_t w = 0;
    if (s[j] == '-') w = (j + 1 < b->len && s[j + 1] == '-') ? 2 : 1;
    else if ((unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
             ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
      w = 3;
    if (!w || j + w >= b->len || s[j + w] != ' ') continue;
    dash = s[i] == ')' ? i + 1 : i;
    after = j + w + 1;
    break;
  }
  if (!dash || dash > 70) return 0;
  /* the prefix: a few capitalised words, commas and a bracketed outlet */
  int words = 0;
  for (size_t i = 0; i < dash;) {
    while (i < dash && (s[i] == ' ' || s[i] == ',' || s[i] == '(')) i++;
    if (i >= dash) break;
    size_t a = i;
    while (i < dash && s[i] != ' ' && s[i] != ',') i++;
    words++;
    if (!(cl_is_upper_start(s + a, i - a) || text_digit((unsigned char)s[a])))
      return 0;
  }
  if (words == 0 || words > 7) return 0;
  wt_doc *d = p->doc;
  /* parts split by commas and brackets */
  const char *place = NULL, *outlet = NULL;
  size_t place_n = 0, outlet_n = 0;
  int nparts = 0, outlet_paren = 0;
  for (size_t i = 0; i < dash;) {
    while (i < dash && (s[i] == ' ' || s[i] == ',')) i++;
    if (i >= dash) break;
    int paren = s[i] == '(';
    if (paren) i++;
    size_t a = i;
    while (i < dash && s[i] != ',' && s[i] != '(' && s[i] != ')') i++;
    size_t z = i;
    if (i < dash && s[i] == ')') i++; /* closes a part, or stray: step on */
    while (z > a && s[z - 1] == ' ') z--;
    if (z <= a) continue;
    text_feat f;
    text_features(p->res, s + a, z - a, &f);
    if (f.date && !paren && !d->dateline_date) /* the report's day */
      d->dateline_date = wt_arena_strndup(d->arena, s + a, z - a);
    if (f.date || f.numeric) continue;
    nparts++;
    if (paren && !outlet_paren) {
      outlet = s + a, outlet_n = z - a; /* "(Reuters)" over "Indonesia" */
      outlet_paren = 1;
    } else if (memchr(s + a, '.', z - a) || (place && !outlet)) {
      if (!outlet) outlet = s + a, outlet_n = z - a;
    } else if (!place) {
      place = s + a, place_n = z - a;
    }
  }
  if (!nparts) return 0;
  if (place) text_place_offer(d, place, place_n);
  if (outlet) cl_meta_offer(d, &d->outlet, outlet, outlet_n, "dateline");
  text_cut_head(d, b, after, "dateline");
  return 1;
}

/* A place in capitals closed by ':' opening the first paragraph
 * ("JAKARTA: Indonesian ..."), or by '.' right after an outlet dateline
 * ("KONTAN.CO.ID - NUSA DUA. Pemerintah ..."; alone, "NATO. That ..." is
 * a sentence). */
static void text_caps_place(cl_page *p, cl_block *b, int after_outlet) {
  const char *s = b->text;
  size_t i = 0, letters = 0;
  int words = 0;
  while (i < b->len && i < 32) {
    size_t a = i;
    while (i < b->len && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-')) i++;
    if (i - a < 2) return;
    letters += i - a;
    words++;
    if (i < b->len && s[i] == ' ') {
      i++;
      continue;
    }
    break;
  }
  if (words > 3 || letters < 4 || i + 2 >= b->len ||
      (s[i] != ':' && !(s[i] == '.' && after_outlet)) || s[i + 1] != ' ' ||
      !cl_is_upper_start(s + i + 2, b->len - i - 2) ||
      (s[i + 2] >= 'A' && s[i + 2] <= 'Z' && s[i + 3] >= 'A' &&
       s[i + 3] <= 'Z'))
    return;
  text_place_offer(p->doc, s, i);
  text_cut_head(p->doc, b, i + 2, "dateline");
}

/* Bytes of a trailing credit in capitals, and words in it. */
#define TEXT_CAPS_TAIL_MAX 48
#define TEXT_CAPS_TAIL_WORDS 6

/* A bare credit in capitals closing the last paragraph after a finished
 * sentence: "... killed nine people. REUTERS, AFP", "... on June 20.
 * REUTERS".  The agencies (split at commas, '/' and '&') are recorded as
 * credited sources and the tail is cut; 1 when one was. */
static int text_tail_caps(cl_page *p, cl_block *b) {
  const char *s = b->text;
  size_t n = b->len, a = n;
  while (a > 0 && n - a <= TEXT_CAPS_TAIL_MAX &&
         ((s[a - 1] >= 'A' && s[a - 1] <= 'Z') || s[a - 1] == ' ' ||
          s[a - 1] == ',' || s[a - 1] == '/' || s[a - 1] == '&' ||
          s[a - 1] == '-'))
    a--;
  while (a < n && s[a] == ' ') a++;
  if (a < 20 || a >= n || n - a > TEXT_CAPS_TAIL_MAX || s[a - 1] != ' ' ||
      !(s[a] >= 'A' && s[a] <= 'Z'))
    return 0;
  size_t e = a - 1; /* the sentence before must be finished */
  while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'')) e--;
  if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
      (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0x9D)
    e -= 3; /* ” */
  if (s[e - 1] != '.' && s[e - 1] != '!' && s[e - 1] != '?') return 0;
  /* every name two letters or more, one of three or more; a few words */
  int words = 0, longest = 0;
  for (size_t i = a; i < n;) {
    while (i < n && !(s[i] >= 'A' && s[i] <= 'Z')) i++;
    size_t w = i;
    while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-')) i++;
    if (i == w) break;
    if (i - w < 2) return 0;
    if ((int)(i - w) > longest) longest = (int)(i - w);
    words++;
  }
  if (!words || words > TEXT_CAPS_TAIL_WORDS || longest < 3) return 0;
  wt_doc *d = p->doc;
  for (size_t i = a; i < n;) {
    size_t z = i;
    while (z < n && s[z] != ',' && s[z] != '/' && s[z] != '&') z++;
    size_t x = i, y = z;
    while (x < y && s[x] == ' ') x++;
    while (y > x && s[y - 1] == ' ') y--;
    if (y > x) cl_credited_add(d, s + x, y - x, "agency-credit");
    i = z + 1;
  }
  wt_chrome *c = WT_VEC_PUSH(d->arena, &d->chrome);
  if (c) {
    c->text = wt_arena_strndup(d->arena, s + a, n - a);
    c->reason = "agency-credit";
  }
  b->len = a - 1;
  b->text[b->len] = '\0';
  return 1;
}

/* A bracketed tail closing the last paragraph: an agency credit
 * "... Sesar Poso. (Antara)" (recorded as a credited source) or editors'
 * initials "... tahun lalu. (P-3)", "(ant/ara)".  Removed from the text. */
static void text_tail_tag(cl_page *p, cl_block *b) {
  const char *s = b->text;
  size_t n = b->len;
  if (text_tail_caps(p, b)) return;
  if (n < 12 || s[n - 1] != ')') return;
  size_t a = n - 1;
  while (a > 0 && s[a - 1] != '(' && n - a < 30) a--;
  if (a < 3 || s[a - 1] != '(' || s[a - 2] != ' ') return;
  size_t e = a - 2; /* the sentence before must be finished */
  while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\''))
    e--;
  if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
      (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0x9D)
    e -= 3; /* ” */
  if (!e || (s[e - 1] != '.' && s[e - 1] != '!' && s[e - 1] != '?')) return;
  const char *t = s + a - 1;
  size_t tn = n - (a - 1), nl;
  const char *name;
  int digits = 0, letters = 0, spaces = 0;
  for (size_t k = a; k + 1 < n; k++) {
    digits += text_digit((unsigned char)s[k]);
    letters += text_alpha((unsigned char)s[k]);
    spaces += s[k] == ' ';
  }
  wt_doc *d = p->doc;
  const char *why;
  if (!digits && letters >= 3 && spaces <= 2 &&
      (nl = text_paren_tag(t, tn, &name)) > 0) {
    cl_credited_add(d, name, nl, "agency-tag");
    why = "agency-tag";
  } else if (text_initials(t, tn) ||
             (tn <= 10 && !spaces && letters >= 1 &&
              (digits || cl_is_upper_start(t + 1, tn - 1) ||
               (t[1] >= 'a' && t[1] <= 'z')))) {
    why = "initials";
  } else {
    return;
  }
  wt_chrome *c = WT_VEC_PUSH(d->arena, &d->chrome);
  if (c) {
    c->text = wt_arena_strndup(d->arena, t, tn);
    c->reason = why;
  }
  b->len = a - 2;
  b->text[b->len] = '\0';
}

/* Longest label of a promo line, in bytes and words. */
#define TEXT_PROMO_LABEL_MAX 32
#define TEXT_PROMO_LABEL_WORDS 3
/* Promo candidates checked against the page's text, at most. */
#define TEXT_PROMO_MAX_CHECKS 64

/* Length of the label of a "Label: Title-Cased Headline" line, 0 when the
 * line is not one: a short label (upper case start, no digits) closed by
 * ': ', then a headline of four words or more, its words (function words
 * aside) capitalised, not ending like a sentence. */
/* Length of a short label opening s ("Pilihan Editor: ..."): upper case
 * start, no digits, three words at most, closed by ': '; else 0. */
static size_t text_label_len(const char *s, size_t n) {
  const char *c = memchr(s, ':', n < TEXT_PROMO_LABEL_MAX ? n : TEXT_PROMO_LABEL_MAX);
  if (!c || c == s || (size_t)(c - s) + 2 >= n || c[1] != ' ' ||
      !cl_is_upper_start(s, n))
    return 0;
  size_t ln = (size_t)(c - s);
  int lw = 1;
  for (size_t i = 0; i < ln; i++) {
    if (text_digit((unsigned char)s[i])) return 0;
    lw += s[i] == ' ';
  }
  return lw > TEXT_PROMO_LABEL_WORDS ? 0 : ln;
}

static size_t text_promo_shape(const wt_clean_res *r, const char *s, size_t n,
                               const text_feat *f) {
  if (f->colon || (f->terminal && !f->question) || f->words > 25) return 0;
  size_t ln = text_label_len(s, n);
  if (!ln) return 0;
  const char *t = s + ln + 2;
  size_t tn = (size_t)(s + n - t);
  if (!(cl_is_upper_start(t, tn) || text_digit((unsigned char)t[0]))) return 0;
  int words = 0, content = 0, caps = 0;
  for (size_t i = 0; i < tn;) {
    while (i < tn && t[i] == ' ') i++;
    size_t w = i;
    while (i < tn && t[i] != ' ') i++;
    if (i == w) break;
    words++;
    if (cl_is_function_word(r, t + w, i - w) || text_digit((unsigned char)t[w]))
      continue;
    content++;
    caps += cl_is_upper_start(t + w, i - w);
  }
  if (words < 4 || content < 3 || caps * 5 < content * 4) return 0;
  return ln;
}

/* The label s[0..ln) as a phrase (case aside) in a prose block of the
 * page other than skip: a sub-heading names what the text is about, a
 * promo label ("Pilihan Editor") names nothing in it. */
static int text_label_in_prose(const cl_page *p, size_t skip, const char *s,
                               size_t ln) {
  char lab[TEXT_PROMO_LABEL_MAX + 1];
  memcpy(lab, s, ln);
  lab[ln] = '\0';
  for (size_t i = 0; i < p->blocks.n; i++) {
    const cl_block *b = &p->blocks.v[i];
    if (i == skip || b->cls != CL_BODY || b->cue) continue;
    if (strncasecmp(b->text, lab, ln) == 0 && b->len > ln && b->text[ln] == ':')
      continue; /* the same label on another line */
    if (strcasestr(b->text, lab)) return 1;
  }
  return 0;
}

/* A neighbour of a promo candidate that is itself a "Label: ..." line
 * makes both lines of a list ("Menteri Keuangan: ...", "Portion Fix
 * Containers: ..."), not a promo standing between paragraphs. */
static int text_label_neighbour(const cl_page *p, size_t i) {
  const cl_block *v = p->blocks.v;
  return (i > 0 && v[i - 1].len < 200 && text_label_len(v[i - 1].text, v[i - 1].len)) ||
         (i + 1 < p->blocks.n && v[i + 1].len < 200 &&
          text_label_len(v[i + 1].text, v[i + 1].len));
}

/* Promo lines after the first paragraph: "Pilihan Editor: Mengapa Letusan
 * Gunung Lewotobi Sulit Diprediksi".  The shape alone is also a
 * sub-heading's ("Kronologi: ...") or a list line's, so the line must
 * stand alone, the label must name nothing in the text, a one-word label
 * must recur as a label on the page, and in markup the headline must be
 * a link. */
static void text_promo_lines(cl_page *p, const text_feat *feats) {
  cl_block *v = p->blocks.v;
  size_t i = 0;
  int checks = 0; /* each check reads the page: bounded work */
  while (i < p->blocks.n && v[i].cls != CL_BODY) i++; /* title, deck */
  for (; i < p->blocks.n && checks < TEXT_PROMO_MAX_CHECKS; i++) {
    if (v[i].cls == CL_CHROME || v[i].cue) continue;
    size_t ln = text_promo_shape(p->res, v[i].text, v[i].len, &feats[i]);
    if (!ln || (p->html && v[i].link_len * 2 < v[i].len - ln) ||
        text_label_neighbour(p, i))
      continue;
    checks++;
    if (text_label_in_prose(p, i, v[i].text, ln)) continue;
    if (!memchr(v[i].text, ' ', ln)) {
      int again = 0;
      for (size_t j = 0; j < p->blocks.n && !again; j++)
        again = j != i && v[j].len > ln + 1 &&
                !strncasecmp(v[j].text, v[i].text, ln + 1);
      if (!again) continue;
    }
    text_chrome(&v[i], "promo-headline");
    v[i].weight = -5; /* known by its shape: removing it suffices */
  }
}

/* Owner named by a copyright line ("Copyright © ANTARA 2025", "© 2025
 * SPH Media", "Copyright © 2025 CNN Indonesia, Trans Media"): the name
 * after the marks and years, up to a comma or full stop. */
static void text_copyright_outlet(cl_page *p, const char *s, size_t n) {
  size_t i = 0;
  int mark = 0;
  for (;;) {
    while (i < n && (s[i] == ' ' || s[i] == '-' || text_digit((unsigned char)s[i])))
      i++;
    if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
      i += 2, mark = 1;
    else if (i + 9 <= n && !strncasecmp(s + i, "copyright", 9))
      i += 9, mark = 1;
    else if (i + 9 <= n && !strncasecmp(s + i, "hak cipta", 9))
      i += 9, mark = 1;
    else if (i + 3 <= n && !strncasecmp(s + i, "(c)", 3))
      i += 3, mark = 1;
    else
      break;
  }
  if (!mark) return;
  size_t z = i;
  while (z < n && s[z] != ',' && s[z] != '.' && s[z] != '|' && s[z] != '(')
    z++;
  while (z > i && (s[z - 1] == ' ' || text_digit((unsigned char)s[z - 1]) ||
                   s[z - 1] == '-'))
    z--; /* "ANTARA 2025" */
  if (z > i && text_namelike(s + i, z - i))
    cl_meta_offer(p->doc, &p->doc->outlet, s + i, z - i, "copyright-line");
}

/* Are the lines between headline i and line j short unfinished lines (a
 * name, a role, the outlet), after a standfirst (one finished sentence
 * right after the headline) or not, nothing else? */
static int text_standfirst_then_name(const text_feat *f, size_t i, size_t j) {
  size_t k = i + 1;
  if (f[k].terminal) {
    if (f[k].words > 45) return 0;
    k++;
  }
  for (; k < j; k++)
    if (f[k].terminal || f[k].words > 4 || f[k].date) return 0;
  return 1;
}

/* Outlet of a text page with none named so far, from its own chrome: a
 * masthead (the first line, a name of two to four capitalised words that
 * is not the title, before the headline or repeated before the body:
 * "The Straits Times", "CNN Indonesia"), else a copyright line. */

static void text_outlet_fallback(cl_page *p, const text_feat *feats,
                                 size_t headline, size_t bs) {
  wt_doc *d = p->doc;
  cl_block *v = p->blocks.v;
  if (d->outlet.value || p->html || !p->blocks.n) return;
  const cl_block *m = &v[0];
  int again = 0;
  for (size_t i = 1; i < bs && !again; i++) again = text_same(m, &v[i]);
  if (bs > 0 && !m->cue && feats[0].words >= 2 && feats[0].words <= 4 &&
      !feats[0].date && !feats[0].terminal && text_namelike(m->text, m->len) &&
      (headline > 0 && (headline < bs || again)) &&
      !(d->title.value && !strcasecmp(d->title.value, m->text))) {
    cl_meta_offer(d, &d->outlet, m->text, m->len, "masthead");
    return;
  }
  for (size_t i = 0; i < p->blocks.n && !d->outlet.value; i++)
    if (v[i].cls == CL_CHROME && v[i].len < 120)
      text_copyright_outlet(p, v[i].text, v[i].len);
}

void cl_text_classify(cl_page *p) {
  size_t n = p->blocks.n;
  cl_block *v = p->blocks.v;
  wt_doc *d = p->doc;
  if (!n) return;
  text_feat *feats = wt_arena_alloc(d->arena, n * sizeof *feats);
  if (!feats) return;
  for (size_t i = 0; i < n; i++) {
    text_features(p->res, v[i].text, v[i].len, &feats[i]);
    text_judge(p, i, &feats[i]);
  }
  /* a headline: an unfinished line followed by the byline or the date
   * line is the title, however much it reads like prose */
  size_t headline = n;
  for (size_t i = 0; i + 1 < n && !p->html; i++) {
    /* a headline may name a month ("BPS: Inflasi September 2025 sebesar
     * 2,65 persen") and so look like a date line: one of four words or
     * more besides numbers, and no clock, is a headline too */
    int dated_head = (v[i].cls == CL_HEAD ||
                      (v[i].cls == CL_CHROME && v[i].reason &&
                       !strcmp(v[i].reason, "date-line"))) &&
                     feats[i].date && !feats[i].clock &&
                     feats[i].words >= 5 &&
                     feats[i].words - feats[i].numeric >= 4;
    /* a line already judged a heading, of four words or more (not a
     * section label), is a candidate too */
    int head = v[i].cls == CL_HEAD && feats[i].words >= 4;
    if ((v[i].cls != CL_BODY && !dated_head && !head) || feats[i].terminal ||
        feats[i].words > 25)
      continue;
    for (size_t j = i + 1; j < n && j <= i + 4; j++) {
      /* further down only past a standfirst sentence and a name line
       * ("headline / teaser / Lukas Brenner / 02/24/2025") */
      if (j > i + 2 && !text_standfirst_then_name(feats, i, j)) break;
      int byline = v[j].cue && text_role(v[j].cue->kind);
      /* a date line: with a clock, or a bare date ("Published On 26 Oct
       * 2025") */
      int dated = feats[j].date && !feats[j].terminal &&
                  (feats[j].clock ? feats[j].words <= 14 : feats[j].words <= 6);
      if (!byline && !dated) continue;
      v[i].cls = CL_HEAD;
      v[i].weight = -15;
      if (headline == n) headline = i;
      break;
    }
  }
  /* a line that is only "Baca Juga:" takes the headline after it */
  for (size_t i = 0; i + 1 < n; i++) {
    if (!v[i].cue || v[i].cue->kind != CUE_PREFIX) continue;
    size_t rest = 0;
    cl_cue_match(p->res, v[i].text, v[i].len, &rest);
    while (rest < v[i].len && (v[i].text[rest] == ':' || v[i].text[rest] == ' '))
      rest++;
    if (rest < v[i].len) continue;
    /* and a list of them: unfinished lines up to the next sentence */
    for (size_t j = i + 1; j < n && j <= i + 5 && !v[j].cue; j++) {
      if (v[j].cls == CL_BODY && (feats[j].terminal || feats[j].words > 20))
        break;
      text_chrome(&v[j], v[i].cue->reason);
      v[j].weight = -5; /* known by its place: removing it suffices */
    }
  }
  text_promo_lines(p, feats);
  /* repetition: a line shown twice is a title, caption or teaser */
  for (size_t i = 0; i < n; i++) {
    if (feats[i].words < 3) continue;
    /* in markup the chosen block may repeat lines by design (a table of
     * meal plans); only a near repeat there is a caption shown twice */
    size_t reach = p->html ? 4 : 400;
    for (size_t j = i + 1; j < n && j < i + reach; j++) {
      if (!text_same(&v[i], &v[j])) continue;
      if (v[i].cls != CL_BODY) text_chrome(&v[i], "repeated");
      text_chrome(&v[j], "repeated");
      v[i].weight = v[i].cls == CL_BODY ? v[i].weight : -60;
      v[j].weight = -60;
    }
  }
  /* markup: blocks of the chosen element around the one holding the
   * text are its head and foot (title, deck, byline, tags, author box,
   * comments, paywall note), never the text */
  for (size_t i = 0; i < n && p->html; i++) {
    if (!v[i].zone) continue;
    text_chrome(&v[i], v[i].zone == 1 ? "before-text" : "after-text");
    v[i].weight = -60;
  }
  /* the title, when known, again in the page (in markup, as the page's
   * heading however much it reads like prose) */
  for (size_t i = 0; i < n && d->title.value; i++)
    if ((v[i].cls != CL_BODY || p->html) &&
        !strcasecmp(v[i].text, d->title.value)) {
      text_chrome(&v[i], "title");
      v[i].weight = -60;
    }
  /* the main run: maximum-weight contiguous range */
  long best = 0, cur = 0;
  size_t bs = 0, be = 0, cs = 0;
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    if (cur <= 0) {
      cur = 0;
      cs = i;
    }
    cur += v[i].weight;
    if (v[i].cls == CL_BODY && cur > best) {
      best = cur;
      bs = cs;
      be = i + 1;
      found = 1;
    }
  }
  if (p->html && found) {
    /* markup already chose the block: keep every body and heading, only
     * chrome at the edges goes */
    size_t a = 0, z = n;
    while (a < z && v[a].cls != CL_BODY) a++;
    while (z > a && v[z - 1].cls != CL_BODY) z--;
    if (a < bs) bs = a;
    if (z > be) be = z;
  }
  while (found && bs < be && v[bs].cls != CL_BODY) bs++;
  /* metadata from the lines before the body; a date line with a clock
   * ("Rabu, 1 Oktober 2025 11:32 WIB") is the publication time before one
   * without (a headline naming a month, "9 Mei 2025" alone) */
  for (size_t i = 0; found && i < bs; i++) {
    cl_block *b = &v[i];
    if (i == headline) continue;
    if (b->cue) {
      /* a credit line with a time among its fields ("Source: Xinhua |
       * Editor: huaxia | 2022-03-18 23:40:12") */
      if (feats[i].date && feats[i].clock && memchr(b->text, '|', b->len))
        text_date_offer(p, b->text, b->len, "credit-line");
      continue;
    }
    if (feats[i].age && feats[i].words <= 6)
      cl_time_offer(d, &d->published, b->text, b->len, "age-line");
    else if (((feats[i].domain && feats[i].words <= 2) ||
              text_brand(b->text, b->len)) && !p->html)
      cl_meta_offer(d, &d->outlet, b->text, b->len, "source-line");
    else if (strstr(b->text, " - "))
      text_header_line(p, b);
    else if (feats[i].date && feats[i].clock && feats[i].words <= 14)
      text_date_offer(p, b->text, b->len, "date-line");
  }
  /* a written month before digits alone ("09/12/2024" may be either
   * day first or month first; "September 12, 2024" is not) */
  size_t dl_end = bs; /* and the date lines just inside it (after a
                         standfirst and a name: "teaser / Lukas Brenner /
                         02/24/2025") */
  if (dl_end + 1 < n && v[dl_end].cls == CL_BODY && feats[dl_end].terminal)
    dl_end++;
  while (dl_end < n && dl_end < bs + 5 && v[dl_end].cls != CL_BODY) dl_end++;
  for (int written = 1; written >= 0; written--)
    for (size_t i = 0; found && i < dl_end; i++)
      if (!v[i].cue && i != headline && feats[i].date && !feats[i].clock &&
          (i < bs || (v[i].reason && !strcmp(v[i].reason, "date-line"))) &&
          !feats[i].age && feats[i].words <= 10 &&
          !strstr(v[i].text, " - ") && (feats[i].letters > 0) == written)
        text_date_offer(p, v[i].text, v[i].len, "date-line");
  if (!d->title.value && found && headline < bs)
    cl_meta_offer(d, &d->title, v[headline].text, v[headline].len, "headline");
  if (!d->title.value && found) {
    for (size_t i = 0; i < bs && i < 12; i++) {
      cl_block *b = &v[i];
      if (b->cue || feats[i].words < 3 || feats[i].words > 40 ||
          feats[i].age || feats[i].seps ||
          (b->reason && strcmp(b->reason, "repeated") != 0 &&
           strcmp(b->reason, "no-sentence") != 0))
        continue;
      const char *src = b->reason && !strcmp(b->reason, "repeated")
                            ? "repeated-line"
                            : "first-line";
      cl_meta_offer(d, &d->title, b->text, b->len, src);
      break;
    }
    for (size_t i = 0; i < n && d->title.value; i++)
      if (v[i].cls == CL_HEAD && !strcasecmp(v[i].text, d->title.value))
        text_chrome(&v[i], "title");
  }
  /* inside the run: headings must lead into prose */
  for (size_t i = 0; i < n; i++) {
    cl_block *b = &v[i];
    if (!found || i < bs || i >= be) {
      if (b->cls != CL_CHROME) text_chrome(b, "outside-body");
      b->cls = CL_CHROME;
      continue;
    }
    if (p->html && b->cls == CL_CHROME && b->reason &&
        !strcmp(b->reason, "no-sentence") && feats[i].words >= 4 &&
        !b->link_len) {
      b->cls = CL_BODY; /* markup chose the block: a line of a list */
      continue;
    }
    if (b->cls != CL_HEAD) continue;
    size_t j = i + 1;
    while (j < be && v[j].cls == CL_CHROME) j++;
    if (j >= be || (v[j].cls != CL_BODY && !p->html)) text_chrome(b, "short-line");
    else if (b->leadin) b->cls = CL_BODY;
  }
  for (size_t i = bs; found && i < be; i++)
    if (v[i].cls == CL_BODY) {
      int dl = text_dateline(p, &v[i]);
      /* a photo's caption over the story's dateline: "Presiden ...
       * menyambut ... di Anchorage. (AFP)" / "Anchorage, Outlet - ..." */
      size_t j = i + 1;
      while (j < be && v[j].cls == CL_CHROME) j++;
      if (!dl && j < be && v[j].cls == CL_BODY &&
          cl_credit_closed(v[i].text, v[i].len) && (dl = text_dateline(p, &v[j]))) {
        text_chrome(&v[i], "caption");
        i = j;
      }
      text_caps_place(p, &v[i], dl);
      break;
    }
  for (size_t i = be; found && i-- > bs;)
    if (v[i].cls == CL_BODY) {
      text_tail_tag(p, &v[i]);
      break;
    }
  if (found) text_outlet_fallback(p, feats, headline, bs);
}
