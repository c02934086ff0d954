/* What the index's files share: the handle, its prepared statements, and
 * the mapping of SQLite's results to quoth's error codes. */
#ifndef QUOTH_INDEX_INTERNAL_H
#define QUOTH_INDEX_INTERNAL_H

#include <sqlite3.h>
#include "index.h"

/* STMT(ID, SQL): every statement the index runs more than once, prepared
 * on first use and kept until index_close. */
#define INDEX_STATEMENTS(STMT) \
	STMT(BEGIN,        "BEGIN IMMEDIATE") \
	STMT(COMMIT,       "COMMIT") \
	STMT(ROLLBACK,     "ROLLBACK") \
	STMT(ART_FIND,     "SELECT id, fts FROM articles WHERE path = ?1") \
	STMT(ART_DELETE,   "DELETE FROM articles WHERE id = ?1") \
	STMT(QUOTE_DELETE, "DELETE FROM quotes WHERE article = ?1") \
	STMT(ART_INSERT,   "INSERT INTO articles(path, size, mtime, cid, title, lang, date, source, url, " \
	                   "nquotes, imported, fts, ftitle) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)") \
	STMT(ART_ADD_QUOTES, "UPDATE articles SET nquotes = nquotes + ?2 WHERE id = ?1") \
	STMT(ART_TOUCH,    "UPDATE articles SET size = ?2, mtime = ?3 WHERE path = ?1") \
	STMT(ART_FTS,      "INSERT INTO article_fts(rowid, body) VALUES (?1, ?2)") \
	STMT(QUOTE_FTS,    "INSERT INTO quote_fts(rowid, text, speaker) VALUES (?1, ?2, ?3)") \
	STMT(QUOTE_FTS_DROP, "INSERT INTO quote_fts(quote_fts, rowid, text, speaker)" \
	                   " SELECT 'delete', id, text, speaker FROM quotes WHERE article = ?1") \
	STMT(META_GET,     "SELECT value FROM meta WHERE key = ?1") \
	STMT(META_SET,     "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)") \
	STMT(FILES,        "SELECT path, size, mtime, cid, imported, fts FROM articles ORDER BY path") \
	STMT(PERSON_IDS,   "SELECT q.id" PERSON_QUOTES INDEX_ARTICLE_JOIN PERSON_WHERE) \
	STMT(PERSON_HITS,  "SELECT " INDEX_HIT_COLUMNS PERSON_QUOTES INDEX_HIT_JOINS PERSON_WHERE) \
	STMT(GROUP_IDS,    "SELECT m0.quote FROM group_members m0 JOIN articles a ON a.id = m0.article" GROUP_WHERE) \
	STMT(GROUP_HITS,   "SELECT " INDEX_HIT_COLUMNS " FROM group_members m0 JOIN quotes q ON q.id = m0.quote" \
	                   INDEX_HIT_JOINS GROUP_WHERE) \
	STMT(PERSONS,      "SELECT p.id, p.name, p.nquotes, p.narticles, p.nforms, f.form FROM persons p" \
	                   " JOIN forms f ON f.person = p.id ORDER BY p.nquotes DESC, p.name, p.id, f.nquotes DESC, f.form") \
	STMT(HIT,          "SELECT " INDEX_HIT_COLUMNS " FROM quotes q" INDEX_HIT_JOINS " WHERE q.id = ?1") \
	STMT(LIST_ROWS,    "SELECT id, path, ftitle, lang, date, source, nquotes FROM articles WHERE id > ?1" \
	                   " ORDER BY id LIMIT ?2") \
	STMT(LIST_FORMS,   "SELECT f.form, f.person, p.name FROM forms f JOIN persons p ON p.id = f.person ORDER BY f.form") \
	/* from the covering index quotes_speaker, without reading a quote */ \
	STMT(LIST_PAIRS,   "SELECT speaker, article FROM quotes WHERE (speaker, article) > (?1, ?2)" \
	                   " ORDER BY speaker, article LIMIT ?3") \
	STMT(ARTICLE_QUOTES, "SELECT " INDEX_HIT_COLUMNS " FROM articles a0 JOIN quotes q ON q.article = a0.id" \
	                   INDEX_HIT_JOINS " WHERE a0.path = ?1 ORDER BY q.start")

enum index_stmt {
#define STMT_ENUM(id, sql) ST_##id,
	INDEX_STATEMENTS(STMT_ENUM)
#undef STMT_ENUM
	ST__COUNT
};

/* The quotes put since index_groups_follow, for the groups (index_groups.c). */
typedef struct group_memo group_memo;
/* The thread that copies the write-ahead log into the file during a long
 * load (index.c: index_bulk). */
typedef struct checkpointer checkpointer;

typedef struct index_premade index_premade;

/* The rows of quotes one statement puts: a statement's setting up once
 * for them, not once a quote. */
#define QUOTE_ROWS 8

struct qindex {
	sqlite3 *db;
	group_memo *memo;        /* NULL: the groups are made from the file */
	checkpointer *ckpt;      /* NULL: SQLite's own checkpoints only */
	index_words *words;      /* for index_put given no words: made when first needed */
	index_premade *premade;  /* the words of the quote being put (the connection's) */
	char *path;
	bool readonly;
	bool unsynced;           /* index_unsynced: no fsync until the close */
	bool damaged;            /* SQLite reported a damaged file */
	bool stale_marked;       /* this transaction marked the derived tables stale */
	sqlite3_stmt *st[ST__COUNT];
	sqlite3_stmt *quote_rows[QUOTE_ROWS];   /* the rows of 1..QUOTE_ROWS quotes, at [rows - 1] */
	char err[256];
};

