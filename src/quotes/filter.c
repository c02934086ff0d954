/* The quotes layer, part two: which spans are someone's words. quotes.c
 * finds the spans between quotation marks; here a quote's words are
 * counted, and the spans that are terms, scare quotes, titles, names or
 * slogans are dropped, by their look (the words capitalised, too few of
 * them) and by what announces them (a definite article, a label word such
 * as "Motto:", the acronym after a party's name). The words that decide
 * are the lexicon's (the files of lang/), in every language at once
 * where names and titles travel.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "cjk.h"
#include "filter.h"
#include "speech.h"
#include "tok.h"

/* For count_words: 1 for ASCII letters and digits, 2 for what goes on
 * inside a word (' - .). */
static const unsigned char ascii_word_byte[128] = {
	['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['\''] = 2, ['-'] = 2, ['.'] = 2,
};

/* count_words' step over the character at t[i]: *n and *in updated,
 * returns the position after it. */
static inline size_t count_word_bytes(const char *t, size_t i, size_t e, size_t *n, bool *in, bool *cjk)
{
	unsigned char b = (unsigned char)t[i];
	if (b < 0x80) {   /* no branch on the letters: a word starts where in was false */
		unsigned w = ascii_word_byte[b] & 1, join = ascii_word_byte[b] >> 1;
		*n += w & !*in;
		*in = w | (*in & join);
		return i + 1;
	}
	int len;
	unsigned c = tok_decode(t + i, e - i, &len);
	if (tok_is_cjk(c)) {
		*cjk = true;
		++*n;
		*in = false;
	} else {
		bool w = tok_is_alnum(c) || c == 0x2019;
		if (w && !*in && c != 0x2019)
			++*n;
		*in = w;
	}
	return i + (size_t)len;
}

/* Words in t[s,e) up to max (a CJK character counts as a word); *cjk is set
 * when there is CJK text. */
/* The ASCII letters and digits among eight bytes (the high bit of each
 * such lane), and in *join the bytes that go on inside a word (' - .);
 * false when a byte is not ASCII. */
static inline bool ascii_word_lanes(uint64_t x, uint64_t *word, uint64_t *join)
{
	const uint64_t one = 0x0101010101010101ull, high = 0x8080808080808080ull;
	if (x & high)
		return false;
	uint64_t v = x | high;   /* 0x80 + the byte: no borrow from a lane below */
	uint64_t folded = v | (one * 0x20);
	uint64_t letter = (folded - one * 'a') & ~(folded - one * ('z' + 1));
	uint64_t digit = (v - one * '0') & ~(v - one * ('9' + 1));
	*word = (letter | digit) & high;
	*join = (lanes_holding(x, '\'') | lanes_holding(x, '-') | lanes_holding(x, '.')) & high;
	return true;
}

#ifdef __SSE2__
/* ascii_word_lanes for the sixteen bytes at p, a bit a byte. */
static inline bool ascii_word_bits(const char *p, unsigned *word, unsigned *join)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	if (_mm_movemask_epi8(x))
		return false;
	__m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
	                               _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	__m128i joins = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))),
	                             _mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
	*word = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
	*join = (unsigned)_mm_movemask_epi8(joins);
	return true;
}
#endif

size_t span_count_words(const char *t, size_t s, size_t e, size_t max, bool *cjk)
{
	size_t n = 0;
	bool in = false;
	*cjk = false;
	size_t i = s;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* eight ASCII bytes at a time: a word starts at a letter or digit whose
	 * byte before is not in a word; a join (never two side by side here)
	 * is in a word when the byte before it is */
	while (i < e && n < max) {
#ifdef __SSE2__
		for (unsigned w, j; i + 16 <= e && n < max; i += 16) {   /* sixteen, as below with a bit a byte */
			if (!ascii_word_bits(t + i, &w, &j) || (j & (j << 1)))
				break;
			unsigned carry = in;
			unsigned inside = w | (j & ((w << 1) | carry));
			n += (size_t)__builtin_popcount(w & ~((inside << 1) | carry));
			in = (inside >> 15) & 1;
		}
#endif
		for (uint64_t x, w, j; i + 8 <= e && n < max; i += 8) {
			memcpy(&x, t + i, 8);
			if (!ascii_word_lanes(x, &w, &j) || (j & (j << 8)))
				break;
			uint64_t carry = in ? 0x80 : 0;
			uint64_t inside = w | (j & ((w << 8) | carry));
			uint64_t starts = (w & ~((inside << 8) | carry)) >> 7;   /* 0 or 1 a lane */
			n += (size_t)((starts * 0x0101010101010101ull) >> 56);    /* their sum, in the top lane */
			in = inside >> 63;
		}
		if (n >= max)
			return max;   /* where the byte loop would have stopped: ASCII has no CJK */
		for (size_t stop = i + 8; i < e && i < stop && n < max;)
			i = count_word_bytes(t, i, e, &n, &in, cjk);
	}
#endif
	while (i < e && n < max)
		i = count_word_bytes(t, i, e, &n, &in, cjk);
	return n;
}


