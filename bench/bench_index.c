/* bench/bench_index: the corpus index without the command line around it.
 *   bench_index group FILE.jsonl   the grouping of the quotes of FILE
 *                                  (quoth quotes --format=jsonl lines)
 *   bench_index views DIR INDEX    the reader's views of the index of DIR,
 *                                  through the app as keys drive it: the
 *                                  speaker view, a speaker's quotes, the group
 *                                  of a quote, the list filter key by key
 * Prints "name milliseconds" lines (and counts) for bench/run.sh; each view
 * is opened three times and the best kept (the first may read the file). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app.h"
#include "index.h"
#include "samequote.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int bench_group(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 1;
	}
	samequote *s = samequote_new();
	char *line = NULL;
	size_t cap = 0;
	double t0 = now_ms();
	while (getline(&line, &cap, f) > 0) {
		json_object *o = json_tokener_parse(line), *text, *lang;
		if (o && json_object_object_get_ex(o, "text", &text) && json_object_object_get_ex(o, "lang", &lang))
			samequote_add(s, json_object_get_string(text), (size_t)json_object_get_string_len(text),
			              json_object_get_string(lang));
		json_object_put(o);
	}
	double t1 = now_ms(), c1 = cpu_ms();
	size_t n = samequote_count(s);
	size_t *g = malloc((n + 1) * sizeof *g);
	if (samequote_group(s, g)) {
		fputs("bench_index: out of memory\n", stderr);
		return 1;
	}
	double t2 = now_ms(), c2 = cpu_ms();
	size_t *size = calloc(n + 1, sizeof *size), grouped = 0, groups = 0;
	for (size_t i = 0; i < n; i++)
		size[g[i]]++;
	for (size_t i = 0; i < n; i++)
		if (size[i] > 1) {
			groups++;
			grouped += size[i];
		}
	free(size);
	printf("quotes %zu\nread_and_shingle %.0f\ngroup %.0f\ngroup_cpu %.0f\ngroups %zu\ngrouped %zu\nchecks %zu\n", n,
	       t1 - t0, t2 - t1, c2 - c1, groups, grouped, samequote_checks(s));
	free(g);
	free(line);
	fclose(f);
	samequote_free(s);
	return 0;
}

/* Prints the best of three of an action on the app: wall and CPU ms (a
 * machine shared with other work stretches the first, not the second). */
static void best_of_three(app *a, const char *name, enum action open, enum action close)
{
	double best = 1e9, cpu = 1e9;
	for (int k = 0; k < 3; k++) {
		double t0 = now_ms(), c0 = cpu_ms();
		app_do(a, open);
		double t = now_ms() - t0, c = cpu_ms() - c0;
		best = t < best ? t : best;
		cpu = c < cpu ? c : cpu;
		if (close != ACT_NONE && k < 2)
			app_do(a, close);
	}
	printf("%s %.1f\n%s_cpu %.1f\n", name, best, name, cpu);
}

/* Opens the list filter and types keys one by one: *worst the slowest
 * key's wall time, *cpu its CPU time; each key's in ms[] when given. */
static void type_keys(app *a, const char *typed, double *worst, double *cpu, double *ms)
{
	app_do(a, ACT_LIST_FILTER);
	for (size_t k = 0; typed[k]; k++) {
		double t0 = now_ms(), c0 = cpu_ms();
		app_edit(a, (unsigned char)typed[k]);
		double t = now_ms() - t0, used = cpu_ms() - c0;
		if (ms)
			ms[k] = t;
		if (t > *worst)
			*worst = t, *cpu = used;
	}
}

