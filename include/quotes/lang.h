/* Languages the quote engine knows, and a small detector.
 *
 * The detector counts frequent function words of each Latin-script language
 * (the PROFILE lists of scripts/gen-lexicon.py) in the first few KiB of a
 * text, and looks for kana and Han characters for Japanese and Chinese. It
 * is meant to pick the cue-verb lists for a news article, nothing finer.
 */
#ifndef QUOTH_LANG_H
#define QUOTH_LANG_H

#include <stddef.h>

enum lang {
	LANG_UNKNOWN = 0,
	LANG_EN, LANG_DA, LANG_NO, LANG_SV, LANG_DE, LANG_FR, LANG_ES, LANG_NL, LANG_IT,
	LANG_ZH, LANG_JA,
	LANG_COUNT
};

/* The Latin-script languages are 1..LANG_LATIN_N: they have word lists. */
#define LANG_LATIN_N 9

/* How many bytes from the start of a text the detector reads. */
#define LANG_SAMPLE 2048

/* The language of text[0..n); LANG_EN when nothing is recognised. */
enum lang lang_detect(const char *text, size_t n);

/* The ISO 639-1 code ("en", "da", ...; "" for LANG_UNKNOWN). */
const char *lang_code(enum lang l);

/* The language named by an ISO 639-1 code ("nb" and "nn" are "no"); LANG_UNKNOWN otherwise. */
enum lang lang_from_code(const char *code);

#endif
