/* Internal to the quotes layer: a small tokenizer for the words around a
 * quote (attribution) and the language detector. Tokens are words (letters,
 * digits, inner apostrophes, hyphens and dots: don't, Beaumont-Dark, U.S)
 * and single punctuation marks; a '\n' inside a paragraph is a hyphen join
 * and is skipped like a space. Only the windows around quotes are
 * tokenized, never a whole article.
 */
#ifndef QUOTH_TOK_H
#define QUOTH_TOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "lang.h"
#include "lexicon.h"

enum tok_kind {
	T_NONE,
	T_WORD,
	T_COMMA,
	T_STOP,      /* . ! ? … ending a sentence */
	T_ABBR,      /* the dot of an abbreviation (Mr. Gen. U.S.) */
	T_COLON,
	T_SEMI,
	T_DASH,      /* – — or a spaced hyphen */
	T_MARK,      /* a quotation mark */
	T_OPEN,      /* ( [ */
	T_CLOSE,     /* ) ] */
	T_OTHER,
	T_QUOTE,     /* the words of a quote, passed over in one token (tok_doc_build) */
};

typedef struct tok {
	/* (thirty-two bytes in all, two a cache line, the fields in the order
	 * that packs them: every pass over the article's tokens reads them
	 * again, and writing one line a token was the article pass's most
	 * missed store; quotes_find refuses a text past four gigabytes) */
	uint32_t s, e;           /* bytes of the text */
	unsigned lex;            /* lexicon classes of low in the language */
	short entry;             /* lexicon entry of low (lex_find), -1 when none */
	unsigned char kind;
	bool cjk;                /* a Han, kana or hangul character (one a token); beside kind (tok_spaced_word) */
	bool cap;                /* a word starting with an upper-case letter */
	bool sent;               /* first of its sentence (tok_scan: after . ! ? : or a quotation mark) */
	bool para;               /* a paragraph break ('\n' between tokens) comes before it */
	unsigned char n;         /* length of low; 0 when the word is too long to look up */
	unsigned char lang;      /* the language lex was looked up in (enum lang) */
	unsigned char mark;      /* what the attribution read in the word once (mention.c: TM_ bits), 0 before */
	bool ascii;              /* a word of ASCII letters and digits alone (no apostrophe, hyphen, dot nor other
	                          * letter), and so is low: a test of low for those (mention.c) need not read it */
	/* the word lower-cased, zero from low[n] to the next multiple of eight
	 * (see lex_find_padded): for a word of the article, in the article's
	 * buffer of them (tok_doc's lows, each word's bytes after the word
	 * before: a few bytes a word, not forty a token), for tok_next's in the
	 * room its caller gives; for any other token, zeros */
	const char *low;
} tok;

_Static_assert(sizeof(tok) <= 32, "two tokens fit in a cache line");

/* The room for one token's lower-cased word while it is read. */
typedef char tok_low[LEX_PADDED];

/* A word of a script that separates its words (kind T_WORD, not cjk):
 * the attribution asks it of most tokens it reads, and the two bytes side
 * by side make it one compare, not two branches that go either way. */
static inline bool tok_spaced_word(const tok *w)
{
	_Static_assert(offsetof(tok, cjk) == offsetof(tok, kind) + 1 && sizeof w->cjk == 1, "kind and cjk side by side");
	static const unsigned char want[2] = { T_WORD, 0 };
	uint16_t x, y;
	memcpy(&x, &w->kind, 2);
	memcpy(&y, want, 2);
	return x == y;
}

/* Reads the token at or after pos (before end) into *out and returns the
 * position after it; out->kind is T_NONE at the end. A word's lower case
 * goes to low (out->low), which must outlive the token. */
size_t tok_next(const char *t, size_t pos, size_t end, enum lang lang, tok *out, char *low);

/* Tokenizes t[start,end) into v (at most max tokens, token k's word in
 * low[k]); returns how many. */
size_t tok_scan(const char *t, size_t start, size_t end, enum lang lang, tok *v, tok_low *low, size_t max);

/* All the tokens of a text, made once per article and sliced by the
 * attribution windows (tokenizing windows one by one would cost more than
 * the article: quotes are dense and their windows overlap). */
