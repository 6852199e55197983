/*
 * dom.c - from HTML to the article's paragraphs.  The page is walked once
 * (html.h) into a compact tree in the doc's arena while <meta>, <link>,
 * <title> and JSON-LD are collected; then the main article block is found
 * and its paragraphs, headings, list items and quotes are emitted in order
 * as blocks for the classifier (text.c).
 *
 * Finding the block: elements that cannot hold article text (scripts,
 * navigation, asides, footers, forms' controls, captions) and elements
 * whose class/id says chrome ("related", "share", "comment", ...; see
 * data/clean/html-hints.txt) are set aside unless they also say content.
 * Every paragraph-like element with enough text scores its parent fully
 * and its grandparent by half, more for commas and length; containers
 * start from their tag and class hints, and <article> or
 * itemprop=articleBody get a strong bonus.  Scores are scaled by the
 * share of text that is not link text; the best container wins and
 * siblings that score well or hold prose join it.
 *
 * Invariants: the tree is depth-capped (DOM_MAX_DEPTH; deeper content is
 * ignored) and node-capped (DOM_MAX_NODES); text is kept as parsed; at
 * most DOM_MAX_HTML bytes of markup reach the parser, so memory and time
 * are bounded whatever the page size (the parser's tree takes about ten
 * times the markup it holds).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/strbuf.h"
#include "clean_int.h"
#include "html.h"

#define DOM_MAX_DEPTH 256
#define DOM_MAX_NODES 400000
#define DOM_MAX_BLOCK ((size_t)1 << 20)
/* Bytes of markup parsed: a bigger page is first stripped of script and
 * style bodies and comments (JSON-LD kept), then cut at this size. */
#define DOM_MAX_HTML ((size_t)8 << 20)

enum dom_flag {
  DF_SKIP = 1 << 0,    /* never article text */
  DF_BLOCK = 1 << 1,   /* block-level: paragraphs break around it */
  DF_PARA = 1 << 2,    /* paragraph-like: scores its ancestors */
  DF_LINK = 1 << 3,    /* <a> */
  DF_HEAD = 1 << 4,    /* h1..h6 */
  DF_LI = 1 << 5,
  DF_QUOTE = 1 << 6,
  DF_BR = 1 << 7,
  DF_ARTICLE = 1 << 8, /* <article>, <main>, itemprop=articleBody */
  DF_H1 = 1 << 9,
  DF_HASBLOCK = 1 << 10, /* has a block-level child */
  DF_TEXT = 1 << 11,
};

typedef struct dom_node {
  struct dom_node *parent, *first, *last, *next;
  const char *text; /* text nodes */
  uint32_t tlen;
  uint32_t flags;
  int8_t hint;      /* -1 chrome, +1 content, 0 none (class/id) */
  int8_t tag_bonus;
  uint8_t scored;
  uint32_t chars, link_chars, commas;
  float score;
  float own; /* score from its own paragraph children */
} dom_node;

typedef struct dom_build {
  cl_page *p;
  wt_arena *a;
  dom_node *root, *cur;
  int depth, ignored; /* ignored: levels beyond the depth cap */
  size_t n_nodes;
  int in_title, in_ld;
  wt_sb title, ld;
  const char *og_title, *og_site, *og_pub, *og_mod, *canonical, *og_url;
  const char *meta_pub, *meta_author, *lang;
  const char *time_pub; /* the first <time datetime> outside skipped parts */
  const char *lds[8]; /* JSON-LD texts, applied after og:* */
  size_t lds_len[8], n_ld;
} dom_build;

