/* The action table: names, groups, default keys, help. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "action.h"
#include "keymap.h"

static void every_action_has_name_help_group_and_keys(void **state)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		const struct action_info *info = action_info(a);
		assert_non_null(info);
		assert_true(strlen(info->name) > 0);
		assert_true(strlen(info->help) > 10);
		if (strlen(info->help) > 50)
			fail_msg("help of %s is longer than 50 columns", info->name);
		assert_true(info->group < AG__COUNT);
		assert_true(info->default_ctx != 0);
		assert_true((info->default_ctx & ~((1u << KC__COUNT) - 1)) == 0);
		assert_true(strlen(info->default_keys) > 0);
		for (const char *p = info->name; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_');
	}
}

static void names_are_unique_and_round_trip(void **state)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		assert_int_equal(action_by_name(action_name(a)), a);
		for (int b = a + 1; b < ACT__COUNT; b++)
			assert_string_not_equal(action_name(a), action_name(b));
	}
}

static void name_lookup_forms(void **state)
{
	assert_int_equal(action_by_name("page_down"), ACT_PAGE_DOWN);
	assert_int_equal(action_by_name("page-down"), ACT_PAGE_DOWN);
	assert_int_equal(action_by_name("PAGE_DOWN"), ACT_PAGE_DOWN);
	assert_int_equal(action_by_name("page_dow"), ACT_NONE);
	assert_int_equal(action_by_name("page_downn"), ACT_NONE);
	assert_int_equal(action_by_name(""), ACT_NONE);
	assert_int_equal(action_by_name("none"), ACT_NONE);
	assert_true(action_is_none_name("none"));
	assert_true(action_is_none_name("NONE"));
	assert_false(action_is_none_name("quit"));
	assert_string_equal(action_name(ACT_NONE), "none");
	assert_string_equal(action_name(ACT__COUNT), "?");
	assert_string_equal(action_help(ACT__COUNT), "");
	assert_null(action_info(ACT_NONE));
	assert_null(action_info(ACT__COUNT));
}

static void default_keys_are_key_names(void **state)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		char keys[128];
		snprintf(keys, sizeof keys, "%s", action_info(a)->default_keys);
		char *save = NULL;
		for (char *k = strtok_r(keys, ", ", &save); k; k = strtok_r(NULL, ", ", &save)) {
			if (key_from_name(k) < 0)
				fail_msg("%s: default key '%s' is not a key name", action_name(a), k);
		}
	}
}

static void every_group_has_a_title_and_actions(void **state)
{
	for (int g = 0; g < AG__COUNT; g++) {
		assert_true(strlen(action_group_title(g)) > 0);
		int n = 0;
		for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
			n += action_info(a)->group == (enum action_group)g;
		assert_true(n > 0);
	}
}

static void tag_numbers(void **state)
{
	assert_int_equal(action_tag_number(ACT_TAG_TOGGLE_1), 1);
	assert_int_equal(action_tag_number(ACT_TAG_TOGGLE_5), 5);
	assert_int_equal(action_tag_number(ACT_TAG_TOGGLE_9), 9);
	assert_int_equal(action_tag_number(ACT_QUIT), 0);
	assert_int_equal(action_tag_number(ACT_NONE), 0);
	assert_int_equal(action_by_name("tag_toggle_7"), ACT_TAG_TOGGLE_7);
}

static void contexts_round_trip(void **state)
{
	for (int c = 0; c < KC__COUNT; c++)
		assert_int_equal(keyctx_by_name(keyctx_name(c)), c);
	assert_int_equal(keyctx_by_name("GLOBAL"), KC_GLOBAL);
	assert_int_equal(keyctx_by_name("sidebar"), -1);
	assert_string_equal(keyctx_name(KC_QUOTES), "quotes");
}

/* Issues 4 and 5 name these actions; the table must have them. */
static void the_actions_the_issues_name_exist(void **state)
{
	static const char *const needed[] = {
		"quit", "focus_next", "focus_prev", "move_up", "move_down", "page_down", "page_up",
		"half_page_down", "half_page_up", "move_first", "move_last", "open", "quote_next",
		"quote_prev", "search", "search_back", "search_next", "search_prev", "help", "redraw",
		"toggle_list", "tag_toggle_1", "tag_toggle_9", "tag_prompt", "untag", "visual", "mark",
		"export", "copy", "tagged_view", "cancel", "filter",
	};
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
		if (action_by_name(needed[i]) == ACT_NONE)
			fail_msg("no action %s", needed[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_action_has_name_help_group_and_keys),
		cmocka_unit_test(names_are_unique_and_round_trip),
		cmocka_unit_test(name_lookup_forms),
		cmocka_unit_test(default_keys_are_key_names),
		cmocka_unit_test(every_group_has_a_title_and_actions),
		cmocka_unit_test(tag_numbers),
		cmocka_unit_test(contexts_round_trip),
		cmocka_unit_test(the_actions_the_issues_name_exist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
