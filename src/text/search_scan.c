/* The fast scan (search.h): find where a match could be by a vector scan
 * for the bytes of one rare character of the pattern, the anchor, and fold
 * only around those places.
 *
 * The anchor is a base character c of the folded pattern, at byte ko of
 * it, chosen for the fewest stops on a sample of the text. A unit of text
 * whose key holds c holds a character x whose own key holds c: the members
 * of c, found once by going through the characters that Unicode decomposes
 * or case folds (for "o": o, O, ö, Ö, ô, ǫ, ọ ...). Their first one or two
 * bytes are the needles the vector loop compares, 64 bytes at a time.
 *
 * Every match has one anchor: the unit its byte ko falls in. So at a member
 * x, only one start is tried for each place of c in x's key: the unit from
 * which the keys up to x's unit make exactly the bytes of the pattern
 * before the anchor (a run of white space one byte, invisible units none).
 * Members come in text order, and so do the matches tried, which keeps
 * them leftmost first and disjoint. Where the text around x is ASCII with
 * no line end, each unit is a byte and the start is found by counting
 * bytes. A match that begins before the end of a slice with its anchor
 * after it is looked for apart, from every start close enough to the end.
 *
 * With a reader (a mapped file read through pread), the vector loop and the
 * places around the members it finds use the bytes read, and the mapping
 * only when a place reaches past them. The unit tests and the fuzzer
 * compare all this with a reference that folds the whole text first.
 */
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unictype.h>
#include <unistr.h>
#include "error.h"
#include "grow.h"
#include "search.h"
#include "search_fold.h"

#define NEEDLE_MAX 8
/* More second bytes than this after one lead byte: the lead alone is the needle. */
#define PAIRS_PER_LEAD 2
/* What a place to check costs, in bytes of text scanned by one needle. */
#define CANDIDATE_COST 4096
#define SAMPLE_MAX (256u << 10)

typedef struct needle {
	uint8_t b0, mask, b1;   /* (byte | mask) == b0, then the next byte == b1 */
	bool pair;
} needle;

struct search_scan {
	unsigned mode;
	char *pat;              /* the folded pattern, without its mode byte */
	size_t n;
	bool fast;              /* false: no anchor, every unit is tried */
	size_t ko;              /* bytes of the pattern before the anchor */
	char anchor[4];         /* the anchor in UTF-8 */
	size_t anchor_len;
	uint32_t *members;      /* sorted */
	size_t nmembers;
	needle nd[NEEDLE_MAX];
	size_t nn;
	v16 vb0[NEEDLE_MAX], vmask[NEEDLE_MAX], vb1[NEEDLE_MAX];
	fold_cache cache;       /* for every folder of the scan */
	search_read *read;      /* NULL: the vector loop reads the text itself */
	void *ctx;
	char *buf;              /* text bytes [boff, boff + blen), read by read in this run */
	size_t boff, blen;
};

/* A character of the pattern that could be the anchor. */
typedef struct cand {
	uint32_t cp;
	size_t ko;
	uint32_t *m;
	size_t n, cap;
} cand;

/* ---- members: the characters whose key holds a character ------------------------ */

/* Where characters that Unicode decomposes or case folds can be. Outside:
 * the CJK ideographs, Hangul syllables (kept whole), surrogates, private
 * use and the planes above 2 (tests/unit/text/test_search.c checks that
 * libunistring agrees). */
static const uint32_t special_ranges[][2] = {
	{ 0x0, 0x3400 }, { 0x4DC0, 0x4E00 }, { 0xA000, 0xAC00 }, { 0xD7A4, 0xD800 },
	{ 0xF900, 0x20000 }, { 0x2F800, 0x30000 },
};

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static int add_member(cand *c, uint32_t x)
{
	if (c->n && c->m[c->n - 1] == x)
		return 0;
	if (GROW(c->m, c->cap, c->n + 1, 16))
		return Q_ENOMEM;
	c->m[c->n++] = x;
	return 0;
}

