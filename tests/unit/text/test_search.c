#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pieces.h"
#include "scale.h"
#include <unictype.h>
#include <uninorm.h>
#include "search.h"
#include "search_ref.h"
#include "search_fold.h"
#include "strbuf.h"

/* ---- helpers ------------------------------------------------------------------------ */

static char *compile(const char *pat)
{
	char *p = search_fold_pattern(pat, strlen(pat));
	assert_non_null(p);
	return p;
}

/* The matches of pat in text, as "start-end" pairs, checked against the
 * reference and the fast scan on the way. */
static size_t find(const char *text, const char *pat, search_hits *h)
{
	char *p = compile(pat);
	size_t n = strlen(text);
	memset(h, 0, sizeof *h);
	assert_int_equal(search_all(text, 0, n, p, h), 0);
	search_hits r;
	ref_search(text, 0, n, p, &r);
	assert_int_equal(r.n, h->n);
	for (size_t i = 0; i < r.n; i++) {
		assert_int_equal(r.v[i].start, h->v[i].start);
		assert_int_equal(r.v[i].end, h->v[i].end);
	}
	search_hits_free(&r);
	search_scan *s = search_scan_new(p, text, n);
	assert_non_null(s);
	search_hits f = { 0 };
	assert_int_equal(search_scan_run(s, text, n, 0, n, false, &f), 0);
	assert_int_equal(f.n, h->n);
	for (size_t i = 0; i < f.n; i++)
		assert_true(f.v[i].start == h->v[i].start && f.v[i].end == h->v[i].end);
	search_hits_free(&f);
	search_scan_free(s);
	free(p);
	return h->n;
}

static size_t count(const char *text, const char *pat)
{
	search_hits h;
	size_t n = find(text, pat, &h);
	search_hits_free(&h);
	return n;
}

/* The one match of pat in text is exactly `what`. */
static void match_is(const char *text, const char *pat, const char *what)
{
	search_hits h;
	assert_int_equal(find(text, pat, &h), 1);
	const char *at = strstr(text, what);
	assert_non_null(at);
	assert_int_equal(h.v[0].start, (size_t)(at - text));
	assert_int_equal(h.v[0].end, (size_t)(at - text) + strlen(what));
	search_hits_free(&h);
}

/* ---- what matches --------------------------------------------------------------------- */

static void test_smart_case(void **state)
{
	const char *t = "Straße, STRASSE, strasse; Ærø, ÆRØ, ærø; Fyn";
	assert_int_equal(count(t, "strasse"), 3);      /* no capital: case folded fully */
	assert_int_equal(count(t, "straße"), 3);
	assert_int_equal(count(t, "Straße"), 1);       /* a capital: exactly */
	assert_int_equal(count(t, "STRASSE"), 1);
	assert_int_equal(count(t, "ærø"), 3);
	assert_int_equal(count(t, "ÆRØ"), 1);
	match_is(t, "Ærø", "Ærø");
	assert_int_equal(count(t, "fyn"), 1);
	assert_int_equal(count(t, "FYN"), 0);
	assert_int_equal(count("ΣΊΣΥΦΟΣ σίσυφος σίσυφοσ", "σίσυφος"), 3);   /* final sigma folds */
	assert_int_equal(count("ǅemal ǆemal", "ǆemal"), 2);                  /* a title-case letter */
	assert_int_equal(count("ǅemal ǆemal", "ǅemal"), 1);
	char *p = compile("Straße");
	assert_int_equal(search_pattern_mode(p), SEARCH_CASE);
	free(p);
	p = compile("café");
	assert_int_equal(search_pattern_mode(p), SEARCH_ACCENTS);
	free(p);
	p = compile("1 000 km");
	assert_int_equal(search_pattern_mode(p), 0);
	free(p);
}

