/* Speaker candidates in Chinese and Japanese (cjk.c tells their quotes from terms), which have no spaces and no
 * capitals: the subject is the run of characters next to a cue pattern of
 * the language (its [cue_before], [cue_after], [topic] and [subject_end]
 * strings): X说：“…” / “…”，X在博客中写道 / X氏は「…」と述べた /
 * 「…」と、X氏は語った. */
#include <string.h>
#include "speech.h"

#define SUBJECT_CHARS 32    /* longest subject */
#define TAIL_CHARS 80       /* how far after the quote its cue may stand */
#define PART_CHARS 4        /* the longest part of a name transcribed into Han characters */
#define TOP_NAMES 32        /* transcribed names read for the most named person */

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
	if (s >= e)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i][0] != t[s])
			continue;   /* (most endings, before their length is counted: find_any asks at every character) */
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

/* A run of hiragana alone is grammar (ところ, である), not a subject. */
static bool kana_only(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e;) {
		int len;
		if (!is_hiragana(tok_decode(t + i, e - i, &len)))
			return false;
		i += (size_t)len;
	}
	return true;
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
		m->para = speech_para(a, first);
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

/* Katakana (with its middle dot and long vowel mark). */
static bool is_katakana(unsigned ch)
{
	return ch >= 0x30A0 && ch <= 0x30FF;
}

static bool is_name_dot(unsigned ch)
{
	return ch == 0x30FB || ch == 0xB7 || ch == 0xFF65;
}

/* One part of a transcribed name running back from e: a katakana word, or
 * a few Han characters (where a word ends is not written). Its start. */
static size_t part_back(const char *t, size_t lo, size_t e)
{
	size_t s = e, st;
	for (int chars = 0; s > lo; chars++) {
		unsigned ch = char_before(t, lo, s, &st);
		bool kana = is_katakana(ch) && !is_name_dot(ch);
		if (!(kana || (tok_is_cjk(ch) && !is_hiragana(ch) && subject_char(ch) && chars < PART_CHARS)))
			break;
		s = st;
	}
	return s;
}

/* The same forwards from s, to a word that follows a subject (X·Y在…, X·Y说): its end. */
static size_t part_forward(const speech_ctx *c, const char *t, size_t s, size_t hi)
{
	size_t e = s;
	for (int chars = 0; e < hi; chars++) {
		if (chars && (starts_with(c, LA_SUBJECT_END, t, e, hi) || starts_with(c, LA_CUE_BEFORE, t, e, hi) ||
		              starts_with(c, LA_TOPIC, t, e, hi)))
			break;
		int len;
		unsigned ch = tok_decode(t + e, hi - e, &len);
		bool kana = is_katakana(ch) && !is_name_dot(ch);
		if (!(kana || (tok_is_cjk(ch) && !is_hiragana(ch) && subject_char(ch) && chars < PART_CHARS)))
			break;
		e += (size_t)len;
	}
	return e;
}

/* The last name written as a transcription before pos (after lo): parts
 * joined by middle dots (X·Y, X・Y), or a name followed by its Latin
 * spelling in brackets (X（Latin）). Its bytes in *s, *e; false: none. */
static bool last_transcribed(const speech_ctx *c, const char *t, size_t lo, size_t pos, size_t *s, size_t *e)
{
	for (size_t i = pos; i > lo;) {
		size_t st;
		unsigned ch = char_before(t, lo, i, &st);
		int len;
		bool dot = is_name_dot(ch) && st > lo && i < pos;
		bool gloss = (ch == 0xFF08 || ch == '(') && i < pos && tok_is_alnum(tok_decode(t + i, pos - i, &len)) &&
		             (unsigned char)t[i] < 0x80;
		if (dot || gloss) {
			size_t a = part_back(t, lo, st), b = dot ? part_forward(c, t, i, pos) : st;
			if (a < st && (!dot || b > i)) {
				for (size_t ds; a > lo && is_name_dot(char_before(t, lo, a, &ds)) &&
				                part_back(t, lo, ds) < ds;)
					a = part_back(t, lo, ds);   /* the earlier parts of X·Y·Z */
				while (dot && b < pos && is_name_dot(tok_decode(t + b, pos - b, &len)) &&
				       part_forward(c, t, b + (size_t)len, pos) > b + (size_t)len)
					b = part_forward(c, t, b + (size_t)len, pos);
				*s = a;
				*e = b;
				return true;
			}
		}
		i = st;
	}
	return false;
}

