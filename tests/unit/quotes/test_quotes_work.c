/* quotes_find_with: the memory of one quotes_work reused from article to
 * article (as a thread of quoth quotes does) gives every article the
 * quotes that quotes_find gives it alone, in whatever order the articles
 * come: a small one after a big one (arrays longer than it needs, holding
 * the big one's tokens and mentions), a big one after a small one (arrays
 * made again), one past the size whose arrays are given back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "fixtures.h"
#include "quotes.h"

#define FIXTURES "tests/fixtures/quotes"
#define MOST 128

typedef struct texts {
	char *v[MOST];
	size_t len[MOST];
	size_t n;
} texts;

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)len + 1);
	assert_non_null(s);
	*n = fread(s, 1, (size_t)len, f);
	s[*n] = '\0';
	fclose(f);
	return s;
}

static void add_fixture(const char *name, void *ctx)
{
	texts *t = ctx;
	char path[512];
	snprintf(path, sizeof path, "%s/%s.txt", FIXTURES, name);
	assert_true(t->n < MOST);
	t->v[t->n] = slurp(path, &t->len[t->n]);
	t->n++;
}

/* The fixtures one after another, times times over: an article of many
 * tokens. */
static void add_big(texts *t, size_t from, size_t to, int times)
{
	size_t len = 0;
	for (size_t i = from; i < to; i++)
		len += t->len[i] + 2;
	char *s = malloc(len * (size_t)times + 1), *o = s;
	assert_non_null(s);
	for (int k = 0; k < times; k++)
		for (size_t i = from; i < to; i++) {
			memcpy(o, t->v[i], t->len[i]);
			o += t->len[i];
			*o++ = '\n';
			*o++ = '\n';
		}
	*o = '\0';
	assert_true(t->n < MOST);
	t->v[t->n] = s;
	t->len[t->n++] = (size_t)(o - s);
}

static void same_string(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_lists(const quote_list *a, const quote_list *b)
{
	assert_string_equal(a->lang, b->lang);
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const quote *x = &a->v[i], *y = &b->v[i];
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->open, y->open);
		assert_int_equal(x->close, y->close);
		assert_int_equal(x->spk_start, y->spk_start);
		assert_int_equal(x->spk_end, y->spk_end);
		same_string(x->speaker, y->speaker);
		same_string(x->cue, y->cue);
		same_string(x->text, y->text);
		assert_true(x->confidence == y->confidence);
		assert_true(x->id == y->id);
		assert_int_equal(x->depth, y->depth);
		assert_int_equal(x->unclosed, y->unclosed);
		assert_int_equal(x->dash, y->dash);
		assert_int_equal(x->inner, y->inner);
	}
}

/* Each of t's articles in the order of order[0, n), through w and alone;
 * returns the quotes found. */
static size_t compare(const texts *t, const size_t *order, size_t n, const quotes_opts *o, quotes_work *w)
{
	size_t quotes = 0;
	for (size_t k = 0; k < n; k++) {
		doc *d = NULL;
		assert_int_equal(doc_from_bytes("a.txt", t->v[order[k]], t->len[order[k]], &d), 0);
		quote_list kept, alone;
		assert_int_equal(quotes_find_with(d, o, w, &kept), 0);
		assert_int_equal(quotes_find(d, o, &alone), 0);
		same_lists(&kept, &alone);
		quotes += kept.n;
		quote_list_free(&kept);
		quote_list_free(&alone);
		doc_free(d);
	}
	return quotes;
}

static void one_work_many_articles(void **state)
{
	(void)state;
	texts t = { 0 };
	assert_true(each_fixture(FIXTURES, add_fixture, &t) >= 15);
	size_t nfix = t.n;
	add_big(&t, 0, nfix, 1);    /* bigger than any fixture */
	add_big(&t, 0, nfix, 12);   /* past the size whose arrays are given back */
	/* forward, the big ones, backward, the big ones between small ones */
	size_t order[4 * MOST], n = 0;
	for (size_t i = 0; i < nfix; i++)
		order[n++] = i;
	order[n++] = nfix;
	for (size_t i = nfix; i-- > 0;)
		order[n++] = i;
	for (size_t i = 0; i < nfix; i += 3) {
		order[n++] = i;
		order[n++] = i % 2 ? nfix : nfix + 1;
	}
	quotes_opts plain, all;
	quotes_opts_init(&plain);
	quotes_opts_init(&all);
	all.nested = all.keep_short = all.keep_text = true;
	quotes_work *w = quotes_work_new();
	assert_non_null(w);
	size_t found = compare(&t, order, n, &plain, w);
	found += compare(&t, order, n, &all, w);
	print_message("%zu articles twice, %zu quotes\n", n, found);
	assert_true(found > 2 * n);
	quotes_work_free(w);
	quotes_work_free(NULL);
	for (size_t i = 0; i < t.n; i++)
		free(t.v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_work_many_articles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
