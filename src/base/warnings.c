/* Warnings about the user's files, collected for the caller to show. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "grow.h"
#include "strbuf.h"
#include "warnings.h"

void warnings_init(warnings *w)
{
	memset(w, 0, sizeof *w);
}

void warnings_free(warnings *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].file);
		free(w->v[i].what);
		free(w->v[i].msg);
	}
	free(w->v);
	warnings_init(w);
}

/* Bidi embeddings, overrides and isolates reorder what follows them on a
 * terminal that does bidi; line and paragraph separators break the line. */
static bool is_layout_control(ucs4_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069) || uc == 0x2028 || uc == 0x2029;
}

/* Appends s with every byte that could act on a terminal written as \xNN:
 * the message quotes the user's file, and a caller prints it as it is. */
static void add_escaped(strbuf *b, const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	while (n > 0) {
		ucs4_t uc;
		size_t len = (size_t)u8_mbtouc(&uc, p, n);
		bool bad = uc == 0xFFFD && !(len == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD);
		if (bad || uc < 0x20 || (uc >= 0x7F && uc < 0xA0) || is_layout_control(uc)) {
			for (size_t i = 0; i < len; i++)
				sb_printf(b, "\\x%02X", p[i]);
		} else {
			sb_add(b, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
}

static char *escaped(const char *s)
{
	strbuf b;
	sb_init(&b);
	add_escaped(&b, s);
	return sb_take(&b);
}

static char *full_message(const char *file, int line, const char *what)
{
	strbuf b;
	sb_init(&b);
	if (file) {
		add_escaped(&b, file);
		if (line > 0)
			sb_printf(&b, ":%d", line);
		sb_puts(&b, ": ");
	}
	sb_puts(&b, what);
	return sb_take(&b);
}

void warnings_add(warnings *w, const char *file, int line, const char *fmt, ...)
{
	if (!w)
		return;
	if (w->n >= WARNINGS_MAX) {
		w->dropped++;
		return;
	}
	if (GROW(w->v, w->cap, w->n + 1, 8)) {
		w->dropped++;
		return;
	}
	char *raw = NULL;
	va_list ap;
	va_start(ap, fmt);
	int rc = vasprintf(&raw, fmt, ap);
	va_end(ap);
	if (rc < 0) {
		w->dropped++;
		return;
	}
	struct warning wn = {
		.file = file ? strdup(file) : NULL,
		.line = line,
		.what = escaped(raw),
	};
	free(raw);
	wn.msg = wn.what ? full_message(file, line, wn.what) : NULL;
	if ((file && !wn.file) || !wn.what || !wn.msg) {
		free(wn.file);
		free(wn.what);
		free(wn.msg);
		w->dropped++;
		return;
	}
	w->v[w->n++] = wn;
}

void warnings_sort(warnings *w, size_t from)
{
	/* insertion sort: stable, and a file has a handful of warnings */
	if (!w)
		return;
	for (size_t i = from + 1; i < w->n; i++) {
		struct warning x = w->v[i];
		size_t j = i;
		while (j > from && w->v[j - 1].line > x.line) {
			w->v[j] = w->v[j - 1];
			j--;
		}
		w->v[j] = x;
	}
}
