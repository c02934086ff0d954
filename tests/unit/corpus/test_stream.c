#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>
#include "doc.h"
#include "error.h"
#include "gzcut.h"
#include "stream.h"

static char root[64];

static void put_n(const char *rel, const char *body, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(body, 1, n, f), n);
	fclose(f);
}

static void put(const char *rel, const char *body)
{
	put_n(rel, body, strlen(body));
}

static void put_gz(const char *rel, const char *body, size_t cut)
{
	uLongf n = compressBound(strlen(body)) + 64;
	unsigned char *z = malloc(n);
	/* a gzip stream: deflate with a gzip header */
	z_stream zs = { 0 };
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)body;
	zs.avail_in = (uInt)strlen(body);
	zs.next_out = z;
	zs.avail_out = (uInt)n;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t len = zs.total_out;
	deflateEnd(&zs);
	put_n(rel, (const char *)z, cut ? len - cut : len);
	free(z);
}

/* gzip data of body cut right after it (gzcut.h). */
static void put_gz_cut_after(const char *rel, const char *body)
{
	unsigned char z[1024] = { 0 };
	size_t n = gz_cut_after(body, z, sizeof z);
	assert_true(n > 0);
	put_n(rel, (const char *)z, n);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/quoth-stream-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

/* What each piece became, one line each: "WHERE kind title|text-start" or
 * "WHERE !message", appended to a buffer. */
typedef struct seen {
	char buf[1 << 16];
	size_t n;
} seen;

static int on_article(void *ctx, const corpus_article *a)
{
	seen *s = ctx;
	char *where = corpus_where(a->piece);
	s->n += (size_t)snprintf(s->buf + s->n, sizeof s->buf - s->n, "%s @%zu [%s] %.12s|%s|%s|%s\n", where, a->offset,
	                         a->doc->title, a->doc->text, a->url ? a->url : "-", a->date ? a->date : "-",
	                         a->source ? a->source : "-");
	free(where);
	return 0;
}

static void run_with(corpus_decoder *dec, const corpus_opts *o, char **paths, size_t n, seen *s);

static void run(const corpus_opts *o, char **paths, size_t n, seen *s)
{
	run_with(NULL, o, paths, n, s);
}

/* One piece into s: its articles, or its message. */
static void note_piece(corpus_decoder *dec, const corpus_opts *o, corpus_piece *p, seen *s)
{
	char *detail = NULL;
	int e = corpus_decode_with(dec, o, p, on_article, s, &detail);
	if (e) {
		char *where = corpus_where(p);
		s->n += (size_t)snprintf(s->buf + s->n, sizeof s->buf - s->n, "%s !%s\n", where,
		                         detail ? detail : error_message(e));
		free(where);
	}
	free(detail);
}

/* A piece into s: a file handed out read through corpus_file_next. */
static void note_any(const corpus_opts *o, corpus_piece *p, seen *s, size_t *handed)
{
	corpus_piece q;
	int rc;
	if (p->kind != PIECE_FILE) {
		note_piece(NULL, o, p, s);
		return;
	}
	++*handed;
	while ((rc = corpus_file_next(p, &q)) == 1) {
		assert_int_not_equal(q.kind, PIECE_FILE);
		note_piece(NULL, o, &q, s);
		corpus_piece_free(&q);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(corpus_file_next(p, &q), 0);   /* done stays done */
}

/* The stream over paths into s, handing files out when most > 0: their
 * pieces then read through corpus_file_next, counted in *handed. Each
 * piece is taken with up to batch - 1 pieces after it (corpus_next_ready)
 * before any of them is read. */
static void run_batches(const corpus_opts *o, char **paths, size_t n, seen *s, size_t most, size_t batch,
                        size_t *handed)
{
	corpus_stream *cs;
	assert_int_equal(corpus_open(o, paths, n, &cs), 0);
	corpus_hand_out(cs, most);
	corpus_piece p[8];
	int rc;
	s->n = 0;
	*handed = 0;
	while ((rc = corpus_next(cs, &p[0])) == 1) {
		size_t k = 1;
		while (k < batch && (rc = corpus_next_ready(cs, &p[k])) == 1) {
			assert_true(p[k].kind == PIECE_FILE || p[k].kind == PIECE_ERROR || p[k].kind == PIECE_JSON);
			k++;
		}
		assert_true(rc >= 0);
		for (size_t i = 0; i < k; i++) {
			note_any(o, &p[i], s, handed);
			corpus_piece_free(&p[i]);
		}
	}
	assert_int_equal(rc, 0);
	corpus_close(cs);
}

static void run_handing(const corpus_opts *o, char **paths, size_t n, seen *s, size_t most, size_t *handed)
{
	run_batches(o, paths, n, s, most, 1, handed);
}

static void run_with(corpus_decoder *dec, const corpus_opts *o, char **paths, size_t n, seen *s)
{
	corpus_stream *cs;
	assert_int_equal(corpus_open(o, paths, n, &cs), 0);
	corpus_piece p;
	int rc;
	s->n = 0;
	while ((rc = corpus_next(cs, &p)) == 1) {
		note_piece(dec, o, &p, s);
		corpus_piece_free(&p);
	}
	assert_int_equal(rc, 0);
	corpus_close(cs);
}

/* the paths in s->buf, with root cut off */
static const char *rel(seen *s)
{
	size_t k = strlen(root) + 1, o = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!strncmp(s->buf + i, root, k - 1) && s->buf[i + k - 1] == '/')
			i += k;
		s->buf[o++] = s->buf[i];
	}
	s->buf[o] = '\0';
	return s->buf;
}

