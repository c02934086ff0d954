/* The tag store: an in-memory table of tagged quotes, and the journal on
 * disk it is replayed from. See tags.h for the guarantees and the format.
 *
 * The one invariant everything rests on: the table is always
 * replay(journal up to `offset`) followed by replay(pending). Every journal
 * record assigns a value (a tag is on, a tag is off, the quote's text is
 * this), so replaying a record twice changes nothing; that is what lets a
 * process apply the records others appended after its own unsaved ones and
 * then apply its own again, and retry a write that may have half happened.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "error.h"
#include "fsutil.h"
#include "grow.h"
#include "strbuf.h"
#include "tag_table.h"
#include "tags.h"
#include "text.h"
#include "xdg.h"

#define FORMAT_VERSION 1
#define LOCK_TIMEOUT_MS 3000
#define WARN_LINES_MAX 3        /* line-level warnings spelled out per read; the rest are counted */
#define HEADER "# quoth tag journal, format 1 (see tags.h in the quoth sources); one change a line\n"

struct tags_store {
	char *dir, *journal, *lockpath;
	tag_table st;
	char **names;           /* interned tag names: entries point into these until close */
	size_t nnames, namecap;
	strbuf pending;         /* records applied in memory, not yet on disk */
	size_t npending;
	int lockfd;
	bool have_file;         /* dev, ino, offset describe the journal last read */
	int jfd;                /* that file, held open so that its inode number cannot be reused */
	dev_t dev;
	ino_t ino;
	off_t offset;           /* end of the last complete line read */
	size_t lineno;          /* lines read from the current journal file */
	bool dirty;             /* this store wrote to the journal */
	strbuf warn;
	size_t nbad, nnewer;    /* per read: skipped lines, for the warning summary */
};

/* ---- tag names ---- */

bool tags_name_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > TAGS_NAME_MAX || !text_is_safe(name, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (name[i] == ' ' || name[i] == '\t' || name[i] == '\n' || name[i] == ',')
			return false;
	/* Non-ASCII white space (NBSP, ideographic space) would look like a space in a list. */
	static const char *const spaces[] = { "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003",
		"\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000" };
	for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++)
		if (strstr(name, spaces[i]))
			return false;
	return true;
}

/* The one copy of tag name[0..n) in *out. Returns 0, Q_EUSAGE (not a valid
 * name) or Q_ENOMEM. */
static int intern(tags_store *s, const char *name, size_t n, const char **out)
{
	/* a journal field may hold NUL bytes: "claim\0x" is no name, and must not
	 * match "claim" (strncmp would stop at the NUL, then read past "claim") */
	if (memchr(name, '\0', n))
		return Q_EUSAGE;
	for (size_t i = 0; i < s->nnames; i++) {
		if (!strncmp(s->names[i], name, n) && s->names[i][n] == '\0') {
			*out = s->names[i];
			return 0;
		}
	}
	char *c = strndup(name, n);
	if (!c)
		return Q_ENOMEM;
	if (strlen(c) != n || !tags_name_valid(c)) {
		free(c);
		return Q_EUSAGE;
	}
	if (GROW(s->names, s->namecap, s->nnames + 1, 16)) {
		free(c);
		return Q_ENOMEM;
	}
	*out = s->names[s->nnames++] = c;
	return 0;
}

/* ---- warnings ---- */

static void warnf(tags_store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(tags_store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) >= 0) {
		sb_printf(&s->warn, "%s: %s\n", s->journal, msg);
		free(msg);
	}
	va_end(ap);
}

static char *take_warnings(tags_store *s)
{
	if (!s->warn.len)
		return NULL;
	if (s->warn.s[s->warn.len - 1] == '\n')
		s->warn.s[--s->warn.len] = '\0';
	return sb_take(&s->warn);
}

/* ---- records ---- */

static void put_escaped(strbuf *b, const char *s)
{
	size_t run = 0, i = 0;
	for (; s[i]; i++) {
		const char *esc = s[i] == '\\' ? "\\\\" : s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n"
		                : s[i] == '\r' ? "\\r" : NULL;
		if (!esc)
			continue;
		sb_add(b, s + run, i - run);
		sb_puts(b, esc);
		run = i + 1;
	}
	sb_add(b, s + run, i - run);
}

