#!/usr/bin/env python3
"""Generates src/quotes/lexicon.c: the compiled-in word lists of the quote engine.

The lists below are the source; run `python3 scripts/gen-lexicon.py >
src/quotes/lexicon.c` after editing them (make does it). Each word gets, per language, a mask of
classes (see include/quotes/lexicon.h); lookups go through an open-addressing hash
table built here, so the C side does one hash and a probe or two per token.
"""
import sys

LANGS = ["en", "da", "no", "sv", "de", "fr", "es", "nl", "it"]
ALL = "*"

# ---- reporting verbs ("cue verbs"): every form a news report uses --------
CUE = {
"en": """said says say saying told tells tell telling added adds adding asked asks asking stated explained
 explains explaining noted noting wrote writes writing argued argues arguing insisted insists insisting
 warned warning claimed claiming declared declares declaring announced announcing replied responded
 answered continued continuing recalled recalling acknowledged acknowledges acknowledging admitted admits
 admitting conceded concedes conceding observed observes remarked commented suggested suggests suggesting
 predicted predicts complained complains complaining urged concluded concluding cautioned stressed
 stressing emphasised emphasized emphasising emphasizing maintained maintains contended contends joked
 quipped recounted testified testifies tweeted posted confirmed confirms confirming denied denies described
 describes describing called calling shouted exclaimed whispered yelled pleaded vowed vowing promised
 boasted reckoned reckons mused agreed agrees repeated reiterated reiterates reiterating pointed assured
 assures affirmed asserted asserts charged countered protested lamented demanded hinted objected summed
 wondered reported explains quoted accused accuses accusing welcomed welcomes branded dismissed
 criticised criticized condemned praised hailed labelled labeled slammed dubbed termed""",
"da": """siger sagde sagt sige fortæller fortalte forklarer forklarede tilføjer tilføjede understreger
 understregede mener mente skriver skrev udtaler udtalte påpeger påpegede svarer svarede spørger spurgte
 konstaterer konstaterede konkluderer konkluderede vurderer vurderede erkender erkendte fastslår fastslog
 oplyser oplyste meddeler meddelte advarer advarede betoner betonede uddyber uddybede fortsætter fortsatte
 lyder lød tilstår indrømmer indrømmede beretter berettede råber råbte hævder hævdede kalder kaldte
 pointerer pointerede slår tweeter tweetede""",
"no": """sier sa sagt si forteller fortalte forklarer forklarte legger la understreker understreket mener
 mente skriver skrev uttaler uttalte påpeker påpekte svarer svarte spør spurte konstaterer konstaterte
 konkluderer konkluderte vurderer vurderte erkjenner erkjente fastslår fastslo opplyser opplyste meddeler
 advarer advarte tilføyer tilføyde fortsetter fortsatte lyder lød innrømmer innrømmet hevder hevdet kaller
 kalte roper ropte""",
"sv": """säger sa sade sagt berättar berättade förklarar förklarade tillägger tillade understryker
 underströk menar menade skriver skrev uttalar uttalade påpekar påpekade svarar svarade frågar frågade
 konstaterar konstaterade fortsätter fortsatte betonar betonade hävdar hävdade varnar varnade tycker
 tyckte anser ansåg konkluderar erkänner erkände meddelar meddelade uppger uppgav skriker skrek ropar
 ropade kallar kallade""",
"de": """sagte sagt sagten sagen sage erklärte erklärt erklärten erklären betonte betont betonten meinte
 meint meinten berichtete berichtet berichteten schrieb schreibt schrieben warnte warnt warnten
 kritisierte kritisiert forderte fordert äußerte äußert antwortete antwortet fragte fragt ergänzte ergänzt
 unterstrich unterstreicht bekräftigte bekräftigt bestätigte bestätigt versicherte versichert verkündete
 verkündet behauptete behauptet erläuterte erläutert resümierte bezeichnete bezeichnet nannte nennt
 sprach spricht hieß heißt zitiert zitierte verlautete räumte gab teilte kündigte stellte fügte
 beklagte beklagt mahnte mahnt klagte klagt lobte lobt argumentierte argumentiert appellierte
 kommentierte kommentiert bilanzierte beteuerte beteuert entgegnete entgegnet erwiderte erwidert
 schilderte schildert gesagt erklärt betont teilten erklärten berichteten forderten warnten charakterisierte
 charakterisiert beschrieb beschreibt begründete begründet reagierte urteilte schätzte bewertete widersprach
 gestand dementierte bestritt verwies warf wirft werfen geschrieben geäußert äußerten verkündeten
 kommentierten unterstrichen betonten meinten bekräftigten kritisierten lobten mahnten ergänzten bemerkte
 bemerkt resümiert fuhr hob zeigte beschwor beschwören beschworen mitteilte bekanntgegeben angekündigt
 mitgeteilt gefordert gewarnt genannt beschrieben angegeben dementiert hervorgehoben gesprochen rät riet
 rieten raten empfahl empfiehlt bestreitet bestreiten wies weist glaubt hofft fürchtet befürchtet
 vermutet vermutete erzählt erzählte twitterte versprach verspricht kündigt teilt stellt hebt zeigt
 rief ruft schimpfte wetterte polterte spottete scherzte seufzte jubelte dankte bedauerte bedauert
 begrüßte begrüßt verteidigte verteidigt erinnerte erinnert präzisierte folgerte prognostizierte konterte
 kontert""",
"fr": """dit dis disent déclare déclaré déclarait affirme affirmé affirmait explique expliqué expliquait
 ajoute ajouté ajoutait indique indiqué indiquait estime estimé estimait souligne souligné soulignait
 précise précisé précisait assure assuré assurait raconte raconté racontait confie confié confiait
 poursuit poursuivi lance lancé conclut conclu insiste insisté reconnaît reconnu rappelle rappelé observe
 observé note noté martèle martelé exclame exclamé répond répondu répondait commente commenté avertit
 averti dénonce dénoncé juge jugé écrit écrivait tweeté annonce annoncé annonçait promet promis regrette
 regretté déplore déploré admet admis analyse analysé résume résumé relève relevé témoigne témoigné
 interroge interrogé s'interroge s'exclame soupire soupiré tranche tranché prévient prévenu ironise ironisé
 lâche lâché glisse glissé""",
"es": """dijo dice dicen decía afirmó afirma afirmaba declaró declara explicó explica explicaba aseguró
 asegura aseguraba señaló señala señalaba añadió añade agregó agrega indicó indica manifestó manifiesta
 comentó comenta sostuvo sostiene subrayó subraya destacó destaca advirtió advierte insistió insiste
 recordó recuerda apuntó apunta expresó expresa precisó precisa concluyó concluye respondió responde
 preguntó pregunta dicho afirmado declarado explicado asegurado señalado añadido agregado indicado
 manifestado comentado subrayado destacado advertido insistido recordado apuntado expresado precisado
 reconoció reconoce admitió admite denunció denuncia escribió escribe anunció anuncia relató relata
 contó cuenta""",
"nl": """zei zegt zeggen zeiden verklaarde verklaart vertelde vertelt legde voegde stelde stelt benadrukte
 benadrukt schreef schrijft meldde meldt antwoordde antwoordt vroeg vraagt waarschuwde waarschuwt liet
 reageerde reageert vindt vond gezegd verklaard verteld benadrukt gemeld aldus erkende erkent
 beweerde beweert concludeerde concludeert""",
"it": """detto dice dicono disse dichiarato dichiara dichiarò spiegato spiega spiegò aggiunto aggiunge
 aggiunse affermato afferma affermò sottolineato sottolinea sottolineò commentato commenta commentò
 precisato precisa precisò racconta raccontato raccontò osserva osservato conclude concluso prosegue
 proseguito continua continuato ribadisce ribadito scritto scrive avverte avvertito assicura assicurato
 insiste insistito incalza attacca replica replicato risponde risposto denuncia denunciato conferma
 confermato sostiene sostenuto ammette ammesso evidenzia evidenziato annuncia annunciato""",
}
# cues that count only right after the closing mark ("…", so der Minister)
CUE_TAIL = {"de": "so findet fand", "nl": "aldus", "sv": "", "it": "", "fr": "", "es": ""}
# "according to": the speaker follows
ACCORD = {"en": "according", "da": "ifølge", "no": "ifølge", "sv": "enligt", "de": "laut zufolge nach",
          "fr": "selon d'après d’après", "es": "según", "nl": "volgens", "it": "secondo"}
