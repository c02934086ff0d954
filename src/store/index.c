/* The corpus index: opening (and rebuilding), the schema, and writing. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dates.h"
#include "error.h"
#include "grow.h"
#include "index_internal.h"
#include "search.h"
#include "strbuf.h"
#include "xdg.h"

/* 'quot' in the file header: a file quoth made, whatever its version. */
#define QUOTH_APPLICATION_ID 0x71756f74
/* How long a statement waits for another process's write lock, in ms: a
 * batch holds it well under a second. */
#define BUSY_TIMEOUT_MS 10000

/* The indexes of quotes. A load into an empty index makes the second once
 * at its end (index_defer_quote_indexes): kept up to date row by row it
 * took a third of the writing of quotes. The first it keeps: a load's
 * quotes come in the order of their articles, eight rows a statement, so
 * that its rows go in at its end (by callgrind of 2,000 articles, 27
 * million instructions more during the load, beside the reading threads,
 * and 29 million fewer after it, where one core works alone). The second:
 * with the article and place, a speaker's quotes are put in order without
 * reading their rows (index_person_quote_ids). */
#define QUOTE_INDEXES \
	"CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);" \
	"CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker, article, start);"

static const char schema[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  path TEXT NOT NULL UNIQUE,"
	"  size INTEGER NOT NULL, mtime INTEGER NOT NULL, cid INTEGER NOT NULL,"
	"  title TEXT, lang TEXT, date TEXT, source TEXT, url TEXT,"
	/* folded once here, not by the reader each time it starts */
	"  ftitle TEXT,"
	"  nquotes INTEGER NOT NULL, imported INTEGER NOT NULL,"
	"  fts INTEGER NOT NULL);"   /* 1: its text is in article_fts */
	"CREATE INDEX articles_cid ON articles(cid);"
	"CREATE TABLE quotes("
	"  id INTEGER PRIMARY KEY,"
	/* an article's quotes are deleted with it by the code (drop_article):
	 * SQLite's foreign keys checked the article of every quote put */
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  qid INTEGER NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
	"  text TEXT NOT NULL, speaker TEXT, cue TEXT, confidence REAL);"
	QUOTE_INDEXES
	"CREATE TABLE forms(form TEXT PRIMARY KEY, person INTEGER NOT NULL,"
	"  nquotes INTEGER NOT NULL, narticles INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE persons(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	"  nquotes INTEGER NOT NULL, narticles INTEGER NOT NULL, nforms INTEGER NOT NULL);"
	/* the speaker view's order, and each person's forms in theirs: read in
	 * order, not sorted (index_persons) */
	"CREATE INDEX persons_rank ON persons(nquotes DESC, name);"
	"CREATE INDEX forms_rank ON forms(person, nquotes DESC, form);"
	"CREATE TABLE groups(id INTEGER PRIMARY KEY, lang TEXT,"
	"  nquotes INTEGER NOT NULL, narticles INTEGER NOT NULL);"
	/* article and start copied from the quote, for the same reason */
	"CREATE TABLE group_members(quote INTEGER PRIMARY KEY, grp INTEGER NOT NULL,"
	"  article INTEGER NOT NULL, start INTEGER NOT NULL);"
	"CREATE INDEX group_members_grp ON group_members(grp, article, start);"
	/* kept in step by the code, not by triggers: a trigger made every
	 * insert several times slower. columnsize=0: no table of each row's
	 * token counts (an insert more a row), which only ranking (bm25) reads
	 * and quoth does not rank. */
	"CREATE VIRTUAL TABLE quote_fts USING fts5(text, speaker, content='quotes', content_rowid='id', columnsize=0,"
	"  tokenize='" INDEX_TEXT_TOKENIZER "');"
	/* contentless: the articles' text is not kept twice. Its rows cannot be
	 * deleted without their text, so a replaced article's row stays behind
	 * (a join with articles hides it) and is counted in meta 'fts_dead';
	 * past a limit the indexer empties the table and reads every file again.
	 * detail=none: which articles have a word, not where: the list filter
	 * asks for words (index_text_articles), never a phrase or a column.
	 * The words that begin with two letters are in one list, made with the
	 * words (the second key of a word typed in the filter: at 100,000
	 * articles it merged the lists of hundreds of words; the file grows by
	 * half). */
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='', detail=none, columnsize=0,"
	/* its text: the words made on the reading threads (index_words.c) */
	"  tokenize='" INDEX_WORDS_TOKENIZER "');"
	"INSERT INTO meta(key, value) VALUES ('derived', 1), ('fts_dead', 0), ('quote_indexes', 1);";

/* ---- errors and statements ---- */

int index_fail(qindex *ix, int rc)
{
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		return 0;
	snprintf(ix->err, sizeof ix->err, "%s", ix->db ? sqlite3_errmsg(ix->db) : sqlite3_errstr(rc));
	switch (rc & 0xff) {
	case SQLITE_NOMEM: return Q_ENOMEM;
	case SQLITE_FULL: return Q_ENOSPC;
	case SQLITE_READONLY: return Q_EROFS;
	case SQLITE_BUSY: case SQLITE_LOCKED: return Q_ELOCK;
	case SQLITE_PERM: case SQLITE_AUTH: case SQLITE_CANTOPEN: return Q_EACCES;
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		ix->damaged = true;
		return Q_EIO;
	case SQLITE_IOERR:
		/* a write the system refused (past a file-size limit: EFBIG, which
		 * SQLite does not call full, and its errno often lost) is not a
		 * read error */
		switch (rc) {
		case SQLITE_IOERR_WRITE: case SQLITE_IOERR_FSYNC: case SQLITE_IOERR_DIR_FSYNC:
		case SQLITE_IOERR_TRUNCATE: case SQLITE_IOERR_SHMSIZE:
			return Q_EWRITE;
		}
		return Q_EIO;
	}
	return Q_EIO;
}

