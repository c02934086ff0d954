/* The corpus index: what quoth knows about every article it has indexed,
 * in one SQLite file, so that questions about the whole corpus (who is
 * quoted, where, the same quote in other outlets) are answered without
 * reading the articles again.
 *
 * It is a cache. Nothing in it is the user's own: tags live in their
 * journal (tags.h) and name quotes by ids that do not depend on the index,
 * so deleting the file loses nothing but time. That also decides what
 * happens to a file that is not right:
 *   - a damaged or truncated index, or one of another schema version, is
 *     rebuilt empty (index_open says so in *note);
 *   - a file that is not an SQLite database, or one that some other program
 *     made, is never replaced when the user named it (--index FILE): it may
 *     be theirs. index_open refuses it with Q_EEXIST. In quoth's own cache
 *     folder the same file is replaced.
 *
 * File: $XDG_CACHE_HOME/quoth/index.sqlite (default ~/.cache/quoth/), or
 * the path given. WAL mode: readers never wait for the indexer, and the
 * indexer commits a batch of articles a transaction, so a kill -9 at any
 * moment leaves the index as it was after the last whole batch.
 *
 * Schema (version INDEX_SCHEMA, PRAGMA user_version; application_id 'quot'):
 *   articles  one row a file: path (as bytes), size, mtime (ns), cid (the
 *             article id, doc.h), title, ftitle (the title folded as the
 *             list filter compares it, search_fold_loose), lang, date
 *             (YYYY-MM-DD when it reads as one, dates.h; else as written),
 *             source, url (NULL when unknown), nquotes, imported (quotes
 *             loaded from JSON Lines);
 *   quotes    one row a quote: article, qid (the quote id, quotes.h), start,
 *             end (byte offsets), text, form (the speaker as the article
 *             names it, NULL when unknown), cue, confidence;
 *   forms     every speaker name form seen, and the person it denotes;
 *   persons   one row a speaker after merging forms (names.h): the fullest
 *             name, counts of quotes and articles;
 *   groups, group_members   the same quote in several articles (samequote.h);
 *   quote_fts, article_fts  FTS5 over quote text and speaker, and over
 *             article title and text (the words of unicode61, diacritics
 *             folded, made by quoth's tokenizers: index_words_register).
 * forms, persons and the groups are derived from the rest after each
 * indexing run (index_derive); meta 'derived' says whether they are fresh,
 * meta 'quote_indexes' whether the indexes of quotes are there (0 during a
 * load into an empty index, which makes the one by speaker at its end:
 * index_defer_quote_indexes).
 *
 * Not thread-safe: one qindex per thread. Never prints anything.
 */
#ifndef QUOTH_INDEX_H
#define QUOTH_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "names.h"

#define INDEX_SCHEMA 7   /* 7: dates read as ISO dates (dates.h); an older index is made again */
#define INDEX_FILE_NAME "index.sqlite"

typedef struct qindex qindex;

enum index_flags {
	INDEX_READ = 0,          /* open for queries; a missing file is Q_ENOENT */
	INDEX_WRITE = 1 << 0,    /* create when missing, rebuild when damaged */
	INDEX_REBUILD = 1 << 1,  /* with INDEX_WRITE: start again from an empty index */
};

/* Once a process, before its first index (main): SQLite's allocator
 * without its statistics (each allocation and free counted under a
 * global lock), which quoth never reads. */
void index_setup_process(void);

/* Opens the index at path (NULL: the default file, its folder created).
 * *note (may be NULL) gets NULL or a one-line message for the user (caller
 * frees): "rebuilt: it was damaged", "read-only: ...". Returns 0, Q_ENOENT
 * (no index yet, or no home folder), Q_EEXIST (a file that is not a quoth
 * index and is not replaced), Q_EACCES, Q_EROFS, Q_ENOSPC, Q_ELOCK (another
 * process holds it too long), Q_EIO or Q_ENOMEM; *note then says why. */
int index_open(const char *path, unsigned flags, qindex **out, char **note);
void index_close(qindex *ix);

/* The default index file (caller frees), NULL when there is no home. */
char *index_default_path(void);

const char *index_path(const qindex *ix);
/* True when the file could only be opened for reading. */
bool index_readonly(const qindex *ix);
/* How long a statement waits for another process's write lock before
 * Q_ELOCK (default 10 s; the reader waits a few ms and tries later). */
