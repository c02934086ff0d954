/* Tags on quotes: keys 1-9 toggle the tags config.ini names, t asks for
 * any name, T removes a quote's tags (asking first when it has several), U
 * undoes the last change; an article's tags are reconciled with its quotes
 * when it opens. A key acts on the selected quote, which it selects
 * visibly first when none was, and says which quote it changed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_tags.h"
#include "error.h"
#include "app_features.h"

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

unsigned app_tags_saved(app *a, int rc, const char *what)
{
	if (rc == 0) {
		app_message(a, false, "%s", what);
	} else if (rc == Q_EUSAGE) {
		app_message(a, true, "Not a tag name (no spaces or commas, at most %d bytes)", TAGS_NAME_MAX);
	} else {
		/* the failure first: a long quote in `what` would push it off the line */
		app_message(a, true, "NOT SAVED: %s (%s); %zu changes pending, retried on the next change. %s",
		            error_message(rc), tags_error_file(a->opts.tags), tags_pending(a->opts.tags), what);
	}
	app_tags_changed(a);
	return R_PANES;
}

bool app_need_tags(app *a)
{
	if (a->opts.tags)
		return true;
	app_message(a, true, "Tagging is off: the tag store could not be read");
	return false;
}

/* The quote a key acts on, selected so that it shows which. */
static bool need_quote(app *a, size_t *i)
{
	*i = app_current_quote(a);
	if (*i != SIZE_MAX) {
		if (!a->q_marked || a->q_sel != *i)
			app_select_quote(a, *i);
		return true;
	}
	app_message(a, false, a->doc && a->quotes.n ? "No quote on screen: select one with ] or [" : "No quotes here");
	return false;
}

/* "quote 5: “We will …” — Ingrid Dahl", cut to fit a message. */
static void quote_words(app *a, size_t i, char *buf, size_t n)
{
	bool guess, user;
	const char *who = app_quote_speaker(a, i, &guess, &user);
	char words[64];
	app_cut(words, sizeof words, "%s", a->qtext[i] ? a->qtext[i] : "");
	app_cut(buf, n, "quote %zu: \xE2\x80\x9C%s\xE2\x80\x9D \xE2\x80\x94 %s", i + 1, words,
	        who ? who : EXPORT_UNKNOWN_SPEAKER);
}

/* ---- undo ----------------------------------------------------------------------------------- */

/* The changes U takes back, newest last; a change of several tags at once
 * (T) is one group. */
#define UNDO_MAX 1000

void app_tags_remember(app *a, uint64_t art, uint64_t qid, const char *tag, bool was_on, bool new_group)
{
	if (a->nundo == UNDO_MAX) {
		memmove(a->undo, a->undo + 1, (UNDO_MAX - 1) * sizeof *a->undo);
		a->nundo--;
	}
	if (!a->undo && !(a->undo = calloc(UNDO_MAX, sizeof *a->undo)))
		return;
	struct tag_change *c = &a->undo[a->nundo];
	c->art = art;
	c->quote = qid;
	snprintf(c->tag, sizeof c->tag, "%s", tag);
	c->was_on = was_on;
	c->group = new_group ? ++a->undo_group : a->undo_group;
	a->nundo++;
}

static unsigned undo(app *a, enum action act)
{
	(void)act;
	if (!app_need_tags(a))
		return R_STATUS;
	if (!a->nundo) {
		app_message(a, false, "Nothing to undo");
		return R_STATUS;
	}
	unsigned group = a->undo[a->nundo - 1].group;
	size_t n = 0;
	int rc = 0;
	struct tag_change last = a->undo[a->nundo - 1];
	while (a->nundo && a->undo[a->nundo - 1].group == group) {
		struct tag_change *c = &a->undo[--a->nundo];
		int e = tags_set(a->opts.tags, c->art, c->quote, c->tag, c->was_on, NULL);
		rc = rc ? rc : e;
		n++;
	}
	for (size_t k = 0; a->doc && k < a->quotes.n; k++)
		if (a->quotes.v[k].id == last.quote && a->doc->id == last.art)
			app_select_quote(a, k);
	char what[160];
	if (n == 1)
		app_cut(what, sizeof what, "Undone: %s %s", last.was_on ? "put back" : "took off", last.tag);
	else
		snprintf(what, sizeof what, "Undone: put back %zu tags", n);
	return app_tags_saved(a, rc, what);
}

static unsigned tag_quote(app *a, size_t i, const char *tag)
{
	tag_meta m = meta_of(a, i);
	bool on = false;
	int rc = tags_toggle(a->opts.tags, a->doc->id, a->quotes.v[i].id, tag, &m, &on);
	if (rc != Q_EUSAGE)
		app_tags_remember(a, a->doc->id, a->quotes.v[i].id, tag, !on, true);
	char words[160], what[256];
	quote_words(a, i, words, sizeof words);
	app_cut(what, sizeof what, "%s %s: %s", on ? "Tagged" : "Untagged", tag, words);
	return app_tags_saved(a, rc, what);
}

