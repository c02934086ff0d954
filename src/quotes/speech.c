/* The quotes layer, part two: who said each quote. See quotes.h and model.h.
 *
 * Each quote gets a list of candidate speakers: the mentions around it
 * (mention.c: the names, pronouns and descriptions of its sentence, the
 * sentences before it in its paragraph and the one before, and the
 * sentence after it), in Chinese and Japanese the subjects its cue
 * patterns point at (cjk.c), the speaker of the quote before, the person
 * the article names most (wherever that stands: the answers of an
 * interview), and "no speaker". Each candidate is described by atoms (feat.h: what kind of
 * mention, where it stands, how it stands to a cue word, what the quote's
 * own sentence holds...), which give its features; the learned weights
 * (model.c) sum them to a score, and the best candidate is resolved to the
 * speaker shown: a pronoun to the person it stands for, a name to its
 * fullest form in the article.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "combined.h"
#include "error.h"
#include "feat.h"
#include "speech.h"

#define MAX_BEFORE 5        /* mentions before a quote that are candidates */
#define MAX_AFTER 4         /* and after it */
#define MAX_CJK 4
#define MAX_ANTE 4          /* persons a pronoun may stand for, besides the speaker before */
#define MAX_PRONS 3         /* pronouns among the candidates */
#define MAX_FAR 2           /* and past those, speakers by a cue or subjects in the quote's sentence (and as many speakers in the one before) */
#define MAX_CANDS (3 + MAX_BEFORE + 2 * MAX_FAR + MAX_AFTER + MAX_CJK + MAX_PRONS * (MAX_ANTE + 1))
#define ANTE_SENTENCES 14   /* how far back a pronoun's person may stand */
#define ANTE_TOKENS 400
#define PRON_WALKS 8        /* pronouns whose persons (ante_walk) are kept for the quotes after */
#define BACK_PARAS 2        /* how many paragraphs back a candidate may stand */
#define PREV_PARAS 3        /* and the speaker of an earlier quote */
#define HEAD_TOKENS 60      /* how far back in its sentence a quote's head is read */
#define PREV_QUOTES 8       /* looked for among so many quotes back */
#define TEMPERATURE 1000.0  /* score units of the confidence's softmax (the weights are written times 1000) */

/* The quote and what stands around it. */
typedef struct qctx {
	const quote *q;
	size_t t0, t1;          /* first token at the quote's opening, first after its close */
	size_t hs;              /* the first token of its sentence */
	uint32_t sent, sent_end, para;
	bool cjk;
	long cue;               /* its primary cue: the cue word of its sentence nearest to it, -1 */
	feat_atoms at;          /* the quote's atoms, shared by its candidates */
	const quote *prev;      /* the last quote before it with a speaker, near enough */
	const uint16_t *spoken; /* quotes given so far to each name of the article */
	long prev_name;         /* the name entry of its speaker, -1 */
	long top;               /* the first mention of the article's most named person, -1 */
	const mention *cjk_top; /* (CJK) the article's most named person, NULL */
	size_t cjk_top_n;       /* how often it is named */
	bool prev_direct;       /* was its speaker by its own cue */
	bool report;            /* its sentence is reported speech without a cue (report_atoms) */
	long center_name;       /* who the sentences before it are about (find_center): a name entry, -1 */
	long center_mi;         /* and the mention, -1 when none */
	size_t body;            /* the first token of the article's body: a headline names no speaker */
} qctx;

#define RES_NONE (-1)        /* a pronoun without a person */
#define RES_PREV (-2)        /* a pronoun for the speaker of the quote before */
#define RES_TEXT (-3)        /* (CJK) a pronoun whose mention shows the person it stands for */

typedef struct cand {
	mention m;
	long mi;                /* index of the mention in the article, -1 */
	uint8_t kind;           /* enum mention_kind */
	long res;               /* a pronoun: the mention it stands for; RES_PREV, RES_NONE */
	feat_atoms at;
	int32_t score;
	int32_t rest;           /* the part of score without the antecedent's templates (feat_score_split) */
	size_t copy_of;         /* 1 + the candidate it was copied from (copy_or_add), 0 */
	char *speaker;          /* resolved, when asked for */
	bool spoken;            /* speaker computed */
} cand;

/* The persons a pronoun may stand for, as add_pronoun walks back to them:
 * the same for every quote the pronoun is a candidate of (half of them
 * are of the quote before too). */
typedef struct ante_walk {
	long mi;                /* the pronoun's mention */
	size_t ns;
	long seen[MAX_ANTE];    /* their mentions, the nearest first */
} ante_walk;

struct quote_cands {
	const speech_ctx *c;
	qctx x;                 /* the quote */
	cand v[MAX_CANDS];
	size_t n;
	size_t near;            /* the first mention after the quote before (mention_at_from) */
	uint16_t said[MAX_CANDS];   /* the candidates resolved (resolve), nsaid of them: their speakers to free */
	size_t nsaid;
	uint32_t ids[FEAT_PER_CAND];   /* the features of the candidate a learner asked for last */
	ante_walk walks[PRON_WALKS];   /* of the article's last pronouns, nwalks made in all (the oldest replaced) */
	size_t nwalks;
	int rc;
};

/* What the previous quotes decided, for the speaker of the quote before. */
typedef struct decided {
	long name;              /* name entry of the chosen mention, -1 */
	bool direct;            /* chosen for a cue of its own */
	size_t t0;              /* the first token at its opening (qctx's t0: the quotes after it look it up here) */
} decided;

/* ---- tokens ----------------------------------------------------------------------------- */

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

/* ---- the quote ---------------------------------------------------------------------- */

static bool ends_with_stop(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '"' || t[e - 1] == '\''))
		e--;
	if (e == s)
		return false;
	char ch = t[e - 1];
	return ch == '.' || ch == '!' || ch == '?' || (e - s >= 3 && !memcmp(t + e - 3, "\xE2\x80\xA6", 3)) ||
	       (e - s >= 3 && !memcmp(t + e - 3, "\xE3\x80\x82", 3));
}

static bool ends_with_question(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '"' || t[e - 1] == '\''))
		e--;
	return (e > s && t[e - 1] == '?') || (e - s >= 3 && !memcmp(t + e - 3, "\xEF\xBC\x9F", 3));
}

/* Does a question end right before the quote's opening mark (an
 * interview: the quote answers it, so its speaker is not whom the
 * question names)? */
static bool after_question(const char *t, size_t open)
{
	size_t k = open;
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\n' || t[k - 1] == '\r' || t[k - 1] == '\t'))
		k--;
	return (k > 0 && t[k - 1] == '?') || (k >= 3 && !memcmp(t + k - 3, "\xEF\xBC\x9F", 3));
}

/* Is a question asked in the text between the end of the quote before
 * and this one's opening (an interview: the one who answered the question
 * before answers this one too, whoever the question names)? */
