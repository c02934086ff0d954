/* The article list narrowed and sorted:
 *   &   a filter, applied as you type: words of the title, and speaker:NAME,
 *       lang:CODE, source:NAME (each part must match; case and accents as
 *       search folds them); the status line shows it, Esc clears it;
 *   o   the order: path, date, title, number of quotes, and round again.
 * Speakers, languages, dates and sources come from the corpus index, read
 * once when the filter or the order is first used (and again after the
 * reader indexed more); an article the index does not know matches by its
 * title only and sorts last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_features.h"
#include "error.h"
#include "indexer.h"
#include "search.h"

/* What the list filter compares, folded once (search.h) so that a key
 * costs a substring search a field. */
typedef struct item_text {
	char *title, *speakers, *lang, *source;
} item_text;

struct list_meta {
	index_meta *v;           /* sorted by path */
	size_t n;
	bool with_speakers;
	const index_meta **of;   /* per corpus item: its row, or NULL */
	item_text *folded;       /* per corpus item */
	size_t nitems;
	char *last;              /* the filter the rows were made for */
};

static char *fold(const char *s)
{
	return s && *s ? search_fold_loose(s, strlen(s)) : NULL;
}

static void meta_free(app *a)
{
	struct list_meta *m = a->lv.meta;
	if (!m)
		return;
	for (size_t i = 0; m->folded && i < m->nitems; i++) {
		free(m->folded[i].title);
		free(m->folded[i].speakers);
		free(m->folded[i].lang);
		free(m->folded[i].source);
	}
	free(m->folded);
	index_meta_free(m->v, m->n);
	free(m->of);
	free(m->last);
	free(m);
	a->lv.meta = NULL;
}

static int cmp_meta_path(const void *key, const void *e)
{
	return strcmp(key, ((const index_meta *)e)->path);
}

/* The title of item i without reading its file: the index's, the one
 * already peeked, or the file name. */
static const char *title_of(app *a, const struct list_meta *m, size_t i)
{
	if (m && m->of && m->of[i] && m->of[i]->title)
		return m->of[i]->title;
	if (a->corpus->v[i].title)
		return a->corpus->v[i].title;
	const char *p = a->corpus->v[i].path, *slash = strrchr(p, '/');
	return slash && slash[1] ? slash + 1 : p;
}

/* Reads what the index knows of every article (with the speakers when
 * asked: a pass over every quote), matches the corpus items to it by
 * their key and folds what the filter compares. */
static struct list_meta *meta_of(app *a, bool speakers)
{
	struct list_meta *m = a->lv.meta;
	if (m && m->nitems == a->corpus->n && (m->with_speakers || !speakers))
		return m;
	meta_free(a);
	m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	a->lv.meta = m;
	m->nitems = a->corpus->n;
	m->with_speakers = speakers;
	m->of = calloc(a->corpus->n + 1, sizeof *m->of);
	m->folded = calloc(a->corpus->n + 1, sizeof *m->folded);
	if (!m->of || !m->folded || (a->opts.index && index_article_meta(a->opts.index, speakers, &m->v, &m->n))) {
		meta_free(a);
		return NULL;
	}
	indexer_keys kc = { 0 };
	for (size_t i = 0; m->n && i < a->corpus->n; i++) {
		char *key = indexer_key_in(&kc, a->corpus->v[i].path);
		m->of[i] = key ? bsearch(key, m->v, m->n, sizeof *m->v, cmp_meta_path) : NULL;
		free(key);
	}
	indexer_keys_free(&kc);
	for (size_t i = 0; i < a->corpus->n; i++) {
		const index_meta *im = m->of[i];
		m->folded[i] = (item_text){ fold(title_of(a, m, i)), im ? fold(im->speakers) : NULL,
		                            im ? fold(im->lang) : NULL, im ? fold(im->source) : NULL };
	}
	return m;
}

/* ---- the filter ---- */

enum field { F_TITLE, F_SPEAKER, F_LANG, F_SOURCE, F_TEXT };

typedef struct term {
	enum field field;
	char *folded;            /* F_TEXT: the word as typed (the index folds it) */
	int64_t *ids;            /* F_TEXT: the articles that have it (index rows, ascending) */
	size_t nids;
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
			t[n++] = (term){ field, folded, NULL, 0 };
		f += len;
	}
	return n;
}

static void terms_free(term *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(t[k].folded);
		free(t[k].ids);
	}
}

