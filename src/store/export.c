/* Export: formatting quotes and selections, writing them to files, and the
 * OSC 52 clipboard sequence. See export.h for the formats. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unigbrk.h>
#include <unistd.h>
#include "error.h"
#include "export.h"
#include "fsutil.h"
#include "text.h"

static const char tsv_header[] = "text\tspeaker\ttitle\tfile\ttags\tarticle_id\tquote_id\torphaned\n";

int export_format_parse(const char *name, enum export_format *out)
{
	static const char *const names[] = { [EXPORT_TEXT] = "text", [EXPORT_TSV] = "tsv", [EXPORT_JSONL] = "jsonl" };
	for (size_t i = 0; name && i < sizeof names / sizeof *names; i++) {
		if (!strcmp(name, names[i])) {
			*out = (enum export_format)i;
			return 0;
		}
	}
	return Q_EUSAGE;
}

const char *export_format_name(enum export_format f)
{
	return f == EXPORT_TSV ? "tsv" : f == EXPORT_JSONL ? "jsonl" : "text";
}

export_quote export_quote_of_entry(const tag_entry *e)
{
	/* the speaker the user gave wins over the one quoth found */
	const char *speaker = e->user_speaker && *e->user_speaker ? e->user_speaker : e->speaker;
	return (export_quote){ .text = e->text, .speaker = speaker, .title = e->title, .path = e->path,
	                       .art = e->art, .quote = e->quote, .tags = e->tags, .ntags = e->ntags,
	                       .orphaned = e->orphaned };
}

/* ---- fields ---- */

/* A field made display-safe (text.h), or NULL when out of memory. */
static char *safe(const char *s)
{
	char *out;
	size_t n;
	if (!s)
		s = "";
	if (text_is_safe(s, strlen(s)))
		return strdup(s);
	return text_sanitize(s, strlen(s), &out, &n) ? NULL : out;
}

/* The quotation marks a quote may still have around it: openers and the
 * closers that may end it. */
static const char *const opening_marks[] = { "\"", "'", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
	"\u2018", "\u2019", "\u201a", "\u2039", "\u203a", "\u300c", "\u300e", "\uff02" };
static const char *const closing_marks[] = { "\"", "'", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2018",
	"\u2019", "\u2039", "\u203a", "\u300d", "\u300f", "\uff02" };

static size_t starts_with_mark(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof opening_marks / sizeof *opening_marks; i++) {
		size_t m = strlen(opening_marks[i]);
		if (m < n && !memcmp(s, opening_marks[i], m))
			return m;
	}
	return 0;
}

static size_t ends_with_mark(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof closing_marks / sizeof *closing_marks; i++) {
		size_t m = strlen(closing_marks[i]);
		if (m < n && !memcmp(s + n - m, closing_marks[i], m))
			return m;
	}
	return 0;
}

/* text without one pair of quotation marks around it: [*start, *end). */
/* The words of a quote without its own marks, and without a comma that
 * ends them: it belongs to the sentence around the quote ("…," she said). */
static void strip_marks(const char *text, size_t *start, size_t *end)
{
	size_t n = strlen(text), a = starts_with_mark(text, n), b = a ? ends_with_mark(text + a, n - a) : 0;
	*start = a && b ? a : 0;
	*end = a && b ? n - b : n;
	while (*end > *start + 1 && (text[*end - 1] == ' ' || text[*end - 1] == ','))
		--*end;
	if (*end > *start + 3 && !memcmp(text + *end - 3, "\xEF\xBC\x8C", 3))   /* ， */
		*end -= 3;
}

/* Appends s[0..n) on one line: TAB, CR and LF become spaces. */
static void put_one_line(strbuf *out, const char *s, size_t n)
{
	sb_tsv(out, s, n);
}

static void put_tags(strbuf *out, const export_quote *q, const char *sep, bool tsv)
{
	for (size_t i = 0; i < q->ntags; i++) {
		char *t = safe(q->tags[i]);
		if (!t) {
			out->failed = true;
			return;
		}
		if (i)
			sb_puts(out, sep);
		if (tsv)
			sb_tsv(out, t, strlen(t));
		else
			sb_puts(out, t);
		free(t);
	}
}

