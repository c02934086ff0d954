/* quoth [PATH...]: the reader. Gathers the corpus, reads config.ini and the
 * keymap, and hands over to the ui. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd.h"
#include "config.h"
#include "corpus.h"
#include "error.h"
#include "keymap.h"
#include "ui.h"

static const char read_usage[] =
	"usage: quoth [--config FILE] [PATH...]\n";

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

static int gather(corpus *c, int argc, char **argv, int first)
{
	bool stdin_used = false;
	for (int i = first; i < argc; i++) {
		int rc;
		if (!strcmp(argv[i], "-")) {
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
			rc = corpus_add_path(c, argv[i]);
		}
		if (rc)
			return rc;
	}
	if (first >= argc) {
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

static void print_warnings(const warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		fprintf(stderr, "quoth: %s\n", w->v[i].msg);
}

int cmd_read(int argc, char **argv)
{
	const char *config_path = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_path = argv[++i];
		} else if (!strncmp(argv[i], "--config=", 9)) {
			config_path = argv[i] + 9;
		} else {
			fprintf(stderr, "quoth: unknown option %s\n%s", argv[i], read_usage);
			return 2;
		}
	}
	struct config cfg;
	warnings w;
	warnings_init(&w);
	int rc = config_load_all(&cfg, config_path, &w);
	if (rc) {
		cmd_file_error(config_path, rc);
		config_free(&cfg);
		warnings_free(&w);
		return 1;
	}
	keymap *km = keymap_for_config(&cfg, &w);
	corpus c;
	corpus_init(&c);
	rc = km ? gather(&c, argc, argv, i) : Q_ENOMEM;
	int status = 1;
	if (!rc && c.n == 0) {
		fputs("quoth: no articles (*.txt) found\n", stderr);
	} else if (!rc) {
		print_warnings(&w);
		status = ui_run(&c, &cfg, km, &w, main_file_shrank());
	} else if (rc == Q_ENOMEM) {
		fprintf(stderr, "quoth: %s\n", error_message(rc));
	}
	corpus_free(&c);
	keymap_free(km);
	config_free(&cfg);
	warnings_free(&w);
	return status;
}
