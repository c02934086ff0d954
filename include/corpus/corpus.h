/* The corpus layer: many articles. Files, folders (recursive: *.txt, *.md,
 * *.jsonl, *.ndjson, each also gzipped) and standard input. Adding a path
 * costs a directory read, not a file read, but for the files that hold
 * several articles (records.c): a JSON Lines file, where each record is an
 * item, and a text file named on the command line that form-feed lines cut
 * into articles; those are scanned once for where each article starts.
 * Titles are peeked from the first few KiB (a record is parsed) when they
 * are first needed, and bodies loaded on demand, with only the most
 * recently used kept. */
#ifndef QUOTH_CORPUS_H
#define QUOTH_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

/* A gzipped file is inflated whole when it is added (gzip has no random
 * access to read one article from), up to this many bytes; a bigger one
 * is refused with its reason (gunzip it: a plain file is read in place). */
#define CORPUS_GZ_MAX ((size_t)256 << 20)

struct corpus_file;       /* a file of several articles, shared by its items (records.h) */

/* What a JSON Lines record says of its article, display-safe on one line
 * (each NULL when absent). */
typedef struct corpus_meta {
	char *url, *date, *source;
} corpus_meta;

typedef struct corpus_item {
	char *path;          /* as found (raw bytes); "-" for standard input; a record's: its file's */
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
	/* one article of a file of several (file not NULL) */
	struct corpus_file *file;
	size_t number;       /* its line (JSON Lines) or its number (1 first) among the file's articles */
	uint64_t off;        /* where its bytes are in the file (decompressed, for gzip) */
	size_t len;
	corpus_meta *meta;   /* once loaded, for a JSON Lines record that has any */
	char *detail;        /* what exactly is wrong with it (display-safe), when error says too little */
} corpus_item;

typedef struct corpus {
	corpus_item *v;
	size_t n, cap;
	size_t loaded;       /* bodies in memory */
	size_t max_loaded;   /* keep at most this many (default 32) */
	size_t gz_max;       /* a gzipped file inflated to more than this is refused (default CORPUS_GZ_MAX) */
	unsigned long clock;
	size_t too_deep;     /* folders skipped below the PATHs: nested deeper than WALK_MAX_DEPTH */
	size_t *live;        /* the items whose body was loaded from a file: where eviction looks */
	size_t nlive, livecap;
} corpus;

void corpus_init(corpus *c);
void corpus_free(corpus *c);

/* Adds a file, or every article file below a folder (walk.h,
 * walk_is_article_or_dump: sorted by path, symlink loops and hidden entries
 * skipped, case ignored). A JSON Lines file (*.jsonl, *.ndjson) adds one
 * item a record, a gzipped file (*.gz) is inflated once and held (up to
 * gz_max), and a text file named as path with form-feed lines adds
 * one item an article; ids and titles are those quoth quotes gives. A path,
 * or a record, that cannot be read is still added, with its error, so the
 * list can say why. Returns 0 or Q_ENOMEM. */
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

/* The file name part of item i's path, display-safe (caller frees); a
 * record's says which ("dump.jsonl:4", "pages.txt #2"). */
char *corpus_display_name(const corpus *c, size_t i);

/* What names item i where its article is kept (doc.name, the tag store's
 * path): the path, or for a record its file's real path and ":LINE" (JSON
 * Lines) or " #N" (form feeds), as quoth quotes names it. Raw bytes;
 * caller frees; NULL when out of memory. */
char *corpus_item_name(const corpus *c, size_t i);

/* Where item i is, display-safe on one line, for the status line: its path
 * (a record's with its line or number), then the source, date and URL the
 * record gives. Caller frees; NULL when out of memory. */
char *corpus_item_label(const corpus *c, size_t i);

/* The item whose article has id art (among those whose id is known), else
 * the one named path (corpus_item_name, made absolute as the tag store
 * does); SIZE_MAX when none. */
size_t corpus_find(corpus *c, uint64_t art, const char *path);

#endif
