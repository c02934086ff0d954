#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "cmd.h"
#include "corpus_run.h"
#include "error.h"
#include "grow.h"
#include "omap.h"

static void pieces_free(run_job *j)
{
	for (size_t i = 0; i < j->npieces; i++)
		corpus_piece_free(&j->pieces[i]);
	j->npieces = 0;
}

/* The next piece, and after it the pieces the stream gives without
 * reading (files opened, not yet read; JSON Lines records already read:
 * a job of one small file or one record costs about as much to hand over
 * as to decode) up to RUN_BATCH of them or RUN_BATCH_BYTES. */
static int produce(void *ctx, void *job)
{
	corpus_run *r = ctx;
	run_job *j = job;
	run_job kept = { .out = j->out, .err = j->err, .parts = j->parts, .cap = j->cap };   /* the slot's buffers */
	*j = kept;
	j->run = r;
	int rc = corpus_next(r->cs, &j->pieces[0]);
	if (rc != 1)
		return rc;
	uint64_t bytes = j->pieces[0].size + j->pieces[0].len;
	j->npieces = 1;
	while (j->npieces < RUN_BATCH && bytes < RUN_BATCH_BYTES && (rc = corpus_next_ready(r->cs, &j->pieces[j->npieces])) == 1) {
		bytes += j->pieces[j->npieces].size + j->pieces[j->npieces].len;
		j->npieces++;
	}
	if (rc < 0) {
		pieces_free(j);
		return rc;
	}
	return 1;
}

/* A JSON Lines record over this many bytes is read in windows (stream.h).
 * The job threads leave it to the consumer, which writes what each window
 * gave as it comes: held until the record's end, the quotes of a record
 * of 100 MB (about three times its size as JSON Lines) made the run's
 * largest buffer. */
static bool big_record(const corpus_piece *p)
{
	return p->kind == PIECE_JSON && p->len > CORPUS_BIG;
}

/* The consumer writes a big record's output once it holds this much. */
#define WRITE_AT ((size_t)1 << 20)

static int put(corpus_run *r, const run_job *j, const run_part *p, size_t o, size_t e);

/* What the big record being decoded gave so far, written; the piece goes
 * on into the emptied buffers. A write error stops the job (j->rc): it is
 * said once, where it happened. */
static int put_so_far(run_job *j)
{
	run_part so_far = { j->out.len, j->err.len, j->articles - j->said, j->raw };
	int rc = put(j->writer, j, &so_far, 0, 0);
	j->going = true;
	j->out.len = j->err.len = 0;
	j->said = j->articles;   /* (the count goes on: the text formats set articles apart by it) */
	j->raw = 0;
	if (rc)
		j->rc = rc;
	return rc;
}

static int each_article(void *job, const corpus_article *a)
{
	run_job *j = job;
	int rc = j->run->on_article(j, a);
	j->articles++;
	if (!rc && j->writer && !j->out.failed && j->out.len >= WRITE_AT)
		rc = put_so_far(j);
	return rc ? rc : j->out.failed ? Q_ENOMEM : 0;
}

/* Room made at once for a piece's output: about what its bytes give as
 * JSON Lines quotes (each record repeats its article's fields), up to a
 * bound past which the buffer grows as it goes. */
#define OUT_GUESS_MAX ((size_t)16 << 20)

/* Output a job holds of one file's pieces before it leaves the rest of
 * them to the consumer (a file handed out is at most CORPUS_BIG bytes on
 * disk, but gzip data may inflate to any size). */
#define HOLD_MAX (2 * CORPUS_BIG)

/* Where the piece being decoded starts in j->out. */
static size_t part_start(const run_job *j)
{
	return j->nparts ? j->parts[j->nparts - 1].out_end : 0;
}

/* Room for about n more bytes in b at once, at least doubling it (a job's
 * buffer takes many pieces one after another). */
static void make_room(strbuf *b, size_t n)
{
	if (b->cap - b->len <= n)
		(void)sb_reserve(b, n > b->len ? n : b->len);   /* else it grows as it goes */
}

/* What a job thread keeps from one piece to the next: its JSON parser,
 * and the command's state (thread_new). */
typedef struct run_thread {
	corpus_decoder *dec;
	void *cmd;
} run_thread;

/* Piece p into j's output, or its message into j's messages; mine is the
 * thread's (NULL on the consumer's). */
