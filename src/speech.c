/* The quotes layer, part two: who said each quote. See quotes.h.
 *
 * Only the words around a quote are tokenized: the rest of its sentence
 * after the closing mark (the tail: "…," said X / "…," X said / "…," siger
 * han) and the sentence before the opening mark (the head: X said: "…" /
 * X said that … "…" / according to X, "…"). A cue verb of the article's
 * language anchors the pattern; the speaker is the name, pronoun or
 * descriptive phrase on its subject side. Pronouns resolve to the last
 * subject-like name before them (outside quotes); a quote with no cue takes
 * the speaker of the quote before it in the same or the previous paragraph;
 * names are reported in their fullest form in the article.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "speech.h"
#include "tok.h"

#define WIN 64              /* tokens in a head or tail window */
#define HEAD_BYTES 480      /* how far back the head window reaches */
#define TAIL_BYTES 320
#define PRON_BYTES 1600     /* how far back a pronoun looks for its person */
#define PRON_TOKENS 360
#define NAME_MAX_TOKENS 6
#define PHRASE_MAX 10       /* words in a descriptive speaker phrase */
#define FULLEST_SCAN 64     /* mentions of a name looked at for its fullest form */
#define FULLEST_HITS 1024   /* matches of its bytes (in other words too) looked at */

enum spk_kind { SPK_NONE, SPK_NAME, SPK_PRON, SPK_DESC, SPK_FROM_HEAD };

typedef struct cand {
	enum spk_kind kind;
	size_t s, e;            /* the mention in the text */
	size_t ds, de;          /* its display part (titles dropped) */
	size_t cue_s, cue_e;    /* the cue */
	float conf;
} cand;

/* ---- words ---------------------------------------------------------------------- */

