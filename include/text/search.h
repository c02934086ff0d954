/* Search as a reader of news in many languages expects it.
 *
 * What matches. Text and pattern are compared character by character, a
 * character being a base with the combining marks that follow it:
 * - Smart case, as less -i: a pattern without a capital letter (a letter
 *   that has a lower-case form) ignores case, by Unicode full case folding
 *   in every script ("strasse" finds "Straße" and "STRASSE", "ærø" finds
 *   "ÆRØ"); a pattern with one matches case exactly ("Ærø" finds "Ærø"
 *   only, "STRASSE" finds "STRASSE" only).
 * - Accents: a pattern without accents ignores them ("rodingen" and
 *   "Rodingen" find "Rödingen", "sao paulo" finds "São Paulo"); a pattern
 *   with one matches accents exactly ("café" finds "café", not "cafe").
 *   Accents are the combining marks of the canonical decomposition (NFD):
 *   those of Latin, Greek and Cyrillic letters, Hebrew points, Arabic
 *   vowel signs, Indic nuktas and viramas. Letters that Unicode does not
 *   decompose stay themselves (ø, æ, ł, đ). Precomposed and decomposed
 *   forms of a character are the same character.
 * - Any run of white space (Unicode White_Space: spaces of every width,
 *   no-break spaces, tabs, line ends) matches any other; invisible
 *   characters (soft hyphens, zero-width spaces and joiners, variation
 *   selectors) are skipped; a word broken by a hyphen at a line end
 *   ("well-\nplanned", see doc.h) is found whole ("well-planned").
 * - A match begins and ends on character boundaries, and its offsets are
 *   those of the original text, whatever folding changed in length.
 *
 * Two ways to search: search_all tries every character (what an article,
 * a title or a quote needs), and search_scan (below) looks for a rare byte
 * of the pattern with a vector scan and folds only around it, for files of
 * any size. Both give the same matches.
 */
#ifndef QUOTH_SEARCH_H
#define QUOTH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct search_match {
	size_t start, end;   /* bytes of the searched text */
} search_match;

typedef struct search_hits {
	search_match *v;
	size_t n, cap;
} search_hits;

/* Compiles a pattern of n bytes: a NUL-terminated string for search_all,
 * search_contains and search_scan_new, freed with free(). Its first byte
 * says how the pattern compares (search_pattern_mode); the rest is the
 * pattern folded as the text will be. Leading white space is dropped.
 * NULL on an empty or blank pattern, or no memory. */
char *search_fold_pattern(const char *pat, size_t n);

/* What a compiled pattern matches exactly. */
enum {
	SEARCH_CASE = 1,      /* it has a capital letter */
	SEARCH_ACCENTS = 2,   /* it has an accent */
};
unsigned search_pattern_mode(const char *pattern);

/* A pattern as search_fold_pattern compiles it, but one that ignores case
 * and accents whatever it holds (for filters: "any case"). */
char *search_fold_pattern_loose(const char *pat, size_t n);

/* s[0..n) with case and accents folded away, as a pattern without capitals
 * or accents compares (no mode byte): two such strings compare with
 * strstr, for filters over many short texts folded once. NULL when s is
 * blank, or no memory. */
char *search_fold_loose(const char *s, size_t n);

/* What search_fold_loose_with keeps from one text to the next: the keys
 * of characters outside ASCII (folded anew for each text, they were most
 * of the folding of a title an indexer folds). */
typedef struct search_folds search_folds;
search_folds *search_folds_new(void);   /* NULL without memory */
void search_folds_free(search_folds *c);
/* search_fold_loose, with the keys c holds (NULL: none kept). */
char *search_fold_loose_with(search_folds *c, const char *s, size_t n);

/* Appends every match of pattern in text[start,end) to hits, in order,
 * leftmost first and disjoint. Returns 0 or Q_ENOMEM. */
int search_all(const char *text, size_t start, size_t end, const char *pattern, search_hits *hits);

/* True when pattern occurs in s[0..n). */
bool search_contains(const char *s, size_t n, const char *pattern);

void search_hits_free(search_hits *h);

/* The index of the first hit at or after off (forward) or the last before
 * off (backward), wrapping around; *wrapped says whether it did. n when
 * there are no hits. */
size_t search_next(const search_hits *h, size_t off, bool forward, bool *wrapped);

/* ---- the fast scan, for big texts ---------------------------------------- */

typedef struct search_scan search_scan;

/* Prepares a fast scan for a compiled pattern (copied): picks the
 * character of the pattern that is rarest in sample[0..n) (a piece of the
 * text to be searched; any text will do), and the bytes that can spell it.
 * Costs a millisecond or two (it goes through the characters Unicode
 * decomposes or case folds). NULL when out of memory. */
search_scan *search_scan_new(const char *pattern, const char *sample, size_t n);
void search_scan_free(search_scan *s);

/* Appends to hits the matches that begin in text[from,to), exactly those
 * that search_all(text, from, len, ...) finds there; a match may run on
 * past `to`, never past `len`. With `first`, stops at the first one.
 * Returns 0 or Q_ENOMEM. */
int search_scan_run(search_scan *s, const char *text, size_t len, size_t from, size_t to, bool first,
                    search_hits *hits);

/* Reads bytes [off, off + n) of the text into buf; returns how many. */
typedef size_t search_read(void *ctx, size_t off, char *buf, size_t n);

/* Has the vector loop read the text through `read` into a buffer of its
 * own: for a mapped file, reading costs less than faulting every page in.
 * search_scan_run's text must still be those bytes (the places around a
 * candidate are read there). */
void search_scan_reader(search_scan *s, search_read *read, void *ctx);

/* The first offset at or after i where a character that is not a
 * combining mark begins (or len): slices of a text cut there are read as
 * the whole text is, so that searching them one after the other (going on
 * after the last match) finds what one search of the whole finds. */
size_t search_cut(const char *text, size_t len, size_t i);

#endif
