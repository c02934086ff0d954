/* quoth quotes: the quotations of each article and who said them, as text,
 * TSV or JSON Lines, over a whole corpus: the articles stream in
 * (stream.h), are extracted on --jobs threads and printed in input order
 * (omap.h), each record as soon as its article is done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "args.h"
#include "cmd.h"
#include "config.h"
#include "corpus_run.h"
#include "error.h"
#include "model.h"
#include "quotes.h"
#include "strbuf.h"
#include "stream.h"
#include "tags.h"
#include "text.h"
#include "warnings.h"

static const char tsv_header[] = "file\tstart\tend\tspeaker\tcue\tconfidence\tid\ttext\tarticle\ttitle\turl\tdate\tsource\n";

/* What every article's records need: the options, read-only on every thread. */
typedef struct quotes_ctx {
	const quotes_args *a;
	quotes_opts qo;
	const tags_store *corrections;   /* speakers the user corrected in the reader; NULL: none */
} quotes_ctx;

/* ---- records -------------------------------------------------------------------- */

/* One article's records. What every record of the article repeats (its
 * file, title, URL...) is formatted once, as the head and the tail that
 * stand before and after the quote's own fields. */
typedef struct article_ctx {
	const corpus_article *a;
	const quote_list *l;
	strbuf *out;
	const tags_store *corrections;
	strbuf head, tail;
} article_ctx;

/* Who said q: the user's correction (*user) when there is one. */
static const char *speaker_of(const article_ctx *c, const quote *q, bool *user)
{
	return tags_speaker_or(c->corrections, c->a->doc->id, q->id, q->speaker, user);
}

/* Numbers without printf: formatting took a tenth of the time of a run. */
static void put_uint(strbuf *b, size_t v)
{
	char buf[24], *p = buf + sizeof buf;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10));
	sb_add(b, p, (size_t)(buf + sizeof buf - p));
}

/* A confidence in [0, 1] with two decimals, rounded as printf's %.2f does:
 * a float times 100 is exact in a double, so the tie test is exact too. */
static void put_confidence(strbuf *b, float c)
{
	double d = c < 0 ? 0 : c > 1 ? 100 : (double)c * 100.0;
	long h = (long)d;
	double frac = d - (double)h;
	if (frac > 0.5 || (frac == 0.5 && (h & 1)))
		h++;
	char s[5] = { (char)('0' + h / 100), '.', (char)('0' + h / 10 % 10), (char)('0' + h % 10), '\0' };
	sb_add(b, s, 4);
}

static void put_json_or_null(strbuf *b, const char *s)
{
	if (s)
		sb_json(b, s, strlen(s));
	else
		sb_lit(b, "null");
}

static void put_tsv_or_empty(strbuf *b, const char *s)
{
	if (s)
		sb_tsv(b, s, strlen(s));
}

static size_t article_number(const corpus_article *a)
{
	return a->piece->article ? a->piece->article : 1;
}

/* TSV: the file and a tab before the quote's fields; a tab and the
 * article's number, title, url, date and source after them. */
static void tsv_parts(article_ctx *c, const char *file, size_t filelen)
{
	const corpus_article *a = c->a;
	sb_tsv(&c->head, file, filelen);
	sb_putc(&c->head, '\t');
	sb_putc(&c->tail, '\t');
	put_uint(&c->tail, article_number(a));
	sb_putc(&c->tail, '\t');
	put_tsv_or_empty(&c->tail, a->doc->title);
	sb_putc(&c->tail, '\t');
	put_tsv_or_empty(&c->tail, a->url);
	sb_putc(&c->tail, '\t');
	put_tsv_or_empty(&c->tail, a->date);
	sb_putc(&c->tail, '\t');
	put_tsv_or_empty(&c->tail, a->source);
	sb_putc(&c->tail, '\n');
}

/* JSON Lines: the file and the article's number before the quote's
 * fields; its language, title, url, date and source after them. */
