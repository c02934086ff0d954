/* Key names, keymaps, keymap files, the help lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "scale.h"
#include "config.h"
#include "error.h"
#include "keymap.h"
#include "cfgtest.h"

static const char *const shipped[] = { "keymaps/default.ini", "keymaps/vi.ini", "keymaps/emacs.ini" };

/* ---- key names ---- */

static void key(const char *name, int expected)
{
	int got = key_from_name(name);
	if (got != expected)
		fail_msg("key_from_name(\"%s\") = %#x, expected %#x", name, got, expected);
}

static void name_forms_of_characters(void **state)
{
	key("a", 'a');
	key("G", 'G');
	key("]", ']');
	key("-", '-');
	key("^", '^');
	key("?", '?');
	key("\xc3\xa6", 0xE6);                /* æ */
	key("\xe2\x82\xac", 0x20AC);          /* € */
	key("\xe8\xb3\xaa", 0x8CEA);          /* 質, wide */
	key("U+00E6", 0xE6);
	key("u+20ac", 0x20AC);
	key("Space", ' ');
	key("space", ' ');
	key("SPC", ' ');
	key("Comma", ',');
	key("Semicolon", ';');
	key("Hash", '#');
	key("Backslash", '\\');
	key("Quote", '\'');
	key("DQuote", '"');
	key("'", '\'');
}

static void name_forms_of_named_keys(void **state)
{
	key("Up", QK_UP);
	key("DOWN", QK_DOWN);
	key("left", QK_LEFT);
	key("Right", QK_RIGHT);
	key("PgUp", QK_PGUP);
	key("PageUp", QK_PGUP);
	key("PgDn", QK_PGDN);
	key("PageDown", QK_PGDN);
	key("pgdown", QK_PGDN);
	key("Home", QK_HOME);
	key("End", QK_END);
	key("Enter", QK_ENTER);
	key("Return", QK_ENTER);
	key("Tab", QK_TAB);
	key("BackTab", QK_SHIFT | QK_TAB);
	key("S-Tab", QK_SHIFT | QK_TAB);
	key("Shift-Tab", QK_SHIFT | QK_TAB);
	key("Esc", QK_ESC);
	key("Escape", QK_ESC);
	key("Backspace", QK_BACKSPACE);
	key("BS", QK_BACKSPACE);
	key("Delete", QK_DELETE);
	key("Del", QK_DELETE);
	key("Insert", QK_INSERT);
	key("F1", QK_F(1));
	key("f12", QK_F(12));
}

static void name_forms_with_modifiers(void **state)
{
	key("C-a", QK_C('a'));
	key("C-A", QK_C('a'));
	key("Ctrl-x", QK_C('x'));
	key("ctrl+x", QK_C('x'));
	key("Control-l", QK_C('l'));
	key("^L", QK_C('l'));
	key("^l", QK_C('l'));
	key("C-i", QK_TAB);          /* a terminal sends Tab */
	key("C-m", QK_ENTER);
	key("C-j", QK_ENTER);
	key("C-[", QK_ESC);
	key("C-?", QK_BACKSPACE);
	key("C-h", QK_C('h'));
	key("C-Space", QK_CTRL | ' ');
	key("C-@", QK_CTRL | ' ');
	key("C-Backslash", QK_CTRL | '\\');
	key("C-]", QK_CTRL | ']');
	key("C-_", QK_CTRL | '_');
	key("M-x", QK_M('x'));
	key("Alt-x", QK_M('x'));
	key("meta-X", QK_M('X'));
	key("M-<", QK_M('<'));
	key("M->", QK_M('>'));
	key("M-/", QK_M('/'));
	key("C-M-a", QK_CTRL | QK_META | 'a');
	key("M-C-a", QK_CTRL | QK_META | 'a');
	key("M-S-Tab", QK_META | QK_SHIFT | QK_TAB);
	key("S-Up", QK_SHIFT | QK_UP);
	key("C-Up", QK_CTRL | QK_UP);
	key("S-a", 'A');
	key("Shift-A", 'A');
	key("M-Space", QK_META | ' ');
	key("M-\xc3\xa6", QK_META | 0xE6);
}