static const struct {
  const char *tag;
  uint32_t flags;
  int8_t bonus;
} dom_tags[] = {
    {"p", DF_BLOCK | DF_PARA, 0},
    {"div", DF_BLOCK, 5},
    {"section", DF_BLOCK, 3},
    {"article", DF_BLOCK | DF_ARTICLE, 10},
    {"main", DF_BLOCK | DF_ARTICLE, 5},
    {"h1", DF_BLOCK | DF_HEAD | DF_H1, -5},
    {"h2", DF_BLOCK | DF_HEAD, -5},
    {"h3", DF_BLOCK | DF_HEAD, -5},
    {"h4", DF_BLOCK | DF_HEAD, -5},
    {"h5", DF_BLOCK | DF_HEAD, -5},
    {"h6", DF_BLOCK | DF_HEAD, -5},
    {"li", DF_BLOCK | DF_LI, -3},
    {"ul", DF_BLOCK, -3},
    {"ol", DF_BLOCK, -3},
    {"dl", DF_BLOCK, -3},
    {"dd", DF_BLOCK, -3},
    {"dt", DF_BLOCK, -3},
    {"blockquote", DF_BLOCK | DF_PARA | DF_QUOTE, 3},
    {"pre", DF_BLOCK | DF_PARA, 3},
    {"td", DF_BLOCK | DF_PARA, 3},
    {"th", DF_BLOCK, -5},
    {"tr", DF_BLOCK, 0},
    {"table", DF_BLOCK, 0},
    {"center", DF_BLOCK, 0},
    {"body", DF_BLOCK, 0},
    {"html", DF_BLOCK, 0},
    {"header", DF_BLOCK | DF_SKIP, 0},
    {"footer", DF_BLOCK | DF_SKIP, 0},
    {"nav", DF_BLOCK | DF_SKIP, 0},
    {"aside", DF_BLOCK | DF_SKIP, 0},
    {"figure", DF_BLOCK, 0},
    {"figcaption", DF_BLOCK | DF_SKIP, 0},
    {"br", DF_BR, 0},
    {"hr", DF_BR, 0},
    {"a", DF_LINK, 0},
    {"script", DF_SKIP, 0},
    {"style", DF_SKIP, 0},
    {"noscript", DF_SKIP, 0},
    {"template", DF_SKIP, 0},
    {"svg", DF_SKIP, 0},
    {"math", DF_SKIP, 0},
    {"iframe", DF_SKIP, 0},
    {"object", DF_SKIP, 0},
    {"select", DF_SKIP, 0},
    {"textarea", DF_SKIP, 0},
    {"button", DF_SKIP, 0},
    {"input", DF_SKIP, 0},
    {"label", DF_SKIP, 0},
    {"head", DF_SKIP, 0},
    {"title", DF_SKIP, 0},
    {"dialog", DF_SKIP, 0},
    {"canvas", DF_SKIP, 0},
    {"video", DF_SKIP, 0},
    {"audio", DF_SKIP, 0},
};

static const char *dom_attr(const wt_html_attr *a, size_t n, const char *k) {
  for (size_t i = 0; i < n; i++)
    if (!strcasecmp(a[i].key, k)) return a[i].value;
  return NULL;
}

static const char *dom_dup(dom_build *b, const char *s) {
  return s ? wt_arena_strdup(b->a, s) : NULL;
}

static dom_node *dom_new(dom_build *b) {
  if (b->n_nodes >= DOM_MAX_NODES) return NULL;
  dom_node *n = wt_arena_alloc(b->a, sizeof *n);
  if (!n) return NULL;
  b->n_nodes++;
  n->parent = b->cur;
  if (b->cur) {
    if (b->cur->last) b->cur->last->next = n;
    else b->cur->first = n;
    b->cur->last = n;
  }
  return n;
}

/* <meta> values worth keeping. */
static void dom_meta(dom_build *b, const wt_html_attr *a, size_t na) {
  const char *key = dom_attr(a, na, "property");
  if (!key) key = dom_attr(a, na, "name");
  if (!key) key = dom_attr(a, na, "itemprop");
  const char *val = dom_attr(a, na, "content");
  if (!key || !val || !*val) return;
  switch (cl_meta_kind(b->p->res, key)) {
  case CL_META_TITLE: b->og_title = dom_dup(b, val); break;
  case CL_META_SITE: b->og_site = dom_dup(b, val); break;
  case CL_META_URL: b->og_url = dom_dup(b, val); break;
  case CL_META_PUBLISHED: b->og_pub = dom_dup(b, val); break;
  case CL_META_MODIFIED: b->og_mod = dom_dup(b, val); break;
  case CL_META_DATE:
    if (!b->meta_pub) b->meta_pub = dom_dup(b, val);
    break;
  case CL_META_AUTHOR:
    if (!b->meta_author && !strstr(val, "://"))
      b->meta_author = dom_dup(b, val);
    break;
  default: break;
  }
}

