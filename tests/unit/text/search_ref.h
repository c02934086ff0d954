/* A slow reference for search (search.h), written from its documentation
 * and not from its code: fold the whole text into one string, remembering
 * which unit each byte came from, then look for the folded pattern in it
 * with memcmp at every place. Shared by tests/unit/text/test_search.c and
 * tests/fuzz/fuzz_search.c, which compare search_all and the fast scan
 * with it.
 *
 * The spec: a unit is a character and the combining marks after it (only
 * the first 15 count); ill-formed bytes are U+FFFD; white space (Unicode
 * White_Space) is one space for a whole run, invisible characters
 * (Default_Ignorable_Code_Point) and a line end after '-' before more text
 * are nothing; any other unit is its NFD, without marks unless the pattern
 * has accents, case folded unless it has a capital, a Hangul syllable
 * staying whole. A match begins at the first byte of a unit's key and ends
 * at the last byte of one, leftmost first, disjoint.
 */
#ifndef QUOTH_SEARCH_REF_H
#define QUOTH_SEARCH_REF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "search.h"

typedef struct ref_text {
	char *s;            /* the folded text */
	size_t *from, *to;  /* per byte of s: the original bytes it stands for */
	bool *first;        /* per byte of s: a unit's key begins here */
	size_t len, cap;
} ref_text;

static void ref_put(ref_text *r, const char *k, size_t n, size_t from, size_t to)
{
	if (r->len + n + 1 > r->cap) {
		r->cap = (r->len + n + 1) * 2;
		r->s = realloc(r->s, r->cap);
		r->from = realloc(r->from, r->cap * sizeof *r->from);
		r->to = realloc(r->to, r->cap * sizeof *r->to);
		r->first = realloc(r->first, r->cap * sizeof *r->first);
		if (!r->s || !r->from || !r->to || !r->first)
			abort();
	}
	for (size_t i = 0; i < n; i++) {
		r->s[r->len] = k[i];
		r->from[r->len] = from;
		r->to[r->len] = to;
		r->first[r->len] = i == 0;
		r->len++;
	}
}

static void ref_free(ref_text *r)
{
	free(r->s);
	free(r->from);
	free(r->to);
	free(r->first);
}

/* Strips the combining marks of UTF-8 s[0..*n) in place. */
static void ref_strip(uint8_t *s, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < *n;) {
		ucs4_t c;
		int w = u8_mbtouc(&c, s + i, *n - i);
		if (uc_combining_class(c) == 0)
			memmove(s + k, s + i, (size_t)w), k += (size_t)w;
		i += (size_t)w;
	}
	*n = k;
}

/* The key of the unit u[0..n) (valid UTF-8) in mode; a malloc'd string. */
static uint8_t *ref_key(unsigned mode, const uint8_t *u, size_t n, size_t *len)
{
	ucs4_t c;
	int w = u8_mbtouc(&c, u, n);
	if (c >= 0xAC00 && c <= 0xD7A3) {   /* the syllable, then its marks */
		size_t rest;
		uint8_t *k = n > (size_t)w ? ref_key(mode, u + w, n - (size_t)w, &rest) : NULL;
		uint8_t *out = malloc((size_t)w + (k ? rest : 0) + 1);
		memcpy(out, u, (size_t)w);
		if (k)
			memcpy(out + w, k, rest);
		*len = (size_t)w + (k ? rest : 0);
		free(k);
		return out;
	}
	uint8_t *k = u8_normalize(UNINORM_NFD, u, n, NULL, len);
	if (!(mode & SEARCH_ACCENTS))
		ref_strip(k, len);
	if (!(mode & SEARCH_CASE)) {
		uint8_t *f = u8_casefold(k, *len, NULL, UNINORM_NFD, NULL, len);
		free(k);
		k = f;
		if (!(mode & SEARCH_ACCENTS))
			ref_strip(k, len);
	}
	return k;
}

