/* Marks, export and copy: Space marks rows, e writes what is chosen to a
 * file (asking before it overwrites), y sends it to the clipboard (OSC 52).
 * What is chosen: what a layer that is up gives (a selection, the tagged
 * view's entries), else the marked rows of the focused pane, else the
 * current quote. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "app_features.h"

/* ---- marks ------------------------------------------------------------------------- */

static unsigned mark(app *a, enum action act)
{
	(void)act;
	if (a->focus == PANE_LIST) {
		if (!app_list_count(a))
			return R_NONE;
		corpus_item *it = &a->corpus->v[app_list_item(a, a->list_sel)];
		it->marked = !it->marked;
		if (a->list_sel + 1 < app_list_count(a))
			a->list_sel++;
		a->list_top = a->list_sel < a->list_top ? a->list_sel : a->list_top;
		return R_LIST | R_STATUS;
	}
	if (a->focus == PANE_QUOTES && a->quotes.n) {
		a->q_mark[a->q_sel] = !a->q_mark[a->q_sel];
		if (a->q_sel + 1 < a->quotes.n)
			app_select_quote(a, a->q_sel + 1);
		return R_QUOTES | R_TEXT | R_STATUS;
	}
	return R_NONE;
}

static int marks_doc_installed(app *a)
{
	a->q_mark = calloc(a->quotes.n ? a->quotes.n : 1, sizeof *a->q_mark);
	return a->q_mark ? 0 : Q_ENOMEM;
}

static void marks_doc_dropped(app *a)
{
	free(a->q_mark);
	a->q_mark = NULL;
}

/* ---- what e and y take ---------------------------------------------------------------- */

static void add_quote(app *a, strbuf *b, const doc *d, const quote *q, const char *text, bool *first)
{
	const tag_entry *e = a->opts.tags ? tags_get(a->opts.tags, d->id, q->id) : NULL;
	export_quote x = { text, q->speaker, d->title, d->name, d->id, q->id,
	                   e ? e->tags : NULL, e ? e->ntags : 0, false };
	export_quote_append(b, a->opts.export_format, &x, *first);
	*first = false;
	a->pending_count++;
}

/* The quotes of every marked article. */
static void gather_articles(app *a, strbuf *b, bool *first)
{
	for (size_t i = 0; i < a->corpus->n; i++) {
		if (!a->corpus->v[i].marked)
			continue;
		doc *d = corpus_doc(a->corpus, i, a->art);
		quote_list ql;
		if (!d || quotes_find(d, &a->opts.quotes, &ql))
			continue;
		for (size_t k = 0; k < ql.n; k++) {
			char *t = quote_text(d, &ql.v[k]);
			add_quote(a, b, d, &ql.v[k], t, first);
			free(t);
		}
		quote_list_free(&ql);
	}
	/* loading others may have moved the open article out of memory: never, it is kept */
}

static bool any_marked_quote(const app *a)
{
	for (size_t i = 0; i < a->quotes.n; i++)
		if (a->q_mark[i])
			return true;
	return false;
}

static bool any_marked_article(const app *a)
{
	for (size_t i = 0; i < a->corpus->n; i++)
		if (a->corpus->v[i].marked)
			return true;
	return false;
}

/* A layer that is up and has something to give, e.g. a selection. */
static const app_feature *layer_source(const app *a)
{
	for (size_t k = 0; k < a->nfeatures; k++) {
		const app_feature *f = a->features[k];
		if (f->export_source && f->layer.active && f->layer.active(a))
			return f;
	}
	return NULL;
}

static bool gather(app *a, strbuf *b)
{
	bool first = true;
	sb_init(b);
	a->pending_count = 0;
	const app_feature *src = layer_source(a);
	if (src) {
		bool any = false;
		a->pending_count = src->export_source(a, b, a->opts.export_format, &any);
		return any;
	}
	export_begin(b, a->opts.export_format);
	if (a->focus == PANE_LIST) {
		if (!any_marked_article(a) && app_list_count(a))
			a->corpus->v[app_list_item(a, a->list_sel)].marked = true;
		gather_articles(a, b, &first);
	} else if (any_marked_quote(a)) {
		for (size_t i = 0; i < a->quotes.n; i++)
			if (a->q_mark[i])
				add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], &first);
	} else {
		size_t i = app_current_quote(a);
		if (i != SIZE_MAX)
			add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], &first);
	}
	return a->pending_count > 0;
}

/* The layers that gave what was written let it go (a selection ends). */
static void exported(app *a)
{
	for (size_t k = 0; k < a->nfeatures; k++) {
		const app_feature *f = a->features[k];
		if (f->exported && f->layer.active && f->layer.active(a))
			f->exported(a);
	}
}

