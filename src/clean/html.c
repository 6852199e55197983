/*
 * html.c - wt_html_walk() over MyHTML (libmodest): parse into an HTML5
 * tree, then an iterative depth-first walk (no recursion, so a page nested
 * ten thousand levels deep cannot exhaust the stack).
 *
 * Invariants: every open() is matched by one close(), in nesting order;
 * the parser objects live only for the call.
 */
#include "html.h"

#include <myhtml/api.h>
#include <stdio.h>

#define HTML_MAX_ATTRS 64

static int html_is_element(myhtml_tag_id_t id) {
  return id != MyHTML_TAG__TEXT && id != MyHTML_TAG__COMMENT &&
         id != MyHTML_TAG__DOCTYPE && id != MyHTML_TAG__UNDEF &&
         id != MyHTML_TAG__END_OF_FILE;
}

/* Open one element: 1 when the visitor asked to skip its children. */
static int html_open(myhtml_tree_t *tree, myhtml_tree_node_t *node,
                     const wt_html_visitor *v) {
  wt_html_attr attrs[HTML_MAX_ATTRS];
  size_t na = 0, kl, vl;
  for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(node);
       a && na < HTML_MAX_ATTRS; a = myhtml_attribute_next(a)) {
    const char *k = myhtml_attribute_key(a, &kl);
    const char *val = myhtml_attribute_value(a, &vl);
    if (!k) continue;
    attrs[na].key = k;
    attrs[na].value = val ? val : "";
    attrs[na].value_len = val ? vl : 0;
    na++;
  }
  const char *name =
      myhtml_tag_name_by_id(tree, myhtml_node_tag_id(node), &kl);
  return v->open(v->ud, name ? name : "", attrs, na);
}

static void html_close(myhtml_tree_t *tree, myhtml_tree_node_t *node,
                       const wt_html_visitor *v) {
  size_t kl;
  const char *name =
      myhtml_tag_name_by_id(tree, myhtml_node_tag_id(node), &kl);
  v->close(v->ud, name ? name : "");
}

int wt_html_walk(const char *html, size_t n, const wt_html_visitor *v,
                 char *err, size_t errlen) {
  myhtml_t *mh = myhtml_create();
  if (!mh || myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) !=
                 MyHTML_STATUS_OK) {
    snprintf(err, errlen, "HTML parser failed to start");
    if (mh) myhtml_destroy(mh);
    return -1;
  }
  myhtml_tree_t *tree = myhtml_tree_create();
  if (!tree || myhtml_tree_init(tree, mh) != MyHTML_STATUS_OK ||
      myhtml_parse(tree, MyENCODING_UTF_8, html, n) != MyHTML_STATUS_OK) {
    snprintf(err, errlen, "HTML parser failed");
    if (tree) myhtml_tree_destroy(tree);
    myhtml_destroy(mh);
    return -1;
  }
  myhtml_tree_node_t *root = myhtml_tree_get_document(tree);
  myhtml_tree_node_t *node = root ? myhtml_node_child(root) : NULL;
  while (node) {
    myhtml_tag_id_t id = myhtml_node_tag_id(node);
    int descend = 0;
    if (id == MyHTML_TAG__TEXT) {
      size_t tl = 0;
      const char *t = myhtml_node_text(node, &tl);
      if (t && tl) v->text(v->ud, t, tl);
    } else if (html_is_element(id)) {
      descend = !html_open(tree, node, v) && myhtml_node_child(node);
      if (!descend) html_close(tree, node, v);
    }
    if (descend) {
      node = myhtml_node_child(node);
      continue;
    }
    /* climb until a next sibling exists, closing what we leave */
    while (node && !myhtml_node_next(node)) {
      node = myhtml_node_parent(node);
      if (!node || node == root) {
        node = NULL;
        break;
      }
      html_close(tree, node, v);
    }
    if (node) node = myhtml_node_next(node);
  }
  myhtml_tree_destroy(tree);
  myhtml_destroy(mh);
  return 0;
}
