/* The help screen and the warnings screen: a page of lines over
 * everything, moved with the keys that move a pane (G, End, d, u, Space,
 * and / to search it). The drawing code writes it (the help from the active
 * keymap) and clamps its bottom. */
#include "app_features.h"

static bool help_up(const app *a)
{
	return a->help;
}

size_t app_help_lines(const app *a)
{
	if (a->help_what == HELP_WARNINGS)
		return a->opts.warnings ? a->opts.warnings->n + (a->opts.warnings->dropped ? 1 : 0) : 0;
	return a->opts.help ? a->opts.help->n : 0;
}

const char *app_help_line(const app *a, size_t i)
{
	if (a->help_what == HELP_WARNINGS) {
		const warnings *w = a->opts.warnings;
		if (w && i < w->n)
			return w->v[i].msg;
		return i == (w ? w->n : 0) ? "(and more, not kept)" : "";
	}
	return a->opts.help && i < a->opts.help->n ? a->opts.help->v[i].line : "";
}

static unsigned show(app *a, enum help_what what)
{
	a->help = true;
	a->help_what = what;
	a->help_top = 0;
	return R_LAYOUT;
}

static unsigned help_open(app *a, enum action act)
{
	(void)act;
	return show(a, HELP_KEYS);
}

static unsigned warnings_open(app *a, enum action act)
{
	(void)act;
	const warnings *w = a->opts.warnings;
	if (!w || !(w->n || w->dropped)) {
		app_message(a, false, "No warnings");
		return R_STATUS;
	}
	return show(a, HELP_WARNINGS);
}

static unsigned help_close(app *a, enum action act)
{
	(void)act;
	a->help = false;
	return R_LAYOUT;
}

/* The rows a page of the help takes: all but its title and the status line. */
static long page(const app *a)
{
	int h = (a->lay.keybar.h ? a->lay.keybar.y : a->lay.status.y) - 1;
	return h > 0 ? h : 1;
}

static unsigned help_move(app *a, enum action act)
{
	long n;
	switch (act) {
	case ACT_MOVE_UP: n = -1; break;
	case ACT_MOVE_DOWN: n = 1; break;
	case ACT_PAGE_UP: n = -page(a); break;
	case ACT_PAGE_DOWN: n = page(a); break;
	case ACT_HALF_PAGE_UP: n = -page(a) / 2; break;
	case ACT_HALF_PAGE_DOWN: n = page(a) / 2; break;
	case ACT_MOVE_LAST: n = (long)app_help_lines(a); break;
	default: a->help_top = 0; return R_LAYOUT;
	}
	long t = (long)a->help_top + n;
	a->help_top = t < 0 ? 0 : (size_t)t;   /* the drawing code clamps the bottom */
	return R_LAYOUT;
}

const app_feature app_help_feature = {
	.name = "help",
	.on_action = { [ACT_HELP] = help_open, [ACT_WARNINGS] = warnings_open },
	.layer = {
		.active = help_up,
		.modal = true,
		.keyctx = KC_HELP,
		.on_action = {
			[ACT_MOVE_UP] = help_move, [ACT_MOVE_DOWN] = help_move,
			[ACT_PAGE_UP] = help_move, [ACT_PAGE_DOWN] = help_move,
			[ACT_HALF_PAGE_UP] = help_move, [ACT_HALF_PAGE_DOWN] = help_move,
			[ACT_MOVE_FIRST] = help_move, [ACT_MOVE_LAST] = help_move,
			[ACT_SEARCH] = app_pass, [ACT_SEARCH_BACK] = app_pass,
			[ACT_SEARCH_NEXT] = app_pass, [ACT_SEARCH_PREV] = app_pass,
			[ACT_HELP] = help_close, [ACT_QUIT] = help_close, [ACT_CANCEL] = help_close,
			[ACT_WARNINGS] = help_close,
			[ACT_REDRAW] = app_redraw,
		},
	},
};
