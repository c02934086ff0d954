#!/bin/sh
# quoth quotes: formats, TSV header, JSONL fields, null speakers, bad files, exit codes.
. tests/lib.sh
F=$FIX/quotes/en-patterns.txt

run_status "$QUOTH" quotes --help
expect_eq "quotes --help exits 0" 0 "$RC"
expect_contains "quotes --help shows usage" "$OUT" "usage: quoth quotes"

run_status "$QUOTH" quotes
expect_eq "quotes without a path exits 2" 2 "$RC"
expect_contains "quotes without a path prints usage" "$ERR" "usage: quoth quotes"

run_status "$QUOTH" quotes --format xml "$F"
expect_eq "quotes --format xml exits 2" 2 "$RC"
expect_contains "quotes --format xml names the formats" "$ERR" "text, tsv or jsonl"

run_status "$QUOTH" quotes --bogus "$F"
expect_eq "quotes unknown option exits 2" 2 "$RC"

# text
run_status "$QUOTH" quotes "$F"
expect_eq "quotes text exits 0" 0 "$RC"
expect_contains "text names the article" "$OUT" "Council approves the new budget (7 quotes)"
expect_contains "text block with speaker" "$OUT" "“We will build the bridge next year,” — Anna Berg"

# tsv
run_status "$QUOTH" quotes --format tsv "$F"
expect_eq "quotes tsv exits 0" 0 "$RC"
expect_eq "tsv header" "file	start	end	speaker	cue	confidence	id	text	article	title	url	date	source" "$(printf '%s\n' "$OUT" | head -1)"
expect_eq "tsv rows" 8 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
expect_eq "tsv has 13 fields a row" 13 "$(printf '%s\n' "$OUT" | awk -F'\t' '{print NF}' | sort -u)"
row=$(printf '%s\n' "$OUT" | sed -n 2p)
start=$(printf '%s' "$row" | cut -f2); end=$(printf '%s' "$row" | cut -f3)
expect_eq "tsv offsets point at the quote" "We will build the bridge next year," \
	"$(dd if="$F" bs=1 skip="$start" count=$((end - start)) 2>/dev/null)"

# jsonl
run_status "$QUOTH" quotes --format=jsonl "$F"
expect_eq "quotes jsonl exits 0" 0 "$RC"
if command -v python3 >/dev/null; then
	check "jsonl lines are JSON with the fields" python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin.read().splitlines()]
assert len(rows) == 7, len(rows)
for r in rows:
    for k in ("file", "start", "end", "text", "speaker", "cue", "confidence", "id", "lang"):
        assert k in r, k
    assert isinstance(r["start"], int) and isinstance(r["end"], int) and r["start"] < r["end"]
    assert len(r["id"]) == 16
assert rows[0]["speaker"] == "Anna Berg" and rows[0]["cue"] == "said" and rows[0]["lang"] == "en"
' <"$TMPD/out"
else
	skip "jsonl lines are JSON with the fields (no python3)"
fi
expect_contains "jsonl file field" "$OUT" "\"file\":\"$F\""

# each article's language in its records: one with lists but no annotated articles
printf '\320\235\320\276\320\262\320\276\321\201\321\202\320\270\n\n\302\253\320\234\321\213 \320\276\321\202\320\272\321\200\320\276\320\265\320\274 \321\210\320\272\320\276\320\273\321\203 \320\262 \321\201\320\265\320\275\321\202\321\217\320\261\321\200\320\265\302\273, \342\200\224 \321\201\320\272\320\260\320\267\320\260\320\273 \320\274\321\215\321\200 \320\230\320\262\320\260\320\275 \320\237\320\265\321\202\321\200\320\276\320\262.\n' >"$TMPD/ru.txt"
run_status "$QUOTH" quotes --format jsonl "$TMPD/ru.txt"
expect_contains "a Russian article's records say ru" "$OUT" '"lang":"ru"'
expect_contains "its cue verb is known" "$OUT" "\"cue\":\"$(printf '\321\201\320\272\320\260\320\267\320\260\320\273')\""

# null speaker
printf 'Headline\n\nIt was "closed for the whole summer" when we came.\n' >"$TMPD/nospk.txt"
run_status "$QUOTH" quotes --format jsonl "$TMPD/nospk.txt"
expect_contains "jsonl null speaker" "$OUT" '"speaker":null,"cue":null'
run_status "$QUOTH" quotes "$TMPD/nospk.txt"
expect_contains "text unknown speaker" "$OUT" "— (unknown)"

