/*
 * meta.c - metadata values and where they came from: the first-come
 * setters every other clean file uses (callers offer values in order of
 * precedence: JSON Lines hints, then page markup, then page lines), ISO
 * 8601 times, JSON-LD, site suffixes in <title>, hosts of URLs.
 *
 * Invariants: values are trimmed, whitespace-collapsed copies in the doc's
 * arena, capped at META_MAX bytes (cut on a UTF-8 boundary); a field once
 * set is never overwritten; credits and credited sources are deduplicated
 * case-insensitively.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/calendar.h"
#include "clean_int.h"

#define META_MAX 400

/* Trimmed, collapsed copy of s[0..n) in the arena; NULL when empty. */
static char *meta_copy(wt_doc *d, const char *s, size_t n) {
  if (!s) return NULL;
  if (n > META_MAX) {
    n = META_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  char *out = wt_arena_alloc(d->arena, n + 1);
  if (!out) return NULL;
  size_t k = 0;
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
        (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
      if (c == 0xC2) i++;
      sp = 1;
      continue;
    }
    if (sp && k) out[k++] = ' ';
    sp = 0;
    out[k++] = (char)c;
  }
  out[k] = '\0';
  return k ? out : NULL;
}

int cl_meta_offer(wt_doc *d, wt_meta *m, const char *s, size_t n,
                  const char *source) {
  if (m->value) return 0;
  char *v = meta_copy(d, s, n);
  if (!v) return 0;
  m->value = v;
  m->source = source;
  return 1;
}

static int meta_num(const char *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 1;
}

/* ISO 8601 "YYYY-MM-DD[THH:MM[:SS[.f]]][Z|+HH:MM|+HHMM]". */
static void meta_iso(wt_datetime *t, const char *s) {
  int y, mo, da, h, mi;
  if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' || !meta_num(s, 4, &y) ||
      !meta_num(s + 5, 2, &mo) || !meta_num(s + 8, 2, &da) || mo < 1 ||
      mo > 12 || da < 1 || da > wt_days_in_month(y, mo))
    return;
  t->day = wt_days_from_civil(y, mo, da);
  const char *p = s + 10;
  if ((*p != 'T' && *p != ' ') || !meta_num(p + 1, 2, &h) || p[3] != ':' ||
      !meta_num(p + 4, 2, &mi) || h > 23 || mi > 59)
    return;
  t->minute = (int16_t)(h * 60 + mi);
  p += 6;
  if (*p == ':') {
    p++;
    while (*p >= '0' && *p <= '9') p++;
    if (*p == '.' || *p == ',') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
  }
  int th, tm = 0;
  if (*p == 'Z') {
    t->tz_minutes = 0;
  } else if ((*p == '+' || *p == '-') && meta_num(p + 1, 2, &th)) {
    if (p[3] == ':') meta_num(p + 4, 2, &tm);
    else meta_num(p + 3, 2, &tm);
    if (th <= 14 && tm < 60)
      t->tz_minutes = (int16_t)((*p == '-' ? -1 : 1) * (th * 60 + tm));
  }
}

void cl_time_offer(wt_doc *d, wt_datetime *t, const char *s, size_t n,
                   const char *source) {
  if (t->text) return;
  char *v = meta_copy(d, s, n);
  if (!v) return;
  t->text = v;
  t->source = source;
  meta_iso(t, v);
}

void cl_credit_add(wt_doc *d, const char *name, size_t n, const char *role) {
  char *v = meta_copy(d, name, n);
  if (!v || strlen(v) < 2) return;
  for (size_t i = 0; i < d->credits.n; i++)
    if (!strcasecmp(d->credits.v[i].name, v)) return;
  wt_credit *c = WT_VEC_PUSH(d->arena, &d->credits);
  if (!c) return;
  c->name = v;
  c->role = role;
}

void cl_credited_add(wt_doc *d, const char *name, size_t n,
                     const char *source) {
  char *v = meta_copy(d, name, n);
  if (!v) return;
  for (size_t i = 0; i < d->credited.n; i++)
    if (!strcasecmp(d->credited.v[i].value, v)) return;
  wt_meta *m = WT_VEC_PUSH(d->arena, &d->credited);
  if (!m) return;
  m->value = v;
  m->source = source;
}

/* ------------------------------------------------------------ JSON-LD */

