#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "error.h"
#include "tok.h"

unsigned tok_decode_multi(const char *s, size_t n, int *len)
{
	ucs4_t u;
	int l = u8_mbtouc(&u, (const uint8_t *)s, n);
	*len = l > 0 ? l : 1;
	return u;
}

bool tok_is_cjk(unsigned c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF);   /* (hangul is not: Korean spaces its words) */
}

bool tok_is_alnum_multi(unsigned c)
{
	/* (the combining marks too: Devanagari's vowel signs, Mn and Mc, are
	 * inside its words, and not all of them are diacritics) */
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_property_diacritic(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

bool tok_is_upper(unsigned c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return uc_is_upper(c) || uc_is_property_titlecase(c);
}

bool tok_is_space_multi(unsigned c)
{
	return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x200A || c == 0x2007 || c == 0x3000 || c == 0x200B;
}

size_t tok_lower(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {   /* a hyphen join */
			i++;
			continue;
		}
		if (c < 0x80) {
			if (k >= LEX_MAXWORD)
				return 0;
			out[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
			i++;
			continue;
		}
		ucs4_t u;
		int l = u8_mbtouc(&u, (const uint8_t *)s + i, n - i);
		if (l <= 0)
			l = 1;
		ucs4_t lo = uc_tolower(u);
		uint8_t buf[6];
		int m = u8_uctomb(buf, lo, sizeof buf);
		if (m <= 0 || k + (size_t)m > LEX_MAXWORD)
			return 0;
		memcpy(out + k, buf, (size_t)m);
		k += (size_t)m;
		i += (size_t)l;
	}
	out[k] = '\0';
	return k;
}

/* Is there a dot in the word low[0,n), kept zero-padded to a multiple of
 * eight bytes? Eight bytes at a time (a byte equal to '.' is a zero lane
 * of x ^ '.' in each), not a call of memchr. */
static bool has_dot(const char *low, size_t n)
{
	const uint64_t one = 0x0101010101010101ull, high = one * 0x80;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t x;
		memcpy(&x, low + i, 8);
		x ^= one * '.';
		if ((x - one) & ~x & high)
			return true;
	}
	return false;
}

/* Is the word t[s,e) an abbreviation when a dot follows it? The lists
 * ([abbreviation], [whole_title]) count in every language. */
static bool abbreviation(const tok *w)
{
	if (w->n == 1 || has_dot(w->low, w->n))
		return true;
	if (w->n > 4)
		return false;   /* a title spelt out ends its sentence: "…, so die Anwältin. Der …" */
	if (lex_mask(w->entry, LANG_EN) & (LX_TITLE | LX_HONOR))   /* the same in every language */
		return !(lex_any(w->entry) & LXA_WHOLE_TITLE);   /* "sagte die Frau." ends */
	return lex_any(w->entry) & LXA_ABBREVIATION;
}

/* punct_kind of the ASCII marks (0 for T_OTHER): a look-up, not a switch */
static const unsigned char ascii_punct[128] = {
	[','] = T_COMMA, ['.'] = T_STOP, ['!'] = T_STOP, ['?'] = T_STOP, [':'] = T_COLON, [';'] = T_SEMI,
	['"'] = T_MARK, ['\''] = T_MARK, ['('] = T_OPEN, ['['] = T_OPEN, [')'] = T_CLOSE, [']'] = T_CLOSE,
};

static unsigned char punct_kind(unsigned c)
{
	if (c < 0x80)
		return ascii_punct[c] ? ascii_punct[c] : T_OTHER;
	switch (c) {
	case ',': case 0x3001: case 0xFF0C: case 0x060C: case 0x055D: return T_COMMA;   /* (Arabic's, Armenian's) */
	case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F:
	case 0x061F: case 0x06D4: case 0x0964: case 0x0965: case 0x0589:
		return T_STOP;   /* (Arabic's question mark and stop, Devanagari's danda, Armenian's stop) */
	case ':': case 0xFF1A: return T_COLON;
	case ';': case 0x061B: return T_SEMI;
	case 0x2013: case 0x2014: case 0x2015: return T_DASH;
	case '"': case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
	case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
	case 0x300E: case 0x300F: case 0xFF02:
		return T_MARK;
	case '(': case '[': case 0xFF08: return T_OPEN;
	case ')': case ']': case 0xFF09: return T_CLOSE;
	default: return T_OTHER;
	}
}

/* Can the word go on through s[i] (an apostrophe, hyphen or dot) ? */
static bool joins(const char *t, size_t i, size_t end, int len)
{
	size_t j = i + (size_t)len;
	if (j >= end)
		return false;
	int l2;
	unsigned next = tok_decode(t + j, end - j, &l2);
	return tok_is_alnum(next) && !tok_is_cjk(next);
}

/* Is the colon at t[i] inside the word t[pos..]: a case ending joined by it
 * to an abbreviation or a number ("YK:n", "EU:ssa", "FN:s", "2010:ssä"), as
 * Finnish and Swedish write them? The word before is two capitals or
 * digits or more (one is an initial: a contracted name is no body's case
 * form), the ending a few lower-case letters and then no letter: "Note:x"
 * and "12:30" stay apart. */
static bool colon_ending(const char *t, size_t pos, size_t i, size_t end)
{
	if (i < pos + 2 || i + 1 >= end)
		return false;
	int l;
	size_t before = 0;
	for (size_t k = pos; k < i; k += (size_t)l, before++) {
		unsigned c = tok_decode(t + k, i - k, &l);
		if (!tok_is_upper(c) && !(c >= '0' && c <= '9'))
			return false;
	}
	if (before < 2)
		return false;
	size_t j = i + 1, letters = 0;
	for (; j < end; j += (size_t)l, letters++) {
		unsigned c = tok_decode(t + j, end - j, &l);
		if (!tok_is_alnum(c))
			break;
		if (tok_is_upper(c) || (c >= '0' && c <= '9') || tok_is_cjk(c) || letters == 6)
			return false;
	}
	return letters > 0;
}

/* "verschwunden.Der": a full stop between two sentences whose space was
 * left out, not one inside "e.g.", "U.S." or "example.com": a word of three
 * or more bytes with no dot before, ending in a lower-case letter, and a
 * capital then a lower-case letter after (ASCII ones: enough for the copy
 * where this happens, and never wrong where it does not). */
static bool run_on_sentence(const char *t, size_t pos, size_t i, size_t end)
{
	if (i - pos < 3 || i + 2 >= end || memchr(t + pos, '.', i - pos))
		return false;
	unsigned char a = (unsigned char)t[i - 1], b = (unsigned char)t[i + 1], c = (unsigned char)t[i + 2];
	return a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z' && c >= 'a' && c <= 'z';
}

/* Is the '"' at t[i] a Hebrew acronym's gershayim, written as a double
 * quote between two Hebrew letters (U+05D0..U+05EA: D7 90..D7 AA)? */
static bool gershayim_at(const char *t, size_t i, size_t end)
{
	return i >= 2 && i + 2 < end && (unsigned char)t[i - 2] == 0xD7 && (unsigned char)t[i + 1] == 0xD7 &&
	       (unsigned char)t[i + 2] >= 0x90 && (unsigned char)t[i + 2] <= 0xAA;
}

/* ASCII letters and digits. */
static bool ascii_alnum(unsigned char b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

static inline uint64_t load8(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* ASCII letters and digits lower-cased; 0 for every other byte. */
#define L8(c) c, c + 1, c + 2, c + 3, c + 4, c + 5, c + 6, c + 7
static const unsigned char ascii_lower[256] = {
	['0'] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
	['A'] = L8('a'), L8('i'), L8('q'), 'y', 'z',
	['a'] = L8('a'), L8('i'), L8('q'), 'y', 'z',
};
#undef L8

/* The ASCII letters and digits that start the eight bytes at p: their
 * number, and in *lower the eight bytes with those lower-cased and the rest
 * zero (as a little-endian number, which is how the lexicon hashes). The
 * bytes are classified all at once: each is a lane of a 64-bit number, its
 * high bit the answer. On a big-endian machine, none (the byte loop reads). */
static inline __attribute__((always_inline)) size_t ascii_word8(const char *p, uint64_t *lower)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t one = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t x;
	memcpy(&x, p, 8);
	uint64_t v = x | high;   /* 0x80 + the low seven bits: no borrow from a lane below */
	uint64_t folded = v | (one * 0x20);
	uint64_t letter = (folded - one * 'a') & ~(folded - one * ('z' + 1)) & high;
	uint64_t digit = (v - one * '0') & ~(v - one * ('9' + 1));
	uint64_t stop = ~(letter | digit) & high;
	stop |= x & high;   /* not ASCII */
	uint64_t keep = ((stop & -stop) >> 7) - 1;   /* the lanes below the first stop (all without one) */
	*lower = (x | (letter >> 2)) & keep;   /* 0x20 set in every letter lower-cases the capitals */
	/* without a branch on whether the word goes on past the eight (it
	 * does at random): with no stop, the lane found is the last, plus one */
	return (size_t)__builtin_ctzll(stop | 0x8000000000000000ull) / 8 + (stop == 0);
#else
	(void)p;
	*lower = 0;
	return 0;
#endif
}

#ifdef __SSE2__
/* ascii_word8 for the sixteen bytes at p, in one vector: their letters and
 * digits by two signed comparisons (a letter folded to lower case moved to
 * the bottom of the signed range, a digit too), the first other byte by one
 * mask. *lower gets them lower-cased, every lane from the first stop zero. */
static inline __attribute__((always_inline)) size_t ascii_word16(const char *p, __m128i *lower)
{
	const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
	/* 'a'..'z' + 31 are -128..-103 as signed bytes, '0'..'9' + 80 -128..-119;
	 * no other byte, ASCII or not, lands there */
	const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(31)), _mm_set1_epi8(-102));
	const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(80)), _mm_set1_epi8(-118));
	unsigned ok = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
	unsigned m = (unsigned)__builtin_ctz(~ok);   /* 16 when all are */
	/* the lanes below m: sixteen bytes of a row of 16 ones then 16 zeros
	 * (one load, where SSE2 spreads a byte over the lanes in four steps) */
	static const unsigned char ones_then_zeros[32] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	                                                    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
	const __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(ones_then_zeros + 16 - m));
	*lower = _mm_and_si128(_mm_or_si128(x, _mm_and_si128(letter, _mm_set1_epi8(0x20))), keep);
	return m;
}
#endif

