/* The quotes layer, part one: quotation spans. See quotes.h.
 *
 * Each paragraph is scanned for quotation marks with a byte table (a mark
 * starts with '"', '\'', ',', 0xC2, 0xE2, 0xE3 or 0xEF), and the marks are paired
 * with a small stack: a mark closes the nearest open quote whose convention
 * it ends, else it may open one. Whether a mark can open or close depends on
 * what stands beside it (space, letter) and on the convention, so that
 * „…“, »…«, ”…” and ’90s all come out right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "error.h"
#include "grow.h"
#include "quotes.h"
#include "cjk.h"
#include "combined.h"
#include "filter.h"
#include "model.h"
#include "speech.h"
#include "tok.h"

/* The quotation marks. */
enum mark_ch {
	MK_NONE,
	MK_DQ,        /* " */
	MK_SQ,        /* ' */
	MK_LDQ,       /* “ */
	MK_RDQ,       /* ” */
	MK_LOW9,      /* „ */
	MK_HIGH9,     /* ‟ */
	MK_LSQ,       /* ‘ */
	MK_RSQ,       /* ’ */
	MK_LOW9S,     /* ‚ */
	MK_LAQ,       /* « */
	MK_RAQ,       /* » */
	MK_LSAQ,      /* ‹ */
	MK_RSAQ,      /* › */
	MK_LCORNER,   /* 「 */
	MK_RCORNER,   /* 」 */
	MK_LWCORNER,  /* 『 */
	MK_RWCORNER,  /* 』 */
	MK_FWDQ,      /* ＂ */
	MK_DAPOS,     /* '' two apostrophes: a typewriter's closing double mark (,,…'' and ''…'') */
	MK_DCOMMA,    /* ,, two commas: a typewriter's „ (Dutch newspapers) */
	MK_LPRIME,    /* 〝 */
	MK_RPRIME,    /* 〞 or 〟 */
	MK_LHCORNER,  /* ｢ (half-width 「) */
	MK_RHCORNER,  /* ｣ */
};

#define BIT(m) (1u << (m))
#define MAX_DEPTH 8
/* In an article larger than this, text farther than these many bytes from
 * every quote is not tokenized (the attribution windows reach less far). */
#define BIG_ARTICLE (64 * 1024)
#define NEAR_BEFORE 2400
#define NEAR_AFTER 600
/* The words an attribution clause after dash speech may take. */
#define ATTR_TOKENS 24
/* The tokens of dash speech read for an attribution whose verb is unknown
 * (its first sentence), and the words its subject may take. */
#define DASH_TOKENS 96
#define ATTR_SUBJECT 6

