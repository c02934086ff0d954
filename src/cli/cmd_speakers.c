/* quoth speakers: every speaker in the corpus index, with the number of
 * their quotes and of the articles that quote them; or one speaker's quotes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd_setup.h"
#include "error.h"
#include "index.h"
#include "search.h"
#include "strbuf.h"

enum format { FMT_TEXT, FMT_TSV, FMT_JSONL };
enum sort { SORT_COUNT, SORT_NAME };

static const char usage[] =
	"usage: quoth speakers [--index FILE] [--config FILE] [--sort count|name] [--filter TEXT]\n"
	"                      [--format text|tsv|jsonl] [--quotes NAME]\n";

static const char help[] =
	"usage: quoth speakers [--index FILE] [--config FILE] [--sort count|name] [--filter TEXT]\n"
	"                      [--format text|tsv|jsonl] [--quotes NAME]\n"
	"\n"
	"Lists every speaker of the corpus index (quoth index PATH... makes it) with\n"
	"the number of their quotes and of the articles quoting them. Forms of one name\n"
	"are merged (Mei, President Mei, Mei Tanlong) and listed after it; config.ini\n"
	"[speakers] keep_apart = FORM, ... undoes a merge, merge = no turns it off.\n"
	"  --sort count    most quoted first (default); --sort name: by name\n"
	"  --filter TEXT   only speakers with TEXT in a form of their name (any case)\n"
	"  --quotes NAME   the quotes of the speaker named NAME (any of their forms)\n"
	"  --format text   aligned columns (default); tsv: a header line, then\n"
	"                  speaker, quotes, articles, forms; jsonl: one object a line\n"
	"  --index FILE    the index file (default $XDG_CACHE_HOME/quoth/index.sqlite)\n"
	"  --config FILE   read FILE after the user's config.ini\n";

struct speakers_args {
	const char *index_path, *config_path, *filter, *quotes_of;
	enum format fmt;
	enum sort sort;
};

static int parse_format(const char *s, enum format *f)
{
	static const char *const names[] = { "text", "tsv", "jsonl" };
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, names[i])) {
			*f = (enum format)i;
			return 0;
		}
	return Q_EUSAGE;
}

static int parse_args(int argc, char **argv, struct speakers_args *a)
{
	static const struct option longopts[] = {
		{ "index", required_argument, NULL, 'i' },
		{ "config", required_argument, NULL, 'c' },
		{ "sort", required_argument, NULL, 's' },
		{ "filter", required_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' },
		{ "quotes", required_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'i': a->index_path = optarg; break;
		case 'c': a->config_path = optarg; break;
		case 'f': a->filter = optarg; break;
		case 'q': a->quotes_of = optarg; break;
		case 's':
			if (!strcmp(optarg, "count") || !strcmp(optarg, "name")) {
				a->sort = optarg[0] == 'n' ? SORT_NAME : SORT_COUNT;
				break;
			}
			cmd_bad_value("speakers", "--sort", optarg, "count or name");
			return 2;
		case 'F':
			if (!parse_format(optarg, &a->fmt))
				break;
			cmd_bad_value("speakers", "--format", optarg, "text, tsv or jsonl");
			return 2;
		case 'h': fputs(help, stdout); return -1;
		default:
			cmd_usage_error("speakers", argv[optind - 1], c == ':', usage);
			return 2;
		}
	}
	if (optind < argc) {
		cmd_usage_error("speakers", argv[optind], false, usage);
		return 2;
	}
	return 0;
}

/* ---- the list ---- */

static bool person_matches(const index_person *p, const char *folded)
{
	if (!folded)
		return true;
	for (size_t k = 0; k < p->nforms; k++)
		if (search_contains(p->forms[k], strlen(p->forms[k]), folded))
			return true;
	return search_contains(p->name, strlen(p->name), folded);
}

static int cmp_name(const void *a, const void *b)
{
	const index_person *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : strcmp(x->name, y->name);
}

static void put_person(strbuf *b, enum format fmt, const index_person *p)
{
	switch (fmt) {
	case FMT_TEXT:
		sb_printf(b, "%7ld %8ld  %s", p->nquotes, p->narticles, p->name);
		for (size_t k = 0, shown = 0; k < p->nforms; k++) {
			if (!strcmp(p->forms[k], p->name))
				continue;
			sb_puts(b, shown++ ? ", " : "  (also: ");
			sb_puts(b, p->forms[k]);
		}
		if (p->nforms > 1)
			sb_putc(b, ')');
		sb_putc(b, '\n');
		break;
	case FMT_TSV:
		sb_tsv(b, p->name, strlen(p->name));
		sb_printf(b, "\t%ld\t%ld\t", p->nquotes, p->narticles);
		for (size_t k = 0; k < p->nforms; k++) {
			if (k)
				sb_puts(b, ", ");
			sb_tsv(b, p->forms[k], strlen(p->forms[k]));
		}
		sb_putc(b, '\n');
		break;
	case FMT_JSONL:
		sb_puts(b, "{\"speaker\":");
		sb_json(b, p->name, strlen(p->name));
		sb_printf(b, ",\"quotes\":%ld,\"articles\":%ld,\"forms\":[", p->nquotes, p->narticles);
		for (size_t k = 0; k < p->nforms; k++) {
			if (k)
				sb_putc(b, ',');
			sb_json(b, p->forms[k], strlen(p->forms[k]));
		}
		sb_puts(b, "]}\n");
		break;
	}
}

