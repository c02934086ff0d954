/* quoth tag: put a tag on quotes of an article (or take it off) from the
 * command line, for scripts. A quote is named by its id (quoth quotes
 * prints them); an id that is not a quote of the file is refused, except
 * with --remove (the quote may have left an edited file: its tag is
 * orphaned, and removing it must still work). The quote's text and speaker
 * are saved with the tag, or what --text and --speaker say. A file of
 * several articles (a JSON Lines file, form-feed lines) is read as the
 * reader reads it (corpus.h), and --article says which: the article gets
 * the id, and the name, that the reader and quoth quotes give it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "args.h"
#include "cmd.h"
#include "corpus.h"
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

/* The article --article names among the several of a file (c holds them). */
static int record_of(const tag_args *a, corpus *c, doc **d)
{
	size_t i = 0;
	while (a->article && i < c->n && c->v[i].number != a->article)
		i++;
	if ((!a->article && c->n > 1) || i == c->n) {
		if (a->article)
			cmd_say("quoth tag: %s has no article %zu (quoth quotes --format tsv %s lists them)", a->file, a->article,
			        a->file);
		else
			cmd_say("quoth tag: %s holds several articles: say which with --article N (the article column of "
			        "quoth quotes --format tsv)", a->file);
		return 2;
	}
	*d = corpus_doc(c, i, SIZE_MAX);
	if (!*d) {
		cmd_item_error(c, i);
		return 1;
	}
	return 0;
}

/* The article of FILE: the file itself, or one of its several (then c
 * owns it). 0, or the exit status. */
static int article_of(const tag_args *a, corpus *c, doc **d)
{
	struct stat st;
	bool folder = stat(a->file, &st) == 0 && S_ISDIR(st.st_mode);
	int rc = folder ? 0 : corpus_add_path(c, a->file);
	if (rc == Q_ENOMEM) {
		cmd_say("quoth tag: %s", error_message(rc));
		return 1;
	}
	if (c->n && c->v[0].file)
		return record_of(a, c, d);
	corpus_free(c);   /* one article: read whole, as it always was */
	if (a->article) {
		cmd_say("quoth tag: --article is for a file of several articles; %s holds one", a->file);
		return 2;
	}
	rc = doc_load(a->file, d);
	if (rc) {
		cmd_file_error(a->file, rc);
		return 1;
	}
	return 0;
}

int cmd_tag(int argc, char **argv)
{
	tag_args a;
	int rc = args_tag(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	corpus c;
	corpus_init(&c);
	doc *d = NULL;
	rc = article_of(&a, &c, &d);
	if (rc) {
		corpus_free(&c);
		return rc;
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
	if (!c.n)
		doc_free(d);   /* else the corpus's */
	corpus_free(&c);
	return status;
}
