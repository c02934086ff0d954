/* The speaker model: the compiled-in weights fit the features, weights
 * files load (and bad ones are refused with their line), a chooser sees
 * every candidate with the speaker it stands for, a name the article shows
 * speaking is told from one it does not, the person the article names
 * most is a candidate of every quote, and the Chinese cue
 * patterns give the candidates they should. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "doc.h"
#include "lang.h"
#include "error.h"
#include "feat.h"
#include "model.h"
#include "quotes.h"

static const char text[] = "Council news\n\n\"We will build the bridge next year,\" said Anna Berg.\n";

/* The speaker of the one quote of text with opts. */
static char *speaker_with(const quotes_opts *o)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, o, &l), 0);
	assert_int_equal(l.n, 1);
	char *s = l.v[0].speaker ? strdup(l.v[0].speaker) : NULL;
	quote_list_free(&l);
	doc_free(d);
	return s;
}

static char *write_file(const char *content)
{
	char *path = strdup("/tmp/quoth-model-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void compiled_in_weights_fit(void **state)
{
	assert_true(quote_model_default_fits());
	char *s = speaker_with(NULL);
	assert_non_null(s);
	assert_string_equal(s, "Anna Berg");
	free(s);
}

static void feature_names_are_unique(void **state)
{
	size_t n = quote_model_features();
	char a[160], b[160];
	assert_true(n > 100);
	for (size_t i = 1; i < n; i += 97) {
		quote_model_feature_name(i - 1, a, sizeof a);
		quote_model_feature_name(i, b, sizeof b);
		assert_string_not_equal(a, b);
		assert_non_null(strchr(b, '='));
	}
	quote_model_feature_name(n - 1, a, sizeof a);
	assert_non_null(strstr(a, "~unseen"));   /* the last block is the one a language no article taught reads */
	quote_model_feature_name(n - 1 - n / (LANG_COUNT + 2), a, sizeof a);
	assert_non_null(strstr(a, "~nospace"));   /* the one before, the languages' without spaces */
	quote_model_feature_name(n - 1 - 2 * (n / (LANG_COUNT + 2)), a, sizeof a);
	assert_non_null(strchr(a, '@'));   /* and before it a language's */
	quote_model_feature_name(quote_model_unseen_of(7), a, sizeof a);
	quote_model_feature_name(7, b, sizeof b);
	assert_memory_equal(a, b, strlen(b));
	assert_string_equal(a + strlen(b), "~unseen");
	assert_true(quote_model_unseen_of(FEAT_N) == SIZE_MAX);
}

/* A language no article taught (its own weights all zero) is read with
 * the unseen block instead of the shared one, when the weights have one;
 * a taught language with the shared block and its own, as before. */
static void an_untaught_language_reads_the_unseen_block(void **state)
{
	size_t n = quote_model_features();
	int32_t *w = calloc(n, sizeof *w), *wc = calloc(FEAT_N, sizeof *wc);
	assert_non_null(w);
	assert_non_null(wc);
	for (size_t k = 0; k < FEAT_N; k++) {
		w[k] = 1;                                   /* shared */
		w[quote_model_unseen_of(k)] = 100;          /* unseen */
	}
	feat_combine(w, LANG_NL, wc);   /* nothing of Dutch's own: the unseen block */
	assert_int_equal(wc[0], 100);
	assert_int_equal(wc[FEAT_N - 1], 100);
	w[FEAT_N * LANG_NL + 3] = 10;   /* Dutch taught: shared and its own */
	feat_combine(w, LANG_NL, wc);
	assert_int_equal(wc[0], 1);
	assert_int_equal(wc[3], 11);
	w[FEAT_N * LANG_NL + 3] = 0;
	for (size_t k = 0; k < FEAT_N; k++)
		w[quote_model_unseen_of(k)] = 0;
	feat_combine(w, LANG_NL, wc);   /* weights without an unseen block: the shared one, as before */
	assert_int_equal(wc[0], 1);
	free(w);
	free(wc);
}

static void weights_file_loads(void **state)
{
	char name[160], content[400];
	quote_model_feature_name(0, name, sizeof name);
	snprintf(content, sizeof content, "# a comment\n\n%s\t-12\n", name);
	char *path = write_file(content);
	quote_model *m;
	size_t line;
	assert_int_equal(quote_model_load(path, &m, &line), 0);
	assert_non_null(m);
	quote_model_free(m);
	unlink(path);
	free(path);
}

/* A weights file's names are parsed, not looked up: each name parses to
 * its own index, and names near a real one do not parse. */
static void feature_names_parse_back(void **state)
{
	char name[160], near[200];
	size_t n = quote_model_features(), got;
	for (size_t i = 0; i < n; i += 7) {
		feat_name(i, name, sizeof name);
		assert_true(feat_index(name, &got));
		assert_int_equal(got, i);
	}
	feat_name(n - 1, name, sizeof name);
	assert_true(feat_index(name, &got));
	assert_int_equal(got, n - 1);
	feat_name(FEAT_N + 5, name, sizeof name);   /* a language's block: "...@xx" */
	static const char *const tails[] = { "x", "@", "@zz", "~nospace", "~unseen", "&", "&kind=name" };
	for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
		snprintf(near, sizeof near, "%s%s", name, tails[t]);
		assert_false(feat_index(near, &got));
	}
	static const char *const odd[] = { "", "=", "&", "@en", "~nospace", "~unseen", "kind", "kind=", "=name", "KIND=name",
	                                   "kind=name&kind=name&kind=name&kind=name" };
	for (size_t t = 0; t < sizeof odd / sizeof *odd; t++)
		assert_false(feat_index(odd[t], &got));
}

static void bad_weights_files(void **state)
{
	static const char *const bad[] = { "kind=name\n", "kind=name\tx\n", "kind=name\t12x\n", "nothing=here\t3\n",
	                                   "kind=name\t99999999999\n" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char content[200];
		snprintf(content, sizeof content, "# first\n%s", bad[i]);
		char *path = write_file(content);
		quote_model *m = (quote_model *)1;
		size_t line = 0;
		assert_int_equal(quote_model_load(path, &m, &line), Q_ESYNTAX);
		assert_null(m);
		assert_int_equal(line, 2);
		unlink(path);
		free(path);
	}
	quote_model *m;
	size_t line;
	assert_int_equal(quote_model_load("/nonexistent/quoth.w", &m, &line), Q_ENOENT);
}

static void zero_weights_choose_nobody(void **state)
{
	quote_model *m = quote_model_new();
	assert_non_null(m);
	quotes_opts o;
	quotes_opts_init(&o);
	o.model = m;
	assert_null(speaker_with(&o));   /* every score 0: the first candidate, "no speaker", wins */
	quote_model_free(m);
}

/* A model fixed for the run (its weights combined once for every
 * language) names the speakers one combined each article names; a model
 * set after fixing is scored with its own weights, not the fixed ones. */
static void a_fixed_model_names_the_same_speakers(void **state)
{
	quotes_opts each, fixed;
	quotes_opts_init(&each);
	quotes_opts_init(&fixed);
	assert_int_equal(quotes_opts_fix_model(&fixed), 0);
	assert_non_null(fixed.combined);
	char *a = speaker_with(&each), *b = speaker_with(&fixed);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	quote_model *zero = quote_model_new();
	assert_non_null(zero);
	fixed.model = zero;
	assert_null(speaker_with(&fixed));   /* every score 0: "no speaker", as zero weights say */
	assert_int_equal(quotes_opts_fix_model(&fixed), 0);
	assert_null(speaker_with(&fixed));
	quotes_opts_free(&fixed);
	assert_null(fixed.combined);
	quotes_opts_free(&fixed);   /* twice is harmless */
	quote_model_free(zero);
}

typedef struct seen {
	size_t quotes, cands;
	bool berg;
} seen;

static size_t pick_berg(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	seen *s = ctx;
	size_t pick = 0;
	s->quotes++;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		size_t nf;
		assert_non_null(quote_cands_features(c, i, &nf));
		assert_true(nf > 0);
		const char *spk = quote_cands_speaker(c, i);
		if (spk && !strcmp(spk, "Anna Berg")) {
			s->berg = true;
			pick = i;
		}
		s->cands++;
	}
	assert_null(quote_cands_speaker(c, 0));   /* "no speaker" comes first */
	return pick;
}