/* Undoes put_escaped in place; returns the new length. */
static size_t unescape(char *s, size_t n)
{
	if (!memchr(s, '\\', n))
		return n;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[i + 1];
			char r = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == '\\' ? '\\' : 0;
			if (r) {
				s[o++] = r;
				i++;
				continue;
			}
		}
		s[o++] = s[i];
	}
	return o;
}

static void put_key(strbuf *b, char type, uint64_t art, uint64_t quote, int64_t when)
{
	sb_printf(b, "%d\t%c\t%016llx\t%016llx\t%lld\t", FORMAT_VERSION, type, (unsigned long long)art,
	          (unsigned long long)quote, (long long)when);
}

static void put_meta_record(strbuf *b, const tag_entry *e, int64_t when)
{
	put_key(b, 'q', e->art, e->quote, when);
	put_escaped(b, e->text);
	sb_putc(b, '\t');
	put_escaped(b, e->speaker);
	sb_putc(b, '\t');
	put_escaped(b, e->title);
	sb_putc(b, '\t');
	put_escaped(b, e->path);
	sb_putc(b, '\n');
}

static void put_tag_record(strbuf *b, bool on, uint64_t art, uint64_t quote, int64_t when, const char *tag)
{
	put_key(b, on ? '+' : '-', art, quote, when);
	sb_puts(b, tag);
	sb_putc(b, '\n');
}

