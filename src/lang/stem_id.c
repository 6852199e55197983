/*
 * stem_id.c - Indonesian stemmer: confix stripping against a root
 * dictionary, in the Nazief-Adriani / Enhanced Confix Stripping family.
 *
 *   word in the dictionary               -> word
 *   reduplication (buku-buku, meniru-nirukan, kuasa-Mu) -> stem of the parts
 *   confix precedence (be-lah, be-an, me-i, di-i, pe-i, ter-i) -> prefixes
 *     are tried before suffixes
 *   otherwise: strip particle (-lah -kah -tah -pun), possessive (-ku -mu
 *     -nya), derivational suffix (-kan -an -i), checking the dictionary
 *     after each, then up to three prefixes (di- ke- se- ku- kau-, and
 *     me- pe- be- te- with their morphophonemic recodings: menulis ->
 *     tulis, memukul -> pukul, mengupas -> kupas, penyanyi -> nyanyi,
 *     and the infixes -er- -el- -em- -in-), never the same prefix twice
 *     and never a forbidden confix (be-i di-an ke-i ke-kan me-an se-i
 *     se-kan te-an)
 *   loop pengembalian akhiran: when that fails, restore the suffixes one
 *     by one (-kan first as "k" + -an) and strip prefixes again
 *   last resort: foreign suffixes -isasi -isme -is (finalisasi -> final)
 *   nothing found -> the word unchanged.
 *
 * The infix -in- comes off a dictionary word only under
 * STEM_INFIX_ROOT_FLAGS.
 * With a hunspell dictionary, data/lang/roots-extra-id.txt adds common
 * roots hunspell lacks (nafas, inflasi), allowing every affix.
 *
 * Among several recodings that are all roots, one whose hunspell affix
 * flags allow the prefix (a flag starting with M for me-, P for pe-, ...)
 * wins over one that does not; a flagless root (upas, rusa) is only a
 * fallback.  Dictionaries without flags treat every root as compatible.
 *
 * Invariants: works on lower-case ASCII words of at most WT_STEM_MAX
 * bytes; anything else is returned unchanged.  Read-only after loading:
 * one wt_stem_id can serve many threads.
 */
#include "lang_int.h"
#include "../core/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WT_STEM_MAX 48
#define ROOT_MIN 3
/* An infix is removed from a dictionary word only when it is -in-, the
 * word has at most one affix flag and the root at least this many (a rare
 * entry that is a fixed form of a productive root: kinerja/B0 -> kerja,
 * with 13 flags; binatang stays).  Over hunspell-id this touches three
 * entries (kinerja, kinasih, binawah); allowing -el- -em- -er- too would
 * take lemari -> lari, seminar -> sinar, jelaga -> jaga. */
#define STEM_INFIX_ROOT_FLAGS 8

struct wt_stem_id {
  wt_lmap dict;  /* root -> aux: RB_* bits, MASK_ALL without flags */
  int has_flags; /* loaded from a hunspell dictionary */
};

/* prefix types */
enum { PT_NONE, PT_DI, PT_KE, PT_SE, PT_KU, PT_KAU, PT_ME, PT_PE, PT_PER,
       PT_BE, PT_TE, PT_INFIX };
/* derivational suffixes */
enum { DS_NONE, DS_I, DS_KAN, DS_AN };

/* aux bits of a root: the prefix classes its hunspell flags allow (bits
 * 0-8, see stem_letter_bit), the suffixes they allow (-an, -kan, -i),
 * whether it has flags at all, and the number of flags (bits 16-23: how
 * productive the root is).  Roots from a list without flags: MASK_ALL. */
#define RB_AN (1u << 9)
#define RB_KAN (1u << 10)
#define RB_I (1u << 11)
#define RB_FLAGS (1u << 12)
#define RB_CLASSES 0x1FFu
#define RB_COUNT(m) (((m) >> 16) & 0xFF)
#define MASK_ALL 0xFFFFFFFFu

/* hunspell-id names prefix classes by letter: B ber-, D di-, K ke-, M me-,
 * O ku-/kau-, P pe-, R per-, S se-, T ter- */
static uint32_t stem_letter_bit(char c) {
  static const char order[] = "BDKMOPRST";
  const char *p = c ? strchr(order, c) : NULL;
  return p ? 1u << (p - order) : 0;
}

