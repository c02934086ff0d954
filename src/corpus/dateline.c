/* Datelines and date lines, by their shape (see dateline.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include "dateline.h"
#include "error.h"

/* Paragraphs of the body looked at, and how far into one a dateline ends. */
#define FIRST_PARAS 3
#define DATELINE_MAX 100
#define DATE_LINE_MAX 40
#define SOURCE_MAX 48

void dateline_free(dateline *m)
{
	free(m->date);
	free(m->source);
	free(m->place);
	m->date = m->source = m->place = NULL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* s[0..n) without the blanks and commas at either end, as a new string. */
static char *trimmed(const char *s, size_t n, int *rc)
{
	while (n && (is_space(*s) || *s == ','))
		s++, n--;
	while (n && (is_space(s[n - 1]) || s[n - 1] == ','))
		n--;
	if (!n)
		return NULL;
	char *t = strndup(s, n);
	if (!t)
		*rc = Q_ENOMEM;
	return t;
}

/* Words in capitals and nothing else (a place: BEIJING, VATICAN CITY,
 * PORT-AU-PRINCE), two letters at least. */
static bool capital_words(const char *s, size_t n)
{
	size_t letters = 0, i = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (k <= 0)
			return false;
		if (uc_is_alpha(c)) {
			if (uc_is_lower(c))
				return false;
			letters++;
		} else if (!strchr(" .-/'", (int)c) || c == 0) {
			return false;
		}
		i += (size_t)k;
	}
	return letters >= 2;
}

/* The length of a dash separator at s (" - ", "–", " — ", ...), 0 when none. */
static size_t dash_at(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	size_t d = 0;
	if (i < n && s[i] == '-' && i > 0)
		d = 1;   /* a hyphen only with a space before it: not PORT-AU-PRINCE */
	else if (n - i >= 3 && (!memcmp(s + i, "\xE2\x80\x93", 3) || !memcmp(s + i, "\xE2\x80\x94", 3)))
		d = 3;
	if (!d)
		return 0;
	i += d;
	if (d == 1 && (i >= n || s[i] != ' '))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* PLACE[, DATE] [(SOURCE)] DASH at the start of p[0..n). */
static int read_dateline(const char *p, size_t n, dateline *out, bool *found)
{
	size_t lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	size_t end = 0, dash = 0;
	for (size_t i = 0; i < lim && !dash; i++) {
		if ((dash = dash_at(p + i, n - i)))
			end = i;
	}
	if (!dash)
		return 0;
	const char *open = memchr(p, '(', end), *close = open ? memchr(open, ')', end - (size_t)(open - p)) : NULL;
	size_t head = open && close ? (size_t)(open - p) : end;
	const char *first_comma = memchr(p, ',', head);
	bool place = capital_words(p, first_comma ? (size_t)(first_comma - p) : head);
	if (!place && head > 0)
		return 0;
	if (!place && !(open && close))
		return 0;
	int rc = 0;
	if (open && close && close - open - 1 <= SOURCE_MAX && close - open > 1)
		out->source = trimmed(open + 1, (size_t)(close - open - 1), &rc);
	const char *comma = memchr(p, ',', head);
	if (comma && has_digit(comma, head - (size_t)(comma - p))) {
		out->date = trimmed(comma + 1, head - (size_t)(comma + 1 - p), &rc);
		head = (size_t)(comma - p);
	}
	if (place && !rc)
		out->place = trimmed(p, head, &rc);
	*found = out->source || out->date || out->place;
	return rc;
}

/* A paragraph that is only a date: short, with a year, no other signs. */
static bool date_line(const char *p, size_t n)
{
	if (n == 0 || n > DATE_LINE_MAX)
		return false;
	bool year = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= '0' && c <= '9') {
			if (i + 4 <= n && (!memcmp(p + i, "19", 2) || !memcmp(p + i, "20", 2)) &&
			    p[i + 2] >= '0' && p[i + 2] <= '9' && p[i + 3] >= '0' && p[i + 3] <= '9' &&
			    (i + 4 == n || p[i + 4] < '0' || p[i + 4] > '9') && (i == 0 || p[i - 1] < '0' || p[i - 1] > '9'))
				year = true;
			continue;
		}
		if (c >= 0x80 || strchr(" .,-/:", c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			continue;
		return false;
	}
	return year;
}

int dateline_find(const doc *d, dateline *out)
{
	memset(out, 0, sizeof *out);
	int rc = 0;
	bool found = false;
	for (size_t k = d->body; k < d->npara && k < d->body + FIRST_PARAS && !found && !rc; k++) {
		const char *p = d->text + d->para[k].start;
		size_t n = d->para[k].end - d->para[k].start;
		if (date_line(p, n)) {
			out->date = trimmed(p, n, &rc);
			found = true;
		} else {
			rc = read_dateline(p, n, out, &found);
		}
	}
	if (rc)
		dateline_free(out);
	return rc;
}
