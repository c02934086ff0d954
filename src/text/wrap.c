/* The wrap layer: paragraphs -> display rows (see wrap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include "error.h"
#include "grow.h"
#include "wrap.h"
#include "wrap_fast.h"

/* ---- widths ---------------------------------------------------------------- */

/* Where glibc's wcwidth (what ncursesw draws with) and libunistring's
 * uc_width disagree on assigned code points (both Unicode 14.0), measured
 * over every code point; tests/unit/test_wrap.c checks the whole range
 * against wcwidth when a UTF-8 locale is available. */
static const struct { uint32_t lo, hi; int w; } wcwidth_fix[] = {
	{ 0x00AD, 0x00AD, 1 }, { 0x0600, 0x0605, 1 }, { 0x06DD, 0x06DD, 1 },
	{ 0x070F, 0x070F, 1 }, { 0x0890, 0x0891, 1 }, { 0x08E2, 0x08E2, 1 },
	{ 0x0CBF, 0x0CBF, 0 }, { 0x0CC6, 0x0CC6, 0 }, { 0x2028, 0x2029, 1 },
	{ 0x3248, 0x324F, 2 }, { 0x4DC0, 0x4DFF, 2 }, { 0x110BD, 0x110BD, 1 },
	{ 0x110CD, 0x110CD, 1 }, { 0x11A07, 0x11A08, 0 }, { 0x11C3F, 0x11C3F, 0 },
};

int wrap_char_width(uint32_t c)
{
	if (c < 0x300)
		return c == '\n' ? 0 : 1;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
	    (c >= 0xAC00 && c <= 0xD7A3))
		return 2;   /* the common wide ranges, without a table walk */
	for (size_t i = 0; i < sizeof wcwidth_fix / sizeof *wcwidth_fix && c >= wcwidth_fix[i].lo; i++)
		if (c <= wcwidth_fix[i].hi)
			return wcwidth_fix[i].w;
	int w = uc_width(c, "UTF-8");
	if (w < 0)
		return 1;   /* wcwidth -1: ncurses gives it one cell */
	if (w == 2 && uc_is_general_category(c, UC_CATEGORY_Cn))
		return 1;   /* unassigned in a wide block: wcwidth -1, one cell */
	return w;
}

static int tab_cols(int col, int tabwidth)
{
	return tabwidth - col % tabwidth;
}

/* Columns of the cluster s[0..n) at column col: a TAB alone, else the sum
 * of its code points (zero-width ones join the cell before, as in ncurses). */
static int cluster_cols(const char *s, size_t n, int col, int tabwidth)
{
	if (s[0] == '\t')
		return tab_cols(col, tabwidth);
	int w = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			w += b != '\n';
			i++;
		} else {
			ucs4_t c;
			int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
			w += wrap_char_width(c);
			i += k > 0 ? (size_t)k : 1;
		}
	}
	return w;
}

static bool is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* Length of the grapheme cluster at s[0..n), n > 0. A '\n' (a hyphen
 * join) is a cluster of its own here, so a caller that draws cluster by
 * cluster can skip it. */
static size_t cluster_len(const char *s, size_t n)
{
	unsigned char b0 = (unsigned char)s[0];
	if (b0 == '\n' || b0 == '\t' || n == 1)
		return 1;
	if (b0 < 0x80 && (unsigned char)s[1] < 0x80)
		return 1;
	char stackbuf[64];
	size_t win = n < sizeof stackbuf ? n : sizeof stackbuf;
	for (;;) {
		while (win < n && is_cont((unsigned char)s[win]))
			win++;
		char *brk = win <= sizeof stackbuf ? stackbuf : malloc(win);
		if (!brk)
			return n;
		u8_grapheme_breaks((const uint8_t *)s, win, brk);
		size_t i = 1;
		while (i < win && !brk[i] && s[i] != '\n')
			i++;
		if (brk != stackbuf)
			free(brk);
		if (i < win || win == n)
			return i;
		win = win * 2 < n ? win * 2 : n;
	}
}

