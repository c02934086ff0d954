/* config.ini: defaults, values, bad values with their lines, read order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>
#include <cmocka.h>
#include "config.h"
#include "strbuf.h"
#include "tags.h"
#include "error.h"
#include "cfgtest.h"

static void assert_same_config(const struct config *a, const struct config *b)
{
	assert_string_equal(a->keymap, b->keymap);
	assert_true((a->keymap_override == NULL) == (b->keymap_override == NULL));
	assert_int_equal(a->mouse, b->mouse);
	assert_int_equal(a->color, b->color);
	assert_int_equal(a->search_history, b->search_history);
	assert_int_equal(a->wide_columns, b->wide_columns);
	assert_int_equal(a->list_width, b->list_width);
	assert_int_equal(a->quotes_width, b->quotes_width);
	assert_int_equal(a->narrow_list, b->narrow_list);
	assert_int_equal(a->tab_width, b->tab_width);
	for (int i = 0; i < 9; i++)
		assert_string_equal(a->tag_names[i], b->tag_names[i]);
	assert_string_equal(a->export_path, b->export_path);
	assert_string_equal(a->export_format, b->export_format);
	for (int i = 0; i < THEME__COUNT; i++) {
		if (memcmp(&a->theme[i], &b->theme[i], sizeof a->theme[i]))
			fail_msg("theme element %s differs", theme_element_name(i));
	}
	assert_int_equal(a->n_cue_verbs, b->n_cue_verbs);
}

static void defaults(void **state)
{
	struct config c;
	assert_int_equal(config_init(&c), 0);
	assert_string_equal(c.keymap, "default");
	assert_null(c.keymap_from.file);
	assert_null(c.keymap_override);
	assert_true(c.mouse);
	assert_true(c.color);
	assert_int_equal(c.search_history, 100);
	assert_int_equal(c.wide_columns, 100);
	assert_int_equal(c.list_width, 25);
	assert_int_equal(c.quotes_width, 30);
	assert_int_equal(c.narrow_list, NARROW_STRIP);
	assert_true(c.keybar);
	assert_true(c.next_at_end);
	assert_int_equal(c.tab_width, 8);
	assert_string_equal(c.tag_names[0], "claim");
	assert_string_equal(c.tag_names[8], "question");
	assert_string_equal(c.export_path, "~/quoth-export.txt");
	assert_string_equal(c.export_format, "text");
	assert_int_equal(c.theme[THEME_FOCUSED_HEADER].fg, 0);
	assert_int_equal(c.theme[THEME_FOCUSED_HEADER].bg, 6);
	assert_int_equal(c.theme[THEME_FOCUSED_HEADER].attrs, QATTR_BOLD);
	assert_int_equal(c.theme[THEME_FOCUSED_HEADER].mono, QATTR_REVERSE | QATTR_BOLD);
	assert_int_equal(c.n_cue_verbs, 0);
	assert_int_equal(c.n_files, 0);
	config_free(&c);
}

/* Without colour, every highlight must still show: each element but the
 * borders has a mono attribute, and the ones that must stand apart differ. */
static void mono_theme_keeps_highlights_visible(void **state)
{
	struct config c;
	config_init(&c);
	for (int i = 0; i < THEME__COUNT; i++)
		if (i != THEME_BORDER && c.theme[i].mono == 0)
			fail_msg("%s has no attribute without colour", theme_element_name(i));
	assert_int_not_equal(c.theme[THEME_HEADER].mono, c.theme[THEME_FOCUSED_HEADER].mono);
	assert_int_not_equal(c.theme[THEME_QUOTE].mono, c.theme[THEME_QUOTE_SELECTED].mono);
	assert_int_not_equal(c.theme[THEME_QUOTE_SELECTED].mono, c.theme[THEME_SEARCH_MATCH].mono);
	assert_int_not_equal(c.theme[THEME_QUOTE_SELECTED].mono, c.theme[THEME_SELECTION].mono);
	config_free(&c);
}

/* The config.ini at the repository root documents the defaults: loading it
 * must change nothing and warn about nothing. */
