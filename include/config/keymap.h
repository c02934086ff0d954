/* Keys, key names and keymaps: which key does which action in which pane.
 *
 * Key codes are quoth's own, not ncurses': a printable character is its
 * Unicode code point; the named keys are values from QK_NAMED_BASE
 * (0x110000) on; modifiers are bits above them. The ui layer maps what
 * ncurses reports onto these (key_from_control() for control bytes), so
 * nothing here includes ncurses and every layer below the ui can be tested
 * headless.
 *
 * Key names (keymap files, the help screen), case-insensitive except a
 * single character:
 *   a  G  ]  æ  €        the character itself (one code point, as UTF-8)
 *   U+00E6               a code point by number
 *   Space Comma Semicolon Hash Backslash   characters a keymap line cannot
 *                        hold as they are: " " "," ";" "#" "\" (a trailing
 *                        backslash continues the line); Quote ' and
 *                        DQuote " for a value that would start with them
 *   Up Down Left Right PgUp (PageUp) PgDn (PageDown) Home End Enter
 *   (Return) Tab BackTab (= S-Tab) Esc (Escape) Backspace (BS) Delete (Del)
 *   Insert (Ins) F1 .. F12
 *   C-x  Ctrl-x  Control-x  ^X    with Control (C-i is Tab, C-m and C-j are
 *                                 Enter, C-[ is Esc, C-? is Backspace: a
 *                                 terminal sends the same byte); C-X is C-x
 *   M-x  Alt-x  Meta-x            with Alt/Meta (sent as Esc then x)
 *   S-Tab  Shift-Up               with Shift (named keys; S-a is A)
 * Modifiers combine: C-M-a, M-S-Tab. qkey_name() gives the canonical name
 * ("C-a", "M-<", "S-Tab", "PgDn", "Space", "Comma"), which parses back.
 *
 * Keymap files (keymaps/default.ini, vi.ini, emacs.ini, a user's file) are
 * ini files read through iniparser:
 *
 *   [global]                 ; bindings for every pane
 *   page_down = PgDn, Space  ; action = key, key, ...
 *   [text]                   ; bindings for one pane: list text quotes
 *   none = Space             ;   tagged help; the pseudo-action "none"
 *                            ;   makes a key do nothing there
 *
 * The action is the ini key, because iniparser lowercases keys and would
 * make g and G one key. A line binds each key it lists to the action in its
 * section, taking the key from any other action there; the action keeps
 * its other keys. So a user's override file changes single keys: "quit = Q"
 * adds Q, and "none = q" takes q away; "move_down =" with no keys takes
 * every key of move_down in that section away. A key bound to two actions
 * in one file is a warning (the later line wins), and so is an action line
 * given twice in one section (iniparser keeps the last). Whatever a keymap
 * says, q, ?, Esc and C-c are never left dead (keymap_keep_essentials): a
 * way out and to help always exists, even with an empty keymap file.
 */
#ifndef QUOTH_KEYMAP_H
#define QUOTH_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include "action.h"
#include "warnings.h"

struct config;

/* Named keys. */
enum {
	QK_NAMED_BASE = 0x110000,
	QK_UP = QK_NAMED_BASE,
	QK_DOWN,
	QK_LEFT,
	QK_RIGHT,
	QK_PGUP,
	QK_PGDN,
	QK_HOME,
	QK_END,
	QK_ENTER,
	QK_TAB,
	QK_ESC,
	QK_BACKSPACE,
	QK_DELETE,
	QK_INSERT,
	QK_F0,           /* QK_F(n) is QK_F0 + n, n = 1..12 */
	QK_NAMED_END = QK_F0 + 13
};
#define QK_F(n) (QK_F0 + (n))
#define QK_SPACE ' '

/* Modifier bits, or-ed onto a code point or a named key. */
#define QK_BASE_MASK 0x1FFFFF
#define QK_CTRL  0x200000
#define QK_META  0x400000
#define QK_SHIFT 0x800000
#define QK_C(c) (QK_CTRL | (c))   /* c a lower-case ASCII letter, e.g. QK_C('l') */
#define QK_M(c) (QK_META | (c))

/* Longest name qkey_name() writes, NUL included. */
#define KEY_NAME_MAX 40

/* The key of a name, or -1 when name is not a key name. */
int key_from_name(const char *name);

/* The canonical name of key, written to buf; returns buf. An invalid code
 * gives "U+XXXXXX"-like text that will not parse back. */
const char *qkey_name(int key, char buf[KEY_NAME_MAX]);

/* For the ui: the key a terminal means when it sends the character c.
 * 0x09 is Tab, 0x0A and 0x0D are Enter, 0x1B Esc, 0x7F Backspace,
 * 0x08 C-h, 0x00 C-Space, 0x01..0x1A C-a..C-z, 0x1C..0x1F C-\ C-] C-^ C-_;
 * any other c is itself. */
int key_from_control(int c);

/* True when key is a valid code: a printable code point or a named key,
 * with any modifiers. */
bool key_is_valid(int key);

