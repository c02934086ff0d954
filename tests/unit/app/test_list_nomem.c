/* Every allocation failure of the article list's table (app_list_meta.h)
 * and of the words of the full-text index (index_words_of), one at a time
 * (nomem.h): each run ends without a crash, returns 0 or Q_ENOMEM and
 * frees what it allocated. SQLite's own allocations are not counted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app.h"
#include "app_features.h"
#include "app_list_meta.h"
#include "corpus.h"
#include "index.h"
#include "indexer.h"
#include "nomem.h"

static char dir[64];
static qindex *ix;
static corpus c;

static void put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole table read, then each kind of match asked. */
static int scenario_table(void)
{
	list_meta *m = list_meta_new(c.n);
	if (!m)
		return Q_ENOMEM;
	int rc = list_meta_step(m, ix, &c, 0, LM_DONE);
	uint8_t *mark = rc ? NULL : calloc(m->nrows + m->nvalues + 1, 1);
	if (!rc && !mark)
		rc = Q_ENOMEM;
	if (!rc)
		rc = list_meta_mark_speaker(m, "quint", mark);
	if (!rc) {
		int64_t ids[] = { 1, 2, 99 };
		list_meta_mark_ids(m, ids, 3, mark);
		list_meta_match_values(m, "en", mark);
	}
	if (!rc && (m->nrows != 2 || m->npairs != 2 || !m->nitems))
		rc = Q_EIO;   /* everything read when nothing failed */
	free(mark);
	list_meta_free(m);
	return rc;
}

static int scenario_words(void)
{
	index_words *w = NULL;
	int rc = index_words_new(&w);
	char *s = NULL;
	size_t n = 0;
	if (!rc)
		rc = index_words_of(w, "Harbour talks", "The harbour talks went on, said the union.", 42, &s, &n);
	if (!rc && strcmp(s, "harbour \x01ha talks \x01ta the \x01th went \x01we on \x01on said \x01sa union \x01un"))
		rc = Q_EIO;
	free(s);
	index_words_free(w);
	return rc;
}

static void test_table(void **state)
{
	(void)state;
	each_failure("list table", scenario_table);
}

static void test_words(void **state)
{
	(void)state;
	each_failure("words", scenario_words);
}

/* Idle time that finds no memory for the table stops asking (asked at
 * every turn, the reader would spin on the processor) until the index
 * changes. */
static void test_idle_gives_up(void **state)
{
	(void)state;
	app a;
	app_opts ao = { .tabwidth = 8, .index = ix };
	ao.layout = (layout_opts){ .wide_cols = 100, .list_pct = 25, .quotes_pct = 30, .narrow_quotes_pct = 40 };
	quotes_opts_init(&ao.quotes);
	assert_int_equal(app_init(&a, &c, &ao, 140, 40), 0);
	assert_true(app_list_feature.busy(&a));
	persistent = true;
	__atomic_store_n(&counted, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fail_at, 1, __ATOMIC_SEQ_CST);
	app_list_feature.idle(&a);
	__atomic_store_n(&fail_at, 0, __ATOMIC_SEQ_CST);
	assert_false(app_list_feature.busy(&a));
	app_index_changed(&a);
	assert_true(app_list_feature.busy(&a));
	for (int i = 0; i < 10000 && app_list_feature.busy(&a); i++)
		app_list_feature.idle(&a);
	assert_true(app_list_ready(&a));
	/* a filter typed before the table was read, and then no memory for it:
	 * the rows stay, the message says why, and idle time stops asking */
	a.lv.key_ns = 1;
	app_index_changed(&a);
	app_do(&a, ACT_LIST_FILTER);
	app_edit(&a, 'p');
	assert_true(a.lv.pending);
	app_index_changed(&a);   /* (the table goes: idle time makes it again) */
	__atomic_store_n(&counted, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fail_at, 1, __ATOMIC_SEQ_CST);
	unsigned r = app_list_feature.idle(&a);
	__atomic_store_n(&fail_at, 0, __ATOMIC_SEQ_CST);
	persistent = false;
	assert_true(r & R_STATUS);
	assert_false(a.lv.pending);
	assert_true(a.msg_error);
	assert_false(app_list_feature.busy(&a));
	assert_int_equal(app_list_count(&a), c.n);
	app_free(&a);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/quoth-lnomem-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	put("a.txt", "Harbour deal signed\n\nORLAND, May 2 (Coast Wire) - The port and the union agreed.\n\n"
	             "\"This deal keeps every job in the harbour and gives the young workers a future here,\" "
	             "said Rosa Quint, the union's chair.\n");
	put("b.txt", "Port reaches agreement\n\n(Baltic Daily) - Talks went on through the night.\n\n"
	             "\"This deal keeps every job in the harbour and gives young workers a real future,\" "
	             "union chair Rosa Quint told reporters.\n");
	put("c.txt", "Not indexed\n\nNothing here.\n");
	char file[128];
	snprintf(file, sizeof file, "%s/ix.sqlite", dir);
	if (index_open(file, INDEX_WRITE, &ix, NULL))
		return -1;
	indexer_opts o = { 0 };
	indexer_stats st;
	const char *paths[2] = { file, file };
	char a[128], b[128];
	snprintf(a, sizeof a, "%s/a.txt", dir);
	snprintf(b, sizeof b, "%s/b.txt", dir);
	paths[0] = a;
	paths[1] = b;
	if (indexer_run(ix, paths, 2, &o, &st) || index_derive(ix, NULL))
		return -1;
	corpus_init(&c);
	return corpus_add_path(&c, dir) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	corpus_free(&c);
	index_close(ix);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_idle_gives_up),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
