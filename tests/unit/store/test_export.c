/* Export: the three formats, escaping, selections, files (~, refuse,
 * append, overwrite), OSC 52 bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "doc.h"
#include "error.h"
#include "export.h"
#include "strbuf.h"

static const char *const two_tags[] = { "claim", "denial" };

static const export_quote jane = {
	.text = "We will not back down", .speaker = "Jane Doe", .title = "Strike at the harbour",
	.path = "/c/en-01.txt", .art = 0x0123456789abcdefull, .quote = 0xfedcba9876543210ull,
	.tags = two_tags, .ntags = 2,
};
static const export_quote anon = {
	.text = "\u201cIt was never about money,\u201d", .speaker = "", .title = "Strike", .path = "/c/b.txt",
	.art = 1, .quote = 2,
};

static char *format(enum export_format f, const export_quote *q, size_t n)
{
	strbuf b;
	sb_init(&b);
	export_quotes(&b, f, q, n);
	return sb_take(&b);
}

static void test_format_names(void **state)
{
	enum export_format f;
	assert_int_equal(export_format_parse("text", &f), 0);
	assert_int_equal(f, EXPORT_TEXT);
	assert_int_equal(export_format_parse("tsv", &f), 0);
	assert_int_equal(f, EXPORT_TSV);
	assert_int_equal(export_format_parse("jsonl", &f), 0);
	assert_int_equal(f, EXPORT_JSONL);
	assert_int_equal(export_format_parse("json", &f), Q_EUSAGE);
	assert_int_equal(export_format_parse(NULL, &f), Q_EUSAGE);
	assert_string_equal(export_format_name(EXPORT_JSONL), "jsonl");
}

static void test_text(void **state)
{
	export_quote q[2] = { jane, anon };
	char *s = format(EXPORT_TEXT, q, 2);
	assert_string_equal(s,
		"\u201cWe will not back down\u201d \u2014 Jane Doe\n"
		"Strike at the harbour (/c/en-01.txt)\n"
		"tags: claim, denial\n"
		"\n"
		"\u201cIt was never about money\u201d \u2014 (unknown)\n"   /* its own marks and final comma dropped */
		"Strike (/c/b.txt)\n");
	free(s);
}

static void test_text_marks_and_orphans(void **state)
{
	export_quote q = { .text = "\u00bbVi giver ikke op\u00ab", .speaker = "Mette", .title = "T", .path = "",
	                   .orphaned = true };
	char *s = format(EXPORT_TEXT, &q, 1);
	assert_string_equal(s, "\u201cVi giver ikke op\u201d \u2014 Mette\nT [orphaned]\n");
	free(s);
	/* Only a pair is dropped: a mark at one end is part of the text. */
	q.text = "'Tis the season";
	s = format(EXPORT_TEXT, &q, 1);
	assert_non_null(strstr(s, "\u201c'Tis the season\u201d"));
	free(s);
	q.text = "\"";
	s = format(EXPORT_TEXT, &q, 1);
	assert_non_null(strstr(s, "\u201c\"\u201d"));
	free(s);
}

