/* What the subcommands that read the config and the corpus index share:
 * the config files with their warnings, the quote engine's options, opening
 * the index with its note, and the messages about it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd_setup.h"
#include "error.h"
#include "strbuf.h"
#include "text.h"

/* Prints s on standard error after "quoth: ", escaped so that a crafted
 * file name in it cannot act on the terminal. */
static void print_safe(const char *prefix, const char *s)
{
	char *safe = NULL;
	size_t n;
	if (text_sanitize_line(s, strlen(s), &safe, &n))
		safe = NULL;
	fprintf(stderr, "%s%s\n", prefix, safe ? safe : "?");
	free(safe);
}

void cmd_usage_error(const char *cmd, const char *arg, bool missing_value, const char *usage)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "quoth %s: %s ", cmd, missing_value ? "a value is missing after" : "unknown option");
	print_safe(prefix, arg ? arg : "?");
	fputs(usage, stderr);
}

void cmd_bad_value(const char *cmd, const char *opt, const char *value, const char *wanted)
{
	char prefix[160];
	snprintf(prefix, sizeof prefix, "quoth %s: %s wants %s, not: ", cmd, opt, wanted);
	print_safe(prefix, value);
}

void cmd_put_hit_json(strbuf *b, const index_hit *h)
{
	static const char *const keys[] = { "file", "title", "lang", "date", "source", "speaker", "text" };
	const char *vals[] = { h->path, h->title, h->lang, h->date, h->source, h->speaker, h->text };
	sb_putc(b, '{');
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		sb_printf(b, "%s\"%s\":", i ? "," : "", keys[i]);
		if (vals[i])
			sb_json(b, vals[i], strlen(vals[i]));
		else
			sb_puts(b, "null");
	}
	sb_printf(b, ",\"start\":%zu,\"end\":%zu,\"id\":\"%016llx\",\"article_id\":\"%016llx\",\"confidence\":%.2f}\n",
	          h->start, h->end, (unsigned long long)h->qid, (unsigned long long)h->cid, h->confidence);
}

int cmd_setup_load(const char *config_path, struct cmd_setup *s)
{
	warnings w;
	warnings_init(&w);
	quotes_opts_init(&s->quotes);
	int rc = config_load_all(&s->cfg, config_path, &w);
	if (rc) {
		cmd_file_error(config_path ? config_path : "config.ini", rc);
	} else {
		for (size_t k = 0; k < w.n; k++)
			fprintf(stderr, "quoth: %s\n", w.v[k].msg);
		for (size_t k = 0; k < s->cfg.n_cue_verbs && !rc; k++) {
			int e = quotes_opts_add_cues(&s->quotes, s->cfg.cue_verbs[k].lang, s->cfg.cue_verbs[k].verb);
			if (e == Q_ENOMEM)
				rc = e;
			else if (e)
				fprintf(stderr, "quoth: [quotes] cue_verbs_%s: no cue lists for that language\n",
				        s->cfg.cue_verbs[k].lang);
		}
	}
	warnings_free(&w);
	if (!rc)
		(void)quotes_opts_fix_model(&s->quotes);   /* without memory for it, the weights are combined each article */
	s->names = (names_opts){ s->cfg.speakers_merge, (const char *const *)s->cfg.keep_apart, s->cfg.n_keep_apart };
	if (rc)
		cmd_setup_free(s);
	return rc;
}

void cmd_setup_free(struct cmd_setup *s)
{
	config_free(&s->cfg);
	quotes_opts_free(&s->quotes);
}

int cmd_open_index(const char *path, unsigned flags, qindex **ix)
{
	char *note = NULL;
	int rc = index_open(path, flags, ix, &note);
	if (note) {
		print_safe("quoth: ", note);
		free(note);
	}
	return rc;
}

void cmd_index_error(qindex *ix, int code)
{
	char msg[512];
	snprintf(msg, sizeof msg, "index %s: %s%s%s", index_path(ix), error_message(code),
	         index_errmsg(ix)[0] ? " — " : "", index_errmsg(ix));
	print_safe("quoth: ", msg);
}

int cmd_derive(qindex *ix, const struct cmd_setup *s)
{
	if (!index_derive_needed(ix, &s->names))
		return 0;
	if (index_readonly(ix)) {
		fputs("quoth: the index is out of date and read-only: speakers and groups may be stale\n", stderr);
		return 0;
	}
	bool tty = isatty(STDERR_FILENO);
	if (tty)
		fputs("merging speakers and grouping quotes...", stderr);
	int rc = index_derive(ix, &s->names);
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc)
		cmd_index_error(ix, rc);
	return rc;
}

int cmd_open_for_queries(const char *path, const struct cmd_setup *s, qindex **ix)
{
	int rc = cmd_open_index(path, INDEX_READ, ix);
	if (rc || !index_derive_needed(*ix, &s->names))
		return rc;
	/* out of date (a run was cut short, or [speakers] changed): derive now */
	qindex *w = NULL;
	char *note = NULL;
	if (index_open(path, INDEX_WRITE, &w, &note) == 0 && !index_readonly(w)) {
		index_close(*ix);
		*ix = w;
		free(note);
		return cmd_derive(*ix, s);
	}
	index_close(w);
	free(note);
	return cmd_derive(*ix, s);   /* says that it is stale */
}

void cmd_import_error(void *ctx, const char *file, long line, const char *what)
{
	(void)ctx;
	char msg[512];
	snprintf(msg, sizeof msg, "%s:%ld: %s", file, line, what);
	print_safe("quoth: ", msg);
}
