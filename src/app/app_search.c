/* Search: incremental as the pattern is typed, in the focused pane
 * (article text, list titles, quotes), as search.h compares; n/N go on, through the
 * rest of a big file a slice per idle turn. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app_big.h"
#include "error.h"
#include "app_features.h"

/* A search through a big file goes on a piece at a time, as long as one
 * idle turn may last, so that keys and Esc are read between turns. */
#define SEARCH_PIECE (4u << 20)
#define SEARCH_TURN_NS 20000000L

static unsigned big_search(app *a, bool forward);

static void search_clear(app *a)
{
	free(a->pattern);
	a->pattern = NULL;
	search_hits_free(&a->hits);
	a->hit = 0;
	a->match_i = a->match_n = 0;
}

/* ---- finding ------------------------------------------------------------------ */

/* Searching the list, the sidebar or the help counts its rows up to this
 * many for "match 3/12"; past it only the current row is known. */
#define COUNT_ROWS_MAX 20000

static bool contains(const app *a, const char *s)
{
	return s && search_contains(s, strlen(s), a->pattern);
}

/* The rows searched when it is not the text: list titles, quotes with
 * their speakers, help lines. */
static size_t rows_n(const app *a)
{
	if (a->search_help)
		return app_help_lines(a);
	return a->search_pane == PANE_LIST ? app_list_count(a) : a->quotes.n;
}

static bool row_matches(app *a, size_t i)
{
	if (a->search_help)
		return contains(a, app_help_line(a, i));
	if (a->search_pane == PANE_LIST)
		return contains(a, corpus_title(a->corpus, app_list_item(a, i)));
	return contains(a, a->qtext[i]) || contains(a, a->quotes.v[i].speaker);
}

static size_t row_now(const app *a)
{
	if (a->search_help)
		return a->help_top;
	return a->search_pane == PANE_LIST ? a->list_sel : a->q_sel;
}

static size_t row_before(const app *a)
{
	const place *p = &a->before_search;
	if (a->search_help)
		return p->help_top;
	return a->search_pane == PANE_LIST ? p->list_sel : p->q_sel;
}

static void row_select(app *a, size_t i)
{
	if (a->search_help) {
		a->help_top = i > 2 ? i - 2 : 0;
	} else if (a->search_pane == PANE_LIST) {
		a->list_sel = i;
		size_t h = (size_t)app_content(a, PANE_LIST).h;
		if (i < a->list_top || i >= a->list_top + h)
			a->list_top = i >= h / 3 ? i - h / 3 : 0;
	} else {
		a->q_sel = i;
		a->q_marked = true;
		a->q_top = i;
	}
}

/* The next row at or after (before) `from` that matches, wrapping once;
 * n when none. */
static size_t find_row(app *a, size_t from, size_t n, bool backward, bool *wrapped)
{
	*wrapped = false;
	for (size_t k = 0; k < n; k++) {
		size_t i = backward ? (from + n - k) % n : (from + k) % n;
		if (row_matches(a, i)) {
			*wrapped = backward ? i > from : i < from;
			return i;
		}
	}
	return n;
}

/* "match i/n" for the status line: which match is the current one. */
static void count_rows(app *a, size_t cur)
{
	size_t n = rows_n(a);
	a->match_i = a->match_n = 0;
	if (n > COUNT_ROWS_MAX)
		return;
	for (size_t i = 0; i < n; i++)
		if (row_matches(a, i)) {
			a->match_n++;
			if (i <= cur)
				a->match_i = a->match_n - 1;
		}
}

static void restore_place(app *a);

/* Moves to the match in the text at or after (before) the place the
 * search started from (incremental), or after (before) the current one
 * (n/N). False when there is none. */
static bool text_match(app *a, bool backward, bool from_start, bool *wrapped)
{
	if (!a->hits.n)
		return false;
	place *p = &a->before_search;
	size_t off;
	if (from_start)
		off = backward ? p->text_top + 1 : p->text_top;
	else
		off = a->hit < a->hits.n ? a->hits.v[a->hit].start + (backward ? 0 : 1) : a->text_top;
	a->hit = search_next(&a->hits, off, !backward, wrapped);
	if (from_start)
		a->text_top = p->text_top;
	app_show_offset(a, a->hits.v[a->hit].start);   /* the same rule as a jump to a quote */
	a->match_i = a->hit;
	a->match_n = a->hits.n;
	return true;
}

