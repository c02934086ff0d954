#!/bin/sh
# The unit tests and the cli suite (VG_CLI) under valgrind (memcheck): invalid reads
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

# One job a unit test binary or cli script, VG_JOBS (2) at a time: memcheck
# runs a program on one core, and this stage is CI's longest.
mkdir -p "$logs/cli"
export BUILD logs
jobs=""
for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && jobs="$jobs unit:$t"; done
# The cli scripts of the commands on one article at a time (quotes,
# records, the tag store, the samples); VG_CLI=all runs every one. The rest
# are hundreds of short runs whose code the unit tests above put through
# memcheck (render: test_wrap, test_doc, test_text; corpus: test_stream,
# test_records, test_corpus, test_walk, test_omap; export and index:
# test_export, test_index, test_indexer, test_samequote, test_corpus_views;
# docs only prints the help texts), and memcheck's start-up costs a second
# of CPU a process: the sanitizer stage runs all of them.
VG_CLI=${VG_CLI:-quotes records samples store}
for s in tests/cli/*.sh; do
	n=${s##*/}
	case " $VG_CLI " in *" ${n%.sh} "*|" all ") ;; *) continue ;; esac
	[ -f "$s" ] && jobs="$jobs cli:$s"
done
# the slowest first, so that the two lanes end together
printf '%s\n' $jobs | awk '{ print (/cli:/ ? 0 : 1) "\t" $0 }' | sort -s -k1,1 | cut -f2 |
	xargs -P "${VG_JOBS:-2}" -I{} sh -c '. tests/valgrind/jobs.sh; run_job "$1"' _ {}
for j in $jobs; do cat "$logs/${j##*/}.verdict" 2>/dev/null; done

n=0 bad=0 killed=0
for l in "$logs"/cli/quoth.*.log; do
	[ -f "$l" ] || continue
	n=$((n + 1))
	grep -q 'ERROR SUMMARY: 0 errors' "$l" && continue
	# a process the suite kills (kill -9 mid-write) leaves no summary: clean
	# unless valgrind reported an error before the kill
	if ! grep -q 'ERROR SUMMARY' "$l" && ! grep -qE '^==[0-9]+== +(Invalid|Conditional|Use of|Mismatched|Syscall param)' "$l"; then
		killed=$((killed + 1))
		continue
	fi
	bad=$((bad + 1))
	echo "not ok - valgrind: $(sed -n 's/^==[0-9]*== Command: //p' "$l" | cut -c1-150)"
	grep -E '^==[0-9]+== +(Invalid|Conditional|Use of|Mismatched|Syscall param|[0-9,]+ bytes in|at |by )' "$l" |
		head -12 | sed 's/^/#   /'
done
[ "$bad" -eq 0 ] && echo "ok - valgrind: all $n quoth processes of the cli suite clean ($killed killed by the suite before their summary)"
exit 0
