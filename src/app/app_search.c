/* The prompt line and search: incremental as the pattern is typed, in the
 * focused pane (article text, list titles, quotes), case-folded. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "app_internal.h"
#include "error.h"

void app_search_clear(app *a)
{
	free(a->pattern);
	a->pattern = NULL;
	search_hits_free(&a->hits);
	a->hit = 0;
}

/* ---- finding ------------------------------------------------------------------ */

static bool quote_matches(const app *a, size_t i)
{
	const char *t = a->qtext[i];
	const char *s = a->quotes.v[i].speaker;
	return (t && search_contains(t, strlen(t), a->pattern)) || (s && search_contains(s, strlen(s), a->pattern));
}

/* The next row of the list or the sidebar at or after (before) `from`
 * that matches, wrapping once; n when none. */
static size_t find_row(app *a, size_t from, size_t n, bool backward, bool *wrapped)
{
	*wrapped = false;
	for (size_t k = 0; k < n; k++) {
		size_t i = backward ? (from + n - k) % n : (from + k) % n;
		bool hit;
		if (a->search_pane == PANE_LIST) {
			const char *t = corpus_title(a->corpus, i);
			hit = search_contains(t, strlen(t), a->pattern);
		} else {
			hit = quote_matches(a, i);
		}
		if (hit) {
			*wrapped = backward ? i > from : i < from;
			return i;
		}
	}
	return n;
}

/* Selects the match at or after (before) the place the search started from
 * (incremental) or after (before) the current one (n/N). */
static unsigned go_to_match(app *a, bool backward, bool from_start)
{
	bool wrapped = false;
	place *p = &a->before_search;
	if (a->search_pane == PANE_TEXT) {
		if (a->big && !from_start && (!a->hits.n || a->hit >= a->hits.n ||
		              (backward ? a->hit == 0 : a->hit + 1 >= a->hits.n)))
			return app_big_search(a, !backward);   /* on through the rest of the file */
		if (!a->hits.n) {
			if (a->big) {
				app_message(a, false, "Not in this part of the file: Enter searches all of it");
				return R_PANES;
			}
			goto none;
		}
		size_t off;
		if (from_start)
			off = backward ? p->text_top + 1 : p->text_top;
		else
			off = a->hit < a->hits.n ? a->hits.v[a->hit].start + (backward ? 0 : 1) : a->text_top;
		a->hit = search_next(&a->hits, off, !backward, &wrapped);
		size_t start = a->hits.v[a->hit].start;
		if (from_start)
			a->text_top = p->text_top;
		app_show_offset(a, start);   /* the same rule as a jump to a quote */
	} else {
		size_t n = a->search_pane == PANE_LIST ? a->corpus->n : a->quotes.n;
		size_t cur = a->search_pane == PANE_LIST ? a->list_sel : a->q_sel;
		size_t from = from_start ? (a->search_pane == PANE_LIST ? p->list_sel : p->q_sel)
		                         : (backward ? cur + n - 1 : cur + 1) % (n ? n : 1);
		size_t i = n ? find_row(a, from, n, backward, &wrapped) : n;
		if (i == n)
			goto none;
		if (a->search_pane == PANE_LIST) {
			a->list_sel = i;
			size_t h = (size_t)app_content(a, PANE_LIST).h;
			if (i < a->list_top || i >= a->list_top + h)
				a->list_top = i >= h / 3 ? i - h / 3 : 0;
		} else {
			a->q_sel = i;
			a->q_marked = true;
			a->q_top = i;
		}
	}
	if (wrapped)
		app_message(a, false, backward ? "Search wrapped to the bottom" : "Search wrapped to the top");
	else if (!from_start)
		a->msg[0] = '\0';
	return R_PANES;
none:
	app_message(a, true, "Pattern not found");
	return R_PANES;
}

static void save_place(app *a)
{
	place *p = &a->before_search;
	p->list_sel = a->list_sel;
	p->list_top = a->list_top;
	p->text_top = a->text_top;
	p->q_sel = a->q_sel;
	p->q_top = a->q_top;
}

static void restore_place(app *a)
{
	place *p = &a->before_search;
	a->list_sel = p->list_sel;
	a->list_top = p->list_top;
	a->text_top = p->text_top;
	a->q_sel = p->q_sel;
	a->q_top = p->q_top;
}

/* Sets the pattern to what the prompt holds and finds its matches. */
unsigned app_search_update(app *a)
{
	app_search_clear(a);
	a->msg[0] = '\0';
	a->pattern = search_fold_pattern(a->prompt.buf, a->prompt.len);
	if (!a->pattern) {
		restore_place(a);
		return R_PANES;
	}
	if (a->search_pane == PANE_TEXT && a->doc &&
	    search_all(a->doc->text, 0, a->doc->len, a->pattern, &a->hits))
		app_message(a, true, "%s", error_message(Q_ENOMEM));
	return go_to_match(a, a->prompt.backward, true);
}

static void set_prompt(prompt *p, const char *s);

void app_prompt_open(app *a, enum prompt_kind kind, const char *initial)
{
	memset(&a->prompt, 0, sizeof a->prompt);
	a->prompt.kind = kind;
	set_prompt(&a->prompt, initial ? initial : "");
}

