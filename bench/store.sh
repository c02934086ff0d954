#!/bin/sh
# The loads of the stores and the config at three sizes, each beside a
# reference that does the same amount of reading, measured in the same run
# (best of RUNS; CPU = user+system, less disturbed by other work). A load
# that is linear or n log n keeps its ratio to the reference about constant
# from size to size; a quadratic one multiplies it by the size step.
#   names     `quoth tags` on a journal of N distinct tag names
#             (10k/40k/160k) beside `cut -f6 | sort -u`, the same answer;
#   files     `quoth export DIR` on folders of 10k/100k articles, a fifth
#             of them tagged, beside `cat` of every file (export hashes each);
#   sections  `quoth quotes --config FILE` with 10k/100k sections beside
#             `grep -c` of the section lines (SECTIONS_SIZES);
#   positions the reader's start-up read of a positions file of 10k/100k
#             lines (bench/bench_positions) beside `sort` of the file.
# Sizes: NAMES_SIZES, FILES_SIZES, SECTIONS_SIZES, POSITIONS_SIZES.
# Called by bench/run.sh (BENCH=store make bench), which defines
# best_seconds, ratio and the variables it uses.
set -u
gen=$BUILD/bench/gen_store
d=$(pwd)/$DATA/store
mkdir -p "$d"

# timed VAR CMD...: best_seconds in this shell (it sets CPU), the seconds in VAR
timed() {
	var=$1; shift
	best_seconds "$@" >"$d/.t" || exit 1
	eval "$var=\$(cat \"\$d/.t\")"
}

# row LABEL SECONDS CPU REF-SECONDS REF-CPU: the ratio by CPU time, or by
# wall time when either took under 50 ms of CPU (CPU time counts in 10 ms)
row() {
	by=cpu
	a=${3:-} b=${5:-}
	if [ -z "$a" ] || [ -z "$b" ] || awk -v a="$a" -v b="$b" 'BEGIN { exit !(a < 0.05 || b < 0.05) }'; then
		by=wall a=$2 b=$4
	fi
	printf '%-36s %8s s (cpu %6s)   ref %8s s (cpu %6s)   %sx ref by %s\n' "$1" "$2" "${3:-?}" "$4" "${5:-?}" \
		"$(ratio "$a" "$b")" "$by"
}

echo "== store loads, best of $RUNS runs"
for n in ${NAMES_SIZES:-10000 40000 160000}; do
	home=$d/names-$n
	mkdir -p "$home/quoth"
	[ -s "$home/quoth/tags.journal" ] || "$gen" names "$n" "$home/quoth/tags.journal" || exit 1
	timed QS env XDG_DATA_HOME="$home" "$QUOTH" tags; QC=$CPU
	timed RS sh -c "cut -f6 '$home/quoth/tags.journal' | sort -u"; RC_CPU=$CPU
	row "quoth tags, $n names" "$QS" "$QC" "$RS" "$RC_CPU"
done
for n in ${FILES_SIZES:-10000 100000}; do
	dir=$d/folder-$n
	if [ ! -d "$dir/000" ]; then
		rm -rf "$dir"
		"$BUILD/bench/gen_folder" "$n" "$dir" samples/*.txt || exit 1
	fi
	home=$d/files-$n
	mkdir -p "$home/quoth"
	[ -s "$home/quoth/tags.journal" ] || "$gen" tagged $((n / 5)) "$home/quoth/tags.journal" "$dir" || exit 1
	timed QS env XDG_DATA_HOME="$home" "$QUOTH" export "$dir"; QC=$CPU
	timed RS sh -c "find '$dir' -name '*.txt' -exec cat {} +"; RC_CPU=$CPU
	row "quoth export DIR, $n files" "$QS" "$QC" "$RS" "$RC_CPU"
done
for n in ${SECTIONS_SIZES:-10000 100000}; do
	f=$d/sections-$n.ini
	[ -s "$f" ] || "$gen" sections "$n" "$f" || exit 1
	timed QS sh -c "'$QUOTH' quotes --config '$f' samples/en-harbour-strike.txt 2>/dev/null"; QC=$CPU
	timed RS grep -c '^\[' "$f"; RC_CPU=$CPU
	row "quoth quotes --config, $n sections" "$QS" "$QC" "$RS" "$RC_CPU"
done
for n in ${POSITIONS_SIZES:-10000 100000}; do
	pd=$d/positions-$n
	mkdir -p "$pd"
	[ -s "$pd/positions" ] || "$gen" positions "$n" "$pd/positions" || exit 1
	timed QS "$BUILD/bench/bench_positions" "$pd"; QC=$CPU
	timed RS sort "$pd/positions"; RC_CPU=$CPU
	row "positions read, $n lines" "$QS" "$QC" "$RS" "$RC_CPU"
done
