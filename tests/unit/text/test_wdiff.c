/* Words for comparison, and word-level differences between two wordings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"
#include "wdiff.h"
#include <unictype.h>
#include <unistr.h>
#include "words.h"
#include "pieces.h"

/* The words of s, joined by '|'. */
static char *words_of(const char *s)
{
	strbuf b;
	sb_init(&b);
	size_t pos = 0, a, e, n = strlen(s);
	while (words_next(s, n, &pos, &a, &e)) {
		if (b.len)
			sb_putc(&b, '|');
		sb_add(&b, s + a, e - a);
	}
	return b.s ? sb_take(&b) : strdup("");
}

static void expect_words(const char *s, const char *want)
{
	char *got = words_of(s);
	assert_string_equal(got, want);
	free(got);
}

static void test_words(void **state)
{
	expect_words("“We don't,” she said - twice.", "We|don't|she|said|twice");
	expect_words("a co-op’s well-planned 2nd try", "a|co-op’s|well-planned|2nd|try");
	expect_words("Før øen, «Ærø»!", "Før|øen|Ærø");
	expect_words("東京で会見", "東|京|で|会|見");
	expect_words("e\xCC\x81t\xC3\xA9 -- '' ", "e\xCC\x81t\xC3\xA9");
	expect_words("bad \xff\xfe bytes", "bad|bytes");
	expect_words("", "");
	assert_true(words_hash("The", 3) == words_hash("the", 3));
	assert_true(words_hash("ÆRØ", strlen("ÆRØ")) == words_hash("ærø", strlen("ærø")));
	assert_true(words_hash("don’t", strlen("don’t")) == words_hash("don't", 5));
	assert_false(words_hash("the", 3) == words_hash("then", 4));
}

/* FNV-1a over code points, then mixed, as words_hash was written before
 * its ASCII bytes took a loop of their own. */
static uint64_t ref_hash(const uint32_t *cp, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ cp[i]) * 1099511628211ULL;
	return h ^ (h >> 29);
}

/* words_hash's values are those of the lower-case code points, whichever
 * path a byte takes: ASCII alone, ASCII then other characters, and back
 * (the groups of same quotes are made of them). */
static void test_words_hash_values(void **state)
{
	(void)state;
	static const uint32_t zet[] = { 'z', 'e', 't', '@', '9' }, ecole[] = { 'e', 0xE9, 'c', 'o', 'l', 'e', 'x' };
	static const uint32_t dont[] = { 'd', 'o', 'n', '\'', 't' };
	assert_true(words_hash("ZeT@9", 5) == ref_hash(zet, 5));
	assert_true(words_hash("E\xC3\x89" "COLEX", 8) == ref_hash(ecole, 7));
	assert_true(words_hash("DON\xE2\x80\x99" "T", 7) == ref_hash(dont, 5));
	assert_true(words_hash("", 0) == ref_hash(NULL, 0));
}

/* The words as words_next made them before its ASCII took a path of its
 * own: every character classified alone (libunistring for the others). */
static int ref_kind(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char b = (unsigned char)s[i];
	*len = 1;
	if (b < 0x80) {
		bool alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
		return alnum ? 1 : b == '\'' || b == '-' ? 3 : 0;
	}
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	if (k <= 0 || c == 0xFFFD) {
		*len = k > 0 ? (size_t)k : 1;
		return 0;
	}
	*len = (size_t)k;
	if (c == 0x2019 || c == 0x2010 || c == 0x2011)
		return 3;
	if (uc_is_property_ideographic(c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x0E00 && c <= 0x0EFF) ||
	    (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF))
		return 2;
	return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M) ? 1 : 0;
}

