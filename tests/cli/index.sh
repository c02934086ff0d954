#!/bin/sh
# quoth index / speakers: building the corpus index of the samples and of
# fixtures of two outlets quoting one person, skipping what did not change,
# name merging (and undoing it in config.ini), imports, and every file that
# is not right: not SQLite, read-only, a JSON line that is not one, a run
# killed with -9 in the middle.
. tests/lib.sh

export XDG_CACHE_HOME="$TMPD/cache"
export XDG_CONFIG_HOME="$TMPD/config"
IDX="$TMPD/cache/quoth/index.sqlite"
C="$TMPD/corpus"
mkdir -p "$C"
cp -r samples "$C/samples"
cp -r "$FIX/index/outlet-a" "$FIX/index/outlet-b" "$FIX/index/outlet-c" "$C/"

# integrity NAME FILE: SQLite's own check of the index says ok
integrity() {
	got=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$2" 2>&1)
	expect_eq "$1" "ok" "$got"
}

# --- building, and again with nothing changed ---
run_status "$QUOTH" index "$C"
expect_eq "index: exit 0" "0" "$RC"
expect_contains "index: counts the files" "$OUT" "14 files: 14 new"
expect_contains "index: names the index" "$OUT" "index $IDX: 14 articles"
[ -f "$IDX" ] && ok "index: the file is under XDG_CACHE_HOME" || fail "index: the file is under XDG_CACHE_HOME"
integrity "index: SQLite finds it whole" "$IDX"
run_status "$QUOTH" index "$C"
expect_contains "index: a second run skips every file" "$OUT" "14 files: 0 new, 0 changed, 0 touched, 14 unchanged"
run_status "$QUOTH" index --quiet "$C"
expect_eq "index --quiet: says nothing" "0:" "$RC:$OUT"

# --- speakers: merged forms, counts, sorting, filtering, formats ---
run_status "$QUOTH" speakers
expect_eq "speakers: exit 0" "0" "$RC"
line=$(printf '%s\n' "$OUT" | grep 'Mara Quintel')
expect_contains "speakers: one person quoted by three outlets" "$line" "3        3  Mara Quintel  (also: Quintel)"
counts=$(printf '%s\n' "$OUT" | sed 1d | awk '{ print $1 }')
expect_eq "speakers: most quoted first" "$(printf '%s\n' "$counts" | sort -rn)" "$counts"
run_status "$QUOTH" speakers --sort name
expect_eq "speakers --sort name: by name" "$(printf '%s\n' "$OUT" | sed 1d | sed 's/^ *[0-9]* *[0-9]*  //' | sort -f | head -3)" \
	"$(printf '%s\n' "$OUT" | sed 1d | sed 's/^ *[0-9]* *[0-9]*  //' | head -3)"
run_status "$QUOTH" speakers --filter quin
expect_eq "speakers --filter: any case, any form" "2" "$(printf '%s\n' "$OUT" | wc -l)"
run_status "$QUOTH" speakers --filter QUINTEL --format tsv
expect_eq "speakers --format tsv" "$(printf 'speaker\tquotes\tarticles\tforms\nMara Quintel\t3\t3\tMara Quintel, Quintel')" "$OUT"
run_status "$QUOTH" speakers --filter ferrand --format jsonl
expect_eq "speakers --format jsonl" '{"speaker":"Tobias Ferrand","quotes":2,"articles":2,"forms":["Tobias Ferrand"]}' "$OUT"
run_status "$QUOTH" speakers --quotes quintel
expect_contains "speakers --quotes: the Danish quote" "$OUT" "Aftalen beskytter hvert eneste job i havnen"
expect_contains "speakers --quotes: the English quote" "$OUT" "gives young workers a real future"
expect_contains "speakers --quotes: title, path, language, date" "$OUT" "Harbour deal signed after a long night ($C/outlet-a/en-harbour-deal.txt) en May 12"
run_status "$QUOTH" speakers --quotes quintel --format jsonl
expect_contains "speakers --quotes jsonl: source of the dateline" "$OUT" '"source":"Baltic Daily"'
run_status "$QUOTH" speakers --quotes "Nobody Here"
expect_eq "speakers --quotes: an unknown name is exit 1" "1" "$RC"
expect_contains "speakers --quotes: says so" "$ERR" "not: Nobody Here"