void app_prompt_set(app *a, const char *s)
{
	set_prompt(&a->prompt, s);
}

unsigned app_search_start(app *a, bool backward)
{
	app_prompt_open(a, PROMPT_SEARCH, "");
	a->prompt.backward = backward;
	a->search_pane = a->focus;
	a->search_backward = backward;
	a->hist_pos = a->nhistory;
	save_place(a);
	a->msg[0] = '\0';
	return R_STATUS;
}

unsigned app_search_step(app *a, bool reverse)
{
	if (!a->pattern) {
		app_message(a, true, "No previous search");
		return R_STATUS;
	}
	bool backward = a->search_backward != reverse;
	return go_to_match(a, backward, false);
}

/* ---- the prompt line --------------------------------------------------------------- */

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

static void set_prompt(prompt *p, const char *s)
{
	size_t n = strlen(s);
	if (n >= PROMPT_MAX)
		n = PROMPT_MAX - 1;
	memcpy(p->buf, s, n);
	p->buf[n] = '\0';
	p->len = p->cur = n;
}

static void remember(app *a)
{
	size_t max = a->opts.history_max;
	if (!a->prompt.len || !max)
		return;
	if (a->nhistory && !strcmp(a->history[a->nhistory - 1], a->prompt.buf))
		return;
	if (!a->history && !(a->history = calloc(max, sizeof *a->history)))
		return;
	char *s = strdup(a->prompt.buf);
	if (!s)
		return;
	if (a->nhistory == max) {
		free(a->history[0]);
		memmove(a->history, a->history + 1, (max - 1) * sizeof *a->history);
		a->nhistory--;
	}
	a->history[a->nhistory++] = s;
}

static unsigned recall(app *a, int dir)
{
	if (dir < 0 && a->hist_pos > 0)
		a->hist_pos--;
	else if (dir > 0 && a->hist_pos < a->nhistory)
		a->hist_pos++;
	else
		return R_NONE;
	set_prompt(&a->prompt, a->hist_pos < a->nhistory ? a->history[a->hist_pos] : "");
	return app_search_update(a);
}

static bool is_word_byte(char c)
{
	return c != ' ' && c != '\t';
}

/* Enter and Esc in a prompt that is not a search. */
static unsigned other_prompt_key(app *a, int key)
{
	if (key == EK_ENTER)
		return app_prompt_accept(a);
	if (a->prompt.kind == PROMPT_EXPORT) {
		sb_free(&a->pending);
		app_message(a, false, "Export cancelled");
	}
	a->prompt.kind = PROMPT_NONE;
	return R_STATUS;
}

unsigned app_edit(app *a, int key)
{
	prompt *p = &a->prompt;
	if (p->kind == PROMPT_NONE)
		return R_NONE;
	if (p->kind == PROMPT_OVERWRITE)
		return app_overwrite_key(a, key);
	bool search = p->kind == PROMPT_SEARCH;
	if (!search && (key == EK_ENTER || key == EK_ESC))
		return other_prompt_key(a, key);
	if (key == EK_TAB)
		return search ? R_NONE : app_prompt_complete(a);
	if (!search && (key == EK_UP || key == EK_DOWN))
		return R_NONE;
	switch (key) {
	case EK_ENTER:
		remember(a);
		p->kind = PROMPT_NONE;
		if (!a->pattern)
			a->msg[0] = '\0';
		else if (a->big && a->search_pane == PANE_TEXT && !a->hits.n)
			return app_big_search(a, !p->backward);   /* not in the window: on through the file */
		return R_PANES;
	case EK_ESC:
		p->kind = PROMPT_NONE;
		app_search_clear(a);
		restore_place(a);
		a->msg[0] = '\0';
		return R_PANES;
	case EK_LEFT: p->cur = prev_char(p, p->cur); return R_STATUS;
	case EK_RIGHT: p->cur = next_char(p, p->cur); return R_STATUS;
	case EK_HOME: p->cur = 0; return R_STATUS;
	case EK_END: p->cur = p->len; return R_STATUS;
	case EK_UP: return recall(a, -1) | R_STATUS;
	case EK_DOWN: return recall(a, 1) | R_STATUS;
	case EK_BACKSPACE:
		if (!p->cur) {
			if (p->len)
				return R_NONE;
			/* backspace on an empty prompt closes it, as in less and vi */
			return app_edit(a, EK_ESC);
		}
		cut(p, prev_char(p, p->cur), p->cur);
		break;
	case EK_DELETE:
		if (p->cur == p->len)
			return R_NONE;
		cut(p, p->cur, next_char(p, p->cur));
		break;
	case EK_KILL_LINE:
		cut(p, 0, p->cur);
		break;
	case EK_KILL_WORD: {
		size_t i = p->cur;
		while (i > 0 && !is_word_byte(p->buf[i - 1]))
			i--;
		while (i > 0 && is_word_byte(p->buf[i - 1]))
			i--;
		cut(p, i, p->cur);
		break;
	}
	default:
		if (key < 0x20 || key > 0x10FFFF || (key >= 0x7F && key < 0xA0))
			return R_NONE;
		insert(p, key);
		break;
	}
	return search ? app_search_update(a) | R_STATUS : R_STATUS;
}
