#!/bin/sh
# Corpus-scale extraction: `quoth quotes --format=jsonl` end to end, as a
# user types it, on generated corpora in bench/data/ (git-ignored), each
# figure beside `wc -w` on the same input in the same run:
#   - JSON Lines of 100 MB, 400 MB and 1 GB, one thread: MB/s, and whether
#     the time grows linearly (seconds per MB within 10 % across the sizes);
#   - the 1 GB JSON Lines with two jobs: the speed-up over one;
#   - a folder of 20,000 articles, one thread;
#   - peak RSS on 1 GB in every shape: form-feed separated articles in one
#     file, JSON Lines, a single 1 GB article (and the 20,000-file folder).
# The articles are the dev corpus (../shared/corpus/dev; else the quote
# fixtures) repeated. Times are the best of RUNS runs (wall clock; the CPU
# time is printed too, as other work on a shared machine disturbs it less).
# Called by bench/run.sh (BENCH=corpus make bench), or alone:
#   make && sh bench/corpus.sh
# CORPUS_SIZES (MB, default "100 400 1000"), RUNS (3), BUILD (build).
set -u
BUILD=${BUILD:-build}
RUNS=${RUNS:-3}
SIZES=${CORPUS_SIZES:-100 400 1000}
QUOTH=$BUILD/quoth
DATA=bench/data
mkdir -p "$DATA"
if [ -d ../shared/corpus/dev ]; then src=../shared/corpus/dev; else src=tests/fixtures/quotes; fi

# one_jsonl FILE: the articles of $src as JSON Lines, once
one_jsonl() {
	python3 - "$src" "$1" <<'EOF'
import glob, json, sys
with open(sys.argv[2], "w", encoding="utf-8") as o:
    for i, f in enumerate(sorted(glob.glob(sys.argv[1] + "/*.txt"))):
        t = open(f, encoding="utf-8", errors="replace").read()
        head, _, body = t.partition("\n")
        o.write(json.dumps({"url": "https://example.org/%d" % i, "date_publish": "2024-01-01 00:00:00",
                            "source_domain": "example.org", "title": head, "maintext": body.strip()},
                           ensure_ascii=False) + "\n")
EOF
}

# repeat UNIT MB OUT: UNIT repeated to MB megabytes (10^6 bytes)
repeat_to() {
	[ -s "$3" ] && return 0
	: >"$3.tmp"
	cat "$1" "$1" "$1" "$1" "$1" "$1" "$1" "$1" >"$3.unit"
	while [ "$(wc -c <"$3.tmp")" -lt $(($2 * 1000000)) ]; do
		cat "$3.unit" "$3.unit" "$3.unit" "$3.unit" >>"$3.tmp"
	done
	head -c $(($2 * 1000000)) "$3.tmp" | sed '$d' >"$3" 2>/dev/null   # whole lines only
	rm -f "$3.tmp" "$3.unit"
}

jsonl_of() {  # jsonl_of MB: the path of a JSON Lines corpus of MB megabytes
	f=$DATA/corpus-$1.jsonl
	if [ ! -s "$f" ]; then
		one_jsonl "$DATA/one.jsonl" || exit 1
		repeat_to "$DATA/one.jsonl" "$1" "$f"
	fi
	echo "$f"
}

