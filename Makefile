# quoth — a terminal reader for news articles and their quotations.
# make            build ./quoth
# make run        open the reader on samples/
# make check      build and run every test suite (unit, cli, e2e, eval, hostile)
# make bench      benchmarks, each beside a reference measured in the same run
# make SANITIZE=1 check   the same tests under ASan + UBSan
# make fuzz       each libFuzzer harness for FUZZ_SECONDS (60) seconds (clang)
# make fuzz-smoke the same for FUZZ_SMOKE_SECONDS (4) s each, with the regression inputs, as a test suite (CI)
# make valgrind   the unit tests and the cli suite under valgrind
# make lint       every file with -Wshadow -Wconversion and more, and cppcheck (tests/lint.sh)
# make train      learn the speaker model from ../shared/corpus into src/quotes/model.c
# make eval       cross-validated quote and speaker scores per corpus and language
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
SQLITE_CFLAGS  := $(shell pkg-config --cflags sqlite3 2>/dev/null)
SQLITE_LIBS    := $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)
JSONC_LIBS     := $(shell pkg-config --libs json-c 2>/dev/null || echo -ljson-c)
ZLIB_LIBS      := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
INIPARSER_VERSION := $(shell dpkg-query -W -f='$${Version}' libiniparser-dev 2>/dev/null || echo unknown)

# ---- layers ----------------------------------------------------------------
# One folder a layer under src/, its public headers under include/LAYER/.
# A file sees the headers of its own layer and of the layers before it in
# this list, and its own folder's private headers: an include of a higher
# layer is a compile error (tests/layers.sh checks that it stays one).
LAYERS    := base text corpus quotes store config app ui cli
# UPTO_L: L and the layers before it
$(foreach l,$(LAYERS),$(eval _upto += $(l))$(eval UPTO_$(l) := $(_upto)))
layer_inc = $(foreach l,$(UPTO_$(1)),-Iinclude/$(l)) -Isrc/$(1)

CPPFLAGS += $(SQLITE_CFLAGS) -D_GNU_SOURCE -DQUOTH_VERSION='"$(VERSION)"' \
            -DQUOTH_DATADIR='"$(DATADIR)"' \
            -DINIPARSER_VERSION='"$(INIPARSER_VERSION)"'
CFLAGS   += -std=c11 $(OPT) -g -Wall -Wextra $(WERROR) $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
CORE_LIBS := -lunistring -liniparser $(SQLITE_LIBS) $(JSONC_LIBS) $(ZLIB_LIBS) -lpthread -lm
ALL_INC  := $(call layer_inc,cli)

LEXICON  := src/quotes/lexicon.c
CLI_SRC  := $(wildcard src/cli/*.c)
UI_SRC   := $(wildcard src/ui/*.c)
CORE_SRC := $(sort $(foreach l,$(filter-out ui cli,$(LAYERS)),$(wildcard src/$(l)/*.c)) $(LEXICON))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/*/test_*.c)
UNIT_BIN := $(foreach t,$(UNIT_SRC),$(BUILD)/tests/$(basename $(notdir $(t))))
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: FORCE all deps test-deps run check check-unit bench install uninstall clean train eval \
        tool-deps fuzz fuzz-build fuzz-smoke valgrind lint layer-flags
all: quoth

# The installer runs from the README's two commands (and make run, check and
# bench), never from a plain make.
deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh --test

# The tools of make fuzz, valgrind and lint; a fuzz run without them skips.
tool-deps:
	@sh scripts/deps.sh --tools || echo "quoth: fuzzing, valgrind or cppcheck may be missing" >&2

# ./quoth is a copy of the last build (plain or sanitized), refreshed every time.
quoth: $(BUILD)/quoth FORCE
	@cmp -s $< $@ || { cp $< $@.tmp && mv -f $@.tmp $@; }   # a rename works while ./quoth runs
FORCE:

