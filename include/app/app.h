/* The app layer: the reader's state and the one function that applies an
 * action to it. No drawing here (that is src/ui/), so every action's effect
 * is tested headless.
 *
 * Each call returns reaction flags (as htop's actions do): which parts of
 * the screen changed, and whether to quit; the main loop redraws only those.
 */
#ifndef QUOTH_APP_H
#define QUOTH_APP_H

#include <stdbool.h>
#include <stddef.h>
#include "action.h"
#include "keymap.h"
#include "warnings.h"
#include "bigdoc.h"
#include "corpus.h"
#include "layout.h"
#include "export.h"
#include "index.h"
#include "positions.h"
#include "quotes.h"
#include "search.h"
#include "tags.h"
#include "wdiff.h"
#include "wrap.h"

enum reaction {
	R_NONE = 0,
	R_LIST = 1 << 0,
	R_TEXT = 1 << 1,
	R_QUOTES = 1 << 2,
	R_STATUS = 1 << 3,
	R_PANES = R_LIST | R_TEXT | R_QUOTES | R_STATUS,
	R_LAYOUT = 1 << 4,     /* clear and redraw everything */
	R_QUIT = 1 << 5,
	R_CLIPBOARD = 1 << 6,  /* send app.clip to the terminal (OSC 52), then empty it */
};

/* Keys while a prompt is open: a positive value is a character to insert. */
enum edit_key {
	EK_ENTER = -1, EK_ESC = -2, EK_BACKSPACE = -3, EK_DELETE = -4,
	EK_LEFT = -5, EK_RIGHT = -6, EK_HOME = -7, EK_END = -8,
	EK_UP = -9, EK_DOWN = -10, EK_KILL_LINE = -11, EK_KILL_WORD = -12,
	EK_TAB = -13,
};

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,     /* / and M-/ */
	PROMPT_TAG,        /* t: a tag name, Tab completes */
	PROMPT_FILTER,     /* f in the tagged view: a tag name, empty for all */
	PROMPT_EXPORT,     /* e: the file to write */
	PROMPT_OVERWRITE,  /* the file exists: a(ppend), o(verwrite), c(ancel) */
	PROMPT_SPEAKER,    /* s: who said the quote */
	PROMPT_CONFIRM,    /* a yes/no question (T on a quote with several tags) */
	PROMPT_PERSONS,    /* f in the speaker view: a part of a name, as you type */
	PROMPT_LIST,       /* &: words of titles, speaker:, lang:, source:, as you type */
	PROMPT__COUNT
};

#define PROMPT_MAX 512

typedef struct prompt {
	enum prompt_kind kind;
	char buf[PROMPT_MAX];
	size_t len, cur;           /* bytes; cur is on a character boundary */
	bool backward;             /* a backward search */
} prompt;

/* A saved place, to go back to when a search is cancelled. */
typedef struct place {
	size_t list_sel, list_top, text_top, q_sel, q_top, help_top;
	bool q_marked;
} place;

typedef struct app_opts {
	int tabwidth;
	layout_opts layout;
	quotes_opts quotes;
	const char *tag_names[9];      /* the tags of keys 1..9 (NULL: none) */
	const char *export_path;       /* proposed by e; "~" allowed */
	enum export_format export_format;
	tags_store *tags;              /* NULL: tagging is off (the store could not be read) */
	positions *positions;          /* NULL: positions are not remembered */
	size_t history_max;            /* searches remembered (config.ini search_history) */
	qindex *index;                 /* the corpus index; NULL: its views say how to make one */
	names_opts names;              /* [speakers] of config.ini, for deriving the speakers */
	const char *clipboard_note;    /* why a copy may not arrive ("tmux has set-clipboard off"), or NULL */
	const help *help;              /* the help screen's lines (NULL: none) */
	const warnings *warnings;      /* about the config and keymap files (NULL: none) */
	bool next_at_end;              /* paging down at the end of an article opens the next one */
} app_opts;

/* The views of the corpus index (app_corpus.c): every speaker, the quotes
 * of one speaker across the corpus, the variants of one quote. */
enum cview_mode { CV_CLOSED, CV_SPEAKERS, CV_QUOTES, CV_GROUP };

typedef struct corpus_view {
	enum cview_mode mode;
	bool from_speakers;            /* q goes back to the speakers (else closes) */
	index_person *persons;         /* every speaker, most quoted first */
	size_t npersons;
	size_t *shown;                 /* the persons the filter lets through, in the order shown */
	size_t nshown;
	bool by_name;                  /* sorted by name, not by count */
	char filter[PROMPT_MAX];
	size_t psel, ptop;             /* in shown */
	/* a speaker's quotes, or the variants of a quote: the rows of all of
	 * them, and the hits of those on screen only (read as the view moves,
	 * as tig and mutt page through a long list) */
	int64_t *ids;
	size_t nids;
	index_hit *page;               /* the hits of ids[page_first, page_first + npage) */
	size_t page_first, npage;
	wdiff *diffs;                  /* CV_GROUP: each variant of the page against the first */
	index_hit base;                /* CV_GROUP: the first variant (quote 0 until read) */
	char title[256];
	size_t total;                  /* a speaker's quotes, a group's articles: there may be more than nids */
	size_t sel, top;               /* in ids */
	/* the open article's quotes found in other articles too (for the sidebar) */
	long *also;                    /* per quote: the other articles of its group */
	int64_t *groups;               /* per quote: its group, 0 none */
	size_t nq;
} corpus_view;