static bool parse_hex64(const char *s, size_t n, uint64_t *out)
{
	if (n != 16)
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < 16; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
		if (d > 15)
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

static bool parse_int64(const char *s, size_t n, int64_t *out)
{
	bool neg = n > 0 && s[0] == '-';
	size_t i = neg;
	if (i >= n || n - i > 18)
		return false;
	int64_t v = 0;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

enum rec { REC_OK, REC_NEWER, REC_BAD, REC_NOMEM };

#define MAXFIELDS 9

/* Applies one line (without its '\n'; modified in place) to the table. */
static enum rec apply_line(tags_store *s, tag_table *st, char *line, size_t n)
{
	char *f[MAXFIELDS];
	size_t len[MAXFIELDS], nf = 0;
	for (char *p = line, *end = line + n; nf < MAXFIELDS;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		f[nf] = p;
		len[nf++] = (size_t)((tab ? tab : end) - p);
		if (!tab)
			break;
		p = tab + 1;
	}
	int64_t version;
	if (!parse_int64(f[0], len[0], &version) || version < 1)
		return REC_BAD;
	if (version != FORMAT_VERSION)
		return REC_NEWER;
	if (nf < 2 || len[1] != 1)
		return REC_BAD;
	char type = f[1][0];
	if (type != 'q' && type != '+' && type != '-')
		return REC_NEWER;
	uint64_t art, quote;
	int64_t when;
	if (nf < (type == 'q' ? 9u : 6u) || !parse_hex64(f[2], len[2], &art) || !parse_hex64(f[3], len[3], &quote)
	    || !parse_int64(f[4], len[4], &when))
		return REC_BAD;
	if (type == 'q') {
		tag_ent *e = tag_table_add(st, art, quote);
		if (!e)
			return REC_NOMEM;
		const char **field[] = { &e->pub.text, &e->pub.speaker, &e->pub.title, &e->pub.path };
		for (int i = 0; i < 4; i++)
			if (tag_field_set(field[i], f[5 + i], unescape(f[5 + i], len[5 + i])))
				return REC_NOMEM;
		return REC_OK;
	}
	const char *name;
	int rc = intern(s, f[5], len[5], &name);
	if (rc)
		return rc == Q_ENOMEM ? REC_NOMEM : REC_BAD;
	if (type == '+') {
		tag_ent *e = tag_table_add(st, art, quote);
		if (!e || tag_ent_on(st, e, name))
			return REC_NOMEM;
		e->pub.time = when;
	} else {
		tag_ent *e = tag_table_find(st, art, quote);
		if (e) {
			tag_ent_off(st, e, name);
			e->pub.time = when;
		}
	}
	return REC_OK;
}

/* Replays the complete lines of buf[0..n) (modified in place) into st;
 * returns how many bytes they take (the rest is a line without its '\n').
 * With warn, skipped lines are counted and the first ones reported. */
static size_t replay(tags_store *s, tag_table *st, char *buf, size_t n, bool warn, int *rc)
{
	size_t pos = 0;
	*rc = 0;
	while (pos < n) {
		char *nl = memchr(buf + pos, '\n', n - pos);
		if (!nl)
			break;
		size_t len = (size_t)(nl - (buf + pos));
		char *line = buf + pos;
		size_t next = pos + len + 1;
		if (warn)
			s->lineno++;
		if (len && line[len - 1] == '\r')
			len--;   /* edited with a Windows editor */
		if (len && line[0] != '#') {
			enum rec r = apply_line(s, st, line, len);
			if (r == REC_NOMEM) {
				*rc = Q_ENOMEM;
				return pos;
			}
			/* apply_line tells REC_NEWER before it changes the line. */
			if (r == REC_NEWER) {
				sb_add(&st->keep, line, len);
				sb_putc(&st->keep, '\n');
			}
			if (warn && r == REC_BAD && s->nbad++ < WARN_LINES_MAX)
				warnf(s, "line %zu is malformed; ignored", s->lineno);
			if (warn && r == REC_NEWER && s->nnewer++ < WARN_LINES_MAX)
				warnf(s, "line %zu is from a newer quoth (unknown version or record); kept but not read",
				      s->lineno);
		}
		pos = next;
	}
	if (st->keep.failed)
		*rc = Q_ENOMEM;
	return pos;
}

static void summarize_warnings(tags_store *s)
{
	if (s->nbad > WARN_LINES_MAX)
		warnf(s, "%zu more malformed lines ignored", s->nbad - WARN_LINES_MAX);
	if (s->nnewer > WARN_LINES_MAX)
		warnf(s, "%zu more lines from a newer quoth kept but not read", s->nnewer - WARN_LINES_MAX);
	s->nbad = s->nnewer = 0;
}

/* Applies the pending records again (after records read from disk). */
static int reapply_pending(tags_store *s)
{
	if (!s->pending.len)
		return 0;
	char *copy = malloc(s->pending.len);
	if (!copy)
		return Q_ENOMEM;
	memcpy(copy, s->pending.s, s->pending.len);
	int rc;
	replay(s, &s->st, copy, s->pending.len, false, &rc);
	free(copy);
	return rc;
}

/* ---- reading the journal ---- */

static int pread_all(int fd, off_t from, off_t to, char **out, size_t *n)
{
	size_t len = (size_t)(to - from);
	char *buf = malloc(len + 1);
	if (!buf)
		return Q_ENOMEM;
	size_t got = 0;
	while (got < len) {
		ssize_t r = pread(fd, buf + got, len - got, from + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int rc = r < 0 ? error_from_errno(errno) : Q_EIO;
			free(buf);
			return rc;
		}
		got += (size_t)r;
	}
	buf[len] = '\0';
	*out = buf;
	*n = len;
	return 0;
}

/* Carries the orphaned marks of the old table into the new one. */
static void carry_orphans(const tag_table *from, tag_table *to)
{
	for (size_t i = 0; i < from->n; i++) {
		if (!from->ents[i].pub.orphaned)
			continue;
		tag_ent *e = tag_table_find(to, from->ents[i].pub.art, from->ents[i].pub.quote);
		if (e)
			e->pub.orphaned = true;
	}
}

/* Records fd as the journal file read, keeping it open: while it is open
 * no other file can get its inode number, so comparing the numbers tells
 * reliably whether another process replaced the journal. */
static void remember_file(tags_store *s, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return;
	int keep = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (s->jfd >= 0)
		close(s->jfd);
	s->jfd = keep;   /* -1 when out of descriptors: the comparison is then only very likely right */
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->have_file = true;
}

/* Reads the whole journal (fd, of stat st) into a fresh table. */
static int read_whole(tags_store *s, int fd, const struct stat *st, tag_table *out, size_t *used, bool warn)
{
	char *buf;
	size_t n;
	int rc = pread_all(fd, 0, st->st_size, &buf, &n);
	if (rc)
		return rc;
	memset(out, 0, sizeof *out);
	if (warn)
		s->lineno = 0;
	*used = replay(s, out, buf, n, warn, &rc);
	free(buf);
	if (rc)
		tag_table_free(out);
	return rc;
}

/* Brings the table up to date with the journal open on fd: the records
 * other processes appended since we last looked, or, when the file was
 * replaced (compacted by another process) or shrank, all of it. A line cut
 * short at the end is cut off the file when may_truncate (we hold the
 * exclusive lock), else reported. */
static int catch_up(tags_store *s, int fd, bool may_truncate)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return error_from_errno(errno);
	int rc = 0;
	bool same = s->have_file && st.st_dev == s->dev && st.st_ino == s->ino && st.st_size >= s->offset;
	if (!same) {
		tag_table fresh;
		size_t used;
		rc = read_whole(s, fd, &st, &fresh, &used, true);
		if (rc)
			return rc;
		carry_orphans(&s->st, &fresh);
		tag_table_free(&s->st);
		s->st = fresh;
		remember_file(s, fd);
		s->offset = (off_t)used;
		rc = reapply_pending(s);
	} else if (st.st_size > s->offset) {
		char *buf;
		size_t n;
		rc = pread_all(fd, s->offset, st.st_size, &buf, &n);
		if (rc)
			return rc;
		size_t used = replay(s, &s->st, buf, n, true, &rc);
		free(buf);
		s->offset += (off_t)used;
		if (!rc)
			rc = reapply_pending(s);
	}
	summarize_warnings(s);
	if (!rc && st.st_size > s->offset) {
		if (may_truncate && ftruncate(fd, s->offset) == 0)
			return 0;
		warnf(s, "the last line was cut short (a crash while saving?); ignored");
	}
	return rc;
}

/* ---- writing ---- */

static int open_lock(tags_store *s)
{
	struct stat st;
	if (s->lockfd >= 0 && stat(s->lockpath, &st) == 0)
		return 0;
	/* First write, or the folder was removed while we ran: make it again. */
	if (s->lockfd >= 0)
		close(s->lockfd);
	s->lockfd = -1;
	int rc = xdg_mkdirs(s->dir);
	if (rc)
		return rc;
	s->lockfd = open(s->lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	return s->lockfd < 0 ? error_from_errno(errno) : 0;
}

/* Opens the journal for appending, creating it (mode 0600) when missing. */
static int open_journal(tags_store *s, int *fd, bool *created)
{
	*created = false;
	*fd = open(s->journal, O_RDWR | O_APPEND | O_CLOEXEC);
	if (*fd < 0 && errno == ENOENT) {
		*fd = open(s->journal, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		*created = *fd >= 0;
	}
	return *fd < 0 ? error_from_errno(errno) : 0;
}

/* Under the exclusive lock: catch up, append the pending records, fsync. */
static int append_locked(tags_store *s, int fd, bool created)
{
	int rc = catch_up(s, fd, true);
	if (rc || !s->pending.len)
		return rc;
	off_t before = s->offset;
	strbuf out;
	sb_init(&out);
	if (before == 0)
		sb_puts(&out, HEADER);
	sb_add(&out, s->pending.s, s->pending.len);
	if (out.failed) {
		sb_free(&out);
		return Q_ENOMEM;
	}
	rc = fs_write_all(fd, out.s, out.len);
	if (rc) {
		/* Take back a partial line so the next append starts on a line of its own. */
		if (ftruncate(fd, before) != 0) {
			/* Then the next catch_up finds the piece and cuts it off. */
		}
		sb_free(&out);
		return rc;
	}
	s->offset = before + (off_t)out.len;
	sb_free(&out);
	/* If fsync fails the records stay pending and are written again: harmless. */
	if (fsync(fd) != 0)
		return error_from_errno(errno);
	if (created && (rc = fs_sync_parent(s->journal)))
		return rc;
	s->pending.len = 0;
	if (s->pending.s)
		s->pending.s[0] = '\0';
	s->npending = 0;
	s->dirty = true;
	return 0;
}

/* Runs fn with the journal open and the exclusive lock held. */
static int with_journal_locked(tags_store *s, int (*fn)(tags_store *, int, bool))
{
	int rc = open_lock(s);
	if (rc)
		return rc;
	rc = fs_lock(s->lockfd, LOCK_EX, LOCK_TIMEOUT_MS);
	if (rc)
		return rc;
	int fd;
	bool created;
	rc = open_journal(s, &fd, &created);
	if (!rc) {
		rc = fn(s, fd, created);
		close(fd);
	}
	flock(s->lockfd, LOCK_UN);
	return rc;
}

int tags_flush(tags_store *s)
{
	if (!s->pending.len)
		return 0;
	return with_journal_locked(s, append_locked);
}

/* Applies records built by a change to the table and queues them. */
static int commit(tags_store *s, strbuf *rec, size_t nrec)
{
	if (rec->failed) {
		sb_free(rec);
		return Q_ENOMEM;
	}
	if (rec->len) {
		int rc;
		size_t at = s->pending.len;
		sb_add(&s->pending, rec->s, rec->len);
		if (s->pending.failed) {
			sb_free(rec);
			return Q_ENOMEM;
		}
		s->npending += nrec;
		replay(s, &s->st, rec->s, rec->len, false, &rc);
		if (rc) {
			s->pending.len = at;
			sb_free(rec);
			return rc;
		}
	}
	sb_free(rec);
	return tags_flush(s);
}

/* ---- public ---- */

static char *absolute_path(const char *p)
{
	if (!p || !*p || !strcmp(p, "-"))
		return strdup("");
	char *r = realpath(p, NULL);
	if (r || *p == '/')
		return r ? r : strdup(p);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return strdup(p);
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "%s/%s", cwd, p);
	return sb_take(&b);
}

/* Appends a q record when meta says something e does not. */
static int put_meta_if_new(strbuf *rec, size_t *nrec, const tag_ent *e, uint64_t art, uint64_t quote,
                           const tag_meta *meta, int64_t now)
{
	if (!meta)
		return 0;
	char *path = meta->path ? absolute_path(meta->path) : NULL;
	if (meta->path && !path)
		return Q_ENOMEM;
	const char *none = tag_table_empty;
	tag_entry m = e ? e->pub : (tag_entry){ .art = art, .quote = quote, .text = none, .speaker = none,
	                                        .title = none, .path = none };
	bool differs = !e;
	const char **field[] = { &m.text, &m.speaker, &m.title, &m.path };
	const char *given[] = { meta->text, meta->speaker, meta->title, path && *path ? path : NULL };
	for (int i = 0; i < 4; i++) {
		if (given[i] && strcmp(given[i], *field[i])) {
			*field[i] = given[i];
			differs = true;
		}
	}
	if (differs) {
		put_meta_record(rec, &m, now);
		++*nrec;
	}
	free(path);
	return 0;
}

int tags_set(tags_store *s, uint64_t art, uint64_t quote, const char *tag, bool on, const tag_meta *meta)
{
	if (!tags_name_valid(tag))
		return Q_EUSAGE;
	const char *name;
	int rc = intern(s, tag, strlen(tag), &name);
	if (rc)
		return rc;
	tag_ent *e = tag_table_find(&s->st, art, quote);
	int64_t now = (int64_t)time(NULL);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0;
	if (on || e) {
		rc = put_meta_if_new(&rec, &nrec, e, art, quote, meta, now);
		if (rc)
			return rc;
	}
	if ((e && tag_ent_has(e, name)) != on) {
		put_tag_record(&rec, on, art, quote, now, name);
		nrec++;
	}
	return commit(s, &rec, nrec);
}

int tags_toggle(tags_store *s, uint64_t art, uint64_t quote, const char *tag, const tag_meta *meta, bool *now_on)
{
	bool on = !tags_has(s, art, quote, tag);
	int rc = tags_set(s, art, quote, tag, on, meta);
	if (now_on)
		*now_on = tags_has(s, art, quote, tag);
	return rc;
}

int tags_clear(tags_store *s, uint64_t art, uint64_t quote)
{
	tag_ent *e = tag_table_find(&s->st, art, quote);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0;
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; e && i < e->pub.ntags; i++, nrec++)
		put_tag_record(&rec, false, art, quote, now, e->pub.tags[i]);
	return commit(s, &rec, nrec);
}

const tag_entry *tags_get(const tags_store *s, uint64_t art, uint64_t quote)
{
	tag_ent *e = tag_table_find(&s->st, art, quote);
	return e ? &e->pub : NULL;
}

bool tags_has(const tags_store *s, uint64_t art, uint64_t quote, const char *tag)
{
	const tag_ent *e = tag_table_find(&s->st, art, quote);
	for (size_t i = 0; e && tag && i < e->pub.ntags; i++)
		if (!strcmp(e->pub.tags[i], tag))
			return true;
	return false;
}

size_t tags_count_article(const tags_store *s, uint64_t art)
{
	return tag_table_article_count(&s->st, art);
}

size_t tags_pending(const tags_store *s)
{
	return s->npending;
}

const char *tags_journal_path(const tags_store *s)
{
	return s->journal;
}

static bool has_any_tag(const tag_entry *e, const char *const *tags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < e->ntags; k++)
			if (!strcmp(e->tags[k], tags[i]))
				return true;
	return false;
}

