#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "doc.h"
#include "error.h"
#include "grow.h"
#include "text.h"
#include "twin.h"

/* Hard-wrap detection looks at this many lines from the start. */
#define SAMPLE_LINES 4000
/* A headline is at most this many bytes. */
#define HEADLINE_MAX 160
/* A title made from the first sentence is cut near this many bytes. */
#define TITLE_MAX 100

uint64_t doc_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	const uint64_t k = 0x9E3779B97F4A7C15ull;
	uint64_t h = 0xCBF29CE484222325ull ^ (n * k);
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w ^ (uint64_t)(n - i)) * k;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ull;
	h ^= h >> 32;
	return h;
}

/* Reads len bytes at off into buf: from memory or from a file. */
typedef int (*sample_reader)(const void *src, size_t off, size_t len, char *buf);

static int read_mem(const void *src, size_t off, size_t len, char *buf)
{
	memcpy(buf, (const char *)src + off, len);
	return 0;
}

static int read_fd(const void *src, size_t off, size_t len, char *buf)
{
	int fd = *(const int *)src;
	for (size_t got = 0; got < len;) {
		ssize_t r = pread(fd, buf + got, len - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? error_from_errno(errno) : Q_EIO;
		got += (size_t)r;
	}
	return 0;
}

#define ID_EDGE (64 * 1024)
#define ID_BLOCK 1024
#define ID_BLOCKS 256

static int sampled_id(const void *src, sample_reader rd, size_t n, uint64_t *id)
{
	static_assert(ID_EDGE >= ID_BLOCK, "one buffer serves both");
	char buf[ID_EDGE];
	uint64_t h = doc_hash(&n, sizeof n);
	int rc = rd(src, 0, ID_EDGE, buf);
	h ^= doc_hash(buf, ID_EDGE) * 3;
	if (!rc)
		rc = rd(src, n - ID_EDGE, ID_EDGE, buf);
	h ^= doc_hash(buf, ID_EDGE) * 5;
	size_t step = (n - 2 * ID_EDGE) / ID_BLOCKS;
	for (size_t k = 0; k < ID_BLOCKS && !rc; k++) {
		rc = rd(src, ID_EDGE + k * step, ID_BLOCK, buf);
		h = (h ^ doc_hash(buf, ID_BLOCK)) * 0x9E3779B97F4A7C15ull;
	}
	*id = h;
	return rc;
}

uint64_t doc_article_id(const char *raw, size_t n)
{
	if (n <= DOC_BIG)
		return doc_hash(raw, n);
	uint64_t id;
	sampled_id(raw, read_mem, n, &id);
	return id;
}

int doc_article_id_fd(int fd, size_t n, uint64_t *id)
{
	if (n <= DOC_BIG)
		return Q_EUSAGE;
	return sampled_id(&fd, read_fd, n, id);
}

void doc_id_hex(uint64_t id, char buf[17])
{
	/* not snprintf: every quote of quoth quotes' output has one */
	static const char hex[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--, id >>= 4)
		buf[i] = hex[id & 0xF];
	buf[16] = '\0';
}

void doc_free(doc *d)
{
	if (!d)
		return;
	if (d->map)
		munmap(d->map, d->map_len);
	else
		free(d->text);
	free(d->name);
	free(d->title);
	free(d->para);
	free(d);
}

/* ---- lines and reflow ---------------------------------------------------- */

typedef struct line {
	size_t start, end;   /* without the '\n' */
	size_t cols;         /* approximate width: code points */
	bool blank;
} line;

static size_t count_cols(const char *s, size_t n)
{
	const uint64_t one = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t c = 0, i = 0;
	/* eight bytes at a time: a continuation byte (10xxxxxx) has its top bit
	 * set and the next one clear; the lanes found are summed into the top one */
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t cont = x & ~(x << 1) & high;
		c += 8 - (size_t)(((cont >> 7) * one) >> 56);
	}
	for (; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The line that starts at *pos (without its '\n'); moves *pos past it.
 * False at the end of the text. cols is left 0: measured when needed. */
static bool next_line(const char *t, size_t len, size_t *pos, line *l)
{
	size_t p = *pos;
	if (p >= len)
		return false;
	const char *nl = memchr(t + p, '\n', len - p);
	size_t end = nl ? (size_t)(nl - t) : len;
	size_t e = end;
	while (e > p && is_space(t[e - 1]))
		e--;
	size_t b = p;
	while (b < e && is_space(t[b]))
		b++;
	l->start = p;
	l->end = e;
	l->blank = b == e;
	l->cols = 0;
	*pos = end + 1;
	return true;
}

/* Hard-wrapped text is wrapped at no more than this many columns. */
#define WRAP_MAX 100

/* The first lines of the text (at most max, measured), for the headline and
 * the hard-wrap guess; *n gets their number. A line of more than four bytes
 * a column past WRAP_MAX is wider than that whatever it holds: it is not
 * counted but said to be WRAP_MAX + 1 wide (a paragraph a line, as most
 * news is, then costs nothing to measure). */
static line *first_lines(const char *t, size_t len, size_t max, size_t *n)
{
	line *v = NULL;
	size_t k = 0, cap = 0, pos = 0;
	line l;
	while (k < max && next_line(t, len, &pos, &l)) {
		if (GROW(v, cap, k + 1, 64)) {
			free(v);
			return NULL;
		}
		size_t bytes = l.end - l.start;
		l.cols = bytes > 4 * (WRAP_MAX + 1) ? WRAP_MAX + 1 : count_cols(t + l.start, bytes);
		v[k++] = l;
	}
	*n = k;
	return v ? v : malloc(sizeof *v);
}

/* The k-th smallest (0 first) of the line widths counted in hist (widths
 * 0..WRAP_MAX, those over it in over), or WRAP_MAX + 1 when it is over. */
static size_t nth_width(const size_t hist[WRAP_MAX + 1], size_t total, size_t over, size_t k)
{
	if (k >= total - over)
		return WRAP_MAX + 1;
	size_t seen = 0, w = 0;
	while (seen + hist[w] <= k)
		seen += hist[w++];
	return w;
}

/* The column the text was wrapped at, when it was hard-wrapped; 0 when its
 * lines are paragraphs. Wrapped text has short lines, and most of them end
 * close to one column. The widths are counted, not sorted: only a column
 * up to WRAP_MAX can be the answer. */
static size_t wrap_column(const line *v, size_t n, size_t first)
{
	size_t hist[WRAP_MAX + 1] = { 0 }, k = 0, over = 0;
	for (size_t i = first; i < n && k < SAMPLE_LINES; i++)
		if (!v[i].blank) {
			if (v[i].cols > WRAP_MAX)
				over++;
			else
				hist[v[i].cols]++;
			k++;
		}
	if (k < 4)
		return 0;
	size_t col = nth_width(hist, k, over, k - 1 - k / 50);   /* 98th percentile: ignore a stray long line */
	if (col > WRAP_MAX || col < 20)
		return 0;
	size_t near = over;
	for (size_t w = 0; w <= WRAP_MAX; w++)
		near += w * 4 >= col * 3 ? hist[w] : 0;
	return near * 2 >= k ? col : 0;
}

static bool ends_sentence(const char *t, const line *l)
{
	size_t e = l->end;
	/* skip closing quotes and brackets */
	while (e > l->start) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == '"' || c == '\'' || c == ')')
			e--;
		else if (e - l->start >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
		         (c == 0x9D || c == 0x99))   /* ” ’ */
			e -= 3;
		else if (e - l->start >= 2 && (unsigned char)t[e - 2] == 0xC2 && c == 0xBB)   /* » */
			e -= 2;
		else
			break;
	}
	if (e == l->start)
		return false;
	char c = t[e - 1];
	return c == '.' || c == '!' || c == '?' || c == ':';
}