bool speech_is_cue(const speech_ctx *c, const char *low, size_t n, unsigned lex)
{
	if (lex & LX_CUE)
		return true;
	const char *code = lang_code(c->lang);
	size_t cl = strlen(code);
	for (size_t i = 0; c->opts && i < c->opts->ncues; i++) {
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

/* French inversion: "déclare-t-il", "a-t-elle", "dit-il": the verb part and
 * whether a pronoun is attached. */
static size_t verb_part(const tok *w, bool *pron)
{
	static const char *const suffixes[] = { "-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles" };
	*pron = false;
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		size_t l = strlen(suffixes[i]);
		if (w->n > l && !memcmp(w->low + w->n - l, suffixes[i], l)) {
			*pron = true;
			return w->n - l;
		}
	}
	return w->n;
}

static bool is_cue(const speech_ctx *c, const tok *w, bool *pron)
{
	*pron = false;
	if (w->kind != T_WORD || !w->n || (w->cap && !w->sent))
		return false;
	if (speech_is_cue(c, w->low, w->n, w->lex))
		return true;
	size_t n = verb_part(w, pron);
	if (*pron && n < w->n) {
		unsigned lex = lex_lookup(c->lang, w->low, n);
		char tmp[LEX_MAXWORD + 1];
		memcpy(tmp, w->low, n);
		tmp[n] = '\0';
		if (speech_is_cue(c, tmp, n, lex))
			return true;
	}
	*pron = false;
	return false;
}

/* French "a-t-il" before a participle: an auxiliary with a pronoun. */
static bool aux_pron(const tok *w)
{
	bool pron;
	size_t n = verb_part(w, &pron);
	return pron && ((n == 1 && w->low[0] == 'a') || (n == 5 && !memcmp(w->low, "avait", 5)));
}

static bool all_caps(const speech_ctx *c, const tok *w)
{
	const char *t = c->d->text;
	for (size_t i = w->s; i < w->e; i++)
		if (t[i] >= 'a' && t[i] <= 'z')
			return false;
	return w->e - w->s >= 2;
}

/* A word that can be part of a name. */
static bool name_word(const tok *w)
{
	if (w->kind != T_WORD || !w->cap || w->cjk)
		return false;
	if (w->lex & (LX_TITLE | LX_HONOR))
		return true;
	return !(w->lex & (LX_FUNC | LX_CAL | LX_PRON | LX_DET | LX_PREP | LX_CONJ | LX_REL | LX_CUE | LX_ACCORD));
}

static bool is_pron(const tok *w)
{
	return w->kind == T_WORD && (w->lex & LX_PRON);
}

static bool is_det(const tok *w)
{
	return w->kind == T_WORD && (w->lex & LX_DET) && !w->cjk;
}

/* The name run from v[i] on: names, particles between names, the dots of
 * abbreviations (Maj. Gen. J.). Returns the index after it. */
static size_t run_end(const tok *v, size_t n, size_t i)
{
	size_t j = i, words = 0;
	while (j < n && words < NAME_MAX_TOKENS) {
		if (name_word(&v[j])) {
			j++;
			words++;
		} else if (j > i && v[j].kind == T_ABBR && v[j - 1].kind == T_WORD && j + 1 < n && name_word(&v[j + 1])) {
			j++;
		} else if (j > i && v[j].kind == T_WORD && (v[j].lex & LX_PARTICLE) && !v[j].cap && j + 1 < n &&
		           name_word(&v[j + 1])) {
			j++;
		} else {
			break;
		}
	}
	return j;
}

/* The start of the name run that ends with v[j] (inclusive). */
static size_t run_start(const tok *v, size_t lo, size_t j)
{
	size_t i = j;
	while (i > lo) {
		const tok *p = &v[i - 1];
		if (name_word(p) || (p->kind == T_ABBR && i >= lo + 2 && name_word(&v[i - 2])) ||
		    (p->kind == T_WORD && (p->lex & LX_PARTICLE) && !p->cap && i >= lo + 2 && name_word(&v[i - 2])))
			i--;
		else
			break;
		if (j - i >= NAME_MAX_TOKENS)
			break;
	}
	/* the run starts with a name word, not a particle or a dot */
	while (i < j && !name_word(&v[i]))
		i++;
	return i;
}

/* The display part of the name run v[a,b): leading titles dropped (Sir,
 * Lord kept), a possessive 's dropped. */
static void name_display(const speech_ctx *c, const tok *v, size_t a, size_t b, size_t *ds, size_t *de)
{
	size_t i = a;
	size_t last_title = SIZE_MAX;
	for (size_t k = a; k < b; k++)
		if (v[k].kind == T_WORD && (v[k].lex & LX_TITLE) && !(v[k].lex & LX_HONOR) && k + 1 < b)
			last_title = k;
	if (last_title != SIZE_MAX) {
		i = last_title + 1;
		while (i < b && v[i].kind != T_WORD)
			i++;
		if (i >= b)
			i = a;
	}
	*ds = v[i].s;
	*de = v[b - 1].e;
	const char *t = c->d->text;
	if (*de - *ds > 3 && !memcmp(t + *de - 2, "'s", 2))
		*de -= 2;
	else if (*de - *ds > 5 && !memcmp(t + *de - 4, "\xE2\x80\x99s", 4))
		*de -= 4;
	else if (*de - *ds > 2 && (t[*de - 1] == '\'' ))
		*de -= 1;
}

static cand name_cand(const speech_ctx *c, const tok *v, size_t a, size_t b, float conf)
{
	cand k = { SPK_NAME, v[a].s, v[b - 1].e, 0, 0, 0, 0, conf };
	name_display(c, v, a, b, &k.ds, &k.de);
	return k;
}

static cand pron_cand(const tok *w, float conf)
{
	cand k = { SPK_PRON, w->s, w->e, w->s, w->e, 0, 0, conf };
	return k;
}

/* A descriptive phrase from v[a] (a determiner, or the clause start) on,
 * ending before punctuation, a relative word, a conjunction or a cue, at
 * most PHRASE_MAX words; a trailing ", Name" apposition is kept. */
static cand phrase_cand(const speech_ctx *c, const tok *v, size_t n, size_t a, size_t limit, float conf)
{
	size_t j = a, words = 0;
	bool pron;
	while (j < n && j < limit && words < PHRASE_MAX) {
		const tok *w = &v[j];
		if (w->kind == T_WORD) {
			if (j > a && (w->lex & (LX_REL | LX_CONJ)) && !w->cap)
				break;
			if (j > a && is_cue(c, w, &pron))
				break;
			words++;
		} else if (w->kind == T_COMMA && j + 1 < n && name_word(&v[j + 1])) {
			size_t e = run_end(v, n, j + 1);
			if (e >= n || v[e].kind == T_STOP || v[e].kind == T_COMMA || v[e].kind == T_NONE || e >= limit) {
				j = e;
				break;
			}
			break;
		} else if (w->kind != T_ABBR && w->kind != T_OTHER && w->kind != T_OPEN && w->kind != T_CLOSE) {
			break;
		}
		j++;
	}
	while (j > a && v[j - 1].kind != T_WORD && v[j - 1].kind != T_CLOSE)
		j--;
	if (j == a)
		return (cand){ 0 };
	cand k = { SPK_DESC, v[a].s, v[j - 1].e, v[a].s, v[j - 1].e, 0, 0, conf };
	/* a phrase that ends in a name (the company's chief executive John Smith): show the name */
	size_t last = j - 1;
	if (name_word(&v[last]) && c->lang != LANG_DE) {
		size_t rs = run_start(v, a, last);
		if (rs > a && !(v[rs - 1].lex & (LX_DET | LX_PREP)) && v[rs - 1].kind == T_WORD && !v[rs - 1].cap)
			return name_cand(c, v, rs, last + 1, conf);
	}
	return k;
}

/* ---- subjects ------------------------------------------------------------------- */

/* Does a clause begin before w (a subject may follow)? */
static bool clause_edge(const tok *w)
{
	if (w->kind == T_STOP || w->kind == T_COMMA || w->kind == T_COLON || w->kind == T_SEMI || w->kind == T_MARK ||
	    w->kind == T_DASH || w->kind == T_OPEN)
		return true;
	return w->kind == T_WORD && !w->cap && (w->lex & (LX_CONJ | LX_REL | LX_FUNC)) &&
	       !(w->lex & (LX_DET | LX_PREP | LX_PRON));
}

static bool possessive(const tok *w)
{
	return (w->n > 2 && !memcmp(w->low + w->n - 2, "'s", 2)) ||
	       (w->n > 4 && !memcmp(w->low + w->n - 4, "\xE2\x80\x99s", 4));
}

/* A lower-case word that may stand in a subject before a name (deputy
 * leader, parliamentary chairman) rather than a verb (tipped, says). */
static bool role_word(const tok *w)
{
	if (w->kind != T_WORD || w->cap || w->cjk)
		return false;
	if (w->lex & (LX_PREP | LX_REL | LX_PRON | LX_CUE | LX_SKIP | LX_CONJ | LX_FUNC))
		return (w->lex & LX_DET) != 0;
	if (w->lex & LX_TITLE)
		return true;
	if (w->n > 3 && w->low[w->n - 1] == 's' && (lex_lookup(LANG_EN, w->low, w->n - 1) & LX_TITLE))
		return true;   /* analysts */
	if (w->n > 3 && !memcmp(w->low + w->n - 2, "ed", 2))
		return false;
	return !(w->n > 3 && w->low[w->n - 1] == 's' && w->low[w->n - 2] != 's');
}

/* Is the name run w[i,e) the subject of its clause: a clause starts before
 * it (through role words: "Green MEP Caroline Lucas") and a verb or an
 * apposition follows, or a cue verb stands right before it ("argues X")? */
static bool subject_like(const speech_ctx *c, const tok *w, size_t n, size_t i, size_t e)
{
	bool pron;
	if (possessive(&w[e - 1]))
		return false;
	if (i > 0 && is_cue(c, &w[i - 1], &pron))
		return true;
	if (e >= n)
		return false;
	const tok *a = &w[e];
	bool verb_after = a->kind == T_WORD && !a->cap &&
	                  (!(a->lex & (LX_PREP | LX_DET | LX_CONJ | LX_REL | LX_FUNC)) || (a->lex & (LX_CUE | LX_SKIP)));
	if (!verb_after && a->kind != T_COMMA && a->kind != T_OPEN)
		return false;
	for (size_t k = i, steps = 0; k > 0 && steps < 7; k--, steps++) {
		const tok *b = &w[k - 1];
		if (clause_edge(b))
			return true;
		if (b->kind == T_ABBR || role_word(b) || (b->kind == T_WORD && (b->cap || (b->lex & LX_CAL))))
			continue;
		return false;
	}
	return true;
}

/* The subject of the clause v[lo,hi) (for "…, saying" and "…, has said"):
 * past an opening phrase ("But in an interview with the FT,"), a pronoun, a
 * descriptive phrase, or the last name run before the verb ("Internet
 * provider Plus.net also backed"); an apposition after it is passed over. */
static cand clause_subject(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t hi, float conf)
{
	size_t i = lo;
	while (i < hi && v[i].kind == T_WORD && (v[i].lex & (LX_CONJ | LX_FUNC | LX_SKIP)) &&
	       !(v[i].lex & (LX_PRON | LX_DET | LX_PREP)))
		i++;
	while (i < hi && (v[i].kind == T_COMMA || v[i].kind == T_DASH))
		i++;
	if (i < hi && v[i].kind == T_WORD && (v[i].lex & LX_PREP)) {
		size_t k = i;
		while (k < hi && v[k].kind != T_COMMA && k < i + 12)
			k++;
		if (k < hi && v[k].kind == T_COMMA)
			i = k + 1;
	}
	if (i >= hi)
		return (cand){ 0 };
	if (is_pron(&v[i]))
		return pron_cand(&v[i], conf);
	if (is_det(&v[i]))
		return phrase_cand(c, v, n, i, hi, conf * 0.9f);
	size_t best_s = SIZE_MAX, best_e = 0, k = i;
	while (k < hi) {
		if (name_word(&v[k])) {
			best_s = k;
			best_e = k = run_end(v, n, k);
		} else if (v[k].kind == T_OPEN) {
			while (k < hi && v[k].kind != T_CLOSE)
				k++;
			k++;
		} else if (role_word(&v[k]) || v[k].kind == T_ABBR) {
			k++;
		} else if (v[k].kind == T_COMMA && best_s != SIZE_MAX) {
			k++;
			while (k < hi && v[k].kind != T_COMMA)
				k++;
			k++;
		} else {
			break;
		}
	}
	if (best_s == SIZE_MAX)
		return (cand){ 0 };
	return name_cand(c, v, best_s, best_e, conf);
}

/* The subject standing before the verb at v[vi], in v[lo,vi). */
static cand subject_before(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t vi, float conf)
{
	size_t j = vi;
	int skipped = 0;
	while (j > lo && v[j - 1].kind == T_WORD && skipped < 4) {
		const tok *w = &v[j - 1];
		if ((w->lex & LX_SKIP) && !w->cap) {
			j--;
		} else if (w->lex & LX_CAL) {   /* on Saturday, am Montag, yesterday */
			j--;
			if (j > lo && v[j - 1].kind == T_WORD && (v[j - 1].lex & LX_PREP) && !v[j - 1].cap)
				j--;
		} else {
			break;
		}
		skipped++;
	}
	if (j > lo && v[j - 1].kind == T_WORD && aux_pron(&v[j - 1]))
		return pron_cand(&v[j - 1], conf);
	if (j == lo)
		return (cand){ 0 };
	const tok *w = &v[j - 1];
	if (is_pron(w))
		return pron_cand(w, conf);
	if (w->kind == T_WORD && (w->lex & LX_REL) && !w->cap && j >= lo + 2 && v[j - 2].kind == T_COMMA)
		return subject_before(c, v, n, lo, j - 2, conf);   /* Jack Straw, who argues */
	if (w->kind == T_CLOSE) {   /* Sebastian Edathy (SPD) sagte */
		size_t k = j - 1;
		while (k > lo && v[k].kind != T_OPEN)
			k--;
		if (k > lo && v[k].kind == T_OPEN) {
			cand r = subject_before(c, v, n, lo, k, conf);
			if (r.kind)
				r.e = w->e;
			return r;
		}
		return (cand){ 0 };
	}
	if (w->kind == T_COMMA) {   /* Wang Hongguang, deputy commander of X, called */
		size_t k = j - 1;
		while (k > lo && v[k - 1].kind != T_COMMA)
			k--;
		if (k > lo && k < j - 1) {
			/* role, Name, verb */
			size_t e = run_end(v, n, k);
			if (name_word(&v[k]) && e == j - 1 && !(c->lang == LANG_DE && e - k == 1))
				return name_cand(c, v, k, e, conf);
			/* Name, role, verb */
			size_t before = k - 1;   /* the comma */
			if (before > lo && name_word(&v[before - 1])) {
				size_t rs = run_start(v, lo, before - 1);
				if (rs == lo || !(v[rs - 1].lex & (LX_PREP | LX_DET)))
					return name_cand(c, v, rs, before, conf);
			}
			if (before > lo) {
				/* a descriptive subject with an apposition: the first det of the clause */
				for (size_t d = lo; d < before; d++)
					if (is_det(&v[d]) && (d == lo || v[d - 1].kind != T_WORD || !(v[d - 1].lex & LX_PREP)))
						return phrase_cand(c, v, n, d, j, conf * 0.9f);
				/* State Sen. X (R-Burlington), for example, said */
				return subject_before(c, v, n, lo, before, conf);
			}
		}
		return (cand){ 0 };
	}
	if (name_word(w)) {
		size_t rs = run_start(v, lo, j - 1);
		if (rs > lo && is_det(&v[rs - 1])) {
			/* the Vatican, der Staatsanwalt, the Kok report: a phrase */
			size_t d = rs - 1;
			while (d > lo && v[d - 1].kind == T_WORD && !v[d - 1].cap && !(v[d - 1].lex & (LX_PREP | LX_CUE)) &&
			       rs - d < 4 && is_det(&v[d - 1]))
				d--;
			return phrase_cand(c, v, n, d, j, conf * 0.9f);
		}
		if (rs > lo && v[rs - 1].kind == T_WORD && (v[rs - 1].lex & LX_PREP) && !v[rs - 1].cap)
			return (cand){ 0 };   /* told BBC News */
		return name_cand(c, v, rs, j, conf);
	}
	if (w->kind == T_WORD && !w->cjk) {
		/* the prime minister's official spokesman said: back to a determiner */
		size_t k = j - 1, words = 0;
		while (k > lo && v[k - 1].kind == T_WORD && !is_det(&v[k - 1]) && words < 5 &&
		       !(v[k - 1].lex & (LX_PREP | LX_CONJ | LX_REL | LX_PRON | LX_CUE)) && !v[k - 1].cjk) {
			k--;
			words++;
		}
		if (k > lo && is_det(&v[k - 1]))
			return phrase_cand(c, v, n, k - 1, j, conf * 0.9f);
		if (k == lo || v[k - 1].kind != T_WORD)
			return phrase_cand(c, v, n, k, j, conf * 0.7f);
	}
	return (cand){ 0 };
}

/* The subject after the verb at v[vi]: siger han, said Smith, dijo el ministro. */
static cand subject_after(const speech_ctx *c, const tok *v, size_t n, size_t vi, float conf)
{
	size_t k = vi + 1;
	while (k < n && v[k].kind == T_WORD && (v[k].lex & LX_SKIP) && !v[k].cap && k < vi + 3)
		k++;
	/* lyder det fra X, heißt es aus dem Ministerium */
	for (size_t j = k; j < n && j < k + 3; j++) {
		if (v[j].kind != T_WORD)
			break;
		static const char *const from[] = { "fra", "från", "frå", "von", "vom", "aus", "from", "seitens" };
		for (size_t f = 0; f < sizeof from / sizeof *from; f++)
			if (!strcmp(v[j].low, from[f]) && j + 1 < n && (j > k || vi + 1 < k || true)) {
				if (j == k && strcmp(v[vi].low, "lyder") && strcmp(v[vi].low, "lød") && strcmp(v[vi].low, "heißt") &&
				    strcmp(v[vi].low, "hieß") && strcmp(v[vi].low, "låter"))
					break;
				size_t a = j + 1;
				size_t e = name_word(&v[a]) ? run_end(v, n, a) : a;
				if (e > a && (e >= n || v[e].kind != T_WORD))
					return name_cand(c, v, a, e, conf);
				return phrase_cand(c, v, n, a, n, conf * 0.9f);
			}
	}
	if (k < n && v[k].kind == T_WORD && (v[k].lex & LX_PREP) && !v[k].cap && !(v[k].lex & LX_DET)) {
		/* sagte am Montag der Sprecher: pass over a short time phrase */
		size_t j = k + 1;
		while (j < n && j < k + 3 && v[j].kind == T_WORD && !is_pron(&v[j]) && !is_det(&v[j]))
			j++;
		if (j < n && (is_pron(&v[j]) || is_det(&v[j])))
			k = j;
	}
	if (k >= n)
		return (cand){ 0 };
	const tok *w = &v[k];
	if (is_pron(w))
		return pron_cand(w, conf);
	if (is_det(w))
		return phrase_cand(c, v, n, k, n, conf * 0.9f);
	if (name_word(w)) {
		size_t e = run_end(v, n, k);
		return name_cand(c, v, k, e, conf);
	}
	if (w->kind == T_WORD && !w->cjk && !(w->lex & (LX_PREP | LX_CONJ | LX_REL | LX_FUNC))) {
		/* said spokesman John Smith / said police */
		for (size_t j = k + 1; j < n && j < k + 4; j++) {
			if (name_word(&v[j]))
				return name_cand(c, v, j, run_end(v, n, j), conf * 0.9f);
			if (v[j].kind != T_WORD)
				break;
		}
		return phrase_cand(c, v, n, k, n, conf * 0.7f);
	}
	return (cand){ 0 };
}

/* "according to X", "ifølge X", "laut X", "selon X"; "X zufolge". */
static cand according(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t hi, float conf)
{
	for (size_t i = lo; i < hi; i++) {
		if (v[i].kind != T_WORD || !(v[i].lex & LX_ACCORD))
			continue;
		if (!strcmp(v[i].low, "zufolge")) {
			size_t d = i;
			while (d > lo && v[d - 1].kind == T_WORD && i - d < 6)
				d--;
			if (d < i)
				return phrase_cand(c, v, n, d, i, conf);
			continue;
		}
		size_t a = i + 1;
		if (!strcmp(v[i].low, "according")) {
			if (a >= n || strcmp(v[a].low, "to"))
				continue;
			a++;
		}
		if (a >= hi && a >= n)
			continue;
		if (name_word(&v[a]))
			return name_cand(c, v, a, run_end(v, n, a), conf);
		if (is_det(&v[a]))
			return phrase_cand(c, v, n, a, n, conf * 0.9f);
	}
	return (cand){ 0 };
}

/* ---- windows -------------------------------------------------------------------- */

/* Index after the last sentence end in v[0,n) (0 when none). */
static size_t clause_start(const tok *v, size_t n)
{
	for (size_t i = n; i > 0; i--)
		if (v[i - 1].kind == T_STOP || v[i - 1].kind == T_SEMI)
			return i;
	return 0;
}

/* Was the quote a whole sentence (ends with . ! ?) ? */
static bool ends_sentence(const speech_ctx *c, const quote *q)
{
	const char *t = c->d->text;
	size_t e = q->end;
	while (e > q->start && (t[e - 1] == ' ' || t[e - 1] == '"' || t[e - 1] == '\''))
		e--;
	if (e == q->start)
		return false;
	char ch = t[e - 1];
	return ch == '.' || ch == '!' || ch == '?' || (e >= 3 && !memcmp(t + e - 3, "\xE2\x80\xA6", 3));
}

/* The attribution after the closing mark. */
static cand from_tail(const speech_ctx *c, const quote *q, size_t limit)
{
	tok v[WIN];
	size_t end = q->close + TAIL_BYTES < limit ? q->close + TAIL_BYTES : limit;
	size_t n = tok_scan(c->d->text, q->close, end, c->lang, v, WIN);
	size_t i = 0;
	bool comma = false;
	if (i < n && (v[i].kind == T_COMMA || v[i].kind == T_DASH)) {
		comma = true;
		i++;
	}
	size_t stop = i;
	while (stop < n && v[stop].kind != T_STOP && v[stop].kind != T_COLON && v[stop].kind != T_SEMI &&
	       v[stop].kind != T_MARK)
		stop++;
	bool closed = ends_sentence(c, q) && !comma;
	cand acc = according(c, v, stop, i, i + 1, 0.85f);
	if (acc.kind)
		return acc;
	for (size_t k = i; k < stop && k < i + 8; k++) {
		bool pron;
		if (v[k].kind == T_WORD && v[k].cjk)
			break;
		if (!is_cue(c, &v[k], &pron) && !(k == i && comma && (v[k].lex & LX_CUE_TAIL)))
			continue;
		/* a new sentence after a closed quote is attribution only when short: "Reagan said." */
		if (closed && (stop >= n || v[stop].kind != T_STOP || (k > i ? stop - k > 3 : stop - k > 7)))
			return (cand){ 0 };
		cand r = { 0 };
		if (pron)
			r = pron_cand(&v[k], 0.85f);
		bool aux_only = k > i;
		for (size_t a = i; a < k; a++)
			aux_only &= v[a].kind == T_WORD && (v[a].lex & LX_SKIP) && !v[a].cap;
		if (!r.kind && aux_only) {   /* Jack Straw, who argues "…", has said */
			r.kind = SPK_FROM_HEAD;
			r.conf = 0.75f;
		}
		if (!r.kind && k > i)
			r = subject_before(c, v, stop, i, k, 0.9f);
		if (!r.kind)
			r = subject_after(c, v, stop, k, 0.9f);
		if (r.kind) {
			r.cue_s = v[k].s;
			r.cue_e = v[k].e;
			if (k > i + 3)
				r.conf *= 0.8f;
		}
		return r;
	}
	return (cand){ 0 };
}

/* The tokens of the head window: t[from, open), the last WIN tokens. */
typedef struct head_win {
	tok v[WIN];
	size_t n;
	size_t lo;      /* where the quote's sentence starts */
} head_win;

static void head_tokens(const speech_ctx *c, size_t from, size_t open, head_win *h)
{
	const char *t = c->d->text;
	size_t s = open > from + HEAD_BYTES ? open - HEAD_BYTES : from;
	while (s > from && s < open && t[s - 1] != ' ')
		s++;
	h->n = tok_scan(t, s, open, c->lang, h->v, WIN);
	if (h->n == WIN) {   /* too many tokens: start later */
		s = open > from + HEAD_BYTES / 2 ? open - HEAD_BYTES / 2 : from;
		while (s > from && s < open && t[s - 1] != ' ')
			s++;
		h->n = tok_scan(t, s, open, c->lang, h->v, WIN);
	}
	h->lo = clause_start(h->v, h->n);
}

/* "…, saying", "adding": the subject is the clause's. */
static bool participle(const speech_ctx *c, const tok *w)
{
	return c->lang == LANG_EN && w->n > 4 && !memcmp(w->low + w->n - 3, "ing", 3);
}

/* The attribution in v[lo,hi) around the cue nearest its end, or "according to". */
static cand cue_in(const speech_ctx *c, const tok *v, size_t lo, size_t hi, float conf)
{
	for (size_t k = hi; k > lo; k--) {
		bool pron;
		if (!is_cue(c, &v[k - 1], &pron))
			continue;
		size_t vi = k - 1;
		cand r = { 0 };
		if (pron)
			r = pron_cand(&v[vi], conf);
		if (!r.kind && participle(c, &v[vi]))
			r = clause_subject(c, v, hi, lo, vi, conf);
		if (!r.kind)
			r = subject_before(c, v, hi, lo, vi, conf);
		if (!r.kind)
			r = subject_after(c, v, hi, vi, conf);
		if (r.kind) {
			r.cue_s = v[vi].s;
			r.cue_e = v[vi].e;
			return r;
		}
	}
	return according(c, v, hi, lo, hi, conf);
}

/* The attribution in the sentence before the opening mark, within
 * t[from, q->open); when the quote opens its sentence, in the sentence
 * before ("Mr Howard described it as X. "This is…""). */
static cand from_head(const speech_ctx *c, const quote *q, size_t from)
{
	head_win h;
	head_tokens(c, from, q->open, &h);
	const tok *v = h.v;
	size_t n = h.n, lo = h.lo;
	if (lo < n) {
		bool colon = v[n - 1].kind == T_COLON;
		cand r = cue_in(c, v, lo, n, colon ? 0.85f : 0.75f);
		if (r.kind || !colon)
			return r;
		/* Kevin Mandia opstiller det således: — the subject of the sentence */
		for (size_t k = lo; k < n && k < lo + 4; k++) {
			if (name_word(&v[k]) && (k == lo || !(v[k - 1].lex & (LX_PREP | LX_DET))))
				return name_cand(c, v, k, run_end(v, n, k), 0.6f);
			if (is_pron(&v[k]))
				return pron_cand(&v[k], 0.55f);
		}
		return (cand){ 0 };
	}
	if (lo == 0)
		return (cand){ 0 };
	size_t hi = lo - 1;
	return cue_in(c, v, clause_start(v, hi), hi, 0.6f);
}

/* The subject of the head sentence, for a tail with only an auxiliary
 * before its cue. */
static cand head_subject(const speech_ctx *c, const quote *q, size_t from, float conf)
{
	head_win h;
	head_tokens(c, from, q->open, &h);
	return h.lo < h.n ? clause_subject(c, h.v, h.n, h.lo, h.n, conf) : (cand){ 0 };
}

/* ---- CJK -------------------------------------------------------------------------- */

static bool cjk_at(const char *t, size_t i, size_t n, const char *s)
{
	size_t l = strlen(s);
	return i + l <= n && !memcmp(t + i, s, l);
}

/* Chinese: X说：“…” / X表示，“…”; Japanese: X氏は「…」と述べた. */
static cand cjk_attr(const speech_ctx *c, const quote *q, size_t pstart, size_t pend)
{
	static const char *const zh_cues[] = { "说", "表示", "指出", "称", "强调", "认为", "透露", "坦言", "介绍",
	                                       "回应", "說", "表示", "指出", "強調", "認為" };
	static const char *const ja_cues[] = { "と述べ", "と語", "と話", "と言", "と説明", "と強調", "と指摘",
	                                       "と明らかに", "と発言", "とコメント" };
	const char *t = c->d->text;
	cand r = { 0 };
	/* the verb right before the mark (and a colon or comma) */
	size_t e = q->open;
	if (e >= pstart + 3 && (cjk_at(t, e - 3, e, "：") || cjk_at(t, e - 3, e, "，")))
		e -= 3;
	else if (e > pstart && (t[e - 1] == ':' || t[e - 1] == ','))
		e -= 1;
	size_t verb = 0;
	for (size_t k = 0; k < sizeof zh_cues / sizeof *zh_cues && !verb; k++) {
		size_t l = strlen(zh_cues[k]);
		if (e >= pstart + l && !memcmp(t + e - l, zh_cues[k], l))
			verb = e - l;
	}
	bool ja_tail = false;
	for (size_t k = 0; k < sizeof ja_cues / sizeof *ja_cues; k++)
		if (cjk_at(t, q->close, pend, ja_cues[k]))
			ja_tail = true;
	size_t se = 0;
	if (verb) {
		se = verb;
	} else if (ja_tail || c->lang == LANG_JA) {
		/* X氏は「…」: the topic before は or が in the sentence */
		size_t i = q->open;
		while (i > pstart && i + 30 > q->open) {
			size_t j = i - 1;
			while (j > pstart && ((unsigned char)t[j] & 0xC0) == 0x80)
				j--;
			if (cjk_at(t, j, i, "は") || cjk_at(t, j, i, "が")) {
				se = j;
				break;
			}
			if (cjk_at(t, j, i, "。"))
				break;
			i = j;
		}
		if (!se && !ja_tail)
			return r;
	} else {
		return r;
	}
	if (!se)
		return r;
	/* the speaker: back to punctuation, at most 12 characters */
	size_t ss = se, chars = 0;
	while (ss > pstart && chars < 12) {
		size_t j = ss - 1;
		while (j > pstart && ((unsigned char)t[j] & 0xC0) == 0x80)
			j--;
		int len;
		unsigned ch = tok_decode(t + j, ss - j, &len);
		if (!tok_is_cjk(ch) && !tok_is_alnum(ch) && ch != 0x30FB && ch != 0xB7)
			break;
		if (cjk_at(t, j, ss, "、") || cjk_at(t, j, ss, "。") || cjk_at(t, j, ss, "，"))
			break;
		ss = j;
		chars++;
	}
	if (ss == se)
		return r;
	r = (cand){ SPK_NAME, ss, se, ss, se, verb ? verb : q->close, verb ? e : q->close, 0.75f };
	return r;
}

/* ---- pronouns and full names ------------------------------------------------------ */

/* v is in text order and its quotes do not overlap (nested ones are set
 * aside): only the last few opening at or before pos can hold it. A binary
 * search, because this runs for every word near every quote (a linear scan
 * made 20,000 quotes take minutes). */
static bool inside_quote(const quote *v, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].open <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo, k = 0; i > 0 && k < 8; i--, k++)
		if (v[i - 1].open <= pos && pos < v[i - 1].close)
			return true;
	return false;
}

