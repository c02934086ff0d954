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

#include "../scale.h"
#include <unigbrk.h>
#include <unistr.h>
#include "doc.h"
#include "text.h"
#include "wrap.h"
#include "wrap_fast.h"
#include <unilbrk.h>
#include <unictype.h>

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

/* The properties every wrap must have: rows in order, only spaces and
 * joins between them (so joining them with what was dropped gives the
 * text back), no row ending with a space or join, each
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
			if (t[k] != ' ' && t[k] != '\n')
				fail_msg("row %zu: non-space byte %02x dropped at %zu", i, (unsigned char)t[k], k);
		if (i == 0)
			assert_int_equal(r[i].start, start);
		assert_true(gb[r[i].start - start]);
		if (!(gb[r[i].end - start] || r[i].end == end || t[r[i].end] == '\n'))
			fail_msg("row %zu ends inside a cluster at %zu: %02x %02x %02x %02x %02x %02x width %d", i, r[i].end, (unsigned char)t[r[i].end - 3], (unsigned char)t[r[i].end - 2], (unsigned char)t[r[i].end - 1], (unsigned char)t[r[i].end], (unsigned char)t[r[i].end + 1], (unsigned char)t[r[i].end + 2], width);
		int w = wrap_str_width(t + r[i].start, r[i].end - r[i].start, tw);
		assert_int_equal(w, r[i].cols);
		/* (a space a Prepend character took into its cluster stays) */
		if (r[i].end > r[i].start)
			assert_true(t[r[i].end - 1] != '\n' && (t[r[i].end - 1] != ' ' || !gb[r[i].end - 1 - start]));
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
		if (t[k] != ' ' && t[k] != '\n')
			fail_msg("text after the last row dropped at %zu", k);
	free(gb);
}

static bool same_rows(const wrap_row *a, size_t na, const wrap_row *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].para != b[i].para ||
		    a[i].cols != b[i].cols || a[i].gap != b[i].gap)
			return false;
	return true;
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

static void test_offset_at_col(void **state)
{
	(void)state;
	const char *t = "a日b\tc-\nde\xcc\x81" "f";
	size_t n = strlen(t);
	/* columns a 0, 日 1-2, b 3, tab 4-7, c 8, - 9, (join), d 10, e+mark 11, f 12;
	 * bytes a 0, 日 1, b 4, tab 5, c 6, - 7, join 8, d 9, e 10, f 13, end 14 */
	const int cols[] = { 0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 50 };
	const size_t want[] = { 0, 1, 1, 4, 5, 5, 6, 7, 9, 10, 13, 14, 14 };
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
		if (wrap_offset_at_col(t, n, cols[k], 8) != want[k])
			fail_msg("column %d: offset %zu, want %zu", cols[k], wrap_offset_at_col(t, n, cols[k], 8), want[k]);
	/* and back: the column of each cluster start is the width before it */
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++) {
		size_t off = wrap_offset_at_col(t, n, cols[k], 8);
		if (off < n)
			assert_true(wrap_str_width(t, off, 8) <= cols[k]);
	}
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
	expect_rows("counter-\naccusations fly", 12, "counter-|accusations|fly");
	expect_rows("counter-\naccusations fly", 8, "counter-|accusati|ons fly");
	/* the join is not a break of its own */
	expect_rows("abc\ndef", 4, "abc\nd|ef");
	rows v = wrap_text("counter-\naccusations", 20, 19, 8);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.r[0].cols, 19);
	free(v.r);
}


/* ---- generated text ----------------------------------------------------- */

typedef struct rng {
	uint64_t s;
} rng;

static uint32_t rnd(rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s >> 11);
}

static size_t pick(rng *r, size_t n)
{
	return rnd(r) % n;
}

#define N(a) (sizeof a / sizeof *a)

