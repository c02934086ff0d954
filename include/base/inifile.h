/* An ini file read through iniparser, with the line of every entry.
 *
 * iniparser gives values but no line numbers, one syntax error makes it
 * refuse the whole file, and filling one dictionary costs n squared. So the file is read once into memory and scanned
 * with iniparser's own line rules: that gives the line of each section and
 * key, and the lines iniparser would reject (syntax errors, lines over its
 * 1 KiB limit, NUL bytes, keys outside a section, section names with ':'
 * that would collide with its "section:key" names) are reported as warnings
 * and blanked in the copy iniparser parses, so the rest still loads.
 * Sections and keys come out lower-cased, as iniparser makes them. The
 * entries go to iniparser in parts of a few hundred, a dictionary each, so
 * reading is linear in the file's lines. A FIFO (or any file that is not a
 * regular one) is refused at once, never waited on.
 */
#ifndef QUOTH_INIFILE_H
#define QUOTH_INIFILE_H

#include <stddef.h>
#include "warnings.h"

struct ini_entry {
	const char *section;   /* lower-case */
	const char *key;       /* lower-case */
	const char *value;     /* as iniparser gives it (quotes removed, trimmed) */
	int line;              /* of the entry's last occurrence */
	size_t part;           /* inside inifile.c: the dictionary the value comes from */
};

struct ini_section {
	const char *name;
	int line;              /* of its first header */
};

typedef struct inifile {
	char *path;
	struct ini_entry *v;       /* each section:key once, in line order */
	size_t n;
	struct ini_section *sec;   /* in order of first appearance */
	size_t nsec;
	void **dicts;              /* the iniparser dictionaries the values live in */
	size_t ndicts;
	char **names;              /* strings owned here */
	size_t nnames;
} inifile;

/* Larger files are refused with Q_ETOOBIG: a config file is a few KiB. */
#define INIFILE_MAX_BYTES (1 << 20)

/* Reads path. Problems in its lines are warnings in w; the return value is
 * 0, or Q_ENOENT, Q_EACCES, Q_EISDIR, Q_ENOTREG, Q_ETOOBIG, Q_EIO,
 * Q_ENOMEM when the file could not be read at all (f is then empty). */
int inifile_read(inifile *f, const char *path, warnings *w);
void inifile_free(inifile *f);

/* Comma-separated lists ("a, b, c"): returns the next item of *cursor with
 * its blanks trimmed, empty items included, and moves *cursor past it; NULL
 * at the end. The string is modified. */
char *ini_next_item(char **cursor);

#endif
