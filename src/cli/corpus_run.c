#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "cmd.h"
#include "corpus_run.h"
#include "error.h"
#include "grow.h"
#include "omap.h"

static int produce(void *ctx, void *job)
{
	corpus_run *r = ctx;
	run_job *j = job;
	memset(j, 0, sizeof *j);
	j->run = r;
	sb_init(&j->out);
	sb_init(&j->err);
	return corpus_next(r->cs, &j->piece);
}

static int each_article(void *job, const corpus_article *a)
{
	run_job *j = job;
	int rc = j->run->on_article(j, a);
	j->articles++;
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

/* Piece p into j's output, or its message into j's messages. */
static void decode(const corpus_run *r, void *mine, run_job *j, corpus_piece *p)
{
	char *detail = NULL;
	size_t guess = p->len + p->len / 2 + 1024;
	(void)sb_reserve(&j->out, guess < OUT_GUESS_MAX ? guess : OUT_GUESS_MAX);   /* else it grows as it goes */
	j->raw = p->raw;
	int rc = corpus_decode_with(mine, &r->in->corpus, p, each_article, j, &detail);
	if (rc) {
		char *where = corpus_where(p);
		j->out.len = 0;   /* what a failed piece had queued */
		j->out.failed = false;
		j->articles = 0;
		sb_printf(&j->err, "quoth: %s: %s\n", where ? where : "?", detail ? detail : error_message(rc));
		free(where);
	}
	free(detail);
}

/* What j's last piece became goes to its parts, for the next piece. */
static int keep_part(run_job *j)
{
	if (GROW(j->parts, j->cap, j->nparts + 1, 4))
		return Q_ENOMEM;
	j->parts[j->nparts++] = (run_part){ j->out, j->err, j->articles, j->raw };
	j->held += j->out.len + j->err.len;
	sb_init(&j->out);
	sb_init(&j->err);
	j->articles = 0;
	j->raw = 0;
	return 0;
}

/* A file handed out: its pieces read and decoded here, each kept apart,
 * as the stream would have given them, up to HOLD_MAX bytes of output. */
static void work_file(const corpus_run *r, void *mine, run_job *j)
{
	corpus_piece p;
	int rc = 0;
	bool first = true;
	while (!(j->rest = j->held + j->out.len >= HOLD_MAX) && (rc = corpus_file_next(&j->piece, &p)) == 1) {
		if (!first && (rc = keep_part(j))) {
			corpus_piece_free(&p);
			break;
		}
		first = false;
		decode(r, mine, j, &p);
		corpus_piece_free(&p);
	}
	if (!j->rest && rc < 0)
		j->rc = rc;
}

static void work(void *ctx, void *mine, void *job)
{
	const corpus_run *r = ctx;
	run_job *j = job;
	if (j->piece.kind == PIECE_FILE)
		work_file(r, mine, j);
	else
		decode(r, mine, j, &j->piece);
}

static void part_free(run_part *p)
{
	sb_free(&p->out);
	sb_free(&p->err);
}

static void job_free(void *ctx, void *job)
{
	(void)ctx;
	run_job *j = job;
	corpus_piece_free(&j->piece);
	sb_free(&j->out);
	sb_free(&j->err);
	for (size_t i = 0; i < j->nparts; i++)
		part_free(&j->parts[i]);
	free(j->parts);
}

/* What one piece became, written: its output, then its messages. */
static int put(corpus_run *r, run_part *p)
{
	int rc = 0;
	if (p->articles && r->header && !r->header_done) {
		rc = cmd_write(r->header, strlen(r->header));
		r->header_done = true;
	}
	if (!rc && p->out.len && r->wrote && r->blank_between)
		rc = cmd_write("\n", 1);
	r->wrote |= p->out.len > 0;
	if (!rc)
		rc = cmd_write_buf(&p->out);
	if (p->err.len) {
		progress_end(&r->prog);
		fflush(stdout);
		fwrite(p->err.s, 1, p->err.len, stderr);
		r->status = 1;
	}
	progress_add(&r->prog, p->raw, p->articles);
	return rc;
}

/* The job's last piece, written. */
static int put_last(corpus_run *r, run_job *j)
{
	run_part last = { j->out, j->err, j->articles, j->raw };
	int rc = put(r, &last);
	j->out = last.out;
	return rc;
}

/* The pieces of a file its job left: read, decoded and written here, one
 * at a time, in order. */
static int put_rest(corpus_run *r, run_job *j)
{
	corpus_piece p;
	int rc;
	while ((rc = corpus_file_next(&j->piece, &p)) == 1) {
		j->out.len = j->err.len = 0;
		j->articles = 0;
		decode(r, NULL, j, &p);
		corpus_piece_free(&p);
		if ((rc = put_last(r, j)))
			break;
	}
	return rc;
}

static int consume(void *ctx, void *job)
{
	corpus_run *r = ctx;
	run_job *j = job;
	int rc = 0;
	for (size_t i = 0; !rc && i < j->nparts; i++)
		rc = put(r, &j->parts[i]);
	if (!rc)
		rc = put_last(r, j);
	if (!rc && j->rest)
		rc = put_rest(r, j);
	if (!rc)
		rc = j->rc;
	job_free(ctx, j);
	return rc;
}

/* Each thread keeps its JSON parser from one record to the next. */
static void *decoder_new(void *ctx)
{
	(void)ctx;
	return corpus_decoder_new();
}

static void decoder_free(void *ctx, void *mine)
{
	(void)ctx;
	corpus_decoder_free(mine);
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

static const omap_ops ops = { sizeof(run_job), produce, work, consume, job_free, decoder_new, decoder_free };

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
