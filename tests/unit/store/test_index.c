/* The corpus index: writing and reading back, files that are not right
 * (not SQLite, another program's, truncated, damaged, another version,
 * read-only, a full disk), a crash in the middle of a batch, a reader
 * beside a writer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "error.h"
#include "index.h"
#include "index_internal.h"

static char *make_dir(void)
{
	char tmpl[] = "/tmp/quoth-index-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static void remove_dir(char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static char *path_in(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static qindex *open_ok(const char *path, unsigned flags, char **note)
{
	qindex *ix = NULL;
	char *n = NULL;
	assert_int_equal(index_open(path, flags, &ix, &n), 0);
	assert_non_null(ix);
	if (note)
		*note = n;
	else
		free(n);
	return ix;
}

static const index_quote two_quotes[] = {
	{ 0x1111, 10, 40, "We will build the bridge by spring", "Ada Lindqvist", "said", 0.9, NULL, 0, false },
	{ 0x2222, 90, 130, "Nobody asked the people of the valley", NULL, NULL, 0.35, NULL, 0, false },
};

static void put_article(qindex *ix, const char *path, uint64_t cid, const index_quote *q, size_t nq)
{
	index_article a = { .path = path, .size = 100, .mtime = 5, .cid = cid, .title = "A bridge for the valley",
	                    .lang = "en", .date = "2024-03-01", .source = "Example Wire" };
	const char *body = "A bridge for the valley\n\nThe council met on Monday about the bridge.";
	assert_int_equal(index_put(ix, &a, body, strlen(body), q, nq), 0);
}

static long count(qindex *ix, const char *what)
{
	index_counts c;
	assert_int_equal(index_count(ix, &c), 0);
	if (!strcmp(what, "articles"))
		return c.articles;
	if (!strcmp(what, "quotes"))
		return c.quotes;
	return c.persons;
}

/* An SQL count on the file itself, through SQLite directly. */
static long sql_count(const char *file, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(index_words_register(db), SQLITE_OK);   /* article_fts's tokenizer */
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static void test_write_and_read_back(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_false(index_readonly(ix));
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/b.txt", 0xb, two_quotes, 2);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 1);
	assert_int_equal(index_commit(ix), 0);
	assert_true(index_is_stale(ix));
	assert_int_equal(index_derive(ix, NULL), 0);
	assert_false(index_is_stale(ix));
	index_close(ix);

	ix = open_ok(file, INDEX_READ, NULL);
	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].path, "/corpus/a.txt");   /* sorted by path */
	assert_int_equal(f[0].cid, 0xa);
	assert_int_equal(f[1].size, 100);
	assert_int_equal(f[1].mtime, 5);
	index_files_free(f, n);
	assert_int_equal(count(ix, "quotes"), 3);
	assert_int_equal(count(ix, "persons"), 1);   /* one quote has no speaker */
	index_person *p;
	assert_int_equal(index_persons(ix, &p, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].name, "Ada Lindqvist");
	assert_int_equal(p[0].nquotes, 2);
	assert_int_equal(p[0].narticles, 2);
	index_hit *h;
	size_t nh;
	assert_int_equal(index_person_quotes(ix, p[0].id, 0, &h, &nh), 0);
	assert_int_equal(nh, 2);
	assert_string_equal(h[0].path, "/corpus/a.txt");
	assert_string_equal(h[0].text, "We will build the bridge by spring");
	assert_string_equal(h[0].date, "2024-03-01");
	assert_string_equal(h[0].source, "Example Wire");
	assert_int_equal(h[0].qid, 0x1111);
	index_hits_free(h, nh);
	index_persons_free(p, n);
	index_close(ix);
	/* the file is WAL, and carries quoth's id and schema version */
	assert_int_equal(sql_count(file, "PRAGMA application_id"), 0x71756f74);
	assert_int_equal(sql_count(file, "PRAGMA user_version"), INDEX_SCHEMA);
	assert_int_equal(sql_count(file, "PRAGMA page_size"), 16384);   /* (fewer pages to write) */
	free(file);
	remove_dir(dir);
}

/* Persons most quoted first, ties by name; each with its forms, most
 * quoted first, ties by form. */