bool speech_asked_between(const char *t, size_t from, size_t open)
{
	size_t k = from;
#ifdef __SSE2__
	/* this reads all the text between quotes: sixteen bytes at a time,
	 * the bytes that may start a question mark found at once */
	for (const __m128i qm = _mm_set1_epi8('?'), ef = _mm_set1_epi8((char)0xEF); k + 16 <= open; k += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + k));
		unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, qm), _mm_cmpeq_epi8(x, ef)));
		for (; hit; hit &= hit - 1) {
			size_t j = k + (size_t)__builtin_ctz(hit);
			if (t[j] == '?' || (j + 3 <= open && t[j + 1] == '\xBC' && t[j + 2] == '\x9F'))
				return true;
		}
	}
#endif
	for (; k < open; k++) {
		unsigned char ch = (unsigned char)t[k];   /* (a byte test first) */
		if (ch == '?' || (ch == 0xEF && k + 3 <= open && t[k + 1] == '\xBC' && t[k + 2] == '\x9F'))
			return true;
	}
	return false;
}

/* The atom QHEAD: what the quote's sentence says before it. */
static uint8_t head_atom(const tok *v, size_t hs, size_t t0)
{
	bool cue = false, accord = false, adjacent = false;
	size_t last = t0;
	while (last > hs && (v[last - 1].kind == T_COMMA || v[last - 1].kind == T_COLON || v[last - 1].kind == T_DASH))
		last--;
	for (size_t k = hs; k < t0; k++) {
		if (marked_cue(&v[k])) {
			cue = true;
			adjacent |= k + 3 >= last;
		}
		accord |= v[k].kind == T_WORD && (v[k].lex & (LX_ACCORD | LX_ACCORD_AFTER));
	}
	bool colon = t0 > hs && v[t0 - 1].kind == T_COLON;
	return adjacent ? 2 : accord ? 3 : cue ? 1 : colon ? 4 : 0;
}

/* Does the quote's sentence tell it in reported speech, without a cue
 * ("Der Plan sei „…“": a verb of the subjunctive before it, no cue word
 * near it)? Such a sentence goes on with what the one who spoke before
 * said; its subject is what is spoken of, not who speaks. */
static bool reported(const speech_art *a, const tok *v, const qctx *x)
{
	if ((x->at.v[A_QHEAD] && x->at.v[A_QHEAD] != 4) || x->at.v[A_QTAIL])
		return false;   /* (a colon may end it: "Das sei klar: „…“") */
	size_t s = x->hs;
	if (s == x->t0 && x->sent > 0 && !v[x->t0].para) {
		/* a quote that opens its sentence goes on with the one before */
		s = a->sstart[x->sent - 1];
		for (size_t k = s; k < x->hs; k++)
			if (marked_cue(&v[k]) || v[k].kind == T_QUOTE)
				return false;
	}
	for (size_t k = s; k < x->t0; k++)
		if (v[k].kind == T_WORD && !v[k].cap && (v[k].lex & LX_SUBJUNCTIVE))
			return true;
	return false;
}

/* The atom QTAIL: what follows the quote in its sentence. */
static uint8_t tail_atom(const speech_art *a, const tok *v, size_t n, size_t t1, uint32_t sent)
{
	size_t k = t1;
	if (k < n && (v[k].kind == T_COMMA || v[k].kind == T_DASH))
		k++;
	if (k < n && a->sent[k] == sent && v[k].kind == T_WORD && (v[k].lex & LX_CUE_TAIL))
		return 4;
	uint8_t r = 0;
	for (size_t j = k; j < n && a->sent[j] == sent && j < k + 30 && v[j].kind != T_QUOTE; j++) {
		if (v[j].kind == T_WORD && (v[j].lex & LX_ACCORD) && !r)
			r = 3;
		if (marked_cue(&v[j]))
			return j < k + 4 ? 1 : 2;
	}
	return r;
}

/* The cue word of the quote's sentence nearest to it (after it, a "so"
 * right after its comma counts): the one its speaker is the subject of. */
static long primary_cue(const speech_art *a, const tok *w, size_t n, const qctx *x)
{
	long best = -1;
	size_t bd = SIZE_MAX;
	for (size_t k = x->t1, d = 0; k < n && a->sent[k] == x->sent_end && w[k].kind != T_QUOTE && d < 30; k++, d++) {
		bool tail = d <= 1 && (w[k].lex & LX_CUE_TAIL) && w[k].kind == T_WORD;
		if (marked_cue(&w[k]) || tail) {
			best = (long)k;
			bd = d;
			break;
		}
	}
	for (size_t k = x->t0, d = 0; k > x->hs && d < bd && d < 30; k--, d++)
		if (marked_cue(&w[k - 1]))
			return (long)k - 1;
	return best;
}

/* The first token at or after pos, from k, the first at or after a
 * position before pos: the closing mark lies a token or two past the
 * quote's words, a walk there costs less than a search. */
static size_t first_at_from(const tok_doc *td, size_t k, size_t pos)
{
	for (size_t steps = 0; k < td->n && steps < 8; steps++, k++)
		if (td->v[k].s >= pos)
			return k;
	return k < td->n ? tok_doc_first_at(td, pos) : td->n;
}

