/* The article list's table of what the index knows (app_list_meta.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app_list_meta.h"
#include "doc.h"
#include "error.h"
#include "grow.h"
#include "indexer.h"
#include "search.h"

/* Rows and pairs a query reads: a few milliseconds of work. */
#define ROWS_SLICE 2048
#define PAIRS_SLICE 8192
#define ITEMS_SLICE 2048
#define HASH_SLICE 16384

static long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

list_meta *list_meta_new(size_t nitems)
{
	list_meta *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->nitems = nitems;
	m->item_row = malloc((nitems + 1) * sizeof *m->item_row);
	m->item_ftitle = malloc((nitems + 1) * sizeof *m->item_ftitle);
	m->text = malloc(4096);
	m->values = calloc(16, sizeof *m->values);
	if (!m->item_row || !m->item_ftitle || !m->text || !m->values) {
		list_meta_free(m);
		return NULL;
	}
	m->captext = 4096;
	m->text[0] = '\0';
	m->ntext = 1;
	m->capvalues = 16;
	m->nvalues = 1;
	return m;
}

void list_meta_free(list_meta *m)
{
	if (!m)
		return;
	free(m->text);
	free(m->rows);
	free(m->path);
	free(m->row_of_id);
	free(m->slot);
	free(m->values);
	free(m->vslot);
	free(m->item_row);
	free(m->item_ftitle);
	free(m->sorted);
	free(m->person_name);
	free(m->form);
	free(m->form_person);
	free(m->pair_person);
	free(m->pair_row);
	index_pair_cursor_free(&m->cursor);
	free(m);
}

/* Room for need elements in *arrp (grown as GROW grows it) and as many in
 * the uint32_t array *twin beside it. */
static int grow_twin(void *arrp, size_t size, uint32_t **twin, size_t *cap, size_t need)
{
	size_t old = *cap;
	if (grow_array(arrp, cap, need, size, 1024))
		return Q_ENOMEM;
	if (*cap == old)
		return 0;
	uint32_t *t = realloc(*twin, *cap * sizeof *t);
	if (!t)
		return Q_ENOMEM;   /* (the table is given up: no more is added) */
	*twin = t;
	return 0;
}

/* ---- the block of text ---- */

/* Appends s[0..n) and a NUL; *off its offset. */
static int text_add(list_meta *m, const char *s, size_t n, uint32_t *off)
{
	if (m->ntext + n + 1 > UINT32_MAX)
		return Q_ENOMEM;
	if (GROW(m->text, m->captext, m->ntext + n + 1, 4096))
		return Q_ENOMEM;
	*off = (uint32_t)m->ntext;
	memcpy(m->text + m->ntext, s, n);
	m->text[m->ntext + n] = '\0';
	m->ntext += n + 1;
	return 0;
}

/* Appends s (NULL or blank: offset 0). */
static int text_put(list_meta *m, const char *s, uint32_t *off)
{
	*off = 0;
	return s && *s ? text_add(m, s, strlen(s), off) : 0;
}

/* Appends s folded as the filter compares it (search_fold_loose). */
static int text_put_folded(list_meta *m, const char *s, uint32_t *off)
{
	*off = 0;
	if (!s || !*s)
		return 0;
	char *f = search_fold_loose(s, strlen(s));
	int rc = f ? text_add(m, f, strlen(f), off) : 0;
	free(f);
	return rc;
}

/* ---- hashing ---- */

/* The slot of s in a table of nslots (a power of two) whose entries are
 * offsets (through key) of strings: the one that holds it, or an empty one. */
static size_t probe(const uint32_t *slot, size_t nslots, const char *s, const list_meta *m,
                    uint32_t (*key)(const list_meta *m, uint32_t entry))
{
	size_t k = (size_t)doc_hash(s, strlen(s)) & (nslots - 1);
	while (slot[k] && strcmp(m->text + key(m, slot[k]), s))
		k = (k + 1) & (nslots - 1);
	return k;
}

static uint32_t path_key(const list_meta *m, uint32_t entry)
{
	return m->path[entry - 1];
}

static uint32_t value_key(const list_meta *m, uint32_t entry)
{
	return m->values[entry].text;
}

/* The value v stands for (0: blank), added when new. */
static int value_of(list_meta *m, const char *v, uint32_t *out)
{
	*out = 0;
	if (!v || !*v)
		return 0;
	if (m->nvalues * 2 >= m->nvslots) {
		size_t ns = m->nvslots ? m->nvslots * 2 : 64;
		uint32_t *t = calloc(ns, sizeof *t);
		if (!t)
			return Q_ENOMEM;
		for (size_t k = 0; k < m->nvslots; k++)
			if (m->vslot[k])
				t[probe(t, ns, m->text + m->values[m->vslot[k]].text, m, value_key)] = m->vslot[k];
		free(m->vslot);
		m->vslot = t;
		m->nvslots = ns;
	}
	size_t k = probe(m->vslot, m->nvslots, v, m, value_key);
	if (m->vslot[k]) {
		*out = m->vslot[k];
		return 0;
	}
	if (m->nvalues >= UINT32_MAX || GROW(m->values, m->capvalues, m->nvalues + 1, 16))
		return Q_ENOMEM;
	lm_value *x = &m->values[m->nvalues];
	int rc = text_put(m, v, &x->text);
	if (!rc)
		rc = text_put_folded(m, v, &x->folded);
	if (rc)
		return rc;
	*out = m->vslot[k] = (uint32_t)m->nvalues++;
	return 0;
}

