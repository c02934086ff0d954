/* The view of every tagged quote in the corpus: a layer over the panes,
 * F2 or ' opens it, f filters by tag, Enter opens the article at the quote,
 * Space marks entries for e and y. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "app_tags.h"
#include "error.h"
#include "app_features.h"

static void tv_refresh(app *a)
{
	free(a->tv.v);
	free(a->tv.marked);
	a->tv.v = NULL;
	a->tv.marked = NULL;
	a->tv.n = 0;
	if (!a->opts.tags)
		return;
	const char *tag = a->tv.filter;
	tags_filter f = { 0 };
	if (*tag) {
		f.tags = &tag;
		f.ntags = 1;
	}
	if (tags_query(a->opts.tags, &f, &a->tv.v, &a->tv.n))
		a->tv.n = 0;
	a->tv.marked = calloc(a->tv.n ? a->tv.n : 1, sizeof *a->tv.marked);
	if (a->tv.sel >= a->tv.n)
		a->tv.sel = a->tv.n ? a->tv.n - 1 : 0;
}

static void tv_tags_changed(app *a)
{
	if (a->tv.open)
		tv_refresh(a);
}

static unsigned tv_toggle(app *a, enum action act)
{
	(void)act;
	if (a->tv.open) {
		a->tv.open = false;
		return R_LAYOUT;
	}
	if (!app_need_tags(a))
		return R_STATUS;
	a->visual = false;
	a->tv.open = true;
	a->tv.sel = a->tv.top = 0;
	tv_refresh(a);
	return R_LAYOUT;
}

static size_t tv_rows(const app *a)
{
	int h = (a->lay.keybar.h ? a->lay.keybar.y : a->lay.status.y) - 1;   /* below its header */
	return h > 1 ? (size_t)h / 2 : 1;   /* two rows an entry */
}

static unsigned tv_select(app *a, long i)
{
	if (!a->tv.n)
		return R_NONE;
	if (i < 0)
		i = 0;
	if ((size_t)i >= a->tv.n)
		i = (long)a->tv.n - 1;
	a->tv.sel = (size_t)i;
	size_t h = tv_rows(a);
	if (a->tv.sel < a->tv.top)
		a->tv.top = a->tv.sel;
	if (a->tv.sel >= a->tv.top + h)
		a->tv.top = a->tv.sel - h + 1;
	return R_LAYOUT;
}

static unsigned tv_move(app *a, enum action act)
{
	long page = (long)tv_rows(a), sel = (long)a->tv.sel;
	switch (act) {
	case ACT_MOVE_UP: return tv_select(a, sel - 1);
	case ACT_MOVE_DOWN: return tv_select(a, sel + 1);
	case ACT_PAGE_UP: return tv_select(a, sel - page);
	case ACT_PAGE_DOWN: return tv_select(a, sel + page);
	case ACT_HALF_PAGE_UP: return tv_select(a, sel - page / 2);
	case ACT_HALF_PAGE_DOWN: return tv_select(a, sel + page / 2);
	case ACT_MOVE_FIRST: return tv_select(a, 0);
	default: return tv_select(a, (long)a->tv.n - 1);
	}
}

/* Finds the article of a tagged quote in the corpus, by id, then by path;
 * adds the file when it is not there. */
static size_t find_article(app *a, const tag_entry *e)
{
	size_t i = corpus_find(a->corpus, e->art, e->path);
	if (i != SIZE_MAX)
		return i;
	if (!*e->path || corpus_add_path(a->corpus, e->path))
		return SIZE_MAX;
	return a->corpus->n - 1;
}

static unsigned tv_open(app *a, enum action act)
{
	(void)act;
	if (!a->tv.n)
		return R_NONE;
	const tag_entry *e = a->tv.v[a->tv.sel];
	uint64_t qid = e->quote;
	size_t i = find_article(a, e);
	if (i == SIZE_MAX) {
		app_message(a, true, "The article of this quote is gone: %s", *e->path ? e->path : "(no path)");
		return R_STATUS;
	}
	a->tv.open = false;
	return app_open_at_quote(a, i, qid, "That quote is no longer in the article (orphaned tag)");
}

