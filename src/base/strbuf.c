#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "grow.h"
#include "strbuf.h"

void sb_init(strbuf *b)
{
	memset(b, 0, sizeof *b);
}

void sb_free(strbuf *b)
{
	free(b->s);
	sb_init(b);
}

static bool grow(strbuf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	if (extra > SIZE_MAX - b->len - 1 || GROW(b->s, b->cap, b->len + extra + 1, 64)) {
		b->failed = true;
		return false;
	}
	return true;
}

bool sb_reserve(strbuf *b, size_t n)
{
	if (b->failed || n > SIZE_MAX - b->len - 1)
		return false;
	if (b->len + n + 1 <= b->cap)
		return true;
	char *s = realloc(b->s, b->len + n + 1);
	if (!s)
		return false;
	if (!b->s)
		s[0] = '\0';
	b->s = s;
	b->cap = b->len + n + 1;
	return true;
}

void sb_add_grow(strbuf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *sb_extend(strbuf *b, size_t n)
{
	if (!grow(b, n))
		return NULL;
	char *at = b->s + b->len;
	b->len += n;
	b->s[b->len] = '\0';
	return at;
}

void sb_puts(strbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void sb_putc(strbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Length of the start of s[0..n) that a JSON string holds as it is: no
 * control character, DEL, '"' or '\\'. Eight bytes at a time, each a lane
 * of a 64-bit word whose high bit flags it (the lowest flag is exact: a
 * borrow only flags lanes above a true one). */
static size_t json_plain(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t i = 0;
#ifdef __SSE2__
	/* sixteen at a time where the machine has the instructions: a quote's
	 * text is most of what is escaped, and it rarely needs anything */
	const __m128i quote16 = _mm_set1_epi8('"'), backslash16 = _mm_set1_epi8('\\'), del16 = _mm_set1_epi8(0x7F),
	              control16 = _mm_set1_epi8(0x1F);
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i low = _mm_cmpeq_epi8(_mm_max_epu8(x, control16), control16);   /* x <= 0x1F */
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote16), _mm_cmpeq_epi8(x, backslash16)),
		                           _mm_or_si128(_mm_cmpeq_epi8(x, del16), low));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		uint64_t v, q, bs, del;
		memcpy(&v, s + i, 8);
		q = v ^ (ones * '"');
		bs = v ^ (ones * '\\');
		del = v ^ (ones * 0x7F);
		uint64_t m = ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs) | ((del - ones) & ~del);
		if (m & high)
			return i + (size_t)__builtin_ctzll(m & high) / 8;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
			break;
	}
	return i;
}

void sb_json(strbuf *b, const char *s, size_t n)
{
	sb_putc(b, '"');
	for (size_t i = 0;;) {
		size_t run = json_plain(s + i, n - i);
		sb_add(b, s + i, run);
		i += run;
		if (i == n)
			break;
		unsigned char c = (unsigned char)s[i++];
		switch (c) {
		case '"': sb_lit(b, "\\\""); break;
		case '\\': sb_lit(b, "\\\\"); break;
		case '\n': sb_lit(b, "\\n"); break;
		case '\t': sb_lit(b, "\\t"); break;
		case '\r': sb_lit(b, "\\r"); break;
		default: sb_printf(b, "\\u%04x", c); break;
		}
	}
	sb_putc(b, '"');
}

void sb_tsv(strbuf *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			continue;
		sb_add(b, s + run, i - run);
		sb_putc(b, ' ');
		run = i + 1;
	}
	sb_add(b, s + run, n - run);
}

char *sb_take(strbuf *b)
{
	char *s = b->failed ? NULL : b->s;
	if (b->failed)
		free(b->s);
	if (!s && !b->failed)
		s = calloc(1, 1);
	sb_init(b);
	return s;
}
