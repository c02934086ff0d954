/* The reading position of each article, remembered between runs.
 *
 * Per article id (doc.id): the byte offset of the top row shown in the
 * text pane and the quote selected in the sidebar (its index and its id;
 * restore by id when the quote is still there, else by index, clamped).
 * Positions are state, not data: losing one costs a scroll, so they are
 * kept in memory, saved when the app says so (at exit, and whenever it
 * likes) and restored when an article is reopened.
 *
 * File: $XDG_STATE_HOME/quoth/positions (default ~/.local/state/quoth/;
 * folder 0700, file 0600), replaced atomically (write temp, fsync, rename)
 * under an flock of positions.lock. Saving merges with the file as it is on
 * disk, so two quoth processes keep each other's positions; for an article
 * both touched, the last save wins. The POSITIONS_MAX most recently used
 * articles are kept.
 *
 * Format, version 1: '#' lines are comments; every other line is
 *   1 <TAB> ART <TAB> TOP <TAB> QUOTE-INDEX <TAB> QUOTE-ID <TAB> TIME
 * ART and QUOTE-ID 16 hex digits (QUOTE-ID 0: none), TOP and QUOTE-INDEX
 * decimal (QUOTE-INDEX -1: none), TIME seconds since 1970. Other lines are
 * skipped (a warning says how many).
 */
#ifndef QUOTH_POSITIONS_H
#define QUOTH_POSITIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POSITIONS_MAX 10000
#define POSITION_NO_QUOTE ((size_t)-1)

typedef struct position {
	size_t top;           /* byte offset into doc.text of the top row */
	size_t quote;         /* index of the selected quote, or POSITION_NO_QUOTE */
	uint64_t quote_id;    /* id of the selected quote, 0 when none */
	int64_t time;         /* when it was set (seconds since 1970); positions_set fills it in */
} position;

typedef struct positions positions;

/* Opens the store in dir (NULL: $XDG_STATE_HOME/quoth) and reads the file;
 * *warnings (may be NULL) gets NULL or a new string (caller frees). A missing
 * or unreadable file gives an empty store (and, when unreadable, a warning).
 * Returns 0, Q_ENOMEM or Q_ENOENT (no home folder). */
int positions_open(const char *dir, positions **out, char **warnings);

/* The saved position of article art in *out; false when there is none. */
bool positions_get(const positions *p, uint64_t art, position *out);

/* Remembers the position of article art (in memory; see positions_save).
 * Returns 0 or Q_ENOMEM. */
int positions_set(positions *p, uint64_t art, const position *pos);

/* Writes the positions set since the last save, merged with the file.
 * Does nothing when nothing was set. Returns 0 or a Q_* code; on error the
 * file is as it was and the positions stay in memory for the next save. */
int positions_save(positions *p);

/* Saves (as positions_save) and frees. Returns the save's result. */
int positions_close(positions *p);

#endif
