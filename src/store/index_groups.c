/* The same quote across articles: deriving groups and group_members from
 * the quotes (samequote.h), and reading them. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "index_internal.h"
#include "samequote.h"

typedef struct member {
	size_t group;            /* the smallest quote number of its group */
	int64_t article;
	int64_t quote;           /* its row */
	int64_t start;           /* its place in the article */
	int64_t grp;             /* its group's row, once the group is kept */
	size_t at;               /* its place in the members in the order of their quotes */
	bool kept;               /* its group is kept */
} member;

typedef struct quote_rows {
	int64_t *quote, *article, *start;
	size_t n, cap_q, cap_a, cap_s;
} quote_rows;

static void rows_free(quote_rows *r)
{
	free(r->quote);
	free(r->article);
	free(r->start);
	memset(r, 0, sizeof *r);
}

static int rows_add(quote_rows *r, int64_t quote, int64_t article, int64_t start)
{
	if (GROW(r->quote, r->cap_q, r->n + 1, 4096) || GROW(r->article, r->cap_a, r->n + 1, 4096) ||
	    GROW(r->start, r->cap_s, r->n + 1, 4096))
		return Q_ENOMEM;
	r->quote[r->n] = quote;
	r->article[r->n] = article;
	r->start[r->n] = start;
	r->n++;
	return 0;
}

/* Every quote, with its language, into the grouper; rows in the same order. */
static int read_quotes(qindex *ix, samequote *sq, quote_rows *r)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db, "SELECT q.id, q.article, a.lang, q.text, q.start FROM quotes q"
	                                    " JOIN articles a ON a.id = q.article ORDER BY q.id", -1, &s, NULL);
	int err = 0;
	while (!err && index_next_row(s, &rc)) {
		err = rows_add(r, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 4));
		const char *text = (const char *)sqlite3_column_text(s, 3);
		if (!err)
			err = samequote_add(sq, text ? text : "", (size_t)sqlite3_column_bytes(s, 3),
			                    (const char *)sqlite3_column_text(s, 2));
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_finalize(s);
	return err;
}

/* ---- following the quotes as they are put ---- */

/* A speaker form of the quotes put, counted as index_derive counts it
 * from the file (read_forms). */
typedef struct form_acc {
	char *form, *lang;
	long nquotes, narticles;
	int64_t last_article;    /* an article's quotes are put together: a new one counts */
} form_acc;

struct group_memo {
	samequote *sq;           /* the quotes put, in the order of their rows */
	quote_rows r;
	int64_t version;         /* PRAGMA data_version when it started */
	/* the forms, and a table of their places + 1 (at most half full) */
	form_acc *forms;
	size_t nforms, cap_forms;
	uint32_t *slot;
	size_t nslots;
	bool forms_lost;         /* counted from the file instead */
};