static void a_chooser_sees_the_candidates(void **state)
{
	seen s = { 0 };
	quote_chooser ch = { pick_berg, &s };
	quotes_opts o;
	quotes_opts_init(&o);
	o.chooser = &ch;
	char *spk = speaker_with(&o);
	assert_int_equal(s.quotes, 1);
	assert_true(s.cands >= 2);
	assert_true(s.berg);
	assert_string_equal(spk, "Anna Berg");
	free(spk);
}

/* Reads art, which holds n quotes, in language lang (NULL: any), with
 * chooser ch. */
static void quotes_with(const char *name, const char *art, quote_chooser *ch, const char *lang, size_t n)
{
	quotes_opts o;
	quotes_opts_init(&o);
	o.chooser = ch;
	doc *d = NULL;
	assert_int_equal(doc_from_bytes(name, art, strlen(art), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, &o, &l), 0);
	if (lang)
		assert_string_equal(l.lang, lang);
	assert_int_equal(l.n, n);
	quote_list_free(&l);
	doc_free(d);
}

static void one_quote_with(const char *name, const char *art, quote_chooser *ch, const char *lang)
{
	quotes_with(name, art, ch, lang, 1);
}

/* ---- the atom PERSON: what the article shows of a name ---------------------------------------- */

typedef struct person_seen {
	bool speaker_spoke;     /* a candidate naming the one who spoke by a cue has person=spoke */
	bool brand_spoke;       /* a candidate naming the company has it too (it should not) */
	bool brand_none;        /* and one naming the company has person=none */
} person_seen;

/* Does candidate i have a feature whose name holds part? */
static bool has_feature(quote_cands *c, size_t i, const char *part)
{
	size_t nf;
	const uint32_t *f = quote_cands_features(c, i, &nf);
	char name[160];
	for (size_t k = 0; k < nf; k++) {
		quote_model_feature_name(f[k], name, sizeof name);
		if (strstr(name, part))
			return true;
	}
	return false;
}