/* The filters' folding: case and accents ignored whatever the pattern holds. */
static void test_loose(void **state)
{
	(void)state;
	const char *t = "Straße, STRASSE; Ærø; São Paulo";
	char *p = search_fold_pattern_loose("STRASSE", 7);
	assert_int_equal(search_pattern_mode(p), 0);
	search_hits h = { 0 };
	assert_int_equal(search_all(t, 0, strlen(t), p, &h), 0);
	assert_int_equal(h.n, 2);
	search_hits_free(&h);
	free(p);
	p = search_fold_pattern_loose("SÃO", 4);
	assert_true(search_contains(t, strlen(t), p));
	free(p);
	assert_null(search_fold_pattern_loose(" \t", 2));
	/* folded text and folded words compare with strstr */
	char *text = search_fold_loose(t, strlen(t)), *w = search_fold_loose("sao  PAULO", 10);
	assert_non_null(text);
	assert_non_null(w);
	assert_non_null(strstr(text, w));
	free(w);
	w = search_fold_loose("ÆRØ", strlen("ÆRØ"));
	assert_non_null(strstr(text, w));
	free(w);
	free(text);
	assert_null(search_fold_loose("  ", 2));
}

static void test_accents(void **state)
{
	const char *t = "In Rödingen, RÖDINGEN and rödingen; Sao Paulo, São Paulo.";
	assert_int_equal(count(t, "rodingen"), 3);     /* no accent: accents ignored */
	assert_int_equal(count(t, "Rodingen"), 1);     /* a capital: case exact, accents still ignored */
	match_is(t, "Rodingen", "Rödingen");
	assert_int_equal(count(t, "rödingen"), 3);     /* an accent: accents exact, case folded */
	assert_int_equal(count(t, "sao paulo"), 2);
	assert_int_equal(count(t, "são paulo"), 1);
	assert_int_equal(count("cafe café", "café"), 1);
	assert_int_equal(count("cafe café", "cafe"), 2);
	/* decomposed text: the marks belong to the match */
	match_is("a cafe\xCC\x81!", "cafe", "cafe\xCC\x81");
	match_is("a cafe\xCC\x81!", "café", "cafe\xCC\x81");
	assert_int_equal(count("cafe\xCC\x81", "cafe\xCC\x81"), 1);
	/* several marks in either order are one character */
	assert_int_equal(count("Vi\xE1\xBB\x87t vie\xCC\x82\xCC\xA3t", "việt"), 2);
	/* letters Unicode does not decompose stay themselves */
	assert_int_equal(count("København", "kobenhavn"), 0);
	assert_int_equal(count("København", "københavn"), 1);
	/* other scripts: Greek tonos, Cyrillic yo, Hebrew points, Arabic vowels */
	assert_int_equal(count("Ελλάδα", "ελλαδα"), 1);
	assert_int_equal(count("ёлка", "елка"), 1);
	assert_int_equal(count("ёлка", "ёлка"), 1);
	assert_int_equal(count("елка", "ёлка"), 0);
	assert_int_equal(count("мой дом", "мои"), 1);   /* й is и with a breve */
	assert_int_equal(count("がっこう", "かっこう"), 1);   /* voicing marks too */
	assert_int_equal(count("がっこう", "がっこう"), 1);
	assert_int_equal(count("かっこう", "がっこう"), 0);
	assert_int_equal(count("\xD7\xA9\xD7\x81\xD6\xB8\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D", "שלום"), 1);
	assert_int_equal(count("\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E", "كتب"), 1);
	/* a Hangul syllable is whole: one never matches the start of another */
	assert_int_equal(count("학교 한국", "하"), 0);
	assert_int_equal(count("학교 한국", "한"), 1);
	/* Kelvin sign, ligature, dotted capital I */
	match_is("5 \xE2\x84\xAA at", "5 k", "5 \xE2\x84\xAA");
	match_is("a \xEF\xAC\x81ne day", "fine", "\xEF\xAC\x81ne");
	assert_int_equal(count("İstanbul", "istanbul"), 1);
}

