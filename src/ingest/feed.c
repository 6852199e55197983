/*
 * feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds into items.
 *
 * The document is parsed with libxml2 in recover mode, so a broken feed
 * still yields the items that parsed; the first parse error is kept as the
 * feed's reason.  Items are copied out into owned strings and the XML tree
 * is freed before wt_feed_parse() returns.
 *
 * Invariants (safety): no network (XML_PARSE_NONET), external entities are
 * never loaded (no XML_PARSE_NOENT, no DTD loading, and an entity loader
 * that refuses every request), libxml2's default size limits stay on (no
 * XML_PARSE_HUGE), and libxml2 never prints: its errors are collected into
 * the caller's err.  Every string built here is capped at
 * WT_INGEST_MAX_FILE and is UTF-8 (libxml2 converts declared encodings).
 */
#include "feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/strbuf.h"
#include "../core/util.h"
#include "ingest.h"

#define FEED_NS_ATOM "http://www.w3.org/2005/Atom"
#define FEED_NS_RSS1 "http://purl.org/rss/1.0/"
#define FEED_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define FEED_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define FEED_NS_DC "http://purl.org/dc/elements/1.1/"
/* Matches RSS core elements: no namespace (RSS 2.0) or RSS 1.0's. */
#define FEED_NS_RSS ((const char *)1)

/* ------------------------------------------------------------ sniffing */

static const char *feed_after(const char *p, const char *end,
                              const char *needle) {
  const char *q = memmem(p, (size_t)(end - p), needle, strlen(needle));
  return q ? q + strlen(needle) : NULL;
}

int wt_feed_sniff(const char *buf, size_t n) {
  const char *p = buf, *end = buf + (n < 4096 ? n : 4096);
  if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  for (;;) { /* the prolog: declaration, comments, PIs, doctype */
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
      p++;
    if (end - p < 4 || *p != '<') return 0;
    if (p[1] == '?')
      p = feed_after(p, end, "?>");
    else if (!memcmp(p, "<!--", 4))
      p = feed_after(p, end, "-->");
    else if (p[1] == '!') {
      int depth = 0;
      for (p += 2; p < end; p++) {
        if (*p == '[') depth++;
        else if (*p == ']') depth--;
        else if (*p == '>' && depth <= 0) break;
      }
      p = p < end ? p + 1 : NULL;
    } else
      break;
    if (!p) return 0;
  }
  const char *gt = memchr(p, '>', (size_t)(end - p));
  if (!gt) return 0;
  size_t tag = (size_t)(gt - p);
#define FEED_ROOT(name)                                                      \
  (tag > strlen(name) && !memcmp(p + 1, name, strlen(name)) &&               \
   p[1 + strlen(name)] && strchr(" \t\r\n>/", p[1 + strlen(name)]))
  if (FEED_ROOT("rss")) return 1;
  if (FEED_ROOT("feed") && memmem(p, tag, FEED_NS_ATOM, strlen(FEED_NS_ATOM)))
    return 1;
  if (FEED_ROOT("rdf:RDF") &&
      memmem(p, (size_t)(end - p), FEED_NS_RSS1, strlen(FEED_NS_RSS1)))
    return 1;
#undef FEED_ROOT
  return 0;
}

/* ------------------------------------------------------------ libxml2 */

/* The parse under way on this thread: where its errors go. */
typedef struct feed_errs {
  char *err;
  size_t errlen;
  int count;
} feed_errs;
static _Thread_local feed_errs *feed_cur;

static void feed_on_error(void *ud, xmlErrorPtr e) {
  (void)ud;
  feed_errs *fe = feed_cur;
  if (!fe || !e || e->level == XML_ERR_WARNING) return;
  if (fe->count++ == 0) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "parse error");
    size_t k = strlen(msg);
    while (k && (msg[k - 1] == '\n' || msg[k - 1] == ' ')) msg[--k] = '\0';
    snprintf(fe->err, fe->errlen, "malformed feed: line %d: %s", e->line,
             msg);
  }
}

static void feed_on_generic(void *ud, const char *fmt, ...) {
  (void)ud;
  (void)fmt; /* silenced: anything worth saying arrives structured */
}

static xmlParserInputPtr feed_no_entities(const char *url, const char *id,
                                          xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL; /* never load an external entity or DTD */
}

static pthread_once_t feed_once = PTHREAD_ONCE_INIT;

