/* config.ini: built-in defaults, then the user's files on top. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>
#include "config.h"
#include "error.h"
#include "grow.h"
#include "inifile.h"
#include "strbuf.h"
#include "tags.h"

static const char *const default_tags[9] = {
	"claim", "denial", "accusation", "evidence", "promise",
	"criticism", "praise", "threat", "question",
};

static const struct {
	const char *name, *color, *mono;
} theme_defaults[THEME__COUNT] = {
#define THEME_ROW(id, name, color, mono, what) [THEME_##id] = { name, color, mono },
	THEME_ELEMENTS(THEME_ROW)
#undef THEME_ROW
};

static const char *const narrow_names[] = {
	[NARROW_HIDE] = "hide",
	[NARROW_STRIP] = "strip",
	[NARROW_STACK] = "stack",
};

static const char *const export_formats[] = { "text", "tsv", "jsonl" };

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", QATTR_BOLD }, { "dim", QATTR_DIM }, { "underline", QATTR_UNDERLINE },
	{ "reverse", QATTR_REVERSE }, { "italic", QATTR_ITALIC }, { "standout", QATTR_STANDOUT },
	{ "blink", QATTR_BLINK }, { "none", 0 }, { "normal", 0 },
};

const char *theme_element_name(enum theme_element e)
{
	return (unsigned)e < THEME__COUNT ? theme_defaults[e].name : "?";
}

const char *narrow_list_name(enum narrow_list n)
{
	return (unsigned)n < sizeof narrow_names / sizeof *narrow_names ? narrow_names[n] : "?";
}

int color_from_name(const char *name)
{
	if (!strcasecmp(name, "default"))
		return QCOLOR_DEFAULT;
	if (!strcasecmp(name, "gray") || !strcasecmp(name, "grey"))
		return 8;
	const char *base = name;
	int bright = 0;
	if (!strncasecmp(base, "bright-", 7) || !strncasecmp(base, "bright_", 7))
		base += 7, bright = 8;
	else if (!strncasecmp(base, "bright", 6))
		base += 6, bright = 8;
	for (int i = 0; i < 8; i++)
		if (!strcasecmp(base, color_names[i]))
			return i + bright;
	if (bright)
		return -2;
	const char *num = !strncasecmp(name, "color", 5) ? name + 5 : name;
	if (!isdigit((unsigned char)num[0]))
		return -2;
	char *end;
	long n = strtol(num, &end, 10);
	return !*end && n >= 0 && n <= 255 ? (int)n : -2;
}

/* The xterm palette: RGB of the 16 basic colours, and of 16..255. */
static void rgb_of(int color, int rgb[3])
{
	static const unsigned char basic[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	if (color < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = basic[color][i];
	} else if (color < 232) {
		static const int level[6] = { 0, 95, 135, 175, 215, 255 };
		int c = color - 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (color - 232);
	}
}

int color_for_terminal(int color, int ncolors)
{
	if (color < 0 || color < ncolors)
		return color;
	if (ncolors < 8)
		return QCOLOR_DEFAULT;
	if (color < 16)
		return color - 8;
	int want[3], best = 0;
	long best_d = -1;
	rgb_of(color, want);
	for (int c = 0; c < (ncolors >= 16 ? 16 : 8); c++) {
		int rgb[3];
		rgb_of(c, rgb);
		long d = 0;
		for (int i = 0; i < 3; i++)
			d += (long)(rgb[i] - want[i]) * (rgb[i] - want[i]);
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best = c;
		}
	}
	return best;
}

int attr_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names; i++)
		if (!strcasecmp(name, attr_names[i].name))
			return (int)attr_names[i].bit;
	return -1;
}

/* ---- parsing values ---- */

/* Splits s at spaces and commas into at most max tokens (s is modified). */
static size_t tokens(char *s, char **tok, size_t max)
{
	size_t n = 0;
	char *save = NULL;
	for (char *t = strtok_r(s, " \t,", &save); t; t = strtok_r(NULL, " \t,", &save)) {
		if (n == max)
			return max + 1;
		tok[n++] = t;
	}
	return n;
}

/* "FG [on] BG [ATTR...]" or "FG [ATTR...]". Returns NULL or what is wrong
 * (a static string, or a token into buf). */