/* Bytes that can start a quotation mark (a comma only when doubled). */
static const unsigned char mark_lead[256] = {
	['"'] = 1, ['\''] = 1, [','] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* The mark at p (avail bytes), its length in *len; MK_NONE when none. */
static enum mark_ch mark_at(const unsigned char *p, size_t avail, int *len)
{
	*len = 1;
	switch (p[0]) {
	case '"': return MK_DQ;
	case '\'':
		/* ''' is a single mark and then a double one: 'a term''' */
		if (avail >= 2 && p[1] == '\'' && !(avail >= 3 && p[2] == '\'')) {
			*len = 2;
			return MK_DAPOS;
		}
		return MK_SQ;
	case ',':
		*len = 2;
		return avail >= 2 && p[1] == ',' ? MK_DCOMMA : MK_NONE;
	case 0xC2:
		*len = 2;
		if (avail < 2)
			return MK_NONE;
		return p[1] == 0xAB ? MK_LAQ : p[1] == 0xBB ? MK_RAQ : MK_NONE;
	case 0xE2:
		*len = 3;
		if (avail < 3 || p[1] != 0x80)
			return MK_NONE;
		switch (p[2]) {
		case 0x98: return MK_LSQ;
		case 0x99: return MK_RSQ;
		case 0x9A: return MK_LOW9S;
		case 0x9B: return MK_LSQ;
		case 0x9C: return MK_LDQ;
		case 0x9D: return MK_RDQ;
		case 0x9E: return MK_LOW9;
		case 0x9F: return MK_HIGH9;
		case 0xB9: return MK_LSAQ;
		case 0xBA: return MK_RSAQ;
		default: return MK_NONE;
		}
	case 0xE3:
		*len = 3;
		if (avail < 3 || p[1] != 0x80)
			return MK_NONE;
		switch (p[2]) {
		case 0x8C: return MK_LCORNER;
		case 0x8D: return MK_RCORNER;
		case 0x8E: return MK_LWCORNER;
		case 0x8F: return MK_RWCORNER;
		case 0x9D: return MK_LPRIME;
		case 0x9E: case 0x9F: return MK_RPRIME;
		default: return MK_NONE;
		}
	case 0xEF:
		*len = 3;
		if (avail < 3)
			return MK_NONE;
		if (p[1] == 0xBC && p[2] == 0x82)
			return MK_FWDQ;
		if (p[1] == 0xBD && (p[2] == 0xA2 || p[2] == 0xA3))
			return p[2] == 0xA2 ? MK_LHCORNER : MK_RHCORNER;
		return MK_NONE;
	default:
		return MK_NONE;
	}
}

/* The marks that close a quote opened by m. */
static unsigned closers(enum mark_ch m)
{
	switch (m) {
	case MK_DQ: return BIT(MK_DQ);
	case MK_LDQ: case MK_HIGH9: return BIT(MK_RDQ);
	case MK_RDQ: return BIT(MK_RDQ);
	case MK_LOW9: return BIT(MK_LDQ) | BIT(MK_RDQ);
	case MK_DCOMMA: return BIT(MK_DAPOS);
	case MK_DAPOS: return BIT(MK_DAPOS);
	case MK_SQ: return BIT(MK_SQ);
	case MK_LSQ: return BIT(MK_RSQ);
	case MK_RSQ: return BIT(MK_RSQ);
	case MK_LOW9S: return BIT(MK_LSQ) | BIT(MK_RSQ);
	case MK_LAQ: return BIT(MK_RAQ);
	case MK_RAQ: return BIT(MK_LAQ) | BIT(MK_RAQ);
	case MK_LSAQ: return BIT(MK_RSAQ);
	case MK_RSAQ: return BIT(MK_LSAQ) | BIT(MK_RSAQ);
	case MK_LCORNER: return BIT(MK_RCORNER);
	case MK_LWCORNER: return BIT(MK_RWCORNER);
	case MK_FWDQ: return BIT(MK_FWDQ);
	case MK_LPRIME: return BIT(MK_RPRIME);
	case MK_LHCORNER: return BIT(MK_RHCORNER);
	default: return 0;
	}
}

/* The marks of another convention that may close a quote opened by m when
 * they stand against its last word: copy edited in two tools pairs a
 * straight mark with a curly one ("…” and “…"), and the typewriter's ,,
 * is closed by any double mark. */
static unsigned mixed_closers(enum mark_ch m)
{
	switch (m) {
	case MK_DQ: return BIT(MK_RDQ);
	case MK_LDQ: case MK_HIGH9: case MK_LOW9: return BIT(MK_DQ);
	case MK_DCOMMA: return BIT(MK_DQ) | BIT(MK_LDQ) | BIT(MK_RDQ);
	default: return 0;
	}
}

/* Single-level marks: apostrophe look-alikes, and they do not close across
 * an open double-level quote. */
static bool single_level(enum mark_ch m)
{
	return m == MK_SQ || m == MK_LSQ || m == MK_RSQ || m == MK_LOW9S || m == MK_LSAQ || m == MK_RSAQ;
}

/* What stands beside a mark. */
typedef struct side {
	bool space_before, space_after;   /* or the paragraph edge */
	bool alnum_before, alnum_after;
	bool digit_after;
	bool stop_before;                 /* . ! ? (and a space) before: a new sentence */
	bool para_start;                  /* nothing but white space before it in its paragraph */
	bool elision_after;               /* 's, 't, 'k, 'n: a word cut short ('s middags, 't is), not a quote */
} side;

/* A mark or bracket that ends what a sentence may end inside. */
static bool closing_punct(unsigned c)
{
	return c == '\'' || c == '"' || c == ')' || c == 0x2019 || c == 0x201D || c == 0xBB;
}

static side look_around(const char *t, size_t pos, size_t len, size_t pstart, size_t pend)
{
	side s;
	unsigned b = char_before(t, pos, pstart);
	unsigned a = ' ';
	if (pos + len < pend) {
		int l;
		a = tok_decode(t + pos + len, pend - pos - len, &l);
	}
	s.space_before = tok_is_space(b);
	s.space_after = tok_is_space(a);
	s.alnum_before = tok_is_alnum(b);
	s.alnum_after = tok_is_alnum(a);
	s.digit_after = a >= '0' && a <= '9';
	size_t after = pos + len + 1;   /* past the letter a, when it is ASCII */
	s.elision_after = after < pend && (a == 's' || a == 't' || a == 'k' || a == 'n') &&
	                  (unsigned char)t[after] < 0x80 && !tok_is_alnum((unsigned char)t[after]);
	s.stop_before = false;
	s.para_start = false;
	if (s.space_before) {
		size_t i = pos;
		while (i > pstart && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n'))
			i--;
		s.para_start = i <= pstart;
		unsigned c = char_before(t, i, pstart);
		/* the sentence may end inside a quote or a bracket: "…it?' "To …" */
		for (int k = 0; k < 2 && i > pstart && closing_punct(c); k++) {
			i--;   /* back over c, a code point */
			while (i > pstart && ((unsigned char)t[i] & 0xC0) == 0x80)
				i--;
			c = char_before(t, i, pstart);
		}
		s.stop_before = c == '.' || c == '!' || c == '?' || c == 0x2026;
	}
	return s;
}

typedef struct open_mark {
	size_t pos;
	int len;
	enum mark_ch ch;
} open_mark;

/* The quotes found so far and the pairing state, which lives across the
 * paragraphs of a multi-paragraph quote. */
typedef struct finder {
	const doc *d;
	quote *v;
	size_t n, cap;
	open_mark stack[MAX_DEPTH];
	int depth;
	size_t skip_mark;          /* a continuation mark to pass over (SIZE_MAX: none) */
	bool commas;               /* the text holds a doubled comma, the typewriter's „ */
} finder;

/* Does t[0,n) hold two commas in a row? Sixteen bytes and the sixteen
 * after the first of them compared at a time, one branch for the lot (a
 * call of memchr for every comma of the article cost as much again, and
 * its end went either way), far less than a look at every comma in the
 * mark scan would cost. */
static bool has_double_comma(const char *t, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i comma = _mm_set1_epi8(',');
	for (; i + 17 <= n; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1));
		if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, comma), _mm_cmpeq_epi8(b, comma))))
			return true;
	}
#endif
	for (; i + 1 < n; i++)
		if (t[i] == ',' && t[i + 1] == ',')
			return true;
	return false;
}

static int push_quote(finder *f, size_t open, size_t start, size_t end, size_t close, int depth, bool unclosed)
{
	const char *t = f->d->text;
	while (start < end && (t[start] == ' ' || t[start] == '\t' || t[start] == '\n'))
		start++;
	while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n'))
		end--;
	/* French spacing: « Bonjour » has no-break spaces inside the marks */
	while (end - start >= 2 && (!memcmp(t + start, "\xC2\xA0", 2)))
		start += 2;
	while (end - start >= 2 && !memcmp(t + end - 2, "\xC2\xA0", 2))
		end -= 2;
	while (end - start >= 3 && !memcmp(t + start, "\xE2\x80\xAF", 3))
		start += 3;
	while (end - start >= 3 && !memcmp(t + end - 3, "\xE2\x80\xAF", 3))
		end -= 3;
	if (end <= start)
		return 0;
	if (GROW(f->v, f->cap, f->n + 1, 16))
		return Q_ENOMEM;
	quote *q = &f->v[f->n++];
	memset(q, 0, sizeof *q);
	q->open = open;
	q->start = start;
	q->end = end;
	q->close = close;
	q->spk_start = q->spk_end = 0;
	q->depth = depth;
	q->unclosed = unclosed;
	return 0;
}

