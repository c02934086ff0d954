/* The prompt line: one editor for every question the reader asks (a
 * search, a tag name, a file), with the keys of a shell's line editor. What
 * a prompt means is its owner's business: the feature that registered that
 * prompt kind (app_prompt_ops) hears of each change, Enter, Esc and Tab. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "app_internal.h"

static size_t prev_char(const prompt *p, size_t i)
{
	while (i > 0 && ((unsigned char)p->buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t next_char(const prompt *p, size_t i)
{
	if (i < p->len)
		i++;
	while (i < p->len && ((unsigned char)p->buf[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static void cut(prompt *p, size_t from, size_t to)
{
	memmove(p->buf + from, p->buf + to, p->len - to);
	p->len -= to - from;
	p->buf[p->len] = '\0';
	p->cur = from;
}

static void insert(prompt *p, int cp)
{
	uint8_t u[6];
	int k = u8_uctomb(u, (ucs4_t)cp, (int)sizeof u);
	if (k <= 0)
		return;
	size_t n = (size_t)k;
	if (p->len + n >= PROMPT_MAX)
		return;
	memmove(p->buf + p->cur + n, p->buf + p->cur, p->len - p->cur);
	memcpy(p->buf + p->cur, u, n);
	p->len += n;
	p->cur += n;
	p->buf[p->len] = '\0';
}

static void set_text(prompt *p, const char *s)
{
	size_t n = strlen(s);
	if (n >= PROMPT_MAX)
		n = PROMPT_MAX - 1;
	memcpy(p->buf, s, n);
	p->buf[n] = '\0';
	p->len = p->cur = n;
}

void app_prompt_open(app *a, enum prompt_kind kind, const char *initial)
{
	memset(&a->prompt, 0, sizeof a->prompt);
	a->prompt.kind = kind;
	set_text(&a->prompt, initial ? initial : "");
}

void app_prompt_set(app *a, const char *s)
{
	set_text(&a->prompt, s);
}

static bool is_word_byte(char c)
{
	return c != ' ' && c != '\t';
}

static void kill_word(prompt *p)
{
	size_t i = p->cur;
	while (i > 0 && !is_word_byte(p->buf[i - 1]))
		i--;
	while (i > 0 && is_word_byte(p->buf[i - 1]))
		i--;
	cut(p, i, p->cur);
}

/* Applies an editing key; false when the key is not one. */
static bool edit(prompt *p, int key)
{
	switch (key) {
	case EK_LEFT: p->cur = prev_char(p, p->cur); return true;
	case EK_RIGHT: p->cur = next_char(p, p->cur); return true;
	case EK_HOME: p->cur = 0; return true;
	case EK_END: p->cur = p->len; return true;
	case EK_BACKSPACE:
		if (p->cur)
			cut(p, prev_char(p, p->cur), p->cur);
		return true;
	case EK_DELETE:
		if (p->cur < p->len)
			cut(p, p->cur, next_char(p, p->cur));
		return true;
	case EK_KILL_LINE: cut(p, 0, p->cur); return true;
	case EK_KILL_WORD: kill_word(p); return true;
	default:
		if (key < 0x20 || key > 0x10FFFF || (key >= 0x7F && key < 0xA0))
			return false;
		insert(p, key);
		return true;
	}
}

static unsigned close_with(app *a, unsigned (*fn)(app *))
{
	a->prompt.kind = PROMPT_NONE;
	return fn ? fn(a) : R_STATUS;
}

unsigned app_edit(app *a, int key)
{
	prompt *p = &a->prompt;
	if (p->kind == PROMPT_NONE)
		return R_NONE;
	const app_prompt_ops *ops = a->prompt_ops[p->kind];
	if (!ops)
		return close_with(a, NULL);
	if (ops->key)
		return ops->key(a, key);
	switch (key) {
	case EK_ENTER: return close_with(a, ops->accept);
	case EK_ESC: return close_with(a, ops->cancel);
	case EK_TAB: return ops->complete ? ops->complete(a) : R_NONE;
	case EK_UP: return ops->recall ? ops->recall(a, -1) | R_STATUS : R_NONE;
	case EK_DOWN: return ops->recall ? ops->recall(a, 1) | R_STATUS : R_NONE;
	case EK_BACKSPACE:
		/* backspace on an empty prompt closes it, as in less and vi */
		if (!p->len)
			return close_with(a, ops->cancel);
		if (!p->cur)
			return R_NONE;
		break;
	case EK_DELETE:
		if (p->cur == p->len)
			return R_NONE;
		break;
	default:
		break;
	}
	size_t len = p->len, cur = p->cur;
	if (!edit(p, key))
		return R_NONE;
	if (p->len == len && p->cur != cur)
		return R_STATUS;   /* the cursor moved, the text is the same */
	return ops->changed ? ops->changed(a) | R_STATUS : R_STATUS;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Sorts words, so that each candidate is counted and listed once. */
unsigned app_prompt_complete(app *a, const char **words, size_t n, const char *what)
{
	const char *pre = a->prompt.buf;
	size_t plen = a->prompt.len, matches = 0, common = 0;
	const char *first = NULL, *prev = NULL;
	char list[200] = "";
	qsort(words, n, sizeof *words, by_name);
	for (size_t i = 0; i < n; i++) {
		if (strncmp(words[i], pre, plen) || (prev && !strcmp(prev, words[i])))
			continue;
		prev = words[i];
		if (!first) {
			first = words[i];
			common = strlen(first);
		} else {
			size_t c = 0;
			while (c < common && first[c] == words[i][c])
				c++;
			common = c;
		}
		matches++;
		if (strlen(list) + strlen(words[i]) + 2 < sizeof list) {
			strcat(list, words[i]);
			strcat(list, " ");
		}
	}
	if (first && common > plen) {
		char buf[PROMPT_MAX];
		snprintf(buf, sizeof buf, "%.*s", (int)common, first);
		app_prompt_set(a, buf);
	}
	if (matches > 1)
		app_message(a, false, "%s", list);
	else if (!matches)
		app_message(a, false, "No %s starts with that", what);
	else
		a->msg[0] = '\0';
	return R_STATUS;
}