static void put_text(strbuf *out, const export_quote *q, const char *f[4], bool first)
{
	const char *text = f[0], *speaker = f[1], *title = f[2], *path = f[3];
	size_t a, b;
	strip_marks(text, &a, &b);
	if (!first)
		sb_putc(out, '\n');
	if (b > a) {
		sb_puts(out, "\u201c");
		put_one_line(out, text + a, b - a);
		sb_puts(out, "\u201d");
	} else {
		sb_printf(out, "(quote %016llx, text not saved)", (unsigned long long)q->quote);
	}
	sb_puts(out, " \u2014 ");
	if (*speaker)
		put_one_line(out, speaker, strlen(speaker));
	else
		sb_puts(out, EXPORT_UNKNOWN_SPEAKER);
	sb_putc(out, '\n');
	put_one_line(out, title, strlen(title));
	if (*path) {
		sb_puts(out, *title ? " (" : "(");
		put_one_line(out, path, strlen(path));
		sb_putc(out, ')');
	}
	if (q->orphaned)
		sb_puts(out, " [orphaned]");
	sb_putc(out, '\n');
	if (q->ntags) {
		sb_puts(out, "tags: ");
		put_tags(out, q, ", ", false);
		sb_putc(out, '\n');
	}
}

static void put_tsv(strbuf *out, const export_quote *q, const char *f[4])
{
	size_t a, b;
	strip_marks(f[0], &a, &b);
	sb_tsv(out, f[0] + a, b - a);
	for (int i = 1; i < 4; i++) {
		sb_putc(out, '\t');
		sb_tsv(out, f[i], strlen(f[i]));
	}
	sb_putc(out, '\t');
	put_tags(out, q, ",", true);
	sb_printf(out, "\t%016llx\t%016llx\t%s\n", (unsigned long long)q->art, (unsigned long long)q->quote,
	          q->orphaned ? "yes" : "no");
}

static void put_json_string(strbuf *out, const char *key, const char *s, size_t n, bool null_if_empty)
{
	sb_printf(out, "\"%s\":", key);
	if (null_if_empty && n == 0)
		sb_puts(out, "null");
	else
		sb_json(out, s, n);
}

static void put_jsonl(strbuf *out, const export_quote *q, const char *f[4])
{
	size_t a, b;
	strip_marks(f[0], &a, &b);
	sb_putc(out, '{');
	put_json_string(out, "text", f[0] + a, b - a, false);
	sb_putc(out, ',');
	put_json_string(out, "speaker", f[1], strlen(f[1]), true);
	sb_putc(out, ',');
	put_json_string(out, "title", f[2], strlen(f[2]), false);
	sb_putc(out, ',');
	put_json_string(out, "file", f[3], strlen(f[3]), false);
	sb_puts(out, ",\"tags\":[");
	for (size_t i = 0; i < q->ntags; i++) {
		char *t = safe(q->tags[i]);
		if (!t) {
			out->failed = true;
			return;
		}
		if (i)
			sb_putc(out, ',');
		sb_json(out, t, strlen(t));
		free(t);
	}
	sb_printf(out, "],\"article_id\":\"%016llx\",\"quote_id\":\"%016llx\",\"orphaned\":%s}\n",
	          (unsigned long long)q->art, (unsigned long long)q->quote, q->orphaned ? "true" : "false");
}

void export_begin(strbuf *out, enum export_format f)
{
	if (f == EXPORT_TSV)
		sb_puts(out, tsv_header);
}

void export_quote_append(strbuf *out, enum export_format fmt, const export_quote *q, bool first)
{
	const char *given[4] = { q->text, q->speaker, q->title, q->path };
	char *f[4] = { NULL };
	for (int i = 0; i < 4; i++) {
		if (!(f[i] = safe(given[i]))) {
			out->failed = true;
			goto done;
		}
	}
	const char *cf[4] = { f[0], f[1], f[2], f[3] };
	if (fmt == EXPORT_TSV)
		put_tsv(out, q, cf);
	else if (fmt == EXPORT_JSONL)
		put_jsonl(out, q, cf);
	else
		put_text(out, q, cf, first);
done:
	for (int i = 0; i < 4; i++)
		free(f[i]);
}

