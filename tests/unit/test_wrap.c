/* Tests of the wrap layer: widths, breaks, properties over random text,
 * segments of giant paragraphs, the view. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <unigbrk.h>
#include <unistr.h>
#include "doc.h"
#include "wrap.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct rows {
	wrap_row *r;
	size_t n, cap;
} rows;

static rows wrap_text(const char *t, size_t n, int width, int tabwidth)
{
	rows v = { 0 };
	assert_int_equal(wrap_range(t, 0, n, 0, width, tabwidth, &v.r, &v.n, &v.cap), 0);
	return v;
}

/* The rows as "row|row|row". */
static char *joined(const char *t, const rows *v)
{
	size_t len = 1;
	for (size_t i = 0; i < v->n; i++)
		len += v->r[i].end - v->r[i].start + 1;
	char *o = malloc(len), *p = o;
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			*p++ = '|';
		memcpy(p, t + v->r[i].start, v->r[i].end - v->r[i].start);
		p += v->r[i].end - v->r[i].start;
	}
	*p = '\0';
	return o;
}

static void expect_rows(const char *t, int width, const char *want)
{
	rows v = wrap_text(t, strlen(t), width, 8);
	char *got = joined(t, &v);
	if (strcmp(got, want))
		fail_msg("width %d: %s\nwant: %s\ngot:  %s", width, t, want, got);
	free(got);
	free(v.r);
}

/* Cluster starts of t[0..n) with every '\n' taken out (it joins the cluster before it). */
static char *cluster_starts(const char *t, size_t n)
{
	char *strip = malloc(n + 1), *gbs = malloc(n + 1), *gb = calloc(n + 1, 1);
	size_t *map = malloc((n + 1) * sizeof *map), m = 0;
	for (size_t i = 0; i < n; i++)
		if (t[i] != '\n') {
			strip[m] = t[i];
			map[m++] = i;
		}
	u8_grapheme_breaks((const uint8_t *)strip, m, gbs);
	for (size_t k = 0; k < m; k++)
		gb[map[k]] = gbs[k];
	gb[0] = 1;
	gb[n] = 1;
	free(strip);
	free(gbs);
	free(map);
	return gb;
}

/* The properties every wrap must have: rows in order, only spaces between
 * them (so joining them with the dropped spaces gives the text back), each
 * row within the width unless it is one cluster wider than the width, its
 * cols what wrap_str_width says, and no row boundary inside a cluster. */
static void check_properties(const char *t, size_t start, size_t end, const wrap_row *r, size_t n,
                             int width, int tabwidth)
{
	assert_true(n >= 1);
	int tw = wrap_tabwidth(width, tabwidth);
	char *gb = cluster_starts(t + start, end - start);
	size_t prev_end = start;
	for (size_t i = 0; i < n; i++) {
		assert_true(r[i].start <= r[i].end);
		assert_true(r[i].start >= prev_end);
		for (size_t k = prev_end; k < r[i].start; k++)
			if (t[k] != ' ')
				fail_msg("row %zu: non-space byte %02x dropped at %zu", i, (unsigned char)t[k], k);
		if (i == 0)
			assert_int_equal(r[i].start, start);
		assert_true(gb[r[i].start - start]);
		assert_true(gb[r[i].end - start] || r[i].end == end || t[r[i].end] == '\n');
		int w = wrap_str_width(t + r[i].start, r[i].end - r[i].start, tw);
		assert_int_equal(w, r[i].cols);
		if (w > width) {
			size_t len;
			/* one cluster wider than the width, maybe with zero-width clusters */
			int cw = wrap_cluster_width(t + r[i].start, r[i].end - r[i].start, 0, tw, &len);
			if (cw <= width)
				fail_msg("row %zu is %d columns at width %d", i, w, width);
		}
		prev_end = r[i].end;
	}
	for (size_t k = prev_end; k < end; k++)
		if (t[k] != ' ')
			fail_msg("text after the last row dropped at %zu", k);
	free(gb);
}

/* ---- widths ------------------------------------------------------------- */

static int width_of(const char *s)
{
	return wrap_str_width(s, strlen(s), 8);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(width_of("hello"), 5);
	assert_int_equal(width_of("blåbærgrød"), 10);
	assert_int_equal(width_of("日本語"), 6);
	assert_int_equal(width_of("e\xcc\x81"), 1);                  /* e + combining acute */
	assert_int_equal(width_of("a\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"), 1);
	assert_int_equal(width_of("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"), 4);  /* ZWJ sequence */
	assert_int_equal(width_of("\xe2\x9d\xa4\xef\xb8\x8f"), 1);   /* heart + VS16 */
	assert_int_equal(width_of("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"), 4);  /* thumbs up + skin tone */
	assert_int_equal(width_of("\xf0\x9f\x87\xa9\xf0\x9f\x87\xb0"), 2);  /* flag DK */
	assert_int_equal(width_of("\xc2\xad"), 1);                   /* soft hyphen, as wcwidth */
	assert_int_equal(width_of("a\tb"), 9);
	assert_int_equal(width_of("abcdefgh\tb"), 17);
	assert_int_equal(width_of("counter-\naccusations"), 19);
	assert_int_equal(width_of("\xcd\xb8"), 1);                   /* unassigned U+0378 */
	assert_int_equal(width_of("\xef\xbf\xbd"), 1);               /* U+FFFD */
}

