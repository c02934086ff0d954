#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bigdoc.h"
#include "corpus.h"
#include "error.h"
#include "grow.h"
#include "records.h"
#include "stream.h"
#include "text.h"
#include "walk.h"

/* A title is found in this many bytes from the start of the file. */
#define PEEK_BYTES 4096

void corpus_init(corpus *c)
{
	memset(c, 0, sizeof *c);
	c->max_loaded = 32;
	c->gz_max = CORPUS_GZ_MAX;
}

static void meta_free(corpus_meta *m)
{
	if (!m)
		return;
	free(m->url);
	free(m->date);
	free(m->source);
	free(m);
}

void corpus_free(corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		corpus_item *it = &c->v[i];
		if (it->file)
			records_release(it->file);   /* path is the file's */
		else
			free(it->path);
		free(it->title);
		free(it->detail);
		meta_free(it->meta);
		doc_free(it->doc);
	}
	free(c->v);
	free(c->live);
	corpus_init(c);
}

static corpus_item *push(corpus *c, const char *path)
{
	if (GROW(c->v, c->cap, c->n + 1, 64))
		return NULL;
	corpus_item *it = &c->v[c->n];
	memset(it, 0, sizeof *it);
	it->nquotes = -1;
	it->path = strdup(path);
	if (!it->path)
		return NULL;
	c->n++;
	return it;
}

/* A PATH named on the command line that is not a folder: listed with what
 * is wrong with it, so that the list can say why it does not open. */
static int stat_error(const walk_entry *e)
{
	struct stat st;
	if (fstatat(e->dirfd, e->name, &st, 0) != 0)
		return error_from_errno(errno);
	return S_ISREG(st.st_mode) ? 0 : S_ISDIR(st.st_mode) ? Q_EISDIR : Q_ENOTREG;
}

/* An article of a file of several (records.h). */
static int push_record(void *ctx, corpus_file *f, size_t number, uint64_t off, size_t len, int error,
                       const char *detail)
{
	corpus *c = ctx;
	if (GROW(c->v, c->cap, c->n + 1, 64))
		return Q_ENOMEM;
	corpus_item *it = &c->v[c->n];
	memset(it, 0, sizeof *it);
	it->nquotes = -1;
	it->path = f->path;
	it->file = f;
	it->number = number;
	it->off = off;
	it->len = len;
	it->error = error;
	if (detail && !(it->detail = strdup(detail)))
		return Q_ENOMEM;
	f->refs++;
	c->n++;
	return 0;
}

/* A walk entry: its articles when it holds several, else itself. */
static int add_entry(corpus *c, const walk_entry *e)
{
	const char *why = NULL;
	int rc = e->error ? 0 : records_scan(e->path, e->dirfd == AT_FDCWD, c->gz_max, push_record, c, &why);
	if (rc == 1 || rc == Q_ENOMEM)
		return rc == 1 ? 0 : rc;
	corpus_item *it = push(c, e->path);
	if (!it)
		return Q_ENOMEM;
	it->error = e->error ? e->error : rc ? rc : e->dirfd == AT_FDCWD ? stat_error(e) : 0;
	if (why && !(it->detail = strdup(why)))
		return Q_ENOMEM;
	return 0;
}

int corpus_add_path(corpus *c, const char *path)
{
	walk *w = NULL;
	int rc = walk_open(path, walk_is_article_or_dump, &w);
	walk_entry e;
	while (!rc && (rc = walk_next(w, &e)) == 1)
		rc = add_entry(c, &e);
	if (w)
		c->too_deep += walk_too_deep(w);
	walk_close(w);
	return rc;
}

int corpus_add_doc(corpus *c, doc *d)
{
	corpus_item *it = push(c, d->name);
	if (!it) {
		doc_free(d);
		return Q_ENOMEM;
	}
	it->doc = d;
	it->id = d->id;
	it->has_id = true;
	it->title = strdup(d->title);
	it->used = ++c->clock;
	c->loaded++;
	return it->title ? 0 : Q_ENOMEM;
}

/* s and, for an article of a file of several, where it is in the file:
 * "s:LINE", "s #N", as corpus_where says it. */
static char *with_number(const corpus_item *it, const char *s)
{
	char *out = NULL;
	int n = !it->file || (!it->file->jsonl && !it->file->several) ? asprintf(&out, "%s", s)
	      : it->file->jsonl ? asprintf(&out, "%s:%zu", s, it->number)
	      : asprintf(&out, "%s #%zu", s, it->number);
	return n < 0 ? NULL : out;
}

static char *safe_line(char *raw)
{
	char *out = NULL;
	size_t n;
	if (raw && text_sanitize_line(raw, strlen(raw), &out, &n))
		out = NULL;
	free(raw);
	return out;
}

