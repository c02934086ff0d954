/* Two pieces of work at once (see twin.h). */
#include <pthread.h>
#include <stdbool.h>
#include "twin.h"

void twin_run(void *(*fn)(void *), void *here, void *there)
{
	pthread_t t;
	bool threaded = pthread_create(&t, NULL, fn, there) == 0;
	fn(here);
	if (threaded)
		pthread_join(t, NULL);
	else
		fn(there);
}
