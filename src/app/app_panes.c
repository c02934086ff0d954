/* The panes: moving in the focused one (rows, pages, ends), the focus and
 * the list's place, opening, stepping through articles and quotes, Esc and
 * quitting, and the mouse. */
#include <stdint.h>
#include <stdlib.h>
#include "app_features.h"

/* ---- focus ---------------------------------------------------------------------------- */

static bool narrow_hides_list(const app *a)
{
	return a->lay.narrow && (a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE || a->opts.layout.list_hidden);
}

static bool pane_shown(const app *a, enum pane p)
{
	if (narrow_hides_list(a))
		return p != PANE_LIST || a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE;   /* focusing it shows it */
	return p != PANE_LIST || !a->opts.layout.list_hidden;
}

unsigned app_set_focus(app *a, enum pane p)
{
	bool screen_of_its_own = a->lay.narrow && a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE;
	bool was_narrow_list = screen_of_its_own && a->focus == PANE_LIST;
	a->focus = p;
	if (screen_of_its_own && (was_narrow_list || p == PANE_LIST)) {
		app_relayout(a);
		return R_LAYOUT;
	}
	return R_PANES;
}

static unsigned cycle_focus(app *a, int dir)
{
	enum pane p = a->focus;
	for (int k = 0; k < PANE__COUNT; k++) {
		p = (enum pane)(((int)p + dir + PANE__COUNT) % PANE__COUNT);
		if (pane_shown(a, p))
			break;
	}
	return app_set_focus(a, p);
}

static unsigned toggle_list(app *a)
{
	if (a->lay.narrow && a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE)
		return app_set_focus(a, a->focus == PANE_LIST ? PANE_TEXT : PANE_LIST);
	a->opts.layout.list_hidden = !a->opts.layout.list_hidden;
	if (a->opts.layout.list_hidden && a->focus == PANE_LIST)
		a->focus = PANE_TEXT;
	app_relayout(a);
	return R_LAYOUT;
}

/* ---- moving in the focused pane ---------------------------------------------------------- */

static unsigned move_rows(app *a, long n)
{
	switch (a->focus) {
	case PANE_LIST: {
		long i = (long)a->list_sel + n;
		return app_select_row(a, i < 0 ? 0 : (size_t)i);
	}
	case PANE_QUOTES: {
		if (!a->quotes.n)
			return R_NONE;
		long i = (long)a->q_sel + n;
		return app_select_quote(a, i < 0 ? 0 : (size_t)i);
	}
	default:
		return app_scroll_text(a, n);
	}
}

static long page_rows(const app *a, bool half)
{
	long h = app_content(a, a->focus).h;
	if (a->focus == PANE_QUOTES)
		h = h / 4 > 0 ? h / 4 : 1;   /* quotes are several rows tall: page by about a screenful */
	if (half)
		h /= 2;
	return h > 0 ? h : 1;
}

static unsigned move_end(app *a, bool last)
{
	switch (a->focus) {
	case PANE_LIST:
		return app_select_row(a, last ? app_list_count(a) - 1 : 0);
	case PANE_QUOTES:
		return app_select_quote(a, last ? a->quotes.n - 1 : 0);
	default:
		if (!a->view)
			return R_NONE;
		a->text_top = last ? app_last_top(a) : wrap_view_first(a->view);
		app_clamp_text(a);
		return R_TEXT | R_QUOTES | R_STATUS;
	}
}

static unsigned open_selected(app *a)
{
	if (a->focus == PANE_LIST) {
		if (!app_list_count(a) || app_open_article(a, app_list_item(a, a->list_sel)))
			return R_STATUS | R_LIST;
		return app_set_focus(a, PANE_TEXT) | R_PANES;
	}
	if (a->focus == PANE_QUOTES && a->quotes.n) {
		size_t row = wrap_view_row_start(a->view, a->quotes.v[a->q_sel].open);
		a->text_top = row;
		app_clamp_text(a);
		a->q_marked = true;
		return R_PANES;
	}
	return R_NONE;
}

/* The next article that opens: one that cannot be read (it says why in
 * the list) is stepped over, or } would stop at it for good, since the
 * article open stays the one before it. */
static unsigned step_article(app *a, int dir)
{
	size_t at = a->art == SIZE_MAX ? SIZE_MAX : app_list_row(a, a->art);
	long i = (long)(at == SIZE_MAX ? a->list_sel : at);   /* rows of the list, as it is narrowed and sorted */
	for (;;) {
		i += dir;
		if (i < 0 || (size_t)i >= app_list_count(a)) {
			if (a->art != SIZE_MAX)
				app_select_item(a, a->art);
			app_message(a, false, dir > 0 ? "Last article" : "First article");
			return R_STATUS | R_LIST;
		}
		app_select_row(a, (size_t)i);
		if (app_open_article(a, app_list_item(a, (size_t)i)) == 0)
			return R_PANES;
	}
}

/* ] and [ start from the screen, as less's n does: from the selected
 * quote when it is on screen, else from the first (last) quote on screen,
 * else from the next one below (above) it. */
static unsigned step_quote(app *a, int dir)
{
	if (!a->quotes.n) {
		app_message(a, false, "No quotes in this article");
		return R_STATUS;
	}
	size_t first, last, i;
	bool on = app_quotes_on_screen(a, &first, &last);
	if (a->q_marked && on && a->q_sel >= first && a->q_sel <= last) {
		if ((dir < 0 && a->q_sel == 0) || (dir > 0 && a->q_sel + 1 >= a->quotes.n)) {
			app_message(a, false, dir > 0 ? "Last quote" : "First quote");
			return R_STATUS;
		}
		i = a->q_sel + (size_t)(long)dir;
	} else if (on) {
		i = dir > 0 ? first : last;
	} else {
		size_t next = app_quote_ending_after(a, a->text_top);   /* the first below the screen */
		if (dir > 0 ? next == a->quotes.n : next == 0) {
			app_message(a, false, dir > 0 ? "No quote below" : "No quote above");
			return R_STATUS;
		}
		i = dir > 0 ? next : next - 1;
	}
	return app_select_quote(a, i);
}

