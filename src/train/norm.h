/* Internal to the trainer: text compared as the evaluator compares it
 * (../shared/tools/quote-eval): NFKC, case folded, quotation marks as
 * spaces, cut into words (a Han, kana or hangul character is a word of
 * its own). A word is kept as a 64-bit hash. */
#ifndef QUOTH_NORM_H
#define QUOTH_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct words {
	uint64_t *v;
	size_t n;
} words;

/* The words of s[0..len) into w (w->v allocated; free with words_free).
 * Returns 0 or Q_ENOMEM. */
int words_of(const char *s, size_t len, words *w);
void words_free(words *w);

/* How much two texts overlap: the words they share (as multisets) over the
 * longer one's count; 0 when either is empty. */
double words_overlap(const words *a, const words *b);

/* Does the text a hold b as a run of whole words (an empty b never)? */
bool words_contain(const words *a, const words *b);

#endif