static void shipped_config_ini_is_the_defaults(void **state)
{
	struct config def, c;
	config_init(&def);
	config_init(&c);
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load(&c, "config.ini", &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_same_config(&c, &def);
	assert_int_equal(c.n_files, 1);
	assert_string_equal(c.files[0], "config.ini");
	warnings_free(&w);
	config_free(&def);
	config_free(&c);
}

/* Every key config.ini documents is one config.c knows, and back. */
static void shipped_config_ini_sets_every_setting(void **state)
{
	static const char *const keys[] = {
		"keymap =", "keymap_override =", "mouse =", "color =", "search_history =", "wide_columns =",
		"list_width =", "quotes_width =", "narrow_list =", "tab_width =", "path =", "format =",
		"\n1 =", "\n9 =", "cue_verbs_en =", "\nmerge =", "keep_apart =",
	};
	FILE *f = fopen("config.ini", "r");
	assert_non_null(f);
	char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strstr(text, keys[i]))
			fail_msg("config.ini does not mention '%s'", keys[i]);
	for (int i = 0; i < THEME__COUNT; i++) {
		char line[64];
		snprintf(line, sizeof line, "\n%s = ", theme_element_name(i));
		assert_non_null(strstr(text, line));
		assert_non_null(strstr(strstr(text, "[mono]"), line));
	}
}

/* [speakers]: merging on by default, off by merge = no; keep_apart a list,
 * a later file's replacing an earlier one's. */
static void speakers_section(void **state)
{
	struct config c;
	config_init(&c);
	assert_true(c.speakers_merge);
	assert_int_equal(c.n_keep_apart, 0);
	char tmpl[] = "/tmp/quoth-test-speakers-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	const char *one = "[speakers]\nmerge = no\nkeep_apart = Lee,  Dr. Lee , \nfrobnicate = 1\n";
	assert_int_equal(write(fd, one, strlen(one)), (ssize_t)strlen(one));
	close(fd);
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load(&c, tmpl, &w), 0);
	assert_false(c.speakers_merge);
	assert_int_equal(c.n_keep_apart, 2);
	assert_string_equal(c.keep_apart[0], "Lee");
	assert_string_equal(c.keep_apart[1], "Dr. Lee");
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0].msg, "known: merge, keep_apart"));
	fd = open(tmpl, O_WRONLY | O_TRUNC);
	const char *two = "[speakers]\nkeep_apart = Quint\n";
	assert_int_equal(write(fd, two, strlen(two)), (ssize_t)strlen(two));
	close(fd);
	assert_int_equal(config_load(&c, tmpl, &w), 0);
	assert_int_equal(c.n_keep_apart, 1);
	assert_string_equal(c.keep_apart[0], "Quint");
	unlink(tmpl);
	warnings_free(&w);
	config_free(&c);
}

