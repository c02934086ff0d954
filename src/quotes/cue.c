/* Cue words, and the two places where they decide a quote's span: where
 * dash speech ends (", siger han") and the attribution that stands inside
 * the marks (« A, indique X. B »). */
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "speech.h"

#define WIN 64              /* tokens read at a time */
#define INNER_WORDS 9       /* words of an attribution clause inside the marks */
#define INNER_DASHED 17     /* and between dashes, where it may hold an apposition */
#define DASH_SUBJECT 5      /* words of a subject before its cue after dash speech */
#define DASH_AFTER_CUE 3    /* words after that cue before its sentence ends */

bool cue_extra(const speech_ctx *c, const char *low, size_t n)
{
	if (!c->opts || !c->opts->ncues)
		return false;
	const char *code = lang_code(c->lang);
	size_t cl = strlen(code);
	for (size_t i = 0; i < c->opts->ncues; i++) {
		const char *w = c->opts->cues[i];
		const char *colon = strchr(w, ':');
		if (colon) {
			if ((size_t)(colon - w) != cl || strncmp(w, code, cl))
				continue;
			w = colon + 1;
		}
		if (strlen(w) == n && !memcmp(w, low, n))
			return true;
	}
	return false;
}

bool cue_word(const speech_ctx *c, const tok *w, bool *fused)
{
	*fused = false;
	if (w->kind != T_WORD || !w->n || w->cjk || (w->cap && !w->sent))
		return false;
	if ((w->lex & LX_CUE) || cue_extra(c, w->low, w->n))
		return true;
	/* a pronoun joined to the verb: déclare-t-il, a-t-elle */
	size_t k = lex_suffix(c->lang, LA_CUE_SUFFIX, w->low, w->n);
	if (!k)
		return false;
	size_t n = w->n - k;
	uint32_t lex = lex_lookup(c->lang, w->low, n);
	*fused = (lex & (LX_CUE | LX_AUX)) || cue_extra(c, w->low, n);
	return *fused;
}

/* ", siger han" / "– siger han" / ". Det siger X" at v[k]: the attribution
 * of dash speech starts there. */
static bool attribution_at(const speech_ctx *c, const tok *v, size_t n, size_t k)
{
	bool fused;
	if (v[k].kind != T_COMMA && v[k].kind != T_DASH && v[k].kind != T_STOP)
		return false;
	if (k + 1 < n && cue_word(c, &v[k + 1], &fused))
		return true;
	if (k + 2 < n && v[k].kind == T_COMMA && (v[k + 1].lex & LX_PRON) && cue_word(c, &v[k + 2], &fused))
		return true;
	return k + 2 < n && v[k].kind == T_STOP && (v[k + 1].lex & LX_EXPLETIVE) && cue_word(c, &v[k + 2], &fused);
}

/* Can v[j] stand in a subject before its cue: a capitalised word no
 * closed class holds (a name), or a lower-case word that is none of them
 * either (a title, a role, an adjective)? */
static bool subject_word(const tok *w)
{
	return w->kind == T_WORD && !w->cjk &&
	       !(w->lex & (LX_FUNC | LX_PREP | LX_CONJ | LX_REL | LX_CUE | LX_AUX | LX_PRON | LX_CAL | LX_DET |
	                   LX_SKIP | LX_ACCORD | LX_EXPLETIVE));
}

/* ", Mäkelä sanoo." / ", pormestari Liisa Mäkelä sanoi eilen." at v[k]:
 * where the verb need not come second, the subject may stand before the
 * cue after dash speech: a comma, a few words ending in a name or a role,
 * the cue, and the sentence's end (or the paragraph's, when the window
 * holds it: n < WIN) within a few words. */
static bool subject_then_cue_at(const speech_ctx *c, const tok *v, size_t n, size_t k)
{
	if (v[k].kind != T_COMMA || (speech_props(c) & LP_VERB_SECOND))
		return false;
	size_t j = k + 1;
	while (j < n && j < k + 1 + DASH_SUBJECT && subject_word(&v[j]))
		j++;
	bool fused;
	if (j == k + 1 || j >= n || !cue_word(c, &v[j], &fused))
		return false;
	const tok *last = &v[j - 1];
	if (!last->cap && !(last->lex & (LX_TITLE | LX_ROLE)))
		return false;   /* "…, lapset sanovat": a plain noun may be the speech's own */
	for (size_t e = j + 1; e <= j + DASH_AFTER_CUE; e++) {
		if (e == n)
			return n < WIN;
		if (v[e].kind == T_STOP)
			return true;
		if (v[e].kind != T_WORD || v[e].cap)
			return false;
	}
	return false;
}

