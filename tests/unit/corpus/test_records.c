/* The reader's list of a file of several articles: a JSON Lines file (a
 * row a record), a gzipped one, a text file cut by form-feed lines. Ids
 * and titles must be those the stream (quoth quotes) gives. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>
#include "corpus.h"
#include "error.h"
#include "stream.h"

static char root[64];

static const char jsonl[] =
	"{\"title\":\"Harbour plan approved\",\"text\":\"The council met.\\n\\n\\u201cWe are ready,\\u201d "
	"said the mayor.\",\"url\":\"https://example.org/a\",\"date\":\"2024-01-02\",\"source\":\"example.org\"}\n"
	"\n"
	"{\"text\":\"Second story headline\\n\\n\\u201cIt was cold,\\u201d the farmer said.\"}\r\n"
	"not json at all\n"
	"{\"text\":\"Fourth story\\n\\nNo quotes here.\"}";   /* no line end at the end */

static const char pages[] =
	"First page headline\n\nBody one.\n"
	"\f\n"
	"\n\f\n"   /* a blank article: not counted */
	"Second page headline\n\nBody two.\n";

static char *at(const char *rel)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	return path;
}

static void put(const char *rel, const char *body, size_t n)
{
	FILE *f = fopen(at(rel), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(body, 1, n, f), n);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/quoth-records-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	mkdir(at("dir"), 0700);
	put("dir/a.txt", "Plain headline\n\nBody.\n", 22);
	put("dir/pages.txt", pages, sizeof pages - 1);
	put("dir/z.jsonl", jsonl, sizeof jsonl - 1);
	put("d.jsonl", jsonl, sizeof jsonl - 1);
	put("empty.jsonl", "\n \n", 3);
	put("pages.txt", pages, sizeof pages - 1);
	gzFile g = gzopen(at("d.ndjson.gz"), "wb");
	if (!g)
		return -1;
	gzwrite(g, jsonl, sizeof jsonl - 1);
	gzclose(g);
	g = gzopen(at("one.txt.gz"), "wb");
	gzwrite(g, "Zipped headline\n\nBody.\n", 23);
	gzclose(g);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

typedef struct seen {
	uint64_t id[8];
	size_t number[8];
	size_t n;
} seen;

static int note(void *ctx, const corpus_article *a)
{
	seen *s = ctx;
	if (s->n < 8) {
		s->id[s->n] = a->doc->id;
		s->number[s->n++] = a->piece->article;
	}
	return 0;
}

static void quotes_ids(const char *path, seen *s)
{
	corpus_opts o = { .article_ids = true };
	char *paths[] = { (char *)path };
	corpus_stream *cs;
	memset(s, 0, sizeof *s);
	assert_int_equal(corpus_open(&o, paths, 1, &cs), 0);
	corpus_piece p;
	while (corpus_next(cs, &p) == 1) {
		char *detail = NULL;
		corpus_decode(&o, &p, note, s, &detail);
		free(detail);
		corpus_piece_free(&p);
	}
	corpus_close(cs);
}

/* Item i has the id the stream gave the article of its number. */
static void assert_same_id(corpus *c, size_t i, const seen *s)
{
	uint64_t id;
	assert_int_equal(corpus_item_id(c, i, &id), 0);
	for (size_t k = 0; k < s->n; k++)
		if (s->number[k] == c->v[i].number) {
			assert_true(s->id[k] != 0);
			assert_true(s->id[k] == id);
			return;
		}
	fail_msg("article %zu not in the stream", c->v[i].number);
}

static void test_jsonl_records_are_rows(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("d.jsonl")), 0);
	assert_int_equal(c.n, 4);   /* the blank line is no record */
	size_t lines[] = { 1, 3, 4, 5 };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(c.v[i].number, lines[i]);
		assert_null(c.v[i].title);   /* nothing parsed yet */
	}
	assert_string_equal(corpus_title(&c, 0), "Harbour plan approved");   /* the title field */
	assert_string_equal(corpus_title(&c, 1), "Second story headline");   /* its first line */
	assert_string_equal(corpus_title(&c, 3), "Fourth story");
	/* the malformed line: an error row, the others fine */
	corpus_title(&c, 2);
	assert_int_equal(c.v[2].error, Q_ESYNTAX);
	assert_non_null(c.v[2].detail);
	assert_non_null(strstr(c.v[2].detail, "not valid JSON Lines"));
	assert_null(corpus_doc(&c, 2, SIZE_MAX));
	char *name = corpus_display_name(&c, 2);
	assert_string_equal(name, "d.jsonl:4");
	free(name);

	doc *d = corpus_doc(&c, 1, SIZE_MAX);
	assert_non_null(d);
	assert_non_null(strstr(d->text, "It was cold"));
	assert_null(strstr(d->text, "\"text\""));   /* the article, not the JSON */
	char *real = realpath(at("d.jsonl"), NULL), want[300];
	snprintf(want, sizeof want, "%s:3", real);
	assert_string_equal(d->name, want);
	free(real);

	/* what the record says of the article: in the status line's label */
	assert_non_null(corpus_doc(&c, 0, SIZE_MAX));
	char *label = corpus_item_label(&c, 0);
	assert_non_null(strstr(label, "d.jsonl:1"));
	assert_non_null(strstr(label, "example.org"));
	assert_non_null(strstr(label, "2024-01-02"));
	assert_non_null(strstr(label, "https://example.org/a"));
	free(label);

	seen s;
	quotes_ids(at("d.jsonl"), &s);
	assert_same_id(&c, 0, &s);
	assert_same_id(&c, 1, &s);
	assert_same_id(&c, 3, &s);
	assert_true(c.v[0].id != c.v[1].id);
	/* found again by id, and by the name the tag store keeps */
	assert_int_equal(corpus_find(&c, c.v[1].id, ""), 1);
	snprintf(want, sizeof want, "%s", d->name);
	assert_int_equal(corpus_find(&c, 42, want), 1);
	corpus_free(&c);
}

