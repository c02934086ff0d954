#include <dirent.h>
#include <errno.h>
#include <jansson.h>
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

static int read_quote(json_t *o, gold_quote *q)
{
	memset(q, 0, sizeof *q);
	json_t *text = json_object_get(o, "text"), *spk = json_object_get(o, "speaker");
	json_t *al = json_object_get(o, "aliases");
	if (!json_is_string(text))
		return Q_ESYNTAX;
	q->optional = json_is_true(json_object_get(o, "optional"));
	q->scored = spk != NULL;
	q->nobody = !spk || json_is_null(spk) || (json_is_string(spk) && !*json_string_value(spk));
	int rc = words_str(json_string_value(text), &q->text);
	size_t n = json_is_array(al) && json_array_size(al) ? json_array_size(al) : 1;
	if (!rc && !q->nobody && !(q->aliases = calloc(n, sizeof *q->aliases)))
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && !q->nobody && i < n; i++) {
		json_t *a = json_is_array(al) && json_array_size(al) ? json_array_get(al, i) : spk;
		if (!json_is_string(a))
			return Q_ESYNTAX;
		rc = words_str(json_string_value(a), &q->aliases[q->naliases]);
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
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root)
		return Q_ESYNTAX;
	json_t *file = json_object_get(root, "file"), *qs = json_object_get(root, "quotes");
	json_t *lang = json_object_get(root, "lang");
	if (json_is_string(lang))
		snprintf(d->lang, sizeof d->lang, "%s", json_string_value(lang));
	const char *slash = strrchr(dir, '/');
	int rc = json_is_string(file) && json_is_array(qs) ? 0 : Q_ESYNTAX;
	if (!rc) {
		snprintf(path, sizeof path, "%s/%s", dir, json_string_value(file));
		d->txt = strdup(path);
		d->name = strdup(json_string_value(file));
		d->set = strdup(slash && slash[1] ? slash + 1 : dir);
		d->q = calloc(json_array_size(qs) + 1, sizeof *d->q);
		if (!d->txt || !d->name || !d->set || !d->q)
			rc = Q_ENOMEM;
	}
	for (size_t i = 0; !rc && i < json_array_size(qs); i++) {
		rc = read_quote(json_array_get(qs, i), &d->q[d->nq]);
		d->nq++;
	}
	json_decref(root);
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
