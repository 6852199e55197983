/*
 * frame.c - the article's main event frame and the secondary events it
 * mentions.
 *
 * Type: every cue of data/extract/event-types.tsv found in the title and
 * the body scores priority x position weight (title and lead sentences
 * weigh most, later sentences little) x syntactic role (a cue inside a
 * subordinate clause weighs half, a cue that only qualifies a head noun,
 * "korban banjir", or is the topic of a discussion verb, "membahas
 * persiapan kunjungan", a third, one inside a direct quote half, one in a
 * clause after the first cued clause 0.6, one a ceremony is held with,
 * "upacara ... dengan tembakan meriam", 0.3); a title cue scores 1.2 x
 * when a lead sentence cues its type in its main clause; the best score
 * wins and its cue is the
 * trigger.  An outcome (agreement, statement) reached during a contact
 * (meeting, visit, call) named in the same lead sentence gives way to the
 * contact, unless that contact is dated to a coarser, other period.
 * Trigger sentences are the body sentences holding a cue of the chosen
 * type.
 *
 * Participants: src/extract/actors.c (the type's `actors` column).
 *
 * Date: a day-granular DATE timex in a trigger sentence, not inside a
 * subordinate clause, a plan ("is due to visit ... on Thursday") or a
 * report clause ("..., his office said on Thursday"), the last of days
 * joined by "dan"/"to" ("stated"); else a day-granular date in the lead
 * ("stated:lead"); else the anchor of a subordinate clause in a trigger
 * sentence ("inferred:after-anchor", low confidence); else the reference
 * day ("inferred:<ref_how>", never a file's time); else none.  With a
 * weak reference relative timexes are no evidence, except a day named in
 * digits with its weekday ("Selasa (15/4)": the weekday fixes the year).
 * The date window
 * (day_min..day_max) is documented in docs/extract.md ("Date window").
 *
 * Duration: a duration timex or figure in a trigger sentence or in a
 * sentence that says how long "it" lasted (a meeting-type cue or a
 * "berlangsung"/"lasted" word), no longer than the event's type can last
 * (event-types.tsv "lasts": a call hours, a visit days, a vote none).  Places: "dari/from <place phrase>" in a
 * trigger or lead sentence, given to the participant named inside the
 * phrase ("milik Putin") or to the one named before it.
 *
 * Secondary events: each other clause (sentences cut at ", sementara",
 * ", whereas" ...) with a DATE timex of month or finer granularity (halves
 * and quarters count), not a report date after a quote's cue, becomes a
 * frame with tense from the main day, the clause as summary and a type
 * where a cue matches; a date in digits beats one relative to another day.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "xint.h"

#define FR_LEAD X_FRAME_LEAD
#define FR_MAX_PART X_FRAME_MAX_PART
#define FR_SUMMARY_MAX 200
#define FR_AFTER_DAYS 7   /* "shortly after X": within a week of X */
#define FR_REPORT_DAYS 7  /* an unstated event day: the week before the report */
#define FR_LATER_CLAUSE 0.6 /* a cue in a clause after the first cued one */
#define FR_QUOTED 0.5       /* a cue inside a direct quote */
#define FR_TITLE_LEAD 1.2   /* the title's event, told again in the lead */
#define FR_SETTING 0.5      /* an event named as when or where another happened */
#define FR_DURING_GAP 4 /* words between "during" and the contact cue */

typedef WT_VEC(wt_place_of) fr_place_vec;

typedef struct fr_best {
  int32_t type;
  double score;
  wt_span trig;
  long sent; /* -1: title */
} fr_best;

/* Start of the word before byte i in s[a..), across spaces only (a
 * punctuation mark ends the phrase), or SIZE_MAX. */
