/* The main loop: keys in, actions applied to the app, the changed parts drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app.h"
#include "config.h"
#include "draw.h"
#include "error.h"
#include "keymap.h"
#include "term.h"
#include "text.h"
#include "ui.h"

/* How long to wait for a key before checking for signals again. */
#define TICK_MS 250
/* How long the reader waits for another process's lock on the corpus index
 * before it tries again on a later turn. */
#define READER_WAIT_MS 20

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
	for (int i = 0; i < 9; i++)
		o->tag_names[i] = cfg->tag_names[i];
	o->export_path = cfg->export_path;
	if (!cfg->export_format || export_format_parse(cfg->export_format, &o->export_format))
		o->export_format = EXPORT_TEXT;
	o->tabwidth = cfg->tab_width;
	o->layout.wide_cols = cfg->wide_columns;
	o->layout.list_pct = cfg->list_width;
	o->layout.quotes_pct = cfg->quotes_width;
	o->layout.narrow_quotes_pct = 40;
	o->layout.narrow_mode = cfg->narrow_list == NARROW_STRIP ? LAYOUT_NARROW_STRIP
	                      : cfg->narrow_list == NARROW_STACK ? LAYOUT_NARROW_STACK : LAYOUT_NARROW_HIDE;
	o->history_max = (size_t)cfg->search_history;
	o->names = (names_opts){ cfg->speakers_merge, (const char *const *)cfg->keep_apart, cfg->n_keep_apart };
	o->layout.keybar = cfg->keybar;
	o->next_at_end = cfg->next_at_end;
	quotes_opts_init(&o->quotes);
	for (size_t i = 0; i < cfg->n_cue_verbs; i++)
		quotes_opts_add_cues(&o->quotes, cfg->cue_verbs[i].lang, cfg->cue_verbs[i].verb);
	(void)quotes_opts_fix_model(&o->quotes);   /* without memory for it, the weights are combined each article */
}

/* One warning is shown whole; several are counted, with the key that
 * lists them all. */
static void show_warnings(app *a, const keymap *km, const warnings *w)
{
	if (!w || !(w->n + w->dropped))
		return;
	if (w->n == 1 && !w->dropped) {
		app_message(a, true, "%s", w->v[0].msg);
		return;
	}
	char key[KEY_NAME_MAX] = "?";
	int k = keymap_key_for(km, app_keyctx(a), ACT_WARNINGS);
	if (k >= 0)
		qkey_name(k, key);
	app_message(a, true, "%zu warnings in the config files: %s lists them", w->n + w->dropped,
	            k >= 0 ? key : "the warnings action");
}

/* Inside tmux, OSC 52 reaches the terminal only when tmux passes it on:
 * with set-clipboard off a copy silently goes nowhere, so the message after
 * y says so. */
