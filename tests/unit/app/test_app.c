/* The app layer headless: each action's effect on the reader's state. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "app.h"
#include "app_internal.h"

static char root[64];

static void put(const char *name, const char *body)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(body, f);
	fclose(f);
}

/* An article long enough to scroll, with quotes spread through it. */
static void long_article(const char *name, const char *title, int paras)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%s\n\n", title);
	for (int i = 0; i < paras; i++) {
		if (i % 5 == 2)
			fprintf(f, "\"We will keep the harbour open for paragraph %d, whatever it takes,\" "
			           "said Mayor Ingrid Dahl on Tuesday.\n\n", i);
		else
			fprintf(f, "Paragraph %d tells of the ferry, the bridge and the Straße by the water, "
			           "with enough words to wrap over several rows of a narrow pane.\n\n", i);
	}
	fclose(f);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/quoth-app-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	long_article("a.txt", "Harbour stays open", 40);
	put("b.txt", "Ærø ferry returns\n\n\"The ferry is back for good,\" said captain Lars Holm.\n\nNo more.\n");
	long_article("c.txt", "Bridge repairs", 12);
	return 0;
}

static tags_store *open_tags(void)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s/.store", root);
	tags_store *t = NULL;
	assert_int_equal(tags_open(dir, &t, NULL), 0);
	return t;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

typedef struct fixture {
	corpus c;
	app a;
} fixture;

static fixture *start_with(int cols, int rows, tags_store *tags)
{
	fixture *f = calloc(1, sizeof *f);
	corpus_init(&f->c);
	assert_int_equal(corpus_add_path(&f->c, root), 0);
	app_opts o = { 0 };
	o.tabwidth = 8;
	o.history_max = 50;
	o.layout.wide_cols = 100;
	o.layout.list_pct = 25;
	o.layout.quotes_pct = 30;
	o.layout.narrow_quotes_pct = 40;
	quotes_opts_init(&o.quotes);
	o.tags = tags;
	o.tag_names[0] = "claim";
	o.tag_names[1] = "denial";
	o.export_format = EXPORT_TEXT;
	assert_int_equal(app_init(&f->a, &f->c, &o, cols, rows), 0);
	return f;
}

static fixture *start(int cols, int rows)
{
	return start_with(cols, rows, NULL);
}

static void finish(fixture *f)
{
	app_free(&f->a);
	corpus_free(&f->c);
	free(f);
}

static void test_wide_layout_starts_on_the_list(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	assert_false(a->lay.narrow);
	assert_int_equal(a->focus, PANE_LIST);
	for (int p = 0; p < PANE__COUNT; p++)
		assert_true(a->lay.pane[p].h > 0);
	assert_int_equal(a->art, 0);
	assert_true(a->quotes.n >= 8);
	assert_non_null(a->quotes.v[0].speaker);
	finish(f);
}

static void test_narrow_layout_list_is_its_own_screen(void **state)
{
	fixture *f = start(80, 24);
	app *a = &f->a;
	assert_true(a->lay.narrow);
	assert_int_equal(a->focus, PANE_TEXT);
	assert_int_equal(a->lay.pane[PANE_LIST].h, 0);
	assert_true(a->lay.pane[PANE_TEXT].h > 0 && a->lay.pane[PANE_QUOTES].h > 0);
	assert_true(app_do(a, ACT_TOGGLE_LIST) & R_LAYOUT);
	assert_int_equal(a->focus, PANE_LIST);
	assert_int_equal(a->lay.pane[PANE_LIST].w, 80);
	assert_int_equal(a->lay.pane[PANE_TEXT].h, 0);
	app_do(a, ACT_MOVE_DOWN);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->art, 1);
	assert_int_equal(a->focus, PANE_TEXT);
	assert_int_equal(a->lay.pane[PANE_LIST].h, 0);
	finish(f);
}

static void test_focus_cycles_through_panes(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	app_do(a, ACT_FOCUS_NEXT);
	assert_int_equal(a->focus, PANE_TEXT);
	app_do(a, ACT_FOCUS_NEXT);
	assert_int_equal(a->focus, PANE_QUOTES);
	app_do(a, ACT_FOCUS_NEXT);
	assert_int_equal(a->focus, PANE_LIST);
	app_do(a, ACT_FOCUS_PREV);
	assert_int_equal(a->focus, PANE_QUOTES);
	/* a hidden list is skipped */
	app_do(a, ACT_TOGGLE_LIST);
	assert_int_equal(a->lay.pane[PANE_LIST].h, 0);
	app_do(a, ACT_FOCUS_NEXT);
	assert_int_equal(a->focus, PANE_TEXT);
	finish(f);
}

