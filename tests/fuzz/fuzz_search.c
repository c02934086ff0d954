/* Search (search.h): a pattern from the input searched in an article.
 *
 * Input: byte 0 the pattern length (0..63), the pattern, then the article
 * (doc_from_bytes). A second pattern is a piece of the article's own text.
 *
 * Invariants: hits are non-empty, inside the range searched, on character
 * boundaries, in order and disjoint; search_contains agrees with search_all,
 * over the text and over each hit; search_next gives a valid hit on the
 * right side of the offset; any piece of the text finds itself.
 */
#include "fuzz.h"
#include "doc.h"
#include "search.h"

static void check_hits(const doc *d, size_t start, size_t end, const char *folded, const search_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		const search_match *m = &h->v[i];
		FUZZ_CHECK(start <= m->start && m->start < m->end && m->end <= end, "hit %zu [%zu,%zu) of [%zu,%zu)", i,
		           m->start, m->end, start, end);
		FUZZ_CHECK(fuzz_on_char(d->text, d->len, m->start) && fuzz_on_char(d->text, d->len, m->end),
		           "hit %zu [%zu,%zu) splits a character", i, m->start, m->end);
		if (i)
			FUZZ_CHECK(h->v[i - 1].end <= m->start, "hits %zu and %zu overlap", i - 1, i);
		FUZZ_CHECK(search_contains(d->text + m->start, m->end - m->start, folded),
		           "hit %zu [%zu,%zu) does not contain the pattern", i, m->start, m->end);
	}
	FUZZ_CHECK(search_contains(d->text + start, end - start, folded) == (h->n > 0),
	           "search_contains says %d, search_all found %zu", !(h->n > 0), h->n);
}

static void check_next(const search_hits *h, uint64_t *rng, size_t len)
{
	for (int k = 0; k < 8; k++) {
		size_t off = (size_t)(fuzz_rand(rng) % (len + 1));
		bool fwd = fuzz_rand(rng) & 1, wrapped;
		size_t i = search_next(h, off, fwd, &wrapped);
		if (!h->n) {
			FUZZ_CHECK(i == 0, "search_next with no hits gave %zu", i);
			continue;
		}
		FUZZ_CHECK(i < h->n, "search_next gave %zu of %zu", i, h->n);
		if (fwd && !wrapped)
			FUZZ_CHECK(h->v[i].start >= off && (i == 0 || h->v[i - 1].start < off), "forward from %zu: hit %zu", off, i);
		if (!fwd && !wrapped)
			FUZZ_CHECK(h->v[i].start < off && (i + 1 == h->n || h->v[i + 1].start >= off), "backward from %zu: hit %zu",
			           off, i);
	}
}

static void search_in(const doc *d, size_t start, size_t end, const char *folded, uint64_t *rng)
{
	search_hits h = { 0 };
	FUZZ_CHECK(search_all(d->text, start, end, folded, &h) == 0, "search_all failed");
	check_hits(d, start, end, folded, &h);
	check_next(&h, rng, d->len);
	search_hits_free(&h);
}

/* A piece of the text at character boundaries, with no '\n' (a join or a
 * line end) in it, as a pattern: it must be found. */
static void self_match(const doc *d, uint64_t *rng)
{
	size_t a = (size_t)(fuzz_rand(rng) % d->len), b = a + 1 + (size_t)(fuzz_rand(rng) % 24);
	if (b > d->len)
		b = d->len;
	while (a > 0 && !fuzz_on_char(d->text, d->len, a))
		a--;
	while (b < d->len && !fuzz_on_char(d->text, d->len, b))
		b++;
	if (memchr(d->text + a, '\n', b - a))
		return;
	char *folded = search_fold_pattern(d->text + a, b - a);
	if (!folded)
		return;   /* only blanks */
	FUZZ_CHECK(search_contains(d->text, d->len, folded), "text [%zu,%zu) '%.*s' does not find itself", a, b,
	           (int)(b - a), d->text + a);
	search_in(d, 0, d->len, folded, rng);
	free(folded);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t plen = data[0] % 64;
	if (plen > size - 1)
		plen = size - 1;
	doc *d = NULL;
	if (doc_from_bytes("fuzz", (const char *)data + 1 + plen, size - 1 - plen, &d))
		return 0;
	uint64_t rng = doc_hash(data, size);
	char *folded = search_fold_pattern((const char *)data + 1, plen);
	if (folded) {
		FUZZ_CHECK(folded[0] && folded[0] != ' ', "folded pattern '%s'", folded);
		search_in(d, 0, d->len, folded, &rng);
		for (size_t p = 0; p < d->npara && p < 4; p++)
			search_in(d, d->para[p].start, d->para[p].end, folded, &rng);
		free(folded);
	}
	for (int k = 0; k < 4; k++)
		self_match(d, &rng);
	doc_free(d);
	return 0;
}
