/* quoth export: the tagged quotes in the store, without the UI. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "corpus.h"
#include "doc.h"
#include "error.h"
#include "export.h"
#include "strbuf.h"
#include "tags.h"

static const char export_usage[] = "usage: quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n";

struct export_args {
	const char **tags;
	size_t ntags;
	enum export_format format;
	char **paths;             /* the PATH operands */
	size_t npaths;
};

/* Parses options into a; returns 0 or prints why and returns 2. */
static int parse_args(int argc, char **argv, struct export_args *a)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *arg = argv[i], *val = NULL;
		if (!strcmp(arg, "--")) {
			i++;
			break;
		}
		bool tag = !strcmp(arg, "--tag") || !strncmp(arg, "--tag=", 6) || !strcmp(arg, "-t");
		bool format = !strcmp(arg, "--format") || !strncmp(arg, "--format=", 9) || !strcmp(arg, "-f");
		if (!tag && !format) {
			fprintf(stderr, "quoth export: unknown option %s\n%s", arg, export_usage);
			return 2;
		}
		if ((val = strchr(arg, '=')) && arg[1] == '-')
			val++;
		else if (i + 1 < argc)
			val = argv[++i];
		else {
			fprintf(stderr, "quoth export: %s needs a value\n%s", arg, export_usage);
			return 2;
		}
		if (format && export_format_parse(val, &a->format)) {
			fprintf(stderr, "quoth export: --format is text, tsv or jsonl, not '%s'\n", val);
			return 2;
		}
		if (tag && !tags_name_valid(val)) {
			fprintf(stderr, "quoth export: '%s' cannot be a tag (1 to %d bytes, no spaces or commas)\n",
			        val, TAGS_NAME_MAX);
			return 2;
		}
		if (tag)
			a->tags[a->ntags++] = val;
	}
	a->paths = argv + i;
	a->npaths = (size_t)(argc - i);
	return 0;
}

/* The articles named on the command line (files, or every *.txt below a
 * folder): their ids in *arts and their paths in *paths. A file that cannot
 * be read is reported and still matched by the path its tags were saved
 * with (it may have been deleted). */
static int load_articles(const struct export_args *a, corpus *c, uint64_t **arts, const char ***paths,
                         size_t *n)
{
	int status = 0;
	for (size_t i = 0; i < a->npaths; i++) {
		doc *d = NULL;
		int rc = 0;
		if (!strcmp(a->paths[i], "-")) {
			rc = doc_from_fd("-", STDIN_FILENO, &d);
			if (!rc) {
				rc = corpus_add_doc(c, d);
			} else {
				cmd_file_error("-", rc);
				status = 1;
			}
		} else {
			rc = corpus_add_path(c, a->paths[i]);
		}
		if (rc == Q_ENOMEM)
			return rc;
	}
	*arts = calloc(c->n + 1, sizeof **arts);
	*paths = calloc(c->n + 1, sizeof **paths);
	if (!*arts || !*paths)
		return Q_ENOMEM;
	*n = 0;
	for (size_t i = 0; i < c->n; i++) {
		(*paths)[*n] = c->v[i].path;
		if (corpus_item_id(c, i, &(*arts)[*n]) != 0) {
			cmd_file_error(c->v[i].path, c->v[i].error);
			status = 1;
		}
		++*n;
	}
	return status;
}

static int print_quotes(const tags_store *s, const struct export_args *a, const uint64_t *arts,
                        const char **paths, size_t n)
{
	/* An unreadable article has id 0 in arts: no article hashes to 0 in practice, and its path still matches. */
	tags_filter f = { .tags = a->tags, .ntags = a->ntags, .arts = arts, .narts = n, .paths = paths, .npaths = n };
	const tag_entry **v = NULL;
	size_t count = 0;
	/* PATHs that name no article (an empty folder) match nothing, not everything. */
	int rc = a->npaths && !n ? 0 : tags_query(s, &f, &v, &count);
	if (rc)
		return rc;
	strbuf out;
	sb_init(&out);
	export_begin(&out, a->format);
	for (size_t i = 0; i < count; i++) {
		export_quote q = export_quote_of_entry(v[i]);
		export_quote_append(&out, a->format, &q, i == 0);
		if (out.len >= 1 << 20 && !out.failed) {
			if (fwrite(out.s, 1, out.len, stdout) != out.len)
				break;
			out.len = 0;
		}
	}
	free(v);
	rc = out.failed ? Q_ENOMEM : 0;
	if (!rc && out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
		rc = Q_EIO;
	sb_free(&out);
	return rc;
}

static void print_warnings(const char *w)
{
	for (const char *line = w; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		fprintf(stderr, "quoth: warning: %.*s\n", (int)n, line);
		line += n + (nl != NULL);
	}
}

/* Opens the store for reading, reporting warnings and errors. */
int cmd_open_tags(tags_store **s)
{
	char *warnings = NULL;
	int rc = tags_open(NULL, s, &warnings);
	if (rc)   /* then warnings names the file and the cause */
		fprintf(stderr, "quoth: cannot read the tag store: %s\n", warnings ? warnings : error_message(rc));
	else
		print_warnings(warnings);
	free(warnings);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	struct export_args a = { .format = EXPORT_TEXT };
	a.tags = calloc((size_t)argc, sizeof *a.tags);
	if (!a.tags) {
		fputs("quoth export: out of memory\n", stderr);
		return 1;
	}
	int status = parse_args(argc, argv, &a);
	tags_store *s = NULL;
	if (!status && cmd_open_tags(&s))
		status = 1;
	if (s) {
		corpus c;
		corpus_init(&c);
		uint64_t *arts = NULL;
		const char **paths = NULL;
		size_t n = 0;
		int rc = load_articles(&a, &c, &arts, &paths, &n);
		status = rc > 0 ? rc : 0;
		if (rc >= 0)
			rc = print_quotes(s, &a, arts, paths, n);
		if (rc < 0) {
			fprintf(stderr, "quoth export: %s\n", error_message(rc));
			status = 1;
		}
		free(arts);
		free(paths);
		corpus_free(&c);
		tags_close(s);
	}
	if (fflush(stdout) != 0 && !status)
		status = 1;
	free(a.tags);
	return status;
}
