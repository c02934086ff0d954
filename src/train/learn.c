/* The learner of quoth-train (learn.h). The model is log-linear: the
 * probability of each candidate speaker of a quote grows with the sum of
 * the weights of its features. For every quote that matches an annotated
 * one, AdaGrad steps towards the weights that give the candidates naming
 * the right speaker more of the probability, with an L2 pull towards zero
 * that keeps rare features from deciding alone. The articles are read in a
 * shuffled order each epoch, fixed by the seed, and e^x is computed here
 * rather than by libm, so the same articles give the same weights on every
 * machine.
 *
 * One model depends on the order it read the articles in: a feature seen
 * by few quotes ends where its last steps left it. An ensemble learns
 * several models, each on its own shuffles (and, with bootstrap, its own
 * sample of the articles), and ships the mean of their weights: the same
 * table, so quotes_find costs what it did, with less of the order in it.
 *
 * A language no annotated article taught reads a block of weights of its
 * own (feat.h's unseen block): each epoch a second pass over the articles
 * teaches it alone, with a share of the listed words read as unlisted
 * (train_params.lex_drop), as that language's lists lack words; the first
 * pass, which teaches every other weight, reads the lists whole. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "error.h"
#include "learn.h"
#include "model.h"
#include "quotes.h"

#define MATCH 0.8           /* the evaluator's overlap for a quote to match */
#define SCALE 1000          /* weights are written times this, rounded */
#define MAX_CANDS 512

void train_params_init(train_params *p)
{
	*p = (train_params){ .epochs = 10, .rate = 0.1, .l2 = 0.05, .lang_l2 = 8.0, .seed = 0, .bag = 1, .lex_drop = 0.25 };
}