static void bad_names(void **state)
{
	static const char *const bad[] = {
		"", "Foo", "ab", "F0", "F13", "F1x", "C-", "M-", "C-\xc3\xa6", "C-1", "S-1", "S-\xc3\xa6",
		"\x01", "\x1b", "\x7f", "\xc2\x85", "\xff", "\xc3", "U+0007", "U+D800", "U+110000", "U+",
		"C-Foo", "Ctrl", "^ ",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (key_from_name(bad[i]) != -1)
			fail_msg("'%s' parsed as a key", bad[i]);
	}
}

static void round_trip(int k)
{
	char buf[KEY_NAME_MAX];
	const char *name = qkey_name(k, buf);
	if (key_from_name(name) != k)
		fail_msg("key %#x named '%s' parses as %#x", k, name, key_from_name(name));
	if (!key_is_valid(k))
		fail_msg("key %#x ('%s') is not valid", k, name);
}

static void names_round_trip(void **state)
{
	for (int c = 0x20; c < 0x7F; c++)
		round_trip(c);
	for (int c = 0xA0; c < 0x3000; c += 7)
		round_trip(c);
	round_trip(0x1F600);
	/* every code point that is a key names itself and parses back (every
	 * test_scale()-th under valgrind: memcheck takes seconds for them all) */
	for (int c = 0; c <= 0x10FFFF; c += (int)test_scale()) {
		char buf[KEY_NAME_MAX];
		if (!key_is_valid(c))
			continue;
		if (key_from_name(qkey_name(c, buf)) != c)
			fail_msg("U+%04X does not round-trip", (unsigned)c);
	}
	static const int mods[] = { 0, QK_CTRL, QK_META, QK_SHIFT, QK_CTRL | QK_META,
	                            QK_META | QK_SHIFT, QK_CTRL | QK_META | QK_SHIFT };
	for (int k = QK_NAMED_BASE; k < QK_NAMED_END; k++)
		for (size_t m = 0; m < sizeof mods / sizeof *mods; m++)
			if (k != QK_F0)
				round_trip(k | mods[m]);
	for (int c = 'a'; c <= 'z'; c++) {
		int k = key_from_control(c - 'a' + 1);
		round_trip(k);
		round_trip(k | QK_META);
	}
	for (int c = 0; c < 0x20; c++)
		round_trip(key_from_control(c));
	round_trip(key_from_control(0x7F));
}

static void canonical_names(void **state)
{
	char buf[KEY_NAME_MAX];
	assert_string_equal(qkey_name(' ', buf), "Space");
	assert_string_equal(qkey_name(',', buf), "Comma");
	assert_string_equal(qkey_name('#', buf), "Hash");
	assert_string_equal(qkey_name('g', buf), "g");
	assert_string_equal(qkey_name(0xE6, buf), "\xc3\xa6");
	assert_string_equal(qkey_name(QK_PGDN, buf), "PgDn");
	assert_string_equal(qkey_name(QK_SHIFT | QK_TAB, buf), "S-Tab");
	assert_string_equal(qkey_name(QK_C('l'), buf), "C-l");
	assert_string_equal(qkey_name(QK_M('<'), buf), "M-<");
	assert_string_equal(qkey_name(QK_CTRL | QK_META | 'a', buf), "C-M-a");
	assert_string_equal(qkey_name(QK_F(12), buf), "F12");
	assert_string_equal(qkey_name(QK_CTRL | '\\', buf), "C-Backslash");
	assert_false(key_is_valid(QK_CTRL | 'A'));   /* not canonical: C-a */
	assert_false(key_is_valid(QK_SHIFT | 'a'));
	assert_false(key_is_valid(7));
	assert_false(key_is_valid(-1));
	assert_false(key_is_valid(QK_F0));
}

static void control_bytes(void **state)
{
	assert_int_equal(key_from_control(0x09), QK_TAB);
	assert_int_equal(key_from_control(0x0A), QK_ENTER);
	assert_int_equal(key_from_control(0x0D), QK_ENTER);
	assert_int_equal(key_from_control(0x1B), QK_ESC);
	assert_int_equal(key_from_control(0x7F), QK_BACKSPACE);
	assert_int_equal(key_from_control(0x08), QK_C('h'));
	assert_int_equal(key_from_control(0x0C), QK_C('l'));
	assert_int_equal(key_from_control(0x00), QK_CTRL | ' ');
	assert_int_equal(key_from_control(0x1F), QK_CTRL | '_');
	assert_int_equal(key_from_control('a'), 'a');
	assert_int_equal(key_from_control(0xE6), 0xE6);
	assert_int_equal(key_from_name("C-l"), key_from_control(0x0C));
}

