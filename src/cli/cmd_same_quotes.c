/* quoth same-quotes: the quotes that several articles carry, each group
 * with its variants and their word differences. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd_setup.h"
#include "error.h"
#include "index.h"
#include "strbuf.h"
#include "wdiff.h"

static const char usage[] =
	"usage: quoth same-quotes [--index FILE] [--config FILE] [--min-articles N] [--match QUERY]\n"
	"                         [--format text|jsonl]\n";

static const char help[] =
	"usage: quoth same-quotes [--index FILE] [--config FILE] [--min-articles N] [--match QUERY]\n"
	"                         [--format text|jsonl]\n"
	"\n"
	"Prints the quotes that several articles of the corpus index carry (quoth index\n"
	"PATH... makes it): quotes in one language whose words largely overlap, each\n"
	"group with its variants, the first one whole, the others with the words they\n"
	"drop as [-word-] and the words they add as {+word+}.\n"
	"  --min-articles N  only groups in at least N articles (default 2)\n"
	"  --match QUERY     only groups with a quote that matches QUERY (SQLite FTS5:\n"
	"                    words, \"a phrase\", AND, OR, NOT, prefix*, speaker:name)\n"
	"  --format text     the groups as text (default); jsonl: one group a line with\n"
	"                    its variants and their differences\n"
	"  --index FILE      the index file (default $XDG_CACHE_HOME/quoth/index.sqlite)\n"
	"  --config FILE     read FILE after the user's config.ini\n";

struct sq_args {
	const char *index_path, *config_path, *match;
	long min_articles;
	bool jsonl;
};

static int parse_args(int argc, char **argv, struct sq_args *a)
{
	static const struct option longopts[] = {
		{ "index", required_argument, NULL, 'i' },
		{ "config", required_argument, NULL, 'c' },
		{ "min-articles", required_argument, NULL, 'm' },
		{ "match", required_argument, NULL, 'M' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		char *end = NULL;
		switch (c) {
		case 'i': a->index_path = optarg; break;
		case 'c': a->config_path = optarg; break;
		case 'M': a->match = optarg; break;
		case 'm':
			a->min_articles = strtol(optarg, &end, 10);
			if (end != optarg && !*end && a->min_articles >= 2 && a->min_articles <= 1000000)
				break;
			cmd_bad_value("same-quotes", "--min-articles", optarg, "a number from 2 up");
			return 2;
		case 'F':
			if (!strcmp(optarg, "text") || !strcmp(optarg, "jsonl")) {
				a->jsonl = optarg[0] == 'j';
				break;
			}
			cmd_bad_value("same-quotes", "--format", optarg, "text or jsonl");
			return 2;
		case 'h': fputs(help, stdout); return -1;
		default:
			cmd_usage_error("same-quotes", argv[optind - 1], c == ':', usage);
			return 2;
		}
	}
	if (optind < argc) {
		cmd_usage_error("same-quotes", argv[optind], false, usage);
		return 2;
	}
	return 0;
}

/* A piece of a variant, marked as wdiff(1) marks them: [-dropped-] and
 * {+added+}. */
static void put_piece(void *ctx, enum wdiff_piece kind, const char *s, size_t n)
{
	strbuf *out = ctx;
	sb_puts(out, kind == WP_ADDED ? "{+" : kind == WP_DROPPED ? "[-" : "");
	sb_add(out, s, n);
	sb_puts(out, kind == WP_ADDED ? "+}" : kind == WP_DROPPED ? "-]" : "");
}

static void put_where(strbuf *out, const index_hit *h)
{
	sb_printf(out, "%s \xE2\x80\x94 %s", h->speaker ? h->speaker : "(unknown)", h->title ? h->title : "");
	if (h->date)
		sb_printf(out, ", %s", h->date);
	if (h->source)
		sb_printf(out, ", %s", h->source);
	sb_printf(out, "\n      %s\n", h->path);
}

static int put_text_group(strbuf *out, const index_group *g, const index_hit *h, size_t n)
{
	sb_printf(out, "== %ld articles, %ld quotes (%s)\n", g->narticles, g->nquotes, g->lang ? g->lang : "?");
	for (size_t i = 0; i < n; i++) {
		sb_printf(out, "  %zu. ", i + 1);
		put_where(out, &h[i]);
		sb_puts(out, "      \xE2\x80\x9C");
		if (i == 0) {
			sb_puts(out, h[i].text);
		} else {
			wdiff d;
			if (wdiff_words(h[0].text, strlen(h[0].text), h[i].text, strlen(h[i].text), &d))
				return Q_ENOMEM;
			wdiff_pieces(h[0].text, h[i].text, &d, put_piece, out);
			wdiff_free(&d);
		}
		sb_puts(out, "\xE2\x80\x9D\n");
	}
	sb_putc(out, '\n');
	return 0;
}