typedef struct learner {
	const train_params *h;
	size_t nfeat;
	double *w, *g2;         /* the weights and AdaGrad's sums of squared gradients */
	const gold_doc *g;      /* the article being read */
	double weight;          /* of its quotes: small sets count about as much as big ones */
	size_t seen, reachable, right;
	bool frozen;            /* only count, with the model's own choice: do not learn */
	FILE *errors;           /* where to list wrong choices (frozen) */
	const double *chose;    /* (frozen) the weights that chose, to list what favoured a wrong choice */
	/* learning the unseen block (feat.h): each candidate's features of the
	 * shared block read as theirs there, its language's left out, and the
	 * listed words dropped with drop_seed (quotes_opts.lex_drop) */
	bool unseen;
	uint64_t drop_seed;
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

#define MAX_FEATS 512       /* of a candidate (two a template: quote_cands_features) */

/* The features candidate i is scored and learns with into buf (*n of
 * them; a pointer to them): its own, or in the unseen pass those of the
 * unseen block (none for a language without spaces, whose shared block
 * is its own). */
static const uint32_t *features_of(const learner *l, quote_cands *c, size_t i, uint32_t *buf, size_t *n)
{
	const uint32_t *f = quote_cands_features(c, i, n);
	if (!l->unseen)
		return f;
	size_t m = 0;
	for (size_t k = 0; k < *n && m < MAX_FEATS; k += 2) {
		size_t u = quote_model_unseen_of(f[k]);
		if (u != SIZE_MAX)
			buf[m++] = (uint32_t)u;
	}
	*n = m;
	return buf;
}

static double score_of(const learner *l, quote_cands *c, size_t i)
{
	size_t n;
	uint32_t buf[MAX_FEATS];
	const uint32_t *f = features_of(l, c, i, buf, &n);
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
	uint32_t buf[MAX_FEATS];
	features_of(l, c, 0, buf, &nf);
	grad *gv = malloc(n * nf * sizeof *gv + 1);
	if (!gv)
		return;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double coef = l->weight * (p[i] / z - (ok[i] ? p[i] / zs : 0));
		if (coef > -1e-9 && coef < 1e-9)
			continue;
		const uint32_t *f = features_of(l, c, i, buf, &nf);
		for (size_t k = 0; k < nf; k++)
			gv[m++] = (grad){ f[k], coef };
	}
	/* the pull towards 0 of a shared weight, and of one language's weight
	 * of two atoms and of three (train_pulled) */
	const double pull[3] = { l->h->l2, l->h->l2 * sqrt(l->h->lang_l2), l->h->l2 * l->h->lang_l2 };
	/* one step a feature, however many candidates have it */
	qsort(gv, m, sizeof *gv, by_feature);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		double g = 0;
		for (; j < m && gv[j].f == gv[i].f; j++)
			g += gv[j].g;
		uint32_t f = gv[i].f;
		g += pull[l->h->pulled[f]] * l->w[f];
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

#define BLAME 3             /* templates listed under a wrong choice */

/* The templates whose weights favoured the chosen candidate over the right
 * one the most (the shared and the language's weight together), each with
 * the language's part: where a wrong choice comes from. */
static void list_blame(const learner *l, quote_cands *c, size_t pred, size_t best)
{
	size_t n, nb;
	uint32_t fp[MAX_FEATS];
	const uint32_t *f = quote_cands_features(c, pred, &n);   /* (one buffer for every candidate) */
	if (n > MAX_FEATS)
		return;
	memcpy(fp, f, n * sizeof *fp);
	const uint32_t *fb = quote_cands_features(c, best, &nb);
	size_t top[BLAME];
	double by[BLAME];
	size_t nt = 0;
	for (size_t k = 0; k + 1 < n && k + 1 < nb; k += 2) {
		double m = l->chose[fp[k]] + l->chose[fp[k + 1]] - l->chose[fb[k]] - l->chose[fb[k + 1]];
		if (m <= 0 || (nt == BLAME && m <= by[BLAME - 1]))
			continue;
		size_t j = nt < BLAME ? nt++ : BLAME - 1;
		for (; j > 0 && by[j - 1] < m; j--) {
			by[j] = by[j - 1];
			top[j] = top[j - 1];
		}
		by[j] = m;
		top[j] = k;
	}
	for (size_t j = 0; j < nt; j++) {
		char a[160], b[160];
		size_t k = top[j];
		quote_model_feature_name(fp[k], a, sizeof a);
		quote_model_feature_name(fb[k], b, sizeof b);
		fprintf(l->errors, "  for  %+.3f (language %+.3f) %s over %s\n", by[j],
		        l->chose[fp[k + 1]] - l->chose[fb[k + 1]], a, b);
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
	if (l->chose && best < quote_cands_n(c))
		list_blame(l, c, pred, best);
	/* nothing to blame where no candidate was right: what the candidates
	 * were shows why the right one was not among them */
	if (best >= quote_cands_n(c))
		for (size_t i = 0; i < quote_cands_n(c); i++) {
			const char *s = quote_cands_speaker(c, i);
			describe(c, i, a, sizeof a);
			fprintf(l->errors, "  cand %s (%s)\n", s ? s : "-", a);
		}
	free(text);
}

/* Marks in ok the candidates of c that name g's speaker; returns the
 * first of them, quote_cands_n(c) when none does. */
static size_t right_candidates(const gold_quote *g, quote_cands *c, bool ok[MAX_CANDS])
{
	size_t n = quote_cands_n(c), best = n;
	for (size_t i = 0; i < n && i < MAX_CANDS; i++) {
		ok[i] = gold_speaker_ok(g, quote_cands_speaker(c, i));
		if (ok[i] && best == n)
			best = i;
	}
	return best;
}

/* The unseen pass's step on a quote some candidate names rightly: none
 * for a language without spaces (no features in the unseen block). */
static void learn_unseen(learner *l, quote_cands *c, const bool *ok)
{
	size_t nf;
	uint32_t buf[MAX_FEATS];
	features_of(l, c, 0, buf, &nf);
	if (nf)
		step(l, c, ok);
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
	bool ok[MAX_CANDS] = { false };
	size_t best = right_candidates(g, c, ok);
	if (l->unseen) {   /* (counted in the pass with the lists whole) */
		if (best < n)
			learn_unseen(l, c, ok);
		return pred;
	}
	l->seen++;
	l->reachable += best < n;
	l->right += pred < MAX_CANDS && ok[pred];
	if (l->frozen && l->errors && !(pred < MAX_CANDS && ok[pred]))
		list_error(l, d, q, c, pred, best);
	if (!l->frozen && best < n)
		step(l, c, ok);
	return pred;
}

static uint64_t lcg(uint64_t x)
{
	return x * 6364136223846793005ull + 1442695040888963407ull;
}

/* Seed 0 starts where the trainer started before it had seeds, so that its
 * weights did not change; another seed moves the start far from it. */
static uint64_t start_of(unsigned e, uint64_t seed)
{
	return 0x9E3779B97F4A7C15ull * (e + 1) + 0xD1B54A32D192ED03ull * seed;
}

void train_shuffle(size_t *order, size_t n, unsigned e, uint64_t seed)
{
	uint64_t x = start_of(e, seed);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n; i > 1; i--) {
		x = lcg(x);
		size_t j = (size_t)((x >> 33) % i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* The articles model `seed` learns from: n draws with replacement. */
static void bootstrap_sample(size_t *pick, size_t n, uint64_t seed)
{
	uint64_t x = lcg(0x2545F4914F6CDD1Dull ^ (seed * 0x9E3779B97F4A7C15ull));
	for (size_t i = 0; i < n; i++) {
		x = lcg(x);
		pick[i] = n ? (size_t)((x >> 33) % n) : 0;
	}
}

/* Each set of articles weighs about as much as another however many quotes
 * it has (the square root of the ratio: a big set still counts more), so
 * that one large English set does not decide the shared weights alone. */
static void set_weights(train_corpus *c)
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

/* The part of a cross-validation article i of set is in: a fold by the
 * hash of its file name, or its language's place among the set's. */
static unsigned part_of(const gold_set *set, size_t i, const train_parts *ps)
{
	return ps->of ? ps->of[i] : gold_fold(&set->v[i], ps->n);
}

/* (all of set's articles when ps is NULL) */
int train_corpus_read_part(const gold_set *set, const train_parts *ps, unsigned f, bool only, train_corpus *out)
{
	out->docs = calloc(set->n + 1, sizeof *out->docs);
	out->golds = calloc(set->n + 1, sizeof *out->golds);
	out->weight = calloc(set->n + 1, sizeof *out->weight);
	out->n = 0;
	if (!out->docs || !out->golds || !out->weight)
		return Q_ENOMEM;
	for (size_t i = 0; i < set->n; i++) {
		if (ps && (part_of(set, i, ps) == f) != only)
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

int train_corpus_read(const gold_set *set, unsigned k, unsigned fold, bool only, train_corpus *out)
{
	train_parts ps = { .n = k };
	return train_corpus_read_part(set, k ? &ps : NULL, fold, only, out);
}

int train_parts_by_lang(const gold_set *set, train_parts *out)
{
	*out = (train_parts){ .of = calloc(set->n + 1, sizeof *out->of), .by_lang = true };
	if (!out->of)
		return Q_ENOMEM;
	for (size_t i = 0; i < set->n; i++) {
		size_t j = 0;
		while (j < i && strcmp(set->v[j].lang, set->v[i].lang))
			j++;
		out->of[i] = j < i ? out->of[j] : out->n++;
	}
	return 0;
}

void train_corpus_free(train_corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		doc_free(c->docs[i]);
	free(c->docs);
	free(c->golds);
	free(c->weight);
}

/* Reads the articles of c with the chooser (in order[] of n, or each in
 * turn when order is NULL), the speakers weighed by model. */
static int read_all(const train_corpus *c, learner *l, const quote_model *model, const size_t *order, size_t n)
{
	quote_chooser ch = { choose, l };
	quotes_opts o;
	quotes_opts_init(&o);
	o.model = model;
	o.chooser = &ch;
	if (l->unseen) {
		o.lex_drop = (uint32_t)(l->h->lex_drop * 4294967295.0);
		o.lex_drop_seed = l->drop_seed;
	}
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++) {
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

/* The unseen block's pass over the articles in order[] (the epoch's),
 * its listed words dropped by start (another draw each epoch). */
static int learn_unseen_epoch(const train_corpus *c, learner *l, const size_t *order, uint64_t start)
{
	l->unseen = true;
	l->drop_seed = start ^ 0x5851F42D4C957F2Dull;
	int rc = read_all(c, l, NULL, order, c->n);
	l->unseen = false;
	return rc;
}

/* One model, on the shuffles of seed (and its sample with bootstrap), into
 * l->w. */
static int learn_one(const train_corpus *c, const train_params *p, uint64_t seed, bool verbose, learner *l)
{
	size_t *order = calloc(c->n + 1, sizeof *order), *pick = calloc(c->n + 1, sizeof *pick);
	int rc = order && pick ? 0 : Q_ENOMEM;
	if (!rc && p->bootstrap)
		bootstrap_sample(pick, c->n, seed);
	for (unsigned e = 0; e < p->epochs && !rc; e++) {
		size_t seen = l->seen, reach = l->reachable, right = l->right;
		train_shuffle(order, c->n, e, seed);
		for (size_t i = 0; p->bootstrap && i < c->n; i++)
			order[i] = pick[order[i]];
		rc = read_all(c, l, NULL, order, c->n);
		if (!rc && p->lex_drop > 0)
			rc = learn_unseen_epoch(c, l, order, start_of(e, seed));
		if (verbose)
			fprintf(stderr, "quoth-train: seed %llu epoch %u: %zu quotes, %zu with a right candidate, %zu right\n",
			        (unsigned long long)seed, e + 1, l->seen - seen, l->reachable - reach, l->right - right);
	}
	free(order);
	free(pick);
	return rc;
}

/* The quotes with a scored speaker in c, counted by one frozen pass. */
static int count_quotes(const train_corpus *c, const train_params *p, size_t *quotes)
{
	learner l = { .h = p, .frozen = true };
	quote_model *m = quote_model_new();
	int rc = m ? read_all(c, &l, m, NULL, c->n) : Q_ENOMEM;
	quote_model_free(m);
	*quotes = l.seen;
	return rc;
}

int train_learn(const train_corpus *c, const train_params *p, bool verbose, train_weights *out)
{
	size_t nf = quote_model_features();
	learner l = { .h = p, .nfeat = nf };
	out->n = nf;
	out->quotes = 0;
	out->w = calloc(nf, sizeof *out->w);
	l.w = calloc(nf, sizeof *l.w);
	l.g2 = calloc(nf, sizeof *l.g2);
	int rc = out->w && l.w && l.g2 ? 0 : Q_ENOMEM;
	for (unsigned b = 0; b < p->bag && !rc; b++) {
		memset(l.w, 0, nf * sizeof *l.w);
		memset(l.g2, 0, nf * sizeof *l.g2);
		rc = learn_one(c, p, p->seed + b, verbose, &l);
		for (size_t f = 0; f < nf && !rc; f++)
			out->w[f] += l.w[f];
	}
	for (size_t f = 0; f < nf && !rc; f++)
		out->w[f] /= p->bag;
	if (!rc)
		rc = count_quotes(c, p, &out->quotes);
	free(l.w);
	free(l.g2);
	return rc;
}

void train_weights_free(train_weights *w)
{
	free(w->w);
	w->w = NULL;
}

int32_t train_stored(const train_weights *w, size_t f)
{
	double a = w->w[f] * SCALE;
	return (int32_t)(a < 0 ? a - 0.5 : a + 0.5);
}

int train_write_text(const train_weights *w, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	char name[160];
	fprintf(f, "# quoth speaker weights (quoth-train)\n");
	for (size_t i = 0; i < w->n; i++) {
		int32_t a = train_stored(w, i);
		if (!a)
			continue;
		quote_model_feature_name(i, name, sizeof name);
		fprintf(f, "%s\t%d\n", name, (int)a);
	}
	return fclose(f) ? 1 : 0;
}

int train_write_c(const train_weights *w, const char *path, size_t docs, const train_params *p)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	char name[160];
	fprintf(f, "/* Generated by build/quoth-train (make train) from %zu annotated articles, %zu quotes\n"
	           " * with a scored speaker, %u epochs, the mean of %u model%s%s, the unseen block\n"
	           " * with %.2f of the listed words dropped: do not edit. Each\n"
	           " * weight names its feature (src/quotes/feat.h); the others are 0. */\n",
	        docs, w->quotes, p->epochs, p->bag, p->bag == 1 ? "" : "s", p->bootstrap ? " on samples of the articles" : "",
	        p->lex_drop);
	fprintf(f, "#include \"speech.h\"\n\n");
	fprintf(f, "const uint32_t model_trained_layout = 0x%08xu;\n", (unsigned)quote_model_layout());
	fprintf(f, "const size_t model_trained_n = %zu;\n", w->n);
	fprintf(f, "const int32_t model_trained[%zu] = {\n", w->n);
	for (size_t i = 0; i < w->n; i++) {
		int32_t a = train_stored(w, i);
		if (!a)
			continue;
		quote_model_feature_name(i, name, sizeof name);
		fprintf(f, "\t[%zu] = %d,   /* %s */\n", i, (int)a, name);
	}
	fprintf(f, "};\n");
	return fclose(f) ? 1 : 0;
}

/* The weights as the model stores them (NULL when out of memory). */
static quote_model *model_of(const train_weights *tw)
{
	quote_model *m = quote_model_new();
	int32_t *w = m ? quote_model_weights(m) : NULL;
	for (size_t i = 0; w && i < tw->n; i++)
		w[i] = train_stored(tw, i);
	return m;
}

/* Speaker accuracy per folder and per folder and language, over runs. */
typedef struct tally {
	char key[48];
	size_t seen, reachable, right;  /* summed over the runs */
	size_t run, least, most;        /* right in this run; the fewest and most of a run */
	size_t first;                   /* right in the first run (the seed asked for) */
	bool ended;                     /* a run has ended */
} tally;

#define TALLIES 64

static tally *tally_of(tally *t, size_t *nt, const char *key)
{
	size_t i = 0;
	while (i < *nt && strcmp(t[i].key, key))
		i++;
	if (i == *nt) {
		if (*nt == TALLIES)
			return NULL;
		memset(&t[i], 0, sizeof t[i]);
		t[i].least = (size_t)-1;
		snprintf(t[i].key, sizeof t[i].key, "%s", key);
		++*nt;
	}
	return &t[i];
}

static void count(tally *t, size_t *nt, const char *key, const learner *l, const learner *before)
{
	tally *x = tally_of(t, nt, key);
	if (!x)
		return;
	x->seen += l->seen - before->seen;
	x->reachable += l->reachable - before->reachable;
	x->right += l->right - before->right;
	x->run += l->right - before->right;
}

/* Ends a run: its right quotes into the fewest and most. */
static void end_run(tally *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		if (t[i].run < t[i].least)
			t[i].least = t[i].run;
		if (t[i].run > t[i].most)
			t[i].most = t[i].run;
		if (!t[i].ended)
			t[i].first = t[i].run;
		t[i].ended = true;
		t[i].run = 0;
	}
}

/* Learns without part f of ps, counts on it. */
static int cv_fold(const gold_set *set, const train_parts *ps, unsigned f, const train_params *p, FILE *errors, tally *t,
                   size_t *nt)
{
	train_corpus train = { 0 }, test = { 0 };
	train_weights w = { 0 };
	learner ev = { .h = p, .frozen = true, .errors = errors };
	int rc = train_corpus_read_part(set, ps, f, false, &train);
	if (!rc)
		rc = train_corpus_read_part(set, ps, f, true, &test);
	if (!rc)
		rc = train_learn(&train, p, false, &w);
	quote_model *m = rc ? NULL : model_of(&w);
	if (!rc && !m)
		rc = Q_ENOMEM;
	ev.chose = w.w;
	for (size_t i = 0; !rc && i < test.n; i++) {
		learner before = ev;
		train_corpus one = { test.docs + i, test.golds + i, test.weight + i, 1 };
		rc = read_all(&one, &ev, m, NULL, 1);
		char key[48];
		snprintf(key, sizeof key, "%s", test.golds[i]->set);
		count(t, nt, key, &ev, &before);
		snprintf(key, sizeof key, "%s %s", test.golds[i]->set, test.golds[i]->lang);
		count(t, nt, key, &ev, &before);
		if (ps->by_lang) {   /* a language over every set: one held-out language */
			snprintf(key, sizeof key, "lang %s", test.golds[i]->lang);
			count(t, nt, key, &ev, &before);
		}
		count(t, nt, "total", &ev, &before);
	}
	quote_model_free(m);
	train_weights_free(&w);
	train_corpus_free(&train);
	train_corpus_free(&test);
	return rc;
}

/* Moves tally i of n to the end, the others keeping their order. */
static void to_end(tally *t, size_t n, size_t i)
{
	tally x = t[i];
	memmove(&t[i], &t[i + 1], (n - i - 1) * sizeof *t);
	t[n - 1] = x;
}

int train_cv(const gold_set *set, unsigned k, const train_params *p, unsigned seeds, FILE *errors, FILE *out)
{
	train_parts ps = { .n = k };
	return train_cv_parts(set, &ps, p, seeds, errors, out);
}

int train_cv_parts(const gold_set *set, const train_parts *ps, const train_params *p, unsigned seeds, FILE *errors,
                   FILE *out)
{
	tally t[TALLIES];
	size_t nt = 0;
	int rc = 0;
	train_params run = *p;
	for (unsigned r = 0; r < seeds && !rc; r++) {
		run.seed = p->seed + (uint64_t)r * p->bag;
		for (unsigned f = 0; f < ps->n && !rc; f++)
			rc = cv_fold(set, ps, f, &run, r ? NULL : errors, t, &nt);
		end_run(t, nt);
	}
	/* the languages over every folder after the folders, the total last */
	size_t moved = 0;
	for (size_t i = 0; i + moved < nt;) {
		bool lang = !strncmp(t[i].key, "lang ", 5);
		if (lang)
			to_end(t, nt, i);
		moved += lang;
		i += !lang;
	}
	for (size_t i = 0; i + moved < nt; i++)
		if (!strcmp(t[i].key, "total")) {
			to_end(t, nt, i);
			break;
		}
	for (size_t i = 0; i < nt && !rc; i++) {
		double n = (double)t[i].seen;
		fprintf(out, "%-28s %5zu quotes  reachable %.3f  speaker %.3f", t[i].key, t[i].seen / seeds,
		        n ? (double)t[i].reachable / n : 0, n ? (double)t[i].right / n : 0);
		if (seeds > 1)
			fprintf(out, "  right %.1f (%zu..%zu) over %u seeds, %zu with the first", (double)t[i].right / seeds,
			        t[i].least, t[i].most, seeds, t[i].first);
		else
			fprintf(out, "  right %zu", t[i].right);
		fputc('\n', out);
	}
	return rc;
}

uint8_t *train_pulled(void)
{
	size_t nf = quote_model_features();
	uint8_t *p = calloc(nf, 1);
	char name[160];
	for (size_t k = 0; p && k < nf; k++) {
		quote_model_feature_name(k, name, sizeof name);
		size_t atoms = 0;
		for (const char *ch = name; *ch; ch++)
			atoms += *ch == '=';
		/* a language's own weight of a conjunction is learnt from its
		 * quotes of that kind alone, often a handful (a pronoun after
		 * the cue of a German quote: two), and is not to overrule what
		 * the languages show together unless they keep saying it */
		p[k] = strchr(name, '@') && atoms >= 2 ? (uint8_t)(atoms - 1) : 0;
	}
	return p;
}
