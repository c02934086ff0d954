#!/bin/sh
# quoth export / tag / tags: tagged quotes without the UI, in each format;
# filtering by tag and by article (renamed and edited files); the journal
# format as documented in tags.h; bad usage and I/O errors.
. tests/lib.sh

export XDG_DATA_HOME="$TMPD/data"
STORE="$XDG_DATA_HOME/quoth"
mkdir -p "$TMPD/c"
cp "$FIX/wire.txt" "$TMPD/c/wire.txt"
printf 'Harbour talks\n\n"We will not back down," said Jane Doe.\n\n"Nothing more, and nothing less," she added.\n' >"$TMPD/c/jane.txt"
A="$TMPD/c/wire.txt"
B="$TMPD/c/jane.txt"
# qid FILE N: the id of the N-th quote of FILE, as quoth quotes prints it
qid() { "$QUOTH" quotes --format tsv "$1" | awk -F '\t' -v n="$2" 'NR == n + 1 { print $7 }'; }
A1=$(qid "$A" 1) B1=$(qid "$B" 1) B2=$(qid "$B" 2)

# --- an empty store ---
run_status "$QUOTH" export
expect_eq "export: empty store prints nothing" "0:" "$RC:$OUT"
run_status "$QUOTH" export --format tsv
expect_eq "export: empty store, tsv is the header" \
	"$(printf 'text\tspeaker\ttitle\tfile\ttags\tarticle_id\tquote_id\torphaned')" "$OUT"
[ ! -e "$STORE" ] && ok "export: reading creates no store" || fail "export: reading creates no store"

# --- tagging from the command line ---
run_status "$QUOTH" tag --text "We have asked for the same rate" --speaker "Mara Lindqvist" claim "$A" "$A1"
expect_eq "tag: exit 0" "0" "$RC"
run_status "$QUOTH" tag --text "We have asked for the same rate" evidence "$A" "$A1"
run_status "$QUOTH" tag --text "We will not back down," --speaker "Jane Doe" denial "$B" "$B1"
run_status "$QUOTH" tag --text "Nothing more" påstand "$B" "$B2"
expect_eq "tag: a non-ASCII tag name" "0" "$RC"
expect_eq "tag: store folder is 0700" "700" "$(stat -c %a "$STORE")"
expect_eq "tag: journal is 0600" "600" "$(stat -c %a "$STORE/tags.journal")"

run_status "$QUOTH" tags
expect_eq "tags: the names in use" "$(printf 'claim\ndenial\nevidence\npåstand')" "$OUT"
run_status "$QUOTH" tags --count
expect_contains "tags --count" "$OUT" "$(printf '1\tclaim')"

# --- text ---
run_status "$QUOTH" export "$B"
# a comma before the closing mark is the sentence's, not the quote's
expect_eq "export text: the quotes of one article" "“We will not back down” — Jane Doe
Harbour talks ($B)
tags: denial

“Nothing more” — Jane Doe
Harbour talks ($B)
tags: påstand" "$OUT"

# --- filtering ---
run_status "$QUOTH" export --tag claim
expect_contains "export --tag: the tagged quote" "$OUT" "“We have asked for the same rate” — Mara Lindqvist"
expect_not_contains "export --tag: nothing else" "$OUT" "Jane Doe"
run_status "$QUOTH" export --tag claim --tag=denial --format tsv
expect_eq "export: two --tag are either" "3" "$(printf '%s\n' "$OUT" | wc -l)"
run_status "$QUOTH" export --tag nosuchtag
expect_eq "export: an unused tag prints nothing" "0:" "$RC:$OUT"
run_status "$QUOTH" export "$A"
expect_not_contains "export PATH: only that article" "$OUT" "Jane Doe"
expect_contains "export PATH: its quotes" "$OUT" "Mara Lindqvist"

run_status "$QUOTH" export --format tsv "$TMPD/c"
expect_eq "export FOLDER: the articles below it (header + 3)" "4" "$(printf '%s\n' "$OUT" | wc -l)"
mkdir "$TMPD/empty"
run_status "$QUOTH" export "$TMPD/empty"
expect_eq "export: an empty folder matches nothing" "0:" "$RC:$OUT"
run_status sh -c "'$QUOTH' export - <'$B'"
expect_contains "export -: an article on standard input" "$OUT" "Jane Doe"

