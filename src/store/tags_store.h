/* Inside the tag store (tags.h): the store's state, shared by its three
 * files. tags.c is the public interface (changes, queries, open and close),
 * tag_names.c the interned tag names, journal.c the file on disk (the
 * format, reading, appending, locking, compaction). Private to src/store. */
#ifndef QUOTH_TAGS_STORE_H
#define QUOTH_TAGS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "strbuf.h"
#include "tag_table.h"
#include "tags.h"

struct tags_store {
	char *dir, *journal, *lockpath;
	tag_table st;

	/* tag_names.c: every name seen, interned; entries point into these until close */
	char **names;
	size_t nnames, namecap;
	uint32_t *name_slots;   /* open addressing over names: index + 1, 0 for empty */
	size_t nname_slots;

	strbuf pending;         /* records applied in memory, not yet on disk */
	size_t npending;
	bool dirty;             /* this store wrote to the journal */

	/* journal.c */
	int lockfd;
	bool holding;           /* we hold the lock: say we are at work (journal_beat) */
	int64_t beat_ms;        /* when we last said so */
	bool have_file;         /* dev, ino, offset describe the journal last read */
	int jfd;                /* that file, held open so that its inode number cannot be reused */
	dev_t dev;
	ino_t ino;
	off_t offset;           /* end of the last record read */
	size_t lineno;          /* lines read from the current journal file */
	bool headerless;        /* it has no header line (an older quoth's): compaction adds one */
	bool newer;             /* its header names a newer format: read, never written */
	char *errfile;          /* the file the last error was about */
	strbuf warn;
	size_t nbad, nnewer;    /* per read: skipped lines, for the warning summary */
};

/* ---- tag_names.c ---- */

/* The one copy of tag name[0..n) in *out, made when new. Returns 0,
 * Q_EUSAGE (not a valid name) or Q_ENOMEM. */
int tag_names_intern(tags_store *s, const char *name, size_t n, const char **out);
/* The interned copy of name[0..n), or NULL when no tag has that name. */
const char *tag_names_find(const tags_store *s, const char *name, size_t n);
/* The index in s->names of an interned name. */
size_t tag_names_index(const tags_store *s, const char *interned);
void tag_names_free(tags_store *s);

/* ---- journal.c ---- */

/* Records fd's error rc as being about the file at path (for
 * tags_error_file) and returns rc. */
int journal_fail(tags_store *s, const char *path, int rc);

/* The records of a change, appended to b. */
void journal_put_meta(strbuf *b, const tag_entry *e, int64_t when);
void journal_put_tag(strbuf *b, bool on, uint64_t art, uint64_t quote, int64_t when, const char *tag);
void journal_put_speaker(strbuf *b, uint64_t art, uint64_t quote, int64_t when, const char *speaker);

/* Applies the complete records of buf[0..n) (modified in place) to st and
 * returns how many bytes they take; *rc gets 0 or Q_ENOMEM. With warn,
 * skipped lines are counted and the first ones reported. */
size_t journal_replay(tags_store *s, tag_table *st, char *buf, size_t n, bool warn, int *rc);

/* The journal read at tags_open, under a shared lock when one can be had.
 * Returns 0 (also when there is no journal yet) or the error. */
int journal_read_at_open(tags_store *s);
/* Reads what other processes appended (tags_sync). */
int journal_sync(tags_store *s);
/* Under the exclusive lock: catches up and appends what is pending. */
int journal_flush(tags_store *s);
/* Under the exclusive lock: flushes, then rewrites the journal with only
 * what is live when that makes it smaller or gives it its header. */
int journal_compact(tags_store *s);
/* Closes the descriptors and frees what journal.c owns. */
void journal_free(tags_store *s);

/* The warnings gathered so far, as one string (caller frees), or NULL. */
char *journal_take_warnings(tags_store *s);

#endif
