/* Filling the index: the walk, the skip test, a reading thread and the
 * writing batches. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "corpus.h"
#include "walk.h"
#include "dateline.h"
#include "doc.h"
#include "error.h"
#include "grow.h"
#include "indexer.h"
#include "lang.h"
#include "quotes.h"
#include "samequote.h"
#include "search.h"

/* Jobs read ahead of the writer (INDEXER_AHEAD): enough that the reading
 * threads go on while the writer commits a batch (a quarter of a second at
 * 20,000 articles), when 64 kept the reading thread of quoth index of
 * 100,000 articles waiting 6.0 s in all; a bound on their text too, for
 * long articles. */
#define QUEUE_CAP INDEXER_AHEAD
/* A batch's time. Each commit costs the writer in proportion to what the
 * index holds (SQLite's full-text segments merged, pages written again):
 * by callgrind, 2,000 articles in 8 batches took the writing thread 2.35
 * billion instructions, in 2 batches 1.91. A kill loses at most this much
 * work, and a reader of another process waits for the lock no longer (it
 * tries again on a later turn). */
#define BATCH_NS 4000000000LL
#define PROGRESS_NS 500000000LL

static int64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* ---- keys: where a file is, as the index names it ---- */

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);
	if (!p)
		return NULL;
	memcpy(p, dir, a);
	size_t k = a;
	if (!a || dir[a - 1] != '/')
		p[k++] = '/';
	memcpy(p + k, name, b + 1);
	return p;
}

char *indexer_key(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash && !slash[1])
		return realpath(path, NULL);   /* a folder given with its slash */
	char *dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	if (!dir)
		return NULL;
	char *real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	const char *name = slash ? slash + 1 : path;
	char *key = !strcmp(name, ".") || !strcmp(name, "..") ? realpath(path, NULL) : join(real, name);
	free(real);
	return key;
}

void indexer_keys_free(indexer_keys *kc)
{
	free(kc->dir);
	free(kc->real);
	kc->dir = kc->real = NULL;
}

/* ---- the work list ---- */

enum job_kind { JOB_PUT, JOB_TOUCH, JOB_FAIL };

typedef struct job {
	char *path;              /* the key */
	const index_file *known; /* what the index has, or NULL */
	int64_t size, mtime;     /* from the stat before reading */
	bool unstated;           /* no stat yet: the reading thread's of the file it opens */
	/* filled in by the reading thread */
	enum job_kind kind;
	int error;
	bool changed_during;
	doc *d;
	quote_list quotes;
	char **qtext;            /* flat text of each quote */
	uint32_t *pairs;         /* the word pairs of every quote (samequote_pairs_of), one after another */
	size_t *pairs_end;       /* where each quote's end in pairs */
	index_qwords qwords;     /* the words of every quote for quote_fts, one after another */
	size_t *qwords_end;      /* where each quote's end in qwords */
	char *words;             /* for the full-text index (index_words_of) */
	char *ftitle;            /* the title folded for the list filter */
	size_t nwords;
	dateline meta;
	bool ready;              /* read: the writer may take it (under the pipeline's lock) */
	size_t queued;           /* its text's bytes, counted in the pipeline's queued_bytes */
} job;

static void job_clear(job *j)
{
	if (j->qtext)
		for (size_t i = 0; i < j->quotes.n; i++)
			free(j->qtext[i]);
	free(j->qtext);
	free(j->pairs);
	free(j->pairs_end);
	index_qwords_free(&j->qwords);
	free(j->qwords_end);
	free(j->words);
	free(j->ftitle);
	quote_list_free(&j->quotes);
	doc_free(j->d);
	dateline_free(&j->meta);
	free(j->path);
	memset(j, 0, sizeof *j);
}

static bool same_file(const struct stat *st, int64_t size, int64_t mtime)
{
	return (int64_t)st->st_size == size && mtime_ns(st) == mtime;
}

/* Files up to this size are read into memory rather than mapped: mapping
 * and unmapping a small file costs more than copying it (an unmap
 * interrupts the other core to flush its view of the memory). */
