/* The article's tokens (tok.h): the lookups of a position among them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "tok.h"

/* tok_doc_first_at against a walk over the tokens, and against
 * tok_doc_range's first, at every byte of a text with spaces, punctuation
 * and a paragraph break. */
static void first_at_every_position(void **state)
{
	(void)state;
	const char *t = "The mayor, said Ann Lee.  It rains!\n\nWe (all) know: yes.";
	size_t len = strlen(t);
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, len, LANG_EN, NULL, 0), 0);
	assert_true(td.n > 10);
	for (size_t pos = 0; pos <= len + 1; pos++) {
		size_t want = 0;
		while (want < td.n && td.v[want].s < pos)
			want++;
		size_t first;
		tok_doc_range(&td, pos, pos, &first);
		assert_int_equal(tok_doc_first_at(&td, pos), want);
		assert_int_equal(first, want);
	}
	tok_doc_free(&td);
	tok_doc empty = { 0 };
	assert_int_equal(tok_doc_first_at(&empty, 3), 0);
}

/* The same over a text of many blocks of the lookup's index, with a
 * quote's words passed over as one token and a stretch left without any,
 * and with the index missing (the search it falls back to). */
static void first_at_across_blocks(void **state)
{
	(void)state;
	char t[2048] = "";
	for (int i = 0; i < 12; i++)
		strcat(t, "A clerk, who read it twice, said: \"It was never sent to anyone here.\"\n\n"
		          "       Nothing   else.   ");
	size_t len = strlen(t);
	const char *q = strchr(t, '"') + 1;
	tok_skip skip[2] = { { (size_t)(q - t), (size_t)(strchr(q, '"') - t), true }, { 400, 700, false } };
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, len, LANG_EN, skip, 2), 0);
	assert_non_null(td.at);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t pos = 0; pos <= len + 70; pos++) {
			size_t want = 0;
			while (want < td.n && td.v[want].s < pos)
				want++;
			size_t first;
			tok_doc_range(&td, pos, pos + 9, &first);
			assert_int_equal(tok_doc_first_at(&td, pos), want);
			assert_int_equal(first, want);
		}
		td.nat = 0;   /* the search without the index */
	}
	tok_doc_free(&td);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_at_every_position),
		cmocka_unit_test(first_at_across_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
