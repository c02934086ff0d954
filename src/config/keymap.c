/* Keymaps: bindings per context, the built-in default from the action
 * table, and keymap files. */
#include <stdio.h>
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

/* ---- keys that always do something ---- */

/* Whatever a keymap says, these keys are never dead: a way out, a way to
 * help and to cancel. A keymap may give them another action (vi's ? is
 * search_back); where it leaves one with none, it keeps this one. */
static const struct {
	int key;
	enum action action;
	bool quiet;   /* no keymap binds C-c (a terminal sends it as SIGINT, which quits): not news */
} essentials[] = {
	{ 'q', ACT_QUIT, false }, { '?', ACT_HELP, false }, { QK_ESC, ACT_CANCEL, false },
	{ QK_C('c'), ACT_QUIT, true },
};

bool keymap_is_empty(const keymap *km)
{
	for (int c = 0; c < KC__COUNT; c++)
		if (km->ctx[c].n)
			return false;
	return true;
}

/* Makes key do action wherever it does nothing: bound globally, and no
 * pane's "none" hiding that. Returns 1 when something changed, 0, or
 * Q_ENOMEM. */
static int keep_alive(keymap *km, int key, enum action action)
{
	int changed = 0;
	for (int c = KC_GLOBAL + 1; c < KC__COUNT; c++) {
		const struct binding *b = binding_in(km, c, key);
		if (b && b->action == ACT_NONE) {
			keymap_unbind(km, c, key);
			changed = 1;
		}
	}
	if (keymap_lookup(km, KC_GLOBAL, key) == ACT_NONE) {
		if (keymap_bind(km, KC_GLOBAL, key, action))
			return Q_ENOMEM;
		changed = 1;
	}
	return changed;
}

int keymap_keep_essentials(keymap *km, char *changed, size_t size)
{
	int n = 0;
	if (size)
		changed[0] = '\0';
	for (size_t i = 0; i < sizeof essentials / sizeof *essentials; i++) {
		int rc = keep_alive(km, essentials[i].key, essentials[i].action);
		if (rc < 0)
			return rc;
		if (essentials[i].quiet)
			continue;
		if (rc && size) {
			char name[KEY_NAME_MAX];
			size_t at = strlen(changed);
			snprintf(changed + at, size - at, "%s%s", n ? ", " : "", qkey_name(essentials[i].key, name));
		}
		n += rc;
	}
	return n;
}

/* ---- keymap files ---- */

/* A binding a keymap file makes. The file's bindings are gathered, then
 * sorted and merged into the keymap at once: binding them one by one
 * (each a search for an earlier one and an insertion into a sorted array)
 * made a file of 30,000 keys take seconds. */
struct file_binding {
	enum keyctx ctx;
	int key;
	enum action action;
	int line;
	unsigned long seq;        /* the order of the file: the later binding of a key wins */
};

struct loader {
	keymap *km;
	warnings *w;
	const char *path;
	struct file_binding *v;
	size_t n, cap;
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

static int bind_from_file(struct loader *ld, enum keyctx ctx, int key, enum action a, int line)
{
	if (GROW(ld->v, ld->cap, ld->n + 1, 64))
		return Q_ENOMEM;
	ld->v[ld->n++] = (struct file_binding){ ctx, key, a, line, ++ld->km->seq };
	return 0;
}

static int by_ctx_key_seq(const void *a, const void *b)
{
	const struct file_binding *x = a, *y = b;
	if (x->ctx != y->ctx)
		return x->ctx < y->ctx ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A key the file binds to two actions in one section: a warning at the
 * later line, which wins. *g is the bindings of one key, in file order;
 * returns the one that wins. */
static const struct file_binding *winner(struct loader *ld, const struct file_binding *g, size_t n)
{
	const struct file_binding *prev = &g[0];
	for (size_t i = 1; i < n; i++) {
		if (g[i].action == prev->action)
			continue;
		char kn[KEY_NAME_MAX];
		warnings_add(ld->w, ld->path, g[i].line, "%s is bound to %s on line %d and to %s here: %s wins",
		             qkey_name(g[i].key, kn), action_name(prev->action), prev->line, action_name(g[i].action),
		             action_name(g[i].action));
		prev = &g[i];
	}
	return &g[n - 1];
}

/* The file's bindings of one context (sorted by key, one each) merged into
 * the keymap's: a new array, the file's binding winning for a key both have. */
static int merge_context(struct bindings *b, const struct file_binding *f, size_t nf)
{
	size_t cap = b->n + nf, n = 0, i = 0, j = 0;
	struct binding *v = malloc((cap ? cap : 1) * sizeof *v);
	if (!v)
		return Q_ENOMEM;
	while (i < b->n || j < nf) {
		if (j == nf || (i < b->n && b->v[i].key < f[j].key)) {
			v[n++] = b->v[i++];
			continue;
		}
		if (i < b->n && b->v[i].key == f[j].key)
			i++;
		v[n++] = (struct binding){ f[j].key, f[j].action, f[j].seq };
		j++;
	}
	free(b->v);
	b->v = v;
	b->n = n;
	b->cap = cap ? cap : 1;
	return 0;
}

/* Sorts the file's bindings, warns about keys bound twice, keeps the
 * winner of each key and merges them into the keymap. */
static int apply_file_bindings(struct loader *ld)
{
	if (!ld->n)
		return 0;
	qsort(ld->v, ld->n, sizeof *ld->v, by_ctx_key_seq);
	size_t kept = 0;
	for (size_t i = 0, j; i < ld->n; i = j) {
		for (j = i + 1; j < ld->n && ld->v[j].ctx == ld->v[i].ctx && ld->v[j].key == ld->v[i].key;)
			j++;
		ld->v[kept++] = *winner(ld, &ld->v[i], j - i);
	}
	int rc = 0;
	for (size_t i = 0, j; !rc && i < kept; i = j) {
		for (j = i + 1; j < kept && ld->v[j].ctx == ld->v[i].ctx;)
			j++;
		rc = merge_context(&ld->km->ctx[ld->v[i].ctx], &ld->v[i], j - i);
	}
	return rc;
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
	if (!rc)
		rc = apply_file_bindings(&ld);
	free(ld.v);
	inifile_free(&f);
	warnings_sort(w, first);
	return rc;
}
