/* Helpers shared by the store tests: scratch folders and whole files.
 * Include after cmocka.h (they assert). */
#ifndef QUOTH_STORETEST_H
#define QUOTH_STORETEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline char *make_dir(void)
{
	char tmpl[] = "/tmp/quoth-store-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

/* Removes dir (made writable first: some tests take permissions away). */
static inline void remove_dir(char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static inline char *path_in(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static inline void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(s, f);
	assert_int_equal(fclose(f), 0);
}

/* The file's bytes (up to 1 MB) as a new string. */
static inline char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strdup(buf);
}

static inline size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

#endif