static size_t look_at_persons(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	person_seen *s = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		bool spoke = has_feature(c, i, "person=spoke"), none = has_feature(c, i, "person=none");
		if (spk && !strcmp(spk, "Marta Olsen"))
			s->speaker_spoke |= spoke;
		if (spk && !strcmp(spk, "Bluewater Lines")) {
			s->brand_spoke |= spoke;
			s->brand_none |= none;
		}
	}
	return 0;
}

/* A name the article shows as a cue's subject is a person to a pronoun
 * and to a quote; a name it never shows speaking is not, however near. */
static void a_name_that_spoke_is_a_person(void **state)
{
	(void)state;
	static const char art[] = "Harbour news\n\nMarta Olsen said the new ferry would run in May. "
	                          "Bluewater Lines has ordered two boats for the route.\n\n"
	                          "\"We are ready for the summer,\" she said.\n";
	person_seen s = { 0 };
	quote_chooser ch = { look_at_persons, &s };
	one_quote_with("p.txt", art, &ch, "en");
	assert_true(s.speaker_spoke);
	assert_true(s.brand_none);
	assert_false(s.brand_spoke);
}

typedef struct placed_seen {
	bool town_placed;       /* a candidate naming the town only ever "in X" has person=placed */
	bool mayor_placed;      /* one naming the mayor, a subject, has it too (it should not) */
	bool town_seen;
} placed_seen;

static size_t look_at_places(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	placed_seen *s = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		bool placed = has_feature(c, i, "person=placed");
		if (spk && !strcmp(spk, "Eastbrook Vale")) {
			s->town_seen = true;
			s->town_placed |= placed;
		}
		if (spk && !strcmp(spk, "Tomas Lind"))
			s->mayor_placed |= placed;
	}
	return 0;
}

/* A name the article only ever puts after a preposition is a place, not
 * someone who speaks; a name that stands as a subject is not one. */
static void a_name_only_after_prepositions_is_placed(void **state)
{
	(void)state;
	static const char art[] = "Valley news\n\nIn Eastbrook Vale, the new school opens in May. "
	                          "Tomas Lind visited it on Friday.\n\n"
	                          "\"The children will love it,\" Tomas Lind said in Eastbrook Vale.\n";
	placed_seen s = { 0 };
	quote_chooser ch = { look_at_places, &s };
	one_quote_with("v.txt", art, &ch, "en");
	assert_false(s.mayor_placed);
	assert_true(s.town_seen);
	assert_true(s.town_placed);
}

/* ---- a quote told in reported speech ------------------------------------------------------------ */

typedef struct report_seen {
	size_t quotes, reported;   /* quotes seen, and those whose first candidate has a gated atom set */
} report_seen;

static size_t look_at_reported(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	report_seen *s = ctx;
	(void)d;
	(void)q;
	s->quotes++;
	s->reported += quote_cands_n(c) > 0 && has_feature(c, 0, "rkind=") && !has_feature(c, 0, "rkind=-");
	return 0;
}

/* A sentence in the subjunctive of reported speech without a cue ("Der
 * Plan sei „…“", "Ohne sie wäre die Stadt „…“", "Das sei klar: „…“"), and a quote that opens the sentence after one, go on
 * with what was said before: their candidates have the atoms of reported
 * speech (rkind...); a quote whose sentence has a cue has not, subjunctive
 * or not. */
static void de_reported_speech_without_a_cue(void **state)
{
	(void)state;
	static const char art[] = "Neue Brücke\n\nDie Ministerin Anna Berg sagte am Montag, der Bau werde im Mai beginnen. "
	                          "Ohne die Brücke wäre die Stadt „abgeschnitten von den Dörfern am Fluss“. "
	                          "Die Kosten seien hoch. „Wir zahlen das aber selbst.“ "
	                          "Die Regeln seien klar: „Jeder Ort zahlt seinen Teil.“\n\n"
	                          "Der Bürgermeister sagte, das Geld sei „noch nicht da, aber es wird kommen“.\n";
	report_seen s = { 0 };
	quote_chooser ch = { look_at_reported, &s };
	quotes_with("r.txt", art, &ch, "de", 4);
	assert_int_equal(s.quotes, 4);
	assert_int_equal(s.reported, 3);
}

/* ---- the centre: whom the sentences before a quote are about ------------------------------------- */

typedef struct center_seen {
	int mayor;              /* the candidate naming the mayor: 2 center=yes, 1 center=no, 0 not seen */
	int engineer;           /* the one naming the engineer she came with */
	char speaker[64];       /* the speaker chosen */
} center_seen;

static int center_of(quote_cands *c, size_t i)
{
	return has_feature(c, i, "center=yes") ? 2 : has_feature(c, i, "center=no") ? 1 : 0;
}

static size_t look_at_center(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	center_seen *s = ctx;
	(void)d;
	(void)q;
	size_t best = 0;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		if (spk && !strcmp(spk, "Marta Ib\xC3\xA1\xC3\xB1""ez") && !s->mayor)
			s->mayor = center_of(c, i);
		if (spk && !strcmp(spk, "Pablo Soto") && !s->engineer)
			s->engineer = center_of(c, i);
		if (quote_cands_score(c, i) > quote_cands_score(c, best))
			best = i;
	}
	const char *spk = quote_cands_speaker(c, best);
	snprintf(s->speaker, sizeof s->speaker, "%s", spk ? spk : "");
	return best;
}