sqlite3_stmt *index_stmt(qindex *ix, enum index_stmt id)
{
	static const char *const sql[] = {
#define STMT_SQL(name, text) text,
		INDEX_STATEMENTS(STMT_SQL)
#undef STMT_SQL
	};
	sqlite3_stmt *s = ix->st[id];
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	int rc = sqlite3_prepare_v3(ix->db, sql[id], -1, SQLITE_PREPARE_PERSISTENT, &ix->st[id], NULL);
	if (rc != SQLITE_OK) {
		index_fail(ix, rc);
		return NULL;
	}
	return ix->st[id];
}

int index_exec(qindex *ix, const char *sql)
{
	return index_fail(ix, sqlite3_exec(ix->db, sql, NULL, NULL, NULL));
}

int index_bind_text(sqlite3_stmt *s, int col, const char *v)
{
	return v ? sqlite3_bind_text(s, col, v, -1, SQLITE_STATIC) : sqlite3_bind_null(s, col);
}

bool index_next_row(sqlite3_stmt *s, int *rc)
{
	if (*rc != SQLITE_OK)
		return false;
	*rc = sqlite3_step(s);
	if (*rc != SQLITE_ROW)
		return false;
	*rc = SQLITE_OK;
	return true;
}

/* Runs a statement that returns no rows (or whose rows are not wanted). */
static int step_done(qindex *ix, sqlite3_stmt *s)
{
	if (!s)
		return Q_EIO;
	int rc = sqlite3_step(s);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	rc = index_fail(ix, rc);
	sqlite3_reset(s);
	return rc;
}

int64_t index_meta_int(qindex *ix, const char *key, int64_t def)
{
	sqlite3_stmt *s = index_stmt(ix, ST_META_GET);
	if (!s)
		return def;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int64_t v = def;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

int index_meta_set_int(qindex *ix, const char *key, int64_t v)
{
	sqlite3_stmt *s = index_stmt(ix, ST_META_SET);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, v);
	return step_done(ix, s);
}

/* ---- opening ---- */

char *index_default_path(void)
{
	char *dir = NULL;
	if (xdg_quoth_dir(XDG_CACHE, &dir))
		return NULL;
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "%s/%s", dir, INDEX_FILE_NAME);
	free(dir);
	return sb_take(&b);
}

/* What the file at a path is, from its first 100 bytes (the SQLite header). */
enum file_kind {
	FILE_MISSING,
	FILE_EMPTY,        /* SQLite makes a new database of it */
	FILE_SQLITE,       /* an SQLite database: whose, SQLite says (identify) */
	FILE_TRUNCATED,    /* one of ours, shorter than its header says */
	FILE_NOT_SQLITE,
	FILE_NOT_REGULAR,
	FILE_UNREADABLE,
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool wal_has_frames(const char *path)
{
	char wal[4096];
	struct stat st;
	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &st) == 0 && st.st_size > 32;
}

static enum file_kind classify(const char *path, int *err, bool *header_ours)
{
	*header_ours = false;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		*err = error_from_errno(errno);
		return errno == ENOENT ? FILE_MISSING : FILE_UNREADABLE;
	}
	struct stat st;
	unsigned char h[100];
	ssize_t n = -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = read(fd, h, sizeof h);
	close(fd);
	if (n < 0) {
		*err = Q_ENOTREG;
		return FILE_NOT_REGULAR;
	}
	if (n == 0)
		return FILE_EMPTY;
	if ((size_t)n < sizeof h || memcmp(h, "SQLite format 3", 16))
		return FILE_NOT_SQLITE;
	/* The header's application id is only final once the write-ahead log was
	 * checkpointed: who made the file is asked of SQLite (identify). But a
	 * file whose header already says quoth, and that is shorter than the
	 * header says with no log to make up the rest, was cut short. The page
	 * count is valid when the change counter matches its copy. */
	if (be32(h + 68) != QUOTH_APPLICATION_ID)
		return FILE_SQLITE;
	*header_ours = true;
	uint32_t page = (uint32_t)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	uint64_t pages = be32(h + 28);
	if (pages && be32(h + 24) == be32(h + 92) && (uint64_t)st.st_size < pages * page && !wal_has_frames(path))
		return FILE_TRUNCATED;
	return FILE_SQLITE;
}

enum identity { ID_OURS, ID_NEW, ID_OTHER };

/* Who made the open database, through SQLite (which reads the log too):
 * quoth (its application id), nobody yet (no schema at all), or another
 * program. *version gets the schema version. Returns 0 or a Q_* code
 * (ix->damaged set when SQLite found the file damaged). */
static int identify(qindex *ix, enum identity *id, int *version)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db, "SELECT (SELECT application_id FROM pragma_application_id),"
	                                    " (SELECT user_version FROM pragma_user_version),"
	                                    " (SELECT count(*) FROM sqlite_master)", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t app = sqlite3_column_int64(s, 0), objects = sqlite3_column_int64(s, 2);
		*version = sqlite3_column_int(s, 1);
		*id = app == QUOTH_APPLICATION_ID ? ID_OURS : objects == 0 && app == 0 ? ID_NEW : ID_OTHER;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return index_fail(ix, rc);
}

/* "index PATH: WHAT (DETAIL)" in *note (DETAIL may be NULL). */
static void set_note(char **note, const char *path, const char *what, const char *detail)
{
	if (!note)
		return;
	free(*note);
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "index %s: %s", path, what);
	if (detail)
		sb_printf(&b, " (%s)", detail);
	*note = sb_take(&b);
}

