/* What the article says of its people: one pass over its tokens marks the
 * sentences and paragraphs, finds every mention that could be a speaker (a
 * name run with its titles and roles, a pronoun, a description: "the prime
 * minister", "der Sprecher des Ministeriums", "statsministeren"), how each
 * stands to a cue word (before it, after it, after "according to"...), and
 * collects the names: the fullest form of each (Brand -> Ilse Brand), the
 * gender its titles give it, how often it comes. The classes of the words
 * come from the lexicon (src/quotes/lang): nothing here names a word.
 */
#include <unistr.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "speech.h"

#define NAME_MAX_TOKENS 8   /* words of a name run */
#define PHRASE_WORDS 8      /* words of a description */
#define MODIFIERS 4         /* lower-case words before a description's head */
#define GENITIVE_WORDS 4    /* words of its genitive ("of the interior ministry") */
#define GAP 3               /* words that may stand between a subject and its cue */
#define PP_TOKENS 7         /* a phrase between a cue and its subject ("dijo a la agencia EFE el portavoz") */
#define APPOS_TOKENS 16     /* length of an apposition ("X, the council's finance chief, said") */
#define NEAR_TOKENS 24      /* a cue this near in the sentence relates to a mention */
#define PRON_SENTENCES 14   /* how far back a pronoun looks for its person */
#define PRON_TOKENS 400
#define NAME_RUN_WORDS 4    /* longest run kept as a name's fullest form */

/* ---- words --------------------------------------------------------------------------- */

static bool is_word(const tok *w)
{
	return tok_spaced_word(w);
}

static bool is_det(const tok *w)
{
	return is_word(w) && (w->lex & LX_DET) && (!w->cap || w->sent);
}

/* The classes of a possessive's stem ("Tuesday's"): 0 for other words. */
static uint32_t stem_classes(const tok *w)
{
	size_t k = w->n > 2 && !memcmp(w->low + w->n - 2, "'s", 2) ? 2 :
	           w->n > 4 && !memcmp(w->low + w->n - 4, "\xE2\x80\x99s", 4) ? 4 : 0;
	return k ? lex_lookup((enum lang)w->lang, w->low, w->n - k) : 0;
}

static bool name_word_slow(const tok *w)
{
	if (!is_word(w) || !w->cap)
		return false;
	if (w->lex & (LX_TITLE | LX_HONOR))
		return true;
	/* inside a sentence a capital makes a name of a small word ("said A. Smith", "The Hague") */
	uint32_t never = LX_CAL | LX_PRON | LX_CUE | LX_ACCORD | LX_EXPLETIVE;
	if (w->sent)
		never |= LX_FUNC | LX_DET | LX_PREP | LX_CONJ | LX_REL;
	/* where the verb comes second, an adverb opens many a sentence and the
	 * subject follows the verb ("Später sagte X"): the adverb
	 * is no name, or it takes the subject's place */
	if (w->sent && (lex_lang_props((enum lang)w->lang) & LP_VERB_SECOND))
		never |= LX_SKIP;
	if (w->lex & never)
		return false;
	return !(w->n > 2 && (w->low[w->n - 1] == 's') && (stem_classes(w) & (LX_CAL | LX_FUNC)));
}

static bool possessive(const tok *w)
{
	return is_word(w) && !w->ascii && ((w->n > 2 && !memcmp(w->low + w->n - 2, "'s", 2)) ||
	                      (w->n > 4 && !memcmp(w->low + w->n - 4, "\xE2\x80\x99s", 4)));
}

/* A case form joined by a colon to an abbreviation or a number ("YK:n",
 * "EU:ssa", "FN:s": tok.c keeps it one word): a body's or a date's, never
 * a person's. */
static bool colon_case(const tok *w)
{
	return w->mark & TM_COLON;
}

/* Where the colon of colon_case's word w (of the text t) stands: the end
 * of the abbreviation or number before its case ending. */
static size_t before_colon(const char *t, const tok *w)
{
	return (size_t)((const char *)memchr(t + w->s, ':', w->e - w->s) - t);
}

/* The length of an elided article that opens w ("l'avvocato",
 * "l’avocat", "un'attrice"), 0 when none: what follows it is the word. */
static size_t elided_article(const tok *w)
{
	if (w->ascii)
		return 0;   /* (most words: no apostrophe) */
	if (w->n > 2 && w->low[0] == 'l' && w->low[1] == '\'')
		return 2;
	if (w->n > 4 && w->low[0] == 'l' && !memcmp(w->low + 1, "\xE2\x80\x99", 3))
		return 4;
	if (w->n > 3 && !memcmp(w->low, "un'", 3))
		return 3;
	return 0;
}

/* The classes of the word after an elided article, 0 for other words. */
static uint32_t elided_classes(const speech_ctx *c, const tok *w)
{
	size_t k = elided_article(w);
	return k ? lex_lookup(c->lang, w->low + k, w->n - k) : 0;
}

/* Which endings the article's language has (most have none of some kinds),
 * and what marking a word needs to know of the article once. */
typedef struct endings {
	bool role, definite, cue;
	bool rcase;      /* a role word takes case endings ([case_suffix]) */
	bool extras;     /* the options add cue words */
	bool plain_ok;   /* a lower-case word no list marks is neither cue, role nor name */
	ending_filter role_end, definite_end;   /* (made when the language has endings of the kind) */
} endings;

void ending_filter_init(ending_filter *f, enum lang lang, enum lex_affix k)
{
	size_t n;
	const char *const *e = lex_affixes(lang, k, &n);
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(e[i]);
		if (l < 3) {
			f->all = true;
			continue;
		}
		unsigned b = ending_filter_bit(e[i], l);
		f->bits[b / 64] |= 1ull << (b % 64);
	}
}

static bool role_low(const speech_ctx *c, const endings *x, const char *low, size_t n)
{
	return (lex_lookup(c->lang, low, n) & (LX_ROLE | LX_TITLE)) ||
	       (x->role && ending_filter_may(&x->role_end, low, n) && lex_suffix(c->lang, LA_ROLE_SUFFIX, low, n));
}

/* The length of the stem of low[0..n) that is a listed role or title once
 * one of the language's case endings is taken off ("bakana": "bakan"), 0
 * when none is. */
static size_t role_case_stem(const speech_ctx *c, const char *low, size_t n)
{
	size_t ne;
	const char *const *e = lex_affixes(c->lang, LA_CASE_SUFFIX, &ne);
	for (size_t i = 0; i < ne; i++) {
		size_t l = strlen(e[i]);
		if (n > l + 2 && !memcmp(low + n - l, e[i], l) && (lex_lookup(c->lang, low, n - l) & (LX_ROLE | LX_TITLE)))
			return n - l;
	}
	return 0;
}

/* The bytes of a case ending on the role word w, which is shown without
 * it ("Bakana" is "Bakan"), 0 when it has none. */
static size_t role_case_ending(const speech_ctx *c, const tok *w)
{
	size_t stem = w->n ? role_case_stem(c, w->low, w->n) : 0;
	return stem ? w->n - stem : 0;
}

/* A word naming a person by role: spokesman, Pressesprecher, and in its
 * definite form (pressekreteraren: pressekreterare + n). */
static bool role_word_slow(const speech_ctx *c, const endings *x, const tok *w)
{
	if (!is_word(w) || !w->n)
		return false;
	if ((w->lex & (LX_ROLE | LX_TITLE)) ||
	    (x->role && ending_filter_may(&x->role_end, w->low, w->n) && lex_suffix(c->lang, LA_ROLE_SUFFIX, w->low, w->n)))
		return true;
	if (!w->cap && (elided_classes(c, w) & LX_ROLE))
		return true;   /* l'avvocato */
	if (x->rcase && role_case_stem(c, w->low, w->n))
		return true;   /* bakana, valiye */
	size_t k = x->definite && ending_filter_may(&x->definite_end, w->low, w->n) ?
	           lex_suffix(c->lang, LA_DEFINITE_SUFFIX, w->low, w->n) : 0;
	return k && w->n - k >= 3 && role_low(c, x, w->low, w->n - k);
}

bool mention_name_word(const tok *w)
{
	return w->mark & TM_NAME;
}

static bool role_word(const speech_ctx *c, const tok *w)
{
	(void)c;
	return w->mark & TM_ROLE;
}

static bool cue_at(const tok *w, bool *fused)
{
	*fused = w->mark & TM_FUSED;
	return w->mark & TM_CUE;
}

static void endings_of(const speech_ctx *c, endings *x)
{
	size_t k;
	lex_affixes(c->lang, LA_ROLE_SUFFIX, &k);
	x->role = k > 0;
	lex_affixes(c->lang, LA_DEFINITE_SUFFIX, &k);
	x->definite = k > 0;
	lex_affixes(c->lang, LA_CUE_SUFFIX, &k);
	x->cue = k > 0;
	lex_affixes(c->lang, LA_CASE_SUFFIX, &k);
	x->rcase = k > 0;
	x->extras = c->opts && c->opts->ncues;
	/* without endings to test, a lower-case word no list marks is none of the three (most words) */
	x->plain_ok = !x->extras && !x->cue && !x->role && !x->definite && !x->rcase;
	if (x->role)
		ending_filter_init(&x->role_end, c->lang, LA_ROLE_SUFFIX);
	if (x->definite)
		ending_filter_init(&x->definite_end, c->lang, LA_DEFINITE_SUFFIX);
}

/* What a word is, once for the article: cue, role, name (TM_ bits). */
static unsigned char word_mark(const speech_ctx *c, const endings *x, const tok *w)
{
	bool fused;
	unsigned char m = TM_DONE | ((w->lex & (LX_PRON | LX_DET)) ? TM_LEAD : 0);
	/* (the tests in one, with & not &&: each alone goes either way from
	 * word to word, which the branches of && mispredicted) */
	bool plain = x->plain_ok & !w->cap & !(w->lex & (LX_CUE | LX_ROLE | LX_TITLE)) &
	             (w->ascii || !(w->n > 2 && (w->low[1] == '\'' || (unsigned char)w->low[1] == 0xE2 || w->low[2] == '\'')));
	if ((w->kind == T_WORD) & !plain) {
		/* (the common case first: a listed cue, or no cue at all) */
		bool maybe = (w->lex & LX_CUE) || x->extras || x->cue;
		if (maybe && cue_word(c, w, &fused))
			m |= TM_CUE | (fused ? TM_FUSED : 0);
		if (role_word_slow(c, x, w))
			m |= TM_ROLE;
		if (name_word_slow(w))
			m |= TM_NAME;
		if (w->cap && !w->ascii && memchr(w->low, ':', w->n))
			m |= TM_COLON;   /* (once: colon_case is asked of every name's words) */
		if (!w->cap && (elided_classes(c, w) & (LX_ORG | LX_TEXT)))
			m |= TM_LEAD;   /* l'association, l'étude: a phrase starts there */
	}
	return m;
}

