/* The trainer (src/train): the seed picks the order the articles are read
 * in, the same seed gives the same weights, an ensemble of one is the plain
 * training and an ensemble is the mean of its models, cross-validation over
 * several seeds prints their mean, its error list names the templates that
 * favoured each wrong choice, and a bad option is refused with a
 * message and 2. The articles are a small corpus of the tests' own,
 * written to a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "gold.h"
#include "learn.h"
#include "model.h"
#include "opts.h"

#define ARTICLES 8

/* People of the fixture: who speaks, who is spoken of. */
static const char *const SPEAKERS[] = { "Anna Berg", "Tom Lind", "Mia Holt", "Jon Dahl" };
static const char *const OTHERS[] = { "Eva Strand", "Per Moen", "Ida Voss", "Ole Brun" };

typedef struct fixture {
	char dir[64];
	gold_set set;
	uint8_t *pulled;
} fixture;

static void write_text(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(s, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* Patterns of a quote with its cue: before the speaker, after it, and
 * (when there is one) after another person in the sentence. */
typedef struct form {
	const char *before, *after, *other;
	const char *quoted;     /* the quote, as the gold has it */
} form;
static const form FORMS[] = {
	{ "\"We will build the bridge next year,\" said ", ".", NULL, "We will build the bridge next year," },
	{ "\"The plan costs too much for a town of this size,\" ", " told reporters after meeting ", ".",
	  "The plan costs too much for a town of this size," },
	{ "According to ", ", \"the vote comes in the spring.\"", NULL, "the vote comes in the spring." },
	{ "", " said to ", ": \"Nobody asked the people who live here.\"", "Nobody asked the people who live here." },
	{ "\"It is too early to say,\" ", " said.", NULL, "It is too early to say," },
};
#define FORMS_N (sizeof FORMS / sizeof *FORMS)

/* Article i: some of the forms, in an order and with people of its own,
 * and the gold that names the speakers. */
static void write_article(const char *dir, int i)
{
	char path[256], txt[2048], gold[4096];
	size_t tl = (size_t)snprintf(txt, sizeof txt, "Council news %d\n\n%s met %s on Monday.\n\n", i, SPEAKERS[i % 4],
	                             OTHERS[i % 4]);
	size_t gl = (size_t)snprintf(gold, sizeof gold, "{\"file\": \"a%d.txt\", \"lang\": \"en\", \"quotes\": [", i);
	int n = 2 + i % 3;
	for (int k = 0; k < n; k++) {
		size_t pick = (size_t)(i * 3 + k * (i % 2 ? 2 : 1)) % FORMS_N;
		const char *who = SPEAKERS[(i + k) % 4], *other = OTHERS[(i + 2 * k + 1) % 4];
		const form *fm = &FORMS[pick];
		tl += (size_t)snprintf(txt + tl, sizeof txt - tl, "%s%s%s%s%s\n\n", fm->before, who, fm->after,
		                       fm->other ? other : "", fm->other ? fm->other : "");
		gl += (size_t)snprintf(gold + gl, sizeof gold - gl, "%s{\"text\": \"%s\", \"speaker\": \"%s\", \"optional\": false}",
		                       k ? ", " : "", fm->quoted, who);
	}
	snprintf(gold + gl, sizeof gold - gl, "]}\n");
	snprintf(path, sizeof path, "%s/a%d.txt", dir, i);
	write_text(path, txt);
	snprintf(path, sizeof path, "%s/a%d.gold.json", dir, i);
	write_text(path, gold);
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/quoth-train-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	for (int i = 0; i < ARTICLES; i++)
		write_article(f->dir, i);
	char *bad = NULL;
	assert_int_equal(gold_add_dir(&f->set, f->dir, &bad), 0);
	assert_int_equal(f->set.n, ARTICLES);
	f->pulled = train_pulled();
	assert_non_null(f->pulled);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char path[256];
	for (int i = 0; i < ARTICLES; i++) {
		snprintf(path, sizeof path, "%s/a%d.txt", f->dir, i);
		unlink(path);
		snprintf(path, sizeof path, "%s/a%d.gold.json", f->dir, i);
		unlink(path);
	}
	rmdir(f->dir);
	gold_set_free(&f->set);
	free(f->pulled);
	free(f);
	return 0;
}

/* The weights learnt from the whole fixture with p. */
static train_weights learn_with(const fixture *f, train_params p)
{
	train_corpus c = { 0 };
	train_weights w = { 0 };
	p.pulled = f->pulled;
	assert_int_equal(train_corpus_read(&f->set, 0, 0, false, &c), 0);
	assert_int_equal(train_learn(&c, &p, false, &w), 0);
	train_corpus_free(&c);
	return w;
}

static train_params params(unsigned epochs, uint64_t seed, unsigned bag)
{
	train_params p;
	train_params_init(&p);
	p.epochs = epochs;
	p.seed = seed;
	p.bag = bag;
	return p;
}

static bool same_weights(const train_weights *a, const train_weights *b)
{
	return a->n == b->n && !memcmp(a->w, b->w, a->n * sizeof *a->w);
}

static bool is_permutation(const size_t *v, size_t n)
{
	bool seen[64] = { false };
	for (size_t i = 0; i < n; i++) {
		if (v[i] >= n || seen[v[i]])
			return false;
		seen[v[i]] = true;
	}
	return true;
}

/* Seed 0 is the order the trainer had before it took seeds, so that the
 * shipped weights did not move; another seed another order. */
static void the_seed_picks_the_order(void **state)
{
	enum { N = 40 };
	size_t a[N], b[N], c[N];
	train_shuffle(a, N, 0, 0);
	train_shuffle(b, N, 0, 0);
	train_shuffle(c, N, 0, 1);
	assert_true(is_permutation(a, N));
	assert_true(is_permutation(c, N));
	assert_memory_equal(a, b, sizeof a);
	assert_memory_not_equal(a, c, sizeof a);
	train_shuffle(b, N, 1, 0);
	assert_memory_not_equal(a, b, sizeof a);   /* each epoch its own order */
	size_t old[5];
	train_shuffle(old, 5, 0, 0);
	const size_t before_seeds[5] = { 0, 3, 1, 2, 4 };
	assert_memory_equal(old, before_seeds, sizeof old);
}

static void the_same_seed_gives_the_same_weights(void **state)
{
	const fixture *f = *state;
	train_weights a = learn_with(f, params(3, 7, 1)), b = learn_with(f, params(3, 7, 1));
	train_weights c = learn_with(f, params(3, 8, 1));
	assert_true(a.quotes > 0);
	assert_true(same_weights(&a, &b));
	assert_false(same_weights(&a, &c));
	train_weights_free(&a);
	train_weights_free(&b);
	train_weights_free(&c);
}

/* --bag 1 is what the trainer learns without the option, and a bag is the
 * mean of the models of its seeds. */
static void an_ensemble_is_the_mean_of_its_models(void **state)
{
	const fixture *f = *state;
	char dir[80];
	snprintf(dir, sizeof dir, "%s", f->dir);
	const char *plain_argv[] = { "quoth-train", "--epochs", "3", dir, NULL };
	const char *bag_argv[] = { "quoth-train", "--epochs", "3", "--bag", "1", dir, NULL };
	train_opts plain, one;
	assert_int_equal(train_opts_parse(&plain, 4, plain_argv, stderr), 0);
	assert_int_equal(train_opts_parse(&one, 6, bag_argv, stderr), 0);
	train_weights a = learn_with(f, plain.p), b = learn_with(f, one.p);
	assert_true(same_weights(&a, &b));
	train_weights s0 = learn_with(f, params(3, 5, 1)), s1 = learn_with(f, params(3, 6, 1));
	train_weights two = learn_with(f, params(3, 5, 2));
	assert_false(same_weights(&s0, &two));
	for (size_t i = 0; i < two.n; i++)
		assert_true(two.w[i] == (s0.w[i] + s1.w[i]) / 2);
	assert_int_equal(two.quotes, a.quotes);
	train_weights_free(&a);
	train_weights_free(&b);
	train_weights_free(&s0);
	train_weights_free(&s1);
	train_weights_free(&two);
}

/* Bootstrap: each model its own sample of the articles; the same again. */
static void a_bootstrap_bag_is_its_own_and_repeatable(void **state)
{
	const fixture *f = *state;
	train_params p = params(3, 2, 3);
	train_weights plain = learn_with(f, p);
	p.bootstrap = true;
	train_weights a = learn_with(f, p), b = learn_with(f, p);
	assert_true(same_weights(&a, &b));
	assert_false(same_weights(&a, &plain));
	train_weights_free(&plain);
	train_weights_free(&a);
	train_weights_free(&b);
}

/* The lexicon dropout: the unseen block learns (in a pass of its own, the
 * listed words dropped), repeatably, and nothing else changes: the shared
 * and the languages' weights are those learnt without it, and so are the
 * quotes counted. */
static void lexicon_dropout_teaches_the_unseen_block_alone(void **state)
{
	const fixture *f = *state;
	train_params p = params(3, 2, 1);
	p.lex_drop = 0;
	train_weights plain = learn_with(f, p);
	p.lex_drop = 0.5;
	train_weights a = learn_with(f, p), b = learn_with(f, p);
	assert_true(same_weights(&a, &b));
	assert_false(same_weights(&a, &plain));
	size_t unseen = 0;
	char name[160];
	for (size_t i = 0; i < a.n; i++) {
		quote_model_feature_name(i, name, sizeof name);
		if (strstr(name, "~unseen")) {
			unseen += a.w[i] != 0;
			assert_true(plain.w[i] == 0);
		} else {
			assert_true(a.w[i] == plain.w[i]);
		}
	}
	assert_true(unseen > 0);
	assert_int_equal(a.quotes, plain.quotes);
	train_weights_free(&plain);
	train_weights_free(&a);
	train_weights_free(&b);
}

/* The output of cross-validation on the fixture with `seeds` runs, over
 * the parts ps (NULL: two folds by the hash of the names, as train_cv). */
static char *cv_parts_output(const fixture *f, const train_parts *ps, unsigned seeds)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	assert_non_null(out);
	train_params p = params(2, 0, 1);
	p.pulled = f->pulled;
	assert_int_equal(ps ? train_cv_parts(&f->set, ps, &p, seeds, NULL, out) : train_cv(&f->set, 2, &p, seeds, NULL, out),
	                 0);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static char *cv_output(const fixture *f, unsigned seeds)
{
	return cv_parts_output(f, NULL, seeds);
}

static void cross_validation_over_seeds_prints_the_mean(void **state)
{
	const fixture *f = *state;
	char *one = cv_output(f, 1), *three = cv_output(f, 3);
	char set[80];
	snprintf(set, sizeof set, "%s ", strrchr(f->dir, '/') + 1);
	assert_non_null(strstr(one, set));
	assert_non_null(strstr(one, "total"));
	assert_null(strstr(one, "seeds"));
	assert_non_null(strstr(three, "over 3 seeds"));
	assert_non_null(strstr(three, "total"));
	/* each set counts its quotes once, not once a run */
	char *q1 = strstr(one, "total"), *q3 = strstr(three, "total");
	assert_true(strtol(q1 + 5, NULL, 10) >= ARTICLES * 2);
	assert_int_equal(strtol(q1 + 5, NULL, 10), strtol(q3 + 5, NULL, 10));
	free(one);
	free(three);
}

/* Cross-validation by language: each language's articles are held out
 * whole (none of them learnt from while it is counted), its line "lang XX"
 * sums it over the folders, and the languages' lines add up to the total. */
static void a_language_is_held_out_whole(void **state)
{
	fixture *f = *state;
	for (size_t i = 0; i < f->set.n; i++)   /* half of them, not by a fold's hash */
		if (i % 4 == 1 || i % 4 == 2)
			strcpy(f->set.v[i].lang, "xx");
	train_parts ps;
	assert_int_equal(train_parts_by_lang(&f->set, &ps), 0);
	assert_int_equal(ps.n, 2);
	for (unsigned part = 0; part < ps.n; part++) {
		train_corpus learn = { 0 }, count = { 0 };
		assert_int_equal(train_corpus_read_part(&f->set, &ps, part, false, &learn), 0);
		assert_int_equal(train_corpus_read_part(&f->set, &ps, part, true, &count), 0);
		assert_int_equal(learn.n, ARTICLES / 2);
		assert_int_equal(count.n, ARTICLES / 2);
		for (size_t i = 0; i < count.n; i++)
			for (size_t j = 0; j < learn.n; j++)
				assert_string_not_equal(count.golds[i]->lang, learn.golds[j]->lang);
		train_corpus_free(&learn);
		train_corpus_free(&count);
	}
	char *buf = cv_parts_output(f, &ps, 1);
	char *en = strstr(buf, "\nlang en "), *xx = strstr(buf, "\nlang xx "), *total = strstr(buf, "\ntotal ");
	assert_non_null(en);
	assert_non_null(xx);
	assert_non_null(total);
	assert_true(en < xx && xx < total);
	assert_int_equal(strtol(en + 8, NULL, 10) + strtol(xx + 8, NULL, 10), strtol(total + 6, NULL, 10));
	assert_true(strtol(total + 6, NULL, 10) >= ARTICLES * 2);
	free(buf);
	free(ps.of);
	for (size_t i = 0; i < f->set.n; i++)
		strcpy(f->set.v[i].lang, "en");
}

static void swap_speakers(gold_doc *d)
{
	assert_true(d->nq >= 2);
	gold_quote t = d->q[0];
	d->q[0].aliases = d->q[1].aliases;
	d->q[0].naliases = d->q[1].naliases;
	d->q[1].aliases = t.aliases;
	d->q[1].naliases = t.naliases;
}

/* The error list of cross-validation: under each wrong choice whose right
 * speaker was a candidate, the templates that favoured the wrong one, the
 * most first, each with the part of its language's weight. */
/* The error list of a two-fold cross-validation of f's articles (the
 * caller frees it). */
static char *cross_validated_errors(const fixture *f)
{
	char *buf = NULL, *res = NULL;
	size_t size = 0, rsize = 0;
	FILE *errors = open_memstream(&buf, &size), *out = open_memstream(&res, &rsize);
	assert_non_null(errors);
	assert_non_null(out);
	train_params p = params(2, 0, 1);
	p.pulled = f->pulled;
	assert_int_equal(train_cv(&f->set, 2, &p, 1, errors, out), 0);
	assert_int_equal(fclose(errors), 0);
	assert_int_equal(fclose(out), 0);
	free(res);
	return buf;
}

static void wrong_choices_list_what_favoured_them(void **state)
{
	const fixture *f = *state;
	/* the gold of each article's first two quotes swapped: the model
	 * learns from the others to choose what is now wrong */
	for (size_t i = 0; i < f->set.n; i++)
		swap_speakers(&f->set.v[i]);
	char *buf = cross_validated_errors(f);
	for (size_t i = 0; i < f->set.n; i++)
		swap_speakers(&f->set.v[i]);
	size_t listed = 0, blamed = 0;
	double last = 1e300;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "  want ", 7)) {
			listed += strncmp(line, "  want ?", 8) != 0;
			last = 1e300;
		} else if (!strncmp(line, "  for  ", 7)) {
			double m = strtod(line + 7, NULL);
			assert_true(m > 0 && m <= last);
			assert_non_null(strstr(line, "(language "));
			assert_non_null(strstr(line, " over "));
			last = m;
			blamed++;
		}
	}
	assert_true(listed > 0);
	assert_true(blamed >= listed);
	free(buf);
}

