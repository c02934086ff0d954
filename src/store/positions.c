/* Reading positions: a sorted array in memory, a small file replaced whole. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#include "error.h"
#include "fsutil.h"
#include "grow.h"
#include "positions.h"
#include "strbuf.h"
#include "xdg.h"

#define LOCK_TIMEOUT_MS 2000

struct slot {
	uint64_t art;
	position pos;
	bool dirty;           /* set since the last save */
};

struct table {
	struct slot *v;
	size_t n, cap;
};

struct positions {
	char *dir, *file, *lockpath;
	struct table t;
	size_t ndirty;
};

/* Index of art in t, or where it would go (*found false). */
static size_t find(const struct table *t, uint64_t art, bool *found)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].art < art)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < t->n && t->v[lo].art == art;
	return lo;
}

static struct slot *upsert(struct table *t, uint64_t art)
{
	bool found;
	size_t i = find(t, art, &found);
	if (found)
		return &t->v[i];
	if (GROW(t->v, t->cap, t->n + 1, 64))
		return NULL;
	memmove(&t->v[i + 1], &t->v[i], (t->n - i) * sizeof *t->v);
	t->n++;
	memset(&t->v[i], 0, sizeof t->v[i]);
	t->v[i].art = art;
	t->v[i].pos.quote = POSITION_NO_QUOTE;
	return &t->v[i];
}

