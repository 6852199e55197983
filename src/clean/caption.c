/*
 * caption.c - photo captions and credits: a line that describes a
 * picture rather than telling the story ("... (Foto: Okezone)", "[Photo:
 * ...]", "... di New York. (Biro Pers Sekretariat Presiden)", "... in
 * Geneva June 16, 2021. — Reuters pic") and the credited name a caption
 * closes with ("((Antara))").
 *
 * Invariants: pure functions of the bytes given (no page state, no
 * allocation); a line's body sentence ending in one bracketed word
 * ("(Antara)", "(rca)") is never a caption.
 */
#include <string.h>
#include <strings.h>

#include "clean_int.h"

/* A "((Name))" at the end of a line (a photo credit after a caption). */
size_t cl_caption_credit(const char *s, size_t n, const char **name) {
  if (n < 6 || s[n - 1] != ')' || s[n - 2] != ')') return 0;
  size_t b = n - 2, a = b;
  while (a > 0 && s[a - 1] != '(') a--;
  if (a < 2 || s[a - 2] != '(' || b - a < 2 || b - a > 40) return 0;
  *name = s + a;
  return b - a;
}

/* A photo credit closing a caption: "... (Foto: Okezone)", "... (FOTO:
 * ANTARA/Budi)", "... (KOMPAS.com/DOK. KEMENKO)": a bracketed tail that
 * names a photo ("foto", "photo") or is an outlet/credit path written
 * with a slash and starting upper case. */
static int cap_photo_credit(const char *s, size_t n) {
  if (n < 12 || s[n - 1] != ')') return 0;
  size_t a = n - 1;
  while (a > 0 && s[a - 1] != '(' && n - a < 120) a--;
  if (a == 0 || s[a - 1] != '(' || a < 8) return 0;
  const char *t = s + a;
  size_t tn = n - 1 - a;
  if (tn >= 5 && (!strncasecmp(t, "foto", 4) || !strncasecmp(t, "photo", 5)))
    return 1;
  /* "(AP Photo/Alan Diaz, File)": an agency's photo credit */
  const char *sp = memchr(t, ' ', tn < 12 ? tn : 12);
  if (sp && (size_t)(sp - t) + 6 <= tn &&
      (!strncasecmp(sp + 1, "photo", 5) || !strncasecmp(sp + 1, "foto", 4)) &&
      cl_is_upper_start(t, tn))
    return 1;
  int lower = 0, spaces = 0;
  for (size_t i = 0; i < tn; i++) {
    if (t[i] >= 'a' && t[i] <= 'z') lower = 1;
    if (t[i] == ' ') spaces++;
  }
  if (tn >= 8 && !lower && spaces >= 1 && cl_is_upper_start(t, tn) &&
      a >= 3 && s[a - 3] == '.')
    return 1; /* "... 2024. (DOK. BIRO PERS)": a credit in capitals */
  return tn >= 5 && cl_is_upper_start(t, tn) && memchr(t, '/', tn) &&
         memchr(t, '.', tn) && !memchr(t, ' ', (size_t)((const char *)memchr(t, '/', tn) - t));
}

/* A caption set in square brackets: "[Photo: ...]", "[Foto: ...]", or
 * one closed by a photo credit, "[... (Reuters Photo/Name)]". */
static int cap_bracketed(const char *s, size_t n) {
  if (n <= 2 || s[0] != '[' || s[n - 1] != ']') return 0;
  return !strncasecmp(s + 1, "photo:", 6) || !strncasecmp(s + 1, "foto:", 5) ||
         cap_photo_credit(s + 1, n - 2);
}

/* A caption closed by a photo credit after its last sentence: "... in
 * Seoul on June 4. PHOTO: AFP", "... 10 kilometer. Foto: Dok. PVMBG"
 * (a few words after "PHOTO:" / "Foto:", any case). */
/* A photo credit after a caption's one sentence: "... di New York.
 * (Biro Pers Sekretariat Presiden)", "... Jakarta. Medcom.id/Reza
 * Anggoro": a parenthesised group of two to six capitalised words, or a
 * "Source/Name" credit of up to six words.  A body's trailing "(Antara)"
 * or "(rca)" is one word, and so no caption. */
