/* Importing quoth quotes --format=jsonl output into the index (json-c). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "error.h"
#include "grow.h"
#include "import.h"
#include "indexer.h"
#include "stream.h"
#include "walk.h"
#include "strbuf.h"
#include "doc.h"
#include "text.h"

/* A transaction every this many articles. */
#define IMPORT_BATCH 1000

/* The article being gathered: the lines of one file in a row. */
typedef struct pending {
	char *file;                    /* as written in the lines */
	char *title, *date, *source, *url;
	char lang[8];
	index_quote *q;
	size_t n, cap;
} pending;

/* Files already written by this import, for lines that come back later. */
typedef struct seen_set {
	char **v;
	size_t n, cap;               /* open addressing, cap a power of two */
} seen_set;

typedef struct importer {
	qindex *ix;
	const char *name;            /* of the input, for messages */
	long line;
	import_stats *st;
	import_error_fn err;
	void *ctx;
	pending p;
	seen_set seen;
	size_t batch;
	size_t took;                 /* records read */
	bool in_tx;
} importer;

static void quote_free(index_quote *q)
{
	free((char *)q->text);
	free((char *)q->speaker);
	free((char *)q->cue);
}

static void pending_clear(pending *p)
{
	for (size_t i = 0; i < p->n; i++)
		quote_free(&p->q[i]);
	free(p->q);
	free(p->file);
	free(p->title);
	free(p->date);
	free(p->source);
	free(p->url);
	memset(p, 0, sizeof *p);
}

static uint64_t str_hash(const char *s)
{
	return doc_hash(s, strlen(s));
}

static bool seen_has(const seen_set *s, const char *file)
{
	if (!s->cap)
		return false;
	for (size_t i = str_hash(file) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		if (!s->v[i])
			return false;
		if (!strcmp(s->v[i], file))
			return true;
	}
}

static int seen_add(seen_set *s, const char *file)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		char **v = calloc(cap, sizeof *v);
		if (!v)
			return Q_ENOMEM;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->v[i])
				continue;
			size_t j = str_hash(s->v[i]) & (cap - 1);
			while (v[j])
				j = (j + 1) & (cap - 1);
			v[j] = s->v[i];
		}
		free(s->v);
		s->v = v;
		s->cap = cap;
	}
	char *c = strdup(file);
	if (!c)
		return Q_ENOMEM;
	size_t j = str_hash(file) & (s->cap - 1);
	while (s->v[j])
		j = (j + 1) & (s->cap - 1);
	s->v[j] = c;
	s->n++;
	return 0;
}

static void seen_free(seen_set *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
}

static void bad_line(importer *im, const char *what)
{
	im->st->bad_lines++;
	if (im->err)
		im->err(im->ctx, im->name, im->line, what);
}

/* A string field as display-safe text (new string), NULL when absent or
 * null; *bad set when it is there but not a string. */
static char *safe_field(json_object *o, const char *key, bool *bad)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return NULL;
	if (!json_object_is_type(v, json_type_string)) {
		*bad = true;
		return NULL;
	}
	char *out = NULL;
	size_t n;
	if (text_sanitize_line(json_object_get_string(v), (size_t)json_object_get_string_len(v), &out, &n))
		*bad = true;
	return out;
}

static bool int_field(json_object *o, const char *key, int64_t *out)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
		return false;
	*out = json_object_get_int64(v);
	return *out >= 0;
}