static void test_white_space_and_joins(void **state)
{
	assert_int_equal(count("a well-\nplanned show", "well-planned"), 1);
	assert_int_equal(count("a well-\r\nplanned show", "well-planned"), 1);
	assert_int_equal(count("ends well-\n\nNext", "well-next"), 0);   /* a paragraph end is no join */
	assert_int_equal(count("two   spaces\tand tab", "two spaces and"), 1);
	match_is("x 10\xC2\xA0km y", "10 km", "10\xC2\xA0km");                /* a no-break space */
	match_is("x 10\xE2\x80\xAF km y", "10 km", "10\xE2\x80\xAF km");      /* a run of two kinds */
	match_is("Rö\xC2\xAD" "dingen", "rodingen", "Rö\xC2\xAD" "dingen");   /* a soft hyphen */
	match_is("a\xE2\x80\x8B" "b", "ab", "a\xE2\x80\x8B" "b");             /* a zero-width space */
	assert_int_equal(count("ab", "a b"), 0);
	/* a trailing space in the pattern takes the whole run */
	match_is("one  two", "one ", "one  ");
	assert_null(search_fold_pattern(" \t ", 3));
	assert_null(search_fold_pattern("\xC2\xAD", 2));
	char *p = compile("  lead  and trail  ");
	assert_string_equal(p + 1, "lead and trail ");
	free(p);
}

static void test_bytes_that_are_not_utf8(void **state)
{
	assert_int_equal(count("\xC3(abc\xFF" "abc\xE1\xBA" "abc", "abc"), 3);
	assert_int_equal(count("x\xC3y", "x\xEF\xBF\xBDy"), 1);   /* as U+FFFD */
	assert_int_equal(count("\x80\x80\x80", "\x80"), 3);
}

static void test_next_wraps(void **state)
{
	search_hits h;
	assert_int_equal(find("x ab ab ab", "ab", &h), 3);
	bool wrapped;
	assert_int_equal(search_next(&h, 3, true, &wrapped), 1);
	assert_false(wrapped);
	assert_int_equal(search_next(&h, 9, true, &wrapped), 0);
	assert_true(wrapped);
	assert_int_equal(search_next(&h, 2, false, &wrapped), 2);
	assert_true(wrapped);
	search_hits_free(&h);
	char *p = compile("world");
	assert_true(search_contains("Hello World", 11, p));
	assert_false(search_contains("Hello Word", 10, p));
	free(p);
}

/* Found by fuzzing: a pattern starting with NUL folded to "", which
 * search_all matched everywhere with empty hits, without end. */
static void test_nul_and_empty_patterns(void **state)
{
	assert_null(search_fold_pattern("\0abc", 4));
	char *f = search_fold_pattern("ab\0cd", 5);
	assert_string_equal(f + 1, "ab");
	free(f);
	search_hits h = { 0 };
	assert_int_equal(search_all("caf\xc3\xa9 abc", 0, 9, "", &h), 0);
	assert_int_equal(h.n, 0);
	search_hits_free(&h);
}

static void test_cut(void **state)
{
	const char *t = "ae\xCC\x81\xCC\x88x\xE4\xB8\xAD";
	size_t n = strlen(t);
	assert_int_equal(search_cut(t, n, 0), 0);
	assert_int_equal(search_cut(t, n, 2), 6);   /* past the marks of the e */
	assert_int_equal(search_cut(t, n, 3), 6);
	assert_int_equal(search_cut(t, n, 7), 7);
	assert_int_equal(search_cut(t, n, 8), n);   /* not inside a character */
	assert_int_equal(search_cut(t, n, 9), n);
}

/* The fast scan looks for characters that Unicode decomposes or case folds
 * only where they can be; outside, every character is its own key. */
