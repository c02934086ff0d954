/* Reading the index: speakers and quotes across the corpus. */
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "strbuf.h"
#include "index_internal.h"

static char *col_dup(sqlite3_stmt *s, int col, bool *oom)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	if (!t)
		return NULL;
	char *c = strdup(t);
	if (!c)
		*oom = true;
	return c;
}

/* ---- persons ---- */

void index_persons_free(index_person *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		for (size_t k = 0; k < v[i].nforms; k++)
			free(v[i].forms[k]);
		free(v[i].forms);
	}
	free(v);
}

/* Adds the form of the row to p, the person of the row (its forms array
 * made for all of them, persons.nforms, at its first). */
static int add_form(sqlite3_stmt *s, index_person *p, size_t nforms)
{
	if (!p->forms && !(p->forms = calloc(nforms ? nforms : 1, sizeof *p->forms)))
		return Q_ENOMEM;
	if (p->nforms >= (nforms ? nforms : 1))
		return 0;   /* more forms than counted: the counts are being derived again */
	bool oom = false;
	char *f = col_dup(s, 5, &oom);
	if (f)
		p->forms[p->nforms++] = f;
	return oom ? Q_ENOMEM : 0;
}

int index_persons(qindex *ix, index_person **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	sqlite3_stmt *s = index_stmt(ix, ST_PERSONS);
	if (!s)
		return Q_EIO;
	index_person *v = NULL;
	size_t n = 0, cap = 0;
	int rc = SQLITE_OK, err = 0;
	while (!err && index_next_row(s, &rc)) {
		int64_t id = sqlite3_column_int64(s, 0);
		if (!n || v[n - 1].id != id) {
			if (GROW(v, cap, n + 1, 64)) {
				err = Q_ENOMEM;
				break;
			}
			bool oom = false;
			v[n] = (index_person){ .id = id, .name = col_dup(s, 1, &oom), .nquotes = (long)sqlite3_column_int64(s, 2),
			                       .narticles = (long)sqlite3_column_int64(s, 3) };
			if (oom || !v[n].name) {
				err = Q_ENOMEM;
				break;
			}
			n++;
		}
		err = add_form(s, &v[n - 1], (size_t)sqlite3_column_int64(s, 4));
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_reset(s);
	if (err) {
		index_persons_free(v, n);
		return err;
	}
	*out = v;
	*nout = n;
	return 0;
}

/* ---- the article list ---- */

static const char *col_text(sqlite3_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s, col);
}

