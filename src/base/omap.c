#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "error.h"
#include "omap.h"

/* Every thread (the caller's and threads - 1 more) runs the same loop:
 * consume the oldest job when it is done and nobody else is consuming,
 * else work on the next job produced, producing more first until one is
 * left for each thread that may come next, else produce one, else wait.
 * No thread is a stage that others hand jobs to: while every thread has
 * work, a job costs a few lock round trips and no wake-up. (With a thread
 * a stage, as this was first written, each job woke three threads and
 * cost tens of microseconds of system time in futex calls.) */
typedef struct omap {
	const omap_ops *ops;
	void *ctx;
	unsigned char *jobs;
	bool *done;
	size_t nslots;
	size_t ahead;     /* jobs a thread taking one leaves produced for the others: the threads' count */
	size_t head;      /* jobs produced: slot head % nslots is the next one's */
	size_t next;      /* jobs taken by a thread to work on */
	size_t tail;      /* jobs consumed */
	bool producing, consuming;
	bool produced;    /* produce said there is no more */
	bool stop;        /* a code < 0 stops the run */
	int rc;
	unsigned waiting;
	pthread_mutex_t mu;
	pthread_cond_t changed;
} omap;

static void *job_at(omap *m, size_t k)
{
	return m->jobs + (k % m->nslots) * m->ops->job_size;
}

static void fail(omap *m, int rc)
{
	if (!m->stop) {
		m->stop = true;
		m->rc = rc;
	}
}

/* Something another thread may be waiting for has happened. */
static void wake(omap *m)
{
	if (m->waiting)
		pthread_cond_broadcast(&m->changed);
}

static bool can_consume(const omap *m)
{
	return !m->consuming && m->tail < m->head && m->done[m->tail % m->nslots];
}

static bool can_produce(const omap *m)
{
	return !m->producing && !m->produced && !m->stop && m->head - m->tail < m->nslots;
}

/* Consumes the oldest job (done, and no other thread is consuming). */
static void consume_tail(omap *m)
{
	m->consuming = true;
	void *job = job_at(m, m->tail);
	pthread_mutex_unlock(&m->mu);
	int r = m->ops->consume(m->ctx, job);
	pthread_mutex_lock(&m->mu);
	m->done[m->tail % m->nslots] = false;
	m->tail++;
	m->consuming = false;
	if (r < 0)
		fail(m, r);
	wake(m);
}

/* Produces the next job (no other thread is producing). */
static void produce_one(omap *m)
{
	m->producing = true;
	void *job = job_at(m, m->head);
	pthread_mutex_unlock(&m->mu);
	int r = m->ops->produce(m->ctx, job);   /* the slot is this thread's until head moves */
	pthread_mutex_lock(&m->mu);
	m->producing = false;
	if (r < 0)
		fail(m, r);
	if (r == 1)
		m->head++;
	else
		m->produced = true;
	wake(m);
}

/* Works on the next job produced, after producing more until `ahead` are
 * left for the others: the thread that comes for work next finds one ready
 * rather than waiting for the input to be read. (With only one left, a
 * thread that came while the one after it was being produced waited on
 * the condition, two futex calls and a wake-up: a folder of 20,000 small
 * files on two threads made 4,400 futex calls, 2,700 with two left, and
 * its threads slept 200 to 300 times a run instead of about 100.) */
static void take_and_work(omap *m, void *mine)
{
	size_t k = m->next++;
	while (m->head - m->next < m->ahead && can_produce(m))
		produce_one(m);
	pthread_mutex_unlock(&m->mu);
	m->ops->work(m->ctx, mine, job_at(m, k));
	pthread_mutex_lock(&m->mu);
	m->done[k % m->nslots] = true;
	wake(m);
}

/* A thread's own state (ops->thread_new), or NULL. */
static void *thread_state(const omap_ops *ops, void *ctx)
{
	return ops->thread_new ? ops->thread_new(ctx) : NULL;
}

static void thread_state_free(const omap_ops *ops, void *ctx, void *mine)
{
	if (ops->thread_free && mine)
		ops->thread_free(ctx, mine);
}

/* One thread's part, until every job is consumed or the run stops; the
 * caller's thread (last) stays until then, the others leave when nothing
 * is left for them to start. */
static void run_thread(omap *m, bool last)
{
	void *mine = thread_state(m->ops, m->ctx);
	pthread_mutex_lock(&m->mu);
	for (;;) {
		if (m->stop)
			break;
		if (can_consume(m))
			consume_tail(m);
		else if (m->next < m->head)
			take_and_work(m, mine);
		else if (can_produce(m))
			produce_one(m);
		else if (m->produced && (m->tail == m->head || !last))
			break;
		else {
			m->waiting++;
			pthread_cond_wait(&m->changed, &m->mu);
			m->waiting--;
		}
	}
	pthread_mutex_unlock(&m->mu);
	thread_state_free(m->ops, m->ctx, mine);
}

static void *worker(void *arg)
{
	run_thread(arg, false);
	return NULL;
}

static int run_in_turn(const omap_ops *ops, void *ctx)
{
	void *job = calloc(1, ops->job_size);
	if (!job)
		return Q_ENOMEM;
	void *mine = thread_state(ops, ctx);
	int r;
	while ((r = ops->produce(ctx, job)) == 1) {
		ops->work(ctx, mine, job);
		if ((r = ops->consume(ctx, job)) < 0)
			break;
	}
	thread_state_free(ops, ctx, mine);
	if (ops->release)
		ops->release(ctx, job);
	free(job);
	return r < 0 ? r : 0;
}

int omap_run(const omap_ops *ops, void *ctx, unsigned threads)
{
	if (threads <= 1)
		return run_in_turn(ops, ctx);
	/* room for the jobs done behind a slow one (or behind a consumer that
	 * the system put to sleep in a write) before the others must wait */
	omap m = { .ops = ops, .ctx = ctx, .nslots = 4 * (size_t)threads + 4, .ahead = threads };
	m.jobs = calloc(m.nslots, ops->job_size);
	m.done = calloc(m.nslots, sizeof *m.done);
	pthread_t *tid = calloc(threads, sizeof *tid);
	if (!m.jobs || !m.done || !tid) {
		free(m.jobs);
		free(m.done);
		free(tid);
		return Q_ENOMEM;
	}
	pthread_mutex_init(&m.mu, NULL);
	pthread_cond_init(&m.changed, NULL);
	unsigned started = 0;   /* the threads besides this one: none is a slower run, not a failed one */
	for (unsigned i = 0; i + 1 < threads; i++)
		if (pthread_create(&tid[started], NULL, worker, &m) == 0)
			started++;
	run_thread(&m, true);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	for (size_t k = m.tail; k < m.head; k++)
		ops->discard(ctx, job_at(&m, k));
	for (size_t k = 0; ops->release && k < m.nslots; k++)
		ops->release(ctx, job_at(&m, k));
	pthread_cond_destroy(&m.changed);
	pthread_mutex_destroy(&m.mu);
	free(m.jobs);
	free(m.done);
	free(tid);
	return m.rc;
}
