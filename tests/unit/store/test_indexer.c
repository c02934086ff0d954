/* Filling the index from files: new, unchanged, touched, changed,
 * vanished and unreadable files; no path; the import of JSON Lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include "error.h"
#include "gzcut.h"
#include "import.h"
#include "index.h"
#include "indexer.h"

static char *make_dir(void)
{
	char tmpl[] = "/tmp/quoth-indexer-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return realpath(d, NULL);
}

static void remove_dir(char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static char *path_in(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *p = path_in(dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

/* Sets a file's time n seconds into the past: a change the next run sees
 * even on a file system with coarse times. */
static void age(const char *dir, const char *name, int n)
{
	char *p = path_in(dir, name);
	struct utimbuf t = { time(NULL) - n, time(NULL) - n };
	assert_int_equal(utime(p, &t), 0);
	free(p);
}

static const char harbour[] =
	"Harbour talks resume\n\n"
	"\"We will not back down,\" said Jane Doe, who leads the dockers.\n\n"
	"The company said talks would go on.\n";
static const char ferry[] =
	"KALMOR, March 4 (Northern Wire) - The ferry will run again.\n\n"
	"\"The boat is ready for the winter,\" said Ole Brandt.\n";

struct errs {
	int n;
	int last;
};

static void on_error(void *ctx, const char *path, int code)
{
	(void)path;
	struct errs *e = ctx;
	e->n++;
	e->last = code;
}

static void run(qindex *ix, const char *root, indexer_stats *st, struct errs *e)
{
	indexer_opts o = { .file_error = on_error, .ctx = e };
	const char *paths[] = { root };
	assert_int_equal(indexer_run(ix, root ? paths : NULL, root ? 1 : 0, &o, st), 0);
}

/* ---- a VFS over the default one that counts the syncs of its files ---- */

typedef struct sync_count {
	sqlite3_vfs vfs;
	sqlite3_vfs *base;
	int syncs;               /* (the checkpointing thread syncs too) */
} sync_count;

typedef struct counted_file {
	sqlite3_file f;
	sync_count *sc;
	sqlite3_file *real;      /* the default VFS's, right after this */
} counted_file;

#define REAL(file) (((counted_file *)(file))->real)

