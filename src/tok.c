#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include "tok.h"

unsigned tok_decode(const char *s, size_t n, int *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*len = 1;
		return c;
	}
	ucs4_t u;
	int l = u8_mbtouc(&u, (const uint8_t *)s, n);
	*len = l > 0 ? l : 1;
	return u;
}

bool tok_is_cjk(unsigned c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF);
}

bool tok_is_alnum(unsigned c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_property_diacritic(c);
}

bool tok_is_upper(unsigned c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return uc_is_upper(c) || uc_is_property_titlecase(c);
}

bool tok_is_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x200A ||
	       c == 0x2007 || c == 0x3000 || c == 0x200B;
}

size_t tok_lower(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {   /* a hyphen join */
			i++;
			continue;
		}
		if (c < 0x80) {
			if (k >= LEX_MAXWORD)
				return 0;
			out[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
			i++;
			continue;
		}
		ucs4_t u;
		int l = u8_mbtouc(&u, (const uint8_t *)s + i, n - i);
		if (l <= 0)
			l = 1;
		ucs4_t lo = uc_tolower(u);
		uint8_t buf[6];
		int m = u8_uctomb(buf, lo, sizeof buf);
		if (m <= 0 || k + (size_t)m > LEX_MAXWORD)
			return 0;
		memcpy(out + k, buf, (size_t)m);
		k += (size_t)m;
		i += (size_t)l;
	}
	out[k] = '\0';
	return k;
}

/* Is the word t[s,e) an abbreviation when a dot follows it? */
static bool abbreviation(const tok *w)
{
	static const char *const short_forms[] = { "jr", "sr", "st", "no", "vs", "etc", "inc", "corp", "ltd", "co",
	                                           "bzw", "vgl", "ca", "dr", "nr", "mio", "mrd", "bl.a", "f.eks", "z.b" };
	if (w->n == 1 || memchr(w->low, '.', w->n))
		return true;
	if (w->lex & (LX_TITLE | LX_HONOR))
		return w->cap || w->n <= 4;
	for (size_t i = 0; i < sizeof short_forms / sizeof *short_forms; i++)
		if (!strcmp(w->low, short_forms[i]))
			return true;
	return false;
}

static unsigned char punct_kind(unsigned c)
{
	switch (c) {
	case ',': case 0x3001: case 0xFF0C: return T_COMMA;
	case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F: return T_STOP;
	case ':': case 0xFF1A: return T_COLON;
	case ';': return T_SEMI;
	case 0x2013: case 0x2014: case 0x2015: return T_DASH;
	case '"': case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
	case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
	case 0x300E: case 0x300F: case 0xFF02:
		return T_MARK;
	case '(': case '[': case 0xFF08: return T_OPEN;
	case ')': case ']': case 0xFF09: return T_CLOSE;
	default: return T_OTHER;
	}
}

/* Can the word go on through s[i] (an apostrophe, hyphen or dot) ? */
static bool joins(const char *t, size_t i, size_t end, int len)
{
	size_t j = i + (size_t)len;
	if (j >= end)
		return false;
	int l2;
	unsigned next = tok_decode(t + j, end - j, &l2);
	return tok_is_alnum(next) && !tok_is_cjk(next);
}

size_t tok_next(const char *t, size_t pos, size_t end, enum lang lang, tok *out)
{
	memset(out, 0, offsetof(tok, low));
	out->low[0] = '\0';
	int len;
	unsigned c = 0;
	while (pos < end) {
		c = tok_decode(t + pos, end - pos, &len);
		if (!tok_is_space(c))
			break;
		pos += (size_t)len;
	}
	if (pos >= end) {
		out->kind = T_NONE;
		out->s = out->e = end;
		return end;
	}
	out->s = pos;
	if (tok_is_cjk(c)) {
		out->kind = T_WORD;
		out->cjk = true;
		out->e = pos + (size_t)len;
		return out->e;
	}
	if (!tok_is_alnum(c)) {
		out->kind = punct_kind(c);
		if ((c == '\'' || c == 0x2019) && pos > 0 && (((unsigned char)t[pos - 1] | 0x20) >= 'a' &&
		                                             ((unsigned char)t[pos - 1] | 0x20) <= 'z'))
			out->kind = T_OTHER;   /* Reuters' office: a possessive, not a quote */
		out->e = pos + (size_t)len;
		if (c == '-' && out->e < end && (t[out->e] == ' ' || t[out->e] == '-'))
			out->kind = T_DASH;
		return out->e;
	}
	out->kind = T_WORD;
	out->cap = tok_is_upper(c);
	size_t i = pos + (size_t)len;
	while (i < end) {
		c = tok_decode(t + i, end - i, &len);
		if (tok_is_alnum(c) && !tok_is_cjk(c)) {
			i += (size_t)len;
		} else if ((c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == 0x2010 || c == 0x2011) &&
		           joins(t, i, end, len)) {
			i += (size_t)len;
		} else if (c == '\n' && i > pos && t[i - 1] == '-' && joins(t, i, end, 1)) {
			i++;
		} else {
			break;
		}
	}
	out->e = i;
	out->n = (unsigned char)tok_lower(t + pos, i - pos, out->low);
	out->lex = out->n ? lex_lookup(lang, out->low, out->n) : 0;
	return i;
}

size_t tok_scan(const char *t, size_t start, size_t end, enum lang lang, tok *v, size_t max)
{
	size_t k = 0, pos = start;
	while (k < max) {
		pos = tok_next(t, pos, end, lang, &v[k]);
		if (v[k].kind == T_NONE)
			break;
		if (v[k].kind == T_STOP && t[v[k].s] == '.' && k > 0 && v[k - 1].kind == T_WORD &&
		    v[k - 1].e == v[k].s && abbreviation(&v[k - 1]))
			v[k].kind = T_ABBR;
		v[k].para = k > 0 && memchr(t + v[k - 1].e, '\n', v[k].s - v[k - 1].e) != NULL;
		v[k].sent = k == 0 || v[k].para || v[k - 1].kind == T_STOP || v[k - 1].kind == T_MARK ||
		            v[k - 1].kind == T_COLON;
		k++;
	}
	return k;
}
