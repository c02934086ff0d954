/* The article's tokens (tok.h): the lookups of a position among them, and
 * the article's token pass against reading the tokens one by one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "error.h"
#include "quotes.h"
#include "tok.h"

/* tok_doc_first_at against a walk over the tokens, and against
 * tok_doc_range's first, at every byte of a text with spaces, punctuation
 * and a paragraph break. */
static void first_at_every_position(void **state)
{
	(void)state;
	const char *t = "The mayor, said Ann Lee.  It rains!\n\nWe (all) know: yes.";
	size_t len = strlen(t);
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, len, LANG_EN, NULL, 0), 0);
	assert_true(td.n > 10);
	for (size_t pos = 0; pos <= len + 1; pos++) {
		size_t want = 0;
		while (want < td.n && td.v[want].s < pos)
			want++;
		size_t first;
		tok_doc_range(&td, pos, pos, &first);
		assert_int_equal(tok_doc_first_at(&td, pos), want);
		assert_int_equal(first, want);
	}
	tok_doc_free(&td);
	tok_doc empty = { 0 };
	assert_int_equal(tok_doc_first_at(&empty, 3), 0);
}

/* The same over a text of many blocks of the lookup's index, with a
 * quote's words passed over as one token and a stretch left without any,
 * and with the index missing (the search it falls back to). */
static void first_at_across_blocks(void **state)
{
	(void)state;
	char t[2048] = "";
	for (int i = 0; i < 12; i++)
		strcat(t, "A clerk, who read it twice, said: \"It was never sent to anyone here.\"\n\n"
		          "       Nothing   else.   ");
	size_t len = strlen(t);
	const char *q = strchr(t, '"') + 1;
	tok_skip skip[2] = { { (size_t)(q - t), (size_t)(strchr(q, '"') - t), true }, { 400, 700, false } };
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, len, LANG_EN, skip, 2), 0);
	assert_non_null(td.at);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t pos = 0; pos <= len + 70; pos++) {
			size_t want = 0;
			while (want < td.n && td.v[want].s < pos)
				want++;
			size_t first;
			tok_doc_range(&td, pos, pos + 9, &first);
			assert_int_equal(tok_doc_first_at(&td, pos), want);
			assert_int_equal(first, want);
		}
		td.nat = 0;   /* the search without the index */
	}
	tok_doc_free(&td);
}

/* Every field of two tokens that must be the same (the bytes of low up to
 * the padding the lookups read: zeros from low[n] to the next multiple of
 * eight). */
static void assert_same_token(const tok *a, const tok *b)
{
	assert_int_equal(a->s, b->s);
	assert_int_equal(a->e, b->e);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->cap, b->cap);
	assert_int_equal(a->cjk, b->cjk);
	assert_int_equal(a->sent, b->sent);
	assert_int_equal(a->para, b->para);
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->lang, b->lang);
	assert_int_equal(a->entry, b->entry);
	assert_int_equal(a->lex, b->lex);
	assert_int_equal(a->mark, b->mark);
	assert_int_equal(a->ascii, b->ascii);
	assert_memory_equal(a->low, b->low, ((size_t)a->n | 7) + 1);
}

/* A text of random pieces: words the lists hold and words they do not,
 * short and long (past sixteen and past the longest word of the lists),
 * capitals, digits, the marks a word may go on through, spaces, breaks,
 * letters of more than one byte and the bytes beside A-Z, a-z and 0-9. */
static size_t random_text(char *t, size_t cap, unsigned *seed)
{
	static const char *const pieces[] = {
		"said", "the", "The", "minister", "Minister", "he", "She", "according", "to", "spokeswoman",
		"x", "Ab", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "Abcdefghijklmnopqrstuvwxyzabcdefgh",
		"2024", "40,000", "U.S.", "e.g.", "don't", "Beaumont-Dark", "co-", "-", " - ", ".", ",", "'", "\"", ":",
		";", "!", "?", "(", ")", " ", " ", " ", "  ", "\n", "\n\n", "-\n", "\t", "caf\xC3\xA9", "\xC3\x89lise",
		"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99s", "\xE2\x80\x94", "\xE4\xBB\x96", "Mr.", "Dr",
		"verschwunden.Der", "sagte", "Sprecherin", "og",
		/* letters of two bytes (the fast path's), of three, a combining
		 * accent, a capital after an accent, a letter whose lower case is
		 * one byte, two-byte marks, a lead byte cut off */
		"f\xC3\xBCr", "\xC3\x9C" "ber", "gr\xC3\xB6\xC3\x9F" "er", "Stra\xC3\x9F" "e", "se\xC3\xB1or", "\xC3\x85r",
		"s\xC3\xB8ster", "\xC5\x81" "awa", "\xC5\x82\xC3\xB3" "d", "\xC3\xA9T\xC3\xA9", "gro\xE1\xBA\x9E", "e\xCC\x81t\xC3\xA9",
		"\xC4\xB0yi", "\xC8\x98" "coal\xC4\x83", "Stra\xC3\x9F" "enbahnhaltestellenverkehrsplan", "\xC3\xA9'a", "\xC3\xA9-",
		"\xC2\xA0", "\xC2\xAB", "\xC2\xBB", "\xC3\x97", "\xC3", "\xC3(", "\xE2\x80\x9E", "\xC3\xA4\xC3\xB6\xC3\xBC",
		/* the bytes beside the ranges of letters and digits */
		"@", "[", "`", "{", "/", "Za", "az", "09", "aZ@b", "z{", "0/9:", "\x7F", "\xC0", "\xFF",
	};
	size_t n = 0;
	for (;;) {
		*seed = *seed * 1103515245u + 12345u;
		const char *p = pieces[(*seed >> 8) % (sizeof pieces / sizeof *pieces)];
		size_t l = strlen(p);
		if (n + l + 1 > cap)
			break;
		memcpy(t + n, p, l);
		n += l;
	}
	t[n] = '\0';
	return n;
}