/* Is the capitalised calendar word v[i] a month's name that a name holds
 * ("Theresa May", "April Ryan") rather than a date: no number beside it
 * ("May 5", "5 May 2016")? Asked only beside a name word. */
static bool month_in_name(const speech_ctx *c, const tok *v, size_t n, size_t i)
{
	const char *t = c->d->text;
	bool digit_before = i > 0 && v[i - 1].e > v[i - 1].s && t[v[i - 1].e - 1] >= '0' && t[v[i - 1].e - 1] <= '9';
	bool digit_after = i + 1 < n && t[v[i + 1].s] >= '0' && t[v[i + 1].s] <= '9';
	return !digit_before && !digit_after && lex_month(v[i].low, v[i].n);
}

/* May the month's name v[i] open the name after it: not after a
 * preposition or a determiner ("in May Smith said", "last May Jones…"). */
static bool month_opens_name(const tok *v, size_t i)
{
	return i == 0 || (!(v[i - 1].lex & (LX_PREP | LX_DET | LX_CAL | LX_SKIP | LX_CONJ)) && is_word(&v[i - 1]));
}

/* Capitalised months' names beside a name word of their sentence are part
 * of the name (month_in_name): after it (Theresa May) they are marked a
 * name word; before it (April Ryan), a lead too, put in its place among
 * the leads (the names are the leads, so that only they are read). The
 * number of leads. */
static size_t months_in_names(const speech_ctx *c, tok *v, size_t n, const uint32_t *sent, uint32_t *lead, size_t nlead)
{
	for (size_t j = 0; j < nlead; j++) {
		size_t i = lead[j];
		if (!(v[i].mark & TM_NAME))
			continue;
		if (i + 1 < n && (v[i + 1].lex & LX_CAL) && v[i + 1].cap && !(v[i + 1].mark & TM_NAME) &&
		    sent[i + 1] == sent[i] && month_in_name(c, v, n, i + 1))
			v[i + 1].mark |= TM_NAME;
		if (i > 0 && (v[i - 1].lex & LX_CAL) && v[i - 1].cap && !(v[i - 1].mark & TM_NAME) && !v[i - 1].sent &&
		    sent[i - 1] == sent[i] && month_in_name(c, v, n, i - 1) && month_opens_name(v, i - 1)) {
			v[i - 1].mark |= TM_NAME;
			memmove(lead + j + 1, lead + j, (nlead - j) * sizeof *lead);   /* (rare: a name after a month's) */
			lead[j++] = (uint32_t)i - 1;
			nlead++;
		}
	}
	return nlead;
}

/* A title or role dropped before a name (Mr, Finanzminister); Sir, Lord stay. */
static bool title_word(const speech_ctx *c, const tok *w)
{
	return !(w->lex & LX_HONOR) && role_word(c, w);
}

static bool text_word(const speech_ctx *c, const tok *w)
{
	return is_word(w) && ((w->lex & LX_TEXT) || (w->n && lex_suffix(c->lang, LA_TEXT_SUFFIX, w->low, w->n)) ||
	                      (!w->cap && (elided_classes(c, w) & LX_TEXT)));
}

static bool org_word(const speech_ctx *c, const tok *w)
{
	return is_word(w) && ((w->lex & LX_ORG) || (w->n && lex_suffix(c->lang, LA_ORG_SUFFIX, w->low, w->n)) ||
	                      (!w->cap && (elided_classes(c, w) & LX_ORG)));
}

/* Is v[k] a capitalised word of one letter right after a word for a
 * body ("Bộ Y tế", a hospital's "A"): a syllable of the body's name,
 * never a person's. */
static inline bool letter_of_a_body(const speech_ctx *c, const tok *v, size_t k)
{
	/* (a letter of three bytes at most, one character: its UTF-8 lead byte
	 * tells its length; most words end the test at their length) */
	if (v[k].n > 3 || !v[k].n)
		return false;
	unsigned char b = (unsigned char)v[k].low[0];
	return v[k].n == (b < 0x80 ? 1u : b >= 0xE0 ? 3u : 2u) && k > 0 && v[k].cap && is_word(&v[k]) &&
	       org_word(c, &v[k - 1]);
}

/* Does the name run v[na, nb) (nb > na) open or end with a
 * letter_of_a_body (the body's word in it or right before it: "A X" after
 * a lower-case one, "Bộ Y" before one)? */
static inline bool body_run(const speech_ctx *c, const tok *v, size_t na, size_t nb)
{
	/* (most runs: neither end is a word of one to three bytes; both asked
	 * in one test, without a branch between) */
	if ((v[na].n - 1u >= 3u) & (v[nb - 1].n - 1u >= 3u))
		return false;
	return letter_of_a_body(c, v, na) || letter_of_a_body(c, v, nb - 1);
}

/* A lower-case word that can stand inside a description: an adjective or
 * a noun, not a function word or a verb the lists know. */
static bool modifier(const tok *w)
{
	return is_word(w) && !w->cap &&
	       !(w->lex & (LX_FUNC | LX_PREP | LX_CONJ | LX_REL | LX_CUE | LX_SKIP | LX_AUX | LX_PRON | LX_CAL |
	                   LX_ACCORD | LX_ACCORD_AFTER | LX_FILLER | LX_IMPERSONAL | LX_SUBJUNCTIVE | LX_EXPLETIVE |
	                   LX_PRON_OBJ));
}

bool mention_all_caps_rest(const char *t, size_t s, size_t e)
{
	size_t letters = 0;
	for (size_t i = s; i < e;) {
		unsigned char b = (unsigned char)t[i];
		if (b < 0x80) {   /* (inline: most names are ASCII, and their second letter answers) */
			if ((unsigned)(b - 'a') < 26)
				return false;
			letters += (unsigned)(b - 'A') < 26;
			i++;
			continue;
		}
		int len;
		unsigned ch = tok_decode(t + i, e - i, &len);
		if (tok_is_alnum(ch) && !(ch >= '0' && ch <= '9')) {
			if (!tok_is_upper(ch))
				return false;
			letters++;
		}
		i += (size_t)len;
	}
	return letters >= 2;
}

/* all_caps of a colon's case form: its abbreviation ("EU:n" is an acronym). */
static __attribute__((noinline)) bool colon_all_caps(const speech_ctx *c, const tok *w)
{
	return mention_all_caps(c->d->text, w->s, before_colon(c->d->text, w));
}

static inline bool all_caps(const speech_ctx *c, const tok *w)
{
	return colon_case(w) ? colon_all_caps(c, w) : mention_all_caps(c->d->text, w->s, w->e);
}

/* May w stand between a subject and its verb (also, has, later)? */
static bool gap_word(const tok *w)
{
	return is_word(w) && !w->cap && (w->lex & (LX_SKIP | LX_AUX | LX_FILLER)) && !(w->lex & (LX_DET | LX_PREP));
}

/* The gender of one of the three classes; none or more than one is any. */
static enum gender word_gender(const tok *w)
{
	_Static_assert(LX_FEMALE == LX_MALE << 1 && LX_PLURAL == LX_MALE << 2, "the gender classes are three bits in a row");
	static const uint8_t of_bits[8] = { G_ANY, G_MALE, G_FEMALE, G_ANY, G_PLURAL, G_ANY, G_ANY, G_ANY };
	return (enum gender)of_bits[(w->lex / LX_MALE) & 7];
}

/* ---- sentences and paragraphs -------------------------------------------------------- */

/* Does v[k] end its sentence? A full stop that ends a quote's words does
 * not when the attribution goes on in lower case ("We won!" said Smith). */
static bool sentence_end(const tok *v, size_t n, size_t k)
{
	if (v[k].kind != T_STOP)
		return false;
	if (k > 0 && v[k - 1].kind == T_QUOTE && v[k].e <= v[k - 1].e && k + 1 < n && !v[k + 1].para) {
		const tok *x = &v[k + 1];
		if (x->kind == T_COMMA || x->kind == T_DASH || (x->kind == T_WORD && !x->cap && !x->cjk))
			return false;
	}
	return true;
}

void mention_note_cue(uint32_t *cues, size_t *ncue, int32_t *sfirst, int32_t *slast, uint32_t s, size_t i)
{
	cues[(*ncue)++] = (uint32_t)i;
	sfirst[s] = sfirst[s] < 0 ? (int32_t)i : sfirst[s];
	slast[s] = (int32_t)i;
}

/* Marks every word (word_mark) and finds the sentences, paragraphs, cues
 * and colons around each token, in one pass over the tokens. */
