#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "lang.h"
#include "lexicon.h"
#include "tok.h"

static const char codes[LANG_COUNT][3] = { "", "en", "da", "no", "sv", "de", "fr", "es", "nl", "it", "zh", "ja",
                                           "pt", "pl", "ca", "cs", "ru", "uk", "ro", "hr", "hu", "el", "bg", "sr",
                                           "sk", "sl", "fi", "et", "gl",
                                           "lv", "lt", "tr", "id", "vi", "ar", "he", "fa", "hi", "ko",
                                           "ur", "be", "mk", "eu", "is", "ga", "mt", "kk", "hy", "ta", "mr" };

const char *lang_code(enum lang l)
{
	return l > LANG_UNKNOWN && l < LANG_COUNT ? codes[l] : "";
}

enum lang lang_from_code(const char *code)
{
	if (!code)
		return LANG_UNKNOWN;
	if (!strcmp(code, "nb") || !strcmp(code, "nn"))
		return LANG_NO;
	if (!strcmp(code, "bs"))
		return LANG_HR;
	for (int l = 1; l < LANG_COUNT; l++)
		if (!strcmp(code, codes[l]))
			return (enum lang)l;
	return LANG_UNKNOWN;
}

/* Is there a byte E3..ED (the lead of kana, Han or hangul) with two bytes
 * after it in t[i..n)? Without one nothing below is counted: text with
 * only Latin letters, curly quotes and dashes (E2) ends here, without
 * counting its letters byte by byte. */
static bool cjk_lead_at_or_after(const char *t, size_t i, size_t n)
{
#ifdef __SSE2__
	/* sixteen bytes at a time (i + 15 + 2 < n in each): as signed bytes
	 * the leads are -29..-19 */
	const __m128i below = _mm_set1_epi8((char)0xE2), above = _mm_set1_epi8((char)0xEE);
	for (; i + 18 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmplt_epi8(x, above))))
			return true;
	}
#endif
	/* eight bytes at a time (i + 7 + 2 < n in each): of a byte with its
	 * high bit, the low seven bits are 0x63..0x6D, which adding 0x1D
	 * carries into the lane's high bit and adding 0x12 does not */
	const uint64_t one = 0x0101010101010101ull, high = one * 0x80;
	for (uint64_t x; i + 10 <= n; i += 8) {
		memcpy(&x, t + i, 8);
		uint64_t low = x & ~high;
		if ((low + one * 0x1D) & ~(low + one * 0x12) & x & high)
			return true;
	}
	for (; i + 2 < n; i++)
		if ((unsigned char)((unsigned char)t[i] - 0xE3) <= 0xED - 0xE3)
			return true;
	return false;
}

/* Hangul syllables more than kana and Han mean Korean; kana, Japanese; Han
 * without kana, Chinese. Returns LANG_UNKNOWN when CJK characters are not
 * the bulk of the sample. */
static enum lang cjk_lang(const char *t, size_t n)
{
	/* kana and Han are three-byte sequences led by E3..E9 (hangul EA..ED); count
	 * them by their lead bytes, which is all this needs */
	size_t kana = 0, han = 0, hangul = 0, latin = 0;
	if (!cjk_lead_at_or_after(t, 0, n))
		return LANG_UNKNOWN;   /* (plain ASCII and Latin text: nothing below is counted) */
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)t[i];
		if (b < 0x80) {
			latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
		} else if (b >= 0xE3 && b <= 0xED && i + 2 < n) {
			unsigned char b1 = (unsigned char)t[i + 1];
			if (b == 0xE3 && (b1 == 0x81 || b1 == 0x82 || b1 == 0x83))
				kana++;   /* U+3040..U+30FF */
			else if (b <= 0xE9 && (b > 0xE3 || b1 >= 0x90))
				han++;    /* U+3400..U+9FFF */
			else
				hangul += b >= 0xEA;   /* U+A000..U+DFFF: the syllables U+AC00..U+D7A3 */
			i += 2;
		}
	}
	if (hangul > kana + han && hangul * 3 >= latin)
		return LANG_KO;   /* (Korean copy may give a word in Han) */
	if (kana + han == 0 || (kana + han) * 3 < latin)
		return LANG_UNKNOWN;
	return kana * 20 > kana + han ? LANG_JA : LANG_ZH;
}