# third-person subject pronouns (resolved to a named person)
PRON = {"en": "he she", "da": "han hun", "no": "han hun", "sv": "han hon", "de": "er sie",
        "fr": "il elle", "es": "él ella", "nl": "hij zij ze", "it": "lui lei"}
# a descriptive speaker phrase starts with one of these
DET = {
"en": "the a an one another this that his her their its some several two three many most",
"da": "en et den det de dens hans hendes deres flere to tre mange landets",
"no": "en ei et den det de hans hennes deres flere to tre mange",
"sv": "en ett den det de hans hennes deras flera två tre många",
"de": "der die das den dem des ein eine einer einem eines einen sein seine ihr ihre zwei drei viele mehrere",
"fr": "le la les l un une des du son sa ses leur leurs deux trois plusieurs ce cette",
"es": "el la los las un una unos unas su sus dos tres varios varias este esta",
"nl": "de het een zijn haar hun twee drie enkele veel deze",
"it": "il lo la i gli le l un uno una suo sua suoi sue loro due tre alcuni questo questa",
}
PREP = {
"en": "in on at to from with by for of about into over under after before during without against among between through via across toward towards",
"da": "i på til fra med af for om under over efter før uden mod ved hos mellem gennem blandt",
"no": "i på til fra med av for om under over etter før uten mot ved hos mellom gjennom blant",
"sv": "i på till från med av för om under över efter före utan mot vid hos mellan genom bland",
"de": """in im an am auf aus bei beim mit nach von vom zu zum zur für über unter vor gegen gegenüber durch ohne
 um seit während zwischen anlässlich wegen trotz gemäß bezüglich angesichts innerhalb außerhalb hinsichtlich
 neben hinter ins aufs ums vors""",
"fr": "à au aux de du en dans sur sous avec pour par chez contre vers depuis pendant entre après avant",
"es": "a al de del en con por para sobre sin contra entre desde hasta durante tras ante",
"nl": "in op aan bij met van voor naar uit over onder tegen door tijdens tussen sinds",
"it": "a al allo alla ai agli alle di del dello della dei degli delle da dal dalla in nel nello nella con su sul sulla per tra fra",
}
# words between subject and verb that do not break the pattern ("he also said")
SKIP = {
"en": "also later then again further previously earlier recently once still has had have was is would will had",
"da": "også senere så igen dog har havde blot netop tidligere bl.a. blandt andet",
"no": "også senere så igjen dog har hadde bare tidligere",
"sv": "också senare så igen dock har hade bara tidigare",
"de": """auch später dann erneut bereits schon noch hat hatte habe haben hatten jedoch wird wurde werden wurden
 ist war sind waren hätte darin dabei damals allerdings zudem außerdem nun heute gestern weiter ebenfalls
 wörtlich sogar dort hier deshalb daher zuvor inzwischen kürzlich jüngst mehrfach ausdrücklich zunächst
 vor kurzem erst""",
"fr": "a aussi également ensuite encore avait déjà",
"es": "también luego después ya ha había",
"nl": "ook later dan nog al heeft had",
"it": "ha anche poi ancora già aveva",
}
# relative words: a descriptive phrase is cut before them
REL = {"en": "who which whose whom that where", "da": "som der hvis", "no": "som hvis", "sv": "som vars",
       "de": "der die das welche welcher dessen deren", "fr": "qui que dont", "es": "que quien quienes cuyo",
       "nl": "die dat wiens", "it": "che cui"}
