#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "args.h"
#include "cmd.h"
#include "tags.h"

#define PATHS_HELP \
	"PATH is a file, a folder (every *.txt, *.md, *.jsonl and *.ndjson below it, also\n" \
	"gzipped, sorted by path; hidden entries skipped) or - for standard input; with no\n" \
	"PATH, standard input when it is a pipe or a file. A file holds one article, or\n" \
	"several separated by form-feed lines, or JSON Lines (*.jsonl, *.ndjson, --input jsonl).\n"

#define INPUT_HELP \
	"  --input jsonl|text   how to read each file (default: by its name)\n" \
	"  --text-field NAMES   JSON Lines: the text field, the first present of NAMES\n" \
	"                       (comma-separated; default text,maintext)\n" \
	"  --title-field NAMES  JSON Lines: the title field (default title)\n" \
	"  -j, --jobs N         extract on N threads (default: the number of cores); the\n" \
	"                       output is the same, in input order, whatever N\n" \
	"  --progress, --no-progress   progress on standard error (default: when it is a\n" \
	"                       terminal and standard output is not)\n"

static const char quotes_usage[] =
	"usage: quoth quotes [--format text|tsv|jsonl] [--config FILE] [--jobs N] [--input jsonl|text] [PATH...]\n";
static const char quotes_help[] =
	"usage: quoth quotes [OPTION...] [PATH...]\n"
	"\n"
	"Prints the direct quotations of each article and who said them.\n"
	"  -f, --format text    a line \"== PATH: Title (N quotes)\" an article, then “…” — Speaker (default)\n"
	"  -f, --format tsv     a header line, then file, start, end, speaker, cue, confidence,\n"
	"                       id, text, article, title, url, date, source\n"
	"  -f, --format jsonl   one JSON object a quote, with the same fields (and\n"
	"                       speaker_source \"user\" for a speaker corrected in the reader)\n"
	"  --config FILE        read FILE after the user's config.ini ([quotes] cue_verbs_LANG)\n"
	INPUT_HELP
	"\n" PATHS_HELP
	"start and end are byte offsets of the quote's words in the article's text (UTF-8, as\n"
	"quoth reads it; for a JSON Lines record, its text field); article is the article's\n"
	"number in a form-feed file, or the line number in a JSON Lines file.\n"
	"QUOTH_MODEL=FILE uses the speaker weights of FILE (written by quoth-train)\n"
	"instead of the compiled-in ones.\n";

static const char render_usage[] = "usage: quoth render [--width N] [--jobs N] [--input jsonl|text] [PATH...]\n";
static const char render_help[] =
	"usage: quoth render [OPTION...] [PATH...]\n"
	"\n"
	"Prints each article's title and its reflowed text wrapped at N columns; between\n"
	"articles, a line \"==> PATH <==\" (as head(1) writes).\n"
	"  -w, --width N        the width (default: the terminal's, else $COLUMNS, else 80)\n"
	INPUT_HELP
	"\n" PATHS_HELP;

static const char export_usage[] = "usage: quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n";
static const char export_help[] =
	"usage: quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n"
	"\n"
	"Prints tagged quotes: of the articles given, or with no PATH every tagged quote.\n"
	"PATH is a file, a folder (every *.txt, *.md, *.jsonl and *.ndjson below it, also\n"
	"gzipped) or - (standard input); a JSON Lines file gives each of its records.\n"
	"Several --tag select quotes with any of those tags.\n";

static const char tag_usage[] =
	"usage: quoth tag [--remove] [--text TEXT] [--speaker NAME] [--article N] TAG FILE QUOTE-ID...\n";
static const char tag_help[] =
	"usage: quoth tag [--remove] [--text TEXT] [--speaker NAME] [--article N] TAG FILE QUOTE-ID...\n"
	"\n"
	"Tags (or untags) quotes of FILE by their ids (quoth quotes --format jsonl prints\n"
	"them); an id that is not a quote of FILE is refused. A file of several articles\n"
	"(JSON Lines, form-feed lines) needs --article N: the article column of quoth\n"
	"quotes (a JSON Lines record's line).\n";

static const char tags_usage[] = "usage: quoth tags [--count]\n";
static const char tags_help[] =
	"usage: quoth tags [--count]\n"
	"\n"
	"Lists the tag names in use; --count adds how many quotes carry each.\n";

static const char read_usage[] = "usage: quoth [--config FILE] [PATH...]\n";

