#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "error.h"
#include "text.h"
#include "twin.h"

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */
#define HIDDEN      "\xE2\x90\xA6"   /* U+2426, stands for C1 and bidi controls */

/* Length of a well-formed UTF-8 sequence at s (at most n bytes), or 0 when
 * the bytes there are ill-formed; *bad gets the length of the maximal
 * ill-formed subpart to replace by one U+FFFD. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
	unsigned c = s[0];
	size_t need;
	unsigned lo = 0x80, hi = 0xBF;

	*bad = 1;
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		need = 2;
	} else if (c < 0xF0) {
		need = 3;
		if (c == 0xE0) lo = 0xA0;
		if (c == 0xED) hi = 0x9F;      /* surrogates */
	} else {
		need = 4;
		if (c == 0xF0) lo = 0x90;
		if (c == 0xF4) hi = 0x8F;
	}
	for (size_t i = 1; i < need; i++) {
		unsigned b = i < n ? s[i] : 0;
		unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
		if (i >= n || b < l || b > h) {
			*bad = i;
			return 0;
		}
	}
	return need;
}

static uint32_t decode(const unsigned char *s, size_t len)
{
	switch (len) {
	case 1: return s[0];
	case 2: return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
	case 3: return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	default: return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
	}
}

static bool is_hidden_cp(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_newline_cp(uint32_t cp)
{
	return cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Index of the first byte of the 8 at p that is not printable ASCII (so
 * TAB, LF, other controls, DEL and every byte >= 0x80), or 8. */
static size_t first_unusual8(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	/* the lowest flagged byte is exact (a borrow only flags bytes above a true one) */
	uint64_t m = (v & high) | ((v - ones * 0x20) & ~v & high) |
	             (((v ^ (ones * 0x7F)) - ones) & ~(v ^ (ones * 0x7F)) & high);
	return m ? (size_t)__builtin_ctzll(m) / 8 : 8;
}

#ifndef __SSE2__
/* True when the 8 bytes at p are printable ASCII and whole two-byte
 * sequences for U+00C0..U+07FF (none of them hidden), where *carry says the
 * byte before p was such a lead; *carry then says the last byte is one. */
static bool simple8(const unsigned char *p, unsigned *carry)
{
	uint64_t v;
	memcpy(&v, p, 8);
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t hi = v & high, x = v & ~high;
	uint64_t lt20 = ~(x + ones * (0x80 - 0x20)) & high;
	uint64_t del = (x + ones) & high;
	uint64_t ge40 = (x + ones * (0x80 - 0x40)) & high;
	uint64_t ge43 = (x + ones * (0x80 - 0x43)) & high;
	uint64_t ge60 = (x + ones * (0x80 - 0x60)) & high;
	uint64_t cont = hi & ~ge40, lead = hi & ge43 & ~ge60;     /* 80..BF, C3..DF */
	if (((lt20 | del) & ~hi) | (hi & ge40 & ~lead))
		return false;
	if (cont != ((lead << 8) | (*carry ? 0x80u : 0)))
		return false;
	*carry = (unsigned)(lead >> 63);
	return true;
}
#endif

#ifdef __SSE2__
#define SIMPLE_STEP 16
#define SIMPLE_AHEAD 2   /* bytes read past the step: an E2 lead's two followers */

/* The leads E2 80 xx (xx below A8) and E2 82..BF: the general punctuation
 * of news copy (curly quotes, dashes, ellipsis, euro sign) without U+2028,
 * U+2029, the bidi controls at U+202A.. and U+2066.. (E2 81 is left out). */
static unsigned e2_plain(__m128i v, const unsigned char *p)
{
	__m128i b1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i b2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
	__m128i row80 = _mm_and_si128(_mm_cmpeq_epi8(b1, _mm_set1_epi8(-128)), _mm_cmplt_epi8(b2, _mm_set1_epi8(-88)));
	__m128i high = _mm_and_si128(_mm_cmpgt_epi8(b1, _mm_set1_epi8(-127)), _mm_cmplt_epi8(b1, _mm_set1_epi8(-64)));
	__m128i e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(-30));
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(e2, _mm_or_si128(row80, high)));
}

/* True when the 16 bytes at p are printable ASCII, LF and whole sequences
 * none of them hidden: two-byte ones for U+00C0..U+07FF, three-byte ones
 * with leads E1, E3..EC, EE, EF, and e2_plain's; *carry holds the bits of
 * the continuation bytes the previous step still expects at p[0] and p[1],
 * and gets those this step leaves. As signed bytes, printable ASCII is
 * 0x20..0x7E, continuation bytes -128..-65, leads C3..DF -61..-33, E0..EF
 * -32..-17. x86-64 has SSE2 always. */
