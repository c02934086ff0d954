#!/bin/sh
# Benchmarks. Each result is printed beside a reference measured in the same
# run, with the ratio. One function per section; BENCH picks sections
# (default: all of them, in order), e.g. BENCH="render" make bench.
# BUILD names the build folder; generated data goes to bench/data/ (git-ignored).
#   RENDER_MB   size of the generated corpus for the render section (100)
#   RUNS        timed runs per command, the best is kept (3)
set -u
BUILD=${BUILD:-build}
BENCH=${BENCH:-render wrap}
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

# best_seconds CMD...: the best wall time of RUNS runs, output to /dev/null;
# sets CPU to the best user+system time (when /usr/bin/time is there), which
# a machine busy with other work disturbs less than the wall time.
best_seconds() {
	best=
	CPU=
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%U %S' -o "$DATA/.cpu" "$@" >/dev/null || { echo "bench: failed: $*" >&2; exit 1; }
		else
			"$@" >/dev/null || { echo "bench: failed: $*" >&2; exit 1; }
		fi
		t1=$(date +%s%N)
		t=$(( t1 - t0 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
		if [ -s "$DATA/.cpu" ]; then
			c=$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$DATA/.cpu")
			if [ -z "$CPU" ] || [ "$c" -lt "$CPU" ]; then CPU=$c; fi
		fi
		i=$((i + 1))
	done
	rm -f "$DATA/.cpu"
	[ -n "$CPU" ] && CPU=$(awk -v ms="$CPU" 'BEGIN { printf "%.3f", (ms < 1 ? 1 : ms) / 1000 }')
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
	best_seconds "$QUOTH" render --width 80 "$f" >"$DATA/.t"; tr=$(cat "$DATA/.t"); cr=$CPU
	best_seconds fold -w 80 "$f" >"$DATA/.t"; tf=$(cat "$DATA/.t"); cf=$CPU
	rm -f "$DATA/.t"
	echo "== render: $f ($(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }') MB), best of $RUNS runs"
	echo "quoth render --width 80   $(mbps "$bytes" "$tr") MB/s   ($tr s)"
	echo "fold -w 80 (reference)    $(mbps "$bytes" "$tf") MB/s   ($tf s)"
	echo "render/fold speed         $(ratio "$tf" "$tr")x   (target >= 1)"
	if [ -n "$cr" ] && [ -n "$cf" ]; then
		echo "by CPU time (user+sys)    render $(mbps "$bytes" "$cr") MB/s, fold $(mbps "$bytes" "$cf") MB/s, $(ratio "$cf" "$cr")x"
	fi
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

for s in $BENCH; do
	case $s in
	render) bench_render ;;
	wrap)   bench_wrap ;;
	*) echo "bench: unknown section '$s'" >&2; exit 2 ;;
	esac
done
