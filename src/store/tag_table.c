/* The tag store's table in memory (see tag_table.h). Three hash tables
 * with open addressing and linear probing: entries by (article, quote),
 * tagged-quote counts by article, and the tags that are on by (entry,
 * name). An entry's tags array is kept sorted lazily: a change appends or
 * swaps, and tag_table_settle sorts the entries that changed, so a quote
 * with 100,000 tags costs n log n to replay, not n squared. */
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "tag_table.h"

const char tag_table_empty[] = "";

static uint64_t mix(uint64_t a, uint64_t b)
{
	uint64_t h = a ^ (b * 0x9E3779B97F4A7C15ull);
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 29;
	return h;
}

static void free_str(const char *s)
{
	if (s && s != tag_table_empty)
		free((char *)s);
}

void tag_table_free(tag_table *st)
{
	for (size_t i = 0; i < st->n; i++) {
		tag_entry *e = &st->ents[i].pub;
		free_str(e->text);
		free_str(e->speaker);
		free_str(e->user_speaker);
		free_str(e->title);
		free_str(e->path);
		free(e->tags);
	}
	free(st->ents);
	free(st->slots);
	free(st->arts);
	free(st->pairs);
	sb_free(&st->keep);
	memset(st, 0, sizeof *st);
}

/* ---- entries by (article, quote) ---- */

tag_ent *tag_table_find(const tag_table *st, uint64_t art, uint64_t quote)
{
	if (!st->nslots)
		return NULL;
	for (size_t i = mix(art, quote) & (st->nslots - 1);; i = (i + 1) & (st->nslots - 1)) {
		uint32_t v = st->slots[i];
		if (!v)
			return NULL;
		tag_ent *e = &st->ents[v - 1];
		if (e->pub.art == art && e->pub.quote == quote)
			return e;
	}
}

static void slot_insert(uint32_t *slots, size_t nslots, const tag_ent *ents, uint32_t idx)
{
	size_t i = mix(ents[idx].pub.art, ents[idx].pub.quote) & (nslots - 1);
	while (slots[i])
		i = (i + 1) & (nslots - 1);
	slots[i] = idx + 1;
}

static int grow_slots(tag_table *st)
{
	size_t nslots = st->nslots ? st->nslots * 2 : 1024;
	uint32_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return Q_ENOMEM;
	for (size_t i = 0; i < st->n; i++)
		slot_insert(slots, nslots, st->ents, (uint32_t)i);
	free(st->slots);
	st->slots = slots;
	st->nslots = nslots;
	return 0;
}

tag_ent *tag_table_add(tag_table *st, uint64_t art, uint64_t quote)
{
	tag_ent *e = tag_table_find(st, art, quote);
	if (e)
		return e;
	if (st->n >= UINT32_MAX - 1)
		return NULL;
	if ((st->n + 1) * 2 > st->nslots && grow_slots(st))
		return NULL;
	if (GROW(st->ents, st->cap, st->n + 1, 256))
		return NULL;
	e = &st->ents[st->n];
	memset(e, 0, sizeof *e);
	const char *none = tag_table_empty;
	e->pub = (tag_entry){ .art = art, .quote = quote, .text = none, .speaker = none, .title = none,
	                      .path = none, .user_speaker = none, .seq = st->n };
	slot_insert(st->slots, st->nslots, st->ents, (uint32_t)st->n);
	st->n++;
	return e;
}

/* ---- tagged quotes by article ---- */

static tag_art_count *art_slot(const tag_table *st, uint64_t art)
{
	if (!st->nartslots)
		return NULL;
	size_t i = mix(art, 0) & (st->nartslots - 1);
	while (st->arts[i].used && st->arts[i].art != art)
		i = (i + 1) & (st->nartslots - 1);
	return &st->arts[i];
}

/* Room for one more article, so that art_adjust cannot fail after it. */
static int art_reserve(tag_table *st)
{
	if ((st->narts + 1) * 2 <= st->nartslots)
		return 0;
	size_t n = st->nartslots ? st->nartslots * 2 : 256;
	tag_art_count *arts = calloc(n, sizeof *arts), *old = st->arts;
	if (!arts)
		return Q_ENOMEM;
	size_t oldn = st->nartslots;
	st->arts = arts;
	st->nartslots = n;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].used)
			*art_slot(st, old[i].art) = old[i];
	free(old);
	return 0;
}

/* After art_reserve (for a delta of +1 on a new article). */
static void art_adjust(tag_table *st, uint64_t art, int delta)
{
	tag_art_count *a = art_slot(st, art);
	if (!a->used) {
		*a = (tag_art_count){ .art = art, .used = true };
		st->narts++;
	}
	a->count = (size_t)((long long)a->count + delta);
}

size_t tag_table_article_count(const tag_table *t, uint64_t art)
{
	const tag_art_count *a = art_slot(t, art);
	return a && a->used ? a->count : 0;
}

/* ---- the tags that are on, by (entry, name) ---- */

