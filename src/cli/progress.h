/* Progress of a long run on standard error (articles, MB, MB/s, ETA),
 * redrawn on one line at most every 200 ms; only when standard error is a
 * terminal and standard output is not (or when asked). */
#ifndef QUOTH_PROGRESS_H
#define QUOTH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct progress {
	bool on;
	uint64_t total;          /* input bytes to read; 0 when unknown (a pipe) */
	uint64_t done;           /* input bytes read */
	size_t articles;
	struct timespec start, last;
	bool shown;
} progress;

/* mode: 1 on, 0 off, -1 when standard error is a terminal and standard
 * output is not. The total is the size of the files below paths. */
void progress_start(progress *p, int mode, char *const *paths, size_t n);

/* raw more input bytes were read, articles more articles done. */
void progress_add(progress *p, uint64_t raw, size_t articles);

/* Clears the line. */
void progress_end(progress *p);

#endif