void index_set_wait(qindex *ix, int ms);

/* True once SQLite found the file damaged (a page that does not parse):
 * open it again with INDEX_REBUILD. */
bool index_damaged(const qindex *ix);
/* SQLite's words for the last failure, for a message. */
const char *index_errmsg(const qindex *ix);

/* ---- writing: one batch of changes a transaction ---- */

/* For a long run of batches (quoth index), until index_close: the
 * write-ahead log is copied into the file less often, a page changed by
 * many batches once rather than once for every few (the log may reach
 * 64 MB; index_close empties it); the full-text tables keep a batch's
 * words in memory (up to 64 MB each), write them out at its commit and
 * merge their segments only when 16 wait on a level (kept in the file). */
int index_bulk(qindex *ix);

/* After a load's last batch, until index_close: each commit's pages of the
 * write-ahead log are copied into the file on a thread of its own, beside
 * the writer (SQLite copies them on the writer's when the log grows long
 * and at the close). */
void index_checkpoint_beside(qindex *ix);

/* Before a load into an empty index: the index of quotes by speaker is
 * dropped (a transaction of its own) and made again, once, by
 * index_restore_quote_indexes at its end, or by the next index_open for
 * writing when the load was cut short (the index by article stays: its
 * rows go in at its end). Without it every query still answers, slower. */
int index_defer_quote_indexes(qindex *ix);
int index_restore_quote_indexes(qindex *ix);

/* Before a load into an empty index, until index_close: its pages, and
 * their copy from the write-ahead log into the file, are handed to the
 * system without waiting for the disk (no fsync). A kill of quoth leaves
 * the index whole, as before; a crash of the system or a power cut soon
 * after may leave it damaged, and a damaged index found is rebuilt (it is
 * a cache: tags are not in it). */
int index_unsynced(qindex *ix);

int index_begin(qindex *ix);
int index_commit(qindex *ix);
void index_rollback(qindex *ix);

/* The words of quotes' texts for quote_fts, as its tokenizer makes them,
 * made where the quotes are found (a reading thread, index_qwords_add) so
 * that the writer does not tokenize them: each word's bytes in bytes, and
 * four numbers a word in tok: where its bytes begin, how many, and where
 * the word begins and ends in its text. */
typedef struct index_qwords {
	char *bytes;
	uint32_t *tok;
	size_t nbytes, capbytes, ntok, captok;   /* (ntok and captok: words) */
	int error;
} index_qwords;

typedef struct index_article {
	const char *path;        /* raw bytes; the key */
	int64_t size, mtime;     /* bytes; modification time in ns (0: unknown) */
	uint64_t cid;            /* the article id (0: unknown) */
	const char *title;
	const char *lang;        /* "en", "da", ...; NULL: unknown */
	const char *date, *source, *url;   /* NULL: unknown */
	bool imported;           /* from quoth quotes --format=jsonl output */
	const char *ftitle;      /* the title folded (search_fold_loose), NULL: index_put folds it */
	const char *words;       /* its title's and text's words (index_words_of), NULL: index_put makes them */
	/* the words of its quotes' texts, quote i's ending at qwords_end[i]
	 * (index_qwords_add); NULL: quote_fts's tokenizer makes them */
	const index_qwords *qwords;
	const size_t *qwords_end;
	size_t nwords;
	/* the index had no row of its path when the run began: index_put
	 * inserts it without looking (and replaces the row another writer
	 * put since, if any) */
	bool new_path;
} index_article;

typedef struct index_quote {
	uint64_t qid;
	size_t start, end;
	const char *text;
	const char *speaker;     /* as the article names it; NULL: unknown */
	const char *cue;         /* NULL: none */
	double confidence;
	/* its word pairs for the same-quote groups (samequote_pairs_of on its
	 * text and the article's language), when made where it was found */
	const uint32_t *pairs;
	size_t npairs;
	bool paired;             /* pairs made (npairs may be 0); false: not made */
} index_quote;

/* The words of an article as its full-text index keeps them: the title's
 * and the text's, as SQLite's unicode61 tokenizer gives them (case and
 * accents folded), once each, separated by spaces; after a word, its first
 * two characters behind the byte 0x01 when no word before began so (the
 * list filter's two-character words read them). Made where the text is
 * read (a reading thread of the indexer, each with its own index_words),
 * so that the thread that writes the index does not tokenize: the table
 * keeps which articles have a word, not where nor how often. */