static int64_t pragma_int(qindex *ix, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int64_t v = -1;
	if (sqlite3_prepare_v2(ix->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void forms_acc_free(group_memo *m)
{
	for (size_t i = 0; i < m->nforms; i++) {
		free(m->forms[i].form);
		free(m->forms[i].lang);
	}
	free(m->forms);
	free(m->slot);
	m->forms = NULL;
	m->slot = NULL;
	m->nforms = m->cap_forms = m->nslots = 0;
}

void index_memo_drop(qindex *ix)
{
	group_memo *m = ix->memo;
	if (!m)
		return;
	samequote_free(m->sq);
	rows_free(&m->r);
	forms_acc_free(m);
	free(m);
	ix->memo = NULL;
}

int index_groups_follow(qindex *ix)
{
	index_memo_drop(ix);
	/* the version first: a write by another process after it is seen at
	 * the next transaction (index_memo_check) */
	int64_t v = pragma_int(ix, "PRAGMA data_version");
	if (v < 0 || pragma_int(ix, "SELECT EXISTS (SELECT 1 FROM quotes)") != 0)
		return 0;
	group_memo *m = calloc(1, sizeof *m);
	if (!m || !(m->sq = samequote_new())) {
		free(m);
		return Q_ENOMEM;
	}
	m->version = v;
	ix->memo = m;
	return 0;
}

void index_memo_check(qindex *ix)
{
	if (ix->memo && pragma_int(ix, "PRAGMA data_version") != ix->memo->version)
		index_memo_drop(ix);
}

static uint64_t form_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h ^ (h >> 29);
}

static size_t form_slot(const group_memo *m, const char *form)
{
	size_t mask = m->nslots - 1, k = (size_t)form_hash(form) & mask;
	while (m->slot[k] && strcmp(m->forms[m->slot[k] - 1].form, form))
		k = (k + 1) & mask;
	return k;
}

static int forms_grow(group_memo *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 256;
	uint32_t *old = m->slot;
	if (!(m->slot = calloc(n, sizeof *m->slot))) {
		m->slot = old;
		return Q_ENOMEM;
	}
	free(old);
	m->nslots = n;
	for (size_t i = 0; i < m->nforms; i++)
		m->slot[form_slot(m, m->forms[i].form)] = (uint32_t)i + 1;
	return 0;
}

/* Counts a quote of form in article (of language lang, or NULL). */
static int form_count(group_memo *m, const char *form, int64_t article, const char *lang)
{
	if (2 * (m->nforms + 1) > m->nslots && forms_grow(m))
		return Q_ENOMEM;
	size_t k = form_slot(m, form);
	form_acc *f;
	if (m->slot[k]) {
		f = &m->forms[m->slot[k] - 1];
		f->nquotes++;
		if (f->last_article != article)
			f->narticles++;
		f->last_article = article;
	} else {
		if (m->nforms >= UINT32_MAX - 1 || GROW(m->forms, m->cap_forms, m->nforms + 1, 64))
			return Q_ENOMEM;
		f = &m->forms[m->nforms];
		*f = (form_acc){ strdup(form), NULL, 1, 1, article };
		if (!f->form)
			return Q_ENOMEM;
		m->slot[k] = (uint32_t)++m->nforms;
	}
	if (lang && (!f->lang || strcmp(lang, f->lang) > 0)) {   /* SQL's max */
		char *l = strdup(lang);
		if (!l)
			return Q_ENOMEM;
		free(f->lang);
		f->lang = l;
	}
	return 0;
}

void index_memo_add(qindex *ix, int64_t quote, int64_t article, int64_t start, const char *lang, bool more,
                    const index_quote *q)
{
	group_memo *m = ix->memo;
	if (!m)
		return;
	/* the file's order of the rows, which read_quotes follows */
	bool in_order = !m->r.n || quote > m->r.quote[m->r.n - 1];
	if (!q->paired || !in_order || rows_add(&m->r, quote, article, start) ||
	    samequote_add_pairs(m->sq, q->pairs, q->npairs)) {
		index_memo_drop(ix);
		return;
	}
	if (!m->forms_lost && (more || (q->speaker && form_count(m, q->speaker, article, lang)))) {
		m->forms_lost = true;
		forms_acc_free(m);
	}
}

void index_form_counts_free(index_form_count *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].form);
		free(v[i].lang);
	}
	free(v);
}

static int cmp_form(const void *a, const void *b)
{
	return strcmp(((const index_form_count *)a)->form, ((const index_form_count *)b)->form);
}

int index_memo_forms(qindex *ix, index_form_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	group_memo *m = ix->memo;
	if (!m || m->forms_lost || (int64_t)m->r.n != pragma_int(ix, "SELECT count(*) FROM quotes"))
		return Q_ENOENT;
	index_form_count *v = calloc(m->nforms + 1, sizeof *v);
	if (!v)
		return Q_ENOMEM;
	for (size_t i = 0; i < m->nforms; i++) {
		const form_acc *f = &m->forms[i];
		v[i] = (index_form_count){ strdup(f->form), f->lang ? strdup(f->lang) : NULL, f->nquotes, f->narticles };
		if (!v[i].form || (f->lang && !v[i].lang)) {
			index_form_counts_free(v, i + 1);
			return Q_ENOMEM;
		}
	}
	/* (as the bytes: SQLite's BINARY order of the GROUP BY) */
	qsort(v, m->nforms, sizeof *v, cmp_form);
	*out = v;
	*n = m->nforms;
	return 0;
}

static int cmp_member(const void *a, const void *b)
{
	const member *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->article != y->article)
		return x->article < y->article ? -1 : 1;
	return (x->quote > y->quote) - (x->quote < y->quote);
}

/* The members m[0..n) (in the order of their quotes, their groups below
 * nrows) in cmp_member's order, into *out: by group, counted, each group's
 * members then in the order of their quotes, which is that of their
 * articles but where a quote was added to an older article (those groups
 * are sorted). qsort of every member took a tenth of the derive at its
 * end, on the writer alone. */
