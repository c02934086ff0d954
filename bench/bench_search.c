/* The search engine alone on a file, mapped and read as the reader does
 * a big one (the vector loop through pread, the places around candidates
 * in the mapping): the fast scan from the first byte to the last, and, for
 * files up to SIMPLE_MAX, the simple search that tries every character.
 *
 *   bench_search FILE PATTERN
 *
 * Prints "scan_ms N" (wall), "scan_cpu_ms N" (user + system),
 * "scan_matches N", then the same for "simple" (or "simple_ms skipped");
 * exits 1 when the two disagree.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "search.h"

#define SIMPLE_MAX (256u << 20)
/* The piece the anchor is chosen on, as the reader's window. */
#define WINDOW_SAMPLE (256u << 10)

static size_t read_fd(void *ctx, size_t off, char *buf, size_t n)
{
	ssize_t k = pread(*(int *)ctx, buf, n, (off_t)off);
	return k > 0 ? (size_t)k : 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: bench_search FILE PATTERN\n", stderr);
		return 2;
	}
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) || st.st_size == 0) {
		fprintf(stderr, "bench_search: cannot open %s\n", argv[1]);
		return 1;
	}
	size_t n = (size_t)st.st_size;
	const char *text = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	if (text == MAP_FAILED) {
		perror("bench_search: mmap");
		return 1;
	}
	char *p = search_fold_pattern(argv[2], strlen(argv[2]));
	if (!p) {
		fputs("bench_search: empty pattern\n", stderr);
		return 2;
	}
	double t0 = now_ms(), c0 = cpu_ms();
	search_scan *s = search_scan_new(p, text, n < WINDOW_SAMPLE ? n : WINDOW_SAMPLE);
	search_hits fast = { 0 };
	if (s)
		search_scan_reader(s, read_fd, &fd);
	if (!s || search_scan_run(s, text, n, 0, n, false, &fast)) {
		fputs("bench_search: out of memory\n", stderr);
		return 1;
	}
	printf("scan_ms %.3f\nscan_cpu_ms %.3f\nscan_matches %zu\n", now_ms() - t0, cpu_ms() - c0, fast.n);
	int rc = 0;
	if (n <= SIMPLE_MAX) {
		search_hits all = { 0 };
		t0 = now_ms();
		c0 = cpu_ms();
		search_all(text, 0, n, p, &all);
		printf("simple_ms %.3f\nsimple_cpu_ms %.3f\nsimple_matches %zu\n", now_ms() - t0, cpu_ms() - c0, all.n);
		rc = all.n != fast.n || (all.n && memcmp(all.v, fast.v, all.n * sizeof *all.v));
		search_hits_free(&all);
	} else {
		printf("simple_ms skipped\n");
	}
	search_hits_free(&fast);
	search_scan_free(s);
	free(p);
	munmap((void *)text, n);
	close(fd);
	return rc;
}