static void test_folder_of_every_kind(void **state)
{
	char p[128];
	snprintf(p, sizeof p, "%s/sub", root);
	mkdir(p, 0700);
	put("a.txt", "First one\n\nBody a.\n");
	put("sub/b.txt", "Page one\n\nBody.\n\f\nPage two\n\nBody.\n\f\n\f\n");
	put("c.jsonl", "{\"title\":\"Json one\",\"text\":\"Text one.\",\"url\":\"http://x/1\",\"date_publish\":\"2024-01-02\",\"source_domain\":\"x\"}\n"
	               "\n"
	               "{\"maintext\":\"Only main text here.\",\"date\":20240103}\r\n");
	put_gz("d.txt.gz", "Zipped head\n\nZipped body.\n", 0);
	put("e.csv", "skipped,by,the,walk\n");
	seen s;
	corpus_opts o = { 0 };
	char *paths[] = { root };
	run(&o, paths, 1, &s);
	assert_string_equal(rel(&s),
		"a.txt @0 [First one] First one\n\nB|-|-|-\n"
		"c.jsonl:1 @0 [Json one] Text one.|http://x/1|2024-01-02|x\n"
		"c.jsonl:3 @0 [Only main text here.] Only main te|-|20240103|-\n"
		"d.txt.gz @0 [Zipped head] Zipped head\n|-|-|-\n"
		"sub/b.txt #1 @0 [Page one] Page one\n\nBo|-|-|-\n"
		"sub/b.txt #2 @0 [Page two] Page two\n\nBo|-|-|-\n");
}

static void test_json_lines_that_are_wrong(void **state)
{
	put("bad.jsonl",
	    "not json at all\n"
	    "{\"text\": 42}\n"
	    "{\"title\": \"no text\"}\n"
	    "[\"an array\"]\n"
	    "{\"text\": \"cut short\n"
	    "{\"text\": \"ok\"} trailing\n"
	    "{\"text\": \"   \"}\n"
	    "{\"text\": \"esc \\u001b[2J and nul \\u0000 and bad \xff\xfe bytes\"}\n"
	    "{\"text\": \"fine.\"}\n"
	    "{\"text\": \"\"}\n"
	    "\xEF\xBB\xBF{\"text\": \"after a mark.\"}");
	seen s;
	corpus_opts o = { 0 };
	char path[128];
	snprintf(path, sizeof path, "%s/bad.jsonl", root);
	char *paths[] = { path };
	run(&o, paths, 1, &s);
	const char *got = rel(&s);
	assert_non_null(strstr(got, "bad.jsonl:1 !not valid JSON Lines (not a JSON object), skipped"));
	assert_non_null(strstr(got, "bad.jsonl:2 !the field \"text\" is not a string, skipped"));
	assert_non_null(strstr(got, "bad.jsonl:3 !no text (no field text,maintext), skipped"));
	assert_non_null(strstr(got, "bad.jsonl:4 !not valid JSON Lines (not a JSON object), skipped"));
	assert_non_null(strstr(got, "bad.jsonl:5 !not valid JSON Lines"));
	assert_non_null(strstr(got, "bad.jsonl:6 !not valid JSON Lines (unexpected character), skipped"));
	assert_non_null(strstr(got, "bad.jsonl:7 !the field \"text\" is empty, skipped"));
	/* escapes and NUL become visible symbols, invalid UTF-8 U+FFFD: the text layer */
	assert_non_null(strstr(got, "bad.jsonl:8 @0 [esc \xE2\x90\x9B[2J and nul \xE2\x90\x80 and bad \xEF\xBF\xBD"));
	assert_non_null(strstr(got, "bad.jsonl:9 @0 [fine.]"));
	assert_non_null(strstr(got, "bad.jsonl:10 !the field \"text\" is empty, skipped"));
	assert_non_null(strstr(got, "bad.jsonl:11 @0 [after a mark.]"));
}

