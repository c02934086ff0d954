/* Merging name forms (see names.h): keys of folded words, sorted twice.
 *
 * Each name becomes a key: its words without leading titles, case folded,
 * joined by US (0x1f), a byte below every byte a word holds. Sorted
 * bytewise, the keys that begin with the words of key k then follow k in
 * one block, so "the forms k begins" is a binary search, and "they form one
 * chain" (each a prefix of the next) is a sum over precomputed links. The
 * same over the keys with their words reversed gives the forms k ends. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include "error.h"
#include "lang.h"
#include "lexicon.h"
#include "names.h"
#include "strbuf.h"

#define SEP '\x1f'
#define MAX_WORDS 16

typedef struct key {
	char *fwd, *rev;     /* the words in order and reversed, joined by SEP */
	size_t form;         /* the form that shows it */
	int rank;            /* how good a display form that is: higher is better */
	long weight;         /* the quotes of its forms */
	size_t words;
} key;

/* ---- words ---- */

static char *fold(const char *s, size_t n)
{
	size_t len = 0;
	uint8_t *f = u8_casefold((const uint8_t *)s, n, NULL, NULL, NULL, &len);
	if (!f)
		return NULL;
	char *out = realloc(f, len + 1);
	if (!out) {
		free(f);
		return NULL;
	}
	out[len] = '\0';
	return out;
}

static bool first_is_lower(const char *w, size_t n)
{
	ucs4_t c;
	return u8_mbtouc(&c, (const uint8_t *)w, n) > 0 && uc_is_lower(c);
}

static unsigned lex_classes(const char *folded, enum lang l)
{
	return lex_mask(lex_find(folded, strlen(folded)), l);
}

/* Signs that no name holds: the form is a phrase or a list. */
static bool has_sign(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(",;:()\"", w[i]))
			return true;
	return false;
}

typedef struct words {
	char *w[MAX_WORDS];      /* folded */
	size_t n;
	bool title_dropped;
} words;

static void words_free(words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i]);
	ws->n = 0;
}

/* ---- names of scripts written without spaces ---- */

static bool is_kana(ucs4_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF);
}

/* The dots between the parts of a name written in these scripts:
 * U+00B7 in Chinese, U+30FB and U+FF65 in Japanese, U+2027. */
static bool is_name_dot(ucs4_t c)
{
	return c == 0xB7 || c == 0x30FB || c == 0xFF65 || c == 0x2027;
}

static bool is_unspaced(ucs4_t c)
{
	return uc_is_property_ideographic(c) || is_kana(c);
}

/* The form holds a character of a script written without spaces. */
static bool has_unspaced(const char *form)
{
	const uint8_t *p = (const uint8_t *)form;
	ucs4_t c;
	int k;
	for (; *p; p += k) {
		if ((k = u8_strmbtouc(&c, p)) <= 0)
			return false;
		if (is_unspaced(c))
			return true;
	}
	return false;
}

static bool add_word(words *ws, const char *w, size_t n, bool *oom)
{
	if (ws->n == MAX_WORDS)
		return false;
	if (!(ws->w[ws->n] = strndup(w, n))) {
		*oom = true;
		return false;
	}
	ws->n++;
	return true;
}

/* A name in Chinese or Japanese: written without spaces, its characters
 * are its words (the family name is its first one or two), so that a
 * family name alone merges with the whole name as a word of a spaced name
 * does; the dots between a foreign name's parts are dropped (its last
 * part alone then ends it). Longer runs with no dot, and parts longer
 * than a transliterated name's, are descriptions (a ministry and its
 * office, a role before a name), not names. */
#define UNSPACED_NAME_MAX 5
#define UNSPACED_PART_MAX 8   /* a transliterated part: a role before it makes it longer */
static bool unspaced_name_words(const char *form, words *ws, bool *oom)
{
	size_t chars = 0, part = 0;
	bool dotted = false;
	ucs4_t c;
	int k;
	for (const uint8_t *p = (const uint8_t *)form; *p; p += k) {
		if ((k = u8_strmbtouc(&c, p)) <= 0)
			return false;
		if (is_name_dot(c)) {
			dotted = true;
			part = 0;
		} else if (is_unspaced(c) && ++part <= UNSPACED_PART_MAX) {
			chars++;
		} else {
			return false;   /* another script, a space, a sign, or a description */
		}
	}
	if (!dotted && chars > UNSPACED_NAME_MAX)
		return false;
	for (const uint8_t *p = (const uint8_t *)form; *p; p += k) {
		k = u8_strmbtouc(&c, p);
		if (!is_name_dot(c) && !add_word(ws, (const char *)p, (size_t)k, oom)) {
			words_free(ws);
			return false;
		}
	}
	return ws->n > 0;
}

