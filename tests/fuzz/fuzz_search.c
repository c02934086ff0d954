/* Search (search.h): a pattern from the input searched in an article, and
 * in the input's raw bytes as the big-file search reads them.
 *
 * Input: byte 0 the pattern length (0..63), the pattern, then the article
 * (doc_from_bytes). A second pattern is a piece of the article's own text.
 *
 * Invariants: search_all finds exactly what the slow reference finds
 * (tests/unit/text/search_ref.h: fold the whole text, then compare at
 * every place), in the article, in its paragraphs and in the raw bytes;
 * so does the fast scan, whole, from a random offset, up to a random end,
 * in slices cut by search_cut, stopping at the first match, and reading
 * the text through a reader that hands it out in pieces; hits are
 * non-empty, on character boundaries, in order and disjoint;
 * search_contains agrees; search_next gives a valid hit on the right side
 * of the offset; any piece of the text finds itself.
 */
#include "fuzz.h"
#include "doc.h"
#include "search.h"
#include "../unit/text/search_ref.h"

static void same_hits(const search_hits *want, const search_hits *got, size_t upto, const char *what)
{
	size_t n = 0;
	while (n < want->n && want->v[n].start < upto)
		n++;
	FUZZ_CHECK(got->n == n, "%s: %zu matches, the reference %zu", what, got->n, n);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(got->v[i].start == want->v[i].start && got->v[i].end == want->v[i].end,
		           "%s: match %zu [%zu,%zu), the reference [%zu,%zu)", what, i, got->v[i].start, got->v[i].end,
		           want->v[i].start, want->v[i].end);
}