static void test_persons_in_order(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	static const index_quote q[] = {
		{ 1, 0, 10, "one two three four five", "Cy Ra", NULL, 0.9, NULL, 0, false },
		{ 2, 20, 30, "six seven eight nine ten", "Cy Ra", NULL, 0.9, NULL, 0, false },
		{ 3, 40, 50, "eleven twelve thirteen fourteen", "Cy Ra", NULL, 0.9, NULL, 0, false },
		{ 4, 60, 70, "fifteen sixteen seventeen", "Bo Ek", NULL, 0.9, NULL, 0, false },
		{ 5, 80, 90, "eighteen nineteen twenty", "Bo Ek", NULL, 0.9, NULL, 0, false },
		{ 6, 100, 110, "twenty-one twenty-two", "Lindqvist", NULL, 0.9, NULL, 0, false },
		{ 7, 120, 130, "twenty-three twenty-four", "Ada Lindqvist", NULL, 0.9, NULL, 0, false },
	};
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/c/a.txt", 1, q, 7);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_person *p;
	size_t n;
	assert_int_equal(index_persons(ix, &p, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].name, "Cy Ra");
	assert_int_equal(p[0].nquotes, 3);
	assert_int_equal(p[0].nforms, 1);
	assert_string_equal(p[1].name, "Ada Lindqvist");   /* 2, before Bo Ek's 2 by name */
	assert_int_equal(p[1].nforms, 2);
	assert_string_equal(p[1].forms[0], "Ada Lindqvist");
	assert_string_equal(p[1].forms[1], "Lindqvist");
	assert_string_equal(p[2].name, "Bo Ek");
	index_persons_free(p, n);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

/* One article of two quotes by one speaker, the later one first. */
static void put_dated(qindex *ix, const char *path, const char *date)
{
	static const index_quote q[] = {
		{ 0x3333, 90, 120, "The valley waited long enough for this", "Ada Lindqvist", "said", 0.8, NULL, 0, false },
		{ 0x1111, 10, 40, "We will build the bridge by spring", "Ada Lindqvist", "said", 0.9, NULL, 0, false },
	};
	index_article a = { .path = path, .size = 100, .mtime = 5, .cid = 1, .title = path, .lang = "en", .date = date };
	assert_int_equal(index_put(ix, &a, NULL, 0, q, 2), 0);
}

/* The rows of a view in order, paged in, a page of a removed article, no
 * rows, and a query that fails. */
static void test_quote_ids_paged(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_dated(ix, "/c/d.txt", NULL);
	put_dated(ix, "/c/a.txt", "2024-02-01");
	put_dated(ix, "/c/c.txt", "2024-01-01");
	put_dated(ix, "/c/b.txt", "2024-01-01");
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_person *p;
	size_t np;
	assert_int_equal(index_persons(ix, &p, &np), 0);
	assert_int_equal(np, 1);
	int64_t person = p[0].id;
	index_persons_free(p, np);
	/* by date (none last), then path, then place; the same order as the hits */
	int64_t *ids;
	size_t n;
	assert_int_equal(index_person_quote_ids(ix, person, 0, &ids, &n), 0);
	assert_int_equal(n, 8);
	index_hit *h;
	size_t nh;
	assert_int_equal(index_person_quotes(ix, person, 0, &h, &nh), 0);
	assert_int_equal(nh, 8);
	static const char *const order[] = { "/c/b.txt", "/c/b.txt", "/c/c.txt", "/c/c.txt",
	                                     "/c/a.txt", "/c/a.txt", "/c/d.txt", "/c/d.txt" };
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(h[i].quote, ids[i]);
		assert_string_equal(h[i].path, order[i]);
		assert_int_equal(h[i].start, i % 2 ? 90 : 10);
	}
	assert_null(h[7].date);
	/* the first few; a page from the middle reads as the whole list did */
	int64_t *first;
	size_t nfirst;
	assert_int_equal(index_person_quote_ids(ix, person, 3, &first, &nfirst), 0);
	assert_int_equal(nfirst, 3);
	assert_memory_equal(first, ids, 3 * sizeof *ids);
	free(first);
	index_hit page[2];
	assert_int_equal(index_hits_by_ids(ix, ids + 3, 2, page), 0);
	assert_string_equal(page[0].text, h[3].text);
	assert_string_equal(page[1].path, "/c/a.txt");
	assert_int_equal(page[1].qid, h[4].qid);
	assert_int_equal(page[1].group, h[4].group);
	assert_true(page[1].group_articles == 4);   /* the same quote in the four articles */
	free(page[0].strings);
	free(page[1].strings);
	index_hits_free(h, nh);
	/* a group's rows: one a variant, in the same order */
	int64_t *g;
	size_t ng;
	index_hit one;
	assert_int_equal(index_hits_by_ids(ix, ids, 1, &one), 0);
	assert_int_equal(index_group_quote_ids(ix, one.group, 0, &g, &ng), 0);
	assert_int_equal(ng, 4);
	assert_int_equal(g[0], ids[0]);
	assert_int_equal(g[3], ids[6]);
	int64_t *g2;
	size_t ng2;
	assert_int_equal(index_group_quote_ids(ix, one.group, 2, &g2, &ng2), 0);
	assert_int_equal(ng2, 2);
	assert_int_equal(g2[1], ids[2]);
	free(g2);
	free(one.strings);
	/* the article of the first rows removed since: they read as lost */
	assert_int_equal(index_begin(ix), 0);
	assert_int_equal(index_remove(ix, "/c/b.txt"), 0);
	assert_int_equal(index_commit(ix), 0);
	index_hit three[3];
	assert_int_equal(index_hits_by_ids(ix, ids, 3, three), 0);
	assert_int_equal(three[0].quote, 0);
	assert_null(three[0].text);
	assert_null(three[1].path);
	assert_string_equal(three[2].path, "/c/c.txt");
	free(three[2].strings);
	/* nobody, no group: no rows */
	int64_t *none = (int64_t *)1;
	assert_int_equal(index_person_quote_ids(ix, 999, 0, &none, &n), 0);
	assert_null(none);
	assert_int_equal(n, 0);
	assert_int_equal(index_group_quote_ids(ix, 999, 0, &none, &n), 0);
	assert_int_equal(n, 0);
	index_close(ix);
	/* a table gone from under it: a code, and nothing returned */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE group_members", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ix = open_ok(file, INDEX_READ, NULL);
	assert_int_equal(index_group_quote_ids(ix, 1, 0, &none, &n), Q_EIO);
	assert_null(none);
	assert_int_equal(n, 0);
	three[0].quote = 7;
	assert_int_equal(index_hits_by_ids(ix, ids + 2, 1, three), Q_EIO);
	assert_int_equal(three[0].quote, 0);
	assert_int_equal(index_person_quotes(ix, person, 0, &h, &nh), Q_EIO);
	assert_null(h);
	index_close(ix);
	free(ids);
	free(g);
	free(file);
	remove_dir(dir);
}

/* The words of an article for its full-text index: case and accents
 * folded as unicode61 folds them, each once, the title's first; after a
 * word, its first two characters the first time a word begins so. */
static void test_words_once(void **state)
{
	(void)state;
	index_words *w = NULL;
	assert_int_equal(index_words_new(&w), 0);
	char *s = NULL;
	size_t n = 0;
	const char body[] = "The harbour, the HARBOUR;\n Caf\u00E9 caf\u00C9 cafe -- 12.5";
	assert_int_equal(index_words_of(w, "Harbour Talks", body, sizeof body - 1, &s, &n), 0);
	assert_string_equal(s, "harbour \x01ha talks \x01ta the \x01th cafe \x01" "ca 12 \x01" "12 5");
	assert_int_equal(n, strlen(s));
	free(s);
	assert_int_equal(index_words_of(w, NULL, NULL, 0, &s, &n), 0);   /* nothing: no word */
	assert_string_equal(s, "");
	assert_int_equal(n, 0);
	free(s);
	assert_int_equal(index_words_of(w, "", "  \n\t ", 5, &s, &n), 0);
	assert_int_equal(n, 0);
	free(s);
	index_words_free(w);
}

/* index_words_of's words as a plain search over what was kept makes them:
 * each word once, in the order first seen, then its beginning of two
 * letters when none came before (the text's words are ASCII letters). */
static void plain_words(const char *text, char *out)
{
	char seen[512][32], begun[512][3];
	size_t nseen = 0, nbegun = 0;
	char *copy = strdup(text);
	out[0] = '\0';
	for (char *p = strtok(copy, " "); p; p = strtok(NULL, " ")) {
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			dup = !strcmp(seen[i], p);
		if (dup)
			continue;
		snprintf(seen[nseen++], sizeof seen[0], "%s", p);
		sprintf(out + strlen(out), "%s%s", *out ? " " : "", p);
		if (strlen(p) < 2)
			continue;
		bool old = false;
		for (size_t i = 0; i < nbegun && !old; i++)
			old = !strncmp(begun[i], p, 2);
		if (!old) {
			snprintf(begun[nbegun++], sizeof begun[0], "%.2s", p);
			sprintf(out + strlen(out), " \x01%.2s", p);
		}
	}
	free(copy);
}

/* Words of every length up to past sixteen bytes, each against words of
 * its length that differ in one byte only, twice: every one is kept once
 * (the table of words seen compares and copies a short word by loads of
 * a few bytes, which must see each of its bytes). */