static void decode(const corpus_run *r, run_thread *mine, run_job *j, corpus_piece *p)
{
	char *detail = NULL;
	size_t guess = p->len + p->len / 2 + 1024;
	make_room(&j->out, guess < OUT_GUESS_MAX ? guess : OUT_GUESS_MAX);
	j->raw = p->raw;
	j->mine = mine ? mine->cmd : NULL;
	int rc = corpus_decode_with(mine ? mine->dec : NULL, &r->in->corpus, p, each_article, j, &detail);
	j->mine = NULL;
	if (rc) {
		char *where = corpus_where(p);
		j->out.len = part_start(j);   /* what a failed piece had queued */
		if (j->out.s)
			j->out.s[j->out.len] = '\0';
		j->out.failed = false;
		j->articles = j->said = 0;
		sb_printf(&j->err, "quoth: %s: %s\n", where ? where : "?", detail ? detail : error_message(rc));
		free(where);
	}
	free(detail);
}

/* What j's last piece became goes to its parts, for the next piece. */
static int keep_part(run_job *j)
{
	if (GROW(j->parts, j->cap, j->nparts + 1, 8))
		return Q_ENOMEM;
	j->parts[j->nparts++] = (run_part){ j->out.len, j->err.len, j->articles, j->raw };
	j->articles = 0;
	j->raw = 0;
	return 0;
}

/* Does the job hold too many bytes to take one more piece? Then the
 * consumer reads on from pieces[left] (j->rest). */
static bool full(run_job *j)
{
	return (j->rest = j->out.len + j->err.len >= HOLD_MAX);
}

/* A piece is about to be decoded: what the one before became is kept.
 * False when memory ran out (j->rc). */
static bool new_part(run_job *j)
{
	if (j->started && (j->rc = keep_part(j)))
		return false;
	j->started = true;
	return true;
}

/* A file handed out: its pieces read and decoded here, each kept apart,
 * as the stream would have given them. */
static void work_file(const corpus_run *r, run_thread *mine, run_job *j, corpus_piece *file)
{
	corpus_piece p;
	int rc = 0;
	while (!full(j) && (rc = corpus_file_next(file, &p)) == 1) {
		if (new_part(j))
			decode(r, mine, j, &p);
		corpus_piece_free(&p);
		if (j->rc)
			return;
	}
	if (!j->rest && rc < 0)
		j->rc = rc;
}

/* The job's pieces in order, until they are done or the job holds too
 * much (then the consumer reads on from pieces[left]). */
static void work(void *ctx, void *mine, void *job)
{
	const corpus_run *r = ctx;
	run_job *j = job;
	for (; j->left < j->npieces && !j->rest && !j->rc; j->left += !j->rest) {
		corpus_piece *p = &j->pieces[j->left];
		if (p->kind == PIECE_FILE)
			work_file(r, mine, j, p);
		else if (big_record(p))
			j->rest = true;   /* the consumer decodes it, writing as it goes */
		else if (!full(j) && new_part(j))
			decode(r, mine, j, p);
	}
}

/* A job's buffers past this many bytes are given back when it is done,
 * not kept for the slot's next job. */
#define KEEP_MAX ((size_t)256 << 10)

static void trim(strbuf *b)
{
	if (b->cap > KEEP_MAX || b->failed)
		sb_free(b);
	b->len = 0;
}

/* The job's pieces freed; its buffers kept for the next (release frees them). */
static void job_free(void *ctx, void *job)
{
	(void)ctx;
	run_job *j = job;
	pieces_free(j);
	trim(&j->out);
	trim(&j->err);
	j->nparts = 0;
}

static void release(void *ctx, void *job)
{
	(void)ctx;
	run_job *j = job;
	sb_free(&j->out);
	sb_free(&j->err);
	free(j->parts);
	j->parts = NULL;
	j->cap = 0;
}

/* What one piece became, written: out[o, p->out_end) of j's output, then
 * its messages err[e, p->err_end). */
static int put(corpus_run *r, const run_job *j, const run_part *p, size_t o, size_t e)
{
	int rc = 0;
	size_t n = p->out_end - o;
	if (p->articles && r->header && !r->header_done) {
		rc = cmd_write(r->header, strlen(r->header));
		r->header_done = true;
	}
	if (!rc && n && r->wrote && r->blank_between && !j->going)
		rc = cmd_write("\n", 1);
	r->wrote |= n > 0;
	if (!rc && j->out.failed) {
		cmd_say("quoth: %s", error_message(Q_ENOMEM));
		rc = Q_ENOMEM;
	}
	if (!rc && n)
		rc = cmd_write(j->out.s + o, n);
	if (p->err_end > e) {
		progress_end(&r->prog);
		fflush(stdout);
		fwrite(j->err.s + e, 1, p->err_end - e, stderr);
		r->status = 1;
	}
	progress_add(&r->prog, p->raw, p->articles);
	return rc;
}

