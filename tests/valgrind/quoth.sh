#!/bin/sh
# Stands in for the quoth binary in the cli suite under `make valgrind`:
# runs it under valgrind, each process reporting to its own file in
# $QUOTH_VG_LOGS, which tests/valgrind/run.sh reads. The exit status and
# output are quoth's own, so the cli checks still hold.
# --read-inline-info=no (here and in jobs.sh): a report names the function
# a call was inlined into, with the inlined code's file and line; reading
# the inlining of every library costs each process a fifth of a second.
exec valgrind --read-inline-info=no --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect \
	--log-file="$QUOTH_VG_LOGS/quoth.%p.log" "$QUOTH_VG_BIN" "$@"
