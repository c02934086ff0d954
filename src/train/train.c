/* quoth-train: learns the weights of the speaker model (include/quotes/model.h)
 * from annotated articles. The model is log-linear: the probability of each
 * candidate speaker of a quote grows with the sum of the weights of its
 * features. For every quote that matches an annotated one, AdaGrad steps
 * towards the weights that give the candidates naming the right speaker
 * more of the probability, with an L2 pull towards zero that keeps rare
 * features from deciding alone. The articles are read in a fixed order each
 * epoch (a fixed shuffle), and e^x is computed here rather than by libm, so
 * the same articles give the same weights on every machine.
 *
 * usage: quoth-train [--epochs N] [--rate R] [--l2 L] [--lang-l2 F]
 *                    [--folds K --fold I] [--weights FILE]
 *                    [--c FILE] [--list-fold I] [--cv K [--errors FILE]] DIR...
 *   DIR         folders of NAME.txt and NAME.gold.json (../shared/corpus/dev ...)
 *   --rate R, --l2 L     AdaGrad's step and the pull towards 0 (0.1, 0.05)
 *   --lang-l2 F          the pull on one language's weights of three-atom
 *               templates, times L (8)
 *   --folds K --fold I   learn from the articles outside fold I of K (a
 *               hash of the file name fixes each article's fold)
 *   --list-fold I        print the articles of fold I of K, one a line, and stop
 *   --weights FILE       write the weights as text (NAME<TAB>WEIGHT a line)
 *   --c FILE    write them as C for src/quotes/model.c
 *   --cv K      learn K times, each time without one fold, and print the
 *               speaker accuracy on the quotes of the folds left out, per
 *               folder and language (a quick check; make eval scores with
 *               the evaluator); --errors FILE lists the wrong ones
 * Prints what it learnt from to standard error.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "error.h"
#include "gold.h"
#include "model.h"
#include "quotes.h"

#define MATCH 0.8           /* the evaluator's overlap for a quote to match */
#define SCALE 1000          /* weights are written times this, rounded */
#define EPOCHS 10
#define RATE 0.1            /* AdaGrad's step */
#define L2 0.05             /* how much each step pulls a weight towards 0 */

#define LANG_L2 8.0         /* times L2 for one language's weight of a three-atom template */

/* How the learner steps (--rate, --l2, --lang-l2). */
typedef struct hyper {
	double rate, l2, lang_l2;
	/* of each feature: is it one language's weight of a three-atom
	 * template? Those are many and each is seen by few quotes of one
	 * language, so they learn the articles rather than the language
	 * unless pulled harder towards 0 (the shared weight of the same
	 * template then decides) */
	uint8_t *pulled;
} hyper;
#define MAX_CANDS 512

typedef struct learner {
	const hyper *h;
	size_t nfeat;
	double *w, *g2;         /* the weights and AdaGrad's sums of squared gradients */
	const gold_doc *g;      /* the article being read */
	double weight;          /* of its quotes: small sets count about as much as big ones */
	size_t seen, reachable, right;
	bool frozen;            /* only count, with the model's own choice: do not learn */
	FILE *errors;           /* where to list wrong choices (frozen) */
} learner;

/* The annotated quote that q matches best, NULL when none does. */
static const gold_quote *match(const gold_doc *g, const doc *d, const quote *q)
{
	char *s = quote_text(d, q);
	words w;
	if (!s || words_of(s, strlen(s), &w)) {
		free(s);
		return NULL;
	}
	free(s);
	const gold_quote *best = NULL;
	double bo = MATCH;
	for (size_t i = 0; i < g->nq; i++) {
		double o = words_overlap(&w, &g->q[i].text);
		if (o >= bo && (!best || o > bo || (best->optional && !g->q[i].optional))) {
			best = &g->q[i];
			bo = o;
		}
	}
	words_free(&w);
	return best;
}

/* e^x for x <= 0, the same on every IEEE machine (libm's exp may round
 * differently from one version to the next, and the weights must not). */
static double exp_neg(double x)
{
	if (x < -700)
		return 0;
	int k = (int)(x / 0.6931471805599453 - 0.5);
	double r = x - k * 0.6931471805599453, term = 1, sum = 1;
	for (int i = 1; i < 20; i++) {
		term *= r / i;
		sum += term;
	}
	return ldexp(sum, k);
}

static double score_of(const learner *l, quote_cands *c, size_t i)
{
	size_t n;
	const uint32_t *f = quote_cands_features(c, i, &n);
	double s = 0;
	for (size_t k = 0; k < n; k++)
		s += l->w[f[k]];
	return s;
}