static const char *parse_style(const char *value, struct style *st, char *buf, size_t size)
{
	char *copy = strdup(value), *tok[12];
	if (!copy)
		return "out of memory";
	size_t n = tokens(copy, tok, 12), i = 0;
	const char *err = NULL;
	struct style out = { QCOLOR_DEFAULT, QCOLOR_DEFAULT, 0, st->mono };
	int c;
	if (n == 0 || n > 12)
		err = n ? "too many words" : "empty: give a colour";
	else if ((c = color_from_name(tok[i++])) == -2)
		snprintf(buf, size, "'%s' is not a colour", tok[0]), err = buf;
	else
		out.fg = (short)c;
	if (!err && i < n && !strcasecmp(tok[i], "on")) {
		if (++i == n || (c = color_from_name(tok[i])) == -2) {
			snprintf(buf, size, "'on' must be followed by a colour");
			err = buf;
		} else {
			out.bg = (short)c;
			i++;
		}
	} else if (!err && i < n && (c = color_from_name(tok[i])) != -2) {
		out.bg = (short)c;
		i++;
	}
	for (; !err && i < n; i++) {
		int a = attr_from_name(tok[i]);
		if (a < 0)
			snprintf(buf, size, "'%s' is neither a colour nor an attribute", tok[i]), err = buf;
		else
			out.attrs |= (unsigned)a;
	}
	free(copy);
	if (!err)
		*st = out;
	return err;
}

/* "ATTR..." or "none". */
static const char *parse_mono(const char *value, unsigned *attrs, char *buf, size_t size)
{
	char *copy = strdup(value), *tok[12];
	if (!copy)
		return "out of memory";
	size_t n = tokens(copy, tok, 12);
	unsigned out = 0;
	const char *err = n == 0 ? "empty: give attributes, or none" : n > 12 ? "too many words" : NULL;
	for (size_t i = 0; !err && i < n; i++) {
		int a = attr_from_name(tok[i]);
		if (a < 0)
			snprintf(buf, size, "'%s' is not an attribute", tok[i]), err = buf;
		else
			out |= (unsigned)a;
	}
	free(copy);
	if (!err)
		*attrs = out;
	return err;
}

static bool parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" }, *const no[] = { "no", "false", "off", "0" };
	for (int i = 0; i < 4; i++) {
		if (!strcasecmp(v, yes[i]))
			return *out = true, true;
		if (!strcasecmp(v, no[i]))
			return *out = false, true;
	}
	return false;
}

static bool parse_int(const char *v, int min, int max, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (end == v || *end || errno || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

/* A name a user can type and the journal can hold: valid UTF-8, 1 to
 * TAGS_NAME_MAX bytes, no white space, controls or commas. */
static bool valid_tag_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > TAGS_NAME_MAX || u8_check((const uint8_t *)s, n))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7F || *p == ',' || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0xA0))
			return false;
	return true;
}

/* A cue verb: valid UTF-8, 1..64 bytes, no controls. */
static bool valid_verb(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || u8_check((const uint8_t *)s, n))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < ' ' || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
			return false;
	return true;
}

/* "en", "da", "pt_br": an ISO 639 code (2 or 3 lower-case letters), then
 * optionally '_' and a region of 2 or 3 letters or digits. */
