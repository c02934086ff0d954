/* quoth: the command line. Parses the sub-command and global options and
 * hands over; every exit status is decided here or in a cmd_* function. */
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <unistring/version.h>
#include "args.h"
#include "cmd.h"
#include "index.h"
#include "ui.h"

#ifndef INIPARSER_VERSION
#define INIPARSER_VERSION "unknown"
#endif

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
};

static const struct subcommand subcommands[] = {
	{ "render", cmd_render },
	{ "quotes", cmd_quotes },
	{ "export", cmd_export },
	{ "tag", cmd_tag },
	{ "tags", cmd_tags },
	{ "index", cmd_index },
	{ "speakers", cmd_speakers },
	{ "same-quotes", cmd_same_quotes },
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
	/* Articles come and go by the thousand, a few MB each at most: keep
	 * freed memory for the next one rather than give it back to the system
	 * and fault it in again (a tenth of the time of quoth quotes went to
	 * brk and page faults); peak memory is bounded by the pieces in flight
	 * all the same. */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
	guard_mapped_files();
	/* A file-size limit (ulimit -f) reached is a write error (EFBIG) like a
	 * full disk, reported and retried, not a death in mid-write. */
	signal(SIGXFSZ, SIG_IGN);
	index_setup_process();
	/* Output that is not for a terminal goes out in blocks of 64 KiB rather
	 * than of a page: a run over a corpus writes megabytes, and on a
	 * virtual machine each write(2) costs microseconds. */
	static char out_buf[64 << 10];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
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
		fputs(args_main_help, stdout);
		return 0;
	}
	if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
		print_version();
		return 0;
	}
	for (size_t i = 0; argc > 1 && i < sizeof subcommands / sizeof *subcommands; i++) {
		const struct subcommand *c = &subcommands[i];
		if (!strcmp(argv[1], c->name))
			return c->run(argc - 1, argv + 1);
	}
	/* no sub-command: the reader, on the paths given (or the samples) */
	return cmd_read(argc, argv);
}
