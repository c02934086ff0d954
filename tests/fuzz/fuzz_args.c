/* The command-line parsers of every subcommand (src/cli/args.c): the input
 * is split at NUL bytes into the arguments, its first byte picks the
 * subcommand.
 *
 * Invariants: no crash; a parse ends in one of its three outcomes; what it
 * says on standard error is display-safe (every argument echoed there went
 * through the text layer), one line a message; the operands it returns are
 * arguments it was given, in their order; numbers are in their ranges.
 */
#include <sys/mman.h>
#include "fuzz.h"
#include "args.h"

#define MAX_ARGS 24

static int err_fd = -1, real_err = -1;

/* Standard error (and standard output, where help goes) into a memory file
 * that the run reads back; libFuzzer's own reports and the checks' go to the
 * real standard error, given back after each parse. */
static void capture(void)
{
	if (err_fd < 0) {
		err_fd = memfd_create("fuzz-args-stderr", 0);
		real_err = dup(STDERR_FILENO);
		FUZZ_CHECK(err_fd >= 0 && real_err >= 0, "memfd_create");
		int out = open("/dev/null", O_WRONLY);
		dup2(out, STDOUT_FILENO);
		close(out);
		setvbuf(stderr, NULL, _IONBF, 0);
	}
	dup2(err_fd, STDERR_FILENO);
}

static void release(void)
{
	dup2(real_err, STDERR_FILENO);
}

static void check_stderr(void)
{
	off_t n = lseek(err_fd, 0, SEEK_CUR);
	char *buf = malloc((size_t)n + 1);
	FUZZ_CHECK(buf != NULL, "out of memory");
	FUZZ_CHECK(pread(err_fd, buf, (size_t)n, 0) == n, "pread");
	/* each message a line: display-safe with its line end removed */
	for (char *line = buf, *end; line < buf + n; line = end + 1) {
		end = memchr(line, '\n', (size_t)(buf + n - line));
		if (!end)
			end = buf + n;
		fuzz_check_safe("a message on standard error", line, (size_t)(end - line), true);
	}
	free(buf);
	FUZZ_CHECK(ftruncate(err_fd, 0) == 0 && lseek(err_fd, 0, SEEK_SET) == 0, "reset");
}

/* operands[0..n) are, in order, a subsequence of the arguments given */
static void check_operands(char **given, int ngiven, char **ops, size_t n)
{
	int k = 1;
	for (size_t i = 0; i < n; i++) {
		while (k < ngiven && strcmp(given[k], ops[i]))
			k++;
		FUZZ_CHECK(k < ngiven, "operand %zu ('%s') was not an argument, or out of order", i, ops[i]);
		k++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char *copy = malloc(size + 1);
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	char cmd[] = "cmd", *argv[MAX_ARGS + 1], *given[MAX_ARGS + 1];
	int argc = 0;
	argv[argc++] = cmd;
	for (char *p = copy; argc < MAX_ARGS && p <= copy + size - 1;) {
		argv[argc++] = p;
		p += strlen(p) + 1;
	}
	argv[argc] = NULL;
	memcpy(given, argv, sizeof argv);
	int rc = 0;
	capture();
	switch (data[0] % 6) {
	case 0: {
		quotes_args a;
		rc = args_quotes(argc, argv, &a);
		if (rc == ARGS_OK) {
			check_operands(given, argc, a.in.paths, a.in.npaths);
			FUZZ_CHECK(a.in.jobs <= 1024 && a.format <= QFMT_JSONL, "jobs %u, format %d", a.in.jobs, a.format);
		}
		break;
	}
	case 1: {
		render_args a;
		rc = args_render(argc, argv, &a);
		if (rc == ARGS_OK) {
			check_operands(given, argc, a.in.paths, a.in.npaths);
			FUZZ_CHECK(a.width >= 0 && a.width <= 100000, "width %d", a.width);
		}
		break;
	}
	case 2: {
		export_args a;
		rc = args_export(argc, argv, &a);
		if (rc == ARGS_OK)
			check_operands(given, argc, a.paths, a.npaths);
		FUZZ_CHECK(a.ntags < (size_t)argc, "more tags than arguments");
		free(a.tags);
		break;
	}
	case 3: {
		tag_args a;
		rc = args_tag(argc, argv, &a);
		if (rc == ARGS_OK)
			FUZZ_CHECK(a.tag && a.file && a.nids >= 1, "tag without its operands");
		break;
	}
	case 4: {
		tags_args a;
		rc = args_tags(argc, argv, &a);
		break;
	}
	default: {
		read_args a;
		rc = args_read(argc, argv, &a);
		if (rc == ARGS_OK)
			check_operands(given, argc, a.paths, a.npaths);
		break;
	}
	}
	release();
	FUZZ_CHECK(rc == ARGS_OK || rc == ARGS_EXIT || rc == ARGS_USAGE, "parse returned %d", rc);
	check_stderr();
	free(copy);
	return 0;
}