static size_t first_word_cols(const char *t, const line *l)
{
	size_t b = l->start;
	while (b < l->end && is_space(t[b]))
		b++;
	size_t e = b;
	while (e < l->end && !is_space(t[e]))
		e++;
	return count_cols(t + b, e - b);
}

static bool starts_dash_or_bullet(const char *t, const line *l)
{
	const char *s = t + l->start;
	size_t n = l->end - l->start;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return true;
	/* – — • */
	return n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	       ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0xA2) &&
	       s[3] == ' ';
}

static bool starts_quote(const char *t, const line *l)
{
	const unsigned char *s = (const unsigned char *)t + l->start;
	size_t n = l->end - l->start;
	if (n && (s[0] == '"' || s[0] == '\''))
		return true;
	/* “ „ ‘ ‚ */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x9E || s[2] == 0x98 || s[2] == 0x9A))
		return true;
	return n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB);   /* « » */
}

/* In hard-wrapped text, does the line after a start a new paragraph? */
static bool wrapped_para_break(const char *t, const line *a, const line *b, size_t col)
{
	if (a->blank || b->blank)
		return true;
	if (is_space(t[b->start]) || starts_dash_or_bullet(t, b))
		return true;
	/* a sentence ends and the next line opens a quotation: news starts a paragraph there */
	if (ends_sentence(t, a) && starts_quote(t, b))
		return true;
	/* the next word would have fitted: the writer broke the line on purpose */
	size_t cols = a->cols ? a->cols : count_cols(t + a->start, a->end - a->start);
	return ends_sentence(t, a) && cols + 1 + first_word_cols(t, b) <= col;
}

