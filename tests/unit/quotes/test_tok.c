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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_at_every_position),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