/* The Latin-script language whose profile words are the most frequent. */
static enum lang best_profile(const unsigned score[LANG_COUNT])
{
	enum lang best = LANG_EN;
	for (uint64_t m = LANG_LATIN_MASK; m; m &= m - 1) {
		int l = __builtin_ctzll(m);
		if (score[l] > score[best])
			best = (enum lang)l;
	}
	return best;
}

_Static_assert(__builtin_popcountll(LANG_LATIN_MASK) == LANG_LATIN_COUNT, "LANG_LATIN_COUNT counts the mask");

enum lang lang_latin(unsigned i)
{
	uint64_t m = LANG_LATIN_MASK;
	for (; i && m; i--)
		m &= m - 1;
	return m ? (enum lang)__builtin_ctzll(m) : LANG_UNKNOWN;
}

static void count_profile(const tok *w, unsigned score[LANG_COUNT])
{
	if (w->kind != T_WORD || w->entry < 0)
		return;
	/* one step for each language the word is in (most are in one or two) */
	for (unsigned p = lex_profile(w->entry); p; p &= p - 1)
		score[lang_latin((unsigned)__builtin_ctz(p))]++;
}

void lang_count_word(const tok *w, unsigned score[LANG_COUNT])
{
	count_profile(w, score);
}

/* Below this many profile words the letters of a language count too:
 * a sentence or two of Icelandic reads as much like Danish by its words. */
#define FEW_PROFILE_WORDS 12

/* Letters only one Latin-script language here writes count as one of its
 * profile words each: Icelandic's þ and ð, Latvian's ā ē ī (Lithuanian
 * writes ū, not these), Czech's ě ř ů and Slovak's ľ ĺ ŕ (capitals too). */
static void count_own_letters(const char *text, size_t n, unsigned score[LANG_COUNT])
{
	const unsigned char *u = (const unsigned char *)text;
	for (size_t i = 0; i + 1 < n; i++) {
		if (u[i] < 0xC3 || u[i] > 0xC5)
			continue;
		unsigned c = u[i + 1];
		if (u[i] == 0xC3) {
			score[LANG_IS] += c == 0x9E || c == 0xBE || c == 0x90 || c == 0xB0;
		} else if (u[i] == 0xC4) {
			score[LANG_LV] += c == 0x80 || c == 0x81 || c == 0x92 || c == 0x93 || c == 0xAA || c == 0xAB;
			score[LANG_CS] += c == 0x9A || c == 0x9B;
			score[LANG_SK] += c == 0xB9 || c == 0xBA || c == 0xBD || c == 0xBE;
		} else {
			score[LANG_CS] += c == 0x98 || c == 0x99 || c == 0xAE || c == 0xAF;
			score[LANG_SK] += c == 0x94 || c == 0x95;
		}
		i++;
	}
}

/* The best profile of score, with the letters of text counted where its
 * words are few. */
static enum lang best_of_few(const char *text, size_t n, const unsigned score[LANG_COUNT])
{
	enum lang best = best_profile(score);
	if (score[best] >= FEW_PROFILE_WORDS)
		return best;
	unsigned more[LANG_COUNT];
	memcpy(more, score, sizeof more);
	count_own_letters(text, n < LANG_SAMPLE ? n : LANG_SAMPLE, more);
	return best_profile(more);
}

enum lang lang_from_scores(const char *text, size_t len, const unsigned score[LANG_COUNT])
{
	enum lang cjk = cjk_lang(text, len < LANG_SAMPLE ? len : LANG_SAMPLE);
	if (cjk != LANG_UNKNOWN)
		return cjk;
	enum lang best = best_of_few(text, len, score);
	if (score[best] >= 6)
		return best;
	/* little narration around the quotes: read the quotes' words too */
	return lang_detect(text, len);
}

/* The letters of the scripts without capitals in t[0..n), counted by the
 * lead bytes of their two- or three-byte sequences. */
typedef struct caseless_counts {
	size_t arabic, persian, arabic_only, urdu, hebrew, devanagari, marathi, tamil;
} caseless_counts;

/* Urdu's own letters, which neither Arabic nor Persian writes: ٹ ڈ ڑ ں ھ
 * and the final ے and the heh ہ that end many of its words. */
