/* Error codes shared by every layer. Functions return 0 or one of these
 * (negative); error_message() is the one place that turns them into words. */
#ifndef QUOTH_ERROR_H
#define QUOTH_ERROR_H

/* Every code with its value and message: the enum and error_message() are
 * both made from this one list, so a new code cannot lack its words. */
#define Q_ERRORS(X) \
	X(Q_OK,      0, "no error") \
	X(Q_ENOMEM, -1, "out of memory") \
	X(Q_ENOENT, -2, "no such file or directory") \
	X(Q_EACCES, -3, "permission denied") \
	X(Q_EISDIR, -4, "is a directory")            /* where a file was wanted */ \
	X(Q_ENOTREG, -5, "not a regular file")       /* FIFO, device, socket */ \
	X(Q_EIO,    -6, "read error")                /* errno kept by the caller if wanted */ \
	X(Q_EEMPTY, -7, "empty file")                /* 0 bytes or only white space */ \
	X(Q_EBINARY, -8, "binary file, not text") \
	X(Q_ETOOBIG, -9, "file too large")           /* larger than quoth will open */ \
	X(Q_EUSAGE, -10, "bad usage") \
	X(Q_ESYNTAX, -11, "syntax error")            /* a malformed line in a file quoth reads */ \
	X(Q_ENOSPC, -12, "no space left on device") \
	X(Q_EROFS,  -13, "read-only file system") \
	X(Q_ELOCK,  -14, "could not lock") \
	X(Q_EEXIST, -15, "file exists")              /* and the caller asked not to replace it */ \
	X(Q_ELOOP,  -16, "a loop of symbolic links") \
	X(Q_ENAMETOOLONG, -17, "file name too long")  /* a path longer than the system opens */ \
	X(Q_ENOARTICLES, -18, "a directory with no articles in it (*.txt, *.md, *.jsonl, *.ndjson)") \
	X(Q_ENOTDIR, -19, "not a directory")         /* a file where a folder was wanted */ \
	X(Q_ENOTJOURNAL, -20, "not a quoth tag journal") /* a file quoth must not append to */ \
	X(Q_ENEWER, -21, "written by a newer quoth") /* a format this one may read but not write */ \
	X(Q_EMANY,  -22, "several articles in one file (JSON Lines, form feeds): "   /* the index keeps one a file */ \
	                 "index them with quoth quotes --format=jsonl FILE | quoth index --import -") \
	X(Q_EWRITE, -23, "write error")              /* the system refused a write, saying no more */

enum qerr {
#define Q_ERROR_ENUM(name, value, message) name = (value),
	Q_ERRORS(Q_ERROR_ENUM)
#undef Q_ERROR_ENUM
};

/* A short lower-case phrase for code, e.g. "no such file". */
const char *error_message(int code);

/* Maps an errno value to the closest code. */
int error_from_errno(int err);

/* Exit status for a failure of this kind: 2 for usage, 1 for the rest. */
int error_exit_status(int code);

#endif
