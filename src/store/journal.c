/* The tag journal on disk: its format, reading it, appending to it under
 * the lock, and compacting it. See tags.h for the format and the
 * guarantees.
 *
 * The one invariant everything rests on: the table is always
 * replay(journal up to `offset`) followed by replay(pending). Every journal
 * record assigns a value (a tag is on, a tag is off, the quote's text is
 * this), so replaying a record twice changes nothing; that is what lets a
 * process apply the records others appended after its own unsaved ones and
 * then apply its own again, and retry a write that may have half happened.
 *
 * Nothing is ever written to a file that did not read as a journal: the
 * check is made on every whole read (journal_kind), before any append,
 * truncation or compaction. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
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
#include "tags_store.h"
#include "xdg.h"

#define FORMAT_VERSION 1
#define STR_(x) #x
#define STR(x) STR_(x)
#define MAGIC "# quoth tag journal, format "
#define HEADER MAGIC STR(FORMAT_VERSION) " (see tags.h in the quoth sources); one change a line\n"

/* Waiting for the lock: a holder that shows no sign of work (its beat on
 * the lock file, the journal changing) for LOCK_QUIET_MS is taken as
 * stuck; one at work (compacting a 100 MB journal) is waited for. */
#define LOCK_QUIET_MS 3000
#define LOCK_POLL_MS 50
#define BEAT_MS 200
#define BEAT_EVERY 4096         /* records between two looks at the clock */
#define WARN_LINES_MAX 3        /* line-level warnings spelled out per read; the rest are counted */

