/* The same quote across articles: deriving groups and group_members from
 * the quotes (samequote.h), and reading them. */
#include <stdbool.h>
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
} member;

typedef struct quote_rows {
	int64_t *quote, *article, *start;
	size_t n, cap_q, cap_a, cap_s;
} quote_rows;

/* Every quote, with its language, into the grouper; rows in the same order. */
static int read_quotes(qindex *ix, samequote *sq, quote_rows *r)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db, "SELECT q.id, q.article, a.lang, q.text, q.start FROM quotes q"
	                                    " JOIN articles a ON a.id = q.article ORDER BY q.id", -1, &s, NULL);
	int err = 0;
	while (!err && index_next_row(s, &rc)) {
		if (GROW(r->quote, r->cap_q, r->n + 1, 4096) || GROW(r->article, r->cap_a, r->n + 1, 4096) ||
		    GROW(r->start, r->cap_s, r->n + 1, 4096)) {
			err = Q_ENOMEM;
			break;
		}
		r->quote[r->n] = sqlite3_column_int64(s, 0);
		r->article[r->n] = sqlite3_column_int64(s, 1);
		r->start[r->n] = sqlite3_column_int64(s, 4);
		const char *text = (const char *)sqlite3_column_text(s, 3);
		err = samequote_add(sq, text ? text : "", (size_t)sqlite3_column_bytes(s, 3),
		                    (const char *)sqlite3_column_text(s, 2));
		r->n++;
	}
	if (!err)
		err = index_fail(ix, rc);
	sqlite3_finalize(s);
	return err;
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

/* Writes the groups of members (sorted by group, then article) that span
 * two articles or more. */
static int write_groups(qindex *ix, const member *m, size_t n)
{
	sqlite3_stmt *g = NULL, *gm = NULL;
	int rc = index_fail(ix, sqlite3_prepare_v2(ix->db, "INSERT INTO groups(id, lang, nquotes, narticles)"
	                                           " SELECT ?1, a.lang, ?2, ?3 FROM quotes q JOIN articles a"
	                                           " ON a.id = q.article WHERE q.id = ?1", -1, &g, NULL));
	if (!rc)
		rc = index_fail(ix, sqlite3_prepare_v2(ix->db, "INSERT INTO group_members(quote, grp, article, start)"
		                                       " VALUES (?1, ?2, ?3, ?4)",
		                                       -1, &gm, NULL));
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
			for (size_t k = i; !rc && k < j; k++) {
				sqlite3_reset(gm);
				sqlite3_bind_int64(gm, 1, m[k].quote);
				sqlite3_bind_int64(gm, 2, id);
				sqlite3_bind_int64(gm, 3, m[k].article);
				sqlite3_bind_int64(gm, 4, m[k].start);
				rc = index_fail(ix, sqlite3_step(gm));
			}
		}
		i = j;
	}
	sqlite3_finalize(g);
	sqlite3_finalize(gm);
	return rc;
}

int index_derive_groups(qindex *ix)
{
	int rc = index_exec(ix, "DELETE FROM group_members; DELETE FROM groups;");
	samequote *sq = rc ? NULL : samequote_new();
	quote_rows r = { 0 };
	size_t *group = NULL;
	member *m = NULL;
	if (!rc && !sq)
		rc = Q_ENOMEM;
	if (!rc)
		rc = read_quotes(ix, sq, &r);
	if (!rc && r.n) {
		group = malloc(r.n * sizeof *group);
		m = malloc(r.n * sizeof *m);
		rc = group && m ? samequote_group(sq, group) : Q_ENOMEM;
	}
	size_t nm = 0;
	if (!rc && r.n) {
		/* a quote is in a group when another one points to it or it points to another */
		bool *grouped = calloc(r.n, sizeof *grouped);
		if (!grouped)
			rc = Q_ENOMEM;
		for (size_t i = 0; !rc && i < r.n; i++)
			if (group[i] != i)
				grouped[i] = grouped[group[i]] = true;
		for (size_t i = 0; !rc && i < r.n; i++)
			if (grouped[i])
				m[nm++] = (member){ group[i], r.article[i], r.quote[i], r.start[i] };
		free(grouped);
	}
	if (!rc && nm) {
		qsort(m, nm, sizeof *m, cmp_member);
		rc = write_groups(ix, m, nm);
	}
	free(m);
	free(group);
	free(r.quote);
	free(r.article);
	free(r.start);
	samequote_free(sq);
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
