/* Keymaps: bindings per context, the built-in default from the action
 * table, and keymap files. */
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "inifile.h"
#include "keymap.h"
#include "strbuf.h"

struct binding {
	int key;
	enum action action;       /* ACT_NONE: the key does nothing here */
	unsigned long seq;        /* when it was bound: keys are listed in that order */
};

struct bindings {
	struct binding *v;        /* sorted by key */
	size_t n, cap;
};

struct keymap {
	struct bindings ctx[KC__COUNT];
	unsigned long seq;
};

keymap *keymap_new(void)
{
	return calloc(1, sizeof(keymap));
}

void keymap_free(keymap *km)
{
	if (!km)
		return;
	for (int c = 0; c < KC__COUNT; c++)
		free(km->ctx[c].v);
	free(km);
}

/* The index of key in b, or where it would go (and *found false). */
static size_t find(const struct bindings *b, int key, bool *found)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < b->n && b->v[lo].key == key;
	return lo;
}

static bool valid_ctx(enum keyctx ctx)
{
	return (unsigned)ctx < KC__COUNT;
}

int keymap_bind(keymap *km, enum keyctx ctx, int key, enum action a)
{
	if (!valid_ctx(ctx) || (unsigned)a >= ACT__COUNT)
		return Q_EUSAGE;
	struct bindings *b = &km->ctx[ctx];
	bool found;
	size_t i = find(b, key, &found);
	if (!found) {
		if (GROW(b->v, b->cap, b->n + 1, 32))
			return Q_ENOMEM;
		memmove(b->v + i + 1, b->v + i, (b->n - i) * sizeof *b->v);
		b->n++;
	}
	b->v[i] = (struct binding){ key, a, ++km->seq };
	return 0;
}

void keymap_unbind(keymap *km, enum keyctx ctx, int key)
{
	if (!valid_ctx(ctx))
		return;
	struct bindings *b = &km->ctx[ctx];
	bool found;
	size_t i = find(b, key, &found);
	if (found) {
		memmove(b->v + i, b->v + i + 1, (b->n - i - 1) * sizeof *b->v);
		b->n--;
	}
}

/* The binding of key in ctx itself, or NULL. */
static const struct binding *binding_in(const keymap *km, enum keyctx ctx, int key)
{
	const struct bindings *b = &km->ctx[ctx];
	bool found;
	size_t i = find(b, key, &found);
	return found ? &b->v[i] : NULL;
}

enum action keymap_lookup(const keymap *km, enum keyctx ctx, int key)
{
	if (!km || !valid_ctx(ctx))
		return ACT_NONE;
	const struct binding *b = binding_in(km, ctx, key);
	if (!b && ctx != KC_GLOBAL)
		b = binding_in(km, KC_GLOBAL, key);
	return b ? b->action : ACT_NONE;
}

static int by_seq(const void *a, const void *b)
{
	const struct binding *x = a, *y = b;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The bindings of a in ctx, in the order they were made; caller frees. */
static size_t bindings_of(const keymap *km, enum keyctx ctx, enum action a, struct binding **out)
{
	const struct bindings *b = &km->ctx[ctx];
	*out = NULL;
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += b->v[i].action == a;
	if (n == 0 || !(*out = malloc(n * sizeof **out)))
		return 0;
	n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].action == a)
			(*out)[n++] = b->v[i];
	qsort(*out, n, sizeof **out, by_seq);
	return n;
}

size_t keymap_keys(const keymap *km, enum keyctx ctx, enum action a, int *keys, size_t max)
{
	if (!km || !valid_ctx(ctx) || a == ACT_NONE)
		return 0;
	struct binding *v;
	size_t n = bindings_of(km, ctx, a, &v);
	for (size_t i = 0; i < n && i < max; i++)
		keys[i] = v[i].key;
	free(v);
	return n;
}

int keymap_key_for(const keymap *km, enum keyctx ctx, enum action a)
{
	if (!km || !valid_ctx(ctx) || a == ACT_NONE)
		return -1;
	int key = -1;
	struct binding *v;
	size_t n = bindings_of(km, ctx, a, &v);
	if (n > 0)
		key = v[0].key;
	free(v);
	if (key >= 0 || ctx == KC_GLOBAL)
		return key;
	n = bindings_of(km, KC_GLOBAL, a, &v);
	for (size_t i = 0; i < n && key < 0; i++)
		if (keymap_lookup(km, ctx, v[i].key) == a)
			key = v[i].key;
	free(v);
	return key;
}

keymap *keymap_builtin(void)
{
	keymap *km = keymap_new();
	if (!km)
		return NULL;
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		const struct action_info *info = action_info(a);
		char *keys = strdup(info->default_keys);
		if (!keys)
			goto fail;
		char *save = NULL;
		for (char *name = strtok_r(keys, ", ", &save); name; name = strtok_r(NULL, ", ", &save)) {
			int key = key_from_name(name);
			for (int c = 0; c < KC__COUNT && key >= 0; c++)
				if ((info->default_ctx & KCM(c)) && keymap_bind(km, c, key, a) < 0) {
					free(keys);
					goto fail;
				}
		}
		free(keys);
	}
	return km;
