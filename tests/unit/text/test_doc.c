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
#include "doc.h"
#include "error.h"

static doc *from(const char *s)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("mem.txt", s, strlen(s), &d), 0);
	return d;
}

static char *para(const doc *d, size_t i)
{
	assert_true(i < d->npara);
	return doc_flat_text(d, d->para[i].start, d->para[i].end);
}

static void expect_para(const doc *d, size_t i, const char *want)
{
	char *got = para(d, i);
	assert_string_equal(got, want);
	free(got);
}

static void test_headline_and_paragraphs(void **state)
{
	doc *d = from("Harbour strike enters second week\n\nFirst paragraph here.\nSecond paragraph here.\n\n\nThird.\n");
	assert_string_equal(d->title, "Harbour strike enters second week");
	assert_int_equal(d->body, 1);
	assert_int_equal(d->npara, 4);
	assert_false(d->hard_wrapped);
	expect_para(d, 1, "First paragraph here.");
	expect_para(d, 2, "Second paragraph here.");
	expect_para(d, 3, "Third.");
	doc_free(d);
}

static void test_title_from_first_sentence(void **state)
{
	doc *d = from("The council met on Tuesday. It voted to close the old bridge.\nMore text follows.\n");
	assert_string_equal(d->title, "The council met on Tuesday.");
	assert_int_equal(d->body, 0);
	doc_free(d);
	d = from("This opening sentence runs on and on without any full stop at all because the writer never ends it and keeps going well past the limit.\nNext.\n");
	assert_true(strlen(d->title) <= 104);
	assert_non_null(strstr(d->title, "\xE2\x80\xA6"));
	assert_null(strstr(d->title, "limit"));
	doc_free(d);
}

static void test_title_falls_back_to_file_name(void **state)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("dir/only-dots.txt", "...\n", 4, &d), 0);
	assert_string_equal(d->title, "...");
	doc_free(d);
}

static void test_reflow_wire_story(void **state)
{
	doc *d = NULL;
	assert_int_equal(doc_load("tests/fixtures/wire.txt", &d), 0);
	assert_true(d->hard_wrapped);
	assert_int_equal(d->body, 0);
	assert_int_equal(d->npara, 6);
	expect_para(d, 0, "NORTHPORT, June 3 (Coastline Wire) - Dock workers in Northport walked off the job on "
	                  "Monday after talks over night-shift pay broke down, leaving a dozen ships "
	                  "waiting offshore.");
	expect_para(d, 1, "The strike is the first at the port in eleven years.");
	expect_para(d, 2, "\"We have asked for the same rate as every other port on this coast, nothing more,\" "
	                  "union steward Mara Lindqvist told reporters outside the main gate. \"The company knows that.\"");
	expect_para(d, 3, "The port authority said contingency plans were in place.");
	/* hyphenated words across lines stay hyphenated, with no space */
	expect_para(d, 4, "Its chief executive, Tomas Berg, called the walkout a well-planned show of force and "
	                  "said the counter-proposal was still on the table.");
	expect_para(d, 5, "Talks are expected to resume on Thursday, both sides said, though no mediator has been named.");
	doc_free(d);
}

static void test_one_line_paragraphs_stay(void **state)
{
	doc *d = from("Short line one.\nShort line two.\nShort line three.\nShort line four.\nShort line five.\n");
	/* short lines that all end sentences and leave room: each is a paragraph */
	assert_int_equal(d->npara, 5);
	doc_free(d);
}

static void test_stable_id(void **state)
{
	doc *a = from("same bytes\n"), *b = from("same bytes\n"), *c = from("other bytes\n");
	assert_true(a->id == b->id);
	assert_true(a->id != c->id);
	char hex[17];
	doc_id_hex(a->id, hex);
	assert_int_equal(strlen(hex), 16);
	doc_free(a);
	doc_free(b);
	doc_free(c);
}

static void test_bad_inputs(void **state)
{
	doc *d = NULL;
	char dir[] = "/tmp/quoth-doc-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	assert_int_equal(doc_load("/nonexistent/quoth/file.txt", &d), Q_ENOENT);
	assert_int_equal(doc_load(dir, &d), Q_EISDIR);
	snprintf(path, sizeof path, "%s/empty", dir);
	FILE *f = fopen(path, "w");
	fclose(f);
	assert_int_equal(doc_load(path, &d), Q_EEMPTY);
	f = fopen(path, "w");
	fputs("  \n\n\t\n", f);
	fclose(f);
	assert_int_equal(doc_load(path, &d), Q_EEMPTY);
	f = fopen(path, "w");
	for (int i = 0; i < 1000; i++)
		fputc(i % 7 ? 0 : 'x', f);
	fclose(f);
	assert_int_equal(doc_load(path, &d), Q_EBINARY);
	if (geteuid() != 0) {
		chmod(path, 0);
		assert_int_equal(doc_load(path, &d), Q_EACCES);
	}
	unlink(path);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(doc_load(path, &d), Q_ENOTREG);
	unlink(path);
	rmdir(dir);
	assert_int_equal(doc_load("/dev/zero", &d), Q_ENOTREG);
}

