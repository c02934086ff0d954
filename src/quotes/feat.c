/* The feature templates of feat.h as a table: their atoms and first index. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "feat.h"
#include "lexicon.h"

typedef struct templ {
	uint32_t base;           /* first index of its block */
	uint8_t n;               /* atoms */
	uint8_t atom[3];
} templ;

static const templ templates[FT__COUNT] = {
#define FEAT_D1(a) { (uint32_t)offsetof(struct feat_layout, t_##a), 1, { A_##a, 0, 0 } },
#define FEAT_D2(a, b) { (uint32_t)offsetof(struct feat_layout, t_##a##_##b), 2, { A_##a, A_##b, 0 } },
#define FEAT_D3(a, b, c) { (uint32_t)offsetof(struct feat_layout, t_##a##_##b##_##c), 3, { A_##a, A_##b, A_##c } },
	FEAT_TEMPLATES(FEAT_D1, FEAT_D2, FEAT_D3)
#undef FEAT_D1
#undef FEAT_D2
#undef FEAT_D3
};

static const struct {
	const char *name;
	uint8_t n;
	const char *values;
} atoms[A__COUNT] = {
#define FEAT_ATOM_DESC(name, n, values) { #name, n, values },
	FEAT_ATOMS(FEAT_ATOM_DESC)
#undef FEAT_ATOM_DESC
};

/* The index of a template's feature in the shared block, from the atoms v:
 * its offset and strides are constants, so each template is a few
 * instructions of straight-line code (this runs for every candidate of
 * every quote). */
