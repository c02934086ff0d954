/* Every action of the reader, in one table.
 *
 * As tig's request table: one X-macro list gives the enum, the name used in
 * keymap files, the help group, the contexts and keys of the built-in default
 * keymap (keymaps/default.ini says the same; a test checks it), and the help
 * text. The keymap parser, the help screen and the built-in keymap all read
 * this list, so an action cannot exist without a name, a key and a help line.
 *
 * What an action does is the app layer's business: the same action may mean
 * different things in different panes (open: an article in the list, a quote
 * in the sidebar), and the help text says so. Help texts stay within 50
 * columns, so that a help line fits an 80-column terminal (a test checks).
 */
#ifndef QUOTH_ACTION_H
#define QUOTH_ACTION_H

#include <stdbool.h>

/* The contexts a binding can belong to: the pane or view that has the focus.
 * A key is looked up in the focused context first, then in global. */
enum keyctx {
	KC_GLOBAL,
	KC_LIST,     /* the article list */
	KC_TEXT,     /* the article text */
	KC_QUOTES,   /* the quote sidebar */
	KC_TAGGED,   /* the view of every tagged quote */
	KC_HELP,     /* the help screen */
	KC_INDEX,    /* the views of the corpus index: speakers, their quotes, a group of one quote */
	KC__COUNT
};
#define KCM(ctx) (1u << (ctx))
#define KCM_ROWS (KCM(KC_LIST) | KCM(KC_QUOTES) | KCM(KC_TAGGED))

/* "global", "list", "text", "quotes", "tagged", "help", "index": the section names of
 * a keymap file. */
const char *keyctx_name(enum keyctx ctx);
/* The context of a section name (case-insensitive), or -1. */
int keyctx_by_name(const char *name);

enum action_group {
	AG_MOVE,
	AG_PANES,
	AG_SEARCH,
	AG_TAGS,
	AG_SELECT,
	AG_CORPUS,
	AG_OTHER,
	AG__COUNT
};

/* ACTION(ID, name, group, default contexts, default keys, help)
 * Default keys are key names as keymap files write them (see keymap.h),
 * separated by ", "; they are bound in each context of the mask. */
