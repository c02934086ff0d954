#include <errno.h>
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

struct corpus_stream {
	const corpus_opts *o;
	char *const *paths;
	size_t npaths, next_path;
	walk *w;
	const char *wpath;     /* the PATH being walked */
	size_t wfiles;         /* files it gave */
	size_t too_deep;
	bool stdin_used;

	/* the file being read */
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
};

int corpus_open(const corpus_opts *opts, char *const *paths, size_t n, corpus_stream **out)
{
	corpus_stream *s = calloc(1, sizeof *s);
	if (!s)
		return Q_ENOMEM;
	s->o = opts;
	s->paths = paths;
	s->npaths = n;
	s->in.fd = -1;
	*out = s;
	return 0;
}

void corpus_piece_free(corpus_piece *p)
{
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

static void close_file(corpus_stream *s)
{
	if (s->open)
		input_close(&s->in);
	free(s->path);
	free(s->buf);
	free(s->wtitle);
	s->open = false;
	s->path = s->buf = s->wtitle = NULL;
}

void corpus_close(corpus_stream *s)
{
	if (!s)
		return;
	close_file(s);
	walk_close(s->w);
	free(s);
}

/* ---- pieces -------------------------------------------------------------- */

/* Starts piece p of the current file; 1, or Q_ENOMEM. */
static int piece(corpus_stream *s, corpus_piece *p, enum corpus_piece_kind kind)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->path = strdup(s->path);
	p->jsonl = s->jsonl;
	p->several = s->several;
	p->raw = s->in.raw - s->raw_mark;
	s->raw_mark = s->in.raw;
	return p->path ? 1 : Q_ENOMEM;
}

static int error_piece(corpus_stream *s, corpus_piece *p, int code, const char *detail)
{
	int rc = piece(s, p, PIECE_ERROR);
	p->error = code;
	if (rc == 1 && detail && !(p->detail = strdup(detail)))
		rc = Q_ENOMEM;
	return rc;
}

/* A piece of the bytes buf[from, to), copied. */
static int bytes_piece(corpus_stream *s, corpus_piece *p, enum corpus_piece_kind kind, size_t from, size_t to)
{
	int rc = piece(s, p, kind);
	p->bytes = malloc(to - from + 1);
	if (rc != 1 || !p->bytes)
		return Q_ENOMEM;
	memcpy(p->bytes, s->buf + from, to - from);
	p->bytes[to - from] = '\0';
	p->len = to - from;
	return 1;
}

/* ---- reading -------------------------------------------------------------- */

/* Reads more of the file into buf; at the end of the input (or at a read
 * error, kept in s->error for later) sets s->eof. 0 or Q_ENOMEM. */
static int fill(corpus_stream *s)
{
	if (s->pos) {
		memmove(s->buf, s->buf + s->pos, s->len - s->pos);
		s->len -= s->pos;
		s->scan -= s->pos;
		s->pos = 0;
	}
	if (s->cap > 4 * CHUNK && s->len < CHUNK) {   /* after a giant line: give the memory back */
		char *b = realloc(s->buf, 2 * CHUNK);
		if (b) {
			s->buf = b;
			s->cap = 2 * CHUNK;
		}
	}
	size_t want = input_want(&s->in, CHUNK);
	if (s->cap - s->len < want + 1) {   /* a small file: a buffer of its size */
		size_t cap = s->cap ? s->cap * 2 : want < CHUNK ? want + 1 : 2 * CHUNK;
		while (cap - s->len < want + 1)
			cap *= 2;
		char *b = realloc(s->buf, cap);
		if (!b)
			return Q_ENOMEM;
		s->buf = b;
		s->cap = cap;
	}
	ssize_t r = input_read(&s->in, s->buf + s->len, want, &s->error_detail);
	if (r > 0) {
		s->len += (size_t)r;
		s->eof = input_at_end(&s->in);
		return 0;
	}
	s->eof = true;
	if (r < 0)
		s->error = (int)r;
	else if (s->in.regular && !s->in.gz && s->in.raw < s->in.size)
		s->error_detail = "the file was shortened while it was read; its end is lost";
	if (s->error == Q_ENOMEM)
		return Q_ENOMEM;
	if (s->error_detail && !s->error)
		s->error = Q_EIO;
	return 0;
}

