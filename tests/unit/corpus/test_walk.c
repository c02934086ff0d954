#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "error.h"
#include "walk.h"

static char root[64];

static void put_at(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "Head\n\nBody.\n", 12), 12);
	close(fd);
}

static void put(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	put_at(AT_FDCWD, path);
}

static void dir(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0700), 0);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/quoth-walk-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", root, root);
	return system(cmd);
}

/* Every path the walk of p yields, one a line, relative to root; errors as "!path". */
static char *walk_all(const char *p, walk_filter f, size_t *too_deep)
{
	walk *w;
	assert_int_equal(walk_open(p, f, &w), 0);
	size_t cap = 1 << 20, n = 0, skip = strlen(root) + 1;
	char *out = calloc(1, cap);
	walk_entry e;
	int rc;
	while ((rc = walk_next(w, &e)) == 1) {
		const char *rel = strlen(e.path) >= skip ? e.path + skip : e.path;
		n += (size_t)snprintf(out + n, cap - n, "%s%s\n", e.error ? "!" : "", rel);
		assert_true(n < cap);
		if (!e.error && !strstr(e.name, "missing")) {   /* the entry opens through its folder */
			int fd = openat(e.dirfd, e.name, O_RDONLY);
			assert_true(fd >= 0);
			close(fd);
		}
	}
	assert_int_equal(rc, 0);
	if (too_deep)
		*too_deep = walk_too_deep(w);
	walk_close(w);
	return out;
}

static void test_sorted_as_paths_hidden_and_others_skipped(void **state)
{
	dir("a");
	dir("a/b");
	dir(".hidden");
	put("a.txt");
	put("a/b.txt");
	put("a/b/c.TXT");
	put("b.md");
	put("c.jsonl");
	put("d.ndjson.gz");
	put("e.csv");
	put("README.md");
	put("a/Readme.txt");
	put(".hidden/f.txt");
	put(".g.txt");
	char *got = walk_all(root, walk_is_article, NULL);
	/* a.txt sorts before a/... as `sort` orders the paths ('.' < '/') */
	assert_string_equal(got, "a.txt\na/b.txt\na/b/c.TXT\nb.md\n");
	free(got);
	got = walk_all(root, walk_is_article_or_dump, NULL);
	assert_string_equal(got, "a.txt\na/b.txt\na/b/c.TXT\nb.md\nc.jsonl\nd.ndjson.gz\n");
	free(got);
}

static void test_a_file_is_itself(void **state)
{
	put("x.csv");
	char p[128];
	snprintf(p, sizeof p, "%s/x.csv", root);
	char *got = walk_all(p, walk_is_article, NULL);
	assert_string_equal(got, "x.csv\n");   /* named: taken whatever its name */
	free(got);
	snprintf(p, sizeof p, "%s/missing.txt", root);
	got = walk_all(p, walk_is_article, NULL);
	assert_string_equal(got, "missing.txt\n");   /* its reader says what is wrong */
	free(got);
}

static void test_symlink_loops_walked_once(void **state)
{
	dir("l");
	put("l/one.txt");
	char p[128];
	snprintf(p, sizeof p, "%s/l/up", root);
	assert_int_equal(symlink("..", p), 0);
	snprintf(p, sizeof p, "%s/l/self", root);
	assert_int_equal(symlink("self", p), 0);   /* a loop of links: not an article */
	snprintf(p, sizeof p, "%s/l", root);
	char *got = walk_all(p, walk_is_article, NULL);
	/* up leads to root, which holds l again: l is on the branch, skipped */
	assert_string_equal(got, "l/one.txt\n");
	free(got);
}

/* 200 levels: a path longer than PATH_MAX is still walked and opened */
static void test_deep_and_long_paths(void **state)
{
	char name[200];
	memset(name, 'd', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	int fd = open(root, O_RDONLY | O_DIRECTORY);
	for (int i = 0; i < 200; i++) {
		assert_int_equal(mkdirat(fd, name, 0700), 0);
		if (i % 20 == 0)
			put_at(fd, "x.txt");
		int sub = openat(fd, name, O_RDONLY | O_DIRECTORY);
		assert_true(sub >= 0);
		close(fd);
		fd = sub;
	}
	put_at(fd, "deepest.txt");
	close(fd);
	size_t deep = 1;
	char *got = walk_all(root, walk_is_article, &deep);
	size_t files = 0;
	for (char *s = got; (s = strchr(s, '\n')); s++)
		files++;
	assert_int_equal(files, 11);
	assert_non_null(strstr(got, "deepest.txt"));
	assert_true(strlen(got) > 40000);   /* the deepest path alone is 40,000 bytes */
	assert_int_equal(deep, 0);
	free(got);
}

static void test_too_deep_is_counted(void **state)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY);
	for (int i = 0; i < WALK_MAX_DEPTH + 5; i++) {
		assert_int_equal(mkdirat(fd, "d", 0700), 0);
		int sub = openat(fd, "d", O_RDONLY | O_DIRECTORY);
		close(fd);
		fd = sub;
	}
	put_at(fd, "lost.txt");
	close(fd);
	put("top.txt");
	size_t deep = 0;
	char *got = walk_all(root, walk_is_article, &deep);
	assert_string_equal(got, "top.txt\n");
	assert_int_equal(deep, 1);
	free(got);
}

static void test_unreadable_folder_is_an_error_entry(void **state)
{
	if (geteuid() == 0)
		skip();   /* root reads every folder */
	dir("locked");
	put("locked/x.txt");
	put("z.txt");
	char p[128];
	snprintf(p, sizeof p, "%s/locked", root);
	chmod(p, 0);
	char *got = walk_all(root, walk_is_article, NULL);
	assert_string_equal(got, "!locked\nz.txt\n");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sorted_as_paths_hidden_and_others_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_file_is_itself, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_loops_walked_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deep_and_long_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_deep_is_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_folder_is_an_error_entry, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
