/* The cursor and the visual selection in the text: v starts it at the
 * marked quote (or the top of the screen), the motions move the cursor by
 * grapheme cluster (left/right), word (w/W) and row (up/down, pages), and
 * the selection runs from where it started to the cursor, inclusive. */
#include <stdint.h>
#include <string.h>
#include "app_features.h"

/* Length of the grapheme cluster at off (at least one byte). */
static size_t cluster_len(const app *a, size_t off)
{
	size_t len = 1;
	if (off < a->doc->len)
		wrap_cluster_width(a->doc->text + off, a->doc->len - off, 0, a->opts.tabwidth, &len);
	return len ? len : 1;
}

/* The row holding off. */
static wrap_row row_at(app *a, size_t off)
{
	wrap_row r = { 0 };
	size_t start = wrap_view_row_start(a->view, off);
	wrap_view_rows(a->view, start, &r, 1);
	return r;
}

/* The cluster start at column col of row r (its last cluster when shorter). */
static size_t offset_at_col(app *a, const wrap_row *r, int col)
{
	if (r->gap || r->start >= r->end)
		return r->start;
	int c = 0;
	size_t pos = r->start, last = r->start;
	while (pos < r->end) {
		size_t len;
		int w = wrap_cluster_width(a->doc->text + pos, r->end - pos, c, a->opts.tabwidth, &len);
		if (c + w > col)
			return pos;
		last = pos;
		c += w;
		pos += len ? len : 1;
	}
	return last;
}

static int col_of(app *a, const wrap_row *r, size_t off)
{
	int c = 0;
	for (size_t pos = r->start; pos < off && pos < r->end;) {
		size_t len;
		c += wrap_cluster_width(a->doc->text + pos, r->end - pos, c, a->opts.tabwidth, &len);
		pos += len ? len : 1;
	}
	return c;
}

static size_t prev_cluster(app *a, size_t off)
{
	wrap_row r = row_at(a, off);
	if (off <= r.start || r.gap) {
		/* to the last cluster of the row above */
		size_t up = wrap_view_move(a->view, r.start, -1);
		if (up == r.start)
			return off;
		wrap_row u = row_at(a, up);
		if (u.gap)
			u = row_at(a, wrap_view_move(a->view, up, -1));
		return offset_at_col(a, &u, 1 << 30);
	}
	size_t pos = r.start, last = r.start;
	while (pos < off) {
		last = pos;
		pos += cluster_len(a, pos);
	}
	return last;
}

static size_t next_cluster(app *a, size_t off)
{
	wrap_row r = row_at(a, off);
	size_t next = off + cluster_len(a, off);
	if (next < r.end && !r.gap)
		return next;
	size_t down = wrap_view_move(a->view, r.start, 1);
	if (down == r.start)
		return off;
	wrap_row d = row_at(a, down);
	if (d.gap)
		d = row_at(a, wrap_view_move(a->view, down, 1));
	return d.start;
}

static bool is_space_at(const app *a, size_t off)
{
	char c = a->doc->text[off];
	return c == ' ' || c == '\t' || c == '\n';
}

static size_t next_word(app *a, size_t off)
{
	size_t n = a->doc->len;
	while (off < n && !is_space_at(a, off))
		off++;
	while (off < n && is_space_at(a, off))
		off++;
	return off < n ? off : prev_cluster(a, n);
}

static size_t prev_word(app *a, size_t off)
{
	while (off > 0 && is_space_at(a, off - 1))
		off--;
	while (off > 0 && !is_space_at(a, off - 1))
		off--;
	return off;
}

static size_t vertical(app *a, size_t off, long rows)
{
	wrap_row r = row_at(a, off);
	int col = col_of(a, &r, off);
	size_t target = wrap_view_move(a->view, r.start, rows);
	wrap_row t = row_at(a, target);
	if (t.gap)   /* skip the blank row between paragraphs */
		t = row_at(a, wrap_view_move(a->view, target, rows < 0 ? -1 : 1));
	return offset_at_col(a, &t, col);
}

/* Scrolls so that the cursor is on screen. */
static void follow(app *a)
{
	size_t row = wrap_view_row_start(a->view, a->vcur);
	size_t bottom = wrap_view_move(a->view, a->text_top, app_text_rows(a) - 1);
	if (row < a->text_top)
		a->text_top = row;
	else if (row > bottom)
		a->text_top = wrap_view_move(a->view, row, -(long)(app_text_rows(a) - 1));
}

