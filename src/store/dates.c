/* Written dates read as ISO dates (see dates.h): the date's numbers and
 * words first, then which of them are the day, the month and the year. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include "dates.h"
#include "lexicon.h"

#define DATE_MAX 120      /* longer is no date field: a sentence */
#define MAX_NUMBERS 8
#define WORD_MAX (LEX_MAXWORD + 1)   /* a month's name and its end */

enum mark { MARK_NONE, MARK_YEAR, MARK_MONTH, MARK_DAY };

typedef struct number {
	int value;
	int digits;
	char sep;           /* the first sign after it, spaces passed ('\0': none) */
	enum mark mark;     /* 年 月 日 right after it */
} number;

typedef struct reading {
	number num[MAX_NUMBERS];
	int n;
	int month;          /* of the month name, 0: none */
	enum mark unit;     /* of the word before the next number ([date_unit]: "ngày 5"), MARK_NONE: none */
	bool doubtful;      /* too many numbers, or two month names */
} reading;

static bool is_digit(uint8_t c)
{
	return c >= '0' && c <= '9';
}

/* 年 月 日 at p: which mark, and its length in *len. */
static enum mark mark_at(const uint8_t *p, size_t *len)
{
	static const struct { const char *s; enum mark m; } marks[] = {
		{ "\xE5\xB9\xB4", MARK_YEAR }, { "\xE6\x9C\x88", MARK_MONTH }, { "\xE6\x97\xA5", MARK_DAY },
	};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (!strncmp((const char *)p, marks[i].s, 3)) {   /* (stops at the end of the text) */
			*len = 3;
			return marks[i].m;
		}
	*len = 0;
	return MARK_NONE;
}

static bool is_mark(const uint8_t *p)
{
	size_t len;
	return mark_at(p, &len) != MARK_NONE;
}

/* Reads the number at s[*i]; a time (10:30) or a time zone (+0200) is
 * passed over. */
static void read_number(const uint8_t *s, size_t *i, reading *r)
{
	size_t start = *i;
	int value = 0, digits = 0;
	while (is_digit(s[*i])) {
		if (digits < 5)
			value = value * 10 + (s[*i] - '0');
		digits++;
		(*i)++;
	}
	char before = start ? (char)s[start - 1] : '\0';
	if (before == ':' || s[*i] == ':' || before == '+' ||
	    (before == '-' && (start < 2 || s[start - 2] == ' ')))
		return;
	if (r->n == MAX_NUMBERS) {
		r->doubtful = true;
		return;
	}
	number *x = &r->num[r->n++];
	*x = (number){ .value = digits <= 4 ? value : -1, .digits = digits };
	size_t len;
	x->mark = mark_at(s + *i, &len);
	*i += len;
	if (x->mark == MARK_NONE)
		x->mark = r->unit;   /* "tháng 9": the word before it says what it is */
	r->unit = MARK_NONE;
	size_t j = *i;
	while (s[j] == ' ')
		j++;
	x->sep = (char)s[j];
}