/* A pronoun subject (他说, と彼は言った) stands for the last transcribed
 * name before the quote, in the body: a headline names no one a pronoun
 * stands for (as speech.c holds for every language). */
static void resolve_pronoun(const speech_ctx *c, const quote *q, mention *m)
{
	const doc *d = c->d;
	size_t s, e, lo = d->body < d->npara ? d->para[d->body].start : 0;
	size_t hi = m->ds < q->open ? m->ds : q->open;
	if (m->kind == K_PRON && hi > lo && last_transcribed(c, d->text, lo, hi, &s, &e)) {
		m->rs = (uint32_t)s;
		m->re = (uint32_t)e;
	}
}

/* The head's first cue: one at its end (X说：), else one of two characters
 * or more inside it (X告诉Y：, X表示这是“), whose single characters would
 * also match inside other words; its start (he: none), length in *len. */
static size_t head_cue(const speech_ctx *c, const char *t, size_t hs, size_t he, size_t *len)
{
	for (size_t i = hs; i < he; i++) {
		if (char_at(t, i, he, "\xEF\xBC\x8C") || char_at(t, i, he, "\xE3\x80\x81") || t[i] == ',')
			hs = i + (t[i] == ',' ? 1 : 3);   /* the clause before the quote */
	}
	for (size_t i = hs; i < he; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		size_t l = starts_with(c, LA_CUE_BEFORE, t, i, he);
		if (l && (l >= 6 || i + l == he) && i > hs) {
			*len = l;
			return i;
		}
	}
	size_t l = ends_with(c, LA_CUE_BEFORE, t, hs, he);
	*len = l;
	return l ? he - l : he;
}

/* Where the subject that starts at s ends before e: at a topic particle or
 * a word between a subject and its verb (X在会上说, X曾经说过), two
 * characters on at least or after a pronoun (a name is not cut inside:
 * those words are also characters of other words). */
static size_t subject_end(const speech_ctx *c, const char *t, size_t s, size_t e)
{
	for (size_t i = s + 1; i < e; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		if (!starts_with(c, LA_TOPIC, t, i, e) && !starts_with(c, LA_SUBJECT_END, t, i, e))
			continue;
		if (i - s >= 6 || (lex_lookup(c->lang, t + s, i - s) & LX_PRON))
			return i;
	}
	return e;
}

/* The length of an [accord] word at t[s] (据, 根据: "according to"), 0 if none. */
static size_t accord_at(const speech_ctx *c, const char *t, size_t s, size_t e)
{
	for (size_t l = 6; l >= 3; l -= 3) {
		if (s + l <= e && (lex_lookup(c->lang, t + s, l) & LX_ACCORD))
			return l;
	}
	return 0;
}

/* 据X所述，…“…” / 据X称，“…”: the source named after an [accord] word that
 * opens a clause of the quote's sentence, up to 所 or a cue (据报道，with no
 * source before its comma, names no one). Its bytes in *s, *e. */
static bool accord_source(const speech_ctx *c, const char *t, size_t hs, size_t he, size_t *s, size_t *e)
{
	for (size_t i = hs; i < he;) {
		bool clause = i == hs || (i >= hs + 3 && char_at(t, i - 3, he, "\xEF\xBC\x8C"));
		size_t l = clause ? accord_at(c, t, i, he) : 0;
		for (size_t j = i + l; l && j < he; j++) {
			if (((unsigned char)t[j] & 0xC0) == 0x80)
				continue;
			bool ends = char_at(t, j, he, "\xE6\x89\x80") || starts_with(c, LA_CUE_BEFORE, t, j, he) ||
			            starts_with(c, LA_CUE_AFTER, t, j, he);
			if (ends && j > i + l && subject_start(t, i + l, j) == i + l) {
				*s = i + l;
				*e = j;
				return true;
			}
			if (ends || char_at(t, j, he, "\xEF\xBC\x8C"))
				break;
		}
		i += l ? l : 1;
	}
	return false;
}