static bool parse_u64(const char *s, int base, uint64_t *out, char **end)
{
	errno = 0;
	unsigned long long v = strtoull(s, end, base);
	if (errno || *end == s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	*out = v;
	return true;
}

/* One line "1\tART\tTOP\tQIDX\tQID\tTIME" (no '\n'). */
static bool parse_line(char *line, uint64_t *art, position *pos)
{
	char *f[6], *save = NULL;
	size_t nf = 0;
	for (char *tok = strtok_r(line, "\t", &save); tok && nf < 6; tok = strtok_r(NULL, "\t", &save))
		f[nf++] = tok;
	char *end;
	uint64_t top, qid, when;
	if (nf != 6 || strcmp(f[0], "1") || strlen(f[1]) != 16 || strlen(f[4]) != 16)
		return false;
	if (!parse_u64(f[1], 16, art, &end) || *end || !parse_u64(f[2], 10, &top, &end) || *end
	    || !parse_u64(f[4], 16, &qid, &end) || *end || !parse_u64(f[5], 10, &when, &end) || *end)
		return false;
	if (!strcmp(f[3], "-1")) {
		pos->quote = POSITION_NO_QUOTE;
	} else {
		uint64_t q;
		if (!parse_u64(f[3], 10, &q, &end) || *end)
			return false;
		pos->quote = (size_t)q;
	}
	pos->top = (size_t)top;
	pos->quote_id = qid;
	pos->time = (int64_t)when;
	return true;
}

/* The positions of a file, in the order of its lines (seq), to be sorted
 * and merged: sorting once keeps a read of n lines n log n, where
 * inserting each line in order would move n/2 entries each time. */
struct read_slot {
	struct slot s;
	size_t seq;
};

static int by_art_then_line(const void *a, const void *b)
{
	const struct read_slot *x = a, *y = b;
	if (x->s.art != y->s.art)
		return x->s.art < y->s.art ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The lines of buf[0..n) that parse, in *out (sorted by article, the first
 * line of an article kept); *bad counts the others. */
static int parse_lines(char *buf, size_t n, struct read_slot **out, size_t *nout, size_t *bad)
{
	struct read_slot *v = NULL;
	size_t nv = 0, cap = 0;
	for (char *line = buf, *nl; line < buf + n; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(buf + n - line));
		if (!nl)
			nl = buf + n;   /* a last line without its '\n' is still whole or fails to parse */
		*nl = '\0';
		if (!*line || *line == '#')
			continue;
		struct read_slot r = { .seq = nv };
		if (!parse_line(line, &r.s.art, &r.s.pos)) {
			++*bad;
			continue;
		}
		if (GROW(v, cap, nv + 1, 64)) {
			free(v);
			return Q_ENOMEM;
		}
		v[nv++] = r;
	}
	if (nv)
		qsort(v, nv, sizeof *v, by_art_then_line);
	size_t kept = 0;
	for (size_t i = 0; i < nv; i++)
		if (!kept || v[kept - 1].s.art != v[i].s.art)
			v[kept++] = v[i];
	*out = v;
	*nout = kept;
	return 0;
}

/* t and the sorted positions of the file, merged; t's entries win. */
static int merge_into(struct table *t, const struct read_slot *r, size_t nr)
{
	size_t cap = t->n + nr + 1;
	struct slot *v = malloc(cap * sizeof *v);
	if (!v)
		return Q_ENOMEM;
	size_t i = 0, j = 0, n = 0;
	while (i < t->n || j < nr) {
		if (j == nr || (i < t->n && t->v[i].art <= r[j].s.art)) {
			if (j < nr && t->v[i].art == r[j].s.art)
				j++;
			v[n++] = t->v[i++];
		} else {
			v[n++] = r[j++].s;
		}
	}
	free(t->v);
	t->v = v;
	t->n = n;
	t->cap = cap;
	return 0;
}

/* Reads the file into t; entries already in t (dirty ones) win. */
static int read_file(positions *p, struct table *t, size_t *bad)
{
	*bad = 0;
	int fd = fs_open_regular(p->file, O_RDONLY);
	if (fd < 0)
		return fd == Q_ENOENT ? 0 : fd;
	char *buf;
	size_t n;
	int rc = fs_read_all(fd, &buf, &n);
	close(fd);
	if (rc)
		return rc;
	struct read_slot *r = NULL;
	size_t nr = 0;
	rc = parse_lines(buf, n, &r, &nr, bad);
	free(buf);
	if (!rc)
		rc = merge_into(t, r, nr);
	free(r);
	return rc;
}

int positions_open(const char *dir, positions **out, char **warnings)
{
	if (warnings)
		*warnings = NULL;
	positions *p = calloc(1, sizeof *p);
	if (!p)
		return Q_ENOMEM;
	int rc = dir ? ((p->dir = strdup(dir)) ? 0 : Q_ENOMEM) : xdg_quoth_dir(XDG_STATE, &p->dir);
	strbuf b;
	sb_init(&b);
	if (!rc) {
		sb_printf(&b, "%s/positions", p->dir);
		p->file = sb_take(&b);
		sb_printf(&b, "%s/positions.lock", p->dir);
		p->lockpath = sb_take(&b);
		rc = p->file && p->lockpath ? 0 : Q_ENOMEM;
	}
	size_t bad = 0;
	int readrc = rc ? 0 : read_file(p, &p->t, &bad);
	if (readrc == Q_ENOMEM)
		rc = Q_ENOMEM;
	if (rc) {
		positions_close(p);
		return rc;
	}
	if (readrc)
		sb_printf(&b, "%s: %s; reading positions start afresh", p->file, error_message(readrc));
	else if (bad)
		sb_printf(&b, "%s: %zu malformed lines skipped", p->file, bad);
	if (warnings && b.len)
		*warnings = sb_take(&b);
	sb_free(&b);
	*out = p;
	return 0;
}

bool positions_get(const positions *p, uint64_t art, position *out)
{
	bool found;
	size_t i = find(&p->t, art, &found);
	if (found)
		*out = p->t.v[i].pos;
	return found;
}

int positions_set(positions *p, uint64_t art, const position *pos)
{
	struct slot *s = upsert(&p->t, art);
	if (!s)
		return Q_ENOMEM;
	s->pos = *pos;
	s->pos.time = (int64_t)time(NULL);
	if (!s->dirty)
		p->ndirty++;
	s->dirty = true;
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	if (x->pos.time != y->pos.time)
		return x->pos.time > y->pos.time ? -1 : 1;
	return x->art < y->art ? -1 : x->art > y->art;
}

static int by_art(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	return x->art < y->art ? -1 : x->art > y->art;
}

/* Under the lock: our dirty positions over the file's, newest kept. */
static int merge_and_write(positions *p)
{
	struct table t = { 0 };
	int rc = 0;
	for (size_t i = 0; i < p->t.n && !rc; i++) {
		if (!p->t.v[i].dirty)
			continue;
		struct slot *s = upsert(&t, p->t.v[i].art);
		if (s)
			*s = p->t.v[i];
		else
			rc = Q_ENOMEM;
	}
	size_t bad;
	if (!rc)
		rc = read_file(p, &t, &bad);
	if (rc == Q_EACCES || rc == Q_EIO)
		rc = 0;   /* an unreadable file is replaced rather than kept unusable */
	if (!rc && t.n > POSITIONS_MAX) {
		qsort(t.v, t.n, sizeof *t.v, newest_first);
		t.n = POSITIONS_MAX;
		qsort(t.v, t.n, sizeof *t.v, by_art);
	}
	strbuf out;
	sb_init(&out);
	sb_puts(&out, "# quoth reading positions, format 1: article, top byte offset, quote index, quote id, time\n");
	for (size_t i = 0; !rc && i < t.n; i++) {
		const position *q = &t.v[i].pos;
		sb_printf(&out, "1\t%016llx\t%zu\t", (unsigned long long)t.v[i].art, q->top);
		if (q->quote == POSITION_NO_QUOTE)
			sb_puts(&out, "-1");
		else
			sb_printf(&out, "%zu", q->quote);
		sb_printf(&out, "\t%016llx\t%lld\n", (unsigned long long)q->quote_id, (long long)q->time);
	}
	if (!rc)
		rc = out.failed ? Q_ENOMEM : fs_replace(p->file, out.s, out.len, 0600);
	sb_free(&out);
	if (!rc) {
		/* The merged table is now what we know. */
		free(p->t.v);
		p->t = t;
		for (size_t i = 0; i < p->t.n; i++)
			p->t.v[i].dirty = false;
		p->ndirty = 0;
	} else {
		free(t.v);
	}
	return rc;
}

int positions_save(positions *p)
{
	if (!p->ndirty)
		return 0;
	int rc = xdg_mkdirs(p->dir, NULL);
	if (rc)
		return rc;
	int lock = fs_open_regular(p->lockpath, O_RDWR | O_CREAT);
	if (lock < 0)
		return lock;
	rc = fs_lock(lock, LOCK_EX, LOCK_TIMEOUT_MS);
	if (!rc)
		rc = merge_and_write(p);
	close(lock);   /* drops the lock */
	return rc;
}

int positions_close(positions *p)
{
	if (!p)
		return 0;
	int rc = p->file ? positions_save(p) : 0;
	free(p->t.v);
	free(p->dir);
	free(p->file);
	free(p->lockpath);
	free(p);
	return rc;
}
