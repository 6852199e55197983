/*
 * docjson.c - JSON views of a processed doc (docs/json.md is the contract).
 *
 * The writers stream straight into a wt_sb with no intermediate tree: a
 * doc can hold thousands of tokens and this runs once per stored article.
 * Every item that points into the body carries "start"/"end" byte offsets
 * into "body" and the covered "text".  Absent values are JSON null, never
 * omitted, so consumers can rely on the keys.
 */
#include "docjson.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static void key(wt_sb *b, const char *k) {
  if (b->len && b->s[b->len - 1] != '{' && b->s[b->len - 1] != '[')
    wt_sb_addc(b, ',');
  wt_sb_json_str(b, k, strlen(k));
  wt_sb_addc(b, ':');
}

static void comma(wt_sb *b) {
  if (b->len && b->s[b->len - 1] != '{' && b->s[b->len - 1] != '[')
    wt_sb_addc(b, ',');
}

static void str_or_null(wt_sb *b, const char *s) {
  if (s)
    wt_sb_json_str(b, s, strlen(s));
  else
    wt_sb_adds(b, "null");
}

static void kv_str(wt_sb *b, const char *k, const char *v) {
  key(b, k);
  str_or_null(b, v);
}

static void kv_int(wt_sb *b, const char *k, long long v) {
  key(b, k);
  wt_sb_printf(b, "%lld", v);
}

static void kv_int_or_null(wt_sb *b, const char *k, long long v, int present) {
  key(b, k);
  if (present)
    wt_sb_printf(b, "%lld", v);
  else
    wt_sb_adds(b, "null");
}

static void kv_num(wt_sb *b, const char *k, double v) {
  key(b, k);
  if (!isfinite(v))
    wt_sb_adds(b, "null");
  else if (v == floor(v) && fabs(v) < 1e17)
    wt_sb_printf(b, "%.0f", v);
  else
    wt_sb_printf(b, "%.10g", v);
}

static void kv_bool(wt_sb *b, const char *k, int v) {
  key(b, k);
  wt_sb_adds(b, v ? "true" : "false");
}

static void kv_day(wt_sb *b, const char *k, int32_t day) {
  key(b, k);
  if (day == WT_NO_DAY) {
    wt_sb_adds(b, "null");
    return;
  }
  char iso[11];
  wt_day_iso(day, iso);
  wt_sb_json_str(b, iso, 10);
}

/* "text", "start", "end" of a span of the body. */
static void span_fields(wt_sb *b, const wt_doc *d, wt_span s) {
  if (s.end > d->body_len || s.start > s.end) s.start = s.end = 0;
  key(b, "text");
  wt_sb_json_str(b, d->body + s.start, s.end - s.start);
  kv_int(b, "start", s.start);
  kv_int(b, "end", s.end);
}

/* ISO 8601 rendering of a stated time: date, date+time, with offset. */
static void kv_datetime(wt_sb *b, const char *k, const wt_datetime *t) {
  key(b, k);
  if (t->day == WT_NO_DAY) {
    wt_sb_adds(b, "null");
    return;
  }
  char iso[11];
  wt_day_iso(t->day, iso);
  if (t->minute < 0) {
    wt_sb_json_str(b, iso, 10);
    return;
  }
  char buf[40];
  int n = snprintf(buf, sizeof buf, "%sT%02d:%02d", iso, t->minute / 60,
                   t->minute % 60);
  if (t->tz_minutes != WT_NO_TZ) {
    int tz = t->tz_minutes < 0 ? -t->tz_minutes : t->tz_minutes;
    snprintf(buf + n, sizeof buf - (size_t)n, "%c%02d:%02d",
             t->tz_minutes < 0 ? '-' : '+', tz / 60, tz % 60);
  }
  wt_sb_json_str(b, buf, strlen(buf));
}

static const char *entity_id(const wt_doc *d, int32_t i) {
  return i >= 0 && (size_t)i < d->entities.n ? d->entities.v[i].id : NULL;
}

static const char *entity_name(const wt_doc *d, int32_t i) {
  return i >= 0 && (size_t)i < d->entities.n ? d->entities.v[i].name : NULL;
}

const char *wt_timex_type_name(wt_timex_type t) {
  switch (t) {
  case WT_TX_DATE: return "DATE";
  case WT_TX_TIME: return "TIME";
  case WT_TX_DURATION: return "DURATION";
  case WT_TX_SET: return "SET";
  }
  return "DATE";
}

