/* Durable file operations shared by the stores (tags, positions) and export:
 * what it takes for bytes to be on disk when a call returns. */
#ifndef QUOTH_FSUTIL_H
#define QUOTH_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Writes all n bytes to fd, retrying short writes and EINTR. Returns 0 or a
 * Q_* code (Q_ENOSPC, Q_EROFS, Q_EIO, ...). */
int fs_write_all(int fd, const char *data, size_t n);

/* Reads all of fd from its current offset into a new NUL-terminated buffer
 * (*out, caller frees; *len bytes). Returns 0 or a Q_* code. */
int fs_read_all(int fd, char **out, size_t *len);

/* fsync of the folder that holds path, so that a file created or renamed
 * there survives a crash. Returns 0 or a Q_* code. */
int fs_sync_parent(const char *path);

/* flock(fd, op) (LOCK_SH or LOCK_EX), retried for up to timeout_ms so that a
 * stuck process cannot hang the caller forever. Returns 0 or Q_ELOCK. */
int fs_lock(int fd, int op, int timeout_ms);

/* Replaces path with n bytes of data atomically: writes a temporary file in
 * the same folder with the given mode, fsyncs it, renames it over path and
 * fsyncs the folder. On failure path is untouched and the temporary file is
 * removed. Returns 0 or a Q_* code. */
int fs_replace(const char *path, const char *data, size_t n, mode_t mode);

/* fs_replace, calling progress(ctx) (when not NULL) between chunks of a
 * megabyte and around the fsync, so that a caller holding a lock can show
 * the processes waiting for it that it is still at work. */
int fs_replace_with(const char *path, const char *data, size_t n, mode_t mode, void (*progress)(void *),
                    void *ctx);

/* Opens path (flags as open(2); O_CREAT makes it with mode 0600) for a
 * file quoth reads or appends to, and checks that it is a regular file: a FIFO, a device or a
 * socket is refused with Q_ENOTREG (the open never waits for a writer, as
 * a FIFO's would), a folder with Q_EISDIR. Returns the descriptor, or a
 * negative Q_* code (Q_ENOENT when it does not exist). */
int fs_open_regular(const char *path, int flags);

#endif
