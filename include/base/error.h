/* Error codes shared by every layer. Functions return 0 or one of these
 * (negative); error_message() is the one place that turns them into words. */
#ifndef QUOTH_ERROR_H
#define QUOTH_ERROR_H

enum qerr {
	Q_OK = 0,
	Q_ENOMEM = -1,     /* out of memory */
	Q_ENOENT = -2,     /* no such file */
	Q_EACCES = -3,     /* permission denied */
	Q_EISDIR = -4,     /* is a directory (where a file was wanted) */
	Q_ENOTREG = -5,    /* not a regular file (FIFO, device, socket) */
	Q_EIO = -6,        /* read error; errno kept by the caller if wanted */
	Q_EEMPTY = -7,     /* empty file (0 bytes or only white space) */
	Q_EBINARY = -8,    /* binary data, not text */
	Q_ETOOBIG = -9,    /* larger than quoth will open */
	Q_EUSAGE = -10,    /* bad usage */
	Q_ESYNTAX = -11,   /* a malformed line in a file quoth reads */
	Q_ENOSPC = -12,    /* disk full */
	Q_EROFS = -13,     /* read-only file system */
	Q_ELOCK = -14,     /* could not lock */
	Q_EEXIST = -15,    /* the file exists (and the caller asked not to replace it) */
	Q_ELOOP = -16,     /* a loop of symbolic links */
	Q_ENAMETOOLONG = -17, /* a path longer than the system opens */
	Q_ENOARTICLES = -18,  /* a folder with no article file in it */
};

/* A short lower-case phrase for code, e.g. "no such file". */
const char *error_message(int code);

/* Maps an errno value to the closest code. */
int error_from_errno(int err);

/* Exit status for a failure of this kind: 2 for usage, 1 for the rest. */
int error_exit_status(int code);

#endif
