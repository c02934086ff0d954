#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "error.h"
#include "input.h"
#include "stream.h"
#include "stream_cut.h"
#include "text.h"

/* Bytes asked of the input at a time. */
#define CHUNK ((size_t)1 << 20)
/* Bytes text_detect looks at: a file whose start is binary is refused. */
#define DETECT_BYTES 8192
/* How far back from the wanted end a window looks for a boundary. */
#define CUT_REACH ((size_t)64 << 10)
/* A title is found in this many bytes from the start of a big article. */
#define TITLE_BYTES 4096

/* A file being read: by the stream itself, or, handed out in a PIECE_FILE
 * piece, by the thread that decodes it. */
struct corpus_reader {
	const corpus_opts *o;
	bool open;
	input in;
	char *path;
	bool jsonl;
	bool whole;            /* UTF-16: one article, read whole (no form feeds, no windows) */
	bool checked;          /* its start was looked at (binary, UTF-16) */
	size_t safe;           /* the file's first bytes known display-safe then: its first article's when it ends there */
	char *buf;
	size_t pos, len, cap;  /* unread bytes are buf[pos, len) */
	size_t scan;           /* looked for a separator or line end up to here */
	bool eof;
	int error;             /* a read error, reported when what came before it is out */
	const char *error_detail;
	size_t line;           /* JSON Lines: lines read */
	bool unended;          /* JSON Lines: the last line read had no line end (the input stopped inside it) */
	size_t article;        /* articles given */
	bool several;          /* a form-feed line was seen */
	bool skipping;         /* the rest of a JSON line too long to read */
	bool done;             /* refused or finished: nothing more from this file */
	uint64_t raw_mark;     /* input bytes accounted for in pieces so far */

	/* an article over CORPUS_BIG, given in windows */
	bool windowing;
	size_t woffset;        /* the next window's offset in the article's text */
	enum text_encoding wenc;
	char *wtitle;

	atomic_size_t *out;    /* handed out: the stream's count of its readers still out */
	struct corpus_stream *home;   /* handed out: the stream it goes back to when freed */
	corpus_reader *next_spare;    /* in the stream's spares */
};

struct corpus_stream {
	const corpus_opts *o;
	char *const *paths;
	size_t npaths, next_path;
	walk *w;
	const char *wpath;     /* the PATH being walked */
	size_t wfiles;         /* files it gave */
	size_t too_deep;
	bool stdin_used;
	corpus_reader f;       /* the file the stream reads itself */
	size_t hand_out;       /* at most this many files handed out and not yet closed (0: none) */
	atomic_size_t out;     /* how many are */
	/* readers of files handed out and freed, for the next files: a reader
	 * is made on the thread that opens its file and freed on the one that
	 * is done with it, and with two threads, freeing each into the other's
	 * malloc arena, they slept on that arena's lock (a third of their
	 * sleeps on a folder of small files). Pushed by any thread, taken by
	 * the stream's own calls only (one at a time: no ABA). */
	_Atomic(corpus_reader *) spare;
};

int corpus_open(const corpus_opts *opts, char *const *paths, size_t n, corpus_stream **out)
{
	corpus_stream *s = calloc(1, sizeof *s);
	if (!s)
		return Q_ENOMEM;
	s->o = s->f.o = opts;
	s->paths = paths;
	s->npaths = n;
	s->f.in.fd = -1;
	atomic_init(&s->out, 0);
	atomic_init(&s->spare, NULL);
	*out = s;
	return 0;
}

void corpus_hand_out(corpus_stream *s, size_t most)
{
	s->hand_out = most;
}

static void close_file(corpus_reader *r)
{
	if (r->open)
		input_close(&r->in);
	if (r->open && r->out)
		atomic_fetch_sub(r->out, 1);
	free(r->path);
	free(r->buf);
	free(r->wtitle);
	r->open = false;
	r->path = r->buf = r->wtitle = NULL;
}

/* r, closed, back to its stream's spares. */
static void spare_put(corpus_reader *r)
{
	corpus_stream *s = r->home;
	r->next_spare = atomic_load(&s->spare);
	while (!atomic_compare_exchange_weak(&s->spare, &r->next_spare, r))
		;
}

/* A spare reader, or NULL when there is none. */
static corpus_reader *spare_take(corpus_stream *s)
{
	corpus_reader *r = atomic_load(&s->spare);
	while (r && !atomic_compare_exchange_weak(&s->spare, &r, r->next_spare))
		;
	return r;
}

