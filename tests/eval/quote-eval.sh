#!/bin/sh
# The quote engine with its shipped speaker model against the annotated
# corpora of ../shared (skipped when absent).
# Speakers: the thresholds are a little below the cross-validated figures of
# make eval (weights that never saw the articles they are scored on), not
# the higher in-sample ones that these runs give: they catch a model gone
# wrong, while make eval tells how well the engine does.
#   set                           F1 >=   speaker >=   (cross-validated F1 / speaker)
#   dev                           0.95    0.87          0.997 / 0.894
#   de-wikinews (dev + train)     0.90    0.60          0.928 / 0.647
#   en-polnear-train              0.87    0.91          0.875 / 0.942
#   dev-multi                     0.90    0.77          0.964 / 0.793
# Spans: F1 >= 0.90 on each language of dev-multi too (files named LANG-…).
. tests/lib.sh
EVAL=../shared/tools/quote-eval
CORPUS=../shared/corpus

evaluate() {  # evaluate NAME MIN_F1 MIN_SPEAKER DIR...
	name=$1 f1=$2 spk=$3
	shift 3
	if [ ! -x "$EVAL" ] || [ ! -d "$1" ]; then
		skip "$name (no $1)"
		return
	fi
	if ! command -v python3 >/dev/null; then
		skip "$name (no python3)"
		return
	fi
	gold=$1
	if [ $# -gt 1 ]; then   # a union of folders: one folder of links
		gold=$TMPD/union
		mkdir -p "$gold"
		for d in "$@"; do
			abs=$(cd "$d" && pwd)   # one ln a folder: a process a file was most of this suite's time
			ln -sf "$abs"/*.gold.json "$abs"/*.txt "$gold/"
		done
	fi
	if out=$("$EVAL" "$gold" --cmd "$QUOTH quotes --format=jsonl" --min-f1 "$f1" --min-speaker "$spk" 2>&1); then
		ok "$name: $(printf '%s\n' "$out" | tail -1)"
	else
		fail "$name" "$(printf '%s\n' "$out" | tail -3)"
	fi
}

evaluate "quote-eval dev (F1 >= 0.95, speaker >= 0.87)" 0.95 0.87 "$CORPUS/dev"
evaluate "quote-eval de-wikinews dev+train (F1 >= 0.90, speaker >= 0.60)" 0.90 0.60 \
	"$CORPUS/de-wikinews-dev" "$CORPUS/de-wikinews-train"
evaluate "quote-eval en-polnear-train (F1 >= 0.87, speaker >= 0.91)" 0.87 0.91 "$CORPUS/en-polnear-train"
evaluate "quote-eval dev-multi (F1 >= 0.90, speaker >= 0.77)" 0.90 0.77 "$CORPUS/dev-multi"
# each language of dev-multi, its spans, through a folder of links (not
# under ASan: the same articles went through it above, and the plain run
# checks the figures)
if [ -d "$CORPUS/dev-multi" ] && [ "${BUILD:-build}" != build-san ]; then
	for lang in $(ls "$CORPUS/dev-multi" | sed -n 's/^\([a-z]*\)-.*\.gold\.json$/\1/p' | sort -u); do
		mkdir -p "$TMPD/multi-$lang"
		ln -s "$(cd "$CORPUS/dev-multi" && pwd)/$lang"-* "$TMPD/multi-$lang/"
		evaluate "quote-eval dev-multi $lang spans (F1 >= 0.90)" 0.90 0 "$TMPD/multi-$lang"
	done
fi