ff_of() {  # ff_of MB: articles separated by form-feed lines
	f=$DATA/corpus-$1.ff.txt
	if [ ! -s "$f" ]; then
		for a in "$src"/*.txt; do cat "$a"; printf '\n\f\n'; done >"$DATA/one.ff"
		repeat_to "$DATA/one.ff" "$1" "$f"
	fi
	echo "$f"
}

single_of() {  # single_of MB: one article of MB megabytes (the dev articles run together, no separator)
	f=$DATA/corpus-$1.single.txt
	if [ ! -s "$f" ]; then
		cat "$src"/*.txt >"$DATA/one.single"
		repeat_to "$DATA/one.single" "$1" "$f"
	fi
	echo "$f"
}

folder_of() {  # folder_of N: a folder of N articles
	d=$DATA/folder-$1
	if [ ! -d "$d/000" ]; then
		rm -rf "$d"
		"$BUILD/bench/gen_folder" "$1" "$d" "$src"/*.txt >/dev/null || exit 1
	fi
	echo "$d"
}

# measure CMD...: runs CMD RUNS times (output to /dev/null); sets SECS (best
# wall), CPU (best user+sys) and RSS (peak KB, the largest seen)
measure() {
	SECS= CPU= RSS=0
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		/usr/bin/time -f '%U %S %M' -o "$DATA/.time" "$@" >/dev/null 2>"$DATA/.err" || {
			echo "bench: failed: $* ($(head -c 300 "$DATA/.err"))" >&2; exit 1; }
		t1=$(date +%s%N)
		t=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
		c=$(awk '{ printf "%.3f", $1 + $2 }' "$DATA/.time")
		r=$(awk '{ print $3 }' "$DATA/.time")
		if [ -z "$SECS" ] || awk -v a="$t" -v b="$SECS" 'BEGIN { exit !(a < b) }'; then SECS=$t; fi
		if [ -z "$CPU" ] || awk -v a="$c" -v b="$CPU" 'BEGIN { exit !(a < b) }'; then CPU=$c; fi
		[ "$r" -gt "$RSS" ] && RSS=$r
		i=$((i + 1))
	done
}

bytes_of() { if [ -d "$1" ]; then du -sb "$1" | cut -f1; else wc -c <"$1"; fi; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

if [ ! -x /usr/bin/time ]; then
	echo "bench corpus: /usr/bin/time is needed (Debian: time)" >&2
	exit 1
fi

echo "== corpus: quoth quotes --format=jsonl end to end (articles from $src), best of $RUNS"
printf '%-44s %9s %9s %9s %10s %12s\n' "input" "MB" "s" "MB/s" "CPU MB/s" "wc -w MB/s"
row() {  # row LABEL BYTES: after measure; the wc -w reference on $REF
	printf '%-44s %9.0f %9s %9s %10s %12s\n' "$1" "$(awk -v b="$2" 'BEGIN { print b / 1e6 }')" "$SECS" \
		"$(mbps "$2" "$SECS")" "$(mbps "$2" "$CPU")" "$WC"
}
wc_ref() {  # wc_ref PATH...: wc -w MB/s over the same bytes (the reference)
	b=0
	for p in "$@"; do b=$((b + $(bytes_of "$p"))); done
	measure sh -c "find $* -type f -exec cat {} + | wc -w"
	WC=$(mbps "$b" "$SECS")
}

per_mb="" cpu_per_mb=""
for s in $SIZES; do
	f=$(jsonl_of "$s")
	b=$(bytes_of "$f")
	cat "$f" >/dev/null
	wc_ref "$f"
	measure "$QUOTH" quotes --format=jsonl --jobs 1 "$f"
	row "JSON Lines, 1 job" "$b"
	per_mb="$per_mb $(awk -v s="$SECS" -v b="$b" 'BEGIN { printf "%.6f", s / (b / 1e6) }')"
	cpu_per_mb="$cpu_per_mb $(awk -v s="$CPU" -v b="$b" 'BEGIN { printf "%.6f", s / (b / 1e6) }')"
	last=$f lastb=$b one=$SECS rss_jsonl=$RSS
done
measure "$QUOTH" quotes --format=jsonl --jobs 2 "$last"
row "JSON Lines, 2 jobs" "$lastb"
echo "2 jobs / 1 job (largest)                     $(awk -v a="$one" -v b="$SECS" 'BEGIN { printf "%.2f", a / b }')x   (target >= 1.8 on two cores)"
echo "seconds per MB at $SIZES MB: wall$per_mb, CPU$cpu_per_mb"
spread() { awk '{ lo = hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i } printf "%.1f", (hi / lo - 1) * 100 }'; }
echo "linearity: the slowest size takes $(echo "$per_mb" | spread) % more wall time per MB than the fastest, $(echo "$cpu_per_mb" | spread) % more CPU time   (target <= 10 %)"

d=$(folder_of 20000)
b=$(bytes_of "$d")
find "$d" -type f -exec cat {} + >/dev/null
wc_ref "$d"
measure "$QUOTH" quotes --format=jsonl --jobs 1 "$d"
row "folder of 20,000 articles, 1 job" "$b"
rss_folder=$RSS
echo "target: >= 50 MB/s with 1 job on the 1 GB JSON Lines and on the folder"

big=$(echo "$SIZES" | awk '{ print $NF }')
ff=$(ff_of "$big")
measure "$QUOTH" quotes --format=jsonl "$ff"
rss_ff=$RSS
single=$(single_of "$big")
measure "$QUOTH" quotes --format=jsonl "$single"
rss_single=$RSS
measure cat "$ff"
echo "peak RSS ($big MB; jobs = cores): form feeds $(mb "$rss_ff") MB, JSON Lines (1 job) $(mb "$rss_jsonl") MB, one article $(mb "$rss_single") MB, folder of 20,000 $(mb "$rss_folder") MB; cat $(mb "$RSS") MB   (target < 100 MB)"
rm -f "$DATA/.time" "$DATA/.err"
