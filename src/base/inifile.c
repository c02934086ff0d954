/* Reading an ini file through iniparser, keeping the line of every entry. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <iniparser/iniparser.h>
#include "error.h"
#include "fsutil.h"
#include "grow.h"
#include "inifile.h"
#include "strbuf.h"

/* iniparser reads a line with fgets into 1024 bytes; a longer one makes it
 * drop the whole file. Stay clear of the edge. */
#define LINE_LIMIT 1000

static int read_all(const char *path, char **out, size_t *outlen)
{
	/* a FIFO is refused at once (Q_ENOTREG), not waited on for a writer */
	int fd = fs_open_regular(path, O_RDONLY);
	if (fd < 0)
		return fd;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return error_from_errno(e);
	}
	int rc = st.st_size > INIFILE_MAX_BYTES ? Q_ETOOBIG : 0;
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

/* iniparser 4 looks every key up with a linear search, so one dictionary
 * of n entries costs n squared to fill: it is given the entries in parts
 * of at most PART_ENTRIES, each a dictionary of its own, which keeps a
 * file of 100,000 lines linear. Only key lines go to it (each part starts
 * with the header of its section); sections, comments and refused lines
 * are known from the scan. */
#define PART_ENTRIES 256
#define PART_BYTES 32768   /* and at most this much text: half a pipe's buffer (load_pipe) */

/* The scan: state carried from line to line. */
struct scan {
	inifile *f;
	warnings *w;
	strbuf *parts;            /* the texts iniparser parses, one a dictionary */
	size_t nparts, parts_cap;
	size_t part_entries;      /* entries in the last part */
	const char *part_section; /* the section whose header the last part gave last */
	char *section;            /* current section, NULL before the first */
	bool skipping;            /* inside a section whose header was refused */
	size_t entries_cap, sec_cap, names_cap;
	uint32_t *sec_slots, *entry_slots;   /* hashes over f->sec and f->v: index + 1 */
	size_t nsec_slots, nentry_slots;
	bool nomem;
};

static uint64_t hash_name(const char *name, uint64_t seed)
{
	uint64_t h = 0xcbf29ce484222325ull ^ seed;   /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 0x100000001b3ull;
	return h;
}

/* The slot of (section, key) in the entries' hash: section is a pointer
 * into f->names, so comparing pointers is enough for it. */
static uint32_t *entry_slot(const struct scan *s, const char *section, const char *key)
{
	size_t mask = s->nentry_slots - 1;
	for (size_t i = hash_name(key, (uint64_t)(uintptr_t)section) & mask;; i = (i + 1) & mask) {
		uint32_t v = s->entry_slots[i];
		if (!v || (s->f->v[v - 1].section == section && !strcmp(s->f->v[v - 1].key, key)))
			return &s->entry_slots[i];
	}
}

static uint32_t *sec_slot(const struct scan *s, const char *name)
{
	size_t mask = s->nsec_slots - 1;
	for (size_t i = hash_name(name, 0) & mask;; i = (i + 1) & mask) {
		uint32_t v = s->sec_slots[i];
		if (!v || !strcmp(s->f->sec[v - 1].name, name))
			return &s->sec_slots[i];
	}
}

static uint32_t *entry_slot_of(const struct scan *s, size_t i)
{
	return entry_slot(s, s->f->v[i].section, s->f->v[i].key);
}

static uint32_t *sec_slot_of(const struct scan *s, size_t i)
{
	return sec_slot(s, s->f->sec[i].name);
}

/* Doubles the hash *slots of *nslots when n + 1 items would fill half of
 * it, then puts items 0..n-1 back (slot_of gives the slot of item i).
 * Returns false when out of memory. */
