/* quoth index: build or bring up to date the corpus index. */
#include <getopt.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "cmd_setup.h"
#include "config.h"
#include "error.h"
#include "import.h"
#include "index.h"
#include "indexer.h"
#include "text.h"

static const char usage[] =
	"usage: quoth index [--index FILE] [--config FILE] [--jobs N] [--quiet] [PATH...]\n"
	"       quoth index [--index FILE] --import FILE.jsonl...\n";

static const char help[] =
	"usage: quoth index [--index FILE] [--config FILE] [--jobs N] [--quiet] [PATH...]\n"
	"       quoth index [--index FILE] --import FILE.jsonl...\n"
	"\n"
	"Builds or brings up to date the corpus index that quoth speakers, quoth\n"
	"same-quotes and the reader's speaker and group views read. PATH is a file\n"
	"or a folder (every *.txt below it). Files whose size and time are unchanged\n"
	"are skipped; files that vanished from under PATH are removed. With no PATH,\n"
	"every file the index knows is checked again.\n"
	"  --index FILE    the index file (default $XDG_CACHE_HOME/quoth/index.sqlite)\n"
	"  --config FILE   read FILE after the user's config.ini ([quotes], [speakers])\n"
	"  --import FILE   load the output of quoth quotes --format=jsonl made elsewhere,\n"
	"                  without extracting again (- for standard input)\n"
	"  -j, --jobs N    read files and find their quotes on N threads (1 to 16) while\n"
	"                  one more writes the index, and reads too while it waits\n"
	"                  (default: one fewer than the cores, at least 1)\n"
	"  --quiet         no summary, no progress\n"
	"The index is a cache: deleting it loses nothing (tags live in their journal).\n";

struct index_args {
	const char *index_path, *config_path;
	const char **imports;
	size_t nimports;
	unsigned jobs;           /* 0: the default */
	bool quiet;
	char **paths;
	size_t npaths;
};

static int parse_jobs(const char *s, unsigned *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 1 || v > 16) {
		fprintf(stderr, "quoth index: --jobs wants a number from 1 to 16, not '%s'\n%s", s, usage);
		return 2;
	}
	*out = (unsigned)v;
	return 0;
}

static int parse_args(int argc, char **argv, struct index_args *a)
{
	static const struct option longopts[] = {
		{ "index", required_argument, NULL, 'i' },
		{ "config", required_argument, NULL, 'c' },
		{ "import", required_argument, NULL, 'I' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":qhj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'i': a->index_path = optarg; break;
		case 'c': a->config_path = optarg; break;
		case 'I': a->imports[a->nimports++] = optarg; break;
		case 'q': a->quiet = true; break;
		case 'j':
			if (parse_jobs(optarg, &a->jobs))
				return 2;
			break;
		case 'h': fputs(help, stdout); return -1;
		default:
			cmd_usage_error("index", argv[optind - 1], c == ':', usage);
			return 2;
		}
	}
	a->paths = argv + optind;
	a->npaths = (size_t)(argc - optind);
	if (a->nimports && a->npaths) {
		fprintf(stderr, "quoth index: --import takes no PATH (index them in a run of their own)\n%s", usage);
		return 2;
	}
	for (size_t i = 0; i < a->npaths; i++)
		if (!strcmp(a->paths[i], "-")) {
			fputs("quoth index: standard input cannot be indexed (it has no path to find it again);"
			      " --import - reads quoth quotes output from it\n", stderr);
			return 2;
		}
	return 0;
}

struct progress {
	bool tty;
	int64_t start_ns;
	bool shown;
};

static int64_t mono_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void on_file_error(void *ctx, const char *path, int code)
{
	struct progress *p = ctx;
	if (p->shown) {
		fputs("\r\033[K", stderr);
		p->shown = false;
	}
	cmd_file_error(path, code);
}

static void on_progress(void *ctx, const indexer_stats *st, size_t total, bool done)
{
	struct progress *p = ctx;
	if (!p->tty)
		return;
	if (done) {
		if (p->shown)
			fputs("\r\033[K", stderr);
		p->shown = false;
		return;
	}
	double s = (double)(mono_ns() - p->start_ns) / 1e9;
	size_t seen = st->added + st->changed + st->touched + st->unchanged + st->failed;
	fprintf(stderr, "\r\033[Kindexing %zu/%zu files, %.0f MB, %.0f MB/s", seen, total,
	        (double)st->bytes / 1e6, s > 0 ? (double)st->bytes / 1e6 / s : 0.0);
	p->shown = true;
}

static void print_summary(const indexer_stats *st, bool import, const index_counts *c, const char *path, double secs)
{
	char *safe = NULL;
	size_t n;
	if (text_sanitize_line(path, strlen(path), &safe, &n))
		safe = NULL;
	if (import)
		printf("imported %zu articles, %zu quotes in %.1f s; %zu bad lines\n", st->added, st->quotes, secs,
		       st->failed);
	else
		printf("%zu files: %zu new, %zu changed, %zu touched, %zu unchanged, %zu removed, %zu failed; "
		       "%zu quotes read in %.1f s (%.1f MB)\n",
		       st->files, st->added, st->changed, st->touched, st->unchanged, st->removed, st->failed, st->quotes,
		       secs, (double)st->bytes / 1e6);
	printf("index %s: %ld articles, %ld quotes, %ld speakers, %ld groups\n", safe ? safe : "?", c->articles,
	       c->quotes, c->persons, c->groups);
	free(safe);
}

/* The imports in turn: a file that cannot be read is reported (counted in
 * *unread) and the others are still loaded; a failure of the index ends
 * the run. */
