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
#include "text.h"
#include "walk.h"

/* A title is found in this many bytes from the start of the file. */
#define PEEK_BYTES 4096

void corpus_init(corpus *c)
{
	memset(c, 0, sizeof *c);
	c->max_loaded = 32;
}

void corpus_free(corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].title);
		doc_free(c->v[i].doc);
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

int corpus_add_path(corpus *c, const char *path)
{
	walk *w = NULL;
	int rc = walk_open(path, walk_is_article, &w);
	walk_entry e;
	while (!rc && (rc = walk_next(w, &e)) == 1) {
		corpus_item *it = push(c, e.path);
		if (!it)
			rc = Q_ENOMEM;
		else
			it->error = e.error ? e.error : e.dirfd == AT_FDCWD ? stat_error(&e) : 0;
		rc = rc == 1 ? 0 : rc;
	}
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

char *corpus_display_name(const corpus *c, size_t i)
{
	const char *p = c->v[i].path, *base = strrchr(p, '/');
	base = base && base[1] ? base + 1 : p;
	char *out;
	size_t n;
	return text_sanitize_line(base, strlen(base), &out, &n) ? NULL : out;
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

const char *corpus_title(corpus *c, size_t i)
{
	corpus_item *it = &c->v[i];
	if (it->title)
		return it->title;
	if (!it->error)
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
	if (!it->doc && !it->error && strcmp(it->path, "-") && stat(it->path, &st) == 0 && S_ISREG(st.st_mode)) {
		it->size = (size_t)st.st_size;
		if (it->size > DOC_BIG) {
			it->big = true;
			return NULL;
		}
	}
	if (!it->doc && !it->error) {
		int rc = doc_load(it->path, &it->doc);
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