/* The articles of the index that have each text: word (one query a word;
 * FTS5 finds them without reading an article). False when the index could
 * not say (the message says why). */
static bool find_text_terms(app *a, term *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (t[k].field != F_TEXT || !a->opts.index)
			continue;
		int rc = index_text_articles(a->opts.index, t[k].folded, &t[k].ids, &t[k].nids);
		if (rc) {
			app_message(a, true, "The index could not search the articles' text: %s", error_message(rc));
			return false;
		}
	}
	return true;
}

static bool item_matches(const struct list_meta *m, size_t i, const term *t, size_t n)
{
	const item_text *x = &m->folded[i];
	for (size_t k = 0; k < n; k++) {
		if (t[k].field == F_TEXT) {
			const index_meta *im = m->of ? m->of[i] : NULL;   /* an article not indexed: its text unknown */
			if (!im || !t[k].nids || !bsearch(&im->id, t[k].ids, t[k].nids, sizeof *t[k].ids, index_id_cmp))
				return false;
			continue;
		}
		const char *field = t[k].field == F_TITLE ? x->title : t[k].field == F_SPEAKER ? x->speakers
		                  : t[k].field == F_LANG ? x->lang : x->source;
		if (!field || !strstr(field, t[k].folded))
			return false;
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

static bool wants_speakers(const term *t, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (t[k].field == F_SPEAKER)
			return true;
	return false;
}

/* ---- the order ---- */

typedef struct sort_ctx {
	app *a;
	const struct list_meta *m;
} sort_ctx;

static long quotes_of(const sort_ctx *c, size_t i)
{
	if (c->m && c->m->of && c->m->of[i])
		return c->m->of[i]->nquotes;
	return c->a->corpus->v[i].nquotes;
}

static int by_order(const void *x, const void *y, void *ctx)
{
	const sort_ctx *c = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int r = 0;
	switch (c->a->lv.order) {
	case LO_DATE: {
		const char *di = c->m && c->m->of && c->m->of[i] ? c->m->of[i]->date : NULL;
		const char *dj = c->m && c->m->of && c->m->of[j] ? c->m->of[j]->date : NULL;
		r = di && dj ? strcmp(di, dj) : (dj != NULL) - (di != NULL);   /* unknown dates last */
		break;
	}
	case LO_TITLE:
		r = strcasecmp(title_of(c->a, c->m, i), title_of(c->a, c->m, j));
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

/* The rows for the filter and the order, given to the core. */
static unsigned rebuild_rows(app *a)
{
	term t[16];
	size_t nt = parse_filter(a->lv.filter, t, 16);
	struct list_meta *m = meta_of(a, wants_speakers(t, nt));
	if (m && !find_text_terms(a, t, nt)) {
		terms_free(t, nt);
		return R_STATUS;
	}
	if (!m || (!a->lv.filter[0] && a->lv.order == LO_PATH)) {
		terms_free(t, nt);
		if (m) {
			free(m->last);
			m->last = NULL;
		}
		app_list_set_rows(a, NULL, 0);
		return R_LIST | R_STATUS;
	}
	/* typing on narrows what is shown: only those rows are looked at */
	bool narrower = a->lv.rows && narrows(m->last, a->lv.filter);
	size_t from = narrower ? a->lv.n : a->corpus->n;
	size_t *rows = malloc((from + 1) * sizeof *rows), n = 0;
	if (!rows) {
		terms_free(t, nt);
		app_message(a, true, "%s", error_message(Q_ENOMEM));
		return R_STATUS;
	}
	for (size_t r = 0; r < from; r++) {
		size_t i = narrower ? a->lv.rows[r] : r;
		if (item_matches(m, i, t, nt))
			rows[n++] = i;
	}
	terms_free(t, nt);
	sort_ctx c = { a, m };
	if (a->lv.order != LO_PATH && n > 1 && !narrower)   /* a subset of sorted rows stays sorted */
		qsort_r(rows, n, sizeof *rows, by_order, &c);
	free(m->last);
	m->last = strdup(a->lv.filter);
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
	if (!app_list_count(a))
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

const app_feature app_list_feature = {
	.name = "list filter and order",
	.on_action = { [ACT_LIST_FILTER] = list_filter, [ACT_LIST_SORT] = list_sort },
	.prompt = { [PROMPT_LIST] = &list_prompt },
	.cancel = list_cancel,
	.index_changed = list_index_changed,
	.free = list_free,
};
