/* The wrap layer: paragraphs -> display rows at a width.
 *
 * One width rule serves layout and drawing (wrap_cluster_width): what is
 * wrapped is what the terminal shows. Breaks are UAX #14 opportunities
 * (libunistring) with a fast path for ASCII/Latin runs that gives the same
 * breaks; a word longer than the width breaks at grapheme cluster
 * boundaries; tabs expand to the next multiple of the tab width. Inside a
 * paragraph a '\n' is a hyphen join (see doc.h): zero columns, drawn as
 * nothing.
 *
 * The view is lazy: rows are computed only for the paragraphs asked for and
 * cached per width. A paragraph longer than WRAP_SEGMENT bytes is wrapped in
 * segments that each start at the first space at or after a multiple of
 * WRAP_SEGMENT bytes from the paragraph start, so any part of a giant line
 * can be wrapped without wrapping what comes before it.
 */
#ifndef QUOTH_WRAP_H
#define QUOTH_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"

#define WRAP_SEGMENT (16 * 1024)

typedef struct wrap_row {
	size_t start, end;   /* bytes of doc.text shown on the row; the spaces at a break are left out */
	size_t para;         /* the paragraph it belongs to */
	int cols;            /* display columns */
	bool gap;            /* the empty row between two paragraphs (start == end == para end) */
} wrap_row;

/* Display columns of the grapheme cluster at s[0..n) and its length in
 * bytes (*len). col is the column it starts at (for TAB). */
int wrap_cluster_width(const char *s, size_t n, int col, int tabwidth, size_t *len);

/* Display columns of s[0..n) starting at column 0. */
int wrap_str_width(const char *s, size_t n, int tabwidth);

/* Wraps text[start,end) at width columns (width >= 1), appending rows
 * (para set to para) to the array *rows (*nrows used, *cap allocated, realloc'd). Returns 0 or Q_ENOMEM. */
int wrap_range(const char *text, size_t start, size_t end, size_t para, int width, int tabwidth,
               wrap_row **rows, size_t *nrows, size_t *cap);

typedef struct wrap_view wrap_view;

/* A view of paragraphs first..npara-1 of d at width columns. */
wrap_view *wrap_view_new(const doc *d, size_t first, int width, int tabwidth);
void wrap_view_free(wrap_view *v);
/* Changes the width; drops the cache. */
void wrap_view_set_width(wrap_view *v, int width);
int wrap_view_width(const wrap_view *v);

/* Fills out[0..n) with the rows from the row that contains byte offset
 * `top` on; returns how many there were (fewer at the end of the text).
 * A gap row is named by its paragraph's end offset. */
size_t wrap_view_rows(wrap_view *v, size_t top, wrap_row *out, size_t n);

/* The start offset of the row k rows below (k > 0) or above (k < 0) the row
 * containing off, stopping at the first and last rows. */
size_t wrap_view_move(wrap_view *v, size_t off, long k);

/* The start offset of the row containing off (for a jump to a quote or a match). */
size_t wrap_view_row_start(wrap_view *v, size_t off);

/* The first and last row offsets of the view. */
size_t wrap_view_first(wrap_view *v);
size_t wrap_view_last(wrap_view *v);

#endif
