# End-to-end: reading an article end to end and exporting what you picked
# (issue 12's traps, one check each), on articles written here.
. tests/lib.sh
. tests/tmux.sh
. tests/articles.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$TMPD/corpus"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"
C="$TMPD/corpus"
article "$C/a-harbour.txt" "Harbour news from the island" 11
article "$C/b-ferry.txt" "Ferry back" 4
odd_article "$C/c-odd.txt"
# a fresh start: no saved positions or tags between the cases
fresh() { rm -rf "$XDG_STATE_HOME" "$XDG_DATA_HOME"; }

# --- 1. y and e in the list take the article on the cursor row, and mark nothing ---
fresh
start 140x40 "$ENV $QUOTH $C"
expect_screen "list: starts" "Harbour news from the island"
keys y
expect_screen "list: y copies the article on the cursor row" "11 quotes of “Harbour news from the island”"
keys j y
expect_screen "list: j y copies the next article, not the first again" "4 quotes of “Ferry back”"
expect_no_screen "list: y marks no row" "*Harbour"
keys Space
expect_screen "list: the mark key marks, visibly" "*Ferry back"
expect_screen "list: the status line counts the marks" "1 marked"
keys Escape
wait_gone "1 marked" >/dev/null
expect_no_screen "list: Esc takes the marks off" "*Ferry back"
keys q
stop

# --- 2 and 3. ] and [ go on from where you read; the sidebar follows the text --------
fresh
start 80x24 "$ENV $QUOTH $C/a-harbour.txt"
expect_screen "80x24: opens" "Quote number 1 is"
keys Space Space
expect_screen "paging: two pages down" "11 quotes"
before=$(percent)
keys ']'
expect_screen "]: selects a quote" "quote "
after=$(percent)
if [ -n "$before" ] && [ -n "$after" ] && [ "$after" -ge "$before" ]; then ok "]: the text does not jump back ($before% -> $after%)"
else fail "]: the text does not jump back" "before $before%, after $after%: $(status_line)"; fi
expect_no_screen "]: not the first quote again" "quote 1/11"
keys g
expect_screen "g: the selection follows the text to the quote on screen" "quote 1/11"
keys ']'
expect_screen "] goes on from the quote on screen" "quote 2/11"
keys '[' '['
expect_screen "[ at the first quote says so" "First quote"
keys Space Space
wait_gone "quote 1/11" >/dev/null
expect_no_screen "paging on: the selected quote stays on screen" "quote 1/11"
keys G
expect_screen "G: the sidebar follows the text to its last quotes" "11 Quote number 11 is"
expect_no_screen "G: the first quotes left the sidebar" " 1 Quote number 1 is"
expect_screen "sidebar: quotes on screen in the text are marked" "┃"

# --- 4. the file is named ----------------------------------------------------------
expect_screen "status line names the file" "a-harbour.txt"
keys q
stop

# --- 5. search says where you are ------------------------------------------------------
fresh
start 140x40 "$ENV $QUOTH $C"
expect_screen "search: starts" "Harbour news from the island"
keys /
type_text "odd"
expect_screen "search in the list: finds the third title" " 3/3 "
type_text "zzz"
expect_screen "search in the list: not found" "Pattern not found"
expect_screen "search in the list: the cursor goes back where it was" " 1/3 "
keys Escape
wait_gone "/oddzzz" >/dev/null   # keys sent with Esc would read as Alt-key
keys Tab
wait_for " text " >/dev/null
keys /
type_text "harbour"
keys Enter
expect_screen "search in the text: match i/n on the status line" "match 1/"
keys n
expect_screen "search: n moves to the next match" "match 2/"
ESC=$(printf '\033')
if screen_attrs | grep -q "$ESC\[[0-9;]*103m" && screen_attrs | grep -q "$ESC\[[0-9;]*42m"; then
	ok "search: the current match is drawn apart from the others"
