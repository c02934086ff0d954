/* The branch-free forms of the attribution's small helpers against the
 * plain loops they replace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "speech.h"

/* The plain form: step up while d passes the bucket's limit. */
static uint8_t bucket_walk(size_t d, const size_t *limits, uint8_t n)
{
	uint8_t b = 0;
	while (b + 1 < n && d > limits[b])
		b++;
	return b;
}

/* speech_bucket against the walk for every d up to past the last limit,
 * for limits as the atoms have them (rising, gaps of one and more) and a
 * single bucket. */
static void bucket_as_the_walk(void **state)
{
	(void)state;
	static const size_t a[] = { 1, 3, 6, 10, 20 }, b[] = { 1, 2, 4 }, c[] = { 0, 5, 6, 7 }, one[] = { 9 };
	static const struct {
		const size_t *limits;
		uint8_t n;
	} sets[] = { { a, 6 }, { a, 3 }, { b, 4 }, { c, 5 }, { one, 2 }, { one, 1 } };
	for (size_t s = 0; s < sizeof sets / sizeof *sets; s++)
		for (size_t d = 0; d < 40; d++)
			assert_int_equal(speech_bucket(d, sets[s].limits, sets[s].n), bucket_walk(d, sets[s].limits, sets[s].n));
	assert_int_equal(speech_bucket(SIZE_MAX, a, 6), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bucket_as_the_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
