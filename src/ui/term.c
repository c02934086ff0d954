#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "keymap.h"
#include "term.h"
#include "text.h"

/* Set by the signal handler and read by the main loop: the only work a
 * handler does. */
static volatile sig_atomic_t quit_signal;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

bool term_quit_requested(void)
{
	return quit_signal != 0 && quit_signal != SIGINT;
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static short curses_color(short c)
{
	if (c < 0)
		return -1;
	if (c >= COLORS)
		return c < 16 ? (short)(c - 8) : -1;
	return c;
}

static attr_t to_attrs(unsigned q)
{
	attr_t a = A_NORMAL;
	if (q & QATTR_BOLD) a |= A_BOLD;
	if (q & QATTR_DIM) a |= A_DIM;
	if (q & QATTR_UNDERLINE) a |= A_UNDERLINE;
	if (q & QATTR_REVERSE) a |= A_REVERSE;
	if (q & QATTR_ITALIC) a |= A_ITALIC;
	if (q & QATTR_STANDOUT) a |= A_STANDOUT;
	if (q & QATTR_BLINK) a |= A_BLINK;
	return a;
}

static void set_theme(term *t, const struct config *cfg)
{
	const char *nc = getenv("NO_COLOR");
	t->color = cfg->color && has_colors() && !(nc && *nc);
	if (t->color) {
		start_color();
		use_default_colors();
	}
	for (int e = 0; e < THEME__COUNT; e++) {
		const struct style *s = &cfg->theme[e];
		if (!t->color) {
			t->attr[e] = to_attrs(s->mono);
			continue;
		}
		short pair = (short)(e + 1);
		init_pair(pair, curses_color(s->fg), curses_color(s->bg));
		t->attr[e] = to_attrs(s->attrs) | COLOR_PAIR(pair);
	}
}

/* A terminal without cursor addressing (TERM=dumb) would show only the
 * status line: the reader refuses it rather than draw nonsense. */
static bool can_place_cursor(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (const char *)-1;
}

/* When input or output is not a terminal (articles piped in), the screen
 * goes to /dev/tty. */
static int open_screen(term *t)
{
	FILE *in = stdin, *out = stdout;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		t->tty_in = fopen("/dev/tty", "r");
		t->tty_out = fopen("/dev/tty", "w");
		if (!t->tty_in || !t->tty_out) {
			fputs("quoth: no terminal to draw on (try quoth render or quoth quotes)\n", stderr);
			return 1;
		}
		in = t->tty_in;
		out = t->tty_out;
	}
	const char *env = getenv("TERM");
	t->screen = env && *env ? newterm(NULL, out, in) : NULL;
	if (t->screen && !can_place_cursor()) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
		fprintf(stderr, "quoth: the terminal type '%s' cannot place the cursor, which the reader needs; "
		        "set TERM (e.g. TERM=xterm-256color), or use quoth render or quoth quotes\n", env);
		return 1;
	}
	if (!t->screen) {
		/* an unknown or unset TERM: fall back to what nearly every terminal understands */
		const char *fallback = env && strstr(env, "xterm") ? "xterm" : "vt100";
		t->screen = newterm(fallback, out, in);
		if (!t->screen) {
			/* TERM is user input: shown through the text layer, as every message does */
			char *safe = NULL;
			size_t n;
			if (text_sanitize_line(env ? env : "", env ? strlen(env) : 0, &safe, &n))
				safe = NULL;
			fprintf(stderr, "quoth: cannot use terminal type '%s'; set TERM (e.g. TERM=xterm-256color)\n",
			        safe ? safe : "?");
			free(safe);
			return 1;
		}
	}
	return 0;
}

int term_start(term *t, const struct config *cfg)
{
	memset(t, 0, sizeof *t);
	const char *cs = nl_langinfo(CODESET);
	t->utf8 = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (open_screen(t))
		return 1;
	catch_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (cfg->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	set_theme(t, cfg);
	return 0;
}

void term_stop(term *t)
{
	if (t->screen) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
	}
	if (t->tty_in)
		fclose(t->tty_in);
	if (t->tty_out)
		fclose(t->tty_out);
	t->tty_in = t->tty_out = NULL;
}

static int named_key(int k)
{
	switch (k) {
	case KEY_UP: return QK_UP;
	case KEY_DOWN: return QK_DOWN;
	case KEY_LEFT: return QK_LEFT;
	case KEY_RIGHT: return QK_RIGHT;
	case KEY_PPAGE: return QK_PGUP;
	case KEY_NPAGE: return QK_PGDN;
	case KEY_HOME: case KEY_A1: return QK_HOME;
	case KEY_END: case KEY_C1: return QK_END;
	case KEY_ENTER: return QK_ENTER;
	case KEY_BTAB: return QK_SHIFT | QK_TAB;
	case KEY_BACKSPACE: return QK_BACKSPACE;
	case KEY_DC: return QK_DELETE;
	case KEY_IC: return QK_INSERT;
	case KEY_SR: return QK_SHIFT | QK_UP;
	case KEY_SF: return QK_SHIFT | QK_DOWN;
	}
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return QK_F(k - KEY_F0);
	return TK_NONE;
}

int term_read_key(term *t, int timeout_ms)
{
	(void)t;
	wint_t ch;
	timeout(timeout_ms);
	int r = get_wch(&ch);
	if (quit_signal == SIGINT) {
		quit_signal = 0;
		return TK_INTERRUPT;
	}
	if (quit_signal)
		return TK_SIGNAL;
	if (r == ERR)
		return TK_NONE;
	if (r == KEY_CODE_YES) {
		if (ch == KEY_RESIZE)
			return TK_RESIZE;
		if (ch == KEY_MOUSE)
			return TK_MOUSE;
		return named_key((int)ch);
	}
	if (ch == 0x1B) {
		/* Esc then a key within ESCDELAY: Alt/Meta and that key */
		timeout(0);
		wint_t next;
		int r2 = get_wch(&next);
		if (r2 == OK && next != 0x1B)
			return QK_META | key_from_control((int)next);
		if (r2 == KEY_CODE_YES) {
			int nk = named_key((int)next);
			return nk == TK_NONE ? QK_ESC : (QK_META | nk);
		}
		return QK_ESC;
	}
	return key_from_control((int)ch);
}

bool term_mouse(int *y, int *x, int *what)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return false;
	*y = ev.y;
	*x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		*what = -1;
	else if (ev.bstate & BUTTON5_PRESSED)
		*what = 1;
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		*what = 0;
	else
		return false;
	return true;
}