/* Index of the open quote that mark m closes, or -1. */
static int closes(const finder *f, enum mark_ch m, const side *s)
{
	for (int i = f->depth - 1; i >= 0; i--) {
		if ((mixed_closers(f->stack[i].ch) & BIT(m)) && !s->space_before && (!s->alnum_after || !s->alnum_before))
			return i;   /* against the last word (or its punctuation), and not before a word */
		if (closers(f->stack[i].ch) & BIT(m)) {
			enum mark_ch o = f->stack[i].ch;
			bool symmetric = o == m;
			bool straight = m == MK_DQ || m == MK_DAPOS;
			if (single_level(m) && s->space_before)
				return -1;   /* ' or ’ after a space opens or is an elision */
			if (symmetric && straight && s->space_before && !s->space_after && i == f->depth - 1 &&
			    s->stop_before && s->alnum_after)
				return -2;   /* a new paragraph of the same quote, run into this one (not "…! ", he said) */
			if (symmetric && s->space_before && !s->space_after && !straight && m != MK_FWDQ)
				return -1;
			return i;
		}
		if (single_level(m))
			return -1;   /* a single mark does not reach across an inner quote */
	}
	return -1;
}

static bool opens(enum mark_ch m, const side *s)
{
	switch (m) {
	case MK_DQ: case MK_FWDQ: case MK_DAPOS: case MK_DCOMMA:
		/* a straight mark opening its paragraph opens, even set off by a space */
		return (!s->space_after || s->para_start) && !s->alnum_before;
	case MK_SQ: case MK_LSQ:
		return !s->alnum_before && s->alnum_after && !s->digit_after && !s->elision_after;
	case MK_RSQ:
		return (s->space_before || !s->alnum_before) && s->alnum_after && !s->digit_after && !s->elision_after;
	case MK_LOW9S:
		return !s->alnum_before && !s->space_after;
	case MK_RDQ: case MK_RAQ: case MK_RSAQ:
		return !s->alnum_before && !s->space_after;
	case MK_LDQ: case MK_HIGH9: case MK_LOW9: case MK_LAQ: case MK_LSAQ: case MK_LCORNER: case MK_LWCORNER:
	case MK_LPRIME: case MK_LHCORNER:
		return true;
	default:
		return false;
	}
}

static int handle_mark(finder *f, enum mark_ch m, size_t pos, int len, size_t pstart, size_t pend)
{
	if (pos == f->skip_mark)
		return 0;
	const char *t = f->d->text;
	side s = look_around(t, pos, (size_t)len, pstart, pend);
	if (single_level(m) && m != MK_LSAQ && m != MK_RSAQ && s.alnum_before && s.alnum_after)
		return 0;   /* don't, l’homme, O'Brien */
	int i = closes(f, m, &s);
	if (i == -2)
		return 0;
	if (i >= 0) {
		open_mark o = f->stack[i];
		f->depth = i;
		return push_quote(f, o.pos, o.pos + (size_t)o.len, pos, pos + (size_t)len, i, false);
	}
	if (!opens(m, &s) || f->depth == MAX_DEPTH)
		return 0;
	f->stack[f->depth++] = (open_mark){ pos, len, m };
	return 0;
}

/* The first mark of paragraph p when it opens the paragraph. */
static enum mark_ch leading_mark(const doc *d, size_t p, size_t *pos, int *len)
{
	const char *t = d->text;
	size_t i = d->para[p].start, e = d->para[p].end;
	while (i < e && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i >= e || !mark_lead[(unsigned char)t[i]])
		return MK_NONE;
	*pos = i;
	return mark_at((const unsigned char *)t + i, e - i, len);
}

static inline size_t next_lead(const char *t, size_t i, size_t e, bool commas);

/* Is the first mark of paragraph p one that closes a quote opened by o,
 * set against the word before it ("…poverty." said)? Then the quote went on
 * into p without its mark repeated: a paragraph cut inside a quote, as the
 * reflow of hard-wrapped copy sometimes does ("the U.S." ending a line). */
static bool closed_in(const finder *f, size_t p, enum mark_ch o)
{
	const char *t = f->d->text;
	size_t s = f->d->para[p].start, e = f->d->para[p].end;
	size_t i = next_lead(t, s, e, f->commas);
	int len;
	enum mark_ch m = MK_NONE;
	while (i < e && (m = mark_at((const unsigned char *)t + i, e - i, &len)) == MK_NONE)
		i = next_lead(t, i + 1, e, f->commas);
	if (m == MK_NONE || !(closers(o) & BIT(m)))
		return false;
	side sd = look_around(t, i, (size_t)len, s, e);
	return !sd.space_before && (sd.space_after || !sd.alnum_after);
}

/* At the end of paragraph p: an open quote goes on when the next paragraph
 * opens with a quotation mark, or when its first mark closes the quote;
 * else it ends here. Inner open quotes end. */
static int end_paragraph(finder *f, size_t p)
{
	if (!f->depth)
		return 0;
	const doc *d = f->d;
	open_mark outer = f->stack[0];
	f->depth = 0;
	size_t pos;
	int len;
	if (p + 1 < d->npara) {
		enum mark_ch m = leading_mark(d, p + 1, &pos, &len);
		if (m != MK_NONE && (m == outer.ch || (closers(outer.ch) & BIT(m)) == 0) &&
		    single_level(m) == single_level(outer.ch) && m != MK_RCORNER && m != MK_RWCORNER &&
		    m != MK_RPRIME && m != MK_RHCORNER) {
			f->stack[f->depth++] = outer;
			f->skip_mark = pos;
			return 0;
		}
	}
	if (p + 1 < d->npara && closed_in(f, p + 1, outer.ch)) {
		f->stack[f->depth++] = outer;
		return 0;
	}
	if (single_level(outer.ch))
		return 0;   /* an unclosed ‘ is far more often an apostrophe than a quote */
	return push_quote(f, outer.pos, outer.pos + (size_t)outer.len, d->para[p].end, d->para[p].end, 0, true);
}

/* Languages whose news marks speech with a dash opening the paragraph. */
static bool dash_lang(enum lang l)
{
	return lex_lang_props(l) & LP_DASH_SPEECH;
}