/* The article's token pass (its fast path for the common word, sixteen
 * bytes at a time, the profile of the sample) gives the same tokens as
 * reading them one by one with tok_scan; and the tokens of each prefix of
 * the text, read near its end by the loops for fewer than sixteen bytes,
 * are those of the whole text up to a few bytes before that end (what
 * follows a word decides whether it goes on). In a language whose
 * classes an entry holds itself, in one whose classes lie apart, and in
 * none (the fast path reads each from where it lies, without a test of
 * the language for every word). The language it detects gives the same
 * tokens as that language given. Many random texts. */
static void article_tokens_as_one_by_one(void **state)
{
	(void)state;
	_Static_assert(LANG_DE <= LEX_INLINE && LANG_PT > LEX_INLINE, "one language of each kind");
	static const enum lang langs[] = { LANG_EN, LANG_DE, LANG_PT, LANG_UNKNOWN };
	unsigned seed = 7;
	char t[3000];
	static tok one[3000];
	static tok_low low[3000];
	for (int round = 0; round < 300; round++) {
		size_t len = random_text(t, round < 200 ? 160 : sizeof t, &seed);
		enum lang lang = langs[round % 4];
		tok_doc td = { 0 };
		assert_int_equal(tok_doc_build(&td, t, len, lang, NULL, 0), 0);
		for (size_t cut = round < 200 ? 0 : len; cut <= len; cut++) {
			size_t n = tok_scan(t, 0, cut, lang, one, low, sizeof one / sizeof *one);
			if (cut == len)
				assert_int_equal(td.n, n);
			for (size_t i = 0; i < n && (cut == len || one[i].e + 8 <= cut); i++)
				assert_same_token(&td.v[i], &one[i]);
		}
		tok_doc_free(&td);
		enum lang found = LANG_UNKNOWN;
		tok_doc given = { 0 };
		assert_int_equal(tok_doc_build_detect(&td, t, len, &found, NULL, 0), 0);
		assert_int_not_equal(found, LANG_UNKNOWN);
		assert_int_equal(tok_doc_build(&given, t, len, found, NULL, 0), 0);
		assert_int_equal(td.n, given.n);
		for (size_t i = 0; i < td.n; i++)
			assert_same_token(&td.v[i], &given.v[i]);
		tok_doc_free(&td);
		tok_doc_free(&given);
	}
}

/* A text in one language: a sentence of it again and again, up to n
 * bytes (a quote's words, passed over, in the middle). */
static size_t one_language(char *t, size_t n, const char *sentence)
{
	size_t len = 0, m = strlen(sentence);
	while (len + m + 1 < n) {
		memcpy(t + len, sentence, m);
		len += m;
		t[len] = len % 7 ? ' ' : '\n';
		len++;
	}
	t[len] = '\0';
	return len;
}

/* The detection's tokens, the sample's read with the classes of the
 * language the tok_doc detected last (its guess), are those of a new
 * tok_doc: in every order of two languages, for an article past the
 * sample and one within it. */
