/* quoth tags: the tag names in use (for shell completion and scripts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "args.h"
#include "cmd.h"
#include "error.h"
#include "strbuf.h"
#include "tags.h"

int cmd_tags(int argc, char **argv)
{
	tags_args a;
	int rc = args_tags(argc, argv, &a);
	if (rc)
		return rc == ARGS_EXIT ? 0 : 2;
	tags_store *s;
	if (cmd_open_tags(&s))
		return 1;
	const char **names;
	size_t *uses, n;
	rc = tags_names(s, &names, &uses, &n);
	strbuf out;
	sb_init(&out);
	for (size_t i = 0; !rc && i < n; i++) {
		if (a.counts)
			sb_printf(&out, "%zu\t", uses[i]);
		sb_puts(&out, names[i]);
		sb_putc(&out, '\n');
	}
	if (!rc) {
		free(names);
		free(uses);
		rc = cmd_write_buf(&out);
	} else {
		cmd_say("quoth tags: %s", error_message(rc));
	}
	sb_free(&out);
	tags_close(s);
	return rc || cmd_write_end() ? 1 : 0;
}
