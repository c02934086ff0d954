/* The fast path of the wrap layer: see wrap_fast.h. */
#include <string.h>
#include <unilbrk.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "wrap_fast.h"

#define B(c) (1u << FC_##c)

/* Whether a break may come before class b after class a, adjacent or with
 * spaces between: libunistring 1.0's answers (tests/unit/test_wrap.c
 * probes it and fails, printing the table, when these are not its). */
const uint32_t wrap_fast_pairs[2][FC_COUNT] = {
	{ /* adjacent */
		[FC_AL] = B(B2) | B(ID) | B(OPW),
		[FC_NU] = B(B2) | B(ID) | B(OPW),
		[FC_EX] = B(AL) | B(NU) | B(PR) | B(PO) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_QU] = 0,
		[FC_PR] = B(PR) | B(PO) | B(B2),
		[FC_PO] = B(PR) | B(PO) | B(B2) | B(ID),
		[FC_OP] = 0,
		[FC_CP] = B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_CL] = B(AL) | B(NU) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_IS] = B(AL) | B(PR) | B(PO) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_HY] = B(AL) | B(PR) | B(PO) | B(OP) | B(B2) | B(GL) | B(ID) | B(OPW),
		[FC_SY] = B(AL) | B(PR) | B(PO) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_BA] = B(AL) | B(NU) | B(PR) | B(PO) | B(OP) | B(B2) | B(GL) | B(ID) | B(OPW),
		[FC_B2] = B(AL) | B(NU) | B(PR) | B(PO) | B(OP) | B(ID) | B(OPW),
		[FC_IN] = B(AL) | B(NU) | B(PR) | B(PO) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_GL] = 0,
		[FC_ID] = B(AL) | B(NU) | B(PR) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_NS] = B(AL) | B(NU) | B(PR) | B(PO) | B(OP) | B(B2) | B(ID) | B(OPW),
		[FC_OPW] = 0,
		[FC_CPW] = B(AL) | B(NU) | B(OP) | B(B2) | B(ID) | B(OPW),
	},
	{ /* with spaces between */
		[FC_AL] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_NU] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_EX] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_QU] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS),
		[FC_PR] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_PO] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_OP] = 0,
		[FC_CP] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_CL] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(OPW),
		[FC_IS] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_HY] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_SY] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_BA] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_B2] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_IN] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_GL] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_ID] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_NS] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(NS) | B(OPW),
		[FC_OPW] = 0,
		[FC_CPW] = B(AL) | B(NU) | B(QU) | B(PR) | B(PO) | B(OP) | B(HY) | B(BA) | B(B2) | B(IN) | B(GL) | B(ID) | B(OPW),
	},
};

/* UAX #14 classes of ASCII (UCD LineBreak.txt); controls other than TAB
 * and '\n' never reach the wrap layer and take the slow path. */
const unsigned char wrap_fast_ascii_class[128] = {
	FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW,
	FC_SLOW, FC_BA, FC_JOIN, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW,
	FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW,
	FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW, FC_SLOW,
	FC_SP, FC_EX, FC_QU, FC_AL, FC_PR, FC_PO, FC_AL, FC_QU,
	FC_OP, FC_CP, FC_AL, FC_PR, FC_IS, FC_HY, FC_IS, FC_SY,
	FC_NU, FC_NU, FC_NU, FC_NU, FC_NU, FC_NU, FC_NU, FC_NU,
	FC_NU, FC_NU, FC_IS, FC_IS, FC_AL, FC_AL, FC_AL, FC_EX,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_OP, FC_PR, FC_CP, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL, FC_AL,
	FC_AL, FC_AL, FC_AL, FC_OP, FC_BA, FC_CL, FC_AL, FC_SLOW,
};

static bool is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

static bool small_kana(uint32_t c)
{
	if (c >= 0x30A1)
		c -= 0x60;   /* katakana to hiragana */
	switch (c) {
	case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049: case 0x3063:
	case 0x3083: case 0x3085: case 0x3087: case 0x308E: case 0x3095: case 0x3096:
		return true;
	default:
		return false;
	}
}

/* Wide characters of the fast set: CJK ideographs and kana (ID; small kana
 * and the prolonged sound mark are NS to libunistring), the commonest CJK
 * and fullwidth punctuation. */