/* The bytes a word may go on through after its ASCII letters and digits:
 * an apostrophe, hyphen, dot, comma, colon or line break (when what follows
 * joins it) and every byte of a longer character. One test, not six. */
#define HIGH16(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1, [b + 4] = 1, [b + 5] = 1, [b + 6] = 1, \
	[b + 7] = 1, [b + 8] = 1, [b + 9] = 1, [b + 10] = 1, [b + 11] = 1, [b + 12] = 1, [b + 13] = 1, [b + 14] = 1, [b + 15] = 1
static const unsigned char may_go_on[256] = {
	['\''] = 1, ['-'] = 1, ['.'] = 1, ['\n'] = 1, [','] = 1, [':'] = 1,
	HIGH16(0x80), HIGH16(0x90), HIGH16(0xA0), HIGH16(0xB0), HIGH16(0xC0), HIGH16(0xD0), HIGH16(0xE0), HIGH16(0xF0),
};
#undef HIGH16

/* The two-byte characters U+0080..U+027F (Latin-1 and Latin Extended:
 * the accented letters of the Latin-script languages) as the byte loops
 * read them, by (lead byte - 0xC2) << 6 | (second byte & 0x3F): 0 for no
 * letter or digit (it ends a word), 0xFFFF for a letter whose lower case
 * is not two bytes (İ, Ⱥ), else the lower case's code point, with 0x8000
 * for a capital. (libunistring's answers, as tok_is_alnum, tok_lower and
 * tok_is_upper give them: test_tok compares the path that reads this with
 * theirs for every one.) */
