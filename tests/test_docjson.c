/*
 * test_docjson.c - the JSON views of a doc: valid JSON, every contract key
 * present, spans that index the body, nulls for absent values.
 */
#include "harness.h"

#include <jansson.h>

#include "core/docjson.h"

static wt_doc *small_doc(void) {
  wt_doc *d = wt_doc_new(0);
  const char *body = "Presiden \"Putin\" bicara.\n\nIa berkata \"ya\".";
  d->body = wt_arena_strdup(d->arena, body);
  d->body_len = strlen(body);
  d->origin = d->ext_id = "x.txt";
  d->title.value = "Judul";
  d->title.source = "first-line";
  d->published.day = wt_days_from_civil(2025, 1, 22);
  d->published.minute = 12 * 60 + 1;
  d->published.tz_minutes = 420;
  wt_entity *e = WT_VEC_PUSH(d->arena, &d->entities);
  e->id = "Q7747";
  e->name = "Vladimir Putin";
  e->type = WT_ENT_PERSON;
  wt_mention *m = WT_VEC_PUSH(d->arena, &d->mentions);
  m->span = (wt_span){10, 15};
  m->entity = 0;
  wt_quote *q = WT_VEC_PUSH(d->arena, &d->quotes);
  q->span = (wt_span){38, 40};
  q->speaker = -1;
  wt_timex *t = WT_VEC_PUSH(d->arena, &d->timexes);
  t->span = (wt_span){0, 8};
  t->type = WT_TX_DURATION;
  snprintf(t->value, sizeof t->value, "PT85M");
  t->minutes = 85;
  t->day_lo = t->day_hi = WT_NO_DAY;
  d->frame.type = "video_call";
  d->frame.duration_minutes = 85;
  return d;
}

WT_TEST(docjson_article_has_contract_keys) {
  wt_doc *d = small_doc();
  wt_sb b;
  wt_sb_init(&b, 0);
  REQUIRE(wt_doc_json_article(d, 7, &b) == 0);
  json_error_t je;
  json_t *o = json_loads(b.s, 0, &je);
  CHECKF(o != NULL, "invalid JSON: %s in %s", je.text, b.s);
  if (o) {
    const char *keys[] = {"id", "title", "outlet", "published", "body",
                          "entities", "timexes", "quotes", "figures", "frame"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
      CHECKF(json_object_get(o, keys[i]) != NULL, "missing key %s", keys[i]);
    CHECK_INT_EQ(json_integer_value(json_object_get(o, "id")), 7);
    CHECK(json_is_null(json_object_get(o, "outlet")));
    CHECK_STR_EQ(json_string_value(json_object_get(o, "published")),
                 "2025-01-22T12:01+07:00");
    json_t *men = json_array_get(json_object_get(o, "mentions"), 0);
    CHECK_STR_EQ(json_string_value(json_object_get(men, "text")), "Putin");
    json_t *quote = json_array_get(json_object_get(o, "quotes"), 0);
    CHECK_STR_EQ(json_string_value(json_object_get(quote, "text")), "ya");
    CHECK(json_is_null(json_object_get(quote, "speaker")));
    json_t *fr = json_object_get(o, "frame");
    CHECK_STR_EQ(json_string_value(json_object_get(fr, "type")), "video_call");
    CHECK_INT_EQ(json_integer_value(json_object_get(fr, "duration_minutes")), 85);
    CHECK(json_is_null(json_object_get(fr, "date")));
    json_decref(o);
  }
  wt_sb_free(&b);
  wt_doc_free(d);
}

WT_TEST(docjson_bad_span_is_clamped) {
  wt_doc *d = small_doc();
  d->mentions.v[0].span = (wt_span){5, 5000};
  wt_sb b;
  wt_sb_init(&b, 0);
  REQUIRE(wt_doc_json_article(d, 0, &b) == 0);
  json_t *o = json_loads(b.s, 0, NULL);
  REQUIRE(o != NULL);
  json_t *men = json_array_get(json_object_get(o, "mentions"), 0);
  CHECK_STR_EQ(json_string_value(json_object_get(men, "text")), "");
  CHECK(json_is_null(json_object_get(o, "id")));
  json_decref(o);
  wt_sb_free(&b);
  wt_doc_free(d);
}