static bool in_place(const tag_entry *e, const tags_filter *f, char **paths)
{
	if (!f->narts && !f->npaths)
		return true;
	for (size_t i = 0; i < f->narts; i++)
		if (e->art == f->arts[i])
			return true;
	for (size_t i = 0; i < f->npaths; i++)
		if (*e->path && !strcmp(e->path, paths[i]))
			return true;
	return false;
}

static int by_title_art_seq(const void *a, const void *b)
{
	const tag_entry *x = *(const tag_entry *const *)a, *y = *(const tag_entry *const *)b;
	int c = strcmp(x->title, y->title);
	if (c)
		return c;
	if (x->art != y->art)
		return x->art < y->art ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int tags_query(const tags_store *s, const tags_filter *f, const tag_entry ***out, size_t *n)
{
	static const tags_filter all;
	if (!f)
		f = &all;
	char **paths = f->npaths ? calloc(f->npaths, sizeof *paths) : NULL;
	const tag_entry **v = malloc((s->st.n ? s->st.n : 1) * sizeof *v);
	int rc = !v || (f->npaths && !paths) ? Q_ENOMEM : 0;
	for (size_t i = 0; !rc && i < f->npaths; i++)
		if (!(paths[i] = absolute_path(f->paths[i])))
			rc = Q_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; !rc && i < s->st.n; i++) {
		const tag_entry *e = &s->st.ents[i].pub;
		if (!e->ntags || (f->ntags && !has_any_tag(e, f->tags, f->ntags)) || !in_place(e, f, paths)
		    || (f->orphans > 0 && !e->orphaned) || (f->orphans < 0 && e->orphaned))
			continue;
		v[k++] = e;
	}
	for (size_t i = 0; paths && i < f->npaths; i++)
		free(paths[i]);
	free(paths);
	if (rc) {
		free(v);
		return rc;
	}
	qsort(v, k, sizeof *v, by_title_art_seq);
	*out = v;
	*n = k;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int tags_names(const tags_store *s, const char ***names, size_t **counts, size_t *n)
{
	size_t *uses = calloc(s->nnames + 1, sizeof *uses);
	const char **v = malloc((s->nnames + 1) * sizeof *v);
	if (!uses || !v) {
		free(uses);
		free(v);
		return Q_ENOMEM;
	}
	for (size_t i = 0; i < s->st.n; i++) {
		const tag_entry *e = &s->st.ents[i].pub;
		for (size_t t = 0; t < e->ntags; t++)
			for (size_t k = 0; k < s->nnames; k++)
				if (e->tags[t] == s->names[k])
					uses[k]++;
	}
	size_t m = 0;
	for (size_t k = 0; k < s->nnames; k++)
		if (uses[k])
			v[m++] = s->names[k];
	qsort(v, m, sizeof *v, by_name);
	if (counts) {
		size_t *c = malloc((m + 1) * sizeof *c);
		if (!c) {
			free(uses);
			free(v);
			return Q_ENOMEM;
		}
		for (size_t i = 0; i < m; i++)
			for (size_t k = 0; k < s->nnames; k++)
				if (v[i] == s->names[k])
					c[i] = uses[k];
		*counts = c;
	}
	free(uses);
	*names = v;
	*n = m;
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int tags_reconcile(tags_store *s, uint64_t art, const char *path, const uint64_t *quotes, size_t n,
                   size_t *norphans)
{
	char *where = absolute_path(path);
	uint64_t *ids = malloc((n ? n : 1) * sizeof *ids);
	if (!where || !ids) {
		free(where);
		free(ids);
		return Q_ENOMEM;
	}
	if (n)
		memcpy(ids, quotes, n * sizeof *ids);
	qsort(ids, n, sizeof *ids, cmp_u64);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0, orphans = 0;
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; i < s->st.n; i++) {
		tag_entry *e = &s->st.ents[i].pub;
		bool here = e->art == art, moved = !here && *where && !strcmp(e->path, where);
		if (!e->ntags || (!here && !moved))
			continue;
		bool present = bsearch(&e->quote, ids, n, sizeof *ids, cmp_u64) != NULL;
		if (moved && present) {
			/* The file was edited and the quote is still in it: its tags follow it. */
			tag_entry m = *e;
			m.art = art;
			put_meta_record(&rec, &m, now);
			for (size_t t = 0; t < e->ntags; t++) {
				put_tag_record(&rec, true, art, e->quote, e->time, e->tags[t]);
				put_tag_record(&rec, false, e->art, e->quote, now, e->tags[t]);
			}
			nrec += 1 + 2 * e->ntags;
			continue;
		}
		e->orphaned = !present;
		orphans += !present;
	}
	free(ids);
	free(where);
	if (norphans)
		*norphans = orphans;
	return commit(s, &rec, nrec);
}

static int sync_locked(tags_store *s, int fd)
{
	return catch_up(s, fd, false);
}

int tags_sync(tags_store *s, char **warnings)
{
	if (warnings)
		*warnings = NULL;
	int fd = open(s->journal, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : error_from_errno(errno);
	bool locked = (s->lockfd >= 0 || (s->lockfd = open(s->lockpath, O_RDONLY | O_CLOEXEC)) >= 0)
	              && fs_lock(s->lockfd, LOCK_SH, LOCK_TIMEOUT_MS) == 0;
	int rc = sync_locked(s, fd);
	if (locked)
		flock(s->lockfd, LOCK_UN);
	close(fd);
	char *w = take_warnings(s);
	if (warnings)
		*warnings = w;
	else
		free(w);
	return rc;
}

/* The journal holding only what is live: quotes with tags, and the lines of
 * a newer format. */
static int serialize(const tag_table *st, strbuf *out)
{
	sb_puts(out, HEADER);
	for (size_t i = 0; i < st->n; i++) {
		const tag_entry *e = &st->ents[i].pub;
		if (!e->ntags)
			continue;
		if (*e->text || *e->speaker || *e->title || *e->path)
			put_meta_record(out, e, e->time);
		for (size_t t = 0; t < e->ntags; t++)
			put_tag_record(out, true, e->art, e->quote, e->time, e->tags[t]);
	}
	sb_add(out, st->keep.s ? st->keep.s : "", st->keep.len);
	return out->failed ? Q_ENOMEM : 0;
}

/* Temporary files of a compaction that crashed (we hold the lock: no
 * compaction is running). */
static void remove_stale_temps(tags_store *s)
{
	DIR *d = opendir(s->dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));)
		if (!strncmp(e->d_name, "tags.journal.tmp.", 17))
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
}

