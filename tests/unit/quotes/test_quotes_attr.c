/* Attribution: cue verbs and patterns per language, pronouns, fullest
 * names, continuation; and the fixtures of tests/fixtures/quotes (each
 * NAME.txt with NAME.expect: "lang<TAB>xx", then "text<TAB>speaker" a line,
 * "-" for no speaker). The speakers come from a learned model: the tests
 * above must hold each, the fixtures' quotes must all be found, and their
 * speakers right for FIXTURE_SPEAKERS of them (each miss is printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "doc.h"
#include "quotes.h"
#include "fixtures.h"
#include "fixtures.h"

#define FIXTURES "tests/fixtures/quotes"
/* The share of the fixtures' speakers that must be right: a little below
 * what the shipped model gets (108 of 126; make eval tells how it does on
 * articles it never saw, the figure that counts). */
#define FIXTURE_SPEAKERS 0.82

/* "text => speaker" for each quote of text, joined with " | ". */
static char *attributions(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	size_t cap = 64, n = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < l.n; i++) {
		char *s = quote_text(d, &l.v[i]);
		const char *spk = l.v[i].speaker ? l.v[i].speaker : "-";
		size_t need = n + strlen(s) + strlen(spk) + 12;
		if (need > cap) {
			char *w = realloc(out, cap = need * 2);
			assert_non_null(w);
			out = w;
		}
		n += (size_t)sprintf(out + n, "%s%s => %s", i ? " | " : "", s, spk);
		free(s);
	}
	quote_list_free(&l);
	doc_free(d);
	return out;
}

#define EXPECT(text, want)                          \
	do {                                            \
		char *got_ = attributions(text);            \
		assert_string_equal(got_, want);            \
		free(got_);                                 \
	} while (0)

/* ---- English patterns ---------------------------------------------------------- */

static void en_quote_comma_name_said(void **state)
{
	EXPECT("Council news\n\n\"We will build the bridge next year,\" Mayor Anna Berg said on Monday.\n",
	       "We will build the bridge next year, => Anna Berg");
}

/* The trainer's lexicon dropout (quotes_opts.lex_drop): at 0 the lists
 * are read whole, as without the option; with every word dropped the cue
 * is an unlisted word, and the quote has none. */
static void lexicon_dropout_unlists_the_cue(void **state)
{
	const char *text = "Council news\n\n\"It is a fair deal for everyone,\" said Tom Olsen, the finance chief.\n";
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quotes_opts o;
	quotes_opts_init(&o);
	o.lex_drop_seed = 5;
	quote_list whole, none;
	assert_int_equal(quotes_find(d, &o, &whole), 0);
	o.lex_drop = UINT32_MAX;
	assert_int_equal(quotes_find(d, &o, &none), 0);
	assert_int_equal(whole.n, 1);
	assert_int_equal(none.n, 1);
	assert_string_equal(whole.v[0].cue, "said");
	assert_string_equal(whole.v[0].speaker, "Tom Olsen");
	assert_null(none.v[0].cue);
	quote_list_free(&whole);
	quote_list_free(&none);
	doc_free(d);
}

static void en_quote_said_name(void **state)
{
	EXPECT("Council news\n\n\"It is a fair deal for everyone,\" said Tom Olsen, the finance chief.\n",
	       "It is a fair deal for everyone, => Tom Olsen");
}

/* a role word the lexicon knows joins the adjective before it to the name
 * after it: without it, "Republican" alone stood next to the cue */
static void en_said_party_pollster_name(void **state)
{
	EXPECT("Council news\n\n\"Nobody here wants a fight over the budget,\" said Republican pollster Tom Verlaine. "
	       "\"The voters want the roads fixed before winter.\"\n",
	       "Nobody here wants a fight over the budget, => Tom Verlaine | "
	       "The voters want the roads fixed before winter. => Tom Verlaine");
}

/* a title at the end of a long run of capitals: the name after it stays
 * in the run, not cut off at its sixth word */
static void en_said_long_title_run_name(void **state)
{
	EXPECT("Council news\n\n\"We will knock on every door in the county this fall,\" said Lake County Democratic Party "
	       "Chairwoman Ruth Pemberton.\n",
	       "We will knock on every door in the county this fall, => Ruth Pemberton");
}

static void en_name_said_colon(void **state)
{
	EXPECT("Council news\n\nTom Olsen said: \"We did our homework and the numbers add up.\"\n",
	       "We did our homework and the numbers add up. => Tom Olsen");
}

static void en_said_that_partial(void **state)
{
	EXPECT("Council news\n\nAnna Berg said that the plan was \"the best use of public money\" in years.\n",
	       "the best use of public money => Anna Berg");
}

static void en_according_to(void **state)
{
	EXPECT("Council news\n\nAccording to Tom Olsen, the council \"looked at every single line twice\".\n",
	       "looked at every single line twice => Tom Olsen");
}

static void en_pronoun_and_fullest(void **state)
{
	EXPECT("Council news\n\nMayor Anna Berg opened the meeting on Monday.\n\n\"We are ready for the vote,\" she said.\n\n"
	       "\"The bridge comes first,\" Berg added.\n",
	       "We are ready for the vote, => Anna Berg | The bridge comes first, => Anna Berg");
}

/* a headline that ends with a capitalised word does not hide the first name of the body */
static void en_fullest_after_headline(void **state)
{
	EXPECT("Council Vote\n\nMayor Anna Berg opened the meeting on Monday.\n\n"
	       "\"The bridge comes first and the rest can wait,\" Berg said.\n",
	       "The bridge comes first and the rest can wait, => Anna Berg");
}

static void en_pronoun_gender(void **state)
{
	EXPECT("Council news\n\nMr Tom Olsen spoke first and then Mrs Anna Berg met Mr Olsen in the hall.\n\n"
	       "\"It went well,\" he said.\n",
	       "It went well, => Tom Olsen");
}

static void en_descriptive_speaker(void **state)
{
	EXPECT("Council news\n\n\"It is a waste of money,\" a local business owner told reporters.\n",
	       "It is a waste of money, => a local business owner");
}

/* A description keeps what says whose it is or where ("for the city
 * council", "in Leeds"), not a time after it. */
static void en_description_complement(void **state)
{
	EXPECT("Storm news\n\n\"We are ready,\" said a spokesman for the city council in Leeds.\n",
	       "We are ready, => a spokesman for the city council in Leeds");
	EXPECT("Storm news\n\n\"We are ready,\" a spokesman for the council said on Tuesday.\n",
	       "We are ready, => a spokesman for the council");
}

/* An abbreviated title with its period stays with the name it opens: the
 * period ends no sentence and the title is no speaker of its own. */
static void en_abbreviated_honorific(void **state)
{
	EXPECT("Church news\n\n\"It is done,\" said Rev. Anna Holt.\n", "It is done, => Rev. Anna Holt");
	EXPECT("Church news\n\n\"It is done,\" Rev. Anna Holt said on Sunday.\n", "It is done, => Rev. Anna Holt");
}

/* A kicker or headline set in capitals is no one's name: the quote under
 * it has no speaker rather than the headline. */
static void en_capitals_are_no_name(void **state)
{
	EXPECT("Farm report\n\nRIVER LEVELS RISING\n\n\"We expect the water to reach the old bridge tonight.\"\n\n"
	       "The council met on Monday.\n",
	       "We expect the water to reach the old bridge tonight. => -");
	EXPECT("Farm report\n\nTOWN HALL DEBATE: \"We will pay the subsidy in full this year,\" Anna Berg said.\n",
	       "We will pay the subsidy in full this year, => Anna Berg");
}

/* a subject before the cue makes the name after it the cue's object: the
 * place after the verb holds the subject only when the one before is empty */
static void de_subject_cue_object_als(void **state)
{
	EXPECT("Der Stadtrat\n\nDie Bürgermeisterin Anna Berg würdigte Karl Vogt als "
	       "„einen Mann, der nie aufgibt und immer hilft“.\n",
	       "einen Mann, der nie aufgibt und immer hilft => Anna Berg");
}

static void de_description_complement(void **state)
{
	EXPECT("Sturm\n\n„Der Einsatz war schwer“, sagte der Einsatzleiter der Feuerwehr in Musterstadt.\n",
	       "Der Einsatz war schwer => der Einsatzleiter der Feuerwehr in Musterstadt");
	EXPECT("Sturm\n\n„Wir kommen wieder“, sagte die Leiterin der Beratungsstelle für Verbraucherschutz am Montag.\n",
	       "Wir kommen wieder => die Leiterin der Beratungsstelle für Verbraucherschutz");
}

static void en_apposition_subject(void **state)
{
	EXPECT("Council news\n\nTom Olsen, the council's finance chief since 2019, said the budget was \"balanced and fair "
	       "to all\".\n",
	       "balanced and fair to all => Tom Olsen");
}

/* The one who speaks by a cue stays a candidate when more than the few
 * nearest mentions stand between the cue and the quote. */
static void en_speaker_past_many_mentions(void **state)
{
	EXPECT("Council news\n\nSenator Jane Holt said on Tuesday in Boston after a meeting with the mayor, the governor, "
	       "the treasurer of the county and the chairman of the school board that the plan was \"a waste of the "
	       "county's money\".\n",
	       "a waste of the county's money => Jane Holt");
}

/* The same when the quote stands in the next sentence: the one who spoke
 * in the sentence before stays a candidate past the names between. */
static void en_speaker_in_sentence_before(void **state)
{
	EXPECT("Council news\n\nMayor Anna Berg said on Monday in Springfield after talks with Tom Olsen, Jim Park, "
	       "Lisa Wong, Bob Stone and Carl Diaz that the bridge would open in May. \"We will build it next year, "
	       "whatever the cost.\"\n",
	       "We will build it next year, whatever the cost. => Anna Berg");
}

static void en_continuation_paragraph(void **state)
{
	EXPECT("Council news\n\n\"We will build the bridge,\" said Anna Berg.\n\n\"And we will build it on time.\"\n",
	       "We will build the bridge, => Anna Berg | And we will build it on time. => Anna Berg");
}

static void en_unknown_speaker(void **state)
{
	EXPECT("Council news\n\nIt was \"closed for the whole summer\" when we came.\n",
	       "closed for the whole summer => -");
}

static void en_interrupted(void **state)
{
	EXPECT("Council news\n\nAnna Berg spoke first. \"The harbour needs work,\" she said, \"but not at any price.\"\n",
	       "The harbour needs work, => Anna Berg | but not at any price. => Anna Berg");
}

/* A part of a quote cut at its attribution is speech however short: its
 * first word is no name for the part after the cue. */
static void it_inner_dash_short_part(void **state)
{
	EXPECT("Notizie\n\nMario Rossi ha parlato a lungo.\n\n\"Siamo pronti - ammette - a discutere.\"\n",
	       "Siamo pronti => Mario Rossi | a discutere. => Mario Rossi");
}

/* ---- other languages ------------------------------------------------------------- */

static void da_inverted(void **state)
{
	EXPECT("Nyheder fra byen\n\n\xC2\xBBVi er klar til at tage ansvar,\xC2\xAB siger borgmester Mette Hansen.\n",
	       "Vi er klar til at tage ansvar, => Mette Hansen");
}

static void da_dash_pronoun(void **state)
{
	EXPECT("Nyheder fra byen\n\nBorgmester Mette Hansen holdt tale i aftes.\n\n"
	       "\xE2\x80\x93 Det er en historisk dag for byen, siger hun.\n",
	       "Det er en historisk dag for byen, => Mette Hansen");
}

static void da_lyder_det_fra(void **state)
{
	EXPECT("Nyheder fra byen\n\n\"Vi er klar til at styrke samarbejdet,\" lyder det fra Kinas pr\xC3\xA6sident.\n",
	       "Vi er klar til at styrke samarbejdet, => Kinas pr\xC3\xA6sident");
}

static void no_dash_and_guillemets(void **state)
{
	EXPECT("Nytt fra laget\n\n\xE2\x80\x93 Vi har gjort en god jobb i \xC3\xA5r, sier trener Ole Hansen.\n\n"
	       "\xC2\xAB" "Laget er sterkere enn noen gang,\xC2\xBB sa kaptein Kari Lund.\n",
	       "Vi har gjort en god jobb i \xC3\xA5r, => Ole Hansen | Laget er sterkere enn noen gang, => Kari Lund");
}

static void sv_same_mark_and_enligt(void **state)
{
	EXPECT("Nytt fr\xC3\xA5n regeringen\n\n\xE2\x80\x9DVi m\xC3\xA5ste agera nu\xE2\x80\x9D, s\xC3\xA4ger ministern Eva Berg.\n\n"
	       "Enligt Berg kommer regeringen att \xE2\x80\x9Dsatsa mer p\xC3\xA5 klimatet\xE2\x80\x9D.\n",
	       "Vi m\xC3\xA5ste agera nu => Eva Berg | satsa mer p\xC3\xA5 klimatet => Eva Berg");
}

static void de_sagte_and_so(void **state)
{
	EXPECT("Nachrichten aus Berlin\n\n\xE2\x80\x9EWir werden die Steuern nicht erh\xC3\xB6hen\xE2\x80\x9C, sagte Klaus Weber.\n\n"
	       "\xE2\x80\x9E" "Das ist ein leeres Versprechen\xE2\x80\x9C, so Anna Schmidt.\n",
	       "Wir werden die Steuern nicht erh\xC3\xB6hen => Klaus Weber | Das ist ein leeres Versprechen => Anna Schmidt");
}

static void de_sagte_er(void **state)
{
	EXPECT("Nachrichten aus Berlin\n\nFinanzminister Klaus Weber sprach am Montag vor der Presse.\n\n"
	       "\xE2\x80\x9EWir halten uns an die Zahlen\xE2\x80\x9C, sagte er.\n",
	       "Wir halten uns an die Zahlen => Klaus Weber");
}

static void de_inverted_verb_second(void **state)
{
	EXPECT("Nachrichten aus Berlin\n\nDer Zeitung sagte Klaus Weber: \xE2\x80\x9EWir halten uns an die Zahlen.\xE2\x80\x9C\n",
	       "Wir halten uns an die Zahlen. => Klaus Weber");
}

/* An adverb opening the sentence ("Weiter", "Später") is no name: the
 * subject after the verb speaks, not the adverb before it. */
static void de_adverb_before_verb(void **state)
{
	EXPECT("Kreistag\n\nDie Sitzung des Kreistags dauerte bis in den Abend.\n\n"
	       "Weiter sagte Vogt, die Schule werde \xE2\x80\x9Eim n\xC3\xA4" "chsten Jahr gebaut\xE2\x80\x9C.\n",
	       "im n\xC3\xA4" "chsten Jahr gebaut => Vogt");
}

/* A conjunction or a determiner opening a sentence ("Denn", "Diesen")
 * is no name, nor the start of one: the lexicon lists their forms. */
static void de_conjunction_opens_sentence(void **state)
{
	EXPECT("Kreistag\n\nLandrat Karl Vogt sprach am Montag vor dem Kreistag.\n\n"
	       "\xE2\x80\x9EWir bauen die Schule im n\xC3\xA4" "chsten Jahr.\xE2\x80\x9C Denn Experten halten den alten Bau "
	       "f\xC3\xBCr unsicher.\n",
	       "Wir bauen die Schule im n\xC3\xA4" "chsten Jahr. => Karl Vogt");
}

/* Dutch closed-class words opening a sentence ("Hoewel", "Zodat") are no
 * name: the lexicon lists the conjunctions and determiners. */
static void nl_conjunction_opens_sentence(void **state)
{
	EXPECT("Gemeenteraad\n\nWethouder Karel de Vries sprak maandag in de raad.\n\n"
	       "\xE2\x80\x9EWe bouwen de school volgend jaar.\xE2\x80\x9D Hoewel deskundigen het oude gebouw "
	       "onveilig vinden.\n",
	       "We bouwen de school volgend jaar. => Karel de Vries");
}

/* A phrase of time before a verb-second cue ("Deze week zei hij", "Am Ende
 * der Woche sagte X") is no speaker: words for days, weeks, months,
 * seasons and years are calendar words like the names of the days. */
static void nl_time_phrase_before_cue(void **state)
{
	EXPECT("Gemeenteraad\n\nWethouder Karel de Vries sprak maandag in de raad.\n\n"
	       "Deze week zei hij: \xE2\x80\x9EWe bouwen de school volgend jaar.\xE2\x80\x9D Onze buren doen het ook.\n",
	       "We bouwen de school volgend jaar. => Karel de Vries");
}

static void de_time_phrase_before_cue(void **state)
{
	EXPECT("Kreistag\n\nAm Ende der Woche sagte Vogt: \xE2\x80\x9EWir bauen die Schule.\xE2\x80\x9C\n",
	       "Wir bauen die Schule. => Vogt");
}

/* German role nouns in the plural ("Meteorologen", "Zeugen") and the
 * words for investigators, deputies, representatives and members are
 * roles: the phrase they head takes its complement, as a role does. */
static void de_role_words_inflected(void **state)
{
	EXPECT("Brand in der Altstadt\n\nAm Montag brannte ein Lagerhaus in der Altstadt. B\xC3\xBCrgermeisterin Anna Berg "
	       "besuchte den Ort am Abend.\n\n\xE2\x80\x9E" "Die Sch\xC3\xA4" "den sind enorm, der Wiederaufbau wird Jahre "
	       "dauern\xE2\x80\x9C, erkl\xC3\xA4rten Meteorologen des Wetterdienstes.\n\n\xE2\x80\x9EWir haben einen Mann "
	       "weglaufen sehen\xE2\x80\x9C, sagten Zeugen aus der Nachbarschaft.\n\n\xE2\x80\x9EWir gehen von Brandstiftung "
	       "aus\xE2\x80\x9C, sagte ein Stellvertreter des Landrats.\n",
	       "Die Sch\xC3\xA4" "den sind enorm, der Wiederaufbau wird Jahre dauern => Meteorologen des Wetterdienstes | "
	       "Wir haben einen Mann weglaufen sehen => Zeugen aus der Nachbarschaft | "
	       "Wir gehen von Brandstiftung aus => ein Stellvertreter des Landrats");
}

/* A quote in a long sentence without a cue, after many things and places
 * (where every noun has a capital, each one a mention): the sentence's
 * subject is still among its candidates past the nearest mentions. */
static void de_subject_past_the_nearest(void **state)
{
	EXPECT("Neue Schulen f\xC3\xBCr die Stadt\n\nDie Stadt plant den Bau von zwei neuen Schulen im Norden.\n\n"
	       "B\xC3\xBCrgermeister Klaus Wendler hatte gehofft, dass die Einnahmen aus Parkgeb\xC3\xBChren, Mieten, "
	       "Pachten und Spenden der Vereine in H\xC3\xB6he von zwei Millionen Euro \xE2\x80\x9Evollst\xC3\xA4ndig in "
	       "die Sanierung der alten Geb\xC3\xA4ude flie\xC3\x9F" "en\xE2\x80\x9C w\xC3\xBCrden.\n",
	       "vollst\xC3\xA4ndig in die Sanierung der alten Geb\xC3\xA4ude flie\xC3\x9F" "en => Klaus Wendler");
}