static int run_imports(qindex *ix, const struct index_args *a, indexer_stats *st, int *status, size_t *unread)
{
	*unread = 0;
	for (size_t i = 0; i < a->nimports; i++) {
		import_stats is;
		int rc = import_jsonl(ix, a->imports[i], &is, cmd_import_error, NULL);
		st->added += is.articles;
		st->quotes += is.quotes;
		st->files += is.articles;
		st->failed += is.bad_lines;
		if (rc)
			*status = 1;
		if (is.index_failed)
			return rc;
		if (rc && rc != Q_ESYNTAX) {
			cmd_file_error(a->imports[i], rc);
			++*unread;
		}
	}
	return 0;
}

/* One run over the paths or the imports; 0, or the Q_* code of a failure
 * of the index itself (files that could not be read only set *status). */
static int index_run(qindex *ix, const struct index_args *a, const struct cmd_setup *setup, struct progress *p,
                     indexer_stats *st, int *status, size_t *unread)
{
	int bulk = index_bulk(ix);
	if (bulk)
		return bulk;
	if (a->nimports) {
		memset(st, 0, sizeof *st);
		int rc = run_imports(ix, a, st, status, unread);
		return rc ? rc : cmd_derive(ix, setup);
	}
	indexer_opts o = { .quotes = &setup->quotes, .readers = a->jobs, .file_error = on_file_error, .progress = on_progress, .ctx = p };
	int rc = indexer_run(ix, (const char *const *)a->paths, a->npaths, &o, st);
	if (st->failed)
		*status = 1;
	if (st->changed_during)
		fprintf(stderr, "quoth index: %zu file%s changed while being read; the next run reads %s again\n",
		        st->changed_during, st->changed_during == 1 ? "" : "s", st->changed_during == 1 ? "it" : "them");
	return rc ? rc : cmd_derive(ix, setup);
}

/* The writing thread's memory in pages of 2 MB (transparent huge pages,
 * which the system gives to memory marked for them): SQLite's cache of
 * pages (128 MB in a load) and FTS5's hash of a batch's words (up to
 * 64 MB, a block a word, grown by realloc) are read all over, a word at a
 * time. In pages of 4 KB, by perf at 100,000 articles, a fifth of that
 * thread's time went to the one instruction that reads a word's entry in
 * the hash, and 27,000 page faults to 20,000 articles (2,900 now). The
 * heap is grown once by HEAP_AHEAD before the index is opened, and that
 * part marked: memory is still the system's only as it is touched. */
#define HEAP_AHEAD (256u << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define DEFAULT_TOP_PAD (128 << 10)   /* glibc's */

/* [from, end): the heap sbrk grew for a block just allocated at p, from its
 * first huge page on; false when p is not in it (another allocator, such
 * as valgrind's or a sanitizer's). */
static bool grown_heap(const char *p, uintptr_t *from, uintptr_t *end)
{
	void *brk = sbrk(0);
	if (!p || brk == (void *)-1)
		return false;
	*end = (uintptr_t)brk;
	*from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	return (uintptr_t)p < *end && *end - (uintptr_t)p <= 2 * (uintptr_t)HEAP_AHEAD && *from < *end;
}

static void heap_in_huge_pages(void)
{
	mallopt(M_TOP_PAD, (int)HEAP_AHEAD);
	char *p = malloc(16u << 20);   /* (under M_MMAP_THRESHOLD: from the heap, which grows) */
	uintptr_t from, end;
	if (grown_heap(p, &from, &end)) {
		madvise((void *)from, end - from, MADV_HUGEPAGE);   /* (advice: a refusal changes nothing) */
		mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_AHEAD));  /* (the free below keeps it) */
	}
	mallopt(M_TOP_PAD, DEFAULT_TOP_PAD);   /* later growth as before */
	free(p);
}

int cmd_index(int argc, char **argv)
{
	heap_in_huge_pages();
	const char **imports = calloc((size_t)(argc > 0 ? argc : 1), sizeof *imports);
	if (!imports) {
		cmd_file_error("quoth index", Q_ENOMEM);
		return 1;
	}
	struct index_args a = { .imports = imports };
	int rc = parse_args(argc, argv, &a);
	if (rc) {
		free(imports);
		return rc < 0 ? 0 : rc;
	}
	struct cmd_setup setup;
	if (cmd_setup_load(a.config_path, &setup)) {
		free(imports);
		return 1;
	}
	qindex *ix = NULL;
	rc = cmd_open_index(a.index_path, INDEX_WRITE, &ix);
	if (!rc && index_readonly(ix)) {
		fputs("quoth index: the index cannot be written\n", stderr);
		rc = Q_EROFS;
	}
	struct progress p = { .tty = !a.quiet && isatty(STDERR_FILENO), .start_ns = mono_ns() };
	indexer_stats st;
	int status = 0;
	size_t unread = 0;
	if (!rc && (rc = index_run(ix, &a, &setup, &p, &st, &status, &unread)) && index_damaged(ix)) {
		/* a damaged page found on the way: start again from an empty index, once */
		cmd_index_error(ix, rc);
		index_close(ix);
		ix = NULL;
		if (!(rc = cmd_open_index(a.index_path, INDEX_WRITE | INDEX_REBUILD, &ix)))
			rc = index_run(ix, &a, &setup, &p, &st, &status, &unread);
	}
	if (rc) {
		if (ix && rc != Q_EROFS)
			cmd_index_error(ix, rc);
		status = 1;
	}
	index_counts c = { 0 };
	/* imports of which none could be read: their errors are all there is to say */
	bool none_read = a.nimports && unread == a.nimports;
	if (!a.quiet && !rc && !none_read && !index_count(ix, &c))
		print_summary(&st, a.nimports > 0, &c, index_path(ix), (double)(mono_ns() - p.start_ns) / 1e9);
	index_close(ix);
	cmd_setup_free(&setup);
	free(imports);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
