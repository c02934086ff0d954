#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grow.h"
#include "strbuf.h"

void sb_init(strbuf *b)
{
	memset(b, 0, sizeof *b);
}

void sb_free(strbuf *b)
{
	free(b->s);
	sb_init(b);
}

static bool grow(strbuf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	if (extra > SIZE_MAX - b->len - 1 || GROW(b->s, b->cap, b->len + extra + 1, 64)) {
		b->failed = true;
		return false;
	}
	return true;
}

void sb_add(strbuf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *sb_extend(strbuf *b, size_t n)
{
	if (!grow(b, n))
		return NULL;
	char *at = b->s + b->len;
	b->len += n;
	b->s[b->len] = '\0';
	return at;
}

void sb_puts(strbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void sb_putc(strbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void sb_json(strbuf *b, const char *s, size_t n)
{
	sb_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
			continue;
		sb_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': sb_puts(b, "\\\""); break;
		case '\\': sb_puts(b, "\\\\"); break;
		case '\n': sb_puts(b, "\\n"); break;
		case '\t': sb_puts(b, "\\t"); break;
		case '\r': sb_puts(b, "\\r"); break;
		default: sb_printf(b, "\\u%04x", c); break;
		}
	}
	sb_add(b, s + run, n - run);
	sb_putc(b, '"');
}

void sb_tsv(strbuf *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			continue;
		sb_add(b, s + run, i - run);
		sb_putc(b, ' ');
		run = i + 1;
	}
	sb_add(b, s + run, n - run);
}

char *sb_take(strbuf *b)
{
	char *s = b->failed ? NULL : b->s;
	if (b->failed)
		free(b->s);
	if (!s && !b->failed)
		s = calloc(1, 1);
	sb_init(b);
	return s;
}
