/*
 * schema.c - the store's schema, as an append-only list of migrations.
 *
 * migrations[i] takes a store from user_version i to i + 1.  A store is
 * brought up to date inside one transaction: either every pending step is
 * applied and user_version moves, or nothing changes.  Never edit a
 * released step; add a new one.  docs/json.md documents the tables.
 */
#include <stdio.h>

#include "store.h"

static const char *const schema_migrations[] = {
    /* 1: articles (+ their documents), events, entity rows, redirects,
     * full-text index */
    "CREATE TABLE articles(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ext_id TEXT NOT NULL,\n"
    "  origin TEXT NOT NULL,\n"
    "  url TEXT, title TEXT, outlet TEXT,\n"
    "  published TEXT, published_day INTEGER,\n"
    "  lang TEXT, format TEXT,\n"
    "  content_hash TEXT NOT NULL UNIQUE,\n"
    "  event_id INTEGER REFERENCES events(id),\n"
    "  ingested_at TEXT NOT NULL\n"
    "    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));\n"
    /* the bulky columns live apart so that re-assigning events (which
     * rewrites an articles row) stays cheap */
    "CREATE TABLE article_docs(\n"
    "  article_id INTEGER PRIMARY KEY REFERENCES articles(id),\n"
    "  raw BLOB NOT NULL,\n"
    "  body TEXT,\n"
    "  doc_json TEXT NOT NULL,\n"
    "  features TEXT);\n"
    "CREATE VIEW article_text(id, title, body) AS\n"
    "  SELECT a.id, a.title, d.body FROM articles a\n"
    "  JOIN article_docs d ON d.article_id = a.id;\n"
    "CREATE INDEX articles_ext ON articles(ext_id);\n"
    "CREATE INDEX articles_event ON articles(event_id);\n"
    "CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);\n"
    "CREATE TABLE events(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  redirect_to INTEGER REFERENCES events(id),\n"
    "  day INTEGER, type TEXT,\n"
    "  participants_json TEXT NOT NULL DEFAULT '[]',\n"
    "  duration_minutes INTEGER,\n"
    "  n_articles INTEGER NOT NULL DEFAULT 0,\n"
    "  n_outlets INTEGER NOT NULL DEFAULT 0,\n"
    "  headline TEXT, facts_json TEXT,\n"
    "  dirty INTEGER NOT NULL DEFAULT 1,\n"
    "  updated_at TEXT);\n"
    "CREATE INDEX events_dirty ON events(dirty) WHERE dirty;\n"
    "CREATE INDEX events_day ON events(day);\n"
    "CREATE TABLE article_entities(\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),\n"
    "  entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT,\n"
    "  n INTEGER NOT NULL DEFAULT 1,\n"
    "  PRIMARY KEY(article_id, entity_id)) WITHOUT ROWID;\n"
    "CREATE INDEX article_entities_entity ON article_entities(entity_id);\n"
    "CREATE INDEX article_entities_name ON article_entities(name COLLATE "
    "NOCASE);\n"
    "CREATE TABLE event_redirects(\n"
    "  from_id INTEGER PRIMARY KEY,\n"
    "  to_id INTEGER NOT NULL);\n"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, body,\n"
    "  content='article_text', content_rowid='id', tokenize='warta');\n",
    /* 2: the day the cluster window ages each article by (NULL: unknown,
     * always restored) and the article it copies, so that a store opens
     * with its active window only (docs/cluster.md, "Window"); clu_day is
     * in days since 1970-01-01 like every stored day */
    "ALTER TABLE articles ADD COLUMN clu_day INTEGER;\n"
    "ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;\n"
    /* existing rows: the event day of their features, else the day of
     * publication (an undated article was aged by about that day) */
    "UPDATE articles SET clu_day = coalesce((SELECT CASE WHEN\n"
    "  json_valid(d.features) THEN CAST(julianday(json_extract(d.features,\n"
    "  '$.day')) - 2440587.5 AS INTEGER) END FROM article_docs d\n"
    "  WHERE d.article_id = articles.id), published_day);\n"
    "CREATE INDEX articles_clu_day ON articles(clu_day);\n",
};

#define SCHEMA_N (int)(sizeof schema_migrations / sizeof *schema_migrations)

int wt_store_schema_version(void) { return SCHEMA_N; }

static int schema_user_version(sqlite3 *db) {
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) !=
      SQLITE_OK)
    return -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

int wt_store_migrate(sqlite3 *db, char *err, size_t errlen) {
  char *msg = NULL;
  /* up to date: no write lock needed (a concurrent ingest may hold it) */
  if (schema_user_version(db) == SCHEMA_N) return 0;
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK)
    goto fail;
  int v = schema_user_version(db);
  if (v < 0) {
    snprintf(err, errlen, "cannot read schema version: %s",
             sqlite3_errmsg(db));
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  if (v > SCHEMA_N) {
    snprintf(err, errlen,
             "store schema version %d is newer than this warta (%d)", v,
             SCHEMA_N);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  for (; v < SCHEMA_N; v++) {
    char pragma[64];
    if (sqlite3_exec(db, schema_migrations[v], NULL, NULL, &msg) !=
        SQLITE_OK)
      goto fail_rb;
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (sqlite3_exec(db, pragma, NULL, NULL, &msg) != SQLITE_OK) goto fail_rb;
  }
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) goto fail_rb;
  return 0;
fail_rb:
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
fail:
  snprintf(err, errlen, "schema migration failed: %s",
           msg ? msg : sqlite3_errmsg(db));
  sqlite3_free(msg);
  return -1;
}
