#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "strbuf.h"
#include "xdg.h"

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (home && *home == '/')
		return home;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir && *pw->pw_dir == '/' ? pw->pw_dir : NULL;
}

int xdg_quoth_dir(enum xdg_kind kind, char **out)
{
	static const struct { const char *var, *fallback; } spec[] = {
		[XDG_DATA] = { "XDG_DATA_HOME", ".local/share" },
		[XDG_STATE] = { "XDG_STATE_HOME", ".local/state" },
		[XDG_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
		[XDG_CACHE] = { "XDG_CACHE_HOME", ".cache" },
	};
	const char *base = getenv(spec[kind].var);
	strbuf b;
	sb_init(&b);
	if (base && *base == '/') {
		sb_printf(&b, "%s/quoth", base);
	} else {
		const char *home = home_dir();
		if (!home)
			return Q_ENOENT;
		sb_printf(&b, "%s/%s/quoth", home, spec[kind].fallback);
	}
	*out = sb_take(&b);
	return *out ? 0 : Q_ENOMEM;
}

/* The error of a prefix that mkdir refused: a file in the way is "not a
 * directory" (ENOTDIR or EEXIST say so less plainly). */
static int prefix_error(const char *prefix, int err)
{
	struct stat st;
	if (stat(prefix, &st) == 0 && !S_ISDIR(st.st_mode))
		return Q_ENOTDIR;
	return err == EEXIST ? Q_ENOTDIR : error_from_errno(err);
}

int xdg_mkdirs(const char *path, char **failed)
{
	if (failed)
		*failed = NULL;
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	char *p = strdup(path);
	if (!p)
		return Q_ENOMEM;
	int rc = 0;
	/* Each prefix in turn: mkdir of one that exists fails with EEXIST, which
	 * is fine when it is a folder. */
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		int err = mkdir(p, 0700) != 0 ? errno : 0;
		if (err && (err != EEXIST || (stat(p, &st) == 0 && !S_ISDIR(st.st_mode)))) {
			rc = prefix_error(p, err);
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	if (rc && failed)
		*failed = p;   /* cut at the prefix that failed */
	else
		free(p);
	return rc;
}
