/* The sub-commands of the cli layer; main.c dispatches to them. Each returns
 * the process exit status: 0, 1 when a file could not be processed, 2 for
 * bad usage. */
#ifndef QUOTH_CMD_H
#define QUOTH_CMD_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

int cmd_render(int argc, char **argv);   /* cmd_render.c */
int cmd_quotes(int argc, char **argv);   /* cmd_quotes.c */
int cmd_export(int argc, char **argv);   /* cmd_export.c */
int cmd_tags(int argc, char **argv);     /* cmd_tags.c */
int cmd_tag(int argc, char **argv);      /* cmd_tag.c */
int cmd_read(int argc, char **argv);     /* cmd_read.c: the reader */
int cmd_index(int argc, char **argv);    /* cmd_index.c */
int cmd_speakers(int argc, char **argv); /* cmd_speakers.c */
int cmd_same_quotes(int argc, char **argv); /* cmd_same_quotes.c */

/* "quoth CMD: unknown option ARG" (or a missing value), then the usage,
 * on standard error; ARG escaped. */
void cmd_usage_error(const char *cmd, const char *arg, bool missing_value, const char *usage);

struct tags_store;
/* Opens the tag store ($XDG_DATA_HOME/quoth) for a sub-command: warnings
 * and errors go to standard error. Returns 0 or the Q_* code. */
int cmd_open_tags(struct tags_store **s);

/* Prints a message and a line end on standard error: printf's %s (each
 * escaped by the text layer: user input cannot act on the terminal), %d,
 * %u, %zu, %%. Every message that echoes user input goes through here. */
void cmd_say(const char *fmt, ...);

/* Says how many folders a walk skipped for being nested too deep (nothing for 0). */
void cmd_say_too_deep(size_t n);

/* Standard input is a pipe, a socket or a file: with no PATH, read it. */
bool cmd_stdin_has_input(void);

/* Prints "quoth: NAME: message" for a file that could not be processed. */
void cmd_file_error(const char *name, int code);
/* "quoth: PATH: why" for item i of c, a record named with its line. */
struct corpus;
void cmd_item_error(const struct corpus *c, size_t i);

/* Writing to standard output (output.c): 0, or Q_EIO once a write failed
 * (said on standard error the first time, naming standard output), or
 * Q_ENOMEM for a buffer whose growth failed. cmd_write_buf empties b;
 * cmd_write_end flushes. */
int cmd_write(const char *s, size_t n);
int cmd_write_buf(struct strbuf *b);
int cmd_write_end(void);

struct warnings;
/* Prints each warning as "quoth: FILE:LINE: what" on stderr, then how many
 * more there were past those kept (WARNINGS_MAX). */
void cmd_print_warnings(const struct warnings *w);

/* The terminal width of standard output, or 80. */
int cmd_term_width(void);

/* Set (by main.c's SIGBUS guard) once a file quoth had mapped was shortened
 * by another program, and the lost end read as empty. */
const volatile sig_atomic_t *main_file_shrank(void);

#endif
