/* The tag journal as a file others may have put there: a link into a
 * synced folder, a link to a file that is no journal, a FIFO, the header
 * line, a newer format, a last record without its line end, a lock held by
 * a process at work, and errors that name the right file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "error.h"
#include "storetest.h"
#include "tags.h"

#define ART1 0x1111111111111111ull
#define Q1 0xaaaaaaaaaaaaaaa1ull
#define Q2 0xaaaaaaaaaaaaaaa2ull
#define MAGIC "# quoth tag journal, format "
#define REC_Q1 "1\tq\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tWe will\tJane\tStrike\t/c/a.txt\n"
#define REC_ON1 "1\t+\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tclaim\n"
#define REC_OFF1 "1\t-\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000001\tclaim\n"

static const tag_meta meta1 = { "We will not back down", "Jane Doe", "Strike at the harbour", "/corpus/a.txt" };

static tags_store *open_ok(const char *dir)
{
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), 0);
	assert_null(w);
	return s;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && !strcmp(s + n - m, tail);
}

static size_t files_in(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* The journal a link into another folder (a synced one): compaction
 * rewrites the file the link leads to, in that folder, and the link stays
 * a link. (It used to rename a plain file over the link.) */
static void test_linked_journal_compacts_its_target(void **state)
{
	char *dir = make_dir(), *synced = make_dir();
	char *target = path_in(synced, "quoth-tags"), *j = path_in(dir, "tags.journal");
	write_file(target, MAGIC "1\n" REC_Q1 REC_ON1 REC_OFF1 REC_ON1 REC_OFF1);
	assert_int_equal(symlink(target, j), 0);
	tags_store *s = open_ok(dir);
	assert_int_equal(tags_set(s, ART1, Q2, "denial", true, &meta1), 0);
	assert_int_equal(tags_close(s), 0);   /* compacts: the two off-on-off records go */
	struct stat st;
	assert_int_equal(lstat(j, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	char *text = read_file(target);
	assert_true(!strncmp(text, MAGIC, strlen(MAGIC)));
	assert_null(strstr(text, "\tclaim\n"));
	assert_non_null(strstr(text, "\tdenial\n"));
	free(text);
	assert_int_equal(files_in(synced), 1);   /* no temporary file left beside it */
	s = open_ok(dir);
	assert_true(tags_has(s, ART1, Q2, "denial"));
	assert_false(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_close(s), 0);
	free(target);
	free(j);
	remove_dir(dir);
	remove_dir(synced);
}

/* A link to a file that is not a journal: the store refuses to open, names
 * the file, and the file is not touched (its last line used to be cut off
 * as "cut short" and tag records appended to it). */
static void test_link_to_another_file_is_left_alone(void **state)
{
	char *dir = make_dir();
	char *other = path_in(dir, "notes.txt"), *j = path_in(dir, "tags.journal");
	const char *notes = "shopping list\nmilk\tbread\nlast line without its end";
	write_file(other, notes);
	assert_int_equal(symlink(other, j), 0);
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), Q_ENOTJOURNAL);
	assert_null(s);
	assert_non_null(w);
	assert_non_null(strstr(w, "tags.journal: not a quoth tag journal"));
	free(w);
	char *text = read_file(other);
	assert_string_equal(text, notes);
	free(text);
	free(other);
	free(j);
	remove_dir(dir);
}

/* The journal replaced behind a running store by something else: no change
 * is appended to it, the change stays pending, the file stays as it is. */
static void test_journal_replaced_by_another_file(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	tags_store *s = open_ok(dir);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	assert_int_equal(unlink(j), 0);
	write_file(j, "1 2 3\nnot a record\n");
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), Q_ENOTJOURNAL);
	assert_true(tags_has(s, ART1, Q2, "claim"));
	assert_true(tags_pending(s) > 0);
	assert_true(ends_with(tags_error_file(s), "tags.journal"));
	assert_int_equal(tags_close(s), Q_ENOTJOURNAL);
	char *text = read_file(j);
	assert_string_equal(text, "1 2 3\nnot a record\n");
	free(text);
	free(j);
	remove_dir(dir);
}

/* A journal without the header line (an older quoth's, or one written by
 * hand) still loads, and gets the header at the next compaction. */
