#!/bin/sh
# The unit tests and the cli suite under valgrind (memcheck): invalid reads
# and writes, uses of uninitialised values, bad frees, and leaks (definitely
# or indirectly lost; memory still reachable at exit is not an error).
# Prints "ok - valgrind NAME" / "not ok - valgrind NAME" for each unit test
# binary, the cli checks as "valgrind cli: ...", and one line over every
# quoth process the cli suite started. BUILD is the (unsanitized) build.
set -u
BUILD=${BUILD:-build}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "skip - valgrind: not installed (Debian: valgrind)"
	exit 0
fi
logs=$(mktemp -d "${TMPDIR:-/tmp}/quoth-vg.XXXXXX")
trap 'rm -rf "$logs"' EXIT

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=${t##*/}
	CMOCKA_MESSAGE_OUTPUT=stdout timeout 900 valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		"$t" >"$logs/$name.out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "ok - valgrind $name"
	else
		echo "not ok - valgrind $name (exit $rc)"
		grep -E '^==[0-9]+== +(Invalid|Conditional|Use of|Mismatched|[0-9,]+ bytes in|at |by )|FAILED' "$logs/$name.out" |
			head -12 | sed 's/^/#   /'
	fi
done

mkdir -p "$logs/cli"
for s in tests/cli/*.sh; do
	[ -f "$s" ] || continue
	QUOTH_TIMEOUT=300 QUOTH="$(pwd)/tests/valgrind/quoth.sh" QUOTH_VG_BIN="$(pwd)/$BUILD/quoth" QUOTH_VG_LOGS="$logs/cli" \
		timeout 1200 sh "$s" 2>&1 | sed -n 's/^\(ok\|not ok\|skip\) - /\1 - valgrind cli: /p'
done
n=0 bad=0
for l in "$logs"/cli/quoth.*.log; do
	[ -f "$l" ] || continue
	n=$((n + 1))
	if ! grep -q 'ERROR SUMMARY: 0 errors' "$l"; then
		bad=$((bad + 1))
		echo "not ok - valgrind: $(sed -n 's/^==[0-9]*== Command: //p' "$l" | cut -c1-150)"
		grep -E '^==[0-9]+== +(Invalid|Conditional|Use of|Mismatched|[0-9,]+ bytes in|at |by )' "$l" |
			head -12 | sed 's/^/#   /'
	fi
done
[ "$bad" -eq 0 ] && echo "ok - valgrind: all $n quoth processes of the cli suite clean"
exit 0