/* Does the word t[s,e) also stand capitalised inside a sentence somewhere
 * (so it is a name, not "Police" opening a sentence)? */
static bool seen_inside_sentence(const speech_ctx *c, size_t s, size_t e)
{
	const char *t = c->d->text;
	size_t len = c->d->len, wl = e - s;
	for (const char *p = t; (p = memmem(p, len - (size_t)(p - t), t + s, wl)); p += wl) {
		size_t at = (size_t)(p - t);
		if (at < 2 || t[at - 1] != ' ')
			continue;
		char b = t[at - 2];
		if (b != '.' && b != '!' && b != '?' && b != '"' && b != '\n' && b != ':')
			return true;
	}
	return false;
}

enum gender { G_ANY, G_MALE, G_FEMALE };

static enum gender pronoun_gender(const tok *w)
{
	static const char *const male[] = { "he", "han", "er", "il", "él", "hij", "lui" };
	static const char *const female[] = { "she", "hun", "hon", "elle", "ella", "lei" };
	for (size_t i = 0; i < sizeof male / sizeof *male; i++)
		if (!strcmp(w->low, male[i]))
			return G_MALE;
	for (size_t i = 0; i < sizeof female / sizeof *female; i++)
		if (!strcmp(w->low, female[i]))
			return G_FEMALE;
	return G_ANY;
}