/* ---- keymaps in memory ---- */

static void bind_lookup_and_fallback(void **state)
{
	keymap *km = keymap_new();
	assert_non_null(km);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'j'), ACT_NONE);
	assert_int_equal(keymap_bind(km, KC_GLOBAL, ' ', ACT_PAGE_DOWN), 0);
	assert_int_equal(keymap_bind(km, KC_LIST, ' ', ACT_MARK), 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, ' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_LIST, ' '), ACT_MARK);
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, ' '), ACT_PAGE_DOWN);
	/* ACT_NONE in a pane hides the global binding there */
	assert_int_equal(keymap_bind(km, KC_TEXT, ' ', ACT_NONE), 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, ' '), ACT_NONE);
	keymap_unbind(km, KC_TEXT, ' ');
	assert_int_equal(keymap_lookup(km, KC_TEXT, ' '), ACT_PAGE_DOWN);
	/* rebinding replaces */
	assert_int_equal(keymap_bind(km, KC_GLOBAL, ' ', ACT_QUIT), 0);
	assert_int_equal(keymap_lookup(km, KC_HELP, ' '), ACT_QUIT);
	assert_int_equal(keymap_bind(km, KC__COUNT, 'x', ACT_QUIT), Q_EUSAGE);
	assert_int_equal(keymap_lookup(km, KC__COUNT, ' '), ACT_NONE);
	assert_int_equal(keymap_lookup(NULL, KC_TEXT, ' '), ACT_NONE);
	keymap_free(km);
}

static void many_bindings_stay_sorted(void **state)
{
	keymap *km = keymap_new();
	for (int i = 0; i < 2000; i++)
		assert_int_equal(keymap_bind(km, KC_GLOBAL, 0x4E00 + (i * 7919) % 5000, ACT_QUIT), 0);
	for (int i = 0; i < 2000; i++)
		assert_int_equal(keymap_lookup(km, KC_TEXT, 0x4E00 + (i * 7919) % 5000), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 0x4DFF), ACT_NONE);
	keymap_free(km);
}

static void keys_in_binding_order(void **state)
{
	keymap *km = keymap_builtin();
	int keys[8];
	assert_int_equal(keymap_keys(km, KC_GLOBAL, ACT_PAGE_DOWN, keys, 8), 2);
	assert_int_equal(keys[0], QK_PGDN);
	assert_int_equal(keys[1], ' ');
	assert_int_equal(keymap_keys(km, KC_GLOBAL, ACT_PAGE_DOWN, keys, 1), 2);   /* count beyond max */
	assert_int_equal(keymap_keys(km, KC_LIST, ACT_PAGE_DOWN, keys, 8), 0);
	assert_int_equal(keymap_keys(km, KC_LIST, ACT_MARK, keys, 8), 1);
	assert_int_equal(keymap_key_for(km, KC_LIST, ACT_MARK), ' ');
	assert_int_equal(keymap_key_for(km, KC_GLOBAL, ACT_MARK), -1);
	assert_int_equal(keymap_key_for(km, KC_TEXT, ACT_HELP), '?');
	/* Space pages down in the text, but not in the list, where PgDn still does */
	assert_int_equal(keymap_key_for(km, KC_TEXT, ACT_PAGE_DOWN), QK_PGDN);
	keymap_bind(km, KC_LIST, QK_PGDN, ACT_NONE);
	assert_int_equal(keymap_key_for(km, KC_LIST, ACT_PAGE_DOWN), -1);
	keymap_free(km);
}

