# Articles written at test time for the screen tests (source after lib.sh):
# made-up text that shows the general pattern, long enough to scroll.

# article FILE TITLE NQUOTES: a headline, then paragraphs, every third one a
# quote said by a named speaker ("Quote number K is about ...")
article() {
	awk -v title="$2" -v n="$3" 'BEGIN {
		split("Ingrid Dahl,Tomas Berg,Maria Lopez,Peter Holm,Anna Weiss,Jonas Falk,Clara Moreau,Hugo Brandt,Lena Sato,Oskar Lind,Ruth Evans,Felix Roy", who, ",");
		printf "%s\n\n", title;
		q = 0;
		for (i = 1; q < n; i++) {
			if (i % 3 == 0) {
				q++;
				printf "\"Quote number %d is about the harbour and the ferry that runs twice a day,\" said %s, who spoke on Tuesday.\n\n", q, who[(q - 1) % 12 + 1];
			} else
				printf "Paragraph %d tells of the bridge, the council and the long winter by the water, with enough words to wrap over several rows of a narrow pane.\n\n", i;
		}
	}' >"$1"
}

# odd_article FILE: a quote with no speaker (nobody named before it), one
# whose words end in a comma, and one whose speaker is a guess (the speaker
# model gives it a person of the paragraph before under 0.6: a note cannot
# speak)
odd_article() {
	printf '%s\n\n' "Odd speakers" \
		'"We will not move an inch on this."' \
		"The mayor met the council. Later there was noise in the hall." \
		'Someone shouted at the meeting. "This is a scandal," a voice said.' \
		'"Nobody knows who wrote this," the note on the door read.' >"$1"
}

# status: the last row of the screen
status_line() { screen | tail -1; }

# percent: the reading position the status line shows (digits only)
percent() { status_line | sed -n 's/.* \([0-9][0-9]*\)%.*/\1/p'; }