/* Length of the speech dash at the start of t[i..e): "– ", "— " or "- ". */
static size_t speech_dash(const char *t, size_t i, size_t e)
{
	if (e - i >= 4 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94) && (t[i + 3] == ' ' || t[i + 3] == '\t'))
		return 4;
	if (e - i >= 2 && t[i] == '-' && t[i + 1] == ' ')
		return 2;
	/* Spanish sets the em dash against the words: "—Es un día histórico —dijo García—." */
	if (e - i >= 4 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x94 &&
	    t[i + 3] != ' ' && t[i + 3] != '\t')
		return 3;
	return 0;
}

/* Where the attribution clause that starts at from ends: after its
 * sentence's full stop (an abbreviation's dot goes on) or colon, within a
 * few words; e when the clause runs on to the paragraph's end. */
static size_t attribution_end(const speech_ctx *c, size_t from, size_t e)
{
	tok v[ATTR_TOKENS];
	tok_low low[ATTR_TOKENS];
	size_t n = tok_scan(c->d->text, from, e, c->lang, v, low, ATTR_TOKENS);
	for (size_t k = 0; k < n; k++) {
		if (v[k].kind != T_STOP && v[k].kind != T_COLON)
			continue;
		while (k + 1 < n && (v[k + 1].kind == T_STOP || v[k + 1].kind == T_COLON))
			k++;
		if (k + 1 == n)
			return e;
		const tok *w = &v[k + 1];
		if (v[k].kind == T_STOP && w->kind == T_WORD && !w->cap && !w->cjk)
			continue;   /* no sentence starts in lower case: "til BT 10. juni" */
		return w->s;
	}
	return e;
}

/* Does the word look like a finite verb of Danish, Norwegian or Swedish:
 * present tense in -r, past in -de or -te, and no function word? */
static bool v2_verb(const tok *w)
{
	if (w->kind != T_WORD || w->cap || w->n < 3 ||
	    (w->lex & (LX_FUNC | LX_PREP | LX_CONJ | LX_REL | LX_DET | LX_PRON | LX_SKIP | LX_TITLE)))
		return false;
	const char *end = w->low + w->n;
	return end[-1] == 'r' || ((end[-1] == 'e') && (end[-2] == 'd' || end[-2] == 't'));
}

/* Can w (then next) open the subject of an inverted attribution: a third
 * person pronoun (han, det), a role, a name, or a word before a name (a
 * role the lists do not know: antikvarie Claes X)? */
static bool v2_subject(const tok *w, const tok *next)
{
	return w->kind == T_WORD &&
	       (w->cap || (w->lex & (LX_PRON | LX_DET | LX_TITLE)) ||
	        (next->kind == T_WORD && next->cap && !(w->lex & (LX_FUNC | LX_PREP | LX_CONJ | LX_REL))));
}

/* An inverted attribution whose verb the lists do not know ("…, smiler
 * hun.", "…, kommenterar dr Horn."): a comma, a word shaped like a finite
 * verb, its subject, and the sentence's end within a few words. Returns
 * where the words before it end (after the comma), or e. */
static size_t inverted_attribution(const speech_ctx *c, size_t start, size_t e)
{
	tok v[DASH_TOKENS];
	tok_low low[DASH_TOKENS];
	size_t n = tok_scan(c->d->text, start, e, c->lang, v, low, DASH_TOKENS);
	for (size_t k = 0; k + 3 < n; k++) {
		if (v[k].kind == T_STOP)
			break;   /* the attribution of dash speech ends its first sentence */
		if (v[k].kind != T_COMMA || !v2_verb(&v[k + 1]) || !v2_subject(&v[k + 2], &v[k + 3]))
			continue;
		for (size_t j = k + 3; j < n && j <= k + 2 + ATTR_SUBJECT; j++)
			if (v[j].kind == T_STOP)
				return j + 1 == n || v[j + 1].kind != T_WORD || v[j + 1].cap ? v[k].e : e;
	}
	return e;
}

/* Dash-introduced speech in paragraph p: "– Vi er klar, siger han." One
 * quote per dash, up to its attribution; what follows the attribution in
 * the paragraph is speech too ("– A, siger han. B" and "…, siger hun og
 * fortsætter: – B" give B), each piece up to its own attribution.
 * Returns whether p was speech. */
static int dash_paragraph(finder *f, const speech_ctx *c, size_t p, bool *was)
{
	const char *t = f->d->text;
	size_t i = f->d->para[p].start, e = f->d->para[p].end;
	*was = false;
	while (i < e && (t[i] == ' ' || t[i] == '\t'))
		i++;
	size_t dl = speech_dash(t, i, e);
	if (!dl)
		return 0;
	*was = true;
	while (i < e) {
		size_t start = i + dl;
		/* Spanish attribution stands between dashes inside the words
		 * ("—A —dijo X—. B"): speech_split_inner splits it out; one
		 * that ends the paragraph ("—A —dijo X.") ends the quote here */
		bool inner = speech_props(c) & LP_INNER_ATTRIBUTION;
		size_t end = speech_dash_end(c, start, e);
		if (inner && end < e && attribution_end(c, end, e) < e)
			end = e;   /* words follow the attribution: the inner split takes it out */
		if (end == e && !inner)
			end = inverted_attribution(c, start, e);
		size_t had = f->n;
		int rc = push_quote(f, i, start, end, end, 0, false);
		if (rc)
			return rc;
		if (f->n > had)   /* nothing is pushed for empty words */
			f->v[f->n - 1].dash = true;
		if (end >= e)
			break;
		i = attribution_end(c, end, e);
		dl = i < e ? speech_dash(t, i, e) : 0;
	}
	return 0;
}

/* The lanes of x (eight bytes) that hold the byte b: the high bit of the
 * first such lane is exact (a borrow only runs on from a lane that holds b),
 * which is all next_lead reads. */
static uint64_t lanes_equal(uint64_t x, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t y = x ^ (ones * b);
	return (y - ones) & ~y & highs;
}

/* The first byte at or after i (before e) that may start a mark: eight
 * bytes at a time, to the lane of the first one (letters such as é, ø or
 * ü, which are not marks, do not stop it; '#' and '&' may, and every
 * caller passes over what mark_at finds no mark in). Doubled commas are looked for
 * only when commas is set: the few articles that have them (see
 * has_double_comma) pay for it, not every article. */