/* Under a quote whose right speaker no candidate names, the error list
 * shows every candidate there was (the choice among them was not what
 * failed: what the candidates lack is). */
static void absent_speakers_list_the_candidates(void **state)
{
	const fixture *f = *state;
	/* each article's first quote names nobody any candidate can be */
	size_t kept[64] = { 0 };
	assert_true(f->set.n <= 64);
	for (size_t i = 0; i < f->set.n; i++) {
		kept[i] = f->set.v[i].q[0].naliases;
		f->set.v[i].q[0].naliases = 0;
	}
	char *buf = cross_validated_errors(f);
	for (size_t i = 0; i < f->set.n; i++)
		f->set.v[i].q[0].naliases = kept[i];
	size_t absent = 0, cands = 0, under = 0;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "  want ? ((no candidate))", 25)) {
			absent++;
			under = 0;
		} else if (!strncmp(line, "  cand ", 7)) {
			assert_non_null(strstr(line, " (kind="));
			cands++;
			under++;
		} else if (!strncmp(line, "  for  ", 7)) {
			assert_int_equal(under, 0);   /* no blame where nothing was right */
		} else if (line[0] != ' ') {
			under = 0;
		}
	}
	assert_true(absent >= f->set.n / 2);
	assert_true(cands >= absent);   /* "no speaker" at least, under each */
	free(buf);
}