/* Where a quote's candidates are looked for: its paragraph [ps, pe), the
 * head (the sentence before the opening mark, [hs, he) without the colon
 * or comma that introduces the quote) and the tail (from ts, after the
 * closing mark and its comma). */
typedef struct cjk_around {
	size_t ps, pe, hs, he, ts;
	bool tail_cue;   /* a cue opens the tail */
} cjk_around;

/* Does the sentence before hs end at the character ch, which starts at st
 * (not the full stop of an initial in a Latin name: Z. Y)? */
static bool ends_sentence(const char *t, size_t ps, size_t st, unsigned ch)
{
	if (ch == '.') {
		size_t st2;
		return !(st > ps && ((unsigned char)t[st - 1] & 0x80) == 0 && tok_is_alnum(char_before(t, ps, st, &st2)));
	}
	return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0x300D || ch == 0x201D;
}

static void head_bounds(const char *t, size_t open, cjk_around *r)
{
	size_t hs = open, st;
	while (hs > r->ps) {
		unsigned ch = char_before(t, r->ps, hs, &st);
		if (ends_sentence(t, r->ps, st, ch))
			break;
		hs = st;
	}
	size_t he = open;
	while (he > hs) {
		unsigned ch = char_before(t, hs, he, &st);
		if (ch != 0xFF1A && ch != 0xFF0C && ch != 0x3001 && ch != ':' && ch != ',' && ch != ' ')
			break;
		he = st;
	}
	r->hs = hs;
	r->he = he;
}

/* The tail's start: past the commas and spaces after the closing mark,
 * up to a cue. */
static void tail_start(const speech_ctx *c, const char *t, size_t close, cjk_around *r)
{
	size_t ts = close, pe = r->pe;
	while (ts < pe && (starts_with(c, LA_CUE_AFTER, t, ts, pe) == 0) &&
	       (char_at(t, ts, pe, "\xEF\xBC\x8C") || t[ts] == ',' || t[ts] == ' ' || char_at(t, ts, pe, "\xE3\x80\x81")))
		ts += t[ts] == ',' || t[ts] == ' ' ? 1 : 3;
	r->ts = ts;
	r->tail_cue = starts_with(c, LA_CUE_AFTER, t, ts, pe) > 0;
}

static cjk_around around_quote(const speech_ctx *c, const quote *q)
{
	const doc *d = c->d;
	size_t p = doc_para_at(d, q->open);
	cjk_around r = { .ps = p < d->npara ? d->para[p].start : 0, .pe = p < d->npara ? d->para[p].end : d->len };
	if (q->close > r.pe)
		r.pe = q->close;
	head_bounds(d->text, q->open, &r);
	tail_start(c, d->text, q->close, &r);
	return r;
}

/* X说：“…”, X告诉Y：“…”, X表示这是“…”: the subject before the head's first
 * cue; else X确信：“…”: the subject of a sentence that ends with a colon. */
static size_t head_subject(const speech_ctx *c, const quote *q, const cjk_around *r, mention *out, size_t max)
{
	const char *t = c->d->text;
	size_t hs = r->hs, he = r->he;
	if (!max)
		return 0;
	size_t cl0 = 0, cue0 = head_cue(c, t, hs, he, &cl0);
	if (cue0 < he) {
		size_t s = subject_start(t, hs, cue0);
		size_t e = subject_end(c, t, s, cue0), al = accord_at(c, t, s, e);
		if (al < e - s)
			s += al;   /* 据X称：the source, not the word before it */
		if (s >= e)
			return 0;
		make(c, c->art, s, e, cue0 + cl0 == he ? CR_BEFORE : CR_NEAR_BEFORE, 0, out);
		return 1;
	}
	bool colon = he < q->open && (char_at(t, he, q->open, "\xEF\xBC\x9A") || t[he] == ':');
	if (!colon)
		return 0;
	size_t s = subject_start(t, hs, he);
	size_t e = subject_end(c, t, s, he);
	if (!last_transcribed(c, t, hs, he, &s, &e) && s >= e)
		return 0;
	make(c, c->art, s, e, CR_COLON, 0, out);
	return 1;
}

/* X氏は「…」: the topics of the head, the nearest and the sentence's
 * first. */
