/* The speaker model's weights: the compiled-in ones (model.c), or a file. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "combined.h"
#include "error.h"
#include "feat.h"
#include "speech.h"

struct quote_model {
	const int32_t *w;
	int32_t *own;           /* loaded from a file */
};

static const quote_model compiled = { model_trained, NULL };

int quote_model_default_fits(void)
{
	return model_trained_n == FEAT_TOTAL && model_trained_layout == feat_layout_hash();
}

uint32_t quote_model_layout(void)
{
	return feat_layout_hash();
}

const quote_model *quote_model_default(void)
{
	return &compiled;
}

const int32_t *model_weights_of(const quote_model *m)
{
	if (m == &compiled && model_trained_n != FEAT_TOTAL)
		return NULL;   /* trained for other features: make check says so, make train mends it */
	return m ? m->w : NULL;
}

size_t quote_model_features(void)
{
	return FEAT_TOTAL;
}

size_t quote_model_unseen_of(size_t f)
{
	return f < FEAT_N ? FEAT_N * FEAT_UNSEEN_BLOCK + f : SIZE_MAX;
}

void quote_model_feature_name(size_t i, char *buf, size_t size)
{
	feat_name(i, buf, size);
}

/* One line "NAME<TAB>WEIGHT" into w; false when malformed or unknown. */
static bool read_line(char *line, int32_t *w)
{
	char *tab = strchr(line, '\t');
	if (!tab)
		return false;
	*tab = '\0';
	char *end;
	errno = 0;
	long x = strtol(tab + 1, &end, 10);
	if (end == tab + 1 || (*end && *end != '\n') || errno || x > INT32_MAX || x < INT32_MIN)
		return false;
	size_t i;
	if (!feat_index(line, &i))
		return false;
	w[i] = (int32_t)x;
	return true;
}

int quote_model_load(const char *path, quote_model **out, size_t *line)
{
	*out = NULL;
	*line = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return error_from_errno(errno);
	quote_model *m = calloc(1, sizeof *m);
	int32_t *w = calloc(FEAT_TOTAL, sizeof *w);
	int rc = m && w ? 0 : Q_ENOMEM;
	char buf[512];
	while (!rc && fgets(buf, sizeof buf, f)) {
		++*line;
		if (buf[0] == '#' || buf[0] == '\n')
			continue;
		if (!read_line(buf, w))
			rc = Q_ESYNTAX;
	}
	if (!rc && ferror(f))
		rc = Q_EIO;
	fclose(f);
	if (rc) {
		free(w);
		free(m);
		return rc;
	}
	*line = 0;
	m->w = m->own = w;
	*out = m;
	return 0;
}

quote_model *quote_model_new(void)
{
	quote_model *m = calloc(1, sizeof *m);
	if (m && !(m->own = calloc(FEAT_TOTAL, sizeof *m->own))) {
		free(m);
		return NULL;
	}
	if (m)
		m->w = m->own;
	return m;
}

int32_t *quote_model_weights(quote_model *m)
{
	return m->own;
}

void quote_model_free(quote_model *m)
{
	if (m) {
		free(m->own);
		free(m);
	}
}

/* ---- the weights combined for each language ------------------------------------------ */

struct quote_combined {
	const int32_t *from;              /* the weights they were made from */
	int32_t wc[LANG_COUNT][FEAT_N];   /* feat_combine of from, for each language */
};

struct quote_combined *combined_new(const int32_t *w)
{
	struct quote_combined *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	c->from = w;
	for (int l = 0; l < LANG_COUNT; l++)
		feat_combine(w, (enum lang)l, c->wc[l]);
	return c;
}

void combined_free(struct quote_combined *c)
{
	free(c);
}

const int32_t *combined_for(const quotes_opts *o, const int32_t *w, enum lang lang)
{
	const struct quote_combined *c = o ? o->combined : NULL;
	if (!c || !w || c->from != w || lang < 0 || lang >= LANG_COUNT)
		return NULL;
	return c->wc[lang];
}