/* The job's parts written in order, the piece decoded last the last one;
 * the buffers are empty then. */
static int put_parts(corpus_run *r, run_job *j)
{
	int rc = 0;
	size_t o = 0, e = 0;
	for (size_t i = 0; !rc && i < j->nparts; i++) {
		rc = put(r, j, &j->parts[i], o, e);
		o = j->parts[i].out_end;
		e = j->parts[i].err_end;
	}
	run_part last = { j->out.len, j->err.len, j->articles - j->said, j->raw };
	if (!rc)
		rc = put(r, j, &last, o, e);
	j->out.len = j->err.len = 0;
	j->nparts = 0;
	j->articles = j->said = 0;
	j->raw = 0;
	return rc;
}

/* The next piece left by a job, decoded here and written (a big record
 * as it goes). */
static int put_one(corpus_run *r, run_job *j, corpus_piece *p)
{
	j->writer = big_record(p) ? r : NULL;
	decode(r, NULL, j, p);
	j->writer = NULL;
	corpus_piece_free(p);
	int rc = j->rc ? j->rc : put_parts(r, j);
	j->going = false;
	return rc;
}

/* The pieces a job left (the rest of a file, and the pieces after it):
 * read, decoded and written here, one at a time, in order. */
static int put_rest(corpus_run *r, run_job *j)
{
	int rc = 0;
	for (; !rc && j->left < j->npieces; j->left++) {
		corpus_piece *file = &j->pieces[j->left], p;
		if (file->kind != PIECE_FILE) {
			rc = put_one(r, j, file);
			continue;
		}
		while ((rc = corpus_file_next(file, &p)) == 1)
			if ((rc = put_one(r, j, &p)))
				break;
	}
	return rc;
}

static int consume(void *ctx, void *job)
{
	corpus_run *r = ctx;
	run_job *j = job;
	int rc = put_parts(r, j);
	if (!rc && j->rest)
		rc = put_rest(r, j);
	if (!rc)
		rc = j->rc;
	job_free(ctx, j);
	return rc;
}

/* Each thread keeps its JSON parser and the command's state from one
 * record to the next (NULL, or either NULL, without memory for them: the
 * thread then works as the consumer does). */
static void *thread_new(void *ctx)
{
	const corpus_run *r = ctx;
	run_thread *t = malloc(sizeof *t);
	if (!t)
		return NULL;
	t->dec = corpus_decoder_new();
	t->cmd = r->thread_new ? r->thread_new() : NULL;
	return t;
}

static void thread_free(void *ctx, void *mine)
{
	const corpus_run *r = ctx;
	run_thread *t = mine;
	if (!t)
		return;
	corpus_decoder_free(t->dec);
	if (r->thread_free)
		r->thread_free(t->cmd);
	free(t);
}

/* Files the stream may open ahead of their reading on the job threads:
 * more than the ordered map's jobs in flight, yet few beside the
 * descriptors a deep folder walk keeps open, whatever the limit. */
static size_t files_ahead(void)
{
	struct rlimit rl;
	size_t most = 128;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / 4 < most)
		most = (size_t)rl.rlim_cur / 4;
	return most;
}

static const omap_ops ops = { sizeof(run_job), produce, work, consume, job_free, thread_new, thread_free, release };

int corpus_run_all(corpus_run *r)
{
	char dash_name[] = "-", *dash[] = { dash_name };
	const input_args *in = r->in;
	char **paths = in->paths;
	size_t n = in->npaths;
	if (!n) {
		if (!cmd_stdin_has_input()) {
			cmd_say("%s: no PATH, and standard input is a terminal", r->name);
			fprintf(stderr, "usage: %s [OPTION...] [PATH...]   (%s --help)\n", r->name, r->name);
			return 2;
		}
		paths = dash;
		n = 1;
	}
	int rc = corpus_open(&in->corpus, paths, n, &r->cs);
	if (!rc) {
		corpus_hand_out(r->cs, files_ahead());
		progress_start(&r->prog, in->progress, paths, n);
		rc = omap_run(&ops, r, in->jobs ? in->jobs : args_cores());
		progress_end(&r->prog);
		cmd_say_too_deep(corpus_too_deep(r->cs));
	}
	if (rc == Q_ENOMEM)
		cmd_say("%s: %s", r->name, error_message(rc));
	if (rc || cmd_write_end())
		r->status = 1;
	corpus_close(r->cs);
	return r->status;
}
