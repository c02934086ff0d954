/* Benchmark of the tag store, each result beside a bare fsync of a one-line
 * file measured in the same run:
 *   - a tag key press: tags_toggle (flock, append, fsync) on a store that
 *     already holds 10,000 tagged quotes; target: at most 2 fsyncs;
 *   - starting up: tags_open replaying a journal of 100,000 tag changes;
 *     target: under 100 ms;
 *   - compacting that journal (what tags_close does after a session).
 * usage: bench_tags DATA-DIR   (a scratch folder; its contents are replaced)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "error.h"
#include "tags.h"

#define PRESSES 200
#define CHANGES 100000
#define QUOTES 10000
#define ARTICLES 1000
#define RUNS 5

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* The reference: append one line to a file and fsync it, as a minimal
 * durable write costs on this disk. Measured interleaved with the key
 * presses so that both see the same disk. */
struct reference {
	char path[4200];
	int fd;
};

static void reference_open(struct reference *r, const char *dir)
{
	snprintf(r->path, sizeof r->path, "%s/fsync-ref", dir);
	r->fd = open(r->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
	if (r->fd < 0) {
		perror(r->path);
		exit(1);
	}
}

static double reference_once(struct reference *r)
{
	double t0 = now_ms();
	if (write(r->fd, "1\t+\t0123456789abcdef\t0123456789abcdef\t1700000000\tclaim\n", 56) != 56
	    || fsync(r->fd) != 0) {
		perror("fsync reference");
		exit(1);
	}
	return now_ms() - t0;
}

static void reference_close(struct reference *r)
{
	close(r->fd);
	unlink(r->path);
}

static void make_store_dir(const char *dir, const char *name, char *out, size_t n)
{
	snprintf(out, n, "%s/%s", dir, name);
	char cmd[2 * 4200 + 64];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", out, out);
	if (system(cmd) != 0)
		exit(1);
}

/* A journal as a long life of tagging leaves it: QUOTES quotes over
 * ARTICLES articles, each described once, and CHANGES tag changes. */
static void write_journal(const char *store)
{
	static const char *const tagnames[] = { "claim", "denial", "accusation", "evidence", "påstand",
	                                         "quote-check", "follow-up", "主張" };
	char path[4300];
	snprintf(path, sizeof path, "%s/tags.journal", store);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	unsigned long long seed = 42;
	for (int q = 0; q < QUOTES; q++)
		fprintf(f, "1\tq\t%016llx\t%016llx\t%d\tQuote number %d, of the kind a minister says when "
		        "pressed on the budget at a press conference\tSpeaker %d\tArticle %d about the harbour "
		        "strike\t/home/user/corpus/2024/article-%04d.txt\n",
		        (unsigned long long)(q % ARTICLES + 1) * 0x9E3779B97F4A7C15ull, (unsigned long long)q + 1,
		        1700000000 + q, q, q % 97, q % ARTICLES, q % ARTICLES);
	for (int i = 0; i < CHANGES; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		int q = (int)(seed >> 33) % QUOTES;
		fprintf(f, "1\t%c\t%016llx\t%016llx\t%d\t%s\n", (seed >> 20) % 3 ? '+' : '-',
		        (unsigned long long)(q % ARTICLES + 1) * 0x9E3779B97F4A7C15ull, (unsigned long long)q + 1,
		        1700000000 + i, tagnames[(seed >> 40) % 8]);
	}
	fclose(f);
}

static tags_store *open_or_die(const char *store)
{
	tags_store *s;
	char *w = NULL;
	int rc = tags_open(store, &s, &w);
	if (rc || w) {
		fprintf(stderr, "bench_tags: open %s: %s %s\n", store, error_message(rc), w ? w : "");
		exit(1);
	}
	return s;
}

static void report(const char *what, double ms, double ref, const char *target)
{
	printf("tags: %-44s %9.3f ms   bare fsync %7.3f ms   ratio %7.2f   %s\n", what, ms, ref, ms / ref, target);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: bench_tags DATA-DIR\n", stderr);
		return 2;
	}
	const char *dir = argv[1];
	char store[4200];

	/* Replay: the file is written once and opened RUNS times. */
	make_store_dir(dir, "replay", store, sizeof store);
	write_journal(store);
	struct stat st;
	char jpath[4300];
	snprintf(jpath, sizeof jpath, "%s/tags.journal", store);
	stat(jpath, &st);
	double mb = st.st_size / 1e6;
	double t[RUNS];
	size_t tagged = 0;
	for (int r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		tags_store *s = open_or_die(store);
		t[r] = now_ms() - t0;
		const tag_entry **v;
		if (tags_query(s, NULL, &v, &tagged) == 0)
			free(v);
		tags_close(s);
	}
	double replay = median(t, RUNS);

	/* Compaction of the same journal (after one change, as at the end of a session). */
	tags_store *s = open_or_die(store);
	tags_set(s, 0x9E3779B97F4A7C15ull, 1, "claim", true, NULL);
	double t0 = now_ms();
	int rc = tags_compact(s);
	double compact = now_ms() - t0;
	stat(jpath, &st);
	long long after = st.st_size;
	tags_close(s);
	if (rc) {
		fprintf(stderr, "bench_tags: compact: %s\n", error_message(rc));
		return 1;
	}

	/* Key presses, on the compacted store (10,000 quotes, thousands tagged). */
	s = open_or_die(store);
	double press[PRESSES], bare[PRESSES];
	struct reference ref_file;
	reference_open(&ref_file, dir);
	tag_meta meta = { "We will not back down", "Jane Doe", "Strike at the harbour", "/home/user/corpus/a.txt" };
	for (int i = 0; i < PRESSES; i++) {
		bool on;
		bare[i] = reference_once(&ref_file);
		double p0 = now_ms();
		if (tags_toggle(s, 0x1234, (uint64_t)(i % 20) + 1, "claim", &meta, &on)) {
			fputs("bench_tags: tag failed\n", stderr);
			return 1;
		}
		press[i] = now_ms() - p0;
	}
	tags_close(s);
	reference_close(&ref_file);
	double tag = median(press, PRESSES), ref = median(bare, PRESSES);
	char what[128];
	report("tag a quote (flock, append, fsync), median", tag, ref,
	       tag <= 2 * ref ? "target: ratio <= 2 (met)" : "target: ratio <= 2 (MISSED)");
	snprintf(what, sizeof what, "open: replay %d changes (%.1f MB), median", CHANGES, mb);
	report(what, replay, ref, replay < 100 ? "target: < 100 ms (met)" : "target: < 100 ms (MISSED)");
	snprintf(what, sizeof what, "compact to %zu tagged quotes (%lld KB)", tagged, after / 1024);
	report(what, compact, ref, "");
	return 0;
}