/* Paging down at the end of an article, where the text shows (END), opens
 * the next one, as mutt's pager does (config.ini next_at_end). */
static bool at_the_end(app *a)
{
	return a->focus == PANE_TEXT && a->view && a->opts.next_at_end && app_text_percent(a) == 100;
}

static unsigned step_article(app *a, int dir);

static unsigned do_move(app *a, enum action act)
{
	size_t row = a->art == SIZE_MAX ? SIZE_MAX : app_list_row(a, a->art);   /* the list's order */
	if (act == ACT_PAGE_DOWN && at_the_end(a) && row != SIZE_MAX && row + 1 < app_list_count(a)) {
		unsigned r = step_article(a, 1);
		row = a->art == SIZE_MAX ? SIZE_MAX : app_list_row(a, a->art);
		if (row != SIZE_MAX && !a->msg[0])
			app_message(a, false, "Next article: %zu of %zu", row + 1, app_list_count(a));
		return r;
	}
	switch (act) {
	case ACT_MOVE_UP: return move_rows(a, -1);
	case ACT_MOVE_DOWN: return move_rows(a, 1);
	case ACT_PAGE_UP: return move_rows(a, -page_rows(a, false));
	case ACT_PAGE_DOWN: return move_rows(a, page_rows(a, false));
	case ACT_HALF_PAGE_UP: return move_rows(a, -page_rows(a, true));
	case ACT_HALF_PAGE_DOWN: return move_rows(a, page_rows(a, true));
	case ACT_MOVE_FIRST: return move_end(a, false);
	default: return move_end(a, true);
	}
}

static unsigned do_focus(app *a, enum action act)
{
	return act == ACT_TOGGLE_LIST ? toggle_list(a) : cycle_focus(a, act == ACT_FOCUS_NEXT ? 1 : -1);
}

static unsigned do_open(app *a, enum action act)
{
	(void)act;
	return open_selected(a);
}

static unsigned do_step(app *a, enum action act)
{
	switch (act) {
	case ACT_ARTICLE_NEXT: return step_article(a, 1);
	case ACT_ARTICLE_PREV: return step_article(a, -1);
	case ACT_QUOTE_NEXT: return step_quote(a, 1);
	default: return step_quote(a, -1);
	}
}

static unsigned do_cancel(app *a, enum action act)
{
	(void)act;
	return app_cancel(a);
}

static unsigned do_quit(app *a, enum action act)
{
	(void)a;
	(void)act;
	return R_QUIT;
}

/* Moving, panes, articles and quotes, quitting. */
const app_feature app_panes_feature = {
	.name = "panes",
	.on_action = {
		[ACT_MOVE_UP] = do_move, [ACT_MOVE_DOWN] = do_move,
		[ACT_PAGE_UP] = do_move, [ACT_PAGE_DOWN] = do_move,
		[ACT_HALF_PAGE_UP] = do_move, [ACT_HALF_PAGE_DOWN] = do_move,
		[ACT_MOVE_FIRST] = do_move, [ACT_MOVE_LAST] = do_move,
		[ACT_FOCUS_NEXT] = do_focus, [ACT_FOCUS_PREV] = do_focus, [ACT_TOGGLE_LIST] = do_focus,
		[ACT_OPEN] = do_open,
		[ACT_ARTICLE_NEXT] = do_step, [ACT_ARTICLE_PREV] = do_step,
		[ACT_QUOTE_NEXT] = do_step, [ACT_QUOTE_PREV] = do_step,
		[ACT_REDRAW] = app_redraw, [ACT_CANCEL] = do_cancel, [ACT_QUIT] = do_quit,
	},
};

/* ---- mouse ----------------------------------------------------------------------------------- */

unsigned app_click(app *a, int y, int x)
{
	if (app_modal(a) || a->lay.too_small)
		return R_NONE;
	int p = layout_pane_at(&a->lay, y, x);
	if (p < 0)
		return R_NONE;
	unsigned r = a->focus != (enum pane)p ? app_set_focus(a, (enum pane)p) : R_NONE;
	rect c = app_content(a, (enum pane)p);
	if (y < c.y)
		return r | R_PANES;
	int row = y - c.y;
	if (p == PANE_LIST) {
		size_t i = a->list_top + (size_t)row;
		if (i < app_list_count(a))
			r |= app_select_row(a, i);
	} else if (p == PANE_QUOTES) {
		size_t i = a->q_top;
		for (int used = 0; i < a->quotes.n; i++) {
			used += app_quote_height(a, i);
			if (row < used)
				break;
		}
		if (i < a->quotes.n)
			r |= app_select_quote(a, i);
	}
	return r | R_PANES;
}

unsigned app_wheel(app *a, int y, int x, int dir)
{
	if (app_modal(a)) {   /* the view on top moves, three rows a notch */
		unsigned r = R_NONE;
		for (int k = 0; k < 3; k++)
			r |= app_do(a, dir < 0 ? ACT_MOVE_UP : ACT_MOVE_DOWN);
		return r;
	}
	int p = layout_pane_at(&a->lay, y, x);
	if (p < 0)
		return R_NONE;
	if (p == PANE_TEXT)
		return app_scroll_text(a, dir * 3);
	enum pane keep = a->focus;
	a->focus = (enum pane)p;
	unsigned r = move_rows(a, dir);
	a->focus = keep;
	return r;
}