int journal_fail(tags_store *s, const char *path, int rc)
{
	char *c;
	if (rc && rc != Q_ENOMEM && (c = strdup(path))) {
		free(s->errfile);
		s->errfile = c;
	}
	return rc;
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

char *journal_take_warnings(tags_store *s)
{
	if (!s->warn.len)
		return NULL;
	if (s->warn.s[s->warn.len - 1] == '\n')
		s->warn.s[--s->warn.len] = '\0';
	return sb_take(&s->warn);
}

static void summarize_warnings(tags_store *s)
{
	if (s->nbad > WARN_LINES_MAX)
		warnf(s, "%zu more malformed lines ignored", s->nbad - WARN_LINES_MAX);
	if (s->nnewer > WARN_LINES_MAX)
		warnf(s, "%zu more lines from a newer quoth kept but not read", s->nnewer - WARN_LINES_MAX);
	s->nbad = s->nnewer = 0;
}

/* ---- the lock, and the beat of its holder ---- */

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* While holding the lock: touches the lock file now and then, which tells
 * the processes waiting for it that this one is at work, not stuck. */
static void beat(tags_store *s)
{
	if (!s->holding)
		return;
	int64_t now = now_ms();
	if (now - s->beat_ms < BEAT_MS)
		return;
	s->beat_ms = now;
	futimens(s->lockfd, NULL);   /* at worst the waiters give up sooner */
}

static void beat_cb(void *s)
{
	beat(s);
}

/* What a waiter watches for signs of life: the holder's beat, and the
 * journal changing (older quoths do not beat, but append and rename). */
struct signs {
	struct timespec lock_mtime, journal_mtime;
	off_t journal_size;
	ino_t journal_ino;
};

static struct signs signs_now(const tags_store *s)
{
	struct signs g;
	memset(&g, 0, sizeof g);
	struct stat st;
	if (stat(s->lockpath, &st) == 0)
		g.lock_mtime = st.st_mtim;
	if (stat(s->journal, &st) == 0) {
		g.journal_mtime = st.st_mtim;
		g.journal_size = st.st_size;
		g.journal_ino = st.st_ino;
	}
	return g;
}

static bool same_signs(const struct signs *a, const struct signs *b)
{
	return a->lock_mtime.tv_sec == b->lock_mtime.tv_sec && a->lock_mtime.tv_nsec == b->lock_mtime.tv_nsec
	    && a->journal_mtime.tv_sec == b->journal_mtime.tv_sec
	    && a->journal_mtime.tv_nsec == b->journal_mtime.tv_nsec && a->journal_size == b->journal_size
	    && a->journal_ino == b->journal_ino;
}

/* flock(op) on the lock file, waiting as long as its holder shows signs of
 * work and at most LOCK_QUIET_MS after the last one. Returns 0 or Q_ELOCK. */
static int lock(tags_store *s, int op)
{
	struct signs last = signs_now(s);
	for (int quiet = 0;;) {
		int rc = fs_lock(s->lockfd, op, LOCK_POLL_MS);
		if (!rc) {
			s->holding = true;
			s->beat_ms = now_ms();
			return 0;
		}
		if (rc != Q_ELOCK)
			return rc;
		struct signs now = signs_now(s);
		if (!same_signs(&now, &last)) {
			last = now;
			quiet = 0;
		} else if ((quiet += LOCK_POLL_MS) >= LOCK_QUIET_MS) {
			return Q_ELOCK;
		}
	}
}

static void unlock(tags_store *s)
{
	flock(s->lockfd, LOCK_UN);
	s->holding = false;
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

void journal_put_meta(strbuf *b, const tag_entry *e, int64_t when)
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

void journal_put_tag(strbuf *b, bool on, uint64_t art, uint64_t quote, int64_t when, const char *tag)
{
	put_key(b, on ? '+' : '-', art, quote, when);
	sb_puts(b, tag);
	sb_putc(b, '\n');
}

void journal_put_speaker(strbuf *b, uint64_t art, uint64_t quote, int64_t when, const char *speaker)
{
	put_key(b, 's', art, quote, when);
	put_escaped(b, speaker);
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

/* One record line, its fields pointing into the line. */
struct record {
	char kind;              /* 'q', '+', '-' or 's' */
	uint64_t art, quote;
	int64_t when;
	char *f[MAXFIELDS];
	size_t len[MAXFIELDS];
};

/* Splits and checks a line (without its '\n'); changes nothing. REC_NEWER:
 * a version or a kind of record this quoth does not know. */
static enum rec parse_record(char *line, size_t n, struct record *r)
{
	size_t nf = 0;
	for (char *p = line, *end = line + n; nf < MAXFIELDS;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		r->f[nf] = p;
		r->len[nf++] = (size_t)((tab ? tab : end) - p);
		if (!tab)
			break;
		p = tab + 1;
	}
	int64_t version;
	if (!parse_int64(r->f[0], r->len[0], &version) || version < 1)
		return REC_BAD;
	if (version != FORMAT_VERSION)
		return REC_NEWER;
	if (nf < 2 || r->len[1] != 1)
		return REC_BAD;
	r->kind = r->f[1][0];
	if (r->kind != 'q' && r->kind != '+' && r->kind != '-' && r->kind != 's')
		return REC_NEWER;
	if (nf < (r->kind == 'q' ? 9u : 6u) || !parse_hex64(r->f[2], r->len[2], &r->art)
	    || !parse_hex64(r->f[3], r->len[3], &r->quote) || !parse_int64(r->f[4], r->len[4], &r->when))
		return REC_BAD;
	return REC_OK;
}

static enum rec apply_meta(tag_table *st, struct record *r)
{
	tag_ent *e = tag_table_add(st, r->art, r->quote);
	if (!e)
		return REC_NOMEM;
	const char **field[] = { &e->pub.text, &e->pub.speaker, &e->pub.title, &e->pub.path };
	for (int i = 0; i < 4; i++)
		if (tag_field_set(field[i], r->f[5 + i], unescape(r->f[5 + i], r->len[5 + i])))
			return REC_NOMEM;
	return REC_OK;
}

static enum rec apply_tag(tags_store *s, tag_table *st, const struct record *r)
{
	const char *name;
	int rc = tag_names_intern(s, r->f[5], r->len[5], &name);
	if (rc)
		return rc == Q_ENOMEM ? REC_NOMEM : REC_BAD;
	tag_ent *e = r->kind == '+' ? tag_table_add(st, r->art, r->quote) : tag_table_find(st, r->art, r->quote);
	if (r->kind == '+' && (!e || tag_ent_on(st, e, name)))
		return REC_NOMEM;
	if (r->kind == '-' && e)
		tag_ent_off(st, e, name);
	if (e)
		e->pub.time = r->when;
	return REC_OK;
}

static enum rec apply_speaker(tag_table *st, struct record *r)
{
	tag_ent *e = tag_table_add(st, r->art, r->quote);
	if (!e || tag_field_set(&e->pub.user_speaker, r->f[5], unescape(r->f[5], r->len[5])))
		return REC_NOMEM;
	return REC_OK;
}

/* Applies one line (without its '\n'; modified in place) to the table. */
static enum rec apply_line(tags_store *s, tag_table *st, char *line, size_t n)
{
	struct record r;
	enum rec k = parse_record(line, n, &r);
	if (k != REC_OK)
		return k;
	if (r.kind == 'q')
		return apply_meta(st, &r);
	return r.kind == 's' ? apply_speaker(st, &r) : apply_tag(s, st, &r);
}

/* One line of the journal: applied, kept verbatim (a newer quoth's) or
 * counted as malformed. Returns false when memory ran out. */
static bool take_line(tags_store *s, tag_table *st, char *line, size_t len, bool warn)
{
	if (len && line[len - 1] == '\r')
		len--;   /* edited with a Windows editor */
	if (!len || line[0] == '#')
		return true;
	enum rec r = apply_line(s, st, line, len);
	if (r == REC_NOMEM)
		return false;
	/* apply_line tells REC_NEWER before it changes the line. */
	if (r == REC_NEWER) {
		sb_add(&st->keep, line, len);
		sb_putc(&st->keep, '\n');
	}
	if (warn && r == REC_BAD && s->nbad++ < WARN_LINES_MAX)
		warnf(s, "line %zu is malformed; ignored", s->lineno);
	if (warn && r == REC_NEWER && s->nnewer++ < WARN_LINES_MAX)
		warnf(s, "line %zu is from a newer quoth (unknown version or record); kept but not read", s->lineno);
	return true;
}

size_t journal_replay(tags_store *s, tag_table *st, char *buf, size_t n, bool warn, int *rc)
{
	size_t pos = 0, count = 0;
	*rc = 0;
	while (pos < n) {
		char *nl = memchr(buf + pos, '\n', n - pos);
		if (!nl)
			break;
		if (warn)
			s->lineno++;
		if (!take_line(s, st, buf + pos, (size_t)(nl - (buf + pos)), warn)) {
			*rc = Q_ENOMEM;
			break;
		}
		pos = (size_t)(nl - buf) + 1;
		if (++count % BEAT_EVERY == 0)
			beat(s);
	}
	tag_table_settle(st);
	if (st->keep.failed)
		*rc = Q_ENOMEM;
	return pos;
}

/* The end of a read after its last '\n', tail[0..n): a record written
 * without its line end (by an editor, say) is applied like any other, and
 * all n bytes count as read; anything else is a line cut short (0 bytes
 * read). Only under the lock is the end of the file its real end. */
static size_t replay_tail(tags_store *s, tag_table *st, const char *tail, size_t n, bool warn, int *rc)
{
	*rc = 0;
	if (!n || !s->holding)
		return 0;
	char *line = malloc(n + 1);
	if (!line) {
		*rc = Q_ENOMEM;
		return 0;
	}
	memcpy(line, tail, n);
	line[n] = '\n';
	struct record r;
	size_t used = 0;
	if (parse_record(line, n, &r) == REC_OK && journal_replay(s, st, line, n + 1, warn, rc) == n + 1)
		used = n;
	free(line);
	return *rc ? 0 : used;
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
	journal_replay(s, &s->st, copy, s->pending.len, false, &rc);
	free(copy);
	return rc;
}

/* ---- what a file is ---- */

enum kind {
	J_EMPTY,     /* no byte yet: ours to write */
	J_OURS,      /* the header of this format (or an older one) */
	J_OLDER,     /* no header, but its first line is a record: an older quoth's journal */
	J_NEWER,     /* the header of a newer format: read what we know, write nothing */
	J_NOT,       /* anything else: never written to */
};

static enum kind journal_kind(char *buf, size_t n)
{
	size_t m = sizeof MAGIC - 1, digits = 0;
	if (n == 0)
		return J_EMPTY;
	if (n < m && !memcmp(buf, MAGIC, n))
		return J_OURS;   /* the first write cut short in its header: the next append cuts it off */
	if (n >= m && !memcmp(buf, MAGIC, m)) {
		long version = 0;
		for (size_t i = m; i < n && digits < 9 && buf[i] >= '0' && buf[i] <= '9'; i++, digits++)
			version = version * 10 + (buf[i] - '0');
		return !digits ? J_NOT : version > FORMAT_VERSION ? J_NEWER : J_OURS;
	}
	for (size_t pos = 0; pos < n;) {
		char *nl = memchr(buf + pos, '\n', n - pos);
		size_t end = nl ? (size_t)(nl - buf) : n, len = end - pos;
		if (len && buf[end - 1] == '\r')
			len--;
		struct record r;
		if (len && buf[pos] != '#')
			return parse_record(buf + pos, len, &r) == REC_OK ? J_OLDER : J_NOT;
		pos = end + 1;
	}
	return J_NOT;
}

/* ---- reading ---- */

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

/* Replays buf[0..n) into st, its end too when it is a whole record;
 * returns the bytes read. */
static size_t replay_all(tags_store *s, tag_table *st, char *buf, size_t n, bool warn, int *rc)
{
	size_t used = journal_replay(s, st, buf, n, warn, rc);
	if (!*rc && used < n)
		used += replay_tail(s, st, buf + used, n - used, warn, rc);
	return used;
}

/* Reads the whole journal (fd, of stat st) into a fresh table, when it is
 * one: else Q_ENOTJOURNAL, and the file is left alone. */
static int read_whole(tags_store *s, int fd, const struct stat *st, tag_table *out, size_t *used, bool warn)
{
	char *buf;
	size_t n;
	int rc = pread_all(fd, 0, st->st_size, &buf, &n);
	if (rc)
		return journal_fail(s, s->journal, rc);
	enum kind kind = journal_kind(buf, n);
	if (kind == J_NOT) {
		free(buf);
		return journal_fail(s, s->journal, Q_ENOTJOURNAL);
	}
	s->newer = kind == J_NEWER;
	s->headerless = kind == J_OLDER;
	memset(out, 0, sizeof *out);
	if (warn)
		s->lineno = 0;
	*used = replay_all(s, out, buf, n, warn, &rc);
	free(buf);
	if (rc)
		tag_table_free(out);
	return rc;
}

/* The records appended since offset (same file, grown). */
static int read_more(tags_store *s, int fd, off_t size)
{
	char *buf;
	size_t n;
	int rc = pread_all(fd, s->offset, size, &buf, &n);
	if (rc)
		return journal_fail(s, s->journal, rc);
	size_t used = replay_all(s, &s->st, buf, n, true, &rc);
	free(buf);
	s->offset += (off_t)used;
	return rc;
}

/* Brings the table up to date with the journal open on fd: the records
 * other processes appended since we last looked, or, when the file was
 * replaced (compacted by another process) or shrank, all of it. A line cut
 * short at the end is cut off the file when may_truncate (we hold the
 * exclusive lock and the file is a journal of our format), else reported. */
static int catch_up(tags_store *s, int fd, bool may_truncate)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return journal_fail(s, s->journal, error_from_errno(errno));
	int rc = 0;
	bool same = s->have_file && st.st_dev == s->dev && st.st_ino == s->ino && st.st_size >= s->offset;
	bool read = !same || st.st_size > s->offset;
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
	} else if (st.st_size > s->offset) {
		rc = read_more(s, fd, st.st_size);
	}
	if (!rc && read)
		rc = reapply_pending(s);
	summarize_warnings(s);
	if (!rc && st.st_size > s->offset) {
		if (may_truncate && !s->newer && ftruncate(fd, s->offset) == 0)
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
	char *where = NULL;
	int rc = xdg_mkdirs(s->dir, &where);
	if (rc) {
		journal_fail(s, where ? where : s->dir, rc);
		free(where);
		return rc;
	}
	int fd = fs_open_regular(s->lockpath, O_RDWR | O_CREAT);
	if (fd < 0)
		return journal_fail(s, s->lockpath, fd);
	s->lockfd = fd;
	return 0;
}

/* Opens the journal for appending, creating it (mode 0600) when missing. */
static int open_journal(tags_store *s, int *fd, bool *created)
{
	*created = false;
	*fd = fs_open_regular(s->journal, O_RDWR | O_APPEND);
	if (*fd == Q_ENOENT) {
		*fd = fs_open_regular(s->journal, O_RDWR | O_APPEND | O_CREAT | O_EXCL);
		/* a link whose target is not there yet (a synced folder on a new machine): make the target */
		if (*fd == Q_EEXIST)
			*fd = fs_open_regular(s->journal, O_RDWR | O_APPEND | O_CREAT);
		*created = *fd >= 0;
	}
	return *fd < 0 ? journal_fail(s, s->journal, *fd) : 0;
}

/* The file the journal's name leads to: itself, or the target of the
 * link it is (a journal kept in a synced folder), as a new string in *out.
 * Compaction writes its temporary file beside that target and renames it
 * over the target, never over the link. */
static int journal_target(tags_store *s, char **out)
{
	struct stat st;
	if (lstat(s->journal, &st) != 0 || !S_ISLNK(st.st_mode))
		*out = strdup(s->journal);
	else if (!(*out = realpath(s->journal, NULL)))
		return journal_fail(s, s->journal, error_from_errno(errno));
	return *out ? 0 : Q_ENOMEM;
}

static bool ends_with_newline(int fd, off_t size)
{
	char c;
	return size == 0 || (pread(fd, &c, 1, size - 1) == 1 && c == '\n');
}

/* Marks the pending records written. */
static void pending_done(tags_store *s)
{
	s->pending.len = 0;
	if (s->pending.s)
		s->pending.s[0] = '\0';
	s->npending = 0;
	s->dirty = true;
}

/* Under the exclusive lock: catch up, append the pending records, fsync. */
static int append_locked(tags_store *s, int fd, bool created)
{
	int rc = catch_up(s, fd, true);
	if (rc || !s->pending.len)
		return rc;
	if (s->newer)
		return journal_fail(s, s->journal, Q_ENEWER);
	off_t before = s->offset;
	strbuf out;
	sb_init(&out);
	if (before == 0)
		sb_puts(&out, HEADER);
	else if (!ends_with_newline(fd, before))
		sb_putc(&out, '\n');   /* after a last record that had no line end */
	sb_add(&out, s->pending.s, s->pending.len);
	rc = out.failed ? Q_ENOMEM : fs_write_all(fd, out.s, out.len);
	if (rc) {
		/* Take back a partial line so the next append starts on a line of
		 * its own; failing that, the next catch_up finds the piece and cuts it off. */
		if (ftruncate(fd, before) != 0) {
		}
		sb_free(&out);
		return journal_fail(s, s->journal, rc);
	}
	s->offset = before + (off_t)out.len;
	sb_free(&out);
	/* If fsync fails the records stay pending and are written again: harmless. */
	if (fsync(fd) != 0)
		return journal_fail(s, s->journal, error_from_errno(errno));
	if (created) {
		char *target;
		rc = journal_target(s, &target);
		if (!rc && (rc = fs_sync_parent(target)))
			journal_fail(s, target, rc);
		free(target);
		if (rc)
			return rc;
	}
	pending_done(s);
	return 0;
}

/* Runs fn with the journal open and the exclusive lock held. */
static int with_journal_locked(tags_store *s, int (*fn)(tags_store *, int, bool))
{
	int rc = open_lock(s);
	if (rc)
		return rc;
	rc = lock(s, LOCK_EX);
	if (rc)
		return journal_fail(s, s->lockpath, rc);
	int fd;
	bool created;
	rc = open_journal(s, &fd, &created);
	if (!rc) {
		rc = fn(s, fd, created);
		close(fd);
	}
	unlock(s);
	return rc;
}

int journal_flush(tags_store *s)
{
	return with_journal_locked(s, append_locked);
}

/* The journal holding only what is live: quotes with tags or a corrected
 * speaker, and the lines of a newer format. */
static int serialize(tags_store *s, const tag_table *st, strbuf *out)
{
	sb_puts(out, HEADER);
	for (size_t i = 0; i < st->n; i++) {
		const tag_entry *e = &st->ents[i].pub;
		if (i % BEAT_EVERY == 0)
			beat(s);
		if (!e->ntags && !*e->user_speaker)
			continue;
		if (*e->text || *e->speaker || *e->title || *e->path)
			journal_put_meta(out, e, e->time);
		for (size_t t = 0; t < e->ntags; t++)
			journal_put_tag(out, true, e->art, e->quote, e->time, e->tags[t]);
		if (*e->user_speaker)
			journal_put_speaker(out, e->art, e->quote, e->time, e->user_speaker);
	}
	sb_add(out, st->keep.s ? st->keep.s : "", st->keep.len);
	return out->failed ? Q_ENOMEM : 0;
}

/* Temporary files of a compaction of target that crashed (we hold the
 * lock: no compaction is running): TARGET.tmp.PID beside it. */
static void remove_stale_temps(const char *target)
{
	char *copy = strdup(target), *copy2 = strdup(target);
	DIR *d = copy && copy2 ? opendir(dirname(copy)) : NULL;
	const char *base = d ? basename(copy2) : "";
	size_t n = strlen(base);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (strncmp(e->d_name, base, n) || strncmp(e->d_name + n, ".tmp.", 5))
			continue;
		const char *pid = e->d_name + n + 5;
		if (*pid && strspn(pid, "0123456789") == strlen(pid))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	free(copy);
	free(copy2);
}

/* Writes the compacted journal out over the journal's target file. */
static int replace_journal(tags_store *s, const strbuf *out, mode_t mode)
{
	char *target;
	int rc = journal_target(s, &target);
	if (rc)
		return rc;
	remove_stale_temps(target);
	rc = fs_replace_with(target, out->s, out->len, mode, beat_cb, s);
	journal_fail(s, target, rc);
	free(target);
	return rc;
}

static int compact_locked(tags_store *s, int fd, bool created)
{
	int rc = append_locked(s, fd, created);
	if (rc || s->newer)
		return rc;
	/* Read the journal again, as it is on disk now, so nothing another
	 * process appended can be lost even if our table were wrong. */
	struct stat st;
	if (fstat(fd, &st) != 0)
		return journal_fail(s, s->journal, error_from_errno(errno));
	tag_table fresh;
	size_t used;
	rc = read_whole(s, fd, &st, &fresh, &used, false);
	if (rc)
		return rc;
	strbuf out;
	sb_init(&out);
	rc = serialize(s, &fresh, &out);
	if (!rc && (out.len < used || s->headerless))
		rc = replace_journal(s, &out, st.st_mode & 07777);
	sb_free(&out);
	int now = rc ? -1 : open(s->journal, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat nst;
	if (now >= 0 && fstat(now, &nst) == 0) {
		carry_orphans(&s->st, &fresh);
		tag_table_free(&s->st);
		s->st = fresh;
		remember_file(s, now);
		s->offset = nst.st_size;
		s->headerless = false;
	} else {
		tag_table_free(&fresh);
	}
	if (now >= 0)
		close(now);
	return rc;
}

int journal_compact(tags_store *s)
{
	return with_journal_locked(s, compact_locked);
}

/* ---- reading without writing ---- */

/* Reads the journal under a shared lock when one can be had: without it
 * (a lock file that cannot be made) we read anyway, and at worst an append
 * in progress looks like a line cut short. */
static int read_shared(tags_store *s, int fd)
{
	if (s->lockfd < 0) {
		int lfd = fs_open_regular(s->lockpath, O_RDWR | O_CREAT);
		s->lockfd = lfd >= 0 ? lfd : fs_open_regular(s->lockpath, O_RDONLY);
		if (s->lockfd < 0)
			s->lockfd = -1;
	}
	bool locked = s->lockfd >= 0 && lock(s, LOCK_SH) == 0;
	int rc = catch_up(s, fd, false);
	if (locked)
		unlock(s);
	return rc;
}

/* The journal for reading; 0 with *fd -1 when there is none (yet). */
static int open_for_reading(tags_store *s, int *fd)
{
	*fd = fs_open_regular(s->journal, O_RDONLY);
	if (*fd >= 0)
		return 0;
	int rc = *fd;
	*fd = -1;
	/* no journal yet, or no folder yet: the first change makes them */
	return rc == Q_ENOENT ? 0 : journal_fail(s, s->journal, rc);
}

int journal_read_at_open(tags_store *s)
{
	int fd;
	int rc = open_for_reading(s, &fd);
	if (rc || fd < 0)
		return rc;
	rc = read_shared(s, fd);
	close(fd);
	return rc;
}

int journal_sync(tags_store *s)
{
	return journal_read_at_open(s);
}

void journal_free(tags_store *s)
{
	sb_free(&s->warn);
	if (s->lockfd >= 0)
		close(s->lockfd);
	if (s->jfd >= 0)
		close(s->jfd);
	free(s->errfile);
}
