/* Speaker candidates in Chinese and Japanese (cjk.c tells their quotes from terms), which have no spaces and no
 * capitals: the subject is the run of characters next to a cue pattern of
 * the language (its [cue_before], [cue_after], [topic] and [subject_end]
 * strings): X说：“…” / “…”，X在博客中写道 / X氏は「…」と述べた /
 * 「…」と、X氏は語った. */
#include <string.h>
#include "speech.h"

#define SUBJECT_CHARS 20    /* longest subject */
#define TAIL_CHARS 40       /* how far after the quote its cue may stand */

/* The code point before t[pos] (not before lo), its start in *start. */
static unsigned char_before(const char *t, size_t lo, size_t pos, size_t *start)
{
	size_t i = pos - 1;
	while (i > lo && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	int len;
	*start = i;
	return tok_decode(t + i, pos - i, &len);
}

/* Can the character be part of a subject: Han, kana, letters, digits, the
 * middle dots of transcribed names? */
static bool subject_char(unsigned ch)
{
	return (tok_is_cjk(ch) && ch != 0x3001 && ch != 0x3002) || tok_is_alnum(ch) || ch == 0x30FB || ch == 0xB7 ||
	       ch == 0x30FC || ch == 0xFF65;
}

static bool is_hiragana(unsigned ch)
{
	return ch >= 0x3041 && ch <= 0x309F;
}

/* Does t[s,e) end (or start) with one of the strings of kind k? Its length, or 0. */
static size_t ends_with(const speech_ctx *c, enum lex_affix k, const char *t, size_t s, size_t e)
{
	size_t n;
	const char *const *v = lex_affixes(c->lang, k, &n);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(v[i]);
		if (e - s >= l && !memcmp(t + e - l, v[i], l))
			return l;
	}
	return 0;
}

static size_t starts_with(const speech_ctx *c, enum lex_affix k, const char *t, size_t s, size_t e)
{
	size_t n;
	const char *const *v = lex_affixes(c->lang, k, &n);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(v[i]);
		if (e - s >= l && !memcmp(t + s, v[i], l))
			return l;
	}
	return 0;
}

/* Does t[i,e) start with the three bytes of one CJK character ch? */
static bool char_at(const char *t, size_t i, size_t e, const char *ch)
{
	return e >= i + 3 && !memcmp(t + i, ch, 3);
}

/* The first occurrence in t[s,e) of a string of kind k: its start (e: none), length in *len. */
static size_t find_any(const speech_ctx *c, enum lex_affix k, const char *t, size_t s, size_t e, size_t *len)
{
	for (size_t i = s; i < e; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		size_t l = starts_with(c, k, t, i, e);
		if (l) {
			*len = l;
			return i;
		}
	}
	return e;
}

/* The start of a bracketed gloss ending at e ("X（Latin name）说"), e when none. */
static size_t gloss_start(const char *t, size_t lo, size_t e)
{
	size_t st;
	unsigned ch = char_before(t, lo, e, &st);
	if (ch != 0xFF09 && ch != ')')
		return e;
	for (size_t s = st; s > lo && e - s < 4 * SUBJECT_CHARS;) {
		ch = char_before(t, lo, s, &st);
		if (ch == 0xFF08 || ch == '(')
			return st;
		if (ch == 0xFF09 || ch == ')' || ch == 0x3002 || ch == 0xFF0C)
			break;
		s = st;
	}
	return e;
}

/* A space inside a name written in Latin letters ("John Smith") at t[s]. */
static bool latin_space(const char *t, size_t lo, size_t s, size_t e)
{
	size_t st;
	int len;
	return t[s] == ' ' && s > lo && s + 1 < e && tok_is_alnum(char_before(t, lo, s, &st)) &&
	       tok_is_alnum(tok_decode(t + s + 1, e - s - 1, &len));
}

/* The subject ending at e: back over subject characters (and the gloss in
 * brackets of a name, the spaces of a Latin name) to punctuation or lo. */
static size_t subject_start(const char *t, size_t lo, size_t e)
{
	size_t s = e;
	for (int chars = 0; s > lo && chars < SUBJECT_CHARS; chars++) {
		size_t st, g = s > lo + 1 ? gloss_start(t, lo, s) : s;
		if (g < s && g > lo && subject_char(char_before(t, lo, g, &st))) {
			s = g;
			continue;
		}
		unsigned ch = char_before(t, lo, s, &st);
		if (!subject_char(ch) && !(ch == ' ' && latin_space(t, lo, st, e)))
			break;
		s = st;
	}
	return s;
}

/* A subject that runs on through a topic particle ("X氏は次のように"): cut there. */
static size_t cut_at_topic(const speech_ctx *c, const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		size_t l = starts_with(c, LA_TOPIC, t, i, e);
		if (l && i > s)
			return i;
	}
	return e;
}

/* Fills m for the subject t[s,e): what is shown drops an honorific (山本氏)
 * after a name of two characters or more and, in Japanese, the clause that describes the person (the name
 * follows the last hiragana); a transcribed name (a middle dot, the name in
 * its own script in brackets) or a short one is a name. */