int wrap_cluster_width(const char *s, size_t n, int col, int tabwidth, size_t *len)
{
	if (n == 0) {
		*len = 0;
		return 0;
	}
	if (tabwidth < 1)
		tabwidth = 1;
	*len = cluster_len(s, n);
	return cluster_cols(s, *len, col, tabwidth);
}

int wrap_str_width(const char *s, size_t n, int tabwidth)
{
	int col = 0;
	for (size_t i = 0, len; i < n; i += len)
		col += wrap_cluster_width(s + i, n - i, col, tabwidth, &len);
	return col;
}

size_t wrap_offset_at_col(const char *s, size_t n, int col, int tabwidth)
{
	int c = 0;
	for (size_t i = 0, len; i < n; i += len) {
		int w = wrap_cluster_width(s + i, n - i, c, tabwidth, &len);
		if (s[i] != '\n' && col < c + (w ? w : 1) && (w || col == c))
			return i;
		c += w;
	}
	return n;
}

int wrap_tabwidth(int width, int tabwidth)
{
	if (tabwidth < 1)
		tabwidth = 1;
	return width >= 1 && width < tabwidth ? width : tabwidth;
}

/* ---- segments ---------------------------------------------------------------- */

static ucs4_t decode_at(const char *s, size_t i, size_t end)
{
	ucs4_t c;
	u8_mbtouc(&c, (const uint8_t *)s + i, end - i);
	return c;
}

static ucs4_t decode_before(const char *s, size_t i, size_t start)
{
	size_t j = i - 1;
	while (j > start && i - j < 4 && is_cont((unsigned char)s[j]))
		j--;
	return decode_at(s, j, i);
}

/* After a run of spaces, before a character that starts a cluster. */
static bool space_cut(const char *t, size_t c, size_t end)
{
	if (t[c - 1] != ' ' || t[c] == ' ' || t[c] == '\n')
		return false;
	if ((unsigned char)t[c] < 0x80)
		return true;
	int p = uc_graphemeclusterbreak_property(decode_at(t, c, end));
	return p != GBP_EXTEND && p != GBP_ZWJ && p != GBP_SPACINGMARK;
}

/* Before a character no grapheme rule joins to what precedes it: one of
 * property Other (GB999) not after a Prepend (GB9b), and not a pictograph
 * after a ZWJ (GB11). */
static bool cluster_cut(const char *t, size_t c, size_t start, size_t end)
{
	if (is_cont((unsigned char)t[c]) || t[c] == '\n' || t[c - 1] == '\n')
		return false;
	ucs4_t y = decode_at(t, c, end);
	if (uc_graphemeclusterbreak_property(y) != GBP_OTHER)
		return false;
	int x = uc_graphemeclusterbreak_property(decode_before(t, c, start));
	if (x == GBP_ZWJ && uc_is_property(y, UC_PROPERTY_EXTENDED_PICTOGRAPHIC))
		return false;
	return x != GBP_PREPEND;
}

/* The segment boundary in window k of paragraph [ps,pe), or 0 for none:
 * the first cut after a run of spaces in (ps+kS, ps+(k+1)S], else the
 * first cluster cut there. Windows are disjoint, so boundaries increase
 * with k, and each is found without looking outside its window. */
static size_t window_cut(const char *t, size_t ps, size_t pe, size_t k)
{
	if (k == 0 || k > (pe - ps) / WRAP_SEGMENT)
		return 0;
	size_t lo = ps + k * WRAP_SEGMENT, hi = lo + WRAP_SEGMENT;
	if (hi > pe - 1)
		hi = pe - 1;
	for (size_t c = lo + 1; c <= hi;) {
		const char *sp = memchr(t + c - 1, ' ', hi - (c - 1));
		if (!sp)
			break;
		c = (size_t)(sp - t) + 1;
		while (c <= hi && t[c] == ' ')
			c++;
		if (c > hi)
			break;
		if (space_cut(t, c, pe))
			return c;
		c++;
	}
	for (size_t c = lo + 1; c <= hi; c++)
		if (cluster_cut(t, c, ps, pe))
			return c;
	return 0;
}