#define ACTIONS(ACTION) \
	ACTION(MOVE_UP,        "move_up",        AG_MOVE,   KCM(KC_GLOBAL), "Up, k",      "Move up a line in the text, a row in a list") \
	ACTION(MOVE_DOWN,      "move_down",      AG_MOVE,   KCM(KC_GLOBAL), "Down, j",    "Move down a line in the text, a row in a list") \
	ACTION(MOVE_LEFT,      "move_left",      AG_MOVE,   KCM(KC_GLOBAL), "Left, h",    "Move the cursor a character left (in a selection)") \
	ACTION(MOVE_RIGHT,     "move_right",     AG_MOVE,   KCM(KC_GLOBAL), "Right, l",   "Move the cursor a character right (in a selection)") \
	ACTION(WORD_NEXT,      "word_next",      AG_MOVE,   KCM(KC_GLOBAL), "w",          "Move the cursor a word on (in a selection)") \
	ACTION(WORD_PREV,      "word_prev",      AG_MOVE,   KCM(KC_GLOBAL), "W",          "Move the cursor a word back (in a selection)") \
	ACTION(PAGE_DOWN,      "page_down",      AG_MOVE,   KCM(KC_GLOBAL), "PgDn, Space", "Move down a page; at the end, the next article") \
	ACTION(PAGE_UP,        "page_up",        AG_MOVE,   KCM(KC_GLOBAL), "PgUp, b",    "Move up a page") \
	ACTION(HALF_PAGE_DOWN, "half_page_down", AG_MOVE,   KCM(KC_GLOBAL), "d",          "Move down half a page") \
	ACTION(HALF_PAGE_UP,   "half_page_up",   AG_MOVE,   KCM(KC_GLOBAL), "u",          "Move up half a page") \
	ACTION(MOVE_FIRST,     "move_first",     AG_MOVE,   KCM(KC_GLOBAL), "g, Home",    "Go to the first line or row") \
	ACTION(MOVE_LAST,      "move_last",      AG_MOVE,   KCM(KC_GLOBAL), "G, End",     "Go to the last line or row") \
	ACTION(FOCUS_NEXT,     "focus_next",     AG_PANES,  KCM(KC_GLOBAL), "Tab",        "Focus the next pane") \
	ACTION(FOCUS_PREV,     "focus_prev",     AG_PANES,  KCM(KC_GLOBAL), "S-Tab",      "Focus the previous pane") \
	ACTION(TOGGLE_LIST,    "toggle_list",    AG_PANES,  KCM(KC_GLOBAL), "L",          "Show or hide the article list") \
	ACTION(OPEN,           "open",           AG_PANES,  KCM(KC_GLOBAL), "Enter",      "Open the article, or show the quote in the text") \
	ACTION(ARTICLE_NEXT,   "article_next",   AG_PANES,  KCM(KC_GLOBAL), "}",          "Open the next article") \
	ACTION(ARTICLE_PREV,   "article_prev",   AG_PANES,  KCM(KC_GLOBAL), "{",          "Open the previous article") \
	ACTION(QUOTE_NEXT,     "quote_next",     AG_PANES,  KCM(KC_GLOBAL), "]",          "Select the next quote, scroll the text to it") \
	ACTION(QUOTE_PREV,     "quote_prev",     AG_PANES,  KCM(KC_GLOBAL), "[",          "Select the previous quote, scroll the text to it") \
	ACTION(TAGGED_VIEW,    "tagged_view",    AG_PANES,  KCM(KC_GLOBAL), "F2, '",      "Show every tagged quote in the corpus") \
	ACTION(SPEAKERS,       "speakers",       AG_CORPUS, KCM(KC_GLOBAL), "S",          "Show every speaker of the corpus index") \
	ACTION(SAME_QUOTE,     "same_quote",     AG_CORPUS, KCM(KC_GLOBAL), "=",          "Show the quote as other articles carry it") \
	ACTION(LIST_FILTER,    "list_filter",    AG_CORPUS, KCM(KC_GLOBAL), "&",          "Narrow the list: words, speaker: lang: text: ...") \
	ACTION(LIST_SORT,      "list_sort",      AG_CORPUS, KCM(KC_GLOBAL), "o",          "Sort the list (path, date, title, quotes)") \
	ACTION(SEARCH,         "search",         AG_SEARCH, KCM(KC_GLOBAL), "/",          "Search forward in the focused pane") \
	ACTION(SEARCH_BACK,    "search_back",    AG_SEARCH, KCM(KC_GLOBAL), "M-/",        "Search backward in the focused pane") \
	ACTION(SEARCH_NEXT,    "search_next",    AG_SEARCH, KCM(KC_GLOBAL), "n",          "Go to the next match") \
	ACTION(SEARCH_PREV,    "search_prev",    AG_SEARCH, KCM(KC_GLOBAL), "N",          "Go to the previous match") \
	ACTION(TAG_TOGGLE_1,   "tag_toggle_1",   AG_TAGS,   KCM(KC_GLOBAL), "1",          "Toggle tag 1 on the quote") \
	ACTION(TAG_TOGGLE_2,   "tag_toggle_2",   AG_TAGS,   KCM(KC_GLOBAL), "2",          "Toggle tag 2 on the quote") \
	ACTION(TAG_TOGGLE_3,   "tag_toggle_3",   AG_TAGS,   KCM(KC_GLOBAL), "3",          "Toggle tag 3 on the quote") \
	ACTION(TAG_TOGGLE_4,   "tag_toggle_4",   AG_TAGS,   KCM(KC_GLOBAL), "4",          "Toggle tag 4 on the quote") \
	ACTION(TAG_TOGGLE_5,   "tag_toggle_5",   AG_TAGS,   KCM(KC_GLOBAL), "5",          "Toggle tag 5 on the quote") \
	ACTION(TAG_TOGGLE_6,   "tag_toggle_6",   AG_TAGS,   KCM(KC_GLOBAL), "6",          "Toggle tag 6 on the quote") \
	ACTION(TAG_TOGGLE_7,   "tag_toggle_7",   AG_TAGS,   KCM(KC_GLOBAL), "7",          "Toggle tag 7 on the quote") \
	ACTION(TAG_TOGGLE_8,   "tag_toggle_8",   AG_TAGS,   KCM(KC_GLOBAL), "8",          "Toggle tag 8 on the quote") \
	ACTION(TAG_TOGGLE_9,   "tag_toggle_9",   AG_TAGS,   KCM(KC_GLOBAL), "9",          "Toggle tag 9 on the quote") \
	ACTION(TAG_PROMPT,     "tag_prompt",     AG_TAGS,   KCM(KC_GLOBAL), "t",          "Tag the quote with any name (Tab completes)") \
	ACTION(UNTAG,          "untag",          AG_TAGS,   KCM(KC_GLOBAL), "T",          "Remove tags from the quote") \
	ACTION(UNDO,           "undo",           AG_TAGS,   KCM(KC_GLOBAL), "U",          "Undo the last tag change") \
	ACTION(SPEAKER,        "speaker",        AG_TAGS,   KCM(KC_GLOBAL), "s",          "Correct who said the quote") \
	ACTION(CONTEXT,        "context",        AG_TAGS,   KCM(KC_GLOBAL), "c",          "Show the sentence that names the speaker") \
	ACTION(FILTER,         "filter",         AG_TAGS,   KCM(KC_TAGGED) | KCM(KC_INDEX), "f", "Filter the view: a tag, or a speaker's name") \
	ACTION(VISUAL,         "visual",         AG_SELECT, KCM(KC_GLOBAL), "v",          "Start or end a selection in the text") \
	ACTION(MARK,           "mark",           AG_SELECT, KCM_ROWS,       "Space",      "Mark or unmark the row") \
	ACTION(EXPORT,         "export",         AG_SELECT, KCM(KC_GLOBAL), "e",          "Export the selection or marked quotes to a file") \
	ACTION(COPY,           "copy",           AG_SELECT, KCM(KC_GLOBAL), "y",          "Copy the selection or marked quotes (clipboard)") \
	ACTION(HELP,           "help",           AG_OTHER,  KCM(KC_GLOBAL), "?, F1",      "Show this help") \
	ACTION(WARNINGS,       "warnings",       AG_OTHER,  KCM(KC_GLOBAL), "M",          "Show the warnings about config and keymap files") \
	ACTION(REDRAW,         "redraw",         AG_OTHER,  KCM(KC_GLOBAL), "C-l",        "Redraw the screen") \
	ACTION(CANCEL,         "cancel",         AG_OTHER,  KCM(KC_GLOBAL), "Esc",        "Cancel: end a selection or a search, close a view") \
	ACTION(QUIT,           "quit",           AG_OTHER,  KCM(KC_GLOBAL), "q",          "Close the view; in the main view, quit")

enum action {
	ACT_NONE = 0,   /* no action: the key is not bound */
#define ACTION_ENUM(id, name, group, ctx, keys, help) ACT_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT__COUNT
};

struct action_info {
	const char *name;           /* as in keymap files: "page_down" */
	enum action_group group;
	unsigned default_ctx;       /* KCM() mask */
	const char *default_keys;   /* "PgDn, Space" */
	const char *help;
};

/* The row of the table; NULL for ACT_NONE and out-of-range values. */
const struct action_info *action_info(enum action a);

/* "page_down"; "none" for ACT_NONE, "?" out of range. */
const char *action_name(enum action a);
/* The help text; "" for ACT_NONE and out of range. */
const char *action_help(enum action a);

/* The action of a keymap name, case-insensitive, '-' taken as '_' (so tig's
 * "page-down" style works too). ACT_NONE when unknown, and for "none". */
enum action action_by_name(const char *name);

/* True when name is the pseudo-action "none" (a keymap unbinding a key). */
bool action_is_none_name(const char *name);

/* 1..9 for ACT_TAG_TOGGLE_1..9, else 0. */
int action_tag_number(enum action a);

/* "Moving", "Panes and articles", ... for the help screen headings. */
const char *action_group_title(enum action_group g);

#endif