static void guess_as_a_fresh_detection(void **state)
{
	(void)state;
	static const char *const sentences[] = {
		"The new bridge will open in May, the council said, and he added that the road was safe.",
		"Die neue Brücke wird im Mai eröffnet, sagte der Rat, und er fügte hinzu, dass die Straße sicher sei.",
	};
	static char t[2][5000];
	size_t len[2][2];
	for (int l = 0; l < 2; l++)
		for (int big = 0; big < 2; big++)
			len[l][big] = one_language(t[l], big ? sizeof t[l] : 600, sentences[l]);
	tok_doc kept = { 0 };
	for (int round = 0; round < 16; round++) {
		int l = round / 2 % 2, big = round / 4 % 2;   /* (each language twice, then the other) */
		size_t n = len[l][big];
		const char *q = strchr(t[l] + 300, ',');
		tok_skip skip = { (size_t)(q - t[l]) + 1, (size_t)(q - t[l]) + 40, true };
		tok_doc fresh = { 0 };
		enum lang got = LANG_UNKNOWN, want = LANG_UNKNOWN;
		tok_doc_clear(&kept);
		assert_int_equal(tok_doc_build_detect(&kept, t[l], n, &got, &skip, 1), 0);
		assert_int_equal(tok_doc_build_detect(&fresh, t[l], n, &want, &skip, 1), 0);
		assert_int_equal(got, l ? LANG_DE : LANG_EN);
		assert_int_equal(got, want);
		assert_int_equal(kept.n, fresh.n);
		for (size_t i = 0; i < kept.n; i++)
			assert_same_token(&kept.v[i], &fresh.v[i]);
		tok_doc_free(&fresh);
	}
	tok_doc_free(&kept);
}

/* The language the token pass detects is the one the words of the
 * first LANG_SAMPLE bytes give, read one by one, for an article that
 * changes language past them (either way) and at every length around the
 * sample's end: the words past it count for nothing. */
static void detected_from_the_sample(void **state)
{
	(void)state;
	static const char *const sentences[] = {
		"The new bridge will open in May, the council said, and he added that the road was safe.",
		"Die neue Brücke wird im Mai eröffnet, sagte der Rat, und er fügte hinzu, dass die Straße sicher sei.",
	};
	static char t[8000];
	tok_doc td = { 0 };
	for (int first = 0; first < 2; first++) {
		for (size_t cut = LANG_SAMPLE - 40; cut < LANG_SAMPLE + 140; cut += 9) {
			size_t len = one_language(t, cut, sentences[first]);
			len += one_language(t + len, sizeof t - len, sentences[!first]);
			unsigned score[LANG_COUNT] = { 0 };
			tok w;
			tok_low low;
			size_t start = SIZE_MAX;
			for (size_t pos = 0;;) {
				pos = tok_next(t, pos, len, LANG_UNKNOWN, &w, low);
				if (w.kind == T_NONE)
					break;
				if (start == SIZE_MAX)
					start = w.s;
				if (w.s >= start + LANG_SAMPLE)
					break;
				lang_count_word(&w, score);
			}
			enum lang want = lang_from_scores(t, len, score), got = LANG_UNKNOWN;
			tok_doc_clear(&td);
			assert_int_equal(tok_doc_build_detect(&td, t, len, &got, NULL, 0), 0);
			assert_int_equal(got, want);
			assert_int_equal(got, first ? LANG_DE : LANG_EN);
		}
	}
	tok_doc_free(&td);
}

/* Every two-byte character of the fast path's range (Latin-1 and Latin
 * Extended), at the start of a word, after letters, before them, alone,
 * after a capital, beside another and before a mark: the article's token
 * pass gives the tokens tok_scan reads one by one. */
static void two_byte_letters_as_one_by_one(void **state)
{
	(void)state;
	/* (@ stands for the character) */
	static const char forms[] = "@ Ab@cd @Xyz xy@. @@, ABCDEFGHIJKLMNOPQ@r @'@ 0@9;and the rest of a sentence long "
	                            "enough to read.";
	char t[400];
	static tok one[400];
	static tok_low low[400];
	for (unsigned u = 0x80; u < 0x280; u++) {
		size_t n = 0;
		for (const char *f = forms; *f; f++) {
			if (*f != '@') {
				t[n++] = *f;
				continue;
			}
			t[n++] = (char)(0xC0 | u >> 6);
			t[n++] = (char)(0x80 | (u & 0x3F));
		}
		for (enum lang l = LANG_EN; l <= LANG_DE; l += LANG_DE - LANG_EN) {
			tok_doc td = { 0 };
			assert_int_equal(tok_doc_build(&td, t, n, l, NULL, 0), 0);
			size_t k = tok_scan(t, 0, n, l, one, low, sizeof one / sizeof *one);
			assert_int_equal(td.n, k);
			for (size_t i = 0; i < k; i++)
				assert_same_token(&td.v[i], &one[i]);
			tok_doc_free(&td);
		}
	}
}

/* Every word of the lists (their accented ones among them, of every
 * length), each after a space and before a comma: the article's token
 * pass finds the same entries as tok_scan reading them one by one. */