static uint32_t stem_class_bit(int pt) {
  switch (pt) {
  case PT_DI: return stem_letter_bit('D');
  case PT_KE: return stem_letter_bit('K');
  case PT_SE: return stem_letter_bit('S');
  case PT_ME: return stem_letter_bit('M');
  case PT_PE: return stem_letter_bit('P');
  case PT_PER: return stem_letter_bit('P') | stem_letter_bit('R');
  case PT_KU: case PT_KAU: return stem_letter_bit('O');
  case PT_BE: return stem_letter_bit('B');
  case PT_TE: return stem_letter_bit('T');
  default: return MASK_ALL;
  }
}

/* ------------------------------------------------------------ loading */

/* RB_* bits of each two-character hunspell flag, from the .aff file */
typedef struct {
  uint32_t bits[128 * 128];
  int loaded;
} stem_aff;

/* Prefix classes in an added prefix ("keter" -> K and T, "member" -> M
 * and B, "menge" -> M). */
static uint32_t stem_pfx_classes(const char *a) {
  uint32_t m = 0;
  while (*a) {
    int l = 0;
    char cls = 0;
    if (!strncmp(a, "kau", 3)) l = 3, cls = 'O';
    else if (!strncmp(a, "ku", 2)) l = 2, cls = 'O';
    else if (!strncmp(a, "ber", 3)) l = 3, cls = 'B';
    else if (!strncmp(a, "be", 2)) l = 2, cls = 'B';
    else if (!strncmp(a, "ter", 3)) l = 3, cls = 'T';
    else if (!strncmp(a, "te", 2)) l = 2, cls = 'T';
    else if (!strncmp(a, "per", 3)) l = 3, cls = 'P';
    else if (!strncmp(a, "pe", 2)) l = 2, cls = 'P';
    else if (!strncmp(a, "me", 2)) l = 2, cls = 'M';
    else if (!strncmp(a, "di", 2)) l = 2, cls = 'D';
    else if (!strncmp(a, "ke", 2)) l = 2, cls = 'K';
    else if (!strncmp(a, "se", 2)) l = 2, cls = 'S';
    if (!l) break;
    m |= stem_letter_bit(cls);
    a += l;
    if (cls == 'M' || cls == 'P') { /* the nasal of meN-/peN- */
      if (!strncmp(a, "ng", 2) || !strncmp(a, "ny", 2)) a += 2;
      else if (*a == 'm' || *a == 'n') a++;
    }
  }
  return m;
}

static void stem_aff_load(stem_aff *af, const char *dic_path) {
  char path[4096];
  size_t l = strlen(dic_path);
  if (l < 4 || l >= sizeof path || strcmp(dic_path + l - 4, ".dic") != 0)
    return;
  memcpy(path, dic_path, l - 4);
  memcpy(path + l - 4, ".aff", 5);
  FILE *f = fopen(path, "r");
  if (!f) return;
  /* pass 0: prefixes; pass 1: suffixes, which also take the prefix
   * classes of their continuation flags (-kan/D1: di-kan) */
  for (int pass = 0; pass < 2; pass++) {
    char line[512];
    rewind(f);
    while (fgets(line, sizeof line, f)) {
      char kind[8], flag[8], strip[64], add[128];
      if (sscanf(line, "%7s %7s %63s %127s", kind, flag, strip, add) != 4)
        continue;
      int pfx = !strcmp(kind, "PFX"), sfx = !strcmp(kind, "SFX");
      if ((pass == 0 ? !pfx : !sfx) || strlen(flag) != 2 ||
          (flag[0] & 0x80) || (flag[1] & 0x80) || !strcmp(strip, "Y") ||
          !strcmp(strip, "N"))
        continue;
      char *sl = strchr(add, '/');
      if (sl) *sl++ = '\0';
      uint32_t b = 0;
      if (pfx) {
        b = stem_pfx_classes(add);
      } else {
        if (!strncmp(add, "kan", 3)) b = RB_KAN;
        else if (!strncmp(add, "an", 2)) b = RB_AN;
        else if (add[0] == 'i') b = RB_I;
        for (const char *c = sl; c && c[0] && c[1]; c += 2)
          b |= af->bits[(c[0] & 127) * 128 + (c[1] & 127)] & RB_CLASSES;
      }
      af->bits[(flag[0] & 127) * 128 + (flag[1] & 127)] |= b;
      af->loaded = 1;
    }
  }
  fclose(f);
}

