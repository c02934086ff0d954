/* The ui layer: the only code that talks to ncursesw. It draws the app's
 * state and turns keys, mouse and resizes into app calls. */
#ifndef QUOTH_UI_H
#define QUOTH_UI_H

#include <signal.h>
#include "corpus.h"
#include "warnings.h"

struct config;
typedef struct keymap keymap;

/* The ncursesw version quoth runs with, e.g. "ncurses 6.4.20221231". */
const char *ui_curses_version(void);

/* Runs the reader on corpus c until the user quits or a SIGHUP/SIGTERM
 * arrives; the terminal is restored on every way out. Warnings (config,
 * keymap) are shown on the status line at start, and once file_shrank (set
 * when a mapped file was shortened under quoth; may be NULL) is, a notice.
 * Returns the exit status. */
int ui_run(corpus *c, const struct config *cfg, const keymap *km, const warnings *w,
           const volatile sig_atomic_t *file_shrank);

#endif
