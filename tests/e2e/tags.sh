# End-to-end: tagging, kill -9, export, visual selection, OSC 52, quoth export.
. tests/lib.sh
. tests/tmux.sh
. tests/articles.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"
mkdir -p "$TMPD/corpus"
cp samples/da-faergen-til-trindoe.txt samples/en-harbour-strike.txt "$TMPD/corpus/"
CORPUS="$TMPD/corpus"
pane_pid() { pgrep -P "$(TM display-message -p -t t '#{pane_pid}')"; }

# --- tag with 1 and with t, then kill -9 ---------------------------------------------
start 140x40 "$ENV $QUOTH $CORPUS"
wait_for "Quotes" >/dev/null
keys Tab Tab
wait_for " quotes " >/dev/null
keys 1
expect_screen "key 1 tags the quote (claim)" "[claim]"
expect_screen "status says which quote it tagged" "Tagged claim: quote 1: “Vi har været"
keys j t
type_text "promise"
keys Enter
expect_screen "t tags with any name" "[promise]"
expect_screen "list counts tagged quotes" "2t 7"
keys t Tab
expect_screen "Tab lists the tag names" "accusation claim"
expect_eq "Tab lists no name twice (promise: in use and on key 5)" "1" "$(status_line | grep -o promise | wc -l)"
keys Escape
wait_gone "accusation claim" >/dev/null
kill -9 "$(pane_pid)"
expect_screen "killed" "__EXITED__"
stop

start 140x40 "$ENV $QUOTH $CORPUS"
expect_screen "after kill -9: first tag still there" "[claim]"
expect_screen "after kill -9: second tag still there" "[promise]"

# --- the tagged quotes view ------------------------------------------------------------
keys "'"
expect_screen "tagged view lists tagged quotes" "Tagged quotes: 2"
keys f
type_text "pro"
keys Tab Enter
expect_screen "filter by tag" "Tagged quotes [promise]: 1"
keys Enter
expect_screen "Enter opens the article at the quote" "quote 2/7"

# --- export marked quotes to a file ----------------------------------------------------------
keys Tab
wait_for " quotes " >/dev/null
keys g Space Space e C-u
type_text "$TMPD/export.txt"
keys Enter
expect_screen "export reports the file" "Exported 2 marked quotes to"
want="“Vi har været uden en rigtig forbindelse i tolv måneder. Det har kostet arbejdspladser, og det har kostet familier” — Jens Kragh"
if head -1 "$TMPD/export.txt" | grep -qF "$want"; then ok "export: first quote with its speaker"; else fail "export: first quote with its speaker" "$(cat "$TMPD/export.txt")"; fi
expect_eq "export: two quotes, title and file lines" 2 "$(grep -c 'da-faergen-til-trindoe.txt' "$TMPD/export.txt")"
expect_eq "export: tags written" "tags: claim" "$(sed -n 3p "$TMPD/export.txt")"
keys e C-u
type_text "$TMPD/export.txt"
keys Enter
expect_screen "export: asks before overwriting" "a)ppend, o)verwrite, c)ancel"
keys a
expect_screen "export: appended" "Exported 2 marked quotes"
expect_eq "export: append keeps both" 4 "$(grep -c 'da-faergen-til-trindoe.txt' "$TMPD/export.txt")"

# --- visual selection exported, and copied with OSC 52 ------------------------------------
TM set-option -g set-clipboard on
keys BTab
wait_for " text " >/dev/null
keys Escape
wait_for "7 quotes" >/dev/null   # Esc unmarked the quote; keys sent with Esc would read as Alt-key
keys g v w w
expect_screen "visual mode on" "VISUAL"
keys e C-u
type_text "$TMPD/selection.txt"
keys Enter
expect_screen "selection exported" "Exported the selection"
expect_eq "selection text as it reads" "Færgen til T" "$(head -1 "$TMPD/selection.txt")"
expect_eq "selection: the title and file after it" "Færgen til Trindø sejler igen fra marts efter et år på land ($CORPUS/da-faergen-til-trindoe.txt)" "$(sed -n 2p "$TMPD/selection.txt")"
expect_eq "selection: ends with a line end" "0a" "$(tail -c 1 "$TMPD/selection.txt" | od -An -tx1 | tr -d ' ')"
keys v w y
expect_screen "copy says it sent the selection by OSC 52" "Sent the selection to the clipboard by OSC 52 (8 chars)"
expect_eq "OSC 52 reached the terminal (tmux buffer)" "Færgen t" "$(TM show-buffer 2>/dev/null)"
keys q
expect_screen "quit" "__EXITED__ 0"
stop

# --- quoth export without the UI -------------------------------------------------------------
run_status "$QUOTH" export --tag promise --format tsv "$CORPUS"
expect_eq "quoth export exits 0" 0 "$RC"
expect_contains "quoth export: tsv header" "$OUT" "text	speaker	title	file	tags"
expect_contains "quoth export: the promise quote" "$OUT" "Men i aften er vi glade"
expect_not_contains "quoth export: --tag filters" "$OUT" "Vi har været uden"

# --- a file-size limit (ulimit -f) reached in the reader --------------------------------------
# SIGXFSZ killed the reader in curses mode; now the tag shows, the status
# says it is not saved and why, the reader goes on, and it exits 1 saying so.
# The store's folder has an escape byte in its name: every message naming
# the journal shows it as a name (␛), on the status line and at exit.
LIM="$TMPD/limit$(printf '\033')[7m"
mkdir -p "$LIM"
first=$("$QUOTH" quotes --format tsv "$CORPUS/en-harbour-strike.txt" | awk -F '\t' 'NR == 2 { print $7 }')
XDG_DATA_HOME="$LIM" "$QUOTH" tag --text x first "$CORPUS/en-harbour-strike.txt" "$first" >/dev/null 2>&1
J="$LIM/quoth/tags.journal"
size=$(wc -c <"$J")
blocks=$(( (size + 511) / 512 ))
pad=$(( blocks * 512 - size ))
awk -v n="$pad" 'BEGIN { if (n > 1) { printf "#"; for (i = 2; i < n; i++) printf " "; printf "\n" } }' >>"$J"
start 140x40 "sh -c 'ulimit -f $blocks; exec $ENV XDG_DATA_HOME=$LIM $QUOTH $CORPUS'"
wait_for "Quotes" >/dev/null
keys Tab Tab
wait_for " quotes " >/dev/null
keys 1
expect_screen "size limit: the tag shows" "[claim]"
expect_screen "size limit: NOT SAVED, and why" "NOT SAVED: file too large"
expect_screen "size limit: the status line names the journal, escaped" "limit␛[7m/quoth/tags.journal"
expect_no_screen "size limit: the reader is still running" "__EXITED__"
keys q
expect_screen "size limit: the reader exits 1" "__EXITED__ 1"
expect_screen "size limit: and says the tags were not saved" "tags not saved"
expect_screen "size limit: the exit message names the journal, escaped" "limit␛[7m/quoth/tags.journal: file too large"
stop
