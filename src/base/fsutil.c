#include <errno.h>
#include <fcntl.h>
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

int fs_write_all(int fd, const char *data, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, data, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return error_from_errno(errno);
		}
		if (w == 0)
			return Q_EIO;
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

int fs_read_all(int fd, char **out, size_t *len)
{
	struct stat st;
	/* size bytes are allocated; the last one stays free for the final NUL */
	size_t size = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 2 : 4097;
	size_t n = 0;
	char *buf = malloc(size);
	if (!buf)
		return Q_ENOMEM;
	for (;;) {
		if (n + 1 == size && GROW(buf, size, size + 1, size)) {
			free(buf);
			return Q_ENOMEM;
		}
		ssize_t r = read(fd, buf + n, size - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int rc = error_from_errno(errno);
			free(buf);
			return rc;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int fs_sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!dir)
		return Q_ENOMEM;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return error_from_errno(errno);
	/* Some file systems cannot fsync a folder (EINVAL); the rename is then as durable as it gets. */
	int rc = fsync(fd) != 0 && errno != EINVAL ? error_from_errno(errno) : 0;
	close(fd);
	return rc;
}

int fs_lock(int fd, int op, int timeout_ms)
{
	const struct timespec pause = { 0, 2 * 1000 * 1000 };
	for (int waited = 0;; waited += 2) {
		if (flock(fd, op | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return errno == ENOLCK ? Q_ELOCK : error_from_errno(errno);
		if (waited >= timeout_ms)
			return Q_ELOCK;
		nanosleep(&pause, NULL);
	}
}

int fs_replace(const char *path, const char *data, size_t n, mode_t mode)
{
	return fs_replace_with(path, data, n, mode, NULL, NULL);
}

#define CHUNK (1u << 20)

static int write_chunks(int fd, const char *data, size_t n, void (*progress)(void *), void *ctx)
{
	int rc = 0;
	for (size_t at = 0; !rc && at < n; at += CHUNK) {
		rc = fs_write_all(fd, data + at, n - at < CHUNK ? n - at : CHUNK);
		if (progress)
			progress(ctx);
	}
	return rc;
}

int fs_replace_with(const char *path, const char *data, size_t n, mode_t mode, void (*progress)(void *),
                    void *ctx)
{
	strbuf tmp;
	sb_init(&tmp);
	sb_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	if (tmp.failed)
		return Q_ENOMEM;
	int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	int rc = fd < 0 ? error_from_errno(errno) : 0;
	if (!rc)
		rc = write_chunks(fd, data, n, progress, ctx);
	if (!rc && fsync(fd) != 0)
		rc = error_from_errno(errno);
	if (progress)
		progress(ctx);
	if (fd >= 0 && close(fd) != 0 && !rc)
		rc = error_from_errno(errno);
	if (!rc && rename(tmp.s, path) != 0)
		rc = error_from_errno(errno);
	if (rc && fd >= 0)
		unlink(tmp.s);
	if (!rc)
		rc = fs_sync_parent(path);
	sb_free(&tmp);
	return rc;
}

int fs_open_regular(const char *path, int flags)
{
	int fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	int rc = fstat(fd, &st) != 0 ? error_from_errno(errno) : S_ISDIR(st.st_mode) ? Q_EISDIR
	       : !S_ISREG(st.st_mode) ? Q_ENOTREG : 0;
	/* reads and writes of a regular file block as usual from here on */
	if (!rc && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		rc = error_from_errno(errno);
	if (rc) {
		close(fd);
		return rc;
	}
	return fd;
}