static void test_text_scrolling(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	a->focus = PANE_TEXT;
	size_t top = a->text_top;
	assert_true(app_do(a, ACT_MOVE_DOWN) & R_TEXT);
	assert_true(a->text_top > top);
	app_do(a, ACT_MOVE_UP);
	assert_int_equal(a->text_top, top);
	assert_int_equal(app_do(a, ACT_MOVE_UP) & R_TEXT, 0);   /* already at the top */
	app_do(a, ACT_PAGE_DOWN);
	size_t page = a->text_top;
	assert_true(page > top);
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(app_text_percent(a), 100);
	size_t last = a->text_top;
	app_do(a, ACT_PAGE_DOWN);
	assert_int_equal(a->text_top, last);                     /* never past the end */
	app_do(a, ACT_MOVE_FIRST);
	assert_int_equal(a->text_top, top);
	assert_int_equal(app_text_percent(a), 0);
	finish(f);
}

static void test_quotes_move_the_text(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	app_do(a, ACT_QUOTE_NEXT);
	assert_true(a->q_marked);
	assert_int_equal(a->q_sel, 0);
	app_do(a, ACT_MOVE_LAST);   /* in the list: selects the last article, opens nothing */
	assert_int_equal(a->art, 0);
	a->focus = PANE_QUOTES;
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(a->q_sel, a->quotes.n - 1);
	/* the text now shows the last quote */
	size_t open = a->quotes.v[a->q_sel].open;
	wrap_row rows[64];
	size_t n = wrap_view_rows(a->view, a->text_top, rows, (size_t)app_content(a, PANE_TEXT).h);
	bool shown = false;
	for (size_t i = 0; i < n; i++)
		shown |= rows[i].start <= open && open < rows[i].end;
	assert_true(shown);
	app_do(a, ACT_QUOTE_PREV);
	assert_int_equal(a->q_sel, a->quotes.n - 2);
	app_do(a, ACT_MOVE_FIRST);
	app_do(a, ACT_QUOTE_PREV);
	assert_int_equal(a->q_sel, 0);
	assert_string_equal(a->msg, "First quote");
	app_do(a, ACT_CANCEL);
	assert_false(a->q_marked);
	finish(f);
}

static void test_open_next_article(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	app_do(a, ACT_MOVE_DOWN);
	assert_int_equal(a->list_sel, 1);
	assert_int_equal(a->art, 0);
	app_do(a, ACT_OPEN);
	assert_int_equal(a->art, 1);
	assert_int_equal(a->focus, PANE_TEXT);
	assert_int_equal(a->quotes.n, 1);
	assert_string_equal(a->quotes.v[0].speaker, "Lars Holm");
	app_do(a, ACT_ARTICLE_NEXT);
	assert_int_equal(a->art, 2);
	app_do(a, ACT_ARTICLE_NEXT);
	assert_string_equal(a->msg, "Last article");
	assert_int_equal(app_list_quotes(a, 0), 8);
	finish(f);
}

static void type(app *a, const char *s)
{
	for (; *s;) {
		unsigned char c = (unsigned char)*s;
		int cp, len;
		if (c < 0x80) { cp = c; len = 1; }
		else if (c < 0xE0) { cp = ((c & 0x1F) << 6) | (s[1] & 0x3F); len = 2; }
		else { cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F); len = 3; }
		app_edit(a, cp);
		s += len;
	}
}

