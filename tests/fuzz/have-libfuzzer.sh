#!/bin/sh
# Exits 0 when the C compiler $1 (default clang) can link a libFuzzer
# harness with ASan and UBSan (Debian: clang and libclang-rt-NN-dev).
cc=${1:-clang}
command -v "$cc" >/dev/null 2>&1 || exit 1
d=$(mktemp -d "${TMPDIR:-/tmp}/quoth-lf.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
cat >"$d/h.c" <<'C'
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }
C
"$cc" -fsanitize=fuzzer,address,undefined -o "$d/h" "$d/h.c" >/dev/null 2>&1 && "$d/h" -runs=1 >/dev/null 2>&1