static void test_ids_are_stable_across_runs(void **state)
{
	(void)state;
	uint64_t first = 0;
	for (int run = 0; run < 2; run++) {
		corpus c;
		corpus_init(&c);
		assert_int_equal(corpus_add_path(&c, at("d.jsonl")), 0);
		uint64_t id;
		assert_int_equal(corpus_item_id(&c, 1, &id), 0);
		if (run)
			assert_true(id == first);
		first = id;
		corpus_free(&c);
	}
}

static void test_empty_jsonl_is_one_error_row(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("empty.jsonl")), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].error, Q_EEMPTY);
	assert_string_equal(corpus_title(&c, 0), "empty.jsonl");
	corpus_free(&c);
}

static void test_gzip_files(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("d.ndjson.gz")), 0);
	assert_int_equal(corpus_add_path(&c, at("one.txt.gz")), 0);
	assert_int_equal(c.n, 5);
	assert_string_equal(corpus_title(&c, 0), "Harbour plan approved");
	assert_string_equal(corpus_title(&c, 3), "Fourth story");
	assert_string_equal(corpus_title(&c, 4), "Zipped headline");
	char *name = corpus_display_name(&c, 4);
	assert_string_equal(name, "one.txt.gz");   /* one article: no number */
	free(name);
	seen s;
	quotes_ids(at("d.ndjson.gz"), &s);
	assert_same_id(&c, 1, &s);
	quotes_ids(at("one.txt.gz"), &s);
	assert_same_id(&c, 4, &s);
	/* the same record, gzipped or not, is the same article */
	corpus plain;
	corpus_init(&plain);
	assert_int_equal(corpus_add_path(&plain, at("d.jsonl")), 0);
	uint64_t a, b;
	assert_int_equal(corpus_item_id(&plain, 1, &a), 0);
	assert_int_equal(corpus_item_id(&c, 1, &b), 0);
	assert_true(a == b);
	corpus_free(&plain);
	corpus_free(&c);
}

/* gzip cannot be read in place: over the limit it is refused, saying why. */
static void test_gzip_over_the_limit(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	c.gz_max = 16;
	assert_int_equal(corpus_add_path(&c, at("one.txt.gz")), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].error, Q_ETOOBIG);
	assert_non_null(strstr(c.v[0].detail, "gunzip it"));
	assert_null(corpus_doc(&c, 0, SIZE_MAX));
	corpus_free(&c);
}