static int by_group(const member *m, size_t n, size_t nrows, member **out)
{
	size_t *first = calloc(nrows + 1, sizeof *first);
	member *v = malloc(n * sizeof *v);
	if (!first || !v) {
		free(first);
		free(v);
		return Q_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		first[m[i].group + 1]++;
	for (size_t g = 0; g < nrows; g++)
		first[g + 1] += first[g];
	for (size_t i = 0; i < n; i++)
		v[first[m[i].group]++] = m[i];
	free(first);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		bool sorted = true;
		for (; j < n && v[j].group == v[i].group; j++)
			sorted = sorted && v[j].article >= v[j - 1].article;
		if (!sorted)
			qsort(v + i, j - i, sizeof *v, cmp_member);
		i = j;
	}
	*out = v;
	return 0;
}

/* Rows of group_members one INSERT writes (its statement made once a
 * call, the last rows by one of their own). */
#define MEMBERS_PER_INSERT 32

static int members_insert(qindex *ix, size_t rows, sqlite3_stmt **s)
{
	char sql[64 + MEMBERS_PER_INSERT * 20];
	int at = snprintf(sql, sizeof sql, "INSERT INTO group_members(quote, grp, article, start) VALUES ");
	for (size_t r = 0; r < rows; r++)
		at += snprintf(sql + at, sizeof sql - (size_t)at, "%s(?,?,?,?)", r ? "," : "");
	*s = NULL;
	return index_fail(ix, sqlite3_prepare_v2(ix->db, sql, -1, s, NULL));
}

/* The members of the groups kept (m in the order of their quotes, those of
 * other groups dropped): the rows of group_members go in at the end of its
 * table, not each in the middle; many rows a statement, which costs a
 * statement's setting up once for them. */
static int write_members(qindex *ix, member *m, size_t n)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].kept)
			m[kept++] = m[i];
	n = kept;
	sqlite3_stmt *full = NULL, *s = NULL;
	int rc = n >= MEMBERS_PER_INSERT ? members_insert(ix, MEMBERS_PER_INSERT, &full) : 0;
	for (size_t k = 0; !rc && k < n;) {
		size_t rows = n - k < MEMBERS_PER_INSERT ? n - k : MEMBERS_PER_INSERT;
		s = full;
		if (rows < MEMBERS_PER_INSERT && (rc = members_insert(ix, rows, &s)))
			break;
		sqlite3_reset(s);
		for (size_t r = 0; r < rows; r++, k++) {
			int c = (int)r * 4;
			sqlite3_bind_int64(s, c + 1, m[k].quote);
			sqlite3_bind_int64(s, c + 2, m[k].grp);
			sqlite3_bind_int64(s, c + 3, m[k].article);
			sqlite3_bind_int64(s, c + 4, m[k].start);
		}
		rc = index_fail(ix, sqlite3_step(s));
		if (s != full)
			sqlite3_finalize(s);
	}
	sqlite3_finalize(full);
	return rc;
}

/* Writes the groups of members (m sorted by group, then article; q the
 * same in the order of their quotes) that span two articles or more, and
 * then their members. */
static int write_groups(qindex *ix, const member *m, size_t n, member *q)
{
	sqlite3_stmt *g = NULL;
	int rc = index_fail(ix, sqlite3_prepare_v2(ix->db, "INSERT INTO groups(id, lang, nquotes, narticles)"
	                                           " SELECT ?1, a.lang, ?2, ?3 FROM quotes q JOIN articles a"
	                                           " ON a.id = q.article WHERE q.id = ?1", -1, &g, NULL));
	for (size_t i = 0; !rc && i < n;) {
		size_t j = i, articles = 0;
		for (; j < n && m[j].group == m[i].group; j++)
			if (j == i || m[j].article != m[j - 1].article)
				articles++;
		if (articles >= 2) {
			int64_t id = m[i].quote;   /* the group is named by its first quote */
			for (size_t k = i + 1; k < j; k++)
				id = m[k].quote < id ? m[k].quote : id;
			sqlite3_reset(g);
			sqlite3_bind_int64(g, 1, id);
			sqlite3_bind_int64(g, 2, (int64_t)(j - i));
			sqlite3_bind_int64(g, 3, (int64_t)articles);
			rc = index_fail(ix, sqlite3_step(g));
			for (size_t k = i; k < j; k++) {
				q[m[k].at].grp = id;
				q[m[k].at].kept = true;
			}
		}
		i = j;
	}
	sqlite3_finalize(g);
	return rc ? rc : write_members(ix, q, n);
}