static bool valid_lang(const char *s)
{
	size_t n = 0;
	while (s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	if (!s[n])
		return true;
	if (s[n] != '_')
		return false;
	size_t m = 0;
	const char *r = s + n + 1;
	while ((r[m] >= 'a' && r[m] <= 'z') || (r[m] >= '0' && r[m] <= '9'))
		m++;
	return !r[m] && m >= 2 && m <= 3;
}

/* ---- the settings table ---- */

enum kind { K_BOOL, K_INT, K_KEYMAP, K_PATH, K_NARROW, K_FORMAT, K_EXPORT_PATH };

struct setting {
	const char *section, *key;
	enum kind kind;
	size_t offset;
	int min, max;
	size_t origin;   /* offset of a struct config_origin, or 0 */
};

#define AT(field) offsetof(struct config, field)
static const struct setting settings[] = {
	{ "ui", "keymap", K_KEYMAP, AT(keymap), 0, 0, AT(keymap_from) },
	{ "ui", "keymap_override", K_PATH, AT(keymap_override), 0, 0, AT(keymap_override_from) },
	{ "ui", "mouse", K_BOOL, AT(mouse), 0, 0, 0 },
	{ "ui", "color", K_BOOL, AT(color), 0, 0, 0 },
	{ "ui", "search_history", K_INT, AT(search_history), 0, 10000, 0 },
	{ "ui", "keybar", K_BOOL, AT(keybar), 0, 0, 0 },
	{ "ui", "next_at_end", K_BOOL, AT(next_at_end), 0, 0, 0 },
	{ "layout", "wide_columns", K_INT, AT(wide_columns), 60, 1000, 0 },
	{ "layout", "list_width", K_INT, AT(list_width), 10, 50, 0 },
	{ "layout", "quotes_width", K_INT, AT(quotes_width), 15, 60, 0 },
	{ "layout", "narrow_list", K_NARROW, AT(narrow_list), 0, 0, 0 },
	{ "layout", "tab_width", K_INT, AT(tab_width), 1, 16, 0 },
	{ "export", "path", K_EXPORT_PATH, AT(export_path), 0, 0, 0 },
	{ "export", "format", K_FORMAT, AT(export_format), 0, 0, 0 },
	{ "speakers", "merge", K_BOOL, AT(speakers_merge), 0, 0, 0 },
};
#undef AT

#define MAX_PANES_PERCENT 80   /* list + quotes: the text keeps at least 20 % */

/* What one file's reading needs. */
struct reader {
	struct config *c;
	warnings *w;
	const char *path;
	char *dir;     /* of path, for relative paths in it; NULL: the current one */
};

static void *field(struct config *c, size_t offset)
{
	return (char *)c + offset;
}

static void set_origin(struct reader *r, const struct setting *s, int line)
{
	if (!s->origin)
		return;
	struct config_origin *o = field(r->c, s->origin);
	char *file = strdup(r->path);
	if (!file)
		return;
	free(o->file);
	o->file = file;
	o->line = line;
}

static void replace(char **dst, char *s)
{
	free(*dst);
	*dst = s;
}

/* A path from a config file: ~ expanded, relative to the file's folder. */
static char *resolve_path(const struct reader *r, const char *value)
{
	char *p = config_expand_home(value);
	if (!p || p[0] == '/' || !r->dir)
		return p;
	char *joined;
	int n = asprintf(&joined, "%s/%s", r->dir, p);
	free(p);
	return n < 0 ? NULL : joined;
}

static void list_keys_of(strbuf *b, const char *section)
{
	bool first = true;
	for (size_t i = 0; i < sizeof settings / sizeof *settings; i++)
		if (!strcmp(settings[i].section, section)) {
			sb_printf(b, "%s%s", first ? "" : ", ", settings[i].key);
			first = false;
		}
	if (!strcmp(section, "speakers"))
		sb_puts(b, ", keep_apart");
}

static void bad_value(struct reader *r, int line, const char *key, const char *value, const char *why)
{
	if (!value[0])
		warnings_add(r->w, r->path, line, "%s has no value: %s; the value before is kept", key, why);
	else
		warnings_add(r->w, r->path, line, "%s = %s: %s; the value before is kept", key, value, why);
}

static void apply_setting(struct reader *r, const struct setting *s, const char *value, int line)
{
	struct config *c = r->c;
	char why[160];
	bool ok = true;
	switch (s->kind) {
	case K_BOOL:
		ok = parse_bool(value, field(c, s->offset));
		snprintf(why, sizeof why, "not yes or no");
		break;
	case K_INT:
		ok = parse_int(value, s->min, s->max, field(c, s->offset));
		snprintf(why, sizeof why, "not a whole number from %d to %d", s->min, s->max);
		break;
	case K_NARROW:
		ok = false;
		for (int i = 0; i < 3 && !ok; i++)
			if (!strcasecmp(value, narrow_names[i]))
				*(enum narrow_list *)field(c, s->offset) = i, ok = true;
		snprintf(why, sizeof why, "not hide, strip or stack");
		break;
	case K_FORMAT:
		ok = false;
		for (int i = 0; i < 3 && !ok; i++)
			if (!strcasecmp(value, export_formats[i])) {
				char *v = strdup(export_formats[i]);
				if (v)
					replace(field(c, s->offset), v);
				ok = true;
			}
		snprintf(why, sizeof why, "not text, tsv or jsonl");
		break;
	case K_KEYMAP: {
		bool is_path = strchr(value, '/') != NULL;
		ok = value[0] != '\0';
		snprintf(why, sizeof why, "give default, vi, emacs, a keymap name or a path");
		if (ok) {
			char *v = is_path ? resolve_path(r, value) : strdup(value);
			if (v) {
				replace(field(c, s->offset), v);
				set_origin(r, s, line);
			}
		}
		break;
	}
	case K_PATH:
		/* empty is allowed: no override file */
		replace(field(c, s->offset), value[0] ? resolve_path(r, value) : NULL);
		set_origin(r, s, line);
		break;
	case K_EXPORT_PATH:
		ok = value[0] != '\0';
		snprintf(why, sizeof why, "give a file");
		if (ok) {
			char *v = strdup(value);
			if (v)
				replace(field(c, s->offset), v);
		}
		break;
	}
	if (!ok)
		bad_value(r, line, s->key, value, why);
}

static void apply_tag(struct reader *r, const struct ini_entry *e)
{
	int n;
	if (!parse_int(e->key, 1, 9, &n) || strlen(e->key) != 1) {
		warnings_add(r->w, r->path, e->line, "unknown setting '%s' in [tags] (known: 1 to 9)", e->key);
		return;
	}
	if (!e->value[0]) {
		replace(&r->c->tag_names[n - 1], NULL);
		return;
	}
	if (!valid_tag_name(e->value)) {
		char why[96];
		snprintf(why, sizeof why, "a tag name is 1 to %d bytes with no spaces, commas or control characters",
		         TAGS_NAME_MAX);
		bad_value(r, e->line, e->key, e->value, why);
		return;
	}
	char *v = strdup(e->value);
	if (v)
		replace(&r->c->tag_names[n - 1], v);
}

static void apply_color(struct reader *r, const struct ini_entry *e, bool mono)
{
	int el = -1;
	for (int i = 0; i < THEME__COUNT && el < 0; i++)
		if (!strcmp(e->key, theme_defaults[i].name))
			el = i;
	if (el < 0) {
		strbuf b;
		sb_init(&b);
		for (int i = 0; i < THEME__COUNT; i++)
			sb_printf(&b, "%s%s", i ? ", " : "", theme_defaults[i].name);
		warnings_add(r->w, r->path, e->line, "unknown element '%s' in [%s] (known: %s)", e->key,
		             mono ? "mono" : "colors", b.s ? b.s : "");
		sb_free(&b);
		return;
	}
	char buf[120];
	struct style *st = &r->c->theme[el];
	const char *err = mono ? parse_mono(e->value, &st->mono, buf, sizeof buf)
	                       : parse_style(e->value, st, buf, sizeof buf);
	if (err)
		bad_value(r, e->line, e->key, e->value, err);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *verbs_lang(const struct ini_entry *e)
{
	bool ok = !strcmp(e->section, "quotes") && !strncmp(e->key, "cue_verbs_", 10) && valid_lang(e->key + 10);
	return ok ? e->key + 10 : NULL;
}

/* Drops the cue verbs of every language the file f sets (a later file's
 * list replaces an earlier one), in one pass: a file may set thousands. */
static int drop_verbs_of(struct config *c, const inifile *f)
{
	const char **langs = malloc((f->n + 1) * sizeof *langs);
	if (!langs)
		return Q_ENOMEM;
	size_t n = 0, kept = 0;
	for (size_t i = 0; i < f->n; i++)
		if ((langs[n] = verbs_lang(&f->v[i])))
			n++;
	qsort(langs, n, sizeof *langs, cmp_str);
	for (size_t i = 0; i < c->n_cue_verbs; i++) {
		const char *lang = c->cue_verbs[i].lang;
		if (n && bsearch(&lang, langs, n, sizeof *langs, cmp_str))
			free(c->cue_verbs[i].verb);
		else
			c->cue_verbs[kept++] = c->cue_verbs[i];
	}
	c->n_cue_verbs = kept;
	free(langs);
	return 0;
}

static bool add_verb(struct config *c, const char *lang, const char *verb)
{
	if (GROW(c->cue_verbs, c->cue_verbs_cap, c->n_cue_verbs + 1, 16))
		return false;
	struct cue_verb *cv = &c->cue_verbs[c->n_cue_verbs];
	snprintf(cv->lang, sizeof cv->lang, "%s", lang);
	if (!(cv->verb = strdup(verb)))
		return false;
	c->n_cue_verbs++;
	return true;
}

static void apply_verbs(struct reader *r, const struct ini_entry *e)
{
	const char *lang = verbs_lang(e);
	if (!lang) {
		warnings_add(r->w, r->path, e->line,
		             "unknown setting '%s' in [quotes] (known: cue_verbs_LANG, e.g. cue_verbs_en)", e->key);
		return;
	}
	char *copy = strdup(e->value);
	if (!copy)
		return;
	char *cursor = copy[strspn(copy, " \t")] ? copy : NULL, *t;
	while ((t = ini_next_item(&cursor))) {
		if (!*t)
			warnings_add(r->w, r->path, e->line, "an empty verb in the list of %s: skipped", e->key);
		else if (!valid_verb(t))
			warnings_add(r->w, r->path, e->line, "'%s' in %s is not a verb (1 to 64 bytes of text): skipped",
			             t, e->key);
		else if (!add_verb(r->c, lang, t))
			break;
	}
	free(copy);
}

/* [speakers] keep_apart = FORM, FORM, ...: a later file's list replaces an earlier one's. */
static void apply_keep_apart(struct reader *r, const struct ini_entry *e)
{
	char *copy = strdup(e->value);
	if (!copy)
		return;
	for (size_t i = 0; i < r->c->n_keep_apart; i++)
		free(r->c->keep_apart[i]);
	r->c->n_keep_apart = 0;
	char *cursor = copy[strspn(copy, " \t")] ? copy : NULL, *t;
	while ((t = ini_next_item(&cursor))) {
		if (!*t)
			continue;
		char **v = realloc(r->c->keep_apart, (r->c->n_keep_apart + 1) * sizeof *v);
		if (!v)
			break;
		r->c->keep_apart = v;
		if (!(v[r->c->n_keep_apart] = strdup(t)))
			break;
		r->c->n_keep_apart++;
	}
	free(copy);
}

static void apply_entry(struct reader *r, const struct ini_entry *e)
{
	if (!strcmp(e->section, "speakers") && !strcmp(e->key, "keep_apart")) {
		apply_keep_apart(r, e);
		return;
	}
	if (!strcmp(e->section, "tags")) {
		apply_tag(r, e);
		return;
	}
	if (!strcmp(e->section, "colors") || !strcmp(e->section, "mono")) {
		apply_color(r, e, e->section[0] == 'm');
		return;
	}
	if (!strcmp(e->section, "quotes")) {
		apply_verbs(r, e);
		return;
	}
	for (size_t i = 0; i < sizeof settings / sizeof *settings; i++)
		if (!strcmp(settings[i].section, e->section) && !strcmp(settings[i].key, e->key)) {
			apply_setting(r, &settings[i], e->value, e->line);
			return;
		}
	strbuf b;
	sb_init(&b);
	list_keys_of(&b, e->section);
	warnings_add(r->w, r->path, e->line, "unknown setting '%s' in [%s] (known: %s)", e->key, e->section,
	             b.s ? b.s : "");
	sb_free(&b);
}

static bool known_section(const char *name)
{
	static const char *const known[] = { "ui", "layout", "tags", "export", "colors", "mono", "quotes", "speakers" };
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp(name, known[i]))
			return true;
	return false;
}

/* The side panes leave the text at least 20 % of the width. */
static void check_widths(struct reader *r, const inifile *f, int old_list, int old_quotes)
{
	struct config *c = r->c;
	if (c->list_width + c->quotes_width <= MAX_PANES_PERCENT)
		return;
	int line = 0;
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].section, "layout")
		    && (!strcmp(f->v[i].key, "list_width") || !strcmp(f->v[i].key, "quotes_width")))
			line = f->v[i].line > line ? f->v[i].line : line;
	warnings_add(r->w, r->path, line, "list_width + quotes_width is %d%%, more than %d%%: both kept at %d and %d",
	             c->list_width + c->quotes_width, MAX_PANES_PERCENT, old_list, old_quotes);
	c->list_width = old_list;
	c->quotes_width = old_quotes;
}