/* parse argv (NULL-ended) and what it told err */
static int parse(const char **argv, char *msg, size_t size)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	FILE *err = fmemopen(msg, size, "w");
	assert_non_null(err);
	train_opts o;
	int rc = train_opts_parse(&o, argc, argv, err);
	fclose(err);
	return rc;
}

static void bad_options_are_refused_with_2(void **state)
{
	struct {
		const char *argv[8];
		const char *says;
	} bad[] = {
		{ { "t", "--bag", "0", "d", NULL }, "--bag: expects a whole number from 1 to 64, not '0'" },
		{ { "t", "--bag", "x", "d", NULL }, "--bag: expects" },
		{ { "t", "--bag", "65", "d", NULL }, "--bag: expects" },
		{ { "t", "--seed", "-1", "d", NULL }, "--seed: expects a whole number" },
		{ { "t", "--seed", "18446744073709551616", "d", NULL }, "--seed: expects" },
		{ { "t", "--seeds", "0", "--cv", "5", "d", NULL }, "--seeds: expects" },
		{ { "t", "--seeds", "3", "d", NULL }, "--seeds needs --cv or --cv-lang" },
		{ { "t", "--errors", "e", "d", NULL }, "--errors needs --cv or --cv-lang" },
		{ { "t", "--cv", "5", "--cv-lang", "d", NULL }, "--cv and --cv-lang exclude each other" },
		{ { "t", "--epochs", "0", "d", NULL }, "--epochs: expects" },
		{ { "t", "--epochs", "3x", "d", NULL }, "--epochs: expects" },
		{ { "t", "--rate", "0", "d", NULL }, "--rate: expects a number above 0" },
		{ { "t", "--l2", "nan", "d", NULL }, "--l2: expects" },
		{ { "t", "--cv", "1", "d", NULL }, "--cv: expects" },
		{ { "t", "--folds", "5", "--fold", "5", "d", NULL }, "--fold must be below --folds" },
		{ { "t", "--bootstrap", "d", NULL }, "--bootstrap needs --bag 2" },
		{ { "t", "--lex-drop", "0.95", "d", NULL }, "--lex-drop: expects a number from 0 to 0.9" },
		{ { "t", "--lex-drop", "-0.1", "d", NULL }, "--lex-drop: expects" },
		{ { "t", "--bagg", "3", "d", NULL }, "--bagg: no such option" },
		{ { "t", "--bag", NULL }, "--bag: expects" },
		{ { "t", "--bag", "3", NULL }, "no corpus folder" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char msg[1024] = "";
		assert_int_equal(parse(bad[i].argv, msg, sizeof msg), 2);
		if (!strstr(msg, bad[i].says))
			fail_msg("%s %s: said \"%s\", not \"%s\"", bad[i].argv[1], bad[i].argv[2] ? bad[i].argv[2] : "",
			         msg, bad[i].says);
	}
}

static void good_options_are_read(void **state)
{
	const char *argv[] = { "t", "--seed", "18446744073709551615", "--bag", "5", "--bootstrap", "--cv", "5",
	                 "--seeds", "3", "--l2", "0.02", "--lex-drop", "0.25", "d1", "d2", NULL };
	train_opts o;
	assert_int_equal(train_opts_parse(&o, 16, argv, stderr), 0);
	assert_true(o.p.lex_drop == 0.25);
	assert_true(o.p.seed == UINT64_MAX);
	assert_int_equal(o.p.bag, 5);
	assert_true(o.p.bootstrap);
	assert_int_equal(o.cv, 5);
	assert_int_equal(o.seeds, 3);
	assert_true(o.p.l2 == 0.02);
	assert_int_equal(o.ndirs, 2);
	assert_string_equal(o.dirs[0], "d1");
	const char *plain[] = { "t", "d", NULL };
	assert_int_equal(train_opts_parse(&o, 2, plain, stderr), 0);
	train_params def;
	train_params_init(&def);
	assert_true(o.p.seed == def.seed && o.p.bag == def.bag && o.p.epochs == def.epochs && !o.p.bootstrap);
	assert_true(o.p.lex_drop == def.lex_drop);
	assert_int_equal(o.seeds, 1);
	assert_true(o.list == -1);
	assert_false(o.cv_lang);
	const char *by_lang[] = { "t", "--cv-lang", "--seeds", "2", "d", NULL };
	assert_int_equal(train_opts_parse(&o, 5, by_lang, stderr), 0);
	assert_true(o.cv_lang);
	assert_int_equal(o.cv, 0);
	assert_int_equal(o.seeds, 2);
}

/* How hard the feature named name is pulled towards 0 (train_pulled). */
static int pulled_by_name(const uint8_t *pulled, const char *name)
{
	char buf[160];
	for (size_t i = 0; i < quote_model_features(); i++) {
		quote_model_feature_name(i, buf, sizeof buf);
		if (!strcmp(buf, name))
			return pulled[i];
	}
	fail_msg("no feature %s", name);
	return -1;
}

/* A language's own weight of a template of two atoms is pulled harder
 * than the weight every language shares, and one of three atoms harder
 * still: where one language has few quotes of a kind (a pronoun after the
 * cue: "\"...\", sagte er"), its own weight learnt from them does not
 * overrule what the others show. One atom (how often a language's
 * candidates of a kind are right) is its own to learn. */
static void one_languages_weights_of_two_atoms_are_pulled(void **state)
{
	uint8_t *pulled = train_pulled();
	assert_non_null(pulled);
	assert_int_equal(pulled_by_name(pulled, "kind=pron&region=tail@de"), 1);
	assert_int_equal(pulled_by_name(pulled, "kind=pron&region=tail&cuerel=after@de"), 2);
	assert_int_equal(pulled_by_name(pulled, "kind=pron@de"), 0);
	assert_int_equal(pulled_by_name(pulled, "kind=pron&region=tail"), 0);
	assert_int_equal(pulled_by_name(pulled, "kind=pron&region=tail&cuerel=after"), 0);
	free(pulled);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_seed_picks_the_order),
		cmocka_unit_test(the_same_seed_gives_the_same_weights),
		cmocka_unit_test(an_ensemble_is_the_mean_of_its_models),
		cmocka_unit_test(a_bootstrap_bag_is_its_own_and_repeatable),
		cmocka_unit_test(lexicon_dropout_teaches_the_unseen_block_alone),
		cmocka_unit_test(cross_validation_over_seeds_prints_the_mean),
		cmocka_unit_test(a_language_is_held_out_whole),
		cmocka_unit_test(wrong_choices_list_what_favoured_them),
		cmocka_unit_test(absent_speakers_list_the_candidates),
		cmocka_unit_test(bad_options_are_refused_with_2),
		cmocka_unit_test(good_options_are_read),
		cmocka_unit_test(one_languages_weights_of_two_atoms_are_pulled),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