static void test_search_in_text(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	a->focus = PANE_TEXT;
	size_t top = a->text_top;
	app_do(a, ACT_SEARCH);
	assert_int_equal(a->prompt.kind, PROMPT_SEARCH);
	type(a, "paragraph 3");
	assert_true(a->hits.n >= 2);   /* "paragraph 3", "paragraph 30".. */
	app_edit(a, EK_ESC);
	assert_int_equal(a->prompt.kind, PROMPT_NONE);
	assert_int_equal(a->text_top, top);   /* cancelled: back where it was */
	assert_null(a->pattern);
	app_do(a, ACT_SEARCH);
	type(a, "PARAGRAPH 38");
	assert_int_equal(a->hits.n, 0);        /* smart case: a capital matches case exactly */
	app_edit(a, EK_KILL_LINE);
	type(a, "Paragraph 38");
	assert_int_equal(a->hits.n, 1);
	assert_true(a->text_top > top);       /* incremental: already moved */
	app_edit(a, EK_ENTER);
	assert_int_equal(a->prompt.kind, PROMPT_NONE);
	assert_non_null(a->pattern);
	app_do(a, ACT_SEARCH_NEXT);
	assert_string_equal(a->msg, "Search wrapped to the top");
	/* case folding beyond ASCII (ß), alone and in a phrase */
	app_do(a, ACT_SEARCH);
	type(a, "strasse");
	assert_true(a->hits.n > 10);
	app_edit(a, EK_KILL_LINE);
	type(a, "bridge and the strasse by");
	assert_true(a->hits.n > 10);
	app_edit(a, EK_ENTER);
	/* history */
	app_do(a, ACT_SEARCH);
	app_edit(a, EK_UP);
	assert_string_equal(a->prompt.buf, "bridge and the strasse by");
	app_edit(a, EK_UP);
	assert_string_equal(a->prompt.buf, "Paragraph 38");
	app_edit(a, EK_KILL_WORD);
	assert_string_equal(a->prompt.buf, "Paragraph ");
	app_edit(a, EK_KILL_LINE);
	assert_string_equal(a->prompt.buf, "");
	app_edit(a, EK_ESC);
	finish(f);
}

static void test_search_in_list_and_quotes(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	app_do(a, ACT_SEARCH);
	type(a, "ærø");
	assert_int_equal(a->list_sel, 1);
	app_edit(a, EK_ENTER);
	app_do(a, ACT_SEARCH);
	type(a, "zzz");
	assert_string_equal(a->msg, "Pattern not found");
	app_edit(a, EK_ESC);
	a->focus = PANE_QUOTES;
	app_do(a, ACT_SEARCH);
	type(a, "paragraph 17");
	assert_int_equal(a->q_sel, 3);
	app_edit(a, EK_ENTER);
	finish(f);
}

static void test_resize_keeps_position(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	a->focus = PANE_TEXT;
	for (int i = 0; i < 30; i++)
		app_do(a, ACT_MOVE_DOWN);
	size_t before = a->text_top;
	app_resize(a, 80, 24);
	assert_true(a->lay.narrow);
	/* the row now on top holds the byte that was on top */
	wrap_row row;
	assert_int_equal(wrap_view_rows(a->view, a->text_top, &row, 1), 1);
	assert_true(row.start <= before && (before < row.end || row.gap || before == row.end));
	app_resize(a, 30, 8);
	assert_true(a->lay.too_small);
	assert_int_equal(app_do(a, ACT_MOVE_DOWN), R_NONE);
	assert_int_equal(app_do(a, ACT_QUIT), R_QUIT);
	app_resize(a, 140, 40);
	assert_false(a->lay.too_small);
	assert_true(a->text_top <= before);
	finish(f);
}

static void test_help_and_quit(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	assert_true(app_do(a, ACT_HELP) & R_LAYOUT);
	assert_true(a->help);
	assert_int_equal(app_keyctx(a), KC_HELP);
	app_do(a, ACT_MOVE_DOWN);
	assert_int_equal(a->help_top, 1);
	app_do(a, ACT_QUIT);   /* closes help, does not quit */
	assert_false(a->help);
	assert_true(app_do(a, ACT_QUIT) & R_QUIT);
	finish(f);
}

static void test_mouse(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	rect q = a->lay.pane[PANE_QUOTES];
	app_click(a, q.y + 2, q.x + 4);
	assert_int_equal(a->focus, PANE_QUOTES);
	assert_true(a->q_marked);
	rect l = a->lay.pane[PANE_LIST];
	app_click(a, l.y + 1 + 2, l.x + 3);
	assert_int_equal(a->focus, PANE_LIST);
	assert_int_equal(a->list_sel, 2);
	size_t top = a->text_top;
	rect t = a->lay.pane[PANE_TEXT];
	app_wheel(a, t.y + 3, t.x + 3, 1);
	assert_true(a->text_top > top);
	finish(f);
}

