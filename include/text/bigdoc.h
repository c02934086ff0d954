/* A file too big to read whole (over DOC_BIG): mapped, never copied or
 * scanned in full, and read through windows of WINDOW_BYTES.
 *
 * A window is an ordinary article (doc.h) made from a slice of the file
 * that starts and ends at a paragraph or line boundary, so every layer
 * above works on it unchanged; its offsets are relative to the slice's
 * start in the file. Opening costs a few page faults (the article id is a
 * sampled hash, see doc_article_id), so the first screen and a jump to the
 * end of a gigabyte take milliseconds.
 */
#ifndef QUOTH_BIGDOC_H
#define QUOTH_BIGDOC_H

#include <stddef.h>
#include <stdint.h>
#include "doc.h"

#define WINDOW_BYTES (256 * 1024)

typedef struct bigdoc {
	const char *raw;      /* the mapped file */
	size_t size;
	uint64_t id;          /* doc_article_id of the file */
	char *name;           /* the path as given */
	char *title;          /* from the first window */
	int fd;               /* the file, for bigdoc_read */
} bigdoc;

/* Maps the file at path. Returns 0 or a Q_* code as doc_load does. */
int bigdoc_open(const char *path, bigdoc **out);
void bigdoc_close(bigdoc *b);

/* The window holding raw offset pos: an article made from file bytes
 * [*start, *end), about WINDOW_BYTES long, beginning at a boundary at most
 * `before` bytes before pos (less near the start of the file). Its id and
 * title are the file's. Returns 0 or Q_ENOMEM / Q_EBINARY. */
int bigdoc_window(const bigdoc *b, size_t pos, size_t before, doc **out, size_t *start, size_t *end);

/* Reads raw bytes [off, off + n) into buf with pread, for a scan of the
 * whole file: touching a gigabyte of the mapping page by page costs three
 * times the processor time of reading it (the page faults). Returns the
 * bytes read, fewer on an error or at the end. The signature is
 * search_read's (search.h). */
size_t bigdoc_read(void *big, size_t off, char *buf, size_t n);

/* Lets the kernel drop the pages of raw bytes [lo, hi) from memory (after a
 * scan), so that searching a gigabyte does not keep a gigabyte resident. */
void bigdoc_release(const bigdoc *b, size_t lo, size_t hi);

#endif
