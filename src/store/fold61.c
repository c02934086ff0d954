/* Words as unicode61 makes them (fold61.h). For unicode61 every ASCII byte
 * but a letter or a digit ends a word, and it folds one character at a
 * time (remove_diacritics 2): what it makes of a character between two
 * letters is what it makes of it anywhere, so it is asked once a character
 * and the answer kept. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fold61.h"

int fold61_unicode61(fts5_api *api, fts5_tokenizer *tok, Fts5Tokenizer **u61)
{
	static const char *const args[] = { "remove_diacritics", "2" };
	void *ctx = NULL;
	int rc = api->xFindTokenizer(api, "unicode61", &ctx, tok);
	return rc == SQLITE_OK ? tok->xCreate(ctx, (const char **)args, 2, u61) : rc;
}

/* Longest word of ASCII letters and digits lower-cased in one pass. */
#define ASCII_WORD_MAX 64
/* Longest run of letters holding other characters folded here; a longer
 * one (a long run of a script without spaces) goes to unicode61. */
#define PIECE_MAX 1024
/* fold_piece: the piece is for unicode61 (nothing of it was given yet). */
#define ASK_UNICODE61 (-1)

/* What a byte is to unicode61: an ASCII byte that ends a word (0), a
 * letter or digit kept as it is, an upper-case letter, or a byte of
 * another character. */
enum { BYTE_KEPT = 1, BYTE_UPPER = 2, BYTE_OTHER = 4 };

/* What unicode61 makes of a character alone: it ends a word, it is
 * dropped from one (a mark), it is something else (the piece that holds
 * it goes to unicode61 whole), or it is folded to one character (the
 * value less CHAR_FOLDED). */
enum { CHAR_UNKNOWN, CHAR_ENDS, CHAR_DROPPED, CHAR_OTHER, CHAR_FOLDED };

struct fold61 {
	fts5_tokenizer tok;
	Fts5Tokenizer *u61;
	unsigned char kind[256];
	uint32_t *chars;         /* of U+0080..U+FFFF, made when first needed */
};

static unsigned char byte_kind(unsigned c)
{
	if (c >= 0x80)
		return BYTE_OTHER;
	if (c >= 'A' && c <= 'Z')
		return BYTE_UPPER;
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? BYTE_KEPT : 0;
}

int fold61_new(fts5_api *api, fold61 **out)
{
	*out = NULL;
	fold61 *f = calloc(1, sizeof *f);
	if (!f)
		return SQLITE_NOMEM;
	int rc = fold61_unicode61(api, &f->tok, &f->u61);
	if (rc != SQLITE_OK) {
		free(f);
		return rc;
	}
	for (unsigned c = 0; c < 256; c++)
		f->kind[c] = byte_kind(c);
	*out = f;
	return SQLITE_OK;
}

void fold61_free(fold61 *f)
{
	if (!f)
		return;
	f->tok.xDelete(f->u61);
	free(f->chars);
	free(f);
}

/* ---- asking unicode61 about a character ---- */

typedef struct probe {
	char tok[2][16];
	int len[2], n;
} probe;

static int probe_token(void *ctx, int flags, const char *t, int n, int start, int end)
{
	(void)flags;
	(void)start;
	(void)end;
	probe *p = ctx;
	if (p->n < 2) {
		p->len[p->n] = n < (int)sizeof p->tok[0] ? n : -1;
		if (p->len[p->n] > 0)
			memcpy(p->tok[p->n], t, (size_t)n);
	}
	p->n++;
	return SQLITE_OK;
}

/* The code point of u[0..n) when it is one character of one to three
 * bytes, else -1. */
static long utf8_one(const unsigned char *u, int n)
{
	if (n == 1 && u[0] < 0x80)
		return u[0];
	if (n == 2 && (u[0] & 0xE0) == 0xC0)
		return (long)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	if (n == 3 && (u[0] & 0xF0) == 0xE0)
		return (long)(u[0] & 0x0F) << 12 | (long)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	return -1;
}

/* What unicode61 makes of the character c[0..n), between two letters. */
static uint32_t ask_unicode61(fold61 *f, const unsigned char *c, size_t n)
{
	char text[8] = "a";
	memcpy(text + 1, c, n);
	text[n + 1] = 'a';
	probe p = { .n = 0 };
	if (f->tok.xTokenize(f->u61, &p, FTS5_TOKENIZE_DOCUMENT, text, (int)n + 2, probe_token) != SQLITE_OK)
		return CHAR_OTHER;
	if (p.n == 2 && p.len[0] == 1 && p.len[1] == 1)
		return CHAR_ENDS;
	if (p.n != 1 || p.len[0] < 2 || p.tok[0][0] != 'a' || p.tok[0][p.len[0] - 1] != 'a')
		return CHAR_OTHER;
	if (p.len[0] == 2)
		return CHAR_DROPPED;
	long cp = utf8_one((const unsigned char *)p.tok[0] + 1, p.len[0] - 2);
	return cp < 0 ? CHAR_OTHER : (uint32_t)cp + CHAR_FOLDED;
}

/* ---- folding ---- */

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | cp >> 12);
	o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* The length of the valid UTF-8 character of two or three bytes at t
 * (of n), its code point in *cp; 0 for anything else. */