static int dom_open(void *ud, const char *tag, const wt_html_attr *a,
                    size_t na) {
  dom_build *b = ud;
  if (b->depth >= DOM_MAX_DEPTH || b->ignored) {
    b->ignored++;
    return 1;
  }
  uint32_t flags = 0;
  int8_t bonus = 0;
  for (size_t i = 0; i < sizeof dom_tags / sizeof *dom_tags; i++)
    if (!strcmp(tag, dom_tags[i].tag)) {
      flags = dom_tags[i].flags;
      bonus = dom_tags[i].bonus;
      break;
    }
  if (!strcmp(tag, "meta")) dom_meta(b, a, na);
  if (!strcmp(tag, "time") || dom_attr(a, na, "itemprop")) {
    const char *dt = dom_attr(a, na, "datetime");
    const char *ip = dom_attr(a, na, "itemprop");
    if (!dt) dt = dom_attr(a, na, "content");
    int skipped = 0;
    for (const dom_node *q = b->cur; q && !skipped; q = q->parent)
      skipped = (q->flags & DF_SKIP) != 0;
    if (dt && *dt && ip && !strcasecmp(ip, "datePublished") && !b->meta_pub)
      b->meta_pub = dom_dup(b, dt);
    else if (dt && *dt && !strcmp(tag, "time") && !skipped && !b->time_pub)
      b->time_pub = dom_dup(b, dt);
  }
  if (!strcmp(tag, "link")) {
    const char *rel = dom_attr(a, na, "rel"), *href = dom_attr(a, na, "href");
    if (rel && href && !strcasecmp(rel, "canonical") && !b->canonical)
      b->canonical = dom_dup(b, href);
  }
  if (!strcmp(tag, "html") && !b->lang) b->lang = dom_dup(b, dom_attr(a, na, "lang"));
  if (!strcmp(tag, "title") && !b->title.len) b->in_title = 1;
  if (!strcmp(tag, "script")) {
    const char *ty = dom_attr(a, na, "type");
    if (ty && !strcasecmp(ty, "application/ld+json")) {
      b->in_ld = 1;
      wt_sb_reset(&b->ld);
    }
  }
  dom_node *n = dom_new(b);
  if (!n) {
    b->ignored++;
    return 1;
  }
  n->flags = flags;
  n->tag_bonus = bonus;
  const char *id = dom_attr(a, na, "id"), *cls = dom_attr(a, na, "class");
  char hint[256];
  snprintf(hint, sizeof hint, "%s %s", id ? id : "", cls ? cls : "");
  int h = (id || cls) ? cl_hint_class(b->p->res, hint) : 0;
  n->hint = (h & 2) ? 1 : (h & 5) ? -1 : 0;
  int drop = (h & 4) && !(h & 2);
  const char *ip = dom_attr(a, na, "itemprop");
  if (ip && !strcasecmp(ip, "articleBody")) n->flags |= DF_ARTICLE, n->hint = 1;
  const char *role = dom_attr(a, na, "role");
  if (role && (!strcasecmp(role, "navigation") ||
               !strcasecmp(role, "complementary") ||
               !strcasecmp(role, "contentinfo") || !strcasecmp(role, "banner")))
    n->flags |= DF_SKIP;
  const char *hid = dom_attr(a, na, "aria-hidden"),
             *style = dom_attr(a, na, "style");
  if (dom_attr(a, na, "hidden") || (hid && !strcmp(hid, "true")) ||
      (style && (strstr(style, "display:none") ||
                 strstr(style, "display: none"))))
    n->flags |= DF_SKIP;
  if (drop && !b->p->relaxed && !(n->flags & DF_ARTICLE) &&
      strcmp(tag, "body") && strcmp(tag, "html"))
    n->flags |= DF_SKIP;
  if ((flags & DF_BLOCK) && b->cur) b->cur->flags |= DF_HASBLOCK;
  b->cur = n;
  b->depth++;
  /* skipped parts are not built, except where metadata lives */
  return (n->flags & DF_SKIP) && !b->in_ld && !b->in_title &&
         strcmp(tag, "head") != 0;
}

