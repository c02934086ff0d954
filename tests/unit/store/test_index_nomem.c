/* The list table's reads of the index when SQLite finds no memory: every
 * allocation of SQLite's, one at a time, fails (its allocator is replaced
 * before it starts), and each read either gives everything or says it
 * failed, never fewer rows with success. The speakers are kept as BLOBs,
 * which SQLite must copy to hand out as text: the copy is an allocation
 * that can fail after the row was found. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "error.h"
#include "index.h"
#include "indexer.h"
#include "storetest.h"

static sqlite3_mem_methods real_mem;
static long fail_at;      /* SQLite's allocation to fail, counting from 1; 0: none */
static long counted;

static bool fail_now(void)
{
	return fail_at && ++counted == fail_at;
}

static void *failing_malloc(int n)
{
	return fail_now() ? NULL : real_mem.xMalloc(n);
}

static void *failing_realloc(void *p, int n)
{
	return fail_now() ? NULL : real_mem.xRealloc(p, n);
}

static void fail_from_now(long at)
{
	counted = 0;
	fail_at = at;
}

static const char *const articles[][2] = {
	{ "a.txt", "Harbour talks\n\n\"The ferry will run again in spring,\" said Ole Brandt.\n" },
	{ "b.txt", "Bridge plans\n\n\"We will build the bridge before winter,\" said Jane Doe.\n\n"
	           "\"The money is there,\" said Jane Doe.\n" },
	{ "c.txt", "Council vote\n\n\"The vote comes next week,\" said Jane Doe.\n" },
};

/* An index of the articles above with its speakers derived, and every
 * speaker form turned into a BLOB of the same bytes. */
static char *build(char *dir)
{
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
		char *p = path_in(dir, articles[i][0]);
		write_file(p, articles[i][1]);
		free(p);
	}
	char *file = path_in(dir, "ix.sqlite");
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_WRITE, &ix, NULL), 0);
	quotes_opts qo;
	quotes_opts_init(&qo);
	indexer_opts o = { .quotes = &qo, .readers = 1 };
	indexer_stats st;
	const char *paths[] = { dir };
	assert_int_equal(indexer_run(ix, paths, 1, &o, &st), 0);
	assert_int_equal(index_derive(ix, NULL), 0);
	index_close(ix);
	quotes_opts_free(&qo);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE quotes SET speaker = CAST(speaker AS BLOB);"
	                                  "UPDATE forms SET form = CAST(form AS BLOB);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	return file;
}

typedef struct seen {
	size_t n;
} seen;

static int count_pair(void *ctx, const char *form, int64_t article)
{
	(void)form;
	(void)article;
	((seen *)ctx)->n++;
	return 0;
}

static int count_form(void *ctx, const char *form, int64_t person, const char *name)
{
	(void)form;
	(void)person;
	(void)name;
	((seen *)ctx)->n++;
	return 0;
}

/* Every pair, in one slice. (From a cursor a BLOB never passes the form
 * bound as text: the test reads them in one go.) */
static int all_pairs(qindex *ix, seen *s)
{
	index_pair_cursor c = { 0 };
	bool done = false;
	int rc = index_pairs_read(ix, &c, 100, count_pair, s, &done);
	index_pair_cursor_free(&c);
	return rc ? rc : done ? 0 : Q_EIO;
}

static int all_forms(qindex *ix, seen *s)
{
	return index_forms_read(ix, count_form, s);
}

/* Reads everything with SQLite's allocation `at` failing: all of it (as
 * many as want), or Q_ENOMEM, counted in *failures. */
static void read_failing_at(qindex *ix, int (*read)(qindex *ix, seen *s), long at, size_t want, size_t *failures)
{
	seen s = { 0 };
	fail_from_now(at);
	int rc = read(ix, &s);
	fail_from_now(0);
	if (rc) {
		assert_int_equal(rc, Q_ENOMEM);
		(*failures)++;
	} else {
		assert_int_equal(s.n, want);
	}
}

static void test_pairs_and_forms_never_fewer_with_success(void **state)
{
	(void)state;
	char *dir = make_dir(), *file = build(dir);
	qindex *ix = NULL;
	assert_int_equal(index_open(file, INDEX_READ, &ix, NULL), 0);
	seen pairs = { 0 }, forms = { 0 };
	assert_int_equal(all_pairs(ix, &pairs), 0);   /* (and its statement prepared) */
	assert_int_equal(pairs.n, 3);                 /* Jane Doe in two articles, Ole Brandt in one */
	assert_int_equal(all_forms(ix, &forms), 0);
	assert_int_equal(forms.n, 2);
	size_t pair_failures = 0, form_failures = 0;
	for (long at = 1; at < 200; at++) {
		read_failing_at(ix, all_pairs, at, pairs.n, &pair_failures);
		read_failing_at(ix, all_forms, at, forms.n, &form_failures);
	}
	assert_true(pair_failures > 0);   /* the failures did reach the reads */
	assert_true(form_failures > 0);
	index_close(ix);
	free(file);
	remove_dir(dir);
}

int main(void)
{
	/* SQLite's own allocator, wrapped before SQLite starts */
	sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem);
	sqlite3_mem_methods m = real_mem;
	m.xMalloc = failing_malloc;
	m.xRealloc = failing_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_and_forms_never_fewer_with_success),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