/* Words of the fast set: ASCII and Latin, with every kind of punctuation. */
static const char *const fast_words[] = {
	"the", "quick", "brown", "fox", "said", "Minister", "2024", "3.5", "U.S.", "e-mail",
	"co-operate", "http://example.com/a?b=c&d", "(see", "page)", "$100", "50%", "don't",
	"it's", "a/b", "#tag", "@user", "x+y=z", "well-known", "--", "...", "!", "?", ":", ";",
	",", ".", "\"", "'", "[1]", "{x}", "|", "~", "_", "^", "`", "*", "&", "<", ">", "\\",
	"1,000", "9-5", "-5", "+1", "(", ")", "[", "]", "{", "}", "/", "-", "%", "$", "12:30",
	"blåbærgrød", "Straße", "über", "Größe", "français", "café", "élève", "señor", "niño",
	"Œuvre", "łódź", "ČSSR", "naïve", "æøå", "ÆØÅ", "ȘȚ", "ɏ", "2×3", "6÷2", "ɐɑɒ", "ɿ",
	"«", "»", "„", "‚", "“", "”", "‘", "’", "—", "–", "…", "€", "\xc2\xa0", "a\xc2\xa0" "b",
	"«Bonjour»", "„Zitat“", "“quoted”", "‘single’", "5€", "€5", "word—word", "1–2",
	"end.", "Hvad?", "Ja!", "(parenthesis)", "\"quote\"", "'q'", "x)", "(x", "a-", "-a",
};

/* Everything else: CJK, Hangul, emoji sequences, combining marks, other
 * scripts, format characters, unassigned code points. */
static const char *const other_words[] = {
	"日本語", "中文字", "한국어", "テキスト", "。", "、", "「引用」", "（注）",
	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", "\xe2\x9d\xa4\xef\xb8\x8f",
	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xf0\x9f\x87\xa9\xf0\x9f\x87\xb0", "\xf0\x9f\x98\x80",
	"e\xcc\x81", "\xcc\x81", "a\xcc\x88\xcc\x84", "\xe0\xb8\x81\xe0\xb9\x89", "\xd8\xb9\xd8\xb1",
	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "Привет", "Ω", "\xe2\x80\x8b", "\xc2\xad", "\xe2\x81\xa0",
	"\xef\xbf\xbd", "\xcd\xb8", "ＡＢ", "\xe3\x80\x80", "ʀ", "ˈstress", "°", "§", "¿Qué", "¡Hola!",
	"\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", "\xe2\x80\x8d", "\xef\xb8\x8f", "१२३", "٣",
};

static void put(char *buf, size_t *len, size_t cap, const char *s)
{
	size_t n = strlen(s);
	if (*len + n < cap) {
		memcpy(buf + *len, s, n);
		*len += n;
	}
}