/* "counter-" at a line end followed by "accusations": one hyphenated word.
 * Only when nothing stands between the hyphen and the line break. */
static bool hyphen_join(const char *t, const line *a, const line *b)
{
	size_t e = a->end;
	if (e + 1 != b->start || e - a->start < 2 || t[e - 1] != '-')
		return false;
	unsigned char before = (unsigned char)t[e - 2], after = (unsigned char)t[b->start];
	bool letter_before = before >= 0x80 || ((before | 0x20) >= 'a' && (before | 0x20) <= 'z');
	bool letter_after = after >= 0x80 || ((after | 0x20) >= 'a' && (after | 0x20) <= 'z');
	return letter_before && letter_after;
}

/* A growing list of paragraph spans, owned by whoever indexes into it. */
typedef struct span_list {
	doc_span *v;
	size_t n, cap;
} span_list;

static int push_para(span_list *l, size_t start, size_t end)
{
	if (GROW(l->v, l->cap, l->n + 1, 16))
		return Q_ENOMEM;
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->n++;
	return 0;
}

static bool is_headline(const char *t, const line *v, size_t n, size_t i, bool wrapped)
{
	const line *l = &v[i];
	size_t len = l->end - l->start;
	if (len > HEADLINE_MAX || t[l->end - 1] == '.')
		return false;
	if (i + 1 >= n)
		return false;
	return !wrapped || v[i + 1].blank;
}

/* One stretch of the text to index: the lines in [from, to), hard-wrapped
 * at col (0: each line a paragraph), the first one a headline or not. */
typedef struct index_job {
	char *t;
	size_t from, to, col;
	bool headline;
	span_list out;
	int rc;
} index_job;

/* Indexes a job's lines in one pass, two at a time: the index costs
 * nothing per line, only per paragraph. */
static void *index_lines(void *arg)
{
	index_job *j = arg;
	char *t = j->t;
	size_t pos = j->from;
	line cur, nxt;
	bool have = next_line(t, j->to, &pos, &cur), headline = j->headline;
	while (have && j->rc == 0) {
		if (cur.blank) {
			have = next_line(t, j->to, &pos, &cur);
			continue;
		}
		size_t start = cur.start;
		bool more = next_line(t, j->to, &pos, &nxt);
		if (j->col && !headline) {
			while (more && !wrapped_para_break(t, &cur, &nxt, j->col)) {
				/* the line end becomes a space, or stays as a join mark */
				if (!hyphen_join(t, &cur, &nxt))
					for (size_t k = cur.end; k < nxt.start; k++)
						t[k] = ' ';
				cur = nxt;
				more = next_line(t, j->to, &pos, &nxt);
			}
		}
		headline = false;
		j->rc = push_para(&j->out, start, cur.end);
		cur = nxt;
		have = more;
	}
	return NULL;
}