static void quote_context(const speech_ctx *c, const speech_art *a, const quote *v, size_t i, const decided *dec,
                          qctx *x)
{
	const tok_doc *td = c->td;
	const tok *w = td->v;
	size_t n = td->n;
	const quote *q = &v[i];
	memset(x, 0, sizeof *x);
	x->q = q;
	x->cjk = speech_props(c) & LP_NO_SPACES;
	x->t0 = tok_doc_first_at(td, q->open);
	size_t te = tok_doc_first_at(td, q->end);
	x->t1 = q->close > q->end ? first_at_from(td, te, q->close) : te;
	if (x->t1 < x->t0)
		x->t1 = x->t0;
	size_t at = x->t0 < n ? x->t0 : n ? n - 1 : 0;
	x->sent = n ? a->sent[at] : 0;
	x->para = n ? speech_para(a, at) : 0;
	/* the sentence of the quote's last token (its words, or the full stop
	 * they end with), not of its closing mark, which a full stop leaves
	 * in the next sentence */
	x->sent_end = te > 0 && n ? a->sent[te - 1 < n ? te - 1 : n - 1] : x->sent;
	if (x->sent_end < x->sent)
		x->sent_end = x->sent;
	x->hs = n ? a->sstart[x->sent] : 0;
	if (x->hs > x->t0)
		x->hs = x->t0;
	if (x->t0 - x->hs > HEAD_TOKENS)
		x->hs = x->t0 - HEAD_TOKENS;   /* a sentence that never ends (hostile input) is read so far back */

	x->cue = n ? primary_cue(a, w, n, x) : -1;
	feat_atoms *at_ = &x->at;
	at_->v[A_QHEAD] = n ? head_atom(w, x->hs, x->t0) : 0;
	at_->v[A_QTAIL] = n ? tail_atom(a, w, n, x->t1, x->sent_end) : 0;
	x->report = n && !x->cjk && x->t0 < n && reported(a, w, x);
	bool opens_para = x->t0 >= n || x->t0 == 0 || w[x->t0].para;
	at_->v[A_QPOS] = opens_para ? 0 : x->hs == x->t0 ? 1 : 2;
	const char *t = c->d->text;
	bool comma = x->t1 < n && (w[x->t1].kind == T_COMMA || w[x->t1].kind == T_DASH) && a->sent[x->t1] == x->sent_end;
	at_->v[A_QEND] = ends_with_question(t, q->start, q->end) ? 3 : ends_with_stop(t, q->start, q->end) && !comma ? 1 :
	                 comma || (q->end > q->start && t[q->end - 1] == ',') ? 2 : 0;
	bool tail_empty = x->t1 >= n || w[x->t1].para ||
	                  (w[x->t1].kind == T_STOP && (x->t1 + 1 >= n || w[x->t1 + 1].para));
	at_->v[A_QALONE] = opens_para && tail_empty;
	at_->v[A_QASK] = after_question(t, q->open);
	at_->v[A_QASKED] = i > 0 && v[i - 1].close <= q->open && speech_asked_between(t, v[i - 1].close, q->open);
	at_->v[A_QTYPE] = q->inner ? 1 : q->dash ? 2 : q->unclosed ? 3 : 0;

	/* the quote before */
	at_->v[A_QPREV] = 0;
	x->prev_name = -1;
	if (i > 0) {
		size_t pt = dec[i - 1].t0;
		uint32_t ps = pt < n ? a->sent[pt] : x->sent, pp = pt < n ? speech_para(a, pt) : x->para;
		at_->v[A_QPREV] = ps == x->sent ? 1 : pp == x->para ? 2 : pp + 1 == x->para ? 3 : 4;
	}
	for (size_t j = i; j-- > 0 && i - j <= PREV_QUOTES;) {
		size_t pt = dec[j].t0;
		uint32_t pp = pt < n ? speech_para(a, pt) : x->para;
		if (pp + PREV_PARAS < x->para)
			break;
		if (v[j].speaker) {
			x->prev = &v[j];
			x->prev_name = dec[j].name;
			x->prev_direct = dec[j].direct;
			break;
		}
	}
}

/* Does the cue token k belong to the quote's own sentences (its head, its
 * tail or the sentence right after it)? */
static bool own_cue(const speech_art *a, const qctx *x, long k)
{
	if (k < 0 || x->cjk)
		return x->cjk && k >= 0;
	uint32_t s = a->sent[k];
	return s == x->sent || s == x->sent_end || (s == x->sent_end + 1 && a->spara[s] == x->para && (size_t)k >= x->t1);
}

/* The atom QSUBJ: does the quote's own cue have a subject among the mentions? */
static uint8_t subject_atom(const qctx *x, const quote_cands *qc, const speech_art *a)
{
	bool has_cue = x->at.v[A_QHEAD] == 1 || x->at.v[A_QHEAD] == 2 || x->at.v[A_QTAIL] == 1 ||
	               x->at.v[A_QTAIL] == 2 || x->at.v[A_QTAIL] == 4;
	for (size_t i = 0; i < qc->n; i++) {
		const mention *m = &qc->v[i].m;
		if (qc->v[i].mi < 0 && qc->v[i].kind != K_NAME && qc->v[i].kind != K_DESC && qc->v[i].kind != K_PRON)
			continue;
		bool subject = m->cuerel == CR_BEFORE || m->cuerel == CR_AFTER || m->cuerel == CR_APPOS ||
		               m->cuerel == CR_FUSED || m->cuerel == CR_ACCORD || m->cuerel == CR_FROM ||
		               m->cuerel == CR_ACCORD_AFTER;
		if (subject && own_cue(a, x, m->cue))
			return 1;
	}
	return has_cue ? 2 : 0;
}

/* ---- candidates ------------------------------------------------------------------------- */

/* The bucket of d among n: the first b with d <= limits[b], n - 1 past
 * them all. The limits rise, so that is how many of them d exceeds,
 * counted without a branch (a distance falls in one bucket or another at
 * random, a misprediction for many candidates). */
static inline uint8_t bucket(size_t d, const size_t *limits, uint8_t n)
{
	uint8_t b = 0;
#pragma GCC unroll 8
	for (uint8_t j = 0; j + 1 < n; j++)
		b = (uint8_t)(b + (d > limits[j]));
	return b;
}

uint8_t speech_bucket(size_t d, const size_t *limits, uint8_t n)
{
	return bucket(d, limits, n);
}

static uint8_t region_of(const speech_art *a, const qctx *x, const mention *m, bool after)
{
	if (x->cjk)
		return after ? 2 : 1;
	if (after)
		return m->sent == x->sent_end ? 2 : 3;
	if (m->sent == x->sent)
		return 1;
	if (m->para == x->para) {
		uint32_t d = x->sent - m->sent;
		return d == 1 ? 4 : d == 2 ? 5 : 6;
	}
	(void)a;
	return m->para + 1 == x->para ? 7 : 8;
}

static long name_of_res(const speech_ctx *c, const qctx *x, const cand *k)
{
	if (k->kind == K_PRON)
		return k->res >= 0 ? c->art->m[k->res].name : k->res == RES_PREV ? x->prev_name : -1;
	return k->m.name;
}

/* The atoms PSIDE, PRANK, PGAP, PCLAUSE: where k stands to the quote's
 * primary cue (which side, how many mentions between, how far, across a
 * comma or not). */
static void primary_atoms(const speech_ctx *c, const qctx *x, cand *k)
{
	static const size_t gap_limits[] = { 1, 3, 7 };
	const speech_art *a = c->art;
	const tok *w = c->td->v;
	const mention *m = &k->m;
	feat_atoms *at = &k->at;
	if (x->cue < 0 || x->cjk || k->mi < 0)
		return;
	size_t cue = (size_t)x->cue;
	if (a->sent[cue] != m->sent) {
		at->v[A_PSIDE] = 3;
		return;
	}
	bool before = m->b <= cue;
	size_t from = before ? m->b : cue + 1, to = before ? cue : m->a;
	if (!before && m->a <= cue)
		return;   /* the cue inside the mention (a pronoun joined to it) */
	at->v[A_PSIDE] = before ? 1 : 2;
	at->v[A_PGAP] = bucket(to - from, gap_limits, A_PGAP_N);
	bool clause = false;
	for (size_t t = from; t < to && !clause; t++)
		clause = w[t].kind == T_COMMA || w[t].kind == T_COLON || w[t].kind == T_SEMI || w[t].kind == T_QUOTE;
	at->v[A_PCLAUSE] = clause;
	size_t between = 0;
	for (size_t j = (size_t)k->mi; before ? j + 1 < a->nm : j > 0;) {
		j = before ? j + 1 : j - 1;
		const mention *o = &a->m[j];
		if (before ? o->a >= cue : o->b <= cue)
			break;
		between++;
	}
	at->v[A_PRANK] = (uint8_t)(between < 3 ? between : 3);
}

