#!/usr/bin/env python3
"""Writes the hostile inputs of tests/hostile/ into a folder.

usage: gen.py OUTDIR [--big-mb N] [--scale N]

OUTDIR/files/   articles that must be read (or refused) without a crash, a
                hang, or a byte of their content acting on the terminal
OUTDIR/special/ paths that are not plain files: a FIFO, a symlink loop,
                a folder walked into itself, file names with control bytes

Everything is generated (nothing large is committed); the same arguments
always give the same bytes. --big-mb sets the size of the file with no line
end and no space (default 50). --scale N divides the size of the many-*
files by N (for slow builds: their full size is there to show a quadratic
path in the plain build).
"""
import os
import sys

ESC = b"\x1b"
BEL = b"\x07"
ST = ESC + b"\\"

# A marker no terminal library would ever send: a test finds it in the raw
# terminal output only when content leaked through.
MARK = b"4711"

HEAD = b"Hostile input\n\n"
QUOTE = '\n\n"Nothing here is safe," said Eve Mallory.\n'.encode()


def article(body: bytes) -> bytes:
    return HEAD + body + QUOTE


def escapes_csi() -> bytes:
    seqs = [
        b"[2J", b"[H", b"[31;" + MARK + b"m", b"[" + MARK + b";" + MARK + b"H",
        b"[?" + MARK + b"h", b"[?1049h", b"[?1000h", b"[6n", b"[>c", b"[c",
        b"[21t", b"[" + MARK + b"X", b"[1;" + MARK + b"r",
        b"[" + b"9" * 5000 + b"m",            # a parameter far past any buffer
        b"[" + b";" * 5000 + MARK + b"m",     # many empty parameters
    ]
    body = b"CSI: " + b" ".join(ESC + s + b"text" for s in seqs)
    body += b" and one cut short " + ESC + b"[1;2"
    return article(body)


def escapes_osc() -> bytes:
    payload = b"ZWNobyBwd25lZA=="          # base64 of "echo pwned"
    body = b"OSC: title " + ESC + b"]0;" + MARK + b"pwned" + BEL
    body += b" icon " + ESC + b"]1;" + MARK + b"icon" + ST
    body += b" palette " + ESC + b"]4;1;rgb:ff/00/00" + BEL
    body += b" query " + ESC + b"]11;?" + BEL
    body += b" cwd " + ESC + b"]7;file://evil/" + MARK + ST
    body += b"\n\nOSC 52: " + ESC + b"]52;c;" + payload + BEL
    body += b" and with ST " + ESC + b"]52;p;" + payload + ST
    body += b" and a query " + ESC + b"]52;c;?" + BEL
    body += b"\n\nOSC 8: " + ESC + b"]8;;https://evil.example/" + MARK + ST + b"click me" + ESC + b"]8;;" + ST
    body += b" and with BEL " + ESC + b"]8;id=x;https://evil.example/" + BEL + b"here" + ESC + b"]8;;" + BEL
    return article(body)


def escapes_dcs_apc_pm_sos() -> bytes:
    body = b"DCS: " + ESC + b"P+q544e" + ST                      # XTGETTCAP
    body += b" decrqss " + ESC + b"P$qm" + ST
    body += b" tmux passthrough " + ESC + b"Ptmux;" + ESC + ESC + b"]52;c;" + MARK + b"==" + BEL + ST
    body += b" sixel " + ESC + b"Pq#0;2;0;0;0#1!" + MARK + b"~" + ST
    body += b"\n\nAPC: kitty graphics " + ESC + b"_Gf=100,a=T;" + MARK + ST
    body += b"\n\nPM: " + ESC + b"^privacy " + MARK + ST
    body += b"\n\nSOS: " + ESC + b"Xstring " + MARK + ST
    body += b"\n\nOther: " + ESC + b"c reset " + ESC + b"#8 align " + ESC + b"(0 line drawing "
    body += ESC + b")0" + b"\x0e shifted out \x0f" + ESC + b"7" + ESC + b"8" + ESC + b"=" + ESC + b"D" + ESC + b"M"
    return article(body)