const char args_main_help[] =
	"usage: quoth [--config FILE] [PATH...]      open the reader (no PATH: the samples)\n"
	"       quoth render [--width N] [PATH...]   print articles reflowed and wrapped\n"
	"       quoth quotes [--format text|tsv|jsonl] [--config FILE] [--jobs N] [PATH...]\n"
	"                                            print the quotes and who said them\n"
	"       quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n"
	"                                            print tagged quotes (of PATHs, or all)\n"
	"       quoth tag [--remove] [--text TEXT] [--speaker NAME] [--article N] TAG FILE QUOTE-ID...\n"
	"                                            tag quotes of an article (or untag)\n"
	"       quoth tags [--count]                 list the tag names in use\n"
	"       quoth index [--index FILE] [PATH...] build or update the corpus index\n"
	"       quoth index [--index FILE] --import FILE.jsonl...\n"
	"                                            load quoth quotes output made elsewhere\n"
	"       quoth speakers [--sort count|name] [--filter TEXT] [--quotes NAME]\n"
	"                                            the speakers of the indexed corpus\n"
	"       quoth same-quotes [--min-articles N] [--match QUERY] [--format text|jsonl]\n"
	"                                            quotes that several articles carry\n"
	"       quoth COMMAND --help | quoth --help | quoth --version\n"
	"\n"
	"PATH is a file, a folder (every *.txt, *.md, *.jsonl and *.ndjson below it, also\n"
	"gzipped) or - for standard input. The reader lists each record of a JSON Lines file\n"
	"and each article of a file named as PATH that form-feed lines cut. render and\n"
	"quotes read standard input when no PATH is given and it is a pipe or a file.\n"
	"See quoth(1) for the keys, config.ini and the keymaps.\n";

/* ---- the parser -------------------------------------------------------------- */

typedef int (*opt_fn)(void *a, int key, const char *val);

typedef struct command {
	const char *name;         /* "quoth quotes" */
	const char *usage, *help;
	const char *shortopts;
	const struct option *longopts;
	opt_fn opt;
} command;

static int usage_error(const command *c)
{
	fputs(c->usage, stderr);
	return ARGS_USAGE;
}

/* Parses argv[1..argc): options through c->opt, operands compacted to
 * argv[1..1+*n) in their order (*ops = argv + 1). */
static int parse(const command *c, void *a, int argc, char **argv, char ***ops, size_t *n)
{
	char optstring[64];
	/* '-': operands come back in order as option 1 (no permuting, whatever
	 * POSIXLY_CORRECT says); ':': no message of getopt's own, which would
	 * print the option raw */
	snprintf(optstring, sizeof optstring, "-:h%s", c->shortopts);
	opterr = 0;
	optind = 0;   /* glibc: start over, as for a new argv */
	int k = 1, ch, idx;
	while ((ch = getopt_long(argc, argv, optstring, c->longopts, &idx)) != -1) {
		const char *arg = argv[optind - 1 > 0 ? optind - 1 : 0];
		if (ch == 1) {
			argv[k++] = optarg;
		} else if (ch == 'h') {
			fputs(c->help, stdout);
			return ARGS_EXIT;
		} else if (ch == '?' || ch == ':') {
			char shortopt[3] = { '-', (char)optopt, '\0' };
			const char *what = optopt && !(arg[0] == '-' && arg[1] == '-') ? shortopt : arg;
			cmd_say(ch == '?' ? "%s: unknown option %s" : "%s: %s needs a value", c->name, what);
			return usage_error(c);
		} else {
			int rc = c->opt(a, ch, optarg);
			if (rc)
				return rc == ARGS_USAGE ? usage_error(c) : rc;
		}
	}
	while (optind < argc)
		argv[k++] = argv[optind++];
	*ops = argv + 1;
	*n = (size_t)(k - 1);
	return ARGS_OK;
}

/* ---- values -------------------------------------------------------------------- */