static int compact_locked(tags_store *s, int fd, bool created)
{
	int rc = append_locked(s, fd, created);
	if (rc)
		return rc;
	/* Read the journal again, as it is on disk now, so nothing another
	 * process appended can be lost even if our table were wrong. */
	struct stat st;
	if (fstat(fd, &st) != 0)
		return error_from_errno(errno);
	tag_table fresh;
	size_t used;
	rc = read_whole(s, fd, &st, &fresh, &used, false);
	if (rc)
		return rc;
	strbuf out;
	sb_init(&out);
	rc = serialize(&fresh, &out);
	if (!rc && out.len < used) {
		remove_stale_temps(s);
		rc = fs_replace(s->journal, out.s, out.len, 0600);
	}
	sb_free(&out);
	int now = rc ? -1 : open(s->journal, O_RDONLY | O_CLOEXEC);
	struct stat nst;
	if (now >= 0 && fstat(now, &nst) == 0) {
		carry_orphans(&s->st, &fresh);
		tag_table_free(&s->st);
		s->st = fresh;
		remember_file(s, now);
		s->offset = nst.st_size;
	} else {
		tag_table_free(&fresh);
	}
	if (now >= 0)
		close(now);
	return rc;
}

int tags_compact(tags_store *s)
{
	return with_journal_locked(s, compact_locked);
}