/* The article list narrowed and sorted (app_list.c). */
enum list_order { LO_PATH, LO_DATE, LO_TITLE, LO_QUOTES, LO__COUNT };

typedef struct list_view {
	size_t *rows;                  /* the items shown, in order; NULL: every item in corpus order */
	size_t n;
	enum list_order order;
	char filter[PROMPT_MAX];       /* as typed; "" none */
	struct list_meta *meta;        /* per item, from the index: filled when first needed */
	bool meta_gave_up;             /* idle time found no memory for meta: it stops asking until the index changes (a key asks again) */
	bool pending;                  /* the filter or order waits for the rest of meta, read in idle time */
	long key_ns;                   /* how long a key may read meta before it answers (0: a default) */
} list_view;

/* The view of every tagged quote in the corpus. */
typedef struct tagged_view {
	bool open;
	const tag_entry **v;           /* into the tag store; refreshed on every change */
	size_t n, sel, top;
	char filter[TAGS_NAME_MAX + 1];  /* "" for all tags */
	bool *marked;                  /* per entry */
} tagged_view;

struct app;
struct app_feature;        /* src/app/app_internal.h */
struct app_prompt_ops;
typedef unsigned (*app_action_fn)(struct app *a, enum action act);
#define APP_FEATURES_MAX 16

typedef struct app {
	corpus *corpus;            /* not owned */
	/* the features (src/app/app_features.c) in order, and the base dispatch
	 * table their actions fill: app_do looks an action up there */
	const struct app_feature *features[APP_FEATURES_MAX];
	size_t nfeatures;
	app_action_fn on_action[ACT__COUNT];
	const struct app_prompt_ops *prompt_ops[PROMPT__COUNT];
	app_opts opts;
	int cols, rows;
	layout lay;
	enum pane focus;
	bool help;                 /* the help screen (or the warnings) is up */
	enum help_what { HELP_KEYS, HELP_WARNINGS } help_what;
	size_t help_top;
	/* the list: rows of the list (see lv), not corpus items */
	size_t list_sel, list_top;
	/* the open article */
	size_t art;                /* SIZE_MAX: none */
	doc *doc;                  /* owned by the corpus, or the window of a big file */
	char *path;                /* its file, display-safe ("standard input" for -) */
	/* a big file (over DOC_BIG) is read through a window: doc covers its
	 * bytes [win_s, win_e), and offsets in doc are relative to win_s */
	bigdoc *big;
	size_t win_s, win_e;
	struct {
		bool active, forward, wrapped;
		size_t pos, origin;    /* raw offsets: where the scan is, where it began */
		search_scan *scan;     /* the pattern prepared for the fast scan */
	} bsearch;                 /* a search through a big file, a slice per idle turn */
	size_t index_next;         /* the next list item to index in idle time */
	char progress[64];         /* "Searching 40%", "Indexing 1200/100000": for the status line */
	quote_list quotes;
	char **qtext;              /* the flat text of each quote */
	wrap_view *view;
	size_t text_top;           /* byte offset of the top row */
	/* the sidebar */
	size_t q_sel, q_top;
	bool q_marked;             /* the selected quote is marked in the text */
	bool *q_mark;              /* per quote: marked for export (Space) */
	bool show_context;         /* the selected quote shows the sentence that names its speaker (c) */
	/* visual selection in the text */
	bool visual;
	size_t vcur, vanchor;      /* byte offsets at cluster starts */
	/* tags, export, clipboard */
	tagged_view tv;
	struct tag_change {
		uint64_t art, quote;
		char tag[TAGS_NAME_MAX + 1];
		bool was_on;
		unsigned group;            /* changes made by one key */
	} *undo;                       /* what U takes back, newest last */
	size_t nundo;
	unsigned undo_group;
	corpus_view cv;
	list_view lv;
	struct indexing *indexing;  /* app_indexing.c: what the reader adds to the index */
	strbuf pending;            /* what e will write once the path is given */
	size_t pending_count;      /* quotes in it (0: a text selection) */
	char pending_what[160];    /* what it is, for the message: "7 quotes of “Title”" */
	bool pending_to_clipboard; /* y rather than e */
	size_t marked_articles;    /* articles marked in the list */
	char *export_target;       /* the expanded path waiting for append/overwrite */
	strbuf clip;               /* an OSC 52 sequence for the ui to send (R_CLIPBOARD) */
	/* search */
	prompt prompt;
	place before_search;
	char *pattern;             /* compiled (search_fold_pattern); NULL: none */
	enum pane search_pane;
	bool search_help;          /* the search is in the help (or warnings) screen */
	bool search_backward;
	size_t match_i, match_n;   /* the current match and how many (n 0: not known) */
	search_hits hits;          /* in the text */
	size_t hit;                /* the current hit, hits.n: none */
	char **history;            /* oldest first, at most opts.history_max */
	size_t nhistory, hist_pos;
	/* the status line's message */
	char msg[256];
	bool msg_error;
} app;

