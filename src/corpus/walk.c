#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "grow.h"
#include "strbuf.h"
#include "walk.h"

/* One open folder on the current branch: its entries, sorted, a folder's
 * name with a '/' after it so that it sorts as its path does. */
typedef struct level {
	int fd;
	dev_t dev;
	ino_t ino;
	char **names;
	size_t n, next;
	size_t pathlen;      /* path.len with this folder's name and its '/' */
} level;

struct walk {
	walk_filter filter;
	char *top;
	bool started;
	level *lv;
	size_t depth, cap;
	strbuf path;
	size_t too_deep;
};

/* name ends with suffix, ignoring ASCII case */
static bool ends_with(const char *name, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && !strncasecmp(name + n - k, suffix, k);
}

/* A folder's README (README.md, readme.txt) describes the folder: it is
 * not one of its articles. */
static bool is_readme(const char *name)
{
	return !strncasecmp(name, "readme.", 7);
}

bool walk_is_article(const char *name)
{
	size_t n = strlen(name);
	return !is_readme(name) && (ends_with(name, n, ".txt") || ends_with(name, n, ".md"));
}

bool walk_is_article_or_dump(const char *name)
{
	size_t n = strlen(name);
	if (is_readme(name))
		return false;
	if (ends_with(name, n, ".gz"))
		n -= 3;
	return ends_with(name, n, ".txt") || ends_with(name, n, ".md") || ends_with(name, n, ".jsonl") ||
	       ends_with(name, n, ".ndjson");
}

int walk_open(const char *path, walk_filter filter, walk **out)
{
	walk *w = calloc(1, sizeof *w);
	if (!w)
		return Q_ENOMEM;
	w->filter = filter;
	w->top = strdup(path);
	sb_init(&w->path);
	if (!w->top) {
		free(w);
		return Q_ENOMEM;
	}
	*out = w;
	return 0;
}

static void free_names(level *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
	l->names = NULL;
	l->n = l->next = 0;
}

static void pop(walk *w)
{
	level *l = &w->lv[--w->depth];
	close(l->fd);
	free_names(l);
}

void walk_close(walk *w)
{
	if (!w)
		return;
	while (w->depth)
		pop(w);
	free(w->lv);
	free(w->top);
	sb_free(&w->path);
	free(w);
}

size_t walk_too_deep(const walk *w)
{
	return w->too_deep;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder entry to keep: its name, with a '/' when it is a folder, or NULL
 * (*keep false) when it is neither a folder nor a file the filter takes. */
static char *entry_name(const walk *w, int fd, const struct dirent *e, bool *keep)
{
	bool dir = e->d_type == DT_DIR;
	*keep = true;
	if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
		struct stat st;
		/* a dangling link, or a loop of links to files, is not an article */
		if (fstatat(fd, e->d_name, &st, 0) != 0) {
			*keep = false;
			return NULL;
		}
		dir = S_ISDIR(st.st_mode);
	}
	if (!dir && !w->filter(e->d_name)) {
		*keep = false;
		return NULL;
	}
	size_t n = strlen(e->d_name);
	char *s = malloc(n + 2);
	if (s) {
		memcpy(s, e->d_name, n);
		s[n] = dir ? '/' : '\0';
		s[n + 1] = '\0';
	}
	return s;
}

/* Reads the entries of the folder open at fd into l, sorted. */
static int read_names(const walk *w, int fd, level *l)
{
	int dup_fd = dup(fd);
	DIR *d = dup_fd < 0 ? NULL : fdopendir(dup_fd);
	if (!d) {
		int e = error_from_errno(errno);
		if (dup_fd >= 0)
			close(dup_fd);
		return e;
	}
	size_t cap = 0;
	int rc = 0;
	struct dirent *e;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		bool keep;
		char *name = entry_name(w, fd, e, &keep);
		if (!keep)
			continue;
		if (!name || GROW(l->names, cap, l->n + 1, 16)) {
			free(name);
			rc = Q_ENOMEM;
		} else {
			l->names[l->n++] = name;
		}
	}
	closedir(d);
	if (l->n)
		qsort(l->names, l->n, sizeof *l->names, cmp_name);
	return rc;
}

