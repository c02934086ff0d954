/* Big files through a window (app_big.c), for the features that move it. */
#ifndef QUOTH_APP_BIG_H
#define QUOTH_APP_BIG_H

#include "app_internal.h"

/* Where a new window starts, before the position it is opened for. */
#define APP_BIG_LEAD (WINDOW_BYTES / 4)

/* Replaces the window by one holding raw offset raw, `before` bytes of
 * lead, the text showing raw on the top row; keeps the selected quote when
 * it is in both windows. 0 or the Q_* code (message set). */
int app_big_slide(app *a, size_t raw, size_t before);

#endif