void corpus_piece_free(corpus_piece *p)
{
	if (p->reader) {
		close_file(p->reader);
		if (p->reader->home)
			spare_put(p->reader);
		else
			free(p->reader);
	}
	free(p->bytes);
	free(p->path);
	free(p->title);
	free(p->detail);
	memset(p, 0, sizeof *p);
}

size_t corpus_too_deep(const corpus_stream *s)
{
	return s->too_deep + (s->w ? walk_too_deep(s->w) : 0);
}

void corpus_close(corpus_stream *s)
{
	if (!s)
		return;
	for (corpus_reader *r; (r = spare_take(s));)
		free(r);
	close_file(&s->f);
	walk_close(s->w);
	free(s);
}

/* ---- pieces -------------------------------------------------------------- */

/* Starts piece p of the current file; 1, or Q_ENOMEM. */
static int piece(corpus_reader *r, corpus_piece *p, enum corpus_piece_kind kind)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->path = strdup(r->path);
	p->jsonl = r->jsonl;
	p->several = r->several;
	p->raw = r->in.raw - r->raw_mark;
	r->raw_mark = r->in.raw;
	return p->path ? 1 : Q_ENOMEM;
}

static int error_piece(corpus_reader *r, corpus_piece *p, int code, const char *detail)
{
	int rc = piece(r, p, PIECE_ERROR);
	p->error = code;
	if (rc == 1 && detail && !(p->detail = strdup(detail)))
		rc = Q_ENOMEM;
	return rc;
}

/* A piece of the bytes buf[from, to), copied. */
static int bytes_piece(corpus_reader *r, corpus_piece *p, enum corpus_piece_kind kind, size_t from, size_t to)
{
	int rc = piece(r, p, kind);
	p->bytes = malloc(to - from + 1);
	if (rc != 1 || !p->bytes)
		return Q_ENOMEM;
	memcpy(p->bytes, r->buf + from, to - from);
	p->bytes[to - from] = '\0';
	p->len = to - from;
	return 1;
}

/* ---- reading -------------------------------------------------------------- */

/* Reads more of the file into buf; at the end of the input (or at a read
 * error, kept in r->error for later) sets r->eof. 0 or Q_ENOMEM. */
static int fill(corpus_reader *r)
{
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->scan -= r->pos;
		r->pos = 0;
	}
	if (r->cap > 4 * CHUNK && r->len < CHUNK) {   /* after a giant line: give the memory back */
		char *b = realloc(r->buf, 2 * CHUNK);
		if (b) {
			r->buf = b;
			r->cap = 2 * CHUNK;
		}
	}
	size_t want = input_want(&r->in, CHUNK);
	if (r->cap - r->len < want + 1) {   /* a small file: a buffer of its size */
		size_t cap = r->cap ? r->cap * 2 : want < CHUNK ? want + 1 : 2 * CHUNK;
		while (cap - r->len < want + 1)
			cap *= 2;
		char *b = realloc(r->buf, cap);
		if (!b)
			return Q_ENOMEM;
		r->buf = b;
		r->cap = cap;
	}
	ssize_t got = input_read(&r->in, r->buf + r->len, want, &r->error_detail);
	if (got > 0) {
		r->len += (size_t)got;
		r->eof = input_at_end(&r->in);
		return 0;
	}
	r->eof = true;
	if (got < 0)
		r->error = (int)got;
	else if (r->in.regular && !r->in.gz && r->in.raw < r->in.size)
		r->error_detail = "the file was shortened while it was read; its end is lost";
	if (r->error == Q_ENOMEM)
		return Q_ENOMEM;
	if (r->error_detail && !r->error)
		r->error = Q_EIO;
	return 0;
}

bool stream_dump_name(const char *path)
{
	size_t n = strlen(path);
	if (n > 3 && !strcasecmp(path + n - 3, ".gz"))
		n -= 3;
	return (n > 6 && !strncasecmp(path + n - 6, ".jsonl", 6)) || (n > 7 && !strncasecmp(path + n - 7, ".ndjson", 7));
}

/* The state of a new file named path (taken). */
static void start_file(corpus_reader *r, char *path)
{
	r->path = path;
	r->jsonl = r->o->input == CORPUS_JSONL || (r->o->input == CORPUS_AUTO && stream_dump_name(path));
	r->whole = r->checked = r->eof = r->several = r->skipping = r->windowing = r->done = r->unended = false;
	r->pos = r->len = r->cap = r->scan = r->line = r->article = r->safe = 0;
	r->error = 0;
	r->error_detail = NULL;
	r->raw_mark = 0;
	r->buf = NULL;
}

