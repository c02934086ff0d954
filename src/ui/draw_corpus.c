/* Drawing the views of the corpus index (app_corpus.c): the speakers, one
 * speaker's quotes, and the variants of one quote with their differences. */
#include <stdio.h>
#include <string.h>
#include "draw.h"
#include "wrap.h"

/* An entry the index lost since the list was made (or could not read). */
#define LOST "(no longer in the index)"

static void title_bar(screen *s, app *a, const char *text)
{
	attrset(s->t->attr[THEME_FOCUSED_HEADER]);
	move(0, 0);
	draw_fill(stdscr, a->cols);
	move(0, 0);
	draw_put_text(s, stdscr, text, strlen(text), a->cols);
	attrset(A_NORMAL);
}

static void say(screen *s, app *a, int y, const char *text)
{
	move(y, 2);
	draw_put_text(s, stdscr, text, strlen(text), a->cols - 3);
}

/* One row: text from column x, the rest of the row filled when selected. */
static void row(screen *s, app *a, int y, int x, const char *text, attr_t at, bool sel)
{
	move(y, x);
	attrset(at);
	int used = x + draw_put_text(s, stdscr, text, strlen(text), a->cols - x);
	if (sel)
		draw_fill(stdscr, a->cols - used);
	attrset(A_NORMAL);
}

static void draw_speakers(screen *s, app *a)
{
	const corpus_view *cv = &a->cv;
	char head[PROMPT_MAX + 160];
	snprintf(head, sizeof head, " Speakers: %zu of %zu, by %s%s%s   (Enter: their quotes, f: filter, o: order, q: close) ",
	         cv->nshown, cv->npersons, cv->by_name ? "name" : "quotes", cv->filter[0] ? ", named " : "", cv->filter);
	title_bar(s, a, head);
	if (!cv->nshown) {
		say(s, a, 2, cv->npersons ? "No speaker of that name." : "No speakers in the corpus index yet.");
		return;
	}
	say(s, a, 1, "quotes articles  speaker");
	for (size_t k = cv->ptop, y = 2; k < cv->nshown && (int)y < a->rows - 1; k++, y++) {
		const index_person *p = &cv->persons[cv->shown[k]];
		char line[1024];
		int n = snprintf(line, sizeof line, "%6ld %8ld  %s", p->nquotes, p->narticles, p->name);
		for (size_t f = 0, shown = 0; f < p->nforms && n > 0 && (size_t)n < sizeof line; f++) {
			if (!strcmp(p->forms[f], p->name))
				continue;
			n += snprintf(line + n, sizeof line - (size_t)n, "%s%s", shown++ ? ", " : "  (also: ", p->forms[f]);
		}
		if (p->nforms > 1 && n > 0 && (size_t)n + 2 < sizeof line)
			strcat(line, ")");
		bool sel = k == cv->psel;
		row(s, a, (int)y, 1, line, sel ? s->t->attr[THEME_CURSOR] : A_NORMAL, sel);
	}
}

/* The line under a quote: who, where, when. */
static void where(const index_hit *h, char *buf, size_t n)
{
	snprintf(buf, n, "\xE2\x80\x94 %s \xC2\xB7 %s%s%s%s%s%s%s", h->speaker ? h->speaker : "(unknown)",
	         h->title ? h->title : h->path, h->lang ? " \xC2\xB7 " : "", h->lang ? h->lang : "",
	         h->date ? " \xC2\xB7 " : "", h->date ? h->date : "", h->source ? " \xC2\xB7 " : "",
	         h->source ? h->source : "");
}

static void draw_quotes_of(screen *s, app *a)
{
	const corpus_view *cv = &a->cv;
	char head[400];
	char shown[64] = "";
	if (cv->total > cv->nids)
		snprintf(shown, sizeof shown, " (the first %zu)", cv->nids);
	snprintf(head, sizeof head, " Quotes of %s: %zu%s   (Enter opens the article at the quote, q: back) ", cv->title,
	         cv->total > cv->nids ? cv->total : cv->nids, shown);
	title_bar(s, a, head);
	int y = 1;
	for (size_t k = cv->top; k < cv->nids && y + 1 < a->rows - 1; k++, y += 2) {
		const index_hit *h = app_cv_hit(a, k);
		bool sel = k == cv->sel;
		attr_t at = sel ? s->t->attr[THEME_CURSOR] : A_NORMAL;
		char line[2048];
		if (!h || !h->text) {
			row(s, a, y, 1, LOST, at, sel);
			continue;
		}
		snprintf(line, sizeof line, "\xE2\x80\x9C%s\xE2\x80\x9D", h->text);
		row(s, a, y, 1, line, at, sel);
		where(h, line, sizeof line);
		if (h->group_articles > 1) {
			size_t n = strlen(line);
			snprintf(line + n, sizeof line - n, "  [also in %ld]", h->group_articles - 1);
		}
		row(s, a, y + 1, 4, line, sel ? at : s->t->attr[THEME_SPEAKER], sel);
	}
}

