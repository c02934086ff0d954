/* The article list narrowed and sorted:
 *   &   a filter, applied as you type: words of the title, and speaker:NAME,
 *       lang:CODE, source:NAME (each part must match; case and accents as
 *       search folds them); the status line shows it, Esc clears it;
 *   o   the order: path, date, title, number of quotes, and round again.
 * Titles, speakers, languages, dates and sources come from the corpus
 * index, read once in idle time into flat arrays (app_list_meta.h; again
 * after the reader indexed more), so that a key costs a pass over the rows
 * shown: a key that makes the filter longer looks only at the rows the
 * last one let through, a speaker or a word of the text is looked up once
 * a key, not a row. An article the index does not know matches by its
 * title only and sorts last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_features.h"
#include "error.h"
#include "indexer.h"
#include "app_list_meta.h"
#include "search.h"

/* How long a key reads the table that idle time has not finished: the
 * key is answered within it, and the rest is read in idle time, after
 * which the rows follow the filter (a key must stay under 50 ms; the
 * table of 100,000 articles takes a few hundred). */
#define LIST_KEY_NS 15000000L

static const char reading_note[] = "Reading the corpus index for the list...";

/* The table of what the index knows, read on towards stage until for as
 * long as a key may (a key that came before idle time finished it). When
 * the index cannot be read, one message, and the filter sees the titles
 * the corpus knows. */
static list_meta *meta_of(app *a, enum lm_stage until)
{
	long budget = a->lv.key_ns ? a->lv.key_ns : LIST_KEY_NS;
	list_meta *m = a->lv.meta;
	if (m && m->nitems != a->corpus->n) {
		list_meta_free(m);
		m = a->lv.meta = NULL;
	}
	if (!m && !(m = a->lv.meta = list_meta_new(a->corpus->n)))
		return NULL;
	a->lv.meta_gave_up = false;
	int rc = list_meta_step(m, m->without_index ? NULL : a->opts.index, a->corpus, budget, until);
	if (rc && !m->without_index) {
		app_message(a, true, "The corpus index could not be read (%s): the filter sees titles only",
		            error_message(rc));
		list_meta_free(m);
		if (!(m = a->lv.meta = list_meta_new(a->corpus->n)))
			return NULL;
		m->without_index = true;
		rc = list_meta_step(m, NULL, a->corpus, budget, until);
	}
	return rc ? NULL : m;
}

static void meta_free(app *a)
{
	list_meta_free(a->lv.meta);
	a->lv.meta = NULL;
	a->lv.meta_gave_up = false;   /* (a filter pending stays: read again for it) */
}

/* The title of item i as the filter compares it and the list sorts by
 * it (case and accents folded), without reading its file: the index's,
 * else the one already peeked, or the file name; "" none. */
static const char *ftitle_of(const list_meta *m, size_t i)
{
	const lm_row *r = lm_row_of(m, i);
	const char *t = lm_text(m, r && r->ftitle ? r->ftitle : m->item_ftitle[i]);
	return t ? t : "";
}

/* A turn of idle time reading the table: keys stay answered at once. */
#define LIST_SLICE_NS 8000000L

/* ---- the filter ---- */

enum field { F_TITLE, F_SPEAKER, F_LANG, F_SOURCE, F_TEXT };

typedef struct term {
	enum field field;
	char *folded;            /* F_TEXT: the word as typed (the index folds it) */
	uint8_t *mark;           /* speaker, text: per row of the table, the articles that have it;
	                          * language, source: per value, the values it matches */
} term;

static const struct {
	const char *prefix;
	enum field field;
} prefixes[] = { { "speaker:", F_SPEAKER }, { "lang:", F_LANG }, { "source:", F_SOURCE }, { "text:", F_TEXT } };

/* The parts of the filter: words, or prefix:value. */
static size_t parse_filter(const char *f, term *t, size_t max)
{
	size_t n = 0;
	while (*f && n < max) {
		while (*f == ' ')
			f++;
		size_t len = strcspn(f, " ");
		if (!len)
			break;
		enum field field = F_TITLE;
		size_t skip = 0;
		for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
			size_t pl = strlen(prefixes[k].prefix);
			if (len > pl && !strncasecmp(f, prefixes[k].prefix, pl)) {
				field = prefixes[k].field;
				skip = pl;
			}
		}
		char *folded = field == F_TEXT ? strndup(f + skip, len - skip) : search_fold_loose(f + skip, len - skip);
		if (folded)
			t[n++] = (term){ field, folded, NULL };
		f += len;
	}
	return n;
}

