#!/bin/sh
# Benchmarks. Each result is printed beside a reference measured in the same
# run, with the ratio. One function per section; BENCH picks sections
# (default: all of them, in order), e.g. BENCH="render" make bench.
# BUILD names the build folder; generated data goes to bench/data/ (git-ignored).
#   RENDER_MB   size of the generated corpus for the render section (100)
#   RUNS        timed runs per command, the best is kept (3)
#   QUOTES_BENCH_MB  size of the repeated-articles corpus for the quotes section (100)
#   SEARCH_MB   sizes of the article searched to its end in the search section (100 300 1024)
#   INDEX_RUNS  timed runs of each long command of the index section (1)
#   INDEX_SIZES articles of the folders quoth index is timed on (30000 100000)
#   VIEW_SIZES  articles of the smaller indexes the views are timed on, beside 100000 (10000 30000)
#   GROUP_SIZES quote counts of the grouping benchmark (250000 500000 1000000)
set -u
BUILD=${BUILD:-build}
BENCH=${BENCH:-render wrap quotes corpus reader search tags store scale index}
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

# Quote extraction beside wc -w on ~100 MB of repeated dev articles (bench/quotes.sh).
bench_quotes() {
	BUILD=$BUILD RUNS=$RUNS sh bench/quotes.sh
}

ms() {  # ms FILE NAME: the milliseconds bench_reader printed for NAME
	awk -v k="$2" '$1 == k { print $2 }' "$1"
}

# A file of MB megabytes from the generated corpus with a marker word near its end.
marked_article() {
	f=$DATA/article-$1.txt
	if [ ! -s "$f" ]; then
		src=$(corpus "$1")
		{ cat "$src"; printf '\n\nThe zqxjmarker word stands here.\n\n'; head -c 20000 "$src"; } >"$f.tmp" && mv "$f.tmp" "$f"
	fi
	echo "$f"
}

# The reader on one big article (headless, through the app): first screen,
# page down, jump to the end, search near the end, peak RSS; beside reading
# the file once with cat.
reader_article() {
	f=$(marked_article "$1")
	bytes=$(wc -c <"$f")
	cat "$f" >/dev/null
	tc=$(best_seconds cat "$f")
	out=$DATA/.reader
	"$BUILD/bench/bench_reader" article "$f" zqxjmarker >"$out" || { echo "bench: reader failed" >&2; cat "$out"; exit 1; }
	catms=$(awk -v s="$tc" 'BEGIN { printf "%.1f", s * 1000 }')
	echo "== reader: $f ($1 MB)"
	echo "cat FILE (reference)      $catms ms"
	for k in first_screen page_down_each jump_to_end search_near_end; do
		v=$(ms "$out" $k)
		printf '%-25s %s ms   (%sx cat)\n' "$k" "$v" "$(ratio "$v" "$catms")"
	done
	echo "peak RSS                  $(awk -v k="$(ms "$out" rss_kb)" 'BEGIN { printf "%.1f", k / 1024 }') MB ($(ratio "$(( $(ms "$out" rss_kb) * 1024 ))" "$bytes")x the file)"
	echo "targets: first screen < 50 ms, page down < 1 ms, end and search < 1 s (100 MB); end < 100 ms, RSS < 200 MB (1 GB)"
}

bench_reader() {
	reader_article "${READER_MB:-100}"
}

# 1 GB article, and a folder of 100,000 articles beside find | wc -l.
bench_scale() {
	reader_article "${SCALE_MB:-1024}"
	d=$(folder_100k)
	find "$d" -name '*.txt' >/dev/null
	tf=$(best_seconds sh -c "find '$d' -name '*.txt' | wc -l")
	out=$DATA/.folder
	"$BUILD/bench/bench_reader" folder "$d" >"$out" || exit 1
	fms=$(awk -v s="$tf" 'BEGIN { printf "%.1f", s * 1000 }')
	echo "== folder: $(ms "$out" articles) articles"
	echo "find | wc -l (reference)  $fms ms"
	echo "first screen              $(ms "$out" first_screen) ms   ($(ratio "$(ms "$out" first_screen)" "$fms")x find)"
	echo "list page down            $(ms "$out" list_page_down_each) ms"
	echo "peak RSS                  $(awk -v k="$(ms "$out" rss_kb)" 'BEGIN { printf "%.1f", k / 1024 }') MB"
	echo "target: first screen < 1 s"
}

