/* Internal to the quotes layer: what quotes.c hands to speech.c. */
#ifndef QUOTH_SPEECH_H
#define QUOTH_SPEECH_H

#include "doc.h"
#include "lang.h"
#include "quotes.h"
#include "tok.h"

/* The article being read: its text, language and extra cue verbs. */
typedef struct speech_ctx {
	const doc *d;
	enum lang lang;
	const quotes_opts *opts;
	tok_doc *td;             /* the article's tokens, made on first use (speech_tokens) */
	struct speech_names *names;   /* what the article says of its names, made on first use */
} speech_ctx;

typedef struct speech_names speech_names;

/* A new, empty name index for speech_ctx.names (NULL when out of memory). */
speech_names *speech_names_new(void);
void speech_names_free(speech_names *nm);

/* The article's tokens inside [s, e) (at most max: the first ones, or the
 * last ones when last is set); *n gets their number. NULL with *n == 0 when
 * there are none or memory ran out (c->td->rc says which). */
const tok *speech_tokens(const speech_ctx *c, size_t s, size_t e, size_t max, bool last, size_t *n);

/* Is the lower-case word low[0..n) a cue verb of the article's language
 * (compiled in or added through the options)? */
bool speech_is_cue(const speech_ctx *c, const char *low, size_t n, unsigned lex);

/* Splits quotes whose attribution stands inside the marks (« A, indique X.
 * B », "A - spiega il sindaco - B") into two; the list may grow (*cap).
 * Returns 0 or Q_ENOMEM. */
int speech_split_inner(const speech_ctx *c, quote **v, size_t *n, size_t *cap);

/* The end of the words of dash speech that starts at start in paragraph p:
 * where its attribution (", siger han") begins, else the paragraph end. */
size_t speech_dash_end(const speech_ctx *c, size_t start, size_t pend);

/* Attributes the outer quotes v[0..n) (depth 0, in text order): fills
 * speaker, cue, spk_start/spk_end and confidence. Returns 0 or Q_ENOMEM. */
int speech_attribute(const speech_ctx *c, quote *v, size_t n);

#endif