static cand *find_cand(cand *cs, size_t nc, uint32_t cp)
{
	for (size_t i = 0; i < nc; i++)
		if (cs[i].cp == cp)
			return &cs[i];
	return NULL;
}

/* Adds x to the candidates its key (in mode) holds. */
static int add_to_cands(unsigned mode, uint32_t x, cand *cs, size_t nc)
{
	uint32_t key[KEY_MAX / 4];
	int k = fold_cp_key(mode, x, key);
	for (int i = 0; i < k; i++) {
		cand *c = fold_is_mark(key[i]) ? NULL : find_cand(cs, nc, key[i]);
		if (c && add_member(c, x))
			return Q_ENOMEM;
	}
	return 0;
}

static bool is_special(unsigned mode, uint32_t x)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	return uc_canonical_decomposition(x, d) >= 0 ||
	       (!(mode & SEARCH_CASE) && uc_is_property_changes_when_casefolded(x));
}

static int find_members(unsigned mode, cand *cs, size_t nc)
{
	for (size_t i = 0; i < nc; i++)
		if (add_to_cands(mode, cs[i].cp, &cs[i], 1))
			return Q_ENOMEM;
	for (size_t r = 0; r < sizeof special_ranges / sizeof *special_ranges; r++)
		for (uint32_t x = special_ranges[r][0]; x < special_ranges[r][1]; x++)
			if (is_special(mode, x) && add_to_cands(mode, x, cs, nc))
				return Q_ENOMEM;
	for (size_t i = 0; i < nc; i++)
		qsort(cs[i].m, cs[i].n, sizeof *cs[i].m, cmp_u32);
	return 0;
}

/* ---- needles ------------------------------------------------------------------ */

static void put_needle(needle *nd, size_t *nn, uint8_t b0, uint8_t mask, uint8_t b1, bool pair)
{
	for (size_t i = 0; i < *nn; i++)
		if (nd[i].b0 == b0 && nd[i].mask == mask && nd[i].pair == pair && (!pair || nd[i].b1 == b1))
			return;
	if (*nn < NEEDLE_MAX + 1)
		nd[*nn] = (needle){ b0, mask, b1, pair };
	(*nn)++;
}

static bool is_letter(uint8_t b)
{
	return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/* The needles that find the members m[0..n): false when there would be
 * more than NEEDLE_MAX. */
static bool make_needles(const uint32_t *m, size_t n, bool leads_only, needle *nd, size_t *nn)
{
	*nn = 0;
	bool ascii[128] = { false };
	for (size_t i = 0; i < n && m[i] < 0x80; i++)
		ascii[m[i]] = true;
	for (uint8_t b = 0; b < 0x80; b++) {
		if (!ascii[b])
			continue;
		if (is_letter(b) && ascii[b ^ 0x20])
			put_needle(nd, nn, (uint8_t)(b | 0x20), 0x20, 0, false);
		else
			put_needle(nd, nn, b, 0, 0, false);
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i] < 0x80)
			continue;
		uint8_t u[4];
		u8_uctomb(u, m[i], 4);
		size_t same = 0;   /* members after the same lead with other second bytes */
		for (size_t j = 0; j < n; j++) {
			uint8_t w[4];
			if (m[j] >= 0x80 && u8_uctomb(w, m[j], 4) > 0 && w[0] == u[0] && w[1] != u[1])
				same++;
		}
		if (leads_only || same >= PAIRS_PER_LEAD)
			put_needle(nd, nn, u[0], 0, 0, false);
		else
			put_needle(nd, nn, u[0], 0, u[1], true);
	}
	return *nn <= NEEDLE_MAX;
}

