/* The confidence's e^x (speech_exp_neg) against the library's exp: a few
 * units in the last place at most on the grid of score differences the
 * softmax reads (integers over the temperature of 1000), and the same
 * float confidence 1 / sum for sets of scores. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "speech.h"

static void near_exp_on_the_grid(void **state)
{
	(void)state;
	for (long d = 0; d < 745000; d++) {
		double x = (double)(-d) / 1000.0, want = exp(x), got = speech_exp_neg(x);
		if (fabs(got - want) > 4 * want * 0x1p-53) {
			print_error("d=%ld: %a, exp %a\n", d, got, want);
			fail();
		}
	}
	assert_true(speech_exp_neg(0.0) == 1.0);
	assert_true(speech_exp_neg(-800.0) == exp(-800.0));   /* past the table: the library's */
	assert_true(speech_exp_neg(0.5) == exp(0.5));
}

static void same_float_confidence(void **state)
{
	(void)state;
	unsigned seed = 7;
	for (int q = 0; q < 200000; q++) {
		int32_t s[32];
		size_t n = 2 + (size_t)(rand_r(&seed) % 30), b = 0;
		for (size_t i = 0; i < n; i++) {
			s[i] = (int32_t)(rand_r(&seed) % 40001) - 20000;
			if (s[i] > s[b])
				b = i;
		}
		double lib = 0, ours = 0;
		for (size_t i = 0; i < n; i++) {
			double x = ((double)s[i] - s[b]) / 1000.0;
			lib += exp(x);
			ours += i == b ? 1.0 : speech_exp_neg(x);
		}
		assert_true((float)(1.0 / lib) == (float)(1.0 / ours));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(near_exp_on_the_grid),
		cmocka_unit_test(same_float_confidence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