static void lexicon_words_as_one_by_one(void **state)
{
	(void)state;
	static char t[1 << 16];
	static tok one[1 << 13];
	static tok_low low[1 << 13];
	for (size_t i = 0; i < lex_size();) {
		size_t n = 0;
		for (; i < lex_size() && n + LEX_MAXWORD + 3 < sizeof t / 2 && n / 4 < sizeof one / sizeof *one; i++)
			n += (size_t)snprintf(t + n, sizeof t - n, " %s,", lex_word(i));
		tok_doc td = { 0 };
		assert_int_equal(tok_doc_build(&td, t, n, LANG_DE, NULL, 0), 0);
		size_t k = tok_scan(t, 0, n, LANG_DE, one, low, sizeof one / sizeof *one);
		assert_int_equal(td.n, k);
		for (size_t j = 0; j < k; j++)
			assert_same_token(&td.v[j], &one[j]);
		tok_doc_free(&td);
	}
}

/* The article's token pass with ranges passed over (a quote's words, text
 * far from any quote) gives, between them, the tokens tok_scan reads from
 * each stretch alone: a word is cut where a range starts, though the
 * pass's fast path reads sixteen bytes past it; what the first token of a
 * stretch follows (its sentence and paragraph marks) is the pass's own.
 * Many random texts, cut at random places. */
static void stretches_between_ranges_as_one_by_one(void **state)
{
	(void)state;
	unsigned seed = 5;
	char t[1200];
	static tok one[1200];
	static tok_low low[1200];
	for (int round = 0; round < 400; round++) {
		size_t len = random_text(t, sizeof t, &seed);
		tok_skip skip[8];
		size_t nskip = 0, pos = 0;
		while (nskip < 8) {
			seed = seed * 1103515245u + 12345u;
			size_t s = pos + (seed >> 8) % 90, e = s + 1 + (seed >> 20) % 40;
			if (e > len)
				break;
			skip[nskip++] = (tok_skip){ s, e, (seed >> 4) & 1 };
			pos = e;
		}
		tok_doc td = { 0 };
		assert_int_equal(tok_doc_build(&td, t, len, LANG_EN, skip, nskip), 0);
		size_t k = 0;   /* the pass's token read next */
		for (size_t r = 0; r <= nskip; r++) {
			size_t from = r ? skip[r - 1].e : 0, to = r < nskip ? skip[r].s : len;
			size_t n = from < to ? tok_scan(t, from, to, LANG_EN, one, low, sizeof one / sizeof *one) : 0;
			while (k < td.n && td.v[k].s < from)
				k++;   /* the tokens of the range before: a quote's, and its full stop */
			for (size_t i = 0; i < n; i++, k++) {
				assert_true(k < td.n);
				tok a = td.v[k], b = one[i];
				if (i == 0)
					a.sent = b.sent, a.para = b.para;
				assert_same_token(&a, &b);
			}
			assert_true(k == td.n || td.v[k].s >= to);
		}
		tok_doc_free(&td);
	}
}

/* The words' lower case lies in a buffer of the article's that grows with
 * its tokens: a text of more tokens than the room first made for them (a
 * short word every two or three bytes, and quotes passed over between
 * them), read after a shorter one into the same tok_doc (as quotes_work
 * keeps it), gives the tokens tok_scan reads one by one, every word's
 * lower case where its token says. */
static void words_moved_as_their_buffer_grows(void **state)
{
	(void)state;
	static char t[6000];
	static tok one[3000];
	static tok_low low[3000];
	static const char *const words[] = { "a ", "B,", "of;", "x.", "I ", "abcdefghijklmnopqrstu ", "\xC3\xA9t\xC3\xA9 " };
	tok_doc td = { 0 };
	unsigned seed = 3;
	for (size_t want = 600; want < sizeof t - 64; want *= 3) {
		size_t n = 0;
		while (n + 32 < want) {
			seed = seed * 1103515245u + 12345u;
			const char *w = words[(seed >> 8) % 3 ? (seed >> 12) % 3 : (seed >> 12) % (sizeof words / sizeof *words)];
			n += (size_t)snprintf(t + n, sizeof t - n, "%s", w);
		}
		tok_skip skip[2] = { { n / 3, n / 3 + 7, true }, { n / 2, n / 2 + 5, true } };
		tok_doc_clear(&td);
		size_t kept = td.cap;
		assert_int_equal(tok_doc_build(&td, t, n, LANG_EN, skip, 2), 0);
		assert_true(td.n > n / 4 + 64 && td.n > kept);   /* past the room made first, and the room kept */
		size_t k = 0;
		for (size_t r = 0; r <= 2; r++) {
			size_t from = r ? skip[r - 1].e : 0, to = r < 2 ? skip[r].s : n;
			size_t m = tok_scan(t, from, to, LANG_EN, one, low, sizeof one / sizeof *one);
			while (k < td.n && td.v[k].s < from)
				k++;
			for (size_t i = 0; i < m; i++, k++) {
				assert_true(k < td.n);
				tok a = td.v[k];
				if (i == 0)
					a.sent = one[i].sent, a.para = one[i].para;
				assert_same_token(&a, &one[i]);
				if (tok_spaced_word(&a))
					assert_true(a.low >= td.lows && a.low < td.lows + td.nlow);
			}
		}
	}
	tok_doc_free(&td);
}

