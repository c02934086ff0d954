/* Internal to the quotes layer: who said each quote (speech.c), on what
 * the article says of its people (mention.c), its cue words (cue.c) and, in
 * Chinese and Japanese, its cue patterns (cjk.c). */
#ifndef QUOTH_SPEECH_H
#define QUOTH_SPEECH_H

#include <stdbool.h>
#include <stdint.h>
#include "doc.h"
#include "lang.h"
#include "lexicon.h"
#include "model.h"
#include "quotes.h"
#include "tok.h"

/* What mention.c marks in each word of the article once (tok.mark), so
 * that the many questions asked of a word near a quote cost a bit test. */
enum tok_mark {
	TM_CUE = 1 << 0,     /* a cue word (cue_word) */
	TM_FUSED = 1 << 1,   /* a cue with a pronoun joined to it */
	TM_ROLE = 1 << 2,    /* names a person by role */
	TM_NAME = 1 << 3,    /* can be part of a name */
	TM_LEAD = 1 << 4,    /* the lexicon calls it a pronoun or a determiner */
	TM_COLON = 1 << 5,   /* a case ending joined by a colon to an abbreviation: EU:n (tok.c) */
	TM_DONE = 1 << 7,    /* marked */
};

/* Kinds of mention: the values of the atom KIND (feat.h). */
enum mention_kind { K_NONE, K_PREV, K_PRON, K_NAME, K_NAME1, K_ACRONYM, K_ROLE, K_TEXT, K_ORG, K_DESC,
	K_TOP   /* the article's most named person, wherever it stands (speech.c) */
};

/* How a mention stands to a cue word: the values of the atom CUEREL. */
enum cue_rel {
	CR_NONE,
	CR_BEFORE,        /* X said, X also said */
	CR_AFTER,         /* said X, siger han, sagte am Montag der Minister */
	CR_ACCORD,        /* according to X, laut X */
	CR_ACCORD_AFTER,  /* X zufolge */
	CR_TOLD,          /* told X: spoken to */
	CR_FROM,          /* lyder det fra X, heißt es aus X */
	CR_NEAR_BEFORE,   /* in the cue's sentence, before it */
	CR_NEAR_AFTER,    /* in the cue's sentence, after it */
	CR_APPOS,         /* X, the minister, said */
	CR_COLON,         /* the subject of a sentence that ends with a colon */
	CR_FUSED,         /* a pronoun joined to the cue: a-t-il déclaré */
};

enum gender { G_ANY, G_MALE, G_FEMALE, G_PLURAL };

/* A mention of someone or something that may have spoken: a name, a
 * pronoun, a description ("the prime minister", "der Landrat"). */
typedef struct mention {
	uint32_t a, b;            /* its tokens [a, b) */
	uint32_t na, nb;          /* its name run [na, nb) (equal: none) */
	uint32_t ds, de;          /* the bytes shown: the name without titles, or the phrase */
	uint32_t rs, re;          /* (CJK) a pronoun: the bytes of the person it stands for (equal: none) */
	uint32_t sent, para;      /* sentence and paragraph of its first token */
	int32_t cue;              /* the cue token it stands by (cue_rel), -1 none */
	int32_t name;             /* its entry in the article's names, -1 none */
	uint8_t kind;             /* enum mention_kind */
	uint8_t cuerel;           /* enum cue_rel */
	uint8_t prep;             /* atom PREP: none, prep, of, det */
	uint8_t subj;             /* atom SUBJ: no, first in its sentence, at its start */
	uint8_t gender;           /* enum gender */
	bool poss;                /* ends with a possessive 's */
	bool parafirst;           /* in the first sentence of its paragraph */
} mention;

/* What the article says of one name (keyed by its last word). */
typedef struct name_info {
	const tok *w;             /* the word; NULL: a free slot */
	uint32_t run_a, run_b;    /* the longest run that ends with it (tokens) */
	uint16_t count;           /* mentions */
	uint8_t words;            /* words of that run, titles left out */
	uint8_t gender;           /* enum gender, from titles and roles */
	bool mid;                 /* seen capitalised inside a sentence */
	bool spoke;               /* the subject of a cue somewhere (mention_speaks) */
	bool loose;               /* named somewhere not right after a preposition or a genitive's of */
} name_info;

