/* quoth [PATH...]: the reader. Gathers the corpus, reads config.ini and the
 * keymap, and hands over to the ui. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "args.h"
#include "cmd.h"
#include "config.h"
#include "corpus.h"
#include "error.h"
#include "keymap.h"
#include "ui.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The shipped samples: beside the binary (a clone: ./quoth or build/quoth),
 * in BIN/../share/quoth (an install, wherever it was moved), then the
 * data folder of the build's PREFIX. */
static char *find_samples(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *rel[] = { "/samples", "/../samples", "/../share/quoth/samples" };
		for (size_t i = 0; i < 3; i++) {
			char path[PATH_MAX + 16];
			snprintf(path, sizeof path, "%s%s", exe, rel[i]);
			if (is_dir(path))
				return realpath(path, NULL);
		}
	}
	return is_dir(QUOTH_DATADIR "/samples") ? strdup(QUOTH_DATADIR "/samples") : NULL;
}

static int gather(corpus *c, char **paths, size_t n)
{
	bool stdin_used = false;
	for (size_t i = 0; i < n; i++) {
		int rc;
		if (!strcmp(paths[i], "-")) {
			if (stdin_used)
				continue;
			stdin_used = true;
			doc *d = NULL;
			rc = doc_from_fd("-", STDIN_FILENO, &d);
			if (rc) {
				cmd_file_error("-", rc);
				continue;
			}
			rc = corpus_add_doc(c, d);
		} else {
			rc = corpus_add_path(c, paths[i]);
		}
		if (rc)
			return rc;
	}
	if (!n) {
		char *samples = find_samples();
		if (!samples) {
			fputs("quoth: no PATH given and no samples folder found\n", stderr);
			return Q_ENOENT;
		}
		int rc = corpus_add_path(c, samples);
		free(samples);
		return rc;
	}
	return 0;
}

/* The paths refused before anything was read (missing, not a regular
 * file, a loop of links), each said on standard error; how many. */
static size_t say_refused(const corpus *c)
{
	size_t bad = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].error) {
			cmd_file_error(c->v[i].path, c->v[i].error);
			bad++;
		}
	}
	return bad;
}

/* "no articles found", naming where they were looked for */
static void say_none_found(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cmd_say("quoth: no articles (*.txt, *.md) found in %s", paths[i]);
	if (!n)
		cmd_say("quoth: no articles (*.txt, *.md) found in the samples");
}

void cmd_print_warnings(const warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		cmd_say("quoth: %s", w->v[i].msg);
	if (w->dropped)
		cmd_say("quoth: %zu more warnings not shown", w->dropped);
}

int cmd_read(int argc, char **argv)
{
	read_args a;
	int rc = args_read(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	struct config cfg;
	warnings w;
	warnings_init(&w);
	rc = config_load_all(&cfg, a.config, &w);
	if (rc) {
		cmd_file_error(a.config, rc);
		config_free(&cfg);
		warnings_free(&w);
		return 1;
	}
	keymap *km = keymap_for_config(&cfg, &w);
	corpus c;
	corpus_init(&c);
	rc = km ? gather(&c, a.paths, a.npaths) : Q_ENOMEM;
	int status = 1;
	if (!rc && c.n == 0) {
		say_none_found(a.paths, a.npaths);
	} else if (!rc) {
		/* as less: a path that cannot be read is said and makes the exit
		 * status 1; with nothing else to show, the reader does not start */
		size_t refused = 0;
		for (size_t i = 0; i < c.n; i++)
			refused += c.v[i].error != 0;
		if (refused == c.n) {
			say_refused(&c);
		} else {
			cmd_print_warnings(&w);
			status = ui_run(&c, &cfg, km, &w, main_file_shrank());
			if (say_refused(&c) && status == 0)
				status = 1;
		}
		cmd_say_too_deep(c.too_deep);
	} else if (rc == Q_ENOMEM) {
		cmd_say("quoth: %s", error_message(rc));
	}
	corpus_free(&c);
	keymap_free(km);
	config_free(&cfg);
	warnings_free(&w);
	return status;
}