/* ---- JSON Lines ----------------------------------------------------------- */

static int check_start(corpus_reader *r, corpus_piece *p);

bool stream_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool stream_blank(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!stream_blank_byte(t[i]))
			return false;
	return true;
}

/* reader_next's answer when it may not read and the next piece needs a read. */
#define NEEDS_READ 2

/* The next record of a JSON Lines file: 1, 0 at its end, or Q_ENOMEM;
 * NEEDS_READ when may_read is false and its end is not read yet. */
static int next_line(corpus_reader *r, corpus_piece *p, bool may_read)
{
	while (!r->done) {
		int rc = check_start(r, p);
		if (rc)
			return rc;
		char *nl = r->scan < r->len ? memchr(r->buf + r->scan, '\n', r->len - r->scan) : NULL;
		size_t end = nl ? (size_t)(nl - r->buf) : r->len;
		if (r->skipping) {
			r->pos = r->scan = nl ? end + 1 : r->len;
			r->skipping = !nl;
			if (nl)
				continue;   /* the lines after it may be read already, the end of the file too */
		} else if (nl || (r->eof && r->pos < r->len)) {
			size_t from = r->pos, to = end;
			r->pos = r->scan = nl ? end + 1 : r->len;
			r->line++;
			r->unended = !nl;
			if (to > from && r->buf[to - 1] == '\r')
				to--;
			if (!stream_blank(r->buf + from, to - from)) {
				r->article++;
				rc = bytes_piece(r, p, PIECE_JSON, from, to);
				p->article = r->line;
				return rc;
			}
			continue;
		} else if (r->len - r->pos > CORPUS_LINE_MAX) {
			r->line++;
			r->article++;
			r->skipping = true;
			r->pos = r->scan = r->len;
			rc = error_piece(r, p, Q_ETOOBIG, "a line longer than 256 MiB, skipped");
			p->article = r->line;
			return rc;
		} else {
			r->scan = r->len;
		}
		if (r->eof) {
			/* A file of no record is refused as empty, as a text file of
			 * blanks is; standard input is not, since a worker of a
			 * distributed engine may be given an empty split. */
			r->done = true;
			bool empty = !r->article && !r->error && !r->in.is_stdin;
			return empty ? error_piece(r, p, Q_EEMPTY, NULL) : 0;
		}
		if (!may_read)
			return NEEDS_READ;
		if ((rc = fill(r)))
			return rc;
	}
	return 0;
}

/* ---- text: articles, form feeds and windows ------------------------------- */

/* Is buf[i] (a form feed) alone on its line? 1 yes (*after: where the next
 * line starts), 0 no, -1 cannot tell before more is read. */
static int sep_at(const corpus_reader *r, size_t i, size_t *after)
{
	const char *b = r->buf;
	if (i > r->pos && b[i - 1] != '\n')
		return 0;
	size_t k = i + 1;
	if (k < r->len && b[k] == '\r')
		k++;
	if (k < r->len)
		return b[k] == '\n' ? (*after = k + 1, 1) : 0;
	if (!r->eof)
		return -1;
	*after = r->len;
	return 1;
}

/* The next form-feed line in the unread bytes: true with the article's
 * end and where the next begins. */
static bool find_sep(corpus_reader *r, size_t *end, size_t *after)
{
	size_t i = r->scan > r->pos ? r->scan : r->pos;
	while (i < r->len) {
		const char *ff = memchr(r->buf + i, '\f', r->len - i);
		if (!ff)
			break;
		i = (size_t)(ff - r->buf);
		int sep = sep_at(r, i, after);
		if (sep == 1) {
			r->scan = i;
			*end = i;
			return true;
		}
		if (sep < 0) {
			r->scan = i;
			return false;
		}
		i++;
	}
	r->scan = r->len;
	return false;
}

/* Looks at the start of a file: binary is refused (1: an error piece),
 * UTF-16 read whole. 0 when done or not yet possible. Start bytes that are
 * display-safe (what most files are) need no closer look: they are UTF-8,
 * and a text file's first article that lies in them is a safe piece, which
 * its decoding takes as it is. */
