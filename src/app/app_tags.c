/* Tags on quotes: keys 1-9 toggle the tags config.ini names, t asks for
 * any name, T removes a quote's tags; an article's tags are reconciled with
 * its quotes when it opens. */
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
		app_message(a, true, "%s, but NOT SAVED (%zu changes pending): %s; will retry on the next change",
		            what, tags_pending(a->opts.tags), error_message(rc));
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

static bool need_quote(app *a, size_t *i)
{
	*i = app_current_quote(a);
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
	size_t n = e->ntags;
	int rc = tags_clear(a->opts.tags, a->doc->id, a->quotes.v[i].id);
	char what[96];
	snprintf(what, sizeof what, "Removed %zu tag%s from quote %zu", n, n == 1 ? "" : "s", i + 1);
	return app_tags_saved(a, rc, what);
}

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
	},
	.prompt = { [PROMPT_TAG] = &tag_prompt_ops },
	.article_opened = tags_article_opened,
};