typedef struct grad {
	uint32_t f;
	double g;
} grad;

static int by_feature(const void *a, const void *b)
{
	uint32_t x = ((const grad *)a)->f, y = ((const grad *)b)->f;
	return x < y ? -1 : x > y;
}

/* One AdaGrad step on -log P(a right candidate) + L2/2 |w|^2 for the
 * candidates c (ok: which are right). */
static void step(learner *l, quote_cands *c, const bool *ok)
{
	size_t n = quote_cands_n(c), nf;
	double s[MAX_CANDS], p[MAX_CANDS], best = -1e300, z = 0, zs = 0;
	if (n > MAX_CANDS)
		n = MAX_CANDS;
	for (size_t i = 0; i < n; i++) {
		s[i] = score_of(l, c, i);
		if (s[i] > best)
			best = s[i];
	}
	for (size_t i = 0; i < n; i++) {
		p[i] = exp_neg(s[i] - best);
		z += p[i];
		zs += ok[i] ? p[i] : 0;
	}
	quote_cands_features(c, 0, &nf);
	grad *gv = malloc(n * nf * sizeof *gv);
	if (!gv)
		return;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double coef = l->weight * (p[i] / z - (ok[i] ? p[i] / zs : 0));
		if (coef > -1e-9 && coef < 1e-9)
			continue;
		const uint32_t *f = quote_cands_features(c, i, &nf);
		for (size_t k = 0; k < nf; k++)
			gv[m++] = (grad){ f[k], coef };
	}
	/* one step a feature, however many candidates have it */
	qsort(gv, m, sizeof *gv, by_feature);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		double g = 0;
		for (; j < m && gv[j].f == gv[i].f; j++)
			g += gv[j].g;
		uint32_t f = gv[i].f;
		g += (l->h->pulled[f] ? l->h->l2 * l->h->lang_l2 : l->h->l2) * l->w[f];
		l->g2[f] += g * g;
		l->w[f] -= l->h->rate * g / (sqrt(l->g2[f]) + 1e-6);
		i = j;
	}
	free(gv);
}

/* Its first features (kind, region, cue relation): what an error list shows. */
static void describe(quote_cands *c, size_t i, char *buf, size_t size)
{
	size_t n, len = 0;
	const uint32_t *f = quote_cands_features(c, i, &n);
	buf[0] = '\0';
	for (size_t k = 2; k <= 4 && k < n && len < size; k += 2) {
		char name[160];
		quote_model_feature_name(f[k], name, sizeof name);
		int r = snprintf(buf + len, size - len, "%s%s", k > 2 ? " " : "", name);
		len += r > 0 ? (size_t)r : 0;
	}
}

static void list_error(learner *l, const doc *d, const quote *q, quote_cands *c, size_t pred, size_t best)
{
	char *text = quote_text(d, q);
	char a[400], b[400];
	const char *got = quote_cands_speaker(c, pred), *want = best < quote_cands_n(c) ? quote_cands_speaker(c, best) : NULL;
	describe(c, pred, a, sizeof a);
	if (best < quote_cands_n(c))
		describe(c, best, b, sizeof b);
	else
		snprintf(b, sizeof b, "(no candidate)");
	fprintf(l->errors, "%s [%s] %.60s\n  got  %s (%s)\n  want %s (%s)\n", l->g->name, l->g->lang, text ? text : "",
	        got ? got : "-", a, want ? want : "?", b);
	free(text);
}

/* The chooser: the candidate the weights prefer; learns from the quote
 * when it matches an annotated one with a scored speaker. */
static size_t choose(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	learner *l = ctx;
	size_t n = quote_cands_n(c), pred = 0;
	double ps = 0;
	for (size_t i = 0; i < n; i++) {
		double si = l->frozen ? (double)quote_cands_score(c, i) : score_of(l, c, i);
		if (!i || si > ps) {
			pred = i;
			ps = si;
		}
	}
	const gold_quote *g = match(l->g, d, q);
	if (!g || g->optional || !g->scored)
		return pred;
	l->seen++;
	bool ok[MAX_CANDS] = { false };
	size_t best = n;
	for (size_t i = 0; i < n && i < MAX_CANDS; i++) {
		ok[i] = gold_speaker_ok(g, quote_cands_speaker(c, i));
		if (ok[i] && best == n)
			best = i;
	}
	l->reachable += best < n;
	l->right += pred < MAX_CANDS && ok[pred];
	if (l->frozen && l->errors && !(pred < MAX_CANDS && ok[pred]))
		list_error(l, d, q, c, pred, best);
	if (!l->frozen && best < n)
		step(l, c, ok);
	return pred;
}