static bool dump_name(const char *path)
{
	size_t n = strlen(path);
	if (n > 3 && !strcasecmp(path + n - 3, ".gz"))
		n -= 3;
	return (n > 6 && !strncasecmp(path + n - 6, ".jsonl", 6)) || (n > 7 && !strncasecmp(path + n - 7, ".ndjson", 7));
}

/* The state of a new file named path (taken). */
static void start_file(corpus_stream *s, char *path)
{
	s->path = path;
	s->jsonl = s->o->input == CORPUS_JSONL || (s->o->input == CORPUS_AUTO && dump_name(path));
	s->whole = s->checked = s->eof = s->several = s->skipping = s->windowing = s->done = false;
	s->pos = s->len = s->cap = s->scan = s->line = s->article = s->safe = 0;
	s->error = 0;
	s->error_detail = NULL;
	s->raw_mark = 0;
	s->buf = NULL;
}

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
	start_file(s, path);
	rc = e.error ? e.error : input_open(&s->in, e.dirfd, e.name, is_stdin);
	if (!rc) {
		s->open = true;
		return 2;
	}
	rc = error_piece(s, p, rc, NULL);
	free(s->path);
	s->path = NULL;
	return rc;
}

/* ---- JSON Lines ----------------------------------------------------------- */

static int check_start(corpus_stream *s, corpus_piece *p);

static bool blank(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r' && t[i] != '\f')
			return false;
	return true;
}

/* The next record of a JSON Lines file: 1, 0 at its end, or Q_ENOMEM. */
static int next_line(corpus_stream *s, corpus_piece *p)
{
	while (!s->done) {
		int rc = check_start(s, p);
		if (rc)
			return rc;
		char *nl = s->scan < s->len ? memchr(s->buf + s->scan, '\n', s->len - s->scan) : NULL;
		size_t end = nl ? (size_t)(nl - s->buf) : s->len;
		if (s->skipping) {
			s->pos = s->scan = nl ? end + 1 : s->len;
			s->skipping = !nl;
		} else if (nl || (s->eof && s->pos < s->len)) {
			size_t from = s->pos, to = end;
			s->pos = s->scan = nl ? end + 1 : s->len;
			s->line++;
			if (to > from && s->buf[to - 1] == '\r')
				to--;
			if (!blank(s->buf + from, to - from)) {
				s->article++;
				rc = bytes_piece(s, p, PIECE_JSON, from, to);
				p->article = s->line;
				return rc;
			}
			continue;
		} else if (s->len - s->pos > CORPUS_LINE_MAX) {
			s->line++;
			s->skipping = true;
			s->pos = s->scan = s->len;
			rc = error_piece(s, p, Q_ETOOBIG, "a line longer than 256 MiB, skipped");
			p->article = s->line;
			return rc;
		} else {
			s->scan = s->len;
		}
		if (s->eof)
			return 0;
		if ((rc = fill(s)))
			return rc;
	}
	return 0;
}

/* ---- text: articles, form feeds and windows ------------------------------- */

/* Is buf[i] (a form feed) alone on its line? 1 yes (*after: where the next
 * line starts), 0 no, -1 cannot tell before more is read. */
static int sep_at(const corpus_stream *s, size_t i, size_t *after)
{
	const char *b = s->buf;
	if (i > s->pos && b[i - 1] != '\n')
		return 0;
	size_t k = i + 1;
	if (k < s->len && b[k] == '\r')
		k++;
	if (k < s->len)
		return b[k] == '\n' ? (*after = k + 1, 1) : 0;
	if (!s->eof)
		return -1;
	*after = s->len;
	return 1;
}