static void test_special_ranges(void **state)
{
	static const uint32_t skipped[][2] = {
		{ 0x3400, 0x4DC0 }, { 0x4E00, 0xA000 }, { 0xD800, 0xF900 }, { 0x20000, 0x2F800 }, { 0x30000, 0x110000 },
	};
	for (size_t r = 0; r < sizeof skipped / sizeof *skipped; r++)
		for (uint32_t x = skipped[r][0]; x < skipped[r][1]; x++) {
			ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
			if (uc_canonical_decomposition(x, d) >= 0 || uc_is_property_changes_when_casefolded(x))
				fail_msg("U+%04X decomposes or case folds", (unsigned)x);
		}
}

/* ---- the fast scan against the reference on random text --------------------------------- */

/* Pieces of text in many scripts, with the cases that make folding hard. */
static const char *const pieces[] = {
	"a", "b", "e", "o", "q", "s", "z", "A", "E", "O", "Q", "S", "Z", "the ", "and ", "1", "-",
	" ", " ", "  ", "\t", "\n", "\r\n", "-\n", "-\r\n", "\n\n", "\xC2\xA0", "\xE2\x80\xAF", "\xC2\xAD",
	"\xE2\x80\x8B", "\xE2\x80\x8D", "\xEF\xB8\x8F",
	"é", "É", "ö", "Ö", "ô", "ß", "ẞ", "ss", "SS", "ø", "Æ", "æ", "İ", "ı", "ǅ", "ǆ", "ﬁ", "fi", "K", "Å",
	"\xCC\x81", "\xCC\x88", "\xCC\xA3", "\xCD\x85", "e\xCC\x81", "o\xCC\x88", "e\xCC\x82\xCC\xA3", "ệ",
	"Σ", "σ", "ς", "ΐ", "ᾳ", "ά", "α", "ι", "Й", "й", "и", "Ё", "ё", "е", "ж",
	"ש", "\xD7\x81", "\xD6\xB8", "ك", "\xD9\x8E", "क", "ि", "्", "़", "ก", "\xE0\xB9\x88",
	"中", "文", "한", "국", "하", "ᄒ", "ᅡ", "か", "が", "\xE3\x82\x99", "😀", "\xE2\x9D\xA4",
	"\xC3", "\x80", "\xE1\xBA", "\xF0\x9F", "\xEF\xBF\xBD", ";", "\xCD\xBE", "<", "\xCC\xB8", "\xE2\x89\xAE",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static size_t random_text(char *buf, size_t cap, size_t pieces_n, size_t alphabet)
{
	size_t n = 0;
	for (size_t i = 0; i < pieces_n; i++) {
		const char *p = pieces[rnd() % alphabet];
		size_t k = strlen(p);
		if (n + k + 1 > cap)
			break;
		memcpy(buf + n, p, k);
		n += k;
	}
	buf[n] = '\0';
	return n;
}

static void same_hits(const search_hits *a, const search_hits *b, size_t upto, const char *text, const char *pat)
{
	size_t na = 0;
	while (na < a->n && a->v[na].start < upto)
		na++;
	if (na != b->n)
		fail_msg("%zu matches, expected %zu, of '%s' in '%s'", b->n, na, pat, text);
	for (size_t i = 0; i < na; i++)
		if (a->v[i].start != b->v[i].start || a->v[i].end != b->v[i].end)
			fail_msg("match %zu [%zu,%zu), expected [%zu,%zu), of '%s' in '%s'", i, b->v[i].start, b->v[i].end,
			         a->v[i].start, a->v[i].end, pat, text);
}

/* A pattern from the text: a piece of it, often lower-cased or stripped of
 * its accents so that all four modes come up. */
static char *random_pattern(const char *text, size_t n)
{
	if (!n)
		return NULL;
	size_t a = rnd() % n, len = 1 + rnd() % 12;
	size_t b = a + len < n ? a + len : n;
	uint8_t *piece = (uint8_t *)text + a;
	size_t plen = b - a, out_len;
	uint8_t *t = NULL;
	switch (rnd() % 3) {
	case 0: t = u8_tolower(piece, plen, NULL, NULL, NULL, &out_len); break;
	case 1: t = u8_normalize(UNINORM_NFD, piece, plen, NULL, &out_len);
		if (t)
			ref_strip(t, &out_len);
		break;
	default: break;
	}
	char *p = t ? search_fold_pattern((char *)t, out_len) : search_fold_pattern((char *)piece, plen);
	free(t);
	return p;
}

/* The compiled pattern p in text by the reference, search_all and the scan
 * s: from the start or an offset, up to an end, the first match only; the
 * scan reading the text itself or through a reader of short pieces. */
static void compare_on(search_scan *s, const char *text, size_t n, const char *p)
{
	search_hits ref, all = { 0 }, fast = { 0 };
	size_t from = rnd() % 3 ? 0 : rnd() % (n + 1);
	ref_search(text, from, n, p, &ref);
	assert_int_equal(search_all(text, from, n, p, &all), 0);
	same_hits(&ref, &all, n, text, p + 1);
	static const size_t maxes[] = { 3, 70, 300, 1 << 20 };
	ref_chunks c = { text, n, maxes[rnd() % 4], rnd() | 1 };
	search_scan_reader(s, rnd() % 2 ? ref_read_chunks : NULL, &c);
	assert_int_equal(search_scan_run(s, text, n, from, n, false, &fast), 0);
	same_hits(&ref, &fast, n, text, p + 1);
	search_hits_free(&fast);
	/* matches beginning before `to`, running on past it */
	size_t to = from + rnd() % (n - from + 1);
	assert_int_equal(search_scan_run(s, text, n, from, to, false, &fast), 0);
	same_hits(&ref, &fast, to, text, p + 1);
	search_hits_free(&fast);
	assert_int_equal(search_scan_run(s, text, n, from, n, true, &fast), 0);
	assert_int_equal(fast.n, ref.n ? 1 : 0);
	if (ref.n)
		assert_true(fast.v[0].start == ref.v[0].start && fast.v[0].end == ref.v[0].end);
	search_hits_free(&fast);
	search_hits_free(&ref);
	search_hits_free(&all);
}

static void test_scan_agrees_with_reference(void **state)
{
	char text[3][4096];
	size_t n[3];
	for (int round = 0, rounds = test_rounds(100, 10); round < rounds; round++) {
		/* a small alphabet makes matches frequent, a long text the vector loop work */
		size_t alphabet = round % 3 == 0 ? 12 : NPIECES;
		for (int t = 0; t < 3; t++)
			n[t] = random_text(text[t], sizeof text[t], 1 + rnd() % (round % 5 == 0 ? 1500 : 120), alphabet);
		for (int k = 0; k < 3; k++) {
			char *p = k == 0 ? random_pattern(text[0], n[0]) : NULL;
			if (!p) {
				char pat[64];
				size_t m = random_text(pat, sizeof pat, 1 + rnd() % 4, alphabet);
				p = search_fold_pattern(pat, m);
			}
			if (!p)
				continue;
			/* the anchor chosen on the first text or on nothing */
			search_scan *s = rnd() % 4 ? search_scan_new(p, text[0], n[0]) : search_scan_new(p, "", 0);
			assert_non_null(s);
			for (int t = 0; t < 3; t++)
				compare_on(s, text[t], n[t], p);
			search_scan_free(s);
			free(p);
		}
	}
}

/* Characters of 2, 3 and 4 bytes read through a reader that hands out a
 * few bytes at a time: a character cut by the end of a read is still seen. */
static void test_scan_reads_in_pieces(void **state)
{
	static const char *const words[] = { "ж", "жук ", "中文", "中", " ", "😀", "a😀", "ß", "-\n", "ö", "cafe",
		                             "\xCC\x81", "q  ", "  z" };
	static const char *const pats[] = { "ж", "жук", "中文", "😀", "a😀", "ss", "ö", "cafe", "q z" };
	char text[2048];
	for (int round = 0, rounds = test_rounds(150, 10); round < rounds; round++) {
		size_t n = 0;
		while (n < 1500) {
			const char *w = words[rnd() % (sizeof words / sizeof *words)];
			memcpy(text + n, w, strlen(w));
			n += strlen(w);
		}
		text[n] = '\0';
		char *p = compile(pats[round % (sizeof pats / sizeof *pats)]);
		search_hits ref, fast = { 0 };
		ref_search(text, 0, n, p, &ref);
		search_scan *s = search_scan_new(p, text, n);
		ref_chunks c = { text, n, 2 + (size_t)round % 37, rnd() | 1 };
		search_scan_reader(s, ref_read_chunks, &c);
		assert_int_equal(search_scan_run(s, text, n, 0, n, false, &fast), 0);
		same_hits(&ref, &fast, n, text, p + 1);
		search_hits_free(&fast);
		search_hits_free(&ref);
		search_scan_free(s);
		free(p);
	}
}

/* Long runs of white space inside matches, across the reads of a long
 * text: the window of a member reaches far back, before what was read. */
static void test_scan_long_runs(void **state)
{
	size_t cap = 320 << 10, n = 0;   /* more than one read (search_scan.c) */
	char *text = malloc(cap);
	assert_non_null(text);
	while (n < cap - 8000) {
		if (rnd() % 8) {
			memcpy(text + n, "aq bq ", 6);   /* q common: z is the anchor */
			n += 6;
			continue;
		}
		text[n++] = 'q';
		for (size_t k = rnd() % 5000; k; k--)
			text[n++] = rnd() % 9 ? ' ' : '\n';
		text[n++] = 'z';
	}
	text[n] = '\0';
	char *p = compile("q z");
	search_hits ref, fast = { 0 };
	ref_search(text, 0, n, p, &ref);
	assert_true(ref.n > 10);
	for (int k = 0; k < 2; k++) {
		search_scan *s = search_scan_new(p, text, 4096);
		ref_chunks c = { text, n, k ? 300000 : 1 << 20, rnd() | 1 };
		search_scan_reader(s, ref_read_chunks, &c);
		assert_int_equal(search_scan_run(s, text, n, 0, n, false, &fast), 0);
		same_hits(&ref, &fast, n, "(long runs)", p + 1);
		search_hits_free(&fast);
		search_scan_free(s);
	}
	search_hits_free(&ref);
	free(p);
	free(text);
}

/* A rare word at the end of a long text, as the big-file search meets it:
 * the scan in slices cut by search_cut finds what one pass finds. */
static void test_scan_in_slices(void **state)
{
	size_t n = 400 << 10;
	char *text = malloc(n + 1);
	assert_non_null(text);
	size_t k = 0;
	while (k < n - 64) {
		const char *w = pieces[rnd() % NPIECES];
		size_t l = strlen(w);
		memcpy(text + k, w, l);
		k += l;
	}
	memcpy(text + k, " Zqxjmärker", 12);
	k += 12;
	text[k] = '\0';
	char *p = compile("zqxjmarker");
	search_scan *s = search_scan_new(p, text, 65536);
	ref_chunks c = { text, k, 1 << 20, rnd() | 1 };   /* whole reads mostly, as of a file */
	search_scan_reader(s, ref_read_chunks, &c);
	search_hits whole = { 0 }, sliced = { 0 };
	assert_int_equal(search_scan_run(s, text, k, 0, k, false, &whole), 0);
	assert_int_equal(whole.n, 1);
	assert_memory_equal(text + whole.v[0].start, "Zqxjmärker", 11);
	for (size_t lo = 0; lo < k;) {
		size_t hi = search_cut(text, k, lo + 65521);
		assert_int_equal(search_scan_run(s, text, k, lo, hi, false, &sliced), 0);
		lo = hi;
	}
	same_hits(&whole, &sliced, k, "(a long text)", "zqxjmarker");
	search_hits_free(&whole);
	search_hits_free(&sliced);
	search_scan_free(s);
	free(p);
	free(text);
}

/* The keys of s[0..n) in mode a unit at a time, as fold_keys made them
 * before ASCII took a path of its own. */
static char *keys_by_unit(unsigned mode, const char *s, size_t n)
{
	strbuf b;
	sb_init(&b);
	folder f;
	folder_init(&f, mode, s, 0, n);
	unit u;
	for (size_t i = 0; i < n; i = u.end) {
		fold_unit(&f, i, &u);
		if (u.kind == UNIT_KEY)
			sb_add(&b, u.key, u.len);
		else if (u.kind == UNIT_SPACE && b.len && b.s[b.len - 1] != ' ')
			sb_putc(&b, ' ');
	}
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

/* Keys kept from one text to the next give the keys each text gives
 * alone: texts of many characters outside ASCII (more than the keys kept,
 * so that they replace each other), with marks, spaces and bad bytes. */
static void test_fold_loose_keeps_keys(void **state)
{
	(void)state;
	static char chars[400][4];
	const char *piece[400 + 6] = { " ", "a", "Z", "e\xCC\x81", "\xff", "\u00A0" };
	size_t np = 6;
	/* Latin letters with and without accents, and Cyrillic ones */
	for (uint32_t cp = 0xC0; cp < 0x500; cp += cp < 0x250 ? 2 : cp < 0x400 ? 0x400 - cp : 3) {
		chars[np][0] = (char)(0xC0 | cp >> 6);
		chars[np][1] = (char)(0x80 | (cp & 0x3F));
		piece[np] = chars[np];
		np++;
	}
	search_folds *kept = search_folds_new();
	assert_non_null(kept);
	uint32_t seed = 4242;
	for (int t = 0; t < 3000; t++) {
		char s[200];
		size_t n = pieces_string(&seed, piece, np, 12, s, sizeof s);
		char *want = search_fold_loose(s, n), *got = search_fold_loose_with(kept, s, n);
		if (want || got)
			assert_string_equal(got, want);
		free(want);
		free(got);
	}
	search_folds_free(kept);
}

/* ASCII's own path in folding gives the keys every unit gives alone, with
 * case folded or kept, whatever follows it (marks, joins, spaces, bytes). */
static void test_fold_ascii_path(void **state)
{
	(void)state;
	static const char *const piece[] = { "a", "Q", "7", " ", "  ", "\t", "\n", "-", "-\n", "\r\n", ".", "\x01",
	                                     "\x7f", "e\xCC\x81", "\u00C9", "\u00DF", "\u6771", "\xff", "\u00A0",
	                                     "\u200B", "A\xCC\x8A", "x" };
	uint32_t seed = 777;
	for (int t = 0; t < 20000; t++) {
		char s[160];
		size_t n = pieces_string(&seed, piece, sizeof piece / sizeof *piece, 14, s, sizeof s);
		char *want = keys_by_unit(0, s, n), *got = search_fold_loose(s, n);
		if (want || got)
			assert_string_equal(got, want);
		free(want);
		free(got);
		char *pat = search_fold_pattern(s, n);   /* (its mode byte first) */
		if (pat) {
			want = keys_by_unit((unsigned)(unsigned char)pat[0] - 1, s, n);
			assert_string_equal(pat + 1, want ? want : "");
			free(want);
			free(pat);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smart_case),
		cmocka_unit_test(test_loose),
		cmocka_unit_test(test_fold_ascii_path),
		cmocka_unit_test(test_fold_loose_keeps_keys),
		cmocka_unit_test(test_accents),
		cmocka_unit_test(test_white_space_and_joins),
		cmocka_unit_test(test_bytes_that_are_not_utf8),
		cmocka_unit_test(test_next_wraps),
		cmocka_unit_test(test_nul_and_empty_patterns),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_special_ranges),
		cmocka_unit_test(test_scan_agrees_with_reference),
		cmocka_unit_test(test_scan_reads_in_pieces),
		cmocka_unit_test(test_scan_long_runs),
		cmocka_unit_test(test_scan_in_slices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
