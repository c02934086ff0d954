/* Quotation spans: every mark convention, nesting, multi-paragraph quotes,
 * unbalanced marks, apostrophes, terms, and properties over generated text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "error.h"
#include "quotes.h"

/* Finds the quotes of text (opts may be NULL); the doc is returned for spans. */
static quote_list find(const char *text, const quotes_opts *opts, doc **dp)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, opts, &l), 0);
	*dp = d;
	return l;
}

/* The flat texts of the quotes of text joined with " | ". */
static char *texts_of(const char *text, const quotes_opts *opts)
{
	doc *d;
	quote_list l = find(text, opts, &d);
	size_t cap = 16, n = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < l.n; i++) {
		char *s = quote_text(d, &l.v[i]);
		size_t need = n + strlen(s) + 4;
		if (need > cap) {
			char *w = realloc(out, cap = need * 2);
			assert_non_null(w);
			out = w;
		}
		n += (size_t)sprintf(out + n, "%s%s", i ? " | " : "", s);
		free(s);
	}
	quote_list_free(&l);
	doc_free(d);
	return out;
}

#define EXPECT_TEXTS(text, want)                          \
	do {                                                  \
		char *got_ = texts_of(text, NULL);                \
		assert_string_equal(got_, want);                  \
		free(got_);                                       \
	} while (0)

/* ---- conventions -------------------------------------------------------- */

static void straight_double(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nShe said \"we will win this match\" and left.\n", "we will win this match");
}

static void curly_english(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nShe said \xE2\x80\x9Cwe will win this match\xE2\x80\x9D and left.\n",
	             "we will win this match");
}

static void german_low_high(void **state)
{
	EXPECT_TEXTS("Einleitung hier.\n\n\xE2\x80\x9EWir werden gewinnen, sagte er\xE2\x80\x9C und ging.\n",
	             "Wir werden gewinnen, sagte er");
}

static void german_single_low(void **state)
{
	EXPECT_TEXTS("Einleitung hier.\n\n\xE2\x80\x9AWir werden bestimmt gewinnen\xE2\x80\x98 stand dort.\n",
	             "Wir werden bestimmt gewinnen");
}

static void guillemets_french_spaces(void **state)
{
	EXPECT_TEXTS("Introduction ici.\n\n\xC2\xAB Nous allons gagner ce match \xC2\xBB, a dit Martin.\n",
	             "Nous allons gagner ce match");
	/* no-break spaces inside the marks */
	EXPECT_TEXTS("Introduction ici.\n\n\xC2\xAB\xC2\xA0Nous allons gagner ce match\xC2\xA0\xC2\xBB, a dit Martin.\n",
	             "Nous allons gagner ce match");
}

static void guillemets_reversed(void **state)
{
	EXPECT_TEXTS("Indledning her.\n\n\xC2\xBBVi er klar til kampen,\xC2\xAB siger han.\n", "Vi er klar til kampen,");
}

static void single_guillemets(void **state)
{
	EXPECT_TEXTS("Einleitung hier.\n\n\xE2\x80\xB9Wir sind bereit f\xC3\xBCr alles\xE2\x80\xBA sagte sie.\n",
	             "Wir sind bereit f\xC3\xBCr alles");
}

static void single_curly_outer(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nHe said \xE2\x80\x98we are ready for the final\xE2\x80\x99 on Sunday.\n",
	             "we are ready for the final");
}

static void swedish_same_mark(void **state)
{
	EXPECT_TEXTS("Inledning h\xC3\xA4r.\n\n\xE2\x80\x9DVi m\xC3\xA5ste agera nu\xE2\x80\x9D, s\xC3\xA4ger hon.\n",
	             "Vi m\xC3\xA5ste agera nu");
}

static void swedish_guillemets_same_mark(void **state)
{
	EXPECT_TEXTS("Inledning h\xC3\xA4r.\n\n\xC2\xBBVi m\xC3\xA5ste agera nu\xC2\xBB, s\xC3\xA4ger hon.\n",
	             "Vi m\xC3\xA5ste agera nu");
}

