/* Growing arrays: one place for the doubling that every list of the program
 * does, with the overflow check written once. */
#ifndef QUOTH_GROW_H
#define QUOTH_GROW_H

#include <stddef.h>

/* Makes room for at least need elements of size bytes in the array *arrp
 * points to (a T ** passed as void *), whose capacity is *cap: the capacity
 * doubles from first (or from *cap) until it holds need. Returns 0, or
 * Q_ENOMEM with the array and *cap unchanged. */
int grow_array(void *arrp, size_t *cap, size_t need, size_t size, size_t first);

/* GROW(v, cap, need, first): grow_array for an array v of any element type.
 * The test for room is inline (GROW stands in loops that add one element at
 * a time), so cap and need are evaluated twice: pass plain expressions. */
#define GROW(v, cap, need, first) \
	((need) <= (cap) ? 0 : grow_array(&(v), &(cap), (need), sizeof *(v), (first)))

#endif
