#!/bin/sh
# The stores and the config as files others may have put there, through
# quoth tag / tags / export / quotes: a FIFO where a journal or a config is
# read (refused at once, never waited on), a journal that is a link (into
# a synced folder: followed; to another file: left alone), errors that
# name the right file, a file-size limit (ulimit -f) reached while tagging,
# and config warnings past the first 200.
. tests/lib.sh

mkdir -p "$TMPD/c"
printf 'Harbour talks\n\n"We will not back down," said Jane Doe.\n\n"Nor will we, not an inch," said John Roe.\n' >"$TMPD/c/jane.txt"
A="$TMPD/c/jane.txt"
# qid FILE N: the id of the N-th quote of FILE, as quoth quotes prints it
qid() { "$QUOTH" quotes --format tsv "$1" | awk -F '\t' -v n="$2" 'NR == n + 1 { print $7 }'; }
Q1=$(qid "$A" 1) Q2=$(qid "$A" 2)

# refused NAME WANT: the last run_status ended at once (no timeout), exit 1,
# with one line on stderr saying WANT
refused() {
	if [ "$RC" -eq 124 ]; then
		fail "$1" "hung (timeout)"
	else
		expect_eq "$1: exit 1" 1 "$RC"
		expect_contains "$1: says why" "$ERR" "$2"
		expect_eq "$1: one line" 1 "$(printf '%s\n' "$ERR" | wc -l)"
	fi
}

# --- FIFOs ---------------------------------------------------------------------------------
mkdir -p "$TMPD/fifo/quoth"
mkfifo "$TMPD/fifo/quoth/tags.journal"
XDG_DATA_HOME="$TMPD/fifo" run_status "$QUOTH" tags
refused "FIFO journal: quoth tags" "tags.journal: not a regular file"
XDG_DATA_HOME="$TMPD/fifo" run_status "$QUOTH" tag claim "$A" "$Q1"
refused "FIFO journal: quoth tag" "tags.journal: not a regular file"
XDG_DATA_HOME="$TMPD/fifo" run_status "$QUOTH" export
refused "FIFO journal: quoth export" "tags.journal: not a regular file"

mkfifo "$TMPD/fifo.ini"
run_status "$QUOTH" quotes --config "$TMPD/fifo.ini" "$A"
refused "FIFO --config" "fifo.ini: not a regular file"
mkdir -p "$TMPD/cfg/quoth"
mkfifo "$TMPD/cfg/quoth/config.ini"
XDG_CONFIG_HOME="$TMPD/cfg" run_status "$QUOTH" quotes "$A"
if [ "$RC" -eq 124 ]; then fail "FIFO config.ini: not waited on" "hung"; else ok "FIFO config.ini: not waited on"; fi
expect_eq "FIFO config.ini: the quotes still print" 0 "$RC"
expect_contains "FIFO config.ini: a warning names it" "$ERR" "config.ini: not a regular file: not read"

# --- a journal that is a link ---------------------------------------------------------------
mkdir -p "$TMPD/linked/quoth" "$TMPD/synced"
ln -s "$TMPD/synced/quoth-tags" "$TMPD/linked/quoth/tags.journal"
XDG_DATA_HOME="$TMPD/linked" run_status "$QUOTH" tag --text "We will not back down," claim "$A" "$Q1"
expect_eq "linked journal: tag" 0 "$RC"
XDG_DATA_HOME="$TMPD/linked" run_status "$QUOTH" tag --remove claim "$A" "$Q1"   # compacts when it closes
XDG_DATA_HOME="$TMPD/linked" run_status "$QUOTH" tag denial "$A" "$Q1"
if [ -L "$TMPD/linked/quoth/tags.journal" ]; then ok "linked journal: still a link after compaction"; else fail "linked journal: still a link after compaction" "$(ls -l "$TMPD/linked/quoth")"; fi
XDG_DATA_HOME="$TMPD/linked" run_status "$QUOTH" tags
expect_eq "linked journal: the tags are in the file it leads to" "0:denial" "$RC:$OUT"
expect_eq "linked journal: nothing left beside the target" "quoth-tags" "$(ls "$TMPD/synced")"

