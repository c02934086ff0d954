/* Case-insensitive search in every script: text and pattern are compared
 * after Unicode full case folding (u8_casefold per character: "STRASSE"
 * finds "Straße", "ÆRØ" finds "ærø"), with an ASCII fast path. A '\n'
 * inside a paragraph (a hyphen join, see doc.h) is skipped, and any run of
 * white space matches any other. */
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

/* Folds the pattern; NULL on an empty pattern or no memory. */
char *search_fold_pattern(const char *pat, size_t n);

/* Appends every match of the folded pattern in text[start,end) to hits,
 * in order. Returns 0 or Q_ENOMEM. */
int search_all(const char *text, size_t start, size_t end, const char *folded, search_hits *hits);

/* True when folded occurs in s[0..n). */
bool search_contains(const char *s, size_t n, const char *folded);

void search_hits_free(search_hits *h);

/* The index of the first hit at or after off (forward) or the last before
 * off (backward), wrapping around; *wrapped says whether it did. n when
 * there are no hits. */
size_t search_next(const search_hits *h, size_t off, bool forward, bool *wrapped);

#endif
