/* Tags on quotes, marks, export and copy, and the view of every tagged
 * quote: the app's side of the tags and export layers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_internal.h"
#include "error.h"

/* ---- which quote ---------------------------------------------------------------- */

/* The quote a tag key acts on: the selected one in the sidebar; in the text
 * the marked quote when on screen, else the first quote on screen. */
static size_t current_quote(app *a)
{
	if (!a->quotes.n || a->focus == PANE_LIST)
		return SIZE_MAX;
	if (a->focus == PANE_QUOTES)
		return a->q_sel;
	size_t bottom = wrap_view_move(a->view, a->text_top, app_text_rows(a) - 1);
	wrap_row last;
	size_t end = wrap_view_rows(a->view, bottom, &last, 1) ? last.end : a->doc->len;
	if (a->q_marked && a->quotes.v[a->q_sel].close > a->text_top && a->quotes.v[a->q_sel].open < end)
		return a->q_sel;
	for (size_t i = 0; i < a->quotes.n; i++)
		if (a->quotes.v[i].close > a->text_top && a->quotes.v[i].open < end)
			return i;
	return SIZE_MAX;
}

static tag_meta meta_of(const app *a, size_t i)
{
	tag_meta m = { a->qtext[i], a->quotes.v[i].speaker, a->doc->title, a->doc->name };
	return m;
}

const tag_entry *app_quote_tags(const app *a, size_t i)
{
	if (!a->opts.tags || !a->doc || i >= a->quotes.n)
		return NULL;
	const tag_entry *e = tags_get(a->opts.tags, a->doc->id, a->quotes.v[i].id);
	return e && e->ntags ? e : NULL;
}

size_t app_list_tagged(const app *a, size_t i)
{
	const corpus_item *it = &a->corpus->v[i];
	return a->opts.tags && it->has_id ? tags_count_article(a->opts.tags, it->id) : 0;
}

static void tv_refresh(app *a);

/* After a change: say whether it reached the disk. */
static unsigned saved_or_not(app *a, int rc, const char *what)
{
	if (rc == 0) {
		app_message(a, false, "%s", what);
	} else if (rc == Q_EUSAGE) {
		app_message(a, true, "Not a tag name (no spaces or commas, at most %d bytes)", TAGS_NAME_MAX);
	} else {
		app_message(a, true, "%s, but NOT SAVED: %s (%s); %zu changes pending, will retry on the next change",
		            what, error_message(rc), tags_error_file(a->opts.tags), tags_pending(a->opts.tags));
	}
	if (a->tv.open)
		tv_refresh(a);
	return R_PANES;
}

static bool need_tags(app *a)
{
	if (a->opts.tags)
		return true;
	app_message(a, true, "Tagging is off: the tag store could not be read");
	return false;
}

static bool need_quote(app *a, size_t *i)
{
	*i = current_quote(a);
	if (*i != SIZE_MAX)
		return true;
	app_message(a, false, a->focus == PANE_LIST ? "Tag quotes in the sidebar or the text" : "No quote here");
	return false;
}

static unsigned tag_quote(app *a, size_t i, const char *tag)
{
	tag_meta m = meta_of(a, i);
	bool on = false;
	int rc = tags_toggle(a->opts.tags, a->doc->id, a->quotes.v[i].id, tag, &m, &on);
	char what[128];
	snprintf(what, sizeof what, "%s quote %zu: %s", on ? "Tagged" : "Untagged", i + 1, tag);
	return saved_or_not(a, rc, what);
}

