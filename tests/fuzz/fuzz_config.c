/* config.ini parsing (config.h): config_load of the fuzz input, written to a
 * file in a scratch folder, on top of the built-in defaults.
 *
 * Invariants: loading never fails on what a file holds (only on reading
 * it); every warning is display-safe and one line, names the file and a
 * line inside it; every setting stays in its documented range; tag names
 * and cue verbs (shown on the screen) are display-safe.
 */
#include "fuzz.h"
#include "config.h"
#include "error.h"
#include "inifile.h"

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
		fuzz_check_safe("warning", x->what, strlen(x->what), true);
		FUZZ_CHECK(x->file == NULL || strcmp(x->file, path) == 0, "warning names '%s'", x->file);
		FUZZ_CHECK(x->line >= 0 && (size_t)x->line <= lines, "warning on line %d of %zu: %s", x->line, lines, x->msg);
	}
}

static void check_str(const char *what, const char *s)
{
	if (s)
		fuzz_check_safe(what, s, strlen(s), false);
}

static void check_config(const struct config *c)
{
	FUZZ_CHECK(c->keymap && c->keymap[0], "keymap setting empty");
	FUZZ_CHECK(c->search_history >= 0 && c->search_history <= 10000, "search_history %d", c->search_history);
	FUZZ_CHECK(c->wide_columns >= 60 && c->wide_columns <= 1000, "wide_columns %d", c->wide_columns);
	FUZZ_CHECK(c->list_width >= 10 && c->list_width <= 50, "list_width %d", c->list_width);
	FUZZ_CHECK(c->quotes_width >= 15 && c->quotes_width <= 60, "quotes_width %d", c->quotes_width);
	FUZZ_CHECK(c->tab_width >= 1 && c->tab_width <= 16, "tab_width %d", c->tab_width);
	FUZZ_CHECK(c->narrow_list >= NARROW_HIDE && c->narrow_list <= NARROW_STACK, "narrow_list %d", (int)c->narrow_list);
	for (int i = 0; i < 9; i++)
		check_str("tag name", c->tag_names[i]);
	FUZZ_CHECK(c->export_format && (!strcmp(c->export_format, "text") || !strcmp(c->export_format, "tsv") ||
	                                !strcmp(c->export_format, "jsonl")), "export format '%s'", c->export_format);
	for (int e = 0; e < THEME__COUNT; e++) {
		const struct style *s = &c->theme[e];
		FUZZ_CHECK(s->fg >= QCOLOR_DEFAULT && s->fg <= 255 && s->bg >= QCOLOR_DEFAULT && s->bg <= 255,
		           "theme %d: colours %d %d", e, s->fg, s->bg);
		FUZZ_CHECK(s->attrs < (1u << 7) && s->mono < (1u << 7), "theme %d: attributes %x %x", e, s->attrs, s->mono);
	}
	for (size_t i = 0; i < c->n_cue_verbs; i++) {
		const struct cue_verb *v = &c->cue_verbs[i];
		FUZZ_CHECK(memchr(v->lang, '\0', sizeof v->lang), "cue verb language not terminated");
		for (const char *p = v->lang; *p; p++)
			FUZZ_CHECK((*p >= 'a' && *p <= 'z') || *p == '_' || (*p >= '0' && *p <= '9'),
			           "cue verb language '%s'", v->lang);
		FUZZ_CHECK(v->verb && v->verb[0], "empty cue verb");
		check_str("cue verb", v->verb);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write_file("config.ini", data, size);
	struct config c;
	warnings w;
	warnings_init(&w);
	FUZZ_CHECK(config_init(&c) == 0, "config_init");
	int rc = config_load(&c, path, &w);
	FUZZ_CHECK(rc == 0 || (rc == Q_ETOOBIG && size > INIFILE_MAX_BYTES), "config_load: %s", error_message(rc));
	check_warnings(&w, path, count_lines(data, size));
	check_config(&c);
	config_free(&c);
	warnings_free(&w);
	return 0;
}