static int stem_add(wt_stem_id *s, const stem_aff *af, const char *w,
                    size_t n) {
  char buf[256];
  const char *slash = memchr(w, '/', n);
  size_t wl = slash ? (size_t)(slash - w) : n;
  if (wl == 0 || wl >= sizeof buf) return 0;
  for (size_t i = 0; i < wl; i++) buf[i] = (char)tolower((unsigned char)w[i]);
  uint32_t mask = 0;
  if (slash) {
    mask = RB_FLAGS;
    uint32_t cnt = 0;
    for (const char *f = slash + 1; f + 1 < w + n; f += 2) {
      if (cnt < 255) cnt++;
      if (af && af->loaded) {
        mask |= af->bits[(f[0] & 127) * 128 + (f[1] & 127)];
        continue;
      }
      mask |= stem_letter_bit(f[0]);
      for (int k = 0; k < 2; k++) {
        if (f[k] == 'a') mask |= RB_AN;
        if (f[k] == 'k') mask |= RB_KAN;
        if (f[k] == 'i') mask |= RB_I;
      }
    }
    mask |= cnt << 16;
    s->has_flags = 1;
  }
  const wt_lmap_ent *old = wt_lmap_get(&s->dict, buf, wl);
  if (old) {
    uint32_t c = RB_COUNT(old->aux) + RB_COUNT(mask);
    mask = ((old->aux | mask) & 0xFFFFu) | ((c > 255 ? 255 : c) << 16);
  }
  return wt_lmap_put(&s->dict, buf, wl, NULL, 0, mask) ? 0 : -1;
}

/* A supplementary root (data/lang/roots-extra-id.txt): allows every affix;
 * a hunspell entry of the same word keeps its flags. */
static int stem_extra_line(void *ud, char *line, size_t len, int lineno) {
  wt_stem_id *s = ud;
  (void)lineno;
  for (size_t i = 0; i < len; i++)
    line[i] = (char)tolower((unsigned char)line[i]);
  if (len < ROOT_MIN || wt_lmap_get(&s->dict, line, len)) return 0;
  return wt_lmap_put(&s->dict, line, len, NULL, 0, MASK_ALL) ? 0 : -1;
}

wt_stem_id *wt_stem_id_new_file(const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, errlen, "%s: cannot open the root dictionary", path);
    return NULL;
  }
  wt_stem_id *s = calloc(1, sizeof *s);
  if (!s) {
    fclose(f);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  wt_lmap_init(&s->dict);
  stem_aff *af = calloc(1, sizeof *af);
  if (af) stem_aff_load(af, path);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int first = 1;
  while ((n = getline(&line, &cap, f)) >= 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
                     line[n - 1] == ' ' || line[n - 1] == '\t'))
      n--;
    /* hunspell's first line is the entry count */
    if (first && n > 0 && isdigit((unsigned char)line[0])) {
      first = 0;
      continue;
    }
    first = 0;
    if (n == 0 || line[0] == '#') continue;
    if (stem_add(s, af, line, (size_t)n) != 0) break;
  }
  free(af);
  free(line);
  fclose(f);
  if (s->has_flags &&
      wt_data_lines("lang/roots-extra-id.txt", stem_extra_line, s, err,
                    errlen) < 0) {
    wt_stem_id_free(s);
    return NULL;
  }
  if (s->dict.n == 0) {
    snprintf(err, errlen, "%s: no roots", path);
    wt_stem_id_free(s);
    return NULL;
  }
  return s;
}

wt_stem_id *wt_stem_id_new_words(const char *const *roots, size_t n) {
  wt_stem_id *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  wt_lmap_init(&s->dict);
  for (size_t i = 0; i < n; i++) {
    char buf[256];
    size_t l = strlen(roots[i]);
    if (l == 0 || l >= sizeof buf) continue;
    for (size_t k = 0; k < l; k++)
      buf[k] = (char)tolower((unsigned char)roots[i][k]);
    wt_lmap_put(&s->dict, buf, l, NULL, 0, MASK_ALL);
  }
  return s;
}

void wt_stem_id_free(wt_stem_id *s) {
  if (!s) return;
  wt_lmap_free(&s->dict);
  free(s);
}

int wt_stem_id_is_root(const wt_stem_id *s, const char *w, size_t n) {
  return wt_lmap_get(&s->dict, w, n) != NULL;
}

/* ----------------------------------------------------------- helpers */

typedef struct {
  char w[WT_STEM_MAX + 4];
  uint8_t n;
  uint8_t type;
} stem_cand;

typedef struct {
  const wt_stem_id *s;
  char fallback[WT_STEM_MAX + 4]; /* a root whose flags do not fit */
  size_t fallback_n;
  uint32_t fallback_cnt;
  char out[WT_STEM_MAX + 4];
  size_t out_n;
  int budget; /* bounds the search on hostile input */
  int strict; /* only affixes the root's flags license (dictionary words) */
  int infix_ok; /* strict, yet an infix may be removed (kinerja -> kerja) */
} stem_ctx;

static inline int V(char c) {
  return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}