/* Entry k of the list of quotes open (CV_QUOTES, CV_GROUP) when it is read,
 * as every entry on screen is; NULL otherwise. Its hit has quote 0 and no
 * text when the index lost it since the list was made. */
const index_hit *app_cv_hit(const app *a, size_t k);
/* CV_GROUP: variant k against the first (NULL: the first, or not read). */
const wdiff *app_cv_diff(const app *a, size_t k);

/* Starts the reader on corpus c (at least one item) at a terminal of
 * cols x rows, and opens the first article that can be read. */
int app_init(app *a, corpus *c, const app_opts *o, int cols, int rows);
void app_free(app *a);

/* The terminal is now cols x rows: lay the panes out again, keeping the
 * reading position. */
unsigned app_resize(app *a, int cols, int rows);

/* Applies an action to the focused pane. */
unsigned app_do(app *a, enum action act);

/* A key while a prompt is open (see edit_key). */
unsigned app_edit(app *a, int key);

/* A mouse click at screen cell (y, x): focus the pane, select the row. */
unsigned app_click(app *a, int y, int x);
/* The wheel over cell (y, x): dir -1 up, +1 down. */
unsigned app_wheel(app *a, int y, int x, int dir);

/* The help screen's (or the warnings screen's) lines. */
size_t app_help_lines(const app *a);
const char *app_help_line(const app *a, size_t i);

/* Saves the open article's reading position (positions store), e.g. at exit. */
void app_save_position(app *a);

/* The visual selection: [*start, *end) bytes of the open article. */
void app_visual_bounds(const app *a, size_t *start, size_t *end);

/* The tags of quote i of the open article, or NULL/0. */
const tag_entry *app_quote_tags(const app *a, size_t i);
/* Quotes of article i with at least one tag (0 when unknown). */
size_t app_list_tagged(const app *a, size_t i);

/* True while work is pending for idle time (a search through a big file,
 * indexing the list); the ui then calls app_idle between keys. */
bool app_busy(const app *a);
/* Does a slice of the pending work (bounded to a few milliseconds). */
unsigned app_idle(app *a);

/* The byte offset of the top row in the file (big files: win_s + text_top). */
size_t app_file_top(const app *a);

/* Sets the status line's message (printf-style). */
void app_message(app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* snprintf that, when the text does not fit, cuts it at a character and
 * ends it with an ellipsis. */
void app_cut(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The words of quote q as the sidebar and export show them: flat, with a
 * comma before the closing mark left out (the byte offsets stay the
 * engine's). A new string, or NULL. */
char *app_quote_display_text(const doc *d, const quote *q);
/* Quotes marked in the sidebar. */
size_t app_marked_quotes(const app *a);

/* Who said quote i as the reader shows it: the user's correction (*user),
 * else the engine's speaker (*guess when its confidence is below 0.6), else
 * NULL (unknown). */
const char *app_quote_speaker(const app *a, size_t i, bool *guess, bool *user);
/* The sentence that names quote i's speaker as flat text (a new string; a
 * note when there is none; NULL when out of memory), and its span. */
char *app_quote_context_text(const app *a, size_t i);
bool app_quote_context(const app *a, size_t i, size_t *start, size_t *end);

/* Geometry and queries the drawing code shares with the app. */
rect app_content(const app *a, enum pane p);   /* a pane without its header and margins */
int app_quote_width(const app *a);              /* columns for a quote's text in the sidebar */
int app_quote_height(app *a, size_t i);         /* rows quote i takes in the sidebar */
bool app_quote_on_screen(app *a, size_t i);     /* quote i is at least partly in the text pane */
bool app_quotes_on_screen(app *a, size_t *first, size_t *last);   /* those quotes: [*first, *last] */
size_t app_quote_ending_after(const app *a, size_t off);          /* the first quote ending after off; quotes.n: none */
int app_text_percent(const app *a);
long app_list_quotes(app *a, size_t i);         /* quotes in article i, counted on first need; -1 unreadable */
/* The other articles of the index that carry quote i of the open article
 * (its variants); 0 when none or unknown. */
long app_quote_also(const app *a, size_t i);

/* "path", "date", "title" or "quotes": the order of the article list. */
const char *app_list_order_name(const app *a);
/* True when what the list filter compares has been read from the corpus
 * index (idle time reads it, a key of the filter finishes it). */
bool app_list_ready(const app *a);

/* The rows of the article list (narrowed and sorted by the list view) and
 * the corpus item shown on each; list_sel and list_top are rows. */
size_t app_list_count(const app *a);
size_t app_list_item(const app *a, size_t row);   /* SIZE_MAX past the end */
size_t app_list_row(const app *a, size_t item);   /* SIZE_MAX: not shown */
enum keyctx app_keyctx(const app *a);

#endif