const char *wt_fig_kind_name(wt_fig_kind k) {
  switch (k) {
  case WT_FIG_MONEY: return "money";
  case WT_FIG_PERCENT: return "percent";
  case WT_FIG_DURATION: return "duration";
  case WT_FIG_COUNT: return "count";
  }
  return "count";
}

const char *wt_ent_type_name(wt_ent_type t) {
  switch (t) {
  case WT_ENT_PERSON: return "person";
  case WT_ENT_ORG: return "org";
  case WT_ENT_PLACE: return "place";
  case WT_ENT_MISC: return "misc";
  }
  return "misc";
}

static const char *gran_name(wt_gran g) {
  static const char *n[] = {"none", "year", "half", "quarter", "month",
                            "week", "day", "part-of-day", "minute"};
  return (unsigned)g < sizeof n / sizeof *n ? n[g] : "none";
}

static const char *para_kind_name(uint8_t k) {
  switch (k) {
  case WT_PARA_HEADING: return "heading";
  case WT_PARA_LIST: return "list";
  case WT_PARA_QUOTE: return "quote";
  }
  return "text";
}

/* ------------------------------------------------------------ items */

static void timexes(wt_sb *b, const wt_doc *d) {
  key(b, "timexes");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *t = &d->timexes.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, t->span);
    kv_str(b, "type", wt_timex_type_name(t->type));
    kv_str(b, "value", t->value);
    kv_str(b, "granularity", gran_name(t->gran));
    kv_day(b, "day_from", t->day_lo);
    kv_day(b, "day_to", t->day_hi);
    kv_int_or_null(b, "minutes", t->minutes, t->minutes >= 0);
    kv_bool(b, "relative", t->relative);
    kv_bool(b, "approx", t->approx);
    kv_int(b, "tense", t->tense);
    kv_int(b, "sentence", t->sentence);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void figures(wt_sb *b, const wt_doc *d) {
  key(b, "figures");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->figures.n; i++) {
    const wt_figure *f = &d->figures.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, f->span);
    kv_str(b, "kind", wt_fig_kind_name(f->kind));
    kv_num(b, "value", f->value);
    kv_str(b, "unit", f->unit);
    kv_str(b, "period", f->period);
    kv_str(b, "baseline", f->baseline);
    key(b, "equiv_value");
    if (f->equiv_unit)
      wt_sb_printf(b, "%.10g", f->equiv_value);
    else
      wt_sb_adds(b, "null");
    kv_str(b, "equiv_unit", f->equiv_unit);
    kv_bool(b, "approx", f->approx);
    kv_int(b, "sentence", f->sentence);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void sentences(wt_sb *b, const wt_doc *d) {
  key(b, "sentences");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->sentences.n; i++) {
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, d->sentences.v[i].span);
    kv_int(b, "paragraph", d->sentences.v[i].para);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void entities(wt_sb *b, const wt_doc *d) {
  key(b, "entities");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->entities.n; i++) {
    const wt_entity *e = &d->entities.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    kv_int(b, "index", (long long)i);
    kv_str(b, "id", e->id);
    kv_str(b, "name", e->name);
    kv_str(b, "type", wt_ent_type_name(e->type));
    kv_bool(b, "gazetteer", (e->flags & WT_ENTF_GAZ) != 0);
    kv_bool(b, "agency", (e->flags & WT_ENTF_AGENCY) != 0);
    kv_str(b, "role", e->role);
    kv_int(b, "mentions", e->n_mentions);
    kv_int(b, "first", e->first);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
  key(b, "mentions");
  wt_sb_addc(b, '[');
  static const char *how[] = {"?", "gazetteer", "rule", "alias", "role"};
  for (size_t i = 0; i < d->mentions.n; i++) {
    const wt_mention *m = &d->mentions.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, m->span);
    kv_int(b, "entity", m->entity);
    kv_str(b, "id", entity_id(d, m->entity));
    kv_str(b, "how", m->how < 5 ? how[m->how] : "?");
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void quotes(wt_sb *b, const wt_doc *d) {
  key(b, "quotes");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->quotes.n; i++) {
    const wt_quote *q = &d->quotes.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, q->span);
    kv_str(b, "speaker", entity_id(d, q->speaker));
    kv_str(b, "speaker_name", entity_name(d, q->speaker));
    kv_int_or_null(b, "speaker_index", q->speaker, q->speaker >= 0);
    kv_str(b, "verb", q->verb);
    key(b, "cue");
    if (q->cue.end > q->cue.start) {
      wt_sb_addc(b, '{');
      span_fields(b, d, q->cue);
      wt_sb_addc(b, '}');
    } else {
      wt_sb_adds(b, "null");
    }
    kv_bool(b, "direct", q->direct);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void sources(wt_sb *b, const wt_doc *d) {
  key(b, "sources");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->sources.n; i++) {
    const wt_source *s = &d->sources.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    kv_str(b, "name", s->name);
    kv_str(b, "entity", entity_id(d, s->entity));
    kv_str(b, "entity_name", entity_name(d, s->entity));
    kv_str(b, "cue", s->cue);
    if (s->span.end > s->span.start) {
      span_fields(b, d, s->span);
    } else {
      kv_str(b, "text", NULL);
      kv_str(b, "start", NULL);
      kv_str(b, "end", NULL);
    }
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void frame(wt_sb *b, const wt_doc *d, const wt_frame *f) {
  wt_sb_addc(b, '{');
  kv_str(b, "type", f->type);
  key(b, "trigger");
  if (f->trigger.end > f->trigger.start) {
    wt_sb_addc(b, '{');
    span_fields(b, d, f->trigger);
    wt_sb_addc(b, '}');
  } else {
    wt_sb_adds(b, "null");
  }
  key(b, "participants");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < f->n_participants; i++) {
    comma(b);
    wt_sb_addc(b, '{');
    kv_str(b, "id", entity_id(d, f->participants[i]));
    kv_str(b, "name", entity_name(d, f->participants[i]));
    kv_int(b, "entity", f->participants[i]);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
  key(b, "places");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < f->n_places; i++) {
    const wt_place_of *p = &f->places[i];
    comma(b);
    wt_sb_addc(b, '{');
    kv_str(b, "participant", entity_id(d, p->participant));
    kv_str(b, "participant_name", entity_name(d, p->participant));
    kv_str(b, "place", entity_id(d, p->place));
    kv_str(b, "place_name", entity_name(d, p->place));
    kv_str(b, "text", p->text);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
  kv_day(b, "date", f->day);
  kv_str(b, "date_value", f->date_value);
  kv_str(b, "date_how", f->date_how);
  kv_day(b, "date_window_from", f->day_min);
  kv_day(b, "date_window_to", f->day_max);
  kv_num(b, "date_conf", (double)((int)(f->date_conf * 100 + 0.5)) / 100.0);
  kv_int_or_null(b, "timex", f->timex, f->timex >= 0);
  kv_int_or_null(b, "duration_minutes", f->duration_minutes,
                 f->duration_minutes >= 0);
  kv_int(b, "tense", f->tense);
  key(b, "evidence");
  if (f->evidence.end > f->evidence.start) {
    wt_sb_addc(b, '{');
    span_fields(b, d, f->evidence);
    wt_sb_addc(b, '}');
  } else {
    wt_sb_adds(b, "null");
  }
  kv_str(b, "summary", f->summary);
  wt_sb_addc(b, '}');
}

static void credits(wt_sb *b, const wt_doc *d) {
  key(b, "authors");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->credits.n; i++) {
    comma(b);
    wt_sb_addc(b, '{');
    kv_str(b, "name", d->credits.v[i].name);
    kv_str(b, "role", d->credits.v[i].role);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

static void meta_fields(wt_sb *b, const wt_doc *d) {
  kv_str(b, "url", d->url.value);
  kv_str(b, "canonical_url", d->canonical_url.value);
  kv_str(b, "title", d->title.value);
  kv_str(b, "outlet", d->outlet.value);
  credits(b, d);
  kv_str(b, "dateline", d->dateline.value);
  kv_datetime(b, "published", &d->published);
  kv_str(b, "published_text", d->published.text);
  kv_bool(b, "published_relative", d->published.relative);
  kv_datetime(b, "modified", &d->modified);
  kv_datetime(b, "crawled", &d->crawled);
  kv_str(b, "language", d->lang[0] ? d->lang : NULL);
  key(b, "metadata_sources");
  wt_sb_addc(b, '{');
  kv_str(b, "title", d->title.source);
  kv_str(b, "outlet", d->outlet.source);
  kv_str(b, "dateline", d->dateline.source);
  kv_str(b, "published", d->published.source);
  kv_str(b, "canonical_url", d->canonical_url.source);
  wt_sb_addc(b, '}');
  key(b, "credited");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->credited.n; i++) {
    comma(b);
    str_or_null(b, d->credited.v[i].value);
  }
  wt_sb_addc(b, ']');
}

static void paragraphs(wt_sb *b, const wt_doc *d) {
  key(b, "paragraphs");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->paras.n; i++) {
    const wt_para *p = &d->paras.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    kv_int(b, "start", p->span.start);
    kv_int(b, "end", p->span.end);
    kv_str(b, "kind", para_kind_name(p->kind));
    kv_str(b, "language", p->lang[0] ? p->lang : NULL);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
}

/* ------------------------------------------------------------ views */

int wt_doc_json_article(const wt_doc *d, int64_t id, wt_sb *b) {
  wt_sb_addc(b, '{');
  kv_int_or_null(b, "id", id, id > 0);
  kv_str(b, "ext_id", d->ext_id);
  kv_str(b, "origin", d->origin);
  meta_fields(b, d);
  key(b, "reference");
  wt_sb_addc(b, '{');
  kv_day(b, "date", d->ref_day);
  kv_str(b, "how", d->ref_how);
  wt_sb_addc(b, '}');
  key(b, "body");
  wt_sb_json_str(b, d->body ? d->body : "", d->body ? d->body_len : 0);
  paragraphs(b, d);
  kv_int(b, "n_sentences", (long long)d->sentences.n);
  kv_int(b, "n_tokens", (long long)d->tokens.n);
  entities(b, d);
  timexes(b, d);
  figures(b, d);
  quotes(b, d);
  sources(b, d);
  key(b, "frame");
  frame(b, d, &d->frame);
  key(b, "secondary");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->secondary.n; i++) {
    comma(b);
    frame(b, d, &d->secondary.v[i]);
  }
  wt_sb_addc(b, ']');
  wt_sb_addc(b, '}');
  return b->toobig ? -1 : 0;
}

int wt_doc_json_clean(const wt_doc *d, wt_sb *b) {
  wt_sb_addc(b, '{');
  kv_str(b, "path", d->origin);
  kv_str(b, "id", d->ext_id);
  meta_fields(b, d);
  key(b, "sources");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->credited.n; i++) {
    comma(b);
    str_or_null(b, d->credited.v[i].value);
  }
  wt_sb_addc(b, ']');
  key(b, "body");
  wt_sb_json_str(b, d->body ? d->body : "", d->body ? d->body_len : 0);
  paragraphs(b, d);
  key(b, "chrome");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->chrome.n; i++) {
    comma(b);
    wt_sb_addc(b, '{');
    kv_str(b, "text", d->chrome.v[i].text);
    kv_str(b, "reason", d->chrome.v[i].reason);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
  wt_sb_addc(b, '}');
  return b->toobig ? -1 : 0;
}