/* The article's tokens annotated once: sentences, paragraphs, mentions and names. */
typedef struct speech_art {
	uint32_t *sent;           /* of each token */
	uint32_t *spara;          /* of each sentence: its paragraph (one starts a sentence: speech_para) */
	uint32_t *sstart;         /* the first token of each sentence */
	uint32_t *cues;           /* the cue tokens, ncue of them, in order (mention.c: cue_from, cue_upto) */
	uint32_t *scue;           /* of each sentence: where its cues start in cues */
	int32_t *sfirst, *slast;  /* of each sentence: its first and last cue token, -1 */
	size_t ncue;
	int32_t *colon;           /* of each sentence: the colon before a quote it ends with, -1 */
	uint32_t *lead;           /* the tokens that may start a mention, nlead of them (annotate, for scan_mentions) */
	size_t nlead;
	mention *m;               /* in text order */
	size_t nm, mcap;
	size_t nnamed;            /* mentions with a name run (nb > na) */
	name_info *names;         /* open addressing, a power of two */
	size_t ncap;
	int32_t *ante;            /* of each mention: 2 + mention_antecedent once asked, else 0 (in names' block) */
	bool built;
	int rc;
	/* the memory kept from one article to the next (quotes_work): */
	size_t blockcap;          /* tokens the block of sent and the eight other arrays has room for */
	size_t namesroom;         /* bytes of the block of names and ante */
	struct quote_cands *qc;   /* speech_attribute's candidates of a quote */
	void *said;               /* speech_attribute's decision of each quote and quotes of each name, one block */
	size_t saidroom;          /* its bytes */
} speech_art;

/* The article being read: its text, language and options. */
typedef struct speech_ctx {
	const doc *d;
	enum lang lang;
	const quotes_opts *opts;
	tok_doc *td;              /* the article's tokens (quotes.c builds them) */
	speech_art *art;          /* made on first use (speech_art_get) */
} speech_ctx;

/* The properties of the article's language (enum lang_prop). */
static inline unsigned speech_props(const speech_ctx *c)
{
	return lex_lang_props(c->lang);
}

/* The article's tokens inside [s, e) (at most max: the first ones, or the
 * last ones when last is set); *n gets their number. NULL with *n == 0 when
 * there are none or memory ran out (c->td->rc says which). */
const tok *speech_tokens(const speech_ctx *c, size_t s, size_t e, size_t max, bool last, size_t *n);

/* ---- cue.c: cue words ---------------------------------------------------------- */

/* Is w a cue of the article's language (compiled in or added through the
 * options)? *fused is set when a pronoun is joined to it (déclare-t-il). */
bool cue_word(const speech_ctx *c, const tok *w, bool *fused);

/* Is the lower-case word low[0..n) a cue added through the options for the
 * article's language? */
bool cue_extra(const speech_ctx *c, const char *low, size_t n);

/* The end of the words of dash speech that starts at start in paragraph p:
 * where its attribution (", siger han") begins, else the paragraph end. */
size_t speech_dash_end(const speech_ctx *c, size_t start, size_t pend);

/* Splits quotes whose attribution stands inside the marks (« A, indique X.
 * B », "A - spiega il sindaco - B") into two, each marked inner; the list
 * may grow (*cap). Returns 0 or Q_ENOMEM. */
int speech_split_inner(const speech_ctx *c, quote **v, size_t *n, size_t *cap);

/* ---- mention.c: the article's mentions and names ------------------------------------ */

/* Forgets the article a annotated but keeps its memory for the next one
 * (a zeroed speech_art is a new one). */
void speech_art_clear(speech_art *a);
/* Frees a's memory; a is a new one then. */
void speech_art_release(speech_art *a);

/* The annotated article (built on first use; NULL when out of memory). */
const speech_art *speech_art_get(const speech_ctx *c);

/* Does the word stand for a name (capitalised, not a function word)? */
bool mention_name_word(const tok *w);

/* Is the article's word w a cue (after speech_art_get has marked the words)? */
static inline bool marked_cue(const tok *w)
{
	return w->mark & TM_CUE;
}

/* mention_all_caps past its first test. */
bool mention_all_caps_rest(const char *t, size_t s, size_t e);

/* Are the letters of t[s,e) all capitals, two of them at least (a word
 * in capitals: an acronym, or a headline's when its neighbours are too)? */
static inline bool mention_all_caps(const char *t, size_t s, size_t e)
{
	/* (most names asked are ASCII with a small letter second: no call; the
	 * second byte of a character of two bytes or more is never one) */
	if (s + 1 < e && (unsigned)((unsigned char)t[s + 1] - 'a') < 26)
		return false;
	return mention_all_caps_rest(t, s, e);
}

/* The endings of one kind in one language as a filter of a word's last
 * three bytes: a word the filter refuses ends with none of them (longer
 * than itself), so lex_suffix need not walk its trie, which most words
 * would enter (German words end in r, n, e, t as its role nouns do), and
 * whether it does goes either way from word to word. all: an ending is
 * shorter than three bytes, the filter passes every word. */
typedef struct ending_filter {
	bool all;
	uint64_t bits[16];        /* 1024 bits, by ending_filter_bit of the endings' last three bytes */
} ending_filter;