static bool on_branch(const walk *w, const struct stat *st)
{
	for (size_t i = 0; i < w->depth; i++)
		if (w->lv[i].dev == st->st_dev && w->lv[i].ino == st->st_ino)
			return true;
	return false;
}

/* Sets w->path to the current folder's path and then name. */
static void set_path(walk *w, const char *name, size_t n)
{
	w->path.len = w->depth ? w->lv[w->depth - 1].pathlen : 0;
	sb_add(&w->path, name, n);
}

/* Enters the folder open at fd (named by w->path): 1 entered, 0 skipped
 * (a loop), or a Q_* code (fd is closed in every case but 1). */
static int push(walk *w, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = error_from_errno(errno);
		close(fd);
		return e;
	}
	if (on_branch(w, &st)) {
		close(fd);
		return 0;
	}
	if (GROW(w->lv, w->cap, w->depth + 1, 8)) {
		close(fd);
		return Q_ENOMEM;
	}
	level *l = &w->lv[w->depth];
	memset(l, 0, sizeof *l);
	l->fd = fd;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	if (!w->path.len || w->path.s[w->path.len - 1] != '/')
		sb_putc(&w->path, '/');
	l->pathlen = w->path.len;
	w->depth++;
	int rc = read_names(w, fd, l);
	if (rc) {
		pop(w);
		return rc;
	}
	return w->path.failed ? Q_ENOMEM : 1;
}

static void entry(const walk *w, walk_entry *e, int dirfd, const char *name, int error)
{
	e->path = w->path.s ? w->path.s : "";
	e->dirfd = dirfd;
	e->name = name;
	e->error = error;
}

/* The PATH itself: a file (or anything that is not a folder) is yielded as
 * it is, for its reader to say what is wrong with it; a folder is entered. */
static int start(walk *w, walk_entry *e)
{
	w->started = true;
	set_path(w, w->top, strlen(w->top));
	if (w->path.failed)
		return Q_ENOMEM;
	struct stat st;
	if (stat(w->top, &st) != 0 || !S_ISDIR(st.st_mode)) {
		entry(w, e, AT_FDCWD, w->top, 0);
		return 1;
	}
	int fd = open(w->top, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
	int rc = fd < 0 ? error_from_errno(errno) : push(w, fd);
	if (rc < 0 && rc != Q_ENOMEM) {
		set_path(w, w->top, strlen(w->top));
		entry(w, e, AT_FDCWD, w->top, rc);
		return 1;
	}
	return rc < 0 ? rc : 0;
}

int walk_next(walk *w, walk_entry *e)
{
	if (!w->started) {
		int rc = start(w, e);
		if (rc)
			return rc;
	}
	while (w->depth) {
		level *l = &w->lv[w->depth - 1];
		if (l->next == l->n) {
			pop(w);
			continue;
		}
		char *name = l->names[l->next++];
		size_t n = strlen(name);
		set_path(w, name, n);
		if (w->path.failed)
			return Q_ENOMEM;
		if (name[n - 1] != '/') {
			entry(w, e, l->fd, name, 0);
			return 1;
		}
		if (w->depth >= WALK_MAX_DEPTH) {
			w->too_deep++;
			continue;
		}
		name[n - 1] = '\0';
		int fd = openat(l->fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
		name[n - 1] = '/';
		int rc = fd < 0 ? error_from_errno(errno) : push(w, fd);
		if (rc == Q_ENOMEM)
			return rc;
		if (rc < 0) {
			w->path.len--;   /* the folder's path, without its '/' */
			w->path.s[w->path.len] = '\0';
			entry(w, e, AT_FDCWD, w->path.s, rc);
			return 1;
		}
	}
	return 0;
}