/* A permutation of 0..n-1 for epoch e, the same in every run. */
static void shuffle(size_t *order, size_t n, unsigned e)
{
	uint64_t x = 0x9E3779B97F4A7C15ull * (e + 1);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n; i > 1; i--) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		size_t j = (size_t)((x >> 33) % i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* Weight f as the model stores it: times SCALE, rounded. */
static int32_t stored(const learner *l, size_t f)
{
	double a = l->w[f] * SCALE;
	return (int32_t)(a < 0 ? a - 0.5 : a + 0.5);
}

static int write_weights(const learner *l, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	char name[160];
	fprintf(f, "# quoth speaker weights (quoth-train)\n");
	for (size_t i = 0; i < l->nfeat; i++) {
		int32_t a = stored(l, i);
		if (!a)
			continue;
		quote_model_feature_name(i, name, sizeof name);
		fprintf(f, "%s\t%d\n", name, (int)a);
	}
	return fclose(f) ? 1 : 0;
}

static int write_c(const learner *l, const char *path, size_t docs, size_t quotes, unsigned epochs, uint32_t layout)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	char name[160];
	fprintf(f, "/* Generated by build/quoth-train (make train) from %zu annotated articles, %zu quotes\n"
	           " * with a scored speaker, %u epochs: do not edit. Each weight names its feature\n"
	           " * (src/quotes/feat.h); the others are 0. */\n", docs, quotes, epochs);
	fprintf(f, "#include \"speech.h\"\n\n");
	fprintf(f, "const uint32_t model_trained_layout = 0x%08xu;\n", (unsigned)layout);
	fprintf(f, "const size_t model_trained_n = %zu;\n", l->nfeat);
	fprintf(f, "const int32_t model_trained[%zu] = {\n", l->nfeat);
	for (size_t i = 0; i < l->nfeat; i++) {
		int32_t a = stored(l, i);
		if (!a)
			continue;
		quote_model_feature_name(i, name, sizeof name);
		fprintf(f, "\t[%zu] = %d,   /* %s */\n", i, (int)a, name);
	}
	fprintf(f, "};\n");
	return fclose(f) ? 1 : 0;
}

static int usage(void)
{
	fputs("usage: quoth-train [--epochs N] [--rate R] [--l2 L] [--lang-l2 F] [--folds K --fold I] [--weights FILE]\n"
	      "                   [--c FILE] [--list-fold I]\n"
	      "                   [--cv K [--errors FILE]] DIR...\n",
	      stderr);
	return 2;
}

/* The articles to learn from (or to count on) and their annotations. */
typedef struct corpus {
	doc **docs;
	const gold_doc **golds;
	double *weight;         /* of each article's quotes */
	size_t n;
} corpus;

/* Each set of articles weighs about as much as another however many quotes
 * it has (the square root of the ratio: a big set still counts more), so
 * that one large English set does not decide the shared weights alone. */
static void set_weights(corpus *c)
{
	enum { SETS = 64 };
	size_t sets = 0, total = 0, count[SETS];
	const char *names[SETS];
	for (size_t i = 0; i < c->n; i++) {
		size_t k = 0;
		while (k < sets && strcmp(names[k], c->golds[i]->set))
			k++;
		if (k == sets && sets < SETS) {
			names[sets] = c->golds[i]->set;
			count[sets++] = 0;
		}
		if (k < sets) {
			count[k] += c->golds[i]->nq;
			total += c->golds[i]->nq;
		}
	}
	for (size_t i = 0; i < c->n; i++) {
		size_t k = 0;
		while (k < sets && strcmp(names[k], c->golds[i]->set))
			k++;
		double share = k < sets && count[k] ? (double)total / (double)sets / (double)count[k] : 1;
		c->weight[i] = sqrt(share);
	}
}

/* Reads the articles of set: outside fold `fold` of k (only those in it when
 * only is set); all of them when k is 0. */
static int read_corpus(const gold_set *set, unsigned k, unsigned fold, bool only, corpus *out)
{
	out->docs = calloc(set->n + 1, sizeof *out->docs);
	out->golds = calloc(set->n + 1, sizeof *out->golds);
	out->weight = calloc(set->n + 1, sizeof *out->weight);
	out->n = 0;
	if (!out->docs || !out->golds || !out->weight)
		return Q_ENOMEM;
	for (size_t i = 0; i < set->n; i++) {
		if (k && (gold_fold(&set->v[i], k) == fold) != only)
			continue;
		if (doc_load(set->v[i].txt, &out->docs[out->n])) {
			fprintf(stderr, "quoth-train: %s: cannot read\n", set->v[i].txt);
			continue;
		}
		out->golds[out->n++] = &set->v[i];
	}
	set_weights(out);
	return 0;
}