static void check_hits(const char *text, size_t len, size_t start, size_t end, const char *pattern, bool utf8,
                       const search_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		const search_match *m = &h->v[i];
		FUZZ_CHECK(start <= m->start && m->start < m->end && m->end <= end, "hit %zu [%zu,%zu) of [%zu,%zu)", i,
		           m->start, m->end, start, end);
		/* (in ill-formed bytes a stray continuation byte is a character) */
		FUZZ_CHECK(!utf8 || (fuzz_on_char(text, len, m->start) && fuzz_on_char(text, len, m->end)),
		           "hit %zu [%zu,%zu) splits a character", i, m->start, m->end);
		if (i)
			FUZZ_CHECK(h->v[i - 1].end <= m->start, "hits %zu and %zu overlap", i - 1, i);
	}
	/* a line end at the start may be a join only for what sees the byte before */
	if (start == 0 || (text[start] != '\n' && text[start] != '\r'))
		FUZZ_CHECK(search_contains(text + start, end - start, pattern) == (h->n > 0),
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

/* The fast scan over text[from, len) against the reference's matches `want`
 * from `from`: whole, up to a random end, in slices, the first only. */
static void check_scan(const char *text, size_t len, size_t from, const char *pattern, const search_hits *want,
                       uint64_t *rng)
{
	size_t sample = (size_t)(fuzz_rand(rng) % (len + 1));
	search_scan *s = search_scan_new(pattern, text, sample);
	FUZZ_CHECK(s, "search_scan_new failed");
	ref_chunks c = { text, len, 1 + (size_t)(fuzz_rand(rng) % 300), fuzz_rand(rng) | 1 };
	if (fuzz_rand(rng) & 1)
		search_scan_reader(s, ref_read_chunks, &c);
	search_hits got = { 0 };
	FUZZ_CHECK(search_scan_run(s, text, len, from, len, false, &got) == 0, "search_scan_run failed");
	same_hits(want, &got, len, "the scan");
	search_hits_free(&got);
	size_t to = from + (size_t)(fuzz_rand(rng) % (len - from + 1));
	FUZZ_CHECK(search_scan_run(s, text, len, from, to, false, &got) == 0, "search_scan_run failed");
	same_hits(want, &got, to, "the scan up to an end");
	search_hits_free(&got);
	FUZZ_CHECK(search_scan_run(s, text, len, from, len, true, &got) == 0, "search_scan_run failed");
	same_hits(want, &got, want->n ? want->v[0].start + 1 : len, "the scan's first match");
	search_hits_free(&got);
	/* in slices cut by search_cut, going on after the last match as one
	 * pass does: the same matches */
	size_t step = 1 + (size_t)(fuzz_rand(rng) % 64);
	for (size_t lo = from; lo < len;) {
		if (got.n && got.v[got.n - 1].end > lo)
			lo = got.v[got.n - 1].end;
		if (lo >= len)
			break;
		size_t hi = search_cut(text, len, lo + step);
		FUZZ_CHECK(hi > lo && hi <= len, "search_cut(%zu) gave %zu", lo + step, hi);
		FUZZ_CHECK(search_scan_run(s, text, len, lo, hi, false, &got) == 0, "search_scan_run failed");
		lo = hi;
	}
	same_hits(want, &got, len, "the scan in slices");
	check_hits(text, len, from, len, pattern, false, &got);
	search_hits_free(&got);
	search_scan_free(s);
}

/* Everything about one pattern in text[start, end) (the text is len long). */
static void search_in(const char *text, size_t len, size_t start, size_t end, const char *pattern, bool utf8,
                      uint64_t *rng)
{
	search_hits h = { 0 }, want;
	FUZZ_CHECK(search_all(text, start, end, pattern, &h) == 0, "search_all failed");
	ref_search(text, start, end, pattern, &want);
	same_hits(&want, &h, end, "search_all");
	check_hits(text, len, start, end, pattern, utf8, &h);
	check_next(&h, rng, len);
	if (end == len)
		check_scan(text, len, start, pattern, &want, rng);
	search_hits_free(&want);
	search_hits_free(&h);
}

static bool mark_at(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	return i < n && fuzz_utf8((const unsigned char *)s + i, n - i, &cp) && uc_combining_class(cp) != 0;
}

/* A piece of the text from a character that is not a mark to one, with no
 * '\n' (a join or a line end) in it, as a pattern: it must be found. */
static void self_match(const doc *d, uint64_t *rng)
{
	size_t a = (size_t)(fuzz_rand(rng) % d->len), b = a + 1 + (size_t)(fuzz_rand(rng) % 24);
	if (b > d->len)
		b = d->len;
	while (a > 0 && (!fuzz_on_char(d->text, d->len, a) || mark_at(d->text, d->len, a)))
		a--;
	while (b < d->len && (!fuzz_on_char(d->text, d->len, b) || mark_at(d->text, d->len, b)))
		b++;
	if (memchr(d->text + a, '\n', b - a))
		return;
	char *pattern = search_fold_pattern(d->text + a, b - a);
	if (!pattern)
		return;   /* only blanks */
	FUZZ_CHECK(search_contains(d->text, d->len, pattern), "text [%zu,%zu) '%.*s' does not find itself", a, b,
	           (int)(b - a), d->text + a);
	search_in(d->text, d->len, 0, d->len, pattern, true, rng);
	free(pattern);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t plen = data[0] % 64;
	if (plen > size - 1)
		plen = size - 1;
	const char *raw = (const char *)data + 1 + plen;
	size_t nraw = size - 1 - plen;
	doc *d = NULL;
	if (doc_from_bytes("fuzz", raw, nraw, &d))
		return 0;
	uint64_t rng = doc_hash(data, size);
	char *pattern = search_fold_pattern((const char *)data + 1, plen);
	if (pattern) {
		FUZZ_CHECK(pattern[1] && pattern[1] != ' ', "folded pattern '%s'", pattern + 1);
		search_in(d->text, d->len, 0, d->len, pattern, true, &rng);
		for (size_t p = 0; p < d->npara && p < 4; p++)
			search_in(d->text, d->len, d->para[p].start, d->para[p].end, pattern, true, &rng);
		/* the raw bytes, as a big file is searched, in a copy of their own
		 * size so that reading one byte too far is caught */
		char *copy = malloc(nraw ? nraw : 1);
		FUZZ_CHECK(copy, "no memory");
		memcpy(copy, raw, nraw);
		size_t from = nraw ? (size_t)(fuzz_rand(&rng) % nraw) : 0;
		search_in(copy, nraw, from, nraw, pattern, false, &rng);
		free(copy);
		free(pattern);
	}
	for (int k = 0; k < 4; k++)
		self_match(d, &rng);
	doc_free(d);
	return 0;
}
