#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"

int grow_array(void *arrp, size_t *cap, size_t need, size_t size, size_t first)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : (first ? first : 1);
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return Q_ENOMEM;
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		return Q_ENOMEM;
	/* arrp is a T **: its pointer is read and written as bytes, which every
	 * object pointer type allows on the platforms quoth builds for */
	void *old;
	memcpy(&old, arrp, sizeof old);
	void *p = realloc(old, n * size);
	if (!p)
		return Q_ENOMEM;
	memcpy(arrp, &p, sizeof p);
	*cap = n;
	return 0;
}