/* The statement id, reset and with its bindings cleared; NULL when it
 * could not be prepared (ix->err says why). */
sqlite3_stmt *index_stmt(qindex *ix, enum index_stmt id);

/* Maps an SQLite result code to a Q_* code, keeping SQLite's message in
 * ix->err; SQLITE_OK, SQLITE_ROW and SQLITE_DONE give 0. */
int index_fail(qindex *ix, int sqlite_rc);

/* The tokenizer of article_fts (index_words.c): its text is the words
 * index_words_of made, a query is tokenized as they were. Registered on
 * every connection before the table is touched. */
#define INDEX_WORDS_TOKENIZER "quoth_words"
/* The tokenizer of quote_fts: the words of unicode61 (remove_diacritics
 * 2), made by fold61.h. Both registered by index_words_register. */
#define INDEX_TEXT_TOKENIZER "quoth_text"
int index_words_register(sqlite3 *db);
/* The same, and *pre (owned by the connection, until it closes) the words
 * the writer gives quote_fts's tokenizer beside a quote's text, made on a
 * reading thread: for that text it gives them rather than make them (the
 * same words: they are made of the same bytes). */
int index_words_register_premade(sqlite3 *db, index_premade **pre);
/* Gives w[from..to) for the next text of n bytes at text (NULL: none). */
void index_premade_set(index_premade *pre, const char *text, size_t n, const index_qwords *w, size_t from, size_t to);

/* Runs sql (no results wanted). */
int index_exec(qindex *ix, const char *sql);

/* A meta value as an integer (def when missing). */
int64_t index_meta_int(qindex *ix, const char *key, int64_t def);
int index_meta_set_int(qindex *ix, const char *key, int64_t v);

/* The columns every query of hits selects, in this order (q a quote, a
 * its article), and the joins they need. */
#define INDEX_HIT_COLUMNS \
	"q.id, a.path, a.title, a.lang, a.date, a.source, q.text, q.speaker, q.qid, a.cid, q.start, q.\"end\"," \
	" q.confidence, coalesce(m.grp, 0), coalesce(g.narticles, 0)"
#define INDEX_ARTICLE_JOIN " JOIN articles a ON a.id = q.article"
#define INDEX_HIT_JOINS INDEX_ARTICLE_JOIN \
	" LEFT JOIN group_members m ON m.quote = q.id LEFT JOIN groups g ON g.id = m.grp"

/* Quotes across the corpus by date (unknown last), then path, then place. */
#define INDEX_HIT_ORDER "a.date IS NULL, a.date, a.path, q.start"

/* A person's quotes and a group's (?1 the person or group, ?2 a limit, -1
 * none). Their rows alone are put in order from covering indexes
 * (quotes_speaker; group_members, which copies its quote's article and
 * start), without reading the quotes: the views read the rows first and
 * the hits of a page of them (index_hits_by_ids); a whole list (the
 * command line) is read with its hits in one pass. */
#define PERSON_QUOTES " FROM forms f JOIN quotes q ON q.speaker = f.form"
#define PERSON_WHERE " WHERE f.person = ?1 ORDER BY " INDEX_HIT_ORDER " LIMIT ?2"
#define GROUP_WHERE " WHERE m0.grp = ?1 ORDER BY a.date IS NULL, a.date, a.path, m0.start LIMIT ?2"

/* Runs a prepared query whose columns are those of a hit (index_query.c). */
int index_read_hits(qindex *ix, sqlite3_stmt *s, index_hit **out, size_t *nout);

/* The memo follows a quote just inserted (its row, article and place, the
 * article's language), or is dropped when the quote came without its
 * pairs. more: the article had quotes before this call (its speakers are
 * then counted from the file). */
void index_memo_add(qindex *ix, int64_t quote, int64_t article, int64_t start, const char *lang, bool more,
                    const index_quote *q);

/* A speaker form with its quotes, its articles and the greatest language
 * of those (as SQL's max: NULL when none has one). */
typedef struct index_form_count {
	char *form, *lang;
	long nquotes, narticles;
} index_form_count;

/* The forms of every quote of the file, from the memo, in the order of
 * their bytes; Q_ENOENT when the memo does not hold every quote. */
int index_memo_forms(qindex *ix, index_form_count **out, size_t *n);
void index_form_counts_free(index_form_count *v, size_t n);
/* Something else changed the quotes: the groups are read from the file. */
void index_memo_drop(qindex *ix);
/* A transaction began: the memo is dropped when another connection wrote
 * the file since it was started. */
void index_memo_check(qindex *ix);

/* Rebuilds groups and group_members (index_groups.c), inside a transaction. */
int index_derive_groups(qindex *ix);

/* Steps s while *rc is SQLITE_OK: true with *rc SQLITE_OK on a row; false
 * at the end (*rc SQLITE_DONE) or on an error (*rc the error). */
bool index_next_row(sqlite3_stmt *s, int *rc);

/* Binds a possibly NULL string. */
int index_bind_text(sqlite3_stmt *s, int col, const char *v);

#endif
