/* The core of the reader: its state, the geometry the drawing code shares,
 * opening an article, scrolling, the list and the sidebar, focus, messages,
 * and app_do, a lookup in the dispatch table the features fill
 * (app_internal.h says how). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app_internal.h"
#include "error.h"

/* How long one idle turn may index list items. */
#define INDEX_BUDGET_NS 5000000L
/* The list shows its indexing progress from this many articles on. */
#define INDEX_SHOW_FROM 1000

/* ---- the features ---------------------------------------------------------- */

unsigned app_pass(app *a, enum action act)
{
	(void)a;
	(void)act;
	return R_PASS;
}

void app_register(app *a, const app_feature *f)
{
	if (a->nfeatures >= APP_FEATURES_MAX)
		return;
	a->features[a->nfeatures++] = f;
	for (int k = 0; k < ACT__COUNT; k++)
		if (f->on_action[k] && !a->on_action[k])
			a->on_action[k] = f->on_action[k];
	for (int k = 0; k < PROMPT__COUNT; k++)
		if (f->prompt[k] && !a->prompt_ops[k])
			a->prompt_ops[k] = f->prompt[k];
}

/* Each feature's hook, in order: FOR_HOOK(a, f, hook) { f->hook(a, ...); } */
#define FOR_HOOK(a, f, hook) \
	for (size_t f##_k = 0; f##_k < (a)->nfeatures; f##_k++) \
		for (const app_feature *f = (a)->features[f##_k]; f && f->hook; f = NULL)

static bool layer_up(const app *a, const app_feature *f)
{
	return f->layer.active && f->layer.active(a);
}

bool app_modal(const app *a)
{
	for (size_t k = 0; k < a->nfeatures; k++)
		if (a->features[k]->layer.modal && layer_up(a, a->features[k]))
			return true;
	return false;
}

void app_tags_changed(app *a)
{
	FOR_HOOK(a, f, tags_changed)
		f->tags_changed(a);
}

void app_index_changed(app *a)
{
	FOR_HOOK(a, f, index_changed)
		f->index_changed(a);
}

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
	for (size_t k = 0; k < a->nfeatures; k++)
		if (a->features[k]->layer.keyctx != KC_GLOBAL && layer_up(a, a->features[k]))
			return a->features[k]->layer.keyctx;
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
	FOR_HOOK(a, f, before_scroll)
		f->before_scroll(a, rows);
	if (!a->view)
		return R_STATUS;
	size_t before = a->text_top;
	a->text_top = wrap_view_move(a->view, a->text_top, rows);
	app_clamp_text(a);
	return a->text_top != before ? R_TEXT | R_STATUS : R_NONE;
}

size_t app_text_bottom(app *a)
{
	size_t bottom = wrap_view_move(a->view, a->text_top, app_text_rows(a) - 1);
	wrap_row last;
	return wrap_view_rows(a->view, bottom, &last, 1) ? last.end : a->doc->len;
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

/* The quote a key acts on: the selected one in the sidebar; in the text
 * the marked quote when on screen, else the first quote on screen. */
size_t app_current_quote(app *a)
{
	if (!a->quotes.n || a->focus == PANE_LIST)
		return SIZE_MAX;
	if (a->focus == PANE_QUOTES)
		return a->q_sel;
	size_t end = app_text_bottom(a);
	if (a->q_marked && a->quotes.v[a->q_sel].close > a->text_top && a->quotes.v[a->q_sel].open < end)
		return a->q_sel;
	for (size_t i = 0; i < a->quotes.n; i++)
		if (a->quotes.v[i].close > a->text_top && a->quotes.v[i].open < end)
			return i;
	return SIZE_MAX;
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

size_t app_list_count(const app *a)
{
	return a->lv.rows ? a->lv.n : a->corpus->n;
}

size_t app_list_item(const app *a, size_t row)
{
	return a->lv.rows ? (row < a->lv.n ? a->lv.rows[row] : SIZE_MAX) : row;
}

size_t app_list_row(const app *a, size_t item)
{
	if (!a->lv.rows)
		return item < a->corpus->n ? item : SIZE_MAX;
	for (size_t r = 0; r < a->lv.n; r++)
		if (a->lv.rows[r] == item)
			return r;
	return SIZE_MAX;
}

void app_list_set_rows(app *a, size_t *rows, size_t n)
{
	size_t keep = app_list_count(a) ? app_list_item(a, a->list_sel) : SIZE_MAX;
	free(a->lv.rows);
	a->lv.rows = rows;
	a->lv.n = rows ? n : 0;
	size_t row = keep == SIZE_MAX ? SIZE_MAX : app_list_row(a, keep);
	a->list_sel = row == SIZE_MAX ? 0 : row;
	a->list_top = 0;
	keep_list_visible(a);
}

void app_list_show_item(app *a, size_t i)
{
	if (app_list_row(a, i) != SIZE_MAX)
		return;
	a->lv.filter[0] = '\0';   /* the whole list again, in corpus order */
	a->lv.order = LO_PATH;
	app_list_set_rows(a, NULL, 0);
	app_message(a, false, "The list filter hid that article: the list shows every article again");
}

unsigned app_open_at_quote(app *a, size_t item, uint64_t qid, const char *gone)
{
	app_list_show_item(a, item);
	app_select_item(a, item);
	if (app_open_article(a, item))
		return R_LAYOUT;
	a->focus = PANE_TEXT;
	for (size_t k = 0; k < a->quotes.n; k++)
		if (a->quotes.v[k].id == qid) {
			app_select_quote(a, k);
			return R_LAYOUT;
		}
	app_message(a, true, "%s", gone);
	return R_LAYOUT;
}

unsigned app_select_row(app *a, size_t row)
{
	size_t n = app_list_count(a);
	if (row >= n)
		row = n ? n - 1 : 0;
	a->list_sel = row;
	keep_list_visible(a);
	return R_LIST | R_STATUS;
}

unsigned app_select_item(app *a, size_t i)
{
	size_t row = app_list_row(a, i);
	return row == SIZE_MAX ? R_NONE : app_select_row(a, row);
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
	a->text_top = wrap_view_row_start(a->view, p.top < a->doc->len ? p.top : a->doc->len);
	app_clamp_text(a);
	app_restore_quote(a, p.quote_id, p.quote);
}

/* Frees what app_install_doc made for the doc (not the doc). */
static void drop_quotes(app *a)
{
	FOR_HOOK(a, f, doc_dropped)
		f->doc_dropped(a);
	for (size_t i = 0; i < a->quotes.n; i++)
		free(a->qtext[i]);
	free(a->qtext);
	a->qtext = NULL;
	quote_list_free(&a->quotes);
	memset(&a->quotes, 0, sizeof a->quotes);
	wrap_view_free(a->view);
	a->view = NULL;
}

void app_drop_doc(app *a)
{
	drop_quotes(a);
	if (a->big)
		doc_free(a->doc);   /* a window: the app's own */
	a->doc = NULL;
}

void app_close_article(app *a)
{
	app_save_position(a);
	app_drop_doc(a);
	FOR_HOOK(a, f, article_closed)
		f->article_closed(a);
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
	wrap_view *v = wrap_view_new(d, 0, text_width(a), a->opts.tabwidth);
	if (!qt || !v) {
		free(qt);
		wrap_view_free(v);
		quote_list_free(&ql);
		return Q_ENOMEM;
	}
	for (size_t k = 0; k < ql.n; k++)
		qt[k] = quote_text(d, &ql.v[k]);
	a->doc = d;
	a->quotes = ql;
	a->qtext = qt;
	a->view = v;
	a->text_top = wrap_view_first(v);
	a->q_sel = a->q_top = 0;
	a->q_marked = false;
	FOR_HOOK(a, f, doc_installed) {
		if ((rc = f->doc_installed(a)) != 0) {
			drop_quotes(a);   /* the caller still owns d */
			a->doc = NULL;
			return rc;
		}
	}
	return 0;
}

int app_open_article(app *a, size_t i)
{
	/* the article open now stays loaded until it is closed: its position is saved then */
	doc *d = corpus_doc(a->corpus, i, a->art);
	for (size_t k = 0; !d && k < a->nfeatures; k++) {
		int rc = a->features[k]->open ? a->features[k]->open(a, i) : APP_NOT_MINE;
		if (rc != APP_NOT_MINE)
			return rc;
	}
	if (!d) {
		char *name = corpus_display_name(a->corpus, i);
		app_message(a, true, "%s: %s", name ? name : "?", error_message(a->corpus->v[i].error));
		free(name);
		return a->corpus->v[i].error;
	}
	app_close_article(a);
	int rc = app_install_doc(a, d);
	if (rc) {
		app_message(a, true, "%s", error_message(rc));
		return rc;
	}
	a->art = i;
	a->corpus->v[i].nquotes = (long)a->quotes.n;
	a->msg[0] = '\0';
	restore_position(a);
	FOR_HOOK(a, f, article_opened)
		f->article_opened(a);
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

unsigned app_set_focus(app *a, enum pane p)
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
	return app_set_focus(a, p);
}

static unsigned toggle_list(app *a)
{
	if (a->lay.narrow && a->opts.layout.narrow_mode == LAYOUT_NARROW_HIDE)
		return app_set_focus(a, a->focus == PANE_LIST ? PANE_TEXT : PANE_LIST);
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
		return R_TEXT | R_STATUS;
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

/* Esc: each feature gives up what it holds (a search, a selection), then
 * the quote marked in the text is unmarked. */
static unsigned cancel(app *a)
{
	unsigned r = R_STATUS;
	FOR_HOOK(a, f, cancel) {
		r |= f->cancel(a);
		if (r & R_STOP)
			return r;
	}
	if (a->q_marked) {
		a->q_marked = false;
		r |= R_TEXT | R_QUOTES;
	}
	a->msg[0] = '\0';
	return r;
}

static unsigned do_move(app *a, enum action act)
{
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

static unsigned do_other(app *a, enum action act)
{
	switch (act) {
	case ACT_REDRAW: return R_LAYOUT;
	case ACT_CANCEL: return cancel(a);
	default: return R_QUIT;
	}
}

/* The core's own actions: moving, panes, articles and quotes, quitting. */
static const app_feature core_feature = {
	.name = "core",
	.on_action = {
		[ACT_MOVE_UP] = do_move, [ACT_MOVE_DOWN] = do_move,
		[ACT_PAGE_UP] = do_move, [ACT_PAGE_DOWN] = do_move,
		[ACT_HALF_PAGE_UP] = do_move, [ACT_HALF_PAGE_DOWN] = do_move,
		[ACT_MOVE_FIRST] = do_move, [ACT_MOVE_LAST] = do_move,
		[ACT_FOCUS_NEXT] = do_focus, [ACT_FOCUS_PREV] = do_focus, [ACT_TOGGLE_LIST] = do_focus,
		[ACT_OPEN] = do_open,
		[ACT_ARTICLE_NEXT] = do_step, [ACT_ARTICLE_PREV] = do_step,
		[ACT_QUOTE_NEXT] = do_step, [ACT_QUOTE_PREV] = do_step,
		[ACT_REDRAW] = do_other, [ACT_CANCEL] = do_other, [ACT_QUIT] = do_other,
	},
};

/* The layers that are up, top first, then the base table. */
unsigned app_do(app *a, enum action act)
{
	if (act <= ACT_NONE || act >= ACT__COUNT)
		return R_NONE;
	if (a->lay.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return R_NONE;
	for (size_t k = 0; k < a->nfeatures; k++) {
		const app_feature *f = a->features[k];
		if (!layer_up(a, f))
			continue;
		app_action_fn fn = f->layer.on_action[act];
		unsigned r = fn ? fn(a, act) : f->layer.modal ? R_NONE : R_PASS;
		if (!(r & R_PASS))
			return r & ~R_STOP;
	}
	app_action_fn fn = a->on_action[act];
	return fn ? fn(a, act) & ~(R_PASS | R_STOP) : R_NONE;
}

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
	app_register(a, &core_feature);
	app_features_register(a);
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
	app_close_article(a);
	free(a->lv.rows);
	a->lv.rows = NULL;
	FOR_HOOK(a, f, free)
		f->free(a);
}

/* ---- idle time ------------------------------------------------------------------------------------- */

static long elapsed_ns(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000000000L + (t.tv_nsec - t0->tv_nsec);
}

/* Titles and quote counts of the list, a few per turn, so that a folder of
 * 100,000 articles is usable at once and complete after a while. */
static unsigned index_slice(app *a)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t n = a->corpus->n;
	while (a->index_next < n && elapsed_ns(&t0) < INDEX_BUDGET_NS) {
		corpus_title(a->corpus, a->index_next);
		app_list_quotes(a, a->index_next);
		a->index_next++;
	}
	if (n >= INDEX_SHOW_FROM && a->index_next < n)
		snprintf(a->progress, sizeof a->progress, "Indexing %zu/%zu", a->index_next, n);
	else
		a->progress[0] = '\0';
	return n >= INDEX_SHOW_FROM ? R_STATUS | R_LIST : R_NONE;
}

bool app_busy(const app *a)
{
	FOR_HOOK(a, f, busy)
		if (f->busy(a))
			return true;
	return a->index_next < a->corpus->n;
}

/* A feature's work first (a search through a big file), then the list's. */
unsigned app_idle(app *a)
{
	FOR_HOOK(a, f, busy)
		if (f->busy(a) && f->idle)
			return f->idle(a);
	if (a->index_next < a->corpus->n)
		return index_slice(a);
	return R_NONE;
}