/* The keys issue 4 asks of the default keymap. */
static void builtin_has_the_issue_keys(void **state)
{
	keymap *km = keymap_builtin();
	assert_non_null(km);
	static const struct { const char *key; enum action a; } want[] = {
		{ "q", ACT_QUIT }, { "Tab", ACT_FOCUS_NEXT }, { "S-Tab", ACT_FOCUS_PREV },
		{ "Up", ACT_MOVE_UP }, { "Down", ACT_MOVE_DOWN }, { "k", ACT_MOVE_UP }, { "j", ACT_MOVE_DOWN },
		{ "PgDn", ACT_PAGE_DOWN }, { "Space", ACT_PAGE_DOWN }, { "PgUp", ACT_PAGE_UP }, { "b", ACT_PAGE_UP },
		{ "g", ACT_MOVE_FIRST }, { "G", ACT_MOVE_LAST }, { "Home", ACT_MOVE_FIRST }, { "End", ACT_MOVE_LAST },
		{ "Enter", ACT_OPEN }, { "]", ACT_QUOTE_NEXT }, { "[", ACT_QUOTE_PREV }, { "/", ACT_SEARCH },
		{ "n", ACT_SEARCH_NEXT }, { "N", ACT_SEARCH_PREV }, { "?", ACT_HELP }, { "C-l", ACT_REDRAW },
		{ "1", ACT_TAG_TOGGLE_1 }, { "9", ACT_TAG_TOGGLE_9 }, { "t", ACT_TAG_PROMPT }, { "T", ACT_UNTAG },
		{ "v", ACT_VISUAL }, { "e", ACT_EXPORT }, { "y", ACT_COPY }, { "Esc", ACT_CANCEL },
		{ "L", ACT_TOGGLE_LIST },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		for (int c = KC_GLOBAL; c < KC__COUNT; c++) {
			enum action got = keymap_lookup(km, c, key_from_name(want[i].key));
			bool rows = c == KC_LIST || c == KC_QUOTES || c == KC_TAGGED;
			if (!strcmp(want[i].key, "Space") && rows)
				assert_int_equal(got, ACT_MARK);
			else if (got != want[i].a)
				fail_msg("%s in %s does %s, not %s", want[i].key, keyctx_name(c), action_name(got),
				         action_name(want[i].a));
		}
	keymap_free(km);
}

/* ---- keymap files ---- */

/* Every key bound in either keymap does the same in both, in every context. */
static void assert_same_keymap(const keymap *a, const keymap *b)
{
	for (int c = KC_GLOBAL; c < KC__COUNT; c++)
		for (int act = ACT_NONE + 1; act < ACT__COUNT; act++) {
			int ka[16], kb[16];
			size_t na = keymap_keys(a, c, act, ka, 16), nb = keymap_keys(b, c, act, kb, 16);
			if (na != nb)
				fail_msg("%s in [%s]: %zu keys vs %zu", action_name(act), keyctx_name(c), na, nb);
			for (size_t i = 0; i < na; i++)
				if (ka[i] != kb[i])
					fail_msg("%s in [%s]: key %zu differs", action_name(act), keyctx_name(c), i);
		}
}

static void default_ini_is_the_builtin_keymap(void **state)
{
	keymap *file = keymap_new(), *builtin = keymap_builtin();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(file, "keymaps/default.ini", &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_same_keymap(file, builtin);
	warnings_free(&w);
	keymap_free(file);
	keymap_free(builtin);
}

static void shipped_keymaps_load_clean_and_reach_every_action(void **state)
{
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		keymap *km = keymap_new();
		warnings w;
		warnings_init(&w);
		assert_int_equal(keymap_load(km, shipped[i], &w), 0);
		dump_warnings(&w);
		assert_int_equal(w.n, 0);
		for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
			bool reachable = false;
			for (int c = KC_GLOBAL; c < KC__COUNT && !reachable; c++)
				reachable = keymap_key_for(km, c, a) >= 0;
			if (!reachable)
				fail_msg("%s: no key does %s", shipped[i], action_name(a));
		}
		/* the keys every keymap shares: quit, help somewhere, Enter, Tab */
		assert_int_equal(keymap_lookup(km, KC_LIST, QK_ENTER), ACT_OPEN);
		assert_int_equal(keymap_lookup(km, KC_TEXT, QK_TAB), ACT_FOCUS_NEXT);
		assert_int_equal(keymap_lookup(km, KC_TEXT, 'q'), ACT_QUIT);
		assert_int_equal(keymap_lookup(km, KC_TEXT, QK_F(1)), ACT_HELP);
		warnings_free(&w);
		keymap_free(km);
	}
}