# --- the same quote in two outlets, with its word differences ---
run_status "$QUOTH" same-quotes
expect_eq "same-quotes: exit 0" "0" "$RC"
expect_eq "same-quotes: two groups" "2" "$(printf '%s\n' "$OUT" | grep -c '^== 2 articles, 2 quotes (en)')"
expect_contains "same-quotes: the first variant whole" "$OUT" "gives the young workers a future here"
expect_contains "same-quotes: the other with its differences" "$OUT" "gives [-the-] young workers a {+real+} future [-here-]"
expect_contains "same-quotes: outlet, date and path of each" "$OUT" "Mara Quintel — Harbour deal signed after a long night, May 12, North Coast Wire"
expect_not_contains "same-quotes: a translation is another language" "$OUT" "Aftalen"
run_status "$QUOTH" same-quotes --format jsonl
valid=$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)["articles"] == 2))' 2>&1)
expect_eq "same-quotes --format jsonl: one JSON object a group" "2" "$valid"
expect_contains "same-quotes --format jsonl: the differences" "$OUT" '{"op":"added","words":"real"}'
run_status "$QUOTH" same-quotes --match harbour --format jsonl
expect_eq "same-quotes --match: the groups with a matching quote" "2" "$(printf '%s\n' "$OUT" | wc -l)"
run_status "$QUOTH" same-quotes --match 'speaker:ferrand'
expect_eq "same-quotes --match speaker:NAME" "1" "$(printf '%s\n' "$OUT" | grep -c '^==')"
run_status "$QUOTH" same-quotes --match '"unclosed'
expect_eq "same-quotes --match: a query that does not parse is exit 1" "1" "$RC"
expect_contains "same-quotes --match: says what it wants" "$ERR" "--match wants an FTS5 query"
run_status "$QUOTH" same-quotes --min-articles 3
expect_eq "same-quotes --min-articles 3: none" "0:" "$RC:$OUT"
run_status "$QUOTH" same-quotes --min-articles one
expect_eq "same-quotes --min-articles one: exit 2" "2" "$RC"
run_status "$QUOTH" speakers --quotes "Tobias Ferrand"
expect_contains "speakers --quotes: marks a quote found elsewhere" "$OUT" "[also in 1 article]"

# --- undoing a merge in config.ini ---
mkdir -p "$XDG_CONFIG_HOME/quoth"
printf '[speakers]\nkeep_apart = Quintel\n' >"$XDG_CONFIG_HOME/quoth/config.ini"
run_status "$QUOTH" speakers --filter quintel --format tsv
expect_eq "config keep_apart: the form stands alone" "$(printf 'speaker\tquotes\tarticles\tforms\nMara Quintel\t2\t2\tMara Quintel\nQuintel\t1\t1\tQuintel')" "$OUT"
printf '[speakers]\nmerge = no\n' >"$XDG_CONFIG_HOME/quoth/config.ini"
run_status "$QUOTH" speakers --filter quintel
expect_eq "config merge = no: no merging" "3" "$(printf '%s\n' "$OUT" | wc -l)"
rm -f "$XDG_CONFIG_HOME/quoth/config.ini"

# --- changes: a new time, new bytes, a vanished file ---
touch -d '2001-01-01' "$C/outlet-c/da-havneaftale.txt"
printf '\nThe port said nothing more.\n' >>"$C/outlet-b/en-harbour-agreement.txt"
rm "$C/samples/it-ponte-valdessa.txt"
run_status "$QUOTH" index "$C"
expect_contains "index: touched, changed and removed" "$OUT" "13 files: 0 new, 1 changed, 1 touched, 11 unchanged, 1 removed"
run_status "$QUOTH" index
expect_contains "index with no path: every known file again" "$OUT" "13 files: 0 new, 0 changed, 0 touched, 13 unchanged"