/* Are the bytes of word w of t ASCII letters and digits alone (and its
 * lower case not empty)? Then so are those of its lower case. */
static bool ascii_word(const char *t, const tok *w)
{
	if (!tok_spaced_word(w) || !w->n)
		return false;
	for (size_t i = w->s; i < w->e; i++) {
		unsigned char b = (unsigned char)t[i];
		if (!((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')))
			return false;
	}
	for (size_t i = 0; i < w->n; i++)
		assert_true((w->low[i] >= '0' && w->low[i] <= '9') || (w->low[i] >= 'a' && w->low[i] <= 'z'));
	return true;
}

/* ascii, which lets the attribution pass over a word's bytes, is set
 * exactly when they are ASCII letters and digits alone: in the
 * article's pass (its fast path and the loops) and read one by one, over
 * random texts with every kind of word, and the letters of two bytes. */
static void ascii_as_the_bytes_say(void **state)
{
	(void)state;
	unsigned seed = 11;
	char t[1500];
	static tok one[1500];
	static tok_low low[1500];
	size_t set = 0, unset = 0;
	for (int round = 0; round < 200; round++) {
		size_t len = random_text(t, sizeof t, &seed);
		if (round == 0)
			len = (size_t)snprintf(t, sizeof t, "Ab c\xC3\xA9 don't l'a U.S. 40,000 x-y \xC3\xA9t\xC3\xA9 Stra\xC3\x9F" "e z.");
		tok_doc td = { 0 };
		assert_int_equal(tok_doc_build(&td, t, len, LANG_DE, NULL, 0), 0);
		for (size_t i = 0; i < td.n; i++) {
			assert_int_equal(td.v[i].ascii, ascii_word(t, &td.v[i]));
			set += td.v[i].ascii;
			unset += tok_spaced_word(&td.v[i]) && td.v[i].n && !td.v[i].ascii;
		}
		size_t n = tok_scan(t, 0, len, LANG_DE, one, low, sizeof one / sizeof *one);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(one[i].ascii, ascii_word(t, &one[i]));
		tok_doc_free(&td);
	}
	assert_true(set > 1000 && unset > 1000);
}

/* The counts lang_detect reads (tok_count_profile: words read by the
 * article pass's fast path) against the words read one by one with
 * tok_next, as lang_detect read them: random texts, the sample cut
 * anywhere with the text going on past it. */
static void profile_counts_as_one_by_one(void **state)
{
	(void)state;
	unsigned seed = 9;
	char t[800];
	for (int round = 0; round < 300; round++) {
		size_t len = random_text(t, sizeof t, &seed);
		for (size_t end = 0; end <= len; end += 1 + end / 16) {
			unsigned want[LANG_COUNT] = { 0 }, got[LANG_COUNT];
			tok w;
			tok_low low;
			for (size_t pos = 0; pos < end;) {
				pos = tok_next(t, pos, end, LANG_UNKNOWN, &w, low);
				if (w.kind == T_NONE)
					break;
				lang_count_word(&w, want);
			}
			tok_count_profile(t, end, len, got);
			assert_memory_equal(got, want, sizeof want);
		}
	}
}

/* tok_spaced_word, one compare of two bytes, against the two tests it
 * stands for: every kind, with and without cjk, in tokens otherwise
 * filled with every byte value (a test of the other fields would show),
 * and the tokens of a text with words of both kinds. */
static void spaced_word_as_its_two_tests(void **state)
{
	(void)state;
	for (int fill = 0; fill < 256; fill += 85)
		for (int k = T_NONE; k <= T_QUOTE + 1; k++)
			for (int cjk = 0; cjk < 2; cjk++) {
				tok w;
				memset(&w, fill, sizeof w);
				w.kind = (unsigned char)k;
				w.cjk = cjk;
				w.cap = fill & 1;
				assert_int_equal(tok_spaced_word(&w), k == T_WORD && !cjk);
			}
	static const char t[] = "Anna said, \xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A (soon): \"Yes.\" Then 12 more.";
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, sizeof t - 1, LANG_EN, NULL, 0), 0);
	size_t words = 0, cjk = 0;
	for (size_t i = 0; i < td.n; i++) {
		assert_int_equal(tok_spaced_word(&td.v[i]), td.v[i].kind == T_WORD && !td.v[i].cjk);
		words += tok_spaced_word(&td.v[i]);
		cjk += td.v[i].cjk;
	}
	assert_true(words > 0 && cjk > 0);
	tok_doc_free(&td);
}

/* The tokens of the scripts without capitals: a word of a caseless
 * language that no list holds reads as capitalised (W; w for one a list
 * holds or no name), Devanagari's vowel signs and virama and Persian's
 * zero-width non-joiner stay inside their words, hangul is spaced words,
 * not characters, a Hebrew acronym keeps its gershayim (a double quote
 * between two Hebrew letters, or U+05F4), and Arabic's and Devanagari's
 * marks end sentences (s) or clauses (c), as Armenian's do. */
static void caseless_tokens(void **state)
{
	(void)state;
	static const struct { enum lang lang; const char *text; const char *want; } cases[] = {
		{ LANG_HI, "\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\x9C\xE0\xA5\x87\xE0\xA4\xB6"
		  " \xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\xAE\xE0\xA4"
		  "\xBE \xE0\xA4\xA8\xE0\xA5\x87 \xE0\xA4\x95\xE0\xA4\xB9\xE0"
		  "\xA4\xBE\xE0\xA5\xA4", "WWwws" },   /* a name, the ergative, the cue and the danda: the vowel signs and the virama inside the words */
		{ LANG_KO, "\xEB\xB0\x95\xEB\xAF\xBC\xEC\x88\x98 \xEC\x9E\xA5\xEA\xB4"
		  "\x80\xEC\x9D\x80 \xEB\xA7\x90\xED\x96\x88\xEB\x8B\xA4.", "Wwws" },   /* hangul words whole, with their particles */
		{ LANG_FA, "\xD8\xB3\xD8\xAE\xD9\x86\xDA\xAF\xD9\x88 \xD9\x85\xDB\x8C"
		  "\xE2\x80\x8C\xDA\xAF\xD9\x88\xDB\x8C\xD8\xAF\xD8\x8C \xD8"
		  "\xB1\xD8\xB3\xD8\xAA\xD9\x85\xDB\x8C.", "wwcWs" },   /* the zero-width non-joiner inside a word, Arabic's comma */
		{ LANG_AR, "\xD9\x87\xD9\x84 \xD9\x82\xD8\xA7\xD9\x84 \xD8\xB0\xD9\x84"
		  "\xD9\x83\xD8\x9F", "wwws" },   /* Arabic's question mark */
		{ LANG_HI, "\xE0\xA4\xB8\xE0\xA4\x82\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\x95"
		  "\xE0\xA5\x83\xE0\xA4\xA4\xE0\xA4\xBF\xE0\xA4\xAE\xE0\xA4\x82"
		  "\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\xB2"
		  "\xE0\xA4\xAF\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xB5"
		  "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA4\xBE \xE0\xA4"
		  "\xAC\xE0\xA5\x8B\xE0\xA4\xB2\xE0\xA5\x87\xE0\xA5\xA4", "wws" },   /* a word too long for the lists is no name */
		{ LANG_HE, "\xD7\x99\xD7\x95\"\xD7\xA8 \xD7\x94\xD7\x9E\xD7\x95\xD7\xA2"
		  "\xD7\xA6\xD7\x94 \xD7\x90\xD7\x9E\xD7\xA8.", "wwws" },   /* an acronym's gershayim as a double quote between Hebrew letters */
		{ LANG_HE, "\xD7\x93\xD7\xB4\xD7\xA8 \xD7\x90\xD7\x9C\xD7\x95\xD7\x9F "
		  "\xD7\x91\xD7\xA8\xD7\xA7 \xD7\x90\xD7\x9E\xD7\xA8.", "wWWws" },   /* and as the gershayim itself */
		{ LANG_HY, "\xD4\xB1\xD6\x80\xD5\xB4\xD5\xA5\xD5\xB6 \xD5\x8A\xD5\xA5\xD5\xBF\xD6\x80\xD5\xB8\xD5\xBD\xD5"
		  "\xB5\xD5\xA1\xD5\xB6\xD5\xA8 \xD5\xA1\xD5\xBD\xD5\xA1\xD6\x81\xD5\x9D \xD5\xA2\xD5\xA1\xD6\x80"
		  "\xD6\x87\xD6\x89", "WWwcws" },   /* Armenian (capitals of its own): its comma and its full stop */
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		tok_doc td = { 0 };
		assert_int_equal(tok_doc_build(&td, cases[c].text, strlen(cases[c].text), cases[c].lang, NULL, 0), 0);
		char got[16] = "";
		for (size_t i = 0; i < td.n && i + 1 < sizeof got; i++) {
			const tok *w = &td.v[i];
			got[i] = w->kind == T_WORD ? (w->cjk ? 'j' : w->cap ? 'W' : 'w') : w->kind == T_STOP ? 's'
			         : w->kind == T_COMMA ? 'c' : '?';
			got[i + 1] = 0;
		}
		if (strcmp(got, cases[c].want))
			fail_msg("case %zu: %s, want %s", c, got, cases[c].want);
		tok_doc_free(&td);
	}
}

/* A word of the lists longer than ten Devanagari letters (31 bytes) is
 * found in them: a compound title ("prime minister") is a title; an
 * unlisted word that long (an adjective: "international") is still no
 * name in a caseless language. */
static void long_words_in_the_lists(void **state)
{
	(void)state;
	static const char title[] = "\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xA7\xE0\xA4\xBE\xE0\xA4\xA8"
	                            "\xE0\xA4\xAE\xE0\xA4\x82\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x80"
	                            "\x20\xE0\xA4\x85\xE0\xA4\xAE\xE0\xA4\xBF\xE0\xA4\xA4\x20\xE0\xA4\xB8\xE0"
	                            "\xA4\xBF\xE0\xA4\x82\xE0\xA4\xB9\x20\xE0\xA4\xA8\xE0\xA5\x87\x20\xE0\xA4"
	                            "\x95\xE0\xA4\xB9\xE0\xA4\xBE\xE0\xA5\xA4";
	static const char adjective[] = "\xE0\xA4\x85\xE0\xA4\x82\xE0\xA4\xA4\xE0\xA4\xB0\xE0\xA4\xB0\xE0\xA4\xBE"
	                                "\xE0\xA4\xB7\xE0\xA5\x8D\xE0\xA4\x9F\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x80"
	                                "\xE0\xA4\xAF"
	                                "\x20\xE0\xA4\x85\xE0\xA4\xAE\xE0\xA4\xBF\xE0\xA4\xA4\x20\xE0\xA4\xB8\xE0"
	                                "\xA4\xBF\xE0\xA4\x82\xE0\xA4\xB9\x20\xE0\xA4\xA8\xE0\xA5\x87\x20\xE0\xA4"
	                                "\x95\xE0\xA4\xB9\xE0\xA4\xBE\xE0\xA5\xA4";
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, title, strlen(title), LANG_HI, NULL, 0), 0);
	assert_int_equal(td.v[0].n, 36);
	assert_true(td.v[0].lex & LX_TITLE);
	assert_false(td.v[0].cap);
	assert_true(td.v[1].cap && td.v[2].cap);   /* the name after it */
	tok_doc_free(&td);
	tok_doc adj = { 0 };
	assert_int_equal(tok_doc_build(&adj, adjective, strlen(adjective), LANG_HI, NULL, 0), 0);
	assert_int_equal(adj.v[0].n, 39);
	assert_false(adj.v[0].cap);
	tok_doc_free(&adj);
}

