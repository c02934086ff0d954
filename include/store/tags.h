/* The tags layer: the tag store on disk.
 *
 * A tag is a name (e.g. "claim") put on a quote. A quote is named by two
 * ids, both 64-bit hashes: the article id (doc.id, the hash of the file's
 * raw bytes) and the quote id (the hash of the quote's normalised text, from
 * the quote engine). So tags follow an article when its file is moved or
 * renamed, and survive restarts. With each tagged quote the store keeps what
 * is needed to show and export it without opening the article again: the
 * quote text, its speaker, the article title and the article's last known
 * path.
 *
 * Nothing the user made is lost:
 * - Every change is appended to a journal (O_APPEND, under flock) and
 *   fsync'd before the call returns. A change costs one fsync, two when it
 *   creates the journal (the folder is fsync'd too).
 * - When writing fails (read-only or full disk, a file-size limit (EFBIG),
 *   I/O error) the call returns the error but the change is kept in
 *   memory, so the UI goes on showing it, and every later change (or
 *   tags_flush) writes what was not saved yet. A write cut short is taken
 *   back (truncated), so nothing torn stays in the journal. Writing a
 *   change twice is harmless: every journal line says what a tag *is* (on
 *   or off), never "toggle", so replaying is idempotent.
 * - Two processes on one store (two SSH sessions) never corrupt it: every
 *   append and the compaction hold an exclusive flock on `tags.lock`. Before
 *   appending, a process reads what the others appended since it last
 *   looked, so it also sees their tags while it runs (tags_sync asks for
 *   that without writing). A process that waits for the lock waits as long
 *   as the holder shows it is at work (a holder touches tags.lock every
 *   200 ms while it replays, writes or compacts, and the journal changing
 *   counts too), and gives up only after 3 s without such a sign (a stuck
 *   process): then the change stays pending, as for a full disk.
 * - At close, a store that changed anything is compacted: under the lock
 *   the journal is read again from disk (so other processes' appends are
 *   kept), the live tags are written to a temporary file, fsync'd, renamed
 *   over the journal and the folder fsync'd.
 * - On open a torn last line (a crash in the middle of a write) is ignored
 *   with a warning and everything before it is kept; the next append cuts
 *   it off. A last line that is a whole record but for its line end (a
 *   hand edit) is read like any other, and the next append starts a line
 *   of its own. Lines from a newer quoth (unknown version or record kind)
 *   are skipped with a warning and kept, verbatim, through compaction.
 * - Only a journal is ever written to: a file whose first line is not the
 *   header below is read as a journal of an older quoth only when its first
 *   line that is not blank or a comment is a record; anything else (a link
 *   to another file, say) makes tags_open fail with Q_ENOTJOURNAL and is
 *   never truncated, appended to or compacted. A header naming a newer
 *   format than this quoth's is read (what it understands) but never
 *   written: changes return Q_ENEWER and stay pending.
 * - A tags.journal that is a symbolic link (into a synced folder, say) is
 *   followed: appends go to the file it leads to, and compaction writes
 *   its temporary file beside that file and renames it over that file, so
 *   the link stays a link. A journal, or a tags.lock, that is not a regular
 *   file (a FIFO, a device, a folder) is refused with Q_ENOTREG or Q_EISDIR
 *   at once; nothing waits on a FIFO.
 * - Errors name their file: tags_error_file() says which (the journal,
 *   tags.lock, the target of a linked journal, or the folder that could not
 *   be made, e.g. an XDG_DATA_HOME that is a file: Q_ENOTDIR).
 *
 * Files, in $XDG_DATA_HOME/quoth/ (default ~/.local/share/quoth/; created
 * with mode 0700, files 0600):
 *   tags.journal   the journal (text, UTF-8, one record a line)
 *   tags.lock      empty; only flock'd, and touched by a holder at work
 *
 * Journal format. The first line is the header, a comment that names the
 * format (older quoths, which read it as a comment, wrote it too):
 *
 *   # quoth tag journal, format 1 ...
 *
 * "# quoth tag journal, format " is the magic; the number after it is the
 * format version, raised only when an older quoth must no longer write to
 * the file. Lines starting with '#' and empty lines are comments. Every
 * record is TAB-separated fields, the first being the record version, the
 * second its kind (one character):
 *
 *   1 <TAB> q <TAB> ART <TAB> QUOTE <TAB> TIME <TAB> TEXT <TAB> SPEAKER <TAB> TITLE <TAB> PATH
 *   1 <TAB> + <TAB> ART <TAB> QUOTE <TAB> TIME <TAB> TAG
 *   1 <TAB> - <TAB> ART <TAB> QUOTE <TAB> TIME <TAB> TAG
 *   1 <TAB> s <TAB> ART <TAB> QUOTE <TAB> TIME <TAB> SPEAKER
 *
 * `q` records what the quote is (written before its first tag and whenever
 * the text, speaker, title or path changed), `+` puts TAG on the quote,
 * `-` takes it off, `s` says who the user says spoke the quote (a correction
 * of the quote engine's speaker; SPEAKER empty: back to the engine's). A
 * quoth that predates `s` keeps such lines verbatim (an unknown record
 * type). ART and QUOTE are 16 lower-case hex digits, TIME the
 * seconds since 1970 (UTC). TEXT, SPEAKER (empty when unknown), TITLE and
 * PATH are UTF-8 (PATH: raw bytes) with backslash, TAB, LF and CR written
 * as \\ \t \n \r. Fields after the last one named here are ignored, so a
 * later version-1 writer may add some. The last record for a (quote, tag)
 * wins; the journal is replayed from the top.
 *
 * Extending it: a new kind of record gets a new kind character with
 * version 1 (ART, QUOTE and TIME as fields 3 to 5 when it is about a
 * quote); a quoth that does not know the kind keeps such lines verbatim
 * through compaction, so old and new quoths can share a journal. Every
 * record must say what something *is*, so that replaying it twice changes
 * nothing.
 *
 * Pointers the store hands out (entries, their strings and tag names) stay
 * valid until the next call that writes or syncs (tags_set, tags_toggle,
 * tags_clear, tags_reconcile, tags_flush, tags_sync, tags_compact) or
 * tags_close; tag name strings stay valid until tags_close.
 *
 * How the app uses it (d the article, q a quote of the quote engine):
 *   start        tags_open(NULL, &store, &warnings); show the warnings
 *   open article tags_reconcile(store, d->id, d->name, ids_of_its_quotes, n, &norphans)
 *   sidebar      e = tags_get(store, d->id, q_id); e && e->ntags: show e->tags
 *   list pane    tags_count_article(store, d->id)
 *   keys 1-9     tags_toggle(store, d->id, q_id, name, &meta, &on), meta =
 *                { flat quote text, speaker, d->title, d->name }; on error
 *                the tag shows anyway: put error_message(rc) and
 *                tags_pending(store) in the status line ("not saved: ...")
 *   key t        completion from tags_names(); tags_name_valid() on Enter
 *   key T        tags_set(..., false, NULL) for one tag, tags_clear() for all
 *   tagged view  tags_query(store, &(tags_filter){ .tags = .., .ntags = .. }, &v, &n);
 *                Enter opens v[i]->path at quote v[i]->quote
 *   now and then tags_sync(store, &w) (on focus or idle) to show other sessions' tags
 *   exit         tags_close(store) (also from SIGHUP/SIGTERM via the main loop;
 *                a kill -9 loses nothing, only the compaction)
 *
 * Not thread-safe: one store per thread. Never prints anything: warnings are
 * returned as text for the caller to show.
 */