/* The value of the atom KIND for a kind of mention (a name of one word is a name). */
static uint8_t kind_atom(uint8_t kind)
{
	return kind >= K_NAME1 ? kind - 1 : kind;
}

/* The atom SPOKEN: how many quotes the name nm was given so far. */
static uint8_t spoken_atom(const qctx *x, long nm)
{
	if (nm < 0 || !x->spoken)
		return 0;
	return (uint8_t)(x->spoken[nm] < 2 ? x->spoken[nm] : 2);
}

/* The atom CENTER of a candidate standing for the name entry nm or the
 * mention mi: is it whom the sentences before the quote are about? */
static uint8_t center_atom(const qctx *x, long nm, long mi)
{
	if (x->center_mi < 0)
		return 0;
	return (nm >= 0 && nm == x->center_name) || (mi >= 0 && mi == x->center_mi) ? 2 : 1;
}

/* The atom PERSON of a name: what anywhere in the article shows it to be
 * someone who can speak (a cue's subject somewhere, else a title or role
 * that gives it a gender), so that a brand or a place a pronoun or a quote
 * happens to stand near weighs less than a person. */
static uint8_t person_atom(const name_info *e)
{
	return e->spoke ? 3 : e->gender != G_ANY ? 2 : e->loose ? 1 : 4;   /* (4: only ever "in X", "of X": a place) */
}

/* The atoms of a mention candidate. */
static void mention_atoms(const speech_ctx *c, const qctx *x, cand *k, bool after, size_t rank)
{
	static const size_t dist_limits[] = { 1, 3, 6, 10, 20 };
	static const size_t freq_limits[] = { 1, 2, 4 };
	const speech_art *a = c->art;
	const mention *m = &k->m;
	feat_atoms *at = &k->at;
	*at = x->at;
	at->v[A_KIND] = kind_atom(k->kind);
	at->v[A_NWORDS] = k->kind == K_NAME;
	at->v[A_REGION] = region_of(a, x, m, after);
	at->v[A_RANK] = (uint8_t)(rank < 3 ? rank : 3);
	size_t d = x->cjk ? 0 : after ? (m->a >= x->t1 ? m->a - x->t1 : 0) : (x->t0 >= m->b ? x->t0 - m->b : 0);
	at->v[A_DIST] = bucket(d, dist_limits, A_DIST_N);
	at->v[A_CUEREL] = m->cuerel;
	at->v[A_CUEQ] = m->cuerel == CR_NONE ? 0 : own_cue(a, x, m->cue) ? 1 : 2;
	at->v[A_PREP] = m->prep;
	at->v[A_POSS] = m->poss;
	at->v[A_SUBJ] = m->subj;
	at->v[A_PARAFIRST] = m->parafirst;
	at->v[A_GENDER] = m->gender;
	primary_atoms(c, x, k);
	if (m->name >= 0) {
		const name_info *e = &a->names[m->name];
		at->v[A_NAMEQ] = k->kind == K_ACRONYM ? 3 : (e->mid || e->words >= 2) ? 1 : 2;
		at->v[A_FULL] = e->words >= 2;
		at->v[A_FREQ] = bucket(e->count, freq_limits, A_FREQ_N);
		at->v[A_PERSON] = person_atom(e);
	}
	if (k->kind == K_PRON)
		at->v[A_RESOLVED] = k->res != RES_NONE ? 1 : 2;
	long nm = name_of_res(c, x, k);
	at->v[A_SAMEPREV] = !x->prev ? 0 : nm >= 0 && nm == x->prev_name ? 2 : 1;
	at->v[A_SPOKEN] = spoken_atom(x, nm);
	at->v[A_CENTER] = center_atom(x, nm, k->kind == K_PRON ? k->res : k->mi);
}

/* The atoms of the candidate "the article's most named person": what its
 * name entry says (how often named, a person, spoke before, the speaker
 * before), so that the weights learn when a quote with no speaker near it
 * is theirs (an interview, a portrait) and when it is nobody's. */
static void top_atoms(const speech_ctx *c, const qctx *x, cand *k)
{
	static const size_t freq_limits[] = { 1, 2, 4 };
	const name_info *e = &c->art->names[k->m.name];
	feat_atoms *at = &k->at;
	*at = x->at;
	at->v[A_KIND] = kind_atom(K_TOP);
	at->v[A_FREQ] = bucket(e->count, freq_limits, A_FREQ_N);
	at->v[A_PERSON] = person_atom(e);
	at->v[A_FULL] = e->words >= 2;
	at->v[A_SAMEPREV] = !x->prev ? 0 : k->m.name == x->prev_name ? 2 : 1;
	at->v[A_SPOKEN] = spoken_atom(x, k->m.name);
	at->v[A_CENTER] = center_atom(x, k->m.name, x->top);
}

/* A new candidate with its fields but the mention and the atoms set (each
 * field once, not the whole candidate cleared first: the callers set those
 * two, the atoms from the quote's). */
static cand *new_cand(quote_cands *qc, uint8_t kind, long mi, long res)
{
	cand *k = &qc->v[qc->n++];
	k->mi = mi;
	k->kind = kind;
	k->res = res;
	k->score = k->rest = 0;
	k->copy_of = 0;
	k->speaker = NULL;
	k->spoken = false;
	return k;
}

/* The same for the most named person of a Chinese or Japanese article. */
static void add_cjk_top(quote_cands *qc)
{
	static const size_t freq_limits[] = { 1, 2, 4 };
	const qctx *x = &qc->x;
	cand *k = new_cand(qc, K_TOP, -1, RES_NONE);
	k->m = *x->cjk_top;
	k->at = x->at;
	k->at.v[A_KIND] = kind_atom(K_TOP);
	k->at.v[A_FREQ] = bucket(x->cjk_top_n, freq_limits, A_FREQ_N);
}

static void special_atoms(const qctx *x, cand *k)
{
	k->at = x->at;
	k->at.v[A_KIND] = kind_atom(k->kind);
	if (k->kind == K_PREV) {
		k->at.v[A_PREVHOW] = x->prev_direct ? 1 : 2;
		k->at.v[A_CENTER] = center_atom(x, x->prev_name, -1);
	}
}

static void add_special(quote_cands *qc, uint8_t kind)
{
	cand *k = new_cand(qc, kind, -1, -1);
	memset(&k->m, 0, sizeof k->m);
	special_atoms(&qc->x, k);
}

static void add_top(quote_cands *qc)
{
	const speech_ctx *c = qc->c;
	cand *k = new_cand(qc, K_TOP, qc->x.top, RES_NONE);
	k->m = c->art->m[qc->x.top];
	k->m.cuerel = CR_NONE;   /* (its cue, if any, is not this quote's) */
	k->m.cue = -1;
	top_atoms(c, &qc->x, k);
}

static cand *add_mention(quote_cands *qc, const mention *m, long mi, bool after, size_t rank)
{
	cand *k = new_cand(qc, m->kind, mi, RES_NONE);
	k->m = *m;
	mention_atoms(qc->c, &qc->x, k, after, rank);
	return k;
}