/* A random valid code point that the text layer lets through. */
static void put_random_cp(rng *r, char *buf, size_t *len, size_t cap)
{
	uint32_t c;
	do {
		switch (pick(r, 4)) {
		case 0: c = 0x20 + pick(r, 0x5F); break;
		case 1: c = 0xA0 + pick(r, 0x800 - 0xA0); break;
		case 2: c = 0x800 + pick(r, 0x10000 - 0x800); break;
		default: c = 0x10000 + pick(r, 0x110000 - 0x10000); break;
		}
	} while ((c >= 0xD800 && c < 0xE000) || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
	         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
	uint8_t u[6];
	int n = u8_uctomb(u, c, 6);
	if (n > 0 && *len + (size_t)n < cap) {
		memcpy(buf + *len, u, (size_t)n);
		*len += (size_t)n;
	}
}

/* A paragraph: mix 0 only the fast set, 1 mostly fast with some of
 * everything, 2 random code points too, 3 fast with rare islands of the
 * rest, words often glued together. No leading or trailing space,
 * as the doc layer gives them, unless raw. */
static size_t gen_paragraph(rng *r, char *buf, size_t cap, int mix, size_t words)
{
	size_t len = 0;
	for (size_t i = 0; i < words; i++) {
		if (i && mix == 3 && pick(r, 2)) {
			/* glued: no separator, so islands touch every kind of neighbour */
		} else if (i) {
			size_t k = pick(r, 40);
			put(buf, &len, cap, k < 30 ? " " : k < 33 ? "  " : k < 35 ? "\t" : k < 37 ? "-\n" : k < 38 ? "\n" : k < 39 ? " \t " : "");
		}
		size_t k = pick(r, 100);
		if (mix == 3)
			k = k < 95 ? 0 : k < 98 ? 85 : 95;   /* rare islands */
		if (mix == 0 || k < 80)
			put(buf, &len, cap, fast_words[pick(r, N(fast_words))]);
		else if (mix == 1 || k < 90)
			put(buf, &len, cap, other_words[pick(r, N(other_words))]);
		else
			for (size_t j = 1 + pick(r, 4); j > 0; j--)
				put_random_cp(r, buf, &len, cap);
	}
	buf[len] = '\0';
	return len;
}

/* ---- properties over generated text -------------------------------------- */

static void test_properties_random(void **state)
{
	(void)state;
	rng r = { 0x9E3779B97F4A7C15ull };
	char buf[4096];
	for (int iter = 0, rounds = test_rounds(6000, 200); iter < rounds; iter++) {
		size_t n = gen_paragraph(&r, buf, sizeof buf, iter % 4, 1 + pick(&r, 120));
		int width = 1 + (int)pick(&r, iter % 5 ? 100 : 12);
		int tabwidth = 1 + (int)pick(&r, 8);
		rows v = wrap_text(buf, n, width, tabwidth);
		check_properties(buf, 0, n, v.r, v.n, width, tabwidth);
		free(v.r);
	}
}

/* Paragraphs that start or end with spaces, or are only spaces and joins. */
static void test_edges(void **state)
{
	(void)state;
	const char *cases[] = { "   leading spaces here", "trailing   ", "   ", "\n", "-\n-\n-", "\tx",
	                        " \n a", "a \n b", "\xcc\x81\xcc\x81 x" };
	for (size_t i = 0; i < N(cases); i++)
		for (int w = 1; w < 12; w++) {
			rows v = wrap_text(cases[i], strlen(cases[i]), w, 8);
			check_properties(cases[i], 0, strlen(cases[i]), v.r, v.n, w, 8);
			rows s = { 0 };
			assert_int_equal(wrap_range_slow(cases[i], 0, strlen(cases[i]), 0, w, 8, &s.r, &s.n, &s.cap), 0);
			assert_true(same_rows(s.r, s.n, v.r, v.n));
			free(v.r);
			free(s.r);
		}
}

/* Random bytes, made display-safe by the text layer as every article is:
 * the properties hold and the fast path agrees with the slow one. */
static void test_random_bytes(void **state)
{
	(void)state;
	rng r = { 0xBADC0DE };
	char raw[600];
	for (int iter = 0, rounds = test_rounds(4000, 200); iter < rounds; iter++) {
		size_t n = pick(&r, sizeof raw);
		for (size_t i = 0; i < n; i++) {
			size_t k = pick(&r, 10);
			raw[i] = (char)(k < 5 ? 'a' + pick(&r, 26) : k < 7 ? (size_t)' ' : pick(&r, 256));
		}
		char *t;
		size_t len;
		assert_int_equal(text_sanitize(raw, n, &t, &len), 0);
		int width = 1 + (int)pick(&r, 40);
		rows a = { 0 }, b = { 0 };
		assert_int_equal(wrap_range(t, 0, len, 0, width, 8, &a.r, &a.n, &a.cap), 0);
		assert_int_equal(wrap_range_slow(t, 0, len, 0, width, 8, &b.r, &b.n, &b.cap), 0);
		assert_true(same_rows(a.r, a.n, b.r, b.n));
		check_properties(t, 0, len, a.r, a.n, width, 8);
		free(a.r);
		free(b.r);
		free(t);
	}
}

/* ---- the fast path against libunistring ----------------------------------- */

static char probe(const char *a, bool space, const char *b)
{
	char s[32], lb[32];
	snprintf(s, sizeof s, "x%s%s%s", a, space ? " " : "", b);
	size_t n = strlen(s);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", lb);
	return lb[n - strlen(b)];
}

/* The pair table is libunistring's, and every character of the fast set
 * behaves, before and after every class, as the sample of its class; it is
 * one column and a cluster of its own. */
static void test_fast_table(void **state)
{
	(void)state;
	for (int sp = 0; sp < 2; sp++)
		for (int a = 0; a < FC_COUNT; a++)
			for (int b = 0; b < FC_COUNT; b++) {
				char s[32];
				snprintf(s, sizeof s, "x%s%s%s", wrap_fast_sample(a), sp ? " " : "", wrap_fast_sample(b));
				size_t q = strlen(s) - strlen(wrap_fast_sample(b));
				bool want = probe(wrap_fast_sample(a), sp, wrap_fast_sample(b)) == UC_BREAK_POSSIBLE;
				if (wrap_fast_break_at(s, q) != want)
					fail_msg("pair %d %d spaces %d: libunistring says %d", a, b, sp, want);
			}
	int checked = 0;
	for (uint32_t c = 0x20; c < 0x10000; c++) {
		if ((c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c < 0xE000) || (c >= 0x4E80 && c < 0x9F00))
			continue;   /* (the middle of the ideographs: a sample is enough) */
		uint8_t u[8];
		int n = u8_uctomb(u, c, 8);
		u[n] = 0;
		size_t len;
		int cls = wrap_fast_class((const char *)u, (size_t)n, &len);
		if (cls >= FC_COUNT)
			continue;
		checked++;
		assert_int_equal(len, (size_t)n);
		assert_int_equal(wrap_char_width(c), c >= 0x3000 ? 2 : 1);
		assert_int_equal(uc_graphemeclusterbreak_property(c), GBP_OTHER);
		for (int sp = 0; sp < 2; sp++)
			for (int k = 0; k < FC_COUNT; k++) {
				const char *sample = wrap_fast_sample(k), *own = wrap_fast_sample(cls);
				if (probe(sample, sp, (const char *)u) != probe(sample, sp, own) ||
				    probe((const char *)u, sp, sample) != probe(own, sp, sample))
					fail_msg("U+%04X is not like class %d next to class %d", c, cls, k);
			}
	}
	assert_true(checked > 450);
}

/* The fast breaks are u8_possible_linebreaks' with the joins taken out. */
static void test_fast_breaks_differential(void **state)
{
	(void)state;
	rng r = { 12345 };
	char buf[4096], lb[4096], strip[4096], lbs[4096];
	size_t map[4096];
	for (int iter = 0, rounds = test_rounds(20000, 200); iter < rounds; iter++) {
		size_t n = gen_paragraph(&r, buf, sizeof buf, 0, 1 + pick(&r, 60));
		if (!wrap_fast_scan(buf, n).fast)
			fail_msg("not fast: %s", buf);
		wrap_fast_breaks(buf, n, lb);
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (buf[i] != '\n') {
				strip[m] = buf[i];
				map[m++] = i;
			}
		u8_possible_linebreaks((const uint8_t *)strip, m, "UTF-8", lbs);
		for (size_t k = 1; k < m; k++) {
			size_t i = map[k];
			if ((strip[k] & 0xC0) == 0x80)
				continue;
			bool want = lbs[k] == UC_BREAK_POSSIBLE, got = lb[i] == UC_BREAK_POSSIBLE;
			if (want != got)
				fail_msg("break before byte %zu of '%s': libunistring %d, fast %d", i, buf, want, got);
			if (strip[k] != ' ' && wrap_fast_break_at(buf, i) != want)
				fail_msg("break_at %zu of '%s'", i, buf);
		}
	}
}

/* Rows of the fast path are the rows of the slow path, over text of every
 * kind at every width. */
static void test_fast_rows_differential(void **state)
{
	(void)state;
	rng r = { 0xC0FFEE };
	char buf[8192];
	int fast = 0, rounds = test_rounds(60000, 200);
	for (int iter = 0; iter < rounds; iter++) {
		int mix = (int)pick(&r, 4);
		size_t n = gen_paragraph(&r, buf, sizeof buf, mix, 1 + pick(&r, 200));
		int width = 1 + (int)pick(&r, iter % 3 ? 100 : 10);
		int tabwidth = 1 + (int)pick(&r, 8);
		if (iter % 2)   /* half without TAB: the fitters that need none */
			for (size_t i = 0; i < n; i++)
				if (buf[i] == '\t')
					buf[i] = ' ';
		fast += wrap_fast_scan(buf, n).fast;
		rows a = { 0 }, b = { 0 };
		assert_int_equal(wrap_range(buf, 0, n, 7, width, tabwidth, &a.r, &a.n, &a.cap), 0);
		assert_int_equal(wrap_range_slow(buf, 0, n, 7, width, tabwidth, &b.r, &b.n, &b.cap), 0);
		if (!same_rows(a.r, a.n, b.r, b.n)) {
			char *ga = joined(buf, &a), *gb = joined(buf, &b);
			fail_msg("width %d tab %d\nfast: %s\nslow: %s", width, tabwidth, ga, gb);
		}
		if (iter % 10 == 0)
			check_properties(buf, 0, n, a.r, a.n, width, tabwidth);
		free(a.r);
		free(b.r);
	}
	assert_true(fast > rounds / 6);
}

/* ---- giant paragraphs ------------------------------------------------------ */

/* A multi-MB paragraph of words, with stretches that have no space (an
 * ASCII run, a CJK run, a run of emoji) so that every kind of segment cut
 * happens. */
static char *gen_giant(rng *r, size_t size, size_t *len)
{
	char *t = malloc(size + 64);
	size_t n = 0;
	char word[512];
	while (n < size) {
		size_t k = pick(r, 1000);
		if (k == 0) {
			for (size_t i = 0; i < 40000 && n < size; i++)
				t[n++] = (char)('a' + pick(r, 26));
		} else if (k == 1) {
			for (size_t i = 0; i < 10000 && n + 3 < size; i++) {
				memcpy(t + n, "日", 3);
				n += 3;
			}
		} else if (k == 2) {
			for (size_t i = 0; i < 5000 && n + 11 < size; i++) {
				memcpy(t + n, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 11);
				n += 11;
			}
		} else {
			size_t wl = gen_paragraph(r, word, sizeof word, k < 900 ? 0 : 1, 1);
			if (n + wl + 1 >= size)
				break;
			memcpy(t + n, word, wl);
			n += wl;
			t[n++] = ' ';
		}
	}
	while (n > 0 && t[n - 1] == ' ')
		n--;
	t[n] = '\0';
	*len = n;
	return t;
}

static void test_segments(void **state)
{
	(void)state;
	rng r = { 777 };
	size_t n;
	size_t size = test_bytes(3u << 20, 1u << 20);
	char *t = gen_giant(&r, size, &n);
	/* segments tile the paragraph, each bounded unless a cluster is huge */
	size_t a = 0, count = 0;
	while (a < n) {
		size_t sa, sb;
		wrap_segment_at(t, 0, n, a, &sa, &sb);
		assert_int_equal(sa, a);
		assert_true(sb > sa);
		assert_true(sb - sa <= 2 * WRAP_SEGMENT);
		size_t mid = sa + pick(&r, sb - sa), ma, mb;
		wrap_segment_at(t, 0, n, mid, &ma, &mb);
		assert_int_equal(ma, sa);
		assert_int_equal(mb, sb);
		a = sb;
		count++;
	}
	assert_true(count > size / (2 * WRAP_SEGMENT));
	/* the whole paragraph: the properties hold, rows never cross a segment
	 * start, and fast equals slow */
	for (int width = 1; width <= 121; width += 60) {
		rows v = { 0 }, s = { 0 };
		assert_int_equal(wrap_range(t, 0, n, 0, width, 8, &v.r, &v.n, &v.cap), 0);
		check_properties(t, 0, n, v.r, v.n, width, 8);
		assert_int_equal(wrap_range_slow(t, 0, n, 0, width, 8, &s.r, &s.n, &s.cap), 0);
		assert_true(same_rows(v.r, v.n, s.r, s.n));
		size_t k = 0;
		for (a = 0; a < n;) {
			size_t sa, sb;
			wrap_segment_at(t, 0, n, a, &sa, &sb);
			while (k < v.n && v.r[k].start < sa)
				k++;
			assert_true(k < v.n);
			assert_int_equal(v.r[k].start, sa);
			a = sb;
		}
		free(v.r);
		free(s.r);
	}
	free(t);
}

/* ---- the view ---------------------------------------------------------------- */

typedef struct expected {
	wrap_row *r;
	size_t n, cap;
} expected;

/* Every row of the view, computed with wrap_range, gaps between paragraphs. */
static expected all_rows(const doc *d, size_t first, int width)
{
	expected e = { 0 };
	for (size_t p = first; p < d->npara; p++) {
		assert_int_equal(wrap_range(d->text, d->para[p].start, d->para[p].end, p, width, 8, &e.r, &e.n, &e.cap), 0);
		if (p + 1 < d->npara) {
			if (e.n == e.cap) {
				e.cap = e.cap * 2 + 16;
				e.r = realloc(e.r, e.cap * sizeof *e.r);
			}
			size_t end = d->para[p].end;
			e.r[e.n++] = (wrap_row){ .start = end, .end = end, .para = p, .gap = true };
		}
	}
	return e;
}

static void check_view(wrap_view *v, const doc *d, size_t first, int width)
{
	expected e = all_rows(d, first, width);
	assert_true(e.n > 0);
	wrap_row *got = calloc(e.n + 10, sizeof *got);
	size_t n = wrap_view_rows(v, wrap_view_first(v), got, e.n + 10);
	assert_int_equal(n, e.n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(got[i].start, e.r[i].start);
		assert_int_equal(got[i].end, e.r[i].end);
		assert_int_equal(got[i].para, e.r[i].para);
		assert_int_equal(got[i].cols, e.r[i].cols);
		assert_int_equal(got[i].gap, e.r[i].gap);
	}
	assert_int_equal(wrap_view_first(v), e.r[0].start);
	assert_int_equal(wrap_view_last(v), e.r[e.n - 1].start);
	for (size_t i = 0; i < e.n; i++) {
		size_t s = e.r[i].start;
		assert_int_equal(wrap_view_move(v, s, 1), e.r[i + 1 < e.n ? i + 1 : i].start);
		assert_int_equal(wrap_view_move(v, s, -1), e.r[i ? i - 1 : 0].start);
		assert_int_equal(wrap_view_move(v, s, 3), e.r[i + 3 < e.n ? i + 3 : e.n - 1].start);
		assert_int_equal(wrap_view_move(v, s, -3), e.r[i >= 3 ? i - 3 : 0].start);
		assert_int_equal(wrap_view_row_start(v, s), s);
		/* every offset inside the row, and the spaces after it */
		if (!e.r[i].gap) {
			size_t lim = i + 1 < e.n ? e.r[i + 1].start : d->len;
			if (i + 1 < e.n && e.r[i + 1].gap)
				lim = e.r[i + 1].start;
			for (size_t off = s; off < lim; off++)
				assert_int_equal(wrap_view_row_start(v, off), s);
		}
		size_t k = 1 + i % 4;
		assert_int_equal(wrap_view_rows(v, s, got, k), i + k <= e.n ? k : e.n - i);
		assert_int_equal(got[0].start, s);
	}
	assert_int_equal(wrap_view_move(v, wrap_view_first(v), 1000000), e.r[e.n - 1].start);
	assert_int_equal(wrap_view_move(v, wrap_view_last(v), -1000000), e.r[0].start);
	/* offsets between paragraphs are in the gap; past the end, the last row */
	for (size_t p = first; p + 1 < d->npara; p++)
		for (size_t off = d->para[p].end; off < d->para[p + 1].start; off++)
			assert_int_equal(wrap_view_row_start(v, off), d->para[p].end);
	assert_int_equal(wrap_view_row_start(v, d->len), e.r[e.n - 1].start);
	free(got);
	free(e.r);
}

static doc *make_doc(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("test", text, strlen(text), &d), 0);
	return d;
}

