/* Units and their keys: what search compares (search_fold.h). */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "search.h"
#include "search_fold.h"

#define HANGUL_FIRST 0xAC00
#define HANGUL_LAST 0xD7A3
#define KEY_CPS (KEY_MAX / 4)

void folder_init(folder *f, unsigned mode, const char *text, size_t floor, size_t end)
{
	f->mode = mode;
	f->text = text;
	f->floor = floor;
	f->end = end;
	f->cut = false;
	f->reach = floor;
	f->low = end;
	f->own_cache.ready = false;
	f->cache = &f->own_cache;
}

void folder_share_cache(folder *f, fold_cache *cache)
{
	f->cache = cache;
}

size_t fold_decode(const char *s, size_t n, uint32_t *cp, bool *bad)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*cp = c;
		*bad = false;
		return 1;
	}
	ucs4_t uc;
	int k = u8_mbtouc(&uc, (const uint8_t *)s, n);
	size_t len = k > 0 ? (size_t)k : 1;
	*cp = uc;
	*bad = uc == 0xFFFD && !(len == 3 && !memcmp(s, "\xEF\xBF\xBD", 3));
	return len;
}

static bool is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

size_t fold_prev_char(const char *text, size_t floor, size_t i)
{
	size_t j = i - 1;
	if (!is_cont(text[j]))
		return j;
	/* the nearest byte that can begin a character, at most 3 back; the
	 * bytes after it are one character when they decode as one */
	size_t lim = i - floor > 4 ? i - 4 : floor, p = j;
	while (p > lim && is_cont(text[p]))
		p--;
	if (is_cont(text[p]))
		return j;
	uint32_t cp;
	bool bad;
	return fold_decode(text + p, i - p, &cp, &bad) == i - p ? p : j;
}

bool fold_is_mark(uint32_t cp)
{
	return cp >= 0x300 && uc_combining_class(cp) != 0;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x80 && uc_is_property_white_space(cp));
}

static bool is_invisible(uint32_t cp)
{
	return cp >= 0xAD && uc_is_property_default_ignorable_code_point(cp);
}

static bool is_line_break(char c)
{
	return c == '\n' || c == '\r';
}

/* A line end after a hyphen, before more text: a word broken over a line. */
static bool is_join(const folder *f, size_t i)
{
	const char *t = f->text;
	size_t k = i, next = i + 1;
	if (t[i] == '\r') {
		if (next >= f->end || t[next] != '\n')
			return false;
		next++;
	} else if (i >= 1 && t[i - 1] == '\r') {
		k--;
	}
	return k >= 1 && t[k - 1] == '-' && next < f->end && !is_line_break(t[next]);
}

/* Drops the combining marks of s[0..n); returns the new length. */
static size_t drop_marks(uint32_t *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!fold_is_mark(s[i]))
			s[k++] = s[i];
	return k;
}

/* Copies a libunistring result into out when it was allocated elsewhere. */
static size_t take(uint32_t *r, size_t len, uint32_t *out)
{
	if (r != out) {
		memcpy(out, r, (len < KEY_CPS ? len : KEY_CPS) * sizeof *out);
		free(r);
	}
	return len < KEY_CPS ? len : KEY_CPS;
}

/* The key of code points s[0..n) (a base and its marks): NFD, marks
 * dropped unless SEARCH_ACCENTS, case folded unless SEARCH_CASE. */
static size_t fold_cps(unsigned mode, const uint32_t *s, size_t n, uint32_t *out)
{
	uint32_t tmp[KEY_CPS];
	size_t len = KEY_CPS;
	uint32_t *r = u32_normalize(UNINORM_NFD, s, n, tmp, &len);
	if (!r) {
		memcpy(tmp, s, n * sizeof *s);
		len = n;
	} else {
		len = take(r, len, tmp);
	}
	if (!(mode & SEARCH_ACCENTS))
		len = drop_marks(tmp, len);
	if (mode & SEARCH_CASE) {
		memcpy(out, tmp, len * sizeof *tmp);
		return len;
	}
	size_t flen = KEY_CPS;
	r = u32_casefold(tmp, len, NULL, UNINORM_NFD, out, &flen);
	if (!r) {
		memcpy(out, tmp, len * sizeof *tmp);
		return len;
	}
	flen = take(r, flen, out);
	return mode & SEARCH_ACCENTS ? flen : drop_marks(out, flen);
}

/* The key of a unit that is not white space or invisible. A Hangul
 * syllable stays whole (NFD would split it into jamo, and a pattern of one
 * syllable would then match the start of another). */
static size_t unit_key(unsigned mode, const uint32_t *s, size_t n, uint32_t *out)
{
	if (s[0] >= HANGUL_FIRST && s[0] <= HANGUL_LAST) {
		out[0] = s[0];
		return 1 + (n > 1 ? fold_cps(mode, s + 1, n - 1, out + 1) : 0);
	}
	return fold_cps(mode, s, n, out);
}

int fold_cp_key(unsigned mode, uint32_t cp, uint32_t out[KEY_MAX / 4])
{
	if (is_space(cp) || is_invisible(cp))
		return -1;
	return (int)unit_key(mode, &cp, 1, out);
}