static void vi_and_emacs_differ_where_they_should(void **state)
{
	keymap *vi = keymap_new(), *emacs = keymap_new();
	warnings w;
	warnings_init(&w);
	keymap_load(vi, "keymaps/vi.ini", &w);
	keymap_load(emacs, "keymaps/emacs.ini", &w);
	assert_int_equal(keymap_lookup(vi, KC_TEXT, '?'), ACT_SEARCH_BACK);
	assert_int_equal(keymap_lookup(vi, KC_TEXT, 'b'), ACT_WORD_PREV);
	assert_int_equal(keymap_lookup(vi, KC_TEXT, QK_C('b')), ACT_PAGE_UP);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_C('n')), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_C('v')), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_M('v')), ACT_PAGE_UP);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_M('<')), ACT_MOVE_FIRST);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_M('>')), ACT_MOVE_LAST);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_C('s')), ACT_SEARCH);
	assert_int_equal(keymap_lookup(emacs, KC_TEXT, QK_C('g')), ACT_CANCEL);
	assert_int_equal(w.n, 0);
	warnings_free(&w);
	keymap_free(vi);
	keymap_free(emacs);
}

static void bad_lines_are_reported_with_their_line(void **state)
{
	const char *path = FIXTURES "keys-bad.ini";
	keymap *km = keymap_builtin();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, path, &w), 0);
	dump_warnings(&w);
	assert_non_null(find_warning(&w, path, line_of(path, "bogus_action"), "unknown action 'bogus_action'"));
	assert_non_null(find_warning(&w, path, line_of(path, "page_dwon"), "did you mean 'page_down'"));
	assert_non_null(find_warning(&w, path, line_of(path, "Florp"), "'Florp' is not a key name"));
	assert_non_null(find_warning(&w, path, line_of(path, "search = "), "empty key name"));
	assert_non_null(find_warning(&w, path, line_of(path, "redraw = ?"), "? is bound to help on line"));
	assert_non_null(find_warning(&w, path, line_of(path, "no equals sign"), "not a [section]"));
	assert_non_null(find_warning(&w, path, line_of(path, "[nosuch]"), "unknown section [nosuch]"));
	assert_non_null(find_warning(&w, path, line_of(path, "open = Enter"), "set again on line"));
	assert_non_null(find_warning(&w, path, line_of(path, "[text:bad]"), "bad section name"));
	assert_int_equal(w.n, 9);
	/* the good lines and the good parts of bad lines still apply */
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'Q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'j'), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_TEXT, QK_DOWN), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'n'), ACT_SEARCH);
	assert_int_equal(keymap_lookup(km, KC_TEXT, '?'), ACT_REDRAW);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'o'), ACT_OPEN);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'x'), ACT_MARK);
	assert_int_equal(keymap_lookup(km, KC_QUOTES, 'm'), ACT_MARK);
	/* lines of refused sections do not leak into others */
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'X'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'Y'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'Y'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'x'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'z'), ACT_NONE);
	warnings_free(&w);
	keymap_free(km);
}

static void override_changes_single_keys(void **state)
{
	const char *path = FIXTURES "keys-override.ini";
	keymap *km = keymap_builtin();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, path, &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'Q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'q'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, QK_DOWN), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, ' '), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_HELP, ' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_LIST, ' '), ACT_MARK);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'o'), ACT_OPEN);
	assert_int_equal(keymap_lookup(km, KC_LIST, QK_ENTER), ACT_OPEN);
	/* the rest of the keymap is untouched */
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'k'), ACT_MOVE_UP);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'G'), ACT_MOVE_LAST);
	warnings_free(&w);
	keymap_free(km);
}

static void bom_crlf_continuation_and_quotes(void **state)
{
	const char *path = FIXTURES "keys-forms.ini";
	keymap *km = keymap_new();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, path, &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, '#'), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'j'), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_TEXT, QK_DOWN), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_TEXT, QK_C('n')), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_TEXT, ';'), ACT_HELP);
	assert_int_equal(keymap_lookup(km, KC_TEXT, '"'), ACT_HELP);
	assert_int_equal(keymap_lookup(km, KC_TEXT, '/'), ACT_SEARCH);
	assert_int_equal(keymap_lookup(km, KC_TEXT, ','), ACT_COPY);
	warnings_free(&w);
	keymap_free(km);
}

