/* Near-duplicate quotes (see samequote.h): word-pair sets, sketches of
 * their smallest hashes, buckets by counting sort, union-find. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "samequote.h"
#include "words.h"

#define NONE UINT32_MAX
/* The count-min sketch of how many distinct quotes hold each word pair:
 * two rows of CMS_SIZE saturating counters. */
#define CMS_BITS 20
#define CMS_SIZE (1u << CMS_BITS)
/* A pair held by more quotes than this is left out of the sketches (unless
 * a quote has nothing else): "of the" would put everything in one bucket. */
#define FREQUENT 64

typedef struct set_ref {
	uint32_t off, len;       /* into the pool */
} set_ref;

struct samequote {
	uint32_t *pool;          /* every distinct set: sorted pair hashes */
	size_t npool, cap_pool;
	set_ref *set;            /* per quote: its set (a duplicate shares its first's) */
	uint32_t *rep;           /* per quote: the first quote with the same set; NONE when too short */
	size_t n, cap, cap_rep;
	uint64_t *dup_key;       /* open addressing: set hash -> first quote */
	uint32_t *dup_val;
	size_t dup_cap, dup_n;
	uint16_t *cms;
	size_t checks;
	samequote_pairs scratch; /* of samequote_add */
};

samequote *samequote_new(void)
{
	samequote *s = calloc(1, sizeof *s);
	if (s && !(s->cms = calloc(2 * (size_t)CMS_SIZE, sizeof *s->cms))) {
		free(s);
		return NULL;
	}
	return s;
}

void samequote_free(samequote *s)
{
	if (!s)
		return;
	free(s->pool);
	free(s->set);
	free(s->rep);
	free(s->dup_key);
	free(s->dup_val);
	free(s->cms);
	samequote_pairs_free(&s->scratch);
	free(s);
}

size_t samequote_count(const samequote *s)
{
	return s->n;
}