static void cjk_corners(void **state)
{
	EXPECT_TEXTS("\xE7\xB5\x8C\xE6\xB8\x88\n\n\xE9\xA6\x96\xE7\x9B\xB8\xE3\x81\xAF\xE3\x80\x8C\xE6\x80\xA5\xE3\x81\x90"
	             "\xE5\xBF\x85\xE8\xA6\x81\xE3\x81\x8C\xE3\x81\x82\xE3\x82\x8B\xE3\x80\x8D\xE3\x81\xA8\xE8\xBF\xB0\xE3\x81\xB9"
	             "\xE3\x81\x9F\xE3\x80\x82\n",
	             "\xE6\x80\xA5\xE3\x81\x90\xE5\xBF\x85\xE8\xA6\x81\xE3\x81\x8C\xE3\x81\x82\xE3\x82\x8B");
}

static void cjk_white_corners(void **state)
{
	EXPECT_TEXTS("\xE7\xB5\x8C\xE6\xB8\x88\n\n\xE5\xB1\xB1\xE6\x9C\xAC\xE6\xB0\x8F\xE3\x81\xAF\xE3\x80\x8E\xE5\xA4\xA7"
	             "\xE5\x88\x87\xE3\x81\xAB\xE3\x81\x97\xE3\x81\x9F\xE3\x81\x84\xE3\x80\x8F\xE3\x81\xA8\xE8\xAA\x9E\xE3\x81\xA3"
	             "\xE3\x81\x9F\xE3\x80\x82\n",
	             "\xE5\xA4\xA7\xE5\x88\x87\xE3\x81\xAB\xE3\x81\x97\xE3\x81\x9F\xE3\x81\x84");
}

static void dash_speech_danish(void **state)
{
	EXPECT_TEXTS("Indledning her om kampen.\n\n\xE2\x80\x93 Vi er klar til kampen i aften, siger tr\xC3\xA6neren.\n\n"
	             "\xE2\x80\x93 Og vi vil vinde den, siger han.\n",
	             "Vi er klar til kampen i aften, | Og vi vil vinde den,");
}

static void dash_speech_only_scandinavian(void **state)
{
	/* an English list with dashes is not speech */
	EXPECT_TEXTS("The plan has three parts and the council likes them.\n\n- more buses for the town\n\n"
	             "- cheaper tickets for the young\n",
	             "");
}

/* ---- structure ---------------------------------------------------------- */

static void nested_stays_inside(void **state)
{
	const char *text = "Intro line here.\n\n\"He looked at me and said 'what do you want to do about it?' and "
	                   "then he left,\" Ferguson said.\n";
	EXPECT_TEXTS(text, "He looked at me and said 'what do you want to do about it?' and then he left,");
	quotes_opts o;
	quotes_opts_init(&o);
	o.nested = true;
	doc *d;
	quote_list l = find(text, &o, &d);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].depth, 0);
	assert_int_equal(l.v[1].depth, 1);
	assert_true(l.v[0].start <= l.v[1].open && l.v[1].close <= l.v[0].end);
	char *s = quote_text(d, &l.v[1]);
	assert_string_equal(s, "what do you want to do about it?");
	free(s);
	quote_list_free(&l);
	doc_free(d);
}

static void interrupted_gives_two(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\n\"The harbour needs work,\" she said, \"but not at any price.\"\n",
	             "The harbour needs work, | but not at any price.");
}

static void multi_paragraph_gives_one(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nShe said: \"We have done a lot this year.\n\n\"We will do more next year.\n\n"
	             "\"And we will not stop,\" she said.\n",
	             "We have done a lot this year. We will do more next year. And we will not stop,");
}

static void run_in_paragraphs(void **state)
{
	/* paragraphs run together, each reopened with a mark, closed once */
	EXPECT_TEXTS("Intro line here.\n\nPeston said: \"My understanding is that they are not close. \"What the book "
	             "says is clear. \"I think it is bad.\" He left.\n",
	             "My understanding is that they are not close. What the book says is clear. I think it is bad.");
}