static inline int C(char c) { return c >= 'a' && c <= 'z' && !V(c); }
static inline int starts(const char *w, size_t n, const char *p) {
  size_t l = strlen(p);
  return n >= l && memcmp(w, p, l) == 0;
}
static inline int in(char c, const char *set) {
  return c && strchr(set, c) != NULL;
}

static uint32_t stem_sfx_bit(int ds) {
  return ds == DS_AN ? RB_AN : ds == DS_KAN ? RB_KAN : ds == DS_I ? RB_I : 0;
}

/* Is w[0..n) a root reached through prefix type pt (innermost) and
 * derivational suffix ds?  0 no (or its flags rule the affixes out),
 * 1 a fallback: a flagless root reached through a prefix only, or a root
 * whose flags do not license the affixes; 2 yes. */
static int stem_root(const stem_ctx *x, const char *w, size_t n, int pt,
                     int ds) {
  if (n < ROOT_MIN) return 0;
  const wt_lmap_ent *e = wt_lmap_get(&x->s->dict, w, n);
  if (!e) return 0;
  uint32_t m = e->aux;
  if (m == MASK_ALL) return 2;
  if (!(m & RB_FLAGS)) {
    if (ds != DS_NONE) return 0;
    return pt == PT_NONE ? 2 : 1;
  }
  /* hunspell-id's flags are incomplete (siap lacks ke-an): affixes they
   * do not license make a fallback, not a refusal */
  if (pt != PT_NONE && pt != PT_INFIX && !(m & stem_class_bit(pt))) return 1;
  if (pt == PT_NONE && ds != DS_NONE && !(m & stem_sfx_bit(ds))) return 1;
  return 2;
}

/* Root check that records the best fallback root; 1 when a fitting root
 * was found (it is in x->out). */
static int stem_accept(stem_ctx *x, const char *w, size_t n, int pt, int ds) {
  if (x->strict && ((pt == PT_NONE && ds == DS_NONE) ||
                    (pt == PT_INFIX && !x->infix_ok)))
    return 0;
  if (x->strict && pt == PT_INFIX) {
    const wt_lmap_ent *e = wt_lmap_get(&x->s->dict, w, n);
    if (!e || e->aux == MASK_ALL || RB_COUNT(e->aux) < STEM_INFIX_ROOT_FLAGS)
      return 0;
  }
  int r = stem_root(x, w, n, pt, ds);
  if (r == 2) {
    memcpy(x->out, w, n);
    x->out_n = n;
    return 1;
  }
  if (r == 1 && !x->strict) { /* keep the most productive fallback */
    uint32_t cnt = RB_COUNT(wt_lmap_get(&x->s->dict, w, n)->aux);
    if (!x->fallback_n || cnt > x->fallback_cnt) {
      memcpy(x->fallback, w, n);
      x->fallback_n = n;
      x->fallback_cnt = cnt;
    }
  }
  return 0;
}

static void cand_add(stem_cand *c, int *nc, const char *pre, const char *w,
                     size_t n, int type) {
  size_t pl = strlen(pre);
  if (*nc >= 8 || pl + n > WT_STEM_MAX || pl + n < ROOT_MIN) return;
  stem_cand *k = &c[(*nc)++];
  memcpy(k->w, pre, pl);
  memcpy(k->w + pl, w, n);
  k->n = (uint8_t)(pl + n);
  k->type = (uint8_t)type;
}