void export_quotes(strbuf *out, enum export_format f, const export_quote *q, size_t n)
{
	export_begin(out, f);
	for (size_t i = 0; i < n; i++)
		export_quote_append(out, f, &q[i], i == 0);
}

void export_selection_as(strbuf *out, enum export_format f, const doc *d, size_t start, size_t end)
{
	strbuf t;
	sb_init(&t);
	export_selection(&t, d, start, end);
	if (t.failed) {
		out->failed = true;
	} else if (f == EXPORT_TEXT) {
		sb_add(out, t.s ? t.s : "", t.len);
		export_quote q = { .title = d->title, .path = d->name };
		char *title = safe(q.title), *path = safe(q.path);
		if (!title || !path) {
			out->failed = true;
		} else {
			put_one_line(out, title, strlen(title));
			if (*path)
				sb_printf(out, " (%s)", path);
			sb_putc(out, '\n');
		}
		free(title);
		free(path);
	} else {
		while (t.len && t.s[t.len - 1] == '\n')
			t.s[--t.len] = '\0';
		export_quote q = { .text = t.s, .title = d->title, .path = d->name, .art = d->id };
		export_begin(out, f);
		export_quote_append(out, f, &q, true);
	}
	sb_free(&t);
}

void export_selection(strbuf *out, const doc *d, size_t start, size_t end)
{
	if (end > d->len)
		end = d->len;
	bool any = false;
	for (size_t p = 0; p < d->npara && start < end; p++) {
		size_t a = d->para[p].start > start ? d->para[p].start : start;
		size_t b = d->para[p].end < end ? d->para[p].end : end;
		if (a >= b)
			continue;
		if (any)
			sb_puts(out, "\n\n");
		any = true;
		/* Inside a paragraph '\n' is a hyphen join: it reads as nothing. */
		for (size_t i = a; i < b;) {
			const char *nl = memchr(d->text + i, '\n', b - i);
			size_t stop = nl ? (size_t)(nl - d->text) : b;
			sb_add(out, d->text + i, stop - i);
			i = stop + 1;
		}
	}
	if (any)
		sb_putc(out, '\n');
}

/* ---- files ---- */