static void dom_close(void *ud, const char *tag) {
  dom_build *b = ud;
  if (b->ignored) {
    b->ignored--;
    return;
  }
  if (b->in_title && !strcmp(tag, "title")) b->in_title = 0;
  if (b->in_ld && !strcmp(tag, "script")) {
    b->in_ld = 0;
    if (b->ld.len && !b->ld.toobig && b->n_ld < 8) {
      b->lds[b->n_ld] = wt_arena_strndup(b->a, b->ld.s, b->ld.len);
      b->lds_len[b->n_ld] = b->ld.len;
      if (b->lds[b->n_ld]) b->n_ld++;
    }
  }
  if (b->cur) b->cur = b->cur->parent;
  b->depth--;
}

static void dom_text(void *ud, const char *s, size_t n) {
  dom_build *b = ud;
  if (b->ignored) return;
  if (b->in_title) wt_sb_add(&b->title, s, n);
  if (b->in_ld) wt_sb_add(&b->ld, s, n);
  if (b->cur && (b->cur->flags & DF_SKIP)) return;
  dom_node *t = dom_new(b);
  if (!t) return;
  t->flags = DF_TEXT;
  t->text = wt_arena_strndup(b->a, s, n);
  t->tlen = t->text ? (uint32_t)n : 0;
}

/* ------------------------------------------------------------ trimming */

/* s[i..n) opens with "<NAME" followed by a space, '>' or '/'. */
static int dom_tag_at(const char *s, size_t i, size_t n, const char *name,
                      size_t nl) {
  if (i + 1 + nl >= n || strncasecmp(s + i + 1, name, nl) != 0) return 0;
  char c = s[i + 1 + nl];
  return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' ||
         c == '\r';
}

/* Offset of the next "</NAME" in s[i..n), or n. */
static size_t dom_find_close(const char *s, size_t i, size_t n,
                             const char *name, size_t nl) {
  while (i < n) {
    const char *lt = memchr(s + i, '<', n - i);
    if (!lt) return n;
    i = (size_t)(lt - s);
    if (i + 2 + nl <= n && s[i + 1] == '/' &&
        !strncasecmp(s + i + 2, name, nl))
      return i;
    i++;
  }
  return n;
}

/* Copy of html[0..n) without the bodies of <script> (JSON-LD kept) and
 * <style> and without comments, cut at DOM_MAX_HTML bytes, into out (at
 * least DOM_MAX_HTML bytes).  Returns the bytes written. */
static size_t dom_trim(const char *s, size_t n, char *out) {
  size_t i = 0, k = 0, cap = DOM_MAX_HTML;
  while (i < n && k < cap) {
    const char *lt = memchr(s + i, '<', n - i);
    size_t e = lt ? (size_t)(lt - s) : n, c = e - i;
    if (c > cap - k) c = cap - k;
    memcpy(out + k, s + i, c);
    k += c;
    i = e;
    if (i >= n || k >= cap) break;
    if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
      const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);
      i = end ? (size_t)(end - s) + 3 : n;
      continue;
    }
    int script = dom_tag_at(s, i, n, "script", 6);
    if (!script && !dom_tag_at(s, i, n, "style", 5)) {
      out[k++] = s[i++];
      continue;
    }
    const char *gt = memchr(s + i, '>', n - i);
    size_t open_end = gt ? (size_t)(gt - s) + 1 : n;
    size_t close = dom_find_close(s, open_end, n, script ? "script" : "style",
                                  script ? 6 : 5);
    int keep = script && memmem(s + i, open_end - i, "ld+json", 7) != NULL;
    size_t upto = keep ? close : open_end;
    c = upto - i < cap - k ? upto - i : cap - k;
    memcpy(out + k, s + i, c);
    k += c;
    i = close;
  }
  return k;
}

