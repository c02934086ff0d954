#!/bin/sh
# Hostile stores and config: generated inputs through quoth tags / tag /
# export / quotes and the reader in tmux. Each must end (bounded by
# timeout), with a one-line message where it is refused, and leave files
# that are not its own as they were:
#   - 80,000 distinct tag names (a 4.4 MB journal; interning them was
#     quadratic: 18 s, and the reader froze; Tab completion > 120 s);
#   - a config of 100,000 sections (20 s) and a positions file of 100,000
#     lines (4 s) for the reader's start;
#   - FIFOs as the journal, config.ini, --config, the keymap and the
#     positions file (the reader blocked on a blank screen);
#   - a journal linked into another folder, and one linked to a file that
#     is no journal (its last line was cut off, tag records appended).
# The inputs are made here (awk, mkfifo, ln), nothing is committed.
. tests/lib.sh
. tests/tmux.sh
export LC_ALL=C.UTF-8 LANG=C.UTF-8

# Under ASan the big inputs are a fifth of their size: the same code paths.
NAMES=80000 SECTIONS=100000 POSITIONS=100000
[ "$BUILD" = build-san ] && NAMES=16000 SECTIONS=20000 POSITIONS=20000
LIMIT=20
WAIT_S=20

# run_bounded CMD...: as run_status, bounded by LIMIT
run_bounded() {
	timeout "$LIMIT" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	RC=$?
	OUT=$(cat "$TMPD/out"); ERR=$(cat "$TMPD/err")
}

# bounded NAME: the last command ended within LIMIT, without a crash
bounded() {
	if [ "$RC" -eq 124 ]; then
		fail "$1: ended within ${LIMIT} s" "timed out"
	elif [ "$RC" -ge 128 ]; then
		fail "$1: ended within ${LIMIT} s" "killed by signal $((RC - 128))"
	elif grep -q -E 'Sanitizer|runtime error:' "$TMPD/err"; then
		fail "$1: ended within ${LIMIT} s" "$(head -20 "$TMPD/err")"
	else
		ok "$1: ended within ${LIMIT} s"
	fi
}

# refused NAME WANT: bounded, exit 1, one line on stderr saying WANT
refused() {
	bounded "$1"
	expect_eq "$1: exit 1" 1 "$RC"
	expect_contains "$1: says why" "$ERR" "$2"
	expect_eq "$1: one line" 1 "$(printf '%s\n' "$ERR" | wc -l)"
}

ART="$TMPD/c/harbour.txt"
mkdir -p "$TMPD/c"
printf 'Harbour talks\n\n"We will not back down," said Jane Doe.\n\n"Nor will we," said John Roe.\n' >"$ART"
Q1=$("$QUOTH" quotes --format tsv "$ART" | awk -F '\t' 'NR == 2 { print $7 }')

# ---- 80,000 tag names ------------------------------------------------------------------------
S="$TMPD/names"
mkdir -p "$S/quoth"
awk -v n="$NAMES" -v f="$ART" 'BEGIN {
	print "# quoth tag journal, format 1"
	printf "1\tq\t1111111111111111\t0000000000000001\t1700000000\tWe will not back down\tJane Doe\tHarbour talks\t%s\n", f
	for (i = 0; i < n; i++)   # one quote, the names in an order unlike sorted
		printf "1\t+\t1111111111111111\t%016x\t%d\tt%05d\n", i % 97, 1700000000 + i, (i * 7919) % n
}' >"$S/quoth/tags.journal"
XDG_DATA_HOME="$S" run_bounded "$QUOTH" tags
bounded "$NAMES tag names: quoth tags"
expect_eq "$NAMES tag names: every one listed" "$NAMES" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
expect_eq "$NAMES tag names: sorted" "t00000" "$(printf '%s\n' "$OUT" | head -1)"
XDG_DATA_HOME="$S" run_bounded "$QUOTH" tags --count
bounded "$NAMES tag names: quoth tags --count"
XDG_DATA_HOME="$S" run_bounded "$QUOTH" export --tag t00042 --format tsv
bounded "$NAMES tag names: quoth export --tag"
expect_eq "$NAMES tag names: export finds the one quote" 2 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
XDG_DATA_HOME="$S" run_bounded "$QUOTH" tag t00042 "$ART" "$Q1"
bounded "$NAMES tag names: quoth tag (replay, append, compaction)"
expect_eq "$NAMES tag names: quoth tag exit 0" 0 "$RC"

ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$TMPD/home XDG_CONFIG_HOME=$TMPD/config XDG_STATE_HOME=$TMPD/state"
mkdir -p "$TMPD/home" "$TMPD/config"
start 140x40 "$ENV XDG_DATA_HOME=$S $QUOTH $ART"
expect_screen "$NAMES tag names: the reader starts" "Quotes"
keys Tab Tab t
type_text "t0004"
keys Tab
expect_screen "$NAMES tag names: Tab lists the names that fit" "t00040 t00041"
keys Escape
wait_gone "Tab completes" >/dev/null   # a key sent right after Esc would read as Alt-key
keys q
expect_screen "$NAMES tag names: the reader quits" "__EXITED__ 0"
stop

# ---- 100,000 config sections, 100,000 positions --------------------------------------------
awk -v n="$SECTIONS" 'BEGIN { print "[ui]"; print "mouse = no"; for (i = 0; i < n; i++) printf "[s%d]\n", i }' >"$TMPD/sections.ini"
run_bounded "$QUOTH" quotes --config "$TMPD/sections.ini" "$ART"
bounded "$SECTIONS config sections: quoth quotes --config"
expect_eq "$SECTIONS config sections: exit 0" 0 "$RC"
expect_contains "$SECTIONS config sections: the warnings past 200 counted" "$ERR" "$((SECTIONS - 200)) more warnings not shown"

