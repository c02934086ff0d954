/* Every allocation failure of the headless layers, one at a time, as
 * SQLite tests them: the binary is linked with -Wl,--wrap for the
 * allocator (Makefile), so that the Nth allocation the core objects ask
 * for fails, for N = 1, 2, ... until a run needs fewer than N. Each run of
 * a scenario must end without a crash, return 0 or Q_ENOMEM (a failure may
 * also be absorbed: a warning not kept), and free what it allocated: ASan
 * (make SANITIZE=1 check) and valgrind (make valgrind) report a leak.
 *
 * Scenarios: text, doc (and one of many lines), wrap, quotes (alone and
 * one article after another through one quotes_work), tags, config, keymap, positions,
 * export, the corpus stream (folder, form feeds, JSON Lines) and search. Allocations inside libraries (libunistring, iniparser, libc's
 * realpath) cannot be made to fail this way; their callers' checks of the
 * results are covered where the results are NULL for other reasons. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "corpus.h"
#include "doc.h"
#include "error.h"
#include "export.h"
#include "keymap.h"
#include "positions.h"
#include "search.h"
#include "stream.h"
#include "quotes.h"
#include "strbuf.h"
#include "tags.h"
#include "text.h"
#include "wrap.h"

#include "nomem.h"

/* ---- scenarios ---- */

static char dir[64];   /* scratch folder */
static char path_buf[4][128];

