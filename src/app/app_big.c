/* Big files through a window: an article over DOC_BIG is never read
 * whole; the doc is a window of it that follows the reading position. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_big.h"
#include "error.h"
#include "app_features.h"

#define LEAD APP_BIG_LEAD

static void big_close(app *a)
{
	bigdoc_close(a->big);
	a->big = NULL;
	a->win_s = a->win_e = 0;
}

int app_big_slide(app *a, size_t raw, size_t before)
{
	doc *d = NULL;
	size_t s, e;
	int rc = bigdoc_window(a->big, raw, before, &d, &s, &e);
	if (rc) {
		app_message(a, true, "%s", error_message(rc));
		return rc;
	}
	uint64_t qid = a->q_marked && a->q_sel < a->quotes.n ? a->quotes.v[a->q_sel].id : 0;
	bool marked = a->q_marked;
	app_drop_doc(a);
	a->win_s = s;
	a->win_e = e;
	rc = app_install_doc(a, d);
	if (rc) {
		doc_free(d);
		return rc;
	}
	size_t local = raw > s ? raw - s : 0;
	a->text_top = wrap_view_row_start(a->view, local < d->len ? local : d->len);
	app_clamp_text(a);
	if (marked && qid)
		for (size_t i = 0; i < a->quotes.n; i++)
			if (a->quotes.v[i].id == qid)
				app_restore_quote(a, qid, i);
	return 0;
}

static int big_open(app *a, size_t i)
{
	if (!a->corpus->v[i].big)
		return APP_NOT_MINE;
	bigdoc *b = NULL;
	int rc = bigdoc_open(a->corpus->v[i].path, &b);
	if (rc) {
		a->corpus->v[i].error = rc;
		app_message(a, true, "%s", error_message(rc));
		return rc;
	}
	app_close_article(a);
	a->big = b;
	a->art = i;
	app_set_path(a, i);
	a->corpus->v[i].id = b->id;
	a->corpus->v[i].has_id = true;
	position p;
	size_t top = a->opts.positions && positions_get(a->opts.positions, b->id, &p) && p.top < b->size ? p.top : 0;
	rc = app_big_slide(a, top, LEAD);
	if (rc) {
		big_close(a);
		a->art = SIZE_MAX;
		return rc;
	}
	if (top)
		app_restore_quote(a, p.quote_id, p.quote);
	app_message(a, false, "A big file (%zu MB): the quotes shown are those around the reading position",
	            b->size >> 20);
	return 0;
}

/* Before the text moves by `rows`: when that would come near an edge of
 * the window that is not an edge of the file, open the window there. */
static void big_follow(app *a, long rows)
{
	if (!a->big || !a->view)
		return;
	long h = app_text_rows(a);
	if (rows > 0 && a->win_e < a->big->size &&
	    wrap_view_move(a->view, a->text_top, rows + 2 * h) == wrap_view_last(a->view)) {
		app_big_slide(a, a->win_s + a->text_top, LEAD);
	} else if (rows < 0 && a->win_s > 0 &&
	           wrap_view_move(a->view, a->text_top, rows - h) == wrap_view_first(a->view)) {
		app_big_slide(a, a->win_s + a->text_top, WINDOW_BYTES - LEAD);
	}
}

static bool big_up(const app *a)
{
	return a->big && a->view && a->focus == PANE_TEXT;
}

static unsigned big_end(app *a, enum action act)
{
	bool last = act == ACT_MOVE_LAST;
	if (app_big_slide(a, last ? a->big->size : 0, last ? WINDOW_BYTES : 0))
		return R_STATUS;
	a->text_top = last ? app_last_top(a) : wrap_view_first(a->view);
	return R_PANES;
}

const app_feature app_big_feature = {
	.name = "big files",
	.layer = {
		.active = big_up,
		.on_action = { [ACT_MOVE_FIRST] = big_end, [ACT_MOVE_LAST] = big_end },
	},
	.open = big_open,
	.article_closed = big_close,
	.before_scroll = big_follow,
};
