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
#define LABEL_TOKENS 12     /* how far into a sentence a label before a colon may reach ("Steuern: Die so genannte „X“: …") */

enum spk_kind { SPK_NONE, SPK_NAME, SPK_PRON, SPK_DESC, SPK_FROM_HEAD };

typedef struct cand {
	enum spk_kind kind;
	size_t s, e;            /* the mention in the text */
	size_t ds, de;          /* its display part (titles dropped) */
	size_t cue_s, cue_e;    /* the cue */
	float conf;
} cand;

static unsigned name_run_words(const speech_ctx *c, const tok *w);
static bool person_role(const tok *w);
static bool is_cue(const speech_ctx *c, const tok *w, bool *pron);

/* ---- tokens -------------------------------------------------------------------------- */

const tok *speech_tokens(const speech_ctx *c, size_t s, size_t e, size_t max, bool last, size_t *n)
{
	*n = 0;
	if (!c->td->built)
		tok_doc_build(c->td, c->d->text, c->d->len, c->lang, NULL, 0);
	if (c->td->rc || s >= e)
		return c->td->v;
	size_t first, k = tok_doc_range(c->td, s, e, &first);
	if (k > max) {
		if (last)
			first += k - max;
		k = max;
	}
	*n = k;
	return c->td->v + first;
}

/* ---- words ---------------------------------------------------------------------- */

bool speech_is_cue(const speech_ctx *c, const char *low, size_t n, unsigned lex)
{
	if (lex & LX_CUE)
		return true;
	if (!c->opts || !c->opts->ncues)
		return false;
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

static bool word_is(const tok *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w->low[0] == list[i][0] && !strcmp(w->low, list[i]))   /* the first letter tells most apart */
			return true;
	return false;
}

/* French inversion: "déclare-t-il", "a-t-elle", "dit-il": the verb part and
 * whether a pronoun is attached. */