static bool rehash(struct scan *s, uint32_t **slots, size_t *nslots, size_t n,
                   uint32_t *(*slot_of)(const struct scan *, size_t))
{
	if ((n + 1) * 2 <= *nslots)
		return true;
	size_t m = *nslots ? *nslots * 2 : 64;
	uint32_t *v = calloc(m, sizeof *v);
	if (!v || n >= UINT32_MAX / 2) {
		free(v);
		return false;
	}
	free(*slots);
	*slots = v;
	*nslots = m;
	for (size_t i = 0; i < n; i++)
		*slot_of(s, i) = (uint32_t)i + 1;
	return true;
}

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
	if (!rehash(s, &s->sec_slots, &s->nsec_slots, f->nsec, sec_slot_of)
	    || GROW(f->sec, s->sec_cap, f->nsec + 1, 8)) {
		s->nomem = true;
		return;
	}
	uint32_t *slot = sec_slot(s, name);
	if (*slot) {
		s->section = (char *)f->sec[*slot - 1].name;
		return;
	}
	char *copy = keep_name(s, name);
	if (!copy) {
		s->nomem = true;
		return;
	}
	f->sec[f->nsec++] = (struct ini_section){ copy, line };
	*slot = (uint32_t)f->nsec;
	s->section = copy;
}

/* The part the next entry goes to: the last one, or a new one when it is
 * full (NULL when out of memory). */
static strbuf *part_for_entry(struct scan *s)
{
	if (s->nparts && s->part_entries < PART_ENTRIES && s->parts[s->nparts - 1].len < PART_BYTES)
		return &s->parts[s->nparts - 1];
	if (GROW(s->parts, s->parts_cap, s->nparts + 1, 8))
		return NULL;
	sb_init(&s->parts[s->nparts++]);
	s->part_entries = 0;
	s->part_section = NULL;
	return &s->parts[s->nparts - 1];
}

/* Records the key of the current section at line; the part its value will
 * be read from is the one its text goes to next (add_text). A key set
 * again keeps its first entry, moved to the later line and part. */
static void add_entry(struct scan *s, const char *key, int line)
{
	inifile *f = s->f;
	if (!rehash(s, &s->entry_slots, &s->nentry_slots, f->n, entry_slot_of) || !part_for_entry(s)) {
		s->nomem = true;
		return;
	}
	uint32_t *slot = entry_slot(s, s->section, key);
	if (*slot) {
		struct ini_entry *e = &f->v[*slot - 1];
		warnings_add(s->w, f->path, e->line, "'%s' is set again on line %d, which wins: this line is ignored",
		             key, line);
		e->line = line;
		e->part = s->nparts - 1;
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
	f->v[f->n++] = (struct ini_entry){ s->section, copy, NULL, line, s->nparts - 1 };
	*slot = (uint32_t)f->n;
}

/* The text of an entry's lines, into the part add_entry chose, after its
 * section's header when the part does not have it yet. */
static void add_text(struct scan *s, const char *text, size_t n, bool add_newline)
{
	strbuf *part = &s->parts[s->nparts - 1];
	if (s->part_section != s->section) {
		sb_printf(part, "[%s]\n", s->section);
		s->part_section = s->section;
	}
	sb_add(part, text, n);
	if (add_newline)
		sb_putc(part, '\n');
	s->part_entries++;
	if (part->failed)
		s->nomem = true;
}

/* Handles one logical line (physical lines joined by trailing backslashes).
 * Returns true for an entry whose text iniparser must read (add_text). */
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
		return false;
	case L_SECTION:
		s->skipping = false;
		add_section(s, name, line);
		return false;
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
		return !s->nomem;
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
			add_text(s, group, (size_t)(p - group), p == text + len && text[len - 1] != '\n');
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

/* iniparser on text through a pipe, seen through /proc: no file is
 * written, so a file-size limit (ulimit -f) cannot stop it. The text is
 * written whole before iniparser reads (a part fits a pipe's buffer; when
 * the buffer is smaller, the write fails at once and a memfd is used). */
static dictionary *load_pipe(const strbuf *text)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0)
		return NULL;
	dictionary *d = NULL;
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", p[0]);
	bool written = write_all(p[1], text->s ? text->s : "", text->len);
	close(p[1]);   /* iniparser then reads up to the end */
	if (written && access(name, R_OK) == 0)
		d = iniparser_load(name);
	close(p[0]);
	return d;
}

