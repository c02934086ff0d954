/* The compiled-in language knowledge of the quote engine: words by class
 * (reporting verbs, pronouns, determiners, titles...), word endings and
 * the properties of each language. The source is one file a language,
 * src/quotes/lang/CODE.txt (its README.md describes the format); the
 * generator scripts/gen-lexicon.py turns them into src/quotes/lexicon.c and
 * reads the names of the classes, endings and properties from this header:
 * a section [cue] fills LX_CUE, [role_suffix] LA_ROLE_SUFFIX, the property
 * verb_second LP_VERB_SECOND.
 */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "lang.h"

/* Classes of a word in a language (a word may have several). */
enum lex_class {
	LX_CUE          = 1u << 0,    /* reporting verb: said, siger, sagte, déclaré */
	LX_CUE_TAIL     = 1u << 1,    /* a cue only right after the quote: "…", so der Minister */
	LX_ACCORD       = 1u << 2,    /* according (to), ifølge, laut, selon: the source follows */
	LX_ACCORD_AFTER = 1u << 3,    /* the source stands before it: dem Minister zufolge */
	LX_PRON         = 1u << 4,    /* third-person subject pronoun: he, she, han, er, il, 他 */
	LX_PRON_OBJ     = 1u << 5,    /* the same person as object: him, her, lui, ihm */
	LX_MALE         = 1u << 6,    /* masculine: he, Mr, der */
	LX_FEMALE       = 1u << 7,    /* feminine: she, Mrs, die */
	LX_PLURAL       = 1u << 8,    /* plural: they, de, sie */
	LX_DET          = 1u << 9,    /* opens a noun phrase: the, a, der, le, his */
	LX_PREP         = 1u << 10,   /* preposition: a name after it is not a subject */
	LX_OF           = 1u << 11,   /* joins a genitive to a noun: of, des, di, van */
	LX_SKIP         = 1u << 12,   /* may stand between a subject and its verb: also, later, has */
	LX_AUX          = 1u << 13,   /* auxiliary verb: has, was, hat, war, ha */
	LX_REL          = 1u << 14,   /* relative word: who, som, der, qui */
	LX_CONJ         = 1u << 15,   /* conjunction: and, og, und */
	LX_TITLE        = 1u << 16,   /* title or office dropped before a name: Mr, President */
	LX_HONOR        = 1u << 17,   /* kept with the name: Sir, Lord, Pope */
	LX_PARTICLE     = 1u << 18,   /* lower-case name particle: van, von, de */
	LX_CAL          = 1u << 19,   /* day, month, today: capitalised or not, never a speaker */
	LX_FUNC         = 1u << 20,   /* function word: never a name when capitalised */
	LX_ROLE         = 1u << 21,   /* a person by role: spokesman, minister, talsmand */
	LX_TEXT         = 1u << 22,   /* a text or medium that speaks: statement, report, newspaper */
	LX_ORG          = 1u << 23,   /* a body that speaks: ministry, police, government */
	LX_FILLER       = 1u << 24,   /* between a cue and its subject: sich, es, hinzu */
	LX_CUE_OBJ      = 1u << 25,   /* a cue whose object follows it: told, asked, urged */
	LX_IMPERSONAL   = 1u << 26,   /* a cue with no person as subject: heißt (es), lyder (det) */
	LX_FROM         = 1u << 27,   /* the source after an impersonal cue: fra, von, aus, from */
	LX_EXPLETIVE    = 1u << 28,   /* an empty subject: it, det, es */
	LX_SUBJUNCTIVE  = 1u << 29,   /* a verb form of reported speech: sei, habe */
	LX_SPEECH_NOUN  = 1u << 30,   /* a noun that announces words: words, Worten, palabras */
	LX_OBLIQUE      = 1u << 31,   /* an article of a case no subject has: dem, den, des */
};