/* The atoms of pronoun candidate k standing for mention j (the rank-th
 * person back); pick: the one the rules of mention_antecedent choose. Sets
 * only atoms of FEAT_ANTECEDENT_ATOMS: score_all takes the rest of a copy's
 * score from the candidate it was copied from. */
static void antecedent_atoms(const speech_ctx *c, const qctx *x, cand *k, long j, size_t rank, bool pick)
{
	const speech_art *a = c->art;
	feat_atoms *at = &k->at;
	k->res = j;
	at->v[A_RESOLVED] = 1;
	at->v[A_ANTPICK] = pick;
	at->v[A_ANTRANK] = (uint8_t)(rank < 3 ? rank : 3);
	long nm = name_of_res(c, x, k);
	at->v[A_SAMEPREV] = !x->prev ? 0 : nm >= 0 && nm == x->prev_name ? 2 : 1;
	at->v[A_SPOKEN] = spoken_atom(x, nm);
	at->v[A_CENTER] = center_atom(x, nm, j);
	if (j == RES_PREV) {
		at->v[A_ANTKIND] = 5;
		return;
	}
	const mention *m = &a->m[j];
	at->v[A_ANTPERSON] = m->name >= 0 ? person_atom(&a->names[m->name]) : 0;
	at->v[A_ANTKIND] = m->kind == K_NAME ? 1 : m->kind == K_NAME1 ? 2 : m->kind == K_ROLE ? 3 : 4;
	bool cue = m->cuerel == CR_BEFORE || m->cuerel == CR_AFTER || m->cuerel == CR_APPOS || m->cuerel == CR_ACCORD;
	at->v[A_ANTROLE] = m->cuerel == CR_TOLD || m->prep == 1 || m->poss ? 3 : cue ? 2 : m->subj ? 1 : 0;
	enum gender want = (enum gender)k->m.gender, g = (enum gender)m->gender;
	if (m->name >= 0 && a->names[m->name].gender)
		g = (enum gender)a->names[m->name].gender;
	at->v[A_ANTGEN] = want == G_ANY || g == G_ANY ? 0 : want == g ? 1 : 2;
	uint32_t d = k->m.sent - m->sent;
	at->v[A_ANTDIST] = (uint8_t)(d < 3 ? d : d <= 5 ? 3 : 4);
}

/* A candidate for the pronoun m: the first one made in full, the others
 * copied from it (*proto). */
static cand *copy_or_add(quote_cands *qc, const cand **proto, const mention *m, long mi, bool after, size_t rank)
{
	if (!*proto) {
		cand *k = add_mention(qc, m, mi, after, rank);
		*proto = k;
		return k;
	}
	cand *k = &qc->v[qc->n++];
	*k = **proto;
	k->copy_of = (size_t)(*proto - qc->v) + 1;   /* (the same but for FEAT_ANTECEDENT_ATOMS) */
	return k;
}

/* May mention m be the person a pronoun stands for? */
static bool antecedent_kind(const speech_ctx *c, const mention *m, const mention *p)
{
	if (p->gender == G_PLURAL)
		return m->kind == K_ORG || m->kind == K_ACRONYM || m->kind == K_ROLE || m->gender == G_PLURAL;
	return m->kind == K_NAME || m->kind == K_ROLE || (m->kind == K_NAME1 && mention_person_like(c, m));
}

/* Do the pronoun p and the person m have genders that clash, where every
 * name shows its gender (gendered_surnames: "ona" and a surname without a
 * woman's ending)? Elsewhere a name's gender is known from a title now and
 * then, and the weights (A_ANTGEN) decide. */
static bool gender_clash(const speech_ctx *c, const mention *m, const mention *p)
{
	if (!(speech_props(c) & LP_GENDERED_SURNAMES))
		return false;
	enum gender want = (enum gender)p->gender, g = (enum gender)m->gender;
	if (m->name >= 0 && c->art->names[m->name].gender)
		g = (enum gender)c->art->names[m->name].gender;
	return (want == G_MALE && g == G_FEMALE) || (want == G_FEMALE && g == G_MALE);
}

/* The persons the pronoun m (mention mi) may stand for: the nearest few,
 * one mention each, back to ANTE_SENTENCES and ANTE_TOKENS. */
static const ante_walk *ante_walk_of(quote_cands *qc, const mention *m, long mi)
{
	for (size_t i = 0; i < qc->nwalks && i < PRON_WALKS; i++)
		if (qc->walks[i].mi == mi)
			return &qc->walks[i];
	const speech_ctx *c = qc->c;
	const speech_art *a = c->art;
	ante_walk *w = &qc->walks[qc->nwalks++ % PRON_WALKS];
	w->mi = mi;
	w->ns = 0;
	for (size_t j = (size_t)mi; j-- > 0 && w->ns < MAX_ANTE;) {
		const mention *e = &a->m[j];
		if (m->sent - e->sent > ANTE_SENTENCES || m->a - e->a > ANTE_TOKENS || e->a < qc->x.body)
			break;
		if (!antecedent_kind(c, e, m) || gender_clash(c, e, m))
			continue;
		bool dup = false;
		for (size_t k = 0; k < w->ns && !dup; k++)
			dup = e->name >= 0 && a->m[w->seen[k]].name == e->name;
		if (!dup)
			w->seen[w->ns++] = (long)j;
	}
	return w;
}

/* A pronoun candidate becomes one candidate for each person it may stand
 * for (the nearest few, one mention each, and the speaker before): the
 * weights learn whom a pronoun means. */
static void add_pronoun(quote_cands *qc, const mention *m, long mi, bool after, size_t rank)
{
	const speech_ctx *c = qc->c;
	const cand *proto = NULL;   /* the pronoun's own atoms, the same for each person */
	long pick = mention_antecedent(c, (size_t)mi);
	const ante_walk *w = ante_walk_of(qc, m, mi);
	for (size_t r = 0; r < w->ns; r++) {
		cand *k = copy_or_add(qc, &proto, m, mi, after, rank);
		antecedent_atoms(c, &qc->x, k, w->seen[r], r, w->seen[r] == pick);
	}
	if (qc->x.prev) {
		cand *k = copy_or_add(qc, &proto, m, mi, after, rank);
		antecedent_atoms(c, &qc->x, k, RES_PREV, w->ns, false);
	}
	if (!w->ns && !qc->x.prev)
		add_mention(qc, m, mi, after, rank);   /* a pronoun without a person */
}

/* In Chinese and Japanese the cue words are not tokens: what the quote's
 * sentence says before and after it (QHEAD, QTAIL) is read from the cue
 * patterns that gave its candidates, as a cue word next to it would be. */
static void cjk_quote_atoms(qctx *x, const mention *cm, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		if (cm[i].cuerel != CR_BEFORE)
			continue;
		if (cm[i].ds >= x->q->close)
			x->at.v[A_QTAIL] = 1;
		else
			x->at.v[A_QHEAD] = 2;
	}
}

