/* bench/bench_positions DIR: opens the reading positions stored in DIR (the
 * reader does this at start-up) and closes them again; bench/store.sh times
 * it on files of 10,000 and 100,000 lines. Exits 1 when the file could not
 * be read. */
#include <stdio.h>
#include <stdlib.h>
#include "positions.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: bench_positions DIR\n", stderr);
		return 2;
	}
	positions *p;
	char *warnings = NULL;
	if (positions_open(argv[1], &p, &warnings)) {
		fputs("bench_positions: cannot open\n", stderr);
		return 1;
	}
	int bad = warnings != NULL;
	if (bad)
		fprintf(stderr, "bench_positions: %s\n", warnings);
	free(warnings);
	positions_close(p);
	return bad;
}
