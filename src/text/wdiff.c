/* Word differences: the words of both texts, a longest common subsequence
 * by dynamic programming (quotes are short), then runs of one kind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "wdiff.h"
#include "words.h"

typedef struct word {
	size_t start, end;
	uint64_t h;              /* words_hash: equal words, equal hashes */
} word;

typedef struct wordlist {
	word *v;
	size_t n, cap;
} wordlist;

static int split(const char *s, size_t n, wordlist *w)
{
	size_t pos = 0, a, b;
	while (words_next(s, n, &pos, &a, &b)) {
		if (GROW(w->v, w->cap, w->n + 1, 32))
			return Q_ENOMEM;
		w->v[w->n++] = (word){ a, b, words_hash(s + a, b - a) };
	}
	return 0;
}

static int push(wdiff *d, size_t *cap, enum wdiff_kind k, const word *wa, const word *wb)
{
	wdiff_op *last = d->n ? &d->v[d->n - 1] : NULL;
	if (last && last->kind == k) {   /* the run goes on */
		if (wa)
			last->a_end = wa->end;
		if (wb)
			last->b_end = wb->end;
	} else {
		if (GROW(d->v, *cap, d->n + 1, 16))
			return Q_ENOMEM;
		d->v[d->n++] = (wdiff_op){ k, wa ? wa->start : 0, wa ? wa->end : 0, wb ? wb->start : 0, wb ? wb->end : 0 };
	}
	if (k == WD_SAME)
		d->same++;
	else if (k == WD_DROPPED)
		d->dropped++;
	else
		d->added++;
	return 0;
}

/* The table of longest common suffixes: L[i][j] for a[i..], b[j..]. */
static uint16_t *lcs_table(const wordlist *a, const wordlist *b)
{
	size_t w = b->n + 1;
	uint16_t *t = calloc((a->n + 1) * w, sizeof *t);
	if (!t)
		return NULL;
	for (size_t i = a->n; i-- > 0;)
		for (size_t j = b->n; j-- > 0;) {
			uint16_t down = t[(i + 1) * w + j], right = t[i * w + j + 1];
			t[i * w + j] = a->v[i].h == b->v[j].h ? (uint16_t)(t[(i + 1) * w + j + 1] + 1) : down > right ? down : right;
		}
	return t;
}

static int align(const wordlist *a, const wordlist *b, wdiff *d, size_t *cap)
{
	uint16_t *t = a->n <= WDIFF_MAX_WORDS && b->n <= WDIFF_MAX_WORDS ? lcs_table(a, b) : NULL;
	size_t i = 0, j = 0, w = b->n + 1;
	int rc = t || a->n > WDIFF_MAX_WORDS || b->n > WDIFF_MAX_WORDS ? 0 : Q_ENOMEM;
	while (!rc && t && i < a->n && j < b->n) {
		if (a->v[i].h == b->v[j].h) {
			rc = push(d, cap, WD_SAME, &a->v[i++], &b->v[j++]);
		} else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
			rc = push(d, cap, WD_DROPPED, &a->v[i++], NULL);
		} else {
			/* an added word: after the dropped run it replaces, if any */
			rc = push(d, cap, WD_ADDED, NULL, &b->v[j++]);
		}
	}
	while (!rc && i < a->n)
		rc = push(d, cap, WD_DROPPED, &a->v[i++], NULL);
	while (!rc && j < b->n)
		rc = push(d, cap, WD_ADDED, NULL, &b->v[j++]);
	free(t);
	return rc;
}

int wdiff_words(const char *a, size_t na, const char *b, size_t nb, wdiff *out)
{
	memset(out, 0, sizeof *out);
	wordlist wa = { 0 }, wb = { 0 };
	size_t cap = 0;
	int rc = split(a, na, &wa);
	if (!rc)
		rc = split(b, nb, &wb);
	if (!rc)
		rc = align(&wa, &wb, out, &cap);
	free(wa.v);
	free(wb.v);
	if (rc)
		wdiff_free(out);
	return rc;
}

void wdiff_pieces(const char *a, const char *b, const wdiff *d, wdiff_piece_fn fn, void *ctx)
{
	size_t pb = 0;
	for (size_t k = 0; k < d->n; k++) {
		const wdiff_op *op = &d->v[k];
		switch (op->kind) {
		case WD_SAME:
			fn(ctx, WP_TEXT, b + pb, op->b_end - pb);
			pb = op->b_end;
			break;
		case WD_ADDED:
			fn(ctx, WP_TEXT, b + pb, op->b_start - pb);
			fn(ctx, WP_ADDED, b + op->b_start, op->b_end - op->b_start);
			pb = op->b_end;
			break;
		case WD_DROPPED: {
			/* after the gap that leads to b's next word, or at the end of b */
			size_t next = k + 1 < d->n ? d->v[k + 1].b_start : pb;
			fn(ctx, WP_TEXT, b + pb, next - pb);
			if (next == pb && pb)
				fn(ctx, WP_TEXT, " ", 1);
			fn(ctx, WP_DROPPED, a + op->a_start, op->a_end - op->a_start);
			if (next > pb || !pb)
				fn(ctx, WP_TEXT, " ", 1);
			pb = next;
			break;
		}
		}
	}
	fn(ctx, WP_TEXT, b + pb, strlen(b) - pb);
}

void wdiff_free(wdiff *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}