static unsigned visual_toggle(app *a, enum action act)
{
	(void)act;
	if (a->visual) {
		a->visual = false;
		a->msg[0] = '\0';
		return R_TEXT | R_STATUS;
	}
	if (!a->view || a->focus != PANE_TEXT) {
		app_message(a, false, "Select text in the text pane (Tab to it, then v)");
		return R_STATUS;
	}
	size_t start = wrap_view_rows(a->view, a->text_top, &(wrap_row){ 0 }, 1) ? a->text_top : 0;
	if (a->q_marked && a->quotes.n) {
		size_t q = a->quotes.v[a->q_sel].start;
		size_t bottom = wrap_view_move(a->view, a->text_top, app_text_rows(a) - 1);
		if (q >= a->text_top && wrap_view_row_start(a->view, q) <= bottom)
			start = q;
	}
	wrap_row r = row_at(a, start);
	if (r.gap)
		start = next_cluster(a, start);
	a->vcur = a->vanchor = start;
	a->visual = true;
	app_message(a, false, "-- VISUAL -- move to select; e exports, y copies, Esc ends");
	return R_TEXT | R_STATUS;
}

static unsigned visual_move(app *a, enum action act)
{
	if (a->focus != PANE_TEXT)
		return R_PASS;
	long page = app_text_rows(a);
	switch (act) {
	case ACT_MOVE_LEFT: a->vcur = prev_cluster(a, a->vcur); break;
	case ACT_MOVE_RIGHT: a->vcur = next_cluster(a, a->vcur); break;
	case ACT_WORD_NEXT: a->vcur = next_word(a, a->vcur); break;
	case ACT_WORD_PREV: a->vcur = prev_word(a, a->vcur); break;
	case ACT_MOVE_UP: a->vcur = vertical(a, a->vcur, -1); break;
	case ACT_MOVE_DOWN: a->vcur = vertical(a, a->vcur, 1); break;
	case ACT_PAGE_UP: a->vcur = vertical(a, a->vcur, -page); break;
	case ACT_PAGE_DOWN: a->vcur = vertical(a, a->vcur, page); break;
	case ACT_HALF_PAGE_UP: a->vcur = vertical(a, a->vcur, -page / 2); break;
	case ACT_HALF_PAGE_DOWN: a->vcur = vertical(a, a->vcur, page / 2); break;
	case ACT_MOVE_FIRST: a->vcur = wrap_view_first(a->view); break;
	case ACT_MOVE_LAST: {
		wrap_row r = row_at(a, wrap_view_last(a->view));
		a->vcur = offset_at_col(a, &r, 1 << 30);
		break;
	}
	default:
		return R_PASS;
	}
	follow(a);
	return R_TEXT | R_STATUS;
}

void app_visual_bounds(const app *a, size_t *start, size_t *end)
{
	size_t lo = a->vanchor < a->vcur ? a->vanchor : a->vcur;
	size_t hi = a->vanchor < a->vcur ? a->vcur : a->vanchor;
	*start = lo;
	*end = hi + cluster_len(a, hi);
	if (*end > a->doc->len)
		*end = a->doc->len;
}

static bool visual_up(const app *a)
{
	return a->visual;
}

/* q ends the selection as Esc does, rather than quit. */
static unsigned visual_quit(app *a, enum action act)
{
	(void)act;
	return app_do(a, ACT_CANCEL);
}

static unsigned visual_cancel(app *a)
{
	if (!a->visual)
		return R_NONE;
	a->visual = false;
	return R_TEXT;
}

static void visual_drop(app *a)
{
	a->visual = false;
}

/* e and y take the selection as it reads; e adds the title and file. */
static size_t visual_source(app *a, strbuf *b, enum export_format f, bool *any)
{
	size_t s, e;
	app_visual_bounds(a, &s, &e);
	if (a->pending_to_clipboard)
		export_selection(b, a->doc, s, e);
	else
		export_selection_as(b, f, a->doc, s, e);
	*any = b->len > 0;
	return 0;
}

const app_feature app_visual_feature = {
	.name = "visual",
	.on_action = { [ACT_VISUAL] = visual_toggle },
	.layer = {
		.active = visual_up,
		.on_action = {
			[ACT_MOVE_LEFT] = visual_move, [ACT_MOVE_RIGHT] = visual_move,
			[ACT_WORD_NEXT] = visual_move, [ACT_WORD_PREV] = visual_move,
			[ACT_MOVE_UP] = visual_move, [ACT_MOVE_DOWN] = visual_move,
			[ACT_PAGE_UP] = visual_move, [ACT_PAGE_DOWN] = visual_move,
			[ACT_HALF_PAGE_UP] = visual_move, [ACT_HALF_PAGE_DOWN] = visual_move,
			[ACT_MOVE_FIRST] = visual_move, [ACT_MOVE_LAST] = visual_move,
			[ACT_QUIT] = visual_quit,
		},
	},
	.cancel = visual_cancel,
	.doc_dropped = visual_drop,
	.export_source = visual_source,
	.exported = visual_drop,
};
