/* Regression tests for what the hostile-input suite (tests/hostile/) found,
 * at the level of the layer that was fixed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <fcntl.h>
#include <unistd.h>
#include "doc.h"
#include "app.h"
#include "error.h"
#include "quotes.h"
#include "text.h"

static char *line(const char *in, size_t n)
{
	char *out;
	size_t len;
	assert_int_equal(text_sanitize_line(in, n, &out, &len), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

#define EXPECT_LINE(in, want) do { \
	char *got_ = line(in, sizeof(in) - 1); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

/* A file name with a line end split "quoth: NAME: why" over two lines. */
static void test_line_ends_and_tabs_become_pictures(void **state)
{
	EXPECT_LINE("new\nline.txt", "new\xE2\x90\x8Aline.txt");
	EXPECT_LINE("cr\rlf\r\n", "cr\xE2\x90\x8Dlf\xE2\x90\x8D\xE2\x90\x8A");
	EXPECT_LINE("tab\there", "tab\xE2\x90\x89here");
	EXPECT_LINE("ls\xE2\x80\xA8ps\xE2\x80\xA9", "ls\xE2\x90\xA4ps\xE2\x90\xA4");
	EXPECT_LINE("nel\xC2\x85", "nel\xE2\x90\xA6");
}

static void test_line_keeps_the_other_rules(void **state)
{
	EXPECT_LINE("esc\x1B]0;x\x07.txt", "esc\xE2\x90\x9B]0;x\xE2\x90\x87.txt");
	EXPECT_LINE("c1\x9B" "1m", "c1\xEF\xBF\xBD" "1m");
	EXPECT_LINE("bidi\xE2\x80\xAEtxt", "bidi\xE2\x90\xA6txt");
	EXPECT_LINE("plain name.txt", "plain name.txt");
	EXPECT_LINE("\xEF\xBB\xBF" "bom", "\xEF\xBB\xBF" "bom");   /* nothing dropped from a name */
	EXPECT_LINE("", "");
}

/* Every byte value in every position: no byte below 0x20, nor DEL, remains. */
static void test_line_output_has_no_control_byte(void **state)
{
	char in[3];
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b += 3) {
			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = '\n';
			char *out = line(in, 3);
			for (const unsigned char *p = (const unsigned char *)out; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7F);
			assert_true(text_is_safe(out, strlen(out)));
			free(out);
		}
}

/* quoth render - </dev/zero read until memory ran out. (An endless text
 * stream, refused at 256 MiB, is tests/hostile's: reading that much here
 * takes minutes under valgrind.) */
static void test_endless_binary_stream_refused_at_once(void **state)
{
	int fd = open("/dev/zero", O_RDONLY);
	assert_true(fd >= 0);
	doc *d = NULL;
	assert_int_equal(doc_from_fd("-", fd, &d), Q_EBINARY);
	assert_null(d);
	close(fd);
}

/* A symlink loop given as a path said "read error". */
static void test_symlink_loop_has_its_own_message(void **state)
{
	char dir[] = "/tmp/quoth-hostile-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char a[64], b[64];
	snprintf(a, sizeof a, "%s/ping.txt", dir);
	snprintf(b, sizeof b, "%s/pong.txt", dir);
	assert_int_equal(symlink("pong.txt", a), 0);
	assert_int_equal(symlink("ping.txt", b), 0);
	doc *d = NULL;
	int rc = doc_load(a, &d);
	assert_int_equal(rc, Q_ELOOP);
	assert_string_equal(error_message(rc), "a loop of symbolic links");
	unlink(a);
	unlink(b);
	rmdir(dir);
}

/* A display-safe file of exactly one page was mapped with no NUL after it:
 * the reader's last row read past the mapping (SIGSEGV at 50 MiB). */
static void test_mapped_text_is_nul_terminated(void **state)
{
	long page = sysconf(_SC_PAGESIZE);
	char path[] = "/tmp/quoth-hostile-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char *buf = malloc((size_t)page * 2);
	assert_non_null(buf);
	memcpy(buf, "Title\n\n", 7);
	for (long i = 7; i < page * 2; i++)
		buf[i] = (char)('a' + i % 26);
	for (long size = page; size <= page * 2; size += page) {
		assert_int_equal(ftruncate(fd, 0), 0);
		assert_int_equal(pwrite(fd, buf, (size_t)size, 0), size);
		doc *d = NULL;
		assert_int_equal(doc_load(path, &d), 0);
		assert_int_equal(d->len, (size_t)size);
		assert_int_equal(d->text[d->len], '\0');   /* faulted before */
		assert_int_equal(d->text[d->len - 1], buf[size - 1]);
		doc_free(d);
	}
	free(buf);
	close(fd);
	unlink(path);
}

/* An article without a quote mark: qsort was handed NULL (UBSan). */
static void test_no_quotes_at_all(void **state)
{
	static const char text[] = "Title\n\nNot one quotation mark in this article, none at all.\n";
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("x", text, sizeof text - 1, &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	assert_int_equal(l.n, 0);
	quote_list_free(&l);
	doc_free(d);
}

static void put_file(const char *dir, const char *name, const char *body, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(body, 1, n, f), n);
	fclose(f);
}

/* } stopped for good at an article that cannot be read: the open article
 * stayed the one before it, so the next } tried the same one again. */
static void test_next_article_steps_over_unreadable_ones(void **state)
{
	char dir[] = "/tmp/quoth-hostile-XXXXXX";
	assert_non_null(mkdtemp(dir));
	static const char good[] = "Good\n\n\"This one can be read,\" said Eve Mallory.\n";
	static const char nul[4096] = { 0 };
	put_file(dir, "a.txt", good, sizeof good - 1);
	put_file(dir, "b.txt", nul, sizeof nul);   /* binary */
	put_file(dir, "c.txt", "", 0);             /* empty */
	put_file(dir, "d.txt", good, sizeof good - 1);
	put_file(dir, "e.txt", nul, sizeof nul);
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, dir), 0);
	assert_int_equal(c.n, 5);
	app_opts o = { 0 };
	o.tabwidth = 8;
	o.layout.wide_cols = 100;
	o.layout.list_pct = 25;
	o.layout.quotes_pct = 30;
	o.layout.narrow_quotes_pct = 40;
	quotes_opts_init(&o.quotes);
	app a;
	assert_int_equal(app_init(&a, &c, &o, 140, 40), 0);
	assert_int_equal(a.art, 0);
	app_do(&a, ACT_ARTICLE_NEXT);
	assert_int_equal(a.art, 3);
	assert_int_equal(a.list_sel, 3);
	app_do(&a, ACT_ARTICLE_NEXT);   /* only an unreadable one after it */
	assert_string_equal(a.msg, "Last article");
	assert_int_equal(a.art, 3);
	assert_int_equal(a.list_sel, 3);
	app_do(&a, ACT_ARTICLE_PREV);
	assert_int_equal(a.art, 0);
	app_free(&a);
	corpus_free(&c);
	for (const char *n = "abcde"; *n; n++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%c.txt", dir, *n);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends_and_tabs_become_pictures),
		cmocka_unit_test(test_line_keeps_the_other_rules),
		cmocka_unit_test(test_line_output_has_no_control_byte),
		cmocka_unit_test(test_endless_binary_stream_refused_at_once),
		cmocka_unit_test(test_symlink_loop_has_its_own_message),
		cmocka_unit_test(test_mapped_text_is_nul_terminated),
		cmocka_unit_test(test_no_quotes_at_all),
		cmocka_unit_test(test_next_article_steps_over_unreadable_ones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