static const uint16_t latin2[512] = {
	/* U+0080 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+0088 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+0090 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+0098 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+00A0 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+00A8 */ 0x00A8, 0x0000, 0x00AA, 0x0000, 0x0000, 0x0000, 0x0000, 0x00AF,
	/* U+00B0 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x00B4, 0x00B5, 0x0000, 0x00B7,
	/* U+00B8 */ 0x00B8, 0x0000, 0x00BA, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	/* U+00C0 */ 0x80E0, 0x80E1, 0x80E2, 0x80E3, 0x80E4, 0x80E5, 0x80E6, 0x80E7,
	/* U+00C8 */ 0x80E8, 0x80E9, 0x80EA, 0x80EB, 0x80EC, 0x80ED, 0x80EE, 0x80EF,
	/* U+00D0 */ 0x80F0, 0x80F1, 0x80F2, 0x80F3, 0x80F4, 0x80F5, 0x80F6, 0x0000,
	/* U+00D8 */ 0x80F8, 0x80F9, 0x80FA, 0x80FB, 0x80FC, 0x80FD, 0x80FE, 0x00DF,
	/* U+00E0 */ 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
	/* U+00E8 */ 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
	/* U+00F0 */ 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x0000,
	/* U+00F8 */ 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
	/* U+0100 */ 0x8101, 0x0101, 0x8103, 0x0103, 0x8105, 0x0105, 0x8107, 0x0107,
	/* U+0108 */ 0x8109, 0x0109, 0x810B, 0x010B, 0x810D, 0x010D, 0x810F, 0x010F,
	/* U+0110 */ 0x8111, 0x0111, 0x8113, 0x0113, 0x8115, 0x0115, 0x8117, 0x0117,
	/* U+0118 */ 0x8119, 0x0119, 0x811B, 0x011B, 0x811D, 0x011D, 0x811F, 0x011F,
	/* U+0120 */ 0x8121, 0x0121, 0x8123, 0x0123, 0x8125, 0x0125, 0x8127, 0x0127,
	/* U+0128 */ 0x8129, 0x0129, 0x812B, 0x012B, 0x812D, 0x012D, 0x812F, 0x012F,
	/* U+0130 */ 0xFFFF, 0x0131, 0x8133, 0x0133, 0x8135, 0x0135, 0x8137, 0x0137,
	/* U+0138 */ 0x0138, 0x813A, 0x013A, 0x813C, 0x013C, 0x813E, 0x013E, 0x8140,
	/* U+0140 */ 0x0140, 0x8142, 0x0142, 0x8144, 0x0144, 0x8146, 0x0146, 0x8148,
	/* U+0148 */ 0x0148, 0x0149, 0x814B, 0x014B, 0x814D, 0x014D, 0x814F, 0x014F,
	/* U+0150 */ 0x8151, 0x0151, 0x8153, 0x0153, 0x8155, 0x0155, 0x8157, 0x0157,
	/* U+0158 */ 0x8159, 0x0159, 0x815B, 0x015B, 0x815D, 0x015D, 0x815F, 0x015F,
	/* U+0160 */ 0x8161, 0x0161, 0x8163, 0x0163, 0x8165, 0x0165, 0x8167, 0x0167,
	/* U+0168 */ 0x8169, 0x0169, 0x816B, 0x016B, 0x816D, 0x016D, 0x816F, 0x016F,
	/* U+0170 */ 0x8171, 0x0171, 0x8173, 0x0173, 0x8175, 0x0175, 0x8177, 0x0177,
	/* U+0178 */ 0x80FF, 0x817A, 0x017A, 0x817C, 0x017C, 0x817E, 0x017E, 0x017F,
	/* U+0180 */ 0x0180, 0x8253, 0x8183, 0x0183, 0x8185, 0x0185, 0x8254, 0x8188,
	/* U+0188 */ 0x0188, 0x8256, 0x8257, 0x818C, 0x018C, 0x018D, 0x81DD, 0x8259,
	/* U+0190 */ 0x825B, 0x8192, 0x0192, 0x8260, 0x8263, 0x0195, 0x8269, 0x8268,
	/* U+0198 */ 0x8199, 0x0199, 0x019A, 0x019B, 0x826F, 0x8272, 0x019E, 0x8275,
	/* U+01A0 */ 0x81A1, 0x01A1, 0x81A3, 0x01A3, 0x81A5, 0x01A5, 0x8280, 0x81A8,
	/* U+01A8 */ 0x01A8, 0x8283, 0x01AA, 0x01AB, 0x81AD, 0x01AD, 0x8288, 0x81B0,
	/* U+01B0 */ 0x01B0, 0x828A, 0x828B, 0x81B4, 0x01B4, 0x81B6, 0x01B6, 0x8292,
	/* U+01B8 */ 0x81B9, 0x01B9, 0x01BA, 0x01BB, 0x81BD, 0x01BD, 0x01BE, 0x01BF,
	/* U+01C0 */ 0x01C0, 0x01C1, 0x01C2, 0x01C3, 0x81C6, 0x81C6, 0x01C6, 0x81C9,
	/* U+01C8 */ 0x81C9, 0x01C9, 0x81CC, 0x81CC, 0x01CC, 0x81CE, 0x01CE, 0x81D0,
	/* U+01D0 */ 0x01D0, 0x81D2, 0x01D2, 0x81D4, 0x01D4, 0x81D6, 0x01D6, 0x81D8,
	/* U+01D8 */ 0x01D8, 0x81DA, 0x01DA, 0x81DC, 0x01DC, 0x01DD, 0x81DF, 0x01DF,
	/* U+01E0 */ 0x81E1, 0x01E1, 0x81E3, 0x01E3, 0x81E5, 0x01E5, 0x81E7, 0x01E7,
	/* U+01E8 */ 0x81E9, 0x01E9, 0x81EB, 0x01EB, 0x81ED, 0x01ED, 0x81EF, 0x01EF,
	/* U+01F0 */ 0x01F0, 0x81F3, 0x81F3, 0x01F3, 0x81F5, 0x01F5, 0x8195, 0x81BF,
	/* U+01F8 */ 0x81F9, 0x01F9, 0x81FB, 0x01FB, 0x81FD, 0x01FD, 0x81FF, 0x01FF,
	/* U+0200 */ 0x8201, 0x0201, 0x8203, 0x0203, 0x8205, 0x0205, 0x8207, 0x0207,
	/* U+0208 */ 0x8209, 0x0209, 0x820B, 0x020B, 0x820D, 0x020D, 0x820F, 0x020F,
	/* U+0210 */ 0x8211, 0x0211, 0x8213, 0x0213, 0x8215, 0x0215, 0x8217, 0x0217,
	/* U+0218 */ 0x8219, 0x0219, 0x821B, 0x021B, 0x821D, 0x021D, 0x821F, 0x021F,
	/* U+0220 */ 0x819E, 0x0221, 0x8223, 0x0223, 0x8225, 0x0225, 0x8227, 0x0227,
	/* U+0228 */ 0x8229, 0x0229, 0x822B, 0x022B, 0x822D, 0x022D, 0x822F, 0x022F,
	/* U+0230 */ 0x8231, 0x0231, 0x8233, 0x0233, 0x0234, 0x0235, 0x0236, 0x0237,
	/* U+0238 */ 0x0238, 0x0239, 0xFFFF, 0x823C, 0x023C, 0x819A, 0xFFFF, 0x023F,
	/* U+0240 */ 0x0240, 0x8242, 0x0242, 0x8180, 0x8289, 0x828C, 0x8247, 0x0247,
	/* U+0248 */ 0x8249, 0x0249, 0x824B, 0x024B, 0x824D, 0x024D, 0x824F, 0x024F,
	/* U+0250 */ 0x0250, 0x0251, 0x0252, 0x0253, 0x0254, 0x0255, 0x0256, 0x0257,
	/* U+0258 */ 0x0258, 0x0259, 0x025A, 0x025B, 0x025C, 0x025D, 0x025E, 0x025F,
	/* U+0260 */ 0x0260, 0x0261, 0x0262, 0x0263, 0x0264, 0x0265, 0x0266, 0x0267,
	/* U+0268 */ 0x0268, 0x0269, 0x026A, 0x026B, 0x026C, 0x026D, 0x026E, 0x026F,
	/* U+0270 */ 0x0270, 0x0271, 0x0272, 0x0273, 0x0274, 0x0275, 0x0276, 0x0277,
	/* U+0278 */ 0x0278, 0x0279, 0x027A, 0x027B, 0x027C, 0x027D, 0x027E, 0x027F,
};

/* latin2's entry for the character at t[i] (before end), 0xFFFF when it
 * is none of its range (or cut off by end, or not UTF-8). */
static inline unsigned latin_at(const char *t, size_t i, size_t end)
{
	unsigned b = (unsigned char)t[i] - 0xC2u;
	if (b > 0xC9u - 0xC2u || i + 2 > end || ((unsigned char)t[i + 1] & 0xC0) != 0x80)
		return 0xFFFF;
	return latin2[b << 6 | ((unsigned char)t[i + 1] & 0x3F)];
}

