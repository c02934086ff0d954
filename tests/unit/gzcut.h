/* gzip data of a text cut right after it: flushed, never finished, as a
 * copy that stopped at that byte leaves it; for the readers' tests of data
 * cut short at a known place. */
#ifndef QUOTH_TEST_GZCUT_H
#define QUOTH_TEST_GZCUT_H

#include <string.h>
#include <zlib.h>

/* Writes it into z (cap bytes); returns its size, 0 when it did not fit. */
static inline size_t gz_cut_after(const char *text, unsigned char *z, size_t cap)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	zs.next_in = (unsigned char *)text;
	zs.avail_in = (uInt)strlen(text);
	zs.next_out = z;
	zs.avail_out = (uInt)cap;
	int rc = deflate(&zs, Z_SYNC_FLUSH);
	size_t n = rc == Z_OK && zs.avail_in == 0 && zs.avail_out > 0 ? (size_t)zs.total_out : 0;
	deflateEnd(&zs);
	return n;
}

#endif
