/* The article model (doc.h): doc_from_bytes on any bytes (encoding
 * detection, sanitizing, reflow of hard-wrapped text, headline and title).
 *
 * Invariants: the text is display-safe and NUL-free; paragraphs are
 * non-empty, in order, non-overlapping, inside the text and on character
 * boundaries; nothing but blanks lies outside them; a '\n' inside a
 * paragraph is a hyphen join ("-" before it); the title is non-empty,
 * display-safe and one line; doc_para_at and doc_flat_text agree.
 */
#include "fuzz.h"
#include "doc.h"
#include "error.h"
#include "text.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void check_paragraphs(const doc *d)
{
	size_t prev_end = 0;
	FUZZ_CHECK(d->body <= 1 && d->body <= d->npara, "body %zu of %zu paragraphs", d->body, d->npara);
	for (size_t p = 0; p < d->npara; p++) {
		const doc_span *s = &d->para[p];
		FUZZ_CHECK(s->start < s->end && s->end <= d->len, "paragraph %zu is [%zu,%zu) of %zu", p, s->start, s->end, d->len);
		FUZZ_CHECK(s->start >= prev_end, "paragraph %zu starts at %zu before the end %zu of the one before", p, s->start, prev_end);
		FUZZ_CHECK(fuzz_on_char(d->text, d->len, s->start) && fuzz_on_char(d->text, d->len, s->end),
		           "paragraph %zu [%zu,%zu) splits a character", p, s->start, s->end);
		for (size_t i = prev_end; i < s->start; i++)
			FUZZ_CHECK(is_blank(d->text[i]), "byte %zu (0x%02x) before paragraph %zu is in no paragraph", i,
			           (unsigned)(unsigned char)d->text[i], p);
		for (size_t i = s->start; i < s->end; i++)
			if (d->text[i] == '\n')
				FUZZ_CHECK(i > s->start && d->text[i - 1] == '-' && i + 1 < s->end,
				           "'\\n' at %zu inside paragraph %zu [%zu,%zu) is no hyphen join", i, p, s->start, s->end);
		FUZZ_CHECK(!is_blank(d->text[s->end - 1]), "paragraph %zu ends in a blank", p);
		FUZZ_CHECK(doc_para_at(d, s->start) == p && doc_para_at(d, s->end - 1) == p,
		           "doc_para_at does not find paragraph %zu", p);
		char *flat = doc_flat_text(d, s->start, s->end);
		FUZZ_CHECK(flat != NULL, "doc_flat_text failed");
		size_t fl = strlen(flat);
		FUZZ_CHECK(fl > 0, "flat text of paragraph %zu is empty", p);
		fuzz_check_safe("flat paragraph", flat, fl, true);
		FUZZ_CHECK(flat[0] != ' ' && flat[fl - 1] != ' ' && !strstr(flat, "  "), "flat text not folded: '%s'", flat);
		free(flat);
		prev_end = s->end;
	}
	for (size_t i = prev_end; i < d->len; i++)
		FUZZ_CHECK(is_blank(d->text[i]), "byte %zu after the last paragraph is in no paragraph", i);
	FUZZ_CHECK(d->npara > 0, "a non-blank article has no paragraph");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	doc *d = NULL;
	int rc = doc_from_bytes("fuzz/\x1b[31mname\xe2\x80\xae.txt", (const char *)data, size, &d);
	if (rc) {
		FUZZ_CHECK(rc == Q_EEMPTY || rc == Q_EBINARY, "doc_from_bytes: %d", rc);
		return 0;
	}
	FUZZ_CHECK(d->text[d->len] == '\0' && strlen(d->text) == d->len, "text has a NUL inside or none at its end");
	fuzz_check_safe("doc text", d->text, d->len, false);
	FUZZ_CHECK(text_is_safe(d->text, d->len), "text_is_safe refuses the doc text");
	FUZZ_CHECK(memchr(d->text, '\r', d->len) == NULL, "CR in the doc text");
	check_paragraphs(d);
	FUZZ_CHECK(d->title && d->title[0], "empty title");
	fuzz_check_safe("title", d->title, strlen(d->title), true);
	FUZZ_CHECK(d->title[0] != ' ' && d->title[strlen(d->title) - 1] != ' ', "title not trimmed: '%s'", d->title);
	FUZZ_CHECK(d->id == doc_hash(data, size), "id is not the hash of the raw bytes");
	doc_free(d);
	return 0;
}