static int cf_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int cf_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xRead(REAL(f), b, n, o); }
static int cf_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xWrite(REAL(f), b, n, o); }
static int cf_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int cf_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int cf_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int cf_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int cf_reserved(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int cf_control(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int cf_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int cf_device(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int cf_shm_map(sqlite3_file *f, int i, int n, int w, void volatile **p) { return REAL(f)->pMethods->xShmMap(REAL(f), i, n, w, p); }
static int cf_shm_lock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void cf_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int cf_shm_unmap(sqlite3_file *f, int d) { return REAL(f)->pMethods->xShmUnmap(REAL(f), d); }

static int cf_sync(sqlite3_file *f, int flags)
{
	__atomic_fetch_add(&((counted_file *)f)->sc->syncs, 1, __ATOMIC_SEQ_CST);
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

/* (version 2: no memory mapping, which the index does not ask for) */
static const sqlite3_io_methods counted_methods = {
	2, cf_close, cf_read, cf_write, cf_truncate, cf_sync, cf_size, cf_lock, cf_unlock, cf_reserved,
	cf_control, cf_sector, cf_device, cf_shm_map, cf_shm_lock, cf_shm_barrier, cf_shm_unmap, NULL, NULL,
};

static int cv_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	sync_count *sc = v->pAppData;
	counted_file *cf = (counted_file *)f;
	cf->sc = sc;
	cf->real = (sqlite3_file *)(cf + 1);
	int rc = sc->base->xOpen(sc->base, name, cf->real, flags, out);
	cf->f.pMethods = cf->real->pMethods ? &counted_methods : NULL;
	return rc;
}

static int cv_delete(sqlite3_vfs *v, const char *n, int d) { sync_count *sc = v->pAppData; return sc->base->xDelete(sc->base, n, d); }
static int cv_access(sqlite3_vfs *v, const char *n, int fl, int *r) { sync_count *sc = v->pAppData; return sc->base->xAccess(sc->base, n, fl, r); }
static int cv_full(sqlite3_vfs *v, const char *n, int no, char *o) { sync_count *sc = v->pAppData; return sc->base->xFullPathname(sc->base, n, no, o); }
static int cv_random(sqlite3_vfs *v, int n, char *o) { sync_count *sc = v->pAppData; return sc->base->xRandomness(sc->base, n, o); }
static int cv_sleep(sqlite3_vfs *v, int us) { sync_count *sc = v->pAppData; return sc->base->xSleep(sc->base, us); }
static int cv_time(sqlite3_vfs *v, double *t) { sync_count *sc = v->pAppData; return sc->base->xCurrentTime(sc->base, t); }
static int cv_error(sqlite3_vfs *v, int n, char *o) { sync_count *sc = v->pAppData; return sc->base->xGetLastError(sc->base, n, o); }
static int cv_time64(sqlite3_vfs *v, sqlite3_int64 *t) { sync_count *sc = v->pAppData; return sc->base->xCurrentTimeInt64(sc->base, t); }

/* Makes sc the default VFS, over the one that was. */
static void counting_begin(sync_count *sc)
{
	memset(sc, 0, sizeof *sc);
	sc->base = sqlite3_vfs_find(NULL);
	assert_non_null(sc->base);
	sc->vfs = (sqlite3_vfs){ 2, (int)sizeof(counted_file) + sc->base->szOsFile, sc->base->mxPathname, NULL,
	                         "counting", sc, cv_open, cv_delete, cv_access, cv_full, NULL, NULL, NULL, NULL,
	                         cv_random, cv_sleep, cv_time, cv_error, cv_time64, NULL, NULL, NULL };
	assert_int_equal(sqlite3_vfs_register(&sc->vfs, 1), SQLITE_OK);
}

static void counting_end(sync_count *sc)
{
	assert_int_equal(sqlite3_vfs_register(sc->base, 1), SQLITE_OK);
	assert_int_equal(sqlite3_vfs_unregister(&sc->vfs), SQLITE_OK);
}

static int syncs(sync_count *sc)
{
	return __atomic_load_n(&sc->syncs, __ATOMIC_SEQ_CST);
}

/* A load into an empty index syncs nothing once its schema is made, to its
 * close (index_unsynced: the pages are the system's to write, whole after
 * a kill); a run over an index that holds articles syncs as before. */
static void test_load_into_empty_index_unsynced(void **state)
{
	(void)state;
	sync_count sc;
	counting_begin(&sc);
	char *dir = make_dir(), *corpus = path_in(dir, "corpus"), *file = path_in(dir, "ix.sqlite");
	assert_int_equal(mkdir(corpus, 0755), 0);
	write_file(corpus, "harbour.txt", harbour);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	assert_int_equal(index_bulk(ix), 0);
	int made = syncs(&sc);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, corpus, &st, &e);
	assert_int_equal(st.added, 1);
	index_close(ix);
	assert_int_equal(syncs(&sc), made);

	write_file(corpus, "ferry.txt", ferry);
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	assert_int_equal(index_bulk(ix), 0);
	made = syncs(&sc);
	run(ix, corpus, &st, &e);
	assert_int_equal(st.added, 1);
	index_close(ix);
	assert_true(syncs(&sc) > made);
	assert_int_equal(e.n, 0);
	counting_end(&sc);
	free(file);
	free(corpus);
	remove_dir(dir);
}

static void test_new_unchanged_touched_changed_removed(void **state)
{
	char *dir = make_dir(), *corpus = path_in(dir, "corpus"), *file = path_in(dir, "ix.sqlite");
	assert_int_equal(mkdir(corpus, 0755), 0);
	write_file(corpus, "harbour.txt", harbour);
	write_file(corpus, "ferry.txt", ferry);
	write_file(corpus, "notes.dat", "not an article of the folder");
	age(corpus, "harbour.txt", 100);
	age(corpus, "ferry.txt", 100);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, corpus, &st, &e);
	assert_int_equal(st.files, 2);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.quotes, 2);
	assert_int_equal(e.n, 0);

	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 2);
	char *want = path_in(corpus, "ferry.txt");
	assert_string_equal(f[0].path, want);   /* absolute, sorted */
	assert_true(f[0].cid != 0);
	free(want);
	index_files_free(f, n);

	/* nothing changed: nothing read */
	run(ix, corpus, &st, &e);
	assert_int_equal(st.unchanged, 2);
	assert_int_equal(st.added + st.changed + st.touched, 0);
	/* a new time, the same bytes: touched */
	age(corpus, "ferry.txt", 50);
	run(ix, corpus, &st, &e);
	assert_int_equal(st.touched, 1);
	assert_int_equal(st.unchanged, 1);
	/* new bytes: read again */
	write_file(corpus, "ferry.txt", harbour);
	age(corpus, "ferry.txt", 10);
	run(ix, corpus, &st, &e);
	assert_int_equal(st.changed, 1);
	/* a file indexed by its own name is kept when its folder is indexed */
	char *md = path_in(corpus, "notes.dat");
	const char *one[] = { md };
	indexer_opts o = { 0 };
	assert_int_equal(indexer_run(ix, one, 1, &o, &st), 0);
	assert_int_equal(st.added, 1);
	/* vanished: removed */
	char *h = path_in(corpus, "harbour.txt");
	assert_int_equal(unlink(h), 0);
	run(ix, corpus, &st, &e);
	assert_int_equal(st.removed, 1);
	assert_int_equal(e.n, 0);
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 2);   /* ferry.txt and notes.dat */
	index_files_free(f, n);
	/* no path: every known file checked again; a vanished one removed */
	assert_int_equal(unlink(md), 0);
	run(ix, NULL, &st, &e);
	assert_int_equal(st.removed, 1);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(e.n, 0);
	index_close(ix);
	free(h);
	free(md);
	free(file);
	free(corpus);
	remove_dir(dir);
}

