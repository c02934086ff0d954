#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../scale.h"
#include <unistr.h>
#include "text.h"

static char *san(const char *in, size_t n)
{
	char *out;
	size_t len;
	assert_int_equal(text_sanitize(in, n, &out, &len), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

static void expect(const char *in, size_t n, const char *want)
{
	char *got = san(in, n);
	assert_string_equal(got, want);
	free(got);
}

#define EXPECT(in, want) expect(in, sizeof(in) - 1, want)

static void test_plain_text_unchanged(void **state)
{
	EXPECT("Hello, world.\n\tTabbed ÆØÅ 中文 👩‍💻", "Hello, world.\n\tTabbed ÆØÅ 中文 👩‍💻");
	assert_true(text_is_safe("plain\ttext\n", 11));
}

/* Safe text is copied as it is (one check, one copy), whatever its
 * length; a leading BOM still goes, and a name on one line still shows
 * its tabs. */
static void test_safe_text_copied_as_it_is(void **state)
{
	static const char safe[] = "A line \xE2\x80\x9Cquoted\xE2\x80\x9D, caf\xC3\xA9,\tand \xE6\x97\xA5\xE6\x9C\xAC.\n";
	for (size_t n = 0; n < sizeof safe; n++) {
		if (n && ((unsigned char)safe[n] & 0xC0) == 0x80)
			continue;   /* not a sequence's end */
		char *out = san(safe, n);
		assert_memory_equal(out, safe, n);
		assert_int_equal(out[n], '\0');
		assert_true(out != safe);
		free(out);
	}
	EXPECT("\xEF\xBB\xBFText after a BOM", "Text after a BOM");
	char *out;
	size_t len;
	assert_int_equal(text_sanitize_line("a\tb", 3, &out, &len), 0);
	assert_string_equal(out, "a\xE2\x90\x89" "b");
	free(out);
	assert_int_equal(text_sanitize_line("plain name.txt", 14, &out, &len), 0);
	assert_string_equal(out, "plain name.txt");
	free(out);
}

static void test_invalid_utf8_becomes_replacement(void **state)
{
	EXPECT("a\x80z", "a\xEF\xBF\xBDz");                      /* stray continuation */
	EXPECT("a\xC0\xAFz", "a\xEF\xBF\xBD\xEF\xBF\xBDz");       /* overlong '/' */
	EXPECT("a\xED\xA0\x80z", "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"); /* surrogate */
	EXPECT("a\xE2\x82z", "a\xEF\xBF\xBDz");                  /* truncated, one subpart */
	EXPECT("a\xF4\x90\x80\x80z", "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"); /* > U+10FFFF */
	EXPECT("end\xE2\x82", "end\xEF\xBF\xBD");                /* truncated at the end */
	EXPECT("\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_controls_become_pictures(void **state)
{
	EXPECT("a\x1b[31mb", "a\xE2\x90\x9B[31mb");             /* ESC -> U+241B */
	expect("a\0b", 3, "a\xE2\x90\x80" "b");                   /* NUL -> U+2400 */
	EXPECT("\x07\x7f", "\xE2\x90\x87\xE2\x90\xA1");          /* BEL, DEL */
	EXPECT("x\xC2\x9B" "31m", "x\xE2\x90\xA6" "31m");         /* C1 CSI */
	EXPECT("\xE2\x80\xAE" "evil", "\xE2\x90\xA6" "evil");     /* RLO */
	EXPECT("\xE2\x81\xA6" "x", "\xE2\x90\xA6" "x");           /* LRI */
}

static void test_line_ends_and_bom(void **state)
{
	EXPECT("a\r\nb\rc\n", "a\nb\nc\n");
	EXPECT("\xEF\xBB\xBFtitle", "title");
	EXPECT("x\xEF\xBB\xBFy", "x\xEF\xBB\xBFy");               /* only a leading BOM goes */
	/* found by fuzzing: a second BOM was left leading, which text_is_safe
	 * refuses, so sanitizing twice changed the text */
	EXPECT("\xEF\xBB\xBF\xEF\xBB\xBF" "BOM twice", "BOM twice");
	EXPECT("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF", "");
	EXPECT("a\xE2\x80\xA8" "b\xC2\x85" "c", "a\nb\nc");
	assert_int_equal(text_safe_prefix("\xEF\xBB\xBFx", 4), 0);
	assert_int_equal(text_safe_prefix("ab\x1b", 3), 2);
}

static void test_detect(void **state)
{
	assert_int_equal(text_detect("plain text here", 15), TEXT_UTF8);
	assert_int_equal(text_detect("\xFF\xFEh\0i\0", 6), TEXT_UTF16LE);
	assert_int_equal(text_detect("\xFE\xFF\0h\0i", 6), TEXT_UTF16BE);
	const char *latin = "Caf\xE9 au lait, tr\xE8s bien, d\xE9j\xE0 vu and more text";
	assert_int_equal(text_detect(latin, strlen(latin)), TEXT_CP1252);
	const char *cp1252 = "\x93We are ready,\x94 said the mayor \x96 and the town\x92s council agreed.";
	assert_int_equal(text_detect(cp1252, strlen(cp1252)), TEXT_CP1252);
	/* a byte Windows-1252 leaves undefined: not single-byte text */
	const char *hole = "Some words \x81 and \x8D and \x8F and \x90 here";
	assert_int_not_equal(text_detect(hole, strlen(hole)), TEXT_CP1252);
	char zeros[4096] = { 0 };
	assert_int_equal(text_detect(zeros, sizeof zeros), TEXT_BINARY);
	char elf[256];
	for (int i = 0; i < 256; i++)
		elf[i] = (char)i;
	assert_int_equal(text_detect(elf, sizeof elf), TEXT_BINARY);
}

static void test_convert(void **state)
{
	char *out;
	size_t n;
	assert_int_equal(text_convert(TEXT_UTF16LE, "\xFF\xFEh\0\xE6\0=\xD8\x00\xDE", 10, &out, &n), 0);
	assert_string_equal(out, "h\xC3\xA6\xF0\x9F\x98\x80");   /* hæ😀 */
	free(out);
	assert_int_equal(text_convert(TEXT_CP1252, "caf\xE9", 4, &out, &n), 0);
	assert_string_equal(out, "caf\xC3\xA9");
	free(out);
	/* 0x80..0x9F: Windows-1252's quotes, dashes and euro; its five holes stay C1 */
	assert_int_equal(text_convert(TEXT_CP1252, "\x93Hi\x94 \x96 \x80\x85\x81", 10, &out, &n), 0);
	assert_string_equal(out, "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC\xE2\x80\xA6\xC2\x81");
	free(out);
}

/* Random bytes in, valid UTF-8 with no C0 (but TAB/LF), DEL, C1 or bidi controls out. */
static void test_property_output_is_display_safe(void **state)
{
	srand(42);
	char in[512];
	for (int round = 0, rounds = test_rounds(3000, 100); round < rounds; round++) {
		size_t n = (size_t)(rand() % (int)sizeof in);
		for (size_t i = 0; i < n; i++) {
			int r = rand() % 10;
			in[i] = (char)(r < 4 ? 'a' + rand() % 26 : r < 6 ? 0x80 + rand() % 0x80 : rand() % 256);
		}
		char *out = san(in, n);
		size_t len = strlen(out);
		assert_null(u8_check((const uint8_t *)out, len));
		const uint8_t *p = (const uint8_t *)out, *end = p + len;
		while (p < end) {
			ucs4_t c;
			int k = u8_mbtouc(&c, p, (size_t)(end - p));
			assert_false(c < 0x20 && c != '\t' && c != '\n');
			assert_false(c >= 0x7F && c <= 0x9F);
			assert_false((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
			p += k;
		}
		assert_true(text_is_safe(out, len));
		free(out);
	}
}

/* The display-safe prefix by its definition, one code point at a time:
 * well-formed UTF-8 with no C0 (but TAB and LF), DEL, C1, bidi control or
 * line separator, after no leading BOM. */
static size_t reference_safe_prefix(const char *s, size_t n)
{
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 0;
	size_t i = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);
		if (k < 0 || (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) ||
		    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)
			break;
		i += (size_t)k;
	}
	return i;
}

/* The fast safety scan (16 bytes a step, sequences checked as bit masks)
 * against the definition, over text made of the sequences at its edges:
 * the E2 punctuation it takes and the E2 controls it must not, E0 and ED
 * with their limits, sequences cut short, stray continuation bytes. */
static void test_property_safe_prefix_matches_definition(void **state)
{
	static const char *const piece[] = {
		"a", "word ", "\t", "\n", "\r", "\x1b", "\x7f", "\xC3\xA9", "\xC2\xA0", "\xC2\x85", "\xC2\x9F",
		"\xDF\xBF", "\xE2\x80\x9C", "\xE2\x80\x94", "\xE2\x80\xA6", "\xE2\x80\xA7", "\xE2\x80\xA8",
		"\xE2\x80\xA9", "\xE2\x80\xAA", "\xE2\x80\xAE", "\xE2\x80\xAF", "\xE2\x81\x80", "\xE2\x81\xA6",
		"\xE2\x81\xA9", "\xE2\x82\xAC", "\xE2\xBF\xBF", "\xE0\xA0\x80", "\xE0\x80\x80", "\xE0\x9F\xBF",
		"\xED\x9F\xBF", "\xED\xA0\x80", "\xE4\xB8\xAD", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80",
		"\x80", "\xBF", "\xE4\xB8", "\xE2\x80", "\xE2", "\xC3", "\xF0\x9F\x98", "\xC0\x80", "\xFF",
	};
	static const char *const plain_run[3][4] = {   /* safe text the steps take whole */
		{ "a", "word ", "\xC3\xA9", "\xE4\xB8\xAD" },
		{ "\xE2\x80\x9C", "\xE2\x80\x94", "\xE4\xB8\xAD", "x" },
		{ "\xE2\x82\xAC", "\xE2\xBF\xBF", "\xEF\xBF\xBD", "b " },
	};
	const size_t npiece = sizeof piece / sizeof *piece;
	char buf[600];
	(void)state;
	srand(7);
	for (int round = 0, rounds = test_rounds(20000, 100); round < rounds; round++) {
		size_t n = 0;
		int plain = rand() % 4;   /* often long runs of one kind, so whole steps pass */
		while (n < 500) {
			const char *p = plain && rand() % 16 ? plain_run[plain - 1][rand() % 4] : piece[(size_t)rand() % npiece];
			size_t k = strlen(p);
			memcpy(buf + n, p, k);
			n += k;
			if (rand() % 40 == 0)
				break;
		}
		for (size_t cut = n; cut + 40 > n && cut > 0; cut--)
			assert_int_equal(text_safe_prefix(buf, cut), reference_safe_prefix(buf, cut));
	}
}

/* A big text is checked in two halves on two threads: whatever stands at
 * the split (a sequence across it, a control, stray continuation bytes, a
 * BOM), the answer is the one the definition gives for the whole. */
static void test_big_text_checked_in_halves(void **state)
{
	static const char *const at_mid[] = {
		"\xE4\xB8\xAD", "\xC3\xA9", "\xF0\x9F\x98\x80", "\x1b", "\x80\x80\x80\x80", "\xEF\xBB\xBF",
		"\xE2\x80\xAE", "\xE4\xB8", "\r\n", "\xC2\x85",
	};
	const size_t n = 5 * 700001;   /* over 3 MiB, in whole patterns */
	char *buf = malloc(n);
	(void)state;
	assert_non_null(buf);
	for (size_t i = 0; i < n; i++)
		buf[i] = "ab\xC3\xA9 "[i % 5];   /* whole sequences, ending on a space */
	assert_true(text_is_safe(buf, n));
	for (size_t k = 0; k < sizeof at_mid / sizeof *at_mid; k++)
		for (size_t shift = 0; shift < 6; shift++) {
			char *copy = malloc(n);
			assert_non_null(copy);
			memcpy(copy, buf, n);
			memcpy(copy + n / 2 - 3 + shift, at_mid[k], strlen(at_mid[k]));
			assert_int_equal(text_is_safe(copy, n), reference_safe_prefix(copy, n) == n);
			free(copy);
		}
	buf[n - 1] = '\x7f';
	assert_false(text_is_safe(buf, n));
	buf[n - 1] = ' ';
	buf[1] = '\x1b';
	assert_false(text_is_safe(buf, n));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_safe_text_copied_as_it_is),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement),
		cmocka_unit_test(test_controls_become_pictures),
		cmocka_unit_test(test_line_ends_and_bom),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_property_output_is_display_safe),
		cmocka_unit_test(test_property_safe_prefix_matches_definition),
		cmocka_unit_test(test_big_text_checked_in_halves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
