/* quoth export: the tagged quotes in the store, without the UI. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "args.h"
#include "cmd.h"
#include "corpus.h"
#include "doc.h"
#include "error.h"
#include "export.h"
#include "strbuf.h"
#include "tags.h"

/* The articles named on the command line (files, or every *.txt below a
 * folder): their ids in *arts and their paths in *paths. A file that cannot
 * be read is reported and still matched by the path its tags were saved
 * with (it may have been deleted). */
static int load_articles(const export_args *a, corpus *c, uint64_t **arts, const char ***paths,
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

static int print_quotes(const tags_store *s, const export_args *a, const uint64_t *arts,
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
	for (size_t i = 0; i < count && !rc; i++) {
		export_quote q = export_quote_of_entry(v[i]);
		export_quote_append(&out, a->format, &q, i == 0);
		if (out.len >= 1 << 20 || out.failed)
			rc = cmd_write_buf(&out);
	}
	free(v);
	if (!rc)
		rc = cmd_write_buf(&out);
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
		cmd_say("quoth: cannot read the tag store: %s", warnings ? warnings : error_message(rc));
	else
		print_warnings(warnings);
	free(warnings);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	export_args a;
	int status = args_export(argc, argv, &a);
	if (status) {
		free(a.tags);
		return status == ARGS_EXIT ? 0 : 2;
	}
	tags_store *s = NULL;
	if (cmd_open_tags(&s))
		status = 1;
	if (s) {
		corpus c;
		corpus_init(&c);
		uint64_t *arts = NULL;
		const char **paths = NULL;
		size_t n = 0;
		int rc = load_articles(&a, &c, &arts, &paths, &n);
		status = rc > 0 ? rc : 0;
		cmd_say_too_deep(c.too_deep);
		if (rc >= 0)
			rc = print_quotes(s, &a, arts, paths, n);
		if (rc == Q_ENOMEM)
			cmd_say("quoth export: %s", error_message(rc));
		if (rc < 0)
			status = 1;
		free(arts);
		free(paths);
		corpus_free(&c);
		tags_close(s);
	}
	if (cmd_write_end())
		status = 1;
	free(a.tags);
	return status;
}
