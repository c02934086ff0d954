/* corpus_decode: a piece of the stream into articles. JSON Lines records
 * are parsed with json-c (see the README for why that library). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "stream.h"
#include "stream_cut.h"
#include "text.h"

/* Objects nested deeper than this in a record are refused (json-c's stack). */
#define JSON_DEPTH 64

/* Fields read when the record has them, the first present of each list. */
#define DEFAULT_TEXT "text,maintext"
#define DEFAULT_TITLE "title"
#define URL_FIELDS "url"
#define DATE_FIELDS "date_publish,date,published"
#define SOURCE_FIELDS "source_domain,domain,source"

/* The first of the comma-separated names present in obj (not null):
 * its value and, in *name, where its name starts in list. */
static json_object *field(json_object *obj, const char *list, const char **name, size_t *namelen)
{
	for (const char *f = list; *f;) {
		size_t n = strcspn(f, ",");
		char key[128];
		if (n && n < sizeof key) {
			memcpy(key, f, n);
			key[n] = '\0';
			json_object *v;
			if (json_object_object_get_ex(obj, key, &v) && v) {
				*name = f;
				*namelen = n;
				return v;
			}
		}
		f += n + (f[n] == ',');
	}
	return NULL;
}

/* A metadata field as one display-safe line: strings as they are, numbers
 * and booleans as JSON writes them; NULL for anything else. */
static char *meta(json_object *obj, const char *list)
{
	const char *name;
	size_t n;
	json_object *v = field(obj, list, &name, &n);
	json_type t = v ? json_object_get_type(v) : json_type_null;
	if (t == json_type_null || t == json_type_object || t == json_type_array)
		return NULL;
	const char *s = t == json_type_string ? json_object_get_string(v) : json_object_to_json_string(v);
	size_t len = t == json_type_string ? (size_t)json_object_get_string_len(v) : strlen(s);
	char *out = NULL;
	size_t outlen;
	if (text_sanitize_line(s, len, &out, &outlen))
		return NULL;
	if (!outlen) {
		free(out);
		return NULL;
	}
	return out;
}

/* before, then a[0..alen) made display-safe, then after: a message */
static char *say(const char *before, const char *a, size_t alen, const char *after)
{
	char *safe = NULL, *out = NULL;
	size_t n;
	if (text_sanitize_line(a, alen, &safe, &n))
		return NULL;
	if (asprintf(&out, "%s%s%s", before, safe, after) < 0)
		out = NULL;
	free(safe);
	return out;
}

/* A parser kept past a record this long would keep its buffer too. */
#define DECODER_KEEP_MAX ((size_t)1 << 20)

struct corpus_decoder {
	json_tokener *tok;   /* NULL until a record needs it, and after a long one */
};

static json_tokener *tokener_new(void)
{
	json_tokener *tok = json_tokener_new_ex(JSON_DEPTH);
	if (tok)
		json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	return tok;
}

corpus_decoder *corpus_decoder_new(void)
{
	return calloc(1, sizeof(corpus_decoder));
}

void corpus_decoder_free(corpus_decoder *dec)
{
	if (dec && dec->tok)
		json_tokener_free(dec->tok);
	free(dec);
}

/* The parser for p: dec's (reset, and made first when it has none), or a
 * new one (*own) without dec. */
static json_tokener *tokener_for(corpus_decoder *dec, json_tokener **own)
{
	*own = NULL;
	if (!dec)
		return *own = tokener_new();
	if (dec->tok)
		json_tokener_reset(dec->tok);
	else
		dec->tok = tokener_new();
	return dec->tok;
}