static bool urdu_letter(unsigned b, unsigned c)
{
	return (b == 0xD9 && c == 0xB9) || (b == 0xDA && (c == 0x88 || c == 0x91 || c == 0xBA || c == 0xBE)) ||
	       (b == 0xDB && (c == 0x92 || c == 0x81));
}

/* Marathi's marks in Devanagari text at u[i] (c = u[i + 1]): the letter ळ,
 * which Hindi does not write, and words Hindi does not have: आहे (is),
 * आणि (and), यांनी (the honorific ergative), मध्ये (in), असे (thus). */
static bool marathi_mark(const unsigned char *u, size_t i, size_t n, unsigned c)
{
	static const char *const marks[] = { "\xE0\xA4\xB3", "\xE0\xA4\x86\xE0\xA4\xB9\xE0\xA5\x87",
		                             "\xE0\xA4\x86\xE0\xA4\xA3\xE0\xA4\xBF",
		                             "\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA4\x82\xE0\xA4\xA8\xE0\xA5\x80",
		                             "\xE0\xA4\xAE\xE0\xA4\xA7\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA5\x87",
		                             "\xE0\xA4\x85\xE0\xA4\xB8\xE0\xA5\x87" };
	if (c != 0xA4)
		return false;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t len = strlen(marks[k]);
		if (i + len <= n && !memcmp(u + i, marks[k], len))
			return true;
	}
	return false;
}

/* Arabic letters (U+0600..U+06FF, led by D8..DB) with Persian's own among
 * them (پ چ ژ گ ی ک), those Persian does not write (ي ك ة) and Urdu's
 * own, Hebrew (led by D7), Devanagari (U+0900..U+097F: E0 A4, E0 A5) with
 * Marathi's marks among it, and Tamil (U+0B80..U+0BFF: E0 AE, E0 AF). */
static void count_caseless(const unsigned char *u, size_t n, caseless_counts *k)
{
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned b = u[i], c = u[i + 1];
		k->arabic += b >= 0xD8 && b <= 0xDB;
		k->hebrew += b == 0xD7;
		k->devanagari += b == 0xE0 && (c == 0xA4 || c == 0xA5);
		k->marathi += b == 0xE0 && marathi_mark(u, i, n, c);
		k->tamil += b == 0xE0 && (c == 0xAE || c == 0xAF);
		k->persian += (b == 0xD9 && c == 0xBE) || (b == 0xDA && (c == 0x86 || c == 0x98 || c == 0xAF || c == 0xA9)) ||
		              (b == 0xDB && c == 0x8C);
		k->arabic_only += (b == 0xD9 && (c == 0x8A || c == 0x83)) || (b == 0xD8 && c == 0xA9);
		k->urdu += urdu_letter(b, c);
	}
}

/* The caseless language whose letters outnumber the ASCII ones (latin) and
 * the other scripts', else LANG_UNKNOWN. */
static enum lang caseless_lang(const char *t, size_t n, size_t latin)
{
	caseless_counts k = { 0 };
	count_caseless((const unsigned char *)t, n, &k);
	if (k.arabic > latin && k.arabic > k.hebrew && k.arabic > k.devanagari) {
		if (k.urdu * 20 > k.arabic)   /* (a word in twenty or so has one) */
			return LANG_UR;
		return k.persian > k.arabic_only ? LANG_FA : LANG_AR;
	}
	if (k.hebrew > latin && k.hebrew > k.devanagari)
		return LANG_HE;
	if (k.tamil > latin && k.tamil > k.devanagari)
		return LANG_TA;
	if (k.devanagari <= latin)
		return LANG_UNKNOWN;
	return k.marathi * 200 > k.devanagari ? LANG_MR : LANG_HI;   /* (one in two hundred letters) */
}