static void test_tag_keys_and_prompt(void **state)
{
	tags_store *t = open_tags();
	fixture *f = start_with(140, 40, t);
	app *a = &f->a;
	/* from the list a tag key acts on the open article's quote on screen,
	 * which it selects, and says which quote it tagged */
	assert_int_equal(a->focus, PANE_LIST);
	assert_false(a->q_marked);
	app_do(a, ACT_TAG_TOGGLE_1);
	assert_true(a->q_marked);
	assert_int_equal(a->q_sel, 0);
	assert_non_null(strstr(a->msg, "Tagged claim: quote 1: \xE2\x80\x9CWe will keep the harbour"));
	assert_non_null(strstr(a->msg, "\xE2\x80\x94 Ingrid Dahl"));
	assert_string_equal(app_quote_tags(a, 0)->tags[0], "claim");
	app_do(a, ACT_TAG_TOGGLE_1);
	assert_null(app_quote_tags(a, 0));
	a->focus = PANE_QUOTES;
	app_do(a, ACT_TAG_TOGGLE_1);
	assert_non_null(app_quote_tags(a, 0));
	assert_string_equal(app_quote_tags(a, 0)->tags[0], "claim");
	assert_int_equal(app_list_tagged(a, 0), 1);
	app_do(a, ACT_TAG_TOGGLE_1);   /* toggles off */
	assert_null(app_quote_tags(a, 0));
	app_do(a, ACT_TAG_TOGGLE_3);
	assert_string_equal(a->msg, "No tag on key 3 (config.ini [tags])");
	/* t: any name, Tab completes from the tags in use and of keys 1-9 */
	app_do(a, ACT_TAG_PROMPT);
	assert_int_equal(a->prompt.kind, PROMPT_TAG);
	app_edit(a, 'd');
	app_edit(a, EK_TAB);
	assert_string_equal(a->prompt.buf, "denial");
	app_edit(a, EK_ENTER);
	assert_string_equal(app_quote_tags(a, 0)->tags[0], "denial");
	app_do(a, ACT_TAG_PROMPT);
	app_edit(a, 'b');
	app_edit(a, ' ');
	app_edit(a, 'x');
	app_edit(a, EK_ENTER);
	assert_int_equal(app_quote_tags(a, 0)->ntags, 1);   /* "b x" is not a tag name */
	/* T removes a single tag at once; several only after a y */
	app_do(a, ACT_UNTAG);
	assert_null(app_quote_tags(a, 0));
	app_do(a, ACT_TAG_TOGGLE_1);
	app_do(a, ACT_TAG_TOGGLE_2);
	app_do(a, ACT_UNTAG);
	assert_int_equal(a->prompt.kind, PROMPT_CONFIRM);
	assert_non_null(strstr(a->msg, "Remove 2 tags (claim, denial) from quote 1?"));
	app_edit(a, 'n');
	assert_int_equal(app_quote_tags(a, 0)->ntags, 2);
	app_do(a, ACT_UNTAG);
	app_edit(a, 'y');
	assert_null(app_quote_tags(a, 0));
	/* U takes changes back, newest first; T's removal as one */
	app_do(a, ACT_UNDO);
	assert_int_equal(app_quote_tags(a, 0)->ntags, 2);
	app_do(a, ACT_UNDO);
	assert_int_equal(app_quote_tags(a, 0)->ntags, 1);
	assert_string_equal(app_quote_tags(a, 0)->tags[0], "claim");
	app_do(a, ACT_UNDO);
	assert_null(app_quote_tags(a, 0));
	while (a->nundo)
		app_do(a, ACT_UNDO);
	assert_null(app_quote_tags(a, 0));
	app_do(a, ACT_UNDO);
	assert_string_equal(a->msg, "Nothing to undo");
	app_do(a, ACT_TAG_TOGGLE_2);
	finish(f);
	assert_int_equal(tags_close(t), 0);
	/* what was tagged is there after a restart */
	t = open_tags();
	f = start_with(140, 40, t);
	assert_string_equal(app_quote_tags(&f->a, 0)->tags[0], "denial");
	finish(f);
	tags_close(t);
}

/* Tab completes from every name in use, not only the first few hundred:
 * a thousand names before the one typed. */