/* The ways to remove one prefix from w, in rule order. */
static int stem_prefix_cands(const char *w, size_t n, stem_cand *c) {
  int nc = 0;
  if (n < 4) return 0;
  char c2 = w[2], c3 = n > 3 ? w[3] : 0, c4 = n > 4 ? w[4] : 0;
  if (starts(w, n, "di")) cand_add(c, &nc, "", w + 2, n - 2, PT_DI);
  if (starts(w, n, "ke")) cand_add(c, &nc, "", w + 2, n - 2, PT_KE);
  if (starts(w, n, "se")) cand_add(c, &nc, "", w + 2, n - 2, PT_SE);
  if (starts(w, n, "ku")) cand_add(c, &nc, "", w + 2, n - 2, PT_KU);
  if (starts(w, n, "kau")) cand_add(c, &nc, "", w + 3, n - 3, PT_KAU);
  if (starts(w, n, "be")) {
    if (starts(w, n, "belajar")) {
      cand_add(c, &nc, "", w + 3, n - 3, PT_BE);
    } else if (c2 == 'r' && V(c3)) {
      cand_add(c, &nc, "", w + 3, n - 3, PT_BE);
      cand_add(c, &nc, "r", w + 3, n - 3, PT_BE);
    } else if (c2 == 'r' && C(c3) && c3 != 'r') {
      cand_add(c, &nc, "", w + 3, n - 3, PT_BE);
    } else if (C(c2) && c2 != 'r' && n > 5 && c3 == 'e' && c4 == 'r' &&
               C(w[5])) {
      cand_add(c, &nc, "", w + 2, n - 2, PT_BE);
    }
  }
  if (starts(w, n, "te")) {
    if (c2 == 'r' && V(c3)) {
      cand_add(c, &nc, "", w + 3, n - 3, PT_TE);
      cand_add(c, &nc, "r", w + 3, n - 3, PT_TE);
    } else if (c2 == 'r' && C(c3) && c3 != 'r') {
      cand_add(c, &nc, "", w + 3, n - 3, PT_TE);
    } else if (C(c2) && c2 != 'r' && n > 5 && c3 == 'e' && c4 == 'r' &&
               C(w[5])) {
      cand_add(c, &nc, "", w + 2, n - 2, PT_TE);
    }
  }
  if (starts(w, n, "me")) {
    if (in(c2, "lrwy") && V(c3)) {
      cand_add(c, &nc, "", w + 2, n - 2, PT_ME);
    } else if (c2 == 'm') {
      if (in(c3, "bfv")) {
        cand_add(c, &nc, "", w + 3, n - 3, PT_ME);
      } else if (c3 == 'p' && c4 == 'e') {
        cand_add(c, &nc, "", w + 3, n - 3, PT_ME);
      } else if (c3 == 'p') {
        cand_add(c, &nc, "", w + 3, n - 3, PT_ME);
      } else if (V(c3) || (c3 == 'r' && V(c4))) {
        cand_add(c, &nc, "m", w + 3, n - 3, PT_ME);
        cand_add(c, &nc, "p", w + 3, n - 3, PT_ME);
      }
    } else if (c2 == 'n') {
      if (in(c3, "cdjstz")) {
        cand_add(c, &nc, "", w + 3, n - 3, PT_ME);
      } else if (V(c3)) {
        cand_add(c, &nc, "n", w + 3, n - 3, PT_ME);
        cand_add(c, &nc, "t", w + 3, n - 3, PT_ME);
      } else if (c3 == 'g') {
        if (in(c4, "ghqk")) {
          cand_add(c, &nc, "", w + 4, n - 4, PT_ME);
        } else if (V(c4)) {
          cand_add(c, &nc, "", w + 4, n - 4, PT_ME);
          cand_add(c, &nc, "k", w + 4, n - 4, PT_ME);
          if (c4 == 'e') cand_add(c, &nc, "", w + 5, n - 5, PT_ME);
          cand_add(c, &nc, "ng", w + 4, n - 4, PT_ME);
        }
      } else if (c3 == 'y' && V(c4)) {
        cand_add(c, &nc, "ny", w + 4, n - 4, PT_ME);
        cand_add(c, &nc, "s", w + 4, n - 4, PT_ME);
      }
    }
  }
  if (starts(w, n, "pe")) {
    if (starts(w, n, "pelajar")) {
      cand_add(c, &nc, "", w + 3, n - 3, PT_PE);
    } else if (in(c2, "wy") && V(c3)) {
      cand_add(c, &nc, "", w + 2, n - 2, PT_PE);
    } else if (c2 == 'r' && V(c3)) {
      cand_add(c, &nc, "", w + 3, n - 3, PT_PER);
      cand_add(c, &nc, "r", w + 3, n - 3, PT_PER);
    } else if (c2 == 'r' && C(c3) && c3 != 'r') {
      cand_add(c, &nc, "", w + 3, n - 3, PT_PER);
    } else if (c2 == 'm') {
      if (in(c3, "bfv")) {
        cand_add(c, &nc, "", w + 3, n - 3, PT_PE);
      } else if (V(c3) || (c3 == 'r' && V(c4))) {
        cand_add(c, &nc, "m", w + 3, n - 3, PT_PE);
        cand_add(c, &nc, "p", w + 3, n - 3, PT_PE);
      }
    } else if (c2 == 'n') {
      if (in(c3, "cdjstz")) {
        cand_add(c, &nc, "", w + 3, n - 3, PT_PE);
      } else if (V(c3)) {
        cand_add(c, &nc, "n", w + 3, n - 3, PT_PE);
        cand_add(c, &nc, "t", w + 3, n - 3, PT_PE);
      } else if (c3 == 'g') {
        if (in(c4, "ghqk")) {
          cand_add(c, &nc, "", w + 4, n - 4, PT_PE);
        } else if (V(c4)) {
          cand_add(c, &nc, "", w + 4, n - 4, PT_PE);
          cand_add(c, &nc, "k", w + 4, n - 4, PT_PE);
          if (c4 == 'e') cand_add(c, &nc, "", w + 5, n - 5, PT_PE);
        }
      } else if (c3 == 'y' && V(c4)) {
        cand_add(c, &nc, "ny", w + 4, n - 4, PT_PE);
        cand_add(c, &nc, "s", w + 4, n - 4, PT_PE);
      }
    } else if (c2 == 'l' && V(c3)) {
      cand_add(c, &nc, "", w + 2, n - 2, PT_PE);
    } else if (C(c2) && !in(c2, "rwylmn")) {
      int er = c3 == 'e' && c4 == 'r';
      if (!er || (n > 5 && C(w[5])))
        cand_add(c, &nc, "", w + 2, n - 2, PT_PE);
    }
  }
  /* infixes -er- -el- -em- -in- after the first consonant */
  if (C(w[0]) && in(c2, "rlmn") && V(c3) &&
      ((w[1] == 'e' && in(c2, "rlm")) || (w[1] == 'i' && c2 == 'n'))) {
    char pre[2] = {w[0], 0};
    cand_add(c, &nc, pre, w + 3, n - 3, PT_INFIX);
  }
  return nc;
}

