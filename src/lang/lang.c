/*
 * lang.c - the language stage: loads the resources (stop words, the
 * Indonesian root dictionary, the English Snowball stemmer, the language
 * identifier, the tokenizer tables) and runs identification, tokenizing,
 * stop-word flags, stemming and sentence splitting over a doc.
 *
 * Stems are memoised per wt_lang_res in a bounded map (cleared when it
 * holds WT_LANG_MEMO_MAX words), which is why a wt_lang_res must be used
 * by one thread at a time.  Stems handed to a doc are copied into its
 * arena, so a doc never points into the resources.
 */
#include "lang_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WT_LANG_MEMO_MAX (1u << 20)
#define WT_LANG_DEFAULT_DICT "/usr/share/hunspell/id_ID.dic"
/* paragraphs shorter than this take the article's language */
#define WT_LANG_PARA_MIN 60

struct wt_lang_res {
  wt_lmap stop_id, stop_en, stop_ms;
  wt_stem_id *stem_id;
  wt_stem_en *stem_en;
  wt_langid *langid;
  wt_lmap memo_id, memo_en; /* word -> stem; mutable behind const */
};

wt_lang_res *wt_lang_load_dict(const char *dict_path, char *err,
                               size_t errlen) {
  wt_lang_res *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  wt_lmap_init(&r->stop_id);
  wt_lmap_init(&r->stop_en);
  wt_lmap_init(&r->stop_ms);
  wt_lmap_init(&r->memo_id);
  wt_lmap_init(&r->memo_en);
  if (!dict_path) dict_path = getenv("WARTA_ID_DICT");
  if (!dict_path || !*dict_path) dict_path = WT_LANG_DEFAULT_DICT;
  if (wt_tok_data_init(err, errlen) != 0 ||
      wt_lmap_load_words(&r->stop_id, "lang/stopwords-id.txt", err, errlen) ||
      wt_lmap_load_words(&r->stop_en, "lang/stopwords-en.txt", err, errlen) ||
      wt_lmap_load_words(&r->stop_ms, "lang/stopwords-ms.txt", err, errlen) ||
      !(r->stem_id = wt_stem_id_new_file(dict_path, err, errlen)) ||
      !(r->langid = wt_langid_new(err, errlen))) {
    wt_lang_free(r);
    return NULL;
  }
  if (!(r->stem_en = wt_stem_en_new())) {
    snprintf(err, errlen, "libstemmer: no English stemmer");
    wt_lang_free(r);
    return NULL;
  }
  return r;
}

wt_lang_res *wt_lang_load(char *err, size_t errlen) {
  return wt_lang_load_dict(NULL, err, errlen);
}

void wt_lang_free(wt_lang_res *r) {
  if (!r) return;
  wt_lmap_free(&r->stop_id);
  wt_lmap_free(&r->stop_en);
  wt_lmap_free(&r->stop_ms);
  wt_lmap_free(&r->memo_id);
  wt_lmap_free(&r->memo_en);
  wt_stem_id_free(r->stem_id);
  wt_stem_en_free(r->stem_en);
  wt_langid_free(r->langid);
  free(r);
}

const char *wt_lang_identify(const wt_lang_res *r, const char *s, size_t n,
                             float *conf) {
  return wt_langid_guess(r->langid, s, n, conf);
}

int wt_is_stopword(const wt_lang_res *r, const char *lang, const char *w,
                   size_t n) {
  if (!lang) return 0;
  if (strcmp(lang, "id") == 0) return wt_lmap_get(&r->stop_id, w, n) != NULL;
  if (strcmp(lang, "en") == 0) return wt_lmap_get(&r->stop_en, w, n) != NULL;
  if (strcmp(lang, "ms") == 0)
    return wt_lmap_get(&r->stop_ms, w, n) || wt_lmap_get(&r->stop_id, w, n);
  return 0;
}

size_t wt_stem_word(const wt_lang_res *rc, const char *lang, const char *w,
                    size_t n, char *out, size_t outlen) {
  wt_lang_res *r = (wt_lang_res *)rc; /* the memo is the only mutable part */
  int id = lang && (strcmp(lang, "id") == 0 || strcmp(lang, "ms") == 0);
  int en = lang && strcmp(lang, "en") == 0;
  if ((!id && !en) || n == 0 || n > 255 || outlen == 0) {
    size_t k = n < outlen ? n : (outlen ? outlen - 1 : 0);
    if (outlen) {
      memmove(out, w, k);
      out[k] = '\0';
    }
    return k;
  }
  wt_lmap *memo = id ? &r->memo_id : &r->memo_en;
  const wt_lmap_ent *e = wt_lmap_get(memo, w, n);
  if (e && (size_t)e->vlen + 1 <= outlen) {
    memcpy(out, wt_lmap_val(memo, e), e->vlen);
    out[e->vlen] = '\0';
    return e->vlen;
  }
  char buf[256];
  size_t l = id ? wt_stem_id_word(r->stem_id, w, n, buf, sizeof buf)
                : wt_stem_en_word(r->stem_en, w, n, buf, sizeof buf);
  if (memo->n >= WT_LANG_MEMO_MAX) wt_lmap_clear(memo);
  wt_lmap_put(memo, w, n, buf, l, 0);
  if (l + 1 > outlen) l = outlen - 1;
  memcpy(out, buf, l);
  out[l] = '\0';
  return l;
}