static int wide_class(uint32_t c)
{
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
		return FC_ID;
	if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA))
		return small_kana(c) ? FC_NS : FC_ID;
	switch (c) {
	case 0x30FB: case 0x30FC: case 0xFF1A: case 0xFF1B:
		return FC_NS;
	case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011:
	case 0xFF0C: case 0xFF0E:
		return FC_CL;
	case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0xFF08:
		return FC_OPW;
	case 0xFF09:
		return FC_CPW;
	case 0xFF01: case 0xFF1F:
		return FC_EX;
	default:
		return FC_SLOW;
	}
}

/* The fast set beyond ASCII: Latin letters U+00C0..U+024F and IPA up to
 * U+027F (class AL, as are the multiplication and division signs: AI is AL
 * here), NBSP, guillemets, curly quotes, the
 * low-9 quotes that open German and Danish quotations, en and em dash,
 * ellipsis, euro sign. */
static int multibyte_class(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char b0 = s[0];
	*len = 1;
	if (b0 >= 0xC2 && b0 <= 0xC9 && n >= 2 && is_cont(s[1])) {
		*len = 2;
		unsigned char b1 = s[1];
		if (b0 == 0xC2)
			return b1 == 0xA0 ? FC_GL : b1 == 0xAB || b1 == 0xBB ? FC_QU : FC_SLOW;
		return FC_AL;   /* U+00C0..U+027F, multiplication and division signs too */
	}
	if (b0 >= 0xE3 && b0 <= 0xEF && n >= 3 && is_cont(s[1]) && is_cont(s[2])) {
		*len = 3;
		return wide_class(((b0 & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
	}
	if (b0 == 0xE2 && n >= 3 && is_cont(s[1]) && is_cont(s[2])) {
		*len = 3;
		if (s[1] == 0x82)
			return s[2] == 0xAC ? FC_PR : FC_SLOW;
		if (s[1] != 0x80)
			return FC_SLOW;
		switch (s[2]) {
		case 0x93: return FC_BA;                  /* en dash */
		case 0x94: return FC_B2;                  /* em dash */
		case 0x98: case 0x99: case 0x9C: case 0x9D:
			return FC_QU;                     /* curly quotes */
		case 0x9A: case 0x9E: return FC_OP;       /* low-9 quotes */
		case 0xA6: return FC_IN;                  /* ellipsis */
		default: return FC_SLOW;
		}
	}
	return FC_SLOW;
}

int wrap_fast_class(const char *s, size_t n, size_t *len)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80) {
		*len = 1;
		return wrap_fast_ascii_class[b];
	}
	return multibyte_class((const unsigned char *)s, n, len);
}

static bool pair_break(int a, int b, bool spaces)
{
	return wrap_fast_pairs[spaces][a] >> b & 1;
}

bool wrap_fast_pair_break(int a, int b, bool spaces)
{
	return pair_break(a, b, spaces);
}

/* A byte that is an ASCII letter or digit, or the lead of a Latin letter
 * (U+00C0..U+027F): the character is AL or NU. */
static bool alnum_start(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
	       (b >= 0xC3 && b <= 0xC9);
}

static inline bool break_at(const char *s, size_t q)
{
	/* inside a word (AL or NU after AL or NU, no space): never */
	unsigned char here = (unsigned char)s[q], before = (unsigned char)s[q - 1];
	if (alnum_start(here) && (before < 0x80 ? alnum_start(before) : q >= 2 && is_cont(before) && alnum_start((unsigned char)s[q - 2])))
		return false;
	size_t len, p = q;
	bool spaces = false;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\n')) {
		spaces |= s[p - 1] == ' ';
		p--;
	}
	if (p == 0)
		return false;   /* after leading spaces: never, as libunistring */
	size_t a = p - 1;
	while (a > 0 && is_cont((unsigned char)s[a]))
		a--;
	int ca = wrap_fast_class(s + a, p - a, &len);
	int cb = wrap_fast_class(s + q, 4, &len);
	return pair_break(ca, cb, spaces);
}

bool wrap_fast_break_at(const char *s, size_t q)
{
	return break_at(s, q);
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* True when the 8 bytes are printable ASCII (0x20..0x7E). */
static bool printable8(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t low = (w - ONES * 0x20) & ~w & HIGHS;       /* a byte < 0x20 */
	uint64_t x = w ^ (ONES * 0x7F);
	uint64_t del = (x - ONES) & ~x & HIGHS;               /* a byte == 0x7F */
	return ((w & HIGHS) | low | del) == 0;
}

wrap_fast_scan_result wrap_fast_scan(const char *s, size_t n)
{
	wrap_fast_scan_result r = { .fast = true, .tab = false, .ascii = true };
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n && printable8(s + i)) {
			i += 8;
			continue;
		}
		size_t len;
		int c = wrap_fast_class(s + i, n - i, &len);
		if (c == FC_SLOW) {
			r.fast = false;
			return r;
		}
		if (s[i] == '\t')
			r.tab = true;
		else if (len > 1 || s[i] == '\n')
			r.ascii = false;
		i += len;
	}
	return r;
}