def c1_raw() -> bytes:
    # every 8-bit C1 byte on its own, in words, and as 8-bit CSI/OSC/DCS/ST
    body = b"Raw C1: " + b" ".join(b"w" + bytes([c]) + b"w" for c in range(0x80, 0xA0))
    body += b"\n\n8-bit CSI \x9b31;" + MARK + b"m red, OSC \x9d0;" + MARK + b"\x9c title, DCS \x90q\x9c, APC \x9f" + MARK + b"\x9c end."
    return article(body)


def c1_utf8() -> bytes:
    body = "UTF-8 C1: " + " ".join("w" + chr(c) + "w" for c in range(0x80, 0xA0))
    body += "\n\nCSI \u009b31;4711m red, OSC \u009d0;4711pwned\u009c title, NEL\u0085next."
    return article(body.encode())


PROSE = b"The council met on Tuesday and agreed to look again at the ferry timetable. "


def c0_controls(dense: bool) -> bytes:
    """Every C0 control; dense, the file is refused as binary; spread
    through prose, each is shown as its Control Picture."""
    body = b"C0: " + b" ".join(b"c" + bytes([c]) + b"c" for c in range(1, 0x20) if c not in (9, 10))
    body += b"\n\nbackspace over words: secret\x08\x08\x08\x08\x08\x08public, cr overwrite: evil\rgood, del\x7f, bell\x07\x07\x07."
    if not dense:
        body = PROSE * 20 + body + b"\n\n" + PROSE * 20
    return article(body)


def lone_esc_at_end() -> bytes:
    return HEAD + b"A paragraph that ends in a lone escape." + ESC


def osc_unterminated() -> bytes:
    body = b"Before " + ESC + b"]0;" + MARK + b"title never ends " + b"and the rest of the article " * 2000
    body += b"\n\n" + ESC + b"]52;c;" + b"QUFB" * 50000        # 200 KB clipboard payload, no terminator
    return HEAD + body


def bidi() -> bytes:
    ctl = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    body = "Trojan source: access = \"user\u202e \u2066// admin\u2069 \u2066\" said the code."
    body += "\n\nEvery control: " + " ".join("x" + chr(c) + "y" for c in ctl)
    body += "\n\nA file named \u202etxt.exe and marks \u200e\u200f\u061c."
    body += "\n\n\u202e" * 1 + "\u202e" * 20000 + "overridden to the end, never popped"
    body += "\n\n\u201c\u202eQuoted backwards\u202c,\u201d said \u2067Eve Mallory\u2069."
    return article(body.encode())


def zwj_runs() -> bytes:
    fam = "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"
    body = "ZWJ run: a" + "\u200D" * 100000 + "b"
    body += "\n\nEmoji chained: " + "\u200D".join([fam] * 5000)
    body += "\n\nZero-width space run: " + "\u200B" * 50000 + " and word joiners " + "x\u2060" * 50000
    body += "\n\nVariation selectors: " + "\u2764" + "\uFE0F" * 20000
    body += "\n\nRegional indicators: " + "\U0001F1E9" * 10001
    return article(body.encode())


def combining() -> bytes:
    body = "Zalgo: a" + "\u0301" * 10000 + " b" + "".join(chr(0x0300 + i % 0x70) for i in range(10000))
    body += "\n\n" + "\u0308" * 10000 + " marks with no base at the start of a paragraph"
    body += "\n\n\u201cSaid" + "\u0335" * 10000 + "\u201d said Eve Mallory."
    return article(body.encode())


def quotes_only(mark: str, n: int) -> bytes:
    return (mark * n).encode()


def nested(opens: list, closes: list, depth: int) -> bytes:
    o = "".join(opens[i % len(opens)] for i in range(depth))
    c = "".join(closes[i % len(closes)] for i in reversed(range(depth)))
    return article(("Nested: " + o + "the core of it" + c + " said Eve.").encode())


def unbalanced(n: int) -> bytes:
    return article(("Openers: " + "\u201c\u2018\u00ab\u201e" * n + " and closers: " + "\u201d\u2019\u00bb" * n).encode())


