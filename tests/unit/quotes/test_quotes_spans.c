/* Quotation spans of the conventions read since the multilingual sets:
 * the typewriter's ,,…'' and ''…'', a straight mark paired with a curly
 * one, CJK quotes told from terms; and the fixtures of
 * tests/fixtures/quotes/spans (each NAME.txt with NAME.expect: the words of
 * each quote found, a line each, in text order; speakers are not
 * compared, so the fixtures hold whatever the attribution does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "quotes.h"
#include "fixtures.h"

#define SPAN_FIXTURES "tests/fixtures/quotes/spans"

/* The quotes of d, one flat text a line. */
static char *lines_of(const doc *d)
{
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);
	assert_non_null(f);
	for (size_t i = 0; i < l.n; i++) {
		char *s = quote_text(d, &l.v[i]);
		assert_non_null(s);
		fprintf(f, "%s\n", s);
		free(s);
	}
	fclose(f);
	quote_list_free(&l);
	return out;
}

static char *spans_of(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	char *s = lines_of(d);
	doc_free(d);
	return s;
}

#define EXPECT_LINES(text, want)                     \
	do {                                             \
		char *got_ = spans_of(text);                 \
		assert_string_equal(got_, want);             \
		free(got_);                                  \
	} while (0)

/* ---- the typewriter's marks ---------------------------------------------------- */

static void double_commas_open(void **state)
{
	EXPECT_LINES("Kop\n\nZij zei: ,,Het is een mooie dag voor ons allemaal.'' En ze ging.\n",
	             "Het is een mooie dag voor ons allemaal.\n");
	/* closed by a straight or a curly mark too */
	EXPECT_LINES("Kop\n\n,,We gaan morgen verder met het werk,\" zei hij.\n", "We gaan morgen verder met het werk,\n");
	EXPECT_LINES("Kop\n\n,,We gaan morgen verder met het werk,\xE2\x80\x9D zei hij.\n",
	             "We gaan morgen verder met het werk,\n");
}

/* The doubled comma found wherever it stands among the sixteen bytes the
 * scan for it compares at a time (across two of them, in the bytes after
 * the last sixteen), the quote it opens in the middle of the text and at
 * its end. */
static void double_commas_at_every_offset(void **state)
{
	(void)state;
	static const char *const quotes[] = { ",,Het is een mooie dag voor ons allemaal.'' En ze ging.\n",
	                                      ",,Dat doen we.''\n" };
	static const char *const want[] = { "Het is een mooie dag voor ons allemaal.\n", "Dat doen we.\n" };
	for (size_t q = 0; q < 2; q++)
		for (size_t pad = 0; pad < 40; pad++) {
			char text[200];
			snprintf(text, sizeof text, "Kop\n\nZij, %.*s zei: %s", (int)pad, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			         quotes[q]);
			EXPECT_LINES(text, want[q]);
		}
}

static void double_commas_are_not_a_comma(void **state)
{
	/* a doubled comma between words (a typing slip) opens nothing */
	EXPECT_LINES("Kop\n\nHet plan,,dat niemand wilde, kwam er toch.\n", "");
	EXPECT_LINES("Kop\n\nTwee komma's ,, los in de tekst.\n", "");
}

static void double_apostrophes(void **state)
{
	EXPECT_LINES("Head\n\n''We will look at every line of it again,'' she said.\n",
	             "We will look at every line of it again,\n");
	/* a paragraph reopened with '' goes on with the same quote */
	EXPECT_LINES("Head\n\n''The first part of what I said.\n\n''And the second part of it,'' she said.\n",
	             "The first part of what I said. And the second part of it,\n");
	/* ''' closes a single quote, then the double one */
	EXPECT_LINES("Head\n\nHe said it was ''far from what we had been promised, the 'done deal.'''\n",
	             "far from what we had been promised, the 'done deal.'\n");
}

static void straight_and_curly_paired(void **state)
{
	EXPECT_LINES("Head\n\n\"We are ready for the vote now,\xE2\x80\x9D she said.\n", "We are ready for the vote now,\n");
	EXPECT_LINES("Head\n\nShe said: \xE2\x80\x9CWe are ready for the vote now.\"\n", "We are ready for the vote now.\n");
	/* a straight pair inside a curly quote stays an inner quote */
	EXPECT_LINES("Head\n\n\xE2\x80\x9CThey said \"not now\" and left the room again,\xE2\x80\x9D she said.\n",
	             "They said \"not now\" and left the room again,\n");
}

/* ---- CJK: speech and terms ------------------------------------------------------ */

static void cjk_ideographic_comma_is_a_clause(void **state)
{
	EXPECT_LINES("\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97\n\n"
	             "\xE3\x80\x8C\xE3\x81\x82\xE3\x81\x82\xE3\x80\x81\xE3\x81\x84\xE3\x81\x84\xE3\x80\x8D\xE3\x81\xAE\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82\n",
	             "\xE3\x81\x82\xE3\x81\x82\xE3\x80\x81\xE3\x81\x84\xE3\x81\x84\n");
}

static void cjk_term_dropped(void **state)
{
	/* 「いい」のです。: two kana and no sign of speech */
	EXPECT_LINES("\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97\n\n"
	             "\xE3\x80\x8C\xE3\x81\x84\xE3\x81\x84\xE3\x80\x8D\xE3\x81\xAE\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82\n",
	             "");
}

/* ---- terms, titles and names ------------------------------------------------------ */

static void title_counted_by_words(void **state)
{
	/* a number, its dot and seven capitalised words: a name, however many tokens */
	EXPECT_LINES("Kopf\n\nEr sprach beim \xE2\x80\x9E" "3. Internationalen Forum der Stadtwerke Energie Bremen GmbH"
	             "\xE2\x80\x9C am Morgen.\n",
	             "");
}

/* ---- fixtures ------------------------------------------------------------------------ */

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *out = NULL;
	size_t size = 0;
	FILE *m = open_memstream(&out, &size);
	assert_non_null(m);
	int c;
	while ((c = getc(f)) != EOF)
		putc(c, m);
	fclose(f);
	fclose(m);
	return out;
}

static void check_span_fixture(const char *name, void *ctx)
{
	(void)ctx;
	char path[512];
	snprintf(path, sizeof path, "%s/%s.txt", SPAN_FIXTURES, name);
	doc *d = NULL;
	assert_int_equal(doc_load(path, &d), 0);
	char *got = lines_of(d);
	doc_free(d);
	snprintf(path, sizeof path, "%s/%s.expect", SPAN_FIXTURES, name);
	char *want = read_file(path);
	if (strcmp(got, want))
		fail_msg("%s: quotes are\n%swant\n%s", name, got, want);
	free(got);
	free(want);
}

static void span_fixtures(void **state)
{
	assert_true(each_fixture(SPAN_FIXTURES, check_span_fixture, NULL) >= 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(double_commas_open),
		cmocka_unit_test(double_commas_at_every_offset),
		cmocka_unit_test(double_commas_are_not_a_comma),
		cmocka_unit_test(double_apostrophes),
		cmocka_unit_test(straight_and_curly_paired),
		cmocka_unit_test(cjk_ideographic_comma_is_a_clause),
		cmocka_unit_test(cjk_term_dropped),
		cmocka_unit_test(title_counted_by_words),
		cmocka_unit_test(span_fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