static void put_ops_json(strbuf *out, const char *a, const char *b, const wdiff *d)
{
	static const char *const kind[] = { "same", "dropped", "added" };
	sb_puts(out, ",\"diff\":[");
	for (size_t i = 0; i < d->n; i++) {
		const wdiff_op *op = &d->v[i];
		const char *s = op->kind == WD_DROPPED ? a + op->a_start : b + op->b_start;
		size_t len = op->kind == WD_DROPPED ? op->a_end - op->a_start : op->b_end - op->b_start;
		sb_printf(out, "%s{\"op\":\"%s\",\"words\":", i ? "," : "", kind[op->kind]);
		sb_json(out, s, len);
		sb_putc(out, '}');
	}
	sb_putc(out, ']');
}

static int put_json_group(strbuf *out, const index_group *g, const index_hit *h, size_t n)
{
	sb_printf(out, "{\"group\":%lld,\"lang\":", (long long)g->id);
	if (g->lang)
		sb_json(out, g->lang, strlen(g->lang));
	else
		sb_puts(out, "null");
	sb_printf(out, ",\"quotes\":%ld,\"articles\":%ld,\"variants\":[", g->nquotes, g->narticles);
	for (size_t i = 0; i < n; i++) {
		strbuf one;
		sb_init(&one);
		cmd_put_hit_json(&one, &h[i]);
		if (one.failed)
			return Q_ENOMEM;
		if (i)
			sb_putc(out, ',');
		sb_add(out, one.s, one.len - 2);   /* without its closing brace and line end */
		sb_free(&one);
		if (i) {
			wdiff d;
			if (wdiff_words(h[0].text, strlen(h[0].text), h[i].text, strlen(h[i].text), &d))
				return Q_ENOMEM;
			put_ops_json(out, h[0].text, h[i].text, &d);
			wdiff_free(&d);
		}
		sb_putc(out, '}');
	}
	sb_puts(out, "]}\n");
	return 0;
}

static int print_groups(qindex *ix, const struct sq_args *a)
{
	index_group *g;
	size_t n;
	int rc = index_groups(ix, a->min_articles, a->match, &g, &n);
	if (rc)
		return rc;
	strbuf out;
	sb_init(&out);
	for (size_t i = 0; !rc && i < n; i++) {
		index_hit *h;
		size_t nh;
		if ((rc = index_group_quotes(ix, g[i].id, 0, &h, &nh)))
			break;
		rc = a->jsonl ? put_json_group(&out, &g[i], h, nh) : put_text_group(&out, &g[i], h, nh);
		index_hits_free(h, nh);
		if (!rc && out.failed)
			rc = Q_ENOMEM;
		if (!rc && out.len > (1 << 20)) {
			if (fwrite(out.s, 1, out.len, stdout) != out.len)
				rc = Q_EIO;
			out.len = 0;
		}
	}
	if (!rc && out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
		rc = Q_EIO;
	sb_free(&out);
	index_groups_free(g, n);
	return rc;
}

int cmd_same_quotes(int argc, char **argv)
{
	struct sq_args a = { .min_articles = 2 };
	int rc = parse_args(argc, argv, &a);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct cmd_setup setup;
	if (cmd_setup_load(a.config_path, &setup))
		return 1;
	qindex *ix = NULL;
	int status = 0;
	if (cmd_open_for_queries(a.index_path, &setup, &ix)) {
		status = 1;
	} else if ((rc = print_groups(ix, &a))) {
		if (rc == Q_EIO && ferror(stdout))
			fputs("quoth same-quotes: cannot write to standard output\n", stderr);
		else if (a.match && !index_damaged(ix))
			cmd_bad_value("same-quotes", "--match", a.match, "an FTS5 query (words, \"a phrase\", AND, OR, NOT)");
		else
			cmd_index_error(ix, rc);
		status = 1;
	}
	index_close(ix);
	cmd_setup_free(&setup);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
