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

/* Text from the cursor, at most maxw columns (controls already made
 * visible by the text layer); returns the columns used. */
int draw_put_text(screen *s, WINDOW *w, const char *text, size_t n, int maxw);
/* n blanks from the cursor. */
void draw_fill(WINDOW *w, int n);

/* The views of the corpus index over the whole screen (draw_corpus.c). */
void draw_corpus(screen *s, app *a);

/* Draws what the reaction flags say changed (everything after R_LAYOUT). */
void draw(screen *s, app *a, unsigned flags);
void draw_free(screen *s);

#endif
