#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "input.h"

#define ZIN_BYTES (256u << 10)

/* read(2) of the file itself, retried on EINTR; counts what it read. A
 * regular file's short read that ends where its size said is its end: no
 * second read(2) to be told so (a folder of small files costs a system
 * call less each). */
static ssize_t read_fd(input *in, void *buf, size_t n)
{
	for (;;) {
		ssize_t r = read(in->fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return error_from_errno(errno);
		in->raw += (uint64_t)r;
		if (r == 0 || (in->regular && (size_t)r < n && in->raw == in->size))
			in->fd_eof = true;
		return r;
	}
}

static ssize_t read_gz(input *in, char *buf, size_t n, const char **detail);

/* The first bytes of the input, read into buf (n >= 2): gzip data (told by
 * its first two bytes) goes to zlib, anything else is returned as it is. */
static ssize_t read_first(input *in, char *buf, size_t n, const char **detail)
{
	size_t got = 0;
	in->started = true;
	while (got < 2 && !in->fd_eof) {
		ssize_t r = read_fd(in, buf + got, n - got);
		if (r < 0)
			return r;
		got += (size_t)r;
	}
	in->gz = got >= 2 && (unsigned char)buf[0] == 0x1F && (unsigned char)buf[1] == 0x8B;
	if (!in->gz)
		return (ssize_t)got;
	in->zin_size = got > ZIN_BYTES ? got : ZIN_BYTES;
	in->zin = malloc(in->zin_size);
	if (!in->zin)
		return Q_ENOMEM;
	memcpy(in->zin, buf, got);
	in->z.next_in = in->zin;
	in->z.avail_in = (uInt)got;
	/* 15 + 32: a gzip or zlib header, found by zlib */
	if (inflateInit2(&in->z, 15 + 32) != Z_OK) {
		free(in->zin);
		in->zin = NULL;
		in->gz = false;
		return Q_ENOMEM;
	}
	return read_gz(in, buf, n, detail);
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
	if (rc) {
		input_close(in);
		in->fd = -1;
	}
	return rc;
}

int input_open_pipe(input *in, const char *path)
{
	memset(in, 0, sizeof *in);
	in->fd = -1;
	struct stat st;
	if (stat(path, &st) != 0)
		return error_from_errno(errno);
	if (!S_ISFIFO(st.st_mode))
		return Q_ENOTREG;
	in->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (in->fd < 0)
		return error_from_errno(errno);
	int rc = fstat(in->fd, &st) < 0 ? error_from_errno(errno) : S_ISFIFO(st.st_mode) ? 0 : Q_ENOTREG;
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
			ssize_t r = read_fd(in, in->zin, in->zin_size);
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
	if (!in->started)
		return read_first(in, buf, n, detail);
	if (in->gz)
		return read_gz(in, buf, n, detail);
	if (in->fd_eof)
		return 0;
	return read_fd(in, buf, n);
}

bool input_at_end(const input *in)
{
	return in->started && in->fd_eof && (!in->gz || (in->zstream_end && in->z.avail_in == 0));
}

size_t input_want(const input *in, size_t most)
{
	if (!in->regular || in->gz || in->raw > in->size || in->size - in->raw >= most)
		return most;
	size_t rest = (size_t)(in->size - in->raw) + 1;   /* one more: a file that grew says so */
	return rest < 2 ? 2 : rest;
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
