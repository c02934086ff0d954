/* The tag journal as a file in odd places (tags.h): byte 0 picks what the
 * journal path is, bit 3 of it whether the content gets the header line;
 * the rest of the input is the content.
 *   0  a plain file
 *   1  a link into another folder (a synced one)
 *   2  a link whose target does not exist yet
 *   3  a FIFO
 *   4  a plain file, tags.lock a folder
 *   5  a plain file in a folder made read-only, the file too
 * Then tags_open, one change, tags_close, and a second open.
 *
 * Invariants: tags_open ends (never waits on a FIFO) with 0 or a refusal
 * that fits (Q_ENOTJOURNAL, Q_ENOTREG), naming the journal; a refused
 * journal, and one whose change failed, is left byte for byte as it was;
 * a failed change stays pending and tags_error_file names a file of the
 * store; a link stays a link after compaction, and no temporary file is
 * left in either folder; a change that was saved is there after reopening.
 */
#include <dirent.h>
#include <sys/stat.h>
#include "fuzz.h"
#include "error.h"
#include "tags.h"

#define HEADER "# quoth tag journal, format 1\n"

enum place { PLAIN, LINKED, DANGLING, FIFO, LOCK_DIR, READ_ONLY, PLACES };

static char store[128], synced[128], journal[160], target[160], lockpath[160];

static void empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char p[400];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (rmdir(p) != 0)
			unlink(p);
	}
	if (d)
		closedir(d);
}

static void write_bytes(const char *path, const uint8_t *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL, "cannot write %s", path);
	FUZZ_CHECK(fwrite(data, 1, n, f) == n, "short write");
	fclose(f);
}

/* path's bytes are data[0..n) */
static bool same_bytes(const char *path, const uint8_t *data, size_t n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	uint8_t *buf = malloc(n + 2);
	FUZZ_CHECK(buf != NULL, "out of memory");
	size_t got = fread(buf, 1, n + 1, f);
	fclose(f);
	bool same = got == n && (!n || !memcmp(buf, data, n));
	free(buf);
	return same;
}

static void no_temporary_files(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		FUZZ_CHECK(!strstr(e->d_name, ".tmp."), "a temporary file is left: %s/%s", dir, e->d_name);
	if (d)
		closedir(d);
}

/* Puts the journal in its place; returns the file its content is in. */
static const char *place_journal(enum place where, const uint8_t *data, size_t n)
{
	chmod(store, 0700);
	empty_dir(store);
	empty_dir(synced);
	switch (where) {
	case LINKED:
		write_bytes(target, data, n);
		FUZZ_CHECK(symlink(target, journal) == 0, "symlink");
		return target;
	case DANGLING:
		FUZZ_CHECK(symlink(target, journal) == 0, "symlink");
		return NULL;
	case FIFO:
		FUZZ_CHECK(mkfifo(journal, 0600) == 0, "mkfifo");
		return NULL;
	case LOCK_DIR:
		FUZZ_CHECK(mkdir(lockpath, 0700) == 0, "mkdir");
		break;
	default:
		break;
	}
	write_bytes(journal, data, n);
	if (where == READ_ONLY) {
		chmod(journal, 0400);
		chmod(store, 0500);
	}
	return journal;
}

static void run(enum place where, const uint8_t *data, size_t n)
{
	const char *file = place_journal(where, data, n);
	tags_store *s = NULL;
	char *warn = NULL;
	int rc = tags_open(store, &s, &warn);
	if (where == FIFO) {
		FUZZ_CHECK(rc == Q_ENOTREG, "a FIFO journal: %s", error_message(rc));
		FUZZ_CHECK(warn && strstr(warn, "tags.journal: not a regular file"), "the refusal names no file");
		free(warn);
		return;
	}
	if (rc) {
		FUZZ_CHECK(rc == Q_ENOTJOURNAL, "tags_open: %s", error_message(rc));
		FUZZ_CHECK(warn && strstr(warn, "tags.journal: not a quoth tag journal"), "the refusal names no file");
		FUZZ_CHECK(!file || same_bytes(file, data, n), "a refused journal was changed");
		free(warn);
		return;
	}
	free(warn);
	const uint64_t art = 0x1234, quote = 0x5678;
	tag_meta meta = { .text = "a quote", .speaker = "Someone", .title = "A title", .path = NULL };
	rc = tags_set(s, art, quote, "fuzz", true, &meta);
	FUZZ_CHECK(tags_has(s, art, quote, "fuzz"), "a change is not shown");
	if (rc) {
		FUZZ_CHECK(tags_pending(s) > 0, "a failed change is not pending");
		const char *ef = tags_error_file(s);
		FUZZ_CHECK(ef && (!strncmp(ef, store, strlen(store)) || !strncmp(ef, synced, strlen(synced))),
		           "the error names %s", ef ? ef : "nothing");
		if (where == LOCK_DIR)
			FUZZ_CHECK(rc == Q_EISDIR && !strcmp(ef, lockpath), "tags.lock a folder: %s, %s", error_message(rc), ef);
		FUZZ_CHECK(!file || same_bytes(file, data, n), "a journal whose change failed was changed (%s)",
		           error_message(rc));
		FUZZ_CHECK(tags_close(s) != 0, "tags_close says a pending change was saved");
		return;
	}
	FUZZ_CHECK(where != LOCK_DIR, "saved with tags.lock a folder");
	rc = tags_close(s);
	FUZZ_CHECK(rc == 0, "tags_close: %s", error_message(rc));
	struct stat st;
	if (where == LINKED || where == DANGLING)
		FUZZ_CHECK(lstat(journal, &st) == 0 && S_ISLNK(st.st_mode), "the link is no longer a link");
	no_temporary_files(store);
	no_temporary_files(synced);
	rc = tags_open(store, &s, NULL);
	FUZZ_CHECK(rc == 0, "tags_open after a saved change: %s", error_message(rc));
	FUZZ_CHECK(tags_has(s, art, quote, "fuzz"), "the saved change is lost");
	tags_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!store[0]) {
		snprintf(store, sizeof store, "%s/store", fuzz_dir());
		snprintf(synced, sizeof synced, "%s/synced", fuzz_dir());
		snprintf(journal, sizeof journal, "%s/tags.journal", store);
		snprintf(lockpath, sizeof lockpath, "%s/tags.lock", store);
		snprintf(target, sizeof target, "%s/journal", synced);
		FUZZ_CHECK(mkdir(store, 0700) == 0 && mkdir(synced, 0700) == 0, "mkdir");
	}
	if (size == 0)
		return 0;
	enum place where = (enum place)(data[0] % PLACES);
	bool header = data[0] & 8;
	size_t n = size - 1 + (header ? sizeof HEADER - 1 : 0);
	uint8_t *content = malloc(n + 1);
	FUZZ_CHECK(content != NULL, "out of memory");
	if (header)
		memcpy(content, HEADER, sizeof HEADER - 1);
	memcpy(content + (header ? sizeof HEADER - 1 : 0), data + 1, size - 1);
	run(where, content, n);
	free(content);
	chmod(store, 0700);
	return 0;
}
