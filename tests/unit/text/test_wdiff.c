/* Words for comparison, and word-level differences between two wordings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"
#include "wdiff.h"
#include "words.h"

/* The words of s, joined by '|'. */
static char *words_of(const char *s)
{
	strbuf b;
	sb_init(&b);
	size_t pos = 0, a, e, n = strlen(s);
	while (words_next(s, n, &pos, &a, &e)) {
		if (b.len)
			sb_putc(&b, '|');
		sb_add(&b, s + a, e - a);
	}
	return b.s ? sb_take(&b) : strdup("");
}

static void expect_words(const char *s, const char *want)
{
	char *got = words_of(s);
	assert_string_equal(got, want);
	free(got);
}

static void test_words(void **state)
{
	expect_words("“We don't,” she said - twice.", "We|don't|she|said|twice");
	expect_words("a co-op’s well-planned 2nd try", "a|co-op’s|well-planned|2nd|try");
	expect_words("Før øen, «Ærø»!", "Før|øen|Ærø");
	expect_words("東京で会見", "東|京|で|会|見");
	expect_words("e\xCC\x81t\xC3\xA9 -- '' ", "e\xCC\x81t\xC3\xA9");
	expect_words("bad \xff\xfe bytes", "bad|bytes");
	expect_words("", "");
	assert_true(words_hash("The", 3) == words_hash("the", 3));
	assert_true(words_hash("ÆRØ", strlen("ÆRØ")) == words_hash("ærø", strlen("ærø")));
	assert_true(words_hash("don’t", strlen("don’t")) == words_hash("don't", 5));
	assert_false(words_hash("the", 3) == words_hash("then", 4));
}

/* The differences as "=same -dropped +added" runs. */
static char *diff_of(const char *a, const char *b)
{
	wdiff d;
	assert_int_equal(wdiff_words(a, strlen(a), b, strlen(b), &d), 0);
	strbuf out;
	sb_init(&out);
	for (size_t i = 0; i < d.n; i++) {
		const wdiff_op *op = &d.v[i];
		const char *s = op->kind == WD_DROPPED ? a + op->a_start : b + op->b_start;
		size_t n = op->kind == WD_DROPPED ? op->a_end - op->a_start : op->b_end - op->b_start;
		sb_printf(&out, "%s%c%.*s", i ? " " : "", "=-+"[op->kind], (int)n, s);
	}
	wdiff_free(&d);
	return out.s ? sb_take(&out) : strdup("");
}

static void expect_diff(const char *a, const char *b, const char *want)
{
	char *got = diff_of(a, b);
	assert_string_equal(got, want);
	free(got);
}

static void test_differences(void **state)
{
	expect_diff("gives the young workers a future here", "gives young workers a real future",
	            "=gives -the =young workers a +real =future -here");
	/* a changed word: dropped, then added in its place */
	expect_diff("we will never accept it", "we will not accept it", "=we will -never +not =accept it");
	/* case and punctuation are not differences */
	expect_diff("We gave more, but peace.", "we gave more but PEACE", "=we gave more but PEACE");
	expect_diff("", "all new words", "+all new words");
	expect_diff("all gone", "", "-all gone");
	expect_diff("same", "same", "=same");
}

static void test_counts_and_long_texts(void **state)
{
	wdiff d;
	const char *a = "one two three four", *b = "one three four five";
	assert_int_equal(wdiff_words(a, strlen(a), b, strlen(b), &d), 0);
	assert_int_equal(d.same, 3);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(d.added, 1);
	wdiff_free(&d);
	/* longer than WDIFF_MAX_WORDS: not aligned, still complete */
	strbuf big;
	sb_init(&big);
	for (int i = 0; i <= WDIFF_MAX_WORDS; i++)
		sb_puts(&big, "word ");
	assert_int_equal(wdiff_words(big.s, big.len, "word", 4, &d), 0);
	assert_int_equal(d.dropped, WDIFF_MAX_WORDS + 1);
	assert_int_equal(d.added, 1);
	wdiff_free(&d);
	sb_free(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_differences),
		cmocka_unit_test(test_counts_and_long_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