static void test_view(void **state)
{
	(void)state;
	const char *text =
		"A headline\n\n"
		"The first paragraph has a few words that wrap at small widths, and a long "
		"wordthatmustbreakatclusterboundaries.\n\n"
		"Short.\n\n"
		"日本語のテキストと 👩\xe2\x80\x8d💻 emoji, e\xcc\x81 and\ttabs.\n\n"
		"   Indented paragraph with „Danish quotes“ and «French» ones — and dashes.\n\n"
		"Last.\n";
	doc *d = make_doc(text);
	assert_true(d->npara >= 5);
	for (int width = 1; width <= 81; width += 8) {
		wrap_view *v = wrap_view_new(d, d->body, width, 8);
		assert_non_null(v);
		assert_int_equal(wrap_view_width(v), width);
		check_view(v, d, d->body, width);
		wrap_view_free(v);
	}
	/* a hard-wrapped wire story: joins inside paragraphs */
	doc *w = make_doc("WIRE STORY\n\n"
	                  "The minister rejected the counter-\n"
	                  "accusations on Tuesday and said the\n"
	                  "inquiry would continue as planned.\n"
	                  "\n"
	                  "Critics called the long-awaited re-\n"
	                  "port a whitewash, and the opposition\n"
	                  "demanded a vote in parliament.\n");
	assert_true(w->hard_wrapped);
	int joins = 0;
	for (size_t p = w->body; p < w->npara; p++)
		joins += memchr(w->text + w->para[p].start, '\n', w->para[p].end - w->para[p].start) != NULL;
	assert_int_equal(joins, 2);
	for (int width = 1; width <= 81; width += 5) {
		wrap_view *wv = wrap_view_new(w, w->body, width, 8);
		check_view(wv, w, w->body, width);
		wrap_view_free(wv);
	}
	doc_free(w);

	/* a width change drops the cache and gives the new rows */
	wrap_view *v = wrap_view_new(d, 0, 20, 8);
	check_view(v, d, 0, 20);
	wrap_view_set_width(v, 7);
	assert_int_equal(wrap_view_width(v), 7);
	check_view(v, d, 0, 7);
	wrap_view_set_width(v, 20);
	check_view(v, d, 0, 20);
	wrap_view_free(v);
	doc_free(d);
}

