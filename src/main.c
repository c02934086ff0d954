/* quoth: the command line. Parses the sub-command and global options and
 * hands over; every exit status is decided here or in a cmd_* function. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistring/version.h>
#include "cmd.h"
#include "ui.h"

#ifndef INIPARSER_VERSION
#define INIPARSER_VERSION "unknown"
#endif

static const char usage[] =
	"usage: quoth [--config FILE] [PATH...]      open the reader (no PATH: the samples)\n"
	"       quoth render [--width N] PATH...     print articles reflowed and wrapped\n"
	"       quoth quotes [--format text|tsv|jsonl] [--config FILE] PATH...\n"
	"                                            print the quotes and who said them\n"
	"       quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n"
	"                                            print tagged quotes (of PATHs, or all)\n"
	"       quoth tag [--remove] [--text TEXT] [--speaker NAME] TAG FILE QUOTE-ID...\n"
	"                                            tag quotes of an article (or untag)\n"
	"       quoth tags [--count]                 list the tag names in use\n"
	"       quoth --help | --version\n"
	"\n"
	"PATH is a file, or - for standard input.\n"
	"See quoth(1) for the keys, config.ini and the keymaps.\n";

static void print_version(void)
{
	printf("quoth %s\n", QUOTH_VERSION);
	printf("  %s\n", ui_curses_version());
	printf("  libunistring %d.%d\n", _libunistring_version >> 8, _libunistring_version & 0xFF);
	printf("  iniparser %s\n", INIPARSER_VERSION);
}

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct subcommand subcommands[] = {
	{ "render", cmd_render },
	{ "quotes", cmd_quotes },
	{ "export", cmd_export },
	{ "tag", cmd_tag },
	{ "tags", cmd_tags },
};

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
		print_version();
		return 0;
	}
	for (size_t i = 0; argc > 1 && i < sizeof subcommands / sizeof *subcommands; i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);
	/* no sub-command: the reader, on the paths given (or the samples) */
	return cmd_read(argc, argv);
}
