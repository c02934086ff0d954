/* The views of the corpus index, a layer over the panes:
 *   S   every speaker with their quotes and articles, most quoted first (o
 *       sorts by name), f narrows them as you type; Enter lists the
 *       speaker's quotes across the corpus, Enter on one opens its article
 *       at the quote;
 *   =   the selected quote as other articles carry it: the variants one
 *       above the other, each with its words added and dropped against the
 *       first (wdiff.h); Enter opens the article of a variant.
 * The sidebar says "also in N articles" beside a quote found elsewhere:
 * the groups of the open article are read when it opens. Without an index
 * the keys say how to make one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_features.h"
#include "error.h"
#include "indexer.h"
#include "search.h"

/* A view reads at most this many quotes: it opens at once whatever the
 * corpus (a speaker quoted thousands of times), and says so. */
#define VIEW_MAX 1000

/* ---- the open article's groups (for the sidebar) ---- */

static void forget_groups(app *a)
{
	free(a->cv.also);
	free(a->cv.groups);
	a->cv.also = NULL;
	a->cv.groups = NULL;
	a->cv.nq = 0;
}

/* For each quote of the open article: the other articles its group spans. */
int app_read_groups(app *a)
{
	forget_groups(a);
	if (!a->opts.index || !a->doc || a->big || !a->quotes.n || a->art == SIZE_MAX)
		return 0;
	char *key = indexer_key(a->corpus->v[a->art].path);
	index_hit *h = NULL;
	size_t n = 0;
	if (!key || index_article_quotes(a->opts.index, key, &h, &n)) {
		free(key);
		return 0;   /* not in the index (yet): the sidebar has nothing to add */
	}
	free(key);
	a->cv.also = calloc(a->quotes.n, sizeof *a->cv.also);
	a->cv.groups = calloc(a->quotes.n, sizeof *a->cv.groups);
	if (a->cv.also && a->cv.groups) {
		a->cv.nq = a->quotes.n;
		for (size_t k = 0; k < n; k++)
			for (size_t i = 0; i < a->quotes.n; i++)
				if (a->quotes.v[i].id == h[k].qid && h[k].group) {
					a->cv.groups[i] = h[k].group;
					a->cv.also[i] = h[k].group_articles - 1;
				}
	} else {
		forget_groups(a);
	}
	index_hits_free(h, n);
	return 0;
}

long app_quote_also(const app *a, size_t i)
{
	return i < a->cv.nq ? a->cv.also[i] : 0;
}

/* ---- the speakers ---- */

/* The page of hits read, and their differences. */
static void drop_page(app *a)
{
	corpus_view *cv = &a->cv;
	for (size_t i = 0; i < cv->npage; i++) {
		free(cv->page[i].strings);
		if (cv->diffs)
			wdiff_free(&cv->diffs[i]);
	}
	free(cv->page);
	free(cv->diffs);
	cv->page = NULL;
	cv->diffs = NULL;
	cv->page_first = cv->npage = 0;
}

static void drop_hits(app *a)
{
	drop_page(a);
	free(a->cv.base.strings);
	a->cv.base = (index_hit){ 0 };
	free(a->cv.ids);
	a->cv.ids = NULL;
	a->cv.nids = a->cv.sel = a->cv.top = 0;
}

const index_hit *app_cv_hit(const app *a, size_t k)
{
	const corpus_view *cv = &a->cv;
	return k >= cv->page_first && k - cv->page_first < cv->npage ? &cv->page[k - cv->page_first] : NULL;
}

const wdiff *app_cv_diff(const app *a, size_t k)
{
	const corpus_view *cv = &a->cv;
	return k && cv->diffs && app_cv_hit(a, k) ? &cv->diffs[k - cv->page_first] : NULL;
}

/* Each variant of the page against the first (a variant lost since: no
 * difference). */
