/* The reader's views of the corpus index, headless: the speaker view and
 * its filter and order, a speaker's quotes, opening an article at a quote,
 * the sidebar's "also in", the group of a quote with its differences, the
 * list narrowed and sorted, indexing in idle time, and no index at all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "app.h"
#include "app_internal.h"
#include "indexer.h"

/* A key of the list filter reads all of the table it needs, however busy
 * the machine: the tests look at the rows at once, with no idle time. */
#define NO_KEY_LIMIT 60000000000L

static char root[64];

static void put(const char *name, const char *body)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(body, f);
	fclose(f);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/quoth-views-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	put("a.txt", "Harbour deal signed\n\nORLAND, May 2 (Coast Wire) - The port and the union agreed.\n\n"
	             "\"This deal keeps every job in the harbour and gives the young workers a future here,\" "
	             "said Rosa Quint, the union's chair.\n");
	put("b.txt", "Port reaches agreement\n\n(Baltic Daily) - Talks went on through the night.\n\n"
	             "\"This deal keeps every job in the harbour and gives young workers a real future,\" "
	             "union chair Rosa Quint told reporters.\n");
	put("c.txt", "Ny aftale i havnen\n\nHavnen har en ny aftale.\n\n"
	             "\u2013 Aftalen beskytter hvert eneste job i havnen, siger formand Quint.\n");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

typedef struct fixture {
	corpus c;
	app a;
	qindex *ix;
} fixture;

/* The reader on the three articles, with an index (indexed first when
 * asked) or none. */
static fixture *start(bool index, bool indexed)
{
	fixture *f = calloc(1, sizeof *f);
	char file[128];
	snprintf(file, sizeof file, "%s/ix-%d.sqlite", root, indexed);
	unlink(file);
	if (index) {
		assert_int_equal(index_open(file, INDEX_WRITE, &f->ix, NULL), 0);
		if (indexed) {
			indexer_opts o = { 0 };
			indexer_stats st;
			const char *paths[] = { root };
			assert_int_equal(indexer_run(f->ix, paths, 1, &o, &st), 0);
			assert_int_equal(st.added, 3);
			assert_int_equal(index_derive(f->ix, NULL), 0);
		}
	}
	corpus_init(&f->c);
	char path[128];
	for (const char *n = "abc"; *n; n++) {
		snprintf(path, sizeof path, "%s/%c.txt", root, *n);
		assert_int_equal(corpus_add_path(&f->c, path), 0);
	}
	app_opts o = { .tabwidth = 8, .index = f->ix, .names = { .merge = true } };
	o.layout = (layout_opts){ .wide_cols = 100, .list_pct = 25, .quotes_pct = 30, .narrow_quotes_pct = 40 };
	quotes_opts_init(&o.quotes);
	assert_int_equal(app_init(&f->a, &f->c, &o, 140, 40), 0);
	f->a.lv.key_ns = NO_KEY_LIMIT;
	return f;
}

static void stop(fixture *f)
{
	app_free(&f->a);
	corpus_free(&f->c);
	index_close(f->ix);
	free(f);
}

static void type(app *a, const char *s)
{
	for (; *s; s++)
		app_edit(a, (unsigned char)*s);
}

static void test_speaker_view(void **state)
{
	fixture *f = start(true, true);
	app *a = &f->a;
	assert_true(app_do(a, ACT_SPEAKERS) & R_LAYOUT);
	assert_int_equal(a->cv.mode, CV_SPEAKERS);
	assert_int_equal(a->cv.npersons, 1);   /* Quint merged into Rosa Quint */
	assert_string_equal(a->cv.persons[0].name, "Rosa Quint");
	assert_int_equal(a->cv.persons[0].nquotes, 3);
	assert_int_equal(a->cv.persons[0].nforms, 2);
	/* filtered as you type; Esc takes the filter away */
	app_do(a, ACT_FILTER);
	assert_int_equal(a->prompt.kind, PROMPT_PERSONS);
	type(a, "zz");
	assert_int_equal(a->cv.nshown, 0);
	app_edit(a, EK_ESC);
	assert_int_equal(a->cv.nshown, 1);
	app_do(a, ACT_FILTER);
	type(a, "QUI");
	app_edit(a, EK_ENTER);
	assert_int_equal(a->cv.nshown, 1);
	app_do(a, ACT_LIST_SORT);
	assert_true(a->cv.by_name);
	/* Enter: the speaker's quotes; Enter: the article at one */
	app_do(a, ACT_OPEN);
	assert_int_equal(a->cv.mode, CV_QUOTES);
	assert_int_equal(a->cv.nids, 3);
	assert_string_equal(app_cv_hit(a, 0)->date, "May 2");   /* by date: the dated one first */
	assert_string_equal(app_cv_hit(a, 1)->source, "Baltic Daily");
	app_do(a, ACT_MOVE_DOWN);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->cv.mode, CV_CLOSED);
	assert_int_equal(a->art, 1);
	assert_int_equal(a->focus, PANE_TEXT);
	assert_true(a->q_marked);
	assert_int_equal(app_quote_also(a, a->q_sel), 1);
	/* q goes back: from a speaker's quotes to the speakers, then closes */
	app_do(a, ACT_SPEAKERS);
	app_do(a, ACT_OPEN);
	app_do(a, ACT_QUIT);
	assert_int_equal(a->cv.mode, CV_SPEAKERS);
	app_do(a, ACT_QUIT);
	assert_int_equal(a->cv.mode, CV_CLOSED);
	stop(f);
}