static size_t head_topics(const speech_ctx *c, const cjk_around *r, mention *out, size_t max)
{
	const char *t = c->d->text;
	size_t hs = r->hs, he = r->he, k = 0, st;
	for (size_t i = he; i > hs && k < max && k < 2;) {
		char_before(t, hs, i, &st);
		size_t tl = starts_with(c, LA_TOPIC, t, st, he);
		if (!tl) {
			i = st;
			continue;
		}
		size_t s = subject_start(t, hs, st);
		if (s < st && (k == 0 || s == hs) && !kana_only(t, s, st))
			make(c, c->art, s, st, r->tail_cue ? CR_BEFORE : CR_NEAR_BEFORE, 0, &out[k++]);
		if (s == hs)
			break;
		i = s;
	}
	return k;
}

/* Where the tail's search for a cue stops: the sentence's end, the next
 * quote, or TAIL_CHARS characters. */
static size_t tail_limit(const char *t, const cjk_around *r)
{
	size_t limit = r->ts;
	for (int chars = 0; limit < r->pe && chars < TAIL_CHARS; chars++) {
		int len;
		unsigned ch = tok_decode(t + limit, r->pe - limit, &len);
		if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0x300C || ch == 0x201C)
			break;
		limit += (size_t)len;
	}
	return limit;
}

/* 「…」と、X氏は語った / “…”，X在博客中写道: the subject of a cue or topic
 * in the tail. */
static size_t tail_subject(const speech_ctx *c, const cjk_around *r, mention *out, size_t max)
{
	const char *t = c->d->text;
	size_t pe = r->pe, limit = tail_limit(t, r), from = r->ts;
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
	if (!max || !(cue < limit || topic < cue) || end <= from || end >= limit || subject_start(t, from, end) != from ||
	    kana_only(t, from, end) || accord_at(c, t, from, end) == end - from)   /* 据说: it is said */
		return 0;
	make(c, c->art, from, end, CR_BEFORE, 0, out);
	return 1;
}

size_t cjk_mentions(const speech_ctx *c, const quote *q, mention *out, size_t max)
{
	cjk_around r = around_quote(c, q);
	size_t k = head_subject(c, q, &r, out, max), as, ae;
	if (k < max && accord_source(c, c->d->text, r.hs, r.he, &as, &ae) && !(k && out[0].ds >= as && out[0].de <= ae))
		make(c, c->art, as, ae, CR_ACCORD, 0, &out[k++]);
	k += head_topics(c, &r, out + k, max - k);
	k += tail_subject(c, &r, out + k, max - k);
	for (size_t i = 0; i < k; i++)
		resolve_pronoun(c, q, &out[i]);
	return k;
}

/* The last part of the name t[s,e) (after its last middle dot): how a
 * transcribed name is written again further on (X·Y, then Y). */
static size_t last_part(const char *t, size_t s, size_t e)
{
	size_t p = s;
	for (size_t i = s; i < e;) {
		int len;
		unsigned ch = tok_decode(t + i, e - i, &len);
		i += (size_t)len;
		if (is_name_dot(ch))
			p = i;
	}
	return p;
}

static size_t count_of(const char *t, size_t n, const char *key, size_t kn)
{
	size_t count = 0;
	for (const char *p = t; kn && (p = memmem(p, n - (size_t)(p - t), key, kn)); p += kn)
		count++;
	return count;
}

bool cjk_top_person(const speech_ctx *c, mention *m, size_t *count)
{
	const char *t = c->d->text;
	size_t n = c->d->len, best = 1, pos = n, s, e;
	memset(m, 0, sizeof *m);
	for (int i = 0; i < TOP_NAMES && last_transcribed(c, t, 0, pos, &s, &e); i++, pos = s) {
		size_t p = last_part(t, s, e);
		if (e - p < 6)
			p = s;   /* a last part of one character would be counted inside other words */
		size_t k = count_of(t, n, t + p, e - p);
		if (k >= best) {   /* (>=: of names named as often, the first) */
			best = k;
			m->ds = (uint32_t)s;
			m->de = (uint32_t)e;
		}
	}
	m->kind = K_TOP;
	m->cue = -1;
	m->name = -1;
	*count = best;
	return m->de > m->ds;
}
