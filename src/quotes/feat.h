/* Internal to the quotes layer: the features of a (quote, candidate speaker)
 * pair, which the learned model (model.c) weighs.
 *
 * A feature is a template (one to three atoms) with a value for each of its
 * atoms: "kind=name&region=tail". Every atom has a few values, so the
 * features of a template are a small dense block of indices; the blocks of
 * all templates lie one after the other (struct feat_layout gives their
 * offsets at compile time), and the whole set is repeated once a language
 * (index + FEAT_N * lang), so the model learns what holds in every language
 * and what one language does differently. Adding an atom or a template
 * changes the indices: run make train.
 */
#ifndef QUOTH_FEAT_H
#define QUOTH_FEAT_H

#include <stddef.h>
#include <stdint.h>
#include "lang.h"

/* ATOM(name, number of values, "the values' names") */
#define FEAT_ATOMS(ATOM) \
	ATOM(KIND, 10, "none prev pron name acronym role text org desc top") \
	ATOM(REGION, 9, "none head tail next sent1 sent2 sent3 para1 older") \
	ATOM(RANK, 4, "0 1 2 3+") \
	ATOM(DIST, 6, "0-1 2-3 4-6 7-10 11-20 21+") \
	ATOM(CUEREL, 12, "none before after accord accord_after told_obj from near_before near_after appos colon fused") \
	ATOM(CUEQ, 3, "none own other") \
	ATOM(PREP, 5, "none prep of det oblique") \
	ATOM(POSS, 2, "no yes") \
	ATOM(SUBJ, 3, "no first start") \
	ATOM(NAMEQ, 4, "na seen initial caps") \
	ATOM(FULL, 2, "no yes") \
	ATOM(FREQ, 4, "1 2 3-4 5+") \
	ATOM(SAMEPREV, 3, "na no yes") \
	ATOM(RESOLVED, 3, "na yes no") \
	ATOM(QHEAD, 5, "none cue adjacent accord colon") \
	ATOM(QTAIL, 5, "none near far accord tail") \
	ATOM(QPOS, 3, "para sent mid") \
	ATOM(QEND, 4, "other stop comma question") \
	ATOM(QALONE, 2, "no yes") \
	ATOM(QTYPE, 4, "plain inner dash unclosed") \
	ATOM(QPREV, 5, "none sent para para1 older") \
	ATOM(QSUBJ, 3, "nocue subject nosubject") \
	ATOM(PREVHOW, 3, "na direct carried") \
	ATOM(PARAFIRST, 2, "no yes") \
	ATOM(GENDER, 4, "any male female plural") \
	ATOM(NWORDS, 2, "one more") \
	ATOM(PSIDE, 4, "none before after elsewhere") \
	ATOM(PRANK, 4, "0 1 2 3+") \
	ATOM(PGAP, 4, "0-1 2-3 4-7 8+") \
	ATOM(PCLAUSE, 2, "no yes") \
	ATOM(SPOKEN, 3, "0 1 2+") \
	ATOM(ANTKIND, 6, "na name name1 role other prev") \
	ATOM(ANTRANK, 4, "0 1 2 3+") \
	ATOM(ANTROLE, 4, "none subject cue object") \
	ATOM(ANTGEN, 3, "unknown agree clash") \
	ATOM(ANTDIST, 5, "0 1 2 3-5 6+") \
	ATOM(ANTPICK, 2, "no yes") \
	ATOM(PERSON, 5, "na none titled spoke placed") \
	ATOM(ANTPERSON, 5, "na none titled spoke placed") \
	ATOM(QASK, 2, "no yes") \
	ATOM(QASKED, 2, "no yes") \
	ATOM(CENTER, 3, "na no yes") \
	ATOM(RKIND, 11, "- none prev pron name acronym role text org desc top") \
	ATOM(RREGION, 10, "- none head tail next sent1 sent2 sent3 para1 older") \
	ATOM(RSAME, 4, "- na no yes") \
	ATOM(RSUBJ, 4, "- no first start")

enum feat_atom {
#define FEAT_ATOM_ENUM(name, n, values) A_##name,
	FEAT_ATOMS(FEAT_ATOM_ENUM)
#undef FEAT_ATOM_ENUM
	A__COUNT
};