static void remove_files(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[4096];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

static void close_db(qindex *ix)
{
	for (int i = 0; i < ST__COUNT; i++) {
		sqlite3_finalize(ix->st[i]);
		ix->st[i] = NULL;
	}
	for (int i = 0; i < QUOTE_ROWS; i++) {
		sqlite3_finalize(ix->quote_rows[i]);
		ix->quote_rows[i] = NULL;
	}
	sqlite3_close(ix->db);
	ix->db = NULL;
	ix->premade = NULL;   /* (the connection's) */
}

static int open_db(qindex *ix, bool write)
{
	int fl = (write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(ix->path, &ix->db, fl, NULL);
	if (rc != SQLITE_OK) {
		rc = index_fail(ix, rc);
		close_db(ix);
		return rc;
	}
	sqlite3_extended_result_codes(ix->db, 1);
	sqlite3_busy_timeout(ix->db, BUSY_TIMEOUT_MS);
	rc = index_words_register_premade(ix->db, &ix->premade);
	if (rc != SQLITE_OK) {
		rc = index_fail(ix, rc);
		close_db(ix);
		return rc;
	}
	ix->readonly = !write || sqlite3_db_readonly(ix->db, "main") == 1;
	return 0;
}

/* The pages of a new index (its file keeps them; an index made before
 * keeps its own). A load writes each page it changed to the log in two
 * calls and later copies it into the file, a read and a write more, each
 * a system call that costs more on this machine than its 4 KB: by strace,
 * quoth index of 20,000 articles made 41,862 pwrite and 13,716 pread
 * calls in pages of 4 KB, 10,427 and 3,427 in pages of 16 KB, for as many
 * instructions by callgrind and views as fast (bench_index). */
#define PAGE_SIZE_NEW "PRAGMA page_size=16384;"

static int create_schema(qindex *ix)
{
	int rc = index_exec(ix, PAGE_SIZE_NEW "PRAGMA journal_mode=WAL");
	if (!rc)
		rc = index_exec(ix, "BEGIN IMMEDIATE");
	if (rc)
		return rc;
	char pragmas[128];
	snprintf(pragmas, sizeof pragmas, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
	         QUOTH_APPLICATION_ID, INDEX_SCHEMA);
	rc = index_exec(ix, pragmas);
	if (!rc)
		rc = index_exec(ix, schema);
	if (!rc)
		rc = index_exec(ix, "COMMIT");
	if (rc)
		sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int settle_pragmas(qindex *ix)
{
	/* NORMAL in WAL mode: a crash of quoth loses nothing committed; a power
	 * cut may lose the last batches of a cache, never its consistency. */
	/* foreign keys off: the code keeps quotes with their article */
	return index_exec(ix, "PRAGMA foreign_keys=OFF; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
	                      "PRAGMA cache_size=-32768;");
}

/* A fresh, empty index in place of whatever is at ix->path. */
static int rebuild(qindex *ix)
{
	close_db(ix);
	remove_files(ix->path);
	int rc = open_db(ix, true);
	if (!rc && ix->readonly)
		rc = Q_EROFS;
	if (!rc)
		rc = create_schema(ix);
	return rc;
}

/* path as an SQLite URI that opens it read-only and immutable. */
static char *immutable_uri(const char *path)
{
	strbuf b;
	sb_init(&b);
	sb_puts(&b, path[0] == '/' ? "file://" : "file:");
	for (const char *c = path; *c; c++) {
		if (*c == '%' || *c == '?' || *c == '#')
			sb_printf(&b, "%%%02X", (unsigned char)*c);
		else
			sb_putc(&b, *c);
	}
	sb_lit(&b, "?immutable=1");
	return sb_take(&b);
}

/* SQLite reads a WAL index only with its -shm file beside it, made when
 * missing: in a folder quoth may not write to (another user's cache, a
 * read-only mount) it cannot make it, and the index would not be read.
 * With no log there, the file holds every commit: it is read as it
 * stands, immutable (no lock, so a writer that could come would need
 * that folder's write permission, which the reader lacks). */
static bool reopened_without_log(qindex *ix)
{
	int ext = ix->db ? sqlite3_extended_errcode(ix->db) : 0;
	if (ext != SQLITE_READONLY_CANTINIT && ext != SQLITE_READONLY_DIRECTORY && (ext & 0xff) != SQLITE_CANTOPEN)
		return false;
	char wal[4096];
	struct stat st;
	snprintf(wal, sizeof wal, "%s-wal", ix->path);
	if (!stat(wal, &st) && st.st_size > 0)
		return false;
	char *uri = immutable_uri(ix->path);
	if (!uri)
		return false;
	close_db(ix);
	int rc = sqlite3_open_v2(uri, &ix->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(ix->db, 1);
		rc = index_words_register_premade(ix->db, &ix->premade);
	}
	ix->readonly = true;
	ix->damaged = false;
	return rc == SQLITE_OK;
}

/* Opens ix->path for writing, making or rebuilding it as needed. */
static int open_for_writing(qindex *ix, bool own, bool rebuild_asked, char **note)
{
	int err = 0;
	bool header_ours;
	enum file_kind k = classify(ix->path, &err, &header_ours);
	const char *why = NULL;
	switch (k) {
	case FILE_NOT_REGULAR:
		set_note(note, ix->path, "not a regular file", NULL);
		return Q_ENOTREG;
	case FILE_UNREADABLE:
		set_note(note, ix->path, error_message(err), NULL);
		return err;
	case FILE_NOT_SQLITE:
		if (!own) {
			set_note(note, ix->path, "not an SQLite database; not replaced (remove it, or name another file)", NULL);
			return Q_EEXIST;
		}
		why = "it was not an SQLite database";
		break;
	case FILE_TRUNCATED:
		why = "it was truncated";
		break;
	case FILE_MISSING: case FILE_EMPTY: case FILE_SQLITE:
		break;
	}
	if (why)
		remove_files(ix->path);
	int rc = open_db(ix, true), version = 0;
	enum identity id = ID_NEW;
	if (!rc)
		rc = identify(ix, &id, &version);
	if (rc && reopened_without_log(ix))
		rc = identify(ix, &id, &version);
	if (!rc && id == ID_OTHER) {
		if (!own) {
			set_note(note, ix->path, "an SQLite database of another program; not replaced "
			                           "(remove it, or name another file)", NULL);
			return Q_EEXIST;
		}
		why = "it was made by another program";
	} else if (rc && ix->damaged) {
		if (!own && !header_ours) {
			set_note(note, ix->path, "damaged; not replaced: it may not be a quoth index", ix->err);
			return rc;
		}
		why = "it was damaged";
	} else if (!rc && id == ID_OURS && version != INDEX_SCHEMA && !ix->readonly) {
		why = "it was of another schema version";
	} else if (!rc && rebuild_asked && id == ID_OURS) {
		why = "it was damaged";
	}
	if (why && (!rc || ix->damaged)) {
		set_note(note, ix->path, "rebuilt", why);
		ix->damaged = false;
		rc = rebuild(ix);
	} else if (!rc && id == ID_NEW && !ix->readonly) {
		rc = create_schema(ix);
	} else if (!rc && ix->readonly) {
		set_note(note, ix->path, "read-only: it is not updated", NULL);
		if (id != ID_OURS || version != INDEX_SCHEMA)
			rc = Q_EROFS;
	}
	if (!rc)
		rc = settle_pragmas(ix);
	/* a load killed before it made them (another run makes them if this
	 * one cannot have the lock now: the quotes are read right without) */
	if (!rc && !ix->readonly)
		index_restore_quote_indexes(ix);
	if (rc && note && !*note)
		set_note(note, ix->path, ix->err[0] ? ix->err : error_message(rc), NULL);
	return rc;
}

static int open_for_reading(qindex *ix, char **note)
{
	int err = 0;
	bool header_ours;
	switch (classify(ix->path, &err, &header_ours)) {
	case FILE_MISSING: case FILE_EMPTY:
		set_note(note, ix->path, "no index yet (quoth index PATH... makes one)", NULL);
		return Q_ENOENT;
	case FILE_NOT_REGULAR:
		set_note(note, ix->path, "not a regular file", NULL);
		return Q_ENOTREG;
	case FILE_UNREADABLE:
		set_note(note, ix->path, error_message(err), NULL);
		return err;
	case FILE_NOT_SQLITE:
		set_note(note, ix->path, "not a quoth index", NULL);
		return Q_EEXIST;
	case FILE_TRUNCATED:
		set_note(note, ix->path, "damaged (truncated); quoth index rebuilds it", NULL);
		return Q_EIO;
	case FILE_SQLITE:
		break;
	}
	int rc = open_db(ix, false), version = 0;
	enum identity id = ID_NEW;
	if (!rc)
		rc = identify(ix, &id, &version);
	if (rc && reopened_without_log(ix))
		rc = identify(ix, &id, &version);
	if (!rc && id != ID_OURS) {
		set_note(note, ix->path, id == ID_NEW ? "no index yet (quoth index PATH... makes one)" : "not a quoth index", NULL);
		return id == ID_NEW ? Q_ENOENT : Q_EEXIST;
	}
	if (!rc && version != INDEX_SCHEMA) {
		set_note(note, ix->path, "of another schema version; quoth index rebuilds it", NULL);
		return Q_EIO;
	}
	if (!rc)
		rc = settle_pragmas(ix);
	if (rc)
		set_note(note, ix->path, ix->damaged ? "damaged; quoth index rebuilds it" : ix->err, ix->damaged ? ix->err : NULL);
	return rc;
}

void index_setup_process(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);   /* (refused once SQLite began: no harm) */
}

int index_open(const char *path, unsigned flags, qindex **out, char **note)
{
	if (note)
		*note = NULL;
	*out = NULL;
	qindex *ix = calloc(1, sizeof *ix);
	if (!ix)
		return Q_ENOMEM;
	ix->path = path ? strdup(path) : index_default_path();
	if (!ix->path) {
		free(ix);
		return path ? Q_ENOMEM : Q_ENOENT;
	}
	int rc = 0;
	if (!path && (flags & INDEX_WRITE)) {
		char *dir = strdup(ix->path);
		if (!dir)
			rc = Q_ENOMEM;
		else
			*strrchr(dir, '/') = '\0';
		char *failed = NULL;   /* the folder that could not be made, of the several made */
		if (!rc && (rc = xdg_mkdirs(dir, &failed)))
			set_note(note, failed ? failed : dir, "cannot create the folder", error_message(rc));
		free(failed);
		free(dir);
	}
	if (!rc)
		rc = flags & INDEX_WRITE ? open_for_writing(ix, !path, flags & INDEX_REBUILD, note) : open_for_reading(ix, note);
	if (rc) {
		index_close(ix);
		return rc;
	}
	*out = ix;
	return 0;
}

static void checkpointer_stop(qindex *ix);

void index_close(qindex *ix)
{
	if (!ix)
		return;
	checkpointer_stop(ix);
	index_memo_drop(ix);
	close_db(ix);
	index_words_free(ix->words);
	free(ix->path);
	free(ix);
}

const char *index_path(const qindex *ix)
{
	return ix->path;
}

bool index_readonly(const qindex *ix)
{
	return ix->readonly;
}

void index_set_wait(qindex *ix, int ms)
{
	sqlite3_busy_timeout(ix->db, ms);
}

bool index_damaged(const qindex *ix)
{
	return ix->damaged;
}

const char *index_errmsg(const qindex *ix)
{
	return ix->err;
}

/* Pages of write-ahead log before SQLite copies them into the file during
 * a long run of batches (1 GB of a new index's pages of 16 KB, 256 MB of
 * an older one's 4 KB; its default is 1000 pages). That copy is made on
 * the writer's thread, which stops meanwhile, and the reading threads with
 * it once the queue is full: it read back and wrote again the log's 256 MB
 * of the 16,000 pages before, and synced both files, in the middle of a
 * load of 100,000 articles, whose log (293 MB) now reaches no limit and is
 * copied after the last batch by the thread of its own, while the writer
 * makes the indexes and derives. A longer load still copies a GB at a time
 * (a file and its log take at most that more on the disk). */
#define WAL_PAGES_BULK 65536
/* Pages kept in memory during such a run, in KiB (128 MB): a batch of
 * thousands of articles changes more pages than the 32 MB of a reader,
 * and those that did not fit would be written twice. */
#define CACHE_KIB_BULK 131072

/* The full-text tables during a load. FTS5 keeps a transaction's words in
 * memory up to hashsize bytes (its default, 1 MB) and writes each such
 * part out as a segment; after each, it merges older segments, in work
 * proportional to what it wrote times the levels of segments, once a level
 * holds automerge of them (its default, 4). A batch of a load (seconds of
 * articles) made dozens of segments merged again and again: in one segment
 * a batch, merged only when 16 wait on a level, the writing thread of 2,000
 * articles in 8 batches took 305 -> 48 million instructions to commit
 * (callgrind). A query reads a word's list in each segment (at most 16 a
 * level). Options of a table, kept in its file: set when they differ. */
#define FTS_HASH_BULK 67108864
#define FTS_AUTOMERGE_BULK 16

static int fts_option(qindex *ix, const char *table, const char *key, int64_t v)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT v FROM %s_config WHERE k = '%s'", table, key);
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db, sql, -1, &s, NULL);
	bool set = rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) == v;
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return index_fail(ix, rc);
	if (set)
		return 0;
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s, rank) VALUES ('%s', %lld)", table, table, key, (long long)v);
	return index_exec(ix, sql);
}

