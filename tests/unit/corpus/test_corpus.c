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
#include "corpus.h"
#include "error.h"

static char root[64];

static void put(const char *rel, const char *body)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(body, f);
	fclose(f);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/quoth-corpus-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	char p[256];
	snprintf(p, sizeof p, "%s/sub", root);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/.hidden", root);
	mkdir(p, 0700);
	put("b.txt", "Second headline\n\nBody of b.\n");
	put("a.txt", "First headline\n\nBody of a.\n");
	put("notes.md", "Notes headline\n\nMarkdown is read as text.\n");
	put("upper.TXT", "Upper headline\n\nCase does not matter.\n");
	put("data.csv", "not,an,article\n");
	put("sub/c.txt", "Third headline\n\nBody of c.\n");
	put(".hidden/d.txt", "Hidden\n\nNot listed.\n");
	put("empty.txt", "");
	/* a symlink loop: sub/loop -> .. */
	snprintf(p, sizeof p, "%s/sub/loop", root);
	if (symlink("..", p) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

static void test_folder_is_walked_sorted(void **state)
{
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, root), 0);
	assert_int_equal(c.n, 6);   /* not data.csv, not hidden, the loop walked once */
	assert_non_null(strstr(c.v[0].path, "/a.txt"));
	assert_non_null(strstr(c.v[1].path, "/b.txt"));
	assert_non_null(strstr(c.v[2].path, "/empty.txt"));
	assert_non_null(strstr(c.v[3].path, "/notes.md"));
	assert_non_null(strstr(c.v[4].path, "/sub/c.txt"));
	assert_non_null(strstr(c.v[5].path, "/upper.TXT"));
	/* nothing was read yet */
	for (size_t i = 0; i < c.n; i++)
		assert_null(c.v[i].title);
	assert_string_equal(corpus_title(&c, 0), "First headline");
	assert_string_equal(corpus_title(&c, 3), "Notes headline");
	assert_string_equal(corpus_title(&c, 4), "Third headline");
	/* the empty file: its name, and the reason */
	assert_string_equal(corpus_title(&c, 2), "empty.txt");
	assert_int_equal(c.v[2].error, Q_EEMPTY);
	corpus_free(&c);
}

static void test_missing_path_is_listed_with_reason(void **state)
{
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, "/nonexistent/quoth.txt"), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].error, Q_ENOENT);
	assert_null(corpus_doc(&c, 0, SIZE_MAX));
	assert_string_equal(corpus_title(&c, 0), "quoth.txt");
	corpus_free(&c);
}

static void test_bodies_loaded_on_demand_and_evicted(void **state)
{
	corpus c;
	corpus_init(&c);
	c.max_loaded = 1;
	assert_int_equal(corpus_add_path(&c, root), 0);
	doc *a = corpus_doc(&c, 0, SIZE_MAX);
	assert_non_null(a);
	assert_int_equal(c.loaded, 1);
	doc *b = corpus_doc(&c, 1, 0);   /* keep a: both stay */
	assert_non_null(b);
	assert_non_null(c.v[0].doc);
	doc *d = corpus_doc(&c, 3, SIZE_MAX);
	assert_non_null(d);
	assert_true(c.loaded <= 2);
	corpus_free(&c);
}

/* The least recently used body goes first, and only bodies are looked at
 * (eviction scanned every item on each load: a folder of n articles read
 * in n squared). */
static void test_least_recently_used_goes(void **state)
{
	corpus c;
	corpus_init(&c);
	c.max_loaded = 2;
	assert_int_equal(corpus_add_path(&c, root), 0);
	assert_true(c.n >= 4);
	assert_non_null(corpus_doc(&c, 0, SIZE_MAX));
	assert_non_null(corpus_doc(&c, 1, SIZE_MAX));
	assert_non_null(corpus_doc(&c, 0, SIZE_MAX));   /* 0 used again: 1 is the oldest */
	assert_non_null(corpus_doc(&c, 3, SIZE_MAX));   /* (2 is the empty file) */
	assert_non_null(c.v[0].doc);
	assert_null(c.v[1].doc);
	assert_int_equal(c.loaded, 2);
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < c.n; i++) {
			assert_true(corpus_doc(&c, i, SIZE_MAX) || c.v[i].error);
			assert_true(c.loaded <= 2);
			assert_int_equal(c.nlive, c.loaded);
		}
	corpus_free(&c);
}

static void test_stdin_doc(void **state)
{
	corpus c;
	corpus_init(&c);
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("-", "Piped headline\n\nText.\n", 22, &d), 0);
	assert_int_equal(corpus_add_doc(&c, d), 0);
	assert_string_equal(corpus_title(&c, 0), "Piped headline");
	assert_ptr_equal(corpus_doc(&c, 0, SIZE_MAX), d);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folder_is_walked_sorted),
		cmocka_unit_test(test_missing_path_is_listed_with_reason),
		cmocka_unit_test(test_bodies_loaded_on_demand_and_evicted),
		cmocka_unit_test(test_least_recently_used_goes),
		cmocka_unit_test(test_stdin_doc),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