/* The segment [*a,*b) of paragraph [ps,pe) that contains off. */
void wrap_segment_at(const char *t, size_t ps, size_t pe, size_t off, size_t *a, size_t *b)
{
	if (off < ps)
		off = ps;
	if (off >= pe)
		off = pe > ps ? pe - 1 : ps;
	size_t k0 = (off - ps) / WRAP_SEGMENT;
	*a = ps;
	for (size_t k = k0; k > 0; k--) {
		size_t c = window_cut(t, ps, pe, k);
		if (c && c <= off) {
			*a = c;
			break;
		}
	}
	*b = pe;
	for (size_t k = k0 ? k0 : 1; ps + k * WRAP_SEGMENT < pe; k++) {
		size_t c = window_cut(t, ps, pe, k);
		if (c > off) {
			*b = c;
			break;
		}
	}
}

/* ---- rows ---------------------------------------------------------------------- */

typedef struct rowvec {
	wrap_row **rows;
	size_t *n, *cap;
} rowvec;

static int push_row(rowvec *v, size_t start, size_t end, size_t para, int cols)
{
	if (GROW(*v->rows, *v->cap, *v->n + 1, 64))
		return Q_ENOMEM;
	(*v->rows)[(*v->n)++] = (wrap_row){ .start = start, .end = end, .para = para, .cols = cols, .gap = false };
	return 0;
}

typedef struct scratch {
	char *lb, *gb, *strip, *lbs, *gbs;
	size_t *map;
	size_t cap;
} scratch;

static void scratch_free(scratch *sc)
{
	free(sc->lb);
	free(sc->gb);
	free(sc->strip);
	free(sc->lbs);
	free(sc->gbs);
	free(sc->map);
	memset(sc, 0, sizeof *sc);
}

static int scratch_reserve(scratch *sc, size_t n)
{
	if (n <= sc->cap)
		return 0;
	scratch_free(sc);
	sc->lb = malloc(n);
	sc->gb = malloc(n);
	sc->strip = malloc(n);
	sc->lbs = malloc(n);
	sc->gbs = malloc(n);
	sc->map = malloc(n * sizeof *sc->map);
	if (!sc->lb || !sc->gb || !sc->strip || !sc->lbs || !sc->gbs || !sc->map) {
		scratch_free(sc);
		return Q_ENOMEM;
	}
	sc->cap = n;
	return 0;
}

/* Break opportunities (lb) and cluster starts (gb) of s[0..n), with every
 * '\n' treated as absent: it joins the cluster before it and offers no
 * break of its own. The strip, lbs, gbs and map buffers of sc are scratch. */
static void analyse(const char *s, size_t n, char *lb, char *gb, scratch *sc)
{
	if (!memchr(s, '\n', n)) {
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", lb);
		u8_grapheme_breaks((const uint8_t *)s, n, gb);
		return;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\n') {
			sc->strip[m] = s[i];
			sc->map[m++] = i;
		}
	memset(lb, UC_BREAK_PROHIBITED, n);
	memset(gb, 0, n);
	if (m) {
		u8_possible_linebreaks((const uint8_t *)sc->strip, m, "UTF-8", sc->lbs);
		u8_grapheme_breaks((const uint8_t *)sc->strip, m, sc->gbs);
		for (size_t k = 0; k < m; k++) {
			lb[sc->map[k]] = sc->lbs[k];
			gb[sc->map[k]] = sc->gbs[k];
		}
	}
	gb[0] = 1;
}

/* A fast-set class after which libunistring's state is that class alone,
 * whatever came before (not a space or join, and not HY or BA, which
 * LB21a makes depend on the character before them). */