static void test_group_view(void **state)
{
	fixture *f = start(true, true);
	app *a = &f->a;
	app_open_article(a, 0);
	app_select_quote(a, 0);
	assert_int_equal(app_quote_also(a, 0), 1);
	app_do(a, ACT_SAME_QUOTE);
	assert_int_equal(a->cv.mode, CV_GROUP);
	assert_int_equal(a->cv.nids, 2);
	assert_int_equal(a->cv.total, 2);
	assert_null(app_cv_diff(a, 0));
	assert_int_equal(app_cv_diff(a, 1)->dropped, 2);   /* the, here */
	assert_int_equal(app_cv_diff(a, 1)->added, 1);     /* real */
	app_do(a, ACT_MOVE_DOWN);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->art, 1);
	/* a quote in no other article */
	app_open_article(a, 2);
	app_select_quote(a, 0);
	assert_int_equal(app_quote_also(a, 0), 0);
	app_do(a, ACT_SAME_QUOTE);
	assert_int_equal(a->cv.mode, CV_CLOSED);
	assert_non_null(strstr(a->msg, "No other article"));
	stop(f);
}

/* A speaker quoted in more articles than a screen shows: the view reads
 * the entries on screen only, more as it moves or grows, and says so of
 * one whose article left the index since. */
static void test_long_list_paged(void **state)
{
	char dir[128] = "/tmp/quoth-views-many-XXXXXX", file[160], path[192];
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 30; i++) {
		snprintf(path, sizeof path, "%s/a%02d.txt", dir, i);
		FILE *out = fopen(path, "w");
		assert_non_null(out);
		fprintf(out, "Report %d\n\n\"The ferry number %d will run again in spring,\" said Mira Tallis.\n", i, i);
		fclose(out);
	}
	snprintf(file, sizeof file, "%s.sqlite", dir);
	fixture *f = calloc(1, sizeof *f);
	assert_int_equal(index_open(file, INDEX_WRITE, &f->ix, NULL), 0);
	indexer_opts io = { 0 };
	indexer_stats st;
	const char *paths[] = { dir };
	assert_int_equal(indexer_run(f->ix, paths, 1, &io, &st), 0);
	assert_int_equal(index_derive(f->ix, NULL), 0);
	corpus_init(&f->c);
	assert_int_equal(corpus_add_path(&f->c, dir), 0);
	app_opts o = { .tabwidth = 8, .index = f->ix, .names = { .merge = true } };
	o.layout = (layout_opts){ .wide_cols = 100, .list_pct = 25, .quotes_pct = 30, .narrow_quotes_pct = 40 };
	quotes_opts_init(&o.quotes);
	app *a = &f->a;
	assert_int_equal(app_init(a, &f->c, &o, 100, 8), 0);
	a->lv.key_ns = NO_KEY_LIMIT;
	app_do(a, ACT_SPEAKERS);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->cv.mode, CV_QUOTES);
	assert_int_equal(a->cv.nids, 30);
	assert_non_null(app_cv_hit(a, 0));
	assert_null(app_cv_hit(a, 29));   /* two screens of 8 rows read, no more */
	app_do(a, ACT_MOVE_LAST);
	assert_non_null(app_cv_hit(a, 29));
	assert_non_null(strstr(app_cv_hit(a, 29)->path, "a29.txt"));   /* no date: by path */
	app_do(a, ACT_MOVE_FIRST);
	assert_string_equal(app_cv_hit(a, 0)->title, "Report 0");
	/* a taller screen: the new rows are read */
	assert_null(app_cv_hit(a, 20));
	app_resize(a, 100, 40);
	assert_non_null(app_cv_hit(a, 20));
	/* an article removed from the index after the list was made */
	char *key = indexer_key(path);   /* a29.txt */
	assert_int_equal(index_begin(f->ix), 0);
	assert_int_equal(index_remove(f->ix, key), 0);
	assert_int_equal(index_commit(f->ix), 0);
	free(key);
	app_index_changed(a);   /* the page is read again */
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(a->cv.sel, 29);
	assert_null(app_cv_hit(a, 29)->text);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->cv.mode, CV_QUOTES);
	assert_non_null(strstr(a->msg, "no longer in the index"));
	/* a page that cannot be read: said, and nothing shown of it */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE group_members", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	app_index_changed(a);
	assert_true(a->msg_error);
	assert_non_null(strstr(a->msg, "Index:"));
	assert_null(app_cv_hit(a, 0));
	app_free(a);
	quotes_opts_free(&o.quotes);
	corpus_free(&f->c);
	index_close(f->ix);
	free(f);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'*", dir, file);
	assert_int_equal(system(cmd), 0);
}

