/* Folding for search (search.h), private to search.c and search_scan.c.
 *
 * Text is read as units: a base character and all the combining marks
 * (canonical combining class > 0) that follow it, of which the first
 * UNIT_MARKS count; a mark at the start of the text is a unit of its own.
 * A unit's key is what it
 * compares as: NFD, marks dropped unless SEARCH_ACCENTS, case folded unless
 * SEARCH_CASE. White space is one kind of unit (every run of it compares
 * as one space), invisible characters and hyphen joins another (nothing).
 * Ill-formed bytes compare as U+FFFD. Hangul syllables are not decomposed
 * into jamo, so a syllable never half matches.
 */
#ifndef QUOTH_SEARCH_FOLD_H
#define QUOTH_SEARCH_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "search.h"

#define UNIT_MARKS 15
/* The longest key: each of 16 code points decomposes to at most 4 and each
 * of those case folds to at most 3 of 4 bytes. */
#define KEY_MAX 800
#define CACHE_SLOTS 256
#define CACHE_KEY 22

/* 16 bytes at a time (GCC and clang vector extensions: SSE2, NEON ...). */
typedef uint8_t v16 __attribute__((vector_size(16)));

enum unit_kind { UNIT_KEY, UNIT_SPACE, UNIT_EMPTY };

typedef struct unit {
	size_t end;              /* the byte after the unit */
	enum unit_kind kind;
	size_t len;              /* bytes of key (UNIT_KEY) */
	const char *key;         /* into buf or the folder's cache */
	char buf[KEY_MAX];
} unit;

typedef struct fold_slot {
	uint32_t cp;             /* UINT32_MAX: empty */
	uint8_t kind, len;
	char key[CACHE_KEY];
} fold_slot;

/* Keys of lone characters outside ASCII, for one mode. */
typedef struct fold_cache {
	bool ready;
	fold_slot slot[CACHE_SLOTS];
} fold_cache;

/* Reads text for search: units begin at `floor` at the earliest, and
 * nothing at or after `end` is read (but text[i - 1] and text[i - 2] before
 * a line end, to tell a hyphen join). */
typedef struct folder {
	unsigned mode;
	const char *text;
	size_t floor, end;
	bool cut;                /* end is not the end of the text (a buffer of it) */
	size_t reach;            /* no byte at or after it has been looked at */
	size_t low;              /* nor before it (but text[floor - 1] for a join) */
	fold_cache *cache;       /* own_cache, or one that outlives the folder */
	fold_cache own_cache;
} folder;

void folder_init(folder *f, unsigned mode, const char *text, size_t floor, size_t end);

/* Has f use `cache` (kept for f's mode only) instead of its own. */
void folder_share_cache(folder *f, fold_cache *cache);

/* The unit that begins at i (a unit start, i < f->end). */
void fold_unit(folder *f, size_t i, unit *u);

/* The end of the match of the folded pattern p[0..n) that begins at unit
 * start i, or 0 when none begins there. */
size_t fold_match(folder *f, size_t i, const char *p, size_t n);

/* Decodes the code point at s[0..n): its length (at least 1); ill-formed
 * bytes give U+FFFD and *bad. */
size_t fold_decode(const char *s, size_t n, uint32_t *cp, bool *bad);

/* The start of the code point that ends at i (i > floor), as a decoder
 * going forward from floor would find it. */
size_t fold_prev_char(const char *text, size_t floor, size_t i);

/* Appends [start,end) to h: 0 or Q_ENOMEM. */
int hits_push(search_hits *h, size_t start, size_t end);

/* The unit starts the simple search tries: the next match of the folded
 * pattern p[0..n) that begins in [*i, to), or false; *i moves on. */
bool fold_next_match(folder *f, size_t *i, size_t to, const char *p, size_t n, search_match *m);

/* True when cp attaches to the character before it (combining class > 0). */
bool fold_is_mark(uint32_t cp);

/* The key of one code point alone as a unit, as code points: its count,
 * or -1 for white space and invisible characters. */
int fold_cp_key(unsigned mode, uint32_t cp, uint32_t out[KEY_MAX / 4]);

#endif
