/* Dates as the articles write them, read as ISO dates (YYYY-MM-DD), so
 * that the index sorts them as time runs.
 *
 * A date is read when it gives a day, a month and a year and nothing that
 * makes them doubtful:
 *   2015-09-22, 2015/9/22               year first, then month and day;
 *   22.9.2015, 22. 9. 2015              dots: day first, as every language
 *                                       that writes them so;
 *   22/9/2015, 9/22/2015                slashes or hyphens: only when one of
 *                                       the two is over 12 (9/10/2015 is a
 *                                       different day in New York and Paris);
 *   22 September 2015, September 22, 2015, 22. September 2015,
 *   22 de septiembre de 2015, le 1er mars 2015, 22 września 2015
 *                                       a month name of any language's
 *                                       [month] list (src/quotes/lang/),
 *                                       with a day and a year around it;
 *                                       weekdays, times (10:30) and words
 *                                       that are no month are passed over;
 *   2015年9月22日                        the year, month and day marks;
 *   ngày 22 tháng 9 năm 2015            a word of a [date_unit] list before
 *   2015년 9월 22일                      each number, or joined after it.
 * A day beyond its month (31 April, 29 February 2015) or a year outside
 * 1000-2999 is no date. Everything else (May 12, with no year) is kept as
 * written by the caller.
 */
#ifndef QUOTH_DATES_H
#define QUOTH_DATES_H

#include <stdbool.h>

#define DATE_ISO_SIZE 11   /* YYYY-MM-DD and its NUL */

/* Writes the ISO form of the date s into iso and returns true, or returns
 * false (iso untouched) when s does not read as one date. */
bool date_iso(const char *s, char iso[DATE_ISO_SIZE]);

#endif