/* "id", "en" or "ms" for a language hint ("id-ID", "in", "en_US",
 * "zsm"), else NULL. */
static const char *lang_from_hint(const char *h) {
  if (!h || !h[0] || !h[1]) return NULL;
  char a = (char)(h[0] | 32), b = (char)(h[1] | 32);
  int end = h[2] == '\0' || h[2] == '-' || h[2] == '_';
  if (a == 'i' && (b == 'd' || b == 'n') && end) return "id";
  if (a == 'e' && b == 'n' && end) return "en";
  if (a == 'm' && b == 's' && end) return "ms";
  if (strcmp(h, "zsm") == 0 || strcmp(h, "msa") == 0 || strcmp(h, "may") == 0)
    return "ms";
  if (strcmp(h, "ind") == 0) return "id";
  if (strcmp(h, "eng") == 0) return "en";
  return NULL;
}

static void lang_set(char dst[4], const char *l) {
  size_t k = 0;
  for (; l && l[k] && k < 3; k++) dst[k] = l[k];
  dst[k] = '\0';
}

/* doc->paras from blank lines when the cleaner left none. */
static int lang_make_paras(wt_doc *d) {
  size_t i = 0, n = d->body_len;
  while (i < n) {
    while (i < n && (d->body[i] == '\n' || d->body[i] == ' ' ||
                     d->body[i] == '\t' || d->body[i] == '\r'))
      i++;
    if (i >= n) break;
    size_t e = i;
    while (e < n && !(d->body[e] == '\n' && e + 1 < n && d->body[e + 1] == '\n'))
      e++;
    size_t t = e;
    while (t > i && (d->body[t - 1] == ' ' || d->body[t - 1] == '\r' ||
                     d->body[t - 1] == '\n'))
      t--;
    wt_para *p = WT_VEC_PUSH(d->arena, &d->paras);
    if (!p) return -1;
    p->span.start = (uint32_t)i;
    p->span.end = (uint32_t)t;
    p->kind = WT_PARA_TEXT;
    i = e;
  }
  return 0;
}

int wt_lang_run(const wt_lang_res *r, wt_doc *d) {
  if (!d->body) return 0;
  if (d->body_len > UINT32_MAX - 1) return -1;
  if (d->paras.n == 0 && lang_make_paras(d) != 0) return -1;

  /* article language: preset, input hint, metadata, else identified */
  if (!d->lang[0]) {
    const char *h = d->in ? lang_from_hint(d->in->lang) : NULL;
    if (!h) h = lang_from_hint(d->language.value);
    if (h) {
      lang_set(d->lang, h);
      d->lang_conf = 1.0f;
    } else {
      float c = 0;
      lang_set(d->lang, wt_lang_identify(r, d->body, d->body_len, &c));
      d->lang_conf = c;
    }
  }
  for (size_t k = 0; k < d->paras.n; k++) {
    wt_para *p = &d->paras.v[k];
    if (p->lang[0]) continue;
    const char *l = "";
    if (p->span.end - p->span.start >= WT_LANG_PARA_MIN)
      l = wt_lang_identify(r, d->body + p->span.start,
                           p->span.end - p->span.start, NULL);
    lang_set(p->lang, l[0] ? l : d->lang);
  }

  wt_token_vec tv = {d->tokens.v, d->tokens.n, d->tokens.cap};
  int rc = wt_tokenize(d->body, d->body_len, d->arena, &tv);
  d->tokens.v = tv.v;
  d->tokens.n = tv.n;
  d->tokens.cap = tv.cap;
  if (rc != 0) return -1;

  const char *lang = d->lang[0] ? d->lang : NULL;
  char buf[256];
  for (size_t k = 0; k < d->tokens.n && lang; k++) {
    wt_token *t = &d->tokens.v[k];
    if (t->kind != WT_TOK_WORD) continue;
    size_t n = strlen(t->norm);
    if (wt_is_stopword(r, lang, t->norm, n)) t->flags |= WT_TOKF_STOP;
    if (t->flags & WT_TOKF_ABBREV) continue;
    size_t l = wt_stem_word(r, lang, t->norm, n, buf, sizeof buf);
    if (l != n || memcmp(buf, t->norm, n) != 0) {
      char *s = wt_arena_strndup(d->arena, buf, l);
      if (!s) return -1;
      t->stem = s;
    }
  }

  wt_sentence_vec sv = {d->sentences.v, d->sentences.n, d->sentences.cap};
  rc = wt_sentence_split(d->body, d->body_len, d->paras.v, d->paras.n,
                         d->tokens.v, d->tokens.n, d->arena, &sv);
  d->sentences.v = sv.v;
  d->sentences.n = sv.n;
  d->sentences.cap = sv.cap;
  return rc;
}
