/* Reading an ini file through iniparser, keeping the line of every entry. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <iniparser/iniparser.h>
#include "error.h"
#include "grow.h"
#include "inifile.h"
#include "strbuf.h"

/* iniparser reads a line with fgets into 1024 bytes; a longer one makes it
 * drop the whole file. Stay clear of the edge. */
#define LINE_LIMIT 1000

static int read_all(const char *path, char **out, size_t *outlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return error_from_errno(e);
	}
	int rc = 0;
	if (S_ISDIR(st.st_mode))
		rc = Q_EISDIR;
	else if (!S_ISREG(st.st_mode))
		rc = Q_ENOTREG;
	else if (st.st_size > INIFILE_MAX_BYTES)
		rc = Q_ETOOBIG;
	char *buf = rc ? NULL : malloc((size_t)st.st_size + 1);
	if (!rc && !buf)
		rc = Q_ENOMEM;
	size_t len = 0;
	while (!rc) {
		/* read up to one byte more than expected, to notice a file that grew */
		ssize_t got = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			rc = Q_EIO;
		else if (got == 0)
			break;
		else if ((len += (size_t)got) > (size_t)st.st_size)
			rc = Q_ETOOBIG;
	}
	close(fd);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

/* iniparser's strstrip and strlwc, in place. */
static char *strip(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

enum line_kind { L_EMPTY, L_COMMENT, L_SECTION, L_BAD_SECTION, L_VALUE, L_ERROR };

/* name = name stripped and lower-cased, in place. */
static void normalize(char *name)
{
	char *t = strip(name);
	memmove(name, t, strlen(t) + 1);
	lower(name);
}

/* Classifies a logical line as iniparser_line() does, with the same sscanf
 * patterns, so that what is reported here is what iniparser will do.
 * name receives the section or the key (stripped, lower-case). */
static enum line_kind classify(const char *input, char *name, char *scratch)
{
	char *line = strip(strcpy(scratch, input));
	size_t len = strlen(line);
	char *value = line + len + 1;   /* scratch is twice the line's size */
	if (len == 0)
		return L_EMPTY;
	if (line[0] == '#' || line[0] == ';')
		return L_COMMENT;
	if (line[0] == '[' && line[len - 1] == ']') {
		if (sscanf(line, "[%[^]]", name) != 1)
			name[0] = '\0';
		normalize(name);
		/* "[]" would leave iniparser in the section before; "a:b" would
		 * collide with its "section:key" names */
		return name[0] && !strchr(name, ':') ? L_SECTION : L_BAD_SECTION;
	}
	if (sscanf(line, "%[^=] = \"%[^\"]\"", name, value) == 2
	    || sscanf(line, "%[^=] = '%[^\']'", name, value) == 2
	    || sscanf(line, "%[^=] = %[^;#]", name, value) == 2
	    || sscanf(line, "%[^=] = %[;#]", name, value) == 2
	    || sscanf(line, "%[^=] %[=]", name, value) == 2) {
		normalize(name);
		return name[0] ? L_VALUE : L_ERROR;
	}
	return L_ERROR;
}

/* The scan: state carried from line to line. */
struct scan {
	inifile *f;
	warnings *w;
	strbuf clean;             /* the copy iniparser parses */
	char *section;            /* current section, NULL before the first */
	bool skipping;            /* inside a section whose header was refused */
	size_t entries_cap, sec_cap, names_cap;
	bool nomem;
};

static char *keep_name(struct scan *s, const char *name)
{
	inifile *f = s->f;
	if (GROW(f->names, s->names_cap, f->nnames + 1, 32))
		return NULL;
	char *copy = strdup(name);
	if (copy)
		f->names[f->nnames++] = copy;
	return copy;
}

static void add_section(struct scan *s, const char *name, int line)
{
	inifile *f = s->f;
	for (size_t i = 0; i < f->nsec; i++)
		if (!strcmp(f->sec[i].name, name)) {
			s->section = (char *)f->sec[i].name;
			return;
		}
	if (GROW(f->sec, s->sec_cap, f->nsec + 1, 8)) {
		s->nomem = true;
		return;
	}
	char *copy = keep_name(s, name);
	if (!copy) {
		s->nomem = true;
		return;
	}
	f->sec[f->nsec++] = (struct ini_section){ copy, line };
	s->section = copy;
}

static void add_entry(struct scan *s, const char *key, int line)
{
	inifile *f = s->f;
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].section == s->section && !strcmp(f->v[i].key, key)) {
			warnings_add(s->w, f->path, f->v[i].line,
			             "'%s' is set again on line %d, which wins: this line is ignored", key, line);
			f->v[i].line = line;
			return;
		}
	if (GROW(f->v, s->entries_cap, f->n + 1, 32)) {
		s->nomem = true;
		return;
	}
	char *copy = keep_name(s, key);
	if (!copy) {
		s->nomem = true;
		return;
	}
	f->v[f->n++] = (struct ini_entry){ s->section, copy, NULL, line };
}

