/* config.ini: the user's settings, read through iniparser.
 *
 * Read order, each file on top of the one before: the built-in defaults
 * (config_init, the same values as the config.ini shipped at the repo root),
 * $XDG_CONFIG_HOME/quoth/config.ini (default ~/.config/quoth/config.ini) when
 * it exists, then the file of --config. A bad value, an unknown key or
 * section, or a syntax error is a warning naming the file and the line; the
 * value before it is kept and the rest of the file still loads.
 *
 * Sections and keys (config.ini documents each):
 *   [ui]      keymap, keymap_override, mouse, color, search_history, keybar,
 *             next_at_end
 *   [layout]  wide_columns, list_width, quotes_width, narrow_list, tab_width
 *   [tags]    1 .. 9
 *   [export]  path, format
 *   [colors]  ELEMENT = FG [on] BG [ATTR...]    (colour terminals)
 *   [mono]    ELEMENT = ATTR...                 (no colour: NO_COLOR, mono)
 *   [quotes]  cue_verbs_LANG = verb, verb, ...
 *   [speakers] merge, keep_apart = FORM, FORM, ...   (the corpus index, names.h)
 */
#ifndef QUOTH_CONFIG_H
#define QUOTH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include "warnings.h"

/* THEME(ID, name, colour default, mono default, what it colours) */
#define THEME_ELEMENTS(THEME) \
	THEME(HEADER,         "header",         "default default bold",    "underline",      "header of a pane without the focus") \
	THEME(FOCUSED_HEADER, "focused_header", "black on cyan bold",      "reverse bold",   "header of the focused pane") \
	THEME(CURSOR,         "cursor",         "black on white",          "reverse",        "selected row of the list and the sidebar") \
	THEME(QUOTE,          "quote",          "yellow default",          "underline",      "quotes in the article text") \
	THEME(QUOTE_SELECTED, "quote_selected", "black on yellow",         "reverse",        "the selected quote in the article text") \
	THEME(SEARCH_MATCH,   "search_match",   "black on green",          "reverse bold",   "search matches") \
	THEME(SEARCH_CURRENT, "search_current", "black on bright-yellow bold", "reverse bold underline", "the current search match") \
	THEME(SELECTION,      "selection",      "black on magenta",        "reverse underline", "visual selection in the text") \
	THEME(MARKED,         "marked",         "green default bold",      "bold",           "marked rows") \
	THEME(SPEAKER,        "speaker",        "cyan default",            "bold",           "speaker under each quote in the sidebar") \
	THEME(SPEAKER_GUESS,  "speaker_guess",  "cyan default dim",        "dim",            "a speaker that is a guess (confidence below 0.6)") \
	THEME(TAG,            "tag",            "magenta default bold",    "bold",           "tag names beside quotes") \
	THEME(STATUS,         "status",         "white on blue",           "reverse",        "status line") \
	THEME(MESSAGE,        "message",        "red default bold",        "bold",           "errors and warnings on the status line") \
	THEME(BORDER,         "border",         "default default",         "none",           "lines between the panes") \
	THEME(HELP_KEY,       "help_key",       "green default bold",      "bold",           "keys on the help screen")

enum theme_element {
#define THEME_ENUM(id, name, color, mono, what) THEME_##id,
	THEME_ELEMENTS(THEME_ENUM)
#undef THEME_ENUM
	THEME__COUNT
};

/* Colours: -1 is the terminal's default; 0..7 black red green yellow blue
 * magenta cyan white; 8..15 their bright- forms; 16..255 colorN. */
#define QCOLOR_DEFAULT (-1)

/* Attribute bits, for the ui to map onto A_BOLD and friends. */
enum {
	QATTR_BOLD = 1 << 0,
	QATTR_DIM = 1 << 1,
	QATTR_UNDERLINE = 1 << 2,
	QATTR_REVERSE = 1 << 3,
	QATTR_ITALIC = 1 << 4,
	QATTR_STANDOUT = 1 << 5,
	QATTR_BLINK = 1 << 6,
};

struct style {
	short fg, bg;       /* QCOLOR_DEFAULT or 0..255 */
	unsigned attrs;     /* QATTR_* with colour */
	unsigned mono;      /* QATTR_* without colour */
};

/* How the article list yields below wide_columns. */
enum narrow_list {
	NARROW_HIDE,    /* hidden; toggle_list shows it in place of the text */
	NARROW_STRIP,   /* a strip a few columns wide (the article numbers) */
	NARROW_STACK,   /* a few rows above the text and the sidebar */
};

