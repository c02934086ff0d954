/* Merging the forms of one person's name: titles, shorter forms, chains,
 * ambiguity, descriptions, keep_apart and merge = no, many variants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "names.h"

#define N(a) (sizeof(a) / sizeof *(a))

/* The display form each form is merged into. */
static void merged(const name_form *f, size_t n, const names_opts *o, const char **out)
{
	size_t *person = calloc(n, sizeof *person);
	assert_int_equal(names_merge(f, n, o, person), 0);
	for (size_t i = 0; i < n; i++)
		out[i] = f[person[i]].form;
	free(person);
}

/* A form, and the form that must show its person. */
typedef struct person_case {
	name_form f;
	const char *shown;
} person_case;

/* Merges the forms of c (no options) and checks each one's person. */
static void shown_as(const person_case *c, size_t n)
{
	name_form *f = calloc(n, sizeof *f);
	const char **got = calloc(n, sizeof *got);
	for (size_t i = 0; i < n; i++)
		f[i] = c[i].f;
	merged(f, n, NULL, got);
	for (size_t i = 0; i < n; i++)
		if (strcmp(got[i], c[i].shown))
			fail_msg("\"%s\" shown as \"%s\", not \"%s\"", c[i].f.form, got[i], c[i].shown);
	free(f);
	free(got);
}