static void fr_declare_and_inner(void **state)
{
	EXPECT("Nouvelles du club\n\n\xC2\xAB Nous allons gagner ce match \xC2\xBB, a d\xC3\xA9" "clar\xC3\xA9 l'entra\xC3\xAEneur "
	       "Pierre Martin.\n\n\xC2\xAB La saison est longue, indique Martin. Il faut rester concentr\xC3\xA9. \xC2\xBB\n",
	       "Nous allons gagner ce match => Pierre Martin | La saison est longue => Pierre Martin | "
	       "Il faut rester concentr\xC3\xA9. => Pierre Martin");
}

static void fr_a_t_il(void **state)
{
	EXPECT("Nouvelles du club\n\nL'entra\xC3\xAEneur Pierre Martin est arriv\xC3\xA9 hier soir.\n\n"
	       "\xC2\xAB C'est une tr\xC3\xA8s bonne nouvelle pour le club \xC2\xBB, a-t-il ajout\xC3\xA9.\n",
	       "C'est une tr\xC3\xA8s bonne nouvelle pour le club => Pierre Martin");
}

/* after a capitalised role, "de" is a preposition, not a particle of the
 * name: the speaker is the president, not "de Aerolar" */
static void es_role_de_company(void **state)
{
	EXPECT("Noticias\n\nEl Presidente de Aerolar indicó que \"vamos a volar a otros destinos muy pronto\".\n",
	       "vamos a volar a otros destinos muy pronto => El Presidente de Aerolar");
}

static void es_dijo_el_ministro(void **state)
{
	EXPECT("Noticias del Gobierno\n\n\"Vamos a ganar las elecciones\", dijo el ministro Juan Garc\xC3\xAD" "a.\n",
	       "Vamos a ganar las elecciones => Juan Garc\xC3\xAD" "a");
	/* a quantifier opening the sentence is no name */
	EXPECT("Noticias de la ciudad\n\nEl ayuntamiento present\xC3\xB3 ayer el nuevo plan de tr"
	       "\xC3\xA1" "fico para el centro.\n\nCada ma\xC3\xB1" "ana entran en el centro m\xC3\xA1s de"
	       " diez mil coches, y los atascos son, en palabras de una vecina, \xC2\xAB" "el peor problem"
	       "a del barrio\xC2\xBB.\n",
	       "el peor problema del barrio => una vecina");
}

static void es_segun(void **state)
{
	EXPECT("Noticias del Gobierno\n\nSeg\xC3\xBAn Juan Garc\xC3\xAD" "a, el Gobierno \"no va a subir los impuestos\".\n",
	       "no va a subir los impuestos => Juan Garc\xC3\xAD" "a");
}

/* Where the adjective follows its noun, a role phrase takes it ("el
 * presidente regional", "le porte-parole officiel"), and an Italian article
 * with a possessive opens one ("la sua portavoce"). */
static void es_role_adjective_after(void **state)
{
	EXPECT("Noticias\n\n\"Vamos a bajar los impuestos este a\xC3\xB1o\", afirm\xC3\xB3 el presidente regional.\n",
	       "Vamos a bajar los impuestos este a\xC3\xB1o => el presidente regional");
}

static void fr_role_adjective_after(void **state)
{
	EXPECT("Faits divers\n\n\xC2\xAB Nous avons ouvert une enqu\xC3\xAAte sur cet incendie \xC2\xBB, a expliqu\xC3\xA9 le "
	       "ministre fran\xC3\xA7" "ais.\n",
	       "Nous avons ouvert une enqu\xC3\xAAte sur cet incendie => le ministre fran\xC3\xA7" "ais");
}

static void it_article_and_possessive(void **state)
{
	EXPECT("Notizie dal Comune\n\nIl consiglio del comune si \xC3\xA8 riunito ieri sera per la nuova legge.\n\n"
	       "\"Il sindaco non parler\xC3\xA0 prima della fine delle vacanze\" dice la sua portavoce.\n",
	       "Il sindaco non parler\xC3\xA0 prima della fine delle vacanze => la sua portavoce");
}

/* The Spanish neuter article opening a sentence ("Lo que dijo es que") is
 * no name. */
static void es_lo_opens_sentence(void **state)
{
	EXPECT("Noticias\n\nEl ministro Juan Garc\xC3\xAD" "a habl\xC3\xB3 ayer en el Congreso sobre la reforma.\n\n"
	       "Lo que s\xC3\xAD reconoci\xC3\xB3 es que \"no hay dinero para todos los proyectos\".\n",
	       "no hay dinero para todos los proyectos => Juan Garc\xC3\xAD" "a");
}

static void nl_zei_and_aldus(void **state)
{
	EXPECT("Nieuws uit Den Haag\n\n\"We gaan de verkiezingen winnen\", zei minister Jan de Vries.\n\n"
	       "\"Het is een historische dag\", aldus De Vries.\n",
	       "We gaan de verkiezingen winnen => Jan de Vries | Het is een historische dag => Jan de Vries");
}

/* Dutch "ze" is "she" as much as "they" (as German "sie"): a singular
 * person before it may be the one it stands for, not only a body. */
static void nl_ze_is_she_or_they(void **state)
{
	EXPECT("Gemeenteraad\n\nBurgemeester Anna de Wit bezocht maandag de school die de gemeente heeft gebouwd. "
	       "Ze zei: ,,Dit is een mooie dag voor ons dorp.''\n",
	       "Dit is een mooie dag voor ons dorp. => Anna de Wit");
}

/* Quantifiers that stand for people ("Tous", "Tutti", "Iedereen") are
 * closed-class words: capitalised at a sentence's start they are no name,
 * and the one named before stays the speaker. */
static void quantifiers_are_no_names(void **state)
{
	EXPECT("Football\n\nLe club a battu Lyon samedi. Paul Girard a marqu\xC3\xA9 deux buts. Tous attendaient sa "
	       "r\xC3\xA9ponse : \"Je jouerai encore trois ans au moins\".\n",
	       "Je jouerai encore trois ans au moins => Paul Girard");
	EXPECT("Calcio\n\nLa squadra ha battuto il Milan. Marco Rossi ha segnato due gol. Tutti aspettavano la sua "
	       "risposta: \"giocher\xC3\xB2 ancora tre anni\".\n",
	       "giocher\xC3\xB2 ancora tre anni => Marco Rossi");
}

static void it_inner_dashes(void **state)
{
	EXPECT("Notizie dal Comune\n\n\"Vinceremo questa sfida - spiega il sindaco Marco Rossi - e lo faremo insieme.\"\n",
	       "Vinceremo questa sfida => Marco Rossi | e lo faremo insieme. => Marco Rossi");
}

/* The cue verb of the first quote of text, "-" for none. */
static char *first_cue(const char *text)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	char *cue = strdup(l.n && l.v[0].cue ? l.v[0].cue : "-");
	quote_list_free(&l);
	doc_free(d);
	return cue;
}

#define EXPECT_CUE(text, want)                      \
	do {                                            \
		char *got_ = first_cue(text);               \
		assert_string_equal(got_, want);            \
		free(got_);                                 \
	} while (0)

/* An article, its attributions (as EXPECT) and its first quote's cue ("-":
 * none). */
typedef struct attr_case {
	const char *text, *want, *cue;
} attr_case;

static void expect_cases(const attr_case *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		EXPECT(v[i].text, v[i].want);
		EXPECT_CUE(v[i].text, v[i].cue);
	}
}

/* Verbs of speech the news copy of each language uses beside "said":
 * exclaimed, pointed out, commented (imperfect), premised. */
static void romance_cue_verbs(void **state)
{
	EXPECT_CUE("Noticias\n\n\"\xC2\xA1" "Es una gran noticia para todos los vecinos!\", exclam\xC3\xB3 la alcaldesa "
	           "Mar\xC3\xAD" "a L\xC3\xB3pez.\n",
	           "exclam\xC3\xB3");
	EXPECT_CUE("Noticias\n\n\"No vamos a subir los impuestos este a\xC3\xB1o\", puntualiz\xC3\xB3 el ministro Juan "
	           "Garc\xC3\xAD" "a.\n",
	           "puntualiz\xC3\xB3");
	EXPECT_CUE("Faits divers\n\n\xC2\xAB Nous ne savons pas encore ce qui s'est pass\xC3\xA9 \xC2\xBB commentait le "
	           "maire Paul Durand.\n",
	           "commentait");
	EXPECT("Notizie dal Comune\n\nIl consiglio del comune si \xC3\xA8 riunito ieri sera per la nuova legge.\n\n"
	       "\"Non \xC3\xA8 stato facile - premette il sindaco Marco Bianchi - ma la scuola sar\xC3\xA0 pronta a "
	       "settembre.\"\n",
	       "Non \xC3\xA8 stato facile => Marco Bianchi | ma la scuola sar\xC3\xA0 pronta a settembre. => Marco Bianchi");
}

/* Portuguese, Polish, Czech, Russian, Catalan, Ukrainian, Romanian,
 * Croatian, Serbian, Hungarian, Greek, Bulgarian, Slovak, Slovenian,
 * Finnish, Estonian, Galician, Latvian, Lithuanian, Turkish, Indonesian
 * and Vietnamese have lists but no annotated articles: the model weighs
 * their cue verbs and names with what it learned in the other languages.
 * The Hungarian case has the role after the name, its title
 * (title_after_name), not a genitive that makes a description of both. */
