/* The branch-free forms of the attribution's small helpers against the
 * plain loops they replace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
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

/* The plain form: every character decoded, its case asked. */
static bool all_caps_decoded(const char *t, size_t s, size_t e)
{
	size_t letters = 0;
	for (size_t i = s; i < e;) {
		int len;
		unsigned ch = tok_decode(t + i, e - i, &len);
		if (tok_is_alnum(ch) && !(ch >= '0' && ch <= '9')) {
			if (!tok_is_upper(ch))
				return false;
			letters++;
		}
		i += (size_t)len;
	}
	return letters >= 2;
}

/* mention_all_caps, whose ASCII bytes skip the decoding, against the
 * decoding loop: words made of ASCII capitals, small letters, digits and
 * marks around either side of the letters' ranges, and capitals, small
 * letters and other characters of two and three bytes, cut anywhere. */
static void all_caps_as_decoded(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"A", "Z", "a", "z", "@", "[", "`", "{", "0", "9", "-", ".", "'", "\xC3\x89", "\xC3\xA9", "\xC3\x9F",
		"\xC4\xB0", "\xCE\xA3", "\xCF\x83", "\xD0\x96", "\xE2\x80\x99", "\xE4\xBA\xBA", "\xC3",
	};
	unsigned seed = 11;
	char t[24];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		for (int k = (int)((seed >> 4) % 6); k >= 0; k--) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof *pieces)];
			size_t l = strlen(p);
			if (n + l > sizeof t)
				break;
			memcpy(t + n, p, l);
			n += l;
		}
		for (size_t s = 0; s <= n; s++)
			assert_int_equal(mention_all_caps(t, s, n), all_caps_decoded(t, s, n));
	}
	assert_true(mention_all_caps("NATO", 0, 4));
	assert_false(mention_all_caps("Nato", 0, 4));
	assert_false(mention_all_caps("A1", 0, 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bucket_as_the_walk),
		cmocka_unit_test(all_caps_as_decoded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