static void jsonl_parts(article_ctx *c, const char *file, size_t filelen)
{
	const corpus_article *a = c->a;
	sb_lit(&c->head, "{\"file\":");
	sb_json(&c->head, file, filelen);
	sb_lit(&c->head, ",\"article\":");
	put_uint(&c->head, article_number(a));
	sb_lit(&c->tail, "\",\"lang\":\"");
	sb_puts(&c->tail, c->l->lang);
	sb_lit(&c->tail, "\",\"title\":");
	sb_json(&c->tail, a->doc->title, strlen(a->doc->title));
	sb_lit(&c->tail, ",\"url\":");
	put_json_or_null(&c->tail, a->url);
	sb_lit(&c->tail, ",\"date\":");
	put_json_or_null(&c->tail, a->date);
	sb_lit(&c->tail, ",\"source\":");
	put_json_or_null(&c->tail, a->source);
	sb_lit(&c->tail, "}\n");
}

static void put_text_record(const article_ctx *c, const quote *q, const char *text, size_t len)
{
	strbuf *out = c->out;
	sb_lit(out, "\xE2\x80\x9C");   /* “ */
	sb_add(out, text, len);
	sb_lit(out, "\xE2\x80\x9D \xE2\x80\x94 ");   /* ” — */
	bool user;
	const char *speaker = speaker_of(c, q, &user);
	if (speaker)
		sb_puts(out, speaker);
	else
		sb_lit(out, "(unknown)");
	sb_putc(out, '\n');
}

static void put_tsv_record(const article_ctx *c, const quote *q, const char *text, size_t len, const char *id)
{
	strbuf *out = c->out;
	size_t offset = c->a->offset;
	sb_add(out, c->head.s, c->head.len);
	put_uint(out, offset + q->start);
	sb_putc(out, '\t');
	put_uint(out, offset + q->end);
	sb_putc(out, '\t');
	bool user;
	put_tsv_or_empty(out, speaker_of(c, q, &user));
	sb_putc(out, '\t');
	put_tsv_or_empty(out, q->cue);
	sb_putc(out, '\t');
	put_confidence(out, q->confidence);
	sb_putc(out, '\t');
	sb_add(out, id, 16);
	sb_putc(out, '\t');
	sb_tsv(out, text, len);
	sb_add(out, c->tail.s, c->tail.len);
}

static void put_jsonl_record(const article_ctx *c, const quote *q, const char *text, size_t len, const char *id)
{
	strbuf *out = c->out;
	size_t offset = c->a->offset;
	sb_add(out, c->head.s, c->head.len);
	sb_lit(out, ",\"start\":");
	put_uint(out, offset + q->start);
	sb_lit(out, ",\"end\":");
	put_uint(out, offset + q->end);
	sb_lit(out, ",\"text\":");
	sb_json(out, text, len);
	sb_lit(out, ",\"speaker\":");
	bool user;
	put_json_or_null(out, speaker_of(c, q, &user));
	if (user)
		sb_lit(out, ",\"speaker_source\":\"user\"");
	sb_lit(out, ",\"cue\":");
	put_json_or_null(out, q->cue);
	sb_lit(out, ",\"confidence\":");
	put_confidence(out, q->confidence);
	sb_lit(out, ",\"id\":\"");
	sb_add(out, id, 16);
	sb_add(out, c->tail.s, c->tail.len);
}

static int put_record(const article_ctx *c, enum quotes_format fmt, const quote *q)
{
	char *made = q->text ? NULL : quote_text(c->a->doc, q);
	const char *text = q->text ? q->text : made;
	if (!text)
		return Q_ENOMEM;
	size_t len = strlen(text);
	char id[17];
	quote_id_hex(q, id);
	if (fmt == QFMT_TEXT)
		put_text_record(c, q, text, len);
	else if (fmt == QFMT_TSV)
		put_tsv_record(c, q, text, len, id);
	else
		put_jsonl_record(c, q, text, len, id);
	free(made);
	return 0;
}

/* The text format's line before an article's quotes. */
static void put_header(run_job *j, const corpus_article *a, size_t nquotes)
{
	char *where = corpus_where(a->piece);
	if (j->articles)
		sb_putc(&j->out, '\n');
	sb_printf(&j->out, "== %s", where ? where : "?");
	if (a->offset)
		sb_printf(&j->out, " (from byte %zu)", a->offset);
	sb_printf(&j->out, ": %s (%zu %s)\n", a->doc->title, nquotes, nquotes == 1 ? "quote" : "quotes");
	free(where);
}