mv "$B" "$TMPD/c/renamed.txt"
run_status "$QUOTH" export --format tsv "$TMPD/c/renamed.txt"
expect_contains "export: a renamed file matches by its id" "$OUT" "Jane Doe"
mv "$TMPD/c/renamed.txt" "$B"
printf 'A correction was added.\n' >>"$B"
run_status "$QUOTH" export --format tsv "$B"
expect_contains "export: an edited file matches by its path" "$OUT" "Jane Doe"

# --- tsv and jsonl ---
run_status "$QUOTH" export --format tsv "$A"
line=$(printf '%s\n' "$OUT" | sed -n 2p)
expect_eq "export tsv: 8 fields" "8" "$(printf '%s\n' "$line" | awk -F '\t' '{print NF}')"
expect_contains "export tsv: the fields" "$line" "$(printf 'We have asked for the same rate\tMara Lindqvist\t')"
expect_contains "export tsv: tags joined" "$line" "$(printf '\tclaim,evidence\t')"
expect_contains "export tsv: ids in hex" "$line" "$(printf '\t%s\tno' "$A1")"

run_status "$QUOTH" export --format jsonl
expect_eq "export jsonl: one line a quote" "3" "$(printf '%s\n' "$OUT" | wc -l)"
expect_contains "export jsonl: fields" "$OUT" '"text":"We have asked for the same rate","speaker":"Mara Lindqvist"'
expect_contains "export jsonl: tags array" "$OUT" '"tags":["claim","evidence"]'
expect_contains "export jsonl: quote id" "$OUT" "\"quote_id\":\"$A1\""
if command -v python3 >/dev/null 2>&1; then
	check "export jsonl: every line is JSON with the documented keys" python3 -c '
import json, sys
for l in sys.stdin.read().splitlines():
    o = json.loads(l)
    assert set(o) >= {"text", "speaker", "title", "file", "tags", "article_id", "quote_id", "orphaned"}, o
' <"$TMPD/out"
else
	skip "export jsonl: JSON check (no python3)"
fi

# --- removing ---
run_status "$QUOTH" tag --remove evidence "$A" "$A1"
run_status "$QUOTH" export --tag evidence
expect_eq "tag --remove: the tag is gone" "0:" "$RC:$OUT"

# --- the journal format as documented ---
mkdir -p "$TMPD/hand"
XDG_DATA_HOME="$TMPD/hand" "$QUOTH" tag --text x t "$A" "$A1" >/dev/null 2>&1
J="$TMPD/hand/quoth/tags.journal"
art=$(sed -n 's/^1\tq\t\([0-9a-f]*\)\t.*/\1/p' "$J" | head -1)
printf '1\tq\t%s\t00000000000000aa\t1700000000\tWritten by hand\\twith a tab\tSomeone\tT\t/x.txt\n' "$art" >>"$J"
printf '1\t+\t%s\t00000000000000aa\t1700000000\thand\n' "$art" >>"$J"
printf '9\t+\tfuture record\n' >>"$J"
printf '1\t+\t%s\t00000000000000ab\t17000' "$art" >>"$J"   # torn: cut in its time field
XDG_DATA_HOME="$TMPD/hand" run_status "$QUOTH" export --tag hand --format tsv
expect_eq "journal: a hand-written record is read" "0" "$RC"
expect_contains "journal: escapes undone (TAB shown as a space in tsv)" "$OUT" "Written by hand with a tab	Someone"
expect_contains "journal: a newer line is a warning" "$ERR" "from a newer quoth"
expect_contains "journal: a torn last line is a warning" "$ERR" "cut short"
XDG_DATA_HOME="$TMPD/hand" run_status "$QUOTH" tags
expect_eq "journal: the torn record is ignored" "hand
t" "$OUT"
# A last record that is whole but for its line end (a hand edit) is read,
# and the next tag starts a line of its own (it was cut off as "cut short").
mkdir -p "$TMPD/unended"
XDG_DATA_HOME="$TMPD/unended" "$QUOTH" tag --text x t "$A" "$A1" >/dev/null 2>&1
J="$TMPD/unended/quoth/tags.journal"
printf '1\t+\t%s\t00000000000000ac\t1700000000\tunended' "$art" >>"$J"
XDG_DATA_HOME="$TMPD/unended" run_status "$QUOTH" tags
expect_eq "journal: a last record without its line end is read, no warning" "0:t
unended:" "$RC:$OUT:$ERR"
XDG_DATA_HOME="$TMPD/unended" run_status "$QUOTH" tag more "$A" "$A1"
expect_eq "journal: the next tag goes on a line of its own" "2" "$(grep -c -e '	unended$' -e '	more$' "$J")"

