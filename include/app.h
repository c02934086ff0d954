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
#include "corpus.h"
#include "layout.h"
#include "quotes.h"
#include "search.h"
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
};

/* Keys while a prompt is open: a positive value is a character to insert. */
enum edit_key {
	EK_ENTER = -1, EK_ESC = -2, EK_BACKSPACE = -3, EK_DELETE = -4,
	EK_LEFT = -5, EK_RIGHT = -6, EK_HOME = -7, EK_END = -8,
	EK_UP = -9, EK_DOWN = -10, EK_KILL_LINE = -11, EK_KILL_WORD = -12,
	EK_TAB = -13,
};

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH };

#define PROMPT_MAX 512
#define HISTORY_MAX 50

typedef struct prompt {
	enum prompt_kind kind;
	char buf[PROMPT_MAX];
	size_t len, cur;           /* bytes; cur is on a character boundary */
	bool backward;             /* a backward search */
} prompt;

/* A saved place, to go back to when a search is cancelled. */
typedef struct place {
	size_t list_sel, list_top, text_top, q_sel, q_top;
} place;

typedef struct app_opts {
	int tabwidth;
	layout_opts layout;
	quotes_opts quotes;
} app_opts;

typedef struct app {
	corpus *corpus;            /* not owned */
	app_opts opts;
	int cols, rows;
	layout lay;
	enum pane focus;
	bool help;                 /* the help screen is up */
	size_t help_top;
	/* the list */
	size_t list_sel, list_top;
	/* the open article */
	size_t art;                /* SIZE_MAX: none */
	doc *doc;                  /* owned by the corpus */
	quote_list quotes;
	char **qtext;              /* the flat text of each quote */
	wrap_view *view;
	size_t text_top;           /* byte offset of the top row */
	/* the sidebar */
	size_t q_sel, q_top;
	bool q_marked;             /* the selected quote is marked in the text */
	/* search */
	prompt prompt;
	place before_search;
	char *pattern;             /* folded; NULL: none */
	enum pane search_pane;
	bool search_backward;
	search_hits hits;          /* in the text */
	size_t hit;                /* the current hit, hits.n: none */
	char *history[HISTORY_MAX];
	size_t nhistory, hist_pos;
	/* the status line's message */
	char msg[256];
	bool msg_error;
} app;

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

/* Sets the status line's message (printf-style). */
void app_message(app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Geometry and queries the drawing code shares with the app. */
rect app_content(const app *a, enum pane p);   /* a pane without its header and margins */
int app_quote_width(const app *a);              /* columns for a quote's text in the sidebar */
int app_quote_height(app *a, size_t i);         /* rows quote i takes in the sidebar */
int app_text_percent(const app *a);
long app_list_quotes(app *a, size_t i);         /* quotes in article i, counted on first need; -1 unreadable */
enum keyctx app_keyctx(const app *a);

#endif