static void every_value_form(void **state)
{
	const char *path = FIXTURES "cfg-good.ini";
	struct config c;
	config_init(&c);
	warnings w;
	warnings_init(&w);
	setenv("HOME", "/home/tester", 1);
	assert_int_equal(config_load(&c, path, &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_string_equal(c.keymap, "vi");
	assert_string_equal(c.keymap_from.file, path);
	assert_int_equal(c.keymap_from.line, line_of(path, "keymap = vi"));
	/* relative to the config file's folder */
	assert_string_equal(c.keymap_override, FIXTURES "my-keys.ini");
	assert_int_equal(c.keymap_override_from.line, line_of(path, "keymap_override"));
	assert_false(c.mouse);
	assert_false(c.color);
	assert_int_equal(c.search_history, 500);
	assert_int_equal(c.wide_columns, 120);
	assert_int_equal(c.list_width, 20);
	assert_int_equal(c.quotes_width, 35);
	assert_int_equal(c.narrow_list, NARROW_STACK);
	assert_int_equal(c.tab_width, 4);
	assert_string_equal(c.tag_names[0], "p\xc3\xa5stand");
	assert_string_equal(c.tag_names[1], "denial");
	assert_null(c.tag_names[2]);
	assert_string_equal(c.tag_names[3], "evidence");
	assert_string_equal(c.tag_names[8], "\xe8\xb3\xaa\xe5\x95\x8f");
	assert_string_equal(c.export_path, "~/exports/quotes.tsv");   /* expanded when used */
	assert_string_equal(c.export_format, "tsv");
	const struct style *fh = &c.theme[THEME_FOCUSED_HEADER];
	assert_int_equal(fh->fg, 9);
	assert_int_equal(fh->bg, 200);
	assert_int_equal(fh->attrs, QATTR_BOLD | QATTR_UNDERLINE);
	assert_int_equal(fh->mono, QATTR_REVERSE | QATTR_BOLD);   /* [mono] not given: kept */
	assert_int_equal(c.theme[THEME_QUOTE].fg, 3);
	assert_int_equal(c.theme[THEME_QUOTE].bg, QCOLOR_DEFAULT);
	assert_int_equal(c.theme[THEME_QUOTE].mono, QATTR_BOLD | QATTR_ITALIC);
	assert_int_equal(c.theme[THEME_STATUS].fg, 33);
	assert_int_equal(c.theme[THEME_STATUS].bg, QCOLOR_DEFAULT);
	assert_int_equal(c.theme[THEME_BORDER].fg, 8);
	assert_int_equal(c.theme[THEME_BORDER].bg, 0);
	assert_int_equal(c.theme[THEME_BORDER].attrs, QATTR_DIM);
	assert_int_equal(c.theme[THEME_BORDER].mono, 0);
	const char *verbs[8];
	assert_int_equal(config_cue_verbs(&c, "en", verbs, 8), 3);
	assert_string_equal(verbs[0], "quipped");
	assert_string_equal(verbs[2], "pointed out");
	assert_int_equal(config_cue_verbs(&c, "da", verbs, 8), 2);
	assert_string_equal(verbs[1], "p\xc3\xa5pegede");
	assert_int_equal(config_cue_verbs(&c, "pt_br", verbs, 1), 1);
	assert_int_equal(config_cue_verbs(&c, "de", verbs, 8), 0);
	warnings_free(&w);
	config_free(&c);
}

static void bad_values_keep_the_value_before(void **state)
{
	const char *path = FIXTURES "cfg-bad.ini";
	struct config c, def;
	config_init(&c);
	config_init(&def);
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load(&c, path, &w), 0);
	dump_warnings(&w);
	static const struct { const char *line, *says; } want[] = {
		{ "mouse = maybe", "not yes or no" },
		{ "keymap =", "keymap has no value" },
		{ "frobnicate", "unknown setting 'frobnicate' in [ui]" },
		{ "wide_columns = lots", "not a whole number" },
		{ "narrow_list = sideways", "not hide, strip or stack" },
		{ "quotes_width = 50", "more than 80%" },
		{ "1 = two words", "tag name" },
		{ "10 = overflow", "unknown setting '10' in [tags]" },
		{ "format = pdf", "not text, tsv or jsonl" },
		{ "quote = purple", "'purple' is not a colour" },
		{ "status = red on", "'on' must be followed by a colour" },
		{ "cursor = red blue blinky", "'blinky' is neither a colour nor an attribute" },
		{ "sidebar = red", "unknown element 'sidebar' in [colors]" },
		{ "quote = shiny", "'shiny' is not an attribute" },
		{ "cue_verbs_english", "unknown setting 'cue_verbs_english' in [quotes]" },
		{ "cue_verbs_en = , argued", "an empty verb in the list of cue_verbs_en" },
		{ "[nonsense]", "unknown section [nonsense]" },
		{ "a line without", "not a [section]" },
		{ "color = yes", "set again on line" },
		{ "tab_width = 99", "from 1 to 16" },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		int line = line_of(path, want[i].line);
		assert_true(line > 0);
		if (!find_warning(&w, path, line, want[i].says))
			fail_msg("no warning '%s' on line %d (%s)", want[i].says, line, want[i].line);
	}
	assert_int_equal(w.n, sizeof want / sizeof *want);
	/* warnings come in line order */
	for (size_t i = 1; i < w.n; i++)
		assert_true(w.v[i - 1].line <= w.v[i].line);
	/* kept: the defaults where the value was bad */
	assert_true(c.mouse);
	assert_int_equal(c.tab_width, 8);
	assert_int_equal(c.wide_columns, 100);
	assert_int_equal(c.narrow_list, NARROW_STRIP);
	assert_int_equal(c.list_width, 25);
	assert_int_equal(c.quotes_width, 30);
	assert_string_equal(c.keymap, "default");
	assert_string_equal(c.tag_names[0], "claim");
	assert_string_equal(c.export_format, "text");
	assert_memory_equal(&c.theme[THEME_QUOTE], &def.theme[THEME_QUOTE], sizeof c.theme[0]);
	assert_memory_equal(&c.theme[THEME_STATUS], &def.theme[THEME_STATUS], sizeof c.theme[0]);
	assert_memory_equal(&c.theme[THEME_CURSOR], &def.theme[THEME_CURSOR], sizeof c.theme[0]);
	/* loaded: the good lines, wherever they are */
	assert_false(c.color);
	assert_int_equal(c.search_history, 7);   /* the second [ui] section, last line */
	assert_string_equal(c.tag_names[1], "good");
	assert_string_equal(c.export_path, "~/ok.txt");
	assert_int_equal(c.theme[THEME_MARKED].fg, 4);
	const char *verbs[4];
	assert_int_equal(config_cue_verbs(&c, "en", verbs, 4), 1);
	assert_string_equal(verbs[0], "argued");
	warnings_free(&w);
	config_free(&c);
	config_free(&def);
}

static void read_order_user_file_then_cli(void **state)
{
	char *xdg = abs_path(FIXTURES "xdg");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	struct config c;
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load_all(&c, FIXTURES "cfg-cli.ini", &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_int_equal(c.n_files, 2);
	assert_non_null(strstr(c.files[0], "xdg/quoth/config.ini"));
	assert_string_equal(c.files[1], FIXTURES "cfg-cli.ini");
	assert_int_equal(c.tab_width, 2);          /* cli over user */
	assert_int_equal(c.list_width, 20);        /* user over default */
	assert_string_equal(c.tag_names[0], "p\xc3\xa5stand");
	const char *verbs[4];
	/* the cli file's list for en replaces the user's; da stays */
	assert_int_equal(config_cue_verbs(&c, "en", verbs, 4), 2);
	assert_string_equal(verbs[0], "thundered");
	assert_string_equal(verbs[1], "pointed out");
	assert_int_equal(config_cue_verbs(&c, "da", verbs, 4), 1);
	config_free(&c);

	/* no cli file, no user file: the defaults, silently */
	setenv("XDG_CONFIG_HOME", "/nonexistent-quoth-test", 1);
	assert_int_equal(config_load_all(&c, NULL, &w), 0);
	assert_int_equal(c.n_files, 0);
	assert_int_equal(c.tab_width, 8);
	config_free(&c);

	/* a --config that cannot be read is an error for the caller */
	assert_int_equal(config_load_all(&c, FIXTURES "missing.ini", &w), Q_ENOENT);
	config_free(&c);
	assert_int_equal(config_load_all(&c, FIXTURES, &w), Q_EISDIR);
	config_free(&c);
	assert_int_equal(w.n, 0);
	warnings_free(&w);
	free(xdg);
	unsetenv("XDG_CONFIG_HOME");
}

static void user_dir_and_home(void **state)
{
	setenv("HOME", "/home/tester", 1);
	unsetenv("XDG_CONFIG_HOME");
	char *s = config_user_dir();
	assert_string_equal(s, "/home/tester/.config/quoth");
	free(s);
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);   /* ignored, as the spec says */
	s = config_user_path();
	assert_string_equal(s, "/home/tester/.config/quoth/config.ini");
	free(s);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	s = config_user_path();
	assert_string_equal(s, "/xdg/quoth/config.ini");
	free(s);
	unsetenv("XDG_CONFIG_HOME");
	s = config_expand_home("~/quoth-export.txt");
	assert_string_equal(s, "/home/tester/quoth-export.txt");
	free(s);
	s = config_expand_home("~");
	assert_string_equal(s, "/home/tester");
	free(s);
	s = config_expand_home("/abs/~x");
	assert_string_equal(s, "/abs/~x");
	free(s);
	struct passwd *root = getpwnam("root");
	if (root) {
		char want[PATH_MAX];
		snprintf(want, sizeof want, "%s/x", root->pw_dir);
		s = config_expand_home("~root/x");
		assert_string_equal(s, want);
		free(s);
	}
	s = config_expand_home("~no-such-user-quoth/x");
	assert_string_equal(s, "~no-such-user-quoth/x");
	free(s);
}

/* Writes text to a new temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text, size_t n)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/quoth-test-config-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

static void empty_and_odd_files(void **state)
{
#define T(s) s, sizeof s - 1
	static const struct { const char *text; size_t n; size_t warnings; } files[] = {
		{ T(""), 0 },
		{ T("\xef\xbb\xbf"), 0 },
		{ T("\n\n; only comments\n# and more\n"), 0 },
		{ T("[ui]\ncolor = no"), 0 },                 /* no final newline */
		{ T("[ui]\r\ncolor = no\r\n"), 0 },
		{ T("color = no\n[ui]\n"), 1 },              /* outside any section */
		{ T("[ui]\ncolor = \"no\"\n"), 0 },
		{ T("[ui]\ncolor = no\0\n"), 1 },           /* a NUL byte */
	};
