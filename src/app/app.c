#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_internal.h"
#include "error.h"

/* ---- geometry -------------------------------------------------------------- */

rect app_content(const app *a, enum pane p)
{
	rect r = a->lay.pane[p];
	if (!r.h)
		return r;
	/* a header row on top; a separator column on the left of inner panes, a margin on the right */
	int left = r.x > 0 ? 2 : 1;
	rect c = { r.y + 1, r.x + left, r.h - 1, r.w - left - 1 };
	if (c.w < 1)
		c.w = 1;
	if (c.h < 1)
		c.h = 1;
	return c;
}

int app_quote_width(const app *a)
{
	int w = app_content(a, PANE_QUOTES).w - 3;   /* the text is indented under its number */
	return w < 4 ? 4 : w;
}

int app_text_rows(const app *a)
{
	return app_content(a, PANE_TEXT).h;
}

static int text_width(const app *a)
{
	int w = app_content(a, PANE_TEXT).w;
	return w > 0 ? w : 1;
}

enum keyctx app_keyctx(const app *a)
{
	if (a->help)
		return KC_HELP;
	if (a->tv.open)
		return KC_TAGGED;
	switch (a->focus) {
	case PANE_LIST: return KC_LIST;
	case PANE_QUOTES: return KC_QUOTES;
	default: return KC_TEXT;
	}
}