/* The word token starting at t[pos], cap when it starts with a capital:
 * its end, its letters lower-cased into *lowp (LEX_PADDED bytes of room;
 * out->low, and *lowp moved past the word and its padding) and their lexicon entry
 * (next_token has set out->s and the fields before). With latin (the
 * article's pass: a constant), the letters of latin2 are read from it,
 * not decoded and looked up one by one (the plain path, tok_next's). */
static inline __attribute__((always_inline)) size_t read_word(const char *t, size_t pos, size_t end, enum lang lang,
                                                              tok *out, char **lowp, bool cap, bool latin)
{
	char *low = *lowp;
	out->kind = T_WORD;
	out->cap = cap;
	out->low = low;
	size_t i = pos;
	size_t k = 0;
	bool fits = true, ascii = true;
	uint64_t first8 = 0;   /* the first eight bytes' letters and digits, lower-cased */
	size_t first_n = SIZE_MAX;
	for (;;) {
		/* the common case: a run of ASCII letters and digits, lower-cased as
		 * it goes, eight bytes at a time (no branch on every letter) */
		bool stopped = false;   /* at a byte that is no ASCII letter or digit */
#ifdef __SSE2__
		/* sixteen at a time while they fit in low (most words end in the first) */
		for (__m128i lower; i + 16 <= end && k + 16 <= LEX_PADDED;) {
			size_t m = ascii_word16(t + i, &lower);
			if (k + m > LEX_MAXWORD)
				break;   /* the loops below end a long word */
			_mm_storeu_si128((__m128i *)(void *)(low + k), lower);
			if (k == 0) {
				first8 = (uint64_t)_mm_cvtsi128_si64(lower);
				first_n = m;
			}
			k += m;
			i += m;
			if (m < 16) {
				stopped = true;
				break;
			}
		}
#endif
		for (uint64_t lower; !stopped && i + 8 <= end;) {
			size_t m = ascii_word8(t + i, &lower);
			if (k + m > LEX_MAXWORD)
				break;   /* the byte loop below ends a long word */
			memcpy(low + k, &lower, 8);   /* k <= LEX_MAXWORD: inside low */
			if (k == 0) {
				first8 = lower;
				first_n = m;
			}
			k += m;
			i += m;
			if (m < 8) {
				stopped = true;
				break;
			}
		}
		unsigned char lc;
		while (!stopped && i < end && k < LEX_MAXWORD && (lc = ascii_lower[(unsigned char)t[i]])) {
			low[k++] = (char)lc;
			i++;
		}
		while (!stopped && i < end && ascii_lower[(unsigned char)t[i]]) {   /* too long for the lists */
			fits = false;
			i++;
		}
		if (i >= end)
			break;
		if (!may_go_on[(unsigned char)t[i]]) {
			if (t[i] != '"' || !gershayim_at(t, i, end))
				break;
			if (k < LEX_MAXWORD)   /* an acronym's mark: part of the word */
				low[k++] = '"';
			else
				fits = false;
			ascii = false;
			i++;
			continue;
		}
		if (latin) {
			unsigned v = latin_at(t, i, end);
			if (!v)
				break;   /* no letter or digit (nor a mark that joins: those are ASCII or three bytes) */
			if (v != 0xFFFF) {
				ascii = false;
				if (k + 2 <= LEX_MAXWORD) {
					low[k] = (char)(0xC0 | (v & 0x7FF) >> 6);
					low[k + 1] = (char)(0x80 | (v & 0x3F));
					k += 2;
				} else {
					fits = false;
				}
				i += 2;
				continue;
			}
		}
		int l;
		unsigned c = tok_decode(t + i, end - i, &l);
		size_t from = i;
		if (tok_is_alnum(c) && !tok_is_cjk(c)) {
			i += (size_t)l;
		} else if ((c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == 0x2010 || c == 0x2011 ||
		            c == 0x200C || c == 0x05F3 || c == 0x05F4) &&   /* (the zero-width non-joiner inside a Persian
		                                                            * word, Hebrew's geresh and gershayim) */
		           joins(t, i, end, l) && !(c == '.' && run_on_sentence(t, pos, i, end))) {
			i += (size_t)l;
		} else if (c == ',' && i > pos && t[i - 1] >= '0' && t[i - 1] <= '9' && i + 1 < end && t[i + 1] >= '0' &&
		           t[i + 1] <= '9') {   /* 40,000 */
			i += (size_t)l;
		} else if (c == ':' && colon_ending(t, pos, i, end)) {   /* YK:n */
			i += (size_t)l;
		} else if (c == '\n' && i > pos && t[i - 1] == '-' && joins(t, i, end, 1)) {
			i++;
			continue;   /* a hyphen join: not part of the word's letters */
		} else {
			break;
		}
		ascii = false;   /* (a mark that joins, or a letter of more than a byte) */
		if (c < 0x80) {
			if (k < LEX_MAXWORD)
				low[k++] = (char)c;
			else
				fits = false;
		} else {
			char tmp[LEX_MAXWORD + 1];
			size_t m = tok_lower(t + from, i - from, tmp);
			if (m && k + m <= LEX_MAXWORD) {
				memcpy(low + k, tmp, m);
				k += m;
			} else {
				fits = false;
			}
		}
	}
	out->e = (uint32_t)i;
	if (!fits)
		k = 0;
	memset(low + k, 0, 8);   /* the padding lex_find_padded reads */
	*lowp = low + ((k | 7) + 1);   /* (to the next multiple of eight) */
	out->n = (unsigned char)k;
	out->ascii = ascii && k;
	if (k && k == first_n && k <= 8)   /* the word is first8: looked up from the register, not re-read */
		out->entry = (short)lex_find_word8(first8, k);
	else if (k && k == first_n && k <= 16)   /* the sixteen-byte loop read it: its second half from low */
		out->entry = (short)lex_find_word16(first8, load8(low + 8), k);
	else if (latin && k && k <= 16)   /* (an accented word: inline, not a call) */
		out->entry = (short)(k <= 8 ? lex_find_word8(load8(low), k)
		                            : lex_find_word16(load8(low), load8(low + 8), k));
	else
		out->entry = (short)(k ? lex_find_padded(low, k) : -1);
	out->lex = lang != LANG_UNKNOWN && out->entry >= 0 ? lex_mask(out->entry, lang) : 0;   /* (most words are not listed) */
	return i;
}

/* low of a token that is no word of spaced letters (tok.h) */
static const tok_low no_word;

/* tok_next, inlined into the article's token loop (a call for every token
 * costs a tenth of the token); a word's lower case goes to *low, which
 * moves past it */