/* The parts of c's records that are the article's; 0 or Q_ENOMEM. */
static int article_parts(article_ctx *c, enum quotes_format fmt)
{
	const char *path = c->a->piece->path;
	char *file;
	size_t n;
	if (fmt == QFMT_TEXT || !c->l->n)
		return 0;
	if (text_sanitize_line(path, strlen(path), &file, &n))
		return Q_ENOMEM;
	if (fmt == QFMT_TSV)
		tsv_parts(c, file, n);
	else
		jsonl_parts(c, file, n);
	free(file);
	return c->head.failed || c->tail.failed ? Q_ENOMEM : 0;
}

/* A job thread's memory for the articles it reads (quotes_work). */
static void *work_new(void)
{
	return quotes_work_new();
}

static void work_free(void *w)
{
	quotes_work_free(w);
}

/* An article's quotes into the job's output. */
static int on_article(run_job *j, const corpus_article *a)
{
	const quotes_ctx *q = j->run->ctx;
	quote_list l;
	int rc = quotes_find_with(a->doc, &q->qo, j->mine, &l);
	if (rc)
		return rc;
	article_ctx c = { .a = a, .l = &l, .out = &j->out, .corrections = q->corrections };
	sb_init(&c.head);
	sb_init(&c.tail);
	rc = article_parts(&c, q->a->format);
	if (!rc && q->a->format == QFMT_TEXT)
		put_header(j, a, l.n);
	for (size_t i = 0; i < l.n && !rc; i++)
		rc = put_record(&c, q->a->format, &l.v[i]);
	sb_free(&c.head);
	sb_free(&c.tail);
	quote_list_free(&l);
	return rc;
}

/* ---- setup ------------------------------------------------------------------------------- */

/* The speaker weights named by QUOTH_MODEL (make eval scores each fold
 * with weights that never saw it); *m stays NULL without it. */
static int load_model(quote_model **m)
{
	const char *path = getenv("QUOTH_MODEL");
	*m = NULL;
	if (!path || !*path)
		return 0;
	size_t line;
	int rc = quote_model_load(path, m, &line);
	if (rc && line)
		cmd_say("quoth: QUOTH_MODEL: %s:%zu: %s", path, line, error_message(rc));
	else if (rc)
		cmd_say("quoth: QUOTH_MODEL: %s: %s", path, error_message(rc));
	return rc;
}

/* The cue verbs of the config files ([quotes] cue_verbs_LANG): the same
 * quotes as the reader's sidebar. Warnings go to stderr. */
static int load_cues(const char *config_path, quotes_opts *o)
{
	struct config cfg;
	warnings w;
	warnings_init(&w);
	int rc = config_load_all(&cfg, config_path, &w);
	if (rc) {
		cmd_file_error(config_path ? config_path : "config.ini", rc);
	} else {
		cmd_print_warnings(&w);
		for (size_t k = 0; k < cfg.n_cue_verbs && !rc; k++) {
			int e = quotes_opts_add_cues(o, cfg.cue_verbs[k].lang, cfg.cue_verbs[k].verb);
			if (e == Q_ENOMEM)
				rc = e;
			else if (e)
				cmd_say("quoth: [quotes] cue_verbs_%s: no cue lists for that language", cfg.cue_verbs[k].lang);
		}
	}
	config_free(&cfg);
	warnings_free(&w);
	return rc;
}

int cmd_quotes(int argc, char **argv)
{
	quotes_args a;
	int rc = args_quotes(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	quotes_ctx q = { .a = &a };
	quotes_opts_init(&q.qo);
	q.qo.keep_text = true;   /* every record prints it */
	quote_model *model;
	if (load_model(&model))
		return 1;
	q.qo.model = model;
	(void)quotes_opts_fix_model(&q.qo);   /* without memory for it, the weights are combined each article */
	/* read only from here on, so every thread may look in it */
	tags_store *corrections = tags_open_corrections();
	q.corrections = corrections;
	/* a correction is keyed by the article's id: hash the articles only then */
	a.in.corpus.article_ids = corrections != NULL;
	int status = 1;
	if (!load_cues(a.config, &q.qo)) {
		corpus_run r = { .name = "quoth quotes", .in = &a.in, .on_article = on_article, .ctx = &q,
		                 .header = a.format == QFMT_TSV ? tsv_header : NULL,
		                 .blank_between = a.format == QFMT_TEXT, .thread_new = work_new, .thread_free = work_free };
		status = corpus_run_all(&r);
	}
	quotes_opts_free(&q.qo);
	if (corrections)
		tags_close(corrections);
	quote_model_free(model);
	return status;
}
