/* Words as the corpus-wide comparisons see them (the same quote in two
 * articles, the differences between its variants): a run of letters,
 * digits and combining marks, with an apostrophe or hyphen inside it
 * (don't, co-op), or one character of a script written without spaces
 * (Han, kana, Thai...), which then counts as a word of its own. Everything
 * else (spaces, punctuation, quotation marks) only separates words.
 * Invalid UTF-8 separates words too. ASCII takes a fast path. */
#ifndef QUOTH_WORDS_H
#define QUOTH_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The next word of s[*pos..n) in [*start, *end); *pos moves past it.
 * False when no word is left. */
bool words_next(const char *s, size_t n, size_t *pos, size_t *start, size_t *end);

/* A 64-bit hash of the word s[0..n) with its letters in lower case, so that
 * The and the hash alike. */
uint64_t words_hash(const char *s, size_t n);

#endif
