/* The article list filter, headless: each kind of part (title words,
 * speaker:, lang:, source:, text:), the rows narrowed from those shown as
 * the filter grows and widened again on backspace, no match, Esc, the
 * order kept, the table read in idle time and kept, read by the first key
 * when idle time did not come, read again when the index changed, and an
 * index that cannot be read. */
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

/* A key reads all of the table it needs, however busy the machine: the
 * tests look at the rows at once (one test gives keys no time at all). */
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

/* Four articles the index has, a fifth it does not (e.txt, written after
 * the index was made). */
static const char *const names[] = { "a.txt", "b.txt", "c.txt", "d.txt", "e.txt" };

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/quoth-listf-XXXXXX");
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
	put("d.txt", "Bridge opens in spring\n\nDELMAR, June 9 (Coast Wire) - The new bridge is nearly done.\n\n"
	             "\"We will open the bridge to traffic before the summer holidays begin,\" said Tomas Berg, "
	             "the city engineer.\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

typedef struct fixture {
	corpus c;
	app a;
	qindex *ix;
	char file[128];
} fixture;

/* The reader on the five articles with the index of the first four. */
static fixture *start(void)
{
	fixture *f = calloc(1, sizeof *f);
	snprintf(f->file, sizeof f->file, "%s/ix.sqlite", root);
	unlink(f->file);
	char path[256];
	snprintf(path, sizeof path, "%s/e.txt", root);
	unlink(path);
	snprintf(path, sizeof path, "%s/f.txt", root);   /* (a test that failed may have left it) */
	unlink(path);
	assert_int_equal(index_open(f->file, INDEX_WRITE, &f->ix, NULL), 0);
	indexer_opts o = { 0 };
	indexer_stats st;
	const char *paths[] = { root };
	assert_int_equal(indexer_run(f->ix, paths, 1, &o, &st), 0);
	assert_int_equal(st.added, 4);
	assert_int_equal(index_derive(f->ix, NULL), 0);
	put("e.txt", "Late harbour news\n\nNothing was said today.\n");
	corpus_init(&f->c);
	for (size_t k = 0; k < 5; k++) {
		snprintf(path, sizeof path, "%s/%s", root, names[k]);
		assert_int_equal(corpus_add_path(&f->c, path), 0);
	}
	app_opts ao = { .tabwidth = 8, .index = f->ix, .names = { .merge = true } };
	ao.layout = (layout_opts){ .wide_cols = 100, .list_pct = 25, .quotes_pct = 30, .narrow_quotes_pct = 40 };
	quotes_opts_init(&ao.quotes);
	assert_int_equal(app_init(&f->a, &f->c, &ao, 140, 40), 0);
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

/* The rows shown as a string of item letters, "abe". */
static const char *shown(const app *a)
{
	static char s[16];
	size_t n = app_list_count(a), k = 0;
	for (size_t r = 0; r < n && k + 1 < sizeof s; r++)
		s[k++] = (char)('a' + app_list_item(a, r));
	s[k] = '\0';
	return s;
}

/* The list filtered by filter, typed from nothing. */
static const char *filtered(app *a, const char *filter)
{
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_FILTER);
	type(a, filter);
	return shown(a);
}

static void idle_until_ready(app *a)
{
	for (int i = 0; i < 10000 && !app_list_ready(a); i++)
		app_idle(a);
	assert_true(app_list_ready(a));
}

static void test_each_kind_of_part(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	idle_until_ready(a);
	assert_string_equal(filtered(a, "HARBOUR"), "a");           /* title words, any case */
	assert_string_equal(filtered(a, "e.tx"), "e");              /* not indexed: its title as far as known */
	assert_string_equal(filtered(a, "harbour deal"), "a");      /* every word */
	assert_string_equal(filtered(a, "speaker:quint"), "abc");
	assert_string_equal(filtered(a, "speaker:berg"), "d");
	assert_string_equal(filtered(a, "speaker:nobody"), "");
	assert_string_equal(filtered(a, "lang:da"), "c");
	assert_string_equal(filtered(a, "source:coast"), "ad");
	assert_string_equal(filtered(a, "source:coast speaker:berg"), "d");
	assert_string_equal(filtered(a, "text:bridge"), "d");       /* words of the text: the index's */
	assert_string_equal(filtered(a, "text:ha"), "abc");         /* two letters: harbour, havnen */
	assert_string_equal(filtered(a, "text:nothing"), "");       /* e is not in the index */
	assert_false(a->msg_error);
	/* Enter on no match says so; Esc shows every article again */
	app_do(a, ACT_LIST_FILTER);
	app_edit(a, EK_KILL_LINE);
	type(a, "zebra");
	app_edit(a, EK_ENTER);
	assert_string_equal(shown(a), "");
	assert_non_null(strstr(a->msg, "No article matches zebra"));
	app_do(a, ACT_CANCEL);
	assert_string_equal(a->lv.filter, "");
	assert_string_equal(shown(a), "abcde");
	stop(f);
}

/* A key that makes the filter longer looks only at the rows shown: a row
 * taken out of them stays out though it matches; backspace looks at
 * every item again. */
static void test_narrowing_and_widening(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	idle_until_ready(a);
	assert_string_equal(filtered(a, "speaker:q"), "abc");
	a->lv.n = 2;   /* as if c were not shown */
	type(a, "u");
	assert_string_equal(shown(a), "ab");
	app_edit(a, EK_BACKSPACE);
	assert_string_equal(shown(a), "abc");
	app_edit(a, EK_BACKSPACE);
	assert_string_equal(shown(a), "");       /* "speaker:": a title word now */
	type(a, "b");
	assert_string_equal(shown(a), "d");
	/* a word added after a space narrows too, a changed part does not */
	assert_string_equal(filtered(a, "e"), "abcde");
	type(a, " lang:e");
	assert_string_equal(shown(a), "abd");
	app_edit(a, EK_BACKSPACE);
	type(a, "d");
	assert_string_equal(shown(a), "c");
	app_edit(a, EK_ESC);
	assert_string_equal(shown(a), "abcde");
	stop(f);
}

/* The order stays through the filter, as it narrows and widens. */
static void test_order_kept(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	app_do(a, ACT_LIST_SORT);
	app_do(a, ACT_LIST_SORT);
	assert_int_equal(a->lv.order, LO_TITLE);
	assert_string_equal(shown(a), "deacb");   /* Bridge, e.txt (not peeked yet), Harbour, Ny, Port */
	assert_string_equal(filtered(a, "n"), "dacb");
	type(a, "e");
	assert_string_equal(shown(a), "ac");
	app_edit(a, EK_BACKSPACE);
	app_edit(a, EK_BACKSPACE);
	assert_string_equal(shown(a), "deacb");
	app_edit(a, EK_ESC);
	app_do(a, ACT_LIST_SORT);
	assert_int_equal(a->lv.order, LO_QUOTES);
	assert_int_equal(app_list_item(a, 4), 4);   /* e: not indexed, no quotes known */
	stop(f);
}

/* Idle time reads the table; what is read is kept: the filter goes on
 * without the index's articles (text: needs the index, and says why not). */
static void test_read_in_idle_time_and_kept(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	assert_false(app_list_ready(a));
	assert_true(app_busy(a));
	idle_until_ready(a);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE article_fts_data; DELETE FROM articles", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_string_equal(filtered(a, "speaker:quint lang:en"), "ab");
	assert_string_equal(filtered(a, "bridge"), "d");
	assert_false(a->msg_error);
	filtered(a, "text:bridge");
	assert_true(a->msg_error);
	assert_non_null(strstr(a->msg, "could not search"));
	app_edit(a, EK_ESC);
	/* the reader indexed more: read again */
	app_index_changed(a);
	assert_false(app_list_ready(a));
	stop(f);
	/* the list grew (an article opened from a view): read again in idle time */
	f = start();
	a = &f->a;
	idle_until_ready(a);
	char path[256];
	snprintf(path, sizeof path, "%s/f.txt", root);
	put("f.txt", "Extra\n\nMore.\n");
	assert_int_equal(corpus_add_path(&f->c, path), 0);
	assert_false(app_list_ready(a));
	idle_until_ready(a);
	assert_string_equal(filtered(a, "f.tx"), "f");
	app_edit(a, EK_ESC);
	unlink(path);
	stop(f);
}

/* A key before idle time: the key reads the table (as much as it needs). */
static void test_first_key_reads(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	assert_string_equal(filtered(a, "port"), "b");
	assert_false(app_list_ready(a));   /* who each article quotes: not yet */
	type(a, " speaker:rosa");
	assert_string_equal(shown(a), "b");
	assert_true(app_list_ready(a));
	stop(f);
}

/* Idle turns until the filter's rows came (at most many). */
static void idle_until_answered(app *a)
{
	for (int i = 0; i < 10000 && a->lv.pending; i++)
		app_idle(a);
	assert_false(a->lv.pending);
}

/* A key that the table cannot be read far enough for in a key's time (here
 * no time at all): the key is answered at once, the rows stay as they
 * were with a note, idle time reads on and then narrows them; Enter
 * meanwhile does not say that nothing matches; Esc needs no table. */
static void test_key_answered_before_the_table(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	a->lv.key_ns = 1;
	app_do(a, ACT_LIST_FILTER);
	type(a, "port");
	assert_true(a->lv.pending);
	assert_string_equal(shown(a), "abcde");
	assert_non_null(strstr(a->msg, "Reading the corpus index"));
	assert_true(app_busy(a));
	idle_until_answered(a);
	assert_string_equal(shown(a), "b");
	assert_string_equal(a->msg, "");   /* the note went with it */
	type(a, " speaker:rosa");          /* who each article quotes: read on, or already */
	idle_until_answered(a);
	assert_string_equal(shown(a), "b");
	app_edit(a, EK_ESC);
	assert_false(a->lv.pending);
	assert_string_equal(shown(a), "abcde");
	stop(f);
	/* Enter before the rows came: no claim yet; they come in idle time */
	f = start();
	a = &f->a;
	a->lv.key_ns = 1;
	app_do(a, ACT_LIST_FILTER);
	type(a, "nothing like this");
	app_edit(a, EK_ENTER);
	assert_true(a->lv.pending);
	assert_null(strstr(a->msg, "No article matches"));
	idle_until_answered(a);
	assert_string_equal(shown(a), "");
	/* the order too waits for the table */
	app_do(a, ACT_LIST_FILTER);
	app_edit(a, EK_ESC);
	assert_string_equal(a->lv.filter, "");
	app_index_changed(a);
	app_do(a, ACT_LIST_SORT);
	assert_true(a->lv.pending);
	idle_until_answered(a);
	assert_int_equal(a->lv.order, LO_DATE);
	assert_int_equal(app_list_count(a), 5);
	stop(f);
}

/* An index that cannot be read: one message, and the filter sees the
 * titles the corpus knows (here the file names, no title peeked yet). */
static void test_index_unreadable(void **state)
{
	(void)state;
	fixture *f = start();
	app *a = &f->a;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->file, &db), SQLITE_OK);
	/* (quote_fts stays: it cannot be dropped without quoth's tokenizers) */
	assert_int_equal(sqlite3_exec(db, "DROP TABLE quotes; DROP TABLE articles", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	app_do(a, ACT_LIST_FILTER);
	type(a, "d.t");
	assert_true(a->msg_error);
	assert_non_null(strstr(a->msg, "could not be read"));
	assert_string_equal(shown(a), "d");
	type(a, "xt");
	assert_string_equal(shown(a), "d");
	assert_string_equal(filtered(a, "lang:en"), "");   /* nothing known but titles */
	app_edit(a, EK_ESC);
	assert_string_equal(shown(a), "abcde");
	/* idle time gives up too, and leaves the reader alone */
	app_index_changed(a);
	for (int i = 0; i < 100; i++)
		app_idle(a);
	assert_true(app_list_ready(a));
	stop(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_kind_of_part),
		cmocka_unit_test(test_narrowing_and_widening),
		cmocka_unit_test(test_key_answered_before_the_table),
		cmocka_unit_test(test_order_kept),
		cmocka_unit_test(test_read_in_idle_time_and_kept),
		cmocka_unit_test(test_first_key_reads),
		cmocka_unit_test(test_index_unreadable),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
