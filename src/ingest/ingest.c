/*
 * ingest.c - the input stream: paths and buffers in, wt_input records out.
 *
 * A stream holds a list of units (files found by walking the paths, or one
 * borrowed buffer).  Each unit is read whole (capped at WT_INGEST_MAX_FILE,
 * size checked before reading), screened (empty, binary, charset, UTF-8)
 * and classified: JSON Lines (one record per line), one JSON document (an
 * object, or an array of objects), an RSS or Atom feed (one record per
 * item, origin "path#N", see feed.c), HTML or page text.
 *
 * Invariants: a failure concerns exactly one unit or one JSON line and the
 * stream always moves on; every string handed out in a wt_input stays
 * valid until the next wt_ingest_next() or wt_ingest_close(); content is
 * valid UTF-8 (JSON strings are checked by jansson, files here).
 */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../core/util.h"
#include "feed.h"

enum { UNIT_FILE, UNIT_BUFFER, UNIT_ERROR };

typedef struct ingest_unit {
  char *path; /* owned */
  int kind;
  char *why; /* UNIT_ERROR: reason, owned */
} ingest_unit;

enum { MODE_NONE, MODE_JSONL, MODE_JSONDOC, MODE_FEED };

struct wt_ingest {
  ingest_unit *units;
  size_t n_units, cap_units, next_unit;
  const char *buf_name, *buf; /* buffer stream */
  size_t buf_len;

  /* the unit being read */
  char *data;        /* owned file bytes (or converted), NULL for buffers */
  const char *text;  /* bytes being read (data or buf) */
  size_t text_len;
  const char *unit_path;
  int64_t mtime;
  int mode;
  size_t pos;        /* JSON Lines: offset of the next line */
  long lineno;
  json_t *doc;       /* MODE_JSONDOC: the parsed document */
  size_t doc_index;
  wt_feed *feed;     /* MODE_FEED: the parsed feed */
  size_t feed_index;
  char feed_err[300]; /* MODE_FEED: the parse error still to report */

  /* the current record */
  json_t *rec;
  char *extra;       /* json_dumps result, owned */
  char origin[1100];
  char idbuf[32];
};

/* ------------------------------------------------------------ walking */

static void ingest_add(wt_ingest *g, const char *path, int kind,
                       const char *why) {
  if (g->n_units == g->cap_units) {
    g->cap_units = g->cap_units ? g->cap_units * 2 : 16;
    g->units = realloc(g->units, g->cap_units * sizeof *g->units);
    if (!g->units) abort();
  }
  ingest_unit *u = &g->units[g->n_units++];
  u->path = strdup(path);
  u->kind = kind;
  u->why = why ? strdup(why) : NULL;
  if (!u->path || (why && !u->why)) abort();
}

static int ingest_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a directory in sorted order, skipping hidden names; depth-capped so
 * a symlink loop cannot recurse forever. */
static void ingest_walk(wt_ingest *g, const char *dir, int depth) {
  if (depth > 32) {
    ingest_add(g, dir, UNIT_ERROR, "directory nesting too deep");
    return;
  }
  DIR *d = opendir(dir);
  if (!d) {
    char why[256];
    snprintf(why, sizeof why, "cannot open directory: %s", strerror(errno));
    ingest_add(g, dir, UNIT_ERROR, why);
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      names = realloc(names, cap * sizeof *names);
      if (!names) abort();
    }
    names[n] = strdup(e->d_name);
    if (!names[n]) abort();
    n++;
  }
  closedir(d);
  qsort(names, n, sizeof *names, ingest_name_cmp);
  for (size_t i = 0; i < n; i++) {
    size_t plen = strlen(dir) + strlen(names[i]) + 2;
    char *p = malloc(plen);
    if (!p) abort();
    snprintf(p, plen, "%s%s%s", dir,
             dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
      ingest_walk(g, p, depth + 1);
    else
      ingest_add(g, p, UNIT_FILE, NULL);
    free(p);
    free(names[i]);
  }
  free(names);
}

wt_ingest *wt_ingest_open_paths(const char *const *paths, size_t n) {
  wt_ingest *g = calloc(1, sizeof *g);
  if (!g) abort();
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
        S_ISDIR(st.st_mode))
      ingest_walk(g, paths[i], 0);
    else
      ingest_add(g, paths[i], UNIT_FILE, NULL);
  }
  return g;
}

