#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "progress.h"
#include "walk.h"

#define EVERY_MS 200

static double seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static uint64_t size_of(int dirfd, const char *name)
{
	struct stat st;
	return fstatat(dirfd, name, &st, 0) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
}

/* The bytes below paths, as the stream will read them (compressed size for .gz). */
static uint64_t total_bytes(char *const *paths, size_t n)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(paths[i], "-")) {
			struct stat st;
			if (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
				return 0;   /* a pipe: no ETA */
			total += (uint64_t)st.st_size;
			continue;
		}
		walk *w = NULL;
		walk_entry e;
		if (walk_open(paths[i], walk_is_article_or_dump, &w) == 0)
			while (walk_next(w, &e) == 1)
				total += e.error ? 0 : size_of(e.dirfd, e.name);
		walk_close(w);
	}
	return total;
}

void progress_start(progress *p, int mode, char *const *paths, size_t n)
{
	memset(p, 0, sizeof *p);
	p->on = mode == 1 || (mode < 0 && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO));
	if (!p->on)
		return;
	char dash_name[] = "-", *dash[] = { dash_name };
	p->total = n ? total_bytes(paths, n) : total_bytes(dash, 1);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

static void draw(progress *p, const struct timespec *now)
{
	double t = seconds(&p->start, now), mb = (double)p->done / 1e6, rate = t > 0 ? mb / t : 0;
	char eta[32] = "";
	if (p->total && rate > 0 && p->done <= p->total) {
		long left = (long)(((double)p->total / 1e6 - mb) / rate + 0.5);
		snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
	}
	char total[32] = "";
	if (p->total)
		snprintf(total, sizeof total, " of %.0f", (double)p->total / 1e6);
	fprintf(stderr, "\rquoth: %zu articles, %.0f%s MB, %.1f MB/s%s   ", p->articles, mb, total, rate, eta);
	fflush(stderr);
	p->shown = true;
	p->last = *now;
}

void progress_add(progress *p, uint64_t raw, size_t articles)
{
	if (!p->on)
		return;
	p->done += raw;
	p->articles += articles;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!p->shown || seconds(&p->last, &now) * 1000 >= EVERY_MS)
		draw(p, &now);
}

void progress_end(progress *p)
{
	if (p->on && p->shown) {
		fprintf(stderr, "\r%*s\r", 72, "");
		fflush(stderr);
	}
	p->shown = false;
}
