/* quoth render: each article's title and its reflowed text, wrapped. */
#include <stdbool.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cmd.h"
#include "doc.h"
#include "error.h"
#include "strbuf.h"
#include "text.h"
#include "twin.h"
#include "wrap.h"

#define TABWIDTH 8

void cmd_file_error(const char *name, int code)
{
	char *safe = NULL;
	size_t n;
	if (text_sanitize_line(name, strlen(name), &safe, &n))
		safe = NULL;
	fprintf(stderr, "quoth: %s: %s\n", safe ? safe : "?", error_message(code));
	free(safe);
}

int cmd_term_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	int w = c ? atoi(c) : 0;
	return w > 0 ? w : 80;
}

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

static int flush(strbuf *out)
{
	if (out->failed)
		return Q_ENOMEM;
	if (out->len && fwrite(out->s, 1, out->len, stdout) != out->len)
		return Q_EIO;
	out->len = 0;
	return 0;
}

/* Wrapping is done in rounds of chunks of paragraphs that two threads
 * take in turn (the machines quoth runs on have at least two cores), and
 * each round is written in order: output stays bounded at one round
 * whatever the article's size. Small chunks keep both threads busy to the
 * end of a round, however unevenly the text's scripts cost. */
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

static int write_round(round *r)
{
	int rc = 0;
	for (size_t k = 0; k < r->n; k++) {
		chunk *c = &r->c[k];
		if (!rc)
			rc = c->rc;
		if (!rc && c->out.len && fwrite(c->out.s, 1, c->out.len, stdout) != c->out.len)
			rc = Q_EIO;
		c->out.len = 0;
	}
	return rc;
}

static int render_body(const doc *d, int width)
{
	round *r = calloc(1, sizeof *r);
	if (!r)
		return Q_ENOMEM;
	r->d = d;
	r->width = width;
	for (int k = 0; k < ROUND_CHUNKS; k++)
		sb_init(&r->c[k].out);
	int rc = 0;
	for (size_t p = d->body; p < d->npara && !rc;) {
		p = cut_round(r, p);
		if (r->n > 1)
			twin_run(work_round, r, r);   /* both take chunks from r's counter */
		else
			work_round(r);
		rc = write_round(r);
	}
	for (int k = 0; k < ROUND_CHUNKS; k++)
		sb_free(&r->c[k].out);
	free(r);
	return rc;
}

static int render_doc(const doc *d, int width, strbuf *out)
{
	wrap_row *rows = NULL;
	size_t cap = 0, nt = 0;
	int tabwidth = wrap_tabwidth(width, TABWIDTH);

	/* the title too is wrapped: no line is wider than the width */
	int rc = wrap_range(d->title, 0, strlen(d->title), 0, width, TABWIDTH, &rows, &nt, &cap);
	for (size_t i = 0; i < nt && !rc; i++)
		put_row(out, d->title, &rows[i], tabwidth);
	sb_putc(out, '\n');
	free(rows);
	if (!rc)
		rc = flush(out);
	return rc ? rc : render_body(d, width);
}

static int parse_width(const char *s, int *width)
{
	char *end;
	long w = strtol(s, &end, 10);
	if (!*s || *end || w < 1 || w > 100000)
		return Q_EUSAGE;
	*width = (int)w;
	return 0;
}

int cmd_render(int argc, char **argv)
{
	int width = 0, status = 0, i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *val = NULL;
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (!strcmp(argv[i], "--width") && i + 1 < argc) {
			val = argv[++i];
		} else if (!strncmp(argv[i], "--width=", 8)) {
			val = argv[i] + 8;
		} else {
			fprintf(stderr, "quoth render: unknown option %s\nusage: quoth render [--width N] PATH...\n", argv[i]);
			return 2;
		}
		if (parse_width(val, &width)) {
			fprintf(stderr, "quoth render: --width wants a number from 1 to 100000, not '%s'\n", val);
			return 2;
		}
	}
	if (i >= argc) {
		fputs("usage: quoth render [--width N] PATH...\n", stderr);
		return 2;
	}
	if (!width)
		width = cmd_term_width();
	strbuf out;
	sb_init(&out);
	for (int first = i; i < argc; i++) {
		doc *d = NULL;
		int rc = !strcmp(argv[i], "-") ? doc_from_fd("-", STDIN_FILENO, &d) : doc_load_anonymous(argv[i], &d);
		if (!rc) {
			if (i > first)
				sb_puts(&out, "\n");
			rc = render_doc(d, width, &out);
			doc_free(d);
		}
		if (rc) {
			fflush(stdout);
			cmd_file_error(argv[i], rc);
			status = 1;
			if (rc == Q_EIO && ferror(stdout))
				break;
		}
	}
	sb_free(&out);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