static int add_file(struct config *c, const char *path)
{
	char **v = realloc(c->files, (c->n_files + 1) * sizeof *v);
	if (!v)
		return Q_ENOMEM;
	c->files = v;
	if (!(v[c->n_files] = strdup(path)))
		return Q_ENOMEM;
	c->n_files++;
	return 0;
}

int config_load(struct config *c, const char *path, warnings *w)
{
	inifile f;
	size_t first = w ? w->n : 0;
	int rc = inifile_read(&f, path, w);
	if (rc)
		return rc;
	struct reader r = { .c = c, .w = w, .path = path };
	const char *slash = strrchr(path, '/');
	if (slash)
		r.dir = strndup(path, slash == path ? 1 : (size_t)(slash - path));
	for (size_t i = 0; i < f.nsec; i++)
		if (!known_section(f.sec[i].name))
			warnings_add(w, path, f.sec[i].line,
			             "unknown section [%s] (known: ui, layout, tags, export, colors, mono, quotes, speakers): ignored",
			             f.sec[i].name);
	int old_list = c->list_width, old_quotes = c->quotes_width;
	if (drop_verbs_of(c, &f) == Q_ENOMEM)
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && i < f.n; i++)
		if (known_section(f.v[i].section))
			apply_entry(&r, &f.v[i]);
	check_widths(&r, &f, old_list, old_quotes);
	if (!rc)
		rc = add_file(c, path);
	free(r.dir);
	inifile_free(&f);
	warnings_sort(w, first);
	return rc;
}

