/* Written dates read as ISO dates: the shapes of dates.h, and what stays
 * as written (no year, no day, a doubtful order, a day beyond its month). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "dates.h"

static void reads_as(const char *written, const char *want)
{
	char iso[DATE_ISO_SIZE] = "unchanged";
	bool ok = date_iso(written, iso);
	if (!ok)
		fail_msg("\"%s\" was not read (wanted %s)", written, want);
	assert_string_equal(iso, want);
}

static void stays(const char *written)
{
	char iso[DATE_ISO_SIZE] = "unchanged";
	if (date_iso(written, iso))
		fail_msg("\"%s\" was read as %s", written, iso);
	assert_string_equal(iso, "unchanged");
}

static void test_numbers(void **state)
{
	reads_as("2015-09-22", "2015-09-22");
	reads_as("2017-08-31 09:16:07", "2017-08-31");
	reads_as("2015-09-22T10:00:00+02:00", "2015-09-22");
	reads_as("2015/9/22", "2015-09-22");
	reads_as("22.9.2015", "2015-09-22");
	reads_as("22. 9. 2015", "2015-09-22");
	reads_as("03.04.2016", "2016-04-03");   /* dots: the day first */
	reads_as("22/9/2015", "2015-09-22");
	reads_as("9/22/2015", "2015-09-22");
	stays("9/10/2015");                     /* either day */
	stays("22.9.");                         /* no year */
	stays("2015");
	stays("22.9.2015 und 23.9.2015");
}

/* Words before each number (vi) or joined after it (ko), [date_unit], say
 * which it is. */
static void test_date_units(void **state)
{
	reads_as("ng\xC3\xA0y 5 th\xC3\xA1ng 9 n\xC4\x83m 2021", "2021-09-05");
	reads_as("Th\xE1\xBB\xA9 hai, ng\xC3\xA0y 22 th\xC3\xA1ng 11 n\xC4\x83m 2021, 10:30",
	         "2021-11-22");   /* a weekday and a time passed over */
	stays("th\xC3\xA1ng 9 n\xC4\x83m 2021");   /* no day */
	stays("ng\xC3\xA0y 31 th\xC3\xA1ng 4 n\xC4\x83m 2021");   /* a day beyond its month */
	reads_as("2021\xEB\x85\x84 9\xEC\x9B\x94 5\xEC\x9D\xBC", "2021-09-05");   /* joined after the number (ko) */
	stays("9\xEC\x9B\x94 5\xEC\x9D\xBC");   /* no year */
}

