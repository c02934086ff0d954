/* The derived tables: speaker forms merged into persons (names.h), and the
 * same quote across articles (samequote.h). Rebuilt whole after a run that
 * changed quotes, or when the merging options changed; both are a few
 * passes over the quotes. */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "error.h"
#include "grow.h"
#include "index_internal.h"
#include "names.h"


typedef struct form_row {
	char *form, *lang;
	long nquotes, narticles;
} form_row;

typedef struct form_set {
	form_row *v;
	size_t n, cap;
} form_set;

static void forms_free(form_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].form);
		free(s->v[i].lang);
	}
	free(s->v);
}

static char *col_dup(sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	return t ? strdup(t) : NULL;
}

static int read_forms(qindex *ix, form_set *fs)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(ix->db,
		"SELECT q.speaker, count(*), count(DISTINCT q.article), max(a.lang)"
		" FROM quotes q JOIN articles a ON a.id = q.article"
		" WHERE q.speaker IS NOT NULL GROUP BY q.speaker", -1, &s, NULL);
	while (index_next_row(s, &rc)) {
		if (GROW(fs->v, fs->cap, fs->n + 1, 256)) {
			rc = SQLITE_NOMEM;
			break;
		}
		form_row *f = &fs->v[fs->n];
		*f = (form_row){ col_dup(s, 0), col_dup(s, 3), (long)sqlite3_column_int64(s, 1),
		                 (long)sqlite3_column_int64(s, 2) };
		if (!f->form) {
			free(f->lang);
			rc = SQLITE_NOMEM;
			break;
		}
		fs->n++;
	}
	rc = index_fail(ix, rc);
	sqlite3_finalize(s);
	return rc;
}

/* Writes forms and persons: person ids are the index of the form that
 * shows the person, plus one. */
static int write_persons(qindex *ix, const form_set *fs, const size_t *person)
{
	long *nq = calloc(fs->n + 1, sizeof *nq), *na = calloc(fs->n + 1, sizeof *na);
	long *nf = calloc(fs->n + 1, sizeof *nf);
	sqlite3_stmt *f = NULL, *p = NULL;
	int rc = nq && na && nf ? 0 : Q_ENOMEM;
	if (!rc)
		rc = index_exec(ix, "DELETE FROM forms; DELETE FROM persons;");
	if (!rc)
		rc = index_fail(ix, sqlite3_prepare_v2(ix->db, "INSERT INTO forms(form, person, nquotes, narticles)"
		                                       " VALUES (?1, ?2, ?3, ?4)", -1, &f, NULL));
	for (size_t i = 0; !rc && i < fs->n; i++) {
		size_t r = person[i];
		nq[r] += fs->v[i].nquotes;
		na[r] += fs->v[i].narticles;
		nf[r]++;
		sqlite3_reset(f);
		sqlite3_bind_text(f, 1, fs->v[i].form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(f, 2, (int64_t)r + 1);
		sqlite3_bind_int64(f, 3, fs->v[i].nquotes);
		sqlite3_bind_int64(f, 4, fs->v[i].narticles);
		rc = index_fail(ix, sqlite3_step(f));
	}
	if (!rc)
		rc = index_fail(ix, sqlite3_prepare_v2(ix->db, "INSERT INTO persons(id, name, nquotes, narticles, nforms)"
		                                       " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &p, NULL));
	for (size_t r = 0; !rc && r < fs->n; r++) {
		if (!nf[r])
			continue;
		sqlite3_reset(p);
		sqlite3_bind_int64(p, 1, (int64_t)r + 1);
		sqlite3_bind_text(p, 2, fs->v[r].form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(p, 3, nq[r]);
		sqlite3_bind_int64(p, 4, na[r]);
		sqlite3_bind_int64(p, 5, nf[r]);
		rc = index_fail(ix, sqlite3_step(p));
	}
	/* an article may name one person by two forms: count it once */
	if (!rc)
		rc = index_exec(ix, "UPDATE persons SET narticles = (SELECT count(DISTINCT q.article)"
		                    " FROM forms f JOIN quotes q ON q.speaker = f.form WHERE f.person = persons.id)"
		                    " WHERE nforms > 1");
	sqlite3_finalize(f);
	sqlite3_finalize(p);
	free(nq);
	free(na);
	free(nf);
	return rc;
}

/* The forms from the memo of the quotes put (index_memo_forms), when it
 * holds them all: read_forms took a fifth of deriving, after a load. */
static int memo_forms(qindex *ix, form_set *fs)
{
	index_form_count *v;
	size_t n;
	int rc = index_memo_forms(ix, &v, &n);
	if (rc)
		return rc;
	if (!(fs->v = calloc(n + 1, sizeof *fs->v))) {
		index_form_counts_free(v, n);
		return Q_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		fs->v[i] = (form_row){ v[i].form, v[i].lang, v[i].nquotes, v[i].narticles };
	fs->n = fs->cap = n;
	free(v);   /* (its strings are the set's now) */
	return 0;
}

static int derive_persons(qindex *ix, const names_opts *no)
{
	form_set fs = { 0 };
	int rc = memo_forms(ix, &fs);
	if (rc == Q_ENOENT)
		rc = read_forms(ix, &fs);
	name_form *nf = rc ? NULL : calloc(fs.n + 1, sizeof *nf);
	size_t *person = rc ? NULL : calloc(fs.n + 1, sizeof *person);
	if (!rc && (!nf || !person))
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && i < fs.n; i++)
		nf[i] = (name_form){ fs.v[i].form, fs.v[i].lang, fs.v[i].nquotes };
	if (!rc)
		rc = names_merge(nf, fs.n, no, person);
	if (!rc)
		rc = write_persons(ix, &fs, person);
	free(nf);
	free(person);
	forms_free(&fs);
	return rc;
}

/* A hash of the merging options: when they change, persons are derived again. */
static int64_t names_hash(const names_opts *no)
{
	uint64_t h = no && !no->merge ? 1 : 2;
	for (size_t i = 0; no && i < no->napart; i++)
		h = h * 1000003u ^ doc_hash(no->apart[i], strlen(no->apart[i]));
	return (int64_t)(h >> 1);
}

bool index_derive_needed(qindex *ix, const names_opts *no)
{
	return index_is_stale(ix) || index_meta_int(ix, "names", -1) != names_hash(no);
}

int index_derive(qindex *ix, const names_opts *no)
{
	if (!index_derive_needed(ix, no))
		return 0;
	bool groups = index_is_stale(ix);
	int rc = index_begin(ix);
	if (!rc)
		rc = derive_persons(ix, no);
	if (!rc && groups)
		rc = index_derive_groups(ix);
	if (!rc)
		rc = index_meta_set_int(ix, "names", names_hash(no));
	if (!rc)
		rc = index_meta_set_int(ix, "derived", 1);
	if (!rc)
		rc = index_commit(ix);
	else
		index_rollback(ix);
	return rc;
}