void wrap_fast_breaks(const char *s, size_t n, char *lb)
{
	int last = -1;
	bool spaces = false;
	memset(lb, UC_BREAK_PROHIBITED, n);
	for (size_t i = 0, len; i < n; i += len) {
		int c = wrap_fast_class(s + i, n - i, &len);
		if (c == FC_SP) {
			spaces = true;
		} else if (c != FC_JOIN) {
			if (last >= 0 && pair_break(last, c, spaces))
				lb[i] = UC_BREAK_POSSIBLE;
			last = c;
			spaces = false;
		}
	}
}

const char *wrap_fast_sample(int cls)
{
	static const char *const samples[FC_COUNT] = {
		[FC_AL] = "a", [FC_NU] = "1", [FC_EX] = "!", [FC_QU] = "\"",
		[FC_PR] = "$", [FC_PO] = "%", [FC_OP] = "(", [FC_CP] = ")",
		[FC_CL] = "}", [FC_IS] = ",", [FC_HY] = "-", [FC_SY] = "/",
		[FC_BA] = "|", [FC_B2] = "\xe2\x80\x94", [FC_IN] = "\xe2\x80\xa6", [FC_GL] = "\xc2\xa0",
		[FC_ID] = "\xe6\x97\xa5", [FC_NS] = "\xef\xbc\x9a",
		[FC_OPW] = "\xe3\x80\x8c", [FC_CPW] = "\xef\xbc\x89",
	};
	return cls >= 0 && cls < FC_COUNT ? samples[cls] : "";
}

/* Columns of fast-set text without TAB: one per character, '\n' none. */
static size_t count_cols(const char *s, size_t a, size_t b)
{
	size_t w = 0;
	for (size_t i = a; i < b; i++)
		w += !is_cont((unsigned char)s[i]) && s[i] != '\n';
	return w;
}

static size_t trim_end(const char *s, size_t row, size_t end)
{
	while (end > row && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	return end;
}

#ifndef __SSE2__
/* Whether the 8 bytes are printable ASCII, UTF-8 continuation bytes, or
 * lead bytes 0xC3..0xC9 (in valid UTF-8: letters U+00C0..U+027F, class AL,
 * one column); *cols gets how many characters start in them. */
static bool chunk_simple(const char *s, size_t *cols)
{
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t hi = w & HIGHS, x = w & ~HIGHS;
	uint64_t lt20 = ~(x + ONES * (0x80 - 0x20)) & HIGHS;
	uint64_t del = (x + ONES) & HIGHS;
	uint64_t ge40 = (x + ONES * (0x80 - 0x40)) & HIGHS;
	uint64_t ge43 = (x + ONES * (0x80 - 0x43)) & HIGHS;
	uint64_t ge4a = (x + ONES * (0x80 - 0x4A)) & HIGHS;
	uint64_t bad = ((lt20 | del) & ~hi) | (hi & ge40 & ~(ge43 & ~ge4a));
	/* continuation bytes: count their 0x80 bits without a popcount instruction */
	*cols = 8 - (size_t)((((hi & ~ge40) >> 7) * ONES) >> 56);
	return bad == 0;
}

/* How many characters start in the 8 bytes at s, joins not counted. */
static size_t chars8(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t cont = w & ~(w << 1) & HIGHS;            /* 10xxxxxx */
	uint64_t t = w ^ (ONES * '\n');
	uint64_t lf = ~(((t & ~HIGHS) + ~HIGHS) | t | ~HIGHS);   /* exactly the 0x0A bytes */
	return 8 - (size_t)((((cont | lf) >> 7) * ONES) >> 56);
}

#endif

#ifdef __SSE2__
#define STEP 16

/* chunk_simple for 16 bytes, without the count: how many bytes from the
 * first are printable ASCII, UTF-8 continuation bytes (as signed bytes
 * -128..-65) or leads 0xC3..0xC9 (-61..-55). */
static size_t simple_prefix_step(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i ascii = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
	__m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
	__m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-62)), _mm_cmplt_epi8(v, _mm_set1_epi8(-54)));
	unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(cont, lead)));
	return (size_t)__builtin_ctz(~m | 0x10000u);
}