/* The groups of the quotes in sq (rows r, in the same order) written. */
static int group_rows(qindex *ix, samequote *sq, const quote_rows *r)
{
	size_t *group = NULL;
	member *m = NULL;
	int rc = 0;
	if (r->n) {
		group = malloc(r->n * sizeof *group);
		m = malloc(r->n * sizeof *m);
		rc = group && m ? samequote_group(sq, group) : Q_ENOMEM;
	}
	size_t nm = 0;
	if (!rc && r->n) {
		/* a quote is in a group when another one points to it or it points to another */
		bool *grouped = calloc(r->n, sizeof *grouped);
		if (!grouped)
			rc = Q_ENOMEM;
		for (size_t i = 0; !rc && i < r->n; i++)
			if (group[i] != i)
				grouped[i] = grouped[group[i]] = true;
		for (size_t i = 0; !rc && i < r->n; i++)
			if (grouped[i]) {
				m[nm] = (member){ group[i], r->article[i], r->quote[i], r->start[i], 0, nm, false };
				nm++;
			}
		free(grouped);
	}
	member *sorted = NULL;
	if (!rc && nm)   /* (the rows, so m, are in the order of their quotes) */
		rc = by_group(m, nm, r->n, &sorted);
	if (!rc && nm)
		rc = write_groups(ix, sorted, nm, m);
	free(sorted);
	free(m);
	free(group);
	return rc;
}

int index_derive_groups(qindex *ix)
{
	int rc = index_exec(ix, "DELETE FROM group_members; DELETE FROM groups; DROP INDEX group_members_grp;");
	group_memo *memo = ix->memo;
	ix->memo = NULL;
	/* the memo, when it still holds every quote of the file */
	if (!rc && memo && (int64_t)memo->r.n == pragma_int(ix, "SELECT count(*) FROM quotes"))
		rc = group_rows(ix, memo->sq, &memo->r);
	else if (!rc) {
		samequote *sq = samequote_new();
		quote_rows r = { 0 };
		rc = sq ? read_quotes(ix, sq, &r) : Q_ENOMEM;
		if (!rc)
			rc = group_rows(ix, sq, &r);
		rows_free(&r);
		samequote_free(sq);
	}
	ix->memo = memo;
	index_memo_drop(ix);
	if (!rc)
		rc = index_exec(ix, "CREATE INDEX group_members_grp ON group_members(grp, article, start);");
	return rc;
}

/* ---- reading ---- */

void index_groups_free(index_group *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].lang);
	free(v);
}

int index_groups(qindex *ix, long min_articles, const char *match, index_group **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	sqlite3_stmt *s = NULL;
	const char *sql = match ?
		"SELECT id, lang, nquotes, narticles FROM groups WHERE narticles >= ?1 AND id IN"
		" (SELECT m.grp FROM quote_fts f JOIN group_members m ON m.quote = f.rowid WHERE quote_fts MATCH ?2)"
		" ORDER BY narticles DESC, nquotes DESC, id" :
		"SELECT id, lang, nquotes, narticles FROM groups WHERE narticles >= ?1"
		" ORDER BY narticles DESC, nquotes DESC, id";
	int rc = sqlite3_prepare_v2(ix->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, min_articles);
		if (match)
			sqlite3_bind_text(s, 2, match, -1, SQLITE_STATIC);
	}
	index_group *v = NULL;
	size_t n = 0, cap = 0;
	int err = 0;
	while (!err && index_next_row(s, &rc)) {
		if (GROW(v, cap, n + 1, 64)) {
			err = Q_ENOMEM;
			break;
		}
		const char *lang = (const char *)sqlite3_column_text(s, 1);
		v[n] = (index_group){ sqlite3_column_int64(s, 0), lang ? strdup(lang) : NULL,
		                      (long)sqlite3_column_int64(s, 2), (long)sqlite3_column_int64(s, 3) };
		n++;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_finalize(s);
	if (err) {
		index_groups_free(v, n);
		return err;
	}
	*out = v;
	*nout = n;
	return 0;
}

int index_article_quotes(qindex *ix, const char *path, index_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = index_stmt(ix, ST_ARTICLE_QUOTES);
	if (!s)
		return Q_EIO;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	int rc = index_read_hits(ix, s, out, n);
	sqlite3_reset(s);
	return rc;
}
