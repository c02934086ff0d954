# Shared helpers for the shell test suites (cli, e2e, eval).
# Each check prints "ok - NAME" or "not ok - NAME"; tests/run.sh counts them.
# QUOTH is the binary under test; TMPD a scratch folder removed at exit.

QUOTH=${QUOTH:-$(pwd)/${BUILD:-build}/quoth}
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/quoth-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
FIX=$(pwd)/tests/fixtures

ok()   { echo "ok - $1"; }
fail() { echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /' | head -20; return 0; }
skip() { echo "skip - $1"; }

# check NAME COMMAND...: passes when COMMAND exits 0
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "$out"; fi
}

# expect_eq NAME WANT GOT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "want: $2
got:  $3"; fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
	case "$2" in *"$3"*) ok "$1" ;; *) fail "$1" "no '$3' in:
$2" ;; esac
}

expect_not_contains() {
	case "$2" in *"$3"*) fail "$1" "unexpected '$3' in:
$2" ;; *) ok "$1" ;; esac
}

# run_status CMD...: sets OUT, ERR and RC, bounded to 20 s so nothing can hang the suite
# (QUOTH_TIMEOUT seconds when set: make valgrind runs quoth some 20 times slower)
run_status() {
	timeout "${QUOTH_TIMEOUT:-20}" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	RC=$?
	OUT=$(cat "$TMPD/out"); ERR=$(cat "$TMPD/err")
}
