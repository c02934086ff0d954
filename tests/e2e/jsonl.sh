# End-to-end: the reader on JSON Lines: a row a record, titled by its title
# field (else its first line), the record's source, date and URL in the
# status line, a malformed line an error row; a tag put on a quote of the
# second record is that record's, for quoth export and the tagged view.
. tests/lib.sh
. tests/tmux.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$TMPD/dump"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"

# fixtures of our own: two stories with a quote each, and a broken line
DUMP="$TMPD/dump/news.jsonl"
{
	printf '%s\n' '{"title":"Bridge repairs begin","text":"Bridge repairs begin\n\nWork started on Monday.\n\n\"The bridge will reopen in spring,\" said Mara Olsen, the engineer.","source":"example.net","date":"2023-05-01","url":"https://example.net/bridge"}'
	printf '%s\n' '{"text":"Library keeps late hours\n\nThe library stays open until midnight.\n\n\"Students asked for it all year,\" said Tomas Berg, the librarian."}'
	printf '%s\n' '{"text": broken'
} >"$DUMP"

start 140x40 "$ENV $QUOTH $DUMP"
expect_screen "file: the title field titles the first record" "Bridge repairs begin"
expect_screen "file: the first line titles a record without one" "Library keeps late hours"
expect_screen "file: a malformed line is an error row" "[syntax error]"
expect_screen "file: three rows" "[1/3]"
expect_screen "file: the record's text, not its JSON" "Work started on Monday."
expect_no_screen "file: no JSON shown" '"text":'
expect_screen "file: status line shows the record's line and source" "news.jsonl:1 · example.net · 2023-05-01"

keys j j Enter
expect_screen "the broken line says why" "not valid JSON Lines"

# --- the second record: open it, tag its quote, quit ----------------------------------
keys k Enter
expect_screen "second record opens" "The library stays open until midnight."
expect_screen "second record: its line in the status line" "news.jsonl:2"
keys Tab Tab
wait_for " quotes " >/dev/null
keys 1
expect_screen "second record: its quote tagged" "[claim]"
keys s C-u
type_text "Ines Vale"
keys Enter
expect_screen "second record: its speaker corrected" "— Ines Vale (yours)"
keys q
expect_screen "quit" "__EXITED__"
expect_screen "at exit: the broken line named" "news.jsonl:3: not valid JSON Lines"
stop

# quoth quotes reads the record under the id the reader gave it
run_status env XDG_DATA_HOME="$XDG_DATA_HOME" "$QUOTH" quotes --format jsonl "$DUMP"
expect_contains "quoth quotes: the reader's correction of the record" "$(printf '%s\n' "$OUT" | sed -n 2p)" '"speaker":"Ines Vale","speaker_source":"user"'
expect_not_contains "quoth quotes: not the other record's" "$(printf '%s\n' "$OUT" | head -1)" 'speaker_source'

run_status env XDG_DATA_HOME="$XDG_DATA_HOME" "$QUOTH" tags
expect_eq "quoth tags: the tag" "claim" "$OUT"
run_status env XDG_DATA_HOME="$XDG_DATA_HOME" "$QUOTH" export --format tsv
expect_contains "quoth export: the quote" "$OUT" "Students asked for it all year"
expect_contains "quoth export: the record's title" "$OUT" "Library keeps late hours"
expect_contains "quoth export: the record's place" "$OUT" "news.jsonl:2"
expect_not_contains "quoth export: not the other record" "$OUT" "Bridge repairs begin"
run_status env XDG_DATA_HOME="$XDG_DATA_HOME" "$QUOTH" export --format tsv "$DUMP"
expect_contains "quoth export FILE: the record's tag" "$OUT" "Students asked for it all year"

# --- a folder with the dump: the same rows, the tag found again -------------------------
printf 'Plain story headline\n\nNothing said here.\n' >"$TMPD/dump/a.txt"
start 140x40 "$ENV $QUOTH $TMPD/dump"
expect_screen "folder: the plain file" "Plain story headline"
expect_screen "folder: the dump's records" "Library keeps late hours"
expect_screen "folder: four rows" "/4]"
expect_screen "folder: the tagged record counts its tag" "1t 1"
keys "'"
expect_screen "tagged view lists the quote" "Tagged quotes: 1"
keys Enter
expect_screen "tagged view opens the right record" "The library stays open until midnight."
expect_screen "tagged view: at its line" "news.jsonl:2"
keys q
stop