/* A text this long is indexed in two halves on two threads (render waits
 * for the index before it wraps anything). They meet after an empty line,
 * where every paragraph ends whatever the layout. */
#define INDEX_SPLIT_MIN ((size_t)8 << 20)
#define INDEX_SPLIT_REACH ((size_t)1 << 20)

/* Where a second half may start: the line after an empty line near the
 * middle of [from, len), or len when there is none. */
static size_t index_split(const char *t, size_t from, size_t len)
{
	if (len - from < INDEX_SPLIT_MIN)
		return len;
	size_t mid = from + (len - from) / 2, reach = len - mid < INDEX_SPLIT_REACH ? len - mid : INDEX_SPLIT_REACH;
	const char *e = memmem(t + mid, reach, "\n\n", 2);
	return e ? (size_t)(e - t) + 2 : len;
}

/* Appends b's spans to a's; b is emptied. */
static int join_spans(span_list *a, span_list *b)
{
	if (!b->n)
		return 0;
	if (GROW(a->v, a->cap, a->n + b->n, 16))
		return Q_ENOMEM;
	memcpy(a->v + a->n, b->v, b->n * sizeof *b->v);
	a->n += b->n;
	free(b->v);
	*b = (span_list){ 0 };
	return 0;
}

/* Finds the paragraphs (and the headline) of d->text. */
static int index_paragraphs(doc *d)
{
	size_t n;
	char *t = d->text;
	line *v = first_lines(t, d->len, SAMPLE_LINES + 64, &n);
	if (!v)
		return Q_ENOMEM;
	size_t first = 0;
	while (first < n && v[first].blank)
		first++;
	/* a headline is judged against the lines after it; then they are measured without it */
	size_t col = wrap_column(v, n, first + 1);
	bool head = first < n && is_headline(t, v, n, first, col != 0);
	if (col && !head)
		col = wrap_column(v, n, first);
	d->hard_wrapped = col != 0;
	size_t from = first < n ? v[first].start : d->len;
	free(v);
	size_t mid = index_split(t, from, d->len);
	index_job job[2] = {
		{ .t = t, .from = from, .to = mid, .col = col, .headline = head },
		{ .t = t, .from = mid, .to = d->len, .col = col },
	};
	if (mid < d->len)
		twin_run(index_lines, &job[0], &job[1]);
	else
		index_lines(&job[0]);   /* no split: job[1] is empty */
	int rc = job[0].rc ? job[0].rc : job[1].rc;
	if (!rc)
		rc = join_spans(&job[0].out, &job[1].out);
	free(job[1].out.v);
	d->para = job[0].out.v;
	d->npara = job[0].out.n;
	d->body = head ? 1 : 0;
	return rc;
}

/* ---- titles -------------------------------------------------------------- */

/* A line break inside a paragraph is a word broken over a line (reflow has
 * made the others spaces). */
static bool inside_para(const doc *d, size_t off)
{
	size_t p = doc_para_at(d, off);
	return p < d->npara && d->para[p].start <= off && off < d->para[p].end;
}

/* Copies s[0, n) to o with every run of white space folded to one space and
 * none at either end; a line break inside a paragraph of d (s[i] being
 * d->text[base + i]) is a word broken over a line and is dropped (with d
 * NULL, every one is).
 * Returns the length written; o has room for n + 1 bytes. */
static size_t collapse_space(const char *s, size_t n, char *o, const doc *d, size_t base)
{
	size_t k = 0;
	bool sp = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((unsigned char)c > ' ') {   /* (the common case first: one test) */
			if (sp)
				o[k++] = ' ';
			sp = false;
			o[k++] = c;
			continue;
		}
		if (c == '\n' && (!d || inside_para(d, base + i)))
			continue;
		if (c == ' ' || c == '\t' || c == '\n') {
			sp = k > 0;
			continue;
		}
		if (sp)
			o[k++] = ' ';
		sp = false;
		o[k++] = c;
	}
	o[k] = '\0';
	return k;
}

static char *one_line(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	if (o)
		collapse_space(s, n, o, NULL, 0);
	return o;
}