static unsigned tv_filter(app *a, enum action act)
{
	(void)act;
	app_prompt_open(a, PROMPT_FILTER, a->tv.filter);
	return R_STATUS;
}

static unsigned tv_mark(app *a, enum action act)
{
	(void)act;
	if (!a->tv.n)
		return R_NONE;
	a->tv.marked[a->tv.sel] = !a->tv.marked[a->tv.sel];
	return tv_move(a, ACT_MOVE_DOWN) | R_LAYOUT;
}

static unsigned tv_untag(app *a, enum action act)
{
	(void)act;
	if (!a->tv.n)
		return R_NONE;
	const tag_entry *e = a->tv.v[a->tv.sel];
	for (size_t k = 0; k < e->ntags; k++)
		app_tags_remember(a, e->art, e->quote, e->tags[k], true, k == 0);
	int rc = tags_clear(a->opts.tags, e->art, e->quote);
	app_tags_saved(a, rc, "Removed the tags of the quote (U undoes)");
	return R_LAYOUT;
}

static unsigned tv_close(app *a, enum action act)
{
	(void)act;
	a->tv.open = false;
	return R_LAYOUT;
}

static bool tv_up(const app *a)
{
	return a->tv.open;
}

/* e and y take the marked entries, or all of them. */
static size_t tv_source(app *a, strbuf *b, enum export_format f, bool *any)
{
	bool marks = false, first = true;
	size_t n = 0;
	for (size_t i = 0; i < a->tv.n; i++)
		marks |= a->tv.marked[i];
	export_begin(b, f);
	for (size_t i = 0; i < a->tv.n; i++) {
		if (marks && !a->tv.marked[i])
			continue;
		export_quote x = export_quote_of_entry(a->tv.v[i]);
		export_quote_append(b, f, &x, first);
		first = false;
		n++;
	}
	*any = n > 0;
	return n;
}

/* ---- the filter prompt -------------------------------------------------------------- */

static unsigned filter_accept(app *a)
{
	const char *text = a->prompt.buf;
	if (*text && !tags_name_valid(text)) {
		app_message(a, true, "Not a tag name: %.40s", text);
		return R_STATUS;
	}
	memcpy(a->tv.filter, text, strlen(text) + 1);   /* a valid name fits */
	a->tv.sel = a->tv.top = 0;
	tv_refresh(a);
	return R_LAYOUT;
}

static const app_prompt_ops filter_prompt = {
	.accept = filter_accept,
	.complete = app_tag_complete,
};

static void tv_free(app *a)
{
	free(a->tv.v);
	free(a->tv.marked);
	memset(&a->tv, 0, sizeof a->tv);
}

const app_feature app_tagged_feature = {
	.name = "tagged view",
	.on_action = { [ACT_TAGGED_VIEW] = tv_toggle },
	.prompt = { [PROMPT_FILTER] = &filter_prompt },
	.layer = {
		.active = tv_up,
		.modal = true,
		.keyctx = KC_TAGGED,
		.on_action = {
			[ACT_MOVE_UP] = tv_move, [ACT_MOVE_DOWN] = tv_move,
			[ACT_PAGE_UP] = tv_move, [ACT_PAGE_DOWN] = tv_move,
			[ACT_HALF_PAGE_UP] = tv_move, [ACT_HALF_PAGE_DOWN] = tv_move,
			[ACT_MOVE_FIRST] = tv_move, [ACT_MOVE_LAST] = tv_move,
			[ACT_OPEN] = tv_open, [ACT_FILTER] = tv_filter, [ACT_MARK] = tv_mark,
			[ACT_UNTAG] = tv_untag,
			[ACT_EXPORT] = app_pass, [ACT_COPY] = app_pass, [ACT_HELP] = app_pass,
			[ACT_UNDO] = app_pass, [ACT_WARNINGS] = app_pass,
			[ACT_TAGGED_VIEW] = tv_close, [ACT_QUIT] = tv_close, [ACT_CANCEL] = tv_close,
			[ACT_REDRAW] = app_redraw,
		},
	},
	.tags_changed = tv_tags_changed,
	.export_source = tv_source,
	.free = tv_free,
};
