/* Rounds of the property tests, scaled down where the program runs many
 * times slower than native: tests/valgrind/run.sh sets QUOTH_TEST_SCALE=10
 * (memcheck runs unit tests 20-50 times slower), and a tenth of the random
 * rounds still takes every branch the generators reach. The plain and ASan
 * runs keep every round. */
#ifndef QUOTH_TEST_SCALE_H
#define QUOTH_TEST_SCALE_H

#include <stdlib.h>

static inline long test_scale(void)
{
	const char *s = getenv("QUOTH_TEST_SCALE");
	long d = s ? strtol(s, NULL, 10) : 1;
	return d < 1 ? 1 : d;
}

/* n rounds divided by the scale, at least `least` */
static inline int test_rounds(int n, int least)
{
	long r = n / test_scale();
	return r < least ? least : (int)r;
}

/* a size in bytes divided by the scale, at least `least` */
static inline size_t test_bytes(size_t n, size_t least)
{
	size_t r = n / (size_t)test_scale();
	return r < least ? least : r;
}

#endif