/* One decoder kept over many records (as each thread of quoth quotes
 * keeps one): good, bad, cut short and long records read as they do
 * with a parser a record, the parser of a long one not kept. */
static void test_a_kept_decoder_reads_the_same(void **state)
{
	size_t big = (2u << 20) + 100;   /* past what a decoder keeps */
	char *text = malloc(big + 200), *t = text;
	t += sprintf(t, "not json\n{\"text\": \"one.\"}\n{\"text\": \"cut short\n[1]\n{\"text\": \"");
	for (size_t i = 0; i < big; i++)
		*t++ = i % 7 ? 'w' : ' ';
	t += sprintf(t, ".\"}\n{\"title\": \"T\", \"text\": \"two.\"} x\n{\"text\": \"three.\"}\n");
	char path[128];
	snprintf(path, sizeof path, "%s/kept.jsonl", root);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fwrite(text, 1, (size_t)(t - text), f);
	fclose(f);
	free(text);
	static seen a, b;
	corpus_opts o = { 0 };
	char *paths[] = { path };
	run(&o, paths, 1, &a);
	corpus_decoder *dec = corpus_decoder_new();
	assert_non_null(dec);
	run_with(dec, &o, paths, 1, &b);
	run_with(dec, &o, paths, 1, &b);   /* and again with the same one */
	corpus_decoder_free(dec);
	corpus_decoder_free(NULL);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.buf, b.buf, a.n);
	a.buf[a.n] = '\0';
	assert_non_null(strstr(a.buf, "kept.jsonl:1 !not valid JSON Lines"));
	assert_non_null(strstr(a.buf, "kept.jsonl:2 @0 [one.]"));
	assert_non_null(strstr(a.buf, "kept.jsonl:3 !not valid JSON Lines"));
	assert_non_null(strstr(a.buf, "kept.jsonl:5 @0 [w"));
	assert_non_null(strstr(a.buf, "kept.jsonl:6 !not valid JSON Lines"));
	assert_non_null(strstr(a.buf, "kept.jsonl:7 @0 [three.]"));
}

static void test_text_and_title_fields(void **state)
{
	put("f.ndjson", "{\"body\":\"The body.\",\"headline\":\"The headline\",\"text\":\"not this\"}\n");
	seen s;
	corpus_opts o = { .text_fields = "body,text", .title_fields = "headline" };
	char path[128];
	snprintf(path, sizeof path, "%s/f.ndjson", root);
	char *paths[] = { path };
	run(&o, paths, 1, &s);
	assert_non_null(strstr(rel(&s), "f.ndjson:1 @0 [The headline] The body."));
	/* --input text reads the same file as one text article */
	o.input = CORPUS_TEXT;
	run(&o, paths, 1, &s);
	assert_non_null(strstr(rel(&s), "f.ndjson @0 [{\"body\":\"The"));
}

static void test_refused_files(void **state)
{
	put("empty.txt", "");
	put("blank.txt", " \n\f\n \n");
	put_n("bin.txt", "PK\x03\x04\0\0\0\0binary\0\0", 16);
	put_gz("cut.jsonl.gz", "{\"text\":\"one.\"}\n{\"text\":\"two.\"}\n{\"text\":\"three is long enough to be cut off.\"}\n", 12);
	put("empty.jsonl", "");
	put("blank.jsonl", "\n  \r\n\n");
	seen s;
	corpus_opts o = { 0 };
	char a[128], b[128], c[128], d[128], e[128], f[128], g[128];
	snprintf(a, sizeof a, "%s/empty.txt", root);
	snprintf(b, sizeof b, "%s/blank.txt", root);
	snprintf(c, sizeof c, "%s/bin.txt", root);
	snprintf(d, sizeof d, "%s/cut.jsonl.gz", root);
	snprintf(e, sizeof e, "%s/missing.txt", root);
	snprintf(f, sizeof f, "%s/empty.jsonl", root);
	snprintf(g, sizeof g, "%s/blank.jsonl", root);
	char *paths[] = { a, b, c, d, e, f, g };
	run(&o, paths, 7, &s);
	const char *got = rel(&s);
	assert_non_null(strstr(got, "empty.txt !empty file\n"));
	assert_non_null(strstr(got, "blank.txt !empty file\n"));
	assert_non_null(strstr(got, "bin.txt !binary file, not text\n"));
	/* what came before the cut is read, then the cut is reported */
	assert_non_null(strstr(got, "cut.jsonl.gz:1 @0 [one.]"));
	assert_non_null(strstr(got, "cut.jsonl.gz:3 !truncated gzip data"));
	assert_non_null(strstr(got, "missing.txt !no such file or directory\n"));
	/* JSON Lines with no record are empty as a text of blanks is */
	assert_non_null(strstr(got, "empty.jsonl !empty file\n"));
	assert_non_null(strstr(got, "blank.jsonl !empty file\n"));
}