/* ---- LM_ROWS: every article ---- */

static int add_row(void *ctx, const index_row *r)
{
	list_meta *m = ctx;
	if (m->nrows >= UINT32_MAX - 1)
		return Q_ENOMEM;
	if (grow_twin(&m->rows, sizeof *m->rows, &m->path, &m->caprows, m->nrows + 1))
		return Q_ENOMEM;
	lm_row *x = &m->rows[m->nrows];
	*x = (lm_row){ .id = r->id, .nquotes = r->nquotes };
	int rc = text_put(m, r->path, &m->path[m->nrows]);
	if (!rc)
		rc = text_put(m, r->ftitle, &x->ftitle);
	if (!rc)
		rc = text_put(m, r->date, &x->date);
	if (!rc)
		rc = value_of(m, r->lang, &x->lang);
	if (!rc)
		rc = value_of(m, r->source, &x->source);
	if (!rc)
		m->nrows++;
	return rc;
}

/* The rows are all read: room for the tables that find a row by id and
 * by path (filled by step_hash). */
static int rows_done(list_meta *m)
{
	m->maxid = m->nrows ? m->rows[m->nrows - 1].id : 0;
	if (m->maxid < 0 || (uint64_t)m->maxid >= SIZE_MAX / sizeof *m->row_of_id)
		return Q_ENOMEM;
	m->row_of_id = malloc(((size_t)m->maxid + 1) * sizeof *m->row_of_id);
	for (m->nslots = 64; m->nslots < m->nrows * 2; m->nslots *= 2)
		;
	m->slot = calloc(m->nslots, sizeof *m->slot);
	if (!m->row_of_id || !m->slot)
		return Q_ENOMEM;
	memset(m->row_of_id, 0xFF, ((size_t)m->maxid + 1) * sizeof *m->row_of_id);
	m->hashed = 0;
	m->stage = LM_HASH;
	return 0;
}

static int step_rows(list_meta *m, qindex *ix)
{
	bool done = false;
	int rc = index_rows_read(ix, &m->after, ROWS_SLICE, add_row, m, &done);
	return !rc && done ? rows_done(m) : rc;
}

/* ---- LM_HASH: the tables, by slices (a key must not wait for all of
 * them at once) ---- */

static int step_hash(list_meta *m)
{
	size_t end = m->hashed + HASH_SLICE < m->nrows ? m->hashed + HASH_SLICE : m->nrows;
	for (size_t r = m->hashed; r < end; r++) {
		if (m->rows[r].id >= 0)
			m->row_of_id[m->rows[r].id] = (uint32_t)r;
		m->slot[probe(m->slot, m->nslots, m->text + m->path[r], m, path_key)] = (uint32_t)r + 1;
	}
	m->hashed = end;
	if (end == m->nrows)
		m->stage = LM_ITEMS;
	return 0;
}

/* ---- LM_ITEMS: the corpus item each row is ---- */

const char *lm_item_title(const corpus *c, size_t i)
{
	if (c->v[i].title)
		return c->v[i].title;
	const char *p = c->v[i].path, *slash = strrchr(p, '/');
	return slash && slash[1] ? slash + 1 : p;
}

static int step_items(list_meta *m, const corpus *c)
{
	indexer_keys kc = { 0 };
	size_t end = m->items_done + ITEMS_SLICE < m->nitems ? m->items_done + ITEMS_SLICE : m->nitems;
	for (size_t i = m->items_done; i < end; i++) {
		char *key = m->nrows ? indexer_key_in(&kc, c->v[i].path) : NULL;
		size_t k = key ? probe(m->slot, m->nslots, key, m, path_key) : 0;
		m->item_row[i] = key && m->slot[k] ? m->slot[k] - 1 : LM_NONE;
		free(key);
		m->item_ftitle[i] = 0;
		const lm_row *r = m->item_row[i] != LM_NONE ? &m->rows[m->item_row[i]] : NULL;
		int rc = r && r->ftitle ? 0 : text_put_folded(m, lm_item_title(c, i), &m->item_ftitle[i]);
		if (rc) {
			indexer_keys_free(&kc);
			return rc;
		}
	}
	indexer_keys_free(&kc);
	m->items_done = end;
	if (end == m->nitems) {
		free(m->path);   /* the keys were wanted for this only */
		free(m->slot);
		m->path = m->slot = NULL;
		m->stage = LM_FORMS;
	}
	return 0;
}

