/* The reader adds what it opens to the corpus index, in idle time: the
 * article open first, then the list in order, a few milliseconds a turn
 * and a transaction a turn, skipping files the index has with the same
 * size and time. When it is through and anything changed, the speakers and
 * groups are derived again and the features told. Another process writing
 * the index (quoth index) only makes it wait for a later turn; a failure
 * of the index (read-only, full disk) stops it with one message. Tags never
 * depend on the index. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "app_features.h"
#include "dateline.h"
#include "error.h"
#include "indexer.h"

/* A turn's budget: keys stay answered at once. */
#define SLICE_NS 8000000L
/* Files over this are left to quoth index (the reader reads them by windows). */
#define READER_MAX DOC_BIG

struct indexing {
	index_file *known;       /* what the index had when the reader started, by path */
	size_t nknown;
	size_t next;             /* the next item of the list to look at */
	size_t urgent;           /* an item to do first (the article just opened), SIZE_MAX none */
	bool changed;            /* articles were put since the last derive */
	bool stopped;            /* the index failed: no more tries */
	indexer_keys keys;
};

static long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int cmp_known(const void *key, const void *f)
{
	return strcmp(key, ((const index_file *)f)->path);
}

static struct indexing *state(app *a)
{
	if (a->indexing || !a->opts.index || index_readonly(a->opts.index))
		return a->indexing;
	struct indexing *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->urgent = SIZE_MAX;
	if (index_files(a->opts.index, &x->known, &x->nknown))
		x->stopped = true;
	a->indexing = x;
	return x;
}

/* Records item i's quotes, unless the index has its file as it is. */
static int put_item(app *a, struct indexing *x, size_t i)
{
	corpus_item *it = &a->corpus->v[i];
	if (it->error || it->big || !strcmp(it->path, "-"))
		return 0;
	char *key = indexer_key_in(&x->keys, it->path);
	struct stat st;
	if (!key || stat(key, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > READER_MAX) {
		free(key);
		return 0;
	}
	int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	const index_file *f = x->nknown ? bsearch(key, x->known, x->nknown, sizeof *x->known, cmp_known) : NULL;
	if (f && f->size == (int64_t)st.st_size && f->mtime == mtime && f->mtime && f->text_indexed) {
		free(key);
		return 0;
	}
	doc *d = corpus_doc(a->corpus, i, a->art);
	quote_list ql = { 0 };
	dateline dl = { 0 };
	index_quote *q = NULL;
	int rc = d ? quotes_find(d, &a->opts.quotes, &ql) : 0;
	if (d && !rc && !(q = calloc(ql.n + 1, sizeof *q)))
		rc = Q_ENOMEM;
	for (size_t k = 0; d && !rc && k < ql.n; k++) {
		const quote *s = &ql.v[k];
		q[k] = (index_quote){ .qid = s->id, .start = s->start, .end = s->end, .text = quote_text(d, s),
		                      .speaker = s->speaker, .cue = s->cue, .confidence = s->confidence };
		if (!q[k].text)
			rc = Q_ENOMEM;
	}
	if (d && !rc)
		rc = dateline_find(d, &dl);
	if (d && !rc) {
		index_article art = { .path = key, .size = (int64_t)st.st_size, .mtime = mtime, .cid = d->id,
		                      .title = d->title, .lang = ql.lang[0] ? ql.lang : NULL, .date = dl.date,
		                      .source = dl.source };
		rc = index_put(a->opts.index, &art, d->text, d->len, q, ql.n);
		if (!rc) {
			it->nquotes = (long)ql.n;
			x->changed = true;
		}
	}
	for (size_t k = 0; q && k < ql.n; k++)
		free((char *)q[k].text);
	free(q);
	dateline_free(&dl);
	quote_list_free(&ql);
	free(key);
	return rc;
}

/* Speakers and groups again, once the list is through. */
static unsigned finish(app *a, struct indexing *x)
{
	x->changed = false;
	int rc = index_derive(a->opts.index, &a->opts.names);
	if (rc == Q_ELOCK)
		return R_NONE;   /* quoth index is at it: its run derives them */
	if (rc) {
		x->stopped = true;
		app_message(a, true, "Corpus index: %s", error_message(rc));
		return R_STATUS;
	}
	app_index_changed(a);
	return R_QUOTES | R_LIST | R_STATUS;
}

static bool ix_busy(const app *a)
{
	const struct indexing *x = a->indexing;
	if (!a->opts.index || index_readonly(a->opts.index))
		return false;
	if (!x)
		return true;   /* not started yet */
	return !x->stopped && (x->next < a->corpus->n || x->urgent != SIZE_MAX || x->changed);
}

static unsigned ix_idle(app *a)
{
	struct indexing *x = state(a);
	if (!x || x->stopped)
		return R_NONE;
	if (x->next >= a->corpus->n && x->urgent == SIZE_MAX)
		return x->changed ? finish(a, x) : R_NONE;
	long t0 = now_ns();
	int rc = index_begin(a->opts.index);
	size_t done = 0;
	while (!rc && now_ns() - t0 < SLICE_NS) {
		size_t i = x->urgent != SIZE_MAX ? x->urgent : x->next;
		if (i >= a->corpus->n)
			break;
		rc = put_item(a, x, i);
		if (rc)
			break;
		if (x->urgent != SIZE_MAX)
			x->urgent = SIZE_MAX;
		else
			x->next++;
		done++;
	}
	if (!rc)
		rc = index_commit(a->opts.index);
	else
		index_rollback(a->opts.index);
	if (rc == Q_ELOCK)
		return R_NONE;   /* another process writes: a later turn */
	if (rc) {
		x->stopped = true;
		app_message(a, true, "Corpus index: %s; the reader goes on without adding to it", error_message(rc));
		return R_STATUS;
	}
	return done ? R_LIST : R_NONE;
}

static void ix_article_opened(app *a)
{
	struct indexing *x = state(a);
	if (x && !x->stopped)
		x->urgent = a->art;
}

static void ix_free(app *a)
{
	struct indexing *x = a->indexing;
	if (!x)
		return;
	index_files_free(x->known, x->nknown);
	indexer_keys_free(&x->keys);
	free(x);
	a->indexing = NULL;
}

const app_feature app_indexing_feature = {
	.name = "corpus indexing",
	.article_opened = ix_article_opened,
	.busy = ix_busy,
	.idle = ix_idle,
	.free = ix_free,
};
