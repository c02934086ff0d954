/* Who said it: the speaker the sidebar and export show (the user's
 * correction, else the quote engine's, marked when it is only a guess), the
 * sentence that names the speaker (c), and correcting it (s), kept in the
 * tag journal as a record of its own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app_features.h"
#include "error.h"

/* Below this confidence the engine guessed the speaker (README: 0.45 or
 * less for a guess; 0.6 is the speaker of the quote before). */
#define GUESS_BELOW 0.6f
/* The longest attribution sentence the sidebar shows. */
#define CONTEXT_MAX 400

const char *app_quote_speaker(const app *a, size_t i, bool *guess, bool *user)
{
	*guess = *user = false;
	if (i >= a->quotes.n)
		return NULL;
	const quote *q = &a->quotes.v[i];
	const char *mine = a->doc ? tags_user_speaker(a->opts.tags, a->doc->id, q->id) : NULL;
	if (mine) {
		*user = true;
		return mine;
	}
	*guess = q->speaker && q->confidence < GUESS_BELOW;
	return q->speaker;
}

/* True when off is inside one of the quotes' spans (its marks included). */
static bool in_a_quote(const app *a, size_t off)
{
	for (size_t k = 0; k < a->quotes.n; k++)
		if (off >= a->quotes.v[k].open && off < a->quotes.v[k].close)
			return true;
	return false;
}

/* A sentence ends at . ! or ? before a space, outside the quotes' words. */
static bool sentence_end(const app *a, size_t p)
{
	const char *t = a->doc->text;
	return p + 1 < a->doc->len && t[p] && strchr(".!?", t[p]) && (t[p + 1] == ' ' || t[p + 1] == '\n')
	       && !in_a_quote(a, p);
}

bool app_quote_context(const app *a, size_t i, size_t *start, size_t *end)
{
	if (!a->doc || i >= a->quotes.n)
		return false;
	const quote *q = &a->quotes.v[i];
	if (q->spk_end <= q->spk_start)
		return false;
	size_t p = doc_para_at(a->doc, q->spk_start);
	if (p >= a->doc->npara)
		return false;
	size_t lo = a->doc->para[p].start, hi = a->doc->para[p].end;
	size_t s = q->spk_start, e = q->spk_end;
	while (s > lo && !sentence_end(a, s - 1))
		s--;
	while (e < hi && !sentence_end(a, e))
		e++;
	if (e < hi)
		e++;   /* the full stop */
	while (s < e && (a->doc->text[s] == ' ' || a->doc->text[s] == '\n'))
		s++;
	*start = s;
	*end = e;
	return e > s;
}

char *app_quote_context_text(const app *a, size_t i)
{
	size_t s, e;
	if (!app_quote_context(a, i, &s, &e))
		return strdup("No sentence here names a speaker.");
	char *t = doc_flat_text(a->doc, s, e);
	if (t && strlen(t) > CONTEXT_MAX) {
		size_t n = CONTEXT_MAX;
		while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
			n--;
		memcpy(t + n, "\xE2\x80\xA6", 4);   /* … */
	}
	return t;
}

/* ---- c: the attribution sentence ---------------------------------------------------------- */

static unsigned context_toggle(app *a, enum action act)
{
	(void)act;
	if (!a->quotes.n) {
		app_message(a, false, "No quotes in this article");
		return R_STATUS;
	}
	a->show_context = !a->show_context;
	if (a->show_context && !a->q_marked && app_current_quote(a) != SIZE_MAX)
		app_select_quote(a, app_current_quote(a));
	return R_QUOTES | R_STATUS;
}

/* ---- s: correct the speaker ------------------------------------------------------------------- */

static unsigned speaker_prompt(app *a, enum action act)
{
	(void)act;
	if (!a->opts.tags) {
		app_message(a, true, "Corrections are off: the tag store could not be read");
		return R_STATUS;
	}
	size_t i = app_current_quote(a);
	if (i == SIZE_MAX) {
		app_message(a, false, "No quote here: select one in the sidebar or with ] and [");
		return R_STATUS;
	}
	app_select_quote(a, i);   /* the one it will change, visibly */
	bool guess, user;
	const char *now = app_quote_speaker(a, i, &guess, &user);
	app_prompt_open(a, PROMPT_SPEAKER, now ? now : "");
	return R_PANES;
}

static unsigned speaker_accept(app *a)
{
	size_t i = a->q_sel;
	if (!a->doc || i >= a->quotes.n)
		return R_STATUS;
	const quote *q = &a->quotes.v[i];
	const char *name = a->prompt.buf;
	/* the engine's own answer given back is no correction */
	if (q->speaker && !strcmp(name, q->speaker))
		name = "";
	tag_meta m = { a->qtext[i], q->speaker, a->doc->title, a->doc->name };
	int rc = tags_set_speaker(a->opts.tags, a->doc->id, q->id, name, &m);
	if (rc == Q_EUSAGE)
		app_message(a, true, "Not a name: one line, at most %d bytes", TAGS_SPEAKER_MAX);
	else if (rc)
		app_message(a, true, "Speaker of quote %zu NOT SAVED: %s", i + 1, error_message(rc));
	else if (*name)
		app_message(a, false, "Quote %zu: said by %s (your correction; s and an empty name undo it)", i + 1, name);
	else
		app_message(a, false, "Quote %zu: the speaker quoth found", i + 1);
	app_tags_changed(a);
	return R_PANES;
}

static const app_prompt_ops speaker_prompt_ops = {
	.accept = speaker_accept,
};

static void context_drop(app *a)
{
	a->show_context = false;
}

const app_feature app_speaker_feature = {
	.name = "speakers",
	.on_action = { [ACT_SPEAKER] = speaker_prompt, [ACT_CONTEXT] = context_toggle },
	.prompt = { [PROMPT_SPEAKER] = &speaker_prompt_ops },
	.doc_dropped = context_drop,
};
