#!/bin/sh
# quoth render: options, exit codes, messages, odd input, giant lines.
. tests/lib.sh
export LC_ALL=C.UTF-8
MIXED=$FIX/render-mixed.txt

# widest_line FILE: display columns of the widest line (wcwidth, as ncurses)
widest_line() { wc -L <"$1" | tr -d ' '; }

# squeezed FILE: the text with all white space removed
squeezed() { tr -d ' \t\n' <"$1"; }

# ---- width option ------------------------------------------------------------

fits=yes
for w in 4 5 9 17 33 60 80 200; do
	"$QUOTH" render --width "$w" "$MIXED" >"$TMPD/w.out" 2>"$TMPD/w.err" || fits="exit $? at $w"
	got=$(widest_line "$TMPD/w.out")
	[ "$got" -le "$w" ] || fits="a line of $got columns at width $w"
done
expect_eq "render: every line fits the width (CJK, emoji, tabs, long word)" yes "$fits"

"$QUOTH" render --width 80 "$MIXED" >"$TMPD/80.out"
"$QUOTH" render --width=7 "$MIXED" >"$TMPD/7.out"
expect_eq "render: --width=N and --width N" "$(squeezed "$TMPD/80.out")" "$(squeezed "$TMPD/7.out")"
expect_eq "render: no text lost or changed by wrapping" "$(squeezed "$MIXED")" "$(squeezed "$TMPD/7.out")"
expect_eq "render: tabs expand to spaces" 1 "$(grep -c -E 'a {2,8}tab,' "$TMPD/80.out")"
expect_not_contains "render: no TAB in the output" "$(cat "$TMPD/80.out")" "	"

printf 'Title\n\nab cd ef gh\n' >"$TMPD/small.txt"
run_status "$QUOTH" render --width 1 "$TMPD/small.txt"
expect_eq "render: width 1" "T
i
t
l
e

a
b
c
d
e
f
g
h" "$OUT"

printf 'Title\n\nThe counter-\naccusations flew in a long wire\nstory that was hard-wrapped at\nthirty columns by its editor.\n' >"$TMPD/wire.txt"
run_status "$QUOTH" render --width 80 "$TMPD/wire.txt"
expect_contains "render: hard-wrapped text is reflowed, hyphen join kept" "$OUT" "counter-accusations flew in a long wire story that was hard-wrapped"

# COLUMNS is the width when standard output is not a terminal
printf 'Title\n\naaa bbb ccc ddd eee fff\n' >"$TMPD/cols.txt"
OUT=$(COLUMNS=8 "$QUOTH" render "$TMPD/cols.txt" </dev/null 2>&1)
expect_eq "render: COLUMNS when no --width" "Title

aaa bbb
ccc ddd
eee fff" "$OUT"

# ---- bad usage: exit 2 ---------------------------------------------------------

for bad in 0 -5 abc 12x 100001 ""; do
	run_status "$QUOTH" render --width "$bad" "$MIXED"
	expect_eq "render: --width '$bad' exits 2" 2 "$RC"
done
run_status "$QUOTH" render --width 0 "$MIXED"
expect_contains "render: bad width says what it wants" "$ERR" "--width"
run_status "$QUOTH" render --bogus "$MIXED"
expect_eq "render: unknown option exits 2" 2 "$RC"
run_status "$QUOTH" render
expect_eq "render: no path exits 2" 2 "$RC"
expect_contains "render: no path prints usage" "$ERR" "usage"

# ---- files that cannot be rendered: exit 1, one line naming the file ------------

one_line_error() {  # one_line_error NAME PATH WORDS
	run_status "$QUOTH" render --width 40 "$2"
	expect_eq "render: $1 exits 1" 1 "$RC"
	expect_eq "render: $1 is one line on stderr" 1 "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')"
	expect_contains "render: $1 message names the file" "$ERR" "$2"
	expect_contains "render: $1 message says why" "$ERR" "$3"
	expect_eq "render: $1 prints nothing on stdout" "" "$OUT"
}
one_line_error "missing file" "$TMPD/no-such-file.txt" "no such file"
mkdir "$TMPD/adir"
one_line_error "directory" "$TMPD/adir" "directory"
: >"$TMPD/empty.txt"
one_line_error "empty file" "$TMPD/empty.txt" "empty"
printf 'PK\003\004\000\000\010\000binary\000\000\377\376junk' >"$TMPD/bin.dat"
one_line_error "binary file" "$TMPD/bin.dat" "binary"

run_status "$QUOTH" render --width 40 "$TMPD/no-such-file.txt" "$MIXED" "$TMPD/adir" "$TMPD/small.txt"
expect_eq "render: a bad file among good ones exits 1" 1 "$RC"
expect_contains "render: the file after a bad one is rendered" "$OUT" "Minister defends"
expect_contains "render: the file after two bad ones is rendered" "$OUT" "ab cd ef gh"
expect_eq "render: one message per bad file" 2 "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')"

