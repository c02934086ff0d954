/* Words as SQLite's unicode61 tokenizer (remove_diacritics 2) makes them,
 * at a fraction of its cost: words of ASCII letters and digits lower-cased
 * here, other characters folded from what unicode61 said of each the first
 * time it was seen, and only what is left (characters of four bytes, bad
 * bytes, very long runs without a separator) given to unicode61 itself. */
#ifndef QUOTH_FOLD61_H
#define QUOTH_FOLD61_H

#include <sqlite3.h>

typedef struct fold61 fold61;

/* A unicode61 of api with the arguments the words are made as
 * (remove_diacritics 2) into *tok and *u61 (free it with tok->xDelete).
 * SQLITE_OK or SQLite's error. */
int fold61_unicode61(fts5_api *api, fts5_tokenizer *tok, Fts5Tokenizer **u61);

/* A folder using the unicode61 of api (an FTS5 of some connection, kept
 * until fold61_free). SQLITE_OK, SQLITE_NOMEM or SQLITE_ERROR. */
int fold61_new(fts5_api *api, fold61 **out);
void fold61_free(fold61 *f);

/* FTS5's token callback: a word (folded), its flags (0) and its bytes in
 * the text. */
typedef int (*fold61_token)(void *ctx, int flags, const char *word, int n, int start, int end);

/* The words of text[0..n) in their order, each given to token, as
 * unicode61 gives them. SQLITE_OK, or the first error of token or of
 * unicode61. */
int fold61_words(fold61 *f, const char *text, int n, fold61_token token, void *ctx);

#endif