static int check_start(corpus_reader *r, corpus_piece *p)
{
	if (r->checked || (r->len - r->pos < DETECT_BYTES && !r->eof))
		return 0;
	r->checked = true;
	size_t n = r->len - r->pos < DETECT_BYTES ? r->len - r->pos : DETECT_BYTES;
	r->safe = text_safe_prefix(r->buf + r->pos, r->jsonl ? n : r->len - r->pos);
	if (r->safe >= n)
		return 0;
	enum text_encoding enc = text_detect(r->buf + r->pos, n);
	r->whole = enc == TEXT_UTF16LE || enc == TEXT_UTF16BE;
	if (enc != TEXT_BINARY)
		return 0;
	r->done = true;
	r->error = 0;
	return error_piece(r, p, Q_EBINARY, NULL);
}

/* A big article is read in windows from a file; from a pipe it is read
 * whole (up to CORPUS_LINE_MAX), as is UTF-16, whose code units a cut or
 * a form feed could split. */
static bool windows_ok(const corpus_reader *r)
{
	return r->in.regular && !r->whole;
}

/* The title of the big article starting at pos, from its first bytes. */
static void start_windows(corpus_reader *r)
{
	size_t n = r->len - r->pos < TITLE_BYTES ? r->len - r->pos : TITLE_BYTES;
	const char *t = r->buf + r->pos, *nl = memrchr(t, '\n', n);
	doc *d = NULL;
	if (!doc_from_bytes(r->path, t, nl ? (size_t)(nl - t) : n, &d)) {
		r->wtitle = d->title;
		d->title = NULL;
		doc_free(d);
	}
	r->wenc = text_detect(t, r->len - r->pos < DETECT_BYTES ? r->len - r->pos : DETECT_BYTES);
	r->windowing = true;
	r->woffset = 0;
	r->article++;
}

/* Gives the next window of the big article that ends at end (or goes on
 * past the buffer when !final). */
static int window(corpus_reader *r, corpus_piece *p, size_t end, bool final)
{
	size_t n = end - r->pos, take = n;
	if (n == 0) {   /* the article ended with the last window */
		r->windowing = false;
		return 0;
	}
	if (!final || n > CORPUS_WINDOW + CORPUS_WINDOW / 2)
		take = stream_cut(r->buf + r->pos, n, CORPUS_WINDOW);
	int rc = piece(r, p, PIECE_WINDOW);
	if (rc != 1 || stream_window_text(r->buf + r->pos, take, r->wenc, &p->bytes, &p->len))
		return Q_ENOMEM;
	p->article = r->article;
	p->offset = r->woffset;
	if (r->wtitle && !(p->title = strdup(r->wtitle)))
		return Q_ENOMEM;
	r->woffset += p->len;
	r->pos += take;
	if (final && r->pos == end) {
		r->windowing = false;
		free(r->wtitle);
		r->wtitle = NULL;
	}
	return 1;
}

/* The article buf[pos, end), whole: a piece unless it is blank. A file's
 * only article takes the buffer itself (sized to the file), not a copy. */
static int whole_article(corpus_reader *r, corpus_piece *p, size_t end)
{
	if (stream_blank(r->buf + r->pos, end - r->pos))
		return 0;
	bool first = r->article++ == 0;
	int rc;
	if (first && r->eof && end == r->len) {
		rc = piece(r, p, PIECE_TEXT);
		p->bytes = r->len + (64 << 10) < r->cap ? realloc(r->buf, r->len + 1) : r->buf;
		if (!p->bytes)
			p->bytes = r->buf;
		p->bytes[r->len] = '\0';
		p->len = r->len;
		r->buf = NULL;
		r->pos = r->len = r->cap = r->scan = 0;
	} else {
		rc = bytes_piece(r, p, PIECE_TEXT, r->pos, end);
	}
	p->safe = first && end <= r->safe;
	p->article = r->article;
	return rc;
}

/* An article ends at end (a form-feed line, or the end of the file), the
 * next one starts at after. */
static int article_ends(corpus_reader *r, corpus_piece *p, size_t end, size_t after)
{
	if (!r->windowing && end - r->pos > CORPUS_BIG && windows_ok(r))
		start_windows(r);
	if (r->windowing) {
		int rc = window(r, p, end, true);
		if (!r->windowing)
			r->pos = after;
		return rc;
	}
	int rc = whole_article(r, p, end);
	r->pos = r->buf ? after : 0;
	return rc;
}

