/* The branch-free forms of the attribution's small helpers against the
 * plain loops they replace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "speech.h"

/* The plain form: step up while d passes the bucket's limit. */
static uint8_t bucket_walk(size_t d, const size_t *limits, uint8_t n)
{
	uint8_t b = 0;
	while (b + 1 < n && d > limits[b])
		b++;
	return b;
}

/* speech_bucket against the walk for every d up to past the last limit,
 * for limits as the atoms have them (rising, gaps of one and more) and a
 * single bucket. */
static void bucket_as_the_walk(void **state)
{
	(void)state;
	static const size_t a[] = { 1, 3, 6, 10, 20 }, b[] = { 1, 2, 4 }, c[] = { 0, 5, 6, 7 }, one[] = { 9 };
	static const struct {
		const size_t *limits;
		uint8_t n;
	} sets[] = { { a, 6 }, { a, 3 }, { b, 4 }, { c, 5 }, { one, 2 }, { one, 1 } };
	for (size_t s = 0; s < sizeof sets / sizeof *sets; s++)
		for (size_t d = 0; d < 40; d++)
			assert_int_equal(speech_bucket(d, sets[s].limits, sets[s].n), bucket_walk(d, sets[s].limits, sets[s].n));
	assert_int_equal(speech_bucket(SIZE_MAX, a, 6), 5);
}

/* The plain form: byte by byte. */
static bool asked_bytewise(const char *t, size_t from, size_t open)
{
	for (size_t k = from; k < open; k++)
		if (t[k] == '?' || (k + 3 <= open && !memcmp(t + k, "\xEF\xBC\x9F", 3)))
			return true;
	return false;
}

/* speech_asked_between against the byte loop for every stretch of a text
 * of sixty-odd bytes, with a question mark, the full-width one, its lead
 * byte alone or followed by another character, and a full-width mark cut
 * by the stretch's end, each at every offset (the sixteen-byte steps and
 * the tail of the fast form). */
static void asked_as_bytewise(void **state)
{
	(void)state;
	static const char *const marks[] = { "?", "\xEF\xBC\x9F", "\xEF\xBC\x8C", "\xEF", "\xEF\xBC" };
	char t[72];
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		for (size_t at = 0; at + strlen(marks[m]) <= sizeof t; at++) {
			memset(t, 'a', sizeof t);
			memcpy(t + at, marks[m], strlen(marks[m]));
			for (size_t from = 0; from <= sizeof t; from++)
				for (size_t open = from; open <= sizeof t; open++)
					if (speech_asked_between(t, from, open) != asked_bytewise(t, from, open)) {
						print_error("mark %zu at %zu, [%zu, %zu)\n", m, at, from, open);
						fail();
					}
		}
}

/* The plain forms: a walk over the tokens of k's sentence. */
static int32_t cue_walk(const uint32_t *sent, const bool *cue, size_t n, size_t k, bool after)
{
	for (size_t j = k; j < n && sent[j] == sent[k]; j = after ? j + 1 : j - 1) {
		if (cue[j])
			return (int32_t)j;
		if (!after && j == 0)
			break;
	}
	return -1;
}

/* mention_cue_from and mention_cue_upto against the walks, the cues noted
 * as annotate notes them (mention_note_cue), for every token of random articles: sentences of one token to a dozen, none, one
 * or several cues in a sentence, a cue opening or closing one. */
static void cues_as_the_walk(void **state)
{
	(void)state;
	enum { N = 200 };
	uint32_t sent[N], cues[N], scue[N];
	int32_t sfirst[N], slast[N];
	bool cue[N];
	unsigned seed = 5;
	for (int round = 0; round < 300; round++) {
		size_t ncue = 0;
		uint32_t s = 0;
		scue[0] = 0;
		sfirst[0] = slast[0] = -1;
		for (size_t i = 0; i < N; i++) {
			if (i > 0 && rand_r(&seed) % 6 == 0) {
				scue[++s] = (uint32_t)ncue;
				sfirst[s] = slast[s] = -1;
			}
			sent[i] = s;
			cue[i] = rand_r(&seed) % (round % 3 + 3) == 0;
			if (cue[i])
				mention_note_cue(cues, &ncue, sfirst, slast, s, i);
		}
		speech_art a = { .sent = sent, .cues = cues, .scue = scue, .sfirst = sfirst, .slast = slast, .ncue = ncue };
		for (size_t k = 0; k < N; k++) {
			assert_int_equal(mention_cue_from(&a, k), cue_walk(sent, cue, N, k, true));
			assert_int_equal(mention_cue_upto(&a, k), cue_walk(sent, cue, N, k, false));
		}
	}
}