int config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->mouse = true;
	c->color = true;
	c->search_history = 100;
	c->wide_columns = 100;
	c->list_width = 25;
	c->quotes_width = 30;
	c->narrow_list = NARROW_STRIP;
	c->keybar = true;
	c->next_at_end = true;
	c->tab_width = 8;
	c->speakers_merge = true;
	bool ok = (c->keymap = strdup("default")) && (c->export_path = strdup("~/quoth-export.txt"))
	          && (c->export_format = strdup("text"));
	for (int i = 0; i < 9; i++)
		ok = ok && (c->tag_names[i] = strdup(default_tags[i]));
	char buf[120];
	for (int i = 0; i < THEME__COUNT; i++) {
		/* the table is checked by a test; a typo there would show as default colours */
		parse_style(theme_defaults[i].color, &c->theme[i], buf, sizeof buf);
		parse_mono(theme_defaults[i].mono, &c->theme[i].mono, buf, sizeof buf);
	}
	return ok ? 0 : Q_ENOMEM;
}

void config_free(struct config *c)
{
	free(c->keymap);
	free(c->keymap_from.file);
	free(c->keymap_override);
	free(c->keymap_override_from.file);
	for (int i = 0; i < 9; i++)
		free(c->tag_names[i]);
	free(c->export_path);
	free(c->export_format);
	for (size_t i = 0; i < c->n_cue_verbs; i++)
		free(c->cue_verbs[i].verb);
	free(c->cue_verbs);
	for (size_t i = 0; i < c->n_keep_apart; i++)
		free(c->keep_apart[i]);
	free(c->keep_apart);
	for (size_t i = 0; i < c->n_files; i++)
		free(c->files[i]);
	free(c->files);
	memset(c, 0, sizeof *c);
}

