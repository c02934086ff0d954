#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "error.h"

/* ---- cells --------------------------------------------------------------------- */

static bool all_ascii(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)p[i] >= 0x80)
			return false;
	return true;
}

/* Draws one grapheme cluster of w columns; in a locale that is not UTF-8,
 * anything but ASCII shows as '?', one per column: an ASCII letter with
 * marks after it (e + U+0301, or a space + ZWJ) as the letter, since
 * curses would spell the marks' bytes out (~@~M) and push the row past
 * its pane. */
static void put_cluster(screen *s, WINDOW *w, const char *p, size_t len, int width)
{
	if (p[0] == '\t') {
		for (int i = 0; i < width; i++)
			waddch(w, ' ');
		return;
	}
	if (p[0] == '\n' || width <= 0)
		return;
	if (!s->t->utf8 && !all_ascii(p, len)) {
		if ((unsigned char)p[0] < 0x80 && width == 1) {
			waddch(w, (chtype)(unsigned char)p[0]);
			return;
		}
		for (int i = 0; i < width; i++)
			waddch(w, '?');
		return;
	}
	waddnstr(w, p, (int)len);
}

/* Draws text[0..n) from the cursor, at most maxw columns; returns the
 * columns used. With hits, in attribute at, the hits highlighted. */
static int put_span(screen *s, WINDOW *w, const char *text, size_t n, int maxw, const search_hits *hits,
                    attr_t at)
{
	int col = 0;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		int cw = wrap_cluster_width(text + i, n - i, col, 8, &len);
		if (col + cw > maxw)
			break;
		if (hits) {
			while (k < hits->n && hits->v[k].end <= i)
				k++;
			wattrset(w, k < hits->n && hits->v[k].start <= i ? s->t->attr[THEME_SEARCH_MATCH] : at);
		}
		put_cluster(s, w, text + i, len, cw);
		col += cw;
		i += len;
	}
	return col;
}

static int put_text(screen *s, WINDOW *w, const char *text, size_t n, int maxw)
{
	return put_span(s, w, text, n, maxw, NULL, A_NORMAL);
}

static int text_cols(const char *text)
{
	return wrap_str_width(text, strlen(text), 8);
}

/* put_text, but a text that does not fit ends with an ellipsis. */
static int put_text_cut(screen *s, WINDOW *w, const char *text, size_t n, int maxw)
{
	if (maxw <= 0)
		return 0;
	if (wrap_str_width(text, n, 8) <= maxw)
		return put_text(s, w, text, n, maxw);
	int used = put_text(s, w, text, n, maxw - 1);
	return used + put_text(s, w, s->t->utf8 ? "\xE2\x80\xA6" : "~", s->t->utf8 ? 3 : 1, 1);
}