P="$TMPD/pos"
mkdir -p "$P/quoth"
awk -v n="$POSITIONS" 'BEGIN { for (i = 0; i < n; i++) printf "1\t%016x\t0\t-1\t0000000000000000\t%d\n", (i * 2654435761) % 4294967291, 1700000000 + i }' >"$P/quoth/positions"
start 140x40 "env -u NO_COLOR TERM=xterm-256color HOME=$TMPD/home XDG_CONFIG_HOME=$TMPD/config XDG_DATA_HOME=$TMPD/data XDG_STATE_HOME=$P $QUOTH --config $TMPD/sections.ini $ART"
expect_screen "$POSITIONS positions and $SECTIONS sections: the reader starts" "Quotes"
keys q
expect_screen "$POSITIONS positions: the reader quits, positions saved" "__EXITED__ 0"
stop
expect_eq "$POSITIONS positions: the file keeps the most recent 10000" 10001 "$(wc -l <"$P/quoth/positions" | tr -d ' ')"

# ---- FIFOs -----------------------------------------------------------------------------------
F="$TMPD/fifo"
mkdir -p "$F/data/quoth" "$F/config/quoth" "$F/state/quoth"
mkfifo "$F/data/quoth/tags.journal" "$F/config/quoth/config.ini" "$F/state/quoth/positions" "$F/keys.ini" "$F/cli.ini"
XDG_DATA_HOME="$F/data" run_bounded "$QUOTH" tags
refused "FIFO journal: quoth tags" "tags.journal: not a regular file"
XDG_DATA_HOME="$F/data" run_bounded "$QUOTH" tag claim "$ART" "$Q1"
refused "FIFO journal: quoth tag" "tags.journal: not a regular file"
XDG_DATA_HOME="$F/data" run_bounded "$QUOTH" export
refused "FIFO journal: quoth export" "tags.journal: not a regular file"
run_bounded "$QUOTH" quotes --config "$F/cli.ini" "$ART"
refused "FIFO --config: quoth quotes" "cli.ini: not a regular file"
FENV="env -u NO_COLOR TERM=xterm-256color HOME=$TMPD/home XDG_CONFIG_HOME=$F/config XDG_DATA_HOME=$F/data XDG_STATE_HOME=$F/state"
start 140x40 "$FENV $QUOTH $ART"
expect_screen "FIFO journal, config.ini and positions: the reader starts" "Quotes"
expect_screen "FIFO journal: the reader says tags are off, and why" "tags.journal: not a regular file"
keys q
expect_screen "FIFOs: the reader quits" "__EXITED__ 0"
stop
start 140x40 "$FENV $QUOTH --config $F/cli.ini $ART"
expect_screen "FIFO --config: the reader refuses it at once" "cli.ini: not a regular file"
expect_screen "FIFO --config: exit 1" "__EXITED__ 1"
stop
printf '[ui]\nkeymap = %s\n' "$F/keys.ini" >"$TMPD/fifo-keys.ini"
start 140x40 "$FENV $QUOTH --config $TMPD/fifo-keys.ini $ART"
expect_screen "FIFO keymap: the reader starts with the built-in keys" "Quotes"
keys j q
expect_screen "FIFO keymap: q quits" "__EXITED__ 0"
stop

# ---- journals behind links -------------------------------------------------------------------
L="$TMPD/linked"
mkdir -p "$L/quoth" "$TMPD/synced"
ln -s "$TMPD/synced/tags" "$L/quoth/tags.journal"
start 140x40 "$ENV XDG_DATA_HOME=$L $QUOTH $ART"
expect_screen "linked journal: the reader starts" "Quotes"
keys Tab Tab 1 j 1
expect_screen "linked journal: tagged" "Tagged claim: quote 2"
keys k 1 q
expect_screen "linked journal: the reader quits (and compacts)" "__EXITED__ 0"
stop
if [ -L "$L/quoth/tags.journal" ]; then ok "linked journal: still a link"; else fail "linked journal: still a link" "$(ls -l "$L/quoth")"; fi
XDG_DATA_HOME="$L" run_bounded "$QUOTH" export --format tsv
expect_eq "linked journal: the tag that stayed is in the file it leads to" 2 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
expect_eq "linked journal: no temporary file left beside it" "tags" "$(ls "$TMPD/synced")"

O="$TMPD/other"
mkdir -p "$O/quoth"
printf 'a file of my own\nwhose last line has no end' >"$TMPD/mine.txt"
cp "$TMPD/mine.txt" "$TMPD/mine.orig"
ln -s "$TMPD/mine.txt" "$O/quoth/tags.journal"
start 140x40 "$ENV XDG_DATA_HOME=$O $QUOTH $ART"
expect_screen "link to a file that is no journal: the reader says why tags are off" "not a quoth tag journal"
keys Tab Tab 1 q
expect_screen "link to a file that is no journal: the reader quits" "__EXITED__ 0"
stop
XDG_DATA_HOME="$O" run_bounded "$QUOTH" tag claim "$ART" "$Q1"
refused "link to a file that is no journal: quoth tag" "not a quoth tag journal"
if cmp -s "$TMPD/mine.txt" "$TMPD/mine.orig"; then ok "link to a file that is no journal: left as it was"; else fail "link to a file that is no journal: left as it was" "$(cat "$TMPD/mine.txt")"; fi