static bool row_match(app *a, bool backward, bool from_start, bool *wrapped)
{
	size_t n = rows_n(a), cur = row_now(a);
	if (!n)
		return false;
	size_t from = from_start ? row_before(a) : (backward ? cur + n - 1 : cur + 1) % n;
	size_t i = find_row(a, from, n, backward, wrapped);
	if (i == n)
		return false;
	row_select(a, i);
	count_rows(a, i);
	return true;
}

/* Selects the match at or after (before) the place the search started from
 * (incremental) or after (before) the current one (n/N). */
static unsigned go_to_match(app *a, bool backward, bool from_start)
{
	bool wrapped = false, text = a->search_pane == PANE_TEXT && !a->search_help;
	if (text && a->big && !from_start && (!a->hits.n || a->hit >= a->hits.n ||
	             (backward ? a->hit == 0 : a->hit + 1 >= a->hits.n)))
		return big_search(a, !backward);   /* on through the rest of the file */
	if (text && a->big && !a->hits.n) {
		app_message(a, false, "Not in this part of the file: Enter searches all of it");
		return R_PANES;
	}
	if (!(text ? text_match(a, backward, from_start, &wrapped) : row_match(a, backward, from_start, &wrapped))) {
		/* as less: a pattern typed on that is not found puts the screen back */
		a->match_i = a->match_n = 0;
		if (from_start)
			restore_place(a);
		app_message(a, true, "Pattern not found");
		return a->search_help ? R_LAYOUT : R_PANES;
	}
	if (wrapped)
		app_message(a, false, backward ? "Search wrapped to the bottom" : "Search wrapped to the top");
	else if (!from_start)
		a->msg[0] = '\0';
	return a->search_help ? R_LAYOUT : R_PANES;
}

static void save_place(app *a)
{
	place *p = &a->before_search;
	p->list_sel = a->list_sel;
	p->list_top = a->list_top;
	p->text_top = a->text_top;
	p->q_sel = a->q_sel;
	p->q_top = a->q_top;
	p->q_marked = a->q_marked;
	p->help_top = a->help_top;
}

static void restore_place(app *a)
{
	place *p = &a->before_search;
	a->list_sel = p->list_sel;
	a->list_top = p->list_top;
	a->text_top = p->text_top;
	a->q_sel = p->q_sel;
	a->q_top = p->q_top;
	a->q_marked = p->q_marked;
	a->help_top = p->help_top;
}

/* Sets the pattern to what the prompt holds and finds its matches. */
static unsigned search_update(app *a)
{
	search_clear(a);
	a->msg[0] = '\0';
	a->pattern = search_fold_pattern(a->prompt.buf, a->prompt.len);
	if (!a->pattern) {
		restore_place(a);
		return a->search_help ? R_LAYOUT : R_PANES;
	}
	if (a->search_pane == PANE_TEXT && !a->search_help && a->doc &&
	    search_all(a->doc->text, 0, a->doc->len, a->pattern, &a->hits))
		app_message(a, true, "%s", error_message(Q_ENOMEM));
	return go_to_match(a, a->prompt.backward, true);
}

static unsigned search_start(app *a, enum action act)
{
	bool backward = act == ACT_SEARCH_BACK;
	app_prompt_open(a, PROMPT_SEARCH, "");
	a->prompt.backward = backward;
	a->search_pane = a->focus;
	a->search_help = a->help;
	a->search_backward = backward;
	a->hist_pos = a->nhistory;
	save_place(a);
	a->msg[0] = '\0';
	return R_STATUS;
}

static unsigned search_step(app *a, enum action act)
{
	if (a->pattern && a->search_help && !a->help)
		search_clear(a);   /* that search was in the help, which is closed */
	if (!a->pattern) {
		app_message(a, true, "No previous search");
		return R_STATUS;
	}
	bool backward = a->search_backward != (act == ACT_SEARCH_PREV);
	return go_to_match(a, backward, false);
}

/* ---- the search prompt ------------------------------------------------------------- */

