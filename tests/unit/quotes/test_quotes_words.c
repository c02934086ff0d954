/* The quote engine's reading of words (src/quotes/tok.c): ASCII letters are read
 * eight bytes at a time and words of up to eight bytes looked up from a
 * register, so names and cue verbs of every length around those steps,
 * upper case, accents, apostrophes, hyphens, digits and a word that ends
 * the text must still come out whole. */
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

/* The speakers of the quotes of text, joined with " | " ("-" for none). */
static char *speakers(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	char *out = calloc(1, 1024);
	assert_non_null(out);
	for (size_t i = 0; i < l.n; i++) {
		const char *spk = l.v[i].speaker ? l.v[i].speaker : "-";
		assert_true(strlen(out) + strlen(spk) + 4 < 1024);
		if (i)
			strcat(out, " | ");
		strcat(out, spk);
	}
	quote_list_free(&l);
	doc_free(d);
	return out;
}

#define EXPECT(text, want)                          \
	do {                                            \
		char *got_ = speakers(text);                \
		assert_string_equal(got_, want);            \
		free(got_);                                 \
	} while (0)

/* A name of n letters: a capital, then lower-case letters from from[]. */
static void name_of(char *buf, char first, const char *from, size_t n)
{
	buf[0] = first;
	for (size_t i = 1; i < n; i++)
		buf[i] = from[(i - 1) % strlen(from)];
	buf[n] = '\0';
}

static void names_of_every_length(void **state)
{
	/* first names of 1 to 17 letters, last names of 1 to 40 (longer than
	 * the longest word the lists hold, 31 bytes): every split of a word
	 * over eight-byte steps */
	static const size_t firsts[] = { 1, 2, 3, 7, 8, 9, 15, 16, 17 };
	for (size_t f = 0; f < sizeof firsts / sizeof *firsts; f++) {
		for (size_t n = 1; n <= 40; n++) {
			char first[48], last[48], text[256], want[128];
			name_of(first, 'A', "bcdefghijklmnopq", firsts[f]);
			name_of(last, 'K', "mnopqrstuvwxyzabcdefghijkl", n);
			snprintf(text, sizeof text, "News\n\n\"We will build the bridge next year,\" said %s %s on Monday.\n",
			         first, last);
			snprintf(want, sizeof want, "%s %s", first, last);
			char *got = speakers(text);
			if (strcmp(got, want))
				fail_msg("first %zu, last %zu letters: got '%s'", firsts[f], n, got);
			free(got);
		}
	}
}

static void cue_verbs_of_every_length_and_case(void **state)
{
	/* up to eight bytes a word is looked up from the register it was read
	 * into, beyond from its bytes: both must find it, upper case too */
	static const char *const verbs[] = { "said", "added", "stated", "claimed", "declared", "explained",
	                                     "acknowledged", "SAID", "ADDED", "STATED", "CLAIMED", "DECLARED",
	                                     "EXPLAINED", "ACKNOWLEDGED", "Declared", "AcKnOwLeDgEd" };
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
		char text[256];
		snprintf(text, sizeof text, "News\n\n\"We will build the bridge next year,\" %s Anna Berg.\n", verbs[i]);
		char *got = speakers(text);
		if (strcmp(got, "Anna Berg"))
			fail_msg("cue '%s': got '%s'", verbs[i], got);
		free(got);
	}
	/* a word that is no cue is not taken for one */
	const char *text = "News\n\n\"We will build the bridge next year,\" saidx Anna Berg.\n";
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	assert_int_equal(l.n, 1);
	assert_null(l.v[0].cue);
	quote_list_free(&l);
	doc_free(d);
}

static void word_at_the_end_of_the_text(void **state)
{
	/* fewer than eight bytes after the word's start: the byte loop reads it */
	EXPECT("News\n\n\"We will build the bridge next year,\" said Berg", "Berg");
	EXPECT("News\n\n\"We will build the bridge next year,\" said Anna Berg", "Anna Berg");
	EXPECT("News\n\n\"We will build the bridge next year,\" said Mary O'Brien-McAllister.",
	       "Mary O'Brien-McAllister");
}

static void upper_case_and_accents(void **state)
{
	/* a cue verb in capitals is lower-cased eight bytes at a time */
	EXPECT("News\n\n\"We will build the bridge next year,\" SAID Anna Berg.\n", "Anna Berg");
	EXPECT("News\n\nMayor ANNA BERG said: \"We will build the bridge next year.\"\n", "ANNA BERG");
	/* letters beyond ASCII stop the eight-byte step and go on byte by byte */
	EXPECT("News\n\n\"We will build the bridge next year,\" said Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-\xC3\x98"
	       "berg on Monday.\n",
	       "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-\xC3\x98" "berg");
}

static void digits_and_pronouns(void **state)
{
	EXPECT("News\n\nAnna Berg, 42, said: \"We will build the bridge next year.\" She added: \"It will cost "
	       "40,000,000 kroner.\"\n",
	       "Anna Berg | Anna Berg");
	EXPECT("News\n\n\"We will build the bridge next year,\" Anna Berg told reporters in Washington on "
	       "Monday.\n",
	       "Anna Berg");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_of_every_length),
		cmocka_unit_test(cue_verbs_of_every_length_and_case),
		cmocka_unit_test(word_at_the_end_of_the_text),
		cmocka_unit_test(upper_case_and_accents),
		cmocka_unit_test(digits_and_pronouns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
