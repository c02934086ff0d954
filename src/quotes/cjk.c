/* Chinese and Japanese: telling a quotation from a quoted term, where
 * words are not counted (see quotes.c, which lists a CJK quote that is
 * attributed or reads as speech). */
#include <string.h>
#include "cjk.h"
#include "tok.h"

/* Code points that tell CJK speech from a quoted term. */
enum {
	CJK_IDEO_COMMA = 0x3001,   /* 、 */
	CJK_IDEO_STOP = 0x3002,    /* 。 */
	CJK_FW_EXCL = 0xFF01,      /* ！ */
	CJK_FW_LPAREN = 0xFF08,    /* （ */
	CJK_FW_RPAREN = 0xFF09,    /* ） */
	CJK_FW_COMMA = 0xFF0C,     /* ， */
	CJK_FW_QUEST = 0xFF1F,     /* ？ */
	HIRA_TO = 0x3068,          /* と, the Japanese quotative particle */
};
/* The characters of an inverted attribution after a Chinese quote (，X說道。). */
#define CJK_ATTR_CHARS 12
/* A quoted term is a few characters; this many make a clause. */
#define CJK_CLAUSE_CHARS 10
/* Kana that may stand between a Japanese quote and its particle (」であると). */
#define CJK_TO_REACH 4

static bool cjk_sentence_mark(unsigned c)
{
	return c == CJK_IDEO_STOP || c == CJK_IDEO_COMMA || c == CJK_FW_COMMA || c == CJK_FW_EXCL || c == CJK_FW_QUEST;
}

/* The opening marks of CJK text: 「A」と「B」 joins two terms. */
static bool opening_mark(unsigned c)
{
	return c == 0x300C || c == 0x300E || c == 0x201C || c == 0x2018 || c == 0x301D || c == 0xFF62 || c == '"';
}

static bool hiragana(unsigned c)
{
	return c >= 0x3041 && c <= 0x309F;
}

/* A sentence mark inside the words, or more characters than a term has:
 * a clause. */
static bool cjk_has_clause(const char *t, size_t s, size_t e)
{
	size_t chars = 0;
	for (size_t i = s; i < e;) {
		int len;
		unsigned c = tok_decode(t + i, e - i, &len);
		if (cjk_sentence_mark(c) || (tok_is_cjk(c) && ++chars >= CJK_CLAUSE_CHARS))
			return true;
		i += (size_t)len;
	}
	return false;
}

/* A colon right before the opening mark: the words are introduced (X說：“…”). */
static bool cjk_introduced(const char *t, size_t open, size_t pstart)
{
	size_t i = open;
	while (i > pstart && t[i - 1] == ' ')
		i--;
	if (i == pstart)
		return false;
	if (t[i - 1] == ':')
		return true;
	return i >= pstart + 3 && !memcmp(t + i - 3, "\xEF\xBC\x9A", 3);   /* ： */
}

/* Japanese: the quotative particle after the closing mark, alone or after
 * a few kana (「…」と述べた, 「…」、と, 「…」であると), and not joining two
 * terms (「A」と「B」). */
static bool cjk_quotative(const char *t, size_t close, size_t pend)
{
	size_t i = close;
	for (int k = 0; k <= CJK_TO_REACH && i < pend; k++) {
		int len;
		unsigned c = tok_decode(t + i, pend - i, &len);
		i += (size_t)len;
		if (c == HIRA_TO) {
			unsigned next = i < pend ? tok_decode(t + i, pend - i, &len) : 0;
			/* not 「…」という ("called": a name as often as words) */
			return next != 0x3044 && !opening_mark(next);
		}
		if (!hiragana(c) && c != CJK_IDEO_COMMA)
			return false;
	}
	return false;
}

/* Chinese: a comma, then a short clause that ends the sentence: the
 * inverted attribution (“…”，一位官員說道。). What stands in parentheses
 * (a name in Latin letters) does not count. */
static bool cjk_attribution_after(const char *t, size_t close, size_t pend)
{
	int len;
	if (close >= pend || tok_decode(t + close, pend - close, &len) != CJK_FW_COMMA)
		return false;
	size_t chars = 0;
	int paren = 0;
	for (size_t i = close + (size_t)len; i < pend;) {
		unsigned c = tok_decode(t + i, pend - i, &len);
		i += (size_t)len;
		if (c == CJK_FW_LPAREN || c == '(')
			paren++;
		else if ((c == CJK_FW_RPAREN || c == ')') && paren)
			paren--;
		else if (c == CJK_IDEO_STOP || c == CJK_FW_EXCL || c == '.')
			return chars > 0;
		else if (!paren && !tok_is_cjk(c) && c != 0x30FB && c != 0xB7)
			return false;   /* more punctuation: a clause of its own */
		else if (!paren && ++chars > CJK_ATTR_CHARS)
			return false;
	}
	return chars > 0;
}

/* Does the CJK quote q read as someone's words rather than a term? */
bool cjk_reads_as_speech(const doc *d, const quote *q)
{
	const char *t = d->text;
	size_t p = doc_para_at(d, q->open);
	size_t ps = p < d->npara ? d->para[p].start : 0, pe = p < d->npara ? d->para[p].end : d->len;
	return cjk_has_clause(t, q->start, q->end) || cjk_introduced(t, q->open, ps) ||
	       cjk_quotative(t, q->close, pe) || cjk_attribution_after(t, q->close, pe);
}

