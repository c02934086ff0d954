/* The tag store: journal replay, torn lines, compaction, two processes,
 * newer formats, orphans, write errors and retry, file modes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "error.h"
#include "storetest.h"
#include "tags.h"

#define ART1 0x1111111111111111ull
#define ART2 0x2222222222222222ull
#define Q1 0xaaaaaaaaaaaaaaa1ull
#define Q2 0xaaaaaaaaaaaaaaa2ull
#define Q3 0xaaaaaaaaaaaaaaa3ull

static tags_store *open_ok(const char *dir, char **warnings)
{
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), 0);
	assert_non_null(s);
	if (warnings)
		*warnings = w;
	else
		free(w);
	return s;
}

static const tag_meta meta1 = { "We will not back down", "Jane Doe", "Strike at the harbour", "/corpus/a.txt" };

static void test_name_valid(void **state)
{
	assert_true(tags_name_valid("claim"));
	assert_true(tags_name_valid("påstand"));
	assert_true(tags_name_valid("主張"));
	assert_true(tags_name_valid("pro-EU"));
	assert_false(tags_name_valid(""));
	assert_false(tags_name_valid(NULL));
	assert_false(tags_name_valid("a b"));
	assert_false(tags_name_valid("a,b"));
	assert_false(tags_name_valid("a\tb"));
	assert_false(tags_name_valid("a\u00a0b"));
	assert_false(tags_name_valid("\x1b[31mred"));
	assert_false(tags_name_valid("bad\xff"));
	char longname[TAGS_NAME_MAX + 2];
	memset(longname, 'x', sizeof longname);
	longname[TAGS_NAME_MAX] = '\0';
	assert_true(tags_name_valid(longname));
	longname[TAGS_NAME_MAX] = 'x';
	longname[TAGS_NAME_MAX + 1] = '\0';
	assert_false(tags_name_valid(longname));
}

static void test_roundtrip_and_modes(void **state)
{
	char *base = make_dir();
	char *dir = path_in(base, "deep/quoth");   /* missing parents are created */
	mode_t old = umask(022);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_null(w);
	assert_int_equal(tags_pending(s), 0);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	assert_int_equal(tags_set(s, ART1, Q1, "denial", true, NULL), 0);
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &(tag_meta){ "Second", NULL, "Strike", NULL }), 0);
	assert_int_equal(tags_set(s, ART1, Q1, "bad name", true, NULL), Q_EUSAGE);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_count_article(s, ART1), 2);
	assert_int_equal(tags_close(s), 0);

	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	char *j = path_in(dir, "tags.journal"), *l = path_in(dir, "tags.lock");
	assert_int_equal(stat(j, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(l, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	s = open_ok(dir, &w);
	assert_null(w);
	const tag_entry *e = tags_get(s, ART1, Q1);
	assert_non_null(e);
	assert_int_equal(e->ntags, 2);
	assert_string_equal(e->tags[0], "claim");
	assert_string_equal(e->tags[1], "denial");
	assert_string_equal(e->text, "We will not back down");
	assert_string_equal(e->speaker, "Jane Doe");
	assert_string_equal(e->title, "Strike at the harbour");
	assert_string_equal(e->path, "/corpus/a.txt");
	assert_true(e->time > 1700000000);
	assert_string_equal(tags_get(s, ART1, Q2)->speaker, "");
	assert_int_equal(tags_count_article(s, ART1), 2);
	assert_int_equal(tags_count_article(s, ART2), 0);
	assert_null(tags_get(s, ART2, Q1));
	assert_int_equal(tags_close(s), 0);
	umask(old);
	free(j);
	free(l);
	free(dir);
	remove_dir(base);
}

static void test_toggle_clear_names_query(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	bool on;
	assert_int_equal(tags_toggle(s, ART1, Q1, "claim", &meta1, &on), 0);
	assert_true(on);
	assert_int_equal(tags_toggle(s, ART1, Q1, "claim", &meta1, &on), 0);
	assert_false(on);
	assert_int_equal(tags_count_article(s, ART1), 0);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	assert_int_equal(tags_set(s, ART1, Q2, "evidence", true, &(tag_meta){ "b", "", "B title", NULL }), 0);
	assert_int_equal(tags_set(s, ART2, Q3, "claim", true, &(tag_meta){ "c", "", "A title", NULL }), 0);
	assert_int_equal(tags_set(s, ART2, Q3, "evidence", true, NULL), 0);

	const char **names;
	size_t *counts, n;
	assert_int_equal(tags_names(s, &names, &counts, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "claim");
	assert_int_equal(counts[0], 2);
	assert_string_equal(names[1], "evidence");
	assert_int_equal(counts[1], 2);
	free(names);
	free(counts);

	const tag_entry **v;
	assert_int_equal(tags_query(s, NULL, &v, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0]->quote, Q3);   /* "A title" sorts first */
	assert_int_equal(v[1]->quote, Q2);   /* "B title" */
	assert_int_equal(v[2]->quote, Q1);
	free(v);
	const char *evidence[] = { "evidence" };
	assert_int_equal(tags_query(s, &(tags_filter){ .tags = evidence, .ntags = 1 }, &v, &n), 0);
	assert_int_equal(n, 2);
	free(v);
	uint64_t arts[] = { ART2 };
	assert_int_equal(tags_query(s, &(tags_filter){ .arts = arts, .narts = 1 }, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0]->quote, Q3);
	free(v);
	const char *paths[] = { "/corpus/a.txt" };
	assert_int_equal(tags_query(s, &(tags_filter){ .paths = paths, .npaths = 1 }, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0]->quote, Q1);
	free(v);

	assert_int_equal(tags_clear(s, ART2, Q3), 0);
	assert_int_equal(tags_count_article(s, ART2), 0);
	assert_int_equal(tags_query(s, NULL, &v, &n), 0);
	assert_int_equal(n, 2);
	free(v);
	assert_int_equal(tags_close(s), 0);
	s = open_ok(dir, NULL);
	assert_int_equal(tags_count_article(s, ART2), 0);
	assert_int_equal(tags_get(s, ART1, Q1)->ntags, 1);
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

static void test_escaping_survives(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	tag_meta m = { "tab\there\nnew line \\ back", "Ånne \"Q\"", "Title\twith tab", "/x/we ird\tname.txt" };
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &m), 0);
	assert_int_equal(tags_close(s), 0);
	s = open_ok(dir, NULL);
	const tag_entry *e = tags_get(s, ART1, Q1);
	assert_string_equal(e->text, m.text);
	assert_string_equal(e->speaker, m.speaker);
	assert_string_equal(e->title, m.title);
	assert_string_equal(e->path, m.path);
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

static void test_relative_path_made_absolute(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(tags_set(s, ART1, Q1, "x", true, &(tag_meta){ "t", NULL, "T", "no/such/file.txt" }), 0);
	char want[4200];
	snprintf(want, sizeof want, "%s/no/such/file.txt", cwd);
	assert_string_equal(tags_get(s, ART1, Q1)->path, want);
	assert_int_equal(tags_set(s, ART1, Q2, "x", true, &(tag_meta){ "t", NULL, "T", "-" }), 0);
	assert_string_equal(tags_get(s, ART1, Q2)->path, "");
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

/* Lines as another writer (or a crash) left them. */
#define REC_Q1 "1\tq\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tWe will\tJane\tStrike\t/c/a.txt\n"
#define REC_ON1 "1\t+\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tclaim\n"
#define REC_ON2 "1\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000001\tdenial\n"
#define HEAD "# quoth tag journal, format 1\n"

static void test_torn_last_line(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, REC_Q1 REC_ON1 REC_ON2 "1\t+\t1111111111111111\taaaaaaaa");
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_non_null(w);
	assert_non_null(strstr(w, "cut short"));
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_true(tags_has(s, ART1, Q2, "denial"));
	assert_int_equal(tags_count_article(s, ART1), 2);
	/* The next append cuts the piece off and starts on a line of its own. */
	assert_int_equal(tags_set(s, ART1, Q3, "claim", true, NULL), 0);
	char *text = read_file(j);
	assert_null(strstr(text, "aaaaaaaa1\n1"));
	assert_null(strstr(text, "\taaaaaaaa1"));
	assert_int_equal(count_lines(text), 4);
	free(text);
	/* Not closed: a kill -9 now. A fresh open sees all three, no warning. */
	tags_store *s2 = open_ok(dir, &w);
	assert_null(w);
	assert_int_equal(tags_count_article(s2, ART1), 3);
	assert_int_equal(tags_close(s2), 0);
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

static void test_malformed_and_newer_lines(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, "# a comment\n\n" REC_Q1
	              "2\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000000\tfuture\textra\n"
	              "1\tz\tsomething new\n"
	              "garbage line\n"
	              "1\t+\tnothex\taaaaaaaaaaaaaaa2\t1\tx\n"
	              "1\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1\tbad name\n"
	              REC_ON1);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_non_null(w);
	assert_non_null(strstr(w, "line 4 is from a newer quoth"));
	assert_non_null(strstr(w, "line 5 is from a newer quoth"));
	assert_non_null(strstr(w, "line 6 is malformed"));
	assert_non_null(strstr(w, "line 7 is malformed"));
	assert_non_null(strstr(w, "line 8 is malformed"));
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_null(tags_get(s, ART1, Q2));
	/* Compaction drops the malformed lines but keeps the newer ones verbatim. */
	assert_int_equal(tags_set(s, ART1, Q1, "claim", false, NULL), 0);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, NULL), 0);
	assert_int_equal(tags_close(s), 0);
	char *text = read_file(j);
	assert_non_null(strstr(text, "2\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000000\tfuture\textra\n"));
	assert_non_null(strstr(text, "1\tz\tsomething new\n"));
	assert_null(strstr(text, "garbage"));
	assert_null(strstr(text, "nothex"));
	free(text);
	s = open_ok(dir, &w);
	assert_non_null(w);
	assert_null(strstr(w, "malformed"));
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_string_equal(tags_get(s, ART1, Q1)->text, "We will");
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

/* Found by fuzzing: a tag name field with a NUL byte in it ("claim\0x"),
 * replayed after "claim" was known, read past the end of "claim". */
static void test_nul_in_tag_name(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	static const char journal[] = REC_ON1 "1\t+\t1111111111111111\taaaaaaaaaaaaaaa2\t1700000000\tclaim\0\0\0x\n";
	FILE *f = fopen(j, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(journal, 1, sizeof journal - 1, f), sizeof journal - 1);
	fclose(f);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_non_null(w);
	assert_non_null(strstr(w, "line 2 is malformed"));
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_null(tags_get(s, ART1, Q2));
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

static void test_many_warnings_summarised(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	FILE *f = fopen(j, "w");
	fputs(HEAD, f);
	for (int i = 0; i < 50; i++)
		fputs("junk\n", f);
	fputs(REC_ON1, f);
	fclose(f);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_non_null(strstr(w, "47 more malformed lines ignored"));
	assert_int_equal(count_lines(w), 3);    /* 3 spelled out + the summary, minus the final newline */
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	tags_close(s);
	free(j);
	remove_dir(dir);
}

static void test_duplicate_records_are_harmless(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, REC_Q1 REC_ON1 REC_Q1 REC_ON1 REC_ON1);
	tags_store *s = open_ok(dir, NULL);
	assert_int_equal(tags_get(s, ART1, Q1)->ntags, 1);
	assert_int_equal(tags_count_article(s, ART1), 1);
	tags_close(s);
	free(j);
	remove_dir(dir);
}

static void test_crlf_lines(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, "# edited on Windows\r\n"
	              "1\tq\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tWe will\tJane\tStrike\t/c/a.txt\r\n"
	              "1\t+\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tclaim\r\n");
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_null(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_string_equal(tags_get(s, ART1, Q1)->path, "/c/a.txt");
	tags_close(s);
	free(j);
	remove_dir(dir);
}

static void test_compaction(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	tags_store *s = open_ok(dir, NULL);
	for (int i = 0; i < 50; i++) {
		bool on;
		assert_int_equal(tags_toggle(s, ART1, Q1, "claim", &meta1, &on), 0);
	}
	assert_int_equal(tags_set(s, ART1, Q2, "denial", true, &meta1), 0);
	assert_int_equal(tags_set(s, ART1, Q3, "gone", true, &meta1), 0);
	assert_int_equal(tags_set(s, ART1, Q3, "gone", false, &meta1), 0);
	char *before = read_file(j);
	assert_true(count_lines(before) > 50);
	free(before);
	/* What a compaction that crashed left behind is removed by the next one. */
	char *stale = path_in(dir, "tags.journal.tmp.99999");
	write_file(stale, "half a journal");
	assert_int_equal(tags_close(s), 0);
	assert_int_not_equal(access(stale, F_OK), 0);
	free(stale);
	char *after = read_file(j);
	/* header + q + + for Q2 only */
	assert_int_equal(count_lines(after), 3);
	free(after);
	s = open_ok(dir, NULL);
	assert_false(tags_has(s, ART1, Q1, "claim"));
	assert_true(tags_has(s, ART1, Q2, "denial"));
	assert_int_equal(tags_get(s, ART1, Q2)->seq, 0);
	assert_int_equal(tags_close(s), 0);
	/* A store that changed nothing leaves the file alone. */
	struct stat a, b;
	stat(j, &a);
	s = open_ok(dir, NULL);
	assert_int_equal(tags_close(s), 0);
	stat(j, &b);
	assert_int_equal(a.st_ino, b.st_ino);
	free(j);
	remove_dir(dir);
}

/* Two stores in one process stand in for two sessions: each holds its own
 * view; the file and the lock are shared. */
static void test_two_instances_compaction_keeps_others(void **state)
{
	char *dir = make_dir();
	tags_store *a = open_ok(dir, NULL), *b = open_ok(dir, NULL);
	assert_int_equal(tags_set(a, ART1, Q1, "x", true, &meta1), 0);
	assert_int_equal(tags_set(b, ART1, Q2, "y", true, &meta1), 0);
	/* b saw a's append before writing its own. */
	assert_true(tags_has(b, ART1, Q1, "x"));
	assert_int_equal(tags_compact(a), 0);
	/* a's compaction replaced the file; b notices and appends to the new one. */
	assert_int_equal(tags_set(b, ART1, Q3, "z", true, &meta1), 0);
	assert_int_equal(tags_close(a), 0);
	assert_int_equal(tags_close(b), 0);
	tags_store *c = open_ok(dir, NULL);
	assert_true(tags_has(c, ART1, Q1, "x"));
	assert_true(tags_has(c, ART1, Q2, "y"));
	assert_true(tags_has(c, ART1, Q3, "z"));
	assert_int_equal(tags_close(c), 0);
	remove_dir(dir);
}

static void test_sync_sees_other_instance(void **state)
{
	char *dir = make_dir();
	tags_store *a = open_ok(dir, NULL), *b = open_ok(dir, NULL);
	assert_int_equal(tags_set(a, ART1, Q1, "x", true, &meta1), 0);
	assert_false(tags_has(b, ART1, Q1, "x"));
	char *w = NULL;
	assert_int_equal(tags_sync(b, &w), 0);
	assert_null(w);
	assert_true(tags_has(b, ART1, Q1, "x"));
	/* Last writer wins for one tag, in journal order. */
	assert_int_equal(tags_set(b, ART1, Q1, "x", false, NULL), 0);
	assert_int_equal(tags_sync(a, NULL), 0);
	assert_false(tags_has(a, ART1, Q1, "x"));
	assert_int_equal(tags_close(a), 0);
	assert_int_equal(tags_close(b), 0);
	remove_dir(dir);
}

#define PER_CHILD 150

static void tag_many(const char *dir, uint64_t art)
{
	tags_store *s = NULL;
	if (tags_open(dir, &s, NULL))
		_exit(3);
	for (uint64_t i = 0; i < PER_CHILD; i++) {
		tag_meta m = { "a quote long enough to make each write a few hundred bytes, so that torn or "
		               "interleaved writes would show", "Someone", "Title", "/c/x.txt" };
		if (tags_set(s, art, i + 1, i % 2 ? "odd" : "even", true, &m))
			_exit(4);
		if (i % 10 == 0 && tags_compact(s))
			_exit(5);
	}
	/* One child closes (compacts), the other dies without closing. */
	if (art == ART1 && tags_close(s))
		_exit(6);
	_exit(0);
}

static void test_concurrent_processes(void **state)
{
	char *dir = make_dir();
	pid_t p1 = fork();
	if (p1 == 0)
		tag_many(dir, ART1);
	pid_t p2 = fork();
	if (p2 == 0)
		tag_many(dir, ART2);
	int st1, st2;
	waitpid(p1, &st1, 0);
	waitpid(p2, &st2, 0);
	assert_true(WIFEXITED(st1));
	assert_int_equal(WEXITSTATUS(st1), 0);
	assert_true(WIFEXITED(st2));
	assert_int_equal(WEXITSTATUS(st2), 0);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_null(w);
	assert_int_equal(tags_count_article(s, ART1), PER_CHILD);
	assert_int_equal(tags_count_article(s, ART2), PER_CHILD);
	assert_true(tags_has(s, ART2, 2, "odd"));
	assert_true(tags_has(s, ART1, PER_CHILD, "odd"));
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

static void test_kill_9_loses_nothing(void **state)
{
	char *dir = make_dir();
	pid_t pid = fork();
	if (pid == 0) {
		tags_store *s = NULL;
		if (tags_open(dir, &s, NULL))
			_exit(1);
		for (uint64_t q = 1; q <= 3; q++)
			if (tags_set(s, ART1, q, "claim", true, &meta1))
				_exit(2);
		raise(SIGKILL);   /* no close, no compaction, no atexit */
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGKILL);
	char *w = NULL;
	tags_store *s = open_ok(dir, &w);
	assert_null(w);
	assert_int_equal(tags_count_article(s, ART1), 3);
	assert_string_equal(tags_get(s, ART1, 2)->text, meta1.text);
	tags_close(s);
	remove_dir(dir);
}

static void test_orphans(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	tag_meta m = { "one", "A", "Title", "/c/a.txt" };
	assert_int_equal(tags_set(s, ART1, Q1, "x", true, &m), 0);
	m.text = "two";
	assert_int_equal(tags_set(s, ART1, Q2, "y", true, &m), 0);
	m.text = "three";
	assert_int_equal(tags_set(s, ART1, Q3, "z", true, &m), 0);

	/* Same article, quote engine no longer finds Q3. */
	uint64_t now1[] = { Q2, Q1 };
	size_t norph = 99;
	assert_int_equal(tags_reconcile(s, ART1, "/c/a.txt", now1, 2, &norph), 0);
	assert_int_equal(norph, 1);
	assert_true(tags_get(s, ART1, Q3)->orphaned);
	assert_false(tags_get(s, ART1, Q1)->orphaned);

	/* The file was edited: new article id, Q1 still there, Q2 gone. */
	uint64_t now2[] = { Q1, 0x77 };
	assert_int_equal(tags_reconcile(s, ART2, "/c/a.txt", now2, 2, &norph), 0);
	assert_int_equal(norph, 2);   /* Q2 and Q3 */
	assert_true(tags_has(s, ART2, Q1, "x"));
	assert_false(tags_has(s, ART1, Q1, "x"));
	assert_string_equal(tags_get(s, ART2, Q1)->text, "one");
	assert_int_equal(tags_count_article(s, ART2), 1);
	assert_true(tags_get(s, ART1, Q2)->orphaned);

	const tag_entry **v;
	size_t n;
	uint64_t arts[] = { ART2 };
	const char *paths[] = { "/c/a.txt" };
	assert_int_equal(tags_query(s, &(tags_filter){ .arts = arts, .narts = 1, .paths = paths, .npaths = 1,
	                                               .orphans = 1 }, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0]->text, "two");
	assert_string_equal(v[1]->text, "three");
	free(v);
	assert_int_equal(tags_query(s, &(tags_filter){ .orphans = -1 }, &v, &n), 0);
	assert_int_equal(n, 1);
	free(v);
	assert_int_equal(tags_close(s), 0);

	/* Orphans are kept on disk; the move is too. */
	s = open_ok(dir, NULL);
	assert_true(tags_has(s, ART2, Q1, "x"));
	assert_true(tags_has(s, ART1, Q2, "y"));
	assert_true(tags_has(s, ART1, Q3, "z"));
	assert_int_equal(tags_count_article(s, ART1), 2);
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

/* A file-size limit (ulimit -f) reached: every write fails with EFBIG, as
 * a full disk fails with ENOSPC, and is handled the same way: the change
 * stays in memory, nothing torn is left in the journal, and the next
 * change writes everything. SIGXFSZ is ignored, as quoth's main does. */
static void test_size_limit_then_retry(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
	struct rlimit lim, was;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	tags_store *s = open_ok(dir, NULL);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	char *before = read_file(j);
	lim = was;
	lim.rlim_cur = strlen(before) + 40;   /* room for part of a record: a write cut short */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), Q_ETOOBIG);
	assert_true(tags_has(s, ART1, Q2, "claim"));   /* still shown */
	assert_int_equal(tags_pending(s), 2);
	assert_int_equal(tags_flush(s), Q_ETOOBIG);
	char *after = read_file(j);
	assert_string_equal(after, before);   /* the piece that fitted was taken back */
	free(after);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	/* Room again: the next change writes everything. */
	assert_int_equal(tags_set(s, ART1, Q3, "claim", true, &meta1), 0);
	assert_int_equal(tags_pending(s), 0);
	tags_store *s2 = open_ok(dir, NULL);
	assert_int_equal(tags_count_article(s2, ART1), 3);
	assert_int_equal(tags_close(s2), 0);
	/* A close that cannot write says so. */
	lim.rlim_cur = 1;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(tags_set(s, ART2, Q1, "claim", true, &meta1), Q_ETOOBIG);
	assert_int_equal(tags_close(s), Q_ETOOBIG);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	signal(SIGXFSZ, old);
	free(before);
	free(j);
	remove_dir(dir);
}

/* A folder the user cannot write to. Permission bits do not stop root, so
 * as root the check runs in a child that gives up root first. */
static void test_unwritable_dir_then_retry(void **state)
{
	char *dir = make_dir();
	if (geteuid() == 0)
		assert_int_equal(chown(dir, 65534, 65534), 0);
	pid_t pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) || setuid(65534)))
			_exit(10);
		tags_store *s = NULL;
		if (tags_open(dir, &s, NULL))
			_exit(11);
		chmod(dir, 0500);
		if (tags_set(s, ART1, Q1, "claim", true, &meta1) != Q_EACCES)
			_exit(12);
		if (!tags_has(s, ART1, Q1, "claim") || tags_pending(s) != 2)
			_exit(13);
		chmod(dir, 0700);
		if (tags_set(s, ART1, Q2, "claim", true, &meta1) != 0 || tags_pending(s))
			_exit(14);
		if (tags_close(s))
			_exit(15);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	tags_store *s = open_ok(dir, NULL);
	assert_int_equal(tags_count_article(s, ART1), 2);
	tags_close(s);
	remove_dir(dir);
}

