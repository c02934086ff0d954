/* Shared by the libFuzzer harnesses: invariant checks that abort() with a
 * message, and scratch files for the loaders that read paths.
 *
 * The checks are written independently of the code under test (their own
 * UTF-8 decoder), so a harness catches a layer that disagrees with its own
 * header, not only a crash.
 */
#ifndef QUOTH_FUZZ_H
#define QUOTH_FUZZ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#define FUZZ_CHECK(cond, ...) do { \
		if (!(cond)) { \
			fprintf(stderr, "invariant broken at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			abort(); \
		} \
	} while (0)

/* Decodes one well-formed UTF-8 sequence at s[0..n): its length, or 0 when
 * ill-formed (overlong, surrogate, above U+10FFFF, truncated). */
static inline size_t fuzz_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) { *cp = c; return 1; }
	if (c >= 0xC0 && c < 0xE0) { len = 2; v = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c < 0xF0) { len = 3; v = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c < 0xF8) { len = 4; v = c & 0x07; min = 0x10000; }
	else return 0;
	if (len > n) return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
	*cp = v;
	return len;
}

/* What text.h calls display-safe, as a rule of its own: valid UTF-8 with no
 * C0 control but TAB and LF (and not those either when one_line), no CR,
 * DEL, C1, bidi embedding/override/isolate, U+2028 or U+2029. Returns the
 * offset of the first offending byte, or n. */
static inline size_t fuzz_unsafe_at(const char *str, size_t n, bool one_line)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = fuzz_utf8(s + i, n - i, &cp);
		if (!len) return i;
		if (cp < 0x20 && !((cp == '\t' || cp == '\n') && !one_line)) return i;
		if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return i;
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return i;
		if (cp == 0x2028 || cp == 0x2029) return i;
		i += len;
	}
	return n;
}

static inline void fuzz_check_safe(const char *what, const char *s, size_t n, bool one_line)
{
	size_t at = fuzz_unsafe_at(s, n, one_line);
	FUZZ_CHECK(at == n, "%s is not display-safe at byte %zu of %zu (byte 0x%02x)", what, at, n,
	           (unsigned)(unsigned char)s[at]);
}

/* True when off is at the start of a UTF-8 sequence (or at n). */
static inline bool fuzz_on_char(const char *s, size_t n, size_t off)
{
	return off >= n || ((unsigned char)s[off] & 0xC0) != 0x80;
}

/* A private scratch folder for this process, made once, removed at exit. */
static char fuzz_dir_path[64];

static inline void fuzz_dir_cleanup(void)
{
	if (!fuzz_dir_path[0]) return;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
	if (system(cmd) != 0) { /* nothing to do */ }
}

static inline const char *fuzz_dir(void)
{
	if (!fuzz_dir_path[0]) {
		/* memory-backed when there is one: the tag store fsyncs every change */
		const char *tmp = getenv("TMPDIR");
		if (!tmp || !*tmp || strlen(tmp) >= 40)
			tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/quoth-fuzz.XXXXXX", tmp);
		if (!mkdtemp(fuzz_dir_path)) { perror("mkdtemp"); abort(); }
		atexit(fuzz_dir_cleanup);
	}
	return fuzz_dir_path;
}

/* Writes data[0..n) to the file name in the scratch folder (replacing it);
 * returns its path in a static buffer. */
static inline const char *fuzz_write_file(const char *name, const uint8_t *data, size_t n)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) { perror(path); abort(); }
	for (size_t off = 0; off < n;) {
		ssize_t w = write(fd, data + off, n - off);
		if (w <= 0) { perror(path); abort(); }
		off += (size_t)w;
	}
	close(fd);
	return path;
}

/* A small deterministic generator, seeded from the input, for the random
 * offsets and widths a harness tries. */
static inline uint64_t fuzz_rand(uint64_t *state)
{
	uint64_t x = *state += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