/* The subject of a sentence that may be a person or a body: who a quote
 * in that sentence reports when no cue says so. */
static bool subject_of_note(const mention *m)
{
	return m->subj && (m->kind == K_NAME || m->kind == K_NAME1 || m->kind == K_ROLE || m->kind == K_ORG ||
	                   m->kind == K_ACRONYM);
}

/* The one who spoke by a cue in the sentence before the quote may be its
 * speaker even where the nearest mentions are others ("X said on Monday
 * in Y after talks with A, B and C that ... . \"...\""): past mention i,
 * MAX_FAR of them that speak. */
static void add_speakers_before(quote_cands *qc, size_t i, size_t rank)
{
	const speech_art *a = qc->c->art;
	const qctx *x = &qc->x;
	for (size_t far = 0; x->sent && i > 0 && far < MAX_FAR; i--) {
		const mention *m = &a->m[i - 1];
		if (m->a < x->body || m->sent + 1 < x->sent)
			break;
		if (m->kind == K_PRON || !mention_speaks(m) || m->sent == x->sent)
			continue;
		add_mention(qc, m, (long)i - 1, false, rank++);
		far++;
	}
}

/* Whom the sentences before the quote's own are about (the centre of the
 * discourse): the subject of the nearest one whose subject is a person or
 * a body, a pronoun standing for the one it names, in the quote's
 * paragraph or the one before. A quote without a cue of its own, or with
 * a cue that has no subject ("Añadió que …", "Ha detto: …"), goes on with
 * what they were saying of that one. at: the first mention at or after
 * the quote. */
static void find_center(const speech_ctx *c, const speech_art *a, qctx *x, size_t at)
{
	x->center_name = x->center_mi = -1;
	for (size_t i = at; i > 0; i--) {
		const mention *m = &a->m[i - 1];
		if (m->para + 1 < x->para || m->a < x->body || m->sent + ANTE_SENTENCES < x->sent)
			return;   /* (bounded: a paragraph that never ends is read so far back) */
		if (m->sent >= x->sent || !m->subj)
			continue;
		long j = (long)i - 1;
		if (m->kind == K_PRON) {
			if ((j = mention_antecedent(c, (size_t)j)) < 0)
				continue;
			m = &a->m[j];
		} else if (!subject_of_note(m) || (m->kind == K_NAME1 && !mention_person_like(c, m))) {
			continue;
		}
		x->center_mi = j;
		x->center_name = m->name;
		return;
	}
}

static void gather(const speech_ctx *c, const speech_art *a, qctx *x, quote_cands *qc)
{
	mention cm[MAX_CJK];
	size_t ncjk = x->cjk ? cjk_mentions(c, x->q, cm, MAX_CJK) : 0;
	if (x->cjk)
		cjk_quote_atoms(x, cm, ncjk);
	/* the first mention at or after the quote (the search once: the centre and the candidates start there) */
	size_t at = x->cjk ? 0 : mention_at_from(a, (uint32_t)x->t0, qc->near);
	if (x->cjk)
		x->center_name = x->center_mi = -1;
	else
		find_center(c, a, x, at);
	add_special(qc, K_NONE);
	if (x->prev)
		add_special(qc, K_PREV);
	if (x->top >= 0)
		add_top(qc);
	if (x->cjk_top)
		add_cjk_top(qc);
	if (x->cjk) {
		for (size_t i = 0; i < ncjk; i++) {
			cand *k = add_mention(qc, &cm[i], -1, cm[i].ds >= x->q->close, i);
			if (cm[i].re > cm[i].rs) {
				k->res = RES_TEXT;
				k->at.v[A_RESOLVED] = 1;
			}
		}
		return;
	}
	size_t prons = 0, i = at, rank = 0;
	bool more = true;
	for (; i > 0 && rank < MAX_BEFORE; i--) {
		const mention *m = &a->m[i - 1];
		if (m->para + BACK_PARAS < x->para || m->a < x->body) {
			more = false;
			break;
		}
		if (m->kind == K_PRON && prons++ >= MAX_PRONS)
			continue;
		if (m->kind == K_PRON)
			add_pronoun(qc, m, (long)i - 1, false, rank++);
		else
			add_mention(qc, m, (long)i - 1, false, rank++);
	}
	/* in a long sentence (and where every noun has a capital) the nearest
	 * few may all be things and places: the one who speaks by a cue in
	 * the quote's sentence, or its subject, still stands ("X said on
	 * Tuesday in Y after a meeting with A, B and C that ...", "X had hoped
	 * that the money from A and B would go to C \"...\"") */
	for (size_t far = 0; more && i > 0 && far < MAX_FAR; i--) {
		const mention *m = &a->m[i - 1];
		if (m->a < x->body || m->sent < x->sent)
			break;
		if (m->kind == K_PRON || !(mention_speaks(m) || subject_of_note(m)))
			continue;
		add_mention(qc, m, (long)i - 1, false, rank++);
		far++;
	}
	qc->near = mention_at_from(a, (uint32_t)x->t1, at);
	for (size_t j = qc->near, rank_after = 0; j < a->nm && rank_after < MAX_AFTER; j++) {
		const mention *m = &a->m[j];
		if (m->para != x->para || m->sent > x->sent_end + 1)
			break;
		if (m->kind == K_PRON && prons++ >= MAX_PRONS)
			continue;
		if (m->kind == K_PRON)
			add_pronoun(qc, m, (long)j, true, rank_after++);
		else
			add_mention(qc, m, (long)j, true, rank_after++);
	}
	if (more)
		add_speakers_before(qc, i, rank);
}

/* ---- scores and the choice ---------------------------------------------------------- */

/* The atoms RKIND, RREGION, RSAME, RSUBJ of a candidate of a quote in
 * reported speech (feat.h); 0, as made, for the other quotes. */
static void report_atoms(feat_atoms *at)
{
	at->v[A_RKIND] = (uint8_t)(1 + at->v[A_KIND]);
	at->v[A_RREGION] = (uint8_t)(1 + at->v[A_REGION]);
	at->v[A_RSAME] = (uint8_t)(1 + at->v[A_SAMEPREV]);
	at->v[A_RSUBJ] = (uint8_t)(1 + at->v[A_SUBJ]);
}

static void score_all(const speech_ctx *c, quote_cands *qc, const int32_t *wc)
{
	uint8_t qsubj = subject_atom(&qc->x, qc, c->art);
	for (size_t i = 0; i < qc->n; i++) {
		cand *k = &qc->v[i];
		k->at.v[A_QSUBJ] = qsubj;
		if (qc->x.report)
			report_atoms(&k->at);
		if (!wc) {
			k->score = 0;
			continue;
		}
		if (k->copy_of) {
			k->rest = qc->v[k->copy_of - 1].rest;
			k->score = k->rest + feat_score_antecedent(&k->at, wc);
		} else {
			k->score = feat_score_split(&k->at, wc, &k->rest);
		}
	}
}