/* The next form-feed line in the unread bytes: true with the article's
 * end and where the next begins. */
static bool find_sep(corpus_stream *s, size_t *end, size_t *after)
{
	size_t i = s->scan > s->pos ? s->scan : s->pos;
	while (i < s->len) {
		const char *ff = memchr(s->buf + i, '\f', s->len - i);
		if (!ff)
			break;
		i = (size_t)(ff - s->buf);
		int r = sep_at(s, i, after);
		if (r == 1) {
			s->scan = i;
			*end = i;
			return true;
		}
		if (r < 0) {
			s->scan = i;
			return false;
		}
		i++;
	}
	s->scan = s->len;
	return false;
}

/* Looks at the start of a file: binary is refused (1: an error piece),
 * UTF-16 read whole. 0 when done or not yet possible. Start bytes that are
 * display-safe (what most files are) need no closer look: they are UTF-8,
 * and a text file's first article that lies in them is a safe piece, which
 * its decoding takes as it is. */
static int check_start(corpus_stream *s, corpus_piece *p)
{
	if (s->checked || (s->len - s->pos < DETECT_BYTES && !s->eof))
		return 0;
	s->checked = true;
	size_t n = s->len - s->pos < DETECT_BYTES ? s->len - s->pos : DETECT_BYTES;
	s->safe = text_safe_prefix(s->buf + s->pos, s->jsonl ? n : s->len - s->pos);
	if (s->safe >= n)
		return 0;
	enum text_encoding enc = text_detect(s->buf + s->pos, n);
	s->whole = enc == TEXT_UTF16LE || enc == TEXT_UTF16BE;
	if (enc != TEXT_BINARY)
		return 0;
	s->done = true;
	s->error = 0;
	return error_piece(s, p, Q_EBINARY, NULL);
}

/* A big article is read in windows from a file; from a pipe it is read
 * whole (up to CORPUS_LINE_MAX), as is UTF-16, whose code units a cut or
 * a form feed could split. */
static bool windows_ok(const corpus_stream *s)
{
	return s->in.regular && !s->whole;
}

/* The title of the big article starting at pos, from its first bytes. */
static void start_windows(corpus_stream *s)
{
	size_t n = s->len - s->pos < TITLE_BYTES ? s->len - s->pos : TITLE_BYTES;
	const char *t = s->buf + s->pos, *nl = memrchr(t, '\n', n);
	doc *d = NULL;
	if (!doc_from_bytes(s->path, t, nl ? (size_t)(nl - t) : n, &d)) {
		s->wtitle = d->title;
		d->title = NULL;
		doc_free(d);
	}
	s->wenc = text_detect(t, s->len - s->pos < DETECT_BYTES ? s->len - s->pos : DETECT_BYTES);
	s->windowing = true;
	s->woffset = 0;
	s->article++;
}

/* Gives the next window of the big article that ends at end (or goes on
 * past the buffer when !final). */
static int window(corpus_stream *s, corpus_piece *p, size_t end, bool final)
{
	size_t n = end - s->pos, take = n;
	if (n == 0) {   /* the article ended with the last window */
		s->windowing = false;
		return 0;
	}
	if (!final || n > CORPUS_WINDOW + CORPUS_WINDOW / 2)
		take = stream_cut(s->buf + s->pos, n, CORPUS_WINDOW);
	int rc = piece(s, p, PIECE_WINDOW);
	if (rc != 1 || stream_window_text(s->buf + s->pos, take, s->wenc, &p->bytes, &p->len))
		return Q_ENOMEM;
	p->article = s->article;
	p->offset = s->woffset;
	if (s->wtitle && !(p->title = strdup(s->wtitle)))
		return Q_ENOMEM;
	s->woffset += p->len;
	s->pos += take;
	if (final && s->pos == end) {
		s->windowing = false;
		free(s->wtitle);
		s->wtitle = NULL;
	}
	return 1;
}

