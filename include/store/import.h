/* Loading quotes found elsewhere into the corpus index: the output of
 * `quoth quotes --format=jsonl` (one quote a line: file, start, end, text,
 * speaker, cue, confidence, id, lang; title, date, source and url when the
 * line has them), made on other machines or by GNU parallel, without
 * extracting again.
 *
 * The lines of one article follow each other, as quoth quotes writes them;
 * an article whose lines come again later gets them added. Each article
 * replaces what the index had under its path. When the file exists here,
 * the index keeps it under its real path with its size and time, so that
 * `quoth index` later skips it while it is unchanged; otherwise under the
 * path as written. Imported articles have no text in the index: full-text
 * search finds their quotes and titles, not their other words.
 *
 * The lines are read as quoth quotes reads JSON Lines (stream.h): gzip
 * data is inflated, a binary file or a device is refused (Q_EBINARY,
 * Q_ENOTREG), and so is a folder (Q_EISDIR); a named pipe is read. A line that is not JSON, lacks
 * a field or has one of the wrong type, or is over 256 MiB, is reported
 * (file, line number, what) and skipped, as is the line where gzip data was
 * cut short; the others are loaded. */
#ifndef QUOTH_IMPORT_H
#define QUOTH_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "index.h"

typedef struct import_stats {
	size_t lines, articles, quotes, bad_lines;
	bool index_failed;       /* the code returned is the index's, not the input's */
} import_stats;

typedef void (*import_error_fn)(void *ctx, const char *file, long line, const char *what);

/* Imports the file at path ("-": standard input). Returns 0, Q_ESYNTAX when
 * lines were skipped (reported through err), or the Q_* code of a failure
 * to read the file or (st->index_failed) to write the index. */
int import_jsonl(qindex *ix, const char *path, import_stats *st, import_error_fn err, void *ctx);

#endif
