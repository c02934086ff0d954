/* The tag store's table in memory: the tagged quotes by (article, quote)
 * id, and how many quotes of each article carry a tag. Internal to the tags
 * layer: tags.c replays the journal into it and answers queries from it. */
#ifndef QUOTH_TAG_TABLE_H
#define QUOTH_TAG_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "strbuf.h"
#include "tags.h"

typedef struct tag_ent {
	tag_entry pub;          /* pub.tags: sorted by strcmp after tag_table_settle */
	size_t tagcap;
	bool unsettled;         /* tags changed since the last settle: maybe out of order */
	uint32_t next_unsettled;   /* the list of unsettled entries: index + 1, 0 at its end */
} tag_ent;

typedef struct tag_art_count {
	uint64_t art;           /* 0 with count 0: an empty slot */
	size_t count;
	bool used;
} tag_art_count;

/* One tag on one entry: where it sits in the entry's tags array. */
typedef struct tag_pair {
	const char *name;       /* interned; NULL: an empty slot */
	uint32_t ent;           /* index into ents */
	uint32_t pos;           /* index into that entry's pub.tags */
} tag_pair;

/* The table replayed from a journal; all zeros is an empty table. Every
 * operation is O(1) on average (hash tables), and settling sorts only the
 * entries that changed, so replaying a journal is linear in its records
 * however many tags one quote carries or how many names there are. */
typedef struct tag_table {
	tag_ent *ents;          /* in the order they were first seen */
	size_t n, cap;
	uint32_t *slots;        /* open addressing over ents: index + 1, 0 for empty */
	size_t nslots;
	tag_art_count *arts;
	size_t nartslots, narts;
	tag_pair *pairs;        /* open addressing: every (entry, tag) that is on */
	size_t npairslots, npairs;
	uint32_t unsettled;     /* first entry whose tags changed since the last settle: index + 1 */
	strbuf keep;            /* lines of a newer format, kept verbatim through compaction */
} tag_table;

/* The "" an unset text field points at (never freed). */
extern const char tag_table_empty[];

void tag_table_free(tag_table *t);
tag_ent *tag_table_find(const tag_table *t, uint64_t art, uint64_t quote);
/* The entry of (art, quote), added with empty fields and no tag when new;
 * NULL when memory ran out. */
tag_ent *tag_table_add(tag_table *t, uint64_t art, uint64_t quote);
/* How many quotes of article art carry a tag. */
size_t tag_table_article_count(const tag_table *t, uint64_t art);

/* Tag names are interned: compared by pointer. tag_ent_on and tag_ent_off
 * may leave an entry's tags out of order until tag_table_settle sorts them
 * again (by strcmp); call it before anyone reads pub.tags. */
bool tag_ent_has(const tag_table *t, const tag_ent *e, const char *name);
int tag_ent_on(tag_table *t, tag_ent *e, const char *name);
void tag_ent_off(tag_table *t, tag_ent *e, const char *name);
void tag_table_settle(tag_table *t);
/* Replaces *field (a text of an entry) with a copy of s[0..n) unless it
 * already says that. Returns 0 or Q_ENOMEM. */
int tag_field_set(const char **field, const char *s, size_t n);

#endif
