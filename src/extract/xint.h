/*
 * xint.h - internals shared by the extract stage's files (not a public
 * interface; only the files of src/extract include it).
 *
 *   gazetteer.c  phrase trie, gazetteer and word-list loading
 *   extract.c    driver: token view, sentences, entity table, run order
 *   mention.c    gazetteer mentions, title/role rules, capitalised names
 *   alias.c      in-article linking: short forms, roles, compaction
 *   quote.c      direct and indirect quotes with speakers
 *   source.c     credited sources (agencies, broadcasters, statements)
 *   frame.c      main event frame and secondary events
 *
 * Invariants: the trie stores keys case-folded (ASCII letters lowered,
 * whitespace as one space); a match must start and end on a word
 * boundary.  Per-article state lives in an x_ctx whose arrays come from
 * doc->arena; nothing here allocates outside the resources or the arena.
 */
#ifndef WT_XINT_H
#define WT_XINT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "extract.h"

/* ------------------------------------------------------------ phrase trie */

typedef struct x_trie {
  uint32_t *term; /* per node: payload list head + 1, 0 = not a key end */
  size_t n_nodes, cap_nodes;
  uint64_t *hkey; /* edge table: ((node << 8) | byte) + 1, 0 = empty slot */
  uint32_t *hval;
  size_t hcap, hn;
  int32_t *pay_val, *pay_next;
  size_t n_pay, cap_pay;
} x_trie;

/* Add a phrase with a payload value (keys may repeat: payloads chain).
 * 0 on success, -1 on allocation failure or an empty key. */
int x_trie_add(x_trie *t, const char *s, size_t n, int32_t val);
void x_trie_free(x_trie *t);
/* Every key matching s at pos and ending on a word boundary: writes ends
 * (byte offsets) and payload heads, shortest first; returns the count
 * (at most max).  pos itself must be a word start (caller checks). */
size_t x_trie_walk(const x_trie *t, const char *s, size_t n, size_t pos,
                   uint32_t *ends, int32_t *heads, size_t max);
/* Longest key at pos: its end (0 when none), first payload in *val. */
size_t x_trie_longest(const x_trie *t, const char *s, size_t n, size_t pos,
                      int32_t *val);

/* Is the UTF-8 character at byte i a word character (letter or digit)?
 * x_word_before: is the character ending just before byte i one? */