static bool simple_step(const unsigned char *p, unsigned *carry)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i printable = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
	unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_or_si128(printable, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
	if (ascii == 0xFFFF && !*carry)   /* most steps of most text: nothing more to ask */
		return true;
	unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
	unsigned lead2 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-62)),
	                                                          _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
	unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)),
	                                                          _mm_cmplt_epi8(v, _mm_set1_epi8(-16))));
	unsigned odd3 = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(-30)),
	                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8(-19))));
	if (odd3)
		lead3 = (lead3 & ~odd3) | e2_plain(v, p);
	unsigned want = (lead2 << 1) | (lead3 << 1) | (lead3 << 2) | *carry;
	if ((ascii | cont | lead2 | lead3) != 0xFFFF || cont != (want & 0xFFFF))
		return false;
	*carry = want >> 16;
	return true;
}
#else
#define SIMPLE_STEP 8
#define SIMPLE_AHEAD 0
#define simple_step simple8
#endif

/* Where the sequence whose lead a failed or last step left pending starts:
 * the lead is the byte before i, or the one before that when a
 * continuation byte follows it. */
static size_t pending_lead(const unsigned char *s, size_t i)
{
	return (s[i - 1] & 0xC0) == 0x80 ? i - 2 : i - 1;
}

/* Length of the display-safe run at the start of s[0..n); in one_line mode
 * TAB and LF end it too. */
static size_t safe_run(const unsigned char *s, size_t n, bool one_line)
{
	size_t i = 0, bad;
	unsigned carry = 0;

	while (i < n) {
		if (!one_line && i + SIMPLE_STEP + SIMPLE_AHEAD <= n) {
			if (simple_step(s + i, &carry)) {
				i += SIMPLE_STEP;
				continue;
			}
		}
		if (carry) {   /* the last step ended inside a sequence: take it again */
			i = pending_lead(s, i);
			carry = 0;
		}
		if (!one_line && i + 8 <= n) {
			size_t k = first_unusual8(s + i);
			i += k;
			if (k == 8)
				continue;
		}
		unsigned c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && (one_line || (c != '\t' && c != '\n'))) || c == 0x7F)
				return i;
			i++;
			continue;
		}
		/* the common sequences, none of them hidden: U+00A0..U+07FF and the
		 * three-byte leads other than E0, E2 and ED */
		if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80 && ((c >= 0xC3 && c <= 0xDF) || (c == 0xC2 && s[i + 1] >= 0xA0))) {
			i += 2;
			continue;
		}
		if (i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
		    c >= 0xE1 && c <= 0xEF && c != 0xE2 && c != 0xED) {
			i += 3;
			continue;
		}
		size_t len = utf8_seq(s + i, n - i, &bad);
		if (len == 0)
			return i;
		uint32_t cp = decode(s + i, len);
		if (is_hidden_cp(cp) || is_newline_cp(cp))
			return i;
		i += len;
	}
	return carry ? pending_lead(s, n) : n;   /* a sequence cut off at the end */
}

