/* quoth tags: the tag names in use (for shell completion and scripts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "error.h"
#include "tags.h"

int cmd_tags(int argc, char **argv)
{
	bool counts = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--count") || !strcmp(argv[i], "-c")) {
			counts = true;
			continue;
		}
		fprintf(stderr, "quoth tags: unknown argument %s\nusage: quoth tags [--count]\n", argv[i]);
		return 2;
	}
	tags_store *s;
	if (cmd_open_tags(&s))
		return 1;
	const char **names;
	size_t *uses, n;
	int rc = tags_names(s, &names, &uses, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		if (counts)
			printf("%zu\t%s\n", uses[i], names[i]);
		else
			printf("%s\n", names[i]);
	}
	if (!rc) {
		free(names);
		free(uses);
	} else {
		fprintf(stderr, "quoth tags: %s\n", error_message(rc));
	}
	tags_close(s);
	return rc || fflush(stdout) != 0 ? 1 : 0;
}