/* Classes that hold whatever the article's language: a word of any of the
 * lists counts (a name in quotes after "the" in a German report, "Jr." in
 * a Danish one). One byte of an entry, beside its classes by language. */
enum lex_any {
	LXA_DEFINITE     = 1u << 0,   /* a definite article: the „X“ before a capitalised quote makes it a name */
	LXA_ABBREVIATION = 1u << 1,  /* a short word a dot after does not end the sentence: Jr., bzw., etc. */
	LXA_WHOLE_TITLE  = 1u << 2,   /* a title that is a whole word, never shortened: "sagte die Frau." ends */
	LXA_AS           = 1u << 3,   /* after it a quote that looks like a title is a characterisation: als „…“ */
};

/* Word endings, for compounds and attached forms (a list per language). */
enum lex_affix {
	LA_ROLE_SUFFIX,      /* a compound naming a person by role: Pressesprecher, utenriksminister */
	LA_FEMALE_SUFFIX,    /* a role in the feminine: Ministerin */
	LA_DEFINITE_SUFFIX,  /* the ending of a noun's definite form: ministeren, ministern */
	LA_TEXT_SUFFIX,      /* a compound naming a text: Pressemitteilung */
	LA_ORG_SUFFIX,       /* a compound naming a body: Innenministerium */
	LA_CUE_SUFFIX,       /* a pronoun attached to a cue verb: déclare-t-il */
	LA_CUE_BEFORE,       /* (no spaces) a cue right before a quotation: 说：“…” */
	LA_CUE_AFTER,        /* (no spaces) a cue right after a quotation: 「…」と述べた */
	LA_NAME_SUFFIX,      /* (no spaces) an honorific after a name: 氏, さん */
	LA_TOPIC,            /* (no spaces) a particle after the subject: は, が */
	LA_SUBJECT_END,      /* (no spaces) a word between a subject and its verb: 在 (X在博客中写道) */
	LA_LABEL,            /* a word, or the end of a compound, announcing a slogan or title: Motto, Wahlkampfmotto */
	LA_TOPIC_AFTER_CONSONANT,   /* (spaced hangul) a particle joined to a subject after a final consonant: 은 이 */
	LA_TOPIC_AFTER_VOWEL,       /* (spaced hangul) its twin after a vowel: 는 가 */
	LA_FEMALE_NAME_SUFFIX,   /* the ending of a woman's surname in any case: Horváthová, Horváthovej */
	LA_CASE_SUFFIX,      /* a case ending a role word takes: bakana (bakan), shown without it */
	LA__COUNT
};

/* Properties of a language. */
enum lang_prop {
	LP_VERB_SECOND       = 1u << 0,   /* the finite verb second: "Dazu sagte der Minister" */
	LP_CAPITALISED_NOUNS = 1u << 1,   /* every noun has a capital: a capital is no name */
	LP_DASH_SPEECH       = 1u << 2,   /* speech opens its paragraph with a dash */
	LP_INNER_ATTRIBUTION = 1u << 3,   /* attribution inside the marks: « A, dit-il. B » */
	LP_PRO_DROP          = 1u << 4,   /* a verb needs no subject: "—dijo." */
	LP_NO_SPACES         = 1u << 5,   /* words are not separated by spaces */
	LP_ADJECTIVE_AFTER   = 1u << 6,   /* adjectives follow the noun: "el alcalde socialista" */
	LP_INFLECTED_NAMES   = 1u << 7,   /* names take case endings: "według Kowalskiego" */
	LP_BARE_NOUNS        = 1u << 8,   /* no articles: a noun right before a capitalised quote names it, "компания «…»" */
	LP_TITLE_AFTER_NAME  = 1u << 9,   /* a role right after a name is that person's title, not a genitive: "Kovács Anna polgármester" */
	LP_CASELESS          = 1u << 10,  /* a script without capitals (Arabic, Hebrew, Devanagari, Hangul): a word no list holds stands for a capitalised one */
	LP_GIVEN_NAME_REFERENCE = 1u << 11,   /* a person is named again by the given name: "Budi" after "Budi Santoso" */
	LP_APOSTROPHE_SUFFIX = 1u << 12,  /* a name's case ending follows an apostrophe: "Yılmaz'a", "Çelik'in" */
	LP_GENDERED_SURNAMES = 1u << 13,  /* a man's surname lacks the ending of a woman's: Kováč, Kováčová */
};