#define N(a) ((uint32_t)A_##a##_N)
#define KEY1(a) ((uint32_t)offsetof(struct feat_layout, t_##a) + v[A_##a])
#define KEY2(a, b) ((uint32_t)offsetof(struct feat_layout, t_##a##_##b) + v[A_##a] * N(b) + v[A_##b])
#define KEY3(a, b, c) \
	((uint32_t)offsetof(struct feat_layout, t_##a##_##b##_##c) + (v[A_##a] * N(b) + v[A_##b]) * N(c) + v[A_##c])

static uint32_t lang_block(enum lang lang)
{
	return (uint32_t)(FEAT_N * (size_t)(lang > LANG_UNKNOWN && lang < LANG_COUNT ? lang : 0));
}

/* The block a language shares with others. */
static uint32_t shared_block(enum lang lang)
{
	bool nospace = lang > LANG_UNKNOWN && lang < LANG_COUNT && (lex_lang_props(lang) & LP_NO_SPACES);
	return (uint32_t)(nospace ? FEAT_N * FEAT_NOSPACE_BLOCK : 0);
}

void feat_ids(const feat_atoms *a, enum lang lang, uint32_t *ids)
{
	uint32_t block = lang_block(lang), shared = shared_block(lang);
	const uint8_t *v = a->v;
	uint32_t *o = ids;
#define EMIT(k) { uint32_t k_ = (k); *o++ = shared + k_; *o++ = block + k_; }
#define FEAT_S1(a) EMIT(KEY1(a))
#define FEAT_S2(a, b) EMIT(KEY2(a, b))
#define FEAT_S3(a, b, c) EMIT(KEY3(a, b, c))
	FEAT_TEMPLATES(FEAT_S1, FEAT_S2, FEAT_S3)
#undef EMIT
#undef FEAT_S1
#undef FEAT_S2
#undef FEAT_S3
}

/* Are the n weights w all zero? */
static bool all_zero(const int32_t *w, size_t n)
{
	size_t k = 0;
	while (k < n && !w[k])
		k++;
	return k == n;
}

/* The block of lang's own weights and the one it shares, as feat_combine
 * reads them: a spaced language no article taught, its block all zero,
 * reads the unseen block alone (with a zero block of its own) when the
 * weights have one. (A taught language's block says so in its first
 * weights: the scan ends there.) */
static void blocks_of(const int32_t *w, enum lang lang, uint32_t *own, uint32_t *shared)
{
	*own = lang_block(lang);
	*shared = shared_block(lang);
	if (*own && !*shared && all_zero(w + *own, FEAT_N) && !all_zero(w + FEAT_N * FEAT_UNSEEN_BLOCK, FEAT_N))
		*shared = (uint32_t)(FEAT_N * FEAT_UNSEEN_BLOCK);
}

void feat_combine(const int32_t *restrict w, enum lang lang, int32_t *restrict wc)
{
	uint32_t own, shared;
	blocks_of(w, lang, &own, &shared);
	const int32_t *restrict wl = w + own;
	w += shared;
	/* (a pass over every feature once an article: a trip count that is a
	 * multiple of 8 lets -O2 vectorise the loop, then the few left over) */
	const size_t body = FEAT_N / 8 * 8;
#pragma GCC unroll 4
	for (size_t k = 0; k < body; k++)
		wc[k] = w[k] + wl[k];
	for (size_t k = body; k < FEAT_N; k++)
		wc[k] = w[k] + wl[k];
}

/* Is atom x one of FEAT_ANTECEDENT_ATOMS (a constant: each test below folds away)? */
#define ANT(x) ((int)((FEAT_ANTECEDENT_ATOMS >> A_##x) & 1))
#define FEAT_SCORE_PART(name, want) \
	int32_t name(const feat_atoms *a, const int32_t *wc) \
	{ \
		const uint8_t *v = a->v; \
		const int part = (want); \
		int32_t s = 0; \
		FEAT_TEMPLATES(PART1, PART2, PART3) \
		return s; \
	}
#define PART1(a) if (ANT(a) == part) s += wc[KEY1(a)];
#define PART2(a, b) if ((ANT(a) | ANT(b)) == part) s += wc[KEY2(a, b)];
#define PART3(a, b, c) if ((ANT(a) | ANT(b) | ANT(c)) == part) s += wc[KEY3(a, b, c)];
FEAT_SCORE_PART(feat_score_antecedent, 1)
#undef PART1
#undef PART2
#undef PART3
#undef FEAT_SCORE_PART

int32_t feat_score_split(const feat_atoms *a, const int32_t *wc, int32_t *rest)
{
	const uint8_t *v = a->v;
	int32_t s0 = 0, s1 = 0;   /* the other templates, those with an antecedent's atom (ANT folds away) */
#define PART1(a) { int32_t w_ = wc[KEY1(a)]; if (ANT(a)) s1 += w_; else s0 += w_; }
#define PART2(a, b) { int32_t w_ = wc[KEY2(a, b)]; if (ANT(a) | ANT(b)) s1 += w_; else s0 += w_; }
#define PART3(a, b, c) { int32_t w_ = wc[KEY3(a, b, c)]; if (ANT(a) | ANT(b) | ANT(c)) s1 += w_; else s0 += w_; }
	FEAT_TEMPLATES(PART1, PART2, PART3)
#undef PART1
#undef PART2
#undef PART3
	*rest = s0;
	return s0 + s1;
}
#undef ANT
#undef KEY1
#undef KEY2
#undef KEY3
#undef N

/* The i-th word of a space-separated list into buf. */
static void nth_word(const char *list, size_t i, char *buf, size_t size)
{
	const char *p = list;
	for (; i > 0 && p; i--) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	size_t n = p ? strcspn(p, " ") : 0;
	snprintf(buf, size, "%.*s", (int)n, p ? p : "");
}

void feat_name(size_t i, char *buf, size_t size)
{
	size_t block = i / FEAT_N, k = i % FEAT_N;
	size_t t = FT__COUNT;
	while (t > 0 && templates[t - 1].base > k)
		t--;
	const templ *p = &templates[t - 1];
	size_t rest = k - p->base, len = 0;
	size_t radix[3], val[3];
	for (size_t j = p->n; j-- > 0;) {
		radix[j] = atoms[p->atom[j]].n;
		val[j] = rest % radix[j];
		rest /= radix[j];
	}
	buf[0] = '\0';
	for (size_t j = 0; j < p->n && len < size; j++) {
		char w[32], lower[32];
		nth_word(atoms[p->atom[j]].values, val[j], w, sizeof w);
		size_t m = 0;
		for (const char *c = atoms[p->atom[j]].name; *c && m + 1 < sizeof lower; c++)
			lower[m++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
		lower[m] = '\0';
		int r = snprintf(buf + len, size - len, "%s%s=%s", j ? "&" : "", lower, w);
		len += r > 0 ? (size_t)r : 0;
	}
	if (block == FEAT_NOSPACE_BLOCK && len < size)
		snprintf(buf + len, size - len, "~nospace");
	else if (block == FEAT_UNSEEN_BLOCK && len < size)
		snprintf(buf + len, size - len, "~unseen");
	else if (block && len < size)
		snprintf(buf + len, size - len, "@%s", lang_code((enum lang)block));
}

uint32_t feat_layout_hash(void)
{
	uint32_t h = 2166136261u;   /* FNV-1a over the names of the shared block */
	char name[128];
	for (size_t i = 0; i < FEAT_N; i++) {
		feat_name(i, name, sizeof name);
		for (const char *c = name; *c; c++)
			h = (h ^ (unsigned char)*c) * 16777619u;
		h = (h ^ '\n') * 16777619u;
	}
	return h;
}

/* The position of the word w[0..n) in a space-separated list, or -1. */
static long word_position(const char *list, const char *w, size_t n)
{
	long pos = 0;
	for (const char *p = list; *p; pos++) {
		size_t len = strcspn(p, " ");
		if (len == n && !memcmp(p, w, n))
			return pos;
		p += len + (p[len] == ' ');
	}
	return -1;
}

/* Is s[0..n) atom a's name, lower-cased? */
static bool atom_named(size_t a, const char *s, size_t n)
{
	const char *c = atoms[a].name;
	size_t m = 0;
	for (; m < n && c[m]; m++)
		if ((c[m] >= 'A' && c[m] <= 'Z' ? c[m] + 32 : c[m]) != s[m])
			return false;
	return m == n && !c[m];
}

/* The block a name's suffix ("", "@xx", "~nospace") stands for, or -1. */
static long suffix_block(const char *suffix)
{
	if (!*suffix)
		return 0;
	if (!strcmp(suffix, "~nospace"))
		return FEAT_NOSPACE_BLOCK;
	if (!strcmp(suffix, "~unseen"))
		return FEAT_UNSEEN_BLOCK;
	enum lang l = suffix[0] == '@' ? lang_from_code(suffix + 1) : LANG_UNKNOWN;
	return l > LANG_UNKNOWN && l < LANG_COUNT ? (long)l : -1;   /* "@nn" for "@no": feat_index's check */
}

/* The name parsed, not looked up among all names: loading a weights file
 * would otherwise write every feature's name (tens of thousands) first.
 * The name written back from the index found must be the name given, so
 * the two functions cannot drift apart. */
bool feat_index(const char *name, size_t *i)
{
	size_t end = strcspn(name, "@~");
	long block = suffix_block(name + end);
	const char *part[3];
	size_t len[3], n = 0;
	for (const char *p = name; block >= 0 && p < name + end && n < 3; n++) {
		part[n] = p;
		len[n] = strcspn(p, "&@~");
		p += len[n] + (p[len[n]] == '&');
	}
	for (size_t t = 0; block >= 0 && t < FT__COUNT; t++) {
		const templ *tp = &templates[t];
		size_t k = 0, j = 0;
		for (; tp->n == n && j < n; j++) {
			const char *eq = memchr(part[j], '=', len[j]);
			size_t a = tp->atom[j];
			long v = eq && atom_named(a, part[j], (size_t)(eq - part[j]))
				? word_position(atoms[a].values, eq + 1, len[j] - (size_t)(eq + 1 - part[j])) : -1;
			if (v < 0 || v >= atoms[a].n)
				break;
			k = k * atoms[a].n + (size_t)v;
		}
		if (tp->n == n && j == n) {
			char back[160];
			*i = (size_t)block * FEAT_N + tp->base + k;
			feat_name(*i, back, sizeof back);
			return !strcmp(back, name);
		}
	}
	return false;
}