static void remember(app *a)
{
	size_t max = a->opts.history_max;
	if (!a->prompt.len || !max)
		return;
	if (a->nhistory && !strcmp(a->history[a->nhistory - 1], a->prompt.buf))
		return;
	if (!a->history && !(a->history = calloc(max, sizeof *a->history)))
		return;
	char *s = strdup(a->prompt.buf);
	if (!s)
		return;
	if (a->nhistory == max) {
		free(a->history[0]);
		memmove(a->history, a->history + 1, (max - 1) * sizeof *a->history);
		a->nhistory--;
	}
	a->history[a->nhistory++] = s;
}

static unsigned recall(app *a, int dir)
{
	if (dir < 0 && a->hist_pos > 0)
		a->hist_pos--;
	else if (dir > 0 && a->hist_pos < a->nhistory)
		a->hist_pos++;
	else
		return R_NONE;
	app_prompt_set(a, a->hist_pos < a->nhistory ? a->history[a->hist_pos] : "");
	return search_update(a);
}

static unsigned search_accept(app *a)
{
	remember(a);
	if (!a->pattern)
		a->msg[0] = '\0';
	else if (a->big && a->search_pane == PANE_TEXT && !a->hits.n)
		return big_search(a, !a->prompt.backward);   /* not in the window: on through the file */
	return R_PANES;
}

static unsigned search_cancel(app *a)
{
	search_clear(a);
	restore_place(a);
	a->msg[0] = '\0';
	return R_PANES;
}

static const app_prompt_ops search_prompt = {
	.accept = search_accept,
	.cancel = search_cancel,
	.changed = search_update,
	.recall = recall,
};

/* ---- searching a big file ---------------------------------------------------------- */

static unsigned big_search(app *a, bool forward)
{
	if (!a->big || !a->pattern)
		return R_NONE;
	/* the window is a sample of the file for choosing the rarest character */
	search_scan_free(a->bsearch.scan);
	a->bsearch.scan = search_scan_new(a->pattern, a->big->raw + a->win_s, a->win_e - a->win_s);
	if (!a->bsearch.scan) {
		app_message(a, true, "%s", error_message(Q_ENOMEM));
		return R_STATUS;
	}
	search_scan_reader(a->bsearch.scan, bigdoc_read, a->big);
	a->bsearch.active = true;
	a->bsearch.forward = forward;
	a->bsearch.wrapped = false;
	size_t cur = a->hit < a->hits.n ? a->win_s + a->hits.v[a->hit].start : app_file_top(a);
	a->bsearch.origin = cur;
	a->bsearch.pos = forward ? (a->win_e > cur + 1 ? a->win_e : cur + 1) : (a->win_s < cur ? a->win_s : cur);
	snprintf(a->progress, sizeof a->progress, "Searching…");
	return R_STATUS;
}

static void big_search_stop(app *a)
{
	a->bsearch.active = false;
	search_scan_free(a->bsearch.scan);
	a->bsearch.scan = NULL;
	a->progress[0] = '\0';
}

/* Opens the window at a match found at raw offset r and selects it. */
static unsigned found(app *a, size_t r)
{
	bool wrapped = a->bsearch.wrapped;
	big_search_stop(a);
	if (app_big_slide(a, r, APP_BIG_LEAD))
		return R_STATUS;
	bool w;
	a->hit = search_next(&a->hits, r - a->win_s, true, &w);
	if (a->hit < a->hits.n)
		app_show_offset(a, a->hits.v[a->hit].start);
	a->match_i = a->hit;
	a->match_n = a->hits.n;   /* in the window */
	if (wrapped)
		app_message(a, false, a->bsearch.forward ? "Search wrapped to the top" : "Search wrapped to the bottom");
	return R_PANES;
}

/* The first (forward) or last match beginning in raw bytes [lo, hi). */
static bool scan(app *a, size_t lo, size_t hi, size_t *at)
{
	search_hits h = { 0 };
	bool forward = a->bsearch.forward;
	search_scan_run(a->bsearch.scan, a->big->raw, a->big->size, lo, hi, forward, &h);
	bool ok = h.n > 0;
	if (ok)
		*at = h.v[forward ? 0 : h.n - 1].start;
	search_hits_free(&h);
	bigdoc_release(a->big, lo, hi);
	return ok;
}

enum step { STEP_ON, STEP_FOUND, STEP_NONE };

/* One piece forward from pos, up to the end of the file, then from the top
 * up to where the search began. */