static bool resets(int c)
{
	return c < FC_COUNT && c != FC_HY && c != FC_BA;
}

/* Where an island of characters outside the fast set that starts at i may
 * begin: the last character in [from,i) of a resetting class whose
 * predecessor is a fast-set character other than a join (the island then
 * starts as the whole text would have it), or 0; SIZE_MAX for none. */
static size_t island_start(const char *s, size_t from, size_t i)
{
	size_t p = i;
	while (p > from) {
		p--;
		unsigned char b = (unsigned char)s[p];
		if (is_cont(b))
			continue;
		size_t len;
		if (resets(wrap_fast_class(s + p, i - p, &len)) && (p == 0 || s[p - 1] != '\n'))
			return p;
	}
	return from == 0 ? 0 : SIZE_MAX;
}

/* Where the island that has a character outside the fast set at i ends:
 * after a fast character of a resetting class that a fast character other
 * than a join follows (so the fast path resumes in a known state), or n. */
static size_t island_end(const char *s, size_t n, size_t i, int *last)
{
	size_t len;
	int prev = FC_SLOW;
	for (size_t p = i; p < n; p += len) {
		int c = wrap_fast_class_inline(s + p, n - p, &len);
		if (resets(prev) && c != FC_SLOW && c != FC_JOIN) {
			*last = prev;
			return p;
		}
		prev = c;
	}
	return n;
}

/* Breaks and cluster starts of a segment of mostly fast-set text: the pair
 * table over the fast runs, libunistring over each island of other
 * characters with the fast characters around it that make its context
 * whole. Same result as analyse(), at a fraction of the cost. */
static void analyse_mixed(const char *s, size_t n, scratch *sc)
{
	char *lb = sc->lb, *gb = sc->gb;
	int last = -1;                 /* class of the last non-space, -1 at the start */
	bool spaces = false;
	size_t region = 0;             /* where the current fast run began */
	size_t island = SIZE_MAX;      /* where the last island began */
	memset(lb, UC_BREAK_PROHIBITED, n);
	memset(gb, 0, n);
	gb[0] = 1;
	for (size_t i = 0, len; i < n; i += len) {
		int c = wrap_fast_class_inline(s + i, n - i, &len);
		if (c == FC_SLOW) {
			size_t w0 = island_start(s, region, i);
			if (w0 == SIZE_MAX)
				w0 = island;   /* no start in this run: join the last island */
			size_t w1 = island_end(s, n, i, &last);
			char keep = lb[w0];
			analyse(s + w0, w1 - w0, lb + w0, gb + w0, sc);
			if (w0 > 0)
				lb[w0] = keep;
			gb[w0] = 1;
			spaces = false;
			region = w1;
			island = w0;
			len = w1 - i;
			continue;
		}
		if (c == FC_SP) {
			gb[i] = 1;
			spaces = true;
		} else if (c != FC_JOIN) {
			gb[i] = 1;
			if (last >= 0 && wrap_fast_pair_inline(last, c, spaces))
				lb[i] = UC_BREAK_POSSIBLE;
			last = c;
			spaces = false;
		}
	}
}

typedef struct fitter {
	const char *s;       /* the segment */
	size_t n, base, para;
	int width, tabw;
	rowvec out;
} fitter;

/* A cluster of spaces (and joins): it hangs at a break and is left out. */
static bool is_blank(const char *s, size_t i, size_t j, int *spaces)
{
	int k = 0;
	for (; i < j; i++) {
		if (s[i] != ' ' && s[i] != '\n')
			return false;
		k += s[i] == ' ';
	}
	*spaces = k;
	return true;
}

/* The end of a row: without the spaces and joins it ends with (but a
 * space that a Prepend character took into its cluster stays; gb, the
 * cluster starts, is NULL when every character is a cluster). */
static size_t trim_blank(const char *s, const char *gb, size_t row, size_t end)
{
	while (end > row && (s[end - 1] == '\n' || (s[end - 1] == ' ' && (!gb || gb[end - 1]))))
		end--;
	return end;
}