static void test_store_folder_removed_while_running(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), 0);
	tags_store *s2 = open_ok(dir, NULL);
	assert_true(tags_has(s2, ART1, Q2, "claim"));
	assert_int_equal(tags_close(s2), 0);
	assert_int_equal(tags_close(s), 0);
	remove_dir(dir);
}

static void test_unreadable_journal_refuses_to_open(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	assert_int_equal(mkdir(j, 0700), 0);   /* a folder where the journal should be */
	tags_store *s = NULL;
	assert_int_not_equal(tags_open(dir, &s, NULL), 0);
	assert_null(s);
	free(j);
	remove_dir(dir);
}

static void test_default_dir_from_env(void **state)
{
	char *base = make_dir();
	setenv("XDG_DATA_HOME", base, 1);
	tags_store *s = open_ok(NULL, NULL);
	char *want = path_in(base, "quoth/tags.journal");
	assert_string_equal(tags_journal_path(s), want);
	assert_int_equal(tags_set(s, ART1, Q1, "x", true, &meta1), 0);
	assert_int_equal(tags_close(s), 0);
	assert_int_equal(access(want, R_OK), 0);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", base, 1);
	s = open_ok(NULL, NULL);
	free(want);
	want = path_in(base, ".local/share/quoth/tags.journal");
	assert_string_equal(tags_journal_path(s), want);
	tags_close(s);
	unsetenv("XDG_DATA_HOME");
	free(want);
	remove_dir(base);
}

