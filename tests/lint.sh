#!/bin/sh
# make lint: every C file compiled (syntax only) with the extra warnings, and
# cppcheck. Prints "ok - lint: ..." / "not ok - lint: ..." lines.
#
# Warnings: WARN_EXTRA (below) on src/ and tests/fuzz/, as errors. Subsets:
# src/ui/ without -Wsign-conversion (ncurses' attribute macros take int
# where attr_t is unsigned: a cast at every call would say nothing);
# tests/unit/ and bench/ without -Wconversion (test values are literals).
# cppcheck: the warning, performance and portability checks (style gives
# false positives here), with suppressions for cppcheck's own limits: the
# sscanf calls of inifile.c write into buffers sized to the line (as
# iniparser's own parser does), cppcheck cannot parse a compound literal in a
# conditional expression in speech.c, and it misses that reference_open
# initialises its argument in bench_tags.c. Tests and benchmarks may lose a
# buffer when realloc fails (they stop there anyway): memleakOnRealloc is
# checked in src/ only. The generated tables (src/quotes/lexicon.c and
# model.c: data, rebuilt by make and checked by tests/build/generated.sh) are
# left out: cppcheck spent half its time on model.c's weights.
set -u
CC=${CC:-cc}
WARN_EXTRA=${WARN_EXTRA:--Wshadow -Wconversion -Wstrict-prototypes -Wformat=2 -Wundef -Wvla -Wwrite-strings -Wpointer-arith -Wimplicit-fallthrough}
NO_CONVERSION=$(echo "$WARN_EXTRA" | sed 's/-Wconversion//')
base="-std=c11 -D_GNU_SOURCE -DQUOTH_VERSION=\"lint\" -DQUOTH_DATADIR=\"lint\" -DINIPARSER_VERSION=\"lint\" -Wall -Wextra -Werror -fsyntax-only"
ncurses=$(pkg-config --cflags ncursesw 2>/dev/null)
out=$(mktemp)

bad=0 n=0
# inc LAYER: the include path the Makefile gives that layer, asked of make
# once a layer (a make run a file cost more than the compile)
flags_dir=$(mktemp -d)
trap 'rm -f "$out"; rm -rf "$flags_dir"' EXIT
inc() {
	[ -f "$flags_dir/$1" ] || make -s --no-print-directory layer-flags LAYER="$1" >"$flags_dir/$1"
	cat "$flags_dir/$1"
}
all_inc=$(inc cli)
for f in src/*/*.c tests/fuzz/*.c tests/unit/*/*.c bench/*.c; do
	[ -f "$f" ] || continue
	case $f in
	src/ui/*) flags="$(inc ui) $ncurses $WARN_EXTRA -Wno-sign-conversion" ;;
	src/*) l=${f#src/}; flags="$(inc "${l%%/*}") $WARN_EXTRA" ;;
	tests/unit/*) l=${f#tests/unit/}; l=${l%%/*}
		flags="$(inc "$l") -Itests/unit/$l -Itests/unit $NO_CONVERSION -Wno-unused-parameter" ;;
	bench/*) flags="$all_inc $NO_CONVERSION -Wno-unused-parameter" ;;
	*) flags="$all_inc $WARN_EXTRA" ;;
	esac
	n=$((n + 1))
	# shellcheck disable=SC2086
	if ! $CC $base $flags "$f" >>"$out" 2>&1; then bad=$((bad + 1)); fi
done
if [ "$bad" -eq 0 ]; then
	echo "ok - lint: $n files compile without warnings ($WARN_EXTRA)"
else
	echo "not ok - lint: $bad of $n files have warnings"
	grep -E 'warning|error' "$out" | head -30 | sed 's/^/#   /'
fi

if ! command -v cppcheck >/dev/null 2>&1; then
	echo "skip - lint: cppcheck not installed (Debian: cppcheck)"
	exit 0
fi
if cppcheck --enable=warning,performance,portability --std=c11 $all_inc -D_GNU_SOURCE \
	--inline-suppr --quiet --error-exitcode=1 \
	--suppress=invalidscanf:src/base/inifile.c --suppress=internalAstError:src/quotes/speech.c \
	--suppress=ctuuninitvar:bench/bench_tags.c \
	--suppress='memleakOnRealloc:tests/*' --suppress='memleakOnRealloc:bench/*' \
	-isrc/quotes/lexicon.c -isrc/quotes/model.c \
	src tests/unit tests/fuzz bench >"$out" 2>&1; then
	echo "ok - lint: cppcheck (warning, performance, portability)"
else
	echo "not ok - lint: cppcheck"
	head -30 "$out" | sed 's/^/#   /'
fi