/* An article over CORPUS_BIG comes in windows whose texts, one after
 * another, are the article's text, and whose offsets add up. */
static void test_big_article_in_windows(void **state)
{
	size_t n = 10u << 20;
	char *big = malloc(n + 1), *p = big;
	p += sprintf(p, "Big headline\n\n");
	for (int k = 0; p < big + n - 200; k++)
		p += sprintf(p, "Paragraph %d says \"quote %d\", said Someone.%s", k, k, k % 7 ? " " : "\n\n");
	size_t len = (size_t)(p - big);
	put_n("big.txt", big, len);
	char path[128];
	snprintf(path, sizeof path, "%s/big.txt", root);
	char *paths[] = { path };
	corpus_opts o = { 0 };
	corpus_stream *cs;
	assert_int_equal(corpus_open(&o, paths, 1, &cs), 0);
	corpus_piece pc;
	size_t at = 0, windows = 0;
	while (corpus_next(cs, &pc) == 1) {
		assert_int_equal(pc.kind, PIECE_WINDOW);
		assert_int_equal(pc.offset, at);
		assert_true(pc.len <= CORPUS_WINDOW + CORPUS_WINDOW / 2);
		assert_memory_equal(pc.bytes, big + at, pc.len);
		assert_string_equal(pc.title, "Big headline");
		at += pc.len;
		windows++;
		corpus_piece_free(&pc);
	}
	corpus_close(cs);
	assert_int_equal(at, len);
	assert_true(windows >= 8);
	free(big);
}

/* The pieces of one path, collected: kind, bytes, safe. */
static size_t pieces_of(const corpus_opts *o, const char *rel_path, corpus_piece *out, size_t max)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", root, rel_path);
	char *paths[] = { path };
	corpus_stream *cs;
	assert_int_equal(corpus_open(o, paths, 1, &cs), 0);
	size_t n = 0;
	int rc;
	while (n < max && (rc = corpus_next(cs, &out[n])) == 1)
		n++;
	corpus_close(cs);
	return n;
}

static void free_pieces(corpus_piece *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		corpus_piece_free(&p[i]);
}

/* A file's bytes come whole and NUL-terminated; display-safe ones are said
 * to be (their decoding then takes them as they are), others are not. */
static void test_safe_pieces_said_so(void **state)
{
	static const char one[] = "Head\n\n\xE2\x80\x9C" "Quoted,\xE2\x80\x9D said Ann Roe.\n";
	put("one.txt", one);
	put("crlf.txt", "Head\r\n\r\nBody.\r\n");
	put("bom.txt", "\xEF\xBB\xBFHead\n\nBody.\n");
	put("pages.txt", "Page one\n\nBody.\n\f\nPage two\n\nBody.\n");
	put("latin.txt", "Head\n\nCaf\xE9 in Windows-1252.\n");
	corpus_opts o = { 0 };
	corpus_piece p[4];
	assert_int_equal(pieces_of(&o, "one.txt", p, 4), 1);
	assert_int_equal(p[0].kind, PIECE_TEXT);
	assert_true(p[0].safe);
	assert_int_equal(p[0].len, sizeof one - 1);
	assert_memory_equal(p[0].bytes, one, sizeof one);   /* with its NUL */
	free_pieces(p, 1);
	const char *unsafe[] = { "crlf.txt", "bom.txt", "latin.txt" };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(pieces_of(&o, unsafe[i], p, 4), 1);
		assert_false(p[0].safe);
		free_pieces(p, 1);
	}
	/* the safe start of a file ends at its first form feed: its first article */
	assert_int_equal(pieces_of(&o, "pages.txt", p, 4), 2);
	assert_true(p[0].safe);
	assert_false(p[1].safe);
	assert_string_equal(p[1].bytes, "Page two\n\nBody.\n");
	free_pieces(p, 2);
}

static int keep_id(void *ctx, const corpus_article *a)
{
	*(uint64_t *)ctx = a->doc->id;
	return 0;
}

/* The article id is the hash of the raw bytes when asked for, else 0. */
static void test_article_ids_when_asked(void **state)
{
	static const char raw[] = "Head\n\nBody of an article.\n";
	static const char crlf[] = "Head\r\n\r\nBody of an article.\r\n";
	put("a.txt", raw);
	put("b.txt", crlf);
	const char *names[] = { "a.txt", "b.txt" };
	const char *bodies[] = { raw, crlf };
	for (int i = 0; i < 2; i++)
		for (int ids = 0; ids < 2; ids++) {
			corpus_opts o = { .article_ids = ids };
			corpus_piece p;
			assert_int_equal(pieces_of(&o, names[i], &p, 1), 1);
			uint64_t id = 7;
			char *detail = NULL;
			assert_int_equal(corpus_decode(&o, &p, keep_id, &id, &detail), 0);
			assert_true(id == (ids ? doc_article_id(bodies[i], strlen(bodies[i])) : 0));
			corpus_piece_free(&p);
		}
}