typedef struct index_words index_words;
int index_words_new(index_words **w);
void index_words_free(index_words *w);
/* *out (NUL-terminated, *nout bytes) the words of title and body[0..nbody)
 * (either may be NULL). 0, Q_ENOMEM or Q_EIO. */
int index_words_of(index_words *w, const char *title, const char *body, size_t nbody, char **out, size_t *nout);
/* Adds the words of a quote's text[0..n) to q (which starts zeroed). 0,
 * Q_ENOMEM or Q_EIO. */
int index_qwords_add(index_words *w, index_qwords *q, const char *text, size_t n);
void index_qwords_free(index_qwords *q);

/* Records article a (replacing what the index had under its path) with
 * its text body[0..nbody) for full-text search (NULL: none) and its quotes.
 * Inside a batch. Returns 0 or a Q_* code. */
int index_put(qindex *ix, const index_article *a, const char *body, size_t nbody,
              const index_quote *q, size_t nq);

/* Adds quotes to the article at path (an import whose lines for one file
 * came in two runs). */
int index_add_quotes(qindex *ix, const char *path, const index_quote *q, size_t nq);

/* The file at path is unchanged but its size or time is new (touched). */
int index_touch(qindex *ix, const char *path, int64_t size, int64_t mtime);

/* Forgets the article at path (it vanished). */
int index_remove(qindex *ix, const char *path);

/* ---- what is there ---- */

typedef struct index_file {
	char *path;
	int64_t size, mtime;
	uint64_t cid;
	bool imported;
	bool text_indexed;       /* its text is in the full-text index */
} index_file;

/* Every article file, sorted by path (bytewise). */
int index_files(qindex *ix, index_file **v, size_t *n);
void index_files_free(index_file *v, size_t n);

/* The full-text index of article text keeps the rows of replaced articles
 * (a contentless FTS5 table cannot delete a row without its text). When
 * they outnumber the live ones, this empties it: the articles read from
 * files are then text_indexed false, and the indexer reads them again.
 * Returns 0 (also when there was nothing to do) or a Q_* code. */
int index_compact_text(qindex *ix);

typedef struct index_counts {
	long articles, quotes, forms, persons, groups;
} index_counts;

int index_count(qindex *ix, index_counts *c);

/* ---- derived tables ---- */

/* Marks forms, persons and groups out of date (a batch changed quotes);
 * index_put and index_remove do it themselves. */
int index_mark_stale(qindex *ix);
bool index_is_stale(qindex *ix);

/* True when index_derive has work: quotes changed since the last time, or
 * the merging options are not the ones it used. */
bool index_derive_needed(qindex *ix, const names_opts *names);

/* On an index without quotes, the groups of this run's quotes are made
 * from what index_put is given (their pairs) as it stores them, not read
 * again by index_derive: kept in memory until index_derive or index_close.
 * Dropped, and read from the file after all, when anything else changes
 * the quotes: a quote put without its pairs, an article replaced or
 * removed, a batch rolled back, another process writing the index.
 * Returns 0 or Q_ENOMEM (nothing kept: index_derive reads the file). */
int index_groups_follow(qindex *ix);

/* Rebuilds forms and persons (names NULL: the default merging) and, when
 * quotes changed, the groups of the same quote; does nothing when
 * index_derive_needed says so. One transaction. */
int index_derive(qindex *ix, const names_opts *names);

/* ---- speakers ---- */

typedef struct index_person {
	int64_t id;
	char *name;              /* the fullest form */
	long nquotes, narticles;
	char **forms;            /* every form merged into it, most quoted first (name included) */
	size_t nforms;
} index_person;

/* Every person, most quoted first (ties by name). */
int index_persons(qindex *ix, index_person **v, size_t *n);
void index_persons_free(index_person *v, size_t n);

/* One quote with its article, for the views that list quotes across the
 * corpus. */
typedef struct index_hit {
	int64_t quote;           /* its row */
	char *path, *title, *lang, *date, *source;
	char *text, *speaker;    /* speaker as this article names it; NULL: unknown */
	uint64_t qid, cid;
	size_t start, end;
	double confidence;
	int64_t group;           /* 0: in no group */
	long group_articles;     /* articles of its group */
	char *strings;           /* the one block the strings above are in (its owner) */
} index_hit;

/* The quotes of person id, by date, then path, then place in the article;
 * the first limit of them (0: all). */
