/* The articles of many PATHs as one stream, in order, one piece at a time,
 * for the commands that go through a whole corpus (quoth quotes, render,
 * and whatever else iterates articles: an index).
 *
 * A PATH is a file, a folder (walk.h: every *.txt, *.md, *.jsonl, *.ndjson,
 * and those gzipped, below it) or "-" (standard input). A file holds
 *  - one article, or several separated by form-feed lines (a line that
 *    holds only "\f", as `pr` and many dumps write between pages), or
 *  - JSON Lines (one article an object a line: *.jsonl, *.ndjson, or any
 *    input with CORPUS_JSONL), whose text, title, url, date and source
 *    fields are read (corpus_decode);
 * and any of them may be gzip-compressed (recognised by its first bytes).
 *
 * Reading is split in two so that the costly half runs on many threads:
 * corpus_next (one thread, in order) reads and cuts the input into pieces,
 * cheaply: a raw article, a raw JSON line, or a window of an article too big
 * to hold; corpus_decode (any thread) turns a piece into articles (doc.h)
 * with their metadata. A stream may also hand a whole file out to be read
 * on the thread that decodes it (corpus_hand_out, corpus_file_next): a
 * folder of small articles is then read on every thread, not on one. Memory is bounded by the pieces in flight: an article
 * over CORPUS_BIG bytes is cut into windows of about CORPUS_WINDOW bytes at
 * paragraph (else line, else word) boundaries, whatever its source, and no
 * file is read whole or mapped. Bytes are copied before they are checked
 * (text.h), so a file rewritten while it is read cannot put unchecked bytes
 * into the output.
 */
#ifndef QUOTH_STREAM_H
#define QUOTH_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"
#include "walk.h"

/* An article over this many bytes is read in windows ... */
#define CORPUS_BIG ((size_t)4 << 20)
/* ... of about this many. */
#define CORPUS_WINDOW ((size_t)1 << 20)
/* A JSON line longer than this is skipped (with a message), and an article
 * longer than this on a pipe ends the pipe's reading (a stream that never
 * ends, `yes | quoth quotes`, must not run forever). */
#define CORPUS_LINE_MAX ((size_t)256 << 20)

enum corpus_input {
	CORPUS_AUTO,     /* JSON Lines for *.jsonl and *.ndjson (.gz too), else text */
	CORPUS_TEXT,
	CORPUS_JSONL,
};

typedef struct corpus_opts {
	enum corpus_input input;
	const char *text_fields;    /* JSON Lines: comma-separated, the first present is the text; NULL: "text,maintext" */
	const char *title_fields;   /* NULL: "title" */
	walk_filter filter;         /* the files a folder gives; NULL: walk_is_article_or_dump */
	bool article_ids;           /* an article gets its doc.id, hashing it: a whole text article its raw bytes, a
	                               JSON Lines record its text field's value (its windows too); off: 0, as text windows have */
	bool whole;                 /* a JSON text over CORPUS_BIG stays one article (the reader holds it whole) */
	bool pipes;                 /* a PATH that is a named pipe (not one found in a folder) is read as standard input is,
	                               its opening waiting for a writer; off: refused (Q_ENOTREG) as a device is */
} corpus_opts;

enum corpus_piece_kind {
	PIECE_TEXT,      /* bytes: one article's raw bytes, in any encoding */
	PIECE_JSON,      /* bytes: one JSON Lines record, without its line end */
	PIECE_WINDOW,    /* bytes: a window of an article over CORPUS_BIG, display-safe already */
	PIECE_ERROR,     /* a file or record that cannot be read: error, and detail when there is more to say */
	PIECE_FILE,      /* a file opened and not yet read: its pieces come from corpus_file_next */
};

typedef struct corpus_reader corpus_reader;

typedef struct corpus_piece {
	enum corpus_piece_kind kind;
	char *bytes;                /* owned, NUL-terminated */
	size_t len;
	char *path;                 /* owned: the file as found (raw bytes), "-" for standard input */
	size_t article;             /* the article's number in its file (1 first); for JSON Lines its line number (of a read
	                               error: the line where the input stopped); 0 for a file-wide error */
	bool jsonl;                 /* the file is JSON Lines */
	bool several;               /* the file holds several articles (a form-feed line was seen) */
	bool safe;                  /* PIECE_TEXT: bytes known display-safe UTF-8 already (text.h) */
	size_t offset;              /* PIECE_WINDOW: where the window starts in the article's text */
	char *title;                /* PIECE_WINDOW: the article's title, from its start (owned) */
	int error;                  /* PIECE_ERROR: a Q_* code */
	char *detail;               /* PIECE_ERROR: what exactly (owned, display-safe), or NULL */
	uint64_t raw;               /* input bytes read for this piece (progress) */
	corpus_reader *reader;      /* PIECE_FILE: the open file (owned) */
	uint64_t size;              /* PIECE_FILE: its size when opened */
} corpus_piece;