static void test_words_once_every_length(void **state)
{
	(void)state;
	char text[8192] = "", want[8192];
	for (int round = 0; round < 2; round++)
		for (int len = 1; len <= 20; len++)
			for (int at = -1; at < len; at++) {
				char word[32];
				for (int i = 0; i < len; i++)
					word[i] = i == at ? 'b' : 'a';
				word[len] = '\0';
				sprintf(text + strlen(text), "%s%s", *text ? " " : "", word);
			}
	plain_words(text, want);
	index_words *w = NULL;
	assert_int_equal(index_words_new(&w), 0);
	char *s = NULL;
	size_t n = 0;
	assert_int_equal(index_words_of(w, NULL, text, strlen(text), &s, &n), 0);
	assert_string_equal(s, want);
	assert_int_equal(n, strlen(want));
	free(s);
	index_words_free(w);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of text as SQLite's unicode61 makes them in a table of its own,
 * sorted and joined by spaces. */
static char *unicode61_words(const char *text)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');"
	                                  "CREATE VIRTUAL TABLE v USING fts5vocab(t, row);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(x) VALUES (?1)", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(term, ' ') FROM (SELECT term FROM v ORDER BY term)",
	                                    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(s, 0);
	char *out = strdup(t ? t : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

/* index_words_of's words (folded here when they are ASCII letters and
 * digits, by unicode61 otherwise), sorted as unicode61_words. */
static char *sorted_words(index_words *w, const char *text)
{
	char *s = NULL;
	size_t n = 0;
	assert_int_equal(index_words_of(w, NULL, text, strlen(text), &s, &n), 0);
	char *v[256] = { 0 };
	size_t k = 0;
	for (char *p = strtok(s, " "); p && k < 256; p = strtok(NULL, " "))
		if (*p != '\x01')   /* (a beginning, not a word) */
			v[k++] = p;
	qsort(v, k, sizeof *v, cmp_str);
	char *out = calloc(1, strlen(text) * 2 + 2);
	for (size_t i = 0; i < k; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, v[i]);
	}
	free(s);
	return out;
}

/* The same words as unicode61 makes in the table, whatever the script,
 * case, accents, punctuation (ASCII or not) or length of a word. */
static void test_words_as_unicode61(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"The Harbour-Board's 2nd vote: 12.5% (yes) & no; x_y a/b C++ e-mail",
		"Caf\u00E9 CAF\u00C9 na\u00EFve \u00C5rhus \u00D8resund \u00DF Stra\u00DFe e\u0301t\u00E9",
		"ABC\u00E9DEF abc\u00C9 \u201CQuoted\u201D \u2014 dash\u2019s it\u2019s 3\u00BD",
		"\u041C\u043E\u0441\u043A\u0432\u0430 Moscow\u041C\u043E\u0441\u043A\u0432\u0430 \u4E2D\u6587\u5B57 abc\u4E2D",
		"Supercalifragilisticexpialidociousandmanymorelettersthanfittedinonebuffer123Z "
		"Supercalifragilisticexpialidociousandmanymorelettersthanfittedinonebuffer123\u00E9",
		"tab\there\nnew line\r\x01ctl \x7f del \xff\xfe bad bytes\xc3 end",
		"\u00AB\u00C9t\u00E9\u00BB \u2018x\u2019 a\u00A0b \u0130stanbul \u1E9E \u0391\u03B8\u03AE\u03BD\u03B1 \u05E9\u05DC\u05D5\u05DD"
		" \uFF21\uFF42\uFF43 \u00AD soft\u00ADhyphen \u200Bzw \u2160 \uD55C\uAD6D\uC5B4 \U0001F600smile",
		NULL,   /* long pieces, made below */
		NULL,
	};
	/* a word of accented letters longer than the ASCII words folded whole,
	 * and a run of CJK longer than the pieces folded here */
	char accented[400] = "", cjk[4000] = "";
	for (int i = 0; i < 60; i++)
		strcat(accented, i % 2 ? "\u00E9" : "B");
	for (int i = 0; i < 1100; i++)
		strcat(cjk, "\u4E2D");
	const char *made[] = { accented, cjk };
	index_words *w = NULL;
	assert_int_equal(index_words_new(&w), 0);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		const char *t = texts[i] ? texts[i] : made[i + 2 - sizeof texts / sizeof *texts];
		char *want = unicode61_words(t), *got = sorted_words(w, t);
		assert_string_equal(got, want);
		free(want);
		free(got);
	}
	index_words_free(w);
}

static void test_full_text_search(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 2);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'valley'"), 1);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH '\"build the bridge\"'"), 1);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'speaker:lindqvist'"), 1);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'council'"), 1);
	/* replacing the article keeps one row in quote_fts per quote */
	ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa2, two_quotes + 1, 1);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'bridge'"), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'valley'"), 1);
	/* the replaced text stays in article_fts, hidden by the join and counted */
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts f JOIN articles a ON a.id = f.rowid"
	                                 " WHERE article_fts MATCH 'council'"), 1);
	assert_int_equal(sql_count(file, "SELECT value FROM meta WHERE key = 'fts_dead'"), 1);
	free(file);
	remove_dir(dir);
}

/* A path the indexer did not see in the index is inserted without a look
 * (new_path); when another writer put it meanwhile, its row and quotes
 * are replaced as by any put, in the same batch. */
static void test_new_path_put_by_another(void **state)
{
	(void)state;
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 2);   /* the other writer's */
	index_article a = { .path = "/corpus/a.txt", .size = 7, .mtime = 9, .cid = 0xa2, .title = "Ferry news",
	                    .new_path = true };
	assert_int_equal(index_put(ix, &a, "Ferry news", 10, two_quotes + 1, 1), 0);
	index_article b = { .path = "/corpus/b.txt", .size = 8, .mtime = 9, .cid = 0xb, .title = "Harbour news",
	                    .new_path = true };
	assert_int_equal(index_put(ix, &b, "Harbour news", 12, two_quotes, 2), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(count(ix, "articles"), 2);
	assert_int_equal(count(ix, "quotes"), 3);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT size FROM articles WHERE path = '/corpus/a.txt'"), 7);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article"
	                                 " WHERE a.path = '/corpus/a.txt'"), 1);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'bridge'"), 1);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'valley'"), 2);
	free(file);
	remove_dir(dir);
}

/* A quote added to an older article later (an import in two runs) comes
 * after the quotes of newer articles: its group still counts each article
 * once. */