static void hard_wrapped_straight_quotes(void **state)
{
	const char *text =
		"LONDON, May 3 The city council on Tuesday approved a plan\n"
		"to rebuild the old harbour, ending a dispute that has lasted\n"
		"for more than ten years and divided the town's businesses.\n"
		"\"This is a good day for the harbour and for everyone who\n"
		"works on it,\" council leader Mary Jones told reporters after\n"
		"the vote, adding that work would start in the autumn next.\n"
		"Opponents said the plan was far too expensive. \"The town\n"
		"cannot afford it and the council knows that very well,\" said\n"
		"Peter Smith, who runs a fish shop on the quay of the town.\n";
	EXPECT_TEXTS(text, "This is a good day for the harbour and for everyone who works on it, | "
	                   "The town cannot afford it and the council knows that very well,");
}

static void hyphen_join_inside_quote(void **state)
{
	const char *text =
		"LONDON, May 3 The city council on Tuesday approved a plan\n"
		"to rebuild the old harbour, ending a dispute that has lasted\n"
		"for more than ten years and divided the town's businesses.\n"
		"\"We reject the accusations and the counter-\n"
		"accusations of the last weeks,\" council leader Mary Jones\n"
		"told reporters after the vote on the plan for the harbour.\n";
	EXPECT_TEXTS(text, "We reject the accusations and the counter-accusations of the last weeks,");
}

/* ---- balance -------------------------------------------------------------- */

static void unclosed_ends_at_paragraph(void **state)
{
	const char *text = "Intro line here.\n\nThe chairman said \"this sentence never closes and goes on\n\n"
	                   "The next paragraph is narration and stays outside.\n\n\"A proper quote closes here,\" "
	                   "said Ann Lee.\n";
	doc *d;
	quote_list l = find(text, NULL, &d);
	assert_int_equal(l.n, 2);
	char *s = quote_text(d, &l.v[0]);
	assert_string_equal(s, "this sentence never closes and goes on");
	free(s);
	assert_true(l.v[0].unclosed);
	assert_true(l.v[0].confidence < l.v[1].confidence);
	quote_list_free(&l);
	doc_free(d);
}

static void unclosed_continues_into_marked_paragraph(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nHe said: \"The first part goes here.\n\n\"The second part ends it.\"\n",
	             "The first part goes here. The second part ends it.");
}

static void stray_mark_cannot_swallow(void **state)
{
	/* one stray mark, then many paragraphs: nothing beyond its paragraph is taken */
	char text[4096] = "Intro line here.\n\nA stray \" mark stands in this sentence.\n\n";
	for (int i = 0; i < 20; i++)
		strcat(text, "Plain narration goes on in this paragraph without any mark.\n\n");
	strcat(text, "\"The real quote is here,\" she said.\n");
	EXPECT_TEXTS(text, "The real quote is here,");
}

static void stray_opening_mark_limited(void **state)
{
	char text[4096] = "Intro line here.\n\nHe wrote \"an opening mark that never closes in this paragraph.\n\n";
	for (int i = 0; i < 10; i++)
		strcat(text, "Plain narration goes on in this paragraph without any mark.\n\n");
	doc *d;
	quote_list l = find(text, NULL, &d);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].close <= d->para[2].end);
	quote_list_free(&l);
	doc_free(d);
}

static void big_article(void **state)
{
	/* over 64 KiB: text far from every quote is not tokenized; attribution still works */
	size_t cap = 200000, n = 0;
	char *text = malloc(cap);
	n += (size_t)sprintf(text + n, "Headline of a long report\n\nMayor Anna Berg opened the session.\n\n");
	for (int i = 0; i < 1500; i++)
		n += (size_t)sprintf(text + n, "Plain narration paragraph number %d without any mark at all.\n\n", i);
	n += (size_t)sprintf(text + n, "\"We will build the bridge next year,\" Berg said.\n\n");
	for (int i = 0; i < 500; i++)
		n += (size_t)sprintf(text + n, "More narration, paragraph %d, goes on and on here.\n\n", i);
	n += (size_t)sprintf(text + n, "Tom Olsen spoke last. \"It is a fair deal,\" he said.\n");
	assert_true(n > 64 * 1024 && n < cap);
	doc *d;
	quote_list l = find(text, NULL, &d);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].speaker, "Berg");
	assert_string_equal(l.v[1].speaker, "Tom Olsen");
	quote_list_free(&l);
	doc_free(d);
	free(text);
}