/* A path shortened from the left, a folder at a time: ".../dev/en-b10.txt". */
static int put_path(screen *s, WINDOW *w, const char *path, int maxw)
{
	size_t n = strlen(path);
	if (wrap_str_width(path, n, 8) <= maxw)
		return put_text(s, w, path, n, maxw);
	const char *ell = s->t->utf8 ? "\xE2\x80\xA6" : "...";
	int ew = s->t->utf8 ? 1 : 3;
	for (const char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/'))
		if (wrap_str_width(p, strlen(p), 8) + ew <= maxw) {
			int used = put_text(s, w, ell, strlen(ell), ew);
			return used + put_text(s, w, p, strlen(p), maxw - used);
		}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return put_text_cut(s, w, base, strlen(base), maxw);
}

static void fill(WINDOW *w, int n)
{
	for (int i = 0; i < n; i++)
		waddch(w, ' ');
}

int draw_put_text(screen *s, WINDOW *w, const char *text, size_t n, int maxw)
{
	return put_text(s, w, text, n, maxw);
}

void draw_fill(WINDOW *w, int n)
{
	fill(w, n);
}

static void header(screen *s, app *a, enum pane p, const char *left, const char *right)
{
	WINDOW *w = s->win[p];
	int width = getmaxx(w);
	attr_t at = s->t->attr[a->focus == p ? THEME_FOCUSED_HEADER : THEME_HEADER];
	wattrset(w, at);
	wmove(w, 0, 0);
	int rw = right ? text_cols(right) : 0;
	int used = put_text(s, w, " ", 1, width);
	used += put_text_cut(s, w, left, strlen(left), width - used - rw - 1);
	fill(w, width - used - rw);
	if (right && rw <= width - used)
		put_text(s, w, right, strlen(right), rw);
	wattrset(w, A_NORMAL);
}

/* The separator on the left edge of an inner pane. */
static void separator(screen *s, app *a, enum pane p)
{
	if (a->lay.pane[p].x == 0)
		return;
	WINDOW *w = s->win[p];
	wattrset(w, s->t->attr[THEME_BORDER]);
	mvwvline(w, 1, 0, ACS_VLINE, getmaxy(w) - 1);
	wattrset(w, A_NORMAL);
}

/* ---- the list ---------------------------------------------------------------------- */

static void draw_list(screen *s, app *a)
{
	WINDOW *w = s->win[PANE_LIST];
	if (!w)
		return;
	werase(w);
	char right[64];
	size_t nrows = app_list_count(a);
	snprintf(right, sizeof right, "%zu/%zu%s ", nrows ? a->list_sel + 1 : 0, nrows,
	         nrows == a->corpus->n ? "" : " shown");
	/* a strip keeps its name rather than the count */
	header(s, a, PANE_LIST, "Articles", a->lay.pane[PANE_LIST].w >= 24 ? right : NULL);
	rect c = app_content(a, PANE_LIST);
	int x0 = c.x - a->lay.pane[PANE_LIST].x;
	for (int y = 0; y < c.h; y++) {
		size_t row = a->list_top + (size_t)y;
		if (row >= nrows)
			break;
		size_t i = app_list_item(a, row);
		const char *title = corpus_title(a->corpus, i);
		long nq = app_list_quotes(a, i);
		corpus_item *it = &a->corpus->v[i];
		char count[48] = "";
		size_t tagged = app_list_tagged(a, i);
		if (it->error)
			snprintf(count, sizeof count, " [%s]", error_message(it->error));
		else if (it->big)
			snprintf(count, sizeof count, " %zuM", it->size >> 20);
		else if (nq >= 0 && tagged)
			snprintf(count, sizeof count, " %zut %ld", tagged, nq);
		else if (nq >= 0)
			snprintf(count, sizeof count, " %ld", nq);
		bool sel = row == a->list_sel;
		attr_t at = sel ? s->t->attr[THEME_CURSOR] : A_NORMAL;
		wattrset(w, at);
		wmove(w, y + 1, x0 - 1 < 0 ? 0 : x0 - 1);
		waddch(w, it->marked ? '*' : i == a->art ? '>' : ' ');
		if (it->marked && !sel)
			wattrset(w, s->t->attr[THEME_MARKED]);
		int cw = text_cols(count);
		if (cw > c.w - 1)   /* a long reason is cut, not wrapped onto the next row */
			cw = c.w > 1 ? c.w - 1 : 0;
		int used = put_text_cut(s, w, title, strlen(title), c.w - cw - 1);
		fill(w, c.w - used - cw);
		if (it->error)
			wattrset(w, sel ? at : s->t->attr[THEME_MESSAGE]);
		put_text(s, w, count, strlen(count), cw);
		wattrset(w, A_NORMAL);
	}
	separator(s, a, PANE_LIST);
}

/* ---- the text ------------------------------------------------------------------------- */

static attr_t text_attr(screen *s, app *a, size_t pos)
{
	attr_t at = A_NORMAL;
	/* the first quote ending after pos holds it when it opens before (a
	 * binary search: this runs for every cluster drawn) */
	size_t q = app_quote_ending_after(a, pos), lo, hi;
	if (q < a->quotes.n && a->quotes.v[q].open <= pos)
		at = s->t->attr[a->q_marked && q == a->q_sel ? THEME_QUOTE_SELECTED : THEME_QUOTE];
	if (a->hits.n && a->search_pane == PANE_TEXT && !a->search_help) {
		lo = 0;
		hi = a->hits.n;
		while (lo < hi) {   /* the first hit ending after pos */
			size_t mid = lo + (hi - lo) / 2;
			if (a->hits.v[mid].end <= pos)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < a->hits.n && a->hits.v[lo].start <= pos)
			at = s->t->attr[lo == a->hit ? THEME_SEARCH_CURRENT : THEME_SEARCH_MATCH];
	}
	if (a->visual) {
		size_t vs, ve;
		app_visual_bounds(a, &vs, &ve);
		if (pos == a->vcur)
			at = s->t->attr[THEME_CURSOR] | A_BOLD;
		else if (pos >= vs && pos < ve)
			at = s->t->attr[THEME_SELECTION];
	}
	return at;
}

static void draw_text_row(screen *s, app *a, WINDOW *w, int y, int x0, int width, const wrap_row *r)
{
	wmove(w, y, x0);
	if (r->gap)
		return;
	const char *text = a->doc->text;
	int col = 0;
	for (size_t pos = r->start; pos < r->end;) {
		size_t len;
		int cw = wrap_cluster_width(text + pos, r->end - pos, col, a->opts.tabwidth, &len);
		if (col + cw > width)
			break;
		wattrset(w, text_attr(s, a, pos));
		put_cluster(s, w, text + pos, len, cw);
		col += cw;
		pos += len;
	}
	wattrset(w, A_NORMAL);
}

static void draw_text(screen *s, app *a)
{
	WINDOW *w = s->win[PANE_TEXT];
	if (!w)
		return;
	werase(w);
	header(s, a, PANE_TEXT, a->doc ? a->doc->title : "(no article)", NULL);
	separator(s, a, PANE_TEXT);
	if (!a->view)
		return;
	rect c = app_content(a, PANE_TEXT);
	wrap_row rows[512];
	int x0 = c.x - a->lay.pane[PANE_TEXT].x;
	size_t n = wrap_view_rows(a->view, a->text_top, rows, c.h < 512 ? (size_t)c.h : 512);
	for (size_t i = 0; i < n; i++)
		draw_text_row(s, a, w, (int)i + 1, x0, c.w, &rows[i]);
	if ((int)n < c.h && app_text_percent(a) == 100) {   /* as less: the reader sees the text ends here */
		wmove(w, (int)n + 1, x0);
		wattrset(w, s->t->attr[THEME_STATUS]);
		put_text(s, w, "(END)", 5, c.w);
		wattrset(w, A_NORMAL);
	}
}

/* ---- the sidebar -------------------------------------------------------------------------- */

/* A quote that is on screen in the text gets a heavy bar on the
 * sidebar's left edge (its separator), row by row. */
static void on_screen_bar(screen *s, WINDOW *w, int y, bool on)
{
	if (!on || getbegx(w) == 0)
		return;
	wattrset(w, s->t->attr[THEME_FOCUSED_HEADER]);
	if (s->t->utf8)
		mvwaddstr(w, y, 0, "\xE2\x94\x83");   /* ┃ */
	else
		mvwaddch(w, y, 0, '|' | A_BOLD);
	wattrset(w, A_NORMAL);
}

/* The sentence that names quote i's speaker, under it (c). */
static int draw_context(screen *s, app *a, WINDOW *w, int y, int bottom, int x0, size_t i)
{
	char *t = app_quote_context_text(a, i);
	if (!t)
		return y;
	int qw = app_quote_width(a);
	wrap_row *rows = NULL;
	size_t n = 0, cap = 0;
	wrap_range(t, 0, strlen(t), 0, qw - 2, a->opts.tabwidth, &rows, &n, &cap);
	wattrset(w, s->t->attr[THEME_SPEAKER_GUESS]);
	for (size_t k = 0; k < n && y < bottom; k++, y++) {
		wmove(w, y, x0 + 3);
		put_text(s, w, k ? "  " : s->t->utf8 ? "\xC2\xBB " : "> ", k || !s->t->utf8 ? 2 : 3, 2);
		put_text(s, w, t + rows[k].start, rows[k].end - rows[k].start, qw - 2);
	}
	wattrset(w, A_NORMAL);
	free(rows);
	free(t);
	return y;
}

/* Draws quote i from row y (on: it is on screen in the text); returns the
 * next free row. */
static int draw_quote(screen *s, app *a, WINDOW *w, int y, int bottom, int x0, size_t i, bool on)
{
	const char *t = a->qtext[i] ? a->qtext[i] : "";
	int qw = app_quote_width(a);
	wrap_row *rows = NULL;
	size_t n = 0, cap = 0;
	wrap_range(t, 0, strlen(t), 0, qw, a->opts.tabwidth, &rows, &n, &cap);
	bool sel = i == a->q_sel && a->q_marked;
	attr_t at = sel ? s->t->attr[THEME_CURSOR] : A_NORMAL;
	char num[32];
	snprintf(num, sizeof num, a->q_mark[i] ? "%2zu*" : "%2zu ", i + 1);
	if (a->q_mark[i] && !sel)
		at = s->t->attr[THEME_MARKED];
	for (size_t k = 0; k < (n ? n : 1) && y < bottom; k++, y++) {
		on_screen_bar(s, w, y, on);
		wmove(w, y, x0);
		wattrset(w, at);
		put_text(s, w, k ? "   " : num, 3, 3);
		int used = n ? put_text(s, w, t + rows[k].start, rows[k].end - rows[k].start, qw) : 0;
		if (sel)
			fill(w, qw - used);
	}
	free(rows);
	if (y < bottom) {
		on_screen_bar(s, w, y, on);
		wmove(w, y++, x0);
		wattrset(w, at);
		put_text(s, w, "   ", 3, 3);
		bool guess, user;
		const char *who = app_quote_speaker(a, i, &guess, &user);
		wattrset(w, sel ? at : s->t->attr[guess || !who ? THEME_SPEAKER_GUESS : THEME_SPEAKER]);
		/* one word for "nobody found" everywhere; a guess says so with its "?" */
		char line[512];
		snprintf(line, sizeof line, "%s %s%s", s->t->utf8 ? "\xE2\x80\x94" : "--",
		         who ? who : EXPORT_UNKNOWN_SPEAKER, guess ? "?" : user ? " (yours)" : "");
		int used = put_text_cut(s, w, line, strlen(line), qw);
		const tag_entry *e = app_quote_tags(a, i);
		if (e) {
			char tags[256] = " [";
			for (size_t k = 0; k < e->ntags && strlen(tags) + strlen(e->tags[k]) + 4 < sizeof tags; k++) {
				if (k)
					strcat(tags, ", ");
				strcat(tags, e->tags[k]);
			}
			strcat(tags, "]");
			wattrset(w, sel ? at : s->t->attr[THEME_TAG]);
			used += put_text(s, w, tags, strlen(tags), qw - used);
		}
		long also = app_quote_also(a, i);
		if (also > 0) {   /* the same quote in other articles of the index: = shows them */
			char more[64];
			snprintf(more, sizeof more, "  also in %ld article%s", also, also == 1 ? "" : "s");
			wattrset(w, sel ? at : s->t->attr[THEME_TAG]);
			used += put_text(s, w, more, strlen(more), qw - used);
		}
		if (sel)
			fill(w, qw - used);
	}
	if (sel && a->show_context)
		y = draw_context(s, a, w, y, bottom, x0, i);
	wattrset(w, A_NORMAL);
	return y + 1;
}

static void draw_quotes(screen *s, app *a)
{
	WINDOW *w = s->win[PANE_QUOTES];
	if (!w)
		return;
	werase(w);
	char right[64] = "";
	if (a->quotes.n)
		snprintf(right, sizeof right, "%zu/%zu ", a->q_sel + 1, a->quotes.n);
	header(s, a, PANE_QUOTES, "Quotes", right);
	separator(s, a, PANE_QUOTES);
	rect c = app_content(a, PANE_QUOTES);
	int x0 = c.x - a->lay.pane[PANE_QUOTES].x, y = 1, bottom = c.h + 1;
	if (!a->quotes.n) {
		wmove(w, 1, x0);
		put_text(s, w, "No quotes found", 15, c.w);
	}
	size_t first = 1, last = 0;   /* the quotes on screen in the text: none */
	app_quotes_on_screen(a, &first, &last);
	for (size_t i = a->q_top; i < a->quotes.n && y < bottom; i++)
		y = draw_quote(s, a, w, y, bottom, x0, i, i >= first && i <= last);
}

/* ---- status line, help, too small ------------------------------------------------------------- */

static const char *pane_name(enum pane p)
{
	return p == PANE_LIST ? "list" : p == PANE_TEXT ? "text" : "quotes";
}

/* The right part of the status line: where you are and what is chosen. */
static void status_right(app *a, char *buf, size_t n)
{
	size_t len = 0;
#define ADD(...) (len += (size_t)snprintf(buf + len, len < n ? n - len : 0, __VA_ARGS__))
	ADD(" ");
	if (a->visual)
		ADD("VISUAL  ");
	int pct = app_text_percent(a);
	if (pct == 100)
		ADD("(END)  ");
	else
		ADD("%d%%  ", pct);
	if (a->quotes.n && a->q_marked)
		ADD("quote %zu/%zu  ", a->q_sel + 1, a->quotes.n);
	else
		ADD("%zu quotes  ", a->quotes.n);
	if (a->pattern && a->match_n)
		ADD("match %zu/%zu  ", a->match_i + 1, a->match_n);
	size_t marked = a->focus == PANE_LIST ? a->marked_articles : app_marked_quotes(a);
	if (marked)
		ADD("%zu marked  ", marked);
	ADD("%s ", pane_name(a->focus));
	if (a->progress[0])
		ADD("%s ", a->progress);
	if (a->lv.filter[0] || a->lv.order != LO_PATH)   /* the list is narrowed or sorted: say how */
		ADD("&%.40s%s by %s ", a->lv.filter, a->lv.filter[0] ? "" : "(all)", app_list_order_name(a));
#undef ADD
	if (len >= n && n)
		buf[n - 1] = '\0';
}

static void draw_status(screen *s, app *a)
{
	WINDOW *w = s->status;
	if (!w)
		return;
	int width = getmaxx(w);
	werase(w);
	wattrset(w, s->t->attr[THEME_STATUS]);
	wmove(w, 0, 0);
	fill(w, width);
	wmove(w, 0, 0);
	if (a->prompt.kind == PROMPT_OVERWRITE || a->prompt.kind == PROMPT_CONFIRM) {
		put_text_cut(s, w, a->msg, strlen(a->msg), width);
		curs_set(1);
		return;
	}
	if (a->prompt.kind != PROMPT_NONE) {
		const char *lead = a->prompt.kind == PROMPT_TAG ? "Tag (Tab completes): "
		                 : a->prompt.kind == PROMPT_FILTER ? "Show tag (empty: all; Tab completes): "
		                 : a->prompt.kind == PROMPT_PERSONS ? "Speakers named: "
		                 : a->prompt.kind == PROMPT_LIST ? "Articles with (words, speaker:, lang:, source:, text:): "
		                 : a->prompt.kind == PROMPT_EXPORT ? "Export to: "
		                 : a->prompt.kind == PROMPT_SPEAKER ? "Said by (empty: as found): "
		                 : a->prompt.backward ? "?" : "/";
		int used = put_text(s, w, lead, strlen(lead), width);
		int before = put_text(s, w, a->prompt.buf, a->prompt.cur, width - used - 1);
		put_text(s, w, a->prompt.buf + a->prompt.cur, a->prompt.len - a->prompt.cur, width - used - before - 1);
		wmove(w, 0, used + before);
		curs_set(1);
		if (a->msg[0]) {
			int mw = text_cols(a->msg);
			if (mw + 2 < width - used - before) {
				wmove(w, 0, width - mw - 1);
				put_text(s, w, a->msg, strlen(a->msg), mw);
				wmove(w, 0, used + before);
			}
		}
		return;
	}
	curs_set(0);
	char right[200];
	status_right(a, right, sizeof right);
	char left[64];
	snprintf(left, sizeof left, " [%zu/%zu] ", (a->art == SIZE_MAX ? app_list_item(a, a->list_sel) : a->art) + 1, a->corpus->n);
	int rw = text_cols(right);
	int used = put_text(s, w, left, strlen(left), width - rw);
	if (a->msg[0]) {
		wattrset(w, a->msg_error ? s->t->attr[THEME_MESSAGE] | A_REVERSE : s->t->attr[THEME_STATUS] | A_BOLD);
		if (a->msg_error && !s->t->color)
			wattrset(w, A_BOLD);
		used += put_text_cut(s, w, a->msg, strlen(a->msg), width - used - rw);
		wattrset(w, s->t->attr[THEME_STATUS]);
	} else if (a->path) {
		/* the file says which article this is: titles guessed from a first sentence may not */
		used += put_path(s, w, a->path, width - used - rw);
	} else if (a->doc) {
		used += put_text_cut(s, w, a->doc->title, strlen(a->doc->title), width - used - rw);
	}
	if (rw <= width - used) {
		wmove(w, 0, width - rw);
		put_text(s, w, right, strlen(right), rw);
	}
	wattrset(w, A_NORMAL);
}

/* The focused pane's main keys, above the status line. */
static void draw_keybar(screen *s, app *a)
{
	WINDOW *w = s->keybar;
	if (!w)
		return;
	int width = getmaxx(w), used = 0;
	werase(w);
	struct keybar_item items[KEYBAR_MAX];
	size_t n = keyhelp_bar(s->km, app_keyctx(a), items);
	wmove(w, 0, 0);
	for (size_t i = 0; i < n; i++) {
		int need = text_cols(items[i].key) + 1 + text_cols(items[i].label) + 2;
		if (used + need > width)
			break;
		wattrset(w, s->t->attr[THEME_HELP_KEY]);
		used += put_text(s, w, " ", 1, 1) + put_text(s, w, items[i].key, strlen(items[i].key), width - used);
		wattrset(w, A_NORMAL);
		used += put_text(s, w, " ", 1, 1);
		used += put_text(s, w, items[i].label, strlen(items[i].label), width - used);
		used += put_text(s, w, " ", 1, 1);
	}
}

/* Draws text[0..n) from the cursor in attribute at, the search matches in
 * it highlighted, at most maxw columns; returns the columns used. */
static int put_found(screen *s, app *a, const char *text, size_t n, int maxw, attr_t at)
{
	search_hits h = { 0 };
	if (a->pattern && a->search_help)
		search_all(text, 0, n, a->pattern, &h);
	int col = put_span(s, stdscr, text, n, maxw, &h, at);
	search_hits_free(&h);
	attrset(A_NORMAL);
	return col;
}

/* One row of the help: keys, then what they do; never wider than the
 * screen (curses would wrap it into the rows below). */
static void help_row(screen *s, app *a, int y, size_t i)
{
	int width = a->cols - 2, used = 0;
	move(y, 1);
	if (a->help_what == HELP_WARNINGS || !s->help.n) {
		const char *t = app_help_line(a, i);
		put_found(s, a, t, strlen(t), width, A_NORMAL);
		return;
	}
	const struct help_line *l = &s->help.v[i];
	if (l->kind == HELP_HEADING) {
		put_found(s, a, l->text, strlen(l->text), width, A_BOLD | A_UNDERLINE);
		return;
	}
	if (l->kind != HELP_ENTRY)
		return;
	/* keys wider than their column are cut when the row would not fit */
	int kw = text_cols(l->keys), kmax = s->help.keys_width > 1 ? s->help.keys_width : 1;
	if (kw <= kmax || kw + 2 + text_cols(l->text) <= width) {
		used = put_found(s, a, l->keys, strlen(l->keys), width, s->t->attr[THEME_HELP_KEY]);
	} else {
		used = put_found(s, a, l->keys, strlen(l->keys), kmax - 1, s->t->attr[THEME_HELP_KEY]);
		attrset(s->t->attr[THEME_HELP_KEY]);
		used += put_text(s, stdscr, s->t->utf8 ? "\xE2\x80\xA6" : "~", s->t->utf8 ? 3 : 1, 1);
		attrset(A_NORMAL);
	}
	int pad = s->help.keys_width + 2 - used > 0 ? s->help.keys_width + 2 - used : 1;
	if (used + pad >= width)
		return;
	fill(stdscr, pad);
	used += pad;
	put_found(s, a, l->text, strlen(l->text), width - used, A_NORMAL);
}

/* The help (or the warnings) over the panes, above the key bar and the
 * status line, which show the search prompt and its messages. */
static void draw_help(screen *s, app *a)
{
	erase();
	int bottom = a->lay.keybar.h ? a->lay.keybar.y : a->lay.status.y;
	size_t rows = bottom > 1 ? (size_t)bottom - 1 : 1, n = app_help_lines(a);
	size_t max_top = n > rows ? n - rows : 0;
	if (a->help_top > max_top)
		a->help_top = max_top;
	attrset(s->t->attr[THEME_FOCUSED_HEADER]);
	move(0, 0);
	fill(stdscr, a->cols);
	move(0, 0);
	const char *title = a->help_what == HELP_WARNINGS
	                    ? " quoth: warnings about the config and keymap files (q or Esc closes) "
	                    : " quoth help: keys of the active keymap (q or Esc closes, / searches) ";
	put_text_cut(s, stdscr, title, strlen(title), a->cols);
	attrset(A_NORMAL);
	for (size_t k = 0; k < rows && a->help_top + k < n; k++)
		help_row(s, a, (int)k + 1, a->help_top + k);
	wnoutrefresh(stdscr);
}

static void draw_tagged(screen *s, app *a)
{
	erase();
	char head[160];
	snprintf(head, sizeof head, " Tagged quotes%s%s%s: %zu   (Enter opens, f filters, Space marks, e/y export, q closes) ",
	         *a->tv.filter ? " [" : "", a->tv.filter, *a->tv.filter ? "]" : "", a->tv.n);
	attrset(s->t->attr[THEME_FOCUSED_HEADER]);
	move(0, 0);
	fill(stdscr, a->cols);
	move(0, 0);
	put_text_cut(s, stdscr, head, strlen(head), a->cols);
	attrset(A_NORMAL);
	int bottom = a->lay.keybar.h ? a->lay.keybar.y : a->lay.status.y;
	if (!a->tv.n) {
		move(2, 2);
		const char *none = "No tagged quotes yet: tag a quote with 1-9 or t in the sidebar.";
		put_text(s, stdscr, none, strlen(none), a->cols - 3);
	}
	int y = 1;
	for (size_t i = a->tv.top; i < a->tv.n && y + 1 < bottom; i++, y += 2) {
		const tag_entry *e = a->tv.v[i];
		bool sel = i == a->tv.sel;
		attr_t base = sel ? s->t->attr[THEME_CURSOR] : A_NORMAL;
		char tags[256] = "";
		for (size_t k = 0; k < e->ntags && strlen(tags) + strlen(e->tags[k]) + 3 < sizeof tags; k++) {
			strcat(tags, k ? ", " : "");
			strcat(tags, e->tags[k]);
		}
		move(y, 0);
		attrset(base);
		addch(a->tv.marked[i] ? '*' : ' ');
		attrset(sel ? base : s->t->attr[THEME_TAG]);
		int used = 1 + put_text(s, stdscr, tags, strlen(tags), a->cols - 2);
		attrset(sel ? base : s->t->attr[THEME_SPEAKER]);
		char who[300];
		const char *speaker = *e->user_speaker ? e->user_speaker : *e->speaker ? e->speaker : EXPORT_UNKNOWN_SPEAKER;
		snprintf(who, sizeof who, "  \xE2\x80\x94 %s  %s%s", speaker, e->title, e->orphaned ? "  [orphaned]" : "");
		used += put_text_cut(s, stdscr, who, strlen(who), a->cols - used - 1);
		attrset(base);
		if (sel)
			fill(stdscr, a->cols - used);
		move(y + 1, 3);
		used = 3 + put_text_cut(s, stdscr, e->text, strlen(e->text), a->cols - 4);
		if (sel)
			fill(stdscr, a->cols - used);
		attrset(A_NORMAL);
	}
	wnoutrefresh(stdscr);
}

static void draw_too_small(app *a)
{
	erase();
	char msg[96];
	snprintf(msg, sizeof msg, "Terminal too small (%dx%d); quoth needs %dx%d. q quits.",
	         a->cols, a->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	int len = (int)strlen(msg);
	for (int y = 0, off = 0; y < a->rows && off < len; y++, off += a->cols) {
		move(y, 0);
		addnstr(msg + off, a->cols);
	}
	wnoutrefresh(stdscr);
}

/* ---- windows ----------------------------------------------------------------------------------- */

static void drop_windows(screen *s)
{
	for (int p = 0; p < PANE__COUNT; p++) {
		if (s->win[p])
			delwin(s->win[p]);
		s->win[p] = NULL;
	}
	if (s->status)
		delwin(s->status);
	s->status = NULL;
	if (s->keybar)
		delwin(s->keybar);
	s->keybar = NULL;
}

static void make_windows(screen *s, app *a)
{
	drop_windows(s);
	for (int p = 0; p < PANE__COUNT; p++) {
		rect r = a->lay.pane[p];
		if (r.h > 0 && r.w > 0)
			s->win[p] = newwin(r.h, r.w, r.y, r.x);
	}
	rect st = a->lay.status;
	s->status = newwin(st.h, st.w, st.y, st.x);
	rect kb = a->lay.keybar;
	if (kb.h > 0)
		s->keybar = newwin(kb.h, kb.w, kb.y, kb.x);
}

void draw_free(screen *s)
{
	drop_windows(s);
	keyhelp_free(&s->help);
}

void draw(screen *s, app *a, unsigned flags)
{
	if (flags & R_LAYOUT) {
		drop_windows(s);
		clearok(curscr, TRUE);
		erase();
		wnoutrefresh(stdscr);
		if (a->lay.too_small) {
			draw_too_small(a);
			doupdate();
			return;
		}
		make_windows(s, a);   /* the tagged view and the help use the status line and the key bar */
		if (a->help)
			draw_help(s, a);
		else if (a->cv.mode != CV_CLOSED)
			draw_corpus(s, a);
		else if (a->tv.open)
			draw_tagged(s, a);
		flags |= R_PANES;
	}
	if (a->lay.too_small)
		return;
	if (a->help || a->tv.open || a->cv.mode != CV_CLOSED) {
		draw_status(s, a);
		draw_keybar(s, a);
		wnoutrefresh(s->status);
		if (s->keybar)
			wnoutrefresh(s->keybar);
		doupdate();
		return;
	}
	if (flags & R_LIST)
		draw_list(s, a);
	if (flags & R_TEXT)
		draw_text(s, a);
	if (flags & R_QUOTES)
		draw_quotes(s, a);
	if (flags & (R_STATUS | R_LIST | R_TEXT | R_QUOTES)) {
		draw_status(s, a);
		draw_keybar(s, a);
		if (s->keybar)
			wnoutrefresh(s->keybar);
	}
	for (int p = 0; p < PANE__COUNT; p++)
		if (s->win[p] && (flags & (p == PANE_LIST ? R_LIST : p == PANE_TEXT ? R_TEXT : R_QUOTES)))
			wnoutrefresh(s->win[p]);
	if (s->status)
		wnoutrefresh(s->status);
	doupdate();
}