int x_word_at(const char *s, size_t n, size_t i);
int x_word_before(const char *s, size_t i);
/* ASCII case fold of one byte. */
static inline unsigned char x_fold(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* ------------------------------------------------------------- resources */

enum {
  XT_COUNTRY = 1u << 0, XT_CAPITAL = 1u << 1, XT_CITY = 1u << 2,
  XT_PROVINCE = 1u << 3, XT_REGENCY = 1u << 4, XT_REGION = 1u << 5,
  XT_CONTINENT = 1u << 6, XT_IO = 1u << 7, XT_AGENCY = 1u << 8,
  XT_BROADCASTER = 1u << 9, XT_OUTLET = 1u << 10, XT_PARTY = 1u << 11,
  XT_MINISTRY = 1u << 12, XT_GOVERNMENT = 1u << 13, XT_MILITARY = 1u << 14,
  XT_COMPANY = 1u << 15, XT_HEAD_STATE = 1u << 16, XT_HEAD_GOV = 1u << 17,
  XT_MINISTER = 1u << 18, XT_LEADER = 1u << 19, XT_CASESENS = 1u << 20,
};
#define XT_MEDIA (XT_AGENCY | XT_BROADCASTER | XT_OUTLET)

typedef struct x_gent {
  const char *id, *name;
  uint8_t type; /* wt_ent_type */
  uint32_t tags;
  const char *metonym; /* id of the country/government it stands for */
  const char *in;      /* id of the country it belongs to ("in:"), or NULL */
  const char *members; /* " id id ... " of its member countries ("member:"
                          tags of a body), or NULL */
} x_gent;

typedef struct x_alias {
  int32_t ent;
  const char *exact; /* case-sensitive alias: the exact text, else NULL */
  uint8_t has_upper; /* the alias as written has an upper-case letter */
  uint16_t len;
} x_alias;

typedef struct x_role {
  int32_t ent; /* gazetteer entity holding the role, -1 unknown id */
  int32_t from, to; /* day range, WT_NO_DAY = open */
} x_role;

/* Word-list kinds (speech verbs, source cues). */
enum { XV_VERB = 1, XV_PRON, XV_ACC, XV_STMT };
enum { XS_WIRE = 1, XS_STMT };

/* Who acts in an event of a type (event-types.tsv, 6th column). */
enum { XA_PERSON = 0, XA_PAIR, XA_ORG, XA_CIVIL, XA_NONE, XA_APPOINT, XA_AGENT,
       XA_SIDES, XA_CANDIDATES };

/* What an event of a type is to another one (event-types.tsv, 7th
 * column): a contact (a meeting, visit, call) holds the outcomes reached
 * during it (an agreement); plain types neither. */
enum { XR_PLAIN = 0, XR_CONTACT, XR_OUTCOME };

typedef struct x_evtype {
  const char *id, *label;
  int priority;
  uint8_t actors; /* XA_*: persons first; at least two persons;
                     institutions first; non-state bodies first; nobody;
                     appointer and appointee; the acting side only;
                     states and armed groups first; two candidates, a
                     running mate none */
  uint8_t frame;  /* XR_* */
  int32_t lasts;  /* longest duration in minutes; 0: none is the event's;
                     -1: not limited (column absent) */
} x_evtype;

/* An event that holds others (holding-events.tsv): told in the title or
 * the lead, type is the main event over the types in the held mask. */
typedef struct x_hold {
  int32_t type;
  uint32_t held; /* bit t: types[t] */
} x_hold;

/* Closed word classes (data/extract/function-words.txt). */
enum {
  XW_PRON = 0, /* pronouns a speech verb may take: "ia", "he" */
  XW_LOC,      /* words before a place: "di", "ke", "in", "kota" */
  XW_LASTING,  /* a sentence about how long it lasted: "berlangsung" */
  XW_FROM,     /* "dari", "from": where a participant was */
  XW_THAT,     /* "bahwa", "that" before indirect speech */
  XW_TO,       /* "kepada", "to": the addressee after a speech verb */
  XW_ASIS,     /* "demikian", "seperti" between a quote and its verb */
  XW_CLAUSE,   /* "sementara", "whereas": a new clause with its own event */
  XW_STATE,    /* "pemerintah", "government": a state's government */
  XW_DURING,   /* "dalam", "during": an event held inside another one */
  XW_MODHEAD,  /* "korban", "victims (of)": a head an event word after it
                  only qualifies */
  XW_MODTAIL,  /* "victims" in "flood victims": the same, head last */
  XW_WEEKDAY,  /* "selasa", "tuesday": a weekday name */
  XW_TOPIC,    /* "membahas", "discussed": what follows is a topic */
  XW_PREDECESSOR, /* "menggantikan", "replacing": the person after it
                     held the post before (no participant) */
  XW_PASSIVE,  /* "dilantik", "sworn": an appointing verb whose subject is
                  the appointee */
  XW_AUX,      /* "was", "were": an English participle after it is passive */
  XW_AGENT,    /* "oleh", "by": the doer of a passive verb follows */
  XW_PLAN,     /* "akan", "is due to": what follows is planned, not done */
  XW_THROUGH,  /* "dan", "hingga", "to": joins the days of one event */
  XW_WITNESS,  /* "disaksikan", "brokered by": a third party follows, not a
                  principal of the event */
  XW_ORGANISER, /* "tergabung dalam", "led by": the organiser of a protest
                   follows */
  XW_MEMBERS,  /* "para menteri", "foreign ministers": the members of a
                  body ("... ASEAN") meet */
  XW_CHAIR,    /* "keketuaan", "chaired": who chairs or hosts a body's
                  meeting */
  XW_WATCH,    /* "menyaksikan", "witnessed": the outcome after it is a
                  ceremony of its own, not held inside a contact */
  XW_CEREMONY, /* "upacara", "ceremony": event words later in its clause
                  are part of the ceremony ("... dengan tembakan meriam") */
  XW_COMMASUB, /* "as", "saat": after a comma, opens a subordinate clause
                  (", as Carney pushes ...") */
  XW_OFFICE,   /* "pemilihan", "calon", "former": a role phrase after it
                  names the office, not its holder */
  XW_TARGET,   /* "terhadap", "against": who a one-sided act is aimed at
                  follows; not its actor */
  XW_CONJ,     /* "dan", "and": joins two parts of a role's portfolio */
  XW_REL,      /* "yang", "who": a relative clause about the name before */
  XW_ORGJOIN,  /* "untuk", "for": joins an organisation's purpose to its
                  name ("Committee to Protect Journalists") */
  XW_RANK,     /* "came second", "urutan ketiga": where a candidate
                  finished (the payload) */
  XW_NAMEJOIN, /* "bin", "van": a particle inside a person's name */
  XW_MATE,     /* "running mate", "cawapres": the name after it stands
                  for a ticket's second place, not a candidate */
  XW_LISTING,  /* "menambahkan", "added": puts who follows on a list (a
                  sanction's target before its cue) */
  XW_KIN,      /* "sister", "adik": a person named as someone's kin only
                  describes that someone */
  XW_FACILITY, /* "pangkalan", "base", "troops": a state's site or force
                  abroad (the host country is only where it stands) */
  XW_N
};

#define X_MAX_PORTFOLIO 32 /* distinct portfolios of members words */

typedef struct x_kv {
  const char *norm;
  uint8_t kind;
} x_kv;

struct wt_extract_res {
  wt_arena *arena;
  x_gent *ents;
  size_t n_ents, cap_ents;
  x_alias *aliases;
  size_t n_aliases, cap_aliases;
  x_trie gaz;       /* names and aliases -> alias index */
  int32_t *id_tab;  /* open addressing over ents by id, -1 empty */
  size_t id_cap;
  x_trie demonyms;  /* demonym -> gazetteer entity (or -1) */
  x_role *roles;
  size_t n_roles, cap_roles;
  x_trie role_phrases; /* role phrase -> roles index */
  x_trie titles, role_words, org_cues, not_names, subords;
  x_kv *verbs, *cues;
  size_t n_verbs, n_cues, cap_verbs, cap_cues;
  x_trie verb_trie, cue_trie; /* -> verbs/cues index */
  x_evtype *types;
  size_t n_types, cap_types;
  x_trie type_cues; /* -> types index */
  x_hold *holds;
  size_t n_holds, cap_holds;
  x_trie hold_cues; /* -> holds index */
  x_trie words[XW_N]; /* closed word classes, XW_* */
  const char *home;   /* id of the home country (function-words "home") */
  char load_err[160]; /* a data line's error, set by a load callback */
  /* a members word's portfolio ("foreign ministers" -> "Menteri Luar
   * Negeri", 3rd column of function-words.txt): XW_MEMBERS payload - 1 */
  const char *portfolio[X_MAX_PORTFOLIO];
  int n_portfolio;
};

/* Longest gazetteer name at pos (a word start) that passes the case
 * rules: its end, alias index in *alias; 0 when none. */
size_t x_gaz_match(const wt_extract_res *r, const char *s, size_t n,
                   size_t pos, int32_t *alias);
/* Is byte i inside a URL, e-mail address or domain? */
int x_in_url(const char *s, size_t n, size_t i);
/* Gazetteer entity index of an id, or -1. */
int32_t x_gaz_find(const wt_extract_res *r, const char *id);

/* ------------------------------------------------------- per-article view */

enum { XK_WORD = 1, XK_NUM, XK_PUNCT };
enum {
  XF_CAP = 1 << 0,    /* first letter upper case */
  XF_ALLCAP = 1 << 1, /* every letter upper case, 2+ letters */
  XF_SENT0 = 1 << 2,  /* first word of its sentence */
  XF_QUOTE = 1 << 3,  /* a quotation mark */
  XF_USED = 1 << 4,   /* part of a title or role phrase */
  XF_URL = 1 << 5,    /* inside a URL, e-mail or domain */
  XF_TAGO = 1 << 6,   /* the name tagger left it outside every name */
};

typedef struct x_tok {
  uint32_t s, e;
  uint8_t kind, flags;
  uint32_t sent;
  int32_t men; /* mention covering the token, -1 */
} x_tok;

/* A role phrase with no name after it ("Presiden Rusia" alone). */
typedef struct x_rolemen {
  uint32_t s, e;
} x_rolemen;

typedef struct x_ctx {
  const wt_extract_res *r;
  wt_doc *d;
  const char *s;
  size_t n;
  x_tok *t;
  size_t nt;
  wt_span *sent; /* sentence spans */
  uint32_t *sent_tok; /* first token of each sentence (ns + 1 entries) */
  size_t ns;
  WT_VEC(int32_t) egaz;   /* per entity: gazetteer index, -1 */
  WT_VEC(x_rolemen) rolemen;
  int en; /* article language is English */
} x_ctx;

/* extract.c: entity table and mentions. */
int32_t x_entity(x_ctx *c, int32_t gaz, const char *id, const char *name,
                 wt_ent_type type);
int32_t x_mention(x_ctx *c, uint32_t ti, uint32_t tj, int32_t ent,
                  uint8_t how);
/* Token index at or after byte offset off (nt when none). */
size_t x_tok_at(const x_ctx *c, uint32_t off);
/* Is sentence q a subhead's: a heading paragraph, or a list item with no
 * full stop ("- Biden, Trump welcome deal")? */
int x_sent_heading(const x_ctx *c, size_t q);
/* Case-folded equality of a token with a word. */
int x_tok_is(const x_ctx *c, size_t ti, const char *w);
/* Gazetteer tags of a doc entity (0 when not from the gazetteer). */
uint32_t x_ent_tags(const x_ctx *c, int32_t ent);
/* Longest key of trie t starting at token ti, ending on a token end:
 * the index one past its last token (ti when none), payload in *val. */
size_t x_tok_match(const x_ctx *c, const x_trie *t, size_t ti, int32_t *val);
/* Does an entry of word class cls (XW_*) start at token ti? */
int x_tok_class(const x_ctx *c, size_t ti, int cls);

/* mention.c: the body's bytes [s, e) with whitespace runs as one space,
 * copied into the doc's arena (NULL when the arena is full). */
char *x_span_text(x_ctx *c, uint32_t s, uint32_t e);
/* mention.c: one past the last token of the name word at ti, with the
 * parts a tight hyphen joins to it ("Al-Sisi"; "Moon-soo" when ti is not
 * the name's first token, `first`).  For every rule that finds names. */
size_t x_name_word_end(const x_ctx *c, size_t first, size_t ti);
/* mention.c: when tokens [a, b) are exactly a demonym ("Iranian"), a
 * mention of its country (none when the country is not listed): 1; 0 when
 * they are no demonym; -1 when the arena is full.  A demonym never names
 * a person. */
int x_demonym_mention(x_ctx *c, size_t a, size_t b);

/* alias.c: the day roles are read at (the reference day, else the latest
 * day the text states), and the holder of role phrase s[0..n) on `day`
 * in roles.tsv: a gazetteer entity index, -1 when none or unknown. */
int32_t x_role_day(const x_ctx *c);
int32_t x_role_holder(const x_ctx *c, const char *s, size_t n, int32_t day);

/* Stage steps, in run order. */
int x_mentions_find(x_ctx *c);
int x_alias_link(x_ctx *c);
int x_sources_find(x_ctx *c);
int x_quotes_find(x_ctx *c);
int x_frame_build(x_ctx *c);

/* frame.c and actors.c: the main event frame and its participants. */
#define X_FRAME_LEAD 4     /* lead sentences */
#define X_FRAME_MAX_PART 4 /* participants of one frame */
/* Does a subordinate clause open at token ti? */
int x_frame_subord(const x_ctx *c, size_t ti);
/* Does a cue of event type `type` start at token k (ending before end)? */
int x_frame_cue_at(const x_ctx *c, size_t k, size_t end, int32_t type);
/* Does the timex (or mention) at byte off of sentence q sit in a clause
 * that only reports the event ("..., his office said")? */
int x_frame_reported(const x_ctx *c, size_t q, uint32_t off, int32_t type);
/* Persons of sentence q before token end into parts (see actors.c). */
void x_frame_persons(const x_ctx *c, size_t q, size_t end, int tickets,
                     int32_t type, int32_t *parts, size_t *np);
/* The main frame's participants: sentence ev holds the trigger, trig[q]
 * marks sentences cued with the type.  0, or -1 when the arena is full. */
int x_frame_participants(x_ctx *c, size_t ev, const uint8_t *trig,
                         int32_t type);

#endif