static int number(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

unsigned args_cores(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

/* The options quotes and render share; the caller's struct starts with its input_args. */
enum { OPT_INPUT = 256, OPT_TEXT_FIELD, OPT_TITLE_FIELD, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_CONFIG, OPT_TEXT,
       OPT_SPEAKER, OPT_ARTICLE };

#define INPUT_OPTIONS \
	{ "input", required_argument, NULL, OPT_INPUT }, \
	{ "text-field", required_argument, NULL, OPT_TEXT_FIELD }, \
	{ "title-field", required_argument, NULL, OPT_TITLE_FIELD }, \
	{ "jobs", required_argument, NULL, 'j' }, \
	{ "progress", no_argument, NULL, OPT_PROGRESS }, \
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS }, \
	{ "help", no_argument, NULL, 'h' }

static int input_opt(input_args *in, const char *cmd, int key, const char *val)
{
	long v;
	switch (key) {
	case OPT_INPUT:
		if (!strcmp(val, "jsonl") || !strcmp(val, "json"))
			in->corpus.input = CORPUS_JSONL;
		else if (!strcmp(val, "text"))
			in->corpus.input = CORPUS_TEXT;
		else if (!strcmp(val, "auto"))
			in->corpus.input = CORPUS_AUTO;
		else
			return cmd_say("%s: --input wants jsonl, text or auto, not '%s'", cmd, val), ARGS_USAGE;
		return ARGS_OK;
	case OPT_TEXT_FIELD:
	case OPT_TITLE_FIELD:
		if (!*val || strlen(val) > 1000)
			return cmd_say("%s: %s wants field names, not '%s'", cmd,
			               key == OPT_TEXT_FIELD ? "--text-field" : "--title-field", val), ARGS_USAGE;
		*(key == OPT_TEXT_FIELD ? &in->corpus.text_fields : &in->corpus.title_fields) = val;
		return ARGS_OK;
	case 'j':
		if (number(val, 1, 1024, &v))
			return cmd_say("%s: --jobs wants a number from 1 to 1024, not '%s'", cmd, val), ARGS_USAGE;
		in->jobs = (unsigned)v;
		return ARGS_OK;
	case OPT_PROGRESS:
	case OPT_NO_PROGRESS:
		in->progress = key == OPT_PROGRESS;
		return ARGS_OK;
	}
	return ARGS_USAGE;
}

static void input_defaults(input_args *in)
{
	in->progress = -1;
}

/* ---- quotes ---------------------------------------------------------------------- */

static const struct option quotes_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "config", required_argument, NULL, OPT_CONFIG },
	INPUT_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

static int quotes_opt(void *target, int key, const char *val)
{
	quotes_args *a = target;
	if (key == 'f') {
		if (!strcmp(val, "text"))
			a->format = QFMT_TEXT;
		else if (!strcmp(val, "tsv"))
			a->format = QFMT_TSV;
		else if (!strcmp(val, "jsonl") || !strcmp(val, "json"))
			a->format = QFMT_JSONL;
		else
			return cmd_say("quoth quotes: --format wants text, tsv or jsonl, not '%s'", val), ARGS_USAGE;
		return ARGS_OK;
	}
	if (key == OPT_CONFIG) {
		a->config = val;
		return ARGS_OK;
	}
	return input_opt(&a->in, "quoth quotes", key, val);
}

int args_quotes(int argc, char **argv, quotes_args *a)
{
	static const command c = { "quoth quotes", quotes_usage, quotes_help, "f:j:", quotes_options, quotes_opt };
	memset(a, 0, sizeof *a);
	input_defaults(&a->in);
	return parse(&c, a, argc, argv, &a->in.paths, &a->in.npaths);
}

/* ---- render ------------------------------------------------------------------------ */

