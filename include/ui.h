/* The ui layer: the only code that talks to ncursesw. */
#ifndef QUOTH_UI_H
#define QUOTH_UI_H

/* The ncursesw version quoth runs with, e.g. "ncurses 6.4.20221231". */
const char *ui_curses_version(void);

#endif
