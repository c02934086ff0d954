#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "corpus_run.h"
#include "error.h"
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

static void work(void *ctx, void *mine, void *job)
{
	const corpus_run *r = ctx;
	run_job *j = job;
	char *detail = NULL;
	size_t guess = j->piece.len + j->piece.len / 2 + 1024;
	(void)sb_reserve(&j->out, guess < OUT_GUESS_MAX ? guess : OUT_GUESS_MAX);   /* else it grows as it goes */
	int rc = corpus_decode_with(mine, &r->in->corpus, &j->piece, each_article, j, &detail);
	if (rc) {
		char *where = corpus_where(&j->piece);
		j->out.len = 0;   /* what a failed piece had queued */
		j->out.failed = false;
		j->articles = 0;
		sb_printf(&j->err, "quoth: %s: %s\n", where ? where : "?", detail ? detail : error_message(rc));
		free(where);
	}
	free(detail);
}

static void job_free(void *ctx, void *job)
{
	(void)ctx;
	run_job *j = job;
	corpus_piece_free(&j->piece);
	sb_free(&j->out);
	sb_free(&j->err);
}

static int consume(void *ctx, void *job)
{
	corpus_run *r = ctx;
	run_job *j = job;
	int rc = 0;
	if (j->articles && r->header && !r->header_done) {
		rc = cmd_write(r->header, strlen(r->header));
		r->header_done = true;
	}
	if (!rc && j->out.len && r->wrote && r->blank_between)
		rc = cmd_write("\n", 1);
	r->wrote |= j->out.len > 0;
	if (!rc)
		rc = cmd_write_buf(&j->out);
	if (j->err.len) {
		progress_end(&r->prog);
		fflush(stdout);
		fwrite(j->err.s, 1, j->err.len, stderr);
		r->status = 1;
	}
	progress_add(&r->prog, j->piece.raw, j->articles);
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