# --- bad usage and bad files ---
run_status "$QUOTH" index --nonsense "$C"
expect_eq "index: an unknown option is exit 2" "2" "$RC"
expect_contains "index: names the option" "$ERR" "unknown option --nonsense"
run_status "$QUOTH" index -
expect_eq "index -: refused (exit 2)" "2" "$RC"
run_status "$QUOTH" index --jobs 0 "$C"
expect_eq "index --jobs 0: exit 2" "2" "$RC"
expect_contains "index --jobs 0: says what it wants" "$ERR" "--jobs wants a number from 1 to 16, not '0'"
# one reading thread or several: the same index
run_status "$QUOTH" index --jobs 1 --index "$TMPD/j1.sqlite" "$C"
expect_eq "index --jobs 1: exit 0" "0" "$RC"
run_status "$QUOTH" index -j 3 --index "$TMPD/j3.sqlite" "$C"
expect_eq "index -j 3: exit 0" "0" "$RC"
rows() {
	python3 -c 'import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); [print(*r) for r in c.execute("select q.id, a.path, q.start, q.text, q.speaker from quotes q join articles a on a.id = q.article order by q.id")]' "$1"
}
expect_eq "index -j 3: the quotes of -j 1, in the same rows" "$(rows "$TMPD/j1.sqlite")" "$(rows "$TMPD/j3.sqlite")"
expect_contains "index -j 1: has the quotes" "$(rows "$TMPD/j1.sqlite")" "outlet-b"
run_status "$QUOTH" index "$C/none.txt"
expect_eq "index: a missing file is exit 1" "1" "$RC"
expect_contains "index: names the missing file" "$ERR" "none.txt: no such file or directory"
run_status "$QUOTH" speakers --sort size
expect_eq "speakers: a bad --sort is exit 2" "2" "$RC"
expect_contains "speakers: says what --sort wants" "$ERR" "--sort wants count or name"
run_status "$QUOTH" speakers --index "$TMPD/none.sqlite"
expect_eq "speakers: no index is exit 1" "1" "$RC"
expect_contains "speakers: says how to make one" "$ERR" "quoth index PATH"

printf 'my own notes\n' >"$TMPD/notes.txt"
run_status "$QUOTH" index --index "$TMPD/notes.txt" "$C"
expect_eq "index --index: a file that is not SQLite is exit 1" "1" "$RC"
expect_contains "index --index: says why" "$ERR" "not an SQLite database; not replaced"
expect_eq "index --index: the file is left as it was" "my own notes" "$(cat "$TMPD/notes.txt")"
run_status "$QUOTH" speakers --index "$TMPD/notes.txt"
expect_eq "speakers --index: a file that is not an index is exit 1" "1" "$RC"

# in quoth's own folder a broken index is rebuilt with one message
printf 'garbage that is no database at all, long enough to hold a header......................................' >"$IDX"
rm -f "$IDX-wal" "$IDX-shm"
run_status "$QUOTH" index "$C"
expect_eq "index: a broken cache file is rebuilt (exit 0)" "0" "$RC"
expect_eq "index: one message says so" "1" "$(printf '%s\n' "$ERR" | grep -c 'rebuilt')"
expect_contains "index: everything indexed again" "$OUT" "13 new"

# a truncated index named with --index: the readers say so, quoth index rebuilds it
cp "$IDX" "$TMPD/cut.sqlite"
truncate -s 8192 "$TMPD/cut.sqlite"
run_status "$QUOTH" speakers --index "$TMPD/cut.sqlite"
expect_eq "speakers: a truncated index is exit 1, with one message" "1:quoth: index $TMPD/cut.sqlite: damaged (truncated); quoth index rebuilds it" "$RC:$ERR"
run_status "$QUOTH" index --index "$TMPD/cut.sqlite" "$C"
expect_eq "index: a truncated index is rebuilt with one message (exit 0)" "0:quoth: index $TMPD/cut.sqlite: rebuilt (it was truncated)" "$RC:$ERR"
expect_contains "index: the truncated index indexed again" "$OUT" "13 new"

# --- import ---
"$QUOTH" quotes --format=jsonl "$C/outlet-a/en-harbour-deal.txt" >"$TMPD/q.jsonl"
printf 'not json\n{"file":"x.txt","text":"no offsets","id":"0000000000000001"}\n' >>"$TMPD/q.jsonl"
run_status "$QUOTH" index --index "$TMPD/imp.sqlite" --import "$TMPD/q.jsonl"
expect_eq "index --import: bad lines make exit 1" "1" "$RC"
expect_contains "index --import: the line number of a bad line" "$ERR" "q.jsonl:3:"
expect_contains "index --import: and of the next" "$ERR" "q.jsonl:4: no \"start\" and \"end\""
expect_contains "index --import: the good lines are loaded" "$OUT" "1 articles, 2 quotes"
run_status "$QUOTH" speakers --index "$TMPD/imp.sqlite" --format tsv
expect_contains "index --import: its speakers" "$OUT" "$(printf 'Mara Quintel\t1\t1')"
run_status "$QUOTH" index --index "$TMPD/imp.sqlite" "$C/outlet-a"
expect_contains "index after --import: the imported file is not read again" "$OUT" "1 files: 0 new, 0 changed, 0 touched, 1 unchanged"
run_status "$QUOTH" index --import "$TMPD/q.jsonl" "$C"
expect_eq "index --import with a PATH: exit 2" "2" "$RC"
# gzipped as quoth quotes reads it; cut short, binary, a device: each said once
"$QUOTH" quotes --format=jsonl "$C/outlet-a" "$C/outlet-b" | gzip -c >"$TMPD/q.jsonl.gz"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import "$TMPD/q.jsonl.gz"
expect_eq "index --import of gzip data: exit 0" "0" "$RC"
expect_contains "index --import of gzip data: inflated" "$OUT" "2 articles, "
awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "{\"file\":\"f%d.txt\",\"start\":0,\"end\":4,\"text\":\"Some words %d\",\"id\":\"%016x\"}\n", i, i, i }' |
	gzip -c | head -c 8000 >"$TMPD/cut.jsonl.gz"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import "$TMPD/cut.jsonl.gz"