#undef T
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		const char *path = temp_file(files[i].text, files[i].n);
		struct config c;
		config_init(&c);
		warnings w;
		warnings_init(&w);
		assert_int_equal(config_load(&c, path, &w), 0);
		dump_warnings(&w);
		if (w.n != files[i].warnings)
			fail_msg("file %zu: %zu warnings, expected %zu", i, w.n, files[i].warnings);
		if (i >= 3 && i != 5 && i != 7)
			assert_false(c.color);
		else
			assert_true(c.color);
		warnings_free(&w);
		config_free(&c);
		unlink(path);
	}
}

/* Many keys: iniparser is given them in parts of a few hundred (one
 * dictionary filled with n keys costs n squared); every value must come
 * from the right part, a key set again in a later part included, and a
 * later file's verbs for a language replace an earlier one's. */
static void many_keys_across_parts(void **state)
{
	strbuf b;
	sb_init(&b);
	sb_puts(&b, "[quotes]\ncue_verbs_en = first, value\n");
	for (char x = 'a'; x <= 'z'; x++)
		for (char y = 'a'; y <= 'z'; y++)
			sb_printf(&b, "cue_verbs_%c%c = v%c%c\n", x, y, x, y);
	sb_puts(&b, "[ui]\ncolor = no\n[quotes]\ncue_verbs_en = last\n");
	for (int i = 0; i < 3000; i++)
		sb_printf(&b, "[empty%d]\n", i);
	const char *path = temp_file(b.s, b.len);
	struct config c;
	config_init(&c);
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load(&c, path, &w), 0);
	assert_false(c.color);
	const char *verbs[4];
	assert_int_equal(config_cue_verbs(&c, "en", verbs, 4), 1);   /* the later line wins */
	assert_string_equal(verbs[0], "last");
	assert_int_equal(config_cue_verbs(&c, "qz", verbs, 4), 1);
	assert_string_equal(verbs[0], "vqz");
	assert_int_equal(config_cue_verbs(&c, "zz", verbs, 4), 1);
	assert_string_equal(verbs[0], "vzz");
	assert_non_null(find_warning(&w, NULL, 2, "'cue_verbs_en' is set again"));
	/* en is set three times (first line, the loop, last), and 3000 unknown sections */
	assert_int_equal(w.n + w.dropped, 2 + 3000);
	/* a second file replaces the verbs of the languages it names */
	const char *again = temp_file("[quotes]\ncue_verbs_qz = other\n", 29);
	assert_int_equal(config_load(&c, again, &w), 0);
	assert_int_equal(config_cue_verbs(&c, "qz", verbs, 4), 1);
	assert_string_equal(verbs[0], "other");
	assert_int_equal(config_cue_verbs(&c, "qy", verbs, 4), 1);
	warnings_free(&w);
	config_free(&c);
	unlink(path);
	unlink(again);
	sb_free(&b);
}

