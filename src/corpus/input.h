/* One input of the stream: a file or standard input, read in chunks (never
 * mapped), and inflated when it is gzip data (its first two bytes say so,
 * whatever its name). Private to the corpus layer. */
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
	bool zstream_end;      /* the last member ended cleanly */
	unsigned char head[2]; /* the first bytes, read to tell gzip from text */
	size_t headlen, headpos;
	bool fd_eof;
} input;

/* Opens name in the folder dirfd (AT_FDCWD for a plain path), or standard
 * input when is_stdin. Returns 0, or a Q_* code (Q_EISDIR, Q_ENOTREG for a
 * FIFO or device that is not standard input, ...). */
int input_open(input *in, int dirfd, const char *name, bool is_stdin);

/* Reads up to n bytes (decompressed): the count, 0 at the end, or a
 * negative Q_* code; *detail is then set for gzip errors (a static string). */
ssize_t input_read(input *in, char *buf, size_t n, const char **detail);

void input_close(input *in);

#endif