static void feed_init(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(feed_no_entities);
}

/* ------------------------------------------------------------ tree */

static int feed_is(const xmlNode *n, const char *ns, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
    return 0;
  const char *uri = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
  if (ns == FEED_NS_RSS) return !uri || !strcmp(uri, FEED_NS_RSS1);
  if (!ns) return !uri;
  return uri && !strcmp(uri, ns);
}

static xmlNode *feed_child(const xmlNode *parent, const char *ns,
                           const char *name) {
  for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
    if (feed_is(c, ns, name)) return c;
  return NULL;
}

/* Text of n's descendants.  An entity reference's child is its
 * declaration, whose children are the parsed replacement text (internal
 * entities only: external ones are never loaded); followed a few levels
 * deep, and the output cap bounds the work. */
static void feed_collect(const xmlNode *n, wt_sb *b, int depth) {
  for (const xmlNode *c = n->children; c && !b->toobig; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) wt_sb_adds(b, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      feed_collect(c, b, depth);
    } else if (c->type == XML_ENTITY_REF_NODE && depth < 8 && c->children &&
               c->children->type == XML_ENTITY_DECL) {
      feed_collect(c->children, b, depth + 1); /* not its siblings */
    }
  }
}

/* Owned copy of s[0..n) with the ends trimmed; NULL when blank. */
static char *feed_trimmed(const char *s, size_t n) {
  while (n && strchr(" \t\r\n", *s)) s++, n--;
  while (n && strchr(" \t\r\n", s[n - 1])) n--;
  if (!n) return NULL;
  char *r = malloc(n + 1);
  if (!r) abort();
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

static char *feed_text(const xmlNode *n) {
  if (!n) return NULL;
  wt_sb b;
  wt_sb_init(&b, WT_INGEST_MAX_FILE);
  feed_collect(n, &b, 0);
  char *r = b.toobig || !b.s ? NULL : feed_trimmed(b.s, b.len);
  wt_sb_free(&b);
  return r;
}

static char *feed_attr(const xmlNode *n, const char *name) {
  if (!n) return NULL;
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  char *r = v ? feed_trimmed((const char *)v, strlen((const char *)v)) : NULL;
  xmlFree(v);
  return r;
}

/* n (or only its children) serialized as markup; NULL when empty. */
static char *feed_dump(xmlDoc *doc, xmlNode *n, int children_only,
                       size_t *len) {
  xmlBuffer *xb = xmlBufferCreate();
  if (!xb) abort();
  if (children_only) {
    for (xmlNode *c = n->children; c; c = c->next)
      if (xmlNodeDump(xb, doc, c, 0, 0) < 0) break;
  } else {
    xmlNodeDump(xb, doc, n, 0, 0);
  }
  const char *s = (const char *)xmlBufferContent(xb);
  size_t k = (size_t)xmlBufferLength(xb);
  char *r = s && k <= WT_INGEST_MAX_FILE ? feed_trimmed(s, k) : NULL;
  xmlBufferFree(xb);
  if (len) *len = r ? strlen(r) : 0;
  return r;
}

/* A language tag reduced to its primary subtag, lower case ("id-ID" ->
 * "id"), in place; NULL stays NULL. */
static char *feed_lang(char *tag) {
  if (!tag) return NULL;
  for (char *p = tag; *p; p++) {
    if (*p == '-' || *p == '_' || *p == ' ') {
      *p = '\0';
      break;
    }
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  }
  if (!*tag) {
    free(tag);
    return NULL;
  }
  return tag;
}

/* Does a feed text field carry markup or character references (then the
 * HTML cleaner must read it) rather than plain text? */
static wt_format feed_sniff_markup(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    char c = s[i], d = s[i + 1];
    if (c == '<' && (d == '/' || d == '!' || (d >= 'a' && d <= 'z') ||
                     (d >= 'A' && d <= 'Z')) &&
        memchr(s + i, '>', n - i))
      return WT_FMT_HTML;
    if (c == '&' && (d == '#' || (d >= 'a' && d <= 'z'))) {
      size_t j = i + 2;
      while (j < n && j < i + 12 &&
             ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9') ||
              (s[j] >= 'A' && s[j] <= 'Z')))
        j++;
      if (j < n && s[j] == ';') return WT_FMT_HTML;
    }
  }
  return WT_FMT_TEXT;
}