expect_eq "index --import of cut gzip data: exit 1" "1" "$RC"
cut_at=$(printf '%s\n' "$ERR" | sed -n 's/.*cut\.jsonl\.gz:\([0-9]*\): not a JSON object (it ends too soon)$/\1/p')
expect_contains "index --import of cut gzip data: said at the line it stopped in" "$ERR" "cut.jsonl.gz:${cut_at:-?}: truncated gzip data"
expect_eq "index --import of cut gzip data: what came before it loaded" "imported $((cut_at - 1)) articles" \
	"$(printf '%s\n' "$OUT" | sed -n 's/^\(imported [0-9]* articles\).*/\1/p')"
head -c 3000 "$QUOTH" >"$TMPD/binary.jsonl"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import "$TMPD/binary.jsonl"
expect_eq "index --import of a binary file: one message" "quoth: $TMPD/binary.jsonl: binary file, not text" "$ERR"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import /dev/zero
expect_eq "index --import of a device: refused at once, exit 1" "1:quoth: /dev/zero: not a regular file" "$RC:$ERR"
mkfifo "$TMPD/pipe.jsonl"
gzip -dc "$TMPD/q.jsonl.gz" >"$TMPD/pipe.jsonl" &
run_status "$QUOTH" index --index "$TMPD/pipe.sqlite" --import "$TMPD/pipe.jsonl"
kill $! 2>/dev/null   # a writer still waiting for a reader (the pipe refused)
wait
expect_eq "index --import of a named pipe: read once its writer comes" "0:imported 2 articles" \
	"$RC:$(printf '%s\n' "$OUT" | sed -n 's/^\(imported [0-9]* articles\).*/\1/p')"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import "$TMPD/none.jsonl"
expect_eq "index --import of a missing file: the error alone, no summary, exit 1" \
	"1::quoth: $TMPD/none.jsonl: no such file or directory" "$RC:$OUT:$ERR"
run_status "$QUOTH" index --index "$TMPD/gz.sqlite" --import "$TMPD/none.jsonl" --import "$TMPD/q.jsonl.gz"
expect_contains "index --import of a missing file beside one read: the summary of what was read" "$OUT" "imported 2 articles"

# --- read-only: the index is read, never written ---
if [ "$(id -u)" != 0 ]; then
	cp "$IDX" "$TMPD/ro.sqlite"
	chmod 0444 "$TMPD/ro.sqlite"
	run_status "$QUOTH" speakers --index "$TMPD/ro.sqlite" --filter quintel
	expect_contains "speakers: a read-only index is read" "$OUT" "Mara Quintel"
	run_status "$QUOTH" index --index "$TMPD/ro.sqlite" "$C"
	expect_eq "index: a read-only index is exit 1" "1" "$RC"
	expect_contains "index: says it is read-only" "$ERR" "read-only"
else
	skip "read-only index (root ignores file modes; tests/unit/store/test_index.c covers it)"
fi

# --- kill -9 in the middle of a run: the index stays usable ---
big="$TMPD/big"
mkdir -p "$big"
i=0
while [ $i -lt 40 ]; do
	mkdir -p "$big/$i"
	cp samples/*.txt "$FIX"/index/*/*.txt "$big/$i/"
	i=$((i + 1))
