#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bigdoc.h"
#include "error.h"

/* How far to look for a paragraph or line boundary near a window edge. */
#define SEEK_BACK (32 * 1024)

int bigdoc_open(const char *path, bigdoc **out)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	int rc = fstat(fd, &st) < 0 ? error_from_errno(errno)
	       : S_ISDIR(st.st_mode) ? Q_EISDIR
	       : !S_ISREG(st.st_mode) ? Q_ENOTREG
	       : st.st_size == 0 ? Q_EEMPTY : 0;
	if (rc) {
		close(fd);
		return rc;
	}
	bigdoc *b = calloc(1, sizeof *b);
	if (!b) {
		close(fd);
		return Q_ENOMEM;
	}
	b->size = (size_t)st.st_size;
	rc = b->size > DOC_BIG ? doc_article_id_fd(fd, b->size, &b->id) : 0;
	void *m = rc ? MAP_FAILED : mmap(NULL, b->size, PROT_READ, MAP_PRIVATE, fd, 0);
	int err = errno;
	if (m == MAP_FAILED) {
		close(fd);
		free(b);
		return rc ? rc : error_from_errno(err);
	}
	b->raw = m;
	b->fd = fd;
	b->name = strdup(path);
	if (b->size <= DOC_BIG)
		b->id = doc_article_id(b->raw, b->size);
	doc *first = NULL;
	size_t s, e;
	rc = b->name ? bigdoc_window(b, 0, 0, &first, &s, &e) : Q_ENOMEM;
	if (!rc) {
		b->title = first->title;
		first->title = NULL;
		doc_free(first);
	}
	if (rc || !b->title) {
		bigdoc_close(b);
		return rc ? rc : Q_ENOMEM;
	}
	*out = b;
	return 0;
}

void bigdoc_close(bigdoc *b)
{
	if (!b)
		return;
	if (b->raw) {
		munmap((void *)b->raw, b->size);
		close(b->fd);
	}
	free(b->name);
	free(b->title);
	free(b);
}

/* A boundary at or before pos, and after lo: a blank line, else a line
 * end, else a space, else a UTF-8 character start. */
static size_t boundary(const bigdoc *b, size_t pos, size_t lo)
{
	if (pos >= b->size)
		return b->size;
	if (pos <= lo)
		return lo;
	const char *r = b->raw;
	size_t from = pos - lo > SEEK_BACK ? pos - SEEK_BACK : lo;
	for (size_t i = pos; i > from + 1; i--)
		if (r[i - 1] == '\n' && r[i - 2] == '\n')
			return i;
	const char *nl = memrchr(r + from, '\n', pos - from);
	if (nl)
		return (size_t)(nl - r) + 1;
	for (size_t i = pos; i > from; i--)
		if (r[i - 1] == ' ')
			return i;
	size_t i = pos;
	while (i > lo && ((unsigned char)r[i] & 0xC0) == 0x80)
		i--;
	return i;
}

int bigdoc_window(const bigdoc *b, size_t pos, size_t before, doc **out, size_t *start, size_t *end)
{
	if (pos > b->size)
		pos = b->size;
	size_t want = pos > before ? pos - before : 0;
	/* near the end the window reaches back, so that it is never short */
	if (b->size - want < WINDOW_BYTES)
		want = b->size > WINDOW_BYTES ? b->size - WINDOW_BYTES : 0;
	size_t s = boundary(b, want, 0);
	size_t e = b->size - s <= WINDOW_BYTES + SEEK_BACK ? b->size : boundary(b, s + WINDOW_BYTES, s + 1);
	doc *d = NULL;
	int rc = doc_from_bytes(b->name, b->raw + s, e - s, &d);
	if (rc == Q_EEMPTY) {
		/* a slice of only white space: still a window, with one blank paragraph */
		rc = doc_from_bytes(b->name, " ", 1, &d);
		if (rc == Q_EEMPTY)
			rc = doc_from_bytes(b->name, "(blank)", 7, &d);
	}
	if (rc)
		return rc;
	d->id = b->id;
	if (b->title) {
		char *t = strdup(b->title);
		if (t) {
			free(d->title);
			d->title = t;
		}
	}
	*out = d;
	*start = s;
	*end = e;
	return 0;
}

void bigdoc_release(const bigdoc *b, size_t lo, size_t hi)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t a = (lo + page - 1) / page * page, e = hi / page * page;
	if (e > a)
		madvise((char *)b->raw + a, e - a, MADV_DONTNEED);
}

size_t bigdoc_read(void *big, size_t off, char *buf, size_t n)
{
	const bigdoc *b = big;
	size_t got = 0;
	while (got < n && off + got < b->size) {
		ssize_t k = pread(b->fd, buf + got, n - got, (off_t)(off + got));
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	return got;
}
