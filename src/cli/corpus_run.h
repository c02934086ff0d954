/* A command over a whole corpus (quoth quotes, quoth render): the stream's
 * pieces (stream.h) are turned into output on --jobs threads and written in
 * input order (omap.h), with messages, progress and write errors handled
 * once for both. */
#ifndef QUOTH_CORPUS_RUN_H
#define QUOTH_CORPUS_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "args.h"
#include "progress.h"
#include "strbuf.h"
#include "stream.h"

typedef struct corpus_run corpus_run;

/* What one piece of the stream became: where its output and its messages
 * end in its job's buffers (each starts where the part before ends). */
typedef struct run_part {
	size_t out_end, err_end;
	size_t articles;         /* articles read from the piece */
	uint64_t raw;            /* input bytes it took (progress) */
} run_part;

/* Pieces given out together in one job, up to this many ... */
#define RUN_BATCH 8
/* ... or, past the first, up to this many bytes in all: a job of small
 * files or short records is worth its hand-off between threads. */
#define RUN_BATCH_BYTES ((uint64_t)64 << 10)

/* A few pieces of the stream, in order: one piece, then files (PIECE_FILE:
 * their pieces read here, on the job's thread), the messages of files
 * that could not be opened, and JSON Lines records read already; and what
 * each piece became. The buffers stay
 * with the job's slot from one job to the next. */
typedef struct run_job {
	corpus_piece pieces[RUN_BATCH];
	size_t npieces;
	size_t left;             /* pieces[left, npieces) are left for the consumer (rest) */
	const corpus_run *run;
	strbuf out;              /* for standard output: the parts', then the piece being decoded */
	strbuf err;              /* messages, a line each, display-safe: the same */
	size_t articles;         /* articles read from the piece being decoded */
	uint64_t raw;
	bool started;            /* a piece was decoded: the next one keeps what it became as a part */
	run_part *parts;         /* what the job's pieces before that one became */
	size_t nparts, cap;
	bool rest;               /* pieces are left for the consumer to read (too many bytes to hold) */
	int rc;                  /* Q_ENOMEM when a file could not be read for want of memory */
	void *mine;              /* the command's state of the thread decoding (thread_new), NULL when none */
	corpus_run *writer;      /* while the consumer decodes a big record: output is written as it comes */
	bool going;              /* some of the piece being decoded is written already ... */
	size_t said;             /* ... and this many of its articles */
} run_job;

struct corpus_run {
	/* set by the command */
	const char *name;        /* "quoth quotes", for messages */
	const input_args *in;
	int (*on_article)(run_job *j, const corpus_article *a);   /* one article into j->out (any thread) */
	const char *header;      /* written once, before the first output of an article read; or NULL */
	bool blank_between;      /* a blank line between the outputs of two pieces */
	const void *ctx;         /* the command's, read-only for on_article */
	void *(*thread_new)(void);      /* what a job thread keeps from one article to the next (run_job.mine); or NULL */
	void (*thread_free)(void *mine);
	/* the run's */
	corpus_stream *cs;
	progress prog;
	bool wrote, header_done;
	int status;
};

/* Runs r over r->in's PATHs (standard input when none is given and it is
 * not a terminal). Returns the exit status: 0, 1 (something could not be
 * read or written) or 2 (no input). */
int corpus_run_all(corpus_run *r);

#endif
