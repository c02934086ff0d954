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
} job;

typedef struct run {
	long produced, total, consumed, discarded, stop_at;
	long order_errors;
	int produce_fails_at;
} run;

static int produce(void *ctx, void *j)
{
	run *r = ctx;
	job *b = j;
	if (r->produced == r->total)
		return 0;
	if (r->produce_fails_at && r->produced == r->produce_fails_at)
		return Q_ENOMEM;
	b->n = r->produced++;
	b->heap = malloc(sizeof *b->heap);
	*b->heap = b->n;
	return 1;
}

/* uneven work: a job takes between 0 and ~30,000 steps */
static void work(void *ctx, void *j)
{
	job *b = j;
	volatile long acc = 0;
	for (long i = 0; i < (b->n * 7919) % 30000; i++)
		acc += i;
	b->result = b->n * b->n + (acc & 0);
}

static int consume(void *ctx, void *j)
{
	run *r = ctx;
	job *b = j;
	if (b->n != r->consumed || b->result != b->n * b->n || *b->heap != b->n)
		r->order_errors++;
	free(b->heap);
	r->consumed++;
	return r->stop_at && r->consumed == r->stop_at ? Q_EIO : 0;
}

static void discard(void *ctx, void *j)
{
	run *r = ctx;
	free(((job *)j)->heap);
	r->discarded++;
}

static const omap_ops ops = { sizeof(job), produce, work, consume, discard };

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order_whatever_the_threads),
		cmocka_unit_test(test_stop_early_frees_the_rest),
		cmocka_unit_test(test_produce_failure_is_returned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