static int annotate(const speech_ctx *c, speech_art *a, tok *v, size_t n)
{
	/* the nine arrays of four-byte numbers, a token each (a sentence a
	 * token at most), in one block that a->sent owns */
	_Static_assert(sizeof *a->sent == 4 && sizeof *a->spara == 4 && sizeof *a->sstart == 4 &&
	               sizeof *a->cues == 4 && sizeof *a->scue == 4 && sizeof *a->colon == 4 &&
	               sizeof *a->lead == 4 && sizeof *a->sfirst == 4 && sizeof *a->slast == 4,
	               "the arrays share one block of four-byte numbers");
	size_t cap = n ? n : 1;
	if (a->blockcap < cap) {   /* (a block kept from an article before may do) */
		free(a->sent);
		a->sent = cap <= SIZE_MAX / 36 ? malloc(cap * 36) : NULL;
		a->blockcap = a->sent ? cap : 0;
		if (!a->sent)
			return Q_ENOMEM;
	}
	cap = a->blockcap;
	uint32_t *block = a->sent;
	a->spara = block + cap;
	a->sstart = block + 2 * cap;
	a->cues = block + 3 * cap;
	a->scue = block + 4 * cap;
	a->colon = (int32_t *)(block + 5 * cap);
	a->lead = block + 6 * cap;
	a->sfirst = (int32_t *)(block + 7 * cap);
	a->slast = (int32_t *)(block + 8 * cap);
	/* one pass: the sentences and paragraphs, the cues (a few an
	 * article: a list of them and where each sentence's start, not the
	 * nearest before and after each token, two stores a token), and each
	 * sentence's first colon before a quote (the arrays through local
	 * pointers: a store to one may not alias a's fields) */
	uint32_t s = 0, p = 0, *sent = a->sent, *spara = a->spara, *sstart = a->sstart, *lead = a->lead;
	uint32_t *cues = a->cues, *scue = a->scue;
	size_t nlead = 0, ncue = 0;
	int32_t *colon = a->colon, *sfirst = a->sfirst, *slast = a->slast;
	endings x;
	endings_of(c, &x);
	sstart[0] = 0;
	spara[0] = 0;
	scue[0] = 0;
	sfirst[0] = slast[0] = -1;
	colon[0] = -1;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (v[i].para || sentence_end(v, n, i - 1))) {
			p += v[i].para;
			sstart[++s] = (uint32_t)i;
			spara[s] = p;
			scue[s] = (uint32_t)ncue;
			sfirst[s] = slast[s] = -1;
			colon[s] = -1;
		}
		sent[i] = s;
		if (v[i].kind != T_WORD) {
			/* (a comma, a full stop, a quotation mark: no cue and no mention starts there,
			 * and only such a token is a colon; the words take the path below) */
			v[i].mark = TM_DONE | ((v[i].lex & (LX_PRON | LX_DET)) ? TM_LEAD : 0);
			if (v[i].kind == T_COLON && colon[s] < 0 && i + 1 < n && (v[i + 1].kind == T_QUOTE || v[i + 1].kind == T_MARK))
				colon[s] = (int32_t)i;
			continue;
		}
		unsigned char m = word_mark(c, &x, &v[i]);
		v[i].mark = m;
		if ((m & (TM_FUSED | TM_NAME | TM_ROLE | TM_LEAD)) && !v[i].cjk)
			lead[nlead++] = (uint32_t)i;   /* may start a mention (scan_mentions) */
		if (m & TM_CUE)
			mention_note_cue(cues, &ncue, sfirst, slast, s, i);
	}
	a->nlead = months_in_names(c, v, n, sent, lead, nlead);
	a->ncue = ncue;
	return 0;
}

/* The nearest cue at or after token k in its sentence, -1 when none. */
static inline __attribute__((always_inline)) int32_t cue_from(const speech_art *a, size_t k)
{
	uint32_t s = a->sent[k];
	if (a->slast[s] < (int32_t)k || a->sfirst[s] >= (int32_t)k)
		return a->slast[s] < (int32_t)k ? -1 : a->sfirst[s];   /* (most: none, or one cue) */
	for (size_t j = a->scue[s];; j++)
		if (a->cues[j] >= k)
			return (int32_t)a->cues[j];
}

/* The nearest cue at or before token k in its sentence, -1 when none
 * (the cues from its sentence's first up to k are in it). */
static inline __attribute__((always_inline)) int32_t cue_upto(const speech_art *a, size_t k)
{
	uint32_t s = a->sent[k];
	if (a->sfirst[s] < 0 || a->sfirst[s] > (int32_t)k || a->slast[s] <= (int32_t)k)
		return a->sfirst[s] < 0 || a->sfirst[s] > (int32_t)k ? -1 : a->slast[s];
	int32_t last = -1;
	for (size_t j = a->scue[s]; a->cues[j] <= k; j++)   /* (the sentence's last cue lies past k) */
		last = (int32_t)a->cues[j];
	return last;
}

int32_t mention_cue_from(const speech_art *a, size_t k)
{
	return cue_from(a, k);
}

int32_t mention_cue_upto(const speech_art *a, size_t k)
{
	return cue_upto(a, k);
}

/* ---- name runs and phrases ------------------------------------------------------------- */

/* Do lower-case particles (none or more) from v[j] on lead to a name word
 * in the same sentence (van den Berg, de la Cruz)? */
static bool particles_then_name(const tok *v, size_t n, size_t j)
{
	for (size_t k = j; k < n && k < j + 3 && !v[k].sent && !v[k].para; k++) {
		if (mention_name_word(&v[k]))
			return true;
		if (!is_word(&v[k]) || v[k].cap || !(v[k].lex & LX_PARTICLE))
			return false;
	}
	return false;
}

/* The name run from v[i] on: names, lower-case particles between names,
 * the dots of abbreviations (Maj. Gen. J.). Returns the index after it. */
static size_t run_end(const speech_ctx *c, const tok *v, size_t n, size_t i)
{
	bool cap_nouns = speech_props(c) & LP_CAPITALISED_NOUNS;
	size_t j = i, words = 0;
	while (j < n && words < NAME_MAX_TOKENS && (j == i || !v[j].para)) {
		const tok *w = &v[j];
		if (mention_name_word(w)) {
			j++;
			words++;
		} else if (j > i && w->kind == T_ABBR && v[j - 1].kind == T_WORD && j + 1 < n &&
		           (mention_name_word(&v[j + 1]) || (!cap_nouns && particles_then_name(v, n, j + 1)))) {
			j++;   /* (an initial's dot, before the name or its particles: "P. van der X") */
		} else if (!cap_nouns && j > i && is_word(w) && !w->cap && (w->lex & LX_PARTICLE) &&
		           !role_word(c, &v[j - 1]) && particles_then_name(v, n, j + 1)) {
			/* (after a role the particle is a preposition: "el Presidente de X" is X's president) */
			j++;   /* Charles de Gaulle, Edwin van der Sar (where nouns have capitals, "Amtsantritt von Merkel" is two) */
		} else if (j == i && is_word(w) && w->cap && (w->lex & LX_PARTICLE) &&
		           (cap_nouns ? j + 1 < n && mention_name_word(&v[j + 1]) : particles_then_name(v, n, j + 1))) {
			j++;   /* De Vries, Van den Berg */
		} else {
			break;
		}
	}
	while (j > i && !mention_name_word(&v[j - 1]))
		j--;   /* ends with a name word */
	return j;
}

typedef struct phrase {
	size_t a, b;            /* tokens */
	size_t na, nb;          /* the name run it ends with (na == nb: none) */
	size_t head;            /* the last word before a genitive */
	bool det;
	signed char noun;       /* noun_like of the name run once scan_phrase asked, else -1 */
	bool body;              /* the name run names a body (body_run) */
} phrase;

/* Does the lower-case word v[j], of the classes want and none of refuse,
 * join what follows to a phrase? The index after it and its article, or 0. */
static size_t joined(const tok *v, size_t n, size_t j, unsigned want, unsigned refuse)
{
	if (j + 1 >= n || !is_word(&v[j]) || v[j].cap || !(v[j].lex & want) || (v[j].lex & refuse) || v[j + 1].para)
		return 0;
	size_t k = j + 1;
	return is_det(&v[k]) && !v[k].cap ? k + 1 : k;
}

/* A genitive after a phrase ("of the ministry", "des Ministeriums", "del
 * Gobierno"): the index after it, or j when there is none. */
static size_t genitive(const speech_ctx *c, const tok *v, size_t n, size_t j)
{
	size_t k = joined(v, n, j, LX_OF, 0), words = 0;
	if (!k)
		return j;
	while (k < n && words < GENITIVE_WORDS && !v[k].para) {
		if (mention_name_word(&v[k])) {
			k = run_end(c, v, n, k);
			words = GENITIVE_WORDS;
			break;
		}
		if (!modifier(&v[k]))
			break;
		k++;
		words++;
	}
	while (k > j + 1 && !is_word(&v[k - 1]))
		k--;
	return k > j + 1 && is_word(&v[k - 1]) && !is_det(&v[k - 1]) && !(v[k - 1].lex & LX_OF) ? k : j;
}

/* Does the name run v[a, b) name a day, a month or a date, never a body
 * or a place a description belongs to? */
static bool calendar_run(const tok *v, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (v[k].lex & LX_CAL)
			return true;
	return false;
}

/* A complement after a description that says whose or where it is ("a
 * spokesman for the city council", "der Leiter der Polizei in X"): a
 * preposition, maybe an article and adjectives, then a name or a word
 * for a body or a role. The index after it, or j when there is none: a
 * time ("on Tuesday") or anything else ("in a statement") is not one. */
static size_t complement(const speech_ctx *c, const tok *v, size_t n, size_t j)
{
	size_t k = joined(v, n, j, LX_PREP, LX_CAL | LX_CUE), words = 0;
	if (!k)
		return j;
	while (k < n && words < GENITIVE_WORDS && !v[k].para) {
		if (mention_name_word(&v[k])) {
			size_t e = run_end(c, v, n, k);
			return e > k && !calendar_run(v, k, e) ? e : j;
		}
		if (!modifier(&v[k]))
			return j;
		if (org_word(c, &v[k]) || role_word(c, &v[k]))
			return k + 1 < n && modifier(&v[k + 1]) && (org_word(c, &v[k + 1]) || role_word(c, &v[k + 1])) ? k + 2 : k + 1;
		k++;
		words++;
	}
	return j;
}

/* Is a one-word name run v[a] a noun rather than a name: in a language
 * that capitalises nouns, after an article or when it names a role, a text
 * or a body; anywhere, a title or role alone ("President", "Sprecher")? */
static bool noun_like(const speech_ctx *c, const tok *v, const phrase *p)
{
	bool titles = true;
	for (size_t k = p->na; k < p->nb; k++)
		if (v[k].kind == T_WORD && !(v[k].lex & (LX_TITLE | LX_ROLE)) && !role_word(c, &v[k]))
			titles = false;
	if (titles)
		return true;
	if (!(speech_props(c) & LP_CAPITALISED_NOUNS) || p->nb - p->na != 1)
		return false;
	const tok *w = &v[p->na];
	return p->det || p->na > p->a || text_word(c, w) || org_word(c, w);
}

/* Does a lower-case role word follow at v[j], maybe after an adjective or
 * two ("Norges statsminister", "veteran campaign adviser")? */
static bool role_ahead(const speech_ctx *c, const tok *v, size_t n, size_t j)
{
	for (size_t k = j; k < n && k < j + 3 && !v[k].para && is_word(&v[k]) && !v[k].cap; k++) {
		if (role_word(c, &v[k]))
			return true;
		if (!modifier(&v[k]))
			return false;
	}
	return false;
}