static void test_completion_among_many_names(void **state)
{
	char dir[128], path[160];
	snprintf(dir, sizeof dir, "%s/.store-many", root);
	snprintf(path, sizeof path, "%s/tags.journal", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	FILE *j = fopen(path, "w");
	assert_non_null(j);
	fputs("# quoth tag journal, format 1\n", j);
	for (int i = 0; i < 1000; i++)
		fprintf(j, "1\t+\t%016x\t%016x\t1700000000\taa%03d\n", i, i, i);
	fputs("1\t+\t0000000000000001\t0000000000000002\t1700000000\tzq-late\n", j);
	assert_int_equal(fclose(j), 0);
	tags_store *t = NULL;
	assert_int_equal(tags_open(dir, &t, NULL), 0);
	fixture *f = start_with(140, 40, t);
	app *a = &f->a;
	a->focus = PANE_QUOTES;
	app_do(a, ACT_TAG_PROMPT);
	app_edit(a, 'z');
	app_edit(a, 'q');
	app_edit(a, EK_TAB);
	assert_string_equal(a->prompt.buf, "zq-late");
	app_edit(a, EK_ESC);
	app_do(a, ACT_TAG_PROMPT);
	app_edit(a, 'a');
	app_edit(a, 'a');
	app_edit(a, '9');
	app_edit(a, EK_TAB);   /* aa900 .. aa999: nothing longer in common */
	assert_string_equal(a->prompt.buf, "aa9");
	app_edit(a, EK_ESC);
	finish(f);
	tags_close(t);
}

static void test_tagged_view(void **state)
{
	tags_store *t = open_tags();
	fixture *f = start_with(140, 40, t);
	app *a = &f->a;
	a->focus = PANE_QUOTES;
	app_do(a, ACT_MOVE_DOWN);
	app_do(a, ACT_TAG_TOGGLE_1);
	app_do(a, ACT_TAGGED_VIEW);
	assert_true(a->tv.open);
	assert_int_equal(app_keyctx(a), KC_TAGGED);
	assert_true(a->tv.n >= 2);
	app_do(a, ACT_FILTER);
	app_edit(a, 'c');
	app_edit(a, EK_TAB);
	app_edit(a, EK_ENTER);
	assert_string_equal(a->tv.filter, "claim");
	assert_int_equal(a->tv.n, 1);
	/* Enter opens the article at that quote */
	a->focus = PANE_LIST;
	app_do(a, ACT_OPEN);
	assert_false(a->tv.open);
	assert_int_equal(a->art, 0);
	assert_int_equal(a->q_sel, 1);
	assert_true(a->q_marked);
	app_do(a, ACT_TAGGED_VIEW);
	app_do(a, ACT_QUIT);
	assert_false(a->tv.open);
	finish(f);
	tags_close(t);
}

static void test_marks_and_export(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	char path[128];
	snprintf(path, sizeof path, "%s/out/export.txt", root);
	char dir[128];
	snprintf(dir, sizeof dir, "%s/out", root);
	mkdir(dir, 0700);
	a->focus = PANE_QUOTES;
	app_do(a, ACT_MARK);
	app_do(a, ACT_MARK);
	assert_true(a->q_mark[0] && a->q_mark[1]);
	assert_int_equal(a->q_sel, 2);
	app_do(a, ACT_EXPORT);
	assert_int_equal(a->prompt.kind, PROMPT_EXPORT);
	app_edit(a, EK_KILL_LINE);
	for (const char *p = path; *p; p++)
		app_edit(a, *p);
	app_edit(a, EK_ENTER);
	assert_non_null(strstr(a->msg, "Exported 2 marked quotes"));
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	/* the comma before the closing mark belongs to the sentence around the quote */
	assert_non_null(strstr(buf, "\xE2\x80\x9CWe will keep the harbour open for paragraph 2, whatever it takes\xE2\x80\x9D \xE2\x80\x94 Ingrid Dahl"));
	assert_non_null(strstr(buf, "paragraph 7"));
	assert_null(strstr(buf, "paragraph 12"));
	/* again: the file exists, so it asks; o overwrites */
	app_do(a, ACT_EXPORT);
	app_edit(a, EK_KILL_LINE);
	for (const char *p = path; *p; p++)
		app_edit(a, *p);
	app_edit(a, EK_ENTER);
	assert_int_equal(a->prompt.kind, PROMPT_OVERWRITE);
	app_edit(a, 'c');
	assert_int_equal(a->prompt.kind, PROMPT_NONE);
	assert_string_equal(a->msg, "Export cancelled");
	/* copy: an OSC 52 sequence for the ui */
	assert_true(app_do(a, ACT_COPY) & R_CLIPBOARD);
	assert_true(a->clip.len > 10);
	assert_memory_equal(a->clip.s, "\033]52;c;", 7);
	assert_non_null(strstr(a->msg, "Sent 2 marked quotes"));
	assert_non_null(strstr(a->msg, "to the clipboard by OSC 52"));
	/* Esc takes the marks off */
	app_do(a, ACT_CANCEL);
	assert_false(a->q_mark[0] || a->q_mark[1]);
	finish(f);
}

static void test_visual_selection(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	a->focus = PANE_TEXT;
	app_do(a, ACT_VISUAL);
	assert_true(a->visual);
	assert_int_equal(a->vcur, 0);
	app_do(a, ACT_WORD_NEXT);
	app_do(a, ACT_MOVE_RIGHT);
	size_t s, e;
	app_visual_bounds(a, &s, &e);
	char *sel = strndup(a->doc->text + s, e - s);
	assert_string_equal(sel, "Harbour st");
	free(sel);
	app_do(a, ACT_MOVE_LEFT);
	app_do(a, ACT_MOVE_DOWN);   /* the blank row between paragraphs is skipped */
	app_visual_bounds(a, &s, &e);
	assert_true(e > a->doc->para[1].start);
	assert_true(app_do(a, ACT_COPY) & R_CLIPBOARD);
	assert_false(a->visual);   /* copying ends the selection */
	app_do(a, ACT_VISUAL);
	app_do(a, ACT_CANCEL);
	assert_false(a->visual);
	finish(f);
}

static void test_stepping_past_the_loaded_limit(void **state)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s/.state", root);
	positions *pos = NULL;
	assert_int_equal(positions_open(dir, &pos, NULL), 0);
	fixture *f = start(140, 40);
	app *a = &f->a;
	a->opts.positions = pos;   /* closing an article reads it to save its position */
	f->c.max_loaded = 1;   /* every open evicts: the open article must survive until closed */
	for (int i = 0; i < 6; i++) {
		app_do(a, ACT_ARTICLE_NEXT);
		app_do(a, ACT_ARTICLE_PREV);
	}
	assert_non_null(a->doc);
	assert_true(a->doc->len > 0);
	finish(f);
	positions_close(pos);
}