typedef struct corpus_stream corpus_stream;

/* A stream over paths[0..n) ("-" for standard input); opts is kept by
 * pointer. Nothing is read yet. Returns 0 or Q_ENOMEM. */
int corpus_open(const corpus_opts *opts, char *const *paths, size_t n, corpus_stream **out);

/* The next piece, in input order: 1 (p filled; free it with
 * corpus_piece_free), 0 at the end, or Q_ENOMEM (p holds nothing then). A file that cannot be
 * read is a PIECE_ERROR, and the stream goes on with the next. */
int corpus_next(corpus_stream *s, corpus_piece *p);

void corpus_piece_free(corpus_piece *p);

/* From now on, corpus_next gives a file that is read whole (a regular
 * file up to CORPUS_BIG bytes, neither JSON Lines nor named *.gz) as a
 * PIECE_FILE, opened but not read, keeping at most `most` of them open at
 * once (past that it reads the next file itself, as with 0, the default).
 * The pieces of a PIECE_FILE, read by corpus_file_next on any thread, are
 * the very pieces corpus_next would have given for that file: the output
 * does not depend on who read them. Every PIECE_FILE must be freed before
 * corpus_close. */
void corpus_hand_out(corpus_stream *s, size_t most);

/* The next piece, as corpus_next would give it, only when the stream
 * need read nothing to give it: a PIECE_FILE handed out, the PIECE_ERROR
 * of a file that cannot be opened, or a JSON Lines record whose end is
 * already read. Returns 1 (p filled), 0 when the next piece is none of
 * those or there is none (corpus_next then gives it: nothing is lost, and
 * nothing was read), or Q_ENOMEM. A caller gathers pieces with it without
 * waiting for an input to be read (standard input, say). */
int corpus_next_ready(corpus_stream *s, corpus_piece *p);

/* The next piece of a PIECE_FILE file, in order: 1 (p filled), 0 when
 * the file is done (closed then), or Q_ENOMEM (p holds nothing then). Never
 * a PIECE_FILE. Calls for one file must not overlap. */
int corpus_file_next(corpus_piece *file, corpus_piece *p);

/* Folders skipped so far for being nested too deep (walk.h). */
size_t corpus_too_deep(const corpus_stream *s);

void corpus_close(corpus_stream *s);

/* One article from a piece: a whole article, or a window of a big one. */
typedef struct corpus_article {
	doc *doc;                   /* its text; doc->title is the article's title (the JSON title field when given) */
	const corpus_piece *piece;  /* where it came from: path, article number */
	size_t offset;              /* where doc->text starts in the article's text: 0 but in windows */
	bool window;                /* a window of an article over CORPUS_BIG */
	const char *url, *date, *source;   /* JSON Lines fields, display-safe on one line; NULL when absent */
	doc **take;                 /* fn may keep the doc: *take = NULL, and then it frees it */
} corpus_article;

typedef int (*corpus_article_fn)(void *ctx, const corpus_article *a);

/* Turns p into its articles and calls fn for each (one, or the windows of
 * a JSON text over CORPUS_BIG), stopping at the first non-zero return.
 * Takes p's bytes. Returns 0, fn's code, or the Q_* code of why p cannot be
 * read, with *detail (caller frees; display-safe) saying more or NULL. */
int corpus_decode(const corpus_opts *opts, corpus_piece *p, corpus_article_fn fn, void *ctx, char **detail);

/* What decoding keeps from one piece to the next (the JSON parser and its
 * buffer), for a thread that decodes many: one a thread. NULL when out of
 * memory (corpus_decode_with then works as corpus_decode). */
typedef struct corpus_decoder corpus_decoder;
corpus_decoder *corpus_decoder_new(void);
void corpus_decoder_free(corpus_decoder *dec);

/* corpus_decode with what dec keeps (NULL: nothing kept). */
int corpus_decode_with(corpus_decoder *dec, const corpus_opts *opts, corpus_piece *p, corpus_article_fn fn, void *ctx,
                       char **detail);

/* Where a piece is, for messages and headers, display-safe on one line
 * (caller frees): "PATH", "PATH:LINE" for JSON Lines, "PATH #N" for the
 * N-th article of a form-feed file. NULL when out of memory. */
char *corpus_where(const corpus_piece *p);

#endif
