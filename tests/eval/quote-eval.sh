#!/bin/sh
# The quote engine against the annotated corpora of ../shared (skipped when absent):
#   dev corpus:      F1 >= 0.95, speaker >= 0.90
#   de-wikinews-dev: F1 >= 0.90, speaker >= 0.85
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
