/* bench/gen_store KIND N OUT [DIR]: inputs for the store benchmark
 * (bench/store.sh), each a file a user could have:
 *   names N OUT       a tag journal of N tag changes, each a distinct tag
 *                     name, spread over 64 quotes of one article, in an
 *                     order that is not the names' sorted order;
 *   tagged N OUT DIR  a tag journal with one tagged quote for each of the
 *                     first N *.txt files of bench/gen_folder's DIR (their
 *                     paths recorded, so `quoth export DIR` finds them);
 *   sections N OUT    a config.ini of N sections (unknown ones: each is a
 *                     warning, and the file must still load);
 *   positions N OUT   a positions file of N articles, not in article order.
 * Numbers are made by a fixed multiplicative hash, so every run writes the
 * same bytes. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOURNAL_HEADER "# quoth tag journal, format 1\n"
#define ART 0x1234567812345678ull

static uint64_t scramble(uint64_t i)
{
	uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return h * 0xBF58476D1CE4E5B9ull;
}

static int names(FILE *f, long n)
{
	fputs(JOURNAL_HEADER, f);
	for (long i = 0; i < n; i++)
		fprintf(f, "1\t+\t%016llx\t%016llx\t%ld\tt%08llx%ld\n", (unsigned long long)ART,
		        (unsigned long long)scramble((uint64_t)(i % 64)), 1700000000L + i,
		        (unsigned long long)(scramble((uint64_t)i) >> 32), i);
	return 0;
}

static int tagged(FILE *f, long n, const char *dir)
{
	char abs[PATH_MAX];
	if (!realpath(dir, abs)) {
		perror(dir);
		return 1;
	}
	fputs(JOURNAL_HEADER, f);
	for (long k = 0; k < n; k++) {
		unsigned long long quote = (unsigned long long)scramble((uint64_t)k);
		/* the article id is not the file's hash: the path is what matches */
		fprintf(f, "1\tq\t%016llx\t%016llx\t%ld\tA quote of article %ld\tA Speaker\tArticle %ld\t%s/%03ld/a%06ld.txt\n",
		        (unsigned long long)scramble((uint64_t)k + 1000000), quote, 1700000000L + k, k, k, abs,
		        k / 1000, k);
		fprintf(f, "1\t+\t%016llx\t%016llx\t%ld\t%s\n", (unsigned long long)scramble((uint64_t)k + 1000000),
		        quote, 1700000000L + k, k % 3 ? "claim" : "denial");
	}
	return 0;
}

static int sections(FILE *f, long n)
{
	fputs("[ui]\nmouse = no\n", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "[s%ld]\n", i);
	return 0;
}

static int positions(FILE *f, long n)
{
	fputs("# quoth reading positions, format 1\n", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "1\t%016llx\t%ld\t%ld\t%016llx\t%ld\n", (unsigned long long)scramble((uint64_t)i), i * 7,
		        i % 5, (unsigned long long)scramble((uint64_t)i + 1), 1700000000L + i);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4 || (!strcmp(argv[1], "tagged") && argc < 5)) {
		fputs("usage: gen_store names|sections|positions N OUT, or gen_store tagged N OUT DIR\n", stderr);
		return 2;
	}
	long n = atol(argv[2]);
	FILE *f = fopen(argv[3], "w");
	if (!f) {
		perror(argv[3]);
		return 1;
	}
	int rc = !strcmp(argv[1], "names")       ? names(f, n)
	       : !strcmp(argv[1], "tagged")      ? tagged(f, n, argv[4])
	       : !strcmp(argv[1], "sections")    ? sections(f, n)
	       : !strcmp(argv[1], "positions")   ? positions(f, n)
	                                         : 2;
	if (rc == 2)
		fprintf(stderr, "gen_store: unknown kind %s\n", argv[1]);
	if (fclose(f) != 0 && !rc) {
		perror(argv[3]);
		rc = 1;
	}
	return rc;
}
