/* quoth tag: put a tag on quotes of an article (or take it off) from the
 * command line, for scripts. A quote is named by its id (quoth quotes
 * prints them); an id that is not a quote of the file is refused, except
 * with --remove (the quote may have left an edited file: its tag is
 * orphaned, and removing it must still work). The quote's text and speaker
 * are saved with the tag, or what --text and --speaker say. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "args.h"
#include "cmd.h"
#include "doc.h"
#include "error.h"
#include "quotes.h"
#include "tags.h"

/* The quote of l with this id, or NULL. */
static const quote *find_quote(const quote_list *l, uint64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

/* Every id is a quote of the file (every quote the engine can list: nested
 * and short ones too), or the message says which is not. */
static bool ids_known(const tag_args *a, const quote_list *l)
{
	for (size_t k = 0; k < a->nids; k++) {
		uint64_t id = strtoull(a->ids[k], NULL, 16);
		if (!find_quote(l, id)) {
			cmd_say("quoth tag: %s is not a quote of %s (quoth quotes --format tsv %s lists them)", a->ids[k],
			        a->file, a->file);
			return false;
		}
	}
	return true;
}

static int tag_all(const tag_args *a, const doc *d, const quote_list *l)
{
	tags_store *s;
	if (cmd_open_tags(&s))
		return 1;
	int rc = 0;
	for (size_t k = 0; k < a->nids && !rc; k++) {
		uint64_t id = strtoull(a->ids[k], NULL, 16);
		const quote *q = find_quote(l, id);
		char *text = !a->text && q ? quote_text(d, q) : NULL;
		tag_meta meta = { .title = d->title, .path = d->name, .text = a->text ? a->text : text,
		                  .speaker = a->speaker ? a->speaker : q ? q->speaker : NULL };
		rc = tags_set(s, d->id, id, a->tag, !a->remove, &meta);
		free(text);
	}
	if (rc)
		cmd_say("quoth tag: %s: %s; not saved", tags_error_file(s), error_message(rc));
	int closerc = tags_close(s);
	return rc || closerc ? 1 : 0;
}

int cmd_tag(int argc, char **argv)
{
	tag_args a;
	int rc = args_tag(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	doc *d = NULL;
	rc = doc_load(a.file, &d);
	if (rc) {
		cmd_file_error(a.file, rc);
		return 1;
	}
	quotes_opts o;
	quotes_opts_init(&o);
	o.nested = o.keep_short = true;
	quote_list l;
	rc = quotes_find(d, &o, &l);
	int status = 1;
	if (rc)
		cmd_say("quoth tag: %s", error_message(rc));
	else if (a.remove || ids_known(&a, &l))
		status = tag_all(&a, d, &l);
	if (!rc)
		quote_list_free(&l);
	quotes_opts_free(&o);
	doc_free(d);
	return status;
}