static enum step step_forward(app *a, size_t *at)
{
	size_t size = a->big->size, lo = a->bsearch.pos;
	size_t hi = search_cut(a->big->raw, size, lo + SEARCH_PIECE);
	if (a->bsearch.wrapped && hi > a->bsearch.origin)
		hi = a->bsearch.origin + 1;
	if (lo < hi && scan(a, lo, hi, at))
		return STEP_FOUND;
	a->bsearch.pos = hi;
	if (hi >= size && !a->bsearch.wrapped) {
		a->bsearch.wrapped = true;
		a->bsearch.pos = 0;
	} else if (a->bsearch.wrapped && hi > a->bsearch.origin) {
		return STEP_NONE;
	}
	return STEP_ON;
}

/* The same backward: pieces before pos down to the top, then from the end. */
static enum step step_backward(app *a, size_t *at)
{
	size_t size = a->big->size, hi = a->bsearch.pos;
	size_t lo = hi > SEARCH_PIECE ? search_cut(a->big->raw, size, hi - SEARCH_PIECE) : 0;
	if (lo >= hi)
		lo = hi > SEARCH_PIECE ? hi - SEARCH_PIECE : 0;
	if (a->bsearch.wrapped && lo < a->bsearch.origin)
		lo = a->bsearch.origin;
	if (lo < hi && scan(a, lo, hi, at))
		return STEP_FOUND;
	a->bsearch.pos = lo;
	if (lo == 0 && !a->bsearch.wrapped) {
		a->bsearch.wrapped = true;
		a->bsearch.pos = size;
	} else if (a->bsearch.wrapped && lo <= a->bsearch.origin) {
		return STEP_NONE;
	}
	return STEP_ON;
}

/* Whether the turn that began at t0 has had its time. */
static bool turn_over(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000000000L + (t.tv_nsec - t0->tv_nsec) >= SEARCH_TURN_NS;
}

static unsigned search_slice(app *a)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t at = 0;
	enum step st;
	do
		st = a->bsearch.forward ? step_forward(a, &at) : step_backward(a, &at);
	while (st == STEP_ON && !turn_over(&t0));
	if (st == STEP_FOUND)
		return found(a, at);
	if (st == STEP_NONE) {
		big_search_stop(a);
		app_message(a, true, "Pattern not found");
		return R_STATUS;
	}
	size_t size = a->big->size, done = a->bsearch.forward ? a->bsearch.pos : size - a->bsearch.pos;
	snprintf(a->progress, sizeof a->progress, "Searching %d%% (Esc stops)", (int)(done * 100 / size));
	return R_STATUS;
}

/* ---- the feature --------------------------------------------------------------------- */

static int search_doc_installed(app *a)
{
	if (a->pattern && a->search_pane == PANE_TEXT)
		search_all(a->doc->text, 0, a->doc->len, a->pattern, &a->hits);
	return 0;
}

static void search_doc_dropped(app *a)
{
	search_hits_free(&a->hits);
	a->hit = 0;
}

static void search_article_closed(app *a)
{
	if (a->bsearch.active)
		big_search_stop(a);
}

/* Esc stops a search through a big file (and nothing else), or forgets the pattern. */
static unsigned search_esc(app *a)
{
	if (a->bsearch.active) {
		big_search_stop(a);
		app_message(a, false, "Search stopped");
		return R_STATUS | R_STOP;
	}
	if (!a->pattern)
		return R_NONE;
	search_clear(a);
	return R_PANES;
}

static bool search_busy(const app *a)
{
	return a->bsearch.active;
}

static void search_free(app *a)
{
	search_clear(a);
	big_search_stop(a);
	for (size_t i = 0; i < a->nhistory; i++)
		free(a->history[i]);
	free(a->history);
	a->history = NULL;
	a->nhistory = 0;
}

const app_feature app_search_feature = {
	.name = "search",
	.on_action = {
		[ACT_SEARCH] = search_start, [ACT_SEARCH_BACK] = search_start,
		[ACT_SEARCH_NEXT] = search_step, [ACT_SEARCH_PREV] = search_step,
	},
	.prompt = { [PROMPT_SEARCH] = &search_prompt },
	.doc_installed = search_doc_installed,
	.doc_dropped = search_doc_dropped,
	.article_closed = search_article_closed,
	.cancel = search_esc,
	.busy = search_busy,
	.idle = search_slice,
	.free = search_free,
};