static void colour_and_attribute_names(void **state)
{
	assert_int_equal(color_from_name("default"), QCOLOR_DEFAULT);
	assert_int_equal(color_from_name("black"), 0);
	assert_int_equal(color_from_name("White"), 7);
	assert_int_equal(color_from_name("bright-red"), 9);
	assert_int_equal(color_from_name("brightwhite"), 15);
	assert_int_equal(color_from_name("grey"), 8);
	assert_int_equal(color_from_name("color255"), 255);
	assert_int_equal(color_from_name("42"), 42);
	assert_int_equal(color_from_name("color256"), -2);
	assert_int_equal(color_from_name("bright-purple"), -2);
	assert_int_equal(color_from_name("-1"), -2);
	assert_int_equal(color_from_name(""), -2);
	assert_int_equal(attr_from_name("bold"), QATTR_BOLD);
	assert_int_equal(attr_from_name("REVERSE"), QATTR_REVERSE);
	assert_int_equal(attr_from_name("none"), 0);
	assert_int_equal(attr_from_name("shiny"), -1);
	assert_string_equal(narrow_list_name(NARROW_STRIP), "strip");
	/* on terminals with fewer colours */
	assert_int_equal(color_for_terminal(QCOLOR_DEFAULT, 8), QCOLOR_DEFAULT);
	assert_int_equal(color_for_terminal(3, 8), 3);
	assert_int_equal(color_for_terminal(9, 8), 1);        /* bright-red: red */
	assert_int_equal(color_for_terminal(9, 16), 9);
	assert_int_equal(color_for_terminal(200, 256), 200);
	assert_int_equal(color_for_terminal(196, 8), 1);      /* pure red of the cube */
	assert_int_equal(color_for_terminal(196, 16), 9);
	assert_int_equal(color_for_terminal(21, 8), 4);       /* pure blue */
	assert_int_equal(color_for_terminal(232, 8), 0);      /* darkest grey: black */
	assert_int_equal(color_for_terminal(255, 16), 7);     /* lightest grey: white */
	assert_int_equal(color_for_terminal(231, 16), 15);    /* the cube's white */
	assert_int_equal(color_for_terminal(5, 2), QCOLOR_DEFAULT);
	for (int c = 0; c < 256; c++) {
		assert_true(color_for_terminal(c, 8) >= 0 && color_for_terminal(c, 8) < 8);
		assert_true(color_for_terminal(c, 16) >= 0 && color_for_terminal(c, 16) < 16);
	}
	assert_string_equal(theme_element_name(THEME_SEARCH_MATCH), "search_match");
}