/* What index_rows_read gave: ids, titles folded, languages. */
typedef struct rows_seen {
	size_t n;
	int64_t id[8];
	char ftitle[8][64], lang[8][8];
	int stop_at;             /* fn returns an error at this row (0: never) */
} rows_seen;

static int keep_row(void *ctx, const index_row *r)
{
	rows_seen *m = ctx;
	if (m->stop_at && (int)m->n + 1 == m->stop_at)
		return Q_EIO;
	assert_true(m->n < 8);
	m->id[m->n] = r->id;
	snprintf(m->ftitle[m->n], sizeof m->ftitle[0], "%s", r->ftitle ? r->ftitle : "");
	snprintf(m->lang[m->n], sizeof m->lang[0], "%s", r->lang ? r->lang : "");
	m->n++;
	return 0;
}

/* How many articles have every word of words (index_text_articles). */
static size_t with_words(qindex *ix, const char *words)
{
	int64_t *ids = NULL;
	size_t n = 99;
	assert_int_equal(index_text_articles(ix, words, &ids, &n), 0);
	for (size_t k = 1; k < n; k++)
		assert_true(ids[k - 1] < ids[k]);   /* ascending */
	free(ids);
	return n;
}

/* The words of the articles' text: each the start of a word, any case or
 * accent, every one wanted; a replaced article's old text is not found;
 * what FTS5 would read as syntax is a word. */
/* The rows of every quote with its article, in the order written. */
static char *quote_rows(qindex *ix)
{
	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	char *out = calloc(1, 1);
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		index_hit *h;
		size_t nh;
		assert_int_equal(index_article_quotes(ix, f[i].path, &h, &nh), 0);
		for (size_t k = 0; k < nh; k++) {
			char line[512];
			int m = snprintf(line, sizeof line, "%lld %s %zu %s|%s\n", (long long)h[k].quote, f[i].path, h[k].start,
			                 h[k].text, h[k].speaker ? h[k].speaker : "-");
			out = realloc(out, len + (size_t)m + 1);
			memcpy(out + len, line, (size_t)m + 1);
			len += (size_t)m;
		}
		index_hits_free(h, nh);
	}
	index_files_free(f, n);
	return out;
}

