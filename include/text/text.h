/* The text layer: bytes from anywhere -> display-safe UTF-8.
 *
 * After text_sanitize, the text is valid UTF-8 in which nothing can act on a
 * terminal: invalid sequences (overlong forms, surrogates, truncated
 * sequences, stray bytes) are U+FFFD, one per maximal ill-formed subpart;
 * NUL and C0 controls are the Control Pictures U+2400..U+241F (ESC is ␛),
 * DEL is ␡; C1 controls and the bidi embedding, override and isolate
 * characters (U+202A..U+202E, U+2066..U+2069) are ␦ (U+2426); CR LF, a lone
 * CR, NEL, U+2028 and U+2029 are LF; a leading BOM (and any BOMs right after it) is dropped; TAB stays.
 * Every other layer works with byte offsets into this text.
 */
#ifndef QUOTH_TEXT_H
#define QUOTH_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum text_encoding {
	TEXT_UTF8,
	TEXT_UTF16LE,   /* had a BOM */
	TEXT_UTF16BE,   /* had a BOM */
	TEXT_CP1252,    /* no valid multi-byte UTF-8, high bytes read as Windows-1252 (Latin-1's
	                   letters, and curly quotes, dashes, € at 0x80..0x9F) */
	TEXT_BINARY,    /* NUL bytes or too many controls: refused */
};

/* Guesses the encoding from the first few KiB of in. */
enum text_encoding text_detect(const char *in, size_t n);

/* Length of the prefix of in that text_sanitize would copy unchanged
 * (n when in is already display-safe and has no BOM). */
size_t text_safe_prefix(const char *in, size_t n);

/* Sanitizes n bytes of UTF-8 (or anything) into a new buffer *out of *outlen
 * bytes, NUL-terminated. Returns 0 or Q_ENOMEM. */
int text_sanitize(const char *in, size_t n, char **out, size_t *outlen);

/* Like text_sanitize, for a name shown on one line (a file name in a
 * message or the article list): LF, CR and TAB become their Control
 * Pictures (␊ ␍ ␉), U+2028/U+2029 ␤, and a BOM is kept; the result
 * has no byte below 0x20. */
int text_sanitize_line(const char *in, size_t n, char **out, size_t *outlen);

/* Converts UTF-16 (with its BOM) or Windows-1252 to UTF-8 in a new buffer, which
 * still needs sanitizing. Returns 0, Q_ENOMEM or Q_EBINARY. */
int text_convert(enum text_encoding enc, const char *in, size_t n, char **out, size_t *outlen);

/* True when s[0..n) is display-safe: what text_sanitize leaves as it is. */
bool text_is_safe(const char *s, size_t n);

#endif