typedef struct tok_doc {
	tok *v;
	size_t n, cap;
	bool built;
	int rc;                  /* Q_ENOMEM when the build failed */
	/* at[i]: where token i * TOK_AT_STEP starts, nat of them, and
	 * blk[b]: the first of them at or after byte b << TOK_BLK_SHIFT, nblk
	 * of them (in at's block; made by the build; none when there was no
	 * memory for them: the lookups then search the tokens themselves) */
	uint32_t *at, *blk;
	size_t nat, nblk;
	size_t atcap;            /* numbers at's block has room for */
	/* the words' lower case (tok.low), nlow bytes used of room for
	 * LEX_PADDED a token of cap (a word takes at most that) */
	char *lows;
	size_t nlow;
	/* the language the last detection decided (kept by tok_doc_clear):
	 * the sample's tokens take its classes while the detector reads them,
	 * and keep them when it decides the same (an article is most often in
	 * the language of the one before), not written again by set_lang */
	enum lang guess;
} tok_doc;

#define TOK_AT_STEP 8
#define TOK_BLK_SHIFT 6

/* A byte range passed over by tok_doc_build. */
typedef struct tok_skip {
	size_t s, e;
	bool quote;              /* a quote's words (one T_QUOTE token), else text far from any quote (nothing) */
} tok_skip;

/* Tokenizes t[0,len) into td with the classes of lang, passing over the
 * ranges skip[0,nskip) (sorted, disjoint: the words of quotes, which the
 * attribution never reads): each quote becomes one T_QUOTE token, followed by
 * a T_STOP when its words end a sentence; other ranges leave no token.
 * Returns 0 or Q_ENOMEM. */
int tok_doc_build(tok_doc *td, const char *t, size_t len, enum lang lang, const tok_skip *skip, size_t nskip);

/* tok_doc_build with the classes of *lang; when *lang is LANG_UNKNOWN, the
 * language is detected from the first tokens (lang_count_word over those
 * of the first LANG_SAMPLE bytes) and set in *lang (on success). */
int tok_doc_build_detect(tok_doc *td, const char *t, size_t len, enum lang *lang, const tok_skip *skip, size_t nskip);
void tok_doc_free(tok_doc *td);

/* Reads the listed words whose entry, hashed with seed, falls below
 * below (a share of 2^32) as unlisted: their classes cleared (the
 * trainer's lexicon dropout, quotes_opts.lex_drop). */
void tok_doc_drop_classes(tok_doc *td, uint32_t below, uint64_t seed);

/* Forgets td's tokens but keeps its memory for the next build (of the
 * next article: quotes_work). */
void tok_doc_clear(tok_doc *td);

/* The language of text[0,len) from its tokens (lang.c), in two steps for a
 * caller that reads them one by one: each token of the first LANG_SAMPLE
 * bytes' worth (from the first token's start) is counted into score (zeroed
 * first), then lang_from_scores decides, as lang_detect when the tokens tell
 * too little. */
void lang_count_word(const tok *w, unsigned score[LANG_COUNT]);

/* lang_count_word over every token of t[0,end) into score (zeroed first),
 * the words read by the article pass's fast path (lang_detect: the
 * language of an article without a token pass, one without quotes). The
 * text goes on to len (>= end): that path may read past end, never past
 * len. */
void tok_count_profile(const char *t, size_t end, size_t len, unsigned score[LANG_COUNT]);
enum lang lang_from_scores(const char *text, size_t len, const unsigned score[LANG_COUNT]);

/* The tokens lying inside [s, e): sets *first, returns how many. */
size_t tok_doc_range(const tok_doc *td, size_t s, size_t e, size_t *first);

/* The first token starting at or after pos (td->n when none): tok_doc_range's *first. */
size_t tok_doc_first_at(const tok_doc *td, size_t pos);

/* Lower-cases the word s[0..n) into out (at most LEX_MAXWORD bytes);
 * returns its length, 0 when it does not fit. */
size_t tok_lower(const char *s, size_t n, char *out);

/* Decodes the code point at s (n bytes available); *len gets its length. */
unsigned tok_decode_multi(const char *s, size_t n, int *len);
static inline unsigned tok_decode(const char *s, size_t n, int *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {   /* inline: most characters are ASCII, and a call costs more than the answer */
		*len = 1;
		return c;
	}
	return tok_decode_multi(s, n, len);
}

/* Letter or digit (any script). */
bool tok_is_alnum_multi(unsigned c);
static inline bool tok_is_alnum(unsigned c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return tok_is_alnum_multi(c);
}

bool tok_is_upper(unsigned c);
bool tok_is_cjk(unsigned c);

bool tok_is_space_multi(unsigned c);
static inline bool tok_is_space(unsigned c)
{
	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\n';
	return tok_is_space_multi(c);
}

#endif