static void languages_without_articles(void **state)
{
	static const attr_case cases[] = {
		{ "Not\xC3\xAD" "cias\n\n\xE2\x80\x9CVamos abrir a nova escola em setembro\xE2\x80\x9D, disse a presidente "
		  "Ana Ferreira aos jornalistas.\n",
		  "Vamos abrir a nova escola em setembro => Ana Ferreira",
		  "disse" },
		{ "Wiadomo\xC5\x9B" "ci z miasta\n\n\xE2\x80\x9ENowa szko\xC5\x82" "a zostanie otwarta we "
		  "wrze\xC5\x9Bniu\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82" "a burmistrz Anna Nowak dziennikarzom.\n",
		  "Nowa szko\xC5\x82" "a zostanie otwarta we wrze\xC5\x9Bniu => Anna Nowak",
		  "powiedzia\xC5\x82" "a" },
		{ "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8 "
		  "\xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB0\n\n\xC2\xAB\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x8F "
		  "\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xB0 "
		  "\xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD0\xBE\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F \xD0\xB2 "
		  "\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD0\xB5\xC2\xBB, \xE2\x80\x94 "
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB \xD0\xBC\xD1\x8D\xD1\x80 "
		  "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2 "
		  "\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xB0\xD0\xBC.\n",
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x8F \xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xB0 "
		  "\xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD0\xBE\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F \xD0\xB2 "
		  "\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD0\xB5 => \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
		  "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB" },
		{ "Not\xC3\xAD" "cies de la ciutat\n\nLes obres de l'edifici estan gaireb\xC3\xA9 acabades i el curs "
		  "comen\xC3\xA7" "ar\xC3\xA0 amb tres-cents alumnes.\n\n\xC2\xABObrirem la nova escola al "
		  "setembre\xC2\xBB, va dir l'alcaldessa Anna Ferrer als periodistes.\n",
		  "Obrirem la nova escola al setembre => Anna Ferrer",
		  "dir" },
		{ "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB8 "
		  "\xD0\xBC\xD1\x96\xD1\x81\xD1\x82\xD0\xB0\n\n\xC2\xAB\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB0 "
		  "\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xB0 "
		  "\xD0\xB2\xD1\x96\xD0\xB4\xD0\xBA\xD1\x80\xD0\xB8\xD1\x94\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F \xD1\x83 "
		  "\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x96\xC2\xBB, \xE2\x80\x94 "
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xB2 \xD0\xBC\xD0\xB5\xD1\x80 "
		  "\xD0\x86\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE "
		  "\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD1\x96\xD1\x81\xD1\x82\xD0\xB0\xD0\xBC.\n",
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB0 \xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xB0 "
		  "\xD0\xB2\xD1\x96\xD0\xB4\xD0\xBA\xD1\x80\xD0\xB8\xD1\x94\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F \xD1\x83 "
		  "\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x96 => \xD0\x86\xD0\xB2\xD0\xB0\xD0\xBD "
		  "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xB2" },
		{ "Zpr\xC3\xA1vy z m\xC4\x9Bsta\n\nStavba je podle radnice t\xC3\xA9m\xC4\x9B\xC5\x99 hotov\xC3\xA1 a "
		  "pen\xC3\xADze jsou tak\xC3\xA9 zaji\xC5\xA1t\xC4\x9Bny.\n\n\xE2\x80\x9ENovou \xC5\xA1kolu "
		  "otev\xC5\x99" "eme v z\xC3\xA1\xC5\x99\xC3\xAD,\xE2\x80\x9C \xC5\x99" "ekla "
		  "novin\xC3\xA1\xC5\x99\xC5\xAFm starostka Jana Nov\xC3\xA1kov\xC3\xA1.\n",
		  "Novou \xC5\xA1kolu otev\xC5\x99" "eme v z\xC3\xA1\xC5\x99\xC3\xAD, => Jana Nov\xC3\xA1kov\xC3\xA1",
		  "\xC5\x99" "ekla" },
		{ "\xC8\x98tiri din ora\xC8\x99\n\nLucr\xC4\x83rile la cl\xC4\x83" "dire sunt aproape gata "
		  "\xC8\x99i anul \xC8\x99" "colar va \xC3\xAEncepe cu trei sute de elevi.\n\n\xE2\x80\x9EVom "
		  "deschide noua \xC8\x99" "coal\xC4\x83 \xC3\xAEn septembrie\xE2\x80\x9D, a declarat primarul Ana "
		  "Popescu jurnali\xC8\x99tilor.\n",
		  "Vom deschide noua \xC8\x99" "coal\xC4\x83 \xC3\xAEn septembrie => Ana Popescu",
		  "declarat" },
		{ "Vijesti iz grada\n\nRadovi na zgradi gotovo su zavr\xC5\xA1" "eni i \xC5\xA1kolska godina "
		  "po\xC4\x8D" "et \xC4\x87" "e s tristo u\xC4\x8D" "enika.\n\n\xE2\x80\x9ENovu \xC5\xA1kolu "
		  "otvorit \xC4\x87" "emo u rujnu\xE2\x80\x9D, rekla je gradona\xC4\x8D" "elnica Ana Horvat "
		  "novinarima.\n",
		  "Novu \xC5\xA1kolu otvorit \xC4\x87" "emo u rujnu => Ana Horvat",
		  "rekla" },
		{ "H\xC3\xADrek a v\xC3\xA1rosb\xC3\xB3l\n\nAz \xC3\xA9p\xC3\xBClet munk\xC3\xA1latai majdnem "
		  "befejez\xC5\x91" "dtek, \xC3\xA9s a tan\xC3\xA9v h\xC3\xA1romsz\xC3\xA1z di\xC3\xA1kkal "
		  "indul.\n\n\xE2\x80\x9E" "Az \xC3\xBAj iskol\xC3\xA1t szeptemberben nyitjuk meg\xE2\x80\x9D "
		  "\xE2\x80\x93 mondta Kov\xC3\xA1" "cs Anna polg\xC3\xA1rmester az "
		  "\xC3\xBAjs\xC3\xA1g\xC3\xADr\xC3\xB3knak.\n",
		  "Az \xC3\xBAj iskol\xC3\xA1t szeptemberben nyitjuk meg => Kov\xC3\xA1" "cs Anna",
		  "mondta" },
		{ "\xCE\x95\xCE\xB9\xCE\xB4\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82 \xCE\xB1\xCF\x80\xCF\x8C "
		  "\xCF\x84\xCE\xB7\xCE\xBD \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\n\n\xCE\x9F\xCE\xB9 "
		  "\xCE\xB5\xCF\x81\xCE\xB3\xCE\xB1\xCF\x83\xCE\xAF\xCE\xB5\xCF\x82 \xCF\x83\xCF\x84\xCE\xBF "
		  "\xCE\xBA\xCF\x84\xCE\xAF\xCF\x81\xCE\xB9\xCE\xBF \xCE\xAD\xCF\x87\xCE\xBF\xCF\x85\xCE\xBD "
		  "\xCF\x83\xCF\x87\xCE\xB5\xCE\xB4\xCF\x8C\xCE\xBD "
		  "\xCE\xBF\xCE\xBB\xCE\xBF\xCE\xBA\xCE\xBB\xCE\xB7\xCF\x81\xCF\x89\xCE\xB8\xCE\xB5\xCE\xAF "
		  "\xCE\xBA\xCE\xB1\xCE\xB9 \xCE\xB7 \xCF\x83\xCF\x87\xCE\xBF\xCE\xBB\xCE\xB9\xCE\xBA\xCE\xAE "
		  "\xCF\x87\xCF\x81\xCE\xBF\xCE\xBD\xCE\xB9\xCE\xAC \xCE\xB8\xCE\xB1 "
		  "\xCE\xBE\xCE\xB5\xCE\xBA\xCE\xB9\xCE\xBD\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9 \xCE\xBC\xCE\xB5 "
		  "\xCF\x84\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCF\x8C\xCF\x83\xCE\xB9\xCE\xBF\xCF\x85\xCF\x82 "
		  "\xCE\xBC\xCE\xB1\xCE\xB8\xCE\xB7\xCF\x84\xCE\xAD\xCF\x82.\n\n\xC2\xAB\xCE\x98\xCE\xB1 "
		  "\xCE\xB1\xCE\xBD\xCE\xBF\xCE\xAF\xCE\xBE\xCE\xBF\xCF\x85\xCE\xBC\xCE\xB5 \xCF\x84\xCE\xBF "
		  "\xCE\xBD\xCE\xAD\xCE\xBF \xCF\x83\xCF\x87\xCE\xBF\xCE\xBB\xCE\xB5\xCE\xAF\xCE\xBF "
		  "\xCF\x84\xCE\xBF\xCE\xBD "
		  "\xCE\xA3\xCE\xB5\xCF\x80\xCF\x84\xCE\xAD\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xC2\xBB, "
		  "\xCE\xB4\xCE\xAE\xCE\xBB\xCF\x89\xCF\x83\xCE\xB5 \xCE\xB7 "
		  "\xCE\xB4\xCE\xAE\xCE\xBC\xCE\xB1\xCF\x81\xCF\x87\xCE\xBF\xCF\x82 "
		  "\xCE\x9C\xCE\xB1\xCF\x81\xCE\xAF\xCE\xB1 \xCE\xA0\xCE\xB1\xCF\x80\xCF\x80\xCE\xAC "
		  "\xCF\x83\xCF\x84\xCE\xBF\xCF\x85\xCF\x82 "
		  "\xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x83\xCE\xB9\xCE\xBF\xCE\xB3\xCF\x81\xCE\xAC\xCF\x86\xCE\xBF\xCF\x85\xCF\x82.\n",
		  "\xCE\x98\xCE\xB1 \xCE\xB1\xCE\xBD\xCE\xBF\xCE\xAF\xCE\xBE\xCE\xBF\xCF\x85\xCE\xBC\xCE\xB5 "
		  "\xCF\x84\xCE\xBF \xCE\xBD\xCE\xAD\xCE\xBF "
		  "\xCF\x83\xCF\x87\xCE\xBF\xCE\xBB\xCE\xB5\xCE\xAF\xCE\xBF \xCF\x84\xCE\xBF\xCE\xBD "
		  "\xCE\xA3\xCE\xB5\xCF\x80\xCF\x84\xCE\xAD\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF => "
		  "\xCE\x9C\xCE\xB1\xCF\x81\xCE\xAF\xCE\xB1 \xCE\xA0\xCE\xB1\xCF\x80\xCF\x80\xCE\xAC",
		  "\xCE\xB4\xCE\xAE\xCE\xBB\xCF\x89\xCF\x83\xCE\xB5" },
		{ "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB8 \xD0\xBE\xD1\x82 "
		  "\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB0\n\n\xD0\xA0\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB8\xD1\x82\xD0\xB5 "
		  "\xD0\xBF\xD0\xBE \xD1\x81\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB0 "
		  "\xD1\x81\xD0\xB0 \xD0\xBF\xD0\xBE\xD1\x87\xD1\x82\xD0\xB8 "
		  "\xD0\xB7\xD0\xB0\xD0\xB2\xD1\x8A\xD1\x80\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8 \xD0\xB8 "
		  "\xD1\x83\xD1\x87\xD0\xB5\xD0\xB1\xD0\xBD\xD0\xB0\xD1\x82\xD0\xB0 "
		  "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0 \xD1\x89\xD0\xB5 "
		  "\xD0\xB7\xD0\xB0\xD0\xBF\xD0\xBE\xD1\x87\xD0\xBD\xD0\xB5 \xD1\x81 "
		  "\xD1\x82\xD1\x80\xD0\xB8\xD1\x81\xD1\x82\xD0\xB0 "
		  "\xD1\x83\xD1\x87\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB8.\n\n\xE2\x80\x9E\xD0\xA9\xD0\xB5 "
		  "\xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD0\xB8\xD0\xB5\xD0\xBC "
		  "\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x82\xD0\xBE "
		  "\xD1\x83\xD1\x87\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x89\xD0\xB5 \xD0\xBF\xD1\x80\xD0\xB5\xD0\xB7 "
		  "\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8\xE2\x80\x9C, "
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8 \xD0\xBA\xD0\xBC\xD0\xB5\xD1\x82\xD1\x8A\xD1\x82 "
		  "\xD0\x9C\xD0\xB0\xD1\x80\xD0\xB8\xD1\x8F "
		  "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4 "
		  "\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xB8.\n",
		  "\xD0\xA9\xD0\xB5 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD0\xB8\xD0\xB5\xD0\xBC "
		  "\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x82\xD0\xBE "
		  "\xD1\x83\xD1\x87\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x89\xD0\xB5 \xD0\xBF\xD1\x80\xD0\xB5\xD0\xB7 "
		  "\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8 => "
		  "\xD0\x9C\xD0\xB0\xD1\x80\xD0\xB8\xD1\x8F "
		  "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8" },
		{ "\xD0\x92\xD0\xB5\xD1\x81\xD1\x82\xD0\xB8 \xD0\xB8\xD0\xB7 "
		  "\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB0\n\n\xD0\xA0\xD0\xB0\xD0\xB4\xD0\xBE\xD0\xB2\xD0\xB8 "
		  "\xD0\xBD\xD0\xB0 \xD0\xB7\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB8 \xD1\x81\xD1\x83 "
		  "\xD1\x81\xD0\xBA\xD0\xBE\xD1\x80\xD0\xBE "
		  "\xD0\xB7\xD0\xB0\xD0\xB2\xD1\x80\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8 \xD0\xB8 "
		  "\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x81\xD0\xBA\xD0\xB0 "
		  "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0 "
		  "\xD0\xBF\xD0\xBE\xD1\x87\xD0\xB5\xD1\x9B\xD0\xB5 \xD1\x81\xD0\xB0 "
		  "\xD1\x82\xD1\x80\xD0\xB8\xD1\x81\xD1\x82\xD0\xB0 "
		  "\xD1\x83\xD1\x87\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xBA\xD0\xB0.\n\n\xE2\x80\x9E\xD0\x9D\xD0\xBE\xD0\xB2\xD1\x83 "
		  "\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x83 "
		  "\xD0\xBE\xD1\x82\xD0\xB2\xD0\xBE\xD1\x80\xD0\xB8\xD1\x9B\xD0\xB5\xD0\xBC\xD0\xBE \xD1\x83 "
		  "\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB1\xD1\x80\xD1\x83\xE2\x80\x9D, "
		  "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0 \xD1\x98\xD0\xB5 "
		  "\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xBE\xD0\xBD\xD0\xB0\xD1\x87\xD0\xB5\xD0\xBB\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0 "
		  "\xD0\x90\xD0\xBD\xD0\xB0 \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB8\xD1\x9B "
		  "\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB0\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB0.\n",
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD1\x83 \xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x83 "
		  "\xD0\xBE\xD1\x82\xD0\xB2\xD0\xBE\xD1\x80\xD0\xB8\xD1\x9B\xD0\xB5\xD0\xBC\xD0\xBE \xD1\x83 "
		  "\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB1\xD1\x80\xD1\x83 => "
		  "\xD0\x90\xD0\xBD\xD0\xB0 \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB8\xD1\x9B",
		  "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0" },
		{ "Zi\xC5\x86" "as no pils\xC4\x93tas\n\nJaun\xC4\x81s skolas celtniec\xC4\xAB" "bas darbi "
		  "ir gandr\xC4\xABz pabeigti, un m\xC4\x81" "c\xC4\xAB" "bu gads s\xC4\x81ksies ar tr"
		  "\xC4\xABssimt skol\xC4\x93niem.\n\n\xE2\x80\x9EJauno skolu atv\xC4\x93rsim septembr"
		  "\xC4\xAB,\xE2\x80\x9D sac\xC4\xABja m\xC4\x93re Inga Kalni\xC5\x86" "a \xC5\xBEurn"
		  "\xC4\x81listiem.\n",
		  "Jauno skolu atv\xC4\x93rsim septembr\xC4\xAB, => Inga Kalni\xC5\x86" "a",
		  "sac\xC4\xABja" },
		{ "Miesto naujienos\n\nNaujos mokyklos statybos darbai jau beveik baigti, ir mokslo metai p"
		  "rasid\xC4\x97s su trimis \xC5\xA1imtais mokini\xC5\xB3, kaip buvo planuota.\n\n"
		  "\xE2\x80\x9ENauj\xC4\x85 mokykl\xC4\x85 atidarysime rugs\xC4\x97j\xC4\xAF\xE2\x80\x9C, "
		  "\xE2\x80\x93 sak\xC4\x97 mer\xC4\x97 Ona Kairien\xC4\x97 \xC5\xBEurnalistams.\n",
		  "Nauj\xC4\x85 mokykl\xC4\x85 atidarysime rugs\xC4\x97j\xC4\xAF => Ona Kairien\xC4\x97",
		  "sak\xC4\x97" },
		{ "\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1"
		  "\xC5\x9Fmalar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland"
		  "\xC4\xB1 ve e\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 bu sonbaharda \xC3\xBC\xC3\xA7 y\xC3\xBCz "
		  "\xC3\xB6\xC4\x9Frenciyle ba\xC5\x9Flayacak.\n\nBelediye Ba\xC5\x9Fkan\xC4\xB1 Ay\xC5\x9F" ""
		  "e Demir, \xE2\x80\x9CYeni okulu eyl\xC3\xBClde a\xC3\xA7" "aca\xC4\x9F\xC4\xB1z"
		  "\xE2\x80\x9D dedi.\n",
		  "Yeni okulu eyl\xC3\xBClde a\xC3\xA7" "aca\xC4\x9F\xC4\xB1z => Ay\xC5\x9F" "e Demir",
		  "dedi" },
		{ "Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun "
		  "ajaran akan dimulai dengan tiga ratus murid.\n\n\xE2\x80\x9CKami akan membuka sekolah ba"
		  "ru itu pada bulan September,\xE2\x80\x9D kata Wali Kota Siti Rahayu kepada wartawan.\n",
		  "Kami akan membuka sekolah baru itu pada bulan September, => Siti Rahayu",
		  "kata" },
		{ "Tin t\xE1\xBB\xA9" "c th\xC3\xA0nh ph\xE1\xBB\x91\n\nC\xC3\xB4ng tr\xC3\xACnh x\xC3\xA2y"
		  " d\xE1\xBB\xB1ng ng\xC3\xB4i tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi \xC4\x91\xC3\xA3 g"
		  "\xE1\xBA\xA7n ho\xC3\xA0n th\xC3\xA0nh, v\xC3\xA0 n\xC4\x83m h\xE1\xBB\x8D" "c s"
		  "\xE1\xBA\xBD b\xE1\xBA\xAFt \xC4\x91\xE1\xBA\xA7u v\xE1\xBB\x9Bi ba tr\xC4\x83m h"
		  "\xE1\xBB\x8D" "c sinh.\n\n\xE2\x80\x9C" "Ch\xC3\xBAng t\xC3\xB4i s\xE1\xBA\xBD m"
		  "\xE1\xBB\x9F tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi v\xC3\xA0o th\xC3\xA1ng Ch\xC3\xADn"
		  "\xE2\x80\x9D, b\xC3\xA0 Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B Lan n\xC3\xB3i v\xE1\xBB\x9Bi c"
		  "\xC3\xA1" "c ph\xC3\xB3ng vi\xC3\xAAn.\n",
		  "Ch\xC3\xBAng t\xC3\xB4i s\xE1\xBA\xBD m\xE1\xBB\x9F tr\xC6\xB0\xE1\xBB\x9Dng m"
		  "\xE1\xBB\x9Bi v\xC3\xA0o th\xC3\xA1ng Ch\xC3\xADn => Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B Lan",
		  "n\xC3\xB3i" },
		{ /* Slovak: the quote, its cue and a role before the name */
		  "Spr\xC3\xA1vy z mesta\n\nPr\xC3\xA1" "ce na budove s\xC3\xBA takmer hotov\xC3\xA9 a \xC5\xA1kols"
		  "k\xC3\xBD rok sa za\xC4\x8Dne s tristo \xC5\xBEiakmi.\n\n\xE2\x80\x9ENov\xC3\xBA \xC5\xA1kolu ot"
		  "vor\xC3\xADme v septembri,\xE2\x80\x9C povedala novin\xC3\xA1rom prim\xC3\xA1torka Jana Kov"
		  "\xC3\xA1\xC4\x8Dov\xC3\xA1.\n",
		  "Nov\xC3\xBA \xC5\xA1kolu otvor\xC3\xADme v septembri, => Jana Kov\xC3\xA1\xC4\x8Dov\xC3\xA1",
		  "povedala" },
		{ /* Slovenian: the quote, its cue after the auxiliary and a role before the name */
		  "Novice iz mesta\n\nDela na stavbi so skoraj kon\xC4\x8D" "ana, \xC5\xA1olsko leto pa se bo za"
		  "\xC4\x8D" "elo s tristo u\xC4\x8D" "enci.\n\n\xC2\xBBNovo \xC5\xA1olo bomo odprli septembra,"
		  "\xC2\xAB je novinarjem povedala \xC5\xBEupanja Ana Kova\xC4\x8Di\xC4\x8D.\n",
		  "Novo \xC5\xA1olo bomo odprli septembra, => Ana Kova\xC4\x8Di\xC4\x8D",
		  "povedala" },
		{ /* Finnish: the quote, a role and the name before the cue */
		  "Uutisia kaupungista\n\nUuden rakennuksen ty\xC3\xB6t ovat l\xC3\xA4hes valmiit, ja lukuvuosi alk"
		  "aa kolmensadan oppilaan kanssa.\n\n\xE2\x80\x9D" "Avaamme uuden koulun syyskuussa\xE2\x80\x9D, k"
		  "aupunginjohtaja Anna M\xC3\xA4kel\xC3\xA4 sanoi toimittajille.\n",
		  "Avaamme uuden koulun syyskuussa => Anna M\xC3\xA4kel\xC3\xA4",
		  "sanoi" },
		{ /* Estonian: the quote, its cue, a role and the name */
		  "Uudised linnast\n\nUue hoone ehitust\xC3\xB6\xC3\xB6" "d on peaaegu valmis ja \xC3\xB5ppeaasta a"
		  "lgab kolmesaja \xC3\xB5pilasega.\n\n\xE2\x80\x9E" "Avame uue kooli septembris,\xE2\x80\x9C "
		  "\xC3\xBCtles linnapea Mari Tamm ajakirjanikele.\n",
		  "Avame uue kooli septembris, => Mari Tamm",
		  "\xC3\xBCtles" },
		{ /* Galician: the quote, its cue, a role and the name */
		  "Novas da cidade\n\nAs obras do novo edificio est\xC3\xA1n case rematadas e o curso comezar"
		  "\xC3\xA1 con trescentos alumnos.\n\n\"Imos abrir a nova escola en setembro\", dixo a alcaldesa A"
		  "na Fern\xC3\xA1ndez aos xornalistas.\n",
		  "Imos abrir a nova escola en setembro => Ana Fern\xC3\xA1ndez",
		  "dixo" },
	};
	expect_cases(cases, sizeof cases / sizeof *cases);
}

/* The cue shown for a quote whose own cue speaks of the chosen speaker
 * although the chosen mention is in an earlier sentence: a pronoun subject
 * standing for them, or no subject at all in a language that drops it. */
static void cue_of_the_quotes_own_sentence(void **state)
{
	static const attr_case cases[] = {
		{ "News from the council\n\nCouncillor Jane Porter welcomed the new budget on Monday. She added: "
		  "\"This is a good day for the town and for its schools.\"\n",
		  "This is a good day for the town and for its schools. => Jane Porter",
		  "added" },
		{ "Notizie dal Comune\n\nIl sindaco Marco Bellini ha presentato ieri il nuovo piano per il traffico "
		  "della citt\xC3\xA0.\n\n\"Vogliamo una citt\xC3\xA0 pi\xC3\xB9 vivibile per tutti\", ha spiegato.\n",
		  "Vogliamo una citt\xC3\xA0 pi\xC3\xB9 vivibile per tutti => Marco Bellini",
		  "spiegato" },
		{ "Noticias\n\nEl ministro de Hacienda, Tom\xC3\xA1s Guerrero, present\xC3\xB3 ayer el presupuesto en el "
		  "Congreso.\n\n\"Es un presupuesto para crecer y para proteger a las familias\", dijo.\n",
		  "Es un presupuesto para crecer y para proteger a las familias => Tom\xC3\xA1s Guerrero",
		  "dijo" },
	};
	(void)state;
	expect_cases(cases, sizeof cases / sizeof *cases);
}

/* Harder patterns in Romanian, Croatian, Hungarian, Greek, Bulgarian,
 * Polish, Czech, Russian, Slovak, Slovenian, Finnish, Estonian, Galician,
 * Latvian, Lithuanian, Turkish, Indonesian and Vietnamese (no annotated
 * articles): what their lists must hold so that a
 * sentence adverb is no speaker, a demonstrative or "herself" is a
 * pronoun, the perfect, prefixed and variant forms of news copy's cues are
 * cues, "according to" finds a name given in full before, and a title and
 * what follows it ("Menteri Kesehatan") are not part of the name. */
