/* bench/bench_index: the corpus index without the command line around it.
 *   bench_index group FILE.jsonl   the grouping of the quotes of FILE
 *                                  (quoth quotes --format=jsonl lines)
 *   bench_index views INDEX        opening the speaker and group views
 * Prints "name milliseconds" lines (and counts) for bench/run.sh. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "index.h"
#include "samequote.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
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
	double t1 = now_ms();
	size_t n = samequote_count(s);
	size_t *g = malloc((n + 1) * sizeof *g);
	if (samequote_group(s, g)) {
		fputs("bench_index: out of memory\n", stderr);
		return 1;
	}
	double t2 = now_ms();
	size_t *size = calloc(n + 1, sizeof *size), grouped = 0, groups = 0;
	for (size_t i = 0; i < n; i++)
		size[g[i]]++;
	for (size_t i = 0; i < n; i++)
		if (size[i] > 1) {
			groups++;
			grouped += size[i];
		}
	free(size);
	printf("quotes %zu\nread_and_shingle %.0f\ngroup %.0f\ngroups %zu\ngrouped %zu\nchecks %zu\n", n, t1 - t0,
	       t2 - t1, groups, grouped, samequote_checks(s));
	free(g);
	free(line);
	fclose(f);
	samequote_free(s);
	return 0;
}

static int bench_views(const char *path)
{
	qindex *ix = NULL;
	if (index_open(path, INDEX_READ, &ix, NULL)) {
		fprintf(stderr, "bench_index: cannot open %s\n", path);
		return 1;
	}
	double t0 = now_ms();
	index_person *p;
	size_t np;
	if (index_persons(ix, &p, &np))
		return 1;
	double t1 = now_ms();
	index_hit *h;
	size_t nh = 0;
	if (np && index_person_quotes(ix, p[np - 1].id, &h, &nh) == 0)
		index_hits_free(h, nh);
	double t2 = now_ms();
	index_group *g;
	size_t ng;
	if (index_groups(ix, 2, NULL, &g, &ng))
		return 1;
	double t3 = now_ms();
	size_t ngh = 0;
	if (ng && index_group_quotes(ix, g[ng - 1].id, &h, &ngh) == 0)
		index_hits_free(h, ngh);
	double t4 = now_ms();
	printf("speakers %zu\nspeaker_view %.1f\nspeaker_quotes %.1f\ngroups %zu\ngroup_list %.1f\ngroup_view %.1f\n", np,
	       t1 - t0, t2 - t1, ng, t3 - t2, t4 - t3);
	index_persons_free(p, np);
	index_groups_free(g, ng);
	index_close(ix);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "group"))
		return bench_group(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "views"))
		return bench_views(argv[2]);
	fputs("usage: bench_index group FILE.jsonl | views INDEX\n", stderr);
	return 2;
}
