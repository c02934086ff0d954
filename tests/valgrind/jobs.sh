# Sourced by tests/valgrind/run.sh for each job it runs side by side (xargs
# starts a shell a job): BUILD and logs come from its environment.
unit_job() {  # unit_job BINARY: its verdict into $logs/NAME.verdict
	name=${1##*/}
	# a tenth of the random rounds of the property tests (tests/unit/scale.h)
	QUOTH_TEST_SCALE=10 CMOCKA_MESSAGE_OUTPUT=stdout timeout 900 valgrind -q --read-inline-info=no --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		"$1" >"$logs/$name.out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "ok - valgrind $name"
	else
		echo "not ok - valgrind $name (exit $rc)"
		grep -E '^==[0-9]+== +(Invalid|Conditional|Use of|Mismatched|[0-9,]+ bytes in|at |by )|FAILED' "$logs/$name.out" |
			head -12 | sed 's/^/#   /'
	fi >"$logs/$name.verdict"
}

cli_job() {  # cli_job SCRIPT: its checks into $logs/NAME.verdict
	name=${1##*/}
	QUOTH_TIMEOUT=300 QUOTH="$(pwd)/tests/valgrind/quoth.sh" QUOTH_VG_BIN="$(pwd)/$BUILD/quoth" QUOTH_VG_LOGS="$logs/cli" \
		timeout 1200 sh "$1" 2>&1 | sed -n 's/^\(ok\|not ok\|skip\) - /\1 - valgrind cli: /p' >"$logs/$name.verdict"
}

run_job() {  # run_job unit:BINARY | cli:SCRIPT
	case $1 in
	unit:*) unit_job "${1#unit:}" ;;
	cli:*) cli_job "${1#cli:}" ;;
	esac
}