static size_t verb_part(const tok *w, bool *pron)
{
	static const char *const suffixes[] = { "-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles" };
	static const unsigned char lens[] = { 5, 7, 5, 3, 5, 4, 6 };
	*pron = false;
	if (w->n < 4 || !memchr(w->low, '-', w->n))
		return w->n;
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		size_t l = lens[i];
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
	/* German capitalises its nouns: "die Tür der Buchhandlung Vossberg" is no name */
	bool german = i < n && v[i].lang == LANG_DE;
	size_t j = i, words = 0;
	while (j < n && words < NAME_MAX_TOKENS && (j == i || !v[j].para)) {
		if (name_word(&v[j])) {
			j++;
			words++;
		} else if (j > i && v[j].kind == T_ABBR && v[j - 1].kind == T_WORD && j + 1 < n && name_word(&v[j + 1])) {
			j++;
		} else if (j == i && v[j].kind == T_WORD && v[j].cap && (v[j].lex & LX_PARTICLE) && j + 2 < n &&
		           v[j + 1].kind == T_WORD && !v[j + 1].cap && (v[j + 1].lex & LX_PARTICLE) && name_word(&v[j + 2])) {
			j += 2;   /* Von der Leyen, De la Cruz */
		} else if (v[j].kind == T_WORD && (v[j].lex & LX_PARTICLE) && !((v[j].lex & LX_DET) && german) &&
		           (j > i ? !v[j].cap : v[j].cap) && j + 1 < n && name_word(&v[j + 1]) && !v[j + 1].sent) {
			j++;   /* Charles de Gaulle, De Vries */
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
	while (i > lo && !v[i].para) {
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
	if (b - a > 1 && v[a].kind == T_WORD && v[a].n > 2 && (v[a].low[0] == 'l' || v[a].low[0] == 'd') &&
	    (v[a].low[1] == '\'' || (v[a].n > 4 && !memcmp(v[a].low + 1, "\xE2\x80\x99", 3))))
		last_title = a;   /* L'entraîneur Pierre Martin */
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

/* An article that joins a noun to the phrase before it ("der Sprecher des
 * Ministeriums", "la porte-parole du ministère") rather than opening the object. */
static bool genitive_article(const speech_ctx *c, const tok *w)
{
	static const char *const de[] = { "der", "des", "einer", "eines" };
	static const char *const fr[] = { "du", "des", "de" };
	if (c->lang == LANG_DE)
		return word_is(w, de, sizeof de / sizeof *de);
	if (c->lang == LANG_FR)
		return word_is(w, fr, sizeof fr / sizeof *fr);
	return false;
}

/* Is v[a,j) a person's name and nothing else: two or more name words with
 * no title or role among them ("Horst Krüger"), or right after the verb
 * one word that the article gives as the end of a longer name ("sagte
 * Krüger")? A name takes no genitive, so "der" after it starts the next
 * phrase ("der Deutschen Presse-Agentur"). */
static bool bare_name(const speech_ctx *c, const tok *v, size_t a, size_t j)
{
	bool pron;
	for (size_t k = a; k < j; k++)
		if (!name_word(&v[k]) || (v[k].lex & (LX_TITLE | LX_HONOR)) || person_role(&v[k]))
			return false;
	if (j - a >= 2)
		return true;
	return j - a == 1 && a > 0 && is_cue(c, &v[a - 1], &pron) && name_run_words(c, &v[a]) >= 2;
}

/* German writes its nouns with a capital, so after a noun or a name (prev)
 * a lower-case word that is no article, preposition or particle is a verb
 * or an adverb and ends the phrase ("Die SPD will", "stellte Celebi fest",
 * "so Suttner wörtlich"); so do the prepositions of the circumstances
 * ("so Corny Littmann zu den Gründen", "zitiert X mit den Worten"). */
static bool german_clause_word(const speech_ctx *c, const tok *prev, const tok *w)
{
	static const char *const circumstance[] = { "mit", "zu", "zum", "zur", "über", "gegenüber", "laut", "wegen",
	                                            "trotz", "angesichts", "bezüglich", "hinsichtlich", "auf" };
	if (prev->kind == T_CLOSE && c->lang == LANG_DE && w->kind == T_WORD && !w->cap &&
	    !(w->lex & (LX_DET | LX_PREP | LX_PARTICLE | LX_CONJ | LX_REL)))
		return true;   /* "Die Schutzvereinigung (DSW) schlug" */
	bool number = prev->kind == T_WORD && prev->low[0] >= '0' && prev->low[0] <= '9';
	if (c->lang != LANG_DE || w->kind != T_WORD || w->cap || prev->kind != T_WORD || !(prev->cap || number) ||
	    (prev->lex & (LX_DET | LX_FUNC | LX_PREP | LX_CONJ | LX_PRON)))
		return false;   /* "Der libanesische Minister": an article opening the sentence */
	if (w->low[0] >= '0' && w->low[0] <= '9')
		return false;   /* "vom August 2002", "Artikel 5" */
	if (w->lex & LX_PREP)
		return word_is(w, circumstance, sizeof circumstance / sizeof *circumstance);
	return !(w->lex & (LX_DET | LX_PARTICLE | LX_CONJ | LX_REL));
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
			if (j > a && (w->lex & (LX_REL | LX_CONJ)) && !w->cap && !(w->lex & LX_DET))
				break;
			/* a second determiner after a noun starts the object: "der Präsident seine Position" */
			if (j > a && is_det(w) && v[j - 1].kind == T_WORD && !(v[j - 1].lex & LX_PREP) && !is_det(&v[j - 1]) &&
			    (!genitive_article(c, w) || all_caps(c, &v[j - 1]) || bare_name(c, v, a, j)))
				break;   /* a name or an acronym takes no genitive: "laut einer Mitteilung des BMI der …",
				          * "sagte Krüger der Deutschen Presse-Agentur" */
			if (j > a && is_cue(c, w, &pron))
				break;
			if (j > a && german_clause_word(c, &v[j - 1], w))
				break;
			/* "sagte Klaus Weber am Montag in Berlin": the time or place is not the speaker */
			static const char *const when_where[] = { "am", "im", "in", "bei", "beim", "vor", "nach", "gegenüber",
			                                          "während", "on", "during", "yesterday", "today", "heute",
			                                          "gestern", "dans", "hier", "lors" };
			static const char *const of[] = { "von", "vom", "of", "de", "di", "del", "della", "van", "af", "av",
			                                  "från", "fra", "du", "des", "des", "aus" };
			if (j > a && !w->cap && (w->lex & LX_PREP) && name_word(&v[j - 1]) && v[j - 1].cap &&
			    !word_is(w, of, sizeof of / sizeof *of) && c->lang != LANG_DE)
				break;   /* "il premier Mario Draghi ai giornalisti": the name ends the speaker */
			if (j > a && !w->cap && word_is(w, when_where, sizeof when_where / sizeof *when_where)) {
				/* only a short phrase at the end of the clause, or a date: not "General der
				 * US-Streitkräfte im Irak, General George Casey" */
				size_t e = j + 1;
				while (e < n && e < j + 4 && v[e].kind == T_WORD && !(v[e].lex & LX_PREP))
					e++;
				bool date = j + 1 < n && (v[j + 1].lex & LX_CAL);
				if (date || e >= n || e >= limit || v[e].kind == T_STOP || (v[e].kind == T_WORD && (v[e].lex & LX_PREP)))
					break;
			}
			words++;
		} else if (w->kind == T_COMMA && j + 1 < n && j + 1 < limit && name_word(&v[j + 1]) && words > 0) {
			j = run_end(v, n, j + 1);   /* "…, General George Casey": the name in apposition */
			/* "Anna Weber, Sprecherin der Feuerwehr": a German role keeps its genitive */
			while (j + 1 < n && j + 1 < limit && genitive_article(c, &v[j]) && !v[j].cap) {
				size_t g = j + 1;
				while (g < n && g < limit && g < j + 4 && v[g].kind == T_WORD && !v[g].cap &&
				       !(v[g].lex & (LX_PREP | LX_CONJ | LX_REL | LX_CUE)))
					g++;
				if (g >= n || g >= limit || !name_word(&v[g]))
					break;
				j = g + 1;
			}
			break;
		} else if (w->kind == T_MARK && c->lang == LANG_DE && j == a + 1 && is_det(&v[a])) {
			/* so die „Süddeutsche Zeitung“: a title in marks */
			size_t k = j + 1;
			while (k < n && k < limit && k < j + 5 && v[k].kind == T_WORD && v[k].cap)
				k++;
			if (k == j + 1 || k >= n || k >= limit || v[k].kind != T_MARK)
				break;
			words += k - j - 1;
			j = k;
		} else if (w->kind != T_ABBR && w->kind != T_OTHER && w->kind != T_OPEN && w->kind != T_CLOSE) {
			break;
		}
		j++;
	}
	/* a phrase ends with a word, not with an article or a preposition ("der Präsident von der „…“") */
	while (j > a && ((v[j - 1].kind != T_WORD && v[j - 1].kind != T_CLOSE &&
	                  !(v[j - 1].kind == T_MARK && j >= a + 3 && v[a + 1].kind == T_MARK)) ||
	                 (v[j - 1].kind == T_WORD && !v[j - 1].cap && (v[j - 1].lex & (LX_DET | LX_PREP)))))
		j--;
	if (j == a)
		return (cand){ 0 };
	cand k = { is_det(&v[a]) || !v[a].cap ? SPK_DESC : SPK_NAME, v[a].s, v[j - 1].e, v[a].s, v[j - 1].e, 0, 0, conf };
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

static cand subject_apposition(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t j, float conf);
static size_t np_last_run(const tok *w, size_t end, size_t rs, size_t e, size_t *ne, size_t *re);
static bool role_word(const tok *w);
static bool verb_second(enum lang l);

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
	if (possessive(w))
		return true;   /* the band's singer */
	return !(w->n > 3 && w->low[w->n - 1] == 's' && w->low[w->n - 2] != 's');
}

/* An auxiliary verb of a verb-second language (war, hat, ist, was, heeft). */
static bool is_aux(const tok *w)
{
	static const char *const aux[] = { "war", "ist", "hat", "hatte", "wird", "wurde", "waren", "sind", "haben",
	                                   "hatten", "heeft", "had", "har", "havde", "hadde", "hade" };
	return word_is(w, aux, sizeof aux / sizeof *aux);
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
	if (i > 0 && verb_second(c->lang) && w[i - 1].kind == T_WORD && !w[i - 1].cap && (w[i - 1].lex & LX_SKIP) &&
	    !(w[i - 1].lex & (LX_PREP | LX_DET)) && is_aux(&w[i - 1]))
		return true;   /* "Auch als Lehrerin war Aksoy tätig": the subject after the verb */
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
	/* "Steuern: Die SPD will…": a label before a colon is not the subject */
	for (size_t k = i; k < hi && k < i + LABEL_TOKENS; k++)
		if (v[k].kind == T_COLON && k + 1 < hi)
			i = k + 1;
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

/* A manner adverb: simplement, finalmente, simply. */
static bool adverb(const tok *w)
{
	if (w->kind != T_WORD || w->cap || w->n < 6)
		return false;
	const char *e = w->low + w->n;
	/* not English -ly: "monopoly", "family" */
	return (w->lang == LANG_FR && !memcmp(e - 4, "ment", 4)) || !memcmp(e - 5, "mente", 5);
}

/* Languages that put the finite verb second: "Dazu sagte der Minister". */
static bool verb_second(enum lang l)
{
	return l == LANG_DE || l == LANG_NL || l == LANG_DA || l == LANG_NO || l == LANG_SV;
}

/* Words after a cue verb that stand before its subject: reflexives, an
 * expletive, separable particles (äußerte sich, heißt es, fügt hinzu). */
static bool after_verb_filler(const tok *w)
{
	static const char *const fillers[] = { "sich", "es", "ihn", "ihm", "sig", "seg", "zich", "se", "si", "det",
	                                       "hinzu", "weiter", "fort", "mit", "an", "ab", "dazu", "daraufhin" };
	return w->kind == T_WORD && !w->cap && word_is(w, fillers, sizeof fillers / sizeof *fillers);
}

/* The first index of the noun phrase that ends with v[j-1]: determiners,
 * adjectives and role words, capitalised words, a genitive ("der Sprecher
 * des Ministeriums"), "und" between names, a parenthesis ("(SPD)"). j when
 * none ends there. */
static size_t np_start(const speech_ctx *c, const tok *v, size_t lo, size_t j)
{
	size_t i = j;
	while (i > lo) {
		const tok *w = &v[i - 1];
		if (w->kind == T_CLOSE && i == j) {
			size_t k = i - 1;
			while (k > lo && v[k].kind != T_OPEN && i - k < 6)
				k--;
			if (v[k].kind != T_OPEN || k == lo)
				break;
			i = k;
			continue;
		}
		if (w->kind == T_MARK && i == j && c->lang == LANG_DE) {
			/* a title in marks: Der „Spiegel“ berichtet, die „Süddeutsche Zeitung“ schreibt */
			size_t k = i - 1;
			while (k > lo && v[k - 1].kind == T_WORD && v[k - 1].cap && i - k < 5)
				k--;
			if (k == i - 1 || k == lo || v[k - 1].kind != T_MARK || k - 1 == lo || !is_det(&v[k - 2]))
				break;
			i = k - 2;
			break;
		}
		if (w->kind == T_ABBR) {
			i--;
			continue;
		}
		if (w->kind != T_WORD || w->cjk)
			break;
		if (i >= lo + 2 && i < j && !w->cap && (w->lex & LX_PARTICLE) && v[i - 2].kind == T_WORD && v[i - 2].cap &&
		    (v[i - 2].lex & LX_PARTICLE) && name_word(&v[i])) {
			i -= 2;   /* Von der Leyen */
			continue;
		}
		if (!w->cap && (w->lex & LX_PARTICLE) && i < j && name_word(&v[i]) && i >= lo + 2 && name_word(&v[i - 2]) &&
		    w->lang != LANG_DE) {
			i--;   /* Els de Boer */
			continue;
		}
		if (is_det(w)) {
			i--;
			/* a genitive article inside the phrase: "der Sprecher des Ministeriums" */
			if (c->lang == LANG_DE && i > lo && v[i - 1].kind == T_WORD && v[i - 1].cap && !(v[i - 1].lex & LX_FUNC))
				continue;
			break;
		}
		if (name_word(w) || (w->cap && (w->lex & (LX_TITLE | LX_HONOR)))) {
			i--;
			continue;
		}
		if (!w->cap && (w->lex & LX_CONJ) && i < j && name_word(&v[i]) && i - 1 > lo && name_word(&v[i - 2])) {
			i--;   /* Sonia und Willy Bogner */
			continue;
		}
		if (!w->cap && (w->lex & LX_PARTICLE) && i < j && name_word(&v[i])) {
			i--;
			continue;
		}
		if (role_word(w) && !(w->lex & (LX_CUE | LX_SKIP | LX_CAL))) {
			i--;
			continue;
		}
		if (i == j && !w->cap && !(w->lex & (LX_PREP | LX_CONJ | LX_REL | LX_PRON | LX_FUNC | LX_SKIP | LX_CUE | LX_CAL))) {
			i--;   /* the head noun: the firms said, officials say */
			continue;
		}
		break;
	}
	/* do not start with a particle or a conjunction */
	while (i < j && v[i].kind == T_WORD && !v[i].cap && (v[i].lex & (LX_CONJ | LX_PARTICLE)) && !is_det(&v[i]))
		i++;
	return i;
}

/* A speaker from the noun phrase v[a,b): a determiner phrase is a
 * description (in English, shown as its name when it ends in one: "the
 * company's chief executive John Smith"); otherwise the last name run, with
 * the role words before it dropped ("Foreign Ministry spokeswoman Hua
 * Chuying"); in German the whole phrase, which is how it is usually cited. */
static cand np_cand(const speech_ctx *c, const tok *v, size_t a, size_t b, float conf)
{
	size_t end = b;
	while (end > a && v[end - 1].kind != T_WORD && v[end - 1].kind != T_CLOSE)
		end--;
	if (end == a)
		return (cand){ 0 };
	if (end < b && v[end].kind == T_MARK && v[a + 1].kind == T_MARK && a + 1 < end)
		end++;   /* Der „Spiegel“: the title keeps its closing mark */
	size_t last = end - 1;
	while (last > a && v[last].kind == T_MARK)
		last--;
	if (v[last].kind == T_CLOSE) {   /* (SPD), (R-Burlington): the name is before it */
		while (last > a && v[last].kind != T_OPEN)
			last--;
		while (last > a && v[last].kind != T_WORD)
			last--;
	}
	bool det = is_det(&v[a]);
	if (c->lang == LANG_DE || !name_word(&v[last])) {
		if (det || c->lang == LANG_DE || v[a].kind != T_WORD || !v[a].cap)
			return (cand){ det ? SPK_DESC : SPK_NAME, v[a].s, v[end - 1].e, v[a].s, v[end - 1].e, 0, 0, conf };
	}
	size_t rs = run_start(v, a, last);
	if (rs > a && det && (rs - a <= 1 || (v[rs - 1].kind == T_WORD && (v[rs - 1].lex & (LX_PREP | LX_PARTICLE)))))
		/* the Vatican, the Kok report, il sindaco di Roma */
		return (cand){ SPK_DESC, v[a].s, v[end - 1].e, v[a].s, v[end - 1].e, 0, 0, conf };
	cand k = name_cand(c, v, rs, last + 1, conf);
	k.s = v[a].s;
	k.e = v[end - 1].e;
	return k;
}

/* Is v[a,…) the agent of a passive ("Die Zahl wurde von einem Sprecher
 * bestätigt"): "von" before it and a passive auxiliary before that in the
 * clause v[lo,a)? */
static bool passive_agent(const speech_ctx *c, const tok *v, size_t lo, size_t a)
{
	static const char *const by[] = { "von", "vom" };
	static const char *const aux[] = { "wurde", "wurden", "wird", "werden", "worden" };
	if (c->lang != LANG_DE || a < lo + 2 || !word_is(&v[a - 1], by, 2) || v[a - 1].cap)
		return false;
	for (size_t k = lo; k + 1 < a; k++)
		if (v[k].kind == T_WORD && word_is(&v[k], aux, sizeof aux / sizeof *aux))
			return true;
	return false;
}

/* The subject standing before the verb at v[vi], in v[lo,vi): pronoun,
 * name or phrase, passing over adverbs, time phrases ("on Saturday") and
 * prepositional phrases ("in einem Interview"). */
static cand subject_before(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t vi, float conf)
{
	size_t j = vi, j0 = 0, hop_end = 0;
	bool from_chain = false;
	for (int hops = 0; hops < 6; hops++) {
		int skipped = 0;
		while (j > lo && v[j - 1].kind == T_WORD && skipped < 4) {
			const tok *w = &v[j - 1];
			if (((w->lex & LX_SKIP) || adverb(w)) && !w->cap) {
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
		if (w->kind == T_WORD && (w->lex & LX_CONJ) && !w->cap && !(w->lex & LX_DET))
			return clause_subject(c, v, j - 1, lo, j - 1, conf);   /* X thanked his team and said */
		if (w->kind == T_COMMA)
			return subject_apposition(c, v, n, lo, j, conf);
		size_t a = np_start(c, v, lo, j);
		if (a == j)
			return (cand){ 0 };
		if (a + 1 == j && is_det(&v[a]) && hop_end > j)
			/* "Der auf der Konferenz anwesende Minister X reagierte": an article
			 * alone opens a phrase that holds the prepositions passed over */
			return np_cand(c, v, a, hop_end, conf);
		if (!j0)
			j0 = j;
		if (j == j0 && passive_agent(c, v, lo, a))
			return np_cand(c, v, a, j, conf);   /* "wurde von einem Sprecher bestätigt" */
		if (a > lo && v[a - 1].kind == T_WORD && (!v[a - 1].cap || v[a - 1].sent) && (v[a - 1].lex & LX_PREP) &&
		    !is_det(&v[a - 1])) {
			/* a prepositional phrase ("in einem Interview"), or the end of
			 * an apposition ("Chris Panayis, managing director of ISP X said") */
			cand first = verb_second(c->lang) ? (cand){ 0 } : clause_subject(c, v, j, lo, j, conf);
			if (first.kind == SPK_NAME && v[lo].kind == T_WORD && first.s == v[lo].s)
				return first;
			/* "Il sindaco di Roma ha spiegato": the phrase runs up to the verb */
			if (first.kind == SPK_DESC && first.s == v[lo].s && first.e == v[j - 1].e)
				return first;
			if (verb_second(c->lang)) {
				static const char *const of[] = { "von", "vom", "aus", "van", "af", "av" };
				from_chain = word_is(&v[a - 1], of, sizeof of / sizeof *of);
				hop_end = j0;
				j = a - 1;
				continue;
			}
		}
		if (a > lo + 1 && verb_second(c->lang) && v[a - 1].kind == T_WORD && (v[a - 1].lex & LX_SKIP) && !v[a - 1].cap) {
			j = a - 1;   /* the object between auxiliary and participle */
			continue;
		}
		cand r = np_cand(c, v, a, j, conf);
		if (r.kind && from_chain && hop_end > j) {
			/* Sascha Kempf vom Max-Planck-Institut für Kernphysik: the origin belongs to the name */
			r.kind = SPK_DESC;
			r.e = r.de = v[hop_end - 1].e;
			r.ds = r.s;
		}
		return r;
	}
	return (cand){ 0 };
}

/* "X, role, said" / "role, X, said" / "X (R-Burlington), for example, said":
 * v[j-1] is the comma before the verb. */
static cand subject_apposition(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t j, float conf)
{
	size_t k = j - 1;
	while (k > lo && v[k - 1].kind != T_COMMA)
		k--;
	if (k <= lo || k >= j - 1)
		return (cand){ 0 };
	/* role, Name, verb / role, Name (C), verb */
	size_t e = run_end(v, n, k), after = e;
	if (after < j - 1 && v[after].kind == T_OPEN) {
		while (after < j - 1 && v[after].kind != T_CLOSE)
			after++;
		after++;
	}
	if (name_word(&v[k]) && after == j - 1 && !(c->lang == LANG_DE && e - k == 1) && !is_det(&v[k]))
		return name_cand(c, v, k, e, conf);
	/* Name, role, verb */
	size_t before = k - 1;   /* the comma */
	cand r = subject_before(c, v, n, lo, before, conf);
	/* "Celebi, die nur Frauen vertritt, nennt …": a relative clause (it ends
	 * with its verb) is no apposition */
	bool relative = (v[k].lex & LX_REL) && !v[j - 2].cap && v[j - 2].kind == T_WORD;
	if (r.kind && c->lang == LANG_DE && r.kind != SPK_PRON && !relative) {
		/* German news cites the apposition with the name */
		r.kind = SPK_DESC;
		r.e = v[j - 2].e;
		r.ds = r.s;
		r.de = r.e;
	}
	return r;
}

/* The subject after the verb at v[vi]: siger han, said Smith, dijo el
 * ministro, sagte am Montag der Sprecher, lyder det fra X. */
static cand subject_after(const speech_ctx *c, const tok *v, size_t n, size_t vi, float conf)
{
	size_t k = vi + 1;
	if (v[vi].lex & LX_CUE_TAIL) {   /* „…“, so charakterisierte ihn der Funktionär */
		if (k < n && v[k].kind == T_WORD && !v[k].cap && !is_det(&v[k]) && !is_pron(&v[k]) &&
		    !(v[k].lex & (LX_PREP | LX_FUNC)))
			k++;
	}
	while (k < n && k < vi + 4 && v[k].kind == T_WORD && !v[k].cap &&
	       (((v[k].lex & LX_SKIP) && !is_det(&v[k])) || after_verb_filler(&v[k])))
		k++;
	/* lyder det fra X, heißt es aus dem Ministerium / in dem Schreiben */
	static const char *const from[] = { "fra", "från", "frå", "von", "vom", "aus", "from", "seitens", "in", "im" };
	static const char *const from_cues[] = { "lyder", "lød", "heißt", "hieß", "låter", "lät", "hiess" };
	if (word_is(&v[vi], from_cues, sizeof from_cues / sizeof *from_cues)) {
		for (size_t j = vi + 1; j < n && j < vi + 4; j++) {
			if (v[j].kind != T_WORD || !word_is(&v[j], from, sizeof from / sizeof *from) || j + 1 >= n)
				continue;
			size_t a = j + 1;
			size_t e = name_word(&v[a]) ? run_end(v, n, a) : a;
			if (e > a && (e >= n || v[e].kind != T_WORD))
				return name_cand(c, v, a, e, conf);
			return phrase_cand(c, v, n, a, n, conf * 0.9f);
		}
	}
	if (k < n && v[k].kind == T_WORD && (v[k].lex & LX_PREP) && !v[k].cap && !is_det(&v[k])) {
		/* "sagte am Montag der Sprecher", "explicó a la agencia EFE el portavoz":
		 * pass over a short phrase, its own article included */
		bool romance = c->lang == LANG_ES || c->lang == LANG_FR || c->lang == LANG_IT;
		size_t j = k + 1;
		if (romance && j < n && is_det(&v[j]))
			j++;
		while (j < n && j < k + (romance ? 5 : 3) && v[j].kind == T_WORD && !is_pron(&v[j]) && !is_det(&v[j]))
			j++;
		if (j < n && j > k + 1 && (is_pron(&v[j]) || is_det(&v[j])))
			k = j;
	}
	if (k >= n)
		return (cand){ 0 };
	const tok *w = &v[k];
	if (is_pron(w))
		return pron_cand(w, conf);
	bool elided = w->kind == T_WORD && w->n > 2 && (w->low[0] == 'l' || w->low[0] == 'd') &&
	              (w->low[1] == '\'' || !memcmp(w->low + 1, "\xE2\x80\x99", 3));   /* l'entraîneur */
	if (elided) {
		for (size_t j = k + 1; j < n && j < k + 3; j++)
			if (name_word(&v[j]))
				return name_cand(c, v, j, run_end(v, n, j), conf);
		return phrase_cand(c, v, n, k, n, conf * 0.9f);
	}
	if (w->kind == T_WORD && w->cap && (w->lex & LX_PARTICLE) && k + 1 < n && name_word(&v[k + 1]))
		return name_cand(c, v, k, run_end(v, n, k), conf);   /* aldus De Vries */
	if (is_det(w) || (c->lang == LANG_DE && name_word(w) && (k + 1 >= n || v[k + 1].kind != T_STOP)))
		return phrase_cand(c, v, n, k, n, conf * 0.9f);
	if (name_word(w)) {   /* said Salomon Brothers analyst Jean-Claude Gruet */
		size_t e = run_end(v, n, k), ne, re;
		size_t ls = np_last_run(v, n, k, e, &ne, &re);
		return name_cand(c, v, ls, re, conf);
	}
	bool lower_noun = c->lang != LANG_DE;
	if (lower_noun && w->kind == T_WORD && !w->cjk && !(w->lex & (LX_PREP | LX_CONJ | LX_REL | LX_FUNC | LX_SKIP))) {
		/* said spokesman John Smith / said police / siger direktøren */
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

/* Is the phrase k after a German verb one capitalised word that the
 * article never gives as part of a name: a noun, the object ("Die
 * Gewerkschaft kündigte Widerstand an"), not the subject ("Der Zeitung
 * sagte Karma")? */
static bool german_object(const speech_ctx *c, const tok *v, size_t n, cand k)
{
	if (c->lang != LANG_DE)
		return false;
	for (size_t j = 0; j < n; j++)
		if (v[j].s == k.s) {
			return v[j].e == k.e && !(v[j].lex & (LX_TITLE | LX_HONOR)) && name_run_words(c, &v[j]) < 2;
		}
	return false;
}

/* The subject of the cue verb v[vi] in the clause v[lo,hi): before it, or
 * after it ("siger han"); in verb-second languages after it when a name or
 * pronoun follows the verb or only an adverb stands before it ("Dazu sagte
 * der Minister", "Der Zeitung sagte Filep Karma"). */
static cand verb_subject(const speech_ctx *c, const tok *v, size_t lo, size_t hi, size_t vi, float conf)
{
	cand before = subject_before(c, v, hi, lo, vi, conf);
	static const char *const takes_object[] = { "told", "tells", "tell", "called", "calls", "accused", "urged",
	                                            "warned", "praised", "welcomed", "described", "dismissed", "branded",
	                                            "criticised", "criticized", "condemned", "slammed", "dubbed",
	                                            "labelled", "labeled", "termed", "hailed", "quoted", "asked" };
	if (vi > lo && v[vi - 1].kind == T_COMMA && before.kind != SPK_PRON && vi + 1 < hi &&
	    !(v[vi + 1].kind == T_WORD && (v[vi + 1].lex & LX_PREP)) &&
	    !(c->lang == LANG_EN && word_is(&v[vi], takes_object, sizeof takes_object / sizeof *takes_object))) {
		/* "…, said Mr Fogg." : a subject after the verb that ends the clause */
		cand after = subject_after(c, v, hi, vi, conf);
		if (after.kind) {
			size_t k = vi + 1;
			while (k < hi && v[k].s < after.e)
				k++;
			if (k < hi && (v[k].kind == T_STOP || v[k].kind == T_COMMA) && (after.kind != SPK_DESC || k - vi <= 6))
				return after;
		}
	}
	if (!verb_second(c->lang) || before.kind == SPK_PRON)
		return before.kind ? before : subject_after(c, v, hi, vi, conf);
	cand after = subject_after(c, v, hi, vi, conf);
	if (!after.kind)
		return before;
	static const char *const quoting[] = { "zitiert", "zitierte", "citeert", "citerer", "citerade", "siterer" };
	if (after.kind == SPK_NAME && word_is(&v[vi], quoting, sizeof quoting / sizeof *quoting))
		return after;   /* die Agentur zitiert dazu Néstor Kirchner mit den Worten */
	/* "Dazu sagte der Minister": one word before the verb is an adverb, unless
	 * the article names a person with it ("Berger dankte den Helfern") */
	bool adverb_first = before.kind && vi > lo && v[vi - 1].sent && v[vi - 1].e == before.e && before.s == v[vi - 1].s &&
	                    name_run_words(c, &v[vi - 1]) < 2;
	if (!before.kind || adverb_first || after.kind == SPK_PRON ||
	    (after.kind == SPK_NAME && before.kind == SPK_DESC && !german_object(c, v, hi, after)))
		return after;
	return before;
}

/* "according to X", "ifølge X", "laut X", "selon X"; "X zufolge". */
static cand according(const speech_ctx *c, const tok *v, size_t n, size_t lo, size_t hi, float conf)
{
	for (size_t i = lo; i < hi; i++) {
		if (v[i].kind != T_WORD || !(v[i].lex & LX_ACCORD))
			continue;
		if (!strcmp(v[i].low, "nach") && i + 1 < hi) {
			static const char *const nouns[] = { "angaben", "aussagen", "informationen", "darstellung", "auffassung",
			                                     "ansicht", "einschätzung", "worten", "berichten", "schätzungen" };
			if (word_is(&v[i + 1], nouns, sizeof nouns / sizeof *nouns))
				return phrase_cand(c, v, n, i + 1, n, conf);
			continue;
		}
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
		cand r = { 0 };
		size_t e = run_end(v, n, a);
		static const char *const objects[] = { "him", "her", "lui", "elle", "él", "ella", "ihm", "ihr", "hem", "haar",
		                                       "ham", "hende", "henne", "honom", "lei", "them" };
		if (a < n && v[a].kind == T_WORD && (is_pron(&v[a]) || word_is(&v[a], objects, sizeof objects / sizeof *objects)))
			r = pron_cand(&v[a], conf);   /* selon lui, according to her */
		else if (e > a && (name_word(&v[a]) || (v[a].lex & LX_PARTICLE)))
			r = name_cand(c, v, a, e, conf);
		else if (is_det(&v[a]))
			r = phrase_cand(c, v, n, a, n, conf * 0.9f);
		if (r.kind) {
			r.cue_s = v[i].s;
			r.cue_e = v[a - 1].e;
			return r;
		}
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

/* Index after the last full stop in v[0,n) (0 when none): a semicolon does not end a sentence. */
static size_t sentence_start(const tok *v, size_t n)
{
	for (size_t i = n; i > 0; i--)
		if (v[i - 1].kind == T_STOP)
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

/* Do v[0..2] read "mit diesen Worten" (German: whatever the verb, its
 * subject said the quote)? And v[i,n) that and a verb? */
static bool these_words(const speech_ctx *c, const tok *v)
{
	static const char *const these[] = { "diesen", "den", "folgenden", "seinen", "ihren" };
	return c->lang == LANG_DE && !strcmp(v[0].low, "mit") && word_is(&v[1], these, 5) && !strcmp(v[2].low, "worten");
}

static bool with_these_words(const speech_ctx *c, const tok *v, size_t n, size_t i)
{
	return i + 3 < n && these_words(c, v + i) && v[i + 3].kind == T_WORD && !v[i + 3].cap;
}

/* A cue that counts only right after the quote and its comma ("…", so der
 * Minister; "…", findet Jonas Meier): an opinion verb such as "findet" only
 * with its subject right after it, not "findet seit 1998 in Berlin statt". */
static bool tail_cue(const speech_ctx *c, const tok *v, size_t n, size_t k)
{
	if (!(v[k].lex & LX_CUE_TAIL))
		return false;
	if (!strcmp(v[k].low, "so") || !strcmp(v[k].low, "aldus"))
		return true;
	return k + 1 < n && (is_det(&v[k + 1]) || is_pron(&v[k + 1]) || name_word(&v[k + 1])) && c->lang != LANG_UNKNOWN;
}

/* The attribution after the closing mark. */
static cand from_tail(const speech_ctx *c, const quote *q, size_t limit)
{
	size_t end = q->close + TAIL_BYTES < limit ? q->close + TAIL_BYTES : limit;
	size_t n;
	const tok *v = speech_tokens(c, q->close, end, WIN, false, &n);
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
	if (stop < n && v[stop].kind == T_MARK && c->lang == LANG_DE) {
		/* „…“, schreibt die „Süddeutsche Zeitung“: a title in marks, not the next quote */
		size_t k = stop + 1;
		while (k < n && k < stop + 5 && v[k].kind == T_WORD && v[k].cap)
			k++;
		if (k > stop + 1 && k < n && v[k].kind == T_MARK) {
			stop = k + 1;
			while (stop < n && v[stop].kind != T_STOP && v[stop].kind != T_COLON && v[stop].kind != T_SEMI &&
			       v[stop].kind != T_MARK)
				stop++;
		}
	}
	bool closed = ends_sentence(c, q) && !comma;
	const char *t = c->d->text;
	size_t qe = q->end;
	while (qe > q->start && (t[qe - 1] == ' ' || t[qe - 1] == '\n'))
		qe--;
	bool open_end = comma || (qe > q->start && (t[qe - 1] == ',' || t[qe - 1] == '-'));
	cand acc = according(c, v, stop, i, i + 1, 0.85f);
	if (acc.kind)
		return acc;
	if (with_these_words(c, v, stop, i)) {
		/* „…“ – mit diesen Worten verabschiedete sich Trainer Uwe Hartmann: the verb's subject */
		cand r = subject_after(c, v, stop, i + 3, 0.85f);
		r.cue_s = v[i].s;
		r.cue_e = v[i + 3].e;
		return r;
	}
	for (size_t k = i; k < stop && k < i + 8; k++) {
		bool pron;
		if (v[k].kind == T_WORD && v[k].cjk)
			break;
		if (!is_cue(c, &v[k], &pron) && !(k == i && comma && tail_cue(c, v, stop, k)))
			continue;
		/* a new sentence after a closed quote is attribution only when short
		 * ("Reagan said."), or the Scandinavian "Det siger X, …" */
		static const char *const det[] = { "det", "så" };
		bool det_siger = k == i + 1 && (c->lang == LANG_DA || c->lang == LANG_NO || c->lang == LANG_SV) &&
		                 word_is(&v[i], det, 2);
		if (closed && !det_siger && (stop >= n || v[stop].kind != T_STOP || (k > i ? stop - k > 3 : stop - k > 7)))
			return (cand){ 0 };
		if (det_siger) {
			cand r = subject_after(c, v, stop, k, 0.85f);
			if (r.kind) {
				r.cue_s = v[k].s;
				r.cue_e = v[k].e;
				return r;
			}
		}
		cand r = { 0 };
		if (pron)
			r = pron_cand(&v[k], 0.85f);
		bool aux_only = k > i;
		for (size_t a = i; a < k; a++)
			aux_only &= v[a].kind == T_WORD && (v[a].lex & LX_SKIP) && !v[a].cap;
		if (!r.kind && aux_only) {
			/* "…", ha detto Rossi / Jack Straw, who argues "…", has said */
			r = subject_after(c, v, stop, k, 0.9f);
			if (r.kind == SPK_DESC && c->lang == LANG_EN)
				r.kind = SPK_NONE;
			if (!r.kind) {
				r.kind = SPK_FROM_HEAD;
				r.conf = 0.75f;
			}
		}
		if (!r.kind)
			r = verb_subject(c, v, i, stop, k, 0.9f);
		if (!r.kind && k <= i + 1 && !closed) {   /* … „trotz einiger Vorbehalte“ bekanntgegeben. */
			r.kind = SPK_FROM_HEAD;
			r.conf = 0.7f;
		}
		if (r.kind) {
			r.cue_s = v[k].s;
			r.cue_e = v[k].e;
			if (k > i + 3 && !open_end)
				r.conf *= 0.8f;
			if (open_end && r.conf < 0.85f)
				r.conf = 0.85f;   /* "…", so Wieland: the tail is the attribution */
		}
		return r;
	}
	return (cand){ 0 };
}

/* The tokens of the head window: t[from, open), the last WIN tokens. */
typedef struct head_win {
	const tok *v;
	size_t n;
	size_t lo;      /* where the quote's sentence starts */
} head_win;

static void head_tokens(const speech_ctx *c, size_t from, size_t open, head_win *h)
{
	const char *t = c->d->text;
	size_t s = open > from + HEAD_BYTES ? open - HEAD_BYTES : from;
	while (s > from && s < open && t[s - 1] != ' ')
		s++;
	h->v = speech_tokens(c, s, open, WIN, true, &h->n);
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
			r = verb_subject(c, v, lo, hi, vi, conf);
		if (r.kind) {
			r.cue_s = v[vi].s;
			r.cue_e = v[vi].e;
			return r;
		}
	}
	return according(c, v, hi, lo, hi, conf);
}

/* Whether w's lower-cased letters end with one of ends[0..n): how German
 * compounds show what they are (Pressesprecherin, Positionspapier). */
static bool ends_with_any(const tok *w, const char *const *ends, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(ends[i]);
		if (w->n >= l && !memcmp(w->low + w->n - l, ends[i], l))
			return true;
	}
	return false;
}

/* A German noun that names a text (Stellungnahme, Pressemitteilung,
 * Positionspapier): compounds end with one of these. */
static bool text_noun(const tok *w)
{
	static const char *const ends[] = { "erklärung", "mitteilung", "stellungnahme", "bericht", "brief", "schreiben",
	                                    "papier", "studie", "urteil", "beschluss", "resolution", "memorandum",
	                                    "dokument", "gutachten", "antrag", "entwurf", "programm", "vertrag", "text",
	                                    "bilanz", "analyse", "begründung", "meldung", "botschaft", "aufruf", "appell",
	                                    "protokoll", "vermerk", "notiz", "email", "e-mail", "mail", "artikel",
	                                    "medien", "presse", "zeitung", "blatt", "magazin" };
	return w->kind == T_WORD && w->cap && ends_with_any(w, ends, sizeof ends / sizeof *ends);
}

/* German news cites texts and places as sources: "In einem Positionspapier
 * des Ministeriums heißt es, …", "Aus dem Ministerium hieß es", "Darin
 * steht: „…“" (the text named in the
 * sentence before: "Die Staatsanwaltschaft gab eine Stellungnahme ab"); with
 * any_verb, a sentence that opens with such a text whatever its verb ("In
 * einem Memorandum wird die Lage so beschrieben: …"). v[lo,hi) is the
 * sentence; v[0,lo) what comes before it. */
static cand text_source(const speech_ctx *c, const tok *v, size_t lo, size_t hi, bool any_verb, float conf)
{
	static const char *const says[] = { "heißt", "hieß", "steht", "stand", "stehe", "heiße" };
	static const char *const there[] = { "darin", "dort", "hierin", "daneben" };
	if (c->lang != LANG_DE || lo + 1 >= hi || v[lo].kind != T_WORD)
		return (cand){ 0 };
	if (word_is(&v[lo], there, sizeof there / sizeof *there)) {
		if (!word_is(&v[lo + 1], says, sizeof says / sizeof *says))
			return (cand){ 0 };
		size_t ps = lo > 0 ? sentence_start(v, lo - 1) : 0;
		for (size_t k = lo; k > ps; k--)
			if (text_noun(&v[k - 1])) {
				cand r = phrase_cand(c, v, lo, np_start(c, v, ps, k), lo, conf);
				r.cue_s = v[lo + 1].s;
				r.cue_e = v[lo + 1].e;
				return r;
			}
		return (cand){ 0 };
	}
	static const char *const in[] = { "in", "im" };
	static const char *const from[] = { "aus", "von", "vom", "seitens" };
	static const char *const as_it[] = { "wie", "es" };
	while (lo + 2 < hi && word_is(&v[lo], as_it, 2))
		lo++;   /* "Wie es in einer Mitteilung hieß, …" */
	bool origin = word_is(&v[lo], from, sizeof from / sizeof *from);   /* "Aus dem Ministerium hieß es" */
	if (!origin && !word_is(&v[lo], in, 2))
		return (cand){ 0 };
	bool text = origin;
	for (size_t k = lo + 1; k < hi && k < lo + 12; k++) {
		if (v[k].kind != T_WORD)
			break;
		if (word_is(&v[k], says, sizeof says / sizeof *says)) {
			cand r = text ? phrase_cand(c, v, k, lo + 1, k, conf) : (cand){ 0 };
			r.cue_s = v[k].s;
			r.cue_e = v[k].e;
			return r;
		}
		text |= text_noun(&v[k]);
	}
	if (!text || !any_verb || origin)
		return (cand){ 0 };
	/* "In einem Memorandum vom August 2002 wird die Position durch den Satz
	 * gekennzeichnet, …": what the sentence quotes, the text says */
	cand r = phrase_cand(c, v, hi, lo + 1, hi, conf);
	for (size_t k = lo + 1; r.kind && k < hi && v[k].s < r.e; k++)
		if (text_noun(&v[k]))
			return r;
	return (cand){ 0 };
}

/* Does v[lo,hi) hold a verb in the German subjunctive of reported speech
 * ("Deshalb sei es …", "Er habe …")? */
static bool reported_speech(const speech_ctx *c, const tok *v, size_t lo, size_t hi)
{
	static const char *const konj[] = { "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe",
	                                    "gebe", "gehe", "stehe", "liege", "komme", "bleibe", "gelte", "fehle",
	                                    "wisse", "lasse" };
	if (c->lang != LANG_DE)
		return false;
	for (size_t k = lo; k < hi; k++)   /* the forms have three to six letters: most words are passed at once */
		if (v[k].kind == T_WORD && !v[k].cap && v[k].n >= 3 && v[k].n <= 6 &&
		    word_is(&v[k], konj, sizeof konj / sizeof *konj))
			return true;
	return false;
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
		cand r = text_source(c, v, lo, n, false, colon ? 0.85f : 0.75f);
		if (!r.kind)
			r = cue_in(c, v, lo, n, colon ? 0.85f : 0.75f);
		if (!r.kind && !colon && lo > 0 && reported_speech(c, v, lo, n)) {
			/* "… heißt es, die Regelung habe sich bewährt. Deshalb sei es „…“":
			 * reported speech goes on from the sentence before */
			size_t ps = sentence_start(v, lo - 1);
			r = text_source(c, v, ps, lo - 1, false, 0.6f);
			if (!r.kind)
				r = cue_in(c, v, ps, lo - 1, 0.6f);
		}
		if (!r.kind)
			r = text_source(c, v, lo, n, true, 0.6f);
		if (r.kind || !colon)
			return r;
		/* Kevin Mandia opstiller det således: — the subject of the sentence */
		return clause_subject(c, v, n, lo, n, 0.6f);
	}
	if (lo == 0)
		return (cand){ 0 };
	size_t hi = lo - 1, ps = sentence_start(v, hi);
	cand r = text_source(c, v, ps, hi, false, 0.6f);
	return r.kind ? r : cue_in(c, v, ps, hi, 0.6f);
}

/* The subject of the head sentence, for a tail with only an auxiliary
 * before its cue. */
static cand head_subject(const speech_ctx *c, const quote *q, size_t from, float conf)
{
	head_win h;
	head_tokens(c, from, q->open, &h);
	if (h.lo >= h.n)
		return (cand){ 0 };
	/* a relative clause ends with the cue ("des Verbandes, die die Gefahr einer
	 * „Invasion“ beschwören"): its subject is what the relative word stands for */
	for (size_t k = h.n; k > h.lo + 1; k--) {
		const tok *w = &h.v[k - 1];
		if (w->kind == T_WORD && (w->lex & LX_REL) && !w->cap && h.v[k - 2].kind == T_COMMA) {
			size_t a = np_start(c, h.v, h.lo, k - 2);
			if (a < k - 2)
				return np_cand(c, h.v, a, k - 2, conf);
			break;
		}
	}
	/* a passive ("wurde von der Opposition als „…“ bezeichnet"): the agent,
	 * or the text or place it comes from ("In den Medien war er als „…“
	 * bezeichnet worden"), not the subject that it is said of */
	for (size_t k = h.lo + 1; k + 1 < h.n; k++)
		if (passive_agent(c, h.v, h.lo, k + 1) && (name_word(&h.v[k + 1]) || is_det(&h.v[k + 1]))) {
			cand r = phrase_cand(c, h.v, h.n, k + 1, h.n, conf);
			if (r.kind)
				return r;
		}
	cand r = text_source(c, h.v, h.lo, h.n, true, conf);
	return r.kind ? r : clause_subject(c, h.v, h.n, h.lo, h.n, conf);
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
	/* the display drops an honorific: 山本花子氏 -> 山本花子 */
	size_t de = se;
	if (de - ss > 3 && cjk_at(t, de - 3, de, "氏"))
		de -= 3;
	else if (de - ss > 6 && cjk_at(t, de - 6, de, "さん"))
		de -= 6;
	/* and, in Japanese, the clause that describes the person: 菓子店を営む石川久美子 -> 石川久美子
	 * (the name follows the last hiragana) */
	size_t ds = ss;
	if (c->lang == LANG_JA)
		for (size_t k = ss; k + 3 <= de; k += 3) {
			unsigned char b0 = (unsigned char)t[k], b1 = (unsigned char)t[k + 1];
			if ((b0 & 0xF0) != 0xE0)
				break;   /* not a run of three-byte characters: leave it */
			if (b0 == 0xE3 && (b1 == 0x81 || (b1 == 0x82 && (unsigned char)t[k + 2] < 0xA0)) && de - (k + 3) >= 6)
				ds = k + 3;   /* hiragana U+3041..U+309F */
		}
	size_t cs = verb, ce = verb ? e : 0;
	if (!verb)
		for (size_t k = 0; k < sizeof ja_cues / sizeof *ja_cues; k++)
			if (cjk_at(t, q->close, pend, ja_cues[k])) {
				cs = q->close;
				ce = q->close + strlen(ja_cues[k]);
				break;
			}
	r = (cand){ SPK_NAME, ss, se, ds, de, cs, ce, 0.75f };
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
	if (n <= 16) {   /* an article's few quotes: counted without a branch, faster than halving */
		for (size_t i = 0; i < n; i++)
			lo += v[i].open <= pos;
		hi = lo;
	}
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

enum gender { G_ANY, G_MALE, G_FEMALE };

/* ---- what the article says of its names ---------------------------------------------- */

/* One pass over the article's tokens collects, for every capitalised word:
 * whether it stands inside a sentence somewhere (a name, not "Police"
 * opening one), the gender its titles give it ("Mr Olsen"), and the
 * longest name run that ends with it (Xi -> Xi Jinping). Lookups are then
 * a hash probe instead of a search through the text. */
typedef struct name_info {
	const tok *w;            /* the word (its low form is the key) */
	signed char gender;      /* enum gender */
	bool mid;                /* seen capitalised inside a sentence */
	unsigned char words;     /* words of the longest run ending with it */
	size_t run_a, run_b;     /* that run: token indices into the article's tokens */
} name_info;

struct speech_names {
	name_info *slot;
	size_t cap;              /* a power of two */
};

static name_info *names_slot(speech_names *nm, const tok *w, bool add)
{
	size_t k = lex_hash_padded(w->low, w->n) & (nm->cap - 1);   /* low is kept zero-padded */
	for (;; k = (k + 1) & (nm->cap - 1)) {
		name_info *e = &nm->slot[k];
		if (!e->w) {
			if (!add)
				return NULL;
			e->w = w;
			return e;
		}
		if (e->w->n == w->n && !memcmp(e->w->low, w->low, w->n))
			return e;
	}
}

static enum gender title_gender(const tok *w)
{
	static const char *const male[] = { "mr", "sir", "lord", "herr", "m", "monsieur", "señor", "sr", "signor", "father" };
	static const char *const female[] = { "mrs", "ms", "miss", "lady", "dame", "frau", "mme", "madame", "señora", "sra",
	                                       "signora", "sister" };
	if (w->kind != T_WORD || !w->cap || w->n > 8 || !(lex_mask(w->entry, LANG_EN) & (LX_TITLE | LX_HONOR)))
		return G_ANY;
	if (word_is(w, male, sizeof male / sizeof *male))
		return G_MALE;
	if (word_is(w, female, sizeof female / sizeof *female))
		return G_FEMALE;
	return G_ANY;
}

/* A German role noun in the feminine before a name: Ministerin,
 * Sprecherin, Präsidentin, Journalistin, Direktorin, Kandidatin. */
static bool female_role(const speech_ctx *c, const tok *w)
{
	static const char *const stems[] = { "er", "ent", "ant", "ist", "or", "eur", "är", "at", "og", "ekt" };
	if (c->lang != LANG_DE || w->kind != T_WORD || !w->cap || w->n < 7 || memcmp(w->low + w->n - 2, "in", 2))
		return false;
	for (size_t i = 0; i < sizeof stems / sizeof *stems; i++) {
		size_t l = strlen(stems[i]);
		if (!memcmp(w->low + w->n - 2 - l, stems[i], l))
			return true;
	}
	return false;
}

/* A German role noun before a name in the masculine: Landrat, Sprecher,
 * Präsident, Direktor, Journalist, Diplomat. */
static bool male_role(const speech_ctx *c, const tok *w)
{
	static const char *const ends[] = { "er", "rat", "or", "ent", "ist", "eur", "ant", "at", "og", "ekt" };
	if (c->lang != LANG_DE || w->kind != T_WORD || !w->cap || w->n < 5 || female_role(c, w))
		return false;
	return ends_with_any(w, ends, sizeof ends / sizeof *ends);
}

/* What German tells of the gender of the person named by the run
 * v[i,last]: a role in the feminine or masculine opening it ("Ministerin
 * Eva Roth", "Landrat Georg Ebert"), or "die" before it ("die
 * Grünen-Vorsitzende Ricarda Lang": never a man). */
static enum gender german_role_gender(const speech_ctx *c, const tok *v, size_t i, size_t last)
{
	if (c->lang != LANG_DE || i >= last)
		return G_ANY;
	if (female_role(c, &v[i]) || (i > 0 && female_role(c, &v[i - 1])))
		return G_FEMALE;
	if (i > 0 && v[i - 1].kind == T_WORD && !strcmp(v[i - 1].low, "die") && i + 1 < last)
		return G_FEMALE;
	if (i + 1 < last && male_role(c, &v[i]))
		return G_MALE;
	return G_ANY;
}

static void names_build(const speech_ctx *c, speech_names *nm)
{
	size_t n;
	const tok *v = speech_tokens(c, 0, c->d->len, SIZE_MAX, false, &n);
	size_t caps = 0;
	for (size_t i = 0; i < n; i++)
		caps += v[i].cap;
	nm->cap = 16;
	while (nm->cap < caps * 2)
		nm->cap *= 2;
	nm->slot = calloc(nm->cap, sizeof *nm->slot);
	if (!nm->slot) {
		nm->cap = 0;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (!name_word(&v[i]) || !v[i].n || (i > 0 && name_word(&v[i - 1]) && !v[i].para))
			continue;
		size_t e = run_end(v, n, i);
		for (size_t k = i; k < e; k++) {
			if (v[k].kind != T_WORD || !v[k].n)
				continue;
			name_info *info = names_slot(nm, &v[k], true);
			if (!v[k].sent)
				info->mid = true;
			enum gender g = k > 0 ? title_gender(&v[k - 1]) : G_ANY;
			if (g != G_ANY && k + 1 == e)
				info->gender = (signed char)g;
		}
		/* the run's last word keys the run; words counted after its titles */
		size_t last = e - 1;
		while (last > i && v[last].kind != T_WORD)
			last--;
		size_t a, b;
		name_display(c, v, i, last + 1, &a, &b);
		unsigned words = 0;
		for (size_t k = i; k <= last; k++)
			words += v[k].kind == T_WORD && v[k].s >= a;
		name_info *info = names_slot(nm, &v[last], true);
		enum gender g = german_role_gender(c, v, i, last);
		if (g != G_ANY)
			info->gender = (signed char)g;
		if (words > info->words && words <= 4) {
			info->words = (unsigned char)words;
			info->run_a = i;
			info->run_b = last + 1;
		}
		i = e - 1;
	}
}

static const name_info *names_find(const speech_ctx *c, const tok *w)
{
	if (!c->names->slot && !c->names->cap) {
		names_build(c, c->names);
		if (!c->names->cap)
			c->names->cap = 1;   /* out of memory: answer "nothing known" from now on */
	}
	if (!c->names->slot || !w->n)
		return NULL;
	return names_slot(c->names, w, false);
}

/* Words in the longest name run of the article that ends with w (0 when none). */
static unsigned name_run_words(const speech_ctx *c, const tok *w)
{
	const name_info *info = names_find(c, w);
	return info ? info->words : 0;
}

speech_names *speech_names_new(void)
{
	return calloc(1, sizeof(speech_names));
}

void speech_names_free(speech_names *nm)
{
	if (nm) {
		free(nm->slot);
		free(nm);
	}
}

/* Does the word w also stand capitalised inside a sentence somewhere (so it
 * is a name, not "Police" opening a sentence)? */
static bool seen_inside_sentence(const speech_ctx *c, const tok *w)
{
	const name_info *info = names_find(c, w);
	return info && info->mid;
}

/* What the article tells of the gender of the person named by w: "Mr X",
 * "Mrs X", "Ms X"... anywhere in it. */
static enum gender name_gender(const speech_ctx *c, const tok *w)
{
	const name_info *info = names_find(c, w);
	return info ? (enum gender)info->gender : G_ANY;
}

/* The fullest form of the name t[ds,de) in the article: the longest name
 * run that ends with the same word and contains the others (Xi -> Xi
 * Jinping, Mr Blair -> Tony Blair). Returns a new string. */
static char *fullest_name(const speech_ctx *c, size_t ds, size_t de)
{
	tok mine[NAME_MAX_TOKENS + 2];   /* the mention may lie inside a quote's words */
	size_t nm = tok_scan(c->d->text, ds, de, c->lang, mine, NAME_MAX_TOKENS + 2);
	size_t last = nm;
	while (last > 0 && mine[last - 1].kind != T_WORD)
		last--;
	if (!last || mine[last - 1].cjk)
		return doc_flat_text(c->d, ds, de);
	size_t words = 0;
	for (size_t i = 0; i < nm; i++)
		words += mine[i].kind == T_WORD;
	const name_info *info = names_find(c, &mine[last - 1]);
	if (!info || info->words <= words)
		return doc_flat_text(c->d, ds, de);
	size_t n;
	const tok *all = speech_tokens(c, 0, c->d->len, SIZE_MAX, false, &n);
	const tok *v = all + info->run_a;
	size_t rn = info->run_b - info->run_a;
	for (size_t m = 0; m + 1 < last; m++) {
		if (mine[m].kind != T_WORD || (mine[m].lex & LX_TITLE))
			continue;
		bool found = false;
		for (size_t k = 0; k < rn && !found; k++)
			found = v[k].n == mine[m].n && !memcmp(v[k].low, mine[m].low, mine[m].n);
		if (!found)
			return doc_flat_text(c->d, ds, de);
	}
	size_t a, b;
	name_display(c, v, 0, rn, &a, &b);
	return doc_flat_text(c->d, a, b);
}


static enum gender pronoun_gender(const tok *w)
{
	static const char *const male[] = { "he", "han", "er", "il", "él", "hij", "lui", "him", "ihm", "ham", "honom", "hem" };
	static const char *const female[] = { "she", "hun", "hon", "elle", "ella", "lei", "her", "ihr", "hende", "henne",
	                                       "haar" };
	for (size_t i = 0; i < sizeof male / sizeof *male; i++)
		if (!strcmp(w->low, male[i]))
			return G_MALE;
	for (size_t i = 0; i < sizeof female / sizeof *female; i++)
		if (!strcmp(w->low, female[i]))
			return G_FEMALE;
	return G_ANY;
}

static bool gender_fits(const speech_ctx *c, const tok *w, size_t rs, size_t e, enum gender want)
{
	static const char *const fem[] = { "mrs", "ms", "miss", "lady", "dame", "frau", "mme", "madame", "sister" };
	static const char *const mas[] = { "mr", "sir", "lord", "herr", "monsieur", "father" };
	if (want == G_ANY)
		return true;
	enum gender g = name_gender(c, &w[e - 1]);
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
	if (e - rs == 1 && w[rs].sent && !(w[rs].lex & (LX_TITLE | LX_HONOR)) && !seen_inside_sentence(c, &w[rs]))
		return false;
	if (e - rs == 1 && c->lang == LANG_DE && !(w[rs].lex & (LX_TITLE | LX_HONOR))) {
		/* every German noun has a capital ("als Buchhändlerin", "seit vielen
		 * Monaten"): one word is a person when the article names them in full
		 * somewhere (Passig after "Kathrin Passig") */
		return name_run_words(c, &w[rs]) >= 2;
	}
	return true;
}

/* The gender the article gives the name shown as t[ds,de). */
static bool span_gender_fits(const speech_ctx *c, size_t ds, size_t de, enum gender want)
{
	tok v[NAME_MAX_TOKENS + 4];
	size_t n = tok_scan(c->d->text, ds, de, c->lang, v, NAME_MAX_TOKENS + 4);
	while (n > 0 && v[n - 1].kind != T_WORD)
		n--;
	return n == 0 || gender_fits(c, v, 0, n, want);
}

/* The name run that a subject noun phrase starting with the run w[rs,e)
 * ends with: "Foreign Ministry spokeswoman Hua Chuying" -> Hua Chuying.
 * Sets *ne to the end of the phrase. */
static size_t np_last_run(const tok *w, size_t end, size_t rs, size_t e, size_t *ne, size_t *re)
{
	size_t best = rs, k = e, roles = 0;
	*re = e;
	while (k < end && roles < 4) {
		if (name_word(&w[k])) {
			size_t r2 = run_end(w, end, k);
			if (roles == 0)
				break;
			best = k;
			*re = r2;
			k = r2;
			roles = 0;
		} else if (w[k].kind == T_WORD && !w[k].cap && (w[k].lex & LX_TITLE)) {
			roles++;   /* spokeswoman, psychologist: not a verb such as "besøkte" */
			k++;
		} else {
			break;
		}
	}
	*ne = *re;
	return best;
}

/* A German noun for a person by their role: Kanzlerin, Sprecher, der
 * 45-Jährige (compounds end with one: Grünen-Vorsitzende, Polizeisprecher). */
static bool person_role(const tok *w)
{
	static const char *const ends[] = { "sprecher", "sprecherin", "vorsitzende", "vorsitzender", "minister",
	                                    "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef",
	                                    "chefin", "leiter", "leiterin", "direktor", "direktorin", "politiker",
	                                    "politikerin", "abgeordnete", "abgeordneter", "jährige", "jähriger", "anwalt",
	                                    "anwältin", "richter", "richterin", "experte", "expertin", "trainer",
	                                    "trainerin", "bürgermeister", "bürgermeisterin", "sekretär", "sekretärin",
	                                    "manager", "managerin", "autor", "autorin", "forscher", "forscherin",
	                                    "zeuge", "zeugin", "beamte", "beamter", "beamtin", "landrat", "landrätin" };
	return w->kind == T_WORD && w->cap && ends_with_any(w, ends, sizeof ends / sizeof *ends);
}

/* In German, "Die Kanzlerin reiste an" names whom a later "sie" means as
 * well as a name would: an article (its gender: die, eine a woman; der,
 * ein a man), a few adjectives and a role opening a clause w[i,…), a verb
 * after it. */
static cand german_role_subject(const speech_ctx *c, const tok *w, size_t start, size_t end, size_t i,
                                enum gender want)
{
	static const char *const fem[] = { "die", "eine" };
	static const char *const mas[] = { "der", "ein" };
	if (c->lang != LANG_DE || !is_det(&w[i]) || (i > start && !clause_edge(&w[i - 1])))
		return (cand){ 0 };
	enum gender g = word_is(&w[i], fem, 2) ? G_FEMALE : word_is(&w[i], mas, 2) ? G_MALE : G_ANY;
	if (g == G_ANY || (want != G_ANY && want != g))
		return (cand){ 0 };
	size_t k = i + 1;
	while (k < end && k < i + 4 && w[k].kind == T_WORD && !w[k].cap)
		k++;
	if (k + 1 >= end || !person_role(&w[k]) || w[k + 1].kind != T_WORD || w[k + 1].cap ||
	    (w[k + 1].lex & (LX_DET | LX_PREP)))
		return (cand){ 0 };
	cand r = { SPK_DESC, w[i].s, w[k].e, w[i].s, w[k].e, 0, 0, 0.7f };
	return r;
}

/* What a pronoun can refer to in the sentence w[start,end): the subject of
 * a cue verb in it ("Mr Blair said", "said Mr Fogg", "the spokesman
 * said"); its first subject-like name; in the nearest sentences any
 * person-like name ("came from Brian Gammage"; not when any_name is
 * false). SPK_PRON when the sentence
 * speaks of the same pronoun: it says nothing new about who "he" is. */
static cand sentence_referent(const speech_ctx *c, const quote *v, size_t nq, const tok *w, size_t start, size_t end,
                              enum gender want, bool any_name)
{
	const cand transparent = { SPK_PRON, 0, 0, 0, 0, 0, 0, 0 };
	size_t full_end = end;
	for (size_t k = start; k < end; k++) {
		bool pron;
		if (!is_cue(c, &w[k], &pron) || inside_quote(v, nq, w[k].s))
			continue;   /* (the cheaper test first) */
		if (pron)
			return transparent;
		cand r = verb_subject(c, w, start, end, k, 0.75f);
		if (r.kind == SPK_PRON) {
			/* "…, og han siger": only what comes before the pronoun can name him */
			for (size_t m = start; m < end; m++)
				if (w[m].s == r.s && want != G_ANY && pronoun_gender(&w[m]) == want) {
					end = m;
					break;
				}
			continue;
		}
		if (inside_quote(v, nq, r.s))
			continue;
		if (r.kind == SPK_DESC || (r.kind == SPK_NAME && span_gender_fits(c, r.ds, r.de, want)))
			return r;
	}
	for (size_t i = start; i < end; i++) {
		if ((!is_pron(&w[i]) && !name_word(&w[i]) && !is_det(&w[i])) || inside_quote(v, nq, w[i].s))
			continue;   /* (the cheaper tests first; an article may open "Die Kanzlerin reiste an") */
		if (is_pron(&w[i]) && pronoun_gender(&w[i]) == want && want != G_ANY)
			return transparent;
		cand role = german_role_subject(c, w, start, full_end, i, want);
		if (role.kind)
			return role;
		if (!name_word(&w[i]))
			continue;
		size_t e = run_end(w, full_end, i), rs = i, ne, re;
		i = e - 1;
		if (rs > start && w[rs - 1].kind == T_WORD && (w[rs - 1].lex & (LX_PREP | LX_DET)) &&
		    (!w[rs - 1].cap || w[rs - 1].sent) &&
		    !(c->lang == LANG_DE && (w[rs - 1].lex & LX_DET) && e - rs >= 2 && name_run_words(c, &w[e - 1]) >= 2))
			continue;   /* "À Saint-Amand", "in Berlin"; not "Die Grünen-Vorsitzende Ricarda Lang" */
		size_t ls = np_last_run(w, full_end, rs, e, &ne, &re);
		if (subject_like(c, w, full_end, rs, ne) && person_like(c, w, ls, re) && gender_fits(c, w, ls, re, want))
			return name_cand(c, w, ls, re, 0.75f);
	}
	if (end == full_end && any_name)
		for (size_t i = start; i < end; i++) {
			if (!name_word(&w[i]) || inside_quote(v, nq, w[i].s))
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
 * (outside the quotes v[0,nq)), the first that names a fitting subject.
 * singular: the pronoun's verb is singular (German "sie" is then "she"). */
static cand resolve_pronoun(const speech_ctx *c, const quote *v, size_t nq, size_t pos, const tok *pw, bool singular)
{
	const char *t = c->d->text;
	size_t s = pos > PRON_BYTES ? pos - PRON_BYTES : 0;
	size_t body = c->d->body < c->d->npara ? c->d->para[c->d->body].start : 0;
	if (s < body && pos > body)
		s = body;   /* the headline names no one */
	while (s > 0 && s < pos && t[s - 1] != ' ' && t[s - 1] != '\n')
		s++;
	size_t n;
	const tok *w = speech_tokens(c, s, pos, PRON_TOKENS, true, &n);
	enum gender want = pronoun_gender(pw);
	if (want == G_ANY && singular && c->lang == LANG_DE && !strcmp(pw->low, "sie"))
		want = G_FEMALE;   /* "sagte sie", not "sagten sie" */
	cand best = { 0 };
	size_t end = n;
	for (int sentences = 0; end > 0 && sentences < 14; sentences++) {
		/* the sentence w[start,end), its full stop included, so that "…, said Mr Fogg." ends */
		size_t start = end;
		while (start > 0) {
			if (start < end && (w[start - 1].kind == T_STOP || w[start].para))
				break;
			start--;
		}
		/* "Die Pläne der Regierung bezeichnete er als …": the words before the
		 * pronoun's own verb are its object, not the person; only a subject
		 * among them can be ("Nachdem Müller gelandet war, sagte er") */
		bool pron;
		bool inverted = sentences == 0 && end == n && end > start + 1 && w[end - 1].kind == T_WORD &&
		                is_cue(c, &w[end - 1], &pron);
		cand k = sentence_referent(c, v, nq, w, start, inverted ? end - 1 : end, want, !inverted);
		if (k.kind == SPK_NAME || k.kind == SPK_DESC) {
			best = k;
			break;
		}
		end = start;
	}
	return best;
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

/* "Mit den Worten „…“ verabschiedete sich X" / "Mit den Worten „…“, richtete
 * er …": the subject of the verb after the quote. */
static cand words_then_verb(const speech_ctx *c, const quote *q, size_t head_from, size_t tail_limit)
{
	const char *t = c->d->text;
	size_t e = q->open;
	while (e > head_from && t[e - 1] == ' ')
		e--;
	if (e < head_from + 6 || memcmp(t + e - 6, "Worten", 6))
		return (cand){ 0 };   /* the bytes first: this runs for every German quote */
	size_t n;
	const tok *h = speech_tokens(c, head_from, q->open, 4, true, &n);
	if (n < 3 || !these_words(c, h + n - 3))
		return (cand){ 0 };
	size_t end = q->close + TAIL_BYTES < tail_limit ? q->close + TAIL_BYTES : tail_limit;
	const tok *v = speech_tokens(c, q->close, end, WIN, false, &n);
	size_t i = 0;
	if (i < n && v[i].kind == T_COMMA)
		i++;
	if (i >= n || v[i].kind != T_WORD || v[i].cap)
		return (cand){ 0 };
	size_t stop = i;
	while (stop < n && v[stop].kind != T_STOP && v[stop].kind != T_COLON && v[stop].kind != T_SEMI &&
	       v[stop].kind != T_MARK && v[stop].kind != T_COMMA)
		stop++;
	cand r = subject_after(c, v, stop, i, 0.85f);
	r.cue_s = v[i].s;   /* the verb: the cue is one span of text, and the quote lies between */
	r.cue_e = v[i].e;
	return r;
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
	if (q->close > pe) {   /* a quote over several paragraphs: its attribution follows its end */
		size_t cs, ce;
		para_of(d, q->close, &cs, &ce);
		tail_limit = ce;
	}
	if (i + 1 < nq && v[i + 1].open < tail_limit && v[i + 1].open >= q->close)
		tail_limit = v[i + 1].open;
	if (q->unclosed)
		tail_limit = q->close;
	size_t head_from = ps;
	if (i > 0 && v[i - 1].close > head_from && v[i - 1].close <= q->open)
		head_from = v[i - 1].close;
	cand tail = q->dash ? (cand){ 0 } : from_tail(c, q, tail_limit);
	if (!tail.kind && c->lang == LANG_DE && !q->dash)
		tail = words_then_verb(c, q, head_from, tail_limit);
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

/* The first token of the sentence v[lo,n) after a label such as "Steuern:"
 * or "Europapolitik:" (a colon within its first words). */
static size_t after_label(const tok *v, size_t lo, size_t n)
{
	size_t first = lo;
	for (size_t j = lo; j < n && j < lo + LABEL_TOKENS; j++)
		if (v[j].kind == T_COLON)
			first = j + 1;
	return first;
}

/* Is the phrase k an article and an acronym: a party or an agency as German
 * names them ("Die SPD", "Der BGH")? */
static bool article_acronym(const speech_ctx *c, const tok *v, size_t n, cand k)
{
	for (size_t j = 0; j + 1 < n; j++)
		if (v[j].s == k.s)
			return c->lang == LANG_DE && is_det(&v[j]) && v[j + 1].e == k.e && v[j + 1].kind == T_WORD &&
			       all_caps(c, &v[j + 1]);
	return false;
}

/* The subject of the sentence that v[i] stands inside (without a cue), when
 * it is a name (or, in German, an article and an acronym) that opens the
 * sentence. */
static cand embedded_subject(const speech_ctx *c, const quote *v, size_t i, size_t ps)
{
	const quote *q = &v[i];
	size_t from = ps;
	if (i > 0 && v[i - 1].close > from && v[i - 1].close <= q->open)
		from = v[i - 1].close;
	head_win h;
	head_tokens(c, from, q->open, &h);
	if (h.lo >= h.n || h.n - h.lo < 3)
		return (cand){ 0 };
	cand k = clause_subject(c, h.v, h.n, h.lo, h.n, 0.45f);
	if (k.kind != SPK_NAME && !(k.kind == SPK_DESC && article_acronym(c, h.v, h.n, k)))
		return (cand){ 0 };
	/* it opens the sentence (after a label such as "Steuern:") */
	size_t first = after_label(h.v, h.lo, h.n);
	if (first >= h.n || k.s != h.v[first].s)
		return (cand){ 0 };
	return k;
}

/* The subject of the sentence right before v[i] when v[i] opens its sentence
 * in the same paragraph (ps: the paragraph start), for a quote nothing else
 * attributes. */
static cand sentence_before_subject(const speech_ctx *c, const quote *v, size_t i, size_t ps)
{
	const quote *q = &v[i];
	size_t from = ps;
	if (i > 0 && v[i - 1].close > from && v[i - 1].close <= q->open)
		return (cand){ 0 };   /* a quote stands between: continuation, not this */
	head_win h;
	head_tokens(c, from, q->open, &h);
	if (h.lo < h.n || h.lo < 2)
		return (cand){ 0 };   /* the quote does not open its sentence, or nothing before */
	size_t hi = h.lo - 1, lo = clause_start(h.v, hi);
	cand k = clause_subject(c, h.v, hi, lo, hi, 0.4f);
	/* the subject must open the sentence (after a label: "Europapolitik: Die SPD will …") */
	lo = after_label(h.v, lo, hi);
	if (k.kind && lo < hi && h.v[lo].s != k.s && !(k.kind == SPK_NAME && h.v[lo].cap && k.s <= h.v[lo].s + 40))
		return (cand){ 0 };
	return k;
}

/* Does q open its paragraph (ps: the paragraph start)? Such a quote goes on
 * from the quote of the paragraph before whoever said that; a quote inside a
 * sentence of a new paragraph ("Der Senat hat zugestimmt, die „…“ zu
 * ächten") only from a quote firmly attributed, not from one that a text
 * or a guess gave its source. */
static bool opens_paragraph(const speech_ctx *c, const quote *q, size_t ps)
{
	const char *t = c->d->text;
	while (ps < q->open && (t[ps] == ' ' || t[ps] == '\t'))
		ps++;
	return q->open <= ps + 2;
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
			size_t np;
			const tok *pw = speech_tokens(c, k.s, k.e, 1, false, &np);
			const char *t = c->d->text;
			bool singular = k.cue_e >= k.cue_s + 2 && memcmp(t + k.cue_e - 2, "en", 2);
			cand r = np ? resolve_pronoun(c, v, n, k.s, pw, singular) : (cand){ 0 };
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
		size_t pp = i > 0 ? doc_para_at(c->d, v[i - 1].open) : 0;
		if (i > 0 && v[i - 1].speaker &&
		    (pp == p || (pp + 1 == p && (opens_paragraph(c, q, ps) || v[i - 1].confidence >= 0.7f))))
			from = &v[i - 1];
		else if (i + 1 < n && direct_found[i + 1] && doc_para_at(c->d, v[i + 1].open) == p)
			from = &v[i + 1];
		/* "Mr Brown warned of being "distracted or diverted"": the subject of the
		 * sentence the quote stands in, before any earlier speaker */
		cand k = embedded_subject(c, v, i, ps);
		if (!k.kind && from && doc_para_at(c->d, from->open) != p) {
			/* a sentence of this paragraph before the quote says more than a
			 * quote of the paragraph before: "Die ÖDP will …. „Wir sammeln …“" */
			k = sentence_before_subject(c, v, i, ps);
			if (k.kind != SPK_NAME && k.kind != SPK_DESC)
				k.kind = SPK_NONE;
		}
		if (!from || k.kind) {
			/* "Die SPD will festhalten. „Wir wollen…“": the subject of the sentence before */
			if (!k.kind)
				k = sentence_before_subject(c, v, i, ps);
			if (k.kind == SPK_NAME || k.kind == SPK_DESC) {
				rc = set_speaker(c, q, &k);
				q->confidence = k.conf * (q->unclosed ? 0.8f : 1.0f);
			}
			continue;
		}
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
	/* ", siger han" / "– siger han" / ". Det siger X", in windows: this runs before the token pass */
	tok v[WIN];
	for (size_t pos = start; pos < pend;) {
		size_t n = tok_scan(c->d->text, pos, pend, c->lang, v, WIN);
		if (n < 3) {
			if (n && n == WIN)
				pos = v[n - 1].s;
			break;
		}
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
		pos = v[n - 3].s;   /* overlap: a pattern may straddle two windows */
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
	for (size_t pos = q->start; pos < q->end;) {
		size_t n = tok_scan(c->d->text, pos, q->end, c->lang, v, WIN);
		for (size_t k = 0; k + 2 < n; k++) {
			if (v[k].kind != T_COMMA && v[k].kind != T_DASH)
				continue;
			bool pron;
			size_t cue = k + 1;
			if (!is_cue(c, &v[cue], &pron) && !(aux_pron(&v[cue]) && cue + 1 < n && is_cue(c, &v[cue + 1], &pron)))
				continue;
			/* the clause ends within a few words at . , or a dash; words follow.
			 * Between dashes it may hold an apposition with its commas
			 * ("A - aggiunge X, presidente del sindacato - B"). */
			bool dashed = v[k].kind == T_DASH;
			for (size_t e = cue + 1; e < n && e < cue + (dashed ? 17 : 9); e++) {
				if (dashed && v[e].kind == T_COMMA)
					continue;
				if (v[e].kind == T_STOP || v[e].kind == T_COMMA || v[e].kind == T_DASH) {
					size_t words = 0;
					for (size_t f = e + 1; f < n && words < 2; f++)
						words += v[f].kind == T_WORD;
					if (words < 2)
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
			break;
		pos = v[n - 12].s;   /* overlap by a clause's length */
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
	/* "—añadió el ministro—. Prefiero…": the second part starts after the punctuation */
	while (second->start < second->end && strchr(" .,;:", c->d->text[second->start]))
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
		while (!rc && (!q.dash || c->lang == LANG_ES) && inner_clause(c, &q, &a, &b)) {
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