static void inch_marks(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nThe pipe is 12\" wide and the board is 3\" thick and 5'10\" long.\n", "");
}

/* ---- apostrophes and terms -------------------------------------------------- */

static void apostrophes(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nIt's the '90s again for rock 'n' roll fans, and Reuters' reporters don't "
	             "mind the O'Brien family's bar or the \xE2\x80\x99" "80s revival.\n",
	             "");
}

static void apostrophe_inside_single_quote(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nHe said \xE2\x80\x98we don\xE2\x80\x99t play the old songs any more\xE2\x80\x99 "
	             "and smiled.\n",
	             "we don\xE2\x80\x99t play the old songs any more");
}

static void scare_quotes_and_terms(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nThe so-called \"smart\" meters are part of its \"green plan\" and the "
	             "'dem' problem.\n",
	             "");
}

static void titles_not_quotes(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nHe wrote a report titled \"Power To The People\" last year and a book, "
	             "\"A Most Violent Year.\"\n",
	             "");
}

/* a slogan or headline is announced by a label word, whatever its length */
static void labelled_slogans_not_quotes(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nThe march went ahead under the slogan \"we will not pay for a crisis we did not "
	             "make\" on Saturday.\n\nThe paper ran the headline: \"council votes to close the last pool in town\".\n\n"
	             "\"We will appeal the vote in every court we can,\" said Ann Lee.\n",
	             "We will appeal the vote in every court we can,");
	EXPECT_TEXTS("Einleitung hier.\n\nDie Demonstration (Motto: \xE2\x80\x9E" "10 Jahre sind genug, wir wollen endlich "
	             "Taten sehen\xE2\x80\x9C) zog durch die Stadt.\n",
	             "");
}

/* The label words are any language's [label] list: a word, or the end of
 * a capitalised compound, with an umlaut in either case. */
static void labels_from_the_lists(void **state)
{
	EXPECT_TEXTS("Einleitung hier.\n\nDas Blatt brachte die \xC3\x9C" "berschrift: \xE2\x80\x9E" "der stadtrat schlie\xC3\x9F"
	             "t das letzte bad im ort\xE2\x80\x9C.\n",
	             "");
	EXPECT_TEXTS("Einleitung hier.\n\nDas Blatt brachte die Titelseiten\xC3\xBC" "berschrift: \xE2\x80\x9E" "der stadtrat "
	             "schlie\xC3\x9F" "t das letzte bad im ort\xE2\x80\x9C.\n",
	             "");
	EXPECT_TEXTS("Einleitung hier.\n\nDie Partei zog unter dem Wahlkampfmotto: \xE2\x80\x9E" "alle zusammen und niemand "
	             "allein\xE2\x80\x9C durch das Land.\n",
	             "");
	/* an ending is a label only at the end of a capitalised word */
	EXPECT_TEXTS("Intro line here.\n\nShe was untitled: \"we have no plans to close the school this year\" said Ann Lee.\n",
	             "we have no plans to close the school this year");
}

/* A capitalised quote after a definite article of any language ([definite])
 * is a name; after a German noun too, but not after one that announces
 * words ([speech_noun]). */
static void names_after_articles_and_nouns(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nThey all joined the \"March against hunger\" on Sunday.\n", "");
	EXPECT_TEXTS("Intro line here.\n\nEl grupo se uni\xC3\xB3 a la \"Marcha contra el hambre\" el domingo.\n", "");
	EXPECT_TEXTS("Einleitung hier.\n\nEr schloss die Sitzung mit den Worten \xE2\x80\x9EWir schaffen das gemeinsam\xE2\x80\x9C.\n",
	             "Wir schaffen das gemeinsam");
	/* after a word of [as], where nouns are capitalised, it is a characterisation */
	EXPECT_TEXTS("Einleitung hier.\n\nDie Ministerin bezeichnete den Vertrag als \xE2\x80\x9E" "Fehler Des Ganzen Jahrzehnts"
	             "\xE2\x80\x9C.\n",
	             "Fehler Des Ganzen Jahrzehnts");
}

