/* The allocator of a unit test, failing on request (tests/unit/config/
 * test_nomem.c says how; the test binary is linked with -Wl,--wrap for
 * the allocator, Makefile NOMEM_WRAP), and each_failure, which runs a
 * scenario with allocation 1, 2, ... failing. Included by one file of
 * each such binary. */
#ifndef QUOTH_TEST_NOMEM_H
#define QUOTH_TEST_NOMEM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include "error.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
int __real_vasprintf(char **out, const char *fmt, va_list ap);

static long fail_at;      /* the allocation to fail, counting from 1; 0: none */
static long counted;      /* allocations since the run began (threads too: atomic) */
static bool persistent;   /* every allocation from fail_at on fails, not only that one */

static bool fail_now(void)
{
	long at = __atomic_load_n(&fail_at, __ATOMIC_SEQ_CST);
	if (!at)
		return false;
	long c = __atomic_add_fetch(&counted, 1, __ATOMIC_SEQ_CST);
	return c == at || (persistent && c > at);
}

void *__wrap_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size);
void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s);
char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n);
char *__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

int __wrap_vasprintf(char **out, const char *fmt, va_list ap);
int __wrap_vasprintf(char **out, const char *fmt, va_list ap)
{
	return fail_now() ? -1 : __real_vasprintf(out, fmt, ap);
}

int __wrap_asprintf(char **out, const char *fmt, ...);
int __wrap_asprintf(char **out, const char *fmt, ...)
{
	if (fail_now())
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int rc = __real_vasprintf(out, fmt, ap);
	va_end(ap);
	return rc;
}

/* Runs scenario with allocation 1, 2, ... failing, until it runs whole:
 * once with that allocation alone failing, once with every one from it on
 * (the memory stays short, so the clean-up paths run out of it too). */
static void each_failure_mode(const char *name, int (*scenario)(void), bool from_then_on)
{
	persistent = from_then_on;
	long n = 1;
	for (;; n++) {
		__atomic_store_n(&counted, 0, __ATOMIC_SEQ_CST);
		__atomic_store_n(&fail_at, n, __ATOMIC_SEQ_CST);
		int rc = scenario();
		long used = __atomic_load_n(&counted, __ATOMIC_SEQ_CST);
		__atomic_store_n(&fail_at, 0, __ATOMIC_SEQ_CST);
		if (rc != 0 && rc != Q_ENOMEM)
			fail_msg("%s: with allocation %ld%s failing it returned '%s'", name, n, persistent ? " and on" : "",
			         error_message(rc));
		if (used < n) {
			if (rc != 0)
				fail_msg("%s: with no allocation failing it returned '%s'", name, error_message(rc));
			break;
		}
	}
	print_message("%s: %ld allocation failures%s, each handled\n", name, n - 1, from_then_on ? " (and all after)" : "");
	assert_true(n > 1);   /* the scenario allocates at all: the wrap works */
}

static void each_failure(const char *name, int (*scenario)(void))
{
	each_failure_mode(name, scenario, false);
	each_failure_mode(name, scenario, true);
}

#endif
