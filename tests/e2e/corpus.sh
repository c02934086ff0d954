#!/bin/sh
# End-to-end: the views of the corpus index in tmux. The index of the
# samples and of two outlets quoting one person in other words
# (tests/fixtures/index); the speaker view, a speaker's quotes across the
# corpus, the sidebar's "also in", the group of one quote with its word
# differences on screen, the list narrowed and sorted; the reader making
# the index itself; and the reader without an index.
. tests/lib.sh
. tests/tmux.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"
C="$TMPD/corpus"
mkdir -p "$C"
cp -r samples "$C/samples"
cp -r "$FIX/index/outlet-a" "$FIX/index/outlet-b" "$FIX/index/outlet-c" "$C/"
ESC=$(printf '\033')

run_status env HOME="$HOME" "$QUOTH" index --quiet "$C"
expect_eq "the index of samples and fixtures is built" "0" "$RC"
# how many speakers the quote engine finds in the samples is its business:
# the view must show as many as quoth speakers lists
NSPK=$(env HOME="$HOME" "$QUOTH" speakers --format tsv | tail -n +2 | wc -l | tr -d ' ')

# --- the speaker view --------------------------------------------------------------
start 140x40 "$ENV $QUOTH $C"
expect_screen "reader: started" "Articles"
keys S
expect_screen "S: the speaker view" "Speakers: $NSPK of $NSPK, by quotes"
expect_screen "S: a person with the forms merged into it" "3        3  Mara Quintel  (also: Quintel)"
keys f
type_text "quin"
expect_screen "f: narrowed as you type" "Speakers: 1 of $NSPK"
expect_no_screen "f: the others are gone" "Clara Vossberg"
keys Enter Enter
expect_screen "Enter: the speaker's quotes across the corpus" "Quotes of Mara Quintel: 3"
expect_screen "their Danish quote" "Aftalen beskytter hvert eneste job i havnen"
expect_screen "with title, language, date and source" "Harbour deal signed after a long night · en · May 12 · North Coast Wire"
keys j Enter
expect_screen "Enter: the article of the quote" "Dockers and port reach agreement"
expect_screen "the sidebar: the quote is in another article too" "also in 1 article"

# --- the group of one quote, with its differences ---------------------------------
keys =
expect_screen "=: the variants of the quote" "The same quote in 2 articles"
expect_screen "=: the first variant whole" "gives the young workers a future here,"
expect_screen "=: the other with its word differences" "gives [-the-] young workers a {+real+} future [-here-],"
expect_screen "=: each with its outlet and date" "Harbour deal signed after a long night · en · May 12 · North Coast Wire"
if wait_attrs "$ESC\[30m$ESC\[42m\{\+real\+\}"; then ok "=: an added word highlighted"; else fail "=: an added word highlighted" "$(screen_attrs | grep real)"; fi
if screen_attrs | grep -q "$ESC\[1m$ESC\[31m\[-the-\]\|$ESC\[31m$ESC\[1m\[-the-\]\|$ESC\[1m$ESC\[31m$ESC\[49m\[-the-\]"; then
	ok "=: a dropped word highlighted"
else
	fail "=: a dropped word highlighted" "$(screen_attrs | grep young)"
fi
keys Enter
expect_screen "Enter on a variant: its article" "VELDHAM, May 12 (North Coast Wire)"
keys ']' =
expect_screen "=: the next quote's group" "We gave more than we wanted, [-to-] but the harbour needed peace"
keys q
wait_gone "The same quote in" >/dev/null

# --- the article list, narrowed and sorted -----------------------------------------
keys '&'
type_text "speaker:ferrand"
expect_screen "&: the list narrowed as you type" "/2 shown"
keys Enter
expect_screen "&: the filter on the status line" "&speaker:ferrand by path"
expect_no_screen "&: other articles are gone" "Færgen til Trindø"
keys Escape
expect_screen "Esc: every article again" "The list shows every article again"
expect_no_screen "Esc: the filter is gone from the status line" "&speaker:ferrand"
keys '&'
type_text "lang:da"
expect_screen "&lang: by language" "2 shown"
keys Escape Escape
keys o
expect_screen "o: the list by date" "The list by date"
keys o
expect_screen "o: the list by title" "The list by title"
keys o
expect_screen "o: the list by quotes" "The list by quotes"
keys q
wait_for "__EXITED__" >/dev/null
stop

# --- the reader makes the index itself ---------------------------------------------
H2="$TMPD/home2"
mkdir -p "$H2"
start 120x30 "$ENV HOME=$H2 $QUOTH $FIX/index"
expect_screen "fresh home: reader started" "Articles"
keys S
if wait_for "Mara Quintel  (also: Quintel)"; then ok "the reader indexed what it opened"; else fail "the reader indexed what it opened" "$(screen)"; fi
keys q q
wait_for "__EXITED__" >/dev/null
stop
[ -f "$H2/.cache/quoth/index.sqlite" ] && ok "its index is in the cache folder" || fail "its index is in the cache folder"

# --- no index: the reader works, the views say why ---------------------------------
H3="$TMPD/home3"
mkdir -p "$H3/.cache/quoth/index.sqlite"   # a folder where the file should be
start 120x30 "$ENV HOME=$H3 $QUOTH $FIX/index"
expect_screen "index unusable: the reader says so" "No corpus index"
keys S
expect_screen "S without an index: how to make one" "run quoth index PATH"
keys j Enter
expect_screen "the reader still reads" "Dockers and port reach agreement"
keys Tab 1
expect_screen "and tags" "[claim]"
keys q
wait_for "__EXITED__" >/dev/null
stop
run_status env HOME="$H3" XDG_DATA_HOME="$XDG_DATA_HOME" "$QUOTH" tags
expect_eq "the tag is in the journal, index or none" "claim" "$OUT"