def utf16(be: bool, odd: bool = False) -> bytes:
    text = "UTF-16 headline \u00d8boerne\n\n\u201cVi er klar,\u201d siger Jens Kragh i \u00c6r\u00f8.\n"
    if odd:
        # controls and escapes inside, a lone high and a lone low surrogate, a cut last unit
        text = "UTF-16 with escapes\n\nText \x1b[31m" + "4711" + "\x1b]52;c;" + "4711" + "\x07 \x9b and end.\n"
    enc = "utf-16-be" if be else "utf-16-le"
    data = (b"\xfe\xff" if be else b"\xff\xfe") + text.encode(enc)
    if odd:
        lone = b"\xd8\x00\x00A\xdc\x00" if be else b"\x00\xd8A\x00\x00\xdc"
        data += lone + b"\x00"
    return data


def utf16_no_bom() -> bytes:
    # without a BOM every other byte is NUL: refused as binary, not guessed
    return "UTF-16 without a BOM\n\n\u201cVi er klar,\u201d siger Jens Kragh.\n".encode("utf-16-le")


def latin1() -> bytes:
    text = ("\u00d8boerne p\u00e5 Trind\u00f8 kan igen sejle\n\n"
            "\u00abVi er klar,\u00bb siger borgmester Jens Kragh. "
            "F\u00e6rgen sejler fra \u00c6r\u00f8sk\u00f8bing hver dag, og \u00f8boerne er glade.\n")
    return text.encode("latin-1")


def cp1252_quotes() -> bytes:
    # Windows-1252 curly quotes (0x93 0x94): C1 bytes if it were read as Latin-1
    return b"Smart quotes\n\n\x93We are ready,\x94 said the mayor of the island town today.\n"


def nul_only(n: int) -> bytes:
    return b"\x00" * n


def nul_sprinkled() -> bytes:
    return article(PROSE * 10 + b"Some NUL\x00 bytes\x00 in \x00 text. " + PROSE * 10)


# Many quotes in one article: each of these once took quadratic time.
def many_quotes(n: int, one: str, sep: str = " ") -> bytes:
    return HEAD + sep.join([one] * n).encode() + b"\n"


