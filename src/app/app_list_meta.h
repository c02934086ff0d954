/* What the article list filters and sorts by, read from the corpus index
 * once and kept in flat arrays (one block of text, no allocation a row):
 * each article's title (folded, as the filter compares it), date, language, source and
 * number of quotes, the corpus item each is, and which persons each
 * article quotes. Read by slices in idle time (list_meta_step), so that a
 * key of the filter finds it there; a key that comes first finishes it. */
#ifndef QUOTH_APP_LIST_META_H
#define QUOTH_APP_LIST_META_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "corpus.h"
#include "index.h"

#define LM_NONE UINT32_MAX

/* How far the reading is: each stage needs the ones before. */
enum lm_stage { LM_ROWS, LM_HASH, LM_ITEMS, LM_FORMS, LM_PAIRS, LM_DONE, LM_FAILED };

typedef struct lm_row {
	int64_t id;
	uint32_t ftitle, date;          /* offsets in text (0: none); the title folded (it sorts by it too) */
	uint32_t lang, source;          /* values (0: none) */
	long nquotes;
} lm_row;

/* A value of a small set (a language, a source), kept once. */
typedef struct lm_value {
	uint32_t text, folded;          /* offsets in text (folded 0: blank) */
} lm_value;

typedef struct list_meta {
	enum lm_stage stage;
	size_t nitems;                  /* the corpus items it was made for */
	char *text;                     /* every string, each ends with a NUL; text[0] is "" */
	size_t ntext, captext;
	lm_row *rows;                   /* by id */
	size_t nrows, caprows;
	uint32_t *path;                 /* per row: its key (kept until LM_ITEMS ends) */
	uint32_t *row_of_id;            /* per id up to maxid: the row, or LM_NONE */
	int64_t maxid;
	uint32_t *slot;                 /* path hash table: rows + 1, 0 empty */
	size_t nslots;
	size_t hashed;                  /* rows in row_of_id and slot so far */
	lm_value *values;               /* [0] unused */
	size_t nvalues, capvalues;
	uint32_t *vslot;                /* value hash table: value index, 0 empty */
	size_t nvslots;
	uint32_t *item_row;             /* per corpus item: its row, or LM_NONE */
	uint32_t *item_ftitle;          /* per corpus item whose row has no folded title: its title as
	                                 * the corpus knows it (lm_item_title), folded */
	size_t items_done;
	/* persons: the folded name of each, by person id; the forms, by form */
	uint32_t *person_name;          /* offsets in text */
	int64_t maxperson;
	uint32_t *form, *form_person;   /* offsets in text; person ids */
	size_t nforms, capforms;
	/* each article a person is quoted in: (person, row) */
	uint32_t *pair_person, *pair_row;
	size_t npairs, cappairs;
	int64_t after;                  /* the last row read */
	index_pair_cursor cursor;
	size_t last_form;               /* the form of the last pair read */
	int error;                      /* why it failed (LM_FAILED) */
	bool without_index;             /* the index failed: titles only */
	/* kept for the list (app_list.c) */
	char last[PROMPT_MAX];          /* the filter its rows were made for */
	size_t *sorted;                 /* every item in the order sorted_by */
	int sorted_by;
} list_meta;

/* An empty table for n corpus items; NULL: no memory. */
list_meta *list_meta_new(size_t nitems);
void list_meta_free(list_meta *m);

/* Reads on until stage `until` is reached or passed, or for about
 * budget_ns when that comes first (0: no limit; a slice of rows is a few
 * milliseconds). Returns 0, or the Q_* code it failed with (then stage is
 * LM_FAILED and stays so). */
int list_meta_step(list_meta *m, qindex *ix, const corpus *c, long budget_ns, enum lm_stage until);

static inline const char *lm_text(const list_meta *m, uint32_t off)
{
	return off ? m->text + off : NULL;
}

/* The row of corpus item i, or NULL (not in the index, or not read yet). */
static inline const lm_row *lm_row_of(const list_meta *m, size_t i)
{
	if (!m || m->stage <= LM_ITEMS || m->stage == LM_FAILED || i >= m->nitems || m->item_row[i] == LM_NONE)
		return NULL;
	return &m->rows[m->item_row[i]];
}

/* Sets mark[r] for every row r of an article that quotes a person whose
 * folded name has folded in it. 0 or Q_ENOMEM. */
int list_meta_mark_speaker(const list_meta *m, const char *folded, uint8_t *mark);

/* The title of corpus item i as far as the corpus knows it (peeked, or
 * the file name). */
const char *lm_item_title(const corpus *c, size_t i);

/* Sets mark[r] for every row whose id is in ids. */
void list_meta_mark_ids(const list_meta *m, const int64_t *ids, size_t n, uint8_t *mark);

/* Sets want[v] for every value v whose folded text has folded in it. */
void list_meta_match_values(const list_meta *m, const char *folded, uint8_t *want);

#endif