#define READ_MAX (1u << 20)

/* A line holding only a form feed: the file is several articles (corpus
 * stream.h), which the index, one article a file, takes through --import. */
static bool several_articles(const char *b, size_t n)
{
	for (const char *p = memchr(b, '\f', n); p; p = memchr(p + 1, '\f', n - (size_t)(p + 1 - b)))
		if ((p == b || p[-1] == '\n') && (p + 1 == b + n || p[1] == '\n' || p[1] == '\r'))
			return true;
	return false;
}

static int open_file(const char *path)
{
	return open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
}

/* The size and time of the file of j (open as fd) before it is read, from
 * the file itself (j->unstated). */
static int stat_open(job *j, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return error_from_errno(errno);
	if (!S_ISREG(st.st_mode))
		return S_ISDIR(st.st_mode) ? Q_EISDIR : Q_ENOTREG;
	j->size = (int64_t)st.st_size;
	j->mtime = mtime_ns(&st);
	j->unstated = false;
	return 0;
}

/* Reads the file of j into an article; *st gets its state after the read. */
static int load_doc(job *j, struct stat *st)
{
	int fd = -1;
	if (j->unstated) {
		fd = open_file(j->path);
		int rc = fd < 0 ? error_from_errno(errno) : stat_open(j, fd);
		if (rc) {
			if (fd >= 0)
				close(fd);
			return rc;
		}
	}
	if (j->size < 0 || (size_t)j->size > READ_MAX) {
		if (fd >= 0)
			close(fd);
		int rc = doc_load(j->path, &j->d);
		if (!rc && stat(j->path, st) != 0)
			memset(st, 0, sizeof *st);
		return rc;
	}
	if (fd < 0 && (fd = open_file(j->path)) < 0)
		return error_from_errno(errno);
	char buf[READ_MAX / 16], *b = (size_t)j->size < sizeof buf ? buf : malloc(READ_MAX + 1);
	size_t cap = b == buf ? sizeof buf : READ_MAX + 1, n = 0;
	int rc = b ? 0 : Q_ENOMEM;
	bool stated = false;
	while (!rc && n < cap) {
		ssize_t r = read(fd, b + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			rc = error_from_errno(errno);
		if (r <= 0)
			break;
		n += (size_t)r;
		/* the size the walk saw, and still the file's: all of it, without
		 * a read more to find its end (a system call a file) */
		if (n == (size_t)j->size && fstat(fd, st) == 0 && st->st_size == (off_t)n) {
			stated = true;
			break;
		}
	}
	if (!rc && !stated && fstat(fd, st) != 0)
		rc = error_from_errno(errno);
	else if (!rc && !S_ISREG(st->st_mode))
		rc = Q_ENOTREG;
	close(fd);
	if (!rc && several_articles(b, n))
		rc = Q_EMANY;
	if (!rc && n == cap) {   /* it grew after the walk saw it */
		rc = doc_load(j->path, &j->d);
		memset(st, 0, sizeof *st);   /* whatever it is now: read it again next time */
	} else if (!rc) {
		rc = n ? doc_from_bytes(j->path, b, n, &j->d) : Q_EEMPTY;
	}
	if (b != buf)
		free(b);
	return rc;
}

/* What a reading thread has of its own. */
typedef struct reader_tools {
	index_words *w;
	samequote_pairs sp;
	quotes_work *qw;   /* NULL without memory for it: quotes_find's own then */
	search_folds *folds;   /* the titles' (NULL without memory: each title its own) */
} reader_tools;

static int tools_new(reader_tools *t)
{
	memset(t, 0, sizeof *t);
	t->qw = quotes_work_new();
	t->folds = search_folds_new();
	return index_words_new(&t->w);
}

static void tools_free(reader_tools *t)
{
	index_words_free(t->w);
	samequote_pairs_free(&t->sp);
	quotes_work_free(t->qw);
	search_folds_free(t->folds);
}

/* The word pairs of j's quotes, for the same-quote groups, and their words
 * for quote_fts, made here rather than by the writer (index_groups_follow,
 * quote_fts's tokenizer). */
static int make_pairs(job *j, reader_tools *t)
{
	samequote_pairs *sp = &t->sp;
	const char *lang = j->quotes.lang[0] ? j->quotes.lang : NULL;
	size_t n = 0, cap = 0;
	if (!(j->pairs_end = malloc(j->quotes.n * sizeof *j->pairs_end)) ||
	    !(j->qwords_end = malloc(j->quotes.n * sizeof *j->qwords_end)))
		return Q_ENOMEM;
	for (size_t i = 0; i < j->quotes.n; i++) {
		size_t len = strlen(j->qtext[i]);
		int rc = index_qwords_add(t->w, &j->qwords, j->qtext[i], len);
		j->qwords_end[i] = j->qwords.ntok;
		if (!rc)
			rc = samequote_pairs_of(sp, j->qtext[i], len, lang);
		if (!rc && sp->n && GROW(j->pairs, cap, n + sp->n, 256))
			rc = Q_ENOMEM;
		if (rc)
			return rc;
		if (sp->n)
			memcpy(j->pairs + n, sp->v, sp->n * sizeof *sp->v);
		n += sp->n;
		j->pairs_end[i] = n;
	}
	return 0;
}

/* Reads the file of j, finds its quotes and makes its words (the reading
 * thread, with its own tools). */
static void read_job(job *j, const quotes_opts *qo, reader_tools *t)
{
	index_words *w = t->w;
	struct stat st;
	int rc = load_doc(j, &st);
	if (rc) {
		j->kind = JOB_FAIL;
		j->error = rc;
		return;
	}
	if (!same_file(&st, j->size, j->mtime))
		j->changed_during = true;
	if (j->known && j->known->cid == j->d->id && !j->known->imported && j->known->text_indexed &&
	    !j->changed_during) {
		j->kind = JOB_TOUCH;
		return;
	}
	rc = quotes_find_with(j->d, qo, t->qw, &j->quotes);
	if (!rc && j->quotes.n && !(j->qtext = calloc(j->quotes.n, sizeof *j->qtext)))
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && i < j->quotes.n; i++)
		if (!(j->qtext[i] = quote_text(j->d, &j->quotes.v[i])))
			rc = Q_ENOMEM;
	if (!rc && j->quotes.n)
		rc = make_pairs(j, t);
	if (!rc)
		rc = dateline_find(j->d, &j->meta);
	if (!rc)
		rc = index_words_of(w, j->d->title, j->d->text, j->d->len, &j->words, &j->nwords);
	if (!rc && j->d->title)   /* (NULL: blank, or no memory: index_put tries again) */
		j->ftitle = search_fold_loose_with(t->folds, j->d->title, strlen(j->d->title));
	j->kind = rc ? JOB_FAIL : JOB_PUT;
	j->error = rc;
}