static void test_old_journal_gets_its_header(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, REC_Q1 REC_ON1);
	tags_store *s = open_ok(dir);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), 0);
	assert_int_equal(tags_close(s), 0);
	char *text = read_file(j);
	assert_true(!strncmp(text, MAGIC "1", strlen(MAGIC) + 1));
	assert_non_null(strstr(text, "We will\tJane"));
	free(text);
	s = open_ok(dir);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_true(tags_has(s, ART1, Q2, "claim"));
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

/* A header naming a newer format: what this quoth understands is shown,
 * nothing is written (the newer quoth said old ones must not). */
static void test_newer_format_is_read_not_written(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	const char *journal = MAGIC "2\n" REC_Q1 REC_ON1 "2\tx\tsomething new\n";
	write_file(j, journal);
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), 0);
	assert_non_null(strstr(w, "newer quoth"));   /* the line it cannot read */
	free(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), Q_ENEWER);
	assert_true(tags_has(s, ART1, Q2, "claim"));
	assert_int_equal(tags_close(s), Q_ENEWER);
	char *text = read_file(j);
	assert_string_equal(text, journal);
	free(text);
	free(j);
	remove_dir(dir);
}

/* A last record whole but for its line end (a hand edit) is kept, and the
 * next append starts on a line of its own. (It used to be cut off as a
 * line cut short.) */
static void test_last_record_without_line_end_is_kept(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, MAGIC "1\n" REC_Q1 "1\t+\t1111111111111111\taaaaaaaaaaaaaaa1\t1700000000\tclaim");
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), 0);
	assert_null(w);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_set(s, ART1, Q2, "denial", true, NULL), 0);
	char *text = read_file(j);
	assert_non_null(strstr(text, "\tclaim\n1\t+\t"));
	free(text);
	tags_store *s2 = open_ok(dir);
	assert_true(tags_has(s2, ART1, Q1, "claim"));
	assert_true(tags_has(s2, ART1, Q2, "denial"));
	assert_int_equal(tags_close(s2), 0);
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

/* The first write cut short inside the header (a crash): still ours, and
 * the next change starts the file again. */
static void test_header_cut_short(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	write_file(j, "# quoth tag jou");
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), 0);
	free(w);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	assert_int_equal(tags_close(s), 0);
	char *text = read_file(j);
	assert_true(!strncmp(text, MAGIC "1", strlen(MAGIC) + 1));
	assert_null(strstr(text, "jou#"));
	free(text);
	s = open_ok(dir);
	assert_true(tags_has(s, ART1, Q1, "claim"));
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

/* A FIFO as the journal: refused at once with a message naming it (the
 * reader used to block on it forever, a blank screen). */
static void test_fifo_journal_is_refused(void **state)
{
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	assert_int_equal(mkfifo(j, 0600), 0);
	alarm(10);   /* a hang fails the test instead of stopping the suite */
	tags_store *s = NULL;
	char *w = NULL;
	assert_int_equal(tags_open(dir, &s, &w), Q_ENOTREG);
	assert_non_null(strstr(w, "tags.journal: not a regular file"));
	free(w);
	alarm(0);
	free(j);
	remove_dir(dir);
}

/* tags.lock a folder: the error names tags.lock, not the journal. */
static void test_lock_a_folder_is_named(void **state)
{
	char *dir = make_dir();
	char *l = path_in(dir, "tags.lock");
	assert_int_equal(mkdir(l, 0700), 0);
	tags_store *s = open_ok(dir);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), Q_EISDIR);
	assert_string_equal(tags_error_file(s), l);
	assert_int_equal(tags_close(s), Q_EISDIR);
	free(l);
	remove_dir(dir);
}

/* The data folder under a file (XDG_DATA_HOME naming a file): the error is
 * "not a directory" and names that file (it said "no such file"). */
static void test_data_folder_under_a_file_is_named(void **state)
{
	char *dir = make_dir();
	char *file = path_in(dir, "data"), *store = path_in(dir, "data/quoth");
	write_file(file, "x");
	tags_store *s = open_ok(store);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), Q_ENOTDIR);
	assert_string_equal(tags_error_file(s), file);
	assert_int_equal(tags_close(s), Q_ENOTDIR);
	free(file);
	free(store);
	remove_dir(dir);
}

/* A child holds the lock for hold_ms, touching the lock file every
 * beat_ms (0: never), as a quoth compacting a big journal does. */