/* A name in apposition after a description, maybe past a short place
 * ("der Sprecher des Verbandes, Elmar Gesse," / "die Sprecherin der
 * Fraktion im Bundestag, Annette Roth"): the phrase takes it. */
static void apposition(const speech_ctx *c, const tok *v, size_t n, phrase *p)
{
	size_t k = p->b;
	if (k < n && is_word(&v[k]) && !v[k].cap && (v[k].lex & LX_PREP)) {
		size_t e = k + 1;
		if (e < n && is_det(&v[e]))
			e++;
		if (e < n && is_word(&v[e]) && !v[e].para)
			e++;
		k = e;
	}
	if (k + 1 >= n || v[k].kind != T_COMMA || !mention_name_word(&v[k + 1]) || v[k + 1].para)
		return;
	size_t e = run_end(c, v, n, k + 1);
	if (e - (k + 1) < 2)
		return;
	bool fused;
	if (e < n && v[e].kind != T_COMMA && v[e].kind != T_STOP && v[e].kind != T_DASH && v[e].kind != T_OPEN &&
	    !cue_at(&v[e], &fused))
		return;
	p->na = k + 1;
	p->nb = e;
	p->b = e;
	p->noun = -1;
}

/* Where nouns have no articles and a genitive no "of" (bare_nouns), a
 * role, its genitive and a name run of two words or more ("министр
 * здравоохранения Иван Петров", "analityczka firmy inwestycyjnej Ewa
 * Zielińska") are one person, as an apposition is: the phrase takes the
 * name. */
static void bare_genitive_name(const speech_ctx *c, const tok *v, size_t n, phrase *p)
{
	size_t k = p->b;
	while (k < n && k < p->b + GENITIVE_WORDS && !v[k].para && modifier(&v[k]))
		k++;
	if (k == p->b || k >= n || v[k].para || !mention_name_word(&v[k]))
		return;
	size_t e = run_end(c, v, n, k);
	if (e - k < 2)
		return;
	p->na = k;
	p->nb = e;
	p->b = e;
	p->noun = -1;
}

/* Where the adjectives follow the noun, the end of the one or two after
 * the role noun that ends at v[j] ("el alcalde socialista", "le
 * ministre français"), when the phrase ends there (a mark, a cue, a
 * relative, a preposition: not a verb the lists do not know); else j. */
static size_t adjectives_after(const speech_ctx *c, const tok *v, size_t n, size_t j)
{
	if (!(speech_props(c) & LP_ADJECTIVE_AFTER))
		return j;
	size_t k = j;
	while (k < n && k < j + 2 && !v[k].para && modifier(&v[k]) && !role_word(c, &v[k]) && !(v[k].lex & LX_DET))
		k++;
	if (k == j || k >= n || v[k].para)
		return k == j ? j : k;
	bool fused;
	bool ends = !is_word(&v[k]) || cue_at(&v[k], &fused) || (v[k].lex & (LX_REL | LX_PREP | LX_OF | LX_CONJ));
	return ends ? k : j;
}

/* How many of the words from v[b], right after a name, are its title (up
 * to two: a ministry and its minister): in a title_after_name language the
 * mention takes them, so that the cue after them is the name's and the
 * title is no mention of its own ("X 장관은 밝혔다"). */
static size_t title_after(const speech_ctx *c, const tok *v, size_t n, size_t b)
{
	size_t k = b;
	if (!(speech_props(c) & LP_TITLE_AFTER_NAME))
		return 0;
	while (k < n && k < b + 2 && is_word(&v[k]) && !v[k].cap && !v[k].para && (v[k].lex & (LX_TITLE | LX_ROLE)))
		k++;
	return k - b;
}

/* The end of a body's name whose run (body_run) ends at v[j]: a
 * lower-case syllable after it goes with it, and when the phrase is the
 * body alone (place: true), a name after that, its place ("Sở Y tế X");
 * after a role it is the person's ("người phát ngôn Bộ Y tế X"). */
static size_t body_name_end(const speech_ctx *c, const tok *v, size_t n, size_t j, bool place)
{
	size_t k = j;
	if (k < n && !v[k].para && modifier(&v[k]) && !role_word(c, &v[k]))
		k++;
	if (place && k > j && k < n && !v[k].para && !v[k].sent && mention_name_word(&v[k]))
		k = run_end(c, v, n, k);
	return k;
}

/* Does a name run start at v[j], after at most two lower-case words (a
 * title the lists may not know: "YK:n pääsihteeri X")? */
static bool name_after_modifiers(const tok *v, size_t n, size_t j)
{
	for (size_t k = j; k < n && k < j + 3 && !v[k].para; k++) {
		if (mention_name_word(&v[k]))
			return k > j;
		if (!modifier(&v[k]))
			return false;
	}
	return false;
}

/* Does the name run that ends at v[e - 1] end in a colon's case form
 * whose title and person follow ("YK:n pääsihteeri X", "EU:n komissaari
 * X"): the phrase goes on to the person, as after a possessive. */
static inline bool colon_genitive(const tok *v, size_t n, size_t e)
{
	return colon_case(&v[e - 1]) && name_after_modifiers(v, n, e);
}

/* The phrase that starts at v[i]: a determiner, lower-case words (role
 * words, adjectives), a name run; a possessive or a role word after a name
 * goes on ("the company's chief executive John Smith", "Norges statsminister");
 * a description takes its genitive and a name in apposition ("der
 * Vorsitzende des Verbandes, Elmar Gesse"). */
static void scan_phrase(const speech_ctx *c, const tok *v, size_t n, size_t i, phrase *p)
{
	size_t j = i, words = 0, lower = 0;
	memset(p, 0, sizeof *p);
	p->noun = -1;
	p->a = i;
	p->head = i;
	if (is_det(&v[j])) {
		p->det = true;
		j++;
		if (j < n && is_det(&v[j]) && !v[j].cap && !v[j].para)
			j++;   /* an article and a possessive: "la sua portavoce", "il suo avvocato" */
	}
	while (j < n && words < PHRASE_WORDS && (j == i || !v[j].para)) {
		const tok *w = &v[j];
		if (mention_name_word(w)) {
			size_t e = run_end(c, v, n, j);
			if (e == j)
				break;
			p->na = j;
			p->nb = e;
			p->head = e - 1;
			words += e - j;
			j = e;
			if (possessive(&v[e - 1]) || colon_genitive(v, n, e) ||
			    (role_ahead(c, v, n, j) && !(speech_props(c) & LP_TITLE_AFTER_NAME)))
				continue;   /* goes on: "the company's chief", "Norges statsminister", "one veteran campaign adviser" */
			break;
		}
		bool role = role_word(c, w);
		if (!modifier(w) || lower >= MODIFIERS || (!p->det && j == i && !role && !possessive(w) && !elided_article(w)))
			break;
		if (p->nb && !role && !possessive(w) && !role_ahead(c, v, n, j) && !colon_genitive(v, n, p->nb))
			break;   /* after a name only a role goes on (or a colon's genitive's title) */
		p->head = j;
		lower++;
		words++;
		j++;
		/* a role noun ends the description unless another follows: "prime minister" */
		if (role && !(speech_props(c) & LP_CAPITALISED_NOUNS) && !(j < n && role_word(c, &v[j])) && !possessive(w) &&
		    !(j < n && mention_name_word(&v[j]))) {
			j = adjectives_after(c, v, n, j);
			break;
		}
	}
	p->b = j;
	if (p->nb && p->head >= p->nb)
		p->na = p->nb = 0;   /* "Republican strategist": the name was a modifier */
	if (p->b > p->a && p->nb == p->b && !(p->noun = (p->body = body_run(c, v, p->na, p->nb)) || noun_like(c, v, p))) {
		p->b += title_after(c, v, n, p->b);
		return;   /* ends in a name: "John Smith of Reuters" is John Smith */
	}
	if (p->body)
		j = body_name_end(c, v, n, j, p->a == p->na);
	p->b = genitive(c, v, n, j);
	bool head = p->b > p->a + (p->det ? 1 : 0);   /* not an article alone ("lyder det fra X") */
	/* a name is whole: "John Smith of Reuters" stopped above; a second
	 * complement only after a first (from the same token it finds none again) */
	for (int k = 0; k < 2 && head && (!p->nb || p->noun == 1); k++) {
		size_t e = complement(c, v, n, p->b);
		if (e == p->b)
			break;
		p->b = e;
	}
	if ((speech_props(c) & LP_BARE_NOUNS) && (!p->nb || p->noun == 1) && role_word(c, &v[p->head]))
		bare_genitive_name(c, v, n, p);
	apposition(c, v, n, p);
}

/* ---- mentions ---------------------------------------------------------------------- */

static enum mention_kind desc_kind(const speech_ctx *c, const tok *v, const phrase *p)
{
	if (p->body)
		return K_ORG;
	const tok *h = &v[p->head];
	if (role_word(c, h))
		return K_ROLE;
	if (text_word(c, h))
		return K_TEXT;
	if (org_word(c, h))
		return K_ORG;
	for (size_t k = p->a; k < p->head; k++)
		if (role_word(c, &v[k]))
			return K_ROLE;
	return K_DESC;
}

/* Room for one more mention, made in place (a->nm counts it once it is
 * made); NULL when memory ran out. */
static mention *next_mention(speech_art *a)
{
	if (GROW(a->m, a->mcap, a->nm + 1, 64))
		return NULL;
	return &a->m[a->nm];
}

/* Does the language mark a role in the feminine (so one without the mark is masculine)? */
static bool gendered_roles(const speech_ctx *c)
{
	size_t n;
	lex_affixes(c->lang, LA_FEMALE_SUFFIX, &n);
	return n > 0;
}

/* The first token of the name run v[a,b) that is shown: after its titles and roles. */
static size_t first_shown(const speech_ctx *c, const tok *v, size_t a, size_t b)
{
	size_t i = a;
	for (size_t k = a; k + 1 < b; k++)
		if (v[k].kind == T_WORD && title_word(c, &v[k]))
			i = k + 1;
	while (i < b && v[i].kind != T_WORD)
		i++;
	return i < b ? i : a;
}

/* The bytes of the name run v[a,b) shown: titles dropped (Sir, Lord kept),
 * an elided article ("L'entraîneur") and a possessive 's dropped. */
static void shown_bytes(const speech_ctx *c, const tok *v, size_t i, size_t b, uint32_t *ds, uint32_t *de);

