/* Internal to the wrap layer (and its tests): the fast path.
 *
 * Most news text is ASCII and Latin letters with a little typographic
 * punctuation. For those characters (the "fast set") libunistring's UAX #14
 * line breaking is a pair table: whether a break may come before a
 * character depends only on the class of the last non-space character
 * before it and on whether spaces came between (at the start of the text,
 * never). wrap_fast.c holds that table for the classes of the fast set, and
 * the unit tests prove it gives u8_possible_linebreaks' breaks, character by
 * character and row by row, over generated text. Every character of the
 * fast set is one column and a grapheme cluster of its own.
 */
#ifndef QUOTH_WRAP_FAST_H
#define QUOTH_WRAP_FAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "wrap.h"

/* UAX #14 classes that occur in the fast set, then the non-class results
 * of wrap_fast_class. TAB is BA. */
enum wrap_fast_class {
	FC_AL, FC_NU, FC_EX, FC_QU, FC_PR, FC_PO, FC_OP, FC_CP,
	FC_CL, FC_IS, FC_HY, FC_SY, FC_BA, FC_B2, FC_IN, FC_GL,
	FC_ID, FC_NS,
	FC_OPW, FC_CPW,     /* OP and CP that are East Asian wide: LB30 leaves them out */
	FC_COUNT,
	FC_SP = FC_COUNT,   /* U+0020 */
	FC_JOIN,            /* '\n', a hyphen join: absent for breaking */
	FC_SLOW,            /* outside the fast set */
};

/* The class of the character at s[0..n) (n > 0) and its length (*len, at
 * least 1). */
int wrap_fast_class(const char *s, size_t n, size_t *len);

/* The tables behind it, for the inline versions below. */
extern const unsigned char wrap_fast_ascii_class[128];
extern const uint32_t wrap_fast_pairs[2][FC_COUNT];

static inline int wrap_fast_class_inline(const char *s, size_t n, size_t *len)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80) {
		*len = 1;
		return wrap_fast_ascii_class[b];
	}
	return wrap_fast_class(s, n, len);
}

static inline bool wrap_fast_pair_inline(int a, int b, bool spaces)
{
	return wrap_fast_pairs[spaces][a] >> b & 1;
}

/* May a row break before class b when the last non-space before it is of
 * class a (both < FC_COUNT), with or without spaces between? */
bool wrap_fast_pair_break(int a, int b, bool spaces);

/* May a row break before the character at s[q] (0 < q < n, the start of a
 * fast-set character other than a space or join)? s[0..q) must be fast. */
bool wrap_fast_break_at(const char *s, size_t q);

/* What the scan of a segment found. */
typedef struct wrap_fast_scan_result {
	bool fast;          /* every character is in the fast set */
	bool tab;           /* it has a TAB */
	bool ascii;         /* only ASCII other than TAB and '\n' */
} wrap_fast_scan_result;

wrap_fast_scan_result wrap_fast_scan(const char *s, size_t n);

/* lb[0..n) as u8_possible_linebreaks gives it for s with every '\n' taken
 * out (UC_BREAK_PROHIBITED at a '\n'), for fast-set text. */
void wrap_fast_breaks(const char *s, size_t n, char *lb);

/* Receives a row [start,end) of cols columns; returns 0 or Q_ENOMEM. */
typedef int (*wrap_fast_emit)(void *ctx, size_t start, size_t end, int cols);

#define WRAP_FAST_NO 1

/* The rows of s[0..n) at width, as the general fitter would make them, for
 * fast-set text without TAB: every character is one column and a cluster.
 * Returns 0, Q_ENOMEM from emit, or WRAP_FAST_NO (some rows may have been
 * emitted) when the text is not such. */
int wrap_fast_rows(const char *s, size_t n, int width, wrap_fast_emit emit, void *ctx);

/* How many bytes at the start of s[0..n) are printable ASCII. */
size_t wrap_fast_ascii_prefix(const char *s, size_t n);

/* A character of each class, for the tests. */
const char *wrap_fast_sample(int cls);

/* The segment [*a,*b) of the paragraph text[ps,pe) that contains off (see
 * wrap.h for where segments start). */
void wrap_segment_at(const char *text, size_t ps, size_t pe, size_t off, size_t *a, size_t *b);

/* wrap_range with the fast path switched off: the reference the fast path
 * is tested against. */
int wrap_range_slow(const char *text, size_t start, size_t end, size_t para, int width, int tabwidth,
                    wrap_row **rows, size_t *nrows, size_t *cap);

#endif
