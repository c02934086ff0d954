#!/bin/sh
# Install what quoth needs to build and test, only when something is missing.
# Checks with pkg-config (and headers where a library ships no .pc file);
# a second call does nothing.
set -u

missing=""
need_pkg() {  # need_pkg DEBIAN-PACKAGE PKG-CONFIG-NAME [HEADER]
	if pkg-config --exists "$2" 2>/dev/null; then return 0; fi
	if [ -n "${3:-}" ] && [ -f "/usr/include/$3" ]; then return 0; fi
	missing="$missing $1"
}
need_cmd() {  # need_cmd DEBIAN-PACKAGE COMMAND
	command -v "$2" >/dev/null 2>&1 || missing="$missing $1"
}

need_cmd pkg-config pkg-config
need_cmd make make
need_cmd gcc cc
need_pkg libncurses-dev ncursesw ncursesw/curses.h
need_pkg libunistring-dev libunistring unistr.h
need_pkg libiniparser-dev iniparser iniparser/iniparser.h
need_pkg libsqlite3-dev sqlite3 sqlite3.h
need_pkg libjson-c-dev json-c json-c/json.h
need_pkg zlib1g-dev zlib zlib.h
if [ "${1:-}" = "--test" ]; then
	need_pkg libcmocka-dev cmocka cmocka.h
	need_cmd tmux tmux
	need_cmd python3 python3
	need_cmd parallel parallel
fi
# make fuzz / fuzz-smoke / valgrind / lint: clang with its libFuzzer runtime
# (Debian ships it in libclang-rt-NN-dev, NN clang's major version), valgrind, cppcheck.
if [ "${1:-}" = "--tools" ]; then
	need_pkg libcmocka-dev cmocka cmocka.h
	need_cmd clang clang
	need_cmd valgrind valgrind
	need_cmd cppcheck cppcheck
	if command -v clang >/dev/null 2>&1 && ! sh "$(dirname "$0")/../tests/fuzz/have-libfuzzer.sh" clang; then
		major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
		[ -n "$major" ] && missing="$missing libclang-rt-$major-dev"
	fi
fi

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "quoth: missing packages:$missing" >&2
	echo "quoth: install them with your package manager (Debian names given), then run make again." >&2
	exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "quoth: installing$missing" >&2
$SUDO apt-get update -qq >&2 || exit 1
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2 || exit 1
