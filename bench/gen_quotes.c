/* bench/gen_quotes N FILE: N quotes as `quoth quotes --format=jsonl` writes
 * them, for the grouping benchmark: eight quotes an article, three
 * languages, words drawn from a made-up vocabulary with a long tail (as
 * real words are), and two quotes in five taken from an earlier one as
 * other outlets carry it: the same, trimmed at either end, or with a few
 * words changed. Deterministic. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VOCAB 30000
#define BASES 200000

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static char vocab[VOCAB][12];

/* A word index with a long tail: small indexes are far more common. */
static uint32_t zipf_word(void)
{
	double u = (next() % 1000000 + 1) / 1000001.0;
	return (uint32_t)((VOCAB - 1) * u * u * u);
}

static void make_vocab(void)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ne", "ra", "to", "su", "vi", "de", "an", "or", "el",
	                                   "us", "ti", "ba", "fo" };
	for (int i = 0; i < VOCAB; i++) {
		int n = 1 + (int)(next() % 4), k = 0;
		for (int s = 0; s < n; s++)
			k += snprintf(vocab[i] + k, sizeof vocab[i] - (size_t)k, "%s", syl[next() % 16]);
	}
}

typedef struct base {
	uint32_t w[40];
	int n;
	int lang;
} base;

static base bases[BASES];
static int nbases;

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: gen_quotes N FILE\n", stderr);
		return 2;
	}
	long n = atol(argv[1]);
	FILE *f = fopen(argv[2], "w");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	static const char *const langs[] = { "en", "da", "de" };
	make_vocab();
	for (long q = 0; q < n; q++) {
		long art = q / 8;
		int lang = (int)(art % 3);
		base b;
		uint32_t r = next() % 100;
		if (nbases > 100 && r < 40) {
			b = bases[next() % (uint32_t)nbases];
			if (r < 20) {
				/* the same words */
			} else if (r < 30 && b.n > 10) {
				int cut = 1 + (int)(next() % 3);
				if (next() % 2)
					memmove(b.w, b.w + cut, (size_t)(b.n - cut) * sizeof *b.w);
				b.n -= cut;
			} else {
				for (int k = 0; k < 2; k++)
					b.w[next() % (uint32_t)b.n] = zipf_word();
			}
			lang = b.lang;
		} else {
			b.n = 8 + (int)(next() % 25);
			b.lang = lang;
			for (int k = 0; k < b.n; k++)
				b.w[k] = zipf_word();
			if (nbases < BASES)
				bases[nbases++] = b;
			else
				bases[next() % BASES] = b;
		}
		fprintf(f, "{\"file\":\"gen/%07ld.txt\",\"start\":%ld,\"end\":%ld,\"text\":\"", art, (q % 8) * 300,
		        (q % 8) * 300 + 200);
		for (int k = 0; k < b.n; k++)
			fprintf(f, "%s%s", k ? " " : "", vocab[b.w[k]]);
		fprintf(f, "\",\"speaker\":\"Speaker %u\",\"cue\":\"said\",\"confidence\":0.90,\"id\":\"%016llx\","
		        "\"lang\":\"%s\"}\n", (unsigned)(next() % 5000), (unsigned long long)q * 0x9E3779B97F4A7C15ULL,
		        langs[lang]);
	}
	return fclose(f) == 0 ? 0 : 1;
}
