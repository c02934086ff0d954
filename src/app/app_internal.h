/* The app's core and what a feature may use of it; not for the other layers.
 *
 * The core (app.c: state, opening an article, scrolling, the list and the
 * sidebar, messages; app_prompt.c: the prompt line) knows no feature; the
 * keys that move and focus are a feature too (app_panes.c). Each
 * feature file describes itself in one constant struct app_feature: the
 * actions it handles, indexed by action, the prompts it owns, and the events
 * it wants to hear of. app_features.c lists them in order; app_init copies their
 * actions into the base table app.on_action[ACT__COUNT], so app_do is a
 * table lookup (as htop's keys[] or tig's view_ops).
 *
 * A feature may also be a layer (help, the tagged view, a selection): while
 * layer.active() holds, its own table sees an action before the base table.
 * A handler returns R_PASS to leave the action to what is below; a modal
 * layer takes every action it has no handler for (it does nothing).
 * Features call the core and hear of each other through the hooks here;
 * the two that others build on say what they offer in a header of their
 * own (app_big.h: moving a big file's window, for search; app_tags.h:
 * messages, undo and completion, for the tagged view).
 */
#ifndef QUOTH_APP_INTERNAL_H
#define QUOTH_APP_INTERNAL_H

#include <stdint.h>
#include "app.h"

/* Reaction bits only the app sees; app_do strips them. */
#define R_PASS (1u << 30)   /* a layer's handler: not here, ask the tables below */
#define R_STOP (1u << 29)   /* a cancel hook: Esc did enough, skip the others */

/* The handler of a prompt kind (app_prompt.c calls them). */
typedef struct app_prompt_ops {
	unsigned (*accept)(app *a);            /* Enter (the prompt is closed first) */
	unsigned (*cancel)(app *a);            /* Esc, C-g, C-c (closed first) */
	unsigned (*changed)(app *a);           /* the text changed */
	unsigned (*complete)(app *a);          /* Tab */
	unsigned (*recall)(app *a, int dir);   /* Up (-1) / Down (+1) */
	unsigned (*key)(app *a, int key);      /* a one-key question: every key goes here */
} app_prompt_ops;

typedef struct app_feature {
	const char *name;
	app_action_fn on_action[ACT__COUNT];                /* the base table's share */
	const app_prompt_ops *prompt[PROMPT__COUNT];       /* the prompts it owns */
	struct {
		bool (*active)(const app *a);                  /* NULL: not a layer */
		bool modal;
		enum keyctx keyctx;                            /* the keymap section while up (KC_GLOBAL: the pane's) */
		app_action_fn on_action[ACT__COUNT];
	} layer;
	/* events, each optional */
	int (*open)(app *a, size_t i);       /* an article the corpus did not load: 0, a Q_* code, or APP_NOT_MINE */
	int (*doc_installed)(app *a);        /* a new doc (an article, or a big file's window): 0 or Q_ENOMEM */
	void (*doc_dropped)(app *a);         /* the doc goes (its quotes still there) */
	void (*article_opened)(app *a);
	void (*article_closed)(app *a);
	void (*before_scroll)(app *a, long rows);
	unsigned (*cancel)(app *a);          /* Esc; R_STOP ends the round */
	void (*tags_changed)(app *a);
	void (*index_changed)(app *a);       /* the reader added articles to the corpus index */
	void (*resized)(app *a);             /* the terminal has a new size (a->rows, a->cols) */
	/* export: while the layer is active, what e and y take (the export feature asks) */
	size_t (*export_source)(app *a, strbuf *b, enum export_format f, bool *any);
	void (*exported)(app *a);            /* what it gave was written or copied */
	bool (*busy)(const app *a);
	unsigned (*idle)(app *a);
	void (*free)(app *a);
} app_feature;

#define APP_NOT_MINE 1

/* Each feature's hook, in order: FOR_HOOK(a, f, hook) { f->hook(a, ...); } */
#define FOR_HOOK(a, f, hook) \
	for (size_t f##_k = 0; f##_k < (a)->nfeatures; f##_k++) \
		for (const app_feature *f = (a)->features[f##_k]; f && f->hook; f = NULL)

/* app_features.c: registers every feature, in the order they are asked. */
void app_features_register(app *a);
/* Adds f: its actions to the base table (one handler an action), its prompts. */
void app_register(app *a, const app_feature *f);
/* The handler that passes an action on, for a layer's table. */
unsigned app_pass(app *a, enum action act);
/* The handler that redraws everything (C-l). */
unsigned app_redraw(app *a, enum action act);

/* ---- the core (app.c) ---- */
int app_open_article(app *a, size_t i);       /* 0 or the Q_* code (message set) */
void app_close_article(app *a);
void app_set_path(app *a, size_t i);          /* a->path: item i's file, display-safe */
int app_install_doc(app *a, doc *d);          /* quotes, view and the features' state for d */
void app_drop_doc(app *a);
unsigned app_select_quote(app *a, size_t i);
void app_restore_quote(app *a, uint64_t id, size_t index);
unsigned app_select_item(app *a, size_t i);   /* item i of the corpus; R_NONE when the list hides it */
unsigned app_select_row(app *a, size_t row);
/* The list shows rows[0..n) (owned by the list from now on; NULL: every
 * item in corpus order), keeping the selected item when it is shown. */
void app_list_set_rows(app *a, size_t *rows, size_t n);
/* Opens item (showing it in the list) with its quote qid selected; says
 * gone on the status line when the quote is not in it. */
unsigned app_open_at_quote(app *a, size_t item, uint64_t qid, const char *gone);
/* Shows every item again (in corpus order) when the list's filter hides item i. */
void app_list_show_item(app *a, size_t i);
unsigned app_scroll_text(app *a, long rows);
void app_show_offset(app *a, size_t off);
int app_text_rows(const app *a);
size_t app_text_bottom(app *a);               /* the byte just past the last row on screen */
size_t app_last_top(app *a);
void app_clamp_text(app *a);
unsigned app_set_focus(app *a, enum pane p);
size_t app_current_quote(app *a);             /* the quote a key acts on, SIZE_MAX: none */
bool app_modal(const app *a);                 /* a modal layer (help, the tagged view) is up */
void app_tags_changed(app *a);                /* tell the features a tag changed */
void app_index_changed(app *a);               /* tell them the corpus index changed */
unsigned app_cancel(app *a);                  /* Esc: every feature gives up what it holds */
void app_relayout(app *a);                    /* the panes again, for the size and the focus */

/* The groups of the open article's quotes, read again from the index
 * (app_corpus.c; after the reader indexed it). */
int app_read_groups(app *a);

/* ---- the prompt line (app_prompt.c) ---- */
void app_prompt_open(app *a, enum prompt_kind kind, const char *initial);
void app_prompt_set(app *a, const char *s);
/* Tab: completes the prompt from words (the longest common prefix of those
 * that start with it; lists them in the message when several), which it
 * sorts; what names them in "No tag starts with that". */
unsigned app_prompt_complete(app *a, const char **words, size_t n, const char *what);

#endif