static int bench_views(const char *dir, const char *path)
{
	qindex *ix = NULL;
	if (index_open(path, INDEX_WRITE, &ix, NULL)) {
		fprintf(stderr, "bench_index: cannot open %s\n", path);
		return 1;
	}
	corpus c;
	corpus_init(&c);
	if (corpus_add_path(&c, dir) || !c.n)
		return 1;
	app_opts o = { .tabwidth = 8, .index = ix, .names = { .merge = true } };
	o.layout = (layout_opts){ .wide_cols = 100, .list_pct = 25, .quotes_pct = 30, .narrow_quotes_pct = 40 };
	quotes_opts_init(&o.quotes);
	app a;
	if (app_init(&a, &c, &o, 140, 40))
		return 1;
	printf("articles %zu\n", c.n);
	best_of_three(&a, "speaker_view", ACT_SPEAKERS, ACT_QUIT);
	printf("speakers %zu\n", a.cv.npersons);
	if (a.cv.nshown)
		printf("top_speaker %s\n", a.cv.persons[a.cv.shown[0]].name);
	best_of_three(&a, "speaker_quotes", ACT_OPEN, ACT_QUIT);
	printf("speaker_quotes_n %zu\nspeaker_quotes_total %zu\n", a.cv.nids, a.cv.total);
	app_do(&a, ACT_QUIT);
	app_do(&a, ACT_QUIT);
	app_do(&a, ACT_FOCUS_NEXT);   /* the sidebar: its first quote is the current one */
	best_of_three(&a, "group_view", ACT_SAME_QUOTE, ACT_QUIT);
	printf("group_variants %zu\ngroup_articles %zu\n", a.cv.nids, a.cv.total);
	app_do(&a, ACT_QUIT);
	/* the list filter, key by key, as a reader that starts and is typed
	 * into at once: the first key reads what the index knows of every
	 * article, the first key of speaker: who each quotes (each once) */
	double ms[32], worst = 0, worst_cpu = 0, t0 = now_ms();
	type_keys(&a, "speaker:vossberg", &worst, &worst_cpu, ms);
	/* a key reads the table for a bounded time: the rest comes in idle
	 * time, then the rows */
	while (a.lv.pending)
		app_idle(&a);
	double rows = now_ms() - t0;
	printf("list_filter_first_keys");
	for (size_t k = 0; k < 16; k++)
		printf(" %.1f", ms[k]);
	printf("\n");
	printf("list_filter_first_rows_shown %zu\n", app_list_count(&a));
	app_edit(&a, EK_ESC);
	printf("list_filter_first_key %.1f\nlist_filter_speakers_key %.1f\nlist_filter_first_worst %.1f\n"
	       "list_filter_first_worst_cpu %.1f\nlist_filter_first_rows %.1f\n", ms[0], ms[8], worst, worst_cpu, rows);
	app_free(&a);
	/* as one that gave it a moment first: the table read in idle time */
	if (app_init(&a, &c, &o, 140, 40))
		return 1;
	t0 = now_ms();
	double c0 = cpu_ms();
	while (!app_list_ready(&a))
		app_idle(&a);
	printf("list_table %.1f\nlist_table_cpu %.1f\n", now_ms() - t0, cpu_ms() - c0);
	/* every kind of filter, key by key: the worst key of all */
	static const char *const filters[] = { "speaker:vossberg", "lang:en", "source:wire", "night article",
	                                       "text:said" };
	worst = worst_cpu = 0;
	for (size_t k = 0; k < sizeof filters / sizeof *filters; k++) {
		double w = 0, wc = 0;
		type_keys(&a, filters[k], &w, &wc, NULL);
		printf("list_shown_%zu %zu\n", k, app_list_count(&a));
		if (w > worst)
			worst = w, worst_cpu = wc;
		if (k == 4)
			printf("text_filter_key %.1f\ntext_filter_key_cpu %.1f\ntext_shown %zu\n", w, wc, app_list_count(&a));
		for (size_t d = strlen(filters[k]); d > 0; d--) {   /* and back, key by key */
			double t1 = now_ms(), c1 = cpu_ms();
			app_edit(&a, EK_BACKSPACE);
			double t = now_ms() - t1, used = cpu_ms() - c1;
			if (t > worst)
				worst = t, worst_cpu = used;
		}
		app_edit(&a, EK_ESC);
	}
	printf("list_filter_key %.1f\nlist_filter_key_cpu %.1f\n", worst, worst_cpu);
	app_free(&a);
	corpus_free(&c);
	quotes_opts_free(&o.quotes);
	index_close(ix);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "group"))
		return bench_group(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "views"))
		return bench_views(argv[2], argv[3]);
	fputs("usage: bench_index group FILE.jsonl | views DIR INDEX\n", stderr);
	return 2;
}