static size_t fr_prev_word(const char *s, size_t a, size_t i) {
  while (i > a && s[i - 1] == ' ') i--;
  size_t e = i;
  while (i > a && ((unsigned char)s[i - 1] >= 0x80 ||
                   (s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
                   (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                   (s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '-'))
    i--;
  return i == e ? SIZE_MAX : i;
}

/* Does a key of trie t match the whole word(s) at byte pos? */
static int fr_word_in(const x_trie *t, const char *s, size_t n, size_t pos) {
  return pos < n && x_trie_longest(t, s, n, pos, NULL) > 0;
}

/* Is the cue s[i..e) only a modifier of a head noun: one before it
 * ("korban banjir", "victims of the flood"), or one after it in English
 * order ("flood victims")? */
static int fr_modifier(const wt_extract_res *r, const char *s, size_t a,
                       size_t b, size_t i, size_t e) {
  const x_trie *h = &r->words[XW_MODHEAD];
  size_t p = fr_prev_word(s, a, i);
  for (int k = 0; k < 2 && p != SIZE_MAX; k++) {
    if (fr_word_in(h, s, b, p)) return 1;
    /* English "of the" between the head and the cue */
    if (!((i - p >= 2 && strncmp(s + p, "of", 2) == 0) ||
          (i - p >= 3 && strncmp(s + p, "the", 3) == 0)))
      break;
    i = p;
    p = fr_prev_word(s, a, p);
  }
  /* English order: the head after the cue ("flood victims"), unless the
   * head has its own complement ("visited survivors of the flood": the
   * cue is the verb taking it) */
  while (e < b && s[e] == ' ') e++;
  size_t he = e < b ? x_trie_longest(&r->words[XW_MODTAIL], s, b, e, NULL) : 0;
  if (!he) return 0;
  while (he < b && s[he] == ' ') he++;
  return !(b - he >= 3 && strncmp(s + he, "of ", 3) == 0);
}

/* Is the word at i the first after a comma (spaces between)? */
static int fr_after_comma(const char *s, size_t a, size_t i) {
  while (i > a && s[i - 1] == ' ') i--;
  return i > a && s[i - 1] == ',';
}

/* Best-scoring cue in s[a..b): type index in *ty, span; the score is the
 * type's priority, less a little for each earlier cue (at equal priority
 * the first cue, usually the main verb, wins).  The syntactic role counts
 * too: a cue inside a subordinate clause ("after a two-day policy
 * meeting"; a clause opened at the start of the sentence ends at its
 * comma) weighs half, and one that only qualifies a head noun ("korban
 * banjir") a third: the main clause's verb beats them.  mult (NULL: 1)
 * scales each type's cues; main_ty (NULL: unused) gets a 1 for each type
 * cued at full weight (the main clause); cued (NULL: unused) gets bit 2
 * for each type cued at half weight or more, bit 1 for each cued only as
 * a modifier or a topic.  A headline drops its commas:
 * there a `commasub` word after the first cue opens a subordinate clause
 * ("BoT cuts policy rate as tariffs cloud outlook"). */
static double fr_cues(const wt_extract_res *r, const char *s, size_t a,
                      size_t b, int headline, const double *mult,
                      uint8_t *main_ty, uint8_t *cued, int32_t *ty,
                      wt_span *sp) {
  double best = 0, late = 0;
  int sub = 0, sub_to_comma = 0, words = 0, seen = 0, later = 0, topic = 0;
  int quoted = 0, cer = -1; /* word index of a ceremony word */
  int speech = 0;            /* a speech verb in this clause */
  int during = -1;           /* word index of a "during"/"at" word */
  int last_cue = -1;         /* word index of the last cue */
  for (size_t i = a; i < b; i++) {
    /* inside a direct quote: what someone said, not what happened */
    if (s[i] == '"') quoted = !quoted;
    else if (i + 2 < b && (unsigned char)s[i] == 0xE2 &&
             (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
      quoted = (unsigned char)s[i + 2] == 0x9C;
    if (s[i] == ',' || s[i] == ';') {
      topic = 0;
      cer = -1;
      speech = 0;
      if (sub && sub_to_comma) sub = 0;
      else if (seen) later = 1;
    }
    if (!x_word_at(s, b, i) || (i > a && x_word_before(s, i))) continue;
    words++;
    /* what a speech verb's "that" introduces is what was said ("told
     * the Council that the attacks by Hamas had a context") */
    if (fr_word_in(&r->verb_trie, s, b, i)) {
      speech = 1;
    } else if (speech && (headline || fr_word_in(&r->words[XW_THAT], s, b, i))) {
      topic = 2; /* a headline drops the "that": "X says Hamas attacks ..." */
    }
    uint32_t ends[16];
    int32_t heads[16];
    size_t k = x_trie_walk(&r->type_cues, s, b, i, ends, heads, 16);
    if (!k) {
      /* a topic runs to the clause's end or to a place or "during" word
       * ("discussed Ukraine in a phone call") */
      if (fr_word_in(&r->words[XW_CEREMONY], s, b, i)) cer = words;
      if (fr_word_in(&r->words[XW_DURING], s, b, i) ||
          (last_cue >= 0 && words - last_cue <= 2 &&
           fr_word_in(&r->words[XW_LOC], s, b, i)))
        during = words; /* "pidato di Sidang Umum PBB": where it was */
      if (fr_word_in(&r->words[XW_TOPIC], s, b, i)) {
        if (!topic) topic = 1;
      }
      else if (fr_word_in(&r->words[XW_DURING], s, b, i))
        topic = 0; /* "memuji hubungan ... dalam panggilan video" */
      else if (fr_word_in(&r->words[XW_LOC], s, b, i))
        topic = topic == 2 ? 2 : 0;
      if (!sub && (fr_word_in(&r->subords, s, b, i) ||
                   (headline && seen &&
                    fr_word_in(&r->words[XW_COMMASUB], s, b, i)))) {
        sub = 1;
        sub_to_comma = words <= 2;
      } else if (!sub && fr_word_in(&r->words[XW_REL], s, b, i) &&
                 fr_after_comma(s, a, i)) {
        /* a relative clause set off by commas tells about a name
         * (", whose Labor Party won the May 3 election,") */
        sub = 1;
        sub_to_comma = 1;
      }
      continue;
    }
    /* a cue that takes a topic ("mengecam serangan ...", "condemned the
     * strike"): the event words after it are what it is about */
    int takes_topic = fr_word_in(&r->words[XW_TOPIC], s, b, i);
    double w = sub ? 0.5 : 1.0;
    /* what a ceremony is held with is part of it ("upacara ... dengan
     * tembakan meriam"), unless it names the ceremony ("upacara
     * pelantikan") */
    if (topic || (cer >= 0 && words > cer + 1) ||
        fr_modifier(r, s, a, b, i, ends[k - 1]))
      w *= 0.3;
    else if (!sub) seen = 1;
    /* a clause after the one holding the first event word elaborates
     * ("met ..., discussing a planned visit", "..., with X urging ...") */
    if (later) w *= FR_LATER_CLAUSE;
    if (quoted) w *= FR_QUOTED;
    /* an event named as the setting of something ("the decision was
     * made at the committee meeting", "dalam pertemuan itu", "he had
     * seen, during recent floods, ..."); an outcome's cue there names
     * where it is told ("will recognise ... at the General Assembly") */
    int setting = during >= 0 && words - during <= FR_DURING_GAP + 1;
    for (int32_t p = heads[k - 1]; p >= 0; p = r->type_cues.pay_next[p]) {
      int32_t t = r->type_cues.pay_val[p];
      double wt = setting && r->types[t].frame != XR_OUTCOME ? w * FR_SETTING
                                                              : w;
      if (main_ty && w == 1.0) main_ty[t] = 1; /* told, if as a setting */
      if (cued) cued[t] |= wt >= 0.5 ? 2 : 1;
      double sc = r->types[t].priority * wt * (mult ? mult[t] : 1.0) - late;
      if (sc > best) {
        best = sc;
        *ty = t;
        sp->start = (uint32_t)i;
        sp->end = ends[k - 1];
      }
    }
    /* a judging or threatening cue's topic runs to the clause's end */
    if (takes_topic) topic = 2;
    last_cue = words;
    i = ends[k - 1] - 1;
    late += 0.01;
  }
  return best;
}

/* Does a cue of type start at token k (cues end before token end)? */
int x_frame_cue_at(const x_ctx *c, size_t k, size_t end, int32_t type) {
  const wt_extract_res *r = c->r;
  if (c->t[k].kind != XK_WORD) return 0;
  uint32_t lim = end < c->nt ? c->t[end].s : (uint32_t)c->n;
  uint32_t ends[16];
  int32_t heads[16];
  size_t m = x_trie_walk(&r->type_cues, c->s, lim, c->t[k].s, ends, heads, 16);
  if (m)
    for (int32_t p = heads[m - 1]; p >= 0; p = r->type_cues.pay_next[p])
      if (r->type_cues.pay_val[p] == type) return 1;
  return 0;
}

static int fr_has_type_cue(const x_ctx *c, size_t q, int32_t type) {
  const wt_extract_res *r = c->r;
  for (size_t i = c->sent[q].start; i < c->sent[q].end; i++) {
    if (!x_word_at(c->s, c->n, i) || x_word_before(c->s, i)) continue;
    uint32_t ends[16];
    int32_t heads[16];
    size_t k = x_trie_walk(&r->type_cues, c->s, c->sent[q].end, i, ends,
                           heads, 16);
    if (k)
      for (int32_t p = heads[k - 1]; p >= 0; p = r->type_cues.pay_next[p])
        if (r->type_cues.pay_val[p] == type) return 1;
  }
  return 0;
}

/* A contact held around an outcome in sentence q: an outcome cue ("the
 * agreement", "kesepakatan itu") and after it a "during" word with a
 * contact cue within a few words after it ("dicapai dalam pertemuan",
 * "reached during his two-hour meeting", "said ... at the close of a
 * two-day retreat"); not an outcome the contact's people watch
 * ("witnessed the signing of an agreement at the Leaders' Retreat": a
 * ceremony of its own).  The contact's type in *ty, its cue in
 * *sp; 0 when there is none. */
/* Does sentence q, after token k, date something only to a period
 * coarser than a day ("... saat Prabowo bertemu von der Leyen di Brussels
 * pada Juli lalu")?  Then the contact there is an earlier event. */
static int fr_other_time(const x_ctx *c, size_t q, size_t k) {
  const wt_doc *d = c->d;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (x->type == WT_TX_DATE && x->gran != WT_G_NONE &&
        x->gran < WT_G_DAY && x->span.start >= c->t[k].e &&
        x->span.start < c->sent[q].end)
      return 1;
  }
  return 0;
}
static int fr_container(const x_ctx *c, size_t q, int32_t *ty, wt_span *sp) {
  const wt_extract_res *r = c->r;
  int outcome = 0, watched = 0;
  size_t end = c->sent_tok[q + 1];
  for (size_t k = c->sent_tok[q]; k < end; k++) {
    if (c->t[k].kind == XK_PUNCT && c->s[c->t[k].s] == ',') watched = 0;
    if (c->t[k].kind != XK_WORD) continue;
    if (outcome && x_tok_class(c, k, XW_DURING)) {
      int words = 0;
      size_t from = x_tok_match(c, &r->words[XW_DURING], k, NULL);
      for (size_t j = from; j < end && words <= FR_DURING_GAP; j++) {
        if (c->t[j].kind != XK_WORD) continue;
        words++;
        uint32_t ends[16];
        int32_t heads[16];
        size_t m = x_trie_walk(&r->type_cues, c->s, c->sent[q].end,
                               c->t[j].s, ends, heads, 16);
        for (int32_t p = m ? heads[m - 1] : -1; p >= 0;
             p = r->type_cues.pay_next[p]) {
          int32_t t = r->type_cues.pay_val[p];
          if (r->types[t].frame != XR_CONTACT || fr_other_time(c, q, k))
            continue;
          *ty = t;
          sp->start = c->t[j].s;
          sp->end = ends[m - 1];
          return 1;
        }
      }
    }
    uint32_t ends[16];
    int32_t heads[16];
    size_t m = x_trie_walk(&r->type_cues, c->s, c->sent[q].end, c->t[k].s,
                           ends, heads, 16);
    /* "witnessed the signing": a ceremony of its own, to the clause's end */
    if (x_tok_class(c, k, XW_WATCH)) watched = 1;
    if (watched) continue;
    for (int32_t p = m ? heads[m - 1] : -1; p >= 0;
         p = r->type_cues.pay_next[p])
      outcome |= r->types[r->type_cues.pay_val[p]].frame == XR_OUTCOME;
  }
  return 0;
}

/* Does a subordinate clause open at token ti: a subordinator, or a comma
 * before a `commasub` word (", as X pushes ...", ", saat ...")?  Not
 * when a longer agent phrase starts there ("sworn in before His Majesty":
 * whom it was done before, no other event). */
int x_frame_subord(const x_ctx *c, size_t ti) {
  if (ti + 1 < c->nt && c->t[ti].kind == XK_PUNCT &&
      c->s[c->t[ti].s] == ',' && x_tok_class(c, ti + 1, XW_COMMASUB))
    return 1;
  size_t e = x_tok_match(c, &c->r->subords, ti, NULL);
  return e > ti && x_tok_match(c, &c->r->words[XW_AGENT], ti, NULL) <= e;
}

static size_t fr_sent_of(const x_ctx *c, uint32_t off) {
  size_t ti = x_tok_at(c, off);
  if (ti >= c->nt) return c->ns ? c->ns - 1 : 0;
  return c->t[ti].sent;
}

static void fr_part(const x_ctx *c, size_t q, uint32_t off, size_t *a,
                    size_t *b);

/* Is the timex at byte off inside a subordinate clause of its sentence
 * that tells of another event?  A clause holding a cue of the frame's
 * type between its subordinator and the timex, with no comma between
 * them, tells of the event itself
 * ("X menetapkan status darurat setelah banjir melanda ... pada Rabu
 * (10/9/2025)"): its day is the event's. */
static int fr_subordinate(const x_ctx *c, size_t q, uint32_t off,
                          int32_t type) {
  size_t sub = SIZE_MAX;
  int quoted = 0; /* a subordinator inside a quote is the speaker's */
  for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1] && c->t[k].s < off;
       k++) {
    if (c->t[k].flags & XF_QUOTE) {
      quoted = !quoted;
      if (!quoted) sub = SIZE_MAX; /* the quote closed: its clauses too */
    } else if (x_frame_subord(c, k)) {
      sub = k;
    }
  }
  if (sub == SIZE_MAX) return 0;
  size_t a, b, end = x_tok_at(c, off);
  fr_part(c, q, off, &a, &b);
  if (sub < a) return 1; /* "sehari setelah X melantik Y, Selasa, 9 ..." */
  for (size_t k = sub + 1; type >= 0 && k < end && k < c->nt; k++)
    if (x_frame_cue_at(c, k, end, type)) return 0;
  return 1;
}

static int fr_day_gran(const wt_timex *x) {
  return (x->type == WT_TX_DATE || x->type == WT_TX_TIME) &&
         x->day_lo != WT_NO_DAY &&
         x->day_lo == x->day_hi;
}

/* Is the reference weak (a file's time, or none)?  Then a relative
 * expression ("kemarin", "pada hari yang sama") was resolved against a
 * day the report need not have been written on, and is no evidence. */
static int fr_weak_ref(const wt_doc *d) {
  return !d->ref_how || strcmp(d->ref_how, "file-mtime") == 0 ||
         strcmp(d->ref_how, "none") == 0;
}

/* Does the timex name its day in digits and its weekday ("Selasa (15/4)
 * pagi")?  The weekday picks the year, so the day does not rest on the
 * reference even when the year is left out. */
static int fr_weekday_anchored(const x_ctx *c, const wt_timex *x) {
  int digits = 0, weekday = 0;
  for (uint32_t i = x->span.start; i < x->span.end; i++) {
    if (c->s[i] >= '0' && c->s[i] <= '9') digits = 1;
    if (x_word_at(c->s, c->n, i) && !x_word_before(c->s, i) &&
        x_trie_longest(&c->r->words[XW_WEEKDAY], c->s, c->n, i, NULL))
      weekday = 1;
  }
  return digits && weekday && fr_day_gran(x);
}

static int fr_usable(const x_ctx *c, const wt_timex *x) {
  return x->day_lo != WT_NO_DAY &&
         !(x->relative && fr_weak_ref(c->d) && !fr_weekday_anchored(c, x));
}

/* A clock time with no day of its own ("pukul 17.35 WITA", "at 5 pm"):
 * its day is the reference's, which is no evidence of the event's day
 * (the report is often written the day after). */
static int fr_bare_clock(const x_ctx *c, const wt_timex *x) {
  if (x->type != WT_TX_TIME || !x->relative || x->gran < WT_G_MINUTE)
    return 0;
  for (uint32_t i = x->span.start; i < x->span.end; i++) {
    if (c->s[i] == '/') return 0;
    if (x_word_at(c->s, c->n, i) && !x_word_before(c->s, i) &&
        x_trie_longest(&c->r->words[XW_WEEKDAY], c->s, c->n, i, NULL))
      return 0;
  }
  return 1;
}

/* Token range [*a, *b) of the comma-delimited part of sentence q that
 * holds byte off. */
static void fr_part(const x_ctx *c, size_t q, uint32_t off, size_t *a,
                    size_t *b) {
  *a = c->sent_tok[q];
  *b = c->sent_tok[q + 1];
  for (size_t j = *a; j < c->sent_tok[q + 1]; j++) {
    if (c->t[j].kind != XK_PUNCT ||
        (c->s[c->t[j].s] != ',' && c->s[c->t[j].s] != ';'))
      continue;
    if (c->t[j].s < off) {
      *a = j + 1;
    } else {
      *b = j;
      break;
    }
  }
}

/* Is the timex at byte off in sentence q inside a plan: a plan word
 * ("akan", "is due to") between the start of its clause and it ("Macron
 * is due to visit Borobudur on Thursday")? */
static int fr_planned(const x_ctx *c, size_t q, uint32_t off) {
  size_t k, b;
  fr_part(c, q, off, &k, &b);
  for (; k < b && c->t[k].s < off; k++)
    if (x_tok_class(c, k, XW_PLAN)) return 1;
  return 0;
}

/* Does the timex at byte off in sentence q date the report, not the
 * event: its comma-delimited part holds a speech verb and no cue of the
 * event's type ("..., his office said on Thursday", "ujarnya, Rabu")? */
int x_frame_reported(const x_ctx *c, size_t q, uint32_t off, int32_t type) {
  /* a release, a statement, a threat or a sanction is done by telling
   * it ("ujar Kepala BPS dalam konferensi pers, Senin (3/3)", "the
   * Treasury announced the measures on Wednesday") */
  if (type >= 0 && (c->r->types[type].actors == XA_ORG ||
                    c->r->types[type].actors == XA_AGENT))
    return 0;
  size_t a, b;
  fr_part(c, q, off, &a, &b);
  int verb = 0;
  for (size_t k = a; k < b; k++) {
    if (type >= 0 && x_frame_cue_at(c, k, b, type)) return 0;
    if (x_tok_match(c, &c->r->verb_trie, k, NULL) > k) verb = 1;
  }
  return verb;
}

/* Timex i dates one event with the next one ("Sabtu dan Minggu", "May 15
 * to 16"): the index of the last day so joined (i when none).  An event
 * of several days is dated by its last, when its outcome comes. */
static size_t fr_last_day(const x_ctx *c, size_t i) {
  const wt_doc *d = c->d;
  while (i + 1 < d->timexes.n) {
    const wt_timex *x = &d->timexes.v[i], *y = &d->timexes.v[i + 1];
    if (!fr_day_gran(y) || !fr_usable(c, y) || y->day_lo <= x->day_lo ||
        y->day_lo - x->day_lo > 7)
      break;
    size_t a = x_tok_at(c, x->span.end), b = x_tok_at(c, y->span.start);
    int words = 0, ok = 1;
    for (size_t k = a; k < b && ok; k++) {
      if (c->t[k].kind == XK_WORD) {
        words++;
        ok = x_tok_class(c, k, XW_THROUGH);
      } else {
        ok = c->s[c->t[k].s] == '-';
      }
    }
    if (!ok || words > 1 || a == b) break;
    i++;
  }
  return i;
}

/* A contact (visit, meeting) dated by an evening or night ("tiba ...
 * Selasa malam", "arrived on Tuesday evening") while the lead has already
 * stated the next day ("disambut ... pada Rabu (28/5) pagi"): the evening
 * was the arrival, told after the main programme (talks, welcome
 * ceremony) whose day dates the contact.  A next day told after the
 * evening is a report or a sequel ("... diterima Tribunnews.com, Rabu"). */
static void fr_after_arrival(x_ctx *c, int32_t type) {
  wt_doc *d = c->d;
  wt_frame *f = &d->frame;
  if (type < 0 || c->r->types[type].frame != XR_CONTACT || f->timex < 0)
    return;
  const char *v = d->timexes.v[f->timex].value;
  size_t vn = v ? strlen(v) : 0;
  if (vn < 3 || (strcmp(v + vn - 3, "TNI") != 0 && strcmp(v + vn - 3, "TEV") != 0))
    return;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (!fr_day_gran(x) || !fr_usable(c, x) || fr_bare_clock(c, x) ||
        x->day_lo != f->day + 1 ||
        x->span.start >= d->timexes.v[f->timex].span.start)
      continue;
    size_t q = fr_sent_of(c, x->span.start);
    if (q >= FR_LEAD || fr_planned(c, q, x->span.start) ||
        x_frame_reported(c, q, x->span.start, type) ||
        fr_subordinate(c, q, x->span.start, type))
      continue;
    f->day = x->day_lo;
    f->date_value = x->value;
    f->timex = (int32_t)i;
    return;
  }
}

static void fr_date(x_ctx *c, const uint8_t *trig, int32_t type) {
  wt_doc *d = c->d;
  wt_frame *f = &d->frame;
  long anchor = -1, later = -1; /* a planned or reported day */
  /* the trigger sentences of the lead, the other lead sentences, then
   * the trigger sentences after the lead */
  for (int pass = 0; pass < 3 && f->day == WT_NO_DAY; pass++) {
    for (size_t i = 0; i < d->timexes.n; i++) {
      const wt_timex *x = &d->timexes.v[i];
      if (!fr_day_gran(x) || !fr_usable(c, x) || fr_bare_clock(c, x))
        continue;
      size_t q = fr_sent_of(c, x->span.start);
      int in = pass == 0   ? trig[q] && q < FR_LEAD
               : pass == 1 ? q < FR_LEAD && !trig[q]
                           : trig[q] && q >= FR_LEAD;
      if (!in) continue;
      if (fr_planned(c, q, x->span.start) ||
          x_frame_reported(c, q, x->span.start, type)) {
        if (pass != 1 && later < 0) later = (long)i;
        continue;
      }
      if (fr_subordinate(c, q, x->span.start, type)) {
        if (pass != 1 && anchor < 0) anchor = (long)i;
        continue;
      }
      i = fr_last_day(c, i);
      x = &d->timexes.v[i];
      f->day = x->day_lo;
      f->date_value = x->value;
      f->timex = (int32_t)i;
      f->date_how = pass != 1 ? "stated" : "stated:lead";
      f->date_conf = pass != 1 ? 0.9f : 0.6f;
      break;
    }
  }
  if (f->day != WT_NO_DAY) {
    fr_after_arrival(c, type);
    return;
  }
  if (later >= 0) { /* the article is about a plan, or dates by its report */
    const wt_timex *x = &d->timexes.v[later];
    f->day = x->day_lo;
    f->date_value = x->value;
    f->timex = (int32_t)later;
    f->date_how = "stated";
    f->date_conf = 0.7f;
  } else if (anchor >= 0) {
    const wt_timex *x = &d->timexes.v[anchor];
    f->day = x->day_lo;
    f->date_value = x->value;
    f->date_how = "inferred:after-anchor";
    f->date_conf = 0.3f;
  } else if (d->ref_day != WT_NO_DAY && strcmp(d->ref_how, "file-mtime") != 0) {
    /* a file's time says when it was saved, not when the news happened */
    f->day = d->ref_day;
    f->date_how = wt_arena_printf(d->arena, "inferred:%s", d->ref_how);
    f->date_conf = 0.2f;
  } else {
    f->date_how = "none";
    f->date_conf = 0;
  }
}

/* The latest year a reference-free statement of the text points at:
 * *lo the earliest day the report can have been written (the start of the
 * latest period it speaks of in the past; the day after a year it gives a
 * full-year figure for), returns that latest year, or 0. */
static int fr_text_years(const x_ctx *c, int32_t *lo) {
  const wt_doc *d = c->d;
  int latest = 0;
  *lo = WT_NO_DAY;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (x->type != WT_TX_DATE || x->relative || x->tense > 0 ||
        x->day_lo == WT_NO_DAY)
      continue;
    int y, m, dd;
    wt_civil_from_days(x->day_hi, &y, &m, &dd);
    if (y > latest) latest = y;
    if (*lo == WT_NO_DAY || x->day_lo > *lo) *lo = x->day_lo;
  }
  for (size_t i = 0; i < d->figures.n; i++) {
    const char *p = d->figures.v[i].period;
    if (!p || strlen(p) != 4 || p[0] < '1' || p[0] > '2') continue;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
            (p[3] - '0');
    int32_t after = wt_days_from_civil(y + 1, 1, 1);
    if (*lo == WT_NO_DAY || after > *lo) *lo = after;
    if (y > latest) latest = y;
  }
  return latest;
}