static void store_free(tags_store *s)
{
	tag_table_free(&s->st);
	for (size_t i = 0; i < s->nnames; i++)
		free(s->names[i]);
	free(s->names);
	sb_free(&s->pending);
	sb_free(&s->warn);
	if (s->lockfd >= 0)
		close(s->lockfd);
	if (s->jfd >= 0)
		close(s->jfd);
	free(s->dir);
	free(s->journal);
	free(s->lockpath);
	free(s);
}

int tags_close(tags_store *s)
{
	if (!s)
		return 0;
	int rc = 0;
	if (s->dirty || s->pending.len) {
		rc = tags_compact(s);
		/* A failed rewrite leaves the journal whole: only unsaved records are a loss. */
		if (rc && !s->pending.len)
			rc = 0;
	}
	store_free(s);
	return rc;
}

static int read_at_open(tags_store *s)
{
	int fd = open(s->journal, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : error_from_errno(errno);
	s->lockfd = open(s->lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (s->lockfd < 0)
		s->lockfd = open(s->lockpath, O_RDONLY | O_CLOEXEC);
	/* Without the lock (it cannot be had) we read anyway: at worst an append
	 * in progress looks like a torn line. */
	bool locked = s->lockfd >= 0 && fs_lock(s->lockfd, LOCK_SH, LOCK_TIMEOUT_MS) == 0;
	int rc = catch_up(s, fd, false);
	if (locked)
		flock(s->lockfd, LOCK_UN);
	close(fd);
	return rc;
}

int tags_open(const char *dir, tags_store **out, char **warnings)
{
	if (warnings)
		*warnings = NULL;
	tags_store *s = calloc(1, sizeof *s);
	if (!s)
		return Q_ENOMEM;
	s->lockfd = -1;
	s->jfd = -1;
	int rc = dir ? ((s->dir = strdup(dir)) ? 0 : Q_ENOMEM) : xdg_quoth_dir(XDG_DATA, &s->dir);
	if (!rc) {
		s->journal = malloc(strlen(s->dir) + sizeof "/tags.journal");
		s->lockpath = malloc(strlen(s->dir) + sizeof "/tags.lock");
		if (s->journal && s->lockpath) {
			sprintf(s->journal, "%s/tags.journal", s->dir);
			sprintf(s->lockpath, "%s/tags.lock", s->dir);
		} else {
			rc = Q_ENOMEM;
		}
	}
	if (!rc)
		rc = read_at_open(s);
	if (rc) {
		store_free(s);
		return rc;
	}
	char *w = take_warnings(s);
	if (warnings)
		*warnings = w;
	else
		free(w);
	*out = s;
	return 0;
}
