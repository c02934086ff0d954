/* Interned tag names: one copy of each name, found by a hash of its bytes,
 * so that a journal of 100,000 distinct names replays in linear time and
 * entries compare names by pointer. */
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "grow.h"
#include "tags_store.h"

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;   /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
	return h;
}

/* The slot holding name[0..n) (no NUL in it), or the empty slot where it
 * would go. There is at least one slot. */
static uint32_t *slot_of(const tags_store *s, const char *name, size_t n)
{
	size_t mask = s->nname_slots - 1;
	for (size_t i = hash_bytes(name, n) & mask;; i = (i + 1) & mask) {
		uint32_t v = s->name_slots[i];
		/* strncmp stops at the NUL of a shorter known name, which name lacks */
		if (!v || (!strncmp(s->names[v - 1], name, n) && s->names[v - 1][n] == '\0'))
			return &s->name_slots[i];
	}
}

const char *tag_names_find(const tags_store *s, const char *name, size_t n)
{
	if (!s->nname_slots || memchr(name, '\0', n))
		return NULL;
	uint32_t v = *slot_of(s, name, n);
	return v ? s->names[v - 1] : NULL;
}

size_t tag_names_index(const tags_store *s, const char *interned)
{
	return *slot_of(s, interned, strlen(interned)) - 1;
}

/* Room for one more name in the hash (kept at most half full). */
static int reserve_slot(tags_store *s)
{
	if ((s->nnames + 1) * 2 <= s->nname_slots)
		return 0;
	if (s->nnames >= UINT32_MAX / 2)
		return Q_ENOMEM;
	size_t n = s->nname_slots ? s->nname_slots * 2 : 64;
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return Q_ENOMEM;
	free(s->name_slots);
	s->name_slots = slots;
	s->nname_slots = n;
	for (size_t i = 0; i < s->nnames; i++)
		*slot_of(s, s->names[i], strlen(s->names[i])) = (uint32_t)i + 1;
	return 0;
}

int tag_names_intern(tags_store *s, const char *name, size_t n, const char **out)
{
	/* a journal field may hold NUL bytes: "claim\0x" is no name, and must not match "claim" */
	if (memchr(name, '\0', n))
		return Q_EUSAGE;
	const char *known = tag_names_find(s, name, n);
	if (known) {
		*out = known;
		return 0;
	}
	char *c = strndup(name, n);
	if (!c)
		return Q_ENOMEM;
	if (!tags_name_valid(c)) {
		free(c);
		return Q_EUSAGE;
	}
	if (reserve_slot(s) || GROW(s->names, s->namecap, s->nnames + 1, 16)) {
		free(c);
		return Q_ENOMEM;
	}
	*slot_of(s, c, n) = (uint32_t)s->nnames + 1;
	*out = s->names[s->nnames++] = c;
	return 0;
}

void tag_names_free(tags_store *s)
{
	for (size_t i = 0; i < s->nnames; i++)
		free(s->names[i]);
	free(s->names);
	free(s->name_slots);
	s->names = NULL;
	s->name_slots = NULL;
	s->nnames = s->namecap = s->nname_slots = 0;
}