static int stem_forbidden(int pt, int ds) {
  switch (pt) {
  case PT_BE: return ds == DS_I;
  case PT_DI: return ds == DS_AN;
  case PT_KE: return ds == DS_I || ds == DS_KAN;
  case PT_ME: return ds == DS_AN;
  case PT_SE: return ds == DS_I || ds == DS_KAN;
  case PT_TE: return ds == DS_AN;
  default: return 0;
  }
}

/* Strip up to 3 - depth prefixes from w; 1 when a fitting root is found.
 * strip_suffix: also look for a root after removing suffixes from each
 * candidate (confix precedence). */
static int stem_prefixes(stem_ctx *x, const char *w, size_t n, int depth,
                         unsigned used, int ds, int strip_suffix);

static int stem_suffix_root(stem_ctx *x, const char *w, size_t n, int pt) {
  size_t m = n;
  static const char *const part[] = {"lah", "kah", "tah", "pun"};
  static const char *const poss[] = {"nya", "ku", "mu"};
  for (int k = 0; k < 4; k++) {
    size_t l = strlen(part[k]);
    if (m > l + 2 && memcmp(w + m - l, part[k], l) == 0) {
      m -= l;
      break;
    }
  }
  if (m < n && stem_accept(x, w, m, pt, DS_NONE)) return 1;
  size_t m2 = m;
  for (int k = 0; k < 3; k++) {
    size_t l = strlen(poss[k]);
    if (m2 > l + 2 && memcmp(w + m2 - l, poss[k], l) == 0) {
      m2 -= l;
      break;
    }
  }
  if (m2 < m && stem_accept(x, w, m2, pt, DS_NONE)) return 1;
  size_t m3 = m2;
  int ds = DS_NONE;
  if (m3 > 5 && memcmp(w + m3 - 3, "kan", 3) == 0) m3 -= 3, ds = DS_KAN;
  else if (m3 > 4 && memcmp(w + m3 - 2, "an", 2) == 0) m3 -= 2, ds = DS_AN;
  else if (m3 > 3 && w[m3 - 1] == 'i') m3 -= 1, ds = DS_I;
  return m3 < m2 && stem_accept(x, w, m3, pt, ds);
}

static int stem_prefixes(stem_ctx *x, const char *w, size_t n, int depth,
                         unsigned used, int ds, int strip_suffix) {
  if (depth >= 3 || --x->budget < 0) return 0;
  stem_cand c[8];
  int nc = stem_prefix_cands(w, n, c);
  int ok[8], best = -1;
  uint32_t best_cnt = 0;
  for (int k = 0; k < nc; k++) {
    int t = c[k].type;
    ok[k] = !(used & (1u << t)) && !(depth == 0 && stem_forbidden(t, ds)) &&
            !(t == PT_INFIX && depth > 0);
    /* several recodings may be roots (mengalahkan: alah, kalah): the one
     * with the most hunspell flags, the more productive root, wins */
    if (ok[k] && stem_accept(x, c[k].w, c[k].n, t, ds)) {
      const wt_lmap_ent *e = wt_lmap_get(&x->s->dict, c[k].w, c[k].n);
      uint32_t cnt = e ? RB_COUNT(e->aux) : 0;
      if (best < 0 || cnt > best_cnt) best = k, best_cnt = cnt;
    }
  }
  if (best >= 0) {
    memcpy(x->out, c[best].w, c[best].n);
    x->out_n = c[best].n;
    return 1;
  }
  if (strip_suffix)
    for (int k = 0; k < nc; k++)
      if (ok[k] && stem_suffix_root(x, c[k].w, c[k].n, c[k].type)) return 1;
  for (int k = 0; k < nc; k++)
    if (ok[k] && c[k].type != PT_INFIX &&
        stem_prefixes(x, c[k].w, c[k].n, depth + 1, used | (1u << c[k].type),
                      ds, strip_suffix))
      return 1;
  return 0;
}

