/* The words of an article for its full-text index, made where the text is
 * read (index.h: index_words_of), and the tokenizer of article_fts that
 * takes them as they are. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "error.h"
#include "fold61.h"
#include "grow.h"
#include "index_internal.h"
#include "strbuf.h"

/* The text of article_fts is words made beforehand, separated by spaces;
 * a query is tokenized by unicode61 as the words were. Beside its words an
 * article has each of their two-character beginnings once, as a word of its own
 * behind PREFIX_MARK (a byte no word holds): the list filter's second key
 * ("ha"*, every word that begins so) reads one list. FTS5's prefix='2' did
 * the same but wrote the beginning of every word again, not of every
 * beginning once (by callgrind, the most of the writing of article_fts). */
#define PREFIX_MARK '\x01'

/* The beginnings of one text's words, once each: of two ASCII bytes, a
 * bit each; of others, a table of their bytes (at most eight, packed,
 * shifted, + 1: 0 is a free slot); what was set, to clear. */
typedef struct beginnings {
	uint64_t ascii[128 * 128 / 64];
	uint16_t ascii_set[128 * 128];
	uint32_t nascii;
	uint64_t *seen;
	uint32_t *seen_set;
	uint32_t nseen, nslots;
} beginnings;

/* The length in bytes of the first two characters of w[0..n), or 0 when
 * it has fewer (or they take more than eight bytes: bad bytes). */
static int two_chars(const char *w, int n)
{
	if (n >= 2 && !(((unsigned char)w[0] | (unsigned char)w[1]) & 0x80))
		return 2;
	int k = 0;
	for (int c = 0; c < 2; c++) {
		if (k >= n)
			return 0;
		k++;
		while (k < n && ((unsigned char)w[k] & 0xC0) == 0x80)
			k++;
	}
	return k <= 8 ? k : 0;
}

static uint32_t seen_slot(uint64_t key, uint32_t mask)
{
	return (uint32_t)((key * 0x9E3779B97F4A7C15u) >> 40) & mask;
}

static int seen_grow(beginnings *m)
{
	uint32_t n = m->nslots ? m->nslots * 2 : 1024;
	uint64_t *v = sqlite3_malloc64((sqlite3_uint64)n * sizeof *v);
	uint32_t *set = sqlite3_malloc64((sqlite3_uint64)n / 2 * sizeof *set);
	if (!v || !set) {
		sqlite3_free(v);
		sqlite3_free(set);
		return SQLITE_NOMEM;
	}
	memset(v, 0, (size_t)n * sizeof *v);
	for (uint32_t i = 0; i < m->nseen; i++) {
		uint64_t key = m->seen[m->seen_set[i]];
		uint32_t h = seen_slot(key, n - 1);
		while (v[h])
			h = (h + 1) & (n - 1);
		v[h] = key;
		set[i] = h;
	}
	sqlite3_free(m->seen);
	sqlite3_free(m->seen_set);
	m->seen = v;
	m->seen_set = set;
	m->nslots = n;
	return SQLITE_OK;
}

/* True the first time the beginning b[0..n) (n <= 8) is seen in this text. */
static int seen_first(beginnings *m, const char *b, int n, bool *first)
{
	const unsigned char *u = (const unsigned char *)b;
	if (n == 2 && u[0] < 0x80 && u[1] < 0x80) {
		unsigned k = (unsigned)u[0] << 7 | u[1];
		uint64_t bit = (uint64_t)1 << (k & 63);
		*first = !(m->ascii[k >> 6] & bit);
		if (*first) {
			m->ascii[k >> 6] |= bit;
			m->ascii_set[m->nascii++] = (uint16_t)k;
		}
		return SQLITE_OK;
	}
	if (2 * (m->nseen + 1) > m->nslots && seen_grow(m) != SQLITE_OK)
		return SQLITE_NOMEM;
	uint64_t key = 0;
	memcpy(&key, b, (size_t)n);
	key = key << 1 | 1;   /* never 0; n is known from the bytes (no NUL in a word) */
	uint32_t mask = m->nslots - 1, h = seen_slot(key, mask);
	while (m->seen[h] && m->seen[h] != key)
		h = (h + 1) & mask;
	*first = !m->seen[h];
	if (*first) {
		m->seen[h] = key;
		m->seen_set[m->nseen++] = h;
	}
	return SQLITE_OK;
}

