/* Datelines and date lines: place, date and source by shape. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "dateline.h"
#include "doc.h"

static dateline find(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t", text, strlen(text), &d), 0);
	dateline m;
	assert_int_equal(dateline_find(d, &m), 0);
	doc_free(d);
	return m;
}

static void expect(const char *text, const char *place, const char *date, const char *source)
{
	dateline m = find(text);
	if (place)
		assert_string_equal(m.place, place);
	else
		assert_null(m.place);
	if (date)
		assert_string_equal(m.date, date);
	else
		assert_null(m.date);
	if (source)
		assert_string_equal(m.source, source);
	else
		assert_null(m.source);
	dateline_free(&m);
}

static void test_wire_datelines(void **state)
{
	expect("Bridge opens\n\nORLAND, June 9 (Coast Wire) - The new bridge opened on Friday.\n",
	       "ORLAND", "June 9", "Coast Wire");
	expect("Bridge opens\n\nPORT-AU-VENT (Coast Wire) \xE2\x80\x94 The bridge opened.\n", "PORT-AU-VENT", NULL,
	       "Coast Wire");
	expect("Bridge opens\n\nNEW HAVENBY \xE2\x80\x93 The bridge opened on Friday.\n", "NEW HAVENBY", NULL, NULL);
	expect("Bridge opens\n\nORLAND, Sept. 9, 2024 (AB) - The bridge opened.\n", "ORLAND", "Sept. 9, 2024", "AB");
	expect("Bridge opens\n\n(Coast Wire) - The bridge opened on Friday.\n", NULL, NULL, "Coast Wire");
	expect("Bridge opens\n\nORLAND, Veland/KOSTA (Coast Wire) - The bridge opened.\n", "ORLAND, Veland/KOSTA", NULL,
	       "Coast Wire");
}

static void test_date_lines(void **state)
{
	expect("Bridge opens\n\n2024-06-09\n\nThe bridge opened on Friday.\n", NULL, "2024-06-09", NULL);
	expect("Bridge opens\n\n9 June 2024\n\nThe bridge opened on Friday.\n", NULL, "9 June 2024", NULL);
}

static void test_no_dateline(void **state)
{
	/* a sentence that starts with capitals, a dash later, a number that is no year */
	expect("Bridge opens\n\nNATO officials - who asked not to be named - spoke.\n", NULL, NULL, NULL);
	expect("Bridge opens\n\nThe bridge - long awaited - opened on Friday.\n", NULL, NULL, NULL);
	expect("Bridge opens\n\n42 cars crossed\n\nThe bridge opened.\n", NULL, NULL, NULL);
	expect("Bridge opens\n\nIt cost 2024 crowns per metre, the council said on Friday, more than planned.\n", NULL,
	       NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wire_datelines),
		cmocka_unit_test(test_date_lines),
		cmocka_unit_test(test_no_dateline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
