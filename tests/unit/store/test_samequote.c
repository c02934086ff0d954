/* The same quote across articles: what is grouped and what is not, the
 * language wall, duplicates, many quotes in one bucket, and work that grows
 * with the number of quotes, not its square. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "samequote.h"

static void add(samequote *s, const char *text, const char *lang)
{
	assert_int_equal(samequote_add(s, text, strlen(text), lang), 0);
}

static size_t *group_all(samequote *s)
{
	size_t *g = calloc(samequote_count(s) + 1, sizeof *g);
	assert_int_equal(samequote_group(s, g), 0);
	return g;
}

static void test_variants_grouped(void **state)
{
	samequote *s = samequote_new();
	add(s, "This agreement protects every job in the harbour and gives the young workers a future here,", "en");
	add(s, "The weather will turn cold by the end of the week, forecasters said", "en");
	add(s, "This agreement protects every job in the harbour and gives young workers a real future", "en");
	add(s, "THIS AGREEMENT PROTECTS EVERY JOB IN THE HARBOUR AND GIVES THE YOUNG WORKERS A FUTURE HERE", "en");
	/* trimmed by an outlet: most of the shorter one lies in the longer one */
	add(s, "every job in the harbour and gives the young workers", "en");
	size_t *g = group_all(s);
	assert_int_equal(g[0], 0);
	assert_int_equal(g[1], 1);
	assert_int_equal(g[2], 0);
	assert_int_equal(g[3], 0);
	assert_int_equal(g[4], 0);
	free(g);
	samequote_free(s);
}

static void test_languages_and_short_quotes_apart(void **state)
{
	samequote *s = samequote_new();
	add(s, "We gave more than we wanted to, but the harbour needed peace", "en");
	add(s, "We gave more than we wanted to, but the harbour needed peace", "da");
	add(s, "It was a mistake", "en");
	add(s, "It was a mistake", "en");
	add(s, "We gave more than we wanted, but the harbour needed peace.", "en");
	size_t *g = group_all(s);
	assert_int_equal(g[1], 1);   /* another language: never the same quote */
	assert_int_equal(g[2], 2);   /* fewer than SQ_MIN_WORDS words: never grouped */
	assert_int_equal(g[3], 3);
	assert_int_equal(g[4], 0);
	free(g);
	samequote_free(s);
}

static void test_different_quotes_sharing_words_apart(void **state)
{
	samequote *s = samequote_new();
	add(s, "We will not accept any cuts to the health budget this year", "en");
	add(s, "We will not accept any delay to the rail line this year", "en");
	add(s, "The minister will not accept any cuts, the union said", "en");
	size_t *g = group_all(s);
	assert_int_equal(g[1], 1);
	assert_int_equal(g[2], 2);
	free(g);
	samequote_free(s);
}

/* A quote carried by thousands of articles, and a crowd of unrelated ones
 * that share a common phrase: few checks, right groups. */
static void test_many_quotes(void **state)
{
	enum { DUPS = 5000, OTHERS = 20000 };
	samequote *s = samequote_new();
	char buf[256];
	for (int i = 0; i < DUPS; i++)
		add(s, i % 2 ? "The bridge will be open to traffic before the winter comes, the mayor promised"
		             : "The bridge will be open to traffic before winter comes", "en");
	for (int i = 0; i < OTHERS; i++) {
		snprintf(buf, sizeof buf, "in the end of the day word%d alpha%d beta%d gamma%d delta%d", i, i * 7, i * 13,
		         i * 17, i * 19);
		add(s, buf, "en");
	}
	size_t *g = group_all(s);
	for (int i = 0; i < DUPS; i++)
		assert_int_equal(g[i], 0);
	for (int i = DUPS; i < DUPS + OTHERS; i++)
		assert_int_equal(g[i], (size_t)i);
	/* at most SQ_PER_BUCKET checks a sketch hash of each distinct quote */
	assert_true(samequote_checks(s) <= (size_t)(2 + OTHERS) * SQ_SKETCH * SQ_PER_BUCKET);
	free(g);
	samequote_free(s);
}

static void test_empty_and_odd_text(void **state)
{
	samequote *s = samequote_new();
	add(s, "", "en");
	add(s, "\xff\xfe\xfd invalid bytes \xc3 between words here and there", NULL);
	add(s, "\xff\xfe\xfd invalid bytes \xc3 between words here and there", NULL);
	size_t *g = group_all(s);
	assert_int_equal(g[0], 0);
	assert_int_equal(g[2], 1);
	free(g);
	samequote_free(s);
	s = samequote_new();
	size_t none[1];
	assert_int_equal(samequote_group(s, none), 0);
	samequote_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variants_grouped),
		cmocka_unit_test(test_languages_and_short_quotes_apart),
		cmocka_unit_test(test_different_quotes_sharing_words_apart),
		cmocka_unit_test(test_many_quotes),
		cmocka_unit_test(test_empty_and_odd_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