/* What the article tells of the gender of the person named by the word
 * t[s,e): "Mr X", "Mrs X", "Ms X"... anywhere in it. */
static enum gender name_gender(const speech_ctx *c, size_t s, size_t e)
{
	static const char *const male[] = { "Mr", "Mr.", "Sir", "Lord", "Herr", "M.", "Monsieur", "Señor", "Sr.", "Signor" };
	static const char *const female[] = { "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Dame", "Frau", "Mme", "Madame",
	                                       "Señora", "Sra.", "Signora", "Sister" };
	const char *t = c->d->text;
	size_t len = c->d->len, wl = e - s;
	for (const char *p = t; (p = memmem(p, len - (size_t)(p - t), t + s, wl)); p += wl) {
		size_t at = (size_t)(p - t);
		if (at < 3 || t[at - 1] != ' ')
			continue;
		size_t b = at - 1;
		while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\n' && at - b < 10)
			b--;
		size_t tl = at - 1 - b;
		for (size_t i = 0; i < sizeof male / sizeof *male; i++)
			if (strlen(male[i]) == tl && !memcmp(t + b, male[i], tl))
				return G_MALE;
		for (size_t i = 0; i < sizeof female / sizeof *female; i++)
			if (strlen(female[i]) == tl && !memcmp(t + b, female[i], tl))
				return G_FEMALE;
	}
	return G_ANY;
}

