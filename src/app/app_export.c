/* Marks, export and copy: Space marks rows, e writes what is chosen to a
 * file (asking before it overwrites), y sends it to the clipboard (OSC 52).
 * What is chosen: what a layer that is up gives (a selection, the tagged
 * view's entries), else the marked rows of the focused pane, else the
 * current quote. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
		if (it->marked)
			a->marked_articles++;
		else
			a->marked_articles--;
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

size_t app_marked_quotes(const app *a)
{
	size_t n = 0;
	for (size_t i = 0; a->q_mark && i < a->quotes.n; i++)
		n += a->q_mark[i];
	return n;
}

/* Esc takes every mark off (they are only ever made by the mark key). */
static unsigned marks_clear(app *a)
{
	unsigned r = R_NONE;
	if (a->marked_articles) {
		for (size_t i = 0; i < a->corpus->n; i++)
			a->corpus->v[i].marked = false;
		a->marked_articles = 0;
		r |= R_LIST;
	}
	if (app_marked_quotes(a)) {
		memset(a->q_mark, 0, a->quotes.n * sizeof *a->q_mark);
		r |= R_QUOTES;
	}
	return r;
}

/* ---- what e and y take ---------------------------------------------------------------- */

static void add_quote(app *a, strbuf *b, const doc *d, const quote *q, const char *text, bool *first)
{
	const tag_entry *e = a->opts.tags ? tags_get(a->opts.tags, d->id, q->id) : NULL;
	bool user;
	const char *speaker = tags_speaker_or(a->opts.tags, d->id, q->id, q->speaker, &user);
	export_quote x = { text, speaker, d->title, d->name, d->id, q->id,
	                   e ? e->tags : NULL, e ? e->ntags : 0, false };
	export_quote_append(b, a->opts.export_format, &x, *first);
	*first = false;
	a->pending_count++;
}

/* The quotes of article i (the open one is kept loaded while others load). */
static void gather_article(app *a, size_t i, strbuf *b, bool *first)
{
	doc *d = corpus_doc(a->corpus, i, a->art);
	quote_list ql;
	if (!d || quotes_find(d, &a->opts.quotes, &ql))
		return;
	for (size_t k = 0; k < ql.n; k++) {
		char *t = app_quote_display_text(d, &ql.v[k]);
		add_quote(a, b, d, &ql.v[k], t, first);
		free(t);
	}
	quote_list_free(&ql);
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

/* The list: the marked articles, else the one on the cursor row (not
 * marked for it: marks come from the mark key only). */
static void gather_list(app *a, strbuf *b, bool *first)
{
	if (!a->marked_articles) {
		size_t item = app_list_item(a, a->list_sel);
		if (item == SIZE_MAX)
			return;   /* the filter shows no article */
		gather_article(a, item, b, first);
		app_cut(a->pending_what, sizeof a->pending_what, "%zu quote%s of \xE2\x80\x9C%s\xE2\x80\x9D", a->pending_count,
		        a->pending_count == 1 ? "" : "s", corpus_title(a->corpus, item));
		return;
	}
	for (size_t i = 0; i < a->corpus->n; i++)
		if (a->corpus->v[i].marked)
			gather_article(a, i, b, first);
	snprintf(a->pending_what, sizeof a->pending_what, "%zu quote%s of %zu marked article%s", a->pending_count,
	         a->pending_count == 1 ? "" : "s", a->marked_articles, a->marked_articles == 1 ? "" : "s");
}

/* The sidebar or the text: the marked quotes, else the current one. */
static void gather_quotes(app *a, strbuf *b, bool *first)
{
	size_t marked = app_marked_quotes(a);
	if (marked) {
		for (size_t i = 0; i < a->quotes.n; i++)
			if (a->q_mark[i])
				add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], first);
		snprintf(a->pending_what, sizeof a->pending_what, "%zu marked quote%s", marked, marked == 1 ? "" : "s");
		return;
	}
	size_t i = app_current_quote(a);
	if (i == SIZE_MAX)
		return;
	add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], first);
	snprintf(a->pending_what, sizeof a->pending_what, "quote %zu", i + 1);
}

static bool gather(app *a, strbuf *b)
{
	bool first = true;
	sb_init(b);
	a->pending_count = 0;
	a->pending_what[0] = '\0';
	const app_feature *src = layer_source(a);
	if (src) {
		bool any = false;
		a->pending_count = src->export_source(a, b, a->opts.export_format, &any);
		snprintf(a->pending_what, sizeof a->pending_what, a->pending_count ? "%zu quote%s" : "the selection",
		         a->pending_count, a->pending_count == 1 ? "" : "s");
		return any;
	}
	export_begin(b, a->opts.export_format);
	if (a->focus == PANE_LIST)
		gather_list(a, b, &first);
	else
		gather_quotes(a, b, &first);
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
	/* the terminal never says whether it took it: say what was sent, and why it may not arrive */
	if (a->opts.clipboard_note)
		app_message(a, true, "%s: %s may not reach the clipboard", a->opts.clipboard_note, a->pending_what);
	else
		app_message(a, false, "Sent %s to the clipboard by OSC 52 (%zu chars)", a->pending_what, chars);
	exported(a);
	return R_CLIPBOARD | R_PANES;
}

static unsigned export_start(app *a, enum action act)
{
	bool to_clipboard = act == ACT_COPY;
	a->pending_to_clipboard = to_clipboard;
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

/* Where path (~ expanded) leads when it is a symbolic link, so that
 * nobody writes through one without a word; "" when it is none. */
static void link_target(const char *path, char *target, size_t n)
{
	target[0] = '\0';
	char *full = NULL;
	struct stat st;
	if (export_expand_path(path, &full) || lstat(full, &st) || !S_ISLNK(st.st_mode)) {
		free(full);
		return;
	}
	char raw[PATH_MAX];
	char *real = realpath(full, NULL);
	ssize_t k = real ? -1 : readlink(full, raw, sizeof raw - 1);
	if (k >= 0)
		raw[k] = '\0';
	app_cut(target, n, "%s", real ? real : k >= 0 ? raw : "?");
	free(real);
	free(full);
}

static unsigned write_export(app *a, const char *path, enum export_mode mode)
{
	char link[160];
	link_target(path, link, sizeof link);
	int rc = export_write(path, a->pending.s ? a->pending.s : "", a->pending.len, mode, a->opts.export_format);
	if (rc == Q_EEXIST) {
		/* path may be the prompt's own text, which opening the question clears */
		char *target = strdup(path);
		free(a->export_target);
		a->export_target = target;
		app_prompt_open(a, PROMPT_OVERWRITE, "");
		if (link[0])
			app_message(a, false, "%s is a link to %s: a)ppend, o)verwrite, c)ancel?",
			            target ? target : "the file", link);
		else
			app_message(a, false, "%s exists: a)ppend, o)verwrite, c)ancel?", target ? target : "the file");
		return R_STATUS;
	}
	if (rc)
		app_message(a, true, "Could not export to %s: %s", path, error_message(rc));
	else
		app_message(a, false, "Exported %s to %s%s%s%s", a->pending_what, path, link[0] ? " (a link to " : "",
		            link, link[0] ? ")" : "");
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
	.cancel = marks_clear,
	.free = export_free,
};
