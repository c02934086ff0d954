#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "corpus.h"
#include "doc.h"
#include "error.h"
#include "input.h"
#include "records.h"
#include "stream.h"
#include "stream_cut.h"
#include "text.h"

/* Bytes read at a time while scanning. */
#define SCAN_CHUNK ((size_t)1 << 20)
/* Bytes text_detect looks at (the stream's DETECT_BYTES). */
#define DETECT_BYTES 8192
/* read_all: the file is not what its name said (positive: no Q_* code is). */
#define NOT_AS_SAID 1

static bool has_suffix(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n > k && !strncasecmp(s + n - k, suf, k);
}

/* A start that is binary is refused, as the stream refuses it. */
static bool binary_start(const char *b, size_t n)
{
	n = n < DETECT_BYTES ? n : DETECT_BYTES;
	return text_safe_prefix(b, n) < n && text_detect(b, n) == TEXT_BINARY;
}

/* ---- JSON Lines: a record a line that is not blank ------------------------- */

typedef struct line_scan {
	corpus_file *f;
	records_fn fn;
	void *ctx;
	uint64_t start;      /* where the current line starts */
	size_t number;       /* lines ended so far */
	bool nonblank;       /* the current line has a byte that is not white space */
	char last;           /* its last byte so far */
	size_t found;        /* records given */
} line_scan;

/* The line [ls->start, end) ends (end: its '\n', or the end of the file). */
static int line_ends(line_scan *ls, uint64_t end)
{
	ls->number++;
	uint64_t len = end - ls->start;
	int rc = 0;
	if (ls->nonblank) {
		ls->found++;
		if (len > CORPUS_LINE_MAX)
			rc = ls->fn(ls->ctx, ls->f, ls->number, ls->start, 0, Q_ETOOBIG, "a line longer than 256 MiB, skipped");
		else
			rc = ls->fn(ls->ctx, ls->f, ls->number, ls->start, (size_t)len - (ls->last == '\r'), 0, NULL);
	}
	ls->start = end + 1;
	ls->nonblank = false;
	ls->last = '\0';
	return rc;
}

/* The bytes b[0, n) at file offset base. */
static int lines_feed(line_scan *ls, const char *b, size_t n, uint64_t base)
{
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(b + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - b) : n;
		for (size_t k = i; !ls->nonblank && k < end; k++)
			ls->nonblank = !stream_blank_byte(b[k]);
		if (end > i)
			ls->last = b[end - 1];
		if (!nl)
			break;
		int rc = line_ends(ls, base + end);
		if (rc)
			return rc;
		i = end + 1;
	}
	return 0;
}

/* ---- text: articles between form-feed lines -------------------------------- */

/* Is b[i] (a form feed) alone on its line, as the stream's sep_at says?
 * *after: where the next line starts. */
static bool sep_at(const char *b, size_t n, size_t i, size_t *after)
{
	if (i > 0 && b[i - 1] != '\n')
		return false;
	size_t k = i + 1;
	if (k < n && b[k] == '\r')
		k++;
	if (k < n && b[k] != '\n')
		return false;
	*after = k < n ? k + 1 : n;
	return true;
}

/* The form-feed articles of b[0, n): *several when there is a form-feed
 * line, and then fn had each article that is not blank. 0, or fn's code. */
static int feed_articles(corpus_file *f, const char *b, size_t n, records_fn fn, void *ctx, bool *several)
{
	size_t pos = 0, number = 0, i = 0, after;
	*several = false;
	for (;;) {
		const char *ff = i < n ? memchr(b + i, '\f', n - i) : NULL;
		size_t end = ff ? (size_t)(ff - b) : n;
		if (ff && !sep_at(b, n, end, &after)) {
			i = end + 1;
			continue;
		}
		if (!ff && !*several)
			return 0;
		*several = true;
		if (!stream_blank(b + pos, end - pos)) {
			int rc = fn(ctx, f, ++number, pos, end - pos, 0, NULL);
			if (rc)
				return rc;
		}
		if (!ff)
			return 0;
		pos = i = after;
	}
}

/* ---- reading ------------------------------------------------------------------ */

static corpus_file *file_new(const char *path)
{
	corpus_file *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->path = strdup(path);
	f->real = realpath(path, NULL);
	if (!f->real && f->path)
		f->real = strdup(path);
	if (!f->path || !f->real) {
		free(f->path);
		free(f->real);
		free(f);
		return NULL;
	}
	return f;
}

void records_release(corpus_file *f)
{
	if (!f || --f->refs)
		return;
	free(f->path);
	free(f->real);
	free(f->mem);
	free(f);
}

/* Reads the file at path into a buffer of its own: a gzip file inflated
 * (up to most bytes), or a small text file as it is. NOT_AS_SAID when it
 * is gzip data and gz said not (or the other way round): the caller decides. */