static bool gender_fits(const speech_ctx *c, const tok *w, size_t rs, size_t e, enum gender want)
{
	static const char *const fem[] = { "mrs", "ms", "miss", "lady", "dame", "frau", "mme", "madame", "sister" };
	static const char *const mas[] = { "mr", "sir", "lord", "herr", "monsieur", "father" };
	if (want == G_ANY)
		return true;
	enum gender g = name_gender(c, w[e - 1].s, w[e - 1].e);
	for (size_t m = rs; m < e; m++) {
		for (size_t f = 0; f < sizeof fem / sizeof *fem; f++)
			if (!strcmp(w[m].low, fem[f]))
				g = G_FEMALE;
		for (size_t f = 0; f < sizeof mas / sizeof *mas; f++)
			if (!strcmp(w[m].low, mas[f]))
				g = G_MALE;
	}
	return g == G_ANY || g == want;
}

/* A name run w[rs,e) that can be a person mentioned in the text (not an
 * acronym, not a capitalised word opening a sentence). */
static bool person_like(const speech_ctx *c, const tok *w, size_t rs, size_t e)
{
	bool acronym = true;
	for (size_t k = rs; k < e; k++)
		if (w[k].kind == T_WORD && !all_caps(c, &w[k]))
			acronym = false;
	if (acronym)
		return false;
	if (e - rs == 1 && w[rs].sent && !(w[rs].lex & (LX_TITLE | LX_HONOR)) && !seen_inside_sentence(c, w[rs].s, w[rs].e))
		return false;
	return true;
}

