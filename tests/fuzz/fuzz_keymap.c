/* Keymap parsing (keymap.h): keymap_load of the fuzz input, written to a
 * file, on top of the built-in keymap; then the help screen of the result.
 *
 * Invariants: loading never fails on what a file holds; every warning is
 * display-safe and one line, names the file and a line inside it; every
 * key bound is a valid key whose canonical name parses back to it and whose
 * lookup gives the action it was listed under; the help lines are
 * display-safe single lines.
 */
#include "fuzz.h"
#include "error.h"
#include "inifile.h"
#include "keymap.h"

static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t n = 1;
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

static void check_warnings(const warnings *w, const char *path, size_t lines)
{
	FUZZ_CHECK(w->n <= WARNINGS_MAX, "%zu warnings kept", w->n);
	for (size_t i = 0; i < w->n; i++) {
		const struct warning *x = &w->v[i];
		FUZZ_CHECK(x->msg && x->what, "warning %zu has no text", i);
		fuzz_check_safe("warning", x->msg, strlen(x->msg), true);
		FUZZ_CHECK(x->file == NULL || strcmp(x->file, path) == 0, "warning names '%s'", x->file);
		FUZZ_CHECK(x->line >= 0 && (size_t)x->line <= lines, "warning on line %d of %zu: %s", x->line, lines, x->msg);
	}
}

static void check_bindings(const keymap *km)
{
	int keys[256];
	char name[KEY_NAME_MAX];
	for (int ctx = 0; ctx < KC__COUNT; ctx++)
		for (int a = 0; a < ACT__COUNT; a++) {
			size_t n = keymap_keys(km, (enum keyctx)ctx, (enum action)a, keys, 256);
			for (size_t i = 0; i < n && i < 256; i++) {
				int k = keys[i];
				FUZZ_CHECK(key_is_valid(k), "invalid key %#x bound in context %d", k, ctx);
				qkey_name(k, name);
				FUZZ_CHECK(memchr(name, '\0', sizeof name), "key name not terminated");
				fuzz_check_safe("key name", name, strlen(name), true);
				FUZZ_CHECK(key_from_name(name) == k, "key %#x is named '%s', which parses to %#x", k, name,
				           key_from_name(name));
				FUZZ_CHECK(keymap_lookup(km, (enum keyctx)ctx, k) == (enum action)a,
				           "key '%s' listed under action %d in context %d but looks up to %d", name, a, ctx,
				           (int)keymap_lookup(km, (enum keyctx)ctx, k));
				for (size_t j = 0; j < i; j++)
					FUZZ_CHECK(keys[j] != k, "key '%s' listed twice", name);
			}
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write_file("keys.ini", data, size);
	keymap *km = (size && (data[0] & 1)) ? keymap_new() : keymap_builtin();
	FUZZ_CHECK(km != NULL, "keymap_builtin");
	warnings w;
	warnings_init(&w);
	int rc = keymap_load(km, path, &w);
	FUZZ_CHECK(rc == 0 || (rc == Q_ETOOBIG && size > INIFILE_MAX_BYTES), "keymap_load: %s", error_message(rc));
	check_warnings(&w, path, count_lines(data, size));
	check_bindings(km);

	static const char *const tags[9] = { "claim", NULL, "fact-check", NULL, NULL, NULL, NULL, NULL, "x" };
	help h;
	FUZZ_CHECK(keyhelp_build(km, tags, &h) == 0, "keyhelp_build");
	for (size_t i = 0; i < h.n; i++) {
		if (h.v[i].keys)
			fuzz_check_safe("help keys", h.v[i].keys, strlen(h.v[i].keys), true);
		if (h.v[i].line)
			fuzz_check_safe("help line", h.v[i].line, strlen(h.v[i].line), true);
	}
	keyhelp_free(&h);
	keymap_free(km);
	warnings_free(&w);
	return 0;
}
