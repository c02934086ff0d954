/* One input of the stream: a file or standard input, read in chunks (never
 * mapped), and inflated when it is gzip data (its first two bytes say so,
 * whatever its name). Private to the corpus layer. A small file costs
 * openat, fstat, one read and close: its first read asks for the whole of
 * it (input_want), and a short read ending at its size is its end. */
#ifndef QUOTH_INPUT_H
#define QUOTH_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>

typedef struct input {
	int fd;
	bool is_stdin;
	bool regular;          /* a regular file: its size at open is known */
	uint64_t size;         /* st_size at open (regular files) */
	uint64_t raw;          /* bytes read from fd so far */
	bool gz;
	z_stream z;
	unsigned char *zin;    /* compressed bytes read ahead */
	size_t zin_size;
	bool zstream_end;      /* the last member ended cleanly */
	bool started;          /* the first bytes were read: gz is known */
	bool fd_eof;
} input;

/* Opens name in the folder dirfd (AT_FDCWD for a plain path), or standard
 * input when is_stdin. Returns 0, or a Q_* code (Q_EISDIR, Q_ENOTREG for a
 * FIFO or device that is not standard input, ...). */
int input_open(input *in, int dirfd, const char *name, bool is_stdin);

/* Opens the named pipe (FIFO) at path, waiting for a writer as a reader of
 * a pipe does. Returns 0, or a Q_* code: Q_ENOTREG when path is no FIFO,
 * told before it is opened (a device is never opened here: opening one may
 * wait forever). */
int input_open_pipe(input *in, const char *path);

/* Reads up to n bytes (n >= 2; decompressed): the count, 0 at the end, or
 * a negative Q_* code; *detail is then set for gzip errors (a static string).
 * Whether the input is gzip data is known after the first call. */
ssize_t input_read(input *in, char *buf, size_t n, const char **detail);

/* How many bytes the next input_read should ask for, at most `most`: the
 * rest of a regular file and one byte more (at least 2), so that a small
 * file is read at once into a buffer of its size. */
size_t input_want(const input *in, size_t most);

/* True when input_read has nothing more to give (known without asking the
 * system: a regular file's short read at its size, say). */
bool input_at_end(const input *in);

void input_close(input *in);

#endif