static bool ref_join(const char *t, size_t i, size_t end)
{
	size_t k = i, next = i + 1;
	if (t[i] == '\r') {
		if (next >= end || t[next] != '\n')
			return false;
		next++;
	} else if (t[i] != '\n') {
		return false;
	} else if (i >= 1 && t[i - 1] == '\r') {
		k--;
	}
	return k >= 1 && t[k - 1] == '-' && next < end && t[next] != '\n' && t[next] != '\r';
}

/* Folds text[start,end) in mode into r. */
static void ref_fold(const char *text, size_t start, size_t end, unsigned mode, ref_text *r)
{
	memset(r, 0, sizeof *r);
	bool in_space = false;
	for (size_t i = start; i < end;) {
		/* the unit: a character, then its marks, ill-formed bytes as U+FFFD */
		uint8_t buf[16 * 4 + 4];
		size_t nb = 0, ncp = 0, j = i;
		ucs4_t base = 0;
		do {
			ucs4_t c;
			int w = u8_mbtouc(&c, (const uint8_t *)text + j, end - j);
			bool bad = c == 0xFFFD && !(w == 3 && !memcmp(text + j, "\xEF\xBF\xBD", 3));
			if (ncp && (bad || uc_combining_class(c) == 0))
				break;
			if (!ncp)
				base = c;
			if (ncp < 16)
				nb += (size_t)u8_uctomb(buf + nb, c, 4);
			ncp++;
			j += (size_t)w;
		} while (j < end);
		if (uc_is_property_white_space(base) && !ref_join(text, i, end)) {
			if (in_space) {   /* the run goes on: its space stands for more */
				r->to[r->len - 1] = j;
			} else {
				ref_put(r, " ", 1, i, j);
				in_space = true;
			}
		} else if (!uc_is_property_white_space(base) && !uc_is_property_default_ignorable_code_point(base)) {
			size_t klen;
			uint8_t *k = ref_key(mode, buf, nb, &klen);
			if (klen) {
				ref_put(r, (const char *)k, klen, i, j);
				in_space = false;
			}
			free(k);
		}
		i = j;
	}
}

/* Every match of the compiled pattern in text[start,end). */
static void ref_search(const char *text, size_t start, size_t end, const char *pattern, search_hits *h)
{
	memset(h, 0, sizeof *h);
	ref_text r;
	ref_fold(text, start, end, search_pattern_mode(pattern), &r);
	const char *p = pattern + 1;
	size_t m = strlen(p);
	for (size_t i = 0; m && i + m <= r.len;) {
		if (r.first[i] && (i + m == r.len || r.first[i + m]) && !memcmp(r.s + i, p, m)) {
			if (h->n == h->cap) {
				h->cap = h->cap ? h->cap * 2 : 16;
				h->v = realloc(h->v, h->cap * sizeof *h->v);
				if (!h->v)
					abort();
			}
			h->v[h->n].start = r.from[i];
			h->v[h->n].end = r.to[i + m - 1];
			h->n++;
			i += m;
		} else {
			i++;
		}
	}
	ref_free(&r);
}

/* A reader for search_scan_reader that hands out the text a few bytes at a
 * time (1 to max) and fails now and then, as a reader may. */
typedef struct ref_chunks {
	const char *text;
	size_t len, max;
	uint64_t rng;          /* xorshift state, not 0 */
} ref_chunks;

static size_t ref_read_chunks(void *ctx, size_t off, char *buf, size_t n)
{
	ref_chunks *c = ctx;
	c->rng ^= c->rng << 13;
	c->rng ^= c->rng >> 7;
	c->rng ^= c->rng << 17;
	if (c->rng % 64 == 0)
		return 0;
	size_t k = 1 + (size_t)(c->rng >> 8) % c->max;
	if (k > n)
		k = n;
	if (k > c->len - off)
		k = c->len - off;
	memcpy(buf, c->text + off, k);
	return k;
}

#endif
