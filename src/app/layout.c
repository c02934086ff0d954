#include <string.h>
#include "layout.h"

static rect mk(int y, int x, int h, int w)
{
	rect r = { y, x, h, w };
	return r;
}

static int pct(int total, int p, int min)
{
	int w = total * p / 100;
	return w < min ? min : w;
}

void layout_compute(layout *l, int cols, int rows, const layout_opts *o, int focus)
{
	memset(l, 0, sizeof *l);
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	int h = rows - 1;
	l->status = mk(rows - 1, 0, 1, cols);
	if (o->keybar && rows >= LAYOUT_KEYBAR_ROWS) {
		h--;
		l->keybar = mk(rows - 2, 0, 1, cols);
	}
	if (cols >= o->wide_cols) {
		int lw = o->list_hidden ? 0 : pct(cols, o->list_pct, 16);
		int qw = pct(cols, o->quotes_pct, 20);
		/* one column of each gap is a separator drawn by the text pane's left edge */
		l->pane[PANE_LIST] = mk(0, 0, lw ? h : 0, lw);
		l->pane[PANE_QUOTES] = mk(0, cols - qw, h, qw);
		l->pane[PANE_TEXT] = mk(0, lw, h, cols - lw - qw);
		return;
	}
	l->narrow = true;
	int mode = o->list_hidden ? LAYOUT_NARROW_HIDE : o->narrow_mode;
	if (mode == LAYOUT_NARROW_HIDE && focus == PANE_LIST) {
		l->pane[PANE_LIST] = mk(0, 0, h, cols);
		return;
	}
	int top = 0, left = 0;
	if (mode == LAYOUT_NARROW_STACK && h >= LAYOUT_STACK_ROWS + 6) {
		top = LAYOUT_STACK_ROWS;
		l->pane[PANE_LIST] = mk(0, 0, top, cols);
	} else if (mode == LAYOUT_NARROW_STRIP && cols >= 60) {
		left = LAYOUT_STRIP_COLS;
		l->pane[PANE_LIST] = mk(0, 0, h, left);
	}
	int w = cols - left;
	h -= top;
	if (w >= 60 - left) {
		int qw = pct(w, o->narrow_quotes_pct, 20);
		l->pane[PANE_TEXT] = mk(top, left, h, w - qw);
		l->pane[PANE_QUOTES] = mk(top, cols - qw, h, qw);
		return;
	}
	l->stacked = true;
	int th = h * 3 / 5;
	l->pane[PANE_TEXT] = mk(top, left, th, w);
	l->pane[PANE_QUOTES] = mk(top + th, left, h - th, w);
}

int layout_pane_at(const layout *l, int y, int x)
{
	for (int p = 0; p < PANE__COUNT; p++) {
		const rect *r = &l->pane[p];
		if (r->h && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}