/* A quote with no cue of its own goes on with whom the sentences before
 * it are about: the subject of the nearest one that has a person for its
 * subject (the one between has none: its verb's subject is dropped, as
 * Spanish does), not a person named beside her. */
static void the_centre_of_the_sentences_before(void **state)
{
	(void)state;
	static const char art[] = "Obras en el puerto\n\n"
	                          "La alcaldesa Marta Ib\xC3\xA1\xC3\xB1""ez salud\xC3\xB3 ayer a Pablo Soto en las obras "
	                          "del puerto. Despu\xC3\xA9s habl\xC3\xB3 con los vecinos de Villamar.\n\n"
	                          "\"El muelle estar\xC3\xA1 listo en primavera y el paseo en verano.\"\n";
	center_seen s = { 0 };
	quote_chooser ch = { look_at_center, &s };
	one_quote_with("c.txt", art, &ch, "es");
	assert_int_equal(s.mayor, 2);
	assert_int_equal(s.engineer, 1);
	assert_string_equal(s.speaker, "Marta Ib\xC3\xA1\xC3\xB1""ez");
}

static size_t look_at_top_center(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	int *top_center = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++)
		if (has_feature(c, i, "kind=top&"))
			*top_center = center_of(c, i);
	return 0;
}

/* The centre is looked for a few sentences back, not through all of a
 * paragraph that never ends (each quote would read it again). */
static void the_centre_is_near(void **state)
{
	(void)state;
	char art[4096];
	for (int fill = 3; fill <= 30; fill += 27) {
		int n = snprintf(art, sizeof art, "Marta Ib\xC3\xA1\xC3\xB1""ez en el puerto\n\n"
		                 "La alcaldesa Marta Ib\xC3\xA1\xC3\xB1""ez visit\xC3\xB3 ayer el puerto.");
		for (int k = 0; k < fill; k++)
			n += snprintf(art + n, sizeof art - (size_t)n, " El agua subi\xC3\xB3 un poco m\xC3\xA1s.");
		snprintf(art + n, sizeof art - (size_t)n, " \"El muelle estar\xC3\xA1 listo en primavera.\"\n");
		int top_center = -1;
		quote_chooser ch = { look_at_top_center, &top_center };
		one_quote_with("n.txt", art, &ch, "es");
		assert_int_equal(top_center, fill < 14 ? 2 : 0);
	}
}

/* ---- the sentence's subject past a phrase a preposition opens ------------------------------------- */

typedef struct subj_seen {
	bool speaker_start;     /* the name after the phrase and its comma opens its sentence (subj=start) */
} subj_seen;

static size_t look_at_subject(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	subj_seen *s = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		if (spk && !strcmp(spk, "Lucía Ferrer"))
			s->speaker_start |= has_feature(c, i, "subj=start");
	}
	return 0;
}

/* A name a preposition governs ("en X") does not stand in the way of the
 * sentence's subject: the first mention no preposition governs is it, and
 * one right after the phrase's comma opens the sentence as the subject of
 * "X dijo" does. */
static void the_subject_after_a_prepositional_phrase(void **state)
{
	(void)state;
	static const char art[] = "Noticias\n\nEl alcalde habló ayer con los vecinos del barrio.\n\n"
	                          "Mientras tanto, en Valdemora, Lucía Ferrer pidió "
	                          "\"un puente nuevo que una las dos orillas del río\".\n";
	subj_seen s = { 0 };
	quote_chooser ch = { look_at_subject, &s };
	one_quote_with("s.txt", art, &ch, "es");
	assert_true(s.speaker_start);
}

/* ---- the words right before a colon that opens a quote ---------------------------------------- */

typedef struct colon_seen {
	bool colon;             /* the name before the colon stands to it as cue (cuerel=colon) */
} colon_seen;

static size_t look_at_colon(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	colon_seen *s = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		if (spk && !strcmp(spk, "Carlo Bessi"))
			s->colon |= has_feature(c, i, "cuerel=colon&");
	}
	return 0;
}

/* A name in apposition right before the colon that opens a quote is its
 * source though it is not the sentence's subject ("the comment of the
 * chairman, X: ..."). */
static void a_name_right_before_the_colon(void **state)
{
	(void)state;
	static const char art[] = "Notizie\n\nBreve il commento del presidente della provincia, Carlo Bessi: "
	                          "\"per fortuna la città ha un sindaco che ascolta\".\n";
	colon_seen s = { 0 };
	quote_chooser ch = { look_at_colon, &s };
	one_quote_with("c.txt", art, &ch, "it");
	assert_true(s.colon);
}

/* ---- a quote that answers a question ------------------------------------------------------------ */

typedef struct ask_seen {
	size_t quotes, asked;   /* quotes seen, and those whose candidates have qask=yes */
} ask_seen;

static size_t look_at_asked(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	ask_seen *s = ctx;
	(void)d;
	(void)q;
	s->quotes++;
	s->asked += quote_cands_n(c) > 0 && has_feature(c, 0, "qask=yes");
	return 0;
}

/* An interview's answer follows its question: the quote right after a
 * question mark is marked (qask=yes), the one after a statement is not. */