static void test_group_of_a_quote_added_later(void **state)
{
	(void)state;
	static const index_quote said[] = {
		{ 0x1, 10, 80, "The ferry will sail again from the north harbour in March", "Ann Lee", "said", 0.9,
		  NULL, 0, false },
		{ 0x2, 200, 270, "The ferry will sail again from the north harbour in March", "Ann Lee", "said", 0.9,
		  NULL, 0, false },
	};
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, said, 1);
	put_article(ix, "/corpus/b.txt", 0xb, said, 1);
	assert_int_equal(index_add_quotes(ix, "/corpus/a.txt", said + 1, 1), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_group *g = NULL;
	size_t n = 0;
	assert_int_equal(index_groups(ix, 2, NULL, &g, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].nquotes, 3);
	assert_int_equal(g[0].narticles, 2);
	index_groups_free(g, n);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

/* The article of put_article whose quotes' words were made beforehand
 * (index_qwords_add, as a reading thread of the indexer makes them). */
static void put_article_worded(qindex *ix, const char *path, uint64_t cid, const index_quote *q, size_t nq)
{
	index_words *w = NULL;
	assert_int_equal(index_words_new(&w), 0);
	index_qwords qw = { 0 };
	size_t end[32];
	assert_true(nq <= 32);
	for (size_t i = 0; i < nq; i++) {
		assert_int_equal(index_qwords_add(w, &qw, q[i].text, strlen(q[i].text)), 0);
		end[i] = qw.ntok;
	}
	index_article a = { .path = path, .size = 100, .mtime = 5, .cid = cid, .title = "A bridge for the valley",
	                    .lang = "en", .qwords = &qw, .qwords_end = end };
	const char *body = "A bridge for the valley\n\nThe council met on Monday about the bridge.";
	assert_int_equal(index_put(ix, &a, body, strlen(body), q, nq), 0);
	index_qwords_free(&qw);
	index_words_free(w);
}

/* Articles of more quotes than one statement puts (index.c: QUOTE_ROWS):
 * every quote has its row, numbered in turn, and its words, made by the
 * tokenizer or beforehand; and a batch of them is one segment of each
 * full-text table (a statement of several rows that opened a savepoint
 * had FTS5 write its words out at each one). */
static void test_many_quotes_an_article(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	enum { NQ = 19 };
	static char text[NQ][48], speaker[NQ][16];
	index_quote q[NQ];
	for (int i = 0; i < NQ; i++) {
		snprintf(text[i], sizeof text[i], "The plan marker%c%c will hold", 'a' + i % 26, 'a' + i / 26);
		snprintf(speaker[i], sizeof speaker[i], "Ada Person%c", 'a' + i);
		q[i] = (index_quote){ (uint64_t)i + 1, (size_t)i * 100, (size_t)i * 100 + 40, text[i], i % 3 ? speaker[i] : NULL,
		                      "said", 0.5, NULL, 0, false };
	}
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, q, NQ);
	put_article_worded(ix, "/corpus/b.txt", 0xb, q, NQ);
	put_article(ix, "/corpus/c.txt", 0xc, q, 9);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quotes"), 2 * NQ + 9);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quotes WHERE id - (SELECT min(id) FROM quotes) ="
	                                 " (article - 1) * 19 + qid - 1"), 2 * NQ + 9);
	assert_int_equal(sql_count(file, "SELECT count(DISTINCT segid) FROM quote_fts_idx"), 1);
	assert_int_equal(sql_count(file, "SELECT count(DISTINCT segid) FROM article_fts_idx"), 1);
	for (int i = 0; i < NQ; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM quote_fts f JOIN quotes q ON q.id = f.rowid"
		         " WHERE quote_fts MATCH 'marker%c%c' AND q.qid = %d", 'a' + i % 26, 'a' + i / 26, i + 1);
		assert_int_equal(sql_count(file, sql), i < 9 ? 3 : 2);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'speaker:person%c'", 'a' + i);
		assert_int_equal(sql_count(file, sql), i % 3 ? (i < 9 ? 3 : 2) : 0);
	}
	free(file);
	remove_dir(dir);
}

/* quote_fts has unicode61's words (fold61.h), in their order: the same
 * terms at the same places as a table of unicode61 over the same quotes,
 * whether its tokenizer made them or they were made beforehand (b.txt). */
static void test_quote_words_as_unicode61(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	static const index_quote q[] = {
		{ 1, 0, 10, "\u201CCaf\u00E9 CAF\u00C9\u201D \u2014 na\u00EFve e\u0301t\u00E9 Stra\u00DFe it\u2019s 3\u00BD, x_y",
		  "\u00C5sa \u00D8berg", NULL, 0.5, NULL, 0, false },
		{ 2, 20, 30, "\u041C\u043E\u0441\u043A\u0432\u0430 Moscow\u041C\u043E\u0441 \u4E2D\u6587\u5B57abc "
		  "\U0001F600smile bad\xff\xfe" "bytes \u00AB\u0130stanbul\u00BB \u00C9t\u00E9 the THE the", "Ada", NULL, 0.5, NULL, 0, false },
	};
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, q, 2);
	put_article_worded(ix, "/corpus/b.txt", 0xb, q, 2);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(index_words_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"CREATE VIRTUAL TABLE temp.u USING fts5(text, speaker, tokenize='unicode61 remove_diacritics 2');"
		"INSERT INTO temp.u(rowid, text, speaker) SELECT id, text, speaker FROM quotes;"
		"CREATE VIRTUAL TABLE temp.vq USING fts5vocab(main, quote_fts, 'instance');"
		"CREATE VIRTUAL TABLE temp.vu USING fts5vocab(temp, u, 'instance');", NULL, NULL, NULL), SQLITE_OK);
	static const char *const sql[] = {
		"SELECT count(*) FROM temp.vq",
		"SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.vq EXCEPT SELECT term, doc, col, offset FROM temp.vu)",
		"SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.vu EXCEPT SELECT term, doc, col, offset FROM temp.vq)",
		"SELECT count(*) FROM quote_fts WHERE quote_fts MATCH '\"cafe cafe\" AND speaker:asa'",
		"SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'MOSKVA OR \u043C\u043E\u0441\u043A\u0432*'",
		"SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'NEAR(naive ete, 1)'",
	};
	static const long want[] = { 48, 0, 0, 2, 2, 2 };
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(db, sql[i], -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int64(s, 0), want[i]);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	free(file);
	remove_dir(dir);
}

/* How many articles index_text_articles finds with every word of words. */
static size_t text_hits(qindex *ix, const char *words)
{
	int64_t *ids = NULL;
	size_t n = 0;
	assert_int_equal(index_text_articles(ix, words, &ids, &n), 0);
	free(ids);
	return n;
}

/* A word of two characters typed in the filter is the beginning of words
 * (their two first characters, kept once an article by the tokenizer of
 * article_fts), in any script, case and accent; a longer one the beginning
 * of words too; the beginning is never a word of its own. */
