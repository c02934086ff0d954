/* What a plain text article says about itself: the date and the source
 * (agency or outlet) of a wire dateline, or a line that is only a date.
 *
 * Read from the first paragraphs of the body, by shape, in any language:
 *   PLACE[, DATE] [(SOURCE)] DASH text     a dateline: PLACE starts with a
 *                                          word in capitals, DASH is -, –
 *                                          or —, DATE holds a digit;
 *   (SOURCE) DASH text                     the same without a place;
 *   a paragraph of at most 40 bytes with a year (1900–2099) and nothing
 *   but letters, digits, spaces and . , - / :   a date line.
 * The date is kept as written (a dateline seldom gives the year); the
 * first ten bytes of an ISO date (2015-09-22) sort as dates do.
 */
#ifndef QUOTH_DATELINE_H
#define QUOTH_DATELINE_H

#include "doc.h"

typedef struct dateline {
	char *date;      /* as written; NULL when none was found */
	char *source;    /* NULL when none was found */
	char *place;     /* NULL when none was found */
} dateline;

/* Fills out from d. Returns 0 or Q_ENOMEM (out then empty). */
int dateline_find(const doc *d, dateline *out);
void dateline_free(dateline *m);

#endif
