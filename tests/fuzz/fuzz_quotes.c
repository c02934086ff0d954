/* The quote engine (quotes.h): quotes_find on doc_from_bytes, with the
 * options taken from the first byte (nested quotes, short quotes, a forced
 * language).
 *
 * Invariants: every span lies inside the text on character boundaries,
 * open <= start <= end <= close; quotes come in text order and are well
 * nested (two quotes are disjoint or one holds the other, never partly
 * overlapping); speaker spans lie inside the text; speaker, cue and quote
 * text are display-safe single lines; confidence is in 0..1; without the
 * nested option every quote has depth 0.
 */
#include <math.h>
#include "fuzz.h"
#include "doc.h"
#include "quotes.h"

static const char *const langs[] = { NULL, "en", "da", "de", "fr", "sv", "no", "es", "it", "ja", "pt", "nl" };

static void check_quote(const doc *d, const quote *q, size_t i, bool nested)
{
	FUZZ_CHECK(q->open <= q->start && q->start <= q->end && q->end <= q->close && q->close <= d->len,
	           "quote %zu: open %zu start %zu end %zu close %zu (text %zu)", i, q->open, q->start, q->end, q->close, d->len);
	FUZZ_CHECK(fuzz_on_char(d->text, d->len, q->open) && fuzz_on_char(d->text, d->len, q->start) &&
	           fuzz_on_char(d->text, d->len, q->end) && fuzz_on_char(d->text, d->len, q->close),
	           "quote %zu [%zu,%zu) [%zu,%zu) splits a character", i, q->open, q->close, q->start, q->end);
	FUZZ_CHECK(q->spk_start <= q->spk_end && q->spk_end <= d->len, "quote %zu: speaker span [%zu,%zu) of %zu", i,
	           q->spk_start, q->spk_end, d->len);
	FUZZ_CHECK(fuzz_on_char(d->text, d->len, q->spk_start) && fuzz_on_char(d->text, d->len, q->spk_end),
	           "quote %zu: speaker span [%zu,%zu) splits a character", i, q->spk_start, q->spk_end);
	if (q->speaker) {
		FUZZ_CHECK(q->speaker[0], "quote %zu: empty speaker", i);
		fuzz_check_safe("speaker", q->speaker, strlen(q->speaker), true);
	}
	if (q->cue)
		fuzz_check_safe("cue", q->cue, strlen(q->cue), true);
	FUZZ_CHECK(!isnan(q->confidence) && q->confidence >= 0.0f && q->confidence <= 1.0f, "quote %zu: confidence %f", i,
	           (double)q->confidence);
	FUZZ_CHECK(q->depth >= 0 && (nested || q->depth == 0), "quote %zu: depth %d (nested %d)", i, q->depth, nested);
	char *text = quote_text(d, q);
	FUZZ_CHECK(text != NULL, "quote_text failed");
	fuzz_check_safe("quote text", text, strlen(text), true);
	free(text);
}

static void check_nesting(const quote_list *l)
{
	/* a stack of the quotes that hold the current one */
	size_t *stack = malloc((l->n + 1) * sizeof *stack), top = 0;
	FUZZ_CHECK(stack != NULL, "out of memory");
	for (size_t i = 0; i < l->n; i++) {
		const quote *q = &l->v[i];
		if (i)
			FUZZ_CHECK(l->v[i - 1].open <= q->open, "quote %zu opens at %zu before quote %zu at %zu", i, q->open,
			           i - 1, l->v[i - 1].open);
		while (top && l->v[stack[top - 1]].close <= q->open)
			top--;
		if (top) {
			const quote *o = &l->v[stack[top - 1]];
			FUZZ_CHECK(q->close <= o->close, "quote %zu [%zu,%zu) partly overlaps quote %zu [%zu,%zu)", i, q->open,
			           q->close, stack[top - 1], o->open, o->close);
		}
		stack[top++] = i;
	}
	free(stack);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	quotes_opts o;
	quotes_opts_init(&o);
	o.nested = data[0] & 1;
	o.keep_short = data[0] & 2;
	o.lang = langs[(data[0] >> 2) % (sizeof langs / sizeof *langs)];
	if (data[0] & 0x80)
		FUZZ_CHECK(quotes_opts_add_cues(&o, "en", "remarked, quipped") == 0, "quotes_opts_add_cues");
	doc *d = NULL;
	if (doc_from_bytes("fuzz", (const char *)data + 1, size - 1, &d)) {
		quotes_opts_free(&o);
		return 0;
	}
	quote_list l;
	FUZZ_CHECK(quotes_find(d, &o, &l) == 0, "quotes_find failed");
	FUZZ_CHECK(l.lang[0] && memchr(l.lang, '\0', sizeof l.lang), "language code");
	for (size_t i = 0; i < l.n; i++)
		check_quote(d, &l.v[i], i, o.nested);
	check_nesting(&l);
	quote_list_free(&l);
	quotes_opts_free(&o);
	doc_free(d);
	return 0;
}
