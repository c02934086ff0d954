/* Search: compiling a pattern, and the simple search that tries every
 * character (search.h; the units and keys are in search_fold.c, the fast
 * scan in search_scan.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include "error.h"
#include "grow.h"
#include "search.h"
#include "search_fold.h"
#include "strbuf.h"

int hits_push(search_hits *h, size_t start, size_t end)
{
	if (GROW(h->v, h->cap, h->n + 1, 32))
		return Q_ENOMEM;
	h->v[h->n].start = start;
	h->v[h->n].end = end;
	h->n++;
	return 0;
}

/* ---- patterns ------------------------------------------------------------------ */

/* Smart case and accents: what the pattern's own characters ask for. Its
 * units are read with nothing folded, so each key is the NFD of the unit. */
static unsigned pattern_mode(const char *pat, size_t n)
{
	folder f;
	folder_init(&f, SEARCH_CASE | SEARCH_ACCENTS, pat, 0, n);
	unsigned mode = 0;
	unit u;
	for (size_t i = 0; i < n; i = u.end) {
		fold_unit(&f, i, &u);
		for (size_t k = 0; u.kind == UNIT_KEY && k < u.len;) {
			uint32_t cp;
			bool bad;
			k += fold_decode(u.key + k, u.len - k, &cp, &bad);
			if (uc_tolower(cp) != cp)
				mode |= SEARCH_CASE;
			if (fold_is_mark(cp))
				mode |= SEARCH_ACCENTS;
		}
	}
	return mode;
}

/* The keys of s[0..n) in mode, after what b holds (the mode byte, or
 * nothing); a run of white space is one space, none leading. NULL when no
 * key was added. */
static char *fold_keys(strbuf *b, unsigned mode, const char *s, size_t n, fold_cache *kept)
{
	size_t base = b->len;
	folder f;
	folder_init(&f, mode, s, 0, n);
	if (kept)
		folder_share_cache(&f, kept);
	unit u;
	const unsigned char *t = (const unsigned char *)s;
	bool lower = !(mode & SEARCH_CASE);
	for (size_t i = 0; i < n; i = u.end) {
		/* an ASCII byte but white space, no mark after it: its own key, in
		 * one pass (the indexer folds every title: a unit a call took it
		 * 17,000 instructions a title) */
		size_t k = i;
		while (k < n && t[k] < 0x80 && t[k] != ' ' && (t[k] < '\t' || t[k] > '\r') && (k + 1 >= n || t[k + 1] < 0x80))
			k++;
		if (k > i) {
			char *o = sb_extend(b, k - i);
			if (!o)
				break;
			for (size_t c = 0; c < k - i; c++)
				o[c] = (char)(lower && t[i + c] >= 'A' && t[i + c] <= 'Z' ? t[i + c] + 32 : t[i + c]);
			u.end = k;
			continue;
		}
		fold_unit(&f, i, &u);
		if (u.kind == UNIT_KEY)
			sb_add(b, u.key, u.len);
		else if (u.kind == UNIT_SPACE && b->len > base && b->s[b->len - 1] != ' ')
			sb_putc(b, ' ');
	}
	if (b->len == base) {
		sb_free(b);
		return NULL;
	}
	return sb_take(b);
}

char *search_fold_pattern(const char *pat, size_t n)
{
	/* the compiled pattern is a C string: a NUL would end it, and an empty
	 * pattern matches everywhere (found by fuzzing: search_all never ended) */
	n = strnlen(pat, n);
	unsigned mode = pattern_mode(pat, n);
	strbuf b;
	sb_init(&b);
	sb_putc(&b, (char)(mode + 1));
	return fold_keys(&b, mode, pat, n, NULL);
}

char *search_fold_pattern_loose(const char *pat, size_t n)
{
	strbuf b;
	sb_init(&b);
	sb_putc(&b, 1);   /* mode 0 */
	return fold_keys(&b, 0, pat, strnlen(pat, n), NULL);
}

char *search_fold_loose(const char *s, size_t n)
{
	return search_fold_loose_with(NULL, s, n);
}

