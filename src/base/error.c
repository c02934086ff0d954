#include <errno.h>
#include "error.h"

const char *error_message(int code)
{
	switch (code) {
#define Q_ERROR_CASE(name, value, message) case name: return message;
	Q_ERRORS(Q_ERROR_CASE)
#undef Q_ERROR_CASE
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
