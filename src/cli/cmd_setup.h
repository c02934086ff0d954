/* What the subcommands of the corpus index share (cmd_setup.c): the
 * config files, the quote engine's options, opening the index, messages. */
#ifndef QUOTH_CMD_SETUP_H
#define QUOTH_CMD_SETUP_H

#include "cmd.h"
#include "config.h"
#include "index.h"
#include "quotes.h"

/* What the commands of the corpus index read first (cmd_setup.c). */
struct cmd_setup {
	struct config cfg;
	quotes_opts quotes;      /* with the cue verbs of the config */
	names_opts names;        /* [speakers] */
};

/* Reads the config files (warnings to standard error) and sets up s.
 * Returns 0 or the Q_* code (reported). */
int cmd_setup_load(const char *config_path, struct cmd_setup *s);
void cmd_setup_free(struct cmd_setup *s);

/* Opens the index (path NULL: the default) and prints its note. */
int cmd_open_index(const char *path, unsigned flags, qindex **ix);

/* Opens the index for reading, deriving speakers and groups first when
 * they are out of date (and the file can be written). */
int cmd_open_for_queries(const char *path, const struct cmd_setup *s, qindex **ix);

/* Prints what went wrong with the index. */
void cmd_index_error(qindex *ix, int code);

/* Derives the speakers and groups when due, saying so on a terminal;
 * reports a failure. Returns 0 or the Q_* code. */
int cmd_derive(qindex *ix, const struct cmd_setup *s);

/* An import_error_fn printing "quoth: FILE:LINE: what". */
void cmd_import_error(void *ctx, const char *file, long line, const char *what);

/* "quoth CMD: OPT wants WANTED, not: VALUE" on standard error, VALUE escaped. */
void cmd_bad_value(const char *cmd, const char *opt, const char *value, const char *wanted);

struct strbuf;
/* A quote of the index as one JSON line: file, title, lang, date, source,
 * speaker, text, start, end, id, article_id, confidence. */
void cmd_put_hit_json(struct strbuf *b, const index_hit *h);

#endif