#ifndef QUOTH_TAGS_H
#define QUOTH_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest tag name, in bytes. */
#define TAGS_NAME_MAX 64

typedef struct tags_store tags_store;

/* What a tagged quote is, as given by the caller when tagging. Any field may
 * be NULL (kept as it was, or empty for a new quote). */
typedef struct tag_meta {
	const char *text;       /* the quote as it reads (doc_flat_text of its span), without its quotation marks */
	const char *speaker;    /* who said it; NULL or "" when unknown */
	const char *title;      /* the article title (doc.title) */
	const char *path;       /* the article file (doc.name); made absolute; "-" (standard input) is not kept */
} tag_meta;

/* A quote the store knows. Read-only for the caller. */
typedef struct tag_entry {
	uint64_t art, quote;    /* article id, quote id */
	const char *text;       /* never NULL; "" when never given */
	const char *speaker;    /* never NULL; "" when unknown */
	const char *title;      /* never NULL */
	const char *path;       /* never NULL; the last known absolute path, "" when never given */
	const char *user_speaker;   /* never NULL; who the user says spoke it, "" when not corrected */
	const char **tags;      /* its tags, sorted by strcmp */
	size_t ntags;           /* 0 when all were removed: such entries are left out of queries */
	int64_t time;           /* when its tags last changed (seconds since 1970) */
	size_t seq;             /* order in which the store first saw it (stable across compaction) */
	bool orphaned;          /* tags_reconcile found the quote no longer in its article */
} tag_entry;

