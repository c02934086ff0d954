/* The tag store's table in memory (see tag_table.h). */
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
		free_str(e->title);
		free_str(e->path);
		free(e->tags);
	}
	free(st->ents);
	free(st->slots);
	free(st->arts);
	sb_free(&st->keep);
	memset(st, 0, sizeof *st);
}

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
	                      .path = none, .seq = st->n };
	slot_insert(st->slots, st->nslots, st->ents, (uint32_t)st->n);
	st->n++;
	return e;
}

static tag_art_count *art_slot(const tag_table *st, uint64_t art)
{
	if (!st->nartslots)
		return NULL;
	size_t i = mix(art, 0) & (st->nartslots - 1);
	while (st->arts[i].used && st->arts[i].art != art)
		i = (i + 1) & (st->nartslots - 1);
	return &st->arts[i];
}

static int art_adjust(tag_table *st, uint64_t art, int delta)
{
	tag_art_count *a = art_slot(st, art);
	if (a && a->used) {
		a->count = (size_t)((long long)a->count + delta);
		return 0;
	}
	if ((st->narts + 1) * 2 > st->nartslots) {
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
	}
	a = art_slot(st, art);
	a->used = true;
	a->art = art;
	a->count = (size_t)((long long)delta);
	st->narts++;
	return 0;
}

bool tag_ent_has(const tag_ent *e, const char *name)
{
	for (size_t i = 0; i < e->pub.ntags; i++)
		if (e->pub.tags[i] == name)
			return true;
	return false;
}

/* name is interned: compared by pointer, sorted by strcmp. */
int tag_ent_on(tag_table *st, tag_ent *e, const char *name)
{
	if (tag_ent_has(e, name))
		return 0;
	if (GROW(e->pub.tags, e->tagcap, e->pub.ntags + 1, 2))
		return Q_ENOMEM;
	size_t i = e->pub.ntags;
	while (i > 0 && strcmp(e->pub.tags[i - 1], name) > 0) {
		e->pub.tags[i] = e->pub.tags[i - 1];
		i--;
	}
	e->pub.tags[i] = name;
	if (e->pub.ntags++ == 0)
		return art_adjust(st, e->pub.art, +1);
	return 0;
}

void tag_ent_off(tag_table *st, tag_ent *e, const char *name)
{
	for (size_t i = 0; i < e->pub.ntags; i++) {
		if (e->pub.tags[i] != name)
			continue;
		memmove(&e->pub.tags[i], &e->pub.tags[i + 1], (e->pub.ntags - i - 1) * sizeof *e->pub.tags);
		if (--e->pub.ntags == 0)
			art_adjust(st, e->pub.art, -1);   /* cannot fail: the slot exists */
		return;
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

size_t tag_table_article_count(const tag_table *t, uint64_t art)
{
	const tag_art_count *a = art_slot(t, art);
	return a && a->used ? a->count : 0;
}