enum {
#define FEAT_ATOM_CARD(name, n, values) A_##name##_N = n,
	FEAT_ATOMS(FEAT_ATOM_CARD)
#undef FEAT_ATOM_CARD
};

/* The templates: T1(a), T2(a, b), T3(a, b, c). */
#define FEAT_TEMPLATES(T1, T2, T3) \
	T1(KIND) \
	T2(KIND, REGION) \
	T2(KIND, CUEREL) \
	T2(REGION, CUEREL) \
	T3(KIND, REGION, CUEREL) \
	T3(REGION, CUEREL, CUEQ) \
	T3(CUEREL, CUEQ, PREP) \
	T3(CUEREL, CUEQ, KIND) \
	T3(CUEREL, CUEQ, SUBJ) \
	T3(CUEREL, CUEQ, NAMEQ) \
	T3(CUEREL, CUEQ, QSUBJ) \
	T3(REGION, CUEQ, QSUBJ) \
	T2(KIND, RANK) \
	T3(KIND, REGION, RANK) \
	T2(KIND, DIST) \
	T2(CUEREL, DIST) \
	T2(KIND, PREP) \
	T2(KIND, POSS) \
	T3(KIND, REGION, SUBJ) \
	T3(KIND, NAMEQ, NWORDS) \
	T3(KIND, FULL, NWORDS) \
	T3(CUEREL, NWORDS, FULL) \
	T2(KIND, FREQ) \
	T3(KIND, REGION, SAMEPREV) \
	T2(KIND, RESOLVED) \
	T3(KIND, QHEAD, QTAIL) \
	T3(REGION, QHEAD, QTAIL) \
	T3(CUEREL, QHEAD, QTAIL) \
	T2(KIND, QPOS) \
	T2(KIND, QEND) \
	T3(KIND, QALONE, QPREV) \
	T2(KIND, QTYPE) \
	T3(KIND, QPREV, QSUBJ) \
	T3(REGION, QSUBJ, SUBJ) \
	T3(KIND, PREVHOW, QSUBJ) \
	T3(REGION, PARAFIRST, SUBJ) \
	T2(KIND, GENDER) \
	T3(PSIDE, PRANK, KIND) \
	T3(PSIDE, PGAP, PCLAUSE) \
	T3(PSIDE, PRANK, PREP) \
	T3(PSIDE, PRANK, SUBJ) \
	T3(PSIDE, PRANK, PCLAUSE) \
	T3(PSIDE, QHEAD, QTAIL) \
	T3(KIND, SPOKEN, REGION) \
	T3(ANTKIND, SPOKEN, ANTRANK) \
	T3(CUEREL, CUEQ, SPOKEN) \
	T3(ANTKIND, ANTRANK, ANTROLE) \
	T2(ANTKIND, ANTGEN) \
	T3(ANTKIND, ANTDIST, ANTPICK) \
	T3(ANTKIND, SAMEPREV, ANTRANK) \
	T2(CUEREL, ANTKIND) \
	T3(ANTKIND, ANTPICK, QPREV) \
	T2(KIND, PERSON) \
	T3(KIND, PERSON, REGION) \
	T3(ANTKIND, ANTPERSON, ANTRANK) \
	T3(KIND, QASK, REGION) \
	T2(KIND, QASKED) \
	T3(KIND, CENTER, QSUBJ) \
	T3(CENTER, QPOS, QPREV) \
	T2(RKIND, RREGION) \
	T2(RKIND, RSAME) \
	T2(RREGION, RSUBJ)

/* One block of chars a template: offsetof gives each block's first index. */
struct feat_layout {
#define FEAT_L1(a) char t_##a[A_##a##_N];
#define FEAT_L2(a, b) char t_##a##_##b[A_##a##_N * A_##b##_N];
#define FEAT_L3(a, b, c) char t_##a##_##b##_##c[A_##a##_N * A_##b##_N * A_##c##_N];
	FEAT_TEMPLATES(FEAT_L1, FEAT_L2, FEAT_L3)
#undef FEAT_L1
#undef FEAT_L2
#undef FEAT_L3
};