/* ---- a bounded queue between the reading thread and the writer ---- */

/* The writer sleeps on ready for the job it wants, the readers on room
 * when QUEUE_CAP jobs wait, until half of them are written; each is woken
 * only when it sleeps (a wake-up a job was a system call a job on each
 * side). */
typedef struct pipeline {
	job *jobs;               /* every job, in order */
	size_t n;
	size_t next_read;        /* the next job a reading thread takes */
	size_t written;          /* the writer's position: it takes jobs in order, as each is ready */
	bool stop;               /* the writer gave up: stop reading */
	bool writer_waits;
	size_t readers_wait;
	size_t queued_bytes;     /* the text of the jobs read and not yet written */
	size_t queue_bytes;      /* its bound */
	size_t queued_most;      /* (indexer_stats.ahead_most) */
	const quotes_opts *qo;
	pthread_mutex_t mu;
	pthread_cond_t ready, room;
} pipeline;

/* No room for another job read ahead (under the pipeline's lock). */
static bool queue_full(const pipeline *p)
{
	return p->next_read - p->written >= QUEUE_CAP || p->queued_bytes >= p->queue_bytes;
}

/* j is read: the writer may take it (under the pipeline's lock). */
static void job_ready(pipeline *p, job *j)
{
	j->ready = true;
	j->queued = j->d ? j->d->len : 0;
	p->queued_bytes += j->queued;
	if (p->queued_bytes > p->queued_most)
		p->queued_most = p->queued_bytes;
}

