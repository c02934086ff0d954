/* Benchmark: quote extraction over a corpus of many articles in one file,
 * separated by lines holding only a form feed ("\f"). Articles are read
 * one at a time through a fixed buffer, so memory must not grow with their
 * number. Prints one line of figures (MB/s over the whole file, from the
 * bytes to the quotes: doc_from_bytes + quotes_find_with, one quotes_work
 * for all the articles as a thread of quoth quotes has; BENCH_NO_WORK set:
 * quotes_find, a new one each article) and the peak RSS
 * after a tenth of the articles and at the end.
 *
 * usage: bench_quotes CORPUS [REPEAT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "doc.h"
#include "quotes.h"

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: other work on the machine does not count */
static double now(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

typedef struct stats {
	size_t articles, quotes, attributed, bytes;
	double find_s;           /* CPU seconds inside quotes_find */
} stats;

static int one_article(const char *s, size_t n, const quotes_opts *o, quotes_work *w, stats *st)
{
	doc *d;
	if (doc_from_bytes("bench", s, n, &d))
		return 0;   /* empty between separators */
	quote_list l;
	double t0 = now();
	int rc = quotes_find_with(d, o, w, &l);
	st->find_s += now() - t0;
	if (!rc) {
		st->quotes += l.n;
		for (size_t i = 0; i < l.n; i++)
			st->attributed += l.v[i].speaker != NULL;
		quote_list_free(&l);
	}
	doc_free(d);
	st->articles++;
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bench_quotes CORPUS\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	long total = ftell(f);
	fseek(f, 0, SEEK_SET);
	size_t cap = 1 << 22, len = 0;
	char *buf = malloc(cap);
	stats st = { 0 };
	quotes_opts o;   /* as quoth quotes sets them up: the model fixed for the run, */
	quotes_opts_init(&o);
	quotes_opts_fix_model(&o);
	quotes_work *work = getenv("BENCH_NO_WORK") ? NULL : quotes_work_new();   /* and a thread's memory kept */
	long rss_tenth = 0;
	double t0 = now(), w0 = clock_s(CLOCK_MONOTONIC);
	for (;;) {
		size_t r = fread(buf + len, 1, cap - len, f);
		len += r;
		size_t start = 0;
		for (;;) {
			char *sep = memmem(buf + start, len - start, "\n\f\n", 3);
			if (!sep)
				break;
			size_t end = (size_t)(sep - buf) + 1;
			one_article(buf + start, end - start, &o, work, &st);
			st.bytes += end - start + 2;
			start = end + 2;
			if (!rss_tenth && st.bytes * 10 >= (size_t)total)
				rss_tenth = peak_rss_kb();
		}
		if (r == 0) {
			if (len > start) {
				one_article(buf + start, len - start, &o, work, &st);
				st.bytes += len - start;
			}
			break;
		}
		memmove(buf, buf + start, len - start);
		len -= start;
		if (len == cap) {   /* one article larger than the buffer */
			cap *= 2;
			char *w = realloc(buf, cap);
			if (!w) {
				fprintf(stderr, "bench_quotes: out of memory\n");
				exit(1);
			}
			buf = w;
		}
	}
	double dt = now() - t0, wall = clock_s(CLOCK_MONOTONIC) - w0;
	fclose(f);
	free(buf);
	quotes_opts_free(&o);
	quotes_work_free(work);
	double mb = (double)st.bytes / 1e6;
	printf("quotes: %.1f MB, %zu articles, %zu quotes (%zu attributed); "
	       "quotes_find %.1f MB/s, read+doc+quotes_find %.1f MB/s (CPU %.3f s, wall %.3f s); "
	       "peak RSS %.1f MB after 10%% of the articles, %.1f MB at the end\n",
	       mb, st.articles, st.quotes, st.attributed, mb / st.find_s, mb / dt, dt, wall, rss_tenth / 1024.0,
	       peak_rss_kb() / 1024.0);
	return 0;
}
