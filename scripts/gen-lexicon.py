#!/usr/bin/env python3
"""Generates src/quotes/lexicon.c from the language files src/quotes/lang/*.txt.

    python3 scripts/gen-lexicon.py > src/quotes/lexicon.c     (make does it)

A language file is a list of [sections], each followed by its words
(src/quotes/lang/README.md). The names of the sections come from
include/quotes/lexicon.h: [cue] fills LX_CUE, [role_suffix] LA_ROLE_SUFFIX,
and the words of [properties] name LP_ flags. The language of a file is its
name (en.txt is LANG_EN of include/quotes/lang.h).

Each word gets, per language, a mask of classes; lookups go through a
minimal perfect hash built here (place), so the C side does one hash, reads
one displacement and compares one entry per token.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LANG_DIR = os.path.join(ROOT, "src", "quotes", "lang")
LEX_H = os.path.join(ROOT, "include", "quotes", "lexicon.h")
LANG_H = os.path.join(ROOT, "include", "quotes", "lang.h")

# Names, titles and dates travel between languages (von der Leyen in an
# English report, Mr in a German one): these classes count in every language.
SHARED = {"title", "honor", "particle", "cal"}
# Words of the detection profile are counted by the language detector only.
PROFILE = "profile"


def fail(msg):
    sys.exit("gen-lexicon: " + msg)


def header_define(name):
    """The number a #define NAME of lexicon.h gives."""
    m = re.search(r"^#define %s (\d+)" % name, open(LEX_H, encoding="utf-8").read(), re.M)
    if not m:
        fail("lexicon.h defines no " + name)
    return int(m.group(1))


LEX_MAXWORD = header_define("LEX_MAXWORD")   # the longest word the lists may hold


def enum_names(path, prefix):
    """{lower-case name: value} of the enumerators PREFIXNAME of a header, in order."""
    text = open(path, encoding="utf-8").read()
    out = {}
    nxt = 0
    for m in re.finditer(r"\b%s([A-Z_0-9]+)\s*(?:=\s*([^,\n/]+))?," % prefix, text):
        name, val = m.group(1), m.group(2)
        if val is not None:
            val = val.strip()
            sh = re.fullmatch(r"1u?\s*<<\s*(\d+)", val)
            nxt = (1 << int(sh.group(1))) if sh else int(val, 0)
        out[name.lower()] = nxt
        nxt += 1
    return out


CLASSES = enum_names(LEX_H, "LX_")
# classes that hold in every language, in a byte of their own
ANY = enum_names(LEX_H, "LXA_")
AFFIXES = {k: v for k, v in enum_names(LEX_H, "LA_").items() if not k.startswith("_")}
PROPS = enum_names(LEX_H, "LP_")
LANG_ENUM = enum_names(LANG_H, "LANG_")
LANGS = [code for code, v in sorted(LANG_ENUM.items(), key=lambda kv: kv[1])
         if code not in ("unknown", "count")]   # index i is enum value i + 1
# the Latin-script languages: the detector reads their [profile] words (lang.h's LANG_LATIN_MASK)
LATIN = ("en", "da", "no", "sv", "de", "fr", "es", "nl", "it", "pt", "pl", "ca", "cs", "ro", "hr", "hu", "lv", "lt", "tr", "id", "vi", "sk", "sl", "fi", "et", "gl", "eu", "is", "ga", "mt")
# a word's profile has bit i for the i-th of them in the order of enum lang
# (lexicon.h: 32 bits)
LATIN_ORDER = [code for code in LANGS if code in LATIN]
if len(LATIN_ORDER) != len(LATIN) or len(LATIN) > 32:
    fail("LATIN names %d languages of lang.h, at most 32" % len(LATIN))


# [month]: one line a month, January first; its words go to the table of
# month names that dates are read with (lex_month), not to the classes.
MONTH = "month"
# [date_unit]: three lines, the words written before the year's, the
# month's and the day's number of a date (vi "ngày 5 tháng 9 năm 2021"):
# the table lex_date_unit reads, not the classes.
DATE_UNIT = "date_unit"
# [like] names another language whose words this one shares, and
# [alphabet] the letters (longest first) that write them in its own script:
# every section of that file but its properties, profile and months is
# added here, as written and transliterated (sr.txt: hr.txt's words in
# Latin and Cyrillic letters).
LIKE = "like"
ALPHABET = "alphabet"