/* What a pronoun can refer to in the sentence w[start,end): its first
 * subject-like name; the subject phrase of a cue verb; in the nearest
 * sentences any person-like name. SPK_PRON when the sentence's subject is
 * the same pronoun: it says nothing new about who "he" is. */
static cand sentence_referent(const speech_ctx *c, const quote *v, size_t nq, const tok *w, size_t start, size_t end,
                              enum gender want, bool near)
{
	for (size_t i = start; i < end; i++) {
		if (inside_quote(v, nq, w[i].s))
			continue;
		if (is_pron(&w[i]) && pronoun_gender(&w[i]) == want && want != G_ANY)
			return (cand){ SPK_PRON, w[i].s, w[i].e, 0, 0, 0, 0, 0 };
		if (!name_word(&w[i]))
			continue;
		size_t e = run_end(w, end, i), rs = i;
		i = e - 1;
		if (rs > start && w[rs - 1].kind == T_WORD && (w[rs - 1].lex & (LX_PREP | LX_DET)) && !w[rs - 1].cap)
			continue;
		if (subject_like(c, w, end, rs, e) && person_like(c, w, rs, e) && gender_fits(c, w, rs, e, want))
			return name_cand(c, w, rs, e, 0.75f);
	}
	for (size_t k = start; k < end; k++) {
		bool pron;
		if (inside_quote(v, nq, w[k].s) || !is_cue(c, &w[k], &pron) || pron)
			continue;
		cand r = subject_before(c, w, end, start, k, 0.7f);
		if (r.kind == SPK_DESC)
			return r;
	}
	if (near)
		for (size_t i = start; i < end; i++) {
			if (inside_quote(v, nq, w[i].s) || !name_word(&w[i]))
				continue;
			size_t e = run_end(w, end, i), rs = i;
			i = e - 1;
			if (e - rs >= 2 && !(rs > start && (w[rs - 1].lex & LX_DET)) && !possessive(&w[e - 1]) &&
			    person_like(c, w, rs, e) && gender_fits(c, w, rs, e, want))
				return name_cand(c, w, rs, e, 0.6f);
		}
	return (cand){ 0 };
}

/* The person a pronoun at pos refers to: going back sentence by sentence
 * (outside the quotes v[0,nq)), the first that names a fitting subject. */
static cand resolve_pronoun(const speech_ctx *c, const quote *v, size_t nq, size_t pos, const tok *pw)
{
	const char *t = c->d->text;
	size_t s = pos > PRON_BYTES ? pos - PRON_BYTES : 0;
	while (s > 0 && s < pos && t[s - 1] != ' ' && t[s - 1] != '\n')
		s++;
	tok *w = malloc(PRON_TOKENS * sizeof *w);
	if (!w)
		return (cand){ 0 };
	size_t n = tok_scan(t, s, pos, c->lang, w, PRON_TOKENS);
	if (n == PRON_TOKENS) {   /* too far: look at the nearer third */
		s = pos - PRON_BYTES / 3;
		while (s < pos && t[s - 1] != ' ')
			s++;
		n = tok_scan(t, s, pos, c->lang, w, PRON_TOKENS);
	}
	enum gender want = pronoun_gender(pw);
	cand best = { 0 };
	size_t end = n;
	for (int sentences = 0; end > 0 && sentences < 14; sentences++) {
		size_t start = end;
		while (start > 0 && w[start - 1].kind != T_STOP)
			start--;
		cand k = sentence_referent(c, v, nq, w, start, end, want, sentences < 2);
		if (k.kind == SPK_NAME || k.kind == SPK_DESC) {
			best = k;
			break;
		}
		end = start > 0 ? start - 1 : 0;
	}
	free(w);
	return best;
}

/* Whole-word occurrence of t[s,e) at text position p? */
static bool word_at(const char *t, size_t len, size_t p, size_t n)
{
	int l;
	if (p > 0) {
		size_t j = p - 1;
		while (j > 0 && ((unsigned char)t[j] & 0xC0) == 0x80)
			j--;
		if (tok_is_alnum(tok_decode(t + j, p - j, &l)))
			return false;
	}
	return p + n >= len || !tok_is_alnum(tok_decode(t + p + n, len - p - n, &l));
}

