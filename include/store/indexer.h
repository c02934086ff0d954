/* Filling the corpus index from files: what `quoth index PATH...` and the
 * reader's idle time run.
 *
 * A file is read again only when it may have changed: one whose size and
 * modification time (in ns) are what the index has is skipped without
 * being opened; one whose time changed but whose bytes hash to the same
 * article id is only touched (its new time recorded); every other file is
 * read, its quotes found and its row replaced. Files that vanished from
 * under the paths given are removed. With no path, every file the index
 * knows is checked again.
 *
 * Files are read and their quotes found on other threads (one fewer than
 * the cores, at least one) while this one writes them in order, a
 * transaction every INDEXER_BATCH articles (or four seconds): a kill at
 * any moment loses at most the batch being written.
 *
 * A file that changes while it is read (its size or time differ after the
 * read) is indexed as read but recorded with time 0, so the next run reads
 * it again; it counts in `changed_during`.
 */
#ifndef QUOTH_INDEXER_H
#define QUOTH_INDEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "index.h"
#include "quotes.h"

#define INDEXER_BATCH 20000
/* Read ahead of the writer: at most this many articles and bytes of their
 * text (their words and quotes take about as much again). */
#define INDEXER_AHEAD 1024
#define INDEXER_AHEAD_BYTES (32u << 20)

typedef struct indexer_stats {
	size_t files;            /* files looked at */
	size_t added, changed;   /* read and (re)indexed */
	size_t touched;          /* same bytes, new time */
	size_t unchanged;        /* skipped unopened */
	size_t removed;          /* vanished */
	size_t failed;           /* could not be read (reported) */
	size_t changed_during;   /* changed while being read */
	size_t quotes;           /* quotes of the files read */
	uint64_t bytes;          /* bytes of the files read */
	size_t ahead_most;       /* the most text read ahead of the writer at once */
} indexer_stats;

typedef struct indexer_opts {
	const quotes_opts *quotes;   /* NULL: the defaults */
	unsigned readers;            /* threads reading files (0: one fewer than the cores, at least 1) */
	/* Text read ahead of the writer (the jobs' articles), past which the
	 * reading threads wait; 0: INDEXER_AHEAD_BYTES. */
	size_t ahead_bytes;
	/* Called for a file that could not be read (code a Q_* code); NULL: quiet. */
	void (*file_error)(void *ctx, const char *path, int code);
	/* Called about twice a second with the figures so far, and with done
	 * true once at the end; NULL: none. */
	void (*progress)(void *ctx, const indexer_stats *st, size_t total, bool done);
	void *ctx;
} indexer_opts;

/* Indexes paths[0..npaths) (files and folders, as the reader takes them;
 * npaths 0: every file the index knows). Returns 0, or the Q_* code of a
 * failure of the index itself (files that cannot be read are reported
 * through file_error and counted, not returned). */
int indexer_run(qindex *ix, const char *const *paths, size_t npaths, const indexer_opts *o,
                indexer_stats *st);

/* The absolute form of path under which the index keeps it (caller frees):
 * the real path of its folder, then its name. NULL when it cannot be
 * resolved. */
char *indexer_key(const char *path);

/* indexer_key for the many files of few folders (a walk, the reader's
 * list): each folder is resolved once, while its files come in a row. */
typedef struct indexer_keys {
	char *dir, *real;
} indexer_keys;

char *indexer_key_in(indexer_keys *k, const char *path);
void indexer_keys_free(indexer_keys *k);

#endif