/* How many characters start in the 16 bytes at s, joins not counted. */
static size_t chars_step(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i skip = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
	__m128i sums = _mm_sad_epu8(_mm_and_si128(skip, _mm_set1_epi8(1)), _mm_setzero_si128());
	size_t n = (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
	return 16 - n;
}
/* How many of the 16 bytes at s, from the first, are printable ASCII. */
static size_t ascii_prefix_step(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i ascii = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
	unsigned m = ~(unsigned)_mm_movemask_epi8(ascii) & 0x1FFFFu;   /* bit 16: a stop after the 16 */
	return (size_t)__builtin_ctz(m);
}
#else
#define STEP 8

static size_t ascii_prefix_step(const char *s)
{
	size_t k = 0;
	while (k < 8 && s[k] >= 0x20 && s[k] < 0x7F)
		k++;
	return k;
}

static size_t simple_prefix_step(const char *s)
{
	size_t k;
	if (chunk_simple(s, &k))
		return 8;
	for (k = 0; k < 8; k++) {
		unsigned char b = (unsigned char)s[k];
		if (!(b >= 0x20 && b < 0x7F) && !is_cont(b) && !(b >= 0xC3 && b <= 0xC9))
			break;
	}
	return k;
}

static size_t chars_step(const char *s)
{
	return chars8(s);
}
#endif

/* True when s[0..n) is fast-set text without TAB: every character one
 * column and a cluster of its own. A chunk at a time where the chunk is
 * simple, character by character where it is not. */
static bool all_narrow_fast(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (i + STEP <= n) {
			size_t k = simple_prefix_step(s + i);
			i += k;
			if (k == STEP)
				continue;
		}
		/* one character by itself (the simple bytes before it skipped) */
		unsigned char b = (unsigned char)s[i];
		size_t len = 1;
		if (!is_cont(b)) {
			int c = b < 0x80 ? wrap_fast_ascii_class[b] : multibyte_class((const unsigned char *)s + i, n - i, &len);
			if (c == FC_SLOW || b == '\t' || b >= 0xE3)
				return false;   /* (or wide) */
		}
		i += len;
	}
	return true;
}

/* In narrow fast text, from row on: the first non-space character at
 * column >= width (or n), and its column. */
static void find_overflow(const char *s, size_t n, size_t row, size_t width, size_t *x, size_t *xcol)
{
	size_t i = row, col = 0;
	while (col + STEP <= width && i + STEP <= n) {
		col += chars_step(s + i);
		i += STEP;
	}
	/* the last few columns: at once when they are printable ASCII */
	size_t r = width - col;
	if (r <= STEP && i + STEP <= n && ascii_prefix_step(s + i) >= r) {
		i += r;
		col = width;
	}
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (is_cont(b) || b == '\n')
			continue;
		if (col >= width && b != ' ')
			break;
		col++;
	}
	*x = i;
	*xcol = col;
}

size_t wrap_fast_ascii_prefix(const char *s, size_t n)
{
	size_t k = 0;
	while (k + STEP <= n) {
		size_t m = ascii_prefix_step(s + k);
		k += m;
		if (m < STEP)
			return k;
	}
	while (k < n && s[k] >= 0x20 && s[k] < 0x7F)
		k++;
	return k;
}

int wrap_fast_rows(const char *s, size_t n, int width, wrap_fast_emit emit, void *ctx)
{
	size_t row = 0, w = (size_t)width;
	if (!all_narrow_fast(s, n))
		return WRAP_FAST_NO;
	for (;;) {
		size_t x, xcol;
		find_overflow(s, n, row, w, &x, &xcol);
		if (x >= n) {
			size_t end = trim_end(s, row, n);
			return emit(ctx, row, end, (int)(xcol - count_cols(s, end, n)));
		}
		size_t q = x;
		while (q > row) {
			unsigned char b = (unsigned char)s[q];
			if (!is_cont(b) && b != ' ' && b != '\n' && break_at(s, q))
				break;
			q--;
		}
		size_t next = q > row ? q : x;
		size_t end = trim_end(s, row, next);
		int rc = emit(ctx, row, end, (int)(xcol - count_cols(s, end, x)));
		if (rc)
			return rc;
		row = next;
	}
}
