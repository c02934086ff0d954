#include <errno.h>
#include "error.h"

const char *error_message(int code)
{
	switch (code) {
	case Q_OK: return "no error";
	case Q_ENOMEM: return "out of memory";
	case Q_ENOENT: return "no such file or directory";
	case Q_EACCES: return "permission denied";
	case Q_EISDIR: return "is a directory";
	case Q_ENOTREG: return "not a regular file";
	case Q_EIO: return "read error";
	case Q_EEMPTY: return "empty file";
	case Q_EBINARY: return "binary file, not text";
	case Q_ETOOBIG: return "file too large";
	case Q_EUSAGE: return "bad usage";
	case Q_ESYNTAX: return "syntax error";
	case Q_ENOSPC: return "no space left on device";
	case Q_EROFS: return "read-only file system";
	case Q_ELOCK: return "could not lock";
	case Q_EEXIST: return "file exists";
	case Q_ELOOP: return "a loop of symbolic links";
	case Q_ENAMETOOLONG: return "file name too long";
	case Q_ENOARTICLES: return "a directory with no articles in it (*.txt, *.md, *.jsonl, *.ndjson)";
	}
	return "unknown error";
}

int error_from_errno(int err)
{
	switch (err) {
	case ENOMEM: return Q_ENOMEM;
	case ENOENT: case ENOTDIR: return Q_ENOENT;
	case EACCES: case EPERM: return Q_EACCES;
	case EISDIR: return Q_EISDIR;
	case EFBIG: case EOVERFLOW: return Q_ETOOBIG;
	case ENOSPC: case EDQUOT: return Q_ENOSPC;
	case EROFS: return Q_EROFS;
	case EWOULDBLOCK: return Q_ELOCK;
	case EEXIST: return Q_EEXIST;
	case ELOOP: return Q_ELOOP;
	case ENAMETOOLONG: return Q_ENAMETOOLONG;
	}
	return Q_EIO;
}

int error_exit_status(int code)
{
	return code == Q_EUSAGE ? 2 : 1;
}
