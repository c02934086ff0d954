#!/bin/sh
# A corpus through quoth quotes and quoth render: folders, standard input,
# form-feed files, JSON Lines (gzipped too), malformed records, --jobs,
# GNU parallel, write errors, and user input echoed in messages.
. tests/lib.sh
export LC_ALL=C.UTF-8

# ---- a folder of articles ------------------------------------------------------------

C=$TMPD/corpus
mkdir -p "$C/b" "$C/.hidden"
printf 'Alpha headline\n\n"We start today," said Ana Lund.\n' >"$C/a.txt"
printf 'Beta headline\n\n"The bridge opens in May," said Ben Ode.\n' >"$C/b/b.TXT"
printf 'Gamma headline\n\n"Notes count too," said Gil Moe.\n' >"$C/c.md"
printf 'Hidden headline\n\n"Never read," said Nobody Here.\n' >"$C/.hidden/h.txt"
printf 'not,an,article\n' >"$C/d.csv"

run_status "$QUOTH" quotes "$C"
expect_eq "folder: exit 0" 0 "$RC"
expect_eq "folder: articles in path order, recursive, *.TXT and *.md, hidden and others skipped" \
	"== $C/a.txt: Alpha headline (1 quote)
== $C/b/b.TXT: Beta headline (1 quote)
== $C/c.md: Gamma headline (1 quote)" "$(printf '%s\n' "$OUT" | grep '^==')"

# a link inside a folder is followed: the file it names is read under
# both paths, as the README says (no set of every file seen)
L=$TMPD/linked
mkdir -p "$L"
cp "$C/a.txt" "$L/a.txt"
ln -s a.txt "$L/b.txt"
run_status "$QUOTH" quotes "$L"
expect_eq "folder: a file linked beside itself is read under each path" \
	"== $L/a.txt: Alpha headline (1 quote)
== $L/b.txt: Alpha headline (1 quote)" "$(printf '%s\n' "$OUT" | grep '^==')"

run_status "$QUOTH" quotes "$C" --format tsv
expect_eq "options after the paths" 4 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
printf 'Dash headline\n\n"A file named like an option," said Dee Dash.\n' >"$TMPD/--format"
(cd "$TMPD" && "$QUOTH" quotes -- --format >"$TMPD/out" 2>&1)
expect_contains "-- ends the options" "$(cat "$TMPD/out")" "Dee Dash"

run_status "$QUOTH" render --width 40 "$C/a.txt" "$C/c.md"
expect_eq "render: ==> PATH <== between articles" "==> $C/a.txt <==
Alpha headline

\"We start today,\" said Ana Lund.

==> $C/c.md <==
Gamma headline

\"Notes count too,\" said Gil Moe." "$OUT"

mkdir "$TMPD/none"
run_status "$QUOTH" quotes "$TMPD/none"
expect_eq "a folder with no article: exit 1" 1 "$RC"
expect_contains "a folder with no article: said, naming it" "$ERR" "none: a directory with no articles"

# ---- standard input ------------------------------------------------------------------

OUT=$(cat "$C/a.txt" | "$QUOTH" quotes --format tsv | cut -f4)
expect_eq "no PATH and a pipe: standard input is read" "speaker
Ana Lund" "$OUT"
OUT=$("$QUOTH" quotes --format tsv <"$C/a.txt" | cut -f1 | tail -1)
expect_eq "no PATH and a redirected file: read, named -" "-" "$OUT"
run_status "$QUOTH" quotes
expect_eq "no PATH and no input: usage, exit 2" 2 "$RC"

# ---- form-feed files: several articles, offsets per article ----------------------------

FF=$TMPD/ff.txt
printf 'First page\n\n"One is here," said Ann Berg.\n\f\nSecond page\n\nIntro line.\n\n"Two is there," said Bo Lind.\n' >"$FF"
run_status "$QUOTH" quotes --format tsv "$FF"
expect_eq "form feed: two articles" "1 Ann Berg
2 Bo Lind" "$(printf '%s\n' "$OUT" | sed 1d | awk -F '\t' '{ print $9, $4 }')"
row=$(printf '%s\n' "$OUT" | sed -n 3p)
start=$(printf '%s' "$row" | cut -f2) end=$(printf '%s' "$row" | cut -f3)
second=$(awk 'f; /^\f$/ { f = 1 }' "$FF")
expect_eq "form feed: offsets count from the article's start" "Two is there," \
	"$(printf '%s\n' "$second" | dd bs=1 skip="$start" count=$((end - start)) 2>/dev/null)"