/* Where a setting came from, for messages about it later (a keymap that
 * is not found). file NULL: the built-in default. */
struct config_origin {
	char *file;
	int line;
};

/* One extra speech verb for the quote engine: [quotes] cue_verbs_da = ... */
struct cue_verb {
	char lang[12];   /* "en", "da", "pt_br", "es_419": a language, then maybe _ and a region */
	char *verb;      /* as written, trimmed; may hold spaces ("pointed out") */
};

struct config {
	/* [ui] */
	char *keymap;                       /* "default", "vi", "emacs", a name or a path */
	struct config_origin keymap_from;
	char *keymap_override;              /* a path with ~ expanded, or NULL */
	struct config_origin keymap_override_from;
	bool mouse;
	bool color;                         /* false: no colour (the ui also honours NO_COLOR) */
	int search_history;                 /* entries kept, 0..10000 */
	bool keybar;                        /* the row of the focused pane's keys above the status line */
	bool next_at_end;                   /* paging down at an article's end opens the next one */

	/* [layout] */
	int wide_columns;                   /* from this width on, three panes side by side */
	int list_width, quotes_width;       /* percent of the width in that layout */
	enum narrow_list narrow_list;
	int tab_width;                      /* 1..16 */

	/* [tags] */
	char *tag_names[9];                 /* tags of keys 1..9; NULL: unnamed */

	/* [export] */
	char *export_path;                  /* as written, ~ not expanded: see config_expand_home */
	char *export_format;                /* "text", "tsv" or "jsonl" */

	/* [colors] and [mono] */
	struct style theme[THEME__COUNT];

	/* [quotes] */
	struct cue_verb *cue_verbs;
	size_t n_cue_verbs, cue_verbs_cap;

	/* [speakers] */
	bool speakers_merge;                /* merge name forms of one person (names.h) */
	char **keep_apart;                  /* forms never merged; a later file's list replaces */
	size_t n_keep_apart;

	/* The files read, in order (for --version-like reports and messages). */
	char **files;
	size_t n_files;
};

/* Sets c to the built-in defaults. Returns 0 or Q_ENOMEM (c is then still
 * safe to free). */
int config_init(struct config *c);
void config_free(struct config *c);

/* Reads one config file on top of c. Returns 0 (warnings, if any, in w), or
 * Q_ENOENT / Q_EACCES / Q_EISDIR / Q_EIO / Q_ENOMEM when the file could not
 * be read at all (c unchanged). */
int config_load(struct config *c, const char *path, warnings *w);

/* The whole read order: config_init, the user's file when it exists, then
 * cli_path (--config; may be NULL). Returns 0 or the error of cli_path
 * (a user file that exists but cannot be read is a warning). */
int config_load_all(struct config *c, const char *cli_path, warnings *w);

/* $XDG_CONFIG_HOME/quoth (an unset, empty or relative XDG_CONFIG_HOME means
 * $HOME/.config), as a new string; NULL when neither is known. */
char *config_user_dir(void);
/* config_user_dir() + "/config.ini". */
char *config_user_path(void);

/* path with a leading "~" or "~/" replaced by the home folder ($HOME, else
 * the password database), as a new string; other paths copied. NULL when
 * out of memory. */
char *config_expand_home(const char *path);

/* Names for the theme and the settings. */
const char *theme_element_name(enum theme_element e);
const char *narrow_list_name(enum narrow_list n);
/* The colour of a name ("default", "red", "bright-red", "color42", "42"),
 * or -2 when it is not one. */
int color_from_name(const char *name);
/* The colour to use for color on a terminal with ncolors colours (8, 16,
 * 88, 256...): itself when the terminal has it; a bright colour's plain form
 * on 8 colours; a colour of the 256-colour cube or grey ramp approximated by
 * the nearest of the 16 (or 8). QCOLOR_DEFAULT stays. */
int color_for_terminal(int color, int ncolors);
/* The attribute bit of a name ("bold", ...), 0 for "none"/"normal", -1 when
 * it is not one. */
int attr_from_name(const char *name);

/* The cue verbs for lang (e.g. "da"), up to max of them into out; returns
 * how many there are. */
size_t config_cue_verbs(const struct config *c, const char *lang, const char **out, size_t max);

#endif