size_t samequote_checks(const samequote *s)
{
	return s->checks;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

/* A quote has a few dozen pairs: insertion sort beats qsort's calls. */
static void sort_u32(uint32_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		uint32_t x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

void samequote_pairs_free(samequote_pairs *p)
{
	free(p->words);
	free(p->v);
	memset(p, 0, sizeof *p);
}

int samequote_pairs_of(samequote_pairs *p, const char *text, size_t n, const char *lang)
{
	size_t nw = 0, pos = 0, a, b;
	p->n = 0;
	while (words_next(text, n, &pos, &a, &b)) {
		if (GROW(p->words, p->cap_words, nw + 1, 64))
			return Q_ENOMEM;
		p->words[nw++] = words_hash(text + a, b - a);
	}
	if (nw < SQ_MIN_WORDS)
		return 0;
	if (GROW(p->v, p->cap, nw, 64))
		return Q_ENOMEM;
	uint64_t l = lang ? words_hash(lang, strlen(lang)) : 0;   /* another language: other pairs */
	for (size_t i = 0; i + 1 < nw; i++)
		p->v[i] = (uint32_t)mix64(p->words[i] * 0x9E3779B97F4A7C15ULL + p->words[i + 1] + l);
	size_t np = nw - 1, k = 0;
	sort_u32(p->v, np);
	for (size_t i = 0; i < np; i++)
		if (!k || p->v[i] != p->v[k - 1])
			p->v[k++] = p->v[i];
	p->n = k;
	return 0;
}

static uint64_t set_hash(const uint32_t *v, size_t n)
{
	uint64_t h = n;
	for (size_t i = 0; i < n; i++)
		h = mix64(h ^ v[i]);
	return h | 1;   /* 0 marks an empty slot */
}

/* The first quote with this set, or NONE. */
static uint32_t dup_find(const samequote *s, uint64_t h, const uint32_t *v, size_t n)
{
	if (!s->dup_cap)
		return NONE;
	for (size_t i = h & (s->dup_cap - 1); s->dup_key[i]; i = (i + 1) & (s->dup_cap - 1)) {
		if (s->dup_key[i] != h)
			continue;
		set_ref r = s->set[s->dup_val[i]];
		if (r.len == n && !memcmp(s->pool + r.off, v, n * sizeof *v))
			return s->dup_val[i];
	}
	return NONE;
}

static int dup_add(samequote *s, uint64_t h, uint32_t q)
{
	if ((s->dup_n + 1) * 2 > s->dup_cap) {
		size_t cap = s->dup_cap ? s->dup_cap * 2 : 1024;
		uint64_t *k = calloc(cap, sizeof *k);
		uint32_t *v = malloc(cap * sizeof *v);
		if (!k || !v) {
			free(k);
			free(v);
			return Q_ENOMEM;
		}
		for (size_t i = 0; i < s->dup_cap; i++) {
			if (!s->dup_key[i])
				continue;
			size_t j = s->dup_key[i] & (cap - 1);
			while (k[j])
				j = (j + 1) & (cap - 1);
			k[j] = s->dup_key[i];
			v[j] = s->dup_val[i];
		}
		free(s->dup_key);
		free(s->dup_val);
		s->dup_key = k;
		s->dup_val = v;
		s->dup_cap = cap;
	}
	size_t j = h & (s->dup_cap - 1);
	while (s->dup_key[j])
		j = (j + 1) & (s->dup_cap - 1);
	s->dup_key[j] = h;
	s->dup_val[j] = q;
	s->dup_n++;
	return 0;
}

static void cms_count(samequote *s, uint32_t p)
{
	uint32_t a = p & (CMS_SIZE - 1), b = (uint32_t)(mix64(p) & (CMS_SIZE - 1));
	if (s->cms[a] < UINT16_MAX)
		s->cms[a]++;
	if (s->cms[CMS_SIZE + b] < UINT16_MAX)
		s->cms[CMS_SIZE + b]++;
}

static unsigned cms_estimate(const samequote *s, uint32_t p)
{
	unsigned a = s->cms[p & (CMS_SIZE - 1)], b = s->cms[CMS_SIZE + (mix64(p) & (CMS_SIZE - 1))];
	return a < b ? a : b;
}

int samequote_add_pairs(samequote *s, const uint32_t *pairs, size_t np)
{
	if (s->n >= NONE - 1 || GROW(s->set, s->cap, s->n + 1, 1024) || GROW(s->rep, s->cap_rep, s->n + 1, 1024))
		return Q_ENOMEM;
	uint32_t q = (uint32_t)s->n;
	s->set[q] = (set_ref){ 0, 0 };
	s->rep[q] = NONE;
	s->n++;
	if (!np)
		return 0;
	uint64_t h = set_hash(pairs, np);
	uint32_t first = dup_find(s, h, pairs, np);
	if (first != NONE) {
		s->set[q] = s->set[first];
		s->rep[q] = first;
		return 0;
	}
	if (s->npool + np > NONE || GROW(s->pool, s->cap_pool, s->npool + np, 1 << 16))
		return Q_ENOMEM;
	memcpy(s->pool + s->npool, pairs, np * sizeof *pairs);
	s->set[q] = (set_ref){ (uint32_t)s->npool, (uint32_t)np };
	s->npool += np;
	s->rep[q] = q;
	for (size_t i = 0; i < np; i++)
		cms_count(s, pairs[i]);
	return dup_add(s, h, q);
}

int samequote_add(samequote *s, const char *text, size_t n, const char *lang)
{
	int rc = samequote_pairs_of(&s->scratch, text, n, lang);
	return rc ? rc : samequote_add_pairs(s, s->scratch.v, s->scratch.n);
}

/* ---- grouping ---- */

static uint32_t find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void unite(uint32_t *parent, uint32_t a, uint32_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[a > b ? a : b] = a < b ? a : b;   /* the smaller number becomes the root */
}

/* The test of samequote.h on two sets. */
static bool same_quote(const samequote *s, uint32_t x, uint32_t y)
{
	set_ref a = s->set[x], b = s->set[y];
	const uint32_t *p = s->pool + a.off, *q = s->pool + b.off;
	size_t i = 0, j = 0, shared = 0;
	while (i < a.len && j < b.len) {
		if (p[i] < q[j])
			i++;
		else if (p[i] > q[j])
			j++;
		else
			shared++, i++, j++;
	}
	size_t all = a.len + b.len - shared, shorter = a.len < b.len ? a.len : b.len;
	return (double)shared >= SQ_JACCARD * (double)all ||
	       (shared >= SQ_MIN_SHARED && (double)shared >= SQ_CONTAIN * (double)shorter);
}

/* Up to SQ_SKETCH pair hashes of quote q: the smallest of its pairs that
 * are not frequent (the smallest of all when every pair is). */
static size_t sketch(const samequote *s, uint32_t q, uint32_t *out)
{
	set_ref r = s->set[q];
	const uint32_t *p = s->pool + r.off;
	size_t k = 0;
	for (size_t i = 0; i < r.len && k < SQ_SKETCH; i++)   /* sorted: the first are the smallest */
		if (cms_estimate(s, p[i]) <= FREQUENT)
			out[k++] = p[i];
	for (size_t i = 0; k == 0 && i < r.len && i < SQ_SKETCH; i++)
		out[k++] = p[i];
	return k;
}

typedef struct entry {
	uint32_t hash;           /* the sketch hash that put the quote here */
	uint32_t q;
} entry;

typedef struct buckets {
	uint32_t *start;         /* nb + 1 offsets into member */
	entry *member;           /* bucket after bucket; a bucket may hold several hashes */
	size_t nb;
} buckets;

/* Puts every first quote in the buckets of its sketch's hashes (counting sort). */
static int fill_buckets(const samequote *s, buckets *b)
{
	size_t total = 0;
	uint32_t sk[SQ_SKETCH];
	for (size_t q = 0; q < s->n; q++)
		if (s->rep[q] == q)
			total += sketch(s, (uint32_t)q, sk);
	b->nb = 1024;
	while (b->nb < total / 2)
		b->nb *= 2;
	b->start = calloc(b->nb + 1, sizeof *b->start);
	b->member = malloc((total + 1) * sizeof *b->member);
	if (!b->start || !b->member)
		return Q_ENOMEM;
	for (size_t q = 0; q < s->n; q++) {
		if (s->rep[q] != q)
			continue;
		size_t k = sketch(s, (uint32_t)q, sk);
		for (size_t i = 0; i < k; i++)
			b->start[(mix64(sk[i]) & (b->nb - 1)) + 1]++;
	}
	for (size_t i = 0; i < b->nb; i++)
		b->start[i + 1] += b->start[i];
	uint32_t *fill = malloc((b->nb + 1) * sizeof *fill);
	if (!fill)
		return Q_ENOMEM;
	memcpy(fill, b->start, (b->nb + 1) * sizeof *fill);
	for (size_t q = 0; q < s->n; q++) {
		if (s->rep[q] != q)
			continue;
		size_t k = sketch(s, (uint32_t)q, sk);
		for (size_t i = 0; i < k; i++)
			b->member[fill[mix64(sk[i]) & (b->nb - 1)]++] = (entry){ sk[i], (uint32_t)q };
	}
	free(fill);
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->q > y->q) - (x->q < y->q);
}

/* The quotes of one sketch hash: each against the first quote of at most
 * SQ_PER_BUCKET groups met among them before. */
static void link_run(samequote *s, uint32_t *parent, const entry *m, size_t n)
{
	uint32_t seen[SQ_PER_BUCKET];
	size_t nseen = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t x = m[i].q;
		bool known = false;
		for (size_t j = 0; j < nseen; j++) {
			if (find(parent, seen[j]) == find(parent, x)) {
				known = true;
				continue;
			}
			s->checks++;
			if (same_quote(s, x, seen[j])) {
				unite(parent, x, seen[j]);
				known = true;
			}
		}
		if (!known && nseen < SQ_PER_BUCKET)
			seen[nseen++] = x;
	}
}

