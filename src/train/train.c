/* quoth-train: learns the weights of the speaker model (include/quotes/model.h)
 * from annotated articles (learn.c says how).
 *
 * usage: quoth-train [--epochs N] [--rate R] [--l2 L] [--lang-l2 F]
 *                    [--lex-drop P] [--seed N] [--bag S [--bootstrap]]
 *                    [--folds K --fold I] [--weights FILE]
 *                    [--c FILE] [--list-fold I]
 *                    [--cv K | --cv-lang [--seeds R] [--errors FILE]] DIR...
 *   DIR         folders of NAME.txt and NAME.gold.json (../shared/corpus/dev ...)
 *   --epochs N           passes over the articles (10)
 *   --rate R, --l2 L     AdaGrad's step and the pull towards 0 (0.1, 0.05)
 *   --lang-l2 F          the pull on one language's weights of templates
 *               of three atoms, times L (8; of two atoms, times L sqrt F)
 *   --lex-drop P         the share of the listed words read as unlisted in
 *               the pass an epoch that teaches the block of weights a
 *               language no article taught reads (0.25; 0: no such pass)
 *   --seed N    the shuffles of the articles (0: the order the trainer always had)
 *   --bag S     learn S models, on the shuffles of seeds N..N+S-1, and write
 *               the mean of their weights (1)
 *   --bootstrap each model of the bag learns from its own sample of the
 *               articles, drawn with replacement
 *   --folds K --fold I   learn from the articles outside fold I of K (a
 *               hash of the file name fixes each article's fold)
 *   --list-fold I        print the articles of fold I of K, one a line, and stop
 *   --weights FILE       write the weights as text (NAME<TAB>WEIGHT a line)
 *   --c FILE    write them as C for src/quotes/model.c
 *   --cv K      learn K times, each time without one fold, and print the
 *               speaker accuracy on the quotes of the folds left out, per
 *               folder and language, and the total (a quick check; make
 *               eval scores with the evaluator); --seeds R: the mean of R
 *               runs on other shuffles, with the fewest and most right
 *               quotes of a run; --errors FILE lists the wrong ones (of the
 *               first run)
 *   --cv-lang   the same with a fold a language: learn without each
 *               language in turn and count on it, as a language no
 *               annotated article was learnt from is read ("lang XX": the
 *               language over every folder)
 * Prints what it learnt from to standard error. A bad option exits 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include "error.h"
#include "gold.h"
#include "learn.h"
#include "opts.h"

static int list_fold(const gold_set *set, const train_opts *o)
{
	for (size_t k = 0; k < set->n; k++)
		if (gold_fold(&set->v[k], o->folds) == (unsigned)o->list)
			printf("%s\n", set->v[k].txt);
	return 0;
}

static int cross_validate(const gold_set *set, const train_opts *o)
{
	FILE *errors = o->errors ? fopen(o->errors, "w") : NULL;
	if (o->errors && !errors) {
		fprintf(stderr, "quoth-train: %s: cannot write\n", o->errors);
		return 1;
	}
	train_parts ps = { .n = o->cv };
	int rc = o->cv_lang ? train_parts_by_lang(set, &ps) : 0;
	if (!rc)
		rc = train_cv_parts(set, &ps, &o->p, o->seeds, errors, stdout);
	free(ps.of);
	if (errors)
		fclose(errors);
	return rc;
}

static int learn_and_write(const gold_set *set, const train_opts *o)
{
	train_corpus c = { 0 };
	train_weights w = { 0 };
	int rc = train_corpus_read(set, o->folds, o->fold, false, &c);
	if (!rc)
		rc = train_learn(&c, &o->p, true, &w);
	if (!rc && o->weights && train_write_text(&w, o->weights))
		rc = 1, fprintf(stderr, "quoth-train: %s: cannot write\n", o->weights);
	if (!rc && o->c && train_write_c(&w, o->c, c.n, &o->p))
		rc = 1, fprintf(stderr, "quoth-train: %s: cannot write\n", o->c);
	train_weights_free(&w);
	train_corpus_free(&c);
	return rc;
}

int main(int argc, char **argv)
{
	train_opts o;
	if (train_opts_parse(&o, argc, (const char *const *)argv, stderr))
		return 2;
	gold_set set = { 0 };
	for (int i = 0; i < o.ndirs; i++) {
		char *bad;
		int rc = gold_add_dir(&set, o.dirs[i], &bad);
		if (rc) {
			fprintf(stderr, "quoth-train: %s%s%s: %s\n", o.dirs[i], bad ? "/" : "", bad ? bad : "", error_message(rc));
			free(bad);
			gold_set_free(&set);
			return 1;
		}
	}
	uint8_t *pulled = train_pulled();
	o.p.pulled = pulled;
	int rc = !pulled ? Q_ENOMEM
	         : o.list >= 0 ? list_fold(&set, &o)
	         : o.cv || o.cv_lang ? cross_validate(&set, &o)
	                             : learn_and_write(&set, &o);
	if (rc > 1 || rc < 0)
		fprintf(stderr, "quoth-train: %s\n", error_message(rc));
	gold_set_free(&set);
	free(pulled);
	return rc ? 1 : 0;
}