done
# killed INDEX DELAY WHAT: quoth index of $big into INDEX killed with -9
# after DELAY seconds; the index is whole and quoth speakers reads it
killed() {
	"$QUOTH" index --quiet --index "$1" "$big" 2>/dev/null &
	pid=$!
	sleep "$2"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	integrity "$3: SQLite finds the index whole" "$1"
	run_status "$QUOTH" speakers --index "$1"
	# a load killed before its first commit (a loaded machine can take
	# longer than DELAY to start) leaves no index, and quoth says so
	if [ "$RC" -eq 1 ] && [ "$ERR" = "quoth: index $1: no index yet (quoth index PATH... makes one)" ]; then RC=0; fi
	expect_eq "$3: quoth speakers still works (or says there is no index yet)" "0" "$RC"
}
"$QUOTH" index --quiet --index "$TMPD/k.sqlite" "$C/outlet-a"   # an index to be killed on top of
for delay in 0.2 0.5 1; do
	killed "$TMPD/k.sqlite" $delay "kill -9 after ${delay}s"
done
run_status "$QUOTH" index --index "$TMPD/k.sqlite" "$big"
expect_contains "after the kills: a run completes the index" "$OUT" "561 articles"
# the same in a load into a new index, which syncs nothing (a kill leaves
# what the system was given, whole)
for delay in 0.2 0.5 1; do
	rm -f "$TMPD/n.sqlite" "$TMPD/n.sqlite-wal" "$TMPD/n.sqlite-shm"
	killed "$TMPD/n.sqlite" $delay "kill -9 of a new index's load after ${delay}s"
	run_status "$QUOTH" index --index "$TMPD/n.sqlite" "$big"
	expect_contains "kill -9 of a new index's load after ${delay}s: a run completes it" "$OUT" "560 articles"
done
"$QUOTH" index --quiet --index "$TMPD/clean.sqlite" "$big" "$C/outlet-a"
a=$("$QUOTH" speakers --index "$TMPD/k.sqlite" --format tsv)
b=$("$QUOTH" speakers --index "$TMPD/clean.sqlite" --format tsv)
expect_eq "after the kills: the same speakers as a clean run" "$b" "$a"

# --- two readers beside an indexer ---------------------------------------------------
rm -f "$TMPD/c.sqlite"*
"$QUOTH" index --quiet --index "$TMPD/c.sqlite" "$C" 2>/dev/null
"$QUOTH" index --quiet --index "$TMPD/c.sqlite" "$big" 2>"$TMPD/ix.err" &
ixpid=$!
bad=0
for i in 1 2 3 4 5; do
	"$QUOTH" speakers --index "$TMPD/c.sqlite" --format tsv >/dev/null 2>>"$TMPD/r.err" || bad=$((bad + 1)) &
	"$QUOTH" same-quotes --index "$TMPD/c.sqlite" >/dev/null 2>>"$TMPD/r.err" || bad=$((bad + 1))
	wait $!
done
wait $ixpid
expect_eq "an indexer beside readers: it completes" "0" "$?"
expect_eq "readers beside an indexer: every one answers" "" "$(cat "$TMPD/r.err")"
integrity "readers beside an indexer: the index is whole" "$TMPD/c.sqlite"