static void a_quote_after_a_question(void **state)
{
	(void)state;
	static const char art[] = "Intervista\n\nIl ministro Carlo Bessi ha parlato dei conti. Ministro, le tasse saliranno?\n\n"
	                          "\"non lo credo, ma vedremo i conti alla fine del mese\".\n\nBessi ha poi lasciato la sala.\n\n"
	                          "\"abbiamo fatto tutto il possibile per la città\", ha detto il sindaco.\n";
	ask_seen s = { 0 };
	quote_chooser ch = { look_at_asked, &s };
	quotes_with("q.txt", art, &ch, NULL, 2);
	assert_int_equal(s.quotes, 2);
	assert_int_equal(s.asked, 1);
}

/* ---- a question asked since the quote before ---------------------------------------------------- */

typedef struct asked_since_seen {
	size_t quotes;
	bool marked[4];         /* of each quote: its candidates have qasked=yes */
} asked_since_seen;

static size_t look_at_asked_since(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	asked_since_seen *s = ctx;
	(void)d;
	(void)q;
	if (s->quotes < 4)
		s->marked[s->quotes] = quote_cands_n(c) > 0 && has_feature(c, 0, "qasked=yes");
	s->quotes++;
	return 0;
}

/* An interview: after an answer the interviewer asks again, and may go
 * on with a statement before the next answer. The quote after such a
 * question is marked (qasked=yes), though no question ends right before
 * it; the first quote (none before it) and one after plain statements
 * are not. */
static void a_question_since_the_quote_before(void **state)
{
	(void)state;
	static const char art[] = "Intervista\n\nIl ministro Carlo Bessi ha parlato dei conti.\n\n"
	                          "\"i conti sono in ordine e lo saranno anche l'anno prossimo\".\n\n"
	                          "Le tasse saliranno? Molti lo temono.\n\n"
	                          "\"non lo credo, ma vedremo i conti alla fine del mese\".\n\n"
	                          "Il ministro ha poi lasciato la sala.\n\n"
	                          "\"abbiamo fatto tutto il possibile per la citt\xC3\xA0\".\n";
	asked_since_seen s = { 0 };
	quote_chooser ch = { look_at_asked_since, &s };
	quotes_with("a.txt", art, &ch, NULL, 3);
	assert_int_equal(s.quotes, 3);
	assert_false(s.marked[0]);
	assert_true(s.marked[1]);
	assert_false(s.marked[2]);
}

/* ---- the article's most named person: a candidate of every quote ---------------------------------- */

typedef struct top_seen {
	size_t tops;            /* candidates of kind top */
	const char *who;        /* what the last of them names */
	char name[64];
} top_seen;

static size_t look_for_top(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	top_seen *s = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		if (!has_feature(c, i, "kind=top&"))
			continue;
		s->tops++;
		const char *spk = quote_cands_speaker(c, i);
		snprintf(s->name, sizeof s->name, "%s", spk ? spk : "");
		s->who = s->name;
	}
	return 0;
}

/* A quote paragraph far from every name (an interview's answers) has the
 * person the article names most among its candidates, in full. */
static void the_most_named_person_is_a_candidate(void **state)
{
	(void)state;
	static const char art[] = "Sports news\n\nThe skier Nora Vik won the race on Sunday. Vik said the snow was hard. "
	                          "Her coach praised Vik.\n\nThe next race is in March.\n\nTickets are sold out.\n\n"
	                          "The town expects many visitors.\n\n\"I will rest for a month and then train again.\"\n";
	top_seen s = { 0 };
	quote_chooser ch = { look_for_top, &s };
	one_quote_with("top.txt", art, &ch, "en");
	assert_int_equal(s.tops, 1);
	assert_string_equal(s.who, "Nora Vik");
}

/* No name is named twice: no such candidate. */
static void no_most_named_person_no_candidate(void **state)
{
	(void)state;
	static const char art[] = "Sports news\n\nThe skier Nora Vik won the race on Sunday.\n\n"
	                          "\"I will rest for a month and then train again,\" said the coach.\n";
	top_seen s = { 0 };
	quote_chooser ch = { look_for_top, &s };
	one_quote_with("notop.txt", art, &ch, "en");
	assert_int_equal(s.tops, 0);
}

/* ---- Chinese candidates: the subject next to a cue pattern ---------------------------------------- */

typedef struct wanted {
	const char *who;        /* a candidate's speaker must contain it (NULL: no candidate but "no speaker") */
	bool found;
	size_t named;           /* candidates that name someone */
} wanted;

static size_t look_for(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	wanted *w = ctx;
	(void)d;
	(void)q;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		const char *spk = quote_cands_speaker(c, i);
		if (!spk)
			continue;
		w->named++;
		if (w->who && strstr(spk, w->who))
			w->found = true;
	}
	return 0;
}

/* The one quote of the Chinese article body has a candidate naming who. */
static void zh_candidate(const char *body, const char *who)
{
	char art[512];
	snprintf(art, sizeof art, "\xE8\xAE\xBA\xE5\x9D\x9B\n\n%s\n", body);   /* a headline, then body */
	wanted w = { who, false, 0 };
	quote_chooser ch = { look_for, &w };
	one_quote_with("zh.txt", art, &ch, "zh");
	if (who)
		assert_true(w.found);
	else
		assert_int_equal(w.named, 0);
}