/* A speaker the user corrected: its own record kind, replayed, kept by
 * compaction with no tags, forgotten when set to "". */
static void test_user_speaker(void **state)
{
	char *dir = make_dir();
	tags_store *s = open_ok(dir, NULL);
	tag_meta m = { "We will stay", "a spokesman", "Harbour", NULL };
	assert_null(tags_user_speaker(s, ART1, Q1));
	assert_int_equal(tags_set_speaker(s, ART1, Q1, "Ingrid Dahl", &m), 0);
	assert_string_equal(tags_user_speaker(s, ART1, Q1), "Ingrid Dahl");
	assert_int_equal(tags_set_speaker(s, ART1, Q2, "two\nlines", NULL), Q_EUSAGE);
	assert_int_equal(tags_set_speaker(s, ART1, Q2, "Tomas Berg", NULL), 0);
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, NULL), 0);
	assert_int_equal(tags_count_article(s, ART1), 1);   /* a correction is not a tag */
	assert_int_equal(tags_close(s), 0);
	char *j = path_in(dir, "tags.journal");
	char *text = read_file(j);
	assert_non_null(strstr(text, "\ts\t1111111111111111\taaaaaaaaaaaaaaa1\t"));
	free(text);
	s = open_ok(dir, NULL);
	assert_string_equal(tags_user_speaker(s, ART1, Q1), "Ingrid Dahl");
	assert_string_equal(tags_get(s, ART1, Q1)->speaker, "a spokesman");   /* the engine's, kept */
	assert_int_equal(tags_compact(s), 0);
	assert_int_equal(tags_close(s), 0);
	s = open_ok(dir, NULL);
	assert_string_equal(tags_user_speaker(s, ART1, Q1), "Ingrid Dahl");
	assert_string_equal(tags_user_speaker(s, ART1, Q2), "Tomas Berg");
	assert_int_equal(tags_set_speaker(s, ART1, Q1, "", NULL), 0);
	assert_null(tags_user_speaker(s, ART1, Q1));
	assert_int_equal(tags_compact(s), 0);
	assert_int_equal(tags_close(s), 0);
	text = read_file(j);
	assert_null(strstr(text, "aaaaaaaaaaaaaaa1"));   /* nothing left to keep of it */
	free(text);
	free(j);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_valid),
		cmocka_unit_test(test_roundtrip_and_modes),
		cmocka_unit_test(test_toggle_clear_names_query),
		cmocka_unit_test(test_escaping_survives),
		cmocka_unit_test(test_relative_path_made_absolute),
		cmocka_unit_test(test_torn_last_line),
		cmocka_unit_test(test_malformed_and_newer_lines),
		cmocka_unit_test(test_nul_in_tag_name),
		cmocka_unit_test(test_many_warnings_summarised),
		cmocka_unit_test(test_duplicate_records_are_harmless),
		cmocka_unit_test(test_crlf_lines),
		cmocka_unit_test(test_compaction),
		cmocka_unit_test(test_two_instances_compaction_keeps_others),
		cmocka_unit_test(test_sync_sees_other_instance),
		cmocka_unit_test(test_concurrent_processes),
		cmocka_unit_test(test_kill_9_loses_nothing),
		cmocka_unit_test(test_orphans),
		cmocka_unit_test(test_size_limit_then_retry),
		cmocka_unit_test(test_unwritable_dir_then_retry),
		cmocka_unit_test(test_store_folder_removed_while_running),
		cmocka_unit_test(test_unreadable_journal_refuses_to_open),
		cmocka_unit_test(test_default_dir_from_env),
		cmocka_unit_test(test_user_speaker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