static inline size_t next_lead(const char *t, size_t i, size_t e, bool commas)
{
#ifdef __SSE2__
	/* sixteen bytes at a time where the machine has the instructions: one
	 * bit a byte, exact */
	for (const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), cm = _mm_set1_epi8(',');
	     i + 16 <= e; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, dq), _mm_cmpeq_epi8(x, sq)));
		if (commas) {   /* a comma followed by a comma (or by the next sixteen bytes: the last one) */
			unsigned comma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, cm));
			hit |= comma & ((comma >> 1) | 0x8000u);
		}
		if (_mm_movemask_epi8(x)) {   /* a byte with its high bit: C2, E2, E3 and EF lead marks */
			__m128i lead = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC2)),
			                            _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xEF)));
			__m128i e23 = _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xE2));
			hit |= (unsigned)_mm_movemask_epi8(_mm_or_si128(lead, e23));
		}
		if (hit)
			return i + (size_t)__builtin_ctz(hit);
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (i + 8 <= e) {
		uint64_t x;
		memcpy(&x, t + i, 8);
		/* '"' and '\'' differ from '#' and '&' only in the bits 0x05: one
		 * test finds the four (mark_at passes over the other two) */
		uint64_t y = (x ^ (0x0101010101010101ull * '"')) & ~(0x0101010101010101ull * 0x05);
		uint64_t hit = (y - 0x0101010101010101ull) & ~y & 0x8080808080808080ull;
		if (commas) {
			/* a comma followed by a comma (or by the next eight bytes: the last lane) */
			uint64_t comma = lanes_equal(x, ',');
			hit |= comma & ((comma >> 8) | 0x8000000000000000ull);
		}
		if (x & 0x8080808080808080ull)
			hit |= lanes_equal(x, 0xC2) | lanes_equal(x & ~(0x0101010101010101ull), 0xE2) | lanes_equal(x, 0xEF);
		if (hit)
			return i + (size_t)__builtin_ctzll(hit) / 8;
		i += 8;
	}
#endif
	while (i < e && !mark_lead[(unsigned char)t[i]])
		i++;
	return i;
}

static int scan_paragraph(finder *f, size_t p)
{
	const char *t = f->d->text;
	size_t s = f->d->para[p].start, e = f->d->para[p].end;
	bool commas = f->commas;
	for (size_t i = next_lead(t, s, e, commas); i < e; i = next_lead(t, i + 1, e, commas)) {
		int len;
		enum mark_ch m = mark_at((const unsigned char *)t + i, e - i, &len);
		if (m == MK_NONE)
			continue;
		int rc = handle_mark(f, m, i, len, s, e);
		if (rc)
			return rc;
		i += (size_t)len - 1;
	}
	return end_paragraph(f, p);
}

static int by_position(const void *a, const void *b)
{
	const quote *x = a, *y = b;
	if (x->open != y->open)
		return x->open < y->open ? -1 : 1;
	return x->depth - y->depth;
}

/* A stable insertion sort for the few elements of an article, nearly in
 * order already: cheaper than qsort's call through a pointer for each
 * comparison. Stable like glibc's qsort (a merge sort), so equal elements
 * keep the order qsort gave them; many elements still go to qsort. */
#define SORT_FEW(name, type, cmp)                                            \
	static void name(type *v, size_t n)                                  \
	{                                                                    \
		if (n > 32) {                                                \
			qsort(v, n, sizeof *v, cmp);                         \
			return;                                              \
		}                                                            \
		for (size_t i = 1; i < n; i++) {                             \
			type x = v[i];                                       \
			size_t j = i;                                        \
			for (; j > 0 && cmp(&v[j - 1], &x) > 0; j--)         \
				v[j] = v[j - 1];                             \
			v[j] = x;                                            \
		}                                                            \
	}

SORT_FEW(sort_by_position, quote, by_position)

static char *flat_into(const doc *d, const quote *q, char *o);

static size_t flat_len_into(const doc *d, const quote *q, char *o);

/* The bytes quote_text needs for q: its words' span, as flat_len_into
 * bounds it (flat text is never longer), and the NUL. */
static size_t span_room(const doc *d, const quote *q)
{
	size_t end = q->end > d->len ? d->len : q->end;
	size_t start = q->start > end ? end : q->start;
	return end - start + 1;
}

/* The ids, and with keep set the texts too, in one block made for them
 * (*texts; NULL when there is no memory for it: the ids alone). */
static void set_ids(const doc *d, quote *v, size_t n, bool keep, char **texts)
{
	char small[1024];
	size_t room = 0;
	for (size_t i = 0; keep && i < n; i++)
		room += span_room(d, &v[i]);
	char *o = *texts = room ? malloc(room) : NULL;
	for (size_t i = 0; o && i < n; i++) {
		size_t len = flat_len_into(d, &v[i], o);
		v[i].id = doc_hash(o, len);
		v[i].text = o;
		o += span_room(d, &v[i]);
	}
	for (size_t i = 0; !o && i < n; i++) {
		v[i].text = NULL;
		/* quote_text into a stack buffer when it fits: no allocation for the common quote */
		size_t len = v[i].end - v[i].start;
		if (len < sizeof small) {
			v[i].id = doc_hash(small, flat_len_into(d, &v[i], small));
			continue;
		}
		char *s = quote_text(d, &v[i]);
		v[i].id = s ? doc_hash(s, strlen(s)) : doc_hash(d->text + v[i].start, len);
		free(s);
	}
}

/* Does a paragraph open with a speech dash? */
static bool has_dash_paragraph(const doc *d)
{
	for (size_t p = 0; p < d->npara; p++) {
		size_t i = d->para[p].start, e = d->para[p].end;
		while (i < e && (d->text[i] == ' ' || d->text[i] == '\t'))
			i++;
		if (speech_dash(d->text, i, e))
			return true;
	}
	return false;
}

static int by_start(const void *a, const void *b)
{
	const tok_skip *x = a, *y = b;
	return x->s < y->s ? -1 : x->s > y->s;
}

SORT_FEW(sort_by_start, tok_skip, by_start)

/* The article's tokens, passing over the words of the outer quotes of
 * three words or more (what is shorter may be a term read as part of its
 * sentence). */
/* Appends to skip[*n] the stretches of a big article that lie far from
 * every quote: no attribution window reaches them. */