static void test_two_character_beginnings(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	index_article a = { .path = "/corpus/a.txt", .size = 1, .mtime = 1, .cid = 1, .title = "Ferries and fjords" };
	const char *body = "\u00D8stlige f\u00E6rger sejler. \u0418\u0432\u0430\u043D \u0433\u043E\u0432\u043E\u0440\u0438\u0442. "
	                   "Fast fare, faster ferries: go.";
	assert_int_equal(index_put(ix, &a, body, strlen(body), NULL, 0), 0);
	index_article b = { .path = "/corpus/b.txt", .size = 1, .mtime = 1, .cid = 2, .title = "Harbour" };
	const char *other = "Nothing here begins alike, and nobody sails.";
	assert_int_equal(index_put(ix, &b, other, strlen(other), NULL, 0), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(text_hits(ix, "fa"), 1);
	assert_int_equal(text_hits(ix, "FE"), 1);
	assert_int_equal(text_hits(ix, "fj"), 1);         /* the title too */
	assert_int_equal(text_hits(ix, "go"), 1);         /* a word of two letters is its own beginning */
	assert_int_equal(text_hits(ix, "\u00F8s"), 1);    /* accents and case ignored */
	assert_int_equal(text_hits(ix, "os"), 0);         /* (a letter of its own to unicode61, not o with a mark) */
	assert_int_equal(text_hits(ix, "f\u00C6"), 1);
	assert_int_equal(text_hits(ix, "\u0438\u0432"), 1);  /* other scripts */
	assert_int_equal(text_hits(ix, "\u0433\u043E\u0432"), 1);
	assert_int_equal(text_hits(ix, "no"), 1);
	assert_int_equal(text_hits(ix, "an"), 2);
	assert_int_equal(text_hits(ix, "fa se"), 1);      /* every word */
	assert_int_equal(text_hits(ix, "fa no"), 0);
	assert_int_equal(text_hits(ix, "as"), 0);         /* not inside a word */
	assert_int_equal(text_hits(ix, "ar"), 0);
	assert_int_equal(text_hits(ix, "fas"), 1);
	assert_int_equal(text_hits(ix, "faste"), 1);
	assert_int_equal(text_hits(ix, "f"), 0);          /* one letter: a whole word */
	index_close(ix);
	/* the beginnings are no words: FTS5 itself finds none by its text */
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'fa'"), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'fast'"), 1);
	/* each beginning a term of its own: the filter's two letters read one
	 * list */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(index_words_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, article_fts, 'row')",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT doc FROM temp.v WHERE term = char(1) || 'fa'", -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	sqlite3_close(db);
	free(file);
	remove_dir(dir);
}

/* Replaced articles leave their text rows behind; past the live ones the
 * text index is emptied and the articles marked to be read again. */
static void test_text_index_compacted(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	for (int i = 0; i < 1100; i++)
		put_article(ix, "/corpus/a.txt", (uint64_t)i + 1, two_quotes, 1);
	index_article imp = { .path = "far/b.txt", .title = "An imported article", .imported = true };
	assert_int_equal(index_put(ix, &imp, NULL, 0, two_quotes, 1), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_compact_text(ix), 0);
	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 2);
	assert_false(f[0].text_indexed);   /* /corpus/a.txt: to be read again */
	assert_true(f[1].imported);
	index_files_free(f, n);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT value FROM meta WHERE key = 'fts_dead'"), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'council'"), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'imported'"), 1);
	free(file);
	remove_dir(dir);
}