/* The fullest form of the name t[ds,de) in the article: the longest name
 * run that ends with the same word and contains the others (Xi -> Xi
 * Jinping, Mr Blair -> Tony Blair). Returns a new string. */
static char *fullest_name(const speech_ctx *c, size_t ds, size_t de)
{
	const char *t = c->d->text;
	size_t len = c->d->len;
	tok mine[NAME_MAX_TOKENS + 2];
	size_t nm = tok_scan(t, ds, de, c->lang, mine, NAME_MAX_TOKENS + 2);
	size_t last = nm;
	while (last > 0 && mine[last - 1].kind != T_WORD)
		last--;
	if (!last || mine[last - 1].cjk)
		return doc_flat_text(c->d, ds, de);
	const tok *lw = &mine[last - 1];
	size_t best_s = ds, best_e = de, best_words = 0;
	for (size_t i = 0; i < nm; i++)
		best_words += mine[i].kind == T_WORD;
	size_t wl = lw->e - lw->s, seen = 0, hits = 0;
	/* the fullest form comes with the first mentions; looking at every one
	 * for every quote would be quadratic (20,000 quotes by "X": minutes) */
	for (const char *p = t; seen < FULLEST_SCAN && hits++ < FULLEST_HITS &&
	                        (p = memmem(p, len - (size_t)(p - t), t + lw->s, wl)); p += wl) {
		size_t at = (size_t)(p - t);
		if (at == lw->s || !word_at(t, len, at, wl))
			continue;
		seen++;
		size_t ws = at > 80 ? at - 80 : 0;
		while (ws > 0 && ws < at && t[ws - 1] != ' ')
			ws++;
		tok v[40];
		size_t n = tok_scan(t, ws, at + wl, c->lang, v, 40);
		if (!n || v[n - 1].e != at + wl || !name_word(&v[n - 1]))
			continue;
		size_t rs = run_start(v, 0, n - 1);
		if (rs == 0 && ws > 0)
			continue;   /* the run may go on before the window */
		size_t a, b;
		name_display(c, v, rs, n, &a, &b);
		size_t words = 0;
		bool has_all = true;
		for (size_t k = rs; k < n; k++)
			words += v[k].kind == T_WORD && v[k].s >= a;
		for (size_t m = 0; m + 1 < last && has_all; m++) {
			if (mine[m].kind != T_WORD || (mine[m].lex & LX_TITLE))
				continue;
			bool found = false;
			for (size_t k = rs; k < n; k++)
				found |= v[k].n == mine[m].n && !memcmp(v[k].low, mine[m].low, mine[m].n);
			has_all = found;
		}
		if (has_all && words > best_words && words <= 4) {
			best_s = a;
			best_e = b;
			best_words = words;
		}
	}
	return doc_flat_text(c->d, best_s, best_e);
}

/* ---- putting it together ------------------------------------------------------------ */

static bool cjk_lang(enum lang l)
{
	return l == LANG_ZH || l == LANG_JA;
}

/* The paragraph of pos and its bounds. */
static size_t para_of(const doc *d, size_t pos, size_t *ps, size_t *pe)
{
	size_t p = doc_para_at(d, pos);
	*ps = p < d->npara ? d->para[p].start : 0;
	*pe = p < d->npara ? d->para[p].end : d->len;
	return p;
}

/* The attribution inside the marks of q (split by speech_split_inner): the
 * tokens of t[spk_start, spk_end) start with a cue or "a-t-il". */
static cand from_inner(const speech_ctx *c, const quote *q)
{
	tok v[16];
	size_t n = tok_scan(c->d->text, q->spk_start, q->spk_end, c->lang, v, 16);
	size_t lo = 0;
	while (lo < n && v[lo].kind != T_WORD)
		lo++;
	for (size_t k = lo; k < n && k < lo + 3; k++) {
		bool pron;
		if (!is_cue(c, &v[k], &pron))
			continue;
		cand r = { 0 };
		if (pron)
			r = pron_cand(&v[k], 0.85f);
		if (!r.kind && k > lo)
			r = subject_before(c, v, n, lo, k, 0.85f);
		if (!r.kind)
			r = subject_after(c, v, n, k, 0.85f);
		r.cue_s = v[k].s;
		r.cue_e = v[k].e;
		return r;
	}
	return (cand){ 0 };
}

/* Finds the direct attribution of v[i]: inside, tail, head, a colon at the
 * end of the previous paragraph. */
static cand direct(const speech_ctx *c, const quote *v, size_t nq, size_t i)
{
	const quote *q = &v[i];
	const doc *d = c->d;
	size_t ps, pe;
	size_t p = para_of(d, q->open, &ps, &pe);
	if (q->cue && !strcmp(q->cue, "inner"))
		return from_inner(c, q);
	if (cjk_lang(c->lang))
		return cjk_attr(c, q, ps, pe);
	size_t tail_limit = pe;
	if (i + 1 < nq && v[i + 1].open < tail_limit && v[i + 1].open >= q->close)
		tail_limit = v[i + 1].open;
	if (q->unclosed)
		tail_limit = q->close;
	size_t head_from = ps;
	if (i > 0 && v[i - 1].close > head_from && v[i - 1].close <= q->open)
		head_from = v[i - 1].close;
	cand tail = q->dash ? (cand){ 0 } : from_tail(c, q, tail_limit);
	if (q->dash && q->end < pe) {
		/* dash speech: the attribution follows the words */
		quote tmp = *q;
		tmp.close = q->end;
		tail = from_tail(c, &tmp, pe);
	}
	if (tail.kind == SPK_FROM_HEAD) {
		cand r = head_subject(c, q, head_from, tail.conf);
		r.cue_s = tail.cue_s;
		r.cue_e = tail.cue_e;
		tail = r;
	}
	if (tail.kind && tail.conf >= 0.85f)
		return tail;
	cand head = from_head(c, q, head_from);
	if (head.kind)
		return head;
	if (tail.kind)
		return tail;
	/* a quote opening its paragraph: the end of the previous one ("He said:",
	 * or indirect speech "He said cybertheft is illegal.") */
	if (p > 0 && q->open <= ps + 2 && p - 1 < d->npara) {
		size_t from = d->para[p - 1].start;
		for (size_t k = 0; k < i; k++)
			if (v[k].close > from && v[k].close <= d->para[p - 1].end)
				from = v[k].close;
		quote tmp = *q;
		tmp.open = d->para[p - 1].end;
		cand r = from_head(c, &tmp, from);
		if (r.kind) {
			r.conf *= 0.8f;
			return r;
		}
	}
	return (cand){ 0 };
}

static int set_speaker(const speech_ctx *c, quote *q, const cand *k)
{
	q->spk_start = k->s;
	q->spk_end = k->e;
	free(q->speaker);
	q->speaker = k->kind == SPK_NAME ? fullest_name(c, k->ds, k->de) : doc_flat_text(c->d, k->ds, k->de);
	if (!q->speaker)
		return Q_ENOMEM;
	if (!*q->speaker) {
		free(q->speaker);
		q->speaker = NULL;
	}
	return 0;
}

