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
	const name_form f[] = {
		{ "the mayor, Ilse Brand", "en", 0 }, { "Ilse Brand", "en", 0 }, { "Ilse Brand, the mayor", "en", 0 },
		{ "Ilse Brand (Green Party)", "en", 0 }, { "Brand", "en", 0 }, { "Brand, Ilse", "en", 0 },
		{ "Tove Lund, Ilse Brand", "en", 0 }, { "the mayor", "en", 0 }, { "Orrin Vale (62)", "en", 0 },
		{ "Vale", "en", 0 }, { "a spokeswoman, who declined to be named", "en", 0 },
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(got[i], "Ilse Brand");
	assert_string_equal(got[5], "Brand, Ilse");
	assert_string_equal(got[6], "Tove Lund, Ilse Brand");
	assert_string_equal(got[7], "the mayor");
	assert_string_equal(got[8], "Orrin Vale (62)");
	assert_string_equal(got[9], "Orrin Vale (62)");
	assert_string_equal(got[10], "a spokeswoman, who declined to be named");
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
	const name_form f[] = {
		{ "山田太郎", "ja", 0 }, { "山田", "ja", 0 },
		{ "王小明", "zh", 0 }, { "王", "zh", 0 },                 /* 王 begins two names: apart */
		{ "王丽华", "zh", 0 },
		{ "约翰·史密斯", "zh", 0 }, { "史密斯", "zh", 0 },       /* the last part of a dotted name */
		{ "ジョン・スミス", "ja", 0 }, { "スミス", "ja", 0 },
		{ "外務省報道官室", "ja", 0 }, { "外務省", "ja", 0 },   /* over five characters: not a name */
		{ "山田 Taro", "ja", 0 },                             /* mixed scripts: not merged */
		{ "吉川（Yoshikawa）", "zh", 0 }, { "吉川", "zh", 0 },   /* the Latin form in brackets */
		{ "市长的首席顾问约翰·史密斯", "zh", 0 },             /* a role before the name */
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	assert_string_equal(got[0], "山田太郎");
	assert_string_equal(got[1], "山田太郎");
	assert_string_equal(got[2], "王小明");
	assert_string_equal(got[3], "王");
	assert_string_equal(got[4], "王丽华");
	assert_string_equal(got[5], "约翰·史密斯");
	assert_string_equal(got[6], "约翰·史密斯");
	assert_string_equal(got[7], "ジョン・スミス");
	assert_string_equal(got[8], "ジョン・スミス");
	assert_string_equal(got[9], "外務省報道官室");
	assert_string_equal(got[10], "外務省");
	assert_string_equal(got[11], "山田 Taro");
	assert_string_equal(got[12], "吉川");
	assert_string_equal(got[13], "吉川");
	assert_string_equal(got[14], "市长的首席顾问约翰·史密斯");
}

/* A longer form that few quotes carry (a word before the name that is no
 * part of it) does not show the person; a name of one word never does. */
static void test_shown_by_the_most_quoted_name(void **state)
{
	const name_form f[] = {
		{ "Ann Berg", "en", 40 }, { "Democrat Ann Berg", "en", 3 }, { "Berg", "en", 90 },
		{ "Xu Mei", "en", 2 }, { "Xu", "en", 50 },
		{ "Karel van Dorne", "nl", 5 }, { "Van Dorne", "nl", 5 },   /* a tie: the fullest */
	};
	const char *got[N(f)];
	merged(f, N(f), NULL, got);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(got[i], "Ann Berg");
	assert_string_equal(got[3], "Xu Mei");
	assert_string_equal(got[4], "Xu Mei");
	assert_string_equal(got[5], "Karel van Dorne");
	assert_string_equal(got[6], "Karel van Dorne");
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
