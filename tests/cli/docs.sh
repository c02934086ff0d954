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
# every action is bound by each shipped keymap and named in the README's key
# table and the man page's KEYS section (tag_toggle_2..8 as the range 1 ... 9)
keys_section=$(sed -n '/^\.SH KEYS/,/^\.SH FILES/p' doc/quoth.1)
for name in $(sed -n 's/^\s*ACTION([A-Z_0-9]*, *"\([a-z_0-9]*\)".*/\1/p' include/config/action.h); do
	for km in default vi emacs; do
		if grep -q "^$name *= *[^ ]" keymaps/$km.ini; then ok "$km.ini binds $name"; else fail "$km.ini binds $name"; fi
	done
	shown=$name
	case $name in tag_toggle_[2-8]) shown=tag_toggle_9 ;; esac
	if grep -q "\`$shown\`" README.md; then ok "README names $name"; else fail "README names $name"; fi
	if printf '%s\n' "$keys_section" | grep -qw "$shown"; then ok "man page KEYS names $name"; else fail "man page KEYS names $name"; fi
done
# every setting of config.ini is in the README's table
for key in $(sed -n 's/^\([a-z_]*\) = .*/\1/p' config.ini | sort -u); do
	case $key in [1-9]) continue ;; esac
	if grep -q "\`$key\`" README.md; then ok "README names config.ini's $key"; else fail "README names config.ini's $key"; fi
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