static void zh_candidates_around_glosses_and_latin_names(void **state)
{
	(void)state;
	/* 会上，工程师李华（Li Hua）女士补充道：“我们需要更多的储能设施来保证供电。” */
	zh_candidate("\xE4\xBC\x9A\xE4\xB8\x8A\xEF\xBC\x8C\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88"
	             "\xE6\x9D\x8E\xE5\x8D\x8E\xEF\xBC\x88Li Hua\xEF\xBC\x89\xE5\xA5\xB3\xE5\xA3\xAB"
	             "\xE8\xA1\xA5\xE5\x85\x85\xE9\x81\x93\xEF\xBC\x9A\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC"
	             "\xE9\x9C\x80\xE8\xA6\x81\xE6\x9B\xB4\xE5\xA4\x9A\xE7\x9A\x84\xE5\x82\xA8\xE8\x83\xBD"
	             "\xE8\xAE\xBE\xE6\x96\xBD\xE6\x9D\xA5\xE4\xBF\x9D\xE8\xAF\x81\xE4\xBE\x9B\xE7\x94\xB5"
	             "\xE3\x80\x82\xE2\x80\x9D",
	             "\xE6\x9D\x8E\xE5\x8D\x8E");
	/* “新的电网计划会在明年完成，预算已经批准。”，项目经理Anna Berg在会议上解释说。 */
	zh_candidate("\xE2\x80\x9C\xE6\x96\xB0\xE7\x9A\x84\xE7\x94\xB5\xE7\xBD\x91\xE8\xAE\xA1\xE5\x88\x92"
	             "\xE4\xBC\x9A\xE5\x9C\xA8\xE6\x98\x8E\xE5\xB9\xB4\xE5\xAE\x8C\xE6\x88\x90\xEF\xBC\x8C"
	             "\xE9\xA2\x84\xE7\xAE\x97\xE5\xB7\xB2\xE7\xBB\x8F\xE6\x89\xB9\xE5\x87\x86\xE3\x80\x82"
	             "\xE2\x80\x9D\xEF\xBC\x8C\xE9\xA1\xB9\xE7\x9B\xAE\xE7\xBB\x8F\xE7\x90\x86" "Anna Berg"
	             "\xE5\x9C\xA8\xE4\xBC\x9A\xE8\xAE\xAE\xE4\xB8\x8A\xE8\xA7\xA3\xE9\x87\x8A\xE8\xAF\xB4"
	             "\xE3\x80\x82",
	             "Anna Berg");
	/* “新的电网计划会在明年完成，预算已经批准。”，这个消息也让很多居民感到意外。 (no cue: nobody) */
	zh_candidate("\xE2\x80\x9C\xE6\x96\xB0\xE7\x9A\x84\xE7\x94\xB5\xE7\xBD\x91\xE8\xAE\xA1\xE5\x88\x92"
	             "\xE4\xBC\x9A\xE5\x9C\xA8\xE6\x98\x8E\xE5\xB9\xB4\xE5\xAE\x8C\xE6\x88\x90\xEF\xBC\x8C"
	             "\xE9\xA2\x84\xE7\xAE\x97\xE5\xB7\xB2\xE7\xBB\x8F\xE6\x89\xB9\xE5\x87\x86\xE3\x80\x82"
	             "\xE2\x80\x9D\xEF\xBC\x8C\xE8\xBF\x99\xE4\xB8\xAA\xE6\xB6\x88\xE6\x81\xAF\xE4\xB9\x9F"
	             "\xE8\xAE\xA9\xE5\xBE\x88\xE5\xA4\x9A\xE5\xB1\x85\xE6\xB0\x91\xE6\x84\x9F\xE5\x88\xB0"
	             "\xE6\x84\x8F\xE5\xA4\x96\xE3\x80\x82",
	             NULL);
}

/* According to X (据X所述，…“…”): X, after the [accord] word; 据说 ("it is
 * said") names no one. */
static void zh_according_to(void **state)
{
	(void)state;
	/* 据市政府所述，周二“一群工人来到工厂以后发生了争吵”。 */
	zh_candidate("\xE6\x8D\xAE\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C\xE6\x89\x80\xE8\xBF\xB0\xEF\xBC\x8C"
	             "\xE5\x91\xA8\xE4\xBA\x8C\xE2\x80\x9C\xE4\xB8\x80\xE7\xBE\xA4\xE5\xB7\xA5\xE4\xBA\xBA"
	             "\xE6\x9D\xA5\xE5\x88\xB0\xE5\xB7\xA5\xE5\x8E\x82\xE4\xBB\xA5\xE5\x90\x8E\xE5\x8F\x91"
	             "\xE7\x94\x9F\xE4\xBA\x86\xE4\xBA\x89\xE5\x90\xB5\xE2\x80\x9D\xE3\x80\x82",
	             "\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C");
	/* “新的计划对大家都很好，我们会继续做下去。”据说他对结果很满意。 */
	zh_candidate("\xE2\x80\x9C\xE6\x96\xB0\xE7\x9A\x84\xE8\xAE\xA1\xE5\x88\x92\xE5\xAF\xB9\xE5\xA4\xA7"
	             "\xE5\xAE\xB6\xE9\x83\xBD\xE5\xBE\x88\xE5\xA5\xBD\xEF\xBC\x8C\xE6\x88\x91\xE4\xBB\xAC"
	             "\xE4\xBC\x9A\xE7\xBB\xA7\xE7\xBB\xAD\xE5\x81\x9A\xE4\xB8\x8B\xE5\x8E\xBB\xE3\x80\x82"
	             "\xE2\x80\x9D\xE6\x8D\xAE\xE8\xAF\xB4\xE4\xBB\x96\xE5\xAF\xB9\xE7\xBB\x93\xE6\x9E\x9C"
	             "\xE5\xBE\x88\xE6\xBB\xA1\xE6\x84\x8F\xE3\x80\x82",
	             NULL);
}