/* A file whose size says nothing (a kernel's file, size 0) is read to its
 * end all the same; a file of one byte is one article. */
static void test_sizes_that_say_little(void **state)
{
	corpus_opts o = { 0 };
	corpus_piece p[2];
	put("x.txt", "x");
	assert_int_equal(pieces_of(&o, "x.txt", p, 2), 1);
	assert_int_equal(p[0].len, 1);
	assert_string_equal(p[0].bytes, "x");
	free_pieces(p, 1);
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return;   /* no /proc here */
	fclose(f);
	char status[] = "/proc/self/status", *paths[] = { status };
	corpus_stream *cs;
	assert_int_equal(corpus_open(&o, paths, 1, &cs), 0);
	assert_int_equal(corpus_next(cs, &p[0]), 1);
	assert_int_equal(p[0].kind, PIECE_TEXT);
	assert_true(p[0].len > 20);
	assert_non_null(strstr(p[0].bytes, "Name:"));
	corpus_piece_free(&p[0]);
	corpus_close(cs);
}

/* Files handed out to be read elsewhere give the very pieces the stream
 * gives when it reads them itself; only files read whole are handed out. */
static void test_files_handed_out_read_the_same(void **state)
{
	char p[128];
	snprintf(p, sizeof p, "%s/sub", root);
	mkdir(p, 0700);
	put("a.txt", "First one\n\nBody a.\n");
	put("sub/b.txt", "Page one\n\nBody.\n\f\nPage two\n\nBody.\n\f\n\f\n");
	put("c.jsonl", "{\"title\":\"Json one\",\"text\":\"Text one.\"}\nnot json\n");
	put_gz("d.txt.gz", "Zipped head\n\nZipped body.\n", 0);
	put_gz("e.txt", "Zipped, named as text\n\nIts body.\n", 0);
	put_gz("f.txt", "Zipped and cut\n\nIts body is long enough to lose its end when cut.\n", 10);
	put("g.txt", "");
	put("h.txt", " \n\f\n \n");
	put_n("i.txt", "PK\x03\x04\0\0\0\0binary\0\0", 16);
	put_n("j.txt", "\xff\xfeT\0i\0t\0l\0e\0\n\0\n\0B\0o\0d\0y\0.\0\n\0", 28);
	size_t n = CORPUS_BIG + 4096;
	char *big = malloc(n + 1);
	memset(big, 'w', n);
	for (size_t i = 64; i < n; i += 64)
		big[i] = i % 640 ? ' ' : '\n';
	memcpy(big, "Big one\n\n", 9);
	put_n("k.txt", big, n);
	free(big);
	corpus_opts o = { 0 };
	char *paths[] = { root };
	static seen self, handed;
	size_t nhanded;
	run_handing(&o, paths, 1, &self, 0, &nhanded);
	assert_int_equal(nhanded, 0);
	run_handing(&o, paths, 1, &handed, 64, &nhanded);
	assert_string_equal(handed.buf, self.buf);
	/* a, b, e, f, g, h, i, j: not c (JSON Lines), d (named .gz), k (big) */
	assert_int_equal(nhanded, 8);
	for (size_t batch = 2; batch <= 8; batch *= 2) {   /* files taken a few at a time: the same */
		run_batches(&o, paths, 1, &handed, 64, batch, &nhanded);
		assert_string_equal(handed.buf, self.buf);
		assert_int_equal(nhanded, 8);
	}
	const char *got = rel(&handed);
	assert_non_null(strstr(got, "f.txt !truncated gzip data"));
	assert_non_null(strstr(got, "h.txt !empty file\n"));
	assert_non_null(strstr(got, "i.txt !binary file, not text\n"));
	assert_non_null(strstr(got, "j.txt @0 [Title] Title\n\nBody."));
	assert_non_null(strstr(got, "k.txt @0 [Big one]"));
}

/* A stream over a folder of three small files, handing out up to most
 * of them at once (the options and paths outlive the stream). */
static corpus_stream *three_files_handed_out(size_t most)
{
	static const corpus_opts o = { 0 };
	put("a.txt", "One\n\nBody.\n");
	put("b.txt", "Two\n\nBody.\n");
	put("c.txt", "Three\n\nBody.\n");
	static char *const paths[] = { root };
	corpus_stream *cs;
	assert_int_equal(corpus_open(&o, paths, 1, &cs), 0);
	corpus_hand_out(cs, most);
	return cs;
}