size_t speech_dash_end(const speech_ctx *c, size_t start, size_t pend)
{
	/* in windows: this runs before the token pass */
	tok v[WIN];
	tok_low low[WIN];
	for (size_t pos = start; pos < pend;) {
		size_t n = tok_scan(c->d->text, pos, pend, c->lang, v, low, WIN);
		if (n < 3)
			break;
		for (size_t k = 0; k + 1 < n; k++)
			if (attribution_at(c, v, n, k) || subject_then_cue_at(c, v, n, k))
				return v[k].kind == T_COMMA || v[k].kind == T_STOP ? v[k].e : v[k].s;
		if (n < WIN)
			break;
		pos = v[n - 3].s;   /* overlap: a pattern may straddle two windows */
	}
	return pend;
}

/* In q's words, an attribution clause: ", indique X." / " - spiega il
 * sindaco - " / "—dijo el ministro—". Sets *a (where it starts: the comma
 * or dash) and *b (after its end); false when none. */
static bool inner_clause(const speech_ctx *c, const quote *q, size_t *a, size_t *b)
{
	tok v[WIN];
	tok_low low[WIN];
	for (size_t pos = q->start; pos < q->end;) {
		size_t n = tok_scan(c->d->text, pos, q->end, c->lang, v, low, WIN);
		for (size_t k = 0; k + 2 < n; k++) {
			if (v[k].kind != T_COMMA && v[k].kind != T_DASH)
				continue;
			bool fused;
			size_t cue = k + 1;
			bool aux = (v[cue].lex & LX_AUX) && cue + 1 < n && cue_word(c, &v[cue + 1], &fused);
			if (!cue_word(c, &v[cue], &fused) && !aux)
				continue;   /* (a-t-il is a cue word: an auxiliary with its pronoun) */
			/* the clause ends within a few words at . , or a dash, and words
			 * follow; between dashes it may hold an apposition with its
			 * commas ("A - aggiunge X, presidente del sindacato - B") */
			bool dashed = v[k].kind == T_DASH;
			for (size_t e = cue + 1; e < n && e < cue + (dashed ? INNER_DASHED : INNER_WORDS); e++) {
				if (dashed && v[e].kind == T_COMMA)
					continue;
				if (v[e].kind == T_STOP || v[e].kind == T_COMMA || v[e].kind == T_DASH) {
					/* a dashed clause ends at a dash, or at a full stop
					 * and the dash of the speech that goes on ("A, — said
					 * X. — B", as Russian writes it) */
					if (dashed && v[e].kind == T_STOP && e + 1 < n && v[e + 1].kind == T_DASH)
						e++;
					size_t words = 0;
					for (size_t f = e + 1; f < n && words < 2; f++)
						words += v[f].kind == T_WORD;
					if (words < 2 || (v[k].kind == T_DASH && v[e].kind != T_DASH))
						break;
					*a = v[k].s;
					*b = v[e].e;
					return true;
				}
				if (v[e].kind != T_WORD && v[e].kind != T_ABBR)
					break;
			}
		}
		if (n < WIN)
			break;
		pos = v[n - 12].s;   /* overlap by a clause's length */
	}
	return false;
}

/* Cuts q at its inner attribution t[a,b): q keeps the words before it,
 * *second gets those after it; both are marked inner. */
static void split_at_clause(const speech_ctx *c, quote *q, size_t a, size_t b, quote *second)
{
	*second = *q;
	q->end = a;
	q->close = a;
	q->inner = true;
	second->open = b;
	second->start = b;
	second->inner = true;
	/* "—añadió el ministro—. Prefiero…": the second part starts after the punctuation */
	while (second->start < second->end && strchr(" .,;:", c->d->text[second->start]))
		second->start++;
}

int speech_split_inner(const speech_ctx *c, quote **vp, size_t *np, size_t *cap)
{
	if (!(speech_props(c) & LP_INNER_ATTRIBUTION))
		return 0;
	/* Built in a new list: inserting each second part in place moved the
	 * whole tail every time (100,000 quotes: over a minute). There is
	 * always room for the quotes still to come (ocap - k >= n - i), so a
	 * failed allocation only stops the splitting. */
	quote *v = *vp;
	size_t n = *np, k = 0, ocap = n + 16;
	quote *out = malloc(ocap * sizeof *out);
	if (!out)
		return Q_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		quote q = v[i];
		size_t a, b;
		/* the second part may hold another clause: go on with it */
		while (!rc && (!q.dash || (speech_props(c) & LP_DASH_SPEECH)) && inner_clause(c, &q, &a, &b)) {
			if (ocap - k < n - i + 1 && (rc = GROW(out, ocap, ocap + 1, 16)))
				break;
			quote second;
			split_at_clause(c, &q, a, b, &second);
			out[k++] = q;
			q = second;
		}
		out[k++] = q;
	}
	free(v);
	*vp = out;
	*np = k;
	*cap = ocap;
	return rc;
}
