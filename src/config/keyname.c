/* Key names <-> key codes (see keymap.h for the forms). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include "keymap.h"

struct key_name {
	const char *name;
	int key;
};

/* The first name of each key is its canonical one. */
static const struct key_name names[] = {
	{ "Up", QK_UP },
	{ "Down", QK_DOWN },
	{ "Left", QK_LEFT },
	{ "Right", QK_RIGHT },
	{ "PgUp", QK_PGUP },
	{ "PageUp", QK_PGUP },
	{ "PgDn", QK_PGDN },
	{ "PageDown", QK_PGDN },
	{ "PgDown", QK_PGDN },
	{ "Home", QK_HOME },
	{ "End", QK_END },
	{ "Enter", QK_ENTER },
	{ "Return", QK_ENTER },
	{ "RET", QK_ENTER },
	{ "Tab", QK_TAB },
	{ "Esc", QK_ESC },
	{ "Escape", QK_ESC },
	{ "Backspace", QK_BACKSPACE },
	{ "BS", QK_BACKSPACE },
	{ "Delete", QK_DELETE },
	{ "Del", QK_DELETE },
	{ "Insert", QK_INSERT },
	{ "Ins", QK_INSERT },
	{ "BackTab", QK_SHIFT | QK_TAB },
	{ "BTab", QK_SHIFT | QK_TAB },
	/* characters a keymap line cannot hold as they are */
	{ "Space", ' ' },
	{ "SPC", ' ' },
	{ "Comma", ',' },
	{ "Semicolon", ';' },
	{ "Hash", '#' },
	{ "Backslash", '\\' },
	{ "Quote", '\'' },
	{ "Apostrophe", '\'' },
	{ "DQuote", '"' },
	{ "DoubleQuote", '"' },
};

/* Characters whose canonical name is a word (key_name), not themselves. */
static const char *word_for_char(int c)
{
	switch (c) {
	case ' ': return "Space";
	case ',': return "Comma";
	case ';': return "Semicolon";
	case '#': return "Hash";
	case '\\': return "Backslash";
	}
	return NULL;
}

static bool is_printable(int c)
{
	return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)
	       && !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
}

static bool is_named(int base)
{
	return base >= QK_NAMED_BASE && base < QK_NAMED_END && base != QK_F0;
}

int key_from_control(int c)
{
	switch (c) {
	case 0x00: return QK_CTRL | ' ';
	case 0x08: return QK_CTRL | 'h';
	case 0x09: return QK_TAB;
	case 0x0A: case 0x0D: return QK_ENTER;
	case 0x1B: return QK_ESC;
	case 0x1C: return QK_CTRL | '\\';
	case 0x1D: return QK_CTRL | ']';
	case 0x1E: return QK_CTRL | '^';
	case 0x1F: return QK_CTRL | '_';
	case 0x7F: return QK_BACKSPACE;
	}
	if (c >= 0x01 && c <= 0x1A)
		return QK_CTRL | ('a' + c - 1);
	return c;
}

/* Control applied to a character: what the terminal sends for it, so C-i
 * and Tab are one key. -1 for characters a terminal cannot send with Ctrl. */
static int with_ctrl(int c)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (c >= 'a' && c <= 'z')
		return key_from_control(c - 'a' + 1);
	switch (c) {
	case ' ': case '@': return key_from_control(0);
	case '[': return QK_ESC;
	case '\\': return key_from_control(0x1C);
	case ']': return key_from_control(0x1D);
	case '^': return key_from_control(0x1E);
	case '_': return key_from_control(0x1F);
	case '?': return QK_BACKSPACE;
	}
	return -1;
}

bool key_is_valid(int key)
{
	if (key < 0 || (key & ~(QK_BASE_MASK | QK_CTRL | QK_META | QK_SHIFT)))
		return false;
	int base = key & QK_BASE_MASK;
	if (is_named(base))
		return true;
	if (!is_printable(base) || (key & QK_SHIFT))
		return false;
	if (key & QK_CTRL)
		return with_ctrl(base) == (QK_CTRL | base);
	return true;
}

