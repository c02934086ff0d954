#!/bin/sh
# The sample articles shipped in samples/ (what `quoth` opens with no path):
# the set is complete, every file is readable UTF-8 with a headline, and
# together they show every quote convention of the annotation guidelines.
# Patterns are matched as bytes (LC_ALL=C) so no UTF-8 locale is needed.
. tests/lib.sh
LC_ALL=C
export LC_ALL
S=samples

n=$(ls "$S"/*.txt 2>/dev/null | wc -l)
if [ "$n" -ge 6 ]; then ok "samples: $n articles"; else fail "samples: at least 6 articles" "found $n"; fi

for f in "$S"/*.txt; do
	[ -f "$f" ] || continue
	b=${f##*/}
	check "samples: $b is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$f" -o /dev/null
	head1=$(sed -n 1p "$f"); head2=$(sed -n 2p "$f")
	if [ -n "$head1" ] && [ -z "$head2" ] && [ "${head1%.}" = "$head1" ]; then
		ok "samples: $b has a headline"
	else
		fail "samples: $b has a headline" "line 1: $head1
line 2: $head2"
	fi
done

if [ -f "$S/README.md" ]; then
	missing=
	for f in "$S"/*.txt; do grep -q "${f##*/}" "$S/README.md" || missing="$missing ${f##*/}"; done
	expect_eq "samples: README.md lists every article" "" "$missing"
else
	fail "samples: README.md exists"
fi

# has NAME GLOB PATTERN: some file matching GLOB has a line matching the ERE
has() {
	name=$1; glob=$2; pat=$3
	# shellcheck disable=SC2086
	if grep -Eq -- "$pat" $S/$glob 2>/dev/null; then ok "samples: $name"
	else fail "samples: $name" "no line matches /$pat/ in $S/$glob"; fi
}

has 'straight "..."'                '*.txt' '"[A-Za-z][^"]*,"'
has 'English curly “...”'           'en-*.txt' '“[^ ].*”'
has 'German „...“'                  'de-*.txt' '„[^ ].*“'
has 'German inner ‚...‘'            'de-*.txt' '‚[^ ].*‘'
has 'French « ... » with inner spaces' 'fr-*.txt' '«( |'"$(printf '\302\240')"').*( |'"$(printf '\302\240')"')»'
has 'Spanish «...» without spaces'  'es-*.txt' '«[A-Za-z]'
has 'Italian «...» without spaces'  'it-*.txt' '«[A-Za-z]'
has 'Danish »...« (book style)'     'da-*.txt' '»[A-Za-z].*«'
has 'German »...« (book style)'     'de-*.txt' '»[A-Za-z].*«'
has 'inner ‹...›'                   '*.txt' '‹.*›'
has 'inner ›...‹ (German book style)' 'de-*.txt' '›[A-Za-z].*‹'
has 'British single outer ‘...’'    'en-*.txt' '^‘[A-Za-z]'
has 'Swedish ”...” (same mark both ends)' 'sv-*.txt' '^”[A-Za-z]'
has 'Japanese 「...」'               'ja-*.txt' '「.*」'
has 'Japanese 『...』'               'ja-*.txt' '『.*』'
has 'Danish dash speech'            'da-*.txt' '^– .*, siger (han|hun)\.$'
has 'Swedish dash speech'           'sv-*.txt' '^– .*, säger (han|hon)\.$'

# attribution patterns and traps for the quote finder
has '"...," X said'                 'en-*.txt' '(,"|,”|,’) [A-Z][a-z]+ said'
has '"...," said X'                 'en-*.txt' '(,"|,”|,’) said [A-Z]'
has 'X said: "..."'                 'en-*.txt' ' said: ("|“)'
has 'according to X'                'en-*.txt' '[Aa]ccording to [A-Z]'
has '"...," she added'              'en-*.txt' '," she added|,” she added'
has 'inverted: siger han'           'da-*.txt' 'siger han'
has 'inverted: sagte er'            'de-*.txt' 'sagte er'
has 'inverted: a-t-il déclaré'      'fr-*.txt' 'a-t-il déclaré'
has 'inverted: dijo el ministro'    'es-*.txt' 'dijo el ministro'
has 'quote interrupted by attribution' 'en-*.txt' '(,"|,”|,’) [A-Z][a-z]+ said, ("|“|‘)'
has 'attribution inside the marks (fr)' 'fr-*.txt' '«.*, précise [A-Z][a-z]+\. '
has 'attribution inside the marks (it)' 'it-*.txt' '«.* – spiega il sindaco'
has 'nested quote'                  'en-*.txt' '“[^”]*‘[^’]*’'
has "apostrophe: don't"             '*.txt' "don't|don’t"
has "apostrophe: '90s"              '*.txt' "'90s|’90s"
has "apostrophe: rock 'n' roll"     '*.txt' "rock 'n' roll|rock ’n’ roll"
has "apostrophe: workers' union"    'en-*.txt' "Workers' Union|Workers’ Union"
has 'scare quotes of one word'      'en-*.txt' ' a ("smart"|“smart”) '
has 'speaker with title, then surname' 'en-*.txt' 'Mayor [A-Z][a-z]+ [A-Z][a-z]+'

# One quote runs over two paragraphs: a paragraph opens with “ and never closes.
if grep -h '^“' "$S"/en-*.txt | grep -vq '”'; then ok "samples: quote over two paragraphs"
else fail "samples: quote over two paragraphs" "no paragraph opens with “ and leaves it open"; fi

# The wire story: hard-wrapped at ~65 columns, no blank line in the body.
wire=
for f in "$S"/en-*.txt; do
	grep -q '^[A-Z][A-Z ]*, [A-Z][a-z]* [0-9]* ([A-Za-z ]*) - ' "$f" && wire=$f
done
if [ -n "$wire" ] && [ "$(sed 1,2d "$wire" | grep -c '^$')" -eq 0 ] \
	&& [ "$(sed 1,2d "$wire" | awk 'length > 70' | wc -l)" -eq 0 ]; then
	ok "samples: hard-wrapped wire story with a dateline"
else
	fail "samples: hard-wrapped wire story with a dateline" "wire file: ${wire:-none}"
fi