/* ---- a group: the variants with their differences ---- */

typedef struct flow {
	screen *s;
	app *a;
	int y, x, bottom;
} flow;

/* Puts the words of text[0..n) with attribute at, wrapping at the edge. */
static void flow_text(flow *f, const char *text, size_t n, attr_t at)
{
	size_t i = 0;
	while (i < n && f->y < f->bottom) {
		size_t j = i;
		while (j < n && text[j] != ' ')
			j++;
		int w = wrap_str_width(text + i, j - i, 8);
		if (f->x + w > f->a->cols - 1 && f->x > 6) {
			f->y++;
			f->x = 6;
			if (f->y >= f->bottom)
				return;
		}
		move(f->y, f->x);
		attrset(at);
		f->x += draw_put_text(f->s, stdscr, text + i, j - i, f->a->cols - f->x);
		attrset(A_NORMAL);
		for (; j < n && text[j] == ' '; j++)
			if (f->x < f->a->cols - 1) {
				move(f->y, f->x++);
				addch(' ');
			}
		i = j;
	}
}

static void flow_piece(void *ctx, enum wdiff_piece kind, const char *s, size_t n)
{
	flow *f = ctx;
	if (kind == WP_TEXT) {
		flow_text(f, s, n, A_NORMAL);
		return;
	}
	char buf[4096];
	int k = snprintf(buf, sizeof buf, "%s%.*s%s", kind == WP_ADDED ? "{+" : "[-", (int)(n < 4000 ? n : 4000), s,
	                 kind == WP_ADDED ? "+}" : "-]");
	if (k > 0)
		flow_text(f, buf, (size_t)k < sizeof buf ? (size_t)k : sizeof buf - 1,
		          f->s->t->attr[kind == WP_ADDED ? THEME_SEARCH_MATCH : THEME_MESSAGE]);
}

/* Variant i: the first whole, the others with their [-dropped-] and
 * {+added+} words against it, highlighted. */
static void flow_variant(flow *f, const app *a, const index_hit *h, size_t i)
{
	const wdiff *d = app_cv_diff(a, i);
	if (!d || !a->cv.base.text)
		flow_text(f, h->text, strlen(h->text), A_NORMAL);
	else
		wdiff_pieces(a->cv.base.text, h->text, d, flow_piece, f);
}

static void draw_group(screen *s, app *a)
{
	const corpus_view *cv = &a->cv;
	char head[400];
	char shown[64] = "";
	if (cv->nids < cv->total)
		snprintf(shown, sizeof shown, " (the first %zu quotes)", cv->nids);
	snprintf(head, sizeof head, " The same quote in %zu articles%s: [-dropped-] {+added+} against the first   "
	         "(Enter opens the article, q: back) ", cv->total, shown);
	title_bar(s, a, head);
	flow f = { s, a, 1, 0, a->rows - 1 };
	for (size_t k = cv->top; k < cv->nids && f.y + 2 < f.bottom; k++) {
		const index_hit *h = app_cv_hit(a, k);
		bool sel = k == cv->sel;
		if (!h || !h->text) {
			row(s, a, f.y, 1, LOST, sel ? s->t->attr[THEME_CURSOR] : A_NORMAL, sel);
			f.y += 2;
			continue;
		}
		char line[1024];
		snprintf(line, sizeof line, "%2zu. ", k + 1);
		size_t n = strlen(line);
		where(h, line + n, sizeof line - n);
		row(s, a, f.y++, 1, line, sel ? s->t->attr[THEME_CURSOR] : s->t->attr[THEME_SPEAKER], sel);
		row(s, a, f.y++, 6, h->path, A_DIM, false);
		f.x = 6;
		flow_variant(&f, a, h, k);
		f.y += 2;
	}
}

void draw_corpus(screen *s, app *a)
{
	erase();
	switch (a->cv.mode) {
	case CV_SPEAKERS: draw_speakers(s, a); break;
	case CV_QUOTES: draw_quotes_of(s, a); break;
	case CV_GROUP: draw_group(s, a); break;
	case CV_CLOSED: break;
	}
	wnoutrefresh(stdscr);
}
