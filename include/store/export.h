/* The export layer: quotes and selections -> text for a file, a pipe or the
 * clipboard.
 *
 * Formats (one quote each):
 *   text   “TEXT” — SPEAKER            (" — SPEAKER" left out when unknown;
 *                                       "(quote ID, text not saved)" when TEXT is empty)
 *          TITLE (FILE)                (" [orphaned]" appended for an orphaned tag)
 *          tags: a, b                  (only when the quote has tags)
 *          and a blank line between quotes.
 *   tsv    a header line, then one line a quote, TAB-separated:
 *          text speaker title file tags article_id quote_id orphaned
 *          (TAB/LF/CR in a field become spaces; tags comma-separated;
 *          ids 16 hex digits; orphaned "yes" or "no")
 *   jsonl  one JSON object a line: {"text", "speaker" (null when unknown),
 *          "title", "file", "tags" [..], "article_id", "quote_id" (16 hex
 *          digits as strings: JSON numbers cannot hold 64 bits), "orphaned"}
 * Every field goes through the text layer first, so nothing exported can
 * act on a terminal (a crafted file name included) and JSON stays valid
 * UTF-8. TEXT is given without its quotation marks; when it still has a
 * pair around it (any convention: "…", “…”, „…“, «…», »…«, ‘…’, 「…」),
 * that pair is dropped so that the quote is not marked twice.
 *
 * A text selection is written as it reads: the hyphen joins of reflowed
 * text removed, each paragraph on one line (unwrapped), paragraphs
 * separated by a blank line.
 *
 * Files: export_write expands "~", "~/..." and "~user/...", and either
 * refuses an existing file (the UI then asks), appends to it or replaces it
 * (atomically when it is a regular file: write temp, fsync, rename, mode
 * kept). Appending to a non-empty file keeps the format whole: no second TSV
 * header, a blank line before more text.
 *
 * Clipboard: osc52_encode builds the OSC 52 escape sequence that asks the
 * terminal to set its clipboard; it works over SSH. Inside tmux it needs
 *     set -g set-clipboard on
 * in ~/.tmux.conf (tmux 2.6+; the default "external" drops what programs
 * send): tmux then keeps the text in a paste buffer and passes it to the
 * terminal outside. The sequence is therefore sent plain inside tmux too;
 * OSC52_TMUX_PASSTHROUGH wraps it in tmux's DCS passthrough instead, for a
 * tmux with `set -g allow-passthrough on` but set-clipboard off (tmux then
 * keeps no buffer). Terminals cap what they accept (hterm and some others
 * about 100 KB, xterm's default is smaller); quoth refuses sequences over
 * OSC52_MAX bytes rather than send one the terminal would cut.
 *
 * How the app uses it:
 *   e (export)   strbuf b; export_quotes(&b, fmt, quotes, n) or
 *                export_selection(&b, d, start, end); then
 *                export_write(path, b.s, b.len, EXPORT_REFUSE, fmt); on
 *                Q_EEXIST ask "append, overwrite, cancel?" and call again
 *                with EXPORT_APPEND or EXPORT_OVERWRITE.
 *   y (copy)     export as for e into b, then osc52_encode(b.s, b.len,
 *                OSC52_PLAIN, &seq, &chars); the ui writes seq to the
 *                terminal and says "copied N characters"; Q_ETOOBIG: "too
 *                long for the clipboard, export it to a file (e)".
 */
#ifndef QUOTH_EXPORT_H
#define QUOTH_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"
#include "strbuf.h"
#include "tags.h"

enum export_format {
	EXPORT_TEXT,
	EXPORT_TSV,
	EXPORT_JSONL,
};

/* "text", "tsv" or "jsonl" -> *out. Returns 0 or Q_EUSAGE. */
int export_format_parse(const char *name, enum export_format *out);
const char *export_format_name(enum export_format f);

/* One quote to export. Strings may be NULL (empty). */
typedef struct export_quote {
	const char *text;              /* the quote as it reads, without its quotation marks */
	const char *speaker;           /* NULL or "" when unknown */
	const char *title;             /* the article title */
	const char *path;              /* the article file */
	uint64_t art, quote;           /* article and quote ids */
	const char *const *tags;       /* its tags (may be none) */
	size_t ntags;
	bool orphaned;
} export_quote;

/* The export_quote of a tagged quote from the store (pointers into e). */
export_quote export_quote_of_entry(const tag_entry *e);

/* Appends what goes before the quotes (the TSV header line; nothing for
 * text and jsonl). */
void export_begin(strbuf *out, enum export_format f);

/* Appends one quote. For text, `first` says whether it is the first of the
 * output (the others get a blank line before them). */
void export_quote_append(strbuf *out, enum export_format f, const export_quote *q, bool first);

/* export_begin and every quote: the whole output for n quotes. */
void export_quotes(strbuf *out, enum export_format f, const export_quote *q, size_t n);

/* Appends doc text [start, end) as it reads (see above), ending with '\n'
 * unless empty. Offsets are clamped to the text. */
void export_selection(strbuf *out, const doc *d, size_t start, size_t end);

/* A selection as export writes it: for text, the selection, then a line
 * "Title (file)"; for tsv and jsonl, one row (the header first for tsv)
 * whose text is the selection, speaker empty, quote_id 0. */
void export_selection_as(strbuf *out, enum export_format f, const doc *d, size_t start, size_t end);

/* What text export writes for a speaker nobody found (as quoth quotes and
 * the reader do). */
#define EXPORT_UNKNOWN_SPEAKER "(unknown)"

enum export_mode {
	EXPORT_REFUSE,       /* fail with Q_EEXIST when the file exists */
	EXPORT_APPEND,
	EXPORT_OVERWRITE,
};

/* path with a leading "~" or "~user" expanded, as a new string in *out.
 * Returns 0, Q_ENOENT (no such user, or no home) or Q_ENOMEM. */
int export_expand_path(const char *path, char **out);

/* Writes data[0..n) (in format f, for the append rules above) to the file
 * at path ("~" expanded) and fsyncs it. Returns 0, Q_EEXIST (EXPORT_REFUSE
 * and the file exists), or Q_ENOENT (no such folder), Q_EISDIR, Q_EACCES,
 * Q_EROFS, Q_ENOSPC, Q_EIO, Q_ENOMEM. On error an existing file is as it was
 * (EXPORT_APPEND: any partial write is taken back when possible). */
int export_write(const char *path, const char *data, size_t n, enum export_mode mode, enum export_format f);

/* Longest OSC 52 sequence osc52_encode builds, in bytes (about 74,900
 * bytes of text). */
#define OSC52_MAX 100000

enum osc52_wrap {
	OSC52_PLAIN,              /* ESC ] 52 ; c ; BASE64 BEL: terminals, screen-less SSH, tmux with set-clipboard on */
	OSC52_TMUX_PASSTHROUGH,   /* ESC P tmux; ESC <the plain sequence, ESCs doubled> ESC \ */
};

/* Appends to out the escape sequence that puts text[0..n) (UTF-8) on the
 * clipboard, and in *chars (may be NULL) how many characters (grapheme
 * clusters) that is, for the status line. Returns 0, Q_ETOOBIG when the
 * sequence would be longer than OSC52_MAX (out unchanged), or Q_ENOMEM.
 * The ui layer writes the bytes to the terminal. */
int osc52_encode(const char *text, size_t n, enum osc52_wrap wrap, strbuf *out, size_t *chars);

#endif