/* An Atom text construct (content, summary) by its type attribute. */
static void feed_atom_text(xmlDoc *doc, xmlNode *n, wt_feed_item *it) {
  if (!n || it->content) return;
  char *type = feed_attr(n, "type");
  const char *t = type ? type : "text";
  if (!strcasecmp(t, "xhtml") || strstr(t, "xml")) {
    xmlNode *div = feed_child(n, "http://www.w3.org/1999/xhtml", "div");
    it->content = feed_dump(doc, div ? div : n, 1, &it->content_len);
    it->format = WT_FMT_HTML;
  } else if (!strcasecmp(t, "html") || !strcasecmp(t, "text/html")) {
    it->content = feed_text(n);
    it->format = WT_FMT_HTML;
  } else if (!strcasecmp(t, "text") || !strncasecmp(t, "text/", 5)) {
    it->content = feed_text(n);
    it->format = WT_FMT_TEXT;
  }
  if (it->content) it->content_len = strlen(it->content);
  free(type);
}

static void feed_atom_item(xmlDoc *doc, xmlNode *e, wt_feed_item *it) {
  it->ext_id = feed_text(feed_child(e, FEED_NS_ATOM, "id"));
  it->title = feed_text(feed_child(e, FEED_NS_ATOM, "title"));
  it->published = feed_text(feed_child(e, FEED_NS_ATOM, "published"));
  if (!it->published)
    it->published = feed_text(feed_child(e, FEED_NS_ATOM, "updated"));
  for (xmlNode *c = e->children; c && !it->url; c = c->next) {
    if (!feed_is(c, FEED_NS_ATOM, "link")) continue;
    char *rel = feed_attr(c, "rel");
    if (!rel || !strcmp(rel, "alternate")) it->url = feed_attr(c, "href");
    free(rel);
  }
  feed_atom_text(doc, feed_child(e, FEED_NS_ATOM, "content"), it);
  feed_atom_text(doc, feed_child(e, FEED_NS_ATOM, "summary"), it);
  xmlChar *lang = xmlNodeGetLang(e); /* inherited from <feed> too */
  if (lang) it->lang = feed_trimmed((const char *)lang, strlen((char *)lang));
  xmlFree(lang);
}

static void feed_rss_item(xmlNode *e, wt_feed_item *it) {
  it->ext_id = feed_text(feed_child(e, FEED_NS_RSS, "guid"));
  if (!it->ext_id) it->ext_id = feed_attr(e, "about"); /* RSS 1.0 */
  if (!it->ext_id) {
    xmlChar *about = xmlGetNsProp(e, (const xmlChar *)"about",
                                  (const xmlChar *)FEED_NS_RDF);
    if (about)
      it->ext_id = feed_trimmed((const char *)about, strlen((char *)about));
    xmlFree(about);
  }
  it->title = feed_text(feed_child(e, FEED_NS_RSS, "title"));
  it->url = feed_text(feed_child(e, FEED_NS_RSS, "link"));
  it->published = feed_text(feed_child(e, FEED_NS_RSS, "pubDate"));
  if (!it->published) it->published = feed_text(feed_child(e, FEED_NS_DC, "date"));
  it->lang = feed_text(feed_child(e, FEED_NS_DC, "language"));
  it->content = feed_text(feed_child(e, FEED_NS_CONTENT, "encoded"));
  it->format = WT_FMT_HTML;
  if (!it->content) {
    it->content = feed_text(feed_child(e, FEED_NS_RSS, "description"));
    if (it->content)
      it->format = feed_sniff_markup(it->content, strlen(it->content));
  }
  if (it->content) it->content_len = strlen(it->content);
}

/* Drop a hint that is not valid UTF-8 (recovered from broken bytes). */
static void feed_valid(char **s) {
  if (*s && wt_utf8_invalid_at(*s, strlen(*s)) >= 0) {
    free(*s);
    *s = NULL;
  }
}