# conjunctions ending a descriptive phrase after the verb ("said Smith and added")
CONJ = {"en": "and but while as when because", "da": "og men mens da fordi", "no": "og men mens da fordi",
        "sv": "och men medan när eftersom", "de": "und aber während als weil", "fr": "et mais alors lorsque car",
        "es": "y pero mientras cuando porque", "nl": "en maar terwijl toen omdat", "it": "e ma mentre quando perché"}
# titles and roles before a name, dropped from the display form
TITLE = """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor president vice prime minister ministers secretary
 chancellor senator sen. sen rep. rep gov. gov governor mayor judge justice chief deputy chairman chairwoman
 chair director general gen. gen maj. maj major col. col colonel lt. lt lieutenant capt. capt captain sgt.
 sgt sergeant adm. admiral commander coach manager spokesman spokeswoman spokesperson minister. foreign
 finance defence defense interior home trade justice health education economy state ceo cfo chief
 executive analyst economist officer head leader boss mp mep ambassador commissioner inspector detective
 superintendent constable officer attorney counsel analyst editor founder psychologist expert researcher
 scientist lawyer official spokesperson striker midfielder defender goalkeeper player singer actor actress
 author writer journalist reporter correspondent historian professor teacher doctor surgeon nurse owner
 farmer resident neighbour neighbor witness victim candidate activist campaigner organiser organizer
 councillor councilor governor premier consultant strategist adviser advisor aide diplomat envoy
 ekspert forsker advokat talsmand talsmann talsperson pressetalsmand borgmester direktør formand
 læge leder chef sprecherin experte expertin forscher forscherin anwalt anwältin richter richterin
 porte-parole ministre avocat avocate expert experte chercheur chercheuse directeur directrice maire
 portavoz experto experta abogado abogada alcalde director directora investigador investigadora
 woordvoerder deskundige advocaat onderzoeker burgemeester directeur portavoce esperto esperta avvocato
 ricercatore direttore direttrice
 herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin bundespräsident präsident präsidentin
 ministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin sprecher sprecherin
 vorsitzende vorsitzender chef chefin direktor direktorin m. mme mlle monsieur madame président ministre
 señor señora sr. sra. sr sra m presidente ministro ministra alcalde alcaldesa señor dhr. mevr. meneer
 premier burgemeester signor sig. sig.ra dott. dott sindaco
 statsminister udenrigsminister minister formand formanden direktør professor ordfører borgmester
 statsministeren ministeren justitsminister utenriksminister statsråd ordförande""".split()