/* ---- the write-ahead log copied into the file beside the writer ---- */

/* A load's commits add pages to the log, which SQLite copies into the file
 * on the writer's thread when it grows past WAL_PAGES_BULK and when the
 * index is closed: the second, after the last file was read, took a tenth
 * of a run by the clock, with the reading threads done. A thread of its
 * own, with its own connection, copies what each commit added while the
 * writer goes on (index_checkpoint_beside): a passive checkpoint, which
 * waits for no one and leaves what a reader still reads. Only once the
 * load's batches are written: the log restarts from its beginning only
 * when a write begins after it was all copied, so that a copy beside the
 * batches would let it grow to the size of the file. */
struct checkpointer {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t wake;
	sqlite3 *db;
	bool asked, stop;
};

static void *checkpointer_main(void *arg)
{
	checkpointer *c = arg;
	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->asked && !c->stop)
			pthread_cond_wait(&c->wake, &c->mu);
		if (c->stop)
			break;   /* (what is left, index_close copies) */
		c->asked = false;
		pthread_mutex_unlock(&c->mu);
		/* (a failure, e.g. a full disk, leaves the pages in the log, whole) */
		sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

/* Sets *flag (c->asked or c->stop) and wakes the thread. */
static void checkpointer_wake(checkpointer *c, bool *flag)
{
	pthread_mutex_lock(&c->mu);
	*flag = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->mu);
}

