/* The speaker model: who said a quote is chosen among candidates (the names,
 * pronouns and descriptions around it, the speaker of the quote before, and
 * "no speaker") by a linear model over their features (src/quotes/feat.h).
 *
 * The weights that ship are compiled in (src/quotes/model.c, written by
 * build/quoth-train: make train). Other weights can be loaded from a file
 * (quoth quotes reads the file named by QUOTH_MODEL), which is how make eval
 * scores each fold with weights that never saw it.
 *
 * A weights file has one feature a line, "NAME<TAB>WEIGHT" (an integer),
 * features left out weigh 0; '#' starts a comment line.
 */
#ifndef QUOTH_MODEL_H
#define QUOTH_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "doc.h"
#include "quotes.h"

typedef struct quote_model quote_model;

/* The compiled-in weights (zero weights when they were trained for other
 * features, which make check reports). */
const quote_model *quote_model_default(void);

/* Loads weights from path. Returns 0, Q_ENOMEM, an error of opening the
 * file, or Q_ESYNTAX (*line gets the line: a malformed line or an unknown
 * feature name). */
int quote_model_load(const char *path, quote_model **out, size_t *line);
void quote_model_free(quote_model *m);

/* The number of features, and the name of the i-th. */
size_t quote_model_features(void);
void quote_model_feature_name(size_t i, char *buf, size_t size);

/* Were the compiled-in weights trained for the features of this build? */
int quote_model_default_fits(void);

/* A hash of the feature names, which the compiled-in weights record. */
uint32_t quote_model_layout(void);

/* ---- for the trainer -------------------------------------------------------- */

/* New weights, all zero, that the trainer writes (quote_model_weights). */
quote_model *quote_model_new(void);
int32_t *quote_model_weights(quote_model *m);

/* The feature of the block a language no article taught reads (feat.h's
 * unseen block) that stands for feature f of the shared block; SIZE_MAX
 * when f is of another block. */
size_t quote_model_unseen_of(size_t f);

/* The candidates of one quote, as a chooser sees them. */
typedef struct quote_cands quote_cands;

size_t quote_cands_n(const quote_cands *c);

/* The feature indices of candidate i (*n of them), valid until the next call. */
const uint32_t *quote_cands_features(quote_cands *c, size_t i, size_t *n);

/* The score of candidate i under the weights in use. */
int32_t quote_cands_score(const quote_cands *c, size_t i);

/* The speaker candidate i stands for, resolved as it would be shown (a
 * pronoun to its person, a name to its fullest form), NULL for none or when
 * it cannot be resolved. Valid until the next call for this quote. */
const char *quote_cands_speaker(quote_cands *c, size_t i);

/* Chooses among the candidates of each quote in place of the model: the
 * trainer learns from what it sees. Called in text order for the outer
 * quotes; returns the index of the candidate to use. */
typedef struct quote_chooser {
	size_t (*choose)(void *ctx, const doc *d, const quote *q, quote_cands *c);
	void *ctx;
} quote_chooser;

#endif
