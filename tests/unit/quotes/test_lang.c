/* The language detector and the compiled-in word lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lang.h"
#include "lexicon.h"

static const struct {
	const char *code, *text;
} samples[] = {
	{ "en", "The minister said on Monday that the plan would not be changed, and that the council was "
	        "ready to vote on it before the end of the year." },
	{ "da", "Ministeren siger, at planen ikke bliver \xC3\xA6ndret, og at kommunen er klar til at stemme om den "
	        "efter sommeren. Det har han sagt til avisen." },
	{ "no", "Ministeren sier at planen ikke blir endret, og at kommunen er klar til \xC3\xA5 stemme om den etter "
	        "sommeren. Det har han sagt til avisen, og hun var enig." },
	{ "sv", "Ministern s\xC3\xA4ger att planen inte kommer att \xC3\xA4ndras och att kommunen \xC3\xA4r redo att "
	        "r\xC3\xB6sta om den efter sommaren. Det har han sagt till tidningen." },
	{ "de", "Der Minister sagte am Montag, dass der Plan nicht ge\xC3\xA4ndert wird und die Gemeinde bereit ist, "
	        "vor dem Ende des Jahres dar\xC3\xBC" "ber abzustimmen." },
	{ "fr", "Le ministre a d\xC3\xA9" "clar\xC3\xA9 lundi que le plan ne sera pas modifi\xC3\xA9 et que la commune est "
	        "pr\xC3\xAAte \xC3\xA0 voter avant la fin de l'ann\xC3\xA9" "e." },
	{ "es", "El ministro dijo el lunes que el plan no se va a cambiar y que el ayuntamiento est\xC3\xA1 listo para "
	        "votar antes del final del a\xC3\xB1o, seg\xC3\xBAn la prensa." },
	{ "nl", "De minister zei maandag dat het plan niet wordt veranderd en dat de gemeente klaar is om er voor het "
	        "einde van het jaar over te stemmen." },
	{ "it", "Il ministro ha detto luned\xC3\xAC che il piano non sar\xC3\xA0 cambiato e che il comune \xC3\xA8 pronto "
	        "a votare prima della fine dell'anno con gli altri." },
	{ "pt", "O ministro disse na segunda-feira que o plano n\xC3\xA3o ser\xC3\xA1 alterado e que a "
	        "c\xC3\xA2mara est\xC3\xA1 pronta para votar antes do fim do ano, segundo a imprensa." },
	{ "pl", "Minister powiedzia\xC5\x82 w poniedzia\xC5\x82" "ek, \xC5\xBC" "e plan nie zostanie zmieniony i "
	        "\xC5\xBC" "e rada jest gotowa g\xC5\x82osowa\xC4\x87 nad nim przed ko\xC5\x84" "cem roku." },
	{ "cs", "Ministr \xC5\x99" "ekl v pond\xC4\x9Bl\xC3\xAD, \xC5\xBE" "e pl\xC3\xA1n nebude "
	        "zm\xC4\x9Bn\xC4\x9Bn a \xC5\xBE" "e rada je p\xC5\x99ipravena o n\xC4\x9Bm hlasovat do konce roku. "
	        "Podle radnice jsou pen\xC3\xADze tak\xC3\xA9 zaji\xC5\xA1t\xC4\x9Bny." },
	{ "cs", "Vl\xC3\xA1" "da ve st\xC5\x99" "edu schv\xC3\xA1lila n\xC3\xA1vrh rozpo\xC4\x8Dtu na "
	        "p\xC5\x99\xC3\xAD\xC5\xA1t\xC3\xAD rok. Opozice je ale kritick\xC3\xA1 a upozor\xC5\x88uje na "
	        "obce, kter\xC3\xA9 na v\xC3\xBD" "daje o deset procent nedos\xC3\xA1hnou." },   /* the words Polish shares counted for Czech too */
	{ "ru", "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 "
	        "\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB \xD0\xB2 "
	        "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD0\xBA, "
	        "\xD1\x87\xD1\x82\xD0\xBE \xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD \xD0\xBD\xD0\xB5 "
	        "\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82 \xD0\xB8\xD0\xB7\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x91\xD0\xBD "
	        "\xD0\xB8 \xD1\x87\xD1\x82\xD0\xBE \xD1\x81\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x82 "
	        "\xD0\xB3\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB2 "
	        "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD1\x81\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C "
	        "\xD0\xB7\xD0\xB0 \xD0\xBD\xD0\xB5\xD0\xB3\xD0\xBE \xD0\xB4\xD0\xBE "
	        "\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x86\xD0\xB0 \xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB0." },
	{ "ca", "El ministre va dir dilluns que el pla no es canviar\xC3\xA0 i que l'ajuntament est\xC3\xA0 "
	        "preparat per votar-lo abans de final d'any, segons la premsa. Els ve\xC3\xAFns tamb\xC3\xA9 han "
	        "demanat m\xC3\xA9s informaci\xC3\xB3 sobre les obres i el seu cost." },
	{ "ca", "El Govern ha aprovat aquest dimarts el projecte de pressupostos per a l'any vinent, ha afirmat la "
	        "consellera en roda de premsa. Segons la consellera, la despesa social creixer\xC3\xA0 un deu per "
	        "cent." },   /* the articles Spanish shares counted for Catalan too */
	{ "uk", "\xD0\x9C\xD1\x96\xD0\xBD\xD1\x96\xD1\x81\xD1\x82\xD1\x80 "
	        "\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xB2 \xD1\x83 "
	        "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD1\x96\xD0\xBB\xD0\xBE\xD0\xBA, \xD1\x89\xD0\xBE "
	        "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD \xD0\xBD\xD0\xB5 \xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5 "
	        "\xD0\xB7\xD0\xBC\xD1\x96\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xBE \xD1\x96 \xD1\x89\xD0\xBE "
	        "\xD1\x80\xD0\xB0\xD0\xB4\xD0\xB0 \xD0\xB3\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB2\xD0\xB0 "
	        "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD1\x81\xD1\x83\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB8 "
	        "\xD0\xB7\xD0\xB0 \xD0\xBD\xD1\x8C\xD0\xBE\xD0\xB3\xD0\xBE \xD0\xB4\xD0\xBE "
	        "\xD0\xBA\xD1\x96\xD0\xBD\xD1\x86\xD1\x8F \xD1\x80\xD0\xBE\xD0\xBA\xD1\x83." },
	{ "ro", "Ministrul a declarat luni c\xC4\x83 planul nu va fi schimbat \xC8\x99i c\xC4\x83 "
	        "prim\xC4\x83ria este preg\xC4\x83tit\xC4\x83 s\xC4\x83 voteze \xC3\xAEnainte de "
	        "sf\xC3\xA2r\xC8\x99itul anului, potrivit presei." },
	{ "hr", "Ministar je u ponedjeljak rekao da se plan ne\xC4\x87" "e mijenjati i da je gradsko "
	        "vije\xC4\x87" "e spremno glasati o njemu prije kraja godine, prema pisanju medija." },
	{ "hu", "A miniszter h\xC3\xA9tf\xC5\x91n azt mondta, hogy a terv nem v\xC3\xA1ltozik, \xC3\xA9s hogy a "
	        "k\xC3\xA9pvisel\xC5\x91-test\xC3\xBClet m\xC3\xA9g az \xC3\xA9v v\xC3\xA9ge el\xC5\x91tt szavaz "
	        "r\xC3\xB3la, a sajt\xC3\xB3 szerint." },
	{ "sk", "Minister v pondelok povedal, \xC5\xBE" "e pl\xC3\xA1n sa nezmen\xC3\xAD a \xC5\xBE" "e mest"
	        "sk\xC3\xA9 zastupite\xC4\xBEstvo je pripraven\xC3\xA9 o \xC5\x88om hlasova\xC5\xA5 e"
	        "\xC5\xA1te pred koncom roka, pod\xC4\xBE" "a tla\xC4\x8D" "e. Obyvatelia by tie\xC5\xBE chc"
	        "eli vedie\xC5\xA5, ako bude stavba vyzera\xC5\xA5." },
	{ "sl", "Minister je v ponedeljek dejal, da se na\xC4\x8Drt ne bo spremenil in da je ob\xC4\x8Dinski"
	        " svet pripravljen o njem glasovati \xC5\xA1" "e pred koncem leta, kot so poro\xC4\x8D" "ali"
	        " mediji. Prebivalci bi tudi radi vedeli, kako bo stavba izgledala." },
	{ "fi", "Ministeri sanoi maanantaina, ett\xC3\xA4 suunnitelma ei muutu ja ett\xC3\xA4 kunnanvaltuust"
	        "o on valmis \xC3\xA4\xC3\xA4nest\xC3\xA4m\xC3\xA4\xC3\xA4n siit\xC3\xA4 viel\xC3\xA4 ennen "
	        "vuoden loppua, kertoi paikallinen lehti. Asukkaat haluavat my\xC3\xB6s tiet\xC3\xA4\xC3\xA4"
	        ", milt\xC3\xA4 uusi rakennus n\xC3\xA4ytt\xC3\xA4\xC3\xA4." },
	{ "et", "Minister \xC3\xBCtles esmasp\xC3\xA4" "eval, et plaan ei muutu ja et volikogu on valmis sel"
	        "le \xC3\xBCle h\xC3\xA4\xC3\xA4letama juba enne aasta l\xC3\xB5ppu, kirjutas kohalik leht. "
	        "Elanikud tahavad ka teada, milline uus hoone v\xC3\xA4lja n\xC3\xA4" "eb." },
	{ "gl", "O ministro dixo o luns que o plan non se vai cambiar e que o concello xa est\xC3\xA1 prepar"
	        "ado para votalo antes de final de ano, segundo a prensa. Os veci\xC3\xB1os tam\xC3\xA9n que"
	        "ren saber cando comezar\xC3\xA1n as obras." },
	{ "lv", "Ministrs pirmdien sac\xC4\xABja, ka pl\xC4\x81ns netiks main\xC4\xABts un ka dome ir gata"
	        "va par to balsot l\xC4\xAB" "dz gada beig\xC4\x81m, zi\xC5\x86o prese." },
	{ "lt", "Ministras pirmadien\xC4\xAF sak\xC4\x97, kad planas nebus kei\xC4\x8Diamas ir kad taryba "
	        "yra pasirengusi d\xC4\x97l jo balsuoti iki met\xC5\xB3 pabaigos, prane\xC5\xA1\xC4\x97 sp"
	        "auda." },
	{ "tr", "Bakan pazartesi g\xC3\xBCn\xC3\xBC yapt\xC4\xB1\xC4\x9F\xC4\xB1 a\xC3\xA7\xC4\xB1klamada,"
	        " plan\xC4\xB1n de\xC4\x9Fi\xC5\x9Ftirilmeyece\xC4\x9Fini ve belediye meclisinin y\xC4\xB1"
	        "l sonundan \xC3\xB6nce bu konuyu oylamaya haz\xC4\xB1r oldu\xC4\x9Funu s\xC3\xB6yledi." },
	{ "id", "Menteri itu mengatakan pada hari Senin bahwa rencana tersebut tidak akan diubah dan dewan"
	        " kota siap untuk memberikan suara sebelum akhir tahun, menurut media setempat." },
	{ "vi", "B\xE1\xBB\x99 tr\xC6\xB0\xE1\xBB\x9Fng cho bi\xE1\xBA\xBFt h\xC3\xB4m th\xE1\xBB\xA9 Hai "
	        "r\xE1\xBA\xB1ng k\xE1\xBA\xBF ho\xE1\xBA\xA1" "ch s\xE1\xBA\xBD kh\xC3\xB4ng b"
	        "\xE1\xBB\x8B thay \xC4\x91\xE1\xBB\x95i v\xC3\xA0 h\xE1\xBB\x99i \xC4\x91\xE1\xBB\x93ng t"
	        "h\xC3\xA0nh ph\xE1\xBB\x91 \xC4\x91\xC3\xA3 s\xE1\xBA\xB5n s\xC3\xA0ng b\xE1\xBB\x8F phi"
	        "\xE1\xBA\xBFu tr\xC6\xB0\xE1\xBB\x9B" "c cu\xE1\xBB\x91i n\xC4\x83m, theo b\xC3\xA1o ch"
	        "\xC3\xAD \xC4\x91\xE1\xBB\x8B" "a ph\xC6\xB0\xC6\xA1ng." },
	{ "el", "\xCE\x9F \xCF\x85\xCF\x80\xCE\xBF\xCF\x85\xCF\x81\xCE\xB3\xCF\x8C\xCF\x82 "
	        "\xCE\xB4\xCE\xAE\xCE\xBB\xCF\x89\xCF\x83\xCE\xB5 \xCF\x84\xCE\xB7 "
	        "\xCE\x94\xCE\xB5\xCF\x85\xCF\x84\xCE\xAD\xCF\x81\xCE\xB1 \xCF\x8C\xCF\x84\xCE\xB9 "
	        "\xCF\x84\xCE\xBF \xCF\x83\xCF\x87\xCE\xAD\xCE\xB4\xCE\xB9\xCE\xBF \xCE\xB4\xCE\xB5\xCE\xBD "
	        "\xCE\xB8\xCE\xB1 \xCE\xB1\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xBE\xCE\xB5\xCE\xB9 "
	        "\xCE\xBA\xCE\xB1\xCE\xB9 \xCF\x8C\xCF\x84\xCE\xB9 \xCF\x84\xCE\xBF "
	        "\xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x84\xCE\xB9\xCE\xBA\xCF\x8C "
	        "\xCF\x83\xCF\x85\xCE\xBC\xCE\xB2\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xB9\xCE\xBF "
	        "\xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9 \xCE\xAD\xCF\x84\xCE\xBF\xCE\xB9\xCE\xBC\xCE\xBF "
	        "\xCE\xBD\xCE\xB1 \xCF\x84\xCE\xBF \xCF\x88\xCE\xB7\xCF\x86\xCE\xAF\xCF\x83\xCE\xB5\xCE\xB9 "
	        "\xCF\x80\xCF\x81\xCE\xB9\xCE\xBD \xCE\xB1\xCF\x80\xCF\x8C \xCF\x84\xCE\xBF "
	        "\xCF\x84\xCE\xAD\xCE\xBB\xCE\xBF\xCF\x82 \xCF\x84\xCE\xBF\xCF\x85 "
	        "\xCE\xAD\xCF\x84\xCE\xBF\xCF\x85\xCF\x82." },
	{ "bg", "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x8A\xD1\x80\xD1\x8A\xD1\x82 "
	        "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8 \xD0\xB2 "
	        "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xBD\xD0\xB8\xD0\xBA, "
	        "\xD1\x87\xD0\xB5 \xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD\xD1\x8A\xD1\x82 "
	        "\xD0\xBD\xD1\x8F\xD0\xBC\xD0\xB0 \xD0\xB4\xD0\xB0 \xD0\xB1\xD1\x8A\xD0\xB4\xD0\xB5 "
	        "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xBC\xD0\xB5\xD0\xBD\xD0\xB5\xD0\xBD \xD0\xB8 \xD1\x87\xD0\xB5 "
	        "\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD1\x8F\xD1\x82 "
	        "\xD1\x81\xD1\x8A\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xB5 \xD0\xB3\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB2 "
	        "\xD0\xB4\xD0\xB0 \xD0\xB3\xD0\xBB\xD0\xB0\xD1\x81\xD1\x83\xD0\xB2\xD0\xB0 "
	        "\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB8 \xD0\xBA\xD1\x80\xD0\xB0\xD1\x8F \xD0\xBD\xD0\xB0 "
	        "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0\xD1\x82\xD0\xB0, "
	        "\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD0\xB5\xD0\xB4 "
	        "\xD0\xBC\xD0\xB5\xD0\xB4\xD0\xB8\xD0\xB8\xD1\x82\xD0\xB5." },
	{ "sr", "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD0\xB0\xD1\x80 \xD1\x98\xD0\xB5 \xD1\x83 "
	        "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x99\xD0\xB0\xD0\xBA "
	        "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xBE \xD0\xB4\xD0\xB0 \xD1\x81\xD0\xB5 "
	        "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD \xD0\xBD\xD0\xB5\xD1\x9B\xD0\xB5 "
	        "\xD0\xBC\xD0\xB5\xD1\x9A\xD0\xB0\xD1\x82\xD0\xB8 \xD0\xB8 \xD0\xB4\xD0\xB0 \xD1\x98\xD0\xB5 "
	        "\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE \xD0\xB2\xD0\xB5\xD1\x9B\xD0\xB5 "
	        "\xD1\x81\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBD\xD0\xBE \xD0\xB4\xD0\xB0 "
	        "\xD0\xB3\xD0\xBB\xD0\xB0\xD1\x81\xD0\xB0 \xD0\xBE \xD1\x9A\xD0\xB5\xD0\xBC\xD1\x83 "
	        "\xD0\xBF\xD1\x80\xD0\xB5 \xD0\xBA\xD1\x80\xD0\xB0\xD1\x98\xD0\xB0 "
	        "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB5, \xD0\xBF\xD1\x80\xD0\xB5\xD0\xBC\xD0\xB0 "
	        "\xD0\xBF\xD0\xB8\xD1\x81\xD0\xB0\xD1\x9A\xD1\x83 "
	        "\xD0\xBC\xD0\xB5\xD0\xB4\xD0\xB8\xD1\x98\xD0\xB0." },
	{ "ar", "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD9\x8A\xD9\x88"
	        "\xD9\x85 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAB\xD9\x86\xD9\x8A\xD9\x86 \xD8\xA5\xD9\x86 \xD8"
	        "\xA7\xD9\x84\xD8\xAE\xD8\xB7\xD8\xA9 \xD9\x84\xD9\x86 \xD8\xAA\xD8\xAA\xD8\xBA\xD9\x8A\xD8"
	        "\xB1 \xD9\x88\xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3 \xD8\xA7"
	        "\xD9\x84\xD8\xA8\xD9\x84\xD8\xAF\xD9\x8A \xD9\x85\xD8\xB3\xD8\xAA\xD8\xB9\xD8\xAF \xD9\x84"
	        "\xD9\x84\xD8\xAA\xD8\xB5\xD9\x88\xD9\x8A\xD8\xAA \xD8\xB9\xD9\x84\xD9\x8A\xD9\x87\xD8\xA7 "
	        "\xD9\x82\xD8\xA8\xD9\x84 \xD9\x86\xD9\x87\xD8\xA7\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB9"
	        "\xD8\xA7\xD9\x85\xD8\x8C \xD8\xA8\xD8\xAD\xD8\xB3\xD8\xA8 \xD8\xA7\xD9\x84\xD8\xB5\xD8\xAD"
	        "\xD9\x81 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD9\x84\xD9\x8A\xD8\xA9." },
	{ "he", "\xD7\x94\xD7\xA9\xD7\xA8 \xD7\x90\xD7\x9E\xD7\xA8 \xD7\x91\xD7\x99\xD7\x95\xD7\x9D \xD7"
	        "\xA9\xD7\xA0\xD7\x99 \xD7\x9B\xD7\x99 \xD7\x94\xD7\xAA\xD7\x95\xD7\x9B\xD7\xA0\xD7\x99\xD7"
	        "\xAA \xD7\x9C\xD7\x90 \xD7\xAA\xD7\xA9\xD7\xAA\xD7\xA0\xD7\x94 \xD7\x95\xD7\x9B\xD7\x99 "
	        "\xD7\x9E\xD7\x95\xD7\xA2\xD7\xA6\xD7\xAA \xD7\x94\xD7\xA2\xD7\x99\xD7\xA8 \xD7\x9E\xD7\x95"
	        "\xD7\x9B\xD7\xA0\xD7\x94 \xD7\x9C\xD7\x94\xD7\xA6\xD7\x91\xD7\x99\xD7\xA2 \xD7\xA2\xD7\x9C"
	        "\xD7\x99\xD7\x94 \xD7\x9C\xD7\xA4\xD7\xA0\xD7\x99 \xD7\xA1\xD7\x95\xD7\xA3 \xD7\x94\xD7"
	        "\xA9\xD7\xA0\xD7\x94, \xD7\x9B\xD7\x9A \xD7\x9C\xD7\xA4\xD7\x99 \xD7\x94\xD7\xA2\xD7\x99"
	        "\xD7\xAA\xD7\x95\xD7\xA0\xD7\x95\xD7\xAA \xD7\x94\xD7\x9E\xD7\xA7\xD7\x95\xD7\x9E\xD7\x99"
	        "\xD7\xAA." },
	{ "fa", "\xD9\x88\xD8\xB2\xDB\x8C\xD8\xB1 \xD8\xB1\xD9\x88\xD8\xB2 \xD8\xAF\xD9\x88\xD8\xB4\xD9\x86"
	        "\xD8\xA8\xD9\x87 \xDA\xAF\xD9\x81\xD8\xAA \xDA\xA9\xD9\x87 \xD8\xA7\xDB\x8C\xD9\x86 \xD8"
	        "\xB7\xD8\xB1\xD8\xAD \xD8\xAA\xD8\xBA\xDB\x8C\xDB\x8C\xD8\xB1 \xD9\x86\xD9\x85\xDB\x8C\xE2"
	        "\x80\x8C\xDA\xA9\xD9\x86\xD8\xAF \xD9\x88 \xD8\xB4\xD9\x88\xD8\xB1\xD8\xA7\xDB\x8C \xD8"
	        "\xB4\xD9\x87\xD8\xB1 \xD8\xA2\xD9\x85\xD8\xA7\xD8\xAF\xD9\x87 \xD8\xA7\xD8\xB3\xD8\xAA "
	        "\xD9\xBE\xDB\x8C\xD8\xB4 \xD8\xA7\xD8\xB2 \xD9\xBE\xD8\xA7\xDB\x8C\xD8\xA7\xD9\x86 \xD8"
	        "\xB3\xD8\xA7\xD9\x84 \xD8\xAF\xD8\xB1\xD8\xA8\xD8\xA7\xD8\xB1\xD9\x87 \xD8\xA2\xD9\x86 "
	        "\xD8\xB1\xD8\xA3\xDB\x8C \xD8\xA8\xD8\xAF\xD9\x87\xD8\xAF\xD8\x8C \xD8\xA8\xD9\x87 \xDA"
	        "\xAF\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB4 \xD8\xB1\xD8\xB3\xD8\xA7\xD9\x86\xD9\x87\xE2\x80\x8C"
	        "\xD9\x87\xD8\xA7\xDB\x8C \xD9\x85\xD8\xAD\xD9\x84\xDB\x8C." },
	{ "hi", "\xE0\xA4\xAE\xE0\xA4\x82\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x80 \xE0\xA4\xA8\xE0"
	        "\xA5\x87 \xE0\xA4\xB8\xE0\xA5\x8B\xE0\xA4\xAE\xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\xB0 \xE0\xA4"
	        "\x95\xE0\xA5\x8B \xE0\xA4\x95\xE0\xA4\xB9\xE0\xA4\xBE \xE0\xA4\x95\xE0\xA4\xBF \xE0\xA4"
	        "\xAF\xE0\xA5\x8B\xE0\xA4\x9C\xE0\xA4\xA8\xE0\xA4\xBE \xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80"
	        "\xE0\xA4\x82 \xE0\xA4\xAC\xE0\xA4\xA6\xE0\xA4\xB2\xE0\xA5\x87\xE0\xA4\x97\xE0\xA5\x80 \xE0"
	        "\xA4\x94\xE0\xA4\xB0 \xE0\xA4\xA8\xE0\xA4\x97\xE0\xA4\xB0 \xE0\xA4\xAA\xE0\xA4\xB0\xE0\xA4"
	        "\xBF\xE0\xA4\xB7\xE0\xA4\xA6 \xE0\xA4\xB8\xE0\xA4\xBE\xE0\xA4\xB2 \xE0\xA4\x95\xE0\xA5\x87"
	        " \xE0\xA4\x85\xE0\xA4\x82\xE0\xA4\xA4 \xE0\xA4\xB8\xE0\xA5\x87 \xE0\xA4\xAA\xE0\xA4\xB9"
	        "\xE0\xA4\xB2\xE0\xA5\x87 \xE0\xA4\x89\xE0\xA4\xB8 \xE0\xA4\xAA\xE0\xA4\xB0 \xE0\xA4\xAE"
	        "\xE0\xA4\xA4\xE0\xA4\xA6\xE0\xA4\xBE\xE0\xA4\xA8 \xE0\xA4\x95\xE0\xA5\x87 \xE0\xA4\xB2\xE0"
	        "\xA4\xBF\xE0\xA4\x8F \xE0\xA4\xA4\xE0\xA5\x88\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA4\xB0 \xE0\xA4"
	        "\xB9\xE0\xA5\x88, \xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA5\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5\x80"
	        "\xE0\xA4\xAF \xE0\xA4\xAE\xE0\xA5\x80\xE0\xA4\xA1\xE0\xA4\xBF\xE0\xA4\xAF\xE0\xA4\xBE \xE0"
	        "\xA4\x95\xE0\xA5\x87 \xE0\xA4\x85\xE0\xA4\xA8\xE0\xA5\x81\xE0\xA4\xB8\xE0\xA4\xBE\xE0\xA4"
	        "\xB0\xE0\xA5\xA4" },
	{ "ko", "\xEC\x9E\xA5\xEA\xB4\x80\xEC\x9D\x80 \xEC\x9B\x94\xEC\x9A\x94\xEC\x9D\xBC \xEA\xB3\x84\xED"
	        "\x9A\x8D\xEC\x9D\xB4 \xEB\xB0\x94\xEB\x80\x8C\xEC\xA7\x80 \xEC\x95\x8A\xEC\x9D\x84 \xEA"
	        "\xB2\x83\xEC\x9D\xB4\xEB\xA9\xB0 \xEC\x8B\x9C\xEC\x9D\x98\xED\x9A\x8C\xEA\xB0\x80 \xEC\x97"
	        "\xB0\xEB\xA7\x90 \xEC\xA0\x84\xEC\x97\x90 \xEC\x9D\xB4\xEC\x97\x90 \xEB\x8C\x80\xED\x95"
	        "\xB4 \xED\x91\x9C\xEA\xB2\xB0\xED\x95\xA0 \xEC\xA4\x80\xEB\xB9\x84\xEA\xB0\x80 \xEB\x90"
	        "\x98\xEC\x96\xB4 \xEC\x9E\x88\xEB\x8B\xA4\xEA\xB3\xA0 \xEC\xA7\x80\xEC\x97\xAD \xEC\x96"
	        "\xB8\xEB\xA1\xA0\xEC\x9D\xB4 \xEC\xA0\x84\xED\x96\x88\xEB\x8B\xA4." },
	/* a word in Han among the hangul: still Korean */
	{ "ko", "\xEC\x9E\xA5\xEA\xB4\x80\xEC\x9D\x80 \xEC\x9B\x94\xEC\x9A\x94\xEC\x9D\xBC \xE7\xBE\x8E "
	        "\xEC\xA0\x95\xEB\xB6\x80\xEC\x9D\x98 \xEA\xB3\x84\xED\x9A\x8D\xEC\x9D\xB4 \xEB\xB0\x94\xEB"
	        "\x80\x8C\xEC\xA7\x80 \xEC\x95\x8A\xEC\x9D\x84 \xEA\xB2\x83\xEC\x9D\xB4\xEB\xA9\xB0 \xEC"
	        "\x8B\x9C\xEC\x9D\x98\xED\x9A\x8C\xEA\xB0\x80 \xEC\x97\xB0\xEB\xA7\x90 \xEC\xA0\x84\xEC\x97"
	        "\x90 \xED\x91\x9C\xEA\xB2\xB0\xED\x95\xA0 \xEC\xA4\x80\xEB\xB9\x84\xEA\xB0\x80 \xEB\x90"
	        "\x98\xEC\x96\xB4 \xEC\x9E\x88\xEB\x8B\xA4\xEA\xB3\xA0 \xEB\xA7\x90\xED\x96\x88\xEB\x8B\xA4"
	        "." },
	{ "ja", "\xE9\xA6\x96\xE7\x9B\xB8\xE3\x81\xAF\xE8\xA8\x98\xE8\x80\x85\xE5\x9B\xA3\xE3\x81\xAB\xE5\xAF\xBE\xE3\x81\x97"
	        "\xE3\x80\x8C\xE7\xB5\x8C\xE6\xB8\x88\xE5\xAF\xBE\xE7\xAD\x96\xE3\x82\x92\xE6\x80\xA5\xE3\x81\x90\xE3\x80\x8D"
	        "\xE3\x81\xA8\xE8\xBF\xB0\xE3\x81\xB9\xE3\x81\x9F\xE3\x80\x82" },
	{ "zh", "\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA\xBA\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C"
	        "\xE4\xB8\xAD\xE6\x96\xB9\xE6\x84\xBF\xE6\x84\x8F\xE4\xB8\x8E\xE5\x90\x84\xE6\x96\xB9\xE5\x8A\xA0\xE5\xBC\xBA"
	        "\xE5\x90\x88\xE4\xBD\x9C\xE3\x80\x82\xE2\x80\x9D" },
};

