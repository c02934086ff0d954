/* The command line of each subcommand, parsed with getopt_long: options
 * anywhere among the operands (as GNU tools), `--` ends them, `-h`/`--help`
 * everywhere. Parsing prints its own errors (through cmd_say) and never
 * reads a file, so the fuzzer can drive it (tests/fuzz/fuzz_args.c). */
#ifndef QUOTH_ARGS_H
#define QUOTH_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include "export.h"
#include "stream.h"

/* What a parse function returns: go on, exit 0 (help printed), or exit 2
 * (bad usage: the message and the usage line printed). */
enum { ARGS_OK = 0, ARGS_EXIT = -1, ARGS_USAGE = 2 };

enum quotes_format { QFMT_TEXT, QFMT_TSV, QFMT_JSONL };

/* The inputs of quotes and render: PATH operands and how to read them. */
typedef struct input_args {
	corpus_opts corpus;
	unsigned jobs;            /* --jobs: 0 until given (then: the number of cores) */
	int progress;             /* --progress 1, --no-progress 0, -1: on when stderr is a terminal */
	char **paths;
	size_t npaths;
} input_args;

typedef struct quotes_args {
	input_args in;
	enum quotes_format format;
	const char *config;
} quotes_args;

typedef struct render_args {
	input_args in;
	int width;                /* 0: the terminal's */
} render_args;

typedef struct export_args {
	const char **tags;        /* owned array (the names are argv's) */
	size_t ntags;
	enum export_format format;
	char **paths;
	size_t npaths;
} export_args;

typedef struct tag_args {
	bool remove;
	const char *text, *speaker;
	const char *tag, *file;
	char **ids;
	size_t nids;
} tag_args;

typedef struct tags_args {
	bool counts;
} tags_args;

typedef struct read_args {
	const char *config;
	char **paths;
	size_t npaths;
} read_args;

/* Each fills a (zeroed first) from argv[1..argc) (argv[0] is the
 * subcommand's name); argv may be permuted. */
int args_quotes(int argc, char **argv, quotes_args *a);
int args_render(int argc, char **argv, render_args *a);
int args_export(int argc, char **argv, export_args *a);   /* free a->tags after */
int args_tag(int argc, char **argv, tag_args *a);
int args_tags(int argc, char **argv, tags_args *a);
int args_read(int argc, char **argv, read_args *a);

/* quoth --help */
extern const char args_main_help[];

/* The number of cores quoth may run on. */
unsigned args_cores(void);

#endif