static void free_corpus(corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		doc_free(c->docs[i]);
	free(c->docs);
	free(c->golds);
	free(c->weight);
}

/* Reads the articles of c with the chooser (in order[], or in turn), the
 * speakers weighed by model. */
static int read_all(const corpus *c, learner *l, const quote_model *model, const size_t *order)
{
	quote_chooser ch = { choose, l };
	quotes_opts o;
	quotes_opts_init(&o);
	o.model = model;
	o.chooser = &ch;
	int rc = 0;
	for (size_t k = 0; k < c->n && !rc; k++) {
		size_t i = order ? order[k] : k;
		quote_list ql;
		l->g = c->golds[i];
		l->weight = c->weight[i];
		rc = quotes_find(c->docs[i], &o, &ql);
		if (!rc)
			quote_list_free(&ql);
	}
	return rc;
}

static int learn(const corpus *c, unsigned epochs, const hyper *h, bool verbose, learner *l)
{
	memset(l, 0, sizeof *l);
	l->h = h;
	l->nfeat = quote_model_features();
	l->w = calloc(l->nfeat, sizeof *l->w);
	l->g2 = calloc(l->nfeat, sizeof *l->g2);
	size_t *order = calloc(c->n + 1, sizeof *order);
	int rc = l->w && l->g2 && order ? 0 : Q_ENOMEM;
	for (unsigned e = 0; e < epochs && !rc; e++) {
		size_t seen = l->seen, reach = l->reachable, right = l->right;
		shuffle(order, c->n, e);
		rc = read_all(c, l, NULL, order);
		if (verbose)
			fprintf(stderr, "quoth-train: epoch %u: %zu quotes, %zu with a right candidate, %zu right\n", e + 1,
			        l->seen - seen, l->reachable - reach, l->right - right);
	}
	free(order);
	return rc;
}

static void free_learner(learner *l)
{
	free(l->w);
	free(l->g2);
}

/* The weights as the model stores them (NULL when out of memory). */
static quote_model *model_of(const learner *l)
{
	quote_model *m = quote_model_new();
	int32_t *w = m ? quote_model_weights(m) : NULL;
	for (size_t i = 0; w && i < l->nfeat; i++)
		w[i] = stored(l, i);
	return m;
}

/* Speaker accuracy per folder and per folder and language. */
typedef struct tally {
	char key[48];
	size_t seen, reachable, right;
} tally;

#define TALLIES 64

static void count(tally *t, size_t *nt, const char *key, const learner *l, const learner *before)
{
	size_t i = 0;
	while (i < *nt && strcmp(t[i].key, key))
		i++;
	if (i == *nt) {
		if (*nt == TALLIES)
			return;
		memset(&t[i], 0, sizeof t[i]);
		snprintf(t[i].key, sizeof t[i].key, "%s", key);
		++*nt;
	}
	t[i].seen += l->seen - before->seen;
	t[i].reachable += l->reachable - before->reachable;
	t[i].right += l->right - before->right;
}

/* Cross-validation: learn without each fold, count on it. */
static int cross_validate(const gold_set *set, unsigned k, unsigned epochs, const hyper *h, FILE *errors)
{
	tally t[TALLIES];
	size_t nt = 0;
	int rc = 0;
	for (unsigned f = 0; f < k && !rc; f++) {
		corpus train = { 0 }, test = { 0 };
		learner l, ev = { 0 };
		memset(&l, 0, sizeof l);
		rc = read_corpus(set, k, f, false, &train);
		if (!rc)
			rc = read_corpus(set, k, f, true, &test);
		if (!rc)
			rc = learn(&train, epochs, h, false, &l);
		quote_model *m = rc ? NULL : model_of(&l);
		if (!rc && !m)
			rc = Q_ENOMEM;
		ev.frozen = true;
		ev.errors = errors;
		for (size_t i = 0; !rc && i < test.n; i++) {
			learner before = ev;
			corpus one = { test.docs + i, test.golds + i, test.weight + i, 1 };
			rc = read_all(&one, &ev, m, NULL);
			char key[48];
			snprintf(key, sizeof key, "%s", test.golds[i]->set);
			count(t, &nt, key, &ev, &before);
			snprintf(key, sizeof key, "%s %s", test.golds[i]->set, test.golds[i]->lang);
			count(t, &nt, key, &ev, &before);
		}
		quote_model_free(m);
		free_learner(&l);
		free_corpus(&train);
		free_corpus(&test);
	}
	for (size_t i = 0; i < nt && !rc; i++)
		printf("%-28s %5zu quotes  reachable %.3f  speaker %.3f\n", t[i].key, t[i].seen,
		       t[i].seen ? (double)t[i].reachable / (double)t[i].seen : 0,
		       t[i].seen ? (double)t[i].right / (double)t[i].seen : 0);
	return rc;
}