def transliterate(word, pairs):
    out, i = [], 0
    while i < len(word):
        for a, b in pairs:
            if word.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def add_like(code, langs):
    """The words of the language code's [like] added to its sections, as
    written and in its [alphabet]."""
    secs = langs[code]
    like = secs.pop(LIKE, [])
    letters = secs.pop(ALPHABET, [])
    if not like:
        return
    if len(like) != 1 or like[0] not in langs or LIKE in langs[like[0]]:
        fail("%s.txt: [like] names one language with a file of its own, not %s" % (code, " ".join(like)))
    if len(letters) % 2:
        fail("%s.txt: [alphabet] holds pairs" % code)
    pairs = sorted(zip(letters[::2], letters[1::2]), key=lambda p: -len(p[0]))
    for sec, words in langs[like[0]].items():
        if sec in ("properties", PROFILE, MONTH, DATE_UNIT):
            continue
        have = secs.setdefault(sec, [])
        for w in words:
            for v in (w, transliterate(w, pairs)):
                if v not in have:
                    have.append(v)


def read_lang(path):
    """{section: [words]} of a language file ([month]: [[words of a month]])."""
    sections = {}
    cur = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"\[([a-z_]+)\]", line)
        if m:
            cur = m.group(1)
            if cur not in CLASSES and cur not in ANY and cur not in AFFIXES and \
                    cur not in ("properties", PROFILE, MONTH, DATE_UNIT, LIKE, ALPHABET):
                fail("%s:%d: unknown section [%s]" % (path, n, cur))
            sections.setdefault(cur, [])
            continue
        if cur is None:
            fail("%s:%d: words before the first [section]" % (path, n))
        if cur in (MONTH, DATE_UNIT):
            sections[cur].append([w.lower() for w in line.split()])
            continue
        sections[cur].extend(w.lower() if cur not in AFFIXES else w for w in line.split())
    if MONTH in sections and len(sections[MONTH]) != 12:
        fail("%s: [month] has %d lines, not 12" % (path, len(sections[MONTH])))
    if DATE_UNIT in sections and len(sections[DATE_UNIT]) != 3:
        fail("%s: [date_unit] has %d lines, not 3 (year, month, day)" % (path, len(sections[DATE_UNIT])))
    return sections


def numbered_table(langs, section, what):
    """{word: its line's number from 1} of every language's section; a word two numbers fails."""
    out = {}
    for code, secs in sorted(langs.items()):
        for i, words in enumerate(secs.get(section, [])):
            for w in words:
                if len(w.encode()) > LEX_MAXWORD:
                    fail("%s: %s too long: %s" % (code, what, w))
                if out.get(w, i + 1) != i + 1:
                    fail("%s: %s is %s %d here and %d in another language" % (code, w, what, i + 1, out[w]))
                out[w] = i + 1
    return out


def date_unit_table(langs):
    """{word: 1 year, 2 month, 3 day} of every language's [date_unit]."""
    return numbered_table(langs, DATE_UNIT, "date unit")


def month_table(langs):
    """{word: month number} of every language's [month]."""
    return numbered_table(langs, MONTH, "month")


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_string_bytes(b):
    # a prefix may cut a character: the whole characters as they are, the
    # bytes of the cut one in octal (which, unlike \x, stops after three
    # digits whatever follows)
    k = len(b)
    while True:
        try:
            head = b[:k].decode()
            break
        except UnicodeDecodeError:
            k -= 1
    return c_string(head)[:-1] + "".join("\\%03o" % c for c in b[k:]) + '"'


# the k-th displacement tried for a group is k times this (odd: spread over
# the 32 bits, whose high ones pick the entry)
DISP_MIX = 0x9E3779B1


def entry_of(h, d, n):
    """The entry of n that the word of 32-bit hash h falls on with displacement d (lex_entry_of of lexicon.h)."""
    return ((h ^ d) * n) >> 32