static void test_touch_and_remove(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 2);
	put_article(ix, "/corpus/b.txt", 0xb, two_quotes, 2);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	assert_int_equal(index_begin(ix), 0);
	assert_int_equal(index_touch(ix, "/corpus/a.txt", 101, 77), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_false(index_is_stale(ix));   /* a touch changes no quote */
	assert_int_equal(index_begin(ix), 0);
	assert_int_equal(index_remove(ix, "/corpus/b.txt"), 0);
	assert_int_equal(index_remove(ix, "/corpus/never.txt"), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_true(index_is_stale(ix));
	index_file *f;
	size_t n;
	assert_int_equal(index_files(ix, &f, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(f[0].size, 101);
	assert_int_equal(f[0].mtime, 77);
	index_files_free(f, n);
	assert_int_equal(count(ix, "quotes"), 2);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

/* A load into an empty index drops the index of quotes by speaker and
 * makes it at its end (the one by article, whose rows go in at its end,
 * it keeps); a load cut short leaves it to the next open for writing. */
static void test_quote_indexes_deferred(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	const char *indexes = "SELECT count(*) FROM sqlite_master WHERE name IN ('quotes_article', 'quotes_speaker')";
	const char *by_article = "SELECT count(*) FROM sqlite_master WHERE name = 'quotes_article'";
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(sql_count(file, indexes), 2);
	assert_int_equal(index_defer_quote_indexes(ix), 0);
	assert_int_equal(sql_count(file, indexes), 1);
	assert_int_equal(sql_count(file, by_article), 1);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 2);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(count(ix, "quotes"), 2);   /* read without them */
	index_close(ix);   /* as if killed before the end of the load */
	qindex *ro = open_ok(file, INDEX_READ, NULL);
	assert_int_equal(count(ro, "quotes"), 2);
	index_close(ro);
	assert_int_equal(sql_count(file, indexes), 1);
	ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(sql_count(file, indexes), 2);
	index_hit *h;
	size_t n;
	assert_int_equal(index_article_quotes(ix, "/corpus/a.txt", &h, &n), 0);
	assert_int_equal(n, 2);
	index_hits_free(h, n);
	/* at the end of a load: made once, then nothing to do */
	assert_int_equal(index_defer_quote_indexes(ix), 0);
	assert_int_equal(index_restore_quote_indexes(ix), 0);
	assert_int_equal(sql_count(file, indexes), 2);
	assert_int_equal(index_restore_quote_indexes(ix), 0);
	assert_int_equal(sql_count(file, indexes), 2);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

/* A long load keeps each batch's words in memory until its commit and
 * merges segments seldom: set in both full-text tables, and not written
 * again when it is there. */
static void test_bulk_keeps_words_until_commit(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_bulk(ix), 0);
	assert_int_equal(sql_count(file, "SELECT v FROM quote_fts_config WHERE k = 'hashsize'"), 64L << 20);
	assert_int_equal(sql_count(file, "SELECT v FROM article_fts_config WHERE k = 'hashsize'"), 64L << 20);
	assert_int_equal(sql_count(file, "SELECT v FROM quote_fts_config WHERE k = 'automerge'"), 16);
	assert_int_equal(sql_count(file, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), 16);
	/* its sorts in pages of memory, not a record an allocation */
	sqlite3_stmt *t;
	assert_int_equal(sqlite3_prepare_v2(ix->db, "PRAGMA temp_store", -1, &t, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(t), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(t, 0), 0);
	sqlite3_finalize(t);
	long changes = sqlite3_total_changes(ix->db);
	assert_int_equal(index_bulk(ix), 0);
	assert_int_equal(sqlite3_total_changes(ix->db), changes);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/corpus/a.txt", 0xa, two_quotes, 2);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'bridge'"), 1);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static long long file_size(const char *file)
{
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	return (long long)st.st_size;
}

/* After a load's batches, the write-ahead log is copied into the file on
 * a thread beside the writer, which goes on writing; the close finds it
 * done. */
static void test_log_copied_beside_the_writer(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	char path[64];
	for (int i = 0; i < 100; i++) {
		snprintf(path, sizeof path, "/corpus/%03d.txt", i);
		put_article(ix, path, (uint64_t)i + 1, two_quotes, 2);
	}
	assert_int_equal(index_commit(ix), 0);
	long long before = file_size(file);   /* the pages are in the log */
	index_checkpoint_beside(ix);
	for (int tries = 0; tries < 500 && file_size(file) == before; tries++)
		usleep(10000);
	assert_true(file_size(file) > before);
	assert_int_equal(index_begin(ix), 0);   /* the writer goes on beside it */
	put_article(ix, "/corpus/last.txt", 0xfff, two_quotes, 2);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM articles"), 101);
	free(file);
	remove_dir(dir);
}

/* The persons and forms as text, with every count and the forms' languages. */
static char *persons_text(qindex *ix, const char *file)
{
	index_person *p;
	size_t n;
	assert_int_equal(index_persons(ix, &p, &n), 0);
	char *out = calloc(1, 4096);
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		len += (size_t)snprintf(out + len, 4096 - len, "%s %ld %ld:", p[i].name, p[i].nquotes, p[i].narticles);
		for (size_t f = 0; f < p[i].nforms; f++)
			len += (size_t)snprintf(out + len, 4096 - len, " %s", p[i].forms[f]);
		len += (size_t)snprintf(out + len, 4096 - len, "\n");
	}
	index_persons_free(p, n);
	len += (size_t)snprintf(out + len, 4096 - len, "forms %ld articles %ld\n",
	                        sql_count(file, "SELECT sum(nquotes) FROM forms"), sql_count(file, "SELECT sum(narticles) FROM forms"));
	return out;
}

/* A speaker's quotes in one article and in several, articles without a
 * language: the forms the memo counted as the quotes were put are those
 * counted from the file. */
static void test_forms_followed_as_written(void **state)
{
	static const index_quote q[] = {
		{ 1, 0, 10, "one two three", "Ada Lindqvist", NULL, 0.9, NULL, 0, true },
		{ 2, 20, 30, "four five six", "Bo Ek", NULL, 0.9, NULL, 0, true },
		{ 3, 40, 50, "seven eight nine", "Ada Lindqvist", NULL, 0.9, NULL, 0, true },
		{ 4, 60, 70, "ten eleven twelve", NULL, NULL, 0.3, NULL, 0, true },
		{ 5, 80, 90, "thirteen fourteen", "Lindqvist", NULL, 0.9, NULL, 0, true },
	};
	static const struct { const char *path, *lang; size_t from, n; } arts[] = {
		{ "/c/a.txt", "en", 0, 4 }, { "/c/b.txt", NULL, 0, 1 }, { "/c/c.txt", "da", 1, 4 }, { "/c/d.txt", "sv", 2, 1 },
	};
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_groups_follow(ix), 0);
	assert_int_equal(index_begin(ix), 0);
	for (size_t i = 0; i < sizeof arts / sizeof *arts; i++) {
		index_article a = { .path = arts[i].path, .cid = i + 1, .title = "t", .lang = arts[i].lang };
		assert_int_equal(index_put(ix, &a, NULL, 0, q + arts[i].from, arts[i].n), 0);
	}
	assert_int_equal(index_commit(ix), 0);
	index_form_count *f;
	size_t n;
	assert_int_equal(index_memo_forms(ix, &f, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(f[0].form, "Ada Lindqvist");   /* in the order of their bytes */
	assert_int_equal(f[0].nquotes, 5);   /* two in a, one in b, c and d */
	assert_int_equal(f[0].narticles, 4);
	assert_string_equal(f[0].lang, "sv");   /* the greatest; b has none */
	assert_string_equal(f[1].form, "Bo Ek");
	assert_int_equal(f[1].narticles, 2);
	assert_string_equal(f[1].lang, "en");
	assert_string_equal(f[2].form, "Lindqvist");
	assert_string_equal(f[2].lang, "da");
	index_form_counts_free(f, n);
	assert_int_equal(index_derive(ix, NULL), 0);
	char *followed = persons_text(ix, file);
	assert_int_equal(index_begin(ix), 0);   /* again, from the file */
	assert_int_equal(index_mark_stale(ix), 0);
	assert_int_equal(index_commit(ix), 0);
	assert_int_equal(index_memo_forms(ix, &f, &n), Q_ENOENT);
	assert_int_equal(index_derive(ix, NULL), 0);
	char *read = persons_text(ix, file);
	assert_string_equal(followed, read);
	free(followed);
	free(read);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static void test_missing_index_for_reading(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "none.sqlite");
	qindex *ix = NULL;
	char *note = NULL;
	assert_int_equal(index_open(file, INDEX_READ, &ix, &note), Q_ENOENT);
	assert_null(ix);
	assert_non_null(strstr(note, "quoth index"));
	free(note);
	assert_int_equal(access(file, F_OK), -1);   /* reading creates nothing */
	free(file);
	remove_dir(dir);
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void test_named_file_not_sqlite_is_kept(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "notes.txt");
	const char *text = "my notes, not an index; quoth must leave this file alone\n";
	write_file(file, text, strlen(text));
	qindex *ix = NULL;
	char *note = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, &note), Q_EEXIST);
	assert_non_null(strstr(note, "not an SQLite database"));
	free(note);
	assert_int_equal(index_open(file, INDEX_WRITE | INDEX_REBUILD, &ix, &note), Q_EEXIST);
	free(note);
	assert_int_equal(index_open(file, INDEX_READ, &ix, &note), Q_EEXIST);
	free(note);
	char buf[256] = { 0 };
	FILE *f = fopen(file, "rb");
	assert_int_equal(fread(buf, 1, sizeof buf, f), strlen(text));
	fclose(f);
	assert_string_equal(buf, text);
	free(file);
	remove_dir(dir);
}

static void test_named_sqlite_of_another_program_is_kept(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "other.sqlite");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE bookmarks(url); INSERT INTO bookmarks VALUES ('x');", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(db);
	qindex *ix = NULL;
	char *note = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, &note), Q_EEXIST);
	assert_non_null(strstr(note, "another program"));
	free(note);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM bookmarks"), 1);
	free(file);
	remove_dir(dir);
}

/* In quoth's own cache folder a file that is not an index is replaced. */
static void test_own_file_not_sqlite_is_rebuilt(void **state)
{
	char *dir = make_dir();
	setenv("XDG_CACHE_HOME", dir, 1);
	char *file = index_default_path();
	assert_non_null(strstr(file, dir));
	char *qdir = path_in(dir, "quoth");
	assert_int_equal(mkdir(qdir, 0700), 0);
	write_file(file, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage"
	                 "garbage garbage garbage garbage garbage garbage garbage garbage", 136);
	char *note = NULL;
	qindex *ix = open_ok(NULL, INDEX_WRITE, &note);
	assert_non_null(note);
	assert_non_null(strstr(note, "rebuilt"));
	assert_string_equal(index_path(ix), file);
	free(note);
	assert_int_equal(index_begin(ix), 0);
	put_article(ix, "/c/a.txt", 1, two_quotes, 1);
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
	/* the default path for reading */
	ix = open_ok(NULL, INDEX_READ, NULL);
	assert_int_equal(count(ix, "articles"), 1);
	index_close(ix);
	unsetenv("XDG_CACHE_HOME");
	free(qdir);
	free(file);
	remove_dir(dir);
}