/* Handles one logical line (physical lines joined by trailing backslashes).
 * Returns true when iniparser may see it, false when it must be blanked. */
static bool scan_line(struct scan *s, const char *logical, size_t rawlen, int line,
                      bool has_nul, char *name, char *scratch)
{
	const char *path = s->f->path;
	if (has_nul) {
		warnings_add(s->w, path, line, "a NUL byte: line ignored");
		return false;
	}
	if (rawlen > LINE_LIMIT) {
		warnings_add(s->w, path, line, "line longer than %d bytes: ignored", LINE_LIMIT);
		return false;
	}
	switch (classify(logical, name, scratch)) {
	case L_EMPTY:
	case L_COMMENT:
		return true;
	case L_SECTION:
		s->skipping = false;
		add_section(s, name, line);
		return true;
	case L_BAD_SECTION:
		s->skipping = true;
		warnings_add(s->w, path, line, "bad section name [%s] (empty, or with ':'): the section is ignored", name);
		return false;
	case L_VALUE:
		if (s->skipping)
			return false;
		if (!s->section) {
			warnings_add(s->w, path, line, "'%s' is outside any [section]: ignored", name);
			return false;
		}
		add_entry(s, name, line);
		return true;
	case L_ERROR:
		break;
	}
	warnings_add(s->w, path, line, "not a [section], a 'key = value' line or a comment: ignored");
	return false;
}

/* Trailing white space of a physical line, as iniparser strips it. */
static size_t trimmed_len(const char *p, size_t n)
{
	while (n > 0 && isspace((unsigned char)p[n - 1]))
		n--;
	return n;
}

static void scan_text(struct scan *s, const char *text, size_t len)
{
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;   /* a BOM: iniparser would take it as part of the first line */
		len -= 3;
	}
	char *name = malloc(len + 2), *scratch = malloc(2 * len + 4);
	strbuf logical;
	sb_init(&logical);
	if (!name || !scratch) {
		s->nomem = true;
		goto out;
	}
	const char *group = text;   /* first physical line of the logical line */
	int group_line = 1, lineno = 0, nlines = 0;
	size_t rawlen = 0;
	bool nul = false;
	for (const char *p = text; p < text + len;) {
		const char *eol = memchr(p, '\n', (size_t)(text + len - p));
		const char *next = eol ? eol + 1 : text + len;
		size_t n = (size_t)((eol ? eol : text + len) - p);
		lineno++;
		if (nlines++ == 0) {
			group = p;
			group_line = lineno;
		}
		nul |= memchr(p, '\0', n) != NULL;
		rawlen += n;
		size_t t = trimmed_len(p, n);
		bool more = t > 0 && p[t - 1] == '\\' && next < text + len;
		sb_add(&logical, p, more ? t - 1 : t);
		p = next;
		if (more)
			continue;
		bool ok = logical.failed ? false
		        : scan_line(s, logical.s ? logical.s : "", rawlen, group_line, nul, name, scratch);
		if (logical.failed)
			s->nomem = true;
		if (ok)
			sb_add(&s->clean, group, (size_t)(p - group));
		else
			for (int i = 0; i < nlines; i++)
				sb_putc(&s->clean, '\n');
		if (ok && (p == text + len) && len > 0 && text[len - 1] != '\n')
			sb_putc(&s->clean, '\n');
		sb_free(&logical);
		nlines = 0;
		rawlen = 0;
		nul = false;
	}
