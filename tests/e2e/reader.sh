# End-to-end: the real binary in tmux at fixed sizes, asserting on the screen.
. tests/lib.sh
. tests/tmux.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"
SAMPLES=$(pwd)/samples

count() { screen | grep -cF -- "$1"; }

# --- the three panes on the samples, 140x40 -------------------------------------
start 140x40 "$ENV $QUOTH"
expect_screen "wide: article list pane" "Articles"
expect_screen "wide: quotes pane" "Quotes"
expect_screen "wide: list shows sample titles" "Die letzte Buchhandlung"
expect_screen "wide: text of the first article" "Øboerne på Trindø kan igen"
expect_screen "wide: a speaker under a quote" "— Jens Kragh"
expect_screen "wide: status line with position" "[1/11]"

# --- opening an article ------------------------------------------------------------
keys j Enter
expect_screen "open: second article's text" "Rödingen"
expect_screen "open: status says article 2" "[2/11]"
keys '{'
expect_screen "previous article with {" "[1/11]"

# --- moving through the quotes moves the text --------------------------------------
before=$(count "Pengene var væk")
keys Tab
wait_for "quotes" >/dev/null
keys G
if wait_for "quote 7/7"; then
	after=$(count "Pengene var væk")
	if [ "$after" -gt "$before" ]; then ok "last quote scrolls the text to it"; else fail "last quote scrolls the text to it" "$(screen)"; fi
else
	fail "last quote selected" "$(screen)"
fi
keys '['
expect_screen "[ selects the previous quote" "quote 6/7"

# --- search: smart case, accents ----------------------------------------------------
keys BTab
wait_for " text " >/dev/null
keys /
type_text "strandkøbing"
expect_screen "search: prompt shows the pattern" "/strandkøbing"
keys Enter
wait_gone "/strandkøbing" >/dev/null
ESC=$(printf '\033')
if wait_attrs "$ESC\[30m$ESC\[42mStrandkøbing"; then ok "search: case-folded match highlighted"; else fail "search: case-folded match highlighted" "$(screen)"; fi
keys n
expect_screen "search: n moves on" "Strandkøbing"
keys /
type_text "STRANDKØBING"
expect_screen "search: a capital in the pattern matches case exactly" "Pattern not found"
keys Escape
wait_gone "/STRANDKØBING" >/dev/null
keys '}'
wait_for "[2/11]" >/dev/null
keys /
type_text "rodingen"
wait_for "/rodingen" >/dev/null   # else wait_gone below passes before the prompt shows
keys Enter
wait_gone "/rodingen" >/dev/null
# the one match is the current one: search_current, not search_match
if wait_attrs "$ESC\[30m$ESC\[(42|103)mRödingen"; then ok "search: a pattern without accents finds the accented word"; else fail "search: a pattern without accents finds the accented word" "$(screen)"; fi
keys Escape '{'
wait_for "[1/11]" >/dev/null
keys /
type_text "zzzqqq"
expect_screen "search: not found message" "Pattern not found"
keys Escape
wait_gone "/zzzqqq" >/dev/null
expect_no_screen "search: Esc closes the prompt" "/zzzqqq"

# --- help ---------------------------------------------------------------------------
keys '?'
expect_screen "help screen opens" "quoth help"
expect_screen "help lists actions with keys" "Move down a page"
keys q
expect_screen "help closes with q" "Articles"

# --- resize 140x40 -> 80x24 -> 30x8 -> back ------------------------------------------
resize 80x24
expect_screen "80x24: the list stays in sight as a strip" "Regional"
expect_screen "80x24: text and quotes side by side" "Quotes"
keys L
wait_gone "Regional" >/dev/null
expect_no_screen "80x24: L hides the strip" "Regional"
keys L
expect_screen "80x24: L shows it again" "Regional"
resize 30x8
expect_screen "30x8: too small message" "too small"
resize 140x40
expect_screen "back to 140x40: three panes" "Articles"
expect_screen "back to 140x40: quotes" "Quotes"

# --- quit restores the terminal ----------------------------------------------------------
keys q
expect_screen "quit exits 0" "__EXITED__ 0"
expect_no_screen "quit leaves no pane behind" "Articles"
stop

