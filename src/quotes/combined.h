/* Internal to the quotes layer: the speaker model's weights combined for
 * each language (feat_combine) once a run instead of once an article, kept
 * in quotes_opts by quotes_opts_fix_model (model_io.c). */
#ifndef QUOTH_COMBINED_H
#define QUOTH_COMBINED_H

#include <stdint.h>
#include "lang.h"
#include "quotes.h"

/* The weights w (FEAT_TOTAL of them) combined for every language; NULL
 * when out of memory. */
struct quote_combined *combined_new(const int32_t *w);
void combined_free(struct quote_combined *c);

/* The weights w combined for lang (FEAT_N of them) when o holds them made
 * from w; NULL otherwise (the caller combines them itself). */
const int32_t *combined_for(const quotes_opts *o, const int32_t *w, enum lang lang);

#endif