def place(words, hash32, groups):
    """The words in the order of their entries, and each group's displacement.

    A minimal perfect hash (hash and displace): a word's group is the low
    bits of its hash, and the group's displacement, xored into the hash,
    sends each of its words to an entry that no other word has (the high
    bits of the product with the number of words pick it). The largest
    groups are placed first, while most entries are free. A lookup then
    reads one displacement and one entry, and probes no further."""
    n = len(words)
    if n >= 1 << 15:
        fail("%d words: an entry's number is a short (tok.entry)" % n)
    members = [[] for _ in range(groups)]
    for w in words:
        members[hash32(w) & (groups - 1)].append(w)
    taken = [None] * n
    disp = [0] * groups
    for g in sorted(range(groups), key=lambda g: (-len(members[g]), g)):
        if not members[g]:
            continue
        hs = [hash32(w) for w in members[g]]
        for k in range(1 << 20):
            d = (k * DISP_MIX) & 0xFFFFFFFF
            at = [entry_of(h, d, n) for h in hs]
            if len(set(at)) == len(at) and all(taken[a] is None for a in at):
                break
        else:
            fail("no displacement places the words of group %d: raise LEX_DISP_LOG2 in lexicon.h" % g)
        for a, w in zip(at, members[g]):
            taken[a] = w
        disp[g] = d
    return taken, disp