# stdin
run_status sh -c "\"$QUOTH\" quotes --format jsonl - <\"$F\""
expect_eq "stdin exits 0" 0 "$RC"
expect_contains "stdin file is -" "$OUT" '"file":"-"'

# ids are stable when the file moves
cp "$F" "$TMPD/moved.txt"
a=$("$QUOTH" quotes --format tsv "$F" | cut -f7)
b=$("$QUOTH" quotes --format tsv "$TMPD/moved.txt" | cut -f7)
expect_eq "ids survive moving the file" "$a" "$b"

# bad files: reported, the others still print, exit 1
printf '' >"$TMPD/empty.txt"
printf 'bin\000ary\000data' >"$TMPD/bin.dat"
mkdir "$TMPD/nothing"
run_status "$QUOTH" quotes --format tsv "$TMPD/missing.txt" "$F" "$TMPD/empty.txt" "$TMPD/bin.dat" "$TMPD/nothing"
expect_eq "bad files exit 1" 1 "$RC"
expect_contains "missing file reported" "$ERR" "missing.txt: no such file"
expect_contains "a folder with no articles reported" "$ERR" "nothing: a directory with no articles in it"
expect_eq "one line per bad file" 4 "$(printf '%s\n' "$ERR" | grep -c '^quoth: ')"
expect_eq "good file still printed" 8 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"

# a file with no quotes
printf 'Headline\n\nNo quotation marks in this text at all.\n' >"$TMPD/none.txt"
run_status "$QUOTH" quotes --format jsonl "$TMPD/none.txt"
expect_eq "no quotes exits 0" 0 "$RC"
expect_eq "no quotes prints nothing" "" "$OUT"

# a crafted file name cannot reach the terminal
bad=$(printf 'x\033]0;evil\007.txt')
run_status "$QUOTH" quotes "$TMPD/$bad"
expect_not_contains "escape in a name is not printed" "$ERR" "$(printf '\033')"

# cue verbs from config.ini ([quotes] cue_verbs_LANG), as the reader's sidebar
printf 'Head\n\n"The weather will be fine tomorrow," mumbled Anna Berg.\n' >"$TMPD/mumble.txt"
printf '[quotes]\ncue_verbs_en = mumbled, pointed out\n' >"$TMPD/q.ini"
run_status env XDG_CONFIG_HOME="$TMPD/none" "$QUOTH" quotes --format tsv "$TMPD/mumble.txt"
expect_eq "no extra cue: no cue" "" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f5)"
run_status env XDG_CONFIG_HOME="$TMPD/none" "$QUOTH" quotes --format tsv --config "$TMPD/q.ini" "$TMPD/mumble.txt"
expect_eq "--config adds cue verbs" "Anna Berg	mumbled" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f4,5)"
run_status env XDG_CONFIG_HOME="$TMPD/none" "$QUOTH" quotes --config "$TMPD/absent.ini" "$TMPD/mumble.txt"
expect_eq "--config with a missing file exits 1" 1 "$RC"

# QUOTH_MODEL: other speaker weights (make eval scores each fold so)
: >"$TMPD/zero.w"
run_status env QUOTH_MODEL="$TMPD/zero.w" "$QUOTH" quotes --format tsv "$F"
expect_eq "QUOTH_MODEL with no weights: no speakers" "" "$(printf '%s\n' "$OUT" | sed 1d | cut -f4 | sort -u)"
printf 'kind=name\t\n' >"$TMPD/bad.w"
run_status env QUOTH_MODEL="$TMPD/bad.w" "$QUOTH" quotes "$F"
expect_eq "QUOTH_MODEL with a bad line exits 1" 1 "$RC"
expect_contains "QUOTH_MODEL names the bad line" "$ERR" "bad.w:1: syntax error"
printf '# weights\nno-such-feature=1\t5\n' >"$TMPD/unknown.w"
run_status env QUOTH_MODEL="$TMPD/unknown.w" "$QUOTH" quotes "$F"
expect_contains "QUOTH_MODEL with an unknown feature names its line" "$ERR" "unknown.w:2: syntax error"
run_status env QUOTH_MODEL="$TMPD/none.w" "$QUOTH" quotes "$F"
expect_eq "QUOTH_MODEL missing exits 1" 1 "$RC"
expect_contains "QUOTH_MODEL missing says so" "$ERR" "no such file"
printf 'kind=none\t-100000\n' >"$TMPD/nonone.w"
run_status env QUOTH_MODEL="$TMPD/nonone.w" "$QUOTH" quotes --format tsv "$F"
expect_eq "QUOTH_MODEL weights are used" "" "$(printf '%s\n' "$OUT" | sed 1d | awk -F'\t' '$4 == ""')"