static int read_all(const char *path, bool gz, size_t most, char **out, size_t *outlen)
{
	input in;
	int rc = input_open(&in, AT_FDCWD, path, false);
	if (rc)
		return rc;
	size_t len = 0, cap = 0;
	char *buf = NULL;
	const char *detail;
	for (;;) {
		if (cap - len < SCAN_CHUNK + 1) {
			cap = cap ? cap * 2 : 2 * SCAN_CHUNK;
			char *b = realloc(buf, cap);
			if (!b) {
				rc = Q_ENOMEM;
				break;
			}
			buf = b;
		}
		ssize_t r = input_read(&in, buf + len, SCAN_CHUNK, &detail);
		if (r <= 0) {
			rc = (int)r;
			break;
		}
		len += (size_t)r;
		if (len > most) {
			rc = Q_ETOOBIG;
			break;
		}
	}
	if (!rc && gz != in.gz)
		rc = NOT_AS_SAID;
	input_close(&in);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

static bool gzip_magic(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	unsigned char m[2] = { 0, 0 };
	bool gz = fd >= 0 && pread(fd, m, 2, 0) == 2 && m[0] == 0x1F && m[1] == 0x8B;
	if (fd >= 0)
		close(fd);
	return gz;
}

/* The records of a JSON Lines file not held in memory, read once in
 * chunks: only where each line starts is kept. */
static int scan_lines_fd(corpus_file *f, line_scan *ls)
{
	int fd = open(f->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	char *buf = malloc(SCAN_CHUNK);
	int rc = !buf ? Q_ENOMEM : fstat(fd, &st) ? error_from_errno(errno) : !S_ISREG(st.st_mode) ? Q_ENOTREG : 0;
	uint64_t base = 0;
	while (!rc) {
		ssize_t r = read(fd, buf, SCAN_CHUNK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			rc = r < 0 ? error_from_errno(errno) : 0;
			break;
		}
		if (base == 0 && binary_start(buf, (size_t)r))
			rc = Q_EBINARY;
		else
			rc = lines_feed(ls, buf, (size_t)r, base);
		base += (uint64_t)r;
	}
	if (!rc && base > ls->start)
		rc = line_ends(ls, base);
	free(buf);
	close(fd);
	return rc;
}

static int scan_file(corpus_file *f, bool named, size_t gz_max, records_fn fn, void *ctx, const char **why)
{
	size_t n = strlen(f->path);
	bool gz = (f->jsonl || has_suffix(f->path, n, ".gz")) && gzip_magic(f->path);
	struct stat st;
	if (!gz && !f->jsonl) {   /* a text file: read whole only when it is named and small */
		if (!named || stat(f->path, &st) || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > DOC_BIG)
			return 0;
	}
	if (f->jsonl && !gz) {
		line_scan ls = { .f = f, .fn = fn, .ctx = ctx };
		int rc = scan_lines_fd(f, &ls);
		return rc ? rc : ls.found ? 1 : Q_EEMPTY;
	}
	char *b = NULL;
	size_t len = 0;
	int rc = read_all(f->path, gz, gz ? gz_max : DOC_BIG, &b, &len);
	if (rc == NOT_AS_SAID || (rc == Q_ETOOBIG && !gz))
		return 0;   /* gzip data under another name, or a text file that grew: one article */
	if (rc == Q_ETOOBIG)
		*why = "too large once inflated to hold: gunzip it, and quoth reads it from the file";
	if (rc)
		return rc;
	if (f->jsonl) {
		line_scan ls = { .f = f, .fn = fn, .ctx = ctx };
		f->mem = b;
		f->memlen = len;
		rc = binary_start(b, len) ? Q_EBINARY : lines_feed(&ls, b, len, 0);
		if (!rc && len > ls.start)
			rc = line_ends(&ls, len);
		return rc ? rc : ls.found ? 1 : Q_EEMPTY;
	}
	enum text_encoding enc = len ? text_detect(b, len < DETECT_BYTES ? len : DETECT_BYTES) : TEXT_UTF8;
	bool whole = enc == TEXT_UTF16LE || enc == TEXT_UTF16BE || enc == TEXT_BINARY;
	rc = whole ? 0 : feed_articles(f, b, len, fn, ctx, &f->several);
	if (!rc && gz && !f->several)   /* one article, held inflated */
		rc = fn(ctx, f, 1, 0, len, stream_blank(b, len) ? Q_EEMPTY : 0, NULL);
	if (gz) {
		f->mem = b;
		f->memlen = len;
	} else {
		free(b);
	}
	return rc ? rc : gz || f->several ? 1 : 0;
}

int records_scan(const char *path, bool named, size_t gz_max, records_fn fn, void *ctx, const char **why)
{
	*why = NULL;
	size_t n = strlen(path);
	if (!named && !stream_dump_name(path) && !has_suffix(path, n, ".gz"))
		return 0;   /* a folder's text file: not read when added */
	corpus_file *f = file_new(path);
	if (!f)
		return Q_ENOMEM;
	f->jsonl = stream_dump_name(path);
	f->refs = 1;   /* the scan's own, dropped below */
	int rc = scan_file(f, named, gz_max, fn, ctx, why);
	records_release(f);
	return rc;
}

int records_read(const corpus_file *f, uint64_t off, size_t len, char **out, const char **detail)
{
	static const char changed[] = "the file has changed since it was listed: open it again";
	*detail = NULL;
	if (f->mem && (off > f->memlen || len > f->memlen - off))
		return Q_EIO;
	char *b = malloc(len + 1);
	if (!b)
		return Q_ENOMEM;
	int rc = 0;
	if (f->mem) {
		memcpy(b, f->mem + off, len);
	} else {
		int fd = open(f->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		rc = fd < 0 ? error_from_errno(errno) : 0;
		for (size_t got = 0; !rc && got < len;) {
			ssize_t r = pread(fd, b + got, len - got, (off_t)(off + got));
			if (r < 0 && errno == EINTR)
				continue;
			rc = r < 0 ? error_from_errno(errno) : r == 0 ? Q_EIO : 0;
			if (r == 0)
				*detail = changed;
			got += r > 0 ? (size_t)r : 0;
		}
		if (fd >= 0)
			close(fd);
	}
	if (rc) {
		free(b);
		return rc;
	}
	b[len] = '\0';
	*out = b;
	return 0;
}