static size_t encode(const uint32_t *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int w = u8_uctomb((uint8_t *)out + k, s[i], 4);
		k += w > 0 ? (size_t)w : 0;
	}
	return k;
}

static void set_key(unit *u, unsigned mode, const uint32_t *s, size_t n)
{
	uint32_t key[KEY_CPS];
	size_t len = unit_key(mode, s, n, key);
	u->len = encode(key, len, u->buf);
	u->key = u->buf;
	u->kind = u->len ? UNIT_KEY : UNIT_EMPTY;
}

/* A lone character outside ASCII, through the cache. */
static void lone_key(folder *f, uint32_t cp, unit *u)
{
	fold_cache *c = f->cache;
	if (!c->ready) {
		for (size_t i = 0; i < CACHE_SLOTS; i++)
			c->slot[i].cp = UINT32_MAX;
		c->ready = true;
	}
	fold_slot *s = &c->slot[(cp ^ cp >> 8) % CACHE_SLOTS];
	if (s->cp != cp) {
		if (is_space(cp))
			u->kind = UNIT_SPACE;
		else if (is_invisible(cp))
			u->kind = UNIT_EMPTY;
		else
			set_key(u, f->mode, &cp, 1);
		if (u->kind != UNIT_KEY || u->len > CACHE_KEY)
			return;
		s->cp = cp;
		s->kind = (uint8_t)u->kind;
		s->len = (uint8_t)u->len;
		memcpy(s->key, u->buf, u->len);
	}
	u->kind = (enum unit_kind)s->kind;
	u->len = s->len;
	u->key = s->key;
}

/* An ASCII character with no mark after it. */
static void ascii_unit(folder *f, size_t i, unit *u)
{
	unsigned char c = (unsigned char)f->text[i];
	if (is_space(c)) {
		u->kind = (c == '\n' || c == '\r') && is_join(f, i) ? UNIT_EMPTY : UNIT_SPACE;
		return;
	}
	u->kind = UNIT_KEY;
	u->len = 1;
	u->buf[0] = (char)(!(f->mode & SEARCH_CASE) && c >= 'A' && c <= 'Z' ? c + 32 : c);
	u->key = u->buf;
}

void fold_unit(folder *f, size_t i, unit *u)
{
	const char *t = f->text;
	unsigned char c = (unsigned char)t[i];
	/* (the character before may have been read back to 3 bytes before) */
	if (f->low > i)
		f->low = i > 3 ? i - 3 : 0;
	if (c < 0x80 && (i + 1 >= f->end || (unsigned char)t[i + 1] < 0x80)) {
		u->end = i + 1;
		/* (a hyphen join looks 2 bytes on, a mark after would be 4 long) */
		if (f->reach < i + 5)
			f->reach = i + 5;
		ascii_unit(f, i, u);
		return;
	}
	uint32_t s[UNIT_MARKS + 1];
	bool bad;
	size_t n = 1, e = i + fold_decode(t + i, f->end - i, &s[0], &bad);
	while (e < f->end && (unsigned char)t[e] >= 0x80) {
		uint32_t m;
		size_t k = fold_decode(t + e, f->end - e, &m, &bad);
		if (bad || !fold_is_mark(m))
			break;
		if (n < UNIT_MARKS + 1)
			s[n++] = m;
		e += k;
	}
	u->end = e;
	if (f->reach < e + 4)
		f->reach = e + 4;
	if (n == 1 && c < 0x80)
		ascii_unit(f, i, u);
	else if (is_space(s[0]))
		u->kind = (c == '\n' || c == '\r') && is_join(f, i) ? UNIT_EMPTY : UNIT_SPACE;
	else if (is_invisible(s[0]))
		u->kind = UNIT_EMPTY;
	else if (n == 1)
		lone_key(f, s[0], u);
	else
		set_key(u, f->mode, s, n);
}

/* The end of the run of white space (and invisible units in it) that
 * begins with the space unit u at i; u becomes the unit after the run
 * (kind UNIT_EMPTY with end == f->end when the text ends). */
static size_t swallow_space(folder *f, unit *u)
{
	size_t last = u->end, k = u->end;
	while (k < f->end) {
		fold_unit(f, k, u);
		if (u->kind == UNIT_SPACE)
			last = u->end;
		else if (u->kind != UNIT_EMPTY)
			return last;
		k = u->end;
	}
	u->kind = UNIT_EMPTY;
	u->end = f->end;
	return last;
}

size_t fold_match(folder *f, size_t i, const char *p, size_t n)
{
	unit u;
	fold_unit(f, i, &u);
	if (u.kind != UNIT_KEY)
		return 0;
	size_t j = 0, last = 0;
	for (;;) {
		if (u.kind == UNIT_KEY) {
			if (u.len > n - j || memcmp(u.key, p + j, u.len))
				return 0;
			j += u.len;
			last = u.end;
		} else if (u.kind == UNIT_SPACE) {
			if (p[j] != ' ')
				return 0;
			j++;
			last = swallow_space(f, &u);
			if (j == n)
				return last;
			if (u.kind == UNIT_KEY)
				continue;   /* the unit after the run, folded already */
		}
		if (j == n)
			return last;
		if (u.end >= f->end)
			return 0;
		fold_unit(f, u.end, &u);
	}
}