run_status "$QUOTH" quotes "$FF"
expect_contains "form feed: text header names the article" "$OUT" "== $FF #2: Second page (1 quote)"

# ---- JSON Lines ---------------------------------------------------------------------------

J=$TMPD/dump.jsonl
cat >"$J" <<'EOF'
{"url": "https://news.example/1", "date_publish": "2024-05-01 10:00:00", "source_domain": "news.example", "title": "Port strike ends", "maintext": "Workers went back on Monday.\n\n\"We got what we asked for,\" said Ida Holm."}
{"url": "https://news.example/2", "title": "Bridge", "text": "\"It opens in May,\" said Ole Dahl."}
EOF
run_status "$QUOTH" quotes --format jsonl "$J"
expect_eq "jsonl: exit 0" 0 "$RC"
if command -v python3 >/dev/null; then
	check "jsonl: metadata carried into each record, line numbers, offsets into the text field" python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
src = [json.loads(l) for l in open(sys.argv[2])]
assert len(rows) == 2, rows
a, b = rows
assert a["article"] == 1 and b["article"] == 2, rows
assert a["url"] == "https://news.example/1" and a["date"] == "2024-05-01 10:00:00" and a["source"] == "news.example"
assert a["title"] == "Port strike ends" and b["source"] is None and b["date"] is None
text = src[0]["maintext"].encode()
assert text[a["start"]:a["end"]].decode() == a["text"], (a, text[a["start"]:a["end"]])
assert a["speaker"] == "Ida Holm" and b["speaker"] == "Ole Dahl"
' "$TMPD/out" "$J"
else
	skip "jsonl: metadata (no python3)"
fi
gzip -c "$J" >"$TMPD/dump.jsonl.gz"
cp "$J" "$TMPD/dump.ndjson"
a=$("$QUOTH" quotes --format tsv "$J" | cut -f2-)
expect_eq "jsonl.gz: the same records" "$a" "$("$QUOTH" quotes --format tsv "$TMPD/dump.jsonl.gz" | cut -f2-)"
expect_eq "ndjson: the same records" "$a" "$("$QUOTH" quotes --format tsv "$TMPD/dump.ndjson" | cut -f2-)"
expect_eq "--input jsonl on standard input: the same records" "$a" \
	"$("$QUOTH" quotes --input jsonl --format tsv <"$J" | cut -f2-)"

printf '{"body": "\\"Fields by name,\\" said Kim Roe.", "head": "Custom"}\n' >"$TMPD/custom.jsonl"
run_status "$QUOTH" quotes --text-field body,text --title-field head "$TMPD/custom.jsonl"
expect_contains "--text-field and --title-field" "$OUT" ":1: Custom (1 quote)"

BAD=$TMPD/bad.jsonl
{
	printf 'this is not json\n'
	printf '{"text": 12}\n'
	printf '{"title": "no text"}\n'
	printf '{"text": "\\"A good one for the record,\\" said Lea Sand."}\n'
	printf '{"text": "esc \\u001b]2;PWNED\\u0007 nul \\u0000 bad \377 end. \\"We kept all of it,\\" said Mo Ek."}\n'
	printf '{"text": "cut short\n'
	printf '{"text": ""}\n'
} >"$BAD"
run_status "$QUOTH" quotes --format tsv "$BAD"
expect_eq "malformed lines: exit 1" 1 "$RC"
expect_contains "not JSON: line number, and what" "$ERR" "bad.jsonl:1: not valid JSON Lines (not a JSON object), skipped"
expect_contains "text not a string: line number" "$ERR" "bad.jsonl:2: the field \"text\" is not a string"
expect_contains "no text field: line number" "$ERR" "bad.jsonl:3: no text"
expect_contains "cut short: line number" "$ERR" "bad.jsonl:6: not valid JSON Lines"
expect_contains "an empty text: line number" "$ERR" "bad.jsonl:7: the field \"text\" is empty, skipped"
expect_eq "one message a bad line" 5 "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')"
expect_eq "the good lines still printed" "Lea Sand
Mo Ek" "$(printf '%s\n' "$OUT" | sed 1d | cut -f4)"
expect_eq "escapes and NUL in a JSON string reach no output raw" 0 \
	"$(printf '%s' "$OUT" | tr -d -c '\000-\010\013-\037\177' | wc -c | tr -d ' ')"

awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "{\"text\": \"Line %d says \\\"quote number %d here,\\\" said Per Holm.\"}\n", i, i }' |
	gzip -c | head -c 8000 >"$TMPD/cut.jsonl.gz"
run_status "$QUOTH" quotes --format tsv "$TMPD/cut.jsonl.gz"
expect_eq "truncated .gz: exit 1" 1 "$RC"
cut_at=$(printf '%s\n' "$ERR" | sed -n 's/.*cut\.jsonl\.gz:\([0-9]*\): not valid JSON Lines (the line ends inside.*/\1/p')
expect_contains "truncated .gz: said at the line it stopped in" "$ERR" "cut.jsonl.gz:${cut_at:-?}: truncated gzip data"
expect_eq "truncated .gz: what came before is printed" yes "$([ "$(printf '%s\n' "$OUT" | wc -l)" -gt 100 ] && echo yes)"

# ---- --jobs: the same bytes whatever the number of threads ----------------------------

M=$TMPD/mixed
mkdir -p "$M/x"
cp "$FIX"/quotes/*.txt "$M/x/"
cat "$FIX"/quotes/en-*.txt >"$M/joined.txt"
for f in "$FIX"/quotes/*.txt; do cat "$f"; printf '\n\f\n'; done >"$M/pages.txt"
python3 -c '
import json, glob, sys
with open(sys.argv[1], "w") as o:
    for k in range(3):
        for f in sorted(glob.glob(sys.argv[2] + "/*.txt")):
            o.write(json.dumps({"text": open(f, encoding="utf-8").read(), "url": "u%d-%s" % (k, f[-12:])}) + "\n")
' "$M/dump.jsonl" "$FIX/quotes" 2>/dev/null
for fmt in text tsv jsonl; do
	"$QUOTH" quotes --jobs 1 --format $fmt "$M" >"$TMPD/j1" 2>&1
	"$QUOTH" quotes --jobs 2 --format $fmt "$M" >"$TMPD/j2" 2>&1
	"$QUOTH" quotes -j 5 --format $fmt "$M" >"$TMPD/j5" 2>&1
	if cmp -s "$TMPD/j1" "$TMPD/j2" && cmp -s "$TMPD/j1" "$TMPD/j5" && [ "$(wc -l <"$TMPD/j1")" -gt 500 ]; then
		ok "--jobs 2 and 5 byte-identical to --jobs 1 ($fmt)"
	else
		fail "--jobs 2 and 5 byte-identical to --jobs 1 ($fmt)" "$(diff "$TMPD/j1" "$TMPD/j2" | head -5)"
	fi
done
"$QUOTH" render --jobs 1 --width 60 "$M" >"$TMPD/r1"
"$QUOTH" render --jobs 2 --width 60 "$M" >"$TMPD/r2"
if cmp -s "$TMPD/r1" "$TMPD/r2"; then ok "render --jobs 2 byte-identical to --jobs 1"; else fail "render --jobs 2 byte-identical to --jobs 1"; fi
run_status "$QUOTH" quotes --jobs 0 "$M"
expect_eq "--jobs 0 is usage" 2 "$RC"

# ---- a record too big to hold: windows, written as they come ---------------------------------
# A record over 4 MB is read in windows; its quotes are written as they
# come, not held until the record ends (held, the 49 MB of quotes of this
# 7 MB record took the peak from 58 to 150 MB).
if command -v python3 >/dev/null; then
	R=$TMPD/bigrecord.jsonl
	python3 - "$R" <<'PYEOF'
import json, sys
big = " ".join('"Go on with %d now," said Al Ek.' % i for i in range(200000))
with open(sys.argv[1], "w") as f:
    for title, text in (("First", '"The first of them is here," said Bo Ek.'), ("Big", big),
                        ("Last", '"The last of them is here," said Cy Ek.')):
        f.write(json.dumps({"title": title, "text": text}) + "\n")
PYEOF
	# (the output, 50 MB, stays in files: held in the shell's variables it
	# took longer than quoth)
	big_run() {  # big_run OUT ARGS...: quoth quotes ARGS "$R" into OUT
		o=$1
		shift
		timeout "${QUOTH_TIMEOUT:-20}" "$QUOTH" quotes "$@" "$R" >"$o" 2>"$TMPD/err" </dev/null
		RC=$?
	}
	big_run "$TMPD/big1.jsonl" --format=jsonl --jobs 1
	expect_eq "big record: the records in order around it" "1 1" \
		"$(head -1 "$TMPD/big1.jsonl" | grep -c 'first of them') $(tail -1 "$TMPD/big1.jsonl" | grep -c 'last of them')"
	expect_eq "big record: its quotes, each window's (as many as its 200,000 but where a window cuts one)" 1 \
		"$(grep -c 'Go on with [0-9]* now,' "$TMPD/big1.jsonl" | awk '{ print ($1 >= 199990 && $1 <= 200000) }')"
	big_run "$TMPD/big2.jsonl" --format=jsonl --jobs 2
	if cmp -s "$TMPD/big1.jsonl" "$TMPD/big2.jsonl"; then ok "big record: --jobs 2 as --jobs 1"; else fail "big record: --jobs 2 as --jobs 1"; fi
	# the text formats share the extraction checked above and differ in how
	# they write it: checked on the plain build (ASan and valgrind would
	# take the most of this suite's time for them)
	if [ "$QUOTH" != "$(pwd)/build/quoth" ]; then
		skip "big record: the text formats (checked on the plain build)"
	else
	big_run "$TMPD/big2.tsv" --format=tsv --jobs 2
	expect_eq "big record: one header line" 1 "$(grep -c '^file	' "$TMPD/big2.tsv")"
	big_run "$TMPD/big1.txt" --jobs 1
	big_run "$TMPD/big2.txt" --jobs 2
	if cmp -s "$TMPD/big1.txt" "$TMPD/big2.txt"; then ok "big record: text, --jobs 2 as --jobs 1"; else fail "big record: text, --jobs 2 as --jobs 1"; fi
	expect_eq "big record: text, a blank line before each article and window but the first" \
		"$(grep -c '^== ' "$TMPD/big2.txt")" "$(($(grep -c '^$' "$TMPD/big2.txt") + 1))"
	rm -f "$TMPD/big2.jsonl" "$TMPD/big2.tsv" "$TMPD/big1.txt" "$TMPD/big2.txt"
	fi
	# peak memory, on the plain build only (ASan and valgrind have their own)
	if [ "$QUOTH" = "$(pwd)/build/quoth" ]; then
		kb=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$QUOTH" quotes --format=jsonl --jobs 1 "$R")
		if [ "$kb" -lt 102400 ]; then ok "big record: peak RSS under 100 MB ($kb KB)"; else fail "big record: peak RSS under 100 MB ($kb KB)"; fi
	else
		skip "big record: peak RSS (not the plain build)"
	fi
else
	skip "big record (no python3)"
fi

# ---- --jobs over files that cannot be read: each message in its place ----------------------
# (files are read on the job threads: what one finds wrong is said where
# --jobs 1 says it, between the outputs of the files around it)

B=$TMPD/bad
mkdir -p "$B"
for f in "$FIX"/quotes/*.txt; do cp "$f" "$B/g-$(basename "$f")"; done
printf 'PK\003\004\000\000binary\000\000\000' >"$B/h-binary.txt"
: >"$B/i-empty.txt"
printf 'Zipped headline\n\n"Inflated here," said Zed Zip.\n' | gzip -c >"$B/j-zipped.txt"
awk 'BEGIN { for (i = 1; i <= 400; i++) printf "Cut %d\n\n\"Words %d,\" said Kim Cut.\n\f\n", i, i }' | gzip -c | head -c 600 >"$B/k-cut.txt"
# a file that opens and cannot be read (offset 0 of a process's memory is unmapped)
if ! head -c 1 /proc/self/mem >/dev/null 2>&1; then ln -s /proc/self/mem "$B/l-unreadable.txt"; fi
cat "$FIX"/quotes/en-*.txt >"$B/m-after.txt"
for j in 1 2 3; do
	"$QUOTH" quotes --jobs $j "$B" >"$TMPD/b$j" 2>&1
	echo "exit $?" >>"$TMPD/b$j"
	"$QUOTH" render --jobs $j --width 60 "$B" >"$TMPD/br$j" 2>&1
	echo "exit $?" >>"$TMPD/br$j"
done
if cmp -s "$TMPD/b1" "$TMPD/b2" && cmp -s "$TMPD/b1" "$TMPD/b3" && cmp -s "$TMPD/br1" "$TMPD/br2" && cmp -s "$TMPD/br1" "$TMPD/br3"; then
	ok "bad files among good ones: quotes and render --jobs 2 and 3 byte-identical to --jobs 1, messages included"
else
	fail "bad files among good ones: quotes and render --jobs 2 and 3 byte-identical to --jobs 1" "$(diff "$TMPD/b1" "$TMPD/b2" | head -5)"
fi
OUT=$(cat "$TMPD/b2")
expect_contains "bad files, --jobs 2: a binary file said" "$OUT" "quoth: $B/h-binary.txt: binary file, not text"
expect_contains "bad files, --jobs 2: an empty file said" "$OUT" "quoth: $B/i-empty.txt: empty file"
expect_contains "bad files, --jobs 2: gzip data named .txt read" "$OUT" "== $B/j-zipped.txt: Zipped headline"
expect_contains "bad files, --jobs 2: cut gzip data said after what it held" "$OUT" "== $B/k-cut.txt #1: Cut 1 "
expect_contains "bad files, --jobs 2: cut gzip data said" "$OUT" "quoth: $B/k-cut.txt: truncated gzip data"
[ -L "$B/l-unreadable.txt" ] && expect_contains "bad files, --jobs 2: a read error said" "$OUT" "quoth: $B/l-unreadable.txt: read error"
expect_eq "bad files, --jobs 2: exit 1 after all" "exit 1" "$(tail -1 "$TMPD/b2")"
# an article's header and a message name its file, in path order
names=$(sed -n 's/^quoth: \([^:]*\):.*/\1/p; s/^== \([^:]*\): .*/\1/p' "$TMPD/b2" | sed 's/ #[0-9]*$//' | uniq)
expect_eq "bad files, --jobs 2: outputs and messages in path order" "$(printf '%s\n' "$names" | sort)" "$names"
expect_eq "bad files, --jobs 2: every file there" "$(ls "$B" | wc -l)" "$(printf '%s\n' "$names" | wc -l)"