static void name_bytes(const speech_ctx *c, const tok *v, size_t a, size_t b, uint32_t *ds, uint32_t *de)
{
	shown_bytes(c, v, first_shown(c, v, a, b), b, ds, de);
}

/* Where a name's case ending follows an apostrophe (apostrophe_suffix:
 * "Çelik'in", "Kaya'ya"), the end of the word ws..e before it: the name
 * as the nominative writes it; e when the word has no such ending. */
static size_t before_suffix(const char *t, size_t ws, size_t e)
{
	for (size_t i = e; i > ws + 1; i--) {
		size_t mark = t[i - 1] == '\'' ? i - 1 : i >= ws + 4 && !memcmp(t + i - 3, "\xE2\x80\x99", 3) ? i - 3 : 0;
		if (mark > ws)
			return e - i <= 8 && e > i ? mark : e;   /* (a few letters of ending at most) */
	}
	return e;
}

/* Does the hangul syllable whose three bytes end at s[n) end in a
 * consonant (its final, the syllable's index modulo 28, is not 0)? -1
 * when they are no hangul syllable. */
static int hangul_final(const char *s, size_t n)
{
	if (n < 3)
		return -1;
	const unsigned char *u = (const unsigned char *)s + n - 3;
	unsigned cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	if ((u[0] & 0xF0) != 0xE0 || cp < 0xAC00 || cp > 0xD7A3)
		return -1;
	return (cp - 0xAC00) % 28 != 0;
}

/* The length of the particle written joined to the name's last word w
 * (Korean: [topic], Armenian's definite article ը in [topic], and Korean's
 * subject particles whose form follows the
 * syllable before: [topic_after_consonant], [topic_after_vowel]), 0 when
 * none: three letters must stay before it (a family and a given name),
 * so that a name whose last syllable looks like a particle keeps it. */
static size_t joined_particle(const speech_ctx *c, const tok *w)
{
	static const struct {
		enum lex_affix kind;
		int final;   /* the syllable before it ends in a consonant (1), a vowel (0), either (-1) */
	} kinds[] = { { LA_TOPIC, -1 }, { LA_TOPIC_AFTER_CONSONANT, 1 }, { LA_TOPIC_AFTER_VOWEL, 0 } };
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t k = lex_suffix(c->lang, kinds[i].kind, w->low, w->n);
		if (!k || u8_mbsnlen((const uint8_t *)w->low, w->n - k) < 3)
			continue;
		if (kinds[i].final < 0 || hangul_final(w->low, w->n - k) == kinds[i].final)
			return k;
	}
	return 0;
}

/* Does the article's language join particles or an article to a name
 * that spaces separate from the next word (a [topic] list, Korean's 은 는,
 * Armenian's definite ը)? Not the languages without spaces, whose
 * particles the CJK reader handles. */
static bool particles_joined(const speech_ctx *c)
{
	return c->lang > LANG_UNKNOWN && c->lang <= LEX_NLANG && !(speech_props(c) & LP_NO_SPACES) &&
	       lex_affix_min[c->lang - 1][LA_TOPIC] != 255;
}

/* name_bytes from v[i], the first token shown (first_shown). */
static void shown_bytes(const speech_ctx *c, const tok *v, size_t i, size_t b, uint32_t *ds, uint32_t *de)
{
	const char *t = c->d->text;
	size_t s = v[i].s, e = v[b - 1].e;
	if (i + 1 < b && e - s > 2 && v[i].n > 2 && v[i].low[1] == '\'' && (v[i].low[0] == 'l' || v[i].low[0] == 'd'))
		s = v[i + 1].s;   /* L'entraîneur Pierre Martin */
	if (e - s > 3 && !memcmp(t + e - 2, "'s", 2))
		e -= 2;
	else if (e - s > 5 && !memcmp(t + e - 4, "\xE2\x80\x99s", 4))
		e -= 4;
	else if (speech_props(c) & LP_APOSTROPHE_SUFFIX)
		e = before_suffix(t, v[b - 1].s, e);
	else if (particles_joined(c) && v[b - 1].kind == T_WORD && v[b - 1].n == e - v[b - 1].s)
		e -= joined_particle(c, &v[b - 1]);
	else if (colon_case(&v[b - 1]))
		e = before_colon(t, &v[b - 1]);   /* YK:n is YK */
	if (role_word(c, &v[b - 1]) && b - 1 > i && e == v[b - 1].e)
		e -= role_case_ending(c, &v[b - 1]);   /* "Belediye Başkanına": Belediye Başkanı */
	*ds = (uint32_t)s;
	*de = (uint32_t)e;
}

static void init_mention(mention *m, const speech_art *a, size_t first, size_t end)
{
	memset(m, 0, sizeof *m);
	m->a = (uint32_t)first;
	m->b = (uint32_t)end;
	m->sent = a->sent[first];
	m->para = speech_para(a, first);
	m->cue = -1;
	m->name = -1;
}

/* Two words or more all in capitals: a kicker or a headline set in
 * capitals, not a person's name (one such word is an acronym). */
static bool shouted(const speech_ctx *c, const tok *v, size_t a, size_t b)
{
	size_t words = 0;
	for (size_t k = a; k < b; k++) {
		if (v[k].kind != T_WORD)
			continue;
		if (!all_caps(c, &v[k]))
			return false;
		words++;
	}
	return words >= 2;
}

/* The gender the surname ending the name run v[a,b) gives it: a woman's
 * with an ending of [female_name_suffix] (Horváthová); where a man's
 * surname lacks those (gendered_surnames), a man's without one, when a
 * given name goes with it (a lone word may be a woman's given name);
 * else any. */
static enum gender surname_gender(const speech_ctx *c, const tok *v, size_t a, size_t b)
{
	const tok *w = &v[b - 1];
	if (!w->n)
		return G_ANY;
	if (lex_suffix(c->lang, LA_FEMALE_NAME_SUFFIX, w->low, w->n))
		return G_FEMALE;
	if (!(speech_props(c) & LP_GENDERED_SURNAMES))
		return G_ANY;
	size_t words = 0;
	for (size_t k = a; k < b; k++)
		words += v[k].kind == T_WORD && !title_word(c, &v[k]);
	return words >= 2 ? G_MALE : G_ANY;
}

/* The mention of phrase p; gendered: gendered_roles(c). */
static int add_phrase(const speech_ctx *c, speech_art *a, const tok *v, const phrase *p, bool gendered)
{
	if (shouted(c, v, p->na, p->nb))
		return 0;
	mention *m = next_mention(a);
	if (!m)
		return Q_ENOMEM;
	init_mention(m, a, p->a, p->b);
	m->na = (uint32_t)p->na;
	m->nb = (uint32_t)p->nb;
	m->prep = p->det ? ((v[p->a].lex & LX_OBLIQUE) ? 4 : 3) : elided_article(&v[p->a]) ? 3 : 0;
	m->poss = possessive(&v[p->b - 1]);
	bool name = p->nb > p->na && !(p->noun >= 0 ? p->noun : noun_like(c, v, p));
	size_t shown = name ? first_shown(c, v, p->na, p->nb) : p->b;
	if (name) {
		size_t words = 0;
		for (size_t k = p->na; k < p->nb; k++)
			words += v[k].kind == T_WORD && !title_word(c, &v[k]);
		m->kind = all_caps(c, &v[p->nb - 1]) && words == 1 ? K_ACRONYM : words >= 2 ? K_NAME : K_NAME1;
		a->nnamed++;
		shown_bytes(c, v, shown, p->nb, &m->ds, &m->de);
	} else {
		m->na = m->nb = 0;
		m->kind = (uint8_t)desc_kind(c, v, p);
		m->ds = (uint32_t)v[p->a].s;
		m->de = (uint32_t)v[p->b - 1].e;
		if (m->kind == K_ROLE && p->head == p->b - 1)
			m->de -= (uint32_t)role_case_ending(c, &v[p->head]);   /* "Bakana göre": Bakan */
	}
	/* the gender an article, a title or a role gives it: "die Sprecherin",
	 * "Mrs Berg", "Verkehrsministerin Julia Lenz" */
	for (size_t k = p->a; k < shown && !m->gender; k++)
		m->gender = (uint8_t)word_gender(&v[k]);
	for (size_t k = p->a; gendered && k <= (name ? shown : p->head) && k < p->b; k++)
		if (role_word(c, &v[k]))
			m->gender = lex_suffix(c->lang, LA_FEMALE_SUFFIX, v[k].low, v[k].n) ? G_FEMALE : G_MALE;
	if (name && m->gender == G_ANY && m->kind != K_ACRONYM)
		m->gender = (uint8_t)surname_gender(c, v, shown, p->nb);
	a->nm++;
	return 0;
}

static int add_pronoun(const speech_ctx *c, speech_art *a, const tok *v, size_t i, bool fused)
{
	mention *m = next_mention(a);
	if (!m)
		return Q_ENOMEM;
	init_mention(m, a, i, i + 1);
	m->kind = K_PRON;
	m->ds = (uint32_t)v[i].s;
	m->de = (uint32_t)v[i].e;
	m->gender = (uint8_t)word_gender(&v[i]);
	if (fused) {
		m->cuerel = CR_FUSED;
		m->cue = (int32_t)i;
		/* the gender of the pronoun joined to the verb: -t-il, -elle */
		const char *dash = memrchr(v[i].low, '-', v[i].n);
		if (dash) {
			tok p = { .kind = T_WORD };
			p.lex = lex_lookup(c->lang, dash + 1, v[i].n - (size_t)(dash + 1 - v[i].low));
			m->gender = (uint8_t)word_gender(&p);
		}
	}
	a->nm++;
	return 0;
}

