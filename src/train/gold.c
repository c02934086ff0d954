#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "gold.h"
#include "grow.h"

static int words_str(const char *s, words *w)
{
	return words_of(s, strlen(s), w);
}

static void free_quote(gold_quote *q)
{
	words_free(&q->text);
	for (size_t i = 0; i < q->naliases; i++)
		words_free(&q->aliases[i]);
	free(q->aliases);
}

static void free_doc(gold_doc *d)
{
	for (size_t i = 0; i < d->nq; i++)
		free_quote(&d->q[i]);
	free(d->q);
	free(d->txt);
	free(d->name);
	free(d->set);
}

/* The member key of object o (NULL when absent); *has tells whether it is there at all. */
static json_object *member(json_object *o, const char *key, bool *has)
{
	json_object *v = NULL;
	bool h = json_object_object_get_ex(o, key, &v);
	if (has)
		*has = h;
	return h ? v : NULL;
}

static bool is_string(json_object *v)
{
	return v && json_object_is_type(v, json_type_string);
}

static int read_quote(json_object *o, gold_quote *q)
{
	memset(q, 0, sizeof *q);
	bool has_spk;
	json_object *text = member(o, "text", NULL), *spk = member(o, "speaker", &has_spk);
	json_object *al = member(o, "aliases", NULL);
	if (!is_string(text))
		return Q_ESYNTAX;
	json_object *opt = member(o, "optional", NULL);
	q->optional = opt && json_object_get_boolean(opt);
	q->scored = has_spk;
	q->nobody = !is_string(spk) || !*json_object_get_string(spk);
	int rc = words_str(json_object_get_string(text), &q->text);
	bool list = al && json_object_is_type(al, json_type_array) && json_object_array_length(al);
	size_t n = list ? json_object_array_length(al) : 1;
	if (!rc && !q->nobody && !(q->aliases = calloc(n, sizeof *q->aliases)))
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && !q->nobody && i < n; i++) {
		json_object *a = list ? json_object_array_get_idx(al, i) : spk;
		if (!is_string(a))
			return Q_ESYNTAX;
		rc = words_str(json_object_get_string(a), &q->aliases[q->naliases]);
		if (!rc)
			q->naliases++;
	}
	return rc;
}

static int read_doc(const char *dir, const char *gold_name, gold_doc *d)
{
	memset(d, 0, sizeof *d);
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, gold_name);
	json_object *root = json_object_from_file(path);
	if (!root)
		return Q_ESYNTAX;
	json_object *file = member(root, "file", NULL), *qs = member(root, "quotes", NULL);
	json_object *lang = member(root, "lang", NULL);
	if (is_string(lang))
		snprintf(d->lang, sizeof d->lang, "%s", json_object_get_string(lang));
	const char *slash = strrchr(dir, '/');
	int rc = is_string(file) && qs && json_object_is_type(qs, json_type_array) ? 0 : Q_ESYNTAX;
	size_t nq = rc ? 0 : json_object_array_length(qs);
	if (!rc) {
		snprintf(path, sizeof path, "%s/%s", dir, json_object_get_string(file));
		d->txt = strdup(path);
		d->name = strdup(json_object_get_string(file));
		d->set = strdup(slash && slash[1] ? slash + 1 : dir);
		d->q = calloc(nq + 1, sizeof *d->q);
		if (!d->txt || !d->name || !d->set || !d->q)
			rc = Q_ENOMEM;
	}
	for (size_t i = 0; !rc && i < nq; i++) {
		rc = read_quote(json_object_array_get_idx(qs, i), &d->q[d->nq]);
		d->nq++;
	}
	json_object_put(root);
	if (rc)
		free_doc(d);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int gold_add_dir(gold_set *s, const char *dir, char **bad)
{
	*bad = NULL;
	DIR *dp = opendir(dir);
	if (!dp)
		return error_from_errno(errno);
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while (!rc && (e = readdir(dp))) {
		size_t len = strlen(e->d_name);
		if (len < 10 || strcmp(e->d_name + len - 10, ".gold.json"))
			continue;
		if ((rc = GROW(names, cap, n + 1, 64)))
			break;
		if (!(names[n] = strdup(e->d_name)))
			rc = Q_ENOMEM;
		else
			n++;
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; !rc && i < n; i++) {
		if ((rc = GROW(s->v, s->cap, s->n + 1, 64)))
			break;
		rc = read_doc(dir, names[i], &s->v[s->n]);
		if (rc == Q_ESYNTAX)
			*bad = strdup(names[i]);
		if (!rc)
			s->n++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

void gold_set_free(gold_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free_doc(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

bool gold_speaker_ok(const gold_quote *g, const char *speaker)
{
	if (g->nobody)
		return !speaker;
	if (!speaker)
		return false;
	words p;
	if (words_str(speaker, &p))
		return false;
	bool ok = false;
	for (size_t i = 0; i < g->naliases && !ok; i++)
		ok = words_contain(&p, &g->aliases[i]);
	words_free(&p);
	return ok;
}

unsigned gold_fold(const gold_doc *d, unsigned k)
{
	uint32_t h = 2166136261u;   /* FNV-1a of the file name */
	for (const char *c = d->name; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return k ? h % k : 0;
}