struct search_folds {
	fold_cache cache;        /* (mode 0, the only one search_fold_loose folds in) */
};

search_folds *search_folds_new(void)
{
	search_folds *c = malloc(sizeof *c);
	if (c)
		c->cache.ready = false;
	return c;
}

void search_folds_free(search_folds *c)
{
	free(c);
}

char *search_fold_loose_with(search_folds *c, const char *s, size_t n)
{
	strbuf b;
	sb_init(&b);
	return fold_keys(&b, 0, s, strnlen(s, n), c ? &c->cache : NULL);
}

unsigned search_pattern_mode(const char *pattern)
{
	return (unsigned)(unsigned char)pattern[0] - 1;
}

/* ---- the simple search --------------------------------------------------------- */

/* The first byte at or after i, before `to`, that is not an ASCII
 * character alone (no mark after it) other than b and c: only those can
 * begin a match of a pattern that begins with b (c: b's capital when case
 * is folded). */
static size_t skip_ascii(const folder *f, size_t i, size_t to, uint8_t b, uint8_t c)
{
	const char *t = f->text;
	size_t stop = to < f->end ? to : f->end - 1;   /* t[i + 1] is read */
	v16 vb = { 0 }, vc = { 0 }, high = { 0 };
	for (int k = 0; k < 16; k++) {
		vb[k] = b;
		vc[k] = c;
		high[k] = 0x80;
	}
	while (i + 16 <= stop) {
		v16 x, y;
		memcpy(&x, t + i, 16);
		memcpy(&y, t + i + 1, 16);
		v16 m = (v16)(x == vb) | (v16)(x == vc) | (x & high) | (y & high);
		uint64_t w[2];
		memcpy(w, &m, 16);
		if (w[0] | w[1])
			break;
		i += 16;
	}
	while (i < stop && (uint8_t)t[i] < 0x80 && (uint8_t)t[i + 1] < 0x80 && (uint8_t)t[i] != b && (uint8_t)t[i] != c)
		i++;
	return i;
}

bool fold_next_match(folder *f, size_t *i, size_t to, const char *p, size_t n, search_match *m)
{
	unit u;
	uint8_t b = (uint8_t)p[0], c = !(f->mode & SEARCH_CASE) && b >= 'a' && b <= 'z' ? (uint8_t)(b - 32) : b;
	while (*i < to) {
		*i = skip_ascii(f, *i, to, b, c);
		if (*i >= to)
			break;
		size_t at = *i;
		fold_unit(f, at, &u);
		*i = u.end;
		if (u.kind != UNIT_KEY || u.key[0] != p[0])
			continue;
		size_t e = fold_match(f, at, p, n);
		if (e) {
			m->start = at;
			m->end = e;
			*i = e;
			return true;
		}
	}
	return false;
}

int search_all(const char *text, size_t start, size_t end, const char *pattern, search_hits *hits)
{
	if (!pattern[0] || !pattern[1])
		return 0;
	folder f;
	folder_init(&f, search_pattern_mode(pattern), text, start, end);
	size_t n = strlen(pattern + 1);
	search_match m;
	for (size_t i = start; fold_next_match(&f, &i, end, pattern + 1, n, &m);)
		if (hits_push(hits, m.start, m.end))
			return Q_ENOMEM;
	return 0;
}

bool search_contains(const char *s, size_t n, const char *pattern)
{
	if (!pattern[0] || !pattern[1])
		return false;
	folder f;
	folder_init(&f, search_pattern_mode(pattern), s, 0, n);
	size_t i = 0;
	search_match m;
	return fold_next_match(&f, &i, n, pattern + 1, strlen(pattern + 1), &m);
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

size_t search_cut(const char *text, size_t len, size_t i)
{
	while (i < len) {
		uint32_t cp;
		bool bad;
		size_t k = fold_decode(text + i, len - i, &cp, &bad);
		if (((unsigned char)text[i] & 0xC0) != 0x80 && (bad || !fold_is_mark(cp)))
			return i;
		i += k;
	}
	return len;
}