/* Several reading threads write what one does, in the same order. */
static void test_reading_threads(void **state)
{
	char *dir = make_dir(), *rows[2] = { 0 };
	for (int i = 0; i < 40; i++) {
		char name[32];
		snprintf(name, sizeof name, "a%02d.txt", i);
		write_file(dir, name, i % 2 ? harbour : ferry);
	}
	static const unsigned readers[] = { 1, 5 };
	for (int r = 0; r < 2; r++) {
		char name[32];
		snprintf(name, sizeof name, "ix%u.sqlite", readers[r]);
		char *file = path_in(dir, name);
		qindex *ix;
		assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
		indexer_opts o = { .readers = readers[r] };
		indexer_stats st;
		const char *paths[] = { dir };
		assert_int_equal(indexer_run(ix, paths, 1, &o, &st), 0);
		assert_int_equal(st.added, 40);
		assert_int_equal(st.quotes, 40);
		rows[r] = quote_rows(ix);
		index_close(ix);
		/* the load into an empty index made the indexes of quotes at its end */
		sqlite3 *db;
		sqlite3_stmt *q;
		assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name IN"
		                                    " ('quotes_article', 'quotes_speaker')", -1, &q, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), 2);
		sqlite3_finalize(q);
		sqlite3_close(db);
		free(file);
	}
	assert_string_equal(rows[0], rows[1]);
	/* written in path order: the last file's quote is the last row */
	char last[256];
	snprintf(last, sizeof last, "40 %s/a39.txt 23 We will not back down,|Jane Doe\n", dir);
	assert_non_null(strstr(rows[0], last));
	free(rows[0]);
	free(rows[1]);
	remove_dir(dir);
}

/* The reading threads read ahead of the writer no more text than the
 * bound (each thread, and the writer, which reads while it waits, may take
 * one more article once under it), and the rows are those of one thread. */
static void test_read_ahead_bounded(void **state)
{
	(void)state;
	char *dir = make_dir(), *rows[2] = { 0 };
	for (int i = 0; i < 60; i++) {
		char name[32];
		snprintf(name, sizeof name, "a%02d.txt", i);
		write_file(dir, name, i % 2 ? harbour : ferry);
	}
	size_t longest = strlen(harbour) > strlen(ferry) ? strlen(harbour) : strlen(ferry);
	static const size_t bound[] = { 0, 3 * sizeof harbour };
	for (int r = 0; r < 2; r++) {
		char name[32];
		snprintf(name, sizeof name, "ix%d.sqlite", r);
		char *file = path_in(dir, name);
		qindex *ix;
		assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
		indexer_opts o = { .readers = 4, .ahead_bytes = bound[r] };
		indexer_stats st;
		const char *paths[] = { dir };
		assert_int_equal(indexer_run(ix, paths, 1, &o, &st), 0);
		assert_int_equal(st.added, 60);
		if (bound[r])
			assert_true(st.ahead_most <= bound[r] + (o.readers + 1) * longest);
		rows[r] = quote_rows(ix);
		index_close(ix);
		free(file);
	}
	assert_string_equal(rows[0], rows[1]);
	free(rows[0]);
	free(rows[1]);
	remove_dir(dir);
}

