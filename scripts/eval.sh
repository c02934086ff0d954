#!/bin/sh
# make eval: the speaker model cross-validated (scripts/eval-table.py prints the table). The articles of every corpus
# set are cut into K=5 folds by a hash of their file name (quoth-train
# --list-fold); for each fold, quoth-train learns from the other four and
# quoth quotes reads the fold with those weights (QUOTH_MODEL). The
# predictions of all folds are scored per set and per language with
# ../shared/tools/quote-eval, beside the in-sample figures of the weights
# that ship (learnt from everything). Each fold is learnt with the
# trainer's defaults (its seed and ensemble), as make train learns what
# ships. The cross-validated figures are the ones that count.
#   CORPUS      the corpus folder (../shared/corpus)
#   TRAIN_SETS  its sets (dev de-wikinews-dev de-wikinews-train en-polnear-train dev-multi)
#   BUILD       the build folder (build)
set -u
BUILD=${BUILD:-build}
CORPUS=${CORPUS:-../shared/corpus}
SETS=${TRAIN_SETS:-dev de-wikinews-dev de-wikinews-train en-polnear-train dev-multi}
K=${FOLDS:-5}
EVAL=${EVAL:-../shared/tools/quote-eval}
if [ ! -x "$EVAL" ] || [ ! -d "$CORPUS" ]; then
	echo "make eval: needs $EVAL and $CORPUS" >&2
	exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
dirs=""
for s in $SETS; do dirs="$dirs $CORPUS/$s"; done
: >"$TMP/cv.jsonl"
f=0
while [ "$f" -lt "$K" ]; do
	# shellcheck disable=SC2086
	"$BUILD/quoth-train" --folds "$K" --fold "$f" --weights "$TMP/w$f.txt" $dirs 2>"$TMP/train$f.log" ||
		{ cat "$TMP/train$f.log" >&2; exit 1; }
	# shellcheck disable=SC2086
	"$BUILD/quoth-train" --folds "$K" --list-fold "$f" $dirs >"$TMP/files$f"
	if [ -s "$TMP/files$f" ]; then
		tr '\n' '\0' <"$TMP/files$f" | QUOTH_MODEL="$TMP/w$f.txt" xargs -0 "$BUILD/quoth" quotes --format=jsonl \
			>>"$TMP/cv.jsonl" || exit 1
	fi
	f=$((f + 1))
done
for s in $SETS; do
	find "$CORPUS/$s" -name '*.txt' -print0
done | xargs -0 "$BUILD/quoth" quotes --format=jsonl >"$TMP/in.jsonl" || exit 1
python3 scripts/eval-table.py "$EVAL" "$CORPUS" "$SETS" "$TMP/in.jsonl" "$TMP/cv.jsonl"
