/* The tag store's interface: changes, queries, open and close. The table
 * is in tag_table.c, the names in tag_names.c, the journal in journal.c
 * (see tags_store.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "error.h"
#include "strbuf.h"
#include "tags_store.h"
#include "text.h"
#include "xdg.h"

bool tags_name_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > TAGS_NAME_MAX || !text_is_safe(name, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (name[i] == ' ' || name[i] == '\t' || name[i] == '\n' || name[i] == ',')
			return false;
	/* Non-ASCII white space (NBSP, ideographic space) would look like a space in a list. */
	static const char *const spaces[] = { "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003",
		"\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000" };
	for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++)
		if (strstr(name, spaces[i]))
			return false;
	return true;
}

int tags_flush(tags_store *s)
{
	if (!s->pending.len)
		return 0;
	return journal_flush(s);
}

/* Applies records built by a change to the table and queues them. */
static int commit(tags_store *s, strbuf *rec, size_t nrec)
{
	if (rec->failed) {
		sb_free(rec);
		return Q_ENOMEM;
	}
	if (rec->len) {
		int rc;
		size_t at = s->pending.len;
		sb_add(&s->pending, rec->s, rec->len);
		if (s->pending.failed) {
			sb_free(rec);
			return Q_ENOMEM;
		}
		s->npending += nrec;
		journal_replay(s, &s->st, rec->s, rec->len, false, &rc);
		if (rc) {
			s->pending.len = at;
			s->npending -= nrec;
			sb_free(rec);
			return rc;
		}
	}
	sb_free(rec);
	return tags_flush(s);
}

/* ---- public ---- */

static char *absolute_path(const char *p)
{
	if (!p || !*p || !strcmp(p, "-"))
		return strdup("");
	char *r = realpath(p, NULL);
	if (r || *p == '/')
		return r ? r : strdup(p);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return strdup(p);
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "%s/%s", cwd, p);
	return sb_take(&b);
}

/* Appends a q record when meta says something e does not. */
static int put_meta_if_new(strbuf *rec, size_t *nrec, const tag_ent *e, uint64_t art, uint64_t quote,
                           const tag_meta *meta, int64_t now)
{
	if (!meta)
		return 0;
	char *path = meta->path ? absolute_path(meta->path) : NULL;
	if (meta->path && !path)
		return Q_ENOMEM;
	const char *none = tag_table_empty;
	tag_entry m = e ? e->pub : (tag_entry){ .art = art, .quote = quote, .text = none, .speaker = none,
	                                        .title = none, .path = none };
	bool differs = !e;
	const char **field[] = { &m.text, &m.speaker, &m.title, &m.path };
	const char *given[] = { meta->text, meta->speaker, meta->title, path && *path ? path : NULL };
	for (int i = 0; i < 4; i++) {
		if (given[i] && strcmp(given[i], *field[i])) {
			*field[i] = given[i];
			differs = true;
		}
	}
	if (differs) {
		journal_put_meta(rec, &m, now);
		++*nrec;
	}
	free(path);
	return 0;
}

int tags_set(tags_store *s, uint64_t art, uint64_t quote, const char *tag, bool on, const tag_meta *meta)
{
	if (!tags_name_valid(tag))
		return Q_EUSAGE;
	const char *name;
	int rc = tag_names_intern(s, tag, strlen(tag), &name);
	if (rc)
		return rc;
	tag_ent *e = tag_table_find(&s->st, art, quote);
	int64_t now = (int64_t)time(NULL);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0;
	if (on || e) {
		rc = put_meta_if_new(&rec, &nrec, e, art, quote, meta, now);
		if (rc)
			return rc;
	}
	if ((e && tag_ent_has(&s->st, e, name)) != on) {
		journal_put_tag(&rec, on, art, quote, now, name);
		nrec++;
	}
	return commit(s, &rec, nrec);
}