/* Reads the word at s[*i] (letters): a month name, or a word passed over. */
static void read_word(const uint8_t *s, size_t *i, reading *r)
{
	size_t start = *i;
	ucs4_t c;
	int k;
	/* (a combining mark goes on: Devanagari's vowel signs are inside a month's name) */
	while (s[*i] && (k = u8_strmbtouc(&c, s + *i)) > 0 && (uc_is_alpha(c) || uc_is_general_category(c, UC_CATEGORY_M)) &&
	       !is_mark(s + *i))
		*i += (size_t)k;
	if (*i == start) {   /* a sign, or a byte that is no character */
		k = u8_strmbtouc(&c, s + *i);
		*i += k > 0 ? (size_t)k : 1;
		return;
	}
	uint8_t low[WORD_MAX];
	size_t n = sizeof low;
	uint8_t *got = u8_tolower(s + start, *i - start, NULL, NULL, low, &n);
	if (got != low) {   /* longer than any month name: a buffer of its own, or none */
		free(got);
		return;
	}
	/* lex_date_unit's numbers, and the marks of the numbers after such words */
	static const enum mark units[] = { MARK_NONE, MARK_YEAR, MARK_MONTH, MARK_DAY };
	int u = lex_date_unit((const char *)low, n);
	if (u > 0 && (size_t)u < sizeof units / sizeof *units) {
		number *before = r->n ? &r->num[r->n - 1] : NULL;
		if (before && start && is_digit(s[start - 1]) && before->mark == MARK_NONE)
			before->mark = units[u];   /* written joined to the number before it: ko "2021년" */
		else
			r->unit = units[u];   /* before its number, spaced: vi "năm 2021" */
		return;
	}
	int m = lex_month((const char *)low, n);
	if (m && r->month && m != r->month)
		r->doubtful = true;
	if (m)
		r->month = m;
}

static void read_parts(const char *text, reading *r)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t i = 0;
	while (s[i]) {
		if (is_digit(s[i]))
			read_number(s, &i, r);
		else
			read_word(s, &i, r);
	}
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool put_date(int y, int m, int d, char iso[DATE_ISO_SIZE])
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	if (d > days[m - 1] + (m == 2 && leap(y)))
		return false;
	snprintf(iso, DATE_ISO_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return true;
}

/* 2015年9月22日 */
static bool by_marks(const reading *r, char iso[DATE_ISO_SIZE])
{
	int y = 0, m = 0, d = 0;
	for (int i = 0; i < r->n; i++) {
		const number *x = &r->num[i];
		int *slot = x->mark == MARK_YEAR ? &y : x->mark == MARK_MONTH ? &m : x->mark == MARK_DAY ? &d : NULL;
		if (!slot || *slot)
			return false;
		*slot = x->value;
	}
	return put_date(y, m, d, iso);
}

/* 22 September 2015, September 22, 2015: a year and a day beside the name */
static bool by_month_name(const reading *r, char iso[DATE_ISO_SIZE])
{
	int y = 0, d = 0;
	for (int i = 0; i < r->n; i++) {
		const number *x = &r->num[i];
		int *slot = x->digits == 4 ? &y : x->digits <= 2 ? &d : NULL;
		if (!slot || *slot)
			return false;
		*slot = x->value;
	}
	return put_date(y, r->month, d, iso);
}

/* 2015-09-22, 22.9.2015, 22/9/2015 */
static bool by_numbers(const reading *r, char iso[DATE_ISO_SIZE])
{
	if (r->n != 3)
		return false;
	const number *a = &r->num[0], *b = &r->num[1], *c = &r->num[2];
	if (a->digits == 4 && b->digits <= 2 && c->digits <= 2)
		return put_date(a->value, b->value, c->value, iso);
	if (c->digits != 4 || a->digits > 2 || b->digits > 2 || a->sep != b->sep)
		return false;
	if (a->sep == '.')
		return put_date(c->value, b->value, a->value, iso);
	if (a->sep != '/' && a->sep != '-')
		return false;
	if (a->value > 12 && b->value <= 12)
		return put_date(c->value, b->value, a->value, iso);
	if (b->value > 12 && a->value <= 12)
		return put_date(c->value, a->value, b->value, iso);
	return false;   /* 9/10/2015: either day */
}

bool date_iso(const char *s, char iso[DATE_ISO_SIZE])
{
	if (!s || strlen(s) > DATE_MAX)
		return false;
	reading r = { 0 };
	read_parts(s, &r);
	if (r.doubtful || r.n == 0)
		return false;
	bool marked = false;
	for (int i = 0; i < r.n; i++)
		marked |= r.num[i].mark != MARK_NONE;
	if (marked)
		return by_marks(&r, iso);
	return r.month ? by_month_name(&r, iso) : by_numbers(&r, iso);
}