mkdir -p "$TMPD/other/quoth"
printf 'my notes\nlast line without its end' >"$TMPD/notes.txt"
cp "$TMPD/notes.txt" "$TMPD/notes.orig"
ln -s "$TMPD/notes.txt" "$TMPD/other/quoth/tags.journal"
XDG_DATA_HOME="$TMPD/other" run_status "$QUOTH" tag claim "$A" "$Q1"
refused "link to a file that is no journal: quoth tag" "tags.journal: not a quoth tag journal"
if cmp -s "$TMPD/notes.txt" "$TMPD/notes.orig"; then ok "link to a file that is no journal: the file is untouched"; else fail "link to a file that is no journal: the file is untouched" "$(cat "$TMPD/notes.txt")"; fi

# --- errors name the right file -------------------------------------------------------------
mkdir -p "$TMPD/lockdir/quoth/tags.lock"
XDG_DATA_HOME="$TMPD/lockdir" run_status "$QUOTH" tag claim "$A" "$Q1"
expect_eq "tags.lock a folder: exit 1" 1 "$RC"
expect_contains "tags.lock a folder: named, with its cause" "$ERR" "tags.lock: is a directory"
touch "$TMPD/datafile"
XDG_DATA_HOME="$TMPD/datafile" run_status "$QUOTH" tag claim "$A" "$Q1"
expect_eq "XDG_DATA_HOME a file: exit 1" 1 "$RC"
expect_contains "XDG_DATA_HOME a file: named, not a directory" "$ERR" "$TMPD/datafile: not a directory"

# --- a file-size limit reached (ulimit -f) ---------------------------------------------------
# SIGXFSZ killed quoth tag with a torn line; now the limit is a write error
# like a full disk: said, exit 1, the journal whole, and the next tag (with
# room again) writes.
mkdir -p "$TMPD/limit"
XDG_DATA_HOME="$TMPD/limit" "$QUOTH" tag --text "First" claim "$A" "$Q1" >/dev/null 2>&1
J="$TMPD/limit/quoth/tags.journal"
# a journal of 32 KiB and more, so that the limit leaves room for anything
# else written under it (make valgrind's log)
awk 'BEGIN { for (i = 0; i < 512; i++) printf "# %062d\n", i }' >>"$J"
size=$(wc -c <"$J")
blocks=$(( (size + 511) / 512 ))   # dash's ulimit -f counts 512-byte blocks
pad=$(( blocks * 512 - size ))
# fill the journal up to the limit with comments, so that the next record cannot fit
awk -v n="$pad" 'BEGIN { if (n > 1) { printf "#"; for (i = 2; i < n; i++) printf " "; printf "\n" } }' >>"$J"
before=$(cat "$J")
XDG_DATA_HOME="$TMPD/limit" run_status sh -c "ulimit -f $blocks; exec '$QUOTH' tag --text 'Second quote, a longer one' denial '$A' '$Q2'"
expect_eq "ulimit -f: exit 1, not killed by SIGXFSZ" 1 "$RC"
expect_contains "ulimit -f: says the file is too large" "$ERR" "tags.journal: file too large; not saved"
expect_eq "ulimit -f: the journal is as it was, nothing torn" "$before" "$(cat "$J")"
XDG_DATA_HOME="$TMPD/limit" run_status "$QUOTH" tag --text 'Second quote, a longer one' denial "$A" "$Q2"
XDG_DATA_HOME="$TMPD/limit" run_status "$QUOTH" tags
expect_eq "ulimit -f: with room again the tag is saved" "claim
denial" "$OUT"

# --- config warnings past the first 200 ------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 250; i++) printf "[unknown%d]\n", i }' >"$TMPD/many.ini"
run_status "$QUOTH" quotes --config "$TMPD/many.ini" "$A"
expect_eq "250 config warnings: 200 shown" 200 "$(printf '%s\n' "$ERR" | grep -c 'unknown section')"
expect_contains "250 config warnings: the rest counted" "$ERR" "quoth: 50 more warnings not shown"