static void new_languages_harder_patterns(void **state)
{
	static const attr_case cases[] = {
		{ /* an adverb opens the sentence of a cue without a subject: not a name */
		  "\xC8\x98tiri din ora\xC8\x99\n\nLucr\xC4\x83rile la noua cl\xC4\x83" "dire sunt aproape gata "
		  "\xC8\x99i anul \xC8\x99" "colar va \xC3\xAEncepe cu trei sute de elevi, dup\xC4\x83 cum au anun"
		  "\xC8\x9B" "at autorit\xC4\x83\xC8\x9Bile locale.\n\nPrimarul Elena Dumitrescu a vizitat ieri "
		  "\xC8\x99" "antierul.\n\nUlterior a precizat: \xE2\x80\x9ELucr\xC4\x83rile vor fi gata \xC3\xAEn prim"
		  "\xC4\x83var\xC4\x83.\xE2\x80\x9D\n",
		  "Lucr\xC4\x83rile vor fi gata \xC3\xAEn prim\xC4\x83var\xC4\x83. => Elena Dumitrescu",
		  "precizat" },   /* (the cue without a subject: Romanian drops it) */
		{ /* "according to" and a role in the dative before the name */
		  "\xC8\x98tiri din ora\xC8\x99\n\nLucr\xC4\x83rile la noua cl\xC4\x83" "dire sunt aproape gata "
		  "\xC8\x99i anul \xC8\x99" "colar va \xC3\xAEncepe cu trei sute de elevi, dup\xC4\x83 cum au anun"
		  "\xC8\x9B" "at autorit\xC4\x83\xC8\x9Bile locale.\n\nPotrivit ministrului Andrei Vasile, \xE2\x80\x9E"
		  "spitalele vor primi fonduri noi\xE2\x80\x9D.\n",
		  "spitalele vor primi fonduri noi => Andrei Vasile",
		  "Potrivit" },
		{ /* a demonstrative as the subject after the cue */
		  "\xC8\x98tiri din ora\xC8\x99\n\nLucr\xC4\x83rile la noua cl\xC4\x83" "dire sunt aproape gata "
		  "\xC8\x99i anul \xC8\x99" "colar va \xC3\xAEncepe cu trei sute de elevi, dup\xC4\x83 cum au anun"
		  "\xC8\x9B" "at autorit\xC4\x83\xC8\x9Bile locale.\n\nMinistrul Andrei Vasile a prezentat joi planul p"
		  "entru spitale.\n\n\xE2\x80\x9E" "Banii vor ajunge p\xC3\xA2n\xC4\x83 la sf\xC3\xA2r\xC8\x99itul anul"
		  "ui\xE2\x80\x9D, a declarat acesta.\n",
		  "Banii vor ajunge p\xC3\xA2n\xC4\x83 la sf\xC3\xA2r\xC8\x99itul anului => Andrei Vasile",
		  "declarat" },
		{ /* an adverb opens the sentence of a cue without a subject: not a name */
		  "Vijesti iz grada\n\nRadovi na novoj zgradi gotovo su zavr\xC5\xA1" "eni, a \xC5\xA1kolska godina po"
		  "\xC4\x8D" "et \xC4\x87" "e s tristo u\xC4\x8D" "enika, kako su najavile gradske vlasti.\n\nGradona"
		  "\xC4\x8D" "elnica Ivana Babi\xC4\x87 ju\xC4\x8D" "er je posjetila gradili\xC5\xA1te.\n\nPotom je dod"
		  "ala: \xE2\x80\x9ERadovi \xC4\x87" "e biti gotovi u prolje\xC4\x87" "e.\xE2\x80\x9D\n",
		  "Radovi \xC4\x87" "e biti gotovi u prolje\xC4\x87" "e. => Ivana Babi\xC4\x87",
		  "dodala" },   /* (the cue without a subject: the language drops it) */
		{ /* "remarked", a cue of news copy */
		  "Vijesti iz grada\n\nRadovi na novoj zgradi gotovo su zavr\xC5\xA1" "eni, a \xC5\xA1kolska godina po"
		  "\xC4\x8D" "et \xC4\x87" "e s tristo u\xC4\x8D" "enika, kako su najavile gradske vlasti.\n\n"
		  "\xE2\x80\x9ENovac \xC4\x87" "e sti\xC4\x87i do kraja godine\xE2\x80\x9D, napomenuo je ministar Tomis"
		  "lav Juri\xC4\x87.\n",
		  "Novac \xC4\x87" "e sti\xC4\x87i do kraja godine => Tomislav Juri\xC4\x87",
		  "napomenuo" },
		{ /* an adverb opens the sentence of a cue without a subject: not a name */
		  "H\xC3\xADrek a v\xC3\xA1rosb\xC3\xB3l\n\nAz \xC3\xBAj \xC3\xA9p\xC3\xBClet munk\xC3\xA1latai majdnem"
		  " befejez\xC5\x91" "dtek, \xC3\xA9s a tan\xC3\xA9v h\xC3\xA1romsz\xC3\xA1z di\xC3\xA1kkal indul, ahog"
		  "y a v\xC3\xA1ros vezet\xC3\xA9se m\xC3\xA1r tavaly is tervezte.\n\nSzab\xC3\xB3 \xC3\x89va polg"
		  "\xC3\xA1rmester tegnap megl\xC3\xA1togatta az \xC3\xA9p\xC3\xADtkez\xC3\xA9st.\n\nK\xC3\xA9s\xC5\x91" "b"
		  "b hozz\xC3\xA1tette: \xE2\x80\x9E" "A munk\xC3\xA1k tavaszra befejez\xC5\x91" "dnek.\xE2\x80\x9D\n",
		  "A munk\xC3\xA1k tavaszra befejez\xC5\x91" "dnek. => Szab\xC3\xB3 \xC3\x89va",
		  "hozz\xC3\xA1tette" },   /* (the cue without a subject: the language drops it) */
		{ /* "added" with its prefix after the verb */
		  "H\xC3\xADrek a v\xC3\xA1rosb\xC3\xB3l\n\nAz \xC3\xBAj \xC3\xA9p\xC3\xBClet munk\xC3\xA1latai majdnem"
		  " befejez\xC5\x91" "dtek, \xC3\xA9s a tan\xC3\xA9v h\xC3\xA1romsz\xC3\xA1z di\xC3\xA1kkal indul, ahog"
		  "y a v\xC3\xA1ros vezet\xC3\xA9se m\xC3\xA1r tavaly is tervezte.\n\n\xE2\x80\x9ENincs ok az aggodalom"
		  "ra\xE2\x80\x9D \xE2\x80\x93 tette hozz\xC3\xA1 T\xC3\xB3th G\xC3\xA1" "bor.\n",
		  "Nincs ok az aggodalomra => T\xC3\xB3th G\xC3\xA1" "bor",
		  "tette" },
		{ /* "indicated", a cue of news copy */
		  "H\xC3\xADrek a v\xC3\xA1rosb\xC3\xB3l\n\nAz \xC3\xBAj \xC3\xA9p\xC3\xBClet munk\xC3\xA1latai majdnem"
		  " befejez\xC5\x91" "dtek, \xC3\xA9s a tan\xC3\xA9v h\xC3\xA1romsz\xC3\xA1z di\xC3\xA1kkal indul, ahog"
		  "y a v\xC3\xA1ros vezet\xC3\xA9se m\xC3\xA1r tavaly is tervezte.\n\n\xE2\x80\x9E" "A p\xC3\xA9nz az "
		  "\xC3\xA9v v\xC3\xA9g\xC3\xA9ig meg\xC3\xA9rkezik\xE2\x80\x9D \xE2\x80\x93 jelezte T\xC3\xB3th G"
		  "\xC3\xA1" "bor miniszter.\n",
		  "A p\xC3\xA9nz az \xC3\xA9v v\xC3\xA9g\xC3\xA9ig meg\xC3\xA9rkezik => T\xC3\xB3th G\xC3\xA1" "bor",
		  "jelezte" },
		{ /* an adverb opens the sentence of a cue without a subject: not a name */
		  "\xCE\x95\xCE\xB9\xCE\xB4\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82 \xCE\xB1\xCF\x80\xCF\x8C \xCF\x84"
		  "\xCE\xB7\xCE\xBD \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\n\n\xCE\x97 \xCE\xB4\xCE\xAE\xCE\xBC\xCE\xB1"
		  "\xCF\x81\xCF\x87\xCE\xBF\xCF\x82 \xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7 \xCE\x93\xCE\xB5\xCF\x89"
		  "\xCF\x81\xCE\xB3\xCE\xAF\xCE\xBF\xCF\x85 \xCE\xB5\xCF\x80\xCE\xB9\xCF\x83\xCE\xBA\xCE\xAD\xCF\x86"
		  "\xCE\xB8\xCE\xB7\xCE\xBA\xCE\xB5 \xCF\x87\xCE\xB8\xCE\xB5\xCF\x82 \xCF\x84\xCE\xBF \xCE\xB5\xCF\x81"
		  "\xCE\xB3\xCE\xBF\xCF\x84\xCE\xAC\xCE\xBE\xCE\xB9\xCE\xBF \xCF\x83\xCF\x84\xCE\xBF \xCE\xBA\xCE\xAD"
		  "\xCE\xBD\xCF\x84\xCF\x81\xCE\xBF \xCF\x84\xCE\xB7\xCF\x82 \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\xCF\x82."
		  "\n\n\xCE\x91\xCF\x81\xCE\xB3\xCF\x8C\xCF\x84\xCE\xB5\xCF\x81\xCE\xB1 \xCF\x80\xCF\x81\xCF\x8C"
		  "\xCF\x83\xCE\xB8\xCE\xB5\xCF\x83\xCE\xB5: \xC2\xAB\xCE\x9F\xCE\xB9 \xCE\xB5\xCF\x81\xCE\xB3\xCE\xB1"
		  "\xCF\x83\xCE\xAF\xCE\xB5\xCF\x82 \xCE\xB8\xCE\xB1 \xCE\xBF\xCE\xBB\xCE\xBF\xCE\xBA\xCE\xBB\xCE\xB7"
		  "\xCF\x81\xCF\x89\xCE\xB8\xCE\xBF\xCF\x8D\xCE\xBD \xCF\x84\xCE\xB7\xCE\xBD \xCE\xAC\xCE\xBD\xCE\xBF"
		  "\xCE\xB9\xCE\xBE\xCE\xB7.\xC2\xBB\n",
		  "\xCE\x9F\xCE\xB9 \xCE\xB5\xCF\x81\xCE\xB3\xCE\xB1\xCF\x83\xCE\xAF\xCE\xB5\xCF\x82 \xCE\xB8\xCE\xB1 "
		  "\xCE\xBF\xCE\xBB\xCE\xBF\xCE\xBA\xCE\xBB\xCE\xB7\xCF\x81\xCF\x89\xCE\xB8\xCE\xBF\xCF\x8D\xCE\xBD "
		  "\xCF\x84\xCE\xB7\xCE\xBD \xCE\xAC\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB7. => \xCE\x95\xCE\xBB"
		  "\xCE\xAD\xCE\xBD\xCE\xB7 \xCE\x93\xCE\xB5\xCF\x89\xCF\x81\xCE\xB3\xCE\xAF\xCE\xBF\xCF\x85",
		  "\xCF\x80\xCF\x81\xCF\x8C\xCF\x83\xCE\xB8\xCE\xB5\xCF\x83\xCE\xB5" },   /* (the cue without a subject: the language drops it) */
		{ /* "she herself" (article and pronoun) after the cue: the one before */
		  "\xCE\x95\xCE\xB9\xCE\xB4\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82 \xCE\xB1\xCF\x80\xCF\x8C \xCF\x84"
		  "\xCE\xB7\xCE\xBD \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\n\n\xCE\x97 \xCE\xB4\xCE\xAE\xCE\xBC\xCE\xB1"
		  "\xCF\x81\xCF\x87\xCE\xBF\xCF\x82 \xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7 \xCE\x93\xCE\xB5\xCF\x89"
		  "\xCF\x81\xCE\xB3\xCE\xAF\xCE\xBF\xCF\x85 \xCE\xB5\xCF\x80\xCE\xB9\xCF\x83\xCE\xBA\xCE\xAD\xCF\x86"
		  "\xCE\xB8\xCE\xB7\xCE\xBA\xCE\xB5 \xCF\x87\xCE\xB8\xCE\xB5\xCF\x82 \xCF\x84\xCE\xBF \xCE\xB5\xCF\x81"
		  "\xCE\xB3\xCE\xBF\xCF\x84\xCE\xAC\xCE\xBE\xCE\xB9\xCE\xBF \xCF\x83\xCF\x84\xCE\xBF \xCE\xBA\xCE\xAD"
		  "\xCE\xBD\xCF\x84\xCF\x81\xCE\xBF \xCF\x84\xCE\xB7\xCF\x82 \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\xCF\x82."
		  "\n\n\xC2\xAB\xCE\x94\xCE\xB5\xCE\xBD \xCF\x85\xCF\x80\xCE\xAC\xCF\x81\xCF\x87\xCE\xB5\xCE\xB9 "
		  "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82 \xCE\xB1\xCE\xBD\xCE\xB7\xCF\x83\xCF\x85\xCF\x87\xCE\xAF"
		  "\xCE\xB1\xCF\x82\xC2\xBB, \xCF\x80\xCF\x81\xCF\x8C\xCF\x83\xCE\xB8\xCE\xB5\xCF\x83\xCE\xB5 \xCE\xB7 "
		  "\xCE\xAF\xCE\xB4\xCE\xB9\xCE\xB1.\n",
		  "\xCE\x94\xCE\xB5\xCE\xBD \xCF\x85\xCF\x80\xCE\xAC\xCF\x81\xCF\x87\xCE\xB5\xCE\xB9 \xCE\xBB\xCF\x8C"
		  "\xCE\xB3\xCE\xBF\xCF\x82 \xCE\xB1\xCE\xBD\xCE\xB7\xCF\x83\xCF\x85\xCF\x87\xCE\xAF\xCE\xB1\xCF\x82 =>"
		  " \xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7 \xCE\x93\xCE\xB5\xCF\x89\xCF\x81\xCE\xB3\xCE\xAF\xCE\xBF"
		  "\xCF\x85",
		  "\xCF\x80\xCF\x81\xCF\x8C\xCF\x83\xCE\xB8\xCE\xB5\xCF\x83\xCE\xB5" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* "pointed out" in its other common spelling */
		  "\xCE\x95\xCE\xB9\xCE\xB4\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82 \xCE\xB1\xCF\x80\xCF\x8C \xCF\x84"
		  "\xCE\xB7\xCE\xBD \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\n\n\xC2\xAB\xCE\x91\xCF\x85\xCF\x84\xCF\x8C "
		  "\xCE\xB4\xCE\xB5\xCE\xBD \xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9 \xCE\xB1\xCE\xBB\xCE\xAE\xCE\xB8"
		  "\xCE\xB5\xCE\xB9\xCE\xB1\xC2\xBB, \xCE\xB5\xCF\x80\xCE\xB5\xCF\x83\xCE\xAE\xCE\xBC\xCE\xB1\xCE\xBD"
		  "\xCE\xB5 \xCE\xBF \xCF\x85\xCF\x80\xCE\xBF\xCF\x85\xCF\x81\xCE\xB3\xCF\x8C\xCF\x82 \xCE\x9A\xCF\x8E"
		  "\xCF\x83\xCF\x84\xCE\xB1\xCF\x82 \xCE\x94\xCE\xB7\xCE\xBC\xCE\xB7\xCF\x84\xCF\x81\xCE\xAF\xCE\xBF"
		  "\xCF\x85.\n",
		  "\xCE\x91\xCF\x85\xCF\x84\xCF\x8C \xCE\xB4\xCE\xB5\xCE\xBD \xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9 "
		  "\xCE\xB1\xCE\xBB\xCE\xAE\xCE\xB8\xCE\xB5\xCE\xB9\xCE\xB1 => \xCE\x9A\xCF\x8E\xCF\x83\xCF\x84\xCE\xB1"
		  "\xCF\x82 \xCE\x94\xCE\xB7\xCE\xBC\xCE\xB7\xCF\x84\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
		  "\xCE\xB5\xCF\x80\xCE\xB5\xCF\x83\xCE\xAE\xCE\xBC\xCE\xB1\xCE\xBD\xCE\xB5" },
		{ /* a conjunctive adverb opens the sentence of a cue without a subject */
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB8 \xD0\xBE\xD1\x82 \xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4"
		  "\xD0\xB0\n\n\xD0\x9A\xD0\xBC\xD0\xB5\xD1\x82\xD1\x8A\xD1\x82 \xD0\x95\xD0\xBB\xD0\xB5\xD0\xBD"
		  "\xD0\xB0 \xD0\x93\xD0\xB5\xD0\xBE\xD1\x80\xD0\xB3\xD0\xB8\xD0\xB5\xD0\xB2\xD0\xB0 \xD0\xBF\xD0\xBE"
		  "\xD1\x81\xD0\xB5\xD1\x82\xD0\xB8 \xD0\xB2\xD1\x87\xD0\xB5\xD1\x80\xD0\xB0 \xD1\x81\xD1\x82\xD1\x80"
		  "\xD0\xBE\xD0\xB5\xD0\xB6\xD0\xB0 \xD0\xB2 \xD1\x86\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8A\xD1\x80\xD0\xB0 "
		  "\xD0\xBD\xD0\xB0 \xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB0.\n\n\xD0\x9E\xD1\x81\xD0\xB2\xD0\xB5"
		  "\xD0\xBD \xD1\x82\xD0\xBE\xD0\xB2\xD0\xB0 \xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8: \xE2\x80\x9E"
		  "\xD0\x9D\xD1\x8F\xD0\xBC\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xB8\xD1\x87\xD0\xB8\xD0\xBD\xD0\xB0 \xD0\xB7"
		  "\xD0\xB0 \xD1\x82\xD1\x80\xD0\xB5\xD0\xB2\xD0\xBE\xD0\xB3\xD0\xB0.\xE2\x80\x9C\n",
		  "\xD0\x9D\xD1\x8F\xD0\xBC\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xB8\xD1\x87\xD0\xB8\xD0\xBD\xD0\xB0 \xD0\xB7"
		  "\xD0\xB0 \xD1\x82\xD1\x80\xD0\xB5\xD0\xB2\xD0\xBE\xD0\xB3\xD0\xB0. => \xD0\x95\xD0\xBB\xD0\xB5"
		  "\xD0\xBD\xD0\xB0 \xD0\x93\xD0\xB5\xD0\xBE\xD1\x80\xD0\xB3\xD0\xB8\xD0\xB5\xD0\xB2\xD0\xB0",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8" },   /* (the cue without a subject: the language drops it) */
		{ /* the perfect participle after its auxiliary */
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB8 \xD0\xBE\xD1\x82 \xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4"
		  "\xD0\xB0\n\n\xE2\x80\x9E\xD0\x9F\xD0\xB0\xD1\x80\xD0\xB8\xD1\x82\xD0\xB5 \xD1\x89\xD0\xB5 \xD0\xBF"
		  "\xD1\x80\xD0\xB8\xD1\x81\xD1\x82\xD0\xB8\xD0\xB3\xD0\xBD\xD0\xB0\xD1\x82 \xD0\xB4\xD0\xBE \xD0\xBA"
		  "\xD1\x80\xD0\xB0\xD1\x8F \xD0\xBD\xD0\xB0 \xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0\xD1\x82"
		  "\xD0\xB0\xE2\x80\x9C, \xD0\xB5 \xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB \xD0\xBC\xD0\xB8"
		  "\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x8A\xD1\x80 \xD0\xA1\xD1\x82\xD0\xBE\xD1\x8F\xD0\xBD \xD0\x94"
		  "\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2 \xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4 \xD0\xB6"
		  "\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xB8.\n",
		  "\xD0\x9F\xD0\xB0\xD1\x80\xD0\xB8\xD1\x82\xD0\xB5 \xD1\x89\xD0\xB5 \xD0\xBF\xD1\x80\xD0\xB8\xD1\x81"
		  "\xD1\x82\xD0\xB8\xD0\xB3\xD0\xBD\xD0\xB0\xD1\x82 \xD0\xB4\xD0\xBE \xD0\xBA\xD1\x80\xD0\xB0\xD1\x8F "
		  "\xD0\xBD\xD0\xB0 \xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0\xD1\x82\xD0\xB0 => \xD0\xA1"
		  "\xD1\x82\xD0\xBE\xD1\x8F\xD0\xBD \xD0\x94\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB" },
		{ /* a sentence adverb before a cue without a subject: not a name */
		  "Wiadomo\xC5\x9B" "ci z miasta\n\nBudowa nowego szpitala jest prawie zako\xC5\x84" "czona, "
		  "a plac\xC3\xB3wka ma zosta\xC4\x87 otwarta w przysz\xC5\x82ym roku, jak poinformowa"
		  "\xC5\x82 urz\xC4\x85" "d miasta.\n\nMinister zdrowia Piotr Nowak odwiedzi\xC5\x82 wczoraj "
		  "plac budowy. Nast\xC4\x99pnie powiedzia\xC5\x82: \xE2\x80\x9ESzpital b\xC4\x99" "dzie s"
		  "\xC5\x82u\xC5\xBCy\xC5\x82 ca\xC5\x82" "emu regionowi\xE2\x80\x9D.\n",
		  "Szpital b\xC4\x99" "dzie s\xC5\x82u\xC5\xBCy\xC5\x82 ca\xC5\x82" "emu regionowi => Piotr N"
		  "owak",
		  "powiedzia\xC5\x82" },
		{ /* the same in Czech */
		  "Zpr\xC3\xA1vy z m\xC4\x9Bsta\n\nStavba nov\xC3\xA9 nemocnice je t\xC3\xA9m"
		  "\xC4\x9B\xC5\x99 hotov\xC3\xA1 a za\xC5\x99\xC3\xADzen\xC3\xAD by se m\xC4\x9Blo otev"
		  "\xC5\x99\xC3\xADt p\xC5\x99\xC3\xAD\xC5\xA1t\xC3\xAD rok, jak uvedla radnice.\n\nMinistr z"
		  "dravotnictv\xC3\xAD Petr Dvo\xC5\x99\xC3\xA1k v\xC4\x8D" "era nav\xC5\xA1t\xC3\xADvil stav"
		  "eni\xC5\xA1t\xC4\x9B. Pot\xC3\xA9 prohl\xC3\xA1sil: \xE2\x80\x9ENemocnice bude slou"
		  "\xC5\xBEit cel\xC3\xA9mu kraji.\xE2\x80\x9C\n",
		  "Nemocnice bude slou\xC5\xBEit cel\xC3\xA9mu kraji. => Petr Dvo\xC5\x99\xC3\xA1k",
		  "prohl\xC3\xA1sil" },
		{ /* a Czech cue of reassurance */
		  "Zpr\xC3\xA1vy z m\xC4\x9Bsta\n\nStavba nov\xC3\xA9 nemocnice je t\xC3\xA9m"
		  "\xC4\x9B\xC5\x99 hotov\xC3\xA1 a za\xC5\x99\xC3\xADzen\xC3\xAD by se m\xC4\x9Blo otev"
		  "\xC5\x99\xC3\xADt p\xC5\x99\xC3\xAD\xC5\xA1t\xC3\xAD rok, jak uvedla radnice."
		  "\n\n\xE2\x80\x9E\xC5\xBD\xC3\xA1" "dn\xC3\xA9 zpo\xC5\xBE" "d\xC4\x9Bn\xC3\xAD nebude,"
		  "\xE2\x80\x9C ujistil starosta Tom\xC3\xA1\xC5\xA1 \xC4\x8C" "ern\xC3\xBD novin"
		  "\xC3\xA1\xC5\x99" "e.\n",
		  "\xC5\xBD\xC3\xA1" "dn\xC3\xA9 zpo\xC5\xBE" "d\xC4\x9Bn\xC3\xAD nebude, => Tom"
		  "\xC3\xA1\xC5\xA1 \xC4\x8C" "ern\xC3\xBD",
		  "ujistil" },
		{ /* a Russian sentence adverb before a cue without a subject: not a name, and the cue shown */
		  "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8 "
		  "\xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB0\n\n\xD0\xA1\xD1\x82\xD1\x80\xD0\xBE\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB9 \xD0\xB1\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD1\x86\xD1\x8B \xD0\xBF\xD0\xBE\xD1\x87\xD1\x82\xD0\xB8 \xD0\xB7\xD0\xB0\xD0\xB2\xD0\xB5\xD1\x80\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBE, \xD0\xB8 \xD0\xBE\xD0\xBD\xD0\xB0 \xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0\xBD\xD0\xB0 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F \xD0\xB2 \xD1\x81\xD0\xBB\xD0\xB5\xD0\xB4\xD1\x83\xD1\x8E\xD1\x89\xD0\xB5\xD0\xBC \xD0\xB3\xD0\xBE\xD0\xB4\xD1\x83, \xD1\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBB\xD0\xB8 \xD0\xB2 \xD0\xBC\xD1\x8D\xD1\x80\xD0\xB8\xD0\xB8.\n\n\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 \xD0\xB7\xD0\xB4\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBE\xD0\xBE\xD1\x85\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8F \xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 \xD0\xB2\xD1\x87\xD0\xB5\xD1\x80\xD0\xB0 \xD0\xBF\xD0\xBE\xD1\x81\xD0\xB5\xD1\x82\xD0\xB8\xD0\xBB \xD1\x81\xD1\x82\xD1\x80\xD0\xBE\xD0\xB9\xD0\xBA\xD1\x83. \xD0\x9F\xD0\xBE\xD0\xB7\xD0\xB6\xD0\xB5 \xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB: \xC2\xAB\xD0\x91\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0 \xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82 \xD0\xBE\xD0\xB1\xD1\x81\xD0\xBB\xD1\x83\xD0\xB6\xD0\xB8\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C \xD0\xB2\xD0\xB5\xD1\x81\xD1\x8C \xD1\x80\xD0\xB5\xD0\xB3\xD0\xB8\xD0\xBE\xD0\xBD\xC2\xBB."
		  "\n",
		  "\xD0\x91\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0 "
		  "\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82 "
		  "\xD0\xBE\xD0\xB1\xD1\x81\xD0\xBB\xD1\x83\xD0\xB6\xD0\xB8\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C "
		  "\xD0\xB2\xD0\xB5\xD1\x81\xD1\x8C \xD1\x80\xD0\xB5\xD0\xB3\xD0\xB8\xD0\xBE\xD0\xBD => "
		  "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 "
		  "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2",
		  "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB" },
		{ /* a Greek office with its field in the genitive, capitalised, before the name */
		  "\xCE\x95\xCE\xB9\xCE\xB4\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82 \xCE\xB1\xCF\x80\xCF\x8C "
		  "\xCF\x84\xCE\xB7\xCE\xBD \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\n\n\xCE\x9F\xCE\xB9 "
		  "\xCE\xB5\xCF\x81\xCE\xB3\xCE\xB1\xCF\x83\xCE\xAF\xCE\xB5\xCF\x82 \xCF\x83\xCF\x84\xCE\xBF "
		  "\xCE\xBA\xCF\x84\xCE\xAF\xCF\x81\xCE\xB9\xCE\xBF \xCE\xAD\xCF\x87\xCE\xBF\xCF\x85\xCE\xBD "
		  "\xCF\x83\xCF\x87\xCE\xB5\xCE\xB4\xCF\x8C\xCE\xBD "
		  "\xCE\xBF\xCE\xBB\xCE\xBF\xCE\xBA\xCE\xBB\xCE\xB7\xCF\x81\xCF\x89\xCE\xB8\xCE\xB5\xCE\xAF "
		  "\xCE\xBA\xCE\xB1\xCE\xB9 \xCE\xB7 "
		  "\xCF\x83\xCF\x87\xCE\xBF\xCE\xBB\xCE\xB9\xCE\xBA\xCE\xAE "
		  "\xCF\x87\xCF\x81\xCE\xBF\xCE\xBD\xCE\xB9\xCE\xAC \xCE\xB8\xCE\xB1 "
		  "\xCE\xBE\xCE\xB5\xCE\xBA\xCE\xB9\xCE\xBD\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9 \xCE\xBC\xCE\xB5 "
		  "\xCF\x84\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCF\x8C\xCF\x83\xCE\xB9\xCE\xBF\xCF\x85\xCF\x82 "
		  "\xCE\xBC\xCE\xB1\xCE\xB8\xCE\xB7\xCF\x84\xCE\xAD\xCF\x82.\n\n\xC2\xAB\xCE\xA4\xCE\xB1 "
		  "\xCE\xBD\xCE\xBF\xCF\x83\xCE\xBF\xCE\xBA\xCE\xBF\xCE\xBC\xCE\xB5\xCE\xAF\xCE\xB1 "
		  "\xCE\xB8\xCE\xB1 \xCF\x80\xCE\xAC\xCF\x81\xCE\xBF\xCF\x85\xCE\xBD "
		  "\xCE\xBD\xCE\xAD\xCE\xB1 \xCF\x87\xCF\x81\xCE\xAE\xCE\xBC\xCE\xB1\xCF\x84\xCE\xB1\xC2\xBB,"
		  " \xCE\xB4\xCE\xAE\xCE\xBB\xCF\x89\xCF\x83\xCE\xB5 \xCE\xBF "
		  "\xCF\x85\xCF\x80\xCE\xBF\xCF\x85\xCF\x81\xCE\xB3\xCF\x8C\xCF\x82 "
		  "\xCE\xA5\xCE\xB3\xCE\xB5\xCE\xAF\xCE\xB1\xCF\x82 "
		  "\xCE\x9A\xCF\x8E\xCF\x83\xCF\x84\xCE\xB1\xCF\x82 "
		  "\xCE\x94\xCE\xB7\xCE\xBC\xCE\xB7\xCF\x84\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85 "
		  "\xCF\x83\xCF\x84\xCE\xBF\xCF\x85\xCF\x82 "
		  "\xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x83\xCE\xB9\xCE\xBF\xCE\xB3\xCF\x81\xCE\xAC\xCF\x86\xCE\xBF\xCF\x85\xCF\x82.\n\n\xC2\xAB\xCE\x9F\xCE\xB9 \xCF\x86\xCF\x8C\xCF\x81\xCE\xBF\xCE\xB9 \xCE\xB4\xCE\xB5\xCE\xBD \xCE\xB8\xCE\xB1 \xCE\xB1\xCF\x85\xCE\xBE\xCE\xB7\xCE\xB8\xCE\xBF\xCF\x8D\xCE\xBD\xC2\xBB, \xCE\xB5\xCE\xAF\xCF\x80\xCE\xB5 \xCE\xBF \xCF\x85\xCF\x80\xCE\xBF\xCF\x85\xCF\x81\xCE\xB3\xCF\x8C\xCF\x82 \xCE\x9F\xCE\xB9\xCE\xBA\xCE\xBF\xCE\xBD\xCE\xBF\xCE\xBC\xCE\xB9\xCE\xBA\xCF\x8E\xCE\xBD \xCE\x9D\xCE\xAF\xCE\xBA\xCE\xBF\xCF\x82 \xCE\x91\xCE\xBB\xCE\xB5\xCE\xBE\xCE\xAF\xCE\xBF\xCF\x85."
		  "\n",
		  "\xCE\xA4\xCE\xB1 "
		  "\xCE\xBD\xCE\xBF\xCF\x83\xCE\xBF\xCE\xBA\xCE\xBF\xCE\xBC\xCE\xB5\xCE\xAF\xCE\xB1 "
		  "\xCE\xB8\xCE\xB1 \xCF\x80\xCE\xAC\xCF\x81\xCE\xBF\xCF\x85\xCE\xBD "
		  "\xCE\xBD\xCE\xAD\xCE\xB1 \xCF\x87\xCF\x81\xCE\xAE\xCE\xBC\xCE\xB1\xCF\x84\xCE\xB1 => "
		  "\xCE\x9A\xCF\x8E\xCF\x83\xCF\x84\xCE\xB1\xCF\x82 "
		  "\xCE\x94\xCE\xB7\xCE\xBC\xCE\xB7\xCF\x84\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85 | "
		  "\xCE\x9F\xCE\xB9 \xCF\x86\xCF\x8C\xCF\x81\xCE\xBF\xCE\xB9 \xCE\xB4\xCE\xB5\xCE\xBD "
		  "\xCE\xB8\xCE\xB1 \xCE\xB1\xCF\x85\xCE\xBE\xCE\xB7\xCE\xB8\xCE\xBF\xCF\x8D\xCE\xBD => "
		  "\xCE\x9D\xCE\xAF\xCE\xBA\xCE\xBF\xCF\x82 "
		  "\xCE\x91\xCE\xBB\xCE\xB5\xCE\xBE\xCE\xAF\xCE\xBF\xCF\x85",
		  "\xCE\xB4\xCE\xAE\xCE\xBB\xCF\x89\xCF\x83\xCE\xB5" },
		{ /* Hungarian "according to" after a name and its title: the cue shown */
		  "H\xC3\xADrek a v\xC3\xA1rosb\xC3\xB3l\n\nAz \xC3\xBAj \xC3\xA9p\xC3\xBClet munk\xC3\xA1lat"
		  "ai majdnem befejez\xC5\x91" "dtek, \xC3\xA9s a tan\xC3\xA9v h\xC3\xA1romsz\xC3\xA1z di"
		  "\xC3\xA1kkal indul, ahogy a v\xC3\xA1ros vezet\xC3\xA9se m\xC3\xA1r tavaly is tervezte."
		  "\n\nNagy P\xC3\xA9ter eg\xC3\xA9szs\xC3\xA9g\xC3\xBCgyi miniszter szerint \xE2\x80\x9E" "a"
		  " k\xC3\xB3rh\xC3\xA1zak \xC3\xBAj forr\xC3\xA1sokat kapnak j\xC3\xB6v\xC5\x91re"
		  "\xE2\x80\x9D.\n\nSzab\xC3\xB3 \xC3\x89va szerint \xE2\x80\x9E" "a munk\xC3\xA1k tavaszra b"
		  "efejez\xC5\x91" "dnek\xE2\x80\x9D.\n",
		  "a k\xC3\xB3rh\xC3\xA1zak \xC3\xBAj forr\xC3\xA1sokat kapnak j\xC3\xB6v\xC5\x91re => Nagy P"
		  "\xC3\xA9ter | a munk\xC3\xA1k tavaszra befejez\xC5\x91" "dnek => Szab\xC3\xB3 \xC3\x89va",
		  "szerint" },
		{ /* a pronoun after an adverb, the cue before a colon */
		  "Zi\xC5\x86" "as no pils\xC4\x93tas\n\nJaun\xC4\x81s skolas celtniec\xC4\xAB" "bas darbi "
		  "ir gandr\xC4\xABz pabeigti, un m\xC4\x81" "c\xC4\xAB" "bu gads s\xC4\x81ksies ar tr"
		  "\xC4\xABssimt skol\xC4\x93niem.\n\nMinistrs Andris Liepi\xC5\x86\xC5\xA1 vakar apmekl"
		  "\xC4\x93ja slimn\xC4\xAB" "cu.\n\nV\xC4\x93l\xC4\x81k vi\xC5\x86\xC5\xA1 piebilda: "
		  "\xE2\x80\x9ENauda b\xC5\xABs pieejama l\xC4\xAB" "dz gada beig\xC4\x81m.\xE2\x80\x9D\n",
		  "Nauda b\xC5\xABs pieejama l\xC4\xAB" "dz gada beig\xC4\x81m. => Andris Liepi\xC5\x86"
		  "\xC5\xA1",
		  "piebilda" },
		{ /* "according to" after its source, the surname in the genitive */
		  "Zi\xC5\x86" "as no pils\xC4\x93tas\n\nJaun\xC4\x81s skolas celtniec\xC4\xAB" "bas darbi "
		  "ir gandr\xC4\xABz pabeigti, un m\xC4\x81" "c\xC4\xAB" "bu gads s\xC4\x81ksies ar tr"
		  "\xC4\xABssimt skol\xC4\x93niem.\n\nMinistrs Andris Liepi\xC5\x86\xC5\xA1 vakar apmekl"
		  "\xC4\x93ja slimn\xC4\xAB" "cu.\n\nP\xC4\x93" "c ministra Liepi\xC5\x86" "a teikt\xC4\x81"
		  ", \xE2\x80\x9Eslimn\xC4\xAB" "cas sa\xC5\x86" "ems jaunu finans\xC4\x93jumu\xE2\x80\x9D."
		  "\n",
		  "slimn\xC4\xAB" "cas sa\xC5\x86" "ems jaunu finans\xC4\x93jumu => Andris Liepi\xC5\x86"
		  "\xC5\xA1",
		  "teikt\xC4\x81" },
		{ /* "pointed out", a role before the name */
		  "Zi\xC5\x86" "as no pils\xC4\x93tas\n\nJaun\xC4\x81s skolas celtniec\xC4\xAB" "bas darbi "
		  "ir gandr\xC4\xABz pabeigti, un m\xC4\x81" "c\xC4\xAB" "bu gads s\xC4\x81ksies ar tr"
		  "\xC4\xABssimt skol\xC4\x93niem.\n\n\xE2\x80\x9EM\xC4\x93s nepl\xC4\x81nojam paaugstin"
		  "\xC4\x81t nodok\xC4\xBCus,\xE2\x80\x9D nor\xC4\x81" "d\xC4\xABja uz\xC5\x86\xC4\x93muma "
		  "valdes priek\xC5\xA1s\xC4\x93" "d\xC4\x93t\xC4\x81js M\xC4\x81ris Kalns.\n",
		  "M\xC4\x93s nepl\xC4\x81nojam paaugstin\xC4\x81t nodok\xC4\xBCus, => M\xC4\x81ris Kalns",
		  "nor\xC4\x81" "d\xC4\xABja" },
		{ /* a pronoun after an adverb, the cue before a colon */
		  "Miesto naujienos\n\nNaujos mokyklos statybos darbai jau beveik baigti, ir mokslo metai p"
		  "rasid\xC4\x97s su trimis \xC5\xA1imtais mokini\xC5\xB3, kaip buvo planuota.\n\nMinistras"
		  " Tomas Kairys vakar aplank\xC4\x97 ligonin\xC4\x99.\n\nV\xC4\x97liau jis prid\xC5\xABr"
		  "\xC4\x97: \xE2\x80\x9EPinigai bus skirti iki met\xC5\xB3 pabaigos.\xE2\x80\x9C\n",
		  "Pinigai bus skirti iki met\xC5\xB3 pabaigos. => Tomas Kairys",
		  "prid\xC5\xABr\xC4\x97" },
		{ /* "according to" and the surname in the genitive */
		  "Miesto naujienos\n\nNaujos mokyklos statybos darbai jau beveik baigti, ir mokslo metai p"
		  "rasid\xC4\x97s su trimis \xC5\xA1imtais mokini\xC5\xB3, kaip buvo planuota.\n\nMinistr"
		  "\xC4\x97 Rasa Petraitien\xC4\x97 vakar aplank\xC4\x97 ligonin\xC4\x99.\n\nPasak ministr"
		  "\xC4\x97s Petraitien\xC4\x97s, \xE2\x80\x9Eligonin\xC4\x97s gaus nauj\xC5\xB3 l\xC4\x97"
		  "\xC5\xA1\xC5\xB3\xE2\x80\x9C.\n",
		  "ligonin\xC4\x97s gaus nauj\xC5\xB3 l\xC4\x97\xC5\xA1\xC5\xB3 => Rasa Petraitien\xC4\x97",
		  "Pasak" },
		{ /* "noted", a role before the name */
		  "Miesto naujienos\n\nNaujos mokyklos statybos darbai jau beveik baigti, ir mokslo metai p"
		  "rasid\xC4\x97s su trimis \xC5\xA1imtais mokini\xC5\xB3, kaip buvo planuota.\n\n"
		  "\xE2\x80\x9EMes neketiname didinti mokes\xC4\x8Di\xC5\xB3\xE2\x80\x9C, \xE2\x80\x93 pa"
		  "\xC5\xBEym\xC4\x97jo bendrov\xC4\x97s valdybos pirmininkas Darius Jankus.\n",
		  "Mes neketiname didinti mokes\xC4\x8Di\xC5\xB3 => Darius Jankus",
		  "pa\xC5\xBEym\xC4\x97jo" },
		{ /* an adverb opens the sentence of a cue without a subject: not a name */
		  "\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1"
		  "\xC5\x9Fmalar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland"
		  "\xC4\xB1 ve e\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 bu sonbaharda \xC3\xBC\xC3\xA7 y\xC3\xBCz "
		  "\xC3\xB6\xC4\x9Frenciyle ba\xC5\x9Flayacak.\n\nBakan Mehmet Y\xC4\xB1lmaz d\xC3\xBCn has"
		  "taneyi ziyaret etti.\n\nDaha sonra \xC5\x9Funlar\xC4\xB1 s\xC3\xB6yledi: \xE2\x80\x9CPar"
		  "a y\xC4\xB1l sonuna kadar haz\xC4\xB1r olacak.\xE2\x80\x9D\n",
		  "Para y\xC4\xB1l sonuna kadar haz\xC4\xB1r olacak. => Mehmet Y\xC4\xB1lmaz",
		  "s\xC3\xB6yledi" },   /* (the cue without a subject: the language drops it) */
		{ /* "according to" after its source, the surname with a case ending after an apostrophe */
		  "\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1"
		  "\xC5\x9Fmalar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland"
		  "\xC4\xB1 ve e\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 bu sonbaharda \xC3\xBC\xC3\xA7 y\xC3\xBCz "
		  "\xC3\xB6\xC4\x9Frenciyle ba\xC5\x9Flayacak.\n\nBakan Mehmet Y\xC4\xB1lmaz d\xC3\xBCn has"
		  "taneyi ziyaret etti.\n\nY\xC4\xB1lmaz'a g\xC3\xB6re, \xE2\x80\x9Chastaneler gelecek y"
		  "\xC4\xB1l yeni kaynak alacak\xE2\x80\x9D.\n",
		  "hastaneler gelecek y\xC4\xB1l yeni kaynak alacak => Mehmet Y\xC4\xB1lmaz",
		  "g\xC3\xB6re" },
		{ /* "used the words": the noun right after the quote is the cue */
		  "\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1"
		  "\xC5\x9Fmalar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland"
		  "\xC4\xB1 ve e\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 bu sonbaharda \xC3\xBC\xC3\xA7 y\xC3\xBCz "
		  "\xC3\xB6\xC4\x9Frenciyle ba\xC5\x9Flayacak.\n\nUzman Zeynep \xC3\x87" "elik, "
		  "\xE2\x80\x9CPiyasa \xC5\x9Fu anda olduk\xC3\xA7" "a istikrarl\xC4\xB1 g\xC3\xB6r\xC3\xBC"
		  "n\xC3\xBCyor\xE2\x80\x9D ifadelerini kulland\xC4\xB1.\n",
		  "Piyasa \xC5\x9Fu anda olduk\xC3\xA7" "a istikrarl\xC4\xB1 g\xC3\xB6r\xC3\xBCn\xC3\xBCyor"
		  " => Zeynep \xC3\x87" "elik",
		  "ifadelerini" },
		{ /* a noun with a light verb ("stated"): the noun is the cue */
		  "\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1"
		  "\xC5\x9Fmalar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland"
		  "\xC4\xB1 ve e\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 bu sonbaharda \xC3\xBC\xC3\xA7 y\xC3\xBCz "
		  "\xC3\xB6\xC4\x9Frenciyle ba\xC5\x9Flayacak.\n\nBakan Mehmet Y\xC4\xB1lmaz, \xE2\x80\x9C"
		  "\xC3\x96n\xC3\xBCm\xC3\xBCzdeki y\xC4\xB1l yeni bir hastane daha a\xC3\xA7\xC4\xB1lacak"
		  "\xE2\x80\x9D ifade etti.\n",
		  "\xC3\x96n\xC3\xBCm\xC3\xBCzdeki y\xC4\xB1l yeni bir hastane daha a\xC3\xA7\xC4\xB1lacak "
		  "=> Mehmet Y\xC4\xB1lmaz",
		  "ifade" },
		{ /* the cue with the pronoun joined: the speaker named before */
		  "Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun "
		  "ajaran akan dimulai dengan tiga ratus murid.\n\nMenteri Kesehatan Budi Santoso mengunjun"
		  "gi rumah sakit itu kemarin.\n\n\xE2\x80\x9C" "Dana tersebut akan tersedia sebelum akhir "
		  "tahun,\xE2\x80\x9D ujarnya.\n",
		  "Dana tersebut akan tersedia sebelum akhir tahun, => Budi Santoso",
		  "ujarnya" },   /* (the pronoun joined to the cue: the cue shown) */
		{ /* "according to" and a pronoun: the minister named before */
		  "Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun "
		  "ajaran akan dimulai dengan tiga ratus murid.\n\nMenteri Kesehatan Budi Santoso mengunjun"
		  "gi rumah sakit itu kemarin.\n\nMenurut dia, \xE2\x80\x9Csemua rumah sakit akan menerima "
		  "dana baru\xE2\x80\x9D.\n",
		  "semua rumah sakit akan menerima dana baru => Budi Santoso",
		  "Menurut" },
		{ /* a title before the name, the cue before a colon */
		  "Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun "
		  "ajaran akan dimulai dengan tiga ratus murid.\n\nGubernur Andi Wijaya menegaskan: "
		  "\xE2\x80\x9CPajak daerah tidak akan naik tahun ini.\xE2\x80\x9D\n",
		  "Pajak daerah tidak akan naik tahun ini. => Andi Wijaya",
		  "menegaskan" },
		{ /* "explained" after the quote, a role before the name */
		  "Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun "
		  "ajaran akan dimulai dengan tiga ratus murid.\n\n\xE2\x80\x9CHarga beras di pasar sekaran"
		  "g cukup stabil,\xE2\x80\x9D jelas pengamat ekonomi Dewi Lestari.\n",
		  "Harga beras di pasar sekarang cukup stabil, => Dewi Lestari",
		  "jelas" },
		{ /* "cho biết" (said) before a colon: its second syllable is the cue */
		  "Tin t\xE1\xBB\xA9" "c th\xC3\xA0nh ph\xE1\xBB\x91\n\nC\xC3\xB4ng tr\xC3\xACnh x\xC3\xA2y"
		  " d\xE1\xBB\xB1ng ng\xC3\xB4i tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi \xC4\x91\xC3\xA3 g"
		  "\xE1\xBA\xA7n ho\xC3\xA0n th\xC3\xA0nh, v\xC3\xA0 n\xC4\x83m h\xE1\xBB\x8D" "c s"
		  "\xE1\xBA\xBD b\xE1\xBA\xAFt \xC4\x91\xE1\xBA\xA7u v\xE1\xBB\x9Bi ba tr\xC4\x83m h"
		  "\xE1\xBB\x8D" "c sinh.\n\n\xC3\x94ng Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng cho bi"
		  "\xE1\xBA\xBFt: \xE2\x80\x9CNg\xC3\xA2n s\xC3\xA1" "ch s\xE1\xBA\xBD s\xE1\xBA\xB5n s"
		  "\xC3\xA0ng tr\xC6\xB0\xE1\xBB\x9B" "c cu\xE1\xBB\x91i n\xC4\x83m.\xE2\x80\x9D\n",
		  "Ng\xC3\xA2n s\xC3\xA1" "ch s\xE1\xBA\xBD s\xE1\xBA\xB5n s\xC3\xA0ng tr\xC6\xB0"
		  "\xE1\xBB\x9B" "c cu\xE1\xBB\x91i n\xC4\x83m. => Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng",
		  "bi\xE1\xBA\xBFt" },
		{ /* "according to", a role and the given name, the last syllable of the full name */
		  "Tin t\xE1\xBB\xA9" "c th\xC3\xA0nh ph\xE1\xBB\x91\n\nC\xC3\xB4ng tr\xC3\xACnh x\xC3\xA2y"
		  " d\xE1\xBB\xB1ng ng\xC3\xB4i tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi \xC4\x91\xC3\xA3 g"
		  "\xE1\xBA\xA7n ho\xC3\xA0n th\xC3\xA0nh, v\xC3\xA0 n\xC4\x83m h\xE1\xBB\x8D" "c s"
		  "\xE1\xBA\xBD b\xE1\xBA\xAFt \xC4\x91\xE1\xBA\xA7u v\xE1\xBB\x9Bi ba tr\xC4\x83m h"
		  "\xE1\xBB\x8D" "c sinh.\n\nB\xE1\xBB\x99 tr\xC6\xB0\xE1\xBB\x9Fng Nguy\xE1\xBB\x85n V"
		  "\xC4\x83n H\xC3\xB9ng h\xC3\xB4m qua \xC4\x91\xC3\xA3 \xC4\x91\xE1\xBA\xBFn th\xC4\x83m "
		  "b\xE1\xBB\x87nh vi\xE1\xBB\x87n.\n\nTheo B\xE1\xBB\x99 tr\xC6\xB0\xE1\xBB\x9Fng H"
		  "\xC3\xB9ng, \xE2\x80\x9C" "c\xC3\xA1" "c b\xE1\xBB\x87nh vi\xE1\xBB\x87n s\xE1\xBA\xBD n"
		  "h\xE1\xBA\xADn th\xC3\xAAm kinh ph\xC3\xAD m\xE1\xBB\x9Bi\xE2\x80\x9D.\n",
		  "c\xC3\xA1" "c b\xE1\xBB\x87nh vi\xE1\xBB\x87n s\xE1\xBA\xBD nh\xE1\xBA\xADn th\xC3\xAAm "
		  "kinh ph\xC3\xAD m\xE1\xBB\x9Bi => Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng",
		  "Theo" },
		{ /* "ông" (he) after the quote: the minister named before */
		  "Tin t\xE1\xBB\xA9" "c th\xC3\xA0nh ph\xE1\xBB\x91\n\nC\xC3\xB4ng tr\xC3\xACnh x\xC3\xA2y"
		  " d\xE1\xBB\xB1ng ng\xC3\xB4i tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi \xC4\x91\xC3\xA3 g"
		  "\xE1\xBA\xA7n ho\xC3\xA0n th\xC3\xA0nh, v\xC3\xA0 n\xC4\x83m h\xE1\xBB\x8D" "c s"
		  "\xE1\xBA\xBD b\xE1\xBA\xAFt \xC4\x91\xE1\xBA\xA7u v\xE1\xBB\x9Bi ba tr\xC4\x83m h"
		  "\xE1\xBB\x8D" "c sinh.\n\nB\xE1\xBB\x99 tr\xC6\xB0\xE1\xBB\x9Fng Nguy\xE1\xBB\x85n V"
		  "\xC4\x83n H\xC3\xB9ng h\xC3\xB4m qua \xC4\x91\xC3\xA3 \xC4\x91\xE1\xBA\xBFn th\xC4\x83m "
		  "b\xE1\xBB\x87nh vi\xE1\xBB\x87n.\n\n\xE2\x80\x9C" "C\xC3\xA1" "c b\xE1\xBB\x87nh vi"
		  "\xE1\xBB\x87n s\xE1\xBA\xBD nh\xE1\xBA\xADn th\xC3\xAAm kinh ph\xC3\xAD m\xE1\xBB\x9Bi"
		  "\xE2\x80\x9D, \xC3\xB4ng n\xC3\xB3i.\n",
		  "C\xC3\xA1" "c b\xE1\xBB\x87nh vi\xE1\xBB\x87n s\xE1\xBA\xBD nh\xE1\xBA\xADn th\xC3\xAAm "
		  "kinh ph\xC3\xAD m\xE1\xBB\x9Bi => Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng",
		  "n\xC3\xB3i" },
		{ /* "nhấn mạnh" (stressed) after a role and the name */
		  "Tin t\xE1\xBB\xA9" "c th\xC3\xA0nh ph\xE1\xBB\x91\n\nC\xC3\xB4ng tr\xC3\xACnh x\xC3\xA2y"
		  " d\xE1\xBB\xB1ng ng\xC3\xB4i tr\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Bi \xC4\x91\xC3\xA3 g"
		  "\xE1\xBA\xA7n ho\xC3\xA0n th\xC3\xA0nh, v\xC3\xA0 n\xC4\x83m h\xE1\xBB\x8D" "c s"
		  "\xE1\xBA\xBD b\xE1\xBA\xAFt \xC4\x91\xE1\xBA\xA7u v\xE1\xBB\x9Bi ba tr\xC4\x83m h"
		  "\xE1\xBB\x8D" "c sinh.\n\n\xE2\x80\x9CGi\xC3\xA1 g\xE1\xBA\xA1o tr\xC3\xAAn th"
		  "\xE1\xBB\x8B tr\xC6\xB0\xE1\xBB\x9Dng hi\xE1\xBB\x87n kh\xC3\xA1 \xE1\xBB\x95n \xC4\x91"
		  "\xE1\xBB\x8Bnh\xE2\x80\x9D, chuy\xC3\xAAn gia kinh t\xE1\xBA\xBF L\xC3\xAA Minh Tu"
		  "\xE1\xBA\xA5n nh\xE1\xBA\xA5n m\xE1\xBA\xA1nh.\n",
		  "Gi\xC3\xA1 g\xE1\xBA\xA1o tr\xC3\xAAn th\xE1\xBB\x8B tr\xC6\xB0\xE1\xBB\x9Dng hi"
		  "\xE1\xBB\x87n kh\xC3\xA1 \xE1\xBB\x95n \xC4\x91\xE1\xBB\x8Bnh => L\xC3\xAA Minh Tu"
		  "\xE1\xBA\xA5n",
		  "nh\xE1\xBA\xA5n" },
		{ /* Slovak: an adverb opens the sentence of a cue without a subject, before a colon: not a name */
		  "Spr\xC3\xA1vy z mesta\n\nPr\xC3\xA1" "ce na novej budove s\xC3\xBA takmer hotov\xC3\xA9 a "
		  "\xC5\xA1kolsk\xC3\xBD rok sa za\xC4\x8Dne s tristo \xC5\xBEiakmi, ako u\xC5\xBE ozn\xC3\xA1milo "
		  "mesto.\n\nPrim\xC3\xA1torka Jana Kov\xC3\xA1\xC4\x8Dov\xC3\xA1 v\xC4\x8D" "era nav\xC5\xA1t"
		  "\xC3\xADvila stavenisko.\n\nNesk\xC3\xB4r dodala: \xE2\x80\x9EPr\xC3\xA1" "ce bud\xC3\xBA hotov"
		  "\xC3\xA9 na jar.\xE2\x80\x9C\n",
		  "Pr\xC3\xA1" "ce bud\xC3\xBA hotov\xC3\xA9 na jar. => Jana Kov\xC3\xA1\xC4\x8Dov\xC3\xA1",
		  "dodala" },   /* (the cue without a subject: the language drops it) */
		{ /* Slovak: a role and its genitive before the name */
		  "Spr\xC3\xA1vy z mesta\n\nPr\xC3\xA1" "ce na novej budove s\xC3\xBA takmer hotov\xC3\xA9 a "
		  "\xC5\xA1kolsk\xC3\xBD rok sa za\xC4\x8Dne s tristo \xC5\xBEiakmi, ako u\xC5\xBE ozn\xC3\xA1milo "
		  "mesto.\n\n\xE2\x80\x9EPeniaze pr\xC3\xAD" "du do konca roka,\xE2\x80\x9C uviedol hovorca ministe"
		  "rstva Martin Hrub\xC3\xBD.\n",
		  "Peniaze pr\xC3\xAD" "du do konca roka, => Martin Hrub\xC3\xBD",
		  "uviedol" },
		{ /* Slovak: "according to" a surname in the genitive */
		  "Spr\xC3\xA1vy z mesta\n\nMinister Peter Horv\xC3\xA1th v utorok predstavil nov\xC3\xBD pl"
		  "\xC3\xA1n pre nemocnice.\n\nPod\xC4\xBE" "a Horv\xC3\xA1tha \xE2\x80\x9Enemocnice dostan\xC3\xBA"
		  " peniaze e\xC5\xA1te tento rok\xE2\x80\x9C.\n",
		  "nemocnice dostan\xC3\xBA peniaze e\xC5\xA1te tento rok => Peter Horv\xC3\xA1th",
		  "Pod\xC4\xBE" "a" },
		{ /* Slovenian: an adverb opens the sentence of a cue without a subject, before a colon: not a name */
		  "Novice iz mesta\n\nDela na novi stavbi so skoraj kon\xC4\x8D" "ana, \xC5\xA1olsko leto pa se bo "
		  "za\xC4\x8D" "elo s tristo u\xC4\x8D" "enci, kot je \xC5\xBE" "e napovedala ob\xC4\x8Dina.\n\n"
		  "\xC5\xBDupanja Ana Kova\xC4\x8Di\xC4\x8D si je v\xC4\x8D" "eraj ogledala gradbi\xC5\xA1\xC4\x8D" "e"
		  ".\n\nKasneje je dodala: \xC2\xBB" "Dela bodo kon\xC4\x8D" "ana spomladi.\xC2\xAB\n",
		  "Dela bodo kon\xC4\x8D" "ana spomladi. => Ana Kova\xC4\x8Di\xC4\x8D",
		  "dodala" },   /* (the cue without a subject: the language drops it) */
		{ /* Slovenian: a role with its adjective and genitive before the name */
		  "Novice iz mesta\n\nDela na novi stavbi so skoraj kon\xC4\x8D" "ana, \xC5\xA1olsko leto pa se bo "
		  "za\xC4\x8D" "elo s tristo u\xC4\x8D" "enci, kot je \xC5\xBE" "e napovedala ob\xC4\x8Dina.\n\n"
		  "\xC2\xBB" "Denar bo pri\xC5\xA1" "el do konca leta,\xC2\xAB je poudaril tiskovni predstavnik min"
		  "istrstva Marko Zupan.\n",
		  "Denar bo pri\xC5\xA1" "el do konca leta, => Marko Zupan",
		  "poudaril" },
		{ /* Slovenian: "according to" (by the words of) a surname in the genitive */
		  "Novice iz mesta\n\nMinister Janez Horvat je v torek predstavil nov na\xC4\x8Drt za bolni\xC5\xA1"
		  "nice.\n\nPo besedah Horvata \xC2\xBB" "bodo bolni\xC5\xA1nice denar dobile \xC5\xA1" "e letos"
		  "\xC2\xAB.\n",
		  "bodo bolni\xC5\xA1nice denar dobile \xC5\xA1" "e letos => Janez Horvat",
		  "-" },
		{ /* Slovenian: a pronoun in the next sentence, its cue before a colon (the cue not
		   * checked: shown when the model takes the pronoun, not the name before it) */
		  "Novice iz mesta\n\nMinistrica Petra Novak je v torek predstavila nov na\xC4\x8Drt za bolni"
		  "\xC5\xA1nice.\n\nOna je poudarila: \xC2\xBB" "Denar bo pri\xC5\xA1" "el do konca leta.\xC2\xAB\n",
		  "Denar bo pri\xC5\xA1" "el do konca leta. => Petra Novak",
		  "poudarila" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* Finnish: speech opening its paragraph with a dash, the cue in the present before a role and the name */
		  "Uutisia kaupungista\n\nUuden rakennuksen ty\xC3\xB6t ovat l\xC3\xA4hes valmiit, ja lukuvuosi alk"
		  "aa kolmensadan oppilaan kanssa.\n\n\xE2\x80\x93 Avaamme uuden koulun syyskuussa, sanoo kaupungin"
		  "johtaja Anna M\xC3\xA4kel\xC3\xA4.\n",
		  "Avaamme uuden koulun syyskuussa, => Anna M\xC3\xA4kel\xC3\xA4",
		  "sanoo" },
		{ /* Finnish: a role after the genitive of a body, before the name */
		  "Uutisia kaupungista\n\nUuden rakennuksen ty\xC3\xB6t ovat l\xC3\xA4hes valmiit.\n\n\xE2\x80\x9DR"
		  "ahat tulevat vuoden loppuun menness\xC3\xA4\xE2\x80\x9D, kertoo ministeri\xC3\xB6n tiedottaja Mi"
		  "kko Heikkinen.\n",
		  "Rahat tulevat vuoden loppuun menness\xC3\xA4 => Mikko Heikkinen",
		  "kertoo" },
		{ /* Finnish: "according to" after a surname in the genitive */
		  "Uutisia kaupungista\n\nMinisteri Pekka Laine esitteli tiistaina uuden suunnitelman sairaaloille."
		  "\n\nLaineen mukaan \xE2\x80\x9Dsairaalat saavat rahat viel\xC3\xA4 t\xC3\xA4n\xC3\xA4 vuonna"
		  "\xE2\x80\x9D.\n",
		  "sairaalat saavat rahat viel\xC3\xA4 t\xC3\xA4n\xC3\xA4 vuonna => Pekka Laine",
		  "mukaan" },
		{ /* Finnish: a pronoun in the next sentence, its cue before a colon (the cue not
		   * checked: shown when the model takes the pronoun, not the name before it) */
		  "Uutisia kaupungista\n\nMinisteri Pekka Laine esitteli tiistaina uuden suunnitelman sairaaloille."
		  "\n\nH\xC3\xA4n korosti: \xE2\x80\x9DSairaalat saavat rahat viel\xC3\xA4 t\xC3\xA4n\xC3\xA4 vuonn"
		  "a.\xE2\x80\x9D\n",
		  "Sairaalat saavat rahat viel\xC3\xA4 t\xC3\xA4n\xC3\xA4 vuonna. => Pekka Laine",
		  "korosti" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* Estonian: an adverb opens the sentence, the verb second and its pronoun after it, before
		   * a colon (the cue, not checked, as in the Greek "she herself" case) */
		  "Uudised linnast\n\nUue hoone ehitust\xC3\xB6\xC3\xB6" "d on peaaegu valmis ja \xC3\xB5ppeaasta a"
		  "lgab kolmesaja \xC3\xB5pilasega.\n\nLinnapea Mari Tamm k\xC3\xBClastas eile ehitusplatsi.\n\nHil"
		  "jem lisas ta: \xE2\x80\x9ET\xC3\xB6\xC3\xB6" "d saavad valmis kevadeks.\xE2\x80\x9C\n",
		  "T\xC3\xB6\xC3\xB6" "d saavad valmis kevadeks. => Mari Tamm",
		  "lisas" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* Estonian: a role after the genitive of a body, before the name */
		  "Uudised linnast\n\nUue hoone ehitust\xC3\xB6\xC3\xB6" "d on peaaegu valmis.\n\n\xE2\x80\x9ERaha "
		  "j\xC3\xB5uab kohale aasta l\xC3\xB5puks,\xE2\x80\x9C \xC3\xBCtles ministeeriumi pressiesindaja J"
		  "aan Kask.\n",
		  "Raha j\xC3\xB5uab kohale aasta l\xC3\xB5puks, => Jaan Kask",
		  "\xC3\xBCtles" },
		{ /* Estonian: "by the words of" after a surname in the genitive */
		  "Uudised linnast\n\nMinister Peeter Kuusik tutvustas teisip\xC3\xA4" "eval haiglate uut plaani.\n"
		  "\nKuusiku s\xC3\xB5nul \xE2\x80\x9Esaavad haiglad raha veel sel aastal\xE2\x80\x9C.\n",
		  "saavad haiglad raha veel sel aastal => Peeter Kuusik",
		  "s\xC3\xB5nul" },
		{ /* Estonian: a pronoun in the next sentence, its cue before a colon (the cue not
		   * checked: shown when the model takes the pronoun, not the name before it) */
		  "Uudised linnast\n\nMinister Kadri Lepp tutvustas teisip\xC3\xA4" "eval haiglate uut plaani.\n\nT"
		  "a r\xC3\xB5hutas: \xE2\x80\x9EHaiglad saavad raha veel sel aastal.\xE2\x80\x9C\n",
		  "Haiglad saavad raha veel sel aastal. => Kadri Lepp",
		  "r\xC3\xB5hutas" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* Galician: an adverb opens the sentence of a cue without a subject, before a colon: not a name */
		  "Novas da cidade\n\nAs obras do novo edificio est\xC3\xA1n case rematadas e o curso comezar"
		  "\xC3\xA1 con trescentos alumnos, segundo anunciou o concello.\n\nA alcaldesa Ana Fern\xC3\xA1nde"
		  "z visitou onte as obras.\n\nPosteriormente engadiu: \"As obras estar\xC3\xA1n rematadas na prima"
		  "vera.\"\n",
		  "As obras estar\xC3\xA1n rematadas na primavera. => Ana Fern\xC3\xA1ndez",
		  "engadiu" },   /* (the cue without a subject: the language drops it) */
		{ /* Galician: a role and its genitive, then the name after a comma */
		  "Novas da cidade\n\nAs obras do novo edificio xa est\xC3\xA1n case rematadas, pero a\xC3\xADnda n"
		  "on hai data para a inauguraci\xC3\xB3n.\n\n\xC2\xABO di\xC3\xB1" "eiro chegar\xC3\xA1 antes de f"
		  "inal de ano\xC2\xBB, sinalou o voceiro da conseller\xC3\xAD" "a, Xos\xC3\xA9 Varela.\n",
		  "O di\xC3\xB1" "eiro chegar\xC3\xA1 antes de final de ano => Xos\xC3\xA9 Varela",
		  "sinalou" },
		{ /* Galician: "according to" a surname */
		  "Novas da cidade\n\nO conselleiro Manuel Rodr\xC3\xADguez presentou o martes o novo plan para os "
		  "hospitais, que tam\xC3\xA9n incl\xC3\xBA" "e m\xC3\xA1is persoal.\n\nSegundo Rodr\xC3\xADguez, "
		  "\xC2\xABos hospitais recibir\xC3\xA1n o di\xC3\xB1" "eiro este mesmo ano\xC2\xBB.\n",
		  "os hospitais recibir\xC3\xA1n o di\xC3\xB1" "eiro este mesmo ano => Manuel Rodr\xC3\xADguez",
		  "Segundo" },
		{ /* Galician: a pronoun in the next sentence, its cue before a colon (the cue not
		   * checked: shown when the model takes the pronoun, not the name before it) */
		  "Novas da cidade\n\nA conselleira Marta Castro presentou o martes o novo plan para os hospitais, "
		  "que tam\xC3\xA9n incl\xC3\xBA" "e m\xC3\xA1is persoal.\n\nEla subli\xC3\xB1ou: \xC2\xABOs hospit"
		  "ais recibir\xC3\xA1n o di\xC3\xB1" "eiro este mesmo ano.\xC2\xBB\n",
		  "Os hospitais recibir\xC3\xA1n o di\xC3\xB1" "eiro este mesmo ano. => Marta Castro",
		  "subli\xC3\xB1ou" },   /* (the pronoun's cue, shown whether the model takes the pronoun or the name) */
		{ /* Galician: the attribution inside the marks between dashes */
		  "Novas da cidade\n\nA conselleira Marta Castro presentou o martes o novo plan para os hospitais, "
		  "que tam\xC3\xA9n incl\xC3\xBA" "e m\xC3\xA1is persoal.\n\n\xC2\xABOs hospitais recibir\xC3\xA1n "
		  "o di\xC3\xB1" "eiro \xE2\x80\x94" "explicou Castro\xE2\x80\x94 este mesmo ano.\xC2\xBB\n",
		  "Os hospitais recibir\xC3\xA1n o di\xC3\xB1" "eiro => Marta Castro | este mesmo ano. => Marta Cas"
		  "tro",
		  "explicou" },
		{ /* Slovenian: "as she says" opens the sentence: "kot" is no name */
		  "Novice iz mesta\n\nMestni svet je v ponedeljek sklenil, da bo mesto dobilo nov bazen.\n\nPredsed"
		  "nica dru\xC5\xA1tva stanovalcev Nina Kos je zaskrbljena. Kot pravi, \xC2\xBBse bo promet na obmo"
		  "\xC4\x8Dju preve\xC4\x8D pove\xC4\x8D" "al\xC2\xAB.\n",
		  "se bo promet na obmo\xC4\x8Dju preve\xC4\x8D pove\xC4\x8D" "al => Nina Kos",
		  "pravi" },   /* (the cue without a subject: the language drops it) */
		{ /* Finnish: speech after a dash ends at a comma, the pronoun and the cue ("hän lisää") */
		  "Uutisia kaupungista\n\nKaupunginjohtaja Liisa Korhonen esitteli hankkeen maanantaina.\n\n"
		  "\xE2\x80\x93 Korjaaminen olisi tullut yht\xC3\xA4 kalliiksi, h\xC3\xA4n lis\xC3\xA4\xC3\xA4.\n",
		  "Korjaaminen olisi tullut yht\xC3\xA4 kalliiksi, => Liisa Korhonen",
		  "lis\xC3\xA4\xC3\xA4" },
	};
	expect_cases(cases, sizeof cases / sizeof *cases);
}

/* Turkish writes a name's case ending after an apostrophe
 * (apostrophe_suffix): the name is shown without it. */
static void names_before_an_apostrophe_suffix(void **state)
{
	(void)state;
	EXPECT("\xC5\x9E" "ehirden haberler\n\nYeni okulun in\xC5\x9F" "aat \xC3\xA7" "al\xC4\xB1\xC5\x9Fm"
	       "alar\xC4\xB1 b\xC3\xBCy\xC3\xBCk \xC3\xB6l\xC3\xA7\xC3\xBC" "de tamamland\xC4\xB1 ve e"
	       "\xC4\x9Fitim y\xC4\xB1l\xC4\xB1 \xC3\xBC\xC3\xA7 y\xC3\xBCz \xC3\xB6\xC4\x9Frenciyle ba"
	       "\xC5\x9Flayacak.\n\nBakan Zeynep \xC3\x87" "elik'e g\xC3\xB6re \xE2\x80\x9Ct\xC3\xBCm hast"
	       "aneler yeni kaynak alacak\xE2\x80\x9D.\n\nBelediye Ba\xC5\x9Fkan\xC4\xB1 Ali Kaya'ya sorul"
	       "du\xC4\x9Funda, \xE2\x80\x9Cokul eyl\xC3\xBClde a\xC3\xA7\xC4\xB1lacak\xE2\x80\x9D dedi.\n",
	       "t\xC3\xBCm hastaneler yeni kaynak alacak => Zeynep \xC3\x87" "elik | okul eyl\xC3\xBClde a"
	       "\xC3\xA7\xC4\xB1lacak => Ali Kaya");
}

/* A month's name in a person's name (Theresa May, April Ryan) is part of
 * it where no number makes a date of it; a month of one language that is
 * a given name in others is no calendar word of every language (Mei, Mart). */
static void names_holding_a_month(void **state)
{
	(void)state;
	EXPECT("Politics\n\nThe prime minister spoke to reporters on Monday after the vote.\n\n\"We will d"
	       "eliver on the promise we made,\" said Theresa May.\n\n\"It is a good day for the country,"
	       "\" said April Ryan, a reporter.\n",
	       "We will deliver on the promise we made, => Theresa May | It is a good day for the country,"
	       " => April Ryan");
	EXPECT("Sports news\n\nThe team won the final on Sunday after a long season.\n\n\"We trained for t"
	       "his day for four years,\" said coach Li Mei after the match.\n\nThe Estonian player Mart K"
	       "ask added: \"It was a hard game.\"\n",
	       "We trained for this day for four years, => Li Mei | It was a hard game. => Mart Kask");
	EXPECT("Politics\n\nThe vote was held on 5 May 2016 in the capital.\n\n\"It was close,\" said the minister "
	       "on May 6.\n",
	       "It was close, => the minister");
}

/* Indonesian names a person again by the given name (given_name_reference):
 * "according to Budi" after "Budi Santoso" is Budi Santoso. */
static void given_name_reference(void **state)
{
	(void)state;
	EXPECT("Berita kota\n\nPembangunan gedung sekolah yang baru itu sudah hampir selesai, dan tahun aj"
	       "aran akan dimulai dengan tiga ratus murid.\n\nMenteri Kesehatan Budi Santoso mengunjungi r"
	       "umah sakit itu kemarin.\n\nMenurut Budi, \xE2\x80\x9Csemua rumah sakit akan menerima dana "
	       "baru\xE2\x80\x9D.\n",
	       "semua rumah sakit akan menerima dana baru => Budi Santoso");
}

/* Where names take case endings, "according to" a surname in the genitive
 * (Polish "wedlug", Russian "po mneniju") names the person the article
 * gave in full before; a feminine one may be no longer than her name in
 * full (Czech "podle Novakove" after "Jana Novakova"). */
static void inflected_surnames(void **state)
{
	/* an ending in place of the last three letters (Finnish -nen, -sen) */
	EXPECT("Uutisia kaupungista\n\nUuden koulun rakennusty\xC3\xB6t ovat l\xC3\xA4hes valmiit, ja luku"
	       "vuosi alkaa kolmensadan oppilaan kanssa, kertoi kaupunki tiistaina.\n\nTerveysministeri Pe"
	       "kka Virtanen vieraili eilen sairaalassa.\n\nVirtasen mukaan \xE2\x80\x9Dkaikki sairaalat s"
	       "aavat uutta rahaa\xE2\x80\x9D.\n",
	       "kaikki sairaalat saavat uutta rahaa => Pekka Virtanen");
	/* an ending in place of the last two letters (Lithuanian -as, -o) */
	EXPECT("Miesto naujienos\n\nNaujos mokyklos statybos darbai beveik baigti, o mokslo metai prasid"
	       "\xC4\x97s su trimis \xC5\xA1imtais mokini\xC5\xB3, kaip prane\xC5\xA1\xC4\x97 savivaldyb"
	       "\xC4\x97.\n\nSveikatos apsaugos ministras Tomas Kazlauskas vakar aplank\xC4\x97 ligonin"
	       "\xC4\x99.\n\nPasak ministro Kazlausko, \xE2\x80\x9Evisos ligonin\xC4\x97s gaus nauj"
	       "\xC5\xB3 l\xC4\x97\xC5\xA1\xC5\xB3\xE2\x80\x9C.\n",
	       "visos ligonin\xC4\x97s gaus nauj\xC5\xB3 l\xC4\x97\xC5\xA1\xC5\xB3 => Tomas Kazlauskas");
	/* a name of two words in another case is the person named in full
	 * (the given name in its case too); another given name is another person */
	EXPECT("Wiadomo\xC5\x9B" "ci\n\nBurmistrz Jan Kowalski przedstawi\xC5\x82 we wtorek nowy plan budowy sz"
	       "ko\xC5\x82y.\n\nWed\xC5\x82ug zast\xC4\x99pcy burmistrza Marii Kowalskiej \xE2\x80\x9E" "budowa"
	       " potrwa dwa lata\xE2\x80\x9D.\n\nWed\xC5\x82ug burmistrza Jana Kowalskiego \xE2\x80\x9Epieni"
	       "\xC4\x85" "dze na budow\xC4\x99 s\xC4\x85 ju\xC5\xBC zabezpieczone w bud\xC5\xBC" "ecie miasta"
	       "\xE2\x80\x9D.\n",
	       "budowa potrwa dwa lata => Marii Kowalskiej | pieni\xC4\x85" "dze na budow\xC4\x99 s\xC4\x85 ju"
	       "\xC5\xBC zabezpieczone w bud\xC5\xBC" "ecie miasta => Jan Kowalski");
	EXPECT("Vijesti\n\nGradona\xC4\x8D" "elnik Ivan Horvat predstavio je u utorak novi plan izgradnje "
	       "\xC5\xA1kole.\n\nPrema rije\xC4\x8Dima gradona\xC4\x8D" "elnika Ivana Horvata, \xE2\x80\x9Enova"
	       "c za gradnju ve\xC4\x87 je osiguran u gradskom prora\xC4\x8Dunu\xE2\x80\x9D.\n",
	       "novac za gradnju ve\xC4\x87 je osiguran u gradskom prora\xC4\x8Dunu => Ivan Horvat");
	EXPECT("Wiadomo\xC5\x9B" "ci\n\nBurmistrz Jan Kowalski przedstawi\xC5\x82 we wtorek nowy plan budowy "
	       "szko\xC5\x82y.\n\nWed\xC5\x82ug Kowalskiego \xE2\x80\x9Epieni\xC4\x85" "dze na budow\xC4\x99 "
	       "s\xC4\x85 ju\xC5\xBC zabezpieczone w bud\xC5\xBC" "ecie miasta\xE2\x80\x9D.\n",
	       "pieni\xC4\x85" "dze na budow\xC4\x99 s\xC4\x85 ju\xC5\xBC zabezpieczone w bud\xC5\xBC" "ecie miasta "
	       "=> Jan Kowalski");
	EXPECT("\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8\n\n\xD0\x90\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x82\xD0\xB8\xD0\xBA "
	       "\xD0\x95\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0 "
	       "\xD0\xA1\xD0\xBE\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB0 "
	       "\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4\xD1\x81\xD1\x82\xD0\xB0\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0 "
	       "\xD0\xB2\xD0\xBE \xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA "
	       "\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 \xD0\xB4\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4 \xD0\xBE "
	       "\xD1\x80\xD1\x8B\xD0\xBD\xD0\xBA\xD0\xB5.\n\n\xD0\x9F\xD0\xBE "
	       "\xD0\xBC\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8E "
	       "\xD0\xA1\xD0\xBE\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB9, "
	       "\xC2\xAB\xD1\x80\xD1\x8B\xD0\xBD\xD0\xBE\xD0\xBA "
	       "\xD0\xBE\xD0\xB6\xD0\xB8\xD0\xB4\xD0\xB0\xD0\xB5\xD1\x82 \xD0\xB1\xD0\xBE\xD0\xBB\xD0\xB5\xD0\xB5 "
	       "\xD0\xB2\xD1\x8B\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8B\xD1\x85 "
	       "\xD1\x83\xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xB9 \xD0\xB4\xD0\xBB\xD1\x8F "
	       "\xD0\xB0\xD0\xBA\xD1\x86\xD0\xB8\xD0\xBE\xD0\xBD\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB2\xC2\xBB.\n",
	       "\xD1\x80\xD1\x8B\xD0\xBD\xD0\xBE\xD0\xBA \xD0\xBE\xD0\xB6\xD0\xB8\xD0\xB4\xD0\xB0\xD0\xB5\xD1\x82 "
	       "\xD0\xB1\xD0\xBE\xD0\xBB\xD0\xB5\xD0\xB5 "
	       "\xD0\xB2\xD1\x8B\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8B\xD1\x85 "
	       "\xD1\x83\xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xB9 \xD0\xB4\xD0\xBB\xD1\x8F "
	       "\xD0\xB0\xD0\xBA\xD1\x86\xD0\xB8\xD0\xBE\xD0\xBD\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB2 => "
	       "\xD0\x95\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0 "
	       "\xD0\xA1\xD0\xBE\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB0");
	EXPECT("Zpr\xC3\xA1vy\n\nStarostka Jana Nov\xC3\xA1kov\xC3\xA1 p\xC5\x99" "edstavila v \xC3\xBAter\xC3\xBD "
	       "nov\xC3\xBD pl\xC3\xA1n stavby \xC5\xA1koly.\n\nPodle Nov\xC3\xA1kov\xC3\xA9 "
	       "\xE2\x80\x9Epen\xC3\xADze na stavbu jsou u\xC5\xBE zaji\xC5\xA1t\xC4\x9Bny v rozpo\xC4\x8Dtu "
	       "m\xC4\x9Bsta\xE2\x80\x9C.\n",
	       "pen\xC3\xADze na stavbu jsou u\xC5\xBE zaji\xC5\xA1t\xC4\x9Bny v rozpo\xC4\x8Dtu m\xC4\x9Bsta => "
	       "Jana Nov\xC3\xA1kov\xC3\xA1");
}

/* In a language without articles (bare_nouns), a capitalised quote right
 * after a noun, whatever its case, names a company, a paper or a forum:
 * no speech; and a role, its genitive and a name ("the head of the
 * company" then the name, no comma) are one person: the name is shown. */
static void bare_nouns_name_things_and_people(void **state)
{
	EXPECT("\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8 "
	       "\xD1\x8D\xD0\xBA\xD0\xBE\xD0\xBD\xD0\xBE\xD0\xBC\xD0\xB8\xD0\xBA\xD0\xB8\n\n\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBF\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8F "
	       "\xC2\xAB\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB9\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB5 "
	       "\xD0\xB6\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xB7\xD0\xBD\xD1\x8B\xD0\xB5 "
	       "\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB3\xD0\xB8\xC2\xBB \xD0\xB2\xD0\xBE "
	       "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA "
	       "\xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0 \xD0\xBE "
	       "\xD0\xBF\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB8 "
	       "\xD1\x82\xD0\xB0\xD1\x80\xD0\xB8\xD1\x84\xD0\xBE\xD0\xB2. \xD0\x9E\xD0\xB1 "
	       "\xD1\x8D\xD1\x82\xD0\xBE\xD0\xBC \xD1\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBB\xD0\xB0 "
	       "\xD0\xB3\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0 "
	       "\xC2\xAB\xD0\x98\xD0\xB7\xD0\xB2\xD0\xB5\xD1\x81\xD1\x82\xD0\xB8\xD1\x8F\xC2\xBB.\n\n\xD0\x93\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xB0 "
	       "\xD0\xBA\xD0\xBE\xD0\xBC\xD0\xBF\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB8 \xD0\x9E\xD0\xBB\xD0\xB5\xD0\xB3 "
	       "\xD0\xA1\xD0\xBC\xD0\xB8\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB2 "
	       "\xD0\xB2\xD1\x8B\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xB8\xD0\xBB \xD0\xBD\xD0\xB0 "
	       "\xD1\x84\xD0\xBE\xD1\x80\xD1\x83\xD0\xBC\xD0\xB5 "
	       "\xC2\xAB\xD0\xA2\xD1\x80\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82 "
	       "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8 "
	       "\xD0\xB1\xD1\x83\xD0\xB4\xD1\x83\xD1\x89\xD0\xB5\xD0\xB3\xD0\xBE\xC2\xBB. \xC2\xAB\xD0\x9C\xD1\x8B "
	       "\xD0\xB2\xD1\x8B\xD0\xBD\xD1\x83\xD0\xB6\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x8B "
	       "\xD0\xBF\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F\xD1\x82\xD1\x8C \xD1\x86\xD0\xB5\xD0\xBD\xD1\x8B "
	       "\xD0\xB8\xD0\xB7-\xD0\xB7\xD0\xB0 \xD1\x80\xD0\xBE\xD1\x81\xD1\x82\xD0\xB0 "
	       "\xD1\x80\xD0\xB0\xD1\x81\xD1\x85\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xB2\xC2\xBB, \xE2\x80\x94 "
	       "\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB \xD0\xBE\xD0\xBD.\n",
	       "\xD0\x9C\xD1\x8B \xD0\xB2\xD1\x8B\xD0\xBD\xD1\x83\xD0\xB6\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x8B "
	       "\xD0\xBF\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F\xD1\x82\xD1\x8C \xD1\x86\xD0\xB5\xD0\xBD\xD1\x8B "
	       "\xD0\xB8\xD0\xB7-\xD0\xB7\xD0\xB0 \xD1\x80\xD0\xBE\xD1\x81\xD1\x82\xD0\xB0 "
	       "\xD1\x80\xD0\xB0\xD1\x81\xD1\x85\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xB2 => "
	       "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xB3 \xD0\xA1\xD0\xBC\xD0\xB8\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB2");
	EXPECT("Wiadomo\xC5\x9B" "ci z rynku\n\nAnalitycy przyj\xC4\x99li wiadomo\xC5\x9B\xC4\x87 ostro\xC5\xBCnie. "
	       "\xE2\x80\x9ERynek oczekiwa\xC5\x82 korzystniejszych warunk\xC3\xB3w dla akcjonariuszy\xE2\x80\x9D "
	       "\xE2\x80\x93 oceni\xC5\x82" "a analityczka firmy inwestycyjnej Ewa Zieli\xC5\x84ska.\n",
	       "Rynek oczekiwa\xC5\x82 korzystniejszych warunk\xC3\xB3w dla akcjonariuszy => Ewa Zieli\xC5\x84ska");
}

/* Dash speech in a language with attribution inside the words: an
 * attribution that ends the paragraph ends the quote ("—A —dijo X."), and
 * one that a full stop and a dash close lets the speech go on ("— A, —
 * said X. — B", as Russian writes it). */
static void dash_speech_attribution_inside(void **state)
{
	EXPECT("Noticias\n\nEl ministro de Hacienda habl\xC3\xB3 con los periodistas.\n\n\xE2\x80\x94No vamos a "
	       "subir los impuestos este a\xC3\xB1o \xE2\x80\x94" "dijo el ministro.\n",
	       "No vamos a subir los impuestos este a\xC3\xB1o => el ministro");
	EXPECT("\xD0\x98\xD0\xBD\xD1\x82\xD0\xB5\xD1\x80\xD0\xB2\xD1\x8C\xD1\x8E\n\n\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 "
	       "\xD1\x84\xD0\xB8\xD0\xBD\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBE\xD0\xB2 "
	       "\xD0\xBE\xD1\x82\xD0\xB2\xD0\xB5\xD1\x82\xD0\xB8\xD0\xBB \xD0\xBD\xD0\xB0 "
	       "\xD0\xB2\xD0\xBE\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD1\x8B "
	       "\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD0\xB2.\n\n\xE2\x80\x94 "
	       "\xD0\x9C\xD1\x8B \xD0\xBD\xD0\xB5 "
	       "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x80\xD1\x83\xD0\xB5\xD0\xBC "
	       "\xD0\xBF\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x88\xD0\xB0\xD1\x82\xD1\x8C "
	       "\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xBE\xD0\xB3\xD0\xB8 \xD0\xB2 \xD1\x8D\xD1\x82\xD0\xBE\xD0\xBC "
	       "\xD0\xB3\xD0\xBE\xD0\xB4\xD1\x83, \xE2\x80\x94 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB "
	       "\xD0\xBC\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80. \xE2\x80\x94 "
	       "\xD0\x91\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82 \xD0\xBD\xD0\xB0 "
	       "\xD1\x81\xD0\xBB\xD0\xB5\xD0\xB4\xD1\x83\xD1\x8E\xD1\x89\xD0\xB8\xD0\xB9 \xD0\xB3\xD0\xBE\xD0\xB4 "
	       "\xD1\x81\xD0\xB1\xD0\xB0\xD0\xBB\xD0\xB0\xD0\xBD\xD1\x81\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD.\n",
	       "\xD0\x9C\xD1\x8B \xD0\xBD\xD0\xB5 "
	       "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x80\xD1\x83\xD0\xB5\xD0\xBC "
	       "\xD0\xBF\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x88\xD0\xB0\xD1\x82\xD1\x8C "
	       "\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xBE\xD0\xB3\xD0\xB8 \xD0\xB2 \xD1\x8D\xD1\x82\xD0\xBE\xD0\xBC "
	       "\xD0\xB3\xD0\xBE\xD0\xB4\xD1\x83, => \xD0\xBC\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 | "
	       "\xD0\x91\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82 \xD0\xBD\xD0\xB0 "
	       "\xD1\x81\xD0\xBB\xD0\xB5\xD0\xB4\xD1\x83\xD1\x8E\xD1\x89\xD0\xB8\xD0\xB9 \xD0\xB3\xD0\xBE\xD0\xB4 "
	       "\xD1\x81\xD0\xB1\xD0\xB0\xD0\xBB\xD0\xB0\xD0\xBD\xD1\x81\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD. "
	       "=> \xD0\xBC\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80");
}

/* A participle opening the sentence ("Asked about X, he answered: ...")
 * is no name: Polish, Czech, Russian and Ukrainian list theirs as
 * closed-class words. (A short Polish article: its frequent words "na",
 * "do", "o" are counted for Polish, not only for Portuguese.) */
static void participles_are_no_names(void **state)
{
	EXPECT("Wywiad\n\nMinister finans\xC3\xB3w Adam Nowicki odpowiada\xC5\x82 we wtorek na pytania "
	       "dziennikarzy.\n\nZapytany o emerytury odpowiedzia\xC5\x82: \xE2\x80\x9E" "Emerytury zostan\xC4\x85 "
	       "zwaloryzowane od pierwszego stycznia\xE2\x80\x9D.\n",
	       "Emerytury zostan\xC4\x85 zwaloryzowane od pierwszego stycznia => Adam Nowicki");
}

/* A role or a body after an elided article ("l'avvocato", "l'avocat",
 * "l'association") is a phrase like one after a full article. */
static void elided_article_phrases(void **state)
{
	EXPECT("Faits divers\n\nLe conseil municipal s'est r\xC3\xA9uni hier soir pour voter le budget de la ville.\n\n"
	       "\xC2\xAB Mon client ne r\xC3\xA9pondra pas aux questions de la presse \xC2\xBB, a d\xC3\xA9" "clar\xC3\xA9 "
	       "l'avocat.\n",
	       "Mon client ne r\xC3\xA9pondra pas aux questions de la presse => l'avocat");
	EXPECT("Notizie dal tribunale\n\nIl processo per la rapina della banca \xC3\xA8 ripreso ieri mattina davanti ai "
	       "giudici.\n\nPi\xC3\xB9 tardi l'assessore ha spiegato: \"non ho mai firmato quel contratto con la banca\".\n",
	       "non ho mai firmato quel contratto con la banca => l'assessore");
}

static void it_ha_detto(void **state)
{
	EXPECT("Notizie dal Comune\n\n\xC2\xAB" "La citt\xC3\xA0 \xC3\xA8 pronta per il cambiamento\xC2\xBB, ha detto Marco Rossi.\n",
	       "La citt\xC3\xA0 \xC3\xA8 pronta per il cambiamento => Marco Rossi");
}

/* Two particles in a row inside a name (Jan van der Linden, after an
 * initial: P. van der Linden) or leading a surname (Van der Linden) keep
 * the name one run. */
static void nl_particles_lead_a_surname(void **state)
{
	EXPECT("Nieuws uit Utrecht\n\n\xE2\x80\x9EWe gaan door met het plan voor de nieuwe brug\xE2\x80\x9D, zei Jan van der "
	       "Linden gisteren.\n",
	       "We gaan door met het plan voor de nieuwe brug => Jan van der Linden");
	EXPECT("Nieuws uit Utrecht\n\n\xE2\x80\x9EWe gaan door met het plan voor de nieuwe brug\xE2\x80\x9D, zei Van der Linden "
	       "gisteren.\n",
	       "We gaan door met het plan voor de nieuwe brug => Van der Linden");
	EXPECT("Nieuws uit Utrecht\n\n\xE2\x80\x9EWe gaan door met het plan voor de nieuwe brug\xE2\x80\x9D, zei P. van der "
	       "Linden gisteren.\n",
	       "We gaan door met het plan voor de nieuwe brug => P. van der Linden");
}

static void zh_shuo(void **state)
{
	EXPECT("\xE6\x96\xB0\xE9\x97\xBB\n\n\xE7\x8E\x8B\xE6\x98\x8E\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE4\xB8\xAD\xE6\x96\xB9"
	       "\xE6\x84\xBF\xE6\x84\x8F\xE5\x90\x88\xE4\xBD\x9C\xE3\x80\x82\xE2\x80\x9D\n",
	       "\xE4\xB8\xAD\xE6\x96\xB9\xE6\x84\xBF\xE6\x84\x8F\xE5\x90\x88\xE4\xBD\x9C\xE3\x80\x82 => \xE7\x8E\x8B\xE6\x98\x8E");
}

static void ja_to_nobeta(void **state)
{
	/* 山本氏は「大切にしたい」と語った。 */
	EXPECT("\xE7\xB5\x8C\xE6\xB8\x88\n\n\xE5\xB1\xB1\xE6\x9C\xAC\xE6\xB0\x8F\xE3\x81\xAF\xE3\x80\x8C\xE5\xA4\xA7\xE5\x88\x87"
	       "\xE3\x81\xAB\xE3\x81\x97\xE3\x81\x9F\xE3\x81\x84\xE3\x80\x8D\xE3\x81\xA8\xE8\xAA\x9E\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82\n",
	       "\xE5\xA4\xA7\xE5\x88\x87\xE3\x81\xAB\xE3\x81\x97\xE3\x81\x9F\xE3\x81\x84 => \xE5\xB1\xB1\xE6\x9C\xAC");
}

/* An honorific after a surname of one character stays in the speaker
 * shown: the surname alone names no one. */
static void zh_honorific_kept(void **state)
{
	/* 新闻 / 王博士说：“我们会再试一次。” */
	EXPECT("\xE6\x96\xB0\xE9\x97\xBB\n\n\xE7\x8E\x8B\xE5\x8D\x9A\xE5\xA3\xAB\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE5\x86\x8D\xE8\xAF\x95\xE4\xB8\x80\xE6\xAC\xA1\xE3\x80\x82\xE2\x80\x9D\n",
	       "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE5\x86\x8D\xE8\xAF\x95\xE4\xB8\x80\xE6\xAC\xA1\xE3\x80\x82 => \xE7\x8E\x8B\xE5\x8D\x9A\xE5\xA3\xAB");
}

/* ---- fixtures ------------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)len + 1);
	*n = fread(s, 1, (size_t)len, f);
	s[*n] = '\0';
	fclose(f);
	return s;
}

/* Checks the fixture name; counts its quotes and wrong speakers into tally[0], tally[1]. */
static void check_fixture(const char *name, void *ctx)
{
	size_t *tally = ctx, *n_ = &tally[0], *wrong = &tally[1];
	char path[512];
	size_t n, en;
	snprintf(path, sizeof path, "%s/%s.txt", FIXTURES, name);
	doc *d = NULL;
	assert_int_equal(doc_load(path, &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, NULL, &l), 0);
	snprintf(path, sizeof path, "%s/%s.expect", FIXTURES, name);
	char *expect = slurp(path, &en);
	assert_non_null(expect);
	size_t k = 0;
	for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
		char *tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		if (!strcmp(line, "lang")) {
			assert_string_equal(l.lang, tab + 1);
			continue;
		}
		if (k >= l.n)
			fail_msg("%s: quote %zu missing: %s", name, k, line);
		char *s = quote_text(d, &l.v[k]);
		if (strcmp(s, line))
			fail_msg("%s: quote %zu is \"%s\", want \"%s\"", name, k, s, line);
		free(s);
		const char *spk = l.v[k].speaker ? l.v[k].speaker : "-";
		if (strcmp(spk, tab + 1)) {
			print_message("%s: quote %zu speaker is \"%s\", want \"%s\"\n", name, k, spk, tab + 1);
			++*wrong;
		}
		++*n_;
		k++;
	}
	if (k != l.n)
		fail_msg("%s: %zu quotes, want %zu", name, l.n, k);
	(void)n;
	free(expect);
	quote_list_free(&l);
	doc_free(d);
}

