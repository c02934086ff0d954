#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "twin.h"

static void *add_one(void *arg)
{
	int *n = arg;
	for (int i = 0; i < 1000000; i++)
		(*n)++;
	return NULL;
}

/* Each argument gets its own call, and both are done on return. */
static void test_both_run_before_return(void **state)
{
	int here = 0, there = 5;
	(void)state;
	twin_run(add_one, &here, &there);
	assert_int_equal(here, 1000000);
	assert_int_equal(there, 1000005);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_run_before_return),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