/* How often the needles would stop in a text like the sample, as a cost. */
static size_t needle_cost(const needle *nd, size_t nn, const size_t *hist, size_t sample)
{
	size_t stops = 0;
	for (size_t i = 0; i < nn; i++) {
		size_t h = hist[nd[i].b0];
		if (nd[i].mask)
			h += hist[nd[i].b0 & ~nd[i].mask];
		if (nd[i].pair && hist[nd[i].b1] < h)
			h = hist[nd[i].b1];
		stops += h;
	}
	return stops * CANDIDATE_COST + nn * (sample + 1);
}

/* ---- choosing the anchor -------------------------------------------------------- */

/* The base characters of the folded pattern, each once, with its first offset. */
static int gather_cands(const char *p, size_t n, cand **out, size_t *nout)
{
	cand *cs = calloc(n, sizeof *cs);
	if (!cs)
		return Q_ENOMEM;
	size_t nc = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		bool bad;
		size_t k = fold_decode(p + i, n - i, &cp, &bad);
		if (!bad && cp != ' ' && cp != 0xFFFD && !fold_is_mark(cp) && !find_cand(cs, nc, cp)) {
			cs[nc].cp = cp;
			cs[nc].ko = i;
			nc++;
		}
		i += k;
	}
	*out = cs;
	*nout = nc;
	return 0;
}

static void free_cands(cand *cs, size_t nc)
{
	for (size_t i = 0; i < nc; i++)
		free(cs[i].m);
	free(cs);
}

static void set_needles(search_scan *s, const needle *nd, size_t nn)
{
	s->nn = nn;
	for (size_t i = 0; i < nn; i++) {
		s->nd[i] = nd[i];
		for (int k = 0; k < 16; k++) {
			s->vb0[i][k] = nd[i].b0;
			s->vmask[i][k] = nd[i].mask;
			s->vb1[i][k] = nd[i].b1;
		}
	}
}

static int choose_anchor(search_scan *s, const char *sample, size_t len)
{
	cand *cs;
	size_t nc;
	if (gather_cands(s->pat, s->n, &cs, &nc))
		return Q_ENOMEM;
	if (find_members(s->mode, cs, nc)) {
		free_cands(cs, nc);
		return Q_ENOMEM;
	}
	size_t hist[256] = { 0 };
	if (len > SAMPLE_MAX)
		len = SAMPLE_MAX;
	for (size_t i = 0; i < len; i++)
		hist[(unsigned char)sample[i]]++;
	size_t best = SIZE_MAX, pick = nc;
	needle nd[NEEDLE_MAX + 1], best_nd[NEEDLE_MAX + 1];
	size_t nn, best_nn = 0;
	for (size_t i = 0; i < nc; i++) {
		if (!make_needles(cs[i].m, cs[i].n, false, nd, &nn) && !make_needles(cs[i].m, cs[i].n, true, nd, &nn))
			continue;
		size_t cost = needle_cost(nd, nn, hist, len);
		if (cost < best) {
			best = cost;
			pick = i;
			best_nn = nn;
			memcpy(best_nd, nd, nn * sizeof *nd);
		}
	}
	if (pick < nc) {
		s->fast = true;
		s->ko = cs[pick].ko;
		s->anchor_len = (size_t)u8_uctomb((uint8_t *)s->anchor, cs[pick].cp, 4);
		s->members = cs[pick].m;
		s->nmembers = cs[pick].n;
		cs[pick].m = NULL;
		set_needles(s, best_nd, best_nn);
	}
	free_cands(cs, nc);
	return 0;
}

search_scan *search_scan_new(const char *pattern, const char *sample, size_t n)
{
	search_scan *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->mode = search_pattern_mode(pattern);
	s->pat = strdup(pattern[0] ? pattern + 1 : "");
	if (!s->pat || (s->n = strlen(s->pat), choose_anchor(s, sample, n))) {
		search_scan_free(s);
		return NULL;
	}
	return s;
}

void search_scan_free(search_scan *s)
{
	if (!s)
		return;
	free(s->pat);
	free(s->members);
	free(s->buf);
	free(s);
}