/* Which tagged quotes a query returns. Zero-initialise and set what you need;
 * each list that is empty matches everything. */
typedef struct tags_filter {
	const char *const *tags;     /* has any of these tags */
	size_t ntags;
	const uint64_t *arts;        /* in one of these articles ... */
	size_t narts;
	const char *const *paths;    /* ... or last seen at one of these paths (made absolute); OR'd with arts */
	size_t npaths;
	int orphans;                 /* 0: all; 1: only orphaned; -1: no orphaned */
} tags_filter;

/* Opens the store in dir (NULL: $XDG_DATA_HOME/quoth, see xdg.h) and
 * replays its journal. *warnings (may be NULL) gets NULL or a new string of
 * one warning a line (caller frees), e.g. a torn last line. A folder that
 * does not exist is created on the first change, not here; a store that
 * cannot be written still opens (changes then return the error).
 * Returns 0, Q_ENOMEM, Q_ENOENT (no home folder) or, when the journal exists
 * but cannot be read, its error (Q_EACCES, Q_EIO, Q_ENOTREG, Q_EISDIR,
 * Q_ENOTJOURNAL, ...): the caller then runs without tags rather than risk
 * overwriting a journal it did not see. On such an error *warnings (when
 * not NULL) is the one line that names the file and the cause
 * ("PATH: not a quoth tag journal"), for the caller's message. */
int tags_open(const char *dir, tags_store **out, char **warnings);

/* Writes what is not saved yet, compacts the journal when this store
 * changed anything and the journal holds records that are no longer needed,
 * and frees the store (always, also on error). Returns 0 or the first error:
 * then some changes may not be on disk (see tags_pending before calling). */
int tags_close(tags_store *s);

/* The journal's path, for messages. */
const char *tags_journal_path(const tags_store *s);

/* The file the last error of s was about, for messages ("PATH: cause"):
 * the journal, tags.lock, a folder that could not be made, or the file a
 * linked journal leads to. The journal's path when nothing failed. */
const char *tags_error_file(const tags_store *s);

/* True when name can be a tag: 1 to TAGS_NAME_MAX bytes of display-safe
 * UTF-8 (see text.h) without white space or commas. Any script is fine. */
bool tags_name_valid(const char *name);

/* Puts tag on the quote (on) or takes it off, and records meta (may be NULL)
 * when it tells something new. The change is in memory at once and on disk
 * when the call returns 0. Returns 0, Q_EUSAGE for an invalid tag name (then
 * nothing changed), or the write error (Q_EROFS, Q_ENOSPC, Q_ETOOBIG,
 * Q_EACCES, Q_EIO, Q_ELOCK, Q_ENOTREG, Q_ENOTDIR, Q_ENOTJOURNAL, Q_ENEWER,
 * Q_ENOMEM; tags_error_file names the file): the change stays in memory
 * and is written by the next change or tags_flush. A call that changes
 * nothing still retries what is pending. */
int tags_set(tags_store *s, uint64_t art, uint64_t quote, const char *tag, bool on, const tag_meta *meta);

/* tags_set with on = !tags_has(...); *now_on (may be NULL) gets the new state. */
int tags_toggle(tags_store *s, uint64_t art, uint64_t quote, const char *tag, const tag_meta *meta, bool *now_on);