static size_t pair_home(const tag_table *st, uint32_t ent, const char *name)
{
	return mix(ent, (uint64_t)(uintptr_t)name) & (st->npairslots - 1);
}

static tag_pair *pair_find(const tag_table *st, uint32_t ent, const char *name)
{
	if (!st->npairslots)
		return NULL;
	for (size_t i = pair_home(st, ent, name);; i = (i + 1) & (st->npairslots - 1)) {
		tag_pair *p = &st->pairs[i];
		if (!p->name)
			return NULL;
		if (p->ent == ent && p->name == name)
			return p;
	}
}

/* Puts p (not there yet) into its slot; room was reserved. */
static void pair_put(tag_table *st, tag_pair p)
{
	size_t i = pair_home(st, p.ent, p.name);
	while (st->pairs[i].name)
		i = (i + 1) & (st->npairslots - 1);
	st->pairs[i] = p;
}

static int pair_reserve(tag_table *st)
{
	if ((st->npairs + 1) * 2 <= st->npairslots)
		return 0;
	size_t n = st->npairslots ? st->npairslots * 2 : 256;
	tag_pair *old = st->pairs, *v = calloc(n, sizeof *v);
	if (!v)
		return Q_ENOMEM;
	size_t oldn = st->npairslots;
	st->pairs = v;
	st->npairslots = n;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].name)
			pair_put(st, old[i]);
	free(old);
	return 0;
}

/* Empties slot p, moving later slots of its probe run back so that every
 * pair stays reachable from its home slot (no tombstones). */
static void pair_remove(tag_table *st, tag_pair *p)
{
	size_t mask = st->npairslots - 1, hole = (size_t)(p - st->pairs);
	for (size_t j = (hole + 1) & mask; st->pairs[j].name; j = (j + 1) & mask) {
		size_t home = pair_home(st, st->pairs[j].ent, st->pairs[j].name);
		/* j may fill the hole unless its home lies cyclically in (hole, j] */
		bool stays = hole < j ? home > hole && home <= j : home > hole || home <= j;
		if (!stays) {
			st->pairs[hole] = st->pairs[j];
			hole = j;
		}
	}
	st->pairs[hole].name = NULL;
	st->npairs--;
}

static void mark_unsettled(tag_table *st, tag_ent *e)
{
	if (e->unsettled)
		return;
	e->unsettled = true;
	e->next_unsettled = st->unsettled;
	st->unsettled = (uint32_t)(e - st->ents) + 1;
}

bool tag_ent_has(const tag_table *st, const tag_ent *e, const char *name)
{
	return pair_find(st, (uint32_t)(e - st->ents), name) != NULL;
}

int tag_ent_on(tag_table *st, tag_ent *e, const char *name)
{
	uint32_t idx = (uint32_t)(e - st->ents);
	if (pair_find(st, idx, name))
		return 0;
	if (pair_reserve(st) || (e->pub.ntags == 0 && art_reserve(st)))
		return Q_ENOMEM;
	if (GROW(e->pub.tags, e->tagcap, e->pub.ntags + 1, 2))
		return Q_ENOMEM;
	size_t n = e->pub.ntags;
	if (n && strcmp(e->pub.tags[n - 1], name) > 0)
		mark_unsettled(st, e);
	e->pub.tags[n] = name;
	pair_put(st, (tag_pair){ name, idx, (uint32_t)n });
	st->npairs++;
	if (e->pub.ntags++ == 0)
		art_adjust(st, e->pub.art, +1);
	return 0;
}

void tag_ent_off(tag_table *st, tag_ent *e, const char *name)
{
	uint32_t idx = (uint32_t)(e - st->ents);
	tag_pair *p = pair_find(st, idx, name);
	if (!p)
		return;
	uint32_t pos = p->pos;
	pair_remove(st, p);
	size_t last = --e->pub.ntags;
	if (pos != last) {
		/* the last tag fills the gap: its pair learns where, the order waits for settling */
		e->pub.tags[pos] = e->pub.tags[last];
		pair_find(st, idx, e->pub.tags[pos])->pos = pos;
		mark_unsettled(st, e);
	}
	if (last == 0)
		art_adjust(st, e->pub.art, -1);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void tag_table_settle(tag_table *st)
{
	while (st->unsettled) {
		uint32_t idx = st->unsettled - 1;
		tag_ent *e = &st->ents[idx];
		st->unsettled = e->next_unsettled;
		e->next_unsettled = 0;
		e->unsettled = false;
		qsort(e->pub.tags, e->pub.ntags, sizeof *e->pub.tags, by_name);
		for (size_t k = 0; k < e->pub.ntags; k++)
			pair_find(st, idx, e->pub.tags[k])->pos = (uint32_t)k;
	}
}

/* Replaces *field with a copy of s[0..n) unless it already says that. */
int tag_field_set(const char **field, const char *s, size_t n)
{
	if (strlen(*field) == n && !memcmp(*field, s, n))
		return 0;
	char *c = n ? strndup(s, n) : (char *)tag_table_empty;
	if (!c)
		return Q_ENOMEM;
	free_str(*field);
	*field = c;
	return 0;
}
