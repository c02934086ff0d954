/* Internal to the trainer: the annotated articles of a corpus folder, each
 * NAME.txt with NAME.gold.json (../shared/corpus/GUIDELINES.md). */
#ifndef QUOTH_GOLD_H
#define QUOTH_GOLD_H

#include <stdbool.h>
#include <stddef.h>
#include "norm.h"

typedef struct gold_quote {
	words text;
	bool optional;
	bool scored;             /* has a "speaker" key: the speaker is scored */
	bool nobody;             /* "speaker": null */
	words *aliases;          /* the forms that name the speaker (the speaker itself when none) */
	size_t naliases;
} gold_quote;

typedef struct gold_doc {
	char *txt;               /* path of the article */
	char *name;              /* its file name, which fixes its fold */
	char *set;               /* the folder's name: dev, dev-multi... */
	char lang[8];            /* its language code */
	gold_quote *q;
	size_t nq;
} gold_doc;

typedef struct gold_set {
	gold_doc *v;
	size_t n, cap;
} gold_set;

/* Adds the articles of folder dir (every *.gold.json, sorted by name).
 * Returns 0, Q_ENOMEM, an error opening the folder, or Q_ESYNTAX (*bad
 * names the file; free it). */
int gold_add_dir(gold_set *s, const char *dir, char **bad);
void gold_set_free(gold_set *s);

/* Is the predicted speaker (NULL: none) right for g, as the evaluator
 * counts it? */
bool gold_speaker_ok(const gold_quote *g, const char *speaker);

/* The fold (0..k-1) of an article: a hash of its file name. */
unsigned gold_fold(const gold_doc *d, unsigned k);

#endif
