/* quoth: the command line. Parses the sub-command and global options and
 * hands over; every exit status is decided here or in a cmd_* function. */
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
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
	"       quoth index [--index FILE] [PATH...] build or update the corpus index\n"
	"       quoth index [--index FILE] --import FILE.jsonl...\n"
	"                                            load quoth quotes output made elsewhere\n"
	"       quoth speakers [--sort count|name] [--filter TEXT] [--quotes NAME]\n"
	"                                            the speakers of the indexed corpus\n"
	"       quoth same-quotes [--min-articles N] [--match QUERY] [--format text|jsonl]\n"
	"                                            quotes that several articles carry\n"
	"       quoth --help | --version\n"
	"\n"
	"PATH is a file, or - for standard input.\n"
	"See quoth(1) for the keys, config.ini and the keymaps.\n";

static void print_version(void)
{
	printf("quoth %s\n", QUOTH_VERSION);
	printf("  %s\n", ui_curses_version());
	int v = _libunistring_version;   /* 0xMMmmss since 0.9.4 */
	printf("  libunistring %d.%d.%d\n", v >> 16, (v >> 8) & 0xFF, v & 0xFF);
	printf("  iniparser %s\n", INIPARSER_VERSION);
}

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;   /* for "quoth NAME --help"; NULL: the command prints its own */
};

static const struct subcommand subcommands[] = {
	{ "render", cmd_render,
	  "usage: quoth render [--width N] PATH...\n\n"
	  "Prints each article's title and its reflowed text wrapped at N columns\n"
	  "(default: the terminal's width, else $COLUMNS, else 80). PATH is a file or -.\n" },
	{ "quotes", cmd_quotes, NULL },
	{ "export", cmd_export,
	  "usage: quoth export [--tag TAG]... [--format text|tsv|jsonl] [PATH...]\n\n"
	  "Prints tagged quotes: of the articles given (files, folders or -), or all.\n"
	  "Several --tag select quotes with any of those tags.\n" },
	{ "tag", cmd_tag,
	  "usage: quoth tag [--remove] [--text TEXT] [--speaker NAME] TAG FILE QUOTE-ID...\n\n"
	  "Tags (or untags) quotes of FILE by their ids (quoth quotes --format jsonl prints them).\n" },
	{ "index", cmd_index, NULL },
	{ "speakers", cmd_speakers, NULL },
	{ "same-quotes", cmd_same_quotes, NULL },
	{ "tags", cmd_tags,
	  "usage: quoth tags [--count]\n\n"
	  "Lists the tag names in use; --count adds how many quotes carry each.\n" },
};

/* Articles are mapped, not copied. When another program shortens a file
 * while quoth reads it, touching a page past its new end raises SIGBUS:
 * the page is replaced by zeros (shown as ␀ like any NUL) and quoth goes
 * on, and says so when it exits. Set by the handler only. */
static volatile sig_atomic_t file_shrank;

static void on_sigbus(int sig, siginfo_t *si, void *uctx)
{
	(void)uctx;
	long page = sysconf(_SC_PAGESIZE);
	void *at = (void *)((uintptr_t)si->si_addr & ~(uintptr_t)(page - 1));
	if (si->si_code != BUS_ADRERR || page <= 0 ||
	    mmap(at, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
		signal(sig, SIG_DFL);   /* not a shortened file: die of it as before */
		return;
	}
	file_shrank = 1;
}

const volatile sig_atomic_t *main_file_shrank(void)
{
	return &file_shrank;
}

static void guard_mapped_files(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	guard_mapped_files();
	int status = run(argc, argv);
	if (file_shrank) {
		fflush(stdout);
		fputs("quoth: a file was shortened while it was being read: its lost end was read as empty\n", stderr);
		if (status == 0)
			status = 1;
	}
	return status;
}

static int run(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
		print_version();
		return 0;
	}
	for (size_t i = 0; argc > 1 && i < sizeof subcommands / sizeof *subcommands; i++) {
		const struct subcommand *c = &subcommands[i];
		if (strcmp(argv[1], c->name))
			continue;
		if (c->help && argc > 2 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
			fputs(c->help, stdout);
			return 0;
		}
		return c->run(argc - 1, argv + 1);
	}
	/* no sub-command: the reader, on the paths given (or the samples) */
	return cmd_read(argc, argv);
}
