#!/bin/sh
# quoth tag and quoth export on files of several articles, as the reader
# lists them: a JSON Lines record, an article of a form-feed file. A tag
# made from the command line names the article as the reader and quoth
# quotes do (its id, its line), and a speaker correction saved under that
# id is what quoth quotes prints for that record only.
. tests/lib.sh

export XDG_DATA_HOME="$TMPD/data"
D="$TMPD/d.jsonl"
{
	printf '%s\n' '{"title":"Dock strike ends","text":"Dock strike ends\n\n\"We are back at work,\" said Ana Reis."}'
	printf '%s\n' '{"title":"Rail line opens","text":"Rail line opens\n\n\"The first train left on time,\" said Olu Ade."}'
} >"$D"
# qid FILE N: the id of the N-th quote of FILE, as quoth quotes prints it
qid() { "$QUOTH" quotes --format tsv "$1" | awk -F '\t' -v n="$2" 'NR == n + 1 { print $7 }'; }
Q2=$(qid "$D" 2)

run_status "$QUOTH" tag claim "$D" "$Q2"
expect_eq "tag: a file of several articles wants --article: exit 2" 2 "$RC"
expect_contains "tag: and says so" "$ERR" "say which with --article N"
run_status "$QUOTH" tag claim --article 1 "$D" "$Q2"
expect_eq "tag: a quote of another record is refused" 1 "$RC"
run_status "$QUOTH" tag claim --article 7 "$D" "$Q2"
expect_eq "tag: no such article: exit 2" 2 "$RC"
expect_contains "tag: no such article: said" "$ERR" "has no article 7"
run_status "$QUOTH" tag claim --article x "$D" "$Q2"
expect_eq "tag: --article wants a number" 2 "$RC"
run_status "$QUOTH" tag claim --article 2 "$D" "$Q2"
expect_eq "tag: --article 2 tags the second record" 0 "$RC"

run_status "$QUOTH" export --format tsv
expect_contains "export: the record's quote" "$OUT" "The first train left on time"
expect_contains "export: the record's title" "$OUT" "Rail line opens"
expect_contains "export: the record's line" "$OUT" "d.jsonl:2"
run_status "$QUOTH" export --format tsv "$D"
expect_contains "export FILE: found by the record's id" "$OUT" "The first train left on time"

cp "$D" "$TMPD/broken.jsonl"
printf '%s\n' '{"text": 1}' >>"$TMPD/broken.jsonl"
run_status "$QUOTH" export --format tsv "$TMPD/broken.jsonl"
expect_eq "export: a broken record: exit 1" 1 "$RC"
expect_contains "export: a broken record: named with its line and why" "$ERR" "broken.jsonl:3: the field \"text\" is not a string"
expect_contains "export: the other records' tags still printed" "$OUT" "The first train left on time"

# a correction saved under the id the tag used: quoth quotes applies it to that record
ART=$("$QUOTH" export --format tsv | awk -F '\t' 'NR == 2 { print $6 }')
printf '1\ts\t%s\t%s\t0\tNew Voice\n' "$ART" "$Q2" >>"$XDG_DATA_HOME/quoth/tags.journal"
run_status "$QUOTH" quotes --format jsonl "$D"
expect_contains "quotes: the correction, on the record" "$(printf '%s\n' "$OUT" | sed -n 2p)" '"speaker":"New Voice"'
expect_not_contains "quotes: not on the other record" "$(printf '%s\n' "$OUT" | sed -n 1p)" 'New Voice'

# --- a form-feed file: an article a page -------------------------------------------------
P="$TMPD/pages.txt"
printf 'Page one\n\n"The ferry will run again next week," said Kai Lund.\n\f\nPage two\n\n"The school roof was fixed in time," said Eva Noor.\n' >"$P"
Q=$(qid "$P" 2)
run_status "$QUOTH" tag page --article 2 "$P" "$Q"
expect_eq "tag: the second page of a form-feed file" 0 "$RC"
run_status "$QUOTH" export --tag page --format tsv
expect_contains "export: the page's title" "$OUT" "Page two"
expect_contains "export: the page's number" "$OUT" "pages.txt #2"

# --- one article: as before; --article is refused ---------------------------------------
printf 'Lone story\n\n"Nobody came to the meeting today," said Al Berg.\n' >"$TMPD/lone.txt"
Q=$(qid "$TMPD/lone.txt" 1)
run_status "$QUOTH" tag solo --article 1 "$TMPD/lone.txt" "$Q"
expect_eq "tag: --article on a file of one article: exit 2" 2 "$RC"
run_status "$QUOTH" tag solo "$TMPD/lone.txt" "$Q"
expect_eq "tag: a file of one article needs no --article" 0 "$RC"
run_status "$QUOTH" tag solo "$TMPD" "$Q"
expect_eq "tag: a folder is refused" 1 "$RC"
expect_contains "tag: a folder: said" "$ERR" "is a directory"
