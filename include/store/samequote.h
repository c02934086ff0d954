/* The same quote in several articles: near-duplicate grouping that scales.
 *
 * Two quotes are the same when they are in the same language and their
 * words largely overlap, compared as sets of word pairs (shingles; words as
 * words.h reads them, case folded): the pairs they share are at least half
 * of all their pairs (Jaccard >= SQ_JACCARD), or at least SQ_CONTAIN of
 * the shorter one's pairs and SQ_MIN_SHARED pairs in all (a quote trimmed
 * by one outlet). Quotes of fewer than SQ_MIN_WORDS words are never grouped:
 * "It was a mistake" is said by many. Groups are what these pairs connect.
 *
 * Never all pairs. Each quote is reduced to a sketch: its SQ_SKETCH word
 * pairs of the smallest hash, leaving out pairs that most quotes share
 * (counted in a count-min sketch). Quotes whose sketches share a hash are
 * candidates; within one bucket each quote is checked against at most
 * SQ_PER_BUCKET groups already in it, exactly, on the full sets. Quotes
 * with the same set of pairs (the same wire quote in a thousand papers)
 * are checked once. So time and memory grow with the number of quotes
 * (n log n at worst, from the sorting of sets), never with its square.
 */
#ifndef QUOTH_SAMEQUOTE_H
#define QUOTH_SAMEQUOTE_H

#include <stddef.h>
#include <stdint.h>

#define SQ_JACCARD 0.5
#define SQ_CONTAIN 0.8
#define SQ_MIN_SHARED 4
#define SQ_MIN_WORDS 5
#define SQ_SKETCH 8
#define SQ_PER_BUCKET 4

typedef struct samequote samequote;

samequote *samequote_new(void);
void samequote_free(samequote *s);

/* Adds quote number samequote_count() (its words text[0..n), its language
 * code, NULL when unknown). Returns 0 or Q_ENOMEM. */
int samequote_add(samequote *s, const char *text, size_t n, const char *lang);

size_t samequote_count(const samequote *s);

/* The word pairs of one quote, what samequote_add adds, made apart (where
 * the quote is found, on another thread) and added later in the order of
 * the quotes by samequote_add_pairs. v[0..n): sorted, distinct; n is 0 for a
 * quote too short to group. Zeroed to start; the memory is reused. */
typedef struct samequote_pairs {
	uint32_t *v;
	size_t n, cap;
	uint64_t *words;         /* scratch: the word hashes */
	size_t cap_words;
} samequote_pairs;

int samequote_pairs_of(samequote_pairs *p, const char *text, size_t n, const char *lang);
void samequote_pairs_free(samequote_pairs *p);
/* Adds quote number samequote_count() by its pairs (as samequote_pairs_of
 * made them). Returns 0 or Q_ENOMEM. */
int samequote_add_pairs(samequote *s, const uint32_t *pairs, size_t np);

/* Groups the quotes added: group[i] is the smallest number of a quote in
 * i's group (i itself for a quote in no group). Returns 0 or Q_ENOMEM. */
int samequote_group(samequote *s, size_t *group);

/* For tests and the benchmark: how many pairs of quotes were compared. */
size_t samequote_checks(const samequote *s);

#endif
