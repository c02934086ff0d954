#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "error.h"
#include "omap.h"

/* Slots hold jobs from produced to consumed; a ring of them, each job's
 * slot its number modulo the ring's size. */
enum slot_state { SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct omap {
	const omap_ops *ops;
	void *ctx;
	unsigned char *jobs;
	enum slot_state *state;
	size_t nslots;
	size_t head;      /* jobs produced */
	size_t next;      /* jobs taken by a worker */
	size_t tail;      /* jobs consumed */
	bool produced;    /* the producer has stopped */
	bool stop;        /* stop early: a code < 0 */
	int rc;
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

static void *producer(void *arg)
{
	omap *m = arg;
	pthread_mutex_lock(&m->mu);
	while (!m->stop) {
		while (!m->stop && m->head - m->tail == m->nslots)
			pthread_cond_wait(&m->changed, &m->mu);
		if (m->stop)
			break;
		void *job = job_at(m, m->head);
		pthread_mutex_unlock(&m->mu);
		int r = m->ops->produce(m->ctx, job);   /* the slot is the producer's until head moves */
		pthread_mutex_lock(&m->mu);
		if (r < 0)
			fail(m, r);
		if (r != 1)
			break;
		m->state[m->head % m->nslots] = SLOT_READY;
		m->head++;
		pthread_cond_broadcast(&m->changed);
	}
	m->produced = true;
	pthread_cond_broadcast(&m->changed);
	pthread_mutex_unlock(&m->mu);
	return NULL;
}

static void *worker(void *arg)
{
	omap *m = arg;
	pthread_mutex_lock(&m->mu);
	for (;;) {
		while (!m->stop && m->next == m->head && !m->produced)
			pthread_cond_wait(&m->changed, &m->mu);
		if (m->stop || m->next == m->head)
			break;
		size_t k = m->next++;
		m->state[k % m->nslots] = SLOT_BUSY;
		pthread_mutex_unlock(&m->mu);
		m->ops->work(m->ctx, job_at(m, k));
		pthread_mutex_lock(&m->mu);
		m->state[k % m->nslots] = SLOT_DONE;
		pthread_cond_broadcast(&m->changed);
	}
	pthread_mutex_unlock(&m->mu);
	return NULL;
}

/* The caller's part: each job in order, once it is done. */
static void consumer(omap *m)
{
	pthread_mutex_lock(&m->mu);
	for (;;) {
		while (!m->stop && !(m->tail < m->head && m->state[m->tail % m->nslots] == SLOT_DONE) &&
		       !(m->produced && m->tail == m->head))
			pthread_cond_wait(&m->changed, &m->mu);
		if (m->stop || m->tail == m->head)
			break;
		void *job = job_at(m, m->tail);
		pthread_mutex_unlock(&m->mu);
		int r = m->ops->consume(m->ctx, job);
		pthread_mutex_lock(&m->mu);
		m->tail++;
		if (r < 0)
			fail(m, r);
		pthread_cond_broadcast(&m->changed);
	}
	pthread_mutex_unlock(&m->mu);
}

static int run_in_turn(const omap_ops *ops, void *ctx)
{
	void *job = calloc(1, ops->job_size);
	if (!job)
		return Q_ENOMEM;
	int r;
	while ((r = ops->produce(ctx, job)) == 1) {
		ops->work(ctx, job);
		if ((r = ops->consume(ctx, job)) < 0)
			break;
	}
	free(job);
	return r < 0 ? r : 0;
}

int omap_run(const omap_ops *ops, void *ctx, unsigned threads)
{
	if (threads <= 1)
		return run_in_turn(ops, ctx);
	omap m = { .ops = ops, .ctx = ctx, .nslots = 2 * (size_t)threads + 2 };
	m.jobs = calloc(m.nslots, ops->job_size);
	m.state = calloc(m.nslots, sizeof *m.state);
	pthread_t *tid = calloc(threads + 1, sizeof *tid);
	if (!m.jobs || !m.state || !tid) {
		free(m.jobs);
		free(m.state);
		free(tid);
		return Q_ENOMEM;
	}
	pthread_mutex_init(&m.mu, NULL);
	pthread_cond_init(&m.changed, NULL);
	unsigned started = 0;
	if (pthread_create(&tid[started], NULL, producer, &m) == 0)
		started++;
	for (unsigned i = 0; started && i < threads; i++)
		if (pthread_create(&tid[started], NULL, worker, &m) == 0)
			started++;
	int rc;
	if (started < 2) {   /* no producer or no worker: the jobs in turn */
		pthread_mutex_lock(&m.mu);
		fail(&m, 0);
		pthread_mutex_unlock(&m.mu);
		for (unsigned i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
		for (size_t k = m.tail; k < m.head; k++)
			ops->discard(ctx, job_at(&m, k));
		rc = m.head ? Q_ENOMEM : run_in_turn(ops, ctx);
	} else {
		consumer(&m);
		for (unsigned i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
		for (size_t k = m.tail; k < m.head; k++)
			ops->discard(ctx, job_at(&m, k));
		rc = m.rc;
	}
	pthread_cond_destroy(&m.changed);
	pthread_mutex_destroy(&m.mu);
	free(m.jobs);
	free(m.state);
	free(tid);
	return rc;
}