/* An index with n articles, checkpointed into the main file. */
static void build_index(const char *file, int n)
{
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(ix), 0);
	char path[64];
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "/corpus/%05d.txt", i);
		put_article(ix, path, (uint64_t)i + 1, two_quotes, 2);
	}
	assert_int_equal(index_commit(ix), 0);
	index_close(ix);
}

static void test_truncated_index_is_rebuilt(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 300);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_true(st.st_size > 16384);
	assert_int_equal(truncate(file, st.st_size / 2), 0);
	qindex *ix = NULL;
	char *note = NULL;
	assert_int_equal(index_open(file, INDEX_READ, &ix, &note), Q_EIO);   /* reading: says so, never writes */
	assert_non_null(strstr(note, "truncated"));
	free(note);
	ix = open_ok(file, INDEX_WRITE, &note);
	assert_non_null(strstr(note, "rebuilt"));
	assert_non_null(strstr(note, "truncated"));
	free(note);
	assert_int_equal(count(ix, "articles"), 0);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

/* Pages overwritten in the middle: found when they are read, then
 * rebuilt on request. */
static void test_damaged_pages_found_and_rebuilt(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 300);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	int fd = open(file, O_WRONLY);
	char junk[4096];
	memset(junk, 0xa5, sizeof junk);
	for (off_t off = 4096; off + (off_t)sizeof junk < st.st_size; off += 4 * 4096)
		assert_int_equal(pwrite(fd, junk, sizeof junk, off), (ssize_t)sizeof junk);
	close(fd);
	qindex *ix = NULL;
	char *note = NULL;
	int rc = index_open(file, INDEX_WRITE, &ix, &note);
	free(note);
	if (rc == 0) {
		index_file *f = NULL;
		size_t n = 0;
		rc = index_files(ix, &f, &n);
		index_files_free(f, n);
		if (rc == 0) {
			index_counts c;
			rc = index_count(ix, &c);
		}
		assert_int_equal(rc, Q_EIO);
		assert_true(index_damaged(ix));
		index_close(ix);
	}
	ix = open_ok(file, INDEX_WRITE | INDEX_REBUILD, &note);
	assert_non_null(strstr(note, "rebuilt"));
	free(note);
	assert_int_equal(count(ix, "articles"), 0);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

static void test_other_schema_version_is_rebuilt(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 3);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	qindex *ix = NULL;
	char *note = NULL;
	assert_int_equal(index_open(file, INDEX_READ, &ix, &note), Q_EIO);
	assert_non_null(strstr(note, "version"));
	free(note);
	ix = open_ok(file, INDEX_WRITE, &note);
	assert_non_null(strstr(note, "another schema version"));
	free(note);
	assert_int_equal(count(ix, "articles"), 0);
	index_close(ix);
	assert_int_equal(sql_count(file, "PRAGMA user_version"), INDEX_SCHEMA);
	assert_int_equal(sql_count(file, "PRAGMA page_size"), 16384);   /* (fewer pages to write) */
	free(file);
	remove_dir(dir);
}

/* Root's rights given up, in a child that checks what a user without them
 * sees (permission bits do not stop root): false when they cannot be. */
static bool give_up_root(void)
{
	return geteuid() != 0 || (!setgid(65534) && !setuid(65534));
}

/* The exit status of child(file, dir) run in a process of its own; -1
 * when it did not exit. */
static int status_of_child(void (*child)(char *, char *), char *file, char *dir)
{
	pid_t pid = fork();
	if (pid == 0)
		child(file, dir);
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The child of test_read_only_index, without root: its exit status says
 * which check failed (0: none). It frees its copies of the strings: a leak
 * checker looks at the child too. */
static void read_only_child(char *file, char *dir) __attribute__((noreturn));
static void read_only_child(char *file, char *dir)
{
	int code = 0;
	qindex *ix = NULL;
	char *note = NULL;
	index_counts c;
	if (!give_up_root())
		code = 10;
	else if (index_open(file, INDEX_WRITE, &ix, &note) || !index_readonly(ix))
		code = 11;
	else if (!note || !strstr(note, "read-only"))
		code = 12;
	else if (index_count(ix, &c) || c.articles != 3)
		code = 13;
	if (!code) {
		int rc = index_begin(ix);
		if (!rc) {
			index_article a = { .path = "/x.txt", .title = "x" };
			rc = index_put(ix, &a, NULL, 0, NULL, 0);
		}
		code = rc != Q_EROFS ? 14 : 0;
	}
	index_close(ix);
	free(note);
	ix = NULL;
	if (!code && (index_open(file, INDEX_READ, &ix, NULL) || index_count(ix, &c) || c.articles != 3))
		code = 15;
	index_close(ix);
	free(file);
	free(dir);
	_exit(code);
}

/* A read-only index file: queries work, writes say why they fail. Permission
 * bits do not stop root, so the check runs in a child that gives up root. */
static void test_read_only_index(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 3);
	if (geteuid() == 0) {
		assert_int_equal(chown(dir, 65534, 65534), 0);
		assert_int_equal(chown(file, 65534, 65534), 0);
	}
	assert_int_equal(chmod(file, 0444), 0);
	assert_int_equal(status_of_child(read_only_child, file, dir), 0);
	free(file);
	remove_dir(dir);
}

/* The child of test_read_only_folder, without root: 0 when the index is
 * read, and opened for writing says it is read-only. */
static void read_only_folder_child(char *file, char *dir) __attribute__((noreturn));
static void read_only_folder_child(char *file, char *dir)
{
	int code = 0;
	qindex *ix = NULL;
	char *note = NULL;
	index_counts c;
	if (!give_up_root())
		code = 10;
	else if (index_open(file, INDEX_READ, &ix, &note) || index_count(ix, &c) || c.articles != 3)
		code = 11;
	index_close(ix);
	free(note);
	ix = NULL;
	note = NULL;
	if (!code && (index_open(file, INDEX_WRITE, &ix, &note) || !index_readonly(ix)))
		code = 12;
	else if (!code && (!note || !strstr(note, "read-only")))
		code = 13;
	index_close(ix);
	free(note);
	free(file);
	free(dir);
	_exit(code);
}

/* A read-only index in a folder it cannot write to (another user's
 * cache, a read-only mount): SQLite cannot make the -shm file a WAL
 * index is read with, and the index is read without it. */
