/* The fixtures of a folder: NAME.txt files, each checked by a function of
 * the test that reads NAME.txt and NAME.expect. */
#ifndef QUOTH_TEST_FIXTURES_H
#define QUOTH_TEST_FIXTURES_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>

/* Calls check(NAME, ctx) for each NAME.txt in dir; returns how many (-1
 * when dir cannot be opened). */
static int each_fixture(const char *dir, void (*check)(const char *name, void *ctx), void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int count = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt"))
			continue;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(len - 4), e->d_name);
		check(name, ctx);
		count++;
	}
	closedir(d);
	return count;
}

#endif