/* A dot after a short word of the [abbreviation] lists (any language's)
 * or after a title does not end the sentence, but after a title that is
 * a whole word ([whole_title]) or another word it does. */
static void abbreviations_from_the_lists(void **state)
{
	(void)state;
	static const struct { const char *text; bool abbr; } cases[] = {
		{ "Tom Ode Jr. left", true },  { "wie bzw. wo", true },   { "Mr. Ode", true },   { "Dr. Ode", true },
		{ "sagte die Frau. Sie", false }, { "the king. He", false }, { "the dog. He", false },
		{ "the aide. He", false },
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const char *t = cases[c].text;
		tok v[16];
		tok_low low[16];
		size_t n = tok_scan(t, 0, strlen(t), LANG_DE, v, low, 16);
		size_t dot = 0;
		while (dot < n && t[v[dot].s] != '.')
			dot++;
		assert_true(dot < n);
		if ((v[dot].kind == T_ABBR) != cases[c].abbr)
			fail_msg("%s: the dot read as %s", t, cases[c].abbr ? "a full stop" : "an abbreviation's");
	}
}

/* A token holds its positions in 32 bits: quotes_find refuses a text
 * past them before it reads a byte (the text here is a single byte that
 * claims more). */
static void text_past_32_bits_refused(void **state)
{
	(void)state;
	if (SIZE_MAX <= UINT32_MAX)
		skip();
	char byte[1] = "";
	doc d = { .text = byte, .len = (size_t)UINT32_MAX + 1 };
	quote_list l;
	assert_int_equal(quotes_find(&d, NULL, &l), Q_ETOOBIG);
	assert_int_equal(l.n, 0);
	assert_true(sizeof(tok) <= 32);
}