static void unreadable_files(void **state)
{
	keymap *km = keymap_builtin();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, FIXTURES "no-such-file.ini", &w), Q_ENOENT);
	assert_int_equal(keymap_load(km, FIXTURES, &w), Q_EISDIR);
	assert_int_equal(keymap_load(km, "/dev/null", &w), Q_ENOTREG);
	assert_int_equal(w.n, 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'q'), ACT_QUIT);
	warnings_free(&w);
	keymap_free(km);
}

/* A file can put anything in a message; what is stored is safe to print. */
static void warnings_are_escaped(void **state)
{
	char path[] = "/tmp/quoth-test-keys-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char text[] = "[global]\n\x1b]0;pwned\x07 = x\nquit = \x1b[2J, \xff\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	keymap *km = keymap_new();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, path, &w), 0);
	dump_warnings(&w);
	assert_int_equal(w.n, 3);
	for (size_t i = 0; i < w.n; i++)
		for (const unsigned char *p = (const unsigned char *)w.v[i].msg; *p; p++)
			assert_true(*p >= 0x20 && *p != 0x7F && *p != 0xFF);
	assert_non_null(find_warning(&w, path, 2, "\\x1B]0;pwned\\x07"));
	assert_non_null(find_warning(&w, path, 3, "\\x1B[2J"));
	assert_non_null(find_warning(&w, path, 3, "\\xFF"));
	warnings_free(&w);
	keymap_free(km);
	unlink(path);
}

static void garbage_never_crashes(void **state)
{
	char path[] = "/tmp/quoth-test-keys-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* long lines, NUL bytes, stray brackets and backslashes, no final newline */
	char buf[6000];
	unsigned seed = 42;
	for (size_t i = 0; i < sizeof buf; i++) {
		seed = seed * 1103515245 + 12345;
		static const char alphabet[] = "[]=;#\\\"' \n\tabcjkq,C-M\x00\xc3\xa6";
		buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
	}
	memcpy(buf, "[global]\nquit = Q\n", 18);
	memset(buf + 2000, 'x', 1500);
	assert_int_equal(write(fd, buf, sizeof buf), (ssize_t)sizeof buf);
	close(fd);
	keymap *km = keymap_new();
	warnings w;
	warnings_init(&w);
	assert_int_equal(keymap_load(km, path, &w), 0);
	assert_true(w.n > 0);
	assert_true(w.n <= WARNINGS_MAX);
	for (size_t i = 0; i < w.n; i++)
		assert_true(w.v[i].line >= 1);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'Q'), ACT_QUIT);
	warnings_free(&w);
	keymap_free(km);
	unlink(path);
}

/* ---- finding keymaps ---- */

static void find_by_name_and_path(void **state)
{
	char *xdg = abs_path(FIXTURES "xdg");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	char *looked = NULL;
	char *p = keymap_find("mine", &looked);
	assert_non_null(p);
	assert_non_null(strstr(p, "xdg/quoth/keymaps/mine.ini"));
	assert_null(looked);
	free(p);
	p = keymap_find("mine.ini", NULL);
	assert_non_null(p);
	free(p);
	p = keymap_find(FIXTURES "keys-override.ini", NULL);
	assert_string_equal(p, FIXTURES "keys-override.ini");
	free(p);
	assert_null(keymap_find("no-such-keymap", &looked));
	assert_non_null(looked);
	assert_non_null(strstr(looked, "xdg/quoth/keymaps"));
	assert_non_null(strstr(looked, QUOTH_DATADIR "/keymaps"));
	free(looked);
	assert_null(keymap_find("../etc", &looked));   /* has a '/': a path that is not a file */
	free(looked);
	assert_null(keymap_find(".hidden", &looked));
	assert_non_null(strstr(looked, "not a keymap name"));
	free(looked);
	setenv("HOME", xdg, 1);
	p = keymap_find("~/quoth/keymaps/mine.ini", NULL);
	assert_non_null(p);
	assert_non_null(strstr(p, "xdg/quoth/keymaps/mine.ini"));
	assert_int_equal(p[0], '/');
	free(p);
	free(xdg);
	unsetenv("XDG_CONFIG_HOME");
}

