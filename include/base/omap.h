/* An ordered map over a stream of jobs: one thread produces them in order,
 * N threads work on them at once, and the caller's thread consumes them in
 * the order they were produced. What `quoth quotes --jobs N` runs on: its
 * output is the same whatever N, and memory holds a bounded number of jobs
 * (about twice N), never the whole stream. */
#ifndef QUOTH_OMAP_H
#define QUOTH_OMAP_H

#include <stddef.h>

typedef struct omap_ops {
	size_t job_size;                          /* bytes of one job, the callbacks' `job` */
	int (*produce)(void *ctx, void *job);     /* fills job: 1, 0 at the end, or < 0 to stop with that code */
	void (*work)(void *ctx, void *job);       /* on any thread, several at once: must not touch shared state */
	int (*consume)(void *ctx, void *job);     /* in order, on the caller's thread: 0, or < 0 to stop with that code */
	void (*discard)(void *ctx, void *job);    /* frees a produced job that will not be consumed (after a stop) */
} omap_ops;

/* Runs every job through work and consume. threads is the number of
 * workers: 1 (or 0) runs produce, work and consume in turn on this thread;
 * when no thread can be started, too. Returns 0 or the first code < 0 that
 * produce or consume returned. */
int omap_run(const omap_ops *ops, void *ctx, unsigned threads);

#endif