static const char *meta_jstr(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_object(v)) {
    json_t *nm = json_object_get(v, "name");
    if (json_is_string(nm)) return json_string_value(nm);
  }
  if (json_is_array(v) && json_array_size(v)) {
    json_t *e = json_array_get(v, 0);
    if (json_is_string(e)) return json_string_value(e);
  }
  return NULL;
}

static int meta_is_article(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  const char *s = json_is_string(t) ? json_string_value(t) : NULL;
  if (json_is_array(t) && json_array_size(t) &&
      json_is_string(json_array_get(t, 0)))
    s = json_string_value(json_array_get(t, 0));
  return s && (strstr(s, "Article") || strstr(s, "BlogPosting") ||
               strstr(s, "Report") || strstr(s, "WebPage"));
}

static void meta_ld_authors(wt_doc *d, json_t *a) {
  if (json_is_string(a)) {
    cl_credit_add(d, json_string_value(a), json_string_length(a), "author");
  } else if (json_is_object(a)) {
    const char *nm = meta_jstr(a, "name");
    if (nm) cl_credit_add(d, nm, strlen(nm), "author");
  } else if (json_is_array(a)) {
    size_t i;
    json_t *e;
    json_array_foreach(a, i, e) {
      if (i >= 16) break;
      meta_ld_authors(d, e);
    }
  }
}

static void meta_ld_node(wt_doc *d, json_t *o, int depth) {
  if (depth > 4) return;
  if (json_is_array(o)) {
    size_t i;
    json_t *e;
    json_array_foreach(o, i, e) {
      if (i >= 64) break;
      meta_ld_node(d, e, depth + 1);
    }
    return;
  }
  if (!json_is_object(o)) return;
  json_t *g = json_object_get(o, "@graph");
  if (g) meta_ld_node(d, g, depth + 1);
  if (!meta_is_article(o)) return;
  int page = !json_object_get(o, "headline");
  const char *v;
  if (!page && (v = meta_jstr(o, "headline")))
    cl_meta_offer(d, &d->title, v, strlen(v), "json-ld");
  if ((v = meta_jstr(o, "datePublished")))
    cl_time_offer(d, &d->published, v, strlen(v), "json-ld");
  if ((v = meta_jstr(o, "dateModified")))
    cl_time_offer(d, &d->modified, v, strlen(v), "json-ld");
  if (page) return;
  json_t *pub = json_object_get(o, "publisher");
  if (json_is_object(pub) && (v = meta_jstr(pub, "name")))
    cl_meta_offer(d, &d->outlet, v, strlen(v), "json-ld");
  meta_ld_authors(d, json_object_get(o, "author"));
}

void cl_meta_jsonld(wt_doc *d, const char *s, size_t n) {
  json_error_t je;
  json_t *root = json_loadb(s, n, 0, &je);
  if (!root) return;
  meta_ld_node(d, root, 0);
  json_decref(root);
}

/* ------------------------------------------------------------- titles */

const char *cl_meta_strip_site(wt_doc *d, const char *title,
                               const char *site) {
  static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ",
                                     " · ", " » "};
  size_t n = strlen(title);
  for (int round = 0; round < 2; round++) {
    const char *cut = NULL;
    size_t sl = 0;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
      const char *q = title, *last = NULL;
      size_t kl = strlen(seps[k]);
      /* a separator wholly inside the part kept so far (two may share a
       * space: "a » » b") */
      while ((q = strstr(q, seps[k])) != NULL && q + kl <= title + n) {
        last = q;
        q++;
      }
      if (last && (!cut || last > cut)) cut = last, sl = kl;
    }
    if (!cut) break;
    const char *tail = cut + sl;
    size_t tn = (size_t)(title + n - tail), words = 1;
    for (size_t i = 0; i < tn; i++)
      if (tail[i] == ' ') words++;
    int is_site = site && strlen(site) == tn && !strncasecmp(site, tail, tn);
    if (!is_site && words > 4) break;
    if (cut == title) break;
    n = (size_t)(cut - title);
  }
  return meta_copy(d, title, n);
}

const char *cl_meta_host(wt_doc *d, const char *url) {
  const char *p = strstr(url, "://");
  if (!p) return NULL;
  p += 3;
  if (!strncasecmp(p, "www.", 4)) p += 4;
  size_t n = strcspn(p, "/:?#");
  return n ? meta_copy(d, p, n) : NULL;
}
