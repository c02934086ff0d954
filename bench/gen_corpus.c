/* Writes a multilingual news-like text for the benchmarks: a headline, then
 * paragraphs of English, Danish, German, French and Spanish prose (each
 * with its own quotation marks, dashes, numbers), about 5 % of paragraphs
 * Chinese or Japanese, about 3 % with emoji. Deterministic for a seed.
 *
 * usage: gen_corpus MEGABYTES FILE [SEED]
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rng {
	uint64_t s;
} rng;

static uint32_t rnd(rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s >> 11);
}

static size_t pick(rng *r, size_t n)
{
	return rnd(r) % n;
}

#define N(a) (sizeof a / sizeof *a)

typedef struct lang {
	const char *const *words;
	size_t nwords;
	const char *open, *close;     /* quotation marks */
	const char *const *verbs;     /* speech verbs */
	size_t nverbs;
} lang;

static const char *const en_words[] = {
	"the", "government", "said", "on", "Tuesday", "that", "it", "would", "not", "comment", "on",
	"reports", "about", "the", "new", "policy", "which", "critics", "have", "called", "a", "step",
	"backwards", "for", "press", "freedom", "in", "the", "region", "minister", "officials",
	"according", "to", "spokesperson", "investigation", "committee", "parliament", "election",
	"economy", "inflation", "percent", "market", "company", "shares", "rose", "fell", "sharply",
	"well-known", "long-term", "follow-up", "year-on-year", "however", "meanwhile", "and", "of",
	"was", "were", "is", "are", "has", "had", "been", "with", "from", "by", "this", "their",
};
static const char *const en_verbs[] = { "said", "told reporters", "added", "explained", "wrote" };

static const char *const da_words[] = {
	"regeringen", "sagde", "tirsdag", "at", "den", "ikke", "vil", "kommentere", "oplysningerne",
	"om", "den", "nye", "politik", "som", "kritikere", "kalder", "et", "tilbageskridt", "for",
	"pressefriheden", "i", "regionen", "ministeren", "embedsmænd", "ifølge", "talsperson",
	"undersøgelse", "udvalget", "Folketinget", "valget", "økonomien", "inflationen", "procent",
	"markedet", "selskabet", "aktierne", "steg", "faldt", "kraftigt", "blåbærgrød", "større",
	"først", "også", "være", "kommer", "året", "Københavns", "Århus", "søndag", "måned",
};
static const char *const da_verbs[] = { "siger", "sagde", "tilføjer", "forklarer", "skriver" };

static const char *const de_words[] = {
	"die", "Regierung", "sagte", "am", "Dienstag", "dass", "sie", "sich", "nicht", "zu", "den",
	"Berichten", "über", "die", "neue", "Politik", "äußern", "werde", "Kritiker", "nennen", "einen",
	"Rückschritt", "für", "Pressefreiheit", "in", "der", "Region", "Minister", "Beamte", "laut",
	"Sprecherin", "Untersuchung", "Ausschuss", "Bundestag", "Wahl", "Wirtschaft", "Inflation",
	"Prozent", "Markt", "Unternehmen", "Aktien", "stiegen", "fielen", "deutlich", "Straße",
	"Größe", "Bürgermeister", "Öffentlichkeit", "Gesundheitsministerium", "zunächst", "würde",
};
static const char *const de_verbs[] = { "sagte", "erklärte", "betonte", "fügte hinzu", "schrieb" };

static const char *const fr_words[] = {
	"le", "gouvernement", "a", "déclaré", "mardi", "qu'il", "ne", "commenterait", "pas", "les",
	"informations", "sur", "la", "nouvelle", "politique", "que", "les", "critiques", "qualifient",
	"de", "recul", "pour", "la", "liberté", "presse", "dans", "région", "ministre", "fonctionnaires",
	"selon", "porte-parole", "enquête", "commission", "Assemblée", "élection", "économie",
	"inflation", "pour", "cent", "marché", "entreprise", "actions", "ont", "augmenté", "baissé",
	"fortement", "déjà", "très", "été", "être", "où", "français", "société", "année", "aujourd'hui",
};
static const char *const fr_verbs[] = { "a déclaré", "a ajouté", "a expliqué", "a souligné", "écrit" };