static void named_thing_with_acronym(void **state)
{
	EXPECT_TEXTS("Einleitung hier.\n\nDie \xE2\x80\x9EPartij voor de Vrijheid\xE2\x80\x9C (PVV) gewann die Wahl.\n", "");
}

static void keep_short_option(void **state)
{
	quotes_opts o;
	quotes_opts_init(&o);
	o.keep_short = true;
	char *got = texts_of("Intro line here.\n\nThe so-called \"smart\" meters.\n", &o);
	assert_string_equal(got, "smart");
	free(got);
}

static void three_word_partial_kept(void **state)
{
	EXPECT_TEXTS("Intro line here.\n\nHe admitted to a \"sense of frustration\" about it.\n", "sense of frustration");
}

/* ---- ids and spans ----------------------------------------------------------- */

static void ids_stable_and_normalised(void **state)
{
	doc *a, *b;
	quote_list la = find("Intro line here.\n\n\"We will build the bridge,\" she said.\n", NULL, &a);
	quote_list lb = find("Other intro.\n\nMore text first.\n\n\"We will build   the  bridge,\" he said.\n", NULL, &b);
	assert_int_equal(la.n, 1);
	assert_int_equal(lb.n, 1);
	assert_true(la.v[0].id == lb.v[0].id);
	char hex[17];
	quote_id_hex(&la.v[0], hex);
	assert_int_equal(strlen(hex), 16);
	quote_list_free(&la);
	quote_list_free(&lb);
	doc_free(a);
	doc_free(b);
}

static void span_fields(void **state)
{
	const char *text = "Intro line here.\n\n\"We will build the bridge,\" Mayor Anna Berg said.\n";
	doc *d;
	quote_list l = find(text, NULL, &d);
	assert_int_equal(l.n, 1);
	quote *q = &l.v[0];
	assert_true(q->open <= q->start && q->start <= q->end && q->end <= q->close);
	assert_int_equal(d->text[q->open], '"');
	assert_int_equal(d->text[q->close - 1], '"');
	assert_memory_equal(d->text + q->start, "We will", 7);
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Anna Berg");
	assert_memory_equal(d->text + q->spk_start, "Mayor Anna Berg", q->spk_end - q->spk_start);
	assert_string_equal(q->cue, "said");
	assert_true(q->confidence > 0.5f && q->confidence <= 1.0f);
	assert_string_equal(l.lang, "en");
	quote_list_free(&l);
	doc_free(d);
}

static void empty_and_markless(void **state)
{
	EXPECT_TEXTS("Just a headline\n\nAnd a paragraph with no marks at all.\n", "");
}

/* ---- properties over generated text ------------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char *const pieces[] = {
	"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
	"\xE2\x80\xB9", "\xE2\x80\xBA", "\xE3\x80\x8C", "\xE3\x80\x8D", "\xE2\x80\x93 ", "- ", " ", " ", " ", " ", "\n",
	"\n\n", ",", ".", "said", "she", "he", "Smith", "Anna Berg", "siger", "han", "sagte", "er", "the", "we will win",
	"don't", "'90s", "\xE6\x80\xA5", "\xE3\x81\xAF", "a-t-il", "dit", ":", "according to", "\xC2\xA0", "(", ")",
	"\xE2\x80\x9A",
};

/* Spans lie inside the text and in order; outer quotes never overlap;
 * nested ones lie inside an outer one. */