/* ---- the vector loop ---------------------------------------------------------------- */

static v16 load16(const char *p)
{
	v16 v;
	memcpy(&v, p, sizeof v);
	return v;
}

static bool any(v16 m)
{
	uint64_t w[2];
	memcpy(w, &m, sizeof w);
	return (w[0] | w[1]) != 0;
}

/* One bit a byte of m (0x00 or 0xFF each), byte 0 in bit 0: the 0x80
 * bits gathered by a multiplication (each lands in its own place). */
static uint32_t bits16(v16 m)
{
	uint64_t w[2];
	memcpy(w, &m, sizeof w);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w[0] = __builtin_bswap64(w[0]);
	w[1] = __builtin_bswap64(w[1]);
#endif
	const uint64_t high = 0x8080808080808080u, gather = 0x0002040810204081u;
	return (uint32_t)(((w[0] & high) * gather) >> 56) | (uint32_t)(((w[1] & high) * gather) >> 56) << 8;
}

/* A bit for each of the 64 bytes at p where a needle matches (reads 65
 * bytes when a needle is a pair). Vectors in locals, not arrays, so that
 * they stay in registers. */
static uint64_t block64(const search_scan *s, const char *p)
{
	v16 a0 = load16(p), a1 = load16(p + 16), a2 = load16(p + 32), a3 = load16(p + 48);
	v16 m0 = { 0 }, m1 = { 0 }, m2 = { 0 }, m3 = { 0 };
	for (size_t i = 0; i < s->nn; i++) {
		v16 b0 = s->vb0[i], mask = s->vmask[i];
		v16 x0 = (v16)((a0 | mask) == b0), x1 = (v16)((a1 | mask) == b0);
		v16 x2 = (v16)((a2 | mask) == b0), x3 = (v16)((a3 | mask) == b0);
		if (s->nd[i].pair) {
			v16 b1 = s->vb1[i];
			x0 &= (v16)(load16(p + 1) == b1);
			x1 &= (v16)(load16(p + 17) == b1);
			x2 &= (v16)(load16(p + 33) == b1);
			x3 &= (v16)(load16(p + 49) == b1);
		}
		m0 |= x0;
		m1 |= x1;
		m2 |= x2;
		m3 |= x3;
	}
	if (!any(m0 | m1 | m2 | m3))
		return 0;
	return (uint64_t)bits16(m0) | (uint64_t)bits16(m1) << 16 | (uint64_t)bits16(m2) << 32 |
	       (uint64_t)bits16(m3) << 48;
}

/* Whether a needle matches at text byte p, which is mem[p - off]. */
static bool needle_at(const search_scan *s, const char *mem, size_t off, size_t len, size_t p)
{
	uint8_t a = (uint8_t)mem[p - off];
	for (size_t i = 0; i < s->nn; i++) {
		const needle *nd = &s->nd[i];
		if ((a | nd->mask) == nd->b0 && (!nd->pair || (p + 1 < len && (uint8_t)mem[p + 1 - off] == nd->b1)))
			return true;
	}
	return false;
}

/* Whether a member begins at p (a needle matched there), read in mem
 * (bytes [off, end) of the text) when it holds the character whole. */
static bool member_at(const search_scan *s, const char *text, const char *mem, size_t off, size_t end, size_t len,
                      size_t p)
{
	uint32_t cp;
	bool bad;
	if (p + 4 <= end || end == len)
		fold_decode(mem + (p - off), end - p, &cp, &bad);
	else
		fold_decode(text + p, len - p, &cp, &bad);
	return !bad && bsearch(&cp, s->members, s->nmembers, sizeof cp, cmp_u32);
}

/* The first member in [pos, to), looked for in mem, which holds text bytes
 * [off, end) of a text len long: its offset, or `to` when there is none,
 * with *done; without *done, the offset from which mem was too short. */