static int diff_page(app *a)
{
	corpus_view *cv = &a->cv;
	cv->diffs = calloc(cv->npage + 1, sizeof *cv->diffs);
	if (!cv->diffs)
		return Q_ENOMEM;
	const char *base = cv->base.text;
	for (size_t i = 0; base && i < cv->npage; i++) {
		const char *t = cv->page[i].text;
		if (t && cv->page_first + i) {
			int rc = wdiff_words(base, strlen(base), t, strlen(t), &cv->diffs[i]);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Makes sure the entries from top to a screenful below are read: reads
 * two screenfuls from top when they are not (a screen shows at most a
 * row an entry). */
static int read_page(app *a)
{
	corpus_view *cv = &a->cv;
	size_t rows = a->rows > 0 ? (size_t)a->rows : 1, left = cv->nids - (cv->top < cv->nids ? cv->top : cv->nids);
	size_t need = rows < left ? rows : left;
	if (!need || (cv->top >= cv->page_first && cv->top + need <= cv->page_first + cv->npage))
		return 0;
	drop_page(a);
	size_t n = 2 * rows < left ? 2 * rows : left;
	cv->page = malloc(n * sizeof *cv->page);
	if (!cv->page)
		return Q_ENOMEM;
	int rc = index_hits_by_ids(a->opts.index, cv->ids + cv->top, n, cv->page);
	if (rc) {
		free(cv->page);
		cv->page = NULL;
		return rc;
	}
	cv->page_first = cv->top;
	cv->npage = n;
	return cv->mode == CV_GROUP ? diff_page(a) : 0;
}

/* read_page, a failure said on the status line. */
static unsigned page_in(app *a, unsigned redraw)
{
	int rc = read_page(a);
	if (!rc)
		return redraw;
	drop_page(a);
	app_message(a, true, "Index: %s", error_message(rc));
	return redraw | R_STATUS;
}

static bool need_index(app *a)
{
	if (a->opts.index)
		return true;
	app_message(a, true, "No corpus index: quit and run quoth index PATH... (it makes one)");
	return false;
}

/* Derives speakers and groups when articles changed since (the reader's
 * own indexing, or a run cut short). */
static bool fresh_index(app *a)
{
	qindex *ix = a->opts.index;
	if (!index_derive_needed(ix, &a->opts.names) || index_readonly(ix))
		return true;
	int rc = index_derive(ix, &a->opts.names);
	if (rc == Q_ELOCK)
		app_message(a, false, "The index is being written by another quoth: speakers may be out of date");
	else if (rc)
		app_message(a, true, "Index: %s", error_message(rc));
	return true;
}

static bool person_matches(const index_person *p, const char *folded)
{
	if (search_contains(p->name, strlen(p->name), folded))
		return true;
	for (size_t k = 0; k < p->nforms; k++)
		if (search_contains(p->forms[k], strlen(p->forms[k]), folded))
			return true;
	return false;
}

static int by_name(const void *x, const void *y, void *ctx)
{
	const index_person *v = ctx;
	const char *a = v[*(const size_t *)x].name, *b = v[*(const size_t *)y].name;
	int c = strcasecmp(a, b);
	return c ? c : strcmp(a, b);
}

/* The persons shown: those the filter lets through, in the chosen order. */
static void refilter(app *a)
{
	corpus_view *cv = &a->cv;
	free(cv->shown);
	cv->shown = malloc((cv->npersons + 1) * sizeof *cv->shown);
	cv->nshown = 0;
	if (!cv->shown)
		return;
	char *folded = cv->filter[0] ? search_fold_pattern_loose(cv->filter, strlen(cv->filter)) : NULL;
	for (size_t i = 0; i < cv->npersons; i++)
		if (!folded || person_matches(&cv->persons[i], folded))
			cv->shown[cv->nshown++] = i;
	free(folded);
	if (cv->by_name && cv->nshown > 1)
		qsort_r(cv->shown, cv->nshown, sizeof *cv->shown, by_name, cv->persons);
	cv->psel = cv->ptop = 0;
}

static unsigned open_speakers(app *a, enum action act)
{
	(void)act;
	if (!need_index(a) || !fresh_index(a))
		return R_STATUS;
	corpus_view *cv = &a->cv;
	index_persons_free(cv->persons, cv->npersons);
	cv->persons = NULL;
	cv->npersons = 0;
	int rc = index_persons(a->opts.index, &cv->persons, &cv->npersons);
	if (rc) {
		app_message(a, true, "Index: %s", error_message(rc));
		return R_STATUS;
	}
	drop_hits(a);
	refilter(a);
	cv->mode = CV_SPEAKERS;
	if (!cv->npersons)
		app_message(a, false, "No speakers in the index yet");
	return R_LAYOUT;
}

/* ---- a list of quotes: a speaker's, or the variants of a group ---- */

static unsigned show_person(app *a)
{
	corpus_view *cv = &a->cv;
	if (!cv->nshown)
		return R_NONE;
	const index_person *p = &cv->persons[cv->shown[cv->psel]];
	drop_hits(a);
	int rc = index_person_quote_ids(a->opts.index, p->id, VIEW_MAX, &cv->ids, &cv->nids);
	if (rc) {
		app_message(a, true, "Index: %s", error_message(rc));
		return R_STATUS;
	}
	snprintf(cv->title, sizeof cv->title, "%s", p->name);
	cv->total = (size_t)p->nquotes;
	cv->mode = CV_QUOTES;
	cv->from_speakers = true;
	return page_in(a, R_LAYOUT);
}

static unsigned open_group(app *a, enum action act)
{
	(void)act;
	if (!need_index(a))
		return R_STATUS;
	size_t q = app_current_quote(a);
	if (q == SIZE_MAX && a->focus == PANE_LIST && a->quotes.n)
		q = a->q_sel;   /* from the list: the open article's selected quote */
	if (q == SIZE_MAX) {
		app_message(a, false, "No quote selected");
		return R_STATUS;
	}
	if (q >= a->cv.nq || !a->cv.groups[q]) {
		app_message(a, false, a->cv.nq ? "No other article of the index carries this quote"
		                                : "This article is not in the index yet");
		return R_STATUS;
	}
	corpus_view *cv = &a->cv;
	drop_hits(a);
	int rc = index_group_quote_ids(a->opts.index, cv->groups[q], VIEW_MAX, &cv->ids, &cv->nids);
	if (!rc && cv->nids)
		rc = index_hits_by_ids(a->opts.index, cv->ids, 1, &cv->base);
	if (!rc) {
		cv->mode = CV_GROUP;
		rc = read_page(a);
	}
	if (rc) {
		drop_hits(a);
		cv->mode = CV_CLOSED;
		app_message(a, true, "Index: %s", error_message(rc));
		return R_STATUS;
	}
	snprintf(cv->title, sizeof cv->title, "%s", a->qtext && a->qtext[q] ? a->qtext[q] : "");
	cv->total = (size_t)a->cv.also[q] + 1;   /* articles */
	cv->from_speakers = false;
	return R_LAYOUT;
}

/* Opens the article of a hit at its quote: added to the corpus when the
 * reader was not started on it. */
static unsigned open_hit(app *a, const index_hit *h)
{
	size_t item = SIZE_MAX;
	for (size_t i = 0; i < a->corpus->n && item == SIZE_MAX; i++) {
		char *key = indexer_key(a->corpus->v[i].path);
		if (key && !strcmp(key, h->path))
			item = i;
		free(key);
	}
	if (item == SIZE_MAX) {
		if (corpus_add_path(a->corpus, h->path)) {
			app_message(a, true, "Out of memory");
			return R_STATUS;
		}
		item = a->corpus->n - 1;
		app_list_set_rows(a, NULL, 0);
	}
	uint64_t qid = h->qid;
	a->cv.mode = CV_CLOSED;
	return app_open_at_quote(a, item, qid, "The article changed since it was indexed: the quote is not in it now");
}

/* ---- moving and keys in the views ---- */

static size_t view_rows(const app *a)
{
	int h = a->rows - 2;
	return h > 0 ? (size_t)h : 1;
}

/* Rows an entry takes: a speaker one, a quote two. */
static size_t entry_rows(const app *a)
{
	return a->cv.mode == CV_SPEAKERS ? 1 : 2;
}

static unsigned cv_move(app *a, enum action act)
{
	corpus_view *cv = &a->cv;
	bool people = cv->mode == CV_SPEAKERS;
	size_t n = people ? cv->nshown : cv->nids, *sel = people ? &cv->psel : &cv->sel,
	       *top = people ? &cv->ptop : &cv->top;
	if (!n)
		return R_NONE;
	long page = (long)(view_rows(a) / entry_rows(a)), s = (long)*sel;
	switch (act) {
	case ACT_MOVE_UP: s--; break;
	case ACT_MOVE_DOWN: s++; break;
	case ACT_PAGE_UP: s -= page; break;
	case ACT_PAGE_DOWN: s += page; break;
	case ACT_HALF_PAGE_UP: s -= page / 2; break;
	case ACT_HALF_PAGE_DOWN: s += page / 2; break;
	case ACT_MOVE_FIRST: s = 0; break;
	default: s = (long)n - 1; break;
	}
	*sel = s < 0 ? 0 : (size_t)s >= n ? n - 1 : (size_t)s;
	size_t h = (size_t)page ? (size_t)page : 1;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + h)
		*top = *sel - h + 1;
	return people ? R_LAYOUT : page_in(a, R_LAYOUT);
}

static unsigned cv_open(app *a, enum action act)
{
	(void)act;
	if (a->cv.mode == CV_SPEAKERS)
		return show_person(a);
	const index_hit *h = app_cv_hit(a, a->cv.sel);
	if (h && !h->text) {
		app_message(a, false, "That quote is no longer in the index (its article was removed)");
		return R_STATUS;
	}
	return h ? open_hit(a, h) : R_NONE;
}

static unsigned cv_back(app *a, enum action act)
{
	(void)act;
	if (a->cv.mode != CV_SPEAKERS && a->cv.from_speakers) {
		drop_hits(a);
		a->cv.mode = CV_SPEAKERS;
	} else {
		a->cv.mode = CV_CLOSED;
	}
	return R_LAYOUT;
}

static unsigned cv_sort(app *a, enum action act)
{
	(void)act;
	if (a->cv.mode != CV_SPEAKERS)
		return R_NONE;
	a->cv.by_name = !a->cv.by_name;
	refilter(a);
	app_message(a, false, a->cv.by_name ? "Speakers by name" : "Speakers by number of quotes");
	return R_LAYOUT;
}

static unsigned cv_filter(app *a, enum action act)
{
	(void)act;
	if (a->cv.mode != CV_SPEAKERS)
		return R_NONE;
	app_prompt_open(a, PROMPT_PERSONS, a->cv.filter);
	return R_STATUS;
}

static unsigned cv_redraw(app *a, enum action act)
{
	(void)a;
	(void)act;
	return R_LAYOUT;
}

static bool cv_up(const app *a)
{
	return a->cv.mode != CV_CLOSED;
}

/* The filter as you type; Esc takes it away. */
static unsigned filter_changed(app *a)
{
	snprintf(a->cv.filter, sizeof a->cv.filter, "%s", a->prompt.buf);
	refilter(a);
	return R_LAYOUT;
}

static unsigned filter_cancel(app *a)
{
	a->cv.filter[0] = '\0';
	refilter(a);
	return R_LAYOUT;
}

static unsigned filter_accept(app *a)
{
	(void)a;
	return R_LAYOUT;
}

static const app_prompt_ops speaker_prompt = {
	.accept = filter_accept,
	.changed = filter_changed,
	.cancel = filter_cancel,
};

/* ---- events ---- */

static void cv_article_opened(app *a)
{
	app_read_groups(a);
}

/* The rows on screen are read again: an article may have gone, or changed. */
static void cv_index_changed(app *a)
{
	app_read_groups(a);
	if (a->cv.mode == CV_QUOTES || a->cv.mode == CV_GROUP) {
		drop_page(a);
		page_in(a, 0);
	}
}

static void cv_doc_dropped(app *a)
{
	forget_groups(a);
}

/* A taller screen shows more entries: read them. */
static void cv_resized(app *a)
{
	if (a->cv.mode == CV_QUOTES || a->cv.mode == CV_GROUP)
		page_in(a, 0);
}

static void cv_free(app *a)
{
	forget_groups(a);
	drop_hits(a);
	index_persons_free(a->cv.persons, a->cv.npersons);
	free(a->cv.shown);
	memset(&a->cv, 0, sizeof a->cv);
}

const app_feature app_corpus_feature = {
	.name = "corpus views",
	.on_action = { [ACT_SPEAKERS] = open_speakers, [ACT_SAME_QUOTE] = open_group },
	.prompt = { [PROMPT_PERSONS] = &speaker_prompt },
	.layer = {
		.active = cv_up,
		.modal = true,
		.keyctx = KC_INDEX,
		.on_action = {
			[ACT_MOVE_UP] = cv_move, [ACT_MOVE_DOWN] = cv_move,
			[ACT_PAGE_UP] = cv_move, [ACT_PAGE_DOWN] = cv_move,
			[ACT_HALF_PAGE_UP] = cv_move, [ACT_HALF_PAGE_DOWN] = cv_move,
			[ACT_MOVE_FIRST] = cv_move, [ACT_MOVE_LAST] = cv_move,
			[ACT_OPEN] = cv_open, [ACT_FILTER] = cv_filter, [ACT_LIST_SORT] = cv_sort,
			[ACT_HELP] = app_pass,
			[ACT_SPEAKERS] = cv_back, [ACT_QUIT] = cv_back, [ACT_CANCEL] = cv_back,
			[ACT_REDRAW] = cv_redraw,
		},
	},
	.article_opened = cv_article_opened,
	.index_changed = cv_index_changed,
	.doc_dropped = cv_doc_dropped,
	.resized = cv_resized,
	.free = cv_free,
};