size_t text_safe_prefix(const char *in, size_t n)
{
	if (n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		return 0;
	return safe_run((const unsigned char *)in, n, false);
}

/* A text this long is checked in two halves on two threads: the check is
 * the one serial pass over a big file before its paragraphs can be wrapped
 * side by side, and every machine quoth runs on has two cores. */
#define SAFE_SPLIT_MIN ((size_t)1 << 20)

typedef struct half_check {
	const unsigned char *s;
	size_t n;
	bool safe;
} half_check;

static void *check_half(void *arg)
{
	half_check *h = arg;
	h->safe = safe_run(h->s, h->n, false) == h->n;
	return NULL;
}

bool text_is_safe(const char *s, size_t n)
{
	if (n < SAFE_SPLIT_MIN)
		return text_safe_prefix(s, n) == n;
	/* split where a sequence starts: in well-formed text both halves are
	 * then whole, and in ill-formed text one of them fails as the whole would */
	size_t mid = n / 2;
	for (int k = 0; k < 3 && ((unsigned char)s[mid] & 0xC0) == 0x80; k++)
		mid++;
	if (memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return false;   /* a leading BOM, as text_safe_prefix says */
	half_check first = { (const unsigned char *)s, mid, false };
	half_check second = { (const unsigned char *)s + mid, n - mid, false };
	twin_run(check_half, &first, &second);
	return first.safe && second.safe;
}

/* Appends the sanitized form of in[0..n) to out (when out is not NULL) and
 * returns its length. In one_line mode line ends and TABs become their
 * Control Pictures too (and nothing is dropped), for names in messages. */
static size_t sanitize_into(const unsigned char *s, size_t n, char *out, bool one_line)
{
	size_t i = 0, o = 0, bad;
#define PUT(str, len) do { if (out) memcpy(out + o, (str), (len)); o += (len); } while (0)
	/* every leading BOM: one left behind would make the result unsafe by
	 * text_is_safe's rule, and sanitizing it again would change it */
	while (!one_line && n - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0)
		i += 3;
	while (i < n) {
		size_t run = safe_run(s + i, n - i, one_line);
		if (run) {
			PUT(s + i, run);
			i += run;
			continue;
		}
		unsigned c = s[i];
		if (c == '\r' && !one_line) {
			PUT("\n", 1);
			i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		} else if (c < 0x20) {
			char pic[3] = { (char)0xE2, (char)0x90, (char)(0x80 + c) };
			PUT(pic, 3);
			i++;
		} else if (c == 0x7F) {
			PUT("\xE2\x90\xA1", 3);
			i++;
		} else {
			size_t len = utf8_seq(s + i, n - i, &bad);
			if (len == 0) {
				PUT(REPLACEMENT, 3);
				i += bad;
			} else {
				uint32_t cp = decode(s + i, len);
				if (is_newline_cp(cp) && one_line && cp != 0x85)
					PUT("\xE2\x90\xA4", 3);   /* ␤ */
				else if (is_newline_cp(cp) && !one_line)
					PUT("\n", 1);
				else
					PUT(HIDDEN, 3);
				i += len;
			}
		}
	}
#undef PUT
	return o;
}

static int sanitize(const char *in, size_t n, char **out, size_t *outlen, bool one_line)
{
	/* most text is safe already: one check and a copy, rather than the
	 * two passes (measure, then write) that the general case needs */
	size_t run = (one_line || n < 3 || memcmp(in, "\xEF\xBB\xBF", 3)) ? safe_run((const unsigned char *)in, n, one_line) : 0;
	size_t len = run == n ? n : sanitize_into((const unsigned char *)in, n, NULL, one_line);
	char *buf = malloc(len + 1);
	if (!buf)
		return Q_ENOMEM;
	if (run == n)
		memcpy(buf, in, n);
	else
		sanitize_into((const unsigned char *)in, n, buf, one_line);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int text_sanitize(const char *in, size_t n, char **out, size_t *outlen)
{
	return sanitize(in, n, out, outlen, false);
}

int text_sanitize_line(const char *in, size_t n, char **out, size_t *outlen)
{
	return sanitize(in, n, out, outlen, true);
}

/* Are the eight bytes at s ASCII without a control character (no byte
 * below 0x20: a tab or line end goes the slow way too)? Then their letters
 * are added to *letters, all eight classified at once (each byte a lane of
 * a 64-bit number whose high bit is the answer; with that bit set first, no
 * lane borrows from the next). */
static bool plain_ascii8(const unsigned char *s, size_t *letters)
{
	const uint64_t one = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t x;
	memcpy(&x, s, 8);
	uint64_t v = x | high;
	if ((x & high) || (~(v - one * 0x20) & high))
		return false;
	uint64_t folded = v | (one * 0x20);
	uint64_t letter = (folded - one * 'a') & ~(folded - one * ('z' + 1)) & high;
	*letters += (size_t)(((letter >> 7) * one) >> 56);   /* the lanes set, summed into the top one */
	return true;
}

/* What the bytes 0x80..0x9F are in Windows-1252 (the code page old news
 * archives and Office exports use, and what browsers read "Latin-1" as):
 * curly quotes, dashes, the ellipsis, the euro sign. The five it leaves
 * undefined stay C1 controls, as in Latin-1. */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

enum text_encoding text_detect(const char *in, size_t n)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t lim = n < 8192 ? n : 8192, bad;
	size_t nul = 0, ctl = 0, multibyte = 0, invalid = 0, single_byte = 0, letters = 0;

	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return TEXT_UTF16LE;
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return TEXT_UTF16BE;
	for (size_t i = 0; i < lim;) {
		if (i + 8 <= lim && plain_ascii8(s + i, &letters)) {
			i += 8;
			continue;
		}
		unsigned c = s[i];
		if (c < 0x80) {
			if (c == 0)
				nul++;
			else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
				ctl++;
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				letters++;
			i++;
			continue;
		}
		size_t len = utf8_seq(s + i, n - i, &bad);
		if (len) {
			multibyte++;
			i += len;
		} else {
			invalid++;
			if (c >= 0xA0 || cp1252_c1[c - 0x80] != c)
				single_byte++;
			i++;
		}
	}
	if (lim == 0)
		return TEXT_UTF8;
	if (nul * 100 > lim || (nul && nul + ctl + invalid > lim / 4) || (ctl + nul) * 10 > lim)
		return TEXT_BINARY;
	if (invalid && !multibyte && single_byte == invalid && letters * 4 > lim)
		return TEXT_CP1252;
	if (invalid * 3 > lim && !multibyte)
		return TEXT_BINARY;
	return TEXT_UTF8;
}

static char *put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

static int convert_utf16(const unsigned char *s, size_t n, bool be, char **out, size_t *outlen)
{
	char *buf = malloc(n / 2 * 3 + 4), *o = buf;
	if (!buf)
		return Q_ENOMEM;
	for (size_t i = 2; i + 1 < n; i += 2) {
		uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			uint32_t v = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
				i += 2;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		o = put_utf8(o, u);
	}
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return 0;
}

int text_convert(enum text_encoding enc, const char *in, size_t n, char **out, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	if (enc == TEXT_UTF16LE || enc == TEXT_UTF16BE)
		return convert_utf16(s, n, enc == TEXT_UTF16BE, out, outlen);
	if (enc != TEXT_CP1252)
		return Q_EBINARY;
	char *buf = malloc(n * 3 + 1), *o = buf;
	if (!buf)
		return Q_ENOMEM;
	for (size_t i = 0; i < n; i++)
		o = put_utf8(o, s[i] >= 0x80 && s[i] < 0xA0 ? cp1252_c1[s[i] - 0x80] : s[i]);
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return 0;
}