def main():
    langs = {}
    for name in sorted(os.listdir(LANG_DIR)):
        if not name.endswith(".txt"):
            continue
        code = name[:-4]
        if code not in LANGS:
            fail("%s: no LANG_%s in include/quotes/lang.h" % (name, code.upper()))
        langs[code] = read_lang(os.path.join(LANG_DIR, name))
    for code in sorted(langs):
        add_like(code, langs)

    table = {}   # word -> [mask per language]

    def add(bit, lang_idx, word):
        if len(word.encode()) > LEX_MAXWORD:
            fail("word too long: " + word)
        masks = table.setdefault(word, [0] * len(LANGS))
        for i in lang_idx:
            masks[i] |= bit

    profile = {}
    anyc = {}   # word -> its lex_any classes
    for code, secs in langs.items():
        li = LANGS.index(code)
        for sec, words in secs.items():
            if sec in CLASSES:
                where = range(len(LANGS)) if sec in SHARED else [li]
                for w in words:
                    add(CLASSES[sec], where, w)
            elif sec in ANY:
                for w in words:
                    add(0, [], w)
                    anyc[w] = anyc.get(w, 0) | ANY[sec]
            elif sec == PROFILE:
                if code not in LATIN:
                    fail("%s: a profile is for the Latin-script languages" % code)
                for w in words:
                    add(0, [], w)
                    profile[w] = profile.get(w, 0) | (1 << LATIN_ORDER.index(code))
    props = []
    for code in LANGS:
        mask = 0
        for p in langs.get(code, {}).get("properties", []):
            if p not in PROPS:
                fail("%s.txt: unknown property %s" % (code, p))
            mask |= PROPS[p]
        props.append(mask)

    INLINE_N = header_define("LEX_INLINE")   # the languages whose classes sit in an entry itself
    # the sizes the inline lookups of lexicon.h are compiled with
    BLOOM_LOG2 = header_define("LEX_BLOOM_LOG2")
    BLOOM_BITS = 1 << BLOOM_LOG2
    M = (1 << 64) - 1

    def h64(b):
        # must match hash_padded() below: 8-byte little-endian chunks, multiply-xorshift
        x = (len(b) * 0x9E3779B97F4A7C15) & M
        for i in range(0, len(b), 8):
            chunk = int.from_bytes(b[i:i + 8].ljust(8, b"\0"), "little")
            x = ((x ^ chunk) * 0xFF51AFD7ED558CCD) & M
            x ^= x >> 32
        return x

    # the entries in the order the perfect hash gives them (not sorted)
    words, disp = place(sorted(table), lambda w: h64(w.encode()) & 0xFFFFFFFF, 1 << header_define("LEX_DISP_LOG2"))

    # a Bloom filter on the hash's top bits (the entries use its lower half):
    # one bit of a 4 KB table, which stays in the L1 cache, turns 95 % of the
    # words that are not in the lists away before a displacement and an entry are
    # read (two bits of a smaller table measured slower: one more load for
    # every word that is in the lists)
    bloom = [0] * (BLOOM_BITS // 64)
    for w in words:
        b = h64(w.encode()) >> (64 - BLOOM_LOG2)
        bloom[b // 64] |= 1 << (b % 64)

    out = sys.stdout
    out.write("/* Generated by scripts/gen-lexicon.py from the files of src/quotes/lang: edit those, not this. */\n")
    out.write('#include <stdint.h>\n#include <string.h>\n#include "lexicon.h"\n\n')
    out.write("#define NLANG %d\n" % len(LANGS))
    out.write('_Static_assert(NLANG == LEX_NLANG, "a list for every language of lang.h");\n\n')
    out.write("/* each word's first sixteen bytes, zero-padded: compared eight bytes at a time */\n")
    out.write("const lex_entry lex_words[%d] = {\n" % len(words))
    for w in words:
        out.write("\t{ %s, %d, 0x%x, 0x%x, { %s } },\n" % (c_string_bytes(w.encode()[:16]), len(w.encode()), anyc.get(w, 0),
                                                           profile.get(w, 0),
                                                    ", ".join("0x%x" % m for m in table[w][:INLINE_N])))
    out.write("};\n\n")
    out.write("/* each word's classes in the languages past the tenth */\n")
    out.write("const uint32_t lex_more[%d][LEX_NLANG - LEX_INLINE] = {\n" % len(words))
    for w in words:
        out.write("\t{ %s },\n" % ", ".join("0x%x" % m for m in table[w][INLINE_N:]))
    out.write("};\n\n")
    out.write("/* the words whole, zero-padded to LEX_MAXWORD + 1 bytes: read only past the sixteenth byte */\n")
    out.write("static const char lex_names[%d][LEX_MAXWORD + 1] = {\n" % len(words))
    for w in words:
        out.write("\t%s,\n" % c_string(w))
    out.write("};\n\n")
    out.write("const uint32_t lex_nwords = %d;\n\n" % len(words))
    out.write("/* each group's displacement, xored into the hash of its words (a minimal perfect hash) */\n")
    out.write("const uint32_t lex_disp[%d] = {" % len(disp))
    for i, d in enumerate(disp):
        out.write(("\n\t" if i % 8 == 0 else " ") + "0x%08x," % d)
    out.write("\n};\n\n")
    out.write("const uint64_t lex_bloom[%d] = {" % len(bloom))
    for i, b in enumerate(bloom):
        out.write(("\n\t" if i % 4 == 0 else " ") + "0x%016xull," % b)
    out.write("\n};\n\n")

    out.write("/* the properties of each language (enum lang_prop) */\n")
    out.write("const unsigned lex_props[NLANG] = { %s };\n\n" % ", ".join("0x%x" % p for p in props))
    out.write("/* the endings of each kind in each language, longest first */\n")
    kinds = sorted(AFFIXES, key=AFFIXES.get)
    for code in LANGS:
        for k in kinds:
            lst = sorted(set(langs.get(code, {}).get(k, [])), key=lambda s: (-len(s.encode()), s))
            if "" in lst:
                fail("%s: an empty ending of kind %s" % (code, k))
            if lst:
                out.write("static const char *const affix_%s_%s[] = { %s };\n" % (code, k, ", ".join(c_string(s) for s in lst)))
    out.write("\nstatic const struct { const char *const *v; size_t n; } affixes[NLANG][LA__COUNT] = {\n")
    for code in LANGS:
        cells = []
        for k in kinds:
            lst = set(langs.get(code, {}).get(k, []))
            cells.append("{ affix_%s_%s, %d }" % (code, k, len(lst)) if lst else "{ NULL, 0 }")
        out.write("\t{ %s },\n" % ", ".join(cells))
    out.write("};\n\n")

    # the endings of each kind in each language as a trie of their bytes
    # read from the last: a node's children side by side, so that a word is
    # read from its end only as far as an ending goes on with it
    trie = []   # [byte, ends an ending, first child, children]
    roots = []
    for code in LANGS:
        row = []
        for k in kinds:
            lst = set(langs.get(code, {}).get(k, []))
            if not lst:
                row.append(0xFFFF)
                continue
            tree = {}
            for e in lst:
                node = tree
                for b in reversed(e.encode()):
                    node = node.setdefault(b, {})
                node[None] = True
            row.append(len(trie))
            trie.append([0, 0, 0, 0])
            queue = [(row[-1], tree)]
            while queue:
                at, node = queue.pop(0)
                kids = sorted(b for b in node if b is not None)
                trie[at][2], trie[at][3] = len(trie), len(kids)
                for b in kids:
                    queue.append((len(trie), node[b]))
                    trie.append([b, 1 if None in node[b] else 0, 0, 0])
        roots.append(row)
    if len(trie) >= 0xFFFF or max(t[3] for t in trie) > 255:
        fail("the endings' trie outgrew its 16-bit indices")
    out.write("/* the endings of each kind in each language, a trie of their bytes from the last (a node's\n"
              " * children side by side): lex_suffix reads a word from its end only as far as an ending goes on */\n")
    out.write("static const struct { unsigned char c, end, nkids; uint16_t kids; } affix_trie[%d] = {" % len(trie))
    for i, (b, end, kids, nkids) in enumerate(trie):
        out.write(("\n\t" if i % 6 == 0 else " ") + "{ %d, %d, %d, %d }," % (b, end, nkids, kids))
    out.write("\n};\n")
    # each node's children's bytes as a set of 32 (by the low five bits): a
    # word parts from the trie most often one step after its last byte, and
    # one test of the set says so where the scan of the children branched
    # on each of them
    kidset = []
    for (b, end, kids, nkids) in trie:
        m = 0
        for kid in range(kids, kids + nkids):
            m |= 1 << (trie[kid][0] & 31)
        kidset.append(m)
    out.write("/* the bytes of each node's children by their low five bits, the letters a to z apart\n"
              " * (a byte not in it is no child) */\n")
    out.write("static const uint32_t affix_kidset[%d] = {" % len(kidset))
    for i, m in enumerate(kidset):
        out.write(("\n\t" if i % 8 == 0 else " ") + "0x%xu," % m)
    out.write("\n};\n")
    # the root's children by byte, a row of 256 for each list: most words
    # pass the first step, and the root has many children
    firsts = []
    for row in roots:
        for i, r in enumerate(row):
            if r == 0xFFFF:
                continue
            first = [0xFFFF] * 256
            for kid in range(trie[r][2], trie[r][2] + trie[r][3]):
                first[trie[kid][0]] = kid
            firsts.append(first)
            row[i] = len(firsts) - 1
    out.write("/* each list's root: the node of each last byte (0xffff: none) */\n")
    out.write("static const uint16_t affix_first[%d][256] = {\n" % len(firsts))
    for first in firsts:
        out.write("\t{%s\t},\n" % "".join(("\n\t\t" if i % 16 == 0 else " ") + "0x%x," % v for i, v in enumerate(first)).rstrip(",") + "\n")
    out.write("};\n")
    out.write("static const uint16_t affix_root[NLANG][LA__COUNT] = {   /* rows of affix_first, 0xffff: no endings */\n")
    for row in roots:
        out.write("\t{ %s },\n" % ", ".join("0x%x" % r for r in row))
    out.write("};\n\n")
    out.write("/* the set of the endings' last bytes, 256 bits: most words end in a byte that no ending does */\n")
    out.write("const uint64_t lex_affix_last[NLANG][LA__COUNT][4] = {\n")
    for code in LANGS:
        cells = []
        for k in kinds:
            last = [0, 0, 0, 0]
            for s in set(langs.get(code, {}).get(k, [])):
                b = s.encode()[-1]
                last[b >> 6] |= 1 << (b & 63)
            cells.append("{ %s }" % ", ".join("0x%xull" % x for x in last))
        out.write("\t{ %s },\n" % ", ".join(cells))
    out.write("};\n")
    out.write("/* the length in bytes of the shortest ending of each list (255: none): no word as short has one */\n")
    out.write("const unsigned char lex_affix_min[NLANG][LA__COUNT] = {\n")
    for code in LANGS:
        cells = []
        for k in kinds:
            lens = [len(s.encode()) for s in langs.get(code, {}).get(k, [])]
            if lens and min(lens) >= 255:
                fail("an ending outgrew its one-byte length")
            cells.append("%d" % (min(lens) if lens else 255))
        out.write("\t{ %s },\n" % ", ".join(cells))
    out.write("};\n")
    months = month_table(langs)
    units = date_unit_table(langs)
    if not units:
        fail("no language has a [date_unit]")
    out.write("\n/* a word and the number it names, in a table sorted bytewise (named_value) */\n")
    out.write("typedef struct lex_named {\n\tconst char *w;\n\tunsigned char n, value;\n} lex_named;\n")
    for name, table, what in (("lex_months", months, "the month names of every language's [month]: lex_month"),
                              ("lex_date_units", units, "the words before a date's numbers, [date_unit]: lex_date_unit")):
        out.write("\n/* %s */\n" % what)
        out.write("static const lex_named %s[%d] = {\n" % (name, len(table)))
        for w in sorted(table, key=lambda x: x.encode()):
            out.write("\t{ %s, %d, %d },\n" % (c_string(w), len(w.encode()), table[w]))
        out.write("};\n")
    out.write(C_FUNCTIONS)


C_FUNCTIONS = """
static uint64_t chunk_at(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);   /* the table was hashed little-endian */
#endif
	return x;
}

/* The hash of a word zero-padded to a multiple of eight bytes: the
 * entries use its lower half, the Bloom filter its top bits. */
static uint64_t hash_padded(const char *s, size_t n)
{
	uint64_t x = (uint64_t)n * 0x9E3779B97F4A7C15ull;
	for (size_t i = 0; i < n; i += 8) {
		x = (x ^ chunk_at(s + i)) * 0xFF51AFD7ED558CCDull;
		x ^= x >> 32;
	}
	return x;
}

/* Can the word of hash x be in the lists? No means no. */
static int maybe_listed(uint64_t x)
{
	uint64_t a = x >> (64 - LEX_BLOOM_LOG2);
	return (lex_bloom[a / 64] >> (a % 64)) & 1;
}

uint32_t lex_hash(const char *s, size_t n)
{
	char pad[LEX_PADDED] = { 0 };
	if (n > LEX_MAXWORD)
		n = LEX_MAXWORD;
	memcpy(pad, s, n);
	return (uint32_t)hash_padded(pad, n);
}

uint32_t lex_hash_padded(const char *s, size_t n)
{
	return (uint32_t)hash_padded(s, n > LEX_MAXWORD ? LEX_MAXWORD : n);
}

int lex_find_padded(const char *low, size_t n)
{
	if (n == 0 || n > LEX_MAXWORD)
		return -1;
	uint64_t x = hash_padded(low, n);
	if (!maybe_listed(x))
		return -1;
	uint32_t i = lex_entry_of((uint32_t)x);
	if (lex_words[i].len != n)
		return -1;
	size_t j = 0;
	while (j < n && chunk_at(lex_names[i] + j) == chunk_at(low + j))
		j += 8;
	return j >= n ? (int)i : -1;
}

int lex_find(const char *low, size_t n)
{
	char pad[LEX_PADDED] = { 0 };
	if (n == 0 || n > LEX_MAXWORD)
		return -1;
	memcpy(pad, low, n);
	return lex_find_padded(pad, n);
}

uint32_t lex_lookup(enum lang lang, const char *low, size_t n)
{
	if (lang <= LANG_UNKNOWN || lang > NLANG)
		return 0;
	return lex_mask(lex_find(low, n), lang);
}

const char *const *lex_affixes(enum lang lang, enum lex_affix k, size_t *n)
{
	*n = 0;
	if (lang <= LANG_UNKNOWN || lang > NLANG || (unsigned)k >= LA__COUNT)
		return NULL;
	*n = affixes[lang - 1][k].n;
	return affixes[lang - 1][k].v;
}

size_t lex_suffix_rest(enum lang lang, enum lex_affix k, const char *low, size_t n)
{
	/* (lex_suffix tested lang, k and n: the word is longer than an ending of the kind) */
	/* down the trie by the word's bytes from its last while an ending goes
	 * on with them: the deepest end passed is the longest ending, and only
	 * one shorter than the word counts */
	size_t at = affix_first[affix_root[lang - 1][k]][(unsigned char)low[n - 1]];
	if (at == 0xFFFF)
		return 0;
	size_t best = affix_trie[at].end;
	for (size_t d = 2; d < n; d++) {
		unsigned char c = (unsigned char)low[n - d];
		if (!((affix_kidset[at] >> (c & 31)) & 1))
			break;   /* no ending goes on with c */
		size_t kid = affix_trie[at].kids, last = kid + affix_trie[at].nkids;
		while (kid < last && affix_trie[kid].c != c)
			kid++;
		if (kid == last)
			break;
		at = kid;
		if (affix_trie[at].end)
			best = d;
	}
	return best;
}

size_t lex_size(void)
{
	return sizeof lex_words / sizeof *lex_words;
}

const char *lex_word(size_t i)
{
	return i < lex_size() ? lex_names[i] : NULL;
}

/* The number the word low[0..n) names in the sorted table t[0..count), 0
 * when it holds no such word. */
static int named_value(const lex_named *t, size_t count, const char *low, size_t n)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t m = t[mid].n;
		int c = memcmp(t[mid].w, low, m < n ? m : n);
		if (!c)
			c = (m > n) - (m < n);
		if (!c)
			return t[mid].value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int lex_month(const char *low, size_t n)
{
	return named_value(lex_months, sizeof lex_months / sizeof *lex_months, low, n);
}

int lex_date_unit(const char *low, size_t n)
{
	return named_value(lex_date_units, sizeof lex_date_units / sizeof *lex_date_units, low, n);
}
"""

if __name__ == "__main__":
    main()