size_t config_cue_verbs(const struct config *c, const char *lang, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_cue_verbs; i++)
		if (!strcmp(c->cue_verbs[i].lang, lang)) {
			if (n < max)
				out[n] = c->cue_verbs[i].verb;
			n++;
		}
	return n;
}

/* ---- where the files are ---- */

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (home && home[0])
		return home;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir && pw->pw_dir[0] ? pw->pw_dir : NULL;
}

char *config_expand_home(const char *path)
{
	if (path[0] != '~')
		return strdup(path);
	const char *rest = path + 1 + strcspn(path + 1, "/");
	const char *home = NULL;
	if (rest == path + 1) {
		home = home_dir();
	} else {
		char *user = strndup(path + 1, (size_t)(rest - path - 1));
		struct passwd *pw = user ? getpwnam(user) : NULL;
		free(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return strdup(path);   /* nothing to expand to: left as written */
	char *out;
	return asprintf(&out, "%s%s", home, rest) < 0 ? NULL : out;
}

char *config_user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char *out;
	if (xdg && xdg[0] == '/')   /* the XDG spec: relative values are ignored */
		return asprintf(&out, "%s/quoth", xdg) < 0 ? NULL : out;
	const char *home = home_dir();
	if (!home)
		return NULL;
	return asprintf(&out, "%s/.config/quoth", home) < 0 ? NULL : out;
}

char *config_user_path(void)
{
	char *dir = config_user_dir(), *out = NULL;
	if (dir && asprintf(&out, "%s/config.ini", dir) < 0)
		out = NULL;
	free(dir);
	return out;
}

int config_load_all(struct config *c, const char *cli_path, warnings *w)
{
	int rc = config_init(c);
	if (rc)
		return rc;
	char *user = config_user_path();
	if (user) {
		rc = config_load(c, user, w);
		if (rc == Q_ENOMEM) {
			free(user);
			return rc;
		}
		if (rc && rc != Q_ENOENT)
			warnings_add(w, user, 0, "%s: not read", error_message(rc));
		free(user);
	}
	return cli_path ? config_load(c, cli_path, w) : 0;
}