/* Greedy fit of s[0..n) given its break opportunities and cluster starts:
 * each row takes as many clusters as fit and ends at the last opportunity;
 * spaces before a break hang (never count); with no opportunity on the row
 * it ends before the cluster that does not fit. */
static int fit_rows(fitter *f, const char *lb, const char *gb)
{
	const char *s = f->s;
	size_t n = f->n, row = 0, vis = 0, cand = 0, cand_vis = 0;
	int col = 0, vis_col = 0, cand_col = 0, sp;
	bool has_cand = false;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !gb[j])
			j++;
		if (i > row && (lb[i] == UC_BREAK_POSSIBLE || lb[i] == UC_BREAK_MANDATORY)) {
			cand = i;
			cand_vis = vis;
			cand_col = vis_col;
			has_cand = true;
		}
		unsigned char b0 = (unsigned char)s[i];
		int w;
		if (j == i + 1 && b0 > ' ' && b0 < 0x7F) {
			w = 1;   /* the common cases, without a call */
		} else if (j == i + 3 && b0 >= 0xE3 && b0 <= 0xE9) {
			w = wrap_char_width(((b0 & 0x0Fu) << 12) | (((unsigned char)s[i + 1] & 0x3Fu) << 6) |
			                    ((unsigned char)s[i + 2] & 0x3Fu));
		} else if (is_blank(s, i, j, &sp)) {
			col += sp;
			i = j;
			continue;
		} else {
			w = cluster_cols(s + i, j - i, col, f->tabw);
		}
		if (col + w > f->width && (col > 0 || vis > row)) {
			if (has_cand) {
				if (push_row(&f->out, f->base + row, f->base + trim_blank(s, gb, row, cand_vis), f->para, cand_col))
					return Q_ENOMEM;
				row = cand;
				has_cand = false;
				/* measure again what moves to the new row */
				col = vis_col = 0;
				vis = row;
				for (size_t ca = row, cb; ca < i; ca = cb) {
					for (cb = ca + 1; cb < i && !gb[cb]; cb++)
						;
					if (is_blank(s, ca, cb, &sp)) {
						col += sp;
					} else {
						col += cluster_cols(s + ca, cb - ca, col, f->tabw);
						vis = cb;
						vis_col = col;
					}
				}
			} else {
				if (push_row(&f->out, f->base + row, f->base + trim_blank(s, gb, row, vis), f->para, vis_col))
					return Q_ENOMEM;
				row = vis = i;
				col = vis_col = 0;
			}
			continue;
		}
		col += w;
		vis = j;
		vis_col = col;
		i = j;
	}
	return push_row(&f->out, f->base + row, f->base + trim_blank(s, gb, row, vis), f->para, vis_col);
}

static int wrap_segment_slow(fitter *f, scratch *sc)
{
	int rc = scratch_reserve(sc, f->n);
	if (rc)
		return rc;
	analyse(f->s, f->n, sc->lb, sc->gb, sc);
	return fit_rows(f, sc->lb, sc->gb);
}

/* Columns of s[a,b), which has no TAB: the sum over its code points. */
static int span_cols(const char *s, size_t a, size_t b)
{
	int w = 0;
	for (size_t i = a; i < b;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			w += c != '\n' && c != ' ' ? 1 : c == ' ';
			i++;
		} else {
			ucs4_t u;
			int k = u8_mbtouc(&u, (const uint8_t *)s + i, b - i);
			w += wrap_char_width(u);
			i += k > 0 ? (size_t)k : 1;
		}
	}
	return w;
}

/* fit_rows for a segment without TAB, where widths do not depend on the
 * column: walk to the first cluster that does not fit (runs of printable
 * ASCII at once), then look back in lb for the last opportunity. Same rows
 * as fit_rows (restarting the walk at the new row start is what fit_rows'
 * measuring again amounts to). */