wt_ingest *wt_ingest_open_buffer(const char *name, const char *buf, size_t n) {
  wt_ingest *g = calloc(1, sizeof *g);
  if (!g) abort();
  g->buf_name = name ? name : "-";
  g->buf = buf;
  g->buf_len = n;
  ingest_add(g, g->buf_name, UNIT_BUFFER, NULL);
  return g;
}

/* ------------------------------------------------------------ sniffing */

static const char *ingest_skip_space(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

wt_format wt_ingest_sniff(const char *buf, size_t n) {
  const char *p = buf, *end = buf + n;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  p = ingest_skip_space(p, end);
  size_t lim = (size_t)(end - p) < 65536 ? (size_t)(end - p) : 65536;
  static const char *const strong[] = {"<!doctype html", "<html", "<head",
                                       "<body", "<meta ", "<title"};
  /* A document that opens with markup and names a document-level tag. */
  if (lim && *p == '<') {
    size_t head = lim < 4096 ? lim : 4096;
    for (size_t i = 0; i + 5 < head; i++) {
      if (p[i] != '<') continue;
      for (size_t k = 0; k < sizeof strong / sizeof *strong; k++)
        if (strncasecmp(p + i, strong[k], strlen(strong[k])) == 0)
          return WT_FMT_HTML;
    }
  }
  /* Otherwise count block and inline tags: markup has many. */
  static const char *const tags[] = {"<p>", "<p ", "</p>", "<div", "</div>",
                                     "<br", "<a ", "</a>", "<span", "<li",
                                     "<h1", "<h2", "<h3", "<article",
                                     "<section", "<strong>", "<em>",
                                     "<table", "<img ", "<ul"};
  size_t count = 0;
  for (size_t i = 0; i + 3 < lim; i++) {
    if (p[i] != '<') continue;
    for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) {
      size_t tl = strlen(tags[k]);
      if (i + tl <= lim && strncasecmp(p + i, tags[k], tl) == 0) {
        count++;
        break;
      }
    }
  }
  if (count >= 8 || (count >= 3 && count * 300 >= lim)) return WT_FMT_HTML;
  return WT_FMT_TEXT;
}

/* The charset an HTML page declares in its first 4 KiB (meta charset or
 * http-equiv content), lower-cased into out; 0 when none. */
static int ingest_declared_charset(const char *s, size_t n, char *out,
                                   size_t outlen) {
  size_t lim = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 8 < lim; i++) {
    if (strncasecmp(s + i, "charset=", 8) != 0) continue;
    size_t j = i + 8, k = 0;
    while (j < lim && (s[j] == '"' || s[j] == '\'' || s[j] == ' ')) j++;
    while (j < lim && k + 1 < outlen &&
           (s[j] == '-' || s[j] == '_' || s[j] == ':' || s[j] == '.' ||
            (s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'z') ||
            (s[j] >= 'A' && s[j] <= 'Z'))) {
      char c = s[j++];
      out[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out[k] = '\0';
    if (k) return 1;
  }
  return 0;
}

/* Convert g->text from `charset` to UTF-8 into a new owned buffer.  Bytes
 * the charset does not define become U+FFFD.  0, or -1 with err set. */
static int ingest_convert(wt_ingest *g, const char *charset, char *err,
                          size_t errlen) {
  const char *from = charset;
  /* As browsers do: Latin-1 and ASCII labels mean Windows-1252. */
  if (!strcmp(charset, "iso-8859-1") || !strcmp(charset, "latin1") ||
      !strcmp(charset, "iso8859-1") || !strcmp(charset, "us-ascii") ||
      !strcmp(charset, "ascii") || !strcmp(charset, "windows-1252") ||
      !strcmp(charset, "cp1252"))
    from = "WINDOWS-1252";
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) {
    snprintf(err, errlen, "unsupported charset \"%s\"", charset);
    return -1;
  }
  size_t cap = g->text_len * 3 + 16;
  if (cap > WT_INGEST_MAX_FILE + 16) cap = WT_INGEST_MAX_FILE + 16;
  char *out = malloc(cap + 1);
  if (!out) abort();
  char *in = (char *)g->text, *op = out;
  size_t inleft = g->text_len, outleft = cap;
  while (inleft > 0) {
    if (iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1) break;
    if (errno == E2BIG) {
      snprintf(err, errlen, "page too large after charset conversion");
      iconv_close(cd);
      free(out);
      return -1;
    }
    if (outleft < 3) break;
    memcpy(op, "\xEF\xBF\xBD", 3); /* EILSEQ / EINVAL: replace one byte */
    op += 3;
    outleft -= 3;
    in++;
    inleft--;
  }
  iconv_close(cd);
  *op = '\0';
  free(g->data);
  g->data = out;
  g->text = out;
  g->text_len = (size_t)(op - out);
  return 0;
}