# --- NO_COLOR: no colour, highlights by attributes ---------------------------------------
start 140x40 "$ENV NO_COLOR=1 $QUOTH $SAMPLES"
wait_for "Articles" >/dev/null
ESC=$(printf '\033')
if screen_attrs | grep -q "$ESC\[[0-9;]*[34][0-7]m"; then
	fail "NO_COLOR: no colour codes" "$(screen_attrs | grep -o "$ESC\[[0-9;]*m" | sort -u | od -c | head)"
else
	ok "NO_COLOR: no colour codes"
fi
if screen_attrs | grep -q "$ESC\[[0-9;]*7m"; then ok "NO_COLOR: focus shown in reverse"; else fail "NO_COLOR: focus shown in reverse" ""; fi
keys q
stop
start 140x40 "$ENV $QUOTH $SAMPLES"
wait_for "Articles" >/dev/null
if screen_attrs | grep -q "$ESC\[[0-9;]*[34][0-7]m"; then ok "colour without NO_COLOR"; else fail "colour without NO_COLOR" ""; fi
keys q
stop

# --- a keymap override ------------------------------------------------------------------------
cat > "$TMPD/override.ini" <<'INI'
[global]
quit = x
none = G
INI
printf '[ui]\nkeymap_override = %s\n' "$TMPD/override.ini" > "$TMPD/cfg.ini"
start 140x40 "$ENV $QUOTH --config $TMPD/cfg.ini $SAMPLES"
wait_for "Articles" >/dev/null
keys G
expect_screen "override: G does nothing" "Key G does nothing"
expect_no_screen "override: still running after G" "__EXITED__"
keys x
expect_screen "override: x quits" "__EXITED__ 0"
stop

# --- a keymap cannot leave q, ?, Esc or C-c dead ----------------------------------------------
printf '[global]\nnone = q\n' > "$TMPD/noq.ini"
printf '[ui]\nkeymap_override = %s\n' "$TMPD/noq.ini" > "$TMPD/cfg.ini"
start 140x40 "$ENV $QUOTH --config $TMPD/cfg.ini $SAMPLES"
expect_screen "none = q: a warning says q is kept" "leaves q doing nothing"
keys q
expect_screen "none = q: q still quits" "__EXITED__ 0"
stop
: > "$TMPD/empty.ini"
printf '[ui]\nkeymap = %s\n' "$TMPD/empty.ini" > "$TMPD/cfg.ini"
start 140x40 "$ENV $QUOTH --config $TMPD/cfg.ini $SAMPLES"
expect_screen "empty keymap: a warning says so" "binds no key"
keys j
expect_screen "empty keymap: other keys do nothing" "Key j does nothing"
keys '?'
expect_screen "empty keymap: ? shows the help" "quoth help"
keys Escape
expect_screen "empty keymap: Esc closes it" "Articles"
keys q
expect_screen "empty keymap: q quits" "__EXITED__ 0"
stop
start 140x40 "$ENV $QUOTH --config $TMPD/cfg.ini $SAMPLES"
wait_for "Articles" >/dev/null
keys C-c
expect_screen "empty keymap: C-c quits" "__EXITED__"
stop

# --- an article full of escape sequences leaves the screen intact --------------------------
mkdir -p "$TMPD/evil"
printf 'Evil headline\n\n\033[2J\033[H\033]0;pwned\007Text \033[31mRED\033[0m and \033]52;c;SGVsbG8=\007 clip \302\233 31m end \033P+q\033\\.\n\n"Nothing here is safe," said Eve Mallory.\n' > "$TMPD/evil/evil.txt"
start 140x40 "$ENV $QUOTH $TMPD/evil"
expect_screen "escapes: shown as visible symbols" "␛[31mRED"
expect_screen "escapes: panes still drawn" "Quotes"
expect_screen "escapes: quote found" "Eve Mallory"
expect_screen "escapes: status line intact" "[1/1]"
if [ "$(TM display-message -p -t t '#{pane_title}')" = "pwned" ]; then fail "escapes: title not set" ""; else ok "escapes: title not set"; fi
keys q
expect_screen "escapes: clean exit" "__EXITED__ 0"
stop

# --- SIGTERM and SIGHUP end cleanly -------------------------------------------------------------
for sig in TERM HUP; do
	start 100x30 "$ENV $QUOTH $SAMPLES"
	wait_for "Articles" >/dev/null
	kill -$sig $(pgrep -P "$(TM display-message -p -t t '#{pane_pid}')")
	expect_screen "SIG$sig: exits cleanly" "__EXITED__ 0"
	stop
done

# --- bad usage ----------------------------------------------------------------------------------------
run_status "$QUOTH" --bogus
expect_eq "unknown option exits 2" 2 "$RC"

# --- Ctrl-Z suspends, fg restores (an interactive shell with job control) ---------------
TM kill-server 2>/dev/null
TM new-session -d -s t -x 120 -y 30 "env PS1='SHELL> ' bash --norc --noprofile -i"
TM set-option -t t status off >/dev/null
wait_for "SHELL>" >/dev/null
type_text "$ENV $QUOTH $SAMPLES"
keys Enter
expect_screen "suspend: reader up" "Articles"
keys C-z
expect_screen "Ctrl-Z gives the shell back" "Stopped"
expect_no_screen "suspend: the reader's screen is gone" "Articles"
type_text "fg"
keys Enter
expect_screen "fg redraws the reader" "Articles"
expect_screen "fg: quotes pane back" "Quotes"
keys q
expect_screen "quit after fg returns to the shell" "SHELL>"
stop

# --- mouse: SGR reports as a terminal sends them ---------------------------------------
start 140x40 "$ENV $QUOTH $SAMPLES"
wait_for "Articles" >/dev/null
keys Tab g   # the text from its top: the sidebar follows it from quote 1
wait_for "0%  7 quotes  text" >/dev/null
type_text "$(printf '\033[<0;120;6M\033[<0;120;6m')"
expect_screen "click in the sidebar focuses it and selects a quote" "quote 1/7  quotes"
type_text "$(printf '\033[<0;10;5M\033[<0;10;5m')"
expect_screen "click on a list row selects it" " 4/11 "
type_text "$(printf '\033[<65;60;10M')"
expect_screen "wheel down over the text scrolls it" "5%  quote 1/7"
keys q
stop
