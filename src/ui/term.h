/* The terminal: start and stop curses, colours, keys, signals. Private to src/ui/. */
#ifndef QUOTH_UI_TERM_H
#define QUOTH_UI_TERM_H

#include <stdbool.h>
#include <curses.h>
#include "config.h"

typedef struct term {
	SCREEN *screen;
	FILE *tty_in, *tty_out;     /* /dev/tty when standard input or output is not a terminal */
	bool utf8;                  /* the locale's codeset is UTF-8: else non-ASCII shows as '?' */
	bool color;
	attr_t attr[THEME__COUNT];  /* the attributes (with colour pair) of each theme element */
} term;

/* What the key reader reports besides keys. */
enum {
	TK_NONE = -1,      /* nothing within the timeout */
	TK_RESIZE = -2,
	TK_MOUSE = -3,
	TK_SIGNAL = -4,    /* SIGHUP or SIGTERM arrived: quit */
	TK_INTERRUPT = -5, /* SIGINT (Ctrl-C): cancels a prompt, else quits */
};

/* Starts curses. Returns 0, or prints why it cannot and returns 1. */
int term_start(term *t, const struct config *cfg);
void term_stop(term *t);

/* The next key as a keymap key code (keymap.h), or a TK_* value. */
int term_read_key(term *t, int timeout_ms);

/* The last mouse event: cell and what happened (1 click, -1 wheel up, +1 wheel down). */
bool term_mouse(int *y, int *x, int *what);

/* True once SIGHUP/SIGTERM arrived. */
bool term_quit_requested(void);

#endif