static void feed_add_item(wt_feed *f, size_t *cap, xmlDoc *doc, xmlNode *e,
                          int atom) {
  if (f->n_items == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    f->items = realloc(f->items, *cap * sizeof *f->items);
    if (!f->items) abort();
  }
  wt_feed_item *it = &f->items[f->n_items++];
  memset(it, 0, sizeof *it);
  if (atom)
    feed_atom_item(doc, e, it);
  else
    feed_rss_item(e, it);
  feed_valid(&it->ext_id);
  feed_valid(&it->url);
  feed_valid(&it->published);
  feed_valid(&it->lang);
  if (!it->ext_id && it->url) it->ext_id = strdup(it->url);
  it->lang = feed_lang(it->lang);
  if (!it->lang && f->lang) it->lang = strdup(f->lang);
  it->raw = feed_dump(doc, e, 0, &it->raw_len);
  if (!it->content)
    it->fail = it->title ? "item has no content" : "item has no title or content";
  else if (wt_utf8_invalid_at(it->content, it->content_len) >= 0 ||
           (it->title && wt_utf8_invalid_at(it->title, strlen(it->title)) >= 0))
    it->fail = "item is not valid UTF-8";
}

/* The feed in a parsed document; NULL with err when it holds none. */
static wt_feed *feed_from_doc(xmlDoc *doc, char *err, size_t errlen) {
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  int kind = 0; /* 1 RSS 2.0, 2 Atom, 3 RSS 1.0 */
  if (feed_is(root, NULL, "rss")) kind = 1;
  else if (feed_is(root, FEED_NS_ATOM, "feed")) kind = 2;
  else if (feed_is(root, FEED_NS_RDF, "RDF")) kind = 3;
  if (!kind) {
    if (!err[0])
      snprintf(err, errlen, "%s", root ? "not an RSS or Atom feed"
                                       : "malformed feed: no root element");
    return NULL;
  }
  wt_feed *f = calloc(1, sizeof *f);
  if (!f) abort();
  size_t cap = 0;
  xmlNode *chan = kind == 2 ? root : feed_child(root, FEED_NS_RSS, "channel");
  const char *tns = kind == 2 ? FEED_NS_ATOM : FEED_NS_RSS;
  f->outlet = feed_text(feed_child(chan, tns, "title"));
  if (kind == 1) f->lang = feed_text(feed_child(chan, NULL, "language"));
  if (kind == 3) f->lang = feed_text(feed_child(chan, FEED_NS_DC, "language"));
  feed_valid(&f->outlet);
  feed_valid(&f->lang);
  f->lang = feed_lang(f->lang);
  /* RSS 2.0 items sit in the channel, RSS 1.0 items beside it. */
  xmlNode *holder = kind == 1 ? chan : root;
  for (xmlNode *c = holder ? holder->children : NULL; c; c = c->next) {
    if (kind == 2 ? feed_is(c, FEED_NS_ATOM, "entry")
                  : feed_is(c, FEED_NS_RSS, "item"))
      feed_add_item(f, &cap, doc, c, kind == 2);
  }
  return f;
}

wt_feed *wt_feed_parse(const char *buf, size_t n, char *err, size_t errlen) {
  if (errlen) err[0] = '\0';
  if (n > WT_INGEST_MAX_FILE) {
    snprintf(err, errlen, "feed too large (%zu bytes; limit %zu)", n,
             WT_INGEST_MAX_FILE);
    return NULL;
  }
  pthread_once(&feed_once, feed_init);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) abort();
  feed_errs fe = {err, errlen, 0};
  feed_cur = &fe;
  xmlStructuredErrorFunc old_s = xmlStructuredError;
  void *old_sctx = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_g = xmlGenericError;
  void *old_gctx = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(NULL, feed_on_error);
  xmlSetGenericErrorFunc(NULL, feed_on_generic);
  ctxt->sax->serror = feed_on_error;
  xmlDoc *doc = xmlCtxtReadMemory(
      ctxt, buf, (int)n, NULL, NULL,
      XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
          XML_PARSE_NOWARNING);
  if (!ctxt->wellFormed && !fe.count)
    snprintf(err, errlen, "malformed feed");
  feed_cur = NULL; /* serializing items below may complain: stay silent */
  xmlFreeParserCtxt(ctxt);
  wt_feed *f = feed_from_doc(doc, err, errlen);
  xmlFreeDoc(doc);
  xmlSetStructuredErrorFunc(old_sctx, old_s);
  xmlSetGenericErrorFunc(old_gctx, old_g);
  return f;
}

void wt_feed_free(wt_feed *f) {
  if (!f) return;
  for (size_t i = 0; i < f->n_items; i++) {
    wt_feed_item *it = &f->items[i];
    free(it->ext_id);
    free(it->url);
    free(it->title);
    free(it->published);
    free(it->lang);
    free(it->content);
    free(it->raw);
  }
  free(f->items);
  free(f->outlet);
  free(f->lang);
  free(f);
}