int export_expand_path(const char *path, char **out)
{
	if (path[0] != '~') {
		*out = strdup(path);
		return *out ? 0 : Q_ENOMEM;
	}
	const char *rest = strchr(path, '/');
	if (!rest)
		rest = path + strlen(path);
	const char *home = NULL;
	if (rest == path + 1) {
		home = getenv("HOME");
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
	} else {
		char *user = strndup(path + 1, (size_t)(rest - path - 1));
		if (!user)
			return Q_ENOMEM;
		struct passwd *pw = getpwnam(user);
		free(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return Q_ENOENT;
	strbuf b;
	sb_init(&b);
	/* "~/x" with a home of "/" (or "/home/u/") must not give "//x". */
	size_t hl = strlen(home);
	while (hl > 0 && home[hl - 1] == '/')
		hl--;
	sb_add(&b, home, hl);
	sb_puts(&b, *rest ? rest : hl ? "" : "/");
	*out = sb_take(&b);
	return *out ? 0 : Q_ENOMEM;
}

/* What goes before data when appending to a file whose last byte is last
 * (0 for an empty file), and how much of data to skip. */
static void append_joint(int last, const char *data, size_t n, enum export_format f, const char **prefix,
                         size_t *skip)
{
	*prefix = "";
	*skip = 0;
	if (!last)
		return;
	if (f == EXPORT_TSV && n >= sizeof tsv_header - 1 && !memcmp(data, tsv_header, sizeof tsv_header - 1))
		*skip = sizeof tsv_header - 1;
	if (f == EXPORT_TEXT)
		*prefix = last == '\n' ? "\n" : "\n\n";
	else if (last != '\n')
		*prefix = "\n";
}

static int write_append(const char *path, const char *data, size_t n, enum export_format f)
{
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		return error_from_errno(errno);
	struct stat st;
	int rc = fstat(fd, &st) ? error_from_errno(errno) : 0;
	int last = 0;
	char c;
	if (!rc && S_ISREG(st.st_mode) && st.st_size > 0)
		last = pread(fd, &c, 1, st.st_size - 1) == 1 ? (unsigned char)c : '\n';
	const char *prefix;
	size_t skip;
	append_joint(last, data, n, f, &prefix, &skip);
	if (!rc)
		rc = fs_write_all(fd, prefix, strlen(prefix));
	if (!rc)
		rc = fs_write_all(fd, data + skip, n - skip);
	if (!rc && fsync(fd) != 0 && errno != EINVAL)
		rc = error_from_errno(errno);
	if (rc && S_ISREG(st.st_mode) && ftruncate(fd, st.st_size) != 0) {
		/* The partial write stays; nothing more can be done. */
	}
	if (close(fd) != 0 && !rc)
		rc = error_from_errno(errno);
	return rc;
}

static int write_new(const char *path, const char *data, size_t n, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0666);
	if (fd < 0)
		return error_from_errno(errno);
	int rc = fs_write_all(fd, data, n);
	if (!rc && fsync(fd) != 0 && errno != EINVAL)
		rc = error_from_errno(errno);
	if (close(fd) != 0 && !rc)
		rc = error_from_errno(errno);
	if (rc && (flags & O_EXCL))
		unlink(path);   /* we made it: leave nothing half-written */
	return rc;
}

int export_write(const char *path, const char *data, size_t n, enum export_mode mode, enum export_format f)
{
	char *p;
	int rc = export_expand_path(path, &p);
	if (rc)
		return rc;
	struct stat st;
	bool exists = lstat(p, &st) == 0, regular = exists && S_ISREG(st.st_mode);
	if (exists && S_ISDIR(st.st_mode))
		rc = Q_EISDIR;
	else if (mode == EXPORT_REFUSE)
		rc = write_new(p, data, n, O_EXCL);
	else if (mode == EXPORT_APPEND)
		rc = write_append(p, data, n, f);
	else if (regular)
		/* Replace atomically: a full disk leaves the old file, not half of the new. */
		rc = fs_replace(p, data, n, st.st_mode & 07777);
	else
		/* A symlink, a FIFO, /dev/stdout, or nothing yet: write through it. */
		rc = write_new(p, data, n, O_TRUNC);
	free(p);
	return rc;
}

/* ---- OSC 52 ---- */

static size_t base64_len(size_t n)
{
	return (n + 2) / 3 * 4;
}

static void put_base64(strbuf *out, const unsigned char *s, size_t n)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
		char q[4] = { alphabet[v >> 18 & 63], alphabet[v >> 12 & 63],
		              i + 1 < n ? alphabet[v >> 6 & 63] : '=', i + 2 < n ? alphabet[v & 63] : '=' };
		sb_add(out, q, 4);
	}
}

static size_t count_graphemes(const char *s, size_t n, int *rc)
{
	*rc = 0;
	if (!n)
		return 0;
	char *breaks = malloc(n);
	if (!breaks) {
		*rc = Q_ENOMEM;
		return 0;
	}
	u8_grapheme_breaks((const uint8_t *)s, n, breaks);
	size_t count = 1;
	for (size_t i = 1; i < n; i++)
		count += breaks[i] != 0;
	free(breaks);
	return count;
}

int osc52_encode(const char *text, size_t n, enum osc52_wrap wrap, strbuf *out, size_t *chars)
{
	static const char plain_head[] = "\033]52;c;", tmux_head[] = "\033Ptmux;\033\033]52;c;";
	static const char plain_tail[] = "\a", tmux_tail[] = "\a\033\\";
	const char *head = wrap == OSC52_TMUX_PASSTHROUGH ? tmux_head : plain_head;
	const char *tail = wrap == OSC52_TMUX_PASSTHROUGH ? tmux_tail : plain_tail;
	if (n > OSC52_MAX || strlen(head) + base64_len(n) + strlen(tail) > OSC52_MAX)
		return Q_ETOOBIG;
	int rc;
	size_t count = count_graphemes(text, n, &rc);
	if (rc)
		return rc;
	size_t at = out->len;
	sb_puts(out, head);
	put_base64(out, (const unsigned char *)text, n);
	sb_puts(out, tail);
	if (out->failed) {
		out->len = at;
		return Q_ENOMEM;
	}
	if (chars)
		*chars = count;
	return 0;
}