/* The folded words of a name without its leading titles; false when the
 * form is not a name (a lower-case word that is not a particle, a sign
 * that names do not hold, too many words). *oom set when memory ran out. */
static bool name_words(const char *form, enum lang l, words *ws, bool *oom)
{
	ws->n = 0;
	ws->title_dropped = false;
	if (has_unspaced(form))
		return unspaced_name_words(form, ws, oom);
	const char *p = form;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		if (ws->n == MAX_WORDS || has_sign(p, n)) {
			words_free(ws);
			return false;
		}
		char *f = fold(p, n);
		if (!f) {
			*oom = true;
			words_free(ws);
			return false;
		}
		unsigned cls = lex_classes(f, l);
		bool lower = first_is_lower(p, n);
		if (ws->n == 0 && (cls & LX_TITLE) && p[n]) {
			ws->title_dropped = true;   /* a title before the name */
			free(f);
		} else if (lower && !(cls & LX_PARTICLE)) {
			free(f);
			words_free(ws);
			return false;
		} else {
			ws->w[ws->n++] = f;
		}
		p += n;
	}
	if (ws->n == 0)
		return false;
	/* a particle may stand inside a name, not at its ends */
	if (lex_classes(ws->w[ws->n - 1], l) & LX_PARTICLE && ws->n > 1) {
		words_free(ws);
		return false;
	}
	return true;
}

/* Where a parenthesis that ends form[0..n) opens (a party, an age, a
 * name in Latin letters after a Chinese one: ASCII or full-width
 * brackets), 0 when none does or it opens the form. */
static size_t trailing_parenthesis(const char *form, size_t n)
{
	static const char *const pairs[][2] = { { "(", ")" }, { "\xEF\xBC\x88", "\xEF\xBC\x89" } };
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		size_t ol = strlen(pairs[i][0]), cl = strlen(pairs[i][1]);
		if (n <= cl || memcmp(form + n - cl, pairs[i][1], cl))
			continue;
		for (size_t j = n - cl; j-- > 0;)
			if (j + ol <= n - cl && !memcmp(form + j, pairs[i][0], ol))
				return j;
	}
	return 0;
}

/* A name given with a description ("the mayor, Ilse Brand", "Ilse Brand,
 * the mayor", "Ilse Brand (Party)"): the words of the one part that is a
 * name, so that the form merges as that name does; false when no part is
 * a name or more than one is ("Brand, Ilse" stays apart). */
static bool described_name_words(const char *form, enum lang l, words *ws, bool *oom)
{
	size_t n = strlen(form);
	size_t open = trailing_parenthesis(form, n);
	bool cut = open > 0;
	if (cut)
		n = open;
	words found = { 0 };
	size_t names = 0, parts = 0;
	for (size_t i = 0; i < n && !*oom;) {
		while (i < n && form[i] == ' ')
			i++;
		size_t j = i, e;
		while (j < n && form[j] != ',')
			j++;
		for (e = j; e > i && form[e - 1] == ' ';)
			e--;
		char *part = strndup(form + i, e - i);
		if (!part) {
			*oom = true;
			break;
		}
		if (*part) {
			parts++;
			words w;
			if (name_words(part, l, &w, oom)) {
				if (names++ == 0)
					found = w;
				else
					words_free(&w);
			}
		}
		free(part);
		i = j + 1;
	}
	if (*oom || names != 1 || (parts < 2 && !cut)) {
		words_free(&found);
		return false;
	}
	*ws = found;
	ws->title_dropped = true;   /* shown after the bare name, as a title is */
	return true;
}

static char *joined(const words *ws, bool reversed)
{
	strbuf b;
	sb_init(&b);
	for (size_t i = 0; i < ws->n; i++) {
		if (i)
			sb_putc(&b, SEP);
		sb_puts(&b, ws->w[reversed ? ws->n - 1 - i : i]);
	}
	return sb_take(&b);
}

