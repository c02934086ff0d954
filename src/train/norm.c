#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "error.h"
#include "norm.h"

/* The quotation marks the evaluator turns into spaces. */
static bool quote_char(ucs4_t c)
{
	static const ucs4_t marks[] = { '"', '\'', 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A, 0x2018,
	                                0x2019, 0x201A, 0x201B, 0x300C, 0x300D, 0x300E, 0x300F, 0x301D, 0x301E, 0xFF02 };
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (c == marks[i])
			return true;
	return false;
}

static bool cjk(ucs4_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF);
}

/* A character of a word, as Python's \w: a letter, a number or '_'. */
static bool word_char(ucs4_t c)
{
	return c == '_' || uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_N);
}

static uint64_t mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0x100000001B3ull;
	return h ^ (h >> 29);
}

static int push(words *w, size_t *cap, uint64_t h)
{
	if (w->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		uint64_t *v = realloc(w->v, nc * sizeof *v);
		if (!v)
			return Q_ENOMEM;
		w->v = v;
		*cap = nc;
	}
	w->v[w->n++] = h;
	return 0;
}

int words_of(const char *s, size_t len, words *w)
{
	w->v = NULL;
	w->n = 0;
	size_t nlen = 0, flen = 0;
	uint8_t *nfkc = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, len, NULL, &nlen);
	if (!nfkc)
		return Q_ENOMEM;
	uint8_t *f = u8_casefold(nfkc, nlen, NULL, NULL, NULL, &flen);
	free(nfkc);
	if (!f)
		return Q_ENOMEM;
	size_t cap = 0;
	uint64_t h = 0;
	bool in = false;
	int rc = 0;
	for (size_t i = 0; i < flen && !rc;) {
		ucs4_t c;
		int l = u8_mbtouc(&c, f + i, flen - i);
		i += (size_t)(l > 0 ? l : 1);
		bool wc = !quote_char(c) && word_char(c);
		if (in && (!wc || cjk(c))) {
			rc = push(w, &cap, h);
			in = false;
		}
		if (!wc)
			continue;
		if (cjk(c)) {
			rc = push(w, &cap, mix(0xCBF29CE484222325ull, c));
			continue;
		}
		h = mix(in ? h : 0xCBF29CE484222325ull, c);
		in = true;
	}
	if (!rc && in)
		rc = push(w, &cap, h);
	free(f);
	if (rc)
		words_free(w);
	return rc;
}

void words_free(words *w)
{
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

double words_overlap(const words *a, const words *b)
{
	if (!a->n || !b->n)
		return 0;
	uint64_t *x = malloc((a->n + b->n) * sizeof *x);
	if (!x)
		return 0;
	uint64_t *y = x + a->n;
	memcpy(x, a->v, a->n * sizeof *x);
	memcpy(y, b->v, b->n * sizeof *y);
	qsort(x, a->n, sizeof *x, by_value);
	qsort(y, b->n, sizeof *y, by_value);
	size_t i = 0, j = 0, common = 0;
	while (i < a->n && j < b->n) {
		if (x[i] == y[j]) {
			common++;
			i++;
			j++;
		} else if (x[i] < y[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(x);
	return (double)common / (double)(a->n > b->n ? a->n : b->n);
}

bool words_contain(const words *a, const words *b)
{
	if (!b->n || b->n > a->n)
		return false;
	for (size_t i = 0; i + b->n <= a->n; i++)
		if (!memcmp(a->v + i, b->v, b->n * sizeof *b->v))
			return true;
	return false;
}