static void *reader_thread(void *arg)
{
	pipeline *p = arg;
	reader_tools t;
	int werr = tools_new(&t);
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next_read < p->n && queue_full(p)) {
			p->readers_wait++;
			pthread_cond_wait(&p->room, &p->mu);
			p->readers_wait--;
		}
		if (p->stop || p->next_read >= p->n) {
			pthread_mutex_unlock(&p->mu);
			tools_free(&t);
			return NULL;
		}
		size_t i = p->next_read++;
		pthread_mutex_unlock(&p->mu);
		if (werr)
			p->jobs[i] = (job){ .path = p->jobs[i].path, .kind = JOB_FAIL, .error = werr };
		else
			read_job(&p->jobs[i], p->qo, &t);
		pthread_mutex_lock(&p->mu);
		job_ready(p, &p->jobs[i]);
		if (p->writer_waits && i == p->written)
			pthread_cond_signal(&p->ready);
		pthread_mutex_unlock(&p->mu);
	}
}

/* The next job read, waiting for it; NULL at the end. While it waits the
 * writer reads a job itself (with own, when it has one): with as many
 * reading threads as cores but one, a core would otherwise idle whenever
 * the readers are the slower side. */
static job *next_ready(pipeline *p, reader_tools *own)
{
	pthread_mutex_lock(&p->mu);
	while (p->written < p->n && !p->jobs[p->written].ready) {
		if (own->w && !p->stop && p->next_read < p->n && !queue_full(p)) {
			size_t i = p->next_read++;
			pthread_mutex_unlock(&p->mu);
			read_job(&p->jobs[i], p->qo, own);
			pthread_mutex_lock(&p->mu);
			job_ready(p, &p->jobs[i]);
			continue;
		}
		p->writer_waits = true;
		pthread_cond_wait(&p->ready, &p->mu);
		p->writer_waits = false;
	}
	job *j = p->written < p->n ? &p->jobs[p->written] : NULL;
	pthread_mutex_unlock(&p->mu);
	return j;
}

/* The writer is done with its job: its memory goes, and a place in the
 * queue frees. */
static void job_written(pipeline *p)
{
	size_t bytes = p->jobs[p->written].queued;
	job_clear(&p->jobs[p->written]);   /* the writer's alone once ready */
	pthread_mutex_lock(&p->mu);
	p->written++;
	p->queued_bytes -= bytes;
	if (p->readers_wait && p->next_read - p->written <= QUEUE_CAP / 2 && p->queued_bytes <= p->queue_bytes / 2)
		pthread_cond_broadcast(&p->room);   /* room for many: they read on for a while */
	pthread_mutex_unlock(&p->mu);
}

static void pipeline_stop(pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->mu);
}

/* ---- writing ---- */

typedef struct run {
	qindex *ix;
	const indexer_opts *o;
	indexer_stats *st;
	size_t total;            /* files to look at */
	bool in_batch;
	size_t batch_n;
	int64_t batch_start, last_progress;
} run;

static void report(run *r, bool done)
{
	if (!r->o->progress)
		return;
	int64_t t = now_ns();
	if (!done && t - r->last_progress < PROGRESS_NS)
		return;
	r->last_progress = t;
	r->o->progress(r->o->ctx, r->st, r->total, done);
}

static void file_error(run *r, const char *path, int code)
{
	r->st->failed++;
	if (r->o->file_error)
		r->o->file_error(r->o->ctx, path, code);
}

static int batch_step(run *r)
{
	int rc = 0;
	if (!r->in_batch) {
		if ((rc = index_begin(r->ix)))
			return rc;
		r->in_batch = true;
		r->batch_n = 0;
		r->batch_start = now_ns();
	}
	r->batch_n++;
	return 0;
}