/* ------------------------------------------------------------ records */

static void ingest_drop_record(wt_ingest *g) {
  if (g->rec) json_decref(g->rec);
  g->rec = NULL;
  free(g->extra);
  g->extra = NULL;
}

static void ingest_end_unit(wt_ingest *g) {
  ingest_drop_record(g);
  if (g->doc) json_decref(g->doc);
  g->doc = NULL;
  wt_feed_free(g->feed);
  g->feed = NULL;
  g->feed_err[0] = '\0';
  free(g->data);
  g->data = NULL;
  g->text = NULL;
  g->text_len = 0;
  g->mode = MODE_NONE;
}

static const char *ingest_str(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) && json_string_length(v) ? json_string_value(v)
                                                    : NULL;
}

static int ingest_known_key(const char *k) {
  static const char *const keys[] = {"id", "url", "title", "text", "html",
                                     "published", "crawled", "outlet",
                                     "lang"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    if (!strcmp(k, keys[i])) return 1;
  return 0;
}

/* Fill *in from one JSON object (kept in g->rec).  0, or -1 with err. */
static int ingest_from_object(wt_ingest *g, json_t *o, wt_input *in,
                              char *err, size_t errlen) {
  if (!json_is_object(o)) {
    snprintf(err, errlen, "%s: not a JSON object", g->origin);
    return -1;
  }
  const char *html = ingest_str(o, "html"), *text = ingest_str(o, "text");
  if (!html && !text) {
    snprintf(err, errlen, "%s: no \"text\" or \"html\" field", g->origin);
    return -1;
  }
  memset(in, 0, sizeof *in);
  in->origin = g->origin;
  json_t *id = json_object_get(o, "id");
  if (json_is_string(id))
    in->ext_id = json_string_value(id);
  else if (json_is_integer(id)) {
    snprintf(g->idbuf, sizeof g->idbuf, "%lld",
             (long long)json_integer_value(id));
    in->ext_id = g->idbuf;
  }
  if (html) {
    in->format = WT_FMT_HTML;
    in->content = html;
    in->content_len = json_string_length(json_object_get(o, "html"));
  } else {
    in->content = text;
    in->content_len = json_string_length(json_object_get(o, "text"));
    in->format = wt_ingest_sniff(text, in->content_len);
  }
  if (memchr(in->content, '\0', in->content_len)) {
    snprintf(err, errlen, "%s: NUL character in content", g->origin);
    return -1;
  }
  in->url = ingest_str(o, "url");
  in->title = ingest_str(o, "title");
  in->outlet = ingest_str(o, "outlet");
  in->published = ingest_str(o, "published");
  in->crawled = ingest_str(o, "crawled");
  in->lang = ingest_str(o, "lang");
  json_t *extra = json_object();
  const char *k;
  json_t *v;
  json_object_foreach(o, k, v) {
    if (!ingest_known_key(k)) json_object_set(extra, k, v);
  }
  if (json_object_size(extra))
    g->extra = json_dumps(extra, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref(extra);
  in->extra_json = g->extra;
  in->file_mtime = g->mtime;
  return 0;
}

/* Load the next unit into g->text; -1 with err when it is unusable. */
static int ingest_load(wt_ingest *g, ingest_unit *u, char *err,
                       size_t errlen) {
  g->unit_path = u->path;
  g->mtime = 0;
  snprintf(g->origin, sizeof g->origin, "%s", u->path);
  if (u->kind == UNIT_ERROR) {
    snprintf(err, errlen, "%s", u->why);
    return -1;
  }
  if (u->kind == UNIT_BUFFER) {
    if (g->buf_len > WT_INGEST_MAX_FILE) {
      snprintf(err, errlen, "input too large (%zu bytes; limit %zu)",
               g->buf_len, WT_INGEST_MAX_FILE);
      return -1;
    }
    g->data = malloc(g->buf_len + 1); /* own a NUL-terminated copy */
    if (!g->data) abort();
    memcpy(g->data, g->buf, g->buf_len);
    g->data[g->buf_len] = '\0';
    g->text = g->data;
    g->text_len = g->buf_len;
  } else {
    struct stat st;
    if (strcmp(u->path, "-") != 0) {
      if (stat(u->path, &st) != 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
      }
      if (S_ISREG(st.st_mode) && (size_t)st.st_size > WT_INGEST_MAX_FILE) {
        snprintf(err, errlen, "file too large (%lld bytes; limit %zu)",
                 (long long)st.st_size, WT_INGEST_MAX_FILE);
        return -1;
      }
      g->mtime = (int64_t)st.st_mtime;
    }
    size_t n = 0;
    if (wt_read_file(u->path, WT_INGEST_MAX_FILE, &g->data, &n, err,
                     errlen) != 0)
      return -1;
    g->text = g->data;
    g->text_len = n;
  }
  if (g->text_len >= 3 && memcmp(g->text, "\xEF\xBB\xBF", 3) == 0) {
    g->text += 3;
    g->text_len -= 3;
  }
  if (ingest_skip_space(g->text, g->text + g->text_len) ==
      g->text + g->text_len) {
    snprintf(err, errlen, "empty input");
    return -1;
  }
  if (wt_looks_binary(g->text, g->text_len)) {
    snprintf(err, errlen, "binary data, not a page");
    return -1;
  }
  /* Feeds: libxml2 honours the XML declaration's encoding itself. */
  if (wt_feed_sniff(g->text, g->text_len)) {
    g->feed = wt_feed_parse(g->text, g->text_len, g->feed_err,
                            sizeof g->feed_err);
    if (!g->feed) {
      snprintf(err, errlen, "%s", g->feed_err);
      return -1;
    }
    if (!g->feed->n_items && !g->feed_err[0])
      snprintf(g->feed_err, sizeof g->feed_err, "feed has no items");
    g->feed_index = 0;
    g->mode = MODE_FEED;
    return 0;
  }
  char cs[64];
  long bad = wt_utf8_invalid_at(g->text, g->text_len);
  if (bad >= 0 && wt_ingest_sniff(g->text, g->text_len) == WT_FMT_HTML &&
      ingest_declared_charset(g->text, g->text_len, cs, sizeof cs) &&
      strcmp(cs, "utf-8") != 0 && strcmp(cs, "utf8") != 0) {
    if (ingest_convert(g, cs, err, errlen) != 0) return -1;
    bad = wt_utf8_invalid_at(g->text, g->text_len);
  }
  if (bad >= 0) {
    snprintf(err, errlen, "invalid UTF-8 at byte %ld", bad);
    return -1;
  }
  /* JSON: one object per line, or one document for the whole unit. */
  const char *p = ingest_skip_space(g->text, g->text + g->text_len);
  if (*p == '{' || *p == '[') {
    const char *nl = memchr(p, '\n', (size_t)(g->text + g->text_len - p));
    size_t first_len = nl ? (size_t)(nl - p) : (size_t)(g->text + g->text_len - p);
    json_error_t je;
    json_t *first = *p == '{' ? json_loadb(p, first_len, 0, &je) : NULL;
    if (json_is_object(first)) {
      json_decref(first);
      g->mode = MODE_JSONL;
      g->pos = 0;
      g->lineno = 0;
      return 0;
    }
    if (first) json_decref(first);
    json_t *whole = json_loadb(g->text, g->text_len, 0, &je);
    if (json_is_object(whole) || json_is_array(whole)) {
      g->doc = whole;
      g->doc_index = 0;
      g->mode = MODE_JSONDOC;
      return 0;
    }
    if (whole) json_decref(whole);
    if (*p == '{' && wt_ingest_sniff(g->text, g->text_len) == WT_FMT_TEXT &&
        (first_len < 2 || p[first_len - 1] == '}' ||
         p[first_len - 1] == ',')) {
      /* Looks like JSON Lines with a bad first line: read line by line. */
      g->mode = MODE_JSONL;
      g->pos = 0;
      g->lineno = 0;
      return 0;
    }
  }
  return 0;
}

/* Next JSON line of the current unit: 1, 0 at its end, -1 on a bad line. */
static int ingest_next_line(wt_ingest *g, wt_input *in, char *err,
                            size_t errlen) {
  while (g->pos < g->text_len) {
    const char *s = g->text + g->pos;
    const char *nl = memchr(s, '\n', g->text_len - g->pos);
    size_t len = nl ? (size_t)(nl - s) : g->text_len - g->pos;
    g->pos += len + (nl ? 1 : 0);
    g->lineno++;
    const char *q = ingest_skip_space(s, s + len);
    if (q == s + len) continue; /* blank line */
    snprintf(g->origin, sizeof g->origin, "%s:%ld", g->unit_path, g->lineno);
    json_error_t je;
    g->rec = json_loadb(s, len, 0, &je);
    if (!g->rec) {
      snprintf(err, errlen, "%s: malformed JSON: %s", g->origin, je.text);
      return -1;
    }
    if (ingest_from_object(g, g->rec, in, err, errlen) != 0) return -1;
    in->raw = s;
    in->raw_len = len;
    return 1;
  }
  return 0;
}

/* Next item of the current feed: 1, 0 at its end, -1 for the feed's parse
 * error (reported once, before its items) or an unusable item. */
static int ingest_next_item(wt_ingest *g, wt_input *in, char *err,
                            size_t errlen) {
  if (g->feed_err[0]) {
    snprintf(g->origin, sizeof g->origin, "%s", g->unit_path);
    snprintf(err, errlen, "%s", g->feed_err);
    g->feed_err[0] = '\0';
    return -1;
  }
  if (g->feed_index >= g->feed->n_items) return 0;
  const wt_feed_item *it = &g->feed->items[g->feed_index++];
  snprintf(g->origin, sizeof g->origin, "%s#%zu", g->unit_path,
           g->feed_index);
  if (it->fail) {
    snprintf(err, errlen, "%s: %s", g->origin, it->fail);
    return -1;
  }
  memset(in, 0, sizeof *in);
  in->origin = g->origin;
  in->ext_id = it->ext_id;
  in->format = it->format;
  in->content = it->content;
  in->content_len = it->content_len;
  in->raw = it->raw ? it->raw : it->content;
  in->raw_len = it->raw ? it->raw_len : it->content_len;
  in->url = it->url;
  in->title = it->title;
  in->outlet = g->feed->outlet;
  in->published = it->published;
  in->lang = it->lang;
  in->file_mtime = g->mtime;
  return 1;
}

int wt_ingest_next(wt_ingest *g, wt_input *in, const char **origin,
                   char *err, size_t errlen) {
  if (errlen) err[0] = '\0';
  ingest_drop_record(g);
  for (;;) {
    if (g->mode == MODE_JSONL) {
      int rc = ingest_next_line(g, in, err, errlen);
      if (origin) *origin = g->origin;
      if (rc != 0) return rc;
      ingest_end_unit(g);
      continue;
    }
    if (g->mode == MODE_JSONDOC) {
      json_t *o = json_is_array(g->doc) ? json_array_get(g->doc, g->doc_index)
                  : g->doc_index == 0   ? g->doc
                                        : NULL;
      if (!o) {
        ingest_end_unit(g);
        continue;
      }
      if (json_is_array(g->doc))
        snprintf(g->origin, sizeof g->origin, "%s:%zu", g->unit_path,
                 g->doc_index + 1);
      g->doc_index++;
      if (origin) *origin = g->origin;
      if (ingest_from_object(g, o, in, err, errlen) != 0) return -1;
      in->raw = g->text;
      in->raw_len = g->text_len;
      return 1;
    }
    if (g->mode == MODE_FEED) {
      int rc = ingest_next_item(g, in, err, errlen);
      if (origin) *origin = g->origin;
      if (rc != 0) return rc;
      ingest_end_unit(g);
      continue;
    }
    if (g->text) { /* an HTML or text unit already handed out */
      ingest_end_unit(g);
      continue;
    }
    if (g->next_unit >= g->n_units) return 0;
    ingest_unit *u = &g->units[g->next_unit++];
    if (ingest_load(g, u, err, errlen) != 0) {
      if (origin) *origin = g->origin;
      ingest_end_unit(g);
      return -1;
    }
    if (g->mode != MODE_NONE) continue;
    memset(in, 0, sizeof *in);
    in->origin = g->origin;
    in->format = wt_ingest_sniff(g->text, g->text_len);
    in->content = g->text;
    in->content_len = g->text_len;
    in->raw = g->text;
    in->raw_len = g->text_len;
    in->file_mtime = g->mtime;
    if (origin) *origin = g->origin;
    /* mark the unit as handed out: the next call ends it */
    g->mode = MODE_NONE;
    return 1;
  }
}

void wt_ingest_close(wt_ingest *g) {
  if (!g) return;
  ingest_end_unit(g);
  for (size_t i = 0; i < g->n_units; i++) {
    free(g->units[i].path);
    free(g->units[i].why);
  }
  free(g->units);
  free(g);
}