static void test_text_of_articles(void **state)
{
	char *dir = make_dir(), *corpus = path_in(dir, "corpus"), *file = path_in(dir, "ix.sqlite");
	assert_int_equal(mkdir(corpus, 0755), 0);
	write_file(corpus, "harbour.txt", harbour);
	write_file(corpus, "ferry.txt", ferry);
	age(corpus, "ferry.txt", 100);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, corpus, &st, &e);
	assert_int_equal(with_words(ix, "company"), 1);      /* in the text, not a quote */
	assert_int_equal(with_words(ix, "COMP"), 1);         /* the start of a word, any case */
	assert_int_equal(with_words(ix, "said"), 2);
	assert_int_equal(with_words(ix, "said  winter"), 1); /* every word */
	assert_int_equal(with_words(ix, "talks"), 1);        /* the title too */
	assert_int_equal(with_words(ix, "w\u00EDnter"), 1);  /* accents ignored */
	assert_int_equal(with_words(ix, "omp"), 0);          /* not inside a word */
	assert_int_equal(with_words(ix, "a"), 0);            /* one letter: a whole word */
	assert_int_equal(with_words(ix, "c"), 0);
	assert_int_equal(with_words(ix, "NOT OR \"said AND"), 0);   /* operators are words here */
	assert_int_equal(with_words(ix, "\"\""), 0);
	assert_int_equal(with_words(ix, "  "), 0);
	/* ferry.txt now says what harbour.txt says: its old words are gone */
	write_file(corpus, "ferry.txt", harbour);
	age(corpus, "ferry.txt", 10);
	run(ix, corpus, &st, &e);
	assert_int_equal(st.changed, 1);
	rows_seen m = { 0 };
	int64_t after = 0;
	bool done = false;
	assert_int_equal(index_rows_read(ix, &after, 10, keep_row, &m, &done), 0);
	assert_true(done);
	assert_int_equal(m.n, 2);
	int64_t *ids;
	size_t n;
	assert_int_equal(index_text_articles(ix, "winter", &ids, &n), 0);
	for (size_t k = 0; k < n; k++)   /* at most the old row, no article's now */
		assert_true(ids[k] != m.id[0] && ids[k] != m.id[1]);
	free(ids);
	assert_int_equal(index_text_articles(ix, "company", &ids, &n), 0);
	assert_int_equal(n, 2);
	assert_true(ids[0] == m.id[0] && m.id[0] < m.id[1]);   /* rows come in order */
	free(ids);
	index_close(ix);
	free(file);
	free(corpus);
	remove_dir(dir);
}

typedef struct pairs_seen {
	size_t n;
	char form[8][32];
	int64_t article[8];
} pairs_seen;

static int keep_pair(void *ctx, const char *form, int64_t article)
{
	pairs_seen *p = ctx;
	assert_true(p->n < 8);
	snprintf(p->form[p->n], sizeof p->form[0], "%s", form);
	p->article[p->n++] = article;
	return 0;
}

static int keep_form(void *ctx, const char *form, int64_t person, const char *name)
{
	pairs_seen *p = ctx;
	assert_true(p->n < 8 && person > 0 && *name);
	snprintf(p->form[p->n++], sizeof p->form[0], "%s", form);
	return 0;
}

/* What the article list reads, by slices that resume where they ended:
 * every article once (its title folded as the filter compares it), every
 * form with its person, each (form, article) once however many quotes; a
 * callback's error stops the reading and is returned. */