static void keymap_for_config_falls_back_with_a_warning(void **state)
{
	struct config cfg;
	assert_int_equal(config_init(&cfg), 0);
	warnings w;
	warnings_init(&w);
	free(cfg.keymap);
	cfg.keymap = strdup("no-such-keymap");
	cfg.keymap_from.file = strdup("my.ini");
	cfg.keymap_from.line = 7;
	cfg.keymap_override = strdup(FIXTURES "keys-override.ini");
	keymap *km = keymap_for_config(&cfg, &w);
	assert_non_null(km);
	dump_warnings(&w);
	assert_int_equal(w.n, 2);
	assert_non_null(find_warning(&w, "my.ini", 7, "keymap 'no-such-keymap' not found"));
	/* the override's "none = q" cannot leave q dead */
	assert_non_null(find_warning(&w, NULL, 0, "leaves q doing nothing"));
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'q'), ACT_QUIT);
	/* the built-in keys, with the override on top */
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'Q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KC_TEXT, 'k'), ACT_MOVE_UP);
	keymap_free(km);
	warnings_free(&w);

	/* a path to a real keymap, and an override that is missing */
	warnings_init(&w);
	free(cfg.keymap);
	cfg.keymap = strdup("keymaps/emacs.ini");
	free(cfg.keymap_override);
	cfg.keymap_override = strdup(FIXTURES "missing.ini");
	cfg.keymap_override_from.file = strdup("my.ini");
	cfg.keymap_override_from.line = 8;
	km = keymap_for_config(&cfg, &w);
	assert_non_null(km);
	assert_int_equal(w.n, 1);
	assert_non_null(find_warning(&w, "my.ini", 8, "no such file"));
	assert_int_equal(keymap_lookup(km, KC_TEXT, QK_C('n')), ACT_MOVE_DOWN);
	keymap_free(km);
	warnings_free(&w);
	config_free(&cfg);
}

/* An empty keymap file: a warning, and q, ?, Esc and C-c still work (every
 * key was dead, and nothing said why). A FIFO as a keymap: refused at once. */
