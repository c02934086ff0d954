# tmux helpers for the end-to-end suites (source after lib.sh): run the real
# binary in a detached tmux session of a fixed size, type keys, and wait on
# what the screen shows. Waits poll the screen (never fixed sleeps) and give
# up after WAIT_S seconds.

WAIT_S=${WAIT_S:-10}
SOCK="quoth-e2e-$$"
TM() { tmux -L "$SOCK" -f /dev/null "$@"; }

# start COLSxROWS COMMAND: a new session running COMMAND (through sh -c)
start() {
	size=$1; shift
	TM kill-server 2>/dev/null
	TM new-session -d -s t -x "${size%x*}" -y "${size#*x}" \
		"$*; echo __EXITED__ \$?; sleep 60"
	TM set-option -t t status off >/dev/null
}

# stop: ends the session. A quoth still running gets SIGTERM and is given
# time to exit first: killing the server under it sends SIGHUP, which under
# ASan can land in LeakSanitizer's exit check and leave the process spinning.
stop() {
	if TM has-session -t t 2>/dev/null; then
		pids=$(pgrep -P "$(TM display-message -p -t t '#{pane_pid}' 2>/dev/null)" 2>/dev/null)
		if [ -n "$pids" ]; then
			kill -TERM $pids 2>/dev/null
			WAIT_S=5 wait_for "__EXITED__" >/dev/null
		fi
	fi
	TM kill-server 2>/dev/null
}

screen() { TM capture-pane -p -t t; }
screen_attrs() { TM capture-pane -p -e -t t; }

keys() { TM send-keys -t t "$@"; }
# literal text, not key names
type_text() { TM send-keys -t t -l "$1"; }

resize() { TM resize-window -t t -x "${1%x*}" -y "${1#*x}"; }

# wait_for TEXT: until the screen shows TEXT; returns 1 on timeout
wait_for() {
	end=$(( $(date +%s) + WAIT_S ))
	while [ "$(date +%s)" -le "$end" ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# wait_gone TEXT: until the screen no longer shows TEXT
wait_gone() {
	end=$(( $(date +%s) + WAIT_S ))
	while [ "$(date +%s)" -le "$end" ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	return 1
}

# wait_attrs REGEX: until the screen, with its colour and attribute escapes,
# matches the extended REGEX (a highlight is drawn in the same refresh as the
# text, but the text may be checked before that refresh lands)
wait_attrs() {
	end=$(( $(date +%s) + WAIT_S ))
	while [ "$(date +%s)" -le "$end" ]; do
		screen_attrs | grep -qE -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# expect_screen NAME TEXT: passes when TEXT appears within WAIT_S
expect_screen() {
	if wait_for "$2"; then ok "$1"; else fail "$1" "screen lacks '$2':
$(screen)"; fi
}

# expect_no_screen NAME TEXT: passes when TEXT is not on the screen now
expect_no_screen() {
	if screen | grep -qF -- "$2"; then fail "$1" "screen has '$2':
$(screen)"; else ok "$1"; fi
}

trap 'stop; rm -rf "$TMPD"' EXIT