static void test_list_reads_by_slices(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_file(dir, "ferry.txt", ferry);
	write_file(dir, "harbour.txt", harbour);
	write_file(dir, "again.txt", "Jane Doe again\n\n\"We will build the new bridge before the winter comes,\" said"
	                             " Jane Doe.\n\n\"The money for the bridge is already there,\" said Jane Doe.\n");
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, dir, &st, &e);
	assert_int_equal(index_derive(ix, NULL), 0);
	rows_seen m = { 0 };
	int64_t after = 0;
	bool done = false;
	assert_int_equal(index_rows_read(ix, &after, 2, keep_row, &m, &done), 0);
	assert_false(done);
	assert_int_equal(m.n, 2);
	assert_int_equal(after, m.id[1]);
	assert_int_equal(index_rows_read(ix, &after, 2, keep_row, &m, &done), 0);
	assert_true(done);
	assert_int_equal(m.n, 3);
	assert_true(m.id[0] < m.id[1] && m.id[1] < m.id[2]);
	bool harbour_seen = false;
	for (size_t k = 0; k < 3; k++)
		harbour_seen |= !strcmp(m.ftitle[k], "harbour talks resume");
	assert_true(harbour_seen);
	rows_seen bad = { .stop_at = 2 };
	after = 0;
	assert_int_equal(index_rows_read(ix, &after, 10, keep_row, &bad, &done), Q_EIO);
	assert_false(done);
	pairs_seen f = { 0 };
	assert_int_equal(index_forms_read(ix, keep_form, &f), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.form[0], "Jane Doe");   /* by form */
	assert_string_equal(f.form[1], "Ole Brandt");
	pairs_seen p = { 0 };
	index_pair_cursor c = { 0 };
	assert_int_equal(index_pairs_read(ix, &c, 1, keep_pair, &p, &done), 0);
	assert_false(done);
	while (!done)
		assert_int_equal(index_pairs_read(ix, &c, 1, keep_pair, &p, &done), 0);
	assert_int_equal(p.n, 3);   /* Jane Doe in two articles (twice in one), Ole Brandt in one */
	assert_string_equal(p.form[0], "Jane Doe");
	assert_string_equal(p.form[1], "Jane Doe");
	assert_true(p.article[0] < p.article[1]);
	assert_string_equal(p.form[2], "Ole Brandt");
	index_pair_cursor_free(&c);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static void test_unreadable_and_empty_files_are_reported(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_file(dir, "empty.txt", "");
	write_file(dir, "ok.txt", harbour);
	write_file(dir, "binary.txt", "\x01\x02\x03\x04\x05\x06\x07\x08 not text \x01\x02\x03\x04\x05\x06\x07");
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, dir, &st, &e);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.failed, 2);
	assert_int_equal(e.n, 2);
	const char *missing[] = { "/nonexistent/quoth/x.txt" };
	indexer_opts o = { .file_error = on_error, .ctx = &e };
	assert_int_equal(indexer_run(ix, missing, 1, &o, &st), 0);
	assert_int_equal(st.failed, 1);
	assert_int_equal(e.last, Q_ENOENT);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static void test_dateline_and_language_recorded(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_file(dir, "ferry.txt", ferry);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, dir, &st, &e);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_person *p;
	size_t n;
	assert_int_equal(index_persons(ix, &p, &n), 0);
	assert_int_equal(n, 1);
	index_hit *h;
	size_t nh;
	assert_int_equal(index_person_quotes(ix, p[0].id, 0, &h, &nh), 0);
	assert_int_equal(nh, 1);
	assert_string_equal(h[0].source, "Northern Wire");
	assert_string_equal(h[0].date, "March 4");
	assert_string_equal(h[0].lang, "en");
	index_hits_free(h, nh);
	index_persons_free(p, n);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static void test_import_jsonl(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_file(dir, "q.jsonl",
	           "{\"file\":\"far/away.txt\",\"start\":5,\"end\":30,\"text\":\"We will not back down\","
	           "\"speaker\":\"Jane Doe\",\"cue\":\"said\",\"confidence\":0.9,\"id\":\"00000000000000aa\",\"lang\":\"en\"}\n"
	           "{\"file\":\"far/away.txt\",\"start\":50,\"end\":60,\"text\":\"Talks go on\",\"speaker\":null,"
	           "\"cue\":null,\"confidence\":0.3,\"id\":\"00000000000000bb\",\"lang\":\"en\"}\n"
	           "not json at all\n"
	           "{\"file\":\"far/other.txt\",\"start\":1,\"end\":9,\"text\":\"Bad id\",\"id\":\"xyz\"}\n"
	           "{\"file\":\"far/other.txt\",\"start\":1,\"end\":9,\"text\":7,\"id\":\"00000000000000cc\"}\n"
	           "\n"
	           "{\"file\":\"far/away.txt\",\"start\":70,\"end\":90,\"text\":\"Said again later\","
	           "\"speaker\":\"Jane Doe\",\"confidence\":0.9,\"id\":\"00000000000000dd\",\"lang\":\"en\"}\n");
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	char *in = path_in(dir, "q.jsonl");
	import_stats st;
	assert_int_equal(import_jsonl(ix, in, &st, NULL, NULL), Q_ESYNTAX);
	assert_int_equal(st.bad_lines, 3);
	assert_int_equal(st.articles, 1);
	assert_int_equal(st.quotes, 3);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].path, "far/away.txt");   /* not here: as written */
	assert_true(f[0].imported);
	index_files_free(f, n);
	index_person *p;
	assert_int_equal(index_persons(ix, &p, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].nquotes, 2);
	index_persons_free(p, n);
	/* a missing input */
	char *none = path_in(dir, "none.jsonl");
	assert_int_equal(import_jsonl(ix, none, &st, NULL, NULL), Q_ENOENT);
	assert_false(st.index_failed);
	index_close(ix);
	free(none);
	free(in);
	free(file);
	remove_dir(dir);
}

