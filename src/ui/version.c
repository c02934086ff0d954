#include <curses.h>
#include "ui.h"

const char *ui_curses_version(void)
{
	return curses_version();
}
