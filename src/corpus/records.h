/* Files of several articles, for the reader's list (corpus.h): where each
 * article of a JSON Lines file, of a text file cut by form-feed lines, or
 * of a gzipped file starts and ends, found with one pass over the file,
 * so that an article is read (pread) and decoded only when it is shown.
 * The cuts are the stream's (stream.h), so that an article's number, bytes
 * and id are those quoth quotes gives. Private to the corpus layer. */
#ifndef QUOTH_RECORDS_H
#define QUOTH_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct corpus_file {
	char *path;          /* as found (raw bytes) */
	char *real;          /* its real path (path when it has none): what names its articles */
	bool jsonl;          /* JSON Lines: one record a line */
	bool several;        /* text cut by form-feed lines */
	char *mem;           /* gzip: the whole file inflated; NULL: its bytes are read from the file */
	size_t memlen;
	size_t refs;         /* the items that point to it */
} corpus_file;

/* Called for each article found: number its line (JSON Lines) or its
 * number, [off, off + len) its bytes; error a Q_* code with detail (a
 * static string, or NULL) for a record that cannot be read. 0 or Q_ENOMEM. */
typedef int (*records_fn)(void *ctx, corpus_file *f, size_t number, uint64_t off, size_t len, int error,
                          const char *detail);

/* Looks at the file at path: JSON Lines by its name (as the stream does),
 * a gzipped file by its first bytes when its name ends in .gz, form feeds
 * in a text file only when `named` (a PATH the user gave: a folder's text
 * files are not read when added). Returns 1 when fn was called for its
 * articles (f made, one reference each), 0 when it is a plain file of one
 * article (nothing made), or a Q_* code for the file as a whole (Q_ENOMEM,
 * a read error, Q_ETOOBIG for gzip inflated over gz_max, Q_EBINARY, Q_EEMPTY
 * for JSON Lines without a record), with *why (static, or NULL) saying more. */
int records_scan(const char *path, bool named, size_t gz_max, records_fn fn, void *ctx, const char **why);

/* The bytes of an article: a copy (caller frees) with a NUL after them.
 * Returns 0, Q_ENOMEM, or a read error: Q_EIO with *detail (static) when
 * the file has changed under it (shorter than when it was scanned). */
int records_read(const corpus_file *f, uint64_t off, size_t len, char **out, const char **detail);

/* Drops one reference; the last frees f. */
void records_release(corpus_file *f);

#endif
