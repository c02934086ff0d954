#!/bin/sh
# The tag store benchmark (see bench/bench_tags.c): a tag key press and a
# start-up replay of 100,000 tag changes, each beside a bare fsync measured
# in the same run. Called by bench/run.sh, or alone from the repository root:
#   make build/bench/bench_tags && sh bench/tags.sh
# BUILD names the build folder (default build). Scratch data goes to
# bench/data/tags (git-ignored) and is removed afterwards.
set -u
BUILD=${BUILD:-build}
bin="$BUILD/bench/bench_tags"
if [ ! -x "$bin" ]; then
	echo "bench/tags.sh: $bin is missing; run 'make bench' or 'make $bin'" >&2
	exit 1
fi
data=bench/data/tags
mkdir -p "$data"
"$bin" "$data"
rc=$?
rm -rf "$data"
exit $rc
