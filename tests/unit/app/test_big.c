/* Big files through a window: bigdoc and the app's big mode, headless. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <cmocka.h>
#include "app.h"
#include "bigdoc.h"
#include "error.h"

static char dir[64], path[128];
static size_t total;

/* A 6 MB article: numbered paragraphs, a quote in every fifth, a marker
 * word near the end. */
static int setup(void **state)
{
	strcpy(dir, "/tmp/quoth-big-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/big.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "A very long report\n\n");
	for (int i = 0; total < 6u << 20; i++) {
		if (i % 5 == 0)
			fprintf(f, "\"Paragraph %d is quoted here for the record,\" said Jane Roe.\n\n", i);
		else
			fprintf(f, "Paragraph %d goes on about the harbour and the ferries for a while longer.\n\n", i);
		if (i == 70000)
			fprintf(f, "The zanzibarite marker stands near the end.\n\n");
		if (i == 60000)
			fprintf(f, "The \xC3\x96lm\xC3\xBChle mill stands here.\n\n");
		total = (size_t)ftell(f);
	}
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	unlink(path);
	return rmdir(dir);
}

static void test_bigdoc_windows(void **state)
{
	bigdoc *b = NULL;
	assert_int_equal(bigdoc_open(path, &b), 0);
	assert_int_equal(b->size, total);
	assert_string_equal(b->title, "A very long report");
	doc *d = NULL;
	size_t s, e;
	assert_int_equal(bigdoc_window(b, 3u << 20, 1000, &d, &s, &e), 0);
	assert_true(s <= 3u << 20 && (3u << 20) - s <= 1000 + 32 * 1024);
	assert_true(e - s >= WINDOW_BYTES - 32 * 1024 && e - s <= WINDOW_BYTES + 32 * 1024);
	assert_true(s == 0 || (b->raw[s - 1] == '\n'));   /* starts at a line */
	assert_true(d->id == b->id);
	assert_string_equal(d->title, b->title);
	doc_free(d);
	/* the window at the end reaches the end */
	assert_int_equal(bigdoc_window(b, b->size, WINDOW_BYTES, &d, &s, &e), 0);
	assert_int_equal(e, b->size);
	doc_free(d);
	/* the same id as a full load would give */
	doc *full = NULL;
	assert_int_equal(doc_load(path, &full), 0);
	assert_true(full->id == b->id);
	doc_free(full);
	bigdoc_close(b);
}

static app *start(corpus *c)
{
	static app a;
	corpus_init(c);
	assert_int_equal(corpus_add_path(c, path), 0);
	app_opts o = { 0 };
	o.tabwidth = 8;
	o.layout.wide_cols = 100;
	o.layout.list_pct = 25;
	o.layout.quotes_pct = 30;
	o.layout.narrow_quotes_pct = 40;
	quotes_opts_init(&o.quotes);
	assert_int_equal(app_init(&a, c, &o, 140, 40), 0);
	a.focus = PANE_TEXT;
	return &a;
}

static void test_app_reads_big_file_through_window(void **state)
{
	corpus c;
	app *a = start(&c);
	assert_non_null(a->big);
	assert_true(a->doc->len < 1u << 20);   /* a window, not the file */
	assert_true(a->quotes.n > 100);
	assert_int_equal(app_text_percent(a), 0);
	/* paging through crosses windows and never goes back */
	size_t prev = app_file_top(a);
	for (int i = 0; i < 400; i++) {
		app_do(a, ACT_PAGE_DOWN);
		size_t now = app_file_top(a);
		assert_true(now > prev);
		prev = now;
	}
	assert_true(a->win_s > 0);
	/* and back up */
	for (int i = 0; i < 400; i++)
		app_do(a, ACT_PAGE_UP);
	assert_int_equal(app_file_top(a), 0);
	/* the end, and the start again */
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(a->win_e, a->big->size);
	assert_int_equal(app_text_percent(a), 100);
	app_do(a, ACT_MOVE_FIRST);
	assert_int_equal(a->win_s, 0);
	assert_int_equal(app_file_top(a), 0);
	app_free(a);
	corpus_free(&c);
}

static void test_search_through_big_file(void **state)
{
	corpus c;
	app *a = start(&c);
	app_do(a, ACT_SEARCH);
	for (const char *p = "zanzibarite"; *p; p++)
		app_edit(a, *p);
	assert_int_equal(a->hits.n, 0);          /* not in the first window */
	app_edit(a, EK_ENTER);                   /* goes on through the file */
	assert_true(app_busy(a));
	assert_true(a->bsearch.active);
	int turns = 0;
	while (a->bsearch.active && turns++ < 100)
		app_idle(a);
	assert_false(a->bsearch.active);
	assert_true(a->hit < a->hits.n);
	const search_match *m = &a->hits.v[a->hit];
	assert_memory_equal(a->doc->text + m->start, "zanzibarite", 11);
	/* Esc stops a search under way */
	app_do(a, ACT_SEARCH_NEXT);
	assert_true(a->bsearch.active);
	app_do(a, ACT_CANCEL);
	assert_false(a->bsearch.active);
	app_free(a);
	corpus_free(&c);
}

/* Types a search (backward with M-/), Enter, and lets the search through
 * the file run to its end. */
static void search_all_of_it(app *a, const char *pattern, bool backward)
{
	app_do(a, backward ? ACT_SEARCH_BACK : ACT_SEARCH);
	for (const char *p = pattern; *p; p++)
		app_edit(a, (unsigned char)*p);
	app_edit(a, EK_ENTER);
	for (int turns = 0; a->bsearch.active && turns < 1000; turns++)
		app_idle(a);
	assert_false(a->bsearch.active);
}

/* The big-file search folds as every search does: accents of a pattern
 * without any, case of a pattern without a capital; and it goes both ways. */
static void test_search_big_file_folding(void **state)
{
	corpus c;
	app *a = start(&c);
	search_all_of_it(a, "olmuhle", false);
	assert_true(a->hit < a->hits.n);
	const search_match *m = &a->hits.v[a->hit];
	assert_memory_equal(a->doc->text + m->start, "\xC3\x96lm\xC3\xBChle", m->end - m->start);
	search_all_of_it(a, "Olmuhle", false);   /* a capital: case exact, accents still ignored */
	assert_true(a->hit < a->hits.n);
	search_all_of_it(a, "OLMUHLE", false);
	assert_string_equal(a->msg, "Pattern not found");
	app_do(a, ACT_MOVE_FIRST);
	search_all_of_it(a, "zanzibarite", true);   /* backward from the top: round to the end */
	assert_true(a->hit < a->hits.n);
	assert_string_equal(a->msg, "Search wrapped to the bottom");
	assert_memory_equal(a->doc->text + a->hits.v[a->hit].start, "zanzibarite", 11);
	app_free(a);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bigdoc_windows),
		cmocka_unit_test(test_app_reads_big_file_through_window),
		cmocka_unit_test(test_search_through_big_file),
		cmocka_unit_test(test_search_big_file_folding),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
