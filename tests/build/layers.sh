# The layers hold: every public header compiles on its own with its layer's
# include path, and a file of a layer cannot include a header of a layer
# above it (the compiler does not find it).
. tests/lib.sh
CC=${CC:-cc}
layers=$(sed -n 's/^LAYERS *:= *//p' Makefile)
inc() { make -s --no-print-directory layer-flags LAYER="$1"; }
ncurses=$(pkg-config --cflags ncursesw 2>/dev/null)

# compiles FLAGS HEADER: a one-line file including HEADER compiles
compiles() {
	printf '#include "%s"\nint layer_probe(void);\n' "$2" >"$TMPD/probe.c"
	# shellcheck disable=SC2086
	$CC -std=c11 -D_GNU_SOURCE $1 -Wall -Wextra -Werror -fsyntax-only "$TMPD/probe.c" >"$TMPD/cc.out" 2>&1
}

below=""
for l in $layers; do
	flags="$(inc "$l") $ncurses"
	for h in include/"$l"/*.h; do
		[ -f "$h" ] || continue
		if compiles "$flags" "${h##*/}"; then ok "layers: $l/${h##*/} compiles on its own"
		else fail "layers: $l/${h##*/} compiles on its own" "$(cat "$TMPD/cc.out")"; fi
	done
	# every lower layer must fail to include this layer's first header
	first=$(ls include/"$l"/*.h 2>/dev/null | head -1)
	if [ -n "$first" ]; then
		for b in $below; do
			if compiles "$(inc "$b")" "${first##*/}"; then
				fail "layers: $b cannot include $l/${first##*/}" "it compiled"
			elif grep -q "No such file\|file not found" "$TMPD/cc.out"; then
				ok "layers: $b cannot include $l/${first##*/}"
			else
				fail "layers: $b cannot include $l/${first##*/}" "$(cat "$TMPD/cc.out")"
			fi
		done
	fi
	below="$below $l"
done

# no file includes a header by a path into another layer's folder
if grep -rnE '#include "(\.\./|include/|src/)' src tests/unit >"$TMPD/paths"; then
	fail "layers: no include by path" "$(cat "$TMPD/paths")"
else
	ok "layers: no include by path"
fi