static void checkpointer_ask(qindex *ix)
{
	if (ix->ckpt)
		checkpointer_wake(ix->ckpt, &ix->ckpt->asked);
}

/* What index_checkpoint_beside made, the thread already gone. */
static void checkpointer_free(checkpointer *c)
{
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->mu);
	sqlite3_close(c->db);   /* (not the last connection: the log stays for the writer's) */
	free(c);
}

/* Without the thread (no memory, no thread, no connection, read-only, an
 * SQLite built without threads) SQLite's own checkpoints do the work. */
void index_checkpoint_beside(qindex *ix)
{
	if (ix->ckpt || ix->readonly || !sqlite3_threadsafe())
		return;
	checkpointer *c = calloc(1, sizeof *c);
	if (!c)
		return;
	/* a read opens its log: a connection that never read checkpoints nothing;
	 * its copies sync as the writer's connection does */
	if (sqlite3_open_v2(ix->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    (ix->unsynced && sqlite3_exec(c->db, "PRAGMA synchronous=OFF", NULL, NULL, NULL) != SQLITE_OK) ||
	    sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(c->db);
		free(c);
		return;
	}
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, checkpointer_main, c) != 0) {
		checkpointer_free(c);
		return;
	}
	ix->ckpt = c;
	checkpointer_ask(ix);   /* what was committed so far */
}

static void checkpointer_stop(qindex *ix)
{
	checkpointer *c = ix->ckpt;
	if (!c)
		return;
	checkpointer_wake(c, &c->stop);
	pthread_join(c->thread, NULL);
	checkpointer_free(c);
	ix->ckpt = NULL;
}

/* A load's sorts (the indexes it makes at its end, the derive's) in
 * SQLite's sorter with temp_store at its default: it packs the records
 * into pages of memory and would spill to a temporary file only past the
 * cache (128 MB here); with temp_store=MEMORY it allocated each record
 * alone (Debian's SQLite has no lookaside). By callgrind, quoth index
 * --jobs 1 of 2,000 articles: the writer's work after the last batch, on
 * one core, 212 -> 180 million instructions. */
#define TEMP_STORE_BULK "PRAGMA temp_store=DEFAULT;"