/* A display form is better without a dropped title and not in capitals. */
static int display_rank(const char *form, bool title_dropped)
{
	bool all_caps = true;
	for (const char *p = form; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			all_caps = false;
	return (title_dropped ? 0 : 2) + (all_caps ? 0 : 1);
}

/* ---- the sorted keys ---- */

/* s begins with the words of p (p's words, then SEP) */
static bool word_prefix(const char *p, const char *s)
{
	size_t n = strlen(p);
	return !strncmp(p, s, n) && s[n] == SEP;
}

typedef struct order {
	const char **k;      /* keys sorted */
	size_t *links;       /* links[i]: how many of 0..i-1 are a prefix of the next */
	size_t m;
} order;

/* The last key of the chain that key j begins, or j itself when none
 * extends it; *ambiguous when the keys that extend it are not one chain. */
static size_t chain_end(const order *o, size_t j, bool *ambiguous)
{
	size_t lo = j + 1, hi = o->m;
	while (lo < hi) {   /* the first key after j that does not extend it */
		size_t mid = lo + (hi - lo) / 2;
		if (word_prefix(o->k[j], o->k[mid]))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;   /* keys j+1 .. end-1 extend key j */
	if (end == j + 1)
		return j;
	/* one chain: every key of the block a prefix of the next */
	if (o->links[end - 1] - o->links[j] != end - 1 - j)
		*ambiguous = true;
	return end - 1;
}

static int order_build(order *o, const char **k, size_t m)
{
	o->k = k;
	o->m = m;
	o->links = calloc(m + 1, sizeof *o->links);
	if (!o->links)
		return Q_ENOMEM;
	for (size_t i = 0; i + 1 < m; i++)
		o->links[i + 1] = o->links[i] + (word_prefix(k[i], k[i + 1]) ? 1 : 0);
	if (m)
		o->links[m] = o->links[m - 1];
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- merging ---- */

typedef struct merger {
	key *keys;
	size_t m;
	size_t *rev_of;      /* rev_of[r]: the key whose reversed form sorts r-th */
	size_t *rev_pos;     /* rev_pos[j]: where key j's reversed form sorts */
	size_t *target;      /* the key each key merges into (itself: none) */
} merger;

static int cmp_rev_idx(const void *a, const void *b, void *ctx)
{
	const key *k = ctx;
	return strcmp(k[*(const size_t *)a].rev, k[*(const size_t *)b].rev);
}

static int decide_targets(merger *mg)
{
	size_t m = mg->m;
	const char **fk = malloc((m + 1) * sizeof *fk), **rk = malloc((m + 1) * sizeof *rk);
	order fo = { 0 }, ro = { 0 };
	int rc = fk && rk ? 0 : Q_ENOMEM;
	for (size_t i = 0; !rc && i < m; i++) {
		fk[i] = mg->keys[i].fwd;
		rk[i] = mg->keys[mg->rev_of[i]].rev;
	}
	if (!rc)
		rc = order_build(&fo, fk, m);
	if (!rc)
		rc = order_build(&ro, rk, m);
	for (size_t j = 0; !rc && j < m; j++) {
		bool amb = false;
		size_t p = chain_end(&fo, j, &amb);
		size_t s = mg->rev_of[chain_end(&ro, mg->rev_pos[j], &amb)];
		size_t t = j;
		if (!amb && p != j && s != j)
			t = p == s ? p : j;   /* begins one name and ends another: leave it */
		else if (!amb)
			t = p != j ? p : s;
		mg->target[j] = t;
	}
	free(fo.links);
	free(ro.links);
	free(fk);
	free(rk);
	return rc;
}

/* The key a chain of merges ends at: each step is to a longer key, so it ends. */
static size_t root(const merger *mg, size_t j)
{
	while (mg->target[j] != j)
		j = mg->target[j];
	return j;
}

static bool is_apart(char **apart, size_t napart, const char *form)
{
	if (!napart)
		return false;
	char *f = fold(form, strlen(form));
	bool hit = f && bsearch(&f, apart, napart, sizeof *apart, cmp_str);
	free(f);
	return hit;
}

typedef struct item {
	char *fwd, *rev;
	size_t form;
	int rank;
	long weight;
	size_t words;
} item;

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const item *)a)->fwd, ((const item *)b)->fwd);
}

/* The names among the forms, as items (fwd NULL: not merged). */
static int gather_items(const name_form *f, size_t n, char **apart, size_t napart, item *it, size_t *ni)
{
	*ni = 0;
	for (size_t i = 0; i < n; i++) {
		if (!f[i].form || is_apart(apart, napart, f[i].form))
			continue;
		enum lang l = f[i].lang ? lang_from_code(f[i].lang) : LANG_UNKNOWN;
		words ws;
		bool oom = false;
		if (l == LANG_UNKNOWN)
			l = LANG_EN;
		if (!name_words(f[i].form, l, &ws, &oom) && (oom || !described_name_words(f[i].form, l, &ws, &oom))) {
			if (oom)
				return Q_ENOMEM;
			continue;
		}
		item x = { joined(&ws, false), joined(&ws, true), i, display_rank(f[i].form, ws.title_dropped), f[i].weight,
		           ws.n };
		words_free(&ws);
		if (!x.fwd || !x.rev) {
			free(x.fwd);
			free(x.rev);
			return Q_ENOMEM;
		}
		it[(*ni)++] = x;
	}
	return 0;
}