static void test_form_feed_file_named(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("pages.txt")), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(corpus_title(&c, 0), "First page headline");
	assert_string_equal(corpus_title(&c, 1), "Second page headline");
	doc *d = corpus_doc(&c, 1, SIZE_MAX);
	assert_non_null(d);
	assert_null(strstr(d->text, "Body one"));
	char *name = corpus_display_name(&c, 1);
	assert_string_equal(name, "pages.txt #2");
	free(name);
	seen s;
	quotes_ids(at("pages.txt"), &s);
	assert_int_equal(s.n, 2);
	assert_same_id(&c, 0, &s);
	assert_same_id(&c, 1, &s);
	corpus_free(&c);
}

/* A folder gives its dumps too; its text files are not read when added
 * (a form-feed file there stays one article). */
static void test_folder_gives_dumps(void **state)
{
	(void)state;
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("dir")), 0);
	assert_int_equal(c.n, 6);   /* a.txt, pages.txt, z.jsonl's four */
	assert_non_null(strstr(c.v[0].path, "/a.txt"));
	assert_null(c.v[1].file);
	assert_non_null(strstr(c.v[2].path, "/z.jsonl"));
	assert_string_equal(corpus_title(&c, 2), "Harbour plan approved");
	corpus_free(&c);
}

/* A file shortened, or rewritten, after it was listed: an error row with
 * its reason, never a crash. */
static void test_file_changed_while_open(void **state)
{
	(void)state;
	put("moving.jsonl", jsonl, sizeof jsonl - 1);
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("moving.jsonl")), 0);
	assert_int_equal(c.n, 4);
	assert_string_equal(corpus_title(&c, 0), "Harbour plan approved");
	assert_int_equal(truncate(at("moving.jsonl"), 40), 0);
	assert_null(corpus_doc(&c, 3, SIZE_MAX));
	assert_int_equal(c.v[3].error, Q_EIO);
	assert_non_null(strstr(c.v[3].detail, "changed"));
	/* grown with other bytes: what is read there is not a record */
	put("moving.jsonl", "[1]\n[2]\n[3]\n[4]\n[5]\n[6]\n[7]\n[8]\n[9]\n", 36);
	char big[4096];
	memset(big, 'x', sizeof big);
	FILE *f = fopen(at("moving.jsonl"), "ab");
	fwrite(big, 1, sizeof big, f);
	fclose(f);
	assert_null(corpus_doc(&c, 1, SIZE_MAX));
	assert_int_equal(c.v[1].error, Q_ESYNTAX);
	corpus_free(&c);
}

/* Escapes in a record's title and metadata never reach the terminal. */
static void test_hostile_fields_are_display_safe(void **state)
{
	(void)state;
	static const char rec[] = "{\"title\":\"A\\u001b[2Jtitle\",\"text\":\"Body\\u009b text\","
	                          "\"url\":\"x\\u001b]52;c;AAAA\\u0007y\",\"source\":\"s\\nt\"}\n";
	put("hostile.jsonl", rec, sizeof rec - 1);
	corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, at("hostile.jsonl")), 0);
	const char *t = corpus_title(&c, 0);
	assert_null(strchr(t, 0x1B));
	assert_non_null(corpus_doc(&c, 0, SIZE_MAX));
	char *label = corpus_item_label(&c, 0);
	assert_non_null(label);
	assert_null(strchr(label, 0x1B));
	assert_null(strchr(label, 0x07));
	assert_null(strchr(label, '\n'));
	free(label);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_records_are_rows),
		cmocka_unit_test(test_ids_are_stable_across_runs),
		cmocka_unit_test(test_empty_jsonl_is_one_error_row),
		cmocka_unit_test(test_gzip_files),
		cmocka_unit_test(test_gzip_over_the_limit),
		cmocka_unit_test(test_form_feed_file_named),
		cmocka_unit_test(test_folder_gives_dumps),
		cmocka_unit_test(test_file_changed_while_open),
		cmocka_unit_test(test_hostile_fields_are_display_safe),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
