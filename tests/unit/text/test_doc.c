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

static char *dup_buffer(const char *s, size_t n)
{
	char *b = malloc(n + 1);
	assert_non_null(b);
	memcpy(b, s, n);
	b[n] = '\0';
	return b;
}

/* A buffer of display-safe bytes becomes the text itself; any other is
 * read as doc_from_bytes reads it; the id only when asked for. */
static void test_buffer_taken_as_it_is(void **state)
{
	static const char safe[] = "Headline\n\n\xE2\x80\x9C" "A quote,\xE2\x80\x9D she said.\n";
	char *buf = dup_buffer(safe, sizeof safe - 1);
	doc *d = NULL, *ref = NULL;
	assert_int_equal(doc_from_buffer("b.txt", buf, sizeof safe - 1, false, &d), 0);
	assert_ptr_equal(d->text, buf);
	assert_int_equal(d->len, sizeof safe - 1);
	assert_true(d->id == 0);
	assert_string_equal(d->title, "Headline");
	doc_free(d);
	assert_int_equal(doc_from_buffer("b.txt", dup_buffer(safe, sizeof safe - 1), sizeof safe - 1, true, &d), 0);
	assert_true(d->id == doc_article_id(safe, sizeof safe - 1));
	doc_free(d);
	static const char *const unsafe[] = {
		"Head\r\n\r\nBody with CR LF.\r\n",
		"\xEF\xBB\xBFHead after a BOM\n\nBody.\n",
		"Head\n\nCaf\xE9 in Windows-1252, \x93quoted\x94.\n",
		"Head\n\nAn escape \x1b[2J here.\n",
	};
	for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++) {
		size_t n = strlen(unsafe[i]);
		buf = dup_buffer(unsafe[i], n);
		assert_int_equal(doc_from_buffer("u.txt", buf, n, true, &d), 0);
		assert_int_equal(doc_from_bytes("u.txt", unsafe[i], n, &ref), 0);
		assert_int_equal(d->len, ref->len);
		assert_memory_equal(d->text, ref->text, ref->len);
		assert_string_equal(d->title, ref->title);
		assert_true(d->id == ref->id);
		assert_int_equal(d->converted, ref->converted);
		doc_free(d);
		doc_free(ref);
	}
	assert_int_equal(doc_from_buffer("e.txt", dup_buffer("", 0), 0, false, &d), Q_EEMPTY);
	assert_int_equal(doc_from_buffer("e.txt", dup_buffer(" \n\t\n", 4), 4, false, &d), Q_EEMPTY);
	assert_int_equal(doc_from_buffer("z.txt", dup_buffer("\0\0\0\0\0\0\0\0x", 9), 9, false, &d), Q_EBINARY);
}

static void test_id_hex_digits(void **state)
{
	char hex[17];
	doc_id_hex(0x0123456789ABCDEFull, hex);
	assert_string_equal(hex, "0123456789abcdef");
	doc_id_hex(0, hex);
	assert_string_equal(hex, "0000000000000000");
	doc_id_hex(UINT64_MAX, hex);
	assert_string_equal(hex, "ffffffffffffffff");
}

/* Is a text hard-wrapped whose lines after its headline are `tiny` lines
 * of 20 columns, `near` of 60 and `wide` of 500 (t: room for them)? */
static bool wrapped_with(char *t, int tiny, int near, int wide)
{
	char *p = t + sprintf(t, "Head\n\n");
	for (int i = 0; i < tiny + near + wide; i++) {
		int w = i < tiny ? 20 : i < tiny + near ? 60 : 500;
		for (int c = 0; c < w; c++)
			*p++ = c % 6 == 5 ? ' ' : 'w';
		*p++ = '\n';
	}
	*p = '\0';
	doc *d = from(t);
	bool wrapped = d->hard_wrapped;
	doc_free(d);
	return wrapped;
}

/* Hard-wrap detection by the width of most lines: lines too long to be
 * wrapped text count as wider than any wrap, however few or many. */
static void test_wrap_guess_with_long_lines(void **state)
{
	char *t = malloc(64 << 10), *p = t;
	p += sprintf(p, "Head\n\n");
	for (int i = 0; i < 100; i++)
		p += sprintf(p, "%s line %03d of a story wrapped near sixty columns here\n", i % 9 ? "and" : "The", i);
	for (int i = 0; i < 500; i++)
		*p++ = i % 7 ? 'x' : ' ';
	p += sprintf(p, "\n");
	doc *d = from(t);
	assert_true(d->hard_wrapped);   /* one long line in a hundred: the 98th percentile is short */
	doc_free(d);
	p = t + sprintf(t, "Head\n\n");
	for (int k = 0; k < 10; k++) {
		for (int i = 0; i < 450; i++)
			*p++ = i % 7 ? 'y' : ' ';
		p += sprintf(p, ".\nA short line between long ones.\n");
	}
	d = from(t);
	assert_false(d->hard_wrapped);
	doc_free(d);
	/* the edges: a long line counts among the lines near the wrap column
	 * (here it makes their half), and three long lines in a hundred are
	 * more than the 2 % of stray lines the guess ignores */
	assert_true(wrapped_with(t, 50, 49, 1));
	assert_false(wrapped_with(t, 50, 48, 1));
	assert_false(wrapped_with(t, 0, 97, 3));
	assert_true(wrapped_with(t, 0, 98, 2));
	free(t);
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
		cmocka_unit_test(test_buffer_taken_as_it_is),
		cmocka_unit_test(test_id_hex_digits),
		cmocka_unit_test(test_wrap_guess_with_long_lines),
		cmocka_unit_test(test_para_at),
		cmocka_unit_test(test_big_text_indexed_in_halves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
