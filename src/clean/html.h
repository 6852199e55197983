/*
 * html.h - the one place the clean stage meets an HTML parser.  The page
 * is parsed into a tree the way browsers build it (HTML5 tree
 * construction: implied tags, misnested tags repaired, character
 * references decoded) and walked depth-first, in document order, through
 * three callbacks.  Replacing the parser means re-implementing this file's
 * single function.
 */
#ifndef WT_HTML_H
#define WT_HTML_H

#include <stddef.h>

typedef struct wt_html_attr {
  const char *key, *value; /* NUL-terminated, valid during the callback */
  size_t value_len;
} wt_html_attr;

typedef struct wt_html_visitor {
  void *ud;
  /* An element opens (tag lower case).  Return 1 to skip its subtree (the
   * matching close is still called), 0 to descend. */
  int (*open)(void *ud, const char *tag, const wt_html_attr *attrs,
              size_t n_attrs);
  /* Text inside the current element (entities decoded, UTF-8). */
  void (*text)(void *ud, const char *s, size_t n);
  void (*close)(void *ud, const char *tag);
} wt_html_visitor;

/* Parse html[0..n) (UTF-8) and walk it.  At most 64 attributes per element
 * are passed.  Returns 0, or -1 with err set when the parser fails. */
int wt_html_walk(const char *html, size_t n, const wt_html_visitor *v,
                 char *err, size_t errlen);

#endif
