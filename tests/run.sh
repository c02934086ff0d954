#!/bin/sh
# Runs the test suites and ends with one line "N passed, N failed[, N skipped]".
# SUITES picks some of: build unit cli e2e eval hostile fuzz valgrind lint
# (default: build unit cli e2e eval hostile; the others are make fuzz-smoke,
# make valgrind and make lint, which CI runs too). BUILD names the build folder.
set -u
BUILD=${BUILD:-build}
# Under ASan (build-san) the build suite adds nothing the plain run did not
# check (headers, layers, generated files), and CI runs both.
if [ "$BUILD" = build-san ]; then
	SUITES=${SUITES:-unit cli e2e eval hostile}
else
	SUITES=${SUITES:-build unit cli e2e eval hostile}
fi
export BUILD
passed=0; failed=0; skipped=0
log=$(mktemp)

# cpu_mark: CPU time in tenths of a second (user + system) of the processes this shell has
# waited for, into $cpu. `times` runs in this shell and writes to a file: in
# a command substitution it would count the forked shell's children (none).
cpu_file=$(mktemp)
cpu_mark() {
	times >"$cpu_file"
	cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 10 }' "$cpu_file")
}

tenths() { echo "$(($1 / 10)).$(($1 % 10))"; }

count_tap() {  # reads "ok -", "not ok -", "skip -" lines from $log
	p=$(grep -c '^ok - ' "$log"); f=$(grep -c '^not ok - ' "$log"); s=$(grep -c '^skip - ' "$log")
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

# The property tests' rounds (tests/unit/scale.h): all of them in the plain
# build, which checks what the code computes; a quarter under ASan, which
# looks for bad memory accesses and finds them in the first rounds as well
# as in the last (valgrind takes a tenth: tests/valgrind/jobs.sh).
unit_scale=1
[ "$BUILD" = build-san ] && unit_scale=4

run_unit() {
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		echo "== unit: ${t##*/}"
		t0=$(date +%s); cpu_mark; c0=$cpu
		QUOTH_TEST_SCALE=${QUOTH_TEST_SCALE:-$unit_scale} CMOCKA_MESSAGE_OUTPUT=stdout timeout 300 "$t" >"$log" 2>&1
		rc=$?
		cat "$log"
		cpu_mark
		echo "== unit: ${t##*/} took $(( $(date +%s) - t0 )) s, CPU $(tenths $((cpu - c0))) s"
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		p=${p:-0}; f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "not ok - ${t##*/} exited $rc"; f=1
		fi
		passed=$((passed + p)); failed=$((failed + f))
	done
}

run_scripts() {  # run_scripts DIR
	for t in "$1"/*.sh; do
		[ -f "$t" ] || continue
		echo "== ${1##*/}: ${t##*/}"
		t0=$(date +%s); cpu_mark; c0=$cpu
		timeout 600 sh "$t" >"$log" 2>&1
		rc=$?
		cat "$log"
		cpu_mark
		echo "== ${1##*/}: ${t##*/} took $(( $(date +%s) - t0 )) s, CPU $(tenths $((cpu - c0))) s"
		before=$failed
		count_tap
		if [ "$rc" -ne 0 ] && [ "$failed" -eq "$before" ]; then
			echo "not ok - ${t##*/} exited $rc"; failed=$((failed + 1))
		fi
	done
}

run_fuzz() {  # the libFuzzer harnesses (built by make fuzz / fuzz-smoke)
	echo "== fuzz: ${FUZZ_SECONDS:-60} s each"
	sh tests/fuzz/run.sh 2>&1 | tee "$log"   # minutes long: show each line as it comes
	count_tap
}

run_valgrind() {  # unit tests and the cli suite under valgrind (make valgrind)
	echo "== valgrind: unit tests and cli suite"
	sh tests/valgrind/run.sh 2>&1 | tee "$log"
	count_tap
}

run_lint() {  # extra warnings and cppcheck (make lint)
	echo "== lint"
	sh tests/lint.sh >"$log" 2>&1
	cat "$log"
	count_tap
}

for s in $SUITES; do
	case $s in
	build) run_scripts tests/build ;;
	unit) run_unit ;;
	cli)  run_scripts tests/cli ;;
	e2e)  run_scripts tests/e2e ;;
	eval) run_scripts tests/eval ;;
	fuzz) run_fuzz ;;
	valgrind) run_valgrind ;;
	lint) run_lint ;;
	hostile) run_scripts tests/hostile ;;
	esac
done
rm -f "$log" "$cpu_file"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