char *corpus_display_name(const corpus *c, size_t i)
{
	const char *p = c->v[i].path, *base = strrchr(p, '/');
	base = base && base[1] ? base + 1 : p;
	return safe_line(with_number(&c->v[i], base));
}

char *corpus_item_name(const corpus *c, size_t i)
{
	const corpus_item *it = &c->v[i];
	bool numbered = it->file && (it->file->jsonl || it->file->several);
	return with_number(it, numbered ? it->file->real : it->path);
}

char *corpus_item_label(const corpus *c, size_t i)
{
	const corpus_item *it = &c->v[i];
	if (!strcmp(it->path, "-"))
		return strdup("standard input");
	char *where = with_number(it, it->path), *out = NULL;
	const corpus_meta *m = it->meta;
	if (!where || !m)
		return safe_line(where);
	/* the record's own words: display-safe already (decode.c) */
	const char *sep = " \xC2\xB7 ";   /* · */
	if (asprintf(&out, "%s%s%s%s%s%s%s", where, m->source ? sep : "", m->source ? m->source : "",
	             m->date ? sep : "", m->date ? m->date : "", m->url ? sep : "", m->url ? m->url : "") < 0)
		out = NULL;
	free(where);
	return safe_line(out);
}

/* name as the tag store keeps a path: absolute (tags.c, absolute_path) */
static char *stored_path(const char *name)
{
	char *r = realpath(name, NULL), *out = NULL;
	if (r || *name == '/')
		return r ? r : strdup(name);
	char *cwd = getcwd(NULL, 0);
	if (!cwd || asprintf(&out, "%s/%s", cwd, name) < 0)
		out = NULL;
	free(cwd);
	return out;
}

size_t corpus_find(corpus *c, uint64_t art, const char *path)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].has_id && c->v[i].id == art)
			return i;
	for (size_t i = 0; *path && i < c->n; i++) {
		/* a record's name is absolute already: no realpath for each of a dump's rows */
		char *name = corpus_item_name(c, i), *abs = name && !(c->v[i].file && *name == '/') ? stored_path(name) : NULL;
		bool same = abs ? !strcmp(abs, path) : name && !strcmp(name, path);
		free(name);
		free(abs);
		if (same)
			return i;
	}
	return SIZE_MAX;
}

static char *peek_title(const char *path, int *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		*err = error_from_errno(errno);
		return NULL;
	}
	struct stat st;
	char buf[PEEK_BYTES];
	ssize_t n = -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = read(fd, buf, sizeof buf);
	else
		*err = S_ISDIR(st.st_mode) ? Q_EISDIR : Q_ENOTREG;
	if (n < 0 && !*err)
		*err = error_from_errno(errno);
	close(fd);
	if (n < 0)
		return NULL;
	/* cut at the last line end so a headline is not taken for a cut sentence */
	size_t len = (size_t)n;
	if (len == sizeof buf) {
		char *nl = memrchr(buf, '\n', len);
		if (nl)
			len = (size_t)(nl - buf);
	}
	doc *d = NULL;
	int rc = doc_from_bytes(path, buf, len, &d);
	if (rc) {
		*err = rc;
		return NULL;
	}
	char *title = d->title;
	d->title = NULL;
	doc_free(d);
	return title;
}

/* ---- an article of a file of several ---------------------------------------------- */

typedef struct taken {
	doc *doc;
	corpus_meta *meta;
	int rc;
} taken;

static char *dup_or_null(const char *s, int *rc)
{
	char *d = s ? strdup(s) : NULL;
	if (s && !d)
		*rc = Q_ENOMEM;
	return d;
}

/* corpus_decode's article: the doc and what the record says of it. */
static int take_article(void *ctx, const corpus_article *a)
{
	taken *t = ctx;
	t->doc = *a->take;
	*a->take = NULL;
	if (!a->url && !a->date && !a->source)
		return 0;
	t->meta = calloc(1, sizeof *t->meta);
	if (!t->meta)
		return Q_ENOMEM;
	t->meta->url = dup_or_null(a->url, &t->rc);
	t->meta->date = dup_or_null(a->date, &t->rc);
	t->meta->source = dup_or_null(a->source, &t->rc);
	return t->rc;
}

/* A JSON Lines record decoded as quoth quotes decodes it, its article id
 * being that of its text (stream.h). */
static int decode_record(corpus_item *it, char *bytes, taken *t, char **detail)
{
	corpus_piece p = { .kind = PIECE_JSON, .bytes = bytes, .len = it->len, .path = it->path,
	                   .article = it->number, .jsonl = true };
	corpus_opts o = { .input = CORPUS_JSONL, .article_ids = true, .whole = true };
	int rc = corpus_decode(&o, &p, take_article, t, detail);
	free(bytes);
	if (!rc && !t->doc)
		rc = Q_EEMPTY;
	return rc;
}