/* No more files are open at once than asked: past that, the stream reads
 * the next file itself. */
static void test_files_handed_out_are_bounded(void **state)
{
	corpus_stream *cs = three_files_handed_out(1);
	corpus_piece a, b, c;
	assert_int_equal(corpus_next(cs, &a), 1);
	assert_int_equal(a.kind, PIECE_FILE);
	assert_int_equal(corpus_next(cs, &b), 1);   /* a is still open */
	assert_int_equal(b.kind, PIECE_TEXT);
	corpus_piece_free(&a);                      /* closes it */
	assert_int_equal(corpus_next(cs, &c), 1);
	assert_int_equal(c.kind, PIECE_FILE);
	corpus_piece_free(&b);
	corpus_piece_free(&c);
	assert_int_equal(corpus_next(cs, &a), 0);
	corpus_close(cs);
}

/* A file handed out and freed on another thread gives its reader back to
 * the stream, for the next file: made on one thread and freed on another,
 * each reader went to the other thread's malloc arena, and two threads
 * slept on each other's arena lock. (The freeing thread waits until the
 * next file is taken: malloc could not give the same memory again.) */
typedef struct freer {
	corpus_piece *p;
	pthread_barrier_t *freed;
} freer;

static void *free_elsewhere(void *arg)
{
	freer *f = arg;
	corpus_piece_free(f->p);
	pthread_barrier_wait(f->freed);   /* freed */
	pthread_barrier_wait(f->freed);   /* the next file taken */
	return NULL;
}

static void test_readers_come_back_for_the_next_files(void **state)
{
	corpus_stream *cs = three_files_handed_out(8);
	corpus_piece a, b, c, t;
	assert_int_equal(corpus_next(cs, &a), 1);
	assert_int_equal(a.kind, PIECE_FILE);
	uintptr_t was = (uintptr_t)a.reader;
	pthread_barrier_t freed;
	pthread_barrier_init(&freed, NULL, 2);
	freer f = { &a, &freed };
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, free_elsewhere, &f), 0);
	pthread_barrier_wait(&freed);
	assert_int_equal(corpus_next(cs, &b), 1);
	pthread_barrier_wait(&freed);
	pthread_join(th, NULL);
	pthread_barrier_destroy(&freed);
	assert_int_equal(b.kind, PIECE_FILE);
	assert_true((uintptr_t)b.reader == was);
	/* read as the first one was not */
	assert_int_equal(corpus_file_next(&b, &t), 1);
	assert_int_equal(t.kind, PIECE_TEXT);
	assert_string_equal(t.bytes, "Two\n\nBody.\n");
	assert_non_null(strstr(t.path, "b.txt"));
	corpus_piece_free(&t);
	assert_int_equal(corpus_next(cs, &c), 1);   /* a new reader: none is spare */
	assert_int_equal(c.kind, PIECE_FILE);
	assert_true(c.reader != b.reader);
	corpus_piece_free(&c);   /* spare, unread: corpus_close frees it */
	corpus_piece_free(&b);
	assert_int_equal(corpus_next(cs, &a), 0);
	corpus_close(cs);
}

/* A file removed after its folder was listed and before it was opened is
 * said so, in its place, and the files after it are read. */
static void test_file_removed_after_the_walk(void **state)
{
	put("a.txt", "One\n\nBody.\n");
	put("b.txt", "Two\n\nBody.\n");
	put("c.txt", "Three\n\nBody.\n");
	for (size_t most = 0; most <= 8; most += 8) {
		corpus_opts o = { 0 };
		char *paths[] = { root }, gone[160];
		corpus_stream *cs;
		assert_int_equal(corpus_open(&o, paths, 1, &cs), 0);
		corpus_hand_out(cs, most);
		corpus_piece p;
		assert_int_equal(corpus_next(cs, &p), 1);   /* a.txt: the folder is listed */
		corpus_piece_free(&p);
		snprintf(gone, sizeof gone, "%s/b.txt", root);
		assert_int_equal(unlink(gone), 0);
		assert_int_equal(corpus_next(cs, &p), 1);
		assert_int_equal(p.kind, PIECE_ERROR);
		assert_int_equal(p.error, Q_ENOENT);
		assert_string_equal(p.path, gone);
		corpus_piece_free(&p);
		assert_int_equal(corpus_next(cs, &p), 1);
		assert_int_equal(p.kind, most ? PIECE_FILE : PIECE_TEXT);
		corpus_piece_free(&p);
		corpus_close(cs);
		put("b.txt", "Two\n\nBody.\n");
	}
}

/* Standard input from a new pipe (fds: its ends); returns the input it
 * replaced, for stdin_restore. */