/* ---- LM_FORMS and LM_PAIRS: who each article quotes ---- */

static int add_form(void *ctx, const char *form, int64_t person, const char *name)
{
	list_meta *m = ctx;
	if (person <= 0 || person >= (int64_t)UINT32_MAX)
		return 0;   /* not a person the derive makes */
	if (person > m->maxperson) {
		uint32_t *p = realloc(m->person_name, ((size_t)person + 1) * sizeof *p);
		if (!p)
			return Q_ENOMEM;
		memset(p + m->maxperson + 1, 0, (size_t)(person - m->maxperson) * sizeof *p);
		m->person_name = p;
		m->maxperson = person;
	}
	if (grow_twin(&m->form, sizeof *m->form, &m->form_person, &m->capforms, m->nforms + 1))
		return Q_ENOMEM;
	int rc = text_put(m, form, &m->form[m->nforms]);
	if (!rc && !m->person_name[person])
		rc = text_put_folded(m, name, &m->person_name[person]);
	if (rc)
		return rc;
	m->form_person[m->nforms++] = (uint32_t)person;
	return 0;
}

static int step_forms(list_meta *m, qindex *ix)
{
	int rc = index_forms_read(ix, add_form, m);
	if (!rc)
		m->stage = LM_PAIRS;
	return rc;
}

/* The pairs come by form, as the forms were read: the form of each is
 * found by walking on from the last one's. */
static int add_pair(void *ctx, const char *form, int64_t article)
{
	list_meta *m = ctx;
	while (m->last_form < m->nforms && strcmp(m->text + m->form[m->last_form], form) < 0)
		m->last_form++;
	if (m->last_form >= m->nforms || strcmp(m->text + m->form[m->last_form], form))
		return 0;   /* a form the speakers were not derived for yet */
	if (article < 0 || article > m->maxid || m->row_of_id[article] == LM_NONE)
		return 0;   /* an article indexed after the rows were read */
	if (grow_twin(&m->pair_person, sizeof *m->pair_person, &m->pair_row, &m->cappairs, m->npairs + 1))
		return Q_ENOMEM;
	m->pair_person[m->npairs] = m->form_person[m->last_form];
	m->pair_row[m->npairs++] = m->row_of_id[article];
	return 0;
}

static int step_pairs(list_meta *m, qindex *ix)
{
	bool done = false;
	int rc = index_pairs_read(ix, &m->cursor, PAIRS_SLICE, add_pair, m, &done);
	if (!rc && done) {
		index_pair_cursor_free(&m->cursor);
		m->stage = LM_DONE;
	}
	return rc;
}

/* ---- the steps ---- */

static int step(list_meta *m, qindex *ix, const corpus *c)
{
	switch (m->stage) {
	case LM_ROWS:
		return ix ? step_rows(m, ix) : rows_done(m);
	case LM_HASH:
		return step_hash(m);
	case LM_ITEMS:
		return step_items(m, c);
	case LM_FORMS:
		if (ix)
			return step_forms(m, ix);
		m->stage = LM_DONE;
		return 0;
	case LM_PAIRS:
		return step_pairs(m, ix);
	default:
		return 0;
	}
}

int list_meta_step(list_meta *m, qindex *ix, const corpus *c, long budget_ns, enum lm_stage until)
{
	long t0 = now_ns();
	while (m->stage < LM_DONE && m->stage < until && (!budget_ns || now_ns() - t0 < budget_ns)) {
		int rc = step(m, ix, c);
		if (rc) {
			m->stage = LM_FAILED;
			m->error = rc;
		}
	}
	return m->stage == LM_FAILED ? m->error : 0;
}

/* ---- what the filter asks ---- */

int list_meta_mark_speaker(const list_meta *m, const char *folded, uint8_t *mark)
{
	if (m->stage != LM_DONE || !m->maxperson)
		return 0;
	uint8_t *want = calloc((size_t)m->maxperson + 1, 1);
	if (!want)
		return Q_ENOMEM;
	bool any = false;
	for (int64_t p = 1; p <= m->maxperson; p++)
		if (m->person_name[p] && strstr(m->text + m->person_name[p], folded))
			want[p] = 1, any = true;
	for (size_t k = 0; any && k < m->npairs; k++)
		if (want[m->pair_person[k]])
			mark[m->pair_row[k]] = 1;
	free(want);
	return 0;
}

void list_meta_mark_ids(const list_meta *m, const int64_t *ids, size_t n, uint8_t *mark)
{
	for (size_t k = 0; k < n; k++)
		if (ids[k] >= 0 && ids[k] <= m->maxid && m->row_of_id[ids[k]] != LM_NONE)
			mark[m->row_of_id[ids[k]]] = 1;
}

void list_meta_match_values(const list_meta *m, const char *folded, uint8_t *want)
{
	for (size_t v = 1; v < m->nvalues; v++)
		want[v] = m->values[v].folded && strstr(m->text + m->values[v].folded, folded);
}
