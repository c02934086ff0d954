/* Helpers shared by the config and keymap tests. */
#ifndef QUOTH_CFGTEST_H
#define QUOTH_CFGTEST_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "warnings.h"

#define FIXTURES "tests/fixtures/config/"

/* The 1-based line of the first line of path that contains needle, or -1:
 * tests name fixture lines by their content, not by a number kept by hand. */
static int line_of(const char *path, const char *needle)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char buf[4096];
	int line = 0, found = -1;
	while (found < 0 && fgets(buf, sizeof buf, f)) {
		line++;
		if (strstr(buf, needle))
			found = line;
	}
	fclose(f);
	return found;
}

/* The warning about path:line that contains needle, or NULL. */
static const struct warning *find_warning(const warnings *w, const char *path, int line, const char *needle)
{
	for (size_t i = 0; i < w->n; i++) {
		const struct warning *x = &w->v[i];
		if ((!path || (x->file && !strcmp(x->file, path))) && x->line == line && strstr(x->msg, needle))
			return x;
	}
	return NULL;
}

/* Prints the warnings, to see what a failing test got. */
static void dump_warnings(const warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		printf("# warning: %s\n", w->v[i].msg);
}

/* An absolute path of a file under the repository (XDG_CONFIG_HOME must be
 * absolute). Caller frees. */
static char *abs_path(const char *rel)
{
	char cwd[PATH_MAX], *out;
	if (!getcwd(cwd, sizeof cwd) || asprintf(&out, "%s/%s", cwd, rel) < 0)
		return NULL;
	return out;
}

#endif
