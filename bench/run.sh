#!/bin/sh
# Benchmarks. Each result is printed beside a reference measured in the same
# run, with the ratio. One function per section; BENCH picks sections
# (default: all of them, in order), e.g. BENCH="render" make bench.
# BUILD names the build folder; generated data goes to bench/data/ (git-ignored).
#   RENDER_MB   size of the generated corpus for the render section (100)
#   RUNS        timed runs per command, the best is kept (3)
#   QUOTES_BENCH_MB  size of the repeated-articles corpus for the quotes section (100)
set -u
BUILD=${BUILD:-build}
BENCH=${BENCH:-render wrap quotes}
RUNS=${RUNS:-3}
DATA=bench/data
QUOTH=$BUILD/quoth
mkdir -p "$DATA"

# ---- helpers -------------------------------------------------------------------

# corpus MB: the path of a generated multilingual corpus of MB megabytes
corpus() {
	f=$DATA/corpus-$1.txt
	if [ ! -s "$f" ]; then
		"$BUILD/bench/gen_corpus" "$1" "$f.tmp" && mv "$f.tmp" "$f" || exit 1
	fi
	echo "$f"
}

# best_seconds CMD...: the best wall time of RUNS runs, output to /dev/null
best_seconds() {
	best=
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null || { echo "bench: failed: $*" >&2; exit 1; }
		t1=$(date +%s%N)
		t=$(( t1 - t0 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
		i=$((i + 1))
	done
	awk -v ns="$best" 'BEGIN { printf "%.4f", ns / 1e9 }'
}

# peak_rss_kb CMD...: peak resident set of one run, in KB (empty if unknown)
peak_rss_kb() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$DATA/.rss" "$@" >/dev/null 2>/dev/null && cat "$DATA/.rss"
		rm -f "$DATA/.rss"
	fi
}

mbps() {  # mbps BYTES SECONDS
	awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / 1e6 / s }'
}

ratio() {  # ratio A B: A/B
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# ---- sections --------------------------------------------------------------------

# quoth render vs fold on a generated multilingual corpus, and render's peak memory.
bench_render() {
	f=$(corpus "${RENDER_MB:-100}")
	bytes=$(wc -c <"$f")
	cat "$f" >/dev/null   # warm the page cache for both
	tr=$(best_seconds "$QUOTH" render --width 80 "$f")
	tf=$(best_seconds fold -w 80 "$f")
	echo "== render: $f ($(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }') MB)"
	echo "quoth render --width 80   $(mbps "$bytes" "$tr") MB/s   ($tr s)"
	echo "fold -w 80 (reference)    $(mbps "$bytes" "$tf") MB/s   ($tf s)"
	echo "render/fold speed         $(ratio "$tf" "$tr")x   (target >= 1)"
	rss=$(peak_rss_kb "$QUOTH" render --width 80 "$f")
	if [ -n "$rss" ]; then
		echo "render peak RSS           $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MB = $(ratio "$((rss * 1024))" "$bytes")x the file   (target < 2)"
	else
		echo "render peak RSS           unknown (no /usr/bin/time)"
	fi
}

# The wrap layer alone beside libunistring's wrapper, and the lazy view on a giant line.
bench_wrap() {
	f=$(corpus "${RENDER_MB:-100}")
	echo "== wrap: $f"
	"$BUILD/bench/bench_wrap" "$f" 80
}

# Quote extraction beside wc -w on ~100 MB of repeated dev articles (bench/quotes.sh).
bench_quotes() {
	BUILD=$BUILD RUNS=$RUNS sh bench/quotes.sh
}

for s in $BENCH; do
	case $s in
	render) bench_render ;;
	wrap)   bench_wrap ;;
	quotes) bench_quotes ;;
	*) echo "bench: unknown section '$s'" >&2; exit 2 ;;
	esac
done