/* The classes of each token of text t after the dropout of below and seed
 * into lex (at most max tokens); returns how many tokens. */
static size_t classes_after_drop(const char *t, uint32_t below, uint64_t seed, unsigned *lex, short *entry, size_t max)
{
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, strlen(t), LANG_EN, NULL, 0), 0);
	tok_doc_drop_classes(&td, below, seed);
	assert_true(td.n <= max);
	for (size_t i = 0; i < td.n; i++) {
		lex[i] = td.v[i].lex;
		entry[i] = td.v[i].entry;
	}
	size_t n = td.n;
	tok_doc_free(&td);
	return n;
}

/* The trainer's lexicon dropout: nothing dropped at 0, every listed word
 * read as unlisted at the top, and in between a word's tokens all share
 * one fate (the lists lack the word, not one use of it), some words
 * dropped and some kept, and another seed draws other words. */
static void dropped_classes_by_word(void **state)
{
	(void)state;
	enum { MAX = 128 };
	const char *t = "The mayor said that the plan and the vote were late, and the town said so. "
	                "He said it was the end of the road for the plan of the mayor, and she said no.";
	unsigned whole[MAX], none[MAX], all[MAX], half[8][MAX];
	short entry[MAX];
	size_t n = classes_after_drop(t, 0, 7, whole, entry, MAX);
	tok_doc td = { 0 };
	assert_int_equal(tok_doc_build(&td, t, strlen(t), LANG_EN, NULL, 0), 0);
	size_t listed = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(whole[i], td.v[i].lex);
		listed += whole[i] != 0;
	}
	tok_doc_free(&td);
	assert_true(listed > 10);
	classes_after_drop(t, UINT32_MAX, 7, all, entry, MAX);
	classes_after_drop(t, 0, 3, none, entry, MAX);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(all[i], 0);
		assert_int_equal(none[i], whole[i]);
	}
	bool other = false;
	for (uint64_t seed = 0; seed < 8; seed++) {
		classes_after_drop(t, UINT32_MAX / 2, seed, half[seed], entry, MAX);
		size_t dropped = 0;
		for (size_t i = 0; i < n; i++) {
			dropped += whole[i] && !half[seed][i];
			other |= (half[seed][i] != 0) != (half[0][i] != 0);
			for (size_t j = i + 1; j < n; j++)
				if (whole[i] && entry[i] == entry[j])
					assert_int_equal(half[seed][i] != 0, half[seed][j] != 0);
		}
		assert_true(dropped < listed);
	}
	assert_true(other);
}

