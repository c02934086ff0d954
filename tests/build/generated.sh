# Generated sources are what their sources generate: the committed
# src/quotes/lexicon.c is the output of scripts/gen-lexicon.py over the
# committed word lists (make rebuilds it when they change; commit both).
. tests/lib.sh
LEX=src/quotes/lexicon.c
SRCS="scripts/gen-lexicon.py src/quotes/lang include/quotes/lexicon.h include/quotes/lang.h"
if ! command -v python3 >/dev/null 2>&1; then
	skip "generated: $LEX (no python3)"
	exit 0
fi
python3 scripts/gen-lexicon.py >"$TMPD/lexicon.c" || fail "generated: gen-lexicon.py runs"
# In a git checkout whose generator sources are as committed, compare with the
# committed file (make may have rebuilt the working copy already); otherwise
# with the working copy.
# shellcheck disable=SC2086
if git rev-parse --verify -q HEAD >/dev/null 2>&1 && git diff --quiet HEAD -- $SRCS 2>/dev/null &&
	git show "HEAD:$LEX" >"$TMPD/committed.c" 2>/dev/null; then
	want="$TMPD/committed.c" what="the committed $LEX"
else
	want=$LEX what=$LEX
fi
if cmp -s "$TMPD/lexicon.c" "$want"; then
	ok "generated: $what is what its sources generate"
else
	fail "generated: $what is stale" "run make $LEX and commit it with its sources"
fi

# The compiled-in speaker weights are what make train learns from the
# annotated corpus beside the clone (skipped without it): commit
# src/quotes/model.c after changing the features, the lexicon or the engine.
MODEL=src/quotes/model.c
CORPUS=${CORPUS:-../shared/corpus}
TRAINER=${BUILD:-build}/quoth-train
sets=$(sed -n 's/^TRAIN_SETS *?= *//p' Makefile)
dirs=""
for s in $sets; do dirs="$dirs $CORPUS/$s"; done
if [ ! -d "$CORPUS" ]; then
	skip "generated: $MODEL (no $CORPUS)"
elif [ ! -x "$TRAINER" ]; then
	skip "generated: $MODEL (no $TRAINER: make check builds it)"
else
	# shellcheck disable=SC2086
	if "$TRAINER" --c "$TMPD/model.c" $dirs 2>"$TMPD/train.log" && cmp -s "$TMPD/model.c" "$MODEL"; then
		ok "generated: $MODEL is what make train learns from $CORPUS"
	else
		fail "generated: $MODEL is stale" "run make train and commit it ($(tail -1 "$TMPD/train.log"))"
	fi
fi
