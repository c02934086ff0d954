/* Warnings collected while reading a file the user wrote (config.ini, a
 * keymap): each names the file and the line, and reading goes on. The
 * library never prints them; the caller shows them (stderr before the screen
 * starts, or the status line). Every function that takes a warnings
 * pointer accepts NULL: the warnings are then dropped. */
#ifndef QUOTH_WARNINGS_H
#define QUOTH_WARNINGS_H

#include <stddef.h>

struct warning {
	char *file;   /* as given to the loader; NULL when no file is involved */
	int line;     /* 1-based; 0 when the warning is about the whole file */
	char *what;   /* the problem, without file and line */
	char *msg;    /* "FILE:LINE: what", "FILE: what" or "what" */
};

typedef struct warnings {
	struct warning *v;
	size_t n, cap;
	size_t dropped;   /* warnings not kept: past WARNINGS_MAX or out of memory */
} warnings;

/* A broken file could produce one warning per line; past this many the rest
 * are only counted. */
#define WARNINGS_MAX 200

void warnings_init(warnings *w);
void warnings_free(warnings *w);

/* Adds a warning. file may be NULL, line 0. Bytes of the formatted text that
 * could act on a terminal (C0, DEL, C1, invalid UTF-8, bidi controls,
 * U+2028/U+2029) are shown as \xNN, so a message that quotes the user's
 * file is safe to print as it is. */
void warnings_add(warnings *w, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Orders the warnings from index `from` on by line, keeping the order of
 * warnings on one line: a file's checks run in several passes, and its
 * warnings read best top to bottom. */
void warnings_sort(warnings *w, size_t from);

#endif