static inline size_t utf8_bmp(const unsigned char *t, size_t n, uint32_t *cp)
{
	if ((t[0] & 0xE0) == 0xC0 && n >= 2 && (t[1] & 0xC0) == 0x80 && t[0] >= 0xC2) {
		*cp = (uint32_t)(t[0] & 0x1F) << 6 | (t[1] & 0x3F);
		return 2;
	}
	if ((t[0] & 0xF0) == 0xE0 && n >= 3 && (t[1] & 0xC0) == 0x80 && (t[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(t[0] & 0x0F) << 12 | (uint32_t)(t[1] & 0x3F) << 6 | (t[2] & 0x3F);
		if (c < 0x800 || (c >= 0xD800 && c < 0xE000))
			return 0;
		*cp = c;
		return 3;
	}
	return 0;
}

/* What unicode61 makes of the character c[0..k) of code point cp. */
static inline uint32_t char_fold(fold61 *f, const unsigned char *c, size_t k, uint32_t cp)
{
	if (f->chars[cp] == CHAR_UNKNOWN)
		f->chars[cp] = ask_unicode61(f, c, k);
	return f->chars[cp];
}

/* A word of a piece: where its folded bytes are, where it is in the text. */
typedef struct piece_word {
	uint16_t from, len;      /* in the folded bytes */
	uint16_t start, end;     /* in the piece */
} piece_word;

/* The words of the run t[0..n) (at at in the text) of letters, digits and
 * other characters than ASCII, folded here; ASK_UNICODE61 when it holds a
 * character unicode61 must fold itself (four bytes, a bad byte, or one it
 * makes more than one character of): nothing was given then. */
static int fold_piece(fold61 *f, const unsigned char *t, size_t n, int at, fold61_token token, void *ctx)
{
	if (n > PIECE_MAX || (!f->chars && !(f->chars = calloc(0x10000, sizeof *f->chars))))
		return ASK_UNICODE61;
	char out[3 * PIECE_MAX];   /* (a character folds to three bytes at most) */
	piece_word w[PIECE_MAX / 2 + 1];
	size_t len = 0, nw = 0, end = 0;   /* end: of the last character folded into the word */
	bool in = false;
	for (size_t i = 0; i < n;) {
		uint32_t v, cp;
		size_t k = 1;
		if (t[i] < 0x80) {
			v = CHAR_FOLDED + (uint32_t)(t[i] | (f->kind[t[i]] & BYTE_UPPER) << 4);
		} else if ((k = utf8_bmp(t + i, n - i, &cp)) != 0) {
			v = char_fold(f, t + i, k, cp);
		} else {
			return ASK_UNICODE61;
		}
		if (v >= CHAR_FOLDED) {
			if (!in)
				w[nw++] = (piece_word){ (uint16_t)len, 0, (uint16_t)i, 0 };
			in = true;
			len += put_utf8(out + len, v - CHAR_FOLDED);
			end = i + k;
		} else if (v == CHAR_ENDS && in) {   /* (the word's length and end once, when it ends) */
			in = false;
			w[nw - 1].len = (uint16_t)(len - w[nw - 1].from);
			w[nw - 1].end = (uint16_t)end;
		} else if (v == CHAR_OTHER) {
			return ASK_UNICODE61;
		}
		i += k;
	}
	if (in) {
		w[nw - 1].len = (uint16_t)(len - w[nw - 1].from);
		w[nw - 1].end = (uint16_t)end;
	}
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < nw; i++)
		rc = token(ctx, 0, out + w[i].from, w[i].len, at + w[i].start, at + w[i].end);
	return rc;
}

/* unicode61's words of a piece of the text at at, their places in it. */
typedef struct shifted {
	fold61_token token;
	void *ctx;
	int at;
} shifted;

static int shifted_token(void *ctx, int flags, const char *t, int n, int start, int end)
{
	shifted *s = ctx;
	return s->token(s->ctx, flags, t, n, s->at + start, s->at + end);
}

int fold61_words(fold61 *f, const char *text, int n, fold61_token token, void *ctx)
{
	const unsigned char *t = (const unsigned char *)text, *kind = f->kind;
	char low[ASCII_WORD_MAX];
	int rc = SQLITE_OK, i = 0;
	/* (each loop reads a byte's kind once: this loop is most of the time of
	 * the words of a text) */
	while (rc == SQLITE_OK) {
		unsigned all = 0, k = 0;
		while (i < n && !(k = kind[t[i]]))
			i++;
		if (i >= n)
			break;
		int start = i;
		do {
			all |= k;
			i++;
		} while (i < n && (k = kind[t[i]]) != 0);
		size_t len = (size_t)(i - start);
		if (!(all & (BYTE_OTHER | BYTE_UPPER))) {   /* as it is in the text */
			rc = token(ctx, 0, text + start, (int)len, start, i);
			continue;
		}
		if (!(all & BYTE_OTHER) && len <= sizeof low) {
			for (size_t c = 0; c < len; c++) {
				unsigned b = t[(size_t)start + c];
				low[c] = (char)(b | (kind[b] & BYTE_UPPER) << 4);   /* 'A' | 0x20 is 'a' */
			}
			rc = token(ctx, 0, low, (int)len, start, i);
			continue;
		}
		rc = fold_piece(f, t + start, len, start, token, ctx);
		if (rc == ASK_UNICODE61) {
			shifted s = { token, ctx, start };
			rc = f->tok.xTokenize(f->u61, &s, FTS5_TOKENIZE_DOCUMENT, text + start, (int)len, shifted_token);
		}
	}
	return rc;
}