void app_message(app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

static void relayout(app *a)
{
	layout_compute(&a->lay, a->cols, a->rows, &a->opts.layout, a->focus);
	if (a->view && !a->lay.too_small && a->lay.pane[PANE_TEXT].h) {
		int w = text_width(a);
		if (w != wrap_view_width(a->view)) {
			wrap_view_set_width(a->view, w);
			a->text_top = wrap_view_row_start(a->view, a->text_top);
		}
	}
}

/* ---- the text pane ----------------------------------------------------------- */

size_t app_last_top(app *a)
{
	if (!a->view)
		return 0;
	return wrap_view_move(a->view, wrap_view_last(a->view), -(long)(app_text_rows(a) - 1));
}

void app_clamp_text(app *a)
{
	if (!a->view)
		return;
	size_t max = app_last_top(a);
	if (a->text_top > max)
		a->text_top = max;
	if (a->text_top < wrap_view_first(a->view))
		a->text_top = wrap_view_first(a->view);
}

unsigned app_scroll_text(app *a, long rows)
{
	if (!a->view)
		return R_NONE;
	app_big_follow(a, rows);
	size_t before = a->text_top;
	a->text_top = wrap_view_move(a->view, a->text_top, rows);
	app_clamp_text(a);
	return a->text_top != before ? R_TEXT | R_STATUS : R_NONE;
}

/* True when the row holding off is on screen. */
static bool text_shows(app *a, size_t off)
{
	size_t row = wrap_view_row_start(a->view, off);
	if (row < a->text_top)
		return false;
	size_t bottom = wrap_view_move(a->view, a->text_top, app_text_rows(a) - 1);
	return row <= bottom;
}

/* Scrolls so that off is on screen, a third of the way down when it was not. */
void app_show_offset(app *a, size_t off)
{
	if (!a->view || text_shows(a, off))
		return;
	size_t row = wrap_view_row_start(a->view, off);
	a->text_top = wrap_view_move(a->view, row, -(long)(app_text_rows(a) / 3));
	app_clamp_text(a);
}

int app_text_percent(const app *a)
{
	if (!a->doc || !a->doc->len)
		return 100;
	if (a->big) {
		app *m = (app *)a;   /* the view caches rows: asking changes nothing visible */
		if (a->win_e >= a->big->size && a->text_top >= app_last_top(m))
			return 100;
		return (int)((double)app_file_top(a) * 100.0 / (double)a->big->size);
	}
	app *m = (app *)a;   /* the view caches rows: asking changes nothing visible */
	if (a->text_top >= app_last_top(m))
		return 100;
	return (int)((double)a->text_top * 100.0 / (double)a->doc->len);
}

/* ---- the sidebar --------------------------------------------------------------- */

int app_quote_height(app *a, size_t i)
{
	if (i >= a->quotes.n || !a->qtext[i])
		return 0;
	/* the text wrapped, the speaker, a blank row */
	const char *t = a->qtext[i];
	wrap_row *rows = NULL;
	size_t n = 0, cap = 0;
	if (wrap_range(t, 0, strlen(t), 0, app_quote_width(a), a->opts.tabwidth, &rows, &n, &cap))
		n = 1;
	free(rows);
	return (int)(n ? n : 1) + 2;
}

static void keep_quote_visible(app *a)
{
	if (a->q_sel < a->q_top)
		a->q_top = a->q_sel;
	int h = app_content(a, PANE_QUOTES).h;
	for (;;) {
		int used = 0;
		for (size_t i = a->q_top; i <= a->q_sel; i++)
			used += app_quote_height(a, i);
		if (used <= h || a->q_top == a->q_sel)
			break;
		a->q_top++;
	}
}

unsigned app_select_quote(app *a, size_t i)
{
	if (!a->quotes.n)
		return R_NONE;
	if (i >= a->quotes.n)
		i = a->quotes.n - 1;
	a->q_sel = i;
	a->q_marked = true;
	keep_quote_visible(a);
	app_show_offset(a, a->quotes.v[i].open);
	return R_TEXT | R_QUOTES | R_STATUS;
}

/* ---- the list -------------------------------------------------------------------- */

static void keep_list_visible(app *a)
{
	size_t h = (size_t)app_content(a, PANE_LIST).h;
	if (!h)
		h = 1;
	if (a->list_sel < a->list_top)
		a->list_top = a->list_sel;
	if (a->list_sel >= a->list_top + h)
		a->list_top = a->list_sel - h + 1;
}

static unsigned select_item(app *a, size_t i)
{
	if (i >= a->corpus->n)
		i = a->corpus->n - 1;
	a->list_sel = i;
	keep_list_visible(a);
	return R_LIST | R_STATUS;
}

long app_list_quotes(app *a, size_t i)
{
	corpus_item *it = &a->corpus->v[i];
	if (it->nquotes >= 0 || it->error)
		return it->error ? -1 : it->nquotes;
	doc *d = corpus_doc(a->corpus, i, a->art);
	if (!d)
		return -1;
	quote_list ql;
	if (quotes_find(d, &a->opts.quotes, &ql))
		return -1;
	it->nquotes = (long)ql.n;
	quote_list_free(&ql);
	return it->nquotes;
}

/* ---- opening an article ----------------------------------------------------------- */

void app_save_position(app *a)
{
	if (!a->opts.positions || !a->doc)
		return;
	position p = { app_file_top(a), POSITION_NO_QUOTE, 0, 0 };
	if (a->q_marked && a->q_sel < a->quotes.n) {
		p.quote = a->q_sel;
		p.quote_id = a->quotes.v[a->q_sel].id;
	}
	positions_set(a->opts.positions, a->doc->id, &p);
}

size_t app_file_top(const app *a)
{
	return a->big ? a->win_s + a->text_top : a->text_top;
}

/* Selects the quote with this id, else the one at index (clamped). */
void app_restore_quote(app *a, uint64_t id, size_t index)
{
	if (index == POSITION_NO_QUOTE || !a->quotes.n)
		return;
	size_t q = index < a->quotes.n ? index : a->quotes.n - 1;
	for (size_t i = 0; i < a->quotes.n; i++)
		if (a->quotes.v[i].id == id)
			q = i;
	a->q_sel = q;
	a->q_marked = true;
	keep_quote_visible(a);
}

static void restore_position(app *a)
{
	position p;
	if (!a->opts.positions || !positions_get(a->opts.positions, a->doc->id, &p))
		return;
	if (a->big && (p.top < a->win_s || p.top >= a->win_e))
		app_big_slide(a, p.top, WINDOW_BYTES / 4);
	size_t top = a->big ? p.top - a->win_s : p.top;
	a->text_top = wrap_view_row_start(a->view, top < a->doc->len ? top : a->doc->len);
	app_clamp_text(a);
	app_restore_quote(a, p.quote_id, p.quote);
}

void app_drop_doc(app *a)
{
	a->visual = false;
	free(a->q_mark);
	a->q_mark = NULL;
	for (size_t i = 0; i < a->quotes.n; i++)
		free(a->qtext[i]);
	free(a->qtext);
	a->qtext = NULL;
	quote_list_free(&a->quotes);
	memset(&a->quotes, 0, sizeof a->quotes);
	wrap_view_free(a->view);
	a->view = NULL;
	search_hits_free(&a->hits);
	a->hit = 0;
	if (a->big)
		doc_free(a->doc);   /* a window: the app's own */
	a->doc = NULL;
}

static void close_article(app *a)
{
	app_save_position(a);
	app_drop_doc(a);
	app_big_close(a);
	a->art = SIZE_MAX;
}

/* Makes d the article shown: its quotes, their texts, the view. */
int app_install_doc(app *a, doc *d)
{
	quote_list ql;
	int rc = quotes_find(d, &a->opts.quotes, &ql);
	if (rc)
		return rc;
	char **qt = calloc(ql.n ? ql.n : 1, sizeof *qt);
	bool *marks = calloc(ql.n ? ql.n : 1, sizeof *marks);
	wrap_view *v = wrap_view_new(d, 0, text_width(a), a->opts.tabwidth);
	if (!qt || !v || !marks) {
		free(qt);
		free(marks);
		wrap_view_free(v);
		quote_list_free(&ql);
		return Q_ENOMEM;
	}
	for (size_t k = 0; k < ql.n; k++)
		qt[k] = quote_text(d, &ql.v[k]);
	a->doc = d;
	a->quotes = ql;
	a->qtext = qt;
	a->q_mark = marks;
	a->view = v;
	a->text_top = wrap_view_first(v);
	a->q_sel = a->q_top = 0;
	a->q_marked = false;
	if (a->pattern && a->search_pane == PANE_TEXT)
		search_all(d->text, 0, d->len, a->pattern, &a->hits);
	return 0;
}

int app_open_article(app *a, size_t i)
{
	/* the article open now stays loaded until it is closed: its position is saved then */
	doc *d = corpus_doc(a->corpus, i, a->art);
	if (!d && a->corpus->v[i].big)
		return app_big_open(a, i);
	if (!d) {
		char *name = corpus_display_name(a->corpus, i);
		app_message(a, true, "%s: %s", name ? name : "?", error_message(a->corpus->v[i].error));
		free(name);
		return a->corpus->v[i].error;
	}
	close_article(a);
	int rc = app_install_doc(a, d);
	if (rc) {
		app_message(a, true, "%s", error_message(rc));
		return rc;
	}
	a->art = i;
	a->corpus->v[i].nquotes = (long)a->quotes.n;
	a->msg[0] = '\0';
	restore_position(a);
	app_tags_article_opened(a);
	return 0;
}

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

static unsigned set_focus(app *a, enum pane p)
{
	bool screen_of_its_own = a->lay.narrow && a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE;
	bool was_narrow_list = screen_of_its_own && a->focus == PANE_LIST;
	a->focus = p;
	if (screen_of_its_own && (was_narrow_list || p == PANE_LIST)) {
		relayout(a);
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
	return set_focus(a, p);
}

static unsigned toggle_list(app *a)
{
	if (a->lay.narrow && a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE)
		return set_focus(a, a->focus == PANE_LIST ? PANE_TEXT : PANE_LIST);
	a->opts.layout.list_hidden = !a->opts.layout.list_hidden;
	if (a->opts.layout.list_hidden && a->focus == PANE_LIST)
		a->focus = PANE_TEXT;
	relayout(a);
	return R_LAYOUT;
}

/* ---- moving in the focused pane ---------------------------------------------------------- */

static unsigned move_rows(app *a, long n)
{
	switch (a->focus) {
	case PANE_LIST: {
		long i = (long)a->list_sel + n;
		return select_item(a, i < 0 ? 0 : (size_t)i);
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
	long h;
	if (a->help)
		h = a->rows - 2;
	else
		h = app_content(a, a->focus).h;
	if (a->focus == PANE_QUOTES && !a->help)
		h = h / 4 > 0 ? h / 4 : 1;   /* quotes are several rows tall: page by about a screenful */
	if (half)
		h /= 2;
	return h > 0 ? h : 1;
}

static unsigned move_end(app *a, bool last)
{
	switch (a->focus) {
	case PANE_LIST:
		return select_item(a, last ? a->corpus->n - 1 : 0);
	case PANE_QUOTES:
		return app_select_quote(a, last ? a->quotes.n - 1 : 0);
	default:
		if (!a->view)
			return R_NONE;
		if (a->big)
			return app_big_end(a, last);
		a->text_top = last ? app_last_top(a) : wrap_view_first(a->view);
		return R_TEXT | R_STATUS;
	}
}

static unsigned help_move(app *a, long n)
{
	long t = (long)a->help_top + n;
	a->help_top = t < 0 ? 0 : (size_t)t;   /* the drawing code clamps the bottom */
	return R_LAYOUT;
}

static unsigned open_selected(app *a)
{
	if (a->focus == PANE_LIST) {
		if (app_open_article(a, a->list_sel))
			return R_STATUS | R_LIST;
		return set_focus(a, PANE_TEXT) | R_PANES;
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
	long i = (long)(a->art == SIZE_MAX ? a->list_sel : a->art);
	for (;;) {
		i += dir;
		if (i < 0 || (size_t)i >= a->corpus->n) {
			if (a->art != SIZE_MAX)
				select_item(a, a->art);
			app_message(a, false, dir > 0 ? "Last article" : "First article");
			return R_STATUS | R_LIST;
		}
		select_item(a, (size_t)i);
		if (app_open_article(a, (size_t)i) == 0)
			return R_PANES;
	}
}

static unsigned step_quote(app *a, int dir)
{
	if (!a->quotes.n) {
		app_message(a, false, "No quotes in this article");
		return R_STATUS;
	}
	if (!a->q_marked)
		return app_select_quote(a, dir > 0 ? 0 : a->quotes.n - 1);
	if ((dir < 0 && a->q_sel == 0) || (dir > 0 && a->q_sel + 1 >= a->quotes.n)) {
		app_message(a, false, dir > 0 ? "Last quote" : "First quote");
		return R_STATUS;
	}
	return app_select_quote(a, a->q_sel + (size_t)(long)dir);
}

static unsigned cancel(app *a)
{
	if (a->help) {
		a->help = false;
		return R_LAYOUT;
	}
	unsigned r = R_STATUS;
	if (a->bsearch.active) {
		app_big_search_stop(a);
		app_message(a, false, "Search stopped");
		return R_STATUS;
	}
	if (a->visual) {
		a->visual = false;
		r |= R_TEXT;
	}
	if (a->pattern) {
		app_search_clear(a);
		r |= R_PANES;
	}
	if (a->q_marked) {
		a->q_marked = false;
		r |= R_TEXT | R_QUOTES;
	}
	a->msg[0] = '\0';
	return r;
}

unsigned app_do(app *a, enum action act)
{
	if (a->lay.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return R_NONE;
	if (a->help) {
		switch (act) {
		case ACT_MOVE_UP: return help_move(a, -1);
		case ACT_MOVE_DOWN: return help_move(a, 1);
		case ACT_PAGE_UP: return help_move(a, -page_rows(a, false));
		case ACT_PAGE_DOWN: return help_move(a, page_rows(a, false));
		case ACT_MOVE_FIRST: a->help_top = 0; return R_LAYOUT;
		case ACT_HELP: case ACT_QUIT: case ACT_CANCEL: return cancel(a);
		case ACT_REDRAW: return R_LAYOUT;
		default: return R_NONE;
		}
	}
	if (a->tv.open && act == ACT_HELP) {
		a->help = true;
		a->help_top = 0;
		return R_LAYOUT;
	}
	if (a->tv.open)
		return app_tagged_do(a, act);
	if (a->visual && a->focus == PANE_TEXT) {
		unsigned r = app_visual_move(a, act);
		if (r)
			return r;
	}
	int tag = action_tag_number(act);
	if (tag)
		return app_tag_toggle(a, tag);
	switch (act) {
	case ACT_MOVE_UP: return move_rows(a, -1);
	case ACT_MOVE_DOWN: return move_rows(a, 1);
	case ACT_PAGE_UP: return move_rows(a, -page_rows(a, false));
	case ACT_PAGE_DOWN: return move_rows(a, page_rows(a, false));
	case ACT_HALF_PAGE_UP: return move_rows(a, -page_rows(a, true));
	case ACT_HALF_PAGE_DOWN: return move_rows(a, page_rows(a, true));
	case ACT_MOVE_FIRST: return move_end(a, false);
	case ACT_MOVE_LAST: return move_end(a, true);
	case ACT_FOCUS_NEXT: return cycle_focus(a, 1);
	case ACT_FOCUS_PREV: return cycle_focus(a, -1);
	case ACT_TOGGLE_LIST: return toggle_list(a);
	case ACT_OPEN: return open_selected(a);
	case ACT_ARTICLE_NEXT: return step_article(a, 1);
	case ACT_ARTICLE_PREV: return step_article(a, -1);
	case ACT_QUOTE_NEXT: return step_quote(a, 1);
	case ACT_QUOTE_PREV: return step_quote(a, -1);
	case ACT_SEARCH: return app_search_start(a, false);
	case ACT_SEARCH_BACK: return app_search_start(a, true);
	case ACT_SEARCH_NEXT: return app_search_step(a, false);
	case ACT_SEARCH_PREV: return app_search_step(a, true);
	case ACT_HELP:
		a->help = true;
		a->help_top = 0;
		return R_LAYOUT;
	case ACT_REDRAW: return R_LAYOUT;
	case ACT_CANCEL: return cancel(a);
	case ACT_QUIT: return a->visual ? cancel(a) : R_QUIT;
	case ACT_TAG_PROMPT: return app_tag_prompt(a);
	case ACT_UNTAG: return app_untag(a);
	case ACT_MARK: return app_mark(a);
	case ACT_EXPORT: return app_export_start(a, false);
	case ACT_COPY: return app_export_start(a, true);
	case ACT_VISUAL: return app_visual_toggle(a);
	case ACT_TAGGED_VIEW: return app_tagged_toggle(a);
	default:
		return R_NONE;
	}
}

/* ---- mouse ----------------------------------------------------------------------------------- */

unsigned app_click(app *a, int y, int x)
{
	if (a->help || a->lay.too_small)
		return R_NONE;
	int p = layout_pane_at(&a->lay, y, x);
	if (p < 0)
		return R_NONE;
	unsigned r = a->focus != (enum pane)p ? set_focus(a, (enum pane)p) : R_NONE;
	rect c = app_content(a, (enum pane)p);
	if (y < c.y)
		return r | R_PANES;
	int row = y - c.y;
	if (p == PANE_LIST) {
		size_t i = a->list_top + (size_t)row;
		if (i < a->corpus->n)
			r |= select_item(a, i);
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
	if (a->help)
		return help_move(a, dir * 3);
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

/* ---- life cycle ---------------------------------------------------------------------------------- */

unsigned app_resize(app *a, int cols, int rows)
{
	a->cols = cols;
	a->rows = rows;
	relayout(a);
	if (!a->lay.too_small) {
		app_clamp_text(a);
		keep_list_visible(a);
		if (a->quotes.n)
			keep_quote_visible(a);
	}
	return R_LAYOUT;
}

int app_init(app *a, corpus *c, const app_opts *o, int cols, int rows)
{
	memset(a, 0, sizeof *a);
	a->corpus = c;
	a->opts = *o;
	a->art = SIZE_MAX;
	a->cols = cols;
	a->rows = rows;
	a->focus = PANE_TEXT;
	relayout(a);
	if (!c->n)
		return Q_EUSAGE;
	/* open the first article that can be read */
	for (size_t i = 0; i < c->n; i++)
		if (app_open_article(a, i) == 0) {
			a->list_sel = i;
			break;
		}
	if (!a->lay.narrow)
		a->focus = PANE_LIST;
	relayout(a);
	return 0;
}

void app_free(app *a)
{
	close_article(a);
	app_tags_free(a);
	app_search_clear(a);
	for (size_t i = 0; i < a->nhistory; i++)
		free(a->history[i]);
	free(a->history);
	a->history = NULL;
	a->nhistory = 0;
}