static void terms_free(term *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(t[k].folded);
		free(t[k].mark);
	}
}

/* The articles that have a text: word (a query of the index's FTS5, which
 * finds them without reading an article), as marks on the rows. */
static int mark_text(app *a, const list_meta *m, term *t)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc = a->opts.index && !m->without_index ? index_text_articles(a->opts.index, t->folded, &ids, &n) : 0;
	if (!rc)
		list_meta_mark_ids(m, ids, n, t->mark);
	free(ids);
	return rc;
}

/* What each term lets through, worked out once a key: marks on the rows
 * of the table (speaker, text) or on its values (language, source), so
 * that a row costs a look at a mark. False when that failed (the message
 * says why). */
static bool prepare_terms(app *a, const list_meta *m, term *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		bool by_value = t[k].field == F_LANG || t[k].field == F_SOURCE;
		if (t[k].field == F_TITLE)
			continue;
		if (!(t[k].mark = calloc(by_value ? m->nvalues + 1 : m->nrows + 1, 1))) {
			app_message(a, true, "%s", error_message(Q_ENOMEM));
			return false;
		}
		int rc = 0;
		if (by_value)
			list_meta_match_values(m, t[k].folded, t[k].mark);
		else if (t[k].field == F_SPEAKER)
			rc = list_meta_mark_speaker(m, t[k].folded, t[k].mark);
		else if ((rc = mark_text(a, m, &t[k])))
			app_message(a, true, "The index could not search the articles' text: %s", error_message(rc));
		if (rc) {
			if (rc == Q_ENOMEM)
				app_message(a, true, "%s", error_message(rc));
			return false;
		}
	}
	return true;
}

static bool item_matches(const list_meta *m, size_t i, const term *t, size_t n)
{
	const lm_row *r = lm_row_of(m, i);
	for (size_t k = 0; k < n; k++) {
		switch (t[k].field) {
		case F_TITLE:
			if (!strstr(ftitle_of(m, i), t[k].folded))
				return false;
			break;
		case F_LANG:
		case F_SOURCE:   /* an article not indexed: its language and source unknown */
			if (!r || !t[k].mark[t[k].field == F_LANG ? r->lang : r->source])
				return false;
			break;
		default:         /* and who it quotes, and its text */
			if (!r || !t[k].mark[r - m->rows])
				return false;
			break;
		}
	}
	return true;
}

/* True when every item the filter now lets through was let through by the
 * one before (more typed at its end, each part on the same field), so only
 * the rows shown need looking at. */
static bool narrows(const char *before, const char *now)
{
	if (!before || !*before || strncmp(now, before, strlen(before)))
		return false;
	term a[16], b[16];
	size_t na = parse_filter(before, a, 16), nb = parse_filter(now, b, 16);
	bool ok = na <= nb;
	/* not for words of the text: "\"" found nothing (no word), "\"o" finds some */
	for (size_t k = 0; ok && k < na; k++)
		ok = a[k].field == b[k].field && a[k].field != F_TEXT && strstr(b[k].folded, a[k].folded);
	terms_free(a, na);
	terms_free(b, nb);
	return ok;
}

/* How much of the table the terms need: who each article quotes only for
 * a speaker. */
static enum lm_stage stage_for(const term *t, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (t[k].field == F_SPEAKER)
			return LM_DONE;
	return LM_FORMS;
}

/* ---- the order ---- */

typedef struct sort_ctx {
	app *a;
	const list_meta *m;
	enum list_order order;
} sort_ctx;

static long quotes_of(const sort_ctx *c, size_t i)
{
	const lm_row *r = lm_row_of(c->m, i);
	return r ? r->nquotes : c->a->corpus->v[i].nquotes;
}

static const char *date_of(const sort_ctx *c, size_t i)
{
	const lm_row *r = lm_row_of(c->m, i);
	return r ? lm_text(c->m, r->date) : NULL;
}