/* A bucket holds the hashes that fell into it: only quotes of one hash
 * are compared. */
static void link_bucket(samequote *s, uint32_t *parent, entry *m, size_t n)
{
	if (n < 2)
		return;
	qsort(m, n, sizeof *m, cmp_entry);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && m[j].hash == m[i].hash; j++)
			;
		if (j - i > 1)
			link_run(s, parent, m + i, j - i);
	}
}

int samequote_group(samequote *s, size_t *group)
{
	uint32_t *parent = malloc((s->n + 1) * sizeof *parent);
	buckets b = { 0 };
	int rc = parent ? fill_buckets(s, &b) : Q_ENOMEM;
	if (!rc) {
		for (size_t q = 0; q < s->n; q++)
			parent[q] = (uint32_t)q;
		for (size_t k = 0; k < b.nb; k++)
			link_bucket(s, parent, b.member + b.start[k], b.start[k + 1] - b.start[k]);
		/* the root of a group is its smallest first quote; a duplicate may
		 * come before it, so take the smallest of all its quotes */
		for (size_t q = 0; q < s->n; q++)
			group[q] = SIZE_MAX;
		for (size_t q = 0; q < s->n; q++) {
			if (s->rep[q] == NONE)
				continue;
			uint32_t r = find(parent, s->rep[q]);
			if (group[r] == SIZE_MAX)
				group[r] = q;   /* q ascending: the first met is the smallest */
		}
		for (size_t q = 0; q < s->n; q++)
			group[q] = s->rep[q] == NONE ? q : group[find(parent, s->rep[q])];
	}
	free(b.start);
	free(b.member);
	free(parent);
	return rc;
}
