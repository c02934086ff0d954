/* Which forms of a name denote one person, across a corpus.
 *
 * The quote engine gives each speaker in its fullest form within one
 * article; other articles may name the same person shorter or longer. Two
 * forms are merged when, after leading titles are dropped (President,
 * Dr., the title words of the form's language in the lexicon) and case is
 * folded:
 *   - they are the same words (President Mei, Mei; MEI TANLONG, Mei Tanlong);
 *   - or the shorter one's words begin or end the longer one's (Mei and
 *     Tanlong in Mei Tanlong; Quint in Rosa Quint), and the longer one is
 *     the only fullest form that does: when Mei begins both Mei Tanlong and
 *     Mei Sorel, Mei is merged with neither. A chain merges whole (Lee, Lee
 *     Hsien, Lee Hsien Loong).
 * Only names are merged: every word capitalised, lower-case particles
 * (von, van, de) between them allowed. Descriptions ("a spokeswoman for
 * the ministry") stay as they are.
 *
 * A person is shown by its fullest form (the one the others merged into),
 * unless a form of two words or more among its forms is quoted more often
 * (weight): "Democrat Ann Berg" in a few articles, "Ann Berg" in many,
 * show as "Ann Berg".
 * Merges are visible (the forms of each person are listed) and undone in
 * config.ini: [speakers] merge = no turns merging off, keep_apart = FORM,
 * FORM keeps those forms to themselves.
 *
 * Time O(n log n) in the number of forms, memory O(n); 10,000 variants of
 * one name cost no more than 10,000 names.
 */
#ifndef QUOTH_NAMES_H
#define QUOTH_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct names_opts {
	bool merge;                    /* false: every form is a person of its own */
	const char *const *apart;      /* forms never merged (case folded when compared) */
	size_t napart;
} names_opts;

typedef struct name_form {
	const char *form;              /* as the articles give it */
	const char *lang;              /* "en", "da", ... of an article that gives it; NULL: unknown */
	long weight;                   /* its quotes (0: unknown): which form shows a person */
} name_form;

/* For each form i, person[i] = the index of the form that shows its
 * person (i itself when it is merged into none). o NULL: merge with no
 * exceptions. Returns 0 or Q_ENOMEM. */
int names_merge(const name_form *f, size_t n, const names_opts *o, size_t *person);

#endif
