/* Search: incremental as the pattern is typed, in the focused pane
 * (article text, list titles, quotes), case-folded; n/N go on, through the
 * rest of a big file a slice per idle turn. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_big.h"
#include "error.h"
#include "app_features.h"

/* Bytes of a big file searched per idle turn. */
#define SEARCH_SLICE (4u << 20)

static unsigned big_search(app *a, bool forward);

static void search_clear(app *a)
{
	free(a->pattern);
	a->pattern = NULL;
	search_hits_free(&a->hits);
	a->hit = 0;
}

/* ---- finding ------------------------------------------------------------------ */

static bool quote_matches(const app *a, size_t i)
{
	const char *t = a->qtext[i];
	const char *s = a->quotes.v[i].speaker;
	return (t && search_contains(t, strlen(t), a->pattern)) || (s && search_contains(s, strlen(s), a->pattern));
}

/* The next row of the list or the sidebar at or after (before) `from`
 * that matches, wrapping once; n when none. */
static size_t find_row(app *a, size_t from, size_t n, bool backward, bool *wrapped)
{
	*wrapped = false;
	for (size_t k = 0; k < n; k++) {
		size_t i = backward ? (from + n - k) % n : (from + k) % n;
		bool hit;
		if (a->search_pane == PANE_LIST) {
			const char *t = corpus_title(a->corpus, app_list_item(a, i));
			hit = search_contains(t, strlen(t), a->pattern);
		} else {
			hit = quote_matches(a, i);
		}
		if (hit) {
			*wrapped = backward ? i > from : i < from;
			return i;
		}
	}
	return n;
}

/* Selects the match at or after (before) the place the search started from
 * (incremental) or after (before) the current one (n/N). */
static unsigned go_to_match(app *a, bool backward, bool from_start)
{
	bool wrapped = false;
	place *p = &a->before_search;
	if (a->search_pane == PANE_TEXT) {
		if (a->big && !from_start && (!a->hits.n || a->hit >= a->hits.n ||
		              (backward ? a->hit == 0 : a->hit + 1 >= a->hits.n)))
			return big_search(a, !backward);   /* on through the rest of the file */
		if (!a->hits.n) {
			if (a->big) {
				app_message(a, false, "Not in this part of the file: Enter searches all of it");
				return R_PANES;
			}
			goto none;
		}
		size_t off;
		if (from_start)
			off = backward ? p->text_top + 1 : p->text_top;
		else
			off = a->hit < a->hits.n ? a->hits.v[a->hit].start + (backward ? 0 : 1) : a->text_top;
		a->hit = search_next(&a->hits, off, !backward, &wrapped);
		size_t start = a->hits.v[a->hit].start;
		if (from_start)
			a->text_top = p->text_top;
		app_show_offset(a, start);   /* the same rule as a jump to a quote */
	} else {
		size_t n = a->search_pane == PANE_LIST ? app_list_count(a) : a->quotes.n;
		size_t cur = a->search_pane == PANE_LIST ? a->list_sel : a->q_sel;
		size_t from = from_start ? (a->search_pane == PANE_LIST ? p->list_sel : p->q_sel)
		                         : (backward ? cur + n - 1 : cur + 1) % (n ? n : 1);
		size_t i = n ? find_row(a, from, n, backward, &wrapped) : n;
		if (i == n)
			goto none;
		if (a->search_pane == PANE_LIST) {
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
	if (wrapped)
		app_message(a, false, backward ? "Search wrapped to the bottom" : "Search wrapped to the top");
	else if (!from_start)
		a->msg[0] = '\0';
	return R_PANES;
none:
	app_message(a, true, "Pattern not found");
	return R_PANES;
}

static void save_place(app *a)
{
	place *p = &a->before_search;
	p->list_sel = a->list_sel;
	p->list_top = a->list_top;
	p->text_top = a->text_top;
	p->q_sel = a->q_sel;
	p->q_top = a->q_top;
}

static void restore_place(app *a)
{
	place *p = &a->before_search;
	a->list_sel = p->list_sel;
	a->list_top = p->list_top;
	a->text_top = p->text_top;
	a->q_sel = p->q_sel;
	a->q_top = p->q_top;
}

/* Sets the pattern to what the prompt holds and finds its matches. */
static unsigned search_update(app *a)
{
	search_clear(a);
	a->msg[0] = '\0';
	a->pattern = search_fold_pattern(a->prompt.buf, a->prompt.len);
	if (!a->pattern) {
		restore_place(a);
		return R_PANES;
	}
	if (a->search_pane == PANE_TEXT && a->doc &&
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
	a->search_backward = backward;
	a->hist_pos = a->nhistory;
	save_place(a);
	a->msg[0] = '\0';
	return R_STATUS;
}

static unsigned search_step(app *a, enum action act)
{
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
	if (wrapped)
		app_message(a, false, a->bsearch.forward ? "Search wrapped to the top" : "Search wrapped to the bottom");
	return R_PANES;
}

/* One slice of the scan: [lo, hi) of the raw file. */
static bool scan(app *a, size_t lo, size_t hi, bool last_hit, size_t *at)
{
	search_hits h = { 0 };
	size_t plen = strlen(a->pattern) * 2 + 8;   /* a match may run past the slice */
	size_t end = hi + plen < a->big->size ? hi + plen : a->big->size;
	search_all(a->big->raw, lo, end, a->pattern, &h);
	bool ok = false;
	for (size_t i = 0; i < h.n; i++) {
		if (h.v[i].start >= hi)
			break;
		if (h.v[i].start >= a->win_s && h.v[i].start < a->win_e && !a->bsearch.wrapped)
			continue;   /* the window was searched already */
		*at = h.v[i].start;
		ok = true;
		if (!last_hit)
			break;
	}
	search_hits_free(&h);
	bigdoc_release(a->big, lo, end);
	return ok;
}

static unsigned search_slice(app *a)
{
	size_t size = a->big->size, at;
	if (a->bsearch.forward) {
		size_t lo = a->bsearch.pos, hi = lo + SEARCH_SLICE < size ? lo + SEARCH_SLICE : size;
		if (a->bsearch.wrapped && hi > a->bsearch.origin)
			hi = a->bsearch.origin + 1;
		if (lo < hi && scan(a, lo, hi, false, &at))
			return found(a, at);
		a->bsearch.pos = hi;
		if (hi >= size && !a->bsearch.wrapped) {
			a->bsearch.wrapped = true;
			a->bsearch.pos = 0;
		} else if (a->bsearch.wrapped && hi > a->bsearch.origin) {
			goto none;
		}
		snprintf(a->progress, sizeof a->progress, "Searching %d%% (Esc stops)",
		         (int)(a->bsearch.pos * 100 / size));
		return R_STATUS;
	}
	size_t hi = a->bsearch.pos, lo = hi > SEARCH_SLICE ? hi - SEARCH_SLICE : 0;
	if (a->bsearch.wrapped && lo < a->bsearch.origin)
		lo = a->bsearch.origin;
	if (lo < hi && scan(a, lo, hi, true, &at))
		return found(a, at);
	a->bsearch.pos = lo;
	if (lo == 0 && !a->bsearch.wrapped) {
		a->bsearch.wrapped = true;
		a->bsearch.pos = size;
	} else if (a->bsearch.wrapped && lo <= a->bsearch.origin) {
		goto none;
	}
	snprintf(a->progress, sizeof a->progress, "Searching %d%% (Esc stops)",
	         (int)((size - a->bsearch.pos) * 100 / size));
	return R_STATUS;
none:
	big_search_stop(a);
	app_message(a, true, "Pattern not found");
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