# a file name that could act on the terminal is shown escaped
run_status "$QUOTH" render "$TMPD/evil$(printf '\033')[2Jname"
expect_not_contains "render: escape in a file name never reaches stderr" "$ERR" "$(printf '\033')"

# ---- odd input --------------------------------------------------------------------

printf 'Title\n\nbad \377\376 bytes and \300\200 overlong and \355\240\200 surrogate end\n' >"$TMPD/invalid.txt"
run_status "$QUOTH" render --width 30 "$TMPD/invalid.txt"
expect_eq "render: invalid UTF-8 exits 0" 0 "$RC"
expect_eq "render: invalid UTF-8 gives valid UTF-8" ok "$(printf '%s' "$OUT" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo ok)"
expect_contains "render: invalid UTF-8 keeps the words" "$OUT" "surrogate end"

printf 'Esc\033[31mape\n\nred \033[31mtext\033[0m, bell \007, title \033]0;pwned\007, csi \233 and \302\233 done\n' >"$TMPD/esc.txt"
"$QUOTH" render --width 20 "$TMPD/esc.txt" >"$TMPD/esc.out" 2>&1
expect_eq "render: escape bytes never reach the output" 0 "$(tr -d -c '\000-\010\013-\037\177' <"$TMPD/esc.out" | wc -c | tr -d ' ')"
expect_eq "render: no C1 control in the output" "" "$(grep -a "$(printf '\302\233')" "$TMPD/esc.out")"
expect_contains "render: the text around escapes stays" "$(cat "$TMPD/esc.out")" "done"

# ---- standard input ---------------------------------------------------------------

OUT=$(printf 'From stdin\n\nhello world\n' | "$QUOTH" render --width 40 - 2>&1)
expect_eq "render: - reads standard input" "From stdin

hello world" "$OUT"
OUT=$(printf 'From stdin\n\nhello world\n' | "$QUOTH" render --width 40 "$TMPD/small.txt" - 2>&1)
expect_contains "render: - among files" "$OUT" "hello world"
expect_contains "render: files before -" "$OUT" "ab cd ef gh"

# ---- many paragraphs: wrapped by two threads in rounds, written in order -----------

# 12 MB in 40,000 numbered paragraphs of mixed scripts: several rounds of chunks
awk 'BEGIN { printf "Many paragraphs\n\n";
	for (i = 1; i <= 40000; i++) {
		printf "p%d the ministry said \342\200\234we will look into it\342\200\235 and ", i;
		for (k = 0; k < 4; k++) printf "\346\224\277\345\272\234\350\241\250\347\244\272 caf\303\251 words %d and more words to wrap ", k;
		printf "q%d.\n\n", i } }' >"$TMPD/many.txt"
run_status "$QUOTH" render --width 61 "$TMPD/many.txt"
printf '%s\n' "$OUT" >"$TMPD/many.out"
expect_eq "render: many paragraphs exit 0" 0 "$RC"
expect_eq "render: many paragraphs, nothing lost" "$(squeezed "$TMPD/many.txt")" "$(squeezed "$TMPD/many.out")"
expect_eq "render: many paragraphs, in order" "$(seq 1 40000 | tr '\n' ' ')" \
	"$(grep -o '^p[0-9]*' "$TMPD/many.out" | tr -d p | tr '\n' ' ')"
expect_eq "render: many paragraphs, one blank line between each" 39999 "$(grep -c '^$' "$TMPD/many.out" | awk '{ print $1 - 1 }')"

# ---- a 20 MB single line ----------------------------------------------------------

awk 'BEGIN { s = "the minister said that the inquiry would continue, "; t = s;
	while (length(t) < 1048576) t = t t; printf "Giant\n\n"; for (i = 0; i < 20; i++) printf "%s", t;
	printf "end.\n" }' >"$TMPD/giant.txt"
run_status "$QUOTH" render --width 72 "$TMPD/giant.txt"
expect_eq "render: 20 MB line finishes (within the 20 s guard)" 0 "$RC"
printf '%s\n' "$OUT" >"$TMPD/giant.out"
expect_eq "render: 20 MB line, every line fits" yes "$([ "$(widest_line "$TMPD/giant.out")" -le 72 ] && echo yes)"
expect_eq "render: 20 MB line, nothing lost" "$(squeezed "$TMPD/giant.txt")" "$(squeezed "$TMPD/giant.out")"

# one 20 MB word with no space at all: broken at cluster boundaries
awk 'BEGIN { t = "abcdefghij"; while (length(t) < 20971520) t = t t; printf "Word\n\n%s\n", t }' >"$TMPD/word.txt"
run_status "$QUOTH" render --width 50 "$TMPD/word.txt"
printf '%s\n' "$OUT" >"$TMPD/word.out"
expect_eq "render: 20 MB word finishes" 0 "$RC"
expect_eq "render: 20 MB word, every line fits" yes "$([ "$(widest_line "$TMPD/word.out")" -le 50 ] && echo yes)"
