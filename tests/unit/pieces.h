/* Strings for the property tests that compare a fast path with the plain
 * one: a few random pieces (letters, marks, spaces, bytes of several
 * lengths) in a row, so that every piece stands before and after every
 * other somewhere in a run. */
#ifndef QUOTH_TEST_PIECES_H
#define QUOTH_TEST_PIECES_H

#include <stdint.h>
#include <string.h>

static inline uint32_t pieces_next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

/* out (of cap bytes, each piece shorter than cap / max) gets up to max - 1
 * pieces drawn by seed; returns its length */
static inline size_t pieces_string(uint32_t *seed, const char *const *piece, size_t npiece, unsigned max,
                                   char *out, size_t cap)
{
	size_t n = 0;
	unsigned len = pieces_next(seed) % max;
	out[0] = '\0';
	for (unsigned k = 0; k < len; k++) {
		const char *p = piece[pieces_next(seed) % npiece];
		size_t m = strlen(p);
		if (n + m >= cap)
			break;
		memcpy(out + n, p, m + 1);
		n += m;
	}
	return n;
}

#endif
