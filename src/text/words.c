/* Words for corpus-wide comparison (see words.h). */
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include "words.h"

enum kind { K_SEP, K_WORD, K_ALONE, K_JOIN };

static bool ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Scripts written without spaces between words: each character a word. */
static bool unspaced(ucs4_t c)
{
	return uc_is_property_ideographic(c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x0E00 && c <= 0x0EFF) ||
	       (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF);
}

/* The kind of the character at s[i] and its length in *len. */
static enum kind kind_at(const char *s, size_t n, size_t i, size_t *len, ucs4_t *cp)
{
	unsigned char b = (unsigned char)s[i];
	*len = 1;
	*cp = b;
	if (b < 0x80)
		return ascii_alnum(b) ? K_WORD : b == '\'' || b == '-' ? K_JOIN : K_SEP;
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	if (k <= 0 || c == 0xFFFD) {
		*len = k > 0 ? (size_t)k : 1;
		return K_SEP;
	}
	*len = (size_t)k;
	*cp = c;
	if (c == 0x2019 || c == 0x2010 || c == 0x2011)   /* ’ and hyphens inside a word */
		return K_JOIN;
	if (unspaced(c))
		return K_ALONE;
	return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M) ? K_WORD : K_SEP;
}

/* An ASCII byte that only separates words (not ' or -, which may join
 * two). ASCII is most of a text: its bytes are taken here without a call
 * of kind_at each (by callgrind, two thirds of the time of words_next,
 * which makes the word pairs of every quote an indexer puts). */
static inline bool ascii_sep(unsigned char c)
{
	return c < 0x80 && !ascii_alnum(c) && c != '\'' && c != '-';
}

bool words_next(const char *s, size_t n, size_t *pos, size_t *start, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *pos, len;
	ucs4_t c;
	enum kind k = K_SEP;
	for (;;) {
		while (i < n && u[i] < 0x80 && !ascii_alnum(u[i]))   /* (a join begins no word) */
			i++;
		if (i >= n || (k = kind_at(s, n, i, &len, &c)) == K_WORD || k == K_ALONE)
			break;
		i += len;
	}
	if (i >= n) {
		*pos = n;
		return false;
	}
	*start = i;
	i += len;
	if (k == K_WORD) {
		while (i < n) {
			if (ascii_alnum(u[i])) {
				i++;
				continue;
			}
			if (ascii_sep(u[i]))
				break;
			enum kind next = kind_at(s, n, i, &len, &c);
			if (next == K_WORD) {
				i += len;
				continue;
			}
			size_t after;
			if (next == K_JOIN && i + len < n && kind_at(s, n, i + len, &after, &c) == K_WORD) {
				i += len + after;   /* don't, co-op: the join and the letter after it */
				continue;
			}
			break;
		}
	}
	*end = i;
	*pos = i;
	return true;
}

uint64_t words_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a over the lower-case code points */
	size_t i = 0;
	for (unsigned char b; i < n && (b = (unsigned char)s[i]) < 0x80; i++)   /* ASCII, most words: no more to ask */
		h = (h ^ ((unsigned)(b - 'A') < 26u ? b + 32u : b)) * 1099511628211ULL;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		ucs4_t c = b;
		if (b < 0x80) {
			if (b >= 'A' && b <= 'Z')
				c = b + 32;
			i++;
		} else {
			int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
			i += k > 0 ? (size_t)k : 1;
			c = uc_tolower(c);
		}
		if (c == 0x2019)
			c = '\'';   /* don’t and don't are one word */
		h = (h ^ c) * 1099511628211ULL;
	}
	return h ^ (h >> 29);
}
