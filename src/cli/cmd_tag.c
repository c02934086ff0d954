/* quoth tag: put a tag on quotes of an article (or take it off) from the
 * command line, for scripts. The quote is named by its id; until the quote
 * engine fills them in, its text and speaker are what --text and --speaker
 * say (kept from earlier tags when not given). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "doc.h"
#include "error.h"
#include "tags.h"

static const char tag_usage[] =
	"usage: quoth tag [--remove] [--text TEXT] [--speaker NAME] TAG FILE QUOTE-ID...\n";

static int bad_usage(const char *why, const char *what)
{
	fprintf(stderr, "quoth tag: %s%s\n%s", why, what ? what : "", tag_usage);
	return 2;
}

static bool parse_id(const char *s, uint64_t *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 16 || strspn(s, "0123456789abcdefABCDEF") != n)
		return false;
	*out = strtoull(s, NULL, 16);
	return true;
}

int cmd_tag(int argc, char **argv)
{
	bool remove = false;
	tag_meta meta = { 0 };
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (!strcmp(argv[i], "--remove") || !strcmp(argv[i], "-r")) {
			remove = true;
		} else if ((!strcmp(argv[i], "--text") || !strcmp(argv[i], "--speaker")) && i + 1 < argc) {
			*(argv[i][2] == 't' ? &meta.text : &meta.speaker) = argv[i + 1];
			i++;
		} else {
			return bad_usage("unknown option or missing value: ", argv[i]);
		}
	}
	if (argc - i < 3)
		return bad_usage("TAG, FILE and at least one QUOTE-ID are needed", NULL);
	const char *tag = argv[i], *file = argv[i + 1];
	if (!tags_name_valid(tag))
		return bad_usage("not a tag name (1 to 64 bytes, no spaces or commas): ", tag);
	for (int k = i + 2; k < argc; k++) {
		uint64_t id;
		if (!parse_id(argv[k], &id))
			return bad_usage("a QUOTE-ID is up to 16 hex digits, not ", argv[k]);
	}
	doc *d = NULL;
	int rc = doc_load(file, &d);
	if (rc) {
		cmd_file_error(file, rc);
		return 1;
	}
	meta.title = d->title;
	meta.path = d->name;
	tags_store *s;
	if (cmd_open_tags(&s)) {
		doc_free(d);
		return 1;
	}
	for (int k = i + 2; k < argc && !rc; k++) {
		uint64_t id = 0;
		parse_id(argv[k], &id);
		rc = tags_set(s, d->id, id, tag, !remove, &meta);
	}
	if (rc)
		fprintf(stderr, "quoth tag: %s: %s; not saved\n", tags_error_file(s), error_message(rc));
	int closerc = tags_close(s);   /* retries what is pending: it fails only when the change above did */
	doc_free(d);
	return rc || closerc ? 1 : 0;
}