int tags_toggle(tags_store *s, uint64_t art, uint64_t quote, const char *tag, const tag_meta *meta, bool *now_on)
{
	bool on = !tags_has(s, art, quote, tag);
	int rc = tags_set(s, art, quote, tag, on, meta);
	if (now_on)
		*now_on = tags_has(s, art, quote, tag);
	return rc;
}

int tags_clear(tags_store *s, uint64_t art, uint64_t quote)
{
	tag_ent *e = tag_table_find(&s->st, art, quote);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0;
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; e && i < e->pub.ntags; i++, nrec++)
		journal_put_tag(&rec, false, art, quote, now, e->pub.tags[i]);
	return commit(s, &rec, nrec);
}

int tags_set_speaker(tags_store *s, uint64_t art, uint64_t quote, const char *speaker, const tag_meta *meta)
{
	if (!speaker)
		speaker = "";
	size_t n = strlen(speaker);
	if (n > TAGS_SPEAKER_MAX || (n && !text_is_safe(speaker, n)) || memchr(speaker, '\n', n))
		return Q_EUSAGE;
	tag_ent *e = tag_table_find(&s->st, art, quote);
	if (!strcmp(e ? e->pub.user_speaker : "", speaker))
		return tags_flush(s);
	int64_t now = (int64_t)time(NULL);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0;
	int rc = put_meta_if_new(&rec, &nrec, e, art, quote, meta, now);
	if (rc)
		return rc;
	journal_put_speaker(&rec, art, quote, now, speaker);
	return commit(s, &rec, nrec + 1);
}

const char *tags_user_speaker(const tags_store *s, uint64_t art, uint64_t quote)
{
	const tag_ent *e = s ? tag_table_find(&s->st, art, quote) : NULL;
	return e && *e->pub.user_speaker ? e->pub.user_speaker : NULL;
}

const char *tags_speaker_or(const tags_store *s, uint64_t art, uint64_t quote, const char *found, bool *user)
{
	const char *mine = tags_user_speaker(s, art, quote);
	*user = mine != NULL;
	return mine ? mine : found;
}

tags_store *tags_open_corrections(void)
{
	tags_store *s = NULL;
	if (tags_open(NULL, &s, NULL))
		return NULL;
	for (size_t i = 0; i < s->st.n; i++)
		if (*s->st.ents[i].pub.user_speaker)
			return s;
	tags_close(s);
	return NULL;
}

const tag_entry *tags_get(const tags_store *s, uint64_t art, uint64_t quote)
{
	tag_ent *e = tag_table_find(&s->st, art, quote);
	return e ? &e->pub : NULL;
}

bool tags_has(const tags_store *s, uint64_t art, uint64_t quote, const char *tag)
{
	const tag_ent *e = tag_table_find(&s->st, art, quote);
	const char *name = e && tag ? tag_names_find(s, tag, strlen(tag)) : NULL;
	return name && tag_ent_has(&s->st, e, name);
}

size_t tags_count_article(const tags_store *s, uint64_t art)
{
	return tag_table_article_count(&s->st, art);
}

size_t tags_pending(const tags_store *s)
{
	return s->npending;
}