static const char *clipboard_note(void)
{
	if (!getenv("TMUX"))
		return NULL;
	FILE *p = popen("tmux show-options -gv set-clipboard 2>/dev/null", "r");
	if (!p)
		return NULL;
	char line[32] = "";
	bool off = fgets(line, sizeof line, p) && !strncmp(line, "off", 3);
	pclose(p);
	return off ? "tmux has set-clipboard off" : NULL;
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

/* Sends an OSC 52 sequence straight to the terminal, past curses. */
static void send_clipboard(term *t, strbuf *clip)
{
	FILE *out = t->tty_out ? t->tty_out : stdout;
	fflush(out);
	size_t off = 0;
	while (off < clip->len) {
		ssize_t n = write(fileno(out), clip->s + off, clip->len - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	sb_free(clip);
}

/* Opens the corpus index, for writing when it can (the reader adds what it
 * opens). Without it the reader works as before; its views say why. */
static void open_index(app_opts *o, char *msg, size_t msglen)
{
	char *note = NULL;
	int rc = index_open(NULL, INDEX_WRITE, &o->index, &note);
	if (rc && rc != Q_ENOENT && !msg[0])
		snprintf(msg, msglen, "No corpus index: %.200s", note ? note : error_message(rc));
	else if (!rc && note && !msg[0])
		snprintf(msg, msglen, "%.240s", note);
	free(note);
	if (rc)
		o->index = NULL;
	else
		index_set_wait(o->index, READER_WAIT_MS);
}

/* Opens the tag and position stores; a store that cannot be read is left
 * out (with a message) rather than risk writing over what was not read. */
static void open_stores(app_opts *o, char *msg, size_t msglen)
{
	char *warn = NULL;
	int rc = tags_open(NULL, &o->tags, &warn);
	if (rc) {   /* warn names the file and the cause */
		o->tags = NULL;
		snprintf(msg, msglen, "Tags are off: %s", warn ? warn : error_message(rc));
	} else if (warn) {
		snprintf(msg, msglen, "Tags: %.*s", (int)strcspn(warn, "\n"), warn);
	}
	free(warn);
	warn = NULL;
	if (positions_open(NULL, &o->positions, &warn))
		o->positions = NULL;
	free(warn);
	open_index(o, msg, msglen);
}

/* Returns 1 when tag changes could not be saved (said on stderr), else 0. */
static int close_stores(app *a, app_opts *o)
{
	int status = 0;
	app_save_position(a);
	if (o->positions)
		positions_close(o->positions);
	if (o->tags) {
		/* a flush first: on failure the store still names the file and the cause */
		int rc = tags_flush(o->tags);
		if (rc) {
			char *file = NULL;
			size_t n;
			const char *name = tags_error_file(o->tags);
			bool safe = name && text_sanitize_line(name, strlen(name), &file, &n) == 0;
			fprintf(stderr, "quoth: tags not saved (%zu changes): %s: %s\n", tags_pending(o->tags),
			        safe ? file : "?", error_message(rc));
			free(file);
			status = 1;
		}
		tags_close(o->tags);   /* compacts; when the flush failed it fails too, and says nothing new */
	}
	if (o->index)
		index_close(o->index);
	/* the app keeps its own copy of the options: it must not use them after this */
	o->index = a->opts.index = NULL;
	o->tags = a->opts.tags = NULL;
	o->positions = a->opts.positions = NULL;
	return status;
}

int ui_run(corpus *c, const struct config *cfg, const keymap *km, const warnings *w,
           const volatile sig_atomic_t *file_shrank)
{
	term t;
	if (term_start(&t, cfg))
		return 1;
	app_opts o;
	app_options(&o, cfg);
	char store_msg[256] = "";
	open_stores(&o, store_msg, sizeof store_msg);
	screen s = { .t = &t, .km = km };
	keyhelp_build(km, (const char *const *)cfg->tag_names, &s.help);
	o.help = &s.help;
	o.warnings = w;
	o.clipboard_note = clipboard_note();
	app a;
	int rc = app_init(&a, c, &o, COLS, LINES);
	if (rc) {
		draw_free(&s);
		term_stop(&t);
		close_stores(&a, &o);
		quotes_opts_free(&o.quotes);
		fprintf(stderr, "quoth: nothing to show\n");
		return 1;
	}
	show_warnings(&a, km, w);
	if (store_msg[0])
		app_message(&a, true, "%s", store_msg);
	unsigned flags = R_LAYOUT;
	bool told_shrank = false;
	for (;;) {
		if (flags)
			draw(&s, &a, flags);
		flags = R_NONE;
		if (file_shrank && *file_shrank && !told_shrank) {
			/* the pages past the new end were drawn as zeros: say why the text stops */
			app_message(&a, true, "a file was shortened on disk while open: its lost end shows as empty");
			told_shrank = true;
			draw(&s, &a, R_STATUS);
		}
		int key = term_read_key(&t, app_busy(&a) ? 0 : TICK_MS);
		if (key == TK_SIGNAL)
			break;
		if (key == TK_INTERRUPT) {
			if (a.prompt.kind == PROMPT_NONE)
				break;   /* Ctrl-C quits, as SIGINT does, but a prompt it only cancels */
			flags = app_edit(&a, EK_ESC) | R_STATUS;
			continue;
		}
		if (key == TK_NONE) {
			flags = app_idle(&a);
			continue;
		}
		if (key == TK_RESIZE)
			flags = app_resize(&a, COLS, LINES);
		else if (key == TK_MOUSE)
			flags = handle_mouse(&a);
		else
			flags = handle_key(&a, km, key);
		if (flags & R_CLIPBOARD)
			send_clipboard(&t, &a.clip);
		if (flags & R_QUIT)
			break;
	}
	draw_free(&s);
	term_stop(&t);
	int status = close_stores(&a, &o);
	app_free(&a);
	quotes_opts_free(&o.quotes);
	return status;
}