static int by_order(const void *x, const void *y, void *ctx)
{
	const sort_ctx *c = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int r = 0;
	switch (c->order) {
	case LO_DATE: {
		const char *di = date_of(c, i), *dj = date_of(c, j);
		r = di && dj ? strcmp(di, dj) : (dj != NULL) - (di != NULL);   /* unknown dates last */
		break;
	}
	case LO_TITLE:
		r = strcmp(ftitle_of(c->m, i), ftitle_of(c->m, j));
		break;
	case LO_QUOTES: {
		long qi = quotes_of(c, i), qj = quotes_of(c, j);
		r = (qi < qj) - (qi > qj);   /* most quotes first */
		break;
	}
	default:
		break;
	}
	return r ? r : (i > j) - (i < j);   /* then as the corpus has them (by path) */
}

/* Every item in the list's order, sorted once an order (the filter then
 * goes through them in it, and what it lets through needs no sorting);
 * NULL: by path, or no memory (the message says so). */
static const size_t *items_in_order(app *a, list_meta *m)
{
	if (a->lv.order == LO_PATH)
		return NULL;
	if (m->sorted && m->sorted_by == (int)a->lv.order)
		return m->sorted;
	free(m->sorted);
	if (!(m->sorted = malloc((a->corpus->n + 1) * sizeof *m->sorted))) {
		app_message(a, true, "%s", error_message(Q_ENOMEM));
		return NULL;
	}
	for (size_t i = 0; i < a->corpus->n; i++)
		m->sorted[i] = i;
	sort_ctx c = { a, m, a->lv.order };
	qsort_r(m->sorted, a->corpus->n, sizeof *m->sorted, by_order, &c);
	m->sorted_by = (int)a->lv.order;
	return m->sorted;
}

/* The rows the filter lets through: of those shown when it only grew
 * (a subset of rows in order stays in order), else of every item in
 * order. NULL: no memory. */
static size_t *filter_rows(app *a, list_meta *m, const term *t, size_t nt, size_t *n)
{
	bool narrower = a->lv.rows && narrows(m->last, a->lv.filter);
	const size_t *from = narrower ? a->lv.rows : items_in_order(a, m);
	size_t nfrom = narrower ? a->lv.n : a->corpus->n;
	if (!narrower && a->lv.order != LO_PATH && !from)
		return NULL;
	size_t *rows = malloc((nfrom + 1) * sizeof *rows);
	*n = 0;
	for (size_t r = 0; rows && r < nfrom; r++) {
		size_t i = from ? from[r] : r;
		if (item_matches(m, i, t, nt))
			rows[(*n)++] = i;
	}
	return rows;
}

/* The table is read far enough for the filter now: the note that it was
 * being read goes. */
static void reading_done(app *a)
{
	a->lv.pending = false;
	if (!strcmp(a->msg, reading_note))
		a->msg[0] = '\0';
}

/* The rows for the filter and the order, given to the core; when the
 * table is not read far enough for them within a key's time, the rows
 * stay as they are and idle time reads on (list_idle). */
static unsigned rebuild_rows(app *a)
{
	if (!a->lv.filter[0] && a->lv.order == LO_PATH) {   /* every item in corpus order: no table needed */
		reading_done(a);
		if (a->lv.meta)
			a->lv.meta->last[0] = '\0';
		app_list_set_rows(a, NULL, 0);
		return R_LIST | R_STATUS;
	}
	term t[16];
	size_t nt = parse_filter(a->lv.filter, t, 16);
	enum lm_stage need = stage_for(t, nt);
	list_meta *m = meta_of(a, need);
	if (m && m->stage < need) {
		terms_free(t, nt);
		a->lv.pending = true;
		app_message(a, false, "%s", reading_note);
		return R_STATUS;
	}
	reading_done(a);
	if (m && !prepare_terms(a, m, t, nt)) {
		terms_free(t, nt);
		return R_STATUS;
	}
	if (!m) {
		terms_free(t, nt);
		app_list_set_rows(a, NULL, 0);
		return R_LIST | R_STATUS;
	}
	size_t n = 0, *rows = filter_rows(a, m, t, nt, &n);
	terms_free(t, nt);
	if (!rows) {
		app_message(a, true, "%s", error_message(Q_ENOMEM));
		return R_STATUS;
	}
	snprintf(m->last, sizeof m->last, "%s", a->lv.filter);
	app_list_set_rows(a, rows, n);
	return R_LIST | R_STATUS;
}

/* ---- keys ---- */

static unsigned list_filter(app *a, enum action act)
{
	(void)act;
	if (!a->opts.index)
		app_message(a, false, "No corpus index: the filter sees titles only (quoth index PATH... makes one)");
	app_prompt_open(a, PROMPT_LIST, a->lv.filter);
	return R_STATUS;
}