/* The plausible window of the main event's day (docs/extract.md, "Date
 * window"). */
static void fr_window(x_ctx *c) {
  wt_doc *d = c->d;
  wt_frame *f = &d->frame;
  if (f->day != WT_NO_DAY && f->timex >= 0) {
    f->day_min = f->day_max = f->day;
    return;
  }
  if (f->day != WT_NO_DAY && f->date_how &&
      strcmp(f->date_how, "inferred:after-anchor") == 0) {
    f->day_min = f->day;
    f->day_max = f->day + FR_AFTER_DAYS;
  } else if (f->day != WT_NO_DAY) { /* the reference day */
    f->day_min = f->day - FR_REPORT_DAYS;
    f->day_max = f->day;
  } else {
    int32_t lo;
    int y = fr_text_years(c, &lo);
    if (y) {
      f->day_min = lo;
      f->day_max = wt_days_from_civil(y + 1, 12, 31);
    }
  }
  /* a page saved to a file was written before the file */
  int32_t saved = d->crawled.day;
  if (saved != WT_NO_DAY && (f->day_max == WT_NO_DAY || saved < f->day_max) &&
      (f->day_min == WT_NO_DAY || saved >= f->day_min))
    f->day_max = saved;
}

static int fr_lasting_sent(const x_ctx *c, size_t q) {
  for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++)
    if (x_tok_class(c, k, XW_LASTING)) return 1;
  return 0;
}