static size_t best_of(const quote_cands *qc)
{
	size_t b = 0;
	int32_t best = qc->n ? qc->v[0].score : 0;
	for (size_t i = 1; i < qc->n; i++)
		if (qc->v[i].score > best) {
			b = i;
			best = qc->v[i].score;
		}
	return b;
}

/* The speaker candidate k stands for, as shown (NULL: none). */
static const char *resolve(quote_cands *qc, cand *k)
{
	const speech_ctx *c = qc->c;
	if (k->spoken)
		return k->speaker;
	k->spoken = true;
	qc->said[qc->nsaid++] = (uint16_t)(k - qc->v);
	const mention *m = NULL;
	switch (k->kind) {
	case K_NONE:
		return NULL;
	case K_PREV:
		k->speaker = qc->x.prev ? strdup(qc->x.prev->speaker) : NULL;
		break;
	case K_PRON:
		if (k->res >= 0)
			m = &c->art->m[k->res];
		else if (k->res == RES_PREV)
			k->speaker = strdup(qc->x.prev->speaker);   /* "…," he said: the one who spoke before */
		else if (k->res == RES_TEXT)
			k->speaker = doc_flat_text(c->d, k->m.rs, k->m.re);
		break;
	default:
		m = &k->m;
		break;
	}
	if (m)
		k->speaker = k->mi < 0 && k->kind != K_PRON ? doc_flat_text(c->d, m->ds, m->de) : mention_display(c, m);
	if (!k->speaker && (m || k->kind == K_PREV || k->res == RES_PREV || k->res == RES_TEXT))
		qc->rc = Q_ENOMEM;
	if (k->speaker && !*k->speaker) {
		free(k->speaker);
		k->speaker = NULL;
	}
	return k->speaker;
}

/* x = n ln2/32 + r, |r| <= ln2/64: e^x = 2^(n/32) e^r, e^r by its series
 * to r^6 (its error below 1e-17), 2^(j/32) from a table. Within a few
 * units in the last place of exp: the float made of the sum is the
 * library's but where the sum lies within 1e-15 of the middle between two
 * floats (the same confidences on every corpus of the tests, where an exp
 * a candidate cost as much as scoring it). Inline in the softmax, its
 * call costing as much as the rest. */
static inline double exp_neg(double x)
{
	static const double exp2_32[32] = {
		0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
		0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
		0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0, 0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
		0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
		0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
		0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
		0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
		0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0, 0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0,
	};
	const double shift = 0x1.8p52, inv_ln2_32 = 0x1.71547652b82fep+5;
	const double ln2_32_hi = 0x1.62e42fef00000p-6, ln2_32_lo = 0x1.473de6af278edp-39;   /* n * hi is exact */
	if (!(x > -700.0 && x <= 0.0))
		return exp(x);
	double z = x * inv_ln2_32 + shift;   /* n = round(x * 32 / ln2) in z's low bits */
	uint64_t zb;
	memcpy(&zb, &z, sizeof zb);
	uint64_t u = zb - 0x4338000000000000ull + 32 * 1024;   /* n + 32 * 1024 >= 0: n >= -1010 * 32 */
	double nd = z - shift;
	double r = (x - nd * ln2_32_hi) - nd * ln2_32_lo;
	double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
	uint64_t eb = ((u >> 5) - 1) << 52;   /* 2^floor(n / 32): the exponent 1023 + u / 32 - 1024 */
	double two_k;
	memcpy(&two_k, &eb, sizeof two_k);
	return exp2_32[u & 31] * p * two_k;
}

double speech_exp_neg(double x)
{
	return exp_neg(x);
}

static float confidence(const quote_cands *qc, size_t b)
{
	double sum = 0;
	for (size_t i = 0; i < qc->n; i++)
		sum += i == b ? 1.0 : exp_neg(((double)qc->v[i].score - qc->v[b].score) / TEMPERATURE);
	return (float)(1.0 / sum);
}

/* Does token k lie in the quote's own sentences (its head to its tail)? */
static bool in_quote_sentences(const speech_art *a, const qctx *x, long k)
{
	return k >= 0 && a->sent[k] >= x->sent && a->sent[k] <= x->sent_end;
}

/* The cue of the quote's own sentences whose subject is a mention of the
 * one k names (a pronoun standing for them, or another mention of the same
 * name: "She added:", "Menurut dia"), the quote's primary cue first; -1
 * when none. */
static long cue_of_same_person(const quote_cands *qc, const cand *k)
{
	const qctx *x = &qc->x;
	long name = k->kind == K_PREV ? x->prev_name : name_of_res(qc->c, x, k);
	long found = -1;
	for (size_t i = 0; i < qc->n && name >= 0; i++) {
		const cand *o = &qc->v[i];
		if (o->mi >= 0 && mention_speaks(&o->m) && in_quote_sentences(qc->c->art, x, o->m.cue) &&
		    qc->c->td->v[o->m.cue].kind == T_WORD && name_of_res(qc->c, x, o) == name) {
			if (o->m.cue == x->cue)
				return x->cue;
			if (found < 0)
				found = o->m.cue;
		}
	}
	return found;
}

/* The cue word shown for the chosen k, -1 when none: the cue the mention
 * stands by; but where k stands by no cue of the quote's own sentences,
 * the cue there whose subject speaks of k (a pronoun standing for them or
 * another mention of them), or the quote's own cue without a subject in a
 * language that drops subjects ("—dijo.", ", ha spiegato."). */
static long shown_cue(const quote_cands *qc, const cand *k)
{
	const qctx *x = &qc->x;
	const speech_art *a = qc->c->art;
	if (k->kind == K_NONE || x->cjk)
		return -1;
	long own = k->kind != K_PREV && k->m.cuerel != CR_NONE ? k->m.cue : -1;
	if (own >= 0 && own_cue(a, x, own))
		return own;
	long same = cue_of_same_person(qc, k);
	if (same >= 0)
		return same;
	bool dropped = k->at.v[A_QSUBJ] == 2 && (speech_props(qc->c) & LP_PRO_DROP);
	return dropped && x->cue >= 0 && own_cue(a, x, x->cue) ? x->cue : own;
}

/* The text of the cue shown for the chosen k (shown_cue), NULL when none;
 * *rc Q_ENOMEM when it could not be made. */
static char *cue_text(const quote_cands *qc, const cand *k, int *rc)
{
	long cue = shown_cue(qc, k);
	if (cue < 0 || (size_t)cue >= qc->c->td->n)
		return NULL;
	const tok *w = &qc->c->td->v[cue];
	if (w->kind != T_WORD)
		return NULL;
	char *s = doc_flat_text(qc->c->d, w->s, w->e);
	if (!s)
		*rc = Q_ENOMEM;
	return s;
}

static void free_cands(quote_cands *qc)
{
	for (size_t j = 0; j < qc->nsaid; j++)   /* (most candidates were never resolved) */
		free(qc->v[qc->said[j]].speaker);
	qc->nsaid = 0;
	qc->n = 0;
}