# kept as part of the name (Sir Alex Ferguson, Lord Butler, Pope Francis)
HONOR = "sir lord lady dame pope father sister brother king queen prince princess saint st. st sheikh rabbi imam cardinal bishop archbishop".split()
# lower-case particles inside a name (Ludwig van Beethoven, Charles de Gaulle)
PARTICLE = "van von de der den da di du del della la le bin al ibn ter ten y zu dos das do".split()
CAL = """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
 august september october november december mandag tirsdag onsdag torsdag fredag lørdag søndag januar
 februar marts april maj juni juli august september oktober november december måndag tisdag lördag
 söndag mars augusti montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend jänner märz
 oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril mai juin
 juillet août septembre octobre novembre décembre lunes martes miércoles jueves viernes sábado domingo
 enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre maandag dinsdag
 woensdag donderdag vrijdag zaterdag zondag januari februari maart mei augustus lunedì martedì mercoledì
 giovedì venerdì sabato domenica gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre
 dicembre today yesterday tomorrow""".split()
# function words: never a name even when capitalised at a sentence start
FUNC = {
"en": """the a an and but or so if when while as at in on of to for from by with this that these those there
 here it its he she they we i you his her their our my your what which who why how where after before
 during since although though because however meanwhile also asked speaking earlier later last next
 one some many most more both all no not yes then now still yet even only just whether""",
"da": "den det de en et og men eller så hvis når mens som på i af til for fra med han hun vi jeg du der her hvor hvad hvorfor hvordan efter før også men alle",
"no": "den det de en ei et og men eller så hvis når mens som på i av til for fra med han hun vi jeg du der her hvor hva hvorfor hvordan etter før også alle",
"sv": "den det de en ett och men eller så om när medan som på i av till för från med han hon vi jag du där här var vad varför hur efter före också alla",
"de": "der die das den dem des ein eine einer einem eines und aber oder so wenn als wie auf in im an am von vom zu zum zur für mit bei nach er sie es wir ich du ihr sein seine ihre dieser diese dieses auch doch noch nun dann dort hier was wer wo warum wie nachdem bevor während alle man jemand niemand",
"fr": "le la les un une des du de et mais ou donc si quand comme à au aux dans sur en par pour avec il elle ils elles nous je tu on ce cette ces son sa ses leur qui que où pourquoi comment après avant aussi selon",
"es": "el la los las un una unos unas y pero o si cuando como a al de del en por para con él ella ellos nosotros yo tú este esta estos su sus que quien donde porque cómo después antes también según",
"nl": "de het een en maar of dus als wanneer zoals op in aan van voor met bij naar hij zij ze wij ik jij dit dat deze die zijn haar hun wat wie waar waarom hoe na ook volgens",
"it": "il lo la i gli le un uno una e ma o se quando come a al di del in nel con per su da lui lei noi io tu questo questa suo sua loro che chi dove perché dopo prima anche secondo",
}
# language detection: frequent, fairly distinctive words
PROFILE = {
"en": "the and of to is that with for was were said have has not this but are from which they would been",
"da": "og det er af til ikke på med som har jeg de den et en efter også siger hvor kan skal blev havde var nu fra mig",
"no": "og det er av til ikke på med som har jeg de den et en etter også sier hvor kan skal ble hadde var nå fra meg ikkje",
"sv": "och det är av till inte på med som har jag de den ett en efter också säger var kan ska blev hade nu från mig att för",
"de": "der die und das ist nicht mit sich auf den dem des ein eine zu von im für wird auch sagte wurde nach bei sind",
"fr": "le la les et des est que une dans pour pas qui sur au du il elle avec sont ont par été ce cette",
"es": "el la los las y que es en del por con una para como pero más sus fue han este está según",
"nl": "de het een en van is dat niet met op voor zijn er aan ook bij naar wordt werd heeft zei",
"it": "il di che è la e per una non sono con del della gli anche ha dei nel alla stato più",
}

