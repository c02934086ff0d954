#!/bin/sh
# Runs each libFuzzer harness of build-fuzz/ for FUZZ_SECONDS seconds on its
# seed corpus (tests/fuzz/corpus/NAME, copied to build-fuzz/corpus/NAME where
# new inputs go), then replays the crash regressions of
# tests/fuzz/regressions/NAME/. Prints "ok - fuzz NAME (...)" with the final
# stats, "not ok - fuzz NAME" (the log and the crashing input named), or
# "skip - ..." when clang cannot build libFuzzer harnesses.
# FUZZ_ONLY="text wrap" runs some of them.
set -u
FB=${FUZZ_BUILD:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
NAMES=${FUZZ_ONLY:-$(for f in tests/fuzz/fuzz_*.c; do n=${f##*/fuzz_}; echo "${n%.c}"; done)}

if ! sh tests/fuzz/have-libfuzzer.sh "${FUZZ_CC:-clang}"; then
	for n in $NAMES; do echo "skip - fuzz $n: no clang with libFuzzer (Debian: clang, libclang-rt-dev)"; done
	exit 0
fi

# Harness options: the wrapper gets inputs past one 16 KiB wrap segment.
opts_for() {
	case $1 in
	wrap) echo "-max_len=20000" ;;
	doc|quotes|text) echo "-max_len=8192" ;;
	*) echo "-max_len=4096" ;;
	esac
}

for n in $NAMES; do
	bin=$FB/fuzz_$n
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz $n: $bin not built"
		continue
	fi
	corpus=$FB/corpus/$n art=$FB/artifacts/$n log=$FB/logs/$n.log
	mkdir -p "$corpus" "$art" "$FB/logs"
	dict=""
	[ -f "tests/fuzz/dict/$n.dict" ] && dict="-dict=tests/fuzz/dict/$n.dict"
	# shellcheck disable=SC2046
	timeout $((SECONDS_EACH + 120)) "$bin" $(opts_for "$n") $dict -max_total_time="$SECONDS_EACH" \
		-timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art/" \
		"$corpus" "tests/fuzz/corpus/$n" >"$log" 2>&1
	rc=$?
	stats=$(grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -1)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(echo "$stats" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$stats" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	if [ "$rc" -eq 0 ]; then
		echo "ok - fuzz $n (${SECONDS_EACH}s: ${runs:-?} runs, ${speed:-?}/s, cov ${cov:-?}, ft ${ft:-?})"
	else
		echo "not ok - fuzz $n (exit $rc; log $log)"
		grep -E '^(invariant broken|  [^ #]|==[0-9]+==ERROR|SUMMARY)|runtime error|^    #[0-9] ' "$log" |
			grep -vE 'sanitizer_print|fuzzer::|libc\.so|__pthread|raise' | head -8 | sed 's/^/#   /'
		ls "$art" 2>/dev/null | head -3 | sed "s|^|#   input: $art/|"
	fi
	# regressions: inputs that once crashed, replayed once each
	reg=tests/fuzz/regressions/$n
	if [ -d "$reg" ] && [ -n "$(ls "$reg")" ]; then
		if "$bin" "$reg"/* >"$log.reg" 2>&1; then
			echo "ok - fuzz $n regressions ($(ls "$reg" | wc -l) inputs)"
		else
			echo "not ok - fuzz $n regressions (log $log.reg)"
			grep -E '^(==[0-9]+==ERROR|invariant broken|Running:)' "$log.reg" | tail -4 | sed 's/^/#   /'
		fi
	fi
done