static void check_spans(const doc *d, const quote_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const quote *q = &l->v[i];
		assert_true(q->open <= q->start && q->start <= q->end && q->end <= q->close && q->close <= d->len);
		assert_true(q->spk_start <= q->spk_end && q->spk_end <= d->len);
		assert_true(q->confidence >= 0.0f && q->confidence <= 1.0f);
		if (i > 0)
			assert_true(l->v[i - 1].open <= q->open);
		for (size_t j = 0; j < i; j++) {
			const quote *p = &l->v[j];
			bool overlap = p->open < q->close && q->open < p->close;
			if (!overlap)
				continue;
			bool nested = (q->depth > p->depth && p->open <= q->open && q->close <= p->close) ||
			              (p->depth > q->depth && q->open <= p->open && p->close <= q->close);
			/* a quote split at its inner attribution touches its second part only at the split */
			bool split = p->close <= q->open || q->close <= p->open;
			assert_true(nested || split);
		}
		char *s = quote_text(d, q);
		assert_non_null(s);
		free(s);
	}
}

/* A quote's flat text folds every run of spaces and tabs to one space,
 * wherever the run falls (the copy reads eight bytes at a time: a run
 * across the edge of eight, or a lone space as the last of them, must
 * come out the same), and keeps every other byte as it is. */
static void flat_text_folds_space_anywhere(void **state)
{
	static const char *const bits[] = { "a", "bc", "de!", "x&y", "\xC3\xA9t\xC3\xA9", "d\xE2\x80\x94", "9,5",
	                                    " ", "  ", "\t", " \t ", "w.", "#" };
	static const bool space[] = { false, false, false, false, false, false, false, true, true, true, true, false,
	                              false };
	uint64_t seed = 0x2545F4914F6CDD1Dull;
	for (int round = 0; round < 300; round++) {
		char words[400], want[400], text[512];
		size_t n = 0, k = 0;
		bool gap = false;
		strcpy(words, "First words here");
		n = k = strlen(words);
		memcpy(want, words, n);
		for (int i = 0, m = 5 + (int)(rng_next(&seed) % 40); i < m; i++) {
			size_t b = rng_next(&seed) % (sizeof bits / sizeof *bits);
			size_t l = strlen(bits[b]);
			memcpy(words + n, bits[b], l);
			n += l;
			if (space[b]) {
				gap = true;
				continue;
			}
			if (gap)
				want[k++] = ' ';
			gap = false;
			memcpy(want + k, bits[b], l);
			k += l;
		}
		memcpy(words + n, " end", 5);
		memcpy(want + k, " end", 5);
		snprintf(text, sizeof text, "Intro line here.\n\nShe said: \xE2\x80\x9C%s\xE2\x80\x9D\n", words);
		doc *d;
		quote_list l = find(text, NULL, &d);
		assert_int_equal(l.n, 1);
		char *got = quote_text(d, &l.v[0]);
		assert_string_equal(got, want);
		free(got);
		quote_list_free(&l);
		doc_free(d);
	}
	(void)state;
}

/* Fewer than three words in quotes are a term, three are speech, however
 * the words fall across the eight-byte steps of the count: joined words
 * (don't, well-known, u.s.) count once, a dash between spaces and a run
 * of dots are no word, and accented letters belong to their word. */
static void word_count_across_steps(void **state)
{
	static const char *const words[] = { "we", "don't", "well-known", "u.s.", "x9", "a-b-c", "n\xC3\xA4r",
	                                     "caf\xC3\xA9s", "loooooooong", "ok..", "it's", "so...on" };
	static const char *const gaps[] = { " ", "  ", " - ", ", ", " \xE2\x80\x93 " };
	uint64_t seed = 0x853C49E6748FEA9Bull;
	for (int round = 0; round < 400; round++) {
		char text[512];
		size_t k = 1 + (size_t)(rng_next(&seed) % 4);
		int n = snprintf(text, sizeof text, "Intro line here.\n\n%.*sShe said: \xE2\x80\x9C",
		                 (int)(rng_next(&seed) % 9), "xxxxxxxx ");
		for (size_t i = 0; i < k; i++)
			n += snprintf(text + n, sizeof text - (size_t)n, "%s%s", i ? gaps[rng_next(&seed) % 5] : "",
			              words[rng_next(&seed) % (sizeof words / sizeof *words)]);
		snprintf(text + n, sizeof text - (size_t)n, "\xE2\x80\x9D\n");
		doc *d;
		quote_list l = find(text, NULL, &d);
		if (l.n != (k >= 3))
			fail_msg("%zu words, %zu quotes: %s", k, l.n, text);
		quote_list_free(&l);
		doc_free(d);
	}
	(void)state;
}

