#!/usr/bin/env python3
"""Byte checks of what quoth wrote, for tests/hostile/.

usage: check.py out FILE...   standard output of quoth render / quotes
       check.py tty FILE      the raw terminal output of the reader (script(1) log)
       check.py rss CMD...    runs CMD and prints its peak resident size in
                              KiB, or "exit N" when it failed; its output
                              goes to the file $RSS_OUT (discarded without)

Prints one line per problem (the file, the offset and the bytes around it)
and exits 1 when there is one, 0 otherwise.

out: valid UTF-8; no C0 control but LF and TAB, no DEL, no ESC; no C1
     control (U+0080..U+009F); no bidi embedding, override or isolate
     (U+202A..U+202E, U+2066..U+2069).
tty: the escape sequences a curses program sends are allowed (CSI, and ESC
     followed by one of ( ) = > 7 8 M D E c), none of the string-carrying
     ones (OSC, DCS, APC, PM, SOS: ESC ] P _ ^ X); no CSI carries the
     marker 4711 that the hostile files put in theirs; C0 controls only
     BS TAB LF CR (and BEL, a curses beep); valid UTF-8 with no C1 control
     and no bidi control.
"""
import os
import re
import sys

MARK = b"4711"
CURSES_ESC = b"()=>78MDEc"
TTY_C0 = {0x07, 0x08, 0x09, 0x0A, 0x0D}


def around(data: bytes, i: int) -> str:
    return repr(data[max(0, i - 20) : i + 20])


def check_codepoints(name: str, data: bytes, allowed_c0) -> list:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{name}: invalid UTF-8 at byte {e.start}: {around(data, e.start)}"]
    c0 = "".join(chr(c) for c in range(0x20) if c not in allowed_c0)
    m = re.search("[" + re.escape(c0) + "\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    if not m:
        return []
    c = ord(m.group(0))
    kind = "C0 control" if c < 0x20 else "DEL" if c == 0x7F else "C1 control" if c <= 0x9F else "bidi control"
    off = len(text[: m.start()].encode("utf-8"))
    return [f"{name}: {kind} U+{c:04X} at byte {off}: {around(data, off)}"]


def check_out(name: str) -> list:
    with open(name, "rb") as f:
        data = f.read()
    return check_codepoints(name, data, {0x09, 0x0A})


CSI = re.compile(rb"\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]")


def check_tty(name: str) -> list:
    with open(name, "rb") as f:
        data = f.read()
    # script(1) frames the session with a line of its own at each end
    if data.startswith(b"Script started"):
        data = data[data.find(b"\n") + 1 :]
    end = data.rfind(b"\nScript done")
    if end >= 0:
        data = data[: end + 1]
    problems = []
    i = 0
    while True:
        i = data.find(b"\x1b", i)
        if i < 0 or i + 1 >= len(data):
            break
        nxt = data[i + 1 : i + 2]
        if nxt == b"[":
            m = CSI.match(data, i)
            if not m:
                problems.append(f"{name}: unfinished CSI at byte {i}: {around(data, i)}")
                break
            if MARK in m.group(0):
                problems.append(f"{name}: a CSI from the content at byte {i}: {around(data, i)}")
            i = m.end()
            continue
        if nxt in b"]P_^X":
            problems.append(f"{name}: a string sequence (ESC {nxt.decode()}) at byte {i}: {around(data, i)}")
        elif nxt not in CURSES_ESC:
            problems.append(f"{name}: ESC {nxt!r} at byte {i}: {around(data, i)}")
        i += 2
        if len(problems) > 5:
            break
    plain = CSI.sub(b"", data)
    plain = re.sub(rb"\x1b[()][\x20-\x7e]|\x1b[=>78MDEc]", b"", plain)
    problems += check_codepoints(name, plain.replace(b"\x1b", b""), TTY_C0)
    return problems


def peak_rss(cmd: list) -> int:
    import resource
    import subprocess

    out_path = os.environ.get("RSS_OUT")
    with open(out_path or os.devnull, "wb") as out:
        rc = subprocess.call(cmd, stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    if rc != 0:
        print(f"exit {rc}")
        return 1
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return 0


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("out", "tty", "rss"):
        sys.stderr.write(__doc__)
        return 2
    if sys.argv[1] == "rss":
        return peak_rss(sys.argv[2:])
    check = check_out if sys.argv[1] == "out" else check_tty
    problems = []
    for name in sys.argv[2:]:
        problems += check(name)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