static int stem_precedence(const char *w, size_t n) {
  if (n < 5) return 0;
  int be = starts(w, n, "be"), me = starts(w, n, "me"),
      di = starts(w, n, "di"), pe = starts(w, n, "pe"),
      ter = starts(w, n, "ter");
  if (be && (memcmp(w + n - 3, "lah", 3) == 0 || memcmp(w + n - 2, "an", 2) == 0))
    return 1;
  if (w[n - 1] == 'i' && (me || di || pe || ter)) return 1;
  return 0;
}

/* Stem a word without hyphens; result in x->out.  1 when found. */
static int stem_single(stem_ctx *x, const char *w, size_t n) {
  if (stem_accept(x, w, n, PT_NONE, DS_NONE)) return 1;
  if (stem_precedence(w, n) && stem_prefixes(x, w, n, 0, 0, DS_NONE, 1))
    return 1;

  /* suffixes: particle, possessive, derivational */
  size_t s1 = n, s2, s3;
  static const char *const part[] = {"lah", "kah", "tah", "pun"};
  static const char *const poss[] = {"nya", "ku", "mu"};
  for (int k = 0; k < 4; k++) {
    size_t l = strlen(part[k]);
    if (n > l + 2 && memcmp(w + n - l, part[k], l) == 0) {
      s1 = n - l;
      break;
    }
  }
  if (s1 < n && stem_accept(x, w, s1, PT_NONE, DS_NONE)) return 1;
  s2 = s1;
  for (int k = 0; k < 3; k++) {
    size_t l = strlen(poss[k]);
    if (s1 > l + 2 && memcmp(w + s1 - l, poss[k], l) == 0) {
      s2 = s1 - l;
      break;
    }
  }
  if (s2 < s1 && stem_accept(x, w, s2, PT_NONE, DS_NONE)) return 1;
  int ds = DS_NONE;
  s3 = s2;
  if (s2 > 5 && memcmp(w + s2 - 3, "kan", 3) == 0) {
    s3 = s2 - 3;
    ds = DS_KAN;
  } else if (s2 > 4 && memcmp(w + s2 - 2, "an", 2) == 0) {
    s3 = s2 - 2;
    ds = DS_AN;
  } else if (s2 > 3 && w[s2 - 1] == 'i') {
    s3 = s2 - 1;
    ds = DS_I;
  }
  if (s3 < s2 && stem_accept(x, w, s3, PT_NONE, ds)) return 1;
  if (stem_prefixes(x, w, s3, 0, 0, ds, 0)) return 1;

  /* loop pengembalian akhiran */
  if (ds == DS_KAN) {
    if (stem_accept(x, w, s2 - 2, PT_NONE, DS_AN)) return 1;
    if (stem_prefixes(x, w, s2 - 2, 0, 0, DS_AN, 0)) return 1;
  }
  if (s3 < s2 && stem_prefixes(x, w, s2, 0, 0, DS_NONE, 0)) return 1;
  if (s2 < s1 && stem_prefixes(x, w, s1, 0, 0, DS_NONE, 0)) return 1;
  if (s1 < n && stem_prefixes(x, w, n, 0, 0, DS_NONE, 0)) return 1;

  /* foreign suffixes, last */
  static const char *const foreign[] = {"isasi", "isme", "is"};
  for (int k = 0; k < 3; k++) {
    size_t l = strlen(foreign[k]);
    if (s2 > l + 3 && memcmp(w + s2 - l, foreign[k], l) == 0) {
      if (stem_accept(x, w, s2 - l, PT_NONE, DS_NONE)) return 1;
      if (stem_prefixes(x, w, s2 - l, 0, 0, DS_NONE, 0)) return 1;
    }
  }
  return 0;
}