static void property_generated(void **state)
{
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	const char *langs[] = { NULL, "en", "da", "de", "fr", "sv", "ja", "it" };
	for (int round = 0; round < 600; round++) {
		char buf[2048];
		size_t n = 0;
		int pieces_n = 10 + (int)(rng_next(&seed) % 120);
		strcpy(buf, "Headline of the day\n\n");
		n = strlen(buf);
		for (int k = 0; k < pieces_n; k++) {
			const char *p = pieces[rng_next(&seed) % (sizeof pieces / sizeof *pieces)];
			size_t pl = strlen(p);
			if (n + pl + 1 >= sizeof buf)
				break;
			memcpy(buf + n, p, pl);
			n += pl;
			if (rng_next(&seed) % 3 == 0)
				buf[n++] = ' ';
		}
		buf[n] = '\0';
		doc *d = NULL;
		if (doc_from_bytes("gen.txt", buf, n, &d) != 0)
			continue;
		quotes_opts o;
		quotes_opts_init(&o);
		o.nested = round % 2;
		o.keep_short = round % 3 == 0;
		o.lang = langs[round % (sizeof langs / sizeof *langs)];
		quote_list l;
		assert_int_equal(quotes_find(d, &o, &l), 0);
		check_spans(d, &l);
		quote_list_free(&l);
		doc_free(d);
	}
}

static void property_bytes(void **state)
{
	/* arbitrary bytes (sanitised by the doc layer) never break the engine */
	uint64_t seed = 42;
	for (int round = 0; round < 300; round++) {
		unsigned char buf[512];
		size_t n = 16 + rng_next(&seed) % (sizeof buf - 16);
		for (size_t i = 0; i < n; i++) {
			uint64_t r = rng_next(&seed);
			buf[i] = r % 4 == 0 ? (unsigned char)"\"'\n \xE2\x80\x9C\x9D\xAB\xBB"[r % 11] : (unsigned char)(0x20 + r % 0x60);
		}
		doc *d = NULL;
		if (doc_from_bytes("bytes.txt", (const char *)buf, n, &d) != 0)
			continue;
		quote_list l;
		assert_int_equal(quotes_find(d, NULL, &l), 0);
		check_spans(d, &l);
		quote_list_free(&l);
		doc_free(d);
	}
}

/* ---- options ------------------------------------------------------------------- */

static void opts_extra_cues(void **state)
{
	const char *text = "Intro line here.\n\n\"The weather will be fine tomorrow,\" mumbled Anna Berg.\n";
	doc *d;
	quote_list l = find(text, NULL, &d);
	assert_int_equal(l.n, 1);
	assert_null(l.v[0].cue);
	quote_list_free(&l);
	doc_free(d);

	quotes_opts o;
	quotes_opts_init(&o);
	assert_int_equal(quotes_opts_add_cues(&o, "en", "remarked, Mumbled ; quipped"), 0);
	assert_int_equal(o.ncues, 3);
	assert_int_equal(quotes_opts_add_cues(&o, "xx", "said"), Q_EUSAGE);
	assert_int_equal(quotes_opts_add_cues(&o, NULL, "grumbled"), 0);
	l = find(text, &o, &d);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].cue, "mumbled");
	assert_string_equal(l.v[0].speaker, "Anna Berg");
	quote_list_free(&l);
	doc_free(d);

	/* a verb for another language does not count */
	quotes_opts_free(&o);
	quotes_opts_init(&o);
	assert_int_equal(quotes_opts_add_cues(&o, "de", "mumbled"), 0);
	l = find(text, &o, &d);
	assert_null(l.v[0].cue);
	quote_list_free(&l);
	doc_free(d);
	quotes_opts_free(&o);
	quotes_opts_free(&o);   /* freeing twice is harmless */
}

