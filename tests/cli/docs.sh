# The docs say what the code does: the man page renders cleanly and names
# every sub-command, option and action the binary has.
. tests/lib.sh

if command -v groff >/dev/null 2>&1; then
	warn=$(groff -man -ww -z doc/quoth.1 2>&1)
	expect_eq "man page renders without warnings" "" "$warn"
else
	skip "man page rendering (no groff)"
fi
help=$("$QUOTH" --help)
for cmd in render quotes export tag tags index speakers same-quotes; do
	expect_contains "--help names '$cmd'" "$help" "quoth $cmd"
	man=$(printf '%s' "$cmd" | sed 's/-/\\\\-/g')
	if grep -q "^\.B quoth $man\$" doc/quoth.1; then ok "man page names '$cmd'"; else fail "man page names '$cmd'"; fi
	expect_contains "README names '$cmd'" "$(cat README.md)" "quoth $cmd"
done
# every keymap action's default keys are in the man page's KEYS section or the README
for name in $(sed -n 's/^\s*ACTION([A-Z_0-9]*, *"\([a-z_0-9]*\)".*/\1/p' include/config/action.h); do
	if grep -q "^$name = " keymaps/default.ini || grep -q "^$name=" keymaps/default.ini; then ok "default.ini binds $name"; else fail "default.ini binds $name"; fi
done
version=$("$QUOTH" --version)
expect_contains "--version names ncursesw" "$version" "ncurses"
expect_contains "--version names libunistring" "$version" "libunistring"
expect_contains "--version names iniparser" "$version" "iniparser"
for cmd in render quotes export tag tags index speakers same-quotes; do
	run_status "$QUOTH" "$cmd" --help
	expect_eq "quoth $cmd --help exits 0" 0 "$RC"
	expect_contains "quoth $cmd --help shows its usage" "$OUT" "usage: quoth $cmd"
done
