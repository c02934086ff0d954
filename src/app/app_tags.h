/* What the tagged view (app_tagged.c) uses of the tags feature (app_tags.c). */
#ifndef QUOTH_APP_TAGS_H
#define QUOTH_APP_TAGS_H

#include "app_internal.h"

/* False, with a message, when tagging is off. */
bool app_need_tags(app *a);
/* After a tag change: says what was done and whether it reached the disk. */
unsigned app_tags_saved(app *a, int rc, const char *what);
/* Remembers a tag change for U (new_group: the first of the changes one
 * key makes). */
void app_tags_remember(app *a, uint64_t art, uint64_t qid, const char *tag, bool was_on, bool new_group);
/* Tab in a prompt for a tag name: the tags in use and those of keys 1..9. */
unsigned app_tag_complete(app *a);

#endif