/* Longest word in the lists, in bytes: fifteen Devanagari letters of
 * three bytes each, for the compound titles of Hindi (प्रधानमंत्री, prime
 * minister, is twelve); at 31 they were never matched. */
#define LEX_MAXWORD 47
/* A buffer that holds a word zero-padded to a multiple of eight bytes
 * (and the eight bytes of padding the tokenizer writes after it). */
#define LEX_PADDED 56

/* The classes of the lower-case word low[0..n) in lang (0 when unknown). */
uint32_t lex_lookup(enum lang lang, const char *low, size_t n);

uint32_t lex_hash(const char *s, size_t n);

/* lex_hash of a word kept zero-padded as lex_find_padded reads it (no copy). */
uint32_t lex_hash_padded(const char *s, size_t n);

/* The entry of the lower-case word low[0..n) in the lists, -1 when none:
 * one lookup serves every language (lex_mask). */
int lex_find(const char *low, size_t n);

/* The month (1 to 12) that the lower-case word low[0..n) names in a
 * language's [month] list (march, märz, marca, 3月 is read apart), 0 when
 * none: how a written date is read. */
int lex_month(const char *low, size_t n);

/* Which number of a date the lower-case word low[0..n) names, standing
 * before it or joined after it, in a language's [date_unit] list (vi
 * "ngày 5 tháng 9 năm 2021", ko "2021년 9월 5일"): 1 the year, 2 the
 * month, 3 the day; 0 when none. */
int lex_date_unit(const char *low, size_t n);

/* lex_find for a word whose buffer is zero from low[n] to the next multiple
 * of eight bytes (the tokenizer keeps its words so): no copy. */
int lex_find_padded(const char *low, size_t n);

/* The generated tables (lexicon.c) that the lookups below read inline:
 * they run for every token, where a call costs as much as the answer. The
 * generator reads the two sizes here. */
#define LEX_NLANG (LANG_COUNT - 1)   /* the languages with lists: LANG_UNKNOWN has none */
/* The languages whose classes an entry holds itself (1..LEX_INLINE); the
 * classes of the others are in lex_more, a line of its own: ten languages
 * and the 32-bit profile fill the entry's cache line. */
#define LEX_INLINE 10
/* The perfect hash's groups, about two words each: with half as many, the
 * lists of 8,600 words left a group of two words no displacement (their
 * entries lie at offsets from each other that the xor does not change, and
 * the last free entries had none of them). */
#define LEX_DISP_LOG2 12
#define LEX_BLOOM_LOG2 15            /* the Bloom filter's bits */
/* An entry is one cache line, aligned, so that a lookup reads one line
 * for the word, its length and its classes: the words whole (32 bytes)
 * made it 80, and for half the entries the length or the classes sat on
 * a second line. The bytes past the sixteenth are compared from another
 * table (lexicon.c), which only the few longer words reach. */