/* Parses the record: the object, or NULL with *detail saying why. */
static json_object *parse(corpus_decoder *dec, const corpus_piece *p, char **detail)
{
	size_t lead = 0;
	if (p->len >= 3 && !memcmp(p->bytes, "\xEF\xBB\xBF", 3))
		lead = 3;   /* a byte-order mark, as editors on Windows begin a file */
	while (lead < p->len && (p->bytes[lead] == ' ' || p->bytes[lead] == '\t'))
		lead++;
	if (lead < p->len && p->bytes[lead] != '{') {   /* plain text: not json-c's "boolean expected" for a t */
		if (asprintf(detail, "not valid JSON Lines (not a JSON object), skipped") < 0)
			*detail = NULL;
		return NULL;
	}
	json_tokener *own, *tok = tokener_for(dec, &own);
	if (!tok)
		return NULL;
	json_object *obj = json_tokener_parse_ex(tok, p->bytes + lead, (int)(p->len - lead));
	enum json_tokener_error err = json_tokener_get_error(tok);
	size_t end = lead + json_tokener_get_parse_end(tok);
	if (own || p->len > DECODER_KEEP_MAX) {
		json_tokener_free(tok);
		if (dec)
			dec->tok = NULL;
	}
	while (obj && end < p->len && (p->bytes[end] == ' ' || p->bytes[end] == '\t'))
		end++;
	const char *why = !obj && err == json_tokener_continue ? "the line ends inside the JSON value"
	                : !obj ? json_tokener_error_desc(err)
	                : end < p->len ? "more after the JSON value"
	                : !json_object_is_type(obj, json_type_object) ? "not a JSON object" : NULL;
	if (why) {
		json_object_put(obj);
		if (asprintf(detail, "not valid JSON Lines (%s), skipped", why) < 0)
			*detail = NULL;
		return NULL;
	}
	return obj;
}

typedef struct meta_set {
	char *title, *url, *date, *source;
	uint64_t id;   /* the record's article id (0 unless asked for) */
} meta_set;

static void meta_free(meta_set *m)
{
	free(m->title);
	free(m->url);
	free(m->date);
	free(m->source);
}

/* One article made from display-safe text (taken), with the record's
 * metadata, handed to fn. */
static int give(const corpus_piece *p, char *text, size_t len, size_t offset, bool window, const meta_set *m,
                corpus_article_fn fn, void *ctx)
{
	doc *d = NULL;
	int rc = doc_from_safe(p->path, text, len, &d);
	if (rc == Q_EEMPTY && window)
		return 0;   /* a window of white space */
	if (rc)
		return rc;
	if (m->title) {
		char *t = strdup(m->title);
		if (t) {
			free(d->title);
			d->title = t;
		}
	}
	d->id = m->id;
	corpus_article a = { .doc = d, .piece = p, .offset = offset, .window = window,
	                     .url = m->url, .date = m->date, .source = m->source, .take = &d };
	rc = fn(ctx, &a);
	doc_free(d);
	return rc;
}

/* The text of a record, in windows when it is over CORPUS_BIG (unless
 * the caller holds it whole). */
static int give_text(const corpus_opts *o, const corpus_piece *p, const char *s, size_t n, const meta_set *m,
                     corpus_article_fn fn, void *ctx)
{
	size_t offset = 0;
	bool window = n > CORPUS_BIG && !o->whole;
	int rc = 0;
	while (n && !rc) {
		size_t take = window && n > CORPUS_WINDOW + CORPUS_WINDOW / 2 ? stream_cut(s, n, CORPUS_WINDOW) : n;
		char *text;
		size_t len;
		if ((rc = text_sanitize(s, take, &text, &len)))
			break;
		rc = give(p, text, len, offset, window, m, fn, ctx);
		offset += len;
		s += take;
		n -= take;
	}
	return rc;
}

