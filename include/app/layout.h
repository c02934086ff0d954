/* Where the panes go for a terminal size: a pure function, so the rules for
 * 140x40, 80x24 and 30x8 are tested headless.
 *
 * - cols >= wide_cols (100): list | text | quotes side by side, the list and
 *   quotes widths in percent from config.ini.
 * - narrower: text | quotes share the width (quotes narrow_quotes_pct
 *   percent; below 60 columns the quotes go under the text), and the list
 *   yields as narrow_mode says: a screen of its own that fills the width
 *   while it has the focus (hide), a strip on the left (strip), or a few
 *   rows on top (stack). toggle_list hides a strip or a stack.
 * - below LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS: too small, nothing is drawn but
 *   a message.
 * Every pane has a one-row header on top; the last row is the status line,
 * and the key bar (when asked for and there are LAYOUT_KEYBAR_ROWS rows)
 * the row above it.
 */
#ifndef QUOTH_LAYOUT_H
#define QUOTH_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_ROWS 8
#define LAYOUT_KEYBAR_ROWS 12

enum pane { PANE_LIST, PANE_TEXT, PANE_QUOTES, PANE__COUNT };

typedef struct rect {
	int y, x, h, w;   /* h == 0: not shown */
} rect;

typedef struct layout_opts {
	int wide_cols;          /* from this width the three panes stand side by side */
	int list_pct;           /* list width in the wide layout */
	int quotes_pct;         /* quotes width in the wide layout */
	int narrow_quotes_pct;  /* quotes width in the narrow layout */
	bool list_hidden;       /* the user hid the list (toggle_list) */
	int narrow_mode;        /* below wide_cols: LAYOUT_NARROW_HIDE, _STRIP or _STACK */
	bool keybar;            /* a row of keys above the status line */
} layout_opts;

/* How the list yields below wide_cols (config.ini narrow_list). */
enum {
	LAYOUT_NARROW_HIDE,    /* a screen of its own, shown when it has the focus */
	LAYOUT_NARROW_STRIP,   /* a strip of LAYOUT_STRIP_COLS columns left of the text */
	LAYOUT_NARROW_STACK,   /* LAYOUT_STACK_ROWS rows above the text and the quotes */
};
#define LAYOUT_STRIP_COLS 14
#define LAYOUT_STACK_ROWS 6

typedef struct layout {
	rect pane[PANE__COUNT];   /* each includes its header row */
	rect status;
	rect keybar;              /* h == 0: none */
	bool too_small;
	bool narrow;              /* the list is a screen of its own */
	bool stacked;             /* quotes under the text */
} layout;

void layout_compute(layout *l, int cols, int rows, const layout_opts *o, int focus);

/* The pane at screen cell (y, x), or -1. */
int layout_pane_at(const layout *l, int y, int x);

#endif