/* A view over a paragraph of 20 MB (2 under valgrind) on one line: moving near its end, or
 * to it, wraps a few segments, not the paragraph. */
static void test_view_giant(void **state)
{
	(void)state;
	rng r = { 4242 };
	size_t n;
	size_t size = test_bytes(20u << 20, 2u << 20);
	char *body = gen_giant(&r, size, &n);
	size_t tlen = n + 32;
	char *text = malloc(tlen);
	snprintf(text, tlen, "Headline\n\n%s\n", body);
	free(body);
	doc *d = make_doc(text);
	free(text);
	size_t last_para = d->npara - 1;
	const doc_span *sp = &d->para[last_para];
	assert_true(sp->end - sp->start > size - size / 20);
	wrap_view *v = wrap_view_new(d, d->body, 80, 8);
	size_t last = wrap_view_last(v);
	assert_true(last > sp->end - 200);
	size_t up = wrap_view_move(v, last, -500);
	assert_true(up < last);
	wrap_row got_rows[60];
	size_t got = wrap_view_rows(v, up, got_rows, 60);
	assert_int_equal(got, 60);
	size_t mid = sp->start + (sp->end - sp->start) / 2;
	size_t rs = wrap_view_row_start(v, mid);
	assert_true(rs <= mid && rs + 400 > mid);
	assert_true(wrap_view_move(v, rs, 100) > rs);
	assert_true(wrap_view_bytes_wrapped(v) < 16 * WRAP_SEGMENT);
	/* the rows agree with wrapping the whole paragraph */
	rows all = { 0 };
	assert_int_equal(wrap_range(d->text, sp->start, sp->end, last_para, 80, 8, &all.r, &all.n, &all.cap), 0);
	assert_int_equal(all.r[all.n - 1].start, last);
	size_t k = 0;
	while (all.r[k].start != up)
		k++;
	assert_int_equal(all.n - 1 - k, 500);
	for (size_t i = 0; i < got; i++) {
		assert_int_equal(got_rows[i].start, all.r[k + i].start);
		assert_int_equal(got_rows[i].end, all.r[k + i].end);
	}
	free(all.r);
	wrap_view_free(v);
	doc_free(d);
}

static void test_view_empty(void **state)
{
	(void)state;
	doc *d = make_doc("Only a headline\n");
	wrap_view *v = wrap_view_new(d, d->npara, 40, 8);
	wrap_row r[4];
	assert_int_equal(wrap_view_rows(v, 0, r, 4), 0);
	assert_int_equal(wrap_view_move(v, 0, 5), 0);
	wrap_view_free(v);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_cluster_width),
		cmocka_unit_test(test_width_matches_wcwidth),
		cmocka_unit_test(test_offset_at_col),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_emoji),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_width_one),
		cmocka_unit_test(test_hyphen_join),
		cmocka_unit_test(test_properties_random),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_fast_table),
		cmocka_unit_test(test_fast_breaks_differential),
		cmocka_unit_test(test_fast_rows_differential),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_view_giant),
		cmocka_unit_test(test_view_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
