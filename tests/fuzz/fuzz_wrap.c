/* The wrap layer (wrap.h) at random widths: wrap_range on every paragraph
 * of doc_from_bytes, checked against the slow path (libunistring only), and
 * the lazy view (wrap_view_rows / move / row_start) at random offsets,
 * checked against the rows of wrap_range.
 *
 * Input: byte 0 the width, byte 1 the tab width, byte 2 the first
 * paragraph of the view, byte 3 a second width, the rest the article.
 *
 * Invariants: each row fits the width (wrap_str_width == cols <= width,
 * unless the row is one cluster wider than the width); rows cover their
 * paragraph in order with only spaces and joins between them; no row starts
 * or ends inside a grapheme cluster; row starts strictly increase; the view
 * shows the same rows, finds the row of an offset and moves by rows exactly.
 */
#include <unigbrk.h>
#include "fuzz.h"
#include "doc.h"
#include "wrap.h"
#include "wrap_fast.h"

typedef struct rows {
	wrap_row *r;
	size_t n, cap;
} rows;

static void push_gap(rows *e, size_t para, size_t end)
{
	if (e->n == e->cap) {
		e->cap = e->cap * 2 + 16;
		e->r = realloc(e->r, e->cap * sizeof *e->r);
		FUZZ_CHECK(e->r != NULL, "out of memory");
	}
	e->r[e->n++] = (wrap_row){ .start = end, .end = end, .para = para, .gap = true };
}

static bool only_spaces_and_joins(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (t[i] != ' ' && t[i] != '\n')
			return false;
	return true;
}

/* How many clusters of nonzero width the row has. */
static size_t visible_clusters(const char *t, size_t a, size_t b, int tw)
{
	size_t k = 0;
	int col = 0;
	for (size_t i = a, len; i < b; i += len) {
		int w = wrap_cluster_width(t + i, b - i, col, tw, &len);
		FUZZ_CHECK(len > 0 && len <= b - i, "wrap_cluster_width gave length %zu of %zu", len, b - i);
		col += w;
		k += w > 0;
	}
	return k;
}

static void check_para_rows(const doc *d, size_t p, const wrap_row *r, size_t n, int width, int tw)
{
	const char *t = d->text;
	size_t ps = d->para[p].start, pe = d->para[p].end;
	char *brk = malloc(pe - ps);
	FUZZ_CHECK(brk != NULL, "out of memory");
	u8_grapheme_breaks((const uint8_t *)t + ps, pe - ps, brk);
	FUZZ_CHECK(n > 0, "paragraph %zu has no rows", p);
	FUZZ_CHECK(r[0].start == ps, "first row of paragraph %zu starts at %zu, not %zu", p, r[0].start, ps);
	FUZZ_CHECK(r[n - 1].end == pe, "last row of paragraph %zu ends at %zu, not %zu", p, r[n - 1].end, pe);
	for (size_t i = 0; i < n; i++) {
		const wrap_row *w = &r[i];
		FUZZ_CHECK(!w->gap && w->para == p, "row %zu: gap %d para %zu", i, w->gap, w->para);
		FUZZ_CHECK(ps <= w->start && w->start <= w->end && w->end <= pe,
		           "row %zu [%zu,%zu) outside paragraph [%zu,%zu)", i, w->start, w->end, ps, pe);
		/* The one empty row: an indented paragraph whose first cluster does
		 * not fit after the indentation breaks after it (the spaces hang). */
		FUZZ_CHECK(w->start < w->end || (i == 0 && n > 1 && t[ps] == ' '),
		           "row %zu [%zu,%zu) of paragraph [%zu,%zu) is empty", i, w->start, w->end, ps, pe);
		if (i)
			FUZZ_CHECK(r[i - 1].end <= w->start && only_spaces_and_joins(t, r[i - 1].end, w->start),
			           "between rows %zu and %zu: [%zu,%zu) is more than spaces and joins", i - 1, i,
			           r[i - 1].end, w->start);
		FUZZ_CHECK(w->start == ps || brk[w->start - ps], "row %zu starts inside a grapheme cluster at %zu", i, w->start);
		FUZZ_CHECK(w->end == pe || brk[w->end - ps], "row %zu ends inside a grapheme cluster at %zu", i, w->end);
		int cols = wrap_str_width(t + w->start, w->end - w->start, tw);
		FUZZ_CHECK(cols == w->cols, "row %zu [%zu,%zu) says %d columns, wrap_str_width %d", i, w->start, w->end, w->cols, cols);
		if (cols > width)
			FUZZ_CHECK(visible_clusters(t, w->start, w->end, tw) == 1,
			           "row %zu [%zu,%zu) is %d columns at width %d", i, w->start, w->end, cols, width);
	}
	free(brk);
}

/* Every row of paragraphs first.. with the gaps between them, as the view
 * should give them; each paragraph also checked against the slow path. */