$(BUILD)/quoth: $(MAIN_OBJ) $(CORE_OBJ) $(UI_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(NCURSES_LIBS)

# Each object with its layer's include path (pattern-specific, one a layer).
$(foreach l,$(LAYERS),$(eval $(BUILD)/src/$(l)/%.o: LAYER_INC := $(call layer_inc,$(l))))
$(BUILD)/src/ui/%.o: LAYER_INC += $(NCURSES_CFLAGS)
# The quote engine runs its whole code for every article, more than the
# instruction cache holds: no padding before the targets of its jumps
# (never run, only fetched), where the compiler takes the flags (gcc).
QUOTES_CFLAGS := $(shell $(CC) -Werror -fno-align-jumps -fno-align-labels -E -x c /dev/null >/dev/null 2>&1 && \
                   echo -fno-align-jumps -fno-align-labels)
$(BUILD)/src/quotes/%.o: CFLAGS += $(QUOTES_CFLAGS)

$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LAYER_INC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The generated lexicon: the word lists and the generator are its sources.
# make check fails when the committed file is stale (tests/build/generated.sh);
# a build without python3 keeps the committed file.
LEXICON_SRC := scripts/gen-lexicon.py include/quotes/lexicon.h include/quotes/lang.h $(wildcard src/quotes/lang/*.txt)
$(LEXICON): $(LEXICON_SRC)
	@if command -v python3 >/dev/null 2>&1; then \
		python3 scripts/gen-lexicon.py >$@.tmp && { cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@; }; \
	else echo "quoth: python3 not found, $@ kept as committed" >&2; fi
	@touch $@

# ---- the speaker model (src/quotes/model.c) and its trainer ----------------------
# build/quoth-train (src/train/, a layer above quotes that no other layer
# sees) learns the weights from the annotated corpus; make train writes them
# to src/quotes/model.c (commit it: make check fails when it is stale), make
# eval cross-validates (scripts/eval.sh). json-c reads the gold files.
UPTO_train := $(UPTO_quotes) train
TRAIN_SRC  := $(wildcard src/train/*.c)
TRAIN_OBJ  := $(TRAIN_SRC:%.c=$(BUILD)/%.o)
TRAINER    := $(BUILD)/quoth-train
MODEL      := src/quotes/model.c
CORPUS     ?= ../shared/corpus
TRAIN_SETS ?= dev de-wikinews-dev de-wikinews-train en-polnear-train dev-multi
$(BUILD)/src/train/%.o: LAYER_INC := $(call layer_inc,train)

TRAIN_LINK := $(filter $(foreach l,$(UPTO_quotes),$(BUILD)/src/$(l)/%),$(CORE_OBJ))

# tests/unit/train/ links the trainer without its main (UNIT_RULE).
UNIT_LINK_train := $(filter-out $(BUILD)/src/train/train.o,$(TRAIN_OBJ))

$(TRAINER): $(TRAIN_OBJ) $(TRAIN_LINK)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

train: test-deps $(TRAINER)
	$(TRAINER) --c $(MODEL).tmp $(addprefix $(CORPUS)/,$(TRAIN_SETS)) && mv -f $(MODEL).tmp $(MODEL)
	@$(MAKE) --no-print-directory quoth

eval: test-deps quoth $(TRAINER)
	@BUILD=$(BUILD) CORPUS=$(CORPUS) TRAIN_SETS="$(TRAIN_SETS)" sh scripts/eval.sh

# A unit test of layer L sees what L sees, tests/unit/L/ and tests/unit/
# (scale.h, shared by every layer's tests), and links UNIT_LINK_L too.
define UNIT_RULE
$(BUILD)/tests/$(basename $(notdir $(1))): $(1) $(CORE_OBJ) $(UNIT_LINK_$(word 3,$(subst /, ,$(1))))
	@mkdir -p $$(dir $$@)
	$$(CC) $(call layer_inc,$(word 3,$(subst /, ,$(1)))) -Itests/unit/$(word 3,$(subst /, ,$(1))) -Itests/unit $$(CPPFLAGS) $$(CFLAGS) -Wno-unused-parameter -o $$@ $$< $(UNIT_LINK_$(word 3,$(subst /, ,$(1)))) $$(CORE_OBJ) $$(LDFLAGS) $$(CORE_LIBS) $$(CMOCKA_LIBS)
endef
$(foreach t,$(UNIT_SRC),$(eval $(call UNIT_RULE,$(t))))

# The allocation-failure tests (tests/unit/config/test_nomem.c, and the list
# table's tests/unit/app/test_list_nomem.c) fail the Nth allocation of the
# core objects they link: the allocator is wrapped (tests/unit/nomem.h).
NOMEM_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=asprintf,--wrap=vasprintf
$(BUILD)/tests/test_nomem $(BUILD)/tests/test_list_nomem: LDFLAGS += $(NOMEM_WRAP)

$(BUILD)/bench/%: bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_INC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

# The include path of one layer, for tests/lint.sh and tests/layers.sh.
layer-flags:
	@echo $(call layer_inc,$(LAYER))

run: deps quoth
	./quoth

check: test-deps quoth $(UNIT_BIN) $(TRAINER)
	@BUILD=$(BUILD) sh tests/run.sh

check-unit: test-deps quoth $(UNIT_BIN)
	@BUILD=$(BUILD) SUITES=unit sh tests/run.sh

bench: deps quoth $(BENCH_BIN)
	@BUILD=$(BUILD) sh bench/run.sh

# ---- fuzzing: libFuzzer harnesses in tests/fuzz/, built with clang in build-fuzz ----
# The core objects get the sanitizers and libFuzzer's coverage hooks
# (fuzzer-no-link); only the harnesses link libFuzzer's main.
FUZZ_CC      ?= clang
FUZZ_BUILD   := build-fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=c11 -O1 -g -Wall -Wextra $(WERROR) $(FUZZ_SAN)
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 4
FUZZ_JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_CORE    := $(CORE_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)

$(foreach l,$(LAYERS),$(eval $(FUZZ_BUILD)/src/$(l)/%.o: LAYER_INC := $(call layer_inc,$(l))))
$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(LAYER_INC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE)
	$(FUZZ_CC) $(ALL_INC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) $(CORE_LIBS) -lm

# The command-line parsers (src/cli/args.c and the messages of say.c) for fuzz_args.
FUZZ_CLI     := $(FUZZ_BUILD)/src/cli/args.o $(FUZZ_BUILD)/src/cli/say.o
$(FUZZ_BUILD)/fuzz_args: tests/fuzz/fuzz_args.c tests/fuzz/fuzz.h $(FUZZ_CORE) $(FUZZ_CLI)
	$(FUZZ_CC) $(ALL_INC) -Isrc/cli $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) $(FUZZ_CLI) $(CORE_LIBS) -lm

$(FUZZ_BUILD)/fuzz_search: tests/unit/text/search_ref.h
.SECONDARY: $(FUZZ_CORE) $(FUZZ_CLI)
fuzz-build: deps tool-deps $(FUZZ_BIN)

# Without clang's libFuzzer runtime the suite prints "skip" lines instead.
fuzz: deps tool-deps
	@if sh tests/fuzz/have-libfuzzer.sh $(FUZZ_CC); then $(MAKE) --no-print-directory -j$(FUZZ_JOBS) fuzz-build; fi
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CC=$(FUZZ_CC) SUITES=fuzz sh tests/run.sh

fuzz-smoke: deps tool-deps
	@if sh tests/fuzz/have-libfuzzer.sh $(FUZZ_CC); then $(MAKE) --no-print-directory -j$(FUZZ_JOBS) fuzz-build; fi
	@FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) FUZZ_CC=$(FUZZ_CC) SUITES=fuzz sh tests/run.sh

# ---- valgrind: the unit tests and the cli suite under memcheck (plain build) ----
ifeq ($(SANITIZE),1)
valgrind:
	@echo "quoth: make valgrind runs the plain build (valgrind and ASan do not mix)" >&2; exit 2
else
valgrind: tool-deps quoth $(UNIT_BIN)
	@BUILD=$(BUILD) SUITES=valgrind sh tests/run.sh
endif

# ---- lint: the extra warnings and cppcheck (tests/lint.sh says which and why) ----
lint: tool-deps
	@CC=$(CC) SUITES=lint sh tests/run.sh

install: deps quoth
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
	rm -rf build build-san build-fuzz quoth

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TRAIN_OBJ:.o=.d) $(FUZZ_CORE:.o=.d)