/* The sidebar follows the text; ] and [ go on from the screen. */
static void test_sidebar_follows_the_text(void **state)
{
	fixture *f = start(80, 24);
	app *a = &f->a;
	assert_int_equal(a->focus, PANE_TEXT);
	size_t first, last;
	assert_true(app_quotes_on_screen(a, &first, &last));
	assert_int_equal(first, 0);
	app_do(a, ACT_QUOTE_NEXT);
	assert_int_equal(a->q_sel, 0);
	for (int i = 0; i < 4; i++)
		app_do(a, ACT_PAGE_DOWN);
	/* the selected quote left the screen: the selection is on it again */
	assert_true(app_quote_on_screen(a, a->q_sel));
	assert_true(a->q_sel > 0);
	assert_true(a->q_top <= a->q_sel);
	assert_true(a->q_top > 0);
	size_t top = a->text_top, sel = a->q_sel;
	app_do(a, ACT_QUOTE_NEXT);   /* on from the selected quote, never back to quote 1 */
	assert_int_equal(a->q_sel, sel + 1);
	assert_true(a->text_top >= top);
	/* with nothing selected, ] takes the first quote on screen */
	app_do(a, ACT_CANCEL);
	app_do(a, ACT_PAGE_DOWN);
	assert_true(app_quotes_on_screen(a, &first, &last));
	top = a->text_top;
	app_do(a, ACT_QUOTE_NEXT);
	assert_int_equal(a->q_sel, first);
	assert_int_equal(a->text_top, top);
	app_do(a, ACT_CANCEL);
	app_do(a, ACT_QUOTE_PREV);
	assert_int_equal(a->q_sel, last);
	/* at the end, the sidebar shows the last quotes */
	app_do(a, ACT_MOVE_LAST);
	assert_true(app_quote_on_screen(a, a->quotes.n - 1));
	assert_true(a->q_top > 0);
	finish(f);
}

