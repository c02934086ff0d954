/* The compiled-in word lists of the quote engine: reporting verbs, pronouns,
 * determiners, titles... per language. Generated into src/quotes/lexicon.c by
 * scripts/gen-lexicon.py, which holds the lists.
 */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "lang.h"

enum lex_class {
	LX_CUE      = 1 << 0,    /* reporting verb: said, siger, sagte, a déclaré */
	LX_CUE_TAIL = 1 << 1,    /* a cue only right after the quote: "…", so der Minister */
	LX_ACCORD   = 1 << 2,    /* according to, ifølge, laut, selon: the source follows */
	LX_PRON     = 1 << 3,    /* he, she, han, hun, er, sie, il, elle */
	LX_DET      = 1 << 4,    /* starts a descriptive phrase: the, a, der, le */
	LX_PREP     = 1 << 5,    /* preposition: a name after it is not a subject */
	LX_SKIP     = 1 << 6,    /* may stand between subject and verb: also, later, has */
	LX_REL      = 1 << 7,    /* relative word: who, som, der, qui */
	LX_CONJ     = 1 << 8,    /* conjunction: and, og, und */
	LX_TITLE    = 1 << 9,    /* title or role dropped before a name: Mr, President */
	LX_HONOR    = 1 << 10,   /* kept with the name: Sir, Lord, Pope */
	LX_PARTICLE = 1 << 11,   /* lower-case name particle: van, von, de */
	LX_CAL      = 1 << 12,   /* day or month name: capitalised, never a speaker */
	LX_FUNC     = 1 << 13,   /* function word: never a name when capitalised */
	LX_PROFILE  = 1 << 14,   /* counted by the language detector */
};

/* Longest word in the lists, in bytes. */
#define LEX_MAXWORD 31
/* A buffer that holds a word zero-padded to a multiple of eight bytes. */
#define LEX_PADDED 40

/* The classes of the lower-case word low[0..n) in lang (0 when unknown or
 * when lang has no lists). */
unsigned lex_lookup(enum lang lang, const char *low, size_t n);

uint32_t lex_hash(const char *s, size_t n);

/* lex_hash of a word kept zero-padded as lex_find_padded reads it (no copy). */
uint32_t lex_hash_padded(const char *s, size_t n);

/* The entry of the lower-case word low[0..n) in the lists, -1 when none:
 * one lookup serves every language (lex_mask). */
int lex_find(const char *low, size_t n);

/* lex_find for a word whose buffer is zero from low[n] to the next multiple
 * of eight bytes (the tokenizer keeps its words so): no copy. */
int lex_find_padded(const char *low, size_t n);

/* lex_find for a word of at most eight bytes given as one number: its
 * bytes little-endian (the first in the low byte), the rest zero. */
int lex_find_word8(uint64_t chunk, size_t n);

/* The classes of entry (from lex_find; -1 gives 0) in lang. */
unsigned lex_mask(int entry, enum lang lang);

/* The languages (bit 1 << lang) whose detection profile holds entry. */
unsigned lex_profile(int entry);

/* For tests: the number of words and the i-th one. */
size_t lex_size(void);
const char *lex_word(size_t i);

#endif