static int attribute_one(const speech_ctx *c, const speech_art *a, quote *v, size_t i, decided *dec,
                         quote_cands *qc, const int32_t *wc, uint16_t *spoken, long top, const mention *ctop,
                         size_t ctop_n, size_t body)
{
	quote *q = &v[i];
	qctx *x = &qc->x;
	quote_context(c, a, v, i, dec, x);
	dec[i].t0 = x->t0;
	x->spoken = spoken;
	x->top = top;
	x->cjk_top = ctop;
	x->cjk_top_n = ctop_n;
	x->body = body;
	qc->c = c;
	qc->n = 0;
	qc->rc = 0;
	gather(c, a, x, qc);
	score_all(c, qc, wc);
	size_t b = best_of(qc);
	const quote_chooser *ch = c->opts ? c->opts->chooser : NULL;
	if (ch && ch->choose)
		b = ch->choose(ch->ctx, c->d, q, qc);
	if (b >= qc->n)
		b = 0;
	cand *k = &qc->v[b];
	const char *spk = resolve(qc, k);
	int rc = qc->rc;
	free(q->speaker);
	free(q->cue);
	q->speaker = NULL;
	q->cue = NULL;
	q->spk_start = q->spk_end = 0;
	dec[i].name = -1;
	dec[i].direct = false;
	if (!rc && spk) {
		q->speaker = k->speaker;   /* the string resolve made, not a copy of it: free_cands passes over it */
		k->speaker = NULL;
	}
	if (!rc && q->speaker) {
		if (k->kind == K_PREV) {
			q->spk_start = x->prev->spk_start;
			q->spk_end = x->prev->spk_end;
			dec[i].name = x->prev_name;
			dec[i].direct = false;
		} else {
			const tok *t = c->td->v;
			bool tokens = k->mi >= 0 && k->m.b > 0 && k->m.b <= c->td->n;
			q->spk_start = tokens ? t[k->m.a].s : k->m.ds;
			q->spk_end = tokens ? t[k->m.b - 1].e : k->m.de;
			dec[i].name = name_of_res(c, x, k);
			dec[i].direct = k->at.v[A_CUEQ] == 1 || x->cjk;
		}
		q->cue = cue_text(qc, k, &rc);
	}
	q->confidence = confidence(qc, b) * (q->unclosed ? 0.8f : 1.0f);   /* where it ends is a guess too */
	if (spoken && dec[i].name >= 0 && spoken[dec[i].name] < UINT16_MAX)
		spoken[dec[i].name]++;
	free_cands(qc);
	return rc;
}

/* The first mention of the person the article names most often (twice at
 * least, in full or as a cue's subject somewhere), -1 when none. */
static long top_person(const speech_art *a)
{
	long best = -1;
	unsigned most = 1;
	for (size_t i = 0; i < a->ncap; i++) {
		const name_info *e = &a->names[i];
		if (e->w && e->count > most && (e->words >= 2 || e->spoke)) {
			most = e->count;
			best = (long)i;
		}
	}
	if (best < 0)
		return -1;
	for (size_t j = 0; j < a->nm; j++)
		if (a->m[j].name == best && a->m[j].kind == K_NAME)
			return (long)j;
	return -1;
}

/* Room for the decisions of n quotes and the counts of names names, zeroed
 * (calloc's answer), in the block the article keeps for the next: two
 * callocs and frees an article were a cold read of their code. Sets
 * neither without memory. */
static void said_room(speech_art *art, size_t n, size_t names, decided **dec, uint16_t **spoken)
{
	_Static_assert(sizeof(decided) % sizeof(uint16_t) == 0, "the counts follow the decisions aligned");
	if (n > (SIZE_MAX / 2) / sizeof(decided) || names > (SIZE_MAX / 2) / sizeof(uint16_t))
		return;
	size_t bytes = n * sizeof(decided), room = bytes + names * sizeof(uint16_t);
	if (art->saidroom < room) {
		free(art->said);
		art->said = malloc(room);
		art->saidroom = art->said ? room : 0;
		if (!art->said)
			return;
	}
	memset(art->said, 0, room);
	*dec = art->said;
	*spoken = (uint16_t *)(void *)((char *)art->said + bytes);
}

int speech_attribute(const speech_ctx *c, quote *v, size_t n)
{
	if (!n)
		return 0;
	const speech_art *a = speech_art_get(c);
	if (!a)
		return c->art->rc ? c->art->rc : Q_ENOMEM;
	const quote_model *model = c->opts && c->opts->model ? c->opts->model : quote_model_default();
	const int32_t *w = model_weights_of(model);
	const int32_t *fixed = combined_for(c->opts, w, c->lang);   /* made once a run (quotes_opts_fix_model) */
	int32_t *wc = w && !fixed ? malloc(FEAT_N * sizeof *wc) : NULL;
	if (wc)
		feat_combine(w, c->lang, wc);
	if (!c->art->qc)   /* (kept for the article's other quotes, and the articles after it: quotes_work) */
		c->art->qc = malloc(sizeof *c->art->qc);
	quote_cands *qc = c->art->qc;
	decided *dec = NULL;
	uint16_t *spoken = NULL;
	said_room(c->art, n, a->ncap ? a->ncap : 1, &dec, &spoken);
	int rc = dec && qc && spoken && (wc || fixed || !w) ? 0 : Q_ENOMEM;
	if (qc) {
		qc->near = 0;
		qc->nsaid = 0;
		qc->nwalks = 0;   /* (another article's mentions) */
	}
	bool cjk = speech_props(c) & LP_NO_SPACES;
	long top = cjk ? -1 : top_person(a);
	mention ctop;
	size_t ctop_n = 0;
	bool has_ctop = cjk && cjk_top_person(c, &ctop, &ctop_n);
	/* (the tokens are in the text's order: a mention starts before the body
	 * when its first token lies before the body's first) */
	const doc *d = c->d;
	size_t body = tok_doc_first_at(c->td, d->body < d->npara ? d->para[d->body].start : 0);
	for (size_t i = 0; i < n && !rc; i++)
		rc = attribute_one(c, a, v, i, dec, qc, fixed ? fixed : wc, spoken, top, has_ctop ? &ctop : NULL, ctop_n,
		                   body);
	free(wc);
	return rc;
}

/* ---- the chooser's view ------------------------------------------------------------------ */

size_t quote_cands_n(const quote_cands *c)
{
	return c->n;
}

const uint32_t *quote_cands_features(quote_cands *c, size_t i, size_t *n)
{
	*n = FEAT_PER_CAND;
	feat_ids(&c->v[i].at, c->c->lang, c->ids);   /* (only a learner asks) */
	return c->ids;
}

const char *quote_cands_speaker(quote_cands *c, size_t i)
{
	return i < c->n ? resolve(c, &c->v[i]) : NULL;
}

int32_t quote_cands_score(const quote_cands *c, size_t i)
{
	return i < c->n ? c->v[i].score : 0;
}