static int stdin_from_pipe(int fds[2])
{
	int saved = dup(STDIN_FILENO);
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	return saved;
}

static void stdin_restore(int saved, int read_end)
{
	dup2(saved, STDIN_FILENO);
	close(saved);
	close(read_end);
}

/* A JSON Lines stream of "-" whose standard input is a new pipe holding
 * held (fds: its ends; *saved: the input it replaced, for stdin_restore).
 * The stream keeps its paths and options: they outlive it here. */
static corpus_stream *jsonl_stdin_holding(const char *held, int fds[2], int *saved)
{
	static char dash[] = "-";
	static char *const paths[] = { dash };
	static const corpus_opts jsonl = { .input = CORPUS_JSONL };
	*saved = stdin_from_pipe(fds);
	assert_int_equal(write(fds[1], held, strlen(held)), (ssize_t)strlen(held));
	corpus_stream *cs;
	assert_int_equal(corpus_open(&jsonl, paths, 1, &cs), 0);
	return cs;
}

/* corpus_next_ready gives files and the messages of those that do not
 * open; what the stream reads itself (standard input here, a pipe with
 * nothing in it yet) it leaves unread for corpus_next. */
static void test_next_ready_reads_no_file(void **state)
{
	put("a.txt", "One\n\nBody.\n");
	put("c.txt", "Three\n\nBody.\n");
	char a[128], gone[128], c[128], dash[] = "-";
	snprintf(a, sizeof a, "%s/a.txt", root);
	snprintf(gone, sizeof gone, "%s/b.txt", root);
	snprintf(c, sizeof c, "%s/c.txt", root);
	char *paths[] = { a, gone, c, dash };
	int fds[2], saved = stdin_from_pipe(fds);
	assert_int_equal(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);   /* a read would fail, not wait */
	corpus_opts o = { 0 };
	corpus_stream *cs;
	assert_int_equal(corpus_open(&o, paths, 4, &cs), 0);
	corpus_hand_out(cs, 8);
	corpus_piece p;
	assert_int_equal(corpus_next_ready(cs, &p), 1);
	assert_int_equal(p.kind, PIECE_FILE);
	assert_int_equal(p.size, 11);
	corpus_piece_free(&p);
	assert_int_equal(corpus_next_ready(cs, &p), 1);
	assert_int_equal(p.kind, PIECE_ERROR);
	assert_int_equal(p.error, Q_ENOENT);
	corpus_piece_free(&p);
	assert_int_equal(corpus_next_ready(cs, &p), 1);
	assert_int_equal(p.kind, PIECE_FILE);
	corpus_piece_free(&p);
	assert_int_equal(corpus_next_ready(cs, &p), 0);   /* "-": opened, not read */
	assert_int_equal(corpus_next_ready(cs, &p), 0);
	assert_int_equal(fcntl(fds[0], F_SETFL, 0), 0);
	assert_int_equal(write(fds[1], "Piped\n\nIn.\n", 11), 11);
	close(fds[1]);
	assert_int_equal(corpus_next(cs, &p), 1);
	assert_int_equal(p.kind, PIECE_TEXT);
	assert_string_equal(p.bytes, "Piped\n\nIn.\n");
	corpus_piece_free(&p);
	assert_int_equal(corpus_next(cs, &p), 0);
	assert_int_equal(corpus_next_ready(cs, &p), 0);
	corpus_close(cs);
	stdin_restore(saved, fds[0]);
}

/* corpus_next_ready gives the JSON Lines records already read whole and
 * reads no more: a record cut by the end of what a pipe held waits for
 * corpus_next. */
static void test_next_ready_gives_records_read(void **state)
{
	int fds[2], saved;
	corpus_stream *cs = jsonl_stdin_holding("{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n{\"text\":\"Thr", fds, &saved);
	corpus_piece p;
	assert_int_equal(corpus_next(cs, &p), 1);
	assert_string_equal(p.bytes, "{\"text\":\"One.\"}");
	corpus_piece_free(&p);
	assert_int_equal(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);   /* a read would fail, not wait */
	assert_int_equal(corpus_next_ready(cs, &p), 1);   /* past a blank line */
	assert_int_equal(p.kind, PIECE_JSON);
	assert_string_equal(p.bytes, "{\"text\":\"Two.\"}");
	assert_int_equal(p.article, 3);
	corpus_piece_free(&p);
	assert_int_equal(corpus_next_ready(cs, &p), 0);
	assert_int_equal(corpus_next_ready(cs, &p), 0);
	assert_int_equal(fcntl(fds[0], F_SETFL, 0), 0);
	assert_int_equal(write(fds[1], "ee.\"}\n", 6), 6);
	close(fds[1]);
	assert_int_equal(corpus_next(cs, &p), 1);
	assert_string_equal(p.bytes, "{\"text\":\"Three.\"}");
	corpus_piece_free(&p);
	assert_int_equal(corpus_next_ready(cs, &p), 0);   /* the end: the stream closes the input */
	assert_int_equal(corpus_next(cs, &p), 0);
	corpus_close(cs);
	stdin_restore(saved, fds[0]);
}