static void test_sanitized_and_converted(void **state)
{
	doc *d = NULL;
	const char raw[] = "Title\n\nEvil \x1b]52;c;AAAA\x07 caf\xC3\xA9 text \xC3 end.\n";
	assert_int_equal(doc_from_bytes("x", raw, sizeof raw - 1, &d), 0);
	assert_null(memchr(d->text, 0x1b, d->len));
	assert_null(memchr(d->text, 0x07, d->len));
	assert_non_null(strstr(d->text, "\xEF\xBF\xBD"));
	doc_free(d);
	const char utf16[] = "\xFF\xFET\0i\0t\0l\0e\0\n\0\n\0B\0o\0d\0y\0.\0";
	assert_int_equal(doc_from_bytes("x", utf16, sizeof utf16 - 1, &d), 0);
	assert_true(d->converted);
	assert_string_equal(d->title, "Title");
	doc_free(d);
}

static void test_para_at(void **state)
{
	doc *d = from("One.\n\nTwo two.\n\nThree three three.\n");
	assert_int_equal(doc_para_at(d, 0), 0);
	assert_int_equal(doc_para_at(d, 7), 1);
	assert_int_equal(doc_para_at(d, d->len - 1), 2);
	doc_free(d);
}

/* A text of many megabytes is indexed in two halves on two threads, which
 * meet after an empty line: the paragraphs must be those of one pass. Hard
 * wrapped: every paragraph is "P<n> " and four lines wrapped at 60 columns
 * (a hyphen join in each), so one cut in the wrong place shows. */
static void test_big_text_indexed_in_halves(void **state)
{
	static const char *const wrapped[4] = {
		"the council said on Tuesday that the inquiry would go on and",
		"that its report would be ready before the summer, when the co-",
		"operation of every member is expected, according to a note sent",
		"to the members of the board by the chair this week on Monday.",
	};
	const size_t count = 40000;   /* about 10 MB */
	size_t cap = count * 300, n = 0;
	char *t = malloc(cap);
	(void)state;
	assert_non_null(t);
	n += (size_t)sprintf(t + n, "Many paragraphs\n\n");
	for (size_t i = 0; i < count; i++) {
		n += (size_t)sprintf(t + n, "P%zu ", i);
		for (int k = 0; k < 4; k++)
			n += (size_t)sprintf(t + n, "%s\n", wrapped[k]);
		n += (size_t)sprintf(t + n, "\n");
	}
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("big.txt", t, n, &d), 0);
	assert_true(d->hard_wrapped);
	assert_int_equal(d->body, 1);
	assert_int_equal(d->npara, count + 1);
	for (size_t i = 0; i < count; i++) {
		char want[32], *got = para(d, i + 1);
		snprintf(want, sizeof want, "P%zu the council", i);
		assert_memory_equal(got, want, strlen(want));
		assert_non_null(strstr(got, "the co-operation of every"));
		assert_non_null(strstr(got, "this week on Monday."));
		free(got);
	}
	doc_free(d);
	/* and one line a paragraph, of lengths no wrap column explains */
	n = 0;
	for (size_t i = 0; i < count; i++) {
		n += (size_t)sprintf(t + n, "Line %zu of the text,", i);
		for (size_t k = 0; k <= i % 4; k++)
			n += (size_t)sprintf(t + n, " %s", wrapped[k]);
		n += (size_t)sprintf(t + n, "\n\n");
	}
	assert_int_equal(doc_from_bytes("lines.txt", t, n, &d), 0);
	assert_false(d->hard_wrapped);
	assert_int_equal(d->npara, count);
	for (size_t i = 0; i < count; i += 997) {
		char want[32], *got = para(d, i);
		snprintf(want, sizeof want, "Line %zu of", i);
		assert_memory_equal(got, want, strlen(want));
		free(got);
	}
	doc_free(d);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_and_paragraphs),
		cmocka_unit_test(test_title_from_first_sentence),
		cmocka_unit_test(test_title_falls_back_to_file_name),
		cmocka_unit_test(test_reflow_wire_story),
		cmocka_unit_test(test_one_line_paragraphs_stay),
		cmocka_unit_test(test_stable_id),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_sanitized_and_converted),
		cmocka_unit_test(test_para_at),
		cmocka_unit_test(test_big_text_indexed_in_halves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