static size_t members_in(const search_scan *s, const char *text, const char *mem, size_t off, size_t end,
                         size_t len, size_t pos, size_t to, bool *done)
{
	size_t p = pos;
	while (p < to && p + 65 <= end) {
		for (uint64_t bits = block64(s, mem + (p - off)); bits; bits &= bits - 1) {
			size_t q = p + (size_t)__builtin_ctzll(bits);
			if (q >= to)
				break;
			if (member_at(s, text, mem, off, end, len, q))
				return *done = true, q;
		}
		p += 64;
	}
	/* byte by byte where mem holds the byte after too (a pair's second) */
	size_t stop = end == len || end - 1 >= to ? to : end - 1;
	for (; p < stop; p++)
		if (needle_at(s, mem, off, len, p) && member_at(s, text, mem, off, end, len, p))
			return *done = true, p;
	*done = p >= to;
	return *done ? to : p;
}

/* How much a read takes, and keeps of what comes before where the vector
 * loop goes on, for the windows of members near the start. */
#define READ_BYTES (256u << 10)
#define READ_BEFORE 1024u

/* The first member at or after pos, before to (else to). */
static size_t next_member(search_scan *s, const char *text, size_t len, size_t pos, size_t to)
{
	bool done;
	if (!s->read || pos >= to)
		return members_in(s, text, text, 0, len, len, pos, to, &done);
	if (!s->buf && !(s->buf = malloc(READ_BYTES)))
		return members_in(s, text, text, 0, len, len, pos, to, &done);
	for (size_t p = pos;;) {
		size_t bend = s->boff + s->blen;
		if (p < s->boff || p >= bend || (bend < len && bend - p < 65 + 3)) {
			/* with some text before p; when the read comes back short, from p */
			for (size_t from = p > READ_BEFORE ? p - READ_BEFORE : 0;; from = p) {
				size_t n = len - from < READ_BYTES ? len - from : READ_BYTES;
				s->boff = from;
				s->blen = s->read(s->ctx, from, s->buf, n);
				if (s->blen > n)
					s->blen = 0;
				bend = from + s->blen;
				if (bend >= p + 2 || from == p)
					break;
			}
			if (bend < p + 2) {   /* a read error: the text itself, then */
				s->blen = 0;
				return members_in(s, text, text, 0, len, len, p, to, &done);
			}
		}
		size_t at = members_in(s, text, s->buf, s->boff, bend, len, p, to, &done);
		if (done)
			return at;
		p = at;
	}
}

void search_scan_reader(search_scan *s, search_read *read, void *ctx)
{
	s->read = read;
	s->ctx = ctx;
	s->blen = 0;
}

/* ---- trying the places --------------------------------------------------------------- */

static bool mark_at(const folder *f, size_t i)
{
	uint32_t cp;
	bool bad;
	fold_decode(f->text + i, f->end - i, &cp, &bad);
	return !bad && fold_is_mark(cp);
}

/* The start of the unit holding the character that begins at q. */
static size_t unit_start(const folder *f, size_t q, size_t floor)
{
	while (q > floor && mark_at(f, q))
		q = fold_prev_char(f->text, floor, q);
	return q;
}

/* The start of the character holding byte i (i < end). */
static size_t char_start(const folder *f, size_t i, size_t floor)
{
	size_t k = i;
	while (k < f->end && ((unsigned char)f->text[k] & 0xC0) == 0x80 && k - i < 4)
		k++;
	while (k > i)
		k = fold_prev_char(f->text, floor, k);
	return k;
}

static size_t unit_end(folder *f, size_t i)
{
	unit u;
	fold_unit(f, i, &u);
	return u.end;
}

/* The first unit start from which a match could reach the anchor in the
 * unit at u0: back while the keys fit in `budget` bytes. */
