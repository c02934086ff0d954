#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "error.h"
#include "omap.h"

typedef struct job {
	long n;
	long result;
	long *heap;       /* owned: freed by consume or discard */
	long *kept;       /* the slot's: made once, reused by its next jobs, freed by release */
} job;

typedef struct run {
	long produced, total, consumed, discarded, stop_at;
	long order_errors;
	int produce_fails_at;
	int in_produce, in_consume;   /* threads inside: never more than one */
	long overlaps;
	long slow_every;              /* every slow_every-th job works 50 times longer */
	long states, states_freed;    /* thread states made and freed */
	long worked;                  /* the jobs the freed states counted */
	int keeps;                    /* produce gives each slot a buffer to keep */
	long kept_made, released;     /* slot buffers made by produce, and release calls that freed one */
	long produced_at_first;       /* jobs produced when the first job's work began */
} run;

/* Enters a callback that must run alone; counts it when it does not. */
static void enter(run *r, int *inside)
{
	if (__atomic_add_fetch(inside, 1, __ATOMIC_SEQ_CST) != 1)
		__atomic_add_fetch(&r->overlaps, 1, __ATOMIC_SEQ_CST);
}

static void leave(int *inside)
{
	__atomic_sub_fetch(inside, 1, __ATOMIC_SEQ_CST);
}

static int produce_job(run *r, job *b);

static int produce(void *ctx, void *j)
{
	run *r = ctx;
	enter(r, &r->in_produce);
	int rc = produce_job(r, j);
	leave(&r->in_produce);
	return rc;
}

static int produce_job(run *r, job *b)
{
	if (r->produced == r->total)
		return 0;
	if (r->produce_fails_at && r->produced == r->produce_fails_at)
		return Q_ENOMEM;
	b->n = __atomic_fetch_add(&r->produced, 1, __ATOMIC_SEQ_CST);   /* work reads it */
	if (r->keeps && !b->kept) {
		b->kept = malloc(sizeof *b->kept);
		r->kept_made++;
	}
	b->heap = malloc(sizeof *b->heap);
	*b->heap = b->n;
	return 1;
}

/* uneven work: a job takes between 0 and ~30,000 steps */
static void work(void *ctx, void *mine, void *j)
{
	run *r = ctx;
	if (mine)
		++*(long *)mine;   /* the jobs this thread worked on */
	job *b = j;
	if (b->n == 0)
		r->produced_at_first = __atomic_load_n(&r->produced, __ATOMIC_SEQ_CST);
	volatile long acc = 0;
	long steps = (b->n * 7919) % 30000 * (r->slow_every && b->n % r->slow_every == 0 ? 50 : 1);
	for (long i = 0; i < steps; i++)
		acc += i;
	b->result = b->n * b->n + (acc & 0);
}

static int consume(void *ctx, void *j)
{
	run *r = ctx;
	job *b = j;
	enter(r, &r->in_consume);
	if (b->n != r->consumed || b->result != b->n * b->n || *b->heap != b->n)
		r->order_errors++;
	free(b->heap);
	r->consumed++;
	leave(&r->in_consume);
	return r->stop_at && r->consumed == r->stop_at ? Q_EIO : 0;
}

static void discard(void *ctx, void *j)
{
	run *r = ctx;
	free(((job *)j)->heap);
	r->discarded++;
}

static const omap_ops ops = { sizeof(job), produce, work, consume, discard, NULL, NULL, NULL };

static void *thread_new(void *ctx)
{
	run *r = ctx;
	__atomic_add_fetch(&r->states, 1, __ATOMIC_SEQ_CST);
	return calloc(1, sizeof(long));
}

static void thread_free(void *ctx, void *mine)
{
	run *r = ctx;
	__atomic_add_fetch(&r->worked, *(long *)mine, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&r->states_freed, 1, __ATOMIC_SEQ_CST);
	free(mine);
}

static const omap_ops ops_with_states = { sizeof(job), produce, work, consume, discard, thread_new, thread_free, NULL };

static void release(void *ctx, void *j)
{
	run *r = ctx;
	job *b = j;
	if (b->kept)
		r->released++;
	free(b->kept);
	b->kept = NULL;
}

static const omap_ops ops_with_release = { sizeof(job), produce, work, consume, discard, NULL, NULL, release };

static void test_in_order_whatever_the_threads(void **state)
{
	(void)state;
	for (unsigned t = 0; t <= 4; t++) {
		run r = { .total = 5000 };
		assert_int_equal(omap_run(&ops, &r, t), 0);
		assert_int_equal(r.consumed, 5000);
		assert_int_equal(r.order_errors, 0);
		assert_int_equal(r.discarded, 0);
	}
}