const char *tags_journal_path(const tags_store *s)
{
	return s->journal;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A filter made ready for quick answers: tag names interned (a name no
 * quote carries matches nothing), article ids and absolute paths sorted
 * for binary search, so a query over T tagged quotes and F files costs
 * (T + F) log F, not T times F. */
struct query {
	const char **tags;
	size_t ntags;
	uint64_t *arts;
	size_t narts;
	char **paths;
	size_t npaths;
	int orphans;
};

static void query_free(struct query *q)
{
	for (size_t i = 0; i < q->npaths; i++)
		free(q->paths[i]);
	free(q->paths);
	free(q->arts);
	free(q->tags);
}

static int query_prepare(const tags_store *s, const tags_filter *f, struct query *q)
{
	memset(q, 0, sizeof *q);
	q->orphans = f->orphans;
	q->tags = malloc((f->ntags + 1) * sizeof *q->tags);
	q->arts = malloc((f->narts + 1) * sizeof *q->arts);
	q->paths = calloc(f->npaths + 1, sizeof *q->paths);
	if (!q->tags || !q->arts || !q->paths)
		return Q_ENOMEM;
	for (size_t i = 0; i < f->ntags; i++) {
		const char *name = f->tags[i] ? tag_names_find(s, f->tags[i], strlen(f->tags[i])) : NULL;
		q->tags[q->ntags++] = name;   /* NULL matches no quote */
	}
	if (f->narts)
		memcpy(q->arts, f->arts, f->narts * sizeof *q->arts);
	q->narts = f->narts;
	qsort(q->arts, q->narts, sizeof *q->arts, cmp_u64);
	for (; q->npaths < f->npaths; q->npaths++)
		if (!(q->paths[q->npaths] = absolute_path(f->paths[q->npaths])))
			return Q_ENOMEM;
	qsort(q->paths, q->npaths, sizeof *q->paths, cmp_str);
	return 0;
}

static bool query_wants(const tags_store *s, const struct query *q, const tag_ent *ent)
{
	const tag_entry *e = &ent->pub;
	if (!e->ntags || (q->orphans > 0 && !e->orphaned) || (q->orphans < 0 && e->orphaned))
		return false;
	bool tagged = !q->ntags;
	for (size_t i = 0; !tagged && i < q->ntags; i++)
		tagged = q->tags[i] && tag_ent_has(&s->st, ent, q->tags[i]);
	if (!tagged)
		return false;
	if (!q->narts && !q->npaths)
		return true;
	return bsearch(&e->art, q->arts, q->narts, sizeof *q->arts, cmp_u64)
	    || (*e->path && bsearch(&e->path, q->paths, q->npaths, sizeof *q->paths, cmp_str));
}

static int by_title_art_seq(const void *a, const void *b)
{
	const tag_entry *x = *(const tag_entry *const *)a, *y = *(const tag_entry *const *)b;
	int c = strcmp(x->title, y->title);
	if (c)
		return c;
	if (x->art != y->art)
		return x->art < y->art ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int tags_query(const tags_store *s, const tags_filter *f, const tag_entry ***out, size_t *n)
{
	static const tags_filter all;
	struct query q;
	int rc = query_prepare(s, f ? f : &all, &q);
	const tag_entry **v = rc ? NULL : malloc((s->st.n ? s->st.n : 1) * sizeof *v);
	if (!rc && !v)
		rc = Q_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; !rc && i < s->st.n; i++)
		if (query_wants(s, &q, &s->st.ents[i]))
			v[k++] = &s->st.ents[i].pub;
	query_free(&q);
	if (rc)
		return rc;
	qsort(v, k, sizeof *v, by_title_art_seq);
	*out = v;
	*n = k;
	return 0;
}

int tags_names(const tags_store *s, const char ***names, size_t **counts, size_t *n)
{
	size_t *uses = calloc(s->nnames + 1, sizeof *uses);
	const char **v = malloc((s->nnames + 1) * sizeof *v);
	size_t *c = counts ? malloc((s->nnames + 1) * sizeof *c) : NULL;
	if (!uses || !v || (counts && !c)) {
		free(uses);
		free(v);
		free(c);
		return Q_ENOMEM;
	}
	for (size_t i = 0; i < s->st.n; i++) {
		const tag_entry *e = &s->st.ents[i].pub;
		for (size_t t = 0; t < e->ntags; t++)
			uses[tag_names_index(s, e->tags[t])]++;
	}
	size_t m = 0;
	for (size_t k = 0; k < s->nnames; k++)
		if (uses[k])
			v[m++] = s->names[k];
	qsort(v, m, sizeof *v, cmp_str);
	for (size_t i = 0; c && i < m; i++)
		c[i] = uses[tag_names_index(s, v[i])];
	if (counts)
		*counts = c;
	free(uses);
	*names = v;
	*n = m;
	return 0;
}

int tags_reconcile(tags_store *s, uint64_t art, const char *path, const uint64_t *quotes, size_t n,
                   size_t *norphans)
{
	char *where = absolute_path(path);
	uint64_t *ids = malloc((n ? n : 1) * sizeof *ids);
	if (!where || !ids) {
		free(where);
		free(ids);
		return Q_ENOMEM;
	}
	if (n)
		memcpy(ids, quotes, n * sizeof *ids);
	qsort(ids, n, sizeof *ids, cmp_u64);
	strbuf rec;
	sb_init(&rec);
	size_t nrec = 0, orphans = 0;
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; i < s->st.n; i++) {
		tag_entry *e = &s->st.ents[i].pub;
		bool here = e->art == art, moved = !here && *where && !strcmp(e->path, where);
		if (!e->ntags || (!here && !moved))
			continue;
		bool present = bsearch(&e->quote, ids, n, sizeof *ids, cmp_u64) != NULL;
		if (moved && present) {
			/* The file was edited and the quote is still in it: its tags follow it. */
			tag_entry m = *e;
			m.art = art;
			journal_put_meta(&rec, &m, now);
			for (size_t t = 0; t < e->ntags; t++) {
				journal_put_tag(&rec, true, art, e->quote, e->time, e->tags[t]);
				journal_put_tag(&rec, false, e->art, e->quote, now, e->tags[t]);
			}
			nrec += 1 + 2 * e->ntags;
			continue;
		}
		e->orphaned = !present;
		orphans += !present;
	}
	free(ids);
	free(where);
	if (norphans)
		*norphans = orphans;
	return commit(s, &rec, nrec);
}

