/* The action table: names, groups, default keys and help of every action. */
#include <stddef.h>
#include <strings.h>
#include "action.h"

static const struct action_info actions[ACT__COUNT] = {
	[ACT_NONE] = { "none", AG_OTHER, 0, "", "" },
#define ACTION_ROW(id, name, group, ctx, keys, help) [ACT_##id] = { name, group, ctx, keys, help },
	ACTIONS(ACTION_ROW)
#undef ACTION_ROW
};

static const char *const ctx_names[KC__COUNT] = {
	[KC_GLOBAL] = "global",
	[KC_LIST] = "list",
	[KC_TEXT] = "text",
	[KC_QUOTES] = "quotes",
	[KC_TAGGED] = "tagged",
	[KC_INDEX] = "index",
	[KC_HELP] = "help",
};

static const char *const group_titles[AG__COUNT] = {
	[AG_MOVE] = "Moving",
	[AG_PANES] = "Panes, articles and quotes",
	[AG_SEARCH] = "Searching",
	[AG_TAGS] = "Tagging",
	[AG_SELECT] = "Selecting, exporting, copying",
	[AG_CORPUS] = "The corpus: speakers, the same quote, the list",
	[AG_OTHER] = "Other",
};

const char *keyctx_name(enum keyctx ctx)
{
	return (unsigned)ctx < KC__COUNT ? ctx_names[ctx] : "?";
}

int keyctx_by_name(const char *name)
{
	for (int i = 0; i < KC__COUNT; i++)
		if (!strcasecmp(name, ctx_names[i]))
			return i;
	return -1;
}

const struct action_info *action_info(enum action a)
{
	return a > ACT_NONE && a < ACT__COUNT ? &actions[a] : NULL;
}

const char *action_name(enum action a)
{
	return (unsigned)a < ACT__COUNT ? actions[a].name : "?";
}

const char *action_help(enum action a)
{
	return (unsigned)a < ACT__COUNT ? actions[a].help : "";
}

/* Compares a keymap name with a table name: case-insensitive, '-' = '_'. */
static bool same_name(const char *user, const char *table)
{
	for (; *user && *table; user++, table++) {
		char c = *user == '-' ? '_' : *user;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != *table)
			return false;
	}
	return *user == *table;
}

enum action action_by_name(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		if (same_name(name, actions[a].name))
			return a;
	return ACT_NONE;
}

bool action_is_none_name(const char *name)
{
	return same_name(name, "none");
}

int action_tag_number(enum action a)
{
	return a >= ACT_TAG_TOGGLE_1 && a <= ACT_TAG_TOGGLE_9 ? (int)(a - ACT_TAG_TOGGLE_1) + 1 : 0;
}

const char *action_group_title(enum action_group g)
{
	return (unsigned)g < AG__COUNT ? group_titles[g] : "";
}

_Static_assert(ACT_TAG_TOGGLE_9 - ACT_TAG_TOGGLE_1 == 8, "tag toggles 1..9 are consecutive");
