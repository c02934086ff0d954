/* The corpus layer: many articles. Files, folders (recursive, *.txt, *.md) and
 * standard input. Adding a path costs a directory read, not a file read:
 * titles are peeked from the first few KiB when they are first needed, and
 * bodies loaded on demand, with only the most recently used kept. */
#ifndef QUOTH_CORPUS_H
#define QUOTH_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

typedef struct corpus_item {
	char *path;          /* as found (raw bytes); "-" for standard input */
	char *title;         /* display-safe; NULL until peeked */
	int error;           /* Q_* when the file could not be read: shown in the list */
	long nquotes;        /* -1 until counted (by the app) */
	doc *doc;            /* NULL until loaded */
	uint64_t id;         /* the article id (doc.id), once loaded */
	bool has_id;
	bool marked;         /* marked in the list (Space) for export */
	bool big;            /* over DOC_BIG: corpus_doc gives NULL; read it through bigdoc.h */
	size_t size;         /* bytes, once known */
	unsigned long used;  /* for evicting the least recently used body */
} corpus_item;

typedef struct corpus {
	corpus_item *v;
	size_t n, cap;
	size_t loaded;       /* bodies in memory */
	size_t max_loaded;   /* keep at most this many (default 32) */
	unsigned long clock;
	size_t too_deep;     /* folders skipped below the PATHs: nested deeper than WALK_MAX_DEPTH */
	size_t *live;        /* the items whose body was loaded from a file: where eviction looks */
	size_t nlive, livecap;
} corpus;

void corpus_init(corpus *c);
void corpus_free(corpus *c);

/* Adds a file, or every *.txt and *.md below a folder (walk.h: sorted by
 * path, symlink loops and hidden entries skipped, case ignored). A path that cannot be read is still added,
 * with its error, so the list can say why. Returns 0 or Q_ENOMEM. */
int corpus_add_path(corpus *c, const char *path);

/* Adds an article already read (standard input). Takes ownership of d. */
int corpus_add_doc(corpus *c, doc *d);

/* The title of item i, peeking at the file when it is not known yet.
 * Never NULL: an unreadable item's title is its file name. */
const char *corpus_title(corpus *c, size_t i);

/* The article of item i, loaded if needed; NULL with item->error set when it
 * cannot be read, or with item->big set when it is too big to load whole. The pointer stays valid until the next corpus_doc call
 * that loads another body (the least recently used one may be dropped), but
 * `keep` (if not SIZE_MAX) names an item that is never dropped. */
doc *corpus_doc(corpus *c, size_t i, size_t keep);

/* The article id of item i (big files included). Returns 0 or a Q_* code
 * (also set as the item's error). */
int corpus_item_id(corpus *c, size_t i, uint64_t *id);

/* The file name part of item i's path, display-safe (caller frees). */
char *corpus_display_name(const corpus *c, size_t i);

#endif
