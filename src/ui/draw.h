/* Drawing the app's state with ncursesw. Private to src/ui/. */
#ifndef QUOTH_UI_DRAW_H
#define QUOTH_UI_DRAW_H

#include "app.h"
#include "keymap.h"
#include "term.h"

typedef struct screen {
	term *t;
	WINDOW *win[PANE__COUNT];
	WINDOW *status;
	WINDOW *keybar;
	help help;
	const keymap *km;
} screen;

/* Draws what the reaction flags say changed (everything after R_LAYOUT). */
void draw(screen *s, app *a, unsigned flags);
void draw_free(screen *s);

#endif