static void opts_forced_language(void **state)
{
	quotes_opts o;
	quotes_opts_init(&o);
	o.lang = "da";
	doc *d;
	quote_list l = find("Intro line here.\n\n\"We will build it,\" she said.\n", &o, &d);
	assert_string_equal(l.lang, "da");
	quote_list_free(&l);
	doc_free(d);
}

/* keep_text: each quote's text is quote_text's (continuation marks
 * dropped, white space folded), made with the ids;
 * without it, none is. */
static void opts_keep_text(void **state)
{
	const char *text = "Intro line here.\n\n\"The  bridge will be\nbuilt next year,\" said Anna Berg.\n\n"
	                   "\"We start in May.\n\n\"The work takes a year,\" she added.\n";
	quotes_opts o;
	quotes_opts_init(&o);
	o.keep_text = true;
	doc *d;
	quote_list l = find(text, &o, &d);
	assert_true(l.n >= 2);
	for (size_t i = 0; i < l.n; i++) {
		char *want = quote_text(d, &l.v[i]);
		assert_non_null(l.v[i].text);
		assert_string_equal(l.v[i].text, want);
		free(want);
	}
	assert_string_equal(l.v[0].text, "The bridge will be built next year,");
	quote_list_free(&l);
	doc_free(d);
	l = find(text, NULL, &d);
	for (size_t i = 0; i < l.n; i++)
		assert_null(l.v[i].text);
	assert_null(l.texts);
	quote_list_free(&l);
	doc_free(d);
}

static void free_empty_list(void **state)
{
	quote_list l = { 0 };
	quote_list_free(&l);
	quote_list_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(straight_double),
		cmocka_unit_test(curly_english),
		cmocka_unit_test(german_low_high),
		cmocka_unit_test(german_single_low),
		cmocka_unit_test(guillemets_french_spaces),
		cmocka_unit_test(guillemets_reversed),
		cmocka_unit_test(single_guillemets),
		cmocka_unit_test(single_curly_outer),
		cmocka_unit_test(swedish_same_mark),
		cmocka_unit_test(swedish_guillemets_same_mark),
		cmocka_unit_test(cjk_corners),
		cmocka_unit_test(cjk_white_corners),
		cmocka_unit_test(dash_speech_danish),
		cmocka_unit_test(dash_speech_only_scandinavian),
		cmocka_unit_test(nested_stays_inside),
		cmocka_unit_test(interrupted_gives_two),
		cmocka_unit_test(multi_paragraph_gives_one),
		cmocka_unit_test(run_in_paragraphs),
		cmocka_unit_test(hard_wrapped_straight_quotes),
		cmocka_unit_test(hyphen_join_inside_quote),
		cmocka_unit_test(unclosed_ends_at_paragraph),
		cmocka_unit_test(unclosed_continues_into_marked_paragraph),
		cmocka_unit_test(stray_mark_cannot_swallow),
		cmocka_unit_test(stray_opening_mark_limited),
		cmocka_unit_test(big_article),
		cmocka_unit_test(inch_marks),
		cmocka_unit_test(apostrophes),
		cmocka_unit_test(apostrophe_inside_single_quote),
		cmocka_unit_test(scare_quotes_and_terms),
		cmocka_unit_test(labelled_slogans_not_quotes),
		cmocka_unit_test(titles_not_quotes),
		cmocka_unit_test(labels_from_the_lists),
		cmocka_unit_test(names_after_articles_and_nouns),
		cmocka_unit_test(named_thing_with_acronym),
		cmocka_unit_test(keep_short_option),
		cmocka_unit_test(three_word_partial_kept),
		cmocka_unit_test(ids_stable_and_normalised),
		cmocka_unit_test(flat_text_folds_space_anywhere),
		cmocka_unit_test(word_count_across_steps),
		cmocka_unit_test(span_fields),
		cmocka_unit_test(empty_and_markless),
		cmocka_unit_test(property_generated),
		cmocka_unit_test(property_bytes),
		cmocka_unit_test(opts_extra_cues),
		cmocka_unit_test(opts_forced_language),
		cmocka_unit_test(opts_keep_text),
		cmocka_unit_test(free_empty_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