int wt_doc_json_read(const wt_doc *d, wt_sb *b) {
  static const char *kinds[] = {"?", "word", "number", "money", "date",
                                "url", "punct", "symbol"};
  wt_sb_addc(b, '{');
  kv_str(b, "language", d->lang[0] ? d->lang : NULL);
  key(b, "reference");
  wt_sb_addc(b, '{');
  kv_day(b, "date", d->ref_day);
  kv_str(b, "how", d->ref_how);
  wt_sb_addc(b, '}');
  sentences(b, d);
  key(b, "tokens");
  wt_sb_addc(b, '[');
  for (size_t i = 0; i < d->tokens.n; i++) {
    const wt_token *t = &d->tokens.v[i];
    comma(b);
    wt_sb_addc(b, '{');
    span_fields(b, d, t->span);
    kv_str(b, "kind", t->kind < 8 ? kinds[t->kind] : "?");
    kv_str(b, "norm", t->norm);
    kv_str(b, "stem", t->stem);
    kv_bool(b, "stop", (t->flags & WT_TOKF_STOP) != 0);
    wt_sb_addc(b, '}');
  }
  wt_sb_addc(b, ']');
  timexes(b, d);
  figures(b, d);
  wt_sb_addc(b, '}');
  return b->toobig ? -1 : 0;
}