else
	fail "search: the current match is drawn apart from the others" "$(screen_attrs | grep -o "$ESC\[[0-9;]*m" | sort -u | tr '\n' ' ')"
fi
keys q
stop

# --- 6. tagging from the list and the text says which quote ------------------------------
fresh
start 140x40 "$ENV $QUOTH $C"
expect_screen "tags: starts" "Harbour news from the island"
keys 1
expect_screen "tags: 1 in the list tags the open article's quote" "Tagged claim: quote 1: “Quote number 1"
keys Tab 2
expect_screen "tags: 2 in the text says which quote and who" "Tagged denial: quote 1: “Quote number 1 is about the"
expect_screen "tags: the tagged quote is selected" "quote 1/11"
keys T
expect_screen "tags: T asks before removing two tags" "Remove 2 tags (claim, denial) from quote 1?"
keys n
expect_screen "tags: n keeps them" "Tags kept"
keys T y
expect_screen "tags: y removes them" "Removed 2 tags from quote 1"
keys U
expect_screen "tags: U undoes the last change" "Undone: put back 2 tags"
expect_screen "tags: both tags back" "[claim, denial]"
keys q
stop

# --- 7. exports that need no cleaning ------------------------------------------------------
fresh
start 140x40 "$ENV $QUOTH $C/c-odd.txt"
expect_screen "odd: starts" "Odd speakers"
expect_screen "odd: a speaker nobody found reads (unknown)" "— (unknown)"
expect_screen "odd: a guessed speaker has a ?" "— Someone?"
keys Tab Tab
wait_for " quotes " >/dev/null
keys j e C-u
type_text "$TMPD/odd.txt"
keys Enter
expect_screen "export: written" "Exported quote 2 to"
expect_eq "export: no comma before the closing mark" "“This is a scandal” — a voice" "$(head -1 "$TMPD/odd.txt")"
keys e C-u
type_text "$TMPD/odd.txt"
keys Enter
expect_screen "export: the overwrite question names the file" "$TMPD/odd.txt exists: a)ppend, o)verwrite, c)ancel?"
keys c
ln -s "$TMPD/odd.txt" "$TMPD/link.txt"
keys e C-u
type_text "$TMPD/link.txt"
keys Enter
expect_screen "export: a symlink says where it points" "link.txt is a link to $TMPD/odd.txt"
keys o
expect_screen "export: written through the link, saying so" "(a link to"
keys q
stop

# --- 8. where am I, what can I do ---------------------------------------------------------
fresh
start 80x24 "$ENV $QUOTH $C"
expect_screen "key bar: the focused pane's keys" "? help"
keys G
expect_screen "(END) at the end of the article" "(END)"
keys Space
expect_screen "Space at the end opens the next article" "[2/3]"
keys '?'
expect_screen "help: opens" "quoth help"
keys G
expect_screen "help: G goes to its end" "Close the view; in the main view, quit"
keys g /
type_text "redraw"
keys Enter
expect_screen "help: / finds a line" "Redraw the screen"
keys q
wait_gone "quoth help" >/dev/null
# --- 9. Ctrl-C in a prompt cancels the prompt, not quoth --------------------------------------
keys /
type_text "abc"
expect_screen "prompt: open" "/abc"
keys C-c
wait_gone "/abc" >/dev/null
expect_no_screen "Ctrl-C in a prompt closes the prompt" "/abc"
expect_no_screen "Ctrl-C in a prompt does not end quoth" "__EXITED__"
keys C-c
expect_screen "Ctrl-C outside a prompt quits" "__EXITED__"
stop

printf '[ui]\nkeybar = no\nmouse = maybe\ncolor = often\n[layout]\ntab_width = 99\n' >"$TMPD/bad.ini"
start 80x24 "$ENV $QUOTH --config $TMPD/bad.ini $C"
expect_screen "config: the warnings are counted" "3 warnings in the config files: M lists them"
expect_no_screen "keybar = no hides the key bar" "? help"
keys M
expect_screen "M lists every warning" "tab_width = 99"
expect_screen "M lists every warning (the first too)" "mouse = maybe"
keys q
stop

# --- 10. the list at 80x24, titles cut with an ellipsis ----------------------------------------
fresh
start 80x24 "$ENV $QUOTH $C"
expect_screen "80x24: the list stays in sight as a strip" "Harbour…"

# --- 11. who said it: the sentence, and a correction kept in the journal -------------------------
keys Tab Tab
wait_for " quotes " >/dev/null
keys c
expect_screen "c shows the sentence naming the speaker" "» \"Quote number 1 is"
keys s C-u
type_text "Jane Roe"
keys Enter
expect_screen "s corrects the speaker" "— Jane Roe (yours)"
keys q
wait_for "__EXITED__" >/dev/null
stop
run_status "$QUOTH" quotes --format jsonl "$C/a-harbour.txt"
expect_contains "quoth quotes: the corrected speaker" "$(printf '%s\n' "$OUT" | head -1)" '"speaker":"Jane Roe"'
expect_contains "quoth quotes: says it is the user's" "$(printf '%s\n' "$OUT" | head -1)" '"speaker_source":"user"'
expect_not_contains "quoth quotes: the others are the engine's" "$(printf '%s\n' "$OUT" | sed -n 2p)" 'speaker_source'

# --- Also: a terminal that cannot place the cursor is refused --------------------------------------
start 80x24 "$ENV TERM=dumb $QUOTH $C"
expect_screen "TERM=dumb: says why it cannot draw" "cannot place the cursor"
expect_screen "TERM=dumb: refused with status 1" "__EXITED__ 1"
stop

# --- Also: y says when tmux will not pass OSC 52 on; help rows never wrap ----------------------
fresh
start 80x24 "tmux set-option -g set-clipboard off; $ENV $QUOTH $C/b-ferry.txt"
expect_screen "osc52: starts" "Ferry back"
keys ']' y
expect_screen "y: says tmux has set-clipboard off" "tmux has set-clipboard off: quote 1 may"
keys q
stop
fresh
start 80x24 "$ENV $QUOTH $C/b-ferry.txt"
expect_screen "osc52: starts again" "Ferry back"
keys ']' y
expect_screen "y: says it sent the quote by OSC 52, not that it was copied" "Sent quote 1 to the clipboard by OSC 52"
keys q
stop
# keys wider than the screen for the last action of the help
printf '[global]\nquit = q, Q, C-q, F10, F11, F12, M-q, M-x\n' >"$TMPD/wide-keys.ini"
printf '[ui]\nkeymap_override = %s\n' "$TMPD/wide-keys.ini" >"$TMPD/wide.ini"
start 40x12 "$ENV $QUOTH --config $TMPD/wide.ini $C"
expect_screen "40x12: starts" "Quotes"
keys '?'
expect_screen "40x12: help" "quoth help"
keys PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
expect_screen "40x12: the help's last row" "Close the view"
# every help row starts at column 1: a row that wrapped would start at 0
wrapped=$(screen | sed -n '2,9p' | grep -c '^[^ ]')
expect_eq "40x12: no help row wraps into the next" "0" "$wrapped"
keys q
stop