static void far_text(const finder *f, size_t len, tok_skip *skip, size_t *n)
{
	tok_skip *near = skip + *n + f->n + 1;   /* scratch after the room for the far ranges */
	size_t m = 0;
	for (size_t i = 0; i < f->n; i++) {
		const quote *q = &f->v[i];
		size_t a = q->open > NEAR_BEFORE ? q->open - NEAR_BEFORE : 0;
		size_t b = q->close + NEAR_AFTER < len ? q->close + NEAR_AFTER : len;
		near[m++] = (tok_skip){ a, b, false };
	}
	sort_by_start(near, m);
	size_t pos = 0;
	for (size_t i = 0; i < m; i++) {
		if (near[i].s > pos)
			skip[(*n)++] = (tok_skip){ pos, near[i].s, false };
		if (near[i].e > pos)
			pos = near[i].e;
	}
	if (pos < len)
		skip[(*n)++] = (tok_skip){ pos, len, false };
}

/* Has quote i of f MIN_WORDS words or more, or CJK text? words: the
 * counts of span_words_of, or NULL. */
static bool wordy(const finder *f, size_t i, const span_words *words)
{
	const quote *q = &f->v[i];
	bool cjk;
	size_t n = words ? (cjk = words[i].cjk, words[i].n) : span_count_words(f->d->text, q->start, q->end, MIN_WORDS, &cjk);
	return n >= MIN_WORDS || cjk;
}

/* The article's tokens, passing over the words of the outer quotes of
 * three words or more (what is shorter may be a term read as part of its
 * sentence) and of every part of a quote cut at its inner attribution
 * (short or not, it is speech: "Yes - he admits - we did" gives no name
 * from "Yes"), and in a big article over what lies far from every quote.
 * An article without quotes needs none. */
static int build_tokens(speech_ctx *c, const finder *f, const span_words *words)
{
	if (!f->n)
		return 0;
	bool big = c->d->len > BIG_ARTICLE;
	tok_skip *skip = malloc((big ? 3 * f->n + 2 : f->n) * sizeof *skip);
	size_t n = 0;
	if (!skip)
		return Q_ENOMEM;
	for (size_t i = 0; i < f->n; i++) {
		const quote *q = &f->v[i];
		if (q->depth == 0 && q->end > q->start && (q->dash || q->inner || wordy(f, i, words)))
			skip[n++] = (tok_skip){ q->start, q->end, true };
	}
	if (big)
		far_text(f, c->d->len, skip, &n);
	if (n > 1)
		sort_by_start(skip, n);
	int rc = tok_doc_build_detect(c->td, c->d->text, c->d->len, &c->lang, skip, n);
	free(skip);
	return rc;
}

static int find_spans(finder *f, const speech_ctx *c)
{
	const doc *d = f->d;
	int rc = 0;
	for (size_t p = 0; p < d->npara && !rc; p++) {
		if (dash_lang(c->lang) && !f->depth) {
			bool was;
			rc = dash_paragraph(f, c, p, &was);
			if (was)
				continue;
		}
		rc = scan_paragraph(f, p);
	}
	return rc;
}

/* Moves the nested quotes of f (depth > 0) out to *nested. */
static int take_nested(finder *f, quote **nested, size_t *nn)
{
	size_t k = 0, m = 0;
	for (size_t i = 0; i < f->n; i++)
		m += f->v[i].depth > 0;
	*nested = NULL;
	*nn = 0;
	if (!m)
		return 0;
	*nested = malloc(m * sizeof **nested);
	if (!*nested)
		return Q_ENOMEM;
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].depth > 0)
			(*nested)[(*nn)++] = f->v[i];
		else
			f->v[k++] = f->v[i];
	}
	f->n = k;
	return 0;
}

static int append(finder *f, const quote *v, size_t n)
{
	if (GROW(f->v, f->cap, f->n + n, 16))
		return Q_ENOMEM;
	memcpy(f->v + f->n, v, n * sizeof *v);
	f->n += n;
	return 0;
}

/* Index of the last quote of v[0..n) (sorted by open) opening before off
 * (at or before when or_at), or n when there is none. */
static size_t last_opening_before(const quote *v, size_t n, size_t off, bool or_at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].open < off || (or_at && v[mid].open == off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : n;
}

/* Drops the nested quotes that straddle an outer one: splitting an outer
 * quote at its attribution can cut through a nested one (found by
 * fuzzing), and spans must nest. outer is sorted and disjoint. */
static void drop_straddling(const quote *outer, size_t n, quote *nested, size_t *nn)
{
	size_t k = 0;
	for (size_t i = 0; i < *nn; i++) {
		const quote *q = &nested[i];
		size_t a = last_opening_before(outer, n, q->open, true);
		size_t b = last_opening_before(outer, n, q->close, false);
		bool cut = (a < n && outer[a].close > q->open && outer[a].close < q->close) ||
		           (b < n && outer[b].open > q->open && outer[b].close > q->close);
		if (!cut)
			nested[k++] = *q;
	}
	*nn = k;
}

/* The arrays of an article's tokens and annotation, kept from one article
 * to the next. */
struct quotes_work {
	tok_doc td;
	speech_art art;
};

/* Past this many tokens (a megabyte of them: an article of some 60 KB),
 * an article's arrays are given back when it is done, not kept. */
#define WORK_KEEP_TOKENS ((size_t)16 << 10)

quotes_work *quotes_work_new(void)
{
	return calloc(1, sizeof(quotes_work));
}

static void work_release(quotes_work *w)
{
	tok_doc_free(&w->td);
	speech_art_release(&w->art);
}

void quotes_work_free(quotes_work *w)
{
	if (!w)
		return;
	work_release(w);
	free(w);
}