/* Stem into x->out (the word itself when nothing fits). */
static void stem_run(stem_ctx *x, const char *w, size_t n) {
  x->fallback_n = 0;
  x->budget = 400;
  /* a dictionary word is kept unless its flags license a derivation
   * (hunspell also lists some derived words: mengerti, besaran) */
  x->strict = x->s->has_flags && stem_root(x, w, n, PT_NONE, DS_NONE);
  x->infix_ok = 0;
  if (x->strict && n > 5 && w[1] == 'i' && w[2] == 'n') {
    uint32_t m = wt_lmap_get(&x->s->dict, w, n)->aux;
    x->infix_ok = m != MASK_ALL && RB_COUNT(m) <= 1;
  }
  if (stem_single(x, w, n)) return;
  x->strict = 0;
  if (x->fallback_n) {
    memcpy(x->out, x->fallback, x->fallback_n);
    x->out_n = x->fallback_n;
    return;
  }
  memcpy(x->out, w, n);
  x->out_n = n;
}

static int stem_suffix_only(const char *p, size_t n) {
  static const char *const sfx[] = {"ku", "mu", "nya", "lah", "kah", "tah",
                                    "pun"};
  for (int k = 0; k < 7; k++)
    if (strlen(sfx[k]) == n && memcmp(p, sfx[k], n) == 0) return 1;
  return 0;
}

/* The part of w before its first prefix removal (me- of meniru). */
static size_t stem_prefix_len(const char *w, size_t n) {
  stem_cand c[8];
  int nc = stem_prefix_cands(w, n, c);
  if (!nc || c[0].type == PT_INFIX) return 0;
  if (c[0].type == PT_ME || c[0].type == PT_PE) return 2; /* me-, pe- */
  size_t shortest = n;
  for (int k = 0; k < nc; k++)
    if (c[k].n < shortest) shortest = c[k].n;
  return n - shortest;
}

size_t wt_stem_id_word(const wt_stem_id *s, const char *w, size_t n,
                       char *out, size_t outlen) {
  size_t r = n;
  const char *src = w;
  stem_ctx x;
  x.s = s;
  int plain = n >= 3 && n <= WT_STEM_MAX;
  for (size_t i = 0; plain && i < n; i++)
    if (!((w[i] >= 'a' && w[i] <= 'z') || w[i] == '-')) plain = 0;
  if (plain && w[0] != '-' && w[n - 1] != '-') {
    const char *h = memchr(w, '-', n);
    if (!h) {
      stem_run(&x, w, n);
      src = x.out;
      r = x.out_n;
    } else if (!stem_root(&x, w, n, PT_NONE, DS_NONE)) {
      /* reduplication: fold a trailing -nya/-ku/-lah part into the word */
      char buf[WT_STEM_MAX + 4];
      size_t bl = n;
      memcpy(buf, w, n);
      const char *last = memrchr(buf, '-', bl);
      if (last && stem_suffix_only(last + 1, bl - (size_t)(last - buf) - 1)) {
        size_t pos = (size_t)(last - buf);
        memmove(buf + pos, buf + pos + 1, bl - pos - 1);
        bl--;
      }
      const char *h2 = memchr(buf, '-', bl);
      if (!h2) {
        stem_run(&x, buf, bl);
        src = x.out;
        r = x.out_n;
      } else if (!memchr(h2 + 1, '-', bl - (size_t)(h2 - buf) - 1)) {
        size_t l1 = (size_t)(h2 - buf), l2 = bl - l1 - 1;
        char r1[WT_STEM_MAX + 4], r2[WT_STEM_MAX + 8];
        size_t n1, n2;
        stem_run(&x, buf, l1);
        memcpy(r1, x.out, x.out_n);
        n1 = x.out_n;
        stem_run(&x, h2 + 1, l2);
        memcpy(r2, x.out, x.out_n);
        n2 = x.out_n;
        if ((n1 != n2 || memcmp(r1, r2, n1) != 0) &&
            !stem_root(&x, r2, n2, PT_NONE, DS_NONE)) {
          /* meniru-nirukan: the second part borrows the first's prefix */
          size_t pl = stem_prefix_len(buf, l1);
          if (pl && pl + l2 <= WT_STEM_MAX) {
            char tmp[WT_STEM_MAX + 4];
            memcpy(tmp, buf, pl);
            memcpy(tmp + pl, h2 + 1, l2);
            stem_run(&x, tmp, pl + l2);
            memcpy(r2, x.out, x.out_n);
            n2 = x.out_n;
          }
        }
        if (n1 == n2 && memcmp(r1, r2, n1) == 0) {
          memcpy(x.out, r1, n1);
          src = x.out;
          r = n1;
        }
      }
    }
  }
  return wt_stem_emit(src, r, w, n, out, outlen);
}