static void seen_clear(beginnings *m)
{
	for (uint32_t i = 0; i < m->nascii; i++)
		m->ascii[m->ascii_set[i] >> 6] = 0;
	m->nascii = 0;
	for (uint32_t i = 0; i < m->nseen; i++)
		m->seen[m->seen_set[i]] = 0;
	m->nseen = 0;
}

struct index_words {
	sqlite3 *db;             /* in memory: only to reach FTS5's tokenizers */
	fold61 *fold;
	/* the words of one text, once each: a table of offsets + 1 in out */
	uint32_t *slot;
	size_t nslots;
	uint32_t *used;          /* the slots taken, cleared for the next text (not all of them) */
	size_t nused;
	strbuf out;
	beginnings begun;
	int error;
};

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	return api;
}

int index_words_new(index_words **out)
{
	*out = NULL;
	index_words *w = calloc(1, sizeof *w);
	if (!w)
		return Q_ENOMEM;
	sb_init(&w->out);
	int rc = sqlite3_open_v2(":memory:", &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	fts5_api *api = rc == SQLITE_OK ? fts5_api_of(w->db) : NULL;
	if (rc == SQLITE_OK)
		rc = api ? fold61_new(api, &w->fold) : SQLITE_ERROR;
	rc = rc == SQLITE_NOMEM ? Q_ENOMEM : rc ? Q_EIO : 0;
	if (rc) {
		index_words_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

void index_words_free(index_words *w)
{
	if (!w)
		return;
	fold61_free(w->fold);
	sqlite3_close(w->db);
	sqlite3_free(w->begun.seen);
	sqlite3_free(w->begun.seen_set);
	free(w->slot);
	free(w->used);
	sb_free(&w->out);
	free(w);
}

/* The bytes t[0..n) as one number, for n < 8, by loads of a known size
 * (a copy of n bytes was a call to memcpy a word: a tenth of keeping it). */
static inline uint64_t short_bytes(const char *t, size_t n)
{
	uint32_t a, b;
	if (n >= 4) {   /* two loads that overlap: every byte is in one of them */
		memcpy(&a, t, 4);
		memcpy(&b, t + n - 4, 4);
		return (uint64_t)a << 32 | b;
	}
	if (!n)
		return 0;
	const unsigned char *u = (const unsigned char *)t;
	return (uint64_t)u[0] << 16 | (uint64_t)u[n / 2] << 8 | u[n - 1];
}

/* A hash of a word for the table of words seen: eight bytes at a time (a
 * word is short; doc_hash, made for whole texts, took half the time of
 * keeping a word). Its length is in it: short_bytes alone does not tell
 * "aa" from "aaa". */
static uint64_t word_hash(const char *t, size_t n)
{
	uint64_t h = n * 0x9E3779B97F4A7C15ULL;
	for (; n >= 8; t += 8, n -= 8) {
		uint64_t x;
		memcpy(&x, t, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	if (n)
		h = (h ^ short_bytes(t, n)) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* a[0..n) == b[0..n), inline for a word's few bytes. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	for (; n >= 8; a += 8, b += 8, n -= 8) {
		uint64_t x, y;
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return false;
	}
	return short_bytes(a, n) == short_bytes(b, n);
}

/* The slot of word t[0..n): the one that holds it, or an empty one. */
static size_t word_slot(const index_words *w, const char *t, size_t n)
{
	size_t mask = w->nslots - 1, k = (size_t)word_hash(t, n) & mask;
	for (; w->slot[k]; k = (k + 1) & mask) {
		size_t at = w->slot[k] - 1;
		if (at + n <= w->out.len && same_bytes(w->out.s + at, t, n) && (at + n == w->out.len || w->out.s[at + n] == ' '))
			return k;
	}
	return k;
}

/* Copies t[0..n) to o by loads and stores of a known size when it is
 * short, as a word is (memcpy of n bytes was a call a word). */
static inline void copy_short(char *o, const char *t, size_t n)
{
	if (n > 16) {
		memcpy(o, t, n);
	} else if (n >= 8) {   /* two copies that overlap */
		uint64_t x, y;
		memcpy(&x, t, 8);
		memcpy(&y, t + n - 8, 8);
		memcpy(o, &x, 8);
		memcpy(o + n - 8, &y, 8);
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, t, 4);
		memcpy(&y, t + n - 4, 4);
		memcpy(o, &x, 4);
		memcpy(o + n - 4, &y, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			o[i] = t[i];
	}
}

/* Room for n bytes at the end of b and its NUL, not yet counted in its
 * length; NULL without memory. */
static char *room_for(strbuf *b, size_t n)
{
	if (!b->failed && b->cap - b->len > n)
		return b->s + b->len;
	char *o = sb_extend(b, n);
	if (o)
		b->len -= n;
	return o;
}

/* What a kept word adds at most: the space before it, and its beginning
 * (of at most eight bytes) with its space and mark. */
#define WORD_EXTRA 11

/* After a word kept (written up to o), its two-character beginning the
 * first time it is seen (article_fts's tokenizer takes it as it takes the
 * words: made here, on the reading threads, not on the writer); where the
 * text goes on, or NULL without memory. */
static char *add_beginning(index_words *w, char *o, const char *t, int n)
{
	int k = two_chars(t, n);
	bool first = false;
	if (!k)
		return o;
	if (seen_first(&w->begun, t, k, &first) != SQLITE_OK)
		return NULL;
	if (first) {
		o[0] = ' ';
		o[1] = PREFIX_MARK;
		copy_short(o + 2, t, (size_t)k);
		o += k + 2;
	}
	return o;
}

/* A word of the tokenizer: kept the first time only. */
static int add_word(void *ctx, int flags, const char *t, int n, int start, int end)
{
	(void)flags;
	(void)start;
	(void)end;
	index_words *w = ctx;
	if (n <= 0)
		return SQLITE_OK;
	size_t k = word_slot(w, t, (size_t)n);
	if (w->slot[k])
		return SQLITE_OK;
	char *o = w->out.len + (size_t)n + WORD_EXTRA < UINT32_MAX ? room_for(&w->out, (size_t)n + WORD_EXTRA) : NULL;
	if (o && w->out.len)
		*o++ = ' ';
	if (o) {
		w->slot[k] = (uint32_t)(o - w->out.s) + 1;
		w->used[w->nused++] = (uint32_t)k;   /* (at most half the slots are taken) */
		copy_short(o, t, (size_t)n);
		o = add_beginning(w, o + n, t, n);
	}
	if (!o) {
		w->error = Q_ENOMEM;
		return SQLITE_NOMEM;
	}
	*o = '\0';
	w->out.len = (size_t)(o - w->out.s);
	return SQLITE_OK;
}

/* Tokenizes text[0..n) into w->out (after what is there), as unicode61
 * would (fold61.h). */
static int words_of(index_words *w, const char *text, size_t n)
{
	if (!text || !n)
		return 0;
	int rc = fold61_words(w->fold, text, n > INT32_MAX ? INT32_MAX : (int)n, add_word, w);
	if (w->error)
		return w->error;
	return rc == SQLITE_NOMEM ? Q_ENOMEM : rc ? Q_EIO : 0;
}

int index_words_of(index_words *w, const char *title, const char *body, size_t nbody, char **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t ntitle = title ? strlen(title) : 0, need = 64;
	while (need < 2 * (ntitle + nbody) + 64)   /* at most half full: a word is a byte at the least */
		need *= 2;
	if (need > w->nslots) {
		uint32_t *s = calloc(need, sizeof *s), *u = malloc(need / 2 * sizeof *u);
		if (!s || !u) {
			free(s);
			free(u);
			return Q_ENOMEM;
		}
		free(w->slot);
		free(w->used);
		w->slot = s;
		w->used = u;
		w->nslots = need;
		w->nused = 0;
	}
	for (size_t i = 0; i < w->nused; i++)
		w->slot[w->used[i]] = 0;
	w->nused = 0;
	if (w->out.failed) {   /* a last text that found no memory: a new buffer */
		sb_free(&w->out);
		sb_init(&w->out);
	}
	w->out.len = 0;
	seen_clear(&w->begun);
	w->error = 0;
	int rc = words_of(w, title, ntitle);
	if (!rc)
		rc = words_of(w, body, nbody);
	if (!rc && w->out.failed)
		rc = Q_ENOMEM;
	char *s = rc ? NULL : malloc(w->out.len + 1);
	if (!rc && !s)
		rc = Q_ENOMEM;
	if (rc)
		return rc;
	if (w->out.len)
		memcpy(s, w->out.s, w->out.len);
	s[w->out.len] = '\0';
	*out = s;
	*nout = w->out.len;
	return 0;
}

/* ---- the tokenizer of article_fts ---- */

typedef struct made_words {
	fts5_tokenizer tok;
	Fts5Tokenizer *u61;
	/* the tokens of a query, kept to mark its last one */
	char last[64];
	int nlast, last_start, last_end;
	bool have_last;
} made_words;

static int made_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)args;
	(void)nargs;
	made_words *m = sqlite3_malloc(sizeof *m);
	if (!m)
		return SQLITE_NOMEM;
	memset(m, 0, sizeof *m);
	int rc = fold61_unicode61(ctx, &m->tok, &m->u61);
	if (rc != SQLITE_OK) {
		sqlite3_free(m);
		return rc;
	}
	*out = (Fts5Tokenizer *)m;
	return SQLITE_OK;
}

static void made_delete(Fts5Tokenizer *t)
{
	made_words *m = (made_words *)t;
	m->tok.xDelete(m->u61);
	sqlite3_free(m);
}

/* An article's text: its words and their beginnings, as index_words_of
 * made them, separated by spaces. */
static int tokenize_made(void *ctx, const char *text, int n,
                         int (*token)(void *ctx, int flags, const char *t, int n, int start, int end))
{
	int rc = SQLITE_OK;
	for (int i = 0; rc == SQLITE_OK && i < n;) {
		const char *sp = memchr(text + i, ' ', (size_t)(n - i));
		int end = sp ? (int)(sp - text) : n;
		if (end > i)
			rc = token(ctx, 0, text + i, end - i, i, end);
		i = end + 1;
	}
	return rc;
}

/* A query's tokens, each passed on when the next comes: the last one of a
 * prefix query ("ha"*), when it is two characters, is their beginning. */
typedef struct query_ctx {
	made_words *m;
	void *ctx;
	int (*token)(void *ctx, int flags, const char *t, int n, int start, int end);
} query_ctx;

static int pass_last(query_ctx *q, bool prefix)
{
	made_words *m = q->m;
	if (!m->have_last)
		return SQLITE_OK;
	m->have_last = false;
	if (prefix && m->nlast > 1 && two_chars(m->last + 1, m->nlast - 1) == m->nlast - 1)
		return q->token(q->ctx, 0, m->last, m->nlast, m->last_start, m->last_end);
	return q->token(q->ctx, 0, m->last + 1, m->nlast - 1, m->last_start, m->last_end);
}

static int query_token(void *ctx, int flags, const char *t, int n, int start, int end)
{
	query_ctx *q = ctx;
	made_words *m = q->m;
	int rc = pass_last(q, false);
	if (rc != SQLITE_OK)
		return rc;
	if (n + 1 > (int)sizeof m->last || flags)
		return q->token(q->ctx, flags, t, n, start, end);   /* too long for a beginning: as it is */
	m->last[0] = PREFIX_MARK;
	memcpy(m->last + 1, t, (size_t)n);
	m->nlast = n + 1;
	m->last_start = start;
	m->last_end = end;
	m->have_last = true;
	return SQLITE_OK;
}

static int made_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                         int (*token)(void *ctx, int flags, const char *t, int n, int start, int end))
{
	made_words *m = (made_words *)t;
	if (flags & FTS5_TOKENIZE_DOCUMENT)
		return tokenize_made(ctx, text, n, token);
	query_ctx q = { m, ctx, token };
	m->have_last = false;
	int rc = m->tok.xTokenize(m->u61, &q, flags, text, n, query_token);
	if (rc == SQLITE_OK)
		rc = pass_last(&q, (flags & FTS5_TOKENIZE_PREFIX) != 0);
	m->have_last = false;
	return rc;
}

/* ---- the tokenizer of quote_fts: unicode61's words, made by fold61 ---- */

/* The words of quotes, made on a reading thread (index_qwords_add). */

static int qword_add(void *ctx, int flags, const char *t, int n, int start, int end)
{
	(void)flags;
	index_qwords *q = ctx;
	if (n < 0 || GROW(q->tok, q->captok, 4 * (q->ntok + 1), 256) ||
	    GROW(q->bytes, q->capbytes, q->nbytes + (size_t)n, 1024) || q->nbytes + (size_t)n > UINT32_MAX) {
		q->error = Q_ENOMEM;
		return SQLITE_NOMEM;
	}
	uint32_t *k = q->tok + 4 * q->ntok++;
	k[0] = (uint32_t)q->nbytes;
	k[1] = (uint32_t)n;
	k[2] = (uint32_t)start;
	k[3] = (uint32_t)end;
	memcpy(q->bytes + q->nbytes, t, (size_t)n);
	q->nbytes += (size_t)n;
	return SQLITE_OK;
}

int index_qwords_add(index_words *w, index_qwords *q, const char *text, size_t n)
{
	if (n > INT32_MAX)
		return Q_EIO;
	q->error = 0;
	int rc = n ? fold61_words(w->fold, text, (int)n, qword_add, q) : SQLITE_OK;
	if (q->error)
		return q->error;
	return rc == SQLITE_NOMEM ? Q_ENOMEM : rc ? Q_EIO : 0;
}

void index_qwords_free(index_qwords *q)
{
	free(q->bytes);
	free(q->tok);
	memset(q, 0, sizeof *q);
}

/* What the writer gives the tokenizer with a quote (index_premade_set):
 * one context a connection, which its tokenizers see. */
struct index_premade {
	fts5_api *api;
	const char *text;
	size_t n;
	const index_qwords *w;
	size_t from, to;
};

void index_premade_set(index_premade *pre, const char *text, size_t n, const index_qwords *w, size_t from, size_t to)
{
	if (!pre)
		return;
	pre->text = text;
	pre->n = n;
	pre->w = w;
	pre->from = from;
	pre->to = to;
}

typedef struct text_words {
	fold61 *fold;
	const index_premade *pre;
} text_words;

static int text_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)args;
	(void)nargs;
	const index_premade *pre = ctx;
	text_words *t = sqlite3_malloc(sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	t->pre = pre;
	int rc = fold61_new(pre->api, &t->fold);
	if (rc != SQLITE_OK) {
		sqlite3_free(t);
		t = NULL;
	}
	*out = (Fts5Tokenizer *)t;
	return rc;
}

