/* What the app's files share; not for the other layers. */
#ifndef QUOTH_APP_INTERNAL_H
#define QUOTH_APP_INTERNAL_H

#include "app.h"

/* app.c */
int app_open_article(app *a, size_t i);       /* 0 or the Q_* code (message set) */
unsigned app_select_quote(app *a, size_t i);
unsigned app_scroll_text(app *a, long rows);
void app_show_offset(app *a, size_t off);
int app_text_rows(const app *a);

int app_install_doc(app *a, doc *d);        /* quotes, view, marks for d */
void app_drop_doc(app *a);
void app_restore_quote(app *a, uint64_t id, size_t index);
size_t app_last_top(app *a);
void app_clamp_text(app *a);

/* app_big.c: big files through a window; idle work */
int app_big_open(app *a, size_t i);
void app_big_close(app *a);
int app_big_slide(app *a, size_t raw, size_t before);
void app_big_follow(app *a, long rows);
unsigned app_big_end(app *a, bool last);
unsigned app_big_search(app *a, bool forward);
void app_big_search_stop(app *a);

/* app_search.c */
unsigned app_search_start(app *a, bool backward);
unsigned app_search_step(app *a, bool reverse);
void app_search_clear(app *a);
unsigned app_search_update(app *a);
void app_prompt_open(app *a, enum prompt_kind kind, const char *initial);
void app_prompt_set(app *a, const char *s);

/* app_tags.c: tags, marks, export and copy, the tagged-quotes view */
unsigned app_tag_toggle(app *a, int n);
unsigned app_tag_prompt(app *a);
unsigned app_untag(app *a);
unsigned app_mark(app *a);
unsigned app_export_start(app *a, bool copy);
unsigned app_tagged_toggle(app *a);
unsigned app_tagged_do(app *a, enum action act);
unsigned app_prompt_accept(app *a);     /* Enter in a tag, filter or export prompt */
unsigned app_prompt_complete(app *a);   /* Tab in a tag or filter prompt */
unsigned app_overwrite_key(app *a, int key);
void app_tags_article_opened(app *a);
void app_tags_free(app *a);

/* app_visual.c: the cursor and selection in the text */
unsigned app_visual_toggle(app *a);
unsigned app_visual_move(app *a, enum action act);

#endif
