/* The tag journal replay (tags.h): tags_open on a folder whose
 * tags.journal is the fuzz input, once as it is and once after the header
 * line of the format; then one change, tags_close (which compacts), and a
 * second tags_open of what was written.
 *
 * Invariants: a file that is not a journal (no header, and its first line
 * no record) is refused and left byte for byte as it was; a journal that
 * can be read always opens; warnings are
 * display-safe lines; every entry has its strings and valid, sorted,
 * distinct tag names; tags_names agrees with the entries; compaction keeps
 * every tagged quote as it was (text, speaker, title, path, tags) and adds
 * the change made.
 */
#include <sys/stat.h>
#include "fuzz.h"
#include "error.h"
#include "tags.h"

/* One line per tagged quote, sorted: what must survive compaction. */
typedef struct snapshot {
	char **line;
	size_t n;
} snapshot;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static snapshot take_snapshot(tags_store *s, uint64_t skip_art, uint64_t skip_quote)
{
	const tag_entry **v;
	size_t n;
	FUZZ_CHECK(tags_query(s, NULL, &v, &n) == 0, "tags_query");
	snapshot sn = { calloc(n + 1, sizeof(char *)), 0 };
	FUZZ_CHECK(sn.line != NULL, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const tag_entry *e = v[i];
		FUZZ_CHECK(e->ntags > 0, "query returned an entry without tags");
		FUZZ_CHECK(e->text && e->speaker && e->title && e->path, "entry with a NULL string");
		for (size_t t = 0; t < e->ntags; t++) {
			FUZZ_CHECK(tags_name_valid(e->tags[t]), "invalid tag name '%s' in the store", e->tags[t]);
			FUZZ_CHECK(tags_has(s, e->art, e->quote, e->tags[t]), "tags_has disagrees");
			if (t)
				FUZZ_CHECK(strcmp(e->tags[t - 1], e->tags[t]) < 0, "tags not sorted or repeated");
		}
		FUZZ_CHECK(tags_get(s, e->art, e->quote) == e, "tags_get finds another entry");
		if (e->art == skip_art && e->quote == skip_quote)
			continue;
		size_t len = 64 + strlen(e->text) + strlen(e->speaker) + strlen(e->title) + strlen(e->path);
		for (size_t t = 0; t < e->ntags; t++)
			len += strlen(e->tags[t]) + 1;
		char *l = malloc(len), *o = l;
		FUZZ_CHECK(l != NULL, "out of memory");
		o += sprintf(o, "%016llx %016llx|%s|%s|%s|%s|", (unsigned long long)e->art, (unsigned long long)e->quote,
		             e->text, e->speaker, e->title, e->path);
		for (size_t t = 0; t < e->ntags; t++)
			o += sprintf(o, "%s,", e->tags[t]);
		sn.line[sn.n++] = l;
	}
	free(v);
	qsort(sn.line, sn.n, sizeof *sn.line, cmp_str);

	const char **names;
	size_t *counts, nn;
	FUZZ_CHECK(tags_names(s, &names, &counts, &nn) == 0, "tags_names");
	for (size_t i = 0; i < nn; i++) {
		FUZZ_CHECK(tags_name_valid(names[i]) && counts[i] > 0, "tags_names: '%s' x %zu", names[i], counts[i]);
		if (i)
			FUZZ_CHECK(strcmp(names[i - 1], names[i]) < 0, "tags_names not sorted");
	}
	free(names);
	free(counts);
	return sn;
}

static void snapshot_free(snapshot *sn)
{
	for (size_t i = 0; i < sn->n; i++)
		free(sn->line[i]);
	free(sn->line);
}

static void check_warnings(const char *w)
{
	if (!w)
		return;
	for (const char *l = w; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);
		fuzz_check_safe("warning", l, n, true);
		l += n + (nl != NULL);
	}
}

static void remove_store(const char *dir)
{
	char p[160];
	snprintf(p, sizeof p, "%s/tags.journal", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/tags.lock", dir);
	unlink(p);
}

#define HEADER "# quoth tag journal, format 1\n"

/* The journal file's bytes are still data[0..size). */
static void check_untouched(const char *dir, const uint8_t *data, size_t size)
{
	char p[160];
	snprintf(p, sizeof p, "%s/tags.journal", dir);
	FILE *f = fopen(p, "rb");
	FUZZ_CHECK(f != NULL, "the journal is gone");
	uint8_t *buf = malloc(size + 2);
	FUZZ_CHECK(buf != NULL, "out of memory");
	size_t n = fread(buf, 1, size + 1, f);
	fclose(f);
	FUZZ_CHECK(n == size && (!size || !memcmp(buf, data, size)), "a file that is no journal was changed");
	free(buf);
}

static void run(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_dir();
	remove_store(dir);
	fuzz_write_file("tags.journal", data, size);

	tags_store *s = NULL;
	char *warn = NULL;
	int rc = tags_open(dir, &s, &warn);
	if (rc == Q_ENOTJOURNAL) {
		FUZZ_CHECK(warn && strstr(warn, "not a quoth tag journal"), "the refusal does not say why");
		free(warn);
		check_untouched(dir, data, size);
		return;
	}
	FUZZ_CHECK(rc == 0, "tags_open: %s", error_message(rc));
	check_warnings(warn);
	free(warn);
	const uint64_t art = 0x1234, quote = 0x5678;
	snapshot before = take_snapshot(s, art, quote);

	tag_meta meta = { .text = "a quote", .speaker = "Someone", .title = "A title", .path = NULL };
	rc = tags_set(s, art, quote, "fuzz", true, &meta);
	if (rc == Q_ENEWER) {   /* a header of a newer format: nothing may be written */
		FUZZ_CHECK(tags_close(s) == Q_ENEWER, "tags_close wrote to a newer journal");
		check_untouched(dir, data, size);
		snapshot_free(&before);
		return;
	}
	FUZZ_CHECK(rc == 0, "tags_set: %s", error_message(rc));
	FUZZ_CHECK(tags_has(s, art, quote, "fuzz"), "the tag just set is not there");
	rc = tags_close(s);
	FUZZ_CHECK(rc == 0, "tags_close: %s", error_message(rc));

	warn = NULL;
	rc = tags_open(dir, &s, &warn);
	FUZZ_CHECK(rc == 0, "tags_open after compaction: %s", error_message(rc));
	check_warnings(warn);
	free(warn);
	FUZZ_CHECK(tags_has(s, art, quote, "fuzz"), "the tag set before closing is lost");
	snapshot after = take_snapshot(s, art, quote);
	FUZZ_CHECK(after.n == before.n, "%zu tagged quotes before compaction, %zu after", before.n, after.n);
	for (size_t i = 0; i < after.n; i++)
		FUZZ_CHECK(strcmp(before.line[i], after.line[i]) == 0, "compaction changed a quote:\n  %s\n  %s",
		           before.line[i], after.line[i]);
	snapshot_free(&before);
	snapshot_free(&after);
	tags_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size);
	uint8_t *with_header = malloc(sizeof HEADER - 1 + size + 1);
	FUZZ_CHECK(with_header != NULL, "out of memory");
	memcpy(with_header, HEADER, sizeof HEADER - 1);
	if (size)
		memcpy(with_header + sizeof HEADER - 1, data, size);
	run(with_header, sizeof HEADER - 1 + size);
	free(with_header);
	return 0;
}