out:
	free(name);
	free(scratch);
	sb_free(&logical);
}

static int quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static bool write_all(int fd, const char *p, size_t left)
{
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		left -= (size_t)n;
	}
	return true;
}

/* iniparser on a copy of text in a memfd, seen through /proc. */
static dictionary *load_memfd(const strbuf *clean)
{
	int fd = memfd_create("quoth-ini", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	dictionary *d = NULL;
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	if (write_all(fd, clean->s ? clean->s : "", clean->len) && access(name, R_OK) == 0)
		d = iniparser_load(name);
	close(fd);
	return d;
}

/* iniparser on a copy of text in a temporary file, removed at once. */
static dictionary *load_tempfile(const strbuf *clean)
{
	const char *tmp = getenv("TMPDIR");
	char *name;
	if (asprintf(&name, "%s/quoth-ini-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp") < 0)
		return NULL;
	dictionary *d = NULL;
	int fd = mkstemp(name);
	if (fd >= 0) {
		if (write_all(fd, clean->s ? clean->s : "", clean->len))
			d = iniparser_load(name);
		close(fd);
		unlink(name);
	}
	free(name);
	return d;
}

/* Hands the cleaned text to iniparser, which reads only named files: a
 * memfd gives it one without touching the disk, else a temporary file.
 * A file that needed no cleaning iniparser may also read itself. */
static dictionary *parse(const char *path, const strbuf *clean, bool cleaned)
{
	iniparser_set_error_callback(quiet);
	dictionary *d = load_memfd(clean);
	if (!d && !cleaned)
		d = iniparser_load(path);
	if (!d)
		d = load_tempfile(clean);
	iniparser_set_error_callback(NULL);
	return d;
}

static int by_line(const void *a, const void *b)
{
	const struct ini_entry *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

/* Takes each entry's value from iniparser; entries it does not have are
 * dropped (they cannot occur unless the two readings disagree). */
static int fill_values(inifile *f, dictionary *d)
{
	size_t kept = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct ini_entry e = f->v[i];
		char *k;
		if (asprintf(&k, "%s:%s", e.section, e.key) < 0)
			return Q_ENOMEM;
		e.value = iniparser_getstring(d, k, NULL);
		free(k);
		if (e.value)
			f->v[kept++] = e;
	}
	f->n = kept;
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, by_line);
	return 0;
}

int inifile_read(inifile *f, const char *path, warnings *w)
{
	memset(f, 0, sizeof *f);
	char *text = NULL;
	size_t len = 0;
	int rc = read_all(path, &text, &len);
	if (rc)
		return rc;
	f->path = strdup(path);
	struct scan s = { .f = f, .w = w };
	sb_init(&s.clean);
	if (!f->path)
		s.nomem = true;
	else
		scan_text(&s, text, len);
	bool cleaned = s.clean.len != len || (len > 0 && memcmp(s.clean.s, text, len) != 0);
	free(text);
	if (s.nomem || s.clean.failed) {
		sb_free(&s.clean);
		inifile_free(f);
		return Q_ENOMEM;
	}
	dictionary *d = parse(path, &s.clean, cleaned);
	sb_free(&s.clean);
	if (!d) {
		/* iniparser refused even the cleaned text: say so, load nothing */
		warnings_add(w, path, 0, "could not be parsed: ignored");
		f->n = 0;
		return 0;
	}
	f->dict = d;
	rc = fill_values(f, d);
	if (rc)
		inifile_free(f);
	return rc;
}

void inifile_free(inifile *f)
{
	if (f->dict)
		iniparser_freedict(f->dict);
	for (size_t i = 0; i < f->nnames; i++)
		free(f->names[i]);
	free(f->names);
	free(f->v);
	free(f->sec);
	free(f->path);
	memset(f, 0, sizeof *f);
}

char *ini_next_item(char **cursor)
{
	char *item = *cursor;
	if (!item)
		return NULL;
	char *comma = strchr(item, ',');
	if (comma) {
		*comma = '\0';
		*cursor = comma + 1;
	} else {
		*cursor = NULL;
	}
	return strip(item);
}
