/* quoth render: each article's title and its reflowed text, wrapped, over
 * a whole corpus (stream.h), on --jobs threads, in input order (omap.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "args.h"
#include "cmd.h"
#include "doc.h"
#include "error.h"
#include "corpus_run.h"
#include "strbuf.h"
#include "stream.h"
#include "text.h"
#include "twin.h"
#include "wrap.h"

#define TABWIDTH 8

/* True when s[0..n) has a byte below 0x20: in display-safe text, a TAB
 * or a '\n' (join). Eight bytes at a time: rows are short, and two memchr
 * calls per row cost more than the scan. */
static bool has_tab_or_join(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		if ((v - ones * 0x20) & ~v & high)
			return true;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return true;
	return false;
}

/* Appends one row: '\n' join marks dropped, tabs expanded to spaces
 * (tabwidth as the wrap laid them out: wrap_tabwidth). */
static void put_row(strbuf *out, const char *text, const wrap_row *r, int tabwidth)
{
	const char *s = text + r->start;
	size_t n = r->end - r->start;
	if (!has_tab_or_join(s, n)) {
		char *o = sb_extend(out, n + 1);
		if (o) {
			memcpy(o, s, n);
			o[n] = '\n';
		}
		return;
	}
	int col = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		int w = wrap_cluster_width(s + i, n - i, col, tabwidth, &len);
		if (s[i] == '\t')
			for (int k = 0; k < w; k++)
				sb_putc(out, ' ');
		else if (s[i] != '\n')
			sb_add(out, s + i, len);
		col += w;
		i += len;
	}
	sb_putc(out, '\n');
}

/* Wrapping is done in rounds of chunks of paragraphs that two threads
 * take in turn (the machines quoth runs on have at least two cores), and
 * each round is added in order. An article is at most a window of the
 * stream (stream.h), so its output is bounded too. Small chunks keep both
 * threads busy to the end of a round, however unevenly the text's scripts
 * cost. */
#define CHUNK_BYTES (256u << 10)
#define ROUND_CHUNKS 16

typedef struct chunk {
	size_t from, to;      /* paragraphs [from, to) */
	strbuf out;
	int rc;
} chunk;

typedef struct round {
	const doc *d;
	int width;
	chunk c[ROUND_CHUNKS];
	size_t n;             /* chunks in this round */
	atomic_size_t next;   /* the next chunk to take */
} round;

static int wrap_chunk(const doc *d, int width, chunk *c)
{
	wrap_row *rows = NULL;
	size_t cap = 0;
	int tabwidth = wrap_tabwidth(width, TABWIDTH), rc = 0;
	for (size_t p = c->from; p < c->to && !rc; p++) {
		size_t n = 0;
		rc = wrap_range(d->text, d->para[p].start, d->para[p].end, p, width, TABWIDTH, &rows, &n, &cap);
		for (size_t i = 0; i < n; i++)
			put_row(&c->out, d->text, &rows[i], tabwidth);
		if (p + 1 < d->npara)
			sb_putc(&c->out, '\n');
	}
	free(rows);
	return !rc && c->out.failed ? Q_ENOMEM : rc;
}

static void *work_round(void *arg)
{
	round *r = arg;
	for (size_t i; (i = atomic_fetch_add(&r->next, 1)) < r->n;)
		r->c[i].rc = wrap_chunk(r->d, r->width, &r->c[i]);
	return NULL;
}

/* The paragraphs from `from` that make up about CHUNK_BYTES. */
static size_t chunk_end(const doc *d, size_t from)
{
	size_t to = from, start = from < d->npara ? d->para[from].start : 0;
	while (to < d->npara && (to == from || d->para[to].end - start < CHUNK_BYTES))
		to++;
	return to;
}

/* Cuts the next round's chunks from paragraph p on; returns where it ends. */
static size_t cut_round(round *r, size_t p)
{
	r->n = 0;
	atomic_store(&r->next, 0);
	while (r->n < ROUND_CHUNKS && p < r->d->npara) {
		chunk *c = &r->c[r->n++];
		c->from = p;
		c->to = p = chunk_end(r->d, p);
		c->rc = 0;
	}
	return p;
}

static int add_round(round *r, strbuf *out)
{
	int rc = 0;
	for (size_t k = 0; k < r->n; k++) {
		chunk *c = &r->c[k];
		if (!rc)
			rc = c->rc;
		if (!rc)
			sb_add(out, c->out.s, c->out.len);
		c->out.len = 0;
	}
	return rc ? rc : out->failed ? Q_ENOMEM : 0;
}

/* The paragraphs of d from first on, wrapped, into out. */
static int render_body(const doc *d, size_t first, int width, strbuf *out)
{
	round *r = calloc(1, sizeof *r);
	if (!r)
		return Q_ENOMEM;
	r->d = d;
	r->width = width;
	for (int k = 0; k < ROUND_CHUNKS; k++)
		sb_init(&r->c[k].out);
	int rc = 0;
	for (size_t p = first; p < d->npara && !rc;) {
		p = cut_round(r, p);
		if (r->n > 1)
			twin_run(work_round, r, r);   /* both take chunks from r's counter */
		else
			work_round(r);
		rc = add_round(r, out);
	}
	for (int k = 0; k < ROUND_CHUNKS; k++)
		sb_free(&r->c[k].out);
	free(r);
	return rc;
}

/* The title, wrapped (no line is wider than the width), and a blank line. */
static int render_title(const char *title, int width, strbuf *out)
{
	wrap_row *rows = NULL;
	size_t cap = 0, nt = 0;
	int tabwidth = wrap_tabwidth(width, TABWIDTH);
	int rc = wrap_range(title, 0, strlen(title), 0, width, TABWIDTH, &rows, &nt, &cap);
	for (size_t i = 0; i < nt && !rc; i++)
		put_row(out, title, &rows[i], tabwidth);
	sb_putc(out, '\n');
	free(rows);
	return rc;
}

/* ---- the run: the stream's articles, rendered on --jobs threads, in order ---- */

typedef struct render_ctx {
	int width;
	bool heads;          /* several PATHs or a folder: "==> PATH <==" before each article */
} render_ctx;

static int on_article(run_job *j, const corpus_article *a)
{
	const render_ctx *c = j->run->ctx;
	const corpus_piece *p = a->piece;
	if (j->articles)
		sb_putc(&j->out, '\n');
	int rc = 0;
	if (!a->offset && (c->heads || p->several || p->jsonl)) {
		char *where = corpus_where(p);
		sb_printf(&j->out, "==> %s <==\n", where ? where : "?");
		free(where);
	}
	/* a window after the first goes on with the text: every paragraph, no title */
	if (!a->offset)
		rc = render_title(a->doc->title, c->width, &j->out);
	return rc ? rc : render_body(a->doc, a->offset ? 0 : a->doc->body, c->width, &j->out);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cmd_render(int argc, char **argv)
{
	render_args a;
	int rc = args_render(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	render_ctx c = { .width = a.width ? a.width : cmd_term_width(),
	                 .heads = a.in.npaths > 1 || (a.in.npaths && is_dir(a.in.paths[0])) };
	corpus_run r = { .name = "quoth render", .in = &a.in, .on_article = on_article, .ctx = &c, .blank_between = true };
	return corpus_run_all(&r);
}