/* The next article (or window) of a text file: 1, 0 at its end, or Q_ENOMEM. */
static int next_article(corpus_reader *r, corpus_piece *p)
{
	while (!r->done) {
		int rc = check_start(r, p);
		if (rc)
			return rc;
		size_t end, after;
		if (!r->whole && find_sep(r, &end, &after)) {
			r->several = true;
			if ((rc = article_ends(r, p, end, after)))
				return rc;
			continue;
		}
		if (r->eof && (r->pos < r->len || r->windowing)) {
			if ((rc = article_ends(r, p, r->len, r->len)))
				return rc;
			continue;
		}
		if (r->eof) {
			r->done = true;
			return r->article || r->error ? 0 : error_piece(r, p, Q_EEMPTY, NULL);
		}
		size_t pending = r->len - r->pos;
		if (windows_ok(r) && (r->windowing || pending > CORPUS_BIG)) {
			if (!r->windowing)
				start_windows(r);
			if (pending > CORPUS_WINDOW + CORPUS_WINDOW / 2)
				return window(r, p, r->len, false);
		} else if (pending > CORPUS_LINE_MAX) {   /* a pipe that may never end */
			r->done = true;
			r->error = 0;
			return error_piece(r, p, Q_ETOOBIG, NULL);
		}
		if ((rc = fill(r)))
			return rc;
	}
	return 0;
}

/* ---- the stream ------------------------------------------------------------ */

/* The next file of the PATHs: 1 and *e, 0 when there is none, or Q_ENOMEM. */
static int next_entry(corpus_stream *s, walk_entry *e, bool *is_stdin)
{
	*is_stdin = false;
	for (;;) {
		int rc = s->w ? walk_next(s->w, e) : 0;
		if (rc) {
			s->wfiles += rc == 1;
			return rc;
		}
		if (s->w) {
			s->too_deep += walk_too_deep(s->w);
			walk_close(s->w);
			s->w = NULL;
			if (!s->wfiles) {   /* a folder with no article in it */
				*e = (walk_entry){ .path = s->wpath, .dirfd = AT_FDCWD, .name = s->wpath, .error = Q_ENOARTICLES };
				return 1;
			}
		}
		if (s->next_path == s->npaths)
			return 0;
		const char *path = s->paths[s->next_path++];
		if (strcmp(path, "-")) {
			if ((rc = walk_open(path, s->o->filter ? s->o->filter : walk_is_article_or_dump, &s->w)))
				return rc;
			s->wpath = path;
			s->wfiles = 0;
		} else if (!s->stdin_used) {   /* read once, however often it is named */
			s->stdin_used = *is_stdin = true;
			*e = (walk_entry){ .path = "-", .dirfd = AT_FDCWD, .name = "-" };
			return 1;
		}
	}
}

/* Opens e's file for the stream to read: a PATH itself (not a file of a
 * folder) that is a named pipe too when the stream reads pipes. 0 or a Q_*
 * code. */
static int open_entry(corpus_stream *s, const walk_entry *e, bool is_stdin)
{
	if (e->error)
		return e->error;
	if (s->o->pipes && e->dirfd == AT_FDCWD && !is_stdin) {
		/* looked at before any open: an open of ours would be the reader a
		 * writer waits for, and its data lost when that open is closed */
		int rc = input_open_pipe(&s->f.in, e->name);
		if (rc != Q_ENOTREG)
			return rc;
	}
	return input_open(&s->f.in, e->dirfd, e->name, is_stdin);
}

/* Opens the next file: 2 opened, 1 an error piece instead, 0 when there is
 * none, or Q_ENOMEM. */
static int open_next(corpus_stream *s, corpus_piece *p)
{
	walk_entry e;
	bool is_stdin;
	int rc = next_entry(s, &e, &is_stdin);
	if (rc <= 0)
		return rc;
	char *path = strdup(e.path);
	if (!path)
		return Q_ENOMEM;
	corpus_reader *r = &s->f;
	start_file(r, path);
	rc = open_entry(s, &e, is_stdin);
	if (!rc) {
		r->open = true;
		return 2;
	}
	rc = error_piece(r, p, rc, NULL);
	free(r->path);
	r->path = NULL;
	return rc;
}

/* The next piece of the file r reads: 1, 0 when it is done (and closed),
 * or Q_ENOMEM; NEEDS_READ when may_read is false and the piece is not a
 * JSON Lines record already read whole (an article's end is not looked
 * for then: its file is one handed out, or one the stream reads alone). */