/* Found by fuzzing: a bidi override in a value reached the warning as it
 * was, and would reorder the rest of the message on a bidi terminal. */
static void warnings_escape_bidi_controls(void **state)
{
	warnings w;
	warnings_init(&w);
	warnings_add(&w, "f.ini", 2, "'%s' is bad", "ab\u202Ecd\u2067e\u2028f\u00e6");
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0].msg, "f.ini:2: 'ab\\xE2\\x80\\xAEcd\\xE2\\x81\\xA7e\\xE2\\x80\\xA8f\u00e6' is bad");
	warnings_free(&w);

	char path[] = "/tmp/quoth-test-cfg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char text[] = "[ui]\nmouse = ab\u202Ecd\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	struct config c;
	assert_int_equal(config_init(&c), 0);
	warnings_init(&w);
	assert_int_equal(config_load(&c, path, &w), 0);
	dump_warnings(&w);
	assert_non_null(find_warning(&w, path, 2, "ab\\xE2\\x80\\xAEcd"));
	assert_null(strstr(w.v[0].msg, "\u202E"));
	warnings_free(&w);
	config_free(&c);
	unlink(path);
}

/* A tag name as long as the tag store takes is fine in config.ini; one
 * byte more is refused, and the warning says the same limit. */
static void tag_names_take_the_store_limit(void **state)
{
	char path[] = "/tmp/quoth-test-cfg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char longest[TAGS_NAME_MAX + 1], too_long[TAGS_NAME_MAX + 2];
	memset(longest, 'x', TAGS_NAME_MAX);
	longest[TAGS_NAME_MAX] = '\0';
	memset(too_long, 'y', TAGS_NAME_MAX + 1);
	too_long[TAGS_NAME_MAX + 1] = '\0';
	dprintf(fd, "[tags]\n1 = %s\n2 = %s\n", longest, too_long);
	close(fd);
	assert_true(tags_name_valid(longest));
	struct config c;
	assert_int_equal(config_init(&c), 0);
	warnings w;
	warnings_init(&w);
	assert_int_equal(config_load(&c, path, &w), 0);
	assert_string_equal(c.tag_names[0], longest);
	assert_string_equal(c.tag_names[1], "denial");
	assert_int_equal(w.n, 1);
	char says[64];
	snprintf(says, sizeof says, "1 to %d bytes", TAGS_NAME_MAX);
	assert_non_null(find_warning(&w, path, 3, says));
	warnings_free(&w);
	config_free(&c);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(tag_names_take_the_store_limit),
		cmocka_unit_test(warnings_escape_bidi_controls),
		cmocka_unit_test(mono_theme_keeps_highlights_visible),
		cmocka_unit_test(shipped_config_ini_is_the_defaults),
		cmocka_unit_test(shipped_config_ini_sets_every_setting),
		cmocka_unit_test(speakers_section),
		cmocka_unit_test(every_value_form),
		cmocka_unit_test(bad_values_keep_the_value_before),
		cmocka_unit_test(read_order_user_file_then_cli),
		cmocka_unit_test(user_dir_and_home),
		cmocka_unit_test(empty_and_odd_files),
		cmocka_unit_test(many_keys_across_parts),
		cmocka_unit_test(colour_and_attribute_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