/* Reads and decodes item it's article: 0 and *d (its name set), or a Q_*
 * code (kept in it->error, with it->detail when there is more to say). */
static int load_record(const corpus *c, size_t i, doc **d)
{
	corpus_item *it = &c->v[i];
	char *bytes = NULL, *detail = NULL;
	const char *why = NULL;
	taken t = { 0 };
	int rc = records_read(it->file, it->off, it->len, &bytes, &why);
	if (!rc && it->file->jsonl)
		rc = decode_record(it, bytes, &t, &detail);
	else if (!rc)
		rc = doc_from_buffer(it->path, bytes, it->len, true, &t.doc);
	char *name = rc ? NULL : corpus_item_name(c, i);
	if (!rc && !name)
		rc = Q_ENOMEM;
	if (rc) {
		doc_free(t.doc);
		meta_free(t.meta);
		it->error = rc;
		free(it->detail);
		it->detail = detail ? detail : why ? strdup(why) : NULL;
		return rc;
	}
	free(detail);
	free(t.doc->name);
	t.doc->name = name;
	meta_free(it->meta);
	it->meta = t.meta;
	it->id = t.doc->id;
	it->has_id = true;
	*d = t.doc;
	return 0;
}

/* A record's title: the record is decoded (its JSON parsed) and dropped. */
static char *peek_record_title(const corpus *c, size_t i)
{
	doc *d = NULL;
	if (load_record(c, i, &d))
		return NULL;
	char *title = d->title;
	d->title = NULL;
	doc_free(d);
	return title;
}

const char *corpus_title(corpus *c, size_t i)
{
	corpus_item *it = &c->v[i];
	if (it->title)
		return it->title;
	if (!it->error && it->file)
		it->title = peek_record_title(c, i);
	else if (!it->error)
		it->title = peek_title(it->path, &it->error);
	if (!it->title)
		it->title = corpus_display_name(c, i);
	return it->title ? it->title : "?";
}

/* Drops least recently used bodies, never a or b, nor standard input's. */
/* Drops the least recently used bodies but a and b until at most
 * max_loaded are in memory. Only the loaded items are looked at (a scan of
 * every item on each load made reading a folder of n articles n squared). */
static void evict(corpus *c, size_t a, size_t b)
{
	while (c->loaded > c->max_loaded) {
		size_t victim = SIZE_MAX;
		for (size_t k = 0; k < c->nlive; k++) {
			size_t i = c->live[k];
			if (i != a && i != b && (victim == SIZE_MAX || c->v[i].used < c->v[c->live[victim]].used))
				victim = k;
		}
		if (victim == SIZE_MAX)
			return;
		corpus_item *it = &c->v[c->live[victim]];
		doc_free(it->doc);
		it->doc = NULL;
		c->loaded--;
		c->live[victim] = c->live[--c->nlive];
	}
}

doc *corpus_doc(corpus *c, size_t i, size_t keep)
{
	corpus_item *it = &c->v[i];
	if (it->big)
		return NULL;
	struct stat st;
	if (!it->doc && !it->error && !it->file && strcmp(it->path, "-") && stat(it->path, &st) == 0 &&
	    S_ISREG(st.st_mode)) {
		it->size = (size_t)st.st_size;
		if (it->size > DOC_BIG) {
			it->big = true;
			return NULL;
		}
	}
	if (!it->doc && !it->error) {
		int rc = it->file ? load_record(c, i, &it->doc) : doc_load(it->path, &it->doc);
		if (rc) {
			it->error = rc;
			return NULL;
		}
		c->loaded++;
		/* not listed when out of memory: then it stays loaded until corpus_free */
		if (!GROW(c->live, c->livecap, c->nlive + 1, 64))
			c->live[c->nlive++] = i;
		it->id = it->doc->id;
		it->has_id = true;
		if (!it->title)
			it->title = strdup(it->doc->title);
		it->used = ++c->clock;
		evict(c, i, keep);
	}
	if (it->doc)
		it->used = ++c->clock;
	return it->doc;
}

int corpus_item_id(corpus *c, size_t i, uint64_t *id)
{
	corpus_item *it = &c->v[i];
	if (!it->has_id && !corpus_doc(c, i, SIZE_MAX) && it->big) {
		bigdoc *b = NULL;
		int rc = bigdoc_open(it->path, &b);
		if (rc) {
			it->error = rc;
			return rc;
		}
		it->id = b->id;
		it->has_id = true;
		if (!it->title)
			it->title = strdup(b->title);
		bigdoc_close(b);
	}
	if (!it->has_id)
		return it->error ? it->error : Q_EIO;
	*id = it->id;
	return 0;
}