static void test_title_and_short_forms(void **state)
{
	const name_form f[] = {
		{ "Mei Tanlong", "en", 0 }, { "Mei", "en", 0 }, { "President Mei", "en", 0 }, { "Tanlong", "da", 0 },
		{ "MEI TANLONG", "en", 0 }, { "Rosa Quint", "en", 0 },
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(got[i], "Mei Tanlong");
	assert_string_equal(got[5], "Rosa Quint");
}

static void test_ambiguous_short_form_stays(void **state)
{
	const name_form f[] = {
		{ "Mei Tanlong", "en", 0 }, { "Mei Sorel", "en", 0 }, { "Mei", "en", 0 }, { "Tanlong", "en", 0 },
		/* begins one name and ends another */
		{ "Vale", "en", 0 }, { "Vale Orrin", "en", 0 }, { "Petra Vale", "en", 0 },
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	assert_string_equal(got[0], "Mei Tanlong");
	assert_string_equal(got[1], "Mei Sorel");
	assert_string_equal(got[2], "Mei");
	assert_string_equal(got[3], "Mei Tanlong");
	assert_string_equal(got[4], "Vale");
	assert_string_equal(got[5], "Vale Orrin");
	assert_string_equal(got[6], "Petra Vale");
}

static void test_chain_merges_whole(void **state)
{
	const name_form f[] = { { "Lo", "en", 0 }, { "Lo Hsien", "en", 0 }, { "Lo Hsien Tam", "en", 0 }, { "Dr. Lo Hsien Tam", "en", 0 } };
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	for (size_t i = 0; i < N(f); i++)
		assert_string_equal(got[i], "Lo Hsien Tam");
}

static void test_descriptions_and_particles(void **state)
{
	const name_form f[] = {
		{ "a spokeswoman for the ministry", "en", 0 }, { "Ministry", "en", 0 },
		{ "Karel van Dorne", "nl", 0 }, { "Van Dorne", "nl", 0 }, { "Dorne", "nl", 0 },
		{ "the mayor, Ilse Brand", "en", 0 }, { "Brand", "en", 0 },
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	assert_string_equal(got[0], "a spokeswoman for the ministry");
	assert_string_equal(got[1], "Ministry");
	assert_string_equal(got[2], "Karel van Dorne");
	assert_string_equal(got[3], "Karel van Dorne");
	assert_string_equal(got[4], "Karel van Dorne");
	assert_string_equal(got[5], "the mayor, Ilse Brand");   /* the only form of her name */
	assert_string_equal(got[6], "the mayor, Ilse Brand");
}

/* A name given with a description merges as the name does, and the bare
 * name shows the person; two names in one form ("Brand, Ilse") do not. */
static void test_name_with_description(void **state)
{
	const person_case c[] = {
		{ { "the mayor, Ilse Brand", "en", 0 }, "Ilse Brand" },
		{ { "Ilse Brand", "en", 0 }, "Ilse Brand" },
		{ { "Ilse Brand, the mayor", "en", 0 }, "Ilse Brand" },
		{ { "Ilse Brand (Green Party)", "en", 0 }, "Ilse Brand" },
		{ { "Brand", "en", 0 }, "Ilse Brand" },
		{ { "Brand, Ilse", "en", 0 }, "Brand, Ilse" },
		{ { "Tove Lund, Ilse Brand", "en", 0 }, "Tove Lund, Ilse Brand" },
		{ { "the mayor", "en", 0 }, "the mayor" },
		{ { "Orrin Vale (62)", "en", 0 }, "Orrin Vale (62)" },
		{ { "Vale", "en", 0 }, "Orrin Vale (62)" },
		{ { "a spokeswoman, who declined to be named", "en", 0 }, "a spokeswoman, who declined to be named" },
	};
	shown_as(c, N(c));
}

static void test_keep_apart_and_merge_off(void **state)
{
	const name_form f[] = { { "Mei Tanlong", "en", 0 }, { "Mei", "en", 0 }, { "Tanlong", "en", 0 } };
	const char *apart[] = { "mei" };
	names_opts o = { .merge = true, .apart = apart, .napart = 1 };
	const char *got[N(f)];
	merged(f, N(f), &o, got);
	assert_string_equal(got[1], "Mei");
	assert_string_equal(got[2], "Mei Tanlong");
	o = (names_opts){ .merge = false };
	merged(f, N(f), &o, got);
	for (size_t i = 0; i < N(f); i++)
		assert_string_equal(got[i], f[i].form);
}

/* Scripts without spaces: a name's characters are its words, so a family
 * name alone merges with the whole name; a foreign name's parts stand
 * between dots; a long run (an office of a ministry) is no name. */
static void test_unspaced_names(void **state)
{
	const person_case c[] = {
		{ { "山田太郎", "ja", 0 }, "山田太郎" },
		{ { "山田", "ja", 0 }, "山田太郎" },
		{ { "王小明", "zh", 0 }, "王小明" },
		{ { "王", "zh", 0 }, "王" },                                 /* 王 begins two names: apart */
		{ { "王丽华", "zh", 0 }, "王丽华" },
		{ { "约翰·史密斯", "zh", 0 }, "约翰·史密斯" },
		{ { "史密斯", "zh", 0 }, "约翰·史密斯" },                    /* the last part of a dotted name */
		{ { "ジョン・スミス", "ja", 0 }, "ジョン・スミス" },
		{ { "スミス", "ja", 0 }, "ジョン・スミス" },
		{ { "外務省報道官室", "ja", 0 }, "外務省報道官室" },         /* over five characters: not a name */
		{ { "外務省", "ja", 0 }, "外務省" },
		{ { "山田 Taro", "ja", 0 }, "山田 Taro" },                   /* mixed scripts: not merged */
		{ { "吉川（Yoshikawa）", "zh", 0 }, "吉川" },                 /* the Latin form in brackets */
		{ { "吉川", "zh", 0 }, "吉川" },
		{ { "市长的首席顾问约翰·史密斯", "zh", 0 }, "市长的首席顾问约翰·史密斯" },   /* a role before the name */
	};
	shown_as(c, N(c));
}

/* A longer form that few quotes carry (a word before the name that is no
 * part of it) does not show the person; a name of one word never does. */
static void test_shown_by_the_most_quoted_name(void **state)
{
	const person_case c[] = {
		{ { "Ann Berg", "en", 40 }, "Ann Berg" },
		{ { "Democrat Ann Berg", "en", 3 }, "Ann Berg" },
		{ { "Berg", "en", 90 }, "Ann Berg" },
		{ { "Xu Mei", "en", 2 }, "Xu Mei" },
		{ { "Xu", "en", 50 }, "Xu Mei" },
		{ { "Karel van Dorne", "nl", 5 }, "Karel van Dorne" },   /* a tie: the fullest */
		{ { "Van Dorne", "nl", 5 }, "Karel van Dorne" },
	};
	shown_as(c, N(c));
}

/* 10,000 variants of one name: merged in one pass, nothing quadratic. */
static void test_ten_thousand_variants(void **state)
{
	enum { V = 10000 };
	name_form *f = calloc(V + 2, sizeof *f);
	char **s = calloc(V + 2, sizeof *s);
	for (size_t i = 0; i < V; i++) {
		s[i] = malloc(48);
		snprintf(s[i], 48, "Mei Tanlong Q%zu", i);
		f[i] = (name_form){ s[i], "en", 0 };
	}
	f[V] = (name_form){ "Mei", "en", 0 };
	f[V + 1] = (name_form){ "Mei Tanlong", "en", 0 };
	size_t *person = calloc(V + 2, sizeof *person);
	assert_int_equal(names_merge(f, V + 2, NULL, person), 0);
	/* Mei and Mei Tanlong begin every variant: ambiguous, so kept apart */
	assert_int_equal(person[V], V);
	assert_int_equal(person[V + 1], V + 1);
	for (size_t i = 0; i < V; i++) {
		assert_int_equal(person[i], i);
		free(s[i]);
	}
	free(s);
	free(f);
	free(person);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_and_short_forms),
		cmocka_unit_test(test_ambiguous_short_form_stays),
		cmocka_unit_test(test_chain_merges_whole),
		cmocka_unit_test(test_descriptions_and_particles),
		cmocka_unit_test(test_name_with_description),
		cmocka_unit_test(test_keep_apart_and_merge_off),
		cmocka_unit_test(test_shown_by_the_most_quoted_name),
		cmocka_unit_test(test_unspaced_names),
		cmocka_unit_test(test_ten_thousand_variants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