static const char *in_dir(int slot, const char *name)
{
	snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
	return path_buf[slot];
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const char article[] =
	"Harbour talks go on\n\n"
	"The talks went on late into the night. \"We will not back down,\" said Jane Doe, who leads the union. "
	"Her colleague said: \"Nor will we.\"\n\n"
	"\xe2\x80\x9cIt is a good day,\xe2\x80\x9d the mayor said on Tuesday, and added that the port would open "
	"again \xe2\x80\x94 soon. A hyphen-\njoined word, a tab\there.\n\n"
	"\xc2\xab" "C'est fini\xc2\xbb, a d\xc3\xa9" "clar\xc3\xa9 le ministre.\n";

static int scenario_text(void)
{
	static const char latin1[] = "Caf\xe9 \x93" "quoted\x94 \x80 and \x1b[31m red \xc2\x9b csi";
	char *out = NULL;
	size_t n;
	int rc = text_convert(TEXT_CP1252, latin1, sizeof latin1 - 1, &out, &n);
	if (!rc) {
		free(out);
		out = NULL;
		static const char utf16[] = "\xff\xfeH\0i\0 \0\x3d\xd8\x00\xde";
		rc = text_convert(TEXT_UTF16LE, utf16 + 2, sizeof utf16 - 3, &out, &n);
	}
	free(out);
	out = NULL;
	if (!rc)
		rc = text_sanitize(latin1, sizeof latin1 - 1, &out, &n);
	free(out);
	out = NULL;
	if (!rc)
		rc = text_sanitize_line(article, sizeof article - 1, &out, &n);
	free(out);
	return rc;
}

static int scenario_doc(void)
{
	doc *d = NULL;
	int rc = doc_from_bytes("a.txt", article, sizeof article - 1, &d);
	if (rc)
		return rc;
	char *flat = doc_flat_text(d, 0, d->len);
	rc = flat ? 0 : Q_ENOMEM;
	free(flat);
	doc_free(d);
	return rc;
}

/* A hard-wrapped text of many short lines: the headline's and the wrap's
 * lines are kept in an array that grows as they are read. */
static int scenario_doc_lines(void)
{
	char text[200 * 32], *o = text;
	for (int i = 0; i < 200; i++)
		o += sprintf(o, "Line %03d of a wrapped report\n", i);
	doc *d = NULL;
	int rc = doc_from_bytes("w.txt", text, (size_t)(o - text), &d);
	if (!rc && !d->hard_wrapped)
		rc = Q_EUSAGE;
	doc_free(d);
	return rc;
}

static int scenario_wrap(void)
{
	doc *d = NULL;
	int rc = doc_from_bytes("a.txt", article, sizeof article - 1, &d);
	if (rc)
		return rc;
	wrap_row *rows = NULL;
	size_t nrows = 0, cap = 0;
	for (size_t p = 0; !rc && p < d->npara; p++)
		rc = wrap_range(d->text, d->para[p].start, d->para[p].end, p, 17, 8, &rows, &nrows, &cap);
	free(rows);
	wrap_view *v = rc ? NULL : wrap_view_new(d, 0, 23, 8);
	if (!rc && !v)
		rc = Q_ENOMEM;
	if (v) {
		wrap_row out[8];
		wrap_view_rows(v, 0, out, 8);
		wrap_view_move(v, 0, 5);
		wrap_view_set_width(v, 11);
		wrap_view_row_start(v, d->len / 2);
		wrap_view_free(v);
	}
	doc_free(d);
	return rc;
}

static int scenario_quotes(void)
{
	doc *d = NULL;
	int rc = doc_from_bytes("a.txt", article, sizeof article - 1, &d);
	if (rc)
		return rc;
	quotes_opts o;
	quotes_opts_init(&o);
	o.nested = true;
	rc = quotes_opts_add_cues(&o, "en", "remarked, quipped, pointed out");
	quote_list l = { 0 };
	if (!rc)
		rc = quotes_find(d, &o, &l);
	for (size_t i = 0; !rc && i < l.n; i++) {
		char *t = quote_text(d, &l.v[i]);
		rc = t ? 0 : Q_ENOMEM;
		free(t);
	}
	quote_list_free(&l);
	quotes_opts_free(&o);
	doc_free(d);
	return rc;
}

/* quoth quotes' way: the weights combined once (without memory for it,
 * each article) and the texts kept with the ids (without memory for them,
 * made again by quote_text); a kept text is quote_text's */
static int scenario_quotes_kept(void)
{
	doc *d = NULL;
	int rc = doc_from_bytes("a.txt", article, sizeof article - 1, &d);
	if (rc)
		return rc;
	quotes_opts o;
	quotes_opts_init(&o);
	o.keep_text = true;
	(void)quotes_opts_fix_model(&o);
	quote_list l = { 0 };
	rc = quotes_find(d, &o, &l);
	for (size_t i = 0; !rc && i < l.n; i++) {
		char *t = quote_text(d, &l.v[i]);
		rc = !t ? Q_ENOMEM : l.v[i].text && strcmp(t, l.v[i].text) ? Q_EUSAGE : 0;
		free(t);
	}
	quote_list_free(&l);
	quotes_opts_free(&o);
	doc_free(d);
	return rc;
}

/* quoth quotes' threads' way: one quotes_work for the articles one after
 * another, the next one read whatever became of the one before (a
 * failure leaves the work fit for the next article) */
static int scenario_quotes_work(void)
{
	static const char small[] = "Short news\n\n\"We are ready,\" said the coach.\n";
	quotes_work *w = quotes_work_new();
	if (!w)
		return Q_ENOMEM;
	int rc = 0;
	const char *texts[] = { small, article, small, article };
	size_t lens[] = { sizeof small - 1, sizeof article - 1, sizeof small - 1, sizeof article - 1 };
	for (size_t k = 0; k < 4; k++) {
		doc *d = NULL;
		int r = doc_from_bytes("a.txt", texts[k], lens[k], &d);
		quote_list l = { 0 };
		if (!r)
			r = quotes_find_with(d, NULL, w, &l);
		quote_list_free(&l);
		doc_free(d);
		rc = rc ? rc : r;
	}
	quotes_work_free(w);
	return rc;
}

#define J_HEAD "# quoth tag journal, format 1\n"
#define J_REC "1\tq\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tWe will\tJane\tStrike\t/c/a.txt\n" \
              "1\t+\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tclaim\n" \
              "1\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000000\tdenial\n" \
              "1\t-\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000001\tdenial\n" \
              "2\tz\tfrom a newer quoth\n" \
              "garbage\n"

static int scenario_tags(void)
{
	const char *store = in_dir(0, "tags");
	mkdir(store, 0700);
	unlink(in_dir(1, "tags/tags.journal"));
	put_file(path_buf[1], J_HEAD J_REC "1\t+\t1111111111111111\taaaaaaaaaaaaaaa3\t1700000002\tlast");
	tags_store *s = NULL;
	char *w = NULL;
	int rc = tags_open(store, &s, &w);
	free(w);
	if (rc)
		return rc;
	const tag_meta meta = { "A quote", "A Speaker", "A title", "/c/a.txt" };
	rc = tags_set(s, 0x1111111111111111ull, 0xaaaaaaaaaaaaaaa4ull, "promise", true, &meta);
	bool on;
	if (!rc)
		rc = tags_toggle(s, 0x1111111111111111ull, 0xaaaaaaaaaaaaaaa1ull, "claim", NULL, &on);
	const char *tags[] = { "claim", "promise", "absent" }, *paths[] = { "/c/a.txt" };
	const uint64_t arts[] = { 0x1111111111111111ull, 7 }, quotes[] = { 0xaaaaaaaaaaaaaaa4ull };
	const tag_entry **v = NULL;
	size_t n;
	if (!rc)
		rc = tags_query(s, &(tags_filter){ .tags = tags, .ntags = 3, .arts = arts, .narts = 2, .paths = paths,
		                                   .npaths = 1 }, &v, &n);
	free(v);
	const char **names = NULL;
	size_t *counts = NULL;
	if (!rc)
		rc = tags_names(s, &names, &counts, &n);
	free(names);
	free(counts);
	if (!rc)
		rc = tags_reconcile(s, 0x2222222222222222ull, "/c/a.txt", quotes, 1, &n);
	if (!rc) {
		rc = tags_sync(s, &w);
		free(w);
	}
	if (!rc)
		rc = tags_compact(s);
	int closed = tags_close(s);
	return rc ? rc : closed;
}

static int scenario_config(void)
{
	struct config c;
	warnings w;
	warnings_init(&w);
	int rc = config_load_all(&c, in_dir(0, "cli.ini"), &w);
	config_free(&c);
	warnings_free(&w);
	return rc;
}

static int scenario_keymap(void)
{
	struct config c;
	int rc = config_init(&c);
	warnings w;
	warnings_init(&w);
	keymap *km = NULL;
	if (!rc) {
		free(c.keymap);
		c.keymap = strdup("keymaps/vi.ini");
		c.keymap_override = strdup(in_dir(0, "override.ini"));
		rc = c.keymap && c.keymap_override ? 0 : Q_ENOMEM;
	}
	if (!rc)
		rc = (km = keymap_for_config(&c, &w)) ? 0 : Q_ENOMEM;
	help h = { 0 };
	if (!rc)
		rc = keyhelp_build(km, (const char *const *)c.tag_names, &h);
	keyhelp_free(&h);
	keymap_free(km);
	warnings_free(&w);
	config_free(&c);
	return rc;
}

static int scenario_positions(void)
{
	const char *pdir = in_dir(0, "pos");
	mkdir(pdir, 0700);
	put_file(in_dir(1, "pos/positions"), "1\t2222222222222222\t10\t3\t00000000000000aa\t1700000000\n"
	                                     "1\t1111111111111111\t20\t-1\t0000000000000000\t1700000001\nbad line\n");
	positions *p = NULL;
	char *w = NULL;
	int rc = positions_open(pdir, &p, &w);
	free(w);
	if (rc)
		return rc;
	position pos = { .top = 5, .quote = 1, .quote_id = 0xbb };
	rc = positions_set(p, 0x3333333333333333ull, &pos);
	if (!rc)
		rc = positions_save(p);
	int closed = positions_close(p);
	return rc ? rc : closed;
}

static int scenario_export(void)
{
	doc *d = NULL;
	int rc = doc_from_bytes("a.txt", article, sizeof article - 1, &d);
	if (rc)
		return rc;
	const char *tags[] = { "claim", "a\x1b[31mtag" };
	export_quote q[2] = {
		{ "\xe2\x80\x9cWe will\xe2\x80\x9d", "Jane \x1b]0;x\x07", "Title", "/c/a.txt", 1, 2, tags, 2, false },
		{ "", NULL, "T", "", 3, 4, NULL, 0, true },
	};
	strbuf out;
	for (int f = EXPORT_TEXT; !rc && f <= EXPORT_JSONL; f++) {
		sb_init(&out);
		export_quotes(&out, (enum export_format)f, q, 2);
		rc = out.failed ? Q_ENOMEM : export_write(in_dir(0, "export.txt"), out.s, out.len, EXPORT_OVERWRITE,
		                                          (enum export_format)f);
		if (!rc)
			rc = export_write(path_buf[0], out.s, out.len, EXPORT_APPEND, (enum export_format)f);
		sb_free(&out);
	}
	sb_init(&out);
	if (!rc)
		export_selection(&out, d, 3, d->len - 3);
	strbuf seq;
	sb_init(&seq);
	if (!rc)
		rc = out.failed ? Q_ENOMEM : osc52_encode(out.s, out.len, OSC52_TMUX_PASSTHROUGH, &seq, NULL);
	char *p = NULL;
	if (!rc)
		rc = export_expand_path("~/x", &p);
	free(p);
	sb_free(&seq);
	sb_free(&out);
	doc_free(d);
	return rc;
}

/* The corpus layer: a folder of a text article, a form-feed file and a
 * JSON Lines file, cut into pieces and decoded into articles. */
static int count_article(void *ctx, const corpus_article *a)
{
	(void)a;
	++*(size_t *)ctx;
	return 0;
}

static int scenario_stream(void)
{
	corpus_opts o = { .input = CORPUS_AUTO, .article_ids = true };
	char *paths[] = { (char *)in_dir(1, "corpus") };
	corpus_stream *st = NULL;
	int rc = corpus_open(&o, paths, 1, &st);
	corpus_decoder *dec = corpus_decoder_new();   /* NULL without memory: each record makes its parser */
	size_t articles = 0;
	while (!rc) {
		corpus_piece p;
		int got = corpus_next(st, &p);
		if (got <= 0) {
			rc = got;
			break;
		}
		if (p.kind == PIECE_ERROR) {
			rc = p.error;
		} else {
			char *detail = NULL;
			rc = corpus_decode_with(dec, &o, &p, count_article, &articles, &detail);
			free(detail);
		}
		corpus_piece_free(&p);
	}
	corpus_decoder_free(dec);
	corpus_close(st);
	/* a failure must be said, never an article silently dropped */
	if (!rc && articles != 5)
		rc = Q_EUSAGE;
	return rc;
}

/* The reader's list of the same corpus: the folder (its dump a row a
 * record) and the form-feed file named (a row a page), each row titled,
 * loaded and labelled. A row that could not be made is said (Q_ENOMEM),
 * never dropped: 4 rows from the folder, 2 from the file. */
static int reader_rows(corpus *c)
{
	int rc = 0;
	for (size_t i = 0; i < c->n && !rc; i++) {
		corpus_title(c, i);
		doc *d = corpus_doc(c, i, SIZE_MAX);
		char *label = corpus_item_label(c, i), *name = corpus_item_name(c, i);
		if (!label || !name || (!d && c->v[i].error == Q_ENOMEM))
			rc = Q_ENOMEM;
		else if (!d)
			rc = c->v[i].error ? c->v[i].error : Q_EUSAGE;
		free(label);
		free(name);
	}
	return rc;
}

static int scenario_reader(void)
{
	corpus c;
	corpus_init(&c);
	int rc = corpus_add_path(&c, in_dir(1, "corpus"));
	size_t folder = c.n;
	if (!rc)
		rc = corpus_add_path(&c, in_dir(1, "corpus/sub/pages.txt"));
	if (!rc && (folder != 4 || c.n != 6))
		rc = Q_EUSAGE;
	if (!rc)
		rc = reader_rows(&c);
	corpus_free(&c);
	return rc;
}

/* The search engine: a pattern folded, every match, and the fast scan. */
static int scenario_search(void)
{
	static const char pat[] = "talks";
	char *pattern = search_fold_pattern(pat, sizeof pat - 1);
	if (!pattern)
		return Q_ENOMEM;
	search_hits hits = { 0 };
	int rc = search_all(article, 0, sizeof article - 1, pattern, &hits);
	search_hits_free(&hits);
	search_hits more = { 0 };
	search_scan *scan = rc ? NULL : search_scan_new(pattern, article, sizeof article - 1);
	if (!rc && !scan)
		rc = Q_ENOMEM;
	if (scan)
		rc = search_scan_run(scan, article, sizeof article - 1, 0, sizeof article - 1, false, &more);
	search_scan_free(scan);
	search_hits_free(&more);
	free(pattern);
	return rc;
}

/* ---- the tests ---- */

static int setup(void **state)
{
	strcpy(dir, "/tmp/quoth-nomem-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	/* a user config and a --config on top, with a little of everything */
	char xdg[96];
	snprintf(xdg, sizeof xdg, "%s/xdg/quoth", dir);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", xdg);
	if (system(cmd) != 0)
		return -1;
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("HOME", dir, 1);
	put_file(in_dir(0, "xdg/quoth/config.ini"), "[ui]\nmouse = no\nkeymap = vi\n[tags]\n1 = claim\n");
	put_file(in_dir(0, "cli.ini"),
	         "[ui]\nkeymap = ./keys.ini\nsearch_history = 20\n[layout]\nlist_width = 30\nbogus = 1\n[tags]\n2 = pro\n"
	         "[colors]\ncursor = red on blue bold\nnope = x\n[mono]\nquote = bold\n[quotes]\n"
	         "cue_verbs_en = remarked, quipped\ncue_verbs_da = sagde\n[unknown]\nx = y\nnot a line\n");
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/corpus/sub'", dir);
	if (system(cmd) != 0)
		return -1;
	put_file(in_dir(0, "corpus/a.txt"), article);
	put_file(in_dir(0, "corpus/sub/pages.txt"), "First page\n\n\"One two three four,\" she said.\n\f\nSecond page\n\nMore text.\n");
	put_file(in_dir(0, "corpus/sub/dump.jsonl"),
	         "{\"title\":\"A\",\"text\":\"\\\"Five six seven eight,\\\" he said.\",\"url\":\"u\",\"date\":\"d\"}\n"
	         "{\"title\":\"B\",\"maintext\":\"Plain words.\",\"source_domain\":\"s\"}\n");
	put_file(in_dir(0, "override.ini"), "[global]\nquit = Q\nnone = q\nbogus = x\n[text]\nmove_down = j, Florp\n");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static void test_text(void **state) { each_failure("text", scenario_text); }
static void test_doc(void **state) { each_failure("doc", scenario_doc); }
static void test_doc_lines(void **state) { each_failure("doc lines", scenario_doc_lines); }
static void test_wrap(void **state) { each_failure("wrap", scenario_wrap); }
static void test_quotes(void **state) { each_failure("quotes", scenario_quotes); }
static void test_quotes_kept(void **state) { each_failure("quotes kept", scenario_quotes_kept); }
static void test_quotes_work(void **state) { each_failure("quotes work", scenario_quotes_work); }
static void test_tags(void **state) { each_failure("tags", scenario_tags); }
static void test_config(void **state) { each_failure("config", scenario_config); }
static void test_keymap(void **state) { each_failure("keymap", scenario_keymap); }
static void test_positions(void **state) { each_failure("positions", scenario_positions); }
static void test_export(void **state) { each_failure("export", scenario_export); }
static void test_stream(void **state) { each_failure("stream", scenario_stream); }
static void test_search(void **state) { each_failure("search", scenario_search); }
static void test_reader(void **state) { each_failure("reader", scenario_reader); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_doc_lines),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_quotes_kept),
		cmocka_unit_test(test_quotes_work),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_reader),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