/* iniparser on a copy of text in a memfd, seen through /proc. */
static dictionary *load_memfd(const strbuf *text)
{
	int fd = memfd_create("quoth-ini", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	dictionary *d = NULL;
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	if (write_all(fd, text->s ? text->s : "", text->len) && access(name, R_OK) == 0)
		d = iniparser_load(name);
	close(fd);
	return d;
}

/* iniparser on a copy of text in a temporary file, removed at once. */
static dictionary *load_tempfile(const strbuf *text)
{
	const char *tmp = getenv("TMPDIR");
	char *name;
	if (asprintf(&name, "%s/quoth-ini-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp") < 0)
		return NULL;
	dictionary *d = NULL;
	int fd = mkstemp(name);
	if (fd >= 0) {
		if (write_all(fd, text->s ? text->s : "", text->len))
			d = iniparser_load(name);
		close(fd);
		unlink(name);
	}
	free(name);
	return d;
}

/* Hands each part to iniparser, which reads only named files: a pipe or
 * a memfd gives it one without touching the disk, else a temporary file. Returns
 * false when it refused one (f->dicts holds those it read). */
static bool parse_parts(inifile *f, const struct scan *s)
{
	f->dicts = calloc(s->nparts + 1, sizeof *f->dicts);
	if (!f->dicts)
		return false;
	iniparser_set_error_callback(quiet);
	bool ok = true;
	for (size_t i = 0; ok && i < s->nparts; i++) {
		dictionary *d = load_pipe(&s->parts[i]);
		if (!d)
			d = load_memfd(&s->parts[i]);
		if (!d)
			d = load_tempfile(&s->parts[i]);
		f->dicts[f->ndicts] = d;
		f->ndicts += d != NULL;
		ok = d != NULL;
	}
	iniparser_set_error_callback(NULL);
	return ok;
}

static int by_line(const void *a, const void *b)
{
	const struct ini_entry *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

/* Takes each entry's value from the dictionary of its part; entries it
 * does not have are dropped (they cannot occur unless the two readings
 * disagree). */
static int fill_values(inifile *f)
{
	size_t kept = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct ini_entry e = f->v[i];
		char *k;
		if (asprintf(&k, "%s:%s", e.section, e.key) < 0)
			return Q_ENOMEM;
		e.value = e.part < f->ndicts ? iniparser_getstring(f->dicts[e.part], k, NULL) : NULL;
		free(k);
		if (e.value)
			f->v[kept++] = e;
	}
	f->n = kept;
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, by_line);
	return 0;
}

static void scan_free(struct scan *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		sb_free(&s->parts[i]);
	free(s->parts);
	free(s->sec_slots);
	free(s->entry_slots);
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
	if (!f->path)
		s.nomem = true;
	else
		scan_text(&s, text, len);
	free(text);
	if (s.nomem) {
		scan_free(&s);
		inifile_free(f);
		return Q_ENOMEM;
	}
	bool parsed = parse_parts(f, &s);
	scan_free(&s);
	if (!f->dicts) {
		inifile_free(f);
		return Q_ENOMEM;
	}
	if (!parsed) {
		/* iniparser refused even the cleaned text: say so, load nothing */
		warnings_add(w, path, 0, "could not be parsed: ignored");
		f->n = 0;
		return 0;
	}
	rc = fill_values(f);
	if (rc)
		inifile_free(f);
	return rc;
}

void inifile_free(inifile *f)
{
	for (size_t i = 0; i < f->ndicts; i++)
		iniparser_freedict(f->dicts[i]);
	free(f->dicts);
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
