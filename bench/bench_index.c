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
	/* the list filter, key by key: the first key reads what the index
	 * knows of every article, the first key of speaker: their speakers
	 * (each once); the others only filter */
	const char *typed = "speaker:vossberg";
	double first = 0, load = 0, worst = 0, worst_cpu = 0;
	app_do(&a, ACT_LIST_FILTER);
	for (size_t k = 0; typed[k]; k++) {
		double t0 = now_ms(), c0 = cpu_ms();
		app_edit(&a, (unsigned char)typed[k]);
		double t = now_ms() - t0, used = cpu_ms() - c0;
		if (k == 0)
			first = t;
		else if (k == 8)
			load = t;
		else if (t > worst)
			worst = t, worst_cpu = used;
	}
	printf("list_filter_first_key %.1f\nlist_filter_speakers_key %.1f\nlist_filter_key %.1f\nlist_filter_key_cpu %.1f\n"
	       "list_shown %zu\n", first, load, worst, worst_cpu, app_list_count(&a));
	/* words of the text: each key of the word a full-text query of the
	 * index, the first (one letter: most articles) the dearest */
	app_edit(&a, EK_ESC);
	app_do(&a, ACT_LIST_FILTER);
	typed = "text:said";
	worst = worst_cpu = 0;
	for (size_t k = 0; typed[k]; k++) {
		double t0 = now_ms(), c0 = cpu_ms();
		app_edit(&a, (unsigned char)typed[k]);
		double t = now_ms() - t0, used = cpu_ms() - c0;
		if (k >= 5 && t > worst)
			worst = t, worst_cpu = used;
	}
	printf("text_filter_key %.1f\ntext_filter_key_cpu %.1f\ntext_shown %zu\n", worst, worst_cpu, app_list_count(&a));
	app_edit(&a, EK_ESC);
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