static void test_list_filter_and_order(void **state)
{
	fixture *f = start(true, true);
	app *a = &f->a;
	app_do(a, ACT_LIST_FILTER);
	assert_int_equal(a->prompt.kind, PROMPT_LIST);
	type(a, "lang:da");
	assert_int_equal(app_list_count(a), 1);
	assert_int_equal(app_list_item(a, 0), 2);
	app_edit(a, EK_BACKSPACE);
	app_edit(a, EK_BACKSPACE);
	type(a, "en source:baltic");
	assert_int_equal(app_list_count(a), 1);
	assert_int_equal(app_list_item(a, 0), 1);
	app_edit(a, EK_ENTER);
	assert_string_equal(a->lv.filter, "lang:en source:baltic");
	/* moving and opening go by the rows shown */
	a->focus = PANE_LIST;
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(a->list_sel, 0);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->art, 1);
	/* Esc: every article again */
	app_do(a, ACT_CANCEL);
	assert_int_equal(a->lv.filter[0], '\0');
	assert_int_equal(app_list_count(a), 3);
	/* title words, any case; speakers */
	app_do(a, ACT_LIST_FILTER);
	type(a, "HARBOUR");
	assert_int_equal(app_list_count(a), 1);
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_FILTER);
	type(a, "speaker:quint");
	assert_int_equal(app_list_count(a), 3);
	app_edit(a, EK_ESC);
	/* words of the text (the index's full-text search), as you type */
	app_do(a, ACT_LIST_FILTER);
	type(a, "text:uni");
	assert_int_equal(app_list_count(a), 2);   /* the union, in a.txt and b.txt */
	type(a, "on text:NIGHT");
	assert_int_equal(app_list_count(a), 1);
	assert_int_equal(app_list_item(a, 0), 1);
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_FILTER);
	type(a, "text:havn");
	assert_int_equal(app_list_count(a), 1);
	assert_int_equal(app_list_item(a, 0), 2);
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_FILTER);
	type(a, "text:\"or");   /* a quote and an operator are words too */
	assert_int_equal(app_list_count(a), 1);   /* ORLAND, a dateline */
	assert_int_equal(app_list_item(a, 0), 0);
	assert_false(a->msg_error);
	app_edit(a, EK_ESC);
	/* the order: path, date (known first), title, quotes */
	app_do(a, ACT_LIST_SORT);
	assert_int_equal(a->lv.order, LO_DATE);
	assert_int_equal(app_list_item(a, 0), 0);
	app_do(a, ACT_LIST_SORT);
	assert_int_equal(a->lv.order, LO_TITLE);
	assert_int_equal(app_list_item(a, 0), 0);   /* Harbour, Ny, Port */
	assert_int_equal(app_list_item(a, 2), 1);
	app_do(a, ACT_LIST_SORT);
	app_do(a, ACT_LIST_SORT);
	assert_int_equal(a->lv.order, LO_PATH);
	assert_null(a->lv.rows);
	stop(f);
}

/* The reader indexes what it opens in idle time, then derives. */
static void test_idle_indexing(void **state)
{
	fixture *f = start(true, false);
	app *a = &f->a;
	assert_true(app_busy(a));
	for (int i = 0; i < 1000 && app_busy(a); i++)
		app_idle(a);
	assert_false(app_busy(a));
	index_counts c;
	assert_int_equal(index_count(f->ix, &c), 0);
	assert_int_equal(c.articles, 3);
	assert_int_equal(c.persons, 1);
	assert_false(index_is_stale(f->ix));
	app_select_quote(a, 0);
	assert_int_equal(app_quote_also(a, 0), 1);   /* told: the open article's groups read again */
	stop(f);
}

static void test_without_an_index(void **state)
{
	fixture *f = start(false, false);
	app *a = &f->a;
	app_do(a, ACT_SPEAKERS);
	assert_int_equal(a->cv.mode, CV_CLOSED);
	assert_non_null(strstr(a->msg, "quoth index"));
	app_do(a, ACT_SAME_QUOTE);
	assert_int_equal(a->cv.mode, CV_CLOSED);
	app_do(a, ACT_LIST_FILTER);
	type(a, "ferry");
	assert_int_equal(app_list_count(a), 0);   /* titles only */
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_FILTER);
	type(a, "text:union");
	assert_int_equal(app_list_count(a), 0);   /* no index: no text known */
	app_edit(a, EK_ESC);
	assert_int_equal(app_list_count(a), 3);
	for (int i = 0; i < 1000 && app_busy(a); i++)
		app_idle(a);   /* only the list's titles and counts: no index to fill */
	assert_false(app_busy(a));
	assert_null(a->indexing);
	stop(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speaker_view),
		cmocka_unit_test(test_group_view),
		cmocka_unit_test(test_long_list_paged),
		cmocka_unit_test(test_list_filter_and_order),
		cmocka_unit_test(test_idle_indexing),
		cmocka_unit_test(test_without_an_index),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
