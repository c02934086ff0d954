/* Big files through a window, and the work done between key presses: a
 * search through a big file a slice at a time, and indexing the list. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app_internal.h"
#include "error.h"

/* A search through a big file goes on a piece at a time, as long as one
 * idle turn may last, so that keys and Esc are read between turns. */
#define SEARCH_PIECE (4u << 20)
#define SEARCH_BUDGET_NS 20000000L
/* How long one idle turn may index list items. */
#define INDEX_BUDGET_NS 5000000L
/* The list shows its indexing progress from this many articles on. */
#define INDEX_SHOW_FROM 1000

/* Where a new window starts, before the position it is opened for. */
#define LEAD (WINDOW_BYTES / 4)

static void end_search(app *a)
{
	a->bsearch.active = false;
	search_scan_free(a->bsearch.scan);
	a->bsearch.scan = NULL;
}

void app_big_close(app *a)
{
	bigdoc_close(a->big);
	a->big = NULL;
	a->win_s = a->win_e = 0;
	end_search(a);
}

/* Replaces the window by one holding raw offset `raw`, the text showing it
 * on the top row; keeps the selected quote when it is in both windows. */
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

int app_big_open(app *a, size_t i)
{
	bigdoc *b = NULL;
	int rc = bigdoc_open(a->corpus->v[i].path, &b);
	if (rc) {
		a->corpus->v[i].error = rc;
		app_message(a, true, "%s", error_message(rc));
		return rc;
	}
	app_save_position(a);
	app_drop_doc(a);
	app_big_close(a);
	a->big = b;
	a->art = i;
	a->corpus->v[i].id = b->id;
	a->corpus->v[i].has_id = true;
	position p;
	size_t top = a->opts.positions && positions_get(a->opts.positions, b->id, &p) && p.top < b->size ? p.top : 0;
	rc = app_big_slide(a, top, LEAD);
	if (rc) {
		app_big_close(a);
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
void app_big_follow(app *a, long rows)
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

unsigned app_big_end(app *a, bool last)
{
	if (app_big_slide(a, last ? a->big->size : 0, last ? WINDOW_BYTES : 0))
		return R_STATUS;
	a->text_top = last ? app_last_top(a) : wrap_view_first(a->view);
	return R_PANES;
}

/* ---- searching a big file ---------------------------------------------------------- */

static long elapsed_ns(const struct timespec *t0);

unsigned app_big_search(app *a, bool forward)
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

void app_big_search_stop(app *a)
{
	end_search(a);
	a->progress[0] = '\0';
}

/* Opens the window at a match found at raw offset r and selects it. */
static unsigned found(app *a, size_t r)
{
	bool wrapped = a->bsearch.wrapped;
	app_big_search_stop(a);
	if (app_big_slide(a, r, LEAD))
		return R_STATUS;
	bool w;
	a->hit = search_next(&a->hits, r - a->win_s, true, &w);
	if (a->hit < a->hits.n)
		app_show_offset(a, a->hits.v[a->hit].start);
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

static unsigned search_slice(app *a)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t at = 0;
	enum step st;
	do
		st = a->bsearch.forward ? step_forward(a, &at) : step_backward(a, &at);
	while (st == STEP_ON && elapsed_ns(&t0) < SEARCH_BUDGET_NS);
	if (st == STEP_FOUND)
		return found(a, at);
	if (st == STEP_NONE) {
		app_big_search_stop(a);
		app_message(a, true, "Pattern not found");
		return R_STATUS;
	}
	size_t size = a->big->size, done = a->bsearch.forward ? a->bsearch.pos : size - a->bsearch.pos;
	snprintf(a->progress, sizeof a->progress, "Searching %d%% (Esc stops)", (int)(done * 100 / size));
	return R_STATUS;
}

/* ---- idle work ------------------------------------------------------------------------ */

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
	return a->bsearch.active || a->index_next < a->corpus->n;
}

unsigned app_idle(app *a)
{
	if (a->bsearch.active)
		return search_slice(a);
	if (a->index_next < a->corpus->n)
		return index_slice(a);
	return R_NONE;
}