/* ------------------------------------------------------------ scoring */

/* Bottom-up counts: text bytes (spaces collapsed), link text, commas. */
static void dom_count(dom_node *n, int in_link) {
  if (n->flags & DF_TEXT) {
    int sp = 1;
    for (uint32_t i = 0; i < n->tlen; i++) {
      char c = n->text[i];
      int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space && sp) continue;
      sp = space;
      n->chars++;
      if (c == ',') n->commas++;
    }
    if (in_link) n->link_chars = n->chars;
    return;
  }
  for (dom_node *c = n->first; c; c = c->next) {
    if (c->flags & DF_SKIP) continue;
    dom_count(c, in_link || (n->flags & DF_LINK));
    n->chars += c->chars;
    n->link_chars += c->link_chars;
    n->commas += c->commas;
  }
}

static void dom_init_score(dom_node *n) {
  if (n->scored) return;
  n->scored = 1;
  n->score = n->tag_bonus + 25.0f * n->hint;
  if (n->flags & DF_ARTICLE) n->score += 40;
}

static void dom_score(dom_node *n) {
  if (n->flags & (DF_SKIP | DF_TEXT)) return;
  int para = (n->flags & DF_PARA) ||
             ((n->flags & DF_BLOCK) && !(n->flags & DF_HASBLOCK) &&
              !(n->flags & (DF_HEAD | DF_LI)));
  if (para && n->chars >= 25 && n->parent) {
    float s = 1.0f + (float)n->commas +
              (n->chars / 100 < 3 ? (float)(n->chars / 100) : 3.0f);
    dom_node *anc = n->parent;
    for (int level = 0; anc && level < 3; level++, anc = anc->parent) {
      if (anc->flags & DF_SKIP) break;
      dom_init_score(anc);
      anc->score += level == 0 ? s : level == 1 ? s / 2 : s / 6;
      if (level == 0) anc->own += s;
    }
  }
  for (dom_node *c = n->first; c; c = c->next) dom_score(c);
}

static void dom_pick(dom_node *n, dom_node **best, float *best_score) {
  if (n->flags & (DF_SKIP | DF_TEXT)) return;
  if (n->scored) {
    float ld = n->chars ? (float)n->link_chars / n->chars : 0;
    float s = n->score * (1 - ld);
    if (s > *best_score) {
      *best_score = s;
      *best = n;
    }
  }
  for (dom_node *c = n->first; c; c = c->next) dom_pick(c, best, best_score);
}

static float dom_final(const dom_node *n) {
  float ld = n->chars ? (float)n->link_chars / n->chars : 0;
  return n->scored ? n->score * (1 - ld) : 0;
}

/* ----------------------------------------------------------- emission */

typedef struct dom_emit {
  cl_page *p;
  wt_sb buf;
  uint32_t link;
  uint8_t kind, heading;
  const dom_node *holder; /* the element holding the text, or NULL */
  uint8_t zone;           /* where the walk is relative to it */
} dom_emit;

static void dom_flush(dom_emit *e) {
  if (e->buf.len && !e->buf.toobig) {
    cl_block *b = cl_block_add(e->p, e->buf.s, e->buf.len, e->kind);
    if (b) {
      b->link_len = e->link;
      b->from_markup_heading = e->heading;
      b->zone = e->zone;
      if (e->link * 10 >= b->len * 8 && b->len < 200) {
        b->cls = CL_CHROME; /* a paragraph that is a link */
        b->reason = "link-para";
      }
    }
  }
  wt_sb_reset(&e->buf);
  e->link = 0;
}