static bool hex_id(const char *s, uint64_t *id)
{
	if (!s || strlen(s) != 16)
		return false;
	uint64_t v = 0;
	for (int i = 0; i < 16; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*id = v;
	return true;
}

/* ---- writing an article ---- */

static int tx_step(importer *im)
{
	int rc = 0;
	if (!im->in_tx && !(rc = index_begin(im->ix)))
		im->in_tx = true;
	return rc;
}

static int tx_commit(importer *im, bool force)
{
	if (!im->in_tx || (!force && im->batch < IMPORT_BATCH))
		return 0;
	im->in_tx = false;
	im->batch = 0;
	return index_commit(im->ix);
}

static int flush_article(importer *im)
{
	pending *p = &im->p;
	if (!p->file || !p->n) {   /* only bad lines: nothing to record */
		pending_clear(p);
		return 0;
	}
	int rc = tx_step(im);
	char *key = strchr(p->file, '#') && access(p->file, F_OK) != 0 ? NULL : indexer_key(p->file);
	struct stat st;
	bool here = key && stat(key, &st) == 0 && S_ISREG(st.st_mode);
	const char *path = here ? key : p->file;
	if (!rc && seen_has(&im->seen, path)) {
		rc = index_add_quotes(im->ix, path, p->q, p->n);
	} else if (!rc) {
		index_article a = {
			.path = path,
			.size = here ? (int64_t)st.st_size : 0,
			.mtime = here ? (int64_t)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec : 0,
			.title = p->title,
			.lang = p->lang[0] ? p->lang : NULL,
			.date = p->date, .source = p->source, .url = p->url,
			.imported = true,
		};
		rc = index_put(im->ix, &a, NULL, 0, p->q, p->n);
		if (!rc)
			rc = seen_add(&im->seen, path);
		if (!rc)
			im->st->articles++;
	}
	free(key);
	if (!rc) {
		im->st->quotes += p->n;
		im->batch++;
		rc = tx_commit(im, false);
	}
	pending_clear(p);
	return rc;
}

/* ---- reading a line ---- */

/* The key of a line's article: its file, and "#N" for the N-th article of a
 * file that holds several (quoth quotes gives "article" for a JSON Lines
 * dump or a form-feed file), so that they stay apart. Takes file. */
static char *article_key(json_object *o, char *file)
{
	int64_t n;
	if (!file || !int_field(o, "article", &n) || (n <= 1 && !walk_is_article_or_dump(file)) ||
	    (n <= 1 && walk_is_article(file)))
		return file;
	char *key = NULL;
	if (asprintf(&key, "%s#%lld", file, (long long)n) < 0)
		key = NULL;
	free(file);
	return key;
}

static int take_meta(pending *p, json_object *o, bool *bad)
{
	char **slot[] = { &p->title, &p->date, &p->source, &p->url };
	static const char *const key[] = { "title", "date", "source", "url" };
	for (size_t i = 0; i < sizeof key / sizeof *key; i++) {
		if (*slot[i])
			continue;
		*slot[i] = safe_field(o, key[i], bad);
	}
	char *lang = safe_field(o, "lang", bad);
	if (lang && !p->lang[0])
		snprintf(p->lang, sizeof p->lang, "%s", lang);
	free(lang);
	return 0;
}

static int add_quote(importer *im, json_object *o)
{
	bool bad = false;
	index_quote q = { 0 };
	int64_t start, end;
	char *id = safe_field(o, "id", &bad);
	q.text = safe_field(o, "text", &bad);
	q.speaker = safe_field(o, "speaker", &bad);
	q.cue = safe_field(o, "cue", &bad);
	json_object *c;
	if (json_object_object_get_ex(o, "confidence", &c) &&
	    (json_object_is_type(c, json_type_double) || json_object_is_type(c, json_type_int)))
		q.confidence = json_object_get_double(c);
	const char *what = NULL;
	if (bad)
		what = "a field that should be a string is not one";
	else if (!q.text)
		what = "no \"text\"";
	else if (!int_field(o, "start", &start) || !int_field(o, "end", &end) || end < start)
		what = "no \"start\" and \"end\" byte offsets";
	else if (!hex_id(id, &q.qid))
		what = "no \"id\" of 16 hex digits";
	free(id);
	if (what) {
		quote_free(&q);
		bad_line(im, what);
		return 0;
	}
	q.start = (size_t)start;
	q.end = (size_t)end;
	pending *p = &im->p;
	if (GROW(p->q, p->cap, p->n + 1, 16)) {
		quote_free(&q);
		return Q_ENOMEM;
	}
	p->q[p->n++] = q;
	bool bad_meta = false;
	take_meta(p, o, &bad_meta);
	return 0;
}

static int take_line(importer *im, json_tokener *tok, const char *s, size_t n)
{
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return 0;   /* a blank line */
	json_tokener_reset(tok);
	json_object *o = json_tokener_parse_ex(tok, s + i, (int)(n - i));
	enum json_tokener_error e = json_tokener_get_error(tok);
	if (!o || e != json_tokener_success || json_tokener_get_parse_end(tok) != n - i) {
		json_object_put(o);
		char what[128];
		snprintf(what, sizeof what, "not a JSON object (%s)", e == json_tokener_success ? "more after it" :
		         e == json_tokener_continue ? "it ends too soon" : json_tokener_error_desc(e));
		bad_line(im, what);
		return 0;
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		bad_line(im, "not a JSON object");
		return 0;
	}
	bool bad = false;
	char *file = article_key(o, safe_field(o, "file", &bad));
	int rc = 0;
	if (!file) {
		bad_line(im, "no \"file\"");
	} else {
		if (im->p.file && strcmp(im->p.file, file))
			rc = flush_article(im);
		if (!rc && !im->p.file) {
			im->p.file = file;
			file = NULL;
		}
		if (!rc)
			rc = add_quote(im, o);
	}
	free(file);
	json_object_put(o);
	return rc;
}

/* A piece of the input: a record taken, a line reported, or (a Q_* code,
 * *read_failed set) why the file cannot be read. */
static int take_piece(importer *im, json_tokener *tok, const corpus_piece *p, bool *read_failed)
{
	if (p->article) {
		im->line = (long)p->article;
		im->st->lines = p->article;
	}
	int rc = 0;
	if (p->kind == PIECE_JSON && !im->took++ && memchr(p->bytes, '\0', p->len))
		rc = Q_EBINARY;   /* one message, not one a line of it */
	else if (p->kind == PIECE_JSON)
		return take_line(im, tok, p->bytes, p->len);
	else if (p->kind == PIECE_ERROR && p->article && p->detail)
		bad_line(im, p->detail);   /* a line over CORPUS_LINE_MAX, or where gzip data was cut */
	else if (p->kind == PIECE_ERROR && p->error != Q_EEMPTY)   /* no quote found is no error */
		rc = p->error;
	*read_failed = rc != 0;
	return rc;
}

int import_jsonl(qindex *ix, const char *path, import_stats *st, import_error_fn err, void *ctx)
{
	memset(st, 0, sizeof *st);
	struct stat fs;
	if (strcmp(path, "-") && stat(path, &fs) == 0 && S_ISDIR(fs.st_mode))
		return Q_EISDIR;   /* the stream would walk it */
	/* the records as quoth quotes reads JSON Lines: gzip inflated, a device
	 * refused, a binary file said once, a line over CORPUS_LINE_MAX skipped;
	 * and a named pipe read (quoth quotes made on another machine, through
	 * ssh, say) */
	static const corpus_opts o = { .input = CORPUS_JSONL, .pipes = true };
	char *paths[] = { (char *)path };
	corpus_stream *s = NULL;
	json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
	int rc = tok ? corpus_open(&o, paths, 1, &s) : Q_ENOMEM;
	importer im = { .ix = ix, .name = path, .st = st, .err = err, .ctx = ctx };
	bool read_failed = false;
	corpus_piece p;
	int got = 0;
	while (!rc && (got = corpus_next(s, &p)) == 1) {
		rc = take_piece(&im, tok, &p, &read_failed);
		corpus_piece_free(&p);
	}
	if (!rc)
		rc = got;
	if (!rc)
		rc = flush_article(&im);
	if (!rc)
		rc = tx_commit(&im, true);
	else if (im.in_tx)
		index_rollback(ix);
	pending_clear(&im.p);
	seen_free(&im.seen);
	corpus_close(s);
	if (tok)
		json_tokener_free(tok);
	st->index_failed = rc && rc != Q_ENOMEM && !read_failed;
	return rc ? rc : st->bad_lines ? Q_ESYNTAX : 0;
}