static const struct option render_options[] = {
	{ "width", required_argument, NULL, 'w' },
	INPUT_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

static int render_opt(void *target, int key, const char *val)
{
	render_args *a = target;
	long v;
	if (key != 'w')
		return input_opt(&a->in, "quoth render", key, val);
	if (number(val, 1, 100000, &v))
		return cmd_say("quoth render: --width wants a number from 1 to 100000, not '%s'", val), ARGS_USAGE;
	a->width = (int)v;
	return ARGS_OK;
}

int args_render(int argc, char **argv, render_args *a)
{
	static const command c = { "quoth render", render_usage, render_help, "w:j:", render_options, render_opt };
	memset(a, 0, sizeof *a);
	input_defaults(&a->in);
	return parse(&c, a, argc, argv, &a->in.paths, &a->in.npaths);
}

/* ---- export ------------------------------------------------------------------------ */

static const struct option export_options[] = {
	{ "tag", required_argument, NULL, 't' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int export_opt(void *target, int key, const char *val)
{
	export_args *a = target;
	if (key == 'f') {
		if (export_format_parse(val, &a->format))
			return cmd_say("quoth export: --format is text, tsv or jsonl, not '%s'", val), ARGS_USAGE;
		return ARGS_OK;
	}
	if (!tags_name_valid(val))
		return cmd_say("quoth export: '%s' cannot be a tag (1 to %d bytes, no spaces or commas)", val,
		               TAGS_NAME_MAX), ARGS_USAGE;
	a->tags[a->ntags++] = val;
	return ARGS_OK;
}

int args_export(int argc, char **argv, export_args *a)
{
	static const command c = { "quoth export", export_usage, export_help, "t:f:", export_options, export_opt };
	memset(a, 0, sizeof *a);
	a->format = EXPORT_TEXT;
	a->tags = calloc((size_t)argc + 1, sizeof *a->tags);
	if (!a->tags) {
		fputs("quoth export: out of memory\n", stderr);
		return ARGS_USAGE;
	}
	return parse(&c, a, argc, argv, &a->paths, &a->npaths);
}

/* ---- tag, tags ------------------------------------------------------------------------ */

static const struct option tag_options[] = {
	{ "remove", no_argument, NULL, 'r' },
	{ "text", required_argument, NULL, OPT_TEXT },
	{ "speaker", required_argument, NULL, OPT_SPEAKER },
	{ "article", required_argument, NULL, OPT_ARTICLE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int tag_opt(void *target, int key, const char *val)
{
	tag_args *a = target;
	long v;
	if (key == 'r') {
		a->remove = true;
	} else if (key == OPT_ARTICLE) {
		if (number(val, 1, LONG_MAX, &v))
			return cmd_say("quoth tag: --article wants a number from 1, not '%s'", val), ARGS_USAGE;
		a->article = (size_t)v;
	} else {
		*(key == OPT_TEXT ? &a->text : &a->speaker) = val;
	}
	return ARGS_OK;
}

static bool hex_id(const char *s)
{
	size_t n = strlen(s);
	return n > 0 && n <= 16 && strspn(s, "0123456789abcdefABCDEF") == n;
}

int args_tag(int argc, char **argv, tag_args *a)
{
	static const command c = { "quoth tag", tag_usage, tag_help, "r", tag_options, tag_opt };
	memset(a, 0, sizeof *a);
	char **ops;
	size_t n;
	int rc = parse(&c, a, argc, argv, &ops, &n);
	if (rc)
		return rc;
	if (n < 3) {
		cmd_say("quoth tag: TAG, FILE and at least one QUOTE-ID are needed");
		return usage_error(&c);
	}
	a->tag = ops[0];
	a->file = ops[1];
	a->ids = ops + 2;
	a->nids = n - 2;
	if (!tags_name_valid(a->tag)) {
		cmd_say("quoth tag: not a tag name (1 to %d bytes, no spaces or commas): %s", TAGS_NAME_MAX, a->tag);
		return usage_error(&c);
	}
	for (size_t i = 0; i < a->nids; i++) {
		if (!hex_id(a->ids[i])) {
			cmd_say("quoth tag: a QUOTE-ID is up to 16 hex digits, not %s", a->ids[i]);
			return usage_error(&c);
		}
	}
	return ARGS_OK;
}

static const struct option tags_options[] = {
	{ "count", no_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int tags_opt(void *target, int key, const char *val)
{
	(void)key;
	(void)val;
	((tags_args *)target)->counts = true;
	return ARGS_OK;
}

int args_tags(int argc, char **argv, tags_args *a)
{
	static const command c = { "quoth tags", tags_usage, tags_help, "c", tags_options, tags_opt };
	memset(a, 0, sizeof *a);
	char **ops;
	size_t n;
	int rc = parse(&c, a, argc, argv, &ops, &n);
	if (!rc && n) {
		cmd_say("quoth tags: unknown argument %s", ops[0]);
		return usage_error(&c);
	}
	return rc;
}

/* ---- the reader ------------------------------------------------------------------------ */

static const struct option read_options[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int read_opt(void *target, int key, const char *val)
{
	(void)key;
	((read_args *)target)->config = val;
	return ARGS_OK;
}

int args_read(int argc, char **argv, read_args *a)
{
	static const command c = { "quoth", read_usage, args_main_help, "", read_options, read_opt };
	memset(a, 0, sizeof *a);
	return parse(&c, a, argc, argv, &a->paths, &a->npaths);
}