static void text_delete(Fts5Tokenizer *tok)
{
	text_words *t = (text_words *)tok;
	fold61_free(t->fold);
	sqlite3_free(t);
}

/* The words made beforehand when the text is the one they were made of:
 * the same bytes give the same words. */
static int text_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
                         int (*token)(void *ctx, int flags, const char *t, int n, int start, int end))
{
	(void)flags;   /* (unicode61 makes the same words of a query) */
	text_words *t = (text_words *)tok;
	const index_premade *p = t->pre;
	if (!p->text || n < 0 || (size_t)n != p->n || memcmp(text, p->text, p->n))
		return fold61_words(t->fold, text, n, token, ctx);
	int rc = SQLITE_OK;
	for (size_t i = p->from; rc == SQLITE_OK && i < p->to; i++) {
		const uint32_t *k = p->w->tok + 4 * i;
		rc = token(ctx, 0, p->w->bytes + k[0], (int)k[1], (int)k[2], (int)k[3]);
	}
	return rc;
}

int index_words_register_premade(sqlite3 *db, index_premade **pre)
{
	if (pre)
		*pre = NULL;
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	index_premade *p = sqlite3_malloc(sizeof *p);
	if (!p)
		return SQLITE_NOMEM;
	*p = (index_premade){ .api = api };
	fts5_tokenizer made = { made_create, made_delete, made_tokenize };   /* (FTS5 keeps a copy) */
	fts5_tokenizer text = { text_create, text_delete, text_tokenize };
	int rc = api->xCreateTokenizer(api, INDEX_WORDS_TOKENIZER, api, &made, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_free(p);
		return rc;
	}
	/* (p is freed by FTS5 with the connection; here when it was not taken) */
	rc = api->xCreateTokenizer(api, INDEX_TEXT_TOKENIZER, p, &text, sqlite3_free);
	if (rc != SQLITE_OK)
		sqlite3_free(p);
	else if (pre)
		*pre = p;
	return rc;
}

int index_words_register(sqlite3 *db)
{
	return index_words_register_premade(db, NULL);
}
