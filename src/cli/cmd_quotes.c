/* quoth quotes: the quotations of each article and who said them, as text,
 * TSV or JSON Lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "config.h"
#include "doc.h"
#include "error.h"
#include "model.h"
#include "quotes.h"
#include "strbuf.h"
#include "text.h"
#include "warnings.h"

#define OUT_CHUNK (1 << 20)

enum format { FMT_TEXT, FMT_TSV, FMT_JSONL };

static const char usage[] = "usage: quoth quotes [--format text|tsv|jsonl] [--config FILE] PATH...\n";

static const char help[] =
	"usage: quoth quotes [--format text|tsv|jsonl] [--config FILE] PATH...\n"
	"\n"
	"Prints the direct quotations of each article and who said them.\n"
	"  --config FILE   read FILE after the user's config.ini ([quotes] cue_verbs_LANG)\n"
	"  --format text   one block a quote: “…” — Speaker (default)\n"
	"  --format tsv    a header line, then file, start, end, speaker, cue, confidence, id, text\n"
	"  --format jsonl  one JSON object a line: file, start, end, text, speaker, cue, confidence, id, lang\n"
	"PATH is a file, or - for standard input. start and end are byte offsets of the\n"
	"quote's words in the article's text (UTF-8, as quoth reads it).\n"
	"QUOTH_MODEL=FILE uses the speaker weights of FILE (written by quoth-train)\n"
	"instead of the compiled-in ones.\n";

static void put_json_or_null(strbuf *b, const char *s)
{
	if (s)
		sb_json(b, s, strlen(s));
	else
		sb_puts(b, "null");
}

static void put_text(strbuf *out, const doc *d, const quote *q, const char *text)
{
	sb_puts(out, "\xE2\x80\x9C");   /* “ */
	sb_puts(out, text);
	sb_puts(out, "\xE2\x80\x9D \xE2\x80\x94 ");   /* ” — */
	sb_puts(out, q->speaker ? q->speaker : "(unknown)");
	(void)d;
	sb_putc(out, '\n');
}

static void put_quote(strbuf *out, enum format fmt, const doc *d, const char *safe_name, const quote_list *l,
                      const quote *q)
{
	char *text = quote_text(d, q);
	char id[17];
	if (!text) {
		out->failed = true;
		return;
	}
	quote_id_hex(q, id);
	switch (fmt) {
	case FMT_TEXT:
		put_text(out, d, q, text);
		break;
	case FMT_TSV:
		sb_tsv(out, safe_name, strlen(safe_name));
		sb_printf(out, "\t%zu\t%zu\t", q->start, q->end);
		if (q->speaker)
			sb_tsv(out, q->speaker, strlen(q->speaker));
		sb_putc(out, '\t');
		if (q->cue)
			sb_tsv(out, q->cue, strlen(q->cue));
		sb_printf(out, "\t%.2f\t%s\t", q->confidence, id);
		sb_tsv(out, text, strlen(text));
		sb_putc(out, '\n');
		break;
	case FMT_JSONL:
		sb_puts(out, "{\"file\":");
		sb_json(out, safe_name, strlen(safe_name));
		sb_printf(out, ",\"start\":%zu,\"end\":%zu,\"text\":", q->start, q->end);
		sb_json(out, text, strlen(text));
		sb_puts(out, ",\"speaker\":");
		put_json_or_null(out, q->speaker);
		sb_puts(out, ",\"cue\":");
		put_json_or_null(out, q->cue);
		sb_printf(out, ",\"confidence\":%.2f,\"id\":\"%s\",\"lang\":\"%s\"}\n", q->confidence, id, l->lang);
		break;
	}
	free(text);
}

static int flush(strbuf *out)
{
	if (out->failed)
		return Q_ENOMEM;
	if (out->len && fwrite(out->s, 1, out->len, stdout) != out->len)
		return Q_EIO;
	out->len = 0;
	return 0;
}

