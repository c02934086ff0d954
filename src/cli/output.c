/* Standard output: every command writes through here, so that a write
 * error (a full disk, /dev/full) is said as a write error naming standard
 * output, once, and the command stops and exits 1. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "error.h"
#include "strbuf.h"

static int write_failed(int err)
{
	cmd_say("quoth: standard output: write error (%s)", strerror(err));
	return Q_EIO;
}

int cmd_write(const char *s, size_t n)
{
	if (ferror(stdout))
		return Q_EIO;   /* said already */
	errno = 0;
	if (n && fwrite(s, 1, n, stdout) != n)
		return write_failed(errno ? errno : EIO);
	return 0;
}

int cmd_write_buf(strbuf *b)
{
	if (b->failed) {
		cmd_say("quoth: %s", error_message(Q_ENOMEM));
		return Q_ENOMEM;
	}
	int rc = cmd_write(b->s, b->len);
	b->len = 0;
	return rc;
}

int cmd_write_end(void)
{
	if (ferror(stdout))
		return Q_EIO;
	errno = 0;
	if (fflush(stdout) != 0)
		return write_failed(errno ? errno : EIO);
	return 0;
}