static void test_month_names(void **state)
{
	reads_as("22 September 2015", "2015-09-22");
	reads_as("September 22, 2015", "2015-09-22");
	reads_as("Tuesday, September 22, 2015", "2015-09-22");
	reads_as("Sept. 22, 2015, 10:30 a.m.", "2015-09-22");
	reads_as("22. März 2015", "2015-03-22");
	reads_as("22 de septiembre de 2015", "2015-09-22");
	reads_as("le 1er mars 2015", "2015-03-01");
	reads_as("22 d'octubre de 2015", "2015-10-22");
	reads_as("22 września 2015", "2015-09-22");
	reads_as("22 СЕНТЯБРЯ 2015", "2015-09-22");
	reads_as("22 septembrie 2015", "2015-09-22");
	reads_as("22. rujna 2015.", "2015-09-22");
	reads_as("5. studenog 2015.", "2015-11-05");   /* the short genitive */
	reads_as("2015. szeptember 22.", "2015-09-22");
	reads_as("22 \xCE\xA3\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85 2015", "2015-09-22");
	reads_as("22 \xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8 2015 \xD0\xB3.", "2015-09-22");
	reads_as("22. \xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB1\xD1\x80\xD0\xB0 2015.", "2015-09-22");
	reads_as("22. októbra 2015", "2015-10-22");   /* Slovak: the genitive */
	reads_as("3. junija 2015", "2015-06-03");   /* Slovenian */
	reads_as("22. syyskuuta 2015", "2015-09-22");   /* Finnish: the partitive */
	reads_as("22. septembril 2015", "2015-09-22");   /* Estonian: the adessive */
	reads_as("22 de xullo de 2015", "2015-07-22");   /* Galician */
	reads_as("2015. gada 22. septembr\xC4\xAB", "2015-09-22");   /* Latvian: the year first, the locative */
	reads_as("2015 m. rugs\xC4\x97jo 22 d.", "2015-09-22");   /* Lithuanian: the genitive, "m." and "d." passed over */
	reads_as("22 Eyl\xC3\xBCl 2015 Sal\xC4\xB1", "2015-09-22");   /* Turkish, the weekday after */
	reads_as("22 Agustus 2015", "2015-08-22");   /* Indonesian */
	reads_as("22 \xD8\xB3\xD8\xA8\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1 2015", "2015-09-22");   /* Arabic */
	reads_as("22 \xD8\xA3\xD9\x8A\xD9\x84\xD9\x88\xD9\x84 2015", "2015-09-22");   /* Arabic, the Levant's name */
	reads_as("22 \xD7\x91\xD7\xA1\xD7\xA4\xD7\x98\xD7\x9E\xD7\x91\xD7\xA8 2015", "2015-09-22");   /* Hebrew, "in" joined */
	reads_as("22 \xD8\xB3\xD9\xBE\xD8\xAA\xD8\xA7\xD9\x85\xD8\xA8\xD8\xB1 2015", "2015-09-22");   /* Persian */
	reads_as("22 \xE0\xA4\xB8\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0 2015", "2015-09-22");   /* Hindi */
	reads_as("22 \xD8\xB3\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1 2015", "2015-09-22");   /* Urdu */
	reads_as("22 \xD0\xB2\xD0\xB5\xD1\x80\xD0\xB0\xD1\x81\xD0\xBD\xD1\x8F 2015 \xD0\xB3.", "2015-09-22");   /* Belarusian: the genitive */
	reads_as("22 \xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8 2015", "2015-09-22");   /* Macedonian */
	reads_as("2015eko irailaren 22an", "2015-09-22");   /* Basque: the year first, the genitive */
	reads_as("22. september 2015", "2015-09-22");   /* Icelandic */
	reads_as("22 I\xC3\xBAil 2015", "2015-07-22");   /* Irish */
	reads_as("22 ta' Settembru 2015", "2015-09-22");   /* Maltese */
	reads_as("22 \xD2\x9B\xD1\x8B\xD1\x80\xD0\xBA\xD2\xAF\xD0\xB9\xD0\xB5\xD0\xBA 2015", "2015-09-22");   /* Kazakh */
	reads_as("2015 \xD5\xA9\xD5\xBE\xD5\xA1\xD5\xAF\xD5\xA1\xD5\xB6\xD5\xAB \xD5\xBD\xD5\xA5\xD5\xBA\xD5\xBF"
	         "\xD5\xA5\xD5\xB4\xD5\xA2\xD5\xA5\xD6\x80\xD5\xAB 22", "2015-09-22");   /* Armenian: the year first, the genitive */
	reads_as("22 \xE0\xAE\x9A\xE0\xAF\x86\xE0\xAE\xAA\xE0\xAF\x8D\xE0\xAE\x9F\xE0\xAE\xAE\xE0\xAF\x8D\xE0\xAE"
	         "\xAA\xE0\xAE\xB0\xE0\xAF\x8D 2015", "2015-09-22");   /* Tamil */
	reads_as("22 \xE0\xA4\xB8\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\x9F\xE0\xA5\x87\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4"
	         "\xB0 2015", "2015-09-22");   /* Marathi */
	reads_as("Mon, 02 Jan 2024 10:00:00 -0500", "2024-01-02");
	stays("May 12");                        /* no year */
	stays("September 2015");                /* no day */
	stays("22 March or April 2015");        /* two months */
	stays("Mayday 12, 2015");               /* no month name */
}

static void test_marks(void **state)
{
	reads_as("2015年9月22日", "2015-09-22");
	reads_as("2015年9月22日（火）", "2015-09-22");
	stays("9月22日");
	stays("2015年9月");
}

static void test_impossible_days(void **state)
{
	stays("31 April 2015");
	stays("29 February 2015");
	reads_as("29 February 2016", "2016-02-29");
	stays("29.2.1900");
	reads_as("29.2.2000", "2000-02-29");
	stays("0.1.2015");
	stays("15.13.2015");
	stays("22 September 0999");
}

static void test_not_dates(void **state)
{
	stays("");
	stays(NULL);
	stays("no date at all");
	stays("\xFF\xFE 2015");
	char longer[200];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	stays(longer);
	stays("1 2 3 4 5 6 7 8 9 10 2015");
	stays("99999999999999999999-1-1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_date_units),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_impossible_days),
		cmocka_unit_test(test_not_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