static size_t walk_back(folder *f, size_t u0, size_t budget, size_t floor)
{
	size_t lo = u0;
	unit u;
	while (lo > floor) {
		size_t p = unit_start(f, fold_prev_char(f->text, floor, lo), floor);
		fold_unit(f, p, &u);
		size_t cost = u.kind == UNIT_KEY ? u.len : 0;
		if (cost > budget)
			break;
		budget -= cost;
		lo = p;
	}
	return lo;
}

enum verdict { V_NONE, V_FOUND, V_UNSURE };

static bool is_ascii_space(uint8_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The match with the anchor at the ASCII member at x, where the text
 * around is ASCII with no line end: then every unit is one byte, and the
 * match can only begin where the bytes before x fold to ko bytes of
 * pattern (a run of spaces to one). V_UNSURE when the text is not so. */
static enum verdict ascii_aligned(const search_scan *s, folder *f, size_t x, search_match *m)
{
	const uint8_t *t = (const uint8_t *)f->text;
	bool fold = !(f->mode & SEARCH_CASE), run = false;
	size_t i = x, need = s->ko;
	while (need) {   /* back to the start */
		if (i == f->floor) {
			f->low = i;
			return V_NONE;
		}
		uint8_t c = t[--i];
		if (c >= 0x80 || c == '\n' || c == '\r')
			return V_UNSURE;
		if (!is_ascii_space(c)) {
			need--;
			run = false;
		} else if (!run) {
			if (need == 1)
				return V_NONE;   /* a match does not begin with a space */
			need--;
			run = true;
		}
	}
	if (f->low > i)
		f->low = i;
	size_t start = i, end = i;
	for (size_t k = 0; k < s->n;) {   /* on through the pattern */
		if (i >= f->end)
			return f->cut ? V_UNSURE : V_NONE;
		uint8_t c = t[i];
		if (c >= 0x80 || c == '\n' || c == '\r')
			return V_UNSURE;
		if (is_ascii_space(c)) {
			if (s->pat[k++] != ' ')
				return V_NONE;
			while (++i < f->end && is_ascii_space(t[i]))
				if (t[i] == '\n' || t[i] == '\r')
					return V_UNSURE;
			end = i;
			continue;
		}
		if ((uint8_t)s->pat[k++] != (fold && c >= 'A' && c <= 'Z' ? c + 32 : c))
			return V_NONE;
		end = ++i;
	}
	if (end == f->end ? f->cut : t[end] >= 0x80)
		return V_UNSURE;   /* it could be a mark of the last character */
	m->start = start;
	m->end = end;
	return V_FOUND;
}

/* The unit start from which the keys up to the unit at u0 make `need`
 * bytes of pattern (a run of white space one), or SIZE_MAX. */
static size_t start_back(folder *f, size_t u0, size_t need, size_t floor)
{
	size_t t = u0, len = 0;
	bool run = false;
	unit u;
	while (len < need) {
		if (t == floor)
			return SIZE_MAX;
		t = unit_start(f, fold_prev_char(f->text, floor, t), floor);
		fold_unit(f, t, &u);
		if (u.kind == UNIT_KEY) {
			len += u.len;
			run = false;
			if (len == need)
				return t;
		} else if (u.kind == UNIT_SPACE && !run) {
			len++;
			run = true;
			if (len == need)
				return SIZE_MAX;   /* a match does not begin with a space */
		}
	}
	return SIZE_MAX;
}

/* The match that has the member at x for its anchor (at byte ko of the
 * pattern), beginning at or after `after`. Every match has exactly one
 * anchor, so trying each member's starts tries each start once. */
static enum verdict aligned(search_scan *s, folder *f, size_t x, size_t after, search_match *m)
{
	if ((uint8_t)f->text[x] < 0x80) {
		enum verdict v = ascii_aligned(s, f, x, m);
		if (v != V_UNSURE)
			return v == V_FOUND && m->start < after ? V_NONE : v;
	}
	size_t u0 = unit_start(f, x, f->floor);
	unit u;
	fold_unit(f, u0, &u);
	if (u.kind != UNIT_KEY)
		return V_NONE;
	char key[KEY_MAX];   /* (u.key may be in the folder's cache, which moves on) */
	size_t klen = u.len;
	memcpy(key, u.key, klen);
	/* where the anchor is in the unit's key: its starts, first to last */
	for (size_t j = 0; j + s->anchor_len <= klen && j <= s->ko; j++) {
		if (memcmp(key + j, s->anchor, s->anchor_len))
			continue;
		size_t t = j == s->ko ? u0 : start_back(f, u0, s->ko - j, f->floor);
		if (t == SIZE_MAX || t < after)
			continue;
		size_t e = fold_match(f, t, s->pat, s->n);
		if (e) {
			m->start = t;
			m->end = e;
			return V_FOUND;
		}
	}
	return V_NONE;
}

/* aligned() in the read buffer, without touching the mapped text; V_UNSURE
 * when it needed bytes the buffer does not hold. */
static enum verdict aligned_buffered(search_scan *s, size_t len, size_t from, size_t x, size_t after,
                                     search_match *m)
{
	size_t boff = s->boff, bend = boff + s->blen;
	if (!s->read || x < boff || x >= bend)
		return V_UNSURE;
	folder f;
	folder_init(&f, s->mode, s->buf, from > boff ? from - boff : 0, s->blen);
	folder_share_cache(&f, &s->cache);
	f.cut = bend < len;
	search_match rm;
	enum verdict v = aligned(s, &f, x - boff, after > boff ? after - boff : 0, &rm);
	/* a walk back to the buffer's start (not the text's), or a look past its end */
	if ((from < boff && f.low < 8) || (f.cut && f.reach > s->blen))
		return V_UNSURE;
	if (v == V_FOUND) {
		m->start = boff + rm.start;
		m->end = boff + rm.end;
	}
	return v;
}

int search_scan_run(search_scan *s, const char *text, size_t len, size_t from, size_t to, bool first,
                    search_hits *hits)
{
	if (to > len)
		to = len;
	if (!s->n || from >= to)
		return 0;
	s->blen = 0;   /* what was read belongs to the last run */
	folder f;
	folder_init(&f, s->mode, text, from, len);
	folder_share_cache(&f, &s->cache);
	search_match m;
	if (!s->fast) {
		for (size_t i = from; fold_next_match(&f, &i, to, s->pat, s->n, &m);) {
			if (hits_push(hits, m.start, m.end))
				return Q_ENOMEM;
			if (first)
				break;
		}
		return 0;
	}
	size_t after = from;   /* the end of the last match: the next begins there or later */
	for (size_t pos = from; pos < to;) {
		size_t x = next_member(s, text, len, pos, to);
		if (x >= to)
			break;
		pos = x + 1;
		enum verdict v = aligned_buffered(s, len, from, x, after, &m);
		if (v == V_UNSURE)
			v = aligned(s, &f, x, after, &m);
		if (v != V_FOUND)
			continue;
		if (m.start >= to)   /* and so will the later ones */
			return 0;
		if (hits_push(hits, m.start, m.end))
			return Q_ENOMEM;
		if (first)
			return 0;
		after = pos = m.end;
	}
	if (to >= len || after >= to)
		return 0;
	/* matches that begin before `to` with their anchor after it: from the
	 * unit starts where the keys up to `to` fit in ko bytes */
	size_t t = walk_back(&f, unit_start(&f, char_start(&f, to, after), after), s->ko, after);
	while (t < to) {
		size_t e = fold_match(&f, t, s->pat, s->n);
		if (!e) {
			t = unit_end(&f, t);
			continue;
		}
		if (hits_push(hits, t, e))
			return Q_ENOMEM;
		if (first)
			return 0;
		t = e;
	}
	return 0;
}