typedef struct lex_entry {
	_Alignas(64) char w[16];         /* the first sixteen bytes, zero-padded: compared eight at a time */
	uint8_t len;
	uint8_t any;                     /* enum lex_any: in a byte the layout left free */
	uint32_t profile;                /* (after two bytes of padding) */
	uint32_t mask[LEX_INLINE];
} lex_entry;
_Static_assert(sizeof(lex_entry) == 64, "an entry is one cache line");
_Static_assert(LANG_LATIN_COUNT <= 32, "the profile's 32 bits hold the Latin-script languages");
extern const lex_entry lex_words[];
extern const uint32_t lex_more[][LEX_NLANG - LEX_INLINE];   /* the classes of each entry in the other languages */
extern const uint32_t lex_nwords;   /* the entries of lex_words */
extern const uint32_t lex_disp[1u << LEX_DISP_LOG2];   /* each group's displacement (lex_entry_of) */
extern const uint64_t lex_bloom[(1u << LEX_BLOOM_LOG2) / 64];
extern const unsigned lex_props[LEX_NLANG];
extern const uint64_t lex_affix_last[LEX_NLANG][LA__COUNT][4];   /* the endings' last bytes, 256 bits */
extern const unsigned char lex_affix_min[LEX_NLANG][LA__COUNT];   /* the shortest ending's bytes, 255: none */

/* The only entry that may hold the word of 32-bit hash h (the lower half
 * of lexicon.c's hash_padded, lex_hash): a minimal perfect hash, which the
 * generator built so that each word of the lists has an entry of its own.
 * The low bits of h pick a group of words, and the group's displacement
 * xored into h sends each of them to its entry (the high bits of the
 * product with the number of entries): a table of 16 KB and no probing,
 * where an open hash's slots took 32 KB, a second line the lookup missed
 * more often, and a loop of probes. */
static inline uint32_t lex_entry_of(uint32_t h)
{
	return (uint32_t)(((uint64_t)(h ^ lex_disp[h & ((1u << LEX_DISP_LOG2) - 1)]) * lex_nwords) >> 32);
}

/* The entry of hash x (lexicon.c's hash_padded before its last mixing
 * step) for the word of n bytes whose first sixteen are lo and hi (two
 * numbers as lex_find_word8 takes one; hi read only when two): its top
 * bits test the Bloom filter, which the last step leaves as they are, its
 * lower half picks the entry, which holds the word or another. */
