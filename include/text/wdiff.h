/* Word-level differences between two wordings of a quote: which words of
 * the first were dropped, which words of the second were added, and, where
 * a dropped run is followed by an added one, a word changed. Words are
 * those of words.h, compared without case; what lies between words
 * (spaces, punctuation) is not compared. The alignment is a longest common
 * subsequence of words; texts of more than WDIFF_MAX_WORDS words each are
 * not aligned (everything dropped and added), as a quote never is that long.
 */
#ifndef QUOTH_WDIFF_H
#define QUOTH_WDIFF_H

#include <stddef.h>

#define WDIFF_MAX_WORDS 2000

enum wdiff_kind {
	WD_SAME,      /* in both: a[a_start, a_end) and b[b_start, b_end) */
	WD_DROPPED,   /* only in a: a[a_start, a_end) */
	WD_ADDED,     /* only in b: b[b_start, b_end) */
};

typedef struct wdiff_op {
	enum wdiff_kind kind;
	size_t a_start, a_end;   /* a run of words of a, with what lies between them */
	size_t b_start, b_end;
} wdiff_op;

typedef struct wdiff {
	wdiff_op *v;             /* in text order; a dropped run comes before the added run that replaces it */
	size_t n;
	size_t same, dropped, added;   /* words of each kind */
} wdiff;

enum wdiff_piece {
	WP_TEXT,      /* of b, as it reads (words in both, and what lies between words) */
	WP_ADDED,     /* words only b has */
	WP_DROPPED,   /* words only a has, where they stood */
};

typedef void (*wdiff_piece_fn)(void *ctx, enum wdiff_piece kind, const char *s, size_t n);

/* b (NUL-terminated) as it reads, with the words of a (the text d compared
 * it with) that it dropped put back where they stood, each followed or
 * preceded by a space of its own: the pieces, in order, to fn. So a drop
 * and an addition read "[-never-] {+not+}" when marked so. */
void wdiff_pieces(const char *a, const char *b, const wdiff *d, wdiff_piece_fn fn, void *ctx);

/* Compares a[0..na) with b[0..nb). Returns 0 or Q_ENOMEM. */
int wdiff_words(const char *a, size_t na, const char *b, size_t nb, wdiff *out);
void wdiff_free(wdiff *d);

#endif