/* Duration of the main event: the first duration in a trigger or "lasted"
 * sentence that the event's type can take (event-types.tsv "lasts"). */
static void fr_duration(x_ctx *c, const uint8_t *trig, int32_t lasts) {
  wt_doc *d = c->d;
  if (lasts == 0) return;
  if (lasts < 0) lasts = INT32_MAX;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (x->type != WT_TX_DURATION || x->minutes <= 0 || x->minutes > lasts)
      continue;
    size_t q = fr_sent_of(c, x->span.start);
    if (trig[q] || fr_lasting_sent(c, q)) {
      d->frame.duration_minutes = x->minutes;
      d->frame.duration_at = (int32_t)i;
      return;
    }
  }
  for (size_t i = 0; i < d->figures.n; i++) {
    const wt_figure *g = &d->figures.v[i];
    if (g->kind != WT_FIG_DURATION || g->value <= 0 || g->value > lasts)
      continue;
    size_t q = fr_sent_of(c, g->span.start);
    if (trig[q] || fr_lasting_sent(c, q)) {
      d->frame.duration_minutes = (int32_t)(g->value + 0.5);
      d->frame.duration_at = (int32_t)i;
      return;
    }
  }
}

/* "dari <phrase>" / "from <phrase>" in sentence q: places of participants. */
static int fr_places(x_ctx *c, size_t q, fr_place_vec *out) {
  wt_doc *d = c->d;
  const wt_frame *f = &d->frame;
  for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++) {
    if (!x_tok_class(c, k, XW_FROM)) continue;
    size_t a = k + 1, b = a;
    int32_t owner = -1, place = -1;
    uint32_t cut_s = 0, cut_e = 0;
    while (b < c->sent_tok[q + 1] && c->t[b].kind != XK_PUNCT) {
      int32_t m = c->t[b].men;
      if (m >= 0) {
        int32_t e = d->mentions.v[m].entity;
        for (size_t p = 0; p < f->n_participants; p++)
          if (f->participants[p] == e && owner < 0) {
            owner = e;
            /* drop "milik Putin" / "of Putin" from the text */
            cut_s = b > a && c->t[b - 1].kind == XK_WORD ? c->t[b - 1].s
                                                         : c->t[b].s;
            cut_e = d->mentions.v[m].span.end;
          }
        if (d->entities.v[e].type == WT_ENT_PLACE) place = e;
        while (b + 1 < c->nt && c->t[b + 1].men == m) b++;
      }
      b++;
    }
    if (b == a || (a < c->nt && c->t[a].men >= 0 &&
                   d->entities.v[d->mentions.v[c->t[a].men].entity].type ==
                       WT_ENT_PERSON))
      continue;
    if (owner < 0) { /* the participant named before "dari" */
      for (size_t p = k; p-- > c->sent_tok[q];) {
        int32_t m = c->t[p].men;
        if (m < 0) continue;
        int32_t e = d->mentions.v[m].entity;
        for (size_t i = 0; i < f->n_participants; i++)
          if (f->participants[i] == e) owner = e;
        if (owner >= 0) break;
      }
    }
    if (owner < 0) continue;
    int dup = 0;
    for (size_t i = 0; i < out->n; i++) dup |= out->v[i].participant == owner;
    if (dup) continue;
    uint32_t s = c->t[a].s, e = c->t[b - 1].e;
    char *text;
    if (cut_e) {
      while (cut_s > s && c->s[cut_s - 1] == ' ') cut_s--;
      text = wt_arena_printf(d->arena, "%.*s%.*s", (int)(cut_s - s), c->s + s,
                             (int)(e - cut_e), c->s + cut_e);
    } else {
      text = wt_arena_strndup(d->arena, c->s + s, e - s);
    }
    wt_place_of *po = WT_VEC_PUSH(d->arena, out);
    if (!po || !text) return -1;
    po->participant = owner;
    po->place = place;
    po->text = text;
  }
  return 0;
}