/* The one code point s holds, or -1. */
static int single_char(const char *s)
{
	size_t n = strlen(s);
	ucs4_t uc;
	int len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
	return len > 0 && (size_t)len == n ? (int)uc : -1;
}

static int base_from_name(const char *s)
{
	int c = single_char(s);
	if (c >= 0)
		return is_printable(c) ? c : -1;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(s, names[i].name))
			return names[i].key;
	char *end;
	if ((s[0] == 'F' || s[0] == 'f') && isdigit((unsigned char)s[1])) {
		long n = strtol(s + 1, &end, 10);
		return !*end && n >= 1 && n <= 12 ? QK_F((int)n) : -1;
	}
	if ((s[0] == 'U' || s[0] == 'u') && s[1] == '+' && isxdigit((unsigned char)s[2])) {
		long n = strtol(s + 2, &end, 16);
		return !*end && n <= 0x10FFFF && is_printable((int)n) ? (int)n : -1;
	}
	return -1;
}

/* Strips one modifier prefix off *s; returns its bit, or 0. */
static int modifier_prefix(const char **s)
{
	static const struct { const char *prefix; int bit; } prefixes[] = {
		{ "C-", QK_CTRL }, { "Ctrl-", QK_CTRL }, { "Ctrl+", QK_CTRL },
		{ "Control-", QK_CTRL }, { "Control+", QK_CTRL },
		{ "M-", QK_META }, { "Alt-", QK_META }, { "Alt+", QK_META },
		{ "Meta-", QK_META }, { "Meta+", QK_META },
		{ "S-", QK_SHIFT }, { "Shift-", QK_SHIFT }, { "Shift+", QK_SHIFT },
	};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i].prefix);
		if (!strncasecmp(*s, prefixes[i].prefix, n) && (*s)[n]) {
			*s += n;
			return prefixes[i].bit;
		}
	}
	return 0;
}

int key_from_name(const char *name)
{
	const char *s = name;
	int mods = 0, bit;
	if (!*s)
		return -1;
	if (s[0] == '^' && s[1] && !s[2] && s[1] != ' ') {   /* ^L; a lone ^ is itself */
		mods = QK_CTRL;
		s++;
	}
	while ((bit = modifier_prefix(&s)))
		mods |= bit;
	int key = base_from_name(s);
	if (key < 0)
		return -1;
	if (mods & QK_SHIFT) {
		if (key >= 'a' && key <= 'z')
			key -= 'a' - 'A';
		else if (key >= 'A' && key <= 'Z')
			;
		else if (is_named(key & QK_BASE_MASK))
			key |= QK_SHIFT;
		else
			return -1;
	}
	if (mods & QK_CTRL) {
		if (is_named(key & QK_BASE_MASK))
			key |= QK_CTRL;
		else if ((key = with_ctrl(key)) < 0)
			return -1;
	}
	if (mods & QK_META)
		key |= QK_META;
	return key;
}

static const char *base_name(int base, char *buf, size_t size)
{
	if (base >= QK_F(1) && base <= QK_F(12)) {
		snprintf(buf, size, "F%d", base - QK_F0);
		return buf;
	}
	if (is_named(base)) {
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (names[i].key == base)
				return names[i].name;
	}
	const char *word = word_for_char(base);
	if (word)
		return word;
	if (is_printable(base)) {
		int n = u8_uctomb((uint8_t *)buf, (ucs4_t)base, (int)size - 1);
		if (n > 0) {
			buf[n] = '\0';
			return buf;
		}
	}
	snprintf(buf, size, "U+%04X", (unsigned)base);
	return buf;
}

const char *qkey_name(int key, char buf[KEY_NAME_MAX])
{
	char base[16];
	if (key < 0) {
		snprintf(buf, KEY_NAME_MAX, "(invalid)");
		return buf;
	}
	snprintf(buf, KEY_NAME_MAX, "%s%s%s%s",
	         key & QK_CTRL ? "C-" : "", key & QK_META ? "M-" : "",
	         key & QK_SHIFT ? "S-" : "", base_name(key & QK_BASE_MASK, base, sizeof base));
	return buf;
}
