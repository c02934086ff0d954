/* The reader headless, through the app layer: what a user waits for.
 *
 *   bench_reader article FILE WORD   open FILE and draw the first screen,
 *                                    page down 1,000 times, jump to the end,
 *                                    search WORD from the start
 *   bench_reader folder DIR          open a folder of articles: list, first
 *                                    screen (titles of the rows shown)
 *   bench_reader search FILE WORD    open FILE and search WORD from the start
 *                                    as a user does (/ WORD Enter, then the
 *                                    search through the file, a slice per
 *                                    idle turn, until it is found or the
 *                                    whole file was searched)
 *
 * Prints one line "name milliseconds" per step (search also "search_cpu"),
 * then "rss_kb N". The
 * first screen is the rows the ui would draw, their titles and quotes
 * counted, exactly as the ui asks the app for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "app.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Resident memory now, in KB (0 when unknown). */
static long rss_now_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmRSS:", 6))
			kb = atol(line + 6);
	if (f)
		fclose(f);
	return kb;
}

static void report(const char *what, double ms)
{
	printf("%s %.3f\n", what, ms);
	printf("rss_after_%s %ld\n", what, rss_now_kb());
}

/* What the ui reads to draw a screen of 140x40. */
static void first_screen(app *a)
{
	rect c = app_content(a, PANE_TEXT);
	wrap_row rows[64];
	if (a->view)
		wrap_view_rows(a->view, a->text_top, rows, (size_t)c.h);
	rect l = app_content(a, PANE_LIST);
	for (int y = 0; y < l.h && a->list_top + (size_t)y < a->corpus->n; y++) {
		corpus_title(a->corpus, a->list_top + (size_t)y);
		app_list_quotes(a, a->list_top + (size_t)y);
	}
	for (size_t i = a->q_top; i < a->quotes.n && i < a->q_top + 8; i++)
		app_quote_height(a, i);
}

static void start(app *a, corpus *c, const char *path)
{
	app_opts o = { 0 };
	o.tabwidth = 8;
	o.history_max = 10;
	o.layout.wide_cols = 100;
	o.layout.list_pct = 25;
	o.layout.quotes_pct = 30;
	o.layout.narrow_quotes_pct = 40;
	quotes_opts_init(&o.quotes);
	corpus_init(c);
	if (corpus_add_path(c, path) || app_init(a, c, &o, 140, 40)) {
		fprintf(stderr, "bench_reader: cannot open %s\n", path);
		exit(1);
	}
	first_screen(a);
}

static double cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* From the top of the open article: / word Enter, and the search through
 * the rest of the file until it ends. True when it found the word. */
static bool search_from_top(app *a, const char *word)
{
	app_do(a, ACT_SEARCH);
	for (const char *p = word; *p; p++)
		app_edit(a, (unsigned char)*p);
	app_edit(a, EK_ENTER);
	if (a->hit >= a->hits.n || !a->hits.n)
		app_do(a, ACT_SEARCH_NEXT);
	while (app_busy(a) && a->bsearch.active)
		app_idle(a);
	first_screen(a);
	return a->hit < a->hits.n;
}

static int search(const char *path, const char *word)
{
	corpus c;
	app a;
	start(&a, &c, path);
	a.focus = PANE_TEXT;
	double t0 = now_ms(), c0 = cpu_ms();
	bool found = search_from_top(&a, word);
	report("search", now_ms() - t0);
	printf("search_cpu %.3f\nfound %d\n", cpu_ms() - c0, found);
	app_free(&a);
	corpus_free(&c);
	return 0;
}

static int article(const char *path, const char *word)
{
	corpus c;
	app a;
	double t0 = now_ms();
	start(&a, &c, path);
	report("first_screen", now_ms() - t0);
	a.focus = PANE_TEXT;
	t0 = now_ms();
	for (int i = 0; i < 1000; i++) {
		app_do(&a, ACT_PAGE_DOWN);
		first_screen(&a);
	}
	report("page_down_each", (now_ms() - t0) / 1000);
	t0 = now_ms();
	app_do(&a, ACT_MOVE_LAST);
	first_screen(&a);
	report("jump_to_end", now_ms() - t0);
	app_do(&a, ACT_MOVE_FIRST);
	t0 = now_ms();
	bool found = search_from_top(&a, word);
	report(found ? "search_near_end" : "search_near_end_NOT_FOUND", now_ms() - t0);
	app_free(&a);
	corpus_free(&c);
	return found ? 0 : 1;
}

static int folder(const char *dir)
{
	corpus c;
	app a;
	double t0 = now_ms();
	start(&a, &c, dir);
	report("first_screen", now_ms() - t0);
	printf("articles %zu\n", c.n);
	t0 = now_ms();
	for (int i = 0; i < 100; i++) {
		app_do(&a, ACT_PAGE_DOWN);
		first_screen(&a);
	}
	report("list_page_down_each", (now_ms() - t0) / 100);
	app_free(&a);
	corpus_free(&c);
	return 0;
}

int main(int argc, char **argv)
{
	int rc;
	if (argc == 4 && !strcmp(argv[1], "article"))
		rc = article(argv[2], argv[3]);
	else if (argc == 3 && !strcmp(argv[1], "folder"))
		rc = folder(argv[2]);
	else if (argc == 4 && !strcmp(argv[1], "search"))
		rc = search(argv[2], argv[3]);
	else {
		fputs("usage: bench_reader article FILE WORD | folder DIR | search FILE WORD\n", stderr);
		return 2;
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("rss_kb %ld\n", ru.ru_maxrss);
	return rc;
}
