/* A growable byte buffer, and the escaping every output format needs. */
#ifndef QUOTH_STRBUF_H
#define QUOTH_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct strbuf {
	char *s;          /* NUL-terminated when not NULL */
	size_t len, cap;
	bool failed;      /* an allocation failed; later appends do nothing */
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_add_grow(strbuf *b, const char *s, size_t n);

/* Appends s[0..n). Inline: output formatting appends a few bytes at a
 * time, and most appends find room. */
static inline void sb_add(strbuf *b, const char *s, size_t n)
{
	if (!b->failed && b->cap - b->len > n) {   /* room for n and the NUL (cap > len when s is set) */
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
	} else {
		sb_add_grow(b, s, n);
	}
}
void sb_puts(strbuf *b, const char *s);
/* sb_puts of a string literal, its length known when compiled */
#define sb_lit(b, lit) sb_add((b), "" lit, sizeof(lit) - 1)
void sb_putc(strbuf *b, char c);
/* Makes room for n more bytes at once (appends then find it without
 * growing b step by step); false when the allocation failed (b is as it
 * was, and not failed: appends still try). */
bool sb_reserve(strbuf *b, size_t n);
/* Makes b n bytes longer and returns where they start, for the caller to
 * fill (b stays NUL-terminated after them); NULL when an allocation failed. */
char *sb_extend(strbuf *b, size_t n);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
void sb_json(strbuf *b, const char *s, size_t n);
/* Appends s as one TSV field: TAB, LF and CR become spaces, backslash is kept. */
void sb_tsv(strbuf *b, const char *s, size_t n);
/* Takes the string out of b (caller frees); b is empty afterwards. NULL when an allocation failed. */
char *sb_take(strbuf *b);

#endif