int index_bulk(qindex *ix)
{
	char sql[128];
	snprintf(sql, sizeof sql, TEMP_STORE_BULK "PRAGMA wal_autocheckpoint=%d; PRAGMA cache_size=-%d", WAL_PAGES_BULK,
	         CACHE_KIB_BULK);
	int rc = index_exec(ix, sql);
	static const char *const fts[] = { "quote_fts", "article_fts" };
	for (size_t i = 0; !rc && i < sizeof fts / sizeof *fts; i++) {
		rc = fts_option(ix, fts[i], "hashsize", FTS_HASH_BULK);
		if (!rc)
			rc = fts_option(ix, fts[i], "automerge", FTS_AUTOMERGE_BULK);
	}
	return rc;
}

int index_limit_pages(qindex *ix, long n)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count=%ld", n);
	return index_exec(ix, sql);
}

/* ---- writing ---- */

/* Runs sql and sets meta 'quote_indexes' to v, in a transaction. */
static int set_quote_indexes(qindex *ix, const char *sql, int64_t v)
{
	int rc = index_begin(ix);
	if (!rc)
		rc = index_exec(ix, sql);
	if (!rc)
		rc = index_meta_set_int(ix, "quote_indexes", v);
	if (!rc)
		rc = index_commit(ix);
	else
		index_rollback(ix);
	return rc;
}

int index_defer_quote_indexes(qindex *ix)
{
	return set_quote_indexes(ix, "DROP INDEX IF EXISTS quotes_speaker;", 0);
}

/* The syncs of a load into an empty index: in WAL mode with synchronous
 * NORMAL its commits sync nothing, but the copy of its log into the file
 * syncs both (on the checkpointing thread, whose end the close waits for)
 * and so does the close: by strace of quoth index of 100,000 articles,
 * 0.31 s on that thread and 0.32 s on the writer's, after the last file
 * was read. What a kill -9 leaves is what the system was given, as with
 * NORMAL. */
int index_unsynced(qindex *ix)
{
	int rc = index_exec(ix, "PRAGMA synchronous=OFF");
	if (!rc)
		ix->unsynced = true;
	return rc;
}

int index_restore_quote_indexes(qindex *ix)
{
	return index_meta_int(ix, "quote_indexes", 1) ? 0 : set_quote_indexes(ix, QUOTE_INDEXES, 1);
}

int index_begin(qindex *ix)
{
	ix->stale_marked = false;
	int rc = step_done(ix, index_stmt(ix, ST_BEGIN));
	if (!rc)
		index_memo_check(ix);
	return rc;
}

int index_commit(qindex *ix)
{
	int rc = step_done(ix, index_stmt(ix, ST_COMMIT));
	if (rc)
		index_rollback(ix);
	else
		checkpointer_ask(ix);
	return rc;
}

void index_rollback(qindex *ix)
{
	index_memo_drop(ix);
	if (!sqlite3_get_autocommit(ix->db))
		sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
}

int index_mark_stale(qindex *ix)
{
	if (ix->stale_marked && !sqlite3_get_autocommit(ix->db))
		return 0;   /* once a transaction is enough */
	int rc = index_meta_set_int(ix, "derived", 0);
	ix->stale_marked = !rc;
	return rc;
}

bool index_is_stale(qindex *ix)
{
	return index_meta_int(ix, "derived", 0) == 0;
}

/* Deletes the row of path, if any, and its quotes (its text stays in
 * article_fts, counted as dead). */
static int drop_article(qindex *ix, const char *path)
{
	sqlite3_stmt *s = index_stmt(ix, ST_ART_FIND);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		rc = index_fail(ix, rc);
		sqlite3_reset(s);
		return rc;
	}
	int64_t id = sqlite3_column_int64(s, 0);
	bool in_fts = sqlite3_column_int(s, 1) != 0;
	sqlite3_reset(s);
	index_memo_drop(ix);   /* its quotes go */
	sqlite3_stmt *f = index_stmt(ix, ST_QUOTE_FTS_DROP);
	if (!f)
		return Q_EIO;
	sqlite3_bind_int64(f, 1, id);
	rc = step_done(ix, f);
	sqlite3_stmt *qd = rc ? NULL : index_stmt(ix, ST_QUOTE_DELETE);
	if (!qd)
		return rc ? rc : Q_EIO;
	sqlite3_bind_int64(qd, 1, id);
	rc = step_done(ix, qd);
	sqlite3_stmt *d = rc ? NULL : index_stmt(ix, ST_ART_DELETE);
	if (!d)
		return rc ? rc : Q_EIO;
	sqlite3_bind_int64(d, 1, id);
	rc = step_done(ix, d);
	if (!rc && in_fts)
		rc = index_meta_set_int(ix, "fts_dead", index_meta_int(ix, "fts_dead", 0) + 1);
	return rc;
}

static int insert_article(qindex *ix, const index_article *a, size_t nq, bool fts, int64_t *id)
{
	sqlite3_stmt *s = index_stmt(ix, ST_ART_INSERT);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, a->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, a->size);
	sqlite3_bind_int64(s, 3, a->mtime);
	sqlite3_bind_int64(s, 4, (int64_t)a->cid);
	index_bind_text(s, 5, a->title);
	index_bind_text(s, 6, a->lang);
	char iso[DATE_ISO_SIZE];   /* a date read as ISO sorts as time runs; else kept as written */
	if (date_iso(a->date, iso))
		sqlite3_bind_text(s, 7, iso, -1, SQLITE_TRANSIENT);
	else
		index_bind_text(s, 7, a->date);
	index_bind_text(s, 8, a->source);
	index_bind_text(s, 9, a->url);
	/* NULL (a blank title, or no memory): the reader folds the title itself */
	if (a->ftitle)
		sqlite3_bind_text(s, 13, a->ftitle, -1, SQLITE_STATIC);
	else
		sqlite3_bind_text(s, 13, a->title ? search_fold_loose(a->title, strlen(a->title)) : NULL, -1, free);
	sqlite3_bind_int64(s, 10, (int64_t)nq);
	sqlite3_bind_int(s, 11, a->imported);
	sqlite3_bind_int(s, 12, fts);
	int rc = step_done(ix, s);
	*id = sqlite3_last_insert_rowid(ix->db);
	return rc;
}