/* The plain form: every character decoded, its case asked. */
static bool all_caps_decoded(const char *t, size_t s, size_t e)
{
	size_t letters = 0;
	for (size_t i = s; i < e;) {
		int len;
		unsigned ch = tok_decode(t + i, e - i, &len);
		if (tok_is_alnum(ch) && !(ch >= '0' && ch <= '9')) {
			if (!tok_is_upper(ch))
				return false;
			letters++;
		}
		i += (size_t)len;
	}
	return letters >= 2;
}

/* mention_all_caps, whose ASCII bytes skip the decoding, against the
 * decoding loop: words made of ASCII capitals, small letters, digits and
 * marks around either side of the letters' ranges, and capitals, small
 * letters and other characters of two and three bytes, cut anywhere. */
static void all_caps_as_decoded(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"A", "Z", "a", "z", "@", "[", "`", "{", "0", "9", "-", ".", "'", "\xC3\x89", "\xC3\xA9", "\xC3\x9F",
		"\xC4\xB0", "\xCE\xA3", "\xCF\x83", "\xD0\x96", "\xE2\x80\x99", "\xE4\xBA\xBA", "\xC3",
	};
	unsigned seed = 11;
	char t[24];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		for (int k = (int)((seed >> 4) % 6); k >= 0; k--) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof *pieces)];
			size_t l = strlen(p);
			if (n + l > sizeof t)
				break;
			memcpy(t + n, p, l);
			n += l;
		}
		for (size_t s = 0; s <= n; s++)
			assert_int_equal(mention_all_caps(t, s, n), all_caps_decoded(t, s, n));
	}
	assert_true(mention_all_caps("NATO", 0, 4));
	assert_false(mention_all_caps("Nato", 0, 4));
	assert_false(mention_all_caps("A1", 0, 2));
}

/* Does ending_filter_may refuse low[0..n), which lex_suffix finds an
 * ending of kind k in (the filter must never refuse such a word)? The
 * word is copied zero-padded, as a token holds it. */
static bool filter_refuses_ending(const ending_filter *f, enum lang l, enum lex_affix k, const char *w, size_t n)
{
	char low[LEX_PADDED] = { 0 };
	if (n > LEX_MAXWORD)
		return false;
	memcpy(low, w, n);
	return lex_suffix(l, k, low, n) && !ending_filter_may(f, low, n);
}

/* The filter of every kind of ending in every language against
 * lex_suffix: every word of the lists, every ending alone, cut short
 * from its front and after one to three bytes more (ASCII and not), and
 * words of one to three bytes; it passes every word that has an ending,
 * and refuses most of the others where the endings are three bytes or
 * more (what it is for). */
static void ending_filter_as_the_suffixes(void **state)
{
	(void)state;
	static const char *const before[] = { "", "a", "x", "ab", "\xC3\xA9", "abc", "Zz-", "9" };
	for (enum lang l = LANG_UNKNOWN + 1; l < LANG_COUNT; l++) {
		for (enum lex_affix k = 0; k < LA__COUNT; k++) {
			size_t ne;
			const char *const *e = lex_affixes(l, k, &ne);
			if (!ne)
				continue;
			ending_filter f;
			ending_filter_init(&f, l, k);
			size_t plain = 0, refused = 0;
			for (size_t i = 0; i < lex_size(); i++) {
				const char *w = lex_word(i);
				assert_false(filter_refuses_ending(&f, l, k, w, strlen(w)));
				char low[LEX_PADDED] = { 0 };
				size_t n = strlen(w);
				if (n <= LEX_MAXWORD && !lex_suffix(l, k, (memcpy(low, w, n), low), n)) {
					plain++;
					refused += !ending_filter_may(&f, low, n);
				}
			}
			for (size_t i = 0; i < ne; i++) {
				size_t n = strlen(e[i]);
				for (size_t cut = 0; cut < n; cut++)
					for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
						char w[LEX_PADDED * 2];
						int m = snprintf(w, sizeof w, "%s%s", before[b], e[i] + cut);
						assert_false(filter_refuses_ending(&f, l, k, w, (size_t)m));
					}
			}
			for (const char *w = "abcdefghijklmnopqrstuvwxyz"; w[2]; w++)
				for (size_t n = 1; n <= 3; n++)
					assert_false(filter_refuses_ending(&f, l, k, w, n));
			if (!f.all)
				assert_true(refused * 2 > plain);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bucket_as_the_walk),
		cmocka_unit_test(asked_as_bytewise),
		cmocka_unit_test(cues_as_the_walk),
		cmocka_unit_test(all_caps_as_decoded),
		cmocka_unit_test(ending_filter_as_the_suffixes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
