/* Where quoth keeps its per-user files: the XDG Base Directory spec.
 *
 * $XDG_DATA_HOME/quoth  (default ~/.local/share/quoth): the tag store, data
 *                       the user made and must never lose;
 * $XDG_STATE_HOME/quoth (default ~/.local/state/quoth): reading positions,
 *                       state that is nice to keep but can be rebuilt;
 * $XDG_CACHE_HOME/quoth (default ~/.cache/quoth): the corpus index, derived
 *                       data that can be deleted at any time.
 * As the spec says, a variable that is unset, empty or not an absolute path
 * is ignored and the default under $HOME is used.
 */
#ifndef QUOTH_XDG_H
#define QUOTH_XDG_H

enum xdg_kind {
	XDG_DATA,
	XDG_STATE,
	XDG_CONFIG,
	XDG_CACHE,
};

/* The quoth folder of that kind as a new string (caller frees) in *out; it is
 * not created. Returns 0, Q_ENOENT when neither the variable nor $HOME (nor
 * the password database) gives a home, or Q_ENOMEM. */
int xdg_quoth_dir(enum xdg_kind kind, char **out);

/* Creates the folder path and any missing parents with mode 0700 (what the
 * spec asks for); folders that exist are left as they are. Returns 0 or a
 * Q_* code (Q_EROFS, Q_EACCES, Q_ENOSPC, Q_ENOTDIR when one of them is a
 * file, ...); then *failed (when failed is not NULL) is a new string
 * naming the folder that could not be made or is not one, for the message
 * (e.g. an XDG_DATA_HOME that names a file). */
int xdg_mkdirs(const char *path, char **failed);

#endif