static int batch_maybe_commit(run *r, bool force)
{
	if (!r->in_batch)
		return 0;
	if (!force && r->batch_n < INDEXER_BATCH && now_ns() - r->batch_start < BATCH_NS)
		return 0;
	r->in_batch = false;
	return index_commit(r->ix);
}

static int write_put(run *r, job *j)
{
	index_quote *q = j->quotes.n ? calloc(j->quotes.n, sizeof *q) : NULL;
	if (j->quotes.n && !q)
		return Q_ENOMEM;
	for (size_t i = 0; i < j->quotes.n; i++) {
		const quote *s = &j->quotes.v[i];
		size_t from = i ? j->pairs_end[i - 1] : 0;
		q[i] = (index_quote){ s->id, s->start, s->end, j->qtext[i], s->speaker, s->cue, s->confidence,
		                      j->pairs ? j->pairs + from : NULL, j->pairs_end[i] - from, true };
	}
	index_article a = {
		.path = j->path,
		.size = j->size,
		.mtime = j->changed_during ? 0 : j->mtime,
		.cid = j->d->id,
		.title = j->d->title,
		.lang = j->quotes.lang[0] ? j->quotes.lang : NULL,
		.date = j->meta.date,
		.source = j->meta.source,
		.ftitle = j->ftitle,
		.words = j->words,
		.nwords = j->nwords,
		.qwords = j->quotes.n ? &j->qwords : NULL,
		.qwords_end = j->qwords_end,
		.new_path = !j->known,
	};
	int rc = index_put(r->ix, &a, j->d->text, j->d->len, q, j->quotes.n);
	free(q);
	if (!rc) {
		if (j->known)
			r->st->changed++;
		else
			r->st->added++;
		r->st->quotes += j->quotes.n;
		r->st->bytes += (uint64_t)j->d->len;
		if (j->changed_during)
			r->st->changed_during++;
	}
	return rc;
}

static int write_job(run *r, job *j)
{
	if (j->kind == JOB_FAIL) {
		file_error(r, j->path, j->error);
		return 0;
	}
	int rc = batch_step(r);
	if (rc)
		return rc;
	if (j->kind == JOB_TOUCH) {
		rc = index_touch(r->ix, j->path, j->size, j->mtime);
		if (!rc)
			r->st->touched++;
	} else {
		rc = write_put(r, j);
	}
	return rc ? rc : batch_maybe_commit(r, false);
}

/* Reading threads beside the writer: one fewer than the cores (the writer
 * has one), at least one, at most READERS_MAX. */
#define READERS_MAX 16

static size_t reader_count(unsigned asked, size_t jobs)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = asked ? asked : cores > 2 ? (size_t)cores - 1 : 1;
	n = n < READERS_MAX ? n : READERS_MAX;
	return n < jobs ? n : jobs;
}

/* Runs reading threads over the jobs and writes what they give, in order;
 * a job is read on this thread when no thread could be started. */
static int write_all(run *r, job *jobs, size_t n, const quotes_opts *qo, unsigned readers)
{
	pipeline p = { .jobs = jobs, .n = n, .qo = qo,
	               .queue_bytes = r->o->ahead_bytes ? r->o->ahead_bytes : INDEXER_AHEAD_BYTES };
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	pthread_t t[READERS_MAX];
	size_t nt = 0, want = n > 1 ? reader_count(readers, n) : 0;
	while (nt < want && pthread_create(&t[nt], NULL, reader_thread, &p) == 0)
		nt++;
	reader_tools own = { 0 };   /* this thread's, when it reads */
	int rc = tools_new(&own);
	if (rc && nt)   /* (the reading threads read everything) */
		rc = 0;
	job *j;
	while (!rc && (j = nt ? next_ready(&p, &own) : (p.written < n ? &jobs[p.written] : NULL))) {
		if (!nt)
			read_job(j, qo, &own);
		rc = write_job(r, j);
		report(r, false);
		if (nt) {
			job_written(&p);
		} else {
			job_clear(j);
			p.written++;
		}
		if (rc)
			break;
	}
	if (nt) {
		pipeline_stop(&p);
		for (size_t i = 0; i < nt; i++)
			pthread_join(t[i], NULL);
	}
	for (size_t i = p.written; i < n; i++)
		job_clear(&jobs[i]);
	r->st->ahead_most = p.queued_most;
	tools_free(&own);
	pthread_cond_destroy(&p.ready);
	pthread_cond_destroy(&p.room);
	pthread_mutex_destroy(&p.mu);
	return rc;
}