static inline __attribute__((always_inline)) int lex_probe(uint64_t x, uint64_t lo, uint64_t hi, size_t n, bool two)
{
	uint64_t b = x >> (64 - LEX_BLOOM_LOG2);
	if (!((lex_bloom[b / 64] >> (b % 64)) & 1))
		return -1;   /* (most words the lists do not hold end here) */
	x ^= x >> 32;
	uint32_t i = lex_entry_of((uint32_t)x);
	uint64_t w0, w1 = 0;
	memcpy(&w0, lex_words[i].w, 8);
	if (two)
		memcpy(&w1, lex_words[i].w + 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w0 = __builtin_bswap64(w0);   /* the table was hashed little-endian */
	w1 = __builtin_bswap64(w1);
#endif
	return lex_words[i].len == n && w0 == lo && (!two || w1 == hi) ? (int)i : -1;
}

/* lex_find for a word of one to eight bytes (n, which the caller knows
 * to be in that range: no test of it) given as one number: its bytes
 * little-endian (the first in the low byte), the rest zero. The hash is
 * lexicon.c's hash_padded of one chunk. */
static inline int lex_find_short(uint64_t chunk, size_t n)
{
	return lex_probe(((uint64_t)n * 0x9E3779B97F4A7C15ull ^ chunk) * 0xFF51AFD7ED558CCDull, chunk, 0, n, false);
}

/* lex_find_short for a word of nine to sixteen bytes given as two such
 * numbers (the second the bytes from the ninth, zero-padded): the same
 * hash over two chunks. */
static inline int lex_find_long(uint64_t lo, uint64_t hi, size_t n)
{
	uint64_t x = ((uint64_t)n * 0x9E3779B97F4A7C15ull ^ lo) * 0xFF51AFD7ED558CCDull;
	x ^= x >> 32;
	return lex_probe((x ^ hi) * 0xFF51AFD7ED558CCDull, lo, hi, n, true);
}

/* lex_find_short for any n (-1 unless 1 <= n <= 8). */
static inline int lex_find_word8(uint64_t chunk, size_t n)
{
	if (n == 0 || n > 8)
		return -1;
	return lex_find_short(chunk, n);
}

/* lex_find_long for any n (-1 unless 9 <= n <= 16). */
static inline int lex_find_word16(uint64_t lo, uint64_t hi, size_t n)
{
	if (n <= 8 || n > 16)
		return -1;
	return lex_find_long(lo, hi, n);
}

/* lex_mask of an entry of the lists (entry >= 0) in a language that has
 * lists (1..LEX_NLANG). */
static inline uint32_t lex_mask_listed(int entry, enum lang lang)
{
	return lang <= LEX_INLINE ? lex_words[entry].mask[lang - 1] : lex_more[entry][lang - LEX_INLINE - 1];
}

/* Where lex_mask_in finds the classes of every entry in lang: in the
 * entries' own lines for the first LEX_INLINE languages, NULL for the
 * others (lex_more) and LANG_UNKNOWN. A loop over many words tests the
 * language once, not once a word. */
static inline const uint32_t *lex_column(enum lang lang)
{
	return lang > LANG_UNKNOWN && lang <= LEX_INLINE ? &lex_words[0].mask[lang - 1] : NULL;
}

/* lex_mask(entry, lang) of an entry of the lists (entry >= 0) from
 * col = lex_column(lang), not NULL: the same field of entry's line. */
static inline uint32_t lex_mask_in(const uint32_t *col, int entry)
{
	uint32_t m;
	memcpy(&m, (const char *)col + (size_t)entry * sizeof(lex_entry), sizeof m);
	return m;
}

/* The classes of entry (from lex_find; -1 gives 0) in lang. */
static inline uint32_t lex_mask(int entry, enum lang lang)
{
	if (entry < 0 || lang <= LANG_UNKNOWN || lang > LEX_NLANG)
		return 0;
	return lex_mask_listed(entry, lang);
}

/* The classes of entry that hold in every language (enum lex_any). */
static inline unsigned lex_any(int entry)
{
	return entry < 0 ? 0 : lex_words[entry].any;
}

/* The Latin-script languages whose detection profile holds entry: bit i
 * for the i-th language of LANG_LATIN_MASK (lang_latin). */
static inline unsigned lex_profile(int entry)
{
	return entry < 0 ? 0 : lex_words[entry].profile;
}

/* The properties of lang (enum lang_prop). */
static inline unsigned lex_lang_props(enum lang lang)
{
	return lang > LANG_UNKNOWN && lang <= LEX_NLANG ? lex_props[lang - 1] : 0;
}

/* The endings of kind k in lang: *n gets their number. */
const char *const *lex_affixes(enum lang lang, enum lex_affix k, size_t *n);

/* lex_suffix past its first tests (lang and k valid, the word longer than
 * the kind's shortest ending, its last byte the last of an ending). */
size_t lex_suffix_rest(enum lang lang, enum lex_affix k, const char *low, size_t n);

/* The length of the longest ending of kind k in lang that the lower-case
 * word low[0..n) ends with and is longer than; 0 when none. */
static inline size_t lex_suffix(enum lang lang, enum lex_affix k, const char *low, size_t n)
{
	if (lang <= LANG_UNKNOWN || lang > LEX_NLANG || (unsigned)k >= LA__COUNT || n <= lex_affix_min[lang - 1][k])
		return 0;   /* (an ending is shorter than the word: most short words pass no further) */
	unsigned char c = (unsigned char)low[n - 1];
	if (!((lex_affix_last[lang - 1][k][c >> 6] >> (c & 63)) & 1))
		return 0;   /* no ending of the kind ends in c (most words) */
	return lex_suffix_rest(lang, k, low, n);
}

/* For tests: the number of words and the i-th one. */
size_t lex_size(void);
const char *lex_word(size_t i);

#endif
