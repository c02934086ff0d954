/* Internal to the trainer: its command line. */
#ifndef QUOTH_TRAIN_OPTS_H
#define QUOTH_TRAIN_OPTS_H

#include <stdio.h>
#include "learn.h"

typedef struct train_opts {
	train_params p;
	unsigned folds, fold;   /* learn outside fold `fold` of `folds` (0: from all) */
	long list;              /* print the articles of this fold and stop (-1: no) */
	unsigned cv, seeds;     /* cross-validate with cv folds, over seeds runs (0: no) */
	bool cv_lang;           /* cross-validate with a fold a language */
	const char *weights, *c, *errors;   /* files to write (NULL: none) */
	const char *const *dirs;   /* the corpus folders */
	int ndirs;
} train_opts;

/* Reads the command line into o (train_params_init's defaults for what it
 * does not say). Returns 0, or 2 after telling err what is wrong. */
int train_opts_parse(train_opts *o, int argc, const char *const *argv, FILE *err);

#endif
