# End-to-end: a file another program shortens while the reader has it open.
# Articles are mapped, and touching a mapped page past a file's new end
# raises SIGBUS: quoth must go on (the lost end reads as empty), say so on
# the status line, and again when it exits, with status 1.
. tests/lib.sh
. tests/tmux.sh

export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" XDG_STATE_HOME="$TMPD/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
ENV="env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME"

# article FILE PARAGRAPHS: a headline and numbered paragraphs
article() {
	awk -v n="$2" 'BEGIN { printf "Shrinking article\n\n";
		for (i = 1; i <= n; i++) printf "Paragraph %d says the council met on Tuesday and talked for hours about the budget.\n\n", i }' >"$1"
}

# shrink_case NAME PARAGRAPHS: open, shorten to 100 bytes, go to the end, quit
shrink_case() {
	f="$TMPD/$1.txt"
	article "$f" "$2"
	# indexed first, or the reader indexes it in idle time and may read the
	# lost end itself before the keys come: its notice would then be gone
	# with the next key, and the test would race the indexer
	$ENV $QUOTH index --quiet "$f" || fail "$1: indexed first"
	start 100x30 "$ENV $QUOTH '$f' 2>'$TMPD/$1.err'"
	expect_screen "$1: opens" "Paragraph 1 says"
	truncate -s 100 "$f"
	keys Tab G
	expect_screen "$1: the status line says the file was shortened" "shortened on disk while open"
	expect_no_screen "$1: still running after reading past the new end" "__EXITED__"
	keys q
	wait_for "__EXITED__" >/dev/null
	expect_eq "$1: exits with status 1" "__EXITED__ 1" "$(screen | grep -o '__EXITED__ [0-9]*')"
	expect_contains "$1: says the file was shortened" "$(cat "$TMPD/$1.err")" "shortened while it was being read"
	stop
}

shrink_case small 3000          # 270 KB: mapped whole
shrink_case big 60000           # 5 MB: read through a window