static const char *const es_words[] = {
	"el", "gobierno", "dijo", "el", "martes", "que", "no", "comentaría", "las", "informaciones",
	"sobre", "la", "nueva", "política", "que", "los", "críticos", "califican", "de", "retroceso",
	"para", "libertad", "de", "prensa", "en", "la", "región", "ministro", "funcionarios", "según",
	"portavoz", "investigación", "comisión", "Congreso", "elecciones", "economía", "inflación",
	"por", "ciento", "mercado", "empresa", "acciones", "subieron", "cayeron", "fuertemente",
	"año", "señor", "niño", "también", "después", "España", "José", "María", "más", "así",
};
static const char *const es_verbs[] = { "dijo", "añadió", "explicó", "señaló", "escribió" };

static const lang langs[] = {
	{ en_words, N(en_words), "\xe2\x80\x9c", "\xe2\x80\x9d", en_verbs, N(en_verbs) },
	{ da_words, N(da_words), "\xe2\x80\x9e", "\xe2\x80\x9c", da_verbs, N(da_verbs) },
	{ de_words, N(de_words), "\xe2\x80\x9e", "\xe2\x80\x9c", de_verbs, N(de_verbs) },
	{ fr_words, N(fr_words), "\xc2\xab\xc2\xa0", "\xc2\xa0\xc2\xbb", fr_verbs, N(fr_verbs) },
	{ es_words, N(es_words), "\xc2\xab", "\xc2\xbb", es_verbs, N(es_verbs) },
};

static const char *const names[] = {
	"Mette Frederiksen", "Olaf Scholz", "Emmanuel Macron", "Pedro Sánchez", "Ursula von der Leyen",
	"Jens Stoltenberg", "Søren Østergaard", "Jürgen Müller", "François Lefèvre", "José Núñez",
};

static const char *const cjk_sentences[] = {
	"政府は火曜日、新しい政策に関する報道についてコメントしないと述べた。",
	"批評家たちはこれを地域の報道の自由にとって後退だと呼んでいる。",
	"政府周二表示，不会就有关新政策的报道发表评论。",
	"批评者称这是该地区新闻自由的倒退。",
	"「私たちは調査を続けます」と広報担当者は語った。",
	"经济学家预计，今年的通货膨胀率将达到百分之三点五。",
};

static const char *const emoji[] = {
	"\xf0\x9f\x91\x8d", "\xf0\x9f\x98\x80", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb",
	"\xe2\x9d\xa4\xef\xb8\x8f", "\xf0\x9f\x87\xa9\xf0\x9f\x87\xb0", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
	"\xf0\x9f\x8e\x89",
};

static void sentence(rng *r, const lang *l, FILE *out, bool with_emoji)
{
	size_t n = 6 + pick(r, 18);
	bool quote = pick(r, 4) == 0;
	if (quote)
		fputs(l->open, out);
	for (size_t i = 0; i < n; i++) {
		const char *w = l->words[pick(r, l->nwords)];
		if (i == 0) {
			fputc(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0], out);
			fputs(w + 1, out);
		} else {
			fputs(w, out);
		}
		if (i + 1 < n) {
			size_t k = pick(r, 40);
			fputs(k == 0 ? ", " : k == 1 ? " \xe2\x80\x94 " : k == 2 ? " (" : " ", out);
			if (k == 2) {
				fprintf(out, "%u,%u %%) ", (unsigned)pick(r, 100), (unsigned)pick(r, 10));
			}
		}
	}
	if (with_emoji)
		fprintf(out, " %s", emoji[pick(r, N(emoji))]);
	if (quote)
		fprintf(out, ",%s %s %s.", l->close, l->verbs[pick(r, l->nverbs)], names[pick(r, N(names))]);
	else
		fputc(pick(r, 12) ? '.' : '?', out);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: gen_corpus MEGABYTES FILE [SEED]\n", stderr);
		return 2;
	}
	size_t target = (size_t)atol(argv[1]) << 20;
	rng r = { argc > 3 ? strtoull(argv[3], NULL, 10) | 1 : 0x2545F4914F6CDD1Dull };
	FILE *out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	fputs("Benchmark corpus: multilingual news text\n\n", out);
	while ((size_t)ftell(out) < target) {
		size_t k = pick(&r, 100);
		if (k < 5) {
			for (size_t i = 2 + pick(&r, 6); i > 0; i--)
				fputs(cjk_sentences[pick(&r, N(cjk_sentences))], out);
		} else {
			const lang *l = &langs[pick(&r, N(langs))];
			bool with_emoji = k < 8;
			for (size_t i = 2 + pick(&r, 6); i > 0; i--) {
				sentence(&r, l, out, with_emoji && i == 1);
				if (i > 1)
					fputc(' ', out);
			}
		}
		fputs("\n\n", out);
	}
	return fclose(out) ? 1 : 0;
}