unsigned app_tag_toggle(app *a, int n)
{
	size_t i;
	if (a->tv.open)
		return R_NONE;
	if (!need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	const char *tag = n >= 1 && n <= 9 ? a->opts.tag_names[n - 1] : NULL;
	if (!tag) {
		app_message(a, true, "No tag on key %d (config.ini [tags])", n);
		return R_STATUS;
	}
	return tag_quote(a, i, tag);
}

unsigned app_tag_prompt(app *a)
{
	size_t i;
	if (!need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	app_prompt_open(a, PROMPT_TAG, "");
	return R_STATUS;
}

unsigned app_untag(app *a)
{
	size_t i;
	if (!need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	const tag_entry *e = app_quote_tags(a, i);
	if (!e) {
		app_message(a, false, "Quote %zu has no tags", i + 1);
		return R_STATUS;
	}
	size_t n = e->ntags;
	int rc = tags_clear(a->opts.tags, a->doc->id, a->quotes.v[i].id);
	char what[96];
	snprintf(what, sizeof what, "Removed %zu tag%s from quote %zu", n, n == 1 ? "" : "s", i + 1);
	return saved_or_not(a, rc, what);
}

void app_tags_article_opened(app *a)
{
	if (!a->opts.tags)
		return;
	uint64_t *ids = malloc((a->quotes.n ? a->quotes.n : 1) * sizeof *ids);
	if (!ids)
		return;
	for (size_t i = 0; i < a->quotes.n; i++)
		ids[i] = a->quotes.v[i].id;
	size_t orphans = 0;
	int rc = tags_reconcile(a->opts.tags, a->doc->id, a->doc->name, ids, a->quotes.n, &orphans);
	free(ids);
	if (rc)
		app_message(a, true, "Tags: %s", error_message(rc));
	else if (orphans)
		app_message(a, false, "%zu tagged quote%s no longer in this article (kept: see the tagged view)",
		            orphans, orphans == 1 ? " is" : "s are");
}

/* ---- marks ------------------------------------------------------------------------- */

unsigned app_mark(app *a)
{
	if (a->tv.open) {
		if (!a->tv.n)
			return R_NONE;
		a->tv.marked[a->tv.sel] = !a->tv.marked[a->tv.sel];
		return app_tagged_do(a, ACT_MOVE_DOWN) | R_LAYOUT;
	}
	if (a->focus == PANE_LIST) {
		corpus_item *it = &a->corpus->v[a->list_sel];
		it->marked = !it->marked;
		if (a->list_sel + 1 < a->corpus->n)
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

/* ---- export and copy ---------------------------------------------------------------- */

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

static void gather_tagged(app *a, strbuf *b, bool *first)
{
	bool any = false;
	for (size_t i = 0; i < a->tv.n; i++)
		any |= a->tv.marked[i];
	for (size_t i = 0; i < a->tv.n; i++) {
		if (any && !a->tv.marked[i])
			continue;
		export_quote x = export_quote_of_entry(a->tv.v[i]);
		export_quote_append(b, a->opts.export_format, &x, *first);
		*first = false;
		a->pending_count++;
	}
}

/* What e and y take: the visual selection; the marked rows of the focused
 * pane; the current quote. */
static bool gather(app *a, strbuf *b)
{
	bool first = true;
	sb_init(b);
	a->pending_count = 0;
	if (a->tv.open) {
		export_begin(b, a->opts.export_format);
		gather_tagged(a, b, &first);
	} else if (a->visual && a->doc) {
		size_t s, e;
		app_visual_bounds(a, &s, &e);
		export_selection(b, a->doc, s, e);
		return b->len > 0;
	} else if (a->focus == PANE_LIST) {
		if (!any_marked_article(a))
			a->corpus->v[a->list_sel].marked = true;
		export_begin(b, a->opts.export_format);
		gather_articles(a, b, &first);
	} else {
		export_begin(b, a->opts.export_format);
		if (any_marked_quote(a)) {
			for (size_t i = 0; i < a->quotes.n; i++)
				if (a->q_mark[i])
					add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], &first);
		} else {
			size_t i = current_quote(a);
			if (i != SIZE_MAX)
				add_quote(a, b, a->doc, &a->quotes.v[i], a->qtext[i], &first);
		}
	}
	return a->pending_count > 0;
}

static void describe(const app *a, char *buf, size_t n)
{
	if (a->pending_count)
		snprintf(buf, n, "%zu quote%s", a->pending_count, a->pending_count == 1 ? "" : "s");
	else
		snprintf(buf, n, "the selection");
}

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
	if (a->visual)
		a->visual = false;
	return R_CLIPBOARD | R_PANES;
}

unsigned app_export_start(app *a, bool to_clipboard)
{
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
		a->visual = false;
	return R_PANES;
}

unsigned app_overwrite_key(app *a, int key)
{
	enum export_mode mode;
	if (key == 'a' || key == 'A')
		mode = EXPORT_APPEND;
	else if (key == 'o' || key == 'O')
		mode = EXPORT_OVERWRITE;
	else if (key == 'c' || key == 'C' || key == EK_ESC || key == 'n' || key == 'q') {
		a->prompt.kind = PROMPT_NONE;
		sb_free(&a->pending);
		app_message(a, false, "Export cancelled");
		return R_STATUS;
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

/* ---- prompts: tag, filter, export ----------------------------------------------------- */

unsigned app_prompt_accept(app *a)
{
	enum prompt_kind kind = a->prompt.kind;
	a->prompt.kind = PROMPT_NONE;
	const char *text = a->prompt.buf;
	switch (kind) {
	case PROMPT_TAG: {
		size_t i = current_quote(a);
		if (!*text || i == SIZE_MAX)
			return R_STATUS;
		return tag_quote(a, i, text);
	}
	case PROMPT_FILTER:
		if (*text && !tags_name_valid(text)) {
			app_message(a, true, "Not a tag name: %.40s", text);
			return R_STATUS;
		}
		memcpy(a->tv.filter, text, strlen(text) + 1);   /* a valid name fits */
		a->tv.sel = a->tv.top = 0;
		tv_refresh(a);
		return R_LAYOUT;
	case PROMPT_EXPORT:
		if (!*text) {
			sb_free(&a->pending);
			app_message(a, false, "Export cancelled");
			return R_STATUS;
		}
		return write_export(a, text, EXPORT_REFUSE);
	default:
		return R_STATUS;
	}
}

/* Tab: complete the tag name from the tags in use (the longest common
 * prefix of those that match; the candidates are listed when several). */
unsigned app_prompt_complete(app *a)
{
	if ((a->prompt.kind != PROMPT_TAG && a->prompt.kind != PROMPT_FILTER) || !a->opts.tags)
		return R_NONE;
	const char **names = NULL;
	size_t n = 0;
	if (tags_names(a->opts.tags, &names, NULL, &n))
		return R_NONE;
	const char *pre = a->prompt.buf;
	size_t plen = a->prompt.len, matches = 0, common = 0;
	/* names is sorted: those that start with pre follow the first name not
	 * below it (a binary search, however many names there are) */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strncmp(names[mid], pre, plen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < n && !strncmp(names[end], pre, plen))
		end++;
	/* those, up to a screenful, with the last of them (the common prefix of
	 * a sorted range is that of its ends), and the tags of keys 1..9 */
	const char *all[256];
	size_t k = 0;
	for (size_t i = lo; i < end && k < 238; i++)
		all[k++] = names[i];
	if (end - lo > 238)
		all[k++] = names[end - 1];
	for (int i = 0; i < 9 && k < 256; i++)
		if (a->opts.tag_names[i])
			all[k++] = a->opts.tag_names[i];
	const char *first = NULL;
	char list[200] = "";
	for (size_t i = 0; i < k; i++) {
		if (strncmp(all[i], pre, plen))
			continue;
		if (first && !strcmp(first, all[i]))
			continue;
		if (!first) {
			first = all[i];
			common = strlen(first);
		} else {
			size_t c = 0;
			while (c < common && first[c] == all[i][c])
				c++;
			common = c;
		}
		matches++;
		if (strlen(list) + strlen(all[i]) + 2 < sizeof list) {
			strcat(list, all[i]);
			strcat(list, " ");
		}
	}
	if (first && common > plen) {
		char buf[PROMPT_MAX];
		snprintf(buf, sizeof buf, "%.*s", (int)common, first);
		app_prompt_set(a, buf);
	}
	if (matches > 1)
		app_message(a, false, "%s", list);
	else if (!matches)
		app_message(a, false, "No tag starts with that");
	else
		a->msg[0] = '\0';
	free(names);
	return R_STATUS;
}

/* ---- the tagged-quotes view ------------------------------------------------------------- */

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

unsigned app_tagged_toggle(app *a)
{
	if (a->tv.open) {
		a->tv.open = false;
		return R_LAYOUT;
	}
	if (!need_tags(a))
		return R_STATUS;
	a->visual = false;
	a->tv.open = true;
	a->tv.sel = a->tv.top = 0;
	tv_refresh(a);
	return R_LAYOUT;
}

static size_t tv_rows(const app *a)
{
	int h = a->rows - 2;   /* header and status */
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

/* Finds the article of a tagged quote in the corpus, by id, then by path;
 * adds the file when it is not there. */
static size_t find_article(app *a, const tag_entry *e)
{
	for (size_t i = 0; i < a->corpus->n; i++)
		if (a->corpus->v[i].has_id && a->corpus->v[i].id == e->art)
			return i;
	for (size_t i = 0; i < a->corpus->n; i++) {
		char *real = realpath(a->corpus->v[i].path, NULL);
		bool same = real && !strcmp(real, e->path);
		free(real);
		if (same)
			return i;
	}
	if (!*e->path || corpus_add_path(a->corpus, e->path))
		return SIZE_MAX;
	return a->corpus->n - 1;
}

static unsigned tv_open(app *a)
{
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
	a->list_sel = i;
	if (app_open_article(a, i))
		return R_LAYOUT;
	a->focus = PANE_TEXT;
	for (size_t k = 0; k < a->quotes.n; k++)
		if (a->quotes.v[k].id == qid) {
			app_select_quote(a, k);
			return R_LAYOUT;
		}
	app_message(a, true, "That quote is no longer in the article (orphaned tag)");
	return R_LAYOUT;
}

unsigned app_tagged_do(app *a, enum action act)
{
	long page = (long)tv_rows(a);
	switch (act) {
	case ACT_MOVE_UP: return tv_select(a, (long)a->tv.sel - 1);
	case ACT_MOVE_DOWN: return tv_select(a, (long)a->tv.sel + 1);
	case ACT_PAGE_UP: return tv_select(a, (long)a->tv.sel - page);
	case ACT_PAGE_DOWN: return tv_select(a, (long)a->tv.sel + page);
	case ACT_HALF_PAGE_UP: return tv_select(a, (long)a->tv.sel - page / 2);
	case ACT_HALF_PAGE_DOWN: return tv_select(a, (long)a->tv.sel + page / 2);
	case ACT_MOVE_FIRST: return tv_select(a, 0);
	case ACT_MOVE_LAST: return tv_select(a, (long)a->tv.n - 1);
	case ACT_OPEN: return tv_open(a);
	case ACT_FILTER:
		app_prompt_open(a, PROMPT_FILTER, a->tv.filter);
		return R_STATUS;
	case ACT_MARK: return app_mark(a);
	case ACT_EXPORT: return app_export_start(a, false);
	case ACT_COPY: return app_export_start(a, true);
	case ACT_UNTAG: {
		if (!a->tv.n)
			return R_NONE;
		const tag_entry *e = a->tv.v[a->tv.sel];
		int rc = tags_clear(a->opts.tags, e->art, e->quote);
		saved_or_not(a, rc, "Removed the tags of the quote");
		return R_LAYOUT;
	}
	case ACT_TAGGED_VIEW: case ACT_QUIT: case ACT_CANCEL:
		a->tv.open = false;
		return R_LAYOUT;
	case ACT_REDRAW: return R_LAYOUT;
	default:
		return R_NONE;
	}
}

void app_tags_free(app *a)
{
	free(a->tv.v);
	free(a->tv.marked);
	memset(&a->tv, 0, sizeof a->tv);
	sb_free(&a->pending);
	sb_free(&a->clip);
	free(a->export_target);
	a->export_target = NULL;
}