/* The clause of sentence q holding byte off: clauses are cut at a
 * comma or semicolon followed by a clause word ("..., sementara Xi
 * mengunjungi Moskow pada Mei tahun lalu").  Token range in *a, *b. */
static void fr_clause(const x_ctx *c, size_t q, uint32_t off, size_t *a,
                      size_t *b) {
  *a = c->sent_tok[q];
  *b = c->sent_tok[q + 1];
  for (size_t k = c->sent_tok[q] + 1; k + 1 < c->sent_tok[q + 1]; k++) {
    if (c->t[k].kind != XK_PUNCT ||
        (c->s[c->t[k].s] != ',' && c->s[c->t[k].s] != ';') ||
        !x_tok_class(c, k + 1, XW_CLAUSE))
      continue;
    if (c->t[k].s < off) {
      *a = k + 1;
    } else {
      *b = k;
      break;
    }
  }
}

/* Does the timex name its day with digits ("Senin 20 Januari lalu")
 * rather than only by reference to another day ("sehari sebelumnya")? */
static int fr_explicit(const wt_doc *d, const wt_timex *x) {
  for (uint32_t i = x->span.start; i < x->span.end; i++)
    if (d->body[i] >= '0' && d->body[i] <= '9') return 1;
  return 0;
}

static int fr_secondary(x_ctx *c, const uint8_t *trig) {
  wt_doc *d = c->d;
  const wt_frame *mf = &d->frame;
  size_t last_a = SIZE_MAX, last_q = SIZE_MAX;
  for (size_t i = 0; i < d->timexes.n; i++) {
    const wt_timex *x = &d->timexes.v[i];
    if (x->type != WT_TX_DATE || x->gran < WT_G_HALF ||
        (int32_t)i == mf->timex || !fr_usable(c, x))
      continue;
    size_t q = fr_sent_of(c, x->span.start), ca, cb;
    fr_clause(c, q, x->span.start, &ca, &cb);
    if (q == last_q && ca == last_a) {
      /* one event per clause: an absolute date beats a relative one, a
       * date in digits one named only by reference to another day */
      wt_frame *pf = &d->secondary.v[d->secondary.n - 1];
      const wt_timex *px = pf->timex >= 0 ? &d->timexes.v[pf->timex] : NULL;
      if (px && ((px->relative && !x->relative) ||
                 (!fr_explicit(d, px) && fr_explicit(d, x)))) {
        pf->timex = (int32_t)i;
        pf->date_value = x->value;
        pf->day = fr_day_gran(x) ? x->day_lo : WT_NO_DAY;
        if (mf->day != WT_NO_DAY)
          pf->tense = x->day_hi < mf->day ? -1 : x->day_lo > mf->day ? 1 : 0;
      }
      continue;
    }
    /* a report date after a quote's cue ("kata Xi ..., Kamis (5/2)") */
    int report = 0;
    for (size_t k = 0; k < d->quotes.n; k++)
      if (d->quotes.v[k].cue.end && d->quotes.v[k].cue.end <= x->span.start &&
          fr_sent_of(c, d->quotes.v[k].cue.start) == q)
        report = 1;
    if (report) continue;
    if (trig[q] && !fr_subordinate(c, q, x->span.start, -1) &&
        fr_day_gran(x) && x->day_lo == mf->day)
      continue; /* the main event itself */
    wt_frame *f = WT_VEC_PUSH(d->arena, &d->secondary);
    if (!f) return -1;
    wt_frame_init(f);
    last_q = q;
    last_a = ca;
    int32_t ty = -1;
    wt_span sp = {0, 0};
    uint32_t b0 = ca > c->sent_tok[q] ? c->t[ca].s : c->sent[q].start;
    uint32_t e = cb < c->sent_tok[q + 1] ? c->t[cb - 1].e : c->sent[q].end;
    if (fr_cues(c->r, c->s, b0, e, 0, NULL, NULL, NULL, &ty, &sp) > 0) {
      f->type = c->r->types[ty].id;
      f->trigger = sp;
    }
    if (fr_day_gran(x)) f->day = x->day_lo;
    f->date_value = x->value;
    f->timex = (int32_t)i;
    f->date_how = "stated";
    f->date_conf = 0.8f;
    if (mf->day != WT_NO_DAY)
      f->tense = x->day_hi < mf->day ? -1 : x->day_lo > mf->day ? 1 : 0;
    else
      f->tense = x->tense;
    if (f->tense == 0 && fr_subordinate(c, q, x->span.start, -1)) f->tense = -1;
    f->evidence = c->sent[q];
    /* the summary is the clause (the sentence when it is not cut) */
    if (e - b0 > FR_SUMMARY_MAX) {
      e = b0 + FR_SUMMARY_MAX;
      while (e > b0 && ((unsigned char)c->s[e] & 0xC0) == 0x80) e--;
    }
    f->summary = wt_arena_strndup(d->arena, c->s + b0, e - b0);
    int32_t parts[FR_MAX_PART];
    size_t np = 0;
    x_frame_persons(c, q, c->sent_tok[q + 1], 0, -1, parts, &np);
    if (np) {
      f->participants = wt_arena_alloc(d->arena, np * sizeof *parts);
      if (!f->participants) return -1;
      memcpy(f->participants, parts, np * sizeof *parts);
      f->n_participants = np;
    }
  }
  return 0;
}