/* The words of quotes' texts made beforehand (quote i's end at end[i]),
 * or none (w NULL). */
typedef struct quote_words {
	const index_qwords *w;
	const size_t *end;
} quote_words;

/* The statement that puts the rows of k quotes (1 <= k <= QUOTE_ROWS),
 * reset and its bindings cleared; NULL when it could not be prepared. OR
 * FAIL (no value is ever NULL): with SQLite's default, ABORT, a statement
 * of several rows opens a savepoint, at which FTS5 writes the words it
 * holds out as a segment of their own, a segment a statement. */
static sqlite3_stmt *quote_rows_stmt(qindex *ix, size_t k)
{
	sqlite3_stmt **s = &ix->quote_rows[k - 1];
	if (*s) {
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return *s;
	}
	char sql[128 + QUOTE_ROWS * 20];
	int at = snprintf(sql, sizeof sql, "INSERT OR FAIL INTO quotes(article, qid, start, \"end\", text, speaker, cue,"
	                  " confidence) VALUES ");
	for (size_t r = 0; r < k; r++)
		at += snprintf(sql + at, sizeof sql - (size_t)at, "%s(?,?,?,?,?,?,?,?)", r ? "," : "");
	int rc = sqlite3_prepare_v3(ix->db, sql, -1, SQLITE_PREPARE_PERSISTENT, s, NULL);
	if (rc != SQLITE_OK) {
		index_fail(ix, rc);
		*s = NULL;
	}
	return *s;
}

/* The rows of q[0..k) of article art, in one statement. */
static int insert_quote_rows(qindex *ix, int64_t art, const index_quote *q, size_t k)
{
	sqlite3_stmt *s = quote_rows_stmt(ix, k);
	if (!s)
		return Q_EIO;
	for (size_t r = 0; r < k; r++) {
		int c = (int)r * 8;
		sqlite3_bind_int64(s, c + 1, art);
		sqlite3_bind_int64(s, c + 2, (int64_t)q[r].qid);
		sqlite3_bind_int64(s, c + 3, (int64_t)q[r].start);
		sqlite3_bind_int64(s, c + 4, (int64_t)q[r].end);
		sqlite3_bind_text(s, c + 5, q[r].text ? q[r].text : "", -1, SQLITE_STATIC);
		index_bind_text(s, c + 6, q[r].speaker);
		index_bind_text(s, c + 7, q[r].cue);
		sqlite3_bind_double(s, c + 8, q[r].confidence);
	}
	return step_done(ix, s);
}

/* The words of quote q, i of qw, of row id (quote_fts): a row a
 * statement, since one of several rows into a virtual table opens a
 * savepoint (see quote_rows_stmt). */
static int insert_quote_words(qindex *ix, int64_t id, const index_quote *q, quote_words qw, size_t i)
{
	sqlite3_stmt *f = index_stmt(ix, ST_QUOTE_FTS);
	if (!f)
		return Q_EIO;
	sqlite3_bind_int64(f, 1, id);
	sqlite3_bind_text(f, 2, q->text ? q->text : "", -1, SQLITE_STATIC);
	index_bind_text(f, 3, q->speaker);
	if (qw.w && q->text)
		index_premade_set(ix->premade, q->text, strlen(q->text), qw.w, i ? qw.end[i - 1] : 0, qw.end[i]);
	int rc = step_done(ix, f);
	index_premade_set(ix->premade, NULL, 0, NULL, 0, 0);
	return rc;
}

/* The quotes q[0..nq) of article art: their rows QUOTE_ROWS a statement
 * (numbered in turn, each one more than the last), then their words. */
static int insert_quotes(qindex *ix, int64_t art, const char *lang, bool more, const index_quote *q, size_t nq,
                         quote_words qw)
{
	int rc = 0;
	for (size_t at = 0; !rc && at < nq;) {
		size_t k = nq - at < QUOTE_ROWS ? nq - at : QUOTE_ROWS;
		rc = insert_quote_rows(ix, art, q + at, k);
		int64_t first = sqlite3_last_insert_rowid(ix->db) - (int64_t)k + 1;
		for (size_t r = 0; !rc && r < k; r++) {
			index_memo_add(ix, first + (int64_t)r, art, (int64_t)q[at + r].start, lang, more, &q[at + r]);
			rc = insert_quote_words(ix, first + (int64_t)r, &q[at + r], qw, at + r);
		}
		at += k;
	}
	return rc;
}

/* The article's words into article_fts (made here when the caller did
 * not make them): all in the body column, which no query tells apart. */
static int put_words(qindex *ix, int64_t id, const index_article *a, const char *body, size_t nbody)
{
	char *made = NULL;
	size_t n = a->nwords;
	int rc = 0;
	if (!a->words && !ix->words)
		rc = index_words_new(&ix->words);
	if (!rc && !a->words)
		rc = index_words_of(ix->words, a->title, body, nbody, &made, &n);
	sqlite3_stmt *s = rc ? NULL : index_stmt(ix, ST_ART_FTS);
	if (!s) {
		free(made);
		return rc ? rc : Q_EIO;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, made ? made : a->words, (int)(n < INT32_MAX ? n : INT32_MAX), SQLITE_STATIC);
	rc = step_done(ix, s);
	free(made);
	return rc;
}

/* The row of a (replacing the row of its path, if any) into *id. A path
 * the index did not have is inserted without looking it up first (a look
 * an article, with nothing to find in a load): only when another writer
 * put it meanwhile does the insert find it, fail on its own, and the row
 * is replaced as any other. */