/* Finds every mention of the tokens v[0,n). */
static int scan_mentions(const speech_ctx *c, speech_art *a, const tok *v, size_t n)
{
	bool gendered = gendered_roles(c);   /* (once, not for each phrase) */
	/* only the tokens that may start one (annotate listed them: most
	 * tokens start nothing), from where the mention before ends */
	for (size_t j = 0, i = 0; j < a->nlead; j++) {
		if (a->lead[j] < i)
			continue;
		i = a->lead[j];
		const tok *w = &v[i];
		bool fused;
		int rc = 0;
		if (cue_at(w, &fused) && fused) {
			rc = add_pronoun(c, a, v, i, true);
			i++;
		} else if ((w->lex & LX_PRON) && (!w->cap || w->sent) && !(w->lex & LX_DET && i + 1 < n && modifier(&v[i + 1]))) {
			rc = add_pronoun(c, a, v, i, false);
			i++;
		} else if (is_det(w) || mention_name_word(w) || (!w->cap && role_word(c, w) && modifier(w)) ||
		           (!w->cap && (org_word(c, w) || text_word(c, w)) && elided_article(w))) {
			phrase p;
			scan_phrase(c, v, n, i, &p);
			if (p.b > p.a && !(p.b == p.a + 1 && p.det)) {
				rc = add_phrase(c, a, v, &p, gendered);
				i = p.b;
			} else {
				i++;
			}
		} else {
			i++;
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- mentions and cues ------------------------------------------------------------- */

static bool same_sentence(const speech_art *a, size_t i, size_t j)
{
	return a->sent[i] == a->sent[j];
}

/* The cue right after the mention (past also, has, a parenthesis, an
 * apposition): X said / X (R-Vt.) said / X, the minister, said. */
static int cue_after_mention(const speech_art *a, const tok *v, size_t n, const mention *m, uint8_t *rel)
{
	size_t k = m->b;
	bool fused;
	*rel = CR_BEFORE;
	if (k >= n || !same_sentence(a, m->a, k) || cue_from(a, k) < 0)
		return -1;   /* no cue after it in its sentence (most mentions): nothing to walk */
	if (v[k].kind == T_OPEN) {
		while (k < n && k < m->b + 8 && v[k].kind != T_CLOSE)
			k++;
		k++;
	} else if (v[k].kind == T_COMMA) {
		size_t e = k + 1;
		while (e < n && e < k + APPOS_TOKENS && v[e].kind != T_COMMA && v[e].kind != T_STOP && v[e].kind != T_QUOTE &&
		       v[e].kind != T_MARK && !v[e].para)
			e++;
		if (e < n && v[e].kind == T_COMMA && e > k + 1) {
			k = e + 1;
			*rel = CR_APPOS;
		}
	}
	for (size_t steps = 0; k < n && steps <= GAP && same_sentence(a, m->a, k); steps++, k++) {
		if (cue_at(&v[k], &fused))
			return (int)k;
		if (!gap_word(&v[k]))
			break;
	}
	return -1;
}

/* The cue right before the mention: said X / sagte am Montag der Minister /
 * according to X / lyder det fra X. */
static int cue_before_mention(const speech_art *a, const tok *v, const mention *m, bool cues, uint8_t *rel)
{
	size_t k = m->a;
	bool fused;
	if (k > 0 && is_word(&v[k - 1]) && (!v[k - 1].cap || v[k - 1].sent) && (v[k - 1].lex & LX_ACCORD)) {
		*rel = CR_ACCORD;
		return (int)k - 1;
	}
	if (k > 1 && is_word(&v[k - 2]) && (v[k - 2].lex & LX_ACCORD) && (v[k - 1].lex & LX_PREP)) {
		*rel = CR_ACCORD;   /* according to */
		return (int)k - 2;
	}
	if (k > 0 && is_word(&v[k - 1]) && (v[k - 1].lex & LX_FROM)) {
		for (size_t j = k - 1; j > 0 && j + 4 > k; j--)
			if (is_word(&v[j - 1]) && (v[j - 1].lex & LX_IMPERSONAL)) {
				*rel = CR_FROM;
				return (int)j - 1;
			}
	}
	if (!cues || k == 0 || !same_sentence(a, m->a, k - 1) || cue_upto(a, k - 1) < 0)
		return -1;   /* no cue before it in its sentence: neither walk below finds one */
	/* said X, sagte am Montag der Minister, siger han; an article of a
	 * case no subject has ("nennt den Beschluss") makes X the cue's object */
	bool oblique = is_word(&v[m->a]) && (v[m->a].lex & LX_OBLIQUE);
	for (size_t steps = 0; k > 0 && steps <= GAP && same_sentence(a, m->a, k - 1); steps++, k--) {
		const tok *w = &v[k - 1];
		if (cue_at(w, &fused)) {
			*rel = (w->lex & LX_CUE_OBJ) || oblique ? CR_TOLD : CR_AFTER;
			return (int)k - 1;
		}
		if (!gap_word(w) && !(is_word(w) && (w->lex & LX_CAL)))
			break;
	}
	/* a short phrase between: "explicó a la agencia EFE el portavoz X",
	 * "sagte im Gespräch mit dem Sender die Landrätin von Beispielkreis";
	 * the object of that phrase's preposition ("sprach am Montag vor der
	 * Presse") is not the one who speaks */
	bool object = m->a > 0 && is_word(&v[m->a - 1]) && !v[m->a - 1].cap && (v[m->a - 1].lex & LX_PREP);
	for (size_t j = m->a; !object && j > 1 && m->a - j < PP_TOKENS && same_sentence(a, m->a, j - 2); j--) {
		const tok *w = &v[j - 1];
		if (!is_word(w) || (w->lex & (LX_CUE | LX_CONJ | LX_REL)))
			break;
		if ((w->lex & LX_PREP) && !w->cap && cue_at(&v[j - 2], &fused) && !(v[j - 2].lex & LX_CUE_OBJ) && !oblique) {
			*rel = CR_AFTER;
			return (int)j - 2;
		}
	}
	return -1;
}

/* The nearest cue in the mention's sentence, within NEAR_TOKENS. */
static int cue_near(const speech_art *a, size_t n, const mention *m, uint8_t *rel)
{
	int32_t after = m->b < n && same_sentence(a, m->a, m->b) ? cue_from(a, m->b) : -1;
	int32_t before = m->a > 0 && same_sentence(a, m->a, m->a - 1) ? cue_upto(a, m->a - 1) : -1;
	size_t da = after >= 0 ? (size_t)after - m->b : SIZE_MAX, db = before >= 0 ? m->a - (size_t)before : SIZE_MAX;
	if (da + 1 < NEAR_TOKENS && da < db) {
		*rel = CR_NEAR_BEFORE;
		return after;
	}
	if (db < NEAR_TOKENS) {
		*rel = CR_NEAR_AFTER;
		return before;
	}
	return -1;
}

/* Is v[k] a lower-case genitive word ([of]) that the "according to" word
 * after it takes: a postposition's genitive in Hindi ("X के अनुसार",
 * "according to X" as the genitive of X and the noun "accord"). */
static inline bool genitive_then_accord(const tok *v, size_t n, size_t k)
{
	/* (the classes first: most words are neither) */
	return k + 1 < n && (v[k].lex & LX_OF) && (v[k + 1].lex & LX_ACCORD_AFTER) && !v[k].cap && is_word(&v[k]) &&
	       is_word(&v[k + 1]);
}

/* The "according to" word after the mention ending at b ("X szerint",
 * "X zufolge", and past a genitive word: genitive_then_accord), -1 when
 * none; where a title follows the name (Hungarian: title_after_name) it
 * may stand between, with a word before it ("Kovács Anna egészségügyi
 * miniszter szerint"). */
static long accord_after(const tok *v, size_t n, size_t b)
{
	if (b >= n || !is_word(&v[b]))
		return -1;
	if (v[b].lex & LX_ACCORD_AFTER)
		return (long)b;
	if ((v[b].lex & LX_OF) && genitive_then_accord(v, n, b))
		return (long)b + 1;
	if (v[b].cap || !(lex_lang_props((enum lang)v[b].lang) & LP_TITLE_AFTER_NAME))
		return -1;
	for (size_t k = b; k < n && k < b + 2 && is_word(&v[k]) && !v[k].cap; k++)
		if ((v[k].lex & (LX_TITLE | LX_ROLE)) && k + 1 < n && is_word(&v[k + 1]) && (v[k + 1].lex & LX_ACCORD_AFTER))
			return (long)k + 1;
	return -1;
}

static void relate(const speech_art *a, const tok *v, size_t n, mention *m)
{
	if (m->cuerel == CR_FUSED)
		return;
	uint8_t r1 = CR_NONE, r2 = CR_NONE;
	/* most sentences hold no cue: then only "according to" and the like
	 * relate the mention (the walks to a cue and cue_near find none) */
	bool cues = a->sfirst[m->sent] >= 0;
	int before = cue_before_mention(a, v, m, cues, &r2);
	int after = cues ? cue_after_mention(a, v, n, m, &r1) : -1;
	long accord = accord_after(v, n, m->b);
	if (accord >= 0) {
		/* past a genitive the word takes its source as "according to"
		 * does (Hindi), not as German "zufolge" after the bare name */
		m->cuerel = genitive_then_accord(v, n, m->b) ? CR_ACCORD : CR_ACCORD_AFTER;
		m->cue = (int32_t)accord;
	} else if (before >= 0 && (after < 0 || r2 == CR_ACCORD || r2 == CR_FROM || (int)m->a - before <= after - (int)m->b)) {
		m->cuerel = r2;
		m->cue = before;
	} else if (after >= 0) {
		m->cuerel = r1;
		m->cue = after;
	} else if (cues) {
		int k = cue_near(a, n, m, &r1);
		if (k >= 0) {
			m->cuerel = r1;
			m->cue = k;
		}
	}
	if (m->cuerel == CR_NONE && a->colon[m->sent] >= 0 && (size_t)a->colon[m->sent] >= m->b &&
	    (m->subj || (size_t)a->colon[m->sent] == m->b)) {
		/* the subject of a sentence that ends with a colon before a quote,
		 * or the words right before that colon ("the comment of its
		 * chairman, X: ...") */
		m->cuerel = CR_COLON;
		m->cue = a->colon[m->sent];
	}
}

/* A mention right after a cue whose subject stands right before it is
 * the cue's object ("Die Ministerin lobte den Trainer als ...", "X praised
 * Y as ..."): the place after the verb holds the subject only when the
 * one before it is empty ("..., sagte der Trainer"). */
static void object_of_subject(speech_art *a, size_t i)
{
	mention *m = &a->m[i];
	if (m->cuerel != CR_AFTER)
		return;
	for (size_t j = i; j-- > 0 && i - j <= 2;)
		if (a->m[j].cue == m->cue && a->m[j].cuerel == CR_BEFORE) {
			m->cuerel = CR_TOLD;
			return;
		}
}

/* Does the mention at v[a] open its sentence from v[s], maybe after an
 * adverb or a conjunction? */
static bool opens_sentence(const tok *v, size_t s, size_t a)
{
	size_t k = s;
	while (k < a && k < s + 2 && (v[k].kind == T_WORD && (v[k].lex & (LX_CONJ | LX_SKIP | LX_FUNC)) && !(v[k].lex & LX_DET)))
		k++;
	return k == a;
}

/* Is the mention its sentence's first that no preposition governs? Where
 * the subject comes first ("In Beispielstadt, the mayor said"), a phrase
 * a preposition opens stands before it and is not in its way (*past: one
 * did); where the verb comes second ("In Beispielstadt sagte der
 * Bürgermeister") the subject follows the verb, and the first mention is
 * read as before. */
static bool first_free(const speech_art *a, const mention *m, size_t i, bool verb_second, bool *past)
{
	*past = false;
	if (verb_second)
		return i == 0 || a->m[i - 1].sent != m->sent;
	for (size_t j = i; j-- > 0 && a->m[j].sent == m->sent; *past = true)
		if (a->m[j].prep != 1 && a->m[j].prep != 2)
			return false;
	return true;
}

/* Where each mention stands in its sentence, and what precedes it. */
static void place(const speech_art *a, const tok *v, mention *m, size_t i, bool verb_second)
{
	size_t s = a->sstart[m->sent];
	m->parafirst = s == 0 || speech_para(a, s - 1) != m->para;
	/* what stands before it: a preposition, the of a genitive (else its own article, set before) */
	const tok *p = m->a > 0 ? &v[m->a - 1] : NULL;
	if (p && is_word(p) && !p->cap && (p->lex & LX_OF))
		m->prep = 2;
	else if (p && is_word(p) && (!p->cap || p->sent) && (p->lex & LX_PREP) && !(p->lex & (LX_ACCORD | LX_FROM)))
		m->prep = 1;
	/* (the words that open the sentence read for its first mention alone;
	 * one right after the comma that closes the phrases before it opens
	 * the sentence as well) */
	bool past;
	if (!first_free(a, m, i, verb_second, &past))
		m->subj = 0;
	else
		m->subj = opens_sentence(v, s, m->a) || (past && v[m->a - 1].kind == T_COMMA) ? 2 : 1;
}

/* ---- names ---------------------------------------------------------------------------- */

/* Are a and b the same word, lower-cased? */
static bool same_low(const tok *a, const tok *b)
{
	return a->n == b->n && !memcmp(a->low, b->low, a->n);
}

/* Mention m names the person of slot k from now on (a form of that name
 * in another case, or the given name alone). */
static void relink(speech_art *a, mention *m, size_t k)
{
	a->names[m->name].count--;
	m->name = (int32_t)k;
	a->names[k].count++;
}

/* The bytes of w's lower case that key its name: a colon's case ending
 * left out ("EU:n" is the body "EU" names). */
static size_t name_key(const tok *w)
{
	const char *colon = colon_case(w) ? memchr(w->low, ':', w->n) : NULL;
	return colon ? (size_t)(colon - w->low) : w->n;
}

static name_info *name_slot(speech_art *a, const tok *w, bool add)
{
	if (!a->ncap || !w->n)
		return NULL;
	size_t n = name_key(w);
	/* (low is kept zero-padded; a key shorter than the word is not) */
	size_t k = (n == w->n ? lex_hash_padded(w->low, n) : lex_hash(w->low, n)) & (a->ncap - 1);
	for (;; k = (k + 1) & (a->ncap - 1)) {
		name_info *e = &a->names[k];
		if (!e->w) {
			if (!add)
				return NULL;
			memset(e, 0, sizeof *e);   /* a free slot holds only its NULL word (collect_names) */
			e->w = w;
			return e;
		}
		if (name_key(e->w) == n && !memcmp(e->w->low, w->low, n))
			return e;
	}
}

/* ---- a surname in another case (inflected_names) -------------------------------------- */

/* The letters of s[0..n) (UTF-8: the bytes that start a character). */
static size_t letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Is word w the word f in another case: f, or f without its last letters
 * (up to drop of them; past the first, the stem kept four letters long at
 * least: the feminine -a of a Slavic surname, Smirnova, Smirnovoj; Finnish
 * -nen, Virtanen, Virtasen; Lithuanian -tis, -čio), then one to three
 * letters, f min letters long at least? The letters dropped, -1 when not. */
static int ending_added(const tok *w, const tok *f, size_t min, int drop)
{
	size_t fl = letters(f->low, f->n);
	if (same_low(w, f) || fl < min)
		return -1;
	size_t stem = f->n;
	for (int d = 0; d <= drop && (d <= 1 || fl - (size_t)d >= 4); d++) {
		if (d)
			while (stem > 0 && ((unsigned char)f->low[--stem] & 0xC0) == 0x80)
				;
		size_t rest = w->n > stem ? letters(w->low + stem, w->n - stem) : 0;
		if (rest >= 1 && rest <= 3 && !memcmp(w->low, f->low, stem))
			return d;
	}
	return -1;
}

/* A surname in another case: five letters at least, so that short words
 * that merely begin alike are not taken for one another. */
static int case_form_of(const tok *w, const tok *f)
{
	return ending_added(w, f, 5, 3);
}

/* Two given names (or other words before a surname) in one case or two
 * (Jana and Jan, Ivana and Ivan): three letters are enough beside a
 * surname that matched, and one letter dropped at most. */
static bool same_word_any_case(const tok *w, const tok *f)
{
	return same_low(w, f) || ending_added(w, f, 3, 1) >= 0 || ending_added(f, w, 3, 1) >= 0;
}

/* The i-th word from the end of the run a..b (0: its last), NULL when none. */
static const tok *run_word_back(const tok *v, uint32_t a, uint32_t b, size_t i)
{
	for (uint32_t k = b; k > a; k--)
		if (v[k - 1].kind == T_WORD && i-- == 0)
			return &v[k - 1];
	return NULL;
}

/* Is name e the name f in another case? Its surname is (case_form_of),
 * and where e has more words than its surname ("Jana Kowalskiego" of
 * "Jan Kowalski"), f has as many and each is the same word in some case;
 * a one-word e needs an f of two words or more (the person in full). Of two
 * names as long whose surnames could each be the other's form, the base is
 * the one the other adds an ending to with fewer letters dropped (Horvat
 * of Horvata), or with as many (Novakova, Novakove) the one that spoke. */
static bool name_case_form_of(const tok *v, const name_info *e, const name_info *f)
{
	int to_f = f == e || !f->w || f->words < 2 || f->words < e->words ? -1 : case_form_of(e->w, f->w);
	if (to_f < 0)
		return false;
	if (e->words == 1)
		return true;
	int to_e = case_form_of(f->w, e->w);
	if (f->words != e->words || (to_e >= 0 && (to_e < to_f || (to_e == to_f && !(f->spoke && !e->spoke)))))
		return false;
	for (size_t i = 1; i < e->words; i++) {
		const tok *x = run_word_back(v, e->run_a, e->run_b, i), *y = run_word_back(v, f->run_a, f->run_b, i);
		if (!x || !y || !same_word_any_case(x, y))
			return false;
	}
	return true;
}

/* A short surname (four letters: "Saar", "Salo") in another case: an
 * ending of one or two letters added ("Saare", "Salon"), never a longer
 * one (Salonen is a surname of its own), the word no list holds, and said
 * only of a mention that speaks ("Saare sõnul"): beside a short surname
 * many words begin alike, and a speaker is where the link matters. */
static bool short_case_form_of(const mention *m, const name_info *e, const name_info *f)
{
	if (!f->w || f->words < 2 || e->words != 1 || !mention_speaks(m) || e->w->lex)
		return false;
	const tok *w = e->w, *s = f->w;
	if (letters(s->low, s->n) != 4 || w->n <= s->n || memcmp(w->low, s->low, s->n))
		return false;
	size_t rest = letters(w->low + s->n, w->n - s->n);
	return rest >= 1 && rest <= 2;
}

/* Where names take case endings ("według Kowalskiego", "по словам
 * Петрова", "prema riječima ministra Ivana Horvata"), a name the article
 * gives in another case is the person it names in full: its mentions take
 * that name. The comparisons are bounded: an article of thousands of
 * names links what it can. */
static void link_case_forms(speech_art *a, const tok *v)
{
	size_t budget = 1u << 20;
	for (size_t i = 0; i < a->nm && budget; i++) {
		mention *m = &a->m[i];
		if (m->name < 0)
			continue;
		const name_info *e = &a->names[m->name];
		for (size_t k = 0; k < a->ncap && budget; k++, budget--) {
			if (name_case_form_of(v, e, &a->names[k]) || short_case_form_of(m, e, &a->names[k])) {
				relink(a, m, k);
				break;
			}
		}
	}
}

/* The first word of name f's fullest run past its titles, NULL when none. */
static const tok *given_word(const speech_ctx *c, const tok *v, const name_info *f)
{
	for (uint32_t k = f->run_a; k < f->run_b; k++)
		if (v[k].kind == T_WORD && !title_word(c, &v[k]))
			return &v[k];
	return NULL;
}

/* Where a person is named again by the given name ("Menurut Budi" after
 * "Budi Santoso": given_name_reference), a one-word name that is the first
 * word of one fuller name of the article is that person; where two fuller
 * names begin with it, it stays as it is. Bounded as link_case_forms. */
static void link_given_names(const speech_ctx *c, speech_art *a, const tok *v)
{
	size_t budget = 1u << 20;
	for (size_t i = 0; i < a->nm && budget; i++) {
		mention *m = &a->m[i];
		if (m->name < 0 || a->names[m->name].words != 1)
			continue;
		const tok *w = &v[m->nb - 1];
		long only = -1;
		for (size_t k = 0; k < a->ncap && budget && only != -2; k++, budget--) {
			const name_info *f = &a->names[k];
			const tok *g = f->w && f->words >= 2 ? given_word(c, v, f) : NULL;
			if (g && same_low(g, w))
				only = only == -1 ? (long)k : -2;
		}
		if (only >= 0)
			relink(a, m, (size_t)only);
	}
}

static int collect_names(const speech_ctx *c, speech_art *a, const tok *v)
{
	size_t names = a->nnamed;
	a->ncap = 16;
	while (a->ncap < names * 2)
		a->ncap *= 2;
	/* the free slots are marked, not cleared: a slot is cleared when a
	 * name takes it (most stay free, and the table is large); the memo of
	 * mention_antecedent, a number a mention, in the same block */
	_Static_assert(sizeof(name_info) % sizeof(int32_t) == 0, "the memo follows the names aligned");
	size_t bytes = a->ncap * sizeof *a->names;
	if (a->nm > (SIZE_MAX - bytes) / sizeof(int32_t))
		return Q_ENOMEM;
	size_t room = bytes + a->nm * sizeof(int32_t);
	if (a->namesroom < room) {   /* (a block kept from an article before may do) */
		free(a->names);
		a->names = malloc(room);
		a->namesroom = a->names ? room : 0;
		if (!a->names)
			return Q_ENOMEM;
	}
	for (size_t k = 0; k < a->ncap; k++)
		a->names[k].w = NULL;
	a->ante = (int32_t *)(void *)(a->names + a->ncap);
	memset(a->ante, 0, a->nm * sizeof *a->ante);   /* none asked yet */
	for (size_t i = 0; i < a->nm; i++) {
		mention *m = &a->m[i];
		if (m->nb <= m->na)
			continue;
		const tok *last = &v[m->nb - 1];
		name_info *e = name_slot(a, last, true);
		if (!e)
			continue;
		m->name = (int32_t)(e - a->names);
		e->count++;
		e->spoke |= mention_speaks(m);
		e->loose |= m->prep != 1 && m->prep != 2;
		if (!v[m->na].sent || m->na > m->a)
			e->mid = true;
		if (m->gender != G_ANY && m->gender != G_PLURAL)
			e->gender = m->gender;
		size_t words = 0, first = m->na;
		for (size_t k = m->na; k + 1 < m->nb; k++)
			if (v[k].kind == T_WORD && title_word(c, &v[k]))
				first = k + 1;
		for (size_t k = first; k < m->nb; k++)
			words += v[k].kind == T_WORD;
		if (words > e->words && words <= NAME_RUN_WORDS) {
			e->words = (uint8_t)words;
			e->run_a = (uint32_t)m->na;
			e->run_b = (uint32_t)m->nb;
		}
	}
	if (speech_props(c) & LP_INFLECTED_NAMES)
		link_case_forms(a, v);
	if (speech_props(c) & LP_GIVEN_NAME_REFERENCE)
		link_given_names(c, a, v);
	return 0;
}

bool mention_speaks(const mention *m)
{
	return m->cuerel == CR_BEFORE || m->cuerel == CR_AFTER || m->cuerel == CR_APPOS || m->cuerel == CR_FUSED ||
	       m->cuerel == CR_ACCORD || m->cuerel == CR_ACCORD_AFTER;
}

/* Where every noun has a capital, a lone capitalised word is a name only
 * when the article gives it in full somewhere (Passig after "Kathrin
 * Passig") or with a title or role before it; else it is a noun
 * ("Widerstand", "Angaben"). */
static void nouns_are_not_names(speech_art *a)
{
	for (size_t i = 0; i < a->nm; i++) {
		mention *m = &a->m[i];
		if (m->kind != K_NAME1 || m->name < 0 || a->names[m->name].words >= 2 || m->na > m->a)
			continue;
		m->kind = K_DESC;
		m->na = m->nb = 0;
		m->name = -1;
	}
}

/* ---- the annotated article -------------------------------------------------------------- */

void speech_art_clear(speech_art *a)
{
	a->nlead = a->nm = a->nnamed = a->ncap = 0;
	a->ante = NULL;
	a->built = false;
	a->rc = 0;
}

void speech_art_release(speech_art *a)
{
	free(a->sent);   /* (and the eight other arrays of annotate) */
	free(a->m);
	free(a->names);   /* (and the memo of antecedents) */
	free(a->qc);
	free(a->said);
	memset(a, 0, sizeof *a);
}

static int build(const speech_ctx *c, speech_art *a)
{
	tok *v = c->td->v;
	size_t n = c->td->n;
	int rc = annotate(c, a, v, n);
	if (!rc)
		rc = scan_mentions(c, a, v, n);
	bool verb_second = speech_props(c) & LP_VERB_SECOND;
	for (size_t i = 0; !rc && i < a->nm; i++) {
		place(a, v, &a->m[i], i, verb_second);
		relate(a, v, n, &a->m[i]);
		object_of_subject(a, i);
	}
	if (!rc)
		rc = collect_names(c, a, v);
	if (!rc && (speech_props(c) & LP_CAPITALISED_NOUNS))
		nouns_are_not_names(a);
	return rc;
}

const speech_art *speech_art_get(const speech_ctx *c)
{
	speech_art *a = c->art;
	if (!a->built) {
		a->built = true;
		a->rc = c->td->rc ? c->td->rc : build(c, a);
	}
	return a->rc ? NULL : a;
}

size_t mention_at(const speech_art *a, uint32_t t)
{
	size_t lo = 0, hi = a->nm;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->m[mid].a < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t mention_at_from(const speech_art *a, uint32_t t, size_t hint)
{
	size_t i = hint < a->nm ? hint : a->nm;
	for (int steps = 0; steps < 16; steps++) {
		if (i < a->nm && a->m[i].a < t)
			i++;
		else if (i > 0 && a->m[i - 1].a >= t)
			i--;
		else
			return i;   /* the first mention at or after t */
	}
	return mention_at(a, t);
}

/* ---- what a mention stands for ---------------------------------------------------------- */

bool mention_person_like(const speech_ctx *c, const mention *m)
{
	const speech_art *a = c->art;
	if (m->kind == K_NAME)
		return true;
	if (m->kind != K_NAME1 || m->name < 0)
		return false;
	const name_info *e = &a->names[m->name];
	if (speech_props(c) & LP_CAPITALISED_NOUNS)
		return e->words >= 2;   /* every noun has a capital: one word is a person the article names in full */
	if (m->prep == 3 && e->words < 2)
		return false;   /* "the Cabinet", "the Budget": an article before one word makes it a thing */
	return e->mid || e->words >= 2;
}

/* The fullest form of the name of m: the longest run in the article that
 * ends with the same word and holds its other words (Brand -> Ilse Brand, Mr
 * Okoro -> Samuel Okoro). */
static void fullest(const speech_ctx *c, const mention *m, uint32_t *ds, uint32_t *de)
{
	const speech_art *a = c->art;
	const tok *v = c->td->v;
	*ds = m->ds;
	*de = m->de;
	if (m->name < 0)
		return;
	const name_info *e = &a->names[m->name];
	size_t words = 0;
	for (size_t k = m->na; k < m->nb; k++)
		words += v[k].kind == T_WORD && v[k].s >= m->ds;
	/* a mention linked to its name in another case (link_case_forms) shows
	 * that name even with as many words: "Jan Kowalski" for "Jana Kowalskiego" */
	const tok *last = &v[m->nb - 1];
	bool other_case = !same_low(last, e->w);
	if (e->words < words || (e->words == words && !other_case))
		return;
	for (size_t k = m->na; k + 1 < m->nb; k++) {
		if (v[k].kind != T_WORD || v[k].s < m->ds)
			continue;
		bool found = false;
		for (size_t j = e->run_a; j < e->run_b && !found; j++)
			found = other_case ? same_word_any_case(&v[k], &v[j])
			                   : same_low(&v[j], &v[k]);
		if (!found)
			return;
	}
	name_bytes(c, v, e->run_a, e->run_b, ds, de);
}

char *mention_display(const speech_ctx *c, const mention *m)
{
	uint32_t ds = m->ds, de = m->de;
	if (m->nb > m->na && (m->kind == K_NAME || m->kind == K_NAME1))
		fullest(c, m, &ds, &de);
	return doc_flat_text(c->d, ds, de);
}
static bool gender_fits(const speech_ctx *c, const mention *m, enum gender want)
{
	if (want == G_ANY)
		return true;
	enum gender g = (enum gender)m->gender;
	if (m->name >= 0 && c->art->names[m->name].gender)
		g = (enum gender)c->art->names[m->name].gender;
	if (want == G_PLURAL)
		return g == G_PLURAL || m->kind == K_ORG || m->kind == K_ACRONYM;
	return g == G_ANY || g == want;
}

/* Could m be whom a pronoun of gender want stands for? */
static bool referent(const speech_ctx *c, const mention *m, enum gender want)
{
	if (m->poss || m->prep == 1 || m->kind == K_PRON)
		return false;
	if (want == G_PLURAL)
		return (m->kind == K_ORG || m->kind == K_ACRONYM || m->gender == G_PLURAL) && m->prep != 2;
	bool person = mention_person_like(c, m) || (m->kind == K_ROLE && m->prep != 2);
	return person && gender_fits(c, m, want);
}

static long find_antecedent(const speech_ctx *c, size_t pron)
{
	const speech_art *a = c->art;
	const mention *p = &a->m[pron];
	enum gender want = (enum gender)p->gender;
	long loose = -1;
	/* "he said … he added": an earlier pronoun of the same gender that spoke
	 * stands for the same person; it is followed back a few times */
	for (int hops = 0; hops < 8; hops++) {
		long again = -1;
		for (size_t i = pron; i-- > 0 && again < 0;) {
			const mention *m = &a->m[i];
			if (p->sent - m->sent > PRON_SENTENCES || p->a - m->a > PRON_TOKENS)
				break;
			if (m->kind == K_PRON && m->sent != p->sent && m->gender == want && want != G_ANY && loose < 0 &&
			    m->cuerel != CR_NONE) {
				again = (long)i;
				break;
			}
			if (!referent(c, m, want))
				continue;
			bool subject = m->subj || (m->cuerel != CR_NONE && m->cuerel != CR_TOLD && m->cuerel != CR_NEAR_AFTER &&
			                           m->cuerel != CR_NEAR_BEFORE);
			if (subject && (m->sent != p->sent || m->a < p->a))
				return (long)i;
			if (loose < 0 && m->kind == K_NAME)
				loose = (long)i;
		}
		if (again < 0)
			break;
		pron = (size_t)again;
		p = &a->m[pron];
	}
	return loose;
}

long mention_antecedent(const speech_ctx *c, size_t pron)
{
	/* (asked again by every quote the pronoun stands near: the answer
	 * depends on the article alone) */
	int32_t *memo = c->art->ante ? &c->art->ante[pron] : NULL;
	if (memo && *memo)
		return *memo - 2;
	long k = find_antecedent(c, pron);
	if (memo)
		*memo = (int32_t)k + 2;
	return k;
}