/* An empty JSON Lines standard input is no error (a distributed engine
 * may give a worker an empty split); an empty file is (test_refused_files). */
static void test_empty_json_lines_input_is_no_error(void **state)
{
	int fds[2], saved;
	corpus_stream *cs = jsonl_stdin_holding("\n\n", fds, &saved);
	close(fds[1]);
	corpus_piece p;
	assert_int_equal(corpus_next(cs, &p), 0);
	corpus_close(cs);
	stdin_restore(saved, fds[0]);
}

/* A JSON Lines file cut short is said at the line where it stopped: the
 * one it stopped inside, or the one after the last whole line, so that a
 * reader of the records (quoth index --import) names it as any line. */
static void test_cut_json_lines_say_the_line(void **state)
{
	put_gz_cut_after("inside.jsonl.gz", "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n{\"text\":\"Thr");
	put_gz_cut_after("after.jsonl.gz", "{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n");
	seen s;
	corpus_opts o = { 0 };
	char a[128], b[128];
	snprintf(a, sizeof a, "%s/inside.jsonl.gz", root);
	snprintf(b, sizeof b, "%s/after.jsonl.gz", root);
	char *paths[] = { a, b };
	run(&o, paths, 2, &s);
	const char *got = rel(&s);
	assert_non_null(strstr(got, "inside.jsonl.gz:2 @0 [Two.]"));
	assert_non_null(strstr(got, "inside.jsonl.gz:3 !not valid JSON Lines"));
	assert_non_null(strstr(got, "inside.jsonl.gz:3 !truncated gzip data"));
	assert_non_null(strstr(got, "after.jsonl.gz:3 @0 [Two.]"));
	assert_non_null(strstr(got, "after.jsonl.gz:4 !truncated gzip data"));
}

/* Writes two records into the named pipe once a reader has it open (for
 * 5 s at most: a reader that never comes fails the test, not hangs it). */
static void *write_pipe(void *arg)
{
	const char *path = arg;
	int fd = -1;
	for (int i = 0; i < 500 && fd < 0; i++)
		if ((fd = open(path, O_WRONLY | O_NONBLOCK)) < 0)
			usleep(10000);
	if (fd >= 0) {
		fcntl(fd, F_SETFL, 0);
		const char *t = "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n";
		ssize_t w = write(fd, t, strlen(t));
		(void)w;
		close(fd);
	}
	return NULL;
}

/* A named pipe given as a PATH is refused as a device is, unless the
 * caller reads pipes (an import of records made elsewhere): then its
 * records are read once a writer comes. */
static void test_named_pipe_when_asked(void **state)
{
	char path[128];
	snprintf(path, sizeof path, "%s/p.jsonl", root);
	assert_int_equal(mkfifo(path, 0600), 0);
	char *paths[] = { path };
	seen s;
	corpus_opts o = { .input = CORPUS_JSONL };
	run(&o, paths, 1, &s);
	assert_string_equal(rel(&s), "p.jsonl !not a regular file\n");
	o.pipes = true;
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, write_pipe, path), 0);
	run(&o, paths, 1, &s);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_string_equal(rel(&s), "p.jsonl:1 @0 [One.] One.|-|-|-\n"
	                             "p.jsonl:2 @0 [Two.] Two.|-|-|-\n");
}

static void test_form_feed_needs_its_own_line(void **state)
{
	put("ff.txt", "One\n\nA\ffeed inside a line.\n\f\r\nTwo\n\nEnd.");
	seen s;
	corpus_opts o = { 0 };
	char path[128];
	snprintf(path, sizeof path, "%s/ff.txt", root);
	char *paths[] = { path };
	run(&o, paths, 1, &s);
	assert_string_equal(rel(&s), "ff.txt #1 @0 [One] One\n\nA\xE2\x90\x8C" "fee|-|-|-\n"
	                             "ff.txt #2 @0 [Two] Two\n\nEnd.|-|-|-\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_folder_of_every_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_lines_that_are_wrong, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_kept_decoder_reads_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_and_title_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_big_article_in_windows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_feed_needs_its_own_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cut_json_lines_say_the_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_pipe_when_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files_handed_out_read_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files_handed_out_are_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_removed_after_the_walk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_ready_reads_no_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_ready_gives_records_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_json_lines_input_is_no_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_safe_pieces_said_so, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_ids_when_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sizes_that_say_little, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readers_come_back_for_the_next_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
