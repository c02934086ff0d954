/* Which found spans are someone's words (filter.c), and the byte helpers
 * the span finder (quotes.c) shares with it. Private to src/quotes. */
#ifndef QUOTH_FILTER_H
#define QUOTH_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "quotes.h"
#include "speech.h"
#include "tok.h"

/* A quote's words: fewer than this many words are a term or scare quote. */
#define MIN_WORDS 3
/* A title or name in quotes has at most this many words. */
#define TITLE_WORDS 8

/* The words of a quote up to TITLE_WORDS + 1, and whether CJK text comes
 * before that count: what the filters ask (a count up to MIN_WORDS tells
 * the same where it is less, and CJK text then the same too). */
typedef struct span_words {
	unsigned char n;
	bool cjk;
} span_words;

_Static_assert(TITLE_WORDS + 1 <= 255 && MIN_WORDS <= TITLE_WORDS + 1, "a count up to TITLE_WORDS + 1 in a byte");

/* Words in t[s,e) up to max (a CJK character counts as a word); *cjk is
 * set when there is CJK text. */
size_t span_count_words(const char *t, size_t s, size_t e, size_t max, bool *cjk);

/* span_words of the quotes v[0..n), NULL when there is no memory for them
 * (the filters then count for themselves). The caller frees it. */
span_words *span_words_of(const doc *d, const quote *v, size_t n);

/* Keeps of v[0..n) the quotes that are someone's words, in order, and
 * returns how many: a span of fewer than MIN_WORDS words (CJK text is kept
 * here and judged once attributed), a title or a name by its look or by
 * what announces it, dash "speech" that is a sub-heading go. words: the
 * words of each quote, or NULL. */
size_t span_drop_terms(const speech_ctx *c, quote *v, size_t n, const span_words *words);

/* Keeps of v[0..n) what is not CJK, or is attributed in its own paragraph,
 * or reads as speech (cjk.h); frees the speaker and cue of those it drops.
 * Returns how many are kept. */
size_t span_drop_unattributed_cjk(const doc *d, quote *v, size_t n);

/* The character before pos, not looking before pstart (a space there). */
static inline unsigned char_before(const char *t, size_t pos, size_t pstart)
{
	if (pos <= pstart)
		return ' ';
	size_t i = pos - 1;
	while (i > pstart && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	int len;
	return tok_decode(t + i, pos - i, &len);
}

/* The lanes of x (eight bytes) that hold the byte b, each exactly (no
 * borrow runs from lane to lane). */
static inline uint64_t lanes_holding(uint64_t x, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
	uint64_t y = x ^ (ones * b);
	return ~(((y & low7) + low7) | y | low7);
}

#endif