void ending_filter_init(ending_filter *f, enum lang lang, enum lex_affix k);

/* The bit of an ending_filter for the three bytes that end s[0..n) (n >= 3). */
static inline unsigned ending_filter_bit(const char *s, size_t n)
{
	uint32_t t = (uint32_t)(unsigned char)s[n - 1] | (uint32_t)(unsigned char)s[n - 2] << 8 |
	             (uint32_t)(unsigned char)s[n - 3] << 16;
	return (t * 0x9E3779B1u) >> 22;
}

/* May the lower-case word low[0..n) end with an ending of f's kind (one
 * shorter than the word)? low holds three bytes at least (a token's is
 * padded). Without a branch on the word's length, which goes either way
 * from word to word: a short word's first three bytes are read, and its
 * length refuses it. */
static inline bool ending_filter_may(const ending_filter *f, const char *low, size_t n)
{
	unsigned b = ending_filter_bit(low, n > 3 ? n : 3);
	return f->all | ((n > 3) & (unsigned)(f->bits[b / 64] >> (b % 64)));
}

/* Does mention m stand as the one who speaks by a cue (X said, said X,
 * X, the minister, said, according to X)? */
bool mention_speaks(const mention *m);

/* The index of the first mention at or after token t. */
size_t mention_at(const speech_art *a, uint32_t t);
/* mention_at found by a walk from the mention hint when it is near (the
 * quotes come in order: the one before is a good hint), else searched. */
size_t mention_at_from(const speech_art *a, uint32_t t, size_t hint);

/* The display of mention m as a new string: a name in its fullest form in
 * the article, a description as written. NULL when out of memory. */
char *mention_display(const speech_ctx *c, const mention *m);

/* The paragraph of token k. */
static inline uint32_t speech_para(const speech_art *a, size_t k)
{
	return a->spara[a->sent[k]];
}

/* Token i, a cue of sentence s (the cues come in order), into the list of
 * cues and its sentence's first and last (annotate, mention.c). */
void mention_note_cue(uint32_t *cues, size_t *ncue, int32_t *sfirst, int32_t *slast, uint32_t s, size_t i);

/* The nearest cue at or after, at or before token k in its sentence, -1
 * when none, from the article's list of cues (mention.c). */
int32_t mention_cue_from(const speech_art *a, size_t k);
int32_t mention_cue_upto(const speech_art *a, size_t k);

/* The mention a pronoun mention stands for (index into a->m), -1 when none. */
long mention_antecedent(const speech_ctx *c, size_t pron);

/* e^x for the confidence's softmax, x <= 0 (the library's exp for other
 * x): the float confidence it gives is the one exp gives (speech.c). */
double speech_exp_neg(double x);

/* The bucket of d among n for the rising limits[0..n-1) (the first
 * bucket whose limit d does not pass), as the atoms take it (speech.c). */
uint8_t speech_bucket(size_t d, const size_t *limits, uint8_t n);

/* Is a question mark (? or the full-width one) in t[from..open)? (speech.c:
 * the atom QASKED, which reads all the text between quotes) */
bool speech_asked_between(const char *t, size_t from, size_t open);

/* Is mention m a person (or a body) that can be a speaker: not a lone
 * capital opening a sentence, not a German noun the article never names? */
bool mention_person_like(const speech_ctx *c, const mention *m);

/* ---- cjk.c: candidates where words are not spaced ---------------------------------- */

/* The speaker candidates of q found by the cue patterns of Chinese and
 * Japanese (at most max into out, in text order); returns how many. The
 * mentions have no name entry; their token fields are approximate. */
size_t cjk_mentions(const speech_ctx *c, const quote *q, mention *out, size_t max);

/* The person a Chinese or Japanese article names most (a name transcribed
 * with middle dots or given with its Latin spelling, written twice at
 * least, counting its last part alone): into m (kind K_TOP, its bytes in
 * ds, de), how often in *count. false: none. */
bool cjk_top_person(const speech_ctx *c, mention *m, size_t *count);

/* ---- speech.c --------------------------------------------------------------------- */

/* Attributes the outer quotes v[0..n) (depth 0, in text order): fills
 * speaker, cue, spk_start/spk_end and confidence. Returns 0 or Q_ENOMEM. */
int speech_attribute(const speech_ctx *c, quote *v, size_t n);

/* ---- model.c / model_io.c ----------------------------------------------------------- */

/* The weights of m (FEAT_TOTAL of them), NULL for none. */
const int32_t *model_weights_of(const quote_model *m);

/* The compiled-in weights (model.c, written by the trainer): model_trained_n
 * of them, for the features whose names hash to model_trained_layout. */
extern const int32_t model_trained[];
extern const size_t model_trained_n;
extern const uint32_t model_trained_layout;

#endif
