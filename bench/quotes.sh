#!/bin/sh
# Quote extraction speed (see bench/bench_quotes.c): a ~100 MB corpus made by
# repeating the dev articles (../shared/corpus/dev, else the fixtures of
# tests/fixtures/quotes), one article after another with form-feed lines
# between them, generated into bench/data/ (git-ignored). Prints quotes_find's
# MB/s, alone and with reading and the doc layer, beside `wc -w` on the same
# file in the same run, with the ratios, and the peak RSS after a tenth of
# the articles and at the end (it must not grow with their number).
# Called by bench/run.sh, or alone from the repository root:
#   make build/bench/bench_quotes && sh bench/quotes.sh
# QUOTES_BENCH_MB sets the corpus size (100); BUILD the build folder (build).
set -eu
BUILD=${BUILD:-build}
SIZE_MB=${QUOTES_BENCH_MB:-100}
RUNS=${RUNS:-3}
bin=$BUILD/bench/bench_quotes
if [ ! -x "$bin" ]; then
	echo "bench/quotes.sh: $bin is missing; run 'make bench' or 'make $bin'" >&2
	exit 1
fi
DATA=bench/data
CORPUS=$DATA/quotes-$SIZE_MB.txt
mkdir -p "$DATA"

if [ -d ../shared/corpus/dev ]; then src=../shared/corpus/dev; else src=tests/fixtures/quotes; fi
if [ ! -s "$CORPUS" ]; then
	one=$DATA/quotes-one.txt
	: >"$one"
	for f in "$src"/*.txt; do cat "$f" >>"$one"; printf '\n\f\n' >>"$one"; done
	: >"$CORPUS.tmp"
	size=0
	while [ "$size" -lt $((SIZE_MB * 1000000)) ]; do
		cat "$one" "$one" "$one" "$one" "$one" "$one" "$one" "$one" >>"$CORPUS.tmp"
		size=$(wc -c <"$CORPUS.tmp")
	done
	mv "$CORPUS.tmp" "$CORPUS"
	rm -f "$one"
fi
bytes=$(wc -c <"$CORPUS")
cat "$CORPUS" >/dev/null   # warm the page cache for both

# wc -w timed like bench_quotes: CPU seconds (user + system), the best of RUNS
best=
i=0
while [ "$i" -lt "$RUNS" ]; do
	if [ -x /usr/bin/time ]; then
		t=$( { /usr/bin/time -f '%U %S' wc -w "$CORPUS" >/dev/null; } 2>&1 | awk '{ printf "%.0f", ($1 + $2) * 1e9 }')
	else
		t0=$(date +%s%N); wc -w "$CORPUS" >/dev/null; t1=$(date +%s%N); t=$((t1 - t0))
	fi
	[ "$t" -gt 0 ] || t=1
	if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	i=$((i + 1))
done
wc_mbs=$(awk -v b="$bytes" -v ns="$best" 'BEGIN { printf "%.1f", b / 1e6 / (ns / 1e9) }')
line=$("$bin" "$CORPUS")
q_mbs=$(printf '%s\n' "$line" | sed -n 's/.*); quotes_find \([0-9.]*\) MB\/s.*/\1/p')
all_mbs=$(printf '%s\n' "$line" | sed -n 's/.*read+doc+quotes_find \([0-9.]*\) MB\/s.*/\1/p')
echo "== quotes: $CORPUS (from $src, $(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }') MB)"
echo "$line"
echo "wc -w (reference, CPU time)    $wc_mbs MB/s"
echo "quotes_find / wc -w            $(awk -v a="$q_mbs" -v b="$wc_mbs" 'BEGIN { printf "%.2f", a / b }')   (target: quotes_find >= 100 MB/s on one core)"
echo "read+doc+quotes_find / wc -w   $(awk -v a="$all_mbs" -v b="$wc_mbs" 'BEGIN { printf "%.2f", a / b }')"
