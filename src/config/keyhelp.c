/* The help screen's lines, from the action table and a keymap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include "error.h"
#include "grow.h"
#include "keymap.h"
#include "strbuf.h"

/* Keys wider than this do not widen the column (the line just runs on), so
 * that the help fits 80 columns. */
#define KEYS_COLUMN_MAX 16

static int width(const char *s)
{
	return u8_strwidth((const uint8_t *)s, "UTF-8");
}

/* "Down, j" then keys of pane sections: "Space (list, quotes, tagged)". */
static char *keys_text(const keymap *km, enum action a)
{
	int keys[64];
	unsigned ctx_of[64] = { 0 };
	int pane_keys[64];
	size_t npane = 0;
	strbuf b;
	sb_init(&b);
	char kn[KEY_NAME_MAX];
	size_t n = keymap_keys(km, KC_GLOBAL, a, keys, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		sb_printf(&b, "%s%s", i ? ", " : "", qkey_name(keys[i], kn));
	for (int c = KC_GLOBAL + 1; c < KC__COUNT; c++) {
		int ck[64];
		size_t m = keymap_keys(km, c, a, ck, 64);
		for (size_t i = 0; i < m && i < 64; i++) {
			if (keymap_lookup(km, KC_GLOBAL, ck[i]) == a)
				continue;   /* already listed as a global key */
			size_t j = 0;
			while (j < npane && pane_keys[j] != ck[i])
				j++;
			if (j == npane && npane < 64)
				pane_keys[npane++] = ck[i];
			if (j < 64)
				ctx_of[j] |= KCM(c);
		}
	}
	for (size_t j = 0; j < npane; j++) {
		sb_printf(&b, "%s%s (", b.len ? ", " : "", qkey_name(pane_keys[j], kn));
		bool first = true;
		for (int c = KC_GLOBAL + 1; c < KC__COUNT; c++)
			if (ctx_of[j] & KCM(c)) {
				sb_printf(&b, "%s%s", first ? "" : ", ", keyctx_name(c));
				first = false;
			}
		sb_putc(&b, ')');
	}
	return sb_take(&b);
}

/* What the key bar offers in each context, most used first. */
static const struct {
	enum action action;
	const char *label;
} bar[KC__COUNT][KEYBAR_MAX] = {
	[KC_GLOBAL] = { { ACT_HELP, "help" }, { ACT_QUIT, "quit" } },
	[KC_LIST] = { { ACT_OPEN, "open" }, { ACT_MARK, "mark" }, { ACT_COPY, "copy" }, { ACT_EXPORT, "export" },
	              { ACT_SEARCH, "search" }, { ACT_TOGGLE_LIST, "list" }, { ACT_HELP, "help" }, { ACT_QUIT, "quit" } },
	[KC_TEXT] = { { ACT_PAGE_DOWN, "page" }, { ACT_QUOTE_NEXT, "next quote" }, { ACT_TAG_TOGGLE_1, "tag" },
	              { ACT_VISUAL, "select" }, { ACT_SEARCH, "search" }, { ACT_FOCUS_NEXT, "pane" },
	              { ACT_HELP, "help" }, { ACT_QUIT, "quit" } },
	[KC_QUOTES] = { { ACT_TAG_TOGGLE_1, "tag" }, { ACT_TAG_PROMPT, "tag as" }, { ACT_SPEAKER, "speaker" },
	                { ACT_CONTEXT, "sentence" }, { ACT_MARK, "mark" }, { ACT_COPY, "copy" },
	                { ACT_UNDO, "undo" }, { ACT_HELP, "help" } },
	[KC_TAGGED] = { { ACT_OPEN, "open" }, { ACT_FILTER, "filter" }, { ACT_MARK, "mark" },
	                { ACT_EXPORT, "export" }, { ACT_UNTAG, "untag" }, { ACT_TAGGED_VIEW, "close" } },
	[KC_HELP] = { { ACT_PAGE_DOWN, "page" }, { ACT_SEARCH, "search" }, { ACT_QUIT, "close" } },
	[KC_INDEX] = { { ACT_OPEN, "open" }, { ACT_FILTER, "filter" }, { ACT_LIST_SORT, "sort" },
	               { ACT_QUIT, "back" }, { ACT_HELP, "help" } },
};

size_t keyhelp_bar(const keymap *km, enum keyctx ctx, struct keybar_item out[KEYBAR_MAX])
{
	size_t n = 0;
	if ((unsigned)ctx >= KC__COUNT)
		return 0;
	for (size_t i = 0; i < KEYBAR_MAX && bar[ctx][i].label; i++) {
		enum action a = bar[ctx][i].action;
		int key = keymap_key_for(km, ctx, a);
		if (key < 0)
			continue;
		qkey_name(key, out[n].key);
		/* the nine tag keys read as one range: "1-9" */
		int last = a == ACT_TAG_TOGGLE_1 ? keymap_key_for(km, ctx, ACT_TAG_TOGGLE_9) : -1;
		if (last >= 0) {
			char k9[KEY_NAME_MAX];
			size_t len = strlen(out[n].key), len9 = strlen(qkey_name(last, k9));
			if (len + 1 + len9 < KEY_NAME_MAX) {
				out[n].key[len] = '-';
				memcpy(out[n].key + len + 1, k9, len9 + 1);
			}
		}
		out[n++].label = bar[ctx][i].label;
	}
	return n;
}

static char *help_text(enum action a, const char *const tag_names[9])
{
	int t = action_tag_number(a);
	char *s;
	if (t && tag_names && tag_names[t - 1] && tag_names[t - 1][0]) {
		if (asprintf(&s, "%s: %s", action_help(a), tag_names[t - 1]) < 0)
			return NULL;
		return s;
	}
	return strdup(action_help(a));
}

/* Adds a line, taking keys and text (freed if it cannot be added). */
static bool add(help *h, size_t *cap, enum help_kind kind, enum action a, char *keys, const char *name, char *text)
{
	if (GROW(h->v, *cap, h->n + 1, 64)) {
		free(keys);
		free(text);
		return false;
	}
	h->v[h->n++] = (struct help_line){ kind, a, keys, name, text, NULL };
	return keys && text;
}

static void pad(strbuf *b, const char *s, int cols)
{
	sb_puts(b, s);
	for (int w = width(s); w < cols; w++)
		sb_putc(b, ' ');
}

static int format_lines(help *h)
{
	for (size_t i = 0; i < h->n; i++) {
		struct help_line *l = &h->v[i];
		strbuf b;
		sb_init(&b);
		if (l->kind == HELP_ENTRY) {
			pad(&b, l->keys, h->keys_width);
			sb_puts(&b, "  ");
			pad(&b, l->name, h->name_width);
			sb_puts(&b, "  ");
		}
		sb_puts(&b, l->text);
		if (!(l->line = sb_take(&b)))
			return Q_ENOMEM;
	}
	return 0;
}

int keyhelp_build(const keymap *km, const char *const tag_names[9], help *out)
{
	memset(out, 0, sizeof *out);
	size_t cap = 0;
	for (int g = 0; g < AG__COUNT; g++) {
		if (g > 0 && !add(out, &cap, HELP_BLANK, ACT_NONE, strdup(""), "", strdup("")))
			goto fail;
		if (!add(out, &cap, HELP_HEADING, ACT_NONE, strdup(""), "", strdup(action_group_title(g))))
			goto fail;
		for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
			if (action_info(a)->group != (enum action_group)g)
				continue;
			if (!add(out, &cap, HELP_ENTRY, a, keys_text(km, a), action_name(a), help_text(a, tag_names)))
				goto fail;
			int kw = width(out->v[out->n - 1].keys), nw = width(action_name(a));
			if (kw <= KEYS_COLUMN_MAX && kw > out->keys_width)
				out->keys_width = kw;
			if (nw > out->name_width)
				out->name_width = nw;
		}
	}
	if (format_lines(out) == 0)
		return 0;
fail:
	keyhelp_free(out);
	return Q_ENOMEM;
}

void keyhelp_free(help *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].keys);
		free(h->v[i].text);
		free(h->v[i].line);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}
