#!/bin/sh
# The quote engine against the annotated corpora of ../shared (skipped when absent):
#   dev corpus:      F1 >= 0.95, speaker >= 0.90
#   de-wikinews-dev: F1 >= 0.90, speaker >= 0.85
# and the quote spans alone (speaker not gated here) on the sets nobody
# tuned the span rules on as a whole:
#   de-wikinews-train, dev-multi and each of its languages: F1 >= 0.90
#   en-polnear-train: F1 >= 0.87 (its gold leaves real quotes out)
. tests/lib.sh
EVAL=../shared/tools/quote-eval
CORPUS=../shared/corpus
QUOTES_DE_MIN_SPEAKER=${QUOTES_DE_MIN_SPEAKER:-0.85}

evaluate() {  # evaluate NAME DIR MIN_F1 MIN_SPEAKER
	name=$1 dir=$2
	if [ ! -x "$EVAL" ] || [ ! -d "$dir" ]; then
		skip "$name (no $dir)"
		return
	fi
	if ! command -v python3 >/dev/null; then
		skip "$name (no python3)"
		return
	fi
	if out=$("$EVAL" "$dir" --cmd "$QUOTH quotes --format=jsonl" --min-f1 "$3" --min-speaker "$4" 2>&1); then
		ok "$name: $(printf '%s\n' "$out" | tail -1)"
	else
		fail "$name" "$(printf '%s\n' "$out" | tail -3)"
	fi
}

evaluate "quote-eval dev (F1 >= 0.95, speaker >= 0.90)" "$CORPUS/dev" 0.95 0.90
evaluate "quote-eval de-wikinews-dev (F1 >= 0.90, speaker >= $QUOTES_DE_MIN_SPEAKER)" \
	"$CORPUS/de-wikinews-dev" 0.90 "$QUOTES_DE_MIN_SPEAKER"

evaluate "quote-eval de-wikinews-train spans (F1 >= 0.90)" "$CORPUS/de-wikinews-train" 0.90 0
evaluate "quote-eval en-polnear-train spans (F1 >= 0.87)" "$CORPUS/en-polnear-train" 0.87 0
evaluate "quote-eval dev-multi spans (F1 >= 0.90)" "$CORPUS/dev-multi" 0.90 0
# each language of dev-multi (files named LANG-…), through a folder of links
if [ -d "$CORPUS/dev-multi" ]; then
	for lang in $(ls "$CORPUS/dev-multi" | sed -n 's/^\([a-z]*\)-.*\.gold\.json$/\1/p' | sort -u); do
		mkdir -p "$TMPD/multi-$lang"
		for f in "$CORPUS/dev-multi/$lang"-*; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$TMPD/multi-$lang/"; done
		evaluate "quote-eval dev-multi $lang spans (F1 >= 0.90)" "$TMPD/multi-$lang" 0.90 0
	done
fi
