/* quoth render: each article's title and its reflowed text, wrapped. */
#include <stdbool.h>
#include <stdint.h>
#include <pthread.h>
#include <stdbool.h>
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
		sb_add(out, s, n);
		sb_putc(out, '\n');
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

/* Wrapping is done in chunks of paragraphs, two at a time on two threads
 * (the machines quoth runs on have at least two cores), and written in
 * order: output stays bounded at two chunks whatever the article's size. */
#define CHUNK_BYTES (2u << 20)

typedef struct chunk {
	const doc *d;
	size_t from, to;      /* paragraphs [from, to) */
	int width;
	strbuf out;
	int rc;
} chunk;

static void *wrap_chunk(void *arg)
{
	chunk *c = arg;
	wrap_row *rows = NULL;
	size_t cap = 0;
	int tabwidth = wrap_tabwidth(c->width, TABWIDTH);
	for (size_t p = c->from; p < c->to && !c->rc; p++) {
		size_t n = 0;
		c->rc = wrap_range(c->d->text, c->d->para[p].start, c->d->para[p].end, p, c->width, TABWIDTH,
		                   &rows, &n, &cap);
		for (size_t i = 0; i < n; i++)
			put_row(&c->out, c->d->text, &rows[i], tabwidth);
		if (p + 1 < c->d->npara)
			sb_putc(&c->out, '\n');
	}
	free(rows);
	if (!c->rc && c->out.failed)
		c->rc = Q_ENOMEM;
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
	chunk c[2] = { { .d = d, .width = width }, { .d = d, .width = width } };
	sb_init(&c[0].out);
	sb_init(&c[1].out);
	for (size_t p = d->body; p < d->npara && !rc;) {
		c[0].from = p;
		c[0].to = chunk_end(d, p);
		c[1].from = c[0].to;
		c[1].to = chunk_end(d, c[0].to);
		c[0].rc = c[1].rc = 0;
		pthread_t t;
		bool two = c[1].from < c[1].to && pthread_create(&t, NULL, wrap_chunk, &c[1]) == 0;
		wrap_chunk(&c[0]);
		if (two)
			pthread_join(t, NULL);
		else if (c[1].from < c[1].to)
			wrap_chunk(&c[1]);   /* no thread to be had: the same work, in turn */
		rc = c[0].rc ? c[0].rc : c[1].rc;
		for (int k = 0; k < 2 && !rc; k++) {
			if (c[k].out.len && fwrite(c[k].out.s, 1, c[k].out.len, stdout) != c[k].out.len)
				rc = Q_EIO;
			c[k].out.len = 0;
		}
		p = c[1].to;
	}
	sb_free(&c[0].out);
	sb_free(&c[1].out);
	return rc;
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