/* Paging down where the text shows (END) opens the next article. */
static void test_page_on_into_the_next_article(void **state)
{
	fixture *f = start(80, 24);
	app *a = &f->a;
	a->opts.next_at_end = true;
	app_do(a, ACT_MOVE_LAST);
	assert_int_equal(app_text_percent(a), 100);
	assert_int_equal(a->art, 0);
	app_do(a, ACT_PAGE_DOWN);
	assert_int_equal(a->art, 1);
	assert_non_null(strstr(a->msg, "Next article: 2 of 3"));
	a->opts.next_at_end = false;
	app_do(a, ACT_MOVE_LAST);
	app_do(a, ACT_PAGE_DOWN);
	assert_int_equal(a->art, 1);
	finish(f);
}

/* y in the list takes the article on the cursor row and marks nothing;
 * marks come from the mark key and Esc takes them off. */
static void test_list_copy_takes_the_cursor_row(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	assert_int_equal(a->focus, PANE_LIST);
	app_do(a, ACT_COPY);
	assert_non_null(strstr(a->msg, "of \xE2\x80\x9CHarbour stays open\xE2\x80\x9D"));
	assert_int_equal(a->marked_articles, 0);
	assert_false(a->corpus->v[0].marked);
	app_do(a, ACT_MOVE_DOWN);
	app_do(a, ACT_COPY);
	assert_non_null(strstr(a->msg, "Sent 1 quote of \xE2\x80\x9C\xC3\x86r\xC3\xB8 ferry returns\xE2\x80\x9D"));
	app_do(a, ACT_MARK);
	assert_int_equal(a->marked_articles, 1);
	assert_true(a->corpus->v[1].marked);
	app_do(a, ACT_COPY);
	assert_non_null(strstr(a->msg, "1 quote of 1 marked article"));
	app_do(a, ACT_CANCEL);
	assert_int_equal(a->marked_articles, 0);
	assert_false(a->corpus->v[1].marked);
	finish(f);
}

/* The help: G, half pages, and / finds a line in it. */
static void test_help_moves_and_searches(void **state)
{
	keymap *km = keymap_builtin();
	help h;
	assert_int_equal(keyhelp_build(km, NULL, &h), 0);
	fixture *f = start(100, 20);
	app *a = &f->a;
	a->opts.help = &h;
	app_do(a, ACT_HELP);
	app_do(a, ACT_MOVE_LAST);
	assert_true(a->help_top >= h.n - 1);
	app_do(a, ACT_MOVE_FIRST);
	app_do(a, ACT_HALF_PAGE_DOWN);
	assert_true(a->help_top > 0);
	app_do(a, ACT_HALF_PAGE_UP);
	assert_int_equal(a->help_top, 0);
	app_do(a, ACT_SEARCH);
	assert_int_equal(a->prompt.kind, PROMPT_SEARCH);
	for (const char *p = "redraw the"; *p; p++)
		app_edit(a, *p);
	assert_true(a->help_top > 0);
	assert_non_null(strstr(app_help_line(a, a->help_top + 2), "Redraw the screen"));
	assert_true(a->match_n >= 1);
	app_edit(a, EK_ENTER);
	assert_true(a->help);
	app_do(a, ACT_QUIT);
	assert_false(a->help);
	app_do(a, ACT_SEARCH_NEXT);   /* that search was the help's */
	assert_string_equal(a->msg, "No previous search");
	finish(f);
	keyhelp_free(&h);
	keymap_free(km);
}