/* What an import said, one "LINE: what" a line. */
struct said {
	char buf[1024];
	size_t n;
};

static void on_import_error(void *ctx, const char *file, long line, const char *what)
{
	struct said *s = ctx;
	(void)file;
	s->n += (size_t)snprintf(s->buf + s->n, sizeof s->buf - s->n, "%ld: %s\n", line, what);
}

/* gzip data of text cut right after it (gzcut.h). */
static void write_gz_cut(const char *dir, const char *name, const char *text)
{
	unsigned char z[1024] = { 0 };
	size_t n = gz_cut_after(text, z, sizeof z);
	assert_true(n > 0);
	char *p = path_in(dir, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(z, 1, n, f), n);
	fclose(f);
	free(p);
}

/* The import reads its lines as quoth quotes reads JSON Lines (the corpus
 * stream): gzip data cut inside a line is said at that line, after what
 * came before is loaded; a file of no line is no error (a split where no
 * quote was found); a folder is refused, not walked. */
static void test_import_reads_as_quotes_does(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_gz_cut(dir, "cut.jsonl.gz",
	             "{\"file\":\"f.txt\",\"start\":0,\"end\":4,\"text\":\"Some\",\"id\":\"00000000000000a1\"}\n"
	             "\n"
	             "{\"file\":\"f.txt\",\"start\":5,\"end\":9,\"text\":\"more\",\"id\":\"00000000000000a2\"}\r\n"
	             "{\"file\":\"g.txt\",\"sta");
	write_file(dir, "empty.jsonl", "");
	char *sub = path_in(dir, "sub");
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(sub, "q.jsonl", "{\"file\":\"h.txt\",\"start\":0,\"end\":4,\"text\":\"Some\",\"id\":\"00000000000000b1\"}\n");
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	char *cut = path_in(dir, "cut.jsonl.gz"), *empty = path_in(dir, "empty.jsonl");
	import_stats st;
	struct said s = { .n = 0 };
	assert_int_equal(import_jsonl(ix, cut, &st, on_import_error, &s), Q_ESYNTAX);
	assert_string_equal(s.buf, "4: not a JSON object (it ends too soon)\n"
	                           "4: truncated gzip data: the rest of the file is lost\n");
	assert_int_equal(st.articles, 1);
	assert_int_equal(st.quotes, 2);
	assert_int_equal(st.bad_lines, 2);
	assert_int_equal(import_jsonl(ix, empty, &st, NULL, NULL), 0);
	assert_int_equal(st.quotes, 0);
	assert_int_equal(import_jsonl(ix, sub, &st, NULL, NULL), Q_EISDIR);
	assert_false(st.index_failed);
	assert_int_equal(st.quotes, 0);
	index_close(ix);
	free(cut);
	free(empty);
	free(sub);
	free(file);
	remove_dir(dir);
}

/* An imported file that exists here is kept under its real path, and a
 * later run over it skips it while it is unchanged. */
