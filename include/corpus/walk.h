/* Walking the PATHs a user names: a file is itself, a folder is every
 * article file below it, depth first, in the order of their paths (as
 * `sort` orders them: a.txt, a/b.txt, b.txt), hidden entries and symbolic
 * link loops skipped.
 *
 * The walk opens each folder relative to its parent (openat), so neither
 * the depth nor the length of a path is limited by PATH_MAX: a file is
 * opened through walk_entry.dirfd and .name. Only the names of the folders
 * on the current branch are in memory, not the whole tree. */
#ifndef QUOTH_WALK_H
#define QUOTH_WALK_H

#include <stdbool.h>
#include <stddef.h>

/* Folders nested deeper than this below a PATH are skipped and counted
 * (each level keeps one descriptor open). */
#define WALK_MAX_DEPTH 400

/* Which file names a folder walk takes (a PATH named as a file is always
 * taken). */
typedef bool (*walk_filter)(const char *name);

/* *.txt and *.md, case-insensitively, but a README.* (it describes the
 * folder): what the reader opens. */
bool walk_is_article(const char *name);
/* Those, and JSON Lines dumps (*.jsonl, *.ndjson), each also gzipped (.gz):
 * what quoth quotes and quoth render read. */
bool walk_is_article_or_dump(const char *name);

typedef struct walk_entry {
	const char *path;    /* the path as found (raw bytes); valid until the next walk_next */
	int dirfd;           /* the folder holding it (AT_FDCWD for a PATH itself) ... */
	const char *name;    /* ... and its name there, for openat */
	int error;           /* Q_* when it could not be listed (a folder that cannot be read) */
} walk_entry;

typedef struct walk walk;

/* Starts a walk of path with filter. Returns 0 or Q_ENOMEM. */
int walk_open(const char *path, walk_filter filter, walk **out);

/* The next file: 1 (e filled), 0 at the end, or Q_ENOMEM. */
int walk_next(walk *w, walk_entry *e);

/* Folders skipped so far because they were nested deeper than
 * WALK_MAX_DEPTH (symbolic link loops are not counted: they are walked
 * once already). */
size_t walk_too_deep(const walk *w);

void walk_close(walk *w);

#endif
