/* The wrap layer alone: wrap_range over every paragraph of a file, beside
 * the references measured in the same run: the same with the fast path
 * off, and libunistring's own wrapper (u8_width_linebreaks). Then the lazy
 * view on one giant paragraph: jump to its end and page up, beside
 * wrapping the whole paragraph.
 *
 * usage: bench_wrap FILE [WIDTH]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unilbrk.h>
#include "doc.h"
#include "error.h"
#include "wrap.h"
#include "wrap_fast.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef int (*wrapper)(const char *, size_t, size_t, size_t, int, int, wrap_row **, size_t *, size_t *);

/* Seconds to wrap every paragraph; *rows gets the row count. */
static double run_wrap(const doc *d, int width, wrapper fn, size_t *nrows)
{
	wrap_row *rows = NULL;
	size_t cap = 0, total = 0;
	double t0 = now();
	for (size_t p = 0; p < d->npara; p++) {
		size_t n = 0;
		if (fn(d->text, d->para[p].start, d->para[p].end, p, width, 8, &rows, &n, &cap))
			exit(1);
		total += n;
	}
	double t = now() - t0;
	free(rows);
	*nrows = total;
	return t;
}

static double run_libunistring(const doc *d, int width, size_t *nrows)
{
	size_t cap = 0, total = 0;
	char *brk = NULL;
	double t0 = now();
	for (size_t p = 0; p < d->npara; p++) {
		size_t n = d->para[p].end - d->para[p].start;
		if (n > cap) {
			free(brk);
			cap = n * 2;
			brk = malloc(cap);
			if (!brk)
				exit(1);
		}
		u8_width_linebreaks((const uint8_t *)d->text + d->para[p].start, n, width, 0, 0, NULL, "UTF-8", brk);
		total++;
		for (size_t i = 0; i < n; i++)
			total += brk[i] == UC_BREAK_POSSIBLE;
	}
	double t = now() - t0;
	free(brk);
	*nrows = total;
	return t;
}

static double best(double a, double b)
{
	return a < b ? a : b;
}

static void bench_file(const char *path, int width)
{
	doc *d = NULL;
	int rc = doc_load(path, &d);
	if (rc) {
		fprintf(stderr, "bench_wrap: %s: %s\n", path, error_message(rc));
		exit(1);
	}
	double mb = (double)d->len / 1e6;
	size_t nf, ns, nl;
	double tf = 1e9, ts = 1e9, tl = 1e9;
	for (int i = 0; i < 3; i++) {
		tf = best(tf, run_wrap(d, width, wrap_range, &nf));
		ts = best(ts, run_wrap(d, width, wrap_range_slow, &ns));
		tl = best(tl, run_libunistring(d, width, &nl));
	}
	printf("wrap_range (fast path)      %8.0f MB/s  %zu rows\n", mb / tf, nf);
	printf("wrap_range, fast path off   %8.0f MB/s  %zu rows   fast/slow %.2fx\n", mb / ts, ns, ts / tf);
	printf("u8_width_linebreaks (ref)   %8.0f MB/s  %zu rows   wrap_range/ref %.2fx\n", mb / tl, nl, tl / tf);
	doc_free(d);
}

/* A 20 MB paragraph on one line: the view's jump to the end plus a page
 * up, beside wrapping all of it. */
static void bench_giant(int width)
{
	size_t n = 20u << 20;
	char *t = malloc(n + 16);
	if (!t)
		exit(1);
	static const char words[] = "the minister said that the inquiry would continue, ";
	for (size_t i = 0; i < n; i++)
		t[i] = words[i % (sizeof words - 1)];
	t[n - 1] = '.';
	doc *d = NULL;
	if (doc_from_bytes("giant", t, n, &d))
		exit(1);
	free(t);
	double t0 = now();
	wrap_view *v = wrap_view_new(d, d->body, width, 8);
	size_t last = wrap_view_last(v);
	size_t up = wrap_view_move(v, last, -50);
	wrap_row rows[50];
	size_t got = wrap_view_rows(v, up, rows, 50);
	double tv = now() - t0;
	size_t wrapped = wrap_view_bytes_wrapped(v);
	wrap_view_free(v);
	wrap_row *all = NULL;
	size_t nall = 0, cap = 0;
	const doc_span *sp = &d->para[d->npara - 1];
	t0 = now();
	wrap_range(d->text, sp->start, sp->end, d->npara - 1, width, 8, &all, &nall, &cap);
	double tw = now() - t0;
	free(all);
	printf("20 MB line: view end + page up %8.3f ms (%zu rows, %zu KB wrapped)   whole line %8.3f ms   %.0fx\n",
	       tv * 1e3, got, wrapped >> 10, tw * 1e3, tw / tv);
	doc_free(d);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bench_wrap FILE [WIDTH]\n", stderr);
		return 2;
	}
	int width = argc > 2 ? atoi(argv[2]) : 80;
	bench_file(argv[1], width);
	bench_giant(width);
	return 0;
}