static void make(const speech_ctx *c, const speech_art *a, size_t s, size_t e, uint8_t rel, size_t cue, mention *m)
{
	const char *t = c->d->text;
	memset(m, 0, sizeof *m);
	size_t first;
	tok_doc_range(c->td, s, e, &first);
	m->a = (uint32_t)first;
	m->b = (uint32_t)(first + 1);
	if (first < c->td->n) {
		m->sent = a->sent[first];
		m->para = a->para[first];
	}
	m->cue = (int32_t)cue;
	m->name = -1;
	m->cuerel = rel;
	size_t de = e, ds = s;
	/* an honorific after the name is dropped (山本氏 -> 山本), unless one
	 * character would be left: a surname alone names no one (王博士) */
	size_t l = ends_with(c, LA_NAME_SUFFIX, t, s, e), first_end = e;
	if (l && e - l > s)
		char_before(t, s, e - l, &first_end);   /* where the name's last character starts */
	if (l && e - l > s && first_end > s)
		de = e - l;
	size_t chars = 0, st;
	bool dot = false, hira = false;
	for (size_t i = de; i > ds; i = st, chars++) {
		size_t g = gloss_start(t, ds, i);
		if (g < i && g > ds) {   /* a name given in its own script too */
			dot = true;
			st = g;
			continue;
		}
		unsigned ch = char_before(t, ds, i, &st);
		dot |= ch == 0x30FB || ch == 0xB7 || ch == 0xFF65;
		if (is_hiragana(ch)) {
			hira = true;
			if (c->lang == LANG_JA && de - i >= 6) {
				ds = i;
				hira = false;
				break;
			}
		}
	}
	m->ds = (uint32_t)ds;
	m->de = (uint32_t)de;
	uint32_t lex = lex_lookup(c->lang, t + ds, de - ds);
	if (lex & LX_PRON) {
		m->kind = K_PRON;
		m->gender = (lex & LX_FEMALE) ? G_FEMALE : (lex & LX_MALE) ? G_MALE : G_ANY;
	} else {
		m->kind = dot || (!hira && chars <= 4) ? K_NAME : K_DESC;
	}
	m->subj = 2;
}

size_t cjk_mentions(const speech_ctx *c, const quote *q, mention *out, size_t max)
{
	const speech_art *a = c->art;
	const doc *d = c->d;
	const char *t = d->text;
	size_t p = doc_para_at(d, q->open);
	size_t ps = p < d->npara ? d->para[p].start : 0, pe = p < d->npara ? d->para[p].end : d->len;
	if (q->close > pe)
		pe = q->close;
	size_t k = 0;
	/* the head: the sentence before the opening mark */
	size_t hs = q->open;
	while (hs > ps) {
		size_t st;
		unsigned ch = char_before(t, ps, hs, &st);
		if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == '.' || ch == 0x300D || ch == 0x201D)
			break;
		hs = st;
	}
	size_t he = q->open, st;
	while (he > hs) {
		unsigned ch = char_before(t, hs, he, &st);
		if (ch != 0xFF1A && ch != 0xFF0C && ch != ':' && ch != ',' && ch != ' ')
			break;
		he = st;
	}
	/* the tail: after the closing mark */
	size_t ts = q->close;
	while (ts < pe && (starts_with(c, LA_CUE_AFTER, t, ts, pe) == 0) &&
	       (char_at(t, ts, pe, "\xEF\xBC\x8C") || t[ts] == ',' || t[ts] == ' ' || char_at(t, ts, pe, "\xE3\x80\x81")))
		ts += t[ts] == ',' || t[ts] == ' ' ? 1 : 3;
	bool tail_cue = starts_with(c, LA_CUE_AFTER, t, ts, pe) > 0;

	/* X说：“…” */
	size_t l = ends_with(c, LA_CUE_BEFORE, t, hs, he);
	if (l && k < max) {
		size_t e = cut_at_topic(c, t, subject_start(t, hs, he - l), he - l);
		size_t s = subject_start(t, hs, e);
		if (s < e)
			make(c, a, s, e, CR_BEFORE, 0, &out[k++]);
	}
	/* X氏は「…」: the topic of the head */
	for (size_t i = he; i > hs && k < max;) {
		char_before(t, hs, i, &st);
		size_t tl = starts_with(c, LA_TOPIC, t, st, he);
		if (tl) {
			size_t s = subject_start(t, hs, st);
			if (s < st)
				make(c, a, s, st, tail_cue ? CR_BEFORE : CR_NEAR_BEFORE, 0, &out[k++]);
			break;
		}
		i = st;
	}
	/* 「…」と、X氏は語った / “…”，X在博客中写道 */
	size_t limit = ts;
	for (int chars = 0; limit < pe && chars < TAIL_CHARS; chars++) {
		int len;
		unsigned ch = tok_decode(t + limit, pe - limit, &len);
		if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0x300C || ch == 0x201C)
			break;
		limit += (size_t)len;
	}
	size_t from = ts;
	if (char_at(t, from, pe, "\xE3\x81\xA8")) {   /* と */
		from += 3;
		if (char_at(t, from, pe, "\xE3\x80\x81"))
			from += 3;
	}
	size_t cl, cue = find_any(c, LA_CUE_AFTER, t, from, limit, &cl);
	size_t tl, topic = find_any(c, LA_TOPIC, t, from, cue, &tl);
	size_t end = topic < cue ? topic : cue;
	size_t gl, gap = find_any(c, LA_SUBJECT_END, t, from, end, &gl);
	if (gap < end)
		end = gap;
	/* (a subject is what comes before a cue or a topic particle, not only a word like 在) */
	if ((cue < limit || topic < cue) && end > from && end < limit && k < max && subject_start(t, from, end) == from)
		make(c, a, from, end, CR_BEFORE, 0, &out[k++]);
	return k;
}