span_words *span_words_of(const doc *d, const quote *v, size_t n)
{
	span_words *w = n ? malloc(n * sizeof *w) : NULL;
	for (size_t i = 0; w && i < n; i++)
		w[i].n = (unsigned char)span_count_words(d->text, v[i].start, v[i].end, TITLE_WORDS + 1, &w[i].cjk);
	return w;
}

/* A title, name or term in quotes: every word capitalised (short function
 * words aside) and no sentence punctuation. */
/* Does t[s,e) hold a word that starts with a lower-case ASCII letter
 * (at s or after a space or tab: where a token starts) and goes on with
 * more than five letters and digits? Such a word is no short function
 * word, so looks_like_title turns the quote down without reading its
 * tokens (most quotes of speech have one). */
static bool long_lower_word(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		if (t[i] < 'a' || t[i] > 'z' || (i > s && t[i - 1] != ' ' && t[i - 1] != '\t'))
			continue;
		size_t j = i;
		while (j < e && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= '0' && t[j] <= '9')))
			j++;
		if (j - i > 5)
			return true;
		i = j;
	}
	return false;
}

static bool looks_like_title(const speech_ctx *c, const char *t, size_t s, size_t e)
{
	if (long_lower_word(t, s, e))
		return false;
	tok v[2 * TITLE_WORDS + 2];   /* a quote's words are not in the token pass */
	tok_low low[sizeof v / sizeof *v];
	size_t n = tok_scan(t, s, e, c->lang, v, low, sizeof v / sizeof *v);
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		words += v[i].kind == T_WORD;
	if (n == sizeof v / sizeof *v || words > TITLE_WORDS || n == 0)
		return false;   /* the words are counted, not the dots and dashes between them */
	size_t first = 0;
	while (first < n && v[first].kind != T_WORD)
		first++;
	if (first == n || (!v[first].cap && !(t[v[first].s] >= '0' && t[v[first].s] <= '9')))
		return false;   /* a title starts with a capital: "auf Messers Schneide" is speech */
	size_t caps = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != T_WORD) {
			if (v[i].kind == T_DASH || v[i].kind == T_OTHER || v[i].kind == T_MARK || v[i].kind == T_COLON ||
			    v[i].kind == T_ABBR || v[i].kind == T_OPEN || v[i].kind == T_CLOSE)
				continue;
			if (i + 1 == n && (v[i].kind == T_STOP || v[i].kind == T_COMMA))
				continue;   /* "A Most Violent Year." */
			return false;
		}
		if (v[i].cap) {
			caps++;
			continue;
		}
		if (t[v[i].s] >= '0' && t[v[i].s] <= '9')
			continue;
		/* a short function word of any language: names and titles are often foreign */
		unsigned lex = 0;
		for (uint64_t m = LANG_LATIN_MASK; m && v[i].n <= 5; m &= m - 1)
			lex |= lex_mask(v[i].entry, (enum lang)__builtin_ctzll(m));   /* entry: the lookup of low, made once */
		if (!(lex & (LX_FUNC | LX_PREP | LX_PARTICLE | LX_DET | LX_CONJ)))
			return false;
	}
	return caps >= 2;
}

/* A name in quotes, told by its context: an acronym after it ("„Partij
 * voor de Vrijheid“ (PVV)"), or a definite article or (in German) a noun
 * right before a capitalised quote ("die Bewegung „People's Alliance“",
 * "der „Sacharow-Preis für geistige Freiheit“"); in a language without
 * articles (bare_nouns) any noun right before it, whatever its case: a
 * company, a paper, a party or a forum is named so, where speech follows a
 * colon, a comma or a verb. */
