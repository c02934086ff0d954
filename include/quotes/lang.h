/* Languages the quote engine knows, and a small detector.
 *
 * The detector counts frequent function words of each Latin-script language
 * (the [profile] lists of the language files) in the first few KiB of a
 * text, looks for kana and Han characters for Japanese and Chinese, and for
 * Cyrillic letters for Russian, Ukrainian, Bulgarian and Serbian (told apart
 * by letters only one of them has, or uses often), Greek letters for Greek,
 * Arabic letters for Arabic and Persian (told apart by Persian's own
 * letters), Hebrew, Devanagari for Hindi and hangul for Korean. It is meant
 * to pick the word lists for a news article, nothing finer.
 */
#ifndef QUOTH_LANG_H
#define QUOTH_LANG_H

#include <stddef.h>
#include <stdint.h>

enum lang {
	LANG_UNKNOWN = 0,
	LANG_EN, LANG_DA, LANG_NO, LANG_SV, LANG_DE, LANG_FR, LANG_ES, LANG_NL, LANG_IT,
	LANG_ZH, LANG_JA,
	/* added after the first eleven, whose word classes sit in the lexicon's
	 * entries themselves (lexicon.h: LEX_INLINE) */
	LANG_PT, LANG_PL, LANG_CA, LANG_CS, LANG_RU, LANG_UK, LANG_RO, LANG_HR, LANG_HU, LANG_EL, LANG_BG, LANG_SR,
	LANG_SK, LANG_SL, LANG_FI, LANG_ET, LANG_GL,
	LANG_LV, LANG_LT, LANG_TR, LANG_ID, LANG_VI,
	/* scripts without capitals, told by their letters (caseless in their files) */
	LANG_AR, LANG_HE, LANG_FA, LANG_HI, LANG_KO,
	LANG_UR,
	/* Cyrillic, told by their letters */
	LANG_BE, LANG_MK,
	/* Latin, told by their [profile] words */
	LANG_EU, LANG_IS, LANG_GA, LANG_MT,
	LANG_KK,   /* Cyrillic with its own letters */
	LANG_HY,   /* Armenian letters */
	LANG_TA,   /* Tamil letters, caseless */
	LANG_MR,   /* Devanagari, told from Hindi by its words */
	LANG_COUNT
};

/* The Latin-script languages (bit 1 << lang of a 64-bit mask: the enum
 * passes 31): the detector tells them apart by their [profile] words. */
#define LANG_BIT(l) (UINT64_C(1) << (l))
#define LANG_LATIN_MASK ((LANG_BIT(LANG_IT + 1) - 2) | LANG_BIT(LANG_PT) | LANG_BIT(LANG_PL) | LANG_BIT(LANG_CA) | \
                         LANG_BIT(LANG_CS) | LANG_BIT(LANG_RO) | LANG_BIT(LANG_HR) | LANG_BIT(LANG_HU) | \
                         LANG_BIT(LANG_LV) | LANG_BIT(LANG_LT) | LANG_BIT(LANG_TR) | LANG_BIT(LANG_ID) | \
                         LANG_BIT(LANG_VI) | LANG_BIT(LANG_SK) | LANG_BIT(LANG_SL) | \
                         LANG_BIT(LANG_FI) | LANG_BIT(LANG_ET) | LANG_BIT(LANG_GL) | \
                         LANG_BIT(LANG_EU) | LANG_BIT(LANG_IS) | LANG_BIT(LANG_GA) | LANG_BIT(LANG_MT))

/* How many they are, and the i-th of them in the order of enum lang (a
 * word's profile has bit i for it: lexicon.h). */
#define LANG_LATIN_COUNT 30
enum lang lang_latin(unsigned i);

/* How many bytes from the start of a text the detector reads. */
#define LANG_SAMPLE 2048

/* The language of text[0..n); LANG_EN when nothing is recognised. */
enum lang lang_detect(const char *text, size_t n);

/* The ISO 639-1 code ("en", "da", ...; "" for LANG_UNKNOWN). */
const char *lang_code(enum lang l);

/* The language named by an ISO 639-1 code ("nb" and "nn" are "no"; "bs" is
 * "hr", whose file holds its Latin spellings; "sr" has the same words in
 * both its alphabets); LANG_UNKNOWN otherwise. */
enum lang lang_from_code(const char *code);

#endif
