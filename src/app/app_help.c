/* The help screen: a layer over everything, scrolled like a pane. The
 * drawing code writes it (from the active keymap) and clamps its bottom. */
#include "app_features.h"

static bool help_up(const app *a)
{
	return a->help;
}

static unsigned help_open(app *a, enum action act)
{
	(void)act;
	a->help = true;
	a->help_top = 0;
	return R_LAYOUT;
}

static unsigned help_close(app *a, enum action act)
{
	(void)act;
	a->help = false;
	return R_LAYOUT;
}

static unsigned help_move(app *a, enum action act)
{
	long page = a->rows - 2 > 0 ? a->rows - 2 : 1;
	long n = 0;
	switch (act) {
	case ACT_MOVE_UP: n = -1; break;
	case ACT_MOVE_DOWN: n = 1; break;
	case ACT_PAGE_UP: n = -page; break;
	case ACT_PAGE_DOWN: n = page; break;
	default: a->help_top = 0; return R_LAYOUT;
	}
	long t = (long)a->help_top + n;
	a->help_top = t < 0 ? 0 : (size_t)t;   /* the drawing code clamps the bottom */
	return R_LAYOUT;
}

static unsigned help_redraw(app *a, enum action act)
{
	(void)a;
	(void)act;
	return R_LAYOUT;
}

const app_feature app_help_feature = {
	.name = "help",
	.on_action = { [ACT_HELP] = help_open },
	.layer = {
		.active = help_up,
		.modal = true,
		.keyctx = KC_HELP,
		.on_action = {
			[ACT_MOVE_UP] = help_move, [ACT_MOVE_DOWN] = help_move,
			[ACT_PAGE_UP] = help_move, [ACT_PAGE_DOWN] = help_move,
			[ACT_MOVE_FIRST] = help_move,
			[ACT_HELP] = help_close, [ACT_QUIT] = help_close, [ACT_CANCEL] = help_close,
			[ACT_REDRAW] = help_redraw,
		},
	},
};
