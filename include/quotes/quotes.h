/* The quotes layer: the direct quotations of an article and who said them.
 *
 * quotes_find() finds quotation spans in every mark convention of news copy
 * (enum mark_ch in quotes.c: "…", “…”, „…“, ‚…‘, «…», » … «, ‹…›, ‘…’,
 * ”…”, »…», 「…」, 『…』, ｢…｣, 〝…〞, the typewriter's ,,…'' and ''…'', a
 * straight mark paired with a curly one, and dash-introduced speech in Danish, Norwegian,
 * Swedish and Spanish), pairs marks across hard-wrapped lines (they are one paragraph
 * after doc's reflow), joins a quote that runs over several paragraphs (the
 * opening mark repeated at each paragraph, the closing one only at the end)
 * into one, ends an unclosed quote at its paragraph, and leaves out
 * apostrophes (don't, ’90s, rock 'n' roll, Reuters') and scare quotes or terms
 * of one or two words. A quote interrupted by its attribution ("A," she said,
 * "B.") gives two quotes, and so does one whose attribution stands inside
 * the marks (« A, indique X. B »).
 *
 * Each quote is then attributed (speech.c): cue verbs of the article's
 * language (lang.c detects it; the lists are compiled in from
 * scripts/gen-lexicon.py) next to the quote or before it in the same
 * sentence, "according to X", a pronoun resolved to the last fitting named
 * subject, the speaker of the previous quote for a quote that stands alone;
 * the speaker is given in its fullest form in the article (Xi -> Xi
 * Jinping), titles dropped (Sir, Lord kept), or as the descriptive phrase
 * the article uses ("a local business owner", German "der Sprecher des
 * Ministeriums").
 *
 * The words are read by a small tokenizer of its own (tok.c), once per
 * article and only outside the quotes' words, not by u8_wordbreaks: it is
 * the cost that sets the speed (see bench/quotes.sh).
 *
 * Nested quotes stay inside the outer quote's text and are listed only when
 * quotes_opts.nested is set (the sidebar lists outer quotes).
 *
 * Spans are byte offsets into doc.text; inside a paragraph a '\n' is a
 * hyphen join and counts as absent (quote_text() drops it).
 */
#ifndef QUOTH_QUOTES_H
#define QUOTH_QUOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

typedef struct quote {
	size_t start, end;          /* the words inside the outer marks */
	size_t open, close;         /* the whole span with its marks: open <= start <= end <= close */
	size_t spk_start, spk_end;  /* the speaker mention in doc.text (equal when none) */
	char *speaker;              /* display form (fullest name in the article), NULL when unknown */
	char *cue;                  /* the cue verb or pattern as found, NULL when none */
	float confidence;           /* 0..1: how sure the engine is of the quote and its speaker */
	uint64_t id;                /* hash of the normalised quote text: stable across re-reading, moving the file */
	int depth;                  /* 0 outer, 1 nested in an outer quote, ... */
	bool unclosed;              /* no closing mark: the quote ends with its paragraph */
	bool dash;                  /* dash-introduced speech (– Vi er klar, siger han.) */
	bool inner;                 /* split at an attribution inside its marks (« A, indique X. B ») */
	const char *text;           /* quote_text, made with the id when quotes_opts.keep_text (owned by the list); else NULL */
} quote;

typedef struct quote_list {
	quote *v;                   /* in text order (a nested quote after its outer one) */
	size_t n;
	char lang[4];               /* the language the cue lists were chosen for: "en", "da", ... */
	char *texts;                /* what each quote's text points into (quotes_opts.keep_text) */
} quote_list;

/* Options; all-zero (or quotes_opts_init) is the default. */
typedef struct quotes_opts {
	/* Extra cue verbs, each "xx:verb" for language xx, or "verb" for every
	 * language (see quotes_opts_add_cues). Lower case, one word each. */
	char **cues;
	size_t ncues;
	bool nested;                /* list nested quotes too (depth >= 1); default: outer quotes only */
	bool keep_short;            /* list quotes of one or two words too (scare quotes, terms) */
	bool keep_text;             /* set quote.text: the flat text is made for the id anyway (NULL when out of memory) */
	const char *lang;           /* force the language ("de"); NULL detects it */
	const struct quote_model *model;      /* the speaker model's weights; NULL: the compiled-in ones (model.h) */
	const struct quote_chooser *chooser;  /* chooses the speakers instead of the model (the trainer: model.h) */
	struct quote_combined *combined;      /* model's weights combined once for every language (quotes_opts_fix_model) */
	/* The trainer's lexicon dropout: a listed word whose entry, hashed
	 * with lex_drop_seed, falls below lex_drop (a share of 2^32) is read
	 * as unlisted when the speakers are chosen, as in a language whose
	 * lists lack it; 0 (the default) reads the lists whole. */
	uint32_t lex_drop;
	uint64_t lex_drop_seed;
} quotes_opts;

void quotes_opts_init(quotes_opts *o);

/* Adds the cue verbs of a comma- or semicolon-separated list (a config.ini
 * value such as "remarked, quipped") for language code lang ("en"), or for
 * every language when lang is NULL or "". Case does not matter; an item of
 * several words ("pointed out") counts by its first word. Returns 0,
 * Q_ENOMEM or Q_EUSAGE (a language code quoth has no lists for). */
int quotes_opts_add_cues(quotes_opts *o, const char *lang, const char *list);

/* Says that o->model (NULL: the compiled-in weights) will not change for
 * as long as o is used: its weights are then combined for each language
 * once, not once an article. Not for a model whose weights change between
 * articles (the trainer's). Returns 0 or Q_ENOMEM (o still works: it
 * combines them each article, as without this call). */
int quotes_opts_fix_model(quotes_opts *o);

/* Frees what quotes_opts_add_cues and quotes_opts_fix_model allocated. */
void quotes_opts_free(quotes_opts *o);

/* Finds the quotes of d. opts may be NULL. Returns 0 (out filled, possibly
 * with no quotes) or Q_ENOMEM (out left empty). */
int quotes_find(const doc *d, const quotes_opts *opts, quote_list *out);

/* The memory quotes_find needs for an article (its tokens and what is
 * read of them), kept from one article to the next by whoever reads many
 * of them one after another, such as a thread of quoth quotes: they are
 * then not made and freed for each. For one thread at a time. */
typedef struct quotes_work quotes_work;

quotes_work *quotes_work_new(void);   /* NULL when out of memory */
void quotes_work_free(quotes_work *w);

/* quotes_find with the memory of w (NULL: quotes_find's own, freed when
 * it returns); the same quotes. */
int quotes_find_with(const doc *d, const quotes_opts *opts, quotes_work *w, quote_list *out);

void quote_list_free(quote_list *l);

/* The quote's words as flat text (like doc_flat_text); caller frees. NULL when out of memory. */
char *quote_text(const doc *d, const quote *q);

/* The id as 16 hex digits in buf (17 bytes). */
void quote_id_hex(const quote *q, char buf[17]);

#endif