/* s corrects a speaker: kept by the store, shown, undone by an empty name. */
static void test_speaker_correction(void **state)
{
	tags_store *t = open_tags();
	fixture *f = start_with(140, 40, t);
	app *a = &f->a;
	a->focus = PANE_QUOTES;
	bool guess, user;
	assert_string_equal(app_quote_speaker(a, 0, &guess, &user), "Ingrid Dahl");
	assert_false(user);
	app_do(a, ACT_SPEAKER);
	assert_int_equal(a->prompt.kind, PROMPT_SPEAKER);
	assert_string_equal(a->prompt.buf, "Ingrid Dahl");
	app_edit(a, EK_KILL_LINE);
	for (const char *p = "Jane Roe"; *p; p++)
		app_edit(a, *p);
	app_edit(a, EK_ENTER);
	assert_string_equal(app_quote_speaker(a, 0, &guess, &user), "Jane Roe");
	assert_true(user);
	assert_string_equal(tags_user_speaker(t, a->doc->id, a->quotes.v[0].id), "Jane Roe");
	/* the sentence that names the speaker the engine found */
	app_do(a, ACT_CONTEXT);
	assert_true(a->show_context);
	char *ctx = app_quote_context_text(a, 0);
	assert_non_null(strstr(ctx, "said Mayor Ingrid Dahl on Tuesday."));
	free(ctx);
	app_do(a, ACT_SPEAKER);
	app_edit(a, EK_KILL_LINE);
	app_edit(a, EK_ENTER);
	assert_string_equal(app_quote_speaker(a, 0, &guess, &user), "Ingrid Dahl");
	assert_false(user);
	finish(f);
	tags_close(t);
}

/* The dispatch table: each action has one handler in the base table (or a
 * layer's, for the keys that only mean something there), and app_do is a
 * lookup in it. */
static void test_every_action_has_a_handler(void **state)
{
	fixture *f = start(140, 40);
	app *a = &f->a;
	assert_true(a->nfeatures >= 2);
	for (int act = ACT_NONE + 1; act < ACT__COUNT; act++) {
		int base = 0, layer = 0;
		for (size_t k = 0; k < a->nfeatures; k++) {
			base += a->features[k]->on_action[act] != NULL;
			layer += a->features[k]->layer.on_action[act] && a->features[k]->layer.on_action[act] != app_pass;
		}
		if (base > 1 || base + layer == 0)
			fail_msg("action %s: %d base handlers, %d in layers", action_name((enum action)act), base, layer);
		if (base)
			assert_non_null(a->on_action[act]);
	}
	for (int k = PROMPT_NONE + 1; k < PROMPT__COUNT; k++)
		assert_non_null(a->prompt_ops[k]);
	finish(f);
}

/* A modal layer (help) takes every action; one that is not (a selection)
 * leaves the others to the base table. */
static void test_layers_come_first(void **state)
{
	fixture *f = start(100, 30);
	app *a = &f->a;
	app_do(a, ACT_HELP);
	assert_true(a->help);
	assert_int_equal(app_do(a, ACT_ARTICLE_NEXT), R_NONE);
	assert_int_equal(a->art, 0);
	assert_int_equal(app_keyctx(a), KC_HELP);
	app_do(a, ACT_QUIT);
	assert_false(a->help);
	a->focus = PANE_TEXT;
	app_do(a, ACT_VISUAL);
	assert_true(a->visual);
	size_t cur = a->vcur;
	app_do(a, ACT_MOVE_RIGHT);
	assert_true(a->vcur > cur);
	app_do(a, ACT_ARTICLE_NEXT);   /* not the selection's: the core's */
	assert_int_equal(a->art, 1);
	assert_false(a->visual);         /* the new article's doc ended it */
	finish(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action_has_a_handler),
		cmocka_unit_test(test_layers_come_first),
		cmocka_unit_test(test_sidebar_follows_the_text),
		cmocka_unit_test(test_page_on_into_the_next_article),
		cmocka_unit_test(test_list_copy_takes_the_cursor_row),
		cmocka_unit_test(test_help_moves_and_searches),
		cmocka_unit_test(test_speaker_correction),
		cmocka_unit_test(test_wide_layout_starts_on_the_list),
		cmocka_unit_test(test_narrow_layout_list_is_its_own_screen),
		cmocka_unit_test(test_focus_cycles_through_panes),
		cmocka_unit_test(test_text_scrolling),
		cmocka_unit_test(test_quotes_move_the_text),
		cmocka_unit_test(test_open_next_article),
		cmocka_unit_test(test_search_in_text),
		cmocka_unit_test(test_search_in_list_and_quotes),
		cmocka_unit_test(test_resize_keeps_position),
		cmocka_unit_test(test_help_and_quit),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_tag_keys_and_prompt),
		cmocka_unit_test(test_completion_among_many_names),
		cmocka_unit_test(test_tagged_view),
		cmocka_unit_test(test_marks_and_export),
		cmocka_unit_test(test_visual_selection),
		cmocka_unit_test(test_stepping_past_the_loaded_limit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