/* The article buf[pos, end), whole: a piece unless it is blank. A file's
 * only article takes the buffer itself (sized to the file), not a copy. */
static int whole_article(corpus_stream *s, corpus_piece *p, size_t end)
{
	if (blank(s->buf + s->pos, end - s->pos))
		return 0;
	bool first = s->article++ == 0;
	int rc;
	if (first && s->eof && end == s->len) {
		rc = piece(s, p, PIECE_TEXT);
		p->bytes = s->len + (64 << 10) < s->cap ? realloc(s->buf, s->len + 1) : s->buf;
		if (!p->bytes)
			p->bytes = s->buf;
		p->bytes[s->len] = '\0';
		p->len = s->len;
		s->buf = NULL;
		s->pos = s->len = s->cap = s->scan = 0;
	} else {
		rc = bytes_piece(s, p, PIECE_TEXT, s->pos, end);
	}
	p->safe = first && end <= s->safe;
	p->article = s->article;
	return rc;
}

/* An article ends at end (a form-feed line, or the end of the file), the
 * next one starts at after. */
static int article_ends(corpus_stream *s, corpus_piece *p, size_t end, size_t after)
{
	if (!s->windowing && end - s->pos > CORPUS_BIG && windows_ok(s))
		start_windows(s);
	if (s->windowing) {
		int rc = window(s, p, end, true);
		if (!s->windowing)
			s->pos = after;
		return rc;
	}
	int rc = whole_article(s, p, end);
	s->pos = s->buf ? after : 0;
	return rc;
}

/* The next article (or window) of a text file: 1, 0 at its end, or Q_ENOMEM. */
static int next_article(corpus_stream *s, corpus_piece *p)
{
	while (!s->done) {
		int rc = check_start(s, p);
		if (rc)
			return rc;
		size_t end, after;
		if (!s->whole && find_sep(s, &end, &after)) {
			s->several = true;
			if ((rc = article_ends(s, p, end, after)))
				return rc;
			continue;
		}
		if (s->eof && (s->pos < s->len || s->windowing)) {
			if ((rc = article_ends(s, p, s->len, s->len)))
				return rc;
			continue;
		}
		if (s->eof) {
			s->done = true;
			return s->article || s->error ? 0 : error_piece(s, p, Q_EEMPTY, NULL);
		}
		size_t pending = s->len - s->pos;
		if (windows_ok(s) && (s->windowing || pending > CORPUS_BIG)) {
			if (!s->windowing)
				start_windows(s);
			if (pending > CORPUS_WINDOW + CORPUS_WINDOW / 2)
				return window(s, p, s->len, false);
		} else if (pending > CORPUS_LINE_MAX) {   /* a pipe that may never end */
			s->done = true;
			s->error = 0;
			return error_piece(s, p, Q_ETOOBIG, NULL);
		}
		if ((rc = fill(s)))
			return rc;
	}
	return 0;
}

/* ---- the stream ------------------------------------------------------------ */

static int next_piece(corpus_stream *s, corpus_piece *p)
{
	for (;;) {
		if (!s->open) {
			int rc = open_next(s, p);
			if (rc != 2)
				return rc;
		}
		int rc = s->jsonl ? next_line(s, p) : next_article(s, p);
		if (rc)
			return rc;
		/* the file is done: a read error last, after what it held */
		int error = s->error;
		const char *detail = s->error_detail;
		if (error) {
			rc = error_piece(s, p, error, detail);
			s->error = 0;
		}
		close_file(s);
		if (error)
			return rc;
	}
}

int corpus_next(corpus_stream *s, corpus_piece *p)
{
	memset(p, 0, sizeof *p);
	int rc = next_piece(s, p);
	/* a piece half made when memory ran out owns what it got so far */
	if (rc < 0)
		corpus_piece_free(p);
	return rc;
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