/* A holding event (holding-events.tsv) told in the title or in the lead,
 * in any clause but not as a plan ("akan melakukan kunjungan kenegaraan")
 * or inside a quote, over a main type it holds: the state visit, not the
 * talks or the signings of it.  The sentence and trigger stay the held
 * event's: its parties are the visit's guest and host. */
static void fr_holding(const x_ctx *c, fr_best *best) {
  const wt_extract_res *r = c->r;
  if (best->type < 0 || best->type >= 32 || !r->n_holds) return;
  uint32_t bit = 1u << best->type;
  const char *title = c->d->title.value;
  size_t tn = title ? strlen(title) : 0;
  for (size_t i = 0; i < tn; i++) {
    int32_t h;
    if (!x_word_at(title, tn, i) || (i && x_word_before(title, i)) ||
        !x_trie_longest(&r->hold_cues, title, tn, i, &h) ||
        !(r->holds[h].held & bit))
      continue;
    best->type = r->holds[h].type;
    return;
  }
  for (size_t q = 0; q < c->ns && q < FR_LEAD; q++) {
    int quoted = 0;
    for (size_t k = c->sent_tok[q]; k < c->sent_tok[q + 1]; k++) {
      int32_t h;
      if (c->t[k].flags & XF_QUOTE) quoted = !quoted;
      size_t e = quoted ? k : x_tok_match(c, &r->hold_cues, k, &h);
      if (e == k || !(r->holds[h].held & bit) ||
          fr_planned(c, q, c->t[k].s))
        continue;
      best->type = r->holds[h].type;
      return;
    }
  }
}