# A file handed to a job whose output outgrows what a job holds (gzip data
# under a .txt name, or a file dense with quotes) is finished by the writer:
# the same bytes as --jobs 1 and as the same articles read uncompressed.
mkdir -p "$TMPD/dense"
# (long quotes: the output outgrows a job in a few thousand articles, each
# quote's record holding its text, at a tenth of the work of short ones)
awk 'BEGIN { q = "Words"; for (k = 0; k < 300; k++) q = q " are here"
	for (i = 1; i <= 3500; i++) printf "Dense %d\n\n\"%s %d,\" said Ann Berg.\n\f\n", i, q, i }' >"$TMPD/dense.txt"
gzip -c "$TMPD/dense.txt" >"$TMPD/dense/dense.txt"
"$QUOTH" quotes --jobs 1 --format jsonl "$TMPD/dense" >"$TMPD/d1" 2>&1
"$QUOTH" quotes --jobs 2 --format jsonl "$TMPD/dense" >"$TMPD/d2" 2>&1
"$QUOTH" quotes --jobs 2 --format jsonl "$TMPD/dense.txt" | sed "s|$TMPD/dense.txt|$TMPD/dense/dense.txt|" >"$TMPD/d3" 2>&1
if cmp -s "$TMPD/d1" "$TMPD/d2" && cmp -s "$TMPD/d1" "$TMPD/d3" && [ "$(wc -c <"$TMPD/d1")" -gt 9000000 ]; then
	ok "a file whose output outgrows a job: --jobs 2 byte-identical to --jobs 1 and to the plain file"