int index_person_quotes(qindex *ix, int64_t person, size_t limit, index_hit **v, size_t *n);
void index_hits_free(index_hit *v, size_t n);

/* The same lists as rows only (index_hit.quote), in the same order: what a
 * view pages through, reading the hits of the rows on screen alone
 * (index_hits_by_ids). The order comes from indexes, the quotes' own rows
 * are not read. */
int index_person_quote_ids(qindex *ix, int64_t person, size_t limit, int64_t **ids, size_t *n);
int index_group_quote_ids(qindex *ix, int64_t group, size_t limit, int64_t **ids, size_t *n);

/* The hits of rows ids[0..n), into out[0..n) in that order (the caller's
 * array; free each out[i].strings, or index_hits_free when it was
 * malloc'ed). A row the index no longer has (its article was removed
 * since) gives a hit of zeros: quote 0, text NULL. Returns 0 or a Q_*
 * code, out then all zeros. */
int index_hits_by_ids(qindex *ix, const int64_t *ids, size_t n, index_hit *out);

/* ---- the same quote across articles ---- */

typedef struct index_group {
	int64_t id;              /* the row of its first quote */
	char *lang;
	long nquotes, narticles;
} index_group;

/* The groups that span at least min_articles articles, widest first; with
 * match (an FTS5 query over quote text and speaker, e.g. "harbour AND
 * peace"), only groups with a quote that matches. */
int index_groups(qindex *ix, long min_articles, const char *match, index_group **v, size_t *n);
void index_groups_free(index_group *v, size_t n);

/* The quotes of group id, by date, then path; the first limit (0: all). */
int index_group_quotes(qindex *ix, int64_t group, size_t limit, index_hit **v, size_t *n);

/* The quotes of the article at path (as the index keeps it: indexer_key),
 * in text order, each with its group. */
int index_article_quotes(qindex *ix, const char *path, index_hit **v, size_t *n);

/* ---- what the article list shows, filters and sorts by ---- */

/* Read by slices (the reader does it in idle time), each a query of a
 * statement prepared once, resumed from where the last slice ended. */

typedef struct index_row {
	int64_t id;              /* its row (index_text_articles gives these) */
	const char *path;
	const char *ftitle;      /* the title folded (search_fold_loose); NULL: none */
	const char *lang, *date, *source;   /* NULL: unknown */
	long nquotes;
} index_row;

/* Calls fn for each article whose row is above *after, in row order, at
 * most max of them; *after becomes the last row given. The strings last
 * until fn returns. *done: no more after these. Returns 0, a Q_* code,
 * or what fn returned (not 0: it stops). */
int index_rows_read(qindex *ix, int64_t *after, size_t max, int (*fn)(void *ctx, const index_row *r), void *ctx,
                    bool *done);

/* Every speaker form with its person and the person's name, by form
 * (bytewise): fn(ctx, form, person, name). */
int index_forms_read(qindex *ix, int (*fn)(void *ctx, const char *form, int64_t person, const char *name),
                     void *ctx);

/* Where index_pairs_read resumes: after this form and article. */
typedef struct index_pair_cursor {
	char *form;              /* NULL: from the start */
	int64_t article;
} index_pair_cursor;

/* Calls fn(ctx, form, article) once for each article that quotes a form,
 * by form then article, from after *c, at most max quotes read; *c moves
 * on (index_pair_cursor_free frees it). */
int index_pairs_read(qindex *ix, index_pair_cursor *c, size_t max,
                     int (*fn)(void *ctx, const char *form, int64_t article), void *ctx, bool *done);
void index_pair_cursor_free(index_pair_cursor *c);

/* The articles whose title or text has every word of words (separated by
 * spaces), each as the start of a word (a word of one character: whole),
 * case and accents ignored (FTS5 over article_fts; an imported article has
 * its title only): their rows (index_row.id), ascending. A replaced
 * article's old text may still give its old row, which no article has any
 * more: look up the ids of articles in it, never the other way round. No
 * word: none, and 0. */
int index_text_articles(qindex *ix, const char *words, int64_t **ids, size_t *n);
/* Orders two int64_t rows (qsort, bsearch over those ids). */
int index_id_cmp(const void *x, const void *y);

/* ---- for tests ---- */

/* Limits the file to n pages of the database, as if the disk were full
 * beyond them (SQLite's max_page_count). */
int index_limit_pages(qindex *ix, long n);

#endif