static int reader_next(corpus_reader *r, corpus_piece *p, bool may_read)
{
	if (!r->open)
		return 0;
	int rc = r->jsonl ? next_line(r, p, may_read) : may_read ? next_article(r, p) : NEEDS_READ;
	if (rc)
		return rc;
	/* the file is done: a read error last, after what it held, at the
	 * line of JSON Lines where the input stopped (cut inside a line, or
	 * before the next one) */
	int error = r->error;
	const char *detail = r->error_detail;
	if (error) {
		rc = error_piece(r, p, error, detail);
		if (r->jsonl)
			p->article = r->line + !(r->unended || r->skipping);
		r->error = 0;
	}
	close_file(r);
	return error ? rc : 0;
}

/* Is the file just opened one to hand out? Only a regular file that is
 * read whole: not standard input, not JSON Lines (records are cheap to
 * cut, and go to the threads a few at a time as they are read), not one
 * named as gzip data (it could inflate past any size), not one over
 * CORPUS_BIG (its windows go to the threads), and only so many at once
 * (each holds a descriptor). */
static bool to_hand_out(corpus_stream *s)
{
	const corpus_reader *r = &s->f;
	size_t n = strlen(r->path);
	return s->hand_out && r->in.regular && !r->in.is_stdin && !r->jsonl && r->in.size <= CORPUS_BIG &&
	       !(n > 3 && !strcasecmp(r->path + n - 3, ".gz")) && atomic_load(&s->out) < s->hand_out;
}

/* A PIECE_FILE of the file just opened: the reader moves into it. */
static int file_piece(corpus_stream *s, corpus_piece *p)
{
	corpus_reader *r = spare_take(s);
	if (!r && !(r = malloc(sizeof *r)))
		return Q_ENOMEM;
	*r = s->f;
	r->out = &s->out;
	r->home = s;
	atomic_fetch_add(&s->out, 1);
	s->f.open = false;
	s->f.path = NULL;
	memset(p, 0, sizeof *p);
	p->kind = PIECE_FILE;
	p->reader = r;
	p->size = r->in.size;
	p->path = strdup(r->path);
	return p->path ? 1 : Q_ENOMEM;
}

static int next_piece(corpus_stream *s, corpus_piece *p)
{
	for (;;) {
		if (!s->f.open) {
			int rc = open_next(s, p);
			if (rc != 2)
				return rc;
			if (to_hand_out(s))
				return file_piece(s, p);
		}
		int rc = reader_next(&s->f, p, true);
		if (rc)
			return rc;
	}
}

/* A piece half made when memory ran out owns what it got so far. */
static int piece_done(corpus_piece *p, int rc)
{
	if (rc < 0)
		corpus_piece_free(p);
	return rc;
}

int corpus_next(corpus_stream *s, corpus_piece *p)
{
	memset(p, 0, sizeof *p);
	return piece_done(p, next_piece(s, p));
}

int corpus_next_ready(corpus_stream *s, corpus_piece *p)
{
	memset(p, 0, sizeof *p);
	if (s->f.open) {   /* the stream reads that file itself */
		int rc = reader_next(&s->f, p, false);
		if (rc)
			return piece_done(p, rc == NEEDS_READ ? 0 : rc);
	}
	int rc = open_next(s, p);
	if (rc == 2)   /* left open for corpus_next when it is not to hand out */
		rc = to_hand_out(s) ? file_piece(s, p) : 0;
	return piece_done(p, rc);
}

int corpus_file_next(corpus_piece *file, corpus_piece *p)
{
	memset(p, 0, sizeof *p);
	return piece_done(p, file->reader ? reader_next(file->reader, p, true) : 0);
}

/* ---- windows -------------------------------------------------------------- */

size_t stream_cut(const char *s, size_t n, size_t want)
{
	(void)n;
	size_t lo = want > CUT_REACH ? want - CUT_REACH : 0;
	for (size_t i = want; i > lo + 1; i--)
		if (s[i - 1] == '\n' && s[i - 2] == '\n')
			return i;
	const char *nl = memrchr(s + lo, '\n', want - lo);
	if (nl && nl > s)
		return (size_t)(nl - s) + 1;
	for (size_t i = want; i > lo + 1; i--)
		if (s[i - 1] == ' ')
			return i;
	size_t i = want;
	while (i > 1 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

int stream_window_text(const char *s, size_t n, enum text_encoding enc, char **out, size_t *outlen)
{
	if (enc != TEXT_CP1252)
		return text_sanitize(s, n, out, outlen);
	char *conv;
	size_t convlen;
	int rc = text_convert(enc, s, n, &conv, &convlen);
	if (rc)
		return rc;
	rc = text_sanitize(conv, convlen, out, outlen);
	free(conv);
	return rc;
}
