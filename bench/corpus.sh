#!/bin/sh
# Corpus-scale extraction: `quoth quotes --format=jsonl` end to end, as a
# user types it, on generated corpora in bench/data/ (git-ignored), each
# figure beside references measured on the same bytes in the same run
# (`cat` and `wc -w`), in wall time and in CPU time (user + system: other
# work on a shared machine disturbs it less), the best of RUNS runs:
#   - JSON Lines of 100 MB, 400 MB and 1 GB, one job: MB/s, and whether the
#     time grows linearly (seconds per MB within 10 % across the sizes;
#     the sizes run by turns, each in a window as long as the largest's,
#     so that a drift of the machine's speed slows each alike);
#   - the 1 GB JSON Lines with two jobs: the speed-up over one (one job
#     and two run by turns, so that a drift of the machine's speed slows
#     both alike);
#   - a folder of 20,000 articles, one job and two (by turns too);
#   - the quote engine alone (quotes_find, bench_quotes) on the same
#     articles: how much of a run is the engine's and how much the rest's
#     (reading, JSON, the doc layer, output);
#   - peak RSS on 1 GB in every shape: form-feed separated articles in one
#     file, JSON Lines, a single 1 GB article, and the 20,000-file folder.
# The articles are the dev corpus (../shared/corpus/dev; else the quote
# fixtures) repeated. Called by bench/run.sh (BENCH=corpus make bench), or
# alone:
#   make && make build/bench/gen_folder build/bench/bench_quotes && sh bench/corpus.sh
# CORPUS_SIZES (MB, default "100 400 1000"), RUNS (3), SIZE_RUNS (5: the
# rounds of the sizes by turns; with three, one slow minute of the machine
# could leave a size without a fast window and put it 10 % apart from the
# others, the fastest size a different one from draw to draw), FOLDER_RUNS (9: the
# folder's runs take a second or two, and the shorter a run the more one
# slow second of a shared machine decides its figure; nine by turns cost
# half a minute), BUILD (build).
set -u
BUILD=${BUILD:-build}
RUNS=${RUNS:-3}
FOLDER_RUNS=${FOLDER_RUNS:-9}
SIZE_RUNS=${SIZE_RUNS:-5}
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