static bool named_thing(const speech_ctx *c, const char *t, const quote *q)
{
	size_t i = q->close;
	while (i < c->d->len && t[i] == ' ')
		i++;
	if (i < c->d->len && t[i] == '(') {
		size_t k = i + 1, caps = 0;
		while (k < c->d->len && ((t[k] >= 'A' && t[k] <= 'Z') || (t[k] >= '0' && t[k] <= '9')))
			k++, caps++;
		if (caps >= 2 && k < c->d->len && t[k] == ')')
			return true;
	}
	int len;
	if (!tok_is_upper(tok_decode(t + q->start, q->end - q->start, &len)))
		return false;
	size_t s = q->open > 48 ? q->open - 48 : 0;
	size_t p = doc_para_at(c->d, q->open);
	if (p < c->d->npara && s < c->d->para[p].start)
		s = c->d->para[p].start;
	size_t n;
	const tok *v = speech_tokens(c, s, q->open, 12, true, &n);
	if (n == 0 || v[n - 1].kind != T_WORD)
		return false;
	const tok *w = &v[n - 1];
	/* a noun before it, but not one that announces words: "mit den Worten „…“" */
	const uint32_t no_noun = LX_FUNC | LX_PREP | LX_CONJ | LX_CUE | LX_SPEECH_NOUN;
	bool whole = w->s > s || (p < c->d->npara && s == c->d->para[p].start);   /* (not cut by the window) */
	if ((speech_props(c) & LP_BARE_NOUNS) && whole && !(w->lex & (no_noun | LX_PRON | LX_AUX | LX_REL | LX_DET | LX_ACCORD)))
		return true;
	if (n < 2 || w->s == s)
		return false;
	if (lex_any(w->entry) & LXA_DEFINITE)   /* in any language: names travel */
		return true;
	return c->lang == LANG_DE && w->cap && !(w->lex & no_noun) && v[n - 2].kind == T_WORD;
}

/* Is the word t[s,e) one that announces a slogan, a title or a headline
 * rather than speech ("unter dem Motto", "Überschrift: „…“", "a report
 * titled")? A word of any language's [label] list, or a capitalised
 * compound ending with one (Wahlkampfmotto). Read on the bytes, not
 * through the tokens: this runs for every quote. */
static bool label_word(const char *t, size_t s, size_t e)
{
	if (e - s < 4 || e - s > 40)
		return false;
	char low[48];   /* a space, then the word lower-cased: lex_suffix finds an ending shorter than what it reads */
	low[0] = ' ';
	size_t n = 1;
	for (size_t i = s; i < e; i++) {
		unsigned char b = (unsigned char)t[i];
		if (b >= 'A' && b <= 'Z')
			b |= 0x20;
		else if (b >= 0x80 && b <= 0x9E && i > s && (unsigned char)t[i - 1] == 0xC3 && b != 0x97)
			b += 0x20;   /* À to Þ (but ×): Überschrift */
		low[n++] = (char)b;
	}
	bool cap = (t[s] >= 'A' && t[s] <= 'Z') || (unsigned char)t[s] >= 0x80;
	for (uint64_t m = LANG_LATIN_MASK; m; m &= m - 1) {
		size_t k = lex_suffix((enum lang)__builtin_ctzll(m), LA_LABEL, low, n);
		if (k == n - 1 || (k && cap))
			return true;
	}
	return false;
}

/* The word ending at e (letters, digits, hyphens, any non-ASCII byte), not
 * reaching before lo: returns its start (e when none). */
static size_t word_before(const char *t, size_t lo, size_t e)
{
	size_t s = e;
	while (s > lo && ((unsigned char)t[s - 1] >= 0x80 || t[s - 1] == '-' || (t[s - 1] >= '0' && t[s - 1] <= '9') ||
	                  ((t[s - 1] | 0x20) >= 'a' && (t[s - 1] | 0x20) <= 'z')))
		s--;
	return s;
}

/* Is q a slogan, title or headline by what stands before it: a label word
 * right before the mark (a colon between allowed), or opening the
 * parenthesis or the paragraph that a colon before the mark ends
 * ("(Motto des Vereins: „…“)")? */
