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
#include "quotes.h"
#include "strbuf.h"
#include "stream.h"
#include "text.h"
#include "warnings.h"

static const char tsv_header[] = "file\tstart\tend\tspeaker\tcue\tconfidence\tid\ttext\tarticle\ttitle\turl\tdate\tsource\n";

/* What every article's records need: the options, read-only on every thread. */
typedef struct quotes_ctx {
	const quotes_args *a;
	quotes_opts qo;
} quotes_ctx;

/* ---- records -------------------------------------------------------------------- */

/* One article's own strings, display-safe, for every record of it. */
typedef struct article_ctx {
	const corpus_article *a;
	const quote_list *l;
	char *file;          /* the path on one line */
	strbuf *out;
} article_ctx;

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
		sb_puts(b, "null");
}

static void put_tsv_or_empty(strbuf *b, const char *s)
{
	if (s)
		sb_tsv(b, s, strlen(s));
}

static void put_text_record(const article_ctx *c, const quote *q, const char *text)
{
	strbuf *out = c->out;
	sb_puts(out, "\xE2\x80\x9C");   /* “ */
	sb_puts(out, text);
	sb_puts(out, "\xE2\x80\x9D \xE2\x80\x94 ");   /* ” — */
	sb_puts(out, q->speaker ? q->speaker : "(unknown)");
	sb_putc(out, '\n');
}

static void put_tsv_record(const article_ctx *c, const quote *q, const char *text, const char *id)
{
	strbuf *out = c->out;
	const corpus_article *a = c->a;
	sb_tsv(out, c->file, strlen(c->file));
	sb_putc(out, '\t');
	put_uint(out, a->offset + q->start);
	sb_putc(out, '\t');
	put_uint(out, a->offset + q->end);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, q->speaker);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, q->cue);
	sb_putc(out, '\t');
	put_confidence(out, q->confidence);
	sb_putc(out, '\t');
	sb_add(out, id, 16);
	sb_putc(out, '\t');
	sb_tsv(out, text, strlen(text));
	sb_putc(out, '\t');
	put_uint(out, a->piece->article ? a->piece->article : 1);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, a->doc->title);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, a->url);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, a->date);
	sb_putc(out, '\t');
	put_tsv_or_empty(out, a->source);
	sb_putc(out, '\n');
}

static void put_jsonl_record(const article_ctx *c, const quote *q, const char *text, const char *id)
{
	strbuf *out = c->out;
	const corpus_article *a = c->a;
	sb_puts(out, "{\"file\":");
	sb_json(out, c->file, strlen(c->file));
	sb_puts(out, ",\"article\":");
	put_uint(out, a->piece->article ? a->piece->article : 1);
	sb_puts(out, ",\"start\":");
	put_uint(out, a->offset + q->start);
	sb_puts(out, ",\"end\":");
	put_uint(out, a->offset + q->end);
	sb_puts(out, ",\"text\":");
	sb_json(out, text, strlen(text));
	sb_puts(out, ",\"speaker\":");
	put_json_or_null(out, q->speaker);
	sb_puts(out, ",\"cue\":");
	put_json_or_null(out, q->cue);
	sb_puts(out, ",\"confidence\":");
	put_confidence(out, q->confidence);
	sb_puts(out, ",\"id\":\"");
	sb_add(out, id, 16);
	sb_puts(out, "\",\"lang\":\"");
	sb_puts(out, c->l->lang);
	sb_puts(out, "\",\"title\":");
	sb_json(out, a->doc->title, strlen(a->doc->title));
	sb_puts(out, ",\"url\":");
	put_json_or_null(out, a->url);
	sb_puts(out, ",\"date\":");
	put_json_or_null(out, a->date);
	sb_puts(out, ",\"source\":");
	put_json_or_null(out, a->source);
	sb_puts(out, "}\n");
}

static int put_record(const article_ctx *c, enum quotes_format fmt, const quote *q)
{
	char *text = quote_text(c->a->doc, q);
	if (!text)
		return Q_ENOMEM;
	char id[17];
	quote_id_hex(q, id);
	if (fmt == QFMT_TEXT)
		put_text_record(c, q, text);
	else if (fmt == QFMT_TSV)
		put_tsv_record(c, q, text, id);
	else
		put_jsonl_record(c, q, text, id);
	free(text);
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

/* An article's quotes into the job's output. */
static int on_article(run_job *j, const corpus_article *a)
{
	const quotes_ctx *q = j->run->ctx;
	quote_list l;
	int rc = quotes_find(a->doc, &q->qo, &l);
	if (rc)
		return rc;
	size_t n;
	article_ctx c = { .a = a, .l = &l, .out = &j->out };
	rc = text_sanitize_line(a->piece->path, strlen(a->piece->path), &c.file, &n);
	if (!rc && q->a->format == QFMT_TEXT)
		put_header(j, a, l.n);
	for (size_t i = 0; i < l.n && !rc; i++)
		rc = put_record(&c, q->a->format, &l.v[i]);
	free(c.file);
	quote_list_free(&l);
	return rc;
}

/* ---- setup ------------------------------------------------------------------------------- */

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
		for (size_t k = 0; k < w.n; k++)
			cmd_say("quoth: %s", w.v[k].msg);
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
	int status = 1;
	if (!load_cues(a.config, &q.qo)) {
		corpus_run r = { .name = "quoth quotes", .in = &a.in, .on_article = on_article, .ctx = &q,
		                 .header = a.format == QFMT_TSV ? tsv_header : NULL,
		                 .blank_between = a.format == QFMT_TEXT };
		status = corpus_run_all(&r);
	}
	quotes_opts_free(&q.qo);
	return status;
}