# The folder of 100,000 articles (shared with the scale section).
# folder N: the path of a generated folder of N articles (the samples, each
# with a numbered headline)
folder() {
	d=$DATA/folder-$1
	if [ ! -f "$d/.done" ]; then
		rm -rf "$d"
		"$BUILD/bench/gen_folder" "$1" "$d" samples/*.txt && touch "$d/.done" || exit 1
	fi
	echo "$d"
}

folder_100k() {
	folder 100000
}

# index_views N IX DIR: the reader's views on the index IX of DIR (N
# articles) through bench_index, beside grep finding the first 1,000 lines
# that name the most quoted speaker in the same files (what a user without
# the index would run; it stops early, the index sorts every quote); then
# the list filter: the worst key of five filters (a speaker, a language, a
# source, title words, words of the text) typed and erased key by key, from
# the key to the rows ready to draw, beside grep -c over a list of the N
# paths (a filter of as many lines, with nothing to read first); and keys
# typed at once after the reader started, before idle time read the table
# (each key reads it for a bounded time; the rows follow when it is read).
index_views() {
	"$BUILD/bench/bench_index" views "$3" "$2" >"$DATA/.views" || exit 1
	name=$(sed -n 's/^top_speaker //p' "$DATA/.views")
	export BENCH_NAME="$name"
	best_seconds sh -c 'grep -rF -- "$BENCH_NAME" "$0" | head -n 1000' "$3" >"$DATA/.t"; tg=$(cat "$DATA/.t")
	printf '%7d articles: speaker view %s ms; %s quotes of %s (first %s): %s ms, CPU %s; group of %s articles: %s ms, CPU %s; grep | head -1000 (reference) %s ms\n' \
		"$1" "$(ms "$DATA/.views" speaker_view)" "$(ms "$DATA/.views" speaker_quotes_total)" "$name" \
		"$(ms "$DATA/.views" speaker_quotes_n)" "$(ms "$DATA/.views" speaker_quotes)" "$(ms "$DATA/.views" speaker_quotes_cpu)" \
		"$(ms "$DATA/.views" group_articles)" "$(ms "$DATA/.views" group_view)" "$(ms "$DATA/.views" group_view_cpu)" \
		"$(awk -v s="$tg" 'BEGIN { printf "%.1f", s * 1000 }')"
	[ -s "$DATA/paths-$1" ] || find "$3" -name '*.txt' >"$DATA/paths-$1"
	best_seconds grep -c 7 "$DATA/paths-$1" >"$DATA/.t"; tr=$(cat "$DATA/.t")
	printf '%7d articles: list filter, worst key %s ms (CPU %s; target < 50); grep -c over its %s paths (reference) %s ms\n' \
		"$1" "$(ms "$DATA/.views" list_filter_key)" "$(ms "$DATA/.views" list_filter_key_cpu)" "$1" \
		"$(awk -v s="$tr" 'BEGIN { printf "%.1f", s * 1000 }')"
	printf '                 (read once in idle time: %s ms, CPU %s; keys typed before that, each reading it for a while: the first %s ms, the worst %s ms (CPU %s; target < 50), their rows shown %s ms after the first key)\n' \
		"$(ms "$DATA/.views" list_table)" "$(ms "$DATA/.views" list_table_cpu)" \
		"$(ms "$DATA/.views" list_filter_first_key)" "$(ms "$DATA/.views" list_filter_first_worst)" \
		"$(ms "$DATA/.views" list_filter_first_worst_cpu)" "$(ms "$DATA/.views" list_filter_first_rows)"
}

# index_speed N: quoth index of a folder of N articles from nothing, beside
# cat, wc -w and grep -c of every file (wall, MB/s and CPU seconds);
# leaves the index in $DATA/index-N.sqlite.
index_speed() {
	d=$(folder "$1")
	ix=$DATA/index-$1.sqlite
	bytes=$(find "$d" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
	best_seconds sh -c "find '$d' -name '*.txt' -print0 | xargs -0 cat" >"$DATA/.t"; tc=$(cat "$DATA/.t"); cc=$CPU
	best_seconds sh -c "find '$d' -name '*.txt' -print0 | xargs -0 wc -w" >"$DATA/.t"; tw=$(cat "$DATA/.t"); cw=$CPU
	# grep for a string no article holds reads every byte of every file
	# once, with a buffer kept from file to file: the cost of reading the
	# files themselves (cat maps a new buffer for each file and gives it
	# back, which on this kind of machine costs it more than the reading)
	best_seconds sh -c "find '$d' -name '*.txt' -print0 | xargs -0 grep -cF -e '@@no such text@@'; [ \$? -eq 123 ]" >"$DATA/.t"; tg=$(cat "$DATA/.t"); cg=$CPU
	best_seconds sh -c "rm -f '$ix' '$ix-wal' '$ix-shm'; '$QUOTH' index --quiet --index '$ix' '$d'" >"$DATA/.t"; ti=$(cat "$DATA/.t"); ci=$CPU
	printf '%7d articles (%s MB): quoth index %s MB/s (%s s, CPU %s s); cat %s MB/s (%s s, CPU %s s); wc -w %s MB/s (%s s, CPU %s s); grep -c %s MB/s (%s s, CPU %s s)\n' \
		"$1" "$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }')" "$(mbps "$bytes" "$ti")" "$ti" "${ci:-?}" \
		"$(mbps "$bytes" "$tc")" "$tc" "${cc:-?}" "$(mbps "$bytes" "$tw")" "$tw" "${cw:-?}" \
		"$(mbps "$bytes" "$tg")" "$tg" "${cg:-?}"
}

# The corpus index: quoth index of folders of 30,000 and 100,000 articles
# beside reading every file with cat and wc, a second run with nothing
# changed beside find stating every file, the speaker and group views on
# indexes of 10,000, 30,000 and 100,000 articles beside grep, the list
# filter on the largest, and the grouping of 250k, 500k and 1M generated
# quotes (alone, and through quoth index --import) beside sort.
bench_index() {
	d=$(folder_100k)
	ix=$DATA/index-100000.sqlite
	runs=$RUNS
	RUNS=${INDEX_RUNS:-1}
	echo "== index: quoth index from nothing (target >= 30 MB/s on 100,000 articles; best of $RUNS)"
	for n in ${INDEX_SIZES:-30000 100000}; do
		index_speed "$n"
	done
	RUNS=$runs
	best_seconds "$QUOTH" index --quiet --index "$ix" "$d" >"$DATA/.t"; ts=$(cat "$DATA/.t"); cs=$CPU
	best_seconds find "$d" -name '*.txt' -printf '%s %T@\n' >"$DATA/.t"; tf=$(cat "$DATA/.t"); cf=$CPU
	echo "find -printf (reference)       $tf s   (CPU ${cf:-?} s)"
	echo "quoth index, nothing changed   $ts s   (CPU ${cs:-?} s; target < 2 s)"
	echo "== index views: from the key to the view ready to draw, best of 3 (target < 100 ms; list filter < 50 ms)"
	for n in ${VIEW_SIZES:-10000 30000}; do
		vd=$(folder "$n")
		vx=$DATA/index-$n.sqlite
		[ -s "$vx" ] || "$QUOTH" index --quiet --index "$vx" "$vd" || exit 1
		index_views "$n" "$vx" "$vd"
	done
	index_views 100000 "$ix" "$d"
	echo "== same-quote grouping (best of ${INDEX_RUNS:-1}; target 1M < 30 s, near-linear)"
	for n in ${GROUP_SIZES:-250000 500000 1000000}; do
		q=$DATA/quotes-$n.jsonl
		[ -s "$q" ] || "$BUILD/bench/gen_quotes" "$n" "$q" || exit 1
		"$BUILD/bench/bench_index" group "$q" >"$DATA/.group" || exit 1
		RUNS=${INDEX_RUNS:-1}
		best_seconds sort "$q" >"$DATA/.t"; tr=$(cat "$DATA/.t"); cr=$CPU
		best_seconds sh -c "rm -f '$DATA/imp.sqlite'*; '$QUOTH' index --quiet --index '$DATA/imp.sqlite' --import '$q'" >"$DATA/.t"; tq=$(cat "$DATA/.t"); cq=$CPU
		RUNS=$runs
		printf '%8d quotes: grouping %6s ms (CPU %s ms; %s groups, %s checks); quoth index --import %s s (CPU %s s); sort (reference) %s s (CPU %s s)\n' \
			"$n" "$(ms "$DATA/.group" group)" "$(ms "$DATA/.group" group_cpu)" "$(ms "$DATA/.group" groups)" "$(ms "$DATA/.group" checks)" "$tq" "${cq:-?}" "$tr" "${cr:-?}"
	done
	rm -f "$DATA/imp.sqlite"*
}

# best_of N CMD...: runs CMD N times; BEST_MS and BEST_CPU are the least
# of the values it printed for the keys $KEY_MS and $KEY_CPU.
best_of() {
	n=$1
	shift
	BEST_MS=
	BEST_CPU=
	i=0
	while [ "$i" -lt "$n" ]; do
		"$@" >"$DATA/.best" || { echo "bench: failed: $*" >&2; cat "$DATA/.best" >&2; exit 1; }
		v=$(ms "$DATA/.best" "$KEY_MS")
		c=$(ms "$DATA/.best" "$KEY_CPU")
		BEST_MS=$(awk -v a="$BEST_MS" -v b="$v" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
		BEST_CPU=$(awk -v a="$BEST_CPU" -v b="$c" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
		i=$((i + 1))
	done
}

# search_one FILE WORD: grep -ci beside the reader's search to the end
# (bench_reader search) and the engine alone (bench_search), wall and
# processor times, each the best of RUNS.
search_one() {
	f=$1
	word=$2
	best_seconds sh -c 'grep -ci "$1" "$2" || [ $? -eq 1 ]' sh "$word" "$f" >"$DATA/.t"
	gms=$(awk -v s="$(cat "$DATA/.t")" 'BEGIN { printf "%.1f", s * 1000 }')
	gcpu=$(awk -v s="${CPU:-0}" 'BEGIN { printf "%.1f", s * 1000 }')
	KEY_MS=search KEY_CPU=search_cpu best_of "$RUNS" "$BUILD/bench/bench_reader" search "$f" "$word"
	rms=$BEST_MS rcpu=$BEST_CPU found=$(ms "$DATA/.best" found)
	KEY_MS=scan_ms KEY_CPU=scan_cpu_ms best_of "$RUNS" "$BUILD/bench/bench_search" "$f" "$word"
	ems=$BEST_MS ecpu=$BEST_CPU
	printf '  "%s" (%s)\n' "$word" "$([ "$found" = 1 ] && echo "found near the end" || echo "not there: the whole file")"
	printf '    grep -ci (reference)           %9.1f ms   cpu %8.1f ms\n' "$gms" "$gcpu"
	printf '    quoth: / in the reader, to end %9.1f ms   cpu %8.1f ms   %sx grep (cpu %sx)   target <= 1.5\n' \
		"$rms" "$rcpu" "$(ratio "$rms" "$gms")" "$(ratio "$rcpu" "$gcpu")"
	printf '    quoth: the search engine alone %9.1f ms   cpu %8.1f ms   %sx grep (cpu %sx)\n' \
		"$ems" "$ecpu" "$(ratio "$ems" "$gms")" "$(ratio "$ecpu" "$gcpu")"
}

# Search to the end of one big article at 2-3 sizes: a rare word near the
# end (the reader stops there), and a word of common letters that is not
# there (the whole file, every "k", "v" ... folded around).
bench_search() {
	for mb in ${SEARCH_MB:-100 300 1024}; do
		f=$(marked_article "$mb")
		cat "$f" >/dev/null
		echo "== search: $f ($mb MB), best of $RUNS runs, locale $(locale charmap 2>/dev/null || echo unknown)"
		search_one "$f" zqxjmarker
		search_one "$f" kobenhavn
	done
}

# quoth quotes over whole corpora: JSON Lines at three sizes, a folder, jobs, peak RSS (bench/corpus.sh).
bench_corpus() {
	BUILD=$BUILD RUNS=$RUNS sh bench/corpus.sh
}

bench_tags() {
	BUILD=$BUILD sh bench/tags.sh
}

# The loads of tag names, export folders, config sections and positions at
# two or three sizes (bench/store.sh).
bench_store() {
	. bench/store.sh
}

for s in $BENCH; do
	case $s in
	render) bench_render ;;
	wrap)   bench_wrap ;;
	quotes) bench_quotes ;;
	corpus) bench_corpus ;;
	reader) bench_reader ;;
	search) bench_search ;;
	scale)  bench_scale ;;
	tags)   bench_tags ;;
	index)  bench_index ;;
	store)  bench_store ;;
	*) echo "bench: unknown section '$s'" >&2; exit 2 ;;
	esac
done