int speech_attribute(const speech_ctx *c, quote *v, size_t n)
{
	int rc = 0;
	bool *direct_found = calloc(n ? n : 1, sizeof *direct_found);
	if (!direct_found)
		return Q_ENOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		quote *q = &v[i];
		cand k = direct(c, v, n, i);
		free(q->cue);
		q->cue = NULL;
		q->confidence = q->unclosed ? 0.3f : 0.4f;
		if (!k.kind)
			continue;
		if (k.cue_e > k.cue_s && !(q->cue = doc_flat_text(c->d, k.cue_s, k.cue_e))) {
			rc = Q_ENOMEM;
			break;
		}
		if (k.kind == SPK_PRON) {
			tok pw;
			tok_next(c->d->text, k.s, k.e, c->lang, &pw);
			cand r = resolve_pronoun(c, v, n, k.s, &pw);
			if (r.kind) {
				r.s = k.s;   /* the mention stays the pronoun */
				r.e = k.e;
				r.conf = k.conf * 0.9f;
				r.cue_s = k.cue_s;
				r.cue_e = k.cue_e;
				k = r;
			} else {
				k.kind = SPK_NONE;
			}
		}
		if (k.kind) {
			rc = set_speaker(c, q, &k);
			q->confidence = k.conf * (q->unclosed ? 0.8f : 1.0f);
			direct_found[i] = q->speaker != NULL;
		}
	}
	/* quotes without a cue: the speaker of the quote before (same or previous
	 * paragraph), else of the next one in the same paragraph */
	for (size_t i = 0; i < n && !rc; i++) {
		quote *q = &v[i];
		if (q->speaker)
			continue;
		size_t ps, pe;
		size_t p = para_of(c->d, q->open, &ps, &pe);
		const quote *from = NULL;
		if (i > 0 && v[i - 1].speaker && doc_para_at(c->d, v[i - 1].open) + 1 >= p)
			from = &v[i - 1];
		else if (i + 1 < n && direct_found[i + 1] && doc_para_at(c->d, v[i + 1].open) == p)
			from = &v[i + 1];
		if (!from)
			continue;
		q->speaker = strdup(from->speaker);
		if (!q->speaker)
			rc = Q_ENOMEM;
		q->spk_start = from->spk_start;
		q->spk_end = from->spk_end;
		q->confidence = 0.6f * (q->unclosed ? 0.8f : 1.0f);
	}
	free(direct_found);
	return rc;
}

/* ---- dash speech and attribution inside the marks ----------------------------------- */

size_t speech_dash_end(const speech_ctx *c, size_t start, size_t pend)
{
	tok v[WIN];
	size_t pos = start;
	const char *t = c->d->text;
	/* walk the paragraph in windows, looking for ", siger han" / "– siger han" / ". Det siger X" */
	while (pos < pend) {
		size_t n = tok_scan(t, pos, pend, c->lang, v, WIN);
		if (!n)
			break;
		for (size_t k = 0; k + 1 < n; k++) {
			bool pron;
			if ((v[k].kind == T_COMMA || v[k].kind == T_DASH || v[k].kind == T_STOP) && is_cue(c, &v[k + 1], &pron))
				return v[k].kind == T_COMMA ? v[k].e : v[k].s;
			if (v[k].kind == T_COMMA && k + 2 < n && is_pron(&v[k + 1]) && is_cue(c, &v[k + 2], &pron))
				return v[k].e;
			/* ". Det siger han." */
			if (v[k].kind == T_STOP && k + 2 < n && v[k + 1].kind == T_WORD && v[k + 1].cap &&
			    (!strcmp(v[k + 1].low, "det") || !strcmp(v[k + 1].low, "så")) && is_cue(c, &v[k + 2], &pron))
				return v[k].e;
		}
		if (n < WIN)
			break;
		pos = v[n - 2].s;   /* overlap by one token */
	}
	return pend;
}

static bool inner_lang(enum lang l)
{
	return l == LANG_FR || l == LANG_IT || l == LANG_ES;
}

/* In q's words, an attribution clause: ", indique X." / " - spiega il
 * sindaco - " / "—dijo el ministro—". Sets *a (where it starts: the
 * comma or dash) and *b (after its end); false when none. */
static bool inner_clause(const speech_ctx *c, const quote *q, size_t *a, size_t *b)
{
	tok v[WIN];
	size_t pos = q->start;
	while (pos < q->end) {
		size_t n = tok_scan(c->d->text, pos, q->end, c->lang, v, WIN);
		if (!n)
			return false;
		for (size_t k = 0; k + 2 < n; k++) {
			if (v[k].kind != T_COMMA && v[k].kind != T_DASH)
				continue;
			bool pron;
			size_t cue = k + 1;
			if (!is_cue(c, &v[cue], &pron) && !(aux_pron(&v[cue]) && cue + 1 < n && is_cue(c, &v[cue + 1], &pron)))
				continue;
			/* the clause ends within a few words at . , or a dash; words follow */
			for (size_t e = cue + 1; e < n && e < cue + 9; e++) {
				if (v[e].kind == T_STOP || v[e].kind == T_COMMA || v[e].kind == T_DASH) {
					size_t words = 0;
					for (size_t f = e + 1; f < n && words < 2; f++)
						words += v[f].kind == T_WORD;
					if (words < 2 && n < WIN)
						break;
					if (v[k].kind == T_DASH && v[e].kind != T_DASH)
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
			return false;
		pos = v[n - 3].s;
	}
	return false;
}

/* Cuts q at its inner attribution t[a,b): q keeps the words before it,
 * *second gets those after it. Returns 0 or Q_ENOMEM (q unchanged). */
static int split_at_clause(const speech_ctx *c, quote *q, size_t a, size_t b, quote *second)
{
	char *cue1 = strdup("inner"), *cue2 = strdup("inner");
	if (!cue1 || !cue2) {
		free(cue1);
		free(cue2);
		return Q_ENOMEM;
	}
	*second = *q;
	q->end = a;
	q->close = a;
	free(q->cue);
	q->cue = cue1;
	q->spk_start = a;
	q->spk_end = b;
	second->open = b;
	second->start = b;
	while (second->start < second->end && c->d->text[second->start] == ' ')
		second->start++;
	second->cue = cue2;
	second->spk_start = a;
	second->spk_end = b;
	return 0;
}

int speech_split_inner(const speech_ctx *c, quote **vp, size_t *np, size_t *cap)
{
	if (!inner_lang(c->lang))
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
		while (!rc && !q.dash && inner_clause(c, &q, &a, &b)) {
			if (ocap - k < n - i + 1) {
				quote *w = realloc(out, ocap * 2 * sizeof *w);
				if (!w) {
					rc = Q_ENOMEM;
					break;
				}
				out = w;
				ocap *= 2;
			}
			quote second;
			if ((rc = split_at_clause(c, &q, a, b, &second)))
				break;
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