static bool labelled(const speech_ctx *c, const quote *q)
{
	const char *t = c->d->text;
	size_t lo = q->open > 48 ? q->open - 48 : 0;   /* the same paragraph: '\n' is never passed */
	size_t e = q->open;
	while (e > lo && t[e - 1] == ' ')
		e--;
	bool colon = e > lo && t[e - 1] == ':';
	if (colon)
		e--;
	if (label_word(t, word_before(t, lo, e), e))
		return true;
	if (!colon)
		return false;
	/* the phrase before the colon: back to "(" or the paragraph start, within 80 bytes */
	size_t p = doc_para_at(c->d, q->open);
	size_t ps = p < c->d->npara ? c->d->para[p].start : 0;
	size_t s = e > ps + 80 ? e - 80 : ps;
	const char *open = memrchr(t + s, '(', e - s);
	if (open)
		s = (size_t)(open - t) + 1;
	else if (s != ps)
		return false;
	while (s < e && t[s] == ' ')
		s++;
	size_t w = s;
	while (w < e && t[w] != ' ' && t[w] != ':' && t[w] != ',')
		w++;
	return label_word(t, s, w);
}

/* Where nouns are capitalised, a characterisation can look like a title:
 * "als „Geschäft des Jahrhunderts“ bezeichnet". After a word of the [as]
 * lists it is someone's words, not a name. */
static bool characterised(const speech_ctx *c, const quote *q)
{
	const char *t = c->d->text;
	size_t lo = q->open > 16 ? q->open - 16 : 0;
	size_t e = q->open;
	while (e > lo && t[e - 1] == ' ')
		e--;
	size_t s = word_before(t, lo, e);
	return (lex_lang_props(c->lang) & LP_CAPITALISED_NOUNS) && e > s && (lex_any(lex_find(t + s, e - s)) & LXA_AS);
}

/* Dash "speech" that is a sub-heading: a short line with nothing after it
 * and no punctuation at its end ("– Tre dage tilbage"). */
static bool dash_heading(const doc *d, const quote *q, size_t words)
{
	const char *t = d->text;
	size_t p = doc_para_at(d, q->open);
	if (words > TITLE_WORDS || p >= d->npara)
		return false;
	for (size_t i = q->end; i < d->para[p].end; i++)
		if (t[i] != ' ' && t[i] != '\t')
			return false;
	unsigned last = char_before(t, q->end, q->start);
	return tok_is_alnum(last);
}

/* Is q a term, a scare quote, a title or a name rather than someone's
 * words? Fewer than MIN_WORDS words (CJK quotes are kept here and judged
 * once attributed), a title or a name by its look or what announces it;
 * dash speech only when it is that short or a sub-heading. */
static bool not_speech(const speech_ctx *c, const quote *q, const span_words *known)
{
	const char *t = c->d->text;
	bool cjk;
	size_t w = known ? (cjk = known->cjk, known->n) : span_count_words(t, q->start, q->end, TITLE_WORDS + 1, &cjk);
	if (cjk)
		return false;
	if (w < MIN_WORDS)
		return true;
	if (q->dash)
		return dash_heading(c->d, q, w);
	if (labelled(c, q))
		return true;
	if (w > TITLE_WORDS || characterised(c, q))
		return false;
	return looks_like_title(c, t, q->start, q->end) || named_thing(c, t, q);
}

size_t span_drop_terms(const speech_ctx *c, quote *v, size_t n, const span_words *words)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!not_speech(c, &v[i], words ? &words[i] : NULL))
			v[k++] = v[i];
	return k;
}

/* Is q attributed to someone named in its own paragraph (not only a
 * speaker carried on from the quote before)? */
static bool attributed_here(const doc *d, const quote *q)
{
	return q->speaker && q->spk_end > q->spk_start && doc_para_at(d, q->spk_start) == doc_para_at(d, q->open);
}

size_t span_drop_unattributed_cjk(const doc *d, quote *v, size_t n)
{
	const char *t = d->text;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		quote *q = &v[i];
		bool cjk;
		span_count_words(t, q->start, q->end, 1, &cjk);
		if (!cjk || q->depth > 0 || attributed_here(d, q) || cjk_reads_as_speech(d, q)) {
			v[k++] = *q;
		} else {
			free(q->speaker);
			free(q->cue);
		}
	}
	return k;
}
