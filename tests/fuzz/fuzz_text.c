/* The text layer (text.h): text_sanitize, text_safe_prefix, text_is_safe,
 * text_detect and text_convert on any bytes.
 *
 * Invariants: the sanitized text is display-safe by the rule in fuzz.h,
 * NUL-terminated, and sanitizing it again changes nothing; text_is_safe
 * agrees; the safe prefix is copied unchanged; converted UTF-16/Windows-1252 text
 * sanitizes to display-safe text too.
 */
#include "fuzz.h"
#include "error.h"
#include "text.h"

static void check_sanitized(const char *in, size_t n)
{
	char *out = NULL, *again = NULL;
	size_t outlen = 0, againlen = 0;
	FUZZ_CHECK(text_sanitize(in, n, &out, &outlen) == 0, "text_sanitize failed");
	FUZZ_CHECK(out[outlen] == '\0', "not NUL-terminated");
	fuzz_check_safe("sanitized text", out, outlen, false);
	FUZZ_CHECK(text_is_safe(out, outlen), "text_is_safe refuses sanitized text of %zu bytes", outlen);
	FUZZ_CHECK(memchr(out, '\r', outlen) == NULL, "CR survived");

	size_t pre = text_safe_prefix(in, n);
	FUZZ_CHECK(pre <= n, "safe prefix %zu past %zu", pre, n);
	FUZZ_CHECK(pre <= outlen && memcmp(in, out, pre) == 0, "safe prefix of %zu bytes not copied", pre);
	FUZZ_CHECK(text_is_safe(in, n) == (pre == n), "text_is_safe disagrees with text_safe_prefix");
	if (pre == n)
		FUZZ_CHECK(outlen == n && memcmp(in, out, n) == 0, "safe input changed by text_sanitize");

	FUZZ_CHECK(text_sanitize(out, outlen, &again, &againlen) == 0, "text_sanitize failed (again)");
	FUZZ_CHECK(againlen == outlen && memcmp(out, again, outlen) == 0,
	           "sanitizing twice changes the text (%zu -> %zu bytes)", outlen, againlen);
	free(again);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	check_sanitized(in, size);

	enum text_encoding enc = text_detect(in, size);
	FUZZ_CHECK(enc >= TEXT_UTF8 && enc <= TEXT_BINARY, "text_detect gave %d", (int)enc);
	if (enc == TEXT_UTF16LE || enc == TEXT_UTF16BE || enc == TEXT_CP1252) {
		char *conv = NULL;
		size_t convlen = 0;
		FUZZ_CHECK(text_convert(enc, in, size, &conv, &convlen) == 0, "text_convert failed");
		FUZZ_CHECK(conv[convlen] == '\0', "converted text not NUL-terminated");
		check_sanitized(conv, convlen);
		free(conv);
	}
	/* Every encoding converts, whatever the detector says. */
	for (int e = TEXT_UTF16LE; e <= TEXT_CP1252; e++) {
		char *conv = NULL;
		size_t convlen = 0;
		FUZZ_CHECK(text_convert((enum text_encoding)e, in, size, &conv, &convlen) == 0, "text_convert(%d) failed", e);
		size_t bad = fuzz_unsafe_at(conv, convlen, false);
		/* valid UTF-8 at least (controls are for text_sanitize to show) */
		const unsigned char *s = (const unsigned char *)conv;
		for (size_t i = 0; i < convlen;) {
			uint32_t cp;
			size_t len = fuzz_utf8(s + i, convlen - i, &cp);
			FUZZ_CHECK(len > 0, "text_convert(%d) made invalid UTF-8 at %zu", e, i);
			i += len;
		}
		(void)bad;
		free(conv);
	}
	return 0;
}