static rows expected_rows(const doc *d, size_t first, int width, int tabwidth)
{
	rows e = { 0 };
	int tw = wrap_tabwidth(width, tabwidth);
	for (size_t p = first; p < d->npara; p++) {
		size_t from = e.n;
		FUZZ_CHECK(wrap_range(d->text, d->para[p].start, d->para[p].end, p, width, tw, &e.r, &e.n, &e.cap) == 0,
		           "wrap_range failed");
		check_para_rows(d, p, e.r + from, e.n - from, width, tw);
		wrap_row *slow = NULL;
		size_t ns = 0, cs = 0;
		FUZZ_CHECK(wrap_range_slow(d->text, d->para[p].start, d->para[p].end, p, width, tw, &slow, &ns, &cs) == 0,
		           "wrap_range_slow failed");
		FUZZ_CHECK(ns == e.n - from, "paragraph %zu: %zu rows, slow path %zu", p, e.n - from, ns);
		for (size_t i = 0; i < ns; i++)
			FUZZ_CHECK(slow[i].start == e.r[from + i].start && slow[i].end == e.r[from + i].end &&
			           slow[i].cols == e.r[from + i].cols,
			           "paragraph %zu row %zu: [%zu,%zu) %d cols, slow path [%zu,%zu) %d", p, i,
			           e.r[from + i].start, e.r[from + i].end, e.r[from + i].cols, slow[i].start, slow[i].end,
			           slow[i].cols);
		free(slow);
		if (p + 1 < d->npara)
			push_gap(&e, p, d->para[p].end);
	}
	for (size_t i = 1; i < e.n; i++)
		FUZZ_CHECK(e.r[i - 1].start < e.r[i].start, "row starts %zu then %zu", e.r[i - 1].start, e.r[i].start);
	return e;
}

static bool same_row(const wrap_row *a, const wrap_row *b)
{
	return a->start == b->start && a->end == b->end && a->para == b->para && a->cols == b->cols && a->gap == b->gap;
}

/* Index of the row containing off: the last starting at or before it. */
static size_t row_of(const rows *e, size_t off)
{
	size_t lo = 0, hi = e->n;
	if (!e->n || e->r[0].start > off)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->r[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void check_view(const doc *d, wrap_view *v, const rows *e, uint64_t *rng)
{
	wrap_row out[16];
	if (e->n == 0) {
		FUZZ_CHECK(wrap_view_rows(v, 0, out, 16) == 0, "rows of an empty view");
		return;
	}
	FUZZ_CHECK(wrap_view_first(v) == e->r[0].start, "wrap_view_first %zu, not %zu", wrap_view_first(v), e->r[0].start);
	FUZZ_CHECK(wrap_view_last(v) == e->r[e->n - 1].start, "wrap_view_last %zu, not %zu", wrap_view_last(v),
	           e->r[e->n - 1].start);
	/* walk the whole view a screen at a time */
	size_t i = 0, top = e->r[0].start;
	while (i < e->n) {
		size_t got = wrap_view_rows(v, top, out, 16);
		size_t want = e->n - i < 16 ? e->n - i : 16;
		FUZZ_CHECK(got == want, "wrap_view_rows at %zu gave %zu rows, not %zu", top, got, want);
		for (size_t k = 0; k < got; k++)
			FUZZ_CHECK(same_row(&out[k], &e->r[i + k]), "view row %zu: [%zu,%zu) gap %d, wrap_range [%zu,%zu) gap %d",
			           i + k, out[k].start, out[k].end, out[k].gap, e->r[i + k].start, e->r[i + k].end, e->r[i + k].gap);
		i += got;
		size_t next = wrap_view_move(v, top, 16);
		FUZZ_CHECK(next == e->r[i < e->n ? i : e->n - 1].start, "move 16 from %zu gave %zu", top, next);
		top = next;
	}
	/* random offsets, random moves */
	for (int k = 0; k < 48; k++) {
		size_t off = (size_t)(fuzz_rand(rng) % (d->len + 2));
		long mv = (long)(fuzz_rand(rng) % 41) - 20;
		size_t at = row_of(e, off);
		size_t rs = wrap_view_row_start(v, off);
		FUZZ_CHECK(rs == e->r[at].start, "row_start(%zu) = %zu, not %zu", off, rs, e->r[at].start);
		long to = (long)at + mv;
		to = to < 0 ? 0 : to >= (long)e->n ? (long)e->n - 1 : to;
		size_t m = wrap_view_move(v, off, mv);
		FUZZ_CHECK(m == e->r[to].start, "move(%zu, %ld) = %zu, not %zu", off, mv, m, e->r[to].start);
		size_t want = e->n - at < 5 ? e->n - at : 5;
		size_t got = wrap_view_rows(v, off, out, 5);
		FUZZ_CHECK(got == want, "wrap_view_rows(%zu) gave %zu rows, not %zu", off, got, want);
		for (size_t j = 0; j < got; j++)
			FUZZ_CHECK(same_row(&out[j], &e->r[at + j]), "wrap_view_rows(%zu) row %zu differs", off, j);
	}
}

static int width_of(uint8_t b)
{
	/* mostly narrow widths, where wrapping has the most to do */
	return b < 128 ? 1 + b % 24 : 1 + b % 200;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 5)
		return 0;
	int width = width_of(data[0]);
	int tabwidth = 1 + data[1] % 16;
	size_t first = data[2] % 4;
	int width2 = width_of(data[3]);
	doc *d = NULL;
	if (doc_from_bytes("fuzz", (const char *)data + 4, size - 4, &d))
		return 0;
	if (first > d->npara)
		first = d->npara;
	uint64_t rng = doc_hash(data, size);

	rows e = expected_rows(d, first, width, tabwidth);
	wrap_view *v = wrap_view_new(d, first, width, tabwidth);
	FUZZ_CHECK(v != NULL, "wrap_view_new failed");
	FUZZ_CHECK(wrap_view_tabwidth(v) == wrap_tabwidth(width, tabwidth), "view tab width");
	check_view(d, v, &e, &rng);
	free(e.r);

	wrap_view_set_width(v, width2);
	FUZZ_CHECK(wrap_view_width(v) == width2, "set_width");
	e = expected_rows(d, first, width2, tabwidth);
	check_view(d, v, &e, &rng);
	free(e.r);

	wrap_view_free(v);
	doc_free(d);
	return 0;
}