static unsigned tag_toggle(app *a, enum action act)
{
	size_t i;
	int n = action_tag_number(act);
	if (!app_need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	const char *tag = n >= 1 && n <= 9 ? a->opts.tag_names[n - 1] : NULL;
	if (!tag) {
		app_message(a, true, "No tag on key %d (config.ini [tags])", n);
		return R_STATUS;
	}
	return tag_quote(a, i, tag);
}

static unsigned tag_prompt(app *a, enum action act)
{
	(void)act;
	size_t i;
	if (!app_need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	app_prompt_open(a, PROMPT_TAG, "");
	return R_STATUS;
}

static unsigned remove_tags(app *a, size_t i)
{
	const tag_entry *e = app_quote_tags(a, i);
	if (!e)
		return R_STATUS;
	size_t n = e->ntags;
	for (size_t k = 0; k < n; k++)
		app_tags_remember(a, a->doc->id, a->quotes.v[i].id, e->tags[k], true, k == 0);
	int rc = tags_clear(a->opts.tags, a->doc->id, a->quotes.v[i].id);
	char what[96];
	snprintf(what, sizeof what, "Removed %zu tag%s from quote %zu (U undoes)", n, n == 1 ? "" : "s", i + 1);
	return app_tags_saved(a, rc, what);
}

static unsigned untag(app *a, enum action act)
{
	(void)act;
	size_t i;
	if (!app_need_tags(a) || !need_quote(a, &i))
		return R_STATUS;
	const tag_entry *e = app_quote_tags(a, i);
	if (!e) {
		app_message(a, false, "Quote %zu has no tags", i + 1);
		return R_STATUS;
	}
	if (e->ntags == 1)
		return remove_tags(a, i);
	char list[120] = "";
	for (size_t k = 0; k < e->ntags && strlen(list) + strlen(e->tags[k]) + 3 < sizeof list; k++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", e->tags[k]);
	app_prompt_open(a, PROMPT_CONFIRM, "");
	app_message(a, false, "Remove %zu tags (%s) from quote %zu? y)es, n)o", e->ntags, list, i + 1);
	return R_PANES;
}

/* y removes the tags T asked about; anything else keeps them. */
static unsigned confirm_key(app *a, int key)
{
	a->prompt.kind = PROMPT_NONE;
	if ((key == 'y' || key == 'Y') && a->q_marked && a->q_sel < a->quotes.n)
		return remove_tags(a, a->q_sel);
	app_message(a, false, "Tags kept");
	return R_STATUS;
}

static const app_prompt_ops confirm_ops = {
	.key = confirm_key,
};

static void tags_article_opened(app *a)
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

/* ---- the tag prompt ------------------------------------------------------------------ */

/* Tab: the tags in use and those of keys 1..9. */
unsigned app_tag_complete(app *a)
{
	if (!a->opts.tags)
		return R_NONE;
	const char **names = NULL;
	size_t n = 0;
	if (tags_names(a->opts.tags, &names, NULL, &n))
		return R_NONE;
	const char **all = malloc((n + 9) * sizeof *all);
	if (!all) {
		free(names);
		return R_NONE;
	}
	memcpy(all, names, n * sizeof *all);
	size_t k = n;
	for (int i = 0; i < 9; i++)
		if (a->opts.tag_names[i])
			all[k++] = a->opts.tag_names[i];
	unsigned r = app_prompt_complete(a, all, k, "tag");
	free(all);
	free(names);
	return r;
}

static unsigned tag_accept(app *a)
{
	size_t i = app_current_quote(a);
	if (!a->prompt.buf[0] || i == SIZE_MAX)
		return R_STATUS;
	return tag_quote(a, i, a->prompt.buf);
}

static void tags_free(app *a)
{
	free(a->undo);
	a->undo = NULL;
	a->nundo = 0;
}

static const app_prompt_ops tag_prompt_ops = {
	.accept = tag_accept,
	.complete = app_tag_complete,
};

const app_feature app_tags_feature = {
	.name = "tags",
	.on_action = {
		[ACT_TAG_TOGGLE_1] = tag_toggle, [ACT_TAG_TOGGLE_2] = tag_toggle, [ACT_TAG_TOGGLE_3] = tag_toggle,
		[ACT_TAG_TOGGLE_4] = tag_toggle, [ACT_TAG_TOGGLE_5] = tag_toggle, [ACT_TAG_TOGGLE_6] = tag_toggle,
		[ACT_TAG_TOGGLE_7] = tag_toggle, [ACT_TAG_TOGGLE_8] = tag_toggle, [ACT_TAG_TOGGLE_9] = tag_toggle,
		[ACT_TAG_PROMPT] = tag_prompt,
		[ACT_UNTAG] = untag,
		[ACT_UNDO] = undo,
	},
	.prompt = { [PROMPT_TAG] = &tag_prompt_ops, [PROMPT_CONFIRM] = &confirm_ops },
	.article_opened = tags_article_opened,
	.free = tags_free,
};
