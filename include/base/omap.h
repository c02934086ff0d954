/* An ordered map over a stream of jobs: jobs are produced one at a time in
 * order, N threads work on them at once, and they are consumed one at a
 * time in the order they were produced. What `quoth quotes --jobs N` runs
 * on: its output is the same whatever N, and memory holds a bounded number
 * of jobs (about twice N), never the whole stream. */
#ifndef QUOTH_OMAP_H
#define QUOTH_OMAP_H

#include <stddef.h>

/* produce and consume run on any of the threads, never two produce (or two
 * consume) at once, each call seeing what the previous one did. */
typedef struct omap_ops {
	size_t job_size;                          /* bytes of one job, the callbacks' `job` */
	int (*produce)(void *ctx, void *job);     /* fills job: 1, 0 at the end, or < 0 to stop with that code */
	void (*work)(void *ctx, void *mine, void *job);   /* several at once: must not touch shared state; mine: see thread_new */
	int (*consume)(void *ctx, void *job);     /* in order: 0, or < 0 to stop with that code */
	void (*discard)(void *ctx, void *job);    /* frees a produced job that will not be consumed (after a stop) */
	/* optional (NULL): what a thread keeps from one job to the next (a
	 * parser to reuse), made when it starts and freed when it ends, given
	 * to each work call it makes as mine (NULL when none was made) */
	void *(*thread_new)(void *ctx);
	void (*thread_free)(void *ctx, void *mine);
	/* optional (NULL): frees what a job's slot keeps from one job to the
	 * next (buffers to reuse), once at the end for every slot, after its
	 * job was consumed or discarded (all zero when none was produced in it);
	 * produce finds the slot as the last job consumed in it left it */
	void (*release)(void *ctx, void *job);
} omap_ops;

/* Runs every job through work and consume on `threads` threads, this one
 * among them: 1 (or 0) runs produce, work and consume in turn on this
 * thread; when fewer threads can be started, the run is slower, not
 * failed. Returns 0 or the first code < 0 that produce or consume
 * returned. */
int omap_run(const omap_ops *ops, void *ctx, unsigned threads);

#endif
