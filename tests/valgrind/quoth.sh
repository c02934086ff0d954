#!/bin/sh
# Stands in for the quoth binary in the cli suite under `make valgrind`:
# runs it under valgrind, each process reporting to its own file in
# $QUOTH_VG_LOGS, which tests/valgrind/run.sh reads. The exit status and
# output are quoth's own, so the cli checks still hold.
exec valgrind --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect \
	--log-file="$QUOTH_VG_LOGS/quoth.%p.log" "$QUOTH_VG_BIN" "$@"