typedef struct keymap keymap;

/* An empty keymap (no key does anything). NULL when out of memory. */
keymap *keymap_new(void);
/* The built-in default keymap, from the action table (the same bindings as
 * keymaps/default.ini). NULL when out of memory. */
keymap *keymap_builtin(void);
void keymap_free(keymap *km);

/* Binds key to a in ctx, replacing what key did there. ACT_NONE makes the
 * key do nothing in ctx (in a pane context it hides the global binding).
 * Returns 0 or Q_ENOMEM. */
int keymap_bind(keymap *km, enum keyctx ctx, int key, enum action a);
/* Removes the binding of key in ctx (a pane context then falls back to
 * global). */
void keymap_unbind(keymap *km, enum keyctx ctx, int key);

/* The action of key in the focused context ctx: ctx's own binding when it
 * has one, else the global one, else ACT_NONE. */
enum action keymap_lookup(const keymap *km, enum keyctx ctx, int key);

/* The keys bound to a in ctx itself (no fallback), in the order they were
 * bound (the first is the one hints show), up to max
 * of them into keys; returns how many there are. */
size_t keymap_keys(const keymap *km, enum keyctx ctx, enum action a, int *keys, size_t max);

/* A key that does a when ctx has the focus (ctx's own keys first, then
 * global keys that ctx does not hide), for hints such as "press ? for
 * help"; -1 when none. */
int keymap_key_for(const keymap *km, enum keyctx ctx, enum action a);

/* Reads a keymap file and applies its bindings on top of km. Each bad line
 * (syntax, unknown section, unknown action, bad key name, key bound twice)
 * is a warning naming path and line; the rest of the file still applies.
 * Returns 0, or Q_ENOENT / Q_EACCES / Q_EISDIR / Q_EIO / Q_ENOMEM when the
 * file could not be read at all (km unchanged, nothing added to w). */
int keymap_load(keymap *km, const char *path, warnings *w);

/* True when km binds no key anywhere (an empty keymap file). */
bool keymap_is_empty(const keymap *km);

/* q (quit), ? (help), Esc (cancel) and C-c (quit) are never dead: where km
 * leaves one of them doing nothing (unbound, or "none" in a pane), it gets
 * that action back; a key the keymap gave another action keeps it.
 * keymap_for_config does this last. Returns how many of q, ? and Esc were
 * given back (their names, comma-separated, in changed[0..size)), or
 * Q_ENOMEM; C-c, which no keymap file needs to bind, is bound silently. */
int keymap_keep_essentials(keymap *km, char *changed, size_t size);

/* The file a `keymap =` setting names. A setting with a '/' is a path
 * (a leading ~ is the home folder); otherwise it is a NAME (a trailing
 * ".ini" dropped) looked up as NAME.ini in $XDG_CONFIG_HOME/quoth/keymaps
 * (default ~/.config/quoth/keymaps), QUOTH_DATADIR/keymaps, then keymaps/
 * beside the running binary and in its parent folder (so ./quoth in a clone
 * finds the clone's keymaps). Returns a new path, or NULL when nothing is
 * found; then *looked (when looked is not NULL) is a new string listing the
 * places tried, for a message. */
char *keymap_find(const char *setting, char **looked);

/* The keymap config asks for: its keymap file (the built-in default, with
 * a warning pointing at the setting, when it cannot be found or read), then
 * its keymap_override file on top. NULL only when out of memory. */
keymap *keymap_for_config(const struct config *cfg, warnings *w);

/* The help screen: one heading per action group, then one line per action:
 * its keys for the focused-pane-independent view (global keys, then keys
 * of pane sections with the panes named), its name and its help. */
enum help_kind { HELP_HEADING, HELP_ENTRY, HELP_BLANK };

struct help_line {
	enum help_kind kind;
	enum action action;   /* HELP_ENTRY */
	char *keys;           /* "Down, j" or "Space (list, quotes, tagged)"; "" when unbound */
	const char *name;     /* "move_down"; "" for headings and blanks */
	char *text;           /* the help text (tag names filled in) or the heading */
	char *line;           /* keys, name and text in padded columns, ready to draw */
};

typedef struct help {
	struct help_line *v;
	size_t n;
	int keys_width, name_width;   /* display columns of the first two columns */
} help;

/* The key bar: the main keys of the focused pane or view, as the active
 * keymap binds them ("Enter" "open", "Space" "mark" ...), an action left out
 * when no key does it there. */
struct keybar_item {
	char key[KEY_NAME_MAX];
	const char *label;
};
#define KEYBAR_MAX 8
size_t keyhelp_bar(const keymap *km, enum keyctx ctx, struct keybar_item out[KEYBAR_MAX]);

/* Builds the help lines for km. tag_names, when not NULL, are the names of
 * tags 1..9 (NULL entries allowed): "Toggle tag 1 on the quote: claim".
 * Returns 0 or Q_ENOMEM (out is then empty). */
int keyhelp_build(const keymap *km, const char *const tag_names[9], help *out);
void keyhelp_free(help *h);

#endif
