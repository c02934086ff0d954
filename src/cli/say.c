/* Messages on standard error. Every message that shows something the user
 * gave (a file name, an option, a value, $TERM) goes through cmd_say, whose
 * every %s is escaped by the text layer: a file named with an escape
 * sequence, passed by a shell glob, cannot act on the terminal. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd.h"
#include "error.h"
#include "strbuf.h"
#include "text.h"
#include "walk.h"

/* s as one display-safe line, appended to b */
static void put_escaped(strbuf *b, const char *s)
{
	char *safe = NULL;
	size_t n;
	if (!s)
		s = "(null)";
	if (text_sanitize_line(s, strlen(s), &safe, &n) == 0)
		sb_add(b, safe, n);
	else
		sb_puts(b, "?");
	free(safe);
}

/* The message of fmt: %s escaped, %d, %u, %zu and %% as printf has them. */
static void format(strbuf *b, const char *fmt, va_list ap)
{
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			sb_putc(b, *f);
			continue;
		}
		f++;
		if (*f == 's')
			put_escaped(b, va_arg(ap, const char *));
		else if (*f == 'd')
			sb_printf(b, "%d", va_arg(ap, int));
		else if (*f == 'u')
			sb_printf(b, "%u", va_arg(ap, unsigned));
		else if (*f == 'z' && f[1] == 'u') {
			sb_printf(b, "%zu", va_arg(ap, size_t));
			f++;
		} else if (*f == '%')
			sb_putc(b, '%');
		else
			break;   /* a format quoth does not use: stop rather than guess */
	}
}

void cmd_say(const char *fmt, ...)
{
	strbuf b;
	sb_init(&b);
	va_list ap;
	va_start(ap, fmt);
	format(&b, fmt, ap);
	va_end(ap);
	sb_putc(&b, '\n');
	if (!b.failed)
		fwrite(b.s, 1, b.len, stderr);
	else
		fputs("quoth: out of memory\n", stderr);
	sb_free(&b);
}

void cmd_file_error(const char *name, int code)
{
	cmd_say("quoth: %s: %s", name, error_message(code));
}

int cmd_term_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	int w = c ? atoi(c) : 0;
	return w > 0 ? w : 80;
}

void cmd_say_too_deep(size_t n)
{
	if (n)
		cmd_say("quoth: %zu %s nested deeper than %d levels %s skipped", n, n == 1 ? "folder" : "folders",
		        WALK_MAX_DEPTH, n == 1 ? "was" : "were");
}

bool cmd_stdin_has_input(void)
{
	struct stat st;
	return fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) || S_ISSOCK(st.st_mode));
}