static void test_read_only_folder(void **state)
{
	(void)state;
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 3);
	assert_int_equal(chmod(file, 0444), 0);
	assert_int_equal(chmod(dir, 0555), 0);
	int code = status_of_child(read_only_folder_child, file, dir);
	assert_int_equal(chmod(dir, 0755), 0);
	assert_int_equal(code, 0);
	free(file);
	remove_dir(dir);
}

/* The disk fills up in the middle of a batch: the batch fails with
 * Q_ENOSPC and what was committed before stays. */
static void test_full_disk(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 5);
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	long pages = sql_count(file, "PRAGMA page_count");
	assert_int_equal(index_limit_pages(ix, pages + 2), 0);
	assert_int_equal(index_begin(ix), 0);
	int rc = 0;
	char path[64];
	for (int i = 0; i < 2000 && !rc; i++) {
		snprintf(path, sizeof path, "/more/%05d.txt", i);
		index_article a = { .path = path, .title = "more" };
		rc = index_put(ix, &a, "some words of text to fill the pages with", 41, two_quotes, 2);
	}
	assert_int_equal(rc, Q_ENOSPC);
	index_rollback(ix);
	assert_int_equal(count(ix, "articles"), 5);
	index_close(ix);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM articles"), 5);
	free(file);
	remove_dir(dir);
}

/* The child of test_file_size_limit: 0 when a load past the limit fails
 * as a write error. */
static void file_size_limit_child(const char *file) __attribute__((noreturn));
static void file_size_limit_child(const char *file)
{
	struct stat st;
	signal(SIGXFSZ, SIG_IGN);   /* the write fails with EFBIG instead */
	qindex *ix = NULL;
	if (index_open(file, INDEX_WRITE, &ix, NULL) || stat(file, &st))
		_exit(10);
	struct rlimit lim = { .rlim_cur = (rlim_t)st.st_size + 65536, .rlim_max = RLIM_INFINITY };
	if (setrlimit(RLIMIT_FSIZE, &lim) || index_begin(ix))
		_exit(11);
	int rc = 0;
	char path[64];
	for (int i = 0; i < 4000 && !rc; i++) {
		snprintf(path, sizeof path, "/more/%05d.txt", i);
		index_article a = { .path = path, .title = "more" };
		rc = index_put(ix, &a, "some words of text to fill the pages with", 41, two_quotes, 2);
		if (!rc && i % 100 == 99 && !(rc = index_commit(ix)))
			rc = index_begin(ix);
	}
	index_rollback(ix);
	index_close(ix);
	_exit(rc == Q_EWRITE ? 0 : rc == 0 ? 12 : 13);
}

/* A file-size limit (ulimit -f) reached while loading: SQLite calls it an
 * I/O error; quoth says it could not write, not that it could not read,
 * and what was committed before stays. */
static void test_file_size_limit(void **state)
{
	(void)state;
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 5);
	pid_t pid = fork();
	if (pid == 0)
		file_size_limit_child(file);
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_int_equal(sql_count(file, "SELECT count(*) FROM articles") % 100, 5);
	free(file);
	remove_dir(dir);
}

/* kill -9 in the middle of a batch: the index is what the last commit made. */
static void test_killed_in_a_batch(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	build_index(file, 10);
	pid_t pid = fork();
	if (pid == 0) {
		qindex *ix = NULL;
		if (index_open(file, INDEX_WRITE, &ix, NULL) || index_begin(ix))
			_exit(10);
		char path[64];
		for (int i = 0; i < 500; i++) {
			snprintf(path, sizeof path, "/killed/%05d.txt", i);
			index_article a = { .path = path, .title = "lost" };
			if (index_put(ix, &a, "text that never gets committed", 30, two_quotes, 2))
				_exit(11);
		}
		free(file);
		free(dir);
		raise(SIGKILL);
		_exit(12);
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFSIGNALED(st));
	qindex *ix = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(count(ix, "articles"), 10);
	assert_int_equal(count(ix, "quotes"), 20);
	index_close(ix);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(file);
	remove_dir(dir);
}

/* A reader opened while a writer holds a batch open sees the last commit
 * and is not kept waiting. */
static void test_reader_beside_writer(void **state)
{
	char *dir = make_dir(), *file = path_in(dir, "ix.sqlite");
	/* a new index whose header is still only in the write-ahead log is
	 * known as quoth's by a second process */
	qindex *fresh = open_ok(file, INDEX_WRITE, NULL);
	qindex *peek = open_ok(file, INDEX_READ, NULL);
	assert_int_equal(count(peek, "articles"), 0);
	qindex *second = open_ok(file, INDEX_WRITE, NULL);
	index_close(second);
	index_close(peek);
	index_close(fresh);
	unlink(file);
	build_index(file, 4);
	qindex *w = open_ok(file, INDEX_WRITE, NULL);
	assert_int_equal(index_begin(w), 0);
	put_article(w, "/new/a.txt", 99, two_quotes, 2);
	qindex *r = open_ok(file, INDEX_READ, NULL);
	assert_int_equal(count(r, "articles"), 4);
	qindex *r2 = open_ok(file, INDEX_READ, NULL);
	assert_int_equal(count(r2, "quotes"), 8);
	assert_int_equal(index_commit(w), 0);
	assert_int_equal(count(r, "articles"), 5);
	index_close(r2);
	index_close(r);
	index_close(w);
	free(file);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_and_read_back),
		cmocka_unit_test(test_persons_in_order),
		cmocka_unit_test(test_quote_ids_paged),
		cmocka_unit_test(test_words_once),
		cmocka_unit_test(test_words_once_every_length),
		cmocka_unit_test(test_words_as_unicode61),
		cmocka_unit_test(test_full_text_search),
		cmocka_unit_test(test_quote_words_as_unicode61),
		cmocka_unit_test(test_many_quotes_an_article),
		cmocka_unit_test(test_two_character_beginnings),
		cmocka_unit_test(test_text_index_compacted),
		cmocka_unit_test(test_touch_and_remove),
		cmocka_unit_test(test_new_path_put_by_another),
		cmocka_unit_test(test_group_of_a_quote_added_later),
		cmocka_unit_test(test_quote_indexes_deferred),
		cmocka_unit_test(test_bulk_keeps_words_until_commit),
		cmocka_unit_test(test_log_copied_beside_the_writer),
		cmocka_unit_test(test_forms_followed_as_written),
		cmocka_unit_test(test_missing_index_for_reading),
		cmocka_unit_test(test_named_file_not_sqlite_is_kept),
		cmocka_unit_test(test_named_sqlite_of_another_program_is_kept),
		cmocka_unit_test(test_own_file_not_sqlite_is_rebuilt),
		cmocka_unit_test(test_truncated_index_is_rebuilt),
		cmocka_unit_test(test_read_only_folder),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_damaged_pages_found_and_rebuilt),
		cmocka_unit_test(test_other_schema_version_is_rebuilt),
		cmocka_unit_test(test_read_only_index),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_killed_in_a_batch),
		cmocka_unit_test(test_reader_beside_writer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
