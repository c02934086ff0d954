/* The core of the reader: its state, the geometry the drawing code shares,
 * opening an article, scrolling, the list and the sidebar, messages, Esc,
 * idle time, and app_do, a lookup in the dispatch table the features fill
 * (app_internal.h says how; even moving is a feature, app_panes.c). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app_internal.h"
#include "error.h"
#include "text.h"

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

unsigned app_redraw(app *a, enum action act)
{
	(void)a;
	(void)act;
	return R_LAYOUT;
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

/* Cuts buf (of size n, text of len bytes) at a character boundary so that
 * an ellipsis fits, when the text was longer than the buffer. */
static void cut_with_ellipsis(char *buf, size_t n, int len)
{
	static const char ell[] = "\xE2\x80\xA6";   /* … */
	if (len < 0 || (size_t)len < n || n < sizeof ell)
		return;
	size_t end = n - sizeof ell;
	while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
		end--;
	memcpy(buf + end, ell, sizeof ell);
}

void app_cut(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	cut_with_ellipsis(buf, n, len);
}

/* A message names files and tags the user gave: a name with a control
 * byte or a line break must show as a name, not act on the terminal. */
static void make_line_safe(char *buf, size_t n)
{
	size_t len = strlen(buf);
	char *safe = NULL;
	size_t m;
	if (text_is_safe(buf, len) && !memchr(buf, '\t', len))
		return;
	if (text_sanitize_line(buf, len, &safe, &m) == 0) {
		int w = snprintf(buf, n, "%s", safe);
		cut_with_ellipsis(buf, n, w);
	}
	free(safe);
}

void app_message(app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	cut_with_ellipsis(a->msg, sizeof a->msg, len);
	make_line_safe(a->msg, sizeof a->msg);
	a->msg_error = error;
}

void app_relayout(app *a)
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

static void follow_text(app *a);

void app_clamp_text(app *a)
{
	if (!a->view)
		return;
	size_t max = app_last_top(a);
	if (a->text_top > max)
		a->text_top = max;
	if (a->text_top < wrap_view_first(a->view))
		a->text_top = wrap_view_first(a->view);
	follow_text(a);
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
	return a->text_top != before ? R_TEXT | R_QUOTES | R_STATUS : R_NONE;
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
 * (and from the list, in the open article) the selected quote when on
 * screen, else the first quote on screen, else the one the sidebar shows
 * first (the text follows it: the caller selects it). */
size_t app_current_quote(app *a)
{
	if (!a->quotes.n || !a->view)
		return SIZE_MAX;
	if (a->focus == PANE_QUOTES)
		return a->q_sel;
	size_t end = app_text_bottom(a);
	if (a->q_marked && a->quotes.v[a->q_sel].close > a->text_top && a->quotes.v[a->q_sel].open < end)
		return a->q_sel;
	for (size_t i = 0; i < a->quotes.n; i++)
		if (a->quotes.v[i].close > a->text_top && a->quotes.v[i].open < end)
			return i;
	return a->q_sel < a->quotes.n ? a->q_sel : SIZE_MAX;
}

/* ---- the sidebar --------------------------------------------------------------- */

/* The first quote that ends after off (quotes are in text order and do not
 * overlap, so their ends are in order too); quotes.n when none. */
size_t app_quote_ending_after(const app *a, size_t off)
{
	size_t lo = 0, hi = a->quotes.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->quotes.v[mid].close <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool app_quotes_on_screen(app *a, size_t *first, size_t *last)
{
	if (!a->view || !a->quotes.n)
		return false;
	size_t end = app_text_bottom(a), k = app_quote_ending_after(a, a->text_top);
	if (k == a->quotes.n || a->quotes.v[k].open >= end)
		return false;
	*first = k;
	while (k + 1 < a->quotes.n && a->quotes.v[k + 1].open < end)
		k++;
	*last = k;
	return true;
}

bool app_quote_on_screen(app *a, size_t i)
{
	size_t first, last;
	return app_quotes_on_screen(a, &first, &last) && i >= first && i <= last;
}

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
	size_t extra = 0;
	char *ctx = i == a->q_sel && a->q_marked && a->show_context ? app_quote_context_text(a, i) : NULL;
	if (ctx && wrap_range(ctx, 0, strlen(ctx), 0, app_quote_width(a) - 2, a->opts.tabwidth, &rows, &extra, &cap))
		extra = 0;
	free(ctx);
	free(rows);
	return (int)(n ? n : 1) + 2 + (int)extra;
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
	follow_text(a);
	return R_TEXT | R_QUOTES | R_STATUS;
}

/* After the text moved, the sidebar follows it: it shows the quotes on
 * screen from its top, and the selected quote, when it left the screen,
 * gives way to the nearest one on it (or, with none on screen, to the
 * nearest below, else above), so ] and [ go on from where you read. */
static void follow_text(app *a)
{
	if (!a->view || !a->quotes.n)
		return;
	size_t first, last;
	if (app_quotes_on_screen(a, &first, &last)) {
		if (a->q_sel < first)
			a->q_sel = first;
		else if (a->q_sel > last)
			a->q_sel = a->q_marked ? last : first;
		a->q_top = first;
	} else {
		size_t next = app_quote_ending_after(a, a->text_top);
		a->q_sel = a->q_top = next < a->quotes.n ? next : a->quotes.n - 1;
	}
	keep_quote_visible(a);
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
	free(a->path);
	a->path = NULL;
	FOR_HOOK(a, f, article_closed)
		f->article_closed(a);
	a->art = SIZE_MAX;
}

/* A comma (or an ideographic one) that ends the words of a quote belongs
 * to the sentence around it ("…," she said), not to what was said. */
char *app_quote_display_text(const doc *d, const quote *q)
{
	char *t = quote_text(d, q);
	if (!t)
		return NULL;
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n > 1 && t[n - 1] == ',')
		n--;
	else if (n > 3 && !memcmp(t + n - 3, "\xEF\xBC\x8C", 3))   /* ， */
		n -= 3;
	else
		return t;
	t[n] = '\0';
	return t;
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
		qt[k] = app_quote_display_text(d, &ql.v[k]);
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

void app_set_path(app *a, size_t i)
{
	free(a->path);
	a->path = corpus_item_label(a->corpus, i);
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
		const corpus_item *it = &a->corpus->v[i];
		app_message(a, true, "%s: %s", name ? name : "?", it->detail ? it->detail : error_message(it->error));
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
	app_set_path(a, i);
	a->corpus->v[i].nquotes = (long)a->quotes.n;
	a->msg[0] = '\0';
	restore_position(a);
	FOR_HOOK(a, f, article_opened)
		f->article_opened(a);
	return 0;
}

/* Esc: each feature gives up what it holds (a search, a selection), then
 * the quote marked in the text is unmarked. */
unsigned app_cancel(app *a)
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

/* ---- life cycle ---------------------------------------------------------------------------------- */

unsigned app_resize(app *a, int cols, int rows)
{
	a->cols = cols;
	a->rows = rows;
	app_relayout(a);
	FOR_HOOK(a, f, resized)
		f->resized(a);
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
	app_features_register(a);
	app_relayout(a);
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
	app_relayout(a);
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