static void fixtures(void **state)
{
	size_t tally[2] = { 0, 0 };   /* quotes, wrong speakers */
	assert_true(each_fixture(FIXTURES, check_fixture, tally) >= 15);
	print_message("fixtures: %zu of %zu speakers right\n", tally[0] - tally[1], tally[0]);
	assert_true((double)(tally[0] - tally[1]) >= FIXTURE_SPEAKERS * (double)tally[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(en_quote_comma_name_said),
		cmocka_unit_test(en_quote_said_name),
		cmocka_unit_test(en_said_party_pollster_name),
		cmocka_unit_test(en_said_long_title_run_name),
		cmocka_unit_test(en_name_said_colon),
		cmocka_unit_test(en_said_that_partial),
		cmocka_unit_test(en_according_to),
		cmocka_unit_test(en_pronoun_and_fullest),
		cmocka_unit_test(en_fullest_after_headline),
		cmocka_unit_test(en_pronoun_gender),
		cmocka_unit_test(en_descriptive_speaker),
		cmocka_unit_test(en_apposition_subject),
		cmocka_unit_test(en_speaker_past_many_mentions),
		cmocka_unit_test(en_speaker_in_sentence_before),
		cmocka_unit_test(en_continuation_paragraph),
		cmocka_unit_test(en_unknown_speaker),
		cmocka_unit_test(en_interrupted),
		cmocka_unit_test(da_inverted),
		cmocka_unit_test(da_dash_pronoun),
		cmocka_unit_test(da_lyder_det_fra),
		cmocka_unit_test(no_dash_and_guillemets),
		cmocka_unit_test(sv_same_mark_and_enligt),
		cmocka_unit_test(en_description_complement),
		cmocka_unit_test(en_abbreviated_honorific),
		cmocka_unit_test(en_capitals_are_no_name),
		cmocka_unit_test(de_subject_cue_object_als),
		cmocka_unit_test(de_description_complement),
		cmocka_unit_test(it_inner_dash_short_part),
		cmocka_unit_test(de_sagte_and_so),
		cmocka_unit_test(de_sagte_er),
		cmocka_unit_test(de_inverted_verb_second),
		cmocka_unit_test(de_adverb_before_verb),
		cmocka_unit_test(de_conjunction_opens_sentence),
		cmocka_unit_test(nl_conjunction_opens_sentence),
		cmocka_unit_test(nl_time_phrase_before_cue),
		cmocka_unit_test(de_time_phrase_before_cue),
		cmocka_unit_test(de_role_words_inflected),
		cmocka_unit_test(de_subject_past_the_nearest),
		cmocka_unit_test(fr_declare_and_inner),
		cmocka_unit_test(fr_a_t_il),
		cmocka_unit_test(es_role_de_company),
		cmocka_unit_test(es_dijo_el_ministro),
		cmocka_unit_test(cue_of_the_quotes_own_sentence),
		cmocka_unit_test(es_segun),
		cmocka_unit_test(es_role_adjective_after),
		cmocka_unit_test(fr_role_adjective_after),
		cmocka_unit_test(it_article_and_possessive),
		cmocka_unit_test(es_lo_opens_sentence),
		cmocka_unit_test(nl_zei_and_aldus),
		cmocka_unit_test(nl_ze_is_she_or_they),
		cmocka_unit_test(quantifiers_are_no_names),
		cmocka_unit_test(it_inner_dashes),
		cmocka_unit_test(it_ha_detto),
		cmocka_unit_test(romance_cue_verbs),
		cmocka_unit_test(languages_without_articles),
		cmocka_unit_test(new_languages_harder_patterns),
		cmocka_unit_test(inflected_surnames),
		cmocka_unit_test(given_name_reference),
		cmocka_unit_test(names_holding_a_month),
		cmocka_unit_test(names_before_an_apostrophe_suffix),
		cmocka_unit_test(bare_nouns_name_things_and_people),
		cmocka_unit_test(dash_speech_attribution_inside),
		cmocka_unit_test(participles_are_no_names),
		cmocka_unit_test(elided_article_phrases),
		cmocka_unit_test(nl_particles_lead_a_surname),
		cmocka_unit_test(zh_shuo),
		cmocka_unit_test(ja_to_nobeta),
		cmocka_unit_test(zh_honorific_kept),
		cmocka_unit_test(lexicon_dropout_unlists_the_cue),
		cmocka_unit_test(fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