# folder_of N: a folder of N articles of $src, named apart from the
# folders of the samples that bench/run.sh makes (folder-N): with one name
# for both, whichever bench ran first decided what the other measured
folder_of() {
	d=$DATA/corpus-folder-$1
	if [ ! -f "$d/.done" ]; then
		rm -rf "$d"
		"$BUILD/bench/gen_folder" "$1" "$d" "$src"/*.txt >/dev/null && touch "$d/.done" || exit 1
	fi
	echo "$d"
}

# least VAR VALUE: VAR becomes VALUE when it is empty or VALUE is smaller
least() {
	eval "cur=\${$1:-}"
	if [ -z "$cur" ] || awk -v a="$2" -v b="$cur" 'BEGIN { exit !(a < b) }'; then eval "$1=\$2"; fi
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
		least SECS "$t"
		least CPU "$c"
		[ "$r" -gt "$RSS" ] && RSS=$r
		i=$((i + 1))
	done
}

# alternate PATH: one job and two on PATH, by turns, RUNS times each (a
# machine whose speed drifts, as a shared virtual one does, slows both
# alike); the best of each: P1_W P1_C (one job), P2_W P2_C (two), and RSS;
# with a second argument also two one-job runs side by side, PP_W: what two
# independent processes get from this machine's two cores (a shared or
# virtual machine's cores may not give twice the work of one)
alternate() {
	runs=$RUNS P1_W= P1_C= P2_W= P2_C= PP_W= prss=0
	RUNS=1
	k=0
	while [ "$k" -lt "$runs" ]; do
		measure "$QUOTH" quotes --format=jsonl --jobs 1 "$1"
		least P1_W "$SECS"
		least P1_C "$CPU"
		measure "$QUOTH" quotes --format=jsonl --jobs 2 "$1"
		least P2_W "$SECS"
		least P2_C "$CPU"
		[ "$RSS" -gt "$prss" ] && prss=$RSS
		if [ -n "${2:-}" ]; then   # the machine's own ceiling: two one-job runs at once
			measure sh -c '"$1" quotes --format=jsonl --jobs 1 "$2" >/dev/null & "$1" quotes --format=jsonl --jobs 1 "$2"; wait' sh "$QUOTH" "$1"
			least PP_W "$SECS"
		fi
		k=$((k + 1))
	done
	RUNS=$runs RSS=$prss
}

bytes_of() { if [ -d "$1" ]; then du -sb "$1" | cut -f1; else wc -c <"$1"; fi; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf("%.1f", (s > 0) ? b / 1e6 / s : 0) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.2f", (b > 0) ? a / b : 0) }'; }
at_least() { awk -v a="$1" -v t="$2" 'BEGIN { print ((a >= t) ? "met" : "NOT met") }'; }

if [ ! -x /usr/bin/time ]; then
	echo "bench corpus: /usr/bin/time is needed (Debian: time)" >&2
	exit 1
fi

# refs PATH: cat and `cat | wc -w` over PATH's bytes (a folder's files in
# the order find gives them), as MB/s: CAT_W, WC_W WC_C (wall, CPU)
refs() {
	if [ -d "$1" ]; then
		measure sh -c 'find "$1" -type f -exec cat {} +' sh "$1"
	else
		measure cat "$1"
	fi
	CAT_W=$(mbps "$B" "$SECS")   # its CPU time is below what time(1) can tell
	if [ -d "$1" ]; then
		measure sh -c 'find "$1" -type f -exec cat {} + | wc -w' sh "$1"
	else
		measure wc -w "$1"
	fi
	WC_W=$(mbps "$B" "$SECS") WC_C=$(mbps "$B" "$CPU")
}

# row LABEL: after measure (quoth) and refs, on $B bytes
row() {
	printf '%-26s %5.0f %7s %7s %9s %8s  | %8s  %8s %8s\n' "$1" "$(awk -v b="$B" 'BEGIN { print b / 1e6 }')" \
		"$SECS" "$CPU" "$(mbps "$B" "$SECS")" "$(mbps "$B" "$CPU")" "$CAT_W" "$WC_W" "$WC_C"
}

echo "== corpus: quoth quotes --format=jsonl end to end (articles from $src), best of $RUNS runs"
printf '%-26s %5s %7s %7s %9s %8s  | %8s  %8s %8s\n' "" "" "quoth:" "" "" "" "cat:" "wc -w:" ""
printf '%-26s %5s %7s %7s %9s %8s  | %8s  %8s %8s\n' "input" "MB" "wall s" "CPU s" "MB/s wall" "MB/s CPU" "MB/s wall" "MB/s wall" "MB/s CPU"
# The sizes by turns, one window of each a round, SIZE_RUNS rounds, the best
# window of each size kept: a drift of the machine's speed during the
# bench (a shared virtual machine's can reach 30 %) then slows every size
# alike. A window runs a smaller size as many times in a row as make the
# largest (100 MB ten times beside 1,000 MB once), because the best of a
# few short runs catches the machine's fast seconds more often than one
# long run can: the windows last alike, and what is left of a difference
# between sizes is the program's. Each row shows one run's share of its
# window (the window's time over its runs).
big=$(echo "$SIZES" | awk '{ print $NF }')
reps_of() { awk -v b="$big" -v s="$1" 'BEGIN { r = int(b / s + 0.5); print (r < 1) ? 1 : r }'; }
rss_jsonl=0
r=0
while [ "$r" -lt "$SIZE_RUNS" ]; do
	for s in $SIZES; do
		f=$(jsonl_of "$s")
		n=$(reps_of "$s")
		runs=$RUNS RUNS=1
		measure sh -c 'n=$1; shift; while [ "$n" -gt 0 ]; do "$@" || exit 1; n=$((n - 1)); done' \
			sh "$n" "$QUOTH" quotes --format=jsonl --jobs 1 "$f"
		RUNS=$runs
		least "best_w_$s" "$(awk -v t="$SECS" -v n="$n" 'BEGIN { printf "%.3f", t / n }')"
		least "best_c_$s" "$(awk -v t="$CPU" -v n="$n" 'BEGIN { printf "%.3f", t / n }')"
		[ "$RSS" -gt "$rss_jsonl" ] && rss_jsonl=$RSS
	done
	r=$((r + 1))
done
per_mb="" cpu_per_mb=""
for s in $SIZES; do
	f=$(jsonl_of "$s")
	B=$(bytes_of "$f")
	refs "$f"
	eval "SECS=\$best_w_$s CPU=\$best_c_$s"
	row "JSON Lines, 1 job (x$(reps_of "$s"))"
	per_mb="$per_mb $(awk -v s="$SECS" -v b="$B" 'BEGIN { printf "%.6f", s / (b / 1e6) }')"
	cpu_per_mb="$cpu_per_mb $(awk -v s="$CPU" -v b="$B" 'BEGIN { printf "%.6f", s / (b / 1e6) }')"
	last=$f lastb=$B one_w=$SECS one_c=$CPU
done
B=$lastb
alternate "$last" ceiling
SECS=$P2_W CPU=$P2_C
row "JSON Lines, 2 jobs"
pone_w=$P1_W pone_c=$P1_C two_w=$P2_W two_c=$P2_C pair_w=$PP_W
[ "$RSS" -gt "$rss_jsonl" ] && rss_jsonl=$RSS

d=$(folder_of 20000)
B=$(bytes_of "$d")
refs "$d"
runs_before=$RUNS RUNS=$FOLDER_RUNS
alternate "$d"
RUNS=$runs_before
SECS=$P1_W CPU=$P1_C
row "folder of 20,000, 1 job"
SECS=$P2_W CPU=$P2_C
row "folder of 20,000, 2 jobs"
fone_w=$P1_W fone_c=$P1_C ftwo_w=$P2_W ftwo_c=$P2_C fb=$B rss_folder=$RSS

# the engine alone, on 100 MB of the same articles (form-feed separated):
# bench_quotes times quotes_find by CPU time, the best of RUNS
eng=0
ff100=$(ff_of 100)
i=0
while [ "$i" -lt "$RUNS" ]; do
	e=$("$BUILD/bench/bench_quotes" "$ff100" | sed -n 's/.*quotes_find \([0-9.]*\) MB\/s.*/\1/p')
	eng=$(awk -v a="$e" -v b="$eng" 'BEGIN { print ((a > b) ? a : b) }')
	i=$((i + 1))
done

spread() { awk '{ lo = hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i } printf "%.1f", (hi / lo - 1) * 100 }'; }
share() {  # share CPU_S BYTES: the engine's part of that CPU time, in %
	awk -v c="$1" -v b="$2" -v e="$eng" 'BEGIN { printf("%.0f", (e > 0 && c > 0) ? 100 * (b / 1e6 / e) / c : 0) }'
}
say() { printf '  %-30s %s\n' "$1" "$2"; }
echo "targets:"
say "1 job, JSON Lines of $big MB:" "$(mbps "$lastb" "$one_w") MB/s wall, $(mbps "$lastb" "$one_c") MB/s CPU   (target >= 50: $(at_least "$(mbps "$lastb" "$one_w")" 50) by wall, $(at_least "$(mbps "$lastb" "$one_c")" 50) by CPU)"
say "1 job, folder of 20,000:" "$(mbps "$fb" "$fone_w") MB/s wall, $(mbps "$fb" "$fone_c") MB/s CPU   (target >= 50: $(at_least "$(mbps "$fb" "$fone_w")" 50) by wall, $(at_least "$(mbps "$fb" "$fone_c")" 50) by CPU)"
say "2 jobs / 1 job, JSON Lines:" "$(ratio "$pone_w" "$two_w")x by wall time   (target >= 1.8 on two idle cores: $(at_least "$(ratio "$pone_w" "$two_w")" 1.8)); CPU time 2 jobs / 1 job: $(ratio "$two_c" "$pone_c")"
say "" "(one job and two run by turns, $RUNS times each, the best of each: one job here $pone_w s wall)"
say "" "reference: two one-job runs side by side took $pair_w s, so the two cores did $(awk -v a="$pone_w" -v b="$pair_w" 'BEGIN { printf("%.2f", (b > 0) ? 2 * a / b : 0) }')x the work of one job alone (2.00 on two idle cores that keep their speed)"
say "2 jobs / 1 job, folder:" "$(ratio "$fone_w" "$ftwo_w")x by wall time   (target >= 1.8 on two idle cores: $(at_least "$(ratio "$fone_w" "$ftwo_w")" 1.8)); CPU time 2 jobs / 1 job: $(ratio "$ftwo_c" "$fone_c")"
say "" "(one job and two run by turns, $FOLDER_RUNS times each, the best of each: one job here $fone_w s wall)"
say "linearity, s/MB at $(echo "$SIZES" | sed 's/ /, /g') MB:" "wall$per_mb; CPU$cpu_per_mb"
say "" "the slowest size takes $(echo "$per_mb" | spread) % more wall time per MB than the fastest, $(echo "$cpu_per_mb" | spread) % more CPU time   (target <= 10 %; each size in windows of about $big MB, $SIZE_RUNS rounds by turns, the best window of each)"
say "the quote engine's share:" "quotes_find alone (bench_quotes, the same articles) $eng MB/s CPU: $(share "$one_c" "$lastb") % of the 1-job JSON Lines run's CPU time, $(share "$fone_c" "$fb") % of the folder's; the rest is reading, JSON, the doc layer and output (separate runs: a busy machine blurs it)"

ff=$(ff_of "$big")
measure "$QUOTH" quotes --format=jsonl "$ff"
rss_ff=$RSS
single=$(single_of "$big")
measure "$QUOTH" quotes --format=jsonl "$single"
rss_single=$RSS
measure cat "$ff"
say "peak RSS, $big MB:" "form feeds $(mb "$rss_ff") MB, JSON Lines $(mb "$rss_jsonl") MB, one article $(mb "$rss_single") MB, folder of 20,000 $(mb "$rss_folder") MB; cat $(mb "$RSS") MB   (target < 100 MB; jobs = cores, JSON Lines and the folder 1 and 2)"
rm -f "$DATA/.time" "$DATA/.err"