/* Equal keys become one key, shown by its best form. */
static int unique_keys(item *it, size_t ni, merger *mg, size_t *key_of_item)
{
	qsort(it, ni, sizeof *it, cmp_item);
	mg->keys = calloc(ni + 1, sizeof *mg->keys);
	if (!mg->keys)
		return Q_ENOMEM;
	for (size_t i = 0; i < ni; i++) {
		key *last = mg->m ? &mg->keys[mg->m - 1] : NULL;
		if (last && !strcmp(last->fwd, it[i].fwd)) {
			last->weight += it[i].weight;
			if (it[i].rank > last->rank) {
				last->rank = it[i].rank;
				last->form = it[i].form;
			}
		} else {
			mg->keys[mg->m++] = (key){ it[i].fwd, it[i].rev, it[i].form, it[i].rank, it[i].weight, it[i].words };
			it[i].fwd = it[i].rev = NULL;   /* owned by the key now */
		}
		key_of_item[i] = mg->m - 1;
	}
	return 0;
}

/* The key that shows each person, by its root key: the fullest, unless a
 * key of two words or more is quoted more often (a word before a name that
 * is no part of it, a party or a capitalised word opening the sentence,
 * makes a longer form that few quotes carry). */
static size_t *shown_keys(const merger *mg)
{
	size_t *shown = malloc((mg->m + 1) * sizeof *shown);
	for (size_t j = 0; shown && j < mg->m; j++)
		shown[j] = j;
	for (size_t j = 0; shown && j < mg->m; j++) {
		size_t r = root(mg, j);
		if (j != r && mg->keys[j].words >= 2 && mg->keys[j].weight > mg->keys[shown[r]].weight)
			shown[r] = j;
	}
	return shown;
}

static int merge_names(const name_form *f, size_t n, char **apart, size_t napart, size_t *person)
{
	item *it = calloc(n + 1, sizeof *it);
	size_t *key_of = calloc(n + 1, sizeof *key_of), ni = 0;
	merger mg = { 0 };
	int rc = it && key_of ? gather_items(f, n, apart, napart, it, &ni) : Q_ENOMEM;
	if (!rc)
		rc = unique_keys(it, ni, &mg, key_of);
	if (!rc) {
		mg.rev_of = malloc((mg.m + 1) * sizeof *mg.rev_of);
		mg.rev_pos = malloc((mg.m + 1) * sizeof *mg.rev_pos);
		mg.target = malloc((mg.m + 1) * sizeof *mg.target);
		if (!mg.rev_of || !mg.rev_pos || !mg.target)
			rc = Q_ENOMEM;
	}
	if (!rc) {
		for (size_t j = 0; j < mg.m; j++)
			mg.rev_of[j] = j;
		qsort_r(mg.rev_of, mg.m, sizeof *mg.rev_of, cmp_rev_idx, mg.keys);
		for (size_t r = 0; r < mg.m; r++)
			mg.rev_pos[mg.rev_of[r]] = r;
		rc = decide_targets(&mg);
	}
	size_t *shown = rc ? NULL : shown_keys(&mg);
	if (!rc && !shown)
		rc = Q_ENOMEM;
	for (size_t i = 0; !rc && i < ni; i++)
		person[it[i].form] = mg.keys[shown[root(&mg, key_of[i])]].form;
	free(shown);
	for (size_t i = 0; i < ni; i++) {
		free(it[i].fwd);
		free(it[i].rev);
	}
	for (size_t j = 0; j < mg.m; j++) {
		free(mg.keys[j].fwd);
		free(mg.keys[j].rev);
	}
	free(mg.keys);
	free(mg.rev_of);
	free(mg.rev_pos);
	free(mg.target);
	free(it);
	free(key_of);
	return rc;
}

int names_merge(const name_form *f, size_t n, const names_opts *o, size_t *person)
{
	for (size_t i = 0; i < n; i++)
		person[i] = i;
	if (o && !o->merge)
		return 0;
	size_t napart = o ? o->napart : 0;
	char **apart = calloc(napart + 1, sizeof *apart);
	int rc = apart ? 0 : Q_ENOMEM;
	for (size_t i = 0; !rc && i < napart; i++)
		if (!(apart[i] = fold(o->apart[i], strlen(o->apart[i]))))
			rc = Q_ENOMEM;
	if (!rc) {
		qsort(apart, napart, sizeof *apart, cmp_str);
		rc = merge_names(f, n, apart, napart, person);
	}
	for (size_t i = 0; apart && i < napart; i++)
		free(apart[i]);
	free(apart);
	if (rc)
		for (size_t i = 0; i < n; i++)
			person[i] = i;
	return rc;
}