# --- a file that changes while it is indexed ----------------------------------------
mkdir -p "$TMPD/live"
cp "$big"/0/*.txt "$TMPD/live/"
f="$TMPD/live/en-harbour-deal.txt"
( i=0; while [ $i -lt 400 ]; do printf '\nMore copy %d was filed.\n' $i >>"$f"; i=$((i + 1)); done ) &
wpid=$!
run_status "$QUOTH" index --index "$TMPD/live.sqlite" "$TMPD/live"
wait $wpid
expect_eq "a file changing while indexed: no failure" "0" "$RC"
run_status "$QUOTH" index --index "$TMPD/live.sqlite" "$TMPD/live"
want=$("$QUOTH" quotes --format tsv "$f" | tail -n +2 | cut -f8 | sort)
got=$(python3 -c 'import sqlite3,sys; print("\n".join(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select q.text from quotes q join articles a on a.id=q.article where a.path=?", (sys.argv[2],)))))' "$TMPD/live.sqlite" "$(cd "$TMPD/live" && pwd -P)/en-harbour-deal.txt")
expect_eq "a file changed while indexed: the next run has its quotes as they are now" "$want" "$got"

# --- 10,000 variants of one speaker's name --------------------------------------------
python3 - "$TMPD/variants.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        name = ["Mei Tanlong", "Mei", "President Mei", "MEI TANLONG"][i % 4] if i < 4 else "Mei Tanlong Q%d" % i
        f.write(json.dumps({"file": "v/%05d.txt" % i, "start": 0, "end": 10, "text": "we will keep the line open %d" % i,
                            "speaker": name, "cue": "said", "confidence": 0.9, "id": "%016x" % (i + 1), "lang": "en"}) + "\n")
PY
run_status "$QUOTH" index --index "$TMPD/v.sqlite" --import "$TMPD/variants.jsonl"
expect_eq "10,000 variants of a name: imported" "0" "$RC"
run_status "$QUOTH" speakers --index "$TMPD/v.sqlite" --format tsv
expect_eq "10,000 variants of a name: every variant listed, plus two merged forms and the header" "9999" "$(printf '%s\n' "$OUT" | wc -l)"
expect_contains "10,000 variants: forms that begin all of them stay apart, with their own" "$OUT" "$(printf 'Mei Tanlong\t2\t2\tMEI TANLONG, Mei Tanlong')"
expect_contains "10,000 variants: the title dropped" "$OUT" "$(printf 'Mei\t2\t2\tMei, President Mei')"

# --- several articles in one file: through quoth quotes and --import --------------
printf '{"title":"Quay plans","text":"\\"We will build the new quay before the winter comes,\\" said Mara Quintel.","date_publish":"2024-05-01"}\n{"title":"Ferry back","text":"\\"The ferry runs again from Monday morning on,\\" said Ole Brandt."}\n' >"$TMPD/dump.jsonl"
run_status "$QUOTH" index --index "$TMPD/d.sqlite" "$TMPD/dump.jsonl"
expect_eq "index of a JSON Lines dump: exit 1" "1" "$RC"
expect_contains "index of a JSON Lines dump: says how" "$ERR" "quoth quotes --format=jsonl FILE | quoth index --import -"
mkdir -p "$TMPD/ff"
printf 'First story\n\n"We keep the harbour open all winter long," said Mara Quintel.\n\f\nSecond story\n\n"The quay opens in May next year," said Ole Brandt.\n' >"$TMPD/ff/two.txt"
run_status "$QUOTH" index --index "$TMPD/d.sqlite" "$TMPD/ff"
expect_contains "index of a form-feed file: says how" "$ERR" "two.txt: several articles in one file"
"$QUOTH" quotes --format=jsonl "$TMPD/dump.jsonl" "$TMPD/ff/two.txt" >"$TMPD/several.jsonl"
run_status sh -c '"$1" index --index "$2" --import - <"$3"' sh "$QUOTH" "$TMPD/d.sqlite" "$TMPD/several.jsonl"
expect_contains "--import -: each article of a dump or form-feed file apart" "$OUT" "4 articles, 4 quotes"
run_status "$QUOTH" speakers --index "$TMPD/d.sqlite" --quotes "Ole Brandt" --format jsonl
expect_contains "--import: a dump's article keeps its title" "$OUT" '"title":"Ferry back"'

# --- dates: read as ISO dates when they give day, month and year -------------------
mkdir -p "$TMPD/dated"
printf 'Bridge opens\n\nNORDBY, 22 September 2015 (Fjord Post) - The bridge opened.\n\n"We waited ten years for this bridge," said Anna Solberg.\n' >"$TMPD/dated/a.txt"
printf 'Bridge closes\n\nSÜDHAFEN, 3. März 2016 (Hafenblatt) - Die Brücke ist zu.\n\n"Wir öffnen sie im Sommer wieder", sagte Anna Solberg.\n' >"$TMPD/dated/b.txt"
printf 'Bridge tolls\n\nNORDBY, May 12 (Fjord Post) - Tolls rise.\n\n"The tolls pay for the repairs," said Anna Solberg.\n' >"$TMPD/dated/c.txt"
run_status "$QUOTH" index --quiet --index "$TMPD/dated.sqlite" "$TMPD/dated"
expect_eq "dates: indexed" "0" "$RC"
run_status "$QUOTH" speakers --index "$TMPD/dated.sqlite" --quotes "Anna Solberg" --format tsv
expect_contains "dates: a day, a month name and a year read as an ISO date" "$OUT" "$(printf '\ten\t2015-09-22\t')"
expect_contains "dates: a German month name with the day's dot" "$OUT" "$(printf '\tde\t2016-03-03\t')"
expect_contains "dates: no year, kept as written" "$OUT" "$(printf '\ten\tMay 12\t')"
