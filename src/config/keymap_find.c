/* Finding the keymap file a config names, and building the keymap the
 * config asks for. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "error.h"
#include "keymap.h"
#include "strbuf.h"

#ifndef QUOTH_DATADIR
#define QUOTH_DATADIR "/usr/local/share/quoth"
#endif

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder of the running binary, or NULL. */
static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return strdup(buf[0] ? buf : "/");
}

/* A keymap name: letters, digits, '-', '_', '.', not starting with '.'. */
static bool valid_name(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == '-' || s[i] == '_' || s[i] == '.' || (s[i] >= '0' && s[i] <= '9')
		      || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
			return false;
	return true;
}

char *keymap_find(const char *setting, char **looked)
{
	if (looked)
		*looked = NULL;
	if (strchr(setting, '/')) {
		char *path = config_expand_home(setting);
		if (path && is_file(path))
			return path;
		if (looked)
			*looked = path;
		else
			free(path);
		return NULL;
	}
	size_t n = strlen(setting);
	if (n > 4 && !strcmp(setting + n - 4, ".ini"))
		n -= 4;
	if (!valid_name(setting, n)) {
		if (looked)
			*looked = strdup("nowhere: not a keymap name");
		return NULL;
	}
	char *dirs[5] = { NULL, NULL, NULL, NULL, NULL };
	char *user = config_user_dir(), *exe = exe_dir();
	if (user && asprintf(&dirs[0], "%s/keymaps", user) < 0)
		dirs[0] = NULL;
	dirs[1] = strdup(QUOTH_DATADIR "/keymaps");
	if (exe && asprintf(&dirs[2], "%s/keymaps", exe) < 0)
		dirs[2] = NULL;
	char *up = exe ? strrchr(exe, '/') : NULL;
	if (up && up != exe && asprintf(&dirs[3], "%.*s/keymaps", (int)(up - exe), exe) < 0)
		dirs[3] = NULL;
	/* an install moved elsewhere than PREFIX: BIN/../share/quoth/keymaps */
	if (up && up != exe && asprintf(&dirs[4], "%.*s/share/quoth/keymaps", (int)(up - exe), exe) < 0)
		dirs[4] = NULL;
	free(user);
	free(exe);
	char *found = NULL;
	strbuf where;
	sb_init(&where);
	for (int i = 0; i < 5 && !found; i++) {
		if (!dirs[i])
			continue;
		char *path;
		if (asprintf(&path, "%s/%.*s.ini", dirs[i], (int)n, setting) < 0)
			break;
		if (is_file(path))
			found = path;
		else
			free(path);
		sb_printf(&where, "%s%s", where.len ? ", " : "", dirs[i]);
	}
	for (int i = 0; i < 5; i++)
		free(dirs[i]);
	if (looked && !found)
		*looked = sb_take(&where);
	sb_free(&where);
	return found;
}

/* The keymap file of the config, or NULL (with a warning unless the
 * setting is the default, which the built-in keymap stands in for). */
static keymap *load_chosen(const struct config *cfg, warnings *w)
{
	const char *file = cfg->keymap_from.file;
	int line = cfg->keymap_from.line;
	char *looked = NULL;
	char *path = keymap_find(cfg->keymap, &looked);
	keymap *km = NULL;
	if (!path) {
		if (strcmp(cfg->keymap, "default") && strcmp(cfg->keymap, "default.ini"))
			warnings_add(w, file, line, "keymap '%s' not found (looked in %s): using the built-in default keys",
			             cfg->keymap, looked ? looked : "nowhere");
	} else if ((km = keymap_new())) {
		int rc = keymap_load(km, path, w);
		if (rc) {
			warnings_add(w, file, line, "keymap %s: %s: using the built-in default keys", path,
			             error_message(rc));
			keymap_free(km);
			km = NULL;
		} else if (keymap_is_empty(km)) {
			warnings_add(w, file, line, "keymap %s binds no key: only q, ?, Esc and C-c do something", path);
		}
	}
	free(looked);
	free(path);
	return km;
}

keymap *keymap_for_config(const struct config *cfg, warnings *w)
{
	keymap *km = load_chosen(cfg, w);
	if (!km && !(km = keymap_builtin()))
		return NULL;
	if (cfg->keymap_override) {
		int rc = keymap_load(km, cfg->keymap_override, w);
		if (rc == Q_ENOMEM) {
			keymap_free(km);
			return NULL;
		}
		if (rc)
			warnings_add(w, cfg->keymap_override_from.file, cfg->keymap_override_from.line,
			             "keymap_override %s: %s: not used", cfg->keymap_override, error_message(rc));
	}
	bool empty = keymap_is_empty(km);   /* warned about already */
	char kept[64];
	int n = keymap_keep_essentials(km, kept, sizeof kept);
	if (n < 0) {
		keymap_free(km);
		return NULL;
	}
	if (n && !empty)
		warnings_add(w, NULL, 0, "the keymap leaves %s doing nothing: %s kept as built in (q, ?, Esc and C-c "
		             "always do something)", kept, n > 1 ? "they are" : "it is");
	return km;
}
