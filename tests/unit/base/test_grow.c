/* GROW(): the one array-growth helper, and the error table it reports with. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "error.h"
#include "grow.h"

static void grows_by_doubling_from_first(void **state)
{
	int *v = NULL;
	size_t cap = 0;
	assert_int_equal(GROW(v, cap, 1, 8), 0);
	assert_int_equal(cap, 8);
	for (int i = 0; i < 8; i++)
		v[i] = i;
	assert_int_equal(GROW(v, cap, 9, 8), 0);
	assert_int_equal(cap, 16);
	for (int i = 0; i < 8; i++)
		assert_int_equal(v[i], i);   /* the contents move with the array */
	assert_int_equal(GROW(v, cap, 100, 8), 0);
	assert_int_equal(cap, 128);
	free(v);
}

static void leaves_a_big_enough_array_alone(void **state)
{
	char *v = malloc(32);
	assert_non_null(v);
	char *before = v;
	size_t cap = 32;
	assert_int_equal(GROW(v, cap, 32, 4), 0);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 32);
	free(v);
}

static void refuses_a_size_that_overflows(void **state)
{
	uint64_t *v = NULL;
	size_t cap = 0;
	assert_int_equal(GROW(v, cap, SIZE_MAX / 4, 16), Q_ENOMEM);
	assert_null(v);
	assert_int_equal(cap, 0);   /* unchanged on failure */
	assert_int_equal(GROW(v, cap, SIZE_MAX, 16), Q_ENOMEM);
	assert_int_equal(cap, 0);
}

static void every_error_code_has_its_own_words(void **state)
{
	static const int codes[] = {
#define CODE(name, value, message) name,
		Q_ERRORS(CODE)
#undef CODE
	};
	size_t n = sizeof codes / sizeof *codes;
	for (size_t i = 0; i < n; i++) {
		const char *m = error_message(codes[i]);
		assert_string_not_equal(m, "unknown error");
		for (size_t j = 0; j < i; j++) {
			assert_int_not_equal(codes[i], codes[j]);
			assert_string_not_equal(m, error_message(codes[j]));
		}
	}
	assert_string_equal(error_message(12345), "unknown error");
	assert_int_equal(error_exit_status(Q_EUSAGE), 2);
	assert_int_equal(error_exit_status(Q_EIO), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_by_doubling_from_first),
		cmocka_unit_test(leaves_a_big_enough_array_alone),
		cmocka_unit_test(refuses_a_size_that_overflows),
		cmocka_unit_test(every_error_code_has_its_own_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