static void describe(const app *a, char *buf, size_t n)
{
	if (a->pending_count)
		snprintf(buf, n, "%zu quote%s", a->pending_count, a->pending_count == 1 ? "" : "s");
	else
		snprintf(buf, n, "the selection");
}

/* ---- copy ---------------------------------------------------------------------------------- */

static unsigned copy(app *a, strbuf *b)
{
	size_t chars = 0;
	sb_free(&a->clip);
	int rc = osc52_encode(b->s, b->len, OSC52_PLAIN, &a->clip, &chars);
	if (rc == Q_ETOOBIG) {
		app_message(a, true, "Too long for the clipboard: export it to a file (e)");
		return R_STATUS;
	}
	if (rc) {
		app_message(a, true, "Copy: %s", error_message(rc));
		return R_STATUS;
	}
	char what[32];
	describe(a, what, sizeof what);
	app_message(a, false, "Copied %s (%zu characters) to the clipboard", what, chars);
	exported(a);
	return R_CLIPBOARD | R_PANES;
}

static unsigned export_start(app *a, enum action act)
{
	bool to_clipboard = act == ACT_COPY;
	strbuf b;
	if (!gather(a, &b)) {
		sb_free(&b);
		app_message(a, false, "Nothing to %s: select text (v), mark quotes (Space) or pick a quote",
		            to_clipboard ? "copy" : "export");
		return R_STATUS;
	}
	if (to_clipboard) {
		if (!a->pending_count && b.len && b.s[b.len - 1] == '\n')
			b.s[--b.len] = '\0';   /* a selection inside a line copies without a line end */
		unsigned r = copy(a, &b);
		sb_free(&b);
		return r;
	}
	sb_free(&a->pending);
	a->pending = b;
	app_prompt_open(a, PROMPT_EXPORT, a->opts.export_path ? a->opts.export_path : "");
	return R_STATUS;
}

/* ---- export to a file --------------------------------------------------------------------- */

static unsigned write_export(app *a, const char *path, enum export_mode mode)
{
	int rc = export_write(path, a->pending.s ? a->pending.s : "", a->pending.len, mode, a->opts.export_format);
	if (rc == Q_EEXIST) {
		free(a->export_target);
		a->export_target = strdup(path);
		app_prompt_open(a, PROMPT_OVERWRITE, "");
		app_message(a, false, "%s exists: a)ppend, o)verwrite, c)ancel?", path);
		return R_STATUS;
	}
	char what[32];
	describe(a, what, sizeof what);
	if (rc)
		app_message(a, true, "Could not export to %s: %s", path, error_message(rc));
	else
		app_message(a, false, "Exported %s to %s", what, path);
	sb_free(&a->pending);
	if (!rc)
		exported(a);
	return R_PANES;
}

static unsigned export_cancelled(app *a)
{
	sb_free(&a->pending);
	app_message(a, false, "Export cancelled");
	return R_STATUS;
}

static unsigned export_accept(app *a)
{
	if (!a->prompt.buf[0])
		return export_cancelled(a);
	return write_export(a, a->prompt.buf, EXPORT_REFUSE);
}

/* The file exists: a)ppend, o)verwrite, c)ancel. */
static unsigned overwrite_key(app *a, int key)
{
	enum export_mode mode;
	if (key == 'a' || key == 'A')
		mode = EXPORT_APPEND;
	else if (key == 'o' || key == 'O')
		mode = EXPORT_OVERWRITE;
	else if (key == 'c' || key == 'C' || key == EK_ESC || key == 'n' || key == 'q') {
		a->prompt.kind = PROMPT_NONE;
		return export_cancelled(a);
	} else {
		return R_NONE;
	}
	a->prompt.kind = PROMPT_NONE;
	char *path = a->export_target;
	a->export_target = NULL;
	unsigned r = write_export(a, path ? path : "", mode);
	free(path);
	return r;
}

static const app_prompt_ops export_prompt = {
	.accept = export_accept,
	.cancel = export_cancelled,
};

static const app_prompt_ops overwrite_prompt = {
	.key = overwrite_key,
};

static void export_free(app *a)
{
	sb_free(&a->pending);
	sb_free(&a->clip);
	free(a->export_target);
	a->export_target = NULL;
}

const app_feature app_export_feature = {
	.name = "export",
	.on_action = { [ACT_MARK] = mark, [ACT_EXPORT] = export_start, [ACT_COPY] = export_start },
	.prompt = { [PROMPT_EXPORT] = &export_prompt, [PROMPT_OVERWRITE] = &overwrite_prompt },
	.doc_installed = marks_doc_installed,
	.doc_dropped = marks_doc_dropped,
	.free = export_free,
};