static int quotes_doc(const doc *d, const quotes_opts *o, enum format fmt, bool first, strbuf *out)
{
	quote_list l;
	int rc = quotes_find(d, o, &l);
	if (rc)
		return rc;
	char *safe = NULL;
	size_t n;
	if (text_sanitize_line(d->name, strlen(d->name), &safe, &n)) {
		quote_list_free(&l);
		return Q_ENOMEM;
	}
	if (fmt == FMT_TEXT) {
		if (!first)
			sb_putc(out, '\n');
		sb_printf(out, "== %s: %s (%zu %s)\n", safe, d->title, l.n, l.n == 1 ? "quote" : "quotes");
	}
	for (size_t i = 0; i < l.n; i++) {
		put_quote(out, fmt, d, safe, &l, &l.v[i]);
		if (out->len >= OUT_CHUNK && (rc = flush(out)))
			break;
	}
	free(safe);
	quote_list_free(&l);
	return rc ? rc : flush(out);
}

static int parse_format(const char *s, enum format *fmt)
{
	if (!strcmp(s, "text"))
		*fmt = FMT_TEXT;
	else if (!strcmp(s, "tsv"))
		*fmt = FMT_TSV;
	else if (!strcmp(s, "jsonl") || !strcmp(s, "json"))
		*fmt = FMT_JSONL;
	else
		return Q_EUSAGE;
	return 0;
}

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
		fprintf(stderr, "quoth: QUOTH_MODEL: %s:%zu: %s\n", path, line, error_message(rc));
	else if (rc)
		fprintf(stderr, "quoth: QUOTH_MODEL: %s: %s\n", path, error_message(rc));
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
		for (size_t k = 0; k < w.n; k++)
			fprintf(stderr, "quoth: %s\n", w.v[k].msg);
		for (size_t k = 0; k < cfg.n_cue_verbs && !rc; k++) {
			int e = quotes_opts_add_cues(o, cfg.cue_verbs[k].lang, cfg.cue_verbs[k].verb);
			if (e == Q_ENOMEM)
				rc = e;
			else if (e)
				fprintf(stderr, "quoth: [quotes] cue_verbs_%s: no cue lists for that language\n",
				        cfg.cue_verbs[k].lang);
		}
	}
	config_free(&cfg);
	warnings_free(&w);
	return rc;
}

int cmd_quotes(int argc, char **argv)
{
	enum format fmt = FMT_TEXT;
	const char *config_path = NULL;
	int status = 0, i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *val = NULL;
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(help, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			val = argv[++i];
		} else if (!strncmp(argv[i], "--format=", 9)) {
			val = argv[i] + 9;
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_path = argv[++i];
			continue;
		} else if (!strncmp(argv[i], "--config=", 9)) {
			config_path = argv[i] + 9;
			continue;
		} else {
			fprintf(stderr, "quoth quotes: unknown option %s\n%s", argv[i], usage);
			return 2;
		}
		if (parse_format(val, &fmt)) {
			fprintf(stderr, "quoth quotes: --format wants text, tsv or jsonl, not '%s'\n", val);
			return 2;
		}
	}
	if (i >= argc) {
		fputs(usage, stderr);
		return 2;
	}
	quotes_opts o;
	quotes_opts_init(&o);
	quote_model *model;
	if (load_model(&model))
		return 1;
	o.model = model;
	if (load_cues(config_path, &o)) {
		quotes_opts_free(&o);
		quote_model_free(model);
		return 1;
	}
	strbuf out;
	sb_init(&out);
	/* the TSV header comes with the first article read: a run whose files
	 * were all refused prints nothing on standard output */
	bool header = fmt != FMT_TSV;
	for (int first = i; i < argc; i++) {
		doc *d = NULL;
		int rc = !strcmp(argv[i], "-") ? doc_from_fd("-", STDIN_FILENO, &d) : doc_load_anonymous(argv[i], &d);
		if (!rc && !header) {
			sb_puts(&out, "file\tstart\tend\tspeaker\tcue\tconfidence\tid\ttext\n");
			header = true;
		}
		if (!rc) {
			rc = quotes_doc(d, &o, fmt, i == first, &out);
			doc_free(d);
		}
		if (rc) {
			out.len = 0;   /* what the failed article had queued */
			out.failed = false;
			fflush(stdout);
			cmd_file_error(argv[i], rc);
			status = 1;
			if (rc == Q_EIO && ferror(stdout))
				break;
		}
	}
	if (flush(&out))
		status = 1;
	sb_free(&out);
	quotes_opts_free(&o);
	quote_model_free(model);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
