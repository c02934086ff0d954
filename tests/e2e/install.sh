# make install puts everything in place, and the installed reader finds its
# samples and keymaps even when the install was moved (BIN/../share/quoth).
. tests/lib.sh
. tests/tmux.sh

dest="$TMPD/root"
if make --no-print-directory install DESTDIR="$dest" PREFIX=/opt/q >"$TMPD/install.log" 2>&1; then
	ok "make install runs"
else
	fail "make install runs" "$(tail -5 "$TMPD/install.log")"
fi
for f in bin/quoth share/man/man1/quoth.1 share/quoth/config.ini share/quoth/keymaps/default.ini \
         share/quoth/keymaps/vi.ini share/quoth/keymaps/emacs.ini share/quoth/samples/en-harbour-strike.txt; do
	if [ -f "$dest/opt/q/$f" ]; then ok "installed $f"; else fail "installed $f"; fi
done
expect_eq "binary is executable" "755" "$(stat -c %a "$dest/opt/q/bin/quoth")"
mv "$dest/opt/q" "$TMPD/moved"
printf '[ui]\nkeymap = vi\n' >"$TMPD/vi.ini"
start 120x30 "env HOME=$TMPD XDG_CONFIG_HOME=$TMPD/none XDG_DATA_HOME=$TMPD/data XDG_STATE_HOME=$TMPD/state TERM=xterm-256color LANG=C.UTF-8 $TMPD/moved/bin/quoth --config $TMPD/vi.ini"
expect_screen "moved install opens its samples" "Port of Carrow"
expect_no_screen "moved install finds the vi keymap" "not found"
keys q
expect_screen "moved install quits" "__EXITED__ 0"
stop