static void dom_emit_node(dom_emit *e, const dom_node *n, int in_link) {
  if (n->flags & DF_SKIP) return;
  if (n->flags & DF_TEXT) {
    size_t before = e->buf.len;
    wt_sb_add(&e->buf, n->text, n->tlen);
    if (in_link) e->link += (uint32_t)(e->buf.len - before);
    return;
  }
  if (n->flags & DF_BR) {
    dom_flush(e);
    return;
  }
  uint8_t kind = e->kind, heading = e->heading;
  if (n == e->holder) {
    dom_flush(e);
    e->zone = 0;
  }
  if (n->flags & DF_BLOCK) {
    dom_flush(e);
    if (n->flags & DF_HEAD) e->kind = WT_PARA_HEADING, e->heading = 1;
    else if (n->flags & DF_LI) e->kind = WT_PARA_LIST;
    else if (n->flags & DF_QUOTE) e->kind = WT_PARA_QUOTE;
  }
  for (const dom_node *c = n->first; c; c = c->next)
    dom_emit_node(e, c, in_link || (n->flags & DF_LINK));
  if (n->flags & DF_BLOCK) {
    dom_flush(e);
    e->kind = kind;
    e->heading = heading;
  }
  if (n == e->holder) {
    dom_flush(e);
    e->zone = 2;
  }
}

/* The element under n whose own paragraphs score most. */
static void dom_holder(const dom_node *n, const dom_node **best) {
  if (n->flags & (DF_SKIP | DF_TEXT)) return;
  if (n->own > 0 && (!*best || n->own > (*best)->own)) *best = n;
  for (const dom_node *c = n->first; c; c = c->next) dom_holder(c, best);
}

/* Text of the first <h1> outside skipped parts, into the arena. */
static const dom_node *dom_find_h1(const dom_node *n) {
  if (n->flags & DF_TEXT) return NULL;
  if ((n->flags & DF_H1) && n->chars) return n;
  for (const dom_node *c = n->first; c; c = c->next) {
    const dom_node *h = dom_find_h1(c);
    if (h) return h;
  }
  return NULL;
}

static void dom_text_of(const dom_node *n, wt_sb *sb) {
  if (n->flags & DF_TEXT) {
    wt_sb_add(sb, n->text, n->tlen);
    return;
  }
  for (const dom_node *c = n->first; c; c = c->next) dom_text_of(c, sb);
}

/* The site's name after a title's separator (" | The Star"): up to four
 * words, offered as the outlet. */
static void dom_site_suffix(wt_doc *d, const char *s, size_t n) {
  size_t a = 0;
  while (a < n && (s[a] == ' ' || s[a] == '|' || s[a] == '-' || s[a] == ':' ||
                   (unsigned char)s[a] >= 0x80))
    a++; /* separators, the dashes and the middle dot included */
  if (a == n || !a) return;
  size_t words = 1;
  for (size_t i = a; i < n; i++) words += s[i] == ' ';
  if (words <= 4) cl_meta_offer(d, &d->outlet, s + a, n - a, "title-suffix");
}

static void dom_apply_meta(dom_build *b, const dom_node *root) {
  wt_doc *d = b->p->doc;
  const char *v;
  if ((v = b->og_title)) {
    const char *t = cl_meta_strip_site(d, v, b->og_site);
    if (t) cl_meta_offer(d, &d->title, t, strlen(t), "og:title");
  }
  if ((v = b->og_site)) cl_meta_offer(d, &d->outlet, v, strlen(v), "og:site_name");
  if ((v = b->og_pub))
    cl_time_offer(d, &d->published, v, strlen(v), "article:published_time");
  if ((v = b->og_mod))
    cl_time_offer(d, &d->modified, v, strlen(v), "article:modified_time");
  for (size_t i = 0; i < b->n_ld; i++) cl_meta_jsonld(d, b->lds[i], b->lds_len[i]);
  const dom_node *h1 = dom_find_h1(root);
  wt_sb h1s;
  wt_sb_init(&h1s, 4096);
  if (h1) dom_text_of(h1, &h1s);
  if (b->title.len && !b->title.toobig) {
    const char *t = cl_meta_strip_site(d, b->title.s,
                                       b->og_site ? b->og_site : NULL);
    if (t) cl_meta_offer(d, &d->title, t, strlen(t), "title");
    /* "<h1 text> | The Star": what the title adds to the headline is
     * the site's name */
    size_t tl = t ? strlen(t) : 0;
    if (t && tl && tl < b->title.len && h1s.len == tl &&
        !strncasecmp(h1s.s, t, tl))
      dom_site_suffix(d, b->title.s + tl, b->title.len - tl);
  }
  if (h1s.len) cl_meta_offer(d, &d->title, h1s.s, h1s.len, "h1");
  wt_sb_free(&h1s);
  if ((v = b->meta_pub)) cl_time_offer(d, &d->published, v, strlen(v), "meta");
  if ((v = b->time_pub))
    cl_time_offer(d, &d->published, v, strlen(v), "time-element");
  if ((v = b->canonical))
    cl_meta_offer(d, &d->canonical_url, v, strlen(v), "link:canonical");
  if ((v = b->og_url)) cl_meta_offer(d, &d->canonical_url, v, strlen(v), "og:url");
  if ((v = b->lang)) cl_meta_offer(d, &d->language, v, strlen(v), "html-lang");
  if ((v = b->meta_author)) cl_credit_add(d, v, strlen(v), "author");
}