int index_rows_read(qindex *ix, int64_t *after, size_t max, int (*fn)(void *ctx, const index_row *r), void *ctx,
                    bool *done)
{
	*done = false;
	sqlite3_stmt *s = index_stmt(ix, ST_LIST_ROWS);
	if (!s)
		return Q_EIO;
	sqlite3_bind_int64(s, 1, *after);
	sqlite3_bind_int64(s, 2, (int64_t)max);
	int rc = SQLITE_OK, err = 0;
	size_t n = 0;
	while (!err && index_next_row(s, &rc)) {
		index_row r = { sqlite3_column_int64(s, 0), col_text(s, 1), col_text(s, 2), col_text(s, 3),
		                col_text(s, 4), col_text(s, 5), (long)sqlite3_column_int64(s, 6) };
		if (!r.path) {
			err = Q_ENOMEM;   /* the column is NOT NULL: SQLite had no memory for it */
			break;
		}
		err = fn(ctx, &r);
		*after = r.id;
		n++;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_reset(s);
	*done = !err && n < max;
	return err;
}

int index_forms_read(qindex *ix, int (*fn)(void *ctx, const char *form, int64_t person, const char *name), void *ctx)
{
	sqlite3_stmt *s = index_stmt(ix, ST_LIST_FORMS);
	if (!s)
		return Q_EIO;
	int rc = SQLITE_OK, err = 0;
	while (!err && index_next_row(s, &rc)) {
		const char *form = col_text(s, 0), *name = col_text(s, 2);
		err = form && name ? fn(ctx, form, sqlite3_column_int64(s, 1), name) : Q_ENOMEM;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_reset(s);
	return err;
}

void index_pair_cursor_free(index_pair_cursor *c)
{
	free(c->form);
	c->form = NULL;
	c->article = 0;
}

/* Moves the cursor to the pair just given. */
static int pair_cursor_set(index_pair_cursor *c, const char *form, int64_t article)
{
	if (!c->form || strcmp(c->form, form)) {
		char *f = strdup(form);
		if (!f)
			return Q_ENOMEM;
		free(c->form);
		c->form = f;
	}
	c->article = article;
	return 0;
}

int index_pairs_read(qindex *ix, index_pair_cursor *c, size_t max,
                     int (*fn)(void *ctx, const char *form, int64_t article), void *ctx, bool *done)
{
	*done = false;
	sqlite3_stmt *s = index_stmt(ix, ST_LIST_PAIRS);
	if (!s)
		return Q_EIO;
	/* a copy: the cursor moves (and frees its form) while the query runs;
	 * a copy that found no memory would run the query from nothing */
	int rc = sqlite3_bind_text(s, 1, c->form ? c->form : "", -1, SQLITE_TRANSIENT), err = 0;
	sqlite3_bind_int64(s, 2, c->form ? c->article : INT64_MIN);
	sqlite3_bind_int64(s, 3, (int64_t)max);
	size_t n = 0;
	/* the quotes of one article by one form come in a row: one call */
	int64_t last = 0;
	bool any = false;
	while (!err && index_next_row(s, &rc)) {
		const char *form = col_text(s, 0);
		int64_t art = sqlite3_column_int64(s, 1);
		n++;
		/* NULL speakers fail the comparison: a NULL here is SQLite out of
		 * memory, as in index_forms_read, not a row to pass over */
		if (!form) {
			err = Q_ENOMEM;
			break;
		}
		if (any && art == last && !strcmp(form, c->form))
			continue;
		err = pair_cursor_set(c, form, art);
		if (!err)
			err = fn(ctx, form, art);
		last = art;
		any = true;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_reset(s);
	*done = !err && n < max;
	return err;
}

/* ---- words of the articles' text ---- */

/* True when w[0..len) is one character (a lead byte and its continuations). */
static bool one_char(const char *w, size_t len)
{
	size_t k = 1;
	while (k < len && ((unsigned char)w[k] & 0xC0) == 0x80)
		k++;
	return k == len;
}

/* The FTS5 query that wants every word of words, each as the start of a
 * word ("harb"* finds harbour) but a one-character word, which is searched
 * whole (as the start of a word it is nearly every article, and the
 * dearest query of all): each a string, its quotes doubled, so that no
 * word is read as an operator. NULL: no word (or no memory, *oom). */
static char *prefix_query(const char *words, bool *oom)
{
	strbuf b;
	sb_init(&b);
	for (const char *w = words; *w;) {
		w += strspn(w, " ");
		size_t len = strcspn(w, " ");
		if (!len)
			break;
		if (b.len)
			sb_putc(&b, ' ');
		sb_putc(&b, '"');
		for (size_t k = 0; k < len; k++) {
			if (w[k] == '"')
				sb_putc(&b, '"');
			sb_putc(&b, w[k]);
		}
		sb_puts(&b, one_char(w, len) ? "\"" : "\"*");
		w += len;
	}
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	char *q = sb_take(&b);
	*oom = !q;
	return q;
}

int index_id_cmp(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

static bool ascending(const int64_t *v, size_t n)
{
	for (size_t k = 1; k < n; k++)
		if (v[k - 1] >= v[k])
			return false;
	return true;
}

int index_text_articles(qindex *ix, const char *words, int64_t **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	bool oom = false;
	char *q = prefix_query(words, &oom);
	if (!q)
		return oom ? Q_ENOMEM : 0;
	sqlite3_stmt *s = NULL;
	/* no join with articles: a replaced article's row, still in article_fts,
	 * has an id no article has any more, and the join doubled the time */
	int rc = sqlite3_prepare_v2(ix->db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1", -1, &s, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	int64_t *v = NULL;
	size_t n = 0, cap = 0;
	while (!oom && index_next_row(s, &rc)) {
		if (GROW(v, cap, n + 1, 256))
			oom = true;
		else
			v[n++] = sqlite3_column_int64(s, 0);
	}
	rc = oom ? Q_ENOMEM : index_fail(ix, rc);
	sqlite3_finalize(s);
	free(q);
	if (rc) {
		free(v);
		return rc;
	}
	if (!ascending(v, n))   /* FTS5 gives its rows in order: mostly nothing to do */
		qsort(v, n, sizeof *v, index_id_cmp);
	*out = v;
	*nout = n;
	return 0;
}

/* ---- quotes across the corpus ---- */

void index_hits_free(index_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].strings);
	free(v);
}

/* The text columns of a hit, in the order of INDEX_HIT_COLUMNS. */
enum { HIT_PATH = 1, HIT_TITLE, HIT_LANG, HIT_DATE, HIT_SOURCE, HIT_TEXT, HIT_SPEAKER, HIT_NSTR = 7 };

/* Reads the row of s into h: its strings copied into one block, which h
 * owns (one allocation a row, not one a column). */
static void read_hit(sqlite3_stmt *s, index_hit *h, bool *oom)
{
	const char *col[HIT_NSTR];
	size_t len[HIT_NSTR], total = 0;
	for (int c = 0; c < HIT_NSTR; c++) {
		col[c] = (const char *)sqlite3_column_text(s, HIT_PATH + c);
		len[c] = col[c] ? (size_t)sqlite3_column_bytes(s, HIT_PATH + c) + 1 : 0;
		total += len[c];
	}
	char *mem = total ? malloc(total) : NULL, *str[HIT_NSTR] = { 0 };
	if (total && !mem)
		*oom = true;
	for (int c = 0, at = 0; mem && c < HIT_NSTR; c++)
		if (col[c]) {
			str[c] = memcpy(mem + at, col[c], len[c]);
			at += (int)len[c];
		}
	*h = (index_hit){
		.quote = sqlite3_column_int64(s, 0),
		.path = str[0], .title = str[1], .lang = str[2], .date = str[3], .source = str[4],
		.text = str[5], .speaker = str[6], .strings = mem,
		.qid = (uint64_t)sqlite3_column_int64(s, 8), .cid = (uint64_t)sqlite3_column_int64(s, 9),
		.start = (size_t)sqlite3_column_int64(s, 10), .end = (size_t)sqlite3_column_int64(s, 11),
		.confidence = sqlite3_column_double(s, 12),
		.group = sqlite3_column_int64(s, 13), .group_articles = (long)sqlite3_column_int64(s, 14),
	};
}

/* Runs a prepared query of hits (bound by the caller) into a new array. */
int index_read_hits(qindex *ix, sqlite3_stmt *s, index_hit **out, size_t *nout)
{
	index_hit *v = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(v, cap, n + 1, 64)) {
			oom = true;
			break;
		}
		read_hit(s, &v[n++], &oom);
	}
	rc = oom ? Q_ENOMEM : index_fail(ix, rc);
	if (rc) {
		index_hits_free(v, n);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

/* Runs the cached statement id, whose ?1 is a row and ?2 a limit (0:
 * all), gathering the rows (column 0) it gives. */
static int ids_of(qindex *ix, enum index_stmt id, int64_t row, size_t limit, int64_t **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	sqlite3_stmt *s = index_stmt(ix, id);
	if (!s)
		return Q_EIO;
	sqlite3_bind_int64(s, 1, row);
	sqlite3_bind_int64(s, 2, limit ? (int64_t)limit : -1);
	int64_t *v = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc = SQLITE_OK;
	while (!oom && index_next_row(s, &rc)) {
		if (GROW(v, cap, n + 1, 256))
			oom = true;
		else
			v[n++] = sqlite3_column_int64(s, 0);
	}
	rc = oom ? Q_ENOMEM : index_fail(ix, rc);
	sqlite3_reset(s);
	if (rc) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

int index_person_quote_ids(qindex *ix, int64_t person, size_t limit, int64_t **ids, size_t *n)
{
	return ids_of(ix, ST_PERSON_IDS, person, limit, ids, n);
}

int index_group_quote_ids(qindex *ix, int64_t group, size_t limit, int64_t **ids, size_t *n)
{
	return ids_of(ix, ST_GROUP_IDS, group, limit, ids, n);
}

int index_hits_by_ids(qindex *ix, const int64_t *ids, size_t n, index_hit *out)
{
	memset(out, 0, n * sizeof *out);
	int rc = 0;
	bool oom = false;
	for (size_t i = 0; !rc && !oom && i < n; i++) {
		sqlite3_stmt *s = index_stmt(ix, ST_HIT);
		if (!s) {
			rc = Q_EIO;
			break;
		}
		sqlite3_bind_int64(s, 1, ids[i]);
		int step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			read_hit(s, &out[i], &oom);   /* else gone since: left empty */
		else
			rc = index_fail(ix, step);
		sqlite3_reset(s);
	}
	if (oom)
		rc = Q_ENOMEM;
	if (rc) {
		for (size_t i = 0; i < n; i++)
			free(out[i].strings);
		memset(out, 0, n * sizeof *out);
	}
	return rc;
}

/* Runs the cached statement id of hits, whose ?1 is a row and ?2 a limit
 * (0: all), into a new array. */
static int hits_of(qindex *ix, enum index_stmt id, int64_t row, size_t limit, index_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = index_stmt(ix, id);
	if (!s)
		return Q_EIO;
	sqlite3_bind_int64(s, 1, row);
	sqlite3_bind_int64(s, 2, limit ? (int64_t)limit : -1);
	int rc = index_read_hits(ix, s, out, n);
	sqlite3_reset(s);
	return rc;
}

int index_person_quotes(qindex *ix, int64_t person, size_t limit, index_hit **out, size_t *n)
{
	return hits_of(ix, ST_PERSON_HITS, person, limit, out, n);
}

int index_group_quotes(qindex *ix, int64_t group, size_t limit, index_hit **out, size_t *n)
{
	return hits_of(ix, ST_GROUP_HITS, group, limit, out, n);
}
