# quoth — a terminal reader for news articles and their quotations.
# make            build ./quoth
# make run        open the reader on samples/
# make check      build and run every test suite (unit, cli, e2e, eval, hostile)
# make bench      benchmarks, each beside a reference measured in the same run
# make SANITIZE=1 check   the same tests under ASan + UBSan
# make install    PREFIX=/usr/local DESTDIR=

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/quoth
MANDIR    ?= $(PREFIX)/share/man/man1
CC        ?= cc
WERROR    ?= -Werror
OPT       ?= -O2

ifeq ($(SANITIZE),1)
BUILD     := build-san
SANFLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT       := -O1
else
BUILD     := build
SANFLAGS  :=
endif

NCURSES_CFLAGS := $(shell pkg-config --cflags ncursesw 2>/dev/null)
NCURSES_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_LIBS    := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
INIPARSER_VERSION := $(shell dpkg-query -W -f='$${Version}' libiniparser-dev 2>/dev/null || echo unknown)

CPPFLAGS += -Iinclude -D_GNU_SOURCE -DQUOTH_VERSION='"$(VERSION)"' \
            -DQUOTH_DATADIR='"$(DATADIR)"' \
            -DINIPARSER_VERSION='"$(INIPARSER_VERSION)"'
CFLAGS   += -std=c11 $(OPT) -g -Wall -Wextra $(WERROR) $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
CORE_LIBS := -lunistring -liniparser

CLI_SRC  := src/main.c $(wildcard src/cmd_*.c)
CORE_SRC := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
UI_SRC   := $(wildcard src/ui/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: FORCE all deps test-deps run check check-unit bench install uninstall clean
all: deps quoth

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh --test

# ./quoth is a copy of the last build (plain or sanitized), refreshed every time.
quoth: $(BUILD)/quoth FORCE
	@cmp -s $< $@ || cp $< $@
FORCE:

$(BUILD)/quoth: $(MAIN_OBJ) $(CORE_OBJ) $(UI_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(NCURSES_LIBS)

$(BUILD)/src/ui/%.o: src/ui/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(NCURSES_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-unused-parameter -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS) $(CMOCKA_LIBS)

$(BUILD)/bench/%: bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

run: all
	./quoth

check: test-deps quoth $(UNIT_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

check-unit: test-deps quoth $(UNIT_BIN)
	@BUILD=$(BUILD) SUITES=unit sh tests/run.sh

bench: deps quoth $(BENCH_BIN)
	@BUILD=$(BUILD) sh bench/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/keymaps $(DESTDIR)$(DATADIR)/samples
	install -m 755 quoth $(DESTDIR)$(BINDIR)/quoth
	install -m 644 doc/quoth.1 $(DESTDIR)$(MANDIR)/quoth.1
	install -m 644 config.ini $(DESTDIR)$(DATADIR)/config.ini
	for f in keymaps/*.ini; do [ -e "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/keymaps/ || true; done
	install -m 644 samples/*.txt $(DESTDIR)$(DATADIR)/samples/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/quoth $(DESTDIR)$(MANDIR)/quoth.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san quoth

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