static void detects_each_language(void **state)
{
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		enum lang l = lang_detect(samples[i].text, strlen(samples[i].text));
		if (strcmp(lang_code(l), samples[i].code))
			fail_msg("sample %zu: detected %s, want %s", i, lang_code(l), samples[i].code);
	}
}

/* Chinese text is found wherever it starts (the search for its lead
 * bytes reads sixteen, eight and one at a time), and curly quotes and
 * dashes (a lead byte of their own) do not make Latin text CJK. */
static void cjk_found_at_every_offset(void **state)
{
	const char *zh = samples[sizeof samples / sizeof *samples - 1].text;
	char buf[512];
	for (size_t pad = 0; pad < 40; pad++) {
		memset(buf, ' ', pad);
		strcpy(buf + pad, zh);
		assert_int_equal(lang_detect(buf, strlen(buf)), LANG_ZH);
	}
	const char *en = "\xE2\x80\x9CThe plan would not be changed,\xE2\x80\x9D the minister said \xE2\x80\x94 and "
	                 "the council was ready to vote on it before the end of the year.";
	assert_int_equal(lang_detect(en, strlen(en)), LANG_EN);
}

static void unknown_is_english(void **state)
{
	assert_int_equal(lang_detect("12345 67890 !!!", 15), LANG_EN);
	assert_int_equal(lang_detect("", 0), LANG_EN);
}