static int find(const doc *d, const quotes_opts *opts, quotes_work *w, quote_list *out)
{
	tok_doc_clear(&w->td);
	speech_art_clear(&w->art);
	speech_ctx c = { d, LANG_UNKNOWN, opts, &w->td, &w->art };
	if (opts->lang)
		c.lang = lang_from_code(opts->lang);
	/* dash speech is a matter of language: know it before the spans when a paragraph opens with a dash */
	if (c.lang == LANG_UNKNOWN && has_dash_paragraph(d))
		c.lang = lang_detect(d->text, d->len);

	finder f = { .d = d, .skip_mark = SIZE_MAX, .commas = has_double_comma(d->text, d->len) };
	quote *nested = NULL;
	size_t nn = 0;
	int rc = find_spans(&f, &c);
	/* the words of each quote, counted once for the token pass and the
	 * filters (NULL without memory for them: each counts its own) */
	span_words *words = rc || opts->keep_short ? NULL : span_words_of(f.d, f.v, f.n);
	/* one token pass over what lies outside the quotes serves the language,
	 * the filters and every attribution window */
	if (!rc)
		rc = build_tokens(&c, &f, words);
	if (!rc && c.lang == LANG_UNKNOWN)   /* no quotes, so no token pass */
		c.lang = lang_detect(d->text, d->len);
	/* (copied byte by byte, not printed nor measured by a call: the
	 * library's code for two letters was a cold read for every article) */
	const char *code = lang_code(c.lang);
	size_t cl = 0;
	for (; cl + 1 < sizeof out->lang && code[cl]; cl++)
		out->lang[cl] = code[cl];
	out->lang[cl] = '\0';
	if (!rc) {
		if (!opts->keep_short)
			f.n = span_drop_terms(&c, f.v, f.n, words);
		rc = take_nested(&f, &nested, &nn);
	}
	if (!rc) {
		if (f.n > 1)   /* f.v is NULL when nothing was found */
			sort_by_position(f.v, f.n);
		size_t before = f.n;
		rc = speech_split_inner(&c, &f.v, &f.n, &f.cap);
		if (!rc && f.n != before) {
			/* the attribution clauses now lie outside the quotes: read them too */
			tok_doc_clear(c.td);
			rc = build_tokens(&c, &f, NULL);
		}
	}
	if (!rc && opts->lex_drop)   /* (after the filters: only the speakers learn from it) */
		tok_doc_drop_classes(c.td, opts->lex_drop, opts->lex_drop_seed);
	if (!rc)
		rc = speech_attribute(&c, f.v, f.n);
	if (!rc) {
		f.n = span_drop_unattributed_cjk(f.d, f.v, f.n);
		if (f.n > 1)
			sort_by_position(f.v, f.n);
		if (opts->nested)
			drop_straddling(f.v, f.n, nested, &nn);
		if (opts->nested && nn)
			rc = append(&f, nested, nn);
	}
	free(nested);
	free(words);
	if (!rc && c.td->rc)
		rc = c.td->rc;
	if (rc) {
		quote_list l = { .v = f.v, .n = f.n };
		quote_list_free(&l);
		return rc;
	}
	if (f.n > 1)
		sort_by_position(f.v, f.n);
	set_ids(d, f.v, f.n, opts->keep_text, &out->texts);
	out->v = f.v;
	out->n = f.n;
	return 0;
}

int quotes_find_with(const doc *d, const quotes_opts *opts, quotes_work *w, quote_list *out)
{
	quotes_opts none;
	if (!opts) {
		quotes_opts_init(&none);
		opts = &none;
	}
	memset(out, 0, sizeof *out);
	if (d->len > UINT32_MAX)
		return Q_ETOOBIG;   /* the tokens and mentions hold positions in 32 bits */
	quotes_work once = { 0 };
	int rc = find(d, opts, w ? w : &once, out);
	if (!w || w->td.cap > WORK_KEEP_TOKENS)
		work_release(w ? w : &once);
	return rc;
}

int quotes_find(const doc *d, const quotes_opts *opts, quote_list *out)
{
	return quotes_find_with(d, opts, NULL, out);
}

void quote_list_free(quote_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].speaker);
		free(l->v[i].cue);
	}
	free(l->v);
	free(l->texts);
	l->v = NULL;
	l->texts = NULL;
	l->n = 0;
}

/* Is the mark at i inside q a continuation mark: the one that reopens each
 * paragraph of a multi-paragraph quote, or a straight quote that reopens a
 * sentence run into the same paragraph ("…were. "What the book says…")? */
static bool continuation_mark(const doc *d, const quote *q, size_t i, enum mark_ch m)
{
	const char *t = d->text;
	size_t p = doc_para_at(d, i);
	if (p >= d->npara)
		return false;
	size_t ps = d->para[p].start, pe = d->para[p].end;
	size_t k = ps;
	while (k < pe && (t[k] == ' ' || t[k] == '\t'))
		k++;
	if (k == i && ps > q->start)
		return true;
	if ((m != MK_DQ || t[q->open] != '"') && (m != MK_DAPOS || t[q->open] != '\''))
		return false;
	side s = look_around(t, i, 1, ps, pe);
	return s.space_before && !s.space_after && s.stop_before;
}

char *quote_text(const doc *d, const quote *q)
{
	char *o = malloc(span_room(d, q));
	return o ? flat_into(d, q, o) : NULL;
}

/* Bytes flat_len_into must look at: white space and what may start a
 * quotation mark. Every other byte is copied as it is. */
static const unsigned char flat_special[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* The end of the run of bytes from t[i] (a plain one) that flat_len_into
 * copies as they are: plain bytes and single spaces between them. No
 * branch on each space (there is one after every word), so the loop only
 * leaves at the run's end. t[end] may be read: doc.text is NUL-terminated. */
static inline bool plain_at(const char *t, size_t r, size_t end)
{
	unsigned char b = (unsigned char)t[r];
	bool lone_space = (b == ' ') & (r + 1 < end) & !flat_special[(unsigned char)t[r + 1]];
	return !(flat_special[b] & !lone_space);
}

/* Are the eight bytes at t[r] (r + 8 < end) all plain_at? Spaces stand
 * alone and nothing else may be special. The ASCII bytes below '(' are
 * the white space and the straight marks (and a few others, which send
 * the eight bytes to the byte loop); a lead byte of a mark is exact. */
static inline bool plain8(const char *t, size_t r)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t x;
	memcpy(&x, t + r, 8);
	uint64_t sp = lanes_holding(x, ' ');
	uint64_t odd = ~((x | high) - ones * '(') & ~x & high & ~sp;
	if (x & high)
		odd |= lanes_holding(x, 0xC2) | lanes_holding(x, 0xE2) | lanes_holding(x, 0xE3) | lanes_holding(x, 0xEF);
	return !odd && !(sp & (sp >> 8)) && !((sp >> 63) && flat_special[(unsigned char)t[r + 8]]);
}

