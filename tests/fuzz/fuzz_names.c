/* Speaker names and dates as the index keeps them (names.h, dates.h): the
 * input's lines are name forms (byte 0 of a line picks its language among
 * a few), merged with names_merge; each line is also read as a date.
 *
 * Invariants: names_merge succeeds; each form's person is a form of the
 * input whose own person is itself (a merge ends in one step, no chains
 * left); equal forms (after nothing but themselves) share a person; with
 * merge = no every form is its own person. date_iso either leaves its
 * buffer alone or writes YYYY-MM-DD with a month 1-12 and a day that the
 * month has (checked by a calendar of its own), and gives the same date
 * for the same text twice.
 */
#include "fuzz.h"
#include "dates.h"
#include "names.h"

#define MAX_FORMS 64

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static void check_date(const char *s)
{
	char iso[DATE_ISO_SIZE], again[DATE_ISO_SIZE];
	memset(iso, 'x', sizeof iso);
	if (!date_iso(s, iso)) {
		for (size_t i = 0; i < sizeof iso; i++)
			FUZZ_CHECK(iso[i] == 'x', "a date not read wrote its buffer");
		return;
	}
	FUZZ_CHECK(strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-', "not YYYY-MM-DD: %s", iso);
	for (int i = 0; i < 10; i++)
		FUZZ_CHECK(i == 4 || i == 7 || (iso[i] >= '0' && iso[i] <= '9'), "not digits: %s", iso);
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	FUZZ_CHECK(m >= 1 && m <= 12, "month %d", m);
	FUZZ_CHECK(d >= 1 && d <= days[m - 1] + (m == 2 && leap(y)), "day %d of month %d in %d", d, m, y);
	FUZZ_CHECK(date_iso(s, again) && !strcmp(iso, again), "a second reading differs");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "de", "ja", "zh", "es", NULL };
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	name_form f[MAX_FORMS];
	size_t n = 0;
	for (char *line = text, *next; line && n < MAX_FORMS; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		const char *lang = langs[(unsigned char)line[0] % (sizeof langs / sizeof *langs)];
		const char *form = line[0] ? line + 1 : line;
		f[n] = (name_form){ form, lang, (long)(n % 3) };   /* weights that tie and differ */
		n++;
		check_date(form);
	}
	size_t person[MAX_FORMS];
	FUZZ_CHECK(names_merge(f, n, NULL, person) == 0, "names_merge failed");
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(person[i] < n, "person %zu of form %zu out of range", person[i], i);
		FUZZ_CHECK(person[person[i]] == person[i], "form %zu: its person is merged further", i);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(f[i].form, f[j].form) && !strcmp(f[i].lang ? f[i].lang : "", f[j].lang ? f[j].lang : ""))
				FUZZ_CHECK(!strcmp(f[person[i]].form, f[person[j]].form), "equal forms apart");
	}
	names_opts off = { .merge = false };
	FUZZ_CHECK(names_merge(f, n, &off, person) == 0, "names_merge (merge = no) failed");
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(person[i] == i, "merge = no merged form %zu", i);
	free(text);
	return 0;
}
