/*
 * clean.c - the clean stage's driver: input hints first, then the page
 * (HTML through the DOM walk, text split into lines), then the block
 * classifier over either, then the body and chrome lists.
 *
 * Invariants: doc->body is the kept blocks joined by "\n\n", NUL-
 * terminated, and doc->paras has one span per kept block, in order;
 * every block not kept is listed in doc->chrome with its reason.  Metadata
 * precedence: JSON Lines hints, page markup, page lines, URL host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ingest/ingest.h"
#include "clean_int.h"

wt_clean_res *wt_clean_load(char *err, size_t errlen) {
  wt_clean_res *r = calloc(1, sizeof *r);
  if (!r) abort();
  if (cl_res_load(r, err, errlen) != 0) {
    wt_clean_free(r);
    return NULL;
  }
  return r;
}

void wt_clean_free(wt_clean_res *r) {
  if (!r) return;
  cl_res_free(r);
  free(r);
}

static void clean_hints(wt_doc *d, const wt_input *in) {
  if (in->title) cl_meta_offer(d, &d->title, in->title, strlen(in->title), "jsonl");
  if (in->outlet)
    cl_meta_offer(d, &d->outlet, in->outlet, strlen(in->outlet), "jsonl");
  if (in->url) cl_meta_offer(d, &d->url, in->url, strlen(in->url), "jsonl");
  if (in->lang)
    cl_meta_offer(d, &d->language, in->lang, strlen(in->lang), "jsonl");
  if (in->published)
    cl_time_offer(d, &d->published, in->published, strlen(in->published),
                  "jsonl");
  if (in->crawled)
    cl_time_offer(d, &d->crawled, in->crawled, strlen(in->crawled), "jsonl");
}

/* Below this many bytes of kept text an HTML page is walked again. */
#define CLEAN_RETRY_BELOW 400

/* Bytes of text the classifier kept. */
static size_t clean_kept(const cl_page *p) {
  size_t k = 0;
  for (size_t i = 0; i < p->blocks.n; i++)
    if (p->blocks.v[i].cls == CL_BODY || p->blocks.v[i].cls == CL_HEAD)
      k += p->blocks.v[i].len;
  return k;
}

/* Join the kept blocks into doc->body; list the others as chrome. */
static int clean_assemble(cl_page *p) {
  wt_doc *d = p->doc;
  size_t total = 1;
  for (size_t i = 0; i < p->blocks.n; i++) total += p->blocks.v[i].len + 2;
  char *body = wt_arena_alloc(d->arena, total);
  if (!body) return -1;
  size_t k = 0;
  for (size_t i = 0; i < p->blocks.n; i++) {
    cl_block *b = &p->blocks.v[i];
    if (b->cls == CL_CHROME || b->cls == CL_NONE || !b->len) {
      wt_chrome *c = WT_VEC_PUSH(d->arena, &d->chrome);
      if (c) {
        c->text = b->text;
        c->reason = b->reason ? b->reason : "chrome";
      }
      continue;
    }
    if (k) {
      body[k++] = '\n';
      body[k++] = '\n';
    }
    wt_para *para = WT_VEC_PUSH(d->arena, &d->paras);
    if (!para) return -1;
    para->span.start = (uint32_t)k;
    memcpy(body + k, b->text, b->len);
    k += b->len;
    para->span.end = (uint32_t)k;
    para->kind = b->cls == CL_HEAD ? WT_PARA_HEADING
                 : b->kind == WT_PARA_HEADING ? WT_PARA_TEXT
                                              : b->kind;
  }
  body[k] = '\0';
  d->body = body;
  d->body_len = k;
  return 0;
}

int wt_clean_run(const wt_clean_res *r, wt_doc *doc, char *err,
                 size_t errlen) {
  const wt_input *in = doc->in;
  if (!in || !in->content) {
    snprintf(err, errlen, "no input");
    return -1;
  }
  if (!doc->origin) doc->origin = in->origin;
  if (!doc->ext_id) doc->ext_id = in->ext_id ? in->ext_id : in->origin;
  clean_hints(doc, in);
  wt_format fmt = in->format == WT_FMT_AUTO
                      ? wt_ingest_sniff(in->content, in->content_len)
                      : in->format;
  cl_page p = {.doc = doc, .res = r, .html = fmt == WT_FMT_HTML};
  if (p.html) {
    if (cl_dom_extract(&p, in->content, in->content_len, err, errlen) != 0)
      return -1;
  } else {
    cl_text_split(&p, in->content, in->content_len);
  }
  size_t n0 = doc->chrome.n;
  cl_text_classify(&p);
  if (p.html && clean_kept(&p) < CLEAN_RETRY_BELOW) {
    /* Too little text: the article may sit inside an element whose
     * class says chrome ("Page-ad-margins", "penci_sidebar").  Walk the
     * page again with drop words as mere score penalties; keep the
     * longer result. */
    size_t n1 = doc->chrome.n;
    cl_page q = {.doc = doc, .res = r, .html = 1, .relaxed = 1};
    if (cl_dom_extract(&q, in->content, in->content_len, err, errlen) == 0) {
      cl_text_classify(&q);
      size_t n2 = doc->chrome.n;
      if (clean_kept(&q) > clean_kept(&p)) {
        p = q; /* the first walk's chrome (a dateline) goes */
        if (n2 > n1) /* chrome.v may still be NULL when empty */
          memmove(doc->chrome.v + n0, doc->chrome.v + n1,
                  (n2 - n1) * sizeof *doc->chrome.v);
        doc->chrome.n = n0 + (n2 - n1);
      } else {
        doc->chrome.n = n1;
      }
    }
  }
  if (clean_assemble(&p) != 0) {
    snprintf(err, errlen, "page too large to clean");
    return -1;
  }
  const char *url = doc->canonical_url.value ? doc->canonical_url.value
                                             : doc->url.value;
  if (!doc->outlet.value && url) {
    const char *host = cl_meta_host(doc, url);
    if (host) cl_meta_offer(doc, &doc->outlet, host, strlen(host), "url-host");
  }
  if (!doc->body_len) {
    snprintf(err, errlen, "no article body found (%zu lines, all chrome)",
             p.blocks.n);
    return -1;
  }
  return 0;
}