static void empty_keymap_keeps_a_way_out(void **state)
{
	char dir[] = "/tmp/quoth-km-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char empty[64], fifo[64];
	snprintf(empty, sizeof empty, "%s/empty.ini", dir);
	snprintf(fifo, sizeof fifo, "%s/fifo.ini", dir);
	FILE *f = fopen(empty, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	struct config cfg;
	assert_int_equal(config_init(&cfg), 0);
	free(cfg.keymap);
	cfg.keymap = strdup(empty);
	warnings w;
	warnings_init(&w);
	keymap *km = keymap_for_config(&cfg, &w);
	assert_non_null(km);
	dump_warnings(&w);
	assert_int_equal(w.n, 1);
	assert_non_null(find_warning(&w, NULL, 0, "binds no key: only q, ?, Esc and C-c do something"));
	for (int c = 0; c < KC__COUNT; c++) {
		assert_int_equal(keymap_lookup(km, c, 'q'), ACT_QUIT);
		assert_int_equal(keymap_lookup(km, c, '?'), ACT_HELP);
		assert_int_equal(keymap_lookup(km, c, QK_ESC), ACT_CANCEL);
		assert_int_equal(keymap_lookup(km, c, QK_C('c')), ACT_QUIT);
		assert_int_equal(keymap_lookup(km, c, 'j'), ACT_NONE);
	}
	keymap_free(km);
	warnings_free(&w);

	/* a keymap may give them other actions: that stays (vi's ? searches back) */
	free(cfg.keymap);
	cfg.keymap = strdup("keymaps/vi.ini");
	warnings_init(&w);
	km = keymap_for_config(&cfg, &w);
	assert_int_equal(w.n, 0);
	assert_int_equal(keymap_lookup(km, KC_TEXT, '?'), ACT_SEARCH_BACK);
	keymap_free(km);
	warnings_free(&w);

	keymap *plain = keymap_builtin();
	warnings_init(&w);
	alarm(10);   /* a hang fails the test */
	assert_int_equal(keymap_load(plain, fifo, &w), Q_ENOTREG);
	alarm(0);
	keymap_free(plain);
	warnings_free(&w);
	config_free(&cfg);
	unlink(empty);
	unlink(fifo);
	rmdir(dir);
}

/* ---- help ---- */

static void help_has_every_action_once(void **state)
{
	keymap *km = keymap_builtin();
	const char *tags[9] = { "claim", "denial", NULL, "", "promise", "criticism", "praise", "threat", "question" };
	help h;
	assert_int_equal(keyhelp_build(km, tags, &h), 0);
	int seen[ACT__COUNT] = { 0 };
	int headings = 0;
	for (size_t i = 0; i < h.n; i++) {
		const struct help_line *l = &h.v[i];
		assert_non_null(l->line);
		if (l->kind == HELP_HEADING)
			headings++;
		if (l->kind != HELP_ENTRY)
			continue;
		seen[l->action]++;
		assert_true(strlen(l->keys) > 0);
		assert_true(strlen(l->text) > 0);
		assert_string_equal(l->name, action_name(l->action));
		/* columns: keys padded to keys_width, two spaces, the name */
		if ((int)strlen(l->keys) <= h.keys_width) {
			assert_memory_equal(l->line, l->keys, strlen(l->keys));
			assert_memory_equal(l->line + h.keys_width + 2, l->name, strlen(l->name));
		}
	}
	assert_int_equal(headings, AG__COUNT);
	/* the built-in keys with the default tag names fit 80 columns */
	for (size_t i = 0; i < h.n; i++)
		if (strlen(h.v[i].line) > 80)
			fail_msg("help line wider than 80 columns: %s", h.v[i].line);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		if (seen[a] != 1)
			fail_msg("%s is on the help screen %d times", action_name(a), seen[a]);
	bool found_claim = false, found_mark = false, found_pgdn = false;
	for (size_t i = 0; i < h.n; i++) {
		const struct help_line *l = &h.v[i];
		if (l->action == ACT_TAG_TOGGLE_1 && l->kind == HELP_ENTRY)
			found_claim = strstr(l->text, "claim") != NULL;
		if (l->action == ACT_TAG_TOGGLE_3 && l->kind == HELP_ENTRY)
			assert_string_equal(l->text, action_help(ACT_TAG_TOGGLE_3));
		if (l->action == ACT_MARK && l->kind == HELP_ENTRY)
			found_mark = !strcmp(l->keys, "Space (list, quotes, tagged)");
		if (l->action == ACT_PAGE_DOWN && l->kind == HELP_ENTRY)
			found_pgdn = !strcmp(l->keys, "PgDn, Space");
	}
	assert_true(found_claim);
	assert_true(found_mark);
	assert_true(found_pgdn);
	keyhelp_free(&h);
	keymap_free(km);
}

static void help_of_an_empty_keymap(void **state)
{
	keymap *km = keymap_new();
	help h;
	assert_int_equal(keyhelp_build(km, NULL, &h), 0);
	for (size_t i = 0; i < h.n; i++)
		if (h.v[i].kind == HELP_ENTRY)
			assert_string_equal(h.v[i].keys, "");
	assert_int_equal(h.keys_width, 0);
	keyhelp_free(&h);
	keymap_free(km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_forms_of_characters),
		cmocka_unit_test(name_forms_of_named_keys),
		cmocka_unit_test(name_forms_with_modifiers),
		cmocka_unit_test(bad_names),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(canonical_names),
		cmocka_unit_test(control_bytes),
		cmocka_unit_test(bind_lookup_and_fallback),
		cmocka_unit_test(many_bindings_stay_sorted),
		cmocka_unit_test(keys_in_binding_order),
		cmocka_unit_test(builtin_has_the_issue_keys),
		cmocka_unit_test(default_ini_is_the_builtin_keymap),
		cmocka_unit_test(shipped_keymaps_load_clean_and_reach_every_action),
		cmocka_unit_test(vi_and_emacs_differ_where_they_should),
		cmocka_unit_test(bad_lines_are_reported_with_their_line),
		cmocka_unit_test(override_changes_single_keys),
		cmocka_unit_test(bom_crlf_continuation_and_quotes),
		cmocka_unit_test(unreadable_files),
		cmocka_unit_test(warnings_are_escaped),
		cmocka_unit_test(garbage_never_crashes),
		cmocka_unit_test(find_by_name_and_path),
		cmocka_unit_test(keymap_for_config_falls_back_with_a_warning),
		cmocka_unit_test(empty_keymap_keeps_a_way_out),
		cmocka_unit_test(help_has_every_action_once),
		cmocka_unit_test(help_of_an_empty_keymap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