int cl_dom_extract(cl_page *p, const char *html, size_t n, char *err,
                   size_t errlen) {
  dom_build b = {.p = p, .a = p->doc->arena};
  wt_sb_init(&b.title, 4096);
  wt_sb_init(&b.ld, (size_t)1 << 20);
  dom_node *root = dom_new(&b);
  if (!root) {
    snprintf(err, errlen, "page too large to clean");
    return -1;
  }
  root->flags = DF_BLOCK;
  b.root = b.cur = root;
  wt_html_visitor v = {&b, dom_open, dom_text, dom_close};
  char *trimmed = NULL;
  if (n > DOM_MAX_HTML) {
    trimmed = malloc(DOM_MAX_HTML);
    if (!trimmed) abort();
    size_t k = dom_trim(html, n, trimmed);
    wt_chrome *c =
        p->relaxed ? NULL : WT_VEC_PUSH(p->doc->arena, &p->doc->chrome);
    if (c) {
      char note[96];
      snprintf(note, sizeof note, "page of %zu bytes: %zu bytes of markup cleaned",
               n, k);
      c->text = wt_arena_strdup(p->doc->arena, note);
      c->reason = "page-truncated";
    }
    html = trimmed;
    n = k;
  }
  int rc = wt_html_walk(html, n, &v, err, errlen);
  free(trimmed);
  wt_sb_free(&b.ld);
  if (rc != 0) {
    wt_sb_free(&b.title);
    return -1;
  }
  dom_count(root, 0);
  dom_apply_meta(&b, root);
  wt_sb_free(&b.title);

  dom_node *best = NULL;
  float best_score = 0;
  dom_score(root);
  dom_pick(root, &best, &best_score);
  dom_emit e = {.p = p};
  wt_sb_init(&e.buf, DOM_MAX_BLOCK);
  if (!best) {
    dom_emit_node(&e, root, 0);
  } else if (!best->parent) {
    dom_emit_node(&e, best, 0);
  } else {
    /* inside an <article>, the text often sits in one element among
     * title, deck, byline, tags and paywall notes: blocks before and
     * after it are marked so the classifier can hold them to a higher
     * bar */
    const dom_node *h = NULL;
    dom_holder(best, &h);
    if (h && h != best && (uint64_t)h->chars * 10 >= (uint64_t)best->chars * 6) {
      e.holder = h;
    }
    /* the winner and the siblings that belong with it */
    float floor = best_score * 0.2f > 10 ? best_score * 0.2f : 10;
    for (dom_node *s = best->parent->first; s; s = s->next) {
      if (s->flags & (DF_SKIP | DF_TEXT)) continue;
      int take = s == best || dom_final(s) >= floor;
      if (!take && (s->flags & DF_PARA)) {
        float ld = s->chars ? (float)s->link_chars / s->chars : 1;
        take = (s->chars > 80 && ld < 0.25f) ||
               (s->chars > 0 && s->chars <= 80 && ld == 0 && s->commas);
      }
      if (!take) continue;
      e.zone = s == best && e.holder ? 1 : 0;
      dom_emit_node(&e, s, 0);
      dom_flush(&e);
      e.zone = 0;
    }
  }
  dom_flush(&e);
  wt_sb_free(&e.buf);
  return 0;
}