static int decode_json(corpus_decoder *dec, const corpus_opts *o, const corpus_piece *p, corpus_article_fn fn,
                       void *ctx, char **detail)
{
	json_object *obj = parse(dec, p, detail);
	if (!obj)
		return Q_ESYNTAX;
	const char *fields = o->text_fields ? o->text_fields : DEFAULT_TEXT, *name;
	size_t namelen;
	json_object *text = field(obj, fields, &name, &namelen);
	int rc = 0;
	if (!text) {
		*detail = say("no text (no field ", fields, strlen(fields), "), skipped");
		rc = Q_ESYNTAX;
	} else if (!json_object_is_type(text, json_type_string)) {
		*detail = say("the field \"", name, namelen, "\" is not a string, skipped");
		rc = Q_ESYNTAX;
	}
	meta_set m = { 0 };
	if (!rc) {
		m.title = meta(obj, o->title_fields ? o->title_fields : DEFAULT_TITLE);
		m.url = meta(obj, URL_FIELDS);
		m.date = meta(obj, DATE_FIELDS);
		m.source = meta(obj, SOURCE_FIELDS);
		const char *s = json_object_get_string(text);
		size_t n = (size_t)json_object_get_string_len(text);
		/* the text as the record holds it, as a file's raw bytes name a text article */
		m.id = o->article_ids ? doc_article_id(s, n) : 0;
		rc = n ? give_text(o, p, s, n, &m, fn, ctx) : Q_EEMPTY;   /* "" gives no window to find it empty */
		if (rc == Q_EEMPTY)
			*detail = say("the field \"", name, namelen, "\" is empty, skipped");
	}
	meta_free(&m);
	json_object_put(obj);
	return rc;
}

/* A whole text article: its bytes become the text without a copy when
 * they are display-safe (the stream may know it already). */
static int text_doc(const corpus_opts *o, corpus_piece *p, doc **d)
{
	char *bytes = p->bytes;
	p->bytes = NULL;
	if (!p->safe)
		return doc_from_buffer(p->path, bytes, p->len, o->article_ids, d);
	uint64_t id = o->article_ids ? doc_article_id(bytes, p->len) : 0;   /* before the text is reflowed */
	int rc = doc_from_safe(p->path, bytes, p->len, d);
	if (!rc)
		(*d)->id = id;
	return rc;
}

int corpus_decode(const corpus_opts *o, corpus_piece *p, corpus_article_fn fn, void *ctx, char **detail)
{
	return corpus_decode_with(NULL, o, p, fn, ctx, detail);
}

int corpus_decode_with(corpus_decoder *dec, const corpus_opts *o, corpus_piece *p, corpus_article_fn fn, void *ctx,
                       char **detail)
{
	*detail = NULL;
	doc *d = NULL;
	int rc;
	switch (p->kind) {
	case PIECE_ERROR:
		if (p->detail && !(*detail = strdup(p->detail)))
			return Q_ENOMEM;
		return p->error;
	case PIECE_JSON:
		return decode_json(dec, o, p, fn, ctx, detail);
	case PIECE_TEXT:
		rc = text_doc(o, p, &d);
		break;
	case PIECE_WINDOW:
		rc = doc_from_safe(p->path, p->bytes, p->len, &d);
		p->bytes = NULL;
		if (rc == Q_EEMPTY)
			return 0;   /* a window of white space */
		break;
	default:
		return Q_EUSAGE;
	}
	if (rc)
		return rc;
	if (p->title) {
		free(d->title);
		d->title = p->title;
		p->title = NULL;
	}
	corpus_article a = { .doc = d, .piece = p, .offset = p->offset, .window = p->kind == PIECE_WINDOW, .take = &d };
	rc = fn(ctx, &a);
	doc_free(d);
	return rc;
}

char *corpus_where(const corpus_piece *p)
{
	char *raw = NULL, *out = NULL;
	int n = !p->article ? asprintf(&raw, "%s", p->path)
	      : p->jsonl ? asprintf(&raw, "%s:%zu", p->path, p->article)
	      : p->several ? asprintf(&raw, "%s #%zu", p->path, p->article)
	      : asprintf(&raw, "%s", p->path);
	size_t len;
	if (n < 0)
		return NULL;
	if (text_sanitize_line(raw, (size_t)n, &out, &len))
		out = NULL;
	free(raw);
	return out;
}
