/* The wrap layer: paragraphs -> display rows at a width.
 *
 * One width rule serves layout and drawing (wrap_cluster_width): what is
 * wrapped is what the terminal shows. Breaks are UAX #14 opportunities
 * (libunistring) with a fast path for ASCII/Latin runs that gives the same
 * breaks; a word longer than the width breaks at grapheme cluster
 * boundaries; tabs expand to the next multiple of the tab width. Inside a
 * paragraph a '\n' is a hyphen join (see doc.h): zero columns, drawn as
 * nothing, no break opportunity of its own.
 *
 * The width rule is ncursesw's, i.e. glibc wcwidth summed over the code
 * points of a cluster (ncurses puts a zero-width code point into the cell
 * before it), computed without the locale (uc_width with "UTF-8" plus the
 * few code points where glibc 2.36 differs):
 *   - ASCII, Latin, Greek, Cyrillic ... 1; wide (CJK, fullwidth, most
 *     emoji) 2; combining marks, ZWJ, VS16, other format characters 0;
 *   - soft hyphen U+00AD 1 (wcwidth draws it); a code point wcwidth does
 *     not know (unassigned, noncharacter) 1, as ncurses gives it one cell;
 *   - emoji sequences are the sum of their parts, as ncurses lays them out:
 *     a ZWJ sequence (woman + ZWJ + laptop) 4, an emoji with a skin tone 4,
 *     U+2764 + VS16 1, a flag (two regional indicators) 2. (A terminal
 *     that draws a sequence narrower than wcwidth is out of step with
 *     ncurses whatever the layout does; the layout follows ncurses.)
 *   - TAB: to the next multiple of the tab width, which is
 *     wrap_tabwidth(width, tabwidth) so a tab always fits a row;
 *   - '\n' (hyphen join) 0.
 * Only a cluster wider than the whole width (a wide character at width 1)
 * makes a row wider than the width: it gets a row of its own.
 *
 * Rows: the spaces (U+0020) where a row breaks are left out of both rows,
 * and so is a join at a row's end ("counter-" | "accusations"): what lies
 * between one row's end and the next row's start is only spaces and joins.
 *
 * The view is lazy: rows are computed only for the paragraphs asked for and
 * cached per width (a bounded cache). A paragraph longer than WRAP_SEGMENT
 * bytes is wrapped in segments, so any part of a giant line can be wrapped
 * without wrapping what comes before it. Window k (k >= 1) of a paragraph
 * starting at ps is the bytes (ps + k*WRAP_SEGMENT, ps + (k+1)*WRAP_SEGMENT];
 * a segment starts at the first position in a window that follows a run of
 * spaces (and starts a grapheme cluster), or failing that at the first
 * grapheme cluster boundary in it; a row always ends at a segment start.
 */
#ifndef QUOTH_WRAP_H
#define QUOTH_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

#define WRAP_SEGMENT (16 * 1024)

typedef struct wrap_row {
	size_t start, end;   /* bytes of doc.text shown on the row; the spaces at a break are left out */
	size_t para;         /* the paragraph it belongs to */
	int cols;            /* display columns */
	bool gap;            /* the empty row between two paragraphs (start == end == para end) */
} wrap_row;

/* Display columns of the grapheme cluster at s[0..n) and its length in
 * bytes (*len). col is the column it starts at (for TAB). A '\n' is a
 * cluster of its own (0 columns), so a drawing loop can skip it. */
int wrap_cluster_width(const char *s, size_t n, int col, int tabwidth, size_t *len);

/* Display columns of s[0..n) starting at column 0. */
int wrap_str_width(const char *s, size_t n, int tabwidth);

/* The offset in s[0..n) (a row's bytes) of the cluster under column col
 * (for a mouse click): the cluster that starts at or covers it; n past the
 * end. Joins are skipped. The inverse is wrap_str_width of the prefix. */
size_t wrap_offset_at_col(const char *s, size_t n, int col, int tabwidth);

/* Display columns of one code point (TAB aside): see the rule above. */
int wrap_char_width(uint32_t c);

/* The tab width used at a width: tabwidth, or width when that is less, so
 * that a tab never runs past the row. Draw with the same value. */
int wrap_tabwidth(int width, int tabwidth);

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
/* The tab width rows are laid out with: wrap_tabwidth(width, tabwidth). */
int wrap_view_tabwidth(const wrap_view *v);

/* Fills out[0..n) with the rows from the row that contains byte offset
 * `top` on; returns how many there were (fewer at the end of the text).
 * A gap row is named by its paragraph's end offset. The row containing an
 * offset is the last row starting at or before it (spaces dropped at a
 * break belong to the row before); an offset between two paragraphs is in
 * the gap, one before the first paragraph in the first row, one after the
 * last in the last row. Out of memory: fewer rows (0). */
size_t wrap_view_rows(wrap_view *v, size_t top, wrap_row *out, size_t n);

/* The start offset of the row k rows below (k > 0) or above (k < 0) the row
 * containing off, stopping at the first and last rows. */
size_t wrap_view_move(wrap_view *v, size_t off, long k);

/* The start offset of the row containing off (for a jump to a quote or a match). */
size_t wrap_view_row_start(wrap_view *v, size_t off);

/* How many bytes of text the view has wrapped since it was made (each
 * segment counted every time it is wrapped again): for tests and benchmarks
 * that check the view stays lazy. */
size_t wrap_view_bytes_wrapped(const wrap_view *v);

/* The first and last row offsets of the view. */
size_t wrap_view_first(wrap_view *v);
size_t wrap_view_last(wrap_view *v);

#endif
