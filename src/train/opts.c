/* quoth-train's command line (opts.h): every value is checked, and a bad
 * one is named with what was expected. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "opts.h"

#define USAGE \
	"usage: quoth-train [--epochs N] [--rate R] [--l2 L] [--lang-l2 F] [--lex-drop P] [--seed N] [--bag S [--bootstrap]]\n" \
	"                   [--folds K --fold I] [--weights FILE] [--c FILE] [--list-fold I]\n" \
	"                   [--cv K | --cv-lang [--seeds R] [--errors FILE]] DIR...\n"

#define MAX_BAG 64
#define MAX_FOLDS 100

static int usage(FILE *err)
{
	fputs(USAGE, err);
	return 2;
}

static int bad_value(FILE *err, const char *opt, const char *value, const char *want)
{
	fprintf(err, "quoth-train: %s: expects %s, not '%s'\n", opt, want, value);
	return 2;
}

/* A whole number in [lo, hi] (a u64 when hi is 0). */
static int whole(const char *s, unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
	char *end;
	if (*s < '0' || *s > '9')
		return 1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v < lo || (hi && v > hi))
		return 1;
	*out = v;
	return 0;
}

/* A finite number in [lo, hi] (lo excluded when open). */
static int number(const char *s, double lo, bool open, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (!*s || errno || *end || !(v >= lo) || (open && v == lo) || !(v <= hi))
		return 1;
	*out = v;
	return 0;
}

/* What an option's value is and where it goes. */
typedef enum { UINT, U64, LONG, REAL, PATH, FLAG } kind;

/* The options: where the value goes (offsetof train_opts) and what it may
 * be; a FLAG takes none and sets a bool. */
typedef struct opt {
	const char *name;
	kind k;
	size_t off;
	double lo, hi;          /* a number: lo excluded when open */
	bool open;
	const char *want;
} opt;

#define AT(field) offsetof(train_opts, field)
static const opt OPTS[] = {
	{ "--epochs", UINT, AT(p.epochs), 1, 10000, false, "a whole number from 1 to 10000" },
	{ "--rate", REAL, AT(p.rate), 0, 100, true, "a number above 0 and at most 100" },
	{ "--l2", REAL, AT(p.l2), 0, 100, false, "a number from 0 to 100" },
	{ "--lang-l2", REAL, AT(p.lang_l2), 0, 1000, false, "a number from 0 to 1000" },
	{ "--lex-drop", REAL, AT(p.lex_drop), 0, 0.9, false, "a number from 0 to 0.9" },
	{ "--seed", U64, AT(p.seed), 0, 0, false, "a whole number from 0 to 18446744073709551615" },
	{ "--bag", UINT, AT(p.bag), 1, MAX_BAG, false, "a whole number from 1 to 64" },
	{ "--folds", UINT, AT(folds), 2, MAX_FOLDS, false, "a whole number from 2 to 100" },
	{ "--fold", UINT, AT(fold), 0, MAX_FOLDS - 1, false, "a whole number from 0 to 99" },
	{ "--list-fold", LONG, AT(list), 0, MAX_FOLDS - 1, false, "a whole number from 0 to 99" },
	{ "--cv", UINT, AT(cv), 2, MAX_FOLDS, false, "a whole number from 2 to 100" },
	{ "--seeds", UINT, AT(seeds), 1, MAX_BAG, false, "a whole number from 1 to 64" },
	{ "--weights", PATH, AT(weights), 0, 0, false, "a file" },
	{ "--c", PATH, AT(c), 0, 0, false, "a file" },
	{ "--errors", PATH, AT(errors), 0, 0, false, "a file" },
	{ "--bootstrap", FLAG, AT(p.bootstrap), 0, 0, false, NULL },
	{ "--cv-lang", FLAG, AT(cv_lang), 0, 0, false, NULL },
};

/* Reads v as option x wants it into o; 1 when it is not that. */
static int store(train_opts *o, const opt *x, const char *v)
{
	char *at = (char *)o + x->off;
	unsigned long long w = 0;
	double r = 0;
	if (x->k == PATH) {
		if (!*v)
			return 1;
		memcpy(at, &v, sizeof v);
	} else if (x->k == REAL) {
		if (number(v, x->lo, x->open, x->hi, &r))
			return 1;
		memcpy(at, &r, sizeof r);
	} else if (x->k == U64) {
		if (whole(v, 0, 0, &w))
			return 1;
		uint64_t u = w;
		memcpy(at, &u, sizeof u);
	} else {
		if (whole(v, (unsigned long long)x->lo, (unsigned long long)x->hi, &w))
			return 1;
		unsigned u = (unsigned)w;
		long l = (long)w;
		if (x->k == UINT)
			memcpy(at, &u, sizeof u);
		else
			memcpy(at, &l, sizeof l);
	}
	return 0;
}

/* One option with its value at argv[*i]; moves *i past it. */
static int one(train_opts *o, int argc, const char *const *argv, int *i, FILE *err)
{
	const char *name = argv[*i];
	size_t k = 0;
	while (k < sizeof OPTS / sizeof *OPTS && strcmp(OPTS[k].name, name))
		k++;
	if (k == sizeof OPTS / sizeof *OPTS) {
		fprintf(err, "quoth-train: %s: no such option\n", name);
		return usage(err);
	}
	if (OPTS[k].k == FLAG) {
		const bool on = true;
		memcpy((char *)o + OPTS[k].off, &on, sizeof on);
		return 0;
	}
	if (*i + 1 >= argc) {
		fprintf(err, "quoth-train: %s: expects %s\n", name, OPTS[k].want);
		return 2;
	}
	const char *v = argv[++*i];
	return store(o, &OPTS[k], v) ? bad_value(err, name, v, OPTS[k].want) : 0;
}

/* The options that only make sense together. */
static int consistent(const train_opts *o, FILE *err)
{
	const char *why = NULL;
	if (o->folds && o->fold >= o->folds)
		why = "--fold must be below --folds";
	else if (o->list >= 0 && (!o->folds || o->list >= (long)o->folds))
		why = "--list-fold needs --folds, and must be below it";
	else if (o->cv && o->cv_lang)
		why = "--cv and --cv-lang exclude each other";
	else if (o->seeds && !o->cv && !o->cv_lang)
		why = "--seeds needs --cv or --cv-lang";
	else if (o->errors && !o->cv && !o->cv_lang)
		why = "--errors needs --cv or --cv-lang";
	else if (o->p.bootstrap && o->p.bag < 2)
		why = "--bootstrap needs --bag 2 or more";
	else if (!o->ndirs)
		why = "no corpus folder given";
	if (!why)
		return 0;
	fprintf(err, "quoth-train: %s\n", why);
	return usage(err);
}

int train_opts_parse(train_opts *o, int argc, const char *const *argv, FILE *err)
{
	memset(o, 0, sizeof *o);
	train_params_init(&o->p);
	o->list = -1;
	int i = 1;
	for (; i < argc && !strncmp(argv[i], "--", 2); i++)
		if (one(o, argc, argv, &i, err))
			return 2;
	o->dirs = argv + i;
	o->ndirs = argc - i;
	if (consistent(o, err))
		return 2;
	if (!o->seeds)
		o->seeds = 1;
	return 0;
}
