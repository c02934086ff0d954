/* The main loop: keys in, actions applied to the app, the changed parts drawn. */
#include <stdio.h>
#include <string.h>
#include "app.h"
#include "config.h"
#include "draw.h"
#include "keymap.h"
#include "term.h"
#include "ui.h"

/* How long to wait for a key before checking for signals again. */
#define TICK_MS 250

static int edit_key(int key)
{
	switch (key) {
	case QK_ENTER: return EK_ENTER;
	case QK_ESC: return EK_ESC;
	case QK_BACKSPACE: case QK_C('h'): return EK_BACKSPACE;
	case QK_DELETE: case QK_C('d'): return EK_DELETE;
	case QK_LEFT: case QK_C('b'): return EK_LEFT;
	case QK_RIGHT: case QK_C('f'): return EK_RIGHT;
	case QK_HOME: case QK_C('a'): return EK_HOME;
	case QK_END: case QK_C('e'): return EK_END;
	case QK_UP: case QK_C('p'): return EK_UP;
	case QK_DOWN: case QK_C('n'): return EK_DOWN;
	case QK_C('u'): return EK_KILL_LINE;
	case QK_C('w'): return EK_KILL_WORD;
	case QK_TAB: return EK_TAB;
	case QK_C('g'): case QK_C('c'): return EK_ESC;
	}
	if (key & (QK_CTRL | QK_META) || key >= QK_NAMED_BASE)
		return 0;
	return key;
}

static void app_options(app_opts *o, const struct config *cfg)
{
	memset(o, 0, sizeof *o);
	o->tabwidth = cfg->tab_width;
	o->layout.wide_cols = cfg->wide_columns;
	o->layout.list_pct = cfg->list_width;
	o->layout.quotes_pct = cfg->quotes_width;
	o->layout.narrow_quotes_pct = 40;
	quotes_opts_init(&o->quotes);
	for (size_t i = 0; i < cfg->n_cue_verbs; i++)
		quotes_opts_add_cues(&o->quotes, cfg->cue_verbs[i].lang, cfg->cue_verbs[i].verb);
}

static void show_warnings(app *a, const warnings *w)
{
	if (!w || !w->n)
		return;
	if (w->n == 1)
		app_message(a, true, "%s", w->v[0].msg);
	else
		app_message(a, true, "%s (and %zu more warnings)", w->v[0].msg, w->n - 1 + w->dropped);
}

static unsigned handle_key(app *a, const keymap *km, int key)
{
	if (a->prompt.kind != PROMPT_NONE) {
		int ek = edit_key(key);
		return ek ? app_edit(a, ek) : R_NONE;
	}
	enum action act = keymap_lookup(km, app_keyctx(a), key);
	if (act == ACT_NONE) {
		char name[KEY_NAME_MAX];
		int help_key = keymap_key_for(km, app_keyctx(a), ACT_HELP);
		char hk[KEY_NAME_MAX] = "?";
		if (help_key >= 0)
			qkey_name(help_key, hk);
		app_message(a, false, "Key %s does nothing here (%s: help)", qkey_name(key, name), hk);
		return R_STATUS;
	}
	a->msg[0] = '\0';
	return app_do(a, act) | R_STATUS;
}

static unsigned handle_mouse(app *a)
{
	int y, x, what;
	if (!term_mouse(&y, &x, &what))
		return R_NONE;
	return what ? app_wheel(a, y, x, what) : app_click(a, y, x);
}

int ui_run(corpus *c, const struct config *cfg, const keymap *km, const warnings *w)
{
	term t;
	if (term_start(&t, cfg))
		return 1;
	app_opts o;
	app_options(&o, cfg);
	app a;
	int rc = app_init(&a, c, &o, COLS, LINES);
	if (rc) {
		term_stop(&t);
		quotes_opts_free(&o.quotes);
		fprintf(stderr, "quoth: nothing to show\n");
		return 1;
	}
	screen s = { .t = &t, .km = km };
	keymap_help(km, (const char *const *)cfg->tag_names, &s.help);
	show_warnings(&a, w);
	unsigned flags = R_LAYOUT;
	for (;;) {
		if (flags)
			draw(&s, &a, flags);
		flags = R_NONE;
		int key = term_read_key(&t, TICK_MS);
		if (key == TK_SIGNAL)
			break;
		if (key == TK_NONE)
			continue;
		if (key == TK_RESIZE)
			flags = app_resize(&a, COLS, LINES);
		else if (key == TK_MOUSE)
			flags = handle_mouse(&a);
		else
			flags = handle_key(&a, km, key);
		if (flags & R_QUIT)
			break;
	}
	draw_free(&s);
	term_stop(&t);
	app_free(&a);
	quotes_opts_free(&o.quotes);
	return 0;
}