/* The one quote of the Japanese article body has a candidate naming who. */
static void ja_candidate(const char *body, const char *who)
{
	char art[512];
	snprintf(art, sizeof art, "%s\n\n%s\n", "\xE3\x83\x8B\xE3\x83\xA5\xE3\x83\xBC\xE3\x82\xB9", body);   /* a headline, then body */
	wanted w = { who, false, 0 };
	quote_chooser ch = { look_for, &w };
	one_quote_with("ja.txt", art, &ch, "ja");
	assert_true(w.found);
}

/* Candidates where the cue pattern is not right before the quote: a cue
 * inside the head, a colon, a pronoun, the most named person, according to. */
static void cjk_candidates_beyond_the_adjacent_cue(void **state)
{
	(void)state;
	/* the subject before a cue inside the head: X told Y: "…": 李华告诉记者：“我们明天开会。” */
	zh_candidate("\xE6\x9D\x8E\xE5\x8D\x8E\xE5\x91\x8A\xE8\xAF\x89\xE8\xAE\xB0\xE8\x80\x85\xEF\xBC\x9A"
	             "\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\x8E\xE5\xA4\xA9\xE5\xBC\x80\xE4\xBC\x9A"
	             "\xE3\x80\x82\xE2\x80\x9D",
	             "\xE6\x9D\x8E\xE5\x8D\x8E");
	/* a sentence that ends with a colon, its verb no cue: the name it opens with: 约翰·史密斯确信：“我们明天会赢。” */
	zh_candidate("\xE7\xBA\xA6\xE7\xBF\xB0\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF\xE7\xA1\xAE\xE4"
	             "\xBF\xA1\xEF\xBC\x9A\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\x8E\xE5\xA4\xA9\xE4"
	             "\xBC\x9A\xE8\xB5\xA2\xE3\x80\x82\xE2\x80\x9D",
	             "\xE7\xBA\xA6\xE7\xBF\xB0\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF");
	/* a pronoun subject: the last transcribed name before it: 玛丽·琼斯住在伦敦。“我喜欢这里的天气。”她说。 */
	zh_candidate("\xE7\x8E\x9B\xE4\xB8\xBD\xC2\xB7\xE7\x90\xBC\xE6\x96\xAF\xE4\xBD\x8F\xE5\x9C\xA8\xE4"
	             "\xBC\xA6\xE6\x95\xA6\xE3\x80\x82\xE2\x80\x9C\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE8"
	             "\xBF\x99\xE9\x87\x8C\xE7\x9A\x84\xE5\xA4\xA9\xE6\xB0\x94\xE3\x80\x82\xE2\x80\x9D\xE5"
	             "\xA5\xB9\xE8\xAF\xB4\xE3\x80\x82",
	             "\xE7\x8E\x9B\xE4\xB8\xBD\xC2\xB7\xE7\x90\xBC\xE6\x96\xAF");
	/* no cue: the person the article names most (twice, the second time by the last part): 大卫·史密斯是工程师。史密斯去年搬到上海。“我喜欢这里的天气和朋友们。” */
	zh_candidate("\xE5\xA4\xA7\xE5\x8D\xAB\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF\xE6\x98\xAF\xE5"
	             "\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88\xE3\x80\x82\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF\xE5"
	             "\x8E\xBB\xE5\xB9\xB4\xE6\x90\xAC\xE5\x88\xB0\xE4\xB8\x8A\xE6\xB5\xB7\xE3\x80\x82\xE2"
	             "\x80\x9C\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE8\xBF\x99\xE9\x87\x8C\xE7\x9A\x84\xE5"
	             "\xA4\xA9\xE6\xB0\x94\xE5\x92\x8C\xE6\x9C\x8B\xE5\x8F\x8B\xE4\xBB\xAC\xE3\x80\x82\xE2"
	             "\x80\x9D",
	             "\xE5\xA4\xA7\xE5\x8D\xAB\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF");
	/* according to X: によれば before the quote: 警察によれば、「大きな事故が起きて多くの人がけがをした」。 */
	ja_candidate("\xE8\xAD\xA6\xE5\xAF\x9F\xE3\x81\xAB\xE3\x82\x88\xE3\x82\x8C\xE3\x81\xB0\xE3\x80"
	             "\x81\xE3\x80\x8C\xE5\xA4\xA7\xE3\x81\x8D\xE3\x81\xAA\xE4\xBA\x8B\xE6\x95\x85\xE3"
	             "\x81\x8C\xE8\xB5\xB7\xE3\x81\x8D\xE3\x81\xA6\xE5\xA4\x9A\xE3\x81\x8F\xE3\x81\xAE"
	             "\xE4\xBA\xBA\xE3\x81\x8C\xE3\x81\x91\xE3\x81\x8C\xE3\x82\x92\xE3\x81\x97\xE3\x81"
	             "\x9F\xE3\x80\x8D\xE3\x80\x82",
	             "\xE8\xAD\xA6\xE5\xAF\x9F");
	/* a pronoun topic after the quote: the last transcribed name: ジョン・スミスは東京に住んでいる。「ここが本当に好きだ」と、彼は言った。 */
	ja_candidate("\xE3\x82\xB8\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xBB\xE3\x82\xB9\xE3\x83\x9F\xE3\x82\xB9"
	             "\xE3\x81\xAF\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAB\xE4\xBD\x8F\xE3\x82\x93\xE3\x81\xA7"
	             "\xE3\x81\x84\xE3\x82\x8B\xE3\x80\x82\xE3\x80\x8C\xE3\x81\x93\xE3\x81\x93\xE3\x81\x8C"
	             "\xE6\x9C\xAC\xE5\xBD\x93\xE3\x81\xAB\xE5\xA5\xBD\xE3\x81\x8D\xE3\x81\xA0\xE3\x80\x8D"
	             "\xE3\x81\xA8\xE3\x80\x81\xE5\xBD\xBC\xE3\x81\xAF\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F"
	             "\xE3\x80\x82",
	             "\xE3\x82\xB8\xE3\x83\xA7\xE3\x83\xB3\xE3\x83\xBB\xE3\x82\xB9\xE3\x83\x9F\xE3\x82\xB9");
}