/* A case ending joined by a colon to an abbreviation or a number is inside
 * the word (Finnish and Swedish write "EU:n", "FN:s", "2010:ssa"); a colon
 * after a word of small letters, before a digit or a capital, or before a
 * space stays a colon, and so does one after an initial (a contracted
 * name) or before a long lower-case run. The
 * letters say the kinds: W a word, : a colon, s a stop. */
static void colon_case_endings(void **state)
{
	(void)state;
	static const struct { const char *text; const char *want; } cases[] = {
		{ "EU:n johtaja", "WW" },      { "FN:s chef", "WW" },        { "vuonna 2010:ssa.", "WWs" },
		{ "NATO:lle", "W" },           { "Note:x", "W:W" },          { "klo 12:30", "WW:W" },
		{ "EU: ja", "W:W" },           { "EU:Ssa", "W:W" },          { "EU:jotainpitkaa", "W:W" },
		{ "Tila:n", "W:W" },           { "J:son Ek", "W:WW" },       { "\xC3\x84:n", "W:W" },
		{ "EU:n-johtaja", "W" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const char *t = cases[c].text;
		tok v[16];
		tok_low low[16];
		size_t n = tok_scan(t, 0, strlen(t), LANG_FI, v, low, 16);
		char got[16] = "";
		for (size_t i = 0; i < n && i + 1 < sizeof got; i++) {
			got[i] = v[i].kind == T_WORD ? 'W' : v[i].kind == T_COLON ? ':' : v[i].kind == T_STOP ? 's' : '?';
			got[i + 1] = 0;
		}
		if (strcmp(got, cases[c].want))
			fail_msg("%s: %s, want %s", t, got, cases[c].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_at_every_position),
		cmocka_unit_test(first_at_across_blocks),
		cmocka_unit_test(article_tokens_as_one_by_one),
		cmocka_unit_test(guess_as_a_fresh_detection),
		cmocka_unit_test(detected_from_the_sample),
		cmocka_unit_test(two_byte_letters_as_one_by_one),
		cmocka_unit_test(lexicon_words_as_one_by_one),
		cmocka_unit_test(stretches_between_ranges_as_one_by_one),
		cmocka_unit_test(words_moved_as_their_buffer_grows),
		cmocka_unit_test(ascii_as_the_bytes_say),
		cmocka_unit_test(profile_counts_as_one_by_one),
		cmocka_unit_test(spaced_word_as_its_two_tests),
		cmocka_unit_test(caseless_tokens),
		cmocka_unit_test(long_words_in_the_lists),
		cmocka_unit_test(abbreviations_from_the_lists),
		cmocka_unit_test(text_past_32_bits_refused),
		cmocka_unit_test(dropped_classes_by_word),
		cmocka_unit_test(colon_case_endings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