/* The first sentence of paragraph p, cut at a word boundary near TITLE_MAX. */
static char *first_sentence(const doc *d, const doc_span *p)
{
	const char *t = d->text;
	size_t e = p->start;
	while (e < p->end) {
		char c = t[e++];
		if ((c == '.' || c == '!' || c == '?') && (e == p->end || t[e] == ' ') && e - p->start > 12)
			break;
	}
	if (e - p->start > TITLE_MAX) {
		size_t cut = p->start + TITLE_MAX;
		while (cut > p->start + TITLE_MAX / 2 && t[cut] != ' ')
			cut--;
		if (t[cut] != ' ')   /* no space: cut at a character boundary */
			while (cut > p->start && ((unsigned char)t[cut] & 0xC0) == 0x80)
				cut--;
		char *s = one_line(t + p->start, cut - p->start);
		if (!s)
			return NULL;
		char *r = malloc(strlen(s) + 4);
		if (r)
			sprintf(r, "%s\xE2\x80\xA6", s);   /* … */
		free(s);
		return r;
	}
	return one_line(t + p->start, e - p->start);
}

static char *name_title(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base && base[1] ? base + 1 : name;
	char *safe;
	size_t n;
	if (text_sanitize_line(base, strlen(base), &safe, &n))
		return NULL;
	char *title = one_line(safe, n);
	free(safe);
	return title;
}

static int make_title(doc *d)
{
	char *title = NULL;
	if (d->npara)
		title = d->body ? one_line(d->text + d->para[0].start, d->para[0].end - d->para[0].start)
		                : first_sentence(d, &d->para[0]);
	if (title && !*title) {
		free(title);
		title = NULL;
	}
	if (!title)
		title = name_title(d->name);
	if (!title)
		return Q_ENOMEM;
	d->title = title;
	return 0;
}

/* ---- loading --------------------------------------------------------------- */

static bool all_blank(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n')
			return false;
	return true;
}

/* Turns raw bytes into the article's text: zero-copy when they are already
 * display-safe (map is then kept as the text), otherwise a sanitized copy. */
static int take_text(doc *d, char *raw, size_t n, bool mapped)
{
	enum text_encoding enc = text_detect(raw, n);
	char *conv = NULL, *out;
	size_t convlen, outlen;
	int rc;

	if (enc == TEXT_BINARY)
		return Q_EBINARY;
	if (enc != TEXT_UTF8) {
		if ((rc = text_convert(enc, raw, n, &conv, &convlen)))
			return rc;
		d->converted = true;
		raw = conv;
		n = convlen;
	}
	if (!conv && mapped && text_is_safe(raw, n)) {
		d->text = raw;
		d->len = n;
		return 0;
	}
	rc = text_sanitize(raw, n, &out, &outlen);
	free(conv);
	if (rc)
		return rc;
	if (mapped) {
		munmap(d->map, d->map_len);
		d->map = NULL;
	}
	d->text = out;
	d->len = outlen;
	return 0;
}

static int finish(doc *d)
{
	if (all_blank(d->text, d->len))
		return Q_EEMPTY;
	int rc = index_paragraphs(d);
	return rc ? rc : make_title(d);
}

static doc *doc_new(const char *name)
{
	doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->name = strdup(name);
	if (!d->name) {
		free(d);
		return NULL;
	}
	return d;
}

