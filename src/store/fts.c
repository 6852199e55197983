/*
 * fts.c - the FTS5 tokenizer "warta": warta's own tokens and stems, so a
 * search for "pertemuan" finds "bertemu" and "meetings" finds "meeting".
 *
 * Text is split with wt_tokenize(); every word or number becomes one index
 * term: its Indonesian stem, with its English stem as a colocated synonym
 * when that differs.  Queries are tokenised the same way, and FTS5 treats
 * colocated query terms as alternatives, so either stemming can match.
 * Without language resources (they failed to load) terms are the
 * case-folded tokens.  The tokenizer is registered per connection; its
 * context is freed by SQLite when the connection closes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "store.h"

#define FTS_MAX_TERM 64 /* longer tokens (urls, hashes) are not indexed */

typedef struct fts_ctx {
  wt_store_lang_fn lang;
  void *ud;
} fts_ctx;

typedef struct fts_tok {
  fts_ctx *ctx;
} fts_tok;

static int fts_create(void *ctx, const char **azArg, int nArg,
                      Fts5Tokenizer **out) {
  fts_tok *t = calloc(1, sizeof *t);
  if (!t) return SQLITE_NOMEM;
  t->ctx = ctx;
  *out = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *p) { free(p); }

/* Case-fold an ASCII-only fallback term into out; returns its length. */
static size_t fts_fold(const char *s, size_t n, char *out) {
  for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)s[i]);
  out[n] = '\0';
  return n;
}

static int fts_tokenize(Fts5Tokenizer *p, void *pCtx, int flags,
                        const char *text, int ntext,
                        int (*xToken)(void *, int, const char *, int, int,
                                      int)) {
  fts_tok *t = (fts_tok *)p;
  const wt_lang_res *lr = t->ctx->lang ? t->ctx->lang(t->ctx->ud) : NULL;
  if (ntext <= 0) return SQLITE_OK;
  wt_arena *a = wt_arena_new(0);
  if (!a) return SQLITE_NOMEM;
  wt_token_vec toks = {0};
  int rc = SQLITE_OK;
  if (wt_tokenize(text, (size_t)ntext, a, &toks) != 0 && toks.n == 0) {
    wt_arena_free(a);
    return SQLITE_OK; /* nothing to index: not an error for the row */
  }
  for (size_t i = 0; i < toks.n && rc == SQLITE_OK; i++) {
    const wt_token *k = &toks.v[i];
    if (k->kind != WT_TOK_WORD && k->kind != WT_TOK_NUM &&
        k->kind != WT_TOK_MONEY)
      continue;
    const char *w = k->norm;
    size_t wn = w ? strlen(w) : k->span.end - k->span.start;
    if (wn == 0 || wn > FTS_MAX_TERM) continue;
    char fold[FTS_MAX_TERM + 1], s1[4 * FTS_MAX_TERM + 8],
        s2[4 * FTS_MAX_TERM + 8];
    if (!w) w = fold, wn = fts_fold(text + k->span.start, wn, fold);
    size_t n1 = wn, n2 = 0;
    memcpy(s1, w, wn);
    s1[wn] = '\0';
    if (lr && k->kind == WT_TOK_WORD) {
      n1 = wt_stem_word(lr, "id", w, wn, s1, sizeof s1);
      n2 = wt_stem_word(lr, "en", w, wn, s2, sizeof s2);
      if (n1 == 0) n1 = wn, memcpy(s1, w, wn);
    }
    rc = xToken(pCtx, 0, s1, (int)n1, (int)k->span.start, (int)k->span.end);
    if (rc == SQLITE_OK && n2 > 0 && (n2 != n1 || memcmp(s1, s2, n1) != 0))
      rc = xToken(pCtx, FTS5_TOKEN_COLOCATED, s2, (int)n2,
                  (int)k->span.start, (int)k->span.end);
  }
  wt_arena_free(a);
  return rc;
}

static fts5_api *fts_api(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

int wt_store_fts_register(sqlite3 *db, wt_store_lang_fn lang, void *ud) {
  fts5_api *api = fts_api(db);
  if (!api) return -1;
  fts_ctx *c = calloc(1, sizeof *c);
  if (!c) return -1;
  c->lang = lang;
  c->ud = ud;
  fts5_tokenizer tk = {fts_create, fts_delete, fts_tokenize};
  if (api->xCreateTokenizer(api, "warta", c, &tk, free) != SQLITE_OK) {
    free(c);
    return -1;
  }
  return 0;
}
