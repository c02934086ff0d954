/* bench/gen_folder N DIR SAMPLE...: writes N articles into DIR/NNN/ (1,000
 * a folder), each one of the samples with a numbered headline, so that all
 * are different files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *b = malloc((size_t)len + 1);
	if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*n = (size_t)len;
	return b;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: gen_folder N DIR SAMPLE...\n", stderr);
		return 2;
	}
	long n = atol(argv[1]);
	int ns = argc - 3;
	char **body = calloc((size_t)ns, sizeof *body);
	size_t *len = calloc((size_t)ns, sizeof *len);
	for (int i = 0; i < ns; i++) {
		body[i] = slurp(argv[3 + i], &len[i]);
		if (!body[i]) {
			perror(argv[3 + i]);
			return 1;
		}
	}
	mkdir(argv[2], 0755);
	char path[4096];
	for (long k = 0; k < n; k++) {
		if (k % 1000 == 0) {
			snprintf(path, sizeof path, "%s/%03ld", argv[2], k / 1000);
			mkdir(path, 0755);
		}
		snprintf(path, sizeof path, "%s/%03ld/a%06ld.txt", argv[2], k / 1000, k);
		FILE *f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 1;
		}
		int s = (int)(k % ns);
		fprintf(f, "Article %ld: ", k);
		fwrite(body[s], 1, len[s], f);
		fclose(f);
	}
	return 0;
}