fail:
	keymap_free(km);
	return NULL;
}

/* ---- keymap files ---- */

/* Where a key was bound in the file being read, to warn about a key bound
 * twice. */
struct file_binding {
	enum keyctx ctx;
	int key;
	enum action action;
	int line;
};

struct loader {
	keymap *km;
	warnings *w;
	const char *path;
	struct file_binding *seen;
	size_t nseen, capseen;
};

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The action name closest to a misspelt one, or NULL. */
static const char *closest_action(const char *name)
{
	const char *best = NULL;
	size_t best_d = 3;   /* at most two edits away */
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		size_t d = edit_distance(name, action_name(a));
		if (d < best_d) {
			best_d = d;
			best = action_name(a);
		}
	}
	return best;
}

static void unknown_action(struct loader *ld, const char *name, int line)
{
	const char *guess = closest_action(name);
	if (guess)
		warnings_add(ld->w, ld->path, line, "unknown action '%s' (did you mean '%s'?): line ignored", name, guess);
	else
		warnings_add(ld->w, ld->path, line, "unknown action '%s': line ignored", name);
}

static struct file_binding *seen_before(struct loader *ld, enum keyctx ctx, int key)
{
	for (size_t i = 0; i < ld->nseen; i++)
		if (ld->seen[i].ctx == ctx && ld->seen[i].key == key)
			return &ld->seen[i];
	return NULL;
}

static int bind_from_file(struct loader *ld, enum keyctx ctx, int key, enum action a, int line)
{
	char kn[KEY_NAME_MAX];
	struct file_binding *prev = seen_before(ld, ctx, key);
	if (prev && prev->action != a) {
		warnings_add(ld->w, ld->path, line, "%s is bound to %s on line %d and to %s here: %s wins",
		             qkey_name(key, kn), action_name(prev->action), prev->line, action_name(a), action_name(a));
		prev->action = a;
		prev->line = line;
	} else if (!prev) {
		if (GROW(ld->seen, ld->capseen, ld->nseen + 1, 64))
			return Q_ENOMEM;
		ld->seen[ld->nseen++] = (struct file_binding){ ctx, key, a, line };
	}
	return keymap_bind(ld->km, ctx, key, a);
}

/* "action =" with no keys: the action loses its keys in this section. */
static void unbind_action(keymap *km, enum keyctx ctx, enum action a)
{
	struct bindings *b = &km->ctx[ctx];
	size_t kept = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].action != a)
			b->v[kept++] = b->v[i];
	b->n = kept;
}

static int load_entry(struct loader *ld, enum keyctx ctx, const struct ini_entry *e)
{
	enum action a = action_by_name(e->key);
	if (a == ACT_NONE && !action_is_none_name(e->key)) {
		unknown_action(ld, e->key, e->line);
		return 0;
	}
	char *keys = strdup(e->value);
	if (!keys)
		return Q_ENOMEM;
	bool any = keys[strspn(keys, " \t")] != '\0';
	int rc = 0;
	char *cursor = any ? keys : NULL, *item;
	while (!rc && (item = ini_next_item(&cursor))) {
		int key = *item ? key_from_name(item) : -1;
		if (!*item)
			warnings_add(ld->w, ld->path, e->line, "an empty key name in the list for %s (write a comma as Comma)",
			             e->key);
		else if (key < 0)
			warnings_add(ld->w, ld->path, e->line, "'%s' is not a key name (for %s)", item, e->key);
		else
			rc = bind_from_file(ld, ctx, key, a, e->line);
	}
	free(keys);
	if (!any && a != ACT_NONE)
		unbind_action(ld->km, ctx, a);
	return rc;
}

int keymap_load(keymap *km, const char *path, warnings *w)
{
	inifile f;
	size_t first = w ? w->n : 0;
	int rc = inifile_read(&f, path, w);
	if (rc)
		return rc;
	for (size_t i = 0; i < f.nsec; i++)
		if (keyctx_by_name(f.sec[i].name) < 0)
			warnings_add(w, path, f.sec[i].line,
			             "unknown section [%s] (known: global, list, text, quotes, tagged, help, index): ignored",
			             f.sec[i].name);
	struct loader ld = { .km = km, .w = w, .path = path };
	for (size_t i = 0; i < f.n && !rc; i++) {
		int ctx = keyctx_by_name(f.v[i].section);
		if (ctx >= 0)
			rc = load_entry(&ld, ctx, &f.v[i]);
	}
	free(ld.seen);
	inifile_free(&f);
	warnings_sort(w, first);
	return rc;
}