static int put_article(qindex *ix, const index_article *a, size_t nq, int64_t *id)
{
	if (a->new_path) {
		int rc = insert_article(ix, a, nq, true, id);
		if (!rc || sqlite3_extended_errcode(ix->db) != SQLITE_CONSTRAINT_UNIQUE)
			return rc;
	}
	int rc = drop_article(ix, a->path);
	return rc ? rc : insert_article(ix, a, nq, true, id);
}

int index_put(qindex *ix, const index_article *a, const char *body, size_t nbody, const index_quote *q, size_t nq)
{
	int64_t id = 0;
	int rc = put_article(ix, a, nq, &id);
	quote_words qw = { 0 };
	if (a->qwords && a->qwords_end)
		qw = (quote_words){ a->qwords, a->qwords_end };
	if (!rc)
		rc = insert_quotes(ix, id, a->lang, false, q, nq, qw);
	if (!rc && (body || a->title || a->words))
		rc = put_words(ix, id, a, body, nbody);
	if (!rc)
		rc = index_mark_stale(ix);
	return rc;
}

int index_add_quotes(qindex *ix, const char *path, const index_quote *q, size_t nq)
{
	sqlite3_stmt *s = index_stmt(ix, ST_ART_FIND);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? Q_ENOENT : index_fail(ix, rc);
		sqlite3_reset(s);
		return rc;
	}
	int64_t id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	rc = insert_quotes(ix, id, NULL, true, q, nq, (quote_words){ 0 });
	sqlite3_stmt *u = rc ? NULL : index_stmt(ix, ST_ART_ADD_QUOTES);
	if (u) {
		sqlite3_bind_int64(u, 1, id);
		sqlite3_bind_int64(u, 2, (int64_t)nq);
		rc = step_done(ix, u);
	}
	return rc ? rc : index_mark_stale(ix);
}

int index_touch(qindex *ix, const char *path, int64_t size, int64_t mtime)
{
	sqlite3_stmt *s = index_stmt(ix, ST_ART_TOUCH);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, size);
	sqlite3_bind_int64(s, 3, mtime);
	return step_done(ix, s);
}

int index_remove(qindex *ix, const char *path)
{
	int rc = drop_article(ix, path);
	if (!rc)
		rc = index_mark_stale(ix);
	return rc;
}

/* ---- what is there ---- */

void index_files_free(index_file *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

int index_files(qindex *ix, index_file **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	sqlite3_stmt *s = index_stmt(ix, ST_FILES);
	if (!s)
		return Q_EIO;
	index_file *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(v, cap, n + 1, 256)) {
			rc = SQLITE_NOMEM;
			break;
		}
		const char *p = (const char *)sqlite3_column_text(s, 0);
		v[n] = (index_file){
			.path = strdup(p ? p : ""),
			.size = sqlite3_column_int64(s, 1),
			.mtime = sqlite3_column_int64(s, 2),
			.cid = (uint64_t)sqlite3_column_int64(s, 3),
			.imported = sqlite3_column_int(s, 4) != 0,
			.text_indexed = sqlite3_column_int(s, 5) != 0,
		};
		if (!v[n].path) {
			rc = SQLITE_NOMEM;
			break;
		}
		n++;
	}
	rc = index_fail(ix, rc);
	sqlite3_reset(s);
	if (rc) {
		index_files_free(v, n);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

/* Dead rows tolerated before the text index is emptied and made again. */
#define FTS_DEAD_MIN 1000

/* The titles of the imported articles into article_fts again (they have
 * no text to read again). */
static int put_imported_titles(qindex *ix)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db, "SELECT id, title FROM articles WHERE imported = 1 AND title IS NOT NULL",
	                            -1, &s, NULL), err = 0;
	while (!err && index_next_row(s, &rc)) {
		index_article a = { .title = (const char *)sqlite3_column_text(s, 1) };
		err = a.title ? put_words(ix, sqlite3_column_int64(s, 0), &a, NULL, 0) : Q_ENOMEM;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_finalize(s);
	return err;
}

int index_compact_text(qindex *ix)
{
	int64_t dead = index_meta_int(ix, "fts_dead", 0);
	sqlite3_stmt *s = NULL;
	int64_t live = 0;
	if (sqlite3_prepare_v2(ix->db, "SELECT count(*) FROM articles", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		live = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (dead < FTS_DEAD_MIN || dead <= live)
		return 0;
	int rc = index_begin(ix);
	if (!rc)
		rc = index_exec(ix, "INSERT INTO article_fts(article_fts) VALUES ('delete-all');"
		                    "UPDATE articles SET fts = 0 WHERE imported = 0;");
	if (!rc)
		rc = put_imported_titles(ix);
	if (!rc)
		rc = index_meta_set_int(ix, "fts_dead", 0);
	if (!rc)
		rc = index_commit(ix);
	else
		index_rollback(ix);
	return rc;
}

static long count_rows(qindex *ix, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long n = -1;
	if (sqlite3_prepare_v2(ix->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

int index_count(qindex *ix, index_counts *c)
{
	c->articles = count_rows(ix, "SELECT count(*) FROM articles");
	c->quotes = count_rows(ix, "SELECT count(*) FROM quotes");
	c->forms = count_rows(ix, "SELECT count(*) FROM forms");
	c->persons = count_rows(ix, "SELECT count(*) FROM persons");
	c->groups = count_rows(ix, "SELECT count(*) FROM groups");
	if (c->articles < 0 || c->quotes < 0 || c->forms < 0 || c->persons < 0 || c->groups < 0) {
		int rc = index_fail(ix, sqlite3_errcode(ix->db));
		return rc ? rc : Q_EIO;
	}
	return 0;
}