static int list_speakers(index_person *v, size_t n, const struct speakers_args *a)
{
	char *folded = NULL;
	if (a->filter && a->filter[0] && !(folded = search_fold_pattern_loose(a->filter, strlen(a->filter))) &&
	    a->filter[strspn(a->filter, " \t\n")])   /* a blank filter keeps every speaker */
		return Q_ENOMEM;
	if (a->sort == SORT_NAME && n > 1)
		qsort(v, n, sizeof *v, cmp_name);
	strbuf b;
	sb_init(&b);
	if (a->fmt == FMT_TEXT)
		sb_puts(&b, " quotes articles  speaker\n");
	else if (a->fmt == FMT_TSV)
		sb_puts(&b, "speaker\tquotes\tarticles\tforms\n");
	for (size_t i = 0; i < n; i++)
		if (person_matches(&v[i], folded))
			put_person(&b, a->fmt, &v[i]);
	free(folded);
	int rc = b.failed ? Q_ENOMEM : 0;
	if (!rc && b.len && fwrite(b.s, 1, b.len, stdout) != b.len)
		rc = Q_EIO;
	sb_free(&b);
	return rc;
}

/* ---- one speaker's quotes ---- */

static void put_hit(strbuf *b, enum format fmt, const index_hit *h)
{
	const char *none = "";
	switch (fmt) {
	case FMT_TEXT:
		sb_printf(b, "\xE2\x80\x9C%s\xE2\x80\x9D \xE2\x80\x94 %s\n", h->text, h->speaker ? h->speaker : "(unknown)");
		sb_printf(b, "    %s (%s)", h->title ? h->title : none, h->path);
		if (h->lang)
			sb_printf(b, " %s", h->lang);
		if (h->date)
			sb_printf(b, " %s", h->date);
		if (h->group_articles > 1)
			sb_printf(b, " [also in %ld article%s]", h->group_articles - 1, h->group_articles == 2 ? "" : "s");
		sb_putc(b, '\n');
		break;
	case FMT_TSV:
		sb_tsv(b, h->speaker ? h->speaker : none, h->speaker ? strlen(h->speaker) : 0);
		sb_putc(b, '\t');
		sb_tsv(b, h->text, strlen(h->text));
		sb_putc(b, '\t');
		sb_tsv(b, h->title ? h->title : none, h->title ? strlen(h->title) : 0);
		sb_putc(b, '\t');
		sb_tsv(b, h->path, strlen(h->path));
		sb_printf(b, "\t%s\t%s\t%zu\t%zu\t%016llx\n", h->lang ? h->lang : none, h->date ? h->date : none, h->start,
		          h->end, (unsigned long long)h->qid);
		break;
	case FMT_JSONL:
		cmd_put_hit_json(b, h);
		break;
	}
}

static const index_person *find_person(const index_person *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		if (!strcasecmp(v[i].name, name))
			return &v[i];
		for (size_t k = 0; k < v[i].nforms; k++)
			if (!strcasecmp(v[i].forms[k], name))
				return &v[i];
	}
	return NULL;
}

static int list_quotes(qindex *ix, const index_person *v, size_t n, const struct speakers_args *a, int *status)
{
	const index_person *p = find_person(v, n, a->quotes_of);
	if (!p) {
		cmd_bad_value("speakers", "--quotes", a->quotes_of, "the name of a speaker in the index (quoth speakers lists them)");
		*status = 1;
		return 0;
	}
	index_hit *h;
	size_t nh;
	int rc = index_person_quotes(ix, p->id, 0, &h, &nh);
	if (rc)
		return rc;
	strbuf b;
	sb_init(&b);
	if (a->fmt == FMT_TSV)
		sb_puts(&b, "speaker\ttext\ttitle\tfile\tlang\tdate\tstart\tend\tid\n");
	for (size_t i = 0; i < nh; i++)
		put_hit(&b, a->fmt, &h[i]);
	index_hits_free(h, nh);
	rc = b.failed ? Q_ENOMEM : 0;
	if (!rc && b.len && fwrite(b.s, 1, b.len, stdout) != b.len)
		rc = Q_EIO;
	sb_free(&b);
	return rc;
}

int cmd_speakers(int argc, char **argv)
{
	struct speakers_args a = { 0 };
	int rc = parse_args(argc, argv, &a);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct cmd_setup setup;
	if (cmd_setup_load(a.config_path, &setup))
		return 1;
	qindex *ix = NULL;
	int status = 0;
	if (cmd_open_for_queries(a.index_path, &setup, &ix)) {
		cmd_setup_free(&setup);
		index_close(ix);
		return 1;
	}
	index_person *v = NULL;
	size_t n = 0;
	rc = index_persons(ix, &v, &n);
	if (!rc)
		rc = a.quotes_of ? list_quotes(ix, v, n, &a, &status) : list_speakers(v, n, &a);
	if (rc) {
		if (rc == Q_EIO && ferror(stdout))
			fputs("quoth speakers: cannot write to standard output\n", stderr);
		else
			cmd_index_error(ix, rc);
		status = 1;
	}
	index_persons_free(v, n);
	index_close(ix);
	cmd_setup_free(&setup);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