static char *ref_words_of(const char *s)
{
	strbuf b;
	sb_init(&b);
	size_t n = strlen(s), i = 0, len, after;
	for (;;) {
		int k = 0;
		while (i < n && (k = ref_kind(s, n, i, &len)) != 1 && k != 2)
			i += len;
		if (i >= n)
			break;
		size_t start = i;
		i += len;
		while (k == 1 && i < n) {
			int next = ref_kind(s, n, i, &len);
			if (next == 1)
				i += len;
			else if (next == 3 && i + len < n && ref_kind(s, n, i + len, &after) == 1)
				i += len + after;
			else
				break;
		}
		if (b.len)
			sb_putc(&b, '|');
		sb_add(&b, s + start, i - start);
	}
	return b.s ? sb_take(&b) : strdup("");
}

/* ASCII's own path finds the same words as every character classified
 * alone, whatever is around its joins and separators. */
static void test_words_ascii_path(void **state)
{
	(void)state;
	static const char *const piece[] = { "a", "Z", "9", " ", "'", "-", ".", ",", "\u2019", "\u2010", "\u00E9",
	                                     "\u6771", "\xCC\x81", "\xff", "\u2014", "\u201C", "\n", "\u0416" };
	uint32_t seed = 12345;
	for (int t = 0; t < 20000; t++) {
		char s[128];
		pieces_string(&seed, piece, sizeof piece / sizeof *piece, 12, s, sizeof s);
		char *want = ref_words_of(s), *got = words_of(s);
		assert_string_equal(got, want);
		free(want);
		free(got);
	}
}

/* The differences as "=same -dropped +added" runs. */
static char *diff_of(const char *a, const char *b)
{
	wdiff d;
	assert_int_equal(wdiff_words(a, strlen(a), b, strlen(b), &d), 0);
	strbuf out;
	sb_init(&out);
	for (size_t i = 0; i < d.n; i++) {
		const wdiff_op *op = &d.v[i];
		const char *s = op->kind == WD_DROPPED ? a + op->a_start : b + op->b_start;
		size_t n = op->kind == WD_DROPPED ? op->a_end - op->a_start : op->b_end - op->b_start;
		sb_printf(&out, "%s%c%.*s", i ? " " : "", "=-+"[op->kind], (int)n, s);
	}
	wdiff_free(&d);
	return out.s ? sb_take(&out) : strdup("");
}

static void expect_diff(const char *a, const char *b, const char *want)
{
	char *got = diff_of(a, b);
	assert_string_equal(got, want);
	free(got);
}

static void test_differences(void **state)
{
	expect_diff("gives the young workers a future here", "gives young workers a real future",
	            "=gives -the =young workers a +real =future -here");
	/* a changed word: dropped, then added in its place */
	expect_diff("we will never accept it", "we will not accept it", "=we will -never +not =accept it");
	/* case and punctuation are not differences */
	expect_diff("We gave more, but peace.", "we gave more but PEACE", "=we gave more but PEACE");
	expect_diff("", "all new words", "+all new words");
	expect_diff("all gone", "", "-all gone");
	expect_diff("same", "same", "=same");
}

static void test_counts_and_long_texts(void **state)
{
	wdiff d;
	const char *a = "one two three four", *b = "one three four five";
	assert_int_equal(wdiff_words(a, strlen(a), b, strlen(b), &d), 0);
	assert_int_equal(d.same, 3);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(d.added, 1);
	wdiff_free(&d);
	/* longer than WDIFF_MAX_WORDS: not aligned, still complete */
	strbuf big;
	sb_init(&big);
	for (int i = 0; i <= WDIFF_MAX_WORDS; i++)
		sb_puts(&big, "word ");
	assert_int_equal(wdiff_words(big.s, big.len, "word", 4, &d), 0);
	assert_int_equal(d.dropped, WDIFF_MAX_WORDS + 1);
	assert_int_equal(d.added, 1);
	wdiff_free(&d);
	sb_free(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_words_hash_values),
		cmocka_unit_test(test_words_ascii_path),
		cmocka_unit_test(test_differences),
		cmocka_unit_test(test_counts_and_long_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