static int cap_credit_tail(const char *s, size_t n) {
  size_t i = n > 70 ? n - 70 : 0;
  const char *end = NULL;
  for (; i + 2 < n; i++)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ')
      end = s + i + 2;
  if (!end) return 0;
  /* one sentence before it: no other sentence end */
  for (const char *q = s; q + 1 < end - 2; q++)
    if ((*q == '.' || *q == '!' || *q == '?') && q[1] == ' ' && q > s &&
        !(q[-1] >= 'A' && q[-1] <= 'Z'))
      return 0;
  const char *t = end;
  size_t tn = (size_t)(s + n - t);
  while (tn && t[tn - 1] == ' ') tn--;
  if (tn < 4 || !((t[0] >= 'A' && t[0] <= 'Z') || t[0] == '(')) return 0;
  int words = 1, caps = 0, slash = 0;
  for (size_t k = 0; k < tn; k++) {
    if (t[k] == '/') slash = 1;
    if (t[k] == ' ') words++;
    if ((k == 0 || t[k - 1] == ' ' || t[k - 1] == '(') && t[k] >= 'A' &&
        t[k] <= 'Z')
      caps++;
  }
  if (words > 6) return 0;
  if (t[0] == '(') return t[tn - 1] == ')' && words >= 2 && caps >= words - 1;
  return slash && t[tn - 1] != '.';
}

static int cap_photo_suffix(const char *s, size_t n) {
  for (size_t i = n > 90 ? n - 90 : 1; i + 7 < n; i++) {
    size_t m = !strncasecmp(s + i, "photo:", 6) ? 6
               : !strncasecmp(s + i, "foto:", 5) ? 5
                                                 : 0;
    if (!m || s[i - 1] != ' ' || i < 3) continue;
    char c = s[i - 2];
    if (c != '.' && c != '!' && c != '?' && c != ')' && c != '"' &&
        (unsigned char)c != 0x9D)
      continue;
    int words = 0;
    for (size_t k = i + m; k < n; k++)
      words += s[k] == ' ' && k + 1 < n && s[k + 1] != ' ';
    if (words >= 1 && words <= 8) return 1;
  }
  return cap_credit_tail(s, n);
}

/* A caption closed by a dash and a picture credit: "... June 16, 2021. —
 * Reuters pic", "... di Istana. - Bernama pic", "... — Picture by Firdaus
 * Latif": after a finished sentence, a dash, then up to five words ending
 * in "pic" or starting "Picture by"/"Photo by". */
static int cap_dash_pic(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '.')) n--;
  size_t lim = n > 60 ? n - 60 : 0;
  for (size_t i = n; i-- > lim + 2;) {
    size_t w = (unsigned char)s[i] == 0x94 && i >= 2 &&
                       (unsigned char)s[i - 1] == 0x80 &&
                       (unsigned char)s[i - 2] == 0xE2
                   ? 3
                   : s[i] == '-' ? 1 : 0;
    if (!w || i + 1 >= n || s[i + 1] != ' ') continue;
    size_t d = i + 1 - w; /* the dash's first byte */
    if (d < 2 || s[d - 1] != ' ') continue;
    char c = s[d - 2];
    if (c != '.' && c != '!' && c != '?' && c != '"') return 0;
    const char *t = s + i + 2;
    size_t tn = n - (i + 2), words = 1;
    for (size_t k = 0; k < tn; k++) words += t[k] == ' ';
    if (words > 5 || tn < 3) return 0;
    return (tn >= 4 && !strncasecmp(t + tn - 4, " pic", 4)) ||
           !strncasecmp(t, "picture by ", 11) || !strncasecmp(t, "photo by ", 9);
  }
  return 0;
}

/* Two credits in brackets, the first naming a photo: "... on Oct. 20,
 * 2020. (Pool photo)(Kyodo)". */
static int cap_photo_pair(const char *s, size_t n) {
  if (n < 16 || s[n - 1] != ')') return 0;
  size_t a = n - 1;
  while (a > 0 && s[a - 1] != '(' && n - a < 40) a--;
  if (a < 8 || s[a - 1] != '(' || s[a - 2] != ')') return 0;
  return (a >= 8 && !strncasecmp(s + a - 7, "photo", 5)) ||
         (a >= 7 && !strncasecmp(s + a - 6, "foto", 4));
}

int cl_is_caption(const char *s, size_t n) {
  return cap_photo_credit(s, n) || cap_bracketed(s, n) || cap_photo_pair(s, n) ||
         cap_photo_suffix(s, n) || cap_dash_pic(s, n) ||
         strstr(s, "ANTARA FOTO/") != NULL;
}

int cl_credit_closed(const char *s, size_t n) {
  if (n < 12 || s[n - 1] != ')') return 0;
  size_t a = n - 1;
  while (a > 0 && s[a - 1] != '(' && n - a < 40) a--;
  if (a < 3 || s[a - 1] != '(' || s[a - 2] != ' ' || a + 1 >= n ||
      !(s[a] >= 'A' && s[a] <= 'Z'))
    return 0;
  int words = 1;
  for (size_t k = a; k < n - 1; k++) words += s[k] == ' ';
  if (words > 3) return 0;
  /* one sentence before it */
  for (size_t k = 1; k + 3 < a; k++)
    if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && s[k + 1] == ' ' &&
        s[k + 2] >= 'A' && s[k + 2] <= 'Z' && !(s[k - 1] >= 'A' && s[k - 1] <= 'Z'))
      return 0;
  return 1;
}