static inline __attribute__((always_inline)) size_t next_token(const char *t, size_t pos, size_t end, enum lang lang,
                                                               tok *out, char **low, bool latin)
{
	/* the fields from a blank token: a few wide stores instead of one for
	 * each field */
	static const tok blank = { .kind = T_NONE, .entry = -1, .low = no_word };
	memcpy(out, &blank, sizeof blank);
	out->lang = (unsigned char)lang;
	int len = 1;
	unsigned c = 0;
	bool para = false;   /* (kept here, stored once: the loop runs for every space) */
	bool cap;
	if (pos < end)   /* the one space between words, without a branch that goes either way */
		pos += t[pos] == ' ';
	if (pos < end && ascii_lower[(unsigned char)t[pos]]) {   /* the common case: a word after that space */
		unsigned char b = (unsigned char)t[pos];
		cap = b >= 'A' && b <= 'Z';
		goto word;
	}
	if (latin && pos < end) {   /* a word of an accented letter after that space */
		unsigned v = latin_at(t, pos, end);
		if (v && v != 0xFFFF) {
			cap = v >> 15;
			goto word;
		}
	}
	while (pos < end) {
		unsigned char b = (unsigned char)t[pos];
		if (b == ' ') {
			pos++;
			continue;
		}
		if (b == '\n' || b == '\t') {
			para |= b == '\n';   /* between tokens a '\n' ends a paragraph */
			pos++;
			continue;
		}
		if (b < 0x80) {
			c = b;
			len = 1;
			break;
		}
		c = tok_decode(t + pos, end - pos, &len);
		if (!tok_is_space(c))
			break;
		pos += (size_t)len;
	}
	out->para = para;
	if (pos >= end) {
		out->kind = T_NONE;
		out->s = out->e = (uint32_t)end;
		return end;
	}
	out->s = (uint32_t)pos;
	if (c >= 0x3040 && tok_is_cjk(c)) {
		out->kind = T_WORD;
		out->cjk = true;
		out->e = (uint32_t)(pos + (size_t)len);
		return out->e;
	}
	if (c < 0x80 ? !ascii_lower[c] : !tok_is_alnum(c)) {
		out->kind = punct_kind(c);
		if ((c == '\'' || c == 0x2019) && pos > 0 && ascii_alnum((unsigned char)t[pos - 1]))
			out->kind = T_OTHER;   /* Reuters' office: a possessive, not a quote */
		out->e = (uint32_t)(pos + (size_t)len);
		if (c == '-' && out->e < end && (t[out->e] == ' ' || t[out->e] == '-'))
			out->kind = T_DASH;
		return out->e;
	}
	cap = c < 0x80 ? (c >= 'A' && c <= 'Z') : tok_is_upper(c);
word:   /* (one copy of read_word, not one for each way to a word: it is most of the code) */
	out->s = (uint32_t)pos;
	return read_word(t, pos, end, lang, out, low, cap, latin);
}

size_t tok_next(const char *t, size_t pos, size_t end, enum lang lang, tok *out, char *low)
{
	return next_token(t, pos, end, lang, out, &low, false);
}

/* Does a sentence start after a token of kind k (. ! ? : or a quotation
 * mark)? One bit each kind: a test for every token, not a branch. */
static inline unsigned starts_after(unsigned k)
{
	return ((1u << T_STOP | 1u << T_MARK | 1u << T_COLON) >> k) & 1;
}

/* Marks the abbreviation dot and the sentence start of *w, which follows
 * *p (NULL: w is the first token). tok_next has set its paragraph start. */
static inline void mark_after(const char *t, tok *w, const tok *p)
{
	if (!p) {
		w->para = false;
		w->sent = true;
		return;
	}
	if (w->kind == T_STOP && p->kind == T_WORD && p->e == w->s && t[w->s] == '.' && abbreviation(p))
		w->kind = T_ABBR;
	w->sent = w->para | starts_after(p->kind);
}

/* mark_after for v[k], which follows v[k - 1] (when k > 0). */
static inline void mark_token(const char *t, tok *v, size_t k)
{
	mark_after(t, &v[k], k ? &v[k - 1] : NULL);
}

/* Room for cap tokens (at least td->n) and their words' lower case:
 * the words read so far move with their buffer. Q_ENOMEM leaves td as
 * it was but for where its tokens lie. */
static int set_room(tok_doc *td, size_t cap)
{
	if (cap > SIZE_MAX / LEX_PADDED)
		return Q_ENOMEM;
	tok *v = realloc(td->v, cap * sizeof *v);
	if (!v)
		return Q_ENOMEM;
	td->v = v;
	char *lows = malloc(cap * LEX_PADDED);
	if (!lows)
		return Q_ENOMEM;
	if (td->nlow)
		memcpy(lows, td->lows, td->nlow);
	for (size_t i = 0; i < td->n; i++)
		if (v[i].low != no_word)
			v[i].low = lows + (v[i].low - td->lows);
	free(td->lows);
	td->lows = lows;
	td->cap = cap;
	return 0;
}

/* Room for one token more (twice the room when it grows). */
static int grow_room(tok_doc *td)
{
	if (td->n < td->cap)
		return 0;
	return set_room(td, td->cap < 128 ? 256 : 2 * td->cap);
}

static tok *tok_doc_push(tok_doc *td)
{
	if (grow_room(td))
		return NULL;
	return &td->v[td->n];
}

/* Appends a token of kind over t[s,e) that is no word of the lexicon
 * (a quote's words, the full stop they end with); NULL when memory ran out. */
static tok *push_bare(tok_doc *td, const char *t, enum tok_kind kind, size_t s, size_t e, enum lang lang, bool para)
{
	tok *w = tok_doc_push(td);
	if (!w)
		return NULL;
	memset(w, 0, sizeof *w);
	w->kind = (unsigned char)kind;
	w->entry = -1;
	w->low = no_word;
	w->lang = (unsigned char)lang;
	w->s = (uint32_t)s;
	w->e = (uint32_t)e;
	w->para = para;
	mark_token(t, td->v, td->n);
	td->n++;
	return w;
}

/* Does t[s,e) end a sentence (. ! ? … 。 ！ ？ ؟ ۔ । ։ before trailing spaces)? */
static bool ends_with_stop(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n'))
		e--;
	if (e == s)
		return false;
	char c = t[e - 1];
	if (c == '.' || c == '!' || c == '?')
		return true;
	if (e - s >= 2 && (!memcmp(t + e - 2, "\xD8\x9F", 2) || !memcmp(t + e - 2, "\xDB\x94", 2) ||
	                   !memcmp(t + e - 2, "\xD6\x89", 2)))
		return true;   /* Arabic's question mark and full stop, Armenian's full stop */
	return e - s >= 3 && (!memcmp(t + e - 3, "\xE2\x80\xA6", 3) || !memcmp(t + e - 3, "\xE3\x80\x82", 3) ||
	                      !memcmp(t + e - 3, "\xEF\xBC\x81", 3) || !memcmp(t + e - 3, "\xEF\xBC\x9F", 3) ||
	                      !memcmp(t + e - 3, "\xE0\xA5\xA4", 3));   /* (the danda) */
}