static int fit_jump(fitter *f, const char *lb, const char *gb)
{
	const char *s = f->s;
	size_t n = f->n, row = 0, width = (size_t)f->width;
	int sp;
	for (;;) {
		size_t i = row, col = 0;
		while (i < n) {
			size_t k = col < width ? wrap_fast_ascii_prefix(s + i, n - i < 64 ? n - i : 64) : 0;
			if (k >= 2) {
				/* whole clusters (the last may take marks after it): all fit */
				size_t m = k - 1 < width - col ? k - 1 : width - col;
				i += m;
				col += m;
				continue;
			}
			size_t j = i + 1;
			while (j < n && !gb[j])
				j++;
			if (is_blank(s, i, j, &sp)) {
				col += (size_t)sp;
				i = j;
				continue;
			}
			size_t w = (size_t)span_cols(s, i, j);
			if (col + w > width && (col > 0 || trim_blank(s, gb, row, i) > row))
				break;
			col += w;
			i = j;
		}
		if (i >= n) {
			size_t end = trim_blank(s, gb, row, n);
			return push_row(&f->out, f->base + row, f->base + end, f->para, (int)col - span_cols(s, end, n));
		}
		size_t q = i;
		while (q > row && !(gb[q] && (lb[q] == UC_BREAK_POSSIBLE || lb[q] == UC_BREAK_MANDATORY)))
			q--;
		size_t next = q > row ? q : i;
		size_t end = trim_blank(s, gb, row, next);
		if (push_row(&f->out, f->base + row, f->base + end, f->para, (int)col - span_cols(s, end, i)))
			return Q_ENOMEM;
		row = next;
	}
}

static int wrap_segment_mixed(fitter *f, scratch *sc)
{
	int rc = scratch_reserve(sc, f->n);
	if (rc)
		return rc;
	analyse_mixed(f->s, f->n, sc);
	if (memchr(f->s, '\t', f->n))
		return fit_rows(f, sc->lb, sc->gb);
	return fit_jump(f, sc->lb, sc->gb);
}

static int emit_row(void *ctx, size_t start, size_t end, int cols)
{
	fitter *f = ctx;
	return push_row(&f->out, f->base + start, f->base + end, f->para, cols);
}

static int wrap_segment(const char *text, size_t a, size_t b, size_t para, int width, int tabwidth,
                        rowvec out, scratch *sc, bool allow_fast)
{
	fitter f = { .s = text + a, .n = b - a, .base = a, .para = para,
	             .width = width, .tabw = wrap_tabwidth(width, tabwidth), .out = out };
	if (f.n == 0)
		return push_row(&f.out, a, a, para, 0);
	if (allow_fast) {
		size_t n0 = *out.n;
		int rc = wrap_fast_rows(f.s, f.n, width, emit_row, &f);
		if (rc != WRAP_FAST_NO)
			return rc;
		*out.n = n0;
		return wrap_segment_mixed(&f, sc);
	}
	return wrap_segment_slow(&f, sc);
}

static int wrap_range_mode(const char *text, size_t start, size_t end, size_t para, int width, int tabwidth,
                           wrap_row **rows, size_t *nrows, size_t *cap, bool allow_fast)
{
	if (width < 1)
		width = 1;
	rowvec out = { rows, nrows, cap };
	scratch sc = { 0 };
	int rc = 0;
	if (start >= end)
		rc = push_row(&out, start, start, para, 0);
	for (size_t a = start, b; a < end && rc == 0; a = b) {
		size_t dummy;
		wrap_segment_at(text, start, end, a, &dummy, &b);
		rc = wrap_segment(text, a, b, para, width, tabwidth, out, &sc, allow_fast);
	}
	scratch_free(&sc);
	return rc;
}

int wrap_range(const char *text, size_t start, size_t end, size_t para, int width, int tabwidth,
               wrap_row **rows, size_t *nrows, size_t *cap)
{
	return wrap_range_mode(text, start, end, para, width, tabwidth, rows, nrows, cap, true);
}