static void codes_round_trip(void **state)
{
	for (int l = 1; l < LANG_COUNT; l++)
		assert_int_equal(lang_from_code(lang_code((enum lang)l)), l);
	assert_int_equal(lang_from_code("nb"), LANG_NO);
	assert_int_equal(lang_from_code("nn"), LANG_NO);
	assert_int_equal(lang_from_code("bs"), LANG_HR);   /* its Latin spellings are in hr.txt */
	assert_int_equal(lang_from_code("xx"), LANG_UNKNOWN);
	assert_int_equal(lang_from_code(NULL), LANG_UNKNOWN);
	assert_string_equal(lang_code(LANG_UNKNOWN), "");
}

static void lexicon_every_word_found(void **state)
{
	/* every word of the table is reachable through the hash */
	for (size_t i = 0; i < lex_size(); i++) {
		const char *w = lex_word(i);
		unsigned any = lex_profile(lex_find(w, strlen(w))) | lex_any(lex_find(w, strlen(w)));
		for (int l = 1; l < LANG_COUNT; l++)
			any |= lex_lookup((enum lang)l, w, strlen(w));
		if (!any)
			fail_msg("word '%s' not found", w);
	}
	assert_null(lex_word(lex_size()));
}

/* The word w (at most eight bytes) as lex_find_word8 takes it. */
static uint64_t word8(const char *w, size_t n)
{
	uint64_t x = 0;
	for (size_t i = 0; i < n; i++)
		x |= (uint64_t)(unsigned char)w[i] << (8 * i);
	return x;
}