/* The classes of v[0..n) for lang (they were read before it was known).
 * Without a branch on whether a word is listed, which goes either way at
 * random (about half the words are): an unlisted word reads entry 0's
 * classes and masks them away. */
static void set_lang(tok *v, size_t n, enum lang lang)
{
	if (lang <= LANG_UNKNOWN || lang > LEX_NLANG) {
		for (size_t i = 0; i < n; i++) {
			v[i].lex = 0;
			v[i].lang = (unsigned char)lang;
		}
		return;
	}
	/* the two tables apart, the language's test out of the loop */
	if (lang <= LEX_INLINE) {
		for (size_t i = 0; i < n; i++) {
			int e = v[i].entry;
			uint32_t listed = -(uint32_t)(e >= 0);
			v[i].lex = lex_words[e & (int)listed].mask[lang - 1] & listed;
			v[i].lang = (unsigned char)lang;
		}
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int e = v[i].entry;
		uint32_t listed = -(uint32_t)(e >= 0);
		v[i].lex = lex_more[e & (int)listed][lang - LEX_INLINE - 1] & listed;
		v[i].lang = (unsigned char)lang;
	}
}

/* The running state of build: the language (detected from the first
 * tokens when detect is set) and the profile of the sample's words. */
/* four languages' counts in each 64-bit number */
#define LANG_LATIN_LANES ((LANG_LATIN_COUNT + 3) / 4)

typedef struct build_state {
	enum lang lang;
	/* the language profile of the sample's words (lang_count_word's
	 * counts): sixteen bits a language, the Latin-script languages 0 to 3
	 * (lang_latin) in lanes[0], 4 to 7 in lanes[1], and so on */
	uint64_t lanes[LANG_LATIN_LANES];
} build_state;

/* lang_count_word for a listed word, inline: a step for each language
 * whose profile holds the word (most words are in none, one or two), not
 * one for each of the many languages. */
static inline void count_listed(build_state *b, const tok *w)
{
	for (unsigned p = lex_profile(w->entry); p; p &= p - 1) {
		unsigned i = (unsigned)__builtin_ctz(p);
		b->lanes[i / 4] += 1ull << (i % 4 * 16);
	}
}

/* The counts of b as lang_from_scores reads them. */
static void scores_of(const build_state *b, unsigned score[LANG_COUNT])
{
	memset(score, 0, LANG_COUNT * sizeof *score);
	unsigned i = 0;
	for (uint64_t m = LANG_LATIN_MASK; m; m &= m - 1, i++)
		score[__builtin_ctzll(m)] = (unsigned)(b->lanes[i / 4] >> (i % 4 * 16)) & 0xFFFF;
}


/* The language of the sample counted in b. */
static enum lang decide(const build_state *b, const char *t, size_t len)
{
	unsigned score[LANG_COUNT];
	scores_of(b, score);
	return lang_from_scores(t, len, score);
}

/* The language of the article's tokens, from the words of their first
 * LANG_SAMPLE bytes (from the first token's start): they were read with
 * the classes of the guess (b->lang), and get the language's instead when
 * it is another. Counted after the token pass, not in it: a second copy
 * of the token loop, which counts, was as much code again for the
 * instruction cache to hold in every article (half its tokens). */
static void detect_after(tok_doc *td, const char *t, size_t len, build_state *b)
{
	const tok *v = td->v;
	if (td->n) {
		const size_t sample_end = (size_t)v[0].s + LANG_SAMPLE;
		for (size_t i = 0; i < td->n && v[i].s < sample_end; i++)
			if (v[i].entry >= 0)   /* (a word no list holds counts for none) */
				count_listed(b, &v[i]);
	}
	enum lang lang = decide(b, t, len);
	if (lang != b->lang)
		set_lang(td->v, td->n, lang);
	b->lang = lang;
	td->guess = lang;
}

#ifdef __SSE2__
/* The fields of fast_word's third store that are known before its word
 * is read: sent (whether the token before lets a sentence start:
 * starts_after, true for the first token), lang and ascii (true). */
static inline uint64_t word_fields(enum lang lang, unsigned sent)
{
	return (uint64_t)sent << 8 | (uint64_t)lang << 32 | 1ull << 48;
}

/* The common token, read in one go: after at most one space, a word of
 * fewer than sixteen ASCII letters and digits that nothing can go on
 * through (what follows it is white space or an ASCII mark that no letter
 * or digit follows). Fills *w as next_token and mark_after would, every
 * field once, and returns true with *posp moved past the word; false when
 * the token is another (next_token reads it). col: lex_column(lang), the
 * classes of lang read without a test of the language for every word.
 * f2: the fields of the third store known before the word is read
 * (word_fields: one number live in the loop, not two). The sixteen
 * bytes it reads may pass end (the start of a quote's words, which the
 * tokens pass over) as long as they lie inside the text (len): a word
 * near a quote is common, and the word itself must still end by end. */
static inline __attribute__((always_inline)) bool fast_word(const char *t, size_t *posp, size_t end, size_t len,
                                                            enum lang lang, const uint32_t *col, tok *w,
                                                            char **lowp, uint64_t f2)
{
	size_t pos = *posp;
	size_t q = pos + (pos < end && t[pos] == ' ');
	if (q + 16 > len || !ascii_lower[(unsigned char)t[q]])
		return false;
	__m128i lower;
	size_t m = ascii_word16(t + q, &lower), i = q + m;
	/* of ASCII letters and digits, the capitals alone have 0x20 clear
	 * (the byte from the vector ascii_word16 read, not kept in a register
	 * the lookup needs) */
	uint64_t cap = !(_mm_cvtsi128_si32(_mm_loadu_si128((const __m128i *)(const void *)(t + q))) & 0x20);
	if (m == 16 || i > end)
		return false;
	unsigned char b = (unsigned char)t[i];
	if (may_go_on[b] && b != '\n') {   /* ' - . , : or a byte of a longer character */
		if (b >= 0x80 || i + 1 >= end || (unsigned char)t[i + 1] >= 0x80 || ascii_lower[(unsigned char)t[i + 1]])
			return false;   /* (it may join what follows: U.S, don't, 40,000) */
	}
	uint64_t first8 = (uint64_t)_mm_cvtsi128_si64(lower);
	int entry = m <= 8 ? lex_find_short(first8, m)   /* (1 <= m < 16) */
	                   : lex_find_long(first8, (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(lower, lower)), m);
	uint32_t lex = entry < 0 ? 0 : col ? lex_mask_in(col, entry) : lex_mask(entry, lang);
	/* (mark_after: no dot of an abbreviation; the sentence's start is in f2) */
	/* the fields before low in three stores of eight bytes, not one a
	 * field (a dozen for every word): s and e; lex, entry, kind and cjk
	 * (false); cap, sent, para (false), n, lang, mark (0), ascii (true) and
	 * the byte of padding before low */
	uint64_t f0 = (uint64_t)q | (uint64_t)i << 32;
	uint64_t f1 = lex | (uint64_t)(uint16_t)entry << 32 | (uint64_t)T_WORD << 48;
	f2 |= cap | (uint64_t)m << 24;
	memcpy((char *)w + offsetof(tok, s), &f0, 8);
	memcpy((char *)w + offsetof(tok, lex), &f1, 8);
	memcpy((char *)w + offsetof(tok, cap), &f2, 8);
	char *low = *lowp;
	w->low = low;
	_mm_storeu_si128((__m128i *)(void *)low, lower);   /* zero from low[m], past the next multiple of eight (m < 16) */
	*lowp = low + 8 + (m & 8);   /* ((m | 7) + 1: m < 16) */
	*posp = i;
	return true;
}