/* ---- the walk ---- */

typedef struct known_set {
	index_file *v;
	size_t n;
	bool *seen;
} known_set;

static int cmp_path(const void *key, const void *f)
{
	return strcmp(key, ((const index_file *)f)->path);
}

static index_file *known_find(known_set *k, const char *path)
{
	return k->n ? bsearch(path, k->v, k->n, sizeof *k->v, cmp_path) : NULL;
}

typedef struct worklist {
	job *v;
	size_t n, cap;
} worklist;

static int work_add(worklist *w, char *path, const index_file *known, const struct stat *st)
{
	if (GROW(w->v, w->cap, w->n + 1, 256)) {
		free(path);
		return Q_ENOMEM;
	}
	w->v[w->n++] = (job){ .path = path, .known = known, .size = (int64_t)st->st_size, .mtime = mtime_ns(st) };
	return 0;
}

char *indexer_key_in(indexer_keys *kc, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return indexer_key(path);
	size_t dl = (size_t)(slash - path);
	if (!kc->dir || strlen(kc->dir) != dl || memcmp(kc->dir, path, dl)) {
		free(kc->dir);
		free(kc->real);
		kc->dir = strndup(path, dl ? dl : 1);
		kc->real = kc->dir ? realpath(kc->dir, NULL) : NULL;
		if (!kc->real) {
			free(kc->dir);
			kc->dir = NULL;
			return indexer_key(path);
		}
	}
	return join(kc->real, slash + 1);
}

/* Looks at one file: skipped, or added to the work list. A file the index
 * knows that is gone is left to remove_vanished. An empty index skips
 * nothing: an article's stat is left to the reading thread that opens it
 * (a stat by path a file, before any reading began, took a twentieth of
 * quoth index of 20,000 articles by the clock). */
static int consider(run *r, known_set *k, worklist *w, char *key)
{
	r->st->files++;
	if (!k->n && walk_is_article(key)) {
		if (GROW(w->v, w->cap, w->n + 1, 256)) {
			free(key);
			return Q_ENOMEM;
		}
		w->v[w->n++] = (job){ .path = key, .size = -1, .unstated = true };
		return 0;
	}
	struct stat st;
	int code = 0;
	if (stat(key, &st) != 0) {
		int e = errno;
		if (e == ENOENT && known_find(k, key)) {
			free(key);   /* gone: remove_vanished removes it */
			return 0;
		}
		code = error_from_errno(e);
	} else if (walk_is_article_or_dump(key) && !walk_is_article(key))
		code = Q_EMANY;   /* a JSON Lines dump, or a gzipped file */
	else if (S_ISDIR(st.st_mode))
		code = Q_EISDIR;
	else if (!S_ISREG(st.st_mode))
		code = Q_ENOTREG;
	if (code) {
		file_error(r, key, code);
		free(key);
		return 0;
	}
	index_file *f = known_find(k, key);
	if (f) {
		k->seen[f - k->v] = true;
		if (same_file(&st, f->size, f->mtime) && f->mtime && f->text_indexed) {
			r->st->unchanged++;
			free(key);
			return 0;
		}
	}
	return work_add(w, key, f, &st);
}

static int walk_path(run *r, known_set *k, worklist *w, const char *path, indexer_keys *kc)
{
	corpus c;
	corpus_init(&c);
	int rc = corpus_add_path(&c, path);
	for (size_t i = 0; !rc && i < c.n; i++) {
		if (c.v[i].error) {
			r->st->files++;
			file_error(r, c.v[i].path, c.v[i].error);
			continue;
		}
		char *key = indexer_key_in(kc, c.v[i].path);
		if (!key) {
			r->st->files++;
			file_error(r, c.v[i].path, error_from_errno(errno));
			continue;
		}
		rc = consider(r, k, w, key);
	}
	corpus_free(&c);
	return rc;
}