/* hyper.pulled: the language weights of the three-atom templates (NULL
 * when out of memory). */
static uint8_t *pulled_features(void)
{
	size_t nf = quote_model_features();
	uint8_t *p = calloc(nf, 1);
	char name[160];
	for (size_t k = 0; p && k < nf; k++) {
		quote_model_feature_name(k, name, sizeof name);
		size_t atoms = 0;
		for (const char *ch = name; *ch; ch++)
			atoms += *ch == '=';
		p[k] = strchr(name, '@') && atoms >= 3;
	}
	return p;
}

int main(int argc, char **argv)
{
	unsigned folds = 0, fold = 0, epochs = EPOCHS, cv = 0;
	hyper h = { RATE, L2, LANG_L2, NULL };
	long list = -1;
	const char *wpath = NULL, *cpath = NULL, *epath = NULL;
	gold_set set = { 0 };
	int i = 1;
	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (i + 1 >= argc)
			return usage();
		if (!strcmp(argv[i], "--folds"))
			folds = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--fold"))
			fold = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--rate"))
			h.rate = atof(argv[++i]);
		else if (!strcmp(argv[i], "--lang-l2"))
			h.lang_l2 = atof(argv[++i]);
		else if (!strcmp(argv[i], "--l2"))
			h.l2 = atof(argv[++i]);
		else if (!strcmp(argv[i], "--epochs"))
			epochs = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--list-fold"))
			list = atol(argv[++i]);
		else if (!strcmp(argv[i], "--weights"))
			wpath = argv[++i];
		else if (!strcmp(argv[i], "--c"))
			cpath = argv[++i];
		else if (!strcmp(argv[i], "--cv"))
			cv = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--errors"))
			epath = argv[++i];
		else
			return usage();
	}
	if (i >= argc || (folds && fold >= folds) || (list >= 0 && !folds) || cv == 1)
		return usage();
	for (; i < argc; i++) {
		char *bad;
		int rc = gold_add_dir(&set, argv[i], &bad);
		if (rc) {
			fprintf(stderr, "quoth-train: %s%s%s: %s\n", argv[i], bad ? "/" : "", bad ? bad : "", error_message(rc));
			free(bad);
			gold_set_free(&set);
			return 1;
		}
	}
	int rc = (h.pulled = pulled_features()) ? 0 : Q_ENOMEM;
	if (!rc && list >= 0) {
		for (size_t k = 0; k < set.n; k++)
			if (gold_fold(&set.v[k], folds) == (unsigned)list)
				printf("%s\n", set.v[k].txt);
	} else if (!rc && cv) {
		FILE *errors = epath ? fopen(epath, "w") : NULL;
		if (epath && !errors) {
			fprintf(stderr, "quoth-train: %s: cannot write\n", epath);
			rc = 1;
		} else {
			rc = cross_validate(&set, cv, epochs, &h, errors);
		}
		if (errors)
			fclose(errors);
	} else if (!rc) {
		corpus c = { 0 };
		learner l;
		memset(&l, 0, sizeof l);
		rc = read_corpus(&set, folds, fold, false, &c);
		if (!rc)
			rc = learn(&c, epochs, &h, true, &l);
		if (!rc && wpath && write_weights(&l, wpath))
			rc = 1, fprintf(stderr, "quoth-train: %s: cannot write\n", wpath);
		if (!rc && cpath && write_c(&l, cpath, c.n, epochs ? l.seen / epochs : 0, epochs, quote_model_layout()))
			rc = 1, fprintf(stderr, "quoth-train: %s: cannot write\n", cpath);
		free_learner(&l);
		free_corpus(&c);
	}
	if (rc > 1 || rc < 0)
		fprintf(stderr, "quoth-train: %s\n", error_message(rc));
	gold_set_free(&set);
	free(h.pulled);
	return rc ? 1 : 0;
}