static void lexicon_lookups_agree(void **state)
{
	/* lex_find, lex_find_padded, lex_find_word8 and lex_find_word16 give
	 * every word its entry; lex_hash_padded is lex_hash of a padded word */
	for (size_t i = 0; i < lex_size(); i++) {
		const char *w = lex_word(i);
		size_t n = strlen(w);
		char pad[LEX_PADDED] = { 0 };
		memcpy(pad, w, n);
		assert_int_equal(lex_find(w, n), (int)i);
		assert_int_equal(lex_find_padded(pad, n), (int)i);
		assert_int_equal(lex_hash_padded(pad, n), lex_hash(w, n));
		if (n <= 8)
			assert_int_equal(lex_find_word8(word8(w, n), n), (int)i);
		else if (n <= 16)
			assert_int_equal(lex_find_word16(word8(w, 8), word8(w + 8, n - 8), n), (int)i);
	}
	static const char *const absent[] = { "xyzzy", "saidx", "sai", "thee", "a1", "zzzzzzzz", "abcdefghijklmnopq",
	                                      "spokesmanx", "abcdefghijklmnop" };
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
		size_t n = strlen(absent[i]);
		char pad[LEX_PADDED] = { 0 };
		memcpy(pad, absent[i], n);
		assert_int_equal(lex_find(absent[i], n), -1);
		assert_int_equal(lex_find_padded(pad, n), -1);
		if (n <= 8)
			assert_int_equal(lex_find_word8(word8(absent[i], n), n), -1);
		else if (n <= 16)
			assert_int_equal(lex_find_word16(word8(absent[i], 8), word8(absent[i] + 8, n - 8), n), -1);
	}
	assert_int_equal(lex_find_word8(0, 0), -1);
	assert_int_equal(lex_find_word8(word8("said", 4), 9), -1);
	assert_int_equal(lex_find_word16(word8("said", 4), 0, 4), -1);   /* (eight bytes or fewer: lex_find_word8's) */
	assert_int_equal(lex_find_word16(0, 0, 17), -1);
}