/* fast_word's wide stores hold tok's fields in this order, little-endian. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the fields in wide stores, lowest byte first");
_Static_assert(offsetof(tok, e) == offsetof(tok, s) + 4 && sizeof(uint32_t) == sizeof(((tok *)0)->s) &&
               offsetof(tok, lex) == offsetof(tok, s) + 8 && sizeof(((tok *)0)->lex) == 4 &&
               offsetof(tok, entry) == offsetof(tok, lex) + 4 && sizeof(((tok *)0)->entry) == 2 &&
               offsetof(tok, kind) == offsetof(tok, lex) + 6 && offsetof(tok, cjk) == offsetof(tok, lex) + 7 &&
               offsetof(tok, cap) == offsetof(tok, lex) + 8 && offsetof(tok, sent) == offsetof(tok, cap) + 1 &&
               offsetof(tok, para) == offsetof(tok, cap) + 2 && offsetof(tok, n) == offsetof(tok, cap) + 3 &&
               offsetof(tok, lang) == offsetof(tok, cap) + 4 && offsetof(tok, mark) == offsetof(tok, cap) + 5 &&
               offsetof(tok, ascii) == offsetof(tok, cap) + 6 &&
               offsetof(tok, low) == offsetof(tok, cap) + 8 && sizeof(bool) == 1,
               "fast_word's three stores of eight bytes");
#endif

void tok_count_profile(const char *t, size_t end, size_t len, unsigned score[LANG_COUNT])
{
	_Static_assert(LANG_SAMPLE < 0xFFFF, "a sample's counts fit in 16-bit lanes");
	build_state b = { .lang = LANG_UNKNOWN };
	tok w;
	tok_low low;
	for (size_t pos = 0; pos < end;) {
		bool after = false;
		char *room = low;   /* (each word in it from its start) */
#ifdef __SSE2__
		after = fast_word(t, &pos, end, len, LANG_UNKNOWN, NULL, &w, &room, word_fields(LANG_UNKNOWN, 1));   /* (what comes before matters not here) */
#endif
		if (!after) {
			pos = next_token(t, pos, end, LANG_UNKNOWN, &w, &room, true);
			if (w.kind == T_NONE)
				break;
		}
		if (w.kind == T_WORD && w.entry >= 0)
			count_listed(&b, &w);
	}
	(void)len;
	scores_of(&b, score);
}

/* The tokens of t[pos,end) appended to td, in the classes of lang;
 * returns where it stopped. */
static size_t tokens_to(tok_doc *td, const char *t, size_t len, size_t pos, size_t end, const enum lang lang)
{
	/* the array in locals, the next token and the end of the room as
	 * pointers (fewer numbers live in the loop), stored back when it ends:
	 * a token's stores could alias td's fields, which the compiler would
	 * otherwise read again for every token */
	tok *v = td->v, *w = v + td->n, *room = v + td->cap;
	char *low = td->lows + td->nlow;   /* where the next word's lower case goes */
#ifdef __SSE2__
	/* the classes of lang, and the next word's fields as the token
	 * before decides them (kept in a register: the token stores are bytes) */
	const uint32_t *col = lex_column(lang);
	uint64_t f2 = word_fields(lang, w > v ? starts_after(w[-1].kind) : 1);
#else
	(void)len;   /* (only the fast path reads past end) */
#endif
	for (;; w++) {
		if (w == room) {
			size_t n = (size_t)(w - v);
			td->n = n;
			td->nlow = (size_t)(low - td->lows);
			if (grow_room(td)) {
				td->rc = Q_ENOMEM;
				return pos;
			}
			v = td->v;
			w = v + n;
			room = v + td->cap;
			low = td->lows + td->nlow;
		}
#ifdef __SSE2__
		if (fast_word(t, &pos, end, len, lang, col, w, &low, f2)) {
			f2 = word_fields(lang, 0);   /* (none starts after a word) */
		} else
#endif
		{
			pos = next_token(t, pos, end, lang, w, &low, true);
			if (w->kind == T_NONE)
				break;
			mark_after(t, w, w > v ? w - 1 : NULL);
#ifdef __SSE2__
			f2 = word_fields(lang, starts_after(w->kind));
#endif
		}
	}
	td->n = (size_t)(w - v);
	td->nlow = (size_t)(low - td->lows);
	return pos;
}

/* td->at: the start of every TOK_AT_STEP-th token, and td->blk: where
 * each block of the text begins among them, so that a lookup reads a few
 * numbers and tokens, not a search of the tokens (the attribution looks
 * up several positions for every quote). Made from the samples, not the
 * tokens: a fraction of their cost. Without memory for it, the lookups
 * search the tokens. */
static void sample_starts(tok_doc *td, size_t len)
{
	size_t n = (td->n + TOK_AT_STEP - 1) / TOK_AT_STEP, nb = (len >> TOK_BLK_SHIFT) + 1;
	td->blk = NULL;
	td->nat = td->nblk = 0;
	if (!n || len > UINT32_MAX)
		return;
	if (td->atcap < n + nb) {   /* (a block kept from an article before may do) */
		free(td->at);
		td->at = malloc((n + nb) * sizeof *td->at);
		td->atcap = td->at ? n + nb : 0;
	}
	if (!td->at)
		return;
	for (size_t i = 0; i < n; i++)
		td->at[i] = (uint32_t)td->v[i * TOK_AT_STEP].s;
	td->blk = td->at + n;
	for (size_t b = 0, i = 0; b < nb; b++) {
		while (i < n && td->at[i] < b << TOK_BLK_SHIFT)
			i++;
		td->blk[b] = (uint32_t)i;
	}
	td->nat = n;
	td->nblk = nb;
}

/* The longest unlisted word of a caseless language that may be a name,
 * in bytes (ten Devanagari letters or hangul syllables): a longer one is
 * a compound title or a verb with its endings. (The lists hold longer
 * words, LEX_MAXWORD: the compound titles themselves.) */
#define CASELESS_NAME_MAX 31

/* In a script without capitals (a caseless language: Arabic, Hebrew,
 * Devanagari, Hangul), a word none of the language's lists holds is taken
 * as a capitalised one would be, so that names are runs of such words
 * between the listed ones (cues, titles, function words); the language's
 * file also reads a lone such word as a name only where the article gives
 * it in full (capitalised_nouns), since most of them are nouns. Digits and
 * Latin words keep their own case, and a word longer than
 * CASELESS_NAME_MAX (or than the lists' words: n 0) is no name. */