static void test_import_then_index_skips(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	write_file(dir, "harbour.txt", harbour);
	char line[1024];
	snprintf(line, sizeof line,
	         "{\"file\":\"%s/harbour.txt\",\"start\":23,\"end\":43,\"text\":\"We will not back down\","
	         "\"speaker\":\"Jane Doe\",\"cue\":\"said\",\"confidence\":0.9,\"id\":\"00000000000000aa\","
	         "\"lang\":\"en\"}\n", dir);
	write_file(dir, "q.jsonl", line);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	char *in = path_in(dir, "q.jsonl");
	import_stats ist;
	assert_int_equal(import_jsonl(ix, in, &ist, NULL, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	run(ix, dir, &st, &e);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(st.added, 0);
	index_close(ix);
	free(in);
	free(file);
	remove_dir(dir);
}

/* Every group with its members' rows, as text. */
static char *groups_text(qindex *ix)
{
	index_group *g;
	size_t ng;
	assert_int_equal(index_groups(ix, 2, NULL, &g, &ng), 0);
	char *out = calloc(1, 1);
	size_t len = 0;
	for (size_t i = 0; i < ng; i++) {
		int64_t *ids;
		size_t n;
		assert_int_equal(index_group_quote_ids(ix, g[i].id, 1000, &ids, &n), 0);
		assert_int_equal(n, (size_t)g[i].nquotes);   /* every member written */
		char line[512];
		int m = snprintf(line, sizeof line, "%lld %s %ld %ld:", (long long)g[i].id, g[i].lang ? g[i].lang : "-",
		                 g[i].nquotes, g[i].narticles);
		for (size_t k = 0; k < n && m < 400; k++)   /* (the first rows) */
			m += snprintf(line + m, sizeof line - (size_t)m, " %lld", (long long)ids[k]);
		free(ids);
		out = realloc(out, len + (size_t)m + 2);
		memcpy(out + len, line, (size_t)m);
		len += (size_t)m;
		out[len++] = '\n';
		out[len] = '\0';
	}
	index_groups_free(g, ng);
	return out;
}

/* On a fresh index the groups are made from the quotes as they were put
 * (index_groups_follow); they are the groups read back from the file. */
static void test_groups_followed_as_written(void **state)
{
	static const char *const said[] = {
		"\"The new bridge will carry trains and cars from next spring,\" said Ann Lee.\n",
		"\"The new bridge will carry trains and cars from next spring onwards,\" Ann Lee said.\n",
		"\"We have waited for a bridge like this one for forty years,\" said Tom Berg.\n",
	};
	char *dir = make_dir(), *corpus = path_in(dir, "corpus"), *file = path_in(dir, "ix.sqlite");
	assert_int_equal(mkdir(corpus, 0755), 0);
	for (int i = 0; i < 45; i++) {   /* (groups of more rows than one statement writes) */
		char name[32], text[512];
		snprintf(name, sizeof name, "b%d.txt", i);
		snprintf(text, sizeof text, "Bridge news %d\n\nThe council met on day %d.\n\n%s\n%s", i, i, said[i % 3],
		         i % 4 ? said[(i + 1) % 3] : "");
		write_file(corpus, name, text);
	}
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	indexer_stats st;
	struct errs e = { 0 };
	indexer_opts o = { .file_error = on_error, .ctx = &e, .readers = 2 };
	const char *paths[] = { corpus };
	assert_int_equal(indexer_run(ix, paths, 1, &o, &st), 0);
	assert_int_equal(st.added, 45);
	assert_int_equal(index_derive(ix, NULL), 0);
	char *followed = groups_text(ix);
	assert_non_null(strstr(followed, " 2 "));   /* groups were made */
	index_close(ix);

	/* the same groups from the quotes in the file */
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	assert_int_equal(index_begin(ix), 0);
	assert_int_equal(index_mark_stale(ix), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	char *read = groups_text(ix);
	assert_string_equal(followed, read);
	index_close(ix);
	free(followed);
	free(read);
	free(file);
	free(corpus);
	remove_dir(dir);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_unchanged_touched_changed_removed),
		cmocka_unit_test(test_reading_threads),
		cmocka_unit_test(test_read_ahead_bounded),
		cmocka_unit_test(test_text_of_articles),
		cmocka_unit_test(test_list_reads_by_slices),
		cmocka_unit_test(test_unreadable_and_empty_files_are_reported),
		cmocka_unit_test(test_dateline_and_language_recorded),
		cmocka_unit_test(test_import_jsonl),
		cmocka_unit_test(test_import_reads_as_quotes_does),
		cmocka_unit_test(test_import_then_index_skips),
		cmocka_unit_test(test_groups_followed_as_written),
		cmocka_unit_test(test_load_into_empty_index_unsynced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
