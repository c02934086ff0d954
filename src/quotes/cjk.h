/* Internal to the quotes layer: CJK speech told from a quoted term. */
#ifndef QUOTH_CJK_H
#define QUOTH_CJK_H

#include <stdbool.h>
#include "doc.h"
#include "quotes.h"

/* Does the CJK quote q read as someone's words rather than a term: a
 * clause (a sentence mark inside, or CJK_CLAUSE_CHARS characters), words
 * introduced by a colon (X說：“…”), the quotative と after it (「…」と述べた,
 * not 「…」という), or a short attribution after a comma (“…”，X說道。)? */
bool cjk_reads_as_speech(const doc *d, const quote *q);

#endif