static const char *const order_names[LO__COUNT] = { "path", "date", "title", "quotes" };

const char *app_list_order_name(const app *a)
{
	return order_names[a->lv.order];
}

static unsigned list_sort(app *a, enum action act)
{
	(void)act;
	a->lv.order = (enum list_order)((a->lv.order + 1) % LO__COUNT);
	if (a->lv.meta) {   /* sorted again: titles and counts the reader learnt since count */
		free(a->lv.meta->sorted);
		a->lv.meta->sorted = NULL;
	}
	unsigned r = rebuild_rows(a);
	app_message(a, false, "The list by %s%s", order_names[a->lv.order],
	            a->lv.order != LO_PATH && !a->opts.index ? " (no corpus index: what is known so far)" : "");
	return r | R_STATUS;
}

static unsigned filter_changed(app *a)
{
	snprintf(a->lv.filter, sizeof a->lv.filter, "%s", a->prompt.buf);
	return rebuild_rows(a);
}

static unsigned filter_accept(app *a)
{
	unsigned r = filter_changed(a);
	if (!app_list_count(a) && !a->lv.pending)
		app_message(a, false, "No article matches %s (Esc shows them all)", a->lv.filter);
	return r;
}

static unsigned clear_filter(app *a)
{
	a->lv.filter[0] = '\0';
	return rebuild_rows(a);
}

static const app_prompt_ops list_prompt = {
	.accept = filter_accept,
	.changed = filter_changed,
	.cancel = clear_filter,
};

/* Esc: the filter goes (the order stays). */
static unsigned list_cancel(app *a)
{
	if (!a->lv.filter[0])
		return R_NONE;
	app_message(a, false, "The list shows every article again");
	return clear_filter(a) | R_STOP;
}

/* The reader indexed more: read the index again when next needed. */
static void list_index_changed(app *a)
{
	meta_free(a);
}

static void list_free(app *a)
{
	meta_free(a);
}

bool app_list_ready(const app *a)
{
	return a->lv.meta && a->lv.meta->nitems == a->corpus->n && a->lv.meta->stage >= LM_DONE;
}

/* Reading the table in idle time: the index, and a list to filter. */
static bool list_busy(const app *a)
{
	const list_meta *m = a->lv.meta;
	if (a->lv.pending)
		return true;
	return a->opts.index && a->corpus->n > 1 && !a->lv.meta_gave_up &&
	       (!m || m->nitems != a->corpus->n || m->stage < LM_DONE);
}

/* The stage of the table the filter now typed needs. */
static enum lm_stage stage_needed(const app *a)
{
	term t[16];
	size_t nt = parse_filter(a->lv.filter, t, 16);
	enum lm_stage need = stage_for(t, nt);
	terms_free(t, nt);
	return need;
}

static unsigned list_idle(app *a)
{
	list_meta *m = a->lv.meta;
	if (m && m->nitems != a->corpus->n)
		meta_free(a), m = NULL;
	/* no memory for the table: asked again at every idle turn, the reader
	 * would spin; it is asked again when the index changes or by a key */
	if (!m && !(m = a->lv.meta = list_meta_new(a->corpus->n))) {
		a->lv.meta_gave_up = true;
		if (!a->lv.pending)
			return R_NONE;
		a->lv.pending = false;   /* the rows stay as they were */
		app_message(a, true, "%s", error_message(Q_ENOMEM));
		return R_STATUS;
	}
	/* a failure stays (LM_FAILED): the next key of the filter says why */
	(void)list_meta_step(m, m->without_index ? NULL : a->opts.index, a->corpus, LIST_SLICE_NS, LM_DONE);
	/* a filter typed before the table was read: its rows now */
	if (a->lv.pending && (m->stage == LM_FAILED || m->stage >= stage_needed(a)))
		return rebuild_rows(a);
	return R_NONE;
}

const app_feature app_list_feature = {
	.name = "list filter and order",
	.on_action = { [ACT_LIST_FILTER] = list_filter, [ACT_LIST_SORT] = list_sort },
	.prompt = { [PROMPT_LIST] = &list_prompt },
	.cancel = list_cancel,
	.index_changed = list_index_changed,
	.busy = list_busy,
	.idle = list_idle,
	.free = list_free,
};