/* Features of one language's block. */
#define FEAT_N (sizeof(struct feat_layout))
/* Blocks: the shared one, one a language, then the one the languages
 * without spaces share instead of the first (their candidates come from
 * cue patterns, not words: what their atoms mean differs), and last the
 * one a language no annotated article taught (its own block all zero)
 * is read with instead of the shared one and its own: learnt alone, on
 * every language's articles read with some of their listed words taken
 * as unlisted (the trainer's --lex-drop), as the lists of a language the
 * model never learnt from lack words and nothing of its own makes up
 * for them. */
#define FEAT_BLOCKS ((size_t)LANG_COUNT + 2)
#define FEAT_NOSPACE_BLOCK ((size_t)LANG_COUNT)
#define FEAT_UNSEEN_BLOCK ((size_t)LANG_COUNT + 1)
#define FEAT_TOTAL (FEAT_N * FEAT_BLOCKS)

enum {
#define FEAT_C1(a) FT_##a,
#define FEAT_C2(a, b) FT_##a##_##b,
#define FEAT_C3(a, b, c) FT_##a##_##b##_##c,
	FEAT_TEMPLATES(FEAT_C1, FEAT_C2, FEAT_C3)
#undef FEAT_C1
#undef FEAT_C2
#undef FEAT_C3
	FT__COUNT
};

/* The features a candidate has: one a template, in each of two blocks. */
#define FEAT_PER_CAND (2 * FT__COUNT)

/* The atoms of a (quote, candidate) pair. */
typedef struct feat_atoms {
	uint8_t v[A__COUNT];
} feat_atoms;

/* Fills ids[0..FEAT_PER_CAND) with the feature indices of a for lang. */
void feat_ids(const feat_atoms *a, enum lang lang, uint32_t *ids);

/* The weights w of one language's features with the shared ones added,
 * into wc[0..FEAT_N): each candidate's score then reads one weight a
 * template instead of two (made once an article, as the trainer changes w
 * between articles). */
void feat_combine(const int32_t *restrict w, enum lang lang, int32_t *restrict wc);

/* The atoms RKIND, RREGION, RSAME, RSUBJ are KIND, REGION, SAMEPREV and
 * SUBJ again (plus one) where the quote's sentence is reported speech
 * without a cue, else 0 for every candidate of the quote: their templates
 * then add the same to each candidate, which changes no choice and
 * teaches nothing (the quotes of every other kind are scored as before). */

/* The atoms in which the candidates a pronoun makes (one for each person it
 * may stand for) differ: their other features are the same. */
#define FEAT_ANTECEDENT_ATOMS \
	((1ull << A_RESOLVED) | (1ull << A_ANTPICK) | (1ull << A_ANTRANK) | (1ull << A_SAMEPREV) | \
	 (1ull << A_SPOKEN) | (1ull << A_ANTKIND) | (1ull << A_ANTPERSON) | (1ull << A_ANTROLE) | \
	 (1ull << A_ANTGEN) | (1ull << A_ANTDIST) | (1ull << A_RSAME) | (1ull << A_CENTER))

/* The sum of the weights of the features feat_ids gives for the language wc
 * was combined for (feat_combine), without writing them down: what a
 * quote's candidates cost when nothing learns. In two parts, the templates
 * that hold an atom of FEAT_ANTECEDENT_ATOMS and the others, so that the
 * candidates of one pronoun add up the second part once. */
int32_t feat_score_antecedent(const feat_atoms *a, const int32_t *wc);
/* The whole sum, and the other part into *rest: a candidate made in full
 * (not a pronoun's copy) needs both, and its atoms are read once. */
int32_t feat_score_split(const feat_atoms *a, const int32_t *wc, int32_t *rest);

/* The name of feature index i (< FEAT_TOTAL) into buf: "kind=name&region=tail@de". */
void feat_name(size_t i, char *buf, size_t size);

/* The index of the feature feat_name calls name into *i; false when no
 * feature has that name. */
bool feat_index(const char *name, size_t *i);

/* A hash of the feature names, in order: weights made for another set of
 * features do not fit (model.c records the one it was trained for). */
uint32_t feat_layout_hash(void);

#endif