static void test_text_is_terminal_safe(void **state)
{
	export_quote q = { .text = "line\none\ttab", .speaker = "\x1b[31mRed", .title = "T\x9b",
	                   .path = "/c/\x1b]0;evil\a.txt" };
	char *s = format(EXPORT_TEXT, &q, 1);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\a'));
	assert_null(strchr(s, '\t'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_non_null(strstr(s, "\u201cline one tab\u201d"));
	assert_non_null(strstr(s, "\u241b[31mRed"));
	free(s);
}

static void test_tsv(void **state)
{
	export_quote q[2] = { jane, { .text = "a\tb\nc", .speaker = NULL, .title = "T", .path = "/x", .art = 1,
	                              .quote = 2, .orphaned = true } };
	char *s = format(EXPORT_TSV, q, 2);
	assert_string_equal(s,
		"text\tspeaker\ttitle\tfile\ttags\tarticle_id\tquote_id\torphaned\n"
		"We will not back down\tJane Doe\tStrike at the harbour\t/c/en-01.txt\tclaim,denial\t"
		"0123456789abcdef\tfedcba9876543210\tno\n"
		"a b c\t\tT\t/x\t\t0000000000000001\t0000000000000002\tyes\n");
	free(s);
}

static void test_jsonl(void **state)
{
	export_quote q[2] = { jane, { .text = "say \"hi\" \\ o/", .speaker = NULL, .title = "T\x01",
	                              .path = "/c/\xff.txt", .art = 1, .quote = 2 } };
	char *s = format(EXPORT_JSONL, q, 2);
	assert_string_equal(s,
		"{\"text\":\"We will not back down\",\"speaker\":\"Jane Doe\",\"title\":\"Strike at the harbour\","
		"\"file\":\"/c/en-01.txt\",\"tags\":[\"claim\",\"denial\"],\"article_id\":\"0123456789abcdef\","
		"\"quote_id\":\"fedcba9876543210\",\"orphaned\":false}\n"
		"{\"text\":\"say \\\"hi\\\" \\\\ o/\",\"speaker\":null,\"title\":\"T\u2401\","
		"\"file\":\"/c/\ufffd.txt\",\"tags\":[],\"article_id\":\"0000000000000001\","
		"\"quote_id\":\"0000000000000002\",\"orphaned\":false}\n");
	free(s);
}

static void test_quote_of_entry(void **state)
{
	const char *tags[] = { "x" };
	tag_entry e = { .art = 5, .quote = 6, .text = "t", .speaker = "s", .title = "ti", .path = "/p",
	                .tags = tags, .ntags = 1, .orphaned = true };
	export_quote q = export_quote_of_entry(&e);
	assert_int_equal(q.art, 5);
	assert_int_equal(q.quote, 6);
	assert_string_equal(q.speaker, "s");
	assert_int_equal(q.ntags, 1);
	assert_true(q.orphaned);
	e.user_speaker = "Jane Roe";   /* a correction wins */
	assert_string_equal(export_quote_of_entry(&e).speaker, "Jane Roe");
}

static void test_selection(void **state)
{
	doc *d;
	assert_int_equal(doc_load("tests/fixtures/wire.txt", &d), 0);
	const char *from = strstr(d->text, "The port authority");
	const char *to = strstr(d->text, "proposal was");
	assert_non_null(from);
	assert_non_null(to);
	strbuf b;
	sb_init(&b);
	export_selection(&b, d, (size_t)(from - d->text), (size_t)(to - d->text) + strlen("proposal"));
	char *s = sb_take(&b);
	assert_string_equal(s,
		"The port authority said contingency plans were in place.\n\n"
		"Its chief executive, Tomas Berg, called the walkout a well-planned show of force and said the "
		"counter-proposal\n");
	free(s);
	/* Inside one paragraph; clamped past the end; empty. */
	const char *w = strstr(d->text, "strike is");
	export_selection(&b, d, (size_t)(w - d->text), (size_t)(w - d->text) + 6);
	assert_string_equal(b.s, "strike\n");
	sb_free(&b);
	export_selection(&b, d, d->len - 5, d->len + 100);
	assert_string_equal(b.s, "med.\n");   /* the text ends "named.\n" */
	sb_free(&b);
	export_selection(&b, d, 10, 10);
	assert_int_equal(b.len, 0);
	sb_free(&b);
	/* as e writes it: the title and the file after it; a row of its own in tsv */
	export_selection_as(&b, EXPORT_TEXT, d, (size_t)(w - d->text), (size_t)(w - d->text) + 6);
	char *want = NULL;
	assert_true(asprintf(&want, "strike\n%s (%s)\n", d->title, d->name) > 0);
	assert_string_equal(b.s, want);
	free(want);
	sb_free(&b);
	export_selection_as(&b, EXPORT_TSV, d, (size_t)(w - d->text), (size_t)(w - d->text) + 6);
	assert_non_null(strstr(b.s, "text\tspeaker"));
	assert_non_null(strstr(b.s, "\nstrike\t\t"));
	assert_int_equal(b.s[b.len - 1], '\n');
	sb_free(&b);
	doc_free(d);
}

static void test_expand_path(void **state)
{
	char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *p;
	setenv("HOME", "/tmp/home-x", 1);
	assert_int_equal(export_expand_path("~/out/q.txt", &p), 0);
	assert_string_equal(p, "/tmp/home-x/out/q.txt");
	free(p);
	assert_int_equal(export_expand_path("~", &p), 0);
	assert_string_equal(p, "/tmp/home-x");
	free(p);
	assert_int_equal(export_expand_path("rel/~x", &p), 0);
	assert_string_equal(p, "rel/~x");
	free(p);
	setenv("HOME", "/", 1);
	assert_int_equal(export_expand_path("~/x", &p), 0);
	assert_string_equal(p, "/x");
	free(p);
	assert_int_equal(export_expand_path("~", &p), 0);
	assert_string_equal(p, "/");
	free(p);
	struct passwd *pw = getpwuid(getuid());
	assert_non_null(pw);
	char user[300], want[600];
	snprintf(user, sizeof user, "~%s/x", pw->pw_name);
	snprintf(want, sizeof want, "%s/x", strcmp(pw->pw_dir, "/") ? pw->pw_dir : "");
	assert_int_equal(export_expand_path(user, &p), 0);
	assert_string_equal(p, want);
	free(p);
	assert_int_equal(export_expand_path("~no-such-user-q9/x", &p), Q_ENOENT);
	if (old)
		setenv("HOME", old, 1);
	free(old);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_write_modes(void **state)
{
	char tmpl[] = "/tmp/quoth-export-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	char path[300], tilde[300];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", dir, 1);
	snprintf(tilde, sizeof tilde, "~/out.txt");

	assert_int_equal(export_write(tilde, "one\n", 4, EXPORT_REFUSE, EXPORT_TEXT), 0);
	assert_string_equal(slurp(path), "one\n");
	assert_int_equal(export_write(path, "two\n", 4, EXPORT_REFUSE, EXPORT_TEXT), Q_EEXIST);
	assert_string_equal(slurp(path), "one\n");
	/* Text appended after a blank line. */
	assert_int_equal(export_write(tilde, "two\n", 4, EXPORT_APPEND, EXPORT_TEXT), 0);
	assert_string_equal(slurp(path), "one\n\ntwo\n");
	/* Overwrite keeps the mode. */
	chmod(path, 0640);
	assert_int_equal(export_write(path, "three\n", 6, EXPORT_OVERWRITE, EXPORT_TEXT), 0);
	assert_string_equal(slurp(path), "three\n");
	struct stat st;
	stat(path, &st);
	assert_int_equal(st.st_mode & 0777, 0640);

	/* TSV: the header is written once. */
	char tsv[300];
	snprintf(tsv, sizeof tsv, "%s/q.tsv", dir);
	strbuf b;
	sb_init(&b);
	export_quotes(&b, EXPORT_TSV, &jane, 1);
	assert_int_equal(export_write(tsv, b.s, b.len, EXPORT_APPEND, EXPORT_TSV), 0);
	assert_int_equal(export_write(tsv, b.s, b.len, EXPORT_APPEND, EXPORT_TSV), 0);
	const char *got = slurp(tsv);
	assert_non_null(strstr(got, "text\tspeaker"));
	assert_null(strstr(strstr(got, "text\tspeaker") + 1, "text\tspeaker"));
	assert_non_null(strstr(strstr(got, "Jane Doe") + 1, "Jane Doe"));
	sb_free(&b);

	/* JSONL after a file without a final newline. */
	char jl[300];
	snprintf(jl, sizeof jl, "%s/q.jsonl", dir);
	assert_int_equal(export_write(jl, "{}", 2, EXPORT_OVERWRITE, EXPORT_JSONL), 0);
	assert_int_equal(export_write(jl, "{\"a\":1}\n", 8, EXPORT_APPEND, EXPORT_JSONL), 0);
	assert_string_equal(slurp(jl), "{}\n{\"a\":1}\n");

	/* Errors. */
	assert_int_equal(export_write(dir, "x", 1, EXPORT_OVERWRITE, EXPORT_TEXT), Q_EISDIR);
	char missing[300];
	snprintf(missing, sizeof missing, "%s/no/such/dir/f.txt", dir);
	assert_int_equal(export_write(missing, "x", 1, EXPORT_REFUSE, EXPORT_TEXT), Q_ENOENT);
	assert_int_equal(export_write(missing, "x", 1, EXPORT_APPEND, EXPORT_TEXT), Q_ENOENT);
	assert_int_equal(export_write(missing, "x", 1, EXPORT_OVERWRITE, EXPORT_TEXT), Q_ENOENT);
	assert_int_equal(export_write("/dev/full", "x", 1, EXPORT_OVERWRITE, EXPORT_TEXT), Q_ENOSPC);

	/* Overwriting through a symlink writes the file it points to. */
	char link[300];
	snprintf(link, sizeof link, "%s/link.txt", dir);
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(export_write(link, "four\n", 5, EXPORT_OVERWRITE, EXPORT_TEXT), 0);
	assert_string_equal(slurp(path), "four\n");
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));

	if (old)
		setenv("HOME", old, 1);
	free(old);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_osc52_bytes(void **state)
{
	strbuf b;
	sb_init(&b);
	size_t chars = 99;
	assert_int_equal(osc52_encode("hello", 5, OSC52_PLAIN, &b, &chars), 0);
	assert_string_equal(b.s, "\033]52;c;aGVsbG8=\a");
	assert_int_equal(chars, 5);
	sb_free(&b);

	const char *w = "w\u00f6rld";   /* 6 bytes, 5 characters */
	assert_int_equal(osc52_encode(w, strlen(w), OSC52_PLAIN, &b, &chars), 0);
	assert_string_equal(b.s, "\033]52;c;d8O2cmxk\a");
	assert_int_equal(chars, 5);
	sb_free(&b);

	assert_int_equal(osc52_encode("hi", 2, OSC52_TMUX_PASSTHROUGH, &b, &chars), 0);
	assert_string_equal(b.s, "\033Ptmux;\033\033]52;c;aGk=\a\033\\");
	assert_int_equal(chars, 2);
	sb_free(&b);

	assert_int_equal(osc52_encode("", 0, OSC52_PLAIN, &b, &chars), 0);
	assert_string_equal(b.s, "\033]52;c;\a");
	assert_int_equal(chars, 0);
	sb_free(&b);

	/* Characters are grapheme clusters: e + combining acute, a family emoji. */
	const char *g = "e\u0301 \U0001F468\u200D\U0001F469\u200D\U0001F467";
	assert_int_equal(osc52_encode(g, strlen(g), OSC52_PLAIN, &b, &chars), 0);
	assert_int_equal(chars, 3);
	sb_free(&b);
}

static void test_osc52_limit(void **state)
{
	/* The largest text that fits: 8 bytes of head and tail, 4 base64 bytes per 3. */
	size_t fits = (OSC52_MAX - 8) / 4 * 3;
	char *big = malloc(fits + 3);
	memset(big, 'a', fits + 3);
	strbuf b;
	sb_init(&b);
	sb_puts(&b, "keep");
	assert_int_equal(osc52_encode(big, fits, OSC52_PLAIN, &b, NULL), 0);
	assert_true(b.len - 4 <= OSC52_MAX);
	sb_free(&b);
	sb_puts(&b, "keep");
	assert_int_equal(osc52_encode(big, fits + 3, OSC52_PLAIN, &b, NULL), Q_ETOOBIG);
	assert_string_equal(b.s, "keep");
	sb_free(&b);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_marks_and_orphans),
		cmocka_unit_test(test_text_is_terminal_safe),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_quote_of_entry),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_expand_path),
		cmocka_unit_test(test_write_modes),
		cmocka_unit_test(test_osc52_bytes),
		cmocka_unit_test(test_osc52_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