static void test_cluster_width(void **state)
{
	(void)state;
	size_t len;
	const char *zwj = "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbbx";
	assert_int_equal(wrap_cluster_width(zwj, strlen(zwj), 0, 8, &len), 4);
	assert_int_equal(len, strlen(zwj) - 1);
	assert_int_equal(wrap_cluster_width("\tx", 2, 3, 8, &len), 5);
	assert_int_equal(len, 1);
	assert_int_equal(wrap_cluster_width("-\nx", 3, 0, 8, &len), 1);
	assert_int_equal(len, 1);
	assert_int_equal(wrap_cluster_width("\nx", 2, 0, 8, &len), 0);
	assert_int_equal(len, 1);
	const char *flags = "\xf0\x9f\x87\xa9\xf0\x9f\x87\xb0\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa";
	assert_int_equal(wrap_cluster_width(flags, strlen(flags), 0, 8, &len), 2);
	assert_int_equal(len, 8);
	/* a long cluster: a base and 100 combining marks */
	char big[1 + 200 + 1];
	big[0] = 'a';
	for (int i = 0; i < 100; i++)
		memcpy(big + 1 + 2 * i, "\xcc\x81", 2);
	big[201] = 'b';
	assert_int_equal(wrap_cluster_width(big, sizeof big, 0, 8, &len), 1);
	assert_int_equal(len, 201);
}

/* Every code point against glibc's wcwidth, what ncursesw draws with. */
static void test_width_matches_wcwidth(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
		skip();
		return;
	}
	for (uint32_t c = 0xA0; c < 0x110000; c++) {
		if (c >= 0xD800 && c < 0xE000)
			continue;
		int w = wcwidth((wchar_t)c);
		int want = w < 0 ? 1 : w;
		if (wrap_char_width(c) != want)
			fail_msg("U+%04X: wrap %d, wcwidth %d", c, wrap_char_width(c), w);
	}
	setlocale(LC_CTYPE, "C");
}

/* ---- breaks ------------------------------------------------------------- */

static void test_basic(void **state)
{
	(void)state;
	expect_rows("the quick brown fox", 10, "the quick|brown fox");
	expect_rows("the quick brown fox", 9, "the quick|brown fox");
	expect_rows("the quick brown fox", 8, "the|quick|brown|fox");
	expect_rows("the quick brown fox", 100, "the quick brown fox");
	expect_rows("a    b", 2, "a|b");
	expect_rows("well-known fact", 7, "well-|known|fact");
	expect_rows("Hvad?  Ja!", 5, "Hvad?|Ja!");
	expect_rows("word !", 5, "word|!");
	expect_rows("x", 1, "x");
	expect_rows("", 10, "");
}

static void test_long_word(void **state)
{
	(void)state;
	expect_rows("abcdefghij", 4, "abcd|efgh|ij");
	expect_rows("go abcdefghij ok", 4, "go|abcd|efgh|ij|ok");
	/* clusters stay whole */
	expect_rows("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
}

static void test_cjk(void **state)
{
	(void)state;
	expect_rows("日本語のテキスト", 6, "日本語|のテキ|スト");
	expect_rows("日本語のテキスト", 5, "日本|語の|テキ|スト");
	expect_rows("日本。", 4, "日|本。");      /* no break before the full stop */
}

static void test_emoji(void **state)
{
	(void)state;
	const char *zwj = "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb";
	char t[64];
	snprintf(t, sizeof t, "%s%s%s", zwj, zwj, zwj);
	char want[80];
	snprintf(want, sizeof want, "%s|%s|%s", zwj, zwj, zwj);
	expect_rows(t, 4, want);
	snprintf(want, sizeof want, "%s%s|%s", zwj, zwj, zwj);
	expect_rows(t, 9, want);
}

static void test_tabs(void **state)
{
	(void)state;
	expect_rows("a\tb", 9, "a\tb");
	expect_rows("a\tb", 8, "a\t|b");
	expect_rows("abcdefghij\tk", 17, "abcdefghij\tk");
	rows v = wrap_text("a\tb\tc", 5, 4, 8);   /* tab width 4 at width 4 */
	check_properties("a\tb\tc", 0, 5, v.r, v.n, 4, 8);
	free(v.r);
}

static void test_width_one(void **state)
{
	(void)state;
	expect_rows("ab c", 1, "a|b|c");
	expect_rows("日本", 1, "日|本");     /* too wide: one per row */
	const char *t = "a\tb 日本 e\xcc\x81!";
	rows v = wrap_text(t, strlen(t), 1, 8);
	check_properties(t, 0, strlen(t), v.r, v.n, 1, 8);
	free(v.r);
}

static void test_hyphen_join(void **state)
{
	(void)state;
	expect_rows("counter-\naccusations fly", 30, "counter-\naccusations fly");
	expect_rows("counter-\naccusations fly", 12, "counter-\n|accusations|fly");
	/* the join is not a break of its own */
	expect_rows("abc\ndef", 4, "abc\nd|ef");
	rows v = wrap_text("counter-\naccusations", 20, 19, 8);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.r[0].cols, 19);
	free(v.r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_cluster_width),
		cmocka_unit_test(test_width_matches_wcwidth),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_emoji),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_width_one),
		cmocka_unit_test(test_hyphen_join),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
