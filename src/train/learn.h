/* Internal to the trainer: learning the speaker model's weights from
 * annotated articles, alone or as an ensemble, and cross-validating them. */
#ifndef QUOTH_LEARN_H
#define QUOTH_LEARN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "gold.h"

/* How the learner steps and how many models it averages. */
typedef struct train_params {
	unsigned epochs;
	double rate, l2;        /* AdaGrad's step and the pull towards 0 */
	double lang_l2;         /* times l2 for one language's weight of a template of three atoms (its root for two) */
	uint64_t seed;          /* of the shuffles; 0 is the order of the trainer before seeds */
	unsigned bag;           /* models learnt on shuffles seed, seed+1, ... and averaged */
	bool bootstrap;         /* each model learns from a sample of the articles drawn with replacement */
	/* above 0: the unseen block (a language no article taught reads it,
	 * feat.h) learns too, in a second pass an epoch with this share of
	 * the listed words read as unlisted (quotes_opts.lex_drop) */
	double lex_drop;
	/* of each feature: 0 a shared weight or one of a single atom, 1 one
	 * language's weight of a template of two atoms, 2 of three (train_pulled) */
	const uint8_t *pulled;
} train_params;

/* The defaults: what make train ships. */
void train_params_init(train_params *p);

/* train_params.pulled for the model's features (NULL when out of memory;
 * free it). */
uint8_t *train_pulled(void);

/* A permutation of 0..n-1 for epoch e of the shuffle seed: the same in
 * every run and on every machine. */
void train_shuffle(size_t *order, size_t n, unsigned e, uint64_t seed);

/* The articles to learn from (or to count on) and their annotations. */
typedef struct train_corpus {
	struct doc **docs;
	const gold_doc **golds;
	double *weight;         /* of each article's quotes */
	size_t n;
} train_corpus;

/* The parts of a cross-validation: n of them, article i of a gold_set in
 * part of[i], or in fold gold_fold(i, n) when of is NULL. */
typedef struct train_parts {
	unsigned n;
	unsigned *of;
	bool by_lang;           /* a part a language: its accuracy is also counted over every set */
} train_parts;

/* The parts that are the languages of set's articles, in the order they
 * first come (free out->of). Returns 0 or Q_ENOMEM. */
int train_parts_by_lang(const gold_set *set, train_parts *out);

/* The articles of set outside part `part` of ps (only those in it when
 * only is set); all of them when ps is NULL. Returns 0 or Q_ENOMEM. */
int train_corpus_read_part(const gold_set *set, const train_parts *ps, unsigned part, bool only, train_corpus *out);

/* The articles of set outside fold `fold` of k (only those in it when only
 * is set); all of them when k is 0. Returns 0 or Q_ENOMEM. */
int train_corpus_read(const gold_set *set, unsigned k, unsigned fold, bool only, train_corpus *out);
void train_corpus_free(train_corpus *c);

/* The learnt weights, one a feature of the model (unscaled). */
typedef struct train_weights {
	double *w;
	size_t n;
	size_t quotes;          /* quotes with a scored speaker in the articles */
} train_weights;

/* Learns from c with p: the mean of p->bag models. verbose prints each
 * epoch to standard error. Returns 0 or Q_ENOMEM. */
int train_learn(const train_corpus *c, const train_params *p, bool verbose, train_weights *out);
void train_weights_free(train_weights *w);

/* Weight f as the model stores it: times 1000, rounded. */
int32_t train_stored(const train_weights *w, size_t f);

/* Writes the weights as text (NAME<TAB>WEIGHT a line) or as C for
 * src/quotes/model.c. Return 0 or 1 (cannot write). */
int train_write_text(const train_weights *w, const char *path);
int train_write_c(const train_weights *w, const char *path, size_t docs, const train_params *p);

/* Cross-validation: learns k times, each time without one fold, and prints
 * to out the speaker accuracy on the folds left out, per folder and
 * language, and the total; with seeds > 1, the mean over that many runs
 * (run r learns with seed p->seed + r * p->bag) and the fewest and most
 * right quotes of a run. errors (NULL: none) lists the wrong choices of
 * the first run, each with the templates that favoured it over the right
 * candidate the most. Returns 0 or Q_ENOMEM. */
int train_cv(const gold_set *set, unsigned k, const train_params *p, unsigned seeds, FILE *errors, FILE *out);

/* The same over the parts ps (train_parts_by_lang: learns without each
 * language in turn and counts on it, as a language no annotated article
 * was learnt from is read; each language's line "lang XX" sums its sets). */
int train_cv_parts(const gold_set *set, const train_parts *ps, const train_params *p, unsigned seeds, FILE *errors,
                   FILE *out);

#endif