int x_frame_build(x_ctx *c) {
  wt_doc *d = c->d;
  const wt_extract_res *r = c->r;
  wt_frame *f = &d->frame;
  fr_best best = {-1, 0, {0, 0}, -1};
  uint8_t *main_ty = wt_arena_alloc(d->arena, r->n_types + 1);
  uint8_t *cued = wt_arena_alloc(d->arena, r->n_types + 1);
  double *mult = wt_arena_alloc(d->arena, (r->n_types + 1) * sizeof *mult);
  if (!mult || !main_ty || !cued) return -1;
  memset(main_ty, 0, r->n_types + 1);
  memset(cued, 0, r->n_types + 1);
  int told = 0; /* the lead's first sentence with a main-clause cue read */
  for (size_t q = 0; q < c->ns; q++) {
    int32_t ty;
    wt_span sp;
    double w = q < FR_LEAD ? 1.0 - 0.1 * (double)q : 0.3;
    double sc = fr_cues(r, c->s, c->sent[q].start, c->sent[q].end, 0, NULL,
                        q < FR_LEAD && !told ? main_ty : NULL,
                        q < FR_LEAD ? cued : NULL, &ty, &sp);
    for (size_t t = 0; t < r->n_types && !told; t++) told = main_ty[t];
    if (sc * w > best.score) best = (fr_best){ty, sc * w, sp, (long)q};
  }
  /* the headline's event, when the lead's first event sentence tells it
   * in its main clause, is the news, whatever a later sentence names
   * ("ministers gather ... as tariffs loom": the gathering, told again as
   * the lead's main verb, not the tariffs the lead names in a later
   * clause; "Jokowi Umumkan ..." over a visit told in the third
   * sentence); else the headline must beat the body ("Teleponan dengan
   * Trump, Putin Setujui Jeda Serangan" over a lead that says they spoke
   * by phone) */
  for (size_t t = 0; t < r->n_types; t++)
    mult[t] = main_ty[t] ? FR_TITLE_LEAD : 1.0;
  if (d->title.value) {
    int32_t ty = -1;
    wt_span sp = {0, 0};
    size_t tl = strlen(d->title.value);
    double sc = fr_cues(r, d->title.value, 0, tl, 1, mult, NULL, NULL, &ty, &sp);
    /* not an event the lead names only as a modifier or a topic ("heads
     * for landslide" over a lead's "landslide victory in the presidential
     * election") */
    if (sc > 0 && (sc > best.score || main_ty[ty]) &&
        (best.type < 0 || cued[ty] != 1))
      best = (fr_best){ty, sc, {0, 0}, -1};
  }
  /* an outcome reached during a contact in the lead: the contact is the
   * main event ("the agreement was reached during their meeting") */
  if (best.type >= 0 && r->types[best.type].frame == XR_OUTCOME) {
    for (size_t q = 0; q < c->ns && q < FR_LEAD; q++) {
      int32_t ty = -1;
      wt_span sp = {0, 0};
      if (fr_container(c, q, &ty, &sp)) {
        best = (fr_best){ty, best.score, sp, (long)q};
        break;
      }
    }
  }
  fr_holding(c, &best);
  uint8_t *trig = wt_arena_alloc(d->arena, c->ns + 1);
  if (!trig) return -1;
  memset(trig, 0, c->ns + 1);
  if (best.type < 0) {
    fr_date(c, trig, -1);
    fr_window(c);
    return fr_secondary(c, trig);
  }
  f->type = r->types[best.type].id;
  long first_trig = -1;
  for (size_t q = 0; q < c->ns; q++) {
    trig[q] = (uint8_t)fr_has_type_cue(c, q, best.type);
    if (trig[q] && first_trig < 0) first_trig = (long)q;
  }
  if (best.sent >= 0) {
    f->trigger = best.trig;
  } else if (first_trig >= 0) {
    /* cued in the title: the trigger is its first body occurrence */
    int32_t ty;
    fr_cues(r, c->s, c->sent[first_trig].start, c->sent[first_trig].end, 0,
            NULL, NULL, NULL, &ty,
            &f->trigger);
  }
  long ev = best.sent >= 0 ? best.sent : first_trig >= 0 ? first_trig : 0;
  if (c->ns) f->evidence = c->sent[ev];

  if (c->ns && x_frame_participants(c, (size_t)ev, trig, best.type) < 0) return -1;
  fr_date(c, trig, best.type);
  fr_window(c);
  fr_duration(c, trig, r->types[best.type].lasts);
  fr_place_vec places = {0};
  for (size_t q = 0; q < c->ns; q++)
    if ((trig[q] || q < FR_LEAD) && fr_places(c, q, &places) < 0)
      return -1;
  f->places = places.v;
  f->n_places = places.n;
  return fr_secondary(c, trig);
}