int doc_from_bytes(const char *name, const char *bytes, size_t n, doc **out)
{
	doc *d = doc_new(name);
	if (!d)
		return Q_ENOMEM;
	d->id = doc_article_id(bytes, n);
	int rc = n ? take_text(d, (char *)bytes, n, false) : Q_EEMPTY;
	if (!rc)
		rc = finish(d);
	if (rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int doc_from_buffer(const char *name, char *bytes, size_t n, bool with_id, doc **out)
{
	doc *d = doc_new(name);
	if (!d) {
		free(bytes);
		return Q_ENOMEM;
	}
	d->id = with_id ? doc_article_id(bytes, n) : 0;
	int rc = 0;
	if (!n) {
		rc = Q_EEMPTY;
	} else if (text_is_safe(bytes, n)) {   /* then text_detect would say UTF-8 */
		d->text = bytes;
		d->len = n;
		bytes = NULL;
	} else {
		rc = take_text(d, bytes, n, false);
	}
	free(bytes);
	if (!rc)
		rc = finish(d);
	if (rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int doc_from_safe(const char *name, char *text, size_t len, doc **out)
{
	doc *d = doc_new(name);
	if (!d) {
		free(text);
		return Q_ENOMEM;
	}
	d->text = text;
	d->len = len;
	int rc = finish(d);
	if (rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

/* A stream is copied to memory, so one that never ends (/dev/zero, yes)
 * must not take it all: binary data is refused as soon as its first 8 KiB
 * show it (what text_detect looks at), and a stream longer than this is
 * refused as too large (a file that size is mapped, not copied): one of
 * FD_MAX bytes or more. */
#define FD_MAX ((size_t)256 << 20)
#define FD_DETECT 8192

int doc_from_fd(const char *name, int fd, doc **out)
{
	size_t cap = 1 << 16, n = 0;
	bool detected = false;
	char *buf = malloc(cap);
	if (!buf)
		return Q_ENOMEM;
	for (;;) {
		if (!detected && n >= FD_DETECT) {
			detected = true;
			if (text_detect(buf, n) == TEXT_BINARY) {
				free(buf);
				return Q_EBINARY;
			}
		}
		if (n >= FD_MAX) {
			free(buf);
			return Q_ETOOBIG;
		}
		if (GROW(buf, cap, n + 1, cap)) {
			free(buf);
			return Q_ENOMEM;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = error_from_errno(errno);
			free(buf);
			return e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	int rc = doc_from_bytes(name, buf, n, out);
	free(buf);
	return rc;
}

/* Maps the n bytes of fd followed by a NUL, as doc.text promises: the
 * kernel zero-fills the rest of the file's last page, but when n is a
 * multiple of the page size there is no rest, and reading text[n] (ncurses'
 * waddnstr does, drawing the last row) faulted. So an anonymous zero page
 * is reserved after the file's pages. Private and writable: reflow edits
 * the text in place, copy-on-write. NULL with errno set on failure. */
static void *map_terminated(int fd, size_t n, size_t *map_len)
{
	*map_len = n + 1;
	char *base = mmap(NULL, *map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	if (mmap(base, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		int err = errno;
		munmap(base, *map_len);
		errno = err;
		return NULL;
	}
	return base;
}

static int load(const char *path, bool with_id, doc **out)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = error_from_errno(errno);
		close(fd);
		return e;
	}
	int rc = 0;
	if (S_ISDIR(st.st_mode))
		rc = Q_EISDIR;
	else if (!S_ISREG(st.st_mode))
		rc = Q_ENOTREG;
	else if (st.st_size == 0)
		rc = Q_EEMPTY;
	if (rc) {
		close(fd);
		return rc;
	}
	doc *d = doc_new(path);
	if (!d) {
		close(fd);
		return Q_ENOMEM;
	}
	d->map = map_terminated(fd, (size_t)st.st_size, &d->map_len);
	int err = errno;
	close(fd);
	if (!d->map) {
		doc_free(d);
		return error_from_errno(err);
	}
	size_t n = (size_t)st.st_size;
	madvise(d->map, n, MADV_SEQUENTIAL);
	d->id = with_id ? doc_article_id(d->map, n) : 0;
	rc = take_text(d, d->map, n, true);
	if (!rc)
		rc = finish(d);
	if (rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int doc_load(const char *path, doc **out)
{
	return load(path, true, out);
}

int doc_load_anonymous(const char *path, doc **out)
{
	return load(path, false, out);
}

/* ---- queries ---------------------------------------------------------------- */

size_t doc_para_at(const doc *d, size_t off)
{
	size_t lo = 0, hi = d->npara;
	if (!d->npara)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->para[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

char *doc_flat_text(const doc *d, size_t start, size_t end)
{
	if (end > d->len)
		end = d->len;
	if (start > end)
		start = end;
	char *o = malloc(end - start + 1);
	if (o)
		collapse_space(d->text + start, end - start, o, d, start);
	return o;
}
