/* Reading positions: save, restore, merge between processes, bad lines, modes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "positions.h"
#include "storetest.h"

static positions *open_ok(const char *dir, char **warnings)
{
	positions *p = NULL;
	char *w = NULL;
	assert_int_equal(positions_open(dir, &p, &w), 0);
	if (warnings)
		*warnings = w;
	else
		free(w);
	return p;
}

static void test_save_and_restore(void **state)
{
	char *base = make_dir();
	char dir[600];
	snprintf(dir, sizeof dir, "%s/state/quoth", base);
	char *w;
	positions *p = open_ok(dir, &w);
	assert_null(w);
	position got;
	assert_false(positions_get(p, 42, &got));
	assert_int_equal(positions_set(p, 42, &(position){ .top = 1234, .quote = 3, .quote_id = 0xabcdefull }), 0);
	assert_int_equal(positions_set(p, 7, &(position){ .top = 0, .quote = POSITION_NO_QUOTE }), 0);
	assert_int_equal(positions_set(p, 42, &(position){ .top = 5678, .quote = 4, .quote_id = 0xbeefull }), 0);
	assert_true(positions_get(p, 42, &got));
	assert_int_equal(got.top, 5678);
	assert_int_equal(positions_close(p), 0);

	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	char file[700];
	snprintf(file, sizeof file, "%s/positions", dir);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	p = open_ok(dir, &w);
	assert_null(w);
	assert_true(positions_get(p, 42, &got));
	assert_int_equal(got.top, 5678);
	assert_int_equal(got.quote, 4);
	assert_int_equal(got.quote_id, 0xbeefull);
	assert_true(got.time > 1700000000);
	assert_true(positions_get(p, 7, &got));
	assert_int_equal(got.quote, POSITION_NO_QUOTE);
	assert_int_equal(got.quote_id, 0);
	/* Nothing set: nothing written. */
	ino_t before = st.st_ino;
	assert_int_equal(positions_close(p), 0);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_ino, before);
	remove_dir(base);
}

static void test_two_processes_merge(void **state)
{
	char *dir = make_dir();
	positions *a = open_ok(dir, NULL), *b = open_ok(dir, NULL);
	assert_int_equal(positions_set(a, 1, &(position){ .top = 10, .quote = 1 }), 0);
	assert_int_equal(positions_set(a, 3, &(position){ .top = 30, .quote = 1 }), 0);
	assert_int_equal(positions_set(b, 2, &(position){ .top = 20, .quote = 2 }), 0);
	assert_int_equal(positions_set(b, 3, &(position){ .top = 33, .quote = 2 }), 0);
	assert_int_equal(positions_save(a), 0);
	assert_int_equal(positions_save(b), 0);   /* merges a's; its own 3 wins */
	position got;
	assert_true(positions_get(b, 1, &got));
	assert_int_equal(got.top, 10);
	assert_int_equal(positions_close(a), 0);
	assert_int_equal(positions_close(b), 0);
	positions *c = open_ok(dir, NULL);
	assert_true(positions_get(c, 1, &got));
	assert_int_equal(got.top, 10);
	assert_true(positions_get(c, 2, &got));
	assert_int_equal(got.top, 20);
	assert_true(positions_get(c, 3, &got));
	assert_int_equal(got.top, 33);
	assert_int_equal(positions_close(c), 0);
	remove_dir(dir);
}

static void test_bad_lines_skipped(void **state)
{
	char *dir = make_dir();
	char file[600];
	snprintf(file, sizeof file, "%s/positions", dir);
	FILE *f = fopen(file, "w");
	fputs("# comment\n"
	      "1\t000000000000002a\t99\t2\t0000000000000005\t1700000000\n"
	      "junk\n"
	      "2\t000000000000002b\t1\t1\t0000000000000000\t1\n"
	      "1\t000000000000002c\t-5\t1\t0000000000000000\t1\n"
	      "1\t000000000000002d\t7\t-1\t0000000000000000\t1700000001", f);   /* no final newline */
	fclose(f);
	char *w;
	positions *p = open_ok(dir, &w);
	assert_non_null(w);
	assert_non_null(strstr(w, "3 malformed lines skipped"));
	free(w);
	position got;
	assert_true(positions_get(p, 0x2a, &got));
	assert_int_equal(got.top, 99);
	assert_int_equal(got.quote_id, 5);
	assert_true(positions_get(p, 0x2d, &got));
	assert_int_equal(got.top, 7);
	assert_false(positions_get(p, 0x2c, &got));
	positions_close(p);
	remove_dir(dir);
}