/* A pronoun does not stand for a name of the headline (speech.c holds the
 * same for every language): with no transcribed name before it in the
 * body, it stands for no one. The headline: 约翰·史密斯访问上海; the body:
 * 他说：“我们明年还要再来。”这是玛丽·琼斯。我也认识玛丽·琼斯。 (the most named
 * person is the body's, not the headline's) */
static void cjk_pronoun_not_the_headline_name(void **state)
{
	(void)state;
	const char *art = "\xE7\xBA\xA6\xE7\xBF\xB0\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF\xE8\xAE\xBF\xE9\x97\xAE\xE4\xB8\x8A\xE6\xB5\xB7\n\n"
	                  "\xE4\xBB\x96\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\x8E\xE5\xB9\xB4"
	                  "\xE8\xBF\x98\xE8\xA6\x81\xE5\x86\x8D\xE6\x9D\xA5\xE3\x80\x82\xE2\x80\x9D\xE8\xBF\x99\xE6\x98\xAF"
	                  "\xE7\x8E\x9B\xE4\xB8\xBD\xC2\xB7\xE7\x90\xBC\xE6\x96\xAF\xE3\x80\x82\xE6\x88\x91\xE4\xB9\x9F\xE8"
	                  "\xAE\xA4\xE8\xAF\x86\xE7\x8E\x9B\xE4\xB8\xBD\xC2\xB7\xE7\x90\xBC\xE6\x96\xAF\xE3\x80\x82\n";
	wanted w = { "\xE7\xBA\xA6\xE7\xBF\xB0\xC2\xB7\xE5\x8F\xB2\xE5\xAF\x86\xE6\x96\xAF", false, 0 };
	quote_chooser ch = { look_for, &w };
	one_quote_with("zh.txt", art, &ch, "zh");
	assert_false(w.found);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiled_in_weights_fit),
		cmocka_unit_test(feature_names_are_unique),
		cmocka_unit_test(an_untaught_language_reads_the_unseen_block),
		cmocka_unit_test(weights_file_loads),
		cmocka_unit_test(feature_names_parse_back),
		cmocka_unit_test(bad_weights_files),
		cmocka_unit_test(zero_weights_choose_nobody),
		cmocka_unit_test(a_fixed_model_names_the_same_speakers),
		cmocka_unit_test(a_chooser_sees_the_candidates),
		cmocka_unit_test(a_name_that_spoke_is_a_person),
		cmocka_unit_test(a_name_only_after_prepositions_is_placed),
		cmocka_unit_test(a_name_right_before_the_colon),
		cmocka_unit_test(a_quote_after_a_question),
		cmocka_unit_test(a_question_since_the_quote_before),
		cmocka_unit_test(de_reported_speech_without_a_cue),
		cmocka_unit_test(the_most_named_person_is_a_candidate),
		cmocka_unit_test(no_most_named_person_no_candidate),
		cmocka_unit_test(zh_candidates_around_glosses_and_latin_names),
		cmocka_unit_test(zh_according_to),
		cmocka_unit_test(cjk_candidates_beyond_the_adjacent_cue),
		cmocka_unit_test(cjk_pronoun_not_the_headline_name),
		cmocka_unit_test(the_subject_after_a_prepositional_phrase),
		cmocka_unit_test(the_centre_of_the_sentences_before),
		cmocka_unit_test(the_centre_is_near),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