/* Takes every tag off the quote. Returns as tags_set. */
int tags_clear(tags_store *s, uint64_t art, uint64_t quote);

/* Records who the user says spoke the quote (speaker "" or NULL: forget the
 * correction), and meta as tags_set does. A corrected quote is kept in the
 * journal with or without tags. Returns as tags_set (Q_EUSAGE: speaker is
 * not one line of display-safe UTF-8 of at most TAGS_SPEAKER_MAX bytes). */
int tags_set_speaker(tags_store *s, uint64_t art, uint64_t quote, const char *speaker, const tag_meta *meta);
#define TAGS_SPEAKER_MAX 200

/* The user's correction of the quote's speaker, or NULL when there is none
 * (s may be NULL). */
const char *tags_user_speaker(const tags_store *s, uint64_t art, uint64_t quote);

/* The speaker to print for a quote whose engine speaker is `found` (may be
 * NULL): the user's correction when there is one (*user true), else found.
 * s may be NULL. For quoth quotes and export. */
const char *tags_speaker_or(const tags_store *s, uint64_t art, uint64_t quote, const char *found, bool *user);

/* The default store when it holds speaker corrections, for commands that
 * print speakers; NULL when it cannot be read or holds none (then nothing
 * needs article ids). Close it with tags_close. */
tags_store *tags_open_corrections(void);

/* The quote's entry, or NULL when the store never saw it. Check ntags: an
 * entry whose tags were all removed is still returned. */
const tag_entry *tags_get(const tags_store *s, uint64_t art, uint64_t quote);

/* True when the quote has tag. */
bool tags_has(const tags_store *s, uint64_t art, uint64_t quote, const char *tag);

/* How many quotes of the article have at least one tag (for the list pane). */
size_t tags_count_article(const tags_store *s, uint64_t art);

/* The tagged quotes (ntags > 0) that pass f (NULL: all), sorted by article
 * title, article id, then seq. *out is a new array (caller frees the array
 * only) of *n pointers into the store. Returns 0 or Q_ENOMEM. */
int tags_query(const tags_store *s, const tags_filter *f, const tag_entry ***out, size_t *n);

/* Every tag name in use, sorted by strcmp, as a new array (caller frees the
 * array only) of *n names; counts (may be NULL) gets a new array of how many
 * quotes carry each (caller frees). For completion in the tag prompt and the
 * filter of the tagged-quotes view. Returns 0 or Q_ENOMEM. */
int tags_names(const tags_store *s, const char ***names, size_t **counts, size_t *n);

/* Checks the store against an article as it is now: art its id, path its
 * file (doc.name), quotes[0..n) the ids of all its quotes. Call it when an
 * article is opened (and before listing its tags).
 * - A tagged quote of art whose id is not among quotes (the quote engine
 *   changed, say) is marked orphaned.
 * - A tagged quote recorded at the same path under another article id means
 *   the file was edited since: when its quote is still in the article its
 *   tags move to the new article id (written to the journal); when it is
 *   gone it is marked orphaned and keeps its old article id.
 * Orphaned tags are never dropped: list them with tags_query (orphans = 1,
 * arts = {art}, paths = {path}). *norphans (may be NULL) gets how many
 * tagged quotes of this article are orphaned. Returns 0 or, when moving tags
 * could not be written, the write error (as tags_set; the move is done in
 * memory). */
int tags_reconcile(tags_store *s, uint64_t art, const char *path, const uint64_t *quotes, size_t n,
                   size_t *norphans);

/* How many journal records are in memory but not yet on disk (for the
 * status line: "3 tag changes not saved: read-only file system"). */
size_t tags_pending(const tags_store *s);

/* Writes what is pending. Returns 0 or the write error. */
int tags_flush(tags_store *s);

/* Reads what other processes appended since this store last looked (no
 * write). *warnings as for tags_open. Returns 0 or a read error. */
int tags_sync(tags_store *s, char **warnings);

/* Compacts the journal now (tags_close does it when needed). Returns 0 or
 * the error; on error the journal is as it was. */
int tags_compact(tags_store *s);

#endif