/* The language of t[0..n) by its letters, asked only where the Latin
 * profile found little: LANG_UNKNOWN unless Cyrillic letters (U+0400..
 * U+04FF, led by D0..D3) or Greek ones (U+0386..U+03FF, led by CE and CF)
 * outnumber the ASCII ones; Greek where its letters are the more;
 * else Serbian where its own (ј љ њ ћ џ ђ) outnumber those of the three
 * others, else Ukrainian where its own letters (і ї є ґ) outnumber
 * Russian's (ы э ъ ё), else Bulgarian where its vowel ъ outnumbers the
 * letters it lacks (ы э ё: in Russian ъ is rare), else Russian; without
 * Cyrillic, the scripts without capitals (caseless_lang). Belarusian is
 * told by its ў (one letter in two hundred is plenty: no other language
 * here writes it), Kazakh by its ә ғ қ ұ (one letter in a hundred),
 * Macedonian by its own ѓ ќ ѕ (no other language here writes them), or
 * where neither writes its own, from Serbian by its "во" (in) against
 * Serbian's "у";
 * Armenian (U+0531..U+058F, led by D4..D6) where its letters outnumber
 * the ASCII and the Cyrillic ones. */
static enum lang script_lang(const char *t, size_t n)
{
	size_t cyrillic = 0, greek = 0, armenian = 0, latin = 0, uk = 0, ru = 0, hard = 0, sr = 0, sr_own = 0, sr_u = 0,
	       mk_own = 0, mk_vo = 0, be = 0, kk = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)t[i];
		cyrillic += b >= 0xD0 && b <= 0xD3;
		greek += b == 0xCE || b == 0xCF;
		armenian += b == 0xD5 || (b == 0xD4 && i + 1 < n && (unsigned char)t[i + 1] >= 0xB1) ||
		            (b == 0xD6 && i + 1 < n && (unsigned char)t[i + 1] <= 0x8F);
		latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
		if (i + 1 < n && (b == 0xD1 || b == 0xD2)) {
			unsigned char c = (unsigned char)t[i + 1];
			uk += (b == 0xD1 && (c == 0x96 || c == 0x97 || c == 0x94)) || (b == 0xD2 && c == 0x91);
			ru += b == 0xD1 && (c == 0x8B || c == 0x8D || c == 0x91);
			hard += b == 0xD1 && c == 0x8A;
			sr += b == 0xD1 && (c == 0x98 || c == 0x99 || c == 0x9A || c == 0x9B || c == 0x9F || c == 0x92);
			sr_own += b == 0xD1 && (c == 0x9B || c == 0x92);
			mk_own += b == 0xD1 && (c == 0x93 || c == 0x9C || c == 0x95);
			be += b == 0xD1 && c == 0x9E;
		}
		if (b == ' ' && i + 6 <= n) {   /* " во " and " у ": in, in Macedonian and in Serbian */
			mk_vo += !memcmp(t + i + 1, "\xD0\xB2\xD0\xBE ", 5);
			sr_u += !memcmp(t + i + 1, "\xD1\x83 ", 3);
		}
		if (i + 1 < n && (b == 0xD2 || b == 0xD3)) {
			unsigned char c = (unsigned char)t[i + 1];
			kk += (b == 0xD3 && c == 0x99) || (b == 0xD2 && (c == 0x93 || c == 0x9B || c == 0xB1));
		}
	}
	if (greek > latin && greek > cyrillic)
		return LANG_EL;
	if (armenian > latin && armenian > cyrillic)
		return LANG_HY;
	if (cyrillic <= latin)
		return caseless_lang(t, n, latin);
	if (be && be * 200 >= cyrillic)
		return LANG_BE;
	if (kk && kk * 100 >= cyrillic)
		return LANG_KK;
	if (mk_own > sr_own + sr_u)
		return LANG_MK;   /* (no other language here writes them) */
	if (sr > uk + ru + hard)
		return mk_own + mk_vo > sr_own + sr_u ? LANG_MK : LANG_SR;
	if (uk > ru + hard)
		return LANG_UK;
	return hard > ru ? LANG_BG : LANG_RU;
}

enum lang lang_detect(const char *text, size_t n)
{
	size_t len = n;
	if (n > LANG_SAMPLE)
		n = LANG_SAMPLE;
	enum lang cjk = cjk_lang(text, n);
	if (cjk != LANG_UNKNOWN)
		return cjk;
	unsigned score[LANG_COUNT];
	tok_count_profile(text, n, len, score);
	enum lang best = best_of_few(text, n, score);
	enum lang script = score[best] < 6 ? script_lang(text, n) : LANG_UNKNOWN;
	return script != LANG_UNKNOWN ? script : best;
}