static bool under(const char *path, const char *root)
{
	size_t n = strlen(root);
	return !strncmp(path, root, n) && (path[n] == '/' || !path[n] || (n && root[n - 1] == '/'));
}

/* Removes the known files under the roots that the walk did not see and
 * that are gone (a file the walk leaves out, e.g. not *.txt, but indexed
 * by its own name, stays). */
static int remove_vanished(run *r, known_set *k, char **roots, size_t nroots)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < k->n; i++) {
		if (k->seen[i] || k->v[i].imported)
			continue;
		bool mine = nroots == 0;
		for (size_t j = 0; !mine && j < nroots; j++)
			mine = roots[j] && under(k->v[i].path, roots[j]);
		struct stat st;
		if (!mine || (stat(k->v[i].path, &st) == 0 && S_ISREG(st.st_mode)))
			continue;
		if (!(rc = batch_step(r)))
			rc = index_remove(r->ix, k->v[i].path);
		if (!rc) {
			r->st->removed++;
			rc = batch_maybe_commit(r, false);
		}
	}
	return rc;
}

static int gather(run *r, known_set *k, worklist *w, const char *const *paths, size_t npaths, char **roots)
{
	indexer_keys kc = { 0 };
	int rc = 0;
	for (size_t i = 0; !rc && i < npaths; i++) {
		roots[i] = indexer_key(paths[i]);
		rc = walk_path(r, k, w, paths[i], &kc);
	}
	/* no path: every file the index knows, checked again */
	for (size_t i = 0; !rc && !npaths && i < k->n; i++) {
		if (k->v[i].imported)
			continue;
		char *key = strdup(k->v[i].path);
		rc = key ? consider(r, k, w, key) : Q_ENOMEM;
	}
	indexer_keys_free(&kc);
	return rc;
}

int indexer_run(qindex *ix, const char *const *paths, size_t npaths, const indexer_opts *o, indexer_stats *st)
{
	memset(st, 0, sizeof *st);
	known_set k = { 0 };
	int rc = index_compact_text(ix);
	if (!rc)
		rc = index_files(ix, &k.v, &k.n);
	if (rc)
		return rc;
	if (!k.n)   /* (no memory: index_derive reads the quotes back instead) */
		index_groups_follow(ix);
	char **roots = calloc(npaths + 1, sizeof *roots);
	k.seen = calloc(k.n + 1, sizeof *k.seen);
	worklist w = { 0 };
	run r = { .ix = ix, .o = o, .st = st, .last_progress = now_ns() };
	if (!roots || !k.seen)
		rc = Q_ENOMEM;
	if (!rc)
		rc = gather(&r, &k, &w, paths, npaths, roots);
	r.total = st->files;
	if (!rc && !k.n && w.n)
		rc = index_defer_quote_indexes(ix);
	if (!rc && !k.n && w.n)
		rc = index_unsynced(ix);
	if (!rc)
		rc = write_all(&r, w.v, w.n, o->quotes, o->readers);
	else
		for (size_t i = 0; i < w.n; i++)
			job_clear(&w.v[i]);
	if (!rc)
		rc = remove_vanished(&r, &k, roots, npaths);
	if (!rc)
		rc = batch_maybe_commit(&r, true);
	else if (r.in_batch)
		index_rollback(ix);
	if (!rc && (w.n || st->removed))   /* the quote indexes and the derived tables are made beside it */
		index_checkpoint_beside(ix);
	if (!rc)
		rc = index_restore_quote_indexes(ix);
	report(&r, true);
	for (size_t i = 0; roots && i < npaths; i++)
		free(roots[i]);
	free(roots);
	free(w.v);
	free(k.seen);
	index_files_free(k.v, k.n);
	return rc;
}