#ifdef __SSE2__
/* plain8 for the sixteen bytes at t[r] (r + 16 < end), each test a bit a byte */
static inline bool plain16(const char *t, size_t r)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + r));
	unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
	unsigned low = (unsigned)_mm_movemask_epi8(
		_mm_and_si128(_mm_cmplt_epi8(x, _mm_set1_epi8('(')), _mm_cmpgt_epi8(x, _mm_set1_epi8(-1))));
	__m128i c2 = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC2)), e2 = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2));
	__m128i e3 = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE3)), ef = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xEF));
	__m128i lead = _mm_or_si128(_mm_or_si128(c2, e2), _mm_or_si128(e3, ef));
	unsigned odd = (low & ~sp) | (unsigned)_mm_movemask_epi8(lead);
	return !odd && !(sp & (sp >> 1)) && !((sp >> 15) && flat_special[(unsigned char)t[r + 16]]);
}
#endif

static size_t plain_run(const char *t, size_t i, size_t end)
{
	size_t r = i + 1;
#ifdef __SSE2__
	while (r + 16 < end && plain16(t, r))   /* sixteen bytes at a time, then eight */
		r += 16;
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (r + 8 < end) {   /* eight bytes at a time, to the eight that hold the run's end */
		if (plain8(t, r)) {
			r += 8;
			continue;
		}
		for (size_t stop = r + 8; r < stop; r++)
			if (!plain_at(t, r, end))
				return r;
	}
#endif
	while (r < end && plain_at(t, r, end))
		r++;
	return r;
}

/* The quote's words as flat text into o (room for end - start + 1 bytes): continuation marks
 * dropped, hyphen joins joined, white space folded. Returns the length. */
static size_t flat_len_into(const doc *d, const quote *q, char *o)
{
	const char *t = d->text;
	size_t end = q->end > d->len ? d->len : q->end;
	size_t start = q->start > end ? end : q->start;
	size_t k = 0;
	bool sp = false;
	for (size_t i = start; i < end;) {
		unsigned char c = (unsigned char)t[i];
		if (!flat_special[c]) {   /* a run of plain bytes, copied in one go */
			if (c == ',' && t[i + 1] == ',' && continuation_mark(d, q, i, MK_DCOMMA)) {
				sp = k > 0;   /* ,, reopening a paragraph starts a run: the only place it is looked for */
				i += 2;
				continue;
			}
			if (sp)
				o[k++] = ' ';
			sp = false;
			size_t r = plain_run(t, i, end);
			memcpy(o + k, t + i, r - i);
			k += r - i;
			i = r;
			continue;
		}
		if (mark_lead[c]) {
			int len;
			enum mark_ch m = mark_at((const unsigned char *)t + i, end - i, &len);
			if (m != MK_NONE && continuation_mark(d, q, i, m)) {
				sp = k > 0;
				i += (size_t)len;
				continue;
			}
		}
		if (c == '\n') {
			size_t p = doc_para_at(d, i);
			if (p < d->npara && d->para[p].start <= i && i < d->para[p].end) {
				i++;   /* a hyphen join */
				continue;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n') {
			sp = k > 0;
			i++;
			continue;
		}
		if (sp)
			o[k++] = ' ';
		sp = false;
		o[k++] = (char)c;
		i++;
	}
	o[k] = '\0';
	return k;
}

static char *flat_into(const doc *d, const quote *q, char *o)
{
	flat_len_into(d, q, o);
	return o;
}

void quote_id_hex(const quote *q, char buf[17])
{
	doc_id_hex(q->id, buf);
}

/* ---- options ------------------------------------------------------------------ */

void quotes_opts_init(quotes_opts *o)
{
	memset(o, 0, sizeof *o);
}

int quotes_opts_fix_model(quotes_opts *o)
{
	combined_free(o->combined);
	o->combined = NULL;
	const int32_t *w = model_weights_of(o->model ? o->model : quote_model_default());
	if (!w)
		return 0;   /* no weights to combine */
	o->combined = combined_new(w);
	return o->combined ? 0 : Q_ENOMEM;
}

void quotes_opts_free(quotes_opts *o)
{
	combined_free(o->combined);
	o->combined = NULL;
	for (size_t i = 0; i < o->ncues; i++)
		free(o->cues[i]);
	free(o->cues);
	o->cues = NULL;
	o->ncues = 0;
}

static int add_cue(quotes_opts *o, const char *lang, const char *w, size_t n)
{
	char low[LEX_MAXWORD + 1];
	size_t k = tok_lower(w, n, low);
	if (!k)
		return 0;   /* too long to be a word we would look up */
	char **v = realloc(o->cues, (o->ncues + 1) * sizeof *v);
	if (!v)
		return Q_ENOMEM;
	o->cues = v;
	if (lang)
		lang = lang_code(lang_from_code(lang));
	size_t ll = lang ? strlen(lang) : 0;
	char *s = malloc(ll + 1 + k + 1);
	if (!s)
		return Q_ENOMEM;
	if (ll)
		sprintf(s, "%s:%s", lang, low);
	else
		memcpy(s, low, k + 1);
	o->cues[o->ncues++] = s;
	return 0;
}

int quotes_opts_add_cues(quotes_opts *o, const char *lang, const char *list)
{
	if (lang && !*lang)
		lang = NULL;
	if (lang && lang_from_code(lang) == LANG_UNKNOWN)
		return Q_EUSAGE;
	if (!list)
		return 0;
	/* items are separated by commas or semicolons; an item of several words
	 * ("pointed out") counts by its first word, which is what the engine
	 * matches */
	for (const char *p = list; *p;) {
		while (*p == ',' || *p == ';' || *p == ' ' || *p == '\t')
			p++;
		const char *e = p;
		while (*e && *e != ',' && *e != ';' && *e != ' ' && *e != '\t')
			e++;
		if (e > p) {
			int rc = add_cue(o, lang, p, (size_t)(e - p));
			if (rc)
				return rc;
		}
		while (*e && *e != ',' && *e != ';')
			e++;
		p = e;
	}
	return 0;
}