/* A file not in article order, an article twice (its first line wins),
 * and positions set before the read: each found, the one set kept. The
 * read sorts once (inserting line by line in order was quadratic). */
static void test_unsorted_file_and_repeats(void **state)
{
	char *dir = make_dir();
	char *file = path_in(dir, "positions");
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	for (unsigned i = 0; i < 3000; i++)
		fprintf(f, "1\t%016x\t%u\t-1\t0000000000000000\t1700000000\n", (i * 2654435761u) % 100003u + 1, i);
	fputs("1\t0000000000000001\t777\t-1\t0000000000000000\t1700000000\n", f);   /* article 1 again: it has a line above */
	fclose(f);
	positions *p = open_ok(dir, NULL);
	position got;
	for (unsigned i = 0; i < 3000; i++) {
		assert_true(positions_get(p, (i * 2654435761u) % 100003u + 1, &got));
		assert_int_equal(got.top, i);
	}
	assert_true(positions_get(p, 1, &got));
	assert_int_not_equal(got.top, 777);   /* an article's first line wins */
	positions_close(p);
	free(file);
	remove_dir(dir);
}

static void test_capped(void **state)
{
	char *dir = make_dir();
	positions *p = open_ok(dir, NULL);
	for (uint64_t i = 1; i <= POSITIONS_MAX + 50; i++)
		assert_int_equal(positions_set(p, i, &(position){ .top = i, .quote = POSITION_NO_QUOTE }), 0);
	assert_int_equal(positions_close(p), 0);
	p = open_ok(dir, NULL);
	size_t kept = 0;
	position got;
	for (uint64_t i = 1; i <= POSITIONS_MAX + 50; i++)
		kept += positions_get(p, i, &got);
	assert_int_equal(kept, POSITIONS_MAX);
	positions_close(p);
	remove_dir(dir);
}

static void test_unwritable_keeps_memory(void **state)
{
	char *dir = make_dir();
	char sub[600];
	snprintf(sub, sizeof sub, "%s/file", dir);
	FILE *f = fopen(sub, "w");
	fclose(f);
	char bad[700];
	snprintf(bad, sizeof bad, "%s/quoth", sub);   /* a folder under a regular file */
	positions *p = open_ok(bad, NULL);
	assert_int_equal(positions_set(p, 1, &(position){ .top = 1 }), 0);
	assert_int_not_equal(positions_save(p), 0);
	position got;
	assert_true(positions_get(p, 1, &got));
	assert_int_not_equal(positions_close(p), 0);
	remove_dir(dir);
}

static void test_default_dir_from_env(void **state)
{
	char *base = make_dir();
	setenv("XDG_STATE_HOME", base, 1);
	positions *p = open_ok(NULL, NULL);
	assert_int_equal(positions_set(p, 9, &(position){ .top = 9 }), 0);
	assert_int_equal(positions_close(p), 0);
	char file[600];
	snprintf(file, sizeof file, "%s/quoth/positions", base);
	assert_int_equal(access(file, R_OK), 0);
	unsetenv("XDG_STATE_HOME");
	remove_dir(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_and_restore),
		cmocka_unit_test(test_two_processes_merge),
		cmocka_unit_test(test_bad_lines_skipped),
		cmocka_unit_test(test_unsorted_file_and_repeats),
		cmocka_unit_test(test_capped),
		cmocka_unit_test(test_unwritable_keeps_memory),
		cmocka_unit_test(test_default_dir_from_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