# --- nothing reaches the terminal ---
evil="$TMPD/c/$(printf 'e\033]0;x\007.txt')"
cp "$A" "$evil"
run_status "$QUOTH" tag --text "$(printf 'bell\007 esc\033[2J')" x "$evil" "$A1"
run_status "$QUOTH" export --tag x
if printf '%s' "$OUT" | grep -q "$(printf '\033')"; then fail "export: no escape sequence in the output"; else ok "export: no escape sequence in the output"; fi
expect_contains "export: controls shown as symbols" "$OUT" "bell␇ esc␛[2J"

# --- two sessions at once: appends and compactions interleave, nothing is lost ---
export XDG_DATA_HOME="$TMPD/race"
( i=1; while [ $i -le 40 ]; do "$QUOTH" tag "ra$i" "$A" "$A1" || echo fail; i=$((i + 1)); done ) >"$TMPD/r1" 2>&1 &
( i=1; while [ $i -le 40 ]; do "$QUOTH" tag "rb$i" "$B" "$B1" || echo fail; i=$((i + 1)); done ) >"$TMPD/r2" 2>&1 &
wait
run_status "$QUOTH" tags
expect_eq "two processes: all 80 tags kept" "80" "$(printf '%s\n' "$OUT" | wc -l)"
expect_eq "two processes: no errors or warnings" "" "$(cat "$TMPD/r1" "$TMPD/r2")$ERR"
export XDG_DATA_HOME="$TMPD/data"

# --- bad usage: 2 ---
run_status "$QUOTH" export --format xml
expect_eq "export: bad --format is usage" "2" "$RC"
expect_contains "export: bad --format says why" "$ERR" "text, tsv or jsonl"
run_status "$QUOTH" export --tag "two words"
expect_eq "export: a bad tag name is usage" "2" "$RC"
run_status "$QUOTH" export --bogus
expect_eq "export: unknown option is usage" "2" "$RC"
run_status "$QUOTH" export --tag
expect_eq "export: --tag without a value is usage" "2" "$RC"
run_status "$QUOTH" tag claim "$A" not-hex
expect_eq "tag: a bad quote id is usage" "2" "$RC"
run_status "$QUOTH" tag claim "$A"
expect_eq "tag: no quote id is usage" "2" "$RC"
run_status "$QUOTH" tag claim "$A" "$A1" 1a2b
expect_eq "tag: an id that is not a quote of the file is refused, exit 1" "1" "$RC"
expect_contains "tag: and says which" "$ERR" "1a2b is not a quote of"
run_status "$QUOTH" export --tag claim --format tsv
expect_eq "tag: nothing of a refused command is saved" "2" "$(printf '%s\n' "$OUT" | wc -l)"
run_status "$QUOTH" tag --remove claim "$A" 1a2b
expect_eq "tag --remove: an id no longer in the file (orphaned) still works" "0" "$RC"
XDG_DATA_HOME="$TMPD/late" run_status "$QUOTH" tag claim "$A" "$A1" --speaker "Options Last"
expect_eq "tag: options after the operands" "0" "$RC"
XDG_DATA_HOME="$TMPD/late" run_status "$QUOTH" export "$A"
expect_contains "tag: options after the operands are read" "$OUT" "— Options Last"
run_status "$QUOTH" tags extra
expect_eq "tags: an argument is usage" "2" "$RC"

# --- I/O errors: 1 ---
run_status "$QUOTH" export "$TMPD/c/missing.txt" "$A"
expect_eq "export: a missing file is exit 1" "1" "$RC"
expect_contains "export: a missing file is named" "$ERR" "missing.txt: no such file"
expect_contains "export: the other files still print" "$OUT" "Mara Lindqvist"
touch "$TMPD/notadir"
XDG_DATA_HOME="$TMPD/notadir" run_status "$QUOTH" tag --text t claim "$A" "$A1"
expect_eq "tag: a store that cannot be written is exit 1" "1" "$RC"
expect_contains "tag: and says it was not saved" "$ERR" "not saved"
XDG_DATA_HOME="$TMPD/notadir" run_status "$QUOTH" export
expect_eq "export: no store is an empty export" "0:" "$RC:$OUT"
mkdir -p "$TMPD/badstore/quoth/tags.journal"
XDG_DATA_HOME="$TMPD/badstore" run_status "$QUOTH" export
expect_eq "export: an unreadable journal is exit 1" "1" "$RC"
expect_contains "export: and says so" "$ERR" "cannot read the tag store"
if [ -w /dev/full ]; then
	run_status sh -c "'$QUOTH' export >/dev/full"
	expect_eq "export: a write error on stdout is exit 1" "1" "$RC"
fi