int wrap_range_slow(const char *text, size_t start, size_t end, size_t para, int width, int tabwidth,
                    wrap_row **rows, size_t *nrows, size_t *cap)
{
	return wrap_range_mode(text, start, end, para, width, tabwidth, rows, nrows, cap, false);
}

/* ---- the view ------------------------------------------------------------------ */

#define CACHE_SLOTS 128

typedef struct seg_entry {
	size_t para, start, end;
	wrap_row *rows;
	size_t nrows, cap;
	unsigned long used;     /* clock of the last use; 0 = empty */
} seg_entry;

struct wrap_view {
	const doc *d;
	size_t first;
	int width, tabwidth;
	unsigned long clock;
	size_t wrapped;         /* bytes wrapped so far */
	seg_entry cache[CACHE_SLOTS];
	scratch sc;
};

/* A row of the view: paragraph, segment, index in it, or the gap after the paragraph. */
typedef struct vpos {
	size_t para, seg_start, seg_end, idx;
	bool gap;
} vpos;

wrap_view *wrap_view_new(const doc *d, size_t first, int width, int tabwidth)
{
	wrap_view *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->d = d;
	v->first = first;
	v->width = width < 1 ? 1 : width;
	v->tabwidth = tabwidth < 1 ? 1 : tabwidth;
	return v;
}

void wrap_view_free(wrap_view *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		free(v->cache[i].rows);
	scratch_free(&v->sc);
	free(v);
}

void wrap_view_set_width(wrap_view *v, int width)
{
	if (width < 1)
		width = 1;
	if (width == v->width)
		return;
	v->width = width;
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		v->cache[i].used = 0;
}

int wrap_view_width(const wrap_view *v)
{
	return v->width;
}

size_t wrap_view_bytes_wrapped(const wrap_view *v)
{
	return v->wrapped;
}

int wrap_view_tabwidth(const wrap_view *v)
{
	return wrap_tabwidth(v->width, v->tabwidth);
}

/* The rows of a segment, wrapped on first use; valid until the next call. */
static const seg_entry *get_segment(wrap_view *v, size_t para, size_t a, size_t b)
{
	seg_entry *victim = &v->cache[0];
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		seg_entry *e = &v->cache[i];
		if (e->used && e->para == para && e->start == a) {
			e->used = ++v->clock;
			return e;
		}
		if (e->used < victim->used)
			victim = e;
	}
	victim->used = 0;
	victim->nrows = 0;
	rowvec out = { &victim->rows, &victim->nrows, &victim->cap };
	if (wrap_segment(v->d->text, a, b, para, v->width, v->tabwidth, out, &v->sc, true))
		return NULL;
	v->wrapped += b - a;
	victim->para = para;
	victim->start = a;
	victim->end = b;
	victim->used = ++v->clock;
	return victim;
}

static bool view_empty(const wrap_view *v)
{
	return v->first >= v->d->npara;
}

/* Sets p's segment to the one of its paragraph that contains off. */
static void pos_segment(wrap_view *v, vpos *p, size_t off)
{
	const doc_span *sp = &v->d->para[p->para];
	wrap_segment_at(v->d->text, sp->start, sp->end, off, &p->seg_start, &p->seg_end);
}