CLASSES = ["CUE", "CUE_TAIL", "ACCORD", "PRON", "DET", "PREP", "SKIP", "REL", "CONJ", "TITLE", "HONOR",
           "PARTICLE", "CAL", "FUNC", "PROFILE"]


def main():
    table = {}   # word -> [mask per lang]

    def add(cls, lang, words):
        bit = 1 << CLASSES.index(cls)
        langs = LANGS if lang == ALL else [lang]
        for w in words.split() if isinstance(words, str) else words:
            w = w.lower()
            masks = table.setdefault(w, [0] * len(LANGS))
            for l in langs:
                masks[LANGS.index(l)] |= bit

    for name, d in [("CUE", CUE), ("CUE_TAIL", CUE_TAIL), ("ACCORD", ACCORD), ("PRON", PRON), ("DET", DET),
                    ("PREP", PREP), ("SKIP", SKIP), ("REL", REL), ("CONJ", CONJ), ("FUNC", FUNC),
                    ("PROFILE", PROFILE)]:
        for lang, words in d.items():
            add(name, lang, words)
    add("TITLE", ALL, TITLE)
    add("HONOR", ALL, HONOR)
    add("PARTICLE", ALL, PARTICLE)
    add("CAL", ALL, CAL)

    words = sorted(table)
    for w in words:
        if len(w.encode()) > 31:  # LEX_MAXWORD
            sys.exit("word too long: " + w)
    size = 1
    while size < len(words) * 3:
        size *= 2
    BLOOM_LOG2 = 15
    BLOOM_BITS = 1 << BLOOM_LOG2

    M = (1 << 64) - 1

    def h64(b):
        # must match hash_padded() below: 8-byte little-endian chunks, multiply-xorshift
        x = (len(b) * 0x9E3779B97F4A7C15) & M
        for i in range(0, len(b), 8):
            chunk = int.from_bytes(b[i:i + 8].ljust(8, b"\0"), "little")
            x = ((x ^ chunk) * 0xFF51AFD7ED558CCD) & M
            x ^= x >> 32
        return x

    def h(b):
        return h64(b) & 0xFFFFFFFF

    slots = [0xFFFF] * size
    for i, w in enumerate(words):
        k = h(w.encode()) & (size - 1)
        while slots[k] != 0xFFFF:
            k = (k + 1) & (size - 1)
        slots[k] = i

    # a Bloom filter on the hash's upper half (the slots use the lower):
    # one bit of a 4 KB table, which stays in the L1 cache, turns 95 % of the
    # words that are not in the lists away before the slots and the words are
    # read (two bits of a smaller table measured slower: one more load for
    # every word that is in the lists)
    bloom = [0] * (BLOOM_BITS // 64)
    for w in words:
        x = h64(w.encode())
        for b in ((x >> 32) & (BLOOM_BITS - 1),):
            bloom[b // 64] |= 1 << (b % 64)

    out = sys.stdout
    out.write("/* Generated by scripts/gen-lexicon.py: edit the lists there, not here. */\n")
    out.write('#include <stdint.h>\n#include <string.h>\n#include "lexicon.h"\n\n')
    out.write("/* each word zero-padded to 32 bytes: compared eight bytes at a time */\n")
    out.write("static const struct { char w[32]; uint8_t len; uint16_t profile; uint16_t mask[LANG_LATIN_N]; } words[%d] = {\n" % len(words))
    pbit = 1 << CLASSES.index("PROFILE")
    for w in words:
        esc = w.replace("\\", "\\\\").replace('"', '\\"')
        prof = sum(1 << (i + 1) for i, m in enumerate(table[w]) if m & pbit)
        out.write('\t{ "%s", %d, 0x%x, { %s } },\n' % (esc, len(w.encode()), prof, ", ".join("0x%x" % m for m in table[w])))
    out.write("};\n\n")
    out.write("#define SLOTS %d\nstatic const uint16_t slots[SLOTS] = {" % size)
    for i, s in enumerate(slots):
        out.write(("\n\t" if i % 16 == 0 else " ") + "%d," % s)
    out.write("\n};\n\n")
    out.write("#define BLOOM_LOG2 %d\nstatic const uint64_t bloom[%d] = {" % (BLOOM_LOG2, len(bloom)))
    for i, b in enumerate(bloom):
        out.write(("\n\t" if i % 4 == 0 else " ") + "0x%016xull," % b)
    out.write("\n};\n\n")
    out.write("""static uint64_t chunk_at(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);   /* the table was hashed little-endian */
#endif
	return x;
}

/* The hash of a word zero-padded to a multiple of eight bytes: the slots
 * use its lower half, the Bloom filter its upper one. */
static uint64_t hash_padded(const char *s, size_t n)
{
	uint64_t x = (uint64_t)n * 0x9E3779B97F4A7C15ull;
	for (size_t i = 0; i < n; i += 8) {
		x = (x ^ chunk_at(s + i)) * 0xFF51AFD7ED558CCDull;
		x ^= x >> 32;
	}
	return x;
}

/* Can the word of hash x be in the lists? No means no. */
static int maybe_listed(uint64_t x)
{
	uint64_t a = (x >> 32) & ((1u << BLOOM_LOG2) - 1);
	return (bloom[a / 64] >> (a % 64)) & 1;
}

uint32_t lex_hash(const char *s, size_t n)
{
	char pad[LEX_PADDED] = { 0 };
	if (n > LEX_MAXWORD)
		n = LEX_MAXWORD;
	memcpy(pad, s, n);
	return (uint32_t)hash_padded(pad, n);
}

uint32_t lex_hash_padded(const char *s, size_t n)
{
	return (uint32_t)hash_padded(s, n > LEX_MAXWORD ? LEX_MAXWORD : n);
}

int lex_find_word8(uint64_t chunk, size_t n)
{
	if (n == 0 || n > 8)
		return -1;
	uint64_t x = ((uint64_t)n * 0x9E3779B97F4A7C15ull ^ chunk) * 0xFF51AFD7ED558CCDull;
	x ^= x >> 32;
	if (!maybe_listed(x))
		return -1;
	for (uint32_t k = (uint32_t)x & (SLOTS - 1);; k = (k + 1) & (SLOTS - 1)) {
		uint16_t i = slots[k];
		if (i == 0xFFFF)
			return -1;
		if (words[i].len == n && chunk_at(words[i].w) == chunk)
			return i;
	}
}

int lex_find_padded(const char *low, size_t n)
{
	if (n == 0 || n > LEX_MAXWORD)
		return -1;
	uint64_t x = hash_padded(low, n);
	if (!maybe_listed(x))
		return -1;
	for (uint32_t k = (uint32_t)x & (SLOTS - 1);; k = (k + 1) & (SLOTS - 1)) {
		uint16_t i = slots[k];
		if (i == 0xFFFF)
			return -1;
		if (words[i].len != n)
			continue;
		size_t j = 0;
		while (j < n && chunk_at(words[i].w + j) == chunk_at(low + j))
			j += 8;
		if (j >= n)
			return i;
	}
}

int lex_find(const char *low, size_t n)
{
	char pad[LEX_PADDED] = { 0 };
	if (n == 0 || n > LEX_MAXWORD)
		return -1;
	memcpy(pad, low, n);
	return lex_find_padded(pad, n);
}

unsigned lex_mask(int entry, enum lang lang)
{
	if (entry < 0 || lang <= LANG_UNKNOWN || lang > LANG_LATIN_N)
		return 0;
	return words[entry].mask[lang - 1];
}

unsigned lex_profile(int entry)
{
	return entry < 0 ? 0 : words[entry].profile;
}

unsigned lex_lookup(enum lang lang, const char *low, size_t n)
{
	if (lang <= LANG_UNKNOWN || lang > LANG_LATIN_N)
		return 0;
	return lex_mask(lex_find(low, n), lang);
}

size_t lex_size(void)
{
	return sizeof words / sizeof *words;
}

const char *lex_word(size_t i)
{
	return i < lex_size() ? words[i].w : NULL;
}
""")


if __name__ == "__main__":
    main()