/* produce and consume run on any thread but one at a time; a slow job
 * holds the others back (the ring fills) without changing the order; and
 * fewer jobs than threads, or none, end the run all the same */
static void test_one_producer_one_consumer_at_a_time(void **state)
{
	(void)state;
	for (unsigned t = 2; t <= 4; t++) {
		run r = { .total = 3000, .slow_every = 97 };
		assert_int_equal(omap_run(&ops, &r, t), 0);
		assert_int_equal(r.consumed, 3000);
		assert_int_equal(r.order_errors, 0);
		assert_int_equal(r.overlaps, 0);
		for (long total = 0; total <= 2; total++) {
			run few = { .total = total };
			assert_int_equal(omap_run(&ops, &few, t), 0);
			assert_int_equal(few.consumed, total);
		}
	}
}

/* the thread that takes a job leaves one produced for each thread before
 * it works: the others find work ready instead of waiting on a condition
 * for the one producing (a futex call and a wake-up each) */
static void test_jobs_are_left_ready_for_every_thread(void **state)
{
	(void)state;
	for (unsigned t = 2; t <= 4; t++) {
		run r = { .total = 3000 };
		assert_int_equal(omap_run(&ops, &r, t), 0);
		assert_int_equal(r.order_errors, 0);
		assert_true(r.produced_at_first >= 1 + (long)t);
		run few = { .total = 2 };
		assert_int_equal(omap_run(&ops, &few, t), 0);
		assert_int_equal(few.consumed, 2);
	}
}

/* consume stops the run: every job produced is consumed or discarded */
static void test_stop_early_frees_the_rest(void **state)
{
	(void)state;
	for (unsigned t = 1; t <= 3; t++) {
		run r = { .total = 5000, .stop_at = 300 };
		assert_int_equal(omap_run(&ops, &r, t), Q_EIO);
		assert_int_equal(r.consumed, 300);
		assert_int_equal(r.order_errors, 0);
		assert_int_equal(r.consumed + r.discarded, r.produced);
		assert_true(r.produced < 5000);
	}
}

static void test_produce_failure_is_returned(void **state)
{
	(void)state;
	for (unsigned t = 1; t <= 2; t++) {
		run r = { .total = 5000, .produce_fails_at = 100 };
		assert_int_equal(omap_run(&ops, &r, t), Q_ENOMEM);
		assert_int_equal(r.consumed + r.discarded, r.produced);
	}
}

/* a thread's own state: one a thread, each work call of the thread given
 * it, every one freed at the end, also when the run stops early */
static void test_each_thread_keeps_its_state(void **state)
{
	(void)state;
	for (unsigned t = 0; t <= 4; t++) {
		run r = { .total = 3000 };
		assert_int_equal(omap_run(&ops_with_states, &r, t), 0);
		assert_int_equal(r.consumed, 3000);
		assert_int_equal(r.order_errors, 0);
		assert_true(r.states >= 1 && r.states <= (t ? t : 1));
		assert_int_equal(r.states_freed, r.states);
		assert_int_equal(r.worked, 3000);
		run stop = { .total = 3000, .stop_at = 100 };
		assert_int_equal(omap_run(&ops_with_states, &stop, t), Q_EIO);
		assert_int_equal(stop.states_freed, stop.states);
	}
}

/* what a slot keeps is made once a slot and reused, not once a job, and
 * freed at the end, also when the run stops early or produce fails */
static void test_slots_keep_their_buffers(void **state)
{
	(void)state;
	for (unsigned t = 0; t <= 3; t++) {
		run r = { .total = 3000, .keeps = 1 };
		assert_int_equal(omap_run(&ops_with_release, &r, t), 0);
		assert_int_equal(r.consumed, 3000);
		assert_true(r.kept_made >= 1 && r.kept_made <= 64);
		assert_int_equal(r.released, r.kept_made);
		run stop = { .total = 3000, .stop_at = 100, .keeps = 1 };
		assert_int_equal(omap_run(&ops_with_release, &stop, t), Q_EIO);
		assert_int_equal(stop.released, stop.kept_made);
		run fails = { .total = 3000, .produce_fails_at = 100, .keeps = 1 };
		assert_int_equal(omap_run(&ops_with_release, &fails, t), Q_ENOMEM);
		assert_int_equal(fails.released, fails.kept_made);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order_whatever_the_threads),
		cmocka_unit_test(test_one_producer_one_consumer_at_a_time),
		cmocka_unit_test(test_jobs_are_left_ready_for_every_thread),
		cmocka_unit_test(test_stop_early_frees_the_rest),
		cmocka_unit_test(test_produce_failure_is_returned),
		cmocka_unit_test(test_each_thread_keeps_its_state),
		cmocka_unit_test(test_slots_keep_their_buffers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