else
	fail "a file whose output outgrows a job: --jobs 2 byte-identical to --jobs 1 and to the plain file" "$(wc -c "$TMPD/d1" "$TMPD/d2" "$TMPD/d3")"
fi
# ... and so are the files a job took with it, before it and after it (a
# few KB of gzip data: a job takes the files after it too)
mkdir -p "$TMPD/dense-among"
for f in "$FIX"/quotes/*.txt; do cp "$f" "$TMPD/dense-among/a-$(basename "$f")"; cp "$f" "$TMPD/dense-among/z-$(basename "$f")"; done
awk 'BEGIN { q = "Words"; for (k = 0; k < 300; k++) q = q " are here"
	for (i = 1; i <= 3500; i++) printf "Dense\n\n\"%s,\" said Ann Berg.\n\f\n", q }' |
	gzip -9 -c >"$TMPD/dense-among/m-dense.txt"
printf 'PK\003\004\000\000binary\000\000\000' >"$TMPD/dense-among/n-binary.txt"
for j in 1 2 3; do
	"$QUOTH" quotes --jobs $j --format jsonl "$TMPD/dense-among" >"$TMPD/da$j" 2>&1
	echo "exit $?" >>"$TMPD/da$j"
done
if cmp -s "$TMPD/da1" "$TMPD/da2" && cmp -s "$TMPD/da1" "$TMPD/da3" && [ "$(wc -c <"$TMPD/da1")" -gt 9000000 ]; then
	ok "a file whose output outgrows a job among small files: --jobs 2 and 3 byte-identical to --jobs 1"
else
	fail "a file whose output outgrows a job among small files: --jobs 2 and 3 byte-identical to --jobs 1" "$(wc -c "$TMPD/da1" "$TMPD/da2" "$TMPD/da3")"
fi
order=$(grep -o 'm-dense\.txt\|n-binary\.txt\|/z-' "$TMPD/da2" | uniq | tr '\n' ' ')
expect_eq "a file whose output outgrows a job among small files: the binary file after it said in its place" "m-dense.txt n-binary.txt /z- " "$order"

# ---- GNU parallel over JSON Lines: the README's recipe ------------------------------------

if command -v parallel >/dev/null 2>&1; then
	P=$TMPD/big.jsonl
	: >"$P"
	# 3 MB in blocks of 512 KiB: the README's recipe (10M blocks) at a size
	# the sanitizer and valgrind runs of this suite can afford, still six jobs
	while [ "$(wc -c <"$P")" -lt 3000000 ]; do
		cat "$M/dump.jsonl" "$M/dump.jsonl" "$M/dump.jsonl" "$M/dump.jsonl" >>"$P"
	done
	# "article" is the line number within what a job was given: records are keyed by their fields
	strip() { sed 's/"article":[0-9]*,//' | sort; }
	"$QUOTH" quotes --input jsonl --format jsonl <"$P" | strip >"$TMPD/single"
	parallel --pipe --block 512K -j 2 "$QUOTH" quotes --input jsonl --format jsonl --jobs 1 <"$P" | strip >"$TMPD/par"
	if cmp -s "$TMPD/single" "$TMPD/par" && [ "$(wc -l <"$TMPD/par")" -gt 1000 ]; then
		ok "GNU parallel --pipe --block 512K: sorted output equals one run ($(wc -l <"$TMPD/par") records)"
	else
		fail "GNU parallel --pipe --block 512K: sorted output equals one run" "$(wc -l "$TMPD/single" "$TMPD/par")"
	fi
else
	skip "GNU parallel recipe (Debian: parallel)"
fi

# ---- write errors ---------------------------------------------------------------------------

if [ -w /dev/full ]; then
	for cmd in "quotes" "render" "quotes --jobs 1" "quotes --format jsonl"; do
		sh -c "'$QUOTH' $cmd '$M' >/dev/full" 2>"$TMPD/err"
		rc=$?
		expect_eq "$cmd >/dev/full: exit 1" 1 "$rc"
		expect_contains "$cmd >/dev/full: a write error on standard output" "$(cat "$TMPD/err")" \
			"standard output: write error (No space left on device)"
	done
	# a big record's quotes are written as its windows give them: the write
	# error stops it there, said once
	if [ -s "${R:-}" ]; then
		"$QUOTH" quotes --format jsonl --jobs 2 "$R" >/dev/full 2>"$TMPD/err"
		rc=$?
		expect_eq "big record >/dev/full: exit 1, one message" "1 1" "$rc $(wc -l <"$TMPD/err" | tr -d ' ')"
		expect_contains "big record >/dev/full: a write error on standard output" "$(cat "$TMPD/err")" \
			"standard output: write error (No space left on device)"
	fi
	XDG_DATA_HOME=$TMPD/d "$QUOTH" tag claim "$C/a.txt" "$("$QUOTH" quotes --format tsv "$C/a.txt" | cut -f7 | tail -1)" 2>/dev/null
	XDG_DATA_HOME=$TMPD/d "$QUOTH" export >/dev/full 2>"$TMPD/err"
	rc=$?
	expect_eq "export >/dev/full: exit 1" 1 "$rc"
	expect_contains "export >/dev/full: a write error on standard output" "$(cat "$TMPD/err")" "standard output: write error"
else
	skip "write errors (no /dev/full)"
fi

# ---- user input in messages never reaches the terminal raw ----------------------------------

# ESC ] 2 ; title BEL, ESC [ 2J, an 8-bit CSI as UTF-8 (C1), a bidi override
P=$(printf '\033]2;PWNED\007\033[2J\302\233\342\200\256x')
raw_free() {  # raw_free NAME FILE: no ESC, BEL, C1 or bidi override byte sequence in FILE
	if LC_ALL=C grep -q "$(printf '[\033\007]')" "$2" || grep -q "$(printf '\302\233')" "$2" || grep -q "$(printf '\342\200\256')" "$2"; then
		fail "$1" "$(od -c "$2" | head -5)"
	else
		ok "$1"
	fi
}
n=0
while read -r label args; do
	eval "set -- $args"
	"$QUOTH" "$@" >"$TMPD/o" 2>"$TMPD/e" </dev/null
	raw_free "escaped: $label" "$TMPD/e"
	n=$((n + 1))
done <<EOF
quotes-unknown-option quotes "-\$P.txt" "$C/a.txt"
quotes-unknown-long quotes "--\$P" "$C/a.txt"
quotes-format quotes --format "\$P" "$C/a.txt"
quotes-jobs quotes --jobs "\$P" "$C/a.txt"
quotes-input quotes --input "\$P" "$C/a.txt"
quotes-missing-file quotes "$TMPD/\$P.txt"
quotes-text-field quotes --text-field "\$P" "$J"
render-unknown render "--\$P" "$C/a.txt"
render-width render --width "\$P" "$C/a.txt"
render-missing render "$TMPD/\$P"
export-unknown export "--\$P"
export-tag export --tag "\$P"
export-format export --format "\$P"
export-missing export "$TMPD/\$P.txt"
tag-name tag "\$P" "$C/a.txt" 1a
tag-id tag claim "$C/a.txt" "\$P"
tag-unknown-id tag claim "$C/a.txt" 0123abcd
tags-arg tags "\$P"
reader-unknown "--\$P"
reader-missing "$TMPD/\$P.txt"
EOF
expect_eq "escaped: every argument position tried" 20 "$n"

# ---- the reader's refusals (as less) --------------------------------------------------------

run_status "$QUOTH" "$TMPD/no-such.txt"
expect_eq "reader: a missing file alone: exit 1, no screen" 1 "$RC"
expect_eq "reader: a missing file alone: said" "quoth: $TMPD/no-such.txt: no such file or directory" "$ERR"
run_status "$QUOTH" "$TMPD/none"
expect_eq "reader: a folder with no article: exit 1" 1 "$RC"
expect_contains "reader: a folder with no article: named" "$ERR" "no articles (*.txt, *.md, *.jsonl, *.ndjson) found in $TMPD/none"

# ---- progress on a terminal ------------------------------------------------------------------

if command -v script >/dev/null 2>&1; then
	script -q -e -c "'$QUOTH' quotes --format jsonl '$M' >'$TMPD/prog.out'" /dev/null >"$TMPD/prog.tty" 2>&1 </dev/null
	expect_contains "progress: on a terminal, articles, MB, MB/s" "$(tr '\r' '\n' <"$TMPD/prog.tty")" " articles, "
	expect_contains "progress: with the time left" "$(tr '\r' '\n' <"$TMPD/prog.tty")" "ETA"
	"$QUOTH" quotes --format jsonl "$M" >/dev/null 2>"$TMPD/prog.err"
	expect_eq "progress: nothing when standard error is not a terminal" "" "$(cat "$TMPD/prog.err")"
	script -q -e -c "'$QUOTH' quotes --no-progress --format jsonl '$M' >'$TMPD/prog.out'" /dev/null >"$TMPD/prog.tty" 2>&1 </dev/null
	expect_eq "progress: --no-progress" "" "$(cat "$TMPD/prog.tty")"
else
	skip "progress (no script(1))"
fi