int tags_sync(tags_store *s, char **warnings)
{
	if (warnings)
		*warnings = NULL;
	int rc = journal_sync(s);
	char *w = journal_take_warnings(s);
	if (warnings)
		*warnings = w;
	else
		free(w);
	return rc;
}

int tags_compact(tags_store *s)
{
	return journal_compact(s);
}

static void store_free(tags_store *s)
{
	tag_table_free(&s->st);
	tag_names_free(s);
	sb_free(&s->pending);
	journal_free(s);
	free(s->dir);
	free(s->journal);
	free(s->lockpath);
	free(s);
}

int tags_close(tags_store *s)
{
	if (!s)
		return 0;
	int rc = 0;
	if (s->dirty || s->pending.len) {
		rc = tags_compact(s);
		/* A failed rewrite leaves the journal whole: only unsaved records are a loss. */
		if (rc && !s->pending.len)
			rc = 0;
	}
	store_free(s);
	return rc;
}

const char *tags_error_file(const tags_store *s)
{
	return s->errfile ? s->errfile : s->journal;
}

/* The message of a failed open, naming the file: "PATH: cause". */
static char *open_error(const tags_store *s, int rc)
{
	strbuf b;
	sb_init(&b);
	if (s->errfile || s->journal)
		sb_printf(&b, "%s: ", tags_error_file(s));
	sb_puts(&b, error_message(rc));
	return sb_take(&b);
}

int tags_open(const char *dir, tags_store **out, char **warnings)
{
	if (warnings)
		*warnings = NULL;
	tags_store *s = calloc(1, sizeof *s);
	if (!s)
		return Q_ENOMEM;
	s->lockfd = -1;
	s->jfd = -1;
	int rc = dir ? ((s->dir = strdup(dir)) ? 0 : Q_ENOMEM) : xdg_quoth_dir(XDG_DATA, &s->dir);
	if (!rc) {
		strbuf b;
		sb_init(&b);
		sb_printf(&b, "%s/tags.journal", s->dir);
		s->journal = sb_take(&b);
		sb_printf(&b, "%s/tags.lock", s->dir);
		s->lockpath = sb_take(&b);
		rc = s->journal && s->lockpath ? 0 : Q_ENOMEM;
	}
	if (!rc)
		rc = journal_read_at_open(s);
	if (rc) {
		if (warnings && rc != Q_ENOMEM)
			*warnings = open_error(s, rc);
		store_free(s);
		return rc;
	}
	char *w = journal_take_warnings(s);
	if (warnings)
		*warnings = w;
	else
		free(w);
	*out = s;
	return 0;
}
