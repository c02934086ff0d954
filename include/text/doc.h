/* The doc layer: one article.
 *
 * An article is its display-safe text (see text.h) and an index into it:
 * the title and the paragraphs, as byte ranges. Articles are immutable once
 * loaded. A hard-wrapped article (wire copy, e-mail) is reflowed: each line
 * end inside a paragraph has become a space, except after a word broken by a
 * hyphen ("counter-\naccusations"), where the '\n' stays and means "join
 * with nothing": every layer that shows or compares text treats a '\n'
 * inside a paragraph as absent.
 */
#ifndef QUOTH_DOC_H
#define QUOTH_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct doc_span {
	size_t start, end;          /* byte offsets into doc.text, end exclusive */
} doc_span;

typedef struct doc {
	char *text;                 /* display-safe UTF-8, NUL-terminated */
	size_t len;
	char *name;                 /* the path as given (raw bytes), or "-" */
	char *title;                /* display-safe, one line, never empty */
	doc_span *para;             /* the paragraphs, in order */
	size_t npara;
	size_t body;                /* first paragraph of the body: 1 when paragraph 0 is the headline */
	uint64_t id;                /* hash of the raw bytes: the article's stable id */
	bool hard_wrapped;          /* reflowed from hard-wrapped lines */
	bool converted;             /* was UTF-16 or Windows-1252 */
	/* private */
	void *map;                  /* the mmap the text lives in, or NULL when text is malloc'd */
	size_t map_len;
} doc;

/* Loads the file at path. Returns 0 and *out, or a Q_* code: Q_ENOENT,
 * Q_EACCES, Q_EISDIR, Q_ENOTREG, Q_EEMPTY, Q_EBINARY, Q_ENOMEM, Q_EIO. */
int doc_load(const char *path, doc **out);

/* doc_load without the article id (id 0): for commands that never need it
 * (render, quotes), hashing a big file costs more than it gives. */
int doc_load_anonymous(const char *path, doc **out);

/* Builds an article from n bytes (copied); name is what messages call it. */
int doc_from_bytes(const char *name, const char *bytes, size_t n, doc **out);

/* doc_from_bytes for a malloc'd buffer of n bytes followed by a NUL, which
 * it takes even when it fails: bytes that are display-safe already become
 * the text as they are, without a copy. with_id false leaves the id 0 (a
 * command that never shows it saves hashing the article). */
int doc_from_buffer(const char *name, char *bytes, size_t n, bool with_id, doc **out);

/* Builds an article from text that is display-safe already (text_sanitize's
 * output: malloc'd, NUL-terminated, len bytes), taking ownership of it even
 * when it fails; its id is 0. Returns 0, Q_EEMPTY or Q_ENOMEM. */
int doc_from_safe(const char *name, char *text, size_t len, doc **out);

/* Reads all of fd (e.g. standard input) and builds an article from it. */
int doc_from_fd(const char *name, int fd, doc **out);

void doc_free(doc *d);

/* The stable id as 16 hex digits in buf (17 bytes). */
void doc_id_hex(uint64_t id, char buf[17]);

/* 64-bit hash of n bytes (also the quote ids). */
uint64_t doc_hash(const void *p, size_t n);

/* Files larger than this are read through a window (bigdoc.h) by the
 * reader, and their id is a sampled hash. */
#define DOC_BIG (4u << 20)

/* The article id of a file's raw bytes: the hash of all of them, or for a
 * file over DOC_BIG the hash of its size, its first and last 64 KiB and
 * 256 blocks of 1 KiB spread evenly between (reading a gigabyte to name it
 * would cost seconds; an edit that changes none of the sampled bytes keeps
 * the id, which tags survive anyway since quotes are named by their text). */
uint64_t doc_article_id(const char *raw, size_t n);

/* The same id of a file over DOC_BIG, read with pread: a mapping touched at
 * 256 places can keep hundreds of megabytes resident where the page cache
 * holds large folios. Returns 0, Q_EUSAGE (not over DOC_BIG) or a read error. */
int doc_article_id_fd(int fd, size_t n, uint64_t *id);

/* Index of the paragraph containing byte offset off (the nearest one before
 * it when off falls between paragraphs); npara when there are none. */
size_t doc_para_at(const doc *d, size_t off);

/* Copies text[start,end) to a new string for output: inner '\n' removed
 * (joins), runs of white space folded to one space, ends trimmed. */
char *doc_flat_text(const doc *d, size_t start, size_t end);

#endif