def write(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def write_big(path: str, mb: int) -> None:
    """mb MiB of letters: no line end, no space, no quote mark."""
    block = b"abcdefghijklmnopqrstuvwxyz" * 40330          # ~1 MiB
    block = block[: 1 << 20]
    with open(path, "wb") as f:
        for _ in range(mb):
            f.write(block)


def main() -> int:
    import argparse

    # argparse: "gen.py --help" once made a folder named --help
    ap = argparse.ArgumentParser(description="Writes the hostile inputs of tests/hostile/ into OUTDIR.")
    ap.add_argument("outdir", metavar="OUTDIR")
    ap.add_argument("--big-mb", type=int, default=50, help="size of the file with no line end (default 50)")
    ap.add_argument("--scale", type=int, default=1, help="divide the many-* files by this (slow builds)")
    opts = ap.parse_args()
    if opts.big_mb < 1 or opts.scale < 1:
        ap.error("--big-mb and --scale want a number of at least 1")
    args, big_mb, scale = [opts.outdir], opts.big_mb, opts.scale
    out = args[0]
    files = os.path.join(out, "files")
    special = os.path.join(out, "special")
    os.makedirs(files, exist_ok=True)
    os.makedirs(special, exist_ok=True)

    articles = {
        "esc-csi.txt": escapes_csi(),
        "esc-osc.txt": escapes_osc(),
        "esc-dcs-apc-pm-sos.txt": escapes_dcs_apc_pm_sos(),
        "c1-raw.txt": c1_raw(),
        "c1-utf8.txt": c1_utf8(),
        "c0-controls.txt": c0_controls(False),
        "c0-dense.txt": c0_controls(True),
        "esc-lone-at-end.txt": lone_esc_at_end(),
        "osc-unterminated.txt": osc_unterminated(),
        "bidi.txt": bidi(),
        "zwj.txt": zwj_runs(),
        "combining.txt": combining(),
        "quotes-straight.txt": quotes_only('"', 1000000),
        "quotes-guillemet.txt": quotes_only("\u00ab", 1000000),
        "quotes-curly.txt": quotes_only("\u201c\u201d", 500000),
        # sizes: each took well over the suite's 20 s bound before its fix
        "many-said-x.txt": many_quotes(10000 // scale, '"a b c," said X.'),
        "many-he-said.txt": many_quotes(10000 // scale, '"a b c d," he said.'),
        "many-name-in-words.txt": HEAD + b"Xy" * (1500000 // scale) + b" "
                                  + many_quotes(4000 // scale, '"a b c," said Xy.')[len(HEAD):],
        "many-dash-da.txt": many_quotes(20000 // scale, "\u2013 Vi er klar til det, siger han.", "\n\n"),
        "many-inner-fr.txt": many_quotes(5000 // scale, "\u00ab Nous sommes pr\u00eats pour la suite, indique Jean Dupont. "
                                         "Nous partons demain matin pour la capitale \u00bb a d\u00e9clar\u00e9 le ministre.", "\n\n"),
        "nested-curly.txt": nested(["\u201c", "\u2018"], ["\u201d", "\u2019"], 10000),
        "nested-straight.txt": nested(['"', "'"], ['"', "'"], 10000),
        "nested-guillemet.txt": nested(["\u00ab", "\u2039", "\u201e"], ["\u00bb", "\u203a", "\u201c"], 10000),
        "unbalanced.txt": unbalanced(10000),
        "utf16le.txt": utf16(False),
        "utf16be.txt": utf16(True),
        "utf16le-odd.txt": utf16(False, odd=True),
        "utf16be-odd.txt": utf16(True, odd=True),
        "utf16-bom-only.txt": b"\xff\xfe",
        "utf16le-nobom.txt": utf16_no_bom(),
        "latin1.txt": latin1(),
        "cp1252.txt": cp1252_quotes(),
        "nul-only.txt": nul_only(1 << 20),
        "nul-sprinkled.txt": nul_sprinkled(),
        # past the 8 KiB the encoding is guessed from: shown, one ␀ a byte
        "nul-after-text.txt": article(PROSE * 200 + b"\x00" * (1 << 20)),
        # 2,000,000 one-letter paragraphs: the line and paragraph index
        "many-paragraphs.txt": HEAD + b"a\n\n" * (2000000 // scale),
    }
    for name, data in articles.items():
        write(os.path.join(files, name), data)

    write_big(os.path.join(out, "big-noline.txt"), big_mb)

    fifo = os.path.join(special, "fifo.txt")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    # a folder that holds a way back into itself, and one into its parent
    loop = os.path.join(special, "loop")
    os.makedirs(loop, exist_ok=True)
    for name, target in (("self", "."), ("up", ".."), ("again", "../loop")):
        p = os.path.join(loop, name)
        if not os.path.lexists(p):
            os.symlink(target, p)
    write(os.path.join(loop, "inside.txt"), b"Inside the loop\n\nThe only article in the loop.\n")
    # symlinks that resolve to nothing but themselves
    for name, target in (("self-link.txt", "self-link.txt"), ("ping.txt", "pong.txt"), ("pong.txt", "ping.txt")):
        p = os.path.join(special, name)
        if not os.path.lexists(p):
            os.symlink(target, p)
    # file names that would act on a terminal or split a line
    names = os.path.join(out, "names")
    os.makedirs(names, exist_ok=True)
    evil_names = [
        b"new\nline.txt",
        b"esc\x1b]0;4711pwned\x07title.txt",
        b"clear\x1b[2J\x1b[4711;1Hscreen.txt",
        b"osc52\x1b]52;c;ZWNobyBwd25lZA==\x07.txt",
        b"c1\x9b4711m.txt",
        b"c1utf8\xc2\x9b4711m.txt",
        b"bidi\xe2\x80\xaetxt.exe.txt",
        b"tab\there\rcr.txt",
        b"bad\xff\xfeutf8.txt",
    ]
    # the same names on empty files: the list shows an unreadable file by its name
    empty = os.path.join(out, "names-empty")
    os.makedirs(empty, exist_ok=True)
    for n in evil_names:
        write(os.path.join(os.fsencode(names), n), b"Named badly\n\n\"This article is still read,\" said Eve Mallory.\n")
        write(os.path.join(os.fsencode(empty), n), b"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
