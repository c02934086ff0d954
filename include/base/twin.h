/* Two pieces of work at once: how the layers that have a big serial pass
 * (the safety check, the paragraph index, render's wrapping) use the second
 * core every machine quoth runs on has. */
#ifndef QUOTH_TWIN_H
#define QUOTH_TWIN_H

/* Runs fn(there) on a new thread and fn(here) on this one, and returns when
 * both are done; when no thread can be had, both in turn on this one. */
void twin_run(void *(*fn)(void *), void *here, void *there);

#endif
