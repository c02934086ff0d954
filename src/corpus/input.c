#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "input.h"

#define ZIN_BYTES (256u << 10)

/* read(2) of the file itself, retried on EINTR; counts what it read */
static ssize_t read_fd(input *in, void *buf, size_t n)
{
	for (;;) {
		ssize_t r = read(in->fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return error_from_errno(errno);
		if (r == 0)
			in->fd_eof = true;
		in->raw += (uint64_t)r;
		return r;
	}
}

/* The first two bytes, to tell gzip from text; fewer for a shorter input. */
static int read_head(input *in)
{
	while (in->headlen < sizeof in->head && !in->fd_eof) {
		ssize_t r = read_fd(in, in->head + in->headlen, sizeof in->head - in->headlen);
		if (r < 0)
			return (int)r;
		in->headlen += (size_t)r;
	}
	in->gz = in->headlen == 2 && in->head[0] == 0x1F && in->head[1] == 0x8B;
	if (!in->gz)
		return 0;
	in->zin = malloc(ZIN_BYTES);
	if (!in->zin)
		return Q_ENOMEM;
	memcpy(in->zin, in->head, 2);
	in->headpos = in->headlen;   /* the head goes to zlib, not to the reader */
	in->z.next_in = in->zin;
	in->z.avail_in = 2;
	/* 15 + 32: a gzip or zlib header, found by zlib */
	return inflateInit2(&in->z, 15 + 32) == Z_OK ? 0 : Q_ENOMEM;
}

int input_open(input *in, int dirfd, const char *name, bool is_stdin)
{
	memset(in, 0, sizeof *in);
	in->is_stdin = is_stdin;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	in->fd = is_stdin ? STDIN_FILENO : openat(dirfd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (in->fd < 0)
		return error_from_errno(errno);
	struct stat st;
	int rc = fstat(in->fd, &st) < 0 ? error_from_errno(errno)
	       : S_ISDIR(st.st_mode) ? Q_EISDIR
	       : !S_ISREG(st.st_mode) && !is_stdin ? Q_ENOTREG : 0;
	in->regular = !rc && S_ISREG(st.st_mode);
	in->size = in->regular ? (uint64_t)st.st_size : 0;
	if (!rc)
		rc = read_head(in);
	if (rc) {
		input_close(in);
		in->fd = -1;
	}
	return rc;
}

/* Inflates into buf: members one after another (a .gz made by cat a.gz b.gz). */
static ssize_t read_gz(input *in, char *buf, size_t n, const char **detail)
{
	in->z.next_out = (unsigned char *)buf;
	in->z.avail_out = (uInt)(n > (1u << 30) ? 1u << 30 : n);
	while (in->z.next_out == (unsigned char *)buf) {
		if (in->z.avail_in == 0 && !in->fd_eof) {
			ssize_t r = read_fd(in, in->zin, ZIN_BYTES);
			if (r < 0)
				return r;
			in->z.next_in = in->zin;
			in->z.avail_in = (uInt)r;
		}
		if (in->z.avail_in == 0 && in->fd_eof) {
			if (in->zstream_end)
				return 0;
			*detail = "truncated gzip data: the rest of the file is lost";
			return Q_ESYNTAX;
		}
		if (in->zstream_end) {   /* another member follows */
			inflateReset(&in->z);
			in->zstream_end = false;
		}
		int zr = inflate(&in->z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END)
			in->zstream_end = true;
		else if (zr == Z_MEM_ERROR)
			return Q_ENOMEM;
		else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			*detail = "corrupt gzip data: the rest of the file is lost";
			return Q_ESYNTAX;
		}
	}
	return (ssize_t)((char *)in->z.next_out - buf);
}

ssize_t input_read(input *in, char *buf, size_t n, const char **detail)
{
	*detail = NULL;
	if (in->gz)
		return read_gz(in, buf, n, detail);
	if (in->headpos < in->headlen) {
		size_t k = in->headlen - in->headpos;
		k = k < n ? k : n;
		memcpy(buf, in->head + in->headpos, k);
		in->headpos += k;
		return (ssize_t)k;
	}
	if (in->fd_eof)
		return 0;
	return read_fd(in, buf, n);
}

void input_close(input *in)
{
	if (in->gz) {
		inflateEnd(&in->z);
		free(in->zin);
		in->zin = NULL;
		in->gz = false;
	}
	if (in->fd >= 0 && !in->is_stdin)
		close(in->fd);
	in->fd = -1;
}