static pid_t hold_lock(const char *lockpath, int hold_ms, int beat_ms)
{
	int ready[2];
	assert_int_equal(pipe(ready), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(lockpath, O_RDWR | O_CREAT, 0600);
		if (fd < 0 || flock(fd, LOCK_EX) != 0)
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		for (int t = 0; t < hold_ms; t += 50) {
			nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
			if (beat_ms && t % beat_ms == 0)
				futimens(fd, NULL);
		}
		_exit(0);
	}
	char c;
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	close(ready[1]);
	return pid;
}

static void wait_child(pid_t pid)
{
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void stop_child(pid_t pid)
{
	int st;
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
}

/* A holder at work longer than the 3 s a silent one is given: the change
 * waits for it and is written (it used to fail with "could not lock"). A
 * silent holder is given up on, the change stays pending, and the next
 * write saves it. */
static void test_lock_waits_while_its_holder_works(void **state)
{
	char *dir = make_dir();
	char *l = path_in(dir, "tags.lock");
	tags_store *s = open_ok(dir);
	assert_int_equal(tags_set(s, ART1, Q1, "claim", true, &meta1), 0);
	pid_t pid = hold_lock(l, 4500, 250);
	assert_int_equal(tags_set(s, ART1, Q2, "claim", true, &meta1), 0);
	assert_int_equal(tags_pending(s), 0);
	wait_child(pid);

	/* held until the writer gave up, however long its quiet seconds take
	 * on a loaded machine (it counts its polls, not the clock) */
	pid = hold_lock(l, 600000, 0);
	assert_int_equal(tags_set(s, ART1, Q2, "denial", true, NULL), Q_ELOCK);
	assert_string_equal(tags_error_file(s), l);
	assert_int_equal(tags_pending(s), 1);
	stop_child(pid);
	assert_int_equal(tags_flush(s), 0);
	assert_int_equal(tags_close(s), 0);
	s = open_ok(dir);
	assert_true(tags_has(s, ART1, Q2, "denial"));
	assert_int_equal(tags_close(s), 0);
	free(l);
	remove_dir(dir);
}

/* Many distinct tag names: each is found, counted and listed in order. */
static void test_many_names(void **state)
{
	enum { N = 20000 };
	char *dir = make_dir();
	char *j = path_in(dir, "tags.journal");
	FILE *f = fopen(j, "w");
	assert_non_null(f);
	fputs(MAGIC "1\n", f);
	for (int i = 0; i < N; i++)
		fprintf(f, "1\t+\t1111111111111111\t%016x\t1700000000\tn%05d\n", i % 7, (i * 7919) % N);
	assert_int_equal(fclose(f), 0);
	tags_store *s = open_ok(dir);
	const char **names;
	size_t *counts, n;
	assert_int_equal(tags_names(s, &names, &counts, &n), 0);
	assert_int_equal(n, N);
	for (size_t i = 0; i < n; i++) {
		char want[24];
		snprintf(want, sizeof want, "n%05zu", i);
		assert_string_equal(names[i], want);
		assert_int_equal(counts[i], 1);
	}
	free(names);
	free(counts);
	assert_true(tags_has(s, ART1, 1, "n07919"));   /* record i = 1 */
	const char *one[] = { "n00042" }, *none[] = { "absent" };
	const tag_entry **v;
	assert_int_equal(tags_query(s, &(tags_filter){ .tags = one, .ntags = 1 }, &v, &n), 0);
	assert_int_equal(n, 1);
	free(v);
	assert_int_equal(tags_query(s, &(tags_filter){ .tags = none, .ntags = 1 }, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	const tag_entry *e = tags_get(s, ART1, 3);
	for (size_t k = 1; k < e->ntags; k++)
		assert_true(strcmp(e->tags[k - 1], e->tags[k]) < 0);
	assert_int_equal(tags_close(s), 0);
	free(j);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linked_journal_compacts_its_target),
		cmocka_unit_test(test_link_to_another_file_is_left_alone),
		cmocka_unit_test(test_journal_replaced_by_another_file),
		cmocka_unit_test(test_old_journal_gets_its_header),
		cmocka_unit_test(test_newer_format_is_read_not_written),
		cmocka_unit_test(test_last_record_without_line_end_is_kept),
		cmocka_unit_test(test_header_cut_short),
		cmocka_unit_test(test_fifo_journal_is_refused),
		cmocka_unit_test(test_lock_a_folder_is_named),
		cmocka_unit_test(test_data_folder_under_a_file_is_named),
		cmocka_unit_test(test_lock_waits_while_its_holder_works),
		cmocka_unit_test(test_many_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
