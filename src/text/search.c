#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>
#include "error.h"
#include "grow.h"
#include "search.h"
#include "strbuf.h"

/* The folded form of the character at s (its length in *len) into out. */
static size_t fold_char(const char *s, size_t n, char out[64], size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*len = 1;
		out[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		if (out[0] == '\t' || out[0] == '\n')
			out[0] = ' ';
		return 1;
	}
	ucs4_t uc;
	int k = u8_mbtouc(&uc, (const uint8_t *)s, n);
	*len = (size_t)(k > 0 ? k : 1);
	size_t outn = 64;
	uint8_t *r = u8_casefold((const uint8_t *)s, *len, NULL, NULL, (uint8_t *)out, &outn);
	if (!r) {
		memcpy(out, s, *len);
		return *len;
	}
	if (r != (uint8_t *)out) {   /* did not fit: keep the character as it is */
		free(r);
		memcpy(out, s, *len);
		return *len;
	}
	return outn;
}

static void fold_into(strbuf *b, const char *s, size_t n)
{
	bool space = false;
	for (size_t i = 0; i < n;) {
		char f[64];
		size_t len, k = fold_char(s + i, n - i, f, &len);
		i += len;
		if (k == 1 && f[0] == ' ') {
			space = true;
			continue;
		}
		if (space && b->len)
			sb_putc(b, ' ');
		space = false;
		sb_add(b, f, k);
	}
	if (space && b->len)
		sb_putc(b, ' ');
}

char *search_fold_pattern(const char *pat, size_t n)
{
	strbuf b;
	sb_init(&b);
	/* the folded pattern is a C string: a NUL would end it, and an empty
	 * pattern matches everywhere (found by fuzzing: search_all never ended) */
	fold_into(&b, pat, strnlen(pat, n));
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

/* Matches folded at text[i..]; returns the end offset or 0 for no match. */
static size_t match_at(const char *text, size_t i, size_t end, const char *folded)
{
	const char *p = folded;
	char f[64];
	size_t fl = 0, fi = 0;

	while (*p) {
		if (fi == fl) {
			if (i >= end)
				return 0;
			size_t len;
			if (text[i] == '\n' && i > 0 && text[i - 1] == '-' && i + 1 < end && text[i + 1] != '\n') {
				i++;   /* a hyphen join */
				continue;
			}
			fl = fold_char(text + i, end - i, f, &len);
			fi = 0;
			i += len;
			if (fl == 1 && f[0] == ' ') {
				/* white space: the pattern must have a space here; swallow the run */
				if (*p != ' ')
					return 0;
				p++;
				while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
					i++;
				fi = fl;
				continue;
			}
		}
		if (*p != f[fi])
			return 0;
		p++;
		fi++;
	}
	return fi == fl ? i : 0;   /* a match must end at a character boundary */
}

/* The characters outside ASCII whose case folding begins with an ASCII
 * letter: ß ss, İ i, ſ s, ẖẗẘẙẚ h t w y a, ẞ ss, K (Kelvin) k, ﬀ..ﬆ ff fi
 * fl ffi ffl st st. Any other non-ASCII character folds to non-ASCII. */
static bool folds_to_ascii(const unsigned char *s, size_t n)
{
	ucs4_t c;
	u8_mbtouc(&c, s, n);
	return c == 0xDF || c == 0x130 || c == 0x17F || (c >= 0x1E96 && c <= 0x1E9A) || c == 0x1E9E ||
	       c == 0x212A || (c >= 0xFB00 && c <= 0xFB06);
}

/* Could a match begin at text[i]? A cheap test before match_at. */
static bool may_start(const char *text, size_t i, size_t end, unsigned char first)
{
	unsigned char c = (unsigned char)text[i];
	if (c < 0x80)
		return first < 0x80 && (c >= 'A' && c <= 'Z' ? c + 32 : c) == first;
	if ((c & 0xC0) == 0x80)
		return false;
	if (first >= 0x80)
		return true;
	/* an ASCII first letter: only a few leads can fold to one */
	if (c != 0xC3 && c != 0xC4 && c != 0xC5 && c != 0xE1 && c != 0xE2 && c != 0xEF)
		return false;
	return folds_to_ascii((const unsigned char *)text + i, end - i);
}

int search_all(const char *text, size_t start, size_t end, const char *folded, search_hits *hits)
{
	unsigned char first = (unsigned char)folded[0];
	if (!first)
		return 0;
	for (size_t i = start; i < end; i++) {
		if (!may_start(text, i, end, first))
			continue;
		size_t e = match_at(text, i, end, folded);
		if (!e)
			continue;
		if (GROW(hits->v, hits->cap, hits->n + 1, 32))
			return Q_ENOMEM;
		hits->v[hits->n].start = i;
		hits->v[hits->n].end = e;
		hits->n++;
		i = e - 1;
	}
	return 0;
}

bool search_contains(const char *s, size_t n, const char *folded)
{
	unsigned char first = (unsigned char)folded[0];
	for (size_t i = 0; i < n; i++)
		if (may_start(s, i, n, first) && match_at(s, i, n, folded))
			return true;
	return false;
}

void search_hits_free(search_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

size_t search_next(const search_hits *h, size_t off, bool forward, bool *wrapped)
{
	*wrapped = false;
	if (!h->n)
		return 0;
	size_t lo = 0, hi = h->n;   /* first hit with start >= off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (forward) {
		if (lo < h->n)
			return lo;
		*wrapped = true;
		return 0;
	}
	if (lo > 0)
		return lo - 1;
	*wrapped = true;
	return h->n - 1;
}