/* The last row of the segment with start <= off (idx), of segment p. */
static bool pos_row_in_segment(wrap_view *v, vpos *p, size_t off, bool last)
{
	const seg_entry *e = get_segment(v, p->para, p->seg_start, p->seg_end);
	if (!e)
		return false;
	if (last) {
		p->idx = e->nrows - 1;
		return true;
	}
	size_t lo = 0, hi = e->nrows;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->rows[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	p->idx = lo;
	return true;
}

static bool pos_para_last(wrap_view *v, vpos *p, size_t para)
{
	const doc_span *sp = &v->d->para[para];
	p->para = para;
	p->gap = false;
	pos_segment(v, p, sp->end);
	return pos_row_in_segment(v, p, 0, true);
}

static bool pos_para_first(wrap_view *v, vpos *p, size_t para)
{
	const doc_span *sp = &v->d->para[para];
	p->para = para;
	p->gap = false;
	pos_segment(v, p, sp->start);
	p->idx = 0;
	return true;
}

/* The row containing off. */
static bool locate(wrap_view *v, size_t off, vpos *p)
{
	const doc *d = v->d;
	size_t para = doc_para_at(d, off);
	if (para < v->first || off < d->para[para].start)
		return pos_para_first(v, p, para < v->first ? v->first : para);
	if (off >= d->para[para].end) {
		if (para + 1 < d->npara) {
			p->para = para;
			p->gap = true;
			return true;
		}
		return pos_para_last(v, p, para);
	}
	p->para = para;
	p->gap = false;
	pos_segment(v, p, off);
	return pos_row_in_segment(v, p, off, false);
}

static bool pos_next(wrap_view *v, vpos *p)
{
	const doc *d = v->d;
	if (p->gap)
		return pos_para_first(v, p, p->para + 1);
	const seg_entry *e = get_segment(v, p->para, p->seg_start, p->seg_end);
	if (!e)
		return false;
	if (p->idx + 1 < e->nrows) {
		p->idx++;
		return true;
	}
	if (p->seg_end < d->para[p->para].end) {
		pos_segment(v, p, p->seg_end);
		p->idx = 0;
		return true;
	}
	if (p->para + 1 < d->npara) {
		p->gap = true;
		return true;
	}
	return false;
}

static bool pos_prev(wrap_view *v, vpos *p)
{
	const doc *d = v->d;
	if (p->gap)
		return pos_para_last(v, p, p->para);
	if (p->idx > 0) {
		p->idx--;
		return true;
	}
	if (p->seg_start > d->para[p->para].start) {
		pos_segment(v, p, p->seg_start - 1);
		return pos_row_in_segment(v, p, 0, true);
	}
	if (p->para > v->first) {
		p->para--;
		p->gap = true;
		return true;
	}
	return false;
}

static bool pos_row(wrap_view *v, const vpos *p, wrap_row *out)
{
	if (p->gap) {
		size_t e = v->d->para[p->para].end;
		*out = (wrap_row){ .start = e, .end = e, .para = p->para, .cols = 0, .gap = true };
		return true;
	}
	const seg_entry *e = get_segment(v, p->para, p->seg_start, p->seg_end);
	if (!e)
		return false;
	*out = e->rows[p->idx];
	return true;
}

size_t wrap_view_rows(wrap_view *v, size_t top, wrap_row *out, size_t n)
{
	vpos p;
	if (view_empty(v) || n == 0 || !locate(v, top, &p))
		return 0;
	size_t k = 0;
	while (k < n && pos_row(v, &p, &out[k])) {
		k++;
		if (!pos_next(v, &p))
			break;
	}
	return k;
}

size_t wrap_view_move(wrap_view *v, size_t off, long k)
{
	vpos p;
	wrap_row r;
	if (view_empty(v) || !locate(v, off, &p))
		return off;
	for (; k > 0 && pos_next(v, &p); k--)
		;
	for (; k < 0 && pos_prev(v, &p); k++)
		;
	return pos_row(v, &p, &r) ? r.start : off;
}

size_t wrap_view_row_start(wrap_view *v, size_t off)
{
	return wrap_view_move(v, off, 0);
}

size_t wrap_view_first(wrap_view *v)
{
	return view_empty(v) ? 0 : v->d->para[v->first].start;
}

size_t wrap_view_last(wrap_view *v)
{
	vpos p;
	wrap_row r;
	if (view_empty(v) || !pos_para_last(v, &p, v->d->npara - 1) || !pos_row(v, &p, &r))
		return wrap_view_first(v);
	return r.start;
}