/* bsearch's order of entry numbers: their words bytewise (key: a word). */
static int word_vs_entry(const void *key, const void *entry)
{
	return strcmp(key, lex_word(*(const size_t *)entry));
}

static int entry_vs_entry(const void *a, const void *b)
{
	return strcmp(lex_word(*(const size_t *)a), lex_word(*(const size_t *)b));
}

/* lex_find of s, checked against a search of every word of the lists. */
static void find_as_search(const char *s, const size_t *by_word, size_t n)
{
	const size_t *hit = bsearch(s, by_word, n, sizeof *by_word, word_vs_entry);
	int want = hit ? (int)*hit : -1;
	if (lex_find(s, strlen(s)) != want)
		fail_msg("lex_find(\"%s\") is %d, not %d", s, lex_find(s, strlen(s)), want);
}

static void lexicon_perfect_hash(void **state)
{
	/* the hash of each word of the lists leads to that word's own entry
	 * (lex_entry_of: no two words share one, none is left out), and a
	 * lookup answers as a search of all the words would: for every string
	 * of one to three letters and for each word with a letter more or one
	 * less, which the lists mostly do not hold */
	size_t n = lex_size();
	size_t *by_word = malloc(n * sizeof *by_word);
	assert_non_null(by_word);
	for (size_t i = 0; i < n; i++) {
		const char *w = lex_word(i);
		assert_int_equal(lex_entry_of(lex_hash(w, strlen(w))), i);
		by_word[i] = i;
	}
	qsort(by_word, n, sizeof *by_word, entry_vs_entry);
	char s[LEX_PADDED];
	for (size_t len = 1; len <= 3; len++) {
		size_t count = 1;
		for (size_t k = 0; k < len; k++)
			count *= 26;
		for (size_t c = 0; c < count; c++) {
			size_t x = c;
			for (size_t k = 0; k < len; k++, x /= 26)
				s[k] = (char)('a' + x % 26);
			s[len] = '\0';
			find_as_search(s, by_word, n);
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(lex_word(i));
		memcpy(s, lex_word(i), m + 1);
		s[m - 1] = '\0';
		find_as_search(s, by_word, n);
		memcpy(s, lex_word(i), m);
		memcpy(s + m, "s", 2);
		find_as_search(s, by_word, n);
	}
	free(by_word);
}

static void lexicon_entries_hold_the_words(void **state)
{
	/* an entry keeps a word's first sixteen bytes, zero-padded, which the
	 * inline lookups compare, and its whole length; the rest is compared
	 * from the whole word, which lex_word gives */
	size_t longer = 0;
	for (size_t i = 0; i < lex_size(); i++) {
		const char *w = lex_word(i);
		size_t n = strlen(w), k = n < 16 ? n : 16;
		char head[16] = { 0 };
		memcpy(head, w, k);
		assert_int_equal(lex_words[i].len, n);
		assert_memory_equal(lex_words[i].w, head, 16);
		longer += n > 16;
	}
	assert_true(longer > 0);   /* (the lists hold such words: the case is tested) */
}

static void lexicon_classes(void **state)
{
	assert_true(lex_lookup(LANG_EN, "said", 4) & LX_CUE);
	assert_true(lex_lookup(LANG_DA, "siger", 5) & LX_CUE);
	assert_true(lex_lookup(LANG_DE, "so", 2) & LX_CUE_TAIL);
	assert_false(lex_lookup(LANG_EN, "so", 2) & LX_CUE_TAIL);
	assert_true(lex_lookup(LANG_FR, "selon", 5) & LX_ACCORD);
	assert_true(lex_lookup(LANG_SV, "hon", 3) & LX_PRON);
	assert_true(lex_lookup(LANG_EN, "monday", 6) & LX_CAL);
	assert_true(lex_lookup(LANG_IT, "sindaco", 7) & LX_TITLE);
	assert_int_equal(lex_lookup(LANG_EN, "xyzzy", 5), 0);
	assert_int_equal(lex_lookup(LANG_ZH, "said", 4), 0);   /* no Latin lists for CJK */
	assert_int_equal(lex_lookup(LANG_EN, "", 0), 0);
	/* the classes that hold in every language, whichever file lists the word */
	assert_true(lex_any(lex_find("der", 3)) & LXA_DEFINITE);
	assert_true(lex_any(lex_find("the", 3)) & LXA_DEFINITE);
	assert_true(lex_any(lex_find("bzw", 3)) & LXA_ABBREVIATION);
	assert_true(lex_any(lex_find("frau", 4)) & LXA_WHOLE_TITLE);
	assert_true(lex_any(lex_find("als", 3)) & LXA_AS);
	assert_false(lex_any(lex_find("said", 4)));
	assert_int_equal(lex_any(-1), 0);
	/* the languages past the eleventh, whose classes stand beside the entries */
	assert_true(lex_lookup(LANG_PT, "disse", 5) & LX_CUE);
	assert_true(lex_lookup(LANG_PL, "powiedzia\xC5\x82" "a", 12) & LX_CUE);
	assert_true(lex_lookup(LANG_RU, "\xD0\xBE\xD0\xBD\xD0\xB0", 6) & LX_PRON);
	assert_int_equal(lex_lookup(LANG_ES, "disse", 5), 0);   /* a word of one language only */
	/* sr.txt's [like] hr and [alphabet]: Croatian's words, as written and in Cyrillic */
	assert_true(lex_lookup(LANG_SR, "rekao", 5) & LX_CUE);
	assert_true(lex_lookup(LANG_SR, "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xBE", 10) & LX_CUE);   /* рекао */
	assert_true(lex_lookup(LANG_SR, "\xD1\x9A\xD0\xB5\xD0\xB3\xD0\xB0", 8) & LX_PRON_OBJ);   /* њега: nj one letter */
	assert_true(lex_lookup(LANG_HR, "njega", 5) & LX_PRON_OBJ);
	assert_int_equal(lex_lookup(LANG_HR, "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xBE", 10), 0);   /* Croatian has no Cyrillic */
	assert_true(lex_lookup(LANG_PT, "ministro", 8) & LX_ROLE);   /* in both */
	assert_true(lex_lookup(LANG_ES, "ministro", 8) & LX_ROLE);
}

/* lex_suffix against the plain reading of lex_affixes: the first ending
 * (longest first) that the word ends with and is longer than (lex_suffix
 * reads a trie of the endings from their last byte: words that go down it
 * part of the way and end in another ending). */
static size_t suffix_by_hand(enum lang lang, enum lex_affix k, const char *low, size_t n)
{
	size_t na;
	const char *const *v = lex_affixes(lang, k, &na);
	for (size_t i = 0; i < na; i++) {
		size_t l = strlen(v[i]);
		if (l < n && !memcmp(low + n - l, v[i], l))
			return l;
	}
	return 0;
}

static void lexicon_suffixes(void **state)
{
	(void)state;
	char word[64];
	size_t checked = 0;
	for (int lang = LANG_UNKNOWN; lang < LANG_COUNT; lang++)
		for (int k = 0; k < LA__COUNT; k++) {
			size_t na;
			const char *const *v = lex_affixes((enum lang)lang, (enum lex_affix)k, &na);
			for (size_t i = 0; i < na; i++) {
				size_t l = strlen(v[i]);
				assert_true(l > 0 && l + 2 < sizeof word);
				const char *forms[] = { "x", "", "q" };   /* a longer word, the ending alone, a last byte changed */
				for (size_t f = 0; f < 3; f++) {
					size_t n = f == 1 ? l : l + 1;
					if (f == 1)
						memcpy(word, v[i], l);
					else {
						word[0] = forms[f][0];
						memcpy(word + 1, v[i], l);
					}
					if (f == 2)
						word[n - 1] = (char)(word[n - 1] ^ 0x01);
					word[n] = '\0';
					assert_int_equal(lex_suffix((enum lang)lang, (enum lex_affix)k, word, n),
					                 suffix_by_hand((enum lang)lang, (enum lex_affix)k, word, n));
					checked++;
				}
				word[0] = 'x';
				memcpy(word + 1, v[i], l + 1);
				assert_true(lex_suffix((enum lang)lang, (enum lex_affix)k, word, l + 1) >= l);
				/* its first byte changed (read up to there from the end), and
				 * after each ending (two of them, one inside the other's reach) */
				word[1] = (char)(word[1] ^ 0x01);
				assert_int_equal(lex_suffix((enum lang)lang, (enum lex_affix)k, word, l + 1),
				                 suffix_by_hand((enum lang)lang, (enum lex_affix)k, word, l + 1));
				for (size_t j = 0; j < na; j++) {
					size_t lj = strlen(v[j]);
					if (lj + l >= sizeof word)
						continue;
					memcpy(word, v[j], lj);
					memcpy(word + lj, v[i], l + 1);
					assert_int_equal(lex_suffix((enum lang)lang, (enum lex_affix)k, word, lj + l),
					                 suffix_by_hand((enum lang)lang, (enum lex_affix)k, word, lj + l));
				}
			}
			assert_int_equal(lex_suffix((enum lang)lang, (enum lex_affix)k, "", 0), 0);
		}
	assert_true(checked > 0);
	assert_int_equal(lex_suffix(LANG_UNKNOWN, LA_ROLE_SUFFIX, "xminister", 9), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detects_each_language),
		cmocka_unit_test(cjk_found_at_every_offset),
		cmocka_unit_test(unknown_is_english),
		cmocka_unit_test(codes_round_trip),
		cmocka_unit_test(lexicon_every_word_found),
		cmocka_unit_test(lexicon_lookups_agree),
		cmocka_unit_test(lexicon_perfect_hash),
		cmocka_unit_test(lexicon_entries_hold_the_words),
		cmocka_unit_test(lexicon_classes),
		cmocka_unit_test(lexicon_suffixes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