static void caseless_caps(tok *v, size_t n, const char *t)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == T_WORD && !v[i].lex && v[i].n && v[i].n <= CASELESS_NAME_MAX &&
		    (unsigned char)t[v[i].s] >= 0x80)
			v[i].cap = true;
}

/* tok_doc_build, and when detect is set, the language detected from the
 * first tokens (detect_after): every token is read in the classes of the
 * guess, which most often holds. */
static int build(tok_doc *td, const char *t, size_t len, enum lang *langp, bool detect, const tok_skip *skip,
                 size_t nskip)
{
	build_state b = { .lang = detect ? td->guess : *langp };
	td->built = true;
	/* room for a token every four bytes read (text has one every five or
	 * six): one allocation, hardly ever copied as it grows, and the pages
	 * never written take no memory */
	size_t read = len;
	for (size_t k = 0; k < nskip; k++)
		read -= skip[k].e - skip[k].s <= read ? skip[k].e - skip[k].s : read;
	size_t want = read / 4 + 64;
	if (td->cap < want && !td->n) {   /* (the room kept from an article before may do) */
		free(td->v);   /* (nothing in it to copy) */
		td->v = NULL;
		td->cap = 0;
		if (set_room(td, want))
			return td->rc = Q_ENOMEM;
	}
	size_t pos = 0, k = 0;
	for (;;) {
		size_t end = k < nskip && skip[k].s < len ? skip[k].s : len;
		if (pos >= end && k < nskip && end < len && !skip[k].quote) {
			pos = skip[k].e > pos ? skip[k].e : pos;   /* far from any quote: not read */
			k++;
			continue;
		}
		if (pos >= end && k < nskip && end < len) {
			/* a quote's words: one token, and a full stop when they end a sentence */
			bool para = td->n > 0 && memchr(t + td->v[td->n - 1].e, '\n', skip[k].s - td->v[td->n - 1].e);
			if (!push_bare(td, t, T_QUOTE, skip[k].s, skip[k].e, b.lang, para) ||
			    (ends_with_stop(t, skip[k].s, skip[k].e) &&
			     !push_bare(td, t, T_STOP, skip[k].e - 1, skip[k].e, b.lang, false)))
				return td->rc = Q_ENOMEM;
			pos = skip[k].e > pos ? skip[k].e : pos;
			k++;
			continue;
		}
		pos = tokens_to(td, t, len, pos, end, b.lang);
		if (td->rc)
			return td->rc;
		if (end >= len)
			break;
		pos = end;
	}
	if (detect)
		detect_after(td, t, len, &b);
	*langp = b.lang;
	if (lex_lang_props(b.lang) & LP_CASELESS)
		caseless_caps(td->v, td->n, t);
	sample_starts(td, len);
	return 0;
}

int tok_doc_build(tok_doc *td, const char *t, size_t len, enum lang lang, const tok_skip *skip, size_t nskip)
{
	return build(td, t, len, &lang, false, skip, nskip);
}

int tok_doc_build_detect(tok_doc *td, const char *t, size_t len, enum lang *lang, const tok_skip *skip, size_t nskip)
{
	return build(td, t, len, lang, *lang == LANG_UNKNOWN, skip, nskip);
}

/* A listed word's draw for the dropout: the same for every token of the
 * word (the list lacks the word, not one use of it), another for another
 * seed; made of the word itself (its first sixteen bytes and its length),
 * not of its place in the lexicon, so that a word added to one list
 * leaves the other words' draws, and what the trainer learns, as they were. */
static uint32_t drop_draw(short entry, uint64_t seed)
{
	const lex_entry *e = &lex_words[entry];
	uint64_t a, b;
	memcpy(&a, e->w, sizeof a);
	memcpy(&b, e->w + 8, sizeof b);
	uint64_t x = seed ^ (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ e->len;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return (uint32_t)((x ^ (x >> 31)) >> 32);
}

void tok_doc_drop_classes(tok_doc *td, uint32_t below, uint64_t seed)
{
	for (size_t i = 0; i < td->n; i++) {
		tok *w = &td->v[i];
		if (w->lex && w->entry >= 0 && drop_draw(w->entry, seed) < below)
			w->lex = 0;
	}
}

void tok_doc_free(tok_doc *td)
{
	free(td->v);
	free(td->lows);
	free(td->at);
	memset(td, 0, sizeof *td);
}

void tok_doc_clear(tok_doc *td)
{
	td->n = td->nat = td->nblk = td->nlow = 0;
	td->blk = NULL;
	td->built = false;
	td->rc = 0;
}

/* The first of v[0,n) with v->s >= s, and with v->e > e: binary searches
 * without a branch on the comparison (which goes either way at random, a
 * misprediction every other step), as the tokens are in text order. */
static size_t first_starting_at(const tok *v, size_t n, size_t s)
{
	if (!n)
		return 0;
	const tok *base = v;
	for (size_t len = n; len > 1;) {
		size_t half = len / 2;
		base += half & -(size_t)(base[half - 1].s < s);   /* (a mask: gcc made a branch of ?:) */
		len -= half;
	}
	return (size_t)(base - v) + (base->s < s);
}

static size_t first_ending_after(const tok *v, size_t n, size_t e)
{
	if (!n)
		return 0;
	const tok *base = v;
	for (size_t len = n; len > 1;) {
		size_t half = len / 2;
		base += half & -(size_t)(base[half - 1].e <= e);
		len -= half;
	}
	return (size_t)(base - v) + (base->e <= e);
}

size_t tok_doc_first_at(const tok_doc *td, size_t pos)
{
	if (!td->nat)
		return first_starting_at(td->v, td->n, pos);
	size_t b = pos >> TOK_BLK_SHIFT;
	if (b >= td->nblk)
		return td->n;   /* past the text */
	/* the first sample at or after pos, then the tokens before it */
	size_t i = td->blk[b];
	while (i < td->nat && td->at[i] < pos)
		i++;
	if (i == 0)
		return 0;
	/* (searched as the whole array is: how many of the few tokens lie
	 * before pos goes either way at random, a walk mispredicts its end) */
	size_t k = (i - 1) * TOK_AT_STEP + 1, end = k + TOK_AT_STEP - 1 < td->n ? k + TOK_AT_STEP - 1 : td->n;
	return k + first_starting_at(td->v + k, end - k, pos);
}

size_t tok_doc_range(const tok_doc *td, size_t s, size_t e, size_t *first)
{
	size_t a = tok_doc_first_at(td, s);
	size_t b = a + first_ending_after(td->v + a, td->n - a, e);
	*first = a;
	return b - a;
}

size_t tok_scan(const char *t, size_t start, size_t end, enum lang lang, tok *v, tok_low *low, size_t max)
{
	size_t k = 0, pos = start;
	while (k < max) {
		pos = tok_next(t, pos, end, lang, &v[k], low[k]);
		if (v[k].kind == T_NONE)
			break;
		mark_token(t, v, k);
		k++;
	}
	return k;
}
